//! View 7, Forecast: won, commit, best case and pipeline against the
//! target, as a chart of stacked bars (the period, then its months, the
//! target a mark on each), the table of figures with its cursor, what the
//! gap and the coverage mean, and what moved since the last review. Enter
//! on a figure lists the deals behind it over the screen.
//!
//! The parts of a bar are told apart by the glyph (█ ▓ ▒ ░) as well as the
//! colour, so the chart still reads with `NO_COLOR`.

use super::{compact, pad_left, pad_right, wrapped_or_cut};
use crate::domain::Money;
use crate::domain::forecast::{Bucket, Forecast};
use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::forecast::{Column, DealList, Row};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// From this width on the chart and the table sit side by side.
const TWO_COLUMNS: u16 = 120;

/// The parts of a bar, in their order from the left.
const STACK: [Bucket; 4] = [
    Bucket::Won,
    Bucket::Commit,
    Bucket::BestCase,
    Bucket::Pipeline,
];

/// The target's mark on a bar.
const TARGET: &str = "┃";

fn glyph(b: Bucket) -> &'static str {
    match b {
        Bucket::Won => "█",
        Bucket::Commit => "▓",
        Bucket::BestCase => "▒",
        Bucket::Pipeline => "░",
        Bucket::Omitted => "·",
    }
}

