//! Custom HTTP API: not implemented yet.

use super::{Gateway, Number, Provider};
use crate::error::Result;
use crate::schema::{Choice, Field, FieldKind, Spec};

pub static METHODS: &[Choice] = &[
    Choice {
        value: "POST",
        label: "POST",
    },
    Choice {
        value: "GET",
        label: "GET",
    },
    Choice {
        value: "PUT",
        label: "PUT",
    },
];

pub static BODY_FORMATS: &[Choice] = &[
    Choice {
        value: "json",
        label: "JSON",
    },
    Choice {
        value: "form",
        label: "Form (application/x-www-form-urlencoded)",
    },
    Choice {
        value: "none",
        label: "No body",
    },
];

pub static PROVIDER: Provider = Provider {
    spec: Spec {
        id: "custom",
        name: "Custom HTTP API",
        fields: &[
            Field::new(
                "url",
                "URL (placeholders {recipient}, {recipient_digits}, {message})",
                FieldKind::Text,
                "The http(s) URL requests go to; placeholders in it are URL-encoded.",
            ),
            Field::new("method", "HTTP method", FieldKind::Choice(METHODS), "")
                .default("POST"),
            Field::new(
                "body_format",
                "Body format",
                FieldKind::Choice(BODY_FORMATS),
                "How the body template is encoded and which Content-Type is sent.",
            )
            .default("json"),
            Field::new(
                "body",
                "Body template",
                FieldKind::Text,
                "e.g. {\"to\":\"{recipient}\",\"text\":\"{message}\"} or to={recipient}&text={message}; placeholders are escaped for the format.",
            )
            .optional(),
            Field::new(
                "headers",
                "Extra headers (Name: value, one per line)",
                FieldKind::Secret,
                "Sent with every request, e.g. Authorization: Bearer ...; kept secret.",
            )
            .optional(),
            Field::new(
                "username",
                "HTTP Basic user name",
                FieldKind::Text,
                "For services that use HTTP Basic authentication.",
            )
            .optional(),
            Field::new(
                "password",
                "HTTP Basic password",
                FieldKind::Secret,
                "The password for HTTP Basic authentication.",
            )
            .optional(),
            Field::new(
                "success_status",
                "Accepted HTTP status codes",
                FieldKind::Text,
                "Codes and ranges, e.g. 200,201 or 200-299.",
            )
            .default("200-299"),
            Field::new(
                "success_json_pointer",
                "JSON pointer that must match (e.g. /status)",
                FieldKind::Text,
                "When set, the answer must be JSON and the value there must equal 'success_value' (or be present and not false/null when that is empty).",
            )
            .optional(),
            Field::new(
                "success_value",
                "Value expected at the JSON pointer",
                FieldKind::Text,
                "Compared as text with the JSON value (strings, numbers, true/false).",
            )
            .optional(),
            Field::new(
                "success_contains",
                "Text the answer must contain",
                FieldKind::Text,
                "When set, the answer body must contain this text.",
            )
            .optional(),
        ],
    },
    check: None,
    send,
};

fn send(gw: &Gateway, _to: &Number, _message: &str) -> Result<()> {
    Err(gw.configuration("not implemented yet"))
}
