//! Puzzel: the exact GET request and Puzzel's messageStatus answers (XML and JSON).

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn expect_send(server: &mut ServerGuard, status: usize, content_type: &str, body: &str) -> Mock {
    server
        .mock("GET", "/gw/rs/sendMessages")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("username".into(), "nc-user".into()),
            Matcher::UrlEncoded("password".into(), "sekret-puzzel-pw".into()),
            Matcher::UrlEncoded("message[0].recipient".into(), NUMBER.into()),
            Matcher::UrlEncoded("message[0].content".into(), MESSAGE.into()),
            Matcher::UrlEncoded("serviceId".into(), "4711".into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", content_type)
        .with_body(body)
        .expect(1)
        .create()
}

fn xml(code: u32, message: &str) -> String {
    format!(
        r#"<?xml version="1.0" standalone="yes"?>
<ns2:response xmlns:ns2="http://chimera.intele.com/gw/xsd/SMSGateway/Response/2013/02">
  <messageStatus>
    <statusCode>{code}</statusCode>
    <statusMessage>{message}</statusMessage>
    <recipient>+4917612345678</recipient>
    <messageId>760081j04w00</messageId>
    <sequenceIndex>1</sequenceIndex>
  </messageStatus>
</ns2:response>"#
    )
}

#[test]
fn sends_the_documented_request_and_accepts_status_1_in_xml() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        "text/xml",
        &xml(1, "Message enqueued for sending"),
    );
    sms("puzzel", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn accepts_status_1_in_json() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        "application/json",
        r#"{"messageStatus":[{"statusCode":1,"statusMessage":"Message enqueued for sending","clientReference":null,"recipient":"+4917612345678","messageId":"760081j1ll00","sessionId":null,"sequenceIndex":1}]}"#,
    );
    sms("puzzel", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn status_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("puzzel", &server.url());
    let cases = [
        (
            2,
            "No access. Authentication failed for sekret-puzzel-pw",
            ErrorKind::Unauthorized,
            "Puzzel SMS: status 2 (ACCESS_ERROR): No access. Authentication failed for ***",
        ),
        (
            5,
            "Invalid recipient",
            ErrorKind::Rejected,
            "Puzzel SMS: status 5 (SYNTAX_ERROR): Invalid recipient",
        ),
        (
            6,
            "Internal error",
            ErrorKind::ServerError,
            "Puzzel SMS: status 6 (INTERNAL_ERROR): Internal error",
        ),
        (
            24,
            "Too many messages to one recipient",
            ErrorKind::RateLimited { retry_after: None },
            "Puzzel SMS: status 24 (QUOTA_EXCEEDED): Too many messages to one recipient",
        ),
    ];
    for (code, said, kind, message) in cases {
        let m = expect_send(&mut server, 200, "text/xml", &xml(code, said));
        let e = sms("puzzel", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{code}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
        // The same in JSON.
        let json =
            format!(r#"{{"messageStatus":[{{"statusCode":{code},"statusMessage":"{said}"}}]}}"#);
        let m = expect_send(&mut server, 200, "application/json", &json);
        let e = sms("puzzel", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{code}");
        m.remove();
    }
}

#[test]
fn an_unknown_code_or_shape_is_unexpected() {
    let mut server = mockito::Server::new();
    for body in [
        xml(99, "?"),
        "<response/>".into(),
        r#"{"messageStatus":[]}"#.into(),
    ] {
        let m = expect_send(&mut server, 200, "text/xml", &body);
        let e = sms("puzzel", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
