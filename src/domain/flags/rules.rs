//! The red-flag rules of spec section 3, one function each: when the rule
//! fires and what it says. How severe a flag is comes from the one table in
//! [`super::severity`]; a rule only says whether its aggravating case holds.
//!
//! Each rule pushes into the deal's list instead of returning a `Vec`, so a
//! rule that finds nothing costs no allocation; a flag's words are written
//! only when its severity is one the caller asked for.

use super::{Flag, Rule, severity};
use crate::domain::values::Date;
use crate::domain::words::{Attitude, ForecastCategory, Level, Mode, Role, Stage};
use crate::domain::workspace::{Influence, Opportunity, Settings};
use crate::i18n::{Lang, lang, t};
use crate::tf;
use std::borrow::Cow;

#[path = "conversation_rules.rs"]
mod conversation;
#[path = "strategy_rules.rs"]
mod strategy;

/// What every rule looks at: one open deal on one day.
pub(super) struct Ctx<'a> {
    pub o: &'a Opportunity,
    pub settings: &'a Settings,
    pub today: Date,
    /// Which severities to report.
    pub keep: &'a dyn Fn(super::Severity) -> bool,
}

impl Ctx<'_> {
    /// Adds a flag of `rule`, its severity looked up for this deal's stage,
    /// if it is of a severity asked for: its words are written only then
    /// (the action list ranks by high-severity flags alone).
    pub(super) fn push<M, S>(
        &self,
        out: &mut Vec<Flag>,
        rule: Rule,
        worse: bool,
        subject: Option<&str>,
        message: impl FnOnce() -> M,
        suggestion: impl FnOnce() -> S,
    ) where
        M: Into<Cow<'static, str>>,
        S: Into<Cow<'static, str>>,
    {
        let severity = severity(rule, self.o.stage, worse);
        if (self.keep)(severity) {
            out.push(Flag {
                rule,
                severity,
                subject: subject.map(String::from),
                message: message().into(),
                suggestion: suggestion().into(),
            });
        }
    }

    fn economic_buyers(&self) -> impl Iterator<Item = &Influence> {
        self.o
            .influences
            .iter()
            .filter(|p| p.has_role(Role::Economic))
    }
}

/// Runs `rule` on the deal. The match is exhaustive, so a new rule id
/// cannot be added without its function.
pub(super) fn check(rule: Rule, c: &Ctx, out: &mut Vec<Flag>) {
    let check = match rule {
        Rule::Unqualified => unqualified,
        Rule::NoEconomicBuyer => no_economic_buyer,
        Rule::EconomicBuyerNotMet => economic_buyer_not_met,
        Rule::NoCoach => no_coach,
        Rule::InfluenceNotMet => influence_not_met,
        Rule::UnknownMode => unknown_mode,
        Rule::NoDiscrepancy => no_discrepancy,
        Rule::Opponent => opponent,
        Rule::SingleThreaded => single_threaded,
        Rule::Stalled => stalled,
        Rule::CloseDatePassed => close_date_passed,
        Rule::NoCloseDate => no_close_date,
        Rule::CloseDateSlipped => close_date_slipped,
        Rule::NoNextAction => no_next_action,
        Rule::OverdueAction => overdue_action,
        Rule::Quiet => quiet,
        Rule::NoValueProposition => no_value_proposition,
        Rule::CommitAtRisk => commit_at_risk,
        Rule::NoDecisionCriteria => strategy::no_decision_criteria,
        Rule::BehindOnCriterion => strategy::behind_on_criterion,
        Rule::CompetitorAhead => strategy::competitor_ahead,
        Rule::NoCompellingEvent => strategy::no_compelling_event,
        Rule::NoClosePlan => strategy::no_close_plan,
        Rule::ClosePlanOverdue => strategy::close_plan_overdue,
        Rule::PersonQuiet => conversation::person_quiet,
        Rule::NoCallPlan => conversation::no_call_plan,
        Rule::Manual => manual,
    };
    check(c, out)
}

