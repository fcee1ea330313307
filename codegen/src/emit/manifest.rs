//! The generated crate's `Cargo.toml`. It is TOML, not Rust, so it is written as text here
//! rather than as tokens.

use crate::ir::{Strict, TextFormat, TypeSpace};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The manifest of the generated crate. A standalone crate gets an empty `[workspace]` table so
/// it builds wherever it is written, even inside another workspace's directory.
pub fn cargo_toml(space: &TypeSpace, crate_name: &str, standalone: bool) -> String {
    let mut out = String::new();
    let version = if is_semver(&space.version) {
        space.version.as_str()
    } else {
        "0.1.0"
    };
    let description = format!("Typed models of {}", space.title.trim());
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "[package]\nname = {}\nversion = {}\nedition = \"2021\"\ndescription = {}\npublish = false\n\n\
         [lib]\n# Doc comments carry the spec's prose, which is not Rust.\ndoctest = false\n\n\
         [dependencies]\nindexmap = {{ version = \"2.2\", features = [\"serde\"] }}\nserde = {{ version = \"1.0.190\", features = [\"derive\"] }}\n# `preserve_order`: a free-form JSON value keeps its keys in the order they came, and a\n# form or multipart body lists its properties in spec order. `float_roundtrip`: a number\n# reads as the nearest `f64`, so it is written back as it came.\nserde_json = {{ version = \"1.0.100\", features = [\"preserve_order\", \"float_roundtrip\"] }}\n",
        toml_string(crate_name),
        toml_string(version),
        toml_string(&description),
    );
    let needs = super::support::needs(space);
    let crates = format_crates(&needs.text);
    // One line per crate: a crate that a replacement, a strict type and the typed access all
    // use is one dependency, required, with the features of each.
    let (replaced, strict) = required_crates(space, &needs.strict, &crates);
    if !replaced.is_empty() {
        out.push_str(
            "# The crates of the types that replace generated ones (`x-rust-type`, `replace`).\n",
        );
        for dependency in &replaced {
            let _ = writeln!(
                out,
                "{} = {}",
                toml_string(&dependency.name),
                dependency.spec()
            );
        }
    }
    if !strict.is_empty() {
        out.push_str("# The crates of the strict types the configuration gives string formats.\n");
        for dependency in &strict {
            let _ = writeln!(out, "{} = {}", dependency.name, dependency.spec());
        }
    }
    if needs.operation {
        out.push_str(CLIENT_DEPENDENCIES);
    }
    let required = |name: &str| replaced.iter().chain(&strict).any(|d| d.name == name);
    let optional: Vec<&Dependency> = crates.iter().filter(|c| !required(&c.name)).collect();
    if !optional.is_empty() {
        out.push_str("# Optional, for typed access to the text of string formats: the models never need them.\n");
        for dependency in optional {
            let _ = writeln!(out, "{} = {}", dependency.name, dependency.spec());
        }
    }
    if needs.operation || !crates.is_empty() {
        out.push_str("\n[features]\n");
    }
    if needs.operation {
        out.push_str(CLIENT_FEATURES);
    }
    if !crates.is_empty() {
        out.push_str(FORMAT_FEATURES);
        for dependency in &crates {
            let name = &dependency.name;
            if required(name) {
                // The crate is always there; the feature only adds the access.
                let _ = writeln!(out, "{name} = []");
            } else {
                let _ = writeln!(out, "{name} = [\"dep:{name}\"]");
            }
        }
    }
    let tags = &space.tag_gates.features;
    if !tags.is_empty() {
        out.push_str(TAG_FEATURES);
        let _ = writeln!(out, "{} = []", super::features::ALL_TAGS);
        for tag in tags {
            let _ = writeln!(out, "{tag} = []");
        }
    }
    if standalone {
        out.push_str("\n[workspace]\n");
    }
    out
}

