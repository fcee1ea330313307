//! Load: spec text → `openapiv3::OpenAPI`.
//!
//! The text goes through a generic JSON value first, for two reasons: real specs break the letter
//! of OpenAPI in small, unambiguous ways that are repaired here (with a warning naming the place)
//! before the strict `openapiv3` types see them; and a failed conversion can then report the JSON
//! pointer of the offending node. `serde_yaml` is used only in this module, so the YAML parser can
//! be swapped without touching any other stage.

use crate::error::{Diagnostic, Errors, Kind};
use crate::pointer::pointer;
use openapiv3::OpenAPI;
use serde_json::Value;

mod kinds;
mod lenient;
mod locate;
pub mod normalize;
pub mod position;
mod repair;
pub mod select;
mod shallow;
mod text;
mod typed;
pub use typed::check_fast_conversion;
mod walk;

/// A parsed spec, with the warnings its repairs produced.
#[derive(Debug)]
pub struct Loaded {
    pub spec: OpenAPI,
    pub warnings: Vec<Diagnostic>,
    /// Every distinct local `$ref` that points deeper than a whole component
    /// (`#/components/schemas/A/properties/b`), in document order: lowering gives each place
    /// that such a reference names a type of its own before it lowers anything.
    pub deep_references: Vec<String>,
    /// Where places that normalisation moved came from: diagnostics of later stages are
    /// mapped back through it to the user's own pointers.
    pub provenance: normalize::Provenance,
}

/// Reads the spec file at `path`; `label` is how diagnostics name the file.
pub fn read(path: &std::path::Path, label: &str) -> Result<Vec<u8>, Errors> {
    std::fs::read(path).map_err(|e| {
        Errors::one(
            Diagnostic::error(Kind::Io, label, format!("cannot read the spec: {e}"))
                .hint("check the path given with --spec"),
        )
    })
}

/// Parses spec bytes (YAML or JSON, told apart by content rather than by file extension, since
/// real specs are often YAML in a `.json` file).
pub fn load_bytes(bytes: &[u8], label: &str) -> Result<Loaded, Errors> {
    let parsed = parse(bytes, label)?;
    convert(parsed, label, || parse(bytes, label))
}

/// A document read into a generic value, with a warning for each value the value could not
/// hold as written (the loader's `lenient` reader).
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub warnings: Vec<Diagnostic>,
}

/// The first half of loading: bytes → a generic JSON value.
pub fn parse(bytes: &[u8], label: &str) -> Result<Parsed, Errors> {
    parse_text(decode(bytes, label)?, label)
}

/// The second half of loading: a generic JSON value → the typed document, after the version
/// check and the repairs. `reparse` gives the value again, to explain a failure.
pub fn convert(
    parsed: Parsed,
    label: &str,
    reparse: impl FnOnce() -> Result<Parsed, Errors>,
) -> Result<Loaded, Errors> {
    let mut warnings = Vec::new();
    let (value, mut provenance) = normalize_version(parsed.value, label, &mut warnings)?;
    let mut value = repair::repair(value, label, &mut warnings);
    provenance.map_back(&mut warnings);
    // Places of the text as written: nothing to map back.
    warnings.splice(0..0, parsed.warnings);
    if let Some(root) = value.as_object_mut() {
        kinds::read_compatible_kinds(root, label, &mut warnings, &mut provenance);
    }
    let deep_references = deep_references(&mut value);
    // Converting by value moves the document's strings into the typed spec instead of copying
    // them.
    if let Some(spec) = typed::to_openapi(value) {
        return Ok(Loaded {
            spec,
            warnings,
            deep_references,
            provenance,
        });
    }
    // The fast conversion declined: a part did not convert, or a schema it took out could not
    // be put back. The value is gone, so the text is read again and converting the document
    // whole decides, explaining a failure: a cost paid only by specs that do not load (or one
    // the fast conversion cannot vouch for).
    let (value, again_provenance) = prepared_again(reparse()?.value, label)?;
    if let Ok(spec) = <OpenAPI as serde::Deserialize>::deserialize(&value) {
        return Ok(Loaded {
            spec,
            warnings,
            deep_references,
            provenance,
        });
    }
    let mut errors = explain_failure(&value, label);
    again_provenance.map_back(&mut errors.0);
    Err(errors)
}

