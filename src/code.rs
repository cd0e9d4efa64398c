//! One-time codes: generation and checking.
//!
//! [`issue`] draws a numeric code from the operating system's CSPRNG and returns it with an
//! opaque *state* string for the caller to keep (the PHP session, a user preference). The state
//! holds no code, only a keyed hash of it, so a leaked session or database row does not reveal
//! it, and a MAC over all fields, so it cannot be edited (e.g. to reset the attempt counter).
//! The key is the Nextcloud instance secret.
//!
//! State format (ASCII, dot-separated, base64url without padding for binary parts):
//! `tfg1.<issued_at>.<ttl>.<max_attempts>.<attempts_used>.<used 0|1>.<length>.<salt>.<tag>.<mac>`
//! where `tag = HMAC-SHA256(key, "tfg-code-v1" 0 salt 0 code)[..16]` and
//! `mac = HMAC-SHA256(key, "tfg-state-v1" 0 <everything before ".mac">)[..16]`.
//!
//! [`verify`] is constant time in the code (the tags are compared with `subtle`) and answers
//! false once the code expired, after `max_attempts` wrong tries, and after one success.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::TryRngCore;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::{Error, Result};

type HmacSha256 = Hmac<Sha256>;

const VERSION: &str = "tfg1";
const TAG_LEN: usize = 16;
const SALT_LEN: usize = 16;

pub const MIN_LENGTH: u32 = 4;
pub const MAX_LENGTH: u32 = 10;
pub const DEFAULT_LENGTH: u32 = 6;
pub const MAX_TTL: u32 = 600;
pub const DEFAULT_TTL: u32 = 300;
pub const MAX_ATTEMPTS: u32 = 20;
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;
/// Shortest key accepted (the Nextcloud secret is far longer).
pub const MIN_KEY_LEN: usize = 16;

/// How a code is made: digits, lifetime, tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub length: u32,
    pub ttl: u32,
    pub max_attempts: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            length: DEFAULT_LENGTH,
            ttl: DEFAULT_TTL,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
        }
    }
}

impl Policy {
    pub fn new(length: i64, ttl: i64, max_attempts: i64) -> Result<Self> {
        let mut problems = Vec::new();
        let mut bounded = |name: &str, v: i64, min: u32, max: u32| -> u32 {
            if v < i64::from(min) || v > i64::from(max) {
                problems.push(format!("{name} must be between {min} and {max}"));
                min
            } else {
                v as u32
            }
        };
        let policy = Self {
            length: bounded("length", length, MIN_LENGTH, MAX_LENGTH),
            ttl: bounded("ttl", ttl, 1, MAX_TTL),
            max_attempts: bounded("maxAttempts", max_attempts, 1, MAX_ATTEMPTS),
        };
        if problems.is_empty() {
            Ok(policy)
        } else {
            Err(Error::configuration(format!(
                "code policy is invalid: {}",
                problems.join("; ")
            )))
        }
    }
}

/// A fresh code and the state to keep for it.
#[derive(Clone, PartialEq, Eq)]
pub struct Issued {
    pub code: String,
    pub state: String,
    pub expires_at: u64,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Where a code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Can still be entered.
    Pending,
    /// Was entered correctly once; never again.
    Used,
    /// Its time is up.
    Expired,
    /// Too many wrong tries.
    Exhausted,
    /// The state is malformed, was edited, or was made with another key.
    Invalid,
}

impl Standing {
    pub fn name(self) -> &'static str {
        match self {
            Standing::Pending => "pending",
            Standing::Used => "used",
            Standing::Expired => "expired",
            Standing::Exhausted => "exhausted",
            Standing::Invalid => "invalid",
        }
    }
}

/// What a state says, without the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub standing: Standing,
    pub issued_at: u64,
    pub expires_at: u64,
    pub attempts_left: u32,
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub valid: bool,
    /// Why not, when not valid: `mismatch`, `used`, `expired`, `exhausted`, `invalid`;
    /// `ok` when valid.
    pub reason: &'static str,
    /// The state to keep from now on (attempts counted, or marked used).
    pub state: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    issued_at: u64,
    ttl: u32,
    max_attempts: u32,
    attempts: u32,
    used: bool,
    length: u32,
    salt: [u8; SALT_LEN],
    tag: [u8; TAG_LEN],
}

