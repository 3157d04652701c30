//! The forms of an opportunity: new or edit, close, log entry.

use super::{FieldId as F, FormPurpose, NONE, items};
use crate::domain::edit::{CloseFields, LogFields, OpportunityFields};
use crate::domain::{
    Date, ForecastCategory, Opportunity, OpportunityId, OutcomeResult, Stage, Workspace,
};
use crate::tui::form::{Field, Form, Kind};

/// The form for a new opportunity (`None`) or for editing one.
pub fn opportunity_form(ws: &Workspace, o: Option<&Opportunity>, today: Date) -> Form {
    let names: Vec<String> = ws.accounts.iter().map(|a| a.name.clone()).collect();
    let account = o
        .and_then(|o| ws.account(&o.account))
        .map_or(String::new(), |a| a.name.clone());
    let text = |f: fn(&Opportunity) -> String| o.map(f).unwrap_or_default();
    let stages = Stage::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    Form::new(
        if o.is_some() {
            crate::i18n::t("Edit opportunity")
        } else {
            crate::i18n::t("New opportunity")
        },
        vec![
            Field::new(
                F::Title,
                Kind::Text { required: true },
                text(|o| o.title.clone()),
            ),
            Field::new(F::Account, Kind::Pick(names), account),
            Field::new(
                F::Value,
                Kind::Money,
                o.map_or("0".into(), |o| o.value.grouped()),
            ),
            Field::new(
                F::Stage,
                Kind::Choice(stages),
                o.map_or(Stage::Qualify, |o| o.stage).as_str(),
            ),
            Field::new(
                F::ExpectedClose,
                Kind::Date {
                    optional: true,
                    today,
                },
                text(|o| o.expected_close.map(|d| d.to_string()).unwrap_or_default()),
            ),
            Field::new(
                F::Probability,
                Kind::Percent,
                text(|o| o.probability.map(|p| p.0.to_string()).unwrap_or_default()),
            ),
            forecast_field(ws, o),
            Field::new(
                F::Owner,
                Kind::Text { required: false },
                o.map_or(ws.settings.owner.clone(), |o| o.owner.clone()),
            ),
            Field::new(
                F::Product,
                Kind::Text { required: false },
                text(|o| o.product.clone()),
            ),
            Field::new(
                F::Tags,
                Kind::Text { required: false },
                text(|o| o.tags.join(", ")),
            ),
            Field::new(
                F::Objective,
                Kind::Text { required: false },
                text(|o| o.objective.clone()),
            ),
        ]
        .into_iter()
        // a deal being edited shows when it was created (a new one: today)
        .chain(o.map(|o| {
            // a deal is created today or before (the analysis counts its
            // cycle from then); one the file has without a date may stay so
            let kind = match o.created {
                Some(_) => Kind::DateUpTo(today),
                None => Kind::Date {
                    optional: true,
                    today,
                },
            };
            Field::new(
                F::Created,
                kind,
                o.created.map(|d| d.to_string()).unwrap_or_default(),
            )
        }))
        .collect(),
    )
}

/// The new-opportunity form filled with `f` (what a quick-add line read),
/// focused on the first required field still empty.
pub fn prefilled_opportunity_form(ws: &Workspace, f: &OpportunityFields, today: Date) -> Form {
    let mut form = opportunity_form(ws, None, today);
    let values = [
        (F::Title, f.title.clone()),
        (F::Account, f.account_name.clone()),
        (F::Value, f.value.grouped()),
        (F::Stage, f.stage.as_str().to_owned()),
        (
            F::ExpectedClose,
            f.expected_close.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            F::Probability,
            f.probability.map(|p| p.0.to_string()).unwrap_or_default(),
        ),
        (F::Tags, f.tags.join(", ")),
    ];
    for (id, value) in values {
        if let Some(field) = form.fields.iter_mut().find(|x| x.id == id) {
            field.input.set(value);
        }
    }
    let empty = |id| form.value(id).is_empty();
    form.focus = usize::from(!empty(F::Title) && empty(F::Account));
    form
}

/// The opportunity form's values. The form validated them as typed, so a
/// value that does not read (never submitted) falls back to the default.
pub(super) fn fields(form: &Form) -> OpportunityFields {
    OpportunityFields {
        title: form.value(F::Title).to_owned(),
        account_name: form.value(F::Account).to_owned(),
        value: form
            .field(F::Value)
            .and_then(Field::money)
            .unwrap_or_default(),
        stage: Stage::parse(form.value(F::Stage)).unwrap_or_default(),
        expected_close: form.date(F::ExpectedClose),
        probability: form.field(F::Probability).and_then(Field::percent),
        owner: form.value(F::Owner).to_owned(),
        product: form.value(F::Product).to_owned(),
        tags: items(form.value(F::Tags), ','),
        objective: form.value(F::Objective).to_owned(),
        forecast_category: ForecastCategory::parse(form.value(F::ForecastCategory)),
        created: form.date(F::Created),
    }
}

