//! `funnel agenda [--days N] [--format table|json|ics]` (spec section 10):
//! the open actions of open deals due in the next N days, by day and time,
//! each with its deal, person and call plan. The table and the JSON show
//! the overdue ones first; the calendar carries only the window (a
//! calendar of what is coming should not fill the past). Read-only.

use super::ics::{self, Event};
use super::{Context, Failure};
use crate::domain::agenda::{self, Entry};
use crate::domain::conversation::Spin;
use crate::domain::{ActionKind, CallPlan, Date, TimeOfDay, Workspace};
use crate::i18n::{numbers, t};
use crate::store::to_json_bytes;
use crate::text::width;
use serde::Serialize;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Ics,
}

/// The days shown when `--days` is not given.
pub const DEFAULT_DAYS: u32 = 7;
/// The most `--days` takes: a year, leap day included.
pub const MAX_DAYS: u32 = 366;

/// Reads `--days N`: a whole number from 1 to [`MAX_DAYS`].
pub fn parse_days(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_DAYS).contains(&n) => Ok(n),
        _ => Err(crate::tf!(
            "expected a number of days from 1 to {max}, got {s}",
            max = MAX_DAYS,
            s = format!("{s:?}")
        )),
    }
}

pub fn run(ctx: &Context, days: u32, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let today = ctx.today;
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            json(ws, today, days, &agenda::agenda(ws, today, days, true))
        }),
        Format::Ics => ics::events(&events(ws, &agenda::agenda(ws, today, days, false)), today),
        Format::Table => table(ws, today, days, &agenda::agenda(ws, today, days, true)),
    })
}

/// Who does it: the action's owner, else the deal's, else the workspace's.
fn owner<'a>(ws: &'a Workspace, e: &Entry<'a>) -> &'a str {
    match e.action.owner.as_deref().map(str::trim) {
        Some(o) if !o.is_empty() => o,
        _ => crate::domain::forecast::owner_of(e.opportunity, &ws.settings),
    }
}

fn account<'a>(ws: &'a Workspace, e: &Entry<'a>) -> &'a str {
    let id = e.opportunity.account.as_str();
    ws.account(id).map_or(id, |a| a.name.as_str())
}

/// A call, meeting or visit without a written plan: `⚠ no call plan` when
/// the rule `no-call-plan` holds (due within two days, or overdue), a
/// quieter `no plan yet` for one later in the week.
fn plan_mark(e: &Entry, today: crate::domain::Date) -> Option<&'static str> {
    let a = e.action;
    if a.needs_plan(today) {
        Some(t("⚠ no call plan"))
    } else if a.is_open() && a.is_conversation() && a.written_plan().is_none() {
        Some(t("no plan yet"))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// JSON

/// The object `funnel agenda --format json` prints (fields may be added,
/// never renamed or removed): `today`, `days`, and `entries`, the overdue
/// open actions first, then by day and time: `[{"opportunity", "title",
/// "account" (the account's id), "account_name", "action", "text", "kind",
/// "due", "at", "owner" (the action's, else the deal's, else the
/// workspace's), "overdue", "person": {"id", "name", "title", "email",
/// "phone"} or null, "plan": the call plan as the workspace writes it, or
/// null}]`.
#[derive(Serialize)]
struct Json<'a> {
    today: Date,
    days: u32,
    entries: Vec<JsonEntry<'a>>,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    opportunity: &'a str,
    title: &'a str,
    account: &'a str,
    account_name: Option<&'a str>,
    action: &'a str,
    text: &'a str,
    kind: Option<ActionKind>,
    due: Date,
    at: Option<TimeOfDay>,
    owner: &'a str,
    overdue: bool,
    person: Option<JsonPerson<'a>>,
    plan: Option<&'a CallPlan>,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: &'a str,
    name: &'a str,
    title: &'a str,
    email: &'a str,
    phone: &'a str,
}

