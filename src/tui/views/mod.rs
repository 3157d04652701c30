//! Drawing, pure: the whole screen is a function of the [`App`].

mod accounts;
mod action_list;
mod analysis;
mod blue_sheet;
mod board;
mod closed_list;
mod conflicts;
mod deal;
mod dialogs;
mod forecast;
mod funnel;
mod help;
mod influence_rows;
mod people;
mod pipeline;
pub(crate) mod political_map;
pub mod quick_add;
mod review;
mod review_done;

use super::app::{App, Tone};
use super::keymap;
use super::screens::ScreenId;
use crate::domain::{Date, Money};
use crate::i18n;
use crate::text::{clean, width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub use dialogs::entry_lines;
pub use help::layout as help_layout;

/// The smallest screen the workbench lays out.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    app.hits.clear();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = crate::tf!(
            "funnel needs a terminal of at least {min_w}×{min_h}; this one is {w}×{h}. Enlarge it (or press q to quit).",
            min_w = MIN_WIDTH,
            min_h = MIN_HEIGHT,
            w = area.width,
            h = area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let banners = banners(app);
    let [title, banner_area, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(app, frame, title);
    for (n, (text, style)) in banners.into_iter().enumerate() {
        let row = Rect {
            y: banner_area.y + n as u16,
            height: 1,
            ..banner_area
        };
        let text = crate::text::truncate(&text, usize::from(row.width)).into_owned();
        frame.render_widget(Paragraph::new(text).style(style), row);
    }
    match app.screen {
        ScreenId::Pipeline => pipeline::draw(app, frame, body),
        ScreenId::Actions => action_list::draw(app, frame, body),
        ScreenId::Review => review::draw(app, frame, body),
        ScreenId::Funnel => funnel::draw(app, frame, body),
        ScreenId::Accounts => accounts::draw(app, frame, body),
        ScreenId::Analysis => analysis::draw(app, frame, body),
        ScreenId::Forecast => forecast::draw(app, frame, body),
        ScreenId::People => people::draw(app, frame, body),
    }
    draw_bottom(app, frame, bottom);
    dialogs::draw(app, frame, area);
}

fn draw_title(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let right = format!("  {} ", crate::tf!("today {date}", date = app.today));
    // i18n-exempt: the product's name
    let mut left = vec![Span::styled(" funnel ", t.title()), Span::raw("·")];
    // Eight tabs and the date do not fit 80 columns: there the other tabs
    // show their number only, the one on display its name too.
    // (by display width: a tab's name may be Chinese)
    // The names are shown only if the demo's badge or the path keeps room
    // to be read (its first dozen columns): it says where edits go.
    let location = clean(crate::i18n::t(&app.location));
    let tabs: usize = ScreenId::ALL.iter().map(|s| 1 + width(s.tab())).sum();
    let badge = width(&location).min(12);
    let full = 9 + tabs + 2 + badge + width(&right) <= usize::from(area.width);
    // where each tab's label starts: after ` funnel ·` and a space
    let mut x = area.x + 9;
    for (n, screen) in ScreenId::ALL.into_iter().enumerate() {
        let (style, label) = if app.screen == screen {
            (t.key(), screen.tab())
        } else if full {
            (t.dim(), screen.tab())
        } else {
            (t.dim(), screen.tab().split(' ').next().unwrap_or(""))
        };
        left.push(Span::raw(" "));
        left.push(Span::styled(label, style));
        let tab = Rect::new(x + 1, area.y, width(label) as u16, 1).intersection(area);
        app.hits.tab(tab, n);
        x += 1 + width(label) as u16;
    }
    left.push(Span::raw("  "));
    // the demo's badge is a catalogue text; a path is itself in any
    // language. What does not fit before the date is cut with `…`.
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + width(&right));
    // a path keeps its end (the file's name), the demo's badge its start
    let cut = if location.contains(['/', '\\']) {
        crate::text::truncate_start(&location, room)
    } else {
        crate::text::truncate(&location, room)
    };
    left.push(Span::styled(cut.into_owned(), t.dim()));
    let [l, r] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width(&right) as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(right).style(t.dim()), r);
}

