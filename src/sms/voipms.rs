//! VoIP.ms: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "voipms",
        name: "VoIP.ms",
        fields: &[
            Field::new(
                "api_user",
                "VoIP.ms API user name (your e-mail)",
                FieldKind::Text,
                "The e-mail address of your VoIP.ms account.",
            ),
            Field::new(
                "api_password",
                "VoIP.ms API password",
                FieldKind::Secret,
                "The API password set in VoIP.ms's API settings.",
            ),
            Field::new(
                "did",
                "VoIP.ms DID (sending number)",
                FieldKind::Text,
                "An SMS-enabled DID of your account, digits only.",
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
