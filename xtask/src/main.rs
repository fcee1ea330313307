//! `cargo xtask`: the project's own commands. See `cargo xtask help`.

use std::process::ExitCode;
use xtask::{codegen_cmd, USAGE};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tune_memory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen_cmd::run(&args[1..]),
        Some("corpus") => xtask::corpus::run(&args[1..]),
        Some("bench") => xtask::bench::run(&args[1..]),
        Some("seed-check") => xtask::seed_check::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{}", USAGE);
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("error: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// mimalloc asks the kernel for transparent huge pages, and every first touch of one makes the
/// kernel zero 2 MiB: profiled, that was a third of a whole-API run, and it doubled the peak.
/// Turning huge pages off for this process halves the peak and the kernel's share of the run.
/// (mimalloc's own default of handing freed memory back after 10 ms is kept: never handing it
/// back was no faster within the noise, and took a 50 MB spec's peak from 540 to 890 MiB.)
fn tune_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only changes how this process's
    // memory is backed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
