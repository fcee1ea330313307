//! The servers and the security schemes of a spec, as data the crate carries: where to send
//! requests, and how each scheme puts credentials on them.

use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{ApiKeyLocation, SchemeKind, SecurityScheme, Server, ServerVariable};
use crate::pointer::{pointer, pointer_join};
use openapiv3::{APIKeyLocation, ReferenceOr};

impl Lowerer<'_> {
    pub(super) fn lower_servers_and_security(&mut self) {
        let spec = self.spec;
        for server in &spec.servers {
            let variables = server.variables.iter().flatten();
            self.space.servers.push(Server {
                url: server.url.clone(),
                description: server.description.clone(),
                variables: variables
                    .map(|(name, variable)| ServerVariable {
                        name: name.clone(),
                        default: variable.default.clone(),
                        values: variable.enumeration.clone(),
                        description: variable.description.clone(),
                    })
                    .collect(),
            });
        }
        self.space.security = spec
            .security
            .iter()
            .flatten()
            .map(|alternative| alternative.keys().cloned().collect())
            .collect();
        let Some(components) = &spec.components else {
            return;
        };
        for (key, scheme) in &components.security_schemes {
            let at = pointer(&["components", "securitySchemes", key]);
            let scheme = match scheme {
                ReferenceOr::Item(scheme) => scheme,
                ReferenceOr::Reference { .. } => {
                    match self.resolve(scheme, &at, "securitySchemes", |c| &c.security_schemes) {
                        Some((scheme, _)) => scheme,
                        None => continue,
                    }
                }
            };
            use openapiv3::SecurityScheme as S;
            let (kind, docs) = match scheme {
                S::APIKey {
                    location,
                    name,
                    description,
                    ..
                } => {
                    let location = match location {
                        APIKeyLocation::Header => ApiKeyLocation::Header,
                        APIKeyLocation::Query => ApiKeyLocation::Query,
                        APIKeyLocation::Cookie => ApiKeyLocation::Cookie,
                    };
                    let name = name.clone();
                    (SchemeKind::ApiKey { location, name }, description)
                }
                S::HTTP {
                    scheme,
                    description,
                    ..
                } => {
                    let kind = match scheme.to_ascii_lowercase().as_str() {
                        "bearer" => SchemeKind::Bearer,
                        "basic" => SchemeKind::Basic,
                        other => {
                            self.diagnostics.push(
                                Diagnostic::warning(
                                    Kind::Unsupported,
                                    self.label,
                                    format!("the HTTP scheme `{other}` is not one a client can compute; the caller gives the whole `Authorization` value"),
                                )
                                .at(&pointer_join(&at, "scheme")),
                            );
                            SchemeKind::Authorization
                        }
                    };
                    (kind, description)
                }
                S::OAuth2 { description, .. } | S::OpenIDConnect { description, .. } => {
                    (SchemeKind::Bearer, description)
                }
            };
            self.space.security_schemes.push(SecurityScheme {
                key: key.clone(),
                kind,
                docs: docs.clone(),
            });
        }
        if !self.space.security_schemes.is_empty() && !self.space.has_security() {
            self.diagnostics.push(Diagnostic::warning(
                Kind::Unsupported,
                self.label,
                "there is no operation whose requests the security schemes would go on, so the crate has no `Security` type".to_owned(),
            )
            .at(&pointer(&["components", "securitySchemes"])));
        }
    }
}
