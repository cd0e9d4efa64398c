//! OVH (OVHcloud SMS), through OVH's signed REST API.
//!
//! Requests (SMS API: <https://docs.ovhcloud.com/en/guides/web-cloud/messaging/sms/api-sms-cookbook>,
//! console <https://eu.api.ovh.com/console/?section=/sms&branch=v1>; signing:
//! <https://docs.ovh.com/gb/en/customer/first-steps-with-ovh-api/>). The `endpoint` choice gives
//! the API root (`ovh-eu` → `https://api.ovh.com/1.0`, `ovh-us` → `https://api.us.ovhcloud.com/1.0`,
//! …, see [`root`]); `api_url` replaces its scheme, host and port (its path goes in front). Then:
//! 1. `GET {root}/auth/time`, unsigned: the server's Unix time as a bare integer. Its difference
//!    to the local clock is added to every `X-Ovh-Timestamp`.
//! 2. `GET {root}/sms`, signed: the JSON array of the SMS accounts the keys may use. It must hold
//!    `account`, else a configuration error "SMS account '…' not found" (the existing app let an
//!    exception escape here).
//! 3. `POST {root}/sms/{account}/jobs`, signed, with the JSON body (keys in this order)
//!    `charset` "UTF-8", `message`, `noStopClause` true, `priority` "high", `receivers` [E.164],
//!    `senderForResponse` false, `sender`, `validityPeriod` 3600, encoded byte for byte like
//!    PHP's `json_encode` ([`php_json`]: `/` as `\/`, non-ASCII as `\uxxxx` with UTF-16 surrogate
//!    pairs), because the signature covers the exact bytes sent.
//!
//! Signed requests carry `Content-Type: application/json; charset=utf-8`,
//! `X-Ovh-Application: <application_key>`, `X-Ovh-Consumer: <consumer_key>`,
//! `X-Ovh-Timestamp: <local time + delta>` and `X-Ovh-Signature: $1$` + hex SHA-1 of
//! `application_secret+consumer_key+METHOD+full URL+body+timestamp`.
//!
//! Per process, the clock difference of an API root and the accounts already found for a set of
//! keys (a SHA-1 of keys and account, not the keys) are remembered, like the Signal server kind,
//! so a send is usually one request. Any failed send forgets what was learnt about that root:
//! the next send synchronises the clock and checks the account again (no automatic retry, which
//! could send the code twice).
//!
//! Success signal: the job answer (HTTP 200) `{"totalCreditsRemoved":1,"invalidReceivers":[],
//! "ids":[…],"validReceivers":["+49…"],"tag":null}` lists the recipient in `validReceivers`; an
//! empty `validReceivers` is a rejection naming the `invalidReceivers`. OVH errors are HTTP
//! 4xx/5xx with `{"errorCode":"…","httpCode":"400 Bad Request","message":"…"}` (newer:
//! `{"class":"Client::Forbidden","message":"…"}`); the `message` (and `errorCode`) are quoted and
//! the status decides the kind (401/403 unauthorized, 429 rate limited, 5xx server error, 404
//! unexpected, other 4xx rejected), except that OVH's authentication codes `INVALID_SIGNATURE`
//! (HTTP 400: a wrong application secret or clock), `QUERY_TIME_OUT`, `INVALID_KEY`,
//! `INVALID_CREDENTIAL`, `NOT_CREDENTIAL`, `NOT_GRANTED_CALL` and `FORBIDDEN` are always
//! unauthorized. An answer of another shape (a time that is no integer, an account list that is
//! no array, a job answer without `validReceivers`) is unexpected.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use once_cell::sync::Lazy;
use reqwest::blocking::RequestBuilder;
use reqwest::{Method, Url};
use serde_json::Value as Json;
use sha1::{Digest, Sha1};

