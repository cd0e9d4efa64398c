//! The SMS providers against mock servers on 127.0.0.1.
//!
//! `conformance` holds the rules every provider must pass (configuration errors, HTTP failure
//! kinds, timeouts, garbage, no secret in any message); each provider module checks its exact
//! requests and the provider's own success and error answers.

mod common;
mod conformance;

mod cegedim_vortext;
mod clickatell_central;
mod clickatell_portal;
mod clicksend;
mod clockworksms;
mod custom;
mod ecallsms;
mod huawei_e3531;
mod ovh;
mod playsms;
mod puzzel;
mod serwersms;
mod sipgate;
mod sms77io;
mod smsapi;
mod smsglobal;
mod spryngsms;
mod voipbuster;
mod voipms;
mod websms_de;
