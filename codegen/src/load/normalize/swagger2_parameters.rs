//! Swagger 2.0 parameters in the 3.0 form: `body` and `formData` parameters become the
//! request body (one object schema, multipart where a field is a file), the others keep their
//! place with a `schema` built from their type keywords and `collectionFormat` as
//! `style`/`explode`.

use super::Provenance;
use crate::pointer::pointer_join;
use serde_json::{json, Map, Value};

pub(super) fn convert_parameters(
    op: &mut Map<String, Value>,
    op_at: &str,
    written: Vec<(Value, String)>,
    shared: &Map<String, Value>,
    consumes: &[String],
    provenance: &mut Provenance,
) {
    let mut parameters = Vec::new();
    let mut form = Map::new();
    let mut form_required = Vec::new();
    let mut form_has_file = false;
    // (field name, the pointer its parameter was written at)
    let mut form_fields: Vec<(String, String)> = Vec::new();
    let mut body: Option<(Map<String, Value>, String)> = None;
    for (parameter, from) in written {
        // A reference to a shared parameter stands for it, here.
        let (parameter, from) = match parameter.get("$ref").and_then(Value::as_str) {
            Some(reference) => match crate::pointer::segments(reference)
                .filter(|s| s.len() == 2 && s[0] == "parameters")
                .and_then(|s| shared.get(&s[1]))
            {
                Some(found) => (found.clone(), reference.to_owned()),
                None => (parameter, from),
            },
            None => (parameter, from),
        };
        let Value::Object(mut p) = parameter else {
            continue;
        };
        match p.get("in").and_then(Value::as_str) {
            Some("body") => body = Some((p, from)),
            Some("formData") => {
                let name = p
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if p.remove("required") == Some(Value::Bool(true)) {
                    form_required.push(json!(name));
                }
                form_has_file |= p.get("type").and_then(Value::as_str) == Some("file");
                let schema = parameter_schema(&mut p);
                form.insert(name.clone(), Value::Object(schema));
                form_fields.push((name, from));
            }
            _ => {
                let to = pointer_join(
                    &pointer_join(op_at, "parameters"),
                    &parameters.len().to_string(),
                );
                if !p.contains_key("schema") {
                    let schema = parameter_schema(&mut p);
                    p.insert("schema".to_owned(), Value::Object(schema));
                    provenance.moved(&pointer_join(&to, "schema"), &from);
                }
                provenance.moved(&to, &from);
                parameters.push(Value::Object(p));
            }
        }
    }
    if !parameters.is_empty() {
        op.insert("parameters".to_owned(), Value::Array(parameters));
    }
    let body_at = pointer_join(op_at, "requestBody");
    if let Some((mut p, from)) = body {
        let schema = p.remove("schema").unwrap_or_else(|| json!({}));
        let mut content = Map::new();
        for media in consumes {
            let media_at = pointer_join(&pointer_join(&body_at, "content"), media);
            provenance.moved(
                &pointer_join(&media_at, "schema"),
                &pointer_join(&from, "schema"),
            );
            content.insert(media.clone(), json!({ "schema": schema.clone() }));
        }
        let mut request = Map::new();
        if let Some(description) = p.remove("description") {
            request.insert("description".to_owned(), description);
        }
        if let Some(required) = p.remove("required") {
            request.insert("required".to_owned(), required);
        }
        request.insert("content".to_owned(), Value::Object(content));
        op.insert("requestBody".to_owned(), Value::Object(request));
        provenance.moved(&body_at, &from);
    } else if !form.is_empty() {
        let form_media: Vec<&str> = consumes
            .iter()
            .map(String::as_str)
            .filter(|m| *m == "application/x-www-form-urlencoded" || *m == "multipart/form-data")
            .collect();
        let media = match (form_media.as_slice(), form_has_file) {
            ([], true) => vec!["multipart/form-data"],
            ([], false) => vec!["application/x-www-form-urlencoded"],
            (list, _) => list.to_vec(),
        };
        let mut schema = json!({ "type": "object", "properties": form });
        if !form_required.is_empty() {
            schema["required"] = Value::Array(form_required);
        }
        let mut content = Map::new();
        for m in media {
            let schema_at = pointer_join(
                &pointer_join(&pointer_join(&body_at, "content"), m),
                "schema",
            );
            for (name, from) in &form_fields {
                let field_at = pointer_join(&pointer_join(&schema_at, "properties"), name);
                provenance.moved(&field_at, from);
            }
            content.insert(m.to_owned(), json!({ "schema": schema.clone() }));
        }
        op.insert("requestBody".to_owned(), json!({ "content": content }));
    }
}

/// A non-body parameter's type keywords, taken out of it as its `schema`; `collectionFormat`
/// becomes the parameter's `style` and `explode`.
pub(super) fn parameter_schema(p: &mut Map<String, Value>) -> Map<String, Value> {
    const TYPE_KEYWORDS: [&str; 18] = [
        "type",
        "format",
        "items",
        "enum",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "multipleOf",
        "x-nullable",
        "x-isnullable",
    ];
    let mut schema = Map::new();
    for key in TYPE_KEYWORDS {
        if let Some(value) = p.remove(key) {
            schema.insert(key.to_owned(), value);
        }
    }
    p.remove("allowEmptyValue");
    let list = schema.get("type").and_then(Value::as_str) == Some("array");
    let format = p.remove("collectionFormat");
    // 2.0 joins a list with commas unless `collectionFormat` says otherwise; 3.0's default
    // for a query list is to repeat the name, so the default is written out.
    match format.as_ref().and_then(Value::as_str) {
        Some("multi") => {
            p.insert("style".to_owned(), json!("form"));
            p.insert("explode".to_owned(), json!(true));
        }
        Some("ssv") => {
            p.insert("style".to_owned(), json!("spaceDelimited"));
            p.insert("explode".to_owned(), json!(false));
        }
        Some("pipes") => {
            p.insert("style".to_owned(), json!("pipeDelimited"));
            p.insert("explode".to_owned(), json!(false));
        }
        // No 3.0 style joins with tabs: the format is kept for lowering to read.
        Some("tsv") => {
            p.insert(super::COLLECTION_FORMAT.to_owned(), json!("tsv"));
            p.insert("explode".to_owned(), json!(false));
        }
        Some(_) => {
            p.insert("explode".to_owned(), json!(false));
        }
        None if list => {
            p.insert("explode".to_owned(), json!(false));
        }
        None => {}
    }
    schema
}
