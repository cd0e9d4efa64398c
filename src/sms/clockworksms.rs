//! Clockwork (Mediaburst's SMS API), through its HTTP interface.
//!
//! Request (<https://docs.clockworksms.com/doc/easy-stuff/http-interface/send-sms>):
//! `GET https://api.clockworksms.com/http/send.aspx?key=<API key>&to=<digits>&content=<message>`;
//! numbers go with their country code and without `+`.
//!
//! Success signal: the answer is text, HTTP 200 either way: `To: 441234567890 ID: AB_12345`
//! for a sent message; `Error <n>: <text>` when nothing was sent, or per number
//! `To: <number> Error <n>: <text>`. Only a line with an `ID:` and no error is a send. The
//! error numbers are Clockwork's documented API error codes
//! (<http://www.mediaburst.co.uk/api/doc/ref/error-codes/>): 2 invalid username or password,
//! 4 authentication failure and 17 invalid source IP are unauthorized; 1 and 26 internal
//! errors are server errors; the others (3 insufficient credits, 10 invalid 'To', 12 too
//! long, 13/15 no route, …) are rejections. The documented bare line `Invalid Username Or
//! Password` counts as error 2. Anything else is an answer of unknown shape.

use super::{body_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clockworksms",
        name: "ClockworkSMS",
        fields: &[
            Field::new(
                "apitoken",
                "Clockwork API key",
                FieldKind::Secret,
                "Your Clockwork API key (Clockwork account: API keys).",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api.clockworksms.com/http/send.aspx";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("key", gw.text("apitoken")),
            ("to", to.digits()),
            ("content", message),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let text = body_text(response);
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    if !response.is_success() {
        return Err(response.status_error(line));
    }
    let Some(line) = line else {
        return Err(response.unexpected("the answer is empty"));
    };
    if let Some((code, said)) = error_in(line) {
        return Err(failure(gw, response, code, said));
    }
    if line.eq_ignore_ascii_case("Invalid Username Or Password") {
        return Err(failure(gw, response, 2, line));
    }
    if line.starts_with("To:") && line.contains(" ID:") {
        return Ok(());
    }
    Err(response.unexpected("the answer carries neither a message ID nor an error"))
}

/// `Error <n>: <text>` anywhere in the line.
fn error_in(line: &str) -> Option<(u32, &str)> {
    let at = line.find("Error ")?;
    let rest = &line[at + "Error ".len()..];
    let (code, said) = rest.split_once(':')?;
    Some((code.trim().parse().ok()?, said.trim()))
}

fn failure(gw: &Gateway, response: &Response, code: u32, said: &str) -> Error {
    let kind = match code {
        2 | 4 | 17 => ErrorKind::Unauthorized,
        1 | 26 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    Error::new(
        kind,
        format!(
            "{}: error {code}: {}",
            gw.label(),
            response.service_text(said)
        ),
    )
}
