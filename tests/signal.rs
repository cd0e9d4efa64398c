//! The Signal channel against mock servers on 127.0.0.1 that check the exact request and
//! answer like the real services (signal-cli JSON-RPC, signal-cli-rest-api, signal-web-gateway).
//!
//! Each test uses its own base path: mockito reuses servers between tests, and the detected
//! server kind is remembered per base URL for the whole process.

use std::io::Read;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::json;
use twofactor_gateway::config::raw;
use twofactor_gateway::signal::{ServerKind, Signal};
use twofactor_gateway::ErrorKind;

const NUMBER: &str = "+4917612345678";
const ACCOUNT: &str = "+4915112345678";
const MESSAGE: &str = "123456 is your Nextcloud authentication code";

fn signal(server: &ServerGuard, base: &str, account: Option<&str>) -> Signal {
    let url = format!("{}/{base}", server.url());
    let mut config = raw([("url", url.as_str()), ("timeout", "2")]);
    if let Some(a) = account {
        config.insert("account".into(), a.into());
    }
    Signal::new(&config).unwrap()
}

fn json_post(server: &mut ServerGuard, path: &str) -> Mock {
    server
        .mock("POST", path)
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header(
            "user-agent",
            Matcher::Regex(r"^Nextcloud-TwoFactorGateway/\d+\.\d+\.\d+ ".into()),
        )
}

/// The JSON-RPC `version` probe, answered by signal-cli.
fn rpc_version(server: &mut ServerGuard, base: &str, hits: usize) -> Mock {
    json_post(server, &format!("/{base}/api/v1/rpc"))
        .match_body(Matcher::Json(
            json!({"jsonrpc":"2.0","method":"version","id":"version"}),
        ))
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(r#"{"jsonrpc":"2.0","result":{"version":"0.13.9"},"id":"version"}"#)
        .expect(hits)
        .create()
}

/// What a REST API or legacy gateway answers to the JSON-RPC probe.
fn rpc_absent(server: &mut ServerGuard, base: &str) -> Mock {
    server
        .mock("POST", format!("/{base}/api/v1/rpc").as_str())
        .with_status(404)
        .with_body("404 page not found")
        .expect(1)
        .create()
}

fn about(server: &mut ServerGuard, base: &str, versions: &[&str]) -> Mock {
    server
        .mock("GET", format!("/{base}/v1/about").as_str())
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(
            json!({"versions": versions, "build": 2, "mode": "json-rpc", "version": "0.92"})
                .to_string(),
        )
        .expect(1)
        .create()
}

#[test]
fn json_rpc_detects_once_then_one_request_per_send() {
    let mut server = Server::new();
    let probe = rpc_version(&mut server, "rpc", 1);
    let send = json_post(&mut server, "/rpc/api/v1/rpc")
        .match_body(Matcher::AllOf(vec![
            Matcher::PartialJson(json!({
                "jsonrpc": "2.0",
                "method": "send",
                "params": {"message": MESSAGE, "recipient": NUMBER, "account": ACCOUNT}
            })),
            Matcher::Regex(r#""id":"tfg-\d+""#.into()),
        ]))
        .with_status(200)
        .with_body(
            json!({
                "jsonrpc": "2.0",
                "result": {"timestamp": 1_763_900_000_000u64, "results": [
                    {"recipientAddress": {"number": NUMBER}, "type": "SUCCESS"}
                ]},
                "id": "tfg-1"
            })
            .to_string(),
        )
        .expect(3)
        .create();
    let s = signal(&server, "rpc", Some(ACCOUNT));
    assert_eq!(s.detected_kind(), None);
    for _ in 0..3 {
        s.send(" +49 176 12345678", MESSAGE).unwrap();
    }
    assert_eq!(s.detected_kind(), Some(ServerKind::JsonRpc));
    probe.assert();
    send.assert();
}

#[test]
fn json_rpc_sends_group_ids_as_group_id_and_no_account_when_unset() {
    let mut server = Server::new();
    let group = "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI=";
    rpc_version(&mut server, "rpcgroup", 1);
    let send = json_post(&mut server, "/rpcgroup/api/v1/rpc")
        .match_body(Matcher::AllOf(vec![
            Matcher::PartialJson(json!({"params": {"message": MESSAGE, "group-id": group}})),
            // Exactly these keys: no "recipient", no "account".
            Matcher::Regex(
                r#"^\{"jsonrpc":"2.0","method":"send","id":"tfg-\d+","params":\{"message":"[^"]*","group-id":"[^"]*"\}\}$"#.into(),
            ),
        ]))
        .with_body(r#"{"jsonrpc":"2.0","result":{"timestamp":1763900000000,"results":[]},"id":"tfg-2"}"#)
        .create();
    // The existing app's "no account" literal means no account at all.
    signal(&server, "rpcgroup", Some("unneccessary"))
        .send(group, MESSAGE)
        .unwrap();
    send.assert();
}

#[test]
fn json_rpc_errors_are_rejections_in_the_services_words() {
    let mut server = Server::new();
    rpc_version(&mut server, "rpcerr", 1);
    json_post(&mut server, "/rpcerr/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body(json!({
            "jsonrpc": "2.0",
            "error": {"code": -1, "message": format!("Failed to send message: {MESSAGE} rate limit"), "data": null},
            "id": "tfg-3"
        }).to_string())
        .expect(1)
        .create();
    let e = signal(&server, "rpcerr", None)
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert_eq!(
        e.message(),
        "Signal: Failed to send message: *** rate limit"
    );
    assert!(!e.message().contains("123456"));
}

#[test]
fn json_rpc_unregistered_recipient_is_rejected() {
    let mut server = Server::new();
    rpc_version(&mut server, "rpcunreg", 1);
    json_post(&mut server, "/rpcunreg/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body(
            json!({"jsonrpc":"2.0","result":{"timestamp":1,"results":[
            {"recipientAddress":{"number":NUMBER},"type":"UNREGISTERED_FAILURE"}]},"id":"x"})
            .to_string(),
        )
        .create();
    let e = signal(&server, "rpcunreg", None)
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rejected);
    assert!(
        e.message().contains("UNREGISTERED_FAILURE"),
        "{}",
        e.message()
    );
}