/// `value` normalised, repaired and with its compatible kinds read, as [`convert`] prepares it,
/// its warnings left out: they were given the first time.
pub(super) fn prepared_again(
    value: Value,
    label: &str,
) -> Result<(Value, normalize::Provenance), Errors> {
    let (value, mut provenance) = normalize_version(value, label, &mut Vec::new())?;
    let mut value = repair::repair(value, label, &mut Vec::new());
    if let Some(root) = value.as_object_mut() {
        kinds::read_compatible_kinds(root, label, &mut Vec::new(), &mut provenance);
    }
    Ok((value, provenance))
}

/// The normalisation stage alone, for the benchmark: the document in the 3.0 form and the
/// number of warnings it gave.
pub fn normalize_document(value: Value, label: &str) -> Result<(Value, usize), Errors> {
    let mut warnings = Vec::new();
    let (value, _) = normalize_version(value, label, &mut warnings)?;
    Ok((value, warnings.len()))
}

/// The document in the 3.0 form, by the normalisation pass of its version.
fn normalize_version(
    mut value: Value,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Value, normalize::Provenance), Errors> {
    let provenance = match check_version(&value, label)? {
        Version::V30 => normalize::Provenance::default(),
        Version::V31 => normalize::from_31(&mut value, label, warnings)?,
        Version::V20 => normalize::from_20(&mut value, label, warnings)?,
    };
    if let Some(root) = value.as_object_mut() {
        normalize::constant_tags::tags_from_constants(root);
    }
    Ok((value, provenance))
}

/// The local `$ref`s of a document that point deeper than `#/components/<section>/<name>`,
/// and the discriminator mappings that do, each once, in document order.
fn deep_references(value: &mut Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = indexmap::IndexSet::new();
    let mut add = |reference: &str| {
        let deep = crate::pointer::segments(reference).is_some_and(|segments| {
            let whole_component = segments.len() == 3 && segments[0] == "components";
            !segments.is_empty() && !whole_component
        });
        if deep && seen.insert(reference.to_owned()) {
            out.push(reference.to_owned());
        }
    };
    // (The walks take the document mutably to serve the rewriting passes; these only read.)
    walk::references(value, &mut |reference| add(reference));
    if let Some(root) = value.as_object_mut() {
        walk::schemas(root, &mut |schema, _| {
            let mapping = schema
                .get("discriminator")
                .and_then(|d| d.get("mapping"))
                .and_then(Value::as_object);
            for target in mapping.into_iter().flat_map(|m| m.values()) {
                if let Some(target) = target.as_str() {
                    add(target);
                }
            }
        });
    }
    out
}

/// The error of a conversion that failed, at the deepest place the locator can find.
fn explain_failure(value: &Value, label: &str) -> Errors {
    let (path, message) = match serde_path_to_error::deserialize::<_, OpenAPI>(value) {
        Ok(_) => (
            Vec::new(),
            "the document did not convert the first time".to_owned(),
        ),
        Err(e) => {
            let path = path_segments(e.path());
            locate::deepest_failure(value, &path).unwrap_or_else(|| (path, e.inner().to_string()))
        }
    };
    let refs: Vec<&str> = path.iter().map(String::as_str).collect();
    Errors::one(
        Diagnostic::error(
            Kind::Schema,
            label,
            format!("not a valid OpenAPI document: {message}"),
        )
        .at(&pointer(&refs))
        .hint("fix the value at this place so it matches the OpenAPI specification of its version"),
    )
}

fn decode<'a>(bytes: &'a [u8], label: &str) -> Result<&'a str, Errors> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, col) = line_col(&bytes[..offset]);
        Errors::one(
            Diagnostic::error(Kind::Syntax, label, "the spec is not valid UTF-8")
                .at_line_col(line, col)
                .hint("save the file as UTF-8"),
        )
    })
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, prefix.len() - line_start + 1)
}

