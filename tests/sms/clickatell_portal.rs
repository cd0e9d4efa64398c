//! Clickatell Portal: the exact HTTP API request and Clickatell's JSON answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::config::Value;
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

const ACCEPTED: &str = r#"{"messages":[{"apiMessageId":"1d1a4e2b4c6f4b0e9a8f7c6b5a4d3e2f","accepted":true,"to":"4917612345678","errorCode":null,"error":null,"errorDescription":null}],"errorCode":null,"error":null,"errorDescription":null}"#;

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/messages/http/send")
        .match_header("user-agent", user_agent())
        // The whole query: no `from` when no sender is configured.
        .match_query(Matcher::Regex(format!(
            "^apiKey=sekret-clickatell-key&to={DIGITS}&content=123456\\+is\\+your\\+Nextcloud\\+authentication\\+code$"
        )))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

fn send(server: &ServerGuard) -> twofactor_gateway::Error {
    sms("clickatell_portal", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err()
}

#[test]
fn sends_the_documented_request_and_accepts_an_accepted_message() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 202, ACCEPTED);
    sms("clickatell_portal", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn a_configured_sender_is_sent_as_from() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("GET", "/messages/http/send")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("apiKey".into(), "sekret-clickatell-key".into()),
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("content".into(), MESSAGE.into()),
            Matcher::UrlEncoded("from".into(), "15551234567".into()),
        ]))
        .with_status(202)
        .with_body(ACCEPTED)
        .expect(1)
        .create();
    let mut config = working_config("clickatell_portal", &server.url());
    config.insert("from".into(), Value::Str("15551234567".into()));
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn request_errors_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("clickatell_portal", &server.url());
    let cases = [
        (
            401,
            1,
            "Invalid or missing Integration API Key",
            ErrorKind::Unauthorized,
        ),
        (400, 2, "Account is not active", ErrorKind::Unauthorized),
        (
            401,
            7,
            "Originating IP address is not approved in your account",
            ErrorKind::Unauthorized,
        ),
        (
            400,
            43,
            "Rate limit",
            ErrorKind::RateLimited { retry_after: None },
        ),
        (402, 20, "Insufficient account balance", ErrorKind::Rejected),
        (
            503,
            19,
            "Internal error, please retry",
            ErrorKind::ServerError,
        ),
        (
            400,
            23,
            "Invalid or missing parameter: content",
            ErrorKind::Rejected,
        ),
    ];
    for (status, code, words, kind) in cases {
        let m = expect_send(
            &mut server,
            status,
            &format!(
                r#"{{"messages":[],"errorCode":{code},"error":"{words}","errorDescription":"{words}"}}"#
            ),
        );
        let e = send(&server);
        assert_eq!(e.kind(), kind, "{code}");
        assert_eq!(
            e.message(),
            format!("Clickatell Portal: error {code} ({words}), HTTP {status}")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_message_not_accepted_is_a_failure_despite_http_202() {
    let mut server = mockito::Server::new();
    let config = working_config("clickatell_portal", &server.url());
    let cases = [
        (25, "Invalid recipient address", ErrorKind::Rejected),
        (26, "Recipient opted out", ErrorKind::Rejected),
        (
            45,
            "FROM number is not related to integration",
            ErrorKind::Rejected,
        ),
    ];
    for (code, words, kind) in cases {
        let m = expect_send(
            &mut server,
            202,
            &format!(
                r#"{{"messages":[{{"apiMessageId":null,"accepted":false,"to":"4917612345678","errorCode":{code},"error":"{words}","errorDescription":"{words}"}}],"errorCode":null,"error":null,"errorDescription":null}}"#
            ),
        );
        let e = send(&server);
        assert_eq!(e.kind(), kind, "{code}");
        assert_eq!(
            e.message(),
            format!("Clickatell Portal: error {code} ({words})")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_global_error_with_a_2xx_status_is_a_failure() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        r#"{"messages":[],"errorCode":1,"error":"Invalid or missing Integration API Key sekret-clickatell-key","errorDescription":null}"#,
    );
    let e = send(&server);
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        e.message(),
        "Clickatell Portal: error 1 (Invalid or missing Integration API Key ***)"
    );
    m.assert();
}

#[test]
fn answers_of_other_shapes_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in [
        r#"{"messages":[],"errorCode":null,"error":null}"#,
        r#"{"messages":[{"apiMessageId":"x","to":"4917612345678"}]}"#,
        "[]",
        "Accepted",
    ] {
        let m = expect_send(&mut server, 202, body);
        assert_eq!(
            send(&server).kind(),
            ErrorKind::UnexpectedResponse,
            "{body}"
        );
        m.remove();
    }
}
