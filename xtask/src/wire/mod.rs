//! `cargo xtask wire`: the generated crates against real servers. For each spec, a crate of
//! models (with its blocking client) and a module of a harness program that sends every
//! operation variant's request with them and judges each reply; then a server is started on
//! 127.0.0.1, the program run against it, and the server stopped.
//!
//! - `wire autorest PACKAGE [SPEC...]`: the AutoRest test server (its routes check the exact
//!   requests and send known replies), with the specs of its `swagger/` folder. What a route
//!   expects that its spec does not say is in `tests/wire/autorest.yaml`, read from the
//!   routes: a value, a status, or why a run is skipped.
//! - `wire prism PRISM SPEC...`: Prism, a mock that validates every request against the spec
//!   (422 and the violations otherwise) and answers each documented status on request.

mod harness;
mod pattern;
mod report;
mod requests;
mod servers;
mod table;
mod values;

use codegen::sync::{self, Mode as SyncMode};
use codegen::Options;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which server the harness talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Autorest,
    Prism,
}

/// One spec of a run.
pub struct Spec {
    /// A short name: the module of the harness.
    pub name: String,
    pub path: PathBuf,
    pub crate_name: String,
}

/// The AutoRest specs a run covers when none are named.
pub const AUTOREST_SPECS: &[&str] = &[
    "body-complex",
    "body-string",
    "body-array",
    "body-dictionary",
    "body-number",
    "body-integer",
    "body-boolean",
    "body-date",
    "body-datetime",
    "body-datetime-rfc1123",
    "body-duration",
    "body-time",
    "body-byte",
    "body-binary",
    "body-file",
    "body-formdata",
    "body-formdata-urlencoded",
    "media_types",
    "additionalProperties",
    "any-type",
    "object-type",
    "extensible-enums-swagger",
    "non-string-enum",
    "multiple-inheritance",
    "url",
    "url-multi-collectionFormat",
    "header",
    "httpInfrastructure",
    "head",
    "head-exceptions",
    "incorrect-error-response",
];

