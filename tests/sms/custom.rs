//! custom: the request built from the admin's templates (escaping per place), the admin's
//! success rule, and the configuration checks.

use base64::Engine;
use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::config::{RawConfig, Value};
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

const TOKEN: &str = "sekret-custom-token";

/// The working configuration's request: POST /custom/send, bearer token, JSON body.
fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/custom/send")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Exact(format!(
            r#"{{"to":"{NUMBER}","text":"{MESSAGE}"}}"#
        )))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

/// The working request without a JSON pointer: no JSON Accept header is added.
fn expect_plain(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/custom/send")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_header("content-type", "application/json")
        .match_header("accept", "*/*")
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create()
}

/// The working configuration with some keys replaced (an empty value removes the key).
fn with(base: &str, changes: &[(&str, &str)]) -> RawConfig {
    let mut c = working_config("custom", base);
    for (k, v) in changes {
        if v.is_empty() {
            c.remove(*k);
        } else {
            c.insert((*k).into(), Value::Str((*v).into()));
        }
    }
    c
}

#[test]
fn sends_the_json_template_and_accepts_the_expected_value() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, r#"{"status":"queued","id":"m-1"}"#);
    sms("custom", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn json_placeholders_are_string_escaped() {
    let mut server = mockito::Server::new();
    let tricky = "Code 123456 \"quoted\" back\\slash\nnew line – ü";
    let m = server
        .mock("POST", "/custom/send")
        .match_body(Matcher::Json(
            serde_json::json!({"to": NUMBER, "text": tricky}),
        ))
        .with_body(r#"{"status":"queued"}"#)
        .expect(1)
        .create();
    sms("custom", &server.url()).send(NUMBER, tricky).unwrap();
    m.assert();
}

#[test]
fn url_placeholders_are_percent_encoded_and_get_sends_no_body() {
    let mut server = mockito::Server::new();
    let url = format!(
        "{}/api/send?to={{recipient}}&digits={{recipient_digits}}&msg={{message}}&from=nc",
        server.url()
    );
    let m = server
        .mock("GET", "/api/send")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("to".into(), NUMBER.into()),
            Matcher::UrlEncoded("digits".into(), DIGITS.into()),
            Matcher::UrlEncoded("msg".into(), MESSAGE.into()),
            Matcher::UrlEncoded("from".into(), "nc".into()),
        ]))
        .match_header("content-type", Matcher::Missing)
        .match_body("")
        .with_body("OK: 1 message queued")
        .expect(1)
        .create();
    let config = with(
        &server.url(),
        &[
            ("url", &url),
            ("method", "GET"),
            ("body", ""),
            ("success_json_pointer", ""),
            ("success_value", ""),
            ("success_contains", "OK"),
        ],
    );
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn the_raw_url_carries_the_encoded_values() {
    let mut server = mockito::Server::new();
    let raw = format!(
        "/api/send?to=%2B{DIGITS}&msg={}",
        MESSAGE.replace(' ', "%20")
    );
    let m = server
        .mock("GET", Matcher::Exact(raw))
        .with_body("OK")
        .expect(1)
        .create();
    let config = with(
        &server.url(),
        &[
            (
                "url",
                &format!("{}/api/send?to={{recipient}}&msg={{message}}", server.url()),
            ),
            ("method", "GET"),
            ("body", ""),
            ("success_json_pointer", ""),
            ("success_value", ""),
        ],
    );
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn form_body_with_basic_auth_and_put() {
    let mut server = mockito::Server::new();
    let basic = base64::engine::general_purpose::STANDARD.encode("nc-user:sekret-basic-pw");
    let m = server
        .mock("PUT", "/sms")
        .match_header("authorization", format!("Basic {basic}").as_str())
        .match_header("content-type", "application/x-www-form-urlencoded")
        .match_header("x-extra", "1")
        .match_body(Matcher::AllOf(vec![
            Matcher::UrlEncoded("to".into(), DIGITS.into()),
            Matcher::UrlEncoded("text".into(), MESSAGE.into()),
            Matcher::UrlEncoded("from".into(), "Nextcloud".into()),
        ]))
        .with_status(201)
        .with_body(r#"{"result":{"accepted":true}}"#)
        .expect(1)
        .create();
    let config = with(
        &server.url(),
        &[
            ("url", &format!("{}/sms", server.url())),
            ("method", "PUT"),
            ("body_format", "form"),
            (
                "body",
                "to={recipient_digits}&text={message}&from=Nextcloud",
            ),
            ("headers", "X-Extra: 1"),
            ("username", "nc-user"),
            ("password", "sekret-basic-pw"),
            ("success_status", "201"),
            ("success_json_pointer", "/result/accepted"),
            ("success_value", "true"),
        ],
    );
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn a_content_type_among_the_headers_wins() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/custom/send")
        .match_header("content-type", "application/vnd.sms+json; charset=utf-8")
        .match_header("authorization", "Token abc-def-ghi")
        .with_body(r#"{"status":"queued"}"#)
        .expect(1)
        .create();
    let config = with(
        &server.url(),
        &[(
            "headers",
            "Content-Type: application/vnd.sms+json; charset=utf-8\r\n\nAuthorization: Token abc-def-ghi\n",
        )],
    );
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn an_accepted_status_with_the_wrong_value_is_rejected_in_the_services_words() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        &format!(
            r#"{{"status":"failed","error":"number blocked","echo":"Bearer {TOKEN} {MESSAGE}"}}"#
        ),
    );
    let config = working_config("custom", &server.url());
    let e = sms("custom", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(
        e.message()
            .starts_with(r#"Custom HTTP API: /status is "failed" instead of queued: "#),
        "{}",
        e.message()
    );
    assert!(e.message().contains("number blocked"), "{}", e.message());
    assert_clean(&e, &secrets(&config));
    m.assert();
}

#[test]
fn a_missing_pointer_is_rejected_and_a_non_json_answer_is_unexpected() {
    let mut server = mockito::Server::new();
    let config = working_config("custom", &server.url());
    let m = expect_send(&mut server, 200, r#"{"ok":true}"#);
    let e = sms("custom", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(e.message().contains("has no /status"), "{}", e.message());
    m.remove();

    let m = expect_send(&mut server, 200, "queued");
    let e = sms("custom", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert!(e.message().contains("not JSON"), "{}", e.message());
    assert_clean(&e, &secrets(&config));
    m.assert();
}

#[test]
fn a_pointer_without_value_needs_a_truthy_value() {
    let mut server = mockito::Server::new();
    let config = with(&server.url(), &[("success_value", "")]);
    for (body, ok) in [
        (r#"{"status":"sent"}"#, true),
        (r#"{"status":0}"#, true),
        (r#"{"status":false}"#, false),
        (r#"{"status":null}"#, false),
        (r#"{"status":""}"#, false),
    ] {
        let m = expect_send(&mut server, 200, body);
        let got = Sms::new(&config).unwrap().send(NUMBER, MESSAGE);
        assert_eq!(got.is_ok(), ok, "{body}");
        if let Err(e) = got {
            assert_eq!(e.kind(), ErrorKind::Rejected, "{body}");
        }
        m.remove();
    }
}

#[test]
fn numbers_and_booleans_compare_as_text() {
    let mut server = mockito::Server::new();
    let config = with(&server.url(), &[("success_value", "0")]);
    let m = expect_send(&mut server, 200, r#"{"status":0}"#);
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.remove();
    let m = expect_send(&mut server, 200, r#"{"status":"0"}"#);
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.remove();
    let m = expect_send(&mut server, 200, r#"{"status":17,"message":"no credit"}"#);
    let e = Sms::new(&config)
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(
        e.message().contains("/status is 17 instead of 0"),
        "{}",
        e.message()
    );
    m.assert();
}

#[test]
fn success_contains_checks_the_body() {
    let mut server = mockito::Server::new();
    let config = with(
        &server.url(),
        &[
            ("success_json_pointer", ""),
            ("success_value", ""),
            ("success_contains", "ACCEPTED"),
        ],
    );
    let m = expect_plain(&mut server, 200, "ACCEPTED id=7");
    Sms::new(&config).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.remove();
    let m = expect_plain(
        &mut server,
        200,
        &format!("ERROR 31: insufficient credit for {TOKEN}"),
    );
    let e = Sms::new(&config)
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(
        e.message().contains("insufficient credit"),
        "{}",
        e.message()
    );
    assert_clean(&e, &secrets(&config));
    m.assert();
}

#[test]
fn a_status_outside_the_list_maps_like_every_provider() {
    let mut server = mockito::Server::new();
    let config = working_config("custom", &server.url());
    let cases = [
        (
            401,
            r#"{"message":"invalid token"}"#,
            ErrorKind::Unauthorized,
            "invalid token",
        ),
        (403, "Forbidden", ErrorKind::Unauthorized, "Forbidden"),
        (
            400,
            r#"{"error":{"code":21211,"message":"invalid 'To' number"}}"#,
            ErrorKind::Rejected,
            "invalid 'To' number",
        ),
        (
            429,
            r#"{"detail":"slow down"}"#,
            ErrorKind::RateLimited { retry_after: None },
            "slow down",
        ),
        (
            502,
            "<html>Bad Gateway</html>",
            ErrorKind::ServerError,
            "HTTP 502",
        ),
    ];
    for (status, body, kind, words) in cases {
        let m = expect_send(&mut server, status, body);
        let e = sms("custom", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{status}");
        assert!(e.message().contains(words), "{}", e.message());
        assert!(!e.message().contains("<html>"), "{}", e.message());
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
    // 200 when only 201 is accepted: not what the admin said the service answers.
    let config = with(&server.url(), &[("success_status", "201")]);
    let m = expect_send(&mut server, 200, r#"{"status":"queued"}"#);
    let e = Sms::new(&config)
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    m.assert();
}

#[test]
fn header_secrets_and_the_encoded_message_are_scrubbed() {
    let mut server = mockito::Server::new();
    let config = working_config("custom", &server.url());
    let echo = format!(
        "bad request: Bearer {TOKEN}; token {TOKEN}; text {}",
        MESSAGE.replace(' ', "%20")
    );
    let m = expect_send(&mut server, 400, &echo);
    let e = sms("custom", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "Custom HTTP API: HTTP 400: bad request: ***; token ***; text ***"
    );
    assert_clean(&e, &secrets(&config));
    m.assert();
}

/// The configuration error for `changes`, which must name `key` and show no secret.
fn config_error(changes: &[(&str, &str)], key: &str) -> String {
    let c = with("http://127.0.0.1:9", changes);
    let e = Sms::new(&c).expect_err(key);
    assert_eq!(e.kind(), ErrorKind::Configuration, "{}", e.message());
    assert!(
        e.message().contains(&format!("'{key}'")),
        "{key}: {}",
        e.message()
    );
    assert!(
        e.message()
            .starts_with("Custom HTTP API configuration is invalid: "),
        "{}",
        e.message()
    );
    for s in secrets(&c) {
        assert!(!e.message().contains(&s), "secret in {}", e.message());
    }
    e.message().to_owned()
}

#[test]
fn templates_are_checked_at_construction() {
    let m = config_error(
        &[("body", r#"{"to":"{recipient}","text":"{msg}"}"#)],
        "body",
    );
    assert!(m.contains("unknown placeholder {msg}"), "{m}");
    let m = config_error(
        &[("body", r#"{"to":"{recipient}","text":{message}}"#)],
        "body",
    );
    assert!(m.contains("not valid JSON"), "{m}");
    config_error(
        &[("body", r#"{"to":"{recipient}","text":"{message}""#)],
        "body",
    );
    // A digits placeholder outside quotes is a valid JSON number.
    Sms::new(&with(
        "http://127.0.0.1:9",
        &[("body", r#"{"to":[{recipient_digits}],"text":"{message}"}"#)],
    ))
    .unwrap();
    config_error(&[("url", "http://127.0.0.1:9/x?to={number}")], "url");
    config_error(&[("url", "ftp://127.0.0.1/send")], "url");
    config_error(&[("url", "/relative/send")], "url");
    config_error(&[("url", "http://user:pw@127.0.0.1:9/send")], "url");
    let m = config_error(&[("body", r#"{"to":"{recipient}"}"#)], "body");
    assert!(m.contains("must contain {message}"), "{m}");
    let m = config_error(&[("body", r#"{"text":"{message}"}"#)], "body");
    assert!(m.contains("{recipient} or {recipient_digits}"), "{m}");
    config_error(&[("method", "GET")], "body");
    config_error(&[("body_format", "none")], "body");
    config_error(&[("method", "DELETE")], "method");
    config_error(&[("body_format", "xml")], "body_format");
}

#[test]
fn headers_auth_status_and_rule_are_checked_at_construction() {
    for bad in [
        "Authorization Bearer sekret-custom-token",
        "Bad Name: sekret-custom-token",
        "X-Ok: 1\nX-Bad: sekret-custom-token\u{7}",
        "Content-Length: 12",
    ] {
        let m = config_error(&[("headers", bad)], "headers");
        assert!(!m.contains("sekret"), "{m}");
    }
    let m = config_error(&[("headers", "X-Ok: 1\n\nnope")], "headers");
    assert!(m.contains("'headers' line 3"), "{m}");
    config_error(&[("password", "sekret-basic-pw")], "username");
    config_error(&[("username", "nc-user")], "username");
    for bad in ["abc", "600", "299-200", "200,,201"] {
        config_error(&[("success_status", bad)], "success_status");
    }
    config_error(
        &[("success_json_pointer", "status")],
        "success_json_pointer",
    );
    config_error(&[("success_json_pointer", "")], "success_value");
    // Everything wrong at once: all named.
    let m = config_error(
        &[
            ("url", "mailto:x"),
            ("success_status", "x"),
            ("headers", "broken"),
        ],
        "url",
    );
    assert!(
        m.contains("'success_status'") && m.contains("'headers'"),
        "{m}"
    );
}

/// The two worked examples of doc/custom-sms.md, against a mock of each service.
#[test]
fn the_documented_examples_work() {
    let mut server = mockito::Server::new();
    let base = server.url();
    let config = |pairs: &[(&str, &str)]| {
        let mut c = crate::common::config("custom", pairs);
        c.insert("timeout".into(), Value::Str("2".into()));
        c
    };

    // SMS Gateway for Android: Basic auth, 202 with state Pending; 401 on wrong credentials.
    let android = |password: &str| {
        config(&[
            ("url", &format!("{base}/message")),
            ("method", "POST"),
            ("body_format", "json"),
            (
                "body",
                r#"{"textMessage":{"text":"{message}"},"phoneNumbers":["{recipient}"]}"#,
            ),
            ("username", "sms"),
            ("password", password),
            ("success_status", "202"),
            ("success_json_pointer", "/state"),
            ("success_value", "Pending"),
        ])
    };
    let basic = base64::engine::general_purpose::STANDARD.encode("sms:sekret-android-pw");
    let ok = server
        .mock("POST", "/message")
        .match_header("authorization", format!("Basic {basic}").as_str())
        .match_body(Matcher::Json(serde_json::json!({
            "textMessage": {"text": MESSAGE}, "phoneNumbers": [NUMBER]
        })))
        .with_status(202)
        .with_body(r#"{"id":"Vx1qS0bKdN3m","state":"Pending","isEncrypted":false,"recipients":[{"phoneNumber":"+4917612345678","state":"Pending","error":null}]}"#)
        .expect(1)
        .create();
    let denied = server
        .mock("POST", "/message")
        .with_status(401)
        .with_body("Unauthorized")
        .create();
    Sms::new(&android("sekret-android-pw"))
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap();
    ok.assert();
    let c = android("wrong-android-pw");
    let e = Sms::new(&c).unwrap().send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_clean(&e, &secrets(&c));
    ok.remove();
    denied.remove();

    // A REST API with a bearer token, answering 200 for refusals too.
    let c = config(&[
        ("url", &format!("{base}/v1/sms")),
        (
            "body",
            r#"{"to":"{recipient}","from":"Nextcloud","text":"{message}"}"#,
        ),
        ("headers", "Authorization: Bearer sekret-rest-token"),
        ("success_status", "200-201"),
        ("success_json_pointer", "/data/status"),
        ("success_value", "queued"),
    ]);
    let mut rest = |body: &str| {
        server
            .mock("POST", "/v1/sms")
            .match_header("authorization", "Bearer sekret-rest-token")
            .match_body(Matcher::Json(serde_json::json!({
                "to": NUMBER, "from": "Nextcloud", "text": MESSAGE
            })))
            .with_status(201)
            .with_body(body)
            .expect(1)
            .create()
    };
    let m = rest(r#"{"data":{"id":"a1","status":"queued"}}"#);
    Sms::new(&c).unwrap().send(NUMBER, MESSAGE).unwrap();
    m.assert();
    m.remove();
    let m = rest(r#"{"data":{"status":"failed","reason":"unroutable number"}}"#);
    let e = Sms::new(&c).unwrap().send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(e.message().contains("unroutable number"), "{}", e.message());
    assert_clean(&e, &secrets(&c));
    m.assert();
}
