//! The workbench's state and its update: keys become actions, actions
//! change the state and return effects (save, open an editor, quit) that the
//! loop carries out. No IO here, so every action is tested by feeding it.

mod dialogs;
mod panes;
mod views;

use super::form::{self, Form};
use super::forms;
pub use super::forms::FormPurpose;
use super::history::History;
use super::keymap::{self, Action, Scope};
use super::theme::Theme;
pub use crate::domain::edit::LongText;
use crate::domain::edit::{self, Change};
use crate::domain::{AccountId, ActionId, InfluenceId, ManualFlagId, OpportunityId};
use crate::domain::{Date, Money, Stage, Workspace};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The panes of the pipeline view, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// View 2: the prioritised action list.
    ActionList,
    /// View 5: the weekly review walk.
    Review,
    /// View 3: the funnel.
    Funnel,
    /// View 4: the accounts.
    Accounts,
    Table,
    Qualification,
    Influences,
    Flags,
    Actions,
    Log,
}

impl Pane {
    pub const ORDER: [Pane; 6] = [
        Pane::Table,
        Pane::Qualification,
        Pane::Influences,
        Pane::Flags,
        Pane::Actions,
        Pane::Log,
    ];

    /// Where keys are looked up when this pane has the focus, first match wins.
    pub fn scopes(self) -> &'static [Scope] {
        match self {
            Pane::Table => &[Scope::Table, Scope::Deal, Scope::List, Scope::Global],
            Pane::ActionList => &[Scope::ActionList, Scope::List, Scope::Global],
            Pane::Review => &[Scope::Review, Scope::List, Scope::Global],
            Pane::Funnel => &[Scope::Funnel, Scope::List, Scope::Global],
            Pane::Accounts => &[Scope::Accounts, Scope::List, Scope::Global],
            Pane::Qualification => &[
                Scope::Qualification,
                Scope::Deal,
                Scope::List,
                Scope::Global,
            ],
            Pane::Log => &[Scope::Log, Scope::Deal, Scope::List, Scope::Global],
            Pane::Influences => &[Scope::Influences, Scope::Deal, Scope::List, Scope::Global],
            Pane::Actions => &[Scope::Actions, Scope::Deal, Scope::List, Scope::Global],
            Pane::Flags => &[Scope::Flags, Scope::Deal, Scope::List, Scope::Global],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Pane::Table => "opportunities",
            Pane::Qualification => "qualification",
            Pane::Influences => "buying influences",
            Pane::Flags => "red flags",
            Pane::Actions => "actions",
            Pane::Log => "log",
            Pane::ActionList => "action list",
            Pane::Review => "weekly review",
            Pane::Funnel => "funnel",
            Pane::Accounts => "accounts",
        }
    }

    fn detail_slot(self) -> usize {
        Pane::ORDER
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0)
            .saturating_sub(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Stage,
    Value,
    Close,
    Days,
}

impl SortKey {
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Stage => "stage",
            SortKey::Value => "value",
            SortKey::Close => "close date",
            SortKey::Days => "days in stage",
        }
    }
    fn next(self) -> SortKey {
        match self {
            SortKey::Stage => SortKey::Value,
            SortKey::Value => SortKey::Close,
            SortKey::Close => SortKey::Days,
            SortKey::Days => SortKey::Stage,
        }
    }
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    Quit,
    Reload,
    /// Suspend the screen and edit `text` in `$EDITOR`; the result comes
    /// back through [`App::text_edited`].
    EditText {
        field: LongText,
        opportunity: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Form(Form, FormPurpose),
    /// Asks before deleting the opportunity with this id.
    ConfirmDelete(String),
    /// Asks before removing a person: (opportunity id, influence id).
    ConfirmDeleteInfluence(String, String),
    /// Asks before deleting the account with this id.
    ConfirmDeleteAccount(String),
    /// Asks before deleting an action: (opportunity id, action id).
    ConfirmDeleteAction(String, String),
    /// New due date for an action: quick picks or a typed date.
    Reschedule {
        opportunity: String,
        action: String,
        typed: String,
    },
    /// The political map of the selected deal; `selected` is a row of the
    /// power tree.
    PoliticalMap {
        selected: usize,
    },
    Filter,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// Count and value of the open deals of one stage, for the strip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageSum {
    pub count: usize,
    pub value: Money,
    pub weighted: Money,
}

