use super::*;
use crate::render::header;
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
fn a_file_that_appears_after_the_snapshot_is_not_overwritten() {
    let dir = TempDir::new();
    sync(&dir.0, &[file("a.rs", "a\n")], Mode::Write).unwrap();
    let snapshot = Snapshot::take(&dir.0, Mode::Check).unwrap();
    fs::write(dir.0.join("b.rs"), "// written by hand meanwhile\n").unwrap();
    let mut snapshot = snapshot;
    snapshot.mode = Mode::Write;
    snapshot.lock = lock_dir(&dir.0).unwrap();
    let err = sync_snapshot(&[file("a.rs", "a\n"), file("b.rs", "b\n")], snapshot).unwrap_err();
    assert!(matches!(err, SyncError::NotGenerated { ref paths } if paths == &["b.rs"]));
    let hand = fs::read_to_string(dir.0.join("b.rs")).unwrap();
    assert_eq!(hand, "// written by hand meanwhile\n");
}

#[test]
fn a_stale_file_edited_by_hand_after_the_snapshot_is_not_deleted() {
    let dir = TempDir::new();
    sync(
        &dir.0,
        &[file("a.rs", "a\n"), file("old.rs", "o\n")],
        Mode::Write,
    )
    .unwrap();
    let snapshot = Snapshot::take(&dir.0, Mode::Write).unwrap();
    fs::write(dir.0.join("old.rs"), "// now mine\n").unwrap();
    let report = sync_snapshot(&[file("a.rs", "a\n")], snapshot).unwrap();
    assert!(report.deleted.is_empty());
    assert!(dir.0.join("old.rs").exists());
}

#[test]
fn writing_into_a_missing_directory_creates_it() {
    let dir = TempDir::new();
    let root = dir.0.join("new/crate");
    let snapshot = Snapshot::take(&root, Mode::Write).unwrap();
    assert!(!root.exists(), "taking a snapshot must not create anything");
    let report = sync_snapshot(&[file("src/a.rs", "a\n")], snapshot).unwrap();
    assert_eq!(report.written, ["src/a.rs"]);
    assert!(root.join("src/a.rs").exists());
}
