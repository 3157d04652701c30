//! View 1's board: a column per open stage, qualify to close, in the
//! table's place. Each column's header names the stage as the strip does
//! and adds up its cards; each card shows a deal's title, account, value,
//! close date and flags. Only the cards in sight are built: a column of
//! 3,000 deals costs what its visible cards cost.

use super::pipeline::{draw_no_rows, flag_count};
use super::{compact, grouped, list_title, position, short_date};
use crate::domain::{Opportunity, Stage};
use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::app::App;
use crate::tui::cursor::List;
use crate::tui::screens::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The narrowest column that still reads: a title of about 20 columns, a
/// `1.2M · 01-08 ⚑ 3` line, `negotiate 商务洽谈` in the header.
pub const MIN_COLUMN: u16 = 21;

/// Lines of the header: stage name, count and sum, a rule.
const HEADER: u16 = 3;

/// How many columns fit `width` (one column between two for the rule),
/// at least one, at most five.
pub fn columns_that_fit(width: u16) -> usize {
    usize::from((width + 1) / (MIN_COLUMN + 1)).clamp(1, 5)
}

/// The first of `shown` columns to draw so that `selected` is in sight,
/// scrolling from `first` (where the board was) as little as it takes.
pub fn first_column(first: usize, selected: usize, shown: usize) -> usize {
    let first = if selected < first {
        selected
    } else if selected >= first + shown {
        selected + 1 - shown
    } else {
        first
    };
    first.min(5 - shown.min(5))
}

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let p = &app.screens.pipeline;
    let focused = app.focus() == Pane::Table;
    let marked = match p.marks.len() {
        0 => String::new(),
        n => tf!("{n} marked", n = super::grouped(n)),
    };
    let at = position(p.table.at(), p.rows.len(), p.filter.value());
    let sort = tf!("sort: {sort}", sort = crate::i18n::t(p.sort.name()));
    let parts: Vec<&str> = [i18n::t("Board"), &at, &marked, &sort]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let block = super::pane_block(app, list_title(&parts, usize::from(area.width)), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if p.rows.is_empty() {
        draw_no_rows(app, frame, inner);
        return;
    }
    if inner.width == 0 || inner.height <= HEADER {
        return;
    }
    let card = p.card(&app.ws);
    let selected = card.map_or(0, |(c, _)| c);
    let shown = columns_that_fit(inner.width);
    let first = first_column(p.board.first.get(), selected, shown);
    p.board.first.set(first);
    // the width left after the rules, shared out, the first columns taking
    // what does not divide
    let room = inner.width.saturating_sub(shown as u16 - 1);
    let (base, extra) = (room / shown as u16, room % shown as u16);
    let mut x = inner.x;
    for k in 0..shown {
        let c = first + k;
        let w = base + u16::from((k as u16) < extra);
        let column = Rect {
            x,
            width: w,
            ..inner
        }
        .intersection(inner);
        let edges = Edges {
            left: if k == 0 { first } else { 0 },
            right: if k + 1 == shown { 5 - first - shown } else { 0 },
        };
        draw_column(
            app,
            frame,
            column,
            c,
            card.filter(|s| s.0 == c).map(|s| s.1),
            edges,
        );
        x += w;
        if k + 1 < shown && x < inner.right() {
            let rule = Rect::new(x, inner.y, 1, inner.height);
            let bar = vec![Line::from("│"); usize::from(inner.height)];
            frame.render_widget(Paragraph::new(bar).style(t.dim()), rule);
            x += 1;
        }
    }
}

/// Columns off screen on either side, shown in the outer columns' headers.
#[derive(Clone, Copy)]
struct Edges {
    left: usize,
    right: usize,
}