pub fn run(args: &[String]) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_inner(args: &[String]) -> Result<ExitCode, String> {
    let root = crate::codegen_cmd::workspace_root();
    let (mode, rest) = match args.split_first() {
        Some((mode, rest)) if mode == "autorest" => (Mode::Autorest, rest),
        Some((mode, rest)) if mode == "prism" => (Mode::Prism, rest),
        _ => {
            return Err(
                "usage: cargo xtask wire autorest PACKAGE [SPEC...] | prism PRISM SPEC..."
                    .to_owned(),
            )
        }
    };
    let (tool, names) = rest
        .split_first()
        .ok_or("name the server's package folder (autorest) or its command (prism)")?;
    let (specs, table) = match mode {
        Mode::Autorest => {
            let swagger = Path::new(tool).join("swagger");
            let names: Vec<String> = if names.is_empty() {
                AUTOREST_SPECS.iter().map(|s| (*s).to_owned()).collect()
            } else {
                names.to_vec()
            };
            let specs = names
                .iter()
                .map(|name| Spec {
                    name: module_name(name),
                    path: swagger.join(format!("{name}.json")),
                    crate_name: format!("wire-{}", module_name(name).replace('_', "-")),
                })
                .collect::<Vec<_>>();
            let table_path = root.join("tests/wire/autorest.yaml");
            let bytes =
                std::fs::read(&table_path).map_err(|e| format!("{}: {e}", table_path.display()))?;
            let table = codegen::load::parse(&bytes, "tests/wire/autorest.yaml")
                .map_err(|e| e.to_string())?
                .value;
            (
                specs.into_iter().zip(names).collect::<Vec<_>>(),
                Some(table),
            )
        }
        Mode::Prism => {
            if names.is_empty() {
                return Err("name the specs to send to Prism".to_owned());
            }
            let specs = names
                .iter()
                .map(|path| {
                    let stem = Path::new(path)
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy();
                    let name = module_name(&stem);
                    (
                        Spec {
                            crate_name: format!("wire-{}", name.replace('_', "-")),
                            name,
                            path: PathBuf::from(path),
                        },
                        stem.into_owned(),
                    )
                })
                .collect();
            (specs, None)
        }
    };
    let dir = root.join("target/wire").join(match mode {
        Mode::Autorest => "autorest",
        Mode::Prism => "prism",
    });
    let mut failed = false;
    match mode {
        // One program for all the AutoRest specs: one server answers them all.
        Mode::Autorest => {
            let specs: Vec<(Spec, String)> = specs;
            let built = build(&dir, &specs, table.as_ref(), mode)?;
            let server = servers::Server::autorest(Path::new(tool), &root)?;
            failed |= !run_harness(&built, &server.base, &dir)?;
        }
        // Prism serves one spec at a time.
        Mode::Prism => {
            for (spec, label) in specs {
                let dir = dir.join(&spec.name);
                let path = spec.path.clone();
                println!("== {label}");
                let built = build(&dir, &[(spec, label)], None, mode)?;
                if built.sendable == 0 {
                    // Prism refuses a document without operations (webhooks only, say).
                    println!("no operation a client sends; nothing to run");
                    continue;
                }
                let server = servers::Server::prism(tool, &path)?;
                failed |= !run_harness(&built, &server.base, &dir)?;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `body-complex` → `body_complex`.
fn module_name(name: &str) -> String {
    codegen::naming::snake_case(name)
}

/// A harness program, built.
struct Built {
    binary: PathBuf,
    /// How many operations a client sends it covers.
    sendable: usize,
    /// The type space of each spec, by module name, to judge the replies.
    spaces: Vec<(String, codegen::ir::TypeSpace)>,
}

/// Generates the models crates and the harness program under `dir` and builds it.
fn build(
    dir: &Path,
    specs: &[(Spec, String)],
    table: Option<&serde_json::Value>,
    mode: Mode,
) -> Result<Built, String> {
    let mut sendable = 0;
    let mut spaces = Vec::new();
    let mut modules = Vec::new();
    let mut dependencies = String::new();
    for (spec, label) in specs {
        let bytes =
            std::fs::read(&spec.path).map_err(|e| format!("{}: {e}", spec.path.display()))?;
        let shown = spec.path.display().to_string();
        let options = Options {
            standalone: false,
            ..Options::new(spec.crate_name.clone(), shown.clone())
        };
        let output = codegen::generate_from_bytes(&bytes, &options).map_err(|e| e.to_string())?;
        let crate_dir = dir.join("models").join(&spec.name);
        sync::sync(&crate_dir, &output.files, SyncMode::Write).map_err(|e| e.to_string())?;
        let space = codegen::type_space(&bytes, &shown).map_err(|e| e.to_string())?;
        let parsed = codegen::load::parse(&bytes, &shown).map_err(|e| e.to_string())?;
        let (doc, _) =
            codegen::load::normalize_document(parsed.value, &shown).map_err(|e| e.to_string())?;
        sendable += harness::sendable(&space);
        let entries = table.and_then(|t| t.get(label));
        let module = harness::module(spec, &space, &doc, entries, mode);
        modules.push((spec.name.clone(), module));
        spaces.push((spec.name.clone(), space));
        dependencies.push_str(&format!(
            "{} = {{ path = \"models/{}\", features = [\"blocking\"] }}\n",
            spec.crate_name, spec.name
        ));
    }
    let manifest = format!(
        "# Written by `cargo xtask wire`.\n[package]\nname = \"wire-harness\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nserde = \"1\"\nserde_json = {{ version = \"1\", features = [\"preserve_order\", \"float_roundtrip\"] }}\n{dependencies}\n[workspace]\n"
    );
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(
        &dir.join("src/runtime.rs"),
        include_str!("../../harness/runtime.rs"),
    )?;
    let names: Vec<Ident> = modules
        .iter()
        .map(|(name, _)| harness::ident(name))
        .collect();
    for (name, module) in &modules {
        write_if_changed(&dir.join(format!("src/{name}.rs")), &print(module.clone())?)?;
    }
    let main = quote! {
        //! Every operation of the specs, sent and judged (`cargo xtask wire`).
        #![allow(dead_code, unused_imports, unused_variables)]

        mod runtime;
        #(mod #names;)*

        fn main() {
            let base = std::env::args().nth(1).expect("the server's URL");
            let report = std::env::args().nth(2).expect("the report's path");
            let mut harness = runtime::Harness::default();
            #(#names::run(&base, &mut harness);)*
            harness.report(&report);
        }
    };
    write_if_changed(&dir.join("src/main.rs"), &print(main)?)?;
    // One target folder for every harness, so that their dependencies build once.
    let target = crate::codegen_cmd::workspace_root().join("target/wire/target");
    let status =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args(["build", "--quiet"])
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(dir)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the harness in {} does not build", dir.display()));
    }
    Ok(Built {
        binary: target.join("debug/wire-harness"),
        sendable,
        spaces,
    })
}

fn print(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("the harness is not Rust: {e}"))?;
    Ok(format!(
        "// Written by `cargo xtask wire`.\n{}",
        prettyplease::unparse(&file)
    ))
}

/// Writes a file whose bytes changed (so that cargo rebuilds only what did).
fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).ok().as_deref() == Some(text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs the harness against `base` and judges its report (written under `dir`); whether
/// everything passed.
fn run_harness(built: &Built, base: &str, dir: &Path) -> Result<bool, String> {
    let report = dir.join("report.json");
    let _ = std::fs::remove_file(&report);
    let status = std::process::Command::new(&built.binary)
        .arg(base)
        .arg(&report)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", built.binary.display()))?;
    if !status.success() {
        return Err(format!("the harness stopped ({status}) before its report"));
    }
    report::judge(&report, &built.spaces)
}
