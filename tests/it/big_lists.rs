//! Issue 16, big lists: a page moves by what the list showed when it was
//! last drawn (PgDn/PgUp, Ctrl-d/Ctrl-u half of it), clamped at the ends;
//! every list title says where the selection is; `/` in view 4; view 1's `/`
//! finds deals by their people.

use crate::common::{press, today, typing};
use funnel::domain::Influence;
use funnel::tui::app::{App, Msg};
use funnel::tui::cursor::List;
use funnel::tui::screens::{Pane, ScreenId};
use funnel::tui::views;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};

/// 2,400 generated deals (and 240 accounts): lists far longer than a page.
fn big_app() -> App {
    let mut ws = funnel::synth::workspace(2400, 16, today());
    let deal = ws.opportunities.iter().position(|o| o.is_open()).unwrap();
    for (n, name) in ["陈建国", "Gordon MacKenzie"].iter().enumerate() {
        ws.opportunities[deal].influences.push(Influence {
            id: format!("p-big-{n}"),
            name: (*name).into(),
            ..Influence::default()
        });
    }
    let mut app = App::new(ws, today(), "big".into(), None);
    app.update(Msg::Resized(80, 24));
    app
}

/// Draws the workbench at `w`×`h` (the views record each list's height).
fn draw(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resized(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

fn ctrl(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Drives the paging keys on the list on display, `at` reading its
/// selection: the moves are by the height the list was drawn at.
fn pages_through(app: &mut App, list: List, len: usize, at: impl Fn(&App) -> usize) {
    draw(app, 80, 24);
    let page = app.pages.rows(list).expect("the list was drawn");
    assert!(
        len > 2 * page,
        "{len} rows, a page of {page}: long enough to page"
    );
    press(app, KeyCode::PageDown);
    assert_eq!(at(app), page, "PgDn: one page, as drawn");
    press(app, KeyCode::PageDown);
    assert_eq!(at(app), 2 * page);
    press(app, KeyCode::PageUp);
    assert_eq!(at(app), page, "PgUp");
    ctrl(app, 'd');
    assert_eq!(at(app), page + page / 2, "Ctrl-d: half a page");
    assert_eq!(app.status, None, "Ctrl-d is a key here, not `d`");
    ctrl(app, 'u');
    assert_eq!(at(app), page, "Ctrl-u");
    press(app, KeyCode::Home);
    assert_eq!(at(app), 0, "Home");
    press(app, KeyCode::PageUp);
    ctrl(app, 'u');
    assert_eq!(at(app), 0, "clamped at the top");
    press(app, KeyCode::End);
    assert_eq!(at(app), len - 1, "End");
    press(app, KeyCode::PageDown);
    ctrl(app, 'd');
    assert_eq!(at(app), len - 1, "clamped at the bottom");
    press(app, KeyCode::PageUp);
    assert_eq!(at(app), len - 1 - page);
    // a taller terminal shows more rows: a page is more rows too
    draw(app, 100, 40);
    let taller = app.pages.rows(list).unwrap();
    assert!(taller > page, "{taller} > {page}");
    press(app, KeyCode::Home);
    press(app, KeyCode::PageDown);
    assert_eq!(at(app), taller.min(len - 1), "the page as last drawn");
}

#[test]
fn view_one_pages_by_the_rows_it_shows() {
    let mut app = big_app();
    let len = app.screens.pipeline.rows.len();
    pages_through(&mut app, List::Deals, len, |a| {
        a.screens.pipeline.table.at()
    });
}

#[test]
fn the_closed_deals_page_too() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('C'));
    assert!(app.screens.pipeline.closed);
    let len = app.screens.pipeline.rows.len();
    pages_through(&mut app, List::Deals, len, |a| {
        a.screens.pipeline.table.at()
    });
}

#[test]
fn view_two_pages_by_the_rows_it_shows() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('2'));
    let len = app.screens.actions.len();
    pages_through(&mut app, List::ActionList, len, |a| {
        a.screens.actions.cursor.at()
    });
}

#[test]
fn view_four_pages_by_the_rows_it_shows() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('4'));
    let len = app.screens.accounts.rows.len();
    assert_eq!(len, 240);
    pages_through(&mut app, List::Accounts, len, |a| {
        a.screens.accounts.cursor.at()
    });
}

