//! View 6, Analysis: the sales result analysis drawn with bars: the results
//! and why, on the left; where in the process and against whom, on the
//! right (one column below 120 columns, scrolled with j and k).
//!
//! Won, lost and abandoned are told apart by the glyph (█ ▒ ░) as well as
//! the colour, so the bars still read with `NO_COLOR`.

use super::compact;
use super::{pad_left, pad_right};
use crate::domain::analysis::{Analysis, NO_COMPETITOR, NO_PRODUCT, NO_TIER, Reason, Split, Tally};
use crate::domain::{Money, OutcomeResult, Tier};
use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::analysis::{
    LEFT, Part, RIGHT, TWO_COLUMNS, body_lines, content_height, visible_rows,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Columns of a row's name.
const NAME: usize = 18;
/// Columns of a row's figures at its right end.
const FIGURES: usize = 20;

const WON: &str = "█";
const LOST: &str = "▒";
const ABANDONED: &str = "░";

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let Some(a) = &app.screens.analysis.analysis else {
        return;
    };
    let size = (area.width, area.height.saturating_add(2));
    let visible = visible_rows(size.1);
    let content = content_height(a, area.width);
    // the scroll the keys set, kept inside the page after a resize
    let scroll = app
        .screens
        .analysis
        .scroll
        .at()
        .min(content.saturating_sub(visible));
    let mut title = format!(
        " {} ",
        tf!(
            "Sales result analysis · closed {from} – {to}",
            from = a.from,
            to = a.to
        )
    );
    if content > visible {
        title.push_str(&format!(
            "· {}–{}/{content} j k ",
            scroll + 1,
            (scroll + visible).min(content)
        ));
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let currency = clean(&app.ws.settings.currency).into_owned();
    if area.width >= TWO_COLUMNS {
        let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
            .spacing(3)
            .areas(inner);
        for (parts, col) in [(&LEFT, left), (&RIGHT, right)] {
            let lines = column(parts, a, &currency, col.width, t);
            render(frame, lines, scroll, col);
        }
    } else {
        let mut lines = column(&LEFT, a, &currency, inner.width, t);
        lines.extend(column(&RIGHT, a, &currency, inner.width, t));
        render(frame, lines, scroll, inner);
    }
}

fn render(frame: &mut Frame, lines: Vec<Line<'static>>, scroll: usize, area: Rect) {
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The parts one under the other, at `w` columns.
fn column(parts: &[Part], a: &Analysis, cur: &str, w: u16, t: &Theme) -> Vec<Line<'static>> {
    let w = usize::from(w);
    let mut out = Vec::new();
    for part in parts {
        let before = out.len();
        part_lines(*part, a, cur, w, t, &mut out);
        // the heights the scroll is bounded by (screens::analysis) hold
        debug_assert_eq!(out.len() - before, body_lines(*part, a) + 1, "{part:?}");
        out.push(Line::raw(""));
    }
    out
}

/// The columns left for a bar between the name and the figures.
fn bar_room(w: usize) -> usize {
    w.saturating_sub(1 + NAME + 1 + 1 + FIGURES)
}

/// `text` cut and padded to exactly `cols` columns.
fn fit(text: &str, cols: usize) -> String {
    let cut = truncate(text, cols);
    format!("{cut}{}", " ".repeat(cols.saturating_sub(width(&cut))))
}

/// A heading, with the figures' labels over the figures' column.
fn heading(text: &str, labels: &str, w: usize, t: &Theme) -> Line<'static> {
    let left = w.saturating_sub(FIGURES + 1);
    Line::from(vec![
        Span::styled(fit(text, left), t.heading()),
        Span::styled(format!(" {}", pad_left(labels, FIGURES)), t.dim()),
    ])
}

/// ` name  bar  figures`.
fn row(name: &str, bar: Vec<Span<'static>>, figures: String, w: usize) -> Line<'static> {
    let room = bar_room(w);
    let used: usize = bar.iter().map(|s| width(&s.content)).sum();
    let mut spans = vec![Span::raw(format!(" {} ", fit(name, NAME)))];
    spans.extend(bar);
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used) + 1)));
    spans.push(Span::raw(pad_left(&figures, FIGURES)));
    Line::from(spans)
}

/// `n` cells of `glyph`.
fn cells(glyph: &str, n: usize, style: Style) -> Span<'static> {
    Span::styled(glyph.repeat(n), style)
}

