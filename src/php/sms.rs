//! `TwoFactorGateway\Sms`.

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::convert;
use super::to_php;
use crate::sms as core;

/// Sends SMS through one of the providers listed by providers(), chosen by the `provider` key.
#[php_class]
#[php(name = "TwoFactorGateway\\Sms")]
pub struct Sms {
    inner: core::Sms,
}

#[php_impl]
impl Sms {
    /// @param array<string, string|int|bool|null> $config `provider` (an id from providers())
    ///   and that provider's fields, plus the transport keys connect_timeout, timeout, ca_file.
    /// @throws \TwoFactorGateway\Exception\ConfigurationException naming every bad key
    pub fn __construct(config: &ZendHashTable) -> PhpResult<Self> {
        let inner = core::Sms::new(&convert::raw_config(config)).map_err(to_php)?;
        Ok(Self { inner })
    }

    /// Sends a message to a phone number (E.164, or international with 00 or + in any notation).
    ///
    /// @throws \TwoFactorGateway\Exception\InvalidIdentifierException
    /// @throws \TwoFactorGateway\Exception\InvalidMessageException
    /// @throws \TwoFactorGateway\Exception\MessageTransmissionException (a subclass per failure)
    pub fn send(&self, identifier: BinarySlice<u8>, message: BinarySlice<u8>) -> PhpResult<()> {
        let (identifier, message) = convert::send_args(&identifier, &message)?;
        self.inner.send(identifier, message).map_err(to_php)
    }

    /// The id of the configured provider.
    pub fn provider(&self) -> &'static str {
        self.inner.provider().spec.id
    }

    /// The channel id, "sms".
    pub fn id() -> &'static str {
        core::CHANNEL.id
    }

    /// The providers in a stable order: list of arrays with keys id, name and fields
    /// (the same field arrays as Signal::fields()).
    ///
    /// @return list<array{id: string, name: string, fields: list<array<string, mixed>>}>
    pub fn providers() -> PhpResult<Vec<ZBox<ZendHashTable>>> {
        core::PROVIDERS
            .iter()
            .map(|p| {
                let fields: Vec<_> = convert::fields(&p.spec)?;
                convert::assoc(vec![
                    ("id", convert::zv(p.spec.id)),
                    ("name", convert::zv(p.spec.name)),
                    ("fields", convert::zv(fields)),
                ])
            })
            .collect()
    }
}
