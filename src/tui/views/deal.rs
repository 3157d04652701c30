//! View 1's right side: the selected deal's header and its panes
//! (qualification, buying influences, red flags, actions, log).

use super::compact;
use crate::domain::Opportunity;
use crate::i18n;
use crate::text::{clean, truncate, wrap};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::Pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", i18n::t("Deal")), t.heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let Some(o) = app.current_opportunity() else {
        frame.render_widget(
            Paragraph::new(i18n::t("Select an opportunity.")).style(t.dim()),
            inner,
        );
        return;
    };
    // a tall pane has room for the objective and the log entries in full
    // (wrapped); a short one keeps them to a line each, cut with `…`
    let roomy = inner.height >= ROOMY;
    let objective = objective_lines(o, usize::from(inner.width), roomy);
    let title = title_lines(o, usize::from(inner.width), roomy);
    // wide, an open deal's forecast category has a line of its own
    let header_height = if inner.width < 60 {
        3
    } else {
        2 + u16::from(o.is_open())
    } + (title.len() + objective.len()) as u16;
    // the Blue Sheet's page: its panes in place of the deal's lists
    if app.screens.pipeline.sheet_shown() {
        let [header, rest] =
            Layout::vertical([Constraint::Length(header_height), Constraint::Fill(1)]).areas(inner);
        draw_header(app, o, (title, objective), frame, header);
        super::blue_sheet::draw(app, o, frame, rest);
        return;
    }
    let [header, qual, lists] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(inner);
    draw_header(app, o, (title, objective), frame, header);
    draw_qualification(app, o, frame, qual);
    let panes = [Pane::Influences, Pane::Flags, Pane::Actions, Pane::Log];
    let items = |wrap_flags: bool| -> Vec<_> {
        panes
            .iter()
            .map(|p| list_items(app, o, *p, lists.width as usize, (roomy, wrap_flags)))
            .collect()
    };
    // the red flags wrap only where every list still gets all it wants
    let contents = Some(items(roomy))
        .filter(|c| wanted_rows(c) <= lists.height)
        .unwrap_or_else(|| items(false));
    let wanted = wanted_heights(&contents);
    // room left under the lists shows the deal's notes
    let used: u16 = total(&wanted);
    let (lists, notes) = if roomy && !o.notes.trim().is_empty() && lists.height > used + 2 {
        let [lists, notes] =
            Layout::vertical([Constraint::Length(used), Constraint::Fill(1)]).areas(lists);
        (lists, Some(notes))
    } else {
        (lists, None)
    };
    if let Some(area) = notes {
        draw_notes(app, o, frame, area);
    }
    let heights = share(&wanted, lists.height);
    let areas = Layout::vertical(heights.iter().map(|h| Constraint::Length(*h))).split(lists);
    for ((pane, items), area) in panes.iter().zip(contents).zip(areas.iter()) {
        draw_list(app, *pane, items, frame, *area);
    }
}

/// The rows each list wants: its heading and its items (`none` when empty).
pub(super) fn wanted_heights(contents: &[(String, Vec<Item>)]) -> Vec<u16> {
    contents
        .iter()
        .map(|(_, items)| 1u16.saturating_add(lines(items.len().max(1))))
        .collect()
}

