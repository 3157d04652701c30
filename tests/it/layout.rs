//! Issue 16 at every size: the stage strip never runs together or cuts a
//! figure, and text that does not fit ends with `…` or says `+N more`
//! rather than being cut silently.

use crate::common::{demo_app, press, today};
use funnel::domain::{Money, Stage};
use funnel::tui::app::{App, Msg};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Draws at `w`×`h` (telling the app the size first) and returns the
/// screen's rows.
fn rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Msg::Resized(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal
        .backend()
        .to_string()
        .lines()
        .map(|l| {
            // the backend notes the cells a double-width character hides
            let l = l
                .split("\" Hidden by multi-width symbols")
                .next()
                .unwrap_or(l);
            l.trim_matches('"').to_owned()
        })
        .collect()
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    rows(app, w, h).join("\n")
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = if c == '\t' {
            KeyCode::Tab
        } else {
            KeyCode::Char(c)
        };
        press(app, code);
    }
}

/// Whether `text` shows on a row of `shown` whole, or cut with `…` right
/// where it stops (never silently). Its first ten characters must show.
fn whole_or_cut(shown: &[String], text: &str) -> bool {
    let head: String = text.chars().take(10).collect();
    let mut found = false;
    for row in shown {
        let Some(at) = row.find(&head) else {
            continue;
        };
        found = true;
        let rest = &row[at..];
        let same: usize = rest
            .chars()
            .zip(text.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        if same != text.len() && !rest[same..].starts_with('…') {
            return false;
        }
    }
    found
}

/// The demo with each stage's open deals worth 9,960,000 together: the
/// widest seven-digit figure, `10.0M`.
fn seven_digit_app() -> App {
    let mut ws = funnel::store::demo::workspace(today());
    for stage in Stage::ALL.iter().copied() {
        let n = ws
            .opportunities
            .iter()
            .filter(|o| o.is_open() && o.stage == stage)
            .count() as i64;
        for o in ws
            .opportunities
            .iter_mut()
            .filter(|o| o.is_open() && o.stage == stage)
        {
            o.value = Money::from_units(9_960_000 / n.max(1));
        }
    }
    App::new(ws, today(), "demo".into(), None)
}

/// The strip's segments: its rows (one or two, below the title bar) split
/// where two spaces or more part them.
fn strip_segments(row: &str) -> Vec<String> {
    row.split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn check_strip(app: &mut App, what: &str) {
    for w in 80..=300u16 {
        let shown = rows(app, w, 30);
        let first = strip_segments(&shown[1]);
        let one_line = shown[1].contains(" · w ");
        let figures = if one_line {
            first.clone()
        } else {
            strip_segments(&shown[2])
        };
        let context = format!("{what} at {w} columns:\n{}\n{}", shown[1], shown[2]);
        assert_eq!(first.len(), 5, "five segments apart: {context}");
        assert_eq!(figures.len(), 5, "five figures apart: {context}");
        for (n, stage) in Stage::ALL.iter().copied().enumerate() {
            let s = app.screens.pipeline.strip[stage.index()];
            let words: Vec<&str> = first[n].split(' ').collect();
            assert_eq!(words[0], stage.as_str(), "{context}");
            assert!(
                words.contains(&s.count.to_string().as_str()),
                "{stage}'s count: {context}"
            );
            let figure_words: Vec<&str> = figures[n].split(' ').collect();
            assert!(
                figure_words.contains(&views::compact(s.value).as_str()),
                "{stage}'s value whole: {context}"
            );
            assert!(!figures[n].contains('…'), "{context}");
        }
        assert!(!shown[1].contains('…'), "{context}");
    }
}

#[test]
fn the_stage_strip_never_runs_together_nor_cuts_a_figure_from_80_to_300_columns() {
    check_strip(&mut demo_app(), "demo");
    check_strip(&mut seven_digit_app(), "seven digits");
}

#[test]
fn the_stage_strip_shows_the_weighted_values_whole_where_it_has_room() {
    let mut app = demo_app();
    for w in [80u16, 130, 135, 140, 160, 180, 200, 300] {
        let shown = rows(&mut app, w, 30);
        let strip = format!("{}\n{}", shown[1], shown[2]);
        for stage in Stage::ALL.iter().copied() {
            let s = app.screens.pipeline.strip[stage.index()];
            let weighted = format!("w {}", views::compact(s.weighted));
            assert!(strip.contains(&weighted), "{w}: {strip}");
        }
    }
}

#[test]
fn a_swot_box_with_more_lines_than_rows_says_how_many_more_at_80x24() {
    let mut app = demo_app();
    keys(&mut app, "4");
    let mut shown = screen(&mut app, 80, 24);
    for _ in 0..app.ws.accounts.len() {
        if shown.contains("SWOT · Nordwind") {
            break;
        }
        keys(&mut app, "j");
        shown = screen(&mut app, 80, 24);
    }
    // the strengths' second item (`Own fleet of 350 trucks`) has no room:
    // the box says so on its last row
    assert!(shown.contains("│· Hamburg-Shanghai"), "{shown}");
    assert!(!shown.contains("Own fleet"), "{shown}");
    assert!(shown.contains("│+1 more"), "{shown}");
}

#[test]
fn view_3s_figures_are_whole_or_end_with_an_ellipsis_at_80x24() {
    let mut app = demo_app();
    keys(&mut app, "3");
    let shown = rows(&mut app, 80, 24);
    let text = shown.join("\n");
    let ends = |has: &str, whole: &[&str]| {
        let rows: Vec<&String> = shown.iter().filter(|r| r.contains(has)).collect();
        assert!(!rows.is_empty(), "{has:?} shows:\n{text}");
        for row in rows {
            let row = row.trim_end();
            assert!(
                row.ends_with('…') || whole.iter().any(|w| row.ends_with(w)),
                "{has:?} cut silently: {row:?}\n{text}"
            );
        }
    };
    ends("Time: the course", &["actions"]);
    ends(" days in ", &["qualify", "drive", "propose", "negotiate"]);
    ends(
        "in the funnel",
        &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    );
}

#[test]
fn the_deal_table_and_the_deal_pane_cut_a_long_title_with_an_ellipsis() {
    let title = "Warehouse slotting optimisation study";
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut app = demo_app();
        let shown = rows(&mut app, w, h);
        assert!(
            whole_or_cut(&shown, title),
            "{w}×{h}:\n{}",
            shown.join("\n")
        );
        // in the table (the left) as well as in the deal pane
        let left = shown.iter().filter(|r| r.starts_with("Warehouse")).count();
        assert_eq!(left, 1, "{w}×{h}:\n{}", shown.join("\n"));
    }
    // at 80×24 the deal pane's title is cut on one line; a tall pane wraps it
    let mut app = demo_app();
    let shown = rows(&mut app, 80, 40);
    assert!(
        shown.iter().any(|r| r.contains("│ Warehouse slotting"))
            && shown.iter().any(|r| r.contains("│ study")),
        "{}",
        shown.join("\n")
    );
}

#[test]
fn view_2s_action_column_ends_a_cut_action_with_an_ellipsis() {
    let mut app = demo_app();
    keys(&mut app, "2");
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = rows(&mut app, w, h);
        assert!(
            whole_or_cut(&shown, "Call Urs Meier: where is the signed order?"),
            "{w}×{h}:\n{}",
            shown.join("\n")
        );
    }
}

