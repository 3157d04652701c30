//! The merge conflicts in the workbench (spec section 13, issue 22): a
//! banner in every view while some remain, and the list that resolves them
//! one by one (keep ours, take theirs, edit), each choice one undoable edit,
//! saved at once; `funnel check` lists them and still passes.

use crate::common::{clean_screen, press, screen, status, today, typing};
use funnel::domain::{Conflict, Money, Workspace};
use funnel::tui::app::{App, Effect, Msg};
use funnel::tui::dialog::Dialog;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::{Value, json};

/// The deal ours deleted and theirs kept.
const GONE: &str = "o5";

/// The demo with what a `funnel merge` leaves: ours in place, five
/// conflicts (a value, a person's attitude, a stage, a deal ours deleted,
/// a setting).
pub(crate) fn conflicted() -> Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    let gone = ws.opportunities.iter().position(|o| o.id == GONE).unwrap();
    let gone = ws.opportunities.remove(gone);
    let o1 = ws.opportunity("o1").unwrap();
    let value = serde_json::to_value(o1.value).unwrap();
    let c = |path: &str, ours: Value, theirs: Value, base: Value| Conflict {
        path: path.into(),
        ours,
        theirs,
        base,
        ..Conflict::default()
    };
    let stale = serde_json::to_value(ws.settings.quiet_days).unwrap();
    ws.conflicts = vec![
        c(
            "opportunities[o1].value",
            value,
            json!(210000),
            json!(150000),
        ),
        c(
            "opportunities[o1].influences[i2].attitude",
            serde_json::to_value(o1.influences[1].attitude).unwrap(),
            json!("supporter"),
            json!("unknown"),
        ),
        c(
            "opportunities[o4].stage",
            json!("qualify"),
            json!("drive"),
            json!("qualify"),
        ),
        c(
            &format!("opportunities[{GONE}]"),
            Value::Null,
            serde_json::to_value(&gone).unwrap(),
            serde_json::to_value(&gone).unwrap(),
        ),
        c("settings.quiet_days", stale, json!(21), json!(14)),
    ];
    ws
}

fn app_of(ws: Workspace) -> App {
    App::new(ws, today(), "test".into(), None)
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

/// The workbench with the conflict list open.
fn list_open() -> App {
    let mut app = app_of(conflicted());
    press(&mut app, KeyCode::Char('M'));
    assert!(
        matches!(app.dialog, Some(Dialog::Conflicts(_))),
        "M opens the list: {}",
        status(&app)
    );
    app
}

fn o1_value(app: &App) -> Money {
    app.ws.opportunity("o1").unwrap().value
}

#[test]
fn the_banner_shows_in_every_view_while_conflicts_remain() {
    let banner = "5 merge conflicts from git: press M to resolve them";
    let mut app = app_of(conflicted());
    for view in "12345678".chars() {
        press(&mut app, KeyCode::Char(view));
        for (w, h) in [(80, 24), (120, 40)] {
            let s = screen(&app, w, h);
            assert!(s.contains(banner), "view {view} at {w}×{h}:\n{s}");
        }
    }
    let mut one = conflicted();
    one.conflicts.truncate(1);
    let s = screen(&app_of(one), 80, 24);
    assert!(
        s.contains("1 merge conflict from git: press M to resolve it"),
        "{s}"
    );
    let mut none = app_of(funnel::store::demo::workspace(today()));
    for view in "12345678".chars() {
        press(&mut none, KeyCode::Char(view));
        let s = screen(&none, 80, 24);
        assert!(!s.contains("merge conflict"), "view {view}:\n{s}");
    }
    press(&mut none, KeyCode::Char('M'));
    assert_eq!(none.dialog, None);
    assert!(
        status(&none).contains("no merge conflicts"),
        "{}",
        status(&none)
    );
}

#[test]
fn the_list_names_the_deal_and_the_field_beside_the_raw_path() {
    let mut app = list_open();
    let s = screen(&app, 120, 40);
    let title = app.ws.opportunity("o1").unwrap().title.clone();
    assert!(s.contains(&format!("{title} · value")), "{s}");
    assert!(s.contains("opportunities[o1].value"), "{s}");
    assert!(s.contains("210000") && s.contains("150000"), "{s}");
    // the person by their name, the deleted deal by its title
    let person = app.ws.opportunity("o1").unwrap().influences[1].name.clone();
    assert!(s.contains(&format!("· {person} · attitude")), "{s}");
    assert!(s.contains("settings · quiet after days"), "{s}");
    // the detail follows the selection
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("opportunities[o1].influences[i2].attitude"),
        "{s}"
    );
    assert!(!s.contains("opportunities[o1].value "), "{s}");
    // a whole record by its name
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&app, 120, 40);
    let gone = funnel::store::demo::workspace(today());
    let title = &gone.opportunity(GONE).unwrap().title;
    assert!(s.contains(&format!("{title} (whole record)")), "{s}");
}

