//! The workbench's forms: how each is built from the workspace, how a
//! submitted one becomes the domain values of an edit, and [`submit`], which
//! makes the edit the form was opened for. The rules live in
//! [`crate::domain::edit`]; here is only what the user sees and types.

mod account_plan;
mod accounts;
mod actions;
mod field_id;
mod flags;
mod opportunity;
mod people;
mod settings;
mod strategy;
mod targets;

pub use account_plan::{
    complaint_form, contact_form, credit_form, invoice_form, plan_form, satisfaction_form,
};
pub use accounts::account_form;
pub use actions::{action_form, call_plan_form, debrief_form};
pub use field_id::FieldId;
pub use flags::{bulk_snooze_form, manual_flag_form, snooze_form};
pub use opportunity::{
    close_form, close_purpose, log_entry_form, log_form, opportunity_form,
    prefilled_opportunity_form,
};
pub use people::influence_form;
pub use settings::settings_form;
pub use strategy::{competitor_form, criterion_form, step_form, strategy_form};
pub use targets::{targets_form, update_targets_hints};

use super::form::Form;
use crate::domain::edit::{self, Change, Refusal};
use crate::domain::{
    AccountId, ActionId, CompetitorId, CriterionId, Date, Influence, InfluenceId, ManualFlagId,
    OpportunityId, OutcomeResult, StepId, Workspace,
};

/// What a submitted form is for, naming the records it edits.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    NewOpportunity,
    EditOpportunity(OpportunityId),
    /// Closing the deal: won, or lost (the form picks lost or abandoned).
    Close(OutcomeResult, OpportunityId),
    LogEntry(OpportunityId),
    NewInfluence(OpportunityId),
    EditInfluence(OpportunityId, InfluenceId),
    /// A flag raised by hand on the deal.
    NewFlag(OpportunityId),
    EditFlag(OpportunityId, ManualFlagId),
    /// Snoozing the computed flag (rule, subject) of the deal.
    Snooze(OpportunityId, crate::domain::flags::Rule, Option<String>),
    /// Snoozing the rule picked in the form on every one of these deals
    /// that shows it.
    BulkSnooze(Vec<OpportunityId>),
    NewAction(OpportunityId),
    EditAction(OpportunityId, ActionId),
    NewAccount,
    EditAccount(AccountId),
    /// The targets of a period for an owner (`None`: the whole workspace).
    Targets(crate::domain::Period, Option<String>),
    /// The deal's strategy: value proposition, compelling event, decision
    /// process, strengths, team (spec section 9).
    Strategy(OpportunityId),
    NewCompetitor(OpportunityId),
    EditCompetitor(OpportunityId, CompetitorId),
    NewCriterion(OpportunityId),
    EditCriterion(OpportunityId, CriterionId),
    NewStep(OpportunityId),
    EditStep(OpportunityId, StepId),
    /// The workspace's settings (`S`).
    Settings,
    /// A log entry of the deal, changed.
    EditLog(OpportunityId, edit::LogRef),
    /// The call plan (the Green Sheet) of an action (spec section 10).
    CallPlan(OpportunityId, ActionId),
    /// A call, meeting or visit done, with its debrief.
    Debrief(OpportunityId, ActionId),
    /// The account plan (spec section 11).
    AccountPlan(AccountId),
    /// The account's credit limit and payment terms.
    CreditTerms(AccountId),
    NewInvoice(AccountId),
    /// The invoice with this id, of the account.
    EditInvoice(AccountId, String),
    NewComplaint(AccountId),
    EditComplaint(AccountId, String),
    NewSatisfaction(AccountId),
    /// The score at this index of the account's `satisfaction`.
    EditSatisfaction(AccountId, usize),
    NewContact(AccountId),
    EditContact(AccountId, String),
}

/// The hints a form's values decide, brought up to date: the cadence a
/// person gets when the field is left empty follows their influence.
pub fn update_hints(form: &mut Form, purpose: &FormPurpose, ws: &Workspace) {
    if let FormPurpose::NewInfluence(_) | FormPurpose::EditInfluence(..) = purpose {
        people::update_cadence_hint(form, &ws.settings);
    }
}

