//! The same spec gives the same bytes: generated under several schedules (one worker, several,
//! the pieces taken in other orders) and written into fresh folders, every run must agree with
//! the first, file for file and byte for byte, warnings and errors included. And the loader's
//! shortcut converts the spec to exactly what the plain conversion gives.

use codegen::sync::{self, Mode};
use codegen::{Options, Order, Schedule};
use std::path::Path;

/// The schedules every spec is generated under: the default first, then others that share
/// the work out differently.
pub const SCHEDULES: [Schedule; 4] = [
    Schedule {
        workers: None,
        order: Order::Forward,
    },
    Schedule {
        workers: Some(1),
        order: Order::Forward,
    },
    Schedule {
        workers: Some(2),
        order: Order::Reverse,
    },
    Schedule {
        workers: Some(3),
        order: Order::Interleaved,
    },
];

/// Generates `spec` under every schedule of [`SCHEDULES`], and writes the first result into two
/// fresh folders under `scratch`, comparing everything with the first run. Returns how many
/// files (or errors, for a spec that is rejected) each run gave.
pub fn check(spec: &Path, scratch: &Path) -> Result<usize, String> {
    let label = spec.display().to_string();
    // The shortcut of loading (schemas converted one level at a time) gives what converting the
    // document whole gives.
    let bytes = std::fs::read(spec).map_err(|e| format!("cannot read {label}: {e}"))?;
    codegen::load::check_fast_conversion(&bytes, &label)?;
    let runs: Vec<String> = SCHEDULES
        .iter()
        .map(|&schedule| {
            let options = Options {
                schedule,
                ..Options::new("determinism", label.clone())
            };
            describe(codegen::generate(spec, &options))
        })
        .collect();
    for (schedule, run) in SCHEDULES.iter().zip(&runs).skip(1) {
        if *run != runs[0] {
            return Err(format!(
                "{label}: the output under {schedule:?} differs from the default schedule's:\n{}",
                first_difference(&runs[0], run)
            ));
        }
    }
    let options = Options::new("determinism", label.clone());
    let output = match codegen::generate(spec, &options) {
        Ok(output) => output,
        // Rejected the same way every time (above): there is nothing to write.
        Err(errors) => return Ok(errors.0.len()),
    };
    let mut trees = Vec::new();
    for fresh in ["a", "b"] {
        let dir = scratch.join(fresh);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        sync::sync(&dir, &output.files, Mode::Write).map_err(|e| e.to_string())?;
        trees.push(read_tree(&dir)?);
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    if trees[0] != trees[1] {
        return Err(format!("{label}: two fresh folders differ"));
    }
    let written: Vec<(String, Vec<u8>)> = output
        .files
        .iter()
        .map(|f| (f.path.clone(), f.contents.clone().into_bytes()))
        .collect();
    let mut sorted = written.clone();
    sorted.sort();
    if trees[0] != sorted {
        return Err(format!(
            "{label}: the folder written differs from the files generated"
        ));
    }
    Ok(output.files.len())
}

/// A run as text: every file with its bytes, then the warnings, or the errors.
fn describe(result: Result<codegen::Output, codegen::Errors>) -> String {
    match result {
        Ok(output) => {
            let mut text = String::new();
            for file in output.files.iter() {
                text.push_str(&format!("=== {}\n{}\n", file.path, file.contents));
            }
            for warning in &output.warnings {
                text.push_str(&format!("warning: {warning}\n"));
            }
            text
        }
        Err(errors) => format!("rejected:\n{errors}"),
    }
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()));
    let show = |text: &str| text.lines().nth(line).unwrap_or("<end>").to_owned();
    format!(
        "line {}:\n  first: {}\n  then:  {}",
        line + 1,
        show(a),
        show(b)
    )
}

/// Every file under `dir`, by relative path with `/`, with its bytes, sorted.
fn read_tree(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        let entries =
            std::fs::read_dir(&current).map_err(|e| format!("{}: {e}", current.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .map_err(|e| e.to_string())?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                files.push((relative, bytes));
            }
        }
    }
    files.sort();
    Ok(files)
}
