//! `cargo xtask`: the project's own commands. See `cargo xtask help`.

mod args;
mod codegen_cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen_cmd::run(&args[1..]),
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

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen                      regenerate generated/ from the spec in spec/
  codegen --check              write nothing; fail naming each file that differs
  codegen --spec FILE --out DIR [--name CRATE] [--check]
                               generate a standalone crate from any OpenAPI 3.0 file
";
