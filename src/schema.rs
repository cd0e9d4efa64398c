//! The configuration schema, declared once.
//!
//! Every channel (and later every SMS provider) lists its [`Field`]s here-style as `static`
//! data. The same list validates configuration arrays ([`crate::config`]), is handed to PHP
//! (`Signal::fields()`), and from there drives the occ prompts, the settings UI and the docs.
//! Field keys are the existing app's, so stored app-config values keep working.

/// The value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// A password, token or key: never echoed, masked in status output.
    Secret,
    /// An `http://` or `https://` URL.
    Url,
    /// A whole number within bounds.
    Integer { min: i64, max: i64 },
    /// Yes or no (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`).
    Boolean,
    /// One value out of a fixed list.
    Choice(&'static [Choice]),
}

impl FieldKind {
    /// The name PHP sees in the `kind` entry.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Secret => "secret",
            FieldKind::Url => "url",
            FieldKind::Integer { .. } => "integer",
            FieldKind::Boolean => "boolean",
            FieldKind::Choice(_) => "choice",
        }
    }
}

/// One allowed value of a [`FieldKind::Choice`] field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// One configuration key of a channel or provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Key in the configuration array; the app stores it as `<gateway>_<key>`.
    pub key: &'static str,
    /// The question an admin is asked (occ, settings UI).
    pub prompt: &'static str,
    pub kind: FieldKind,
    /// May be left empty.
    pub optional: bool,
    /// Used when the key is absent or empty.
    pub default: Option<&'static str>,
    /// One sentence of help.
    pub help: &'static str,
    /// Tuning knobs (timeouts, CA file) that interactive set-up does not ask for.
    pub advanced: bool,
}

impl Field {
    /// A required field with no default; refine with the `const` builders below.
    pub const fn new(
        key: &'static str,
        prompt: &'static str,
        kind: FieldKind,
        help: &'static str,
    ) -> Self {
        Self {
            key,
            prompt,
            kind,
            optional: false,
            default: None,
            help,
            advanced: false,
        }
    }

    /// May be left empty.
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Used when the key is absent or empty.
    pub const fn default(mut self, value: &'static str) -> Self {
        self.default = Some(value);
        self
    }

    /// Not asked by interactive set-up.
    pub const fn advanced(mut self) -> Self {
        self.advanced = true;
        self
    }

    pub fn is_secret(&self) -> bool {
        self.kind == FieldKind::Secret
    }
}

/// A channel's (or provider's) identity and fields.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Stable id: `signal`, later `playsms`, `telegram_bot`, …
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The channel's own fields, in prompt order.
    pub fields: &'static [Field],
}

impl Spec {
    /// The channel's fields followed by the transport fields every HTTP gateway accepts.
    pub fn all_fields(&self) -> impl Iterator<Item = &'static Field> + Clone {
        self.fields.iter().chain(TRANSPORT_FIELDS.iter())
    }

    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.all_fields().find(|f| f.key == key)
    }
}

/// Default connect timeout, seconds.
pub const DEFAULT_CONNECT_TIMEOUT: i64 = 3;
/// Default total time for one request (connect, send, answer), seconds.
pub const DEFAULT_TIMEOUT: i64 = 5;

/// Accepted by every gateway that speaks HTTP; not prompted by interactive set-up.
pub static TRANSPORT_FIELDS: &[Field] = &[
    Field {
        key: "connect_timeout",
        prompt: "Connect timeout in seconds",
        kind: FieldKind::Integer { min: 1, max: 10 },
        optional: true,
        default: Some("3"),
        help: "How long to wait for the connection to the service.",
        advanced: true,
    },
    Field {
        key: "timeout",
        prompt: "Request timeout in seconds",
        kind: FieldKind::Integer { min: 1, max: 30 },
        optional: true,
        default: Some("5"),
        help:
            "How long one request may take in total; at most 30 s, within PHP's max_execution_time.",
        advanced: true,
    },
    Field {
        key: "ca_file",
        prompt: "Extra CA certificate file (PEM)",
        kind: FieldKind::Text,
        optional: true,
        default: None,
        help: "Trusted in addition to the system CA store, for services behind an internal CA.",
        advanced: true,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    static DEMO: Spec = Spec {
        id: "demo",
        name: "Demo",
        fields: &[Field {
            key: "url",
            prompt: "URL",
            kind: FieldKind::Url,
            optional: false,
            default: None,
            help: "",
            advanced: false,
        }],
    };

    #[test]
    fn transport_fields_follow_the_channel_fields() {
        let keys: Vec<&str> = DEMO.all_fields().map(|f| f.key).collect();
        assert_eq!(keys, ["url", "connect_timeout", "timeout", "ca_file"]);
        assert!(DEMO.field("timeout").is_some());
        assert!(DEMO.field("nope").is_none());
    }

    #[test]
    fn transport_defaults_match_the_constants() {
        assert_eq!(
            DEFAULT_TIMEOUT.to_string(),
            DEMO.field("timeout").unwrap().default.unwrap()
        );
        assert_eq!(
            DEFAULT_CONNECT_TIMEOUT.to_string(),
            DEMO.field("connect_timeout").unwrap().default.unwrap()
        );
    }
}
