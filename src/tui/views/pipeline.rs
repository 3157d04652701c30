//! View 1, Pipeline: the stage strip, the open opportunities, and the
//! selected deal's header, qualification, influences, flags, actions, log.

use super::compact;
use crate::domain::{Opportunity, Stage};
use crate::i18n::{self, Lang, lang};
use crate::text::{truncate, width};
use crate::tui::app::App;
use crate::tui::screens::Pane;
use crate::tui::screens::pipeline::StageSum;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    // screens too narrow for the one-line strip give it a second line for
    // the figures
    let form = strip_form(&app.screens.pipeline.strip, area.width);
    let strip_height = if form.one_line { 1 } else { 2 };
    let [strip, main] =
        Layout::vertical([Constraint::Length(strip_height), Constraint::Fill(1)]).areas(area);
    draw_strip(app, frame, strip, form);
    let detail_width = if app.screens.pipeline.board_shown() {
        board_detail_width(area.width)
    } else {
        detail_width(area.width)
    };
    let [table, detail] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(detail_width)]).areas(main);
    if app.screens.pipeline.closed {
        super::closed_list::draw(app, frame, table);
    } else if app.screens.pipeline.board_shown() {
        super::board::draw(app, frame, table);
    } else {
        draw_table(app, frame, table);
    }
    super::deal::draw(app, frame, detail);
}

/// The deal pane's columns: two fifths up to 120 columns (36 to 72), and
/// beyond that 45%, so a wide screen widens the pane as well as the list;
/// the list keeps at least 55%, enough for all its columns.
fn detail_width(width: u16) -> u16 {
    let share = (width * 2 / 5).clamp(36, 72);
    if width > 120 {
        share.max(width * 9 / 20)
    } else {
        share
    }
}

/// How the stage strip is laid out: one line (name, count and figures) or
/// two (name and count above the figures), and which names. One form for
/// all five stages, so they line up alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StripForm {
    one_line: bool,
    names: StripNames,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StripNames {
    /// `negotiate 商务洽谈`
    Chinese,
    /// `negotiate`
    English,
    /// `nego`: only where a count of five digits leaves no room for more
    Short,
}

/// Blank columns ending each stage's cell: stages never run together
/// (issue 16).
const STRIP_GAP: usize = 2;

/// The equal cell each stage gets: the strip starts one column in.
fn strip_cell_width(width: u16) -> u16 {
    width.saturating_sub(1) / 5
}

/// The stage's name as the strip shows it.
/// In Chinese the first two forms are both the course's name alone.
fn strip_name(stage: Stage, names: StripNames) -> String {
    match names {
        StripNames::Chinese => stage.name(),
        StripNames::English => stage.shown(),
        StripNames::Short => stage_short(stage).to_owned(),
    }
}

/// A stage's figures, longest first: figures are dropped whole, never cut
/// mid-number.
fn strip_figures(s: &StageSum) -> [String; 3] {
    let (v, w) = (compact(s.value), compact(s.weighted));
    [
        crate::tf!("{v} · w {w}", v, w),
        crate::tf!("{v} w {w}", v, w),
        v,
    ]
}

/// The first line of a stage's segment in `form`, unstyled.
fn strip_first_line(stage: Stage, s: &StageSum, form: StripForm) -> String {
    let name = strip_name(stage, form.names);
    if form.one_line {
        format!(
            "{name} {} · {}",
            super::grouped(s.count),
            strip_figures(s)[0]
        )
    } else {
        format!("{name} {}", super::grouped(s.count))
    }
}

/// The widest form of the strip whose every segment fits its cell: one
/// line with the Chinese names, one line without, else two lines (as at 80
/// columns), their names short only when even the English ones do not fit.
fn strip_form(strip: &[StageSum; 5], screen_width: u16) -> StripForm {
    let room = usize::from(strip_cell_width(screen_width)).saturating_sub(STRIP_GAP);
    let fits = |form: StripForm| {
        Stage::ALL
            .iter()
            .all(|&stage| width(&strip_first_line(stage, &strip[stage.index()], form)) <= room)
    };
    let form = |one_line, names| StripForm { one_line, names };
    [
        form(true, StripNames::Chinese),
        form(true, StripNames::English),
        form(false, StripNames::English),
    ]
    .into_iter()
    .find(|&form| fits(form))
    .unwrap_or(form(false, StripNames::Short))
}

