//! OpenAPI (3.0, 3.1, 3.2) and Swagger 2.0 → Rust serde models, requests, responses and clients.
//!
//! The pipeline, one module per stage: [`load`] (text → `openapiv3`) → [`lower`] (spec → IR, see
//! [`ir`]) → [`passes`] (member names, dedup, shared errors, type names, derives) → [`emit`]
//! (IR → tokens) → [`render`] (tokens → text) → [`sync`] (text → files on disk, or a check
//! against them). Beside emit and render,
//! [`pages`] writes a Markdown page per type from the same IR. Only `sync` touches the file
//! system for writing.
//!
//! # From your own xtask or build script
//!
//! The crate is the generator: a dependency (by git or path) needs no file of this repository
//! beside it. An xtask of one's own that writes a crate from a spec, or with `--check` fails
//! (for CI) naming every file that differs:
//!
//! ```no_run
//! use codegen::sync::{self, Mode};
//! use codegen::{Config, Options};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let mode = if std::env::args().any(|a| a == "--check") { Mode::Check } else { Mode::Write };
//!     let config = Config::from_toml(&std::fs::read_to_string("codegen.toml")?, "codegen.toml")?;
//!     let options = Options::new("pets-api", "openapi.yaml").with_config(config);
//!     let output = codegen::generate("openapi.yaml".as_ref(), &options)?;
//!     output.warnings.iter().for_each(|warning| eprintln!("{warning}"));
//!     let report = sync::sync("crates/pets-api".as_ref(), &output.files, mode)?;
//!     report.problems.iter().for_each(|problem| eprintln!("{problem}"));
//!     std::process::exit(i32::from(!report.problems.is_empty()))
//! }
//! ```

pub mod config;
pub mod embed;
pub mod emit;
pub mod error;
mod files;
pub mod ir;
pub mod load;
pub mod lower;
pub mod naming;
pub mod pages;
mod parallel;
pub mod passes;
pub mod pointer;
pub mod render;
pub mod sync;

pub use config::{Config, Formats, Selection};
pub use error::{Diagnostic, Errors, Kind, Severity};
pub use files::{FileSet, Files};

use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// The Cargo package name of the generated crate.
    pub crate_name: String,
    /// How the spec is named in diagnostics and in the header of every generated file.
    pub spec_label: String,
    /// Whether the crate is its own workspace (`--out`), rather than a member of ours.
    pub standalone: bool,
    /// How work is shared out over the cores. The output never depends on it (a test
    /// generates every spec under several schedules and compares the bytes).
    pub schedule: Schedule,
    /// Also write a test for each response example left out of the tests (as contradicting
    /// its schema), asserting that the model refuses it: the proof that the examples pass
    /// decides as the models do. `cargo xtask corpus` and the fixtures turn it on.
    pub left_out_tests: bool,
    /// Which operations to generate, and so which types (those they reach); by default all.
    pub select: Selection,
    /// Which string formats are typed (by default all of them), and which are plain `String`.
    pub formats: Formats,
    /// Renames, derives and attributes for generated types (by default none).
    pub overrides: config::Overrides,
}

impl Options {
    /// Options for a standalone crate named `crate_name` from the spec that diagnostics and
    /// file headers call `spec_label`; the other options at their defaults.
    pub fn new(crate_name: impl Into<String>, spec_label: impl Into<String>) -> Options {
        Options {
            crate_name: crate_name.into(),
            spec_label: spec_label.into(),
            standalone: true,
            schedule: Schedule::default(),
            left_out_tests: false,
            select: Selection::default(),
            formats: Formats::default(),
            overrides: config::Overrides::default(),
        }
    }

    /// These options with a configuration's selection, formats and overrides (its crate name
    /// is the caller's to weigh against others, as `--name` does).
    pub fn with_config(self, config: Config) -> Options {
        Options {
            select: config.select,
            formats: config.formats,
            overrides: config.overrides,
            ..self
        }
    }
}

pub use parallel::{Order, Schedule};