#[test]
fn keep_ours_drops_the_conflict_and_leaves_the_value() {
    let mut app = list_open();
    let before = o1_value(&app);
    let effects = press(&mut app, KeyCode::Char('o'));
    assert_eq!(effects, vec![Effect::Save], "{}", status(&app));
    assert_eq!(o1_value(&app), before);
    assert_eq!(app.ws.conflicts.len(), 4);
    assert!(
        app.ws
            .conflicts
            .iter()
            .all(|c| c.path != "opportunities[o1].value")
    );
    // the list stays open on the next one
    assert!(matches!(app.dialog, Some(Dialog::Conflicts(_))));
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("4 merge conflicts") || s.contains("1 of 4"),
        "{s}"
    );
}

/// What the saver would write after the edits so far, read back.
fn saved(app: &mut App, records: &mut funnel::store::incremental::Records) -> Workspace {
    records.apply(app.pending.take(&app.ws));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    std::fs::write(&path, records.bytes()).unwrap();
    crate::common::read_workspace(&path)
}

#[test]
fn take_theirs_sets_their_value_and_saves_it() {
    let mut app = list_open();
    let mut records = funnel::store::incremental::Records::of(&app.ws);
    assert_eq!(press(&mut app, KeyCode::Char('t')), vec![Effect::Save]);
    assert_eq!(o1_value(&app), Money::from_units(210_000));
    let on_disk = saved(&mut app, &mut records);
    assert_eq!(on_disk, app.ws);
    assert_eq!(
        on_disk.opportunity("o1").unwrap().value,
        Money::from_units(210_000)
    );
    assert_eq!(on_disk.conflicts.len(), 4);
}

#[test]
fn edit_takes_a_typed_value_and_refuses_one_that_does_not_read() {
    let mut app = list_open();
    let before = o1_value(&app);
    press(&mut app, KeyCode::Char('e'));
    let Some(Dialog::Conflicts(list)) = &app.dialog else {
        panic!("the list stays open")
    };
    let typed = list.edit.as_ref().expect("e opens the value line");
    assert_eq!(
        typed.value(),
        app.ws.conflicts[0].ours.to_string(),
        "it starts from ours"
    );
    // Esc goes back to the list, nothing changed
    press(&mut app, KeyCode::Esc);
    assert!(matches!(&app.dialog, Some(Dialog::Conflicts(l)) if l.edit.is_none()));
    assert_eq!(app.ws.conflicts.len(), 5);
    // a value that is no amount: said, and the typing stays to be fixed
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typing(&mut app, "lots");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(!status(&app).is_empty());
    assert!(matches!(&app.dialog, Some(Dialog::Conflicts(l)) if l.edit.is_some()));
    assert_eq!(o1_value(&app), before);
    assert_eq!(app.ws.conflicts.len(), 5);
    // a negative amount: refused as the amount fields refuse it, the
    // typing stays
    ctrl(&mut app, 'u');
    typing(&mut app, "-5");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(status(&app).contains("negative"), "{}", status(&app));
    assert!(
        matches!(&app.dialog, Some(Dialog::Conflicts(l)) if l.edit.as_ref().is_some_and(|t| t.value() == "-5"))
    );
    assert_eq!(app.ws.conflicts.len(), 5);
    // pasted text goes into the value line, never read as keys
    ctrl(&mut app, 'u');
    app.update(Msg::Paste("199000\n".into()));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(o1_value(&app), Money::from_units(199_000));
    assert_eq!(app.ws.conflicts.len(), 4);
    assert!(matches!(&app.dialog, Some(Dialog::Conflicts(l)) if l.edit.is_none()));
}

