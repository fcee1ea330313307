//! `cargo xtask seed-check SPEC [--page SEED.md]`: the seed's types, generated from the whole
//! Authlete API (`SPEC`), are the same as those in `generated/`, apart from doc comments (our
//! spec words its descriptions in its own way). With `--page`, the seed's model page is also
//! compared with the page of the same name in `generated/docs/` and with the one generated from
//! `SPEC`, the latter with its descriptions too (see [`crate::seed_page`]).

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

pub fn run(args: &crate::args::Parsed) -> ExitCode {
    // The parser holds the command to one SPEC.
    let spec = &args.operands[0];
    let seed_page = args.value("--page");
    let names = args.value("--names");
    let options = Options::new("seed-check".to_owned(), spec.clone());
    let output = match codegen::generate(Path::new(spec), &options) {
        Ok(output) => output,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let root = crate::codegen_cmd::workspace_root().join(crate::codegen_cmd::OUT);
    let ours = Crate::Disk(&root);
    let theirs = Crate::Files(&output.files);
    let mut failed = false;
    for name in SEED_TYPES {
        let path = format!("src/models/operations/{}.rs", naming::module_name(name));
        let mut seen = Vec::new();
        match compare(&ours, &theirs, &path, &path, &mut seen) {
            Ok(()) => println!("same: {name}"),
            Err(problem) => {
                eprintln!("{name}: {problem}");
                failed = true;
            }
        }
    }
    if let Some(seed_page) = seed_page {
        failed |= !pages_agree(Path::new(seed_page), &ours, &theirs);
    }
    if let Some(names) = names {
        failed |= !names_exist(Path::new(names), &output.files);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every name of the seed generator's list (one per line; the pages of its
/// `docs/models/operations/`) is a type of the `operations` module of the crate generated from
/// the spec.
fn names_exist(list: &Path, files: &codegen::Files) -> bool {
    let text = match std::fs::read_to_string(list) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", list.display());
            return false;
        }
    };
    // A page's heading is its type's name (its file name may be shortened or escaped).
    let ours: std::collections::BTreeSet<String> = files
        .iter()
        .filter(|f| f.path.starts_with("docs/models/operations/"))
        .filter_map(|f| {
            let heading = f.contents.lines().find_map(|line| line.strip_prefix("# "));
            heading.map(str::to_owned)
        })
        .collect();
    let wanted: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|n| !ours.contains(*n))
        .collect();
    println!(
        "seed names: {} of {} exist",
        wanted.len() - missing.len(),
        wanted.len()
    );
    for name in &missing {
        eprintln!("missing seed name: {name}");
    }
    missing.is_empty()
}

/// The seed's page against `generated/`'s (descriptions aside) and against the one generated
/// from the spec the seed came from (descriptions too).
fn pages_agree(seed_page: &Path, ours: &Crate, theirs: &Crate) -> bool {
    let seed = match std::fs::read_to_string(seed_page) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", seed_page.display());
            return false;
        }
    };
    let stem = seed_page.file_stem().unwrap_or_default().to_string_lossy();
    let path = format!("docs/models/operations/{stem}.md");
    let mut agree = true;
    for (side, krate, descriptions) in [("generated/", ours, false), ("the spec's", theirs, true)] {
        let Some(page) = krate.read(&path) else {
            eprintln!("{side} {path}: missing");
            agree = false;
            continue;
        };
        let problems = crate::seed_page::compare(&seed, &page, descriptions);
        if problems.is_empty() {
            let what = if descriptions {
                ", descriptions too"
            } else {
                ""
            };
            println!("same page: {side} {path}{what}");
        }
        for problem in &problems {
            eprintln!("{side} {path}: {problem}");
        }
        agree &= problems.is_empty();
    }
    agree
}

/// The files of a generated crate: on disk (`generated/`) or just generated.
enum Crate<'a> {
    Disk(&'a Path),
    Files(&'a codegen::Files),
}

impl Crate<'_> {
    fn read(&self, path: &str) -> Option<String> {
        match self {
            Crate::Disk(root) => std::fs::read_to_string(root.join(path)).ok(),
            Crate::Files(files) => files.find(path).map(|f| f.contents),
        }
    }

    /// Follows `pub type A = path::B;` from file to file to the definition a name stands for.
    /// The two crates may alias differently (the whole API shares more types), so each side
    /// is resolved on its own before the definitions are compared.
    fn resolve(&self, mut path: String) -> Result<(String, Vec<String>), String> {
        for _ in 0..64 {
            let text = self
                .read(&path)
                .ok_or_else(|| format!("{path} is missing"))?;
            let code = shape(&text);
            match alias_target(&code) {
                Some(target) => {
                    path = file_of(&path, &target).ok_or(format!("{path}: alias to {target}"))?
                }
                None => return Ok((path, code)),
            }
        }
        Err(format!("{path}: alias chain too long"))
    }
}

