//! Huawei E3531 (HiLink): the token request, the exact send request and the modem's answers.

use mockito::{Matcher, Mock, ServerGuard};
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

const TOKENS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>\n<SesInfo>SessionID=Kx3hvQ9wPz0mC1bXn7yLr2sT5uVg8jHa</SesInfo>\n<TokInfo>Zq4rW8tY2uI6oP0aS3dF7gH1jK5lX9cV</TokInfo>\n</response>\n";
const OK: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>OK</response>\n";

fn expect_tokens(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("GET", "/api/webserver/SesTokInfo")
        .match_header("user-agent", user_agent())
        .with_status(status)
        .with_header("content-type", "text/html")
        .with_body(body)
        .expect(1)
        .create()
}

/// The send request of the existing app, with `content` as the escaped message.
fn expect_send(server: &mut ServerGuard, content: &str, body: &str) -> Mock {
    let xml = format!(
        "^<request><Index>-1</Index><Phones><Phone>\\+4917612345678</Phone></Phones><Sca/>\
         <Content>{}</Content><Length>-1</Length><Reserved>1</Reserved>\
         <Date>20[0-9]{{2}}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]</Date></request>$",
        regex_escape(content)
    );
    server
        .mock("POST", "/api/sms/send-sms")
        .match_header("user-agent", user_agent())
        .match_header("cookie", "SessionID=Kx3hvQ9wPz0mC1bXn7yLr2sT5uVg8jHa")
        .match_header(
            "__requestverificationtoken",
            "Zq4rW8tY2uI6oP0aS3dF7gH1jK5lX9cV",
        )
        .match_header("x-requested-with", "XMLHttpRequest")
        .match_header("content-type", "text/xml")
        .match_body(Matcher::Regex(xml))
        .with_status(200)
        .with_header("content-type", "text/html")
        .with_body(body)
        .expect(1)
        .create()
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\x{{{:x}}}", c as u32)
            }
        })
        .collect()
}

#[test]
fn fetches_the_tokens_then_sends_and_accepts_ok() {
    let mut server = mockito::Server::new();
    let tokens = expect_tokens(&mut server, 200, TOKENS);
    let send = expect_send(&mut server, MESSAGE, OK);
    sms("huawei_e3531", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    tokens.assert();
    send.assert();
}

#[test]
fn the_message_is_xml_escaped() {
    let mut server = mockito::Server::new();
    let _tokens = expect_tokens(&mut server, 200, TOKENS);
    let send = expect_send(
        &mut server,
        "Code 123456 &lt;b&gt; &amp; &quot;x&quot; &apos;y&apos; – ü",
        OK,
    );
    sms("huawei_e3531", &server.url())
        .send(NUMBER, "Code 123456 <b> & \"x\" 'y' – ü")
        .unwrap();
    send.assert();
}

#[test]
fn modem_error_codes_map_to_kinds() {
    let cases = [
        (125003, ErrorKind::Unauthorized, "wrong session or token"),
        (125002, ErrorKind::Unauthorized, "invalid session"),
        (
            113004,
            ErrorKind::RateLimited { retry_after: None },
            "too many messages in a row",
        ),
        (113018, ErrorKind::ServerError, "timed out"),
        (111019, ErrorKind::ServerError, "network did not answer"),
        (101001, ErrorKind::ServerError, "no SIM card"),
        (113054, ErrorKind::Rejected, "number is too long"),
        (100002, ErrorKind::UnexpectedResponse, "check the API URL"),
        (199999, ErrorKind::ServerError, "undocumented"),
    ];
    let mut server = mockito::Server::new();
    let config = working_config("huawei_e3531", &server.url());
    for (code, kind, words) in cases {
        let tokens = expect_tokens(&mut server, 200, TOKENS);
        let send = expect_send(
            &mut server,
            MESSAGE,
            &format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>\n<code>{code}</code>\n<message></message>\n</error>\n"
            ),
        );
        let e = sms("huawei_e3531", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{code}");
        assert!(
            e.message()
                .starts_with(&format!("Huawei E3531: modem error {code} (")),
            "{}",
            e.message()
        );
        assert!(e.message().contains(words), "{}", e.message());
        assert_clean(&e, &secrets(&config));
        tokens.assert();
        send.assert();
        tokens.remove();
        send.remove();
    }
}

#[test]
fn a_modem_that_wants_a_login_refuses_the_tokens() {
    let mut server = mockito::Server::new();
    let tokens = expect_tokens(
        &mut server,
        200,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>\n<code>100003</code>\n<message>123456 is your Nextcloud authentication code</message>\n</error>\n",
    );
    let e = sms("huawei_e3531", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        e.message(),
        "Huawei E3531: modem error 100003 (no rights: the modem's web interface requires a login): ***"
    );
    tokens.assert();
}

#[test]
fn answers_without_tokens_or_ok_are_unexpected() {
    let mut server = mockito::Server::new();
    let tokens = expect_tokens(
        &mut server,
        200,
        "<response><SesInfo></SesInfo><TokInfo>abc</TokInfo></response>",
    );
    let e = sms("huawei_e3531", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(
        e.message(),
        "Huawei E3531: the answer of webserver/SesTokInfo holds no SesInfo and TokInfo"
    );
    tokens.assert();
    tokens.remove();

    let _tokens = expect_tokens(&mut server, 200, TOKENS);
    let send = expect_send(&mut server, MESSAGE, "<response>queued</response>");
    let e = sms("huawei_e3531", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(
        e.message(),
        "Huawei E3531: the modem did not answer <response>OK</response>"
    );
    send.assert();
}

/// A modem that answers every request correctly, each after `delay`, at most `requests` times.
fn slow_modem(
    delay: std::time::Duration,
    requests: usize,
) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let handle = std::thread::spawn(move || {
        for _ in 0..requests {
            let Ok((mut conn, _)) = listener.accept() else {
                return;
            };
            conn.set_read_timeout(Some(std::time::Duration::from_secs(2)))
                .unwrap();
            let mut buf = [0u8; 8192];
            let n = conn.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            std::thread::sleep(delay);
            let body = if head.starts_with("GET /api/webserver/SesTokInfo") {
                TOKENS
            } else {
                OK
            };
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, handle)
}

#[test]
fn the_timeout_bounds_the_whole_send_not_each_request() {
    // Two requests of 0.7 s each: each within the 1 s timeout, together not.
    let (base, modem) = slow_modem(std::time::Duration::from_millis(700), 2);
    let mut config = working_config("huawei_e3531", &base);
    config.insert("timeout".into(), "1".into());
    let started = std::time::Instant::now();
    let e = twofactor_gateway::sms::Sms::new(&config)
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{}", e.message());
    assert!(took < std::time::Duration::from_millis(1300), "{took:?}");
    drop(modem);

    // With time for both, the same modem is fine.
    let (base, modem) = slow_modem(std::time::Duration::from_millis(700), 2);
    let mut config = working_config("huawei_e3531", &base);
    config.insert("timeout".into(), "3".into());
    twofactor_gateway::sms::Sms::new(&config)
        .unwrap()
        .send(NUMBER, MESSAGE)
        .unwrap();
    modem.join().unwrap();
}
