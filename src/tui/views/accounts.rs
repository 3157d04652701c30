//! View 4, Accounts: the accounts with their place and pipeline, the
//! screening matrix as a 2×2 grid, and the selected account's workspace
//! (spec section 11). With the list focused the bottom half is an overview
//! of the selected account (its warnings, plan, credit, satisfaction) and
//! its SWOT; with a pane of the workspace focused the list shrinks to a few
//! rows and the workspace takes the rest: the focused pane large under a
//! strip naming every pane, or all panes at once on a wide screen.

use crate::domain::accounts::{self, AccountFigures, Quadrant};
use crate::i18n::{self, Lang, lang};
use crate::text::{clean, truncate};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::accounts::AccountPane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

#[path = "account_lists.rs"]
mod lists;
#[path = "account_overview.rs"]
mod overview;
#[path = "account_panes.rs"]
mod panes;

/// The screen at least this wide and tall shows every pane of the account
/// workspace at once.
const GRID_WIDTH: u16 = 140;
const GRID_HEIGHT: u16 = 40;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    // one pass over the deals for every account, not one per row; the
    // selected account's figures are among them (computed once a frame)
    let all = accounts::all_figures(&app.ws, app.today);
    let s = &app.screens.accounts;
    let selected = s.selected(&app.ws);
    match selected {
        Some(n) if s.pane != AccountPane::List => {
            let grid = area.width >= GRID_WIDTH && area.height >= GRID_HEIGHT;
            // the title, the header and a few accounts around the selection
            let rows = if grid { 7 } else { 5 };
            let [list, rest] =
                Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(area);
            draw_list(app, frame, list, &all);
            let cx = panes::Cx {
                app,
                a: &app.ws.accounts[n],
                f: &all[n],
            };
            panes::draw_workspace(&cx, frame, rest, grid);
        }
        _ => {
            let [top, bottom] =
                Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
            let [list, matrix] =
                Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(top);
            draw_list(app, frame, list, &all);
            draw_matrix(app, frame, matrix, selected);
            match selected {
                Some(n) => overview::draw(app, frame, bottom, n, &all[n]),
                None => {
                    let text = if s.filter.is_empty() {
                        i18n::t("No accounts yet: a adds one.")
                    } else {
                        i18n::t("No account matches the filter. Press / then Esc to clear it.")
                    };
                    frame.render_widget(Paragraph::new(text).style(app.theme.dim()), bottom);
                }
            }
        }
    }
}

