//! View 4's account workspace: the strip naming the panes in Tab order,
//! the account's warnings, and the panes, one large (the focused one) or
//! all at once in a grid; the profile and the plan are drawn here, the
//! panes that list rows in `account_lists.rs`.

use super::lists;
use super::overview::swot_box_lines;
use crate::domain::Account;
use crate::domain::accounts::{AccountFigures, quadrant};
use crate::domain::{Money, credit};
use crate::i18n;
use crate::text::{clean, truncate, width};
use crate::tf;
use crate::tui::app::App;
use crate::tui::screens::accounts::AccountPane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, LineGauge, Paragraph, Sparkline};

/// What every pane draws from: the selected account and its figures,
/// computed once for the frame.
pub(super) struct Cx<'a> {
    pub app: &'a App,
    pub a: &'a Account,
    pub f: &'a AccountFigures,
}

/// The pane's name on its border and in the strip.
pub(super) fn pane_name(p: AccountPane) -> &'static str {
    i18n::t(match p {
        AccountPane::List => "Accounts",
        AccountPane::Profile => "Profile",
        AccountPane::Plan => "Plan",
        AccountPane::Credit => "Credit",
        AccountPane::Complaints => "Complaints",
        AccountPane::Satisfaction => "Satisfaction",
        AccountPane::Contacts => "Contacts",
        AccountPane::Deals => "Deals",
        AccountPane::Timeline => "Timeline",
    })
}

