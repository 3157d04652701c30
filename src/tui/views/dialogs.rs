//! What floats over the view: forms, the delete question, the filter line
//! and the help overlay.

use crate::text::{clean, width};
use crate::tui::app::{App, Dialog};
use crate::tui::form::{Form, Kind};
use crate::tui::keymap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    match &app.dialog {
        None => {}
        Some(Dialog::Help) => draw_help(app, frame, area),
        Some(Dialog::Form(form, _)) => draw_form(app, form, frame, area),
        Some(Dialog::ConfirmDelete(id)) => {
            let title = app
                .ws
                .opportunity(id)
                .map_or(id.as_str(), |o| o.title.as_str());
            question(
                app,
                frame,
                area,
                " Delete ",
                &format!("Delete “{}” and everything in it?", clean(title)),
                "y deletes",
            );
        }
        Some(Dialog::ConfirmDeleteInfluence(opp, person)) => {
            let name = app
                .ws
                .opportunity(opp)
                .and_then(|o| o.influences.iter().find(|p| &p.id == person))
                .map_or(person.as_str(), |p| p.name.as_str());
            let text = format!("Remove {} from the buyer-influence map?", clean(name));
            question(app, frame, area, " Remove ", &text, "y removes");
        }
        Some(Dialog::ConfirmDeleteAccount(id)) => {
            let name = app.ws.account(id).map_or(id.as_str(), |a| a.name.as_str());
            question(
                app,
                frame,
                area,
                " Delete ",
                &format!("Delete the account “{}”?", clean(name)),
                "y deletes",
            );
        }
        Some(Dialog::ConfirmDeleteAction(opp, action)) => {
            let text = app
                .ws
                .opportunity(opp)
                .and_then(|o| o.actions.iter().find(|a| &a.id == action))
                .map_or(action.as_str(), |a| a.text.as_str());
            question(
                app,
                frame,
                area,
                " Delete ",
                &format!("Delete the action “{}”?", clean(text)),
                "y deletes",
            );
        }
        Some(Dialog::Reschedule { typed, .. }) => {
            let text = format!(
                "t today · m tomorrow · w next week\nor type a date and press Enter:  {}\nEsc cancels",
                if typed.is_empty() {
                    "YYYY-MM-DD".to_owned()
                } else {
                    typed.clone()
                }
            );
            let rect = centered(area, 50, 5);
            clear(frame, rect);
            frame.render_widget(
                Paragraph::new(text).block(Block::bordered().title(" Reschedule ")),
                rect,
            );
        }
        Some(Dialog::PoliticalMap { selected }) => {
            let rect = Rect {
                x: area.x,
                y: area.y + 1,
                width: area.width,
                height: area.height.saturating_sub(2),
            };
            clear(frame, rect);
            super::political_map::draw(app, *selected, frame, rect);
        }
        Some(Dialog::Filter) => {
            let rect = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..area
            };
            let text = format!(" / {}", clean(&app.filter));
            clear(frame, rect);
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(text.clone(), app.theme.key()),
                    Span::styled("   Enter keeps the filter · Esc clears it", app.theme.dim()),
                ])),
                rect,
            );
            frame.set_cursor_position(Position::new(rect.x + width(&text) as u16, rect.y));
        }
    }
}

/// A yes/no question about deleting something, in a small warning box.
fn question(app: &App, frame: &mut Frame, area: Rect, title: &str, text: &str, yes: &str) {
    let text = format!("{text}\n\n{yes} (u undoes it) · any other key keeps it");
    let rect = centered(area, 60, 6);
    clear(frame, rect);
    let block = Block::bordered()
        .title(title.to_owned())
        .border_style(app.theme.warning());
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        rect,
    );
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

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    )
}

fn draw_form(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0)
        + 1;
    let w = 100.min(area.width);
    let h = form.fields.len() as u16 + 4;
    let rect = centered(area, w, h);
    clear(frame, rect);
    let block =
        Block::bordered().title(Span::styled(format!(" {} ", clean(&form.title)), t.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (n, f) in form.fields.iter().enumerate() {
        let focused = n == form.focus;
        let label = format!("{:>label_w$} ", f.label);
        let after = match (f.error(), focused.then(|| f.note()).flatten()) {
            (Some(e), _) => Some((format!("  {e}"), t.error())),
            (None, Some(note)) => Some((format!("  {note}"), t.dim())),
            _ => None,
        };
        // the value gets what the label and the message leave, at least 12
        let room = (inner.width as usize)
            .saturating_sub(width(&label) + after.as_ref().map_or(0, |a| width(&a.0)) + 1)
            .max(12);
        let value_style = if focused { t.selected() } else { Style::new() };
        let (shown, cursor_at) = match f.kind {
            Kind::Choice(_) => (format!("‹ {} ›", clean(&f.value)), None),
            _ => {
                let chars: Vec<char> = clean(&f.value).chars().collect();
                let cursor = f.cursor.min(chars.len());
                // scroll so that the cursor stays in view; … marks hidden text
                let mut start = 0;
                while start < cursor
                    && width(&chars[start..cursor].iter().collect::<String>()) + 2 > room
                {
                    start += 1;
                }
                let mut text: String = if start > 0 {
                    "…".into()
                } else {
                    String::new()
                };
                for c in &chars[start..] {
                    if width(&text) + width(&c.to_string()) > room {
                        break;
                    }
                    text.push(*c);
                }
                let before: String = chars[start..cursor].iter().collect();
                let at = width(&label) + width(&before) + usize::from(start > 0);
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
            cursor = Some(Position::new(inner.x + at as u16, inner.y + n as u16));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Tab/↑↓ field · ←→ choose · Enter save · Esc cancel (nothing changes)",
        t.dim(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(p) = cursor.filter(|p| p.x < inner.right()) {
        frame.set_cursor_position(p);
    }
}

fn draw_help(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let mut bindings: Vec<(&str, &str)> = keymap::bindings_for(app.focus.scopes())
        .map(|b| (b.label, b.help))
        .collect();
    // Esc acts in dialogs, not through the keymap, but belongs in the list
    bindings.insert(
        1,
        ("Esc", "close a dialog or cancel a form (nothing changes)"),
    );
    let key_w = bindings.iter().map(|b| width(b.0)).max().unwrap_or(0);
    // one column when it fits the screen's height, else two side by side
    let columns = if bindings.len() as u16 + 4 <= area.height {
        1
    } else {
        2
    };
    let per_column = bindings.len().div_ceil(columns);
    let w = if columns == 1 {
        76
    } else {
        area.width.min(120)
    };
    let h = (per_column as u16 + 4).min(area.height);
    let rect = centered(area, w, h);
    clear(frame, rect);
    let title = format!(" Keys · {} ", app.focus.name());
    let block = Block::bordered().title(Span::styled(title, t.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let col_w = (inner.width / columns as u16) as usize;
    for (c, chunk) in bindings.chunks(per_column).enumerate() {
        let lines: Vec<Line> = chunk
            .iter()
            .map(|b| {
                let help = crate::text::truncate(b.1, col_w.saturating_sub(key_w + 4)).into_owned();
                Line::from(vec![
                    Span::styled(format!(" {:<key_w$}  ", b.0), t.key()),
                    Span::raw(help),
                ])
            })
            .collect();
        let x = inner.x + (c * col_w) as u16;
        let area = Rect {
            x,
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
    frame.render_widget(
        Paragraph::new(Span::styled(" any key closes this help", t.dim())),
        foot,
    );
}
