//! The store's own tests: saving, conflicts, links, the lock.
use super::*;
use std::os::unix::fs::PermissionsExt;

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("sub/w.json");
    let data = dir.path().join("data");
    (dir, ws, data)
}

#[test]
fn create_writes_a_private_file_and_refuses_to_overwrite() {
    let (_d, path, data) = setup();
    let ws = Workspace::new("Li Wei", "CNY");
    drop(Store::create(&path, &ws, &data).unwrap());
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(matches!(
        Store::create(&path, &ws, &data),
        Err(StoreError::Exists(_))
    ));
    assert_eq!(read(&path).unwrap().workspace, ws);
}

#[test]
fn a_file_changed_underneath_is_never_overwritten() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("", ""), &data).unwrap());
    let (mut store, mut ws) = Store::open(&path, &data).unwrap();
    let theirs = b"{\"format\": \"funnel-workspace\", \"version\": 1, \"settings\": {\"owner\": \"them\"}}\n";
    fs::write(&path, theirs).unwrap();
    ws.settings.owner = "me".into();
    let err = store.save(&ws).unwrap_err();
    let StoreError::ChangedOnDisk { kept, .. } = err else {
        panic!("{err}")
    };
    assert_eq!(fs::read(&path).unwrap(), theirs);
    assert_eq!(read(&kept).unwrap().workspace.settings.owner, "me");
}

#[test]
fn reload_takes_the_new_file_as_the_base_for_saves() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("", ""), &data).unwrap());
    let (mut store, _) = Store::open(&path, &data).unwrap();
    fs::write(
        &path,
        r#"{"format":"funnel-workspace","version":1,"settings":{"owner":"them"}}"#,
    )
    .unwrap();
    assert!(store.changed_on_disk().unwrap());
    let mut ws = store.reload().unwrap();
    assert_eq!(ws.settings.owner, "them");
    assert!(!store.changed_on_disk().unwrap());
    ws.settings.owner = "both".into();
    store.save(&ws).unwrap();
    assert_eq!(read(&path).unwrap().workspace.settings.owner, "both");
}

#[test]
fn a_same_size_edit_with_the_old_time_is_still_seen() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("aaaa", ""), &data).unwrap());
    let (mut store, ws) = Store::open(&path, &data).unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("aaaa", "bbbb");
    fs::write(&path, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    assert!(matches!(
        store.save(&ws),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_symlinked_workspace_is_saved_through_the_link() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("v1", ""), &data).unwrap());
    let link = path.with_file_name("link.json");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let (mut store, mut ws) = Store::open(&link, &data).unwrap();
    ws.settings.owner = "v2".into();
    store.save(&ws).unwrap();
    assert!(link.is_symlink());
    assert_eq!(read(&path).unwrap().workspace.settings.owner, "v2");
    let (second, _) = Store::open(&path, &data).unwrap();
    assert!(second.read_only().is_some(), "one lock for both names");
}

#[test]
fn saving_twice_works_and_keeps_a_backup_of_the_first_state() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("v1", ""), &data).unwrap());
    let (mut store, mut ws) = Store::open(&path, &data).unwrap();
    ws.settings.owner = "v2".into();
    store.save(&ws).unwrap();
    ws.settings.owner = "v3".into();
    store.save(&ws).unwrap();
    assert_eq!(read(&path).unwrap().workspace.settings.owner, "v3");
    let backups = store.backups().list().unwrap();
    assert_eq!(
        backups.len(),
        1,
        "one backup per session within the interval"
    );
    assert_eq!(read(&backups[0]).unwrap().workspace.settings.owner, "v1");
}

#[test]
fn a_second_store_is_read_only_and_refuses_to_save() {
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("", ""), &data).unwrap());
    let (_first, _) = Store::open(&path, &data).unwrap();
    let (mut second, ws) = Store::open(&path, &data).unwrap();
    assert_eq!(
        second.read_only(),
        Some(&ReadOnly::Locked {
            pid: Some(std::process::id())
        })
    );
    assert!(matches!(second.save(&ws), Err(StoreError::ReadOnly(_))));
}

#[test]
fn a_newer_version_opens_read_only() {
    let (_d, path, data) = setup();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        &path,
        r#"{"format":"funnel-workspace","version":2,"future":[1]}"#,
    )
    .unwrap();
    let (mut store, ws) = Store::open(&path, &data).unwrap();
    assert_eq!(
        store.read_only(),
        Some(&ReadOnly::NewerVersion { found: 2 })
    );
    assert!(
        store
            .read_only()
            .unwrap()
            .to_string()
            .contains("newer funnel")
    );
    assert!(store.save(&ws).is_err());
}

#[test]
fn what_open_read_is_told_from_other_bytes_after_a_touch() {
    // the hash of what `open` read is taken later, on first need: a file
    // touched (new identity) but holding the same bytes is not a change;
    // one rewritten to other bytes of the same size is
    let (_d, path, data) = setup();
    drop(Store::create(&path, &Workspace::new("Li", "CNY"), &data).unwrap());
    let (mut store, _) = Store::open(&path, &data).unwrap();
    let same = fs::read(&path).unwrap();
    fs::write(&path, &same).unwrap();
    assert!(!store.changed_on_disk().unwrap(), "the same bytes, touched");
    drop(store);
    let (mut store, _) = Store::open(&path, &data).unwrap();
    let other = String::from_utf8(same).unwrap().replace("\"Li\"", "\"Lu\"");
    fs::write(&path, other).unwrap();
    assert!(store.changed_on_disk().unwrap(), "other bytes, same size");
    drop(store);
    // and the saver, which takes the bytes read, refuses to overwrite them
    let (mut store, ws) = Store::open(&path, &data).unwrap();
    let loaded = store.take_loaded().unwrap();
    fs::write(&path, b"{}").unwrap();
    assert!(matches!(
        store.save_bytes(&loaded),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    drop(ws);
}

#[test]
fn git_conflict_markers_are_named_at_their_line() {
    let text = "{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n<<<<<<< HEAD\n  \"accounts\": [],\n=======\n  \"accounts\": [{\"id\": \"a1\", \"name\": \"x\"}],\n>>>>>>> theirs\n  \"opportunities\": []\n}\n";
    let problems = super::load::parse(text.as_bytes(), Path::new("w.json")).unwrap_err();
    let p = &problems[0];
    assert_eq!((p.line, p.column), (4, 1));
    assert!(
        p.message.starts_with("git conflict markers"),
        "{}",
        p.message
    );
    assert!(p.message.contains("funnel git-setup"), "{}", p.message);
    // a string holding the characters is data, not a marker
    let fine = "{\"format\": \"funnel-workspace\", \"version\": 1, \"settings\": {\"owner\": \"<<<<<<< x\"}}";
    assert!(super::load::parse(fine.as_bytes(), Path::new("w.json")).is_ok());
}
