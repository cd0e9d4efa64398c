//! Clockwork: the exact send.aspx request and Clockwork's text answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/http/send.aspx")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("key".into(), "sekret-clockwork-key".into()),
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("content".into(), MESSAGE.into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", "text/plain")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_a_message_id() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "To: 4917612345678 ID: AB_12345\r\n");
    sms("clockworksms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn error_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("clockworksms", &server.url());
    let cases = [
        (
            "Error 2: Invalid Username Or Password",
            ErrorKind::Unauthorized,
            "ClockworkSMS: error 2: Invalid Username Or Password",
        ),
        (
            "Invalid Username Or Password",
            ErrorKind::Unauthorized,
            "ClockworkSMS: error 2: Invalid Username Or Password",
        ),
        (
            "To: 4917612345678 Error 10: Invalid 'To' Parameter",
            ErrorKind::Rejected,
            "ClockworkSMS: error 10: Invalid 'To' Parameter",
        ),
        (
            "Error 3: Insufficient Credits Available",
            ErrorKind::Rejected,
            "ClockworkSMS: error 3: Insufficient Credits Available",
        ),
        (
            "Error 1: Internal Error for key sekret-clockwork-key",
            ErrorKind::ServerError,
            "ClockworkSMS: error 1: Internal Error for key ***",
        ),
    ];
    for (body, kind, message) in cases {
        let m = expect_send(&mut server, 200, body);
        let e = sms("clockworksms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{body}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn other_answers_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in ["", "<html>Server maintenance</html>", "To: 4917612345678"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("clockworksms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