pub struct App {
    pub ws: Workspace,
    pub today: Date,
    pub theme: Theme,
    /// Where the workspace is, for the title bar.
    pub location: String,
    /// Why edits are refused, if they are.
    pub read_only: Option<String>,
    pub focus: Pane,
    /// Indices into `ws.opportunities` of the open deals shown, in order.
    pub rows: Vec<usize>,
    /// Position in `rows`.
    pub selected: usize,
    /// Selection in each detail pane (qualification … log).
    pub detail: [usize; 5],
    pub sort: SortKey,
    pub filter: String,
    pub dialog: Option<Dialog>,
    pub history: History,
    pub status: Option<(String, Tone)>,
    pub disk_changed: bool,
    pub strip: [StageSum; 5],
    /// What the filter searches, per opportunity; built on the first
    /// filtered refresh after the data changed, so typing a filter over
    /// 10,000 deals does not lower-case them all at every key.
    haystacks: Option<Vec<String>>,
    /// Why the last save failed, until one succeeds: `q` then asks twice.
    pub unsaved: Option<String>,
    quit_armed: bool,
    /// Which view is shown (1 pipeline, 2 actions).
    pub view: View,
    /// View 2: the prioritised list, as of the last change.
    pub action_list: Vec<crate::domain::priority::Entry>,
    pub action_selected: usize,
    pub action_filter: String,
    /// View 5: the review walk, once started.
    pub walk: Option<super::review::Walk>,
    /// View 3: the figures, as of the last change; by value or by count.
    pub metrics: Option<crate::domain::metrics::Metrics>,
    pub funnel_by_value: bool,
    pub funnel_selected: usize,
    /// View 4: the selected account.
    pub account_selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Pipeline,
    Actions,
    Funnel,
    Accounts,
    Review,
}

impl App {
    pub fn new(ws: Workspace, today: Date, location: String, read_only: Option<String>) -> App {
        let mut app = App {
            ws,
            today,
            theme: Theme::from_env(),
            location,
            read_only,
            focus: Pane::Table,
            rows: Vec::new(),
            selected: 0,
            detail: [0; 5],
            sort: SortKey::Stage,
            filter: String::new(),
            dialog: None,
            history: History::default(),
            status: None,
            disk_changed: false,
            strip: [StageSum::default(); 5],
            haystacks: None,
            unsaved: None,
            quit_armed: false,
            view: View::Pipeline,
            action_list: Vec::new(),
            action_selected: 0,
            action_filter: String::new(),
            walk: None,
            metrics: None,
            funnel_by_value: true,
            funnel_selected: 0,
            account_selected: 0,
        };
        app.refresh(None);
        app
    }

    /// Index in `ws.opportunities` of the selected deal.
    pub fn current(&self) -> Option<usize> {
        self.rows
            .get(self.selected)
            .copied()
            .filter(|i| *i < self.ws.opportunities.len())
    }

    pub fn current_opportunity(&self) -> Option<&crate::domain::Opportunity> {
        self.current().map(|i| &self.ws.opportunities[i])
    }

    pub fn detail_selection(&self, pane: Pane) -> usize {
        self.detail[pane.detail_slot()]
    }

