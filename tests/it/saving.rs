//! Saving: the race with an outside writer, and the saver thread.

use funnel::domain::change::Change;
use funnel::domain::{Date, Stage, Workspace};
use funnel::store::incremental::Delta;
use funnel::store::saver::{Report, Saver};
use funnel::store::{self, Store, StoreError};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn owner(path: &Path) -> String {
    store::read(path).unwrap().workspace.settings.owner
}

/// An outside program replaces the file atomically at random moments
/// while we save 200 times; on a conflict we keep ours and reload theirs,
/// as the workbench does. Nothing is lost: every outside version was either
/// read back by us before we replaced it or is the final file, and every
/// save of ours that met a conflict is in a conflict copy.
/// Sets its flag when dropped, panicking included.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
fn an_outside_writer_racing_200_saves_loses_nothing() {
    // in memory where there is a tmpfs: the race is about the order of
    // renames, and 200 synced saves on a disk take ten seconds
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let path = dir.path().join("w.json");
    let data = dir.path().join("data");
    // small: the test build is unoptimised, and the race is in the renames
    let mut ws = funnel::synth::workspace(3, 3, today());
    ws.settings.owner = "start".into();
    drop(Store::create(&path, &ws, &data).unwrap());
    let (mut store, mut ws) = Store::open(&path, &data).unwrap();

    let stop = AtomicBool::new(false);
    let written = Mutex::new(Vec::<String>::new());
    let mut seen = BTreeSet::new();
    let mut conflicts = 0;
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut rng = funnel::synth::Rng::new(11);
            let base = funnel::store::read(&path).unwrap().workspace;
            let mut k = 0;
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_micros(rng.range(0, 3000) as u64));
                let mut theirs = base.clone();
                theirs.settings.owner = format!("theirs-{k}");
                let tmp = path.with_file_name(format!("outside-{k}"));
                std::fs::write(&tmp, store::to_json_bytes(&theirs)).unwrap();
                std::fs::rename(&tmp, &path).unwrap();
                written.lock().unwrap().push(theirs.settings.owner.clone());
                // one outside version at a time: only our saves replace it
                let start = Instant::now();
                while !stop.load(Ordering::SeqCst)
                    && start.elapsed() < Duration::from_secs(5)
                    && std::fs::read(&path)
                        .ok()
                        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
                        .is_some_and(|v| v["settings"]["owner"] == theirs.settings.owner)
                {
                    std::thread::sleep(Duration::from_micros(200));
                }
                k += 1;
            }
        });
        // the writer stops when this loop ends, also by a failed assertion:
        // else the scope would wait for it forever and the run would hang
        let _stop = StopOnDrop(&stop);
        for i in 0..200 {
            ws.settings.owner = format!("ours-{i}");
            match store.save(&ws) {
                Ok(()) => {}
                Err(StoreError::ChangedOnDisk { kept, .. }) => {
                    conflicts += 1;
                    assert_eq!(owner(&kept), format!("ours-{i}"), "ours is in the copy");
                    ws = store.reload().unwrap();
                    seen.insert(ws.settings.owner.clone());
                }
                Err(e) => panic!("{e}"),
            }
        }
        stop.store(true, Ordering::SeqCst);
    });
    let last = owner(&path);
    let written = written.into_inner().unwrap();
    assert!(written.len() > 10, "the outside writer raced: {written:?}");
    for theirs in &written {
        assert!(
            seen.contains(theirs) || *theirs == last,
            "{theirs} was overwritten unseen ({conflicts} conflicts, final {last})"
        );
    }
    let copies = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".conflict-")
        })
        .count();
    assert_eq!(copies, conflicts);
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".w.json.")
        })
        .count();
    assert_eq!(temps, 0, "no temp file is left behind");
}

static LOCK: Mutex<()> = Mutex::new(());
static UNWRITTEN: AtomicUsize = AtomicUsize::new(0);

