//! PlaySMS, a self-hosted SMS gateway.
//!
//! Request (PlaySMS webservices, <https://gist.github.com/tomysmile/89b9e4c1cae976d685d8> and
//! the code of `web/plugin/core/webservices/fn.php` in <https://github.com/playsms/playsms>):
//! `GET <url>?app=ws&u=<user>&h=<webservices token>&op=pv&to=<+E.164>&msg=<message>`, where
//! `<url>` is the installation's `index.php`.
//!
//! Success signal: PlaySMS answers HTTP 200 whatever happened and reports in a JSON body (the
//! default output format). A sent message is
//! `{"data":[{"status":"OK","error":"0","smslog_id":…,"queue":"…","to":"…"}],"error_string":null}`;
//! a message PlaySMS would not queue has `"status":"ERR"` and an error code in its `data`
//! entry; a request refused as a whole is `{"status":"ERR","error":"100","error_string":"…"}`.
//! Installations older than the JSON output answer a text line, `OK <ids>` or `ERR <code>`;
//! both are read. The documented codes: 100 (authentication failed), 104/105 (webservice
//! token unavailable or not enabled for the user) and 106 (token not allowed from this IP)
//! are unauthorized; 103 (not enough credit), 101/102/201 (request incomplete) and 200 (send
//! failed) are rejections; 5xx codes are PlaySMS-side failures (server error). Any other
//! code is classed by its documented range (1xx/2xx/4xx rejected, 5xx server error).

use serde_json::Value as Json;

use super::{body_text, json_text, Gateway, Number, Provider};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "playsms",
        name: "PlaySMS",
        fields: &[
            Field::new(
                "url",
                "PlaySMS web service URL",
                FieldKind::Url,
                "The full URL of PlaySMS's index.php, e.g. https://sms.example.org/index.php.",
            ),
            Field::new(
                "user",
                "PlaySMS user name",
                FieldKind::Text,
                "The account messages are sent from.",
            ),
            Field::new(
                "password",
                "PlaySMS webservice token",
                FieldKind::Secret,
                "The user's webservices token (PlaySMS: My account, User configuration).",
            ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let url = gw.required_url("url")?;
    let request = gw.request(reqwest::Method::GET, url)?.query(&[
        ("app", "ws"),
        ("u", gw.text("user")),
        ("h", gw.text("password")),
        ("op", "pv"),
        ("to", to.e164()),
        ("msg", message),
    ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    if !response.is_success() {
        let said = json.as_ref().and_then(|j| json_text(j, "/error_string"));
        return Err(response.status_error(said.as_deref()));
    }
    let (status, code, said) = match &json {
        Some(j @ Json::Object(_)) => read_json(j),
        _ => read_text(&body_text(response)),
    };
    match status.as_str() {
        "OK" => Ok(()),
        "ERR" => Err(failure(gw, response, &code, said.as_deref())),
        _ => Err(response.unexpected("the answer carries no PlaySMS status (OK or ERR)")),
    }
}

/// Status, error code and error text of a JSON answer: the first `data` entry when there is
/// one (one recipient), else the top level.
fn read_json(json: &Json) -> (String, String, Option<String>) {
    let said = json_text(json, "/error_string").filter(|s| !s.is_empty());
    let entry = json
        .get("data")
        .and_then(Json::as_array)
        .and_then(|d| d.first());
    let source = entry.unwrap_or(json);
    (
        json_text(source, "/status").unwrap_or_default(),
        json_text(source, "/error").unwrap_or_default(),
        said,
    )
}

/// The text answer of older installations: `OK …` or `ERR <code>`.
fn read_text(text: &str) -> (String, String, Option<String>) {
    let line = text.lines().next().unwrap_or("").trim();
    let mut words = line.split_whitespace();
    match words.next() {
        Some("OK") => ("OK".into(), "0".into(), None),
        Some("ERR") => (
            "ERR".into(),
            words.next().unwrap_or("").trim_end_matches(',').to_owned(),
            None,
        ),
        _ => (String::new(), String::new(), None),
    }
}

fn failure(gw: &Gateway, response: &Response, code: &str, said: Option<&str>) -> Error {
    let kind = match code {
        "100" | "104" | "105" | "106" => ErrorKind::Unauthorized,
        c if c.len() == 3 && c.starts_with('5') => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    let mut text = format!("{}: ERR {}", gw.label(), response.service_text(code));
    if let Some(known) = describe(code) {
        text.push_str(&format!(" ({known})"));
    }
    if let Some(said) = said.map(|s| response.service_text(s)) {
        if !said.is_empty() && describe(code) != Some(said.as_str()) {
            text.push_str(": ");
            text.push_str(&said);
        }
    }
    Error::new(kind, text)
}

/// PlaySMS's documented webservice error codes.
fn describe(code: &str) -> Option<&'static str> {
    Some(match code {
        "100" => "authentication failed",
        "101" => "type of action is invalid or unknown",
        "102" => "one or more field empty",
        "103" => "not enough credit for this operation",
        "104" => "webservice token is not available",
        "105" => "webservice token not enable for this user",
        "106" => "webservice token not allowed from this IP address",
        "200" => "send message failed",
        "201" => "destination number or message is empty",
        "501" => "no data returned or result is empty",
        _ => return None,
    })
}
