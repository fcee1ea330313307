//! The bad-input suite: every spec in `tests/hostile/reject` must fail with one clear message
//! that names the file and the place, leave the output folder byte for byte as it was, and never
//! panic; every spec in `tests/hostile/accept` is odd but valid and must generate, with the
//! warnings it expects. A few inputs too large to commit are built here.

mod common;

use common::snapshot;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile")
}

struct Case {
    file: String,
    message: String,
    place: String,
}

/// The cases of `EXPECT.tsv`, after checking that they and the spec files beside it are the
/// same set, and that there are exactly `count` of them: a case can neither go unchecked nor
/// be lost without the suite failing.
fn cases(kind: &str, count: usize) -> Vec<Case> {
    let dir = hostile_dir().join(kind);
    let text = fs::read_to_string(dir.join("EXPECT.tsv")).unwrap();
    let cases: Vec<Case> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('\t');
            let mut next = || parts.next().unwrap_or_default().to_owned();
            Case {
                file: next(),
                message: next(),
                place: next(),
            }
        })
        .collect();
    let mut listed: Vec<&str> = cases.iter().map(|c| c.file.as_str()).collect();
    listed.sort_unstable();
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "EXPECT.tsv")
        .collect();
    on_disk.sort_unstable();
    assert_eq!(
        listed, on_disk,
        "tests/hostile/{kind}: every spec needs a line in EXPECT.tsv, and every line its spec"
    );
    assert_eq!(
        cases.len(),
        count,
        "tests/hostile/{kind}: the number of cases changed"
    );
    cases
}

/// The binary the large inputs run against: the optimised xtask, built here if it is out of
/// date (a no-op when `cargo xtask` has run), since a debug build takes ten times as long.
fn optimised_xtask() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--profile", "xtask", "-p", "xtask"])
        .current_dir(&root)
        .status()
        .unwrap();
    assert!(status.success(), "building the optimised xtask failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    target
        .join("xtask")
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX))
}

/// A scratch directory holding the case and an output folder that already has a generated
/// crate and a hand-written file in it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("hostile-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let good = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {x: {type: string, enum: [p, q]}}}\n";
        fs::write(dir.join("good.yaml"), good).unwrap();
        let s = Scratch(dir);
        assert!(s.run("good.yaml").status.success());
        fs::write(s.0.join("out/NOTES.md"), "hand-written\n").unwrap();
        s
    }

    fn run(&self, spec: &str) -> Output {
        self.run_with(Path::new(env!("CARGO_BIN_EXE_xtask")), spec)
    }

    fn run_with(&self, xtask: &Path, spec: &str) -> Output {
        Command::new(xtask)
            .args([
                "codegen", "--spec", spec, "--out", "out", "--name", "hostile",
            ])
            .current_dir(&self.0)
            .output()
            .unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs one rejected input and returns what is wrong with the run, if anything.
fn check_rejected(name: &str, bytes: &[u8], message: &str, place: &str) -> Option<String> {
    let s = Scratch::new(name);
    fs::write(s.0.join(name), bytes).unwrap();
    let before = snapshot(&s.0.join("out"));
    let run = s.run(name);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let mut problems = Vec::new();
    if run.status.code() != Some(1) {
        problems.push(format!("exit status {:?}, expected 1", run.status.code()));
    }
    if stderr.contains("panicked") {
        problems.push("it panicked".to_owned());
    }
    if !stderr.starts_with(&format!("{name}:")) {
        problems.push("the first line does not start with the file name".to_owned());
    }
    if !stderr.contains(message) {
        problems.push(format!("the message lacks {message:?}"));
    }
    if !stderr.contains(place) {
        problems.push(format!("the message does not name the place {place:?}"));
    }
    if snapshot(&s.0.join("out")) != before {
        problems.push("the output folder changed".to_owned());
    }
    (!problems.is_empty())
        .then(|| format!("{name}: {}\n--- stderr:\n{stderr}", problems.join("; ")))
}

/// How many specs each folder holds; a case added or lost must change these.
const REJECTED_CASES: usize = 43;
const ACCEPTED_CASES: usize = 24;

#[test]
fn rejected_inputs_fail_clearly_and_change_nothing() {
    let cases = cases("reject", REJECTED_CASES);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let bytes = fs::read(hostile_dir().join("reject").join(&c.file)).unwrap();
            check_rejected(&c.file, &bytes, &c.message, &c.place)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn odd_but_valid_inputs_generate_with_the_expected_warnings() {
    let cases = cases("accept", ACCEPTED_CASES);
    let mut failures = Vec::new();
    for c in &cases {
        let s = Scratch::new(&c.file);
        fs::copy(
            hostile_dir().join("accept").join(&c.file),
            s.0.join(&c.file),
        )
        .unwrap();
        let run = s.run(&c.file);
        let stderr = String::from_utf8_lossy(&run.stderr);
        // An empty message cell means the spec must generate without a single warning.
        let warnings_as_expected = if c.message.is_empty() {
            !stderr.contains(": warning:")
        } else {
            stderr.contains(&c.message) && stderr.contains(&c.place)
        };
        let ok = run.status.success() && !stderr.contains("panicked") && warnings_as_expected;
        if !ok {
            failures.push(format!(
                "{}: status {:?}\n{stderr}",
                c.file,
                run.status.code()
            ));
        }
        assert_eq!(
            fs::read_to_string(s.0.join("out/NOTES.md")).unwrap(),
            "hand-written\n"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn nesting_ten_thousand_levels_deep_is_rejected() {
    let n = 10_000;
    let flow = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    A: {}{{type: string}}{}\n",
        "{type: object, properties: {a: ".repeat(n),
        "}}".repeat(n)
    );
    let problem = check_rejected(
        "deep_flow.yaml",
        flow.as_bytes(),
        "nest deeper than 128 levels",
        ":6:",
    );
    assert!(problem.is_none(), "{}", problem.unwrap_or_default());
    let json = format!(
        "{{\"openapi\": \"3.0.3\", \"x\": {}1{}}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    let problem = check_rejected(
        "deep.json",
        json.as_bytes(),
        "nest deeper than 128 levels",
        ":1:",
    );
    assert!(problem.is_none(), "{}", problem.unwrap_or_default());
}

#[test]
fn a_yaml_alias_bomb_is_rejected() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let problem = check_rejected(
        "laughs.yaml",
        text.as_bytes(),
        "repetition limit",
        "laughs.yaml: error",
    );
    assert!(problem.is_none(), "{}", problem.unwrap_or_default());
}

#[test]
fn a_fifty_megabyte_spec_generates() {
    // Fifty megabytes of operations would take the generator several seconds per 15 MB, so the
    // bulk here is what real large specs carry in bulk: long descriptions.
    let paragraph = "This sentence repeats to make the description long. ".repeat(20);
    let mut text = String::from("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n");
    let mut i = 0;
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&format!(
            "  /p{i}:\n    get:\n      operationId: op{i}\n      description: \"{paragraph}\"\n      responses:\n        '200':\n          description: \"{paragraph}\"\n          content:\n            application/json:\n              schema: {{type: object, properties: {{a: {{type: string}}}}}}\n"
        ));
        i += 1;
    }
    let s = Scratch::new("big");
    fs::write(s.0.join("big.yaml"), &text).unwrap();
    let run = s.run_with(&optimised_xtask(), "big.yaml");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(s
        .0
        .join(format!(
            "out/src/models/operations/op{}_response_body.rs",
            i - 1
        ))
        .exists());
}