/// A count of lines as a height: a list longer than a screen ever is (a
/// note of 100,000 lines) is as tall as the tallest, never wrapped round.
pub(super) fn lines(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The sum of heights, saturating rather than wrapping.
pub(super) fn total(heights: &[u16]) -> u16 {
    heights.iter().fold(0u16, |a, h| a.saturating_add(*h))
}

fn wanted_rows(contents: &[(String, Vec<Item>)]) -> u16 {
    total(&wanted_heights(contents))
}

/// The most lines the deal's title takes when it wraps.
const TITLE_LINES: usize = 3;

/// The deal's title, leaving room for its id on the first line: wrapped
/// when `roomy` (the last line cut with `…` past a few lines), else one
/// line cut with `…`.
fn title_lines(o: &Opportunity, width: usize, roomy: bool) -> Vec<String> {
    let room = width.saturating_sub(2 + crate::text::width(&clean(&o.id)));
    let text = clean(&o.title);
    if !roomy {
        return vec![truncate(&text, room).into_owned()];
    }
    let mut lines = wrap(&text, room);
    if lines.len() > TITLE_LINES {
        let rest = lines[TITLE_LINES - 1..].join(" ");
        lines.truncate(TITLE_LINES - 1);
        lines.push(truncate(&rest, room).into_owned());
    }
    lines
}

/// The rows of the deal pane from which long texts wrap.
const ROOMY: u16 = 30;

/// The most lines the objective takes when it wraps.
const OBJECTIVE_LINES: usize = 5;

/// The objective after its `Objective ` label: wrapped when `roomy` (the
/// last line cut with `…` past a few lines), else one line cut with `…`.
/// A closed deal shows its reason there instead, on one line.
fn objective_lines(o: &Opportunity, width: usize, roomy: bool) -> Vec<String> {
    let room = width.saturating_sub(crate::text::width(&objective_label()));
    let text = if o.outcome.is_some() {
        return vec![String::new()];
    } else if o.objective.is_empty() {
        i18n::t("— (O to write one)").to_owned()
    } else {
        clean(&o.objective).into_owned()
    };
    if !roomy {
        return vec![truncate(&text, room).into_owned()];
    }
    let mut lines = wrap(&text, room);
    if lines.len() > OBJECTIVE_LINES {
        let rest = lines[OBJECTIVE_LINES - 1..].join(" ");
        lines.truncate(OBJECTIVE_LINES - 1);
        lines.push(truncate(&rest, room).into_owned());
    }
    lines
}

/// `Objective `, the label before the objective's first line.
fn objective_label() -> String {
    format!("{} ", i18n::t("Objective"))
}

/// The notes, wrapped, under a heading; what does not fit is counted.
fn draw_notes(app: &App, o: &Opportunity, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let room = usize::from(area.height.saturating_sub(1));
    let mut text: Vec<String> = o
        .notes
        .lines()
        .flat_map(|l| wrap(&clean(l), usize::from(area.width).saturating_sub(3)))
        .collect();
    if text.len() > room {
        let more = text.len() + 1 - room;
        text.truncate(room.saturating_sub(1));
        text.push(tf!("+{more} more lines: N opens them in $EDITOR", more));
    }
    let mut lines = vec![Line::from(Span::styled(
        format!("  {}", i18n::t("Notes")),
        t.heading(),
    ))];
    lines.extend(text.into_iter().map(|l| Line::from(format!("  {l}"))));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Heights for lists that want `wanted` lines in `room`: all they want when
/// it fits, else at least two lines each and the rest shared in proportion.
pub(super) fn share(wanted: &[u16], room: u16) -> Vec<u16> {
    if total(wanted) <= room {
        return wanted.to_vec();
    }
    let mut budget = room;
    let floor: Vec<u16> = wanted
        .iter()
        .map(|w| {
            let f = (*w).min(2).min(budget);
            budget -= f;
            f
        })
        .collect();
    let spare = room.saturating_sub(total(&floor));
    let extra_wanted: u32 = wanted
        .iter()
        .zip(&floor)
        .map(|(w, f)| u32::from(w - f))
        .sum();
    let mut out: Vec<u16> = wanted
        .iter()
        .zip(&floor)
        .map(|(w, f)| f + (u32::from(w - f) * u32::from(spare) / extra_wanted.max(1)) as u16)
        .collect();
    // hand out what rounding left, top first
    let mut left = room.saturating_sub(total(&out));
    for (o, w) in out.iter_mut().zip(wanted) {
        let more = (w - *o).min(left);
        *o += more;
        left -= more;
    }
    out
}

fn draw_header(
    app: &App,
    o: &Opportunity,
    (title, objective): (Vec<String>, Vec<String>),
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let s = &app.ws.settings;
    let account = app
        .ws
        .account(&o.account)
        .map_or(o.account.as_str(), |a| a.name.as_str());
    let days = o
        .days_in_stage(app.today)
        .map_or(String::new(), |d| format!(" {}", tf!("{d} d", d)));
    let close = o
        .expected_close
        .map_or(i18n::t("no close date").to_owned(), |d| {
            tf!("close {date}", date = d)
        });
    // narrow: account and stage on lines of their own, so neither is cut
    let narrow = area.width < 60;
    let mut title = title.into_iter();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(title.next().unwrap_or_default(), t.title()),
            Span::styled(format!("  {}", clean(&o.id)), t.dim()),
        ]),
        Line::from(vec![
            Span::raw(clean(account).into_owned()),
            Span::raw(if narrow { "" } else { " · " }),
        ]),
        Line::from(vec![
            Span::styled(
                if narrow {
                    o.stage.shown()
                } else {
                    o.stage.name()
                },
                t.stage(o.stage),
            ),
            Span::raw(format!("{days} · {close}")),
        ]),
        value_line(o, s, narrow, usize::from(area.width)),
    ];
    // wide: the forecast category on a line of its own, where it comes from
    // said in words (narrow: at the end of the value line)
    if o.is_open() && !narrow {
        lines.push(Line::from(tf!(
            "forecast: {category}",
            category = forecast_words(o, s)
        )));
    }
    for (n, line) in objective.into_iter().enumerate() {
        let label = if n == 0 {
            objective_label()
        } else {
            " ".repeat(crate::text::width(&objective_label()))
        };
        lines.push(Line::from(vec![
            Span::styled(label, t.dim()),
            Span::raw(line),
        ]));
    }
    if let Some(outcome) = &o.outcome {
        // a closed deal: how it ended instead of where it stands
        let [stage, value, reason] = closed_lines(app, o, outcome, narrow);
        lines[2] = stage;
        lines[3] = value;
        lines[4] = reason;
    }
    if !narrow {
        let stage = lines.remove(2);
        lines[1].spans.extend(stage.spans);
    }
    // the title's later lines under its first
    for (n, line) in title.enumerate() {
        lines.insert(1 + n, Line::from(Span::styled(line, t.title())));
    }
    // a line longer than the pane (a closed deal's reason) ends with `…`
    let lines = super::truncated(lines, usize::from(area.width));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Value, probability and weighted value: `85,000 CNY · 5% (set) ·
/// weighted 4,250`. Narrow, amounts are short, a `*` marks what the seller
/// set, and an open deal's forecast category ends the line
/// (`85k CNY · 5%* · w 4.2k · pipeline`); the currency goes when the line
/// would not fit, so the category is never cut.
fn value_line(
    o: &Opportunity,
    s: &crate::domain::Settings,
    narrow: bool,
    width: usize,
) -> Line<'static> {
    let percent = format!(
        "{}%{}",
        o.probability_used(s).0,
        match (o.probability.is_some(), narrow) {
            (false, _) => "",
            (true, true) => "*",
            (true, false) => i18n::t(" (set)"),
        }
    );
    let currency = clean(&s.currency).into_owned();
    if !narrow {
        return Line::from(format!(
            "{} {currency} · {percent} · {}",
            o.value.grouped(),
            tf!("weighted {amount}", amount = o.weighted(s).grouped())
        ));
    }
    // short amounts, so the weighted value is never cut into a
    // smaller-looking number
    let rest = format!(
        "{percent} · {}",
        tf!("w {amount}", amount = compact(o.weighted(s)))
    );
    let category = o.is_open().then(|| {
        let used = crate::domain::forecast::category(o, s).label();
        format!(
            " · {used}{}",
            if o.forecast_category.is_some() {
                "*"
            } else {
                ""
            }
        )
    });
    let category = category.unwrap_or_default();
    let value = compact(o.value);
    let line = format!("{value} {currency} · {rest}{category}");
    if crate::text::width(&line) <= width || category.is_empty() {
        return Line::from(line);
    }
    Line::from(format!("{value} · {rest}{category}"))
}

