//! Runtime cost of the generated models against plain `#[derive(Deserialize, Serialize)]`
//! structs of the same shape: deserialize and serialize a list of 1,000 response bodies built
//! from the spec's own example for `backchannel_authentication_complete_api`.
//!
//! `cargo bench -p codegen-tests --bench models` prints the medians of 21 runs of each.

use authlete_models::models::operations::BackchannelAuthenticationCompleteApiResponseBody as Generated;
use serde::{Deserialize, Serialize};
use xtask::bench::median_time;

/// The same fields as the generated type, written as a user would without open enums or kept
/// unknown properties: enums as plain strings, nested objects as plain structs.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Plain {
    #[serde(skip_serializing_if = "Option::is_none")]
    result_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id_alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id_alias_used: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_notification_endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_notification_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_req_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_token_duration: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token_duration: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id_token_duration: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    jwt_access_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resources: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authorization_details: Option<PlainDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_attributes: Option<Vec<PlainPair>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_attributes: Option<Vec<PlainPair>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grant_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_entity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_entity_id_used: Option<bool>,
}

#[derive(Serialize, Deserialize)]
struct PlainDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    elements: Option<Vec<PlainElement>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlainElement {
    r#type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    locations: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actions: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_types: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    privileges: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    other_fields: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct PlainPair {
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
}

/// The spec's example for the operation's 200 response, read from `spec/` through the
/// generator's own loader, so the benchmark follows the spec.
fn example() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/authlete-ciba.yaml");
    let spec = codegen::load::parse(&std::fs::read(path).unwrap(), "spec")
        .unwrap()
        .value;
    spec["paths"]["/api/{serviceId}/backchannel/authentication/complete"]["post"]["responses"]
        ["200"]["content"]["application/json"]["examples"]["default"]["value"]
        .clone()
}

/// Runs of each measurement; the median is reported.
const RUNS: usize = 21;

fn main() {
    let list = serde_json::Value::Array(vec![example(); 1000]);
    let json = serde_json::to_string(&list).unwrap();
    // Each result is dropped inside its timing, as a caller's would be.
    let generated_de = median_time(RUNS, || {
        serde_json::from_str::<Vec<Generated>>(&json).unwrap()
    });
    let plain_de = median_time(RUNS, || serde_json::from_str::<Vec<Plain>>(&json).unwrap());
    let generated: Vec<Generated> = serde_json::from_str(&json).unwrap();
    let plain: Vec<Plain> = serde_json::from_str(&json).unwrap();
    let generated_ser = median_time(RUNS, || serde_json::to_string(&generated).unwrap());
    let plain_ser = median_time(RUNS, || serde_json::to_string(&plain).unwrap());
    println!(
        "1,000 bodies, {} bytes of JSON; medians of {RUNS} runs",
        json.len()
    );
    println!(
        "{:<14} {:>12} {:>12} {:>8}",
        "", "generated", "plain", "ratio"
    );
    for (what, g, p) in [
        ("deserialize", generated_de, plain_de),
        ("serialize", generated_ser, plain_ser),
    ] {
        println!(
            "{what:<14} {:>10.2}ms {:>10.2}ms {:>7.2}x",
            g.as_secs_f64() * 1e3,
            p.as_secs_f64() * 1e3,
            g.as_secs_f64() / p.as_secs_f64()
        );
    }
}