pub(super) fn name(p: &Influence) -> String {
    match p.title.as_str() {
        "" => p.name.clone(),
        // a title with its own brackets is not bracketed again: 刘工·IT 总监（新任）
        t if lang() == Lang::Zh && t.contains(['(', '（']) => format!("{}·{t}", p.name),
        t if lang() == Lang::Zh => format!("{}（{t}）", p.name),
        t if t.contains('(') => format!("{}, {t},", p.name),
        t => format!("{} ({t})", p.name),
    }
}

fn unqualified(c: &Ctx, out: &mut Vec<Flag>) {
    let o = c.o;
    if o.stage <= Stage::Qualify {
        return;
    }
    let missing: Vec<&str> = o
        .qualification
        .conditions()
        .iter()
        .filter(|(_, v)| *v != Some(true))
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        c.push(out, Rule::Unqualified, false, None,
            || tf!("in {stage} with {missing} not confirmed", stage = o.stage.label(), missing = conditions(&missing)),
            || tf!("Confirm {missing} (确认商机): ask who decides, what the budget is and when they will buy; if it cannot be confirmed, consider disqualifying.", missing = conditions(&missing)));
    }
}

/// The qualification conditions named: `need, budget`; 需求、预算.
fn conditions(names: &[&str]) -> String {
    match lang() {
        Lang::En => names.join(", "),
        Lang::Zh => names.iter().map(|n| t(n)).collect::<Vec<_>>().join("、"),
    }
}

fn no_economic_buyer(c: &Ctx, out: &mut Vec<Flag>) {
    if c.economic_buyers().next().is_none() {
        c.push(out, Rule::NoEconomicBuyer, false, None, || t("no economic buyer identified"),
            || t("Find out who gives final approval and releases the money (经济影响力); ask your coach, then call high."));
    }
}

fn economic_buyer_not_met(c: &Ctx, out: &mut Vec<Flag>) {
    for p in c.economic_buyers().filter(|p| p.coverage.0 == 0) {
        c.push(out, Rule::EconomicBuyerNotMet, false, Some(&p.id),
            || tf!("economic buyer {name} never met", name = name(p)),
            || tf!("Get a meeting with {name}, the economic buyer, never met: ask your coach or a supporter to introduce you.", name = p.name));
    }
}

fn no_coach(c: &Ctx, out: &mut Vec<Flag>) {
    if !c.o.influences.iter().any(|p| p.has_role(Role::Coach)) {
        c.push(out, Rule::NoCoach, false, None, || t("no coach (内线) to guide the sale"),
            || t("Develop a coach: someone credible with the buyer who wants us to win; look among supporters inside, friends outside, or our own people."));
    }
}

fn influence_not_met(c: &Ctx, out: &mut Vec<Flag>) {
    for p in &c.o.influences {
        if !p.has_role(Role::Economic) && p.coverage.0 == 0 {
            c.push(
                out,
                Rule::InfluenceNotMet,
                p.influence == Some(Level::High),
                Some(&p.id),
                || tf!("{name} never met", name = name(p)),
                || {
                    tf!(
                        "Meet {name}: learn the result they need and their personal win.",
                        name = p.name
                    )
                },
            );
        }
    }
}

fn unknown_mode(c: &Ctx, out: &mut Vec<Flag>) {
    for p in c.o.influences.iter().filter(|p| p.mode == Mode::Unknown) {
        c.push(
            out,
            Rule::UnknownMode,
            p.has_role(Role::Economic),
            Some(&p.id),
            || tf!("response mode of {name} unknown", name = name(p)),
            || {
                tf!(
                    "Ask {name} how they see the change: growth, trouble, even keel or overconfident?",
                    name = p.name
                )
            },
        );
    }
}