/// A bar `part / whole` of `room` cells, at least one cell for any part.
fn scaled(part: f64, whole: f64, room: usize) -> usize {
    if part <= 0.0 || whole <= 0.0 {
        return 0;
    }
    ((part / whole * room as f64).round() as usize).clamp(1, room.max(1))
}

/// A row's won, lost and abandoned deals as one bar, its length the row's
/// deals against the largest row's.
fn tally_bar(x: &Tally, largest: usize, room: usize, t: &Theme) -> Vec<Span<'static>> {
    let total = scaled(x.count() as f64, largest as f64, room);
    let n = x.count().max(1) as f64;
    let won = ((x.won.count as f64 / n) * total as f64).round() as usize;
    let lost = (((x.lost.count as f64 / n) * total as f64).round() as usize).min(total - won);
    let abandoned = total - won - lost;
    vec![
        cells(WON, won, t.good()),
        cells(LOST, lost, t.error()),
        cells(ABANDONED, abandoned, t.dim()),
    ]
}

fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{:.0}%", x * 100.0))
}

/// An amount in at most `cols` columns: exact when it fits.
fn amount(m: Money, cols: usize) -> String {
    let exact = m.grouped();
    if exact.len() <= cols {
        exact
    } else {
        compact(m)
    }
}

fn tally_figures(x: &Tally) -> String {
    format!(
        "{:>4} {:>4} {:>4} {:>5}",
        x.won.count,
        x.lost.count,
        x.abandoned.count,
        pct(x.win_rate())
    )
}

fn part_lines(
    part: Part,
    a: &Analysis,
    cur: &str,
    w: usize,
    t: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let room = bar_room(w);
    let tallies = |title: &str, rows: Vec<(String, Tally)>, out: &mut Vec<Line<'static>>| {
        out.push(heading(title, i18n::t("won lost  ab.  rate"), w, t));
        let largest = rows.iter().map(|(_, x)| x.count()).max().unwrap_or(0);
        if rows.is_empty() {
            out.push(Line::styled(format!(" {}", i18n::t("none")), t.dim()));
        }
        for (name, x) in &rows {
            let bar = tally_bar(x, largest, room, t);
            out.push(row(name, bar, tally_figures(x), w));
        }
    };
    let rows = |list: &[crate::domain::analysis::Row]| {
        list.iter()
            .map(|r| (row_name(part, &r.name), r.tally))
            .collect::<Vec<_>>()
    };
    match part {
        Part::Results => results(a, cur, w, t, out),
        Part::People => people(a, w, t, out),
        Part::LossReasons => reasons(
            i18n::t("Why we lose: lost and abandoned, by value"),
            &a.by_reason,
            t.error(),
            w,
            t,
            out,
        ),
        Part::WinReasons => reasons(
            i18n::t("Why we win, by value"),
            &a.by_win_reason,
            t.good(),
            w,
            t,
            out,
        ),
        Part::Stages => tallies(
            &tf!(
                "By stage reached   {won} won {lost} lost {abandoned} abandoned",
                won = WON,
                lost = LOST,
                abandoned = ABANDONED
            ),
            a.by_stage_reached
                .iter()
                .map(|(s, x)| (s.name(), *x))
                .collect(),
            out,
        ),
        Part::Competitors => tallies(i18n::t("By competitor"), rows(&a.by_competitor), out),
        Part::Tiers => tallies(i18n::t("By account tier"), rows(&a.by_tier), out),
        Part::Products => tallies(i18n::t("By product"), rows(&a.by_product), out),
    }
}

/// A row's name for people: a tier in the reader's words, the rows for
/// no competitor, product or tier translated, the names as they are.
fn row_name(part: Part, name: &str) -> String {
    match name {
        NO_COMPETITOR | NO_PRODUCT | NO_TIER => i18n::t(name).to_owned(),
        _ if part == Part::Tiers => {
            Tier::parse(name).map_or(clean(name).into_owned(), |t| t.label())
        }
        _ => clean(name).into_owned(),
    }
}

