//! The names of response bodies by status, through the whole generator: a success range is a
//! success, so the first success body of a variant is `…ResponseBody` whether its status is a
//! code or `2XX`.

use codegen::{generate_from_bytes, Options};

fn type_files(spec: &str) -> Vec<String> {
    let options = Options::new("t".to_owned(), "t.yaml".to_owned());
    let output = generate_from_bytes(spec.as_bytes(), &options).unwrap();
    output
        .files
        .iter()
        .filter_map(|f| {
            let stem = f.path.strip_prefix("src/models/operations/")?;
            Some(stem.trim_end_matches(".rs").to_owned())
        })
        .filter(|stem| stem != "mod")
        .collect()
}

fn body(schema: &str) -> String {
    format!("{{description: d, content: {{application/json: {{schema: {schema}}}}}}}")
}

#[test]
fn a_success_range_alone_is_the_response_body() {
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        2XX: {}\n        4XX: {}\n",
        body("{type: object, properties: {id: {type: string}}}"),
        body("{type: object, properties: {reason: {type: string}}}"),
    );
    let files = type_files(&spec);
    assert_eq!(
        files,
        [
            "get_a_request",
            "get_a_response",
            "get_a_response_body",
            "get_a_status4_xx_error"
        ]
    );
}

#[test]
fn a_success_range_after_a_success_code_is_named_by_its_range() {
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': {}\n        2XX: {}\n",
        body("{type: object, properties: {id: {type: string}}}"),
        body("{type: object, properties: {note: {type: string}}}"),
    );
    let files = type_files(&spec);
    assert_eq!(
        files,
        [
            "get_a_request",
            "get_a_response",
            "get_a_response_body",
            "get_a_status2_xx_response_body"
        ]
    );
}
