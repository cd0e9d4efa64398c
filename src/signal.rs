//! Signal, through one of three kinds of HTTP gateway.
//!
//! | kind | server | send request | success |
//! |---|---|---|---|
//! | JSON-RPC | signal-cli `daemon --http` | `POST {url}/api/v1/rpc`, method `send`, `recipient` or `group-id` | `result.timestamp`, no `error` |
//! | REST v2 | bbernhard/signal-cli-rest-api | `POST {url}/v2/send` `{"message","number","recipients":[id]}` | 201 with `timestamp` |
//! | REST v1 | REST APIs without v2 (morph027's) | `POST {url}/v1/send/{id}` `{"message"}` | 201 with `timestamp` |
//! | legacy | signal-web-gateway | `POST {url}/v1/send/{id}` `{"message"}` | 200 with `"success": true` |
//!
//! The kind is detected as the existing app does (JSON-RPC `version` probe, then
//! `GET /v1/about` and its `versions`, else legacy), but only once per process and base URL:
//! a send normally costs one request. After a failure that may mean the server changed (no
//! connection, a timeout, an answer of the wrong shape) the kind is detected again on the next
//! send; the failed send itself is not repeated, so nothing is delivered twice.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use once_cell::sync::Lazy;
use reqwest::{Method, Url};
use serde::Serialize;
use serde_json::Value as Json;

use crate::config::{check_message, join, RawConfig, Settings};
use crate::error::{Error, ErrorKind, Result};
use crate::http::{Response, Transport};
use crate::phone;
use crate::schema::{Field, FieldKind, Spec};

/// The existing app's stored value for "no account" (sic).
pub const NO_ACCOUNT: &str = "unneccessary";

/// Longest message sent; Signal itself allows far more, a code message is ~50 characters.
pub const MAX_MESSAGE: usize = 2000;

pub static FIELDS: &[Field] = &[
    Field {
        key: "url",
        prompt: "Signal gateway URL",
        kind: FieldKind::Url,
        optional: false,
        default: Some("http://localhost:5000"),
        help: "Base URL of signal-cli's HTTP daemon, of signal-cli-rest-api, or of signal-web-gateway.",
        advanced: false,
    },
    Field {
        key: "account",
        prompt: "Sending Signal account (phone number)",
        kind: FieldKind::Text,
        optional: true,
        default: None,
        help: "The number messages are sent from; leave empty when the gateway serves a single account.",
        advanced: false,
    },
];

pub static SPEC: Spec = Spec {
    id: "signal",
    name: "Signal",
    fields: FIELDS,
};

/// The kinds of gateway server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerKind {
    JsonRpc,
    RestV2,
    RestV1,
    Legacy,
}

impl ServerKind {
    pub fn name(self) -> &'static str {
        match self {
            ServerKind::JsonRpc => "signal-cli JSON-RPC",
            ServerKind::RestV2 => "REST API v2",
            ServerKind::RestV1 => "REST API v1",
            ServerKind::Legacy => "signal-web-gateway",
        }
    }
}

/// Detected kinds, per base URL, for this process.
static DETECTED: Lazy<Mutex<HashMap<String, ServerKind>>> = Lazy::new(Default::default);
static RPC_IDS: AtomicU64 = AtomicU64::new(1);

/// Who a message goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Recipient {
    /// An E.164 number.
    Number(String),
    /// A Signal group id (base64 of 32 bytes).
    Group(String),
    /// A UUID, `u:username`, `group.…` id or similar, passed on as given.
    Verbatim(String),
}

impl Recipient {
    fn parse(identifier: &str) -> Result<Self> {
        let id = identifier.trim();
        if id.is_empty() {
            return Err(Error::invalid_identifier("the Signal recipient is empty"));
        }
        if id.len() > 256 || id.chars().any(char::is_control) {
            return Err(Error::invalid_identifier(
                "the Signal recipient is not a phone number, group id or user id",
            ));
        }
        if is_group_id(id) {
            return Ok(Recipient::Group(id.to_owned()));
        }
        if is_uuid(id) || id.starts_with("u:") || id.starts_with("group.") || id.starts_with("PNI:")
        {
            return Ok(Recipient::Verbatim(id.to_owned()));
        }
        phone::recipient(id).map(Recipient::Number)
    }

