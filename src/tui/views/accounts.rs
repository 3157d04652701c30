//! View 4, Accounts: the accounts with their place and pipeline, the
//! screening matrix as a 2×2 grid, and the selected account's SWOT.

use crate::domain::accounts::{self, Quadrant};
use crate::i18n::{self, Lang, lang};
use crate::text::{clean, truncate, wrap};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    // one pass over the deals for every account, not one per row
    let all = accounts::all_figures(&app.ws, app.today);
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    let [list, matrix] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(top);

    let s = &app.screens.accounts;
    let title = super::list_title(
        &[
            i18n::t("Accounts"),
            &super::position(s.cursor.at(), s.rows.len(), s.filter.value()),
        ],
        usize::from(list.width),
    );
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let wide = inner.width >= 90;
    let height = inner.height.saturating_sub(1) as usize;
    let offset = app.screens.accounts.cursor.offset(height);
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
            super::text_cell(&a.name, name_width, false, ratatui::style::Style::new()),
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
        if Some(n) == selected {
            row.style(t.selected())
        } else {
            row
        }
    });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(t.dim()))
            .column_spacing(1),
        inner,
    );

    // the screening matrix: attractiveness up, our advantage right
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
                ratatui::style::Style::new()
            };
            lines.push(Line::from(Span::styled(format!(" {name}"), style)));
        }
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().border_style(t.dim())),
            cell,
        );
    }

    let Some(n) = s.selected(&app.ws) else {
        let text = if s.filter.is_empty() {
            i18n::t("No accounts yet: a adds one.")
        } else {
            i18n::t("No account matches the filter. Press / then Esc to clear it.")
        };
        frame.render_widget(Paragraph::new(text).style(t.dim()), bottom);
        return;
    };
    let (a, f) = (&app.ws.accounts[n], &all[n]);
    let [swot, side] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(bottom);
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(
            format!(" {} ", tf!("SWOT · {name}", name = clean(&a.name))),
            t.heading(),
        ));
    let inner = block.inner(swot);
    frame.render_widget(block, swot);
    let [s_top, s_bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
    let [s1, s2] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(s_top);
    let [s3, s4] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(s_bottom);
    for (title, items, cell) in [
        (i18n::t("Strengths 优势"), &a.swot.strengths, s1),
        (i18n::t("Weaknesses 劣势"), &a.swot.weaknesses, s2),
        (i18n::t("Opportunities 机会"), &a.swot.opportunities, s3),
        (i18n::t("Threats 威胁"), &a.swot.threats, s4),
    ] {
        let lines = swot_box_lines(items, cell);
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(title).border_style(t.dim())),
            cell,
        );
    }
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} · {}",
            clean(&a.industry),
            a.relationship
                .map_or(i18n::t("relationship not set").to_owned(), |r| r.label())
        ),
        t.dim(),
    ))];
    for w in &f.warnings {
        lines.push(Line::from(Span::styled(
            format!("! {}", clean(&w.message)),
            t.warning(),
        )));
    }
    if !a.notes.is_empty() {
        lines.push(Line::raw(clean(&a.notes).into_owned()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        i18n::t("Deals (Enter shows them in view 1)"),
        t.heading(),
    )));
    let side = Rect {
        x: side.x + 1,
        width: side.width.saturating_sub(1),
        ..side
    };
    let width = usize::from(side.width);
    let deals: Vec<Vec<Line>> = app
        .ws
        .opportunities
        .iter()
        .filter(|o| o.account == a.id)
        .map(|o| {
            let state = if o.is_open() {
                o.stage.label()
            } else {
                o.outcome
                    .as_ref()
                    .map_or(o.status().as_str().to_owned(), |c| c.result.label())
            };
            let line = Line::raw(format!(
                "· {} · {state} · {}",
                clean(&o.title),
                o.value.grouped()
            ));
            super::wrapped(vec![line], width)
        })
        .collect();
    let lines = fill_side(
        super::wrapped(lines, width),
        deals,
        usize::from(side.height),
    );
    frame.render_widget(Paragraph::new(lines), side);
}

/// The side pane's lines in `rows`: the account's lines, then its deals,
/// each whole; the deals that do not fit are counted on the last row
/// (`+2 more`) rather than cut off at the pane's bottom edge.
fn fill_side<'a>(
    mut lines: Vec<Line<'a>>,
    deals: Vec<Vec<Line<'a>>>,
    rows: usize,
) -> Vec<Line<'a>> {
    let total = deals.len();
    for (n, deal) in deals.into_iter().enumerate() {
        let left = total - n - 1;
        // the room this deal needs, and a row for `+N more` after it
        // unless it is the last
        let needs = deal.len() + usize::from(left > 0);
        if lines.len() + needs > rows && !(left == 0 && lines.len() + deal.len() <= rows) {
            let hidden = total - n;
            lines.truncate(rows.saturating_sub(1));
            lines.push(Line::raw(tf!("+{n} more", n = hidden)));
            return lines;
        }
        lines.extend(deal);
    }
    lines
}

/// A SWOT box's items, one `·` each, wrapped here by display width (the
/// box's borders stay where they are whatever the text: Chinese, emoji);
/// when they need more rows than the box has, its last row says how many
/// items it could not show whole (issue 16: nothing is dropped silently).
fn swot_box_lines(items: &[String], cell: Rect) -> Vec<Line<'static>> {
    let room = usize::from(cell.width.saturating_sub(4));
    let rows = usize::from(cell.height.saturating_sub(2));
    // (the item each line belongs to, the line)
    let all: Vec<(usize, String)> = items
        .iter()
        .enumerate()
        .flat_map(|(item, text)| {
            wrap(&clean(text), room)
                .into_iter()
                .enumerate()
                .map(move |(n, l)| (item, format!("{} {l}", if n == 0 { "·" } else { " " })))
        })
        .collect();
    if all.len() <= rows {
        return all.into_iter().map(|(_, l)| Line::raw(l)).collect();
    }
    let shown = rows.saturating_sub(1);
    // an item whose last line is hidden counts as not shown
    let whole = all.get(shown).map_or(items.len(), |&(item, _)| item);
    let more = tf!("+{n} more", n = items.len() - whole);
    all.into_iter()
        .take(shown)
        .map(|(_, l)| Line::raw(l))
        .chain((rows > 0).then(|| Line::raw(truncate(&more, room.max(1)).into_owned())))
        .collect()
}

#[cfg(test)]
mod side_tests {
    use super::fill_side;
    use ratatui::text::Line;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn deals_that_do_not_fit_are_counted_never_cut() {
        let head = || vec![Line::raw("retail · mid"), Line::raw("Deals")];
        let deal = |n: usize, rows: usize| -> Vec<Line<'static>> {
            (0..rows).map(|r| Line::raw(format!("d{n}.{r}"))).collect()
        };
        // room for all: no marker
        let all = fill_side(head(), vec![deal(1, 1), deal(2, 2)], 5);
        assert_eq!(
            texts(&all),
            ["retail · mid", "Deals", "d1.0", "d2.0", "d2.1"]
        );
        // one row short: the second deal is counted, not half shown
        let cut = fill_side(head(), vec![deal(1, 1), deal(2, 2)], 4);
        assert_eq!(texts(&cut), ["retail · mid", "Deals", "d1.0", "+1 more"]);
        // the marker's row is kept free while more deals follow
        let three = fill_side(head(), vec![deal(1, 1), deal(2, 1), deal(3, 1)], 4);
        assert_eq!(texts(&three), ["retail · mid", "Deals", "d1.0", "+2 more"]);
        assert!(fill_side(head(), vec![deal(1, 3)], 3).len() <= 3);
    }
}