/// A generated file: its path relative to the crate root, with `/` separators, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

/// Everything one run produces.
#[derive(Debug)]
pub struct Output {
    pub files: Files,
    pub warnings: Vec<Diagnostic>,
    pub stats: Stats,
}

/// Counts of what a spec produced, for reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub operations: usize,
    pub types: usize,
    pub examples: usize,
    /// Examples left out of the generated tests because they contradict their schema, with the
    /// test name each would have had and the reason.
    pub left_out: Vec<(String, String)>,
}

/// Generates the crate for the spec at `spec_path`.
pub fn generate(spec_path: &Path, options: &Options) -> Result<Output, Errors> {
    let bytes = load::read(spec_path, &options.spec_label)?;
    generate_from_bytes(&bytes, options)
}

/// Generates the crate for a spec given as bytes (YAML or JSON).
pub fn generate_from_bytes(bytes: &[u8], options: &Options) -> Result<Output, Errors> {
    parallel::with_schedule(options.schedule, || generate_with_schedule(bytes, options))
}

fn generate_with_schedule(bytes: &[u8], options: &Options) -> Result<Output, Errors> {
    validate(options)?;
    let result = load::load_bytes(bytes, &options.spec_label)
        .and_then(|loaded| generate_loaded(loaded, options));
    // Problems found after parsing know their JSON pointer; the text gives their line too.
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    match result {
        Ok(mut output) => {
            add_positions(text, &mut output.warnings);
            Ok(output)
        }
        Err(mut errors) => {
            add_positions(text, &mut errors.0);
            Err(errors)
        }
    }
}

fn add_positions(text: &str, diagnostics: &mut [Diagnostic]) {
    let unplaced: Vec<&mut Diagnostic> = diagnostics
        .iter_mut()
        .filter(|d| d.line_col.is_none() && d.pointer.is_some())
        .collect();
    if unplaced.is_empty() {
        return;
    }
    let pointers: Vec<&str> = unplaced
        .iter()
        .filter_map(|d| d.pointer.as_deref())
        .collect();
    let places = load::position::locate_all(text, &pointers);
    for (d, place) in unplaced.into_iter().zip(places) {
        d.line_col = place;
    }
}

/// The type space of a spec after every pass: what the emitters read, for tools that write
/// code of their own against the generated crate (the xtask's wire harness).
pub fn type_space(bytes: &[u8], label: &str) -> Result<ir::TypeSpace, Errors> {
    let loaded = load::load_bytes(bytes, label)?;
    let provenance = loaded.provenance;
    let (mut space, _) = lower::lower_with(
        &loaded.spec,
        &loaded.deep_references,
        &provenance.webhooks,
        label,
        &Formats::default(),
    )?;
    passes::run(&mut space, label);
    for def in &mut space.types {
        def.pointer = provenance.to_input(&def.pointer);
    }
    Ok(space)
}

fn generate_loaded(loaded: load::Loaded, options: &Options) -> Result<Output, Errors> {
    let label = options.spec_label.as_str();
    let provenance = loaded.provenance;
    let (mut spec, mut deep_references) = (loaded.spec, loaded.deep_references);
    let mut warnings = loaded.warnings;
    let (replacements, mut replacement_warnings) = passes::overrides::from_spec(&spec, label);
    // They name places of the 3.0 form; the user wrote the spec in its own version.
    provenance.map_back(&mut replacement_warnings);
    warnings.extend(replacement_warnings);
    load::select::apply(
        &mut spec,
        &mut deep_references,
        &provenance.webhooks,
        &options.select,
        label,
        &mut warnings,
    )?;
    let lowered = lower::lower_with(
        &spec,
        &deep_references,
        &provenance.webhooks,
        label,
        &options.formats,
    );
    let (mut space, lower_warnings) = lowered.map_err(|mut errors| {
        provenance.map_back(&mut errors.0);
        errors
    })?;
    // The document is not needed past lowering; freeing it here lowers the peak memory.
    drop(spec);
    let mut later = lower_warnings;
    later.extend(passes::run(&mut space, label));
    passes::overrides::replace_from_spec(&mut space, &replacements, label).map_err(
        |mut errors| {
            provenance.map_back(&mut errors.0);
            errors
        },
    )?;
    provenance.map_back(&mut later);
    // Each type's doc names its place in the file the user wrote, not in the 3.0 form.
    for def in &mut space.types {
        def.pointer = provenance.to_input(&def.pointer);
    }
    warnings.extend(later);
    passes::overrides::apply(&mut space, &options.overrides)?;
    let stats = Stats {
        operations: space.operations.len(),
        types: space.types.len(),
        examples: space.examples.len(),
        left_out: space
            .judged_examples()
            .filter_map(|(_, test, verdict)| {
                Some((test.to_owned(), verdict.contradiction()?.to_owned()))
            })
            .collect(),
    };
    let files = render_crate(space, options)?;
    Ok(Output {
        files,
        warnings,
        stats,
    })
}

