//! Voipbuster: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
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

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
