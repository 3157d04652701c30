//! Issue 16, the mouse: a click selects a row and focuses its list, the
//! wheel moves the selection under the pointer by three rows, a click on a
//! tab shows its view; over the political map and a log entry shown in
//! full the wheel scrolls; with a form open clicks change nothing. Each test
//! draws once (the views record where they drew) and clicks where the
//! drawn screen shows the thing.

use crate::common::{demo_app, press};
use funnel::tui::app::{App, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::{Pane, ScreenId};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// Draws at `w`×`h` and returns the screen's lines.
fn draw(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Msg::Resized(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect()
}

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    app.update(Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

/// Where `text` first shows: (column, row).
fn find(lines: &[String], text: &str) -> (u16, u16) {
    for (y, line) in lines.iter().enumerate() {
        if let Some(byte) = line.find(text) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{}", lines.join("\n"));
}

/// The screen row of the deal table's item `n` on display (the title
/// line, the header, then the rows).
fn deal_row(lines: &[String], n: u16) -> u16 {
    find(lines, " Deals · ").1 + 2 + n
}

#[test]
fn a_click_on_the_fifth_deal_row_selects_it_and_focuses_the_table() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Qualification);
    let lines = draw(&mut app, 80, 24);
    let fifth = app.screens.pipeline.rows[4];
    click(&mut app, 5, deal_row(&lines, 4));
    assert_eq!(app.screens.pipeline.table.at(), 4);
    assert_eq!(app.current(), Some(fifth));
    assert_eq!(app.focus(), Pane::Table);
    // the title line and the header select nothing
    let lines = draw(&mut app, 80, 24);
    click(&mut app, 5, deal_row(&lines, 0) - 1);
    assert_eq!(app.screens.pipeline.table.at(), 4, "the header");
}

#[test]
fn the_wheel_moves_the_selection_of_the_list_under_the_pointer_by_three() {
    let mut app = demo_app();
    let lines = draw(&mut app, 80, 24);
    let row = deal_row(&lines, 2);
    mouse(&mut app, MouseEventKind::ScrollDown, 5, row);
    assert_eq!(app.screens.pipeline.table.at(), 3);
    draw(&mut app, 80, 24);
    mouse(&mut app, MouseEventKind::ScrollDown, 5, row);
    assert_eq!(app.screens.pipeline.table.at(), 6);
    draw(&mut app, 80, 24);
    mouse(&mut app, MouseEventKind::ScrollUp, 5, row);
    assert_eq!(app.screens.pipeline.table.at(), 3);
    // over the deal's actions: that pane gets the focus and moves, clamped
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "Actions (");
    mouse(&mut app, MouseEventKind::ScrollDown, x, y);
    assert_eq!(app.focus(), Pane::Actions);
    let len = app
        .screens
        .pipeline
        .pane_len(&app.ws, app.today, Pane::Actions);
    assert_eq!(app.detail_selection(Pane::Actions), 3.min(len - 1));
    assert_eq!(app.screens.pipeline.table.at(), 3, "the table stays");
}

#[test]
fn a_click_on_a_tab_shows_its_view() {
    let mut app = demo_app();
    // at 80 columns the other tabs show their number only
    let lines = draw(&mut app, 80, 24);
    let (x, _) = find(&lines, " 4 ");
    click(&mut app, x + 1, 0);
    assert_eq!(app.screen, ScreenId::Accounts);
    let lines = draw(&mut app, 80, 24);
    let (x, _) = find(&lines, " 1 ");
    click(&mut app, x + 1, 0);
    assert_eq!(app.screen, ScreenId::Pipeline);
    // wide, every tab has its name: a click on the name works too
    let lines = draw(&mut app, 140, 30);
    let (x, _) = find(&lines, "Accounts");
    click(&mut app, x + 4, 0);
    assert_eq!(app.screen, ScreenId::Accounts);
    // the space between two tabs is no tab
    let lines = draw(&mut app, 140, 30);
    let (x, _) = find(&lines, " 2 Actions");
    click(&mut app, x, 0);
    assert_eq!(app.screen, ScreenId::Accounts);
}

#[test]
fn a_click_in_the_deal_pane_focuses_that_section_on_that_item() {
    let mut app = demo_app();
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "Red flags (");
    click(&mut app, x, y);
    assert_eq!(app.focus(), Pane::Flags);
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "☑ 11-12");
    click(&mut app, x, y);
    assert_eq!(app.focus(), Pane::Actions);
    assert_eq!(app.detail_selection(Pane::Actions), 2, "the third action");
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "? timeline");
    click(&mut app, x + 2, y);
    assert_eq!(app.focus(), Pane::Qualification);
    assert_eq!(app.detail_selection(Pane::Qualification), 3, "timeline");
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "✓ need");
    click(&mut app, x, y);
    assert_eq!(app.detail_selection(Pane::Qualification), 0, "need");
    // the influence map's role labels are not items: the first person is
    let lines = draw(&mut app, 120, 30);
    let (x, y) = find(&lines, "user  *");
    click(&mut app, x + 10, y);
    assert_eq!(app.focus(), Pane::Influences);
    let person = app.selected_person().expect("a person");
    assert_eq!(
        app.current_opportunity().unwrap().influences[person].name,
        "Mark Tan"
    );
    // the keys go on from there
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Flags);
}

