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
