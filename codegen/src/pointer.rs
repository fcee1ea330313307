//! JSON pointers (RFC 6901): building them from segments, and reading a `$ref`'s text into the
//! segments of the place it names. Every stage reads references through [`parse`], so a
//! reference means the same place to the loader, the normalisation passes and lowering.

/// What the text of a `$ref` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A place in this document, by the segments of its JSON pointer, unescaped and
    /// percent-decoded (`#` alone is the whole document: no segments).
    Local(Vec<String>),
    /// Another document, or a fragment that is not a JSON pointer (3.1 anchors are turned
    /// into pointers before anything reads references).
    Other,
}

/// Reads a `$ref`. The fragment of a URI is percent-encoded, so it is decoded first, then each
/// segment's `~1` and `~0` are undone, in the order RFC 6901 gives:
/// `#/components/schemas/My%20Thing` names `My Thing`, `…/application~1json` names
/// `application/json`, and so does `…/application%2Fjson`.
pub fn parse(reference: &str) -> Reference {
    let Some(fragment) = reference.strip_prefix('#') else {
        return Reference::Other;
    };
    if fragment.is_empty() {
        return Reference::Local(Vec::new());
    }
    let Some(fragment) = fragment.strip_prefix('/') else {
        return Reference::Other;
    };
    Reference::Local(
        fragment
            .split('/')
            .map(|s| unescape_segment(&percent_decode(s)))
            .collect(),
    )
}

/// The segments of a local reference, `None` for any other.
pub fn segments(reference: &str) -> Option<Vec<String>> {
    match parse(reference) {
        Reference::Local(segments) => Some(segments),
        Reference::Other => None,
    }
}

/// The name of the entry of `#/components/{section}` that `reference` names whole
/// (`#/components/schemas/Pet` → `Pet`); `None` for a reference to anything else.
pub fn component(reference: &str, section: &str) -> Option<String> {
    let segments = segments(reference)?;
    match <[String; 3]>::try_from(segments) {
        Ok([components, s, name]) if components == "components" && s == section => Some(name),
        _ => None,
    }
}

/// The section and name of the component a reference names whole
/// (`#/components/responses/E` → `("responses", "E")`).
pub fn any_component(reference: &str) -> Option<(String, String)> {
    let segments = segments(reference)?;
    match <[String; 3]>::try_from(segments) {
        Ok([components, section, name]) if components == "components" => Some((section, name)),
        _ => None,
    }
}

/// The canonical text of the pointer of `segments` (escaped, not percent-encoded): the form
/// every place is keyed and reported by.
pub fn canonical(segments: &[String]) -> String {
    let mut out = String::from("#");
    for segment in segments {
        push_segment(&mut out, segment);
    }
    out
}

fn percent_decode(segment: &str) -> String {
    if !segment.contains('%') {
        return segment.to_owned();
    }
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    // Bytes that are not UTF-8 once decoded cannot name a key of the document: the segment is
    // then read as it is written.
    String::from_utf8(out).unwrap_or_else(|_| segment.to_owned())
}

/// Builds a JSON pointer from already-unescaped segments, escaping `~` and `/` as RFC 6901 asks.
pub fn pointer(segments: &[&str]) -> String {
    let mut out = String::from("#");
    for s in segments {
        push_segment(&mut out, s);
    }
    out
}

/// Appends one segment to an existing pointer.
pub fn pointer_join(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    push_segment(&mut out, segment);
    out
}

/// Appends one segment to a pointer being built in place (the `/` included).
pub(crate) fn push_segment(out: &mut String, segment: &str) {
    out.push('/');
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Undoes the escaping of one pointer segment (`~1` → `/`, then `~0` → `~`).
pub fn unescape_segment(segment: &str) -> String {
    if !segment.contains('~') {
        return segment.to_owned();
    }
    segment.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_slash_and_tilde() {
        assert_eq!(
            pointer(&["paths", "/api/{id}/x~y", "post"]),
            "#/paths/~1api~1{id}~1x~0y/post"
        );
        assert_eq!(pointer_join("#/a", "b/c"), "#/a/b~1c");
        assert_eq!(unescape_segment("~1api~1{id}~1x~0y"), "/api/{id}/x~y");
        // `~01` is an escaped `~` followed by `1`, not a slash.
        assert_eq!(unescape_segment("a~01"), "a~1");
    }

    #[test]
    fn references_are_read_as_uri_fragments() {
        let local = |s: &[&str]| Reference::Local(s.iter().map(|s| s.to_string()).collect());
        let table = [
            (
                "#/components/schemas/Pet",
                local(&["components", "schemas", "Pet"]),
            ),
            (
                "#/components/schemas/My%20Thing",
                local(&["components", "schemas", "My Thing"]),
            ),
            ("#/a/application~1json", local(&["a", "application/json"])),
            ("#/a/application%2Fjson", local(&["a", "application/json"])),
            ("#/a/%7E1", local(&["a", "/"])),
            ("#/a/~0%31", local(&["a", "~1"])),
            ("#/a/50%", local(&["a", "50%"])),
            ("#/a/%zz", local(&["a", "%zz"])),
            ("#/a/%FF", local(&["a", "%FF"])),
            ("#/a/%C3%A9", local(&["a", "é"])),
            ("#/", local(&[""])),
            ("#", local(&[])),
            ("#name", Reference::Other),
            ("other.yaml#/a", Reference::Other),
            ("", Reference::Other),
        ];
        for (text, expected) in table {
            assert_eq!(parse(text), expected, "{text}");
        }
    }

    #[test]
    fn components_are_named_by_section() {
        assert_eq!(
            component("#/components/schemas/My%20Thing", "schemas").as_deref(),
            Some("My Thing")
        );
        assert_eq!(
            component("#/components/schemas/A~1B", "schemas").as_deref(),
            Some("A/B")
        );
        assert_eq!(
            component("#/components/schemas/A/properties/b", "schemas"),
            None
        );
        assert_eq!(component("#/components/responses/A", "schemas"), None);
        assert_eq!(
            any_component("#/components/requestBodies/Note"),
            Some(("requestBodies".to_owned(), "Note".to_owned()))
        );
        assert_eq!(canonical(&["a".into(), "b/c~".into()]), "#/a/b~1c~0");
    }
}
