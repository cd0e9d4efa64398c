//! SMS through one of many providers.
//!
//! [`Sms::new`] takes the configuration array with a `provider` key (the existing app's driver
//! id, stored as `sms_provider_name`) and that provider's fields. Each provider lives in its own
//! module and is one [`Provider`] value: its schema and a `send` function that builds the
//! provider's exact request and judges the answer by the provider's own success signal
//! (documented at the top of each module). What providers share lives here: the recipient in
//! the formats providers want ([`Number`]), the `api_url` override of fixed endpoints
//! ([`Gateway::endpoint`]), requests through the process's HTTP client, and small readers for
//! JSON and XML answers.

use reqwest::blocking::RequestBuilder;
use reqwest::{Method, Url};
use serde_json::Value as Json;

use crate::config::{check_message, RawConfig, Settings, Value};
use crate::error::{Error, Result};
use crate::http::{Response, Transport};
use crate::phone;
use crate::schema::{Field, FieldKind, Spec};

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

/// The providers, in the order admins see them (the existing app's, then `custom`).
pub static PROVIDERS: &[&Provider] = &[
    &playsms::PROVIDER,
    &smsglobal::PROVIDER,
    &websms_de::PROVIDER,
    &puzzel::PROVIDER,
    &ecallsms::PROVIDER,
    &voipms::PROVIDER,
    &voipbuster::PROVIDER,
    &sms77io::PROVIDER,
    &ovh::PROVIDER,
    &spryngsms::PROVIDER,
    &clickatell_central::PROVIDER,
    &clickatell_portal::PROVIDER,
    &clicksend::PROVIDER,
    &serwersms::PROVIDER,
    &smsapi::PROVIDER,
    &clockworksms::PROVIDER,
    &sipgate::PROVIDER,
    &huawei_e3531::PROVIDER,
    &cegedim_vortext::PROVIDER,
    &custom::PROVIDER,
];

/// The key of the configuration array that selects the provider.
pub const PROVIDER_KEY: &str = "provider";

/// Longest message sent: ten concatenated SMS parts. A code message is ~50 characters.
pub const MAX_MESSAGE: usize = 1530;

/// One SMS provider: its schema and how it sends.
pub struct Provider {
    /// Id (the existing app's driver id), display name and fields.
    pub spec: Spec,
    /// Checks across fields that the schema cannot express, run by [`Sms::new`].
    check: Option<fn(&Settings) -> Result<()>>,
    /// Sends one message; the recipient is already normalised, the message checked.
    send: fn(&Gateway, &Number, &str) -> Result<()>,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provider")
            .field("id", &self.spec.id)
            .finish_non_exhaustive()
    }
}

/// The provider with this id.
pub fn provider(id: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().copied().find(|p| p.spec.id == id)
}

/// The optional `api_url` field of every provider with a fixed endpoint: it replaces the
/// endpoint's scheme, host and port, and a path it has is put in front of the endpoint's path.
pub const API_URL: Field = Field {
    key: "api_url",
    prompt: "API base URL (instead of the provider's)",
    kind: FieldKind::Url,
    optional: true,
    default: None,
    help: "Replaces scheme, host and port of the provider's endpoint (a path is put in front): for regional or self-hosted endpoints and proxies.",
    advanced: true,
};

/// A recipient phone number, normalised to E.164.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// Normalises an identifier: E.164 as stored by the app, or an international number in
    /// any common notation (`+49 176 …`, `0049176…`).
    pub fn parse(identifier: &str) -> Result<Self> {
        phone::recipient(identifier).map(Self)
    }

    /// `+4917612345678`
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// `4917612345678`: the number without `+`, as many providers want it.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }
}

/// What a provider's `send` works with: its checked settings and its HTTP transport.
#[derive(Debug, Clone)]
pub struct Gateway {
    settings: Settings,
    http: Transport,
}

impl Gateway {
    /// A text or secret field; `""` for an optional field that is not set (required fields
    /// and fields with defaults are always set once [`Sms::new`] succeeded).
    pub fn text(&self, key: &str) -> &str {
        self.settings.text(key).unwrap_or("")
    }

    /// An optional text field, `None` when not set.
    pub fn optional(&self, key: &str) -> Option<&str> {
        self.settings.text(key).filter(|v| !v.is_empty())
    }

    /// A URL field.
    pub fn url(&self, key: &str) -> Option<&Url> {
        self.settings.url(key)
    }

    /// A URL field the provider cannot do without (required, or with a default).
    pub fn required_url(&self, key: &str) -> Result<Url> {
        self.settings
            .url(key)
            .cloned()
            .ok_or_else(|| self.configuration(&format!("'{key}' is required")))
    }

