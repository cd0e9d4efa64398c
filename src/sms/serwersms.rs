//! SerwerSMS.pl.
//!
//! Request (HTTPS API v2, <https://dev.serwersms.pl/en/https-api-v2/general-communications>
//! and the `messages/send_sms` action): `POST https://api2.serwersms.pl/messages/send_sms`,
//! headers `Content-Type: application/json`, `Accept: application/json`, body
//! `{"username":<login>,"password":<password>,"phone":"<+E.164>","text":<message>,
//! "sender":<sender>}` (a sender name makes it an SMS FULL).
//!
//! Success signal: `{"success":true,"queued":1,"unsent":0,…}`. Only `success: true` is a
//! delivery, and not when SerwerSMS counts the message as unsent (`unsent` > 0 or `queued` 0;
//! the reason from `items[].error_message` when given). Failures come as
//! `{"error":{"code":1001,"type":"InvalidUser","message":"Incorrect login or password"}}`,
//! usually with HTTP 200. Documented codes: 1001 (login or password), 1002/1005/1007
//! (`InvalidRole`: no API permission, account not fully active), 1003 (`InvalidIP`) are
//! unauthorized, and so are 3001/3003/3005/3007/3008/3009 (no permission to send that message
//! type); 3000/3002/3004/3006 (the account's message limit is used up), 3100 (sending blocked),
//! 2000/2001 (missing parameters, invalid phone number), 1000/1006 and the other codes are
//! rejections. An answer with neither `success` nor `error` is unexpected; a non-2xx HTTP
//! status is judged by the status, with SerwerSMS's `error.message` as the detail.

use serde_json::{json, Value as Json};

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "serwersms",
        name: "SerwerSMS",
        fields: &[
            Field::new(
                "login",
                "SerwerSMS API login",
                FieldKind::Text,
                "The login of an API user of your SerwerSMS account (Client panel: Interface settings, HTTPS API).",
            ),
            Field::new(
                "password",
                "SerwerSMS API password",
                FieldKind::Secret,
                "The password of that API user.",
            ),
            Field::new(
                "sender",
                "Sender name",
                FieldKind::Text,
                "A sender name approved by SerwerSMS.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api2.serwersms.pl/messages/send_sms";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .header(reqwest::header::ACCEPT, "application/json")
        .json(&json!({
            "username": gw.text("login"),
            "password": gw.text("password"),
            "phone": to.e164(),
            "text": message,
            "sender": gw.text("sender"),
        }));
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    if !response.is_success() {
        let said = json.as_ref().and_then(|j| json_text(j, "/error/message"));
        return Err(response.status_error(said.as_deref()));
    }
    let Some(json @ Json::Object(_)) = &json else {
        return Err(response.unexpected("the answer is not a SerwerSMS JSON object"));
    };
    if json.get("success") == Some(&Json::Bool(true)) {
        return match unsent(json) {
            None => Ok(()),
            Some(reason) => Err(response.rejected(&reason)),
        };
    }
    let Some(Json::Object(_)) = json.get("error") else {
        return Err(response.unexpected("the answer has neither 'success' nor 'error'"));
    };
    let code = json_text(json, "/error/code").and_then(|c| c.parse::<u32>().ok());
    let kind_by_type = match json_text(json, "/error/type").as_deref() {
        Some("InvalidUser" | "InvalidRole" | "InvalidIP") => ErrorKind::Unauthorized,
        _ => ErrorKind::Rejected,
    };
    let kind = match code {
        Some(1001 | 1002 | 1003 | 1005 | 1007 | 1008) => ErrorKind::Unauthorized,
        Some(3001 | 3003 | 3005 | 3007 | 3008 | 3009) => ErrorKind::Unauthorized,
        Some(_) | None => kind_by_type,
    };
    let mut text = format!("{}: error", gw.label());
    if let Some(code) = code {
        text.push_str(&format!(" {code}"));
    }
    let said = json_text(json, "/error/message")
        .or_else(|| json_text(json, "/error/type"))
        .map(|s| response.service_text(&s))
        .filter(|s| !s.is_empty());
    if let Some(said) = said {
        text.push_str(": ");
        text.push_str(&said);
    }
    Err(Error::new(kind, text))
}

/// Why SerwerSMS did not queue the message, when its counts say so.
fn unsent(json: &Json) -> Option<String> {
    let count = |key| json.get(key).and_then(Json::as_u64);
    let not_queued = count("unsent").is_some_and(|n| n > 0) || count("queued") == Some(0);
    if !not_queued {
        return None;
    }
    let reason = json
        .get("items")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .find_map(|item| json_text(item, "/error_message"));
    Some(reason.unwrap_or_else(|| "the message was not queued (unsent)".to_owned()))
}
