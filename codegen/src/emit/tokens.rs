//! The tokens every emitter shares: identifiers, doc comments, and the spelling of a type
//! reference from one module of the crate to another.

use crate::ir::{Module, TypeId, TypeRef, TypeSpace};
use crate::naming;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier from a name the naming module produced, raw where it is a keyword.
pub(crate) fn ident(name: &str) -> Ident {
    if naming::needs_raw(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// `#[doc = "…"]` attributes, one per line, so prettyplease prints `///` comments where it can and
/// no text from the spec can end the comment early.
pub(crate) fn doc_attrs(text: Option<&str>) -> TokenStream {
    let lines = doc_lines(text).into_iter().map(|line| raw_string(&line));
    quote! { #(#[doc = #lines])* }
}

/// How the doc comment of a replaced type starts its last paragraph: such a type has no page.
pub const REPLACED: &str = "Not generated: this crate uses";

/// A type's doc comment: the spec's description, then the place in the spec the type comes
/// from, so that a reader can go from the code to the spec.
pub(crate) fn type_docs(def: crate::ir::Named<'_>) -> String {
    let tick = if def.pointer.contains('`') { "``" } else { "`" };
    let mut place = format!("From {tick}{}{tick} in the spec.", def.pointer);
    if let crate::ir::TypeKind::Alias(TypeRef::External(path)) = &def.kind {
        place.push_str(&format!(
            "\n\n{REPLACED} `{path}` instead (x-rust-type, or `replace` in the configuration)."
        ));
    }
    match def.docs.as_deref().map(str::trim) {
        Some(docs) if !docs.is_empty() => format!("{docs}\n\n{place}"),
        _ => place,
    }
}

/// A type's doc comment, then the derives and attributes the configuration adds to it.
pub(crate) fn type_attrs(space: &crate::ir::TypeSpace, def: crate::ir::Named<'_>) -> TokenStream {
    let docs = doc_attrs(Some(&type_docs(def)));
    let extras = extra_attrs(space, def);
    quote!(#docs #extras)
}

/// The derives and attributes the configuration adds to a type, empty where it adds none.
pub(crate) fn extra_attrs(space: &crate::ir::TypeSpace, def: crate::ir::Named<'_>) -> TokenStream {
    let Some(extras) = space.extras.get(def.name) else {
        return TokenStream::new();
    };
    // Both were parsed when the configuration was read; a failure here is a bug.
    let derives: Vec<syn::Path> = extras
        .derives
        .iter()
        .map(|d| syn::parse_str(d).expect("a derive checked as a path"))
        .collect();
    let derive = (!derives.is_empty()).then(|| quote!(#[derive(#(#derives),*)]));
    let attributes: Vec<TokenStream> = extras
        .attributes
        .iter()
        .map(|a| a.parse().expect("an attribute checked as one"))
        .collect();
    quote!(#derive #(#attributes)*)
}

/// The doc comment lines of a description: each the text of one `#[doc]` attribute.
pub(crate) fn doc_lines(text: Option<&str>) -> Vec<String> {
    let Some(text) = text else {
        return Vec::new();
    };
    let text = clean_doc_text(text.trim());
    let mut in_fence = false;
    text.trim_end()
        .lines()
        .map(|line| {
            let line = line.trim_end();
            if line.is_empty() {
                return String::new();
            }
            // Rustdoc takes a fence with no language for Rust and would compile it as a doc
            // test wherever doc tests run; spec prose is not Rust, so such fences are marked
            // as text.
            if let Some(info) = line.trim_start().strip_prefix("```") {
                let opening = !in_fence;
                in_fence = !in_fence;
                if opening && info.trim().is_empty() {
                    return format!(" {line}text");
                }
            }
            format!(" {line}")
        })
        .collect()
}

/// A raw string literal (`r#"…"#`) holding `text` as it is. Docs are most of the generated text,
/// and a raw literal needs no escaping here and no unescaping when `syn` reads it back, which
/// makes rendering noticeably cheaper than with an escaped literal. A raw literal cannot hold a
/// carriage return, so text with one (none after `clean_doc_text`) falls back to escaping.
pub(crate) fn raw_string(text: &str) -> proc_macro2::Literal {
    if text.contains('\r') {
        return proc_macro2::Literal::string(text);
    }
    // Enough `#`s that no `"` followed by that many `#`s in the text can end the literal. Most
    // lines hold no `"` at all, which a byte search tells quickly.
    let mut hashes = 0;
    if text.contains('"') {
        let mut run: Option<usize> = None;
        for c in text.chars() {
            run = match (c, run) {
                ('"', _) => Some(0),
                ('#', Some(n)) => Some(n + 1),
                _ => None,
            };
            if let Some(n) = run {
                hashes = hashes.max(n + 1);
            }
        }
    }
    let mut literal = String::with_capacity(text.len() + 2 * hashes + 3);
    literal.push('r');
    (0..hashes).for_each(|_| literal.push('#'));
    literal.push('"');
    literal.push_str(text);
    literal.push('"');
    (0..hashes).for_each(|_| literal.push('#'));
    literal
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::string(text))
}

/// How one file spells the std prelude types it uses. Short names (`Option<String>`) read like
/// hand-written code, and other generated types cannot shadow them because a type file only
/// defines its own type and names every sibling through `super::`. The one way to shadow them is
/// a type whose own name is a prelude name; its file spells them in full.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Std {
    full: bool,
}

impl Std {
    pub fn for_type(name: &str) -> Self {
        Std {
            full: PRELUDE_NAMES.contains(&name),
        }
    }

    /// Whether this file spells the prelude in full (`::std::option::Option`).
    pub fn is_full(self) -> bool {
        self.full
    }

    pub fn option(self) -> TokenStream {
        if self.full {
            quote!(::std::option::Option)
        } else {
            quote!(Option)
        }
    }

    pub fn string(self) -> TokenStream {
        if self.full {
            quote!(::std::string::String)
        } else {
            quote!(String)
        }
    }

    pub fn vec(self) -> TokenStream {
        if self.full {
            quote!(::std::vec::Vec)
        } else {
            quote!(Vec)
        }
    }
}

/// Type and trait names of the std prelude that a spec type could take.
const PRELUDE_NAMES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "From",
    "Into",
    "Default",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "ToOwned",
    "ToString",
    "Iterator",
    "IntoIterator",
    "Extend",
    "AsRef",
    "AsMut",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "Fn",
    "FnMut",
    "FnOnce",
    "Unpin",
];

/// Replaces what must not reach a source file: control characters (a NUL makes tools take the
/// file for binary) and the bidirectional-override code points that rustc rejects in comments.
fn clean_doc_text(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        (c.is_control() && c != '\t' && c != '\n') || bidi
    };
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// The path to a named type from a type file of `from`: `super::Name` for a type of the same
/// module, `super::super::<module>::Name` for one of the other.
pub(crate) fn named_path(space: &TypeSpace, id: TypeId, from: Module) -> Vec<Ident> {
    let def = space.named(id);
    let mut path = vec![ident("super")];
    if def.module != from {
        path.push(ident("super"));
        path.push(ident(def.module.dir()));
    }
    path.push(ident(def.name));
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_doc_strings_hold_any_text() {
        for text in [
            "plain",
            "a \"quote\"",
            "ends \"#",
            "tricky \"## and \"#",
            "",
            "tab\there",
            "\\n stays",
        ] {
            let lit = raw_string(text);
            let parsed: syn::LitStr = syn::parse2(quote!(#lit)).unwrap();
            assert_eq!(parsed.value(), text, "{lit}");
        }
        assert_eq!(raw_string("ends \"#").to_string(), "r##\"ends \"#\"##");
        assert_eq!(raw_string("cr\r").to_string(), "\"cr\\r\"");
    }
}
