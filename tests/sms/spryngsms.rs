//! Spryng: the exact request, the created message as success, Spryng's error answers.

use mockito::{Matcher, Mock, ServerGuard};
use serde_json::json;
use twofactor_gateway::ErrorKind;

use crate::common::{
    assert_clean, secrets, sms, user_agent, working_config, DIGITS, MESSAGE, NUMBER,
};

fn expect_send(server: &mut ServerGuard, status: usize, body: &str) -> Mock {
    server
        .mock("POST", "/v1/messages")
        .match_query(Matcher::UrlEncoded("with[]".into(), "recipients".into()))
        .match_header("authorization", "Bearer sekret-spryng-token")
        .match_header("accept", "application/json")
        .match_header("content-type", "application/json")
        .match_header("user-agent", user_agent())
        .match_body(Matcher::Json(json!({
            "body": MESSAGE,
            "encoding": "plain",
            "originator": "Nextcloud",
            "recipients": [DIGITS],
            "route": "1",
        })))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn sends_the_documented_request_and_accepts_the_created_message() {
    let mut server = mockito::Server::new();
    let m = expect_send(
        &mut server,
        200,
        &json!({
            "id": "9dbc5ffb-7524-4fae-9514-51decd94a44f",
            "encoding": "plain",
            "originator": "Nextcloud",
            "body": MESSAGE,
            "reference": null,
            "credits": 1,
            "scheduled_at": "2024-05-02T10:00:00.000000Z",
            "canceled_at": null,
            "created_at": "2024-05-02T10:00:00.000000Z",
            "updated_at": "2024-05-02T10:00:00.000000Z",
            "links": {"self": "/messages/9dbc5ffb-7524-4fae-9514-51decd94a44f"},
            "recipients": [{"number": DIGITS}],
        })
        .to_string(),
    );
    sms("spryngsms", &server.url())
        .send(NUMBER, MESSAGE)
        .unwrap();
    m.assert();
}

#[test]
fn spryngs_error_answers_map_to_kinds() {
    let mut server = mockito::Server::new();
    let config = working_config("spryngsms", &server.url());
    let cases = [
        (
            401,
            json!({"message": "Unauthenticated."}),
            ErrorKind::Unauthorized,
            "Spryng: HTTP 401: Unauthenticated.",
        ),
        (
            422,
            json!({
                "message": "The given data was invalid.",
                "errors": {"body": [format!("The body '{MESSAGE}' is invalid.")]},
            }),
            ErrorKind::Rejected,
            "Spryng: HTTP 422: The given data was invalid. The body '***' is invalid.",
        ),
        (
            429,
            json!({"message": "Too Many Attempts."}),
            ErrorKind::RateLimited { retry_after: None },
            "Spryng: HTTP 429: Too Many Attempts.",
        ),
        (
            500,
            json!({"message": "Server Error"}),
            ErrorKind::ServerError,
            "Spryng: HTTP 500: Server Error",
        ),
    ];
    for (status, body, kind, text) in cases {
        let m = expect_send(&mut server, status, &body.to_string());
        let e = sms("spryngsms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{status}");
        assert_eq!(e.message(), text);
        assert_clean(&e, &secrets(&config));
        m.assert();
        m.remove();
    }
}

#[test]
fn a_2xx_answer_without_a_message_id_is_unexpected() {
    let mut server = mockito::Server::new();
    for body in [r#"{"message":"ok"}"#, r#"{"id":""}"#, "[]", "OK"] {
        let m = expect_send(&mut server, 200, body);
        let e = sms("spryngsms", &server.url())
            .send(NUMBER, MESSAGE)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnexpectedResponse, "{body}");
        m.remove();
    }
}
