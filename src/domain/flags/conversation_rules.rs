//! The rules of people and conversations (spec section 10): a key person
//! not heard from within their cadence, a conversation coming up without a
//! plan. Conditions are the spec's; severities come from
//! [`super::super::severity`].

use super::{Ctx, Flag, Rule, name};
use crate::domain::influence::in_core_circle;
use crate::domain::words::{Role, Stage};
use crate::i18n::t;
use crate::tf;

pub(super) fn person_quiet(c: &Ctx, out: &mut Vec<Flag>) {
    for p in c.o.influences.iter().filter(|p| in_core_circle(p)) {
        let Some(quiet) = p.days_quiet(c.o.created, c.today) else {
            continue;
        };
        let cadence = p.cadence(c.settings).0 as i64;
        if quiet <= cadence {
            continue;
        }
        let worse = p.has_role(Role::Economic) && c.o.stage >= Stage::Propose;
        // at the head of the message: no comma before the colon
        let who = || name(p).trim_end_matches(',').to_owned();
        c.push(
            out,
            Rule::PersonQuiet,
            worse,
            Some(&p.id),
            || match p.last_contact {
                Some(last) => tf!(
                    "{person}: no contact for {days} (since {last}; every {cadence} expected)",
                    person = who(),
                    days = crate::text::plain_days(quiet),
                    last,
                    cadence = crate::text::plain_days(cadence)
                ),
                None => tf!(
                    "{person}: no contact recorded since the deal began {days} ago (every {cadence} expected)",
                    person = who(),
                    days = crate::text::plain_days(quiet),
                    cadence = crate::text::plain_days(cadence)
                ),
            },
            || {
                tf!(
                    "Plan a call or a visit with {person} with a reason that matters to them (a valid business reason), and record the contact when it is done.",
                    person = p.name
                )
            },
        );
    }
}

pub(super) fn no_call_plan(c: &Ctx, out: &mut Vec<Flag>) {
    for a in c.o.actions.iter().filter(|a| a.needs_plan(c.today)) {
        let (Some(kind), Some(due)) = (a.kind, a.due) else {
            continue;
        };
        c.push(
            out,
            Rule::NoCallPlan,
            due <= c.today,
            Some(&a.id),
            || {
                tf!(
                    "{kind} “{text}” on {due} has no call plan",
                    kind = kind.label(),
                    text = a.text,
                    due
                )
            },
            || t("Write the call plan (the Green Sheet): the objective, a valid business reason for them, the best and the minimum commitment to ask for, and the SPIN questions."),
        );
    }
}
