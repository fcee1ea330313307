//! A downstream crate's view of the seed type, `BackchannelAuthenticationCompleteApiFormResponseBody`:
//! all 26 fields by their Rust names and types, a full body read and written back, and enum
//! values the spec does not list surviving the round trip.

use authlete_models::models::operations::{
    BackchannelAuthenticationCompleteApiFormAction as Action,
    BackchannelAuthenticationCompleteApiFormAuthorizationDetails as AuthorizationDetails,
    BackchannelAuthenticationCompleteApiFormClientAttribute as ClientAttribute,
    BackchannelAuthenticationCompleteApiFormDeliveryMode as DeliveryMode,
    BackchannelAuthenticationCompleteApiFormElement as Element,
    BackchannelAuthenticationCompleteApiFormResponseBody as ResponseBody,
    BackchannelAuthenticationCompleteApiFormServiceAttribute as ServiceAttribute,
};
use indexmap::IndexMap;
use serde_json::{json, Value};

/// The seed's field list: JSON names in the seed's order.
const SEED_FIELDS: [&str; 26] = [
    "resultCode",
    "resultMessage",
    "action",
    "responseContent",
    "clientId",
    "clientIdAlias",
    "clientIdAliasUsed",
    "clientName",
    "deliveryMode",
    "clientNotificationEndpoint",
    "clientNotificationToken",
    "authReqId",
    "accessToken",
    "refreshToken",
    "idToken",
    "accessTokenDuration",
    "refreshTokenDuration",
    "idTokenDuration",
    "jwtAccessToken",
    "resources",
    "authorizationDetails",
    "serviceAttributes",
    "clientAttributes",
    "grantId",
    "clientEntityId",
    "clientEntityIdUsed",
];

/// Every field spelled out with its type (plus the map that keeps undeclared properties), so a change of name or type fails to compile.
fn full_body() -> ResponseBody {
    let s = |v: &str| Some(v.to_owned());
    ResponseBody {
        result_code: s("A1"),
        result_message: s("done"),
        action: Some(Action::NoAction),
        response_content: s("{}"),
        client_id: Some(42_i64),
        client_id_alias: s("alias"),
        client_id_alias_used: Some(true),
        client_name: s("client"),
        delivery_mode: Some(DeliveryMode::Push),
        client_notification_endpoint: s("https://client.example/cb"),
        client_notification_token: s("token"),
        auth_req_id: s("req"),
        access_token: s("at"),
        refresh_token: s("rt"),
        id_token: s("it"),
        access_token_duration: Some(3600_i64),
        refresh_token_duration: Some(86400_i64),
        id_token_duration: Some(600_i64),
        jwt_access_token: s("jwt"),
        resources: Some(vec!["https://rs.example".to_owned()]),
        authorization_details: Some(AuthorizationDetails {
            elements: Some(vec![Element {
                r#type: "payment".to_owned(),
                locations: Some(vec!["https://bank.example".to_owned()]),
                actions: Some(vec!["initiate".to_owned()]),
                data_types: Some(vec!["account".to_owned()]),
                identifier: s("id-1"),
                privileges: Some(vec!["read".to_owned()]),
                other_fields: s("{\"amount\":1}"),
                additional_properties: IndexMap::new(),
            }]),
            additional_properties: IndexMap::new(),
        }),
        service_attributes: Some(vec![ServiceAttribute {
            key: s("k"),
            value: s("v"),
            additional_properties: IndexMap::new(),
        }]),
        client_attributes: Some(vec![ClientAttribute {
            key: s("ck"),
            value: s("cv"),
            additional_properties: IndexMap::new(),
        }]),
        grant_id: s("grant"),
        client_entity_id: s("https://client.example"),
        client_entity_id_used: Some(false),
        additional_properties: IndexMap::new(),
    }
}

#[test]
fn all_26_fields_serialize_under_their_json_names_in_order() {
    let value = serde_json::to_value(full_body()).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, SEED_FIELDS);
}

#[test]
fn a_full_body_round_trips() {
    let json = serde_json::to_string(&full_body()).unwrap();
    let back: ResponseBody = serde_json::from_str(&json).unwrap();
    assert_eq!(back, full_body());
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn absent_fields_stay_absent() {
    let body: ResponseBody = serde_json::from_str(r#"{"resultCode":"A1"}"#).unwrap();
    assert_eq!(body.result_message, None);
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"resultCode": "A1"})
    );
    assert_eq!(
        serde_json::to_value(ResponseBody::default()).unwrap(),
        json!({})
    );
}

#[test]
fn enum_values_the_spec_does_not_list_round_trip() {
    let input = json!({"action": "NEW_ACTION", "deliveryMode": "carrier-pigeon"});
    let body: ResponseBody = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(body.action, Some(Action::Unknown("NEW_ACTION".to_owned())));
    assert_eq!(
        body.delivery_mode.as_ref().map(DeliveryMode::as_str),
        Some("carrier-pigeon")
    );
    assert_eq!(serde_json::to_value(&body).unwrap(), input);
}

#[test]
fn listed_enum_values_map_to_their_variants() {
    assert_eq!(Action::from("NOTIFICATION"), Action::Notification);
    assert_eq!(Action::ServerError.as_str(), "SERVER_ERROR");
    assert_eq!(DeliveryMode::Poll.to_string(), "POLL");
    let value: Value = serde_json::to_value(Action::ServerError).unwrap();
    assert_eq!(value, json!("SERVER_ERROR"));
}

#[test]
fn the_element_type_is_required() {
    let err = serde_json::from_value::<Element>(json!({"actions": []})).unwrap_err();
    assert!(err.to_string().contains("missing field `type`"), "{err}");
}

#[test]
fn properties_the_spec_does_not_declare_survive_a_round_trip() {
    let input = json!({
        "resultCode": "A1",
        "serviceOwnerNumber": 1001,
        "serviceAttributes": [{"key": "k", "value": "v", "hidden": true}],
        "future": {"nested": [1, null]}
    });
    let mut body: ResponseBody = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(
        body.additional_properties["serviceOwnerNumber"],
        json!(1001)
    );
    assert_eq!(serde_json::to_value(&body).unwrap(), input);
    // Read, modify, write: the undeclared properties are still there.
    body.result_code = Some("A2".to_owned());
    let written = serde_json::to_value(&body).unwrap();
    assert_eq!(written["future"], input["future"]);
    assert_eq!(written["serviceAttributes"][0]["hidden"], json!(true));
}
