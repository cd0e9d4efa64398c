//! HTTP for every gateway: one client per process, bounded in time and size.
//!
//! * Clients are made on first use, never at module start-up, and kept per process id:
//!   after `pcntl_fork()` or in a new php-fpm worker the inherited client (whose runtime
//!   thread did not survive the fork) is leaked, not used or dropped, and a new one is built.
//!   Clients are also keyed by connect timeout and extra CA file, the two settings that live in
//!   the client; the total timeout is set per request.
//! * Every request has a connect timeout and a total timeout ([`crate::schema::TRANSPORT_FIELDS`]).
//! * Answers are read up to [`MAX_BODY`]; a larger answer is an error, not a memory spike.
//! * TLS is always verified against the system store (`/etc/ssl/certs`) plus an optional CA file.
//! * Redirects are not followed: a gateway that redirects is misconfigured, and following would
//!   resend credentials and codes somewhere else.
//! * Errors name the service's origin (`scheme://host:port`) only, never a path or query, which
//!   may carry tokens; anything a service says is scrubbed of configured secrets and of the
//!   message being sent (it holds the code).

use std::collections::HashMap;
use std::io::Read;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::{Method, Url};

use crate::config::Settings;
use crate::error::{Error, ErrorKind, Result};
use crate::schema::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};

/// Largest answer read from a service.
pub const MAX_BODY: usize = 1024 * 1024;

/// Sent with every request.
pub const USER_AGENT: &str = concat!(
    "Nextcloud-TwoFactorGateway/",
    env!("CARGO_PKG_VERSION"),
    " (twofactor_gateway PHP extension)"
);

/// Longest service message carried into an error.
const MAX_SERVICE_TEXT: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ClientKey {
    connect_timeout: Duration,
    ca_file: Option<String>,
}

struct ProcessClients {
    pid: u32,
    clients: HashMap<ClientKey, Client>,
}

static CLIENTS: Mutex<Option<ProcessClients>> = Mutex::new(None);

fn client_for(key: &ClientKey) -> Result<Client> {
    let pid = std::process::id();
    let mut guard = CLIENTS.lock().unwrap_or_else(|p| p.into_inner());
    if guard.as_ref().is_some_and(|c| c.pid != pid) {
        // Inherited from the parent: its runtime thread is gone. Dropping it would try to
        // join that thread, so leak it.
        std::mem::forget(guard.take());
    }
    let process = guard.get_or_insert_with(|| ProcessClients {
        pid,
        clients: HashMap::new(),
    });
    if let Some(client) = process.clients.get(key) {
        return Ok(client.clone());
    }
    let client = build_client(key)?;
    process.clients.insert(key.clone(), client.clone());
    Ok(client)
}

fn build_client(key: &ClientKey) -> Result<Client> {
    let mut builder = Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(key.connect_timeout)
        .timeout(Duration::from_secs(DEFAULT_TIMEOUT as u64))
        .redirect(reqwest::redirect::Policy::none())
        .tcp_nodelay(true)
        .pool_idle_timeout(Duration::from_secs(60));
    if let Some(path) = &key.ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_owned(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                other => other.to_string(),
            };
            Error::configuration(format!("cannot read the CA file '{path}': {why}"))
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem)
            .ok()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| {
                Error::configuration(format!("the CA file '{path}' holds no PEM certificate"))
            })?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build()
        .map_err(|e| Error::configuration(format!("cannot set up HTTP: {}", root_cause(&e))))
}

/// The time limits and trust settings of one gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub ca_file: Option<String>,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(DEFAULT_CONNECT_TIMEOUT as u64),
            timeout: Duration::from_secs(DEFAULT_TIMEOUT as u64),
            ca_file: None,
        }
    }
}