fn parse_text(text: &str, label: &str) -> Result<Parsed, Errors> {
    if text.trim().is_empty() {
        return Err(Errors::one(
            Diagnostic::error(Kind::Syntax, label, "the spec file is empty")
                .hint("point --spec at an OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 document"),
        ));
    }
    if let Some((line, col)) = text::too_deep(text) {
        return Err(Errors::one(
            Diagnostic::error(
                Kind::Syntax,
                label,
                format!("brackets nest deeper than {} levels", text::MAX_NESTING),
            )
            .at_line_col(line, col)
            .hint("no real spec nests this deep; check the file is what you meant to pass"),
        ));
    }
    let read = if text.trim_start().starts_with('{') {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        lenient::read(&mut deserializer)
            .and_then(|read| deserializer.end().map(|()| read))
            .map_err(|e| {
                Errors::one(
                    Diagnostic::error(Kind::Syntax, label, format!("invalid JSON: {e}"))
                        .at_line_col(e.line(), e.column()),
                )
            })
    } else {
        // One parse of the whole text: a YAML document cannot be cut into pieces by its lines
        // without a scanner of its own (block scalars, comments, anchors), and a cut that
        // misreads one line changes the data without a word.
        lenient::read(serde_yaml::Deserializer::from_str(text)).map_err(|e| {
            let mut d = Diagnostic::error(Kind::Syntax, label, format!("invalid YAML: {e}"));
            if let Some(loc) = e.location() {
                d = d.at_line_col(loc.line(), loc.column());
            } else if let Some(line) = text::second_document(text) {
                // `serde_yaml` says where nothing else is, but not where a second document
                // starts.
                d = d.at_line_col(line, 1).hint(
                    "a spec is one YAML document: remove what starts here, or put it in a file of its own",
                );
            }
            Errors::one(d)
        })
    }?;
    let (value, changes) = read;
    let warnings = changes
        .into_iter()
        .map(|change| Diagnostic::warning(Kind::Syntax, label, change.message).at(&change.pointer))
        .collect();
    Ok(Parsed { value, warnings })
}

/// The versions read, each by its own normalisation pass.
enum Version {
    /// Swagger 2.0.
    V20,
    V30,
    /// 3.1, and 3.2, which reads the same for models.
    V31,
}

/// The version of a document, or an error that says what it is when it is none this generator
/// reads.
fn check_version(value: &Value, label: &str) -> Result<Version, Errors> {
    let unsupported = |message: String| {
        Errors::one(
            Diagnostic::error(Kind::Unsupported, label, message)
                .at("#/openapi")
                .hint("this generator reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 documents"),
        )
    };
    let Some(root) = value.as_object() else {
        return Err(Errors::one(
            Diagnostic::error(
                Kind::Schema,
                label,
                "the document is not an object, so it is not an OpenAPI document",
            )
            .at("#"),
        ));
    };
    match root.get("openapi") {
        Some(Value::String(v)) if v.starts_with("3.0") => Ok(Version::V30),
        Some(Value::String(v)) if v.starts_with("3.1") || v.starts_with("3.2") => Ok(Version::V31),
        Some(Value::String(v)) => Err(unsupported(format!("unsupported OpenAPI version {v:?}"))),
        Some(other) => Err(unsupported(format!(
            "the `openapi` field must be a version string such as \"3.0.3\", found {other}"
        ))),
        None => match root.get("swagger") {
            Some(Value::String(v)) if v == "2.0" => Ok(Version::V20),
            Some(other) => {
                let mut errors = unsupported(format!(
                    "unsupported Swagger version {other}; Swagger documents are read in version \"2.0\""
                ));
                errors.0[0].pointer = Some("#/swagger".to_owned());
                Err(errors)
            }
            None => Err(Errors::one(
                Diagnostic::error(
                    Kind::Schema,
                    label,
                    "no `openapi` field: this does not look like an OpenAPI document",
                )
                .at("#")
                .hint("an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x, 3.2.x), a Swagger one with `swagger: \"2.0\"`"),
            )),
        },
    }
}

