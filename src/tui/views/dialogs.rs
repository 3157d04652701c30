//! What floats over the view: forms, the delete question, the filter line
//! and the help overlay.

use crate::i18n;
use crate::text::{clean, width};
use crate::tf;
use crate::tui::app::App;
use crate::tui::app::reschedule_date;
use crate::tui::dialog::{Dialog, FilterTarget};
use crate::tui::form::{Form, Kind};
use crate::tui::keymap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(dialog) = &app.dialog else { return };
    let keys = keymap::hint_text(dialog.scopes());
    match dialog {
        Dialog::Help {
            title,
            scopes,
            scroll,
            ..
        } => super::help::draw(app, (title, scopes, scroll.at()), frame, area),
        Dialog::Conflicts(list) => super::conflicts::draw(app, list, &keys, frame, area),
        Dialog::Form(form, _) => draw_form(app, form, &keys, frame, area),
        Dialog::Confirm(c) => question(app, frame, area, i18n::t(c.title), &c.question, &keys),
        Dialog::Reschedule { typed, more, .. } => {
            let shown = clean(typed.value());
            // what the typed text means as it is typed, or what it may be
            let meaning = match reschedule_date(typed.value(), app.today) {
                _ if typed.is_empty() => {
                    i18n::t("t today · m tomorrow · w in a week · fri, +3, eom, 2027-1-15")
                        .to_owned()
                }
                Ok(d) => format!("→ {}", crate::domain::typed::describe(d)),
                Err(_) => i18n::t("not a date yet").to_owned(),
            };
            let label = format!("{}  ", i18n::t("Due date:"));
            let text = format!("{label}{shown}\n{meaning}\n{keys}");
            let rect = centered(area, 60, wrapped_height(&text, 58) + 2);
            clear(frame, rect);
            let title = match more.len() {
                0 => format!(" {} ", i18n::t("Reschedule")),
                n => format!(
                    " {} ",
                    tf!("Reschedule {n} marked actions", n = super::grouped(n + 1))
                ),
            };
            let block = Block::bordered().title(title);
            let inner = block.inner(rect);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
                rect,
            );
            let before: String = typed.value().chars().take(typed.cursor()).collect();
            let x = inner.x + (width(&label) + width(&clean(&before))) as u16;
            frame.set_cursor_position(Position::new(x, inner.y));
        }
        Dialog::PoliticalMap { cursor, .. } => {
            let rect = Rect {
                x: area.x,
                y: area.y + 1,
                width: area.width,
                height: area.height.saturating_sub(2),
            };
            clear(frame, rect);
            super::political_map::draw(app, cursor.at(), frame, rect);
        }
        Dialog::LogEntry {
            title,
            text,
            scroll,
        } => draw_entry(app, (title, text, scroll.at()), &keys, frame, area),
        Dialog::QuickAdd(typed) => super::quick_add::draw(app, typed, &keys, frame, area),
        Dialog::Filter(target) => {
            let rect = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..area
            };
            let input = match target {
                FilterTarget::Pipeline => &app.screens.pipeline.filter,
                FilterTarget::Actions => &app.screens.actions.filter,
                FilterTarget::Accounts => &app.screens.accounts.filter,
                FilterTarget::People => &app.screens.people.filter,
            };
            let text = format!(" / {}", clean(input.value()));
            let before: String = input.value().chars().take(input.cursor()).collect();
            clear(frame, rect);
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(text, app.theme.key()),
                    Span::styled(format!("   {keys}"), app.theme.dim()),
                ])),
                rect,
            );
            let x = rect.x + width(&format!(" / {}", clean(&before))) as u16;
            frame.set_cursor_position(Position::new(x, rect.y));
        }
    }
}

/// The columns a log entry is wrapped to in its dialog: the dialog fits
/// the smallest screen, so the lines are the same at every size.
const ENTRY_WIDTH: usize = 72;

/// A log entry's lines in its dialog: its own line breaks kept, each line
/// wrapped by display width.
pub fn entry_lines(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| crate::text::wrap(&clean(line), ENTRY_WIDTH))
        .collect()
}

