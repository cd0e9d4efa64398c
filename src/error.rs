//! The one error type of the core.
//!
//! Every failure carries an [`ErrorKind`] and a message written for an admin. Messages never
//! contain secrets (tokens, passwords, API keys, one-time codes): request URLs are reduced to
//! their origin and configured secrets are scrubbed from anything a service answers
//! (see [`crate::http`]). The PHP binding maps each kind to one exception class with a stable
//! code ([`ErrorKind::code`]).

use std::fmt;

/// What went wrong, as far as a caller needs to decide what to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The gateway configuration is incomplete or invalid.
    Configuration,
    /// The recipient identifier (phone number, group id, …) is not usable.
    InvalidIdentifier,
    /// The message itself is not usable (empty, too long).
    InvalidMessage,
    /// The service could not be reached (DNS, refused connection, TLS, reset).
    Network,
    /// The service did not answer within the configured time.
    Timeout,
    /// The service refused our credentials (HTTP 401/403 or its own equivalent).
    Unauthorized,
    /// The service asked us to slow down; `retry_after` is in seconds when it said so.
    RateLimited { retry_after: Option<u64> },
    /// The service answered and refused to deliver, with its reason.
    Rejected,
    /// The service failed on its side (HTTP 5xx).
    ServerError,
    /// The answer could not be understood (not the documented shape, too large, …).
    UnexpectedResponse,
}

impl ErrorKind {
    /// The stable code the PHP exception carries (`getCode()`).
    pub fn code(self) -> i32 {
        match self {
            ErrorKind::Configuration => 100,
            ErrorKind::InvalidIdentifier => 200,
            ErrorKind::InvalidMessage => 210,
            ErrorKind::Network => 301,
            ErrorKind::Timeout => 302,
            ErrorKind::Unauthorized => 303,
            ErrorKind::RateLimited { .. } => 304,
            ErrorKind::Rejected => 305,
            ErrorKind::ServerError => 306,
            ErrorKind::UnexpectedResponse => 307,
        }
    }

    /// True for the kinds that mean "the message did not get through".
    pub fn is_transmission(self) -> bool {
        self.code() >= 300
    }

    /// True when trying again later may succeed.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorKind::Network
                | ErrorKind::Timeout
                | ErrorKind::RateLimited { .. }
                | ErrorKind::ServerError
        )
    }
}

/// A failure of the gateway core.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    pub fn configuration(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Configuration, message)
    }

    pub fn invalid_identifier(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidIdentifier, message)
    }

    pub fn invalid_message(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidMessage, message)
    }

    pub fn rejected(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Rejected, message)
    }

    pub fn unexpected(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::UnexpectedResponse, message)
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn code(&self) -> i32 {
        self.kind.code()
    }

    /// Seconds the service asked us to wait, when it said so.
    pub fn retry_after(&self) -> Option<u64> {
        match self.kind {
            ErrorKind::RateLimited { retry_after } => retry_after,
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_distinct() {
        let kinds = [
            ErrorKind::Configuration,
            ErrorKind::InvalidIdentifier,
            ErrorKind::InvalidMessage,
            ErrorKind::Network,
            ErrorKind::Timeout,
            ErrorKind::Unauthorized,
            ErrorKind::RateLimited { retry_after: None },
            ErrorKind::Rejected,
            ErrorKind::ServerError,
            ErrorKind::UnexpectedResponse,
        ];
        let codes: Vec<i32> = kinds.iter().map(|k| k.code()).collect();
        assert_eq!(codes, [100, 200, 210, 301, 302, 303, 304, 305, 306, 307]);
        let transmission: Vec<bool> = kinds.iter().map(|k| k.is_transmission()).collect();
        assert_eq!(
            transmission,
            [false, false, false, true, true, true, true, true, true, true]
        );
    }

    #[test]
    fn retry_after_only_for_rate_limits() {
        let e = Error::new(
            ErrorKind::RateLimited {
                retry_after: Some(7),
            },
            "slow down",
        );
        assert_eq!(e.retry_after(), Some(7));
        assert_eq!(e.to_string(), "slow down");
        assert_eq!(Error::rejected("no").retry_after(), None);
    }
}