/// The lines above the view: why edits are refused or the file changed
/// on disk, and the merge conflicts left to resolve (spec section 13),
/// which every view shows until the last is resolved.
fn banners(app: &App) -> Vec<(String, Style)> {
    let t = &app.theme;
    let mut lines = Vec::new();
    if let Some(why) = &app.read_only {
        lines.push((format!(" {why}"), t.banner()));
    } else if app.disk_changed {
        lines.push((
            format!(
                " {}",
                i18n::t(
                    "File changed on disk: R reloads it. Edits made here now go to a conflict copy."
                )
            ),
            t.banner(),
        ));
    }
    let n = app.ws.conflicts.len();
    if n > 0 {
        let text = if n == 1 {
            i18n::t("1 merge conflict from git: press M to resolve it").to_owned()
        } else {
            crate::tf!(
                "{n} merge conflicts from git: press M to resolve them",
                n = grouped(n)
            )
        };
        lines.push((format!(" {text}"), t.banner()));
    }
    lines
}

fn draw_bottom(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    if let Some((text, tone)) = &app.status {
        let style = match tone {
            Tone::Info => Style::new(),
            Tone::Warning => t.warning(),
            Tone::Error => t.error(),
        };
        // cut with `…` where it does not fit: never silently mid-word
        let room = usize::from(area.width.saturating_sub(1));
        let text = crate::text::truncate(&clean(text), room).into_owned();
        frame.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    // a key shadowed here (the closed list's `b`) is not hinted; a hint
    // that does not fit is cut with `…` (`?` lists every key in full)
    // a key the workbench would refuse here is not offered: editing keys
    // while read-only, and on a closed deal all but reopening and undo
    let closed = app.screen == ScreenId::Pipeline && app.screens.pipeline.closed;
    let refused = |a: keymap::Action| {
        use keymap::Action::{Redo, Reopen, Undo};
        a.edits() && (app.read_only.is_some() || (closed && !matches!(a, Reopen | Undo | Redo)))
    };
    for b in keymap::bindings_in_effect(app.scopes())
        .into_iter()
        .filter(|b| b.hint && !refused(b.action))
    {
        let key = b.label.split(' ').next().unwrap_or(b.label);
        let text = format!(" {}  ", b.short());
        let need = crate::text::width(key) + crate::text::width(text.trim_end());
        let room = usize::from(area.width).saturating_sub(used);
        if need > room {
            // the last one that has room for a few words shows cut, marked
            let left = room.saturating_sub(crate::text::width(key) + 1);
            if left >= 8 {
                spans.push(Span::styled(key, t.key()));
                let cut = crate::text::truncate(text.trim(), left);
                spans.push(Span::raw(format!(" {cut}")));
            }
            break;
        }
        used += crate::text::width(key) + crate::text::width(&text);
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(text));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `lines` wrapped to `width` columns by display width, as
/// [`crate::text::wrap`] does: ratatui's `Wrap` could leave a double-width
/// character in a line's last column, one past the area (issue 16: full-width
/// commas spilled past the screen's edge). A line that fits keeps its spans;
/// one that is wrapped takes the style of its first span, and its indent.
pub(crate) fn wrapped(lines: Vec<Line<'_>>, width: usize) -> Vec<Line<'_>> {
    lines
        .into_iter()
        .flat_map(|line| {
            if line.width() <= width {
                return vec![line];
            }
            let style = line.spans.first().map_or(line.style, |s| s.style);
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            // continuation lines keep the line's indent, so an item reads
            // as one (up to half the width, so that words still fit)
            let indent = (text.len() - text.trim_start_matches(' ').len()).min(width / 2);
            let pad = " ".repeat(indent);
            crate::text::wrap(&text[indent..], width - indent)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!("{pad}{l}"), style)))
                .collect()
        })
        .collect()
}

