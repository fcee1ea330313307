//! The project's own commands, as a library so that tests run the same code as the CLI.

pub mod args;
pub mod bench;
pub mod codegen_cmd;
pub mod corpus;
pub mod seed_check;

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