fn no_discrepancy(c: &Ctx, out: &mut Vec<Flag>) {
    for p in &c.o.influences {
        let buyer_or_user = p.has_role(Role::Economic) || p.has_role(Role::User);
        if buyer_or_user && matches!(p.mode, Mode::EvenKeel | Mode::Overconfident) {
            c.push(out, Rule::NoDiscrepancy, p.has_role(Role::Economic), Some(&p.id),
                || tf!("{name} sees no gap ({mode})", name = name(p), mode = p.mode.label()),
                || tf!("Show {name} the gap between results now and results wanted; without one they will not buy.", name = p.name));
        }
    }
}

fn opponent(c: &Ctx, out: &mut Vec<Flag>) {
    for p in &c.o.influences {
        let hostile = p.attitude == Attitude::Hostile;
        if hostile || (p.attitude == Attitude::NonSupporter && p.influence == Some(Level::High)) {
            let what = || {
                if hostile {
                    tf!("{name} is hostile", name = name(p))
                } else {
                    tf!("{name} is a high-influence non-supporter", name = name(p))
                }
            };
            c.push(out, Rule::Opponent, hostile, Some(&p.id), what,
                || tf!("An opponent is not an enemy: learn what {name} fears or wants, answer it, and work through the supporters they listen to.", name = p.name));
        }
    }
}

fn single_threaded(c: &Ctx, out: &mut Vec<Flag>) {
    let known = c.o.influences.len();
    if c.o.stage > Stage::Qualify && known < 2 {
        c.push(out, Rule::SingleThreaded, false, None,
            || tf!("only {known} known", known = crate::text::plain_count(known as i64, "buying influence", "buying influences")),
            || t("Call high and go wide: map the economic buyer, users, technical buyers and a coach (关系要做高)."));
    }
}

fn stalled(c: &Ctx, out: &mut Vec<Flag>) {
    let o = c.o;
    if let Some(days) = o.days_in_stage(c.today) {
        let limit = c.settings.stall_days.get(o.stage).0 as i64;
        if days > limit {
            c.push(out, Rule::Stalled, false, None,
                || tf!("{days} in {stage} (more than {limit})", days = crate::text::plain_days(days), stage = o.stage.label(), limit),
                || tf!("Find what blocks the gate out of {stage}: agree the next step with the customer, or requalify.", stage = o.stage.label()));
        }
    }
}

fn close_date_passed(c: &Ctx, out: &mut Vec<Flag>) {
    if let Some(d) = c.o.expected_close.filter(|d| *d < c.today) {
        c.push(out, Rule::CloseDatePassed, false, None, || tf!("expected close {d} has passed", d),
            || t("Ask the customer for the real date; update it, or close the deal as lost or abandoned."));
    }
}

fn no_close_date(c: &Ctx, out: &mut Vec<Flag>) {
    if c.o.expected_close.is_none() {
        c.push(
            out,
            Rule::NoCloseDate,
            false,
            None,
            || t("no expected close date"),
            || t("Ask when they plan to buy (有采购时间计划) and set the expected close."),
        );
    }
}

fn close_date_slipped(c: &Ctx, out: &mut Vec<Flag>) {
    let slips = c.o.slips();
    if slips >= 2 {
        c.push(out, Rule::CloseDateSlipped, slips >= 3, None,
            || tf!("close date moved later {slips} times", slips),
            || t("Test whether the date is real: what must happen before signing, and who makes it happen?"));
    }
}

fn no_next_action(c: &Ctx, out: &mut Vec<Flag>) {
    if !c.o.actions.iter().any(|a| a.is_open()) {
        c.push(
            out,
            Rule::NoNextAction,
            false,
            None,
            || t("no open action"),
            || t("Decide the next step with the customer and put it on the list with a date."),
        );
    }
}