/// Makes the edit `form` was opened for: the change and the opportunity to
/// select after, or why not (the form stays open; `Refusal::Unchanged` when
/// nothing would change).
pub fn submit(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    today: Date,
) -> Result<(Change, Option<OpportunityId>), Refusal> {
    use FormPurpose as P;
    let keep = |opp: &OpportunityId, change: Change| (change, Some(opp.clone()));
    let people = |opp: &OpportunityId| {
        ws.opportunity(opp.as_str())
            .map_or(&[][..], |o| &o.influences)
    };
    Ok(match purpose {
        P::NewOpportunity => {
            let (change, id) = edit::create_opportunity(ws, opportunity::fields(form), today)?;
            (change, Some(id))
        }
        P::EditOpportunity(id) => keep(
            id,
            edit::edit_opportunity(ws, id, opportunity::fields(form), today)?,
        ),
        P::Close(result, id) => (
            edit::close(
                ws,
                id,
                opportunity::close_fields(form, ws.opportunity(id.as_str()), *result, today),
                today,
            )?,
            None,
        ),
        P::LogEntry(id) => keep(
            id,
            edit::add_log_entry(ws, id, opportunity::log_fields(form, today), today)?,
        ),
        P::NewInfluence(opp) => keep(
            opp,
            edit::add_influence(ws, opp, people::fields(form, people(opp)))?,
        ),
        P::EditInfluence(opp, person) => keep(
            opp,
            edit::edit_influence(ws, opp, person, people::fields(form, people(opp)))?,
        ),
        P::NewFlag(opp) => keep(opp, edit::raise_flag(ws, opp, flags::fields(form), today)?),
        P::EditFlag(opp, flag) => keep(opp, edit::edit_flag(ws, opp, flag, flags::fields(form))?),
        P::Snooze(opp, rule, subject) => {
            let Some(fields) = flags::snooze_fields(form) else {
                return Err(Refusal::Invalid(
                    crate::i18n::t("expected a date, like 2027-01-15, +7 or fri").into(),
                ));
            };
            keep(
                opp,
                edit::snooze(ws, opp, *rule, subject.as_deref(), fields, today)?,
            )
        }
        P::BulkSnooze(ids) => (bulk_snooze(ws, form, ids, today)?.change, None),
        P::NewAction(opp) => keep(
            opp,
            edit::add_action(ws, opp, actions::fields(form, people(opp)), today)?,
        ),
        P::EditAction(opp, action) => keep(
            opp,
            edit::edit_action(ws, opp, action, actions::fields(form, people(opp)))?,
        ),
        P::NewAccount => (edit::add_account(ws, accounts::fields(form))?, None),
        P::EditAccount(id) => (edit::edit_account(ws, id, accounts::fields(form))?, None),
        P::Targets(period, owner) => (targets::submit(ws, form, *period, owner.as_deref())?, None),
        P::Strategy(opp) => keep(
            opp,
            edit::set_strategy(
                ws,
                opp,
                strategy::strategy_fields(form, ws.opportunity(opp.as_str())),
            )?,
        ),
        P::NewCompetitor(opp) => keep(
            opp,
            edit::add_competitor(ws, opp, strategy::competitor_fields(form, None))?,
        ),
        P::EditCompetitor(opp, id) => {
            let before = ws
                .opportunity(opp.as_str())
                .and_then(|o| o.competition.iter().find(|c| id.is(c)));
            keep(
                opp,
                edit::edit_competitor(ws, opp, id, strategy::competitor_fields(form, before))?,
            )
        }
        P::NewCriterion(opp) => keep(
            opp,
            edit::add_criterion(ws, opp, strategy::criterion_fields(form, people(opp)))?,
        ),
        P::EditCriterion(opp, id) => keep(
            opp,
            edit::edit_criterion(ws, opp, id, strategy::criterion_fields(form, people(opp)))?,
        ),
        P::NewStep(opp) => keep(
            opp,
            edit::add_step(ws, opp, strategy::step_fields(form), today)?,
        ),
        P::EditStep(opp, id) => keep(
            opp,
            edit::edit_step(ws, opp, id, strategy::step_fields(form), today)?,
        ),
        P::Settings => (edit::set_settings(ws, settings::fields(ws, form))?, None),
        P::EditLog(id, entry) => keep(
            id,
            edit::edit_log_entry(ws, id, entry, opportunity::log_fields(form, today), today)?,
        ),
        P::CallPlan(opp, action) => {
            let before = ws
                .opportunity(opp.as_str())
                .and_then(|o| o.actions.iter().find(|a| action.is(a)))
                .and_then(|a| a.plan.as_ref());
            keep(
                opp,
                edit::set_call_plan(ws, opp, action, actions::call_plan_fields(form, before))?,
            )
        }
        P::Debrief(opp, action) => keep(
            opp,
            edit::complete_conversation(ws, opp, action, actions::debrief_fields(form), today)?,
        ),
        P::AccountPlan(id) => (
            edit::set_plan(
                ws,
                id,
                account_plan::plan_fields(form, ws.accounts.iter().find(|a| id.is(a))),
            )?,
            None,
        ),
        P::CreditTerms(id) => (
            edit::set_credit_terms(ws, id, account_plan::credit_fields(form))?,
            None,
        ),
        P::NewInvoice(id) => (
            edit::add_invoice(ws, id, account_plan::invoice_fields(form))?,
            None,
        ),
        P::EditInvoice(id, invoice) => (
            edit::edit_invoice(ws, id, invoice, account_plan::invoice_fields(form))?,
            None,
        ),
        P::NewComplaint(id) => (
            edit::add_complaint(ws, id, account_plan::complaint_fields(form))?,
            None,
        ),
        P::EditComplaint(id, complaint) => (
            edit::edit_complaint(ws, id, complaint, account_plan::complaint_fields(form))?,
            None,
        ),
        P::NewSatisfaction(id) => (
            edit::add_satisfaction(ws, id, account_plan::satisfaction_fields(form))?,
            None,
        ),
        P::EditSatisfaction(id, index) => (
            edit::edit_satisfaction(ws, id, *index, account_plan::satisfaction_fields(form))?,
            None,
        ),
        P::NewContact(id) => (
            edit::add_contact(ws, id, account_plan::contact_fields(form))?,
            None,
        ),
        P::EditContact(id, contact) => (
            edit::edit_contact(ws, id, contact, account_plan::contact_fields(form))?,
            None,
        ),
    })
}