/// A log entry in full, from line `from` on, with where the view is when
/// it does not show every line.
fn draw_entry(
    app: &App,
    (title, text, from): (&str, &str, usize),
    keys: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let lines = entry_lines(text);
    // text, a blank line and the keys inside the borders
    let room = usize::from(area.height.saturating_sub(6)).max(1);
    let shown = lines.len().min(room);
    app.pages.drawn(crate::tui::cursor::List::Entry, shown);
    let from = from.min(lines.len() - shown);
    let rect = centered(area, ENTRY_WIDTH as u16 + 4, shown as u16 + 4);
    clear(frame, rect);
    let title = crate::text::truncate(&clean(title), usize::from(rect.width) - 2).into_owned();
    let mut block = Block::bordered().title(title);
    if shown < lines.len() {
        block = block.title_bottom(format!(
            " {} ",
            tf!(
                "lines {first}–{last} of {total}",
                first = from + 1,
                last = from + shown,
                total = lines.len()
            )
        ));
    }
    let total = lines.len();
    let mut body: Vec<Line> = lines
        .into_iter()
        .skip(from)
        .take(shown)
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    body.push(Line::default());
    // the scroll keys are the lists' own, not hinted: said here when needed
    let keys = if shown < total {
        format!(" {keys} · {}", i18n::t("j k PgDn PgUp scroll"))
    } else {
        format!(" {keys}")
    };
    body.push(Line::from(Span::styled(
        crate::text::truncate(&keys, ENTRY_WIDTH + 2).into_owned(),
        t.dim(),
    )));
    frame.render_widget(Paragraph::new(body).block(block), rect);
}

/// A yes/no question about deleting something, in a small warning box.
fn question(app: &App, frame: &mut Frame, area: Rect, title: &str, text: &str, keys: &str) {
    // wrapped here, not by the paragraph: Chinese breaks between
    // characters and `settings.language` stays whole (`text::wrap`)
    let lines: Vec<Line> = format!("{text}\n\n{keys}")
        .split('\n')
        .flat_map(|l| crate::text::wrap(l, 58))
        .map(Line::from)
        .collect();
    let rect = centered(area, 60, lines.len() as u16 + 3);
    clear(frame, rect);
    let block = Block::bordered()
        .title(title.to_owned())
        .border_style(app.theme.warning());
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// Clears `rect` for a dialog. A double-width character just left of it
/// would otherwise hang over the dialog's left border, so it is blanked too.
pub(super) fn clear(frame: &mut Frame, rect: Rect) {
    frame.render_widget(Clear, rect);
    if rect.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(rect.x - 1, y)];
        if width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Lines `text` takes wrapped at `width` columns, with one to spare for
/// words that wrap early.
fn wrapped_height(text: &str, width: usize) -> u16 {
    let lines: usize = text
        .lines()
        .map(|l| crate::text::width(l).div_ceil(width.max(1)).max(1))
        .sum();
    (lines + 1) as u16
}

pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    )
}

