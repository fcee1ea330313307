//! What every fuzz target checks: generation never panics (libFuzzer reports any panic), and
//! every file it produces is valid Rust (the generator parses each file with `syn` and reports an
//! `Internal` error otherwise, which is a generator bug).

pub fn run(data: &[u8]) {
    let options = codegen::Options::new("fuzz".to_owned(), "fuzz.yaml".to_owned());
    if let Err(errors) = codegen::generate_from_bytes(data, &options) {
        for d in &errors.0 {
            assert!(d.kind != codegen::Kind::Internal, "generator bug: {d}");
        }
    }
}
