//! Reading the output folder: which files stand there (the generated ones with their bytes),
//! and which symbolic links, never followed.

use super::{io_error, SyncError};
use crate::render::is_generated;
use indexmap::IndexMap;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The output directory as read under the lock: the bytes of its generated files, and which
/// other files stand there.
pub(super) struct Snapshot {
    /// Relative path (with `/`) → the bytes of a generated file, or `None` for any other file.
    pub(super) files: IndexMap<String, Option<Vec<u8>>>,
    /// The symbolic links under the root (relative paths), which are never followed.
    pub(super) links: BTreeSet<String>,
}

impl Snapshot {
    pub(super) fn take(root: &Path) -> Result<Snapshot, SyncError> {
        let (paths, links) = files_under(root)?;
        let files = paths.iter().cloned().zip(read_all(root, &paths)?).collect();
        Ok(Snapshot { files, links })
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

/// What stands at each path: the text of a generated file (whole), `None` for any other
/// file (only its first bytes are read). Reading a whole API's files one by one is most of a
/// `--check`; the reads are shared out over the cores.
fn read_all(root: &Path, paths: &[String]) -> Result<Vec<Option<Vec<u8>>>, SyncError> {
    crate::parallel::map_indices(paths.len(), |i| read_if_generated(&root.join(&paths[i])))
        .into_iter()
        .collect()
}

/// The text of a file that starts with the generated header; `None` for any other file, of
/// which only the first bytes are read (the output directory may hold anything).
fn read_if_generated(path: &Path) -> Result<Option<Vec<u8>>, SyncError> {
    let mut file = fs::File::open(path).map_err(io_error(path))?;
    let mut bytes = vec![0u8; 256];
    let mut n = 0;
    while n < bytes.len() {
        match file.read(&mut bytes[n..]).map_err(io_error(path))? {
            0 => break,
            read => n += read,
        }
    }
    bytes.truncate(n);
    if !is_generated(&String::from_utf8_lossy(&bytes)) {
        return Ok(None);
    }
    file.read_to_end(&mut bytes).map_err(io_error(path))?;
    // Kept as bytes: a file that is not UTF-8 shows as out of date, and undoing a write puts
    // back exactly what was there.
    Ok(Some(bytes))
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

/// Reads just enough of a file to see its first line.
pub(super) fn starts_with_header(path: &Path) -> Result<bool, SyncError> {
    let mut head = [0u8; 256];
    let mut file = fs::File::open(path).map_err(io_error(path))?;
    let n = file.read(&mut head).map_err(io_error(path))?;
    Ok(is_generated(&String::from_utf8_lossy(&head[..n])))
}
