//! A small flag parser: the xtask takes a handful of flags, which does not justify a CLI crate
//! in the first-run build of every clone.

/// Flags of `cargo xtask codegen`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CodegenArgs {
    pub check: bool,
    pub spec: Option<String>,
    pub out: Option<String>,
    pub name: Option<String>,
}

pub fn parse_codegen(args: &[String]) -> Result<CodegenArgs, String> {
    let mut parsed = CodegenArgs::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| iter.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--check" if inline.is_none() => parsed.check = true,
            "--spec" => parsed.spec = Some(value("--spec")?),
            "--out" => parsed.out = Some(value("--out")?),
            "--name" => parsed.name = Some(value("--name")?),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if parsed.spec.is_some() != parsed.out.is_some() {
        return Err("--spec and --out go together".to_owned());
    }
    if parsed.name.is_some() && parsed.spec.is_none() {
        return Err("--name goes with --spec and --out".to_owned());
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<CodegenArgs, String> {
        parse_codegen(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn flags_parse_in_both_forms() {
        assert_eq!(parse(&[]).unwrap(), CodegenArgs::default());
        let a = parse(&["--spec", "a.yaml", "--out=o", "--name", "x", "--check"]).unwrap();
        assert_eq!(
            a,
            CodegenArgs {
                check: true,
                spec: Some("a.yaml".into()),
                out: Some("o".into()),
                name: Some("x".into()),
            }
        );
    }

    #[test]
    fn bad_flags_are_explained() {
        assert_eq!(parse(&["--spec"]).unwrap_err(), "--spec needs a value");
        assert_eq!(
            parse(&["--spec", "a"]).unwrap_err(),
            "--spec and --out go together"
        );
        assert_eq!(
            parse(&["--name", "x"]).unwrap_err(),
            "--name goes with --spec and --out"
        );
        assert_eq!(
            parse(&["--frobnicate"]).unwrap_err(),
            "unknown argument `--frobnicate`"
        );
    }
}