fn draw_column(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    c: usize,
    selected: Option<usize>,
    edges: Edges,
) {
    let t = &app.theme;
    let p = &app.screens.pipeline;
    let Some(stage) = Stage::ALL.get(c).copied() else {
        return;
    };
    let column = &p.board.columns[c];
    let w = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(header(app, stage, column, w, edges)),
        Rect {
            height: HEADER,
            ..area
        },
    );
    let cards_area = Rect {
        y: area.y + HEADER,
        height: area.height - HEADER,
        ..area
    };
    let roomy = cards_area.height >= 30;
    // a roomy card adds the owner and days in stage, and a blank line
    let (lines, step) = if roomy { (4u16, 5u16) } else { (3, 3) };
    let height = cards_area.height;
    let len = column.cards.len();
    let all_fit = len * usize::from(step) <= usize::from(height) + usize::from(step - lines);
    // a column cut short keeps its last line for `+N more`
    let fit = if all_fit {
        len
    } else {
        usize::from(height.saturating_sub(1) + step - lines) / usize::from(step)
    }
    .max(1);
    let offset = selected.map_or(0, |s| s.saturating_sub(fit - 1));
    if selected.is_some() {
        app.pages.drawn(List::Board, fit);
    }
    let visible = &column.cards[offset.min(len)..(offset + fit).min(len)];
    let mut items = Vec::new();
    let mut text: Vec<Line> = Vec::new();
    let focused = app.focus() == Pane::Table;
    for (k, &at) in visible.iter().enumerate() {
        let Some(o) = p.rows.get(at).and_then(|i| app.ws.opportunities.get(*i)) else {
            continue;
        };
        let mut card = card_lines(app, o, w, roomy);
        if selected == Some(offset + k) {
            let style = if focused {
                t.selected()
            } else {
                t.dim().add_modifier(Modifier::REVERSED)
            };
            for line in &mut card {
                // the whole width lit, so the card reads as one block
                let pad = w.saturating_sub(line.width());
                line.spans.push(Span::raw(" ".repeat(pad)));
                *line = std::mem::take(line).patch_style(style);
            }
        }
        items.extend(std::iter::repeat_n(Some(at), card.len()));
        text.extend(card);
        if step > lines && k + 1 < visible.len() {
            items.push(None);
            text.push(Line::default());
        }
    }
    if len == 0 {
        text.push(Line::styled(i18n::t("no deals"), t.dim()));
    }
    let below = len.saturating_sub(offset + visible.len());
    if below > 0 || (offset > 0 && !all_fit) {
        let more = match (offset, below) {
            (0, b) => tf!("+{n} more", n = b),
            (a, 0) => tf!("↑{n} above", n = a),
            (a, b) => tf!("↑{a} · +{b} more", a, b),
        };
        let last = usize::from(height.saturating_sub(1));
        text.resize(last, Line::default());
        text.push(Line::styled(truncate(&more, w).into_owned(), t.dim()));
    }
    frame.render_widget(Paragraph::new(text), cards_area);
    app.hits.list(List::Board, area, cards_area.y, items);
    app.hits.column(area, c);
}

/// The stage's name as the strip shows it (with its Chinese name where it
/// fits), the columns off screen, and the count and sum of its cards.
fn header(
    app: &App,
    stage: Stage,
    column: &crate::tui::screens::pipeline::board::Column,
    w: usize,
    edges: Edges,
) -> Vec<Line<'static>> {
    let t = &app.theme;
    let left = match edges.left {
        0 => String::new(),
        n => format!("‹{n} "),
    };
    let right = match edges.right {
        0 => String::new(),
        n => format!(" {n}›"),
    };
    let room = w.saturating_sub(width(&left) + width(&right));
    let both = stage.name();
    let name = if width(&both) <= room {
        both
    } else {
        truncate(&stage.shown(), room).into_owned()
    };
    let gap = " ".repeat(room.saturating_sub(width(&name)));
    let currency = clean(&app.ws.settings.currency).into_owned();
    let n = column.cards.len();
    let sum = compact(column.value);
    let long = format!(
        "{} · {sum} {currency}",
        crate::text::count(n as i64, "deal", "deals")
    );
    let figures = if width(&long) <= w {
        long
    } else {
        format!("{} · {sum} {currency}", grouped(n))
    };
    vec![
        Line::from(vec![
            Span::styled(left, t.key()),
            Span::styled(name, t.stage(stage).add_modifier(Modifier::BOLD)),
            Span::raw(gap),
            Span::styled(right, t.key()),
        ]),
        Line::from(truncate(&figures, w).into_owned()),
        Line::styled("─".repeat(w), t.dim()),
    ]
}