fn json(ws: &Workspace, today: Date, days: u32, list: &[Entry]) -> String {
    let entries = list
        .iter()
        .map(|e| JsonEntry {
            opportunity: &e.opportunity.id,
            title: &e.opportunity.title,
            account: &e.opportunity.account,
            account_name: ws.account(&e.opportunity.account).map(|a| a.name.as_str()),
            action: &e.action.id,
            text: &e.action.text,
            kind: e.action.kind,
            due: e.due(),
            at: e.at(),
            owner: owner(ws, e),
            overdue: e.overdue,
            person: e.person.map(|p| JsonPerson {
                id: &p.id,
                name: &p.name,
                title: &p.title,
                email: &p.email,
                phone: &p.phone,
            }),
            plan: e.action.written_plan(),
        })
        .collect();
    let out = Json {
        today,
        days,
        entries,
    };
    String::from_utf8(to_json_bytes(&out)).expect("serde_json writes UTF-8")
}

// ---------------------------------------------------------------------------
// Table

/// `ERP rollout (长城润滑油)`.
fn deal_line(ws: &Workspace, e: &Entry) -> String {
    match account(ws, e).trim() {
        "" => e.opportunity.title.trim().to_owned(),
        account => crate::tf!(
            "{deal} ({account})",
            deal = e.opportunity.title.trim(),
            account
        ),
    }
}

/// `text` padded with spaces to `columns` display columns.
fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

fn table(ws: &Workspace, today: Date, days: u32, list: &[Entry]) -> String {
    let mut out = crate::tf!(
        "Agenda: {days} from {today}\n",
        days = crate::text::count(i64::from(days), "day", "days"),
        today = numbers::long_date(today)
    );
    if list.is_empty() {
        out.push_str(&crate::tf!(
            "Nothing due: no open action in the next {days}, none overdue.\n",
            days = crate::text::count(i64::from(days), "day", "days")
        ));
        return out;
    }
    // the first two columns: when (a time, all day, or an overdue date) and the kind
    let when = |e: &Entry| match (e.overdue, e.at()) {
        (true, Some(at)) => format!("{} {at}", e.due()), // i18n-exempt: a date and a time
        (true, None) => e.due().to_string(),
        (false, Some(at)) => at.to_string(),
        (false, None) => t("all day").to_owned(),
    };
    let kind = |e: &Entry| e.action.kind.map(|k| k.shown()).unwrap_or_default();
    let when_width = list.iter().map(|e| width(&when(e))).max().unwrap_or(0);
    let kind_width = list.iter().map(|e| width(&kind(e))).max().unwrap_or(0);
    // no column for the kind when no entry has one
    let kind_column = |e: &Entry| match kind_width {
        0 => String::new(),
        w => format!("{}  ", pad(&kind(e), w)),
    };
    let indent = " ".repeat(2 + when_width + 2 + kind_width + if kind_width > 0 { 2 } else { 0 });
    let mut day: Option<(bool, Date)> = None;
    for e in list {
        let heading = (e.overdue, if e.overdue { today } else { e.due() });
        if day != Some(heading) {
            out.push('\n');
            out.push_str(&day_heading(e, today));
            out.push('\n');
            day = Some(heading);
        }
        let mut parts = vec![e.action.text.trim().to_owned()];
        if let Some(p) = e.person {
            parts.push(p.with_title());
        }
        parts.push(deal_line(ws, e));
        let who = owner(ws, e);
        if !who.is_empty() && who != ws.settings.owner.trim() {
            parts.push(crate::tf!("owner {owner}", owner = who));
        }
        if let Some(mark) = plan_mark(e, today) {
            parts.push(mark.to_owned());
        }
        let line = format!(
            "  {}  {}{}", // i18n-exempt: columns
            pad(&when(e), when_width),
            kind_column(e),
            parts.join(" · ")
        );
        // a line break typed in a text would break the table's lines
        out.push_str(crate::text::clean(&line).trim_end());
        out.push('\n');
        if let Some(plan) = e.action.written_plan() {
            for l in plan_lines(plan) {
                out.push_str(&indent);
                out.push_str(&crate::text::clean(&l));
                out.push('\n');
            }
        }
    }
    let overdue = list.iter().filter(|e| e.overdue).count();
    out.push('\n');
    out.push_str(&match overdue {
        0 => crate::tf!(
            "{actions}.\n",
            actions = crate::text::count(list.len() as i64, "action", "actions")
        ),
        n => crate::tf!(
            "{actions}, {overdue} overdue.\n",
            actions = crate::text::count(list.len() as i64, "action", "actions"),
            overdue = n
        ),
    });
    out
}

