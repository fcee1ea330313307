//! What the `wire` fixture's crate puts on the wire and reads from it, without a network:
//! response headers, bodies of bytes and text, a status in two media types, servers, every
//! kind of credential, files in a multipart body, read-only and write-only properties, and a
//! family of schemas told apart by a discriminator.

use codegen_tests::wire::models::components::{Cat, Dog, Note, Pet, PetAny};
use codegen_tests::wire::models::operations as ops;
use codegen_tests::wire::{Content, Credential, Credentials, Decode, Operation, Security, SERVERS};

#[test]
fn documented_headers_are_typed_and_checked() {
    type R = ops::GetFileResponse;
    let bytes = vec![0u8, 0xff, 0x10];
    let headers = [
        ("x-rate-remaining", "41"),
        ("X-Tags", "a, b"),
        ("X-Tags", "c"),
        ("X-Ratio", "0.5"),
        ("Content-Type", "application/octet-stream"),
    ];
    let ok = R::decode(200, &headers, &bytes).unwrap();
    let R::Ok { body, headers } = ok else {
        panic!("{ok:?}");
    };
    assert_eq!(body, bytes);
    assert_eq!(headers.x_rate_remaining, 41);
    assert_eq!(
        headers.x_tags,
        Some(vec!["a".into(), "b".into(), "c".into()])
    );
    assert_eq!(headers.x_ratio, Some(0.5));
    // A required header that is missing, or one that is not of its type, is an error naming it.
    let missing = R::decode(200, &(), b"").unwrap_err();
    assert!(missing.message.contains("X-Rate-Remaining"), "{missing}");
    let wrong = R::decode(200, &[("X-Rate-Remaining", "many")], b"").unwrap_err();
    assert!(wrong.message.contains("X-Rate-Remaining"), "{wrong}");
    assert_eq!(wrong.type_name, "GetFileOkHeaders");
}

#[test]
fn a_status_without_a_body_and_one_in_two_media_types_decode() {
    type R = ops::GetFileResponse;
    assert_eq!(R::decode(304, &(), b"").unwrap(), R::NotModified);
    let json = R::decode(
        404,
        &[("content-type", "application/problem+json")],
        br#"{"title":"gone"}"#,
    );
    let R::NotFound(Content::Json(problem)) = json.unwrap() else {
        panic!("not JSON");
    };
    assert_eq!(problem.title.as_deref(), Some("gone"));
    let text = R::decode(
        404,
        &[("content-type", "text/plain; charset=utf-8")],
        b"gone",
    )
    .unwrap();
    assert_eq!(text, R::NotFound(Content::Text("gone".to_owned())));
    assert_eq!(
        R::decode(404, &(), b"").unwrap(),
        R::NotFound(Content::Empty)
    );
    // A HEAD reply: no body, its headers.
    let head = ops::HeadFileResponse::decode(200, &[("content-length", "12")], b"").unwrap();
    let ops::HeadFileResponse::Ok { headers } = head else {
        panic!("{head:?}");
    };
    assert_eq!(headers.content_length, Some(12));
    let notes = ops::GetNotesResponse::decode(200, &(), "été".as_bytes()).unwrap();
    assert_eq!(notes, ops::GetNotesResponse::Ok("été".to_owned()));
}

#[test]
fn ignored_header_parameters_are_not_fields_and_bytes_go_as_they_are() {
    let request = ops::GetFileRequest {
        id: "a b".to_owned(),
        x_trace: Some("t-1".to_owned()),
    };
    assert_eq!(request.path(), "/files/a%20b");
    assert_eq!(
        request.headers(),
        vec![("X-Trace".to_owned(), "t-1".to_owned())]
    );
    let put = ops::PutFileRequest {
        id: "x".to_owned(),
        request_body: vec![0x89, 0x50, 0x00, 0xff],
    };
    assert_eq!(
        ops::PutFileRequest::CONTENT_TYPE,
        Some("application/octet-stream")
    );
    assert_eq!(put.body().unwrap().unwrap(), vec![0x89, 0x50, 0x00, 0xff]);
}

#[test]
fn servers_fill_their_variables() {
    assert_eq!(SERVERS.len(), 2);
    assert_eq!(SERVERS[0].url(), "https://eu.api.example.com/v1");
    assert_eq!(
        SERVERS[0]
            .url_with(&[("region", "us"), ("version", "v2")])
            .unwrap(),
        "https://us.api.example.com/v2"
    );
    assert!(SERVERS[0].url_with(&[("region", "mars")]).is_err());
    assert!(SERVERS[0].url_with(&[("zone", "a")]).is_err());
    assert_eq!(SERVERS[1].url(), "http://localhost:8080");
}

