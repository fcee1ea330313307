/// One operation variant's request, ready for any HTTP client: the method, the path with its
/// parameters filled in, the query pairs, the headers and the encoded body. The crate sends
/// nothing itself; a client joins these in a few lines.
///
/// The generated impls mark their methods `#[inline]`, which has them compiled in the crate
/// that calls them rather than in this one: a build pays only for the operations it sends.
pub trait Operation {
    /// `GET`, `POST`, ...
    const METHOD: &'static str;
    /// The path as the spec writes it, parameters in braces.
    const PATH_TEMPLATE: &'static str;
    /// The media type of the body, for the `Content-Type` header; `None` without a body.
    const CONTENT_TYPE: ::std::option::Option<&'static str>;
    /// The security requirements: alternatives, each the names of the security schemes it
    /// needs together (an empty one: none needed; none at all: the operation needs none).
    const SECURITY: &'static [&'static [&'static str]];
    /// The type that decodes this operation's responses.
    type Response: Decode;

    /// The path with each path parameter written by its style and percent-encoded.
    fn path(&self) -> ::std::string::String;

    /// The query parameters as name and value pairs, not yet percent-encoded (clients do that
    /// when they build the URL), in spec order; an absent optional parameter has no pair.
    fn query(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)>;

    /// The header parameters, and the cookie parameters as one `Cookie` header.
    fn headers(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)>;

    /// The body encoded for [`Self::CONTENT_TYPE`], or `None` when there is none.
    fn body(
        &self,
    ) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<u8>>, EncodeError>;

    /// The whole request for the server at `base` (`https://api.example.com/v1`): the path
    /// after it, the query percent-encoded, the headers, the media type and the body.
    #[cfg(feature = "http")]
    fn to_http(
        &self,
        base: &str,
    ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, EncodeError> {
        let mut uri = ::std::string::String::from(base.trim_end_matches('/'));
        uri.push_str(&self.path());
        let query = self.query();
        for (i, (name, value)) in query.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            uri.push_str(&encode_query(name));
            uri.push('=');
            uri.push_str(&encode_query(value));
        }
        let mut request = ::http::Request::builder().method(Self::METHOD).uri(uri);
        for (name, value) in self.headers() {
            request = request.header(name, value);
        }
        let body = self.body()?;
        if let (::std::option::Option::Some(content_type), ::std::option::Option::Some(_)) =
            (Self::CONTENT_TYPE, &body)
        {
            request = request.header("content-type", content_type);
        }
        request
            .body(body.unwrap_or_default())
            .map_err(|e| EncodeError {
                message: e.to_string(),
            })
    }
}

/// Percent-encodes all but the unreserved characters of RFC 3986, as a query name or value
/// needs.
pub fn encode_query(text: &str) -> ::std::string::String {
    encode_segment(text)
}

/// A request body that cannot be encoded in its media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    pub message: ::std::string::String,
}

impl ::std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "cannot encode the request body: {}", self.message)
    }
}

impl ::std::error::Error for EncodeError {}

/// How a parameter is written (OpenAPI's `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    /// Swagger 2.0's `collectionFormat: tsv`: a list joined with tabs.
    TabDelimited,
}

/// A parameter's value, taken apart as the styles need it: nothing (an absent optional value or
/// `null`), one value, a list, or an object's entries. Values inside a list or an object that
/// are not strings, numbers or booleans are written as JSON text.
enum Pieces {
    Absent,
    One(::std::string::String),
    List(::std::vec::Vec<::std::string::String>),
    Entries(::std::vec::Vec<(::std::string::String, ::std::string::String)>),
}

fn pieces<__T: ::serde::Serialize + ?Sized>(value: &__T) -> Pieces {
    // Model types always convert; a value that does not is left out rather than guessed at.
    match ::serde_json::to_value(value).unwrap_or(::serde_json::Value::Null) {
        ::serde_json::Value::Null => Pieces::Absent,
        ::serde_json::Value::Array(items) => Pieces::List(items.iter().map(text).collect()),
        ::serde_json::Value::Object(entries) => Pieces::Entries(
            entries
                .iter()
                .map(|(key, value)| (key.clone(), text(value)))
                .collect(),
        ),
        other => Pieces::One(text(&other)),
    }
}

fn text(value: &::serde_json::Value) -> ::std::string::String {
    match value {
        ::serde_json::Value::String(s) => s.clone(),
        ::serde_json::Value::Null => ::std::string::String::new(),
        other => other.to_string(),
    }
}

