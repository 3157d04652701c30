//! The Blue Sheet's forms (spec section 9): the deal's strategy (value
//! proposition, compelling event, decision process, strengths, team) in
//! one, and one for a competitor, a decision criterion, a close-plan step.

use super::{FieldId as F, NONE, choice_of, person_label, picked_person};
use crate::domain::edit::{CompetitorFields, CriterionFields, StepFields, StrategyFields};
use crate::domain::strategy::{join_list, join_team, split_list, split_team};
use crate::domain::{
    Competitor, Criterion, CriterionKind, Date, Influence, Opportunity, PlanStep, Score, Side,
    Standing,
};
use crate::tui::form::{Field, Form, Kind};

fn text(id: F, value: &str) -> Field {
    Field::new(id, Kind::Text { required: false }, value)
}

/// The deal's strategy: what the value triangle says, why they must act
/// by a date, how they decide, what goes our way, who sells with us.
/// Lists are typed on one line, `;` between items (`Name: role` for the
/// team).
pub fn strategy_form(o: &Opportunity, today: Date) -> Form {
    let f = StrategyFields::of(o);
    Form::new(
        crate::i18n::t("Strategy (Blue Sheet)"),
        vec![
            text(F::Needs, &f.needs),
            text(F::Benefits, &f.benefits),
            text(F::Differentiators, &f.differentiators),
            text(F::CompellingEvent, &f.event),
            Field::new(
                F::EventOn,
                Kind::Date {
                    optional: true,
                    today,
                },
                f.event_on.map_or(String::new(), |d| d.to_string()),
            ),
            text(F::DecisionProcess, &f.decision_process),
            text(F::Strengths, &join_list(&f.strengths)),
            text(F::Team, &join_team(&f.team)),
        ],
    )
}

/// A list as typed, or `before` itself when the line still reads as it was
/// shown: an item holding a `;` (or a name a `:`) is split only when the
/// user retyped that line, never by saving another field.
fn typed_list<T: Clone>(
    typed: &str,
    before: &[T],
    shown: impl Fn(&[T]) -> String,
    split: impl Fn(&str) -> Vec<T>,
) -> Vec<T> {
    if typed == shown(before) {
        before.to_vec()
    } else {
        split(typed)
    }
}

/// The form's values; `o` is the deal as it is (its lists are kept when
/// their lines were not changed).
pub(super) fn strategy_fields(form: &Form, o: Option<&Opportunity>) -> StrategyFields {
    let (strengths, team) = o.map_or((&[][..], &[][..]), |o| (&o.strengths[..], &o.team[..]));
    StrategyFields {
        needs: form.value(F::Needs).to_owned(),
        benefits: form.value(F::Benefits).to_owned(),
        differentiators: form.value(F::Differentiators).to_owned(),
        event: form.value(F::CompellingEvent).to_owned(),
        event_on: form.date(F::EventOn),
        decision_process: form.value(F::DecisionProcess).to_owned(),
        strengths: typed_list(form.value(F::Strengths), strengths, join_list, split_list),
        team: typed_list(form.value(F::Team), team, join_team, split_team),
    }
}

fn standing_choice() -> Kind {
    Kind::Choice(choice_of(Standing::ALL, Standing::as_str, false))
}

/// A new competitor (`None`) or one to edit.
pub fn competitor_form(c: Option<&Competitor>) -> Form {
    Form::new(
        if c.is_some() {
            crate::i18n::t("Edit competitor")
        } else {
            crate::i18n::t("New competitor")
        },
        vec![
            Field::new(
                F::Name,
                Kind::Text { required: true },
                c.map_or(String::new(), |c| c.name.clone()),
            ),
            Field::new(
                F::Position,
                standing_choice(),
                c.map_or(Standing::Unknown, |c| c.position).as_str(),
            ),
            text(
                F::Strengths,
                &c.map_or(String::new(), |c| join_list(&c.strengths)),
            ),
            text(
                F::Weaknesses,
                &c.map_or(String::new(), |c| join_list(&c.weaknesses)),
            ),
        ],
    )
}

