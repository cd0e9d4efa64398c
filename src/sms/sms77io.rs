//! seven (formerly sms77.io), id kept as `sms77io`.
//!
//! Request (seven's HTTP API, <https://docs.seven.io/en/rest-api/endpoints/sms>):
//! `POST https://gateway.seven.io/api/sms`, headers `X-Api-Key: <api_key>`,
//! `Accept: application/json`, form body `to=<digits>&text=<message>&sendWith=nextcloud`.
//!
//! Success signal: seven answers HTTP 200 for most failures too and puts a return code in the
//! body: JSON `{"success":"100", "messages":[{"success":true, …}]}`, or the bare code as text
//! (older accounts and some errors). Only `100` with no message marked `success: false` is
//! a delivery; `101` (partly sent) is reported as a rejection because this recipient is the
//! only one. The codes are seven's documented ones: 900/902/903 are about the API key or the
//! calling IP (unauthorized), 402/403 are send limits (rate limited), 600/700 are failures at
//! seven or its carriers (server error), the rest are rejections.

use serde_json::Value as Json;

use super::{body_text, json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "sms77io",
        name: "seven (formerly sms77.io)",
        fields: &[
            Field::new(
                "api_key",
                "seven API key",
                FieldKind::Secret,
                "From seven's dashboard: Developer, API keys.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://gateway.seven.io/api/sms";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .header("X-Api-Key", gw.text("api_key"))
        .header(reqwest::header::ACCEPT, "application/json")
        .form(&[
            ("to", to.digits()),
            ("text", message),
            ("sendWith", "nextcloud"),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    if !response.is_success() {
        let said = json.as_ref().and_then(|j| json_text(j, "/error"));
        return Err(response.status_error(said.as_deref()));
    }
    let (code, detail) = match &json {
        Some(j @ Json::Object(_)) => (
            json_text(j, "/success").unwrap_or_default(),
            failed_message(j),
        ),
        // A bare number is valid JSON too: seven's plain-text answer.
        Some(Json::Number(n)) => (n.to_string(), None),
        _ => (
            body_text(response)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned(),
            None,
        ),
    };
    if code == "100" {
        return match detail {
            None => Ok(()),
            Some(text) => Err(response.rejected(&text)),
        };
    }
    let Some(known) = describe(&code) else {
        return Err(response.unexpected("the answer carries no seven return code"));
    };
    let kind = match code.as_str() {
        "900" | "902" | "903" => ErrorKind::Unauthorized,
        "402" | "403" => ErrorKind::RateLimited { retry_after: None },
        "600" | "700" => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    let mut text = format!("{}: return code {code} ({known})", gw.label());
    if let Some(detail) = detail {
        text.push_str(": ");
        text.push_str(&response.service_text(&detail));
    }
    Err(Error::new(kind, text))
}

/// The first message seven marks as not sent, in its words.
fn failed_message(json: &Json) -> Option<String> {
    json.get("messages")?
        .as_array()?
        .iter()
        .find(|m| m.get("success") == Some(&Json::Bool(false)))
        .map(|m| {
            json_text(m, "/error_text")
                .or_else(|| json_text(m, "/error"))
                .unwrap_or_else(|| "the message was not sent".to_owned())
        })
}

/// seven's documented return codes.
fn describe(code: &str) -> Option<&'static str> {
    Some(match code {
        "101" => "sending failed for at least one recipient",
        "201" => "invalid sender",
        "202" => "invalid recipient number",
        "301" => "recipient missing",
        "305" => "invalid text",
        "401" => "text too long",
        "402" => "reload lock: the same SMS was sent within the last 180 seconds",
        "403" => "daily limit for this recipient reached",
        "500" => "not enough credit",
        "600" => "carrier delivery failed",
        "700" => "unknown error",
        "900" => "authentication failed: check the API key",
        "901" => "wrong signature",
        "902" => "the API key has no access to this endpoint",
        "903" => "the server's IP address is not allowed",
        _ => return None,
    })
}
