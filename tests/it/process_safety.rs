//! What only real processes show: a save killed at any instant leaves a
//! whole old or whole new file, and a second process sees the lock.
//!
//! The child processes are this test binary itself, started with an
//! environment variable and the name of an ignored helper test.

use crate::common;
use funnel::domain::{Date, Workspace};
use funnel::store::{self, ReadOnly, Store};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_PATH: &str = "FUNNEL_TEST_CHILD_PATH";

fn versions() -> (Workspace, Workspace) {
    let today = Date::parse("2026-11-23").unwrap();
    // different sizes, so a torn write could not pass for either
    (
        funnel::synth::workspace(40, 1, today),
        funnel::synth::workspace(400, 2, today),
    )
}

fn spawn_helper(test: &str, path: &Path) -> Child {
    // libtest names a test by its path inside the test binary's crate
    // ("process_safety::helper_save_forever"), without the crate's name
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_crate, module)| module);
    let test = if module.is_empty() {
        test.to_string()
    } else {
        format!("{module}::{test}")
    };
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_PATH, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn helper")
}

/// Waits until the helper prints `line` on its standard output.
fn wait_for(child: &mut Child, line: &str) {
    let out = child.stdout.as_mut().unwrap();
    for got in BufReader::new(out).lines() {
        // libtest may print "test name ... " on the same line first
        if got.unwrap().trim_end().ends_with(line) {
            return;
        }
    }
    panic!("helper ended before saying {line:?}");
}

#[test]
#[ignore = "helper: run by saves_killed_at_any_instant_leave_a_whole_file"]
fn helper_save_forever() {
    let Some(path) = std::env::var_os(CHILD_PATH).map(PathBuf::from) else {
        return;
    };
    let (a, b) = versions();
    let data = path.with_file_name("data");
    let (mut store, _) = Store::open(&path, &data).unwrap();
    println!("saving");
    // bounded, so that a helper orphaned by a failed test stops by itself
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        store.save(&b).unwrap();
        store.save(&a).unwrap();
    }
}

#[test]
fn saves_killed_at_any_instant_leave_a_whole_file() {
    let sb = common::Sandbox::new();
    let path = sb.path("w.json");
    let (a, b) = versions();
    drop(Store::create(&path, &a, &sb.path("data")).unwrap());
    let (mut seen_a, mut seen_b) = (0, 0);
    for round in 0..12u64 {
        let mut child = spawn_helper("helper_save_forever", &path);
        wait_for(&mut child, "saving");
        std::thread::sleep(Duration::from_millis(5 + round * 7 % 40));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let ws = store::read(&path)
            .unwrap_or_else(|e| panic!("round {round}: {e}"))
            .workspace;
        if ws == a {
            seen_a += 1;
        } else if ws == b {
            seen_b += 1;
        } else {
            panic!("round {round}: the file is neither version");
        }
    }
    assert_eq!(seen_a + seen_b, 12);
    // no temporary files are left to be mistaken for the workspace
    let stray: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("w.json") && n != "w.json" && n != "w.json.lock")
        .collect();
    assert!(stray.len() <= 1, "temporary files pile up: {stray:?}");
}

#[test]
#[ignore = "helper: run by a_second_process_sees_the_lock"]
fn helper_hold_lock() {
    let Some(path) = std::env::var_os(CHILD_PATH).map(PathBuf::from) else {
        return;
    };
    let (store, _) = Store::open(&path, &path.with_file_name("data")).unwrap();
    assert!(store.read_only().is_none());
    println!("locked");
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_second_process_sees_the_lock() {
    let sb = common::Sandbox::new();
    let path = sb.fixture("valid.json");
    let mut child = spawn_helper("helper_hold_lock", &path);
    wait_for(&mut child, "locked");

    let (mut store, ws) = Store::open(&path, &sb.path("data")).unwrap();
    assert_eq!(
        store.read_only(),
        Some(&ReadOnly::Locked {
            pid: Some(child.id())
        })
    );
    assert!(store.save(&ws).is_err());

    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = common::stdout(&out);
    assert!(
        text.starts_with(&format!(
            "note: another funnel (process {}) has this workspace open",
            child.id()
        )),
        "{text}"
    );

    child.kill().unwrap();
    child.wait().unwrap();
    // the OS releases the lock with the process: nothing stale is left
    let start = Instant::now();
    let (store, _) = Store::open(&path, &sb.path("data")).unwrap();
    assert!(
        store.read_only().is_none(),
        "lock still held {:?} after the holder died",
        start.elapsed()
    );
}

#[test]
#[ignore = "helper: run by backups_killed_at_any_instant_are_whole_or_absent"]
fn helper_back_up_forever() {
    let Some(path) = std::env::var_os(CHILD_PATH).map(PathBuf::from) else {
        return;
    };
    let backups =
        funnel::store::backup::Backups::for_workspace(&path.with_file_name("data"), &path);
    println!("backing up");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        backups.take(&path, true).unwrap();
    }
}

#[test]
fn backups_killed_at_any_instant_are_whole_or_absent() {
    let sb = common::Sandbox::new();
    let path = sb.path("w.json");
    // big enough (a few MB) that a kill often lands inside the copy
    let big = funnel::synth::workspace(2000, 3, Date::parse("2026-11-23").unwrap());
    std::fs::write(&path, store::to_json_bytes(&big)).unwrap();
    let backups = funnel::store::backup::Backups::for_workspace(&sb.path("data"), &path);
    let start = Instant::now();
    let mut rounds = 0u64;
    // bounded in time, not rounds: a few seconds on a slow machine
    while rounds < 3 || (start.elapsed() < Duration::from_secs(4) && rounds < 40) {
        let mut child = spawn_helper("helper_back_up_forever", &path);
        wait_for(&mut child, "backing up");
        std::thread::sleep(Duration::from_millis(3 + rounds * 11 % 60));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        for b in backups.list().unwrap() {
            let bytes = std::fs::read(&b).unwrap();
            assert!(
                serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok(),
                "round {rounds}: {} is named like a backup but does not parse ({} bytes)",
                b.display(),
                bytes.len()
            );
        }
        rounds += 1;
    }
    assert!(backups.list().unwrap().len() <= backups.keep);
}
