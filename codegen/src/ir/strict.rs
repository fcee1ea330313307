//! Strict format types: a string format typed as another crate's type (`chrono::NaiveDate`,
//! `uuid::Uuid`, `std::net::Ipv4Addr`), chosen per format in the configuration instead of the
//! support type that keeps the text.
//!
//! A strict type parses on reading, so a value it does not accept fails the whole response,
//! and it writes the value back in its own spelling (`+00:00` for `Z`, lower-case hex), so a
//! round trip keeps the value, not the text. Only pairs whose serde impls read and write the
//! format's text form are offered: a crate whose impl writes another form (the `time` crate's
//! date-times and times, which need a `with` adapter) or whose type cannot compare
//! (`jiff::Span`) is not.

use super::TextFormat;

/// A crate that gives strict types to string formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StrictCrate {
    Chrono,
    Time,
    Jiff,
    Uuid,
    RustDecimal,
    /// The standard library (`std::net`).
    Std,
}

impl StrictCrate {
    pub const ALL: [StrictCrate; 6] = [
        StrictCrate::Chrono,
        StrictCrate::Time,
        StrictCrate::Jiff,
        StrictCrate::Uuid,
        StrictCrate::RustDecimal,
        StrictCrate::Std,
    ];

    /// The name a configuration gives it: the crate's name as Cargo writes it.
    pub fn config_name(self) -> &'static str {
        match self {
            StrictCrate::Chrono => "chrono",
            StrictCrate::Time => "time",
            StrictCrate::Jiff => "jiff",
            StrictCrate::Uuid => "uuid",
            StrictCrate::RustDecimal => "rust_decimal",
            StrictCrate::Std => "std",
        }
    }

    pub fn from_config_name(name: &str) -> Option<StrictCrate> {
        StrictCrate::ALL
            .into_iter()
            .find(|c| c.config_name() == name)
    }

    /// The dependency the generated crate takes on it: name, version requirement, features.
    /// `None` for the standard library.
    pub fn dependency(self) -> Option<(&'static str, &'static str, &'static [&'static str])> {
        match self {
            // The versions of the support types' conversions, with default features (`std`).
            StrictCrate::Chrono => Some(("chrono", "0.4.31", &["serde"])),
            StrictCrate::Time => Some(("time", "0.3.30", &["serde-human-readable"])),
            StrictCrate::Jiff => Some(("jiff", "0.2", &["serde"])),
            StrictCrate::Uuid => Some(("uuid", "1", &["serde"])),
            StrictCrate::RustDecimal => Some(("rust_decimal", "1.30", &["serde"])),
            StrictCrate::Std => None,
        }
    }
}

/// A format typed strictly by a crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Strict {
    pub format: TextFormat,
    pub krate: StrictCrate,
}

impl Strict {
    /// The pair, where `krate` has a strict type for `format` (see the module's rule).
    pub fn new(format: TextFormat, krate: StrictCrate) -> Option<Strict> {
        let strict = Strict { format, krate };
        strict.path_text().map(|_| strict)
    }

    /// The crates with a strict type for `format`.
    pub fn crates_for(format: TextFormat) -> Vec<StrictCrate> {
        StrictCrate::ALL
            .into_iter()
            .filter(|&krate| Strict::new(format, krate).is_some())
            .collect()
    }

