//! Turning a configuration array into checked settings, against a [`Spec`].
//!
//! PHP hands over `array $config` with the app-config values (strings, or ints and bools when
//! a caller has them typed). [`Settings::parse`] checks every key against the schema and
//! reports *every* problem in one [`ErrorKind::Configuration`](crate::ErrorKind) error that
//! names the keys. Values are never echoed: they may be secrets.

use std::collections::BTreeMap;

use reqwest::Url;

use crate::error::{Error, Result};
use crate::schema::{Field, FieldKind, Spec};

/// One value of a configuration array, as PHP gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// Arrays, objects and the like: never valid, kept only to name the type in errors.
    Other(&'static str),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// A configuration array: key → value.
pub type RawConfig = BTreeMap<String, Value>;

/// Builds a [`RawConfig`] from pairs; handy in tests.
pub fn raw<V: Into<Value>, const N: usize>(pairs: [(&str, V); N]) -> RawConfig {
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into()))
        .collect()
}

/// Problems listed in one error; an array with thousands of bad keys gets a bounded message.
const MAX_PROBLEMS: usize = 10;

/// A checked value.
#[derive(Debug, Clone, PartialEq)]
enum Checked {
    Text(String),
    Url(Url),
    Int(i64),
    Bool(bool),
}

/// Checked settings of one gateway: every key known, every value of its kind.
#[derive(Clone)]
pub struct Settings {
    values: BTreeMap<&'static str, Checked>,
    secrets: Vec<String>,
}

