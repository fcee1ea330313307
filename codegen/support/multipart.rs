/// The boundary of the multipart bodies this crate writes; the operation's content type names
/// it. A body that contains it cannot be written and is an error.
pub const MULTIPART_BOUNDARY: &str = "generated-models-boundary-5c0f3a9e1b7d4e26a8f1c3b5d7e9f0a2";

/// The content type of a multipart body this crate writes, naming its boundary.
pub const MULTIPART_CONTENT_TYPE: &str =
    "multipart/form-data; boundary=generated-models-boundary-5c0f3a9e1b7d4e26a8f1c3b5d7e9f0a2";

/// A file of a multipart body: its name, its media type and its bytes.
pub trait FilePart {
    fn file_name(&self) -> &str;
    fn content_type(&self) -> ::std::option::Option<&str>;
    fn content(&self) -> &[u8];
}


/// A `multipart/form-data` body being written, a part at a time.
pub struct Multipart {
    out: ::std::vec::Vec<u8>,
}

impl Multipart {
    pub fn new() -> Self {
        Multipart { out: ::std::vec::Vec::new() }
    }

    fn part(&mut self, name: &str, file_name: ::std::option::Option<&str>, content_type: ::std::option::Option<&str>, content: &[u8]) -> ::std::result::Result<(), EncodeError> {
        let boundary = MULTIPART_BOUNDARY.as_bytes();
        let clash = content.windows(boundary.len()).any(|w| w == boundary)
            || name.contains(MULTIPART_BOUNDARY)
            || file_name.is_some_and(|f| f.contains(MULTIPART_BOUNDARY));
        if clash {
            return ::std::result::Result::Err(EncodeError {
                message: format!("the part `{name}` contains the multipart boundary"),
            });
        }
        // Quoted as browsers quote them: `"`, CR and LF percent-encoded.
        let quote = |text: &str| text.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
        let mut head = format!("--{MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name=\"{}\"", quote(name));
        if let ::std::option::Option::Some(file_name) = file_name {
            head.push_str(&format!("; filename=\"{}\"", quote(file_name)));
        }
        head.push_str("\r\n");
        if let ::std::option::Option::Some(content_type) = content_type {
            head.push_str(&format!("Content-Type: {}\r\n", quote(content_type)));
        }
        head.push_str("\r\n");
        self.out.extend_from_slice(head.as_bytes());
        self.out.extend_from_slice(content);
        self.out.extend_from_slice(b"\r\n");
        ::std::result::Result::Ok(())
    }

    /// A property that is not a file: its value as text (a list a part per item, an object as a
    /// JSON part); an absent one or `null` has no part.
    pub fn field<__T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &__T) -> ::std::result::Result<(), EncodeError> {
        let value = sending(|| ::serde_json::to_value(value)).map_err(|e| EncodeError { message: e.to_string() })?;
        let items = match value {
            ::serde_json::Value::Null => return ::std::result::Result::Ok(()),
            ::serde_json::Value::Array(items) => items,
            other => ::std::vec![other],
        };
        for item in items {
            match item {
                ::serde_json::Value::Null => {}
                ::serde_json::Value::String(text) => self.part(name, ::std::option::Option::None, ::std::option::Option::None, text.as_bytes())?,
                item @ (::serde_json::Value::Object(_) | ::serde_json::Value::Array(_)) => {
                    self.part(name, ::std::option::Option::None, ::std::option::Option::Some("application/json"), item.to_string().as_bytes())?
                }
                other => self.part(name, ::std::option::Option::None, ::std::option::Option::None, other.to_string().as_bytes())?,
            }
        }
        ::std::result::Result::Ok(())
    }

    /// A file part, with its file name and media type.
    pub fn file(&mut self, name: &str, file: &dyn FilePart) -> ::std::result::Result<(), EncodeError> {
        let content_type = file.content_type().unwrap_or("application/octet-stream");
        self.part(name, ::std::option::Option::Some(file.file_name()), ::std::option::Option::Some(content_type), file.content())
    }

    /// The undeclared properties kept in a body, each a field.
    pub fn extra<__V: ::serde::Serialize>(&mut self, map: &::indexmap::IndexMap<::std::string::String, __V>) -> ::std::result::Result<(), EncodeError> {
        for (name, value) in map {
            self.field(name, value)?;
        }
        ::std::result::Result::Ok(())
    }

    /// The body, closed.
    pub fn finish(mut self) -> ::std::vec::Vec<u8> {
        self.out.extend_from_slice(format!("--{MULTIPART_BOUNDARY}--\r\n").as_bytes());
        self.out
    }
}

impl ::std::default::Default for Multipart {
    fn default() -> Self {
        Self::new()
    }
}

/// `multipart/form-data` of any value: one part per property (a list gives one part per item);
/// object values are JSON parts.
pub fn multipart_body<__T: ::serde::Serialize + ?Sized>(
    value: &__T,
) -> ::std::result::Result<::std::vec::Vec<u8>, EncodeError> {
    let value = sending(|| ::serde_json::to_value(value)).map_err(|e| EncodeError { message: e.to_string() })?;
    let ::serde_json::Value::Object(entries) = value else {
        return ::std::result::Result::Err(EncodeError {
            message: "a multipart body must be an object".to_owned(),
        });
    };
    let mut form = Multipart::new();
    for (name, value) in &entries {
        form.field(name, value)?;
    }
    ::std::result::Result::Ok(form.finish())
}