fn check_key(key: &[u8]) -> Result<()> {
    if key.len() < MIN_KEY_LEN {
        return Err(Error::configuration(format!(
            "the code key must be at least {MIN_KEY_LEN} bytes long"
        )));
    }
    Ok(())
}

fn mac(key: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length; this cannot fail.
    <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC accepts any key length")
}

fn code_tag(key: &[u8], salt: &[u8], code: &[u8]) -> [u8; TAG_LEN] {
    let mut m = mac(key);
    m.update(b"tfg-code-v1\0");
    m.update(salt);
    m.update(b"\0");
    m.update(code);
    let full = m.finalize().into_bytes();
    let mut tag = [0u8; TAG_LEN];
    tag.copy_from_slice(&full[..TAG_LEN]);
    tag
}

impl State {
    fn encode(&self, key: &[u8]) -> String {
        let body = format!(
            "{VERSION}.{}.{}.{}.{}.{}.{}.{}.{}",
            self.issued_at,
            self.ttl,
            self.max_attempts,
            self.attempts,
            u8::from(self.used),
            self.length,
            URL_SAFE_NO_PAD.encode(self.salt),
            URL_SAFE_NO_PAD.encode(self.tag),
        );
        let mut m = mac(key);
        m.update(b"tfg-state-v1\0");
        m.update(body.as_bytes());
        let full = m.finalize().into_bytes();
        format!("{body}.{}", URL_SAFE_NO_PAD.encode(&full[..TAG_LEN]))
    }

    fn decode(key: &[u8], text: &str) -> Option<Self> {
        let (body, mac_b64) = text.rsplit_once('.')?;
        let given = URL_SAFE_NO_PAD.decode(mac_b64).ok()?;
        let mut m = mac(key);
        m.update(b"tfg-state-v1\0");
        m.update(body.as_bytes());
        m.verify_truncated_left(&given).ok()?;
        if given.len() != TAG_LEN {
            return None;
        }
        let parts: Vec<&str> = body.split('.').collect();
        let [version, issued_at, ttl, max_attempts, attempts, used, length, salt, tag] =
            parts.as_slice()
        else {
            return None;
        };
        if *version != VERSION {
            return None;
        }
        Some(Self {
            issued_at: issued_at.parse().ok()?,
            ttl: ttl.parse().ok()?,
            max_attempts: max_attempts.parse().ok()?,
            attempts: attempts.parse().ok()?,
            used: match *used {
                "0" => false,
                "1" => true,
                _ => return None,
            },
            length: length.parse().ok()?,
            salt: URL_SAFE_NO_PAD.decode(salt).ok()?.try_into().ok()?,
            tag: URL_SAFE_NO_PAD.decode(tag).ok()?.try_into().ok()?,
        })
    }

    fn expires_at(&self) -> u64 {
        self.issued_at.saturating_add(u64::from(self.ttl))
    }

    fn status(&self, now: u64) -> Status {
        let standing = if self.used {
            Standing::Used
        } else if now >= self.expires_at() {
            Standing::Expired
        } else if self.attempts >= self.max_attempts {
            Standing::Exhausted
        } else {
            Standing::Pending
        };
        Status {
            standing,
            issued_at: self.issued_at,
            expires_at: self.expires_at(),
            attempts_left: self.max_attempts.saturating_sub(self.attempts),
        }
    }
}

const INVALID_STATUS: Status = Status {
    standing: Standing::Invalid,
    issued_at: 0,
    expires_at: 0,
    attempts_left: 0,
};

