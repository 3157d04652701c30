//! The panes of view 4's account workspace that list rows: credit and its
//! invoices, complaints, satisfaction (with its sparkline), contacts, deals
//! and the timeline. The rows and their order are the screen's
//! (`screens::accounts::rows`), so row N here is row N the keys act on.

use super::panes::{Cx, fit};
use crate::domain::account_warnings::COMPLAINT_OPEN_DAYS;
use crate::domain::flags::{self, Severity};
use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::cursor::{List, ListCursor};
use crate::tui::screens::accounts::{AccountPane, rows};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Sparkline, Table};

/// Draws `pane`'s lines above its rows, then the rows.
pub(super) fn draw(cx: &Cx, frame: &mut Frame, area: Rect, pane: AccountPane, focused: bool) {
    match pane {
        AccountPane::Credit => credit(cx, frame, area, focused),
        AccountPane::Complaints => complaints(cx, frame, area, focused),
        AccountPane::Satisfaction => satisfaction(cx, frame, area, focused),
        AccountPane::Contacts => contacts(cx, frame, area, focused),
        AccountPane::Deals => deals(cx, frame, area, focused),
        AccountPane::Timeline => timeline(cx, frame, area, focused),
        _ => {}
    }
}

/// A pane's rows as a table in `area`: a header, then the window that
/// keeps the selected row in view (selected style while `focused`; an
/// unfocused pane shows its first rows and counts the rest). `row` makes
/// the cells of row `n` for the columns' widths, with the row's style.
struct Rows<'a> {
    widths: Vec<Constraint>,
    header: Vec<&'a str>,
    len: usize,
    /// Said instead of the table when there are no rows.
    empty: &'a str,
}

fn draw_rows(
    cx: &Cx,
    frame: &mut Frame,
    area: Rect,
    (pane, focused): (AccountPane, bool),
    spec: Rows,
    row: impl Fn(usize, &[usize]) -> (Vec<Cell<'static>>, Style),
) {
    let t = &cx.app.theme;
    if spec.len == 0 {
        let text = truncate(spec.empty, usize::from(area.width)).into_owned();
        frame.render_widget(Paragraph::new(text).style(t.dim()), area);
        return;
    }
    let height = usize::from(area.height.saturating_sub(1));
    let (offset, shown, more) = if focused {
        let mut cursor = ListCursor::default();
        cursor.set(cx.app.screens.accounts.item(pane), spec.len);
        let offset = cursor.offset(height);
        // PgDn moves by the rows the user saw, and a click picks the row
        // under the pointer (the rows start under the header)
        super::super::record_window(
            cx.app,
            List::AccountItems,
            (area, area.y + 1),
            (offset, spec.len, height),
        );
        (offset, height, 0)
    } else if spec.len > height {
        // the last row says how many more there are
        let shown = height.saturating_sub(1);
        (0, shown, spec.len - shown)
    } else {
        (0, height, 0)
    };
    let at = cx.app.screens.accounts.item(pane);
    let cols = super::super::column_widths(&spec.widths, area.width, 1);
    let mut rows: Vec<Row> = (offset..spec.len.min(offset + shown))
        .map(|n| {
            let (cells, style) = row(n, &cols);
            let r = Row::new(cells).style(style);
            if focused && n == at {
                r.style(t.selected())
            } else {
                r
            }
        })
        .collect();
    if more > 0 && height > 0 {
        rows.push(Row::new(vec![Cell::from(tf!("+{n} more", n = more))]).style(t.dim()));
    }
    let header: Vec<Cell> = spec
        .header
        .iter()
        .zip(&cols)
        .map(|(h, w)| Cell::from(truncate(h, *w).into_owned()))
        .collect();
    frame.render_widget(
        Table::new(rows, spec.widths)
            .header(Row::new(header).style(t.dim()))
            .column_spacing(1),
        area,
    );
}

/// Text in a column `w` wide, cut with `…`.
fn cell(text: &str, w: usize) -> Cell<'static> {
    Cell::from(truncate(&clean(text), w).into_owned())
}

/// Right-aligned text in a column `w` wide.
fn right(text: &str, w: usize) -> Cell<'static> {
    Cell::from(Line::from(truncate(text, w).into_owned()).right_aligned())
}

/// An amount as wide as the column allows: grouped, else compact.
fn money(m: crate::domain::Money, w: usize) -> Cell<'static> {
    let full = m.grouped();
    if width(&full) <= w {
        right(&full, w)
    } else {
        right(&super::super::compact(m), w)
    }
}

