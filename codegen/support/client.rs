/// A server of the API, as the spec lists it: its URL, with `{variables}` to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Server {
    pub url: &'static str,
    pub description: &'static str,
    pub variables: &'static [ServerVariable],
}

/// A variable of a server's URL: its default, and the values the spec allows (none listed:
/// any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerVariable {
    pub name: &'static str,
    pub default: &'static str,
    pub values: &'static [&'static str],
}

impl Server {
    /// The URL with every variable at its default.
    pub fn url(&self) -> ::std::string::String {
        self.url_with(&[]).unwrap_or_else(|_| self.url.to_owned())
    }

    /// The URL with the given variables (the others at their defaults); an error for a name
    /// the server does not have or a value it does not allow.
    pub fn url_with(&self, values: &[(&str, &str)]) -> ::std::result::Result<::std::string::String, ::std::string::String> {
        for (name, value) in values {
            let ::std::option::Option::Some(variable) = self.variables.iter().find(|v| v.name == *name) else {
                return ::std::result::Result::Err(format!("the server {} has no variable `{name}`", self.url));
            };
            if !variable.values.is_empty() && !variable.values.contains(value) {
                return ::std::result::Result::Err(format!("`{value}` is not one of the values of `{name}`: {}", variable.values.join(", ")));
            }
        }
        let mut url = self.url.to_owned();
        for variable in self.variables {
            let value = values
                .iter()
                .find(|(name, _)| *name == variable.name)
                .map_or(variable.default, |(_, value)| *value);
            url = url.replace(&format!("{{{}}}", variable.name), value);
        }
        ::std::result::Result::Ok(url)
    }
}

