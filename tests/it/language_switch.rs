//! The workbench's language switch (`Ctrl-l`, spec section 12): the whole
//! screen changes language at once, red flags and reasons included, and
//! the choice is saved in the settings only when the seller says so.

use crate::common::{demo_app, press, screen};
use funnel::i18n::{self, Lang};
use funnel::tui::app::{App, Msg};
use funnel::tui::dialog::Dialog;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn ctrl_l(app: &mut App) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('l'),
        KeyModifiers::CONTROL,
    )));
}

fn english() -> App {
    i18n::set(i18n::Locale::ENGLISH);
    demo_app()
}

#[test]
fn ctrl_l_speaks_chinese_at_once_and_asks_to_save_it() {
    let mut app = english();
    let before = screen(&app, 100, 30);
    assert!(before.contains("Deals"), "{before}");
    ctrl_l(&mut app);
    assert_eq!(i18n::lang(), Lang::Zh);
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("确认商机"), "{shown}");
    assert!(shown.contains("settings.language"), "{shown}");
    // y keeps the choice in the workspace, as one change u takes back
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.ws.settings.language, "zh");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws.settings.language, "");
    // undoing the setting does not change the session's language
    assert_eq!(i18n::lang(), Lang::Zh);
}

#[test]
fn any_other_answer_keeps_the_settings_and_the_session_language() {
    let mut app = english();
    ctrl_l(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws.settings.language, "");
    assert_eq!(i18n::lang(), Lang::Zh);
    assert!(app.dialog.is_none());
    // a second Ctrl-l comes back to English
    ctrl_l(&mut app);
    assert_eq!(i18n::lang(), Lang::En);
    press(&mut app, KeyCode::Char('n'));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Deals"), "{shown}");
}

#[test]
fn red_flags_and_reasons_are_computed_again_in_the_new_language() {
    let mut app = english();
    // the deal pane with its red flags, and view 2's reasons
    press(&mut app, KeyCode::Tab);
    let flags_en = screen(&app, 160, 48);
    ctrl_l(&mut app);
    press(&mut app, KeyCode::Char('n'));
    let flags_zh = screen(&app, 160, 48);
    assert_ne!(flags_en, flags_zh);
    assert!(flags_zh.contains("红旗"), "{flags_zh}");
    press(&mut app, KeyCode::Char('2'));
    let actions = screen(&app, 160, 48);
    assert!(!actions.contains("best few"), "{actions}");
}

#[test]
fn a_workspace_that_already_says_chinese_is_not_asked_again() {
    let mut app = english();
    app.ws.settings.language = "zh".into();
    ctrl_l(&mut app);
    assert!(app.dialog.is_none());
    assert_eq!(i18n::lang(), Lang::Zh);
}

#[test]
fn the_switch_keeps_marks_filters_and_the_selection_in_every_view() {
    let mut app = english();
    // view 1: a filter and two marks, the selection on the second row
    press(&mut app, KeyCode::Char('/'));
    for c in "stage:drive".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    let selected = crate::common::selected_id(&app);
    let marked = app.screens.pipeline.marks.len();
    assert_eq!(marked, 2);
    ctrl_l(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(crate::common::selected_id(&app), selected);
    assert_eq!(app.screens.pipeline.marks.len(), marked);
    assert!(
        screen(&app, 100, 30).contains("stage:drive"),
        "the filter is still on"
    );
    // view 2: a mark on an action survives the switch back
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.screens.actions.marks.len(), 1);
    ctrl_l(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(i18n::lang(), Lang::En);
    assert_eq!(app.screens.actions.marks.len(), 1);
}
