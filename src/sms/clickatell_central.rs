//! Clickatell Central: Clickatell's legacy HTTP API ("Developers' Central" accounts).
//!
//! Request (HTTP API specification v2.5, <https://www.clickatell.com/downloads/http/Clickatell_HTTP.pdf>,
//! command `sendmsg`): `GET https://api.clickatell.com/http/sendmsg` with the query
//! `user=<user>&password=<password>&api_id=<api>&to=<digits>&text=<message>`, form-encoded
//! (`+` for spaces) as the existing app sends it. The number goes without `+`: the API wants
//! the international format "without a leading + or 00".
//!
//! Success signal: Clickatell answers HTTP 200 whatever happened and says it in a text line:
//! `ID: <api message id>` when the message was accepted, `ERR: <code>, <description>` when not
//! (error list: <https://archive.clickatell.com/developers/api-docs/list-of-error-codes-rest/>
//! and the specification's appendix). Only an `ID:` line is a delivery. Error mapping: 001–005
//! (authentication failed, unknown user or password, session expired, account frozen, no
//! session), 007 (IP lockdown) and 108 (wrong API id) are unauthorized; 130 (MT limit until a
//! given time) is rate limited; 901 (internal error) is a server error; the rest (bad number,
//! blocked or opted-out recipient, no credit, cannot route, …) are rejections. Any other
//! answer is unexpected.

use super::{body_text, Gateway, Number, Provider, API_URL};
use crate::config::Settings;
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clickatell_central",
        name: "Clickatell Central",
        fields: &[
            Field::new(
                "api",
                "Clickatell API id",
                FieldKind::Text,
                "The numeric API id of your HTTP API connection (Developers' Central: Manage my products).",
            ),
            Field::new(
                "user",
                "Clickatell user name",
                FieldKind::Text,
                "Your Clickatell Central account name.",
            ),
            Field::new(
                "password",
                "Clickatell password",
                FieldKind::Secret,
                "Your Clickatell Central account password.",
            ),
            API_URL,
        ],
    },
    check: Some(check),
    send,
};

const ENDPOINT: &str = "https://api.clickatell.com/http/sendmsg";

/// The API id is a number (the existing app formats it as an unsigned integer).
fn check(settings: &Settings) -> Result<()> {
    let api = settings.text("api").unwrap_or("");
    if api.is_empty() || !api.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::configuration(format!(
            "{} configuration is invalid: 'api' must be the numeric API id",
            PROVIDER.spec.name
        )));
    }
    Ok(())
}

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("user", gw.text("user")),
            ("password", gw.text("password")),
            ("api_id", gw.text("api")),
            ("to", to.digits()),
            ("text", message),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let text = body_text(response);
    if !response.is_success() {
        let said = text.strip_prefix("ERR:").map(str::trim);
        return Err(response.status_error(said));
    }
    let first = text.lines().next().unwrap_or("").trim();
    if let Some(id) = first.strip_prefix("ID:") {
        if !id.trim().is_empty() {
            return Ok(());
        }
    }
    let Some(error) = first.strip_prefix("ERR:") else {
        return Err(response.unexpected("the answer is neither 'ID: …' nor 'ERR: …'"));
    };
    let (code, said) = match error.split_once(',') {
        Some((code, said)) => (code.trim(), said.trim()),
        None => (error.trim(), ""),
    };
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(response.unexpected("the error answer carries no error code"));
    }
    let kind = match code.parse::<u32>().unwrap_or(0) {
        1..=5 | 7 | 108 => ErrorKind::Unauthorized,
        130 => ErrorKind::RateLimited { retry_after: None },
        901 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    let mut text = format!("{}: error {code}", gw.label());
    let said = if said.is_empty() {
        describe(code).unwrap_or("").to_owned()
    } else {
        response.service_text(said)
    };
    if !said.is_empty() {
        text.push_str(" (");
        text.push_str(&said);
        text.push(')');
    }
    Err(Error::new(kind, text))
}

/// Clickatell's words for the codes that a send can meet, for answers that leave them out.
fn describe(code: &str) -> Option<&'static str> {
    Some(match code {
        "001" => "Authentication failed",
        "002" => "Unknown username or password",
        "003" => "Session ID expired",
        "004" => "Account frozen",
        "005" => "Missing session ID",
        "007" => "IP lockdown violation",
        "101" => "Invalid or missing parameters",
        "105" => "Invalid destination address",
        "106" => "Invalid source address",
        "107" => "Empty message",
        "108" => "Invalid or missing API ID",
        "113" => "Maximum message parts exceeded",
        "114" => "Cannot route message",
        "115" => "Message expired",
        "116" => "Invalid Unicode data",
        "121" => "Destination mobile number blocked",
        "122" => "Destination mobile opted out",
        "123" => "Invalid Sender ID",
        "128" => "Number delisted",
        "130" => "Maximum MT limit exceeded",
        "301" => "No credit left",
        "901" => "Internal error",
        _ => return None,
    })
}
