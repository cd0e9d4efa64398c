//! Puzzel SMS gateway (formerly Intelecom), through its HTTP GET interface.
//!
//! Request (<https://github.com/PuzzelSolutions/SMS/blob/master/sections/interfaces/http-get.md>):
//! `GET <url>?username=<user>&password=<password>&message[0].recipient=<+E.164>`
//! `&message[0].content=<message>&serviceId=<service id>`, where `<url>` is the
//! `…/gw/rs/sendMessages` endpoint of the account's server.
//!
//! Success signal: the answer carries one `messageStatus` per message, as XML (the GET
//! interface's default, `<response><messageStatus><statusCode>1</statusCode>
//! <statusMessage>Message enqueued for sending</statusMessage>…`) or as JSON
//! (`{"messageStatus":[{"statusCode":1,"statusMessage":"…",…}]}`); both are read
//! (<https://github.com/PuzzelSolutions/SMS/blob/master/sections/interfaces/rest.md>). Only
//! status code 1 (MESSAGE_DELIVERED_OK) is a send. The documented codes
//! (<https://github.com/PuzzelSolutions/SMS/blob/master/sections/common.md#message-status>):
//! 2 ACCESS_ERROR is unauthorized, 24 QUOTA_EXCEEDED (too many messages to one number) is
//! rate limited, 6 INTERNAL_ERROR a server error, 3 ILLEGAL_ACTION, 4 ILLEGAL_SERVICE,
//! 5 SYNTAX_ERROR and 25 ERROR_NOT_UNIQUE are rejections. Another code is an answer of
//! unknown shape.

use serde_json::Value as Json;

use super::{json_text, xml_text, Gateway, Number, Provider};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "puzzel",
        name: "Puzzel SMS",
        fields: &[
            Field::new(
                "url",
                "Puzzel SMS gateway URL",
                FieldKind::Url,
                "The GET endpoint of the Puzzel SMS gateway, e.g. https://[servername]/gw/rs/sendMessages.",
            ),
            Field::new(
                "user",
                "Puzzel user name",
                FieldKind::Text,
                "The username of the service.",
            ),
            Field::new(
                "password",
                "Puzzel password",
                FieldKind::Secret,
                "The password of the service.",
            ),
            Field::new(
                "serviceid",
                "Puzzel service id",
                FieldKind::Text,
                "The numeric service id.",
            ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let url = gw.required_url("url")?;
    let request = gw.request(reqwest::Method::GET, url)?.query(&[
        ("username", gw.text("user")),
        ("password", gw.text("password")),
        ("message[0].recipient", to.e164()),
        ("message[0].content", message),
        ("serviceId", gw.text("serviceid")),
    ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let status = read_status(response);
    if !response.is_success() {
        let said = status.as_ref().and_then(|(_, said)| said.as_deref());
        return Err(response.status_error(said));
    }
    let Some((code, said)) = status else {
        return Err(response.unexpected("the answer carries no Puzzel messageStatus"));
    };
    let (kind, name) = match code.as_str() {
        "1" => return Ok(()),
        "2" => (ErrorKind::Unauthorized, "ACCESS_ERROR"),
        "3" => (ErrorKind::Rejected, "ILLEGAL_ACTION"),
        "4" => (ErrorKind::Rejected, "ILLEGAL_SERVICE"),
        "5" => (ErrorKind::Rejected, "SYNTAX_ERROR"),
        "6" => (ErrorKind::ServerError, "INTERNAL_ERROR"),
        "24" => (
            ErrorKind::RateLimited { retry_after: None },
            "QUOTA_EXCEEDED",
        ),
        "25" => (ErrorKind::Rejected, "ERROR_NOT_UNIQUE"),
        other => {
            return Err(response.unexpected(&format!(
                "unknown Puzzel status code '{}'",
                response.service_text(other)
            )))
        }
    };
    let mut text = format!("{}: status {code} ({name})", gw.label());
    if let Some(said) = said.map(|s| response.service_text(&s)) {
        if !said.is_empty() {
            text.push_str(": ");
            text.push_str(&said);
        }
    }
    Err(Error::new(kind, text))
}

/// Status code and message of the first `messageStatus`, from JSON or XML.
fn read_status(response: &Response) -> Option<(String, Option<String>)> {
    if let Ok(json @ Json::Object(_)) = response.json() {
        let first = json.get("messageStatus").and_then(|s| match s {
            Json::Array(items) => items.first(),
            object @ Json::Object(_) => Some(object),
            _ => None,
        })?;
        let code = json_text(first, "/statusCode")?;
        return Some((code, json_text(first, "/statusMessage")));
    }
    let code = xml_text(&response.body, "statusCode")?;
    Some((code, xml_text(&response.body, "statusMessage")))
}
