//! `cargo xtask bench-wide [N...]`: how long `cargo check` takes on a struct of N properties
//! (default 1,000, 5,000 and 20,000), as this generator writes it and as plain serde derive
//! writes the same struct, with the peak memory of the compiler.
//!
//! Each struct has N properties of six kinds in turn (string, int32, boolean, number, array of
//! strings, nullable string), two of them required, and keeps undeclared properties. The
//! derive twin has the same fields, `#[serde(rename, default, skip_serializing_if)]` on each
//! and a flattened map, and derives `Debug, Clone, PartialEq, Default` as the generated struct
//! does.

use codegen::sync::{self, Mode};
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

const KINDS: [(&str, &str); 6] = [
    ("{type: string}", "String"),
    ("{type: integer, format: int32}", "i32"),
    ("{type: boolean}", "bool"),
    ("{type: number}", "f64"),
    ("{type: array, items: {type: string}}", "Vec<String>"),
    ("{type: string, nullable: true}", "Option<String>"),
];

pub fn run(parsed: &crate::args::Parsed) -> ExitCode {
    let args = &parsed.operands;
    // `--probe DIR TARGET`: one timed check in a process of its own, so that the peak memory
    // of its children is this check's alone.
    if parsed.has("--probe") {
        return match args.as_slice() {
            [dir, target] => probe(Path::new(dir), Path::new(target)),
            _ => {
                eprintln!("error: --probe takes DIR and TARGET");
                ExitCode::from(2)
            }
        };
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![1_000, 5_000, 20_000]
    } else {
        match args.iter().map(|a| a.parse()).collect() {
            Ok(sizes) => sizes,
            Err(_) => {
                eprintln!("error: sizes are whole numbers; see `cargo xtask bench-wide --help`");
                return ExitCode::from(2);
            }
        }
    };
    let root = crate::codegen_cmd::workspace_root();
    let scratch = root.join("target/bench-wide");
    // One target directory, so serde and its friends build once, before the timed checks.
    let target = scratch.join("target");
    println!("machine: {}", crate::bench::machine());
    println!("cargo check of one struct, after its dependencies are built; seconds, peak MiB\n");
    println!(
        "{:>10} {:>12} {:>10} {:>12} {:>10}",
        "properties", "generated s", "MiB", "derive s", "MiB"
    );
    for n in sizes {
        let generated = scratch.join(format!("generated-{n}"));
        let derived = scratch.join(format!("derive-{n}"));
        if let Err(e) = write_generated(n, &generated).and_then(|()| write_derived(n, &derived)) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        let mut row = format!("{n:>10}");
        for dir in [&generated, &derived] {
            match timed_check(dir, &target) {
                Ok((seconds, mib)) => {
                    let _ = write!(row, " {seconds:>12.1} {mib:>10}");
                }
                Err(e) => {
                    let _ = write!(row, " {:>23}", e);
                }
            }
        }
        println!("{row}");
    }
    ExitCode::SUCCESS
}

/// The spec of a struct of `n` properties, generated into a standalone crate at `out`.
fn write_generated(n: usize, out: &Path) -> Result<(), String> {
    let mut spec = String::from(
        "openapi: 3.0.3\ninfo: {title: Wide, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Wide:\n      type: object\n      required: [p0, p1]\n      properties:\n",
    );
    for i in 0..n {
        let _ = writeln!(spec, "        p{i}: {}", KINDS[i % KINDS.len()].0);
    }
    let options = codegen::Options::new(format!("wide-{n}"), format!("wide-{n}.yaml"));
    let output =
        codegen::generate_from_bytes(spec.as_bytes(), &options).map_err(|e| e.to_string())?;
    sync::sync(out, &output.files, Mode::Write).map_err(|e| e.to_string())?;
    Ok(())
}

/// The same struct with serde's derive, as a crate at `out`.
fn write_derived(n: usize, out: &Path) -> Result<(), String> {
    let mut lib = String::from(
        "#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]\npub struct Wide {\n",
    );
    for i in 0..n {
        let ty = KINDS[i % KINDS.len()].1;
        if i < 2 {
            let _ = writeln!(lib, "    #[serde(rename = \"p{i}\")]\n    pub p{i}: {ty},");
        } else {
            let _ = writeln!(
                lib,
                "    #[serde(rename = \"p{i}\", default, skip_serializing_if = \"Option::is_none\")]\n    pub p{i}: Option<{ty}>,"
            );
        }
    }
    lib.push_str("    #[serde(flatten)]\n    pub additional_properties: indexmap::IndexMap<String, serde_json::Value>,\n}\n");
    let manifest = format!(
        "[package]\nname = \"derive-{n}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nindexmap = {{ version = \"2\", features = [\"serde\"] }}\n\n[workspace]\n"
    );
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    std::fs::create_dir_all(out.join("src")).map_err(|e| e.to_string())?;
    write(&out.join("Cargo.toml"), &manifest)?;
    write(&out.join("src/lib.rs"), &lib)
}

/// Checks the crate once for its dependencies, then times a check of the crate alone, in a
/// process of its own (see [`probe`]).
fn timed_check(dir: &Path, target: &Path) -> Result<(f64, u64), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let run = Command::new(exe)
        .args(["bench-wide", "--probe"])
        .arg(dir)
        .arg(target)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut words = stdout.split_whitespace();
    match (words.next(), words.next()) {
        (Some(seconds), Some(mib)) if run.status.success() => Ok((
            seconds.parse().map_err(|_| stdout.to_string())?,
            mib.parse().map_err(|_| stdout.to_string())?,
        )),
        _ => Err(stdout.trim().to_owned()),
    }
}

/// Prints the seconds and peak MiB of one `cargo check` of the crate at `dir`, after a check
/// with an empty library that builds its dependencies; or why it failed.
fn probe(dir: &Path, target: &Path) -> ExitCode {
    let check = || {
        Command::new(env!("CARGO"))
            .args(["check", "--quiet", "--lib"])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", target)
            .output()
    };
    let lib = dir.join("src/lib.rs");
    let Ok(real) = std::fs::read_to_string(&lib) else {
        println!("no crate at {}", dir.display());
        return ExitCode::FAILURE;
    };
    let warm = std::fs::write(&lib, "").map(|()| check());
    let restored = std::fs::write(&lib, &real);
    if !matches!(warm, Ok(Ok(ref out)) if out.status.success()) || restored.is_err() {
        println!("dependencies failed");
        return ExitCode::FAILURE;
    }
    let before = peak_child_mib();
    let start = Instant::now();
    let Ok(run) = check() else {
        println!("cargo did not run");
        return ExitCode::FAILURE;
    };
    let seconds = start.elapsed().as_secs_f64();
    if !run.status.success() {
        let stderr = String::from_utf8_lossy(&run.stderr);
        let crashed = stderr.contains("SIGSEGV") || stderr.contains("overflow");
        println!(
            "{}",
            if crashed {
                "rustc-crashed"
            } else {
                "did-not-compile"
            }
        );
        return ExitCode::FAILURE;
    }
    // The warm-up check is a child too; its peak is far below the timed one's.
    println!("{seconds:.2} {}", peak_child_mib().max(before));
    ExitCode::SUCCESS
}

#[cfg(target_os = "linux")]
fn peak_child_mib() -> u64 {
    // SAFETY: getrusage writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024
}

#[cfg(not(target_os = "linux"))]
fn peak_child_mib() -> u64 {
    0
}
