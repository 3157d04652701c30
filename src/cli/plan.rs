//! `funnel plan ACCOUNT [--format md|json]`: the account plan of seed 003
//! (spec section 11), the document a key-account manager hands to their
//! manager: profile, purchase history, needs and decision process, last year
//! against this year, strategy, resources, goals, credit, the customer's
//! feedback, open deals, warning signs, the action timeline and the work
//! log. Markdown to paste (in the reader's language), JSON to script (the
//! same bytes in every language). Read-only.
//!
//! Every section is printed even when empty ("not set", "none"): the
//! manager must see the gap, not wonder whether it was left out.

use super::report::md;
use super::{Context, Failure};
use crate::domain::account_rows;
use crate::domain::accounts::{self, AccountFigures, Quadrant};
use crate::domain::credit::{complaint_order, satisfaction_order};
use crate::domain::flags::{self, Flag};
use crate::domain::words::OutcomeResult;
use crate::domain::{Account, Action, Date, Money, Opportunity, Role, Workspace};
use crate::i18n::t;
use crate::store::to_json_bytes;
use chrono::Datelike;
use serde_json::{Value, json};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
}

/// How many done actions the timeline shows after the open ones.
pub const DONE_SHOWN: usize = 10;
/// How far back the work log goes, in days (today included).
pub const LOG_DAYS: i64 = 90;

pub fn run(ctx: &Context, wanted: &str, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let a = find(ws, wanted).ok_or_else(|| Failure::usage(unknown(ws, wanted)))?;
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            let p = Plan::of(ws, a, ctx.today);
            String::from_utf8(to_json_bytes(&json(ws, &p))).expect("UTF-8")
        }),
        Format::Md => markdown(ws, &Plan::of(ws, a, ctx.today)),
    })
}

/// The account with this id; else with this exact name; else with this
/// name in any case, when only one account has it.
pub fn find<'a>(ws: &'a Workspace, wanted: &str) -> Option<&'a Account> {
    if let Some(a) = ws.accounts.iter().find(|a| a.id == wanted) {
        return Some(a);
    }
    // two accounts of one name (a hand-edited file): neither is guessed
    let mut exact = ws.accounts.iter().filter(|a| a.name == wanted);
    match (exact.next(), exact.next()) {
        (Some(a), None) => return Some(a),
        (Some(_), Some(_)) => return None,
        _ => {}
    }
    let lower = wanted.to_lowercase();
    let mut same = ws
        .accounts
        .iter()
        .filter(|a| a.name.to_lowercase() == lower);
    match (same.next(), same.next()) {
        (Some(a), None) => Some(a),
        _ => None,
    }
}

/// Why no account was found: none has the id or name, or several have
/// the name but for case.
fn unknown(ws: &Workspace, wanted: &str) -> String {
    let lower = wanted.to_lowercase();
    let ids: Vec<&str> = ws
        .accounts
        .iter()
        .filter(|a| a.name.to_lowercase() == lower)
        .map(|a| a.id.as_str())
        .collect();
    match ids.len() {
        0 => crate::tf!(
            "{account}: no account has this id or name (`funnel accounts` shows the ids)",
            account = format!("{wanted:?}")
        ),
        _ => crate::tf!(
            "{account}: several accounts have this name but for case ({ids}); give the id",
            account = format!("{wanted:?}"),
            ids = ids.join(", ") // i18n-exempt: a list of ids
        ),
    }
}

/// One action of the timeline, with its deal.
struct Step<'a> {
    deal: &'a Opportunity,
    action: &'a Action,
}

impl Step<'_> {
    /// The name of the person the action is with, when it names one.
    fn person(&self) -> Option<&str> {
        let id = self.action.influence.as_deref()?;
        Some(
            self.deal
                .influences
                .iter()
                .find(|p| p.id == id)
                .map_or(id, |p| p.name.as_str()),
        )
    }
}