#[test]
fn the_review_walk_pages_too() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('5'));
    let len = app.screens.review.walk.as_ref().unwrap().order.len();
    pages_through(&mut app, List::Review, len, |a| {
        a.screens.review.walk.as_ref().unwrap().at
    });
}

#[test]
fn a_deal_pane_pages_by_its_own_height_and_clamps() {
    let mut app = big_app();
    // a deal with many actions: more than its pane shows
    let index = app.current().unwrap();
    let o = &mut app.ws.opportunities[index];
    let template = o.actions.first().cloned().unwrap_or_default();
    o.actions = (0..30)
        .map(|n| funnel::domain::Action {
            id: format!("act-big-{n}"),
            text: format!("call {n}"),
            ..template.clone()
        })
        .collect();
    let id = o.id.clone();
    app.update(Msg::Reloaded(Box::new(app.ws.clone())));
    assert_eq!(app.current_opportunity().unwrap().id, id);
    while app.focus() != Pane::Actions {
        press(&mut app, KeyCode::Tab);
    }
    pages_through(&mut app, List::Actions, 30, |a| {
        a.detail_selection(Pane::Actions)
    });
}

#[test]
fn every_list_title_says_where_the_selection_is() {
    let mut app = big_app();
    let open = app.screens.pipeline.rows.len();
    assert!(open >= 1000, "{open}: thousands grouped");
    let of = |n: usize| funnel::tui::views::grouped(n);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("Deals · 1 of {} · sort: stage", of(open))),
        "{screen}"
    );
    press(&mut app, KeyCode::End);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("Deals · {0} of {0}", of(open))),
        "{screen}"
    );
    // the filter's count, and the filter named
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "陈建国");
    press(&mut app, KeyCode::Enter);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Deals · 1 of 1 (filter \"陈建国\")"),
        "{screen}"
    );
    // the focused deal pane
    while app.focus() != Pane::Influences {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Down);
    let n = app.current_opportunity().unwrap().influences.len();
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Buying influences · 2 of "),
        "{n} people: {screen}"
    );
    for (key, title) in [
        ('2', "Actions · 1 of "),
        ('4', "Accounts · 1 of 240"),
        ('5', "1 of "),
        ('3', "Stalled and slipping · 1 of "),
    ] {
        press(&mut app, KeyCode::Char(key));
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains(title), "{title}: {screen}");
    }
}

#[test]
fn view_four_filters_by_name_and_industry() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.screen, ScreenId::Accounts);
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "RETAIL");
    press(&mut app, KeyCode::Enter);
    let s = &app.screens.accounts;
    assert!(!s.rows.is_empty() && s.rows.len() < 240, "{}", s.rows.len());
    for i in &s.rows {
        let a = &app.ws.accounts[*i];
        let text = format!("{} {}", a.name, a.industry).to_lowercase();
        assert!(text.contains("retail"), "{text}");
    }
    let first = app.ws.accounts[s.rows[0]].clone();
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains(&format!(
            "Accounts · 1 of {} (filter \"RETAIL\")",
            s_len(&app)
        )),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("SWOT · {}", first.name)),
        "{screen}"
    );
    // Enter on the filtered list opens the account it shows
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.screens.pipeline.filter.value(), first.name);
    // by name: one account
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.accounts.rows.len(), 240, "Esc clears it");
    press(&mut app, KeyCode::Char('/'));
    let name = app.ws.accounts[57].name.to_uppercase();
    typing(&mut app, &name);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screens.accounts.rows, vec![57]);
    press(&mut app, KeyCode::Char('e'));
    assert!(app.dialog.is_some(), "e edits the account shown");
    press(&mut app, KeyCode::Esc);
    // nothing matches: a hint, and the keys say so
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "zzz");
    press(&mut app, KeyCode::Enter);
    assert!(app.screens.accounts.rows.is_empty());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Accounts · none"), "{screen}");
    assert!(screen.contains("No account matches the filter"), "{screen}");
    press(&mut app, KeyCode::Char('e'));
    assert!(app.dialog.is_none());
}

fn s_len(app: &App) -> usize {
    app.screens.accounts.rows.len()
}