impl HttpOptions {
    /// Reads the transport fields of checked settings.
    pub fn from_settings(settings: &Settings) -> Self {
        let secs = |key, default: i64| {
            Duration::from_secs(settings.int(key).unwrap_or(default).max(1) as u64)
        };
        Self {
            connect_timeout: secs("connect_timeout", DEFAULT_CONNECT_TIMEOUT),
            timeout: secs("timeout", DEFAULT_TIMEOUT),
            ca_file: settings.text("ca_file").map(str::to_owned),
        }
    }
}

/// The HTTP side of one gateway: its name for messages, its limits, its secrets to scrub.
pub struct Transport {
    label: &'static str,
    options: HttpOptions,
    secrets: Vec<String>,
    /// The end of the time budget of the send in progress ([`Transport::start_budget`]).
    deadline: Mutex<Option<Instant>>,
}

impl Clone for Transport {
    fn clone(&self) -> Self {
        Self {
            label: self.label,
            options: self.options.clone(),
            secrets: self.secrets.clone(),
            deadline: Mutex::new(None),
        }
    }
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("label", &self.label)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A service's answer, read in full (up to [`MAX_BODY`]).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub body: Vec<u8>,
    label: &'static str,
    scrub: Vec<String>,
    /// Digit runs of the message (the code), replaced where they stand alone.
    codes: Vec<String>,
}

impl Transport {
    pub fn new(label: &'static str, settings: &Settings) -> Self {
        Self {
            label,
            options: HttpOptions::from_settings(settings),
            secrets: settings.secrets().to_vec(),
            deadline: Mutex::new(None),
        }
    }

    /// Starts the time budget of one send: from now on, all requests together get the
    /// configured `timeout`, however many a send needs (detection, tokens, clock sync).
    pub fn start_budget(&self) {
        *self.deadline.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(Instant::now() + self.options.timeout);
    }

    pub fn label(&self) -> &'static str {
        self.label
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// Starts a request with this gateway's client. Its total timeout is what is left of the
    /// budget started by [`Transport::start_budget`] (else the configured timeout); when
    /// nothing is left, it is a timeout without a request.
    pub fn request(&self, method: Method, url: Url) -> Result<RequestBuilder> {
        let deadline = *self.deadline.lock().unwrap_or_else(|p| p.into_inner());
        let timeout = match deadline {
            Some(deadline) => deadline.saturating_duration_since(Instant::now()),
            None => self.options.timeout,
        };
        if timeout < Duration::from_millis(10) {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "{}: {} did not answer within {} s",
                    self.label,
                    origin(&url),
                    self.options.timeout.as_secs()
                ),
            ));
        }
        let client = client_for(&ClientKey {
            connect_timeout: self.options.connect_timeout,
            ca_file: self.options.ca_file.clone(),
        })?;
        Ok(client.request(method, url).timeout(timeout))
    }

    /// Sends a request and reads the answer. `sensitive` lists further strings (the message
    /// text) that must not appear in errors built from the answer; runs of four or more digits
    /// in them (the code) are scrubbed on their own too.
    pub fn send(&self, request: RequestBuilder, sensitive: &[&str]) -> Result<Response> {
        let (client, request) = request.build_split();
        let request = request.map_err(|e| {
            Error::configuration(format!(
                "{}: cannot build the request: {}",
                self.label,
                root_cause(&e)
            ))
        })?;
        let origin = origin(request.url());
        let mut response = client
            .execute(request)
            .map_err(|e| self.transport_error(&origin, &e))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let mut body = Vec::new();
        (&mut response)
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| self.read_error(&origin, e))?;
        if body.len() > MAX_BODY {
            return Err(Error::unexpected(format!(
                "{}: the answer from {origin} is larger than {} KiB",
                self.label,
                MAX_BODY / 1024
            )));
        }
        let mut scrub = self.secrets.clone();
        scrub.extend(sensitive.iter().map(|s| s.to_string()));
        // Longest first, so a text is replaced whole before any part of it.
        scrub.sort_by_key(|s| std::cmp::Reverse(s.len()));
        // The code on its own: services echo messages cut short or re-encoded.
        let codes = sensitive
            .iter()
            .flat_map(|text| text.split(|c: char| !c.is_ascii_digit()))
            .filter(|run| run.len() >= 4)
            .map(str::to_owned)
            .collect();
        Ok(Response {
            status,
            retry_after,
            body,
            label: self.label,
            scrub,
            codes,
        })
    }

    fn transport_error(&self, origin: &str, e: &reqwest::Error) -> Error {
        let label = self.label;
        if e.is_timeout() && e.is_connect() {
            let secs = self.options.connect_timeout.as_secs();
            Error::new(
                ErrorKind::Timeout,
                format!("{label}: {origin} did not accept a connection within {secs} s"),
            )
        } else if e.is_timeout() {
            let secs = self.options.timeout.as_secs();
            Error::new(
                ErrorKind::Timeout,
                format!("{label}: {origin} did not answer within {secs} s"),
            )
        } else if e.is_connect() {
            Error::new(
                ErrorKind::Network,
                format!(
                    "{label}: cannot connect to {origin}: {}",
                    self.scrub(&root_cause(e))
                ),
            )
        } else {
            Error::new(
                ErrorKind::Network,
                format!(
                    "{label}: request to {origin} failed: {}",
                    self.scrub(&root_cause(e))
                ),
            )
        }
    }

    fn read_error(&self, origin: &str, e: std::io::Error) -> Error {
        let label = self.label;
        let timed_out = e.kind() == std::io::ErrorKind::TimedOut
            || e.get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if timed_out {
            let secs = self.options.timeout.as_secs();
            Error::new(
                ErrorKind::Timeout,
                format!("{label}: {origin} did not finish its answer within {secs} s"),
            )
        } else {
            Error::new(
                ErrorKind::Network,
                format!(
                    "{label}: reading the answer from {origin} failed: {}",
                    self.scrub(&root_cause(&e))
                ),
            )
        }
    }

    fn scrub(&self, text: &str) -> String {
        scrub(text, &self.secrets, &[])
    }
}

