//! Edits of an opportunity itself: create, edit, move between stages,
//! qualify, close, log, delete.

use super::accounts::account_for;
use super::{
    Change, Edit, Patch, Refusal, on_any_opportunity, on_opportunity, position, refuse_closed,
};
use crate::domain::ids::next_id;
use crate::domain::{
    Date, ForecastCategory, LogEntry, Money, Opportunity, OpportunityId, OutcomeResult, Percent,
    Stage, StageEntry, Workspace,
};
use crate::i18n::t;
use crate::tf;

/// What the user gives for a new opportunity or an edit of one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpportunityFields {
    pub title: String,
    /// The account by name: a name no account has creates that account.
    pub account_name: String,
    pub value: Money,
    pub stage: Stage,
    pub expected_close: Option<Date>,
    /// `None`: the stage's probability applies.
    pub probability: Option<Percent>,
    pub owner: String,
    pub product: String,
    pub tags: Vec<String>,
    pub objective: String,
    /// `None`: the category its probability gives (spec section 8).
    pub forecast_category: Option<ForecastCategory>,
    /// When the deal was created; `None`: as it is (a new deal: today).
    pub created: Option<Date>,
}

/// The long texts edited outside the workbench, in `$EDITOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongText {
    Objective,
    Notes,
}

/// A qualification condition, in the method's order (and the pane's rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Need,
    Authority,
    Budget,
    Timeline,
}

impl Condition {
    pub const ALL: [Condition; 4] = [
        Condition::Need,
        Condition::Authority,
        Condition::Budget,
        Condition::Timeline,
    ];

    /// The condition on row `row` of the qualification pane (the last one
    /// for a row past the end, as the pane clamps its selection).
    pub fn at(row: usize) -> Condition {
        Condition::ALL[row.min(3)]
    }
}

/// How a deal ended, when, and why (spec section 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseFields {
    pub result: OutcomeResult,
    /// When it was won or lost (the form offers today).
    pub on: Date,
    pub reason: String,
    /// One of the settings' win or loss reasons, as the result asks.
    pub reason_code: Option<String>,
    /// The final amount of a won deal, when it differs from the value.
    pub value: Option<Money>,
}

/// A dated line of the deal's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFields {
    pub on: Date,
    pub text: String,
}

fn check(fields: &OpportunityFields) -> Result<(), Refusal> {
    if fields.title.trim().is_empty() {
        return Err(Refusal::Invalid(t("an opportunity needs a title").into()));
    }
    if fields.account_name.trim().is_empty() {
        return Err(Refusal::Invalid(
            t("an opportunity needs an account").into(),
        ));
    }
    Ok(())
}

/// A new opportunity entering its stage today; returns its id too, so the
/// caller can select it.
pub fn create_opportunity(
    ws: &Workspace,
    fields: OpportunityFields,
    today: Date,
) -> Result<(Change, OpportunityId), Refusal> {
    check(&fields)?;
    // ids in review snapshots count too: a deleted deal's id is not given to
    // a new one, or the next report would mix them up
    let reviewed = ws
        .reviews
        .iter()
        .flat_map(|r| r.opportunities.iter().map(|o| o.id.as_str()));
    let id = next_id(
        "o",
        ws.opportunities
            .iter()
            .map(|o| o.id.as_str())
            .chain(reviewed),
    );
    let mut change = Change::new(tf!("created {deal}", deal = super::called(&fields.title)));
    let account = account_for(ws, &fields.account_name, &mut change);
    let stage = fields.stage;
    let expected_close = fields.expected_close;
    let mut o = Opportunity {
        id: id.clone(),
        account,
        stage,
        created: Some(today),
        stage_history: vec![StageEntry {
            stage,
            entered: today,
            ..StageEntry::default()
        }],
        ..Opportunity::default()
    };
    fill(&mut o, fields, today);
    // a new deal has no close date history: the first date is not a move
    o.close_history.clear();
    o.expected_close = expected_close;
    change.patches.push(Patch::Opportunity {
        index: ws.opportunities.len(),
        before: None,
        after: Some(o),
    });
    Ok((change, OpportunityId::new(id)))
}

