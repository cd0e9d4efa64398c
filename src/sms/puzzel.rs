//! Puzzel SMS: not implemented yet.

use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "puzzel",
        name: "Puzzel SMS",
        fields: &[
        Field::new(
            "url",
            "Puzzel SMS gateway URL",
            FieldKind::Url,
            "The GET endpoint of the Puzzel SMS gateway, e.g. https://[servername]/gw/rs/sendMessages.",
        ),
        Field::new(
            "user",
            "Puzzel user name",
            FieldKind::Text,
            "The username of the service.",
        ),
        Field::new(
            "password",
            "Puzzel password",
            FieldKind::Secret,
            "The password of the service.",
        ),
        Field::new(
            "serviceid",
            "Puzzel service id",
            FieldKind::Text,
            "The numeric service id.",
        ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
