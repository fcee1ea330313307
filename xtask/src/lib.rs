//! The project's own commands, as a library so that tests run the same code as the CLI.

pub mod args;
pub mod bench;
pub mod bench_crate;
pub mod bench_wide;
pub mod codegen_cmd;
pub mod corpus;
pub mod determinism;
pub mod seed_check;
pub mod seed_page;
pub mod wire;

/// Sets up memory for a generator run; call first thing, with mimalloc as the global
/// allocator (the binary and the benchmarks that time it both do).
///
/// mimalloc asks the kernel for transparent huge pages, and every first touch of one makes the
/// kernel zero 2 MiB: profiled, that was a third of a whole-API run, and it doubled the peak.
/// Turning huge pages off for this process halves the peak and the kernel's share of the run.
///
/// Freed memory is handed back to the kernel after 10 ms. mimalloc 3 (what `mimalloc` 0.1.49
/// builds) waits 1 s by default, longer than a whole run, so every page a run ever freed
/// stayed counted: the inline Authlete spec peaked at 62-76 MiB regenerating, and at 38-46 MiB
/// with 10 ms, in the same time within the noise (`docs/performance.md`). Never handing it
/// back took a 50 MB spec's peak from 540 to 890 MiB. The allocator's choices change no byte
/// of output.
pub fn tune_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only changes how this process's
    // memory is backed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // `mi_option_purge_delay`, the 16th option of `mi_option_t` in mimalloc 2 and 3 alike.
    const PURGE_DELAY: std::ffi::c_int = 15;
    extern "C" {
        // mimalloc's own C API, linked in with the allocator (`libmimalloc-sys`).
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: setting an option takes plain integers; the option is read when memory is
    // next purged, so setting it at any time is sound.
    unsafe {
        mi_option_set(PURGE_DELAY, 10);
    }
}

pub const USAGE: &str = "\
usage: cargo xtask <command> [--help]

commands:
  codegen                      regenerate generated/ from the spec in spec/
  codegen --check              write nothing; fail naming each file that differs
  codegen --spec FILE --out DIR [--name CRATE] [--config TOML] [--check]
                               generate a standalone crate from any OpenAPI or Swagger file
  corpus [--config TOML] PATH...
                               for each spec (directories are searched): generate a crate under
                               target/corpus/ (the same bytes under every schedule and in fresh
                               folders), build it with clippy -D warnings, run its example
                               tests, and print one row per spec
  bench [--quick] [SPEC...]    time the generator per stage on SPECs and synthetic specs
  bench-wide [N...]            time `cargo check` of a struct of N properties against serde derive
  bench-crate [--runs N] SPEC...
                               time `cargo build` of each spec's generated crate, from scratch
                               and after a touch
  wire autorest PACKAGE [SPEC...] | wire prism PRISM SPEC...
                               the generated types and client against real servers
  seed-check SPEC [--page P] [--names L]
                               check that the seed's types generated from SPEC (the whole
                               Authlete API) equal those in generated/, doc comments aside,
                               that the seed's page P agrees with ours, and that every name
                               of the list L is a type of the crate generated from SPEC
";

/// One command of the xtask: its name, its usage, the flags it takes and how many other
/// arguments (anything else is refused with the usage; see [`args::parse`]).
pub struct Command {
    pub name: &'static str,
    pub usage: &'static str,
    pub flags: &'static [args::Flag],
    pub operands: args::Operands,
}

use args::{switch, valued, Operands};

/// No other arguments.
const NO_OPERANDS: Operands = Operands {
    min: 0,
    max: Some(0),
};

pub const COMMANDS: &[Command] = &[
    Command {
        name: "codegen",
        usage: "\
usage: cargo xtask codegen [--check]
       cargo xtask codegen --spec FILE --out DIR [--name CRATE] [--config TOML] [--check]

Generates the models crate: generated/ from spec/, or DIR from FILE (YAML or JSON).
  --check        write nothing; name each file that differs, is missing or is stale, and fail
  --spec FILE    the OpenAPI document to read (with --out)
  --out DIR      the folder of the standalone crate to write (with --spec)
  --name CRATE   the crate's package name (default: the configuration's, else from the file name)
  --config TOML  options beside the spec: the crate's name, the operations to generate
                 (docs/configuration.md)
",
        flags: &[
            switch("--check"),
            valued("--spec"),
            valued("--out"),
            valued("--name"),
            valued("--config"),
        ],
        operands: NO_OPERANDS,
    },
    Command {
        name: "corpus",
        usage: "\
usage: cargo xtask corpus [--config TOML] PATH...

For each spec (directories are searched for .yaml, .yml and .json): generate a crate under
target/corpus/, check that four schedules of the work and two fresh folders give the same
bytes, build it with clippy -D warnings, run its example tests, print one row.

--config TOML   generate every crate with this configuration, under target/corpus-config/
                (the determinism check is left to the run without one)
",
        flags: &[valued("--config")],
        operands: Operands { min: 1, max: None },
    },
    Command {
        name: "bench",
        usage: "\
usage: cargo xtask bench [--quick] [SPEC...]

Times the generator stage by stage on each SPEC (default: spec/) and on synthetic specs of
10 to 10,000 operations, and prints medians with the machine.
  --quick        only the synthetic specs of 10 and 100 operations
",
        flags: &[switch("--quick")],
        operands: Operands { min: 0, max: None },
    },
    Command {
        name: "bench-wide",
        usage: "\
usage: cargo xtask bench-wide [N...]

Times `cargo check` of one struct of N properties (default 1000 5000 20000) as generated
here and as plain serde derive writes it, with the compiler's peak memory.
",
        // `--probe DIR TARGET`: one timed check, run by the command itself in a process of
        // its own.
        flags: &[switch("--probe")],
        operands: Operands { min: 0, max: None },
    },
    Command {
        name: "bench-crate",
        usage: "\
usage: cargo xtask bench-crate [--runs N] SPEC...

Generates the crate of each SPEC under target/bench-crate/, builds its dependencies, then
times N rounds (default 3) of `cargo build` of the crate alone from scratch (`cargo clean -p`)
and after a touch of src/lib.rs, and prints the median and range of each.
",
        flags: &[valued("--runs")],
        operands: Operands { min: 1, max: None },
    },
    Command {
        name: "seed-check",
        usage: "\
usage: cargo xtask seed-check SPEC [--page SEED.md] [--names LIST]

Checks that the seed's types generated from SPEC (the whole Authlete API) equal those in
generated/, doc comments aside. With --page, also compares the seed's model page with the page
of its name in generated/docs/ (descriptions aside) and with the one generated from SPEC
(descriptions too), cell by cell. With --names, checks that every name of LIST (one a line)
is a type of the crate generated from SPEC.
",
        flags: &[valued("--page"), valued("--names")],
        operands: Operands {
            min: 1,
            max: Some(1),
        },
    },
    Command {
        name: "wire",
        usage: "\
usage: cargo xtask wire autorest PACKAGE [SPEC...]
       cargo xtask wire prism PRISM SPEC...

Sends every operation variant of the specs through the generated types and client to a real
server started on 127.0.0.1, and judges every reply: the AutoRest test server of the npm
package in PACKAGE (its swagger/ specs; default: the thirteen CI runs), or Prism (the command
PRISM), which validates each request against SPEC and answers each documented status.
",
        flags: &[],
        operands: Operands { min: 2, max: None },
    },
];