    /// An integer field.
    pub fn int(&self, key: &str) -> Option<i64> {
        self.settings.int(key)
    }

    /// A boolean field.
    pub fn bool(&self, key: &str) -> Option<bool> {
        self.settings.bool(key)
    }

    /// The provider's display name, which starts every error message.
    pub fn label(&self) -> &'static str {
        self.http.label()
    }

    /// A fixed endpoint, or the same path under the configured `api_url`.
    pub fn endpoint(&self, fixed: &str) -> Url {
        let url = Url::parse(fixed).expect("provider endpoints are valid URLs");
        match self.settings.url(API_URL.key) {
            Some(base) => rebase(&url, base),
            None => url,
        }
    }

    /// Starts a request with the provider's client; its total timeout is what is left of the
    /// send's time budget (the configured `timeout` bounds a whole send, however many requests
    /// the provider makes: OVH up to three, Huawei two).
    pub fn request(&self, method: Method, url: Url) -> Result<RequestBuilder> {
        self.http.request(method, url)
    }

    /// Sends a request; the message is scrubbed from any error built from the answer.
    pub fn send(&self, request: RequestBuilder, message: &str) -> Result<Response> {
        self.http.send(request, &[message])
    }

    /// Sends a request; all of `sensitive` (the message in its encoded forms, tokens taken
    /// from secret fields) is scrubbed from any error built from the answer.
    pub fn send_scrubbing(&self, request: RequestBuilder, sensitive: &[&str]) -> Result<Response> {
        self.http.send(request, sensitive)
    }

    /// A configuration error about this provider.
    pub fn configuration(&self, what: &str) -> Error {
        Error::configuration(format!("{}: {what}", self.label()))
    }
}

/// `url` with scheme, host and port (and credentials) of `base`, and `base`'s path in front.
fn rebase(url: &Url, base: &Url) -> Url {
    let mut out = base.clone();
    let prefix = base.path().trim_end_matches('/');
    out.set_path(&format!("{prefix}{}", url.path()));
    out.set_query(url.query());
    out.set_fragment(None);
    out
}

/// A configured SMS gateway: one provider and its settings.
#[derive(Debug, Clone)]
pub struct Sms {
    provider: &'static Provider,
    gateway: Gateway,
}

