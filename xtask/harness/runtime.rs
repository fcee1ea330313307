//! How the wire harness judges a reply: copied into the harness program beside the modules
//! that `cargo xtask wire` writes for each spec.

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;

/// The status a run expects.
pub enum Status {
    /// A 2xx, decoded to a documented variant.
    Success,
    /// Any status the spec documents (an operation that documents only errors).
    Documented,
    /// This status, decoded to its documented variant.
    Exactly(u16),
    /// This status, which the spec does not document: decoded to the catch-all variant.
    Undocumented(u16),
}

pub struct Expect {
    pub status: Status,
    /// Why the reply must not decode (a route that sends what the spec does not allow).
    pub decode_fails: Option<&'static str>,
    /// Why the server's null members are compared as absent ones (nulls it sends for
    /// properties the spec does not make nullable).
    pub null_as_absent: Option<&'static str>,
    /// What the body must read as (JSON text): its JSON, its text as a string, or its
    /// bytes as a list of numbers.
    pub reply: Option<&'static str>,
    /// The operation's response examples that break their schema (JSON text, and why), as
    /// the generator's examples pass found them: a mock that serves one cannot be decoded.
    pub contradicted: &'static [(&'static str, &'static str)],
    /// The operation's path parameters, to tell a mock that matched the request to another
    /// operation of the same path shape.
    pub path_params: &'static [&'static str],
    /// The name of the operation's response type.
    pub response: &'static str,
}

/// A reply's body as the model read it.
pub enum Read {
    Nothing,
    /// A JSON body, written back as JSON.
    Json(Value),
    Text(String),
    Bytes(Vec<u8>),
}

/// What came back.
pub enum Outcome {
    Reply {
        status: u16,
        documented: bool,
        /// The body as the model read it.
        read: Read,
        body: Vec<u8>,
    },
    DecodeFailed {
        status: u16,
        message: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    Failed(String),
}

/// A value of a request's field, from JSON text.
pub fn value<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("{e} in {json}"))
}

/// The counts and the failures of a run.
#[derive(Default)]
pub struct Harness {
    passed: usize,
    failed: Vec<Value>,
    skipped: Vec<String>,
    /// The JSON each read returned, by path, for a write of the same path to send back.
    replies: BTreeMap<String, Value>,
    /// The spec's examples that did not fit their models, each replaced by a value made
    /// from the schema.
    notes: std::cell::RefCell<Vec<String>>,
}

impl Harness {
    /// What the read of `path` returned, as a value of a write's body that may be absent:
    /// absent where the read returned nothing.
    pub fn paired_optional<T: DeserializeOwned>(&self, path: &str, fallback: Option<&str>) -> Result<Option<T>, String> {
        match self.replies.get(path) {
            Some(Value::Null) => Ok(None),
            _ => self.paired(path, fallback).map(Some),
        }
    }

    /// What the read of `path` returned, as a value of a write's body; else `fallback` (JSON
    /// text), where there is one.
    pub fn paired<T: DeserializeOwned>(&self, path: &str, fallback: Option<&str>) -> Result<T, String> {
        match (self.replies.get(path), fallback) {
            (Some(reply), _) => serde_json::from_value(reply.clone()).map_err(|e| format!("{e} in {reply}")),
            (None, Some(fallback)) => value(fallback),
            (None, None) => Err(format!("no read of {path} came back to send, and no schema to make a value from")),
        }
    }

    /// The spec's `example` as a value of `T`; where it does not fit (the spec's example breaks
    /// its schema), `sample`, with a note in the report saying so.
    pub fn example_or<T: DeserializeOwned>(&self, what: &str, example: &str, sample: &str) -> Result<T, String> {
        match serde_json::from_str(example) {
            Ok(value) => Ok(value),
            Err(why) => {
                self.notes
                    .borrow_mut()
                    .push(format!("{what}: the spec's example does not fit the model ({why}); sent a value made from the schema"));
                value(sample)
            }
        }
    }

    pub fn note(&self, note: String) {
        self.notes.borrow_mut().push(note);
    }

    pub fn skip(&mut self, spec: &str, operation: &str, why: &str) {
        self.skipped.push(format!("{spec} {operation}: {why}"));
    }

