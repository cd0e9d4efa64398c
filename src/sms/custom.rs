//! Custom HTTP API: any SMS service (or self-hosted gateway) with a plain HTTP interface,
//! described by the admin. The existing app's most requested missing provider (issue #218).
//!
//! Request: `<method> <url>`, where `url` is a template; with a `body` template, the body in
//! `body_format` (`json` → `Content-Type: application/json`, `form` →
//! `application/x-www-form-urlencoded`), unless a `Content-Type` is among the extra `headers`
//! (one `Name: value` per line). HTTP Basic authentication when `username` is set.
//!
//! Placeholders: `{recipient}` (E.164 with `+`), `{recipient_digits}` (without `+`) and
//! `{message}`. Each is escaped for where it stands: percent-encoded in the URL (everything but
//! `A-Z a-z 0-9 - . _ ~`), form-encoded in a form body, JSON-string-escaped (without the
//! quotes, which belong to the template) in a JSON body. Literal template text is sent as
//! written. Headers take no placeholders.
//!
//! Checked when the configuration is read (every problem named by its key): the URL is http(s)
//! with a host and no credentials; templates use only the three placeholders; a JSON body is
//! valid JSON once filled with a sample message full of quotes, backslashes and line breaks (so
//! a placeholder outside a string is caught); the message and a recipient placeholder appear
//! somewhere; GET has no body; header lines parse; status lists parse; the success rule is
//! complete.
//!
//! Success signal, as the admin defines it: the status must be one of `success_status`
//! (codes and ranges, default `200-299`); with `success_json_pointer` the answer must be JSON
//! and the value there must equal `success_value` as text (strings, numbers, `true`/`false`),
//! or, with no value given, be present and not `null`, `false` or `""`; with `success_contains`
//! the answer must contain that text.
//!
//! Errors: a status that is not accepted maps like every provider's (401/403 unauthorized,
//! 429 rate limited with `Retry-After`, 5xx server error, 404/405 and unaccepted 2xx/3xx
//! unexpected, other 4xx rejected), with the service's own words when it gave any (a JSON
//! `message`/`error`/`detail`/`title`, or a short plain-text body). An accepted status whose
//! answer fails the rule is a rejection carrying the answer's text; an answer that is not JSON
//! although a pointer is set is unexpected. Header values (and the token after a scheme such as
//! `Bearer`) are scrubbed from every message like the other secrets.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, Url};
use serde_json::Value as Json;

use super::{body_text, json_text, Gateway, Number, Provider};
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::http::Response;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static METHODS: &[Choice] = &[
    Choice {
        value: "POST",
        label: "POST",
    },
    Choice {
        value: "GET",
        label: "GET",
    },
    Choice {
        value: "PUT",
        label: "PUT",
    },
];

pub static BODY_FORMATS: &[Choice] = &[
    Choice {
        value: "json",
        label: "JSON",
    },
    Choice {
        value: "form",
        label: "Form (application/x-www-form-urlencoded)",
    },
    Choice {
        value: "none",
        label: "No body",
    },
];

