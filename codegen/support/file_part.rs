/// Implements [`FilePart`] for a file type of the crate (fields `file_name`, `content_type`,
/// `content`).
macro_rules! file_part {
    ($name:ident {}) => {
        impl support::FilePart for $name {
            fn file_name(&self) -> &str {
                &self.file_name
            }

            fn content_type(&self) -> ::std::option::Option<&str> {
                self.content_type.as_deref()
            }

            fn content(&self) -> &[u8] {
                &self.content
            }
        }
    };
}
pub(crate) use file_part;
