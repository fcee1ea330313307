//! The floor under generation: serde parsing a spec's text straight into `openapiv3` types,
//! with no checks, repairs or positions, beside the whole in-process generation of the same
//! spec. The issue that asked for speed sets the whole run at most 2.5x this floor.
//!
//! `cargo bench -p codegen-tests --bench parse_floor -- SPEC...` (paths relative to the
//! workspace root) prints the medians of 7 runs of each. It lives here rather than in
//! `cargo xtask bench` because the bare parse instantiates serde's deserializers for the whole
//! `openapiv3` type tree twice more, which would add seconds to every first build of the xtask.

use std::path::Path;
use xtask::bench::median_time;

const RUNS: usize = 7;

/// The allocator and memory settings of `cargo xtask`, so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bare(text: &str) -> Result<openapiv3::OpenAPI, String> {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        serde_yaml::from_str(text).map_err(|e| e.to_string())
    }
}

fn main() {
    xtask::tune_memory();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let specs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if specs.is_empty() {
        eprintln!("usage: cargo bench -p codegen-tests --bench parse_floor -- SPEC...");
        return;
    }
    println!("medians of {RUNS} runs");
    println!(
        "{:<34} {:>10} {:>12} {:>8}",
        "spec", "bare parse", "generation", "ratio"
    );
    for spec in specs {
        let text = std::fs::read_to_string(root.join(&spec)).expect("a readable spec");
        if let Err(e) = bare(&text) {
            println!("{spec}: the bare parse fails ({e}); no floor to compare with");
            continue;
        }
        let options = codegen::Options::new("floor".to_owned(), spec.clone());
        let floor = median_time(RUNS, || bare(&text));
        // The pages are written when sync asks for them; here every one is written, so that
        // the figure is the whole generation.
        let whole = median_time(RUNS, || {
            let output = codegen::generate_from_bytes(text.as_bytes(), &options).ok()?;
            let files = &output.files;
            let bytes: usize = (0..files.len())
                .map(|i| codegen::FileSet::contents(files, i).len())
                .sum();
            Some(bytes)
        });
        let name = Path::new(&spec)
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        println!(
            "{name:<34} {:>8.1}ms {:>10.1}ms {:>7.1}x",
            floor.as_secs_f64() * 1000.0,
            whole.as_secs_f64() * 1000.0,
            whole.as_secs_f64() / floor.as_secs_f64()
        );
    }
}
