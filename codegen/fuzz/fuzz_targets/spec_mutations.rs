//! Real specs changed a little: the fuzzer's bytes pick a fixture and drive a few edits to its
//! document (see `mutations.rs`). Besides what every target checks, a refused spec's every
//! error names its place (a line and column, or a pointer).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The fixtures' documents, read once.
fn fixtures() -> &'static [serde_json::Value] {
    static FIXTURES: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        mutations::documents_in(std::path::Path::new(dir))
    })
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.iter().copied();
    let mut next = || bytes.next().unwrap_or(0);
    let mut choices = mutations::Choices(&mut next);
    let fixtures = fixtures();
    let mut document = fixtures[choices.below(fixtures.len())].clone();
    mutations::mutate(&mut document, &mut choices);
    let text = serde_json::to_vec_pretty(&document).unwrap();
    if let Err(errors) = codegen_fuzz_common::run(&text) {
        for d in errors {
            assert!(d.line_col.is_some() || d.pointer.is_some(), "no place: {d}");
        }
    }
});

#[path = "../common.rs"]
mod codegen_fuzz_common;
#[path = "../mutations.rs"]
mod mutations;
