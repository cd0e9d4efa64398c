//! seven (sms77io): the exact request and seven's return codes.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/api/sms")
        .match_header("x-api-key", "sekret-seven-key")
        .match_header("accept", "application/json")
        .match_header("content-type", "application/x-www-form-urlencoded")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::AllOf(vec![
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("text".into(), MESSAGE.into()),
            Matcher::UrlEncoded("sendWith".into(), "nextcloud".into()),
        ]))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_code_100() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        r#"{"success":"100","total_price":0.075,"balance":3.7,"debug":"false","sms_type":"direct",
            "messages":[{"id":"77229135982","sender":"seven","recipient":"4917612345678","text":"x",
            "encoding":"gsm","parts":1,"price":0.075,"success":true,"error":null,"error_text":null}]}"#,
    );
    sms("sms77io", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn a_plain_text_100_is_success_too() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "100\n77229135982\n");
    sms("sms77io", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn return_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let cases = [
        ("900", ErrorKind::Unauthorized, "authentication failed"),
        ("903", ErrorKind::Unauthorized, "IP address"),
        (
            "403",
            ErrorKind::RateLimited { retry_after: None },
            "daily limit",
        ),
        ("500", ErrorKind::Rejected, "not enough credit"),
        ("202", ErrorKind::Rejected, "invalid recipient"),
        ("700", ErrorKind::ServerError, "unknown error"),
    ];
    let config = working_config("sms77io", &server.url());
    for (code, kind, words) in cases {
        let m = expect_send(
            &mut server,
            200,
            &format!(r#"{{"success":"{code}","messages":[]}}"#),
        );
        let e = sms("sms77io", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{code}");
        assert!(e
            .message()
            .starts_with(&format!("seven (formerly sms77.io): return code {code} (")));
        assert!(e.message().contains(words), "{}", e.message());
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
        // The same code as plain text.
        let m = expect_send(&mut server, 200, code);
        assert_eq!(
            sms("sms77io", &server.url())
                .send(NUMBER, MESSAGE)
                .unwrap_err()
                .kind(),
            kind
        );
        m.remove();
    }
}

#[test]
fn a_message_marked_failed_is_rejected_in_sevens_words() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        r#"{"success":"100","messages":[{"success":false,"error":"30","error_text":"Recipient blocked; text 123456 is your Nextcloud authentication code"}]}"#,
    );
    let e = sms("sms77io", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "seven (formerly sms77.io): Recipient blocked; text ***"
    );
    m.assert();
}

#[test]
fn an_unknown_code_is_an_unexpected_answer() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, r#"{"success":"42"}"#);
    let e = sms("sms77io", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    m.assert();
}