#[test]
fn view_one_finds_deals_by_their_people() {
    let mut app = big_app();
    let deal = app
        .ws
        .opportunities
        .iter()
        .find(|o| o.influences.iter().any(|p| p.name == "陈建国"))
        .unwrap()
        .id
        .clone();
    for needle in ["陈建国", "建国", "mackenzie", "GORDON MAC"] {
        press(&mut app, KeyCode::Char('/'));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('/'));
        typing(&mut app, needle);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screens.pipeline.rows.len(), 1, "{needle}");
        assert_eq!(app.current_opportunity().unwrap().id, deal, "{needle}");
    }
    // a person added afterwards is found too
    let index = app.current().unwrap();
    let mut ws = app.ws.clone();
    ws.opportunities[index + 1].influences.push(Influence {
        id: "p-new".into(),
        name: "陈建国".into(),
        ..Influence::default()
    });
    app.update(Msg::Reloaded(Box::new(ws)));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "陈建国");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screens.pipeline.rows.len(), 2);
}

#[test]
fn ctrl_u_and_ctrl_w_edit_the_filter_prompt() {
    let mut app = big_app();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "acme big deal");
    ctrl(&mut app, 'w');
    assert_eq!(app.screens.pipeline.filter.value(), "acme big ");
    ctrl(&mut app, 'w');
    assert_eq!(app.screens.pipeline.filter.value(), "acme ");
    ctrl(&mut app, 'u');
    assert_eq!(app.screens.pipeline.filter.value(), "");
    assert!(app.dialog.is_some(), "still in the prompt");
    // in view 4's prompt too, and Ctrl-d does not move the list behind it
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "retail");
    ctrl(&mut app, 'd');
    assert_eq!(app.screens.accounts.filter.value(), "retail");
    assert_eq!(app.screens.accounts.cursor.at(), 0, "the list stays");
    ctrl(&mut app, 'u');
    assert_eq!(app.screens.accounts.filter.value(), "");
}

#[test]
fn help_lists_the_paging_keys_in_every_list() {
    use funnel::tui::keymap::{Action, BINDINGS, Scope};
    for action in [
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
    ] {
        let b = BINDINGS
            .iter()
            .find(|b| b.scope == Scope::List && b.action == action)
            .unwrap_or_else(|| panic!("{action:?} in the list scope"));
        assert!(!b.help.is_empty());
    }
    let mut app = big_app();
    for key in ['1', '2', '3', '4', '5'] {
        press(&mut app, KeyCode::Char(key));
        assert!(app.scopes().contains(&Scope::List), "view {key}");
        press(&mut app, KeyCode::Char('?'));
        let screen = draw(&mut app, 100, 40);
        press(&mut app, KeyCode::Esc);
        for label in ["PgDn", "Ctrl-d", "Ctrl-u", "G End"] {
            assert!(screen.contains(label), "view {key}: {label}\n{screen}");
        }
    }
}

/// Counts of things group their thousands as titles do (`1,589 deals`):
/// view 3's stages and results and the board's columns, whatever their
/// size; no four-digit count is left bare.
#[test]
fn counts_of_thousands_are_grouped_in_views_3_and_the_board() {
    let ws = funnel::synth::workspace(12000, 16, today());
    let open = |s: funnel::domain::Stage| {
        ws.opportunities
            .iter()
            .filter(|o| o.is_open() && o.stage == s)
            .count()
    };
    let drive = open(funnel::domain::Stage::Drive);
    assert!(drive >= 1000, "{drive} open deals in drive");
    let mut app = App::new(ws, today(), "big".into(), None);
    press(&mut app, KeyCode::Char('3'));
    let screen = draw(&mut app, 160, 48);
    let shown = funnel::text::count(drive as i64, "deal", "deals");
    assert!(shown.contains(','), "{shown}");
    assert!(screen.contains(&shown), "{shown} in\n{screen}");
    let bare = bare_count(&screen);
    assert!(bare.is_none(), "a bare count {bare:?} in\n{screen}");
}

/// The first `NNNN deals`, `NNNN won` or `NNNN lost` (four digits or more,
/// no comma) in `screen`.
fn bare_count(screen: &str) -> Option<String> {
    let words: Vec<&str> = screen
        .split(|c: char| c.is_whitespace() || c == '(')
        .collect();
    words.windows(2).find_map(|w| {
        let bare = w[0].len() >= 4 && w[0].chars().all(|c| c.is_ascii_digit());
        let noun = w[1].trim_end_matches(',');
        (bare && matches!(noun, "deals" | "won" | "lost")).then(|| format!("{} {}", w[0], w[1]))
    })
}