/// One credential, as a security scheme puts it on a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `Authorization: Bearer <token>` (HTTP bearer, OAuth 2, OpenID Connect).
    Bearer(::std::string::String),
    /// `Authorization: Basic <base64 of user:password>`.
    Basic { user: ::std::string::String, password: ::std::string::String },
    /// An API key in a header.
    Header { name: &'static str, value: ::std::string::String },
    /// An API key in the query.
    Query { name: &'static str, value: ::std::string::String },
    /// An API key in a cookie.
    Cookie { name: &'static str, value: ::std::string::String },
    /// The whole `Authorization` value, for an HTTP scheme a client cannot compute.
    Authorization(::std::string::String),
}

/// What a request needs from the caller to meet its operation's security requirements.
pub trait Credentials {
    /// The credential set for the scheme of this name (the key of the spec's
    /// `securitySchemes`), if any.
    fn credential(&self, scheme: &str) -> ::std::option::Option<Credential>;

    /// The credentials a request of an operation with these requirements carries: those of
    /// the first alternative whose schemes all have one (an empty alternative needs none).
    fn for_requirements(&self, requirements: &[&[&str]]) -> ::std::result::Result<::std::vec::Vec<Credential>, EncodeError> {
        if requirements.is_empty() {
            return ::std::result::Result::Ok(::std::vec::Vec::new());
        }
        for alternative in requirements {
            let found: ::std::option::Option<::std::vec::Vec<Credential>> =
                alternative.iter().map(|scheme| self.credential(scheme)).collect();
            if let ::std::option::Option::Some(found) = found {
                return ::std::result::Result::Ok(found);
            }
        }
        let wanted: ::std::vec::Vec<::std::string::String> = requirements.iter().map(|a| a.join(" and ")).collect();
        ::std::result::Result::Err(EncodeError {
            message: format!("the operation needs credentials for {}", wanted.join(", or ")),
        })
    }
}

/// No credentials at all: for operations that need none.
impl Credentials for () {
    fn credential(&self, _scheme: &str) -> ::std::option::Option<Credential> {
        ::std::option::Option::None
    }
}

/// Puts credentials on a request: headers, query pairs and cookies.
#[cfg(feature = "http")]
pub fn apply_credentials(request: &mut ::http::Request<::std::vec::Vec<u8>>, credentials: &[Credential]) -> ::std::result::Result<(), EncodeError> {
    let invalid = |e: &dyn ::std::fmt::Display| EncodeError { message: e.to_string() };
    let mut cookies = ::std::vec::Vec::new();
    for credential in credentials {
        let (name, value) = match credential {
            Credential::Bearer(token) => (::http::header::AUTHORIZATION.as_str(), format!("Bearer {token}")),
            Credential::Basic { user, password } => (
                ::http::header::AUTHORIZATION.as_str(),
                format!("Basic {}", base64_encode(format!("{user}:{password}").as_bytes())),
            ),
            Credential::Authorization(value) => (::http::header::AUTHORIZATION.as_str(), value.clone()),
            Credential::Header { name, value } => (*name, value.clone()),
            Credential::Cookie { name, value } => {
                cookies.push(format!("{name}={value}"));
                continue;
            }
            Credential::Query { name, value } => {
                let uri = request.uri().to_string();
                let separator = if uri.contains('?') { '&' } else { '?' };
                let uri = format!("{uri}{separator}{}={}", encode_query(name), encode_query(value));
                *request.uri_mut() = uri.parse().map_err(|e| invalid(&e))?;
                continue;
            }
        };
        let name = ::http::header::HeaderName::from_bytes(name.as_bytes()).map_err(|e| invalid(&e))?;
        let value = ::http::header::HeaderValue::from_str(&value).map_err(|e| invalid(&e))?;
        request.headers_mut().insert(name, value);
    }
    if !cookies.is_empty() {
        let value = ::http::header::HeaderValue::from_str(&cookies.join("; ")).map_err(|e| invalid(&e))?;
        request.headers_mut().append(::http::header::COOKIE, value);
    }
    ::std::result::Result::Ok(())
}

/// Retries of a request whose reply says the server could not answer for now (`408`, `429`,
/// `500`, `502`, `503`, `504`): after the server's `Retry-After` where it gives one in
/// seconds, else after a delay that doubles each time. Only the methods that may be sent
/// twice (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`, `TRACE`) are retried unless
/// `every_method` says the API's `POST` and `PATCH` requests may be too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// How many times to send again, at most.
    pub attempts: u32,
    /// The first delay.
    pub initial: ::std::time::Duration,
    /// The longest delay, the server's included.
    pub max: ::std::time::Duration,
    /// Whether requests of every method are retried, not only those that may be sent twice.
    pub every_method: bool,
}

impl Retry {
    /// Up to three retries of the methods that may be sent twice, from half a second to
    /// thirty.
    pub fn new() -> Self {
        Retry {
            attempts: 3,
            initial: ::std::time::Duration::from_millis(500),
            max: ::std::time::Duration::from_secs(30),
            every_method: false,
        }
    }

    /// The delay before retry `attempt` (from 0) of a reply with this status and these
    /// headers, or `None` where it is not retried.
    pub fn delay(&self, method: &str, attempt: u32, status: u16, headers: &dyn Headers) -> ::std::option::Option<::std::time::Duration> {
        let idempotent = matches!(method, "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS" | "TRACE");
        let transient = matches!(status, 408 | 429 | 500 | 502 | 503 | 504);
        if !(idempotent || self.every_method) || attempt >= self.attempts || !transient {
            return ::std::option::Option::None;
        }
        let asked = headers
            .header("retry-after")
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map(::std::time::Duration::from_secs);
        let backoff = self.initial.saturating_mul(1 << attempt.min(16));
        ::std::option::Option::Some(asked.unwrap_or(backoff).min(self.max))
    }
}

impl ::std::default::Default for Retry {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a request got no typed response.
#[derive(Debug)]
pub enum SendError {
    /// The request could not be built (a body, a credential).
    Encode(EncodeError),
    /// The request did not reach the server, or its reply did not arrive.
    Transport(::std::string::String),
    /// The reply came, but does not fit what the spec documents for its status: the reply
    /// is kept whole.
    Decode {
        error: DecodeError,
        status: u16,
        headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
        body: ::std::vec::Vec<u8>,
    },
}

impl ::std::fmt::Display for SendError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            SendError::Encode(e) => write!(f, "{e}"),
            SendError::Transport(e) => write!(f, "the request failed: {e}"),
            SendError::Decode { error, .. } => write!(f, "{error}"),
        }
    }
}

impl ::std::error::Error for SendError {}

/// A reply's headers as pairs, to keep with a reply that did not decode.
#[cfg(any(feature = "blocking", feature = "async"))]
fn header_pairs(headers: &::http::HeaderMap) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
    headers
        .iter()
        .map(|(name, value)| (name.to_string(), ::std::string::String::from_utf8_lossy(value.as_bytes()).into_owned()))
        .collect()
}

