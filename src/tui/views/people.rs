//! View 8, People: every buying influence across the open pipeline, with
//! their deal, roles, attitude, influence, coverage and days since the
//! last contact against their cadence (spec section 10).

use crate::domain::cadence::PersonRow;
use crate::domain::{Influence, Level, Role};
use crate::i18n::{self, Lang, lang};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

/// Inner widths from which the title and account columns, then the email
/// and phone columns, are shown.
const MEDIUM: u16 = 120;
const WIDE: u16 = 150;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let s = &app.screens.people;
    let title = super::list_title(
        &[
            i18n::t("People"),
            &super::position(s.cursor.at(), s.rows.len(), s.filter.value()),
            s.sort.label(),
        ],
        usize::from(area.width),
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, t.focused_heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if s.rows.is_empty() {
        let text = if s.filter.is_empty() {
            i18n::t(
                "Nobody yet: the people of the open deals show here. In view 1, Tab to a deal's Influences pane and press a to add a buying influence.",
            )
        } else {
            i18n::t("Nobody matches the filter. Press / then Esc to clear it.")
        };
        let lines = super::wrapped(vec![Line::raw(text)], usize::from(inner.width));
        frame.render_widget(Paragraph::new(lines).style(t.dim()), inner);
        return;
    }
    let medium = inner.width >= MEDIUM;
    let wide = inner.width >= WIDE;
    let height = inner.height.saturating_sub(1) as usize;
    let offset = s.cursor.offset(height);
    super::record_window(
        app,
        crate::tui::cursor::List::People,
        (area, inner.y + 1),
        (offset, s.rows.len(), height),
    );
    // (header, width, whether a text cell cut with `…`)
    let mut columns: Vec<(&str, Constraint)> = vec![
        ("!", Constraint::Length(1)),
        (i18n::t("Person"), Constraint::Fill(2)),
    ];
    if medium {
        columns.push((i18n::t("Job title"), Constraint::Fill(2)));
    }
    columns.push((i18n::t("Deal"), Constraint::Fill(3)));
    if medium {
        columns.push((i18n::t("Account"), Constraint::Fill(2)));
    }
    let level_w = if lang() == Lang::Zh { 2 } else { 1 };
    // as wide as the rows shown need (`never / 3650d` with a long cadence)
    let contact_w = s
        .rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|r| crate::text::width(&contact(r)))
        .chain([11, crate::text::width(i18n::t("Contact"))])
        .max()
        .unwrap_or(11) as u16;
    columns.extend([
        (
            i18n::t("Roles"),
            Constraint::Length(if medium { 16 } else { 10 }),
        ),
        ("", Constraint::Length(1)),
        ("", Constraint::Length(level_w)),
        ("", Constraint::Length(3)),
        (i18n::t("Contact"), Constraint::Length(contact_w)),
    ]);
    if wide {
        columns.push((i18n::t("Email"), Constraint::Fill(3)));
        columns.push((i18n::t("Phone"), Constraint::Length(15)));
    }
    let widths: Vec<Constraint> = columns.iter().map(|(_, w)| *w).collect();
    let cols = super::column_widths(&widths, inner.width, 1);
    let selected = s.cursor.at();
    let rows = s
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(n, r)| {
            let o = &app.ws.opportunities[r.deal];
            let p = &o.influences[r.person];
            let cut =
                |text: &str, col: usize| super::text_cell(text, cols[col], false, Style::new());
            // a key person past their cadence: person-quiet's condition
            let quiet = crate::domain::influence::in_core_circle(p) && r.is_due();
            let mut cells = vec![
                Cell::from(Span::styled(if quiet { "!" } else { "" }, t.error())),
                cut(&p.name, 1),
            ];
            let mut col = 2;
            if medium {
                cells.push(cut(&p.title, col));
                col += 1;
            }
            cells.push(cut(&o.title, col));
            col += 1;
            if medium {
                let account = app
                    .ws
                    .account(&o.account)
                    .map_or(o.account.as_str(), |a| a.name.as_str());
                cells.push(cut(account, col));
                col += 1;
            }
            cells.push(cut(&roles(p), col));
            cells.push(Cell::from(Span::styled(
                p.attitude.symbol().to_string(),
                t.attitude(p.attitude),
            )));
            cells.push(Cell::from(level(p.influence)));
            cells.push(Cell::from(super::political_map::gauge(p.coverage.0)));
            let style = if quiet {
                t.error()
            } else if r.is_due() {
                t.warning()
            } else {
                Style::new()
            };
            cells.push(Cell::from(
                Line::from(Span::styled(contact(r), style)).right_aligned(),
            ));
            col += 5;
            if wide {
                cells.push(cut(&p.email, col));
                cells.push(cut(&p.phone, col + 1));
            }
            let row = Row::new(cells);
            if n == selected {
                row.style(t.selected())
            } else {
                row
            }
        });
    let header: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(t.dim()))
            .column_spacing(1),
        inner,
    );
}

/// `41d / 30d`: days since the last contact against the cadence; `never /
/// 30d` when none was recorded.
fn contact(r: &PersonRow) -> String {
    match r.days {
        Some(days) => tf!("{days}d / {cadence}d", days, cadence = r.cadence.0),
        None => tf!("never / {cadence}d", cadence = r.cadence.0),
    }
}

/// The person's buying roles, short (`econ,coach`); `—` without one.
fn roles(p: &Influence) -> String {
    if p.roles.is_empty() {
        return "—".to_owned();
    }
    p.roles
        .iter()
        .map(|r| {
            i18n::t(match r {
                Role::Economic => "econ ",
                Role::User => "user ",
                Role::Technical => "tech ",
                Role::Coach => "coach",
            })
            .trim()
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The influence level: `H` `M` `L` (高 中 低 in Chinese), `·` unknown.
fn level(l: Option<Level>) -> String {
    match (lang(), l) {
        (Lang::En, Some(l)) => l.as_str()[..1].to_uppercase(),
        (Lang::Zh, Some(l)) => l.label(),
        (_, None) => "·".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Days;

    #[test]
    fn contact_reads_days_against_the_cadence() {
        let r = PersonRow {
            deal: 0,
            person: 0,
            days: Some(41),
            quiet: Some(41),
            cadence: Days(30),
        };
        assert_eq!(contact(&r), "41d / 30d");
        assert_eq!(contact(&PersonRow { days: None, ..r }), "never / 30d");
    }
}
