//! Table tests of the naming rules.
use super::*;

#[test]
fn spelled_field_names() {
    let table = [
        ("StartTime<", Some("start_time_lt")),
        ("StartTime>=", Some("start_time_ge")),
        ("$ref", Some("dollar_ref")),
        ("@type", Some("at_type")),
        ("a!=b", Some("a_ne_b")),
        ("plain", None),
        ("snake_case-name", None),
    ];
    for (name, spelled) in table {
        assert_eq!(spelled_field_name(name).as_deref(), spelled, "{name}");
    }
}

#[test]
fn component_keys_that_are_type_names_are_kept() {
    let table = [
        ("RotatePDFRequest", "RotatePDFRequest"),
        ("HTTPServer", "HTTPServer"),
        ("Pet2", "Pet2"),
        // Not type names as written: PascalCase (`type_name` then handles a leading
        // digit or `Self`).
        ("pet", "Pet"),
        ("Pet_Store", "PetStore"),
        ("pet-store", "PetStore"),
        ("2Fa", "2Fa"),
        ("Self", "Self"),
        ("Café", "CafXe9"),
    ];
    for (key, name) in table {
        assert_eq!(component_name(key), name, "{key}");
    }
}

#[test]
fn case_conversion_table() {
    let table = [
        // (input, PascalCase, snake_case)
        (
            "backchannel_authentication_complete_api",
            "BackchannelAuthenticationCompleteApi",
            "backchannel_authentication_complete_api",
        ),
        ("NO_ACTION", "NoAction", "no_action"),
        ("clientIdAlias", "ClientIdAlias", "client_id_alias"),
        ("HTTPServer", "HttpServer", "http_server"),
        ("idTokenURL", "IdTokenUrl", "id_token_url"),
        ("foo-bar", "FooBar", "foo_bar"),
        ("foo_bar", "FooBar", "foo_bar"),
        ("int32", "Int32", "int32"),
        ("oauth2Token", "Oauth2Token", "oauth2_token"),
        (
            "application/x-www-form-urlencoded",
            "ApplicationXWwwFormUrlencoded",
            "application_x_www_form_urlencoded",
        ),
        ("  spaced  out ", "SpacedOut", "spaced_out"),
        ("café", "CafXe9", "caf_xe9"),
        ("$%^", "", ""),
    ];
    for (input, pascal, snake) in table {
        assert_eq!(pascal_case(input), pascal, "pascal_case({input:?})");
        assert_eq!(snake_case(input), snake, "snake_case({input:?})");
    }
}

#[test]
fn identifiers_are_always_valid() {
    let table = [
        // (input, type_name, variant_name, field_name)
        ("", "TypeEmpty", "ValueEmpty", "field"),
        ("123abc", "Type123abc", "Value123abc", "_123abc"),
        ("Self", "TypeSelf", "ValueSelf", "self_"),
        ("self", "TypeSelf", "ValueSelf", "self_"),
        ("super", "Super", "Super", "super_"),
        ("crate", "Crate", "Crate", "crate_"),
        ("type", "Type", "Type", "type"),
        ("$ref", "Ref", "Ref", "ref"),
        ("+1", "Type1", "Value1", "_1"),
    ];
    for (input, ty, variant, field) in table {
        assert_eq!(type_name(input), ty, "type_name({input:?})");
        assert_eq!(variant_name(input), variant, "variant_name({input:?})");
        assert_eq!(field_name(input), field, "field_name({input:?})");
    }
    assert!(needs_raw("type") && needs_raw("ref") && !needs_raw("self_"));
}

#[test]
fn response_variants_are_named_by_status() {
    use crate::ir::StatusKey;
    let table = [
        (StatusKey::Code(200), "Ok"),
        (StatusKey::Code(204), "NoContent"),
        (StatusKey::Code(400), "BadRequest"),
        (StatusKey::Code(500), "InternalServerError"),
        (StatusKey::Code(299), "Status299"),
        (StatusKey::Range(4), "Status4Xx"),
        (StatusKey::Default, "Default"),
    ];
    for (status, name) in table {
        assert_eq!(status_variant(status), name);
    }
}

