//! `src/support.rs` of the generated crate: the few helpers the models share, emitted only when
//! some model needs them.

use crate::ir::{Strict, TextFormat, TypeKind, TypeSpace};
use std::collections::BTreeSet;

/// The path of the support module as seen from a type file (`src/models/<module>/<type>.rs`).
pub const FROM_TYPE_FILE: &str = "super::super::super::support";

/// The most fields a struct derives `PartialEq` for: the derived comparison is one `&&` chain,
/// and past a few thousand fields its nesting overflows the compiler's stack. The bound is
/// far below that, so that the fixtures hold a struct on each side of it.
pub const DERIVED_EQ_FIELDS: usize = 64;

/// Whether a struct has more fields than [`DERIVED_EQ_FIELDS`].
pub fn derives_no_partial_eq(s: &crate::ir::StructDef) -> bool {
    s.fields.len() + usize::from(s.extra.is_some()) > DERIVED_EQ_FIELDS
}

/// `use super::super::super::support;`: a type file names the module once, and each macro call
/// after it as `support::name!` (no type is named `support`: type names are PascalCase). The
/// macros' own bodies name their helpers `support::…` too, resolved where they expand, so the
/// module's depth is written here only.
pub fn use_item() -> proc_macro2::TokenStream {
    let path: syn::Path = syn::parse_str(FROM_TYPE_FILE).expect("a fixed path");
    quote::quote!(use #path;)
}

/// How a type file calls a support macro, after [`use_item`].
pub fn macro_path(name: &str) -> String {
    format!("support::{name}")
}

/// What the support module must hold.
pub struct Needs {
    /// `object_serde!` and its helpers, for structs.
    pub object: bool,
    /// `object_eq!`, for structs too wide to derive `PartialEq`.
    pub object_eq: bool,
    pub fit: bool,
    pub string_enum: bool,
    pub integer_enum: bool,
    /// `tuple_serde!`, for 3.1 tuples.
    pub tuple: bool,
    /// `file_part!`, for the files of multipart bodies.
    pub file_part: bool,
    /// The `Operation` trait and its encoders, for request and response types.
    pub operation: bool,
    /// `Server`, for the servers the spec lists (and the clients, which choose one).
    pub servers: bool,
    /// The string formats whose types (`DateTime`, `Uuid`, ...) the crate uses.
    pub text: BTreeSet<TextFormat>,
    /// The strict format types the crate uses (which are not in the support module).
    pub strict: BTreeSet<Strict>,
}

impl Needs {
    pub fn any(&self) -> bool {
        self.object
            || self.object_eq
            || self.fit
            || self.string_enum
            || self.integer_enum
            || self.tuple
            || self.file_part
            || self.operation
            || self.servers
            || !self.text.is_empty()
    }
}

pub fn needs(space: &TypeSpace) -> Needs {
    let mut needs = Needs {
        object: false,
        object_eq: false,
        fit: false,
        string_enum: false,
        integer_enum: false,
        tuple: false,
        file_part: false,
        operation: false,
        servers: false,
        text: BTreeSet::new(),
        strict: BTreeSet::new(),
    };
    for def in &space.types {
        def.for_each_ref(|ty| {
            needs.text.extend(ty.text_format());
            needs.strict.extend(ty.strict());
        });
        match &def.kind {
            TypeKind::Struct(s) => {
                needs.object = true;
                needs.object_eq |= derives_no_partial_eq(s);
            }
            TypeKind::Enum(e) => match e.repr {
                crate::ir::EnumRepr::String => needs.string_enum = true,
                crate::ir::EnumRepr::Integer => needs.integer_enum = true,
            },
            TypeKind::Union(u) => {
                needs.fit |= u.variants.iter().any(|v| space.struct_of(&v.ty).is_some())
            }
            TypeKind::Request(_) | TypeKind::Response(_) => needs.operation = true,
            TypeKind::Tuple(_) => needs.tuple = true,
            TypeKind::FilePart => needs.file_part = true,
            _ => {}
        }
    }
    needs.servers = needs.operation || !space.servers.is_empty();
    needs
}

/// The text of the support module; planned only when [`needs`] says it is used.
///
/// The helpers are the same in every crate, so they are kept as Rust source in `codegen/support/`
/// and copied in as written, comments and layout included, rather than built as tokens and
/// printed (which loses the comments and prints macro bodies as one run of tokens). Every
/// piece is a run of whole items that a test parses alone (so any run of them parses too: the
/// text is not parsed again as it is written), and every fixture crate compiles them.
pub fn text(space: &TypeSpace) -> String {
    let needs = needs(space);
    let mut text = String::from("//! Helpers shared by the generated models.\n");
    let pieces = [
        (needs.object, OBJECT_SERDE),
        (needs.object || needs.operation, SENDING),
        (needs.object, READ_ONLY),
        (needs.object_eq, OBJECT_EQ),
        (needs.fit, FIT),
        (needs.string_enum, STRING_ENUM),
        (needs.integer_enum, INTEGER_ENUM),
        (needs.tuple, TUPLE_SERDE),
        (needs.operation, OPERATION),
        (needs.operation, MULTIPART),
        (needs.file_part, FILE_PART),
        (needs.operation, DECODE),
        (needs.servers, SERVERS),
        (needs.operation, CREDENTIALS),
        (needs.operation, REDIRECT),
        (needs.operation, CLIENT),
    ];
    for (_, piece) in pieces.iter().filter(|(needed, _)| *needed) {
        text.push('\n');
        text.push_str(piece);
    }
    if !needs.text.is_empty() {
        text.push('\n');
        text.push_str(&text_types(&needs.text));
    }
    text
}

/// `text_format!` and, of the types it makes, those of `formats`: each format's section of
/// `support/text.rs` starts with a line `// format: <name>`, so a crate compiles only the types
/// its spec uses.
fn text_types(formats: &BTreeSet<TextFormat>) -> String {
    let mut sections = TEXT.split("\n// format: ");
    let mut out = sections.next().unwrap_or_default().to_owned();
    for section in sections {
        let name = section.lines().next().unwrap_or_default();
        if formats.iter().any(|f| f.spec_name() == name) {
            out.push_str("\n// format: ");
            out.push_str(section);
        }
    }
    out
}

/// `object_serde!`: the serde impls of model structs, written once as a macro rather than
/// derived per struct. serde's derive with a flattened map expands to several times the code
/// (and buffers every property before reading it), which made up most of a large crate's
/// build time.
const OBJECT_SERDE: &str = include_str!("../../support/object_serde.rs");
/// `object_eq!`: `PartialEq` for structs too wide to derive it.
const OBJECT_EQ: &str = include_str!("../../support/object_eq.rs");
/// `fit`: how well a value fits a struct alternative of a union.
const FIT: &str = include_str!("../../support/fit.rs");
/// `string_enum!`: the methods and serde impls of an open enum of strings.
const STRING_ENUM: &str = include_str!("../../support/string_enum.rs");
/// `integer_enum!`: the methods and serde impls of an open enum of integers.
const INTEGER_ENUM: &str = include_str!("../../support/integer_enum.rs");
/// `tuple_serde!`: the serde impls of a tuple struct read from an array by position.
const TUPLE_SERDE: &str = include_str!("../../support/tuple_serde.rs");
/// `Operation`: how a request type becomes an HTTP request, with the parameter and body
/// encoders and the response decoder.
/// `sending` and `is_sending`: whether a request body is being written.
const SENDING: &str = include_str!("../../support/sending.rs");
/// The `readOnly` field kinds of `object_serde!`, left out of request bodies.
const READ_ONLY: &str = include_str!("../../support/read_only.rs");
const OPERATION: &str = include_str!("../../support/operation.rs");
/// `Multipart`: multipart bodies, files included.
const MULTIPART: &str = include_str!("../../support/multipart.rs");
/// `file_part!`: `FilePart` for the file types of a crate.
const FILE_PART: &str = include_str!("../../support/file_part.rs");
/// `Decode`: how a response type is read from a reply's status, headers and body.
const DECODE: &str = include_str!("../../support/decode.rs");
/// `Server`: where the API is, as the spec lists it.
const SERVERS: &str = include_str!("../../support/servers.rs");
/// Credentials and how a request carries them.
const CREDENTIALS: &str = include_str!("../../support/credentials.rs");
/// Where a redirect sends a request next, and the cookies a reply sets.
const REDIRECT: &str = include_str!("../../support/redirect.rs");
const CLIENT: &str = include_str!("../../support/client.rs");
/// The types of string formats, each keeping its text: `text_format!` and its calls.
const TEXT: &str = include_str!("../../support/text.rs");

#[cfg(test)]
mod tests {
    use super::*;

    /// Each piece the text is made of, and each format's section of `text.rs` after its
    /// shared part, is a run of whole items with no inner attribute: any run of such pieces
    /// is a run of items, so every text [`text`] assembles parses, whatever the crate needs.
    #[test]
    fn every_piece_is_a_run_of_whole_items() {
        let mut pieces = vec![
            OBJECT_SERDE,
            SENDING,
            READ_ONLY,
            OBJECT_EQ,
            FIT,
            STRING_ENUM,
            INTEGER_ENUM,
            TUPLE_SERDE,
            OPERATION,
            MULTIPART,
            FILE_PART,
            DECODE,
            SERVERS,
            CREDENTIALS,
            REDIRECT,
            CLIENT,
        ];
        let mut sections = TEXT.split("\n// format: ");
        pieces.push(sections.next().unwrap());
        let sections: Vec<String> = sections.map(|s| format!("// format: {s}")).collect();
        assert_eq!(
            sections.len(),
            TextFormat::ALL.len(),
            "a section per format"
        );
        pieces.extend(sections.iter().map(String::as_str));
        for piece in pieces {
            let file = syn::parse_file(piece)
                .unwrap_or_else(|e| panic!("a piece does not parse: {e}\n{piece}"));
            assert!(
                file.attrs.is_empty(),
                "a piece with an inner attribute:\n{piece}"
            );
            assert!(file.shebang.is_none());
        }
        // The header is the only inner attribute, and it comes first.
        let header = syn::parse_file("//! Helpers shared by the generated models.\n").unwrap();
        assert_eq!(header.attrs.len(), 1);
    }
}