/// The name of the "everyone" owner.
fn everyone() -> &'static str {
    i18n::t("everyone")
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let state = &app.screens.forecast;
    let Some(f) = &state.forecast else {
        return;
    };
    let owner = state
        .owner
        .as_deref()
        .map_or_else(|| everyone().to_owned(), |o| clean(o).into_owned());
    let title = format!(
        " {} ",
        tf!(
            "Forecast · {period} · {owner}",
            period = f.period.label(),
            owner
        )
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let columns = &state.columns;
    let selected = columns.get(state.col).unwrap_or(&columns[0]);
    if area.width >= TWO_COLUMNS {
        let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
            .spacing(3)
            .areas(inner);
        // bars as tall as the height allows, up to 4 rows, with the
        // reading (up to 4 lines) under them
        let bars = columns.len().max(1) as u16;
        let tall = (left.height.saturating_sub(2 + 5) / bars)
            .saturating_sub(1)
            .clamp(1, 4);
        let chart_lines = chart(columns, usize::from(left.width), usize::from(tall), t);
        let chart_h = chart_lines.len() as u16;
        let [chart_area, reading_area] =
            Layout::vertical([Constraint::Length(chart_h), Constraint::Fill(1)]).areas(left);
        frame.render_widget(Paragraph::new(chart_lines), chart_area);
        let mut reading_lines = vec![Line::raw("")];
        reading_lines.extend(reading(selected, app.today, t));
        reading_lines.push(Line::raw(""));
        let w = usize::from(reading_area.width);
        let reading_lines = super::wrapped(reading_lines, w);
        let [reading_area, preview_area] = Layout::vertical([
            Constraint::Length(reading_lines.len() as u16),
            Constraint::Fill(1),
        ])
        .areas(reading_area);
        frame.render_widget(Paragraph::new(reading_lines), reading_area);
        draw_preview(app, frame, preview_area);
        let table_lines = table(app, columns, usize::from(right.width));
        let table_h = table_lines.len() as u16 + 1;
        let [table_area, moves_area] =
            Layout::vertical([Constraint::Length(table_h), Constraint::Fill(1)]).areas(right);
        frame.render_widget(Paragraph::new(table_lines), table_area);
        draw_moves(app, f, frame, moves_area);
    } else {
        let w = usize::from(inner.width);
        let chart_lines = chart(columns, w, 1, t);
        let table_lines = table(app, columns, w);
        let [chart_area, table_area, reading_area, moves_area] = Layout::vertical([
            Constraint::Length(chart_lines.len() as u16),
            Constraint::Length(table_lines.len() as u16),
            Constraint::Max(3),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(chart_lines), chart_area);
        frame.render_widget(Paragraph::new(table_lines), table_area);
        let h = usize::from(reading_area.height);
        frame.render_widget(
            Paragraph::new(wrapped_or_cut(reading(selected, app.today, t), w, h)),
            reading_area,
        );
        draw_moves(app, f, frame, moves_area);
    }
    if let Some(list) = &state.deals {
        draw_deals(app, list, frame, area);
    }
}

/// The legend, then a bar for the period and one for each month: `tall`
/// rows each (a blank row between them when taller than one).
fn chart(columns: &[Column], w: usize, tall: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut legend: Vec<Span<'static>> = vec![Span::raw(" ")];
    for b in STACK {
        legend.push(Span::styled(glyph(b), t.bucket(b)));
        legend.push(Span::raw(format!(" {}  ", b.label())));
    }
    legend.push(Span::styled(TARGET, t.target()));
    legend.push(Span::raw(format!(" {}", i18n::t("target"))));
    out.push(Line::from(legend));
    if tall > 1 {
        out.push(Line::raw(""));
    }
    // one scale for the period and its months, so that no month looks
    // bigger than the quarter that holds it
    let scale = columns
        .iter()
        .map(|c| total(c).max(c.target.unwrap_or(Money::ZERO)).0)
        .max()
        .unwrap_or(0);
    const LABEL: usize = 6;
    const FIGURES: usize = 22;
    let room = w.saturating_sub(1 + LABEL + 1 + 1 + FIGURES);
    {
        for c in columns {
            let bar = bar(c, scale, room, t);
            let figures = match c.target {
                Some(target) => tf!(
                    "{sum} of {target}",
                    sum = compact(total(c)),
                    target = compact(target)
                ),
                None => compact(total(c)),
            };
            for row in 0..tall {
                let label = if row == 0 {
                    c.period.short()
                } else {
                    String::new()
                };
                let mut spans = vec![Span::raw(format!(" {} ", pad_right(&label, LABEL)))];
                spans.extend(bar.clone());
                if row == 0 {
                    spans.push(Span::styled(
                        format!(" {}", pad_left(&figures, FIGURES)),
                        t.dim(),
                    ));
                }
                out.push(Line::from(spans));
            }
            if tall > 1 {
                out.push(Line::raw(""));
            }
        }
    }
    out
}

/// Won + commit + best case + pipeline: all a bar shows.
fn total(c: &Column) -> Money {
    c.figures.won + c.figures.open()
}

/// One bar of `room` cells on a scale of `scale` cents: its parts, the
/// target's mark over the cell where the target falls.
fn bar(c: &Column, scale: i64, room: usize, t: &Theme) -> Vec<Span<'static>> {
    let at = |cents: i64| -> usize {
        if scale <= 0 {
            return 0;
        }
        ((cents as f64 / scale as f64) * room as f64).round() as usize
    };
    // the cell of each part, cumulated so the parts add up to the whole
    let mut cells: Vec<(&'static str, Style)> = Vec::with_capacity(room);
    let mut sum = 0;
    for b in STACK {
        let part = c.figures.get(b).0;
        if part <= 0 {
            continue;
        }
        sum = part.saturating_add(sum);
        // any part at all shows, one cell at least
        let end = at(sum).max(cells.len() + 1).min(room);
        while cells.len() < end {
            cells.push((glyph(b), t.bucket(b)));
        }
    }
    while cells.len() < room {
        cells.push((" ", Style::new()));
    }
    if let Some(target) = c.target
        && room > 0
    {
        let x = at(target.0).min(room - 1);
        cells[x] = (TARGET, t.target());
    }
    // runs of the same glyph as one span
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut style = Style::new();
    let mut last: Option<&str> = None;
    for (g, s) in cells {
        if last != Some(g) && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run.push_str(g);
        style = s;
        last = Some(g);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style));
    }
    spans
}

/// An amount in a cell of `cols` columns: exact when it fits, else short
/// (a negative gap keeps its sign in both).
fn amount(m: Money, cols: usize) -> String {
    let exact = m.grouped();
    if width(&exact) <= cols {
        exact
    } else {
        compact(m)
    }
}

/// The text of one cell of the table.
fn cell(c: &Column, row: Row, cols: usize) -> String {
    match row {
        Row::Coverage => c.coverage().map_or("—".to_owned(), |x| format!("{x:.1}×")),
        _ => crate::tui::screens::forecast::amount(c, row)
            .map_or("—".to_owned(), |m| amount(m, cols)),
    }
}

