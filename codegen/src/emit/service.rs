//! Where and how to call the API, as data of the crate: `servers.rs` (the spec's servers, with
//! their variables) and `security.rs` (the credentials of each security scheme, which a request
//! takes as its operation's requirements ask).

use super::{doc_attrs, ident, RustFile};
use crate::ir::{ApiKeyLocation, SchemeKind, TypeSpace};
use quote::quote;

/// `src/servers.rs`: `SERVERS`, in the spec's order.
pub fn servers(space: &TypeSpace) -> RustFile {
    let servers = space.servers.iter().map(|server| {
        let url = &server.url;
        let description = server.description.as_deref().unwrap_or_default();
        let variables = server.variables.iter().map(|v| {
            let name = &v.name;
            let default = &v.default;
            let values = &v.values;
            quote!(ServerVariable { name: #name, default: #default, values: &[#(#values),*] })
        });
        quote! {
            Server {
                url: #url,
                description: #description,
                variables: &[#(#variables),*],
            }
        }
    });
    let variables = space.servers.iter().any(|s| !s.variables.is_empty());
    let import = if variables {
        quote!(
            use super::support::{Server, ServerVariable};
        )
    } else {
        quote!(
            use super::support::Server;
        )
    };
    RustFile::new(
        "src/servers.rs".to_owned(),
        quote! {
            //! The servers of the API, as the spec lists them.

            #import

            /// The servers of the API, in the spec's order: `SERVERS[0].url()` is the first,
            /// with its variables at their defaults.
            pub const SERVERS: &[Server] = &[#(#servers),*];
        },
    )
}

/// `src/security.rs`: `Security`, a credential per security scheme.
pub fn security(space: &TypeSpace) -> RustFile {
    let fields = space.schemes().map(|(scheme, field)| {
        let field = ident(field);
        let what = match &scheme.kind {
            SchemeKind::Bearer => "the bearer token",
            SchemeKind::Basic => "the user name and the password",
            SchemeKind::ApiKey { .. } => "the API key",
            SchemeKind::Authorization => "the whole `Authorization` header value",
        };
        let mut doc = format!("`{}`: {what}.", scheme.key);
        if let Some(more) = scheme
            .docs
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            doc.push_str("\n\n");
            doc.push_str(more);
        }
        let docs = doc_attrs(Some(&doc));
        let ty = match scheme.kind {
            SchemeKind::Basic => quote!(Option<(String, String)>),
            _ => quote!(Option<String>),
        };
        quote! {
            #docs
            pub #field: #ty,
        }
    });
    let arms = space.schemes().map(|(scheme, field)| {
        let key = &scheme.key;
        let field = ident(field);
        let credential = match &scheme.kind {
            SchemeKind::Bearer => quote!(support::Credential::Bearer),
            SchemeKind::Authorization => quote!(support::Credential::Authorization),
            SchemeKind::Basic => {
                quote!(|(user, password)| support::Credential::Basic { user, password })
            }
            SchemeKind::ApiKey { location, name } => match location {
                ApiKeyLocation::Header => {
                    quote!(|value| support::Credential::Header { name: #name, value })
                }
                ApiKeyLocation::Query => {
                    quote!(|value| support::Credential::Query { name: #name, value })
                }
                ApiKeyLocation::Cookie => {
                    quote!(|value| support::Credential::Cookie { name: #name, value })
                }
            },
        };
        quote!(#key => self.#field.clone().map(#credential),)
    });
    RustFile::new(
        "src/security.rs".to_owned(),
        quote! {
            //! Credentials for the security schemes of the API.

            use super::support;

            /// The credentials a client holds, one for each security scheme of the spec: a
            /// request carries those that its operation's security requirements ask for (the
            /// first alternative that they meet).
            #[derive(Debug, Clone, Default, PartialEq, Eq)]
            pub struct Security {
                #(#fields)*
            }

            impl support::Credentials for Security {
                fn credential(&self, scheme: &str) -> Option<support::Credential> {
                    match scheme {
                        #(#arms)*
                        _ => None,
                    }
                }
            }
        },
    )
}
