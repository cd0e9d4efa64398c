//! Rules every SMS provider passes, run over `sms::PROVIDERS` so a new provider is covered
//! the moment it is registered.

use std::io::Read;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use mockito::{Matcher, Server};
use twofactor_gateway::config::Value;
use twofactor_gateway::sms::{Sms, PROVIDERS};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, working_config, MESSAGE, NUMBER};

/// The providers under test: all, or those listed in `TFG_SMS_PROVIDERS` (comma-separated),
/// handy while working on one.
fn ids() -> impl Iterator<Item = &'static str> {
    let only = std::env::var("TFG_SMS_PROVIDERS").ok();
    PROVIDERS.iter().map(|p| p.spec.id).filter(move |id| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|x| x == *id))
    })
}

#[test]
fn every_provider_accepts_its_working_configuration() {
    for id in ids() {
        let c = working_config(id, "http://127.0.0.1:9");
        if let Err(e) = Sms::new(&c) {
            panic!("{id}: {}", e.message());
        }
    }
}

#[test]
fn a_missing_required_field_is_a_configuration_error_naming_it() {
    for p in PROVIDERS.iter().filter(|p| ids().any(|id| id == p.spec.id)) {
        let required = p
            .spec
            .all_fields()
            .filter(|f| !f.optional && f.default.is_none());
        for field in required {
            let mut c = working_config(p.spec.id, "http://127.0.0.1:9");
            c.remove(field.key);
            let e = Sms::new(&c).expect_err(field.key);
            assert_eq!(e.kind(), ErrorKind::Configuration, "{}", p.spec.id);
            assert!(
                e.message()
                    .contains(&format!("'{}' is required", field.key)),
                "{}: {}",
                p.spec.id,
                e.message()
            );
            // Blank counts as missing.
            c.insert(field.key.into(), Value::Str("  ".into()));
            assert_eq!(Sms::new(&c).unwrap_err().kind(), ErrorKind::Configuration);
        }
    }
}

#[test]
fn unknown_keys_are_named_and_values_never_echoed() {
    for id in ids() {
        let mut c = working_config(id, "http://127.0.0.1:9");
        c.insert("pasword".into(), Value::Str("sekret-typo-value".into()));
        let e = Sms::new(&c).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Configuration);
        assert!(
            e.message().contains("'pasword' is not a"),
            "{}",
            e.message()
        );
        assert!(!e.message().contains("sekret"), "{}", e.message());
    }
}

/// Every request answered with `status` and a body that repeats every secret and the message
/// (services do echo what they were sent).
fn answered_with(status: usize, retry_after: Option<&str>, body_of: fn(&str) -> String) {
    let mut server = Server::new();
    for id in ids() {
        let c = working_config(id, &server.url());
        let secrets = secrets(&c);
        let body = body_of(&format!("{} {MESSAGE}", secrets.join(" ")));
        let mocks: Vec<_> = ["GET", "POST", "PUT"]
            .into_iter()
            .map(|method| {
                let mut mock = server
                    .mock(method, Matcher::Any)
                    .with_status(status)
                    .with_body(&body);
                if let Some(after) = retry_after {
                    mock = mock.with_header("retry-after", after);
                }
                mock.create()
            })
            .collect();
        let e = Sms::new(&c).unwrap().send(NUMBER, MESSAGE).expect_err(id);
        let expected = match status {
            401 | 403 => ErrorKind::Unauthorized,
            429 => ErrorKind::RateLimited {
                retry_after: retry_after.map(|a| a.parse().unwrap()),
            },
            500..=599 => ErrorKind::ServerError,
            400 => ErrorKind::Rejected,
            _ => ErrorKind::UnexpectedResponse,
        };
        assert_eq!(e.kind(), expected, "{id} on HTTP {status}: {}", e.message());
        assert!(e.kind().is_transmission(), "{id}");
        assert_clean(&e, &secrets);
        for mock in mocks {
            mock.remove();
        }
    }
}

#[test]
fn http_401_and_403_are_unauthorized() {
    answered_with(401, None, |echo| format!("Unauthorized: {echo}"));
    answered_with(403, None, |echo| {
        format!(r#"{{"error":"Forbidden {echo}"}}"#)
    });
}

#[test]
fn http_429_is_rate_limited_with_retry_after_when_given() {
    answered_with(429, Some("7"), |echo| format!("Too many requests {echo}"));
    answered_with(429, None, |_| String::new());
}

#[test]
fn http_5xx_is_a_server_error() {
    answered_with(500, None, |echo| {
        format!("<h1>Internal Server Error</h1>{echo}")
    });
    answered_with(503, None, |_| "Service Unavailable".into());
}

#[test]
fn http_400_is_a_rejection_and_404_an_unexpected_answer() {
    answered_with(400, None, |echo| {
        format!(r#"{{"message":"bad request: {echo}"}}"#)
    });
    // The message echoed re-encoded or cut short: the code alone must not show either.
    answered_with(400, None, |_| {
        r#"{"message":"text 123456+is+your+Nextcl... refused","error":"text 123456%20is"}"#.into()
    });
    answered_with(404, None, |_| "Not Found".into());
}

#[test]
fn garbage_is_an_unexpected_answer() {
    answered_with(200, None, |_| "\u{1}garbage <<< not an answer >>>".into());
}

#[test]
fn a_server_that_never_answers_fails_within_the_timeout() {
    let workers: Vec<_> = ids()
        .map(|id| {
            std::thread::spawn(move || {
                let listener = TcpListener::bind("127.0.0.1:0").unwrap();
                let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
                // Accepts, reads, never answers; lets go after a bounded time.
                let holder = std::thread::spawn(move || {
                    let (mut conn, _) = listener.accept().unwrap();
                    conn.set_read_timeout(Some(Duration::from_millis(200)))
                        .unwrap();
                    let mut buf = [0u8; 4096];
                    let until = Instant::now() + Duration::from_millis(2500);
                    while Instant::now() < until {
                        let _ = conn.read(&mut buf);
                    }
                });
                let mut c = working_config(id, &base);
                c.insert("timeout".into(), "1".into());
                let secrets = secrets(&c);
                let started = Instant::now();
                let e = Sms::new(&c).unwrap().send(NUMBER, MESSAGE).expect_err(id);
                let took = started.elapsed();
                assert_eq!(e.kind(), ErrorKind::Timeout, "{id}: {}", e.message());
                assert!(took < Duration::from_millis(2000), "{id}: {took:?}");
                assert_clean(&e, &secrets);
                holder.join().unwrap();
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
}

#[test]
fn a_refused_connection_is_a_network_error() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    for id in ids() {
        let c = working_config(id, &format!("http://127.0.0.1:{port}"));
        let e = Sms::new(&c).unwrap().send(NUMBER, MESSAGE).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Network, "{id}");
        assert!(
            e.message().contains("Connection refused"),
            "{id}: {}",
            e.message()
        );
        assert_clean(&e, &secrets(&c));
    }
}

#[test]
fn bad_recipients_and_messages_fail_before_any_request() {
    for id in ids() {
        let s = Sms::new(&working_config(id, "http://127.0.0.1:9")).unwrap();
        for bad in ["", "hello", "017612345678"] {
            assert_eq!(
                s.send(bad, MESSAGE).unwrap_err().kind(),
                ErrorKind::InvalidIdentifier,
                "{id}: {bad}"
            );
        }
        assert_eq!(
            s.send(NUMBER, " ").unwrap_err().kind(),
            ErrorKind::InvalidMessage
        );
    }
}
