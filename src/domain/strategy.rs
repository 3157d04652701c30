//! The deal's strategy (the Blue Sheet, spec section 9): the method's
//! advice on a criterion we are behind on, the close plan against the
//! expected close date, where each red flag is fixed, and the short list
//! spellings the forms use for strengths and the selling team.

use super::flags::Rule;
use super::values::Date;
use super::words::CriterionKind;
use super::workspace::{Opportunity, PlanStep, TeamMember};
use crate::i18n::t;

/// What the method advises when we are behind on a criterion of `kind`
/// (seed 002: shape the technical and commercial scoring criteria in
/// drive; seed 004: the person's own win).
pub fn criterion_advice(kind: Option<CriterionKind>) -> &'static str {
    match kind {
        Some(CriterionKind::Technical) => t(
            "Reshape it with the technical buyer: prove it on their data (a demo, a pilot, a reference site), or move the weight to where we are strong.",
        ),
        Some(CriterionKind::Commercial) => t(
            "Change the terms of the comparison: the total cost and the benefit in their numbers, not the price alone; trade, never just concede.",
        ),
        Some(CriterionKind::Personal) => t(
            "Find the person's own win (recognition, safety, career) and show how we deliver it; team selling or an executive visit can help.",
        ),
        Some(CriterionKind::Process) => t(
            "Learn the buying steps from your coach and earn a place in them early (a pilot, a site visit, a seat in the evaluation).",
        ),
        None => t(
            "Find out with your coach why we are behind, then reshape the criterion or its weight, or prove we meet it.",
        ),
    }
}

/// The close plan against the expected close date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanDates {
    /// The latest due date of the plan's steps, if any has one.
    pub ends: Option<Date>,
    /// The plan ends after the expected close date: the date is not real.
    pub ends_after_close: bool,
    pub open: usize,
    pub done: usize,
}

pub fn plan_dates(o: &Opportunity) -> PlanDates {
    let ends = o.close_plan.iter().filter_map(|s| s.due).max();
    PlanDates {
        ends,
        ends_after_close: matches!((ends, o.expected_close), (Some(e), Some(c)) if e > c),
        open: o.close_plan.iter().filter(|s| s.is_open()).count(),
        done: o.close_plan.iter().filter(|s| !s.is_open()).count(),
    }
}

/// The close plan in the order it is walked: by due date (undated steps
/// last), then as written.
pub fn plan_in_order(o: &Opportunity) -> Vec<&PlanStep> {
    let mut steps: Vec<&PlanStep> = o.close_plan.iter().collect();
    steps.sort_by_key(|s| (s.due.is_none(), s.due));
    steps
}

/// The decision criteria by weight, heaviest first (unweighted last), then
/// as written.
pub fn criteria_in_order(o: &Opportunity) -> Vec<&super::Criterion> {
    let mut list: Vec<&super::Criterion> = o.decision_criteria.iter().collect();
    list.sort_by_key(|k| std::cmp::Reverse(k.weight.map_or(0, |w| w.0)));
    list
}

/// Where a red flag is fixed: the place of the deal's record whose change
/// makes it go away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// The four qualification conditions.
    Qualification,
    /// The buyer-influence map: a person to add.
    AddPerson,
    /// The buyer-influence map: the flag's subject, to edit.
    Person,
    /// The deal's own fields (stage, close date, probability, category).
    Deal,
    /// An action to add.
    AddAction,
    /// The flag's subject among the actions.
    Action,
    /// A log entry (a contact) to add.
    Log,
    /// The value proposition, the compelling event, the decision process.
    Strategy,
    /// The competition: the flag's subject.
    Competitor,
    /// A decision criterion to add.
    AddCriterion,
    /// The flag's subject among the criteria.
    Criterion,
    /// A close-plan step to add.
    AddStep,
    /// The flag's subject in the close plan.
    Step,
    /// The call plan (Green Sheet) of the flag's subject, an action.
    CallPlan,
    /// A flag raised by hand: edited or resolved where it is.
    Manual,
    /// A flag of the deal's history (its close date moved later twice or
    /// more): no edit undoes the past; get the real date, then snooze it
    /// with the reason.
    Snooze,
}