const NAME: &str = "Custom HTTP API";

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "custom",
        name: NAME,
        fields: &[
            Field::new(
                "url",
                "URL (placeholders {recipient}, {recipient_digits}, {message})",
                FieldKind::Text,
                "The http(s) URL requests go to, e.g. https://sms.example.org/send?to={recipient_digits}&text={message}; placeholders in it are percent-encoded.",
            ),
            Field::new(
                "method",
                "HTTP method",
                FieldKind::Choice(METHODS),
                "POST or PUT send the body template; GET sends no body, so put the placeholders into the URL.",
            )
            .default("POST"),
            Field::new(
                "body_format",
                "Body format",
                FieldKind::Choice(BODY_FORMATS),
                "How placeholders in the body are escaped and which Content-Type is sent (a Content-Type among the extra headers wins).",
            )
            .default("json"),
            Field::new(
                "body",
                "Body template",
                FieldKind::Text,
                "JSON, e.g. {\"to\":\"{recipient}\",\"text\":\"{message}\"} (quotes around placeholders belong to the template), or form, e.g. to={recipient}&text={message}. Empty: no body.",
            )
            .optional(),
            Field::new(
                "headers",
                "Extra headers (Name: value, one per line)",
                FieldKind::Secret,
                "Sent with every request, e.g. Authorization: Bearer <token> or X-Api-Key: <key>; kept secret and scrubbed from error messages. No placeholders.",
            )
            .optional(),
            Field::new(
                "username",
                "HTTP Basic user name",
                FieldKind::Text,
                "For services that use HTTP Basic authentication; leave empty otherwise.",
            )
            .optional(),
            Field::new(
                "password",
                "HTTP Basic password",
                FieldKind::Secret,
                "The password for HTTP Basic authentication (needs the user name).",
            )
            .optional(),
            Field::new(
                "success_status",
                "Accepted HTTP status codes",
                FieldKind::Text,
                "Codes and ranges, e.g. 200,201 or 200-299 or 202. Any other status is an error (401/403 unauthorized, 429 rate limited, 5xx server error, …).",
            )
            .default("200-299"),
            Field::new(
                "success_json_pointer",
                "JSON pointer that must match (e.g. /status)",
                FieldKind::Text,
                "When set, the answer must be JSON and the value there must equal 'success_value' (or, when that is empty, be present and not null, false or \"\"). Example: /data/0/status.",
            )
            .optional(),
            Field::new(
                "success_value",
                "Value expected at the JSON pointer",
                FieldKind::Text,
                "Compared as text with the JSON value (strings, numbers, true/false), e.g. queued or 0. Needs the JSON pointer.",
            )
            .optional(),
            Field::new(
                "success_contains",
                "Text the answer must contain",
                FieldKind::Text,
                "When set, the answer body must contain this text (case-sensitive), e.g. OK for services that answer in plain text.",
            )
            .optional(),
        ],
    },
    check: Some(check),
    send,
};

// ---------------------------------------------------------------------------------------------
// Templates

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Recipient,
    RecipientDigits,
    Message,
}

/// A piece of a template: literal text or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Slot(Slot),
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template(Vec<Piece>);

/// The values placeholders are filled with.
struct Values<'a> {
    recipient: &'a str,
    digits: &'a str,
    message: &'a str,
}

impl Values<'_> {
    fn of(&self, slot: Slot) -> &str {
        match slot {
            Slot::Recipient => self.recipient,
            Slot::RecipientDigits => self.digits,
            Slot::Message => self.message,
        }
    }
}

/// Fills construction-time checks: quotes, a backslash, a line break and non-ASCII text make a
/// placeholder outside a JSON string (or a wrong escape) show up as invalid JSON.
const SAMPLE: Values<'static> = Values {
    recipient: "+4917612345678",
    digits: "4917612345678",
    message: "Sample \"code\" 000000\\ for\nNextcloud – ünïcödé",
};

impl Template {
    /// Splits a template at `{name}` placeholders; `{` not followed by a name and `}` is
    /// literal text (JSON objects). An unknown name is an error naming it.
    fn parse(text: &str) -> std::result::Result<Self, String> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            literal.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let is_name = !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && after[name_len..].starts_with('}');
            if !is_name {
                literal.push('{');
                rest = after;
                continue;
            }
            let slot = match name {
                "recipient" => Slot::Recipient,
                "recipient_digits" => Slot::RecipientDigits,
                "message" => Slot::Message,
                other => {
                    let shown: String = other.chars().take(40).collect();
                    return Err(format!(
                        "has the unknown placeholder {{{shown}}}; use {{recipient}}, {{recipient_digits}} or {{message}}"
                    ));
                }
            };
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Slot(slot));
            rest = &after[name_len + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Self(pieces))
    }

    fn uses(&self, slot: Slot) -> bool {
        self.0.contains(&Piece::Slot(slot))
    }

    /// The template with every placeholder replaced by its escaped value.
    fn render(&self, values: &Values, escape: fn(&str) -> String) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(s) => out.push_str(&escape(values.of(*s))),
            }
        }
        out
    }
}

/// RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay, everything else is
/// percent-encoded (UTF-8 bytes).
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A value for a URL: percent-encoded, space as `%20`.
fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, NOT_UNRESERVED).to_string()
}

/// A value for an `application/x-www-form-urlencoded` body: space as `+`.
fn form_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The inside of a JSON string literal holding `s`.
fn json_escape(s: &str) -> String {
    let quoted = Json::String(s.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

// ---------------------------------------------------------------------------------------------
// The request plan, read from the settings

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Form,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Form => "application/x-www-form-urlencoded",
        }
    }

    fn escape(self) -> fn(&str) -> String {
        match self {
            Format::Json => json_escape,
            Format::Form => form_encode,
        }
    }
}

