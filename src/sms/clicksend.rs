//! ClickSend: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "clicksend",
        name: "ClickSend",
        fields: &[
            Field::new(
                "user",
                "ClickSend user name",
                FieldKind::Text,
                "Your ClickSend API user name.",
            ),
            Field::new(
                "apikey",
                "ClickSend API key",
                FieldKind::Secret,
                "From the ClickSend dashboard: API credentials.",
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