/// `Tue 2026-11-24 · tomorrow`, or `Overdue`.
fn day_heading(e: &Entry, today: Date) -> String {
    use chrono::Datelike;
    if e.overdue {
        return t("Overdue").to_owned();
    }
    let d = e.due();
    let head = format!("{} {d}", numbers::weekday(d.0.weekday())); // i18n-exempt: a weekday and a date
    match today.days_until(d) {
        0 => crate::tf!("{day} · today", day = head),
        1 => crate::tf!("{day} · tomorrow", day = head),
        _ => head,
    }
}

/// The plan under its conversation, compact: the objective, then the best
/// and the minimum commitment.
fn plan_lines(plan: &CallPlan) -> Vec<String> {
    let mut lines = Vec::new();
    if !plan.objective.trim().is_empty() {
        lines.push(crate::tf!(
            "Objective: {text}",
            text = plan.objective.trim()
        ));
    }
    let best = plan.best.trim();
    let minimum = plan.minimum.trim();
    match (best.is_empty(), minimum.is_empty()) {
        (false, false) => lines.push(crate::tf!(
            "Best: {best} · minimum: {minimum}",
            best,
            minimum
        )),
        (false, true) => lines.push(crate::tf!("Best: {best}", best)),
        (true, false) => lines.push(crate::tf!("Minimum: {minimum}", minimum)),
        (true, true) => {}
    }
    lines
}

// ---------------------------------------------------------------------------
// Calendar

/// The calendar events of the agenda's entries.
fn events(ws: &Workspace, list: &[Entry]) -> Vec<Event> {
    list.iter()
        .map(|e| {
            let kind = e.action.kind;
            Event {
                // not the action list's VTODO uid (`o1.t1@funnel`): one
                // calendar may hold both
                uid: format!("{}.{}.event@funnel", e.opportunity.id, e.action.id), // i18n-exempt: a calendar id
                summary: format!(
                    "{} — {}", // i18n-exempt: the action and its deal
                    e.action.text.trim(),
                    e.opportunity.title.trim()
                ),
                description: description(ws, e),
                categories: kind.map(|k| k.as_str().to_owned()),
                day: e.due(),
                at: e.at(),
                duration: match kind {
                    Some(ActionKind::Meeting | ActionKind::Visit) => "PT1H", // i18n-exempt: RFC 5545
                    _ => "PT30M", // i18n-exempt: RFC 5545
                },
            }
        })
        .collect()
}

/// The event's description: the deal, the person and how to reach them,
/// and the call plan.
fn description(ws: &Workspace, e: &Entry) -> String {
    let mut lines = vec![crate::tf!("Deal: {deal}", deal = deal_line(ws, e))];
    if let Some(p) = e.person {
        let mut with = vec![p.with_title()];
        for x in [&p.phone, &p.email] {
            if !x.trim().is_empty() {
                with.push(x.trim().to_owned());
            }
        }
        lines.push(crate::tf!("With: {person}", person = with.join(" · ")));
    }
    let who = owner(ws, e);
    if !who.is_empty() && who != ws.settings.owner.trim() {
        lines.push(crate::tf!("Owner: {owner}", owner = who));
    }
    match e.action.written_plan() {
        Some(plan) => plan_description(&mut lines, plan),
        None if e.action.is_conversation() => lines.push(t("No call plan yet.").to_owned()),
        None => {}
    }
    lines.join("\n")
}

fn plan_description(lines: &mut Vec<String>, plan: &CallPlan) {
    lines.push(String::new());
    lines.push(t("Call plan").to_owned());
    let fields = [
        (t("Objective: {text}"), &plan.objective),
        (t("Reason: {text}"), &plan.reason),
        (t("Best commitment: {text}"), &plan.best),
        (t("Minimum commitment: {text}"), &plan.minimum),
    ];
    for (label, text) in fields {
        if !text.trim().is_empty() {
            lines.push(label.replace("{text}", text.trim()));
        }
    }
    let mut list = |label: &str, items: &[String]| {
        let items: Vec<&str> = items
            .iter()
            .map(|x| x.trim())
            .filter(|x| !x.is_empty())
            .collect();
        if !items.is_empty() {
            lines.push(crate::tf!("{label}:", label));
            lines.extend(items.iter().map(|x| format!("- {x}"))); // i18n-exempt: a list item
        }
    };
    for kind in Spin::ALL {
        list(kind.label(), kind.of(&plan.questions));
    }
    list(t("What we give"), &plan.give);
}