impl Sms {
    /// Checks the configuration: `provider` names one of [`PROVIDERS`], the other keys are
    /// that provider's fields (plus the transport fields).
    pub fn new(config: &RawConfig) -> Result<Self> {
        let id = match config.get(PROVIDER_KEY) {
            Some(Value::Str(id)) if !id.trim().is_empty() => id.trim(),
            Some(Value::Str(_) | Value::Null) | None => {
                return Err(Error::configuration(
                    "SMS configuration is invalid: 'provider' is required",
                ))
            }
            Some(_) => {
                return Err(Error::configuration(
                    "SMS configuration is invalid: 'provider' must be a string",
                ))
            }
        };
        let provider = provider(id).ok_or_else(|| {
            let printable: String = id.chars().filter(|c| !c.is_control()).take(40).collect();
            Error::configuration(format!(
                "SMS configuration is invalid: 'provider' '{printable}' is not one of {}",
                PROVIDERS
                    .iter()
                    .map(|p| p.spec.id)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let mut fields = config.clone();
        fields.remove(PROVIDER_KEY);
        let settings = Settings::parse(&provider.spec, &fields)?;
        if let Some(check) = provider.check {
            check(&settings)?;
        }
        let http = Transport::new(provider.spec.name, &settings);
        Ok(Self {
            provider,
            gateway: Gateway { settings, http },
        })
    }

    /// The selected provider.
    pub fn provider(&self) -> &'static Provider {
        self.provider
    }

    /// Sends `message` to a phone number (E.164, or international in any common notation).
    pub fn send(&self, identifier: &str, message: &str) -> Result<()> {
        let number = Number::parse(identifier)?;
        check_message(message, MAX_MESSAGE)?;
        // The configured timeout bounds the whole send, however many requests it takes.
        self.gateway.http.start_budget();
        (self.provider.send)(&self.gateway, &number, message)
    }
}

/// The SMS channel's identity, for lists of channels.
pub static CHANNEL: Spec = Spec {
    id: "sms",
    name: "SMS",
    fields: &[],
};

// ---------------------------------------------------------------------------------------------
// Reading answers

/// The text at a JSON pointer when it is a string or number.
pub fn json_text(json: &Json, pointer: &str) -> Option<String> {
    match json.pointer(pointer)? {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The text content of the first element named `name` (local name, any namespace) in an XML
/// answer; `None` when the body is not XML or has no such element.
pub fn xml_text(body: &[u8], name: &str) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut inside = false;
    let mut text = String::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == name.as_bytes() => inside = true,
            Event::Empty(e) if e.local_name().as_ref() == name.as_bytes() => {
                return Some(String::new())
            }
            Event::Text(t) if inside => text.push_str(&t.decode().ok()?),
            Event::GeneralRef(r) if inside => {
                let name = r.decode().ok()?;
                text.push_str(&quick_xml::escape::unescape(&format!("&{name};")).ok()?);
            }
            Event::CData(c) if inside => text.push_str(&String::from_utf8_lossy(&c)),
            Event::End(e) if inside && e.local_name().as_ref() == name.as_bytes() => {
                return Some(text.trim().to_owned())
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// The name of the root element of an XML answer, `None` when the body is not XML.
pub fn xml_root(body: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) => {
                return Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
            }
            Event::Eof => return None,
            Event::Text(t) if !t.iter().all(u8::is_ascii_whitespace) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// The answer as UTF-8 text (lossy), trimmed.
pub fn body_text(response: &Response) -> String {
    String::from_utf8_lossy(&response.body).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::raw;
    use crate::ErrorKind;

    #[test]
    fn ids_are_unique_and_every_provider_has_its_fields() {
        let mut ids: Vec<&str> = PROVIDERS.iter().map(|p| p.spec.id).collect();
        assert_eq!(ids.len(), 20);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 20);
        for p in PROVIDERS {
            assert!(!p.spec.fields.is_empty(), "{}", p.spec.id);
            assert!(p.spec.field(PROVIDER_KEY).is_none(), "{}", p.spec.id);
        }
    }

    #[test]
    fn provider_key_is_required_and_checked() {
        let e = Sms::new(&raw([("api_key", "x")])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Configuration);
        assert!(e.message().contains("'provider' is required"));
        let e = Sms::new(&raw([("provider", "nope\u{1}")])).unwrap_err();
        assert!(e
            .message()
            .contains("'provider' 'nope' is not one of playsms, smsglobal"));
        let e = Sms::new(&raw([("provider", 3i64)])).unwrap_err();
        assert!(e.message().contains("must be a string"));
    }

    #[test]
    fn numbers_in_both_formats() {
        let n = Number::parse(" +4917612345678 ").unwrap();
        assert_eq!((n.e164(), n.digits()), ("+4917612345678", "4917612345678"));
        assert_eq!(
            Number::parse("0049 176 12345678").unwrap().e164(),
            "+4917612345678"
        );
        for bad in ["", "017612345678", "+49 abc", "hello"] {
            assert_eq!(
                Number::parse(bad).unwrap_err().kind(),
                ErrorKind::InvalidIdentifier,
                "{bad}"
            );
        }
    }

    #[test]
    fn api_url_replaces_origin_and_prefixes_path() {
        let fixed = Url::parse("https://gateway.seven.io/api/sms?x=1").unwrap();
        let base = Url::parse("http://127.0.0.1:8080").unwrap();
        assert_eq!(
            rebase(&fixed, &base).as_str(),
            "http://127.0.0.1:8080/api/sms?x=1"
        );
        let base = Url::parse("http://127.0.0.1:8080/proxy/seven/").unwrap();
        assert_eq!(
            rebase(&fixed, &base).as_str(),
            "http://127.0.0.1:8080/proxy/seven/api/sms?x=1"
        );
    }

    #[test]
    fn xml_readers() {
        let body = br#"<?xml version="1.0"?><response><a:Status xmlns:a="x">OK &amp; fine</a:Status><empty/></response>"#;
        assert_eq!(xml_root(body).as_deref(), Some("response"));
        assert_eq!(xml_text(body, "Status").as_deref(), Some("OK & fine"));
        assert_eq!(xml_text(body, "empty").as_deref(), Some(""));
        assert_eq!(xml_text(body, "missing"), None);
        assert_eq!(xml_root(b"garbage"), None);
        assert_eq!(xml_root(b"{\"json\":1}"), None);
    }

    #[test]
    fn message_limits() {
        assert!(check_message(" ", MAX_MESSAGE).is_err());
        assert!(check_message(&"x".repeat(MAX_MESSAGE + 1), MAX_MESSAGE).is_err());
        assert!(check_message("123456 is your Nextcloud authentication code", MAX_MESSAGE).is_ok());
    }
}