/// An object's entries as list items: `key=value` each when exploded, else key and value as
/// two items (`simple` and `form` styles then join them all with commas).
fn flat_entries(
    entries: &[(::std::string::String, ::std::string::String)],
    explode: bool,
) -> ::std::vec::Vec<::std::string::String> {
    let mut out = ::std::vec::Vec::new();
    for (key, value) in entries {
        if explode {
            out.push(format!("{key}={value}"));
        } else {
            out.push(key.clone());
            out.push(value.clone());
        }
    }
    out
}

/// Percent-encodes all but the unreserved characters of RFC 3986, as a path segment needs.
pub fn encode_segment(text: &str) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Writes a path parameter into `out` by its style (`simple`, `label` or `matrix`). Every
/// value, and every key of an object, is percent-encoded as a segment; the separators the
/// style adds (`.`, `;`, `=`, `,`) are not.
pub fn path_param<__T: ::serde::Serialize + ?Sized>(
    out: &mut ::std::string::String,
    name: &str,
    style: Style,
    explode: bool,
    value: &__T,
) {
    let name = encode_segment(name);
    let items = match pieces(value) {
        Pieces::Absent => return,
        Pieces::One(v) => {
            let v = encode_segment(&v);
            match style {
                Style::Label => out.push_str(&format!(".{v}")),
                Style::Matrix => out.push_str(&format!(";{name}={v}")),
                _ => out.push_str(&v),
            }
            return;
        }
        Pieces::List(items) => items.iter().map(|item| encode_segment(item)).collect(),
        Pieces::Entries(entries) => {
            let encoded: ::std::vec::Vec<(::std::string::String, ::std::string::String)> = entries
                .iter()
                .map(|(key, value)| (encode_segment(key), encode_segment(value)))
                .collect();
            let items = flat_entries(&encoded, explode);
            match style {
                // An exploded object is its entries, `;key=value` each, without the name.
                Style::Matrix if explode => {
                    for item in items {
                        out.push_str(&format!(";{item}"));
                    }
                    return;
                }
                _ => items,
            }
        }
    };
    let items: ::std::vec::Vec<::std::string::String> = items;
    match style {
        Style::Label => {
            let sep = if explode { "." } else { "," };
            out.push_str(&format!(".{}", items.join(sep)));
        }
        Style::Matrix if explode => {
            for item in items {
                out.push_str(&format!(";{name}={item}"));
            }
        }
        Style::Matrix => out.push_str(&format!(";{name}={}", items.join(","))),
        _ => out.push_str(&items.join(",")),
    }
}

/// Adds a query parameter's pairs by its style (`form`, `spaceDelimited`, `pipeDelimited` or
/// `deepObject`): an exploded form list repeats its name, an unexploded one joins with commas.
pub fn query_param<__T: ::serde::Serialize + ?Sized>(
    out: &mut ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    name: &str,
    style: Style,
    explode: bool,
    value: &__T,
) {
    match (style, pieces(value)) {
        (_, Pieces::Absent) => {}
        (_, Pieces::One(v)) => out.push((name.to_owned(), v)),
        (Style::SpaceDelimited, Pieces::List(items)) => out.push((name.to_owned(), items.join(" "))),
        (Style::PipeDelimited, Pieces::List(items)) => out.push((name.to_owned(), items.join("|"))),
        (Style::TabDelimited, Pieces::List(items)) => out.push((name.to_owned(), items.join("\t"))),
        (_, Pieces::List(items)) if explode => {
            out.extend(items.into_iter().map(|item| (name.to_owned(), item)))
        }
        (_, Pieces::List(items)) => out.push((name.to_owned(), items.join(","))),
        (Style::DeepObject, Pieces::Entries(entries)) => out.extend(
            entries
                .into_iter()
                .map(|(key, value)| (format!("{name}[{key}]"), value)),
        ),
        (_, Pieces::Entries(entries)) if explode => out.extend(entries),
        (_, Pieces::Entries(entries)) => {
            out.push((name.to_owned(), flat_entries(&entries, false).join(",")))
        }
    }
}

/// Adds a header parameter (style `simple`).
pub fn header_param<__T: ::serde::Serialize + ?Sized>(
    out: &mut ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    name: &str,
    explode: bool,
    value: &__T,
) {
    match pieces(value) {
        Pieces::Absent => {}
        Pieces::One(v) => out.push((name.to_owned(), v)),
        Pieces::List(items) => out.push((name.to_owned(), items.join(","))),
        Pieces::Entries(entries) => {
            out.push((name.to_owned(), flat_entries(&entries, explode).join(",")))
        }
    }
}

