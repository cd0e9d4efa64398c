//! SerwerSMS: the exact request, `success: true` as success, SerwerSMS's error objects.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::json;
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/messages/send_sms")
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Json(json!({
            "username": "nc-user",
            "password": "sekret-serwersms-pw",
            "phone": NUMBER,
            "text": MESSAGE,
            "sender": "Nextcloud",
        })))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_success_true() {
    let mut server = mockito::Server::new();
    for body in [
        json!({"success": true, "queued": 1, "unsent": 0}),
        json!({"success": true, "queued": 1, "unsent": 0, "items": [
            {"id": "aca3944055", "phone": NUMBER, "status": "queued", "queued": "2024-05-02 10:00:00", "parts": 1, "text": MESSAGE}
        ]}),
    ] {
        let m = expect_send(&mut server, 200, &body.to_string());
        sms("serwersms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap();
        m.assert();
        m.remove();
    }
}

#[test]
fn serwersms_error_objects_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("serwersms", &server.url());
    let cases = [
        (
            1001,
            "InvalidUser",
            ErrorKind::Unauthorized,
            "Incorrect login or password",
        ),
        (
            1003,
            "InvalidIP",
            ErrorKind::Unauthorized,
            "Unauthorized IP address",
        ),
        (
            3003,
            "SendError",
            ErrorKind::Unauthorized,
            "No permission to send messages SMS FULL",
        ),
        (
            2001,
            "ValidationPhoneError",
            ErrorKind::Rejected,
            "Invalid phone number",
        ),
        (
            3002,
            "SendError",
            ErrorKind::Rejected,
            "Exhausted the limit of available SMS FULL",
        ),
        (
            3100,
            "SendError",
            ErrorKind::Rejected,
            "Sending SMS is blocked",
        ),
    ];
    for (code, kind_name, kind, words) in cases {
        let m = expect_send(
            &mut server,
            200,
            &json!({"error": {"code": code, "type": kind_name, "message": words}}).to_string(),
        );
        let e = sms("serwersms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{code}");
        assert_eq!(e.message(), format!("SerwerSMS: error {code}: {words}"));
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_echoing_error_is_scrubbed() {
    let mut server = mockito::Server::new();
    let config = working_config("serwersms", &server.url());
    let m = expect_send(
        &mut server,
        200,
        &json!({"error": {"code": 1006, "type": "InvalidData",
            "message": format!("bad data: password=sekret-serwersms-pw text={MESSAGE}")}})
        .to_string(),
    );
    let e = sms("serwersms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "SerwerSMS: error 1006: bad data: password=*** text=***"
    );
    assert_clean(&e, &secrets(&config));
    m.assert();
}

#[test]
fn a_message_counted_unsent_is_rejected() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        &json!({"success": true, "queued": 0, "unsent": 1, "items": [
            {"id": "aca3944056", "phone": NUMBER, "status": "unsent", "error_code": 2205, "error_message": "Wrong sender name"}
        ]})
        .to_string(),
    );
    let e = sms("serwersms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(e.message(), "SerwerSMS: Wrong sender name");
    m.assert();
}

#[test]
fn answers_of_another_shape_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in [r#"{"success":false}"#, r#"{"error":"x"}"#, "[]", "OK"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("serwersms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
