//! Each screen owns its focus: Tab in views 2 to 5 never reaches view 1's
//! panes, and an editing key changes only the record the screen shows
//! selected (or creates a new one), whatever was pressed before.

use funnel::domain::Workspace;
use funnel::tui::app::{App, Msg};
use funnel::tui::screens::{Pane, ScreenId};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn demo() -> App {
    crate::common::demo_app()
}

fn key(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Every key that edits somewhere in the workbench.
const EDITING: &str = "aedxrWL<>tmciTzsFnONv ";

/// The opportunity the screen on display shows selected, by id.
fn shown_selected(app: &App) -> Option<String> {
    let ws = &app.ws;
    match app.screen {
        ScreenId::Pipeline => app.current_opportunity().map(|o| o.id.clone()),
        ScreenId::Actions => app
            .screens
            .actions
            .selected()
            .map(|e| ws.opportunities[e.opportunity].id.clone()),
        ScreenId::Review => app
            .screens
            .review
            .walk
            .as_ref()
            .and_then(|w| w.current().map(String::from)),
        // the deal selected in the list of the deals behind a figure
        ScreenId::Forecast => app
            .screens
            .forecast
            .selected_deal(ws)
            .map(|i| ws.opportunities[i].id.clone()),
        // the deal of the person selected
        ScreenId::People => app
            .screens
            .people
            .selected()
            .map(|r| ws.opportunities[r.deal].id.clone()),
        ScreenId::Funnel | ScreenId::Accounts | ScreenId::Analysis => None,
    }
}

/// Ids of the opportunities that differ between two workspaces (changed,
/// removed); new ones are left out, `n` creates them on purpose.
fn changed(before: &Workspace, after: &Workspace) -> Vec<String> {
    before
        .opportunities
        .iter()
        .filter(|o| after.opportunity(&o.id) != Some(*o))
        .map(|o| o.id.clone())
        .collect()
}

/// Presses `k`, then whatever completes what it opened (Enter on a form, y
/// on a question, t on a reschedule), then Esc.
fn edit_with(app: &mut App, k: char) {
    key(app, KeyCode::Char(k));
    match &app.dialog {
        Some(funnel::tui::dialog::Dialog::Form(..)) => key(app, KeyCode::Enter),
        Some(funnel::tui::dialog::Dialog::Confirm(..)) => key(app, KeyCode::Char('y')),
        Some(funnel::tui::dialog::Dialog::Reschedule { .. }) => key(app, KeyCode::Char('t')),
        _ => {}
    }
    if app.dialog.is_some() {
        key(app, KeyCode::Esc);
    }
}

fn tab_then_every_key_touches_only_the_selection(view: char, screen: ScreenId) {
    for tabs in 0..7 {
        for k in EDITING.chars() {
            let mut app = demo();
            key(&mut app, KeyCode::Char(view));
            assert_eq!(app.screen, screen);
            // a move first, so the selection is not simply the first row
            key(&mut app, KeyCode::Char('j'));
            for _ in 0..tabs {
                key(&mut app, KeyCode::Tab);
            }
            assert_eq!(app.screen, screen, "Tab stays on the screen");
            assert_eq!(app.focus(), Pane::Table, "view 1's focus is left alone");
            let before = app.ws.clone();
            let allowed = shown_selected(&app);
            let selected_account = app.screens.accounts.cursor.at();
            edit_with(&mut app, k);
            for id in changed(&before, &app.ws) {
                assert_eq!(
                    Some(&id),
                    allowed.as_ref(),
                    "view {view}, {tabs} Tab, key {k:?}: changed {id}, selected {allowed:?}"
                );
            }
            let selected = before.accounts.get(selected_account).map(|a| a.id.clone());
            for a in &before.accounts {
                if app.ws.accounts.iter().find(|x| x.id == a.id) != Some(a) {
                    assert_eq!(
                        Some(&a.id),
                        selected.as_ref().filter(|_| screen == ScreenId::Accounts),
                        "view {view}, key {k:?}: account {} changed",
                        a.id
                    );
                }
            }
        }
    }
}

#[test]
fn view_2_tab_then_editing_keys() {
    tab_then_every_key_touches_only_the_selection('2', ScreenId::Actions);
}

#[test]
fn view_3_tab_then_editing_keys() {
    tab_then_every_key_touches_only_the_selection('3', ScreenId::Funnel);
}

#[test]
fn view_4_tab_then_editing_keys() {
    tab_then_every_key_touches_only_the_selection('4', ScreenId::Accounts);
}

#[test]
fn view_5_tab_then_editing_keys() {
    tab_then_every_key_touches_only_the_selection('5', ScreenId::Review);
}

#[test]
fn the_reported_sequences_do_nothing_unseen() {
    // `3 Tab Tab >`, `3 Tab Tab a`, `3 Tab Tab Tab Tab x` (issue 12)
    for keys in [&['>'][..], &['a'], &['x']] {
        let mut app = demo();
        let before = app.ws.clone();
        key(&mut app, KeyCode::Char('3'));
        for _ in 0..4 {
            key(&mut app, KeyCode::Tab);
        }
        for k in keys {
            key(&mut app, KeyCode::Char(*k));
        }
        assert!(app.dialog.is_none(), "{keys:?} opened a dialog in view 3");
        assert_eq!(app.ws, before, "{keys:?} changed the workspace from view 3");
    }
}

/// The bottom row at 160×48: the hint line.
fn line(app: &App) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    t.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..160)
        .map(|x| buf[(x, 47)].symbol().to_owned())
        .collect::<String>()
}

#[test]
fn the_hint_line_shows_the_keys_of_the_screen_on_display() {
    let mut app = demo();
    assert!(line(&app).contains("sort"), "{}", line(&app));
    for (view, expect, not) in [
        ('2', "reschedule", "sort"),
        ('3', "draw the funnel", "sort"),
        ('5', "skip the deal", "sort"),
    ] {
        key(&mut app, KeyCode::Char(view));
        key(&mut app, KeyCode::Tab);
        let shown = line(&app);
        assert!(shown.contains(expect), "view {view}: {shown}");
        assert!(!shown.contains(not), "view {view}: {shown}");
        assert!(
            !shown.contains("next pane"),
            "view {view} has one pane: {shown}"
        );
    }
}

#[test]
fn view_4_s_tab_goes_from_the_accounts_to_the_account_s_panes_and_esc_back() {
    let mut app = demo();
    key(&mut app, KeyCode::Char('4'));
    assert!(line(&app).contains("add an account"), "{}", line(&app));
    key(&mut app, KeyCode::Tab);
    let shown = line(&app);
    assert!(shown.contains("back to the list of accounts"), "{shown}");
    assert!(!shown.contains("add an account"), "{shown}");
    key(&mut app, KeyCode::Esc);
    assert!(line(&app).contains("add an account"), "{}", line(&app));
}
