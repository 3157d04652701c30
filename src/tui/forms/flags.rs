//! The forms of red flags: raising one by hand, snoozing a computed one.

use super::FieldId as F;
use crate::domain::edit::{ManualFlagFields, SnoozeFields};
use crate::domain::flags::{Flag, Rule};
use crate::domain::{Date, ManualFlag};
use crate::tui::form::{Field, Form, Kind};

pub fn manual_flag_form(f: Option<&ManualFlag>) -> Form {
    Form::new(
        if f.is_some() {
            crate::i18n::t("Edit red flag")
        } else {
            crate::i18n::t("Raise a red flag")
        },
        vec![Field::new(
            F::What,
            Kind::Text { required: true },
            f.map_or(String::new(), |f| f.text.clone()),
        )],
    )
}

pub(super) fn fields(form: &Form) -> ManualFlagFields {
    ManualFlagFields {
        text: form.value(F::What).to_owned(),
    }
}

pub fn snooze_form(flag: &Flag, today: Date) -> Form {
    Form::new(
        crate::tf!("Snooze: {flag}", flag = flag.message),
        vec![
            Field::new(
                F::Until,
                Kind::Date {
                    optional: false,
                    today,
                },
                today.plus_days(7).to_string(),
            ),
            Field::new(F::Reason, Kind::Text { required: true }, ""),
        ],
    )
}

/// The snooze's values; `None` without a date (the form requires one).
pub(super) fn snooze_fields(form: &Form) -> Option<SnoozeFields> {
    Some(SnoozeFields {
        until: form.date(F::Until)?,
        reason: form.value(F::Reason).to_owned(),
    })
}

/// Snoozing one rule on many deals: the rule among those the deals show
/// now, each with how many deals show it (`stalled (12 deals)`), until a
/// day (two weeks on unless changed), why. `None` when no deal shows a
/// computed flag.
pub fn bulk_snooze_form(rules: &[(Rule, usize)], deals: usize, today: Date) -> Option<Form> {
    if rules.is_empty() {
        return None;
    }
    let choices: Vec<String> = rules
        .iter()
        .map(|(rule, n)| {
            format!(
                "{rule} ({})",
                crate::text::count(*n as i64, "deal", "deals")
            )
        })
        .collect();
    let first = choices[0].clone();
    Some(Form::new(
        crate::tf!(
            "Snooze a red flag on {deals}",
            deals = crate::text::count(deals as i64, "deal", "deals")
        ),
        vec![
            Field::new(F::Rule, Kind::Choice(choices), first),
            Field::new(
                F::Until,
                Kind::Date {
                    optional: false,
                    today,
                },
                "+14",
            ),
            Field::new(F::Reason, Kind::Text { required: true }, ""),
        ],
    ))
}

/// The rule picked in a bulk snooze form (its choice reads `stalled (12
/// deals)`).
pub(super) fn picked_rule(form: &Form) -> Option<Rule> {
    let label = form.value(F::Rule);
    Rule::parse(label.split(" (").next().unwrap_or(label))
}
