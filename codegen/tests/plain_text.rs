//! Files written as plain text (aliases of named types, modules' `mod.rs`) must be exactly what rendering their
//! tokens gives: checked for every such file of every fixture and accepted hostile spec, and of
//! a spec whose descriptions hold what doc comments find hard.

use codegen::{emit, lower, passes, render};
use std::path::Path;

/// Compares the two ways for every file of the spec; returns how many were plain text.
fn compare(bytes: &[u8], label: &str) -> usize {
    let Ok(loaded) = codegen::load::load_bytes(bytes, label) else {
        return 0;
    };
    let Ok((mut space, _)) = lower::lower(&loaded.spec, label) else {
        return 0;
    };
    passes::run(&mut space, label);
    let mut plain = 0;
    for job in emit::plan(&space) {
        // The support module is source text by design, comments included; its tokens would
        // print without them. Its own test parses it.
        if job == emit::FileJob::Support {
            continue;
        }
        if let Some(fast) = emit::plain_text(&space, job, label) {
            let slow = render::render_rust(emit::emit_file(&space, job), label).unwrap();
            assert_eq!(fast.path, slow.path);
            assert_eq!(fast.contents, slow.contents, "{label}: {}", fast.path);
            plain += 1;
        }
    }
    plain
}

#[test]
fn plain_text_files_equal_rendered_ones_in_every_test_spec() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut plain = 0;
    for dir in ["fixtures", "hostile/accept"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            ) {
                plain += compare(&std::fs::read(&path).unwrap(), &path.to_string_lossy());
            }
        }
    }
    assert!(plain >= 20, "only {plain} plain-text files");
}

#[test]
fn plain_text_files_equal_rendered_ones_for_hard_docs() {
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
            "  /p{i}:\n    get:\n      operationId: op{i}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                description: {doc}\n                type: object\n                properties:\n                  a: {{type: string}}\n"
        ));
    }
    spec.push_str("components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        a: {type: string}\n");
    // An alias per description, and the `mod.rs` of both modules.
    assert_eq!(compare(spec.as_bytes(), "hard_docs.yaml"), docs.len() + 2);
}
