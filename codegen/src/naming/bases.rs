//! Name bases from where a type stands. Lowering records the data (an operationId, a status,
//! a position, a pointer's segments, a schema's `title`); these rules compose the base a type
//! is named from, and the type-name pass makes the bases unique. Each rule has a table test in
//! `naming/tests.rs`.

use super::pascal_case;
use crate::ir::StatusKey;

/// The operationId an operation without a usable one is named after: its method and path, or
/// for a 3.1 webhook its method and the webhook's name (its key under `paths` is the loader's,
/// not the user's). Snake case, as operationIds mostly are.
pub fn fallback_operation_id(method: &str, path: &str, webhook: Option<&str>) -> String {
    let words = match webhook {
        Some(name) => format!("{method} webhooks {name}"),
        None => format!("{method} {path}"),
    };
    super::snake_case(&words)
}

/// What tells apart the variants of an operation with several request content types: nothing
/// for JSON (the primary variant), else the kind of body.
pub fn content_type_suffix(media_type: &str) -> &'static str {
    match crate::ir::essence(media_type).as_str() {
        "application/json" => "",
        "application/x-www-form-urlencoded" => "Form",
        "multipart/form-data" => "Multipart",
        _ => "Raw",
    }
}

/// The prefixes of an operation's variants, one per suffix in order: the operation's prefix
/// and the suffix, numbered where two would be the same (two raw content types are `…Raw` and
/// `…Raw2`).
pub fn variant_prefixes<'s>(
    prefix: &str,
    suffixes: impl IntoIterator<Item = &'s str>,
) -> Vec<String> {
    let mut taken = super::UniqueNames::default();
    suffixes
        .into_iter()
        .map(|suffix| taken.claim_numbered(&format!("{prefix}{suffix}"), ""))
        .collect()
}

/// The base of a member known by its position (a tuple's item, a union's alternative): the
/// parent's base and the position, counted from 1.
pub fn positional(parent_base: &str, position: usize) -> String {
    format!("{parent_base}{position}")
}

/// The English word of a union alternative's position (`1` is `One`, `21` `TwentyOne`), the
/// name the seed's generator gives an alternative that nothing else in its module wants; none
/// past 99, where a word would be longer than the positional base it stands for.
pub fn number_word(position: usize) -> Option<String> {
    const UNITS: [&str; 20] = [
        "",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    ];
    match position {
        1..=19 => Some(UNITS[position].to_owned()),
        20..=99 => Some(format!("{}{}", TENS[position / 10], UNITS[position % 10])),
        _ => None,
    }
}

/// The base of a variant's request body.
pub const REQUEST_BODY: &str = "RequestBody";
/// The base of a variant's request type (its parameters and body).
pub const REQUEST: &str = "Request";
/// The base of a variant's response type (a variant per documented status).
pub const RESPONSE: &str = "Response";
/// The base of the type a discriminated union's parent holds for values of no known subtype.
pub const ANY: &str = "Any";

/// The base of a response body, as the seed's generator names them: the first success body
/// (a 2xx code or the `2XX` range) of a variant is `ResponseBody` and a later one
/// `Status{code}ResponseBody` (`Status2XxResponseBody`); an error body is its status's reason
/// phrase and `Error` for the five statuses it names so (`BadRequestError`,
/// `UnauthorizedError`, `ForbiddenError`, `NotFoundError`, `InternalServerError`), else
/// `Status{code}Error`, `Status{digit}XxError` for a range, and `DefaultError`.
pub fn response_body(status: StatusKey, first_success: bool) -> String {
    // The status as the numbered names spell it.
    let numbered = match status {
        StatusKey::Code(code) => format!("Status{code}"),
        StatusKey::Range(digit) => format!("Status{digit}Xx"),
        StatusKey::Default => "Default".to_owned(),
    };
    if status.is_success() {
        return if first_success {
            "ResponseBody".to_owned()
        } else {
            format!("{numbered}ResponseBody")
        };
    }
    match status {
        StatusKey::Code(400) => "BadRequestError".to_owned(),
        StatusKey::Code(401) => "UnauthorizedError".to_owned(),
        StatusKey::Code(403) => "ForbiddenError".to_owned(),
        StatusKey::Code(404) => "NotFoundError".to_owned(),
        StatusKey::Code(500) => "InternalServerError".to_owned(),
        _ => format!("{numbered}Error"),
    }
}

/// The base of the values of a map (`additionalProperties`): the map's base and `Value`.
pub fn map_value(base: &str) -> String {
    format!("{base}Value")
}

/// The base of the items of a tuple after its positional ones: the tuple's base and `Item`.
pub fn rest_item(base: &str) -> String {
    format!("{base}Item")
}

/// The base of the type of a response's headers: its status, then `Headers`.
pub fn headers_base(status: StatusKey) -> String {
    format!("{}Headers", super::status_variant(status))
}

/// The base of an array's items: the singular of the array's, or the array's own where the
/// singular is the plural (`logoUris` holds `LogoUris`), unless the array is itself a named
/// type (`root`), whose items are then `…Item`.
pub fn item_base(base: &str, root: bool) -> String {
    let single = super::singular(base);
    if single != base {
        single
    } else if root {
        format!("{base}Item")
    } else {
        single
    }
}

/// The name an inline schema gives itself, as the seed's generator reads it: its
/// `x-speakeasy-name-override`, else its `title`, else its 3.1 `$anchor`; none where that
/// has no word in it.
pub fn preferred(
    name_override: Option<&str>,
    title: Option<&str>,
    anchor: Option<&str>,
) -> Option<String> {
    name_override
        .or(title)
        .or(anchor)
        .map(pascal_case)
        .filter(|name| !name.is_empty())
}

/// The name of a place known only by its pointer: the names in it, PascalCase, with the words
/// that only say how the document is laid out left out, and a component read as its name and
/// then what it is (`components/parameters/limit/schema` → `LimitParameter`).
pub fn pointer_words(segments: &[String]) -> String {
    let mut segments: Vec<&String> = segments.iter().collect();
    if segments.len() >= 3 && segments[0] == "components" && segments[1] != "schemas" {
        segments.swap(1, 2);
    }
    let mut words = String::new();
    let mut media_next = false;
    for segment in segments {
        if media_next {
            // A media type says nothing about what the place is.
            media_next = false;
            continue;
        }
        let word = match segment.as_str() {
            "components" | "schemas" | "paths" | "properties" | "schema" => "",
            "content" => {
                media_next = true;
                ""
            }
            "parameters" => "Parameter",
            "headers" => "Header",
            "responses" => "Response",
            "requestBodies" | "requestBody" => "RequestBody",
            "items" => "Item",
            "additionalProperties" => "Value",
            other => other,
        };
        words.push_str(&pascal_case(word));
    }
    words
}
