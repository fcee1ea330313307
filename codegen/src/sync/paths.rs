//! The paths a sync is asked to write, checked before anything is written: each must stay
//! inside the output folder, be unique, and fit the file system's limits.

use super::SyncError;
use crate::FileSet;
use std::collections::BTreeSet;
use std::path::{Component, Path};

/// A file system allows this many bytes in one name (ext4, XFS, btrfs, APFS, NTFS in UTF-16
/// units), and this many in a whole path (Linux's `PATH_MAX`, with its terminating zero).
const MAX_NAME_BYTES: usize = 255;
const MAX_PATH_BYTES: usize = 4095;
/// What the temporary name of a write adds to a file name: `.`, `.`, the process id (at most
/// ten digits) and `.tmp`.
const TEMP_NAME_EXTRA: usize = 16;

/// Rejects, before anything is written, any path that could leave the output directory, that
/// names a file the file system would refuse, or that two files share.
pub(super) fn check_paths(root: &Path, files: &dyn FileSet) -> Result<(), SyncError> {
    let absolute_root = std::env::current_dir()
        .map(|dir| dir.join(root))
        .unwrap_or_else(|_| root.to_owned());
    let mut seen = BTreeSet::new();
    for i in 0..files.len() {
        let relative = files.path(i);
        let path = relative.to_owned();
        if !is_safe_relative(relative) {
            return Err(SyncError::UnsafePath { path });
        }
        if !seen.insert(relative) {
            let why = "two generated files have this path".to_owned();
            return Err(SyncError::PathTooLong { path, why });
        }
        let longest = relative.split('/').map(str::len).max().unwrap_or(0);
        if longest + TEMP_NAME_EXTRA > MAX_NAME_BYTES {
            let why = format!(
                "a name of {longest} bytes is longer than file systems allow ({} bytes, less {TEMP_NAME_EXTRA} for the temporary name of the write)",
                MAX_NAME_BYTES
            );
            return Err(SyncError::PathTooLong { path, why });
        }
        let total = absolute_root.join(relative).as_os_str().len() + TEMP_NAME_EXTRA;
        if total > MAX_PATH_BYTES {
            let why = format!(
                "the whole path would be {total} bytes, more than the {MAX_PATH_BYTES} the platform allows; choose a shorter --out"
            );
            return Err(SyncError::PathTooLong { path, why });
        }
    }
    Ok(())
}

/// A path made only of normal components: no root, no `..`, no `.`, no drive prefix.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}
