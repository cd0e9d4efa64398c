//! OVH: the three signed requests, the PHP-identical job body, the per-process cache of the
//! clock difference and account check, and OVH's documented answers.
//!
//! Each test uses its own `api_url` path: mockito reuses servers between tests, and what a
//! send learns is remembered per API root for the process.

use std::time::{SystemTime, UNIX_EPOCH};

use mockito::{Matcher, Mock, Request, ServerGuard};
use sha1::{Digest, Sha1};
use twofactor_gateway::config::{RawConfig, Value};
use twofactor_gateway::sms::Sms;
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, user_agent, working_config, MESSAGE, NUMBER};

const AK: &str = "nc-app-key";
const AS: &str = "sekret-ovh-app-secret";
const CK: &str = "sekret-ovh-consumer";
const ACCOUNT: &str = "sms-ab12345-1";

/// What PHP's `json_encode` makes of the job for `MESSAGE` (checked with PHP 8).
const JOB: &str = r#"{"charset":"UTF-8","message":"123456 is your Nextcloud authentication code","noStopClause":true,"priority":"high","receivers":["+4917612345678"],"senderForResponse":false,"sender":"Nextcloud","validityPeriod":3600}"#;

const ACCEPTED: &str = r#"{"totalCreditsRemoved":1,"invalidReceivers":[],"ids":[123456789],"validReceivers":["+4917612345678"],"tag":null}"#;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The working configuration with the API root under `/{prefix}/1.0` of the mock.
fn config(server: &ServerGuard, prefix: &str) -> RawConfig {
    let mut c = working_config("ovh", &server.url());
    c.insert(
        "api_url".into(),
        Value::Str(format!("{}/{prefix}", server.url())),
    );
    c
}

fn sms(server: &ServerGuard, prefix: &str) -> Sms {
    Sms::new(&config(server, prefix)).unwrap()
}