use super::API_URL;
use super::{body_text, json_text, Gateway, Number, Provider};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static ENDPOINTS: &[Choice] = &[
    Choice {
        value: "ovh-eu",
        label: "OVH Europe",
    },
    Choice {
        value: "ovh-us",
        label: "OVH US",
    },
    Choice {
        value: "ovh-ca",
        label: "OVH North America",
    },
    Choice {
        value: "kimsufi-eu",
        label: "Kimsufi Europe",
    },
    Choice {
        value: "kimsufi-ca",
        label: "Kimsufi North America",
    },
    Choice {
        value: "soyoustart-eu",
        label: "So you Start Europe",
    },
    Choice {
        value: "soyoustart-ca",
        label: "So you Start North America",
    },
    Choice {
        value: "runabove-ca",
        label: "RunAbove",
    },
];

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "ovh",
        name: "OVH",
        fields: &[
            Field::new(
                "endpoint",
                "OVH API endpoint",
                FieldKind::Choice(ENDPOINTS),
                "The OVH API your account lives in.",
            ),
            Field::new(
                "application_key",
                "OVH application key",
                FieldKind::Text,
                "From https://eu.api.ovh.com/createApp/ (or your region's).",
            ),
            Field::new(
                "application_secret",
                "OVH application secret",
                FieldKind::Secret,
                "Shown once when the application is created.",
            ),
            Field::new(
                "consumer_key",
                "OVH consumer key",
                FieldKind::Secret,
                "A consumer key with GET /sms and POST /sms/*/jobs rights.",
            ),
            Field::new(
                "account",
                "OVH SMS account (sms-xx00000-1)",
                FieldKind::Text,
                "The SMS service name.",
            ),
            Field::new(
                "sender",
                "OVH sender",
                FieldKind::Text,
                "A sender registered for that SMS account.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

/// The API root of an endpoint choice.
pub fn root(endpoint: &str) -> &'static str {
    match endpoint {
        "ovh-us" => "https://api.us.ovhcloud.com/1.0",
        "ovh-ca" => "https://ca.api.ovh.com/1.0",
        "kimsufi-eu" => "https://eu.api.kimsufi.com/1.0",
        "kimsufi-ca" => "https://ca.api.kimsufi.com/1.0",
        "soyoustart-eu" => "https://eu.api.soyoustart.com/1.0",
        "soyoustart-ca" => "https://ca.api.soyoustart.com/1.0",
        "runabove-ca" => "https://api.runabove.com/1.0",
        // "ovh-eu", and the default of the choice.
        _ => "https://api.ovh.com/1.0",
    }
}

/// OVH `errorCode`s that mean the keys, their rights or the signature were refused.
const AUTH_CODES: &[&str] = &[
    "INVALID_SIGNATURE",
    "QUERY_TIME_OUT",
    "INVALID_KEY",
    "INVALID_CREDENTIAL",
    "NOT_CREDENTIAL",
    "NOT_GRANTED_CALL",
    "FORBIDDEN",
];

/// What this process learnt about one API root.
#[derive(Debug, Default)]
struct Learnt {
    /// Server time minus local time, in seconds.
    delta: Option<i64>,
    /// Fingerprints of keys + account found in `GET /sms`.
    accounts: HashSet<[u8; 20]>,
}

static LEARNT: Lazy<Mutex<HashMap<String, Learnt>>> = Lazy::new(Default::default);

fn learnt() -> std::sync::MutexGuard<'static, HashMap<String, Learnt>> {
    LEARNT.lock().unwrap_or_else(|p| p.into_inner())
}

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let api = Api {
        gw,
        root: gw.endpoint(root(gw.text("endpoint"))),
        message,
    };
    let key = api.root.as_str().to_owned();
    let result = api.send(&key, to);
    if result.is_err() {
        learnt().remove(&key);
    }
    result
}

struct Api<'a> {
    gw: &'a Gateway,
    root: Url,
    message: &'a str,
}