/// Everything a send needs, checked.
struct Plan {
    method: Method,
    url: Template,
    body: Option<(Format, Template)>,
    headers: HeaderMap,
    /// Header values and their tokens: scrubbed from errors.
    header_secrets: Vec<String>,
    basic: Option<(String, Option<String>)>,
    statuses: Vec<(u16, u16)>,
    pointer: Option<String>,
    value: Option<String>,
    contains: Option<String>,
}

/// Headers the request sets itself: an extra header must not replace them.
const RESERVED_HEADERS: &[&str] = &["host", "content-length", "transfer-encoding", "connection"];

impl Plan {
    /// Reads and checks the settings; every problem is named by its key, no value is echoed.
    fn read(get: &dyn Fn(&str) -> Option<String>) -> Result<Self> {
        let mut problems: Vec<String> = Vec::new();

        let method = match get("method").as_deref().unwrap_or("POST") {
            "GET" => Method::GET,
            "PUT" => Method::PUT,
            _ => Method::POST,
        };

        let url_text = get("url").unwrap_or_default();
        let url = match Template::parse(&url_text) {
            Ok(t) => {
                if let Err(why) = check_url(&t.render(&SAMPLE, percent_encode)) {
                    problems.push(format!("'url' {why}"));
                }
                t
            }
            Err(why) => {
                problems.push(format!("'url' {why}"));
                Template(Vec::new())
            }
        };

        let format = match get("body_format").as_deref() {
            Some("form") => Some(Format::Form),
            Some("none") => None,
            _ => Some(Format::Json),
        };
        let body = match (get("body"), format) {
            (None, _) => None,
            (Some(_), None) => {
                problems.push("'body' is set but 'body_format' is none".into());
                None
            }
            (Some(_), Some(_)) if method == Method::GET => {
                problems
                    .push("'body' cannot be sent with GET; put the placeholders into 'url'".into());
                None
            }
            (Some(text), Some(format)) => match Template::parse(&text) {
                Ok(t) => {
                    let sample = t.render(&SAMPLE, json_escape);
                    if format == Format::Json && serde_json::from_str::<Json>(&sample).is_err() {
                        problems.push(
                            "'body' is not valid JSON once its placeholders are filled (placeholders for text belong inside quotes, e.g. \"{message}\")".into(),
                        );
                    }
                    Some((format, t))
                }
                Err(why) => {
                    problems.push(format!("'body' {why}"));
                    None
                }
            },
        };

        let anywhere = |slot| url.uses(slot) || body.as_ref().is_some_and(|(_, t)| t.uses(slot));
        if !url.0.is_empty() && !anywhere(Slot::Message) {
            problems.push("'url' or 'body' must contain {message}".into());
        }
        if !url.0.is_empty() && !anywhere(Slot::Recipient) && !anywhere(Slot::RecipientDigits) {
            problems.push("'url' or 'body' must contain {recipient} or {recipient_digits}".into());
        }

        let mut headers = HeaderMap::new();
        let mut header_secrets = Vec::new();
        if let Some(text) = get("headers") {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                match parse_header(line) {
                    Ok((name, value, secrets)) => {
                        headers.append(name, value);
                        header_secrets.extend(secrets);
                    }
                    Err(why) => problems.push(format!("'headers' line {} {why}", n + 1)),
                }
            }
        }

        let username = get("username");
        let password = get("password");
        let basic = match (username, password) {
            (Some(user), password) => {
                if user.contains(':') {
                    problems.push("'username' must not contain ':'".into());
                }
                if headers.contains_key(AUTHORIZATION) {
                    problems.push(
                        "'username' is set and 'headers' has an Authorization line; use one of them".into(),
                    );
                }
                Some((user, password))
            }
            (None, Some(_)) => {
                problems.push("'password' is set but 'username' is not".into());
                None
            }
            (None, None) => None,
        };

        let statuses = match parse_statuses(get("success_status").as_deref().unwrap_or("200-299")) {
            Some(s) => s,
            None => {
                problems.push(
                    "'success_status' must list status codes (100-599) or ranges, e.g. 200,201 or 200-299".into(),
                );
                Vec::new()
            }
        };

