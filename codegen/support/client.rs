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
