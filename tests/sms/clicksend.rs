//! ClickSend: the exact HTTP v2 request and ClickSend's XML result codes.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn answer(code: &str, text: &str) -> String {
    format!(
        "<?xml version='1.0' encoding='utf-8'?>\n<xml>\n  <messages recipientcount='1'>\n    <message>\n      <to>{NUMBER}</to>\n      <messageid>D9F15F83-34EC-6A31-A57E-7E8FB0966D78</messageid>\n      <result>{code}</result>\n      <errortext>{text}</errortext>\n    </message>\n  </messages>\n</xml>\n"
    )
}

fn expect_send(server: &mut ServerGuard, body: &str) -> Mock {
    server
        .mock("GET", "/http/v2/send.php")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("method".into(), "http".into()),
            Matcher::UrlEncoded("username".into(), "nc-user".into()),
            Matcher::UrlEncoded("key".into(), "sekret-clicksend-key".into()),
            Matcher::UrlEncoded("to".into(), NUMBER.into()),
            Matcher::UrlEncoded("message".into(), MESSAGE.into()),
            Matcher::UrlEncoded("senderid".into(), "nextcloud".into()),
        ]))
        .with_status(200)
        .with_header("content-type", "application/xml")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_result_0000() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, &answer("0000", "Success"));
    sms("clicksend", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn result_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("clicksend", &server.url());
    let cases = [
        ("2022", "Invalid credentials", ErrorKind::Unauthorized),
        ("2006", "Missing credentials", ErrorKind::Unauthorized),
        ("2007", "Account not activated", ErrorKind::Unauthorized),
        (
            "2016",
            "Throttled",
            ErrorKind::RateLimited { retry_after: None },
        ),
        ("2015", "Invalid recipient", ErrorKind::Rejected),
        ("2018", "Low credit", ErrorKind::Rejected),
        ("2017", "Invalid sender id", ErrorKind::Rejected),
        ("2101", "Internal error", ErrorKind::ServerError),
    ];
    for (code, words, kind) in cases {
        let m = expect_send(&mut server, &answer(code, words));
        let e = sms("clicksend", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{code}");
        assert_eq!(
            e.message(),
            format!("ClickSend: result code {code} ({words})")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_error_text_echoing_the_request_is_scrubbed_and_a_missing_one_described() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        &answer(
            "2051",
            &format!("Bad key sekret-clicksend-key for {MESSAGE}"),
        ),
    );
    let e = sms("clicksend", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "ClickSend: result code 2051 (Bad key *** for ***)"
    );
    m.remove();
    let m = expect_send(
        &mut server,
        "<xml><messages><message><result>2022</result></message></messages></xml>",
    );
    let e = sms("clicksend", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        e.message(),
        "ClickSend: result code 2022 (Invalid credentials)"
    );
    m.assert();
}

#[test]
fn answers_without_a_result_code_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in [
        "<xml><messages recipientcount='0'></messages></xml>",
        "<html><body>Maintenance</body></html>",
        "<xml><messages><message><result>OK</result></message></messages></xml>",
        "0000",
        "",
    ] {
        let m = expect_send(&mut server, body);
        let e = sms("clicksend", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
