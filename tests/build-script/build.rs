//! Generates the models of `shelter.yaml` into `OUT_DIR` on every build that changes it.

fn main() {
    println!("cargo:rerun-if-changed=shelter.yaml");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let options = codegen::Options::new("shelter", "shelter.yaml");
    match codegen::embed::module(
        "shelter.yaml".as_ref(),
        out_dir.as_ref(),
        "shelter",
        &options,
    ) {
        Ok(warnings) => {
            for warning in warnings {
                println!("cargo:warning={warning}");
            }
        }
        Err(e) => panic!("{e}"),
    }
}
