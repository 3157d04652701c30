//! View 1's table while it lists the closed deals: when each closed, how,
//! for how much and why (the code the analysis counts, then the words).

use super::compact;
use crate::domain::{Opportunity, OutcomeResult};
use crate::i18n::{self, Lang, lang};
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::screens::Pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let p = &app.screens.pipeline;
    let focused = app.focus() == Pane::Table;
    let title = super::list_title(
        &[
            i18n::t("Closed deals"),
            &super::position(p.table.at(), p.rows.len(), p.filter.value()),
            i18n::t("newest first"),
        ],
        usize::from(area.width),
    );
    let block = super::pane_block(app, title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if p.rows.is_empty() {
        let hint = if p.filter.is_empty() {
            i18n::t(
                "No closed deals yet: W marks a deal won, L lost or abandoned.\n\nC lists the open ones.",
            )
        } else {
            i18n::t("No closed deal matches the filter. Press / then Esc to clear it.")
        };
        frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), inner);
        return;
    }
    let wide = inner.width >= 80;
    let height = inner.height.saturating_sub(1) as usize;
    let offset = p.table.offset(height);
    let place = (area, inner.y + 1);
    super::record_window(
        app,
        crate::tui::cursor::List::Deals,
        place,
        (offset, p.rows.len(), height),
    );
    let (mut header, mut widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            [
                "Closed", "Result", "Title", "Account", "Value", "Code", "Reason",
            ]
            .map(i18n::t)
            .to_vec(),
            vec![
                Constraint::Length(10),
                Constraint::Length(9),
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(13),
                Constraint::Length(12),
                Constraint::Fill(3),
            ],
        )
    } else {
        (
            ["Date", "Res", "Title", "Value", "Code"]
                .map(i18n::t)
                .to_vec(),
            vec![
                Constraint::Length(5),
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(6),
                // the longest default code, `relationship`, whole: it is
                // what the analysis counts, the title is in the deal pane
                Constraint::Length(12),
            ],
        )
    };
    // the team view, wide: whose deal it was, after the account (narrow,
    // the code keeps the room; `owner:` still filters)
    if wide && app.team.is_some() {
        header.insert(OWNER, i18n::t("Owner"));
        widths.insert(OWNER, Constraint::Fill(2));
    }
    // the text columns' widths, to cut their text with `…`
    let cols = super::column_widths(&widths, inner.width, 1);
    let rows = p
        .rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|&i| row(app, &app.ws.opportunities[i], wide, &cols));
    let mut state = p.table.window_state(height);
    super::pipeline::render_list(
        app,
        frame,
        (rows, widths, header),
        focused,
        inner,
        &mut state,
    );
}

/// Where the wide list puts the team view's owner column: after the
/// account.
const OWNER: usize = 4;

/// A closed deal's row; `cols` are the columns' widths.
fn row<'a>(app: &App, o: &'a Opportunity, wide: bool, cols: &[usize]) -> Row<'a> {
    let t = &app.theme;
    // the list holds closed deals only; a deal without an outcome (never
    // expected) shows empty cells rather than stopping the drawing
    let outcome = o.outcome.as_ref();
    let on = outcome.map_or(String::new(), |c| {
        if wide {
            c.on.to_string()
        } else {
            super::short_date(c.on, app.today)
        }
    });
    let (result, style) = match outcome.map(|c| c.result) {
        Some(OutcomeResult::Won) => ("won", t.good()),
        Some(OutcomeResult::Lost) => ("lost", t.error()),
        Some(OutcomeResult::Abandoned) => (if wide { "abandoned" } else { "aban" }, t.dim()),
        None => ("", Style::new()),
    };
    // Chinese: the course's word, two characters in either width
    let result = match (lang(), outcome) {
        (Lang::Zh, Some(c)) => c.result.label(),
        _ => result.to_owned(),
    };
    let code = outcome
        .and_then(|c| c.reason_code.as_deref())
        .map_or("—".to_owned(), |c| i18n::word("reason", &clean(c)));
    let value = if wide {
        o.value.grouped()
    } else {
        compact(o.value)
    };
    let mut cells = vec![
        Cell::from(on),
        Cell::from(Span::styled(result, style)),
        super::text_cell(&o.title, cols[2], false, t.key()),
    ];
    if wide {
        let account = app
            .ws
            .account(&o.account)
            .map_or(o.account.as_str(), |a| a.name.as_str());
        cells.push(super::text_cell(account, cols[3], false, t.key()));
    }
    let owner = app.team.as_ref().filter(|_| wide);
    if let Some(team) = owner {
        let shown = team.owner_shown(&o.id, &o.owner);
        cells.push(super::text_cell(&shown, cols[OWNER], false, t.key()));
    }
    cells.push(Cell::from(Line::from(value).right_aligned()));
    cells.push(Cell::from(code));
    if wide {
        let reason = outcome.map_or("", |c| c.reason.as_str());
        let at = if owner.is_some() { 7 } else { 6 };
        cells.push(super::text_cell(reason, cols[at], false, t.key()));
    }
    Row::new(cells)
}
