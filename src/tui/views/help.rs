//! The `?` overlay: every key of the focused place with its whole help
//! text, wrapped. Side by side in as many columns as the screen has room
//! for; when even that does not hold them, one column that scrolls (`j`
//! `k` PgDn PgUp), so no key and no word of a help text is ever cut.

use crate::text::width;
use crate::tui::app::App;
use crate::tui::keymap::{self, Scope};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The widest a column gets: longer lines are hard to read.
const MAX_COLUMN: usize = 96;
/// The narrowest column worth putting beside another.
const MIN_COLUMN: usize = 56;

/// One line of the overlay: the key label on a binding's first line, the
/// text (a piece of the help, wrapped).
struct Row {
    key: Option<&'static str>,
    text: String,
}

/// How the overlay is laid out on a screen: its columns (each a list of
/// rows), the box's size, and whether it scrolls (one column then).
pub struct Page {
    columns: Vec<Vec<Row>>,
    key_width: usize,
    width: u16,
    height: u16,
    /// The rows shown at once, when it scrolls.
    pub window: Option<usize>,
}

impl Page {
    /// How many rows the one scrolling column has.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }
}

/// The overlay for `scopes` on a screen of `area`.
pub fn layout(scopes: &[Scope], area: Rect) -> Page {
    let bindings: Vec<&'static keymap::Binding> = keymap::bindings_in_effect(scopes)
        .into_iter()
        .chain(keymap::bindings_for(&[Scope::Help]))
        .collect();
    let key_width = bindings.iter().map(|b| width(b.label)).max().unwrap_or(0);
    // borders, a blank line and the footer take four rows
    let room = usize::from(area.height.saturating_sub(4)).max(1);
    let inner = usize::from(area.width.saturating_sub(2));
    let wrap = |column: usize| -> Vec<Vec<Row>> {
        let text_width = column.saturating_sub(key_width + 4).max(8);
        bindings
            .iter()
            .map(|b| {
                crate::text::wrap(b.text(), text_width)
                    .into_iter()
                    .enumerate()
                    .map(|(n, text)| Row {
                        key: (n == 0).then_some(b.label),
                        text,
                    })
                    .collect()
            })
            .collect()
    };
    let most = (inner / MIN_COLUMN).clamp(1, 4);
    for count in 1..=most {
        let column = (inner / count).min(MAX_COLUMN);
        if let Some(columns) = fill(wrap(column), count, room) {
            let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
            return Page {
                columns,
                key_width,
                width: (column * count + 2) as u16,
                height: (tallest + 4) as u16,
                window: None,
            };
        }
    }
    let column = inner.min(MAX_COLUMN);
    let rows: Vec<Row> = wrap(column).into_iter().flatten().collect();
    Page {
        columns: vec![rows],
        key_width,
        width: (column + 2) as u16,
        height: area.height,
        window: Some(room),
    }
}

/// The bindings' rows in `count` columns of at most `room` rows, a
/// binding never split between two; `None` when they do not fit.
fn fill(bindings: Vec<Vec<Row>>, count: usize, room: usize) -> Option<Vec<Vec<Row>>> {
    let sizes: Vec<usize> = bindings.iter().map(Vec::len).collect();
    let total: usize = sizes.iter().sum();
    // the least height that holds every binding in `count` columns
    let height = (total.div_ceil(count).max(1)..=room).find(|h| columns(&sizes, *h) <= count)?;
    let mut out: Vec<Vec<Row>> = vec![Vec::new()];
    for rows in bindings {
        if out
            .last()
            .is_some_and(|c| !c.is_empty() && c.len() + rows.len() > height)
        {
            out.push(Vec::new());
        }
        out.last_mut()?.extend(rows);
    }
    Some(out)
}

/// How many columns of `height` rows bindings of these sizes take, in
/// order; more than any screen has when one is taller than a column.
fn columns(sizes: &[usize], height: usize) -> usize {
    let mut count = 1;
    let mut used = 0;
    for &n in sizes {
        if n > height {
            return usize::MAX;
        }
        if used + n > height {
            count += 1;
            used = 0;
        }
        used += n;
    }
    count
}

/// The overlay's title: the keys of `place` (what `App::place` calls it).
/// A whole title per place, as some of the words are also count nouns
/// (`3 actions`) whose Chinese takes a measure word.
fn title(place: &str) -> String {
    use crate::i18n::t;
    let whole = match place {
        "opportunities" => t(" Keys · opportunities "), // i18n-exempt: a place's name
        "qualification" => t(" Keys · qualification "), // i18n-exempt: a place's name
        "buying influences" => t(" Keys · buying influences "), // i18n-exempt: a place's name
        "red flags" => t(" Keys · red flags "),         // i18n-exempt: a place's name
        "actions" => t(" Keys · actions "),             // i18n-exempt: a place's name
        "log" => t(" Keys · log "),                     // i18n-exempt: a place's name
        "strategy" => t(" Keys · strategy "),           // i18n-exempt: a place's name
        "competition" => t(" Keys · competition "),     // i18n-exempt: a place's name
        "decision criteria" => t(" Keys · decision criteria "), // i18n-exempt: a place's name
        "close plan" => t(" Keys · close plan "),       // i18n-exempt: a place's name
        "closed deals" => t(" Keys · closed deals "),   // i18n-exempt: a place's name
        "board" => t(" Keys · board "),                 // i18n-exempt: a place's name
        "action list" => t(" Keys · action list "),     // i18n-exempt: a place's name
        "funnel" => t(" Keys · funnel "),               // i18n-exempt: a place's name
        "accounts" => t(" Keys · accounts "),           // i18n-exempt: a place's name
        "weekly review" => t(" Keys · weekly review "), // i18n-exempt: a place's name
        "sales result analysis" => t(" Keys · sales result analysis "), // i18n-exempt: a place's name
        "forecast" => t(" Keys · forecast "), // i18n-exempt: a place's name
        "forecast deals" => t(" Keys · the deals behind a figure "), // i18n-exempt: a place's name
        "people" => t(" Keys · people "),     // i18n-exempt: a place's name
        "account profile" => t(" Keys · account profile "), // i18n-exempt: a place's name
        "account plan" => t(" Keys · account plan "), // i18n-exempt: a place's name
        "credit" => t(" Keys · credit "),     // i18n-exempt: a place's name
        "complaints" => t(" Keys · complaints "), // i18n-exempt: a place's name
        "satisfaction" => t(" Keys · satisfaction "), // i18n-exempt: a place's name
        "contacts" => t(" Keys · contacts "), // i18n-exempt: a place's name
        "account deals" => t(" Keys · the account's deals "), // i18n-exempt: a place's name
        "account timeline" => t(" Keys · the account's timeline "), // i18n-exempt: a place's name
        "merge conflicts" => t(" Keys · merge conflicts "), // i18n-exempt: a place's name
        _ => return crate::tf!(" Keys · {place} ", place),
    };
    whole.to_owned()
}

