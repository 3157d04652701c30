//! The form of an account.

use super::{FieldId as F, NONE, choice_of, items};
use crate::domain::edit::AccountFields;
use crate::domain::{Account, Relationship, Score, Tier};
use crate::tui::form::{Field, Form, Kind};

/// The form for a new account (`None`) or for editing one; SWOT items are
/// written one after another, separated by `;`.
pub fn account_form(a: Option<&Account>) -> Form {
    let score = |s: Option<Score>| s.map_or(NONE.to_owned(), |s| s.0.to_string());
    let scores = || {
        Kind::Choice(
            std::iter::once(NONE.to_owned())
                .chain((1..=5).map(|n| n.to_string()))
                .collect(),
        )
    };
    let list = |f: fn(&Account) -> &Vec<String>| a.map_or(String::new(), |a| f(a).join("; "));
    let text = |f: fn(&Account) -> &String| a.map_or(String::new(), |a| f(a).clone());
    let free = Kind::Text { required: false };
    Form::new(
        if a.is_some() {
            crate::i18n::t("Edit account")
        } else {
            crate::i18n::t("New account")
        },
        vec![
            Field::new(F::Name, Kind::Text { required: true }, text(|a| &a.name)),
            Field::new(F::Industry, free.clone(), text(|a| &a.industry)),
            Field::new(
                F::Tier,
                Kind::Choice(choice_of(Tier::ALL, Tier::as_str, true)),
                a.and_then(|a| a.tier).map_or(NONE, |t| t.as_str()),
            ),
            Field::new(
                F::Attractiveness,
                scores(),
                score(a.and_then(|a| a.attractiveness)),
            ),
            Field::new(F::Advantage, scores(), score(a.and_then(|a| a.advantage))),
            Field::new(
                F::Relationship,
                Kind::Choice(choice_of(Relationship::ALL, Relationship::as_str, true)),
                a.and_then(|a| a.relationship).map_or(NONE, |r| r.as_str()),
            ),
            Field::new(F::Strengths, free.clone(), list(|a| &a.swot.strengths)),
            Field::new(F::Weaknesses, free.clone(), list(|a| &a.swot.weaknesses)),
            Field::new(
                F::Opportunities,
                free.clone(),
                list(|a| &a.swot.opportunities),
            ),
            Field::new(F::Threats, free.clone(), list(|a| &a.swot.threats)),
            Field::new(F::Notes, free, text(|a| &a.notes)),
        ],
    )
}

pub(super) fn fields(form: &Form) -> AccountFields {
    let score = |id| form.value(id).parse::<i64>().ok().and_then(Score::new);
    AccountFields {
        name: form.value(F::Name).to_owned(),
        industry: form.value(F::Industry).to_owned(),
        tier: Tier::parse(form.value(F::Tier)),
        attractiveness: score(F::Attractiveness),
        advantage: score(F::Advantage),
        relationship: Relationship::parse(form.value(F::Relationship)),
        strengths: items(form.value(F::Strengths), ';'),
        weaknesses: items(form.value(F::Weaknesses), ';'),
        opportunities: items(form.value(F::Opportunities), ';'),
        threats: items(form.value(F::Threats), ';'),
        notes: form.value(F::Notes).to_owned(),
    }
}
