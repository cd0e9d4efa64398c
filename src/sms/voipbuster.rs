//! Voipbuster (one of the Betamax/Dellmont VoIP brands), through its web-account SMS URL.
//!
//! Request (the brands' "SMS via your own website" URL, described in the account's settings
//! at <https://www.voipbuster.com/myaccount/>):
//! `GET https://www.voipbuster.com/myaccount/sendsms.php?username=<user>&password=<password>`
//! `&from=<caller id>&to=<+E.164>&text=<message>`.
//!
//! Success signal: the answer is XML, HTTP 200 either way:
//! `<SmsResponse><version>1</version><result>1</result><resultstring>success</resultstring>`
//! `<description></description><partcount>1</partcount><endcause></endcause></SmsResponse>`
//! for a sent message, `<result>0</result><resultstring>failure</resultstring>` with the
//! reason in `description` otherwise. Only `resultstring` `success` is a send (the check
//! Betamax clients use, e.g. the eGeoffrey betamax_sms module). The brands document no list
//! of reasons, so a reason is classed by its words: credentials (user name, password,
//! login) are unauthorized, limits (too many, limit) rate limited, the rest (credit,
//! numbers, caller id) rejections. No `resultstring` is an answer of unknown shape.

use super::{xml_text, Gateway, Number, Provider, API_URL};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "voipbuster",
        name: "Voipbuster",
        fields: &[
            Field::new(
                "api_user",
                "Voipbuster user name",
                FieldKind::Text,
                "Your Voipbuster account name.",
            ),
            Field::new(
                "api_password",
                "Voipbuster password",
                FieldKind::Secret,
                "Your Voipbuster account password.",
            ),
            Field::new(
                "did",
                "Sending number (caller id)",
                FieldKind::Text,
                "A verified number of your account, international format.",
            ),
            API_URL,
        ],
    },
    check: None,
    send,
};

const ENDPOINT: &str = "https://www.voipbuster.com/myaccount/sendsms.php";

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let request = gw
        .request(reqwest::Method::GET, gw.endpoint(ENDPOINT))?
        .query(&[
            ("username", gw.text("api_user")),
            ("password", gw.text("api_password")),
            ("from", gw.text("did")),
            ("to", to.e164()),
            ("text", message),
        ]);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    let result = xml_text(&response.body, "resultstring");
    let description = xml_text(&response.body, "description").filter(|d| !d.is_empty());
    if !response.is_success() {
        return Err(response.status_error(description.as_deref()));
    }
    match result.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("success") => Ok(()),
        Some("failure") => {
            let reason = description.unwrap_or_else(|| "the message was not sent".to_owned());
            Err(Error::new(
                kind_of_words(&reason),
                format!("{}: {}", gw.label(), response.service_text(&reason)),
            ))
        }
        _ => Err(response.unexpected("the answer carries no resultstring success or failure")),
    }
}

fn kind_of_words(reason: &str) -> ErrorKind {
    let r = reason.to_ascii_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| r.contains(w));
    if any(&["password", "username", "user name", "login", "authenticat"]) {
        ErrorKind::Unauthorized
    } else if any(&["too many", "limit"]) {
        ErrorKind::RateLimited { retry_after: None }
    } else {
        ErrorKind::Rejected
    }
}
