//! SMSAPI: the exact multipart request and SMSAPI's JSON answers and error codes.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

const SENT: &str = r#"{"count":1,"list":[{"id":"1460969715572091219","points":0.16,"number":"4917612345678","date_sent":1460969712,"submitted_number":"4917612345678","status":"QUEUE","error":null,"idx":null,"parts":1}]}"#;

/// The whole multipart body with exactly these text fields, in this order.
fn multipart(fields: &[(&str, &str)]) -> Matcher {
    let mut re = String::from("^");
    for (name, value) in fields {
        re.push_str(&format!(
            "--[0-9a-f-]+\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    re.push_str("--[0-9a-f-]+--\r\n$");
    Matcher::Regex(re)
}

fn expect(server: &mut ServerGuard, fields: &[(&str, &str)], status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/sms.do")
        .match_header("authorization", "Bearer sekret-smsapi-token")
        .match_header(
            "content-type",
            Matcher::Regex("^multipart/form-data; boundary=".into()),
        )
        .match_header("user-agent", user_agent())
        .match_body(multipart(fields))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    expect(
        server,
        &[
            ("to", DIGITS),
            ("from", "Nextcloud"),
            ("message", MESSAGE),
            ("format", "json"),
        ],
        status,
        body,
    )
}

fn send(server: &ServerGuard) -> twofactor_gateway::Error {
    sms("smsapi", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err()
}

#[test]
fn sends_the_documented_request_and_accepts_a_listed_message() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, SENT);
    sms("smsapi", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn without_a_sender_no_from_field_is_sent() {
    let mut server = mockito::Server::new();
    let m = expect(
        &mut server,
        &[("to", DIGITS), ("message", MESSAGE), ("format", "json")],
        200,
        SENT,
    );
    let mut config = working_config("smsapi", &server.url());
    config.remove("sender");
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn error_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("smsapi", &server.url());
    let cases = [
        (
            200,
            101,
            "Authorization failed",
            ErrorKind::Unauthorized,
            "",
        ),
        (
            401,
            101,
            "Authorization failed",
            ErrorKind::Unauthorized,
            ", HTTP 401",
        ),
        (
            200,
            102,
            "Invalid username or password",
            ErrorKind::Unauthorized,
            "",
        ),
        (200, 105, "Wrong IP address", ErrorKind::Unauthorized, ""),
        (200, 13, "No correct phone numbers", ErrorKind::Rejected, ""),
        (
            400,
            13,
            "No correct phone numbers",
            ErrorKind::Rejected,
            ", HTTP 400",
        ),
        (200, 14, "Wrong sender name", ErrorKind::Rejected, ""),
        (200, 103, "Not enough points", ErrorKind::Rejected, ""),
        (
            200,
            52,
            "Too many attempts",
            ErrorKind::RateLimited { retry_after: None },
            "",
        ),
        (
            400,
            202,
            "Too many simultaneous requests",
            ErrorKind::RateLimited { retry_after: None },
            ", HTTP 400",
        ),
        (200, 999, "Internal error", ErrorKind::ServerError, ""),
    ];
    for (status, code, words, kind, suffix) in cases {
        let m = expect_send(
            &mut server,
            status,
            &format!(r#"{{"invalid_numbers":[],"error":{code},"message":"{words}"}}"#),
        );
        let e = send(&server);
        assert_eq!(e.kind(), kind, "{code}");
        assert_eq!(
            e.message(),
            format!("SMSAPI: error {code} ({words}){suffix}")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_error_without_words_is_described_and_echoes_are_scrubbed() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, r#"{"error":103}"#);
    let e = send(&server);
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(e.message(), "SMSAPI: error 103 (insufficient credits)");
    m.remove();
    let m = expect_send(
        &mut server,
        200,
        &format!(
            r#"{{"error":11,"message":"Message too long: {MESSAGE} (token sekret-smsapi-token)"}}"#
        ),
    );
    let e = send(&server);
    assert_eq!(
        e.message(),
        "SMSAPI: error 11 (Message too long: *** (token ***))"
    );
    m.assert();
}

#[test]
fn a_listed_message_with_an_error_is_a_failure() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        r#"{"count":1,"list":[{"id":"1","number":"4917612345678","status":"NOT_DELIVERED","error":13}]}"#,
    );
    let e = send(&server);
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "SMSAPI: error 13 (no valid phone number (invalid or blacklisted))"
    );
    m.assert();
}

#[test]
fn answers_of_other_shapes_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in [
        r#"{"count":0,"list":[]}"#,
        r#"{"count":1}"#,
        r#"{"list":[{"id":"1"}]}"#,
        "OK: 1460969715572091219:0.16",
        "[]",
    ] {
        let m = expect_send(&mut server, 200, body);
        assert_eq!(
            send(&server).kind(),
            ErrorKind::UnexpectedResponse,
            "{body}"
        );
        m.remove();
    }
}
