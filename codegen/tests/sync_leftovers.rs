//! A run killed between creating its temporary file and renaming it leaves that file behind;
//! a later run with the same process id takes its place rather than failing, and never writes
//! through a link someone put at the temporary name.

use codegen::render::header;
use codegen::sync::{sync, Mode};
use codegen::OutputFile;
use std::fs;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-leftovers-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("src")).unwrap();
    dir
}

fn files() -> Vec<OutputFile> {
    vec![OutputFile {
        path: "src/a.rs".to_owned(),
        contents: format!("{}a\n", header("//", "spec.yaml")),
    }]
}

/// Where a run of this process puts `src/a.rs` while it writes it.
fn temp_of(dir: &std::path::Path) -> PathBuf {
    dir.join(format!("src/.a.rs.{}.tmp", std::process::id()))
}

#[test]
fn a_leftover_temporary_file_is_replaced() {
    let dir = scratch("file");
    fs::write(temp_of(&dir), "half a file").unwrap();
    let report = sync(&dir, &files(), Mode::Write).unwrap();
    assert_eq!(report.written, ["src/a.rs"]);
    assert_eq!(
        fs::read_to_string(dir.join("src/a.rs")).unwrap(),
        files()[0].contents
    );
    assert!(!temp_of(&dir).exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_at_the_temporary_name_is_not_written_through() {
    let dir = scratch("link");
    let target = dir.join("precious.txt");
    fs::write(&target, "keep me").unwrap();
    std::os::unix::fs::symlink(&target, temp_of(&dir)).unwrap();
    sync(&dir, &files(), Mode::Write).unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
    assert_eq!(
        fs::read_to_string(dir.join("src/a.rs")).unwrap(),
        files()[0].contents
    );
    assert!(fs::symlink_metadata(temp_of(&dir)).is_err());
    fs::remove_dir_all(&dir).unwrap();
}
