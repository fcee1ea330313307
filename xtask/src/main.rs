//! `cargo xtask`: the project's own commands. See `cargo xtask help`.

use std::process::ExitCode;
use xtask::{codegen_cmd, USAGE};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's option enum (the same in its v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

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

/// A run lasts a fraction of a second, so memory is best taken once and kept.
///
/// mimalloc asks the kernel for transparent huge pages, and every first touch of one makes
/// the kernel zero 2 MiB: profiled, that was a third of a whole-API run, and it doubled the
/// peak. Turning huge pages off for this process halves the peak. With them off, never handing
/// freed memory back (rather than after mimalloc's default 10 ms) saves the kernel work of
/// taking it back and faulting it in again, for a peak still under 40 MiB.
fn tune_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only changes how this process's
    // memory is backed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: setting an allocator option is allowed at any time; it takes plain integers.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}
