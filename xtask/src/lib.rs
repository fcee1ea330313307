//! The project's own commands, as a library so that tests run the same code as the CLI.

pub mod args;
pub mod bench;
pub mod codegen_cmd;
pub mod corpus;
pub mod seed_check;

/// Sets up memory for a generator run; call first thing, with mimalloc as the global
/// allocator (the binary and the benchmarks that time it both do).
///
/// mimalloc asks the kernel for transparent huge pages, and every first touch of one makes the
/// kernel zero 2 MiB: profiled, that was a third of a whole-API run, and it doubled the peak.
/// Turning huge pages off for this process halves the peak and the kernel's share of the run.
/// (mimalloc's own default of handing freed memory back after 10 ms is kept: never handing it
/// back was no faster within the noise, and took a 50 MB spec's peak from 540 to 890 MiB.)
pub fn tune_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only changes how this process's
    // memory is backed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

pub const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen                      regenerate generated/ from the spec in spec/
  codegen --check              write nothing; fail naming each file that differs
  codegen --spec FILE --out DIR [--name CRATE] [--check]
                               generate a standalone crate from any OpenAPI 3.0 file
  corpus PATH...               for each spec (directories are searched): generate a crate under
                               target/corpus/, build it with clippy -D warnings, run its
                               example tests, and print one row per spec
  bench [--quick] [SPEC...]    time the generator per stage on SPECs and synthetic specs
  seed-check SPEC              check that the seed's types generated from SPEC (the whole
                               Authlete API) equal those in generated/, doc comments aside
";
