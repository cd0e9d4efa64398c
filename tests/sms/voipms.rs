//! VoIP.ms: the exact sendSMS request and VoIP.ms's JSON status words.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

fn expect_send(server: &mut ServerGuard, dst: &str, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/api/v1/rest.php")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("api_username".into(), "admin@example.org".into()),
            Matcher::UrlEncoded("api_password".into(), "sekret-voipms-pw".into()),
            Matcher::UrlEncoded("method".into(), "sendSMS".into()),
            Matcher::UrlEncoded("did".into(), "5551234567".into()),
            Matcher::UrlEncoded("dst".into(), dst.into()),
            Matcher::UrlEncoded("message".into(), MESSAGE.into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_success() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        DIGITS,
        200,
        r#"{"status":"success","sms":23434}"#,
    );
    sms("voipms", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn a_north_american_number_goes_as_ten_digits() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        "5552341234",
        200,
        r#"{"status":"success","sms":23435}"#,
    );
    sms("voipms", &server.url())
        .send("+15552341234", MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn status_words_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("voipms", &server.url());
    let cases = [
        (
            "invalid_credentials",
            ErrorKind::Unauthorized,
            "VoIP.ms: invalid_credentials (the API user name or password is wrong)",
        ),
        (
            "ip_not_enabled",
            ErrorKind::Unauthorized,
            "VoIP.ms: ip_not_enabled (this server's IP address is not allowed to use the API)",
        ),
        (
            "invalid_dst",
            ErrorKind::Rejected,
            "VoIP.ms: invalid_dst (the destination number is not valid)",
        ),
        (
            "limit_reached",
            ErrorKind::RateLimited { retry_after: None },
            "VoIP.ms: limit_reached (the SMS sending limit was reached)",
        ),
        (
            "sms_failed",
            ErrorKind::ServerError,
            "VoIP.ms: sms_failed (VoIP.ms could not send the message)",
        ),
        (
            "missing_message",
            ErrorKind::Rejected,
            "VoIP.ms: missing_message",
        ),
    ];
    for (word, kind, message) in cases {
        let m = expect_send(
            &mut server,
            DIGITS,
            200,
            &format!(r#"{{"status":"{word}"}}"#),
        );
        let e = sms("voipms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{word}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn json_without_status_is_unexpected() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, DIGITS, 200, r#"{"sms":1}"#);
    let e = sms("voipms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    m.assert();
}
