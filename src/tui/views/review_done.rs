//! View 5 once today's review is recorded: the week it closed, the same
//! changes `funnel report` lists, instead of an empty walk ("0 of 18").

use crate::text::clean;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let ws = &app.ws;
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        " Weekly review · done today ",
        t.focused_heading(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let Some((m, week)) = &app.screens.review.done else {
        return;
    };
    let cur = clean(&ws.settings.currency);
    let mut lines = vec![
        Line::from(Span::styled(
            format!("The review of {} is recorded.", app.today),
            t.title(),
        )),
        Line::raw(format!(
            "Open: {}, {} {cur}, weighted {} {cur}",
            crate::text::count(m.open.count as i64, "deal", "deals"),
            m.open.value.grouped(),
            m.open.weighted.grouped()
        )),
        Line::raw(""),
    ];
    if let Some(w) = week {
        lines.push(Line::from(Span::styled(w.heading(), t.heading())));
        let title = |id: &str| -> String {
            ws.opportunity(id)
                .map_or(clean(id).into_owned(), |o| clean(&o.title).into_owned())
        };
        let kinds = w.named(title);
        for (name, names) in &kinds {
            lines.push(Line::from(vec![
                Span::styled(format!("  {name}: "), t.heading()),
                Span::raw(names.join("; ")),
            ]));
        }
        if kinds.is_empty() {
            lines.push(Line::raw("  Nothing moved."));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "funnel report prints this week, ready to paste into an email · u undoes the recording",
        t.dim(),
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
