use super::*;
use crate::render::header;
use crate::OutputFile;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh, empty directory under the system temp directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("codegen-sync-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn file(path: &str, body: &str) -> OutputFile {
    OutputFile {
        path: path.to_owned(),
        contents: format!("{}{body}", header("//", "spec.yaml")),
    }
}

#[test]
fn write_then_second_run_writes_nothing() {
    let dir = TempDir::new();
    let files = vec![file("src/a.rs", "a\n"), file("src/m/b.rs", "b\n")];
    let first = sync(&dir.0, &files, Mode::Write).unwrap();
    assert_eq!(first.written, ["src/a.rs", "src/m/b.rs"]);
    let second = sync(&dir.0, &files, Mode::Write).unwrap();
    assert!(second.written.is_empty() && second.deleted.is_empty());
    assert_eq!(second.unchanged, 2);
    assert!(sync(&dir.0, &files, Mode::Check)
        .unwrap()
        .problems
        .is_empty());
}

/// Files are compared a block at a time; a difference anywhere, in a file of the same length
/// or past the first block, or a file that is a prefix of the new one, is found.
#[test]
fn a_difference_anywhere_in_a_file_is_found() {
    let dir = TempDir::new();
    let long = "x".repeat(200 * 1024);
    let cases = [
        (format!("{long}a\n"), format!("{long}b\n")),
        (format!("a{long}\n"), format!("b{long}\n")),
        (long.clone(), format!("{long}more")),
        (format!("{long}more"), long.clone()),
    ];
    for (before, after) in cases {
        sync(&dir.0, &[file("src/big.rs", &before)], Mode::Write).unwrap();
        let report = sync(&dir.0, &[file("src/big.rs", &after)], Mode::Write).unwrap();
        assert_eq!(report.written, ["src/big.rs"]);
        let on_disk = fs::read_to_string(dir.0.join("src/big.rs")).unwrap();
        assert_eq!(on_disk, file("src/big.rs", &after).contents);
        let again = sync(&dir.0, &[file("src/big.rs", &after)], Mode::Check).unwrap();
        assert!(again.problems.is_empty() && again.unchanged == 1);
    }
}

#[test]
fn check_names_edited_missing_and_stale_files_and_writes_nothing() {
    let dir = TempDir::new();
    let old = vec![file("src/a.rs", "a\n"), file("src/gone.rs", "g\n")];
    sync(&dir.0, &old, Mode::Write).unwrap();
    let edited = dir.0.join("src/a.rs");
    fs::write(&edited, format!("{}a edited\n", header("//", "spec.yaml"))).unwrap();
    let new = vec![file("src/a.rs", "a\n"), file("src/new.rs", "n\n")];
    let report = sync(&dir.0, &new, Mode::Check).unwrap();
    let summary: Vec<String> = report
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_owned())
        .collect();
    assert_eq!(
        summary,
        [
            "src/a.rs: out of date",
            "src/new.rs: missing",
            "src/gone.rs: stale (generated, but the spec no longer produces it)"
        ]
    );
    assert!(report.problems[0].to_string().contains("-a edited"));
    assert!(!dir.0.join("src/new.rs").exists());
    assert!(dir.0.join("src/gone.rs").exists());
}

#[test]
fn write_deletes_stale_generated_files_but_never_foreign_ones() {
    let dir = TempDir::new();
    sync(&dir.0, &[file("src/old.rs", "o\n")], Mode::Write).unwrap();
    fs::write(dir.0.join("src/mine.rs"), "// my own code\n").unwrap();
    let report = sync(&dir.0, &[file("src/a.rs", "a\n")], Mode::Write).unwrap();
    assert_eq!(report.deleted, ["src/old.rs"]);
    assert!(dir.0.join("src/mine.rs").exists());
}

#[test]
fn stale_model_pages_are_deleted_and_hand_written_ones_kept() {
    let dir = TempDir::new();
    let page = |path: &str| OutputFile {
        path: path.to_owned(),
        contents: format!("{}# Page\n", crate::render::html_header("spec.yaml")),
    };
    let first = [
        page("docs/models/operations/Old.md"),
        file("src/a.rs", "a\n"),
    ];
    sync(&dir.0, &first, Mode::Write).unwrap();
    fs::write(
        dir.0.join("docs/models/operations/Notes.md"),
        "# My notes\n",
    )
    .unwrap();
    let second = [
        page("docs/models/operations/New.md"),
        file("src/a.rs", "a\n"),
    ];
    let report = sync(&dir.0, &second, Mode::Write).unwrap();
    assert_eq!(report.deleted, ["docs/models/operations/Old.md"]);
    assert!(dir.0.join("docs/models/operations/Notes.md").exists());
    assert!(dir.0.join("docs/models/operations/New.md").exists());
}

