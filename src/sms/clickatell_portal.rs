//! Clickatell Portal: the HTTP API of Clickatell's current platform ("One API" integrations).
//!
//! Request (<https://www.clickatell.com/developers/api-documentation/http-api-send-message/>):
//! `GET https://platform.clickatell.com/messages/http/send` with the query
//! `apiKey=<apikey>&to=<digits>&content=<message>` and `&from=<from>` only when a sender is set
//! (the existing app breaks every send when it is unset; an empty `from` is simply left out).
//! The number goes without `+`: "international format, no spaces or other non-numeric
//! characters".
//!
//! Success signal: HTTP 202 (or another 2xx) with JSON
//! `{"messages":[{"apiMessageId":"…","accepted":true,"to":"…","errorCode":null,"error":null,
//! "errorDescription":null}],"errorCode":null,"error":null,"errorDescription":null}`: the
//! message must be `accepted` and neither the answer nor the message may carry an error.
//! Errors come as `errorCode` + `error`/`errorDescription`, for the whole request (usually
//! with a 4xx/5xx status) or for the message (HTTP 202/207, `accepted: false`); the codes are
//! the One API error table,
//! <https://www.clickatell.com/developers/api-documentation/one-api-error-messages/>.
//! Mapping: 1 (invalid or missing API key), 2/3 (account or integration not active) and
//! 7 (IP address not approved) are unauthorized; 43 (rate limit) is rate limited; 18/19
//! (internal error) are server errors; the others (no balance, invalid recipient, opted out,
//! sender not allowed, …) are rejections. An HTTP status of 401/403, 429 or 5xx decides the
//! kind whatever the code says.

use serde_json::Value as Json;

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clickatell_portal",
        name: "Clickatell Portal",
        fields: &[
            Field::new(
                "apikey",
                "Clickatell API key",
                FieldKind::Secret,
                "The API key of an HTTP integration in the Clickatell portal.",
            ),
            Field::new(
                "from",
                "Sender (from)",
                FieldKind::Text,
                "A two-way number of your integration; leave empty for Clickatell's default.",
            )
            .optional(),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://platform.clickatell.com/messages/http/send";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let mut query = vec![
        ("apiKey", gw.text("apikey")),
        ("to", to.digits()),
        ("content", message),
    ];
    if let Some(from) = gw.optional("from") {
        query.push(("from", from));
    }
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&query);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

/// An error Clickatell reported: its code and its words.
struct Reported {
    code: Option<i64>,
    text: Option<String>,
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    let global = json.as_ref().and_then(reported);
    if !response.is_success() {
        return Err(match global {
            Some(Reported {
                code: Some(code),
                text,
            }) => failure(gw, response, code, text.as_deref()),
            Some(Reported { code: None, text }) => response.status_error(text.as_deref()),
            None => response.status_error(None),
        });
    }
    let Some(json @ Json::Object(_)) = &json else {
        return Err(response.unexpected("the answer is not a JSON object"));
    };
    if let Some(error) = global {
        return Err(reported_error(gw, response, error));
    }
    let Some(first) = json
        .get("messages")
        .and_then(Json::as_array)
        .and_then(|m| m.first())
    else {
        return Err(response.unexpected("the answer lists no message"));
    };
    let accepted = first.get("accepted").and_then(Json::as_bool);
    match (accepted, reported(first)) {
        (Some(true), None) => Ok(()),
        (Some(false), None) => Err(response.rejected("the message was not accepted")),
        (Some(_), Some(error)) => Err(reported_error(gw, response, error)),
        (None, _) => Err(response.unexpected("the message carries no 'accepted' flag")),
    }
}

/// The error in a JSON object of Clickatell's answer (the whole answer or one message):
/// `errorCode` with `error`/`errorDescription`, or an `error` object with `code` and
/// `description`. `None` when all of them are null or missing.
fn reported(json: &Json) -> Option<Reported> {
    let code = json
        .get("errorCode")
        .or_else(|| json.pointer("/error/code"))
        .and_then(|c| match c {
            Json::Number(n) => n.as_i64(),
            Json::String(s) => s.trim().parse().ok(),
            _ => None,
        });
    let text = json_text(json, "/error")
        .or_else(|| json_text(json, "/errorDescription"))
        .or_else(|| json_text(json, "/error/description"))
        .filter(|t| !t.trim().is_empty());
    (code.is_some() || text.is_some()).then_some(Reported { code, text })
}

fn reported_error(gw: &Gateway, response: &Response, error: Reported) -> Error {
    match error.code {
        Some(code) => failure(gw, response, code, error.text.as_deref()),
        None => response.rejected(error.text.as_deref().unwrap_or("the message was refused")),
    }
}

/// The kind of one of Clickatell's error codes.
fn kind_of(code: i64) -> ErrorKind {
    match code {
        1 | 2 | 3 | 7 => ErrorKind::Unauthorized,
        43 => ErrorKind::RateLimited { retry_after: None },
        18 | 19 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    }
}

fn failure(gw: &Gateway, response: &Response, code: i64, said: Option<&str>) -> Error {
    coded_error(gw, response, code, said, None, kind_of(code))
}

/// The error for a provider's error code (shared with `smsapi`, whose answers work alike):
/// an HTTP status of 401/403, 429 or 5xx decides the kind, `by_code` does otherwise. The
/// message names the code, the provider's words (scrubbed) or else `fallback`, and a
/// non-2xx status.
pub(super) fn coded_error(
    gw: &Gateway,
    response: &Response,
    code: i64,
    said: Option<&str>,
    fallback: Option<&str>,
    by_code: ErrorKind,
) -> Error {
    let kind = match response.status {
        401 | 403 => ErrorKind::Unauthorized,
        429 => ErrorKind::RateLimited {
            retry_after: response.retry_after,
        },
        500..=599 => ErrorKind::ServerError,
        _ => by_code,
    };
    let words = said
        .map(|s| response.service_text(s))
        .filter(|s| !s.is_empty())
        .or_else(|| fallback.map(str::to_owned));
    let mut text = format!("{}: error {code}", gw.label());
    if let Some(words) = words {
        text.push_str(" (");
        text.push_str(&words);
        text.push(')');
    }
    if !response.is_success() {
        text.push_str(&format!(", HTTP {}", response.status));
    }
    if let ErrorKind::RateLimited {
        retry_after: Some(secs),
    } = kind
    {
        text.push_str(&format!(" (retry after {secs} s)"));
    }
    Error::new(kind, text)
}
