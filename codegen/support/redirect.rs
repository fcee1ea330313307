/// How many redirects a client follows unless told otherwise.
pub const REDIRECTS: u32 = 10;

/// Where a redirect sends a request next: its method, its URL, whether it keeps its body,
/// and whether it still carries credentials (not once it leaves the origin it was sent to).
#[cfg(any(feature = "blocking", feature = "async"))]
struct Hop {
    method: ::http::Method,
    uri: ::http::Uri,
    body: bool,
    credentials: bool,
}

/// The request of `operation`, sent where the redirects so far (`hop`) lead.
#[cfg(any(feature = "blocking", feature = "async"))]
fn request_for<__O: Operation>(
    operation: &__O,
    base: &str,
    credentials: &dyn Credentials,
    headers: &[(::std::string::String, ::std::string::String)],
    hop: ::std::option::Option<&Hop>,
    cookies: &[(::std::string::String, ::std::string::String)],
) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, SendError> {
    // A hop to another origin leaves the credentials behind.
    let credentials = match hop {
        ::std::option::Option::Some(hop) if !hop.credentials => ::std::option::Option::None,
        _ => ::std::option::Option::Some(credentials),
    };
    let mut request = build(operation, base, credentials, headers)?;
    if !cookies.is_empty() {
        let carried: ::std::vec::Vec<::std::string::String> = cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
        let mut line = carried.join("; ");
        if let ::std::option::Option::Some(own) = request.headers().get(::http::header::COOKIE).and_then(|v| v.to_str().ok()) {
            line = format!("{own}; {line}");
        }
        let value = ::http::header::HeaderValue::from_str(&line).map_err(|e| SendError::Encode(EncodeError { message: e.to_string() }))?;
        request.headers_mut().insert(::http::header::COOKIE, value);
    }
    let ::std::option::Option::Some(hop) = hop else {
        return ::std::result::Result::Ok(request);
    };
    *request.method_mut() = hop.method.clone();
    *request.uri_mut() = hop.uri.clone();
    if !hop.body {
        request.body_mut().clear();
        request.headers_mut().remove(::http::header::CONTENT_TYPE);
        request.headers_mut().remove(::http::header::CONTENT_LENGTH);
    }
    ::std::result::Result::Ok(request)
}

/// Keeps the cookies a reply sets (`Set-Cookie`) for the next attempt or hop of the same
/// request, as a server that tracks its retries or redirects by cookie expects; a cookie
/// with `Max-Age=0` (or less) is dropped. No cookie outlives one `send`.
#[cfg(any(feature = "blocking", feature = "async"))]
fn carry_cookies(cookies: &mut ::std::vec::Vec<(::std::string::String, ::std::string::String)>, headers: &::http::HeaderMap) {
    for line in headers.get_all(::http::header::SET_COOKIE) {
        let ::std::result::Result::Ok(line) = line.to_str() else {
            continue;
        };
        let mut parts = line.split(';');
        let ::std::option::Option::Some((name, value)) = parts.next().and_then(|pair| pair.split_once('=')) else {
            continue;
        };
        let (name, value) = (name.trim().to_owned(), value.trim().to_owned());
        let expired = parts.any(|attribute| {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            key.trim().eq_ignore_ascii_case("max-age") && value.trim().parse::<i64>().is_ok_and(|age| age <= 0)
        });
        cookies.retain(|(kept, _)| *kept != name);
        if !expired {
            cookies.push((name, value));
        }
    }
}

/// The next hop of a reply that redirects, as HTTP defines it: `303` goes on with a `GET`
/// and no body; `307` and `308` repeat the request as it was; `301` and `302` are followed
/// for `GET` and `HEAD` only (a client may not turn another method into a `GET` unasked).
/// `None` where the reply is the answer.
#[cfg(any(feature = "blocking", feature = "async"))]
fn next_hop(method: &::http::Method, uri: &::http::Uri, status: u16, headers: &::http::HeaderMap, credentials: bool) -> ::std::option::Option<Hop> {
    let read = *method == ::http::Method::GET || *method == ::http::Method::HEAD;
    let (method, body) = match status {
        303 if *method == ::http::Method::HEAD => (::http::Method::HEAD, false),
        303 => (::http::Method::GET, false),
        307 | 308 => (method.clone(), true),
        301 | 302 if read => (method.clone(), true),
        _ => return ::std::option::Option::None,
    };
    let location = headers.get(::http::header::LOCATION)?.to_str().ok()?;
    let next = resolve(uri, location)?;
    let same_origin = next.scheme() == uri.scheme() && next.authority() == uri.authority();
    ::std::option::Option::Some(Hop {
        method,
        uri: next,
        body,
        credentials: credentials && same_origin,
    })
}

/// A `Location` read against the URL it answers: absolute, scheme-relative, absolute-path
/// or relative to the directory of the path.
#[cfg(any(feature = "blocking", feature = "async"))]
fn resolve(base: &::http::Uri, location: &str) -> ::std::option::Option<::http::Uri> {
    let scheme_end = location.find(':');
    let has_scheme = scheme_end.is_some_and(|end| {
        end > 0
            && location[..end].starts_with(|c: char| c.is_ascii_alphabetic())
            && location[..end].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if has_scheme {
        return location.parse().ok();
    }
    let scheme = base.scheme_str()?;
    let authority = base.authority()?.as_str();
    if let ::std::option::Option::Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}").parse().ok();
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}").parse().ok();
    }
    let path = base.path();
    let directory = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{scheme}://{authority}{directory}{location}").parse().ok()
}