/// Limit, owed, overdue and what is available; then the invoices, unpaid
/// first, the overdue ones in the warning style with their days overdue.
fn credit(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.app.theme;
    let Some(c) = &cx.a.credit else {
        let text = i18n::t("No credit line set: no limit, no terms, no invoices.");
        frame.render_widget(
            Paragraph::new(fit(vec![Line::raw(text)], area)).style(t.dim()),
            area,
        );
        return;
    };
    let s = &cx.f.credit;
    let not_set = || i18n::t("not set").to_owned();
    let mut head = vec![Line::raw(tf!(
        "Limit {limit} · terms {terms} · unpaid {unpaid} ({count})",
        limit = s.limit.map_or_else(not_set, |m| m.grouped()),
        terms = s
            .terms_days
            .map_or_else(not_set, |d| crate::text::days(d.0)),
        unpaid = s.unpaid.grouped(),
        count = crate::text::count(s.unpaid_count as i64, "invoice", "invoices")
    ))];
    let available = s.available().map_or_else(not_set, |m| m.grouped());
    let line = if s.overdue_count == 0 {
        tf!("Nothing overdue · available {available}", available)
    } else {
        tf!(
            "Overdue {overdue} ({count}, the oldest {days}) · available {available}",
            overdue = s.overdue.grouped(),
            count = crate::text::count(s.overdue_count as i64, "invoice", "invoices"),
            days = crate::text::days(s.days_overdue),
            available = available
        )
    };
    let risky = s.overdue_count > 0 || s.over_limit();
    head.push(Line::from(Span::styled(
        line,
        if risky { t.warning() } else { Style::new() },
    )));
    let head = super::super::wrapped(head, usize::from(area.width));
    let [top, list] = split(area, head.len());
    frame.render_widget(Paragraph::new(head), top);
    let order = rows::invoices(cx.a);
    let today = cx.app.today;
    // the whole due date where there is room (an invoice a year overdue
    // would otherwise read as its year only)
    let narrow = area.width < 60;
    let date_w: u16 = if narrow { 5 } else { 10 };
    let date = |d: crate::domain::Date| {
        if date_w >= 10 {
            d.to_string()
        } else {
            super::super::short_date(d, today)
        }
    };
    let spec = Rows {
        // a narrow pane (the grid's) shows amounts compact
        // a narrow pane (the grid's) leaves the due date out (the state
        // says how far it is) so that invoice numbers like `HR-2026-098`
        // and `HR-2026-067` stay whole, and shows amounts compact
        widths: if narrow {
            vec![
                Constraint::Fill(3),
                Constraint::Length(7),
                Constraint::Fill(4),
            ]
        } else {
            vec![
                Constraint::Fill(1),
                Constraint::Length(12),
                Constraint::Length(date_w),
                Constraint::Fill(2),
            ]
        },
        header: if narrow {
            vec![
                i18n::t("Invoice"),
                i18n::t("Amount"),
                i18n::t("Paid or overdue"),
            ]
        } else {
            vec![
                i18n::t("Invoice"),
                i18n::t("Amount"),
                i18n::t("Due"),
                i18n::t("Paid or overdue"),
            ]
        },
        len: order.len(),
        empty: i18n::t("No invoices yet."),
    };
    draw_rows(
        cx,
        frame,
        list,
        (AccountPane::Credit, focused),
        spec,
        |n, w| {
            let i = &c.invoices[order[n]];
            let due = i.due_on(c.terms_days);
            let late = i.days_overdue(c.terms_days, today);
            let (state, style) = match (i.paid, due) {
                (Some(p), _) => (tf!("paid {date}", date = date(p)), t.dim()),
                (None, Some(_)) if late > 0 => (
                    tf!("{days} overdue", days = crate::text::days(late)),
                    t.warning(),
                ),
                (None, Some(d)) => (
                    match today.days_until(d) {
                        0 => i18n::t("due today").to_owned(),
                        n => tf!("due in {days}", days = crate::text::days(n)),
                    },
                    Style::new(),
                ),
                (None, None) => (i18n::t("unpaid, no due date").to_owned(), Style::new()),
            };
            let mut cells = vec![cell(i.label(), w[0]), money(i.amount, w[1])];
            if !narrow {
                cells.push(cell(&due.map_or("—".to_owned(), date), w[2]));
            }
            cells.push(cell(&state, w[w.len() - 1]));
            (cells, style)
        },
    );
}

/// The head's rows above, the list below (the list keeps at least two).
fn split(area: Rect, head: usize) -> [Rect; 2] {
    let head = (head as u16).min(area.height.saturating_sub(2));
    Layout::vertical([Constraint::Length(head), Constraint::Fill(1)]).areas(area)
}

