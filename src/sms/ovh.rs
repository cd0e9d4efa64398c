//! OVH: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static ENDPOINTS: &[Choice] = &[
    Choice {
        value: "ovh-eu",
        label: "OVH Europe",
    },
    Choice {
        value: "ovh-us",
        label: "OVH US",
    },
    Choice {
        value: "ovh-ca",
        label: "OVH North America",
    },
    Choice {
        value: "kimsufi-eu",
        label: "Kimsufi Europe",
    },
    Choice {
        value: "kimsufi-ca",
        label: "Kimsufi North America",
    },
    Choice {
        value: "soyoustart-eu",
        label: "So you Start Europe",
    },
    Choice {
        value: "soyoustart-ca",
        label: "So you Start North America",
    },
    Choice {
        value: "runabove-ca",
        label: "RunAbove",
    },
];

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "ovh",
        name: "OVH",
        fields: &[
            Field::new(
                "endpoint",
                "OVH API endpoint",
                FieldKind::Choice(ENDPOINTS),
                "The OVH API your account lives in.",
            ),
            Field::new(
                "application_key",
                "OVH application key",
                FieldKind::Text,
                "From https://eu.api.ovh.com/createApp/ (or your region's).",
            ),
            Field::new(
                "application_secret",
                "OVH application secret",
                FieldKind::Secret,
                "Shown once when the application is created.",
            ),
            Field::new(
                "consumer_key",
                "OVH consumer key",
                FieldKind::Secret,
                "A consumer key with GET /sms and POST /sms/*/jobs rights.",
            ),
            Field::new(
                "account",
                "OVH SMS account (sms-xx00000-1)",
                FieldKind::Text,
                "The SMS service name.",
            ),
            Field::new(
                "sender",
                "OVH sender",
                FieldKind::Text,
                "A sender registered for that SMS account.",
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