/// Draws the overlay over `area`, scrolled to row `from` when it scrolls.
pub fn draw(
    app: &App,
    (place, scopes, from): (&str, &[Scope], usize),
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let page = layout(scopes, area);
    let rect = super::dialogs::centered(area, page.width, page.height);
    super::dialogs::clear(frame, rect);
    let title = title(place);
    let block = Block::bordered().title(Span::styled(title, t.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let key_w = page.key_width;
    let from = match page.window {
        Some(window) => from.min(page.rows().saturating_sub(window)),
        None => 0,
    };
    let shown = page.window.unwrap_or(usize::MAX);
    let col_w = usize::from(inner.width) / page.columns.len().max(1);
    for (c, column) in page.columns.iter().enumerate() {
        let lines: Vec<Line> = column
            .iter()
            .skip(from)
            .take(shown)
            .map(|row| {
                let key = row.key.unwrap_or("");
                Line::from(vec![
                    Span::styled(format!(" {key:<key_w$}  "), t.key()),
                    Span::raw(row.text.clone()),
                ])
            })
            .collect();
        let area = Rect {
            x: inner.x + (c * col_w) as u16,
            width: col_w as u16,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
    let foot = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1,
        ..inner
    };
    let text = match page.window {
        Some(window) if window < page.rows() => crate::tf!(
            " lines {from}–{to} of {n} · j k PgDn PgUp scroll · any other key closes this help",
            from = from + 1,
            to = (from + window).min(page.rows()),
            n = page.rows()
        ),
        _ => crate::i18n::t(" any key closes this help").to_owned(),
    };
    let text = crate::text::truncate(&text, usize::from(foot.width)).into_owned();
    frame.render_widget(Paragraph::new(Span::styled(text, t.dim())), foot);
}

#[cfg(test)]
mod tests {
    use super::*;
    use Scope::*;

    const TABLE: &[Scope] = &[Table, Deal, List, Global, Panes, Always];

    #[test]
    fn a_wide_screen_shows_every_key_in_columns_and_a_small_one_scrolls() {
        let tall = layout(TABLE, Rect::new(0, 0, 200, 50));
        assert_eq!(tall.window, None, "no scrolling at 200×50");
        let wide = layout(TABLE, Rect::new(0, 0, 200, 30));
        assert_eq!(wide.window, None, "no scrolling at 200×30: columns");
        assert!(wide.columns.len() >= 2);
        assert!(wide.width <= 200 && wide.height <= 30);
        let small = layout(TABLE, Rect::new(0, 0, 80, 24));
        assert_eq!(small.window, Some(20));
        assert_eq!(small.columns.len(), 1);
        // every binding is there, each starting a row, and nothing is cut:
        // the rows of a binding joined give its whole text back
        let keys = keymap::bindings_in_effect(TABLE).len() + 1;
        for page in [&tall, &wide, &small] {
            let rows: Vec<&Row> = page.columns.iter().flatten().collect();
            assert_eq!(rows.iter().filter(|r| r.key.is_some()).count(), keys);
            assert!(
                rows.iter()
                    .all(|r| width(&r.text) + page.key_width + 4 <= usize::from(page.width))
            );
        }
    }

    #[test]
    fn in_chinese_every_row_fits_and_the_title_names_the_place() {
        let zh = crate::i18n::Locale {
            lang: crate::i18n::Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        crate::i18n::with(zh, || {
            for area in [Rect::new(0, 0, 80, 24), Rect::new(0, 0, 160, 48)] {
                let page = layout(TABLE, area);
                let rows: Vec<&Row> = page.columns.iter().flatten().collect();
                assert!(
                    rows.iter()
                        .all(|r| width(&r.text) + page.key_width + 4 <= usize::from(page.width))
                );
                assert!(rows.iter().any(|r| r.text.contains("商机")));
            }
            assert_eq!(title("actions"), " 按键 · 行动 ");
            assert_eq!(title("somewhere"), " 按键 · somewhere ");
        });
        assert_eq!(title("actions"), " Keys · actions ");
    }

    #[test]
    fn a_binding_is_never_split_between_two_columns() {
        let sizes = [3, 1, 2, 2];
        assert_eq!(columns(&sizes, 3), 3, "[3] [1 2] [2]");
        assert_eq!(columns(&sizes, 4), 2, "[3 1] [2 2]");
        assert_eq!(
            columns(&sizes, 2),
            usize::MAX,
            "a binding taller than a column"
        );
    }
}
