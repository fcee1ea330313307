//! `cargo xtask`: the project's own commands. See `cargo xtask help`.

use std::process::ExitCode;
use xtask::{codegen_cmd, COMMANDS, USAGE};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    xtask::tune_memory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    };
    if matches!(name.as_str(), "help" | "--help" | "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let Some(command) = COMMANDS.iter().find(|c| c.name == name) else {
        eprintln!("error: unknown command `{name}`\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", command.usage);
        return ExitCode::SUCCESS;
    }
    let parsed = match xtask::args::parse(rest, command.flags, command.operands) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}\n\n{}", command.usage);
            return ExitCode::from(2);
        }
    };
    match command.name {
        "codegen" => codegen_cmd::run(&parsed),
        "corpus" => xtask::corpus::run(&parsed),
        "bench" => xtask::bench::run(&parsed),
        "bench-wide" => xtask::bench_wide::run(&parsed),
        "bench-crate" => xtask::bench_crate::run(&parsed),
        "seed-check" => xtask::seed_check::run(&parsed),
        "wire" => xtask::wire::run(&parsed.operands),
        _ => unreachable!("every command in COMMANDS is dispatched"),
    }
}
