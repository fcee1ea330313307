/// Implements `Serialize` and `Deserialize` for a model struct, given each property as
/// `kind "jsonName" => field` (the kinds are the modules below) and, after `+`, the map
/// that keeps undeclared properties. A property is written under its JSON name; an
/// absent optional one is skipped; an explicit `null` of a nullable one is kept; a
/// property given twice is an error, as is a missing required one.
macro_rules! object_serde {
    ($name:ident { $($kind:ident $json:literal => $field:ident,)* } $(+ $extra:ident)?) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $(super::super::super::support::$kind::write(&mut map, $json, &self.$field)?;)*
                $(for (key, value) in &self.$extra {
                    map.serialize_entry(key, value)?;
                })?
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<$name, A::Error> {
                        // One local for all properties read so far, rather than one
                        // each: every early return then drops one value, which keeps
                        // the compiler's work linear in the number of properties. Each
                        // slot's type is taken from its field by `slot`, at once, so
                        // the compiler has nothing to infer later.
                        #[allow(non_camel_case_types)]
                        struct __Read<$($field),*> { $($field: ::std::option::Option<$field>,)* }
                        // (Unused, and needlessly mutable, in a struct with no properties.)
                        #[allow(unused_mut, unused_variables)]
                        let mut read = __Read { $($field: super::super::super::support::slot(|o: &$name| &o.$field),)* };
                        $(let mut $extra = ::indexmap::IndexMap::new();)?
                        // Undeclared properties go to the map if there is one, else
                        // are skipped.
                        let mut _unknown = super::super::super::support::Skip;
                        $(let mut _unknown = &mut $extra;)?
                        while let ::std::option::Option::Some(key) =
                            map.next_key::<super::super::super::support::Key<'de>>()?
                        {
                            match &*key.0 {
                                $($json => super::super::super::support::$kind::read(&mut read.$field, $json, &mut map)?,)*
                                _ => super::super::super::support::Unknown::take(&mut _unknown, key, &mut map)?,
                            }
                        }
                        let missing = ::std::option::Option::None
                            $(.or(super::super::super::support::$kind::missing(&read.$field, $json)))*;
                        if let ::std::option::Option::Some(key) = missing {
                            return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::missing_field(key));
                        }
                        ::std::result::Result::Ok($name {
                            $($field: super::super::super::support::$kind::finish(read.$field),)*
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
pub fn read_once<'de, T: ::serde::Deserialize<'de>, A: ::serde::de::MapAccess<'de>>(slot: &mut ::std::option::Option<T>, key: &'static str, map: &mut A) -> ::std::result::Result<(), A::Error> {
    if slot.is_some() {
        return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::duplicate_field(key));
    }
    *slot = ::std::option::Option::Some(map.next_value()?);
    ::std::result::Result::Ok(())
}

/// An empty slot for a field of type `F`, named by a closure that picks the field.
pub fn slot<O, F>(_field: impl Fn(&O) -> &F) -> ::std::option::Option<F> {
    ::std::option::Option::None
}

/// A property that must be present.
pub mod required {
    pub use super::read_once as read;
    pub fn write<M: ::serde::ser::SerializeMap, T: ::serde::Serialize>(map: &mut M, key: &'static str, value: &T) -> ::std::result::Result<(), M::Error> {
        map.serialize_entry(key, value)
    }

    pub fn missing<T>(read: &::std::option::Option<T>, key: &'static str) -> ::std::option::Option<&'static str> {
        read.is_none().then_some(key)
    }

    pub fn finish<T>(read: ::std::option::Option<T>) -> T {
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

    pub fn write<M: ::serde::ser::SerializeMap, T: ::serde::Serialize>(map: &mut M, key: &'static str, value: &::std::option::Option<T>) -> ::std::result::Result<(), M::Error> {
        match value {
            ::std::option::Option::Some(value) => map.serialize_entry(key, value),
            ::std::option::Option::None => ::std::result::Result::Ok(()),
        }
    }

    pub fn missing<T>(_read: &T, _key: &'static str) -> ::std::option::Option<&'static str> {
        ::std::option::Option::None
    }

    pub fn finish<T>(read: ::std::option::Option<::std::option::Option<T>>) -> ::std::option::Option<T> {
        read.flatten()
    }
}

/// A property that may be absent (`None`) or `null` (`Some(None)`), both kept apart
/// through a round trip.
pub mod nullable {
    pub use super::optional::{missing, write};

    pub fn read<'de, T: ::serde::Deserialize<'de>, A: ::serde::de::MapAccess<'de>>(slot: &mut ::std::option::Option<::std::option::Option<::std::option::Option<T>>>, key: &'static str, map: &mut A) -> ::std::result::Result<(), A::Error> {
        if slot.is_some() {
            return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::duplicate_field(key));
        }
        *slot = ::std::option::Option::Some(::std::option::Option::Some(map.next_value()?));
        ::std::result::Result::Ok(())
    }

    pub fn finish<T>(read: ::std::option::Option<::std::option::Option<::std::option::Option<T>>>) -> ::std::option::Option<::std::option::Option<T>> {
        read.flatten()
    }
}

/// A property name, borrowed from the input where the input allows.
pub struct Key<'de>(pub ::std::borrow::Cow<'de, str>);

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> ::serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a property name")
            }

            fn visit_borrowed_str<E>(self, value: &'de str) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Borrowed(value)))
            }

            fn visit_str<E>(self, value: &str) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(value.to_owned())))
            }

            fn visit_string<E>(self, value: ::std::string::String) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Where a struct puts a property it does not declare.
pub trait Unknown<'de> {
    fn take<A: ::serde::de::MapAccess<'de>>(&mut self, key: Key<'de>, map: &mut A) -> ::std::result::Result<(), A::Error>;
}

/// Skips undeclared properties, for a struct whose schema forbids them.
pub struct Skip;

impl<'de> Unknown<'de> for Skip {
    fn take<A: ::serde::de::MapAccess<'de>>(&mut self, _key: Key<'de>, map: &mut A) -> ::std::result::Result<(), A::Error> {
        map.next_value::<::serde::de::IgnoredAny>().map(|_| ())
    }
}

impl<'de, V: ::serde::Deserialize<'de>> Unknown<'de> for &mut ::indexmap::IndexMap<::std::string::String, V> {
    fn take<A: ::serde::de::MapAccess<'de>>(&mut self, key: Key<'de>, map: &mut A) -> ::std::result::Result<(), A::Error> {
        let value = map.next_value()?;
        self.insert(key.0.into_owned(), value);
        ::std::result::Result::Ok(())
    }
}