/// The forecast category a deal counts in and where it comes from:
/// `commit (set)`, `best case (from 75%)`.
pub(super) fn forecast_words(o: &Opportunity, settings: &crate::domain::Settings) -> String {
    let used = crate::domain::forecast::category(o, settings).label();
    match o.forecast_category {
        Some(_) => tf!("{category} (set)", category = used),
        None => tf!(
            "{category} (from {percent}%)",
            category = used,
            percent = o.probability_used(settings).0
        ),
    }
}

/// The header's lines for a closed deal: result and date, the final
/// amount and reason code, the reason in words.
fn closed_lines(
    app: &App,
    o: &Opportunity,
    outcome: &crate::domain::Outcome,
    narrow: bool,
) -> [Line<'static>; 3] {
    use crate::domain::OutcomeResult as R;
    let t = &app.theme;
    let style = match outcome.result {
        R::Won => t.good(),
        R::Lost => t.error(),
        R::Abandoned => t.dim(),
    };
    let code = outcome
        .reason_code
        .as_deref()
        .map_or(i18n::t("no reason code").to_owned(), |c| {
            tf!("code {code}", code = i18n::word("reason", &clean(c)))
        });
    let amount = if narrow {
        compact(o.value)
    } else {
        o.value.grouped()
    };
    [
        Line::from(vec![
            Span::styled(
                outcome.result.label().to_uppercase(),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::raw(format!(
                " {}",
                tf!(
                    "{date} · in {stage}",
                    date = outcome.on,
                    stage = o.stage.label()
                )
            )),
        ]),
        Line::from(format!(
            "{amount} {} · {code}",
            clean(&app.ws.settings.currency)
        )),
        Line::from(vec![
            Span::styled(format!("{} ", i18n::t("Reason")), t.dim()),
            Span::raw(if outcome.reason.is_empty() {
                "—".to_owned()
            } else {
                clean(&outcome.reason).into_owned()
            }),
        ]),
    ]
}

pub(super) fn heading(app: &App, pane: Pane, text: String) -> Line<'static> {
    let t = &app.theme;
    if app.focus() == pane {
        Line::from(Span::styled(format!("▸ {text}"), t.focused_heading()))
    } else {
        Line::from(Span::styled(format!("  {text}"), t.heading()))
    }
}

