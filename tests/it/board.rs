//! View 1's board (`b`): a column per open stage, cards from the table's
//! rows (filter and sort), one selection shared with the list, the keys of
//! the board, its width at 80 columns, and the mouse.

use crate::common::{demo_app, press, typing};
use funnel::tui::app::{App, Msg};
use funnel::tui::screens::Pane;
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Draws at `w`×`h` (telling the app the size first) and returns the
/// screen as text.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resized(w, h));
    crate::common::screen(app, w, h)
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

use crate::common::selected_id as selected;

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

fn title(app: &App) -> String {
    app.current_opportunity().unwrap().title.clone()
}

/// The selected card: (column, place in it).
fn card(app: &App) -> (usize, usize) {
    app.screens
        .pipeline
        .card(&app.ws)
        .expect("a card is selected")
}

#[test]
fn l_then_j_selects_the_second_card_of_the_next_column() {
    let mut app = board();
    assert!(
        title(&app).starts_with("Warehouse slotting"),
        "{}",
        title(&app)
    );
    key(&mut app, 'l');
    assert!(
        title(&app).starts_with("EDI integration"),
        "{}",
        title(&app)
    );
    assert_eq!(card(&app), (1, 0));
    key(&mut app, 'j');
    assert!(title(&app).starts_with("冷链温控监测"), "{}", title(&app));
    // h keeps the place down the column
    press(&mut app, KeyCode::Left);
    assert!(
        title(&app).starts_with("Fleet telematics"),
        "{}",
        title(&app)
    );
    assert_eq!(card(&app), (0, 1));
    // G: the column's last card, not the table's last row
    key(&mut app, 'G');
    assert_eq!(card(&app), (0, 3));
    assert!(title(&app).starts_with("门店客流分析"), "{}", title(&app));
}

#[test]
fn moving_a_card_a_stage_takes_the_selection_into_the_next_column() {
    let mut app = board();
    key(&mut app, 'l');
    let id = selected(&app);
    key(&mut app, '>');
    assert_eq!(selected(&app), id, "the same deal stays selected");
    let o = app.current_opportunity().unwrap();
    assert_eq!(o.stage, funnel::domain::Stage::Propose);
    assert_eq!(card(&app).0, 2, "its card is in the propose column");
    assert_eq!(app.screens.pipeline.board.columns[2].cards.len(), 6);
    assert_eq!(app.screens.pipeline.board.columns[1].cards.len(), 4);
    key(&mut app, '<');
    assert_eq!(card(&app).0, 1);
}

#[test]
fn the_filter_narrows_the_board() {
    let mut app = board();
    key(&mut app, '/');
    typing(&mut app, "stage:drive");
    press(&mut app, KeyCode::Enter);
    let columns = &app.screens.pipeline.board.columns;
    let counts: Vec<usize> = columns.iter().map(|c| c.cards.len()).collect();
    assert_eq!(counts, [0, 5, 0, 0, 0]);
    assert_eq!(card(&app).0, 1, "the selection is on a card shown");
    let shown = screen(&mut app, 200, 50);
    assert!(shown.contains("0 deals · 0 CNY"), "{shown}");
    assert!(shown.contains("5 deals · 8.0M CNY"), "{shown}");
    // h and l skip the empty columns: there is nowhere to go
    key(&mut app, 'l');
    assert_eq!(card(&app).0, 1);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("no cards further right")
    );
}

#[test]
fn marked_cards_move_together_and_one_undo_brings_them_back() {
    let mut app = board();
    key(&mut app, ' ');
    key(&mut app, ' ');
    assert_eq!(card(&app), (0, 2), "space marks and moves down the column");
    let marked: Vec<String> = app.screens.pipeline.marks.keys().cloned().collect();
    assert_eq!(marked.len(), 2);
    let shown = screen(&mut app, 80, 24);
    assert_eq!(shown.matches("● ").count(), 2, "{shown}");
    key(&mut app, '>');
    let stage = |app: &App, id: &str| app.ws.opportunity(id).unwrap().stage;
    for id in &marked {
        assert_eq!(stage(&app, id), funnel::domain::Stage::Drive);
    }
    assert_eq!(app.screens.pipeline.board.columns[1].cards.len(), 7);
    key(&mut app, 'u');
    for id in &marked {
        assert_eq!(stage(&app, id), funnel::domain::Stage::Qualify);
    }
    assert_eq!(app.screens.pipeline.board.columns[0].cards.len(), 4);
}

#[test]
fn v_marks_the_cards_of_the_column_between() {
    let mut app = board();
    key(&mut app, 'l');
    key(&mut app, ' ');
    key(&mut app, 'j');
    key(&mut app, 'j');
    key(&mut app, 'V');
    assert_eq!(app.screens.pipeline.marks.len(), 4, "cards 1 to 4 of drive");
    let drive = funnel::domain::Stage::Drive;
    for id in app.screens.pipeline.marks.keys() {
        assert_eq!(app.ws.opportunity(id).unwrap().stage, drive);
    }
}

#[test]
fn at_80x24_moving_right_scrolls_the_selected_column_into_sight() {
    let mut app = board();
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("3›"),
        "three columns off to the right: {shown}"
    );
    assert!(!shown.contains("negotiate 商务洽谈"), "{shown}");
    for _ in 0..3 {
        key(&mut app, 'l');
    }
    assert_eq!(card(&app).0, 3);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("‹2 propose"), "{shown}");
    assert!(shown.contains("negotiate 商务洽谈 1›"), "{shown}");
    // back one column: in sight already, the board does not scroll
    key(&mut app, 'h');
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("‹2 propose"), "{shown}");
    key(&mut app, 'h');
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("‹1 drive"), "{shown}");
}

