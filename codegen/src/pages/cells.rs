//! The text of table cells: a field's Rust type, spelled in the shapes of the seed's pages, and
//! a description.

use crate::ir::{TypeId, TypeRef};

/// A field's type as the page shows it: its Rust type (`Option` around an optional one).
///
/// The shapes follow the seed's pages: a type with no list or map in it is one unit, in italics
/// for a primitive (`*Option\<String>*`) and as a link whose text is the whole type for a named
/// one (`[Option\<Pet>](…)`); a list or map writes its wrappers as plain text around its item,
/// which is spelled by the same rule (`Option\<Vec\<*String*>>`). `<` is escaped, since
/// Markdown would read it as the start of an HTML tag.
pub fn type_cell(
    ty: &TypeRef,
    optional: bool,
    link: &dyn Fn(TypeId) -> (String, String),
) -> String {
    let mut wrappers: Vec<&str> = Vec::new();
    if optional {
        wrappers.push("Option");
    }
    let mut current = ty;
    // A nullable value is an `Option` in Rust, and a boxed one a `Box`.
    while let TypeRef::Nullable(inner) | TypeRef::Boxed(inner) = current {
        let wrapper = match current {
            TypeRef::Nullable(_) => "Option",
            _ => "Box",
        };
        wrappers.push(wrapper);
        current = inner;
    }
    let open: String = wrappers.iter().map(|w| format!("{w}\\<")).collect();
    let close = ">".repeat(wrappers.len());
    match current {
        TypeRef::Vec(item) => format!("{open}Vec\\<{}>{close}", type_cell(item, false, link)),
        TypeRef::Map(value) => format!(
            "{open}IndexMap\\<String, {}>{close}",
            type_cell(value, false, link)
        ),
        TypeRef::Named(id) => match link(*id) {
            // A type of another crate has no page.
            (name, href) if href.is_empty() => format!("*{open}{name}{close}*"),
            (name, href) => format!("[{open}{name}{close}]({href})"),
        },
        TypeRef::External(path) => format!("*{open}{}{close}*", external_cell(path)),
        TypeRef::Strict(strict) => format!("*{open}{}{close}*", external_cell(&strict.written())),
        primitive => format!("*{open}{}{close}*", primitive_name(primitive)),
    }
}

/// The path of another crate's type in a cell, its angle brackets escaped as the others are.
pub(super) fn external_cell(path: &str) -> String {
    text_cell(path).replace('<', "\\<")
}

fn primitive_name(ty: &TypeRef) -> &'static str {
    match ty {
        TypeRef::String => "String",
        TypeRef::Text(format) => format.type_name(),
        TypeRef::I32 => "i32",
        TypeRef::I64 => "i64",
        TypeRef::U32 => "u32",
        TypeRef::U64 => "u64",
        TypeRef::F64 => "f64",
        TypeRef::Bool => "bool",
        _ => "serde_json::Value",
    }
}

/// A description as one cell: the text as the spec wrote it, each line break written `<br/>`
/// (a trailing one too) and `|` escaped so that it does not end the cell; `N/A` for none.
pub fn description_cell(text: Option<&str>) -> String {
    let Some(text) = text else {
        return "N/A".to_owned();
    };
    // One pass over the bytes: `\r`, `\n` and `|` are ASCII, so never part of a longer
    // character, and the text between them is copied a slice at a time.
    let bytes = text.as_bytes();
    let mut cell = String::with_capacity(text.len() + 16);
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        let replacement = match bytes[at] {
            b'\r' | b'\n' => "<br/>",
            b'|' => "\\|",
            _ => {
                at += 1;
                continue;
            }
        };
        cell.push_str(&text[copied..at]);
        cell.push_str(replacement);
        // `\r\n` is one line break.
        at += if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        copied = at;
    }
    cell.push_str(&text[copied..]);
    cell
}

/// Plain text that must stay one cell: `|` escaped, line breaks as `<br/>`.
pub fn text_cell(text: &str) -> String {
    description_cell(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: TypeId) -> (String, String) {
        (
            format!("T{}", id.0),
            format!("../../models/operations/T{}.md", id.0),
        )
    }

    /// The one-pass cell is what replacing line endings, then `|`, then line breaks gives.
    #[test]
    fn description_cells_equal_the_plain_replacements() {
        let plain = |text: &str| {
            text.replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('|', "\\|")
                .replace('\n', "<br/>")
        };
        let texts = [
            "",
            "plain",
            "a|b",
            "||",
            "line\nbreak\n",
            "windows\r\nline\r\n",
            "old mac\rline\r",
            "\r\r\n\n\r",
            "\n\r",
            "|\r\n|",
            "é|ü\r\n漢字\n",
            "ends with \r",
            "<br/> already",
        ];
        for text in texts {
            assert_eq!(description_cell(Some(text)), plain(text), "{text:?}");
        }
        assert_eq!(description_cell(None), "N/A");
    }

    #[test]
    fn types_take_the_seeds_shapes() {
        let named = || TypeRef::Named(TypeId(7));
        let vec = |t| TypeRef::Vec(Box::new(t));
        let table = [
            (TypeRef::String, true, "*Option\\<String>*"),
            (TypeRef::String, false, "*String*"),
            (TypeRef::I64, true, "*Option\\<i64>*"),
            (TypeRef::Bool, true, "*Option\\<bool>*"),
            (TypeRef::Json, false, "*serde_json::Value*"),
            (
                named(),
                true,
                "[Option\\<T7>](../../models/operations/T7.md)",
            ),
            (named(), false, "[T7](../../models/operations/T7.md)"),
            (vec(TypeRef::String), true, "Option\\<Vec\\<*String*>>"),
            (vec(TypeRef::String), false, "Vec\\<*String*>"),
            (
                vec(named()),
                true,
                "Option\\<Vec\\<[T7](../../models/operations/T7.md)>>",
            ),
            (
                TypeRef::Map(Box::new(TypeRef::I64)),
                true,
                "Option\\<IndexMap\\<String, *i64*>>",
            ),
            (
                TypeRef::Nullable(Box::new(TypeRef::String)),
                true,
                "*Option\\<Option\\<String>>*",
            ),
            (
                vec(TypeRef::Nullable(Box::new(TypeRef::Boxed(Box::new(
                    named(),
                ))))),
                false,
                "Vec\\<[Option\\<Box\\<T7>>](../../models/operations/T7.md)>",
            ),
        ];
        for (ty, optional, expected) in table {
            assert_eq!(type_cell(&ty, optional, &link), expected, "{ty:?}");
        }
    }

    #[test]
    fn descriptions_keep_their_text_and_their_line_breaks() {
        assert_eq!(description_cell(None), "N/A");
        assert_eq!(
            description_cell(Some("One\ntwo | three\r\n")),
            "One<br/>two \\| three<br/>"
        );
    }
}
