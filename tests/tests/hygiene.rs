//! The `hygiene` fixture names schemas after every identifier that the support code and the
//! generated impls use, and after every ASCII letter; its crate is compiled with the other
//! fixtures, so a name that a spec type could capture breaks the build. This test keeps the
//! fixture complete: an identifier added to the support code or to an emitter's `quote!` must
//! be added to the fixture too.

use proc_macro2::{TokenStream, TokenTree};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Keywords cannot be type names; a spec name that is one becomes a raw identifier.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "union",
];

fn idents(tokens: TokenStream, found: &mut BTreeSet<String>) {
    let mut after_hash = false;
    for tree in tokens {
        match &tree {
            TokenTree::Ident(ident) if !after_hash => {
                let name = ident.to_string();
                found.insert(name.trim_start_matches("r#").to_owned());
            }
            TokenTree::Group(group) => idents(group.stream(), found),
            _ => {}
        }
        after_hash = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '#');
    }
}

/// The identifiers inside every `quote!(…)` / `quote! {…}` of a file, interpolations left out.
fn quoted_idents(tokens: TokenStream, found: &mut BTreeSet<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "quote" => {
                if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body))) =
                    (trees.get(i + 1), trees.get(i + 2))
                {
                    if bang.as_char() == '!' {
                        idents(body.stream(), found);
                    }
                }
            }
            TokenTree::Group(group) => quoted_idents(group.stream(), found),
            _ => {}
        }
    }
}

fn rust_files(dir: &Path) -> Vec<TokenStream> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| fs::read_to_string(p).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn the_hygiene_fixture_names_a_schema_after_every_identifier_the_generated_code_uses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut used = BTreeSet::new();
    for file in rust_files(&root.join("codegen/support")) {
        idents(file, &mut used);
    }
    for file in rust_files(&root.join("codegen/src/emit")) {
        quoted_idents(file, &mut used);
    }
    used.extend(('a'..='z').chain('A'..='Z').map(String::from));
    used.retain(|name| !KEYWORDS.contains(&name.as_str()) && name != "_");
    assert!(used.len() > 150, "the scan found too little: {used:?}");
    let spec = fs::read_to_string(root.join("tests/fixtures/hygiene.yaml")).unwrap();
    let missing: Vec<&String> = used
        .iter()
        .filter(|name| {
            let schema = format!("\n    \"{name}\":\n");
            let property = format!("\n        \"{name}\": {{type: string}}\n");
            !(spec.contains(&schema) && spec.contains(&property))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "add these names to tests/fixtures/hygiene.yaml, as a schema and as a property of `Everything`: {missing:?}"
    );
}
