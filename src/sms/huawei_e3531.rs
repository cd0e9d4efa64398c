//! Huawei E3531 and other HiLink USB modems, through the modem's web API.
//!
//! Requests (the HiLink web API; Huawei publishes no reference, the calls are those of the
//! modem's own web interface, as used by the existing app and described e.g. in
//! <https://github.com/HSPDev/Huawei-E5180-API> and <https://github.com/Salamek/huawei-lte-api>):
//! 1. `GET {api}/webserver/SesTokInfo` → `<response><SesInfo>SessionID=…</SesInfo>
//!    <TokInfo>…</TokInfo></response>`: a session cookie and a request verification token.
//! 2. `POST {api}/sms/send-sms` with `Cookie: <SesInfo>`, `__RequestVerificationToken: <TokInfo>`,
//!    `X-Requested-With: XMLHttpRequest`, `Content-Type: text/xml` and the body
//!    `<request><Index>-1</Index><Phones><Phone>+49…</Phone></Phones><Sca/><Content>{message,
//!    XML-escaped}</Content><Length>-1</Length><Reserved>1</Reserved><Date>Y-m-d H:i:s</Date>
//!    </request>`. The existing app writes the server's local time into `Date`; this writes UTC
//!    (no time-zone database here). The modem only stores it with the sent message.
//!
//! `api` is the base of both (default `http://192.168.8.1/api`, the modem's address); there is
//! no `api_url`.
//!
//! Success signal: HTTP 200 and `<response>OK</response>`. The modem reports errors with HTTP
//! 200 too, as `<error><code>NNNNNN</code><message/></error>`; the codes are those of the HiLink
//! web interface (list: <https://github.com/HSPDev/Huawei-E5180-API#huawei-router-api-error-codes>,
//! 113004 seen when sending several messages in a row:
//! <https://github.com/Salamek/huawei-lte-api/issues/197>). Mapped: session and token refused
//! (125001/125002/125003) or a login required (100003) → unauthorized; busy (100004, SMS 113004,
//! SIM 103008) → rate limited; unknown failure (100001), no usable SIM (101001–101004), SMS
//! timed out (113018), network did not answer (111019), SMS store full (113053) → server error
//! (the modem is the provider); format or parameter refused (100005, 100006, 113017), number too
//! long (113054) → rejected; not supported (100002, usually a wrong `api` URL or a modem
//! without this API) → unexpected. Other codes are server errors naming the code. A non-200
//! status maps as everywhere; any other answer (no tokens, no `OK`) is unexpected.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Method, Url};

use super::{xml_root, xml_text, Gateway, Number, Provider};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "huawei_e3531",
        name: "Huawei E3531",
        fields: &[Field::new(
            "api",
            "Modem API URL",
            FieldKind::Url,
            "The API base of the modem's web interface (HiLink), usually http://192.168.8.1/api.",
        )
        .default("http://192.168.8.1/api")],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let api = gw.required_url("api")?;
    let request = gw.request(Method::GET, under(&api, "webserver/SesTokInfo"))?;
    let response = gw.send(request, message)?;
    let (session, token) = tokens(gw, &response)?;
    let body = format!(
        "<request><Index>-1</Index><Phones><Phone>{}</Phone></Phones><Sca/><Content>{}</Content>\
         <Length>-1</Length><Reserved>1</Reserved><Date>{}</Date></request>",
        quick_xml::escape::escape(to.e164()),
        quick_xml::escape::escape(message),
        utc_now_text()
    );
    let request = gw
        .request(Method::POST, under(&api, "sms/send-sms"))?
        .header(reqwest::header::COOKIE, session)
        .header("X-Requested-With", "XMLHttpRequest")
        .header("__RequestVerificationToken", token)
        .header(reqwest::header::CONTENT_TYPE, "text/xml")
        .body(body);
    let response = gw.send(request, message)?;
    judge(gw, &response)
}

/// `{api}/{path}`.
fn under(api: &Url, path: &str) -> Url {
    let mut url = api.clone();
    let joined = format!("{}/{path}", api.path().trim_end_matches('/'));
    url.set_path(&joined);
    url.set_query(None);
    url.set_fragment(None);
    url
}

/// The session cookie and the verification token of a `SesTokInfo` answer.
fn tokens(gw: &Gateway, response: &Response) -> Result<(String, String)> {
    if !response.is_success() {
        return Err(status_error(response));
    }
    match xml_root(&response.body).as_deref() {
        Some("error") => return Err(modem_error(gw, response)),
        Some("response") => {}
        _ => {
            return Err(response.unexpected("the answer of webserver/SesTokInfo is not HiLink XML"))
        }
    }
    let field = |name| {
        xml_text(&response.body, name)
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_graphic() || b == b' '))
    };
    match (field("SesInfo"), field("TokInfo")) {
        (Some(session), Some(token)) => Ok((session, token)),
        _ => {
            Err(response
                .unexpected("the answer of webserver/SesTokInfo holds no SesInfo and TokInfo"))
        }
    }
}