/// Where `rule`'s flag is fixed.
pub fn remedy(rule: Rule) -> Remedy {
    match rule {
        Rule::Unqualified => Remedy::Qualification,
        Rule::NoEconomicBuyer | Rule::NoCoach | Rule::SingleThreaded => Remedy::AddPerson,
        Rule::EconomicBuyerNotMet
        | Rule::InfluenceNotMet
        | Rule::UnknownMode
        | Rule::NoDiscrepancy
        | Rule::Opponent
        | Rule::PersonQuiet => Remedy::Person,
        Rule::Stalled | Rule::CloseDatePassed | Rule::NoCloseDate | Rule::CommitAtRisk => {
            Remedy::Deal
        }
        Rule::CloseDateSlipped => Remedy::Snooze,
        Rule::NoNextAction => Remedy::AddAction,
        Rule::OverdueAction => Remedy::Action,
        Rule::Quiet => Remedy::Log,
        Rule::NoValueProposition | Rule::NoCompellingEvent => Remedy::Strategy,
        Rule::CompetitorAhead => Remedy::Competitor,
        Rule::NoDecisionCriteria => Remedy::AddCriterion,
        Rule::BehindOnCriterion => Remedy::Criterion,
        Rule::NoClosePlan => Remedy::AddStep,
        Rule::ClosePlanOverdue => Remedy::Step,
        Rule::NoCallPlan => Remedy::CallPlan,
        Rule::Manual => Remedy::Manual,
    }
}

/// A competitor's name as names are compared: case and runs of spaces do
/// not make another competitor (`SAP  Partner` is `SAP partner`).
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A list typed on one line, one item per `;` (or `；`), blanks dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The list as [`split_list`] reads it back.
pub fn join_list(items: &[String]) -> String {
    items.join("; ")
}

/// The selling team typed on one line: `Name: role; Name: role` (`：` too);
/// a member without a colon has no role; one without a name is kept, for
/// the edit to refuse (a role typed is never dropped unseen).
pub fn split_team(text: &str) -> Vec<TeamMember> {
    split_list(text)
        .into_iter()
        .map(|m| {
            let (name, role) = m
                .split_once([':', '：'])
                .map_or((m.as_str(), ""), |(n, r)| (n, r));
            TeamMember {
                name: name.trim().to_owned(),
                role: role.trim().to_owned(),
                ..TeamMember::default()
            }
        })
        .collect()
}

/// The team as [`split_team`] reads it back.
pub fn join_team(team: &[TeamMember]) -> String {
    team.iter()
        .map(|m| match m.role.trim() {
            "" => m.name.clone(),
            role => format!("{}: {role}", m.name),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;

    #[test]
    fn lists_and_teams_read_back_what_they_write() {
        assert_eq!(split_list(" a ; ;b；c "), vec!["a", "b", "c"]);
        let team = split_team("Li Wei: account lead；张工：售前; Sam");
        assert_eq!(team.len(), 3);
        assert_eq!(
            (team[1].name.as_str(), team[1].role.as_str()),
            ("张工", "售前")
        );
        assert_eq!(team[2].role, "");
        assert_eq!(split_team(&join_team(&team)), team);
        assert_eq!(join_team(&team), "Li Wei: account lead; 张工: 售前; Sam");
    }

    #[test]
    fn a_plan_ending_after_the_close_date_says_so() {
        let day = |s| Date::parse(s);
        let mut o = Opportunity {
            stage: Stage::Negotiate,
            expected_close: day("2026-12-15"),
            ..Opportunity::default()
        };
        assert_eq!(plan_dates(&o).ends, None);
        for (id, due) in [("s1", "2026-12-10"), ("s2", "2026-12-15")] {
            o.close_plan.push(PlanStep {
                id: id.into(),
                text: id.into(),
                due: day(due),
                ..PlanStep::default()
            });
        }
        // on the close date itself is in time
        assert!(!plan_dates(&o).ends_after_close);
        o.close_plan[0].due = day("2026-12-16");
        let p = plan_dates(&o);
        assert_eq!((p.ends, p.ends_after_close), (day("2026-12-16"), true));
        assert_eq!(plan_in_order(&o)[0].id, "s2");
    }

    #[test]
    fn every_rule_has_a_place_where_it_is_fixed() {
        // the match is exhaustive; this pins the Blue Sheet's own
        assert_eq!(remedy(Rule::CompetitorAhead), Remedy::Competitor);
        assert_eq!(remedy(Rule::NoClosePlan), Remedy::AddStep);
        assert_eq!(remedy(Rule::NoValueProposition), Remedy::Strategy);
    }
}
