//! Sync: the only module that writes to disk. It makes a directory match the generated files,
//! or, in check mode, reports how it differs.
//!
//! Rules: only files whose first line carries the generated header are ever changed or deleted;
//! a file is written only when its bytes change, through a temporary file and a rename, so a run
//! killed at any moment leaves each file whole (old or new); directories are created as needed
//! and never removed.

use crate::render::is_generated;
use crate::OutputFile;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// Write the files, or only compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// A difference between the directory and what the generator makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The generator makes this file and it is not there.
    Missing(String),
    /// The file differs from what the generator makes; carries a short unified diff.
    OutOfDate { path: String, diff: String },
    /// A generated file that the spec no longer produces.
    Stale(String),
    /// A file without the generated header stands where the generator would write.
    NotGenerated(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(path) => write!(f, "{path}: missing"),
            Problem::OutOfDate { path, diff } => write!(f, "{path}: out of date\n{diff}"),
            Problem::Stale(path) => write!(f, "{path}: stale (generated, but the spec no longer produces it)"),
            Problem::NotGenerated(path) => write!(
                f,
                "{path}: not a generated file (no generated header), but the generator would write here; move it away or rename the type"
            ),
        }
    }
}

/// What a sync did or found. Paths are relative to the synced directory.
#[derive(Debug, Default)]
pub struct Report {
    /// Written (created or changed) files, in write mode.
    pub written: Vec<String>,
    /// Deleted stale files, in write mode.
    pub deleted: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Differences, in check mode.
    pub problems: Vec<Problem>,
}

/// An I/O failure, or a refusal to touch a file that the generator does not own.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: generated path is not a plain relative path inside the output directory")]
    UnsafePath { path: String },
    #[error("refusing to overwrite files that are not generated (no generated header):\n  {}", paths.join("\n  "))]
    NotGenerated { paths: Vec<String> },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> SyncError + '_ {
    move |source| SyncError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Makes `root` match `files` (write mode) or reports each difference (check mode). Nothing is
/// written in check mode, and nothing is written in write mode unless every target is either
/// absent or a generated file.
pub fn sync(root: &Path, files: &[OutputFile], mode: Mode) -> Result<Report, SyncError> {
    sync_snapshot(files, Snapshot::take(root, mode)?)
}

/// The output directory as it stood when read: its generated files' text, and which other
/// files stand there. Taking it before the files are generated (on another core, while the
/// spec is parsed) takes reading the directory off the critical path; in write mode the
/// directory stays locked from then until the sync is done, so another run cannot change it
/// in between.
pub struct Snapshot {
    root: PathBuf,
    mode: Mode,
    lock: Option<fs::File>,
    /// Relative path (with `/`) → the text of a generated file, or `None` for any other file.
    files: HashMap<String, Option<String>>,
}

impl Snapshot {
    /// Locks the directory (write mode, if it exists) and reads it. A missing directory is an
    /// empty snapshot; it is created and locked when there is something to write.
    pub fn take(root: &Path, mode: Mode) -> Result<Snapshot, SyncError> {
        // Two runs at once would each decide what to write from what the other is changing;
        // an exclusive lock on the output directory makes the second wait for the first. The
        // lock is the operating system's (flock), so a killed run leaves no stale lock behind.
        let lock = match mode {
            Mode::Write if root.is_dir() => lock_dir(root)?,
            _ => None,
        };
        let paths = files_under(root)?;
        let files = paths.iter().cloned().zip(read_all(root, &paths)?).collect();
        Ok(Snapshot {
            root: root.to_owned(),
            mode,
            lock,
            files,
        })
    }
}

/// Rejects any path that could leave the output directory, before anything is written.
fn check_paths(files: &[OutputFile]) -> Result<(), SyncError> {
    match files.iter().find(|file| !is_safe_relative(&file.path)) {
        Some(file) => Err(SyncError::UnsafePath {
            path: file.path.clone(),
        }),
        None => Ok(()),
    }
}

