//! WebSMS.de (websms by LINK Mobility).
//!
//! Request (websms REST API, <https://developer.websms.com/web-api/>):
//! `POST https://api.websms.com/rest/smsmessaging/text`, headers
//! `Authorization: Basic base64(user:password)`, `Content-Type: application/json`,
//! `Accept: application/json`, body
//! `{"messageContent":<message>,"test":false,"recipientAddressList":["<digits>"]}`.
//! The recipient is the MSISDN without `+`, the format websms documents for
//! `recipientAddressList`.
//!
//! Success signal: websms answers HTTP 200 for refused requests too and reports the outcome as
//! `{"statusCode":2000,"statusMessage":"OK","transferId":"…","smsCount":1}`. Only `2000`
//! (sent) and `2001` (queued) are a delivery. The other documented status codes: 2002 means
//! test mode (nothing sent, a rejection); 4001 (credentials), 4014 (IP not authorised),
//! 4020/4021 (API key, auth token, account), 4022 (access denied) and 4035 (SMS not enabled for
//! the account) are unauthorized; 4012/4013 (message rate or limit), 4023/4024 (request rate)
//! and 4025 (transfer rate) are rate limits; 5000/5003 are faults at websms (server error); the
//! remaining 4xxx codes (recipient, sender, text, parameters, blacklisted recipient, …) are
//! rejections. An answer without a status code is unexpected. A non-2xx HTTP status is judged
//! by the status, with websms's `statusMessage` as the detail.

use serde_json::json;

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "websms_de",
        name: "WebSMS.de",
        fields: &[
            Field::new(
                "user",
                "WebSMS user name",
                FieldKind::Text,
                "The user name of your websms account (API access must be enabled for it).",
            ),
            Field::new(
                "password",
                "WebSMS password",
                FieldKind::Secret,
                "The password of that websms user.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api.websms.com/rest/smsmessaging/text";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .basic_auth(gw.text("user"), Some(gw.text("password")))
        .header(reqwest::header::ACCEPT, "application/json")
        .json(&json!({
            "messageContent": message,
            "test": false,
            "recipientAddressList": [to.digits()],
        }));
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let json = response.json().ok();
    let said = json.as_ref().and_then(|j| json_text(j, "/statusMessage"));
    if !response.is_success() {
        return Err(response.status_error(said.as_deref()));
    }
    let Some(code) = json
        .as_ref()
        .and_then(|j| json_text(j, "/statusCode"))
        .and_then(|c| c.parse::<u32>().ok())
    else {
        return Err(response.unexpected("the answer carries no websms status code"));
    };
    if matches!(code, 2000 | 2001) {
        return Ok(());
    }
    let kind = match code {
        4001 | 4014 | 4020 | 4021 | 4022 | 4035 => ErrorKind::Unauthorized,
        4012 | 4013 | 4023 | 4024 | 4025 => ErrorKind::RateLimited { retry_after: None },
        5000..=5999 => ErrorKind::ServerError,
        2002 | 4000..=4999 => ErrorKind::Rejected,
        _ => return Err(response.unexpected(&format!("unknown websms status code {code}"))),
    };
    let mut text = format!("{}: status code {code}", gw.label());
    if let Some(known) = describe(code) {
        text.push_str(&format!(" ({known})"));
    }
    if let Some(said) = said
        .map(|s| response.service_text(&s))
        .filter(|s| !s.is_empty())
    {
        text.push_str(": ");
        text.push_str(&said);
    }
    Err(Error::new(kind, text))
}

/// websms's documented status codes.
fn describe(code: u32) -> Option<&'static str> {
    Some(match code {
        2002 => "test mode: nothing was sent",
        4000 => "malformed request",
        4001 => "invalid credentials or inactive account",
        4002 => "invalid recipient",
        4003 => "invalid sender",
        4004 => "invalid message type",
        4008 => "invalid message id",
        4009 => "invalid message text",
        4012 => "message rate exceeded",
        4013 => "message limit reached",
        4014 => "the server's IP address is not authorised",
        4015 => "invalid message priority",
        4016 => "invalid notification callback URL",
        4019 => "a required parameter is missing",
        4020 => "invalid API key",
        4021 => "invalid account",
        4022 => "access to the API denied",
        4023 => "request limit for this IP address exceeded",
        4024 => "too many requests",
        4025 => "transfer rate exceeded",
        4026 => "the message needs too many SMS parts",
        4027 => "invalid message segment",
        4029 => "recipient not allowed",
        4031 => "recipient blacklisted",
        4035 => "the account may not send SMS",
        4040 => "invalid content category",
        4041 => "invalid validity period",
        4042 => "recipient blocked by quality rating",
        4043 => "recipient blocked by the spam check",
        5000 => "internal error at websms",
        5003 => "websms is unavailable",
        _ => return None,
    })
}
