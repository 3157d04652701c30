//! Every edit the workbench makes, as a pure function of the workspace, the
//! ids of the records it touches and the values the user gave. Each returns
//! the [`Change`] to commit (and to undo), or a [`Refusal`] saying why not:
//! the rules a salesperson could argue about (a reports-to loop, a snooze in
//! the past, an account still used by deals) live here, not in the forms,
//! so the CLI and the importer can make the same edits.

pub use super::change::{Change, Patch};

mod account_plan;
mod accounts;
mod actions;
mod bulk;
mod conversation;
mod flags;
mod forecast;
mod opportunity;
mod people;
mod review;
mod settings;
mod strategy;

pub use account_plan::*;
pub use accounts::*;
pub use actions::*;
pub use bulk::*;
pub use conversation::*;
pub use flags::*;
pub use forecast::*;
pub use opportunity::*;
pub use people::*;
pub use review::*;
pub use settings::*;
pub use strategy::*;

use super::{Opportunity, OpportunityId, Workspace};
use crate::i18n::{Lang, t};
use crate::tf;

/// Why an edit was not made. "Nothing would change" is one of them, so every
/// edit has the same shape and a caller decides whether to say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The edit would leave the workspace as it is.
    Unchanged,
    /// A record the edit names is no longer there (`"opportunity"`, …).
    Gone(&'static str),
    /// The edit breaks a rule of the model; the message says which.
    Invalid(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Refusal::Unchanged => f.write_str(t("unchanged")),
            Refusal::Gone(what) => f.write_str(match *what {
                "opportunity" => t("the opportunity is gone"),
                "action" => t("the action is gone"),
                "account" => t("the account is gone"),
                "person" => t("the person is gone"),
                "red flag" => t("the red flag is gone"),
                "competitor" => t("the competitor is gone"),
                "criterion" => t("the criterion is gone"),
                "close plan step" => t("the close plan step is gone"),
                "log entry" => t("the log entry is gone"),
                "invoice" => t("the invoice is gone"),
                "complaint" => t("the complaint is gone"),
                "satisfaction score" => t("the satisfaction score is gone"),
                "contact" => t("the contact is gone"),
                what => return write!(f, "the {what} is gone"),
            }),
            Refusal::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Refusal {}

/// What every edit returns.
pub type Edit = Result<Change, Refusal>;

/// The position of opportunity `id` in the workspace.
/// A deal, an action or a person as a status line names it: its own words,
/// quoted and kept short (ids like `o26` mean nothing to a seller).
pub fn called(text: &str) -> String {
    const LONGEST: usize = 40;
    let text = text.trim();
    let (open, close) = match crate::i18n::lang() {
        Lang::En => ('"', '"'),
        Lang::Zh => ('“', '”'),
    };
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{open}{}…{close}", text[..cut].trim_end()),
        None => format!("{open}{text}{close}"),
    }
}

fn position(ws: &Workspace, id: &OpportunityId) -> Result<usize, Refusal> {
    ws.opportunities
        .iter()
        .position(|o| id.is(o))
        .ok_or(Refusal::Gone("opportunity"))
}

/// Edits a copy of opportunity `id` with `edit`, which returns the change's
/// label; a copy equal to the original is [`Refusal::Unchanged`].
/// A closed deal is refused: its record is what the sale was (the analysis
/// counts its stage, value and people); it is reopened first.
fn on_opportunity(
    ws: &Workspace,
    id: &OpportunityId,
    edit: impl FnOnce(&mut Opportunity) -> Result<String, Refusal>,
) -> Edit {
    refuse_closed(&ws.opportunities[position(ws, id)?])?;
    on_any_opportunity(ws, id, edit)
}

/// Refuses an edit of a won, lost or abandoned deal.
fn refuse_closed(o: &Opportunity) -> Result<(), Refusal> {
    match &o.outcome {
        None => Ok(()),
        Some(outcome) => Err(Refusal::Invalid(tf!(
            "{deal} is {result}: a closed deal is not edited; reopen it first",
            deal = called(&o.title),
            result = outcome.result.shown()
        ))),
    }
}

/// [`on_opportunity`] for an open or a closed deal (reopening one).
fn on_any_opportunity(
    ws: &Workspace,
    id: &OpportunityId,
    edit: impl FnOnce(&mut Opportunity) -> Result<String, Refusal>,
) -> Edit {
    let index = position(ws, id)?;
    let mut o = ws.opportunities[index].clone();
    let label = edit(&mut o)?;
    if o == ws.opportunities[index] {
        return Err(Refusal::Unchanged);
    }
    Ok(Change::new(label).replace_opportunity(ws, index, o))
}

#[cfg(test)]
pub(crate) mod fixture {
    use crate::domain::{Account, Date, Influence, Opportunity, Stage, Workspace};

    pub fn today() -> Date {
        Date::parse("2026-03-02").unwrap()
    }

    pub fn person(id: &str, boss: Option<&str>) -> Influence {
        Influence {
            id: id.into(),
            name: format!("name {id}"),
            reports_to: boss.map(String::from),
            ..Influence::default()
        }
    }

    /// Account a1 "Acme" with deal o1 (people i1 ← i2 ← i3, action t1) and
    /// account a2 "Idle" with no deal.
    pub fn ws() -> Workspace {
        let mut ws = Workspace::new("me", "EUR");
        for (id, name) in [("a1", "Acme"), ("a2", "Idle")] {
            ws.accounts.push(Account {
                id: id.into(),
                name: name.into(),
                ..Account::default()
            });
        }
        ws.opportunities.push(Opportunity {
            id: "o1".into(),
            title: "ERP".into(),
            account: "a1".into(),
            stage: Stage::Drive,
            influences: vec![
                person("i1", None),
                person("i2", Some("i1")),
                person("i3", Some("i2")),
            ],
            actions: vec![crate::domain::Action {
                id: "t1".into(),
                text: "call".into(),
                influence: Some("i2".into()),
                ..Default::default()
            }],
            ..Opportunity::default()
        });
        ws
    }

    /// `ws` after `change`.
    pub fn after(ws: &Workspace, change: &crate::domain::change::Change) -> Workspace {
        let mut ws = ws.clone();
        change.apply(&mut ws);
        ws
    }
}
