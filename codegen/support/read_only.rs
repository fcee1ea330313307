/// A `readOnly` property of each kind: read as its kind reads, written unless a request body
/// is being encoded.
pub mod required_read_only {
    pub use super::required::{finish, missing, read};
    pub fn write<__M: ::serde::ser::SerializeMap, __T: ::serde::Serialize>(map: &mut __M, key: &'static str, value: &__T) -> ::std::result::Result<(), __M::Error> {
        if super::is_sending() {
            return ::std::result::Result::Ok(());
        }
        super::required::write(map, key, value)
    }
}

/// See [`required_read_only`].
pub mod required_nullable_read_only {
    pub use super::required_nullable::{finish, missing, read};
    pub use super::required_read_only::write;
}

/// See [`required_read_only`].
pub mod optional_read_only {
    pub use super::optional::{finish, missing, read};
    pub fn write<__M: ::serde::ser::SerializeMap, __T: ::serde::Serialize>(map: &mut __M, key: &'static str, value: &::std::option::Option<__T>) -> ::std::result::Result<(), __M::Error> {
        if super::is_sending() {
            return ::std::result::Result::Ok(());
        }
        super::optional::write(map, key, value)
    }
}

/// See [`required_read_only`].
pub mod nullable_read_only {
    pub use super::nullable::{finish, missing, read};
    pub use super::optional_read_only::write;
}