    fn as_str(&self) -> &str {
        match self {
            Recipient::Number(s) | Recipient::Group(s) | Recipient::Verbatim(s) => s,
        }
    }
}

fn is_group_id(id: &str) -> bool {
    STANDARD
        .decode(id)
        .is_ok_and(|bytes| bytes.len() == 32 && STANDARD.encode(&bytes) == id)
}

fn is_uuid(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[derive(Serialize)]
struct RpcCall<'a, P: Serialize> {
    jsonrpc: &'static str,
    method: &'a str,
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<P>,
}

#[derive(Serialize)]
struct RpcSend<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient: Option<&'a str>,
    #[serde(rename = "group-id", skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<&'a str>,
}

#[derive(Serialize)]
struct RestV2Send<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    recipients: [&'a str; 1],
}

#[derive(Serialize)]
struct MessageOnly<'a> {
    message: &'a str,
}

/// A configured Signal gateway.
#[derive(Debug, Clone)]
pub struct Signal {
    base: Url,
    account: Option<String>,
    http: Transport,
}

impl Signal {
    pub fn new(config: &RawConfig) -> Result<Self> {
        let settings = Settings::parse(&SPEC, config)?;
        let base = settings.url("url").cloned().ok_or_else(|| {
            Error::configuration("Signal configuration is invalid: 'url' is required")
        })?;
        let account = settings
            .text("account")
            .filter(|a| *a != NO_ACCOUNT)
            .map(str::to_owned);
        Ok(Self {
            base,
            account,
            http: Transport::new("Signal", &settings),
        })
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// The server kind this process has detected for the base URL, if any yet.
    pub fn detected_kind(&self) -> Option<ServerKind> {
        detected().get(self.base.as_str()).copied()
    }

    /// Sends `message` to `identifier` (E.164 number, group id, UUID or `u:username`).
    pub fn send(&self, identifier: &str, message: &str) -> Result<()> {
        let recipient = Recipient::parse(identifier)?;
        check_message(message, MAX_MESSAGE)?;
        // Detection and send share the configured timeout.
        self.http.start_budget();
        let kind = match self.detected_kind() {
            Some(kind) => kind,
            None => self.detect()?,
        };
        let outcome = match kind {
            ServerKind::JsonRpc => self.send_rpc(&recipient, message),
            ServerKind::RestV2 => self.send_rest_v2(&recipient, message),
            ServerKind::RestV1 => self.send_path(&recipient, message, 201),
            ServerKind::Legacy => self.send_path(&recipient, message, 200),
        };
        if let Err(e) = &outcome {
            if matches!(
                e.kind(),
                ErrorKind::Network | ErrorKind::Timeout | ErrorKind::UnexpectedResponse
            ) {
                detected().remove(self.base.as_str());
            }
        }
        outcome
    }

    /// Finds out which kind of server answers at the base URL, and remembers it for this
    /// process.
    pub fn detect(&self) -> Result<ServerKind> {
        self.http.start_budget();
        let kind = self.probe()?;
        detected().insert(self.base.as_str().to_owned(), kind);
        Ok(kind)
    }

    fn probe(&self) -> Result<ServerKind> {
        let probe = RpcCall::<()> {
            jsonrpc: "2.0",
            method: "version",
            id: "version".to_owned(),
            params: None,
        };
        let rpc = self.post_json(&["api", "v1", "rpc"], &probe, "")?;
        if matches!(rpc.status, 200 | 201) {
            return Ok(ServerKind::JsonRpc);
        }
        let about = self
            .http
            .request(Method::GET, join(&self.base, &["v1", "about"]))?;
        let about = self.http.send(about, &[])?;
        if about.status != 200 {
            return Ok(ServerKind::Legacy);
        }
        let has_v2 = about.json().ok().is_some_and(|j| {
            j.get("versions")
                .and_then(Json::as_array)
                .is_some_and(|v| v.iter().any(|x| x.as_str() == Some("v2")))
        });
        Ok(if has_v2 {
            ServerKind::RestV2
        } else {
            ServerKind::RestV1
        })
    }

    fn post_json(&self, path: &[&str], body: &impl Serialize, message: &str) -> Result<Response> {
        let body = serde_json::to_vec(body)
            .map_err(|_| Error::invalid_message("the message cannot be encoded as JSON"))?;
        let request = self
            .http
            .request(Method::POST, join(&self.base, path))?
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(reqwest::header::ACCEPT, "application/json")
            .body(body);
        self.http.send(request, &[message])
    }

    fn send_rpc(&self, recipient: &Recipient, message: &str) -> Result<()> {
        let (recipient_field, group_id) = match recipient {
            Recipient::Group(g) => (None, Some(g.as_str())),
            other => (Some(other.as_str()), None),
        };
        let call = RpcCall {
            jsonrpc: "2.0",
            method: "send",
            id: format!("tfg-{}", RPC_IDS.fetch_add(1, Ordering::Relaxed)),
            params: Some(RpcSend {
                message,
                recipient: recipient_field,
                group_id,
                account: self.account.as_deref(),
            }),
        };
        let response = self.post_json(&["api", "v1", "rpc"], &call, message)?;
        let json = response.json();
        if !response.is_success() {
            let said = json.ok().and_then(|j| service_message(&j));
            return Err(response.status_error(said.as_deref()));
        }
        let json = json?;
        if let Some(error) = json.get("error").filter(|e| !e.is_null()) {
            let text = error
                .get("message")
                .and_then(Json::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    format!(
                        "JSON-RPC error {}",
                        error.get("code").unwrap_or(&Json::Null)
                    )
                });
            return Err(response.rejected(&text));
        }
        if json.get("jsonrpc").and_then(Json::as_str) != Some("2.0") {
            return Err(response.unexpected("the answer is not a JSON-RPC 2.0 response"));
        }
        let result = json.get("result").unwrap_or(&Json::Null);
        if let Some(results) = result.get("results").and_then(Json::as_array) {
            let failures: Vec<&str> = results
                .iter()
                .filter_map(|r| r.get("type").and_then(Json::as_str))
                .filter(|t| *t != "SUCCESS")
                .collect();
            if !results.is_empty() && failures.len() == results.len() {
                return Err(response.rejected(&format!("not delivered ({})", failures.join(", "))));
            }
        }
        if has_timestamp(result) {
            Ok(())
        } else {
            Err(response.unexpected("the answer has no timestamp"))
        }
    }