    fn path_text(self) -> Option<&'static str> {
        use StrictCrate as C;
        use TextFormat as F;
        Some(match (self.format, self.krate) {
            (F::DateTime, C::Chrono) => "::chrono::DateTime<::chrono::FixedOffset>",
            (F::DateTime, C::Jiff) => "::jiff::Timestamp",
            (F::Date, C::Chrono) => "::chrono::NaiveDate",
            (F::Date, C::Jiff) => "::jiff::civil::Date",
            (F::Date, C::Time) => "::time::Date",
            (F::Time, C::Chrono) => "::chrono::NaiveTime",
            (F::Time, C::Jiff) => "::jiff::civil::Time",
            (F::Uuid, C::Uuid) => "::uuid::Uuid",
            (F::Decimal, C::RustDecimal) => "::rust_decimal::Decimal",
            (F::Ipv4, C::Std) => "::std::net::Ipv4Addr",
            (F::Ipv6, C::Std) => "::std::net::Ipv6Addr",
            _ => return None,
        })
    }

    /// The Rust type, as a path from the crate root of any crate.
    pub fn type_path(self) -> &'static str {
        self.path_text().expect("made by Strict::new")
    }

    /// The type as a reader writes it, without the leading `::` of [`Strict::type_path`]:
    /// `chrono::DateTime<chrono::FixedOffset>`.
    pub fn written(self) -> String {
        self.type_path()
            .trim_start_matches("::")
            .replace("<::", "<")
    }

    /// Whether the type has a `Default` (so a struct holding it may derive one).
    pub fn has_default(self) -> bool {
        // `time::Date` and the addresses of `std::net` have none; the others default to an
        // epoch, a midnight, a nil or a zero.
        !matches!(self.krate, StrictCrate::Time | StrictCrate::Std)
    }

    /// Whether the type reads `text`, by a rule at least as strict as each crate's own: an
    /// example this accepts is read by the crate, so the generated test that reads it holds.
    /// A text it refuses that the crate would read only costs that example its test.
    pub fn accepts(self, text: &str) -> bool {
        match self.format {
            TextFormat::DateTime => date_time(text),
            TextFormat::Date => date(text.as_bytes()),
            TextFormat::Time => time_of_day(text.as_bytes()),
            TextFormat::Uuid => uuid(text.as_bytes()),
            TextFormat::Decimal => decimal(text.as_bytes()),
            TextFormat::Ipv4 => text.parse::<std::net::Ipv4Addr>().is_ok(),
            TextFormat::Ipv6 => text.parse::<std::net::Ipv6Addr>().is_ok(),
            _ => false,
        }
    }
}

/// `digits` ASCII digits at the start of `text`, as a number.
fn number(text: &[u8], digits: usize) -> Option<u32> {
    let part = text.get(..digits)?;
    part.iter().all(u8::is_ascii_digit).then(|| {
        part.iter()
            .fold(0, |n, digit| n * 10 + u32::from(digit - b'0'))
    })
}

