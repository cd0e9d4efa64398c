//! Phone numbers to E.164, for every phone channel.
//!
//! The country data is libphonenumber's, through the `phonenumber` crate. Numbers are accepted
//! the way people write them: spaces, dashes, dots, slashes and parentheses are ignored, a
//! leading `00` means `+`, and a national number is completed from the default region
//! (Nextcloud's `default_phone_region`). Letters (vanity numbers) and numbers that cannot exist
//! in their region are refused.

use std::str::FromStr;

use phonenumber::country;

use crate::error::{Error, Result};

/// Longest input looked at; no real number comes close.
const MAX_INPUT: usize = 64;

/// Normalises `input` to E.164 (`+4917612345678`).
pub fn normalize(input: &str, default_region: Option<&str>) -> Result<String> {
    let region = match default_region.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(parse_region(r)?),
        None => None,
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid_identifier("the phone number is empty"));
    }
    if trimmed.len() > MAX_INPUT {
        return Err(Error::invalid_identifier("the phone number is too long"));
    }
    if trimmed.chars().any(char::is_alphabetic) {
        return Err(Error::invalid_identifier(
            "a phone number must not contain letters",
        ));
    }
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t'))
        .collect();
    let compact = match compact.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => compact,
    };
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid_identifier(
            "a phone number may hold only digits, a leading +, spaces, dashes, dots, slashes and parentheses",
        ));
    }
    let international = compact.starts_with('+');
    if !international && region.is_none() {
        return Err(Error::invalid_identifier(
            "the phone number needs a country code (+…), as no default region is set",
        ));
    }
    let parse_region = if international { None } else { region };
    // The parser is third-party code working on user input: never let a panic out.
    let parsed = std::panic::catch_unwind(|| {
        phonenumber::parse(parse_region, &compact)
            .ok()
            .filter(phonenumber::is_valid)
            .map(|n| n.format().mode(phonenumber::Mode::E164).to_string())
    })
    .ok()
    .flatten();
    parsed.ok_or_else(|| match (international, default_region) {
        (false, Some(r)) => Error::invalid_identifier(format!(
            "this is not a valid phone number for region {}",
            r.trim().to_ascii_uppercase()
        )),
        _ => Error::invalid_identifier("this is not a valid phone number"),
    })
}

fn parse_region(region: &str) -> Result<country::Id> {
    let upper = region.to_ascii_uppercase();
    if upper.len() == 2 {
        if let Ok(id) = country::Id::from_str(&upper) {
            return Ok(id);
        }
    }
    Err(Error::configuration(
        "the default phone region must be a two-letter country code such as DE or US",
    ))
}

/// A recipient as a sender needs it: E.164 as the app stores numbers passes as it is (no
/// phone-number metadata, whose first use in a process costs ~75 ms, on the login path); any
/// other notation of an international number goes through [`normalize`] without a region.
pub fn recipient(identifier: &str) -> Result<String> {
    let id = identifier.trim();
    if is_e164(id) {
        return Ok(id.to_owned());
    }
    normalize(id, None)
}

/// `+` and 7 to 15 digits, not starting with 0: E.164 as the app stores numbers.
pub fn is_e164(id: &str) -> bool {
    id.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn international_forms() {
        for input in [
            "+49 176 12345678",
            "+49 (0)176 12345678".replace("(0)", "").as_str(),
            "0049-176-123.456.78",
            "+49/176/12345678",
            "  +4917612345678 ",
        ] {
            assert_eq!(normalize(input, None).unwrap(), "+4917612345678", "{input}");
        }
        assert_eq!(
            normalize("+1 (415) 555-2671", None).unwrap(),
            "+14155552671"
        );
    }

    #[test]
    fn national_numbers_use_the_region() {
        assert_eq!(
            normalize("0176 12345678", Some("DE")).unwrap(),
            "+4917612345678"
        );
        assert_eq!(
            normalize("0176 12345678", Some("de")).unwrap(),
            "+4917612345678"
        );
        assert_eq!(
            normalize("(415) 555-2671", Some("US")).unwrap(),
            "+14155552671"
        );
        assert_eq!(
            normalize("06 12 34 56 78", Some("FR")).unwrap(),
            "+33612345678"
        );
        // An international number ignores the region.
        assert_eq!(
            normalize("+33 6 12 34 56 78", Some("DE")).unwrap(),
            "+33612345678"
        );
    }

    #[test]
    fn refusals() {
        let kind = |i: &str, r: Option<&str>| normalize(i, r).unwrap_err().kind();
        assert_eq!(kind("", None), ErrorKind::InvalidIdentifier);
        assert_eq!(
            kind("1-800-FLOWERS", Some("US")),
            ErrorKind::InvalidIdentifier
        );
        assert_eq!(kind("+49 176 1234567x", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("0176 12345678", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("+49 1", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("+999 12345678", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("+", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("++4917612345678", None), ErrorKind::InvalidIdentifier);
        assert_eq!(kind("12", Some("DE")), ErrorKind::InvalidIdentifier);
        assert_eq!(
            kind(&"1".repeat(100), Some("DE")),
            ErrorKind::InvalidIdentifier
        );
        assert_eq!(kind("0176 12345678", Some("XX")), ErrorKind::Configuration);
        assert_eq!(kind("0176 12345678", Some("DEU")), ErrorKind::Configuration);
        let m = normalize("0123", Some("de")).unwrap_err();
        assert_eq!(
            m.message(),
            "this is not a valid phone number for region DE"
        );
    }
}
