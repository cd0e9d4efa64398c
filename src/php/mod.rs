//! The PHP binding: the only place that uses `ext_php_rs`.
//!
//! Classes (namespace `TwoFactorGateway`): `Signal` and `Sms` (channels), `Code` (one-time codes),
//! `Phone` (E.164), and the exception hierarchy under `TwoFactorGateway\Exception`
//! ([`exceptions`]). Nothing here creates a thread, a runtime or an HTTP client: module
//! start-up registers classes and installs a silent panic hook, nothing else (see
//! [`crate::http`] for the per-process client).

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

mod code;
mod convert;
mod exceptions;
mod phone;
mod signal;
mod sms;

pub use exceptions::to_php;

extern "C" fn startup(_ty: i32, _module_number: i32) -> i32 {
    // Panics become PHP \Error with the message; the default hook would also print them on
    // stderr (and break .phpt output). Per cdylib: affects this extension only.
    std::panic::set_hook(Box::new(|_| {}));
    if exceptions::register() {
        0
    } else {
        -1
    }
}

extern "C" fn info(_module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("twofactor_gateway", "enabled");
    info_table_row!("version", crate::VERSION);
    info_table_row!("channels", crate::CHANNELS.join(", "));
    info_table_row!("user agent", crate::http::USER_AGENT);
    info_table_end!();
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    module
        .startup_function(startup)
        .info_function(info)
        .class::<signal::Signal>()
        .class::<sms::Sms>()
        .class::<code::Code>()
        .class::<phone::Phone>()
}