/// True when the request carries OVH's headers with a correct signature over `url` and its
/// body, and a timestamp on the server's clock (`skew` ahead of ours).
fn signed(request: &Request, url: &str, skew: i64) -> bool {
    let header = |name: &str| {
        request
            .header(name)
            .first()
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let body = request.utf8_lossy_body().unwrap_or_default().into_owned();
    let timestamp = header("x-ovh-timestamp");
    let Ok(ts) = timestamp.parse::<i64>() else {
        return false;
    };
    let expected = now() + skew;
    let hex: String =
        Sha1::digest(format!("{AS}+{CK}+{}+{url}+{body}+{timestamp}", request.method()).as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
    (expected - 3..=expected + 1).contains(&ts)
        && header("x-ovh-application") == AK
        && header("x-ovh-consumer") == CK
        && header("x-ovh-signature") == format!("$1${hex}")
        && header("content-type") == "application/json; charset=utf-8"
}

fn expect_time(server: &mut ServerGuard, prefix: &str, skew: i64, hits: usize) -> Mock {
    server
        .mock("GET", format!("/{prefix}/1.0/auth/time").as_str())
        .match_header("user-agent", user_agent())
        .match_header("x-ovh-signature", Matcher::Missing)
        .with_status(200)
        .with_header("content-type", "application/json; charset=utf-8")
        .with_body((now() + skew).to_string())
        .expect(hits)
        .create()
}

fn expect_accounts(
    server: &mut ServerGuard,
    prefix: &str,
    skew: i64,
    answer: (usize, &str),
    hits: usize,
) -> Mock {
    let url = format!("{}/{prefix}/1.0/sms", server.url());
    server
        .mock("GET", format!("/{prefix}/1.0/sms").as_str())
        .match_header("user-agent", user_agent())
        .match_request(move |r| signed(r, &url, skew) && r.body().is_ok_and(|b| b.is_empty()))
        .with_status(answer.0)
        .with_header("content-type", "application/json; charset=utf-8")
        .with_body(answer.1)
        .expect(hits)
        .create()
}

fn expect_job(
    server: &mut ServerGuard,
    prefix: &str,
    skew: i64,
    body: &str,
    answer: (usize, &str),
    hits: usize,
) -> Mock {
    let path = format!("/{prefix}/1.0/sms/{ACCOUNT}/jobs");
    let url = format!("{}{path}", server.url());
    server
        .mock("POST", path.as_str())
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Exact(body.to_owned()))
        .match_request(move |r| signed(r, &url, skew))
        .with_status(answer.0)
        .with_header("content-type", "application/json; charset=utf-8")
        .with_body(answer.1)
        .expect(hits)
        .create()
}

#[test]
fn sends_three_signed_requests_then_only_the_job_while_nothing_failed() {
    let mut server = mockito::Server::new();
    let p = "cached";
    // The server's clock is 1000 s ahead: every timestamp must be on its clock.
    let skew = 1000;
    let time = expect_time(&mut server, p, skew, 1);
    let list = r#"["sms-other-1","sms-ab12345-1"]"#;
    let accounts = expect_accounts(&mut server, p, skew, (200, list), 1);
    let job = expect_job(&mut server, p, skew, JOB, (200, ACCEPTED), 2);
    sms(&server, p).send(NUMBER, MESSAGE).unwrap();
    // A new Sms in the same process: clock and account are known, one request.
    sms(&server, p).send(NUMBER, MESSAGE).unwrap();
    time.assert();
    accounts.assert();
    job.assert();
}

#[test]
fn after_a_failed_send_the_clock_and_account_are_checked_again() {
    let mut server = mockito::Server::new();
    let p = "recheck";
    let list = r#"["sms-ab12345-1"]"#;
    let first = [
        expect_time(&mut server, p, 0, 1),
        expect_accounts(&mut server, p, 0, (200, list), 1),
        expect_job(&mut server, p, 0, JOB, (200, ACCEPTED), 1),
    ];
    sms(&server, p).send(NUMBER, MESSAGE).unwrap();
    for m in &first {
        m.assert();
        m.remove();
    }

    // The clock moved: OVH refuses the signature of the cached-clock request.
    let refused = [
        expect_time(&mut server, p, 0, 0),
        expect_accounts(&mut server, p, 0, (200, list), 0),
        expect_job(
            &mut server,
            p,
            0,
            JOB,
            (
                400,
                r#"{"errorCode":"INVALID_SIGNATURE","httpCode":"400 Bad Request","message":"Invalid signature"}"#,
            ),
            1,
        ),
    ];
    let e = sms(&server, p).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        e.message(),
        "OVH: HTTP 400: Invalid signature (INVALID_SIGNATURE)"
    );
    for m in &refused {
        m.assert();
        m.remove();
    }

    let again = [
        expect_time(&mut server, p, 120, 1),
        expect_accounts(&mut server, p, 120, (200, list), 1),
        expect_job(&mut server, p, 120, JOB, (200, ACCEPTED), 1),
    ];
    sms(&server, p).send(NUMBER, MESSAGE).unwrap();
    for m in &again {
        m.assert();
    }
}

