//! SMSGlobal: not implemented yet.

use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "smsglobal",
        name: "SMSGlobal",
        fields: &[
            Field::new(
                "url",
                "SMSGlobal HTTP API URL",
                FieldKind::Url,
                "Leave the default unless SMSGlobal gave you another endpoint.",
            )
            .default("https://api.smsglobal.com/http-api.php"),
            Field::new(
                "user",
                "SMSGlobal API user name",
                FieldKind::Text,
                "From SMSGlobal's MXT: Tools, API keys (HTTP API).",
            ),
            Field::new(
                "password",
                "SMSGlobal API password",
                FieldKind::Secret,
                "The password of that API user.",
            ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