/// The deal pane's columns beside the board: as beside the table up to
/// 160 columns, at most 70 beyond, so a wide screen widens the board's
/// columns (at 45% they stayed 21 wide, titles cut to 20 characters).
fn board_detail_width(width: u16) -> u16 {
    if width > 160 {
        detail_width(width).min(BOARD_DETAIL_MAX)
    } else {
        detail_width(width)
    }
}

/// The widest the deal pane gets beside the board.
const BOARD_DETAIL_MAX: u16 = 70;

fn draw_strip(app: &App, frame: &mut Frame, area: Rect, form: StripForm) {
    let t = &app.theme;
    let cell = strip_cell_width(area.width);
    let room = usize::from(cell).saturating_sub(STRIP_GAP);
    for (n, stage) in Stage::ALL.iter().copied().enumerate() {
        let s = &app.screens.pipeline.strip[stage.index()];
        let column = Rect {
            x: area.x + 1 + cell * n as u16,
            width: cell,
            ..area
        }
        .intersection(area);
        let name = strip_name(stage, form.names);
        let first = strip_first_line(stage, s, form);
        // the name (bold, in the stage's colour) and what follows it; only
        // a screen too narrow for any form cuts, and then with `…`
        let first = truncate(&first, room).into_owned();
        let (name, after) = match first.strip_prefix(name.as_str()) {
            Some(after) => (name.clone(), after.to_owned()),
            None => (first.clone(), String::new()),
        };
        let name = Span::styled(
            name,
            t.stage(stage).add_modifier(ratatui::style::Modifier::BOLD),
        );
        let mut lines = vec![Line::from(vec![name, Span::raw(after)])];
        if !form.one_line {
            let figures = strip_figures(s);
            let fitting = figures
                .iter()
                .find(|f| width(f) <= room)
                .map_or_else(|| truncate(&figures[2], room).into_owned(), Clone::clone);
            lines.push(Line::from(fitting));
        }
        frame.render_widget(Paragraph::new(lines), column);
    }
}

