//! EcallSMS: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "ecallsms",
        name: "EcallSMS",
        fields: &[
        Field::new(
            "username",
            "eCall user name",
            FieldKind::Text,
            "Your eCall account name.",
        ),
        Field::new(
            "password",
            "eCall password",
            FieldKind::Secret,
            "Your eCall account password.",
        ),
        Field::new(
            "sender",
            "Sender id",
            FieldKind::Text,
            "Number or name the message appears to come from (at most 16 digits or 11 characters).",
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
