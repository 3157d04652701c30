//! Every edit of the workbench as a [`Change`] built from the workspace and
//! what the user entered; the forms that collect it. Pure functions.

use super::app::{FormPurpose, LongText};
use super::form::{Field, Form, Kind};
use super::history::{Change, Patch};
use super::keymap::Action;
use crate::domain::ids::next_id;
use crate::domain::{
    Account, Attitude, Coverage, Date, DecisionRole, Focus, Influence, Level, LogEntry, Mode,
    Opportunity, OutcomeResult, Role, SocialStyle, Stage, StageEntry, Workspace,
};

/// The lower-cased text the filter searches in: title, account name, owner,
/// product, id and tags, kept apart by a character nobody types.
pub fn haystack(account_names: &std::collections::HashMap<&str, &str>, o: &Opportunity) -> String {
    let account = account_names.get(o.account.as_str()).copied().unwrap_or("");
    let mut text = [
        o.title.as_str(),
        account,
        o.owner.as_str(),
        o.product.as_str(),
        o.id.as_str(),
    ]
    .join("\u{1}");
    for tag in &o.tags {
        text.push('\u{1}');
        text.push_str(tag);
    }
    text.to_lowercase()
}

fn stage_names() -> Vec<String> {
    Stage::ALL.iter().map(|s| s.as_str().to_owned()).collect()
}

/// The form for a new opportunity (`None`) or for editing one.
pub fn opportunity_form(ws: &Workspace, o: Option<&Opportunity>) -> Form {
    let names: Vec<String> = ws.accounts.iter().map(|a| a.name.clone()).collect();
    let account = o
        .and_then(|o| ws.account(&o.account))
        .map_or(String::new(), |a| a.name.clone());
    let text = |f: fn(&Opportunity) -> String| o.map(f).unwrap_or_default();
    Form::new(
        if o.is_some() {
            "Edit opportunity"
        } else {
            "New opportunity"
        },
        vec![
            Field::new(
                "title",
                Kind::Text { required: true },
                text(|o| o.title.clone()),
            ),
            Field::new("account", Kind::Pick(names), account),
            Field::new(
                "value",
                Kind::Money,
                o.map_or("0".into(), |o| o.value.grouped()),
            ),
            Field::new(
                "stage",
                Kind::Choice(stage_names()),
                o.map_or(Stage::Qualify, |o| o.stage).as_str(),
            ),
            Field::new(
                "expected close",
                Kind::Date { optional: true },
                text(|o| o.expected_close.map(|d| d.to_string()).unwrap_or_default()),
            ),
            Field::new(
                "probability",
                Kind::Percent,
                text(|o| o.probability.map(|p| p.0.to_string()).unwrap_or_default()),
            ),
            Field::new(
                "owner",
                Kind::Text { required: false },
                o.map_or(ws.settings.owner.clone(), |o| o.owner.clone()),
            ),
            Field::new(
                "product",
                Kind::Text { required: false },
                text(|o| o.product.clone()),
            ),
            Field::new(
                "tags",
                Kind::Text { required: false },
                text(|o| o.tags.join(", ")),
            ),
            Field::new(
                "objective",
                Kind::Text { required: false },
                text(|o| o.objective.clone()),
            ),
        ],
    )
}

