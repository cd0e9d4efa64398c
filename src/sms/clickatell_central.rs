//! Clickatell Central: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clickatell_central",
        name: "Clickatell Central",
        fields: &[
            Field::new(
                "api",
                "Clickatell API id",
                FieldKind::Text,
                "The numeric API id of your HTTP API connection.",
            ),
            Field::new(
                "user",
                "Clickatell user name",
                FieldKind::Text,
                "Your Clickatell Central account name.",
            ),
            Field::new(
                "password",
                "Clickatell password",
                FieldKind::Secret,
                "Your Clickatell Central account password.",
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
