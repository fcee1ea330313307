//! What the harness program reports, judged with the specs at hand: a reply that did not
//! decode is the server's fault where it breaks the spec (a body or a documented header that
//! contradicts its schema, as the generator's examples pass reads schemas), and the generated
//! model's where it does not. Prints every failure, skip and note, and the counts.

use codegen::ir::{ResponseBody, ResponseDef, StatusKey, TypeKind, TypeRef, TypeSpace};
use serde_json::Value;
use std::path::Path;

/// Reads the report at `path`, judges it and prints it; whether every run passed.
pub fn judge(path: &Path, spaces: &[(String, TypeSpace)]) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let report: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = |key: &str| {
        report
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut skipped: Vec<String> = list("skipped")
        .iter()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    let mut failed = Vec::new();
    for failure in list("failed") {
        let what = failure
            .get("what")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let why = failure
            .get("why")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match server_fault(&failure, spaces) {
            Some(fault) => skipped.push(format!(
                "{what}: the server's reply breaks the spec: {fault}"
            )),
            None => failed.push(format!("{what}: {why}")),
        }
    }
    for failure in &failed {
        println!("FAIL {failure}");
    }
    for skip in &skipped {
        println!("SKIP {skip}");
    }
    for note in list("notes") {
        println!("NOTE {}", note.as_str().unwrap_or_default());
    }
    let passed = report.get("passed").and_then(Value::as_u64).unwrap_or(0);
    println!(
        "wire: {passed} passed, {} failed, {} skipped",
        failed.len(),
        skipped.len()
    );
    Ok(failed.is_empty())
}

/// Where a reply that did not decode breaks its spec: the body or a header, and why.
fn server_fault(failure: &Value, spaces: &[(String, TypeSpace)]) -> Option<String> {
    let decode = failure.get("decode").filter(|d| !d.is_null())?;
    let spec = failure.get("spec")?.as_str()?;
    let space = &spaces.iter().find(|(name, _)| name == spec)?.1;
    let response_name = decode.get("response")?.as_str()?;
    let status = u16::try_from(decode.get("status")?.as_u64()?).ok()?;
    let response = space.ids().find_map(|id| match &space.get(id).kind {
        TypeKind::Response(r) if space.name(id) == response_name => Some(r),
        _ => None,
    })?;
    let case = case_of(response, status)?;
    if let Some(headers) = case.headers {
        if let TypeKind::Headers(fields) = &space.get(headers).kind {
            let sent = decode
                .get("headers")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for field in fields {
                let values: Vec<&str> = sent
                    .iter()
                    .filter_map(|pair| {
                        let name = pair.get(0)?.as_str()?;
                        name.eq_ignore_ascii_case(&field.json_name)
                            .then(|| pair.get(1)?.as_str())?
                    })
                    .collect();
                if values.is_empty() {
                    continue;
                }
                let value = header_value(&field.ty, &values.join(","));
                if let Some(why) = codegen::passes::contradiction(space, &field.ty, &value) {
                    return Some(format!("header `{}`: {why}", field.json_name));
                }
            }
        }
    }
    let ty = match &case.body {
        ResponseBody::Json(ty) | ResponseBody::Content(ty) => ty,
        _ => return None,
    };
    let body: Value = serde_json::from_str(decode.get("body")?.as_str()?).ok()?;
    codegen::passes::contradiction(space, ty, &body).map(|why| format!("body: {why}"))
}

/// The case a status falls in: its code, else its range, else `default`.
fn case_of(response: &ResponseDef, status: u16) -> Option<&codegen::ir::ResponseCase> {
    let find = |key: StatusKey| response.cases.iter().find(|case| case.status == key);
    find(StatusKey::Code(status))
        .or_else(|| find(StatusKey::Range(status / 100)))
        .or_else(|| find(StatusKey::Default))
}

/// A header's text as the JSON value its type reads: a number, a boolean, a list of the
/// comma-separated items, else the text.
fn header_value(ty: &TypeRef, text: &str) -> Value {
    let text = text.trim();
    match ty {
        TypeRef::Bool => text
            .parse::<bool>()
            .map_or_else(|_| Value::from(text), Value::from),
        TypeRef::I32 | TypeRef::I64 => text
            .parse::<i64>()
            .map_or_else(|_| Value::from(text), Value::from),
        TypeRef::U32 | TypeRef::U64 => text
            .parse::<u64>()
            .map_or_else(|_| Value::from(text), Value::from),
        TypeRef::F64 => text
            .parse::<f64>()
            .map_or_else(|_| Value::from(text), Value::from),
        TypeRef::Vec(item) => Value::Array(
            text.split(',')
                .map(|part| header_value(item, part))
                .collect(),
        ),
        TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => header_value(inner, text),
        _ => Value::from(text),
    }
}