#[test]
fn a_forms_error_wraps_under_its_field_at_80x24() {
    let mut app = demo_app();
    keys(&mut app, "\t\t\t\ta");
    keys(&mut app, "x\t");
    press(&mut app, KeyCode::Backspace);
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "blah");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("is not a date"), "{shown}");
    assert!(shown.contains("tomorrow"), "{shown}");
    assert!(shown.contains("eoy"), "{shown}");
}

#[test]
fn red_flags_wrap_in_a_tall_deal_pane_and_keep_more_when_rows_run_out() {
    let mut app = demo_app();
    let at = app
        .screens
        .pipeline
        .rows
        .iter()
        .position(|&i| app.ws.opportunities[i].title == "2027 年度 IT 运维框架协议")
        .unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    let shown = rows(&mut app, 120, 40);
    let text = shown.join("\n");
    assert!(text.contains("跟叶处长确认报价澄清问题"), "{text}");
    // no flag is cut while the pane has rows to spare: the date whole
    assert!(text.contains("2026-11-13 (10 days ago)"), "{text}");
    assert!(
        text.contains("sees\n") || text.contains("no gap (even keel)"),
        "{text}"
    );
    assert!(!text.contains("2026-1…"), "{text}");
    // at 80×24 the flags keep to a line each and say what is left out
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("more"), "{shown}");
}

#[test]
fn board_cards_show_the_whole_date_when_the_year_alone_would_show_and_it_fits() {
    // the first deal closes more than half a year away
    let mut ws = funnel::store::demo::workspace(today());
    let far = funnel::domain::Date::parse("2027-09-30").unwrap();
    let title = "Warehouse slotting optimisation study";
    let o = ws
        .opportunities
        .iter_mut()
        .find(|o| o.title == title)
        .unwrap();
    o.expected_close = Some(far);
    let mut app = App::new(ws, today(), "demo".into(), None);
    keys(&mut app, "b");
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let shown = screen(&mut app, w, h);
        assert!(shown.contains("85k · 2027-09-30"), "{w}×{h}:\n{shown}");
        // no card's figures end in a year alone (`1.2M · 2026`)
        let year_alone = regex_like_year_alone(&shown);
        assert!(year_alone.is_empty(), "{year_alone:?}\n{shown}");
    }
}

/// The `· YYYY ` (a year alone after a value) anywhere in `shown`.
fn regex_like_year_alone(shown: &str) -> Vec<String> {
    shown
        .lines()
        .flat_map(|l| l.split('│'))
        .filter(|cell| {
            let words: Vec<&str> = cell.split_whitespace().collect();
            words
                .windows(2)
                .any(|w| w[0] == "·" && w[1].len() == 4 && w[1].chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_board_takes_more_of_a_wide_screen_and_keeps_80x24() {
    let mut app = demo_app();
    keys(&mut app, "b");
    let shown = rows(&mut app, 200, 50);
    // the deal pane at most 70 columns: its frame starts at 130 or beyond
    let header = &shown[2];
    let deal_at = header.find(" Deal ").unwrap();
    assert!(
        header[..deal_at].chars().count() >= 129,
        "{}",
        shown.join("\n")
    );
}