#[test]
fn each_operation_takes_the_credentials_its_requirements_ask_for() {
    assert_eq!(ops::GetFileRequest::SECURITY, &[&["bearer"] as &[&str]]);
    assert_eq!(
        ops::PutFileRequest::SECURITY,
        &[&["apiKey"] as &[&str], &["basic"]]
    );
    assert!(ops::HeadFileRequest::SECURITY.is_empty());
    assert_eq!(
        ops::GetNotesRequest::SECURITY,
        &[&["queryKey", "session"] as &[&str]]
    );
    let security = Security {
        basic: Some(("ann".to_owned(), "pw".to_owned())),
        query_key: Some("k".to_owned()),
        session: Some("s".to_owned()),
        ..Default::default()
    };
    // The first alternative that the credentials meet: no API key, so basic.
    assert_eq!(
        security
            .for_requirements(ops::PutFileRequest::SECURITY)
            .unwrap(),
        vec![Credential::Basic {
            user: "ann".into(),
            password: "pw".into()
        }]
    );
    assert_eq!(
        security
            .for_requirements(ops::GetNotesRequest::SECURITY)
            .unwrap()
            .len(),
        2
    );
    assert!(security
        .for_requirements(ops::HeadFileRequest::SECURITY)
        .unwrap()
        .is_empty());
    let missing = security
        .for_requirements(ops::GetFileRequest::SECURITY)
        .unwrap_err();
    assert!(missing.message.contains("bearer"), "{missing}");
}

