//! PHP values ↔ core types.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::error::Error as PhpError;
use ext_php_rs::exception::PhpException;
use ext_php_rs::types::{ArrayKey, ZendHashTable, Zval};

use crate::config::{RawConfig, Value};
use crate::error::Error;
use crate::schema::{FieldKind, Spec};

/// `array $config` → [`RawConfig`]. Strings, ints, floats, bools and null are kept as such;
/// anything else is kept as its type name so the schema check can report it.
pub fn raw_config(array: &ZendHashTable) -> RawConfig {
    array
        .iter()
        .map(|(key, value)| {
            let key = match key {
                ArrayKey::String(s) => s,
                // Integer keys, and string keys PHP keeps as zend_strings (possibly not UTF-8).
                other => other.to_string(),
            };
            (key, value_of(value))
        })
        .collect()
}

fn value_of(v: &Zval) -> Value {
    if v.is_null() {
        Value::Null
    } else if let Some(b) = v.bool() {
        Value::Bool(b)
    } else if let Some(n) = v.long() {
        Value::Int(n)
    } else if let Some(f) = v.double() {
        Value::Float(f)
    } else if let Some(s) = v.zend_str() {
        match s.as_str() {
            Ok(s) => Value::Str(s.to_owned()),
            Err(_) => Value::Other("a string that is not UTF-8"),
        }
    } else if v.is_array() {
        Value::Other("an array")
    } else if v.is_object() {
        Value::Other("an object")
    } else {
        Value::Other("an unsupported value")
    }
}

fn php_error(e: PhpError) -> PhpException {
    crate::php::to_php(Error::configuration(format!(
        "internal conversion error: {e}"
    )))
}

/// A spec's fields as PHP sees them: a list of arrays with ordered keys
/// `key, prompt, kind, optional, default, help, secret, advanced` (+ `min`/`max` for integers,
/// `choices` for choices).
pub fn fields(spec: &Spec) -> Result<Vec<ZBox<ZendHashTable>>, PhpException> {
    spec.all_fields()
        .map(|f| {
            let mut h = ZendHashTable::new();
            h.insert("key", f.key).map_err(php_error)?;
            h.insert("prompt", f.prompt).map_err(php_error)?;
            h.insert("kind", f.kind.name()).map_err(php_error)?;
            h.insert("optional", f.optional).map_err(php_error)?;
            h.insert("default", f.default).map_err(php_error)?;
            h.insert("help", f.help).map_err(php_error)?;
            h.insert("secret", f.is_secret()).map_err(php_error)?;
            h.insert("advanced", f.advanced).map_err(php_error)?;
            match f.kind {
                FieldKind::Integer { min, max } => {
                    h.insert("min", min).map_err(php_error)?;
                    h.insert("max", max).map_err(php_error)?;
                }
                FieldKind::Choice(choices) => {
                    let mut list = ZendHashTable::new();
                    for c in choices {
                        let mut entry = ZendHashTable::new();
                        entry.insert("value", c.value).map_err(php_error)?;
                        entry.insert("label", c.label).map_err(php_error)?;
                        list.push(entry).map_err(php_error)?;
                    }
                    h.insert("choices", list).map_err(php_error)?;
                }
                _ => {}
            }
            Ok(h)
        })
        .collect()
}

/// An ordered string-keyed PHP array from pairs of any PHP-convertible values.
pub fn assoc(pairs: Vec<(&str, Zval)>) -> Result<ZBox<ZendHashTable>, PhpException> {
    let mut h = ZendHashTable::new();
    for (k, v) in pairs {
        h.insert(k, v).map_err(php_error)?;
    }
    Ok(h)
}

/// A PHP string argument as text, or the given error when it is not UTF-8.
pub fn utf8(bytes: &[u8], otherwise: Error) -> Result<&str, PhpException> {
    std::str::from_utf8(bytes).map_err(|_| crate::php::to_php(otherwise))
}

/// The (identifier, message) arguments of a channel's `send()` as text: PHP strings are bytes,
/// so invalid UTF-8 becomes a domain error instead of a `TypeError`.
pub fn send_args<'a>(
    identifier: &'a [u8],
    message: &'a [u8],
) -> Result<(&'a str, &'a str), PhpException> {
    Ok((
        utf8(
            identifier,
            Error::invalid_identifier("the recipient is not UTF-8 text"),
        )?,
        utf8(
            message,
            Error::invalid_message("the message is not UTF-8 text"),
        )?,
    ))
}

/// Shorthand: any convertible value as a Zval for [`assoc`].
pub fn zv(v: impl IntoZval) -> Zval {
    v.into_zval(false).unwrap_or_default()
}
