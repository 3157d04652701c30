//! The log pane edits and deletes an entry (spec section 9: every field
//! editable in the workbench): `e` changes its date and words (the log
//! stays in date order), `d` asks, then deletes; both undo.

use crate::common::{demo_app, press, selected_id, typing};
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::forms::FieldId;
use funnel::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

/// View 1 on o5 with its log pane focused, the newest entry selected.
fn on_log() -> App {
    let mut app = demo_app();
    press(&mut app, KeyCode::Home);
    while selected_id(&app) != "o5" {
        press(&mut app, KeyCode::Down);
    }
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    app
}

fn log(app: &App) -> Vec<(String, String)> {
    app.ws
        .opportunity("o5")
        .unwrap()
        .log
        .iter()
        .map(|l| (l.on.to_string(), l.text.clone()))
        .collect()
}

#[test]
fn e_edits_the_newest_entry_and_u_takes_it_back() {
    let mut app = on_log();
    let before = log(&app);
    assert!(before.len() >= 2, "{before:?}");
    let newest = before.last().unwrap().clone();
    press(&mut app, KeyCode::Char('e'));
    match &app.dialog {
        Some(Dialog::Form(form, _)) => {
            assert_eq!(form.value(FieldId::On), newest.0);
            assert_eq!(form.value(FieldId::Text), newest.1);
        }
        other => panic!("no form: {other:?}"),
    }
    // the form opens on the words; the date is a Shift-Tab away, and moved
    // before every other entry, the log stays in date order
    press(&mut app, KeyCode::BackTab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "2026-01-02");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let after = log(&app);
    assert_eq!(after[0], ("2026-01-02".to_owned(), newest.1.clone()));
    assert_eq!(after.len(), before.len());
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(log(&app), before);
}

#[test]
fn d_asks_then_deletes_and_u_restores() {
    let mut app = on_log();
    let before = log(&app);
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(log(&app), before, "n keeps it");
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(log(&app), before[..before.len() - 1]);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(log(&app), before);
}