/// The list of accounts; its selected row in the selected style while it
/// has the focus, in bold while a pane of the workspace has it.
fn draw_list(app: &App, frame: &mut Frame, list: Rect, all: &[AccountFigures]) {
    let t = &app.theme;
    let s = &app.screens.accounts;
    // with no account selected the workspace is not drawn: the list has it
    let focused = s.pane == AccountPane::List || s.selected(&app.ws).is_none();
    let title = super::list_title(
        &[
            i18n::t("Accounts"),
            &super::position(s.cursor.at(), s.rows.len(), s.filter.value()),
        ],
        usize::from(list.width),
    );
    let block = super::pane_block(app, title, focused);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let wide = inner.width >= 90;
    let height = inner.height.saturating_sub(1) as usize;
    let offset = s.cursor.offset(height);
    let place = (list, inner.y + 1);
    super::record_window(
        app,
        crate::tui::cursor::List::Accounts,
        place,
        (offset, s.rows.len(), height),
    );
    // the year of "won this year", as the 160-column header has room for it
    let won = tf!(
        "Won '{yy}",
        yy = format!("{:02}", chrono::Datelike::year(&app.today.0) % 100)
    );
    // a tier in Chinese takes up to eight columns (一般客户)
    let tier_w = if lang() == Lang::Zh { 8 } else { 7 };
    let head = |names: &[&'static str]| -> Vec<&'static str> {
        names.iter().map(|n| i18n::t(n)).collect()
    };
    let (header, widths): (Vec<&str>, Vec<Constraint>) = if wide {
        let mut names = head(&[
            "Name", "Tier", "Quadrant", "Relation", "Open", "Value", "Weighted",
        ]);
        names.extend([won.as_str(), "!"]);
        (
            names,
            vec![
                Constraint::Fill(1),
                Constraint::Length(tier_w),
                Constraint::Length(13),
                Constraint::Length(11),
                Constraint::Length(4),
                Constraint::Length(6),
                Constraint::Length(8),
                Constraint::Length(7),
                Constraint::Length(1),
            ],
        )
    } else {
        (
            {
                let mut names = head(&["Name", "Tier", "Quadrant", "Open", "Value"]);
                names.push("!");
                names
            },
            vec![
                Constraint::Fill(1),
                Constraint::Length(tier_w),
                Constraint::Length(13),
                Constraint::Length(4),
                Constraint::Length(6),
                Constraint::Length(1),
            ],
        )
    };
    // the name cut with `…` where the table would cut it silently
    let name_width = super::column_widths(&widths, inner.width, 1)[0];
    let selected = s.selected(&app.ws);
    let rows = s.rows.iter().skip(offset).take(height).map(|&n| {
        let a = &app.ws.accounts[n];
        let f = &all[n];
        let q = accounts::quadrant(a).map_or("—", Quadrant::label);
        let mut cells = vec![
            super::text_cell(&a.name, name_width, false, Style::new()),
            Cell::from(a.tier.map_or(String::new(), |x| x.label())),
            Cell::from(q),
        ];
        if wide {
            cells.push(Cell::from(
                a.relationship.map_or(String::new(), |r| r.label()),
            ));
        }
        cells.push(Cell::from(
            Line::from(f.open_count.to_string()).right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(super::compact(f.open_value)).right_aligned(),
        ));
        if wide {
            cells.push(Cell::from(
                Line::from(super::compact(f.open_weighted)).right_aligned(),
            ));
            cells.push(Cell::from(
                Line::from(super::compact(f.won_this_year)).right_aligned(),
            ));
        }
        cells.push(Cell::from(Span::styled(
            if f.warnings.is_empty() { "" } else { "!" },
            t.warning(),
        )));
        let row = Row::new(cells);
        match (Some(n) == selected, focused) {
            (true, true) => row.style(t.selected()),
            (true, false) => row.style(t.heading()),
            _ => row,
        }
    });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(t.dim()))
            .column_spacing(1),
        inner,
    );
}

/// The screening matrix: attractiveness up, our advantage right.
fn draw_matrix(app: &App, frame: &mut Frame, matrix: Rect, selected: Option<usize>) {
    let t = &app.theme;
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} ",
            i18n::t("Screening matrix 客户筛选矩阵 · ↑ attractiveness → our advantage")
        ),
        t.heading(),
    ));
    let inner = block.inner(matrix);
    frame.render_widget(block, matrix);
    let [upper, lower] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
    let [ul, ur] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(upper);
    let [ll, lr] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(lower);
    let selected = selected.map(|i| app.ws.accounts[i].id.as_str());
    for (q, cell) in [
        (Quadrant::Develop, ul),
        (Quadrant::Key, ur),
        (Quadrant::Opportunistic, ll),
        (Quadrant::Maintain, lr),
    ] {
        let name = match lang() {
            Lang::En => format!("{} {}", q.as_str(), q.chinese()),
            Lang::Zh => q.chinese().to_owned(),
        };
        // a narrow cell cuts the name with `…` (the Chinese is the first to go)
        let name = truncate(&name, cell.width.saturating_sub(2) as usize).into_owned();
        let mut lines = vec![Line::from(Span::styled(name, t.heading()))];
        for a in app
            .ws
            .accounts
            .iter()
            .filter(|a| accounts::quadrant(a) == Some(q))
        {
            let name =
                truncate(&clean(&a.name), cell.width.saturating_sub(3) as usize).into_owned();
            let style = if Some(a.id.as_str()) == selected {
                t.selected()
            } else {
                Style::new()
            };
            lines.push(Line::from(Span::styled(format!(" {name}"), style)));
        }
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().border_style(t.dim())),
            cell,
        );
    }
}
