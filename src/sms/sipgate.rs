//! sipgate.
//!
//! Request (sipgate REST API, <https://api.sipgate.com/v2/doc>, "send SMS" with
//! `POST /sessions/sms`, and sipgate.io's send-SMS guide
//! <https://github.com/sipgate-io/sipgateio-sendsms-node>):
//! `POST https://api.sipgate.com/v2/sessions/sms`, headers
//! `Authorization: Basic base64(token_id:access_token)` (a personal access token with the
//! `sessions:sms:write` scope), `Content-Type: application/json`, `Accept: application/json`,
//! body `{"smsId":<web_sms_extension>,"message":<message>,"recipient":"<+E.164>","sendAt":null}`.
//!
//! Success signal: HTTP 204 No Content. sipgate sends no body on success, so a 2xx answer that
//! does carry one is not sipgate's success answer and is reported as unexpected (an empty 2xx
//! answer is accepted). Failures are HTTP statuses, documented as: 400 bad request (empty
//! fields, bad timestamp), 401 wrong token, 402 insufficient balance, 403 no permission to use
//! the SMS extension (feature not booked, token scope), 404/405 wrong endpoint or method,
//! 415 wrong content type, 500 internal error or unhandled bad request (e.g. unknown `smsId`).
//! They map by status (401/403 unauthorized, 402 and other 4xx rejected, 429 rate limited,
//! 5xx server error), with sipgate's `message` when the body has one.

use serde_json::json;

use super::{body_text, json_text, Gateway, Number, Provider, API_URL};
use crate::error::Result;
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "sipgate",
        name: "SipGate",
        fields: &[
            Field::new(
                "token_id",
                "sipgate token id",
                FieldKind::Text,
                "The id of a personal access token (token-XXXXXX) with the sessions:sms:write scope.",
            ),
            Field::new(
                "access_token",
                "sipgate personal access token",
                FieldKind::Secret,
                "The token itself.",
            ),
            Field::new(
                "web_sms_extension",
                "Web SMS extension (s0, s1, ...)",
                FieldKind::Text,
                "The Web SMS extension messages are sent from (in the sipgate app: Connections, SMS).",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api.sipgate.com/v2/sessions/sms";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .basic_auth(gw.text("token_id"), Some(gw.text("access_token")))
        .header(reqwest::header::ACCEPT, "application/json")
        .json(&json!({
            "smsId": gw.text("web_sms_extension"),
            "message": message,
            "recipient": to.e164(),
            "sendAt": null,
        }));
    let response = gw.send(request, message)?;
    judge(&response)
}

fn judge(response: &Response) -> Result<()> {
    if !response.is_success() {
        let said = response.json().ok().and_then(|j| {
            json_text(&j, "/message")
                .or_else(|| json_text(&j, "/error"))
                .or_else(|| json_text(&j, "/title"))
        });
        return Err(response.status_error(said.as_deref()));
    }
    if response.status == 204 || body_text(response).is_empty() {
        Ok(())
    } else {
        Err(response.unexpected(&format!(
            "HTTP {} with a body instead of sipgate's 204 No Content",
            response.status
        )))
    }
}