/// Compares the definitions two files resolve to, with type names abstracted, and then the
/// types they refer to, pair by pair.
fn compare(
    ours: &Crate,
    theirs: &Crate,
    our_path: &str,
    their_path: &str,
    seen: &mut Vec<(String, String)>,
) -> Result<(), String> {
    let (our_path, our_code) = ours.resolve(our_path.to_owned())?;
    let (their_path, their_code) = theirs.resolve(their_path.to_owned())?;
    let pair = (our_path.clone(), their_path.clone());
    if seen.contains(&pair) {
        return Ok(());
    }
    seen.push(pair);
    let (our_code, our_refs) = abstract_names(&our_code);
    let (their_code, their_refs) = abstract_names(&their_code);
    // Line breaks depend on name lengths, so layout is not compared.
    let squeeze = |code: Vec<String>| -> String { code.concat().split_whitespace().collect() };
    if squeeze(our_code) != squeeze(their_code) || our_refs.len() != their_refs.len() {
        return Err(format!(
            "generated/{our_path} differs from {their_path} (doc comments and type names aside)"
        ));
    }
    for (a, b) in our_refs.iter().zip(&their_refs) {
        let (a, b) = (
            file_of(&our_path, a).ok_or(format!("{our_path}: cannot find {a}"))?,
            file_of(&their_path, b).ok_or(format!("{their_path}: cannot find {b}"))?,
        );
        compare(ours, theirs, &a, &b, seen)?;
    }
    Ok(())
}

/// The file that defines `target` (`super::X` or `super::super::components::X`), as written
/// in the file at `from`. A type file is a module of its own, so the first `super` is the
/// folder it is in.
fn file_of(from: &str, target: &str) -> Option<String> {
    let parts: Vec<&str> = target.split("::").collect();
    let (name, modules) = parts.split_last()?;
    let (first, modules) = modules.split_first()?;
    if *first != "super" {
        return None;
    }
    let mut dir: Vec<&str> = from.split('/').collect();
    dir.pop();
    for module in modules {
        match *module {
            "super" => {
                dir.pop()?;
            }
            module => dir.push(module),
        }
    }
    Some(format!(
        "{}/{}.rs",
        dir.join("/"),
        naming::module_name(name)
    ))
}

/// Replaces every path to a generated type (`super::…::Name`) with `_` and returns the paths in
/// order; the type's own name is replaced too, wherever it stands.
fn abstract_names(code: &[String]) -> (Vec<String>, Vec<String>) {
    let mut refs = Vec::new();
    let own = code.iter().find_map(|l| {
        let rest = l
            .strip_prefix("pub struct ")
            .or_else(|| l.strip_prefix("pub enum "))?;
        Some(
            rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()?
                .to_owned(),
        )
    });
    let lines = code
        .iter()
        .map(|line| {
            let mut out = String::new();
            let mut rest = line.as_str();
            while let Some(at) = rest.find("super::") {
                out.push_str(&rest[..at]);
                let len = rest[at..]
                    .find(|c: char| !c.is_alphanumeric() && c != '_' && c != ':')
                    .unwrap_or(rest.len() - at);
                let path = &rest[at..at + len];
                let last = path.rsplit("::").next().unwrap_or_default();
                if last.starts_with(|c: char| c.is_ascii_uppercase()) {
                    refs.push(path.to_owned());
                    out.push('_');
                } else {
                    out.push_str(path);
                }
                rest = &rest[at + len..];
            }
            out.push_str(rest);
            match &own {
                Some(own) => out.replace(own.as_str(), "_"),
                None => out,
            }
        })
        .collect();
    (lines, refs)
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

/// `pub type A = super::B;` → `super::B`; `None` for anything else, including an alias of a
/// type that is not generated (`= Vec<…>`).
fn alias_target(code: &[String]) -> Option<String> {
    let joined = code.concat();
    let rest = joined.strip_prefix("pub type ")?;
    let target = rest.split_once('=')?.1.trim().strip_suffix(';')?;
    let plain = target.starts_with("super::")
        && target
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':');
    plain.then(|| target.to_owned())
}