    /// Judges one reply; `read` is the path of a read, whose reply a write may send back.
    pub fn record(&mut self, spec: &str, operation: &str, read: Option<&str>, expect: Expect, outcome: Outcome) {
        let why = spec_breaks_itself(&outcome)
            .or_else(|| served_a_broken_example(&expect, &outcome))
            .or_else(|| routed_elsewhere(&expect, &outcome));
        if let Some(why) = why {
            self.skip(spec, operation, &why);
            return;
        }
        match judge(&expect, &outcome) {
            Ok(()) => {
                self.passed += 1;
                if let (Some(path), Outcome::Reply { body, .. }) = (read, &outcome) {
                    let reply = if body.iter().all(u8::is_ascii_whitespace) {
                        Some(Value::Null)
                    } else {
                        serde_json::from_slice::<Value>(body).ok()
                    };
                    if let Some(reply) = reply {
                        self.replies.entry(path.to_owned()).or_insert(reply);
                    }
                }
            }
            Err(why) => {
                // A reply that did not decode goes with its status and body, for the xtask to
                // tell whether it breaks the spec (the server's fault) or not (the model's).
                let decode = match &outcome {
                    Outcome::DecodeFailed { status, headers, body, .. } => serde_json::json!({
                        "status": status,
                        "headers": headers,
                        "body": String::from_utf8_lossy(body),
                        "response": expect.response,
                    }),
                    _ => Value::Null,
                };
                self.failed.push(serde_json::json!({
                    "spec": spec,
                    "what": format!("{spec} {operation}"),
                    "why": why,
                    "decode": decode,
                }));
            }
        }
    }

    /// Writes what came of the runs to `path` as JSON (`passed`, `failed`, `skipped`,
    /// `notes`), for the xtask to judge and print.
    pub fn report(&self, path: &str) {
        let report = serde_json::json!({
            "passed": self.passed,
            "failed": self.failed,
            "skipped": self.skipped,
            "notes": *self.notes.borrow(),
        });
        std::fs::write(path, report.to_string()).expect("the report file is writable");
    }
}

/// Prism's answer when the reply it would make from the spec breaks the spec itself (an
/// example that does not match its schema): a `500` whose violations are all in the
/// response. Nothing a client sent is at fault, so the run says why and counts as skipped.
fn spec_breaks_itself(outcome: &Outcome) -> Option<String> {
    let (Outcome::Reply { status: 500, body, .. } | Outcome::DecodeFailed { status: 500, body, .. }) = outcome else {
        return None;
    };
    let reply: Value = serde_json::from_slice(body).ok()?;
    if !reply.get("type")?.as_str()?.ends_with("#VIOLATIONS") {
        return None;
    }
    let violations = reply.get("validation")?.as_array()?;
    let in_response = |v: &Value| v.pointer("/location/0").and_then(Value::as_str) == Some("response");
    if violations.is_empty() || !violations.iter().all(in_response) {
        return None;
    }
    let messages: Vec<&str> = violations.iter().filter_map(|v| v.get("message")?.as_str()).collect();
    Some(format!("the spec's own reply breaks its schema: {}", messages.join("; ")))
}

/// A reply that did not decode because it is one of the spec's examples that break their own
/// schema.
fn served_a_broken_example(expect: &Expect, outcome: &Outcome) -> Option<String> {
    let Outcome::DecodeFailed { body, .. } = outcome else {
        return None;
    };
    let sent: Value = serde_json::from_slice(body).ok()?;
    expect.contradicted.iter().find_map(|(example, why)| {
        let example: Value = serde_json::from_str(example).ok()?;
        same(&sent, &example, false).then(|| format!("the server sent the spec's example, which breaks its schema: {why}"))
    })
}

