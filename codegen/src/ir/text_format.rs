//! The string formats that get a type of their own: text kept exactly as it came, with typed
//! access (`support::DateTime`, `support::Uuid`, ...), rather than a bare `String`.

/// A `format` of a string schema that has a support type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextFormat {
    DateTime,
    Date,
    Time,
    Duration,
    Uuid,
    Decimal,
    /// `type: string, format: int64`: an integer written as text (past what JSON numbers keep).
    Int64,
    Uint64,
    /// `format: byte`: base64 text.
    Byte,
    Uri,
    Email,
    Ipv4,
    Ipv6,
}

impl TextFormat {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [TextFormat; 13] = [
        TextFormat::DateTime,
        TextFormat::Date,
        TextFormat::Time,
        TextFormat::Duration,
        TextFormat::Uuid,
        TextFormat::Decimal,
        TextFormat::Int64,
        TextFormat::Uint64,
        TextFormat::Byte,
        TextFormat::Uri,
        TextFormat::Email,
        TextFormat::Ipv4,
        TextFormat::Ipv6,
    ];

    /// The format a string schema's `format` names, if it has a type; formats are matched as
    /// the specification spells them.
    pub fn from_format(format: &str) -> Option<TextFormat> {
        TextFormat::ALL
            .into_iter()
            .find(|f| f.spec_name() == format)
    }

    /// The `format` as a spec writes it.
    pub fn spec_name(self) -> &'static str {
        match self {
            TextFormat::DateTime => "date-time",
            TextFormat::Date => "date",
            TextFormat::Time => "time",
            TextFormat::Duration => "duration",
            TextFormat::Uuid => "uuid",
            TextFormat::Decimal => "decimal",
            TextFormat::Int64 => "int64",
            TextFormat::Uint64 => "uint64",
            TextFormat::Byte => "byte",
            TextFormat::Uri => "uri",
            TextFormat::Email => "email",
            TextFormat::Ipv4 => "ipv4",
            TextFormat::Ipv6 => "ipv6",
        }
    }

    /// The name of its type in the generated crate's support module.
    pub fn type_name(self) -> &'static str {
        match self {
            TextFormat::DateTime => "DateTime",
            TextFormat::Date => "Date",
            TextFormat::Time => "Time",
            TextFormat::Duration => "Duration",
            TextFormat::Uuid => "Uuid",
            TextFormat::Decimal => "Decimal",
            TextFormat::Int64 => "Int64",
            TextFormat::Uint64 => "Uint64",
            TextFormat::Byte => "Base64",
            TextFormat::Uri => "Uri",
            TextFormat::Email => "Email",
            TextFormat::Ipv4 => "Ipv4",
            TextFormat::Ipv6 => "Ipv6",
        }
    }
}
