//! The module tree of the generated crate: `lib.rs` and the `mod.rs` files.

use super::{ident, RustFile};
use crate::ir::{Module, TextFormat, TypeId, TypeSpace};
use crate::naming;
use quote::quote;
use std::collections::BTreeSet;

fn modules(space: &TypeSpace) -> BTreeSet<Module> {
    space.types.iter().map(|t| t.module).collect()
}

/// `lib.rs`, `models/mod.rs`, and a `mod.rs` per module in use.
pub fn file_count(space: &TypeSpace) -> usize {
    2 + modules(space).len()
}

/// The `i`th of the layout files; `examples` says whether the crate has example tests.
pub fn file(space: &TypeSpace, i: usize, examples: bool) -> RustFile {
    let modules = modules(space);
    match i {
        0 => lib_rs(space, examples),
        1 => models_mod_rs(&modules),
        i => module_mod_rs(space, *modules.iter().nth(i - 2).expect("i < file_count")),
    }
}

fn lib_rs(space: &TypeSpace, examples: bool) -> RustFile {
    let title = format!(
        " Typed models of {}, generated from its OpenAPI document.",
        space.title.trim()
    );
    let needs = super::support::needs(space);
    // Built with a few tags' features, some helpers have no caller left.
    let gated = !space.tag_gates.features.is_empty();
    let unused = gated.then(|| quote!(#[allow(unused_macros, unused_imports, dead_code)]));
    let support = needs.any().then(|| {
        quote! {
            #[doc(hidden)]
            #[rustfmt::skip]
            #unused
            pub mod support;
        }
    });
    // What a caller names when sending requests: at the root, documented (the rest of the
    // support module is the models' plumbing).
    // One name a line, sorted, as rustfmt leaves them (this file is formatted with the crate
    // it is the root of); the clients only with their features.
    // The format types too: a caller builds values of them.
    let mut names: Vec<&str> = Vec::new();
    if needs.operation {
        names.extend([
            "AsyncClient",
            "Client",
            "Content",
            "Credential",
            "Credentials",
            "Decode",
            "DecodeError",
            "EncodeError",
            "Exchange",
            "Headers",
            "Operation",
            "Retry",
            "SendError",
            "Server",
            "ServerVariable",
        ]);
    }
    names.extend(needs.text.iter().map(|format| format.type_name()));
    if needs.text.contains(&TextFormat::Byte) {
        names.push("Base64Error");
    }
    names.sort_unstable();
    let uses = names.iter().map(|name| {
        let cfg = match *name {
            "AsyncClient" => Some(quote!(#[cfg(feature = "async")])),
            "Client" => Some(quote!(#[cfg(feature = "blocking")])),
            _ => None,
        };
        let name = ident(name);
        quote!(#cfg pub use support::#name;)
    });
    let root_uses = quote!(#(#uses)*);
    // Where to call the API and with what credentials, at the root as the caller needs them.
    let servers = (!space.servers.is_empty()).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod servers;
            pub use servers::SERVERS;
        }
    });
    let security = space.has_security().then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod security;
            pub use security::Security;
        }
    });
    // With a few tags' features, the helpers of the example tests may have no test left.
    let unused_helpers = gated.then(|| quote!(#[allow(dead_code)]));
    let example_tests = examples.then(|| {
        quote! {
            #[cfg(test)]
            #[rustfmt::skip]
            #unused_helpers
            mod example_tests;
        }
    });
    // Descriptions are prose from the spec, not rustdoc: bare URLs, brackets, HTML and loose
    // Markdown in them are not ours to fix, and neither are the spec's names (variants sharing a
    // prefix, a type named like its module), so the lints that would flag them are off for this
    // crate only. A response enum holds its body by value (it is decoded once and matched, so a
    // box would be an allocation for nothing), which the variant-size lint would flag.
    let tokens = quote! {
        #![doc = #title]
        #![doc = ""]
        #![doc = " Each type lives in [`models`]; see `docs/mapping.md` of the generator for the mapping rules."]
        #![allow(
            rustdoc::bare_urls,
            rustdoc::broken_intra_doc_links,
            rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks,
            rustdoc::redundant_explicit_links,
            clippy::doc_lazy_continuation,
            clippy::doc_overindented_list_items,
            clippy::doc_nested_refdefs,
            clippy::tabs_in_doc_comments,
            clippy::empty_docs,
            clippy::enum_variant_names,
            clippy::module_inception,
            clippy::large_enum_variant
        )]

        #[rustfmt::skip]
        pub mod models;

        #support
        #root_uses
        #servers
        #security
        #example_tests
    };
    RustFile::new("src/lib.rs".to_owned(), tokens)
}

fn models_mod_rs(modules: &BTreeSet<Module>) -> RustFile {
    let mods = modules.iter().map(|m| ident(m.dir()));
    RustFile {
        path: "src/models/mod.rs".to_owned(),
        tokens: quote! {
            //! The generated models, by where they come from in the spec.
            #(pub mod #mods;)*
        },
        calls: Vec::new(),
    }
}

/// The `mod.rs` of a module: a `mod` and a `pub use` per type, sorted by file.
fn module_mod_rs(space: &TypeSpace, module: Module) -> RustFile {
    let entries = module_entries(space, module);
    let items = entries.iter().map(|(file, name, id)| {
        let file = ident(file);
        let name = ident(name);
        let cfg = super::features::type_cfg(space, *id);
        quote! {
            #cfg
            mod #file;
            #cfg
            pub use self::#file::#name;
        }
    });
    let doc = module_doc(module);
    RustFile {
        path: module_mod_path(module),
        tokens: quote! {
            #![doc = #doc]
            #(#items)*
        },
        calls: Vec::new(),
    }
}

/// The module's `mod.rs` as `emit::direct` builds it: its path, doc and entries.
pub fn module_parts(space: &TypeSpace, i: usize) -> Option<ModuleParts<'_>> {
    let module = *modules(space).iter().nth(i.checked_sub(2)?)?;
    Some(ModuleParts {
        path: module_mod_path(module),
        doc: module_doc(module),
        entries: module_entries(space, module),
    })
}

/// A module's `mod.rs`: its path, its doc, and a file stem, a type name and a type a type.
pub struct ModuleParts<'s> {
    pub path: String,
    pub doc: &'static str,
    pub entries: Vec<(String, &'s str, TypeId)>,
}

fn module_entries(space: &TypeSpace, module: Module) -> Vec<(String, &str, TypeId)> {
    let mut entries: Vec<(String, &str, TypeId)> = space
        .ids()
        .filter(|&id| space.has_own_file(id))
        .map(|id| space.named(id))
        .filter(|t| t.module == module)
        .map(|t| (naming::module_name(t.name), t.name, t.id))
        .collect();
    entries.sort();
    entries
}

fn module_doc(module: Module) -> &'static str {
    match module {
        Module::Components => " The component schemas of the spec, and the types nested in them.",
        Module::Operations => {
            " Request and response bodies of the operations, and the types nested in them."
        }
    }
}

fn module_mod_path(module: Module) -> String {
    format!("src/models/{}/mod.rs", module.dir())
}