/// `YYYY-MM-DD`, a day the calendar has.
fn date(text: &[u8]) -> bool {
    if text.len() != 10 || text[4] != b'-' || text[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (
        number(text, 4),
        number(&text[5..], 2),
        number(&text[8..], 2),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `HH:MM:SS` with at most nine digits of fraction; no leap second, no offset.
fn time_of_day(text: &[u8]) -> bool {
    if text.len() < 8 || text[2] != b':' || text[5] != b':' {
        return false;
    }
    let in_range = |at: usize, max: u32| number(&text[at..], 2).is_some_and(|n| n <= max);
    if !(in_range(0, 23) && in_range(3, 59) && in_range(6, 59)) {
        return false;
    }
    match &text[8..] {
        [] => true,
        [b'.', fraction @ ..] => {
            (1..=9).contains(&fraction.len()) && fraction.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// RFC 3339 as every crate offered reads it: `YYYY-MM-DDTHH:MM:SS[.fraction]` and `Z` or
/// `±HH:MM`, upper-case letters only.
fn date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || bytes[10] != b'T' || !date(&bytes[..10]) {
        return false;
    }
    let rest = &bytes[11..];
    let (time, offset) = match rest.last() {
        Some(b'Z') => (&rest[..rest.len() - 1], None),
        _ if rest.len() >= 6 => {
            let (time, offset) = rest.split_at(rest.len() - 6);
            (time, Some(offset))
        }
        _ => return false,
    };
    let offset_ok = offset.is_none_or(|offset| {
        matches!(offset[0], b'+' | b'-')
            && offset[3] == b':'
            && number(&offset[1..], 2).is_some_and(|h| h <= 23)
            && number(&offset[4..], 2).is_some_and(|m| m <= 59)
    });
    offset_ok && time_of_day(time)
}

/// Hexadecimal in the hyphenated groups 8-4-4-4-12.
fn uuid(text: &[u8]) -> bool {
    text.len() == 36
        && text.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// `-digits[.digits]`, at most 28 digits in all (what `rust_decimal` holds exactly).
fn decimal(text: &[u8]) -> bool {
    let unsigned = text.strip_prefix(b"-").unwrap_or(text);
    let (whole, fraction) = match unsigned.iter().position(|&c| c == b'.') {
        Some(dot) => (&unsigned[..dot], Some(&unsigned[dot + 1..])),
        None => (unsigned, None),
    };
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    digits(whole)
        && fraction.is_none_or(digits)
        && whole.len() + fraction.map_or(0, <[u8]>::len) <= 28
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_offered() {
        let table = [
            (TextFormat::DateTime, vec!["chrono", "jiff"]),
            (TextFormat::Date, vec!["chrono", "time", "jiff"]),
            (TextFormat::Time, vec!["chrono", "jiff"]),
            (TextFormat::Duration, vec![]),
            (TextFormat::Uuid, vec!["uuid"]),
            (TextFormat::Decimal, vec!["rust_decimal"]),
            (TextFormat::Int64, vec![]),
            (TextFormat::Byte, vec![]),
            (TextFormat::Ipv4, vec!["std"]),
            (TextFormat::Ipv6, vec!["std"]),
        ];
        for (format, crates) in table {
            let offered: Vec<_> = Strict::crates_for(format)
                .into_iter()
                .map(StrictCrate::config_name)
                .collect();
            assert_eq!(offered, crates, "{format:?}");
        }
        for krate in StrictCrate::ALL {
            assert_eq!(
                StrictCrate::from_config_name(krate.config_name()),
                Some(krate)
            );
        }
        let chrono = Strict::new(TextFormat::DateTime, StrictCrate::Chrono).unwrap();
        assert_eq!(chrono.written(), "chrono::DateTime<chrono::FixedOffset>");
        for format in TextFormat::ALL {
            for krate in Strict::crates_for(format) {
                let strict = Strict::new(format, krate).unwrap();
                assert!(syn::parse_str::<syn::Type>(strict.type_path()).is_ok());
                assert!(syn::parse_str::<syn::Type>(&strict.written()).is_ok());
            }
        }
    }

    #[test]
    fn texts_accepted() {
        let table: [(TextFormat, &str, bool); 31] = [
            (TextFormat::DateTime, "2024-02-29T12:30:00Z", true),
            (
                TextFormat::DateTime,
                "2024-02-29T12:30:00.123456789+05:30",
                true,
            ),
            (TextFormat::DateTime, "2023-02-29T12:30:00Z", false),
            (TextFormat::DateTime, "2024-01-01t12:30:00z", false),
            (TextFormat::DateTime, "2024-01-01 12:30:00Z", false),
            (TextFormat::DateTime, "2024-01-01T12:30:60Z", false),
            (TextFormat::DateTime, "2024-01-01T12:30:00", false),
            (TextFormat::DateTime, "2024-01-01T12:30:00+24:00", false),
            (TextFormat::DateTime, "2024-01-01T12:30:00.Z", false),
            (TextFormat::DateTime, "2024-01-01T12:30Z", false),
            (TextFormat::Date, "2000-02-29", true),
            (TextFormat::Date, "1900-02-29", false),
            (TextFormat::Date, "2024-13-01", false),
            (TextFormat::Date, "2024-04-31", false),
            (TextFormat::Date, "24-04-01", false),
            (TextFormat::Time, "23:59:59.5", true),
            (TextFormat::Time, "23:59:59Z", false),
            (TextFormat::Time, "24:00:00", false),
            (
                TextFormat::Uuid,
                "123e4567-E89B-12d3-a456-426614174000",
                true,
            ),
            (TextFormat::Uuid, "123e4567e89b12d3a456426614174000", false),
            (
                TextFormat::Uuid,
                "123e4567-e89b-12d3-a456-42661417400g",
                false,
            ),
            (TextFormat::Decimal, "-12.50", true),
            (TextFormat::Decimal, "7", true),
            (TextFormat::Decimal, "1e5", false),
            (TextFormat::Decimal, "+1", false),
            (TextFormat::Decimal, ".5", false),
            (TextFormat::Decimal, "12345678901234567890.123456789", false),
            (TextFormat::Ipv4, "192.168.0.1", true),
            (TextFormat::Ipv4, "192.168.0.01", false),
            (TextFormat::Ipv6, "::1", true),
            (TextFormat::Ipv6, "::1%eth0", false),
        ];
        for (format, text, accepted) in table {
            let krate = Strict::crates_for(format)[0];
            let strict = Strict::new(format, krate).unwrap();
            assert_eq!(strict.accepts(text), accepted, "{format:?} {text}");
        }
    }
}
