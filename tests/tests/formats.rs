//! The types of string formats, as a caller uses them: every string is read, written back byte
//! for byte, and parsed on request (fixture `scalar_formats`).

use codegen_tests::scalar_formats::models::components::Stamp;
use codegen_tests::scalar_formats::models::operations::{
    GetScalarsResponseBody, GetStampOkHeaders, GetStampRequest,
};
use codegen_tests::scalar_formats::{
    Base64, Date, DateTime, Int64, Ipv4, Ipv6, Operation, Uint64, Uuid,
};
use serde_json::json;

#[test]
fn text_that_does_not_parse_is_read_and_written_back_as_it_came() {
    let text = r#"{"dateTime":"yesterday, around noon","date":"2026-02-30","uuid":"not-a-uuid","decimal":"1,5","int64Text":"0x10","ipv4":"256.1.1.1","dates":["2026-11-26","soon"]}"#;
    let body: GetScalarsResponseBody = serde_json::from_str(text).unwrap();
    assert_eq!(
        body.date_time.as_ref().unwrap().as_str(),
        "yesterday, around noon"
    );
    assert_eq!(body.int64_text.as_ref().unwrap().to_i64().ok(), None);
    assert!(body.ipv4.as_ref().unwrap().to_addr().is_err());
    assert_eq!(serde_json::to_string(&body).unwrap(), text);
}

#[test]
fn typed_access_reads_the_text() {
    let body: GetScalarsResponseBody = serde_json::from_value(json!({
        "int64Text": "9223372036854775807",
        "uint64Text": "18446744073709551615",
        "byte": "aGVsbG8=",
        "ipv4": "192.0.2.1",
        "ipv6": "2001:db8::1",
    }))
    .unwrap();
    assert_eq!(body.int64_text.unwrap().to_i64(), Ok(i64::MAX));
    assert_eq!(body.uint64_text.unwrap().to_u64(), Ok(u64::MAX));
    assert_eq!(body.byte.unwrap().decode().unwrap(), b"hello");
    assert_eq!(
        body.ipv4.unwrap().to_addr().unwrap().octets(),
        [192, 0, 2, 1]
    );
    assert!(body.ipv6.unwrap().to_addr().unwrap().segments()[0] == 0x2001);
}

#[test]
fn base64_decodes_both_alphabets_and_encodes_the_standard_one() {
    for bytes in [
        &b""[..],
        b"f",
        b"fo",
        b"foo",
        b"foob",
        b"fooba",
        b"foobar",
        &[0xfb, 0xff, 0xfe],
    ] {
        let text = Base64::encode(bytes);
        assert_eq!(text.decode().unwrap(), bytes, "{text}");
    }
    assert_eq!(Base64::encode(b"foobar").as_str(), "Zm9vYmFy");
    assert_eq!(Base64::encode(&[0xfb, 0xff]).as_str(), "+/8=");
    assert_eq!(Base64::from("-_8").decode().unwrap(), [0xfb, 0xff]);
    assert_eq!(Base64::from("Zm9v!").decode().unwrap_err().at, 4);
    assert_eq!(Base64::from("Zm9vY").decode().unwrap_err().at, 4);
}

#[test]
fn values_are_built_from_text_and_from_typed_values() {
    let stamp = Stamp {
        id: Uuid::from("0f8fad5b-d9cb-469f-a165-70867728950e"),
        at: DateTime::new("2026-11-26T10:00:00+01:00"),
        ..Stamp::default()
    };
    let value = serde_json::to_value(&stamp).unwrap();
    assert_eq!(value["at"], "2026-11-26T10:00:00+01:00");
    assert_eq!(Int64::from(-3).as_str(), "-3");
    assert_eq!(Uint64::from(7).to_string(), "7");
    assert_eq!(Ipv4::from(std::net::Ipv4Addr::LOCALHOST), "127.0.0.1");
    assert_eq!(Ipv6::from(std::net::Ipv6Addr::LOCALHOST).as_str(), "::1");
    let date: Date = "2026-11-26".into();
    assert_eq!(format!("{date} {date:?}"), "2026-11-26 \"2026-11-26\"");
    assert!(date.starts_with("2026"), "a value reads as its text");
}

#[test]
fn parameters_and_headers_of_a_format_are_sent_and_read_as_their_text() {
    let request = GetStampRequest {
        stamp_id: Uuid::from("0F8FAD5B-D9CB-469F-A165-70867728950E"),
        since: Some(DateTime::from("2026-11-26T10:00:00Z")),
    };
    assert_eq!(
        request.path(),
        "/stamps/0F8FAD5B-D9CB-469F-A165-70867728950E"
    );
    assert_eq!(
        request.query(),
        [("since".to_owned(), "2026-11-26T10:00:00Z".to_owned())]
    );
    let headers = [("Last-Modified-At", "Thu, 26 Nov 2026 10:00:00 GMT")];
    let read = GetStampOkHeaders::from_headers(200, &headers).unwrap();
    assert_eq!(
        read.last_modified_at.unwrap().as_str(),
        "Thu, 26 Nov 2026 10:00:00 GMT"
    );
}

/// With the crate's features, each type converts to the value of the crate named, and from
/// it; CI runs these with `--all-features`.
#[cfg(all(
    feature = "chrono",
    feature = "time",
    feature = "jiff",
    feature = "uuid",
    feature = "rust_decimal"
))]
#[test]
fn typed_access_converts_to_each_crate() {
    use codegen_tests::scalar_formats::{Decimal, Duration};
    let at = DateTime::from("2026-11-26T10:00:00+01:00");
    let chrono = at.to_chrono().unwrap();
    assert_eq!(chrono.timestamp(), 1_795_683_600);
    assert_eq!(at.to_time().unwrap().unix_timestamp(), 1_795_683_600);
    assert_eq!(at.to_jiff().unwrap().as_second(), 1_795_683_600);
    assert_eq!(DateTime::from(chrono).as_str(), "2026-11-26T10:00:00+01:00");
    assert!(DateTime::from("yesterday").to_chrono().is_err());
    let date = Date::from("2026-11-26");
    assert_eq!(date.to_chrono().unwrap().to_string(), "2026-11-26");
    assert_eq!(date.to_time().unwrap().ordinal(), 330);
    assert_eq!(date.to_jiff().unwrap().day(), 26);
    assert!(Date::from("2026-02-30").to_chrono().is_err());
    assert_eq!(Duration::from("P1DT2H").to_jiff().unwrap().get_hours(), 2);
    let id = Uuid::from("0F8FAD5B-D9CB-469F-A165-70867728950E");
    assert_eq!(
        Uuid::from(id.to_uuid().unwrap()).as_str(),
        "0f8fad5b-d9cb-469f-a165-70867728950e"
    );
    assert_eq!(
        id.as_str(),
        "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "the text is kept"
    );
    let price = Decimal::from("12.50").to_decimal().unwrap();
    assert_eq!(Decimal::from(price).as_str(), "12.50");
}
