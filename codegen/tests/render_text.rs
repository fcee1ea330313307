//! Render edits printed text in one way only: it adds blank lines where a person puts them
//! (between items, after the imports), which the printer does not. That step is exact as long
//! as every blank line it adds falls between tokens, never inside a literal; this holds it to
//! that on every Rust file of the committed crate and of every fixture crate (which the golden
//! tests keep equal to what the generator writes).

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn tokens(text: &str, path: &Path) -> String {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut stream = TokenStream::new();
    file.to_tokens(&mut stream);
    stream.to_string()
}

#[test]
fn blank_lines_of_generated_rust_lie_between_tokens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut crates = vec![root.join("generated/src")];
    let fixtures = root.join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("src").is_dir())
        .collect();
    names.sort();
    crates.extend(names.into_iter().map(|path| path.join("src")));
    let mut files = Vec::new();
    for dir in &crates {
        rust_files(dir, &mut files);
    }
    let mut spaced = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let packed: String = text
            .split_inclusive('\n')
            .filter(|line| !line.trim().is_empty())
            .collect();
        if packed.len() == text.len() {
            continue;
        }
        spaced += 1;
        assert_eq!(
            tokens(&text, path),
            tokens(&packed, path),
            "{}: a blank line changes a token",
            path.display()
        );
    }
    // The committed crate and the fixtures: thousands of files, nearly all with blank lines.
    assert!(crates.len() > 30, "{crates:?}");
    assert!(spaced > 1000, "only {spaced} of {} files", files.len());
}
