/// Implements `Serialize` and `Deserialize` for a tuple struct read from a JSON array, given
/// each positional item as `kind index: Type` (`required` items are in every value,
/// `optional` ones may be missing from the end) and, after `+`, the field of the items that
/// follow them. Without it, an array with more items than the positional ones is an error, as
/// the schema allows none.
macro_rules! tuple_serde {
    ($name:ident { $($kind:ident $index:tt: $ty:ty,)* } $(+ $rest:tt: $rest_ty:ty)?) => {
        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                use ::serde::ser::SerializeSeq as _;
                let mut seq = serializer.serialize_seq(::std::option::Option::None)?;
                // An item missing from the end ends the array: those after it are not written.
                #[allow(unused_mut)]
                let mut open = true;
                $(open = support::tuple_item::$kind::write(&mut seq, open, &self.$index)?;)*
                $(if open {
                    for item in &self.$rest {
                        seq.serialize_element(item)?;
                    }
                })?
                let _ = open;
                seq.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " array"))
                    }

                    fn visit_seq<__A: ::serde::de::SeqAccess<'de>>(self, mut seq: __A) -> ::std::result::Result<$name, __A::Error> {
                        // How many items were read, and whether the array has ended.
                        #[allow(unused_mut)]
                        let mut read = (0usize, false);
                        // The fields in order: Rust evaluates them left to right.
                        let value = $name(
                            $(support::tuple_item::$kind::read::<$ty, __A>(&mut seq, &mut read, &self)?,)*
                            $({
                                let mut rest: ::std::vec::Vec<$rest_ty> = ::std::vec::Vec::new();
                                if !read.1 {
                                    while let ::std::option::Option::Some(item) = seq.next_element()? {
                                        rest.push(item);
                                    }
                                    read.1 = true;
                                }
                                rest
                            },)?
                        );
                        if !read.1 && seq.next_element::<::serde::de::IgnoredAny>()?.is_some() {
                            return ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::invalid_length(read.0 + 1, &self));
                        }
                        ::std::result::Result::Ok(value)
                    }
                }
                deserializer.deserialize_seq(__Visitor)
            }
        }
    };
}
pub(crate) use tuple_serde;

/// How each positional item of a tuple is read and written.
pub mod tuple_item {
    /// An item every value has.
    pub mod required {
        pub fn read<'de, __T: ::serde::Deserialize<'de>, __A: ::serde::de::SeqAccess<'de>>(seq: &mut __A, read: &mut (usize, bool), expected: &dyn ::serde::de::Expected) -> ::std::result::Result<__T, __A::Error> {
            if !read.1 {
                if let ::std::option::Option::Some(item) = seq.next_element()? {
                    read.0 += 1;
                    return ::std::result::Result::Ok(item);
                }
                read.1 = true;
            }
            ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::invalid_length(read.0, expected))
        }

        pub fn write<__S: ::serde::ser::SerializeSeq, __T: ::serde::Serialize>(seq: &mut __S, open: bool, item: &__T) -> ::std::result::Result<bool, __S::Error> {
            if open {
                seq.serialize_element(item)?;
            }
            ::std::result::Result::Ok(open)
        }
    }

    /// An item that may be missing from the end (`None`).
    pub mod optional {
        pub fn read<'de, __T: ::serde::Deserialize<'de>, __A: ::serde::de::SeqAccess<'de>>(seq: &mut __A, read: &mut (usize, bool), _expected: &dyn ::serde::de::Expected) -> ::std::result::Result<::std::option::Option<__T>, __A::Error> {
            if read.1 {
                return ::std::result::Result::Ok(::std::option::Option::None);
            }
            let item = seq.next_element()?;
            match item {
                ::std::option::Option::Some(_) => read.0 += 1,
                ::std::option::Option::None => read.1 = true,
            }
            ::std::result::Result::Ok(item)
        }

        pub fn write<__S: ::serde::ser::SerializeSeq, __T: ::serde::Serialize>(seq: &mut __S, open: bool, item: &::std::option::Option<__T>) -> ::std::result::Result<bool, __S::Error> {
            match item {
                ::std::option::Option::Some(item) if open => {
                    seq.serialize_element(item)?;
                    ::std::result::Result::Ok(true)
                }
                _ => ::std::result::Result::Ok(false),
            }
        }
    }
}