// Hand-written so that secrets never reach a log through `{:?}`.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("keys", &self.values.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// Checks `raw` against `spec`. Unknown keys, missing required keys and values of the
    /// wrong kind are all reported together.
    pub fn parse(spec: &Spec, raw: &RawConfig) -> Result<Self> {
        let mut problems = Vec::new();
        for key in raw.keys() {
            if spec.field(key).is_none() {
                problems.push(format!(
                    "'{}' is not a {} setting",
                    printable(key),
                    spec.name
                ));
            }
        }

        let mut values = BTreeMap::new();
        let mut secrets = Vec::new();
        for field in spec.all_fields() {
            let given = raw.get(field.key).filter(|v| !is_blank(v));
            let outcome = match (given, field.default) {
                (Some(v), _) => check(field, v),
                (None, Some(default)) => check(field, &Value::Str(default.to_owned())),
                (None, None) if field.optional => continue,
                (None, None) => Err("is required".to_owned()),
            };
            match outcome {
                Ok(value) => {
                    if let (true, Checked::Text(s)) = (field.is_secret(), &value) {
                        secrets.push(s.clone());
                    }
                    values.insert(field.key, value);
                }
                Err(why) => problems.push(format!("'{}' {why}", field.key)),
            }
        }

        if problems.is_empty() {
            return Ok(Self { values, secrets });
        }
        let total = problems.len();
        problems.truncate(MAX_PROBLEMS);
        let mut message = format!(
            "{} configuration is invalid: {}",
            spec.name,
            problems.join("; ")
        );
        if total > MAX_PROBLEMS {
            message.push_str(&format!("; and {} more", total - MAX_PROBLEMS));
        }
        Err(Error::configuration(message))
    }

    /// A text or secret value; `None` when optional and not given.
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.values.get(key) {
            Some(Checked::Text(s)) => Some(s),
            _ => None,
        }
    }

    pub fn url(&self, key: &str) -> Option<&Url> {
        match self.values.get(key) {
            Some(Checked::Url(u)) => Some(u),
            _ => None,
        }
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Checked::Int(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.values.get(key) {
            Some(Checked::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// The values of every secret field, for scrubbing from anything a service answers.
    pub fn secrets(&self) -> &[String] {
        &self.secrets
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Str(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Keys come from PHP arrays and may hold anything; keep error messages readable.
fn printable(key: &str) -> String {
    let cleaned: String = key.chars().filter(|c| !c.is_control()).take(64).collect();
    cleaned
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Int(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Str(_) => "a string",
        Value::Other(t) => t,
    }
}

fn check(field: &Field, v: &Value) -> std::result::Result<Checked, String> {
    let wrong_type = || format!("must be {}, not {}", expected(field.kind), type_name(v));
    match field.kind {
        FieldKind::Text | FieldKind::Secret => match v {
            Value::Str(s) if s.contains('\0') => Err("must not contain NUL bytes".into()),
            Value::Str(s) if field.kind == FieldKind::Secret => Ok(Checked::Text(s.clone())),
            Value::Str(s) => Ok(Checked::Text(s.trim().to_owned())),
            Value::Int(n) => Ok(Checked::Text(n.to_string())),
            _ => Err(wrong_type()),
        },
        FieldKind::Url => match v {
            Value::Str(s) => check_url(s.trim()).map(Checked::Url),
            _ => Err(wrong_type()),
        },
        FieldKind::Integer { min, max } => {
            let n = match v {
                Value::Int(n) => *n,
                Value::Str(s) => s.trim().parse::<i64>().map_err(|_| wrong_type())?,
                _ => return Err(wrong_type()),
            };
            if (min..=max).contains(&n) {
                Ok(Checked::Int(n))
            } else {
                Err(format!("must be between {min} and {max}"))
            }
        }
        FieldKind::Boolean => match v {
            Value::Bool(b) => Ok(Checked::Bool(*b)),
            Value::Int(0) => Ok(Checked::Bool(false)),
            Value::Int(1) => Ok(Checked::Bool(true)),
            Value::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(Checked::Bool(true)),
                "0" | "false" | "no" | "off" => Ok(Checked::Bool(false)),
                _ => Err(wrong_type()),
            },
            _ => Err(wrong_type()),
        },
        FieldKind::Choice(choices) => match v {
            Value::Str(s) => {
                let s = s.trim();
                choices
                    .iter()
                    .find(|c| c.value == s)
                    .map(|c| Checked::Text(c.value.to_owned()))
                    .ok_or_else(|| {
                        let values: Vec<&str> = choices.iter().map(|c| c.value).collect();
                        format!("must be one of: {}", values.join(", "))
                    })
            }
            _ => Err(wrong_type()),
        },
    }
}

fn expected(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text | FieldKind::Secret => "a string",
        FieldKind::Url => "an http(s) URL",
        FieldKind::Integer { .. } => "an integer",
        FieldKind::Boolean => "a boolean",
        FieldKind::Choice(_) => "one of the listed values",
    }
}

fn check_url(s: &str) -> std::result::Result<Url, String> {
    let url = Url::parse(s).map_err(|_| "must be an http(s) URL".to_owned())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("must be an http(s) URL".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query or fragment".into());
    }
    Ok(url)
}

/// Appends path segments to a base URL, keeping the base's own path
/// (`http://h/signal` + `v1/about` → `http://h/signal/v1/about`).
pub fn join(base: &Url, segments: &[&str]) -> Url {
    let mut url = base.clone();
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty();
        path.extend(segments);
    }
    url
}

/// A message to send: not blank, at most `max` characters.
pub fn check_message(message: &str, max: usize) -> Result<()> {
    if message.trim().is_empty() {
        return Err(Error::invalid_message("the message is empty"));
    }
    if message.chars().count() > max {
        return Err(Error::invalid_message(format!(
            "the message is longer than {max} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Choice, Spec};

    static FIELDS: &[Field] = &[
        Field {
            key: "url",
            prompt: "URL",
            kind: FieldKind::Url,
            optional: false,
            default: Some("http://localhost:5000"),
            help: "",
            advanced: false,
        },
        Field {
            key: "token",
            prompt: "Token",
            kind: FieldKind::Secret,
            optional: false,
            default: None,
            help: "",
            advanced: false,
        },
        Field {
            key: "debug",
            prompt: "Debug",
            kind: FieldKind::Boolean,
            optional: true,
            default: None,
            help: "",
            advanced: false,
        },
        Field {
            key: "mode",
            prompt: "Mode",
            kind: FieldKind::Choice(&[
                Choice {
                    value: "1",
                    label: "one",
                },
                Choice {
                    value: "2",
                    label: "two",
                },
            ]),
            optional: true,
            default: None,
            help: "",
            advanced: false,
        },
    ];
    static SPEC: Spec = Spec {
        id: "t",
        name: "Test",
        fields: FIELDS,
    };

    #[test]
    fn defaults_fill_absent_and_blank_keys() {
        let s = Settings::parse(&SPEC, &raw([("token", "s3cr3t"), ("url", "  ")])).unwrap();
        assert_eq!(s.url("url").unwrap().as_str(), "http://localhost:5000/");
        assert_eq!(s.int("timeout"), Some(5));
        assert_eq!(s.int("connect_timeout"), Some(3));
        assert_eq!(s.text("ca_file"), None);
        assert_eq!(s.bool("debug"), None);
        assert_eq!(s.secrets(), ["s3cr3t".to_owned()]);
    }

    #[test]
    fn typed_values_are_accepted() {
        let mut r = raw([("token", "x"), ("timeout", "12")]);
        r.insert("debug".into(), Value::Bool(true));
        r.insert("connect_timeout".into(), Value::Int(2));
        let s = Settings::parse(&SPEC, &r).unwrap();
        assert_eq!(s.int("timeout"), Some(12));
        assert_eq!(s.int("connect_timeout"), Some(2));
        assert_eq!(s.bool("debug"), Some(true));
        let s = Settings::parse(
            &SPEC,
            &raw([("token", "x"), ("debug", "off"), ("mode", "2")]),
        )
        .unwrap();
        assert_eq!(s.bool("debug"), Some(false));
        assert_eq!(s.text("mode"), Some("2"));
    }

    #[test]
    fn every_problem_is_reported_once_and_no_value_is_echoed() {
        let mut r = raw([
            ("url", "ftp://example.org"),
            ("timeout", "600"),
            ("debug", "maybe"),
            ("mode", "3"),
            ("colour", "blue"),
        ]);
        r.insert("connect_timeout".into(), Value::Other("an array"));
        let e = Settings::parse(&SPEC, &r).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Configuration);
        let m = e.message();
        for needle in [
            "'colour' is not a Test setting",
            "'url' must be an http(s) URL",
            "'token' is required",
            "'timeout' must be between 1 and 30",
            "'connect_timeout' must be an integer, not an array",
            "'debug' must be a boolean, not a string",
            "'mode' must be one of: 1, 2",
        ] {
            assert!(m.contains(needle), "{needle:?} missing from {m:?}");
        }
        assert!(!m.contains("blue") && !m.contains("ftp://") && !m.contains("maybe"));
    }

    #[test]
    fn many_problems_are_summed_up() {
        let r: RawConfig = (0..500).map(|i| (format!("k{i}"), Value::Null)).collect();
        let e = Settings::parse(&SPEC, &r).unwrap_err();
        assert!(e.message().ends_with("; and 491 more"), "{}", e.message());
        assert_eq!(e.message().matches("is not a Test setting").count(), 10);
    }

    #[test]
    fn secrets_keep_their_spaces_and_never_show_in_debug() {
        let s = Settings::parse(&SPEC, &raw([("token", " pass word ")])).unwrap();
        assert_eq!(s.text("token"), Some(" pass word "));
        assert!(!format!("{s:?}").contains("pass"));
    }

    #[test]
    fn urls_with_queries_are_refused() {
        let e =
            Settings::parse(&SPEC, &raw([("token", "x"), ("url", "http://h/?a=1")])).unwrap_err();
        assert!(e.message().contains("'url' must not have a query"));
    }

    #[test]
    fn join_keeps_the_base_path() {
        let base = Url::parse("http://h:1/signal/").unwrap();
        assert_eq!(
            join(&base, &["v1", "about"]).as_str(),
            "http://h:1/signal/v1/about"
        );
        let base = Url::parse("http://h:1").unwrap();
        assert_eq!(
            join(&base, &["v1", "send", "+4917"]).as_str(),
            "http://h:1/v1/send/+4917"
        );
        assert_eq!(
            join(&base, &["v1", "send", "a/b c"]).as_str(),
            "http://h:1/v1/send/a%2Fb%20c"
        );
    }
}