/// The optional dependencies of a crate with operations: without a feature the crate has no
/// HTTP dependency at all.
const CLIENT_DEPENDENCIES: &str = "\
# Optional, for sending the requests: none of these is needed for the models.
http = { version = \"1\", optional = true }
ureq = { version = \"3\", optional = true }
reqwest = { version = \"0.13\", optional = true, default-features = false }
tokio = { version = \"1\", optional = true, features = [\"time\"] }
";

/// A dependency line of the manifest.
#[derive(Debug, Clone, PartialEq)]
struct Dependency {
    name: String,
    version: String,
    optional: bool,
    default_features: bool,
    features: Vec<&'static str>,
}

impl Dependency {
    fn optional(name: &str, version: &str) -> Dependency {
        Dependency {
            name: name.to_owned(),
            version: version.to_owned(),
            optional: true,
            default_features: true,
            features: Vec::new(),
        }
    }

    fn add_features(&mut self, features: &[&'static str]) {
        for feature in features {
            if !self.features.contains(feature) {
                self.features.push(feature);
            }
        }
    }

    /// `"1.2"` for a plain requirement; else `{ version = "…", optional = true,
    /// default-features = false, features = […] }`, the keys that differ from Cargo's
    /// defaults only.
    fn spec(&self) -> String {
        if !self.optional && self.default_features && self.features.is_empty() {
            return toml_string(&self.version);
        }
        let mut spec = format!("{{ version = {}", toml_string(&self.version));
        if self.optional {
            spec.push_str(", optional = true");
        }
        if !self.default_features {
            spec.push_str(", default-features = false");
        }
        if !self.features.is_empty() {
            let features: Vec<String> = self.features.iter().map(|f| toml_string(f)).collect();
            let _ = write!(spec, ", features = [{}]", features.join(", "));
        }
        spec.push_str(" }");
        spec
    }
}

/// The crates that the typed access of the types of `formats` converts to, each behind a
/// feature of its name, with its dependency line.
fn format_crates(formats: &BTreeSet<TextFormat>) -> Vec<Dependency> {
    let uses = |wanted: &[TextFormat]| wanted.iter().any(|f| formats.contains(f));
    let dates = [TextFormat::DateTime, TextFormat::Date];
    let mut crates = Vec::new();
    if uses(&dates) {
        crates.push(Dependency {
            default_features: false,
            features: vec!["alloc"],
            ..Dependency::optional("chrono", "0.4.31")
        });
        crates.push(Dependency {
            features: vec!["parsing"],
            ..Dependency::optional("time", "0.3.30")
        });
    }
    if uses(&[TextFormat::DateTime, TextFormat::Date, TextFormat::Duration]) {
        crates.push(Dependency::optional("jiff", "0.2"));
    }
    if uses(&[TextFormat::Uuid]) {
        crates.push(Dependency::optional("uuid", "1"));
    }
    if uses(&[TextFormat::Decimal]) {
        crates.push(Dependency::optional("rust_decimal", "1.30"));
    }
    crates
}

/// The crates the models always need: those of replacing types (at the version the user
/// named), then those of the strict types in `strict` not among them (each with its serde
/// feature). Where the typed access (`access`) or a strict type uses a crate already listed,
/// its features join that line, so a crate is one dependency whatever needs it.
fn required_crates(
    space: &TypeSpace,
    strict: &BTreeSet<Strict>,
    access: &[Dependency],
) -> (Vec<Dependency>, Vec<Dependency>) {
    let mut replaced: Vec<Dependency> = space
        .dependencies
        .iter()
        .map(|(name, version)| Dependency {
            optional: false,
            ..Dependency::optional(name, version)
        })
        .collect();
    let mut strict_lines: Vec<Dependency> = Vec::new();
    for (name, version, features) in strict.iter().filter_map(|s| s.krate.dependency()) {
        match replaced
            .iter_mut()
            .chain(strict_lines.iter_mut())
            .find(|d| d.name == name)
        {
            Some(listed) => listed.add_features(features),
            None => strict_lines.push(Dependency {
                optional: false,
                features: features.to_vec(),
                ..Dependency::optional(name, version)
            }),
        }
    }
    for dependency in access {
        if let Some(listed) = replaced
            .iter_mut()
            .chain(strict_lines.iter_mut())
            .find(|d| d.name == dependency.name)
        {
            listed.add_features(&dependency.features);
        }
    }
    (replaced, strict_lines)
}

const FORMAT_FEATURES: &str = "\
# Typed access to the text of the format types (`DateTime::to_chrono`, `Uuid::to_uuid`, ...):
# the text is kept either way, so turning one on changes no model.
";

const TAG_FEATURES: &str = "\
# One feature per tag, for a shorter build: `default` turns on `all-tags`, the types of every
# operation; with `default-features = false`, each tag's feature turns on the types its
# operations reach (those of operations without tags are always there).
default = [\"all-tags\"]
";

const CLIENT_FEATURES: &str = "\
# `Operation::to_http` and `Decode::from_http`: requests and replies as the `http` crate's
# types, which hyper, reqwest, ureq, tower and axum all speak.
http = [\"dep:http\"]
# `Client`: a blocking client over ureq (HTTPS included).
blocking = [\"http\", \"dep:ureq\"]
# `AsyncClient`: an async client over reqwest, plain HTTP; `async-tls` adds HTTPS.
async = [\"http\", \"dep:reqwest\", \"dep:tokio\"]
async-tls = [\"async\", \"reqwest/default-tls\"]
";

/// `MAJOR.MINOR.PATCH` with plain numbers, which is what Cargo accepts without question.
fn is_semver(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

/// A TOML basic string with every character that needs it escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_check() {
        assert!(is_semver("3.0.0"));
        assert!(is_semver("10.20.30"));
        for bad in ["v1", "1.0", "1.0.0-beta", "01.0.0", "", "1..0"] {
            assert!(!is_semver(bad), "{bad}");
        }
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(
            toml_string("a \"b\" \\ c\n"),
            "\"a \\\"b\\\" \\\\ c\\u000A\""
        );
    }
}
