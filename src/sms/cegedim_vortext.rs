//! Cegedim.Cloud Vortext.
//!
//! Request (Vortext API, <https://academy.cegedim.cloud/messaging/sms/sms-get-started>, the
//! Swagger reference at <https://messages.cloud.cegedim.com/swagger-ui/index.html>):
//! `POST {base}/sms`, where `{base}` is chosen by the `endpoint` field: `eb-pub` =
//! `https://messages.cloud.cegedim.com` (applications on the internet), `eb-int` =
//! `https://vortext.cloud.cegedim.com` (services hosted at cegedim.cloud); `api_url` replaces
//! it. Headers `Authorization: Basic base64(user:password)`, `Content-Type: application/json`,
//! `Accept: application/json`; body `{"message":<message>,"phoneNumber":"<+E.164>"}`.
//!
//! Success signal: the created SMS as JSON with its identifier, `{"messageId":"…",…}`. Only a
//! 2xx answer with a non-empty `messageId` is a delivery; any other 2xx answer is unexpected.
//! Vortext reports failures with HTTP statuses only (basic authentication on every request:
//! 401/403 are unauthorized, 400 and other 4xx rejected, 404/405 a wrong base URL, 429 rate
//! limited, 5xx server error); the body's `message` (or `error`) is the detail when given.

use serde_json::json;

use super::{json_text, Gateway, Number, Provider, API_URL};
use crate::error::Result;
use crate::http::Response;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static ENDPOINTS: &[Choice] = &[
    Choice {
        value: "eb-pub",
        label: "Public (messages.cloud.cegedim.com)",
    },
    Choice {
        value: "eb-int",
        label: "Internal (vortext.cloud.cegedim.com)",
    },
];

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "cegedim_vortext",
        name: "Cegedim.Cloud Vortext",
        fields: &[
            Field::new(
                "user",
                "Vortext user name",
                FieldKind::Text,
                "Your Vortext API user.",
            ),
            Field::new(
                "password",
                "Vortext password",
                FieldKind::Secret,
                "The password of that user.",
            ),
            Field::new(
                "endpoint",
                "Vortext endpoint",
                FieldKind::Choice(ENDPOINTS),
                "eb-pub for applications reaching Vortext over the internet, eb-int for services hosted at cegedim.cloud.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

/// The base URL of an `endpoint` choice.
fn base(endpoint: &str) -> Option<&'static str> {
    match endpoint {
        "eb-pub" => Some("https://messages.cloud.cegedim.com"),
        "eb-int" => Some("https://vortext.cloud.cegedim.com"),
        _ => None,
    }
}

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let endpoint = gw.text("endpoint");
    let Some(base) = base(endpoint) else {
        // The schema only lets the listed choices through; this is a safeguard.
        return Err(gw.configuration("'endpoint' must be eb-pub or eb-int"));
    };
    let url = gw.endpoint(&format!("{base}/sms"));
    let request = gw
        .request(reqwest::Method::POST, url)?
        .basic_auth(gw.text("user"), Some(gw.text("password")))
        .header(reqwest::header::ACCEPT, "application/json")
        .json(&json!({
            "message": message,
            "phoneNumber": to.e164(),
        }));
    let response = gw.send(request, message)?;
    judge(&response)
}

fn judge(response: &Response) -> Result<()> {
    let json = response.json().ok();
    if !response.is_success() {
        let said = json
            .as_ref()
            .and_then(|j| json_text(j, "/message").or_else(|| json_text(j, "/error")));
        return Err(response.status_error(said.as_deref()));
    }
    let id = json.as_ref().and_then(|j| json_text(j, "/messageId"));
    if id.is_some_and(|id| !id.trim().is_empty()) {
        Ok(())
    } else {
        Err(response.unexpected("the answer carries no Vortext messageId"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_choice_has_its_base_url() {
        assert_eq!(base("eb-pub"), Some("https://messages.cloud.cegedim.com"));
        assert_eq!(base("eb-int"), Some("https://vortext.cloud.cegedim.com"));
        assert_eq!(base("eb-other"), None);
        for choice in ENDPOINTS {
            assert!(base(choice.value).is_some(), "{}", choice.value);
        }
    }
}
