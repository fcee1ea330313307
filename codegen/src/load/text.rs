//! Reading the spec's text before and beside the parsers: a bound on nesting checked in one
//! pass, and the place of a second document, which the YAML parser reports without one.

/// How deep `{`/`[` brackets may nest. The parsers stop at 128 levels anyway; counting first
/// turns a pathological input into an error in one pass instead of a long parse that fails.
pub(super) const MAX_NESTING: usize = 128;

/// The line and column where bracket nesting first exceeds [`MAX_NESTING`], skipping quoted
/// strings and comments. Block-style YAML nests by indentation and is bounded by the parser.
pub(super) fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let (mut line, mut line_start) = (1, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
            comment = false;
        } else if comment {
        } else if let Some(q) = quote {
            if b == b'\\' && q == b'"' {
                i += 1;
            } else if b == q {
                quote = None;
            }
        } else {
            match b {
                b'"' | b'\'' => quote = Some(b),
                b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => comment = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some((line, i - line_start + 1));
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// The line (1-based) where a second YAML document starts: a `---` line after content, or
/// the first content after a `...` line. Only places an error, so a rare miss (a `---` inside
/// a block scalar) makes the message less precise and changes nothing else.
pub(super) fn second_document(text: &str) -> Option<usize> {
    let mut seen_content = false;
    let mut ended = false;
    for (i, line) in text.lines().enumerate() {
        let marker = |m: &str| {
            line.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        let content = !line.trim().is_empty() && !line.starts_with(['#', '%']);
        if marker("---") {
            if seen_content || ended {
                return Some(i + 1);
            }
            let rest = line[3..].trim();
            seen_content = !rest.is_empty() && !rest.starts_with('#');
        } else if marker("...") {
            ended = seen_content;
        } else if content && !line.trim_start().starts_with('#') {
            if ended {
                return Some(i + 1);
            }
            seen_content = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::second_document;

    #[test]
    fn a_second_document_is_found_where_it_starts() {
        let cases: [(&str, Option<usize>); 9] = [
            ("a: 1\n---\nb: 2\n", Some(2)),
            ("---\na: 1\n--- \nb: 2\n", Some(3)),
            ("--- # first\na: 1\n---\n", Some(3)),
            ("--- {a: 1}\n---\n", Some(2)),
            ("%YAML 1.2\n---\na: 1\n...\n# note\nb: 2\n", Some(6)),
            ("a: 1\n...\n", None),
            ("a: 1\nb: ---\n----\n", None),
            ("# only\n---\na: 1\n", None),
            ("a: |\n  x\n---x\n", None),
        ];
        for (text, expected) in cases {
            assert_eq!(second_document(text), expected, "{text:?}");
        }
    }
}
