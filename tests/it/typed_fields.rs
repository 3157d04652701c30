//! Issue 16, "Typing": amounts and dates typed as people say them, in the
//! workbench's fields and prompts, reach the saved workspace.

use crate::common::{demo_app, press, today, typing};
use funnel::domain::{Date, Money};
use funnel::tui::app::{App, Effect};
use funnel::tui::screens::Pane;
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

fn clear_field(app: &mut App) {
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
}

fn saved(app: &App) -> funnel::domain::Workspace {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.json");
    std::fs::write(&path, funnel::store::to_json_bytes(&app.ws)).unwrap();
    funnel::store::read(&path).unwrap().workspace
}

#[test]
fn a_deal_valued_500k_closing_eoq_is_saved_as_meant() {
    let mut app = demo_app();
    let id = app.current_opportunity().unwrap().id.clone();
    press(&mut app, KeyCode::Char('e'));
    // title, account, value
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "500k");
    // stage, expected close
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "eoq");
    let shown = screen(&app);
    assert!(shown.contains("→ 500,000"), "{shown}");
    assert!(shown.contains("eoq  → 2026-12-31 (Thu)"), "{shown}");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let ws = saved(&app);
    let o = ws.opportunity(&id).unwrap();
    assert_eq!(o.value, Money::from_units(500_000));
    assert_eq!(o.expected_close, Date::parse("2026-12-31"));
}

#[test]
fn an_amount_that_does_not_read_keeps_the_form_open_and_says_why() {
    let mut app = demo_app();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "1.2.3");
    assert!(screen(&app).contains("is not an amount"));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(app.dialog.is_some());
    assert_eq!(app.ws, before);
}

#[test]
fn the_log_form_takes_the_note_at_once_dated_today() {
    let mut app = demo_app();
    let id = app.current_opportunity().unwrap().id.clone();
    let n = app.ws.opportunity(&id).unwrap().log.len();
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "called 王总 about the budget");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let log = &saved(&app).opportunity(&id).unwrap().log.clone();
    assert_eq!(log.len(), n + 1);
    assert!(
        log.iter()
            .any(|l| l.on == today() && l.text == "called 王总 about the budget")
    );
}

#[test]
fn the_log_refuses_a_date_to_come_and_stays_open() {
    let mut app = demo_app();
    let before = app.ws.clone();
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "meeting with the CFO");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "+3");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(app.dialog.is_some(), "the form stays open");
    assert_eq!(app.ws, before);
    let status = &app.status.as_ref().unwrap().0;
    assert!(
        status.starts_with("a log entry records what happened: today or before"),
        "{status:?}"
    );
}

#[test]
fn the_log_date_takes_yesterday() {
    let mut app = demo_app();
    let id = app.current_opportunity().unwrap().id.clone();
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "site visit");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "昨天");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let log = &app.ws.opportunity(&id).unwrap().log;
    assert!(
        log.iter()
            .any(|l| l.on == today().plus_days(-1) && l.text == "site visit")
    );
}

#[test]
fn the_reschedule_prompt_shows_and_takes_a_pasted_shorthand() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('2'));
    let first = app.screens.actions.entry(0).unwrap().clone();
    let id = first.action.clone().expect("the first entry is an action");
    press(&mut app, KeyCode::Char('r'));
    app.update(funnel::tui::app::Msg::Paste("eom\n".into()));
    assert!(screen(&app).contains("→ 2026-11-30 (Mon)"));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let ws = saved(&app);
    let action = ws.opportunities[first.opportunity]
        .actions
        .iter()
        .find(|a| a.id == id)
        .unwrap();
    assert_eq!(action.due, Date::parse("2026-11-30"));
}