    fn send_rest_v2(&self, recipient: &Recipient, message: &str) -> Result<()> {
        let body = RestV2Send {
            message,
            number: self.account.as_deref(),
            recipients: [recipient.as_str()],
        };
        let response = self.post_json(&["v2", "send"], &body, message)?;
        check_rest(&response, 201)
    }

    /// `POST {url}/v1/send/{id}`: REST v1 (answers 201) and the legacy gateway (200).
    fn send_path(&self, recipient: &Recipient, message: &str, expected: u16) -> Result<()> {
        let response = self.post_json(
            &["v1", "send", recipient.as_str()],
            &MessageOnly { message },
            message,
        )?;
        check_rest(&response, expected)
    }
}

fn check_rest(response: &Response, expected: u16) -> Result<()> {
    let json = response.json();
    if response.status != expected {
        let said = json.ok().and_then(|j| service_message(&j));
        return Err(if response.is_success() {
            response.unexpected(&format!("HTTP {} instead of {expected}", response.status))
        } else {
            response.status_error(said.as_deref())
        });
    }
    let json = json?;
    if expected == 200 {
        // signal-web-gateway: {"success": true}
        return match json.get("success") {
            Some(Json::Bool(true)) => Ok(()),
            Some(Json::Bool(false)) => Err(response.rejected(
                &service_message(&json).unwrap_or_else(|| "the gateway reported no success".into()),
            )),
            _ => Err(response.unexpected("the answer has no success flag")),
        };
    }
    if has_timestamp(&json) {
        Ok(())
    } else {
        Err(response.unexpected("the answer has no timestamp"))
    }
}

