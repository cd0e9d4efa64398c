//! SerwerSMS: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "serwersms",
        name: "SerwerSMS",
        fields: &[
            Field::new(
                "login",
                "SerwerSMS API login",
                FieldKind::Text,
                "The login of an API user of your SerwerSMS account.",
            ),
            Field::new(
                "password",
                "SerwerSMS API password",
                FieldKind::Secret,
                "The password of that API user.",
            ),
            Field::new(
                "sender",
                "Sender name",
                FieldKind::Text,
                "A sender name approved by SerwerSMS.",
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