fn draw_qualification(app: &App, o: &Opportunity, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let focused = app.focus() == Pane::Qualification;
    let sel = app.detail_selection(Pane::Qualification);
    let confirmed = o
        .qualification
        .conditions()
        .iter()
        .filter(|(_, c)| *c == Some(true))
        .count();
    let mut lines = vec![heading(
        app,
        Pane::Qualification,
        tf!("Qualification {confirmed}/4", confirmed),
    )];
    let cells: Vec<Span> = o
        .qualification
        .conditions()
        .iter()
        .enumerate()
        .map(|(n, (name, value))| {
            let (mark, style) = match value {
                Some(true) => ("✓", t.good()),
                Some(false) => ("✗", t.error()),
                None => ("?", t.warning()),
            };
            let style = if focused && n == sel {
                t.selected()
            } else {
                style
            };
            Span::styled(
                format!("{mark} {}", super::pad_right(condition(name), 10)),
                style,
            )
        })
        .collect();
    let mut cells = cells.into_iter();
    let first: Vec<Span> = cells
        .by_ref()
        .take(2)
        .flat_map(|s| [Span::raw("  "), s])
        .collect();
    let second: Vec<Span> = cells.flat_map(|s| [Span::raw("  "), s]).collect();
    lines.push(Line::from(first));
    lines.push(Line::from(second));
    frame.render_widget(Paragraph::new(lines), area);
    // two conditions a line, each `  ✓ name      `: 14 columns
    app.hits.grid(
        crate::tui::cursor::List::Qualification,
        area,
        area.y + 1,
        vec![Some(0), Some(2)],
        (14, 2),
    );
}

