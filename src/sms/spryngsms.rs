//! Spryng.
//!
//! Request (Spryng REST API, <https://docs.spryngsms.com/>):
//! `POST https://rest.spryngsms.com/v1/messages?with[]=recipients`, headers
//! `Authorization: Bearer <apitoken>`, `Accept: application/json`,
//! `Content-Type: application/json`, body
//! `{"body":<message>,"encoding":"plain","originator":"Nextcloud","recipients":["<digits>"],
//! "route":"1"}`. Recipients are MSISDNs without `+`, as Spryng documents them.
//!
//! Success signal: the created message object, `{"id":"9dbc5ffb-…","encoding":"plain",
//! "originator":"Nextcloud","body":…,"credits":1,"created_at":…,"recipients":[…]}`, with HTTP
//! 200. Only an object with a non-empty `id` is a created message; any other 2xx answer is
//! unexpected. Failures are HTTP statuses (documented: 401 invalid token, 404/405 wrong path
//! or method, 422 missing or invalid parameters such as the recipient or originator, 429 the
//! per-key rate limit, 5xx faults at Spryng) with a JSON body `{"message":…}`, validation
//! failures adding `"errors":{"<field>":["…"]}`; they map by status, with Spryng's words as
//! the detail.

use serde_json::{json, Value as Json};

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::Result;
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "spryngsms",
        name: "Spryng",
        fields: &[
            Field::new(
                "apitoken",
                "Spryng API token",
                FieldKind::Secret,
                "A REST API key from the Spryng portal (your profile, Security), sent as Bearer token.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://rest.spryngsms.com/v1/messages?with%5B%5D=recipients";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::POST, gw.endpoint(ENDPOINT))?
        .bearer_auth(gw.text("apitoken"))
        .header(reqwest::header::ACCEPT, "application/json")
        .json(&json!({
            "body": message,
            "encoding": "plain",
            "originator": "Nextcloud",
            "recipients": [to.digits()],
            "route": "1",
        }));
    let response = gw.send(request, message)?;
    judge(&response)
}

fn judge(response: &Response) -> Result<()> {
    let json = response.json().ok();
    if !response.is_success() {
        let said = json.as_ref().and_then(service_words);
        return Err(response.status_error(said.as_deref()));
    }
    let id = json.as_ref().and_then(|j| json_text(j, "/id"));
    if id.is_some_and(|id| !id.trim().is_empty()) {
        Ok(())
    } else {
        Err(response.unexpected("the answer is not a created Spryng message (no id)"))
    }
}

/// Spryng's `message`, followed by the first validation error it lists.
fn service_words(json: &Json) -> Option<String> {
    let message = json_text(json, "/message");
    let first_error = json
        .get("errors")
        .and_then(Json::as_object)
        .and_then(|errors| errors.values().next())
        .and_then(|v| match v {
            Json::Array(list) => list.first().and_then(Json::as_str).map(str::to_owned),
            Json::String(s) => Some(s.clone()),
            _ => None,
        });
    match (message, first_error) {
        (Some(m), Some(e)) => Some(format!("{m} {e}")),
        (m, e) => m.or(e),
    }
}
