//! SMSAPI: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "smsapi",
        name: "SMSAPI",
        fields: &[
            Field::new(
                "token",
                "SMSAPI OAuth token",
                FieldKind::Secret,
                "An API token from the SMSAPI customer portal (scope: sms).",
            ),
            Field::new(
                "sender",
                "Sender name",
                FieldKind::Text,
                "A sender name registered at SMSAPI; leave empty for the account default.",
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
