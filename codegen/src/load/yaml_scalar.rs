//! How `serde_yaml` reads an untagged plain scalar, for the fast YAML reader
//! (`yaml_events`): the same visitor calls for the same text, so that the value built, and
//! every warning the lenient reader records, is the plain path's.

use serde::de::{self, Visitor};

/// An untagged plain scalar, by the rules `serde_yaml` applies: empty, `~` and the three
/// spellings of `null` are null; the three spellings each of `true` and `false` are booleans;
/// then an integer (decimal, `0x`, `0o`, `0b`, signed, but no decimal with a leading zero),
/// tried as `u64`, negative `i64`, `u128`, negative `i128`; then a finite float or `.inf` and
/// `.nan` in their spellings; else the text.
pub(super) fn plain_scalar<'de, V: Visitor<'de>, E: de::Error>(
    text: &str,
    visitor: V,
) -> Result<V::Value, E> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return visitor.visit_unit(),
        "true" | "True" | "TRUE" => return visitor.visit_bool(true),
        "false" | "False" | "FALSE" => return visitor.visit_bool(false),
        _ => {}
    }
    // Most scalars of a spec are words: nothing below reads a scalar that starts with a
    // letter but `.inf`, `.nan` and Rust's own float words (`inf`, `nan`, `infinity`), which
    // are not finite and so stay text.
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return visitor.visit_str(text);
    }
    if let Some(n) = unsigned::<u64>(text) {
        return visitor.visit_u64(n);
    }
    if let Some(n) = negative::<i64>(text) {
        return visitor.visit_i64(n);
    }
    if let Some(n) = unsigned::<u128>(text) {
        return visitor.visit_u128(n);
    }
    if let Some(n) = negative::<i128>(text) {
        return visitor.visit_i128(n);
    }
    if !leading_zero_digits(text) {
        if let Some(x) = float(text) {
            return visitor.visit_f64(x);
        }
    }
    visitor.visit_str(text)
}

/// The integer types the ladder of [`plain_scalar`] tries.
trait Radix: Sized {
    fn parse(text: &str, radix: u32) -> Option<Self>;
}

macro_rules! radix {
    ($($t:ty),*) => {$(
        impl Radix for $t {
            fn parse(text: &str, radix: u32) -> Option<Self> {
                <$t>::from_str_radix(text, radix).ok()
            }
        }
    )*};
}
radix!(u64, u128, i64, i128);

/// The digits after a base prefix: `None` where they start with a sign of their own.
fn unsigned_digits<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)
        .filter(|rest| !rest.starts_with(['+', '-']))
}

const BASES: [(&str, u32); 3] = [("0x", 16), ("0o", 8), ("0b", 2)];

/// A non-negative integer: an optional `+`, then a base prefix and digits, or decimal digits
/// without a leading zero.
fn unsigned<T: Radix>(text: &str) -> Option<T> {
    let body = text.strip_prefix('+').unwrap_or(text);
    for (prefix, radix) in BASES {
        if let Some(n) = unsigned_digits(body, prefix).and_then(|digits| T::parse(digits, radix)) {
            return Some(n);
        }
    }
    if body.starts_with(['+', '-']) || leading_zero_digits(text) {
        return None;
    }
    T::parse(body, 10)
}

/// A negative integer (or any the decimal parse takes): `-` and a base prefix, or decimal.
fn negative<T: Radix>(text: &str) -> Option<T> {
    if let Some(rest) = text.strip_prefix('-') {
        for (prefix, radix) in BASES {
            if let Some(digits) = rest.strip_prefix(prefix) {
                if let Some(n) = T::parse(&format!("-{digits}"), radix) {
                    return Some(n);
                }
            }
        }
    }
    if leading_zero_digits(text) {
        return None;
    }
    T::parse(text, 10)
}

/// Decimal digits with a leading zero (`007`, `-01`): text in YAML 1.2, not a number.
fn leading_zero_digits(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A float: `.inf` and `.nan` in YAML's spellings, else a finite number Rust reads.
fn float(text: &str) -> Option<f64> {
    let body = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    match body {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    match text {
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    body.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use crate::load::lenient::{self, Change};
    use serde_json::Value;

    /// The plain path's reading of `text`.
    fn plain(text: &str) -> Result<(Value, Vec<Change>), serde_yaml::Error> {
        lenient::read(serde_yaml::Deserializer::from_str(text))
    }

    /// Plain scalars of every kind the rules tell apart, and their near misses.
    const SCALARS: [&str; 66] = [
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "nUll",
        "true",
        "True",
        "TRUE",
        "tRue",
        "false",
        "FALSE",
        "yes",
        "on",
        "0",
        "-0",
        "+0",
        "7",
        "+7",
        "-7",
        "007",
        "-007",
        "+007",
        "0x1F",
        "+0x1F",
        "-0x1F",
        "0x-1",
        "0x+1",
        "0x",
        "0o17",
        "-0o17",
        "0o8",
        "0b101",
        "-0b101",
        "0b2",
        "--1",
        "++1",
        "+-1",
        "+",
        "-",
        ".",
        "1e3",
        "1E3",
        "-1.5e-3",
        ".5",
        "5.",
        "00.5",
        "0.",
        "1_000",
        "12:30",
        "0.1.2",
        ".inf",
        "+.inf",
        "-.Inf",
        ".NaN",
        "+.nan",
        "inf",
        "nan",
        "infinity",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "340282366920938463463374607431768211456",
        "1e400",
        "string",
        "a: b",
    ];

    #[test]
    fn scalars_read_as_the_plain_path_reads_them() {
        let mut compared = 0;
        for scalar in SCALARS {
            // As a value and as a key, plain (where YAML lets it be) and quoted.
            let quoted = format!("'{}'", scalar.replace('\'', "''"));
            let mut texts = vec![format!("v: {quoted}\n"), format!("{quoted}: v\n")];
            if !scalar.contains(": ") && !scalar.is_empty() {
                texts.push(format!("v: {scalar}\nlist: [{scalar}, x]\n"));
                texts.push(format!("{scalar}: v\n"));
            }
            for text in texts {
                // The fast path reads whatever the plain one reads, the same way.
                let fast = super::super::yaml_events::read(&text);
                assert_eq!(
                    fast.is_some(),
                    plain(&text).is_ok(),
                    "{text:?}: {:?}",
                    plain(&text)
                );
                assert_eq!(fast, plain(&text).ok(), "{text:?}");
                compared += 1;
            }
        }
        assert_eq!(compared, 4 * SCALARS.len() - 2 * 2);
    }
}
