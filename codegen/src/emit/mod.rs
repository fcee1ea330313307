//! Emit: IR → one token stream per Rust file of the generated crate, plus its manifest.
//!
//! The layout is `src/lib.rs`, `src/models/mod.rs`, one module per [`Module`](crate::ir::Module) with one file per
//! type, and `src/example_tests.rs` when the spec has response examples.

mod direct;
mod enums;
mod examples;
pub mod features;
mod layout;
mod manifest;
mod model;
mod operation;
mod response;
mod service;
mod support;
mod syntax;
mod tokens;
mod unions;

use crate::ir::{TypeId, TypeSpace};
use crate::naming;
use proc_macro2::{Ident, TokenStream};
use std::collections::BTreeMap;

pub use direct::{file as direct_file, DirectFile};
pub use manifest::cargo_toml;
pub(crate) use syntax::type_tokens;
pub(crate) use tokens::{
    doc_attrs, doc_lines, ident, named_path, raw_string, type_attrs, type_docs, Std,
};

/// A Rust source file to render, by its path relative to the crate root.
pub struct RustFile {
    pub path: String,
    pub tokens: TokenStream,
    /// Calls of support macros, printed after the tokens one list item a line: the printer
    /// would fill a macro's arguments into paragraphs, where a reader looks for one property
    /// per line.
    pub calls: Vec<ListCall>,
}

impl RustFile {
    pub fn new(path: String, tokens: TokenStream) -> RustFile {
        RustFile {
            path,
            tokens,
            calls: Vec::new(),
        }
    }
}

/// `path!(head { item, item, … } tail);`, each item on a line of its own.
pub struct ListCall {
    pub path: String,
    pub head: Ident,
    /// A type after the head (`Head: u64 { … }`), where the macro takes one.
    pub head_type: Option<TokenStream>,
    pub items: Vec<ListItem>,
    /// What follows the braces (`+ additional_properties`, `+ 2: Type`, `Unknown`).
    pub tail: Option<ListItem>,
}

/// One item of a [`ListCall`]: leading tokens, then `: Type` where it has a type.
pub struct ListItem {
    pub words: TokenStream,
    pub ty: Option<TokenStream>,
}

/// One Rust file of the crate, to be emitted on its own: token streams cannot cross threads, so
/// the files are planned first and each is emitted and rendered on the thread that writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileJob {
    /// `lib.rs` and the `mod.rs` files.
    Layout {
        index: usize,
        examples: bool,
    },
    /// A type's file; with `request`, the request whose body the type is, whose impl the
    /// file carries (`RequestDef::body_is_request`).
    Type {
        id: TypeId,
        request: Option<TypeId>,
    },
    Support,
    /// `servers.rs`, where the spec lists servers.
    Servers,
    /// `security.rs`, where the spec has security schemes.
    Security,
    /// The example tests; with `left_out`, also a test per example left out, that the model
    /// indeed refuses it.
    Examples {
        left_out: bool,
    },
}

/// Every file of the crate, in a fixed order.
pub fn plan(space: &TypeSpace, left_out_tests: bool) -> Vec<FileJob> {
    let examples = space
        .judged_examples()
        .any(|(_, _, verdict)| left_out_tests || verdict.contradiction().is_none());
    let mut jobs: Vec<FileJob> = (0..layout::file_count(space))
        .map(|index| FileJob::Layout { index, examples })
        .collect();
    let requests: BTreeMap<TypeId, TypeId> = space
        .requests_that_are_bodies()
        .map(|(request, body)| (body, request))
        .collect();
    jobs.extend(
        space
            .ids()
            .filter(|&id| space.has_own_file(id))
            .map(|id| FileJob::Type {
                id,
                request: requests.get(&id).copied(),
            }),
    );
    if support::needs(space).any() {
        jobs.push(FileJob::Support);
    }
    if !space.servers.is_empty() {
        jobs.push(FileJob::Servers);
    }
    if space.has_security() {
        jobs.push(FileJob::Security);
    }
    if examples {
        jobs.push(FileJob::Examples {
            left_out: left_out_tests,
        });
    }
    jobs
}

/// Emits one planned file.
pub fn emit_file(space: &TypeSpace, job: FileJob) -> RustFile {
    match job {
        FileJob::Layout { index, examples } => layout::file(space, index, examples),
        FileJob::Type { id, request } => {
            let def = space.named(id);
            let (mut tokens, calls) = model::emit_type(space, id);
            // A body that is its variant's request carries the request's impl.
            if let Some(request) = request.map(|r| space.named(r)) {
                if let crate::ir::TypeKind::Request(r) = &request.kind {
                    let std = Std::for_type(def.name);
                    let item = operation::own_body_impl(space, request, r, std);
                    tokens.extend(quote::ToTokens::into_token_stream(item));
                }
            }
            RustFile {
                path: type_file_path(def),
                tokens,
                calls,
            }
        }
        // The support module is source text, comments included: see [`support_source`].
        FileJob::Support => RustFile {
            path: SUPPORT_PATH.to_owned(),
            tokens: support::text(space)
                .parse()
                .expect("the support module is valid Rust (tested)"),
            calls: Vec::new(),
        },
        FileJob::Servers => service::servers(space),
        FileJob::Security => service::security(space),
        FileJob::Examples { left_out } => RustFile::new(
            EXAMPLES_PATH.to_owned(),
            quote::ToTokens::into_token_stream(examples::file(space, left_out)),
        ),
    }
}

/// Where the example tests go.
pub const EXAMPLES_PATH: &str = "src/example_tests.rs";

/// Where the support module goes.
pub const SUPPORT_PATH: &str = "src/support.rs";

/// The support module's text: the helpers of `codegen/support/` that this crate uses, with
/// their comments, as they are written there.
pub fn support_source(space: &TypeSpace) -> String {
    support::text(space)
}

fn type_file_path(def: crate::ir::Named<'_>) -> String {
    format!(
        "src/models/{}/{}.rs",
        def.module.dir(),
        naming::module_name(def.name)
    )
}
