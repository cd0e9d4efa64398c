//! Clickatell Portal: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clickatell_portal",
        name: "Clickatell Portal",
        fields: &[
            Field::new(
                "apikey",
                "Clickatell API key",
                FieldKind::Secret,
                "The API key of an HTTP integration in the Clickatell portal.",
            ),
            Field::new(
                "from",
                "Sender (from)",
                FieldKind::Text,
                "A two-way number of your integration; leave empty for Clickatell's default.",
            )
            .optional(),
            API_URL,
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
