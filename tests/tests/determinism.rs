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
const SPECS: usize = 103;

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