fn draw_form(app: &App, form: &Form, keys: &str, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label()))
        .max()
        .unwrap_or(0)
        + 1;
    let w = 100.min(area.width);
    // inside the borders
    let inner_w = usize::from(w.saturating_sub(2));
    let mut lines = Vec::new();
    let mut cursor = None;
    // the lines of the focused field (its value and what goes under it)
    let mut focused_lines = 0..0;
    for (n, f) in form.fields.iter().enumerate() {
        let focused = n == form.focus;
        let first_line = lines.len();
        let label = format!("{} ", super::pad_left(f.label(), label_w));
        // an error, else what a shorthand means (focused or not), else
        // the focused field's hint
        let after = match (f.error(), f.meaning(), focused.then(|| f.note()).flatten()) {
            (Some(e), _, _) => Some((format!("  {e}"), t.error())),
            (None, Some(meaning), _) => Some((format!("  {meaning}"), t.key())),
            (None, None, Some(note)) => Some((format!("  {note}"), t.dim())),
            _ => None,
        };
        // a message that would leave the value under 12 columns goes on
        // lines of its own under the field, wrapped: never cut (issue 16)
        let below = after
            .as_ref()
            .is_some_and(|a| width(&label) + 12 + width(&a.0) + 1 > inner_w);
        let (after, below) = if below { (None, after) } else { (after, None) };
        // the value gets what the label and the message leave, at least 12
        let room = inner_w
            .saturating_sub(width(&label) + after.as_ref().map_or(0, |a| width(&a.0)) + 1)
            .max(12);
        let value_style = if focused { t.selected() } else { Style::new() };
        let (shown, cursor_at) = match f.kind {
            Kind::Choice(_) => (format!("‹ {} ›", f.shown_choice(&clean(f.raw()))), None),
            _ => {
                let chars: Vec<char> = clean(f.raw()).chars().collect();
                // a field not being typed in shows its beginning (a long
                // list of questions reads from its first one)
                let cursor = if focused {
                    f.input.cursor().min(chars.len())
                } else {
                    0
                };
                let char_width = |c: &char| width(c.encode_utf8(&mut [0; 4]));
                // scroll so that the cursor stays in view; … marks hidden
                // text. Widths are summed once each: measuring the text
                // before the cursor again at every step made each key in
                // a 5,000-character note take a second.
                let mut start = cursor;
                let mut before = 0;
                while start > 0 && before + char_width(&chars[start - 1]) + 2 <= room {
                    start -= 1;
                    before += char_width(&chars[start]);
                }
                let mut text: String = if start > 0 {
                    "…".into()
                } else {
                    String::new()
                };
                let mut used = usize::from(start > 0);
                for c in &chars[start..] {
                    let w = char_width(c);
                    if used + w > room {
                        // more follows: … says so, in place of what it needs
                        while used + 1 > room {
                            let Some(gone) = text.pop() else { break };
                            used -= char_width(&gone);
                        }
                        text.push('…');
                        break;
                    }
                    text.push(*c);
                    used += w;
                }
                let at = width(&label) + before + usize::from(start > 0);
                (text, Some(at))
            }
        };
        let mut spans = vec![
            Span::styled(label.clone(), if focused { t.key() } else { t.dim() }),
            Span::styled(
                if shown.is_empty() && focused {
                    " ".to_owned()
                } else {
                    shown
                },
                value_style,
            ),
        ];
        if let Some((text, style)) = after {
            spans.push(Span::styled(text, style));
        }
        if let (true, Some(at)) = (focused, cursor_at) {
            cursor = Some((at as u16, lines.len() as u16));
        }
        lines.push(Line::from(spans));
        if let Some((text, style)) = below {
            let indent = width(&label);
            for l in crate::text::wrap(text.trim_start(), inner_w.saturating_sub(indent + 2)) {
                lines.push(Line::from(Span::styled(
                    format!("{}  {l}", " ".repeat(indent)),
                    style,
                )));
            }
        }
        if focused {
            focused_lines = first_line..lines.len();
        }
    }
    // a form taller than the screen scrolls to keep the focused field in
    // view, `…` marking the lines above or below that are hidden
    let room = usize::from(area.height.saturating_sub(4));
    if lines.len() > room && room > 2 {
        let window = room - 2;
        let start = focused_lines
            .end
            .saturating_sub(window)
            .min(focused_lines.start)
            .min(lines.len() - window);
        let more_below = start + window < lines.len();
        let mut shown: Vec<Line> = vec![Line::from(Span::styled(
            if start > 0 { "…" } else { "" },
            t.dim(),
        ))];
        shown.extend(lines.drain(start..start + window));
        if more_below {
            shown.push(Line::from(Span::styled("…", t.dim())));
        }
        lines = shown;
        cursor = cursor.map(|(x, y): (u16, u16)| (x, (y as usize + 1 - start) as u16));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(keys.to_owned(), t.dim())));
    let h = lines.len() as u16 + 2;
    let rect = centered(area, w, h);
    clear(frame, rect);
    let block =
        Block::bordered().title(Span::styled(format!(" {} ", clean(&form.title)), t.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let cursor = cursor.map(|(x, y)| Position::new(inner.x + x, inner.y + y));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(p) = cursor.filter(|p| p.x < inner.right()) {
        frame.set_cursor_position(p);
    }
}
