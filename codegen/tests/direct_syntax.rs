//! Aliases, plain structs, open enums, requests, responses, response headers, unions, the
//! example tests and the modules' `mod.rs` are rendered from a syntax tree
//! built directly rather than parsed back from their tokens; the text must be exactly what
//! rendering the tokens gives, for every such file of every fixture and accepted hostile spec,
//! and for descriptions that doc comments find hard.

use codegen::{emit, load, lower, passes, render};
use std::path::Path;

/// How many files of each kind were compared.
#[derive(Default, Debug)]
struct Compared {
    aliases: usize,
    structs: usize,
    enums: usize,
    modules: usize,
    /// Files whose last item is an impl: of `Decode` (responses), of `Operation` (requests
    /// and bodies that are their requests), or inherent (response headers).
    responses: usize,
    requests: usize,
    headers: usize,
    /// The example tests.
    examples: usize,
    /// Unions: an enum, then its serde impls.
    unions: usize,
}

/// Compares the two ways for every such file of the spec.
fn compare(bytes: &[u8], label: &str, compared: &mut Compared) {
    let Ok(loaded) = load::load_bytes(bytes, label) else {
        return;
    };
    let Ok((mut space, _)) = lower::lower(&loaded.spec, &loaded.deep_references, label) else {
        return;
    };
    passes::run(&mut space, label);
    for job in emit::plan(&space, true) {
        let Some(file) = emit::direct_file(&space, job) else {
            continue;
        };
        let count = match file.syntax.items.last() {
            _ if file.path.ends_with("/mod.rs") => &mut compared.modules,
            _ if file.path == emit::EXAMPLES_PATH => &mut compared.examples,
            Some(syn::Item::Impl(item)) => match &item.trait_ {
                None => &mut compared.headers,
                Some((_, path, _)) if path.segments.last().unwrap().ident == "Deserialize" => {
                    &mut compared.unions
                }
                Some((_, path, _)) if path.segments.last().unwrap().ident == "Decode" => {
                    &mut compared.responses
                }
                Some(_) => &mut compared.requests,
            },
            Some(syn::Item::Struct(_)) => &mut compared.structs,
            Some(syn::Item::Enum(_)) => &mut compared.enums,
            _ => &mut compared.aliases,
        };
        *count += 1;
        let direct = render::render_direct(file, label);
        let parsed = render::render_rust(emit::emit_file(&space, job), label).unwrap();
        assert_eq!(direct, parsed, "{label}");
    }
}

#[test]
fn files_built_as_syntax_equal_parsed_ones_in_every_test_spec() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut compared = Compared::default();
    for dir in ["fixtures", "hostile/accept"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            ) {
                compare(
                    &std::fs::read(&path).unwrap(),
                    &path.to_string_lossy(),
                    &mut compared,
                );
            }
        }
    }
    assert!(
        compared.aliases >= 20
            && compared.structs >= 200
            && compared.enums >= 50
            && compared.modules >= 40
            && compared.requests >= 100
            && compared.responses >= 100
            && compared.headers >= 5
            && compared.examples >= 25
            && compared.unions >= 25,
        "too few compared: {compared:?}"
    );
}

#[test]
fn files_built_as_syntax_equal_parsed_ones_for_hard_docs() {
    let docs = [
        "One line.",
        "Two\nlines.",
        "Blank\n\nline, trailing spaces   \nand a tab\there.",
        "/ starts with a slash",
        "A fence:\n```\nnot rust\n```\nafter.",
        "Comment ends */ and opens /* and a \"quote\"#.",
        "Carriage\r\nreturns\rand a bidi \u{202E}override and a bell \u{7}.",
        "   leading spaces",
        "",
    ];
    let mut spec = String::from("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n");
    for (i, doc) in docs.iter().enumerate() {
        let doc = serde_json::to_string(doc).unwrap();
        spec.push_str(&format!(
            "  /p{i}:\n    get:\n      operationId: op{i}\n      description: {doc}\n      parameters:\n        - {{name: q, in: query, description: {doc}, schema: {{type: string}}}}\n      responses:\n        '200':\n          description: {doc}\n          headers:\n            X-Note: {{description: {doc}, schema: {{type: string}}}}\n          content:\n            application/json:\n              schema:\n                description: {doc}\n                type: object\n                properties:\n                  a: {{type: string}}\n"
        ));
    }
    spec.push_str("components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        a: {type: string}\n");
    // A struct with a field documented by each.
    spec.push_str(
        "    Hard:\n      type: object\n      additionalProperties: true\n      properties:\n",
    );
    for (i, doc) in docs.iter().enumerate() {
        let doc = serde_json::to_string(doc).unwrap();
        spec.push_str(&format!(
            "        f{i}: {{type: string, description: {doc}}}\n"
        ));
    }
    // An enum whose values are documented by themselves.
    let values = serde_json::to_string(&[
        "plain",
        "a \"quote\"",
        "line\nbreak",
        "back`tick",
        "",
        "carriage\rreturn",
        "*/",
    ])
    .unwrap();
    spec.push_str(&format!("    Values: {{type: string, enum: {values}}}\n"));
    // Each body has the shape of `Thing`, so each is an alias of it, with its own docs.
    let mut compared = Compared::default();
    compare(spec.as_bytes(), "hard_docs.yaml", &mut compared);
    assert_eq!(
        (compared.aliases, compared.structs, compared.enums),
        (docs.len(), 2, 1)
    );
    // Components and operations.
    assert_eq!(compared.modules, 2);
    // Each operation's request, response and headers, documented by its doc.
    assert_eq!(
        (compared.requests, compared.responses, compared.headers),
        (docs.len(), docs.len(), docs.len())
    );
}
