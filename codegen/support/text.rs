/// Writes a type that holds a string in one format exactly as it came: it reads every string
/// (a value that does not parse in its format never makes a whole reply fail to decode),
/// writes back the same bytes, and says what the text is. Typed access is beside it, in the
/// impls below, some behind the crate's features.
macro_rules! text_format {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(::std::string::String);

        impl $name {
            /// The value from its text, taken as it is.
            pub fn new(text: impl ::std::convert::Into<::std::string::String>) -> Self {
                $name(text.into())
            }

            /// The text as it came.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> ::std::string::String {
                self.0
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(text: ::std::string::String) -> Self {
                $name(text)
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(text: &str) -> Self {
                $name(text.into())
            }
        }

        impl ::std::convert::From<$name> for ::std::string::String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                ::std::string::String::deserialize(deserializer).map($name)
            }
        }
    };
}

// format: date-time

text_format! {
    /// A date and time, `format: date-time` (RFC 3339, `2024-05-01T09:30:00Z`), kept as
    /// written. Typed with the features `chrono`, `time` or `jiff`.
    DateTime
}

#[cfg(feature = "chrono")]
impl DateTime {
    pub fn to_chrono(
        &self,
    ) -> ::std::result::Result<::chrono::DateTime<::chrono::FixedOffset>, ::chrono::ParseError> {
        ::chrono::DateTime::parse_from_rfc3339(&self.0)
    }
}

#[cfg(feature = "chrono")]
impl<Tz: ::chrono::TimeZone> ::std::convert::From<::chrono::DateTime<Tz>> for DateTime
where
    Tz::Offset: ::std::fmt::Display,
{
    fn from(value: ::chrono::DateTime<Tz>) -> Self {
        DateTime(value.to_rfc3339())
    }
}

#[cfg(feature = "time")]
impl DateTime {
    pub fn to_time(
        &self,
    ) -> ::std::result::Result<::time::OffsetDateTime, ::time::error::Parse> {
        ::time::OffsetDateTime::parse(&self.0, &::time::format_description::well_known::Rfc3339)
    }
}

#[cfg(feature = "jiff")]
impl DateTime {
    pub fn to_jiff(&self) -> ::std::result::Result<::jiff::Timestamp, ::jiff::Error> {
        self.0.parse()
    }
}

// format: date

text_format! {
    /// A calendar date, `format: date` (`2024-05-01`), kept as written. Typed with the features
    /// `chrono`, `time` or `jiff`.
    Date
}

#[cfg(feature = "chrono")]
impl Date {
    pub fn to_chrono(&self) -> ::std::result::Result<::chrono::NaiveDate, ::chrono::ParseError> {
        ::chrono::NaiveDate::parse_from_str(&self.0, "%Y-%m-%d")
    }
}

#[cfg(feature = "chrono")]
impl ::std::convert::From<::chrono::NaiveDate> for Date {
    fn from(value: ::chrono::NaiveDate) -> Self {
        Date(value.format("%Y-%m-%d").to_string())
    }
}

#[cfg(feature = "time")]
impl Date {
    pub fn to_time(&self) -> ::std::result::Result<::time::Date, ::time::error::Parse> {
        ::time::Date::parse(
            &self.0,
            &::time::format_description::well_known::Iso8601::DATE,
        )
    }
}

#[cfg(feature = "jiff")]
impl Date {
    pub fn to_jiff(&self) -> ::std::result::Result<::jiff::civil::Date, ::jiff::Error> {
        self.0.parse()
    }
}

// format: time

text_format! {
    /// A time of day, `format: time` (RFC 3339's `full-time`, `09:30:00Z`), kept as written.
    Time
}

// format: duration

text_format! {
    /// A length of time, `format: duration` (ISO 8601, `P1DT2H`), kept as written. Typed with
    /// the feature `jiff`.
    Duration
}

#[cfg(feature = "jiff")]
impl Duration {
    pub fn to_jiff(&self) -> ::std::result::Result<::jiff::Span, ::jiff::Error> {
        self.0.parse()
    }
}

// format: uuid

text_format! {
    /// A UUID, `format: uuid`, kept as written (case and all). Typed with the feature `uuid`.
    Uuid
}

#[cfg(feature = "uuid")]
impl Uuid {
    pub fn to_uuid(&self) -> ::std::result::Result<::uuid::Uuid, ::uuid::Error> {
        ::uuid::Uuid::parse_str(&self.0)
    }
}

#[cfg(feature = "uuid")]
impl ::std::convert::From<::uuid::Uuid> for Uuid {
    fn from(value: ::uuid::Uuid) -> Self {
        Uuid(value.to_string())
    }
}

// format: decimal

