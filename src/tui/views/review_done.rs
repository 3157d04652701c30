//! View 5 once today's review is recorded: the week it closed, the same
//! changes `funnel report` lists, instead of an empty walk ("0 of 18").

use crate::i18n;
use crate::text::clean;
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let ws = &app.ws;
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", i18n::t("Weekly review · done today")),
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
            tf!(
                "The review of {date} is recorded.",
                date = i18n::numbers::long_date(app.today)
            ),
            t.title(),
        )),
        Line::raw(tf!(
            "Open: {deals}, {value} {cur}, weighted {weighted} {cur}",
            deals = crate::text::count(m.open.count as i64, "deal", "deals"),
            value = m.open.value.grouped(),
            weighted = m.open.weighted.grouped(),
            cur
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
                Span::styled(format!("  {name}{}", i18n::t(": ")), t.heading()),
                Span::raw(names.join(i18n::t("; "))),
            ]));
        }
        if kinds.is_empty() {
            lines.push(Line::raw(format!("  {}", i18n::t("Nothing moved."))));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        i18n::t(
            "funnel report prints this week, ready to paste into an email · u undoes the recording",
        ),
        t.dim(),
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
