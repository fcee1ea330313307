//! Requests and responses of the committed crate through its `Operation` trait, as a client
//! uses them: the seed's operation (a path parameter and a form body) and the token listing
//! (query parameters), then the support encoders style by style.

use authlete_models::models::operations::{
    AuthTokenGetListApiRequest, AuthTokenGetListApiResponse,
    BackchannelAuthenticationCompleteApiFormRequest,
    BackchannelAuthenticationCompleteApiFormRequestBody,
    BackchannelAuthenticationCompleteApiFormResponse,
    BackchannelAuthenticationCompleteApiFormResult, BadRequestError,
};
use authlete_models::support::{self, Style};
use authlete_models::{Decode, Operation};

/// The headers of a reply of this media type.
fn json() -> Vec<(&'static str, &'static str)> {
    vec![("Content-Type", "application/json")]
}

fn seed_request() -> BackchannelAuthenticationCompleteApiFormRequest {
    BackchannelAuthenticationCompleteApiFormRequest {
        service_id: "7 ap/é".to_owned(),
        request_body: BackchannelAuthenticationCompleteApiFormRequestBody {
            ticket: "t-1 2".to_owned(),
            result: BackchannelAuthenticationCompleteApiFormResult::Authorized,
            subject: "alice@example.com".to_owned(),
            sub: None,
            auth_time: Some(1_700_000_000),
            acr: None,
            claims: Some(r#"{"name":"Alice"}"#.to_owned()),
            properties: None,
            scopes: Some(vec!["openid".to_owned(), "email".to_owned()]),
            idt_header_params: None,
            error_description: None,
            error_uri: None,
            consented_claims: None,
            jwt_at_claims: None,
            access_token: None,
            additional_properties: Default::default(),
        },
    }
}

#[test]
fn the_seed_operation_gives_its_method_path_media_type_and_form_body() {
    type R = BackchannelAuthenticationCompleteApiFormRequest;
    assert_eq!(R::METHOD, "POST");
    assert_eq!(
        R::PATH_TEMPLATE,
        "/api/{serviceId}/backchannel/authentication/complete"
    );
    assert_eq!(R::CONTENT_TYPE, Some("application/x-www-form-urlencoded"));
    let request = seed_request();
    // The path parameter is one segment: its space, slash and non-ASCII letter are encoded.
    assert_eq!(
        request.path(),
        "/api/7%20ap%2F%C3%A9/backchannel/authentication/complete"
    );
    assert!(request.query().is_empty());
    assert!(request.headers().is_empty());
    let body = String::from_utf8(request.body().unwrap().unwrap()).unwrap();
    assert_eq!(
        body,
        "ticket=t-1+2&result=AUTHORIZED&subject=alice%40example.com&authTime=1700000000\
         &claims=%7B%22name%22%3A%22Alice%22%7D&scopes=openid&scopes=email"
    );
}

#[test]
fn the_seed_operation_decodes_a_success_an_error_and_an_undocumented_status() {
    type Response = BackchannelAuthenticationCompleteApiFormResponse;
    let ok = Response::decode(
        200,
        &json(),
        br#"{"resultCode":"A1","action":"NOTIFICATION","clientId":7,"newField":true}"#,
    )
    .unwrap();
    let Response::Ok(Some(body)) = &ok else {
        panic!("{ok:?}");
    };
    assert_eq!(body.client_id, Some(7));
    assert_eq!(body.additional_properties["newField"], true);
    assert_eq!(ok.status(), 200);

    let bad = Response::decode(400, &json(), br#"{"resultCode":"A2"}"#).unwrap();
    let Response::BadRequest(Some(error)) = &bad else {
        panic!("{bad:?}");
    };
    // The 400 body is the shared error type, under the operation's name too.
    let shared: &BadRequestError = error;
    assert_eq!(shared.result_code.as_deref(), Some("A2"));
    assert_eq!(bad.status(), 400);

    let down = Response::decode(503, &[("content-type", "text/html")], b"<h1>down</h1>").unwrap();
    assert_eq!(
        down,
        Response::Undocumented {
            status: 503,
            content_type: "text/html".to_owned(),
            body: b"<h1>down</h1>".to_vec(),
        }
    );
    assert_eq!(down.status(), 503);

    // A documented status that comes without a body still decodes, to its variant with none.
    let empty = Response::decode(400, &json(), b"").unwrap();
    assert_eq!(empty, Response::BadRequest(None));

    // A documented status whose body does not fit its type is an error naming both.
    let error = Response::decode(200, &json(), br#"{"clientId":"seven"}"#).unwrap_err();
    assert_eq!(error.status, 200);
    assert_eq!(
        error.type_name,
        "BackchannelAuthenticationCompleteApiFormResponseBody"
    );
    assert!(error.to_string().contains("200"), "{error}");
}

#[test]
fn the_token_listing_writes_its_query_parameters_in_order_and_skips_absent_ones() {
    type R = AuthTokenGetListApiRequest;
    assert_eq!(R::METHOD, "GET");
    assert_eq!(R::CONTENT_TYPE, None);
    // Parameters left out are absent: a request of optional parameters derives `Default`.
    let request = AuthTokenGetListApiRequest {
        service_id: "42".to_owned(),
        subject: Some("alice & bob".to_owned()),
        start: Some(0),
        end: Some(20),
        ..Default::default()
    };
    assert_eq!(request.client_identifier, None);
    assert_eq!(request.path(), "/api/42/auth/token/get/list");
    let query: Vec<(String, String)> = request.query();
    let expected = [("subject", "alice & bob"), ("start", "0"), ("end", "20")];
    assert_eq!(
        query,
        expected.map(|(k, v)| (k.to_owned(), v.to_owned())).to_vec()
    );
    assert_eq!(request.body().unwrap(), None);
    let page = AuthTokenGetListApiResponse::decode(
        200,
        &json(),
        br#"{"start":0,"end":1,"totalCount":1,"accessTokens":[{"clientId":5,"grantType":"CIBA","scopes":["openid"]}]}"#,
    )
    .unwrap();
    let AuthTokenGetListApiResponse::Ok(Some(page)) = page else {
        panic!("{page:?}");
    };
    let tokens = page.access_tokens.unwrap();
    assert_eq!(tokens[0].client_id, Some(5));
    let unauthorized = AuthTokenGetListApiResponse::decode(401, &json(), b"{}").unwrap();
    assert!(matches!(
        unauthorized,
        AuthTokenGetListApiResponse::Unauthorized(_)
    ));
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn query_styles_follow_openapi() {
    let list = vec!["a", "b c"];
    let object = serde_json::json!({"x": 1, "y": "z"});
    type Case = (Style, bool, serde_json::Value, Vec<(String, String)>);
    let table: Vec<Case> = vec![
        (
            Style::Form,
            true,
            serde_json::json!(list),
            pairs(&[("p", "a"), ("p", "b c")]),
        ),
        (
            Style::Form,
            false,
            serde_json::json!(list),
            pairs(&[("p", "a,b c")]),
        ),
        (
            Style::SpaceDelimited,
            false,
            serde_json::json!(list),
            pairs(&[("p", "a b c")]),
        ),
        (
            Style::PipeDelimited,
            false,
            serde_json::json!(list),
            pairs(&[("p", "a|b c")]),
        ),
        (
            Style::Form,
            true,
            object.clone(),
            pairs(&[("x", "1"), ("y", "z")]),
        ),
        (
            Style::Form,
            false,
            object.clone(),
            pairs(&[("p", "x,1,y,z")]),
        ),
        (
            Style::DeepObject,
            true,
            object,
            pairs(&[("p[x]", "1"), ("p[y]", "z")]),
        ),
        (
            Style::Form,
            true,
            serde_json::json!(true),
            pairs(&[("p", "true")]),
        ),
        (Style::Form, true, serde_json::Value::Null, pairs(&[])),
    ];
    let cases = table.len();
    for (style, explode, value, expected) in table {
        let mut out = Vec::new();
        support::query_param(&mut out, "p", style, explode, &value);
        assert_eq!(out, expected, "{style:?} explode={explode} {value}");
    }
    assert_eq!(cases, 9);
}

#[test]
fn path_header_and_cookie_styles_follow_openapi() {
    let list = serde_json::json!(["a", "b/c"]);
    let object = serde_json::json!({"x": 1, "y": 2});
    let table = [
        (Style::Simple, false, list.clone(), "a,b%2Fc"),
        (Style::Label, false, list.clone(), ".a,b%2Fc"),
        (Style::Label, true, list.clone(), ".a.b%2Fc"),
        (Style::Matrix, false, list.clone(), ";id=a,b%2Fc"),
        (Style::Matrix, true, list, ";id=a;id=b%2Fc"),
        (Style::Simple, false, object.clone(), "x,1,y,2"),
        (Style::Simple, true, object.clone(), "x=1,y=2"),
        (Style::Label, true, object.clone(), ".x=1.y=2"),
        (Style::Matrix, false, object.clone(), ";id=x,1,y,2"),
        (Style::Matrix, true, object, ";x=1;y=2"),
        (
            Style::Simple,
            false,
            serde_json::json!({"a b": "c/d"}),
            "a%20b,c%2Fd",
        ),
    ];
    for (style, explode, value, expected) in table {
        let mut out = String::new();
        support::path_param(&mut out, "id", style, explode, &value);
        assert_eq!(out, expected, "{style:?} explode={explode} {value}");
    }
    let mut headers = Vec::new();
    support::header_param(&mut headers, "X-Ids", false, &vec![1, 2]);
    let mut cookies = Vec::new();
    support::cookie_param(&mut cookies, "session", true, &"s1");
    support::cookie_param(&mut cookies, "theme", true, &Option::<String>::None);
    support::cookie_param(&mut cookies, "tabs", false, &vec!["a", "b"]);
    support::cookie_header(&mut headers, cookies);
    assert_eq!(
        headers,
        pairs(&[("X-Ids", "1,2"), ("Cookie", "session=s1; tabs=a,b")])
    );
}

#[test]
fn bodies_encode_by_media_type() {
    let value = serde_json::json!({
        "name": "Ann Lee",
        "tags": ["x", "y"],
        "meta": {"a": 1},
        "gone": null,
        "n": 1.5
    });
    let form = String::from_utf8(support::form_body(&value).unwrap()).unwrap();
    assert_eq!(
        form,
        "name=Ann+Lee&tags=x&tags=y&meta=%7B%22a%22%3A1%7D&n=1.5"
    );
    let multipart = String::from_utf8(support::multipart_body(&value).unwrap()).unwrap();
    let boundary = support::MULTIPART_BOUNDARY;
    assert!(support::MULTIPART_CONTENT_TYPE.ends_with(boundary));
    assert_eq!(multipart.matches(&format!("--{boundary}\r\n")).count(), 5);
    assert!(multipart.contains(
        "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
    ));
    assert!(multipart.ends_with(&format!("--{boundary}--\r\n")));
    let clash = serde_json::json!({ "a": format!("x{boundary}") });
    assert!(support::multipart_body(&clash).is_err());
    assert!(support::form_body(&serde_json::json!([1])).is_err());
    assert_eq!(support::text_body(&"plain").unwrap(), b"plain");
    assert_eq!(support::json_body(&value["meta"]).unwrap(), br#"{"a":1}"#);
}
