//! The form of an action.

use super::{FieldId as F, NONE, person_label, picked_person};
use crate::domain::edit::ActionFields;
use crate::domain::{Action, Date, Influence, Opportunity};
use crate::tui::form::{Field, Form, Kind};

/// The form for a new action (`None`) or for editing one; the person it is
/// about is picked from the deal's influences.
pub fn action_form(o: &Opportunity, a: Option<&Action>, today: Date) -> Form {
    let people: Vec<String> = std::iter::once(NONE.to_owned())
        .chain(o.influences.iter().map(|p| person_label(&o.influences, p)))
        .collect();
    let who = a
        .and_then(|a| a.influence.as_deref())
        .and_then(|id| o.influences.iter().find(|p| p.id == id))
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
        ],
    )
}

/// The form's values; "with" is picked among `people`, the deal's.
pub(super) fn fields(form: &Form, people: &[Influence]) -> ActionFields {
    ActionFields {
        text: form.value(F::Text).to_owned(),
        due: form.date(F::Due),
        with: picked_person(people, form.value(F::With)),
        ..ActionFields::default()
    }
}