/// The table of figures: a row per figure, a column for the period and
/// for each month; the cursor's cell lit.
fn table(app: &App, columns: &[Column], w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let state = &app.screens.forecast;
    const LABEL: usize = 14;
    let n = columns.len().max(1);
    let cols = (w.saturating_sub(1 + LABEL) / n).clamp(6, 16);
    let mut out = Vec::new();
    let mut head = vec![Span::raw(format!(" {}", " ".repeat(LABEL)))];
    for (i, c) in columns.iter().enumerate() {
        let name = if c.month.is_some() {
            c.period.short()
        } else {
            c.period.label()
        };
        let style = if i == state.col {
            t.focused_heading()
        } else {
            t.heading()
        };
        head.push(Span::raw(" "));
        head.push(Span::styled(
            pad_left(&truncate(&name, cols - 1), cols - 1),
            style,
        ));
    }
    out.push(Line::from(head));
    for (r, row) in Row::ALL.into_iter().enumerate() {
        let mark = match row {
            Row::Bucket(b) => Span::styled(format!("{} ", glyph(b)), t.bucket(b)),
            Row::Target => Span::styled(format!("{TARGET} "), t.target()),
            _ => Span::raw("  "),
        };
        let label = truncate(&row.label(), LABEL - 2).into_owned();
        let mut spans = vec![
            Span::raw(" "),
            mark,
            Span::styled(pad_right(&label, LABEL - 2), row_style(row, t)),
        ];
        for (i, c) in columns.iter().enumerate() {
            let text = pad_left(&cell(c, row, cols - 1), cols - 1);
            spans.push(Span::raw(" "));
            let style = if r == state.row && i == state.col {
                t.selected()
            } else {
                cell_style(c, row, t)
            };
            spans.push(Span::styled(text, style));
        }
        out.push(Line::from(spans));
    }
    out
}

fn row_style(row: Row, t: &Theme) -> Style {
    match row {
        Row::Gap | Row::Coverage | Row::Target => t.heading(),
        _ => Style::new(),
    }
}

/// A gap still open in warning, a coverage under the rule of thumb too.
fn cell_style(c: &Column, row: Row, t: &Theme) -> Style {
    match row {
        Row::Gap => match c.gap() {
            Some(g) if g.0 <= 0 => t.good(),
            _ => Style::new(),
        },
        Row::Coverage => match c.coverage() {
            Some(x) if crate::domain::forecast::healthy(x) => t.good(),
            Some(_) => t.warning(),
            None => Style::new(),
        },
        _ => Style::new(),
    }
}

/// What the gap and the coverage of the column under the cursor mean.
fn reading(c: &Column, today: crate::domain::Date, t: &Theme) -> Vec<Line<'static>> {
    let period = c.period.label();
    let Some(target) = c.target else {
        return vec![Line::styled(
            format!(
                " {}",
                tf!("{period}: no target: T sets one", period = period.as_str())
            ),
            t.warning(),
        )];
    };
    let won = c.figures.won;
    let gap = c.gap().unwrap_or(target);
    if gap.0 <= 0 {
        return vec![Line::styled(
            format!(
                " {}",
                tf!(
                    "{period}: target met: won {won} of {target}",
                    period = period.as_str(),
                    won = won.grouped(),
                    target = target.grouped()
                )
            ),
            t.good(),
        )];
    }
    if c.period.to() < today {
        // over: nothing left to cover, only the miss to learn from
        return vec![Line::styled(
            format!(
                " {}",
                tf!(
                    "{period} is over: missed by {gap} (won {won} of {target})",
                    period = period.as_str(),
                    gap = gap.grouped(),
                    won = won.grouped(),
                    target = target.grouped()
                )
            ),
            t.warning(),
        )];
    }
    let mut out = vec![Line::raw(format!(
        " {}",
        tf!(
            "{period}: gap {gap}: won {won} of {target}",
            period = period.as_str(),
            gap = gap.grouped(),
            won = won.grouped(),
            target = target.grouped()
        )
    ))];
    let x = c.coverage().unwrap_or(0.0);
    let x = format!("{x:.1}");
    let (text, style) = if c.coverage().is_some_and(crate::domain::forecast::healthy) {
        (
            tf!(
                "coverage {x}× of the gap: healthy at 3× or more (about one open deal in three is won)",
                x
            ),
            t.good(),
        )
    } else {
        (
            tf!(
                "coverage {x}× of the gap: thin, healthy is 3× or more (about one open deal in three is won)",
                x
            ),
            t.warning(),
        )
    };
    out.push(Line::styled(format!(" {text}"), style));
    out
}