#[test]
fn b_in_the_closed_list_changes_nothing_and_says_why() {
    let mut app = demo_app();
    key(&mut app, 'C');
    let before = selected(&app);
    key(&mut app, 'b');
    assert!(app.screens.pipeline.closed);
    assert!(!app.screens.pipeline.board_shown());
    assert_eq!(selected(&app), before);
    let said = &app.status.as_ref().unwrap().0;
    assert!(said.contains("the board shows the open deals"), "{said}");
    key(&mut app, 'C');
    assert!(!app.screens.pipeline.board_shown(), "b was not taken");
}

/// Where `text` first shows: (column, row), columns counted in cells.
fn find(shown: &str, text: &str) -> (u16, u16) {
    for (y, line) in shown.lines().enumerate() {
        let line = line.trim_start_matches('"');
        if let Some(byte) = line.find(text) {
            return (funnel::text::width(&line[..byte]) as u16, y as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{shown}");
}

fn mouse(app: &mut App, kind: MouseEventKind, (column, row): (u16, u16)) {
    app.update(Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

#[test]
fn a_click_on_a_card_selects_it_and_the_wheel_scrolls_the_column_under_it() {
    let mut app = board();
    let shown = screen(&mut app, 80, 24);
    let (x, y) = find(&shown, "Acme Foods");
    // the card's value line, below its account: the same card
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        (x, y + 1),
    );
    assert!(
        title(&app).starts_with("EDI integration"),
        "{}",
        title(&app)
    );
    let (x, y) = find(&shown, "MES 数据采集");
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        (x + 2, y),
    );
    assert!(title(&app).starts_with("MES 数据采集"), "{}", title(&app));
    assert_eq!(card(&app), (0, 2));
    // the wheel over the drive column's header: that column, three down
    let (x, y) = find(&shown, "5 deals");
    mouse(&mut app, MouseEventKind::ScrollDown, (x, y));
    assert_eq!(card(&app), (1, 4), "from place 2, three down, the last");
    mouse(&mut app, MouseEventKind::ScrollUp, (x, y));
    assert_eq!(card(&app), (1, 1));
}

/// 2,400 deals: a column longer than the screen scrolls with its selection,
/// says how many cards are cut, and PgDn moves by the cards drawn.
#[test]
fn a_long_column_pages_by_the_cards_it_shows_and_says_what_is_cut() {
    let ws = funnel::synth::workspace(2400, 16, crate::common::today());
    let mut app = App::new(ws, crate::common::today(), "big".into(), None);
    key(&mut app, 'b');
    let shown = screen(&mut app, 80, 24);
    let first = app.screens.pipeline.board.columns[0].cards.len();
    assert!(first > 5);
    // 16 lines under the header: five cards of three and `+N more`
    assert!(shown.contains(&format!("+{} more", first - 5)), "{shown}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(card(&app), (0, 5));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains(&format!("↑1 · +{} more", first - 6)),
        "{shown}"
    );
    ctrl(&mut app, 'd');
    assert_eq!(card(&app), (0, 7), "half of five, at least one: two");
    press(&mut app, KeyCode::End);
    assert_eq!(card(&app), (0, first - 1));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains(&format!("↑{} above", first - 5)), "{shown}");
}

fn ctrl(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn enter_opens_the_deal_and_tab_goes_round_the_panes() {
    let mut app = board();
    key(&mut app, 'l');
    let id = selected(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Qualification);
    assert_eq!(selected(&app), id);
    // the board stays on screen, its keys wait for the focus
    assert!(app.screens.pipeline.board_shown());
    for _ in 0..Pane::ORDER.len() - 1 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.focus(), Pane::Table);
    key(&mut app, 'l');
    assert_eq!(card(&app).0, 2);
}

#[test]
fn the_help_and_the_hint_line_show_the_board_keys_once() {
    let mut app = board();
    key(&mut app, 'j');
    let shown = screen(&mut app, 120, 40);
    let hint = shown.lines().last().unwrap();
    assert!(hint.contains("h previous column"), "{hint}");
    assert!(hint.contains("l next column"), "{hint}");
    key(&mut app, '?');
    let help = screen(&mut app, 120, 50);
    assert!(help.contains("Keys · board"), "{help}");
    assert!(help.contains("the card below"), "{help}");
    assert_eq!(
        help.matches(" j ↓ ").count(),
        1,
        "the list's j is not listed: {help}"
    );
    assert_eq!(help.matches(" space ").count(), 1, "{help}");
    assert!(help.contains(" b          board ⇄ list"), "{help}");
}

/// Chinese titles and account names, 2 columns each, cut by display width:
/// every row is the screen's width and the board's rules stay in place.
#[test]
fn chinese_titles_and_accounts_stay_inside_their_cards() {
    let mut ws = funnel::store::demo::workspace(crate::common::today());
    for (n, o) in ws.opportunities.iter_mut().enumerate() {
        o.title = format!("{n}号：华润万家华东区冷链仓储管理系统升级二期");
    }
    for a in &mut ws.accounts {
        a.name = "中国石油化工股份有限公司华南分公司".into();
    }
    let mut app = App::new(ws, crate::common::today(), "demo".into(), None);
    key(&mut app, 'b');
    key(&mut app, 'l');
    let shown = screen(&mut app, 80, 24);
    insta::assert_snapshot!("board_chinese_80x24", shown);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let buf = terminal.backend().buffer();
    assert_eq!(crate::borders::broken_borders(buf), None);
    // the rule between the two columns is drawn on every line of the board
    let rule = (0..80).find(|&x| buf[(x, 7)].symbol() == "│").unwrap();
    for y in 4..23 {
        assert_eq!(buf[(rule, y)].symbol(), "│", "row {y}");
    }
}