#[test]
fn requests_become_http_requests_with_their_credentials() {
    let request = ops::GetNotesRequest::default();
    let mut http = request.to_http("https://eu.api.example.com/v1/").unwrap();
    assert_eq!(http.method(), "GET");
    assert_eq!(http.uri(), "https://eu.api.example.com/v1/notes");
    let security = Security {
        query_key: Some("a b&c".to_owned()),
        session: Some("s-1".to_owned()),
        basic: Some(("ann".to_owned(), "pw".to_owned())),
        ..Default::default()
    };
    let chosen = security
        .for_requirements(ops::GetNotesRequest::SECURITY)
        .unwrap();
    codegen_tests::wire::support::apply_credentials(&mut http, &chosen).unwrap();
    assert_eq!(
        http.uri(),
        "https://eu.api.example.com/v1/notes?key=a%20b%26c"
    );
    assert_eq!(http.headers()["cookie"], "session=s-1");
    let basic = security
        .for_requirements(ops::PutFileRequest::SECURITY)
        .unwrap();
    let put = ops::PutFileRequest {
        id: "f".into(),
        request_body: vec![1, 2],
    };
    let mut http = put.to_http("http://localhost:8080").unwrap();
    codegen_tests::wire::support::apply_credentials(&mut http, &basic).unwrap();
    assert_eq!(http.headers()["authorization"], "Basic YW5uOnB3");
    assert_eq!(http.headers()["content-type"], "application/octet-stream");
    assert_eq!(http.body(), &vec![1, 2]);
    // And a reply from the `http` crate's type.
    let reply = http::Response::builder()
        .status(201)
        .header("content-type", "application/json")
        .body(br#"{"id":7,"text":"hi"}"#.to_vec())
        .unwrap();
    let created = ops::PostNoteResponse::from_http(&reply).unwrap();
    let ops::PostNoteResponse::Created(Some(note)) = created else {
        panic!("{created:?}");
    };
    assert_eq!((note.id, note.text.as_str(), note.secret), (7, "hi", None));
}

#[test]
fn read_only_properties_are_not_sent_and_write_only_ones_not_required() {
    let request = ops::PostNoteRequest {
        request_body: Some(Note {
            id: 7,
            text: "hi".to_owned(),
            secret: Some("s".to_owned()),
            additional_properties: Default::default(),
        }),
    };
    let sent: serde_json::Value =
        serde_json::from_slice(&request.body().unwrap().unwrap()).unwrap();
    assert_eq!(sent, serde_json::json!({"text": "hi", "secret": "s"}));
    // Serialized by the caller (not as a request), the value is whole.
    let whole = serde_json::to_value(request.request_body.as_ref().unwrap()).unwrap();
    assert_eq!(whole["id"], 7);
    // A reply without the write-only property reads.
    let read: Note = serde_json::from_str(r#"{"id":1,"text":"x"}"#).unwrap();
    assert_eq!(read.secret, None);
}

#[test]
fn files_of_a_multipart_body_are_parts_with_their_names() {
    let upload = ops::UploadRequest {
        file: ops::UploadRequestFile {
            file_name: "a.bin".to_owned(),
            content_type: None,
            content: vec![0, 159, 146, 150],
        },
        more: Some(vec![ops::UploadRequestMore {
            file_name: "b.txt".to_owned(),
            content_type: Some("text/plain".to_owned()),
            content: b"hi".to_vec(),
        }]),
        title: Some("two".to_owned()),
        additional_properties: Default::default(),
    };
    let body = upload.body().unwrap().unwrap();
    let expected = [
        b"Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".to_vec(),
        vec![0, 159, 146, 150],
        b"\r\n".to_vec(),
    ]
    .concat();
    assert!(body.windows(expected.len()).any(|w| w == expected));
    let text = String::from_utf8_lossy(&body);
    assert!(
        text.contains(
            "name=\"more\"; filename=\"b.txt\"\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
        ),
        "{text}"
    );
    assert!(text.contains("name=\"title\"\r\n\r\ntwo\r\n"), "{text}");
}

#[test]
fn a_base_with_a_discriminator_reads_as_the_schema_its_tag_names() {
    let json = r#"[
        {"petType": "Cat", "name": "Tom", "purrs": true, "friends": [{"petType": "dog", "name": "Rex", "barks": 2}]},
        {"petType": "dog", "name": "Rex", "barks": 3},
        {"petType": "Pet", "name": "Generic"},
        {"petType": "fish", "name": "Nemo", "fins": 2}
    ]"#;
    let pets: Vec<PetAny> = serde_json::from_str(json).unwrap();
    let PetAny::Cat(cat) = &pets[0] else {
        panic!("{:?}", pets[0]);
    };
    let cat: &Cat = cat;
    assert_eq!((cat.name.as_str(), cat.purrs), ("Tom", Some(true)));
    // The base's fields, in every subtype, are typed by the family too.
    assert!(
        matches!(&cat.friends.as_deref().unwrap()[0], PetAny::Dog(dog) if dog.barks == Some(2))
    );
    let PetAny::Dog(dog) = &pets[1] else {
        panic!("{:?}", pets[1]);
    };
    let dog: &Dog = dog;
    assert_eq!(dog.barks, Some(3));
    assert!(matches!(&pets[2], PetAny::Pet(pet) if { let pet: &Pet = pet; pet.name == "Generic" }));
    // An unknown tag is kept as it came, and everything is written back as it was read.
    assert!(matches!(&pets[3], PetAny::Unknown(value) if value["fins"] == 2));
    let written = serde_json::to_value(&pets).unwrap();
    let read: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(written, read);
}

/// Swagger 2.0's `collectionFormat` as 2.0 defines it (a list joins with commas unless it says
/// otherwise), and its `host`, `basePath`, `schemes` and `securityDefinitions` as data.
#[test]
fn swagger2_collection_formats_servers_and_security() {
    use codegen_tests::swagger2::models::operations::ListPetsRequest;
    use codegen_tests::swagger2::Operation as _;
    let request = ListPetsRequest {
        tags: Some(vec!["a".into(), "b".into()]),
        ids: Some(vec![1, 2]),
        tabs: Some(vec!["x".into(), "y".into()]),
        bars: Some(vec!["p".into(), "q".into()]),
        spaces: Some(vec!["s".into(), "t".into()]),
        ..Default::default()
    };
    let query = request.query();
    let pairs: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("tags", "a"),
            ("tags", "b"),
            ("ids", "1,2"),
            ("tabs", "x\ty"),
            ("bars", "p|q"),
            ("spaces", "s t")
        ]
    );
    assert_eq!(
        codegen_tests::swagger2::SERVERS[0].url(),
        "https://example.com/v1"
    );
    assert_eq!(ListPetsRequest::SECURITY, &[&["key"] as &[&str]]);
    let security = codegen_tests::swagger2::Security {
        key: Some("k".into()),
        ..Default::default()
    };
    assert_eq!(
        codegen_tests::swagger2::Credentials::for_requirements(
            &security,
            ListPetsRequest::SECURITY
        )
        .unwrap(),
        vec![codegen_tests::swagger2::Credential::Header {
            name: "X-Key",
            value: "k".into()
        }]
    );
}

#[test]
fn a_binary_media_type_documented_as_base64_is_base64_text_on_the_wire() {
    let bytes = vec![0x89, b'P', 0x00, 0xff, 0xfe];
    let request = ops::PutEncodedFileRequest {
        id: "a".to_owned(),
        request_body: bytes.clone(),
    };
    assert_eq!(request.body().unwrap().unwrap(), b"iVAA//4=");
    type R = ops::PutEncodedFileResponse;
    // Both alphabets, with or without padding and across lines, read back the same bytes.
    for text in [&b"iVAA//4="[..], b"iVAA__4", b"iVAA\r\n//4="] {
        assert_eq!(
            R::decode(200, &(), text).unwrap(),
            R::Ok(bytes.clone()),
            "{text:?}"
        );
    }
    let wrong = R::decode(200, &(), b"iVAA*//4=").unwrap_err();
    assert!(wrong.message.contains("0x2a"), "{wrong}");
    let late = R::decode(200, &(), b"iVA=A").unwrap_err();
    assert!(late.message.contains("after the padding"), "{late}");
}