/// `lines` cut to `width` columns, each cut one ending with `…`; a line
/// that fits keeps its spans, one that is cut takes its first span's style.
pub(crate) fn truncated(lines: Vec<Line<'_>>, width: usize) -> Vec<Line<'_>> {
    lines
        .into_iter()
        .map(|line| {
            if line.width() <= width {
                return line;
            }
            let style = line.spans.first().map_or(line.style, |s| s.style);
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            // the line's own style (a selected row's highlight) stays
            Line::from(Span::styled(
                crate::text::truncate(&text, width).into_owned(),
                style,
            ))
            .style(line.style)
        })
        .collect()
}

/// `lines` wrapped to `width` when that leaves them all within `height`
/// rows, else each cut with `…`: either way no text is lost silently
/// (issue 16), and the rows keep their order.
pub(crate) fn wrapped_or_cut(lines: Vec<Line<'_>>, width: usize, height: usize) -> Vec<Line<'_>> {
    let fits = lines
        .iter()
        .map(|l| crate::text::wrap(&l.to_string(), width).len().max(1))
        .sum::<usize>()
        <= height;
    if fits {
        wrapped(lines, width)
    } else {
        truncated(lines, width)
    }
}

/// The width of each column of a table `width` columns wide, as ratatui's
/// `Table` lays them out (`spacing` between columns, no selection
/// symbol): a cell's text is cut to it with `…` beforehand, where the table
/// would cut it silently.
pub(crate) fn column_widths(widths: &[Constraint], width: u16, spacing: u16) -> Vec<usize> {
    Layout::horizontal(widths.iter().copied())
        .spacing(spacing)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// A list's text cell cut to `width` columns with `…`; a marked row's text
/// starts with `● `, both in `marked_style`.
pub(crate) fn text_cell<'a>(
    text: &str,
    width: usize,
    marked: bool,
    marked_style: Style,
) -> ratatui::widgets::Cell<'a> {
    let text = clean(text);
    if marked {
        let text = crate::text::truncate(&text, width.saturating_sub(2)).into_owned();
        ratatui::widgets::Cell::from(Line::from(vec![
            Span::styled("● ", marked_style),
            Span::styled(text, marked_style),
        ]))
    } else {
        ratatui::widgets::Cell::from(crate::text::truncate(&text, width).into_owned())
    }
}

/// `2,089`: a count with its thousands grouped.
pub fn grouped(n: usize) -> String {
    crate::text::grouped(n)
}

/// Where the selection is in a list: `37 of 2,089`, `none` when it is
/// empty; with the filter on, the count is the filter's and the filter is
/// named: `12 of 40 (filter "acme")`.
pub fn position(at: usize, len: usize, filter: &str) -> String {
    let mut text = if len == 0 {
        i18n::t("none").to_owned()
    } else {
        crate::tf!(
            "{at} of {len}",
            at = grouped(at.min(len - 1) + 1),
            len = grouped(len)
        )
    };
    if !filter.is_empty() {
        text.push_str(&crate::tf!(
            " (filter \"{filter}\")",
            filter = clean(filter)
        ));
    }
    text
}

/// Records a list drawn as a window of `height` rows from `top` (its
/// first item line) in `area`, from item `offset` of `len`: the page a
/// PgDn moves by, and which item each line shows, for the mouse.
pub(crate) fn record_window(
    app: &App,
    list: crate::tui::cursor::List,
    (area, top): (Rect, u16),
    (offset, len, height): (usize, usize, usize),
) {
    app.pages.drawn(list, height);
    let shown = len.saturating_sub(offset).min(height);
    app.hits.list(
        list,
        area,
        top,
        (offset..offset + shown).map(Some).collect(),
    );
}

/// The frame of view 1's left pane (the table, the board, the closed
/// list): a rule above with the title, one on the right; the title lit
/// when the pane has the focus.
pub fn pane_block(app: &App, title: String, focused: bool) -> Block<'static> {
    let t = &app.theme;
    let heading = if focused {
        t.focused_heading()
    } else {
        t.heading()
    };
    Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(title, heading))
}

