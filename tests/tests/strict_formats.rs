//! Strict format types (fixture `strict_formats`): the generator's own rule for which texts a
//! crate reads (it decides which examples become tests) never accepts a text the crate refuses,
//! for every pair of format and crate it offers; and the generated models read, write and send
//! those types.

use codegen::ir::{Strict, StrictCrate, TextFormat};
use codegen_tests::strict_formats::models::components::Meeting;
use codegen_tests::strict_formats::models::operations::{GetMeetingRequest, GetMeetingResponse};
use codegen_tests::strict_formats::{Decode, Operation};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Texts near the edges of each format's grammar, read by the rule and by the crates.
const TEXTS: [&str; 40] = [
    "2026-12-07T09:30:00Z",
    "2026-12-07T09:30:00.5+01:00",
    "2026-12-07T09:30:00.123456789-23:59",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2026-12-07t09:30:00z",
    "2026-12-07 09:30:00Z",
    "2026-12-07T09:30:60Z",
    "2026-12-07T09:30:00",
    "2026-12-07T09:30Z",
    "2026-12-07T24:00:00Z",
    "2026-12-07T09:30:00.1234567891Z",
    "0000-01-01T00:00:00Z",
    "2026-12-07",
    "2000-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "+2026-12-07",
    "26-12-07",
    "09:30:00",
    "23:59:59.999999999",
    "09:30:00Z",
    "09:30",
    "24:00:00",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "0F8FAD5B-D9CB-469F-A165-70867728950E",
    "0f8fad5bd9cb469fa16570867728950e",
    "{0f8fad5b-d9cb-469f-a165-70867728950e}",
    "12.50",
    "-0.0001",
    "1e5",
    "+1",
    "1234567890123456789012345678",
    "192.0.2.1",
    "192.0.2.01",
    "2001:db8::1",
    "::ffff:192.0.2.1",
    "fe80::1%eth0",
    "",
];

/// Whether `T` reads `text`; where it does, what it writes back must read as the same value.
fn crate_reads<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) -> bool {
    let Ok(value) = serde_json::from_value::<T>(Value::String(text.to_owned())) else {
        return false;
    };
    let written = serde_json::to_value(&value).unwrap();
    let again: T = serde_json::from_value(written.clone()).unwrap();
    assert_eq!(again, value, "{text} written back as {written}");
    true
}

/// What the crate of `strict` says of `text`, through the type the generator writes for it.
fn real(strict: Strict, text: &str) -> bool {
    match strict.type_path() {
        "::chrono::DateTime<::chrono::FixedOffset>" => {
            crate_reads::<chrono::DateTime<chrono::FixedOffset>>(text)
        }
        "::jiff::Timestamp" => crate_reads::<jiff::Timestamp>(text),
        "::chrono::NaiveDate" => crate_reads::<chrono::NaiveDate>(text),
        "::jiff::civil::Date" => crate_reads::<jiff::civil::Date>(text),
        "::time::Date" => crate_reads::<time::Date>(text),
        "::chrono::NaiveTime" => crate_reads::<chrono::NaiveTime>(text),
        "::jiff::civil::Time" => crate_reads::<jiff::civil::Time>(text),
        "::uuid::Uuid" => crate_reads::<uuid::Uuid>(text),
        "::rust_decimal::Decimal" => crate_reads::<rust_decimal::Decimal>(text),
        "::std::net::Ipv4Addr" => crate_reads::<std::net::Ipv4Addr>(text),
        "::std::net::Ipv6Addr" => crate_reads::<std::net::Ipv6Addr>(text),
        other => panic!("no test for the strict type {other}"),
    }
}

/// `T::default()`, which compiles only where `T` has a `Default`.
fn defaults<T: Default>() -> bool {
    let _ = T::default();
    true
}

/// Whether the crate's type has a `Default`, asked of the compiler where it has one.
fn has_default(strict: Strict) -> bool {
    match strict.type_path() {
        "::chrono::DateTime<::chrono::FixedOffset>" => {
            defaults::<chrono::DateTime<chrono::FixedOffset>>()
        }
        "::jiff::Timestamp" => defaults::<jiff::Timestamp>(),
        "::chrono::NaiveDate" => defaults::<chrono::NaiveDate>(),
        "::jiff::civil::Date" => defaults::<jiff::civil::Date>(),
        "::chrono::NaiveTime" => defaults::<chrono::NaiveTime>(),
        "::jiff::civil::Time" => defaults::<jiff::civil::Time>(),
        "::uuid::Uuid" => defaults::<uuid::Uuid>(),
        "::rust_decimal::Decimal" => defaults::<rust_decimal::Decimal>(),
        // No `Default` in these crates.
        "::time::Date" | "::std::net::Ipv4Addr" | "::std::net::Ipv6Addr" => false,
        other => panic!("no test for the strict type {other}"),
    }
}

