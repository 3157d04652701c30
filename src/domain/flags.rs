//! Red flags (spec section 3, a contract for rule ids and conditions): what
//! puts a deal at risk, computed afresh from what is there and from what is
//! missing. Pure: `today` is passed in.
//!
//! Severities are ours to choose. The principle: the later the stage, the
//! more a gap costs, because there is less time left to close it.
//!
//! | rule | severity |
//! |---|---|
//! | unqualified | medium in drive, high from propose |
//! | no-economic-buyer | low in qualify, medium in drive, high from propose |
//! | economic-buyer-not-met | medium in qualify, high later |
//! | no-coach | medium, high from negotiate |
//! | influence-not-met | medium for a high-influence person, else low |
//! | unknown-mode | medium for the economic buyer, else low |
//! | no-discrepancy | medium (the economic buyer from propose: high) |
//! | opponent | high when hostile, medium for a high-influence non-supporter |
//! | single-threaded | medium, high from propose |
//! | stalled | medium, high in negotiate and close |
//! | close-date-passed | high |
//! | no-close-date | low in qualify, medium later |
//! | close-date-slipped | medium, high from three slips |
//! | no-next-action | high |
//! | overdue-action | medium, high when more than 14 days overdue |
//! | quiet | medium |
//! | no-value-proposition | medium, high in negotiate and close |
//! | manual | medium (the user said it; the user can resolve it) |

use super::values::Date;
use super::words::{Attitude, Level, Mode, Role, Stage};
use super::workspace::{Influence, Opportunity, Settings, Snooze};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// One red flag on one opportunity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub rule: &'static str,
    pub severity: Severity,
    /// The influence, action or manual flag it is about, if any.
    pub subject: Option<String>,
    pub message: String,
    pub suggestion: String,
}

fn flag(
    rule: &'static str,
    severity: Severity,
    subject: Option<&str>,
    message: String,
    suggestion: String,
) -> Flag {
    Flag {
        rule,
        severity,
        subject: subject.map(String::from),
        message,
        suggestion,
    }
}

fn later(o: &Opportunity, stage: Stage, high: Severity, low: Severity) -> Severity {
    if o.stage >= stage { high } else { low }
}

fn name(p: &Influence) -> String {
    match p.title.as_str() {
        "" => p.name.clone(),
        t if t.contains('(') => format!("{}, {t},", p.name),
        t => format!("{} ({t})", p.name),
    }
}

