//! What a sync changes on disk, and how it is undone: every change goes through a [`Disk`]
//! (so a test can fail any one of them) and is recorded in a [`Journal`], which undoes them
//! all, last first, when a later one fails.

use super::{io_error, write_atomically, SyncError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The few operations a sync makes on disk, so that a test can fail any one of them.
pub(crate) trait Disk {
    /// Replaces or creates the file at `path` with `bytes`, whole (old or new, never part).
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    fn remove_file(&mut self, path: &Path) -> io::Result<()>;
    fn create_dir(&mut self, path: &Path) -> io::Result<()>;
    fn remove_dir(&mut self, path: &Path) -> io::Result<()>;
}

pub(crate) struct RealDisk;

impl Disk for RealDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        write_atomically(path, bytes)
    }
    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        fs::create_dir(path)
    }
    fn remove_dir(&mut self, path: &Path) -> io::Result<()> {
        fs::remove_dir(path)
    }
}

/// One change made to the output directory, with what undoing it needs.
pub(super) enum Change {
    Created(PathBuf),
    Replaced(PathBuf, Vec<u8>),
    Deleted(PathBuf, Vec<u8>),
    CreatedDir(PathBuf),
}

/// The changes made so far, in order.
#[derive(Default)]
pub(super) struct Journal {
    pub(super) changes: Vec<Change>,
}

impl Journal {
    /// Undoes every change, last first, and returns the error that made it necessary.
    pub(super) fn undo(self, failed: SyncError, disk: &mut dyn Disk) -> SyncError {
        if self.changes.is_empty() {
            return failed;
        }
        for change in self.changes.into_iter().rev() {
            let result = match &change {
                Change::Created(path) => disk.remove_file(path).map_err(io_error(path)),
                Change::Replaced(path, old) | Change::Deleted(path, old) => {
                    disk.write(path, old).map_err(io_error(path))
                }
                Change::CreatedDir(path) => disk.remove_dir(path).map_err(io_error(path)),
            };
            if let Err(undo) = result {
                return SyncError::RollbackFailed {
                    failed: Box::new(failed),
                    undo: Box::new(undo),
                };
            }
        }
        SyncError::RolledBack {
            failed: Box::new(failed),
        }
    }
}
