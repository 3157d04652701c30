//! Issue 16: every screen at every size from 80×24 to 300×80 keeps its box
//! borders intact when the deals, accounts, people and log entries carry
//! Chinese, full-width punctuation, emoji (ZWJ sequences, flags) and
//! combining marks.
//!
//! On the drawn buffer, read as a terminal shows it (a wide glyph hides the
//! cell after it):
//! - every row is exactly the screen's width: nothing spills past the edge;
//! - below every top corner (`┐` of a TOP|RIGHT block, `┌` of a TOP|LEFT
//!   one) the border goes straight down, `│` in every row, each one shown
//!   (not hidden under a wide glyph to its left), until the key-hint line
//!   its bottom corner, or the top border of the box below.

use crate::common::{demo_app, press, today};
use funnel::tui::app::{App, Msg};
use funnel::tui::views;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

const POOL: [&str; 16] = [
    "中文",
    "华润万家",
    "二期",
    "，",
    "（",
    "）",
    "：",
    "👍",
    "👩\u{200d}💻",
    "🇨🇳",
    "e\u{301}",
    "Cafe\u{301} ",
    "ERP ",
    "Acme",
    " ",
    "x",
];

fn messy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL.to_vec()), 1..16).prop_map(|p| p.concat())
}

/// The demo workspace with texts replaced by `texts`, taken in turn.
fn messy_app(texts: &[String]) -> App {
    App::new(messy_workspace(texts), today(), "demo".into(), None)
}

fn messy_workspace(texts: &[String]) -> funnel::domain::workspace::Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    let mut next = texts.iter().cycle().cloned();
    for a in &mut ws.accounts {
        a.name = next.next().unwrap();
    }
    for o in &mut ws.opportunities {
        o.title = next.next().unwrap();
        for i in &mut o.influences {
            i.name = next.next().unwrap();
        }
        for l in &mut o.log {
            l.text = next.next().unwrap();
        }
        for a in &mut o.actions {
            a.text = next.next().unwrap();
        }
    }
    for o in &mut ws.opportunities {
        o.objective = next.next().unwrap();
        o.notes = next.next().unwrap();
        for i in &mut o.influences {
            i.win = next.next().unwrap();
        }
    }
    ws
}

/// Which cells of row `y` a terminal shows, and the row's total width.
fn shown(buf: &Buffer, y: u16) -> (Vec<bool>, usize) {
    let w = buf.area.width;
    let mut shown = vec![false; usize::from(w)];
    let mut used = 0;
    let mut x = 0;
    while x < w {
        shown[usize::from(x)] = true;
        let cw = funnel::text::width(buf[(x, y)].symbol()).max(1);
        used += cw;
        x += cw as u16;
    }
    (shown, used)
}

