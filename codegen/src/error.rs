//! Diagnostics: every problem the generator reports names the spec file, the place in it and,
//! where it can, what to do about it.

use std::fmt;

/// How bad a diagnostic is. Warnings never stop generation; errors always do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// What went wrong, coarsely, so callers and tests can match on it without parsing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The file could not be read.
    Io,
    /// The text is not valid YAML or JSON.
    Syntax,
    /// The document is YAML or JSON but not an OpenAPI or Swagger document we can read.
    Schema,
    /// The document uses a construct this generator does not handle (yet).
    Unsupported,
    /// Two names in the spec map to one Rust name and had to be told apart.
    NameCollision,
    /// The generator produced something that is not valid Rust: a bug in the generator.
    Internal,
}

/// One problem found in a spec, with enough of a location to jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    /// The spec file as the user named it.
    pub file: String,
    /// 1-based line and column, where the loader knows them.
    pub line_col: Option<(usize, usize)>,
    /// JSON pointer into the document (`#/paths/~1pets/get`), where known.
    pub pointer: Option<String>,
    pub message: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(kind: Kind, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            file: file.to_owned(),
            line_col: None,
            pointer: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(kind: Kind, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(kind, file, message)
        }
    }

    pub fn at(mut self, pointer: &str) -> Self {
        self.pointer = Some(pointer.to_owned());
        self
    }

    pub fn at_line_col(mut self, line: usize, col: usize) -> Self {
        self.line_col = Some((line, col));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Formats as `file:line:col: error: message (at #/pointer)` plus an indented hint, a shape that
/// editors and CI log viewers turn into a link.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.line_col {
            write!(f, ":{line}:{col}")?;
        }
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {level}: {}", self.message)?;
        if let Some(pointer) = &self.pointer {
            write!(f, " (at {pointer})")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The error type of the library: all the errors found in one run, reported together so a user
/// fixes them in one pass rather than one per run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Errors(pub Vec<Diagnostic>);

impl Errors {
    pub fn one(diagnostic: Diagnostic) -> Self {
        Errors(vec![diagnostic])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_editor_jumpable_prefix_and_hint() {
        let d = Diagnostic::error(Kind::Schema, "spec/a.yaml", "bad thing")
            .at_line_col(3, 7)
            .at("#/paths")
            .hint("fix it");
        assert_eq!(
            d.to_string(),
            "spec/a.yaml:3:7: error: bad thing (at #/paths)\n  hint: fix it"
        );
    }
}
