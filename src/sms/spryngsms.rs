//! Spryng: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "spryngsms",
        name: "Spryng",
        fields: &[
            Field::new(
                "apitoken",
                "Spryng API token",
                FieldKind::Secret,
                "From the Spryng portal: Settings, API.",
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
