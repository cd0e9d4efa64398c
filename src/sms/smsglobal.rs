//! SMSGlobal, through its HTTP API.
//!
//! Request (SMSGlobal HTTP-API, <https://www.smsglobal.com/http-api/>):
//! `GET https://api.smsglobal.com/http-api.php?action=sendsms&user=<user>&password=<password>`
//! `&origin=nextcloud&from=nextcloud&to=<digits, no '+'>&text=<message>&clientcharset=UTF-8`
//! `&detectcharset=1`; the URL is the `url` field.
//!
//! Success signal: SMSGlobal answers HTTP 200 for refused messages too; the body is text.
//! A queued message is `OK: 0; Sent queued message ID: <id> SMSGlobalMsgID:<id>` (the number
//! after `OK:` is the status, 0 meaning accepted), a scheduled one
//! `SMSGLOBAL DELAY MSGID:<id>`. A refused request is `ERROR: <reason>`, e.g.
//! `ERROR: Missing parameter: from`. SMSGlobal documents the shapes but no closed list of
//! reasons, so a reason is classed by its words: credentials (password, login,
//! authentication) are unauthorized, throttling is rate limited, anything else (credit,
//! numbers, parameters) a rejection. A non-zero `OK:` status or a numeric reason is an SMPP
//! 3.4 command status (SMSGlobal is an SMPP carrier): 13/14/15 (bind failed, invalid
//! password, invalid system id) are unauthorized, 88 (throttled) rate limited, 8/20/69
//! (system error, queue full, submit failed) server errors, the rest rejections.

use super::{body_text, Gateway, Number, Provider};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "smsglobal",
        name: "SMSGlobal",
        fields: &[
            Field::new(
                "url",
                "SMSGlobal HTTP API URL",
                FieldKind::Url,
                "Leave the default unless SMSGlobal gave you another endpoint.",
            )
            .default("https://api.smsglobal.com/http-api.php"),
            Field::new(
                "user",
                "SMSGlobal API user name",
                FieldKind::Text,
                "From SMSGlobal's MXT: Tools, API keys (HTTP API).",
            ),
            Field::new(
                "password",
                "SMSGlobal API password",
                FieldKind::Secret,
                "The password of that API user.",
            ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let url = gw.required_url("url")?;
    let request = gw.request(reqwest::Method::GET, url)?.query(&[
        ("action", "sendsms"),
        ("user", gw.text("user")),
        ("password", gw.text("password")),
        ("origin", "nextcloud"),
        ("from", "nextcloud"),
        ("to", to.digits()),
        ("text", message),
        ("clientcharset", "UTF-8"),
        ("detectcharset", "1"),
    ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let text = body_text(response);
    if !response.is_success() {
        let said = text.lines().next().filter(|l| !l.trim().is_empty());
        return Err(response.status_error(said));
    }
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(line) = first else {
        return Err(response.unexpected("the answer is empty"));
    };
    if line.starts_with("SMSGLOBAL DELAY MSGID:") {
        return Ok(());
    }
    if let Some(rest) = line.strip_prefix("OK:") {
        let status = rest.split(';').next().unwrap_or("").trim();
        return match status.parse::<u32>() {
            Ok(0) => Ok(()),
            Ok(code) => Err(refusal(gw, response, &code.to_string(), kind_of_code(code))),
            Err(_) => Err(response.unexpected("the OK answer carries no status number")),
        };
    }
    if let Some(reason) = line.strip_prefix("ERROR:").map(str::trim) {
        let kind = match reason.parse::<u32>() {
            Ok(code) => kind_of_code(code),
            Err(_) => kind_of_words(reason),
        };
        return Err(refusal(gw, response, reason, kind));
    }
    Err(response.unexpected("the answer is neither OK nor ERROR"))
}

fn refusal(gw: &Gateway, response: &Response, reason: &str, kind: ErrorKind) -> Error {
    let mut text = format!("{}: {}", gw.label(), response.service_text(reason));
    if let Some(known) = reason.parse::<u32>().ok().and_then(describe) {
        text.push_str(&format!(" ({known})"));
    }
    Error::new(kind, text)
}

/// An SMPP 3.4 command status.
fn kind_of_code(code: u32) -> ErrorKind {
    match code {
        13..=15 => ErrorKind::Unauthorized,
        88 => ErrorKind::RateLimited { retry_after: None },
        8 | 20 | 69 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    }
}

fn describe(code: u32) -> Option<&'static str> {
    Some(match code {
        1 => "message length is invalid",
        8 => "system error",
        10 => "invalid source address",
        11 => "invalid destination address",
        13 => "bind failed",
        14 => "invalid password",
        15 => "invalid system id",
        20 => "message queue full",
        69 => "submit failed",
        88 => "throttled",
        _ => return None,
    })
}

/// A reason in words.
fn kind_of_words(reason: &str) -> ErrorKind {
    let r = reason.to_ascii_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| r.contains(w));
    if any(&[
        "password",
        "login",
        "authenticat",
        "credential",
        "unauthori",
    ]) {
        ErrorKind::Unauthorized
    } else if any(&["throttl", "too many", "rate limit"]) {
        ErrorKind::RateLimited { retry_after: None }
    } else {
        ErrorKind::Rejected
    }
}
