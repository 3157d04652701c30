//! View 5, Review: the deals best few first with their progress, and for the
//! current one what changed since the last review and the manager's questions.

use crate::domain::metrics;
use crate::i18n;
use crate::text::{clean, truncate};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let Some(walk) = &app.screens.review.walk else {
        return;
    };
    if crate::tui::review::recorded_today(&app.ws, app.today) {
        return super::review_done::draw(app, frame, area);
    }
    let [list_area, deal_area] = Layout::horizontal([
        Constraint::Length((area.width / 3).max(28)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let tally = walk.tally();
    let position = super::position(walk.at, walk.order.len(), "");
    let counts = tf!(
        "{reviewed}✓ {skipped}– {to_go} to go",
        reviewed = tally.reviewed,
        skipped = tally.skipped,
        to_go = tally.to_go
    );
    let width = usize::from(list_area.width);
    let mut title = super::list_title(&[i18n::t("Review"), &position, &counts], width);
    if !title.contains(&counts) {
        // too narrow for all three (80 columns): the tally matters more
        // than the name; the marks are its legend
        title = super::list_title(&[&position, &counts], width);
    }
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let room = inner.height as usize;
    let offset = walk.at.saturating_sub(room.saturating_sub(1));
    let place = (list_area, inner.y);
    super::record_window(
        app,
        crate::tui::cursor::List::Review,
        place,
        (offset, walk.order.len(), room),
    );
    let lines: Vec<Line> = walk
        .order
        .iter()
        .enumerate()
        .skip(offset)
        .take(room)
        .map(|(n, id)| {
            let o = app.ws.opportunity(id);
            let mark = if walk.reviewed.contains(id) {
                "✓"
            } else if walk.skipped.contains(id) {
                "–"
            } else {
                "·"
            };
            let name = o.map_or(id.clone(), |o| {
                format!("{} {}", o.stage.label(), clean(&o.title))
            });
            let text = truncate(&format!("{mark} {name}"), inner.width as usize).into_owned();
            let style = if n == walk.at {
                t.selected()
            } else if mark == "·" {
                ratatui::style::Style::new()
            } else {
                t.dim()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", i18n::t("The deal")),
        t.heading(),
    ));
    let inner = block.inner(deal_area);
    frame.render_widget(block, deal_area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let Some(o) = walk.current().and_then(|id| app.ws.opportunity(id)) else {
        frame.render_widget(Paragraph::new(i18n::t("No open deal to review.")), inner);
        return;
    };
    let s = &app.ws.settings;
    let mut lines = vec![
        Line::from(Span::styled(clean(&o.title).into_owned(), t.title())),
        Line::from(vec![
            Span::styled(o.stage.name(), t.stage(o.stage)),
            Span::raw(format!(
                " · {} · {}% · {}",
                o.value.grouped(),
                o.probability_used(s).0,
                tf!("weighted {amount}", amount = o.weighted(s).grouped())
            )),
        ]),
        Line::raw(tf!(
            "forecast: {category}",
            category = super::deal::forecast_words(o, s)
        )),
        Line::raw(""),
    ];
    match metrics::latest_review(&app.ws) {
        Some(r) => {
            lines.push(Line::from(Span::styled(
                tf!(
                    "Since the review of {date}",
                    date = crate::i18n::numbers::long_date(r.on)
                ),
                t.heading(),
            )));
            for c in metrics::changes_since(&app.ws, o, r, app.today) {
                lines.push(Line::raw(format!("  {}", clean(&c))));
            }
        }
        None => lines.push(Line::from(Span::styled(
            i18n::t("First review: nothing to compare with."),
            t.dim(),
        ))),
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        i18n::t("The questions"),
        t.heading(),
    )));
    let close = o
        .expected_close
        .map_or(i18n::t("no close date").into(), |d| d.to_string());
    lines.push(Line::raw(format!(
        "  {}",
        tf!("Is the close date still real? {close}", close)
    )));
    let conditions: Vec<String> = o
        .qualification
        .conditions()
        .iter()
        .map(|(n, v)| {
            // a no-break space: the mark never ends a wrapped line
            format!(
                "{}\u{a0}{}",
                match v {
                    Some(true) => "✓",
                    Some(false) => "✗",
                    None => "?",
                },
                super::deal::condition(n)
            )
        })
        .collect();
    lines.push(Line::raw(format!(
        "  {}",
        tf!(
            "Are the four conditions still true? {conditions}",
            conditions = conditions.join("  ")
        )
    )));
    let next = crate::domain::opportunity::actions_in_order(o)
        .into_iter()
        .find(|a| a.is_open());
    lines.push(Line::raw(format!(
        "  {}",
        tf!(
            "What is the next action, and when? {next}",
            next = next.map_or(i18n::t("none: a adds one").into(), |a| tf!(
                "{action} ({due})",
                action = clean(&a.text),
                due = a
                    .due
                    .map_or(i18n::t("no date").into(), |d: crate::domain::Date| d
                        .to_string())
            ))
        )
    )));
    let flags = crate::domain::flags::visible(o, s, app.today);
    if !flags.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            tf!("Red flags ({n})", n = flags.len()),
            t.heading(),
        )));
        for f in flags.iter().take(5) {
            lines.push(Line::from(Span::styled(
                format!(
                    "  {} {}",
                    i18n::word("severity", f.severity.as_str()),
                    clean(&f.message)
                ),
                t.warning(),
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(tf!("So far: {so_far}", so_far = tally.walking())));
    lines.push(Line::from(Span::styled(
        i18n::t("Enter reviewed · s skip · e fix the deal · a next action · F finish and record"),
        t.dim(),
    )));
    let lines = super::wrapped(lines, usize::from(inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}