/// The current Unix time in seconds.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Draws a code of `policy.length` digits from the OS CSPRNG, uniformly.
fn draw_code(length: u32) -> Result<String> {
    let mut rng = rand::rngs::OsRng;
    let limit = 10u64.pow(length);
    // Rejection sampling keeps every code equally likely.
    let zone = u64::MAX - (u64::MAX % limit);
    for _ in 0..64 {
        let n = rng
            .try_next_u64()
            .map_err(|_| Error::configuration("the system random number generator failed"))?;
        if n < zone {
            return Ok(format!("{:0width$}", n % limit, width = length as usize));
        }
    }
    Err(Error::configuration(
        "the system random number generator failed",
    ))
}

/// Makes a new code and its state.
pub fn issue(key: &[u8], policy: Policy, now: u64) -> Result<Issued> {
    check_key(key)?;
    let code = draw_code(policy.length)?;
    let mut salt = [0u8; SALT_LEN];
    rand::rngs::OsRng
        .try_fill_bytes(&mut salt)
        .map_err(|_| Error::configuration("the system random number generator failed"))?;
    let state = State {
        issued_at: now,
        ttl: policy.ttl,
        max_attempts: policy.max_attempts,
        attempts: 0,
        used: false,
        length: policy.length,
        salt,
        tag: code_tag(key, &salt, code.as_bytes()),
    };
    Ok(Issued {
        code,
        expires_at: state.expires_at(),
        state: state.encode(key),
    })
}

/// Reads a state without checking a code.
pub fn inspect(key: &[u8], state: &str, now: u64) -> Result<Status> {
    check_key(key)?;
    Ok(State::decode(key, state).map_or(INVALID_STATUS, |s| s.status(now)))
}