#[test]
fn clicks_while_a_form_is_open_change_nothing() {
    let mut app = demo_app();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    for (w, h) in [(80, 24), (120, 30)] {
        let lines = draw(&mut app, w, h);
        let (x, _) = find(&lines, " 4 ");
        click(&mut app, x + 1, 0);
        // under the form and outside it: rows, the strip, the bottom line
        for y in 0..h {
            for x in (0..w).step_by(7) {
                click(&mut app, x, y);
                mouse(&mut app, MouseEventKind::ScrollDown, x, y);
            }
        }
    }
    assert!(matches!(app.dialog, Some(Dialog::Form(..))), "still open");
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.screens.pipeline.table.at(), 0);
    assert_eq!(app.focus(), Pane::Table);
    assert!(app.ws == before, "no edit");
    press(&mut app, KeyCode::Esc);
    assert!(app.dialog.is_none());
    assert!(app.ws == before);
}

#[test]
fn clicks_and_the_wheel_in_views_2_and_4() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('2'));
    let lines = draw(&mut app, 80, 24);
    let top = find(&lines, " Actions · ").1 + 2;
    click(&mut app, 10, top + 2);
    assert_eq!(app.screens.actions.cursor.at(), 2);
    draw(&mut app, 80, 24);
    mouse(&mut app, MouseEventKind::ScrollDown, 10, top);
    assert_eq!(app.screens.actions.cursor.at(), 5);
    press(&mut app, KeyCode::Char('4'));
    let lines = draw(&mut app, 80, 24);
    let top = find(&lines, " Accounts · ").1 + 2;
    click(&mut app, 3, top + 1);
    assert_eq!(app.screens.accounts.cursor.at(), 1);
    draw(&mut app, 80, 24);
    mouse(&mut app, MouseEventKind::ScrollDown, 3, top);
    assert_eq!(app.screens.accounts.cursor.at(), 4);
}

#[test]
fn a_click_on_the_closed_list_selects_that_deal() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    assert!(app.screens.pipeline.closed);
    let lines = draw(&mut app, 80, 24);
    let top = find(&lines, " Closed deals · ").1 + 2;
    click(&mut app, 5, top + 1);
    assert_eq!(app.screens.pipeline.table.at(), 1);
    assert_eq!(app.current(), Some(app.screens.pipeline.rows[1]));
}

#[test]
fn clicks_and_the_wheel_in_the_funnel_and_the_review_walk() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('3'));
    let lines = draw(&mut app, 100, 30);
    let deals = app.screens.funnel.deals(&app.ws, app.today);
    assert!(deals.len() >= 2, "the demo has stalled or slipping deals");
    let (x, y) = find(&lines, "Stalled and slipping");
    click(&mut app, x, y + 2);
    assert_eq!(app.screens.funnel.cursor.at(), 1);
    // Enter then jumps to the deal clicked
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.current(), Some(deals[1].0));

    press(&mut app, KeyCode::Char('5'));
    let lines = draw(&mut app, 100, 30);
    let walk = app.screens.review.walk.as_ref().expect("the walk");
    assert!(walk.order.len() >= 5);
    let (x, y) = find(&lines, " of 19 · ");
    click(&mut app, x + 3, y + 1 + 2);
    assert_eq!(app.screens.review.walk.as_ref().unwrap().at, 2);
    draw(&mut app, 100, 30);
    mouse(&mut app, MouseEventKind::ScrollDown, x + 3, y + 1);
    assert_eq!(app.screens.review.walk.as_ref().unwrap().at, 5);
    // the walk goes on from the deal clicked: Enter marks that one
    let id = app.screens.review.walk.as_ref().unwrap().order[5].clone();
    press(&mut app, KeyCode::Enter);
    assert!(
        app.screens
            .review
            .walk
            .as_ref()
            .unwrap()
            .reviewed
            .contains(&id)
    );
}