/// Open complaints first with their age (the warning style past the
/// days a complaint may stay open), then resolved ones with the date.
fn complaints(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.app.theme;
    let order = rows::complaints(cx.a);
    let today = cx.app.today;
    let spec = Rows {
        widths: vec![
            Constraint::Length(14),
            Constraint::Length(6),
            Constraint::Fill(1),
        ],
        header: vec![i18n::t("State"), i18n::t("Raised"), i18n::t("Complaint")],
        len: order.len(),
        empty: i18n::t("No complaints recorded."),
    };
    draw_rows(
        cx,
        frame,
        area,
        (AccountPane::Complaints, focused),
        spec,
        |n, w| {
            let c = &cx.a.complaints[order[n]];
            let (state, style) = match c.resolved {
                None => {
                    let age = c.raised.days_until(today).max(0);
                    let style = if age > COMPLAINT_OPEN_DAYS {
                        t.warning()
                    } else {
                        Style::new()
                    };
                    (tf!("open {days}", days = crate::text::days(age)), style)
                }
                Some(on) => (
                    tf!(
                        "resolved {date}",
                        date = super::super::short_date(on, today)
                    ),
                    t.dim(),
                ),
            };
            (
                vec![
                    cell(&state, w[0]),
                    cell(&super::super::short_date(c.raised, today), w[1]),
                    cell(&c.text, w[2]),
                ],
                style,
            )
        },
    );
}

/// The scores over time as a sparkline (oldest left, 1 to 5), then each
/// score, newest first.
fn satisfaction(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.app.theme;
    let order = rows::satisfaction(cx.a);
    if !order.is_empty() && area.height >= 6 {
        // the chart takes up to a third of the pane, between one and five rows
        let chart = (area.height / 3).clamp(1, 5);
        let [caption, spark, dates, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(chart),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let scores = cx.scores(usize::from(area.width));
        // each score a bar up to four columns wide, oldest left
        let bar = (usize::from(area.width) / scores.len().max(1)).clamp(1, 4);
        let bars: Vec<u64> = scores
            .iter()
            .flat_map(|s| std::iter::repeat_n(*s, bar))
            .collect();
        let caption_text = if scores.len() < order.len() {
            tf!(
                "the last {n} of {all} scores, oldest left · 1 to 5",
                n = scores.len(),
                all = order.len()
            )
        } else {
            tf!(
                "{scores}, oldest left · 1 to 5",
                scores = crate::text::count(order.len() as i64, "score", "scores")
            )
        };
        frame.render_widget(
            Paragraph::new(truncate(&caption_text, usize::from(area.width)).into_owned())
                .style(t.dim()),
            caption,
        );
        frame.render_widget(
            Sparkline::default().data(&bars).max(5).style(t.good()),
            Rect {
                width: (bars.len() as u16).min(spark.width),
                ..spark
            },
        );
        // the first and the last day the chart shows, under its ends
        let sorted = crate::domain::credit::satisfaction_order(&cx.a.satisfaction);
        let first = cx.a.satisfaction[sorted[sorted.len() - scores.len()]].on;
        let last = cx.a.satisfaction[sorted[sorted.len() - 1]].on;
        let (first, last) = (first.to_string(), last.to_string());
        let span = bars.len().max(1);
        let line = if span >= width(&first) + 1 + width(&last) {
            format!(
                "{first}{}{last}",
                " ".repeat(span - width(&first) - width(&last))
            )
        } else {
            format!("{first} → {last}")
        };
        frame.render_widget(
            Paragraph::new(truncate(&line, usize::from(area.width)).into_owned()).style(t.dim()),
            dates,
        );
        satisfaction_rows(cx, frame, list, focused, &order);
    } else {
        satisfaction_rows(cx, frame, area, focused, &order);
    }
}

fn satisfaction_rows(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool, order: &[usize]) {
    let t = &cx.app.theme;
    let spec = Rows {
        widths: vec![
            Constraint::Length(10),
            Constraint::Length(5),
            Constraint::Fill(1),
        ],
        header: vec![i18n::t("Date"), i18n::t("Score"), i18n::t("Note")],
        len: order.len(),
        empty: i18n::t("No satisfaction scores yet."),
    };
    draw_rows(
        cx,
        frame,
        area,
        (AccountPane::Satisfaction, focused),
        spec,
        |n, w| {
            let s = &cx.a.satisfaction[order[n]];
            // a score below the one before it (older) is a warning sign
            let before = order.get(n + 1).map(|&i| cx.a.satisfaction[i].score);
            let fell = before.is_some_and(|b| s.score < b);
            (
                vec![
                    cell(&s.on.to_string(), w[0]),
                    cell(&format!("{}/5", s.score.0), w[1]),
                    cell(&s.note, w[2]),
                ],
                if fell { t.warning() } else { Style::new() },
            )
        },
    );
}

/// Name, title, email and phone.
fn contacts(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let order = rows::contacts(cx.a);
    let spec = Rows {
        widths: vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Fill(2),
        ],
        header: vec![
            i18n::t("Name"),
            i18n::t("Job title"),
            i18n::t("Email"),
            i18n::t("Phone"),
        ],
        len: order.len(),
        empty: i18n::t("No contacts yet."),
    };
    draw_rows(
        cx,
        frame,
        area,
        (AccountPane::Contacts, focused),
        spec,
        |n, w| {
            let c = &cx.a.contacts[order[n]];
            (
                vec![
                    cell(&c.name, w[0]),
                    cell(&c.title, w[1]),
                    cell(&c.email, w[2]),
                    cell(&c.phone, w[3]),
                ],
                Style::new(),
            )
        },
    );
}