/// The forecast category (spec section 8): first the one the probability
/// gives, named (`from probability (best case)`), then each to set by hand.
fn forecast_field(ws: &Workspace, o: Option<&Opportunity>) -> Field {
    let derived = match o {
        Some(o) => crate::domain::forecast::derived(o, &ws.settings),
        None => {
            ForecastCategory::from_probability(ws.settings.stage_probability.get(Stage::Qualify).0)
        }
    };
    let from = crate::tf!("from probability ({category})", category = derived.label());
    let mut choices = vec![from.clone()];
    choices.extend(ForecastCategory::ALL.iter().map(|c| c.as_str().to_owned()));
    let chosen = o
        .and_then(|o| o.forecast_category)
        .map_or(from, |c| c.as_str().to_owned());
    Field::new(F::ForecastCategory, Kind::Choice(choices), chosen)
}

/// Closing a deal (spec section 7): won asks for the date, the final
/// amount and a code from the win reasons; lost for the result (lost or
/// abandoned), the date and a code from the loss reasons. The code may be
/// left unset ("—"), as an outcome's `reason_code` may be null.
pub fn close_form(ws: &Workspace, o: &Opportunity, won: bool, today: Date) -> Form {
    let title = format!(
        "{} — {}",
        if won {
            crate::i18n::t("Won")
        } else {
            crate::i18n::t("Lost or abandoned")
        },
        o.title
    );
    let s = &ws.settings;
    let codes = if won { &s.win_reasons } else { &s.loss_reasons };
    let mut choices = vec![NONE.to_owned()];
    choices.extend(codes.iter().cloned());
    let mut fields = Vec::new();
    if !won {
        fields.push(Field::new(
            F::CloseResult,
            Kind::Choice(vec!["lost".into(), "abandoned".into()]),
            "lost",
        ));
    }
    fields.push(Field::new(F::On, Kind::DateUpTo(today), today.to_string()));
    if won {
        fields.push(Field::new(F::FinalAmount, Kind::Money, o.value.grouped()));
    }
    fields.push(Field::new(F::ReasonCode, Kind::Choice(choices), NONE));
    fields.push(Field::new(F::Reason, Kind::Text { required: !won }, ""));
    Form::new(title, fields)
}

pub fn close_purpose(won: bool, id: OpportunityId) -> FormPurpose {
    FormPurpose::Close(
        if won {
            OutcomeResult::Won
        } else {
            OutcomeResult::Lost
        },
        id,
    )
}

/// How the deal ended: `result` unless the form picks lost or abandoned.
/// A final amount is given only when it differs from the deal's value, so
/// an untouched form changes nothing but the outcome.
pub(super) fn close_fields(
    form: &Form,
    o: Option<&Opportunity>,
    result: OutcomeResult,
    today: Date,
) -> CloseFields {
    let code = form.value(F::ReasonCode);
    CloseFields {
        result: form
            .field(F::CloseResult)
            .and_then(|f| OutcomeResult::parse(f.raw()))
            .unwrap_or(result),
        on: form.date(F::On).unwrap_or(today),
        reason: form.value(F::Reason).to_owned(),
        reason_code: (!code.is_empty() && code != NONE).then(|| code.to_owned()),
        value: form
            .field(F::FinalAmount)
            .and_then(Field::money)
            .filter(|v| o.is_none_or(|o| o.value != *v)),
    }
}

/// The form of a log entry. It opens on the note, so that what is typed
/// at once is the note; the date defaults to today and is a Tab away.
pub fn log_form(today: Date) -> Form {
    log_entry_form(None, today)
}

/// The form of a new log entry (`None`: today, words focused) or of one to
/// edit.
pub fn log_entry_form(entry: Option<&crate::domain::LogEntry>, today: Date) -> Form {
    let mut form = Form::new(
        if entry.is_some() {
            crate::i18n::t("Edit log entry")
        } else {
            crate::i18n::t("Log entry")
        },
        vec![
            Field::new(
                F::On,
                Kind::Date {
                    optional: false,
                    today,
                },
                entry.map_or(today, |e| e.on).to_string(),
            ),
            Field::new(
                F::Text,
                Kind::Text { required: true },
                entry.map_or(String::new(), |e| e.text.clone()),
            ),
        ],
    );
    form.focus = 1;
    form
}

pub(super) fn log_fields(form: &Form, today: Date) -> LogFields {
    LogFields {
        on: form.date(F::On).unwrap_or(today),
        text: form.value(F::Text).to_owned(),
    }
}
