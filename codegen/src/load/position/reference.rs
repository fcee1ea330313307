//! The locator as it was before its index: each pointer found by reading the text from the
//! start. Slow, and kept only so that a test can hold the indexed locator equal to it. Below
//! it, the JSON index of every node that the one-scan search for the pointers asked for
//! replaced, kept for the same reason.

pub fn find(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments = super::pointer_segments(pointer)?;
    if super::is_json(text) {
        find_json(text, &segments)
    } else {
        find_yaml(&super::content_lines(text), &segments)
    }
}

fn find_yaml(lines: &[(usize, usize, &str)], segments: &[String]) -> Option<(usize, usize)> {
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    // A sequence item found last: its first key sits on the item's own line after the `- `, and
    // its other keys line up with that one.
    let mut item: Option<(usize, usize, &str)> = None;
    let mut found = None;
    for segment in segments {
        // The block of the parent: the lines after it that are indented deeper (after an item,
        // the item's own line first, then the lines at least as deep as its first key).
        let head = item.take().map(|line| (start - 1, line));
        let floor = head.map(|(_, (_, indent, _))| indent);
        let block = head.into_iter().chain(
            lines[start..]
                .iter()
                .copied()
                .enumerate()
                .map(move |(i, l)| (start + i, l))
                .take_while(move |&(_, (_, indent, _))| match floor {
                    Some(floor) => indent >= floor,
                    None => parent_indent.is_none_or(|p| indent > p),
                }),
        );
        let Some((_, (_, child_indent, first))) = block.clone().next() else {
            break;
        };
        let in_sequence = first.starts_with('-');
        if let (true, Ok(index)) = (in_sequence, segment.parse::<usize>()) {
            let hit = block
                .filter(|(_, (_, indent, content))| {
                    *indent == child_indent && content.starts_with('-')
                })
                .nth(index);
            let Some((i, (line, indent, content))) = hit else {
                break;
            };
            let rest = content[1..].trim_start();
            let key_indent = indent + (content.len() - rest.len());
            found = Some((line, indent + 1));
            start = i + 1;
            parent_indent = Some(indent);
            item = Some((line, key_indent, rest));
            continue;
        }
        let forms = key_forms(segment);
        let hit = block
            .filter(|&(_, (_, indent, _))| indent == child_indent)
            .find(|&(_, (_, _, content))| is_key(content, &forms));
        let Some((i, (line, indent, _))) = hit else {
            break;
        };
        found = Some((line, indent + 1));
        start = i + 1;
        parent_indent = Some(indent);
    }
    found
}

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