/// Every flag of `o` on `today`, snoozed ones included, most severe first.
/// Won, lost and abandoned deals carry none.
pub fn compute(o: &Opportunity, settings: &Settings, today: Date) -> Vec<Flag> {
    use Severity::*;
    let mut out = Vec::new();
    if !o.is_open() {
        return out;
    }
    let past_qualify = o.stage > Stage::Qualify;
    let people = &o.influences;

    if past_qualify {
        let missing: Vec<&str> = o
            .qualification
            .conditions()
            .iter()
            .filter(|(_, v)| *v != Some(true))
            .map(|(n, _)| *n)
            .collect();
        if !missing.is_empty() {
            out.push(flag("unqualified", later(o, Stage::Propose, High, Medium), None,
                format!("in {} with {} not confirmed", o.stage, missing.join(", ")),
                format!("Confirm {} (确认商机): ask who decides, what the budget is and when they will buy; if it cannot be confirmed, consider disqualifying.", missing.join(", "))));
        }
    }
    let economic: Vec<&Influence> = people
        .iter()
        .filter(|p| p.has_role(Role::Economic))
        .collect();
    if economic.is_empty() {
        let sev = match o.stage {
            Stage::Qualify => Low,
            Stage::Drive => Medium,
            _ => High,
        };
        out.push(flag("no-economic-buyer", sev, None, "no economic buyer identified".into(),
            "Find out who gives final approval and releases the money (经济影响力); ask your coach, then call high.".into()));
    }
    for p in &economic {
        if p.coverage.0 == 0 {
            out.push(flag("economic-buyer-not-met", later(o, Stage::Drive, High, Medium), Some(&p.id),
                format!("economic buyer {} never met", name(p)),
                format!("Get a meeting with {}, the economic buyer, never met: ask your coach or a supporter to introduce you.", p.name)));
        }
    }
    if !people.iter().any(|p| p.has_role(Role::Coach)) {
        out.push(flag("no-coach", later(o, Stage::Negotiate, High, Medium), None, "no coach (内线) to guide the sale".into(),
            "Develop a coach: someone credible with the buyer who wants us to win; look among supporters inside, friends outside, or our own people.".into()));
    }
    for p in people {
        if !p.has_role(Role::Economic) && p.coverage.0 == 0 {
            let sev = if p.influence == Some(Level::High) {
                Medium
            } else {
                Low
            };
            out.push(flag(
                "influence-not-met",
                sev,
                Some(&p.id),
                format!("{} never met", name(p)),
                format!(
                    "Meet {}: learn the result they need and their personal win.",
                    p.name
                ),
            ));
        }
    }
    for p in people {
        if p.mode == Mode::Unknown {
            let sev = if p.has_role(Role::Economic) {
                Medium
            } else {
                Low
            };
            out.push(flag(
                "unknown-mode",
                sev,
                Some(&p.id),
                format!("response mode of {} unknown", name(p)),
                format!(
                    "Ask {} how they see the change: growth, trouble, even keel or overconfident?",
                    p.name
                ),
            ));
        }
    }
    for p in people {
        let buyer_or_user = p.has_role(Role::Economic) || p.has_role(Role::User);
        if buyer_or_user && matches!(p.mode, Mode::EvenKeel | Mode::Overconfident) {
            let sev = if p.has_role(Role::Economic) && o.stage >= Stage::Propose {
                High
            } else {
                Medium
            };
            out.push(flag("no-discrepancy", sev, Some(&p.id),
                format!("{} sees no gap ({})", name(p), p.mode.as_str().replace('_', " ")),
                format!("Show {} the gap between results now and results wanted; without one they will not buy.", p.name)));
        }
    }
    for p in people {
        let hostile = p.attitude == Attitude::Hostile;
        if hostile || (p.attitude == Attitude::NonSupporter && p.influence == Some(Level::High)) {
            let what = if hostile {
                "hostile"
            } else {
                "a high-influence non-supporter"
            };
            out.push(flag("opponent", if hostile { High } else { Medium }, Some(&p.id), format!("{} is {what}", name(p)),
                format!("An opponent is not an enemy: learn what {} fears or wants, answer it, and work through the supporters they listen to.", p.name)));
        }
    }
    if past_qualify && people.len() < 2 {
        out.push(flag("single-threaded", later(o, Stage::Propose, High, Medium), None,
            format!("only {} buying influence{} known", people.len(), if people.len() == 1 { "" } else { "s" }),
            "Call high and go wide: map the economic buyer, users, technical buyers and a coach (关系要做高).".into()));
    }
    if let Some(days) = o.days_in_stage(today) {
        let limit = settings.stall_days.get(o.stage).0 as i64;
        if days > limit {
            out.push(flag("stalled", later(o, Stage::Negotiate, High, Medium), None,
                format!("{days} days in {} (more than {limit})", o.stage),
                format!("Find what blocks the gate out of {}: agree the next step with the customer, or requalify.", o.stage)));
        }
    }
    match o.expected_close {
        Some(d) if d < today => out.push(flag("close-date-passed", High, None, format!("expected close {d} has passed"),
            "Ask the customer for the real date; update it, or close the deal as lost or abandoned.".into())),
        None => out.push(flag("no-close-date", later(o, Stage::Drive, Medium, Low), None, "no expected close date".into(),
            "Ask when they plan to buy (有采购时间计划) and set the expected close.".into())),
        _ => {}
    }
    let slips = o.slips();
    if slips >= 2 {
        out.push(flag("close-date-slipped", if slips >= 3 { High } else { Medium }, None,
            format!("close date moved later {slips} times"),
            "Test whether the date is real: what must happen before signing, and who makes it happen?".into()));
    }
    let open: Vec<_> = o.actions.iter().filter(|a| a.is_open()).collect();
    if open.is_empty() {
        out.push(flag(
            "no-next-action",
            High,
            None,
            "no open action".into(),
            "Decide the next step with the customer and put it on the list with a date.".into(),
        ));
    }
    for a in &open {
        if let Some(due) = a.due.filter(|d| *d < today) {
            let late = due.days_until(today);
            out.push(flag(
                "overdue-action",
                if late > 14 { High } else { Medium },
                Some(&a.id),
                format!("“{}” was due {due} ({late} days ago)", a.text),
                format!(
                    "Do “{}” now, or reschedule it to a date you will keep.",
                    a.text
                ),
            ));
        }
    }
    let latest = o
        .log
        .iter()
        .map(|l| l.on)
        .chain(o.actions.iter().filter_map(|a| a.done))
        .chain(people.iter().filter_map(|p| p.last_contact))
        .max()
        .or(o.created);
    if let Some(last) = latest {
        let quiet = last.days_until(today);
        if quiet > settings.quiet_days.0 as i64 {
            out.push(flag(
                "quiet",
                Medium,
                None,
                format!("no contact for {quiet} days (since {last})"),
                "Get back in touch: a visit or a call with a reason that matters to them.".into(),
            ));
        }
    }
    let vp = &o.value_proposition;
    if o.stage >= Stage::Propose
        && (vp.benefits.trim().is_empty() || vp.differentiators.trim().is_empty())
    {
        let missing = match (
            vp.benefits.trim().is_empty(),
            vp.differentiators.trim().is_empty(),
        ) {
            (true, true) => "benefits and differentiators",
            (true, false) => "benefits",
            _ => "differentiators",
        };
        out.push(flag("no-value-proposition", later(o, Stage::Negotiate, High, Medium), None,
            format!("value proposition without {missing}"),
            "Complete the value triangle (价值金三角): the benefits in their numbers, and what sets us apart.".into()));
    }
    for f in o.flags.iter().filter(|f| f.resolved.is_none()) {
        out.push(flag(
            "manual",
            Medium,
            Some(&f.id),
            f.text.clone(),
            format!("Act on “{}”, then resolve the flag (x).", f.text),
        ));
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The snooze hiding `flag` on `today`, if any: it hides through its
/// `until` date and the flag comes back the day after.
pub fn snoozed_by<'a>(o: &'a Opportunity, flag: &Flag, today: Date) -> Option<&'a Snooze> {
    o.snoozed.iter().find(|s| {
        s.rule == flag.rule
            && s.subject == flag.subject
            && today <= s.until
            && flag.rule != "manual"
    })
}

