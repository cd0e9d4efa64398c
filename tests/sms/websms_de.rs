//! WebSMS.de: the exact request and websms's status codes.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::json;
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

/// base64("nc-user:sekret-websms-pw")
const BASIC: &str = "Basic bmMtdXNlcjpzZWtyZXQtd2Vic21zLXB3";

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/rest/smsmessaging/text")
        .match_header("authorization", BASIC)
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Json(json!({
            "messageContent": MESSAGE,
            "test": false,
            "recipientAddressList": [DIGITS],
        })))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_2000_and_2001() {
    let mut server = mockito::Server::new();
    for code in [2000, 2001] {
        let m = expect_send(
            &mut server,
            200,
            &format!(
                r#"{{"statusCode":{code},"statusMessage":"OK","transferId":"005440da8e00a4d7a5e1","smsCount":1}}"#
            ),
        );
        sms("websms_de", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap();
        m.assert();
        m.remove();
    }
}

#[test]
fn status_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("websms_de", &server.url());
    let cases = [
        (4001, ErrorKind::Unauthorized, "invalid credentials"),
        (4014, ErrorKind::Unauthorized, "IP address"),
        (
            4013,
            ErrorKind::RateLimited { retry_after: None },
            "message limit",
        ),
        (
            4023,
            ErrorKind::RateLimited { retry_after: None },
            "request limit",
        ),
        (4002, ErrorKind::Rejected, "invalid recipient"),
        (4031, ErrorKind::Rejected, "blacklisted"),
        (2002, ErrorKind::Rejected, "test mode"),
        (5003, ErrorKind::ServerError, "unavailable"),
    ];
    for (code, kind, words) in cases {
        // websms echoes what it got; none of it may show.
        let m = expect_send(
            &mut server,
            200,
            &json!({
                "statusCode": code,
                "statusMessage": format!("refused for nc-user/sekret-websms-pw: '{MESSAGE}'"),
            })
            .to_string(),
        );
        let e = sms("websms_de", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{code}");
        assert!(
            e.message()
                .starts_with(&format!("WebSMS.de: status code {code} (")),
            "{}",
            e.message()
        );
        assert!(e.message().contains(words), "{}", e.message());
        assert!(
            e.message().contains("refused for nc-user/***"),
            "{}",
            e.message()
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_http_error_status_carries_the_status_message() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        401,
        r#"{"statusCode":4001,"statusMessage":"Invalid credentials"}"#,
    );
    let e = sms("websms_de", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(e.message(), "WebSMS.de: HTTP 401: Invalid credentials");
    m.assert();
}

#[test]
fn answers_without_a_known_status_code_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in [r#"{"statusMessage":"OK"}"#, r#"{"statusCode":1234}"#, "OK"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("websms_de", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
