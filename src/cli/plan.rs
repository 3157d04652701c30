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

#[path = "plan_markdown.rs"]
mod markdown;

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
        Format::Md => markdown::markdown(ws, &Plan::of(ws, a, ctx.today)),
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
/// the name (exactly, or but for case).
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
            "{account}: several accounts have this name ({ids}); give the id",
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

/// How many days a complaint has been open; 0 for one raised after today
/// (a date typed ahead), never a negative age.
fn days_open(c: &crate::domain::Complaint, today: Date) -> i64 {
    c.raised.days_until(today).max(0)
}
