//! Cegedim.Cloud Vortext: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static ENDPOINTS: &[Choice] = &[
    Choice {
        value: "eb-pub",
        label: "Public (messages.cloud.cegedim.com)",
    },
    Choice {
        value: "eb-int",
        label: "Internal (vortext.cloud.cegedim.com)",
    },
];

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "cegedim_vortext",
        name: "Cegedim.Cloud Vortext",
        fields: &[
            Field::new(
                "user",
                "Vortext user name",
                FieldKind::Text,
                "Your Vortext API user.",
            ),
            Field::new(
                "password",
                "Vortext password",
                FieldKind::Secret,
                "The password of that user.",
            ),
            Field::new(
                "endpoint",
                "Vortext endpoint",
                FieldKind::Choice(ENDPOINTS),
                "Which Vortext platform your account is on.",
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