/// Emits and renders every file of the crate for a type space that the passes have run on;
/// the pages, which keep the space, are written when they are asked for.
pub fn render_crate(space: ir::TypeSpace, options: &Options) -> Result<Files, Errors> {
    let sources = render_sources(&space, options)?;
    Ok(Files::new(
        sources,
        pages::Pages::new(space, &options.spec_label),
    ))
}

/// The manifest and every Rust file of the crate.
fn render_sources(space: &ir::TypeSpace, options: &Options) -> Result<Vec<OutputFile>, Errors> {
    let label = options.spec_label.as_str();
    let mut files = vec![OutputFile {
        path: "Cargo.toml".to_owned(),
        contents: render::header("#", label)
            + &emit::cargo_toml(space, &options.crate_name, options.standalone),
    }];
    let jobs = emit::plan(space, options.left_out_tests);
    // Emitting and rendering is most of the work and each file is independent, so the files
    // are shared out over the cores. The example tests are one file as large as a hundred
    // models, so it goes first: taken last, it would keep one core busy while the others wait.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| !matches!(jobs[i], emit::FileJob::Examples { .. }));
    let mut rendered: Vec<(usize, Result<OutputFile, Errors>)> =
        parallel::map_indices(order.len(), |k| {
            let i = order[k];
            let file = match jobs[i] {
                // The support module is Rust source kept as text, so its comments survive. It is
                // not parsed again here: it is made of pieces that each parse alone as whole
                // items (a test of `emit::support`), so every run of them parses.
                emit::FileJob::Support => Ok(render::render_source(
                    emit::SUPPORT_PATH,
                    &emit::support_source(space),
                    label,
                )),
                // Aliases and plain structs, most files of a large spec, are built as syntax
                // trees (`emit::direct`), the same trees their tokens parse to.
                job => match emit::direct_file(space, job) {
                    Some(file) => Ok(render::render_direct(file, label)),
                    None => render::render_rust(emit::emit_file(space, job), label),
                },
            };
            (i, file)
        });
    rendered.sort_by_key(|(i, _)| *i);
    let mut errors = Vec::new();
    for (_, result) in rendered {
        match result {
            Ok(file) => files.push(file),
            Err(e) => errors.extend(e.0),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Errors(errors))
    }
}

/// A crate name Cargo accepts: ASCII letters, digits, `-` and `_`, starting with a letter.
fn validate(options: &Options) -> Result<(), Errors> {
    check_crate_name(&options.crate_name).map_err(|(message, hint)| {
        Errors::one(Diagnostic::error(Kind::Schema, &options.spec_label, message).hint(hint))
    })
}

/// Why `name` is not a crate name Cargo accepts, and what to do: a message and a hint.
pub(crate) fn check_crate_name(name: &str) -> Result<(), (String, String)> {
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.len() <= 64;
    if valid {
        Ok(())
    } else {
        Err((
            format!("`{name}` is not a valid crate name"),
            "use ASCII letters, digits, `-` and `_`, starting with a letter".to_owned(),
        ))
    }
}