/// The workspace below the shrunk list: the strip, the warnings, and the
/// focused pane large or (on a wide screen, `grid`) every pane.
pub(super) fn draw_workspace(cx: &Cx, frame: &mut Frame, area: Rect, grid: bool) {
    let focus = cx.app.screens.accounts.pane;
    let most = if grid {
        4
    } else if area.height >= 17 {
        3
    } else {
        2
    };
    let warnings = warning_lines(cx, usize::from(area.width), most);
    let [strip, warn, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(warnings.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_strip(cx, frame, strip, focus);
    frame.render_widget(Paragraph::new(warnings), warn);
    if !grid {
        draw_pane(cx, frame, body, focus, true);
        return;
    }
    let [upper, lower] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(body);
    let four = || [Constraint::Fill(1); 4];
    let cells = Layout::horizontal(four())
        .split(upper)
        .iter()
        .chain(Layout::horizontal(four()).split(lower).iter())
        .copied()
        .collect::<Vec<_>>();
    for (pane, cell) in AccountPane::ORDER[1..].iter().zip(cells) {
        draw_pane(cx, frame, cell, *pane, *pane == focus);
    }
}

/// `Tab Accounts Profile ▸Plan Credit …`: every pane in Tab order, the
/// focused one lit, and the account's name when there is room for it.
fn draw_strip(cx: &Cx, frame: &mut Frame, area: Rect, focus: AccountPane) {
    let t = &cx.app.theme;
    let room = usize::from(area.width);
    let names: Vec<&str> = AccountPane::ORDER.iter().map(|p| pane_name(*p)).collect();
    // a space before each name, `▸` before the focused one
    let full: usize = names.iter().map(|n| width(n) + 1).sum::<usize>() + 2;
    let key = " Tab"; // i18n-exempt: the key's name
    let mut spans = Vec::new();
    if full + width(key) <= room {
        spans.push(Span::styled(key, t.key()));
    }
    // too narrow for every name whole: the others shortened to a few columns
    let short = full > room;
    for (p, name) in AccountPane::ORDER.iter().zip(names) {
        if *p == focus {
            spans.push(Span::styled(format!(" ▸{name}"), t.focused_heading()));
        } else if short {
            spans.push(Span::styled(format!(" {}", truncate(name, 4)), t.dim()));
        } else {
            spans.push(Span::styled(format!(" {name}"), t.dim()));
        }
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let name = format!("  · {}", clean(&cx.a.name));
    if used + width(&name) <= room {
        spans.push(Span::styled(name, t.heading()));
    }
    frame.render_widget(
        Paragraph::new(super::super::truncated(vec![Line::from(spans)], room)),
        area,
    );
}

/// The account's warnings, one line each cut with `…`, at most `most`
/// lines: the last says how many more there are when they do not fit.
pub(super) fn warning_lines<'a>(cx: &Cx, width: usize, most: usize) -> Vec<Line<'a>> {
    let t = &cx.app.theme;
    let all = &cx.f.warnings;
    let shown = if all.len() > most {
        most.saturating_sub(1)
    } else {
        all.len()
    };
    let mut lines: Vec<Line> = all
        .iter()
        .take(shown)
        .map(|w| {
            Line::from(Span::styled(
                truncate(&format!("! {}", clean(&w.message)), width).into_owned(),
                t.warning(),
            ))
        })
        .collect();
    if all.len() > shown && most > 0 {
        lines.push(Line::from(Span::styled(
            truncate(&tf!("! +{n} more warnings", n = all.len() - shown), width).into_owned(),
            t.warning(),
        )));
    }
    lines
}

/// `line` cut to `width` columns with `…`.
pub(super) fn cut(line: Line<'_>, width: usize) -> Line<'_> {
    super::super::truncated(vec![line], width)
        .pop()
        .unwrap_or_default()
}

/// A pane's frame: its name and position on the border, lit when it has
/// the focus; the rest is the pane's.
fn draw_pane(cx: &Cx, frame: &mut Frame, area: Rect, pane: AccountPane, focused: bool) {
    let t = &cx.app.theme;
    let len = pane.len(&cx.app.ws, cx.a);
    let name = pane_name(pane);
    let place = match (pane, focused) {
        (AccountPane::Profile | AccountPane::Plan, _) => String::new(),
        (_, true) => super::super::position(cx.app.screens.accounts.item(pane), len, ""),
        (_, false) => super::super::grouped(len),
    };
    let parts: Vec<&str> = [name, place.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let title = super::super::list_title(&parts, usize::from(area.width));
    let (heading, border) = if focused {
        (t.focused_heading(), t.focused_heading())
    } else {
        (t.heading(), t.dim())
    };
    let block = Block::bordered()
        .border_style(border)
        .title(Span::styled(title, heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match pane {
        AccountPane::List => {}
        AccountPane::Profile => draw_profile(cx, frame, inner),
        AccountPane::Plan => draw_plan(cx, frame, inner),
        _ => lists::draw(cx, frame, inner, pane, focused),
    }
}

/// The text of the profile or the plan, scrolled to the pane's row when it
/// has the focus (`j` `k` `PgDn` move it); how far it can scroll is
/// recorded for the keys (`List::AccountText`), so the last line stops at
/// the bottom.
fn scrolled<'a>(cx: &Cx, pane: AccountPane, lines: Vec<Line<'a>>, area: Rect) -> Vec<Line<'a>> {
    let s = &cx.app.screens.accounts;
    let all = super::super::wrapped(lines, usize::from(area.width));
    let most = all.len().saturating_sub(usize::from(area.height));
    let from = if s.pane == pane {
        cx.app
            .pages
            .drawn(crate::tui::cursor::List::AccountText, most + 1);
        s.item(pane).min(most)
    } else {
        0
    };
    fit(all.into_iter().skip(from).collect(), area)
}

/// Lines that may need wrapping, in `area`: wrapped; what does not fit is
/// counted on the last row.
pub(super) fn fit(lines: Vec<Line<'_>>, area: Rect) -> Vec<Line<'_>> {
    let rows = usize::from(area.height);
    let mut all = super::super::wrapped(lines, usize::from(area.width));
    if all.len() > rows {
        let hidden = all.len() - rows.saturating_sub(1);
        all.truncate(rows.saturating_sub(1));
        if rows > 0 {
            all.push(Line::raw(
                truncate(&tf!("+{n} more lines", n = hidden), usize::from(area.width)).into_owned(),
            ));
        }
    }
    all
}

/// `text`, or `not set` dimmed when it is empty.
fn or_not_set<'a>(cx: &Cx, label: &str, text: &str) -> Line<'a> {
    let t = &cx.app.theme;
    // `Needs: …`, `需求：…` (a full-width colon has its own space)
    let label = if label.ends_with('：') {
        label.to_owned()
    } else {
        format!("{label} ")
    };
    if text.trim().is_empty() {
        Line::from(vec![
            Span::styled(label, t.heading()),
            Span::styled(i18n::t("not set"), t.dim()),
        ])
    } else {
        Line::from(vec![
            Span::styled(label, t.heading()),
            Span::raw(clean(text).into_owned()),
        ])
    }
}

/// An amount, or `not set`.
fn amount(m: Option<Money>) -> String {
    m.map_or(i18n::t("not set").to_owned(), Money::grouped)
}

/// Industry, tier, quadrant, relationship, notes, the warnings in full, and
/// the SWOT in the room left.
fn draw_profile(cx: &Cx, frame: &mut Frame, area: Rect) {
    let t = &cx.app.theme;
    let a = cx.a;
    let not_set = || i18n::t("not set").to_owned();
    let mut lines = vec![
        or_not_set(cx, i18n::t("Industry:"), &a.industry),
        Line::raw(tf!(
            "tier {tier} · quadrant {quadrant} · relationship {relationship}",
            tier = a.tier.map_or_else(not_set, |x| x.label()),
            quadrant = quadrant(a).map_or_else(not_set, |q| q.label().to_owned()),
            relationship = a.relationship.map_or_else(not_set, |r| r.label()),
        )),
        or_not_set(cx, i18n::t("Notes:"), &a.notes),
    ];
    let warnings: Vec<Line> =
        cx.f.warnings
            .iter()
            .map(|w| {
                Line::from(Span::styled(
                    format!("! {}", clean(&w.message)),
                    t.warning(),
                ))
            })
            .collect();
    let room = usize::from(area.width);
    let head = super::super::wrapped(lines.clone(), room);
    let all = super::super::wrapped(warnings.clone(), room);
    // the SWOT's boxes get the rest when at least two rows of items fit
    // in them after everything else; else a line counts its items, before
    // the warnings
    let swot_rows = area.height.saturating_sub((head.len() + all.len()) as u16);
    if swot_rows >= 8 {
        let text: Vec<Line> = head.into_iter().chain(all).collect();
        let [top, swot] =
            Layout::vertical([Constraint::Length(text.len() as u16), Constraint::Fill(1)])
                .areas(area);
        frame.render_widget(Paragraph::new(text), top);
        draw_swot(cx.app, frame, swot, a);
        return;
    }
    // one line per count: the Chinese counts each kind with its own
    // measure word (条优势, 个机会), which `text::count` cannot give here
    // as "strengths" and "opportunities" already mean other things there
    let s = match a.swot.strengths.len() {
        1 => i18n::t("1 strength").to_owned(),
        n => tf!("{n} strengths", n),
    };
    let w = match a.swot.weaknesses.len() {
        1 => i18n::t("1 weakness").to_owned(),
        n => tf!("{n} weaknesses", n),
    };
    let o = match a.swot.opportunities.len() {
        1 => i18n::t("1 opportunity").to_owned(),
        n => tf!("{n} opportunities", n),
    };
    let th = match a.swot.threats.len() {
        1 => i18n::t("1 threat").to_owned(),
        n => tf!("{n} threats", n),
    };
    lines.push(Line::raw(tf!("SWOT: {s}, {w}, {o}, {t}", s, w, o, t = th)));
    lines.extend(warnings);
    frame.render_widget(
        Paragraph::new(scrolled(cx, AccountPane::Profile, lines, area)),
        area,
    );
}

/// The SWOT as four boxes, 2×2.
pub(super) fn draw_swot(app: &App, frame: &mut Frame, inner: Rect, a: &Account) {
    let t = &app.theme;
    let [s_top, s_bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
    let [s1, s2] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(s_top);
    let [s3, s4] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(s_bottom);
    for (title, items, cell) in [
        (i18n::t("Strengths 优势"), &a.swot.strengths, s1),
        (i18n::t("Weaknesses 劣势"), &a.swot.weaknesses, s2),
        (i18n::t("Opportunities 机会"), &a.swot.opportunities, s3),
        (i18n::t("Threats 威胁"), &a.swot.threats, s4),
    ] {
        let lines = swot_box_lines(items, cell);
        let title = truncate(title, usize::from(cell.width.saturating_sub(2))).into_owned();
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(title).border_style(t.dim())),
            cell,
        );
    }
}

impl Cx<'_> {
    /// The share of the target won, 0 to 1 (more than the target is full).
    fn ratio(&self) -> Option<f64> {
        let target = self.a.plan.as_ref()?.target?;
        if target.0 <= 0 {
            return None;
        }
        Some((self.f.won_this_year.0 as f64 / target.0 as f64).clamp(0.0, 1.0))
    }

    /// Whole percent of the target won, rounded down.
    fn percent(&self) -> Option<i64> {
        let target = self.a.plan.as_ref()?.target?;
        (target.0 > 0)
            .then(|| (i128::from(self.f.won_this_year.0) * 100 / i128::from(target.0)) as i64)
    }

    /// What should be won by today (never below zero: the domain clamps it).
    fn expected(&self) -> Option<Money> {
        self.f.expected_by_now
    }

    /// `won 1,200,000 of 3,000,000 (40%) · expected by now 2,400,000`.
    pub(super) fn gauge_label(&self) -> String {
        let Some(target) = self.a.plan.as_ref().and_then(|p| p.target) else {
            return i18n::t("no target set").to_owned();
        };
        tf!(
            "won {won} of {target} ({pct}%) · expected by now {expected}",
            won = self.f.won_this_year.grouped(),
            target = target.grouped(),
            pct = self.percent().unwrap_or(0),
            expected = self.expected().map_or_else(String::new, Money::grouped)
        )
    }

    /// `Plan 40%` and a line filled to the share of the target won.
    pub(super) fn line_gauge(&self, frame: &mut Frame, row: Rect) {
        let t = &self.app.theme;
        let Some(ratio) = self.ratio() else {
            let state = if self.a.plan.is_some() {
                i18n::t("no target set")
            } else {
                i18n::t("not set")
            };
            let text = tf!("Plan: {state}", state = state);
            frame.render_widget(
                Paragraph::new(truncate(&text, usize::from(row.width)).into_owned()).style(t.dim()),
                row,
            );
            return;
        };
        let label = tf!("Plan {pct}%", pct = self.percent().unwrap_or(0));
        let behind = self.f.warnings.iter().any(|w| w.rule == "behind-target");
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio)
                .label(Span::styled(label, t.heading()))
                .filled_symbol(ratatui::symbols::line::THICK_HORIZONTAL)
                .unfilled_symbol(ratatui::symbols::line::HORIZONTAL)
                .filled_style(if behind { t.warning() } else { t.good() })
                .unfilled_style(t.dim()),
            row,
        );
    }

    /// `won 1.2M of 3M · by now 2.4M` (the overview's short form).
    pub(super) fn plan_brief(&self) -> String {
        match self.a.plan.as_ref().and_then(|p| p.target) {
            Some(target) => tf!(
                "won {won} of {target} · by now {expected}",
                won = super::super::compact(self.f.won_this_year),
                target = super::super::compact(target),
                expected = self
                    .expected()
                    .map_or_else(String::new, super::super::compact)
            ),
            None => tf!(
                "won {won} this year, {last} last year",
                won = super::super::compact(self.f.won_this_year),
                last = super::super::compact(self.f.won_last_year)
            ),
        }
    }

    /// The credit in two short lines: owed against the limit, then what is
    /// overdue (in the warning style) or that nothing is.
    pub(super) fn credit_brief(&self) -> Vec<Line<'static>> {
        let t = &self.app.theme;
        let c = &self.f.credit;
        if self.a.credit.is_none() {
            return vec![Line::from(Span::styled(
                tf!("Credit: {state}", state = i18n::t("not set")),
                t.dim(),
            ))];
        }
        let owed = match c.limit {
            Some(limit) => tf!(
                "Credit: {unpaid} owed of {limit} limit",
                unpaid = super::super::compact(c.unpaid),
                limit = super::super::compact(limit)
            ),
            None => tf!(
                "Credit: {unpaid} owed, no limit set",
                unpaid = super::super::compact(c.unpaid)
            ),
        };
        let owed_style = if c.over_limit() {
            t.warning()
        } else {
            Style::new()
        };
        let overdue = if c.overdue_count > 0 {
            Line::from(Span::styled(
                tf!(
                    "overdue {amount} · {days}",
                    amount = super::super::compact(c.overdue),
                    days = crate::text::days(c.days_overdue)
                ),
                t.warning(),
            ))
        } else {
            Line::from(Span::styled(i18n::t("nothing overdue"), t.good()))
        };
        vec![Line::from(Span::styled(owed, owed_style)), overdue]
    }

    /// The scores oldest to newest, the last `room` of them.
    pub(super) fn scores(&self, room: usize) -> Vec<u64> {
        let order = credit::satisfaction_order(&self.a.satisfaction);
        let skip = order.len().saturating_sub(room);
        order
            .into_iter()
            .skip(skip)
            .map(|n| u64::from(self.a.satisfaction[n].score.0))
            .collect()
    }

    /// `Satisfaction ▂▅▇▆ 4/5` on one row.
    pub(super) fn spark_row(&self, frame: &mut Frame, row: Rect) {
        let t = &self.app.theme;
        let label = format!("{} ", i18n::t("Satisfaction"));
        let Some(latest) = self.latest() else {
            let text = format!("{label}{}", i18n::t("no scores yet"));
            frame.render_widget(
                Paragraph::new(truncate(&text, usize::from(row.width)).into_owned()).style(t.dim()),
                row,
            );
            return;
        };
        let after = format!(" {latest}/5");
        let lw = (width(&label) as u16).min(row.width);
        let aw = width(&after) as u16;
        let room = row.width.saturating_sub(lw + aw);
        let [l, spark, r] = Layout::horizontal([
            Constraint::Length(lw),
            Constraint::Length(room.min(self.a.satisfaction.len() as u16)),
            Constraint::Length(aw),
        ])
        .areas(row);
        frame.render_widget(Paragraph::new(Span::styled(label, t.heading())), l);
        let data = self.scores(usize::from(spark.width));
        frame.render_widget(
            Sparkline::default().data(&data).max(5).style(t.good()),
            spark,
        );
        frame.render_widget(Paragraph::new(after), r);
    }

    /// The latest score.
    pub(super) fn latest(&self) -> Option<u8> {
        self.scores(1).first().map(|s| *s as u8)
    }

    /// `1 open complaints · 4 contacts` (the open deals are in the list).
    pub(super) fn counts(&self) -> String {
        let open = self
            .a
            .complaints
            .iter()
            .filter(|c| c.resolved.is_none())
            .count();
        tf!(
            "{complaints} · {contacts}",
            complaints = crate::text::count(open as i64, "open complaint", "open complaints"),
            contacts = crate::text::count(self.a.contacts.len() as i64, "contact", "contacts")
        )
    }
}

/// Last year, this year's target and the gauge of what is won, then the
/// strategy, resources, goals, needs and decision process.
fn draw_plan(cx: &Cx, frame: &mut Frame, area: Rect) {
    let t = &cx.app.theme;
    let Some(plan) = &cx.a.plan else {
        let lines = vec![
            Line::from(Span::styled(i18n::t("No account plan yet."), t.dim())),
            Line::raw(cx.plan_brief()),
        ];
        frame.render_widget(Paragraph::new(fit(lines, area)), area);
        return;
    };
    let head = vec![
        Line::raw(tf!(
            "Last year: target {target}, result {result} (won in the deals: {won})",
            target = amount(plan.last_year_target),
            result = amount(plan.last_year_result),
            won = cx.f.won_last_year.grouped()
        )),
        Line::raw(tf!(
            "This year: target {target}",
            target = amount(plan.target)
        )),
    ];
    // the figures in the gauge's label when they leave some of the bar in
    // sight, else on a line of their own above it with the share in the bar
    let room = usize::from(area.width);
    let long = cx.gauge_label();
    let inside = width(&long) + 10 <= room;
    let mut head = head;
    if !inside {
        head.push(Line::raw(long.clone()));
    }
    let head = super::super::wrapped(head, room);
    let [top, gauge, rest] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), top);
    match (cx.ratio(), cx.percent()) {
        (Some(ratio), Some(pct)) => {
            let label = if inside { long } else { format!("{pct}%") };
            let behind = cx.f.warnings.iter().any(|w| w.rule == "behind-target");
            frame.render_widget(
                Gauge::default()
                    .ratio(ratio)
                    .label(Span::styled(label, t.heading()))
                    .gauge_style(if behind { t.warning() } else { t.good() }),
                gauge,
            );
        }
        _ if inside => frame.render_widget(Paragraph::new(long).style(t.dim()), gauge),
        _ => {}
    }
    let mut lines = vec![
        or_not_set(cx, i18n::t("Strategy:"), &plan.strategy),
        or_not_set(cx, i18n::t("Resources:"), &plan.resources),
    ];
    if plan.goals.is_empty() {
        lines.push(or_not_set(cx, i18n::t("Goals:"), ""));
    } else {
        lines.push(Line::from(Span::styled(i18n::t("Goals:"), t.heading())));
        for g in &plan.goals {
            lines.push(Line::raw(format!("  · {}", clean(g))));
        }
    }
    lines.push(or_not_set(cx, i18n::t("Needs:"), &plan.needs));
    lines.push(or_not_set(
        cx,
        i18n::t("Decision process:"),
        &plan.decision_process,
    ));
    frame.render_widget(
        Paragraph::new(scrolled(cx, AccountPane::Plan, lines, rest)),
        rest,
    );
}