/// Checks what a user typed. Spaces and dashes are ignored ("123 456", "123-456").
pub fn verify(key: &[u8], state: &str, input: &str, now: u64) -> Result<Verification> {
    check_key(key)?;
    let Some(mut st) = State::decode(key, state) else {
        return Ok(Verification {
            valid: false,
            reason: Standing::Invalid.name(),
            state: state.to_owned(),
            status: INVALID_STATUS,
        });
    };
    let before = st.status(now);
    if before.standing != Standing::Pending {
        return Ok(Verification {
            valid: false,
            reason: before.standing.name(),
            state: state.to_owned(),
            status: before,
        });
    }
    let typed: Vec<u8> = input
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'-'))
        .collect();
    let well_formed = typed.len() == st.length as usize && typed.iter().all(u8::is_ascii_digit);
    // Always compute the tag, so the time taken does not depend on the input's shape.
    let candidate = code_tag(key, &st.salt, &typed);
    let matches = bool::from(candidate.ct_eq(&st.tag)) && well_formed;
    if matches {
        st.used = true;
    } else {
        st.attempts += 1;
    }
    let status = st.status(now);
    Ok(Verification {
        valid: matches,
        reason: if matches { "ok" } else { "mismatch" },
        state: st.encode(key),
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef-instance-secret";
    const T0: u64 = 1_800_000_000;

    #[test]
    fn codes_have_the_asked_length_and_vary() {
        for len in MIN_LENGTH..=MAX_LENGTH {
            let i = issue(KEY, Policy::new(len.into(), 300, 5).unwrap(), T0).unwrap();
            assert_eq!(i.code.len(), len as usize);
            assert!(i.code.bytes().all(|b| b.is_ascii_digit()));
        }
        let codes: std::collections::HashSet<String> = (0..50)
            .map(|_| issue(KEY, Policy::default(), T0).unwrap().code)
            .collect();
        assert!(
            codes.len() > 40,
            "50 codes gave only {} distinct",
            codes.len()
        );
    }

    #[test]
    fn digits_are_roughly_uniform() {
        let mut counts = [0u32; 10];
        for _ in 0..2000 {
            for b in issue(KEY, Policy::default(), T0).unwrap().code.bytes() {
                counts[(b - b'0') as usize] += 1;
            }
        }
        // 12000 digits: each expected 1200; a broken generator lands far outside this band.
        assert!(
            counts.iter().all(|&c| (1000..1400).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn the_state_does_not_contain_the_code() {
        for _ in 0..20 {
            let i = issue(KEY, Policy::new(10, 300, 5).unwrap(), T0).unwrap();
            assert!(!i.state.contains(&i.code));
        }
    }

    #[test]
    fn right_code_once_then_never_again() {
        let i = issue(KEY, Policy::default(), T0).unwrap();
        let v = verify(KEY, &i.state, &i.code, T0 + 10).unwrap();
        assert!(v.valid);
        assert_eq!(v.reason, "ok");
        assert_eq!(v.status.standing, Standing::Used);
        let again = verify(KEY, &v.state, &i.code, T0 + 11).unwrap();
        assert!(!again.valid);
        assert_eq!(again.reason, "used");
    }

    #[test]
    fn spaces_and_dashes_are_ignored() {
        let i = issue(KEY, Policy::default(), T0).unwrap();
        let typed = format!(" {}-{} ", &i.code[..3], &i.code[3..]);
        assert!(verify(KEY, &i.state, &typed, T0).unwrap().valid);
    }

    #[test]
    fn attempts_run_out() {
        let i = issue(KEY, Policy::new(6, 300, 3).unwrap(), T0).unwrap();
        let wrong = if i.code == "000000" {
            "111111"
        } else {
            "000000"
        };
        let mut state = i.state.clone();
        for left in [2, 1, 0] {
            let v = verify(KEY, &state, wrong, T0).unwrap();
            assert!(!v.valid);
            assert_eq!(v.reason, "mismatch");
            assert_eq!(v.status.attempts_left, left);
            state = v.state;
        }
        let v = verify(KEY, &state, &i.code, T0).unwrap();
        assert!(!v.valid);
        assert_eq!(v.reason, "exhausted");
    }

    #[test]
    fn codes_expire() {
        let i = issue(KEY, Policy::new(6, 60, 5).unwrap(), T0).unwrap();
        assert!(verify(KEY, &i.state, &i.code, T0 + 59).unwrap().valid);
        let v = verify(KEY, &i.state, &i.code, T0 + 60).unwrap();
        assert!(!v.valid);
        assert_eq!(v.reason, "expired");
        assert_eq!(
            inspect(KEY, &i.state, T0 + 60).unwrap().standing,
            Standing::Expired
        );
    }

    #[test]
    fn malformed_wrong_shape_and_edited_states_are_invalid() {
        let i = issue(KEY, Policy::new(6, 300, 1).unwrap(), T0).unwrap();
        let v = verify(KEY, &i.state, "12345x", T0).unwrap();
        assert_eq!(v.reason, "mismatch");
        assert_eq!(v.status.standing, Standing::Exhausted);
        // Reset the attempt counter by hand: the MAC catches it.
        let parts: Vec<&str> = v.state.split('.').collect();
        assert_eq!(parts[4], "1");
        let forged = format!(
            "{}.{}.{}.{}.0.{}",
            parts[0],
            parts[1],
            parts[2],
            parts[3],
            parts[5..].join(".")
        );
        assert_eq!(
            inspect(KEY, &forged, T0).unwrap().standing,
            Standing::Invalid
        );
        assert_eq!(verify(KEY, &forged, &i.code, T0).unwrap().reason, "invalid");
        for junk in ["", "tfg1", "tfg1.a.b", "x.y.z", &"9".repeat(5000)] {
            assert_eq!(verify(KEY, junk, "123456", T0).unwrap().reason, "invalid");
        }
        let other_key = b"another-instance-secret-0123456789";
        assert_eq!(
            verify(other_key, &i.state, &i.code, T0).unwrap().reason,
            "invalid"
        );
    }

    #[test]
    fn short_keys_and_bad_policies_are_configuration_errors() {
        assert_eq!(
            issue(b"short", Policy::default(), T0).unwrap_err().kind(),
            crate::ErrorKind::Configuration
        );
        let e = Policy::new(3, 601, 0).unwrap_err();
        assert!(e.message().contains("length must be between 4 and 10"));
        assert!(e.message().contains("ttl must be between 1 and 600"));
        assert!(e.message().contains("maxAttempts must be between 1 and 20"));
    }
}
