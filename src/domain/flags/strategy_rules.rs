//! The Blue Sheet's rules (spec section 9): what the deal's strategy is
//! missing or where it is losing. Conditions are the spec's; severities
//! come from [`super::super::severity`].

use super::{Ctx, Flag, Rule};
use crate::domain::words::{Side, Stage, Standing};
use crate::i18n::t;
use crate::tf;

pub(super) fn no_decision_criteria(c: &Ctx, out: &mut Vec<Flag>) {
    if c.o.stage >= Stage::Propose && c.o.decision_criteria.is_empty() {
        c.push(out, Rule::NoDecisionCriteria, false, None,
            || t("no decision criteria written down"),
            || t("Find out how they will score the offers (技术及商务评分标准): ask your coach and the technical buyer for the criteria and their weights, then write them down."));
    }
}

pub(super) fn behind_on_criterion(c: &Ctx, out: &mut Vec<Flag>) {
    for k in &c.o.decision_criteria {
        let weight = k.weight.map_or(0, |w| w.0);
        if weight >= 4 && k.standing == Standing::Behind {
            c.push(
                out,
                Rule::BehindOnCriterion,
                weight == 5,
                Some(&k.id),
                || {
                    tf!(
                        "behind on “{criterion}” (weight {weight})",
                        criterion = k.text,
                        weight
                    )
                },
                || {
                    tf!(
                        "On “{criterion}”: {advice}",
                        criterion = k.text,
                        advice = crate::domain::strategy::criterion_advice(k.kind)
                    )
                },
            );
        }
    }
}

pub(super) fn competitor_ahead(c: &Ctx, out: &mut Vec<Flag>) {
    for rival in
        c.o.competition
            .iter()
            .filter(|r| r.position == Standing::Ahead)
    {
        c.push(
            out,
            Rule::CompetitorAhead,
            false,
            Some(&rival.id),
            || tf!("{competitor} is ahead", competitor = rival.name),
            || tf!("Differentiate against {competitor}: what only we offer, product or not (service, the account team, references); reshape the criteria they win on with your coach.", competitor = rival.name),
        );
    }
}

pub(super) fn no_compelling_event(c: &Ctx, out: &mut Vec<Flag>) {
    if c.o.stage >= Stage::Propose && c.o.compelling_event.is_none() {
        c.push(out, Rule::NoCompellingEvent, false, None,
            || t("no compelling event: nothing makes them buy by a date"),
            || t("Ask what happens if they do nothing until next year; find the event that makes this date real (a budget year-end, a go-live, a regulation), or expect the date to slip."));
    }
}

pub(super) fn no_close_plan(c: &Ctx, out: &mut Vec<Flag>) {
    if c.o.stage >= Stage::Negotiate && c.o.close_plan.is_empty() {
        c.push(out, Rule::NoClosePlan, false, None,
            || t("no close plan to signature"),
            || t("Agree the steps to signature with the customer: their approvals, legal and purchasing (the paper process), and ours, each with a date."));
    }
}

pub(super) fn close_plan_overdue(c: &Ctx, out: &mut Vec<Flag>) {
    for step in &c.o.close_plan {
        let overdue = step.is_open() && step.due.is_some_and(|d| d < c.today);
        if !overdue {
            continue;
        }
        let theirs = step.side == Some(Side::Customer);
        c.push(
            out,
            Rule::ClosePlanOverdue,
            theirs,
            Some(&step.id),
            || {
                tf!(
                    "close plan step “{step}” overdue since {due}",
                    step = step.text,
                    due = step.due.map(|d| d.to_string()).unwrap_or_default()
                )
            },
            || {
                if theirs {
                    tf!("“{step}” is late on their side: ask your coach what holds it up, and agree a new date with the person who owns it; a stalled paper process is how deals flip at the last moment.", step = step.text)
                } else {
                    tf!("Do “{step}” now, or agree a new date with the customer; mark it done when it is.", step = step.text)
                }
            },
        );
    }
}
