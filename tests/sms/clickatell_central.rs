//! Clickatell Central: the exact `sendmsg` request and Clickatell's `ID:`/`ERR:` answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::config::Value;
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, user_agent, working_config, DIGITS, MESSAGE, NUMBER};

/// The working configuration against `base`. Its `api` key is the API id, not a URL, so the
/// mock base is set through `api_url` here whatever `working_config` decides.
fn central(base: &str) -> Sms {
    let mut config = working_config("clickatell_central", base);
    config.insert("api_url".into(), Value::Str(base.into()));
    Sms::new(&config).unwrap()
}

fn expect_send(server: &mut ServerGuard, body: &str) -> Mock {
    server
        .mock("GET", "/http/sendmsg")
        .match_header("user-agent", user_agent())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("user".into(), "nc-user".into()),
            Matcher::UrlEncoded("password".into(), "sekret-clickatell-pw".into()),
            Matcher::UrlEncoded("api_id".into(), "3456789".into()),
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("text".into(), MESSAGE.into()),
        ]))
        .with_status(200)
        .with_header("content-type", "text/html")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_an_id() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, "ID: 0f5b6a2e7d1c4b9a8e3f2d1c0b9a8e7f\n");
    central(&server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn spaces_are_sent_form_encoded_as_in_the_existing_app() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("GET", "/http/sendmsg")
        .match_query(Matcher::Regex(
            "text=123456\\+is\\+your\\+Nextcloud\\+authentication\\+code".into(),
        ))
        .with_body("ID: 1")
        .expect(1)
        .create();
    central(&server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn error_codes_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("clickatell_central", &server.url());
    let cases = [
        (
            "001, Authentication failed",
            ErrorKind::Unauthorized,
            "error 001 (Authentication failed)",
        ),
        (
            "002, Unknown username or password",
            ErrorKind::Unauthorized,
            "error 002",
        ),
        (
            "007, IP Lockdown violation",
            ErrorKind::Unauthorized,
            "IP Lockdown",
        ),
        (
            "108, Invalid or missing API ID",
            ErrorKind::Unauthorized,
            "error 108",
        ),
        (
            "105, Invalid Destination Address",
            ErrorKind::Rejected,
            "Invalid Destination",
        ),
        ("301, No Credit Left", ErrorKind::Rejected, "No Credit Left"),
        (
            "121, Destination mobile number blocked",
            ErrorKind::Rejected,
            "blocked",
        ),
        (
            "130, Maximum MT limit exceeded until 1700000000",
            ErrorKind::RateLimited { retry_after: None },
            "MT limit",
        ),
        ("901, Internal error", ErrorKind::ServerError, "error 901"),
        (
            "114",
            ErrorKind::Rejected,
            "error 114 (Cannot route message)",
        ),
    ];
    for (answer, kind, words) in cases {
        let m = expect_send(&mut server, &format!("ERR: {answer}"));
        let e = central(&server.url()).send(NUMBER, MESSAGE).unwrap_err();
        assert_eq!(e.kind(), kind, "{answer}");
        assert!(
            e.message().starts_with("Clickatell Central: error "),
            "{}",
            e.message()
        );
        assert!(e.message().contains(words), "{}", e.message());
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn an_error_echoing_the_request_is_scrubbed() {
    let mut server = mockito::Server::new();
    let config = working_config("clickatell_central", &server.url());
    let m = expect_send(
        &mut server,
        &format!(
            "ERR: 101, Invalid or missing parameters: password=sekret-clickatell-pw text={MESSAGE}"
        ),
    );
    let e = central(&server.url()).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "Clickatell Central: error 101 (Invalid or missing parameters: password=*** text=***)"
    );
    assert_clean(&e, &secrets(&config));
    m.assert();
}

#[test]
fn other_answers_are_unexpected() {
    let mut server = mockito::Server::new();
    for body in ["OK", "", "ID:", "ERR: abc", "<html>Welcome</html>"] {
        let m = expect_send(&mut server, body);
        let e = central(&server.url()).send(NUMBER, MESSAGE).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}

#[test]
fn the_api_id_must_be_numeric() {
    let mut config = working_config("clickatell_central", "http://127.0.0.1:9");
    config.insert("api".into(), Value::Str("my-api".into()));
    let e = Sms::new(&config).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Configuration);
    assert!(
        e.message().contains("'api' must be the numeric API id"),
        "{}",
        e.message()
    );
}