#[test]
fn refuses_to_overwrite_a_file_without_the_header_and_writes_nothing() {
    let dir = TempDir::new();
    fs::create_dir_all(dir.0.join("src")).unwrap();
    fs::write(dir.0.join("src/b.rs"), "// hand-written\n").unwrap();
    let files = vec![file("src/a.rs", "a\n"), file("src/b.rs", "b\n")];
    let err = sync(&dir.0, &files, Mode::Write).unwrap_err();
    assert!(matches!(err, SyncError::NotGenerated { ref paths } if paths == &["src/b.rs"]));
    assert!(
        !dir.0.join("src/a.rs").exists(),
        "nothing is written when one target is foreign"
    );
    assert_eq!(
        fs::read_to_string(dir.0.join("src/b.rs")).unwrap(),
        "// hand-written\n"
    );
}

#[test]
fn unsafe_paths_are_rejected_before_anything_happens() {
    let dir = TempDir::new();
    for bad in [
        "../x.rs",
        "/etc/x.rs",
        "a/../../x.rs",
        "./x.rs",
        "",
        "a\\b.rs",
    ] {
        let err = sync(&dir.0, &[file(bad, "x\n")], Mode::Write).unwrap_err();
        assert!(matches!(err, SyncError::UnsafePath { .. }), "{bad}: {err}");
    }
}

#[test]
fn no_temporary_files_are_left_behind() {
    let dir = TempDir::new();
    sync(&dir.0, &[file("a.rs", "a\n")], Mode::Write).unwrap();
    sync(&dir.0, &[file("a.rs", "changed\n")], Mode::Write).unwrap();
    let names: Vec<String> = fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.rs"]);
}

#[test]
fn concurrent_runs_leave_a_consistent_tree() {
    let dir = TempDir::new();
    let a: Vec<OutputFile> = (0..40)
        .map(|i| file(&format!("src/f{i}.rs"), "a\n"))
        .collect();
    let b: Vec<OutputFile> = (0..40)
        .map(|i| file(&format!("src/f{i}.rs"), "b\n"))
        .collect();
    std::thread::scope(|s| {
        for round in 0..8 {
            let files = if round % 2 == 0 { &a } else { &b };
            let root = &dir.0;
            s.spawn(move || sync(root, files, Mode::Write).unwrap());
        }
    });
    // Whichever run finished last, the tree is wholly one run's output.
    let report_a = sync(&dir.0, &a, Mode::Check).unwrap();
    let report_b = sync(&dir.0, &b, Mode::Check).unwrap();
    assert!(report_a.problems.is_empty() || report_b.problems.is_empty());
}

#[test]
fn writing_into_a_missing_directory_creates_it() {
    let dir = TempDir::new();
    let root = dir.0.join("new/crate");
    let report = sync(&root, &[file("src/a.rs", "a\n")], Mode::Check).unwrap();
    assert_eq!(report.problems.len(), 1);
    assert!(
        !dir.0.join("new").exists(),
        "a check must not create anything"
    );
    let report = sync(&root, &[file("src/a.rs", "a\n")], Mode::Write).unwrap();
    assert_eq!(report.written, ["src/a.rs"]);
    assert!(root.join("src/a.rs").exists());
}

#[test]
fn names_too_long_for_the_file_system_are_rejected_before_anything_is_written() {
    let dir = TempDir::new();
    let long = format!("src/{}.rs", "x".repeat(240));
    let files = vec![file("src/a.rs", "a\n"), file(&long, "x\n")];
    let err = sync(&dir.0, &files, Mode::Write).unwrap_err();
    assert!(
        matches!(err, SyncError::PathTooLong { ref path, .. } if *path == long),
        "{err}"
    );
    assert!(!dir.0.join("src").exists(), "nothing is written");
    let deep: String = (0..800).map(|i| format!("d{i:04}/")).collect::<String>() + "a.rs";
    let err = sync(&dir.0, &[file(&deep, "a\n")], Mode::Write).unwrap_err();
    assert!(err.to_string().contains("whole path"), "{err}");
    let twice = vec![file("a.rs", "a\n"), file("a.rs", "b\n")];
    let err = sync(&dir.0, &twice, Mode::Write).unwrap_err();
    assert!(err.to_string().contains("two generated files"), "{err}");
    assert_eq!(fs::read_dir(&dir.0).unwrap().count(), 0);
}

/// A disk that fails its `fail_at`-th operation (counting from 0) and no other.
struct FailingDisk {
    calls: usize,
    fail_at: usize,
}

impl FailingDisk {
    fn step(&mut self) -> io::Result<()> {
        let call = self.calls;
        self.calls += 1;
        if call == self.fail_at {
            Err(io::Error::other("injected failure"))
        } else {
            Ok(())
        }
    }
}

