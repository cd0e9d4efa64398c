//! Cegedim.Cloud Vortext: the exact request, a non-empty `messageId` as success, HTTP errors.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::json;
use twofactor_gateway::config::Value;
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

/// base64("nc-user:sekret-vortext-pw")
const BASIC: &str = "Basic bmMtdXNlcjpzZWtyZXQtdm9ydGV4dC1wdw==";

fn expect_send(server: &mut ServerGuard, path: &str, status: usize, body: &str) -> Mock {
    server
        .mock("POST", path)
        .match_header("authorization", BASIC)
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Json(json!({
            "message": MESSAGE,
            "phoneNumber": NUMBER,
        })))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_a_message_id() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        "/sms",
        200,
        r#"{"messageId":"5f1c2a7e-3b7d-4c1e-9a55-0d1e2f3a4b5c","status":"SENT"}"#,
    );
    sms("cegedim_vortext", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn both_endpoint_choices_post_to_sms_under_api_url() {
    let mut server = mockito::Server::new();
    for endpoint in ["eb-pub", "eb-int"] {
        let m = expect_send(&mut server, "/vortext/sms", 201, r#"{"messageId":42}"#);
        let mut c = working_config("cegedim_vortext", &format!("{}/vortext", server.url()));
        c.insert("endpoint".into(), Value::Str(endpoint.into()));
        Sms::new(&c).unwrap().send(NUMBER, MESSAGE).unwrap();
        m.assert();
        m.remove();
    }
    // An endpoint key outside the list is refused when configuring.
    let mut c = working_config("cegedim_vortext", &server.url());
    c.insert("endpoint".into(), Value::Str("eb-test".into()));
    let e = Sms::new(&c).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Configuration);
    assert!(e.message().contains("eb-pub, eb-int"), "{}", e.message());
}

#[test]
fn vortexts_error_statuses_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("cegedim_vortext", &server.url());
    let cases = [
        (401, ErrorKind::Unauthorized, "Bad credentials"),
        (
            400,
            ErrorKind::Rejected,
            "phoneNumber is not a valid phone number",
        ),
        (500, ErrorKind::ServerError, "Internal Server Error"),
    ];
    for (status, kind, words) in cases {
        let m = expect_send(
            &mut server,
            "/sms",
            status,
            &json!({
                "status": status,
                "error": "error",
                "message": format!("{words} (nc-user:sekret-vortext-pw, '{MESSAGE}')"),
                "path": "/sms",
            })
            .to_string(),
        );
        let e = sms("cegedim_vortext", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{status}");
        assert_eq!(
            e.message(),
            format!("Cegedim.Cloud Vortext: HTTP {status}: {words} (nc-user:***, '***')")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_2xx_answer_without_a_message_id_is_unexpected() {
    let mut server = mockito::Server::new();
    for body in [r#"{"messageId":""}"#, r#"{"status":"SENT"}"#, "", "OK"] {
        let m = expect_send(&mut server, "/sms", 200, body);
        let e = sms("cegedim_vortext", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