#[test]
fn a_refused_choice_says_why_and_changes_nothing() {
    let mut ws = conflicted();
    // a deal neither side still has: there is nothing to set
    ws.conflicts[0].path = "opportunities[o999].value".into();
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('M'));
    let before = app.ws.clone();
    assert_eq!(press(&mut app, KeyCode::Char('t')), vec![]);
    assert_eq!(app.ws, before);
    assert!(!status(&app).is_empty(), "the refusal is said");
    assert!(matches!(app.dialog, Some(Dialog::Conflicts(_))));
}

#[test]
fn undo_brings_the_conflict_back() {
    let mut app = list_open();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('t'));
    // the second of those left (the stage), then back to the top
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.ws.conflicts.len(), 3);
    // in the list, the conflict back is selected
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(app.ws.conflicts.len(), 4);
    let Some(Dialog::Conflicts(list)) = &app.dialog else {
        panic!("the list stays open")
    };
    assert_eq!(
        app.ws.conflicts[list.cursor.at()].path,
        before.conflicts[2].path
    );
    // and from the view, with the list closed
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(app.ws, before);
    assert_eq!(ctrl(&mut app, 'r'), vec![Effect::Save]);
    assert_eq!(o1_value(&app), Money::from_units(210_000));
    assert_eq!(app.ws.conflicts.len(), 4);
}

#[test]
fn a_deal_ours_deleted_comes_back_when_theirs_is_taken() {
    let mut app = list_open();
    let mut records = funnel::store::incremental::Records::of(&app.ws);
    assert!(app.ws.opportunity(GONE).is_none());
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(press(&mut app, KeyCode::Char('t')), vec![Effect::Save]);
    let back = app.ws.opportunity(GONE).expect("the deal is back");
    let theirs = funnel::store::demo::workspace(today());
    assert_eq!(back, theirs.opportunity(GONE).unwrap());
    assert_eq!(saved(&mut app, &mut records), app.ws);
}

#[test]
fn the_last_one_resolved_says_the_workspace_is_clean() {
    let mut ws = conflicted();
    ws.conflicts.truncate(1);
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(press(&mut app, KeyCode::Char('o')), vec![Effect::Save]);
    assert!(app.ws.conflicts.is_empty());
    assert_eq!(app.dialog, None, "nothing left to list");
    assert!(status(&app).contains("git add"), "{}", status(&app));
    app.update(Msg::Saved);
    let s = screen(&app, 80, 24);
    assert!(!s.contains("merge conflict from git"), "{s}");
    assert!(
        s.contains(" All merge conflicts resolved: git add the file and commit the merge · saved"),
        "the whole of it fits 80 columns:\n{s}"
    );
}

#[test]
fn a_read_only_workspace_shows_the_list_and_refuses_the_choices() {
    let why = "another funnel (process 42) has this workspace open: read-only";
    let mut app = App::new(conflicted(), today(), "test".into(), Some(why.into()));
    let s = screen(&app, 80, 24);
    assert!(s.contains(why) && s.contains("5 merge conflicts"), "{s}");
    press(&mut app, KeyCode::Char('M'));
    assert!(matches!(app.dialog, Some(Dialog::Conflicts(_))));
    let before = app.ws.clone();
    for key in ['o', 't', 'e', 'u'] {
        assert_eq!(press(&mut app, KeyCode::Char(key)), vec![]);
        assert_eq!(app.ws, before, "{key}");
        assert!(
            status(&app).contains("nothing was changed"),
            "{key}: {}",
            status(&app)
        );
        assert!(matches!(&app.dialog, Some(Dialog::Conflicts(l)) if l.edit.is_none()));
    }
}

