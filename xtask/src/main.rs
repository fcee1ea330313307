//! `cargo xtask`: the project's own commands. See `cargo xtask help`.

use std::process::ExitCode;
use xtask::{codegen_cmd, USAGE};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    xtask::tune_memory();
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
