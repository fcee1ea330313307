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
    let unknown = rest.iter().find(|arg| {
        let flag = arg.split_once('=').map_or(arg.as_str(), |(flag, _)| flag);
        arg.starts_with('-') && !command.flags.contains(&flag)
    });
    if let Some(unknown) = unknown {
        eprintln!("error: unknown argument `{unknown}`\n\n{}", command.usage);
        return ExitCode::from(2);
    }
    match command.name {
        "codegen" => codegen_cmd::run(rest),
        "corpus" => xtask::corpus::run(rest),
        "bench" => xtask::bench::run(rest),
        "bench-wide" => xtask::bench_wide::run(rest),
        "seed-check" => xtask::seed_check::run(rest),
        "wire" => xtask::wire::run(rest),
        _ => unreachable!("every command in COMMANDS is dispatched"),
    }
}
