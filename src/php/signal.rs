//! `TwoFactorGateway\Signal`.

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::convert;
use super::to_php;
use crate::signal as core;

/// Sends messages through a Signal gateway: signal-cli's JSON-RPC HTTP daemon,
/// signal-cli-rest-api, or the legacy signal-web-gateway (detected once per process).
#[php_class]
#[php(name = "TwoFactorGateway\\Signal")]
pub struct Signal {
    inner: core::Signal,
}

#[php_impl]
impl Signal {
    /// @param array<string, string|int|bool|null> $config Keys: url, account, and the transport keys
    ///   connect_timeout, timeout, ca_file (see fields()).
    /// @throws \TwoFactorGateway\Exception\ConfigurationException naming every bad key
    pub fn __construct(config: &ZendHashTable) -> PhpResult<Self> {
        let inner = core::Signal::new(&convert::raw_config(config)).map_err(to_php)?;
        Ok(Self { inner })
    }

    /// Sends a message to a phone number (E.164), a Signal group id, a UUID or u:username.
    ///
    /// @throws \TwoFactorGateway\Exception\InvalidIdentifierException
    /// @throws \TwoFactorGateway\Exception\InvalidMessageException
    /// @throws \TwoFactorGateway\Exception\MessageTransmissionException (a subclass per failure)
    pub fn send(&self, identifier: BinarySlice<u8>, message: BinarySlice<u8>) -> PhpResult<()> {
        let (identifier, message) = convert::send_args(&identifier, &message)?;
        self.inner.send(identifier, message).map_err(to_php)
    }

    /// Asks the gateway which kind of server it is (and remembers the answer for this process):
    /// "signal-cli JSON-RPC", "REST API v2", "REST API v1" or "signal-web-gateway".
    ///
    /// @throws \TwoFactorGateway\Exception\MessageTransmissionException when it cannot be reached
    pub fn detect(&self) -> PhpResult<String> {
        self.inner
            .detect()
            .map(|k| k.name().to_owned())
            .map_err(to_php)
    }

    /// The channel id, "signal".
    pub fn id() -> &'static str {
        core::SPEC.id
    }

    /// The configuration fields, in prompt order: list of arrays with keys
    /// key, prompt, kind (text|secret|url|integer|boolean|choice), optional, default, help,
    /// secret, advanced (+ min/max for integers, choices for choices).
    ///
    /// @return list<array<string, mixed>>
    pub fn fields() -> PhpResult<Vec<ZBox<ZendHashTable>>> {
        convert::fields(&core::SPEC)
    }
}