/// A list's title in `width` columns: ` Deals · 37 of 2,089 · sort: stage `.
/// The name and the position always show (cut at the end when even they do
/// not fit: a long filter); later parts only when they fit whole.
pub fn list_title(parts: &[&str], width: usize) -> String {
    let room = width.saturating_sub(2);
    let mut title = parts
        .iter()
        .take(2)
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    if crate::text::width(&title) > room {
        title = crate::text::truncate(&title, room).into_owned();
    }
    for part in parts.iter().skip(2) {
        if crate::text::width(&title) + 3 + crate::text::width(part) <= room {
            title.push_str(" · ");
            title.push_str(part);
        }
    }
    format!(" {title} ")
}

/// A date in a five-column cell: `01-08` within half a year of `today`
/// (so it can only be the nearest such day), else its year: an action two
/// years overdue never reads as next week.
pub fn short_date(d: Date, today: Date) -> String {
    let full = d.to_string();
    if today.days_until(d).abs() <= 182 {
        full[5..].to_owned()
    } else {
        full[..4].to_owned()
    }
}

/// `1.2M`, `437k`, `950`: amounts in a narrow column (`120万` where
/// `settings.number_style` counts in 万), as [`crate::i18n::numbers::compact`].
pub fn compact(m: Money) -> String {
    crate::i18n::numbers::compact(m)
}

/// `text` and blanks after it to `cols` display columns (a Chinese
/// character takes two): `format!("{:<n}")` counts characters.
pub(crate) fn pad_right(text: &str, cols: usize) -> String {
    format!("{text}{}", " ".repeat(cols.saturating_sub(width(text))))
}

/// Blanks and then `text` to `cols` display columns: `{:>n}` by width.
pub(crate) fn pad_left(text: &str, cols: usize) -> String {
    format!("{}{text}", " ".repeat(cols.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;
    use crate::i18n::Lang;

    #[test]
    fn chinese_stage_names_and_padding_go_by_display_width() {
        let zh = crate::i18n::Locale {
            lang: Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        assert_eq!(Stage::Negotiate.name(), "negotiate 商务洽谈");
        crate::i18n::with(zh, || {
            assert_eq!(Stage::Negotiate.name(), "商务洽谈");
            assert_eq!(compact(Money::from_units(1_200_000)), "120万");
            assert_eq!(position(36, 2089, ""), "37/2,089");
        });
        assert_eq!(pad_right("预算", 6), "预算  ");
        assert_eq!(pad_left("金额", 6), "  金额");
        assert_eq!(pad_left("value", 3), "value");
    }

    #[test]
    fn compact_amounts_fit_six_columns() {
        assert_eq!(compact(Money::from_units(1_200_000)), "1.2M");
        assert_eq!(compact(Money::from_units(25_000_000)), "25M");
        assert_eq!(compact(Money(43_680_035)), "437k");
        assert_eq!(compact(Money::from_units(1_500)), "1.5k");
        assert_eq!(compact(Money::from_units(950)), "950");
    }

    #[test]
    fn list_titles_show_the_position_and_drop_what_does_not_fit() {
        assert_eq!(position(36, 2089, ""), "37 of 2,089");
        assert_eq!(position(0, 0, ""), "none");
        assert_eq!(position(11, 40, "acme"), "12 of 40 (filter \"acme\")");
        let parts = ["Deals", "37 of 2,089", "sort: stage"];
        assert_eq!(
            list_title(&parts, 80),
            " Deals · 37 of 2,089 · sort: stage "
        );
        assert_eq!(list_title(&parts, 30), " Deals · 37 of 2,089 ");
        let long = position(0, 3, "a very long filter text indeed");
        let t = list_title(&["Deals", &long, "sort: stage"], 30);
        assert!(crate::text::width(&t) <= 30, "{t}");
        assert!(t.starts_with(" Deals · 1 of 3 (filter"), "{t}");
    }

    #[test]
    fn short_dates_show_the_year_when_month_and_day_would_mislead() {
        let today = Date::parse("2026-11-30").unwrap();
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(short_date(d("2027-01-15"), today), "01-15");
        assert_eq!(short_date(d("2026-06-01"), today), "06-01");
        assert_eq!(short_date(d("2026-01-15"), today), "2026");
        assert_eq!(short_date(d("2023-11-08"), today), "2023");
        assert_eq!(short_date(d("2027-09-30"), today), "2027");
    }
}
