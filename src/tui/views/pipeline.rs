//! View 1, Pipeline: the stage strip, the open opportunities, and the
//! selected deal's header, qualification, influences, flags, actions, log.

use super::compact;
use crate::domain::{Opportunity, Stage};
use crate::text::{clean, truncate, width};
use crate::tui::app::App;
use crate::tui::screens::Pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    // narrow screens give the strip a second line for the weighted values
    let strip_height = if area.width >= 130 { 1 } else { 2 };
    let [strip, main] =
        Layout::vertical([Constraint::Length(strip_height), Constraint::Fill(1)]).areas(area);
    draw_strip(app, frame, strip);
    let detail_width = detail_width(area.width);
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

fn draw_strip(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let chinese = area.width >= 180;
    let columns = Layout::horizontal([Constraint::Fill(1); 5]).split(Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    });
    for (stage, column) in Stage::ALL.iter().zip(columns.iter()) {
        let s = app.screens.pipeline.strip[stage.index()];
        // the column's last cell stays blank: segments never run together
        let room = usize::from(column.width.saturating_sub(1));
        let figures = format!("{} · w {}", compact(s.value), compact(s.weighted));
        let after = if area.height >= 2 {
            format!(" {}", super::grouped(s.count))
        } else {
            format!(" {} · {figures}", super::grouped(s.count))
        };
        // the Chinese name where it fits, else the English one, else cut
        let mut names = vec![stage.as_str().to_owned()];
        if chinese {
            names.insert(0, format!("{} {}", stage.as_str(), stage.chinese()));
        }
        let name = names
            .iter()
            .find(|n| width(n) + width(&after) <= room)
            .unwrap_or(&names[names.len() - 1]);
        let name = truncate(name, room).into_owned();
        let after = truncate(&after, room.saturating_sub(width(&name))).into_owned();
        let name = Span::styled(
            name,
            t.stage(*stage).add_modifier(ratatui::style::Modifier::BOLD),
        );
        let first = Line::from(vec![name, Span::raw(after)]);
        let lines = if area.height >= 2 {
            vec![first, Line::from(truncate(&figures, room).into_owned())]
        } else {
            vec![first]
        };
        frame.render_widget(Paragraph::new(lines), *column);
    }
}

/// What the table or the board says when it has no deal to show.
pub(super) fn draw_no_rows(app: &App, frame: &mut Frame, area: Rect) {
    let hint = if app.screens.pipeline.filter.is_empty() {
        if app.ws.opportunities.is_empty() {
            "No opportunities yet.\n\nPress n to add your first one (a: typed on one line), ? for every key.\nTo look around first, quit (q) and run `funnel demo`."
        } else {
            "No open opportunities: every one is won, lost or abandoned.\n\nPress n to add a new one."
        }
    } else {
        "No open opportunity matches the filter. Press / then Esc to clear it."
    };
    frame.render_widget(
        Paragraph::new(hint).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

fn stage_short(s: Stage) -> &'static str {
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

fn draw_table(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let focused = app.focus() == Pane::Table;
    let p = &app.screens.pipeline;
    let marked = match p.marks.len() {
        0 => String::new(),
        n => format!("{} marked", super::grouped(n)),
    };
    let position = super::position(p.table.at(), p.rows.len(), p.filter.value());
    let sort = format!("sort: {}", p.sort.name());
    let parts: Vec<&str> = ["Deals", &position, &marked, &sort]
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
    app.pages.drawn(crate::tui::cursor::List::Deals, height);
    let cursor = app.screens.pipeline.table;
    let offset = cursor.offset(height);
    let shown = app
        .screens
        .pipeline
        .rows
        .len()
        .saturating_sub(offset)
        .min(height);
    app.hits.list(
        crate::tui::cursor::List::Deals,
        area,
        inner.y + 1,
        (offset..offset + shown).map(Some).collect(),
    );
    let settings = &app.ws.settings;
    let rows = app
        .screens
        .pipeline
        .rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|&i| {
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
            let flags = match flag_count(app, o) {
                0 => String::new(),
                n => n.to_string(),
            };
            let title = clean(&o.title).into_owned();
            let title = if app.screens.pipeline.marked(&o.id) {
                Line::from(vec![
                    Span::styled("● ", t.key()),
                    Span::styled(title, t.key()),
                ])
            } else {
                Line::from(title)
            };
            let mut cells = vec![Cell::from(title)];
            if wide {
                let account = app
                    .ws
                    .account(&o.account)
                    .map_or(o.account.as_str(), |a| a.name.as_str());
                cells.push(Cell::from(clean(account).into_owned()));
            }
            let stage = if wide {
                o.stage.as_str()
            } else {
                stage_short(o.stage)
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
            cells.push(Cell::from(Line::from(days).right_aligned()));
            cells.push(Cell::from(Span::styled(close, close_style)));
            cells.push(Cell::from(Span::styled(flags, t.error())));
            Row::new(cells)
        });
    let (header, widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            vec![
                "Title", "Account", "Stage", "Value", "Prob", "Days", "Close", "⚑",
            ],
            vec![
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(9),
                Constraint::Length(13),
                Constraint::Length(4),
                Constraint::Length(4),
                Constraint::Length(10),
                Constraint::Length(2),
            ],
        )
    } else {
        (
            vec!["Title", "Stage", "Value", "Days", "Close", "⚑"],
            vec![
                Constraint::Fill(1),
                Constraint::Length(5),
                Constraint::Length(6),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(2),
            ],
        )
    };
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
    use super::detail_width;

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
