//! Huawei E3531: not implemented yet.

use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Field, FieldKind, Spec};

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "huawei_e3531",
        name: "Huawei E3531",
        fields: &[Field::new(
            "api",
            "Modem API URL",
            FieldKind::Url,
            "The API base of the modem's web interface.",
        )
        .default("http://192.168.8.1/api")],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
