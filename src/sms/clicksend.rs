//! ClickSend, through its HTTP API v2.
//!
//! Request (<https://developers.clicksend.com/docs/http/v2/>, "Send SMS"):
//! `GET https://api-mapper.clicksend.com/http/v2/send.php` with the query
//! `method=http&username=<user>&key=<apikey>&to=<+E.164>&message=<message>&senderid=nextcloud`.
//! (The existing app reads the key from a field that does not exist and so never sends;
//! here the key is the `apikey` field.)
//!
//! Success signal: the API "will always respond with a 200 OK HTTP status code" and reports
//! per message in XML, `<xml><messages recipientcount="1"><message><to>…</to>
//! <messageid>…</messageid><result>0000</result><errortext>Success</errortext></message>
//! </messages></xml>`. Only result `0000` is a delivery. The documented codes ("Response
//! Codes" on the same page) map as: 2006 (missing credentials), 2007 (account not activated)
//! and 2022 (invalid credentials) unauthorized; 2016 (throttled: identical message just sent)
//! rate limited; 2100–2199 (internal error) server error; 2015 (invalid recipient), 2017
//! (invalid sender id), 2018 (low credit), 2051 (empty message), 2052 (too many recipients)
//! and any other code rejections. An answer without a `<result>` is unexpected.

use super::{xml_root, xml_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clicksend",
        name: "ClickSend",
        fields: &[
            Field::new(
                "user",
                "ClickSend user name",
                FieldKind::Text,
                "Your ClickSend API user name (dashboard: API credentials).",
            ),
            Field::new(
                "apikey",
                "ClickSend API key",
                FieldKind::Secret,
                "From the ClickSend dashboard: API credentials.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://api-mapper.clicksend.com/http/v2/send.php";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("method", "http"),
            ("username", gw.text("user")),
            ("key", gw.text("apikey")),
            ("to", to.e164()),
            ("message", message),
            ("senderid", "nextcloud"),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let is_xml = xml_root(&response.body).is_some();
    let said = is_xml
        .then(|| xml_text(&response.body, "errortext"))
        .flatten();
    if !response.is_success() {
        return Err(response.status_error(said.as_deref()));
    }
    let Some(code) = is_xml.then(|| xml_text(&response.body, "result")).flatten() else {
        return Err(response.unexpected("the answer carries no ClickSend result code"));
    };
    if code == "0000" {
        return Ok(());
    }
    let Ok(number) = code.parse::<u32>() else {
        return Err(response.unexpected("the answer carries no ClickSend result code"));
    };
    let kind = match number {
        2006 | 2007 | 2022 => ErrorKind::Unauthorized,
        2016 => ErrorKind::RateLimited { retry_after: None },
        2100..=2199 => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    };
    let words = said
        .map(|s| response.service_text(&s))
        .filter(|s| !s.is_empty())
        .or_else(|| describe(number).map(str::to_owned));
    let mut text = format!("{}: result code {code}", gw.label());
    if let Some(words) = words {
        text.push_str(" (");
        text.push_str(&words);
        text.push(')');
    }
    Err(Error::new(kind, text))
}

/// ClickSend's documented error texts, for answers that leave them out.
fn describe(code: u32) -> Option<&'static str> {
    Some(match code {
        2006 => "Missing credentials",
        2007 => "Account not activated",
        2015 => "Invalid recipient",
        2016 => "Throttled",
        2017 => "Invalid sender id",
        2018 => "Low credit",
        2022 => "Invalid credentials",
        2051 => "Empty message",
        2052 => "Too many recipients",
        2100..=2199 => "Internal error",
        _ => return None,
    })
}
