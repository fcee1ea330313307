//! Structure-aware: the fuzzer's bytes drive a grammar of OpenAPI documents (paths, bodies,
//! nested schemas with every keyword the generator reads, awkward names), so mutations explore
//! specs that get past the parser.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.iter().copied();
    let spec = grammar::spec(&mut || bytes.next().unwrap_or(0));
    let _ = codegen_fuzz_common::run(spec.to_string().as_bytes());
});

#[path = "../common.rs"]
mod codegen_fuzz_common;
#[path = "../grammar.rs"]
mod grammar;
