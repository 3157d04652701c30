//! The settings form (`S`, spec section 9: every field of the format is
//! editable in the workbench): it shows the settings, refuses what the
//! rules refuse, saves, undoes and redoes, and what it changes takes
//! effect at once (a stall limit changes the red flags).

use crate::common::{demo_app, press, screen, typing};
use funnel::domain::edit::{self, SettingsFields};
use funnel::domain::{Days, Percent, flags};
use funnel::tui::app::{App, Effect, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::forms::FieldId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn field(app: &App, id: FieldId) -> String {
    match &app.dialog {
        Some(Dialog::Form(form, _)) => form.value(id).to_owned(),
        other => panic!("no form: {other:?}"),
    }
}

/// Moves to `id` in the open form and types `text` over its value.
fn retype(app: &mut App, id: FieldId, text: &str) {
    for _ in 0..30 {
        if let Some(Dialog::Form(form, _)) = &app.dialog
            && form.fields[form.focus].id == id
        {
            for _ in 0..form.fields[form.focus].raw().chars().count() {
                press(app, KeyCode::Backspace);
            }
            typing(app, text);
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no field {id:?}");
}

fn stalled_deals(app: &App) -> usize {
    app.ws
        .opportunities
        .iter()
        .filter(|o| {
            flags::compute(o, &app.ws.settings, app.today)
                .iter()
                .any(|f| f.rule == flags::Rule::Stalled)
        })
        .count()
}

#[test]
fn s_edits_the_settings_with_undo_and_redo_and_the_flags_follow() {
    let mut app = demo_app();
    let before = app.ws.clone();
    let stalled = stalled_deals(&app);
    assert!(stalled > 0, "the demo has stalled deals");
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(field(&app, FieldId::Currency), "CNY");
    assert_eq!(field(&app, FieldId::StallDrive), "30");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("stalled after days in drive"), "{shown}");
    // every stage's limit raised far: nothing is stalled any more
    for id in [
        FieldId::StallQualify,
        FieldId::StallDrive,
        FieldId::StallPropose,
        FieldId::StallNegotiate,
        FieldId::StallClose,
    ] {
        retype(&mut app, id, "365");
    }
    retype(&mut app, FieldId::ProbabilityPropose, "40");
    retype(&mut app, FieldId::LossReasons, "price; no budget");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    let s = &app.ws.settings;
    assert_eq!(s.stall_days.drive, Days(365));
    assert_eq!(s.stage_probability.propose, Percent(40));
    assert_eq!(s.loss_reasons, vec!["price", "no_budget"]);
    assert_eq!(stalled_deals(&app), 0);
    let after = app.ws.clone();
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, before);
    assert_eq!(stalled_deals(&app), stalled);
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.ws, after);
}

#[test]
fn a_value_out_of_range_keeps_the_form_open_and_changes_nothing() {
    let mut app = demo_app();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('S'));
    retype(&mut app, FieldId::QuietDays, "0");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("expected a whole number from 1 to 3650"),
        "{shown}"
    );
    retype(&mut app, FieldId::QuietDays, "14");
    retype(&mut app, FieldId::Currency, "");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, before);
}

#[test]
fn the_domain_edit_refuses_empty_reasons_and_is_one_undo_step() {
    let app = demo_app();
    let mut f = SettingsFields::of(&app.ws);
    f.win_reasons = vec![" ".into()];
    assert!(edit::set_settings(&app.ws, f).is_err());
    let mut f = SettingsFields::of(&app.ws);
    f.owner = "王芳".into();
    let change = edit::set_settings(&app.ws, f).unwrap();
    assert_eq!(change.patches.len(), 1);
    let mut ws = app.ws.clone();
    change.apply(&mut ws);
    assert_eq!(ws.settings.owner, "王芳");
    // the targets and other settings ride along untouched
    assert_eq!(ws.settings.targets, app.ws.settings.targets);
}

/// A settings change reaches the file through the incremental saver (the
/// settings live in the file's shell, not in a record).
#[test]
fn a_settings_change_is_written_to_the_file() {
    use funnel::store::{self, Store, incremental::Delta};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let data = dir.path().join("data");
    drop(
        Store::create(
            &path,
            &funnel::store::demo::workspace(crate::common::today()),
            &data,
        )
        .unwrap(),
    );
    let (mut store, mut ws) = Store::open(&path, &data).unwrap();
    let mut records = store::incremental::Records::of(&ws);
    let mut f = SettingsFields::of(&ws);
    f.quiet_days = Days(21);
    let change = edit::set_settings(&ws, f).unwrap();
    change.apply(&mut ws);
    let mut delta = Delta::default();
    delta.record(&change, false);
    records.apply(delta.take(&ws));
    store.save_pieces(&records.pieces()).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), store::to_json_bytes(&ws));
    assert_eq!(
        crate::common::read_workspace(&path).settings.quiet_days,
        Days(21)
    );
}

#[test]
fn reason_codes_the_list_has_keep_their_spelling() {
    let mut app = demo_app();
    app.ws.settings.loss_reasons = vec!["Price".into(), "budget_lost".into()];
    let mut f = SettingsFields::of(&app.ws);
    f.owner = "王芳".into();
    f.loss_reasons = vec!["Price".into(), "budget_lost".into(), "No Budget".into()];
    let change = edit::set_settings(&app.ws, f).unwrap();
    let mut ws = app.ws.clone();
    change.apply(&mut ws);
    assert_eq!(
        ws.settings.loss_reasons,
        ["Price", "budget_lost", "no_budget"]
    );
}

/// Short amounts follow the number style at once, and back on undo.
#[test]
fn the_number_style_takes_effect_at_once_and_undoes() {
    let mut app = demo_app();
    funnel::i18n::set(funnel::i18n::Locale::ENGLISH);
    assert!(!screen(&app, 100, 30).contains('万'));
    press(&mut app, KeyCode::Char('S'));
    // the last field: the choice, cycled from "—" to western to chinese
    press(&mut app, KeyCode::BackTab);
    assert_eq!(field(&app, FieldId::NumberStyle), "—");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(field(&app, FieldId::NumberStyle), "chinese");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(app.ws.settings.number_style, "chinese");
    assert!(screen(&app, 100, 30).contains('万'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws.settings.number_style, "");
    assert!(!screen(&app, 100, 30).contains('万'));
    funnel::i18n::set(funnel::i18n::Locale::ENGLISH);
}
