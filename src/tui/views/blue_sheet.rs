//! View 1's Blue Sheet page (spec section 9), drawn under the deal's
//! header in place of its lists while one of its panes has the focus (`B`):
//! the strategy (the value triangle, the compelling event, the decision
//! process, strengths, our team, the notes), the competition, the decision
//! criteria with the method's advice where we are behind, and the close
//! plan against the expected close date.

use super::deal::{Item, draw_list, share, wanted_heights};
use super::pad_right;
use crate::domain::strategy::{criteria_in_order, criterion_advice, join_team, plan_dates};
use crate::domain::{Opportunity, Standing};
use crate::i18n;
use crate::text::{clean, truncate, width, wrap};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::Pane;
use crate::tui::screens::pipeline::sheet::{StrategyRow, criterion_at, step_at};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const PANES: [Pane; 4] = [
    Pane::Strategy,
    Pane::Competition,
    Pane::Criteria,
    Pane::ClosePlan,
];

pub(super) fn draw(app: &App, o: &Opportunity, frame: &mut Frame, area: Rect) {
    let w = usize::from(area.width);
    let advice = advice_lines(app, o, w);
    let wanted = |contents: &[(String, Vec<Item>)]| {
        let mut wanted = wanted_heights(contents);
        wanted[2] = wanted[2].saturating_add(super::deal::lines(advice.len()));
        wanted
    };
    // each row on a line (the selected one in full); then, pane by pane
    // (the focused one first), every row in full while all still fit
    let mut contents: Vec<(String, Vec<Item>)> =
        PANES.iter().map(|p| items(app, o, *p, w, false)).collect();
    let focused = PANES.iter().position(|p| *p == app.focus());
    let order = focused
        .into_iter()
        .chain((0..PANES.len()).filter(|n| Some(*n) != focused));
    for n in order {
        let full = items(app, o, PANES[n], w, true);
        let before = std::mem::replace(&mut contents[n], full);
        if super::deal::total(&wanted(&contents)) > area.height {
            contents[n] = before;
        }
    }
    let wanted = wanted(&contents);
    let heights = heights(&wanted, app.focus(), area.height);
    let areas = Layout::vertical(heights.iter().map(|h| Constraint::Length(*h))).split(area);
    for ((pane, items), area) in PANES.iter().zip(contents).zip(areas.iter()) {
        if *pane == Pane::Criteria && !advice.is_empty() {
            // the advice under the list, the list keeping two lines
            let n = super::deal::lines(advice.len()).min(area.height.saturating_sub(2));
            let [list, below] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(n)]).areas(*area);
            draw_list(app, *pane, items, frame, list);
            let lines: Vec<Line> = advice
                .iter()
                .take(usize::from(n))
                .map(|l| Line::from(Span::styled(format!("  {l}"), app.theme.warning())))
                .collect();
            frame.render_widget(Paragraph::new(lines), below);
        } else {
            draw_list(app, *pane, items, frame, *area);
        }
    }
}

/// Heights of the four panes in `room` lines: the focused one gets what
/// it wants, leaving the others a line each (their heading and count);
/// what is left goes to the others, top first.
fn heights(wanted: &[u16], focus: Pane, room: u16) -> Vec<u16> {
    let Some(f) = PANES.iter().position(|p| *p == focus) else {
        return share(wanted, room);
    };
    let others = wanted.len() as u16 - 1;
    let mut out = vec![0; wanted.len()];
    out[f] = wanted[f].min(room.saturating_sub(others)).max(room.min(1));
    let mut left = room - out[f];
    for n in (0..wanted.len()).filter(|n| *n != f) {
        out[n] = left.min(1);
        left -= out[n];
    }
    for n in (0..wanted.len()).filter(|n| *n != f) {
        let more = wanted[n].saturating_sub(out[n]).min(left);
        out[n] += more;
        left -= more;
    }
    out
}

/// The method's advice on the selected criterion when we are behind on it
/// and the criteria have the focus, wrapped.
fn advice_lines(app: &App, o: &Opportunity, width: usize) -> Vec<String> {
    if app.focus() != Pane::Criteria {
        return Vec::new();
    }
    match criterion_at(o, app.detail_selection(Pane::Criteria)) {
        Some(c) if c.standing == Standing::Behind => wrap(
            &format!("→ {}", criterion_advice(c.kind)),
            width.saturating_sub(3),
        ),
        _ => Vec::new(),
    }
}

/// A row's label in the strategy pane.
fn row_label(row: StrategyRow) -> &'static str {
    i18n::t(match row {
        StrategyRow::Needs => "Needs",
        StrategyRow::Benefits => "Benefits",
        StrategyRow::Differentiators => "Why us",
        StrategyRow::Event => "Event",
        StrategyRow::Process => "Process",
        StrategyRow::Strengths => "Strengths",
        StrategyRow::Team => "Our team",
        StrategyRow::Notes => "Notes",
    })
}

