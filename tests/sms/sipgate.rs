//! sipgate: the exact request, 204 No Content as the only success, sipgate's error statuses.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::json;
use twofactor_gateway::ErrorKind;

use crate::common::{assert_clean, secrets, sms, user_agent, working_config, MESSAGE, NUMBER};

/// base64("token-AB12CD:sekret-sipgate-token")
const BASIC: &str = "Basic dG9rZW4tQUIxMkNEOnNla3JldC1zaXBnYXRlLXRva2Vu";

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/v2/sessions/sms")
        .match_header("authorization", BASIC)
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Json(json!({
            "smsId": "s0",
            "message": MESSAGE,
            "recipient": NUMBER,
            "sendAt": null,
        })))
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_204() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 204, "");
    sms("sipgate", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}

#[test]
fn sipgates_error_statuses_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("sipgate", &server.url());
    let cases = [
        (401, ErrorKind::Unauthorized, "Unauthorized"),
        (402, ErrorKind::Rejected, "Insufficient balance"),
        (403, ErrorKind::Unauthorized, "Forbidden"),
        (500, ErrorKind::ServerError, "Internal Server Error"),
    ];
    for (status, kind, words) in cases {
        let m = expect_send(
            &mut server,
            status,
            &json!({
                "status": status,
                "message": format!("{words} for sekret-sipgate-token: {MESSAGE}"),
            })
            .to_string(),
        );
        let e = sms("sipgate", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{status}");
        assert_eq!(
            e.message(),
            format!("SipGate: HTTP {status}: {words} for ***: ***")
        );
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_2xx_answer_with_a_body_is_not_sipgates_success() {
    let mut server = mockito::Server::new();
    let m = expect_send(&mut server, 200, "<html>captive portal</html>");
    let e = sms("sipgate", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedResponse);
    assert!(e.message().contains("204 No Content"), "{}", e.message());
    m.remove();
    // An empty 200 is accepted.
    let m = expect_send(&mut server, 200, "");
    sms("sipgate", &server.url()).send(NUMBER, MESSAGE).unwrap();
    m.assert();
}
