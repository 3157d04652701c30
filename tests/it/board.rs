//! View 1's board (`b`): a column per open stage, cards from the table's
//! rows (filter and sort), one selection shared with the list, the keys of
//! the board, its width at 80 columns, and the mouse.

use crate::common::{demo_app, press, typing};
use funnel::tui::app::{App, Msg};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Draws at `w`×`h` (telling the app the size first) and returns the
/// screen as text.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resized(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn selected(app: &App) -> String {
    app.current_opportunity().unwrap().id.clone()
}

fn board() -> App {
    let mut app = demo_app();
    key(&mut app, 'b');
    app
}

#[test]
fn the_board_at_80x24() {
    let mut app = board();
    insta::assert_snapshot!("board_80x24", screen(&mut app, 80, 24));
}

#[test]
fn the_board_at_200x50() {
    let mut app = board();
    insta::assert_snapshot!("board_200x50", screen(&mut app, 200, 50));
}

#[test]
fn b_toggles_the_board_and_keeps_the_selected_deal() {
    let mut app = demo_app();
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    let before = selected(&app);
    key(&mut app, 'b');
    assert!(app.screens.pipeline.board_shown());
    assert_eq!(selected(&app), before);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains(" Board · 5 of 19"), "{shown}");
    key(&mut app, 'b');
    assert!(!app.screens.pipeline.board_shown());
    assert_eq!(selected(&app), before);
    assert!(screen(&mut app, 120, 40).contains(" Deals · 5 of 19"));
}

#[test]
fn debug_hint() {
    let mut app = board();
    key(&mut app, 'j');
    println!("{}", screen(&mut app, 80, 24));
    println!("{}", screen(&mut app, 120, 40));
    key(&mut app, '?');
    println!("{}", screen(&mut app, 120, 50));
    panic!();
}