/// Replaces what the user edits of opportunity `id`; a new stage and a moved
/// close date are recorded in their histories.
pub fn edit_opportunity(
    ws: &Workspace,
    id: &OpportunityId,
    fields: OpportunityFields,
    today: Date,
) -> Edit {
    check(&fields)?;
    let index = position(ws, id)?;
    refuse_closed(&ws.opportunities[index])?;
    let mut change = Change::new(tf!("edited {deal}", deal = super::called(&fields.title)));
    let mut o = ws.opportunities[index].clone();
    // two accounts may share a name: an unchanged name keeps the account
    let same = ws
        .account(&o.account)
        .is_some_and(|a| a.name == fields.account_name);
    if !same {
        o.account = account_for(ws, &fields.account_name, &mut change);
    }
    o.set_stage(fields.stage, today);
    if fields.created.is_some() {
        o.created = fields.created;
    }
    fill(&mut o, fields, today);
    if o == ws.opportunities[index] && change.patches.is_empty() {
        return Err(Refusal::Unchanged);
    }
    Ok(change.replace_opportunity(ws, index, o))
}

/// Copies the plain fields into `o`; a close date change is recorded.
fn fill(o: &mut Opportunity, fields: OpportunityFields, today: Date) {
    o.title = fields.title;
    o.value = fields.value;
    o.set_expected_close(fields.expected_close, today);
    o.probability = fields.probability;
    o.owner = fields.owner;
    o.product = fields.product;
    o.tags = fields.tags;
    o.objective = fields.objective;
    o.forecast_category = fields.forecast_category;
}

pub fn delete_opportunity(ws: &Workspace, id: &OpportunityId) -> Edit {
    let index = position(ws, id)?;
    let title = &ws.opportunities[index].title;
    let mut change = Change::new(tf!("deleted {deal}", deal = super::called(title)));
    change.patches.push(Patch::Opportunity {
        index,
        before: Some(ws.opportunities[index].clone()),
        after: None,
    });
    Ok(change)
}

/// Moves the deal to `stage` today (recorded in its stage history).
pub fn set_stage(ws: &Workspace, id: &OpportunityId, stage: Stage, today: Date) -> Edit {
    on_opportunity(ws, id, |o| {
        let from = o.stage;
        o.set_stage(stage, today);
        Ok(tf!(
            "{deal}: {from} → {stage}",
            deal = super::called(&o.title),
            from = from.label(),
            stage = stage.label()
        ))
    })
}

/// Closes the deal. A reason code must be one the settings list for the
/// result; a close date must not be after today.
pub fn close(ws: &Workspace, id: &OpportunityId, fields: CloseFields, today: Date) -> Edit {
    let s = &ws.settings;
    let codes = match fields.result {
        OutcomeResult::Won => &s.win_reasons,
        OutcomeResult::Lost | OutcomeResult::Abandoned => &s.loss_reasons,
    };
    if let Some(code) = &fields.reason_code
        && !codes.contains(code)
    {
        return Err(Refusal::Invalid(tf!(
            "reason code {code} is not one of {codes}",
            code = format!("{code:?}"),
            codes = codes.join(", ")
        )));
    }
    if fields.on > today {
        return Err(Refusal::Invalid(tf!(
            "the close date {on} is after today ({today})",
            on = fields.on,
            today
        )));
    }
    on_opportunity(ws, id, |o| {
        o.close(fields.result, fields.on, &fields.reason);
        if let Some(outcome) = &mut o.outcome {
            outcome.reason_code = fields.reason_code;
        }
        if let Some(value) = fields.value {
            o.value = value;
        }
        Ok(tf!(
            "{deal} marked {result}",
            deal = super::called(&o.title),
            result = fields.result.label()
        ))
    })
}

/// Reopens a closed deal in the stage it was in (spec section 7).
pub fn reopen(ws: &Workspace, id: &OpportunityId, today: Date) -> Edit {
    on_any_opportunity(ws, id, |o| match o.reopen(today) {
        true => Ok(tf!(
            "{deal} reopened in {stage}",
            deal = super::called(&o.title),
            stage = o.stage.label()
        )),
        false => Err(Refusal::Invalid(tf!(
            "{deal} is open already",
            deal = super::called(&o.title)
        ))),
    })
}