/// What a strategy row holds, on one line (the notes: all their lines).
fn row_value(app: &App, o: &Opportunity, row: StrategyRow) -> String {
    let vp = &o.value_proposition;
    let text = match row {
        StrategyRow::Needs => vp.needs.clone(),
        StrategyRow::Benefits => vp.benefits.clone(),
        StrategyRow::Differentiators => vp.differentiators.clone(),
        StrategyRow::Event => match &o.compelling_event {
            None => String::new(),
            Some(e) => {
                let when = e.on.map(|d| {
                    let days = app.today.days_until(d);
                    match days {
                        0 => tf!("{date}, today", date = d),
                        n if n > 0 => tf!("{date}, in {n} d", date = d, n),
                        n => tf!("{date}, {n} d ago", date = d, n = -n),
                    }
                });
                // the date first: a narrow pane cuts the text, not the days
                match (e.text.trim(), when) {
                    (t, Some(w)) if !t.is_empty() => format!("{w} · {t}"),
                    (_, Some(w)) => w,
                    (t, None) => t.to_owned(),
                }
            }
        },
        StrategyRow::Process => o.decision_process.clone(),
        StrategyRow::Strengths => o.strengths.join("; "),
        StrategyRow::Team => join_team(&o.team),
        StrategyRow::Notes => o.notes.clone(),
    };
    text.trim().to_owned()
}

/// How many of the strategy's rows are written.
fn written(app: &App, o: &Opportunity) -> usize {
    StrategyRow::ALL
        .iter()
        .filter(|r| !row_value(app, o, **r).is_empty())
        .count()
}

/// The rows of one pane of the page and its heading.
fn items(app: &App, o: &Opportunity, pane: Pane, width: usize, full: bool) -> (String, Vec<Item>) {
    let room = width.saturating_sub(3);
    // the selected row is shown in full (every row when `full`)
    let selected = |n: usize| app.focus() == pane && app.detail_selection(pane) == n;
    match pane {
        Pane::Strategy => (
            tf!(
                "Strategy ({n}/{all})",
                n = written(app, o),
                all = StrategyRow::ALL.len()
            ),
            strategy_items(app, o, room, full),
        ),
        Pane::Competition => (
            tf!("Competition ({n})", n = o.competition.len()),
            competition_items(app, o, room, full, &selected),
        ),
        Pane::Criteria => (
            tf!("Decision criteria ({n})", n = o.decision_criteria.len()),
            criteria_items(app, o, room, full, &selected),
        ),
        _ => {
            let dates = plan_dates(o);
            (
                if o.close_plan.is_empty() {
                    tf!("Close plan ({n})", n = 0)
                } else {
                    tf!(
                        "Close plan ({done}/{n} done)",
                        done = dates.done,
                        n = o.close_plan.len()
                    )
                },
                plan_items(app, o, room, full, &selected),
            )
        }
    }
}

/// `text` after a `lead` of `indent` columns: one line cut with `…`, or
/// when `full` all of it, its later lines indented under the first (the
/// selection does not rest on them).
fn rows_of(lead: String, text: &str, style: Style, room: usize, full: bool) -> Vec<Item> {
    let indent = width(&lead);
    let text_room = room.saturating_sub(indent).max(1);
    if !full {
        return vec![(format!("{lead}{}", truncate(text, text_room)), style, true)];
    }
    let lines: Vec<String> = text
        .lines()
        .flat_map(|l| {
            let l = clean(l);
            if l.trim().is_empty() {
                vec![String::new()]
            } else {
                wrap(&l, text_room)
            }
        })
        .collect();
    let mut out = Vec::new();
    for (n, line) in lines.into_iter().enumerate() {
        if n == 0 {
            out.push((format!("{lead}{line}"), style, true));
        } else {
            out.push((format!("{}{line}", " ".repeat(indent)), style, false));
        }
    }
    if out.is_empty() {
        out.push((lead, style, true));
    }
    out
}