/// What the table or the board says when it has no deal to show.
pub(super) fn draw_no_rows(app: &App, frame: &mut Frame, area: Rect) {
    let hint = if app.screens.pipeline.filter.is_empty() {
        if app.ws.opportunities.is_empty() {
            i18n::t(
                "No opportunities yet.\n\nPress n to add your first one (a: typed on one line), ? for every key.\nTo look around first, quit (q) and run `funnel demo`.",
            )
        } else {
            i18n::t(
                "No open opportunities: every one is won, lost or abandoned.\n\nPress n to add a new one.",
            )
        }
    } else {
        i18n::t("No open opportunity matches the filter. Press / then Esc to clear it.")
    };
    frame.render_widget(
        Paragraph::new(hint).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// A stage in five columns: `nego`, or two characters of its Chinese.
fn stage_short(s: Stage) -> &'static str {
    if lang() == Lang::Zh {
        return match s {
            Stage::Qualify => "确认",
            Stage::Drive => "主导",
            Stage::Propose => "方案",
            Stage::Negotiate => "商务",
            Stage::Close => "成交",
        };
    }
    match s {
        Stage::Qualify => "qual",
        Stage::Drive => "drive",
        Stage::Propose => "prop",
        Stage::Negotiate => "nego",
        Stage::Close => "close",
    }
}

/// The red flags that show today (computed and raised by hand, snoozed
/// ones left out).
pub(super) fn flag_count(app: &App, o: &Opportunity) -> usize {
    crate::domain::flags::visible(o, &app.ws.settings, app.today).len()
}

/// Where the narrow list has its days in stage (which the team view's
/// owner column takes).
const DAYS_NARROW: usize = 3;

fn draw_table(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let focused = app.focus() == Pane::Table;
    let p = &app.screens.pipeline;
    let marked = match p.marks.len() {
        0 => String::new(),
        n => crate::tf!("{n} marked", n),
    };
    let position = super::position(p.table.at(), p.rows.len(), p.filter.value());
    let sort = crate::tf!("sort: {sort}", sort = crate::i18n::t(p.sort.name()));
    let parts: Vec<&str> = [i18n::t("Deals"), &position, &marked, &sort]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let title = super::list_title(&parts, usize::from(area.width));
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(
            title,
            if focused {
                t.focused_heading()
            } else {
                t.heading()
            },
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.screens.pipeline.rows.is_empty() {
        draw_no_rows(app, frame, inner);
        return;
    }
    let wide = inner.width >= 80;
    let height = inner.height.saturating_sub(1) as usize;
    let cursor = app.screens.pipeline.table;
    let offset = cursor.offset(height);
    let len = app.screens.pipeline.rows.len();
    let place = (area, inner.y + 1);
    super::record_window(
        app,
        crate::tui::cursor::List::Deals,
        place,
        (offset, len, height),
    );
    // the rows on screen and their flag counts, counted once: a count of
    // 10 or more widens the ⚑ column so it keeps its space from the border
    let shown: Vec<usize> = app
        .screens
        .pipeline
        .rows
        .iter()
        .skip(offset)
        .take(height)
        .copied()
        .collect();
    let counts: Vec<usize> = shown
        .iter()
        .map(|&i| flag_count(app, &app.ws.opportunities[i]))
        .collect();
    let flag_w = if counts.iter().any(|n| *n >= 10) {
        3
    } else {
        2
    };
    let (mut header, mut widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            [
                "Title", "Account", "Stage", "Value", "Prob", "Days", "Close", "⚑",
            ]
            .map(i18n::t)
            .to_vec(),
            vec![
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(9),
                Constraint::Length(13),
                Constraint::Length(4),
                Constraint::Length(4),
                Constraint::Length(10),
                Constraint::Length(flag_w),
            ],
        )
    } else {
        (
            ["Title", "Stage", "Value", "Days", "Close", "⚑"]
                .map(i18n::t)
                .to_vec(),
            vec![
                Constraint::Fill(1),
                Constraint::Length(5),
                Constraint::Length(6),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(flag_w),
            ],
        )
    };
    // the team view: whose pipeline each deal is in, after the title
    // (and the account); a narrow list gives it the days in stage's room,
    // else the title would keep six columns at 80
    let owner_at = if wide { 2 } else { 1 };
    let team = app.team.is_some();
    if team {
        if !wide {
            header.remove(DAYS_NARROW);
            widths.remove(DAYS_NARROW);
        }
        header.insert(owner_at, i18n::t("Owner"));
        widths.insert(
            owner_at,
            if wide {
                Constraint::Fill(2)
            } else {
                Constraint::Length(7)
            },
        );
    }
    // the title's, the account's and the owner's columns, to cut their
    // text with `…`
    let cols = super::column_widths(&widths, inner.width, 1);
    let (title_w, account_w, owner_w) = (cols[0], cols[1], cols[owner_at]);
    let settings = &app.ws.settings;
    let rows = shown.iter().zip(&counts).map(|(&i, &count)| {
        let o = &app.ws.opportunities[i];
        let days = o
            .days_in_stage(app.today)
            .map_or(String::new(), |d| d.to_string());
        let close = o.expected_close.map_or(String::new(), |d| {
            if wide {
                d.to_string()
            } else {
                super::short_date(d, app.today)
            }
        });
        let close_style = match o.expected_close {
            Some(d) if d < app.today => t.warning(),
            _ => Style::new(),
        };
        let flags = match count {
            0 => String::new(),
            n => n.to_string(),
        };
        let marked = app.screens.pipeline.marked(&o.id);
        let mut cells = vec![super::text_cell(&o.title, title_w, marked, t.key())];
        if wide {
            let account = app
                .ws
                .account(&o.account)
                .map_or(o.account.as_str(), |a| a.name.as_str());
            cells.push(super::text_cell(account, account_w, false, t.key()));
        }
        if let Some(team) = &app.team {
            let owner = if wide {
                team.owner_shown(&o.id, &o.owner)
            } else {
                o.owner.clone()
            };
            cells.push(super::text_cell(&owner, owner_w, false, t.dim()));
        }
        let stage = if wide {
            o.stage.shown()
        } else {
            stage_short(o.stage).to_owned()
        };
        cells.push(Cell::from(Span::styled(stage, t.stage(o.stage))));
        cells.push(Cell::from(
            Line::from(if wide {
                o.value.grouped()
            } else {
                compact(o.value)
            })
            .right_aligned(),
        ));
        if wide {
            cells.push(Cell::from(
                Line::from(format!("{}%", o.probability_used(settings).0)).right_aligned(),
            ));
        }
        if wide || !team {
            cells.push(Cell::from(Line::from(days).right_aligned()));
        }
        cells.push(Cell::from(Span::styled(close, close_style)));
        cells.push(Cell::from(Span::styled(flags, t.error())));
        Row::new(cells)
    });
    let mut state = cursor.window_state(height);
    render_list(
        app,
        frame,
        (rows, widths, header),
        focused,
        inner,
        &mut state,
    );
}

/// A table of deals with its header, the selection shown brightly when the
/// table has the focus (view 1's open and closed lists).
pub(super) fn render_list<'a>(
    app: &App,
    frame: &mut Frame,
    (rows, widths, header): (
        impl IntoIterator<Item = Row<'a>>,
        Vec<Constraint>,
        Vec<&str>,
    ),
    focused: bool,
    area: Rect,
    state: &mut ratatui::widgets::TableState,
) {
    let t = &app.theme;
    let highlight = if focused {
        t.selected()
    } else {
        t.dim().add_modifier(ratatui::style::Modifier::REVERSED)
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.dim()))
        .row_highlight_style(highlight)
        .column_spacing(1);
    frame.render_stateful_widget(table, area, state);
}