fn path_segments(path: &serde_path_to_error::Path) -> Vec<String> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

    #[test]
    fn yaml_and_json_and_bom_all_load() {
        assert!(load_bytes(MINIMAL.as_bytes(), "a.yaml").is_ok());
        let json = r#"{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{}}"#;
        assert!(load_bytes(json.as_bytes(), "a.json").is_ok());
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
        assert!(load_bytes(&with_bom, "a.yaml").is_ok());
    }

    #[test]
    fn yaml_syntax_error_has_line_and_column() {
        let err = load_bytes(b"openapi: 3.0.3\ninfo: {title: \"t\n", "bad.yaml").unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.kind, Kind::Syntax);
        assert!(d.line_col.is_some(), "{d}");
    }

    #[test]
    fn other_versions_are_named() {
        let err = load_bytes(b"swagger: '1.2'\n", "s.yaml").unwrap_err();
        assert!(err.to_string().contains("Swagger version \"1.2\""), "{err}");
        let swagger2 = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n";
        assert!(load_bytes(swagger2.as_bytes(), "s.yaml").is_ok());
        let err = load_bytes(b"openapi: 4.0.0\n", "s.yaml").unwrap_err();
        assert!(err.to_string().contains("\"4.0.0\""), "{err}");
        let err = load_bytes(b"name: not a spec\n", "s.yaml").unwrap_err();
        assert!(err.to_string().contains("no `openapi` field"), "{err}");
    }

    #[test]
    fn schema_error_names_the_pointer() {
        let text = format!(
            "{MINIMAL}components:\n  schemas:\n    A:\n      type: object\n      required: 7\n"
        );
        let err = load_bytes(text.as_bytes(), "s.yaml").unwrap_err();
        let d = &err.0[0];
        assert_eq!(
            d.pointer.as_deref(),
            Some("#/components/schemas/A/required"),
            "{d}"
        );
        assert!(d.message.contains("expected a sequence"), "{d}");
    }

    /// Block scalars whose lines start with `#` are text, not comments, at every position and
    /// under every chomping and indentation indicator, last in their entry, in a spec large
    /// enough that an earlier version cut it into pieces (and lost such lines at the end of one).
    #[test]
    fn block_scalar_lines_that_start_with_a_hash_are_kept() {
        let headers = ["|", "|-", "|+", ">", ">-", ">+", "|2", ">2-", "|+2"];
        let bodies = [
            "# heading",
            "text\n  # heading",
            "# first\n  middle\n  # last",
            "#method()\n\n  # after a blank line",
        ];
        let mut text = String::from(MINIMAL.trim_end_matches("paths: {}\n"));
        text.push_str("paths:\n");
        let mut expected = Vec::new();
        let mut i = 0;
        while text.len() < 200 * 1024 {
            let header = headers[i % headers.len()];
            let body = bodies[i / headers.len() % bodies.len()];
            text.push_str(&format!(
                "  # a comment\n  /p{i}:\n    get:\n      responses:\n        '200': {{description: ok}}\n    description: {header}\n      {}\n\n",
                body.replace("\n  ", "\n      ")
            ));
            expected.push((format!("/p{i}"), header, body));
            i += 1;
        }
        let whole: Value = serde_yaml::from_str(&text).unwrap();
        let parsed = parse(text.as_bytes(), "big.yaml").unwrap().value;
        assert_eq!(parsed, whole);
        for (path, header, body) in expected {
            let description = parsed["paths"][&path]["description"].as_str().unwrap();
            let last = body.rsplit("\n  ").next().unwrap();
            assert!(
                description.contains(last.trim()),
                "{path} ({header}): {description:?} lost {last:?}"
            );
        }
    }

    #[test]
    fn missing_response_description_is_repaired_with_a_warning() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {}\n";
        let loaded = load_bytes(text.as_bytes(), "s.yaml").unwrap();
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!(
            loaded.warnings[0].pointer.as_deref(),
            Some("#/paths/~1a/get/responses/200")
        );
    }
}