/// What a submitted form asks for: `Err` with a message when it cannot be
/// done (the form stays open), `Ok(None)` when nothing changes, else the
/// change and the opportunity to select after.
pub fn from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    today: Date,
) -> Result<Option<(Change, Option<String>)>, String> {
    if let FormPurpose::NewInfluence(opp) | FormPurpose::EditInfluence(opp, _) = purpose {
        return influence_from_form(ws, form, purpose, opp)
            .map(|c| c.map(|c| (c, Some(opp.clone()))));
    }
    if let FormPurpose::NewAccount | FormPurpose::EditAccount(_) = purpose {
        return account_from_form(ws, form, purpose).map(|c| c.map(|c| (c, None)));
    }
    if let FormPurpose::NewAction(opp) | FormPurpose::EditAction(opp, _) = purpose {
        return Ok(action_from_form(ws, form, purpose, opp, today).map(|c| (c, Some(opp.clone()))));
    }
    if let FormPurpose::Snooze(..) = purpose
        && form.field("until").date().is_some_and(|d| d < today)
    {
        return Err("a snooze ends today or later; the date given is past".into());
    }
    if let FormPurpose::NewFlag(opp)
    | FormPurpose::EditFlag(opp, _)
    | FormPurpose::Snooze(opp, ..) = purpose
    {
        return Ok(flag_from_form(ws, form, purpose, opp, today).map(|c| (c, Some(opp.clone()))));
    }
    Ok(opportunity_from_form(ws, form, purpose, today))
}

fn opportunity_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    today: Date,
) -> Option<(Change, Option<String>)> {
    match purpose {
        FormPurpose::NewOpportunity => {
            // ids in review snapshots count too: a deleted deal's id is not
            // given to a new one, or the next report would mix them up
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
            let mut change = Change::new(format!("created {id}"));
            let account = account_for(ws, form.value("account"), &mut change);
            let stage = Stage::parse(form.value("stage")).unwrap_or_default();
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
            fill(&mut o, form, today);
            o.close_history.clear();
            o.expected_close = form.field("expected close").date();
            change.patches.push(Patch::Opportunity {
                index: ws.opportunities.len(),
                before: None,
                after: Some(o),
            });
            Some((change, Some(id)))
        }
        FormPurpose::EditOpportunity(id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let mut change = Change::new(format!("edited {id}"));
            let mut o = ws.opportunities[index].clone();
            // two accounts may share a name: an unchanged name keeps the account
            let same = ws
                .account(&o.account)
                .is_some_and(|a| a.name == form.value("account"));
            if !same {
                o.account = account_for(ws, form.value("account"), &mut change);
            }
            o.set_stage(Stage::parse(form.value("stage")).unwrap_or(o.stage), today);
            fill(&mut o, form, today);
            if o == ws.opportunities[index] && change.patches.is_empty() {
                return None;
            }
            Some((change.replace_opportunity(ws, index, o), Some(id.clone())))
        }
        FormPurpose::Close(result, id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let result = OutcomeResult::parse(
                form.fields
                    .iter()
                    .find(|f| f.label == "result")
                    .map_or(result.as_str(), |f| f.raw()),
            )
            .unwrap_or(*result);
            let mut o = ws.opportunities[index].clone();
            o.close(result, today, form.value("reason"));
            Some((
                Change::new(format!("{id} marked {result}")).replace_opportunity(ws, index, o),
                None,
            ))
        }
        FormPurpose::LogEntry(id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let mut o = ws.opportunities[index].clone();
            let on = form.field("on").date().unwrap_or(today);
            o.log.push(LogEntry {
                on,
                text: form.value("text").to_owned(),
                ..LogEntry::default()
            });
            o.log.sort_by_key(|l| l.on);
            Some((
                Change::new(format!("logged on {id}")).replace_opportunity(ws, index, o),
                Some(id.clone()),
            ))
        }
        _ => None,
    }
}

/// Copies the form's plain fields into `o`; close date changes are recorded.
fn fill(o: &mut Opportunity, form: &Form, today: Date) {
    o.title = form.value("title").to_owned();
    o.value = form.field("value").money().unwrap_or(o.value);
    o.set_expected_close(form.field("expected close").date(), today);
    o.probability = form.field("probability").percent();
    o.owner = form.value("owner").to_owned();
    o.product = form.value("product").to_owned();
    o.tags = form
        .value("tags")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    o.objective = form.value("objective").to_owned();
}

