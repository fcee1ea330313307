//! Sync: the only module that writes to disk. It makes a directory match the generated files,
//! or, in check mode, reports how it differs.
//!
//! Rules: only files whose first line carries the generated header are ever changed or deleted;
//! a file is written only when its bytes change, through a temporary file and a rename, so a run
//! killed at any moment leaves each file whole (old or new); directories are created as needed
//! and never removed.

use crate::FileSet;
use journal::{Change, Journal};
pub(crate) use journal::{Disk, RealDisk};
use paths::check_paths;
use read::{holds, link_on_disk, read_existing, starts_with_header, Existing, Snapshot};
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    /// A symbolic link stands where the generator would write, or on the way there.
    Link(String),
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
            Problem::Link(path) => write!(
                f,
                "{path}: a symbolic link, where the generator would write through it; it never writes outside the output folder, so remove the link"
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
    #[error("{path}: {why}; nothing was written")]
    PathTooLong { path: String, why: String },
    #[error("refusing to overwrite files that are not generated (no generated header):\n  {}", paths.join("\n  "))]
    NotGenerated { paths: Vec<String> },
    #[error("refusing to write through symbolic links inside the output folder, which could lead outside it; nothing was written (remove the links):\n  {}", paths.join("\n  "))]
    Links { paths: Vec<String> },
    #[error("{failed}\nnothing was changed: the files written before the failure were put back as they were")]
    RolledBack { failed: Box<SyncError> },
    #[error("{failed}\nand putting the output directory back as it was failed too, so it is partly updated: {undo}")]
    RollbackFailed {
        failed: Box<SyncError>,
        undo: Box<SyncError>,
    },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> SyncError + '_ {
    move |source| SyncError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Makes `root` match `files` (write mode) or reports each difference (check mode). Nothing is
/// written in check mode; in write mode nothing is written unless every path fits and every
/// target is either absent or a generated file, and a failure while writing puts back what
/// was written before it, so the directory is either wholly updated or as it was.
pub fn sync(root: &Path, files: &dyn FileSet, mode: Mode) -> Result<Report, SyncError> {
    sync_with(root, files, mode, &mut RealDisk)
}

/// The first half of a sync, which needs no files: the output directory locked (in write
/// mode, where it exists) and read. It can run while the files are generated; the lock keeps
/// other runs out until [`sync_prepared`] is done, so what it read is what they find.
pub struct Prepared {
    root: PathBuf,
    mode: Mode,
    lock: Option<fs::File>,
    snapshot: Option<Snapshot>,
}

/// Locks and reads `root` for a later [`sync_prepared`]. A directory that does not exist yet
/// is left alone: it is created, locked and read when there is something to write.
pub fn prepare(root: &Path, mode: Mode) -> Result<Prepared, SyncError> {
    let lock = match mode {
        Mode::Write if root.is_dir() => lock_dir(root)?,
        _ => None,
    };
    let snapshot = match (mode, &lock) {
        (Mode::Check, _) | (Mode::Write, Some(_)) => Some(Snapshot::take(root)?),
        (Mode::Write, None) => None,
    };
    Ok(Prepared {
        root: root.to_owned(),
        mode,
        lock,
        snapshot,
    })
}

/// [`sync`] with its first half done by [`prepare`].
pub fn sync_prepared(prepared: Prepared, files: &dyn FileSet) -> Result<Report, SyncError> {
    finish(prepared, files, &mut RealDisk)
}

/// [`sync`] on any [`Disk`]. Everything is decided before the first change; each change is
/// recorded, and undone in reverse order if a later one fails.
pub(crate) fn sync_with(
    root: &Path,
    files: &dyn FileSet,
    mode: Mode,
    disk: &mut dyn Disk,
) -> Result<Report, SyncError> {
    finish(prepare(root, mode)?, files, disk)
}

fn finish(
    prepared: Prepared,
    files: &dyn FileSet,
    disk: &mut dyn Disk,
) -> Result<Report, SyncError> {
    let Prepared {
        root,
        mode,
        lock,
        snapshot,
    } = prepared;
    let root = root.as_path();
    check_paths(root, files)?;
    let mut journal = Journal::default();
    // Two runs at once would each decide what to write from what the other is changing; an
    // exclusive lock on the output directory makes the second wait for the first. The lock is
    // the operating system's (flock), so a killed run leaves no stale lock behind.
    let (lock, snapshot) = match snapshot {
        Some(snapshot) => (lock, snapshot),
        None => {
            let created = create_dirs(root, disk, &mut journal);
            let locked = created.and_then(|()| lock_dir(root));
            let read = locked.and_then(|lock| Ok((lock, Snapshot::take(root)?)));
            match read {
                Ok(read) => read,
                Err(e) => return Err(journal.undo(e, disk)),
            }
        }
    };
    let plan = match decide(root, files, &snapshot, mode) {
        Ok(plan) => plan,
        Err(e) => return Err(journal.undo(e, disk)),
    };
    let mut report = Report {
        unchanged: plan.unchanged,
        ..Report::default()
    };
    if mode == Mode::Check {
        report.problems = plan.problems;
        return Ok(report);
    }
    if !plan.links.is_empty() {
        return Err(journal.undo(SyncError::Links { paths: plan.links }, disk));
    }
    if !plan.foreign.is_empty() {
        return Err(journal.undo(
            SyncError::NotGenerated {
                paths: plan.foreign,
            },
            disk,
        ));
    }
    match apply(root, files, &plan, disk, &mut journal) {
        Ok(deleted) => {
            report.written = plan
                .write
                .iter()
                .map(|&i| files.path(i).to_owned())
                .collect();
            report.deleted = deleted;
            drop(lock);
            Ok(report)
        }
        Err(e) => Err(journal.undo(e, disk)),
    }
}

/// What a sync will do, decided from the snapshot and the files' bytes before anything
/// changes.
struct Plan {
    /// The files to write, by index.
    write: Vec<usize>,
    delete: Vec<String>,
    foreign: Vec<String>,
    /// Symbolic links that a file would be written through (each once).
    links: Vec<String>,
    unchanged: usize,
    /// The differences, in the order check mode reports them.
    problems: Vec<Problem>,
}

/// What stands at a generated file's path.
enum Found {
    Missing,
    Foreign,
    Link,
    /// A generated file, the same as the one made (`true`) or not.
    Generated(bool),
}

fn decide(
    root: &Path,
    files: &dyn FileSet,
    snapshot: &Snapshot,
    mode: Mode,
) -> Result<Plan, SyncError> {
    let mut plan = Plan {
        write: Vec::new(),
        delete: Vec::new(),
        foreign: Vec::new(),
        links: Vec::new(),
        unchanged: 0,
        problems: Vec::new(),
    };
    // Comparing is reading the whole folder and writing every page, so it is shared out over
    // the cores; each file's text is dropped once compared.
    let found = crate::parallel::map_indices(files.len(), |i| {
        let path = files.path(i);
        if snapshot.link_on_the_way(path).is_some() {
            return Ok(Found::Link);
        }
        if !snapshot.files.contains(path) {
            return Ok(Found::Missing);
        }
        let full = root.join(path);
        if holds(&full, files.contents(i).as_bytes())? {
            Ok(Found::Generated(true))
        } else if starts_with_header(&full)? {
            Ok(Found::Generated(false))
        } else {
            Ok(Found::Foreign)
        }
    });
    for (i, found) in found.into_iter().enumerate() {
        let path = files.path(i);
        match found? {
            Found::Link => {
                let link = snapshot.link_on_the_way(path).expect("found a link before");
                if !plan.links.contains(link) {
                    plan.links.push(link.clone());
                }
            }
            Found::Missing => {
                plan.problems.push(Problem::Missing(path.to_owned()));
                plan.write.push(i);
            }
            Found::Foreign => plan.foreign.push(path.to_owned()),
            Found::Generated(true) => plan.unchanged += 1,
            Found::Generated(false) => {
                // Only a check shows the difference; a write just writes.
                let diff = if mode == Mode::Check {
                    let full = root.join(path);
                    let old = fs::read(&full).map_err(io_error(&full))?;
                    short_diff(&String::from_utf8_lossy(&old), &files.contents(i))
                } else {
                    String::new()
                };
                plan.problems.push(Problem::OutOfDate {
                    path: path.to_owned(),
                    diff,
                });
                plan.write.push(i);
            }
        }
    }
    let wanted: BTreeSet<&str> = (0..files.len()).map(|i| files.path(i)).collect();
    let others: Vec<&String> = snapshot
        .files
        .iter()
        .filter(|path| !wanted.contains(path.as_str()))
        .collect();
    let generated =
        crate::parallel::map_indices(others.len(), |k| starts_with_header(&root.join(others[k])));
    for (path, generated) in others.into_iter().zip(generated) {
        if generated? {
            plan.delete.push(path.clone());
        }
    }
    plan.delete.sort();
    plan.foreign.sort();
    plan.links.sort();
    plan.problems
        .extend(plan.links.iter().cloned().map(Problem::Link));
    plan.problems
        .extend(plan.foreign.iter().cloned().map(Problem::NotGenerated));
    plan.problems
        .extend(plan.delete.iter().cloned().map(Problem::Stale));
    Ok(plan)
}

/// How many files are written at a time: their texts are made on all cores, then written
/// in order, so no more than this many are held at once.
const WRITE_BATCH: usize = 64;

/// Carries out a plan, recording each change in the journal as it is made; returns the files
/// deleted. What a change replaces is read just before it, so the journal holds the old bytes
/// of the changed files only.
fn apply(
    root: &Path,
    files: &dyn FileSet,
    plan: &Plan,
    disk: &mut dyn Disk,
    journal: &mut Journal,
) -> Result<Vec<String>, SyncError> {
    let mut checked = BTreeSet::new();
    // Directories seen or made in this run: each is looked at once, not once per file in it.
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for batch in plan.write.chunks(WRITE_BATCH) {
        let texts = crate::parallel::map_indices(batch.len(), |k| files.contents(batch[k]));
        for (&i, text) in batch.iter().zip(texts) {
            let relative = files.path(i);
            // A link made since the snapshot is refused all the same.
            if let Some(link) = link_on_disk(root, relative, &mut checked) {
                return Err(SyncError::Links { paths: vec![link] });
            }
            let full = root.join(relative);
            // A person may have put a file here, or edited one, since the snapshot; it is
            // not ours.
            let old = match read_existing(&full)? {
                Existing::Absent => None,
                Existing::Foreign => {
                    return Err(SyncError::NotGenerated {
                        paths: vec![relative.to_owned()],
                    })
                }
                Existing::Generated(old) => Some(old),
            };
            if let Some(dir) = full.parent() {
                if !dirs.contains(dir) {
                    create_dirs(dir, disk, journal)?;
                    dirs.insert(dir.to_owned());
                }
            }
            disk.write(&full, text.as_bytes())
                .map_err(io_error(&full))?;
            journal.changes.push(match old {
                Some(old) => Change::Replaced(full, old),
                None => Change::Created(full),
            });
        }
    }
    let mut deleted = Vec::new();
    for path in &plan.delete {
        if link_on_disk(root, path, &mut checked).is_some() {
            continue;
        }
        let full = root.join(path);
        // A stale file that lost its header since the snapshot is a person's now.
        let Ok(Existing::Generated(old)) = read_existing(&full) else {
            continue;
        };
        disk.remove_file(&full).map_err(io_error(&full))?;
        journal.changes.push(Change::Deleted(full, old));
        deleted.push(path.clone());
    }
    Ok(deleted)
}

/// Creates `dir` and its missing ancestors, recording each one created.
fn create_dirs(dir: &Path, disk: &mut dyn Disk, journal: &mut Journal) -> Result<(), SyncError> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.is_dir()).collect();
    for d in missing.into_iter().rev() {
        if d.as_os_str().is_empty() {
            continue;
        }
        disk.create_dir(d).map_err(io_error(d))?;
        journal.changes.push(Change::CreatedDir(d.to_owned()));
    }
    Ok(())
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

/// Writes through a temporary file in the same directory and renames it over the target, so
/// readers and a killed run only ever see the old or the new file.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", process_id()));
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
    };
    // `create_new` never opens through a link someone put at the temporary name. A leftover
    // of a killed run with the same process id is ours to replace.
    let file = match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(&temp)?;
            create()
        }
        other => other,
    };
    let result = file
        .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        .and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// This process's id, asked of the system once: it names every temporary file of a run.
fn process_id() -> u32 {
    static ID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *ID.get_or_init(std::process::id)
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

mod journal;
mod paths;
mod read;
#[cfg(test)]
mod tests;
