//! The targets form of view 7: the target of a period for one owner (or
//! the whole workspace) and, for a quarter, each month's. An empty field
//! is no target of its own; a month's then says what it gets instead (a
//! third of the quarter's, as the forecast reads it).

use super::FieldId as F;
use crate::domain::edit::{self, Change, Refusal};
use crate::domain::forecast;
use crate::domain::{Money, Period, Workspace};
use crate::tui::form::{Field, Form, Kind};

const MONTHS: [F; 3] = [F::Month1, F::Month2, F::Month3];

/// The entry of exactly this period and owner, if any.
fn own(ws: &Workspace, period: Period, owner: Option<&str>) -> Option<Money> {
    ws.settings
        .targets
        .iter()
        .find(|t| t.period == period && t.owner_name() == owner)
        .map(|t| t.amount)
}

/// What an empty month gets from a quarter of `quarter`: a third.
fn month_hint(month: Period, quarter: Option<Money>) -> String {
    match quarter {
        Some(q) => crate::tf!(
            "{month}: a third of the quarter: {amount}",
            month = month.short(),
            // split as the forecast splits it, the odd cents first
            amount = forecast::target(
                &[crate::domain::Target {
                    period: month.quarter(),
                    amount: q,
                    ..Default::default()
                }],
                month,
                None
            )
            .unwrap_or(Money(q.0 / 3))
            .grouped()
        ),
        None => crate::tf!("{month}: no target of its own", month = month.short()),
    }
}

/// The form for the targets of `period` for `owner`, filled with the ones
/// set.
pub fn targets_form(ws: &Workspace, period: Period, owner: Option<&str>) -> Form {
    let owner = owner.map(str::trim).filter(|o| !o.is_empty());
    let shown = |m: Option<Money>| m.map_or(String::new(), Money::grouped);
    let who = owner.map_or_else(
        || crate::i18n::t("the whole workspace").to_owned(),
        |o| crate::text::clean(o).into_owned(),
    );
    let mut fields = Vec::new();
    let title = if period.is_quarter() {
        let months: Vec<String> = period.months().iter().map(|m| m.short()).collect();
        crate::tf!(
            "Targets of {period} ({months}) for {who}",
            period = period.label(),
            months = months.join(" "),
            who
        )
    } else {
        crate::tf!(
            "Targets of {period} for {who}",
            period = period.label(),
            who
        )
    };
    let own_period = own(ws, period, owner);
    // what the forecast takes when this field is left empty
    let without: Vec<crate::domain::Target> = ws
        .settings
        .targets
        .iter()
        .filter(|t| !(t.period == period && t.owner_name() == owner))
        .cloned()
        .collect();
    let period_hint = match (
        period.is_quarter(),
        forecast::target(&without, period, owner),
    ) {
        (true, Some(amount)) => crate::tf!(
            "empty: {amount}, from the months' or the owners' own",
            amount = amount.grouped()
        ),
        (true, None) => crate::i18n::t("empty: no target").to_owned(),
        (false, _) => month_hint(period, own(ws, period.quarter(), owner)),
    };
    fields.push(Field::new(
        F::PeriodTarget,
        Kind::OptionalMoney(period_hint),
        shown(own_period),
    ));
    if period.is_quarter() {
        for (id, month) in MONTHS.into_iter().zip(period.months()) {
            fields.push(Field::new(
                id,
                Kind::OptionalMoney(month_hint(month, own_period)),
                shown(own(ws, month, owner)),
            ));
        }
    }
    Form::new(title, fields)
}

/// The months' hints follow the quarter's amount as it is typed.
pub fn update_targets_hints(form: &mut Form, period: Period) {
    if !period.is_quarter() {
        return;
    }
    let quarter = form
        .field(F::PeriodTarget)
        .filter(|f| !f.raw().trim().is_empty())
        .and_then(|f| f.money());
    for (id, month) in MONTHS.into_iter().zip(period.months()) {
        if let Some(f) = form.fields.iter_mut().find(|f| f.id == id) {
            f.kind = Kind::OptionalMoney(month_hint(month, quarter));
        }
    }
}

/// The amount of field `id`: `None` when empty.
fn amount(form: &Form, id: F) -> Result<Option<Money>, Refusal> {
    match form.field(id) {
        Some(f) if !f.raw().trim().is_empty() => f
            .money()
            .map(Some)
            .ok_or_else(|| Refusal::Invalid(f.error().unwrap_or_default())),
        _ => Ok(None),
    }
}

/// The targets the submitted form sets.
pub(super) fn submit(
    ws: &Workspace,
    form: &Form,
    period: Period,
    owner: Option<&str>,
) -> Result<Change, Refusal> {
    let whole = amount(form, F::PeriodTarget)?;
    let mut months = Vec::new();
    if period.is_quarter() {
        for id in MONTHS {
            months.push(amount(form, id)?);
        }
    }
    edit::set_targets(ws, period, owner, whole, &months)
}