fn strategy_items(app: &App, o: &Opportunity, room: usize, all: bool) -> Vec<Item> {
    let t = &app.theme;
    let label_w = StrategyRow::ALL
        .iter()
        .map(|r| width(row_label(*r)))
        .max()
        .unwrap_or(0)
        + 1;
    StrategyRow::ALL
        .iter()
        .enumerate()
        .flat_map(|(n, row)| {
            let lead = pad_right(row_label(*row), label_w);
            let value = row_value(app, o, *row);
            if value.is_empty() {
                // a closed deal is not edited: no invitation to write
                let hint = if o.is_open() {
                    i18n::t("— (e to write)")
                } else {
                    "—" // i18n-exempt: a dash for nothing written
                };
                return vec![(
                    truncate(&format!("{lead}{hint}"), room).into_owned(),
                    t.dim(),
                    true,
                )];
            }
            let full = all
                || *row == StrategyRow::Notes
                || (app.focus() == Pane::Strategy && app.detail_selection(Pane::Strategy) == n);
            let text = if *row == StrategyRow::Notes {
                value
            } else {
                clean(&value).into_owned()
            };
            rows_of(lead, &text, Style::new(), room, full)
        })
        .collect()
}

/// A competitor's position: in red when they are ahead of us.
fn position_style(app: &App, s: Standing) -> Style {
    let t = &app.theme;
    match s {
        Standing::Ahead => t.error(),
        Standing::Even => t.warning(),
        Standing::Behind => t.good(),
        Standing::Unknown => t.dim(),
    }
}

/// Where we stand on a criterion: in red when we are behind.
fn standing_style(app: &App, s: Standing) -> Style {
    let t = &app.theme;
    match s {
        Standing::Ahead => t.good(),
        Standing::Even => Style::new(),
        Standing::Behind => t.error(),
        Standing::Unknown => t.dim(),
    }
}

/// The widest of a few labels, for a column.
fn widest<'a>(labels: impl Iterator<Item = &'a str>) -> usize {
    labels.map(width).max().unwrap_or(0)
}

/// What an empty list shows: how to add to it (a closed deal: a dash, it
/// is not edited).
fn empty(app: &App, o: &Opportunity) -> Vec<Item> {
    let text = if o.is_open() {
        i18n::t("— (a adds one)")
    } else {
        "—" // i18n-exempt: a dash for an empty list
    };
    vec![(text.to_owned(), app.theme.dim(), false)]
}

fn competition_items(
    app: &App,
    o: &Opportunity,
    room: usize,
    full: bool,
    selected: &dyn Fn(usize) -> bool,
) -> Vec<Item> {
    if o.competition.is_empty() {
        return empty(app, o);
    }
    // the names in a column as wide as the widest, up to a third of the row
    let names: Vec<String> = o
        .competition
        .iter()
        .map(|c| clean(&c.name).into_owned())
        .collect();
    let name_w = widest(names.iter().map(String::as_str))
        .min(room / 3)
        .max(1);
    let labels: Vec<String> = Standing::ALL.iter().map(|s| s.label()).collect();
    let label_w = widest(labels.iter().map(String::as_str));
    o.competition
        .iter()
        .zip(&names)
        .enumerate()
        .flat_map(|(n, (c, name))| {
            let name = pad_right(&truncate(name, name_w), name_w);
            let lead = format!(
                "{name} {} {} ",
                c.position.symbol(),
                pad_right(&c.position.label(), label_w)
            );
            let mut parts = Vec::new();
            if !c.strengths.is_empty() {
                parts.push(format!("+ {}", clean(&c.strengths.join("; "))));
            }
            if !c.weaknesses.is_empty() {
                parts.push(format!("− {}", clean(&c.weaknesses.join("; "))));
            }
            let style = position_style(app, c.position);
            if !(full || selected(n)) {
                return rows_of(lead, &parts.join("  "), style, room, false);
            }
            // the selected one: their strengths and weaknesses in full,
            // each on lines of its own
            let mut out = vec![(truncate(lead.trim_end(), room).into_owned(), style, true)];
            for part in parts {
                for line in wrap(&part, room.saturating_sub(4)) {
                    out.push((format!("    {line}"), style, false));
                }
            }
            out
        })
        .collect()
}

fn criteria_items(
    app: &App,
    o: &Opportunity,
    room: usize,
    full: bool,
    selected: &dyn Fn(usize) -> bool,
) -> Vec<Item> {
    if o.decision_criteria.is_empty() {
        return empty(app, o);
    }
    // the kind in a column where there is room for it
    let wide = room >= 50;
    let kinds: Vec<String> = crate::domain::CriterionKind::ALL
        .iter()
        .map(|k| k.label())
        .collect();
    let kind_w = widest(kinds.iter().map(String::as_str));
    criteria_in_order(o)
        .into_iter()
        .enumerate()
        .flat_map(|(n, c)| {
            let weight = c.weight.map_or("·".to_owned(), |w| w.0.to_string());
            let kind = c.kind.map_or(String::new(), |k| k.label());
            let lead = if wide {
                format!(
                    "{weight} {} {} ",
                    c.standing.symbol(),
                    pad_right(&kind, kind_w)
                )
            } else {
                format!("{weight} {} ", c.standing.symbol())
            };
            let holder = c
                .held_by
                .as_deref()
                .and_then(|id| o.influences.iter().find(|p| p.id == id))
                .map(|p| clean(&p.name).into_owned());
            let text = match &holder {
                Some(name) => format!("{} · {name}", clean(&c.text)),
                None => clean(&c.text).into_owned(),
            };
            let style = standing_style(app, c.standing);
            if !selected(n) {
                return rows_of(lead, &text, style, room, full);
            }
            let mut out = rows_of(lead.clone(), &clean(&c.text), style, room, true);
            // the selected one says it in words: kind, where we stand, who
            let mut words = Vec::new();
            if !kind.is_empty() && !wide {
                words.push(kind);
            }
            words.push(c.standing.label());
            if let Some(name) = holder {
                words.push(tf!("held by {name}", name));
            }
            let indent = width(&lead);
            for line in wrap(&words.join(" · "), room.saturating_sub(indent).max(1)) {
                out.push((format!("{}{line}", " ".repeat(indent)), style, false));
            }
            out
        })
        .collect()
}