fn results(a: &Analysis, cur: &str, w: usize, t: &Theme, out: &mut Vec<Line<'static>>) {
    let room = bar_room(w);
    let x = &a.total;
    let value_label = if cur.is_empty() {
        i18n::t("deals          value").to_owned()
    } else {
        tf!(
            "deals {currency}",
            currency = pad_left(&truncate(cur, 14), 14)
        )
    };
    out.push(heading(i18n::t("Results"), &value_label, w, t));
    if let Some((n, first, last)) = crate::tui::screens::analysis::hint(a) {
        out.push(Line::styled(
            truncate(
                &tf!("none here; {n} closed {first} – {last}", n, first, last),
                w,
            )
            .into_owned(),
            t.warning(),
        ));
    }
    let largest = [x.won.value, x.lost.value, x.abandoned.value]
        .into_iter()
        .max()
        .unwrap_or(Money::ZERO)
        .cents() as f64;
    for (result, sum, glyph, style) in [
        (OutcomeResult::Won, x.won, WON, t.good()),
        (OutcomeResult::Lost, x.lost, LOST, t.error()),
        (OutcomeResult::Abandoned, x.abandoned, ABANDONED, t.dim()),
    ] {
        let name = result.label();
        let n = scaled(sum.value.cents() as f64, largest, room);
        let figures = format!(
            "{:>5} {:>14}",
            super::grouped(sum.count),
            amount(sum.value, 14)
        );
        out.push(row(&name, vec![cells(glyph, n, style)], figures, w));
    }
    let decided = x.won.count + x.lost.count;
    let won = scaled(x.won.count as f64, decided as f64, room);
    let lost = if decided > 0 {
        room.saturating_sub(won)
    } else {
        0
    };
    out.push(row(
        i18n::t("win rate"),
        vec![cells(WON, won, t.good()), cells(LOST, lost, t.error())],
        format!(
            "{} {:>5}",
            tf!(
                "{won} of {decided}",
                won = super::grouped(x.won.count),
                decided = super::grouped(decided)
            ),
            pct(x.win_rate())
        ),
        w,
    ));
    let days = |d: Option<f64>| d.map_or("—".into(), |d| crate::text::days(d.round() as i64));
    out.push(Line::raw(format!(
        " {} {}",
        fit(i18n::t("average cycle"), NAME),
        tf!(
            "won {won} · lost {lost} (created → closed)",
            won = days(a.cycle_days.won),
            lost = days(a.cycle_days.lost)
        )
    )));
}

fn people(a: &Analysis, w: usize, t: &Theme, out: &mut Vec<Line<'static>>) {
    out.push(Line::styled(
        i18n::t("People: share of the won and of the lost deals"),
        t.heading(),
    ));
    // two bars side by side in the room after the name: "won ▇▇ 33%  lost ▇▇ 0%"
    let half = w.saturating_sub(1 + NAME + 1 + 2) / 2;
    let bar = half.saturating_sub(5 + 1 + 4).max(1);
    let share = |label: &str, x: Option<f64>, style: Style| -> Vec<Span<'static>> {
        let filled = x.map_or(0, |x| scaled(x, 1.0, bar));
        vec![
            Span::raw(pad_right(label, 5)),
            cells(WON, filled, style),
            cells("·", bar - filled, t.dim()),
            Span::raw(format!(" {:>4}", pct(x))),
        ]
    };
    for (name, s) in [
        (i18n::t("economic buyer met"), a.economic_buyer_met),
        (i18n::t("coach"), a.coach),
    ] {
        let Split { won, lost } = s;
        let mut spans = vec![Span::raw(format!(" {} ", fit(name, NAME)))];
        spans.extend(share(&OutcomeResult::Won.label(), won, t.good()));
        spans.push(Span::raw("  "));
        spans.extend(share(&OutcomeResult::Lost.label(), lost, t.error()));
        out.push(Line::from(spans));
    }
}

fn reasons(
    title: &str,
    list: &[Reason],
    style: Style,
    w: usize,
    t: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let room = bar_room(w);
    out.push(heading(title, i18n::t("deals          value"), w, t));
    if list.is_empty() {
        out.push(Line::styled(format!(" {}", i18n::t("none")), t.dim()));
    }
    let largest = list.first().map_or(0.0, |r| r.value.cents() as f64);
    for r in list {
        let n = scaled(r.value.cents() as f64, largest, room);
        let figures = format!("{:>5} {:>14}", super::grouped(r.count), amount(r.value, 14));
        out.push(row(
            &i18n::word("reason", &clean(&r.reason)),
            vec![cells(WON, n, style)],
            figures,
            w,
        ));
    }
}
