//! Every path that reads or writes the workspace is safe: `-o` never lands
//! on the workspace or a backup, special files are refused at once, the
//! lock follows the file rather than its name, a dangling symlink gets one
//! story, stale temporary files go, and a read-only funnel takes the lock
//! when it is freed.

use crate::common::{Sandbox, stderr, stdout};
use funnel::domain::Workspace;
use funnel::store::{self, ReadOnly, Store, backup::Backups};
use std::path::Path;
use std::process::Output;
use std::time::Duration;

fn run(sb: &Sandbox, ws: &Path, args: &[&str]) -> Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23"])
        .args(args)
        // a FIFO used to hang for ever: a hang fails the test instead
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap()
}

fn export_to(sb: &Sandbox, ws: &Path, out: &Path) -> Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["export", "csv", "-o"])
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn export_never_writes_over_the_workspace_by_any_name() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    let before = std::fs::read(&ws).unwrap();
    std::fs::create_dir(sb.path("sub")).unwrap();
    let hard = sb.path("sub/hard.json");
    std::fs::hard_link(&ws, &hard).unwrap();
    let soft = sb.path("soft.json");
    std::os::unix::fs::symlink(&ws, &soft).unwrap();
    let dotted = sb.path("sub/../valid.json");
    for out in [&ws, &hard, &soft, &dotted] {
        let o = export_to(&sb, &ws, out);
        assert_eq!(o.status.code(), Some(2), "{}", out.display());
        let err = stderr(&o);
        assert!(err.contains("is the workspace"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{}", out.display());
    }
    // the workspace named through a link is refused the same way
    let o = export_to(&sb, &soft, &ws);
    assert_eq!(o.status.code(), Some(2));
    // an ordinary file is fine
    let o = export_to(&sb, &ws, &sb.path("out.csv"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn export_never_writes_over_a_backup() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    let data = sb.path("data/funnel");
    let backup = Backups::for_workspace(&data, &std::fs::canonicalize(&ws).unwrap())
        .take(&ws, true)
        .unwrap()
        .unwrap();
    let before = std::fs::read(&backup).unwrap();
    let o = export_to(&sb, &ws, &backup);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a backup of the workspace"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&backup).unwrap(), before);
    let new_in_folder = backup.with_file_name("new.json");
    let o = export_to(&sb, &ws, &new_in_folder);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!new_in_folder.exists());
}

#[test]
fn special_files_are_refused_at_once() {
    let sb = Sandbox::new();
    let fifo = sb.path("fifo.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let socket = sb.path("socket.json");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    std::fs::create_dir(sb.path("folder.json")).unwrap();
    let csv = sb.path("deals.csv");
    std::fs::write(&csv, "title,account,stage\nDeal,Acme,qualify\n").unwrap();
    let cases = [
        (fifo.clone(), "a named pipe (FIFO)"),
        (socket, "a socket"),
        (sb.path("folder.json"), "a folder"),
        ("/dev/zero".into(), "a character device"),
    ];
    for (path, kind) in &cases {
        for args in [
            vec!["check"],
            vec!["list"],
            vec!["import", "csv", csv.to_str().unwrap()],
        ] {
            let o = run(&sb, path, &args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?} on {kind}: {err}");
            assert!(
                err.contains(&format!(
                    "{}: is {kind}, expected a regular file",
                    path.display()
                )),
                "{err}"
            );
        }
    }
    // a special file to import from is refused the same way
    let ws = sb.fixture("valid.json");
    let o = run(&sb, &ws, &["import", "csv", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("a named pipe"), "{}", stderr(&o));
}

#[test]
fn a_dangling_symlink_gets_one_story_from_check_and_init() {
    let sb = Sandbox::new();
    let link = sb.path("w.json");
    std::os::unix::fs::symlink("real/target.json", &link).unwrap();
    let target = sb.path("real/target.json");
    let o = run(&sb, &link, &["check"]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "a symbolic link to {}, which does not exist; `funnel init` creates the workspace there",
            target.display()
        )),
        "{err}"
    );
    let o = run(&sb, &link, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("where the link points"),
        "{}",
        stdout(&o)
    );
    assert!(link.is_symlink(), "the link is kept");
    assert!(store::read(&target).is_ok());
    let o = run(&sb, &link, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_import_through_a_hard_link_sees_the_workbench_lock() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    std::fs::create_dir(sb.path("elsewhere")).unwrap();
    let alias = sb.path("elsewhere/alias.json");
    std::fs::hard_link(&ws, &alias).unwrap();
    let before = std::fs::read(&ws).unwrap();
    let (workbench, _) = Store::open(&ws, &sb.path("data")).unwrap();
    assert!(workbench.read_only().is_none());
    let csv = sb.path("deals.csv");
    std::fs::write(&csv, "title,account,stage\nNew deal,Acme,qualify\n").unwrap();
    let o = run(&sb, &alias, &["import", "csv", csv.to_str().unwrap()]);
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        err.contains(&format!("another funnel (process {})", std::process::id())),
        "{err}"
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // check through the alias names the holder too
    let o = run(&sb, &alias, &["check"]);
    assert!(
        stdout(&o).starts_with("note: another funnel"),
        "{}",
        stdout(&o)
    );
    drop(workbench);
}

#[test]
fn a_dry_run_import_needs_no_lock() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    let before = std::fs::read(&ws).unwrap();
    let (workbench, _) = Store::open(&ws, &sb.path("data")).unwrap();
    let csv = sb.path("deals.csv");
    std::fs::write(&csv, "title,account,stage\nNew deal,Acme,qualify\n").unwrap();
    let o = run(
        &sb,
        &ws,
        &["import", "csv", csv.to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("dry run, nothing saved"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    drop(workbench);
}

#[test]
fn stale_temp_files_go_when_no_one_else_writes() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    let data = sb.path("data");
    let backups = Backups::for_workspace(&data, &std::fs::canonicalize(&ws).unwrap());
    std::fs::create_dir_all(&backups.dir).unwrap();
    let temps = [
        sb.path(".valid.json.Ab3xY9"),
        backups.dir.join(".20261130T061500Z.json.4242.partial"),
    ];
    let theirs = sb.path(".valid.json.backup");
    for t in temps.iter().chain([&theirs]) {
        std::fs::write(t, "half a file").unwrap();
    }
    let (first, _) = Store::open(&ws, &data).unwrap();
    assert!(temps.iter().all(|t| !t.exists()), "stale temps removed");
    assert!(theirs.exists(), "a file that is not ours stays");
    // a second, read-only funnel leaves the writer's temp files alone
    std::fs::write(&temps[0], "being written").unwrap();
    let (second, _) = Store::open(&ws, &data).unwrap();
    assert!(second.read_only().is_some());
    assert!(temps[0].exists());
    drop(first);
}

#[test]
fn a_read_only_store_takes_the_lock_when_it_is_freed() {
    let sb = Sandbox::new();
    let ws = sb.fixture("valid.json");
    let data = sb.path("data");
    let (mut first, mut theirs) = Store::open(&ws, &data).unwrap();
    let (mut second, _) = Store::open(&ws, &data).unwrap();
    assert!(matches!(second.read_only(), Some(ReadOnly::Locked { .. })));
    assert!(!second.try_upgrade(), "still held");
    theirs.settings.owner = "first".into();
    first.save(&theirs).unwrap();
    drop(first);
    assert!(second.try_upgrade());
    assert!(second.read_only().is_none());
    assert!(second.changed_on_disk().unwrap(), "the caller reloads");
    let mut ws_now = second.reload().unwrap();
    assert_eq!(ws_now.settings.owner, "first");
    ws_now.settings.owner = "second".into();
    second.save(&ws_now).unwrap();
    let (third, _) = Store::open(&ws, &data).unwrap();
    assert!(third.read_only().is_some(), "the upgraded store holds it");
    let saved: Workspace = store::read(&ws).unwrap().workspace;
    assert_eq!(saved.settings.owner, "second");
}

#[test]
fn unknown_numbers_keep_their_exact_spelling_through_a_save() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let numbers = "[1E5, 1.50, -0, 1e-7, 2E+3, -1.0e10, 123456789012345678901234567890]";
    let text = format!(
        r#"{{"format": "funnel-workspace", "version": 1, "later": {numbers},
"settings": {{"owner": "a", "ratio": 1E5, "deep": {{"x": [1.50]}}}},
"accounts": [{{"id": "a", "name": "A", "crm_score": 2E+3}}],
"opportunities": [{{"id": "o", "title": "T", "account": "a", "stage": "drive", "weight": -0}}]}}"#
    );
    std::fs::write(&ws, &text).unwrap();
    let (mut s, w) = Store::open(&ws, &sb.path("data")).unwrap();
    s.save(&w).unwrap();
    let saved = std::fs::read_to_string(&ws).unwrap();
    for n in [
        "1E5,",
        "1.50,",
        "-0,",
        "1e-7,",
        "2E+3,",
        "-1.0e10,",
        "123456789012345678901234567890\n",
        "\"ratio\": 1E5",
        "\"crm_score\": 2E+3",
        "\"weight\": -0",
        "1.50\n",
    ] {
        assert!(saved.contains(n), "{n:?} not in:\n{saved}");
    }
    // the written file is a fixed point: reading and writing it again
    // gives the same bytes
    let again = store::to_json_bytes(&store::read(&ws).unwrap().workspace);
    assert_eq!(String::from_utf8(again).unwrap(), saved);
}