/// What both formats show, computed once in the language being written.
struct Plan<'a> {
    a: &'a Account,
    today: Date,
    f: AccountFigures,
    /// Won deals with their outcome date, latest first: this year, last
    /// year, earlier.
    won: [Vec<(&'a Opportunity, Date)>; 3],
    lost: usize,
    /// The open deals, latest stage first then by expected close, each
    /// with its visible red flags.
    open: Vec<(&'a Opportunity, Vec<Flag>)>,
    /// Open actions of the open deals by due date (undated last).
    todo: Vec<Step<'a>>,
    /// The last [`DONE_SHOWN`] done actions, latest first.
    done: Vec<Step<'a>>,
    /// Log entries of the last [`LOG_DAYS`] days, newest first.
    log: Vec<(&'a Opportunity, &'a crate::domain::workspace::LogEntry)>,
}

impl<'a> Plan<'a> {
    fn of(ws: &'a Workspace, a: &'a Account, today: Date) -> Plan<'a> {
        let deals: Vec<&Opportunity> = ws
            .opportunities
            .iter()
            .filter(|o| o.account == a.id)
            .collect();
        let year = today.0.year();
        let mut won: [Vec<(&Opportunity, Date)>; 3] = Default::default();
        let mut lost = 0;
        for o in &deals {
            match &o.outcome {
                Some(x) if x.result == OutcomeResult::Won => {
                    let slot = match x.on.0.year() {
                        y if y == year => 0,
                        y if y == year - 1 => 1,
                        _ => 2,
                    };
                    won[slot].push((o, x.on));
                }
                Some(x) if x.result == OutcomeResult::Lost => lost += 1,
                _ => {}
            }
        }
        for w in &mut won {
            w.sort_by_key(|(_, on)| std::cmp::Reverse(*on));
        }
        // the orders of view 4's deals pane and timeline: open deals only;
        // the open actions, then the last DONE_SHOWN done ones
        let open = account_rows::deal_order(ws, a)
            .into_iter()
            .map(|n| &ws.opportunities[n])
            .filter(|o| o.is_open())
            .map(|o| (o, flags::visible(o, &ws.settings, today)))
            .collect();
        let steps = account_rows::timeline(ws, a).into_iter().map(|r| {
            let deal = &ws.opportunities[r.deal];
            Step {
                deal,
                action: &deal.actions[r.action],
            }
        });
        let (todo, done): (Vec<Step>, Vec<Step>) = steps.partition(|s| s.action.done.is_none());
        let done = done.into_iter().take(DONE_SHOWN).collect();
        let mut log: Vec<_> = deals
            .iter()
            .flat_map(|o| o.log.iter().map(move |e| (*o, e)))
            .filter(|(_, e)| (0..LOG_DAYS).contains(&e.on.days_until(today)))
            .collect();
        log.sort_by_key(|(_, e)| std::cmp::Reverse(e.on));
        Plan {
            a,
            today,
            f: accounts::figures(ws, a, today),
            won,
            lost,
            open,
            todo,
            done,
            log,
        }
    }

    /// Won this year as a share of this year's target, in percent.
    fn share_of_target(&self) -> Option<f64> {
        let target = self.a.plan.as_ref()?.target?;
        (target.0 > 0).then(|| self.f.won_this_year.0 as f64 * 100.0 / target.0 as f64)
    }

    /// The buying influences of the open deals holding `role`.
    fn holding(&self, role: Role) -> Vec<(&'a Opportunity, &'a crate::domain::Influence)> {
        self.open
            .iter()
            .flat_map(|(o, _)| {
                o.influences
                    .iter()
                    .filter(move |p| p.has_role(role))
                    .map(move |p| (*o, p))
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// JSON

fn round(x: f64) -> Value {
    json!((x * 100.0).round() / 100.0)
}

/// The object `funnel plan ACCOUNT --format json` prints (a contract:
/// fields may be added, never renamed or removed; keys come in alphabetical
/// order; amounts are numbers as the workspace writes them; enum words are
/// the workspace's spellings; messages are English in every language):
///
/// - `id`, `name`, `today`, `currency`;
/// - `profile`: `{"industry", "tier", "quadrant", "relationship", "notes",
///   "swot", "contacts": [{"id", "name", "title", "email", "phone"}]}`;
/// - `purchase_history`: `{"this_year", "last_year", "earlier"` (the won
///   deals by their outcome's calendar year, latest first, each `{"id",
///   "title", "value", "on"}`), `"won_this_year", "won_last_year",
///   "won_earlier"` (their sums), `"lost_count"}`;
/// - `needs` (TEXT); `decision_process`: `{"text", "influences": [{"role",
///   "name", "title", "attitude", "deal", "deal_title"}]}` (the open deals'
///   buying influences by role: economic, user, technical, coach; a person
///   with two roles is listed under each);
/// - `year`: `{"last_year_target", "last_year_result", "target"` (N|null),
///   `"won_this_year", "expected_by_now"` (the share of the year gone ×
///   target − 10 % of target, not below 0; `null` without a target),
///   `"share_of_target"` (won this year / target in percent, two decimals;
///   `null` without a target or with a target of 0), `"open_count", "open_value",
///   "open_weighted"}`;
/// - `strategy`, `resources` (TEXT), `goals` ([TEXT]);
/// - `credit_status`: `{"limit", "terms_days", "unpaid", "unpaid_count",
///   "overdue", "overdue_count", "days_overdue"` (the oldest), `"available"`
///   (limit − unpaid, `null` without a limit), `"unpaid_invoices": [{"id",
///   "number", "amount", "issued", "due"` (or issued + terms),
///   `"days_overdue"}]}` (oldest due first);
/// - `feedback`: `{"open_complaints": [{"id", "text", "raised",
///   "days_open"}]` (oldest first; 0 for one raised after today), `"resolved_complaints": [{"id", "text",
///   "raised", "resolved"}]` (latest resolved first), `"satisfaction":
///   [{"on", "score", "note"}]}` (oldest first);
/// - `open_deals`: `[{"id", "title", "stage", "value", "weighted",
///   "expected_close", "flags": [{"rule", "severity", "subject",
///   "message"}]}]` (latest stage first, then by expected close);
/// - `warnings`: `[{"rule", "message", "subject"}]` as `funnel accounts`;
/// - `timeline`: `{"open": [STEP]` (open actions of open deals by due
///   date, undated last), `"done": [STEP]}` (the last ten done, latest
///   first), a STEP being `{"deal", "deal_title", "action", "text", "due",
///   "done", "overdue", "person"}`;
/// - `log`: `[{"on", "text", "deal", "deal_title"}]`, the deals' log
///   entries of the last 90 days (today included), newest first.
fn json(ws: &Workspace, p: &Plan) -> Value {
    let a = p.a;
    let f = &p.f;
    let plan = a.plan.clone().unwrap_or_default();
    let won = |list: &[(&Opportunity, Date)]| -> Value {
        list.iter()
            .map(|(o, on)| json!({"id": o.id, "title": o.title, "value": o.value, "on": on}))
            .collect()
    };
    let sum = |list: &[(&Opportunity, Date)]| -> Money {
        list.iter().map(|(o, _)| o.value).sum::<Money>()
    };
    let influences: Vec<Value> = Role::ALL
        .iter()
        .flat_map(|r| {
            p.holding(*r).into_iter().map(move |(o, x)| {
                json!({"role": r.as_str(), "name": x.name, "title": x.title,
                       "attitude": x.attitude.as_str(), "deal": o.id, "deal_title": o.title})
            })
        })
        .collect();
    let c = &f.credit;
    let unpaid: Vec<Value> = a
        .credit
        .as_ref()
        .map(|cr| {
            crate::domain::credit::invoice_order(a)
                .into_iter()
                .map(|n| &cr.invoices[n])
                .filter(|i| i.paid.is_none())
                .map(|i| {
                    json!({"id": i.id, "number": i.number, "amount": i.amount, "issued": i.issued,
                           "due": i.due_on(cr.terms_days),
                           "days_overdue": i.days_overdue(cr.terms_days, p.today)})
                })
                .collect()
        })
        .unwrap_or_default();
    let (open_c, resolved_c) = complaints(a);
    let step = |s: &Step| {
        json!({"deal": s.deal.id, "deal_title": s.deal.title, "action": s.action.id,
               "text": s.action.text, "due": s.action.due, "done": s.action.done,
               "overdue": s.action.done.is_none() && s.action.due.is_some_and(|d| d < p.today),
               "person": s.person()})
    };
    json!({
        "id": a.id,
        "name": a.name,
        "today": p.today,
        "currency": ws.settings.currency,
        "profile": {
            "industry": a.industry,
            "tier": a.tier.map(|x| x.as_str()),
            "quadrant": accounts::quadrant(a).map(Quadrant::as_str),
            "relationship": a.relationship.map(|x| x.as_str()),
            "notes": a.notes,
            "swot": a.swot,
            "contacts": a.contacts.iter().map(|x| json!({"id": x.id, "name": x.name, "title": x.title, "email": x.email, "phone": x.phone})).collect::<Vec<_>>(),
        },
        "purchase_history": {
            "this_year": won(&p.won[0]),
            "last_year": won(&p.won[1]),
            "earlier": won(&p.won[2]),
            "won_this_year": sum(&p.won[0]),
            "won_last_year": sum(&p.won[1]),
            "won_earlier": sum(&p.won[2]),
            "lost_count": p.lost,
        },
        "needs": plan.needs,
        "decision_process": {"text": plan.decision_process, "influences": influences},
        "year": {
            "last_year_target": plan.last_year_target,
            "last_year_result": plan.last_year_result,
            "target": plan.target,
            "won_this_year": f.won_this_year,
            "expected_by_now": f.expected_by_now,
            "share_of_target": p.share_of_target().map_or(Value::Null, round),
            "open_count": f.open_count,
            "open_value": f.open_value,
            "open_weighted": f.open_weighted,
        },
        "strategy": plan.strategy,
        "resources": plan.resources,
        "goals": plan.goals,
        "credit_status": {
            "limit": c.limit,
            "terms_days": c.terms_days,
            "unpaid": c.unpaid,
            "unpaid_count": c.unpaid_count,
            "overdue": c.overdue,
            "overdue_count": c.overdue_count,
            "days_overdue": c.days_overdue,
            "available": c.available(),
            "unpaid_invoices": unpaid,
        },
        "feedback": {
            "open_complaints": open_c.iter().map(|x| json!({"id": x.id, "text": x.text, "raised": x.raised, "days_open": days_open(x, p.today)})).collect::<Vec<_>>(),
            "resolved_complaints": resolved_c.iter().map(|x| json!({"id": x.id, "text": x.text, "raised": x.raised, "resolved": x.resolved})).collect::<Vec<_>>(),
            "satisfaction": satisfaction_order(&a.satisfaction).into_iter().map(|n| &a.satisfaction[n]).map(|s| json!({"on": s.on, "score": s.score, "note": s.note})).collect::<Vec<_>>(),
        },
        "open_deals": p.open.iter().map(|(o, fl)| json!({
            "id": o.id, "title": o.title, "stage": o.stage.as_str(), "value": o.value,
            "weighted": o.weighted(&ws.settings), "expected_close": o.expected_close,
            "flags": fl.iter().map(|x| json!({"rule": x.rule.as_str(), "severity": x.severity.as_str(), "subject": x.subject, "message": x.message})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "warnings": f.warnings,
        "timeline": {
            "open": p.todo.iter().map(step).collect::<Vec<_>>(),
            "done": p.done.iter().map(step).collect::<Vec<_>>(),
        },
        "log": p.log.iter().map(|(o, e)| json!({"on": e.on, "text": e.text, "deal": o.id, "deal_title": o.title})).collect::<Vec<_>>(),
    })
}

/// The open complaints, oldest first, and the resolved ones, latest first.
fn complaints(
    a: &Account,
) -> (
    Vec<&crate::domain::workspace::Complaint>,
    Vec<&crate::domain::workspace::Complaint>,
) {
    complaint_order(&a.complaints)
        .into_iter()
        .map(|n| &a.complaints[n])
        .partition(|c| c.resolved.is_none())
}

// ---------------------------------------------------------------------------
// Markdown

/// Text in a Markdown table cell or a list item: escaped, on one line.
fn cell(s: &str) -> String {
    md(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Text that starts a list item: [`cell`], and a leading list marker
/// (`- `, `+ `, `1. `, `1) `) escaped so it does not open a nested list.
fn list_item(s: &str) -> String {
    let c = cell(s);
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = c.split_at(digits);
    let marker = match digits {
        0 => rest.starts_with(['-', '+']),
        1..=9 => rest.starts_with(['.', ')']),
        _ => false,
    };
    if marker && matches!(rest.chars().nth(1), None | Some(' ')) {
        format!("{number}\\{rest}")
    } else {
        c
    }
}

/// How many days a complaint has been open; 0 for one raised after today
/// (a date typed ahead), never a negative age.
fn days_open(c: &crate::domain::Complaint, today: Date) -> i64 {
    c.raised.days_until(today).max(0)
}

/// A text, or "not set".
fn or_not_set(s: &str) -> String {
    match s.trim() {
        "" => t("not set").to_owned(),
        s => cell(s),
    }
}

/// A dash for nothing.
fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".to_owned(), // i18n-exempt: a dash for nothing
        s => cell(s),
    }
}

fn date_or_dash(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string()) // i18n-exempt: a dash for no date
}

fn money(m: Money, currency: &str) -> String {
    match currency.trim() {
        "" => m.grouped(),
        cur => format!("{} {}", m.grouped(), md(cur)), // i18n-exempt: an amount and its currency
    }
}

fn money_or_not_set(m: Option<Money>, currency: &str) -> String {
    m.map_or_else(|| t("not set").to_owned(), |m| money(m, currency))
}

fn heading(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
    out.push_str("\n\n");
}

fn none(out: &mut String) {
    out.push_str(t("None."));
    out.push('\n');
}

/// A paragraph of user text, or "Not set."; its lines kept as lines.
fn paragraph(out: &mut String, text: &str) {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(cell)
        .collect();
    if lines.is_empty() {
        out.push_str(t("Not set."));
        out.push('\n');
    } else {
        // two spaces: a line break in Markdown
        out.push_str(&lines.join("  \n"));
        out.push('\n');
    }
}

/// A Markdown table: `header` is the heading row as written (`| A | B |`,
/// translated whole), `rows` its cells, already escaped.
fn table(out: &mut String, header: &str, rows: &[Vec<String>]) {
    let columns = header.matches('|').count().saturating_sub(1);
    out.push_str(header);
    out.push('\n');
    out.push('|');
    out.push_str(&"---|".repeat(columns));
    out.push('\n');
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

fn markdown(ws: &Workspace, p: &Plan) -> String {
    let a = p.a;
    let cur = ws.settings.currency.as_str();
    let mut out = crate::tf!("# Account plan: {name}\n\n", name = cell(&a.name));
    out.push_str(&crate::tf!(
        "{id} · as of {today}\n",
        id = cell(&a.id),
        today = crate::i18n::numbers::long_date(p.today)
    ));
    profile(&mut out, a);
    history(&mut out, p, cur);
    needs_and_decision(&mut out, p);
    year(&mut out, p, cur);
    let plan = a.plan.clone().unwrap_or_default();
    heading(&mut out, t("## Strategy"));
    paragraph(&mut out, &plan.strategy);
    heading(&mut out, t("## Resources"));
    paragraph(&mut out, &plan.resources);
    heading(&mut out, t("## Goals"));
    let goals: Vec<&String> = plan.goals.iter().filter(|g| !g.trim().is_empty()).collect();
    if goals.is_empty() {
        out.push_str(t("Not set."));
        out.push('\n');
    }
    for (n, g) in goals.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", n + 1, list_item(g))); // i18n-exempt: a numbered list item
    }
    credit(&mut out, p, cur);
    feedback(&mut out, p);
    open_deals(&mut out, ws, p, cur);
    heading(&mut out, t("## Warnings"));
    if p.f.warnings.is_empty() {
        none(&mut out);
    }
    for w in &p.f.warnings {
        out.push_str(&format!("- `{}` {}\n", w.rule, cell(&w.message))); // i18n-exempt: a rule id and its message
    }
    timeline(&mut out, p);
    heading(&mut out, t("## Work log"));
    out.push_str(&crate::tf!(
        "The account's deals' log entries of the last {days}, newest first.\n\n",
        days = crate::text::days(LOG_DAYS)
    ));
    if p.log.is_empty() {
        none(&mut out);
    }
    for (o, e) in &p.log {
        out.push_str(&crate::tf!(
            "- {on} · **{deal}:** {text}\n",
            on = e.on,
            deal = cell(&o.title),
            text = or_dash(&e.text)
        ));
    }
    out
}

fn profile(out: &mut String, a: &Account) {
    heading(out, t("## Profile"));
    let not_set = || t("not set").to_owned();
    out.push_str(&crate::tf!(
        "- **Industry:** {industry}\n",
        industry = or_not_set(&a.industry)
    ));
    out.push_str(&crate::tf!(
        "- **Tier:** {tier}\n",
        tier = a.tier.map_or_else(not_set, |x| x.shown())
    ));
    out.push_str(&crate::tf!(
        "- **Screening quadrant:** {quadrant}\n",
        quadrant = accounts::quadrant(a).map_or_else(not_set, |q| q.label().to_owned())
    ));
    out.push_str(&crate::tf!(
        "- **Relationship stage:** {stage}\n",
        stage = a.relationship.map_or_else(not_set, |r| r.label())
    ));
    out.push_str(&crate::tf!(
        "- **Notes:** {notes}\n",
        notes = or_not_set(&a.notes)
    ));
    let list = |items: &[String]| {
        let items: Vec<String> = items
            .iter()
            .filter(|x| !x.trim().is_empty())
            .map(|x| cell(x))
            .collect();
        match items.is_empty() {
            true => t("none").to_owned(),
            false => items.join(t("; ")),
        }
    };
    let s = &a.swot;
    out.push_str(&crate::tf!(
        "- **SWOT:** strengths: {s}; weaknesses: {w}; opportunities: {o}; threats: {th}\n",
        s = list(&s.strengths),
        w = list(&s.weaknesses),
        o = list(&s.opportunities),
        th = list(&s.threats)
    ));
    out.push_str(t("\n### Contacts\n\n"));
    if a.contacts.is_empty() {
        none(out);
        return;
    }
    let rows: Vec<Vec<String>> = a
        .contacts
        .iter()
        .map(|c| {
            vec![
                or_dash(&c.name),
                or_dash(&c.title),
                or_dash(&c.email),
                or_dash(&c.phone),
            ]
        })
        .collect();
    table(out, t("| Name | Title | Email | Phone |"), &rows);
}

fn history(out: &mut String, p: &Plan, cur: &str) {
    heading(out, t("## Purchase history"));
    let year = p.today.0.year();
    let groups = [
        crate::tf!("### This year ({year})\n\n", year),
        crate::tf!("### Last year ({year})\n\n", year = year - 1),
        t("### Earlier\n\n").to_owned(),
    ];
    for (group, won) in groups.iter().zip(&p.won) {
        out.push_str(group);
        if won.is_empty() {
            out.push_str(t("No deal won."));
            out.push_str("\n\n");
            continue;
        }
        let total = won.iter().map(|(o, _)| o.value).sum::<Money>();
        for (o, on) in won {
            out.push_str(&format!(
                "- {on} · {} · {}\n", // i18n-exempt: a date, a title and an amount
                cell(&o.title),
                money(o.value, cur)
            ));
        }
        out.push_str(&crate::tf!(
            "\nWon: {count}, {total}.\n\n",
            count = crate::text::count(won.len() as i64, "deal", "deals"),
            total = money(total, cur)
        ));
    }
    out.push_str(&crate::tf!(
        "Lost deals: {lost}.\n",
        lost = crate::text::grouped(p.lost)
    ));
}

fn needs_and_decision(out: &mut String, p: &Plan) {
    let plan = p.a.plan.clone().unwrap_or_default();
    heading(out, t("## Needs"));
    paragraph(out, &plan.needs);
    heading(out, t("## Decision process"));
    paragraph(out, &plan.decision_process);
    out.push_str(t("\nThe buying influences of the open deals, by role:\n\n"));
    let roles = [
        (Role::Economic, t("Economic buyers")),
        (Role::User, t("Users")),
        (Role::Technical, t("Technical buyers")),
        (Role::Coach, t("Coaches")),
    ];
    for (role, name) in roles {
        let people: Vec<String> = p
            .holding(role)
            .into_iter()
            .map(|(o, x)| {
                // i18n-exempt: a mark and its word
                let attitude = md(&format!("{} {}", x.attitude.symbol(), x.attitude.label()));
                match x.title.trim() {
                    "" => crate::tf!(
                        "{name} ({attitude}, {deal})",
                        name = cell(&x.name),
                        attitude,
                        deal = cell(&o.title)
                    ),
                    title => crate::tf!(
                        "{name}, {title} ({attitude}, {deal})",
                        name = cell(&x.name),
                        title = cell(title),
                        attitude,
                        deal = cell(&o.title)
                    ),
                }
            })
            .collect();
        let people = match people.is_empty() {
            true => t("none").to_owned(),
            false => people.join(t("; ")),
        };
        out.push_str(&crate::tf!("- **{role}:** {people}\n", role = name, people));
    }
}

fn year(out: &mut String, p: &Plan, cur: &str) {
    let f = &p.f;
    let plan = p.a.plan.clone().unwrap_or_default();
    heading(out, t("## Last year against this year"));
    out.push_str(&crate::tf!(
        "- **Last year's target:** {amount}\n",
        amount = money_or_not_set(plan.last_year_target, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Last year's result:** {amount}\n",
        amount = money_or_not_set(plan.last_year_result, cur)
    ));
    out.push_str(&crate::tf!(
        "- **This year's target:** {amount}\n",
        amount = money_or_not_set(plan.target, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Won so far this year:** {amount}\n",
        amount = money(f.won_this_year, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Expected by now:** {amount}\n",
        amount = money_or_not_set(f.expected_by_now, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Share of target won:** {share}\n",
        share = match (plan.target, p.share_of_target()) {
            (_, Some(x)) => format!("{x:.0}%"), // i18n-exempt: a percentage
            // a target of 0: there is nothing to take a share of
            (Some(_), None) => t("no target").to_owned(),
            (None, None) => t("not set").to_owned(),
        }
    ));
    out.push_str(&crate::tf!(
        "- **Open pipeline:** {deals}, {value}, weighted {weighted}\n",
        deals = crate::text::count(f.open_count as i64, "deal", "deals"),
        value = money(f.open_value, cur),
        weighted = money(f.open_weighted, cur)
    ));
}

fn credit(out: &mut String, p: &Plan, cur: &str) {
    let c = &p.f.credit;
    heading(out, t("## Credit"));
    out.push_str(&crate::tf!(
        "- **Credit limit:** {amount}\n",
        amount = money_or_not_set(c.limit, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Terms:** {terms}\n",
        terms = c.terms_days.map_or_else(
            || t("not set").to_owned(),
            |d| crate::text::days(i64::from(d.0))
        )
    ));
    out.push_str(&crate::tf!(
        "- **Unpaid:** {amount} ({count})\n",
        amount = money(c.unpaid, cur),
        count = crate::text::count(c.unpaid_count as i64, "invoice", "invoices")
    ));
    out.push_str(&match c.overdue_count {
        0 => t("- **Overdue:** none\n").to_owned(),
        _ => crate::tf!(
            "- **Overdue:** {amount} ({count}), the oldest {days} overdue\n",
            amount = money(c.overdue, cur),
            count = crate::text::count(c.overdue_count as i64, "invoice", "invoices"),
            days = crate::text::days(c.days_overdue)
        ),
    });
    out.push_str(&crate::tf!(
        "- **Available:** {amount}\n",
        amount = money_or_not_set(c.available(), cur)
    ));
    out.push_str(t("\n### Unpaid invoices\n\n"));
    let rows: Vec<Vec<String>> =
        p.a.credit
            .as_ref()
            .map(|cr| {
                crate::domain::credit::invoice_order(p.a)
                    .into_iter()
                    .map(|n| &cr.invoices[n])
                    .filter(|i| i.paid.is_none())
                    .map(|i| {
                        let late = i.days_overdue(cr.terms_days, p.today);
                        vec![
                            or_dash(i.label()),
                            money(i.amount, cur),
                            date_or_dash(i.issued),
                            date_or_dash(i.due_on(cr.terms_days)),
                            match late {
                                0 => "—".to_owned(), // i18n-exempt: a dash for not overdue
                                n => crate::text::days(n),
                            },
                        ]
                    })
                    .collect()
            })
            .unwrap_or_default();
    if rows.is_empty() {
        none(out);
    } else {
        table(
            out,
            t("| Invoice | Amount | Issued | Due | Overdue |"),
            &rows,
        );
    }
}

fn feedback(out: &mut String, p: &Plan) {
    let a = p.a;
    heading(out, t("## Customer feedback"));
    let (open, resolved) = complaints(a);
    out.push_str(t("### Open complaints\n\n"));
    if open.is_empty() {
        none(out);
    }
    for c in &open {
        out.push_str(&crate::tf!(
            "- {raised} · open {days}: {text}\n",
            raised = c.raised,
            days = crate::text::days(days_open(c, p.today)),
            text = or_dash(&c.text)
        ));
    }
    out.push_str(t("\n### Resolved complaints\n\n"));
    if resolved.is_empty() {
        none(out);
    }
    for c in &resolved {
        out.push_str(&crate::tf!(
            "- {raised} · resolved {resolved}: {text}\n",
            raised = c.raised,
            resolved = date_or_dash(c.resolved),
            text = or_dash(&c.text)
        ));
    }
    out.push_str(t("\n### Satisfaction, oldest first\n\n"));
    if a.satisfaction.is_empty() {
        none(out);
    }
    for n in satisfaction_order(&a.satisfaction) {
        let s = &a.satisfaction[n];
        let note = match s.note.trim() {
            "" => String::new(),
            x => format!(" · {}", cell(x)), // i18n-exempt: a separator and a note
        };
        out.push_str(&format!("- {} · {}/5{note}\n", s.on, s.score.0)); // i18n-exempt: a date and a score
    }
}

fn open_deals(out: &mut String, ws: &Workspace, p: &Plan, cur: &str) {
    heading(out, t("## Open deals"));
    if p.open.is_empty() {
        none(out);
        return;
    }
    let rows: Vec<Vec<String>> = p
        .open
        .iter()
        .map(|(o, fl)| {
            let flags: Vec<String> = fl.iter().map(|x| cell(&x.message)).collect();
            vec![
                cell(&o.title),
                o.stage.name(),
                money(o.value, cur),
                money(o.weighted(&ws.settings), cur),
                date_or_dash(o.expected_close),
                match flags.is_empty() {
                    true => t("none").to_owned(),
                    false => flags.join(t("; ")),
                },
            ]
        })
        .collect();
    table(
        out,
        t("| Deal | Stage | Value | Weighted | Expected close | Red flags |"),
        &rows,
    );
}

fn timeline(out: &mut String, p: &Plan) {
    heading(out, t("## Action timeline"));
    out.push_str(t("### Open, by due date\n\n"));
    let row = |s: &Step, when: String| {
        vec![
            when,
            cell(&s.action.text),
            cell(&s.deal.title),
            s.person().map_or_else(|| "—".to_owned(), cell), // i18n-exempt: a dash for nobody
        ]
    };
    if p.todo.is_empty() {
        none(out);
    } else {
        let rows: Vec<Vec<String>> = p
            .todo
            .iter()
            .map(|s| {
                let when = match s.action.due {
                    Some(d) if d < p.today => crate::tf!("**{due} (overdue)**", due = d),
                    Some(d) => d.to_string(),
                    None => t("no date").to_owned(),
                };
                row(s, when)
            })
            .collect();
        table(out, t("| Due | Action | Deal | Person |"), &rows);
    }
    out.push_str(&crate::tf!("\n### Last {n} done\n\n", n = DONE_SHOWN));
    if p.done.is_empty() {
        none(out);
    } else {
        let rows: Vec<Vec<String>> = p
            .done
            .iter()
            .map(|s| row(s, date_or_dash(s.action.done)))
            .collect();
        table(out, t("| Done | Action | Deal | Person |"), &rows);
    }
}