/// The flags that show on `today`: computed, minus the snoozed.
pub fn visible(o: &Opportunity, settings: &Settings, today: Date) -> Vec<Flag> {
    compute(o, settings, today)
        .into_iter()
        .filter(|f| snoozed_by(o, f, today).is_none())
        .collect()
}

/// What is going well, as the Blue Sheet lists beside the red flags: the
/// user's own strengths and the ones the data shows.
pub fn strengths(o: &Opportunity) -> Vec<String> {
    let mut out: Vec<String> = o.strengths.clone();
    for p in &o.influences {
        if p.has_role(Role::Coach) && p.attitude == Attitude::Champion {
            out.push(format!("{} is our coach and a champion", p.name));
        }
        if p.has_role(Role::Economic)
            && matches!(p.mode, Mode::Growth | Mode::Trouble)
            && p.coverage.0 >= 2
        {
            out.push(format!(
                "economic buyer {} is in {} mode and we know them well",
                p.name,
                p.mode.as_str()
            ));
        }
    }
    if o.qualification.all_confirmed() {
        out.push("all four qualification conditions confirmed".into());
    }
    out
}
/// The flag pane's rows: the flags that show, most severe first, then the
/// snoozed ones with their snooze.
pub fn flag_rows<'a>(
    o: &'a Opportunity,
    settings: &Settings,
    today: Date,
) -> Vec<(Flag, Option<&'a Snooze>)> {
    let (shown, snoozed): (Vec<_>, Vec<_>) = compute(o, settings, today)
        .into_iter()
        .map(|f| {
            let s = snoozed_by(o, &f, today);
            (f, s)
        })
        .partition(|(_, s)| s.is_none());
    shown.into_iter().chain(snoozed).collect()
}