/// The account's deals: stage (or outcome), value, close date and the red
/// flags that show today (how many, the most severe), counted only for the
/// rows on screen.
fn deals(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.app.theme;
    let ws = &cx.app.ws;
    let today = cx.app.today;
    let order = rows::deal_order(ws, cx.a);
    // a narrow pane (the grid's) leaves out the close date and shows
    // amounts compact, so that the deal's title keeps some room
    let narrow = area.width < 60;
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(if narrow { 8 } else { 10 }),
        Constraint::Length(if narrow { 6 } else { 9 }),
        Constraint::Length(5),
        Constraint::Length(8),
    ];
    let mut header = vec![
        i18n::t("Deal"),
        i18n::t("Stage"),
        i18n::t("Value"),
        i18n::t("Close"),
        i18n::t("Flags"),
    ];
    if narrow {
        widths.remove(3);
        header.remove(3);
    }
    let spec = Rows {
        widths,
        header,
        len: order.len(),
        empty: i18n::t("No deals with this account."),
    };
    draw_rows(
        cx,
        frame,
        area,
        (AccountPane::Deals, focused),
        spec,
        |n, w| {
            let o = &ws.opportunities[order[n]];
            let (state, close, style) = match &o.outcome {
                None => (
                    o.stage.label(),
                    o.expected_close
                        .map_or("—".to_owned(), |d| super::super::short_date(d, today)),
                    Style::new(),
                ),
                Some(out) => (
                    out.result.label(),
                    super::super::short_date(out.on, today),
                    t.dim(),
                ),
            };
            let flags = if o.is_open() {
                flags::visible(o, &ws.settings, today)
            } else {
                Vec::new()
            };
            let (text, flag_style) = match flags.first() {
                None => (String::new(), Style::new()),
                Some(worst) => (
                    format!("⚑{} {}", flags.len(), severity(worst.severity)),
                    if worst.severity == Severity::High {
                        t.warning()
                    } else {
                        Style::new()
                    },
                ),
            };
            let mut cells = vec![
                cell(&o.title, w[0]),
                cell(&state, w[1]),
                money(o.value, w[2]),
            ];
            if !narrow {
                cells.push(cell(&close, w[3]));
            }
            let fw = w[w.len() - 1];
            cells.push(Cell::from(Span::styled(
                truncate(&text, fw).into_owned(),
                flag_style,
            )));
            (cells, style)
        },
    );
}

/// A flag's severity as the deal pane says it.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::High => i18n::t("high"),
        Severity::Medium => i18n::t("medium"),
        Severity::Low => i18n::t("low"),
    }
}

/// The actions of the account's deals: open ones by due date (overdue ones
/// marked), then done ones with their done date.
fn timeline(cx: &Cx, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.app.theme;
    let ws = &cx.app.ws;
    let today = cx.app.today;
    let order = rows::timeline(ws, cx.a);
    let spec = Rows {
        widths: vec![
            Constraint::Length(8),
            Constraint::Fill(3),
            Constraint::Fill(2),
        ],
        header: vec![i18n::t("When"), i18n::t("Action"), i18n::t("Deal")],
        len: order.len(),
        empty: i18n::t("No actions on this account's deals."),
    };
    draw_rows(
        cx,
        frame,
        area,
        (AccountPane::Timeline, focused),
        spec,
        |n, w| {
            let r = order[n];
            let o = &ws.opportunities[r.deal];
            let x = &o.actions[r.action];
            let (when, style) = match (x.done, x.due) {
                (Some(on), _) => (
                    format!("✓ {}", super::super::short_date(on, today)),
                    t.dim(),
                ),
                (None, Some(due)) if due < today => (
                    format!("! {}", super::super::short_date(due, today)),
                    t.warning(),
                ),
                (None, Some(due)) => (
                    format!("  {}", super::super::short_date(due, today)),
                    Style::new(),
                ),
                (None, None) => ("  —".to_owned(), Style::new()),
            };
            (
                vec![cell(&when, w[0]), cell(&x.text, w[1]), cell(&o.title, w[2])],
                style,
            )
        },
    );
}
