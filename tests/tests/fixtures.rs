//! Golden tests: each fixture spec in `tests/fixtures/` generates exactly the crate committed
//! beside it (`tests/fixtures/<name>/`) and exactly the warnings in `<name>.warnings`.
//! `UPDATE_GOLDEN=1 cargo test -p codegen-tests --test fixtures` rewrites them for review.

use codegen::sync::{self, Mode};
use codegen::{Config, Options};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// Fixture spec files, sorted, with their names (file stems).
fn fixture_specs() -> Vec<(String, PathBuf)> {
    let mut specs: Vec<(String, PathBuf)> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            )
        })
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    specs.sort();
    specs
}

/// How many fixture specs there are; adding or losing one must change this.
const FIXTURES: usize = 35;

#[test]
fn every_fixture_generates_its_reviewed_output() {
    let mode = if updating() { Mode::Write } else { Mode::Check };
    let mut failures = Vec::new();
    let specs = fixture_specs();
    assert_eq!(specs.len(), FIXTURES, "fixtures added or lost: {specs:?}");
    for (name, path) in &specs {
        let file = path.file_name().unwrap().to_string_lossy();
        // Each example left out gets a test that its model refuses it, compiled and run with
        // this package.
        // A fixture may have a configuration beside it, `<name>.toml`.
        let config_path = fixtures_dir().join(format!("{name}.toml"));
        let config = match fs::read_to_string(&config_path) {
            Ok(text) => Config::from_toml(&text, &format!("tests/fixtures/{name}.toml")).unwrap(),
            Err(_) => Config::default(),
        };
        let options = Options {
            left_out_tests: true,
            ..Options::new(name.replace('_', "-"), format!("tests/fixtures/{file}"))
        }
        .with_config(config);
        let output = match codegen::generate(path, &options) {
            Ok(output) => output,
            Err(e) => {
                failures.push(format!("{name}: generation failed:\n{e}"));
                continue;
            }
        };
        let report = sync::sync(&fixtures_dir().join(name), &output.files, mode).unwrap();
        for problem in &report.problems {
            failures.push(format!("tests/fixtures/{name}/{problem}"));
        }
        let warnings: String = output.warnings.iter().map(|w| format!("{w}\n")).collect();
        let warnings_path = fixtures_dir().join(format!("{name}.warnings"));
        if mode == Mode::Write {
            fs::write(&warnings_path, &warnings).unwrap();
        } else {
            let Ok(expected) = fs::read_to_string(&warnings_path) else {
                failures.push(format!("tests/fixtures/{name}.warnings is missing"));
                continue;
            };
            if expected != warnings {
                failures.push(format!(
                    "tests/fixtures/{name}.warnings differs:\n--- expected\n{expected}--- actual\n{warnings}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test -p codegen-tests --test fixtures` and review the diff.",
        failures.join("\n")
    );
}

/// An expected output with no fixture spec would never be checked again.
#[test]
fn every_expected_output_has_a_fixture() {
    let names: Vec<String> = fixture_specs().into_iter().map(|(n, _)| n).collect();
    for entry in fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let is_output = path.is_dir() || path.extension().is_some_and(|e| e == "warnings");
        if is_output {
            assert!(
                names.contains(&stem),
                "{} has no fixture spec {stem}.yaml",
                path.display()
            );
        }
    }
}

/// Every expected output is compiled (and linted) as a module of this package's library; a
/// fixture missing from `src/lib.rs` would be compared but never compiled.
#[test]
fn every_expected_output_is_compiled() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for (name, _) in fixture_specs() {
        let line = format!("#[path = \"../fixtures/{name}/src/lib.rs\"]");
        assert!(
            lib.contains(&line),
            "add `{line} pub mod {name};` to tests/src/lib.rs"
        );
    }
}
