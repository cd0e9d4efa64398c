//! PlaySMS: not implemented yet.

use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "playsms",
        name: "PlaySMS",
        fields: &[
            Field::new(
                "url",
                "PlaySMS web service URL",
                FieldKind::Url,
                "The full URL of PlaySMS's index.php, e.g. https://sms.example.org/index.php.",
            ),
            Field::new(
                "user",
                "PlaySMS user name",
                FieldKind::Text,
                "The account messages are sent from.",
            ),
            Field::new(
                "password",
                "PlaySMS webservice token",
                FieldKind::Secret,
                "The user's webservices token (PlaySMS: My account, User configuration).",
            ),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