impl Disk for FailingDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.step()?;
        RealDisk.write(path, bytes)
    }
    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        self.step()?;
        RealDisk.remove_file(path)
    }
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        self.step()?;
        RealDisk.create_dir(path)
    }
    fn remove_dir(&mut self, path: &Path) -> io::Result<()> {
        self.step()?;
        RealDisk.remove_dir(path)
    }
}

/// Every directory and file under `root`, with each file's bytes.
fn tree(root: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let shown = path.strip_prefix(root).unwrap().display().to_string();
            if path.is_dir() {
                found.push((shown, None));
                pending.push(path);
            } else {
                found.push((shown, Some(fs::read(&path).unwrap())));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_failure_at_any_step_leaves_the_directory_exactly_as_it_was() {
    let dir = TempDir::new();
    let before = vec![
        file("src/changed.rs", "old\n"),
        file("src/same.rs", "same\n"),
        file("src/stale.rs", "stale\n"),
        file("src/m/stale_too.rs", "stale\n"),
    ];
    let after = vec![
        file("src/changed.rs", "new\n"),
        file("src/same.rs", "same\n"),
        file("src/new.rs", "new\n"),
        file("src/deep/er/new.rs", "new\n"),
    ];
    let run = |fail_at: usize| -> (Result<Report, SyncError>, usize) {
        let _ = fs::remove_dir_all(&dir.0);
        fs::create_dir_all(&dir.0).unwrap();
        sync(&dir.0, &before, Mode::Write).unwrap();
        fs::write(dir.0.join("src/mine.rs"), "// mine\n").unwrap();
        let mut disk = FailingDisk { calls: 0, fail_at };
        (
            sync_with(&dir.0, &after, Mode::Write, &mut disk),
            disk.calls,
        )
    };
    // Without a failure: the number of steps a run takes.
    let (ok, steps) = run(usize::MAX);
    let report = ok.unwrap();
    assert_eq!(
        report.written,
        ["src/changed.rs", "src/new.rs", "src/deep/er/new.rs"]
    );
    assert_eq!(report.deleted, ["src/m/stale_too.rs", "src/stale.rs"]);
    // Three writes, two deletions and two directories created.
    assert_eq!(steps, 7);
    for fail_at in 0..steps {
        let _ = fs::remove_dir_all(&dir.0);
        fs::create_dir_all(&dir.0).unwrap();
        sync(&dir.0, &before, Mode::Write).unwrap();
        fs::write(dir.0.join("src/mine.rs"), "// mine\n").unwrap();
        let expected = tree(&dir.0);
        let (result, _) = run(fail_at);
        let err = result.expect_err("the injected failure is reported");
        assert!(err.to_string().contains("injected failure"), "{err}");
        if fail_at > 0 {
            assert!(
                matches!(err, SyncError::RolledBack { .. }),
                "step {fail_at}: {err}"
            );
        }
        assert_eq!(
            tree(&dir.0),
            expected,
            "failing step {fail_at} changed the directory"
        );
    }
}

#[test]
fn a_failure_while_creating_the_output_directory_leaves_nothing() {
    let dir = TempDir::new();
    let root = dir.0.join("a/b/crate");
    for fail_at in 0..3 {
        let mut disk = FailingDisk { calls: 0, fail_at };
        let err = sync_with(&root, &[file("src/x.rs", "x\n")], Mode::Write, &mut disk).unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert_eq!(tree(&dir.0), [], "step {fail_at}");
    }
}

#[test]
fn a_file_that_appears_after_prepare_is_not_overwritten() {
    let dir = TempDir::new();
    sync(&dir.0, &[file("a.rs", "a\n")], Mode::Write).unwrap();
    let prepared = prepare(&dir.0, Mode::Write).unwrap();
    fs::write(dir.0.join("b.rs"), "// written by hand meanwhile\n").unwrap();
    let err = sync_prepared(prepared, &[file("a.rs", "a\n"), file("b.rs", "b\n")]).unwrap_err();
    assert!(err.to_string().contains("b.rs"), "{err}");
    let hand = fs::read_to_string(dir.0.join("b.rs")).unwrap();
    assert_eq!(hand, "// written by hand meanwhile\n");
}

#[test]
fn a_stale_file_edited_by_hand_after_prepare_is_not_deleted() {
    let dir = TempDir::new();
    let before = [file("a.rs", "a\n"), file("old.rs", "o\n")];
    sync(&dir.0, &before, Mode::Write).unwrap();
    let prepared = prepare(&dir.0, Mode::Write).unwrap();
    fs::write(dir.0.join("old.rs"), "// now mine\n").unwrap();
    let report = sync_prepared(prepared, &[file("a.rs", "a\n")]).unwrap();
    assert!(report.deleted.is_empty());
    assert!(dir.0.join("old.rs").exists());
}

#[test]
fn prepare_creates_nothing_and_holds_the_lock() {
    let dir = TempDir::new();
    let root = dir.0.join("new/crate");
    let prepared = prepare(&root, Mode::Write).unwrap();
    assert!(
        !dir.0.join("new").exists(),
        "preparing must not create anything"
    );
    let report = sync_prepared(prepared, &[file("src/a.rs", "a\n")]).unwrap();
    assert_eq!(report.written, ["src/a.rs"]);
    // While one run holds the prepared directory, another run's lock waits for it.
    let held = prepare(&root, Mode::Write).unwrap();
    let other = std::thread::spawn({
        let root = root.clone();
        move || sync(&root, &[file("src/a.rs", "b\n")], Mode::Write).unwrap()
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(!other.is_finished(), "the second run waits for the lock");
    drop(held);
    assert_eq!(other.join().unwrap().written, ["src/a.rs"]);
}

/// Every entry under `root` without following links: each link with its target, each file
/// with its bytes.
#[cfg(unix)]
fn tree_without_following(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let shown = path.strip_prefix(root).unwrap().display().to_string();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap();
                found.push((shown, format!("-> {}", target.display())));
            } else if kind.is_dir() {
                found.push((shown, "dir".to_owned()));
                pending.push(path);
            } else {
                found.push((
                    shown,
                    String::from_utf8_lossy(&fs::read(&path).unwrap()).into(),
                ));
            }
        }
    }
    found.sort();
    found
}

/// A link inside the output folder, to a folder or to a file elsewhere, is never written or
/// deleted through: the run fails naming the link, and both the output folder and the place
/// the link points to are as they were. A check names the link as a problem.
#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_output_folder_are_never_followed() {
    use std::os::unix::fs::symlink;
    let out = TempDir::new();
    let elsewhere = TempDir::new();
    // A generated file elsewhere, which a deletion through the link would remove.
    fs::create_dir_all(elsewhere.0.join("models")).unwrap();
    fs::write(
        elsewhere.0.join("models/stale.rs"),
        file("x", "stale\n").contents,
    )
    .unwrap();
    fs::write(elsewhere.0.join("lib.rs"), file("x", "theirs\n").contents).unwrap();
    fs::create_dir_all(out.0.join("src")).unwrap();
    symlink(elsewhere.0.join("models"), out.0.join("src/models")).unwrap();
    symlink(elsewhere.0.join("lib.rs"), out.0.join("src/lib.rs")).unwrap();
    let files = vec![
        file("src/lib.rs", "lib\n"),
        file("src/models/a.rs", "a\n"),
        file("src/other.rs", "other\n"),
    ];
    let (out_before, elsewhere_before) = (
        tree_without_following(&out.0),
        tree_without_following(&elsewhere.0),
    );
    let err = sync(&out.0, &files, Mode::Write).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(&err, SyncError::Links { paths } if paths == &["src/lib.rs", "src/models"]),
        "{message}"
    );
    assert!(message.contains("symbolic links"), "{message}");
    assert_eq!(tree_without_following(&out.0), out_before);
    assert_eq!(tree_without_following(&elsewhere.0), elsewhere_before);
    let check = sync(&out.0, &files, Mode::Check).unwrap();
    let links: Vec<&Problem> = check
        .problems
        .iter()
        .filter(|p| matches!(p, Problem::Link(_)))
        .collect();
    assert_eq!(
        links,
        [
            &Problem::Link("src/lib.rs".to_owned()),
            &Problem::Link("src/models".to_owned())
        ]
    );
    // Without the links, the run writes, and deletes nothing elsewhere.
    fs::remove_file(out.0.join("src/models")).unwrap();
    fs::remove_file(out.0.join("src/lib.rs")).unwrap();
    sync(&out.0, &files, Mode::Write).unwrap();
    assert_eq!(tree_without_following(&elsewhere.0), elsewhere_before);
}

/// A link that appears after the folder was read is refused at the write, and the run undoes
/// what it wrote before it.
#[cfg(unix)]
#[test]
fn a_link_made_after_prepare_is_refused_and_the_run_undone() {
    use std::os::unix::fs::symlink;
    let out = TempDir::new();
    let elsewhere = TempDir::new();
    let files = vec![file("a/first.rs", "1\n"), file("b/second.rs", "2\n")];
    let prepared = prepare(&out.0, Mode::Write).unwrap();
    fs::create_dir_all(out.0.join("a")).unwrap();
    symlink(&elsewhere.0, out.0.join("b")).unwrap();
    let err = sync_prepared(prepared, &files).unwrap_err();
    assert!(err.to_string().contains("symbolic links"), "{err}");
    assert!(fs::read_dir(&elsewhere.0).unwrap().next().is_none());
    assert!(!out.0.join("a/first.rs").exists());
}