#[test]
fn the_job_body_is_byte_for_byte_what_php_json_encode_makes() {
    let mut server = mockito::Server::new();
    let p = "encoding";
    let message = "Ihr Code 123456 – gültig 5 min/😀 <ok> & \"gut\"";
    // php -r 'echo json_encode([... "message" => $message ...]);'
    let body = r#"{"charset":"UTF-8","message":"Ihr Code 123456 \u2013 g\u00fcltig 5 min\/\ud83d\ude00 <ok> & \"gut\"","noStopClause":true,"priority":"high","receivers":["+4917612345678"],"senderForResponse":false,"sender":"Nextcloud","validityPeriod":3600}"#;
    let _time = expect_time(&mut server, p, 0, 1);
    let _accounts = expect_accounts(&mut server, p, 0, (200, r#"["sms-ab12345-1"]"#), 1);
    let job = expect_job(&mut server, p, 0, body, (200, ACCEPTED), 1);
    sms(&server, p).send(NUMBER, message).unwrap();
    job.assert();
}

#[test]
fn an_account_the_keys_cannot_use_is_a_configuration_error() {
    let mut server = mockito::Server::new();
    let p = "account";
    let _time = expect_time(&mut server, p, 0, 1);
    let accounts = expect_accounts(&mut server, p, 0, (200, r#"["sms-zz99999-1"]"#), 1);
    let job = expect_job(&mut server, p, 0, JOB, (200, ACCEPTED), 0);
    let e = sms(&server, p).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Configuration);
    assert_eq!(
        e.message(),
        "OVH: SMS account 'sms-ab12345-1' not found; the keys give access to: sms-zz99999-1"
    );
    accounts.assert();
    job.assert();
}

#[test]
fn no_valid_receiver_is_a_rejection_naming_the_invalid_ones() {
    let mut server = mockito::Server::new();
    let p = "receivers";
    let _time = expect_time(&mut server, p, 0, 1);
    let _accounts = expect_accounts(&mut server, p, 0, (200, r#"["sms-ab12345-1"]"#), 1);
    let job = expect_job(
        &mut server,
        p,
        0,
        JOB,
        (
            200,
            r#"{"totalCreditsRemoved":0,"invalidReceivers":["+4917612345678"],"ids":[],"validReceivers":[],"tag":null}"#,
        ),
        1,
    );
    let e = sms(&server, p).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(e.message(), "OVH: invalid receivers: +4917612345678");
    job.assert();
}

#[test]
fn ovh_error_answers_map_to_kinds_in_ovhs_words() {
    let cases: [(&str, usize, &str, ErrorKind, &str); 5] = [
        (
            "accounts",
            403,
            r#"{"errorCode":"INVALID_CREDENTIAL","httpCode":"403 Forbidden","message":"This credential is not valid"}"#,
            ErrorKind::Unauthorized,
            "OVH: HTTP 403: This credential is not valid (INVALID_CREDENTIAL)",
        ),
        (
            "job",
            403,
            r#"{"errorCode":"NOT_GRANTED_CALL","httpCode":"403 Forbidden","message":"This call has not been granted"}"#,
            ErrorKind::Unauthorized,
            "OVH: HTTP 403: This call has not been granted (NOT_GRANTED_CALL)",
        ),
        (
            "job",
            400,
            r#"{"class":"Client::BadRequest","message":"Sender 'Nextcloud' does not exist for sekret-ovh-consumer and '123456 is your Nextcloud authentication code'"}"#,
            ErrorKind::Rejected,
            "OVH: HTTP 400: Sender 'Nextcloud' does not exist for *** and '***'",
        ),
        (
            "job",
            404,
            r#"{"errorCode":"","httpCode":"404 Not Found","message":"The requested object (serviceName = sms-ab12345-1) does not exist"}"#,
            ErrorKind::UnexpectedResponse,
            "OVH: HTTP 404: The requested object (serviceName = sms-ab12345-1) does not exist",
        ),
        (
            "job",
            503,
            r#"{"message":"Service is temporarily unavailable"}"#,
            ErrorKind::ServerError,
            "OVH: HTTP 503: Service is temporarily unavailable",
        ),
    ];
    let mut server = mockito::Server::new();
    for (i, (step, status, body, kind, message)) in cases.into_iter().enumerate() {
        let p = format!("errors-{i}");
        let list = r#"["sms-ab12345-1"]"#;
        let mocks = if step == "accounts" {
            vec![
                expect_time(&mut server, &p, 0, 1),
                expect_accounts(&mut server, &p, 0, (status, body), 1),
            ]
        } else {
            vec![
                expect_time(&mut server, &p, 0, 1),
                expect_accounts(&mut server, &p, 0, (200, list), 1),
                expect_job(&mut server, &p, 0, JOB, (status, body), 1),
            ]
        };
        let e = sms(&server, &p).send(NUMBER, MESSAGE).unwrap_err();
        assert_eq!(e.kind(), kind, "{}", e.message());
        assert_eq!(e.message(), message);
        assert_clean(&e, &secrets(&config(&server, &p)));
        for m in mocks {
            m.assert();
        }
    }
}

#[test]
fn answers_of_another_shape_are_unexpected() {
    let mut server = mockito::Server::new();
    let p = "shape";
    let time = server
        .mock("GET", "/shape/1.0/auth/time")
        .with_body(r#"{"time":"soon"}"#)
        .expect(1)
        .create();
    let e = sms(&server, p).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(
        e.message(),
        "OVH: the answer of /auth/time is not a Unix time"
    );
    time.assert();
    time.remove();

    let _time = expect_time(&mut server, p, 0, 1);
    let _accounts = expect_accounts(&mut server, p, 0, (200, r#"{"sms":[]}"#), 1);
    let e = sms(&server, p).send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(
        e.message(),
        "OVH: the answer of /sms is not a list of SMS accounts"
    );
}
