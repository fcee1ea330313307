//! Reading the output folder: which files stand there (and which of them are generated),
//! and which symbolic links, never followed.

use super::{io_error, SyncError};
use crate::render::is_generated;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The output directory as listed under the lock: which files stand there. Their bytes are
/// read when they are compared, one at a time, and whether one is generated is asked only of
/// a file that differs from what the run makes (a file that holds exactly a generated text
/// is a generated file).
pub(super) struct Snapshot {
    /// Relative paths (with `/`).
    pub(super) files: BTreeSet<String>,
    /// The symbolic links under the root (relative paths), which are never followed.
    pub(super) links: BTreeSet<String>,
}

impl Snapshot {
    pub(super) fn take(root: &Path) -> Result<Snapshot, SyncError> {
        let (files, links) = files_under(root)?;
        Ok(Snapshot {
            files: files.into_iter().collect(),
            links,
        })
    }

    /// The link that `path`, or a directory on the way to it, is, if any.
    pub(super) fn link_on_the_way(&self, path: &str) -> Option<&String> {
        if self.links.is_empty() {
            return None;
        }
        let mut end = 0;
        loop {
            let next = path[end..].find('/').map(|i| end + i);
            let prefix = &path[..next.unwrap_or(path.len())];
            if let Some(link) = self.links.get(prefix) {
                return Some(link);
            }
            match next {
                Some(i) => end = i + 1,
                None => return None,
            }
        }
    }
}

/// The first symbolic link among the directories of `path` under `root`, and the file itself,
/// as it stands on disk now (each directory looked at once per run, through `checked`).
pub(super) fn link_on_disk(
    root: &Path,
    path: &str,
    checked: &mut BTreeSet<String>,
) -> Option<String> {
    let mut end = 0;
    loop {
        let next = path[end..].find('/').map(|i| end + i);
        let prefix = &path[..next.unwrap_or(path.len())];
        let is_dir = next.is_some();
        if !is_dir || !checked.contains(prefix) {
            let link =
                fs::symlink_metadata(root.join(prefix)).is_ok_and(|m| m.file_type().is_symlink());
            if link {
                return Some(prefix.to_owned());
            }
            if is_dir {
                checked.insert(prefix.to_owned());
            }
        }
        match next {
            Some(i) => end = i + 1,
            None => return None,
        }
    }
}

/// Whether the file at `path` holds exactly `text`, read a block at a time so that comparing a
/// large file costs no more memory than a block. A file that is gone differs.
pub(super) fn holds(path: &Path, text: &[u8]) -> Result<bool, SyncError> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_error(path)(e)),
    };
    let length = file.metadata().map_err(io_error(path))?.len();
    if length != text.len() as u64 {
        return Ok(false);
    }
    // A block no larger than the file: most files are a few KiB, and zeroing a whole block
    // for each of them would cost more than reading them.
    let mut block = vec![0u8; text.len().clamp(1, 64 * 1024)];
    let mut rest = text;
    // The length is known to match, so the file holds the text once its bytes have all been
    // read and compared: no further read to see the end (one system call per file fewer).
    while !rest.is_empty() {
        let n = file.read(&mut block).map_err(io_error(path))?;
        // A file cut short since its length was read.
        if n == 0 {
            return Ok(false);
        }
        if n > rest.len() || block[..n] != rest[..n] {
            return Ok(false);
        }
        rest = &rest[n..];
    }
    Ok(true)
}

/// Relative paths (with `/`) of the files under `root`, skipping build output and hidden
/// directories, and of the symbolic links there (which are not followed).
fn files_under(root: &Path) -> Result<(Vec<String>, BTreeSet<String>), SyncError> {
    let mut found = Vec::new();
    let mut links = BTreeSet::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let dir = root.join(&relative);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io_error(&dir)(e)),
        };
        for entry in entries {
            let entry = entry.map_err(io_error(&dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let file_type = entry.file_type().map_err(io_error(&dir))?;
            let child = relative.join(name);
            let spelled = || {
                child
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            };
            if file_type.is_symlink() {
                links.insert(spelled());
            } else if file_type.is_dir() {
                let hidden = name.starts_with('.');
                let build_output = relative.as_os_str().is_empty() && name == "target";
                if !hidden && !build_output {
                    pending.push(child);
                }
            } else if file_type.is_file() {
                found.push(spelled());
            }
        }
    }
    Ok((found, links))
}

/// What stands at a path when a sync is about to change it.
pub(super) enum Existing {
    Absent,
    /// A file without the generated header: a person's.
    Foreign,
    /// A generated file, with its bytes (to put back if the sync is undone).
    Generated(Vec<u8>),
}

/// Reads the file at `path` once, whole, to tell what it is and to keep what it holds.
pub(super) fn read_existing(path: &Path) -> Result<Existing, SyncError> {
    match fs::read(path) {
        Ok(bytes) => {
            let head = &bytes[..bytes.len().min(256)];
            if is_generated(&String::from_utf8_lossy(head)) {
                Ok(Existing::Generated(bytes))
            } else {
                Ok(Existing::Foreign)
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Existing::Absent),
        Err(e) => Err(io_error(path)(e)),
    }
}

/// Reads just enough of a file to see its first line.
pub(super) fn starts_with_header(path: &Path) -> Result<bool, SyncError> {
    let mut head = [0u8; 256];
    let mut file = fs::File::open(path).map_err(io_error(path))?;
    let n = file.read(&mut head).map_err(io_error(path))?;
    Ok(is_generated(&String::from_utf8_lossy(&head[..n])))
}

#[cfg(test)]
mod tests {
    use super::holds;

    #[test]
    fn holds_is_true_only_for_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("codegen-holds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        // Larger than a block, so that a file is read in more than one piece.
        let big: Vec<u8> = (0..64 * 1024 + 3).map(|i| (i % 251) as u8).collect();
        let mut big_changed = big.clone();
        *big_changed.last_mut().unwrap() ^= 1;
        let cases: [(&[u8], &[u8], bool); 8] = [
            (b"", b"", true),
            (b"abc", b"abc", true),
            (b"abd", b"abc", false),
            (b"abcd", b"abc", false),
            (b"ab", b"abc", false),
            (b"", b"a", false),
            (&big, &big, true),
            (&big_changed, &big, false),
        ];
        for (k, (on_disk, text, expected)) in cases.into_iter().enumerate() {
            std::fs::write(&path, on_disk).unwrap();
            assert_eq!(holds(&path, text).unwrap(), expected, "case {k}");
        }
        std::fs::remove_file(&path).unwrap();
        assert!(!holds(&path, b"abc").unwrap(), "a missing file differs");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