/// One list row: text, style, and whether the selection can rest on it
/// (the role labels and empty-slot notes of the influence map cannot).
pub(super) type Item = (String, Style, bool);

fn list_items(
    app: &App,
    o: &Opportunity,
    pane: Pane,
    width: usize,
    (roomy, wrap_flags): (bool, bool),
) -> (String, Vec<Item>) {
    let t = &app.theme;
    let fit = |s: String| truncate(&s, width.saturating_sub(3)).into_owned();
    match pane {
        Pane::Influences => (
            fit(tf!(
                "Buying influences ({n}) · Enter: map",
                n = o.influences.len()
            )),
            super::influence_rows::rows(app, o, width),
        ),
        Pane::Flags => {
            use crate::domain::flags::Severity;
            let rows = crate::domain::flags::flag_rows(o, &app.ws.settings, app.today);
            let shown = rows.iter().filter(|(_, s)| s.is_none()).count();
            let mut items: Vec<Item> = rows
                .iter()
                .flat_map(|(f, snooze)| {
                    let (mark, text, style) = match snooze {
                        None => {
                            let (mark, style) = match f.severity {
                                Severity::High => (severity_mark("H", "high"), t.error()),
                                Severity::Medium => (severity_mark("M", "medium"), t.warning()),
                                Severity::Low => (severity_mark("L", "low"), Style::new()),
                            };
                            (mark, clean(&f.message).into_owned(), style)
                        }
                        Some(z) => (
                            "z".into(),
                            tf!(
                                "until {date} ({reason}): {message}",
                                date = z.until,
                                reason = clean(&z.reason),
                                message = clean(&f.message)
                            ),
                            t.dim(),
                        ),
                    };
                    if wrap_flags {
                        continued_lines(&mark, &text, style, width.saturating_sub(3))
                    } else {
                        vec![(fit(format!("{mark} {text}")), style, true)]
                    }
                })
                .collect();
            // the Blue Sheet lists strengths beside the red flags
            for strength in crate::domain::flags::strengths(o) {
                items.push((fit(format!("✓ {}", clean(&strength))), t.good(), false));
            }
            (tf!("Red flags ({shown}) · strengths", shown), items)
        }
        Pane::Actions => {
            let actions = crate::domain::opportunity::actions_in_order(o);
            // a time column only when some action has a time
            let timed = actions.iter().any(|a| a.at.is_some());
            let narrow = width < 50;
            let selected = (app.screens.pipeline.focus == Pane::Actions)
                .then(|| app.screens.pipeline.detail(Pane::Actions));
            let mut items = Vec::new();
            for (n, a) in actions.iter().enumerate() {
                // a missing date as wide as a date, so the texts align; a
                // narrow pane (80 columns) shows `11-27`, leaving the words
                // room after the time and the kind
                let due = match (a.due, narrow) {
                    (Some(d), false) => d.to_string(),
                    (Some(d), true) => super::short_date(d, app.today),
                    (None, false) => super::pad_right(i18n::t("no date"), 10),
                    (None, true) => super::pad_right("—", 5),
                };
                let row = format!("{due}{} {}", time_cell(a, timed), action_text(a, app.today));
                items.push(match a.done {
                    None => {
                        let style = if a.due.is_some_and(|d| d < app.today) {
                            t.warning()
                        } else {
                            Style::new()
                        };
                        (fit(format!("☐ {row}")), style, true)
                    }
                    Some(_) => (fit(format!("☑ {row}")), t.dim(), true),
                });
                // under the selected action, when the pane is tall: its plan
                if roomy
                    && selected == Some(n)
                    && let Some(line) = plan_line(a, app.today)
                {
                    items.push((fit(format!("  {line}")), t.dim(), false));
                }
            }
            (
                tf!(
                    "Actions ({n} open)",
                    n = o.actions.iter().filter(|a| a.is_open()).count()
                ),
                items,
            )
        }
        _ => (
            tf!("Log ({n})", n = o.log.len()),
            o.log
                .iter()
                .rev()
                .flat_map(|l| {
                    let date = l.on.to_string();
                    let text = clean(&l.text);
                    if !roomy {
                        return vec![(fit(format!("{date} {text}")), Style::new(), true)];
                    }
                    // continuation lines under the text, not the date; they
                    // belong to the entry above, the selection skips them
                    let indent = date.len() + 1;
                    wrap(&text, width.saturating_sub(3 + indent))
                        .into_iter()
                        .enumerate()
                        .map(|(n, line)| {
                            if n == 0 {
                                (format!("{date} {line}"), Style::new(), true)
                            } else {
                                (format!("{}{line}", " ".repeat(indent)), Style::new(), false)
                            }
                        })
                        .collect()
                })
                .collect(),
        ),
    }
}

