//! SMSGlobal: the exact HTTP-API request and SMSGlobal's text answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/http-api.php")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("action".into(), "sendsms".into()),
            Matcher::UrlEncoded("user".into(), "nc-user".into()),
            Matcher::UrlEncoded("password".into(), "sekret-smsglobal-pw".into()),
            Matcher::UrlEncoded("origin".into(), "nextcloud".into()),
            Matcher::UrlEncoded("from".into(), "nextcloud".into()),
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("text".into(), MESSAGE.into()),
            Matcher::UrlEncoded("clientcharset".into(), "UTF-8".into()),
            Matcher::UrlEncoded("detectcharset".into(), "1".into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", "text/plain")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_ok_0() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        "OK: 0; Sent queued message ID: 941596d028699601 SMSGlobalMsgID:6613115713715266\n",
    );
    sms("smsglobal", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn a_delayed_message_is_accepted_too() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "SMSGLOBAL DELAY MSGID:49936728");
    sms("smsglobal", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn errors_map_to_kinds_in_smsglobals_words() {
    let mut server = mockito::Server::new();
    let config = working_config("smsglobal", &server.url());
    let cases = [
        (
            "ERROR: Missing parameter: from",
            ErrorKind::Rejected,
            "SMSGlobal: Missing parameter: from",
        ),
        (
            "ERROR: Invalid username/password for nc-user (sekret-smsglobal-pw)",
            ErrorKind::Unauthorized,
            "SMSGlobal: Invalid username/password for nc-user (***)",
        ),
        (
            "ERROR: 88",
            ErrorKind::RateLimited { retry_after: None },
            "SMSGlobal: 88 (throttled)",
        ),
        (
            "OK: 11; Sent queued message ID: 0",
            ErrorKind::Rejected,
            "SMSGlobal: 11 (invalid destination address)",
        ),
        (
            "OK: 69; Sent queued message ID: 0",
            ErrorKind::ServerError,
            "SMSGlobal: 69 (submit failed)",
        ),
    ];
    for (body, kind, message) in cases {
        let m = expect_send(&mut server, 200, body);
        let e = sms("smsglobal", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{body}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_empty_or_other_answer_is_unexpected() {
    let mut server = mockito::Server::new();
    for body in ["", "<html>Maintenance</html>", "OK: yes"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("smsglobal", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
