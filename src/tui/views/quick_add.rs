//! View 1's quick-add prompt: the line being typed, and below it what it
//! will create, or its first problem.

use super::compact;
use crate::domain::quick_add::{self, QuickAdd};
use crate::domain::typed::describe;
use crate::domain::{Date, Workspace};
use crate::text::{clean, truncate, width};
use crate::tui::app::App;
use crate::tui::text_input::TextInput;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// What is shown below an empty line.
const EXAMPLE: &str = "e.g. ERP phase 2 @长城润滑油 1.2M drive close eoq #erp p50";

/// What the line will create, `ERP phase 2 · 长城润滑油 (new account) ·
/// 1.2M CNY · drive · close 2026-12-31 (Thu)`, or its first problem, in
/// `room` columns: the weekday is dropped first, then the title cut (it is
/// on the line above), so that what was read from the other words shows.
pub fn preview(ws: &Workspace, today: Date, line: &str, room: usize) -> Result<String, String> {
    if line.trim().is_empty() {
        return Ok(crate::i18n::t(EXAMPLE).to_owned());
    }
    let q = quick_add::parse(line, today).map_err(|e| e.to_string())?;
    let sep = " · ";
    let mut text = String::new();
    for weekday in [true, false] {
        let mut parts = describe_deal(ws, &q, weekday);
        let total = width(&parts.join(sep));
        if total > room {
            let title_room = width(&parts[0]).saturating_sub(total - room).max(6);
            parts[0] = truncate(&parts[0], title_room).into_owned();
        }
        text = parts.join(sep);
        if width(&text) <= room {
            break;
        }
    }
    Ok(truncate(&text, room).into_owned())
}

fn describe_deal(ws: &Workspace, q: &QuickAdd, weekday: bool) -> Vec<String> {
    let f = q.fields(ws);
    let account = match q.existing_account(ws) {
        Some(name) => name.to_owned(),
        None => crate::tf!("{account} (new account)", account = f.account_name),
    };
    let mut parts = vec![
        f.title.clone(),
        account,
        format!("{} {}", compact(f.value), ws.settings.currency),
        f.stage.label(),
        f.expected_close
            .map_or(crate::i18n::t("no close date").to_owned(), |d| {
                let date = if weekday { describe(d) } else { d.to_string() };
                crate::tf!("close {date}", date)
            }),
    ];
    if let Some(p) = f.probability {
        parts.push(format!("{}%", p.0));
    }
    parts.extend(f.tags.iter().map(|t| format!("#{t}")));
    parts.into_iter().map(|p| clean(&p).into_owned()).collect()
}

/// A box over the bottom of the screen: the line, the preview, the keys.
pub fn draw(app: &App, typed: &TextInput, keys: &str, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let rect = Rect {
        y: area.bottom().saturating_sub(5),
        height: 5.min(area.height),
        ..area
    };
    super::dialogs::clear(frame, rect);
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", crate::i18n::t("Quick add")),
        t.title(),
    ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = usize::from(inner.width);
    // the line scrolls so that the cursor stays in view; … marks hidden text
    let prompt = "+ ";
    let chars: Vec<char> = clean(typed.value()).chars().collect();
    let cursor = typed.cursor().min(chars.len());
    let mut start = 0;
    let fits = |from: usize| {
        width(prompt)
            + usize::from(from > 0)
            + width(&chars[from..cursor].iter().collect::<String>())
            < room
    };
    while start < cursor && !fits(start) {
        start += 1;
    }
    let shown: String = chars[start..].iter().collect();
    let shown = format!("{}{shown}", if start > 0 { "…" } else { "" });
    let before: String = chars[start..cursor].iter().collect();
    let x = width(prompt) + usize::from(start > 0) + width(&before);
    let room_after = room.saturating_sub(width(prompt));
    let arrow = "→ ";
    let (text, style) = match preview(&app.ws, app.today, typed.value(), room - width(arrow)) {
        Ok(text) if typed.is_empty() => (text, t.dim()),
        Ok(text) => (format!("{arrow}{text}"), t.key()),
        Err(why) => (why, t.error()),
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(prompt, t.key()),
            Span::raw(truncate(&shown, room_after).into_owned()),
        ]),
        Line::from(Span::styled(truncate(&text, room).into_owned(), style)),
        Line::from(Span::styled(truncate(keys, room).into_owned(), t.dim())),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if x < room {
        frame.set_cursor_position(Position::new(inner.x + x as u16, inner.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Account;

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    #[test]
    fn the_preview_says_what_will_be_created() {
        let ws = Workspace::new("Li Wei", "CNY");
        assert_eq!(
            preview(
                &ws,
                today(),
                "ERP phase 2 @长城润滑油 1.2M drive close eoq",
                200
            )
            .unwrap(),
            "ERP phase 2 · 长城润滑油 (new account) · 1.2M CNY · drive · close 2026-12-31 (Thu)"
        );
    }

    #[test]
    fn the_preview_names_an_existing_account_as_spelled() {
        let mut ws = Workspace::new("Li Wei", "CNY");
        ws.accounts.push(Account {
            id: "a1".into(),
            name: "Acme Foods".into(),
            ..Account::default()
        });
        assert_eq!(
            preview(&ws, today(), "Pumps @acme foods #oil p40", 200).unwrap(),
            "Pumps · Acme Foods · 0 CNY · qualify · no close date · 40% · #oil"
        );
    }

    #[test]
    fn the_preview_of_a_line_that_does_not_read_is_its_problem() {
        let ws = Workspace::new("Li Wei", "CNY");
        let why = preview(&ws, today(), "Pumps 500k", 80).unwrap_err();
        assert!(why.contains("needs an account"), "{why}");
        assert_eq!(preview(&ws, today(), " ", 80).unwrap(), EXAMPLE);
    }

    #[test]
    fn a_narrow_preview_drops_the_weekday_then_cuts_the_title() {
        let ws = Workspace::new("Li Wei", "CNY");
        let line = "ERP phase 2 @长城润滑油 1.2M drive close eoq";
        let p = preview(&ws, today(), line, 76).unwrap();
        assert_eq!(
            p,
            "ERP phase 2 · 长城润滑油 (new account) · 1.2M CNY · drive · close 2026-12-31"
        );
        let p = preview(&ws, today(), line, 71).unwrap();
        assert_eq!(
            p,
            "ERP p… · 长城润滑油 (new account) · 1.2M CNY · drive · close 2026-12-31"
        );
        assert!(preview(&ws, today(), line, 83).unwrap().ends_with("(Thu)"));
        assert!(width(&p) <= 76);
        let p = preview(&ws, today(), line, 40).unwrap();
        assert!(width(&p) <= 40 && p.ends_with('…'), "{p}");
    }
}
