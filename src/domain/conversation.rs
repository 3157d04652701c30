//! Conversations (spec section 10; seeds 000 and 004): the SPIN questions a
//! call plan lists, with the method's prompt for each kind, and the words
//! a debrief leaves in the deal's log.

use super::words::{ActionKind, Commitment};
use super::workspace::{Action, CallPlan, Debrief, Influence, SpinQuestions};
use crate::i18n::t;
use crate::tf;

/// How many days ahead a call, meeting or visit must have its plan
/// (`no-call-plan`).
pub const PLAN_AHEAD_DAYS: i64 = 2;

/// The four kinds of SPIN question, in the order a visit asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spin {
    Situation,
    Problem,
    Implication,
    NeedPayoff,
}

impl Spin {
    pub const ALL: [Spin; 4] = [
        Spin::Situation,
        Spin::Problem,
        Spin::Implication,
        Spin::NeedPayoff,
    ];

    /// The kind as the course names it (情境性问题 in Chinese).
    pub fn label(self) -> &'static str {
        match self {
            Spin::Situation => t("Situation questions"),
            Spin::Problem => t("Problem questions"),
            Spin::Implication => t("Implication questions"),
            Spin::NeedPayoff => t("Need-payoff questions"),
        }
    }

    /// What the course says questions of this kind are for, to prompt the
    /// seller writing them.
    pub fn prompt(self) -> &'static str {
        match self {
            Spin::Situation => t(
                "Facts and background, asked at the start: only the few you cannot find out before (customers tire of them).",
            ),
            Spin::Problem => t(
                "Their difficulties and dissatisfactions: where it hurts today. Ask more of these than situation questions.",
            ),
            Spin::Implication => t(
                "The consequences of the problem: make it bigger and more urgent, so the solution's cost is justified. Follow with need-payoff questions.",
            ),
            Spin::NeedPayoff => t(
                "Let them say what solving it is worth to them: why is that important? How would that help you? Never ask one whose answer you do not know.",
            ),
        }
    }

    /// The plan's list of this kind.
    pub fn of(self, q: &SpinQuestions) -> &Vec<String> {
        match self {
            Spin::Situation => &q.situation,
            Spin::Problem => &q.problem,
            Spin::Implication => &q.implication,
            Spin::NeedPayoff => &q.need_payoff,
        }
    }

    pub fn of_mut(self, q: &mut SpinQuestions) -> &mut Vec<String> {
        match self {
            Spin::Situation => &mut q.situation,
            Spin::Problem => &mut q.problem,
            Spin::Implication => &mut q.implication,
            Spin::NeedPayoff => &mut q.need_payoff,
        }
    }
}

/// The plan as a user wrote it, tidied: text trimmed, blank list items
/// dropped; `None` when nothing is left (no plan is written as `null`).
pub fn tidy_plan(mut plan: CallPlan) -> Option<CallPlan> {
    let trim = |s: &mut String| *s = s.trim().to_owned();
    let list = |l: &mut Vec<String>| {
        l.iter_mut().for_each(trim);
        l.retain(|s| !s.is_empty());
    };
    for s in [
        &mut plan.objective,
        &mut plan.reason,
        &mut plan.best,
        &mut plan.minimum,
    ] {
        trim(s);
    }
    for kind in Spin::ALL {
        list(kind.of_mut(&mut plan.questions));
    }
    list(&mut plan.give);
    (!plan.is_blank()).then_some(plan)
}

/// What the deal's log says of a conversation done with its debrief:
/// `Meeting with 王总 (CFO): learned …; commitment: best (…); next: …`.
pub fn debrief_text(a: &Action, person: Option<&Influence>, d: &Debrief) -> String {
    let kind = a.kind.unwrap_or(ActionKind::Task);
    let head = match person {
        Some(p) => tf!(
            "{kind} with {person}",
            kind = kind.label(),
            person = p.with_title()
        ),
        None => tf!("{kind} “{text}”", kind = kind.label(), text = a.text),
    };
    let mut parts = Vec::new();
    if !d.learned.trim().is_empty() {
        parts.push(d.learned.trim().to_owned());
    }
    let plan = a.written_plan();
    fn aimed(s: Option<&String>) -> Option<&str> {
        s.map(|s| s.trim()).filter(|s| !s.is_empty())
    }
    parts.push(match d.commitment {
        Commitment::Best => match aimed(plan.map(|p| &p.best)) {
            Some(what) => tf!("commitment: best ({what})", what),
            None => t("commitment: best").to_owned(),
        },
        Commitment::Minimum => match aimed(plan.map(|p| &p.minimum)) {
            Some(what) => tf!("commitment: minimum ({what})", what),
            None => t("commitment: minimum").to_owned(),
        },
        Commitment::Nothing => t("no commitment").to_owned(),
    });
    if !d.next.trim().is_empty() {
        parts.push(tf!("next: {next}", next = d.next.trim()));
    }
    let text = tf!("{head}: {parts}", head, parts = parts.join(t("; ")));
    // a log entry starts with a capital, as the seller writes them
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_ascii_lowercase() => {
            first.to_ascii_uppercase().to_string() + chars.as_str()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_of_blanks_is_no_plan_and_lists_lose_their_blank_items() {
        let blank = CallPlan {
            objective: "  ".into(),
            give: vec![" ".into()],
            ..CallPlan::default()
        };
        assert_eq!(tidy_plan(blank), None);
        let mut plan = CallPlan {
            objective: " Agree the pilot ".into(),
            ..CallPlan::default()
        };
        plan.questions.problem = vec!["".into(), " Where does closing take longest? ".into()];
        let plan = tidy_plan(plan).unwrap();
        assert_eq!(plan.objective, "Agree the pilot");
        assert_eq!(plan.questions.problem, ["Where does closing take longest?"]);
    }

    #[test]
    fn the_log_says_who_what_was_learned_and_the_commitment_won() {
        let mut a = Action {
            text: "Pilot meeting".into(),
            kind: Some(ActionKind::Meeting),
            ..Action::default()
        };
        a.plan = Some(CallPlan {
            best: "signed pilot order".into(),
            ..CallPlan::default()
        });
        let p = Influence {
            name: "王总".into(),
            title: "CFO".into(),
            ..Influence::default()
        };
        let d = Debrief {
            learned: "Budget approved in January".into(),
            commitment: Commitment::Best,
            next: "Send the order form".into(),
            ..Debrief::default()
        };
        assert_eq!(
            debrief_text(&a, Some(&p), &d),
            "Meeting with 王总 (CFO): Budget approved in January; commitment: best (signed pilot order); next: Send the order form"
        );
        let d = Debrief::default();
        assert_eq!(
            debrief_text(&a, None, &d),
            "Meeting “Pilot meeting”: no commitment"
        );
        let p = Influence {
            title: "物流副总裁 (VP Logistics)".into(),
            ..p
        };
        assert!(
            debrief_text(&a, Some(&p), &d)
                .starts_with("Meeting with 王总, 物流副总裁 (VP Logistics): "),
            "a bracketed title is not bracketed again"
        );
    }
}