#[test]
fn help_lists_the_keys_and_closes_back_to_the_list() {
    let mut app = app_of(conflicted());
    press(&mut app, KeyCode::Char('?'));
    let s = screen(&app, 120, 40);
    assert!(s.contains("merge conflicts: the list to resolve"), "{s}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.dialog, Some(Dialog::Help { .. })));
    let s = screen(&app, 80, 24);
    for text in [
        "keep ours",
        "take theirs",
        "edit: type the value",
        "undo the last",
    ] {
        assert!(s.contains(text), "{text}:\n{s}");
    }
    press(&mut app, KeyCode::Esc);
    let Some(Dialog::Conflicts(list)) = &app.dialog else {
        panic!("back to the list")
    };
    assert_eq!(list.cursor.at(), 1, "where it was");
}

#[test]
fn snapshots_of_the_list() {
    let mut app = list_open();
    insta::assert_snapshot!("conflicts_list_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('e'));
    insta::assert_snapshot!("conflicts_edit_120x40", screen(&app, 120, 40));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("conflicts_banner_80x24", screen(&app, 80, 24));
}

#[test]
fn in_chinese() {
    funnel::i18n::with(crate::common::CHINESE, || {
        let mut app = app_of(conflicted());
        let s = clean_screen(&app, 80, 24);
        assert!(s.contains("git 合并留下 5 个冲突：按 M 逐个解决"), "{s}");
        press(&mut app, KeyCode::Char('M'));
        let s = clean_screen(&app, 80, 24);
        for text in ["合并冲突", "我方", "对方", "原值", "保留我方"] {
            assert!(s.contains(text), "{text}:\n{s}");
        }
        for text in ["Merge conflicts", "keep ours", "theirs"] {
            assert!(!s.contains(text), "{text}:\n{s}");
        }
        insta::assert_snapshot!("conflicts_list_zh_80x24", s);
    });
}

#[test]
fn check_lists_the_conflicts_and_passes() {
    let sb = crate::common::Sandbox::new();
    let path = sb.path("w.json");
    std::fs::write(&path, funnel::store::to_json_bytes(&conflicted())).unwrap();
    let out = crate::common::funnel_on(&sb, &path, &["check"]);
    let text = crate::common::stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(": ok,"), "{text}");
    assert!(
        text.contains("note: 5 merge conflicts to resolve (valid data, so check still passes)"),
        "{text}"
    );
    assert!(
        text.contains("  opportunities[o1].value: ours 180000, theirs 210000"),
        "{text}"
    );
    assert!(
        text.contains(&format!("  opportunities[{GONE}]: ours —, theirs ")),
        "{text}"
    );
    assert!(text.contains("(whole record)"), "{text}");
    // a file that does not load: its problems, then its conflicts
    let mut v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    v["opportunities"][0]["stage"] = json!("nowhere");
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = crate::common::funnel_on(&sb, &path, &["check"]);
    let text = crate::common::stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    let problems = text.find("problem").unwrap();
    let note = text.find("merge conflicts to resolve").unwrap();
    assert!(problems < note, "{text}");
    // none: no note
    std::fs::write(
        &path,
        funnel::store::to_json_bytes(&funnel::store::demo::workspace(today())),
    )
    .unwrap();
    let text = crate::common::run_on(&sb, &path, &["check"]);
    assert!(!text.contains("conflict"), "{text}");
}

#[test]
fn the_wheel_moves_the_selection_in_the_list() {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let mut app = list_open();
    let wheel = |app: &mut App, kind| {
        app.update(Msg::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 5,
            modifiers: KeyModifiers::NONE,
        }))
    };
    let at = |app: &App| match &app.dialog {
        Some(Dialog::Conflicts(l)) => l.cursor.at(),
        _ => panic!("the list stays open"),
    };
    // a turn of the wheel moves three rows, as in every list
    wheel(&mut app, MouseEventKind::ScrollDown);
    assert_eq!(at(&app), 3);
    wheel(&mut app, MouseEventKind::ScrollDown);
    assert_eq!(at(&app), 4, "it stops at the last");
    wheel(&mut app, MouseEventKind::ScrollUp);
    assert_eq!(at(&app), 1);
}