/// The time of an action as its rows show it, ` 09:30`; blanks as wide
/// when another action of the list has a time (`timed`), else nothing.
pub(super) fn time_cell(a: &crate::domain::Action, timed: bool) -> String {
    match a.at {
        Some(at) => format!(" {at}"),
        None if timed => "      ".into(),
        None => String::new(),
    }
}

/// An action's text after its kind, `[call] Demo to the CFO`, with `!`
/// before a conversation that [`crate::domain::Action::needs_plan`].
pub(super) fn action_text(a: &crate::domain::Action, today: crate::domain::Date) -> String {
    let text = clean(&a.text);
    let mark = if a.needs_plan(today) { "! " } else { "" };
    match a.kind {
        Some(k) => format!("{mark}[{}] {text}", k.label()),
        None => format!("{mark}{text}"),
    }
}

/// What the plan of `a` aims for, on one line: `objective · best: … ·
/// minimum: …`; for a conversation that [`crate::domain::Action::needs_plan`], that it has none.
pub(super) fn plan_line(a: &crate::domain::Action, today: crate::domain::Date) -> Option<String> {
    let Some(p) = a.written_plan() else {
        return a
            .needs_plan(today)
            .then(|| i18n::t("! no call plan yet: p writes it").to_owned());
    };
    let mut parts = Vec::new();
    if !p.objective.trim().is_empty() {
        parts.push(clean(p.objective.trim()).into_owned());
    }
    if !p.best.trim().is_empty() {
        parts.push(tf!("best: {what}", what = clean(p.best.trim())));
    }
    if !p.minimum.trim().is_empty() {
        parts.push(tf!("minimum: {what}", what = clean(p.minimum.trim())));
    }
    if parts.is_empty() {
        parts.push(i18n::t("a call plan (p shows it)").to_owned());
    }
    Some(tf!("Plan: {parts}", parts = parts.join(" · ")))
}

/// A row of a list wrapped to `width` columns after its short `mark`:
/// the later lines indented under the text, where the selection does not
/// rest (they go with the row above).
pub(super) fn continued_lines(mark: &str, text: &str, style: Style, width: usize) -> Vec<Item> {
    let indent = crate::text::width(mark) + 1;
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            if n == 0 {
                (format!("{mark} {line}"), style, true)
            } else {
                (format!("{}{line}", " ".repeat(indent)), style, false)
            }
        })
        .collect()
}