/// unknown → confirmed → denied → unknown.
pub fn cycle_condition(ws: &Workspace, id: &OpportunityId, which: Condition) -> Edit {
    on_opportunity(ws, id, |o| {
        let q = &mut o.qualification;
        let (name, slot) = match which {
            Condition::Need => ("need", &mut q.need),
            Condition::Authority => ("authority", &mut q.authority),
            Condition::Budget => ("budget", &mut q.budget),
            Condition::Timeline => ("timeline", &mut q.timeline),
        };
        *slot = match *slot {
            None => Some(true),
            Some(true) => Some(false),
            Some(false) => None,
        };
        let now = match *slot {
            Some(true) => "confirmed",
            Some(false) => "denied",
            None => "unknown",
        };
        Ok(tf!(
            "{condition} {state}",
            condition = t(name),
            state = t(now)
        ))
    })
}

/// Adds a line to the log, which stays in date order. A log entry records
/// what happened, so a date after `today` is refused (`fri` read as next
/// Friday would otherwise log a meeting that has not taken place); what is
/// planned is an action. Only the edit refuses it: a file that already has
/// such an entry still loads.
pub fn add_log_entry(ws: &Workspace, id: &OpportunityId, fields: LogFields, today: Date) -> Edit {
    if fields.on > today {
        return Err(Refusal::Invalid(
            t("a log entry records what happened: today or before (a plan is an action: a in the actions pane)")
                .into(),
        ));
    }
    on_opportunity(ws, id, |o| {
        o.log.push(LogEntry {
            on: fields.on,
            text: fields.text,
            ..LogEntry::default()
        });
        o.log.sort_by_key(|l| l.on);
        Ok(tf!("logged on {deal}", deal = super::called(&o.title)))
    })
}

/// Which log entry an edit means: its place in the log and what it said
/// when the form was opened, so an entry that changed meanwhile (an undo,
/// a reload) is refused as gone rather than the wrong one changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRef {
    pub index: usize,
    pub on: Date,
    pub text: String,
}

impl LogRef {
    pub fn of(o: &crate::domain::Opportunity, index: usize) -> Option<LogRef> {
        o.log.get(index).map(|l| LogRef {
            index,
            on: l.on,
            text: l.text.clone(),
        })
    }

    fn find(&self, o: &crate::domain::Opportunity) -> Result<usize, Refusal> {
        match o.log.get(self.index) {
            Some(l) if l.on == self.on && l.text == self.text => Ok(self.index),
            _ => Err(Refusal::Gone("log entry")),
        }
    }
}

/// A log entry's date and words changed (a typo, the wrong day); the log
/// stays in date order, and the date is today or before, as when added.
pub fn edit_log_entry(
    ws: &Workspace,
    id: &OpportunityId,
    entry: &LogRef,
    fields: LogFields,
    today: Date,
) -> Edit {
    // an entry the file already dates ahead keeps its date while its words
    // are fixed; a date moved is today or before, as when added
    if fields.on > today && fields.on != entry.on {
        return Err(Refusal::Invalid(
            t("a log entry records what happened: today or before (a plan is an action: a in the actions pane)")
                .into(),
        ));
    }
    on_opportunity(ws, id, |o| {
        let at = entry.find(o)?;
        let l = &mut o.log[at];
        l.on = fields.on;
        l.text = fields.text;
        o.log.sort_by_key(|l| l.on);
        Ok(tf!(
            "log entry of {deal} edited",
            deal = super::called(&o.title)
        ))
    })
}

pub fn delete_log_entry(ws: &Workspace, id: &OpportunityId, entry: &LogRef) -> Edit {
    on_opportunity(ws, id, |o| {
        let at = entry.find(o)?;
        o.log.remove(at);
        Ok(tf!(
            "log entry of {deal} deleted",
            deal = super::called(&o.title)
        ))
    })
}

/// The objective or notes replaced by `text` (the editor's trailing newline
/// dropped).
pub fn set_long_text(ws: &Workspace, id: &OpportunityId, field: LongText, text: &str) -> Edit {
    on_opportunity(ws, id, |o| {
        let (slot, name) = match field {
            LongText::Objective => (&mut o.objective, "objective"),
            LongText::Notes => (&mut o.notes, "notes"),
        };
        *slot = text.trim_end_matches(['\n', '\r']).to_owned();
        Ok(tf!(
            "{name} of {deal} edited",
            name = t(name),
            deal = super::called(&o.title)
        ))
    })
}

#[cfg(test)]
#[path = "opportunity_tests.rs"]
mod tests;