fn judge(gw: &Gateway, response: &Response) -> Result<()> {
    if !response.is_success() {
        return Err(status_error(response));
    }
    match xml_root(&response.body).as_deref() {
        Some("response") if xml_text(&response.body, "response").as_deref() == Some("OK") => Ok(()),
        Some("error") => Err(modem_error(gw, response)),
        _ => Err(response.unexpected("the modem did not answer <response>OK</response>")),
    }
}

fn status_error(response: &Response) -> Error {
    let said = xml_text(&response.body, "message").filter(|m| !m.is_empty());
    response.status_error(said.as_deref())
}

/// The error for `<error><code>…</code><message>…</message></error>`.
fn modem_error(gw: &Gateway, response: &Response) -> Error {
    let Some(code) = xml_text(&response.body, "code").and_then(|c| c.parse::<u32>().ok()) else {
        return response.unexpected("the modem answered an error without a code");
    };
    let (kind, what) = describe(code);
    let mut text = format!("{}: modem error {code} ({what})", gw.label());
    if let Some(said) = xml_text(&response.body, "message")
        .map(|m| response.service_text(&m))
        .filter(|m| !m.is_empty())
    {
        text.push_str(": ");
        text.push_str(&said);
    }
    Error::new(kind, text)
}

/// The kind and meaning of a HiLink error code.
fn describe(code: u32) -> (ErrorKind, &'static str) {
    let busy = ErrorKind::RateLimited { retry_after: None };
    match code {
        125001 => (ErrorKind::Unauthorized, "invalid verification token"),
        125002 => (ErrorKind::Unauthorized, "invalid session"),
        125003 => (ErrorKind::Unauthorized, "wrong session or token"),
        100003 => (
            ErrorKind::Unauthorized,
            "no rights: the modem's web interface requires a login",
        ),
        100004 => (busy, "the modem is busy"),
        113004 => (busy, "the SMS system is busy: too many messages in a row"),
        103008 => (busy, "the SIM card is busy"),
        100001 => (ErrorKind::ServerError, "unknown error"),
        101001 => (ErrorKind::ServerError, "no SIM card or an invalid one"),
        101002 => (ErrorKind::ServerError, "the SIM card needs its PIN"),
        101003 => (ErrorKind::ServerError, "the SIM card needs its PUK"),
        101004 => (ErrorKind::ServerError, "the SIM card cannot be used"),
        111019 => (ErrorKind::ServerError, "the network did not answer"),
        113018 => (ErrorKind::ServerError, "sending the SMS timed out"),
        113053 => (ErrorKind::ServerError, "the modem's SMS storage is full"),
        100005 => (ErrorKind::Rejected, "the request format was refused"),
        100006 => (ErrorKind::Rejected, "a request parameter was refused"),
        113017 => (
            ErrorKind::Rejected,
            "the SMS request was refused as invalid",
        ),
        113054 => (ErrorKind::Rejected, "the phone number is too long"),
        100002 => (
            ErrorKind::UnexpectedResponse,
            "not supported: check the API URL; the modem may not offer this API",
        ),
        _ => (ErrorKind::ServerError, "undocumented error"),
    }
}

/// The current UTC time as `Y-m-d H:i:s`.
fn utc_now_text() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    utc_text(secs)
}

/// A Unix time as `Y-m-d H:i:s` in UTC (days to civil date after H. Hinnant's algorithm).
fn utc_text(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc_text(0), "1970-01-01 00:00:00");
        // PHP: gmdate('Y-m-d H:i:s', 951782400 + 86399) (a leap day).
        assert_eq!(utc_text(951_782_400 + 86_399), "2000-02-29 23:59:59");
        assert_eq!(utc_text(1_700_000_000), "2023-11-14 22:13:20");
        assert_eq!(utc_text(4_102_444_800), "2100-01-01 00:00:00");
    }

    #[test]
    fn urls_under_the_api_base() {
        let api = Url::parse("http://192.168.8.1/api/").unwrap();
        assert_eq!(
            under(&api, "sms/send-sms").as_str(),
            "http://192.168.8.1/api/sms/send-sms"
        );
        let api = Url::parse("http://127.0.0.1:8080/modem/api?x=1").unwrap();
        assert_eq!(
            under(&api, "webserver/SesTokInfo").as_str(),
            "http://127.0.0.1:8080/modem/api/webserver/SesTokInfo"
        );
    }
}
