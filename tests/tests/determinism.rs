//! Output is a function of the input bytes and the options only: every spec of this repository
//! (the fixtures, the hostile specs that must generate and those that must be rejected, and
//! `spec/`) gives the same files, warnings and errors under every schedule of the work, and the
//! same tree in two fresh folders. CI runs the same check over every shared spec
//! (`cargo xtask corpus`).

use std::path::{Path, PathBuf};

fn specs_in(dir: &Path) -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            )
        })
        .collect();
    specs.sort();
    specs
}

/// How many specs the check covers; adding or losing one must change this.
const SPECS: usize = 100;

#[test]
fn every_spec_gives_the_same_bytes_under_every_schedule_and_in_fresh_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut specs = Vec::new();
    for dir in ["fixtures", "hostile/accept", "hostile/reject", "../spec"] {
        specs.extend(specs_in(&root.join(dir)));
    }
    let scratch = root.join("../target/determinism-test");
    let mut failures = Vec::new();
    for spec in &specs {
        match xtask::determinism::check(spec, &scratch) {
            Ok(count) => assert!(count > 0, "{}: nothing generated", spec.display()),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(specs.len(), SPECS, "specs added or lost");
}

/// How many of those specs are YAML that the fast YAML reader reads itself (the others are
/// JSON, or YAML it leaves to `serde_yaml`: here, texts with an error).
const READ_FAST: usize = 88;

#[test]
fn the_fast_yaml_reader_reads_the_yaml_specs_as_serde_yaml_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read_fast = 0;
    let mut specs = 0;
    for dir in ["fixtures", "hostile/accept", "hostile/reject", "../spec"] {
        for spec in specs_in(&root.join(dir)) {
            let bytes = std::fs::read(&spec).unwrap();
            let label = spec.display().to_string();
            read_fast += usize::from(codegen::load::check_fast_yaml(&bytes, &label).unwrap());
            specs += 1;
        }
    }
    assert_eq!(specs, SPECS, "specs added or lost");
    assert_eq!(read_fast, READ_FAST);
}
