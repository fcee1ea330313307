//! `cargo xtask bench [SPEC...]`: times the generator, end to end and stage by stage, on the
//! given specs (default: the project's own spec) and on synthetic specs of 10 to 10,000
//! operations, and prints medians with the machine and the input sizes.

use codegen::sync::{self, Mode};
use codegen::{load, lower, passes, Options};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Runs of each measurement; the median is reported.
const RUNS: usize = 7;

pub fn run(args: &crate::args::Parsed) -> ExitCode {
    let root = crate::codegen_cmd::workspace_root();
    let mut specs: Vec<PathBuf> = args.operands.iter().map(PathBuf::from).collect();
    let synthetic_sizes: &[usize] = if args.has("--quick") {
        &[10, 100]
    } else {
        &[10, 100, 1_000, 10_000]
    };
    if specs.is_empty() {
        specs.push(root.join(crate::codegen_cmd::SPEC));
    }
    println!("machine: {}", machine());
    println!("runs: {RUNS} per figure, median shown; times in milliseconds\n");
    println!(
        "{:<34} {:>9} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>6}",
        "spec",
        "bytes",
        "ops",
        "types",
        "files",
        "parse",
        "convert",
        "lower",
        "passes",
        "render",
        "check",
        "total",
        "(norm.",
        "share)"
    );
    let scratch = root.join("target/bench");
    for spec in &specs {
        let bytes = match std::fs::read(spec) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: {}: {e}", spec.display());
                return ExitCode::FAILURE;
            }
        };
        let name = spec
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if let Err(e) = bench_one(&name, &bytes, &scratch) {
            eprintln!("error: {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    let mut totals = Vec::new();
    for &ops in synthetic_sizes {
        let bytes = synthetic_spec(ops).into_bytes();
        match bench_one(&format!("synthetic-{ops}"), &bytes, &scratch) {
            Ok(total) => totals.push((ops, total)),
            Err(e) => {
                eprintln!("error: synthetic-{ops}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Err(e) = bench_diagnostics(&scratch) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    println!("\nscaling (time per 10x operations):");
    for pair in totals.windows(2) {
        let ((a, ta), (b, tb)) = (pair[0], pair[1]);
        println!(
            "  {a:>6} → {b:>6} operations: {:.1}x",
            tb.as_secs_f64() / ta.as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}

/// Times each stage `RUNS` times and prints one row; returns the median total.
fn bench_one(name: &str, bytes: &[u8], scratch: &Path) -> Result<Duration, String> {
    let options = Options::new("bench".to_owned(), name.to_owned());
    let out = scratch.join(name);
    // One full run first, to write the output that the check stage then compares against.
    let output = codegen::generate_from_bytes(bytes, &options).map_err(|e| e.to_string())?;
    sync::sync(&out, &output.files, Mode::Write).map_err(|e| e.to_string())?;
    // parse, convert, lower, passes, emit+render (all cores), check, total, and normalise
    // (inside convert)
    let mut stages: [Vec<Duration>; 8] = Default::default();
    let (mut ops, mut types, mut file_count) = (0, 0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let t = Instant::now();
        let parsed = load::parse(bytes, name).map_err(|e| e.to_string())?;
        stages[0].push(t.elapsed());
        // The normalisation alone, on a copy: `convert` below runs it again as its first step.
        let copy = parsed.value.clone();
        let t = Instant::now();
        std::hint::black_box(load::normalize_document(copy, name).map_err(|e| e.to_string())?);
        stages[7].push(t.elapsed());
        let t = Instant::now();
        let loaded =
            load::convert(parsed, name, || load::parse(bytes, name)).map_err(|e| e.to_string())?;
        stages[1].push(t.elapsed());
        let t = Instant::now();
        let (mut space, _) =
            lower::lower(&loaded.spec, &loaded.deep_references, name).map_err(|e| e.to_string())?;
        stages[2].push(t.elapsed());
        let t = Instant::now();
        passes::run(&mut space, name);
        stages[3].push(t.elapsed());
        ops = space.operations.len();
        types = space.types.len();
        let t = Instant::now();
        let files = codegen::render_crate(space, &options).map_err(|e| e.to_string())?;
        stages[4].push(t.elapsed());
        file_count = files.len();
        let t = Instant::now();
        // The pages are written as they are compared, so this column counts them.
        let report = sync::sync(&out, &files, Mode::Check).map_err(|e| e.to_string())?;
        stages[5].push(t.elapsed());
        if !report.problems.is_empty() {
            return Err("the check found differences on an unchanged tree".to_owned());
        }
        stages[6].push(start.elapsed() - stages[7].last().copied().unwrap_or_default());
    }
    let medians: Vec<Duration> = stages.iter_mut().map(|s| median(s)).collect();
    let mut row = format!(
        "{name:<34} {:>9} {ops:>6} {types:>6} {file_count:>6}",
        bytes.len()
    );
    for m in &medians[..7] {
        let _ = write!(row, " {:>8.1}", m.as_secs_f64() * 1000.0);
    }
    let _ = write!(
        row,
        " {:>8.1} {:>5.1}%",
        medians[7].as_secs_f64() * 1000.0,
        100.0 * medians[7].as_secs_f64() / medians[6].as_secs_f64()
    );

    println!("{row}");
    Ok(medians[6])
}

/// How many warnings, and how many errors, the diagnostics benchmark specs carry.
const DIAGNOSTICS: usize = 1_000;

/// Whole `cargo xtask codegen --spec` runs on specs with [`DIAGNOSTICS`] warnings and with as
/// many errors, in YAML and in JSON, against the pipeline in process without finding their
/// places: reporting must stay within 1.5x the pipeline plus 30 ms however many there are.
fn bench_diagnostics(scratch: &Path) -> Result<(), String> {
    println!(
        "\n{:<34} {:>9} {:>11} {:>9} {:>9} {:>9}",
        "diagnostics spec", "bytes", "diagnostics", "pipeline", "process", "target"
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    for (name, text) in diagnostics_specs(DIAGNOSTICS) {
        let path = scratch.join(&name);
        std::fs::write(&path, &text).map_err(|e| e.to_string())?;
        let out = scratch.join(format!("{name}.out"));
        let run = || {
            std::process::Command::new(&exe)
                .args(["codegen", "--spec"])
                .arg(&path)
                .arg("--out")
                .arg(&out)
                .output()
        };
        let first = run().map_err(|e| e.to_string())?;
        let reported = String::from_utf8_lossy(&first.stderr)
            .lines()
            .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
            .count();
        let label = name.as_str();
        let bytes = text.as_bytes();
        let pipeline = median_time(RUNS, || {
            let parsed = load::parse(bytes, label).ok()?;
            let loaded = load::convert(parsed, label, || load::parse(bytes, label)).ok()?;
            let (mut space, _) = lower::lower(&loaded.spec, &loaded.deep_references, label).ok()?;
            passes::run(&mut space, label);
            let options = Options::new("bench".to_owned(), label.to_owned());
            let files = codegen::render_crate(space, &options).ok()?;
            sync::sync(&out, &files, Mode::Check).ok()
        });
        let process = median_time(RUNS, run);
        let limit = pipeline.mul_f64(1.5) + Duration::from_millis(30);
        println!(
            "{name:<34} {:>9} {reported:>11} {:>9.1} {:>9.1} {:>9}",
            bytes.len(),
            pipeline.as_secs_f64() * 1000.0,
            process.as_secs_f64() * 1000.0,
            if process <= limit { "met" } else { "missed" }
        );
    }
    Ok(())
}

/// Specs with `n` warnings (responses without a description) and with `n` errors (references
/// to schemas that do not exist), each in YAML and in JSON.
pub fn diagnostics_specs(n: usize) -> Vec<(String, String)> {
    let mut specs = Vec::new();
    for errors in [false, true] {
        let (mut yaml, mut json) = (
            String::from("openapi: 3.0.3\ninfo:\n  title: Diagnostics\n  version: '1'\npaths:\n"),
            String::from("{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Diagnostics\", \"version\": \"1\"},\n  \"paths\": {\n"),
        );
        for i in 0..n {
            let (schema_yaml, schema_json, description_yaml, description_json) = if errors {
                (
                    format!("{{$ref: '#/components/schemas/Missing{i}'}}"),
                    format!("{{\"$ref\": \"#/components/schemas/Missing{i}\"}}"),
                    "\n          description: ok",
                    "\"description\": \"ok\", ",
                )
            } else {
                let schema =
                    "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}";
                (schema.to_owned(), schema.to_owned(), "", "")
            };
            let _ = write!(
                yaml,
                "  /p{i}:\n    get:\n      operationId: op{i}\n      responses:\n        '200':{description_yaml}\n          content:\n            application/json:\n              schema: {schema_yaml}\n"
            );
            let comma = if i + 1 < n { "," } else { "" };
            let _ = writeln!(
                json,
                "    \"/p{i}\": {{\n      \"get\": {{\n        \"operationId\": \"op{i}\",\n        \"responses\": {{\n          \"200\": {{{description_json}\"content\": {{\"application/json\": {{\"schema\": {schema_json}}}}}}}\n        }}\n      }}\n    }}{comma}"
            );
        }
        json.push_str("  }\n}\n");
        let kind = if errors { "errors" } else { "warnings" };
        specs.push((format!("{n}-{kind}.json"), json));
        specs.push((format!("{n}-{kind}.yaml"), yaml));
    }
    specs
}

/// The median of some timings (the upper one of an even count).
pub fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median time of `runs` calls of `f`, its result kept from being optimized away. Shared
/// with the `cargo bench` targets of `codegen-tests`.
pub fn median_time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    median(&mut samples)
}

pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores available, {}", std::env::consts::OS)
}

/// A spec of `ops` operations, each with an inline JSON request body and an inline 200
/// response of a dozen properties: a nested object, an array of objects and an enum, the shape
/// of the Authlete API's bodies.
pub fn synthetic_spec(ops: usize) -> String {
    let mut out =
        String::from("openapi: 3.0.3\ninfo: {title: Synthetic, version: 1.0.0}\npaths:\n");
    for i in 0..ops {
        let _ = write!(
            out,
            "  /things{i}/{{id}}:
    post:
      operationId: thing_{i}_api
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {{type: string, description: The name of thing {i}.}}
                size: {{type: integer, format: int32}}
                tags: {{type: array, items: {{type: string}}}}
      responses:
        '200':
          description: Thing {i}.
          content:
            application/json:
              schema:
                type: object
                properties:
                  resultCode: {{type: string, description: Result code.}}
                  resultMessage: {{type: string}}
                  action: {{type: string, enum: [OK, BAD_REQUEST, INTERNAL_SERVER_ERROR]}}
                  clientId: {{type: integer, format: int64}}
                  enabled: {{type: boolean}}
                  ratio: {{type: number}}
                  details:
                    type: object
                    properties:
                      key: {{type: string}}
                      value: {{type: string}}
                  attributes:
                    type: array
                    items:
                      type: object
                      properties:
                        key: {{type: string}}
                        value: {{type: string}}
              example: {{resultCode: A{i}, action: OK, clientId: {i}, attributes: [{{key: k, value: v}}]}}
"
        );
    }
    out
}
