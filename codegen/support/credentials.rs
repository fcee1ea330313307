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
