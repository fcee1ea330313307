//! `cargo xtask corpus [--config FILE] PATH...`: generates a standalone crate for every spec
//! found (checking that every schedule of the work and every fresh folder gives the same
//! bytes), builds it with clippy `-D warnings`, runs its generated example tests, and prints
//! one row per spec. With `--config`, every crate is generated with that configuration (in
//! folders of their own, `target/corpus-config`), and the determinism check is left to the run
//! without one.

use codegen::sync::{self, Mode};
use codegen::Options;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

pub fn run(parsed: &crate::args::Parsed) -> ExitCode {
    let config = match parsed
        .value("--config")
        .map(crate::codegen_cmd::read_config)
    {
        None => None,
        Some(Ok(config)) => Some(config),
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let args = &parsed.operands;
    let specs = match find_specs(args) {
        Ok(specs) if !specs.is_empty() => specs,
        Ok(_) => {
            eprintln!(
                "error: no .yaml, .yml or .json spec found under {}",
                args.join(" ")
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let root = crate::codegen_cmd::workspace_root();
    let (out_root, target_dir) = match config {
        None => ("target/corpus", "target/corpus-build"),
        Some(_) => ("target/corpus-config", "target/corpus-config-build"),
    };
    let out_root = root.join(out_root);
    // One target directory for all the crates, so their dependencies build once.
    let target_dir = root.join(target_dir);
    let mut failures = 0;
    let mut left_out = Vec::new();
    println!(
        "{:<28} {:>5} {:>6} {:>15} {:>8} {:>8} {:>8}",
        "spec", "ops", "types", "kept/examples", "warnings", "build", "seconds"
    );
    for spec in &specs {
        let started = Instant::now();
        let row = check_spec(spec, config.as_ref(), &out_root, &target_dir);
        let seconds = started.elapsed().as_secs_f64();
        let name = spec.file_name().unwrap_or_default().to_string_lossy();
        match row {
            Ok(row) => {
                // Every example is tested: a round trip for each one kept, a refusal for each
                // one left out.
                let counted = row.tested == row.stats.examples;
                let ok = row.build_ok && row.tests_ok && counted;
                failures += usize::from(!ok);
                let kept = row.stats.examples - row.stats.left_out.len();
                println!(
                    "{:<28} {:>5} {:>6} {:>15} {:>8} {:>8} {:>8.1}",
                    name,
                    row.stats.operations,
                    row.stats.types,
                    format!("{kept}/{}", row.stats.examples),
                    row.warnings,
                    if !row.build_ok {
                        "FAIL"
                    } else if !row.tests_ok {
                        "TESTFAIL"
                    } else if !counted {
                        "COUNT"
                    } else {
                        "ok"
                    },
                    seconds
                );
                for (test, reason) in &row.stats.left_out {
                    left_out.push(format!("{name}: {test}: {reason}"));
                }
                if let Some(log) = row.failure_log {
                    eprintln!("{log}");
                }
            }
            Err(e) => {
                failures += 1;
                println!("{name:<28} generation failed");
                eprintln!("{e}");
            }
        }
    }
    if !left_out.is_empty() {
        println!(
            "\nexamples left out because they contradict their own schema ({}):",
            left_out.len()
        );
        for line in &left_out {
            println!("  {line}");
        }
    }
    if failures > 0 {
        eprintln!("error: {failures} spec(s) failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

struct Row {
    stats: codegen::Stats,
    warnings: usize,
    tested: usize,
    build_ok: bool,
    tests_ok: bool,
    failure_log: Option<String>,
}

fn check_spec(
    spec: &Path,
    config: Option<&codegen::Config>,
    out_root: &Path,
    target_dir: &Path,
) -> Result<Row, String> {
    let crate_name = format!("corpus-{}", crate::codegen_cmd::kebab_stem(spec));
    // Each example left out gets a test that its model refuses it: the examples pass and the
    // models must agree on every example of every spec.
    let options = Options {
        left_out_tests: true,
        ..Options::new(crate_name.clone(), spec.display().to_string())
    };
    let options = match config {
        Some(config) => options.with_config(config.clone()),
        None => options,
    };
    let output = codegen::generate(spec, &options).map_err(|e| e.to_string())?;
    if config.is_none() {
        // The same bytes under every schedule of the work and in fresh folders.
        crate::determinism::check(spec, &out_root.join("determinism").join(&crate_name))?;
    }
    let out = out_root.join(&crate_name);
    sync::sync(&out, &output.files, Mode::Write).map_err(|e| e.to_string())?;
    let cargo = |args: &[&str]| {
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args(args)
            .current_dir(&out)
            .env("CARGO_TARGET_DIR", target_dir)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))
    };
    let clippy = cargo(&["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"])?;
    if !clippy.status.success() {
        return Ok(Row {
            stats: output.stats,
            warnings: output.warnings.len(),
            tested: 0,
            build_ok: false,
            tests_ok: false,
            failure_log: Some(tail(&clippy.stderr, 60)),
        });
    }
    let test = cargo(&["test", "--quiet"])?;
    // The crate's own artifacts are not needed again (the next spec is another crate); only the
    // shared dependencies are worth keeping. Without this the folder grows by hundreds of MiB
    // per spec.
    cargo(&["clean", "--quiet", "-p", &crate_name])?;
    let stdout = String::from_utf8_lossy(&test.stdout);
    let tested = stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("test result: "))
        .filter_map(|l| l.split("; ").find_map(|part| part.strip_suffix(" passed")))
        .filter_map(|n| {
            n.trim_start_matches("ok. ")
                .trim_start_matches("FAILED. ")
                .parse::<usize>()
                .ok()
        })
        .sum();
    Ok(Row {
        stats: output.stats,
        warnings: output.warnings.len(),
        tested,
        build_ok: true,
        tests_ok: test.status.success(),
        failure_log: (!test.status.success()).then(|| tail(&test.stdout, 80)),
    })
}

fn tail(bytes: &[u8], lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Spec files named directly, and those found (sorted) in directories named.
fn find_specs(args: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut specs = Vec::new();
    for arg in args {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut found = Vec::new();
            let mut pending = vec![path];
            while let Some(dir) = pending.pop() {
                let entries =
                    std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                for entry in entries {
                    let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
                    let p = entry.path();
                    if p.is_dir() {
                        pending.push(p);
                    } else if matches!(
                        p.extension().and_then(|e| e.to_str()),
                        Some("yaml" | "yml" | "json")
                    ) {
                        found.push(p);
                    }
                }
            }
            found.sort();
            specs.extend(found);
        } else if path.is_file() {
            specs.push(path);
        } else {
            return Err(format!("{arg}: no such file or directory"));
        }
    }
    Ok(specs)
}
