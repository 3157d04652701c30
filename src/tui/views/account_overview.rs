//! View 4's bottom half while the list of accounts has the focus: the
//! selected account's SWOT, and beside it an overview: its warnings, the
//! plan's gauge, the credit, the satisfaction sparkline, what it counts,
//! and its deals.

use super::panes;
use crate::domain::accounts::AccountFigures;
use crate::i18n;
use crate::text::{clean, truncate, wrap};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// One row of the overview: text, or a widget drawn on it.
pub(super) enum Item<'a> {
    Text(Line<'a>),
    /// The plan's line gauge.
    Gauge,
    /// The satisfaction sparkline.
    Spark,
}

pub(super) fn draw(app: &App, frame: &mut Frame, bottom: Rect, n: usize, f: &AccountFigures) {
    let t = &app.theme;
    let a = &app.ws.accounts[n];
    let cx = panes::Cx { app, a, f };
    let [swot, side] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(bottom);
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(
            format!(" {} ", tf!("SWOT · {name}", name = clean(&a.name))),
            t.heading(),
        ));
    let inner = block.inner(swot);
    frame.render_widget(block, swot);
    panes::draw_swot(app, frame, inner, a);

    let side = Rect {
        x: side.x + 1,
        width: side.width.saturating_sub(1),
        ..side
    };
    let width = usize::from(side.width);
    let rows = usize::from(side.height);
    let mut items: Vec<Item> = vec![Item::Text(Line::from(Span::styled(
        truncate(
            &format!(
                "{} · {}",
                if a.industry.is_empty() {
                    i18n::t("industry not set").into()
                } else {
                    clean(&a.industry)
                },
                a.relationship
                    .map_or(i18n::t("relationship not set").to_owned(), |r| r.label())
            ),
            width,
        )
        .into_owned(),
        t.dim(),
    )))];
    // the warnings first, each on a line (cut with `…`: the profile pane
    // shows them whole), as many as leave the figures their rows
    let room = rows.saturating_sub(8).clamp(1, 4);
    items.extend(
        panes::warning_lines(&cx, width, room)
            .into_iter()
            .map(Item::Text),
    );
    items.push(Item::Gauge);
    items.push(Item::Text(Line::raw(
        truncate(&cx.plan_brief(), width).into_owned(),
    )));
    for line in cx.credit_brief() {
        items.push(Item::Text(panes::cut(line, width)));
    }
    items.push(Item::Spark);
    items.push(Item::Text(Line::raw(
        truncate(&cx.counts(), width).into_owned(),
    )));
    let mut y = side.y;
    for item in items.into_iter().take(rows) {
        let row = Rect {
            y,
            height: 1,
            ..side
        };
        match item {
            Item::Text(line) => frame.render_widget(Paragraph::new(line), row),
            Item::Gauge => cx.line_gauge(frame, row),
            Item::Spark => cx.spark_row(frame, row),
        }
        y += 1;
    }
    // the deals in what is left, each whole or counted
    let left = side.bottom().saturating_sub(y);
    if left == 0 {
        return;
    }
    // on one row the heading alone says where the deals are (the list's
    // row counts the open ones)
    let heading = if f.open_count == 0 && !app.ws.opportunities.iter().any(|o| o.account == a.id) {
        i18n::t("No deals with this account.")
    } else {
        i18n::t("Deals (Enter shows them in view 1)")
    };
    let head = vec![Line::from(Span::styled(
        truncate(heading, width).into_owned(),
        t.heading(),
    ))];
    let deals: Vec<Vec<Line>> = crate::domain::account_rows::deal_order(&app.ws, a)
        .into_iter()
        .map(|i| {
            let o = &app.ws.opportunities[i];
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
            super::super::wrapped(vec![line], width)
        })
        .collect();
    let lines = if left == 1 {
        head
    } else {
        fill_side(head, deals, usize::from(left))
    };
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y,
            height: left,
            ..side
        },
    );
}

/// The side pane's lines in `rows`: the account's lines, then its deals,
/// each whole; the deals that do not fit are counted on the last row
/// (`+2 more`) rather than cut off at the pane's bottom edge.
pub(super) fn fill_side<'a>(
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
pub(super) fn swot_box_lines(items: &[String], cell: Rect) -> Vec<Line<'static>> {
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