/// The id of the account named `name`, adding a patch that creates it when
/// there is none.
fn account_for(ws: &Workspace, name: &str, change: &mut Change) -> String {
    if let Some(a) = ws.accounts.iter().find(|a| a.name == name) {
        return a.id.clone();
    }
    let id = next_id("a", ws.accounts.iter().map(|a| a.id.as_str()));
    change.patches.push(Patch::Account {
        index: ws.accounts.len(),
        before: None,
        after: Some(Account {
            id: id.clone(),
            name: name.to_owned(),
            ..Account::default()
        }),
    });
    id
}

pub fn delete(ws: &Workspace, id: &str) -> Change {
    let mut change = Change::new(format!("deleted {id}"));
    if let Some(index) = ws.opportunities.iter().position(|o| o.id == id) {
        change.patches.push(Patch::Opportunity {
            index,
            before: Some(ws.opportunities[index].clone()),
            after: None,
        });
    }
    change
}

pub fn set_stage(ws: &Workspace, index: usize, stage: Stage, today: Date) -> Change {
    let mut o = ws.opportunities[index].clone();
    let from = o.stage;
    o.set_stage(stage, today);
    Change::new(format!("{}: {from} → {stage}", o.id)).replace_opportunity(ws, index, o)
}

pub fn close_form(o: &Opportunity, won: bool) -> Form {
    let title = format!(
        "{} — {}",
        if won { "Won" } else { "Lost or abandoned" },
        o.title
    );
    let mut fields = Vec::new();
    if !won {
        fields.push(Field::new(
            "result",
            Kind::Choice(vec!["lost".into(), "abandoned".into()]),
            "lost",
        ));
    }
    fields.push(Field::new("reason", Kind::Text { required: !won }, ""));
    Form::new(title, fields)
}

pub fn close_purpose(won: bool, id: String) -> FormPurpose {
    FormPurpose::Close(
        if won {
            OutcomeResult::Won
        } else {
            OutcomeResult::Lost
        },
        id,
    )
}

/// unknown → confirmed → denied → unknown, for condition `which` (0..4 in
/// the order need, authority, budget, timeline).
pub fn cycle_condition(ws: &Workspace, index: usize, which: usize) -> Change {
    let mut o = ws.opportunities[index].clone();
    let q = &mut o.qualification;
    let (name, slot) = match which {
        0 => ("need", &mut q.need),
        1 => ("authority", &mut q.authority),
        2 => ("budget", &mut q.budget),
        _ => ("timeline", &mut q.timeline),
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
    Change::new(format!("{name} {now}")).replace_opportunity(ws, index, o)
}

pub fn log_form(today: Date) -> Form {
    Form::new(
        "Log entry",
        vec![
            Field::new("on", Kind::Date { optional: false }, today.to_string()),
            Field::new("text", Kind::Text { required: true }, ""),
        ],
    )
}

/// The objective or notes replaced by `text` (trailing newline from the
/// editor dropped); `None` when nothing changed.
pub fn set_long_text(
    ws: &Workspace,
    index: usize,
    field: LongText,
    text: String,
) -> Option<Change> {
    let mut o = ws.opportunities[index].clone();
    let text = text.trim_end_matches(['\n', '\r']).to_owned();
    let (slot, name) = match field {
        LongText::Objective => (&mut o.objective, "objective"),
        LongText::Notes => (&mut o.notes, "notes"),
    };
    if *slot == text {
        return None;
    }
    *slot = text;
    Some(Change::new(format!("{name} of {} edited", o.id)).replace_opportunity(ws, index, o))
}

pub(super) const NONE: &str = "—";

pub(super) fn choice_of<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    with_none: bool,
) -> Vec<String> {
    let mut out: Vec<String> = if with_none {
        vec![NONE.to_owned()]
    } else {
        Vec::new()
    };
    out.extend(all.iter().map(|v| name(*v).to_owned()));
    out
}

/// `王总 (i1)`: names repeat, ids do not.
pub(super) fn person_label(p: &Influence) -> String {
    format!("{} ({})", p.name, p.id)
}

mod accounts;
mod actions;
mod flags;
mod people;

pub use accounts::*;
pub use actions::*;
pub use flags::*;
pub use people::*;
