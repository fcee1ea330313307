//! The committed `generated/` crate is exactly what `spec/` generates: a hand edit, a missing
//! file or a stale generated file fails here, as it fails `cargo xtask codegen --check`.

use codegen::sync::Mode;

#[test]
fn generated_crate_matches_the_spec() {
    let root = xtask::codegen_cmd::workspace_root();
    let (output, report) = xtask::codegen_cmd::sync_in_repo(&root, Mode::Check).unwrap();
    let problems: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("generated/{p}"))
        .collect();
    assert!(
        problems.is_empty(),
        "{}\n\ngenerated/ is out of date with {}: run `cargo xtask codegen`",
        problems.join("\n"),
        xtask::codegen_cmd::SPEC
    );
    assert!(
        output.warnings.is_empty(),
        "the project's own spec should generate without warnings: {:?}",
        output.warnings
    );
}
