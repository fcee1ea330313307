//! What every fuzz target checks: generation never panics (libFuzzer reports any panic), every
//! file it produces can be made (the Markdown pages are made when asked for, so each is asked
//! for here), and every file is valid Rust (the generator parses each file with `syn` and
//! reports an `Internal` error otherwise, which is a generator bug).

use codegen::FileSet;

/// Generates `data` as a spec; the errors, if it is refused.
pub fn run(data: &[u8]) -> Result<(), Vec<codegen::Diagnostic>> {
    let options = codegen::Options::new("fuzz".to_owned(), "fuzz.yaml".to_owned());
    match codegen::generate_from_bytes(data, &options) {
        Ok(output) => {
            for i in 0..output.files.len() {
                drop(output.files.contents(i));
            }
            Ok(())
        }
        Err(errors) => {
            for d in &errors.0 {
                assert!(d.kind != codegen::Kind::Internal, "generator bug: {d}");
            }
            Err(errors.0)
        }
    }
}
