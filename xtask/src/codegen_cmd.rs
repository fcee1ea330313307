//! `cargo xtask codegen`: regenerate (or check) `generated/` from `spec/`, or any spec into any
//! directory.

use crate::args;
use codegen::sync::{self, Mode};
use codegen::Options;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The in-repo spec and crate, relative to the workspace root.
pub const SPEC: &str = "spec/authlete-ciba.yaml";
pub const OUT: &str = "generated";
pub const CRATE_NAME: &str = "authlete-models";
/// The in-repo crate's configuration, where it needs one (the same keys as `--config`).
pub const CONFIG: &str = "spec/codegen.toml";

/// The options that turn `spec/` into `generated/`: the configuration in [`CONFIG`] where
/// there is one under `root`, else none.
pub fn in_repo_options(root: &Path) -> Result<Options, codegen::Errors> {
    let config = match std::fs::read_to_string(root.join(CONFIG)) {
        Ok(text) => codegen::Config::from_toml(&text, CONFIG)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => codegen::Config::default(),
        Err(e) => {
            return Err(codegen::Errors::one(codegen::Diagnostic::error(
                codegen::Kind::Io,
                CONFIG,
                e.to_string(),
            )))
        }
    };
    let name = config.crate_name.clone();
    let options = Options {
        standalone: false,
        ..Options::new(name.as_deref().unwrap_or(CRATE_NAME), SPEC)
    };
    Ok(options.with_config(config))
}

/// Generates the in-repo crate and syncs it in `mode`: the code path of both
/// `cargo xtask codegen [--check]` and the golden test.
pub fn sync_in_repo(root: &Path, mode: Mode) -> Result<(codegen::Output, sync::Report), String> {
    let options = in_repo_options(root).map_err(|e| e.to_string())?;
    let output = codegen::generate(&root.join(SPEC), &options).map_err(|e| e.to_string())?;
    let report = sync::sync(&root.join(OUT), &output.files, mode).map_err(|e| e.to_string())?;
    Ok((output, report))
}

pub fn run(parsed: &args::Parsed) -> ExitCode {
    let (spec, out, name, config) = (
        parsed.value("--spec"),
        parsed.value("--out"),
        parsed.value("--name"),
        parsed.value("--config"),
    );
    let refused = if spec.is_some() != out.is_some() {
        Some("--spec and --out go together")
    } else if name.is_some() && spec.is_none() {
        Some("--name goes with --spec and --out")
    } else if config.is_some() && spec.is_none() {
        Some("--config goes with --spec and --out")
    } else {
        None
    };
    if let Some(message) = refused {
        eprintln!("error: {message}\n\n{}", crate::COMMANDS[0].usage);
        return ExitCode::from(2);
    }
    let check = parsed.has("--check");
    let root = workspace_root();
    let (spec_path, spec_label, out, options) = match (spec, out) {
        (Some(spec), Some(out)) => {
            let config = match config.map(read_config).transpose() {
                Ok(config) => config.unwrap_or_default(),
                Err(errors) => {
                    report_all(&errors.0);
                    eprintln!("error: the configuration was refused; nothing was written");
                    return ExitCode::FAILURE;
                }
            };
            let name = name
                .map(str::to_owned)
                .or_else(|| config.crate_name.clone())
                .unwrap_or_else(|| default_crate_name(spec));
            let options = Options::new(name, spec.to_owned()).with_config(config);
            (
                PathBuf::from(spec),
                spec.to_owned(),
                PathBuf::from(out),
                options,
            )
        }
        _ => match in_repo_options(&root) {
            Ok(options) => (root.join(SPEC), SPEC.to_owned(), root.join(OUT), options),
            Err(errors) => {
                report_all(&errors.0);
                eprintln!("error: the configuration was refused; nothing was written");
                return ExitCode::FAILURE;
            }
        },
    };
    let mode = if check { Mode::Check } else { Mode::Write };
    // Locking and reading the output directory does not depend on the spec: it runs on the
    // other core while the spec is parsed, which takes one core only. The lock is held from
    // the read to the last write, so no other run can change what was read.
    let (generated, prepared) = std::thread::scope(|scope| {
        let prepared = scope.spawn(|| sync::prepare(&out, mode));
        let generated = codegen::generate(&spec_path, &options);
        let prepared = prepared
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (generated, prepared)
    });
    let output = match generated {
        Ok(output) => output,
        Err(errors) => {
            report_all(&errors.0);
            eprintln!(
                "error: {} problem(s) in {spec_label}; nothing was written",
                errors.0.len()
            );
            return ExitCode::FAILURE;
        }
    };
    report_all(&output.warnings);
    let report = match prepared.and_then(|prepared| sync::sync_prepared(prepared, &output.files)) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let shown = display_path(&out, &root);
    if check {
        if report.problems.is_empty() {
            println!("{shown}: up to date ({} files)", report.unchanged);
            return ExitCode::SUCCESS;
        }
        for problem in &report.problems {
            eprintln!("{shown}/{problem}");
        }
        let fix = if spec.is_some() {
            format!("cargo xtask codegen --spec {} --out {}", spec_label, shown)
        } else {
            "cargo xtask codegen".to_owned()
        };
        eprintln!(
            "error: {} file(s) differ from what the spec generates; run `{fix}`",
            report.problems.len()
        );
        return ExitCode::FAILURE;
    }
    // One line a file: buffered, so that a crate of thousands of files is not as many writes
    // to the terminal (standard output is flushed line by line otherwise).
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let lines = report
        .written
        .iter()
        .map(|path| format!("wrote {shown}/{path}"))
        .chain(
            report
                .deleted
                .iter()
                .map(|path| format!("deleted {shown}/{path}")),
        )
        .chain(std::iter::once(format!(
            "{shown}: {} written, {} deleted, {} unchanged",
            report.written.len(),
            report.deleted.len(),
            report.unchanged
        )));
    for line in lines {
        // A closed pipe (`| head`) is no reason to fail a run that wrote its files.
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

/// The configuration file at `path`.
pub(crate) fn read_config(path: &str) -> Result<codegen::Config, codegen::Errors> {
    match std::fs::read_to_string(path) {
        Ok(text) => codegen::Config::from_toml(&text, path),
        Err(e) => Err(codegen::Errors::one(codegen::Diagnostic::error(
            codegen::Kind::Io,
            path,
            e.to_string(),
        ))),
    }
}

/// Writes diagnostics to stderr in one write: stderr is unbuffered, and a line at a time made
/// printing a thousand of them cost more than generating the crate.
fn report_all(diagnostics: &[codegen::Diagnostic]) {
    use std::fmt::Write as _;
    let mut text = String::new();
    for d in diagnostics {
        let _ = writeln!(text, "{d}");
    }
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The workspace root: the xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is inside the workspace")
        .to_owned()
}

/// `specs/Pet Store.yaml` → `pet-store`: a spec's file name as a crate name's words.
pub fn kebab_stem(spec: &Path) -> String {
    let stem = spec.file_stem().unwrap_or_default().to_string_lossy();
    codegen::naming::snake_case(&stem).replace('_', "-")
}

/// [`kebab_stem`], made to start with a letter as a package name must.
fn default_crate_name(spec: &str) -> String {
    let name = kebab_stem(Path::new(spec));
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("api-{name}")
    }
}

fn display_path(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