#[test]
fn the_wheel_scrolls_the_political_map_and_a_click_picks_a_person() {
    let mut app = demo_app();
    // a deal with four people, two levels of the tree
    let row = app
        .screens
        .pipeline
        .rows
        .iter()
        .position(|i| app.ws.opportunities[*i].influences.len() >= 4)
        .expect("a deal with four people");
    for _ in 0..row {
        press(&mut app, KeyCode::Char('j'));
    }
    while app.focus() != Pane::Influences {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Enter);
    let at = |app: &App| match &app.dialog {
        Some(Dialog::PoliticalMap { cursor, .. }) => cursor.at(),
        other => panic!("the map is not open: {other:?}"),
    };
    let people = app.current_opportunity().unwrap().influences.len();
    assert!(people >= 4, "the demo's first deal has {people} people");
    let lines = draw(&mut app, 120, 30);
    assert_eq!(at(&app), 0);
    mouse(&mut app, MouseEventKind::ScrollDown, 60, 15);
    assert_eq!(at(&app), 3.min(people - 1));
    // a click on the second person of the tree selects them
    let second = lines
        .iter()
        .position(|l| l.contains("├─ ") || l.contains("└─ "))
        .expect("a branch of the tree") as u16;
    let row_text = &lines[usize::from(second)];
    let byte = row_text.find("─ ").unwrap();
    let column = row_text[..byte].chars().count() as u16 + 3;
    draw(&mut app, 120, 30);
    click(&mut app, column, second);
    let tree_row = second - find(&lines, "Political map").1 - 1;
    assert_eq!(at(&app), usize::from(tree_row));
    // the screen under the map did not move
    assert_eq!(app.screens.pipeline.table.at(), row);
    press(&mut app, KeyCode::Esc);
    assert!(app.dialog.is_none());
}

#[test]
fn the_wheel_scrolls_a_long_log_entry() {
    let mut app = demo_app();
    let long: String = (1..=60)
        .map(|n| format!("line {n} of the call\n"))
        .collect();
    let index = app.current().unwrap();
    for entry in &mut app.ws.opportunities[index].log {
        entry.text = long.clone();
    }
    app.update(Msg::Resized(100, 30));
    // the log is the last pane
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Enter);
    let scroll = |app: &App| match &app.dialog {
        Some(Dialog::LogEntry { scroll, .. }) => scroll.at(),
        other => panic!("no entry shown: {other:?}"),
    };
    let lines = draw(&mut app, 100, 30);
    assert!(lines.iter().any(|l| l.contains("line 1 of the call")));
    mouse(&mut app, MouseEventKind::ScrollDown, 50, 15);
    assert_eq!(scroll(&app), 3);
    let lines = draw(&mut app, 100, 30);
    assert!(lines.iter().any(|l| l.contains("line 4 of the call")));
    assert!(!lines.iter().any(|l| l.contains("line 3 of the call")));
    mouse(&mut app, MouseEventKind::ScrollUp, 50, 15);
    assert_eq!(scroll(&app), 0);
}

/// In view 4's account workspace a click on a row of the focused pane
/// selects it, so `x` or `e` then act on the invoice clicked.
#[test]
fn a_click_selects_the_row_of_the_account_pane_in_focus() {
    use funnel::tui::screens::accounts::AccountPane;
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('j')); // 华润万家, three invoices
    while app.screens.accounts.pane != AccountPane::Credit {
        press(&mut app, KeyCode::Tab);
    }
    let lines = draw(&mut app, 80, 24);
    assert_eq!(app.screens.accounts.item(AccountPane::Credit), 0);
    let (x, y) = find(&lines, "HR-2026-031");
    click(&mut app, x, y);
    assert_eq!(app.screens.accounts.item(AccountPane::Credit), 2);
    assert_eq!(app.screens.accounts.pane, AccountPane::Credit);
    // the overdue one's row (its number is in the warning above too)
    let lines = draw(&mut app, 80, 24);
    let y = lines
        .iter()
        .position(|l| l.contains("HR-2026-098") && !l.contains("invoice"))
        .unwrap();
    click(&mut app, 2, y as u16);
    assert_eq!(app.screens.accounts.item(AccountPane::Credit), 0);
}
