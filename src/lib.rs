//! # twofactor_gateway
//!
//! The core of Nextcloud's two-factor message gateway, built as a PHP extension.
//!
//! | module | what it holds |
//! |---|---|
//! | [`error`] | the one error type and its kinds (→ PHP exception classes) |
//! | [`schema`] | configuration fields, declared once per channel |
//! | [`config`] | checking a configuration array against a schema |
//! | [`http`] | the per-process HTTP client, timeouts, body cap, secret scrubbing |
//! | [`code`] | one-time codes: generation, keyed state, constant-time checks |
//! | [`phone`] | phone numbers to E.164 |
//! | [`signal`] | the Signal channel (signal-cli JSON-RPC, REST API, legacy gateway) |
//! | [`sms`] | the SMS channel: one module per provider, and a generic HTTP provider |
//!
//! Everything that touches PHP lives in `src/php/` behind the `php` feature, so the core
//! builds and tests without PHP.

pub mod code;
pub mod config;
pub mod error;
pub mod http;
pub mod phone;
pub mod schema;
pub mod signal;
pub mod sms;

#[cfg(feature = "php")]
mod php;

pub use error::{Error, ErrorKind, Result};

/// The extension's version, shown by `phpinfo()` and `TwoFactorGateway\VERSION`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The channels this build can send through, in display order.
pub const CHANNELS: &[&str] = &["signal", "sms"];