/// The bulk snooze a submitted [`bulk_snooze_form`] asks for, with what
/// it skipped.
pub fn bulk_snooze(
    ws: &Workspace,
    form: &Form,
    ids: &[OpportunityId],
    today: Date,
) -> Result<edit::Bulk, Refusal> {
    let Some(fields) = flags::snooze_fields(form) else {
        return Err(Refusal::Invalid(
            crate::i18n::t("expected a date, like 2027-01-15, +7 or fri").into(),
        ));
    };
    let Some(rule) = flags::picked_rule(form) else {
        return Err(Refusal::Invalid(
            crate::i18n::t("pick a rule with ← →").into(),
        ));
    };
    edit::snooze_rule(ws, ids, rule, fields, today)
}

/// What a choice shows for "not set".
const NONE: &str = "—";

/// The names of `all` as choices, "not set" first when `with_none`.
fn choice_of<T: Copy>(all: &[T], name: fn(T) -> &'static str, with_none: bool) -> Vec<String> {
    let mut out: Vec<String> = if with_none {
        vec![NONE.to_owned()]
    } else {
        Vec::new()
    };
    out.extend(all.iter().map(|v| name(*v).to_owned()));
    out
}

/// How the choice of a person shows `p`, one of the deal's `people`: the
/// name alone when no one else has it, else with the title (`王总 (CFO)`),
/// else numbered (`王总 2`): a seller tells people apart by name and role,
/// never by an id like `i8`, and each label still names one person.
fn person_label(people: &[Influence], p: &Influence) -> String {
    let base = |x: &Influence| match x.title.trim() {
        t if t.is_empty() || people.iter().filter(|y| y.name == x.name).count() == 1 => {
            x.name.clone()
        }
        t => format!("{} ({t})", x.name),
    };
    let mine = base(p);
    let same: Vec<&Influence> = people.iter().filter(|x| base(x) == mine).collect();
    match same.iter().position(|x| x.id == p.id) {
        Some(n) if same.len() > 1 => format!("{mine} {}", n + 1),
        _ => mine,
    }
}

/// The person among `people` whose label was picked.
fn picked_person(people: &[Influence], label: &str) -> Option<InfluenceId> {
    people
        .iter()
        .find(|p| person_label(people, p) == label)
        .map(InfluenceId::of)
}

/// `a; b;; c` as items, empty ones dropped.
fn items(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests;
