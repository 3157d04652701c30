//! What can float over a screen. Each dialog names its keymap scopes, so
//! its keys, hint line and help come from the one table like a screen's.

use super::app::FormPurpose;
use super::cursor::ListCursor;
use super::form::Form;
use super::keymap::Scope;
use super::text_input::TextInput;
use crate::domain::edit::Change;
use crate::domain::{ActionId, OpportunityId};

/// Which list the filter prompt narrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterTarget {
    /// View 1's opportunities.
    Pipeline,
    /// View 2's action list.
    Actions,
    /// View 4's accounts.
    Accounts,
    /// View 8's people.
    People,
}

/// A yes/no question that carries the change a yes makes, built when the
/// question was asked: what is shown is what is done.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    /// " Delete ", " Remove ".
    pub title: &'static str,
    pub question: String,
    pub change: Change,
    /// Said when the answer is no.
    pub kept: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Form(Form, FormPurpose),
    Confirm(Confirm),
    /// New due date for an action: quick picks or a typed date.
    Reschedule {
        opportunity: OpportunityId,
        action: ActionId,
        typed: TextInput,
        /// More actions moved to the same date (the marked ones in view 2).
        more: Vec<(OpportunityId, ActionId)>,
    },
    /// The political map of a deal; the cursor is a row of its power tree.
    PoliticalMap {
        opportunity: OpportunityId,
        cursor: ListCursor,
    },
    /// A log entry in full; the cursor is the first line shown.
    LogEntry {
        title: String,
        text: String,
        scroll: ListCursor,
    },
    /// View 1's quick add: a new deal typed on one line
    /// ([`crate::domain::quick_add`]).
    QuickAdd(TextInput),
    /// The filter prompt; the text lives in the screen it filters.
    Filter(FilterTarget),
    /// The keys of the screen's focused pane, from these scopes, under this
    /// title.
    Help {
        title: &'static str,
        scopes: &'static [Scope],
        /// The first row shown, when the keys take more rows than the
        /// screen has.
        scroll: ListCursor,
        /// The dialog the help was opened over, shown again when it closes.
        under: Option<Box<Dialog>>,
    },
    /// The merge's conflicts, to resolve one by one (spec section 13).
    Conflicts(ConflictList),
}

/// The conflict list: the selected conflict, and the value being typed
/// for it, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConflictList {
    pub cursor: ListCursor,
    /// `e`: the value typed for the selected conflict (starts as ours).
    pub edit: Option<TextInput>,
}

impl ConflictList {
    pub fn scopes(&self) -> &'static [Scope] {
        if self.edit.is_some() {
            &[Scope::Always, Scope::ConflictEdit]
        } else {
            &[Scope::Always, Scope::Conflicts, Scope::List]
        }
    }
}

impl Dialog {
    /// Where the dialog's keys are looked up, first match wins.
    pub fn scopes(&self) -> &'static [Scope] {
        match self {
            Dialog::Form(form, _) => form.scopes(),
            Dialog::Confirm(_) => &[Scope::Always, Scope::Confirm],
            Dialog::Reschedule { .. } => &[Scope::Always, Scope::Reschedule],
            Dialog::PoliticalMap { .. } => &[Scope::Always, Scope::PoliticalMap, Scope::List],
            Dialog::LogEntry { .. } => &[Scope::Always, Scope::LogEntry, Scope::List],
            Dialog::QuickAdd(_) => &[Scope::Always, Scope::QuickAdd],
            Dialog::Filter(_) => &[Scope::Always, Scope::Filter],
            Dialog::Help { .. } => &[Scope::Always, Scope::Help, Scope::List],
            Dialog::Conflicts(list) => list.scopes(),
        }
    }
}