#[test]
fn page_stems_are_type_names_clear_of_windows_device_names() {
    assert_eq!(page_stem("PetResponseBody"), "PetResponseBody");
    assert_eq!(page_stem("Models"), "Models");
    assert_eq!(page_stem("Con"), "Con_");
    assert_eq!(page_stem("LPT1"), "LPT1_");
    let long = "A".repeat(300);
    let stem = page_stem(&long);
    assert!(stem.len() <= MAX_STEM_BYTES && stem != page_stem(&"A".repeat(301)));
}

#[test]
fn module_names_avoid_reserved_stems() {
    assert_eq!(module_name("Mod"), "mod_");
    assert_eq!(module_name("Type"), "type_");
    assert_eq!(module_name("Con"), "con_");
    assert_eq!(
        module_name("BackchannelAuthenticationCompleteApiFormResponseBody"),
        "backchannel_authentication_complete_api_form_response_body"
    );
}

#[test]
fn long_module_names_are_shortened_stably() {
    let long = "Segment".repeat(60);
    let name = module_name(&long);
    assert!(name.len() <= MAX_STEM_BYTES, "{}", name.len());
    assert!(name.starts_with("segment_segment_"), "{name}");
    assert_eq!(name, module_name(&long), "the same name every time");
    // The hash is FNV-1a of the whole stem, fixed by its definition.
    assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    let other = module_name(&format!("{long}X"));
    assert_ne!(name, other, "names differing past the cut stay apart");
    assert!(syn::parse_str::<syn::Ident>(&name).is_ok());
    let exact = "a".repeat(MAX_STEM_BYTES);
    assert_eq!(module_name(&exact), exact, "a name that fits is kept whole");
}

#[test]
fn unique_names_number_clashes_case_insensitively() {
    let mut names = UniqueNames::default();
    assert_eq!(names.claim_numbered("Client", ""), "Client");
    assert_eq!(names.claim_numbered("client", ""), "client2");
    assert_eq!(names.claim_numbered("Client", ""), "Client3");
    assert!(names.is_taken("CLIENT2"));
}

#[test]
fn fallback_operation_ids() {
    let table = [
        ("get", "/pets/{petId}", None, "get_pets_pet_id"),
        ("post", "/", None, "post"),
        ("delete", "/v1/users.json", None, "delete_v1_users_json"),
        // A webhook is named after its name, whatever key the loader moved it to.
        (
            "post",
            "/{webhooks}/newPet/2",
            Some("newPet"),
            "post_webhooks_new_pet",
        ),
        (
            "put",
            "/x",
            Some("order shipped"),
            "put_webhooks_order_shipped",
        ),
    ];
    for (method, path, webhook, expected) in table {
        assert_eq!(
            bases::fallback_operation_id(method, path, webhook),
            expected,
            "{method} {path} {webhook:?}"
        );
    }
}

#[test]
fn variant_prefixes_by_content_type() {
    let table = [
        ("application/json", ""),
        ("Application/JSON; charset=utf-8", ""),
        ("application/x-www-form-urlencoded", "Form"),
        ("multipart/form-data; boundary=x", "Multipart"),
        ("application/octet-stream", "Raw"),
        ("text/plain", "Raw"),
        ("application/merge-patch+json", "Raw"),
    ];
    for (media_type, suffix) in table {
        assert_eq!(
            bases::content_type_suffix(media_type),
            suffix,
            "{media_type}"
        );
    }
    assert_eq!(
        bases::variant_prefixes("UploadFile", ["", "Form", "Raw", "Raw", "raw"]),
        [
            "UploadFile",
            "UploadFileForm",
            "UploadFileRaw",
            "UploadFileRaw2",
            "UploadFileraw3"
        ]
    );
    assert!(bases::variant_prefixes("X", []).is_empty());
}