/// Prism's `422` about path parameters the operation does not have: the spec has two paths
/// of the same shape (`/a/{id}` and `/a/{number}`) and Prism matched the other one.
fn routed_elsewhere(expect: &Expect, outcome: &Outcome) -> Option<String> {
    let (Outcome::Reply { status: 422, body, .. } | Outcome::DecodeFailed { status: 422, body, .. }) = outcome else {
        return None;
    };
    let reply: Value = serde_json::from_slice(body).ok()?;
    let violations = reply.get("validation")?.as_array()?;
    let foreign: Vec<&str> = violations
        .iter()
        .map(|v| match (v.pointer("/location/0").and_then(Value::as_str), v.pointer("/location/1").and_then(Value::as_str)) {
            (Some("path"), Some(name)) if !expect.path_params.iter().any(|p| p.eq_ignore_ascii_case(name)) => Some(name),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!foreign.is_empty()).then(|| {
        format!("the mock matched another operation of the same path shape (path parameter {})", foreign.join(", "))
    })
}

/// A validating mock's `422` about the request (its body, query, path or headers): the
/// violations, for a run that sends something else instead.
pub fn refused_request(outcome: &Outcome) -> Option<String> {
    let (Outcome::Reply { status: 422, body, .. } | Outcome::DecodeFailed { status: 422, body, .. }) = outcome else {
        return None;
    };
    let reply: Value = serde_json::from_slice(body).ok()?;
    let violations = reply.get("validation")?.as_array()?;
    let about_request = |v: &Value| {
        matches!(v.pointer("/location/0").and_then(Value::as_str), Some("body" | "query" | "path" | "header"))
    };
    (!violations.is_empty() && violations.iter().all(about_request)).then(|| shown(body))
}

fn judge(expect: &Expect, outcome: &Outcome) -> Result<(), String> {
    match outcome {
        Outcome::Failed(why) => Err(why.clone()),
        Outcome::DecodeFailed { status, message, body, .. } => match expect.decode_fails {
            // The reply must still come with the status the request earns.
            Some(_) if status_ok(&expect.status, *status, true) => Ok(()),
            Some(_) => Err(format!("status {status}; body {}", shown(body))),
            None => Err(format!("{status}: {message}; body {}", shown(body))),
        },
        Outcome::Reply { status, documented, read, body } => {
            if let Some(why) = expect.decode_fails {
                return Err(format!("{status} decoded, but it should not have: {why}"));
            }
            if !status_ok(&expect.status, *status, *documented) {
                return Err(format!("status {status} (documented: {documented}); body {}", shown(body)));
            }
            if let Some(expected) = expect.reply {
                let expected: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
                let got = match read {
                    Read::Nothing => Value::Null,
                    Read::Json(value) => value.clone(),
                    Read::Text(text) => Value::String(text.clone()),
                    Read::Bytes(bytes) => Value::from(bytes.clone()),
                };
                if got != expected {
                    return Err(format!("read {got}, where {expected} was expected"));
                }
            }
            let Read::Json(json) = read else {
                return Ok(());
            };
            let text = String::from_utf8_lossy(body);
            let sent = if text.trim().is_empty() {
                Value::Null
            } else {
                serde_json::from_str::<Value>(&text).map_err(|e| format!("the reply is not JSON ({e}): {}", shown(body)))?
            };

            if same(&sent, json, expect.null_as_absent.is_some()) {
                Ok(())
            } else {
                Err(format!("read as {json}, but the server sent {sent}"))
            }
        }
    }
}

fn status_ok(expected: &Status, status: u16, documented: bool) -> bool {
    match expected {
        Status::Success => (200..300).contains(&status) && documented,
        Status::Documented => documented,
        Status::Exactly(code) => status == *code && documented,
        Status::Undocumented(code) => status == *code && !documented,
    }
}

/// A reply's body for a message: the violations where it is a validating mock's answer, else
/// its first 200 characters.
fn shown(body: &[u8]) -> String {
    let violations = serde_json::from_slice::<Value>(body).ok().and_then(|reply| {
        let list = reply.get("validation")?.as_array()?.clone();
        let lines: Vec<String> = list
            .iter()
            .map(|v| format!("{} ({})", v.get("message").and_then(Value::as_str).unwrap_or("?"), v.get("location").unwrap_or(&Value::Null)))
            .collect();
        Some(format!("violations: {}", lines.join("; ")))
    });
    violations.unwrap_or_else(|| String::from_utf8_lossy(body).chars().take(200).collect())
}

/// JSON equality of what the server `sent` and what the model `read`, comparing numbers by
/// value (`1` read into an `f64` comes back `1.0`); with `null_as_absent`, a null member the
/// server sent may be missing from what was read.
fn same(sent: &Value, read: &Value, null_as_absent: bool) -> bool {
    match (sent, read) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y, null_as_absent))
        }
        (Value::Object(x), Value::Object(y)) => {
            let kept = |value: &Value| !(null_as_absent && value.is_null());
            y.keys().all(|k| x.contains_key(k))
                && x.iter().all(|(k, v)| match y.get(k) {
                    Some(w) => same(v, w, null_as_absent),
                    None => !kept(v),
                })
        }
        _ => sent == read,
    }
}