fn has_timestamp(v: &Json) -> bool {
    match v.get("timestamp") {
        Some(Json::Number(_)) => true,
        Some(Json::String(s)) => !s.is_empty(),
        _ => false,
    }
}

/// The human-readable part of an error answer: `{"error": "…"}`, `{"error": {"message": "…"}}`
/// or `{"message": "…"}`.
fn service_message(v: &Json) -> Option<String> {
    let error = v.get("error");
    error
        .and_then(Json::as_str)
        .or_else(|| error.and_then(|e| e.get("message")).and_then(Json::as_str))
        .or_else(|| v.get("message").and_then(Json::as_str))
        .map(str::to_owned)
}

fn detected() -> std::sync::MutexGuard<'static, HashMap<String, ServerKind>> {
    DETECTED.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::raw;

    #[test]
    fn recipients() {
        let group = STANDARD.encode([7u8; 32]);
        assert_eq!(
            Recipient::parse(&group).unwrap(),
            Recipient::Group(group.clone())
        );
        assert_eq!(
            Recipient::parse(" +49 176 12345678 ").unwrap(),
            Recipient::Number("+4917612345678".into())
        );
        // 12 characters of the base64 alphabet: still a phone number, not a group.
        assert_eq!(
            Recipient::parse("+14155552671").unwrap(),
            Recipient::Number("+14155552671".into())
        );
        assert!(
            phone::is_e164("+4917612345678")
                && !phone::is_e164("+04917612345678")
                && !phone::is_e164("+49 176")
        );
        let uuid = "a1b2c3d4-0000-4000-8000-123456789abc";
        assert_eq!(
            Recipient::parse(uuid).unwrap(),
            Recipient::Verbatim(uuid.into())
        );
        assert_eq!(
            Recipient::parse("u:alice.42").unwrap(),
            Recipient::Verbatim("u:alice.42".into())
        );
        for bad in ["", "   ", "hello", "0176 12345678", "+49\n176"] {
            assert_eq!(
                Recipient::parse(bad).unwrap_err().kind(),
                ErrorKind::InvalidIdentifier,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn configuration() {
        let s = Signal::new(&raw([
            ("url", "http://127.0.0.1:9/sig/"),
            ("account", NO_ACCOUNT),
        ]))
        .unwrap();
        assert_eq!(s.account, None);
        assert_eq!(
            join(s.base_url(), &["v1", "about"]).as_str(),
            "http://127.0.0.1:9/sig/v1/about"
        );
        let s = Signal::new(&raw([("account", "+4917612345678")])).unwrap();
        assert_eq!(s.base_url().as_str(), "http://localhost:5000/");
        assert_eq!(s.account.as_deref(), Some("+4917612345678"));
        let e =
            Signal::new(&raw([("url", "nope"), ("timeout", "0"), ("acount", "x")])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Configuration);
        for key in ["'url'", "'timeout'", "'acount'"] {
            assert!(e.message().contains(key), "{}", e.message());
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            check_message(" ", MAX_MESSAGE).unwrap_err().kind(),
            ErrorKind::InvalidMessage
        );
        assert_eq!(
            check_message(&"x".repeat(MAX_MESSAGE + 1), MAX_MESSAGE)
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidMessage
        );
        assert!(check_message("123456 is your Nextcloud authentication code", MAX_MESSAGE).is_ok());
    }

    #[test]
    fn request_bodies() {
        let call = RpcCall {
            jsonrpc: "2.0",
            method: "send",
            id: "tfg-1".into(),
            params: Some(RpcSend {
                message: "m",
                recipient: None,
                group_id: Some("g"),
                account: Some("+1"),
            }),
        };
        assert_eq!(
            serde_json::to_string(&call).unwrap(),
            r#"{"jsonrpc":"2.0","method":"send","id":"tfg-1","params":{"message":"m","group-id":"g","account":"+1"}}"#
        );
        let v2 = RestV2Send {
            message: "m",
            number: None,
            recipients: ["+1"],
        };
        assert_eq!(
            serde_json::to_string(&v2).unwrap(),
            r#"{"message":"m","recipients":["+1"]}"#
        );
    }
}