/// A card's close date: month and day within half a year, else the whole
/// date where `room` has it (a year alone says too little when the card has
/// the columns), else the year.
fn card_date(d: crate::domain::Date, today: crate::domain::Date, room: usize) -> String {
    let short = short_date(d, today);
    let full = d.to_string();
    if short.len() == 4 && full.len() <= room {
        full
    } else {
        short
    }
}

/// A card: title (marked as the table marks it), account, then value,
/// close date and flags; roomy cards add the owner and days in stage.
fn card_lines(app: &App, o: &Opportunity, w: usize, roomy: bool) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mark = if app.screens.pipeline.marked(&o.id) {
        "● "
    } else {
        ""
    };
    let title = truncate(&clean(&o.title), w.saturating_sub(width(mark))).into_owned();
    let title = if mark.is_empty() {
        Line::from(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ))
    } else {
        Line::from(vec![
            Span::styled(mark, t.key()),
            Span::styled(title, t.key().add_modifier(Modifier::BOLD)),
        ])
    };
    let account = app
        .ws
        .account(&o.account)
        .map_or(o.account.as_str(), |a| a.name.as_str());
    let account = Line::styled(truncate(&clean(account), w).into_owned(), t.dim());
    let flags = match flag_count(app, o) {
        0 => String::new(),
        n => format!("⚑ {n}"),
    };
    let value = format!("{} · ", compact(o.value));
    // what the close date may take: the card's width less the value, a
    // space and the flags
    let date_room = w.saturating_sub(width(&value) + 1 + width(&flags));
    let close = o
        .expected_close
        .map_or(i18n::t("no close").to_owned(), |d| {
            card_date(d, app.today, date_room)
        });
    let close_style = match o.expected_close {
        Some(d) if d < app.today => t.warning(),
        _ => Style::new(),
    };
    let used = width(&value) + width(&close);
    let figures = if used + 1 + width(&flags) <= w {
        let gap = " ".repeat(w - used - width(&flags));
        Line::from(vec![
            Span::raw(value),
            Span::styled(close, close_style),
            Span::raw(gap),
            Span::styled(flags, t.error()),
        ])
    } else {
        let text = format!("{value}{close} {flags}");
        Line::from(truncate(text.trim_end(), w).into_owned())
    };
    let mut lines = vec![title, account, figures];
    if roomy {
        let owner = clean(&o.owner).into_owned();
        // the days first: an owner's long name is what gets cut
        let text = match (o.days_in_stage(app.today), owner.is_empty()) {
            // the long form on wide columns only, so that every card of a
            // board reads alike
            (Some(d), false) if w >= 30 => tf!("{d} d in stage · {owner}", d, owner),
            (Some(d), false) => tf!("{d} d · {owner}", d, owner),
            (Some(d), true) => tf!("{d} d in stage", d),
            (None, _) => owner,
        };
        lines.push(Line::styled(truncate(&text, w).into_owned(), t.dim()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_shows_the_whole_date_where_a_year_alone_would_show_and_it_fits() {
        let d = |s| crate::domain::Date::parse(s).unwrap();
        let today = d("2026-11-23");
        assert_eq!(super::card_date(d("2027-01-15"), today, 20), "01-15");
        assert_eq!(super::card_date(d("2027-09-30"), today, 10), "2027-09-30");
        assert_eq!(super::card_date(d("2027-09-30"), today, 9), "2027");
    }

    #[test]
    fn as_many_columns_as_fit_and_the_selected_one_in_sight() {
        assert_eq!(columns_that_fit(43), 2, "80 columns: the table's area");
        assert_eq!(columns_that_fit(10), 1);
        assert_eq!(columns_that_fit(300), 5);
        assert_eq!(first_column(0, 2, 2), 1, "right: scrolls just enough");
        assert_eq!(first_column(1, 1, 2), 1, "back in sight: stays");
        assert_eq!(first_column(3, 0, 2), 0);
        assert_eq!(first_column(4, 4, 2), 3, "never past the last column");
        assert_eq!(first_column(2, 3, 5), 0);
    }
}
