//! The forms of red flags: raising one by hand, snoozing a computed one.

use super::FieldId as F;
use crate::domain::edit::{ManualFlagFields, SnoozeFields};
use crate::domain::flags::Flag;
use crate::domain::{Date, ManualFlag};
use crate::tui::form::{Field, Form, Kind};

pub fn manual_flag_form(f: Option<&ManualFlag>) -> Form {
    Form::new(
        if f.is_some() {
            "Edit red flag"
        } else {
            "Raise a red flag"
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
        format!("Snooze: {}", flag.message),
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