#[test]
fn positional_headers_and_item_bases() {
    assert_eq!(bases::positional("Shape", 1), "Shape1");
    assert_eq!(bases::positional("Pair", 12), "Pair12");
    let statuses = [
        (crate::ir::StatusKey::Code(200), "OkHeaders"),
        (crate::ir::StatusKey::Code(429), "TooManyRequestsHeaders"),
        (crate::ir::StatusKey::Range(5), "Status5XxHeaders"),
        (crate::ir::StatusKey::Default, "DefaultHeaders"),
    ];
    for (status, expected) in statuses {
        assert_eq!(bases::headers_base(status), expected, "{status:?}");
    }
    let items = [
        ("Pets", false, "Pet"),
        ("Pets", true, "Pet"),
        ("Categories", false, "Category"),
        // The singular is the plural: the items keep the array's base, or a named array's
        // items are its `…Item`.
        ("LogoUris", false, "LogoUris"),
        ("LogoUris", true, "LogoUrisItem"),
        ("Data", true, "Datum"),
    ];
    for (base, root, expected) in items {
        assert_eq!(bases::item_base(base, root), expected, "{base} {root}");
    }
    assert_eq!(bases::map_value("Labels"), "LabelsValue");
    assert_eq!(bases::rest_item("Row"), "RowItem");
}

#[test]
fn response_bodies_are_named_by_status() {
    use crate::ir::StatusKey::{Code, Default, Range};
    let cases = [
        (Code(200), true, "ResponseBody"),
        (Code(201), true, "ResponseBody"),
        (Code(201), false, "Status201ResponseBody"),
        (Code(299), false, "Status299ResponseBody"),
        (Code(400), false, "BadRequestError"),
        (Code(401), false, "UnauthorizedError"),
        (Code(403), false, "ForbiddenError"),
        (Code(404), false, "NotFoundError"),
        (Code(500), false, "InternalServerError"),
        // Other statuses by their code, whatever their reason phrase.
        (Code(409), false, "Status409Error"),
        (Code(302), false, "Status302Error"),
        (Range(4), false, "Status4XxError"),
        // A success range is a success.
        (Range(2), true, "ResponseBody"),
        (Range(2), false, "Status2XxResponseBody"),
        (Default, false, "DefaultError"),
    ];
    for (status, first_success, expected) in cases {
        assert_eq!(
            bases::response_body(status, first_success),
            expected,
            "{status:?} {first_success}"
        );
    }
}

#[test]
fn preferred_names_in_order() {
    let table = [
        (
            Some("petOwner"),
            Some("Owner"),
            Some("anchor"),
            Some("PetOwner"),
        ),
        (None, Some("the owner"), Some("anchor"), Some("TheOwner")),
        (None, None, Some("badgeLabel"), Some("BadgeLabel")),
        (None, None, None, None),
        // A name with no word in it names nothing: the next rule does not apply either.
        (Some("--"), Some("Owner"), None, None),
    ];
    for (name_override, title, anchor, expected) in table {
        assert_eq!(
            bases::preferred(name_override, title, anchor).as_deref(),
            expected,
            "{name_override:?} {title:?} {anchor:?}"
        );
    }
}

#[test]
fn words_of_a_pointer() {
    let table: [(&[&str], &str); 7] = [
        (
            &["components", "parameters", "limit", "schema"],
            "LimitParameter",
        ),
        (
            &["components", "schemas", "Pet", "properties", "tags"],
            "PetTags",
        ),
        (
            &[
                "components",
                "responses",
                "NotFound",
                "content",
                "application/json",
                "schema",
            ],
            "NotFoundResponse",
        ),
        (
            &[
                "paths",
                "/pets",
                "get",
                "responses",
                "200",
                "headers",
                "X-Rate",
            ],
            "PetsGetResponse200HeaderXRate",
        ),
        (
            &["components", "schemas", "Map", "additionalProperties"],
            "MapValue",
        ),
        (
            &["components", "requestBodies", "NewPet"],
            "NewPetRequestBody",
        ),
        (&["components", "schemas", "List", "items"], "ListItem"),
    ];
    for (segments, expected) in table {
        let segments: Vec<String> = segments.iter().map(|s| s.to_string()).collect();
        assert_eq!(bases::pointer_words(&segments), expected, "{segments:?}");
    }
}

#[test]
fn positions_have_their_english_words() {
    let cases = [
        (1, Some("One")),
        (2, Some("Two")),
        (10, Some("Ten")),
        (13, Some("Thirteen")),
        (19, Some("Nineteen")),
        (20, Some("Twenty")),
        (21, Some("TwentyOne")),
        (40, Some("Forty")),
        (99, Some("NinetyNine")),
        (0, None),
        (100, None),
    ];
    for (position, word) in cases {
        assert_eq!(
            super::bases::number_word(position).as_deref(),
            word,
            "position {position}"
        );
    }
}
