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

/// Standard base64 with padding, for basic credentials.
#[cfg(feature = "http")]
fn base64(bytes: &[u8]) -> ::std::string::String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = ::std::string::String::new();
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
                format!("Basic {}", base64(format!("{user}:{password}").as_bytes())),
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

/// Retries of a request that a busy server turned away (`429`, `503`), for the methods that
/// may be sent twice (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`, `TRACE`): after the server's
/// `Retry-After` where it gives one in seconds, else after a delay that doubles each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// How many times to send again, at most.
    pub attempts: u32,
    /// The first delay.
    pub initial: ::std::time::Duration,
    /// The longest delay, the server's included.
    pub max: ::std::time::Duration,
}

impl Retry {
    /// Up to three retries, from half a second to thirty.
    pub fn new() -> Self {
        Retry {
            attempts: 3,
            initial: ::std::time::Duration::from_millis(500),
            max: ::std::time::Duration::from_secs(30),
        }
    }

    /// The delay before retry `attempt` (from 0) of a reply with this status and these
    /// headers, or `None` where it is not retried.
    pub fn delay(&self, method: &str, attempt: u32, status: u16, headers: &dyn Headers) -> ::std::option::Option<::std::time::Duration> {
        let idempotent = matches!(method, "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS" | "TRACE");
        if !idempotent || attempt >= self.attempts || !matches!(status, 429 | 503) {
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
fn build<__O: Operation>(operation: &__O, base: &str, credentials: &dyn Credentials) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, SendError> {
    let mut request = operation.to_http(base).map_err(SendError::Encode)?;
    let chosen = credentials.for_requirements(__O::SECURITY).map_err(SendError::Encode)?;
    apply_credentials(&mut request, &chosen).map_err(SendError::Encode)?;
    ::std::result::Result::Ok(request)
}

/// A reply, decoded as the operation's response or kept whole in the error.
#[cfg(any(feature = "blocking", feature = "async"))]
fn decode<__O: Operation>(status: u16, headers: &::http::HeaderMap, body: ::std::vec::Vec<u8>) -> ::std::result::Result<__O::Response, SendError> {
    <__O::Response as Decode>::decode(status, headers, &body).map_err(|error| SendError::Decode {
        error,
        status,
        headers: header_pairs(headers),
        body,
    })
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
    agent: ::ureq::Agent,
}

#[cfg(feature = "blocking")]
impl Client {
    /// A client of the server at `base` (a URL such as `SERVERS[0].url()`), with no
    /// credentials and no retries.
    pub fn new(base: impl ::std::convert::Into<::std::string::String>) -> Self {
        let agent = ::ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Client {
            base: base.into(),
            credentials: ::std::boxed::Box::new(()),
            retry: ::std::option::Option::None,
            agent,
        }
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

    /// Sends a request and decodes its reply as the operation's response.
    pub fn send<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<__O::Response, SendError> {
        let mut attempt = 0;
        loop {
            let request = build(operation, &self.base, self.credentials.as_ref())?;
            let mut reply = self.agent.run(request).map_err(|e| SendError::Transport(e.to_string()))?;
            let status = reply.status().as_u16();
            let delay = self.retry.and_then(|retry| retry.delay(__O::METHOD, attempt, status, reply.headers()));
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
            client: ::reqwest::Client::new(),
        }
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

    /// Sends a request and decodes its reply as the operation's response.
    pub async fn send<__O: Operation>(&self, operation: &__O) -> ::std::result::Result<__O::Response, SendError> {
        let mut attempt = 0;
        loop {
            let request = build(operation, &self.base, self.credentials.as_ref())?;
            let request = ::reqwest::Request::try_from(request).map_err(|e| SendError::Transport(e.to_string()))?;
            let reply = self.client.execute(request).await.map_err(|e| SendError::Transport(e.to_string()))?;
            let status = reply.status().as_u16();
            let headers = reply.headers().clone();
            let delay = self.retry.and_then(|retry| retry.delay(__O::METHOD, attempt, status, &headers));
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