/// A struct holding a required field of a strict type derives `Default` only where the
/// type has one: the generator's word for each type is the compiler's.
#[test]
fn a_strict_type_has_a_default_where_the_generator_says() {
    for format in TextFormat::ALL {
        for krate in Strict::crates_for(format) {
            let strict = Strict::new(format, krate).unwrap();
            assert_eq!(
                strict.has_default(),
                has_default(strict),
                "{}",
                strict.written()
            );
        }
    }
}

#[test]
fn the_rule_accepts_only_what_each_crate_reads() {
    let mut pairs = 0;
    let mut agreed = 0;
    for format in TextFormat::ALL {
        for krate in Strict::crates_for(format) {
            let strict = Strict::new(format, krate).unwrap();
            pairs += 1;
            let mut accepted = 0;
            for text in TEXTS {
                let rule = strict.accepts(text);
                let read = real(strict, text);
                assert!(
                    !rule || read,
                    "the rule accepts {text:?} as {format:?}, which {} refuses",
                    strict.written()
                );
                accepted += usize::from(rule);
                agreed += usize::from(rule == read);
            }
            assert!(
                accepted > 0,
                "the rule accepts nothing as {format:?} by {krate:?}"
            );
        }
    }
    assert_eq!(pairs, 11, "pairs offered");
    // The rule is strict, not useless: it agrees with the crates on most of these texts.
    assert!(
        agreed * 10 >= pairs * TEXTS.len() * 9,
        "{agreed} of {}",
        pairs * TEXTS.len()
    );
    assert_eq!(StrictCrate::ALL.len(), 6);
}

#[test]
fn a_model_reads_and_writes_its_strict_types() {
    let meeting: Meeting = serde_json::from_value(json!({
        "id": "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "startsAt": "2026-12-07T09:30:00Z",
        "day": "2026-12-07",
        "fee": "12.50",
        "room": "192.0.2.1",
        "endsAt": null,
    }))
    .unwrap();
    assert_eq!(meeting.day, time::macros::date!(2026 - 12 - 07));
    assert_eq!(meeting.fee, Some(rust_decimal::Decimal::new(1250, 2)));
    assert_eq!(meeting.ends_at, Some(None));
    let written = serde_json::to_value(&meeting).unwrap();
    // Each crate writes its own spelling; the value is the same.
    assert_eq!(written["id"], "0f8fad5b-d9cb-469f-a165-70867728950e");
    assert_eq!(written["startsAt"], "2026-12-07T09:30:00Z");
    assert_eq!(written["fee"], "12.50");
    assert_eq!(written["endsAt"], Value::Null);
    // A text the type refuses fails the read: that is what strict means.
    let refused = serde_json::from_value::<Meeting>(json!({
        "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "startsAt": "yesterday",
        "day": "2026-12-07",
    }));
    assert!(refused.is_err());
}

#[test]
fn strict_parameters_are_sent_in_the_crates_spelling() {
    let request = GetMeetingRequest {
        meeting_id: "0F8FAD5B-D9CB-469F-A165-70867728950E".parse().unwrap(),
        day: Some(time::macros::date!(2026 - 12 - 07)),
        from: Some(std::net::Ipv4Addr::new(192, 0, 2, 1)),
    };
    assert_eq!(
        request.path(),
        "/meetings/0f8fad5b-d9cb-469f-a165-70867728950e"
    );
    assert_eq!(
        request.query(),
        vec![
            ("day".to_owned(), "2026-12-07".to_owned()),
            ("from".to_owned(), "192.0.2.1".to_owned())
        ]
    );
}

#[test]
fn strict_response_headers_are_read_by_the_crates() {
    let body = br#"{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","startsAt":"2026-12-07T09:30:00Z","day":"2026-12-07"}"#;
    let headers = [
        ("Content-Type", "application/json"),
        ("Changed-At", "2026-12-06T08:00:00+01:00"),
        ("Mirrors", "192.0.2.1, 192.0.2.2"),
    ];
    let GetMeetingResponse::Ok { headers, .. } =
        GetMeetingResponse::decode(200, &headers, body).unwrap()
    else {
        panic!("not the documented 200");
    };
    let changed = headers.changed_at.unwrap();
    assert_eq!(changed.to_rfc3339(), "2026-12-06T08:00:00+01:00");
    assert_eq!(
        headers.mirrors.unwrap(),
        [
            std::net::Ipv4Addr::new(192, 0, 2, 1),
            std::net::Ipv4Addr::new(192, 0, 2, 2)
        ]
    );
    // A header the strict type refuses fails the decoding, naming the header.
    let bad = [
        ("Content-Type", "application/json"),
        ("Changed-At", "yesterday"),
    ];
    let error = GetMeetingResponse::decode(200, &bad, body).unwrap_err();
    assert!(error.to_string().contains("Changed-At"), "{error}");
}