text_format! {
    /// A decimal number written as text, `format: decimal` (`"12.50"`), kept as written, so no
    /// digit is lost to a float. Typed with the feature `rust_decimal`.
    Decimal
}

#[cfg(feature = "rust_decimal")]
impl Decimal {
    pub fn to_decimal(
        &self,
    ) -> ::std::result::Result<::rust_decimal::Decimal, ::rust_decimal::Error> {
        self.0.parse()
    }
}

#[cfg(feature = "rust_decimal")]
impl ::std::convert::From<::rust_decimal::Decimal> for Decimal {
    fn from(value: ::rust_decimal::Decimal) -> Self {
        Decimal(value.to_string())
    }
}

// format: int64

text_format! {
    /// A 64-bit integer written as text, `type: string, format: int64` (as APIs send integers
    /// past what a JavaScript number holds), kept as written; [`Int64::to_i64`] reads it.
    Int64
}

impl Int64 {
    pub fn to_i64(&self) -> ::std::result::Result<i64, ::std::num::ParseIntError> {
        self.0.parse()
    }
}

impl ::std::convert::From<i64> for Int64 {
    fn from(value: i64) -> Self {
        Int64(value.to_string())
    }
}

// format: uint64

text_format! {
    /// An unsigned 64-bit integer written as text, `format: uint64`, kept as written;
    /// [`Uint64::to_u64`] reads it.
    Uint64
}

impl Uint64 {
    pub fn to_u64(&self) -> ::std::result::Result<u64, ::std::num::ParseIntError> {
        self.0.parse()
    }
}

impl ::std::convert::From<u64> for Uint64 {
    fn from(value: u64) -> Self {
        Uint64(value.to_string())
    }
}

// format: byte

text_format! {
    /// Bytes as base64 text, `format: byte`, kept as written; [`Base64::decode`] reads them.
    Base64
}

/// Base64 text that is not base64: the first character that cannot be part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Error {
    pub at: usize,
}

impl ::std::fmt::Display for Base64Error {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "not base64 at byte {}", self.at)
    }
}

impl ::std::error::Error for Base64Error {}

impl Base64 {
    /// The bytes, from the standard alphabet or the URL-safe one, padded or not.
    pub fn decode(&self) -> ::std::result::Result<::std::vec::Vec<u8>, Base64Error> {
        let mut bytes = ::std::vec::Vec::with_capacity(self.0.len() / 4 * 3);
        let (mut buffer, mut bits) = (0u32, 0u32);
        let text = self.0.trim_end_matches('=');
        for (at, c) in text.bytes().enumerate() {
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' | b'-' => 62,
                b'/' | b'_' => 63,
                _ => return ::std::result::Result::Err(Base64Error { at }),
            };
            buffer = (buffer << 6) | u32::from(value);
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                bytes.push((buffer >> bits) as u8);
                buffer &= (1 << bits) - 1;
            }
        }
        // One character past a whole group holds 6 bits, less than a byte: not base64.
        if text.len() % 4 == 1 {
            return ::std::result::Result::Err(Base64Error { at: text.len() - 1 });
        }
        ::std::result::Result::Ok(bytes)
    }

    /// The standard, padded base64 text of `bytes`.
    pub fn encode(bytes: &[u8]) -> Self {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut text = ::std::string::String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
            for i in 0..4 {
                if i <= chunk.len() {
                    text.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
                } else {
                    text.push('=');
                }
            }
        }
        Base64(text)
    }
}

// format: uri

text_format! {
    /// A URI, `format: uri`, kept as written.
    Uri
}

// format: email

text_format! {
    /// An email address, `format: email`, kept as written.
    Email
}

// format: ipv4

text_format! {
    /// An IPv4 address, `format: ipv4`, kept as written; [`Ipv4::to_addr`] reads it.
    Ipv4
}

impl Ipv4 {
    pub fn to_addr(&self) -> ::std::result::Result<::std::net::Ipv4Addr, ::std::net::AddrParseError> {
        self.0.parse()
    }
}

impl ::std::convert::From<::std::net::Ipv4Addr> for Ipv4 {
    fn from(value: ::std::net::Ipv4Addr) -> Self {
        Ipv4(value.to_string())
    }
}

// format: ipv6

text_format! {
    /// An IPv6 address, `format: ipv6`, kept as written; [`Ipv6::to_addr`] reads it.
    Ipv6
}

impl Ipv6 {
    pub fn to_addr(&self) -> ::std::result::Result<::std::net::Ipv6Addr, ::std::net::AddrParseError> {
        self.0.parse()
    }
}

impl ::std::convert::From<::std::net::Ipv6Addr> for Ipv6 {
    fn from(value: ::std::net::Ipv6Addr) -> Self {
        Ipv6(value.to_string())
    }
}
