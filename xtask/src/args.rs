//! The one argument parser of the xtask: each command declares its flags (switches, or flags
//! that take a value, as `--flag VALUE` or `--flag=VALUE`) and how many other arguments it
//! takes; anything else is refused with a message naming it. A handful of flags does not
//! justify a CLI crate in the first build of every clone.

/// A flag a command takes.
#[derive(Debug, Clone, Copy)]
pub struct Flag {
    pub name: &'static str,
    /// Whether it takes a value (`--spec FILE`) rather than being a switch (`--check`).
    pub value: bool,
}

/// A switch: `--check`.
pub const fn switch(name: &'static str) -> Flag {
    Flag { name, value: false }
}

/// A flag with a value: `--spec FILE`.
pub const fn valued(name: &'static str) -> Flag {
    Flag { name, value: true }
}

/// What a command takes besides its flags: at least `min` other arguments, at most `max`.
#[derive(Debug, Clone, Copy)]
pub struct Operands {
    pub min: usize,
    pub max: Option<usize>,
}

/// A command's arguments, parsed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Each flag given, in the order given, with its value for a flag that takes one.
    pub flags: Vec<(&'static str, Option<String>)>,
    /// The other arguments, in order.
    pub operands: Vec<String>,
}

impl Parsed {
    /// Whether a switch was given.
    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(flag, _)| *flag == name)
    }

    /// The value of a flag, where it was given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|(flag, _)| *flag == name)
            .and_then(|(_, value)| value.as_deref())
    }
}

/// Parses `args` by the command's flags and operand count. `--` ends the flags: what follows
/// is an operand even where it starts with `-`.
pub fn parse(args: &[String], flags: &[Flag], operands: Operands) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut iter = args.iter();
    let mut only_operands = false;
    while let Some(arg) = iter.next() {
        if only_operands || !arg.starts_with('-') || arg == "-" {
            parsed.operands.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_operands = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let Some(flag) = flags.iter().find(|f| f.name == name) else {
            return Err(format!("unknown argument `{arg}`"));
        };
        if parsed.has(flag.name) {
            return Err(format!("{} is given twice", flag.name));
        }
        let value = match (flag.value, inline) {
            (true, Some(value)) => Some(value),
            (true, None) => Some(
                iter.next()
                    .filter(|v| !v.starts_with("--"))
                    .cloned()
                    .ok_or_else(|| format!("{} needs a value", flag.name))?,
            ),
            (false, Some(_)) => return Err(format!("{} takes no value", flag.name)),
            (false, None) => None,
        };
        parsed.flags.push((flag.name, value));
    }
    let count = parsed.operands.len();
    if count < operands.min {
        return Err(format!(
            "{} argument{} missing",
            operands.min - count,
            if operands.min - count == 1 {
                " is"
            } else {
                "s are"
            }
        ));
    }
    if let Some(max) = operands.max.filter(|max| count > *max) {
        return Err(format!("unexpected argument `{}`", parsed.operands[max]));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLAGS: &[Flag] = &[switch("--check"), valued("--spec"), valued("--out")];

    fn run(args: &[&str], operands: Operands) -> Result<Parsed, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&args, FLAGS, operands)
    }

    const NONE: Operands = Operands {
        min: 0,
        max: Some(0),
    };

    #[test]
    fn flags_parse_in_both_forms_with_operands_around_them() {
        let any = Operands { min: 0, max: None };
        let parsed = run(&["a", "--spec", "s.yaml", "--out=o", "--check", "b"], any).unwrap();
        assert_eq!(parsed.value("--spec"), Some("s.yaml"));
        assert_eq!(parsed.value("--out"), Some("o"));
        assert!(parsed.has("--check"));
        assert_eq!(parsed.operands, ["a", "b"]);
        let parsed = run(&["--", "--spec"], any).unwrap();
        assert_eq!(parsed.operands, ["--spec"]);
    }

    #[test]
    fn bad_arguments_are_named() {
        let table: [(&[&str], Operands, &str); 8] = [
            (&["--spec"], NONE, "--spec needs a value"),
            (&["--spec", "--out", "o"], NONE, "--spec needs a value"),
            (&["--check=yes"], NONE, "--check takes no value"),
            (&["--check", "--check"], NONE, "--check is given twice"),
            (&["--spec", "a", "--spec=b"], NONE, "--spec is given twice"),
            (&["--frobnicate"], NONE, "unknown argument `--frobnicate`"),
            (&["x"], NONE, "unexpected argument `x`"),
            (
                &[],
                Operands {
                    min: 1,
                    max: Some(1),
                },
                "1 argument is missing",
            ),
        ];
        for (args, operands, message) in table {
            assert_eq!(run(args, operands).unwrap_err(), message, "{args:?}");
        }
    }
}
