//! The settings form (`S`): the workspace's owner and currency, each
//! stage's probability and stall days, the quiet days and the reason codes
//! (spec section 9: every field of the format is editable in the
//! workbench). Targets have their form in view 7; the language is Ctrl-l.

use super::{FieldId as F, NONE};
use crate::domain::edit::SettingsFields;
use crate::domain::strategy::{join_list, split_list};
use crate::domain::{Days, Percent, Workspace};
use crate::tui::form::{Field, Form, Kind};

const PROBABILITY: [F; 5] = [
    F::ProbabilityQualify,
    F::ProbabilityDrive,
    F::ProbabilityPropose,
    F::ProbabilityNegotiate,
    F::ProbabilityClose,
];

const STALL: [F; 5] = [
    F::StallQualify,
    F::StallDrive,
    F::StallPropose,
    F::StallNegotiate,
    F::StallClose,
];

/// The contact cadence by influence: high, medium, low.
const CADENCE: [F; 3] = [F::CadenceHigh, F::CadenceMedium, F::CadenceLow];

/// Days a setting may hold: what the file takes (`Days`, 1 to 3650), so a
/// file's value never keeps the form from being saved.
const MOST_DAYS: u32 = 3650;

pub fn settings_form(ws: &Workspace) -> Form {
    let f = SettingsFields::of(ws);
    let days = || Kind::Whole {
        min: 1,
        max: MOST_DAYS,
    };
    let mut fields = vec![
        Field::new(F::Owner, Kind::Text { required: false }, f.owner.clone()),
        Field::new(
            F::Currency,
            Kind::Text { required: true },
            f.currency.clone(),
        ),
    ];
    for (id, p) in PROBABILITY.iter().zip(f.stage_probability) {
        fields.push(Field::new(
            *id,
            Kind::Whole { min: 0, max: 100 },
            p.0.to_string(),
        ));
    }
    for (id, d) in STALL.iter().zip(f.stall_days) {
        fields.push(Field::new(*id, days(), d.0.to_string()));
    }
    fields.push(Field::new(F::QuietDays, days(), f.quiet_days.0.to_string()));
    for (id, d) in CADENCE.iter().zip(f.cadence_days) {
        fields.push(Field::new(*id, days(), d.0.to_string()));
    }
    fields.push(Field::new(
        F::LossReasons,
        Kind::Text { required: true },
        join_list(&f.loss_reasons),
    ));
    fields.push(Field::new(
        F::WinReasons,
        Kind::Text { required: true },
        join_list(&f.win_reasons),
    ));
    // "—": as the language goes (万 in Chinese, M and k in English)
    let styles = [NONE, "western", "chinese"].map(String::from).to_vec();
    let style = match f.number_style.as_str() {
        "" => NONE.to_owned(),
        s => s.to_owned(),
    };
    fields.push(Field::new(F::NumberStyle, Kind::Choice(styles), style));
    Form::new(crate::i18n::t("Settings"), fields)
}

/// The form's values; a field out of range keeps the value it had (the
/// form does not submit while one is).
pub(super) fn fields(ws: &Workspace, form: &Form) -> SettingsFields {
    let mut f = SettingsFields::of(ws);
    let whole = |id: F| form.field(id).and_then(|x| x.whole());
    f.owner = form.value(F::Owner).to_owned();
    f.currency = form.value(F::Currency).to_owned();
    for (n, id) in PROBABILITY.iter().enumerate() {
        if let Some(p) = whole(*id).and_then(|p| Percent::new(i64::from(p))) {
            f.stage_probability[n] = p;
        }
    }
    for (n, id) in STALL.iter().enumerate() {
        if let Some(d) = whole(*id) {
            f.stall_days[n] = Days(d);
        }
    }
    if let Some(d) = whole(F::QuietDays) {
        f.quiet_days = Days(d);
    }
    for (n, id) in CADENCE.iter().enumerate() {
        if let Some(d) = whole(*id) {
            f.cadence_days[n] = Days(d);
        }
    }
    f.loss_reasons = split_list(form.value(F::LossReasons));
    f.win_reasons = split_list(form.value(F::WinReasons));
    f.number_style = match form.value(F::NumberStyle) {
        NONE => String::new(),
        s => s.to_owned(),
    };
    f
}