impl Api<'_> {
    fn send(&self, key: &str, to: &Number) -> Result<()> {
        let account = self.gw.text("account");
        let fingerprint = self.fingerprint(account);
        let (delta, known) = {
            let map = learnt();
            let entry = map.get(key);
            (
                entry.and_then(|l| l.delta),
                entry.is_some_and(|l| l.accounts.contains(&fingerprint)),
            )
        };
        let delta = match delta {
            Some(delta) => delta,
            None => {
                let delta = self.clock_delta()?;
                learnt().entry(key.to_owned()).or_default().delta = Some(delta);
                delta
            }
        };
        if !known {
            self.check_account(account, delta)?;
            learnt()
                .entry(key.to_owned())
                .or_default()
                .accounts
                .insert(fingerprint);
        }
        self.post_job(account, to, delta)
    }

    /// Identifies keys + account without keeping the secrets.
    fn fingerprint(&self, account: &str) -> [u8; 20] {
        let mut hash = Sha1::new();
        for key in ["application_key", "application_secret", "consumer_key"] {
            hash.update(self.gw.text(key).as_bytes());
            hash.update([0]);
        }
        hash.update(account.as_bytes());
        hash.finalize().into()
    }

    /// `{root}/segment/…`, each segment percent-encoded.
    fn at(&self, segments: &[&str]) -> Url {
        let mut url = self.root.clone();
        url.path_segments_mut()
            .expect("OVH API roots are http(s) URLs")
            .pop_if_empty()
            .extend(segments);
        url
    }

    fn clock_delta(&self) -> Result<i64> {
        let request = self.gw.request(Method::GET, self.at(&["auth", "time"]))?;
        let response = self.gw.send(request, self.message)?;
        if !response.is_success() {
            return Err(failure(&response));
        }
        let server = body_text(&response)
            .parse::<i64>()
            .ok()
            .filter(|t| *t > 0)
            .ok_or_else(|| response.unexpected("the answer of /auth/time is not a Unix time"))?;
        Ok(server - unix_now())
    }

    fn check_account(&self, account: &str, delta: i64) -> Result<()> {
        let request = self.signed(Method::GET, self.at(&["sms"]), "", delta)?;
        let response = self.gw.send(request, self.message)?;
        if !response.is_success() {
            return Err(failure(&response));
        }
        let Json::Array(list) = response.json()? else {
            return Err(response.unexpected("the answer of /sms is not a list of SMS accounts"));
        };
        let names: Vec<&str> = list.iter().filter_map(Json::as_str).collect();
        if names.contains(&account) {
            return Ok(());
        }
        let seen = if names.is_empty() {
            "none".to_owned()
        } else {
            response.service_text(&names.join(", "))
        };
        Err(self.gw.configuration(&format!(
            "SMS account '{account}' not found; the keys give access to: {seen}"
        )))
    }

    fn post_job(&self, account: &str, to: &Number, delta: i64) -> Result<()> {
        let body = job_body(self.message, to.e164(), self.gw.text("sender"));
        let url = self.at(&["sms", account, "jobs"]);
        let request = self.signed(Method::POST, url, &body, delta)?;
        let response = self.gw.send(request, self.message)?;
        if !response.is_success() {
            return Err(failure(&response));
        }
        let json = response.json()?;
        let Some(valid) = json.get("validReceivers").and_then(Json::as_array) else {
            return Err(response.unexpected("the job answer has no validReceivers"));
        };
        if !valid.is_empty() {
            return Ok(());
        }
        let invalid: Vec<String> = json
            .get("invalidReceivers")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        Err(if invalid.is_empty() {
            response.rejected("no valid receiver")
        } else {
            response.rejected(&format!("invalid receivers: {}", invalid.join(", ")))
        })
    }

    /// A request with OVH's authentication headers.
    fn signed(&self, method: Method, url: Url, body: &str, delta: i64) -> Result<RequestBuilder> {
        let gw = self.gw;
        let timestamp = (unix_now() + delta).to_string();
        let signature = signature(
            gw.text("application_secret"),
            gw.text("consumer_key"),
            method.as_str(),
            url.as_str(),
            body,
            &timestamp,
        );
        let request = gw
            .request(method, url)?
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/json; charset=utf-8",
            )
            .header("X-Ovh-Application", gw.text("application_key"))
            .header("X-Ovh-Timestamp", timestamp)
            .header("X-Ovh-Consumer", gw.text("consumer_key"))
            .header("X-Ovh-Signature", signature);
        Ok(if body.is_empty() {
            request
        } else {
            request.body(body.to_owned())
        })
    }
}