/// [`sync`] against a snapshot taken earlier (see [`Snapshot`]).
pub fn sync_snapshot(files: &[OutputFile], mut snapshot: Snapshot) -> Result<Report, SyncError> {
    check_paths(files)?;
    if snapshot.mode == Mode::Write && snapshot.lock.is_none() {
        // The directory did not exist (or cannot be locked here): create it, lock it and read
        // it again, as another run may have written it meanwhile.
        fs::create_dir_all(&snapshot.root).map_err(io_error(&snapshot.root))?;
        let lock = lock_dir(&snapshot.root)?;
        snapshot = Snapshot {
            lock,
            ..Snapshot::take(&snapshot.root, Mode::Check)?
        };
        snapshot.mode = Mode::Write;
    }
    let root = snapshot.root.as_path();
    let mut report = Report::default();
    let mut to_write = Vec::new();
    let mut foreign = Vec::new();
    for file in files {
        match snapshot.files.get(&file.path) {
            None => {
                report.problems.push(Problem::Missing(file.path.clone()));
                to_write.push(file);
            }
            Some(None) => foreign.push(file.path.clone()),
            Some(Some(existing)) if *existing == file.contents => report.unchanged += 1,
            Some(Some(existing)) => {
                report.problems.push(Problem::OutOfDate {
                    path: file.path.clone(),
                    diff: short_diff(existing, &file.contents),
                });
                to_write.push(file);
            }
        }
    }
    let wanted: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut stale: Vec<String> = snapshot
        .files
        .iter()
        .filter(|(path, text)| text.is_some() && !wanted.contains(path.as_str()))
        .map(|(path, _)| path.clone())
        .collect();
    stale.sort();

    if snapshot.mode == Mode::Check {
        foreign.sort();
        report
            .problems
            .extend(foreign.into_iter().map(Problem::NotGenerated));
        report
            .problems
            .extend(stale.into_iter().map(Problem::Stale));
        return Ok(report);
    }
    if !foreign.is_empty() {
        return Err(SyncError::NotGenerated { paths: foreign });
    }
    // Another run cannot have changed the directory since the snapshot (it is locked), but a
    // person can: a file that appeared where one is missing, or a stale file that lost its
    // header, is looked at again before it is overwritten or deleted.
    let appeared: Vec<String> = to_write
        .iter()
        .filter(|file| !snapshot.files.contains_key(&file.path))
        .filter(|file| root.join(&file.path).exists())
        .filter(|file| !starts_with_header(&root.join(&file.path)).unwrap_or(false))
        .map(|file| file.path.clone())
        .collect();
    if !appeared.is_empty() {
        return Err(SyncError::NotGenerated { paths: appeared });
    }
    report.problems.clear();
    for file in to_write {
        write_atomically(&root.join(&file.path), file.contents.as_bytes())?;
        report.written.push(file.path.clone());
    }
    for path in stale {
        let full = root.join(&path);
        if starts_with_header(&full).unwrap_or(false) {
            fs::remove_file(&full).map_err(io_error(&full))?;
            report.deleted.push(path);
        }
    }
    drop(snapshot.lock);
    Ok(report)
}

/// Locks `root` exclusively until the returned file drops; `None` on platforms that cannot
/// open a directory as a file (there runs are not serialised, and each file is still
/// replaced atomically).
fn lock_dir(root: &Path) -> Result<Option<fs::File>, SyncError> {
    let Ok(dir) = fs::File::open(root) else {
        return Ok(None);
    };
    dir.lock().map_err(io_error(root))?;
    Ok(Some(dir))
}

/// A path made only of normal components: no root, no `..`, no `.`, no drive prefix.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// What stands at each path: the text of a generated file (whole), `None` for any other
/// file (only its first bytes are read). Reading a whole API's files one by one is most of a
/// `--check`; the reads are shared out over the cores.
fn read_all(root: &Path, paths: &[String]) -> Result<Vec<Option<String>>, SyncError> {
    crate::parallel::map_indices(paths.len(), |i| read_if_generated(&root.join(&paths[i])))
        .into_iter()
        .collect()
}

/// The text of a file that starts with the generated header; `None` for any other file, of
/// which only the first bytes are read (the output directory may hold anything).
fn read_if_generated(path: &Path) -> Result<Option<String>, SyncError> {
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
    // A file that is not UTF-8 cannot be one of ours as it stands; compare it as lossy text so
    // it shows as out of date rather than failing the run.
    Ok(Some(String::from_utf8(bytes).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    })))
}

/// Relative paths (with `/`) of the files under `root`, skipping build output and hidden
/// directories.
fn files_under(root: &Path) -> Result<Vec<String>, SyncError> {
    let mut found = Vec::new();
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
            if file_type.is_dir() {
                let hidden = name.starts_with('.');
                let build_output = relative.as_os_str().is_empty() && name == "target";
                if !hidden && !build_output {
                    pending.push(child);
                }
            } else if file_type.is_file() {
                found.push(
                    child
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
            }
        }
    }
    Ok(found)
}

/// Reads just enough of a file to see its first line.
fn starts_with_header(path: &Path) -> Result<bool, SyncError> {
    let mut head = [0u8; 256];
    let mut file = fs::File::open(path).map_err(io_error(path))?;
    let n = file.read(&mut head).map_err(io_error(path))?;
    Ok(is_generated(&String::from_utf8_lossy(&head[..n])))
}

/// Writes through a temporary file in the same directory and renames it over the target, so
/// readers and a killed run only ever see the old or the new file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = fs::write(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io_error(path))
}

/// A unified diff of at most a screenful, enough to see what changed.
fn short_diff(old: &str, new: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header("on disk", "generated")
        .to_string();
    let total = diff.lines().count();
    let mut out: String = diff
        .lines()
        .take(MAX_LINES)
        .map(|l| format!("    {l}\n"))
        .collect();
    if total > MAX_LINES {
        out.push_str(&format!("    … {} more diff lines\n", total - MAX_LINES));
    }
    out
}

#[cfg(test)]
mod tests;
