//! PlaySMS: the exact webservice request and PlaySMS's JSON (and old text) answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/playsms/index.php")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("app".into(), "ws".into()),
            Matcher::UrlEncoded("u".into(), "admin".into()),
            Matcher::UrlEncoded("h".into(), "sekret-playsms-token".into()),
            Matcher::UrlEncoded("op".into(), "pv".into()),
            Matcher::UrlEncoded("to".into(), NUMBER.into()),
            Matcher::UrlEncoded("msg".into(), MESSAGE.into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", "text/json; charset=utf-8")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_a_queued_message() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        r#"{"data":[{"status":"OK","error":"0","smslog_id":129,"queue":"73b9d75074bcf48e63b24417010e111b","to":"+4917612345678"}],"error_string":null,"timestamp":1714323188}"#,
    );
    sms("playsms", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn the_text_answer_of_old_installations_is_read_too() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "OK 4917612345678,129,73b9d750");
    sms("playsms", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.remove();
    let m = expect_send(&mut server, 200, "ERR 100");
    let e = sms("playsms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(e.message(), "PlaySMS: ERR 100 (authentication failed)");
    m.assert();
}

#[test]
fn error_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("playsms", &server.url());
    let cases = [
        (
            r#"{"status":"ERR","error":"100","error_string":"authentication failed","timestamp":1714323188}"#,
            ErrorKind::Unauthorized,
            "PlaySMS: ERR 100 (authentication failed)",
        ),
        (
            r#"{"status":"ERR","error":"106","error_string":"webservice token not allowed from this IP address"}"#,
            ErrorKind::Unauthorized,
            "PlaySMS: ERR 106 (webservice token not allowed from this IP address)",
        ),
        (
            r#"{"data":[{"status":"ERR","error":"103","smslog_id":"","queue":"","to":""}],"error_string":null}"#,
            ErrorKind::Rejected,
            "PlaySMS: ERR 103 (not enough credit for this operation)",
        ),
        (
            r#"{"data":[{"status":"ERR","error":"200","smslog_id":"","queue":"","to":""}],"error_string":"blocked: sekret-playsms-token 123456 is your Nextcloud authentication code"}"#,
            ErrorKind::Rejected,
            "PlaySMS: ERR 200 (send message failed): blocked: *** ***",
        ),
        (
            r#"{"status":"ERR","error":"501","error_string":"no data returned or result is empty"}"#,
            ErrorKind::ServerError,
            "PlaySMS: ERR 501 (no data returned or result is empty)",
        ),
    ];
    for (body, kind, message) in cases {
        let m = expect_send(&mut server, 200, body);
        let e = sms("playsms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{body}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn json_without_a_status_is_an_unexpected_answer() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, r#"{"data":[],"error_string":null}"#);
    let e = sms("playsms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    m.assert();
}
