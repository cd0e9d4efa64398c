//! `TwoFactorGateway\Code`.

// Parameters are named as PHP callers name them (camelCase, for named arguments).
#![allow(non_snake_case)]

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

use super::convert::{assoc, zv};
use super::to_php;
use crate::code::{self as core, Policy, Status};
use crate::error::Error;

/// One-time codes for login and set-up: made from the OS CSPRNG, checked in constant time,
/// limited in time (default 300 s, at most 600), in attempts (default 5) and to one success.
///
/// The code goes to the user; the opaque state goes into the session or a user preference. The
/// state holds only a keyed hash of the code (key: the instance secret) and is MAC-protected,
/// so neither reading nor editing it helps an attacker. Keep the state returned by verify():
/// it counts the attempts.
#[php_class]
#[php(name = "TwoFactorGateway\\Code")]
pub struct Code;

/// PHP strings are bytes: a state or input that is not UTF-8 cannot match, but must not
/// turn into a TypeError on the login page either.
fn text<'a>(bytes: &'a BinarySlice<'_, u8>) -> std::borrow::Cow<'a, str> {
    String::from_utf8_lossy(bytes)
}

fn time(now: Option<i64>) -> Result<u64, PhpException> {
    match now {
        None => Ok(core::now()),
        Some(n) => {
            u64::try_from(n).map_err(|_| to_php(Error::configuration("now must not be negative")))
        }
    }
}

fn status_pairs(s: &Status) -> Vec<(&'static str, Zval)> {
    vec![
        ("standing", zv(s.standing.name())),
        ("issuedAt", zv(s.issued_at as i64)),
        ("expiresAt", zv(s.expires_at as i64)),
        ("attemptsLeft", zv(i64::from(s.attempts_left))),
    ]
}

#[php_impl]
impl Code {
    /// Makes a new code.
    ///
    /// @param string $key the instance secret (at least 16 bytes)
    /// @param int|null $length digits, 4 to 10 (default 6)
    /// @param int|null $ttl seconds, 1 to 600 (default 300)
    /// @param int|null $maxAttempts wrong tries allowed, 1 to 20 (default 5)
    /// @param int|null $now Unix time (default: the clock), for tests
    /// @return array{code: string, state: string, expiresAt: int}
    /// @throws \TwoFactorGateway\Exception\ConfigurationException
    pub fn issue(
        key: BinarySlice<u8>,
        length: Option<i64>,
        ttl: Option<i64>,
        maxAttempts: Option<i64>,
        now: Option<i64>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let policy = Policy::new(
            length.unwrap_or(core::DEFAULT_LENGTH.into()),
            ttl.unwrap_or(core::DEFAULT_TTL.into()),
            maxAttempts.unwrap_or(core::DEFAULT_MAX_ATTEMPTS.into()),
        )
        .map_err(to_php)?;
        let issued = core::issue(&key, policy, time(now)?).map_err(to_php)?;
        assoc(vec![
            ("code", zv(issued.code.as_str())),
            ("state", zv(issued.state.as_str())),
            ("expiresAt", zv(issued.expires_at as i64)),
        ])
    }

    /// Checks what the user typed (spaces and dashes ignored) against a state.
    ///
    /// reason is "ok", "mismatch", "used", "expired", "exhausted" or "invalid" (malformed,
    /// edited, or made with another key). Store the returned state in place of the old one.
    ///
    /// @return array{valid: bool, reason: string, state: string, standing: string, issuedAt: int, expiresAt: int, attemptsLeft: int}
    /// @throws \TwoFactorGateway\Exception\ConfigurationException a short key
    pub fn verify(
        key: BinarySlice<u8>,
        state: BinarySlice<u8>,
        input: BinarySlice<u8>,
        now: Option<i64>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let v = core::verify(&key, &text(&state), &text(&input), time(now)?).map_err(to_php)?;
        let mut pairs = vec![
            ("valid", zv(v.valid)),
            ("reason", zv(v.reason)),
            ("state", zv(v.state.as_str())),
        ];
        pairs.extend(status_pairs(&v.status));
        assoc(pairs)
    }

    /// Reads a state without using an attempt: whether the code can still be entered, when it
    /// was made and expires, and how many tries are left (for "send a new code" cooldowns).
    ///
    /// standing is "pending", "used", "expired", "exhausted" or "invalid".
    ///
    /// @return array{usable: bool, standing: string, issuedAt: int, expiresAt: int, attemptsLeft: int}
    /// @throws \TwoFactorGateway\Exception\ConfigurationException a short key
    pub fn inspect(
        key: BinarySlice<u8>,
        state: BinarySlice<u8>,
        now: Option<i64>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let s = core::inspect(&key, &text(&state), time(now)?).map_err(to_php)?;
        let mut pairs = vec![("usable", zv(s.standing == core::Standing::Pending))];
        pairs.extend(status_pairs(&s));
        assoc(pairs)
    }
}