fn overdue_action(c: &Ctx, out: &mut Vec<Flag>) {
    for a in c.o.actions.iter().filter(|a| a.is_open()) {
        if let Some(due) = a.due.filter(|d| *d < c.today) {
            let late = due.days_until(c.today);
            c.push(
                out,
                Rule::OverdueAction,
                late > 14,
                Some(&a.id),
                || {
                    tf!(
                        "“{text}” was due {due} ({late} ago)",
                        text = a.text,
                        due,
                        late = crate::text::plain_days(late)
                    )
                },
                || {
                    tf!(
                        "Do “{text}” now, or reschedule it to a date you will keep.",
                        text = a.text
                    )
                },
            );
        }
    }
}

fn quiet(c: &Ctx, out: &mut Vec<Flag>) {
    let o = c.o;
    let latest = o
        .log
        .iter()
        .map(|l| l.on)
        .chain(o.actions.iter().filter_map(|a| a.done))
        .chain(o.influences.iter().filter_map(|p| p.last_contact))
        .max()
        .or(o.created);
    if let Some(last) = latest {
        let quiet = last.days_until(c.today);
        if quiet > c.settings.quiet_days.0 as i64 {
            c.push(
                out,
                Rule::Quiet,
                false,
                None,
                || {
                    tf!(
                        "no contact for {days} (since {last})",
                        days = crate::text::plain_days(quiet),
                        last
                    )
                },
                || t("Get back in touch: a visit or a call with a reason that matters to them."),
            );
        }
    }
}

fn no_value_proposition(c: &Ctx, out: &mut Vec<Flag>) {
    let vp = &c.o.value_proposition;
    let (benefits, differentiators) = (
        vp.benefits.trim().is_empty(),
        vp.differentiators.trim().is_empty(),
    );
    if c.o.stage >= Stage::Propose && (benefits || differentiators) {
        let message = match (benefits, differentiators) {
            (true, true) => "value proposition without benefits and differentiators",
            (true, false) => "value proposition without benefits",
            _ => "value proposition without differentiators",
        };
        c.push(out, Rule::NoValueProposition, false, None,
            || t(message),
            || t("Complete the value triangle (价值金三角): the benefits in their numbers, and what sets us apart."));
    }
}

/// Spec section 8: a deal the forecast counts on (category used: commit)
/// while one of four other rules' conditions holds, whether or not those
/// flags are snoozed: the manager's number rests on it.
fn commit_at_risk(c: &Ctx, out: &mut Vec<Flag>) {
    let o = c.o;
    if crate::domain::forecast::category(o, c.settings) != ForecastCategory::Commit {
        return;
    }
    let mut why: Vec<&str> = Vec::new();
    if o.expected_close.is_some_and(|d| d < c.today) {
        why.push("its close date has passed");
    }
    if c.economic_buyers().next().is_none() {
        why.push("no economic buyer");
    } else if c.economic_buyers().any(|p| p.coverage.0 == 0) {
        why.push("the economic buyer never met");
    }
    if o.stage > Stage::Qualify && !o.qualification.all_confirmed() {
        why.push("not fully qualified");
    }
    if why.is_empty() {
        return;
    }
    let reasons = || {
        let words: Vec<&str> = why.iter().map(|r| t(r)).collect();
        words.join(match lang() {
            Lang::En => ", ",
            Lang::Zh => "、",
        })
    };
    c.push(out, Rule::CommitAtRisk, false, None,
        || tf!("committed in the forecast, but: {reasons}", reasons = reasons()),
        || t("Fix the cause before the forecast call (meet the economic buyer, confirm the four conditions, get the real date), or move the deal to best case (f) so the number stays true."));
}

fn manual(c: &Ctx, out: &mut Vec<Flag>) {
    for f in c.o.flags.iter().filter(|f| f.resolved.is_none()) {
        c.push(
            out,
            Rule::Manual,
            false,
            Some(&f.id),
            || f.text.clone(),
            || tf!("Act on “{text}”, then resolve the flag (x).", text = f.text),
        );
    }
}
