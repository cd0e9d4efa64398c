//! eCall (ecall-messaging.com), through its HTTPS interface.
//!
//! Request (<https://developer.ecall-messaging.com/api-references/https-interface/send-methods>):
//! `GET https://url.ecall.ch/api/sms?username=<user>&password=<password>&Callback=<sender>`
//! `&address=<+E.164>&message=<message>`.
//!
//! Success signal (<https://developer.ecall-messaging.com/api-references/https-interface/response-codes-and-headers>):
//! send methods report through the HTTP status and eCall result codes: 200 means the job was
//! accepted, 400 a refused request whose eCall result code tells why, 401 missing or invalid
//! credentials, 403 insufficient credit, 500 a processing error at eCall. eCall does not
//! document a body for 200, so an empty body or one carrying result code 0 / `OK` is a send,
//! and any other body is an answer of unknown shape. Result codes, read from the body of a
//! 400 (XML `ResultCode`/`ResponseCode`, JSON, or a bare number): 11001 PermissionDenied is
//! unauthorized, the others (11000 SyntaxError, 111xx bad addresses, 112xx bad message)
//! are rejections. HTTP 403 is reported as unauthorized like on every provider, with eCall's
//! meaning (no credit or no access) in the message.

use serde_json::Value as Json;

use super::{body_text, json_text, xml_root, xml_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "ecallsms",
        name: "EcallSMS",
        fields: &[
            Field::new(
                "username",
                "eCall user name",
                FieldKind::Text,
                "Your eCall account name (or the user of custom interface credentials).",
            ),
            Field::new(
                "password",
                "eCall password",
                FieldKind::Secret,
                "Your eCall account password.",
            ),
            Field::new(
                "sender",
                "Sender id",
                FieldKind::Text,
                "Number or name the message appears to come from (at most 16 digits or 11 characters).",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://url.ecall.ch/api/sms";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("username", gw.text("username")),
            ("password", gw.text("password")),
            ("Callback", gw.text("sender")),
            ("address", to.e164()),
            ("message", message),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let code = result_code(response);
    match response.status {
        200..=299 => match code.as_deref() {
            Some("0") => Ok(()),
            None if body_text(response).is_empty() => Ok(()),
            Some(other) => Err(result_error(gw, response, other)),
            None => Err(response.unexpected("the answer carries no eCall result code")),
        },
        400 => match code.as_deref() {
            Some(c) if c != "0" => Err(result_error(gw, response, c)),
            _ => Err(response.status_error(Some("eCall refused the request"))),
        },
        403 => Err(response.status_error(Some(
            "eCall refused the job: not enough credit or no access for this account",
        ))),
        _ => Err(response.status_error(None)),
    }
}

/// The eCall result code of an answer, where one can be found.
fn result_code(response: &Response) -> Option<String> {
    if let Ok(json @ Json::Object(_)) = response.json() {
        return [
            "/ResultCode",
            "/ResponseCode",
            "/resultCode",
            "/responseCode",
        ]
        .iter()
        .find_map(|p| json_text(&json, p));
    }
    if xml_root(&response.body).is_some() {
        return ["ResultCode", "ResponseCode", "Code"]
            .iter()
            .find_map(|name| xml_text(&response.body, name));
    }
    let text = body_text(response);
    let first = text.split_whitespace().next()?;
    if first.eq_ignore_ascii_case("OK") {
        return Some("0".into());
    }
    (first.len() <= 6 && first.bytes().all(|b| b.is_ascii_digit())).then(|| first.to_owned())
}

fn result_error(gw: &Gateway, response: &Response, code: &str) -> Error {
    let (kind, name) = match code {
        "11001" => (
            ErrorKind::Unauthorized,
            Some("PermissionDenied: access denied"),
        ),
        "11000" => (ErrorKind::Rejected, Some("SyntaxError")),
        "11100" => (
            ErrorKind::Rejected,
            Some("AdrAdCInvalid: invalid recipient address"),
        ),
        "11102" => (
            ErrorKind::Rejected,
            Some("AdrAdCMissing: no recipient address"),
        ),
        "11105" => (
            ErrorKind::Rejected,
            Some("AdrAdCNotAllowed: recipient outside the allowed range"),
        ),
        "11200" => (
            ErrorKind::Rejected,
            Some("MsgNoCharacters: no message content"),
        ),
        "11201" => (
            ErrorKind::Rejected,
            Some("MsgInvalidCharacters: invalid characters in the message"),
        ),
        _ => (ErrorKind::Rejected, None),
    };
    let mut text = format!(
        "{}: HTTP {}: eCall result code {}",
        gw.label(),
        response.status,
        response.service_text(code)
    );
    if let Some(name) = name {
        text.push_str(&format!(" ({name})"));
    }
    Error::new(kind, text)
}