        let pointer = get("success_json_pointer");
        if pointer.as_deref().is_some_and(|p| !p.starts_with('/')) {
            problems.push("'success_json_pointer' must start with /, e.g. /status".into());
        }
        let value = get("success_value");
        if value.is_some() && pointer.is_none() {
            problems.push("'success_value' is set but 'success_json_pointer' is not".into());
        }
        let contains = get("success_contains");

        if !problems.is_empty() {
            return Err(Error::configuration(format!(
                "{NAME} configuration is invalid: {}",
                problems.join("; ")
            )));
        }
        Ok(Self {
            method,
            url,
            body,
            headers,
            header_secrets,
            basic,
            statuses,
            pointer,
            value,
            contains,
        })
    }

    fn accepts(&self, status: u16) -> bool {
        self.statuses
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&status))
    }
}

fn check_url(rendered: &str) -> std::result::Result<Url, &'static str> {
    let url = Url::parse(rendered).map_err(|_| "must be an http(s) URL")?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("must be an http(s) URL");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry credentials; use 'username' and 'password'");
    }
    if url.fragment().is_some() {
        return Err("must not have a #fragment");
    }
    Ok(url)
}

/// One `Name: value` line, and the strings to scrub: the value and, for `Scheme token`
/// values, the token part.
fn parse_header(line: &str) -> std::result::Result<(HeaderName, HeaderValue, Vec<String>), String> {
    let (name, value) = line
        .split_once(':')
        .ok_or_else(|| "is not 'Name: value'".to_owned())?;
    let name = HeaderName::from_bytes(name.trim().as_bytes())
        .map_err(|_| "has an invalid header name".to_owned())?;
    if RESERVED_HEADERS.contains(&name.as_str()) {
        return Err(format!(
            "sets {}, which the request sets itself",
            name.as_str()
        ));
    }
    let value = value.trim();
    let header_value =
        HeaderValue::from_str(value).map_err(|_| "has an invalid header value".to_owned())?;
    let mut secrets = vec![value.to_owned()];
    secrets.extend(value.split_whitespace().skip(1).map(str::to_owned));
    Ok((name, header_value, secrets))
}

/// `200,201` or `200-299` (spaces allowed); `None` when malformed.
fn parse_statuses(text: &str) -> Option<Vec<(u16, u16)>> {
    let code = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|c| (100..=599).contains(c))
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        let range = match part.split_once('-') {
            Some((lo, hi)) => (code(lo)?, code(hi)?),
            None => {
                let c = code(part)?;
                (c, c)
            }
        };
        if range.0 > range.1 {
            return None;
        }
        out.push(range);
    }
    Some(out)
}

fn check(settings: &Settings) -> Result<()> {
    Plan::read(&|key| {
        settings
            .text(key)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
    })
    .map(drop)
}

// ---------------------------------------------------------------------------------------------
// Sending and judging

fn send(gw: &Gateway, to: &Number, message: &str) -> Result<()> {
    let plan = Plan::read(&|key| gw.optional(key).map(str::to_owned))?;
    let values = Values {
        recipient: to.e164(),
        digits: to.digits(),
        message,
    };
    let url = check_url(&plan.url.render(&values, percent_encode))
        .map_err(|why| gw.configuration(&format!("'url' {why} once filled")))?;

    let mut request = gw.request(plan.method.clone(), url)?;
    let mut headers = plan.headers.clone();
    if let Some((format, template)) = &plan.body {
        if !headers.contains_key(CONTENT_TYPE) {
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static(format.content_type()),
            );
        }
        request = request.body(template.render(&values, format.escape()));
    }
    if plan.pointer.is_some() && !headers.contains_key(ACCEPT) {
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    }
    request = request.headers(headers);
    if let Some((user, password)) = &plan.basic {
        request = request.basic_auth(user, password.as_deref());
    }

    // The message as the service may echo it back, in each encoding it was sent in, and the
    // header values: none of them may reach an error message.
    let mut sensitive: Vec<String> = vec![
        message.to_owned(),
        percent_encode(message),
        form_encode(message),
        json_escape(message),
    ];
    sensitive.extend(plan.header_secrets.iter().cloned());
    let sensitive: Vec<&str> = sensitive.iter().map(String::as_str).collect();
    let response = gw.send_scrubbing(request, &sensitive)?;
    judge(&plan, &response)
}

