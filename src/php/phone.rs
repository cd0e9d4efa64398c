//! `TwoFactorGateway\Phone`.

// Parameters are named as PHP callers name them (camelCase, for named arguments).
#![allow(non_snake_case)]

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::prelude::*;

use super::to_php;
use crate::error::Error;

/// Phone numbers to E.164, with libphonenumber's country data.
#[php_class]
#[php(name = "TwoFactorGateway\\Phone")]
pub struct Phone;

#[php_impl]
impl Phone {
    /// Normalises a phone number to E.164 ("+4917612345678"). Spaces, dashes, dots, slashes and
    /// parentheses are ignored; a leading 00 means +; a national number is completed with
    /// $defaultRegion (ISO 3166 alpha-2, e.g. Nextcloud's default_phone_region).
    ///
    /// @throws \TwoFactorGateway\Exception\InvalidIdentifierException letters, impossible numbers,
    ///   national numbers without a region
    /// @throws \TwoFactorGateway\Exception\ConfigurationException an unknown region
    pub fn normalize(input: BinarySlice<u8>, defaultRegion: Option<&str>) -> PhpResult<String> {
        let input = super::convert::utf8(
            &input,
            Error::invalid_identifier("a phone number may hold only digits, a leading +, spaces, dashes, dots, slashes and parentheses"),
        )?;
        crate::phone::normalize(input, defaultRegion).map_err(to_php)
    }
}
