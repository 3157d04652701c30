//! The form of an action, and of the conversations it may be (spec
//! section 10): its call plan (the Green Sheet) and its debrief.

use super::{FieldId as F, NONE, choice_of, person_label, picked_person};
use crate::domain::conversation::Spin;
use crate::domain::edit::{ActionFields, DebriefFields};
use crate::domain::strategy::{join_list, split_list};
use crate::domain::{
    Action, ActionKind, CallPlan, Commitment, Date, Influence, Opportunity, SpinQuestions,
    TimeOfDay,
};
use crate::tui::form::{Field, Form, Kind};

/// The form for a new action (`None`) or for editing one; the person it is
/// about is picked from the deal's influences; kind, time and owner come
/// after the fields an action always had. What the form does not show
/// (its call plan, its debrief) an edit keeps.
pub fn action_form(o: &Opportunity, a: Option<&Action>, today: Date) -> Form {
    let people: Vec<String> = std::iter::once(NONE.to_owned())
        .chain(o.influences.iter().map(|p| person_label(&o.influences, p)))
        .collect();
    let who = a
        .and_then(|a| o.person_of(a))
        .map_or(NONE.to_owned(), |p| person_label(&o.influences, p));
    Form::new(
        if a.is_some() {
            crate::i18n::t("Edit action")
        } else {
            crate::i18n::t("New action")
        },
        vec![
            Field::new(
                F::Text,
                Kind::Text { required: true },
                a.map_or(String::new(), |a| a.text.clone()),
            ),
            Field::new(
                F::Due,
                Kind::Date {
                    optional: true,
                    today,
                },
                a.map_or(Some(today.plus_days(1)), |a| a.due)
                    .map_or(String::new(), |d| d.to_string()),
            ),
            Field::new(F::With, Kind::Choice(people), who),
            Field::new(
                F::ActionKind,
                Kind::Choice(choice_of(ActionKind::ALL, ActionKind::as_str, true)),
                a.and_then(|a| a.kind).map_or(NONE, ActionKind::as_str),
            ),
            Field::new(
                F::At,
                Kind::Time,
                a.and_then(|a| a.at)
                    .map_or(String::new(), |t| t.to_string()),
            ),
            Field::new(
                F::Owner,
                Kind::Text { required: false },
                a.and_then(|a| a.owner.clone()).unwrap_or_default(),
            )
            .with_hint(crate::i18n::t("empty: the deal's owner")),
        ],
    )
}

/// The form's values; "with" is picked among `people`, the deal's.
pub(super) fn fields(form: &Form, people: &[Influence]) -> ActionFields {
    ActionFields {
        text: form.value(F::Text).to_owned(),
        due: form.date(F::Due),
        with: picked_person(people, form.value(F::With)),
        kind: ActionKind::parse(form.value(F::ActionKind)),
        at: TimeOfDay::typed(form.value(F::At)),
        owner: form.value(F::Owner).to_owned(),
    }
}

/// The four SPIN fields, in the order a visit asks them.
const SPIN: [(F, Spin); 4] = [
    (F::Situation, Spin::Situation),
    (F::Problem, Spin::Problem),
    (F::Implication, Spin::Implication),
    (F::NeedPayoff, Spin::NeedPayoff),
];

/// The call plan of action `a` (the Green Sheet): why we go, what we ask
/// for at best and at least, the SPIN questions and what we give. Lists
/// are typed on one line, `;` between items; each SPIN field shows, while
/// focused, what the course says its questions are for.
pub fn call_plan_form(a: &Action) -> Form {
    let p = a.plan.clone().unwrap_or_default();
    let text = |id: F, v: &str| Field::new(id, Kind::Text { required: false }, v);
    let mut fields = vec![
        text(F::Objective, &p.objective),
        text(F::BusinessReason, &p.reason),
        text(F::Best, &p.best),
        text(F::Minimum, &p.minimum),
    ];
    fields.extend(
        SPIN.map(|(id, kind)| text(id, &join_list(kind.of(&p.questions))).with_hint(kind.prompt())),
    );
    fields.push(text(F::Give, &join_list(&p.give)));
    Form::new(
        crate::tf!(
            "Call plan (Green Sheet): {action}",
            action = crate::text::truncate(&crate::text::clean(&a.text), 40)
        ),
        fields,
    )
}

/// The plan the form says; its lists kept as they were when their lines
/// were not changed (an item holding a `;` is split only when retyped).
pub(super) fn call_plan_fields(form: &Form, before: Option<&CallPlan>) -> CallPlan {
    let before = before.cloned().unwrap_or_default();
    let list = |id: F, was: &Vec<String>| {
        let typed = form.value(id);
        if typed == join_list(was) {
            was.clone()
        } else {
            split_list(typed)
        }
    };
    let mut questions: SpinQuestions = before.questions.clone();
    for (id, kind) in SPIN {
        *kind.of_mut(&mut questions) = list(id, kind.of(&before.questions));
    }
    let give = list(F::Give, &before.give);
    CallPlan {
        objective: form.value(F::Objective).to_owned(),
        reason: form.value(F::BusinessReason).to_owned(),
        best: form.value(F::Best).to_owned(),
        minimum: form.value(F::Minimum).to_owned(),
        questions,
        give,
        ..before
    }
}

/// The debrief of conversation `a`, done today: what we learned, the
/// commitment won (each choice with what the plan aimed for), the next
/// step agreed and when it is due.
pub fn debrief_form(a: &Action, today: Date) -> Form {
    let plan = a.written_plan();
    let choice = |c: Commitment| {
        let aimed = match c {
            Commitment::Best => plan.map(|p| p.best.trim()),
            Commitment::Minimum => plan.map(|p| p.minimum.trim()),
            Commitment::Nothing => None,
        };
        match aimed.filter(|w| !w.is_empty()) {
            Some(w) => format!("{}: {}", c.as_str(), crate::text::clean(w)),
            None => c.as_str().to_owned(),
        }
    };
    let choices: Vec<String> = Commitment::ALL.iter().map(|c| choice(*c)).collect();
    // done again after a reopening: the first debrief's words to keep or
    // change (its next step was added as an action then: not again)
    let had = a.debrief.clone().unwrap_or_default();
    let chosen = choice(had.commitment);
    Form::new(
        crate::tf!(
            "Debrief: {action}",
            action = crate::text::truncate(&crate::text::clean(&a.text), 40)
        ),
        vec![
            Field::new(F::Learned, Kind::Text { required: false }, had.learned),
            Field::new(F::Commitment, Kind::Choice(choices), chosen),
            Field::new(F::NextStep, Kind::Text { required: false }, ""),
            Field::new(
                F::NextDue,
                Kind::Date {
                    optional: true,
                    today,
                },
                "",
            ),
        ],
    )
}

/// The debrief the form says.
pub(super) fn debrief_fields(form: &Form) -> DebriefFields {
    let commitment = form.value(F::Commitment);
    let word = commitment.split_once(": ").map_or(commitment, |(w, _)| w);
    DebriefFields {
        learned: form.value(F::Learned).to_owned(),
        commitment: Commitment::parse(word).unwrap_or_default(),
        next: form.value(F::NextStep).to_owned(),
        next_due: form.date(F::NextDue),
    }
}