impl Response {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The answer as JSON, or an "unexpected response" error.
    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_slice(&self.body).map_err(|_| {
            Error::unexpected(format!(
                "{}: the answer (HTTP {}) is not JSON",
                self.label, self.status
            ))
        })
    }

    /// A service-provided text made safe for an error message: secrets and the message
    /// replaced by `***`, control characters removed, length bounded.
    pub fn service_text(&self, text: &str) -> String {
        scrub(text, &self.scrub, &self.codes)
    }

    /// The error for a non-success status, with the service's own words when it gave any.
    /// 401/403 → unauthorized, 429 → rate limited, 5xx → server error,
    /// 404/405/3xx → unexpected (usually a wrong URL), other 4xx → rejected.
    pub fn status_error(&self, service_message: Option<&str>) -> Error {
        let kind = match self.status {
            401 | 403 => ErrorKind::Unauthorized,
            429 => ErrorKind::RateLimited {
                retry_after: self.retry_after,
            },
            500..=599 => ErrorKind::ServerError,
            400..=499 if !matches!(self.status, 404 | 405) => ErrorKind::Rejected,
            _ => ErrorKind::UnexpectedResponse,
        };
        let mut message = format!("{}: HTTP {}", self.label, self.status);
        if let Some(text) = service_message
            .map(|t| self.service_text(t))
            .filter(|t| !t.is_empty())
        {
            message.push_str(": ");
            message.push_str(&text);
        }
        if let Some(secs) = self.retry_after.filter(|_| self.status == 429) {
            message.push_str(&format!(" (retry after {secs} s)"));
        }
        Error::new(kind, message)
    }

    /// An error for an answer of the wrong shape.
    pub fn unexpected(&self, what: &str) -> Error {
        Error::unexpected(format!("{}: {what}", self.label))
    }

    /// A rejection in the service's words.
    pub fn rejected(&self, service_message: &str) -> Error {
        Error::rejected(format!(
            "{}: {}",
            self.label,
            self.service_text(service_message)
        ))
    }
}