/// Adds a cookie parameter's `name=value` pairs (style `form`); [`cookie_header`] joins them.
pub fn cookie_param<__T: ::serde::Serialize + ?Sized>(
    out: &mut ::std::vec::Vec<::std::string::String>,
    name: &str,
    explode: bool,
    value: &__T,
) {
    let mut pairs = ::std::vec::Vec::new();
    query_param(&mut pairs, name, Style::Form, explode, value);
    out.extend(pairs.into_iter().map(|(name, value)| format!("{name}={value}")));
}

/// The `Cookie` header of the cookie parameters, when there are any.
pub fn cookie_header(
    out: &mut ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    cookies: ::std::vec::Vec<::std::string::String>,
) {
    if !cookies.is_empty() {
        out.push(("Cookie".to_owned(), cookies.join("; ")));
    }
}

/// A body as JSON.
pub fn json_body<__T: ::serde::Serialize + ?Sized>(
    value: &__T,
) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    sending(|| ::serde_json::to_vec(value)).map_err(|e| EncodeError {
        message: e.to_string(),
    })
}

/// The properties of a body object, each with its values as text: a list gives one value per
/// item, and an object (or a list item that is one) is JSON text, the `encoding` default for
/// complex values. `null` properties are left out.
fn form_fields<__T: ::serde::Serialize + ?Sized>(
    value: &__T,
    media: &str,
) -> ::std::result::Result<::std::vec::Vec<(::std::string::String, ::std::string::String, bool)>, EncodeError> {
    let value = sending(|| ::serde_json::to_value(value)).map_err(|e| EncodeError {
        message: e.to_string(),
    })?;
    let ::serde_json::Value::Object(entries) = value else {
        return ::std::result::Result::Err(EncodeError {
            message: format!("a {media} body must be an object"),
        });
    };
    let mut out = ::std::vec::Vec::new();
    for (key, value) in entries {
        match value {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => {
                for item in items {
                    let json = item.is_object() || item.is_array();
                    out.push((key.clone(), text(&item), json));
                }
            }
            ::serde_json::Value::Object(_) => out.push((key, value.to_string(), true)),
            other => out.push((key, text(&other), false)),
        }
    }
    ::std::result::Result::Ok(out)
}

/// `application/x-www-form-urlencoded` as browsers write it: each property a key, a list
/// repeating its key, spaces as `+`, and every byte but ASCII letters, digits and `*-._`
/// percent-encoded.
pub fn form_body<__T: ::serde::Serialize + ?Sized>(
    value: &__T,
) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    fn encode(text: &str, out: &mut ::std::string::String) {
        for byte in text.bytes() {
            match byte {
                b' ' => out.push('+'),
                b if b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_') => {
                    out.push(b as char)
                }
                b => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    let mut out = ::std::string::String::new();
    for (key, value, _) in form_fields(value, "form")? {
        if !out.is_empty() {
            out.push('&');
        }
        encode(&key, &mut out);
        out.push('=');
        encode(&value, &mut out);
    }
    ::std::result::Result::Ok(out.into_bytes())
}

/// A `text/*` body: a string as its text, any other value as JSON.
pub fn text_body<__T: ::serde::Serialize + ?Sized>(
    value: &__T,
) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    match sending(|| ::serde_json::to_value(value)) {
        ::std::result::Result::Ok(::serde_json::Value::String(s)) => {
            ::std::result::Result::Ok(s.into_bytes())
        }
        _ => json_body(value),
    }
}

/// A body of a binary media type whose schema says base64: the bytes as base64 text.
pub fn base64_body<__B: ::std::convert::AsRef<[u8]> + ?Sized>(value: &__B) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    ::std::result::Result::Ok(base64_encode(value.as_ref()).into_bytes())
}

/// Standard base64 with padding (RFC 4648), for base64 bodies and basic credentials.
pub fn base64_encode(bytes: &[u8]) -> ::std::string::String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = ::std::string::String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A body of a binary media type: the bytes as they are.
pub fn bytes_body<__B: ::std::convert::AsRef<[u8]> + ?Sized>(value: &__B) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    ::std::result::Result::Ok(value.as_ref().to_vec())
}