/// What is wrong with the borders on `buf`, if anything.
pub(crate) fn broken_borders(buf: &Buffer) -> Option<String> {
    let (w, h) = (buf.area.width, buf.area.height);
    let rows: Vec<(Vec<bool>, usize)> = (0..h).map(|y| shown(buf, y)).collect();
    let text = |y: u16| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>();
    for (y, (_, used)) in rows.iter().enumerate() {
        if *used != usize::from(w) {
            return Some(format!(
                "row {y} is {used} columns wide: {}",
                text(y as u16)
            ));
        }
    }
    for top in 0..h {
        for x in 0..w {
            if !matches!(buf[(x, top)].symbol(), "┐" | "┌")
                || !rows[usize::from(top)].0[usize::from(x)]
            {
                continue;
            }
            for y in top + 1..h - 1 {
                let s = buf[(x, y)].symbol();
                if matches!(s, "└" | "┘" | "─" | "┐" | "┌" | "┬" | "┴" | "┼") {
                    break; // its bottom corner, or the box below
                }
                if !matches!(s, "│" | "├" | "┤") || !rows[usize::from(y)].0[usize::from(x)] {
                    return Some(format!(
                        "the border under ({x}, {top}) is broken at row {y}:\n{}\n{}",
                        text(top),
                        text(y)
                    ));
                }
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_screen_at_every_size_keeps_its_borders_with_wide_and_combining_text(
        texts in prop::collection::vec(messy(), 1..24),
        w in 80u16..=300,
        h in 24u16..=80,
        view in 1u8..=6,
        tabs in 0usize..8,
        board in any::<bool>(),
        right in 0usize..5,
    ) {
        let mut app = messy_app(&texts);
        app.update(Msg::Resized(w, h));
        press(&mut app, KeyCode::Char(char::from(b'0' + view)));
        if view == 1 && board {
            // the board, scrolled to a column off screen at small sizes
            press(&mut app, KeyCode::Char('b'));
            for _ in 0..right {
                press(&mut app, KeyCode::Char('l'));
            }
        }
        if view == 1 {
            for _ in 0..tabs {
                press(&mut app, KeyCode::Tab);
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let problem = broken_borders(terminal.backend().buffer());
        prop_assert!(problem.is_none(), "view {} (board {}) at {}×{}: {}", view, board, w, h, problem.unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// View 1's board at every size, on any column, cards marked: the
    /// general property above reaches it only one case in twelve.
    #[test]
    fn the_board_at_every_size_keeps_its_borders_with_wide_and_combining_text(
        texts in prop::collection::vec(messy(), 1..24),
        w in 80u16..=300,
        h in 24u16..=80,
        right in 0usize..5,
        down in 0usize..4,
    ) {
        let mut app = messy_app(&texts);
        app.update(Msg::Resized(w, h));
        press(&mut app, KeyCode::Char('b'));
        press(&mut app, KeyCode::Char(' '));
        for _ in 0..right {
            press(&mut app, KeyCode::Char('l'));
        }
        for _ in 0..down {
            press(&mut app, KeyCode::Char('j'));
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let problem = broken_borders(terminal.backend().buffer());
        prop_assert!(problem.is_none(), "board at {}×{}: {}", w, h, problem.unwrap());
    }
}

/// The check itself: a plain demo passes, and a wide glyph written over a
/// border (what a cut counted in characters instead of columns would do)
/// fails it.
#[test]
fn the_border_check_sees_a_wide_glyph_over_a_border() {
    let app = demo_app();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let mut buf = terminal.backend().buffer().clone();
    assert_eq!(broken_borders(&buf), None);
    let x = (0..120)
        .find(|&x| buf[(x, 10)].symbol() == "│")
        .expect("the table's right border");
    let mut hidden = buf.clone();
    hidden[(x - 1, 10)].set_symbol("中");
    assert!(broken_borders(&hidden).is_some());
    buf.set_string(x - 1, 10, "中文", ratatui::style::Style::new());
    assert!(broken_borders(&buf).is_some());
}

/// Found by the property: at 102×24 the accounts view's side panel, wrapped
/// by ratatui, put a full-width comma of a deal's title in the last column,
/// one column past the screen's edge.
#[test]
fn a_full_width_comma_at_the_end_of_the_accounts_side_panel_stays_on_screen() {
    let mut ws = messy_workspace(&["中文".to_string()]);
    // the first account's deal in propose (o13), in its side panel
    let o = ws.opportunities.iter_mut().find(|o| o.id == "o13").unwrap();
    o.title = "华润万家ERP  ，华润万家，， 华润万家 ，".into();
    let mut app = App::new(ws, today(), "demo".into(), None);
    app.update(Msg::Resized(102, 24));
    press(&mut app, KeyCode::Char('4'));
    let mut terminal = Terminal::new(TestBackend::new(102, 24)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let buf = terminal.backend().buffer();
    assert_eq!(broken_borders(buf), None);
    // the title is all there, over two lines
    let screen: String = (0..24)
        .flat_map(|y| (0..102).map(move |x| (x, y)))
        .map(|p| buf[p].symbol())
        .collect();
    assert!(screen.contains("家 ，"), "the last comma is shown");
}

/// Found by the property: at 81×24 the review walk's questions, wrapped by
/// ratatui, put a full-width comma of the next action in the last column.
#[test]
fn a_full_width_comma_at_the_end_of_the_review_questions_stays_on_screen() {
    let app = messy_app(&["，，二期ERP ，，".to_string()]);
    let mut app = app;
    app.update(Msg::Resized(81, 24));
    press(&mut app, KeyCode::Char('5'));
    let mut terminal = Terminal::new(TestBackend::new(81, 24)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    assert_eq!(broken_borders(terminal.backend().buffer()), None);
}