#[cfg(test)]
mod tests {
    use super::{StageSum, StripForm, StripNames, board_detail_width, detail_width, strip_form};
    use crate::domain::Money;

    fn strip(count: usize, units: i64) -> [StageSum; 5] {
        [StageSum {
            count,
            value: Money::from_units(units),
            weighted: Money::from_units(units * 3 / 4),
        }; 5]
    }

    #[test]
    fn the_strip_takes_the_widest_form_that_fits_every_stage() {
        let form = |one_line, names| StripForm { one_line, names };
        let s = strip(3, 9_200_000);
        assert_eq!(strip_form(&s, 80), form(false, StripNames::English));
        assert_eq!(strip_form(&s, 130), form(false, StripNames::English));
        assert_eq!(strip_form(&s, 160), form(true, StripNames::English));
        assert_eq!(strip_form(&s, 220), form(true, StripNames::Chinese));
        // a count of five digits leaves the 80-column strip the short names
        assert_eq!(
            strip_form(&strip(12_345, 9_200_000), 80),
            form(false, StripNames::Short)
        );
    }

    #[test]
    fn beside_the_board_the_deal_pane_stops_at_70_columns_beyond_160() {
        assert_eq!(board_detail_width(80), 36);
        assert_eq!(board_detail_width(160), 72);
        assert_eq!(board_detail_width(161), 70);
        assert_eq!(board_detail_width(200), 70);
        assert_eq!(board_detail_width(300), 70);
    }

    #[test]
    fn the_deal_pane_keeps_its_share_up_to_120_columns_and_takes_45_percent_beyond() {
        assert_eq!(detail_width(80), 36);
        assert_eq!(detail_width(100), 40);
        assert_eq!(detail_width(120), 48);
        assert_eq!(detail_width(160), 72);
        assert_eq!(detail_width(200), 90);
        // the list keeps enough for all its columns
        assert!(300 - detail_width(300) >= 160);
    }
}
