//! VoIP.ms, through its REST/JSON API.
//!
//! Request (<https://voip.ms/m/apidocs.php>, method `sendSMS`):
//! `GET https://voip.ms/api/v1/rest.php?api_username=<e-mail>&api_password=<API password>`
//! `&method=sendSMS&did=<DID>&dst=<number>&message=<message>`. VoIP.ms sends SMS within North
//! America and wants `dst` as digits: a `+1` number goes as its ten national digits, any
//! other number as its international digits.
//!
//! Success signal: every API answer is JSON with a `status` field: `"success"` (with the
//! `sms` id) for a sent message, else an error word, e.g. `{"status":"invalid_credentials"}`
//! (HTTP 200 either way). Error words for credentials and API access (`invalid_credentials`,
//! `missing_credentials`, `api_not_enabled`, `ip_not_enabled`, `invalid_ip`) are
//! unauthorized; `limit_reached` and `too_many_requests` are rate limited; `sms_failed`
//! (VoIP.ms could not send it) and `internal_error` are server errors; the others
//! (`invalid_dst`, `invalid_did`, `sms_toolong`, `missing_message`, …) are rejections. A
//! body without `status` is an answer of unknown shape.

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "voipms",
        name: "VoIP.ms",
        fields: &[
            Field::new(
                "api_user",
                "VoIP.ms API user name (your e-mail)",
                FieldKind::Text,
                "The e-mail address of your VoIP.ms account.",
            ),
            Field::new(
                "api_password",
                "VoIP.ms API password",
                FieldKind::Secret,
                "The API password set in VoIP.ms's API settings (with the API enabled and this server's IP allowed).",
            ),
            Field::new(
                "did",
                "VoIP.ms DID (sending number)",
                FieldKind::Text,
                "An SMS-enabled DID of your account, digits only.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://voip.ms/api/v1/rest.php";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let digits = to.digits();
    let dst = match digits.strip_prefix('1') {
        Some(national) if national.len() == 10 => national,
        _ => digits,
    };
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("api_username", gw.text("api_user")),
            ("api_password", gw.text("api_password")),
            ("method", "sendSMS"),
            ("did", gw.text("did")),
            ("dst", dst),
            ("message", message),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let status = response
        .json()
        .ok()
        .and_then(|j| json_text(&j, "/status"))
        .filter(|s| !s.is_empty());
    if !response.is_success() {
        return Err(response.status_error(status.as_deref()));
    }
    let Some(status) = status else {
        return Err(response.unexpected("the answer carries no VoIP.ms status"));
    };
    let kind = match status.as_str() {
        "success" => return Ok(()),
        "invalid_credentials"
        | "missing_credentials"
        | "api_not_enabled"
        | "ip_not_enabled"
        | "invalid_ip" => ErrorKind::Unauthorized,
        "limit_reached" | "too_many_requests" => ErrorKind::RateLimited { retry_after: None },
        "sms_failed" | "internal_error" => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    let mut text = format!("{}: {}", gw.label(), response.service_text(&status));
    if let Some(known) = describe(&status) {
        text.push_str(&format!(" ({known})"));
    }
    Err(Error::new(kind, text))
}

fn describe(status: &str) -> Option<&'static str> {
    Some(match status {
        "invalid_credentials" => "the API user name or password is wrong",
        "missing_credentials" => "the API user name or password is missing",
        "api_not_enabled" => "the API is not enabled for this account",
        "ip_not_enabled" => "this server's IP address is not allowed to use the API",
        "limit_reached" => "the SMS sending limit was reached",
        "sms_failed" => "VoIP.ms could not send the message",
        "invalid_did" => "the DID is not valid or not SMS-enabled",
        "invalid_dst" => "the destination number is not valid",
        "sms_toolong" => "the message is too long",
        _ => return None,
    })
}
