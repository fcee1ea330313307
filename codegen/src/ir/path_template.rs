//! A path template (`/pets/{petId}/photos`), parsed once into text and placeholders, so that
//! the check that every placeholder is a parameter and the code that fills them in read the
//! template the same way.

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPiece {
    /// Text as written.
    Text(String),
    /// `{name}`: what is between the braces (the first `}` after a `{` closes it).
    Placeholder(String),
}

/// A path as the spec writes it, with its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    text: String,
    pieces: Vec<PathPiece>,
}

impl PathTemplate {
    /// The template's pieces: a `{` without a `}` after it is text, like everything outside
    /// the braces; no text piece is empty.
    pub fn parse(text: &str) -> PathTemplate {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            if open > 0 {
                pieces.push(PathPiece::Text(rest[..open].to_owned()));
            }
            pieces.push(PathPiece::Placeholder(rest[open + 1..close].to_owned()));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(PathPiece::Text(rest.to_owned()));
        }
        PathTemplate {
            text: text.to_owned(),
            pieces,
        }
    }

    /// The template as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn pieces(&self) -> &[PathPiece] {
        &self.pieces
    }

    /// The names of the placeholders, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            PathPiece::Placeholder(name) => Some(name.as_str()),
            PathPiece::Text(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let template = PathTemplate::parse(text);
        assert_eq!(template.as_str(), text);
        // The pieces written back are the template.
        let joined: String = template
            .pieces()
            .iter()
            .map(|piece| match piece {
                PathPiece::Text(text) => text.clone(),
                PathPiece::Placeholder(name) => format!("{{{name}}}"),
            })
            .collect();
        assert_eq!(joined, text);
        template
            .pieces()
            .iter()
            .map(|piece| match piece {
                PathPiece::Text(text) => format!("text {text}"),
                PathPiece::Placeholder(name) => format!("name {name}"),
            })
            .collect()
    }

    #[test]
    fn templates_parse_into_text_and_placeholders() {
        let table: [(&str, &[&str]); 8] = [
            ("/pets", &["text /pets"]),
            ("/pets/{petId}", &["text /pets/", "name petId"]),
            (
                "/a/{x}/b/{y}.json",
                &["text /a/", "name x", "text /b/", "name y", "text .json"],
            ),
            ("{a}{b}", &["name a", "name b"]),
            ("/a/{}", &["text /a/", "name "]),
            // The first `}` after a `{` closes it, braces inside and all.
            ("/a/{x{y}/b", &["text /a/", "name x{y", "text /b"]),
            // A `{` that nothing closes is text.
            ("/a/{x/b", &["text /a/{x/b"]),
            ("/a/{x}/{y", &["text /a/", "name x", "text /{y"]),
        ];
        for (text, expected) in table {
            assert_eq!(pieces(text), expected, "{text}");
        }
        let template = PathTemplate::parse("/a/{x}/b/{y}");
        assert_eq!(template.placeholders().collect::<Vec<_>>(), ["x", "y"]);
    }
}
