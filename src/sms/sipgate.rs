//! SipGate: not implemented yet.

use super::API_URL;
use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "sipgate",
        name: "SipGate",
        fields: &[
        Field::new(
            "token_id",
            "sipgate token id",
            FieldKind::Text,
            "The id of a personal access token (token-XXXXXX) with the sessions:sms:write scope.",
        ),
        Field::new(
            "access_token",
            "sipgate personal access token",
            FieldKind::Secret,
            "The token itself.",
        ),
        Field::new(
            "web_sms_extension",
            "Web SMS extension (s0, s1, ...)",
            FieldKind::Text,
            "The SMS extension messages are sent from.",
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
