/// Implements `Serialize` and `Deserialize` for a model struct, given each property as
/// `kind "jsonName" => field: Type` (the kinds are the modules below) and, after `+`, the
/// map that keeps undeclared properties. A property is written under its JSON name; an
/// absent optional one is skipped; an explicit `null` of a nullable one is kept; a
/// property given twice is an error, as is a missing required one.
macro_rules! object_serde {
    ($name:ident { $($kind:ident $json:literal => $field:ident: $ty:ty,)* } $(+ $extra:ident)?) => {
        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $(support::$kind::write(&mut map, $json, &self.$field)?;)*
                $(for (key, value) in &self.$extra {
                    map.serialize_entry(key, value)?;
                })?
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }

                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> ::std::result::Result<$name, __A::Error> {
                        // One local for all properties read so far, rather than one
                        // each: every early return then drops one value. Its fields
                        // are typed as written, with nothing to infer. Both keep the
                        // compiler's work per property constant, however many there are.
                        struct __Read { $($field: ::std::option::Option<$ty>,)* }
                        // (Unused, and needlessly mutable, in a struct with no properties.)
                        #[allow(unused_mut, unused_variables)]
                        let mut read = __Read { $($field: ::std::option::Option::None,)* };
                        $(let mut $extra = ::indexmap::IndexMap::new();)?
                        // Undeclared properties go to the map if there is one, else
                        // are skipped.
                        let mut _unknown = support::Skip;
                        $(let mut _unknown = &mut $extra;)?
                        while let ::std::option::Option::Some(key) =
                            map.next_key::<support::Key<'de>>()?
                        {
                            // One `?` for all arms rather than one each, which halves
                            // the compiler's work for a struct of many properties.
                            let step = match &*key.0 {
                                $($json => support::$kind::read(&mut read.$field, $json, &mut map),)*
                                _ => support::Unknown::take(&mut _unknown, key, &mut map),
                            };
                            step?;
                        }
                        // One statement a property, not one chained expression: a chain
                        // nests as deep as there are properties, and the compiler's stack
                        // does not reach that deep for tens of thousands of them.
                        // (Never reassigned in a struct with no properties.)
                        #[allow(unused_mut)]
                        let mut missing: ::std::option::Option<&'static str> = ::std::option::Option::None;
                        $(missing = missing.or(support::$kind::missing(&read.$field, $json));)*
                        if let ::std::option::Option::Some(key) = missing {
                            return ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::missing_field(key));
                        }
                        ::std::result::Result::Ok($name {
                            $($field: support::$kind::finish(read.$field),)*
                            $($extra,)?
                        })
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }
    };
}
pub(crate) use object_serde;

/// Reads a property's value into its slot; a property given twice is an error.
pub fn read_once<'de, __T: ::serde::Deserialize<'de>, __A: ::serde::de::MapAccess<'de>>(slot: &mut ::std::option::Option<__T>, key: &'static str, map: &mut __A) -> ::std::result::Result<(), __A::Error> {
    if slot.is_some() {
        return ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::duplicate_field(key));
    }
    *slot = ::std::option::Option::Some(map.next_value()?);
    ::std::result::Result::Ok(())
}

/// A property that must be present.
pub mod required {
    pub use super::read_once as read;
    pub fn write<__M: ::serde::ser::SerializeMap, __T: ::serde::Serialize>(map: &mut __M, key: &'static str, value: &__T) -> ::std::result::Result<(), __M::Error> {
        map.serialize_entry(key, value)
    }

    pub fn missing<__T>(read: &::std::option::Option<__T>, key: &'static str) -> ::std::option::Option<&'static str> {
        read.is_none().then_some(key)
    }

    pub fn finish<__T>(read: ::std::option::Option<__T>) -> __T {
        match read {
            ::std::option::Option::Some(value) => value,
            ::std::option::Option::None => unreachable!("missing required properties are reported before this"),
        }
    }
}

/// A property that must be present but may be `null` (`None`); read as `None` when
/// absent, as serde reads every `Option`.
pub mod required_nullable {
    pub use super::optional::{finish, missing};
    pub use super::read_once as read;
    pub use super::required::write;
}

/// A property that may be absent (`None`); a `null` reads as absent.
pub mod optional {
    pub use super::read_once as read;

    pub fn write<__M: ::serde::ser::SerializeMap, __T: ::serde::Serialize>(map: &mut __M, key: &'static str, value: &::std::option::Option<__T>) -> ::std::result::Result<(), __M::Error> {
        match value {
            ::std::option::Option::Some(value) => map.serialize_entry(key, value),
            ::std::option::Option::None => ::std::result::Result::Ok(()),
        }
    }

    pub fn missing<__T>(_read: &__T, _key: &'static str) -> ::std::option::Option<&'static str> {
        ::std::option::Option::None
    }

    pub fn finish<__T>(read: ::std::option::Option<::std::option::Option<__T>>) -> ::std::option::Option<__T> {
        read.flatten()
    }
}

/// A property that may be absent (`None`) or `null` (`Some(None)`), both kept apart
/// through a round trip.
pub mod nullable {
    pub use super::optional::{missing, write};

    pub fn read<'de, __T: ::serde::Deserialize<'de>, __A: ::serde::de::MapAccess<'de>>(slot: &mut ::std::option::Option<::std::option::Option<::std::option::Option<__T>>>, key: &'static str, map: &mut __A) -> ::std::result::Result<(), __A::Error> {
        if slot.is_some() {
            return ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::duplicate_field(key));
        }
        *slot = ::std::option::Option::Some(::std::option::Option::Some(map.next_value()?));
        ::std::result::Result::Ok(())
    }

    pub fn finish<__T>(read: ::std::option::Option<::std::option::Option<::std::option::Option<__T>>>) -> ::std::option::Option<::std::option::Option<__T>> {
        read.flatten()
    }
}

/// A property name, borrowed from the input where the input allows.
pub struct Key<'de>(pub ::std::borrow::Cow<'de, str>);

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
        struct __KeyVisitor;
        impl<'de> ::serde::de::Visitor<'de> for __KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a property name")
            }

            fn visit_borrowed_str<__E>(self, value: &'de str) -> ::std::result::Result<Key<'de>, __E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Borrowed(value)))
            }

            fn visit_str<__E>(self, value: &str) -> ::std::result::Result<Key<'de>, __E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(value.to_owned())))
            }

            fn visit_string<__E>(self, value: ::std::string::String) -> ::std::result::Result<Key<'de>, __E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(__KeyVisitor)
    }
}

/// Where a struct puts a property it does not declare.
pub trait Unknown<'de> {
    fn take<__A: ::serde::de::MapAccess<'de>>(&mut self, key: Key<'de>, map: &mut __A) -> ::std::result::Result<(), __A::Error>;
}

/// Skips undeclared properties, for a struct whose schema forbids them.
pub struct Skip;

impl<'de> Unknown<'de> for Skip {
    fn take<__A: ::serde::de::MapAccess<'de>>(&mut self, _key: Key<'de>, map: &mut __A) -> ::std::result::Result<(), __A::Error> {
        map.next_value::<::serde::de::IgnoredAny>().map(|_| ())
    }
}

impl<'de, __V: ::serde::Deserialize<'de>> Unknown<'de> for &mut ::indexmap::IndexMap<::std::string::String, __V> {
    fn take<__A: ::serde::de::MapAccess<'de>>(&mut self, key: Key<'de>, map: &mut __A) -> ::std::result::Result<(), __A::Error> {
        let value = map.next_value()?;
        self.insert(key.0.into_owned(), value);
        ::std::result::Result::Ok(())
    }
}