    pub fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.status = Some((text.into(), tone));
    }

    /// Recomputes the rows and the strip after data, filter or sort change,
    /// keeping the selection on `keep` (an opportunity id) when it is shown.
    pub fn refresh(&mut self, keep: Option<String>) {
        let keep = keep.or_else(|| self.current_opportunity().map(|o| o.id.clone()));
        let settings = &self.ws.settings;
        let mut strip = [StageSum::default(); 5];
        for o in self.ws.opportunities.iter().filter(|o| o.is_open()) {
            let s = &mut strip[o.stage.index()];
            s.count += 1;
            s.value += o.value;
            s.weighted += o.weighted(settings);
        }
        self.strip = strip;
        let needle = self.filter.to_lowercase();
        if !needle.is_empty() && self.haystacks.is_none() {
            let names = self
                .ws
                .accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str()))
                .collect();
            self.haystacks = Some(
                self.ws
                    .opportunities
                    .iter()
                    .map(|o| super::filter::haystack(&names, o))
                    .collect(),
            );
        }
        let ws = &self.ws;
        let haystacks = self.haystacks.as_deref().unwrap_or_default();
        let mut rows: Vec<usize> = ws
            .opportunities
            .iter()
            .enumerate()
            .filter(|(_, o)| o.is_open())
            .filter(|(i, _)| {
                needle.is_empty() || haystacks.get(*i).is_some_and(|h| h.contains(&needle))
            })
            .map(|(i, _)| i)
            .collect();
        let today = self.today;
        let opp = |i: &usize| &ws.opportunities[*i];
        match self.sort {
            SortKey::Stage => rows.sort_by_key(|i| {
                let o = opp(i);
                (o.stage, o.expected_close.is_none(), o.expected_close)
            }),
            SortKey::Value => rows.sort_by_key(|i| std::cmp::Reverse(opp(i).value)),
            SortKey::Close => {
                rows.sort_by_key(|i| (opp(i).expected_close.is_none(), opp(i).expected_close))
            }
            SortKey::Days => rows.sort_by_key(|i| std::cmp::Reverse(opp(i).days_in_stage(today))),
        }
        self.rows = rows;
        let found = keep.as_ref().and_then(|id| {
            self.rows
                .iter()
                .position(|i| &self.ws.opportunities[*i].id == id)
        });
        self.selected = found
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        // another deal selected: its lists start at the top; the same deal:
        // keep each list's place, within its new length
        if found.is_none() {
            self.detail = [0; 5];
        }
        for pane in &Pane::ORDER[1..] {
            let len = self.pane_len(*pane);
            let slot = &mut self.detail[pane.detail_slot()];
            *slot = (*slot).min(len.saturating_sub(1));
        }
        if self.rows.is_empty() && self.view == View::Pipeline {
            self.focus = Pane::Table;
        }
        if self.view == View::Actions {
            self.refresh_actions();
        }
        if self.view == View::Funnel {
            self.metrics = Some(crate::domain::metrics::compute(&self.ws, self.today));
        }
    }

    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            // Ctrl-c quits from anywhere, a dialog included (what it held
            // was not saved, and was not meant to be yet)
            self.dialog = None;
            return self.apply(Action::Quit);
        }
        if let Some(dialog) = self.dialog.take() {
            return self.on_dialog_key(dialog, key);
        }
        match keymap::lookup(&key, self.focus.scopes()) {
            Some(action) => self.apply(action),
            None => {
                if let KeyCode::Char(c) = key.code {
                    self.say(
                        format!("{c}: no such key in this pane; ? lists the keys"),
                        Tone::Info,
                    );
                }
                Vec::new()
            }
        }
    }

    /// Text pasted in the terminal (bracketed paste): it fills the focused
    /// form field or the filter, and is never read as keys.
    pub fn on_paste(&mut self, text: &str) {
        match &mut self.dialog {
            Some(Dialog::Form(form, _)) => form.paste(text),
            Some(Dialog::Filter) => {
                let line: String = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                self.filter.push_str(line.trim());
                self.refresh(None);
            }
            _ => self.say("paste goes into a form field or the filter (/)", Tone::Info),
        }
    }

    /// A save succeeded: nothing is pending any more.
    pub fn saved(&mut self) {
        self.unsaved = None;
    }

    fn refuse_if_read_only(&mut self, action: Action) -> bool {
        let edits = matches!(
            action,
            Action::NewOpportunity
                | Action::Add
                | Action::Edit
                | Action::Delete
                | Action::StageNext
                | Action::StagePrev
                | Action::Won
                | Action::Lost
                | Action::Toggle
                | Action::EditObjective
                | Action::EditNotes
                | Action::CycleAttitude
                | Action::CycleMode
                | Action::CycleCoverage
                | Action::CycleInfluence
                | Action::ContactToday
                | Action::Done
                | Action::Snooze
                | Action::Reschedule
                | Action::Finish
                | Action::Undo
                | Action::Redo
        );
        match (&self.read_only, edits) {
            (Some(why), true) => {
                let why = why.clone();
                self.say(format!("{why}: nothing was changed"), Tone::Warning);
                true
            }
            _ => false,
        }
    }

    /// Carries out one action of the keymap.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        self.status = None;
        let armed = std::mem::replace(&mut self.quit_armed, false);
        if action == Action::Quit {
            if let (Some(why), false) = (&self.unsaved, armed) {
                let text = format!(
                    "the last change was NOT saved ({why}); press q again to quit without it"
                );
                self.say(text, Tone::Error);
                self.quit_armed = true;
                return Vec::new();
            }
            return vec![Effect::Quit];
        }
        if self.refuse_if_read_only(action) {
            return Vec::new();
        }
        let current = self.current();
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Help => self.dialog = Some(Dialog::Help),
            Action::ViewPipeline => {
                self.view = View::Pipeline;
                self.focus = Pane::Table;
            }
            Action::ViewActions => {
                self.view = View::Actions;
                self.focus = Pane::ActionList;
                self.refresh_actions();
            }
            Action::ViewFunnel => {
                self.view = View::Funnel;
                self.focus = Pane::Funnel;
                self.metrics = Some(crate::domain::metrics::compute(&self.ws, self.today));
            }
            Action::ViewAccounts => {
                self.view = View::Accounts;
                self.focus = Pane::Accounts;
                self.account_selected = self
                    .account_selected
                    .min(self.ws.accounts.len().saturating_sub(1));
            }
            Action::ViewReview => {
                self.view = View::Review;
                self.focus = Pane::Review;
                let walk = super::review::Walk::start(&self.ws, self.today);
                if walk.done() > 0 {
                    self.say(
                        format!(
                            "review resumed: {} of {} done",
                            walk.done(),
                            walk.order.len()
                        ),
                        Tone::Info,
                    );
                }
                self.walk = Some(walk);
            }
            Action::FocusNext | Action::FocusPrev => self.move_focus(action == Action::FocusNext),
            _ if self.view == View::Funnel
                && matches!(
                    action,
                    Action::Down
                        | Action::Up
                        | Action::Top
                        | Action::Bottom
                        | Action::Open
                        | Action::Toggle
                ) =>
            {
                return self.apply_in_funnel(action);
            }
            _ if self.view == View::Accounts
                && matches!(
                    action,
                    Action::Down
                        | Action::Up
                        | Action::Top
                        | Action::Bottom
                        | Action::Open
                        | Action::Add
                        | Action::Edit
                        | Action::Delete
                ) =>
            {
                return self.apply_in_accounts(action);
            }
            _ if self.view == View::Review
                && !matches!(
                    action,
                    Action::Undo
                        | Action::Redo
                        | Action::Reload
                        | Action::FocusNext
                        | Action::FocusPrev
                        | Action::NewOpportunity
                ) =>
            {
                return self.apply_in_review(action);
            }
            _ if self.view == View::Actions
                && !matches!(
                    action,
                    Action::Undo
                        | Action::Redo
                        | Action::Reload
                        | Action::Filter
                        | Action::FocusNext
                        | Action::FocusPrev
                        | Action::NewOpportunity
                ) =>
            {
                return self.apply_in_action_list(action);
            }
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::Top => self.move_selection(isize::MIN),
            Action::Bottom => self.move_selection(isize::MAX),
            Action::Open if current.is_some() && self.focus == Pane::Influences => {
                self.dialog = Some(Dialog::PoliticalMap { selected: 0 })
            }
            Action::Open if current.is_some() && self.focus == Pane::Flags => {
                return self.apply_to_flag(action, current.unwrap_or_default());
            }
            Action::Open if current.is_some() => self.focus = Pane::Qualification,
            Action::Filter => self.dialog = Some(Dialog::Filter),
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh(None);
                self.say(format!("sorted by {}", self.sort.name()), Tone::Info);
            }
            Action::NewOpportunity => {
                self.dialog = Some(Dialog::Form(
                    forms::opportunity_form(&self.ws, None),
                    FormPurpose::NewOpportunity,
                ))
            }
            Action::Reload if self.disk_changed => return vec![Effect::Reload],
            Action::Reload => self.say("the file has not changed on disk", Tone::Info),
            Action::Undo => return self.undo_redo(true),
            Action::Redo => return self.undo_redo(false),
            _ => match current {
                Some(index) => return self.apply_to_deal(action, index),
                None => self.say("no opportunity selected: press n to create one", Tone::Info),
            },
        }
        Vec::new()
    }

    fn apply_to_deal(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let person_actions = matches!(
            action,
            Action::Add
                | Action::Edit
                | Action::Delete
                | Action::CycleAttitude
                | Action::CycleMode
                | Action::CycleCoverage
                | Action::CycleInfluence
                | Action::ContactToday
        );
        if self.focus == Pane::Influences && person_actions {
            return self.apply_to_person(action, index);
        }
        if self.focus == Pane::Flags
            && matches!(
                action,
                Action::Add | Action::Edit | Action::Done | Action::Snooze
            )
        {
            return self.apply_to_flag(action, index);
        }
        if self.focus == Pane::Actions
            && matches!(
                action,
                Action::Add | Action::Edit | Action::Done | Action::Delete | Action::Reschedule
            )
        {
            let o = &self.ws.opportunities[index];
            let selected = crate::domain::opportunity::actions_in_order(o)
                .get(self.detail_selection(Pane::Actions))
                .map(|a| a.id.clone());
            return self.apply_to_action(action, index, selected);
        }
        let o = &self.ws.opportunities[index];
        let id = o.id.clone();
        match action {
            Action::Edit => {
                self.dialog = Some(Dialog::Form(
                    forms::opportunity_form(&self.ws, Some(o)),
                    FormPurpose::EditOpportunity(OpportunityId::new(id)),
                ))
            }
            Action::Delete => self.dialog = Some(Dialog::ConfirmDelete(id)),
            Action::StageNext | Action::StagePrev => {
                let forward = action == Action::StageNext;
                let target = if forward {
                    o.stage.next()
                } else {
                    o.stage.previous()
                };
                match target {
                    Some(stage) => {
                        let id = OpportunityId::new(id);
                        if let Ok(change) = edit::set_stage(&self.ws, &id, stage, self.today) {
                            return self.commit(change);
                        }
                    }
                    None if forward => self.say("already in close: W marks it won", Tone::Info),
                    None => self.say("already in qualify, the first stage", Tone::Info),
                }
            }
            Action::Won | Action::Lost => {
                let won = action == Action::Won;
                self.dialog = Some(Dialog::Form(
                    forms::close_form(o, won),
                    forms::close_purpose(won, OpportunityId::new(id)),
                ));
            }
            Action::Toggle => {
                let which = edit::Condition::at(self.detail_selection(Pane::Qualification));
                let id = OpportunityId::new(id);
                if let Ok(change) = edit::cycle_condition(&self.ws, &id, which) {
                    return self.commit(change);
                }
            }
            Action::Add => {
                self.dialog = Some(Dialog::Form(
                    forms::log_form(self.today),
                    FormPurpose::LogEntry(OpportunityId::new(id)),
                ))
            }
            Action::EditObjective => {
                return vec![Effect::EditText {
                    field: LongText::Objective,
                    opportunity: id,
                    text: o.objective.clone(),
                }];
            }
            Action::EditNotes => {
                return vec![Effect::EditText {
                    field: LongText::Notes,
                    opportunity: id,
                    text: o.notes.clone(),
                }];
            }
            _ => {}
        }
        Vec::new()
    }

    /// The text came back from `$EDITOR`.
    pub fn text_edited(&mut self, field: LongText, opportunity: &str, text: String) -> Vec<Effect> {
        let id = OpportunityId::new(opportunity);
        if self.ws.opportunity(opportunity).is_none() {
            self.say(
                "the opportunity is gone; the edited text was not kept",
                Tone::Warning,
            );
            return Vec::new();
        }
        match edit::set_long_text(&self.ws, &id, field, &text) {
            Ok(change) => self.commit(change),
            Err(_) => {
                self.say("unchanged", Tone::Info);
                Vec::new()
            }
        }
    }

    /// The editor could not be run.
    pub fn editor_failed(&mut self, why: String) {
        self.say(why, Tone::Error);
    }

    /// A save failed: nothing on disk changed; say so plainly.
    pub fn save_failed(&mut self, why: String) {
        self.unsaved = Some(why.clone());
        self.say(format!("NOT SAVED: {why}"), Tone::Error);
    }

    pub fn saw_disk_change(&mut self) {
        if !self.disk_changed {
            self.disk_changed = true;
        }
    }

    /// The workspace was read again from disk.
    pub fn reloaded(&mut self, ws: Workspace) {
        let keep = self.current_opportunity().map(|o| o.id.clone());
        self.ws = ws;
        self.haystacks = None;
        self.rows.clear();
        self.history.clear();
        self.disk_changed = false;
        self.refresh(keep);
        self.say("reloaded from disk (undo history cleared)", Tone::Info);
    }

    fn commit(&mut self, change: Change) -> Vec<Effect> {
        let label = change.label.clone();
        let keep = self.current_opportunity().map(|o| o.id.clone());
        self.history.commit(&mut self.ws, change);
        self.haystacks = None;
        self.refresh(keep);
        self.say(label, Tone::Info);
        vec![Effect::Save]
    }

    fn undo_redo(&mut self, undo: bool) -> Vec<Effect> {
        let done = if undo {
            self.history.undo(&mut self.ws)
        } else {
            self.history.redo(&mut self.ws)
        };
        self.haystacks = None;
        match done {
            Some(label) => {
                self.refresh(None);
                self.say(
                    format!("{}: {label}", if undo { "undone" } else { "redone" }),
                    Tone::Info,
                );
                vec![Effect::Save]
            }
            None => {
                self.say(
                    if undo {
                        "nothing to undo"
                    } else {
                        "nothing to redo"
                    },
                    Tone::Info,
                );
                Vec::new()
            }
        }
    }

    fn move_focus(&mut self, forward: bool) {
        if self.current().is_none() {
            self.focus = Pane::Table;
            return;
        }
        let n = Pane::ORDER.len();
        let at = Pane::ORDER
            .iter()
            .position(|p| *p == self.focus)
            .unwrap_or(0);
        self.focus = Pane::ORDER[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// Length of the focused list.
    pub fn pane_len(&self, pane: Pane) -> usize {
        let Some(o) = self.current_opportunity() else {
            return 0;
        };
        match pane {
            Pane::Table => self.rows.len(),
            Pane::ActionList => self.action_list.len(),
            Pane::Review => self.walk.as_ref().map_or(0, |w| w.order.len()),
            Pane::Funnel => self.funnel_deals().len(),
            Pane::Accounts => self.ws.accounts.len(),
            Pane::Qualification => 4,
            Pane::Influences => crate::domain::influence::map_rows(&o.influences).len(),
            Pane::Flags => crate::domain::flags::compute(o, &self.ws.settings, self.today).len(),
            Pane::Actions => o.actions.len(),
            Pane::Log => o.log.len(),
        }
    }

    fn move_selection(&mut self, by: isize) {
        let len = if self.focus == Pane::Table {
            self.rows.len()
        } else {
            self.pane_len(self.focus)
        };
        if len == 0 {
            return;
        }
        let at = match self.focus {
            Pane::Table => &mut self.selected,
            pane => &mut self.detail[pane.detail_slot()],
        };
        *at = match by {
            isize::MIN => 0,
            isize::MAX => len - 1,
            by => (*at as isize + by).clamp(0, len as isize - 1) as usize,
        };
        if self.focus == Pane::Table {
            self.detail = [0; 5];
        }
    }

    /// Stage of the selected deal, for views.
    pub fn current_stage(&self) -> Option<Stage> {
        self.current_opportunity().map(|o| o.stage)
    }
}