/// `$1$` and the hex SHA-1 of the signed parts joined by `+`.
pub fn signature(
    secret: &str,
    consumer: &str,
    method: &str,
    url: &str,
    body: &str,
    timestamp: &str,
) -> String {
    let plain = format!("{secret}+{consumer}+{method}+{url}+{body}+{timestamp}");
    let digest = Sha1::digest(plain.as_bytes());
    let mut out = String::from("$1$");
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The job, in the key order and encoding of the existing app.
fn job_body(message: &str, receiver: &str, sender: &str) -> String {
    let mut out = String::from("{\"charset\":\"UTF-8\",\"message\":");
    php_json(&mut out, message);
    out.push_str(",\"noStopClause\":true,\"priority\":\"high\",\"receivers\":[");
    php_json(&mut out, receiver);
    out.push_str("],\"senderForResponse\":false,\"sender\":");
    php_json(&mut out, sender);
    out.push_str(",\"validityPeriod\":3600}");
    out
}

/// A JSON string as PHP's `json_encode` writes it with no flags: `"`, `\` and `/` escaped,
/// control characters as `\b \f \n \r \t` or `\u00xx`, everything beyond ASCII as `\uxxxx`
/// (lower-case hex, UTF-16 surrogate pairs above U+FFFF).
pub fn php_json(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// The error for an OVH answer with a non-success status.
fn failure(response: &Response) -> Error {
    let json = response.json().ok();
    let text_at = |pointer| {
        json.as_ref()
            .and_then(|j| json_text(j, pointer))
            .filter(|t| !t.trim().is_empty())
    };
    let said = text_at("/message");
    let code = text_at("/errorCode");
    let text = match (&said, &code) {
        (Some(m), Some(c)) => Some(format!("{m} ({c})")),
        (Some(m), None) => Some(m.clone()),
        (None, Some(c)) => Some(c.clone()),
        (None, None) => None,
    };
    let error = response.status_error(text.as_deref());
    let auth = code.as_deref().is_some_and(|c| AUTH_CODES.contains(&c));
    if auth && (400..500).contains(&response.status) && response.status != 429 {
        Error::new(ErrorKind::Unauthorized, error.message())
    } else {
        error
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(text: &str) -> String {
        let mut out = String::new();
        php_json(&mut out, text);
        out
    }

    #[test]
    fn strings_are_encoded_like_php_json_encode() {
        // Checked against PHP 8: json_encode("a/b \"q\" \\ é € 😀 \n\t\x01\x7f").
        assert_eq!(
            encoded("a/b \"q\" \\ é € 😀 \n\t\u{1}\u{7f}"),
            "\"a\\/b \\\"q\\\" \\\\ \\u00e9 \\u20ac \\ud83d\\ude00 \\n\\t\\u0001\u{7f}\""
        );
    }

    #[test]
    fn the_job_body_keeps_the_key_order() {
        assert_eq!(
            job_body("Code: 1/2", "+4917612345678", "Nextcloud"),
            r#"{"charset":"UTF-8","message":"Code: 1\/2","noStopClause":true,"priority":"high","receivers":["+4917612345678"],"senderForResponse":false,"sender":"Nextcloud","validityPeriod":3600}"#
        );
    }

    #[test]
    fn the_signature_is_sha1_of_the_joined_parts() {
        // PHP: sha1("AS+CK+GET+https://api.ovh.com/1.0/sms++1700000000")
        let s = signature(
            "AS",
            "CK",
            "GET",
            "https://api.ovh.com/1.0/sms",
            "",
            "1700000000",
        );
        assert_eq!(s, "$1$abc9f8eddbbd094a7db60259ffc6fda3f44803d9");
    }

    #[test]
    fn every_endpoint_has_a_root() {
        for choice in ENDPOINTS {
            let root = root(choice.value);
            assert!(root.starts_with("https://") && root.ends_with("/1.0"));
        }
        assert_eq!(root("ovh-eu"), "https://api.ovh.com/1.0");
        assert_eq!(root("runabove-ca"), "https://api.runabove.com/1.0");
    }
}
