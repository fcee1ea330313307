/// A response whose body does not match the schema its status documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub status: u16,
    /// The type the status documents.
    pub type_name: &'static str,
    pub message: ::std::string::String,
}

impl ::std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(
            f,
            "the body of a {} response is not a {}: {}",
            self.status, self.type_name, self.message
        )
    }
}

impl ::std::error::Error for DecodeError {}

/// A response type: decoded from a reply's status, headers and body. As with `Operation`,
/// the generated impls are `#[inline]`, compiled only where they are called.
pub trait Decode: ::std::marker::Sized {
    /// The variant of a reply: its status picks the case (exact codes, then ranges, then
    /// `default`), a documented body is read by its media type (absent or `null` where it is
    /// JSON: `None`), and documented headers by their types.
    fn decode(status: u16, headers: &dyn Headers, body: &[u8]) -> ::std::result::Result<Self, DecodeError>;

    /// The status the response came with.
    fn status(&self) -> u16;

    /// Decodes a reply as the `http` crate holds it.
    #[cfg(feature = "http")]
    fn from_http<__B: ::std::convert::AsRef<[u8]>>(
        response: &::http::Response<__B>,
    ) -> ::std::result::Result<Self, DecodeError> {
        Self::decode(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}

/// A reply's headers, however a client holds them: the value of a header, matched without
/// regard to case, its values joined with `, ` where it came more than once.
pub trait Headers {
    fn header(&self, name: &str) -> ::std::option::Option<::std::string::String>;
}

impl<__K: ::std::convert::AsRef<str>, __V: ::std::convert::AsRef<str>> Headers for [(__K, __V)] {
    fn header(&self, name: &str) -> ::std::option::Option<::std::string::String> {
        let values: ::std::vec::Vec<&str> = self
            .iter()
            .filter(|(key, _)| key.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

impl<__K: ::std::convert::AsRef<str>, __V: ::std::convert::AsRef<str>, const __N: usize> Headers for [(__K, __V); __N] {
    fn header(&self, name: &str) -> ::std::option::Option<::std::string::String> {
        self.as_slice().header(name)
    }
}

impl<__K: ::std::convert::AsRef<str>, __V: ::std::convert::AsRef<str>> Headers for ::std::vec::Vec<(__K, __V)> {
    fn header(&self, name: &str) -> ::std::option::Option<::std::string::String> {
        self.as_slice().header(name)
    }
}

/// No headers at all.
impl Headers for () {
    fn header(&self, _name: &str) -> ::std::option::Option<::std::string::String> {
        ::std::option::Option::None
    }
}

#[cfg(feature = "http")]
impl Headers for ::http::HeaderMap {
    fn header(&self, name: &str) -> ::std::option::Option<::std::string::String> {
        let values: ::std::vec::Vec<::std::string::String> = self
            .get_all(name)
            .iter()
            .map(|value| ::std::string::String::from_utf8_lossy(value.as_bytes()).into_owned())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// The media type of a reply, from its `Content-Type` header (empty when there is none).
pub fn content_type(headers: &dyn Headers) -> ::std::string::String {
    headers.header("content-type").unwrap_or_default()
}

/// How a header's text is read: as a string, as a JSON scalar (a number or a boolean), or as
/// a comma-separated list of either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderShape {
    Text,
    Scalar,
    TextList,
    ScalarList,
}

/// A documented header, read as its type; `None` when the reply lacks it.
pub fn header<__T: ::serde::de::DeserializeOwned>(
    status: u16,
    type_name: &'static str,
    headers: &dyn Headers,
    name: &str,
    shape: HeaderShape,
) -> ::std::result::Result<::std::option::Option<__T>, DecodeError> {
    let ::std::option::Option::Some(text) = headers.header(name) else {
        return ::std::result::Result::Ok(::std::option::Option::None);
    };
    let scalar = |text: &str| {
        ::serde_json::from_str::<::serde_json::Value>(text.trim())
            .ok()
            .filter(|value| value.is_number() || value.is_boolean())
            .unwrap_or_else(|| ::serde_json::Value::String(text.trim().to_owned()))
    };
    let value = match shape {
        HeaderShape::Text => ::serde_json::Value::String(text.clone()),
        HeaderShape::Scalar => scalar(&text),
        HeaderShape::TextList => ::serde_json::Value::Array(
            text.split(',')
                .map(|item| ::serde_json::Value::String(item.trim().to_owned()))
                .collect(),
        ),
        HeaderShape::ScalarList => {
            ::serde_json::Value::Array(text.split(',').map(scalar).collect())
        }
    };
    ::serde_json::from_value(value)
        .map(::std::option::Option::Some)
        .map_err(|e| DecodeError {
            status,
            type_name,
            message: format!("the header `{name}` ({text:?}): {e}"),
        })
}

/// A documented header that the spec requires.
pub fn required_header<__T: ::serde::de::DeserializeOwned>(
    status: u16,
    type_name: &'static str,
    headers: &dyn Headers,
    name: &str,
    shape: HeaderShape,
) -> ::std::result::Result<__T, DecodeError> {
    header(status, type_name, headers, name, shape)?.ok_or_else(|| DecodeError {
        status,
        type_name,
        message: format!("the required header `{name}` is missing"),
    })
}

/// A body that JSON types: `None` when the reply has none (or `null`), else the type its
/// status documents, or an error naming status and type when it does not fit.
pub fn decode_json<__T: ::serde::de::DeserializeOwned>(
    status: u16,
    type_name: &'static str,
    body: &[u8],
) -> ::std::result::Result<::std::option::Option<__T>, DecodeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return ::std::result::Result::Ok(::std::option::Option::None);
    }
    ::serde_json::from_slice(body).map_err(|e| DecodeError {
        status,
        type_name,
        message: e.to_string(),
    })
}

/// A text body (`text/*`, XML), which must be UTF-8.
pub fn decode_text(status: u16, body: &[u8]) -> ::std::result::Result<::std::string::String, DecodeError> {
    ::std::string::String::from_utf8(body.to_vec()).map_err(|e| DecodeError {
        status,
        type_name: "String",
        message: e.to_string(),
    })
}

/// A body that a status documents in JSON and in other media types, told apart by the
/// reply's `Content-Type`.
#[derive(Debug, Clone, PartialEq)]
pub enum Content<__T> {
    /// No body.
    Empty,
    /// JSON (`application/json`, `*/*+json`, or no media type named).
    Json(__T),
    /// Text (`text/*`, XML).
    Text(::std::string::String),
    /// Any other media type, as its bytes.
    Bytes(::std::vec::Vec<u8>),
}

/// A body of [`Content`]: read by the reply's media type.
pub fn decode_content<__T: ::serde::de::DeserializeOwned>(
    status: u16,
    type_name: &'static str,
    headers: &dyn Headers,
    body: &[u8],
) -> ::std::result::Result<Content<__T>, DecodeError> {
    if body.is_empty() {
        return ::std::result::Result::Ok(Content::Empty);
    }
    let media = content_type(headers).to_ascii_lowercase();
    let essence = media.split(';').next().unwrap_or_default().trim();
    let (kind, sub) = essence.split_once('/').unwrap_or((essence, ""));
    let json = essence.is_empty()
        || (kind, sub) == ("application", "json")
        || (kind, sub) == ("*", "*")
        || sub.ends_with("+json");
    let text = kind == "text" || (kind, sub) == ("application", "xml") || sub.ends_with("+xml");
    if json {
        ::serde_json::from_slice(body)
            .map(Content::Json)
            .map_err(|e| DecodeError {
                status,
                type_name,
                message: e.to_string(),
            })
    } else if text {
        decode_text(status, body).map(Content::Text)
    } else {
        ::std::result::Result::Ok(Content::Bytes(body.to_vec()))
    }
}

/// A body of a binary media type whose schema says base64: the bytes its text encodes. Both
/// alphabets (`+/` and `-_`) are read, padding or not, and white space (line breaks) is
/// skipped; any other character is an error that keeps what came.
pub fn decode_base64(status: u16, body: &[u8]) -> ::std::result::Result<::std::vec::Vec<u8>, DecodeError> {
    let fail = |message: ::std::string::String| DecodeError {
        status,
        type_name: "base64 text",
        message,
    };
    let mut out = ::std::vec::Vec::with_capacity(body.len() / 4 * 3);
    let (mut bits, mut count) = (0u32, 0u32);
    let mut ended = false;
    for (at, &byte) in body.iter().enumerate() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                ended = true;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            other => return ::std::result::Result::Err(fail(format!("byte {other:#04x} at {at} is not base64"))),
        };
        if ended {
            return ::std::result::Result::Err(fail(format!("text after the padding, at {at}")));
        }
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    ::std::result::Result::Ok(out)
}

/// A body of a binary media type: its bytes as they came.
pub fn decode_bytes(body: &[u8]) -> ::std::result::Result<::std::vec::Vec<u8>, DecodeError> {
    ::std::result::Result::Ok(body.to_vec())
}
