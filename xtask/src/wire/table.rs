//! The table of what a test server's routes expect that their specs do not say
//! (`tests/wire/autorest.yaml`), read per operation.

use serde_json::Value;

/// What the table says of one operation, where the spec alone cannot tell: the values its
/// route expects, the status it answers with, or why it is skipped.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub params: serde_json::Map<String, Value>,
    pub body: Option<Value>,
    /// What the reply's body must read as: its JSON, or (for a body of bytes or text) its
    /// bytes as a list of numbers or its text as a string.
    pub reply: Option<Value>,
    pub status: Option<u16>,
    /// Whether the reply's status is one the spec documents (`false`: it decodes to the
    /// catch-all variant).
    pub documented: bool,
    pub decode_fails: Option<String>,
    /// Why a null the server sends for a property that is not nullable is read as absent
    /// (the model has no null to hold), so that the comparison leaves such nulls out.
    pub null_as_absent: Option<String>,
    pub skip: Option<String>,
}

impl Expectation {
    /// The runs of an operation in the table's entry: one, or several (`runs`).
    pub fn runs(entry: Option<&Value>) -> Vec<Expectation> {
        let Some(entry) = entry else {
            return vec![Expectation::of(&Value::Null)];
        };
        match entry.get("runs").and_then(Value::as_array) {
            Some(runs) => runs.iter().map(Expectation::of).collect(),
            None => vec![Expectation::of(entry)],
        }
    }

    fn of(entry: &Value) -> Expectation {
        let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_owned);
        Expectation {
            params: entry
                .get("params")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            // `body_text`: a binary body given as text, sent as its UTF-8 bytes.
            body: entry.get("body").cloned().or_else(|| {
                let text = entry.get("body_text")?.as_str()?;
                Some(Value::from(text.as_bytes().to_vec()))
            }),
            reply: entry.get("reply").cloned().or_else(|| {
                let text = entry.get("reply_text")?.as_str()?;
                Some(Value::from(text.as_bytes().to_vec()))
            }),
            status: entry
                .get("status")
                .and_then(Value::as_u64)
                .map(|s| s as u16),
            documented: entry
                .get("documented")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            decode_fails: text("decode_fails"),
            null_as_absent: text("null_as_absent"),
            skip: text("skip"),
        }
    }
}