/// The request of `operation` for the server at `base`, with the credentials its security
/// requirements ask for.
#[cfg(any(feature = "blocking", feature = "async"))]
fn build<__O: Operation>(
    operation: &__O,
    base: &str,
    credentials: ::std::option::Option<&dyn Credentials>,
    headers: &[(::std::string::String, ::std::string::String)],
) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, SendError> {
    let mut request = operation.to_http(base).map_err(SendError::Encode)?;
    if let ::std::option::Option::Some(credentials) = credentials {
        let chosen = credentials.for_requirements(__O::SECURITY).map_err(SendError::Encode)?;
        apply_credentials(&mut request, &chosen).map_err(SendError::Encode)?;
    }
    for (name, value) in headers {
        let invalid = |e: &dyn ::std::fmt::Display| SendError::Encode(EncodeError { message: e.to_string() });
        let name = ::http::header::HeaderName::from_bytes(name.as_bytes()).map_err(|e| invalid(&e))?;
        let value = ::http::header::HeaderValue::from_str(value).map_err(|e| invalid(&e))?;
        request.headers_mut().append(name, value);
    }
    ::std::result::Result::Ok(request)
}

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

/// A reply, decoded as the operation's response, with the reply as it came.
#[derive(Debug, Clone)]
pub struct Exchange<__R> {
    pub response: __R,
    pub status: u16,
    pub headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    pub body: ::std::vec::Vec<u8>,
}

/// A reply, decoded as the operation's response or kept whole in the error.
#[cfg(any(feature = "blocking", feature = "async"))]
fn decode<__O: Operation>(status: u16, headers: &::http::HeaderMap, body: ::std::vec::Vec<u8>) -> ::std::result::Result<Exchange<__O::Response>, SendError> {
    let headers_kept = header_pairs(headers);
    match <__O::Response as Decode>::decode(status, headers, &body) {
        ::std::result::Result::Ok(response) => ::std::result::Result::Ok(Exchange {
            response,
            status,
            headers: headers_kept,
            body,
        }),
        ::std::result::Result::Err(error) => ::std::result::Result::Err(SendError::Decode {
            error,
            status,
            headers: headers_kept,
            body,
        }),
    }
}

/// A blocking client over `ureq`: a server, credentials, and optional retries.
///
/// ```ignore
/// let client = Client::new("https://api.example.com").with_credentials(security);
/// let response = client.send(&request)?;
/// ```
#[cfg(feature = "blocking")]
pub struct Client {
    base: ::std::string::String,
    credentials: ::std::boxed::Box<dyn Credentials + ::std::marker::Send + ::std::marker::Sync>,
    retry: ::std::option::Option<Retry>,
    redirects: u32,
    headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    agent: ::ureq::Agent,
}

#[cfg(feature = "blocking")]
impl Client {
    /// A client of the server at `base` (a URL such as `SERVERS[0].url()`), with no
    /// credentials and no retries.
    pub fn new(base: impl ::std::convert::Into<::std::string::String>) -> Self {
        // Redirects are followed here, by the rules of `next_hop`, not by ureq's.
        let agent = ::ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        Client {
            base: base.into(),
            credentials: ::std::boxed::Box::new(()),
            retry: ::std::option::Option::None,
            redirects: REDIRECTS,
            headers: ::std::vec::Vec::new(),
            agent,
        }
    }