/// What moved since the last review: pulled in, pushed out, category
/// changed, with the deals' titles.
fn draw_moves(app: &App, f: &Forecast, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let m = &f.moves;
    let title = |id: &str| {
        app.ws
            .opportunity(id)
            .map_or(id.to_owned(), |o| clean(&o.title).into_owned())
    };
    let mut lines = Vec::new();
    let Some(since) = m.since else {
        lines.push(Line::styled(
            format!(" {}", i18n::t("Moves: no review yet (view 5 records one)")),
            t.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    lines.push(Line::styled(
        format!(
            " {}",
            tf!(
                "Moves since the review of {date}",
                date = crate::i18n::numbers::long_date(since)
            )
        ),
        t.heading(),
    ));
    if m.is_empty() {
        lines.push(Line::styled(
            format!(" {}", i18n::t("nothing moved")),
            t.dim(),
        ));
    }
    // each with its close date then and now: which way it went
    let list = |ids: &[String]| {
        ids.iter()
            .map(|id| match m.dates(id) {
                Some(d) => {
                    let day = |d: Option<crate::domain::Date>| {
                        d.map_or_else(|| "—".to_owned(), |d| d.to_string()) // i18n-exempt: a dash for no date
                    };
                    tf!(
                        "{title} ({change})",
                        title = title(id),
                        change = format!("{} → {}", day(d.from), day(d.to)) // i18n-exempt: two dates and an arrow
                    )
                }
                None => title(id),
            })
            .collect::<Vec<_>>()
            .join(i18n::t("; "))
    };
    if !m.pulled_in.is_empty() {
        lines.push(Line::raw(format!(
            " ↑ {}",
            tf!("into the period: {deals}", deals = list(&m.pulled_in))
        )));
    }
    if !m.pushed_out.is_empty() {
        lines.push(Line::styled(
            format!(
                " ↓ {}",
                tf!("out of the period: {deals}", deals = list(&m.pushed_out))
            ),
            t.warning(),
        ));
    }
    for (id, from, to) in &m.category_changed {
        lines.push(Line::raw(format!(
            " ↔ {}",
            tf!(
                "{deal}: {from} → {to}",
                deal = title(id),
                from = from.label(),
                to = to.label()
            )
        )));
    }
    let (w, h) = (usize::from(area.width), usize::from(area.height));
    let mut lines = super::wrapped(lines, w);
    // what does not fit is counted, never dropped silently; with room for
    // two lines only, a move is worth more than the heading
    if lines.len() > h && h == 2 {
        lines.remove(0);
    }
    if lines.len() > h && h > 0 {
        let more = lines.len() - (h - 1);
        lines.truncate(h - 1);
        let note = tf!("… {more} more lines: funnel forecast lists them all", more);
        lines.push(Line::styled(
            format!(" {}", truncate(&note, w.saturating_sub(1))),
            t.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The deals behind a figure, over the screen: title, account, value,
/// close date, category (set or from the probability).
fn draw_deals(app: &App, list: &DealList, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width.saturating_sub(4).min(120);
    let rows = list.ids.len();
    let h = (rows as u16 + 3).min(area.height.saturating_sub(1)).max(4);
    // at the bottom of the screen: the chart and the figure stay in view
    let box_area = Rect::new(
        area.x + (area.width - w) / 2,
        area.bottom().saturating_sub(h),
        w,
        h,
    );
    super::dialogs::clear(frame, box_area);
    // the figure's count as it is now: a deal whose category was cycled
    // here stays listed with its new one, but no longer counts
    let behind = app.screens.forecast.forecast.as_ref().map_or(rows, |f| {
        let now: std::collections::HashSet<&str> = f
            .deals
            .iter()
            .filter(|d| d.bucket == list.bucket)
            .filter_map(|d| app.ws.opportunities.get(d.index))
            .map(|o| o.id.as_str())
            .collect();
        list.ids
            .iter()
            .filter(|id| now.contains(id.as_str()))
            .count()
    });
    let block = Block::bordered().title(Span::styled(
        deals_title(list.bucket, list.period, behind),
        t.focused_heading(),
    ));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let visible = usize::from(inner.height.saturating_sub(1));
    let lines = deal_rows(app, &list.ids, inner.width, Some(list.cursor.at()), visible);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// ` best case · 2026-Q4 · 2 deals `.
fn deals_title(bucket: Bucket, period: crate::domain::Period, n: usize) -> String {
    format!(
        " {} ",
        tf!(
            "{figure} · {period} · {n}",
            figure = bucket.label(),
            period = period.label(),
            n = crate::text::count(n as i64, "deal", "deals")
        )
    )
}

/// The wide screen's room under the reading: the deals behind the figure
/// under the cursor, before Enter lists them.
fn draw_preview(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let Some((bucket, period, ids)) = app.screens.forecast.behind(&app.ws) else {
        return;
    };
    if area.height < 3 || ids.is_empty() {
        return;
    }
    let mut lines = vec![Line::styled(
        format!(" {}", deals_title(bucket, period, ids.len()).trim()),
        t.heading(),
    )];
    let visible = usize::from(area.height.saturating_sub(2));
    let rows = deal_rows(app, &ids, area.width, None, visible);
    let more = ids.len().saturating_sub(visible);
    lines.extend(rows);
    if more > 0 {
        lines.push(Line::styled(
            format!(" {}", tf!("… {n} more: Enter lists them all", n = more)),
            t.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A header and a row per deal of `ids` (the `visible` around the
/// selection, when there is one), `width` columns wide.
fn deal_rows(
    app: &App,
    ids: &[String],
    width: u16,
    selected: Option<usize>,
    visible: usize,
) -> Vec<Line<'static>> {
    let t = &app.theme;
    let ws = &app.ws;
    let iw = usize::from(width);
    const VALUE: usize = 12;
    const DATE: usize = 10;
    const CATEGORY: usize = 22;
    let settings = &ws.settings;
    // the category column as wide as its longest text, the title the rest
    let category_of = |o: &crate::domain::Opportunity| match &o.outcome {
        Some(out) => out.result.label(),
        None => {
            let cat = crate::domain::forecast::category(o, settings).label();
            let how = match o.forecast_category {
                Some(_) => i18n::t("set").to_owned(),
                None => tf!("from {p}%", p = o.probability_used(settings).0),
            };
            format!("{cat} · {how}") // i18n-exempt: two words and a dot
        }
    };
    // the rows on screen only: a figure may have thousands of deals, and
    // each is found by its id
    let offset = selected.map_or(0, |at| at.saturating_sub(visible.saturating_sub(1)));
    let shown: Vec<(usize, &crate::domain::Opportunity, String)> = ids
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .filter_map(|(n, id)| ws.opportunity(id).map(|o| (n, o, category_of(o))))
        .collect();
    let category_w = shown
        .iter()
        .map(|(_, _, c)| crate::text::width(c))
        .chain([crate::text::width(i18n::t("category"))])
        .max()
        .unwrap_or(0)
        .min(CATEGORY);
    let account_w = (iw / 6).clamp(8, 24);
    // one space each before the five columns, one after the last
    let title_w = iw.saturating_sub(VALUE + DATE + category_w + account_w + 6);
    let mut lines = vec![Line::styled(
        format!(
            " {} {} {} {} {}",
            pad_right(&truncate(i18n::t("title"), title_w), title_w),
            pad_right(&truncate(i18n::t("account"), account_w), account_w),
            pad_left(i18n::t("value"), VALUE),
            pad_right(&truncate(i18n::t("close date"), DATE), DATE),
            i18n::t("category"),
        ),
        t.dim(),
    )];
    for (n, o, category) in shown {
        let account = ws
            .account(&o.account)
            .map_or(o.account.as_str(), |a| a.name.as_str());
        let date = match &o.outcome {
            Some(out) => out.on.to_string(),
            None => o.expected_close.map_or("—".to_owned(), |d| d.to_string()),
        };
        let text = format!(
            " {} {} {} {} {}",
            pad_right(&truncate(&clean(&o.title), title_w), title_w),
            pad_right(&truncate(&clean(account), account_w), account_w),
            pad_left(&amount(o.value, VALUE), VALUE),
            pad_right(&date, DATE),
            truncate(&category, category_w),
        );
        let style = if selected == Some(n) {
            t.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines
}