/// The form's values; `c` is the competitor as it is, when edited.
pub(super) fn competitor_fields(form: &Form, c: Option<&Competitor>) -> CompetitorFields {
    let (strengths, weaknesses) = c.map_or((&[][..], &[][..]), |c| {
        (&c.strengths[..], &c.weaknesses[..])
    });
    CompetitorFields {
        name: form.value(F::Name).to_owned(),
        position: Standing::parse(form.value(F::Position)).unwrap_or_default(),
        strengths: typed_list(form.value(F::Strengths), strengths, join_list, split_list),
        weaknesses: typed_list(form.value(F::Weaknesses), weaknesses, join_list, split_list),
    }
}

/// A new decision criterion (`None`) or one to edit; who holds it is
/// picked from the deal's influences.
pub fn criterion_form(o: &Opportunity, c: Option<&Criterion>) -> Form {
    let people: Vec<String> = std::iter::once(NONE.to_owned())
        .chain(o.influences.iter().map(|p| person_label(&o.influences, p)))
        .collect();
    let holder = c
        .and_then(|c| c.held_by.as_deref())
        .and_then(|id| o.influences.iter().find(|p| p.id == id))
        .map_or(NONE.to_owned(), |p| person_label(&o.influences, p));
    let weights: Vec<String> = std::iter::once(NONE.to_owned())
        .chain((Score::MIN..=Score::MAX).map(|w| w.to_string()))
        .collect();
    Form::new(
        if c.is_some() {
            crate::i18n::t("Edit criterion")
        } else {
            crate::i18n::t("New criterion")
        },
        vec![
            Field::new(
                F::Text,
                Kind::Text { required: true },
                c.map_or(String::new(), |c| c.text.clone()),
            ),
            // spec 9 gives every criterion a kind: the form always sets one
            Field::new(
                F::CriterionKind,
                Kind::Choice(choice_of(CriterionKind::ALL, CriterionKind::as_str, false)),
                c.and_then(|c| c.kind).unwrap_or_default().as_str(),
            ),
            Field::new(
                F::Weight,
                Kind::Choice(weights),
                c.and_then(|c| c.weight)
                    .map_or(NONE.to_owned(), |w| w.0.to_string()),
            ),
            Field::new(F::HeldBy, Kind::Choice(people), holder),
            Field::new(
                F::Standing,
                standing_choice(),
                c.map_or(Standing::Unknown, |c| c.standing).as_str(),
            ),
        ],
    )
}

pub(super) fn criterion_fields(form: &Form, people: &[Influence]) -> CriterionFields {
    CriterionFields {
        text: form.value(F::Text).to_owned(),
        kind: CriterionKind::parse(form.value(F::CriterionKind)),
        weight: form
            .value(F::Weight)
            .parse::<i64>()
            .ok()
            .and_then(Score::new),
        held_by: picked_person(people, form.value(F::HeldBy)),
        standing: Standing::parse(form.value(F::Standing)).unwrap_or_default(),
    }
}

/// A new close-plan step (`None`: ours, due in a week) or one to edit.
pub fn step_form(s: Option<&PlanStep>, today: Date) -> Form {
    let date = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
    Form::new(
        if s.is_some() {
            crate::i18n::t("Edit close plan step")
        } else {
            crate::i18n::t("New close plan step")
        },
        vec![
            Field::new(
                F::Text,
                Kind::Text { required: true },
                s.map_or(String::new(), |s| s.text.clone()),
            ),
            Field::new(
                F::Side,
                Kind::Choice(choice_of(Side::ALL, Side::as_str, true)),
                s.map_or(Some(Side::Us), |s| s.side)
                    .map_or(NONE, |v| v.as_str()),
            ),
            Field::new(
                F::Due,
                Kind::Date {
                    optional: true,
                    today,
                },
                date(s.map_or(Some(today.plus_days(7)), |s| s.due)),
            ),
            Field::new(
                F::Done,
                Kind::Date {
                    optional: true,
                    today,
                },
                date(s.and_then(|s| s.done)),
            ),
        ],
    )
}

pub(super) fn step_fields(form: &Form) -> StepFields {
    StepFields {
        text: form.value(F::Text).to_owned(),
        side: Side::parse(form.value(F::Side)),
        due: form.date(F::Due),
        done: form.date(F::Done),
    }
}
