//! View 2, Actions: the prioritised list across the pipeline, and why the
//! selected entry ranks where it does.

use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let wide = area.width >= 120;
    let [list_area, why_area] = if wide {
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(area)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(area)
    };
    let s = &app.screens.actions;
    let marked = match s.marks.len() {
        0 => String::new(),
        n => tf!("{n} marked", n = super::grouped(n)),
    };
    let position = super::position(s.cursor.at(), s.len(), s.filter.value());
    let parts: Vec<&str> = [
        i18n::t("Actions"),
        &position,
        &marked,
        i18n::t("highest score first"),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let title = super::list_title(&parts, usize::from(list_area.width));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    if app.screens.actions.is_empty() {
        frame.render_widget(
            Paragraph::new(i18n::t(
                "Nothing to do: no open action on an open deal, and no high-severity red flag.",
            ))
            .style(t.dim()),
            inner,
        );
    } else {
        let height = inner.height.saturating_sub(1) as usize;
        let cursor = app.screens.actions.cursor;
        let offset = cursor.offset(height);
        let place = (list_area, inner.y + 1);
        super::record_window(
            app,
            crate::tui::cursor::List::ActionList,
            place,
            (offset, s.len(), height),
        );
        // the team view: whose pipeline each action is in, after its date
        let owner_width = app
            .team
            .as_ref()
            .map(|team| team.owner_width.clamp(5, 12) as u16);
        let mut widths = vec![Constraint::Length(5), Constraint::Length(9)];
        widths.extend(owner_width.map(Constraint::Length));
        widths.extend([Constraint::Fill(2), Constraint::Fill(3)]);
        // the deal's and the action's columns, to cut their text with `…`
        let cols = super::column_widths(&widths, inner.width, 1);
        let (deal_col, action_col) = (cols.len() - 2, cols.len() - 1);
        let rows = app
            .screens
            .actions
            .entries()
            .skip(offset)
            .take(height)
            .map(|e| {
                let o = &app.ws.opportunities[e.opportunity];
                let (due, due_style) = match e.due {
                    None if e.suggested() => (i18n::t("suggested").to_owned(), t.warning()),
                    None => (String::new(), Style::new()),
                    Some(d) if d < app.today => (super::short_date(d, app.today), t.error()),
                    Some(d) => (super::short_date(d, app.today), Style::new()),
                };
                // the action's time and kind before its text: `09:30 [call] …`
                let text = action_of(app, e).map_or_else(
                    || e.text.clone(),
                    |a| {
                        let at = a.at.map_or(String::new(), |at| format!("{at} "));
                        format!("{at}{}", super::deal::action_text(a, app.today))
                    },
                );
                let mut cells = vec![
                    Cell::from(Line::from(format!("{:.1}", e.score)).right_aligned()),
                    Cell::from(Span::styled(due, due_style)),
                ];
                if let Some(w) = owner_width {
                    cells.push(super::text_cell(&o.owner, usize::from(w), false, t.key()));
                }
                cells.push(super::text_cell(&o.title, cols[deal_col], false, t.key()));
                cells.push(super::text_cell(
                    &text,
                    cols[action_col],
                    app.screens.actions.marked(&app.ws, e),
                    t.key(),
                ));
                Row::new(cells)
            });
        let mut head: Vec<&str> = vec![i18n::t("Score"), i18n::t("Due")];
        if owner_width.is_some() {
            head.push(i18n::t("Owner"));
        }
        head.extend([i18n::t("Deal"), i18n::t("Action")]);
        let table = Table::new(rows, widths)
            .header(Row::new(head).style(t.dim()))
            .row_highlight_style(t.selected())
            .column_spacing(1);
        frame.render_stateful_widget(table, inner, &mut cursor.window_state(height));
    }
    draw_why(app, frame, why_area, wide);
}

/// The action an entry of the list is (a suggestion is none).
fn action_of<'a>(
    app: &'a App,
    e: &crate::domain::priority::Entry,
) -> Option<&'a crate::domain::Action> {
    e.action_on(app.ws.opportunities.get(e.opportunity)?)
}

fn draw_why(app: &App, frame: &mut Frame, area: Rect, wide: bool) {
    let t = &app.theme;
    let block = Block::new()
        .borders(if wide {
            Borders::TOP | Borders::LEFT
        } else {
            Borders::TOP
        })
        .title(Span::styled(
            format!(" {} ", i18n::t("Why is it here?")),
            t.heading(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let Some(e) = app.screens.actions.selected() else {
        return;
    };
    let o = &app.ws.opportunities[e.opportunity];
    let mut lines = vec![
        Line::from(Span::styled(
            truncate(&clean(&e.text), inner.width as usize).into_owned(),
            t.title(),
        )),
        Line::from(Span::styled(
            truncate(
                &format!("{} · {}", clean(&o.title), o.stage.label()),
                inner.width as usize,
            )
            .into_owned(),
            t.stage(o.stage),
        )),
    ];
    // its call plan's aims, or that a conversation coming up has none
    if let Some(plan) = action_of(app, e).and_then(|a| super::deal::plan_line(a, app.today)) {
        lines.push(Line::from(Span::styled(
            truncate(&plan, inner.width as usize).into_owned(),
            t.key(),
        )));
    }
    // the figures right-aligned in one column, the factors after them
    // (unwrapped: a wrapping paragraph trimmed the padding that aligns them)
    let figures: Vec<String> = e
        .why
        .iter()
        .map(|w| w.points)
        .chain([e.score])
        .map(|x| format!("{x:.2}"))
        .collect();
    let fig_w = figures.iter().map(|f| width(f)).max().unwrap_or(0);
    let room = usize::from(inner.width).saturating_sub(fig_w + 2);
    for (w, f) in e.why.iter().zip(&figures) {
        lines.push(Line::from(vec![
            Span::styled(format!("{f:>fig_w$}  "), t.key()),
            Span::raw(truncate(&clean(&w.factor), room).into_owned()),
        ]));
    }
    let total = figures.last().map_or("", String::as_str);
    lines.push(Line::from(vec![
        Span::styled(format!("{total:>fig_w$}  "), t.title()),
        Span::styled(i18n::t("score"), t.title()),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}
