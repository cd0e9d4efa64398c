//! Voipbuster: the exact sendsms.php request and the XML SmsResponse.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/myaccount/sendsms.php")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("username".into(), "nc-user".into()),
            Matcher::UrlEncoded("password".into(), "sekret-voipbuster-pw".into()),
            Matcher::UrlEncoded("from".into(), "+31201234567".into()),
            Matcher::UrlEncoded("to".into(), NUMBER.into()),
            Matcher::UrlEncoded("text".into(), MESSAGE.into()),
        ]))
        .match_body("")
        .with_status(status)
        .with_header("content-type", "text/xml")
        .with_body(body)
        .expect(1)
        .create()
}

fn answer(result: u8, resultstring: &str, description: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<SmsResponse>\n  <version>1</version>\n  \
         <result>{result}</result>\n  <resultstring>{resultstring}</resultstring>\n  \
         <description>{description}</description>\n  <partcount>1</partcount>\n  \
         <endcause></endcause>\n</SmsResponse>\n"
    )
}

#[test]
fn sends_the_documented_request_and_accepts_success() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, &answer(1, "success", ""));
    sms("voipbuster", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn failures_map_to_kinds_in_the_providers_words() {
    let mut server = mockito::Server::new();
    let config = working_config("voipbuster", &server.url());
    let cases = [
        (
            "Invalid username/password combination (sekret-voipbuster-pw)",
            ErrorKind::Unauthorized,
            "Voipbuster: Invalid username/password combination (***)",
        ),
        (
            "Not enough credit",
            ErrorKind::Rejected,
            "Voipbuster: Not enough credit",
        ),
        (
            "Too many messages sent today",
            ErrorKind::RateLimited { retry_after: None },
            "Voipbuster: Too many messages sent today",
        ),
        (
            "",
            ErrorKind::Rejected,
            "Voipbuster: the message was not sent",
        ),
    ];
    for (description, kind, message) in cases {
        let m = expect_send(&mut server, 200, &answer(0, "failure", description));
        let e = sms("voipbuster", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (kind, message), "{description}");
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_answer_without_resultstring_is_unexpected() {
    let mut server = mockito::Server::new();
    for body in ["<html><body>Login</body></html>", "success"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("voipbuster", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
