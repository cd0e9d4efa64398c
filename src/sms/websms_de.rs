//! WebSMS.de: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "websms_de",
        name: "WebSMS.de",
        fields: &[
            Field::new(
                "user",
                "WebSMS user name",
                FieldKind::Text,
                "Your websms account name.",
            ),
            Field::new(
                "password",
                "WebSMS password",
                FieldKind::Secret,
                "Your websms account password.",
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