fn judge(plan: &Plan, response: &Response) -> Result<()> {
    if !plan.accepts(response.status) {
        return Err(response.status_error(said(response).as_deref()));
    }
    if let Some(pointer) = &plan.pointer {
        let json: Json = serde_json::from_slice(&response.body).map_err(|_| {
            response.unexpected(&format!(
                "the answer (HTTP {}) is not JSON, but 'success_json_pointer' is set",
                response.status
            ))
        })?;
        let found = json.pointer(pointer);
        let ok = match (&plan.value, found) {
            (_, None) => false,
            (Some(expected), Some(v)) => as_text(v) == *expected,
            (None, Some(v)) => {
                !matches!(v, Json::Null | Json::Bool(false))
                    && v.as_str().is_none_or(|s| !s.is_empty())
            }
        };
        if !ok {
            let what = match (found, &plan.value) {
                (None, _) => format!("the answer has no {pointer}"),
                (Some(v), Some(expected)) => {
                    format!("{pointer} is {v} instead of {expected}")
                }
                (Some(v), None) => format!("{pointer} is {v}"),
            };
            return Err(response.rejected(&format!("{what}: {}", body_text(response))));
        }
    }
    if let Some(needle) = &plan.contains {
        if !String::from_utf8_lossy(&response.body).contains(needle.as_str()) {
            return Err(response.rejected(&format!(
                "the answer does not contain '{needle}': {}",
                body_text(response)
            )));
        }
    }
    Ok(())
}

/// A JSON value as text for comparing: strings bare, everything else as JSON.
fn as_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The service's own words in an error answer: a common JSON message field, or a short
/// plain-text body (not HTML).
fn said(response: &Response) -> Option<String> {
    if let Ok(json) = serde_json::from_slice::<Json>(&response.body) {
        return [
            "/message",
            "/error/message",
            "/error_description",
            "/error",
            "/detail",
            "/title",
            "/errors/0/message",
            "/errors/0",
        ]
        .iter()
        .find_map(|p| json_text(&json, p))
        .or_else(|| Some(json.to_string()));
    }
    let text = body_text(response);
    let first = text.lines().next().unwrap_or("").trim();
    (!first.is_empty() && !first.starts_with('<')).then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_at_known_placeholders_only() {
        let t = Template::parse(r#"{"to":"{recipient}","n":{},"t":"{message}"}"#).unwrap();
        assert!(t.uses(Slot::Recipient) && t.uses(Slot::Message));
        assert!(!t.uses(Slot::RecipientDigits));
        let v = Values {
            recipient: "+49",
            digits: "49",
            message: "a\"b",
        };
        assert_eq!(
            t.render(&v, json_escape),
            r#"{"to":"+49","n":{},"t":"a\"b"}"#
        );
        let e = Template::parse("x={phone}").unwrap_err();
        assert!(e.contains("{phone}"), "{e}");
        // `{` not followed by a name and `}` is text.
        for literal in ["{", "{ message}", "{1}", "{message", "}{"] {
            let t = Template::parse(literal).unwrap();
            assert_eq!(t.0, vec![Piece::Text(literal.into())], "{literal}");
        }
    }

    #[test]
    fn escaping_per_place() {
        assert_eq!(percent_encode("+49 1&2/ü~"), "%2B49%201%262%2F%C3%BC~");
        assert_eq!(form_encode("+49 1&2=ü"), "%2B49+1%262%3D%C3%BC");
        assert_eq!(json_escape("a\"b\\c\nd"), r#"a\"b\\c\nd"#);
    }

    #[test]
    fn status_lists() {
        assert_eq!(parse_statuses("200-299"), Some(vec![(200, 299)]));
        assert_eq!(
            parse_statuses(" 200, 202 ,204-206"),
            Some(vec![(200, 200), (202, 202), (204, 206)])
        );
        for bad in ["", "abc", "99", "600", "299-200", "200,", "2OO"] {
            assert_eq!(parse_statuses(bad), None, "{bad}");
        }
    }

    #[test]
    fn header_lines() {
        let (name, value, secrets) = parse_header("Authorization:  Bearer abc123 ").unwrap();
        assert_eq!(
            (name.as_str(), value.to_str().unwrap()),
            ("authorization", "Bearer abc123")
        );
        assert_eq!(secrets, ["Bearer abc123", "abc123"]);
        assert!(parse_header("no colon").is_err());
        assert!(parse_header("Bad Name: x").is_err());
        assert!(parse_header("Host: example.org").is_err());
    }
}
