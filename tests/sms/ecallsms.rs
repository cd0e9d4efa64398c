//! eCall: the exact HTTPS-interface request; HTTP status and eCall result codes.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/api/sms")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("username".into(), "nc-user".into()),
            Matcher::UrlEncoded("password".into(), "sekret-ecall-pw".into()),
            Matcher::UrlEncoded("Callback".into(), "Nextcloud".into()),
            Matcher::UrlEncoded("address".into(), NUMBER.into()),
            Matcher::UrlEncoded("message".into(), MESSAGE.into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_http_200() {
    let mut server = mockito::Server::new();
    for body in [
        "",
        "0",
        "OK",
        "<Response><ResultCode>0</ResultCode><ResponseText>OK</ResponseText></Response>",
    ] {
        let m = expect_send(&mut server, 200, body);
        sms("ecallsms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap();
        m.assert();
        m.remove();
    }
}

#[test]
fn statuses_and_result_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("ecallsms", &server.url());
    let cases = [
        (
            400,
            "<Response><ResultCode>11100</ResultCode><ResponseText>AdrAdCInvalid</ResponseText></Response>",
            ErrorKind::Rejected,
            "EcallSMS: HTTP 400: eCall result code 11100 (AdrAdCInvalid: invalid recipient address)",
        ),
        (
            400,
            "11001",
            ErrorKind::Unauthorized,
            "EcallSMS: HTTP 400: eCall result code 11001 (PermissionDenied: access denied)",
        ),
        (
            401,
            "Unauthorized sekret-ecall-pw",
            ErrorKind::Unauthorized,
            "EcallSMS: HTTP 401",
        ),
        (
            403,
            "Forbidden",
            ErrorKind::Unauthorized,
            "EcallSMS: HTTP 403: eCall refused the job: not enough credit or no access for this account",
        ),
        (500, "InternalServerError", ErrorKind::ServerError, "EcallSMS: HTTP 500"),
        (
            200,
            r#"{"ResultCode":11200,"ResponseText":"MsgNoCharacters"}"#,
            ErrorKind::Rejected,
            "EcallSMS: HTTP 200: eCall result code 11200 (MsgNoCharacters: no message content)",
        ),
    ];
    for (status, body, kind, message) in cases {
        let m = expect_send(&mut server, status, body);
        let e = sms("ecallsms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{status} {body}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_200_with_another_body_is_unexpected() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "<html><body>Welcome</body></html>");
    let e = sms("ecallsms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    m.assert();
}