fn plan_items(
    app: &App,
    o: &Opportunity,
    room: usize,
    full: bool,
    selected: &dyn Fn(usize) -> bool,
) -> Vec<Item> {
    let t = &app.theme;
    let dates = plan_dates(o);
    let mut out: Vec<Item> = Vec::new();
    // dates in full where there is room, else as `12-15`
    let wide = room >= 50;
    if dates.ends_after_close
        && let (Some(ends), Some(close)) = (dates.ends, o.expected_close)
    {
        // narrow, one line: the marker below says when the close is
        let text = if wide {
            tf!(
                "⚠ the plan ends {ends}, after the expected close {close}: move the date or the steps",
                ends,
                close
            )
        } else {
            tf!(
                "⚠ ends {ends}, after the close",
                ends = super::short_date(ends, app.today)
            )
        };
        for line in wrap(&text, room) {
            out.push((line, t.warning(), false));
        }
    }
    if o.close_plan.is_empty() {
        out.extend(empty(app, o));
        return out;
    }
    let sides: Vec<String> = crate::domain::Side::ALL.iter().map(|s| s.label()).collect();
    let side_w = widest(sides.iter().map(String::as_str));
    let date_w = if wide { 10 } else { 5 };
    let marker = o.expected_close.map(|close| {
        let text = tf!("expected close {date}", date = close);
        let line = format!("── {text} ──");
        (close, truncate(&line, room).into_owned())
    });
    let mut marked = false;
    for n in 0..o.close_plan.len() {
        let Some(s) = step_at(o, n) else { break };
        if let Some((close, line)) = &marker
            && !marked
            && s.due.is_none_or(|d| d > *close)
        {
            out.push((line.clone(), t.dim(), false));
            marked = true;
        }
        let due = s.due.map_or_else(
            || {
                if wide {
                    pad_right(i18n::t("no date"), date_w)
                } else {
                    "—".to_owned()
                }
            },
            |d| {
                if wide {
                    d.to_string()
                } else {
                    super::short_date(d, app.today)
                }
            },
        );
        let side = s.side.map_or(String::new(), |v| v.label());
        let lead = format!(
            "{} {} {} ",
            if s.is_open() { "☐" } else { "☑" },
            pad_right(&truncate(&due, date_w), date_w),
            pad_right(&side, side_w)
        );
        let style = if !s.is_open() {
            t.dim()
        } else if s.due.is_some_and(|d| d < app.today) {
            t.warning()
        } else {
            Style::new()
        };
        out.extend(rows_of(
            lead,
            &clean(&s.text),
            style,
            room,
            full || selected(n),
        ));
    }
    if let Some((_, line)) = marker
        && !marked
    {
        out.push((line, t.dim(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focused_pane_gets_what_it_wants_and_the_others_keep_their_heading() {
        // 14 lines at 80×24: the close plan wants 9, the others more
        let h = heights(&[9, 5, 6, 9], Pane::ClosePlan, 14);
        assert_eq!(h, [3, 1, 1, 9]);
        // it wants more than there is: the others keep a line each
        assert_eq!(heights(&[9, 5, 6, 30], Pane::ClosePlan, 14), [1, 1, 1, 11]);
        // room for all: all they want
        assert_eq!(heights(&[9, 5, 6, 9], Pane::Strategy, 40), [9, 5, 6, 9]);
        // a screen too small for a line each never panics
        assert_eq!(
            heights(&[9, 5, 6, 9], Pane::Criteria, 2)
                .iter()
                .sum::<u16>(),
            2
        );
        // no pane of the page focused: a fair share
        assert_eq!(
            heights(&[9, 5, 6, 9], Pane::Table, 14).iter().sum::<u16>(),
            14
        );
    }
}