/// A red flag's severity before it: `H`, or the Chinese `高`.
fn severity_mark(letter: &'static str, severity: &str) -> std::borrow::Cow<'static, str> {
    match i18n::lang() {
        i18n::Lang::En => letter.into(),
        i18n::Lang::Zh => i18n::word("severity", severity).into(),
    }
}

/// A qualification condition's name (`need`, `budget`) for people.
pub(super) fn condition(name: &str) -> &str {
    i18n::t(name)
}

pub(super) fn draw_list(
    app: &App,
    pane: Pane,
    (title, items): (String, Vec<Item>),
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let focused = app.focus() == pane;
    // the selection counts selectable rows only; find its line
    let sel = app.detail_selection(pane);
    let sel_line = items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.2)
        .nth(sel)
        .map_or(0, |(n, _)| n);
    let room = (area.height as usize).saturating_sub(1);
    // the focused list says where its selection is, in place of its count
    // and hint (the hint line shows the keys): `Actions · 2 of 7`
    let selectable = items.iter().filter(|it| it.2).count();
    let placed = focused && selectable > 0;
    // any other list that cannot show every row says how many it leaves
    // out, never silently: its last line is `+N more`
    // (a Blue Sheet pane of one line shows its first row: its heading
    // counts them)
    let window = if items.len() > room && !placed && !(pane.on_sheet() && room == 1) {
        room.saturating_sub(1)
    } else {
        room
    };
    app.pages.drawn(pane.list(), window.max(1));
    let title = if placed {
        // the name before the count: `Actions (2 open)`, `行动（2 项未完成）`
        let name = title
            .split(" (")
            .next()
            .and_then(|n| n.split('（').next())
            .unwrap_or(&title);
        format!("{name} · {}", super::position(sel, selectable, ""))
    } else {
        title
    };
    // a wrapped log entry's lines after its first go with it: selected
    // together, and kept in view together when they fit
    // (and so do a wrapped red flag's; the strengths under the flags,
    // never selectable, start with `✓`, never with a space)
    let continues = |it: &Item| {
        (matches!(pane, Pane::Log | Pane::Flags) || pane.on_sheet())
            && !it.2
            && it.0.starts_with(' ')
    };
    let sel_end = sel_line
        + items
            .iter()
            .skip(sel_line + 1)
            .take_while(|it| continues(it))
            .count();
    // headings share the lines with the items: the window is in lines
    let offset = sel_end
        .saturating_sub(window.saturating_sub(1))
        .min(sel_line);
    // for the mouse: the selectable item each shown line is (a wrapped log
    // entry's later lines are that entry)
    let mut before = items[..offset.min(items.len())]
        .iter()
        .filter(|it| it.2)
        .count();
    let mut last = before.checked_sub(1);
    let picks = items
        .iter()
        .skip(offset)
        .take(window)
        .map(|it| {
            if it.2 {
                last = Some(before);
                before += 1;
                last
            } else if continues(it) {
                last
            } else {
                None
            }
        })
        .collect();
    app.hits.list(pane.list(), area, area.y + 1, picks);
    let below = items
        .iter()
        .skip(offset + window)
        .filter(|it| !continues(it))
        .count();
    // the strategy's wrapped notes may go on past the last line shown
    let hidden = items.len().saturating_sub(offset + window);
    let mut lines = vec![heading(app, pane, title)];
    if items.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", i18n::t("none")),
            t.dim(),
        )));
    }
    for (n, (text, style, _)) in items.into_iter().enumerate().skip(offset).take(window) {
        let style = if focused && (sel_line..=sel_end).contains(&n) {
            t.selected()
        } else {
            style
        };
        lines.push(Line::from(vec![Span::raw("  "), Span::styled(text, style)]));
    }
    if below > 0 && room > 0 {
        lines.push(Line::from(Span::styled(
            format!("  {}", tf!("+{n} more", n = below)),
            t.dim(),
        )));
    } else if pane == Pane::Strategy && hidden > 0 && room > 0 && !placed {
        lines.push(Line::from(Span::styled(
            format!(
                "  {}",
                truncate(
                    &tf!("+{more} more lines: N opens them in $EDITOR", more = hidden),
                    usize::from(area.width).saturating_sub(3)
                )
            ),
            t.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn lists_get_what_they_want_or_a_fair_share() {
        assert_eq!(share(&[3, 2, 4, 2], 20), [3, 2, 4, 2]);
        let h = share(&[10, 2, 8, 6], 12);
        assert_eq!(h.iter().sum::<u16>(), 12);
        assert!(h.iter().all(|x| *x >= 2), "{h:?}");
        assert_eq!(share(&[5, 5], 3).iter().sum::<u16>(), 3);
    }
}