/// `scheme://host:port` of a URL: what errors may show.
pub fn origin(url: &Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => format!("{}://{}:{}", url.scheme(), host, port),
        (Some(host), None) => format!("{}://{}", url.scheme(), host),
        _ => url.scheme().to_owned(),
    }
}

/// The innermost cause of an error (e.g. "Connection refused (os error 111)"), without the
/// URL that reqwest's own message would carry.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if let Some(re) = cause.downcast_ref::<reqwest::Error>() {
        // A reqwest error with no source: its kind is all that can be said without the URL.
        return if re.is_builder() {
            "invalid request".into()
        } else {
            "request failed".into()
        };
    }
    cause.to_string()
}

fn scrub(text: &str, secrets: &[String], codes: &[String]) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    for secret in secrets.iter().filter(|s| s.len() >= 3) {
        out = out.replace(secret.as_str(), "***");
    }
    for code in codes {
        out = replace_standalone_digits(&out, code);
    }
    let out = out.trim();
    if out.chars().count() > MAX_SERVICE_TEXT {
        let cut: String = out.chars().take(MAX_SERVICE_TEXT).collect();
        format!("{cut}…")
    } else {
        out.to_owned()
    }
}

/// `text` with every occurrence of the digit string `code` that has no digit right before or
/// after it replaced by `***` (a code inside a longer number is not the code).
fn replace_standalone_digits(text: &str, code: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(code) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + code.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit()) {
            out.push_str(code);
        } else {
            out.push_str("***");
        }
        rest = &rest[at + code.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, retry_after: Option<u64>) -> Response {
        Response {
            status,
            retry_after,
            body: Vec::new(),
            label: "Test",
            scrub: vec!["123456 is your code".into(), "hunter22".into()],
            codes: vec!["123456".into()],
        }
    }

    #[test]
    fn origin_drops_path_query_and_credentials() {
        let url =
            Url::parse("https://user:pw@api.example.org/bot123:ABC/sendMessage?key=1").unwrap();
        assert_eq!(origin(&url), "https://api.example.org:443");
        let url = Url::parse("http://127.0.0.1:8080/x").unwrap();
        assert_eq!(origin(&url), "http://127.0.0.1:8080");
    }

    #[test]
    fn statuses_map_to_kinds() {
        let kind = |s| response(s, None).status_error(None).kind();
        assert_eq!(kind(401), ErrorKind::Unauthorized);
        assert_eq!(kind(403), ErrorKind::Unauthorized);
        assert_eq!(kind(429), ErrorKind::RateLimited { retry_after: None });
        assert_eq!(kind(500), ErrorKind::ServerError);
        assert_eq!(kind(503), ErrorKind::ServerError);
        assert_eq!(kind(400), ErrorKind::Rejected);
        assert_eq!(kind(404), ErrorKind::UnexpectedResponse);
        assert_eq!(kind(302), ErrorKind::UnexpectedResponse);
        let e = response(429, Some(30)).status_error(Some("too many"));
        assert_eq!(e.retry_after(), Some(30));
        assert_eq!(e.message(), "Test: HTTP 429: too many (retry after 30 s)");
    }

    #[test]
    fn service_text_is_scrubbed_and_bounded() {
        let r = response(400, None);
        let e = r.status_error(Some("bad token hunter22 for '123456 is your code'\n"));
        assert_eq!(e.message(), "Test: HTTP 400: bad token *** for '***'");
        let e = r.status_error(Some("text '123456+is' to 4917612345678: 123456%20is"));
        assert_eq!(
            e.message(),
            "Test: HTTP 400: text '***+is' to 4917612345678: ***%20is"
        );
        let long = "x".repeat(1000);
        assert_eq!(r.service_text(&long).chars().count(), MAX_SERVICE_TEXT + 1);
    }
}