fn find_json(text: &str, target: &[String]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut line, mut line_start) = (1, 0);
    let mut best: Option<((usize, usize), usize)> = None;
    let mut i = 0;
    let path_matches = |stack: &[Frame], extra: Option<&str>| -> usize {
        // How many leading segments of the target the current path matches.
        let mut path: Vec<String> = stack
            .iter()
            .filter_map(|f| match f {
                Frame::Object { key, .. } => key.clone(),
                Frame::Array { index } => Some(index.to_string()),
            })
            .collect();
        if let Some(extra) = extra {
            path.pop();
            path.push(extra.to_owned());
        }
        if path.len() > target.len() || path.iter().zip(target).any(|(a, b)| a != b) {
            0
        } else {
            path.len()
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let here = (line, i - line_start + 1);
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                let depth = path_matches(&stack, None);
                if depth > best.map_or(0, |(_, d)| d) {
                    best = Some((here, depth));
                }
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => {
                    *index += 1;
                    let depth = path_matches(&stack, None);
                    if depth > best.map_or(0, |(_, d)| d) {
                        best = Some(((line, i - line_start + 2), depth));
                    }
                }
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = Some(raw.replace("\\\"", "\"").replace("\\\\", "\\"));
                        *expecting_key = false;
                        let depth = path_matches(&stack, None);
                        if depth > best.map_or(0, |(_, d)| d) {
                            best = Some((here, depth));
                        }
                        if depth == target.len() {
                            return Some(here);
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    best.map(|(at, _)| at)
}

/// How a key can be written: plain, double-quoted or single-quoted.
fn key_forms(segment: &str) -> [String; 3] {
    [
        segment.to_owned(),
        format!("\"{}\"", segment.replace('\\', "\\\\").replace('"', "\\\"")),
        format!("'{}'", segment.replace('\'', "''")),
    ]
}

/// Whether a YAML line starts with a key in one of its written `forms`.
fn is_key(content: &str, forms: &[String; 3]) -> bool {
    forms.iter().any(|k| {
        content.strip_prefix(k.as_str()).is_some_and(|rest| {
            rest.starts_with(':') && (rest.len() == 1 || rest[1..].starts_with([' ', '\t']))
        })
    })
}

/// The place of `pointer` in a JSON text as the index of every node found it.
pub fn find_in_full_index(text: &str, pointer: &str) -> Option<(usize, usize)> {
    find_in(&full_index(text), pointer)
}

/// The index of every node of a JSON text, for finding many pointers in it.
pub fn full_index(text: &str) -> indexmap::IndexMap<String, (usize, usize)> {
    index_json(text)
}

/// The place of `pointer` in a JSON text's index of every node.
pub fn find_in(
    index: &indexmap::IndexMap<String, (usize, usize)>,
    pointer: &str,
) -> Option<(usize, usize)> {
    find_in_index(index, &super::pointer_segments(pointer)?)
}

/// Every node of a JSON text by its pointer (segments escaped as in a JSON pointer, joined
/// by `/`), with the place it starts: the opening quote of an object member's key, the `[`
/// of an array for its first element and the place after each `,` for the others. Built in
/// one pass, so that finding any number of pointers costs one scan of the text.
fn index_json(text: &str) -> indexmap::IndexMap<String, (usize, usize)> {
    enum Frame {
        /// An object; the length of the path of the object itself, and whether a key is next.
        Object { base: usize, expecting_key: bool },
        /// An array; the length of its path, and the index of the current element.
        Array { base: usize, index: usize },
    }
    let bytes = text.as_bytes();
    let mut index = indexmap::IndexMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let (mut line, mut line_start) = (1, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let here = (line, i - line_start + 1);
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'{' => stack.push(Frame::Object {
                base: path.len(),
                expecting_key: true,
            }),
            b'[' => {
                let base = path.len();
                path.push_str("/0");
                index.entry(path.clone()).or_insert(here);
                stack.push(Frame::Array { base, index: 0 });
            }
            b'}' | b']' => {
                if let Some(Frame::Object { base, .. } | Frame::Array { base, .. }) = stack.pop() {
                    path.truncate(base);
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { base, index: n }) => {
                    *n += 1;
                    path.truncate(*base);
                    path.push('/');
                    path.push_str(&n.to_string());
                    index
                        .entry(path.clone())
                        .or_insert((line, i - line_start + 2));
                }
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object {
                    base,
                    expecting_key,
                }) = stack.last_mut()
                {
                    if *expecting_key {
                        *expecting_key = false;
                        let raw = text.get(start..=i.min(bytes.len() - 1)).unwrap_or_default();
                        let key: String = serde_json::from_str(raw).unwrap_or_default();
                        path.truncate(*base);
                        path.push('/');
                        path.push_str(&escape_segment(&key));
                        index.entry(path.clone()).or_insert(here);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    index
}

pub fn escape_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The place of the node at `segments`, or of its deepest ancestor in the index.
fn find_in_index(
    index: &indexmap::IndexMap<String, (usize, usize)>,
    segments: &[String],
) -> Option<(usize, usize)> {
    let escaped: Vec<String> = segments.iter().map(|s| escape_segment(s)).collect();
    (1..=escaped.len()).rev().find_map(|depth| {
        let key: String = escaped[..depth].iter().map(|s| format!("/{s}")).collect();
        index.get(&key).copied()
    })
}
