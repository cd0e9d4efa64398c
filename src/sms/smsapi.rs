//! SMSAPI (smsapi.com).
//!
//! Request (<https://www.smsapi.com/docs/>, "2. Single SMS"): `POST https://api.smsapi.com/sms.do`
//! with `Authorization: Bearer <token>` and a `multipart/form-data` body with the fields
//! `to=<digits>`, `from=<sender>` (only when a sender is set: SMSAPI then uses the account's
//! default name), `message=<message>` and `format=json`, as the existing app sends it (but with
//! the usual time limits). The number goes without `+`, in the documented form `48500000000`.
//!
//! Success signal: JSON `{"count":1,"list":[{"id":"…","points":0.16,"number":"…",
//! "date_sent":…,"submitted_number":"…","status":"QUEUE","error":null,…}]}`: at least one
//! message counted and listed, none with an `error`. Failures are `{"error":<code>,
//! "message":"…"}`, with HTTP 200 or a 4xx status. The codes are SMSAPI's documented ones
//! ("18. Error codes" on the same page): 101 (invalid authorization info), 102 (invalid
//! username or password), 105 (IP address not allowed) and 401 (token lacks the permission)
//! are unauthorized; 52 (too many attempts to one number), 202/203 (too many requests) are
//! rate limited; 8, 200, 201, 998 and 999 (request or system errors at SMSAPI) are server
//! errors; the rest (11 message too long, 13 no valid phone number, 14 wrong sender name,
//! 57/59 blacklisted or opted-out number, 103 insufficient credits, 112 country not allowed,
//! …) are rejections. An HTTP status of 401/403, 429 or 5xx decides the kind whatever the
//! code says; any other answer is unexpected.

use reqwest::blocking::multipart::Form;
use serde_json::Value as Json;

use super::clickatell_portal::coded_error;
use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "smsapi",
        name: "SMSAPI",
        fields: &[
            Field::new(
                "token",
                "SMSAPI OAuth token",
                FieldKind::Secret,
                "An API token from the SMSAPI customer portal (scope: sms).",
            ),
            Field::new(
                "sender",
                "Sender name",
                FieldKind::Text,
                "A sender name registered at SMSAPI; leave empty for the account default.",
            )
            .optional(),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api.smsapi.com/sms.do";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let mut form = Form::new().text("to", to.digits().to_owned());
    if let Some(sender) = gw.optional("sender") {
        form = form.text("from", sender.to_owned());
    }
    let form = form
        .text("message", message.to_owned())
        .text("format", "json");
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .bearer_auth(gw.text("token"))
        .multipart(form);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    let error = json.as_ref().and_then(error_code);
    let said = json.as_ref().and_then(|j| json_text(j, "/message"));
    if !response.is_success() {
        return Err(match error {
            Some(code) => failure(gw, response, code, said.as_deref()),
            None => response.status_error(said.as_deref()),
        });
    }
    let Some(json @ Json::Object(_)) = &json else {
        return Err(response.unexpected("the answer is not a JSON object"));
    };
    if let Some(code) = error {
        return Err(failure(gw, response, code, said.as_deref()));
    }
    let count = json.get("count").and_then(Json::as_u64).unwrap_or(0);
    let list = json.get("list").and_then(Json::as_array);
    let Some(first) = list.and_then(|l| l.first()).filter(|_| count >= 1) else {
        return Err(response.unexpected("the answer counts no sent message"));
    };
    match error_code(first) {
        None => Ok(()),
        Some(code) => {
            let said = json_text(first, "/message");
            Err(failure(gw, response, code, said.as_deref()))
        }
    }
}

/// The numeric `error` of an answer or of one listed message (null or missing: none).
fn error_code(json: &Json) -> Option<i64> {
    match json.get("error")? {
        Json::Number(n) => n.as_i64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The error for one of SMSAPI's codes (the mechanism is Clickatell Portal's, which answers
/// alike).
fn failure(gw: &Gateway, response: &Response, code: i64, said: Option<&str>) -> Error {
    let by_code = match code {
        101 | 102 | 105 | 401 => ErrorKind::Unauthorized,
        52 | 202 | 203 => ErrorKind::RateLimited { retry_after: None },
        8 | 200 | 201 | 998 | 999 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    coded_error(gw, response, code, said, describe(code), by_code)
}

/// SMSAPI's words for the codes a send can meet, for answers that leave them out.
fn describe(code: i64) -> Option<&'static str> {
    Some(match code {
        8 => "error in request",
        11 => "message too long or empty",
        13 => "no valid phone number (invalid or blacklisted)",
        14 => "wrong sender name",
        52 => "too many attempts to send to one number",
        57 => "the number is blacklisted for this user",
        59 => "the number is on the opt-out list",
        98 => "the account is restricted to the number used at registration",
        101 => "invalid authorization info",
        102 => "invalid username or password",
        103 => "insufficient credits",
        105 => "IP address not allowed",
        112 => "sending to this country is not allowed for the account",
        200 => "unsuccessful message submission",
        201 | 999 => "system internal error",
        202 | 203 => "too many requests",
        401 => "the token lacks the permission for this action",
        _ => return None,
    })
}
