//! The `cargo xtask codegen` command end to end, on a scratch directory.

mod common;

use common::snapshot;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

const SPEC: &str = "openapi: 3.0.3
info: {title: Cli, version: 1.0.0}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  mode: {type: string, enum: [x, y]}
";

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xtask-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("spec.yaml"), SPEC).unwrap();
        Scratch(dir)
    }

    fn codegen(&self, extra: &[&str]) -> Output {
        let mut args = vec!["codegen", "--spec", "spec.yaml", "--out", "out"];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(&args)
            .current_dir(&self.0)
            .output()
            .unwrap()
    }

    fn out(&self) -> PathBuf {
        self.0.join("out")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn second_run_writes_nothing_and_check_passes() {
    let s = Scratch::new("rerun");
    let first = s.codegen(&[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(s.out().join("src/models/operations/mode.rs").exists());
    let before = snapshot(&s.out());
    let second = s.codegen(&[]);
    assert!(
        text(&second.stdout).contains("0 written, 0 deleted"),
        "{}",
        text(&second.stdout)
    );
    assert_eq!(snapshot(&s.out()), before);
    assert!(s.codegen(&["--check"]).status.success());
}

#[test]
fn check_fails_on_a_hand_edit_and_on_a_stale_file_naming_each() {
    let s = Scratch::new("check");
    assert!(s.codegen(&[]).status.success());
    let edited = s.out().join("src/models/operations/mode.rs");
    let mut body = fs::read_to_string(&edited).unwrap();
    body.push_str("// a hand edit\n");
    fs::write(&edited, body).unwrap();
    let stale = s.out().join("src/models/operations/old_type.rs");
    fs::write(
        &stale,
        fs::read_to_string(s.out().join("src/lib.rs")).unwrap(),
    )
    .unwrap();
    let before = snapshot(&s.out());

    let check = s.codegen(&["--check"]);
    let stderr = text(&check.stderr);
    assert!(!check.status.success());
    assert!(
        stderr.contains("out/src/models/operations/mode.rs: out of date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("+// a hand edit") || stderr.contains("-// a hand edit"),
        "{stderr}"
    );
    assert!(
        stderr.contains("out/src/models/operations/old_type.rs: stale"),
        "{stderr}"
    );
    assert!(
        stderr.contains("cargo xtask codegen --spec spec.yaml --out out"),
        "{stderr}"
    );
    assert_eq!(snapshot(&s.out()), before, "--check wrote something");

    assert!(s.codegen(&[]).status.success());
    assert!(!stale.exists());
    assert!(s.codegen(&["--check"]).status.success());
}

#[test]
fn files_without_the_header_are_never_touched() {
    let s = Scratch::new("foreign");
    fs::create_dir_all(s.out().join("src")).unwrap();
    fs::write(s.out().join("src/lib.rs"), "// mine\n").unwrap();
    fs::write(s.out().join("notes.txt"), "keep me\n").unwrap();
    let run = s.codegen(&[]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("src/lib.rs"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        fs::read_to_string(s.out().join("src/lib.rs")).unwrap(),
        "// mine\n"
    );
    assert!(
        !s.out().join("Cargo.toml").exists(),
        "nothing is written when a target is foreign"
    );
}

#[test]
fn a_bad_spec_is_reported_with_its_place_and_nothing_is_written() {
    let s = Scratch::new("bad");
    assert!(s.codegen(&[]).status.success());
    let before = snapshot(&s.out());
    fs::write(
        s.0.join("spec.yaml"),
        SPEC.replace("type: object", "type: object\n                required: 7"),
    )
    .unwrap();
    let run = s.codegen(&[]);
    let stderr = text(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.starts_with("spec.yaml:14:17: error: "), "{stderr}");
    assert!(
        stderr.contains(
            "(at #/paths/~1a/get/responses/200/content/application~1json/schema/required)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(snapshot(&s.out()), before);
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn help_prints_the_usage_and_exits_0_for_the_tool_and_each_command() {
    let commands = [
        "codegen",
        "corpus",
        "bench",
        "bench-wide",
        "bench-crate",
        "seed-check",
    ];
    let mut checked = 0;
    for flag in ["--help", "-h"] {
        let run = xtask(&[flag]);
        assert_eq!(run.status.code(), Some(0), "{flag}");
        assert!(text(&run.stdout).starts_with("usage: cargo xtask <command>"));
        for command in commands {
            let run = xtask(&[command, flag]);
            assert_eq!(run.status.code(), Some(0), "{command} {flag}");
            let usage = text(&run.stdout);
            assert!(
                usage.starts_with(&format!("usage: cargo xtask {command}")),
                "{command} {flag}: {usage}"
            );
            assert!(run.stderr.is_empty(), "{command} {flag}");
            checked += 1;
        }
    }
    assert_eq!(checked, 12);
    let run = xtask(&["help"]);
    assert_eq!(run.status.code(), Some(0));
}

#[test]
fn unknown_flags_exit_2_with_the_usage_of_their_command() {
    for (command, flag) in [
        ("codegen", "--bogus"),
        ("corpus", "--fast"),
        ("bench", "--slow"),
        ("seed-check", "-x"),
        ("bench-crate", "--rounds"),
    ] {
        let run = xtask(&[command, flag]);
        assert_eq!(run.status.code(), Some(2), "{command} {flag}");
        let stderr = text(&run.stderr);
        assert!(
            stderr.contains(&format!("unknown argument `{flag}`")),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("usage: cargo xtask {command}")),
            "{stderr}"
        );
    }
    let run = xtask(&["frobnicate"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("unknown command `frobnicate`"));
}

#[test]
fn usage_errors_exit_with_status_2() {
    let run = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("unknown argument `--bogus`"));
    // No spec to build, and a round count that is not a count.
    let run = xtask(&["bench-crate"]);
    assert_eq!(run.status.code(), Some(2));
    let run = xtask(&["bench-crate", "--runs", "0", "spec/authlete-ciba.yaml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("--runs takes a whole number above 0"));
}

/// `cargo xtask codegen` without `--spec` reads `spec/codegen.toml` where there is one: the
/// in-repo crate can be configured like any other, and a bad file is refused at its place.
#[test]
fn the_in_repo_crate_takes_the_configuration_beside_its_spec() {
    use codegen::sync::Mode;
    use xtask::codegen_cmd::{sync_in_repo, CONFIG, OUT, SPEC as SPEC_PATH};
    let scratch = Scratch::new("in-repo");
    let root = &scratch.0;
    fs::create_dir_all(root.join("spec")).unwrap();
    fs::write(root.join(SPEC_PATH), SPEC).unwrap();
    // Without a configuration: the crate's own name.
    let (output, _) = sync_in_repo(root, Mode::Write).unwrap();
    let manifest = output.files.find("Cargo.toml").unwrap().contents;
    assert!(
        manifest.contains("name = \"authlete-models\""),
        "{manifest}"
    );
    fs::write(
        root.join(CONFIG),
        "crate-name = \"configured\"\n[types.GetAResponseBody]\nrename = \"Reply\"\n",
    )
    .unwrap();
    let (output, report) = sync_in_repo(root, Mode::Write).unwrap();
    let manifest = output.files.find("Cargo.toml").unwrap().contents;
    assert!(manifest.contains("name = \"configured\""), "{manifest}");
    assert!(report
        .written
        .iter()
        .any(|path| path.ends_with("operations/reply.rs")));
    assert!(root
        .join(OUT)
        .join("src/models/operations/reply.rs")
        .is_file());
    fs::write(root.join(CONFIG), "[formats]\ndate = \"sundial\"\n").unwrap();
    let error = sync_in_repo(root, Mode::Write).unwrap_err();
    assert!(error.contains("spec/codegen.toml:2:8"), "{error}");
}
