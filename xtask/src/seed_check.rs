//! `cargo xtask seed-check SPEC`: the seed's types, generated from the whole Authlete API
//! (`SPEC`), are the same as those in `generated/`, apart from doc comments (our spec words its
//! descriptions in its own way).

use codegen::{naming, Options};
use std::path::Path;
use std::process::ExitCode;

/// The seed's type and the types nested in it, by the names the seed gives them.
pub const SEED_TYPES: &[&str] = &[
    "BackchannelAuthenticationCompleteApiFormResponseBody",
    "BackchannelAuthenticationCompleteApiFormAction",
    "BackchannelAuthenticationCompleteApiFormDeliveryMode",
    "BackchannelAuthenticationCompleteApiFormAuthorizationDetails",
    "BackchannelAuthenticationCompleteApiFormElement",
    "BackchannelAuthenticationCompleteApiFormServiceAttribute",
    "BackchannelAuthenticationCompleteApiFormClientAttribute",
];

pub fn run(args: &[String]) -> ExitCode {
    let [spec] = args else {
        eprintln!("usage: cargo xtask seed-check SPEC");
        return ExitCode::from(2);
    };
    let options = Options {
        crate_name: "seed-check".to_owned(),
        spec_label: spec.clone(),
        standalone: true,
    };
    let output = match codegen::generate(Path::new(spec), &options) {
        Ok(output) => output,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let root = crate::codegen_cmd::workspace_root().join(crate::codegen_cmd::OUT);
    let mut failed = false;
    // An alias names its target: follow it so the comparison covers the struct itself.
    let mut names: Vec<String> = SEED_TYPES.iter().map(|s| s.to_string()).collect();
    let mut i = 0;
    while i < names.len() {
        let path = format!(
            "src/models/operations/{}.rs",
            naming::module_name(&names[i])
        );
        let ours = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        let theirs = output
            .files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.contents.as_str())
            .unwrap_or_default();
        if ours.is_empty() || theirs.is_empty() {
            eprintln!(
                "{path}: missing from {}",
                if ours.is_empty() {
                    "generated/"
                } else {
                    spec.as_str()
                }
            );
            failed = true;
        } else if shape(&ours) != shape(theirs) {
            eprintln!("{path}: differs from what {spec} generates (doc comments aside)");
            failed = true;
        } else {
            println!("same: {}", names[i]);
        }
        if let Some(target) = shape(&ours).iter().find_map(|l| alias_target(l)) {
            if !names.contains(&target) {
                names.push(target);
            }
        }
        i += 1;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The code of a generated file without its header and doc comments.
fn shape(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("///") && !l.starts_with("//!"))
        .map(str::to_owned)
        .collect()
}

/// `pub type A = super::B;` → `B`.
fn alias_target(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub type ")?;
    let target = rest.split('=').nth(1)?.trim().trim_end_matches(';');
    Some(target.trim_start_matches("super::").to_owned())
}