/// A burst of edits handed to the saver is written as few times as the
/// disk allows, and the file ends as the workspace is, byte for byte.
#[test]
fn the_saver_coalesces_a_burst_and_writes_the_newest_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let data = dir.path().join("data");
    drop(Store::create(&path, &funnel::synth::workspace(300, 5, today()), &data).unwrap());
    let (store, mut ws) = Store::open(&path, &data).unwrap();
    let mut saver = Saver::spawn(store, &LOCK, &UNWRITTEN);
    for i in 0..50 {
        let index = i % ws.opportunities.len();
        let mut o = ws.opportunities[index].clone();
        o.notes = format!("edit {i}");
        o.stage = Stage::Close;
        let change = Change::new("t").replace_opportunity(&ws, index, o);
        change.apply(&mut ws);
        let mut delta = Delta::default();
        delta.record(&change, false);
        saver.save(delta.take(&ws));
    }
    let reports = saver.wait();
    let writes = reports
        .iter()
        .filter(|r| matches!(r, Report::Saved))
        .count();
    assert!((1..50).contains(&writes), "{writes} writes for 50 edits");
    assert!(saver.saved());
    assert_eq!(UNWRITTEN.load(Ordering::SeqCst), 0);
    assert_eq!(std::fs::read(&path).unwrap(), store::to_json_bytes(&ws));
}

/// A file changed underneath while the saver runs: ours goes to a copy,
/// theirs stays, and the report says it was a conflict.
#[test]
fn the_saver_reports_a_conflict_and_keeps_both() {
    static LOCK2: Mutex<()> = Mutex::new(());
    static UNWRITTEN2: AtomicUsize = AtomicUsize::new(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let data = dir.path().join("data");
    drop(Store::create(&path, &Workspace::new("v1", "EUR"), &data).unwrap());
    let (store, mut ws) = Store::open(&path, &data).unwrap();
    let mut saver = Saver::spawn(store, &LOCK2, &UNWRITTEN2);
    let mut theirs = ws.clone();
    theirs.settings.owner = "theirs".into();
    std::fs::write(&path, store::to_json_bytes(&theirs)).unwrap();
    ws.review_in_progress = Some(Default::default());
    let mut delta = Delta::default();
    delta.touch_shell();
    saver.save(delta.take(&ws));
    let reports = saver.wait();
    assert!(
        reports.iter().any(
            |r| matches!(r, Report::Failed { conflict: true, why } if why.contains(".conflict-"))
        ),
        "{reports:?}"
    );
    assert_eq!(owner(&path), "theirs");
}

fn status(app: &funnel::tui::app::App) -> (String, funnel::tui::app::Tone) {
    app.status.clone().unwrap()
}

/// The status line keeps the edit's label and adds "saving…", then "saved"
/// once the saver wrote the newest state.
#[test]
fn an_edit_says_saving_then_saved() {
    use crate::common::{demo_app, press};
    use funnel::tui::app::{Effect, Msg, Tone};
    use ratatui::crossterm::event::KeyCode;
    let mut app = demo_app();
    assert_eq!(press(&mut app, KeyCode::Char('>')), vec![Effect::Save]);
    let (label, _) = status(&app);
    assert!(label.contains('→'), "{label}");
    assert!(
        !app.pending.is_empty(),
        "the edit waits for the loop to hand it over"
    );
    app.update(Msg::SaveStarted);
    assert_eq!(status(&app), (format!("{label} · saving…"), Tone::Info));
    app.update(Msg::Saved);
    assert_eq!(status(&app), (format!("{label} · saved"), Tone::Info));
    // a failure is never covered by "saving…"
    app.update(Msg::SaveFailed("disk full".into()));
    app.update(Msg::SaveStarted);
    assert_eq!(status(&app).1, Tone::Error);
}

/// An edit whose label ends in "saved" (`plan of Acme Foods saved`) reads
/// `plan of Acme Foods · saved` once saved: one space before the dot.
#[test]
fn a_label_ending_in_saved_keeps_one_space_before_the_dot() {
    use crate::common::{demo_app, press};
    use funnel::tui::app::{Msg, Tone};
    use ratatui::crossterm::event::KeyCode;
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('e'));
    // the plan's goals: one more
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::End);
    crate::common::typing(&mut app, "; one more goal");
    press(&mut app, KeyCode::Enter);
    let (label, _) = status(&app);
    assert!(label.ends_with(" saved"), "{label}");
    app.update(Msg::SaveStarted);
    app.update(Msg::Saved);
    let name = label.trim_end_matches(" saved").to_owned();
    assert_eq!(status(&app), (format!("{name} · saved"), Tone::Info));
}

/// A save that fails while `q` waits for it: the loop sends `Msg::Quit`,
/// which asks again instead of quitting.
#[test]
fn a_save_failing_while_quitting_asks_before_quitting() {
    use crate::common::{demo_app, press};
    use funnel::tui::app::{Effect, Msg};
    use ratatui::crossterm::event::KeyCode;
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('>'));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    app.update(Msg::SaveFailed("disk full".into()));
    assert_eq!(app.update(Msg::Quit), vec![]);
    assert!(status(&app).0.contains("press q again"), "{:?}", app.status);
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
}
