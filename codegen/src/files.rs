//! The files a run produces, as [`sync`](crate::sync) takes them: a path and a text for each,
//! where the text of a page is written only when it is asked for.

use crate::pages::Pages;
use crate::OutputFile;
use std::borrow::Cow;

/// Files by index: what [`sync`](crate::sync) writes or compares. The text of a file may be
/// written on each call, so a caller asks for it when it needs it and drops it after.
pub trait FileSet: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The path of file `i`, relative to the crate root, with `/` separators.
    fn path(&self, i: usize) -> &str;
    /// The text of file `i`; the same bytes on every call.
    fn contents(&self, i: usize) -> Cow<'_, str>;
}

impl FileSet for [OutputFile] {
    fn len(&self) -> usize {
        <[OutputFile]>::len(self)
    }
    fn path(&self, i: usize) -> &str {
        &self[i].path
    }
    fn contents(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(&self[i].contents)
    }
}

impl FileSet for Vec<OutputFile> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn path(&self, i: usize) -> &str {
        FileSet::path(self.as_slice(), i)
    }
    fn contents(&self, i: usize) -> Cow<'_, str> {
        FileSet::contents(self.as_slice(), i)
    }
}

impl<const N: usize> FileSet for [OutputFile; N] {
    fn len(&self) -> usize {
        N
    }
    fn path(&self, i: usize) -> &str {
        FileSet::path(self.as_slice(), i)
    }
    fn contents(&self, i: usize) -> Cow<'_, str> {
        FileSet::contents(self.as_slice(), i)
    }
}

/// The files of a generated crate: the manifest and the Rust sources, rendered, then the
/// model pages, written when asked for (they are most of the bytes: 47 of the 50 MB of the
/// inline Authlete spec's crate), so that a run never holds them all.
pub struct Files {
    rendered: Vec<OutputFile>,
    pages: Option<Pages>,
}

impl Files {
    pub(crate) fn new(rendered: Vec<OutputFile>, pages: Pages) -> Files {
        Files {
            rendered,
            pages: Some(pages),
        }
    }

    /// Every file with its text, in order (each page written as it comes).
    pub fn iter(&self) -> impl Iterator<Item = OutputFile> + '_ {
        (0..FileSet::len(self)).map(|i| self.get(i))
    }

    /// File `i` with its text.
    pub fn get(&self, i: usize) -> OutputFile {
        OutputFile {
            path: self.path(i).to_owned(),
            contents: self.contents(i).into_owned(),
        }
    }

    /// Every file, written out at once.
    pub fn to_vec(&self) -> Vec<OutputFile> {
        self.iter().collect()
    }

    /// The file at `path`, if the crate has one.
    pub fn find(&self, path: &str) -> Option<OutputFile> {
        (0..FileSet::len(self))
            .find(|&i| self.path(i) == path)
            .map(|i| self.get(i))
    }

    pub fn len(&self) -> usize {
        FileSet::len(self)
    }

    pub fn is_empty(&self) -> bool {
        FileSet::is_empty(self)
    }
}

impl From<Vec<OutputFile>> for Files {
    fn from(rendered: Vec<OutputFile>) -> Files {
        Files {
            rendered,
            pages: None,
        }
    }
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let paths: Vec<&str> = (0..FileSet::len(self)).map(|i| self.path(i)).collect();
        f.debug_struct("Files").field("paths", &paths).finish()
    }
}

impl FileSet for Files {
    fn len(&self) -> usize {
        self.rendered.len() + self.pages.as_ref().map_or(0, Pages::len)
    }
    fn path(&self, i: usize) -> &str {
        match self.rendered.get(i) {
            Some(file) => &file.path,
            None => self.pages().path(i - self.rendered.len()),
        }
    }
    fn contents(&self, i: usize) -> Cow<'_, str> {
        match self.rendered.get(i) {
            Some(file) => Cow::Borrowed(&file.contents),
            None => Cow::Owned(self.pages().contents(i - self.rendered.len())),
        }
    }
}

impl Files {
    fn pages(&self) -> &Pages {
        self.pages
            .as_ref()
            .expect("an index past the rendered files is a page")
    }
}
