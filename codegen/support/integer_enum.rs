/// Implements an open enum of integers: `value`, `known`, `From<$int>`, `Display`,
/// `Serialize` and `Deserialize`. The integer type is `i64` unless the call names another
/// (`Name: u64 { … }`), for values beyond `i64`.
macro_rules! integer_enum {
    ($name:ident { $($variant:ident => $value:literal,)* } $other:ident) => {
        support::integer_enum!($name: i64 { $($variant => $value,)* } $other);
    };
    ($name:ident: $int:ty { $($variant:ident => $value:literal,)* } $other:ident) => {
        impl $name {
            /// The value as it appears in JSON.
            pub fn value(&self) -> $int {
                match self {
                    $(Self::$variant => $value,)*
                    Self::$other(value) => *value,
                }
            }

            /// The variant of a value the spec lists, or `None`.
            pub fn known(value: $int) -> ::std::option::Option<Self> {
                match value {
                    $($value => ::std::option::Option::Some(Self::$variant),)*
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::convert::From<$int> for $name {
            fn from(value: $int) -> Self {
                Self::known(value).unwrap_or(Self::$other(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                let value = <$int as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }
    };
}
pub(crate) use integer_enum;
