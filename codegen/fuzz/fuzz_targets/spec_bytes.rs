//! Arbitrary bytes, mutated from the fixtures and specs in the seed corpus, as a spec.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A refused spec is fine; what it must not do is checked inside.
    let _ = codegen_fuzz_common::run(data);
});

#[path = "../common.rs"]
mod codegen_fuzz_common;