#[test]
fn json_rpc_answer_without_timestamp_is_unexpected_and_triggers_new_detection() {
    let mut server = Server::new();
    let probe = rpc_version(&mut server, "rpcnots", 2);
    json_post(&mut server, "/rpcnots/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body(r#"{"jsonrpc":"2.0","result":{},"id":"x"}"#)
        .expect(2)
        .create();
    let s = signal(&server, "rpcnots", None);
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(e.message(), "Signal: the answer has no timestamp");
    assert_eq!(s.detected_kind(), None);
    s.send(NUMBER, MESSAGE).unwrap_err();
    probe.assert();
}

#[test]
fn rest_v2_sends_recipients_array_and_number() {
    let mut server = Server::new();
    let probe = rpc_absent(&mut server, "v2");
    let about = about(&mut server, "v2", &["v1", "v2"]);
    let send = json_post(&mut server, "/v2/v2/send")
        .match_body(Matcher::Json(
            json!({"message": MESSAGE, "number": ACCOUNT, "recipients": [NUMBER]}),
        ))
        .with_status(201)
        .with_header("content-type", "application/json")
        .with_body(r#"{"timestamp":"1763900000000"}"#)
        .expect(2)
        .create();
    let s = signal(&server, "v2", Some(ACCOUNT));
    s.send(NUMBER, MESSAGE).unwrap();
    s.send(NUMBER, MESSAGE).unwrap();
    assert_eq!(s.detected_kind(), Some(ServerKind::RestV2));
    probe.assert();
    about.assert();
    send.assert();
}

#[test]
fn rest_v2_error_answers() {
    let mut server = Server::new();
    rpc_absent(&mut server, "v2err");
    about(&mut server, "v2err", &["v1", "v2"]);
    let s = signal(&server, "v2err", None);
    let mut answer = |status: usize, body: &str| {
        let m = server
            .mock("POST", "/v2err/v2/send")
            .match_body(Matcher::Json(
                json!({"message": MESSAGE, "recipients": [NUMBER]}),
            ))
            .with_status(status)
            .with_body(body)
            .create();
        let e = s.send(NUMBER, MESSAGE).unwrap_err();
        m.remove();
        e
    };
    let e = answer(400, r#"{"error":"Invalid phone number"}"#);
    assert_eq!(
        (e.kind(), e.message()),
        (
            ErrorKind::Rejected,
            "Signal: HTTP 400: Invalid phone number"
        )
    );
    let e = answer(401, "{}");
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    let e = answer(500, r#"{"error":"signal-cli failed"}"#);
    assert_eq!(
        (e.kind(), e.message()),
        (
            ErrorKind::ServerError,
            "Signal: HTTP 500: signal-cli failed"
        )
    );
    let e = answer(200, r#"{"timestamp":"1"}"#);
    assert_eq!(
        (e.kind(), e.message()),
        (
            ErrorKind::UnexpectedResponse,
            "Signal: HTTP 200 instead of 201"
        )
    );
}

#[test]
fn rest_v1_posts_to_the_recipient_path() {
    let mut server = Server::new();
    rpc_absent(&mut server, "v1");
    about(&mut server, "v1", &["v1"]);
    let send = json_post(&mut server, "/v1/v1/send/+4917612345678")
        .match_body(Matcher::Json(json!({"message": MESSAGE})))
        .with_status(201)
        .with_body(r#"{"timestamp":1763900000000}"#)
        .create();
    let s = signal(&server, "v1", None);
    s.send(NUMBER, MESSAGE).unwrap();
    assert_eq!(s.detected_kind(), Some(ServerKind::RestV1));
    send.assert();
}

#[test]
fn legacy_gateway_needs_success_true() {
    let mut server = Server::new();
    rpc_absent(&mut server, "legacy");
    let about = server
        .mock("GET", "/legacy/v1/about")
        .with_status(404)
        .expect(1)
        .create();
    let ok = json_post(&mut server, "/legacy/v1/send/+4917612345678")
        .match_body(Matcher::Json(json!({"message": MESSAGE})))
        .with_status(200)
        .with_body(r#"{"success":true}"#)
        .expect(1)
        .create();
    let s = signal(&server, "legacy", None);
    s.send(NUMBER, MESSAGE).unwrap();
    assert_eq!(s.detected_kind(), Some(ServerKind::Legacy));
    ok.assert();
    about.assert();
    ok.remove();
    server
        .mock("POST", "/legacy/v1/send/+4917612345678")
        .with_status(200)
        .with_body(r#"{"success":false,"error":"Unregistered user"}"#)
        .create();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(
        (e.kind(), e.message()),
        (ErrorKind::Rejected, "Signal: Unregistered user")
    );
}

#[test]
fn rate_limits_carry_retry_after() {
    let mut server = Server::new();
    rpc_absent(&mut server, "ratelimit");
    about(&mut server, "ratelimit", &["v2"]);
    server
        .mock("POST", "/ratelimit/v2/send")
        .with_status(429)
        .with_header("retry-after", "17")
        .with_body(r#"{"error":"Too many requests"}"#)
        .create();
    let e = signal(&server, "ratelimit", None)
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::RateLimited {
            retry_after: Some(17)
        }
    );
    assert_eq!(e.retry_after(), Some(17));
    assert_eq!(
        e.message(),
        "Signal: HTTP 429: Too many requests (retry after 17 s)"
    );
}

#[test]
fn garbage_and_oversized_answers_are_unexpected() {
    let mut server = Server::new();
    rpc_version(&mut server, "garbage", 1);
    let m = json_post(&mut server, "/garbage/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body("<html>proxy error</html>")
        .create();
    let s = signal(&server, "garbage", None);
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(
        (e.kind(), e.message()),
        (
            ErrorKind::UnexpectedResponse,
            "Signal: the answer (HTTP 200) is not JSON"
        )
    );
    m.remove();

    rpc_version(&mut server, "garbage", 1);
    json_post(&mut server, "/garbage/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body(vec![b'x'; 10 * 1024 * 1024])
        .create();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert!(
        e.message().ends_with("is larger than 1024 KiB"),
        "{}",
        e.message()
    );
}

#[test]
fn refused_connection_is_a_network_error_naming_only_the_origin() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/secret-path");
    let s = Signal::new(&raw([("url", url.as_str())])).unwrap();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Network);
    assert_eq!(
        e.message(),
        format!(
            "Signal: cannot connect to http://127.0.0.1:{port}: Connection refused (os error 111)"
        )
    );
}

#[test]
fn a_server_that_never_answers_fails_within_the_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts, reads, never answers; lets go after a bounded time.
    let holder = std::thread::spawn(move || {
        listener.set_nonblocking(false).unwrap();
        let (mut conn, _) = listener.accept().unwrap();
        conn.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut buf = [0u8; 4096];
        let until = Instant::now() + Duration::from_millis(2500);
        while Instant::now() < until {
            let _ = conn.read(&mut buf);
        }
    });
    let url = format!("http://127.0.0.1:{port}");
    let s = Signal::new(&raw([("url", url.as_str()), ("timeout", "1")])).unwrap();
    let started = Instant::now();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(
        e.message(),
        format!("Signal: http://127.0.0.1:{port} did not answer within 1 s")
    );
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(2500),
        "{took:?}"
    );
    holder.join().unwrap();
}

#[test]
fn a_changed_server_is_detected_again_after_a_failure() {
    let mut server = Server::new();
    let probe = rpc_version(&mut server, "changed", 1);
    let first = json_post(&mut server, "/changed/api/v1/rpc")
        .match_body(Matcher::PartialJson(json!({"method": "send"})))
        .with_status(200)
        .with_body(r#"{"jsonrpc":"2.0","result":{"timestamp":1},"id":"x"}"#)
        .create();
    let s = signal(&server, "changed", None);
    s.send(NUMBER, MESSAGE).unwrap();
    probe.assert();
    first.remove();
    probe.remove();
    // The admin replaced signal-cli by signal-cli-rest-api behind the same URL.
    let gone = server
        .mock("POST", "/changed/api/v1/rpc")
        .with_status(404)
        .expect(2)
        .create();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(s.detected_kind(), None);
    about(&mut server, "changed", &["v1", "v2"]);
    let send = server
        .mock("POST", "/changed/v2/send")
        .with_status(201)
        .with_body(r#"{"timestamp":"2"}"#)
        .create();
    s.send(NUMBER, MESSAGE).unwrap();
    assert_eq!(s.detected_kind(), Some(ServerKind::RestV2));
    gone.assert();
    send.assert();
}

#[test]
fn detection_and_send_share_one_timeout() {
    use std::io::Write;
    // A REST API that takes 0.7 s for each answer: the JSON-RPC probe (404), /v1/about, the
    // send. Each fits the 1 s timeout, together they do not.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        for _ in 0..2 {
            let Ok((mut conn, _)) = listener.accept() else {
                return;
            };
            conn.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
            let mut buf = [0u8; 8192];
            let n = conn.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            std::thread::sleep(Duration::from_millis(700));
            let (status, body) = if head.starts_with("GET /v1/about") {
                ("200 OK", r#"{"versions":["v1","v2"]}"#)
            } else {
                ("404 Not Found", "404 page not found")
            };
            let _ = write!(
                conn,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let url = format!("http://127.0.0.1:{port}/budget");
    let s = Signal::new(&raw([("url", url.as_str()), ("timeout", "1")])).unwrap();
    let started = Instant::now();
    let e = s.send(NUMBER, MESSAGE).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{}", e.message());
    assert!(took < Duration::from_millis(1300), "{took:?}");
    server.join().unwrap();
}