    /// Sends this header with every request (a `User-Agent`, a tracing id).
    pub fn with_header(mut self, name: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<::std::string::String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sends these credentials where an operation's security requirements ask for them.
    pub fn with_credentials(mut self, credentials: impl Credentials + ::std::marker::Send + ::std::marker::Sync + 'static) -> Self {
        self.credentials = ::std::boxed::Box::new(credentials);
        self
    }

    /// Retries requests that may be sent twice when the server is busy.
    pub fn with_retry(mut self, retry: Retry) -> Self {
        self.retry = ::std::option::Option::Some(retry);
        self
    }

    /// Follows at most this many redirects ([`REDIRECTS`] unless told); `0` hands every
    /// redirect back as the operation's response.
    pub fn with_redirects(mut self, redirects: u32) -> Self {
        self.redirects = redirects;
        self
    }

    /// Sends a request and decodes its reply as the operation's response.
    pub fn send<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<__O::Response, SendError> {
        self.exchange(operation).map(|exchange| exchange.response)
    }

    /// [`Self::send`], with the reply as it came beside the response.
    pub fn exchange<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<Exchange<__O::Response>, SendError> {
        let (mut attempt, mut hops) = (0, 0);
        let mut hop: ::std::option::Option<Hop> = ::std::option::Option::None;
        let mut cookies = ::std::vec::Vec::new();
        loop {
            let request = request_for(operation, &self.base, self.credentials.as_ref(), &self.headers, hop.as_ref(), &cookies)?;
            let (method, uri) = (request.method().clone(), request.uri().clone());
            let mut reply = self.agent.run(request).map_err(|e| SendError::Transport(e.to_string()))?;
            let status = reply.status().as_u16();
            let credentials = hop.as_ref().is_none_or(|hop| hop.credentials);
            carry_cookies(&mut cookies, reply.headers());
            if hops < self.redirects {
                if let ::std::option::Option::Some(next) = next_hop(&method, &uri, status, reply.headers(), credentials) {
                    if !next.credentials {
                        cookies.clear();
                    }
                    hop = ::std::option::Option::Some(next);
                    hops += 1;
                    continue;
                }
            }
            let delay = self.retry.and_then(|retry| retry.delay(method.as_str(), attempt, status, reply.headers()));
            if let ::std::option::Option::Some(delay) = delay {
                ::std::thread::sleep(delay);
                attempt += 1;
                continue;
            }
            let body = reply
                .body_mut()
                .with_config()
                .limit(u64::MAX)
                .read_to_vec()
                .map_err(|e| SendError::Transport(e.to_string()))?;
            return decode::<__O>(status, reply.headers(), body);
        }
    }
}

/// An async client over `reqwest`: a server, credentials, and optional retries. (The
/// `async` feature speaks plain HTTP; `async-tls` adds `https`.)
#[cfg(feature = "async")]
pub struct AsyncClient {
    base: ::std::string::String,
    credentials: ::std::boxed::Box<dyn Credentials + ::std::marker::Send + ::std::marker::Sync>,
    retry: ::std::option::Option<Retry>,
    redirects: u32,
    headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    client: ::reqwest::Client,
}

#[cfg(feature = "async")]
impl AsyncClient {
    /// A client of the server at `base`, with no credentials and no retries.
    pub fn new(base: impl ::std::convert::Into<::std::string::String>) -> Self {
        AsyncClient {
            base: base.into(),
            credentials: ::std::boxed::Box::new(()),
            retry: ::std::option::Option::None,
            headers: ::std::vec::Vec::new(),
            redirects: REDIRECTS,
            // Redirects are followed here, by the rules of `next_hop`, not by reqwest's.
            client: ::reqwest::Client::builder()
                .redirect(::reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
        }
    }

    /// Sends this header with every request (a `User-Agent`, a tracing id).
    pub fn with_header(mut self, name: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<::std::string::String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sends these credentials where an operation's security requirements ask for them.
    pub fn with_credentials(mut self, credentials: impl Credentials + ::std::marker::Send + ::std::marker::Sync + 'static) -> Self {
        self.credentials = ::std::boxed::Box::new(credentials);
        self
    }

    /// Retries requests that may be sent twice when the server is busy.
    pub fn with_retry(mut self, retry: Retry) -> Self {
        self.retry = ::std::option::Option::Some(retry);
        self
    }

    /// Follows at most this many redirects ([`REDIRECTS`] unless told); `0` hands every
    /// redirect back as the operation's response.
    pub fn with_redirects(mut self, redirects: u32) -> Self {
        self.redirects = redirects;
        self
    }

    /// Sends a request and decodes its reply as the operation's response.
    pub async fn send<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<__O::Response, SendError> {
        self.exchange(operation).await.map(|exchange| exchange.response)
    }

    /// [`Self::send`], with the reply as it came beside the response.
    pub async fn exchange<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<Exchange<__O::Response>, SendError> {
        let (mut attempt, mut hops) = (0, 0);
        let mut hop: ::std::option::Option<Hop> = ::std::option::Option::None;
        let mut cookies = ::std::vec::Vec::new();
        loop {
            let request = request_for(operation, &self.base, self.credentials.as_ref(), &self.headers, hop.as_ref(), &cookies)?;
            let (method, uri) = (request.method().clone(), request.uri().clone());
            let request = ::reqwest::Request::try_from(request).map_err(|e| SendError::Transport(e.to_string()))?;
            let reply = self.client.execute(request).await.map_err(|e| SendError::Transport(e.to_string()))?;
            let status = reply.status().as_u16();
            let headers = reply.headers().clone();
            let credentials = hop.as_ref().is_none_or(|hop| hop.credentials);
            carry_cookies(&mut cookies, &headers);
            if hops < self.redirects {
                if let ::std::option::Option::Some(next) = next_hop(&method, &uri, status, &headers, credentials) {
                    if !next.credentials {
                        cookies.clear();
                    }
                    hop = ::std::option::Option::Some(next);
                    hops += 1;
                    continue;
                }
            }
            let delay = self.retry.and_then(|retry| retry.delay(method.as_str(), attempt, status, &headers));
            if let ::std::option::Option::Some(delay) = delay {
                ::tokio::time::sleep(delay).await;
                attempt += 1;
                continue;
            }
            let body = reply.bytes().await.map_err(|e| SendError::Transport(e.to_string()))?.to_vec();
            return decode::<__O>(status, &headers, body);
        }
    }
}
