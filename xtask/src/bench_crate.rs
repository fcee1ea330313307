//! `cargo xtask bench-crate [--runs N] SPEC...`: how long the crate generated from each spec
//! takes to build, in debug, once its dependencies are built: from scratch (`cargo clean -p`
//! of the crate alone, then `cargo build`) and after a touch of `src/lib.rs` (incremental, as a
//! user's edit-build loop sees it). Rounds alternate the two; the table gives the median and
//! the range of each.

use codegen::sync::{self, Mode};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

pub fn run(parsed: &crate::args::Parsed) -> ExitCode {
    let runs = match parsed.value("--runs").map(str::parse::<usize>) {
        None => 3,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("error: --runs takes a whole number above 0");
            return ExitCode::from(2);
        }
    };
    let root = crate::codegen_cmd::workspace_root();
    let scratch = root.join("target/bench-crate");
    println!("machine: {}", crate::bench::machine());
    println!("cargo build (debug) of the generated crate after its dependencies; {runs} rounds, median (range)\n");
    println!(
        "{:<32} {:>6} {:>26} {:>26}",
        "spec", "files", "from scratch", "after a touch"
    );
    let mut failed = false;
    for spec in &parsed.operands {
        let spec = Path::new(spec);
        match measure(spec, &scratch, runs) {
            Ok(row) => println!("{row}"),
            Err(e) => {
                eprintln!("error: {}: {e}", spec.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Generates the crate of `spec` under `scratch`, builds its dependencies, then times `runs`
/// rounds of a build from scratch and a build after a touch; the table row.
fn measure(spec: &Path, scratch: &Path, runs: usize) -> Result<String, String> {
    let stem = spec.file_stem().unwrap_or_default().to_string_lossy();
    let crate_name = format!("bench-{}", crate::codegen_cmd::kebab_stem(spec));
    let options = codegen::Options::new(crate_name.clone(), spec.display().to_string());
    let output = codegen::generate(spec, &options).map_err(|e| e.to_string())?;
    let out = scratch.join(&crate_name);
    sync::sync(&out, &output.files, Mode::Write).map_err(|e| e.to_string())?;
    // Each crate its own target folder: the dependencies build once, before the first round,
    // and no other crate's artifacts are there to be cleaned or reused.
    let target = scratch.join("target").join(&crate_name);
    let cargo = |args: &[&str]| -> Result<Duration, String> {
        let start = Instant::now();
        let run = Command::new(env!("CARGO"))
            .args(args)
            .current_dir(&out)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !run.status.success() {
            let stderr = String::from_utf8_lossy(&run.stderr);
            return Err(format!("cargo {} failed:\n{stderr}", args.join(" ")));
        }
        Ok(start.elapsed())
    };
    cargo(&["build", "--quiet"])?;
    let lib = out.join("src/lib.rs");
    let (mut fresh, mut touched) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        cargo(&["clean", "--quiet", "-p", &crate_name])?;
        fresh.push(cargo(&["build", "--quiet"])?);
        touch(&lib)?;
        touched.push(cargo(&["build", "--quiet"])?);
    }
    let files = output
        .files
        .iter()
        .filter(|f| f.path.ends_with(".rs"))
        .count();
    let name = stem.chars().take(32).collect::<String>();
    Ok(format!(
        "{name:<32} {files:>6} {:>26} {:>26}",
        summary(&mut fresh),
        summary(&mut touched)
    ))
}

/// Sets the file's modification time to now, as `touch` does, so cargo rebuilds the crate.
fn touch(path: &Path) -> Result<(), String> {
    let file = std::fs::File::options()
        .append(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.set_modified(std::time::SystemTime::now())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `7.33 s (7.18-7.41)`.
fn summary(samples: &mut [Duration]) -> String {
    // `median` sorts the samples, so the range is their ends.
    let median = crate::bench::median(samples).as_secs_f64();
    let low = samples.first().map_or(0.0, Duration::as_secs_f64);
    let high = samples.last().map_or(0.0, Duration::as_secs_f64);
    format!("{median:.2} s ({low:.2}-{high:.2})")
}
