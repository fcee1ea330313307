//! The `requests` fixture through its `Operation` impls: every parameter location and style,
//! multipart and text bodies, an optional body, and responses by code, range and default; and
//! the `seed_names` fixture's names, which must exist as written.

use codegen_tests::requests::models::operations as ops;
use codegen_tests::requests::{Decode, Operation};

fn find_items() -> ops::FindItemsRequest {
    ops::FindItemsRequest {
        store_id: "main st".to_owned(),
        coords: vec![3, 4],
        filter: ops::Filter {
            color: Some("red".to_owned()),
            size: Some(2),
            ..Default::default()
        },
        tags: Some(vec!["a".to_owned(), "b".to_owned()]),
        ids: Some(vec![1, 2]),
        sort: Some(ops::Sort::Price),
        range: Some(ops::Range {
            min: Some(1),
            max: None,
            ..Default::default()
        }),
        x_trace_id: None,
        session: "s-1".to_owned(),
    }
}

#[test]
fn every_parameter_goes_where_its_location_and_style_say() {
    let request = find_items();
    assert_eq!(
        request.path(),
        "/stores/main%20st/items.3,4;color=red;size=2"
    );
    let query: Vec<(String, String)> = request.query();
    let expected = [
        ("tags", "a"),
        ("tags", "b"),
        ("ids", "1,2"),
        ("sort", "price"),
        ("range[min]", "1"),
    ];
    assert_eq!(query, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
    // The absent header is left out; the cookie is the `Cookie` header.
    assert_eq!(
        request.headers(),
        vec![("Cookie".to_owned(), "session=s-1".to_owned())]
    );
    assert_eq!(request.body().unwrap(), None);
    assert_eq!(ops::FindItemsRequest::CONTENT_TYPE, None);
}

#[test]
fn responses_decode_by_code_then_range_then_default() {
    use ops::FindItemsResponse as R;
    let json = [("content-type", "application/json")];
    let ok = R::decode(200, &json, br#"[{"name":"pen"}]"#).unwrap();
    assert!(matches!(&ok, R::Ok(Some(items)) if items[0].name.as_deref() == Some("pen")));
    let none = R::decode(204, &(), b"").unwrap();
    assert_eq!(none, R::NoContent);
    assert_eq!(none.status(), 204);
    let client = R::decode(409, &json, br#"{"message":"taken"}"#).unwrap();
    assert!(matches!(&client, R::Status4Xx(409, Some(e)) if e.message.as_deref() == Some("taken")));
    assert_eq!(client.status(), 409);
    // The default response is text: read as a `String`.
    let other = R::decode(503, &[("content-type", "text/plain")], b"busy").unwrap();
    assert_eq!(other, R::Default(503, "busy".to_owned()));
    assert_eq!(other.status(), 503);
    let bad = R::decode(404, &json, b"not json").unwrap_err();
    assert_eq!(
        (bad.status, bad.type_name),
        (404, "FindItemsStatus4XxError")
    );
}

#[test]
fn bodies_are_encoded_in_each_variants_media_type() {
    let multipart = ops::UploadPhotoMultipartRequest {
        store_id: "7".to_owned(),
        request_body: ops::UploadPhotoMultipartRequestBody {
            // A file of the multipart body: its bytes (not UTF-8 here) go as they are.
            file: ops::UploadPhotoMultipartRequestBodyFile {
                file_name: "cat \"1\".png".to_owned(),
                content_type: Some("image/png".to_owned()),
                content: vec![0x89, b'P', b'N', b'G', 0xff, 0x00, b'\r', b'\n'],
            },
            labels: Some(vec!["x".to_owned(), "y".to_owned()]),
            meta: None,
            additional_properties: Default::default(),
        },
    };
    let content_type = ops::UploadPhotoMultipartRequest::CONTENT_TYPE.unwrap();
    let boundary = content_type.split_once("boundary=").unwrap().1;
    let bytes = multipart.body().unwrap().unwrap();
    let file_part = [
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cat %221%22.png\"\r\nContent-Type: image/png\r\n\r\n").into_bytes(),
        vec![0x89, b'P', b'N', b'G', 0xff, 0x00, b'\r', b'\n', b'\r', b'\n'],
    ]
    .concat();
    assert!(
        bytes.windows(file_part.len()).any(|w| w == file_part),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let body = String::from_utf8_lossy(&bytes);
    assert_eq!(body.matches(&format!("--{boundary}\r\n")).count(), 3);
    assert!(body.contains("name=\"labels\"\r\n\r\ny\r\n"), "{body}");
    assert_eq!(multipart.path(), "/stores/7/photos");

    let raw = ops::UploadPhotoRawRequest {
        store_id: "7".to_owned(),
        request_body: "a note".to_owned(),
    };
    assert_eq!(ops::UploadPhotoRawRequest::CONTENT_TYPE, Some("text/plain"));
    assert_eq!(raw.body().unwrap().unwrap(), b"a note");

    // A variant whose only input is its body has the body as its request, sent whole.
    let note = ops::PutNoteRequest {
        text: Some("hi".to_owned()),
        ..Default::default()
    };
    assert_eq!(note.body().unwrap().unwrap(), br#"{"text":"hi"}"#);
    assert_eq!(
        ops::PutNoteRequest::default().body().unwrap().unwrap(),
        b"{}"
    );
    assert_eq!(ops::PutNoteRequest::METHOD, "PUT");
    assert_eq!(ops::PutNoteRequest::CONTENT_TYPE, Some("application/json"));
    assert_eq!(note.path(), "/notes");
    let read: ops::PutNoteRequest = serde_json::from_str(r#"{"text":"hi","mood":"ok"}"#).unwrap();
    assert_eq!(read.text.as_deref(), Some("hi"));
    assert_eq!(read.additional_properties["mood"], "ok");
}

#[test]
fn the_seed_naming_rules_give_the_seed_generators_names() {
    use codegen_tests::seed_names::models::operations as names;
    // Singulars (and a word kept as it is), by the type of a field holding them; a name only
    // one nested type wants is its base alone, one that two variants want takes each's prefix.
    let body = names::ServiceCreateResponseBody::default();
    let _: Option<Vec<names::ServiceCreateMetadatum>> = body.metadata;
    let _: Option<Vec<names::MtlsEndpointAlias>> = body.mtls_endpoint_aliases;
    let _: Option<Vec<names::LogoUris>> = body.logo_uris;
    let keys = names::KeySetGetResponseBody::default();
    let _: Option<Vec<names::KeySetGetMetadatum>> = keys.metadata;
    // An empty object is a type of its own, a map by another name.
    let _: Option<Vec<names::Key>> = keys.keys;
    let key: names::Key = serde_json::from_str(r#"{"kty": "EC", "crv": "P-256"}"#).unwrap();
    assert_eq!(key["crv"], "P-256");
    // Each module has its own names: the inline access token beside the component (and, being
    // identical to it, an alias of it).
    let _: Option<Vec<names::AccessToken>> = keys.access_tokens;
    assert_eq!(
        std::any::TypeId::of::<names::AccessToken>(),
        std::any::TypeId::of::<codegen_tests::seed_names::models::components::AccessToken>()
    );
    // A name both sides want takes each side; in a shared context, the context as well.
    let _: Option<names::ServiceCreateKindResponse> = body.kind;
    let _: Option<Vec<names::ServiceCreateAttributeResponse>> = body.attributes;
    let scope = names::ServiceCreateScopeResponse::default();
    let _: Option<Vec<names::ServiceCreateScopeAttributeResponse>> = scope.attributes;
    let request = names::ServiceCreateRequest::default();
    let _: Option<names::ServiceCreateKindRequest> = request.kind;
    let _: Option<Vec<names::ServiceCreateAttributeRequest>> = request.attributes;
    // The nearest contender keeps the name; the other takes the context that tells it apart.
    let grant = names::GrantGetResponseBody::default();
    let _: Option<names::GrantGetDetails> = grant.details;
    let inner = names::Grant::default();
    let _: Option<names::GrantGetGrantDetails> = inner.details;
    let details = names::GrantGetGrantDetails::default();
    let _: Option<Vec<names::GrantGetGrantElement>> = details.elements;
    let outer = names::GrantGetDetails::default();
    let _: Option<Vec<names::GrantGetElement>> = outer.elements;
    // A schema that names itself takes the name (the override before the title); the body's
    // name from context is an alias of it, and another variant's copy falls back to context.
    let thing = names::ThingCreateResponseBody::default();
    let _: Option<names::ThingState> = thing.state;
    let _: Option<names::ThingExtra> = thing.extra;
    let body: names::NewThing = names::ThingCreateRequestBody::default();
    let _: names::ThingCreateFormNewThing = body;
    // A component and an operation type of one name live side by side, one in each module.
    use codegen_tests::seed_names::models::components;
    let _ = components::ThingCreateRequest::default();
    // In components alike: a nested enum alone with its name is called by it, two that want
    // one name take their component's, and one named like a component takes its parent's.
    let shape = components::Shape::default();
    let _: Option<components::Angle> = shape.angle;
    let _: Option<components::ShapeColour> = shape.colour;
    let _: Option<components::CircleFill> = components::Circle::default().fill;
    let _: Option<components::SquareFill> = components::Square::default().fill;
    let request = names::ThingCreateRequest { request_body: None };
    assert_eq!(
        <names::ThingCreateRequest as codegen_tests::seed_names::Operation>::METHOD,
        "POST"
    );
    let _ = request;
}
