//! Shared by the SMS tests: the recipient, the message, and one working configuration per
//! provider pointed at a mock server.

#![allow(dead_code)]

use mockito::Matcher;
use twofactor_gateway::config::{RawConfig, Value};
use twofactor_gateway::sms::Sms;
use twofactor_gateway::Error;

/// The recipient, as the app stores it.
pub const NUMBER: &str = "+4917612345678";
/// The recipient without `+`.
pub const DIGITS: &str = "4917612345678";
/// The message; the code in it must never show up in an error.
pub const MESSAGE: &str = "123456 is your Nextcloud authentication code";
pub const CODE: &str = "123456";

/// A configuration from pairs (values as strings), with `provider` set.
pub fn config(provider: &str, pairs: &[(&str, &str)]) -> RawConfig {
    let mut c: RawConfig = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
        .collect();
    c.insert("provider".into(), provider.into());
    c
}

/// A working configuration of `provider` whose requests all go to `base`
/// (`http://127.0.0.1:PORT`), with a 2 s timeout. Secret values are distinct and long enough
/// to be scrubbed, so tests can look for them in error messages.
pub fn working_config(provider: &str, base: &str) -> RawConfig {
    let url = |path: &str| format!("{base}{path}");
    let pairs: Vec<(&str, String)> = match provider {
        "playsms" => vec![
            ("url", url("/playsms/index.php")),
            ("user", "admin".into()),
            ("password", "sekret-playsms-token".into()),
        ],
        "smsglobal" => vec![
            ("url", url("/http-api.php")),
            ("user", "nc-user".into()),
            ("password", "sekret-smsglobal-pw".into()),
        ],
        "websms_de" => vec![
            ("user", "nc-user".into()),
            ("password", "sekret-websms-pw".into()),
        ],
        "puzzel" => vec![
            ("url", url("/gw/rs/sendMessages")),
            ("user", "nc-user".into()),
            ("password", "sekret-puzzel-pw".into()),
            ("serviceid", "4711".into()),
        ],
        "ecallsms" => vec![
            ("username", "nc-user".into()),
            ("password", "sekret-ecall-pw".into()),
            ("sender", "Nextcloud".into()),
        ],
        "voipms" => vec![
            ("api_user", "admin@example.org".into()),
            ("api_password", "sekret-voipms-pw".into()),
            ("did", "5551234567".into()),
        ],
        "voipbuster" => vec![
            ("api_user", "nc-user".into()),
            ("api_password", "sekret-voipbuster-pw".into()),
            ("did", "+31201234567".into()),
        ],
        "sms77io" => vec![("api_key", "sekret-seven-key".into())],
        "ovh" => vec![
            ("endpoint", "ovh-eu".into()),
            ("application_key", "nc-app-key".into()),
            ("application_secret", "sekret-ovh-app-secret".into()),
            ("consumer_key", "sekret-ovh-consumer".into()),
            ("account", "sms-ab12345-1".into()),
            ("sender", "Nextcloud".into()),
        ],
        "spryngsms" => vec![("apitoken", "sekret-spryng-token".into())],
        "clickatell_central" => vec![
            ("api", "3456789".into()),
            ("user", "nc-user".into()),
            ("password", "sekret-clickatell-pw".into()),
        ],
        "clickatell_portal" => vec![("apikey", "sekret-clickatell-key".into())],
        "clicksend" => vec![
            ("user", "nc-user".into()),
            ("apikey", "sekret-clicksend-key".into()),
        ],
        "serwersms" => vec![
            ("login", "nc-user".into()),
            ("password", "sekret-serwersms-pw".into()),
            ("sender", "Nextcloud".into()),
        ],
        "smsapi" => vec![
            ("token", "sekret-smsapi-token".into()),
            ("sender", "Nextcloud".into()),
        ],
        "clockworksms" => vec![("apitoken", "sekret-clockwork-key".into())],
        "sipgate" => vec![
            ("token_id", "token-AB12CD".into()),
            ("access_token", "sekret-sipgate-token".into()),
            ("web_sms_extension", "s0".into()),
        ],
        "huawei_e3531" => vec![("api", url("/api"))],
        "cegedim_vortext" => vec![
            ("user", "nc-user".into()),
            ("password", "sekret-vortext-pw".into()),
            ("endpoint", "eb-pub".into()),
        ],
        "custom" => vec![
            ("url", url("/custom/send")),
            ("method", "POST".into()),
            ("body_format", "json".into()),
            ("body", r#"{"to":"{recipient}","text":"{message}"}"#.into()),
            (
                "headers",
                "Authorization: Bearer sekret-custom-token".into(),
            ),
            ("success_json_pointer", "/status".into()),
            ("success_value", "queued".into()),
        ],
        other => panic!("no working configuration for provider '{other}'"),
    };
    let mut c: RawConfig = pairs
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Value::Str(v)))
        .collect();
    // Providers whose URL is a field (`url`, Huawei's `api`) point at the mock through it;
    // the others through `api_url`. (Clickatell Central's `api` is a numeric id, not a URL.)
    let points_at_base = ["url", "api"]
        .iter()
        .any(|k| matches!(c.get(*k), Some(Value::Str(v)) if v.starts_with(base)));
    if !points_at_base {
        c.insert("api_url".into(), base.into());
    }
    c.insert("timeout".into(), "2".into());
    c.insert("provider".into(), provider.into());
    c
}

/// The provider with its working configuration against `base`.
pub fn sms(provider: &str, base: &str) -> Sms {
    Sms::new(&working_config(provider, base)).unwrap()
}

/// The secret values of a working configuration (the keys the schema marks secret).
pub fn secrets(config: &RawConfig) -> Vec<String> {
    let id = match config.get("provider") {
        Some(Value::Str(id)) => id.clone(),
        _ => return Vec::new(),
    };
    let provider = twofactor_gateway::sms::provider(&id).unwrap();
    let mut out: Vec<String> = provider
        .spec
        .all_fields()
        .filter(|f| f.is_secret())
        .filter_map(|f| match config.get(f.key) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    // A secret inside a header line: its token part alone must not leak either.
    for s in out.clone() {
        if let Some((_, token)) = s.rsplit_once(' ') {
            out.push(token.to_owned());
        }
    }
    out
}

/// Fails when the error's message shows a secret, the message or the code.
pub fn assert_clean(e: &Error, secrets: &[String]) {
    let m = e.message();
    for s in secrets {
        assert!(!m.contains(s.as_str()), "secret in: {m}");
    }
    assert!(!m.contains(MESSAGE), "message in: {m}");
    assert!(!m.contains(CODE), "code in: {m}");
}

/// Matches the User-Agent every request carries.
pub fn user_agent() -> Matcher {
    Matcher::Regex(r"^Nextcloud-TwoFactorGateway/\d+\.\d+\.\d+ ".into())
}
