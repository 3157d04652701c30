//! The workbench's state and its update: keys become actions, actions
//! change the state and return effects (save, open an editor, quit) that the
//! loop carries out. No IO here, so every action is tested by feeding it.

use super::edits;
use super::form::{self, Form};
use super::history::{Change, History};
use super::keymap::{self, Action, Scope};
use super::theme::Theme;
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

/// Long texts edited in `$EDITOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongText {
    Objective,
    Notes,
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

/// What a submitted form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    NewOpportunity,
    EditOpportunity(String),
    Close(crate::domain::OutcomeResult, String),
    LogEntry(String),
    /// A new buying influence on the opportunity with this id.
    NewInfluence(String),
    /// (opportunity id, influence id)
    EditInfluence(String, String),
    /// A flag raised by hand on the opportunity with this id.
    NewFlag(String),
    /// (opportunity id, manual flag id)
    EditFlag(String, String),
    /// (opportunity id, rule, subject): snooze a computed flag.
    Snooze(String, String, Option<String>),
    NewAction(String),
    /// (opportunity id, action id)
    EditAction(String, String),
    NewAccount,
    /// The account with this id.
    EditAccount(String),
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
                    .map(|o| edits::haystack(&names, o))
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

    /// Rebuilds view 2's list, keeping the selection on the same entry.
    pub fn refresh_actions(&mut self) {
        let key = |ws: &Workspace, e: &crate::domain::priority::Entry| {
            (
                ws.opportunities.get(e.opportunity).map(|o| o.id.clone()),
                e.action.clone(),
                e.text.clone(),
            )
        };
        let kept = self
            .action_list
            .get(self.action_selected)
            .map(|e| key(&self.ws, e));
        let needle = self.action_filter.to_lowercase();
        let ws = &self.ws;
        self.action_list = crate::domain::priority::list(ws, self.today)
            .into_iter()
            .filter(|e| {
                needle.is_empty()
                    || e.text.to_lowercase().contains(&needle)
                    || ws.opportunities[e.opportunity]
                        .title
                        .to_lowercase()
                        .contains(&needle)
            })
            .collect();
        let found = kept.and_then(|k| self.action_list.iter().position(|e| key(&self.ws, e) == k));
        self.action_selected = found
            .unwrap_or(self.action_selected)
            .min(self.action_list.len().saturating_sub(1));
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

    fn on_dialog_key(&mut self, dialog: Dialog, key: KeyEvent) -> Vec<Effect> {
        match dialog {
            Dialog::Help => Vec::new(),
            Dialog::PoliticalMap { selected } => {
                let len = self.current_opportunity().map_or(0, |o| o.influences.len());
                let last = len.saturating_sub(1);
                let selected = match key.code {
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => return Vec::new(),
                    KeyCode::Char('j') | KeyCode::Down => (selected + 1).min(last),
                    KeyCode::Char('k') | KeyCode::Up => selected.saturating_sub(1),
                    KeyCode::Char('g') | KeyCode::Home => 0,
                    KeyCode::Char('G') | KeyCode::End => last,
                    _ => selected,
                };
                self.dialog = Some(Dialog::PoliticalMap { selected });
                Vec::new()
            }
            Dialog::ConfirmDeleteAccount(id) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    match edits::delete_account(&self.ws, &id) {
                        Some(change) => self.commit(change),
                        None => Vec::new(),
                    }
                }
                _ => {
                    self.say("not deleted", Tone::Info);
                    Vec::new()
                }
            },
            Dialog::ConfirmDeleteAction(opp, action) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    match edits::delete_action(&self.ws, &opp, &action) {
                        Some(change) => self.commit(change),
                        None => Vec::new(),
                    }
                }
                _ => {
                    self.say("not deleted", Tone::Info);
                    Vec::new()
                }
            },
            Dialog::Reschedule {
                opportunity,
                action,
                mut typed,
            } => {
                let pick = match key.code {
                    KeyCode::Esc => {
                        self.say("cancelled, nothing changed", Tone::Info);
                        return Vec::new();
                    }
                    KeyCode::Char('t') => Some(self.today),
                    KeyCode::Char('m') => Some(self.today.plus_days(1)),
                    KeyCode::Char('w') => Some(self.today.plus_days(7)),
                    KeyCode::Enter => {
                        match Date::parse(typed.trim()) {
                            Some(d) => Some(d),
                            None => {
                                self.say("expected a date YYYY-MM-DD, or t today, m tomorrow, w next week", Tone::Error);
                                None
                            }
                        }
                    }
                    KeyCode::Backspace => {
                        typed.pop();
                        None
                    }
                    KeyCode::Char(c) if c.is_ascii_digit() || c == '-' => {
                        typed.push(c);
                        None
                    }
                    _ => None,
                };
                match pick {
                    Some(due) => match edits::reschedule(&self.ws, &opportunity, &action, due) {
                        Some(change) => self.commit(change),
                        None => {
                            self.say("unchanged", Tone::Info);
                            Vec::new()
                        }
                    },
                    None => {
                        self.dialog = Some(Dialog::Reschedule {
                            opportunity,
                            action,
                            typed,
                        });
                        Vec::new()
                    }
                }
            }
            Dialog::ConfirmDeleteInfluence(opp, person) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    match edits::delete_influence(&self.ws, &opp, &person) {
                        Some(change) => self.commit(change),
                        None => Vec::new(),
                    }
                }
                _ => {
                    self.say("not removed", Tone::Info);
                    Vec::new()
                }
            },
            Dialog::ConfirmDelete(id) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    self.commit(edits::delete(&self.ws, &id))
                }
                _ => {
                    self.say("not deleted", Tone::Info);
                    Vec::new()
                }
            },
            Dialog::Filter => {
                let filter = match self.view {
                    View::Pipeline | View::Review | View::Funnel | View::Accounts => {
                        &mut self.filter
                    }
                    View::Actions => &mut self.action_filter,
                };
                match key.code {
                    KeyCode::Esc => filter.clear(),
                    KeyCode::Enter => return Vec::new(),
                    KeyCode::Backspace => {
                        filter.pop();
                    }
                    KeyCode::Char(c) if !c.is_control() => filter.push(c),
                    _ => {}
                }
                if key.code != KeyCode::Esc {
                    self.dialog = Some(Dialog::Filter);
                }
                self.selected = 0;
                self.action_selected = 0;
                self.refresh(None);
                Vec::new()
            }
            Dialog::Form(mut form, purpose) => match form.handle(&key) {
                form::Outcome::Continue => {
                    self.dialog = Some(Dialog::Form(form, purpose));
                    Vec::new()
                }
                form::Outcome::Cancel => {
                    self.say("cancelled, nothing changed", Tone::Info);
                    Vec::new()
                }
                form::Outcome::Submit => {
                    match edits::from_form(&self.ws, &form, &purpose, self.today) {
                        Err(why) => {
                            // the form stays open with what was typed
                            self.dialog = Some(Dialog::Form(form, purpose));
                            self.say(why, Tone::Error);
                            Vec::new()
                        }
                        Ok(None) => {
                            self.say("unchanged", Tone::Info);
                            Vec::new()
                        }
                        Ok(Some((change, keep))) => {
                            let effects = self.commit(change);
                            self.refresh(keep.clone());
                            // an edit that takes the deal out of the filter would
                            // make it vanish and move the selection to another
                            let hidden = keep.as_ref().is_some_and(|id| {
                                self.current_opportunity().is_none_or(|o| &o.id != id)
                            });
                            let open = keep.as_ref().is_some_and(|id| {
                                self.ws.opportunity(id).is_some_and(|o| o.is_open())
                            });
                            if hidden && open && !self.filter.is_empty() {
                                self.filter.clear();
                                self.refresh(keep);
                                let label =
                                    self.status.as_ref().map_or(String::new(), |s| s.0.clone());
                                self.say(
                                    format!("{label} (filter cleared to keep it in view)"),
                                    Tone::Info,
                                );
                            }
                            effects
                        }
                    }
                }
            },
        }
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
                let len = self.funnel_deals().len();
                match action {
                    Action::Down => {
                        self.funnel_selected = (self.funnel_selected + 1).min(len.saturating_sub(1))
                    }
                    Action::Up => self.funnel_selected = self.funnel_selected.saturating_sub(1),
                    Action::Top => self.funnel_selected = 0,
                    Action::Bottom => self.funnel_selected = len.saturating_sub(1),
                    Action::Toggle => self.funnel_by_value = !self.funnel_by_value,
                    _ => match self.funnel_deals().get(self.funnel_selected) {
                        Some((index, _)) => self.jump_to(*index, None),
                        None => self.say("no stalled or slipping deal", Tone::Info),
                    },
                }
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
                let len = self.ws.accounts.len();
                match action {
                    Action::Down => {
                        self.account_selected =
                            (self.account_selected + 1).min(len.saturating_sub(1))
                    }
                    Action::Up => self.account_selected = self.account_selected.saturating_sub(1),
                    Action::Top => self.account_selected = 0,
                    Action::Bottom => self.account_selected = len.saturating_sub(1),
                    Action::Add => {
                        self.dialog = Some(Dialog::Form(
                            edits::account_form(None),
                            FormPurpose::NewAccount,
                        ))
                    }
                    _ => {
                        let Some(a) = self.ws.accounts.get(self.account_selected) else {
                            self.say("no account yet: a adds one", Tone::Info);
                            return Vec::new();
                        };
                        match action {
                            Action::Edit => {
                                self.dialog = Some(Dialog::Form(
                                    edits::account_form(Some(a)),
                                    FormPurpose::EditAccount(a.id.clone()),
                                ))
                            }
                            Action::Delete => {
                                let using: Vec<&str> = self
                                    .ws
                                    .opportunities
                                    .iter()
                                    .filter(|o| o.account == a.id)
                                    .map(|o| o.id.as_str())
                                    .collect();
                                if using.is_empty() {
                                    self.dialog = Some(Dialog::ConfirmDeleteAccount(a.id.clone()));
                                } else {
                                    let shown: Vec<&str> = using.iter().take(8).copied().collect();
                                    self.say(
                                        format!("{} has {} opportunities ({}{}): move or delete them first", a.name, using.len(), shown.join(", "), if using.len() > 8 { ", …" } else { "" }),
                                        Tone::Warning,
                                    );
                                }
                            }
                            _ => {
                                // Enter: the account's deals in view 1
                                self.filter = a.name.clone();
                                self.view = View::Pipeline;
                                self.focus = Pane::Table;
                                self.selected = 0;
                                self.refresh(None);
                            }
                        }
                    }
                }
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
                    edits::opportunity_form(&self.ws, None),
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

    /// The flag selected in the flag pane: visible ones first, then snoozed.
    pub fn selected_flag(&self) -> Option<crate::domain::flags::Flag> {
        let o = self.current_opportunity()?;
        edits::flag_rows(o, &self.ws.settings, self.today)
            .into_iter()
            .nth(self.detail_selection(Pane::Flags))
            .map(|(f, _)| f)
    }

    fn apply_to_flag(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let id = self.ws.opportunities[index].id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::manual_flag_form(None),
                FormPurpose::NewFlag(id),
            ));
            return Vec::new();
        }
        let Some(flag) = self.selected_flag() else {
            self.say("no flag selected: a raises one by hand", Tone::Info);
            return Vec::new();
        };
        let manual = flag.rule == "manual";
        match action {
            Action::Open => {
                let o = &self.ws.opportunities[index];
                if o.actions
                    .iter()
                    .any(|a| crate::domain::priority::addresses(a, &flag))
                {
                    self.say("an open action already addresses this flag", Tone::Info);
                } else {
                    return self
                        .commit(edits::action_from_flag(&self.ws, index, &flag, self.today));
                }
            }
            Action::Edit | Action::Done if !manual => self.say(
                "a computed flag goes away when its cause does; z snoozes it",
                Tone::Info,
            ),
            Action::Edit => {
                let o = &self.ws.opportunities[index];
                let f = o
                    .flags
                    .iter()
                    .find(|f| Some(&f.id) == flag.subject.as_ref());
                self.dialog = Some(Dialog::Form(
                    edits::manual_flag_form(f),
                    FormPurpose::EditFlag(id, flag.subject.unwrap_or_default()),
                ));
            }
            Action::Done => {
                let flag_id = flag.subject.unwrap_or_default();
                return self.commit(edits::resolve_flag(&self.ws, index, &flag_id, self.today));
            }
            Action::Snooze if manual => self.say(
                "a flag raised by hand is resolved (x), not snoozed",
                Tone::Info,
            ),
            Action::Snooze => {
                let o = &self.ws.opportunities[index];
                if crate::domain::flags::snoozed_by(o, &flag, self.today).is_some() {
                    return self.commit(edits::wake(&self.ws, index, &flag));
                }
                self.dialog = Some(Dialog::Form(
                    edits::snooze_form(&flag, self.today),
                    FormPurpose::Snooze(id, flag.rule.to_owned(), flag.subject),
                ));
            }
            _ => {}
        }
        Vec::new()
    }

    /// An action key on the action `id` of the deal at `index` (`None`: no
    /// action selected; only adding works then).
    pub fn apply_to_action(
        &mut self,
        action: Action,
        index: usize,
        id: Option<String>,
    ) -> Vec<Effect> {
        let o = &self.ws.opportunities[index];
        let opp = o.id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::action_form(o, None, self.today),
                FormPurpose::NewAction(opp),
            ));
            return Vec::new();
        }
        let Some(id) = id else {
            self.say("no action selected: a adds one", Tone::Info);
            return Vec::new();
        };
        match action {
            Action::Edit => {
                let a = o.actions.iter().find(|a| a.id == id);
                self.dialog = Some(Dialog::Form(
                    edits::action_form(o, a, self.today),
                    FormPurpose::EditAction(opp, id),
                ));
            }
            Action::Delete => self.dialog = Some(Dialog::ConfirmDeleteAction(opp, id)),
            Action::Reschedule => {
                self.dialog = Some(Dialog::Reschedule {
                    opportunity: opp,
                    action: id,
                    typed: String::new(),
                })
            }
            Action::Done => {
                if let Some(change) = edits::toggle_done(&self.ws, index, &id, self.today) {
                    return self.commit(change);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn apply_in_action_list(&mut self, action: Action) -> Vec<Effect> {
        let len = self.action_list.len();
        let step = |at: usize, by: isize| {
            (at as isize + by).clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match action {
            Action::Down => self.action_selected = step(self.action_selected, 1),
            Action::Up => self.action_selected = step(self.action_selected, -1),
            Action::Top => self.action_selected = 0,
            Action::Bottom => self.action_selected = len.saturating_sub(1),
            _ => {
                let Some(entry) = self.action_list.get(self.action_selected).cloned() else {
                    self.say("the list is empty", Tone::Info);
                    return Vec::new();
                };
                let index = entry.opportunity;
                match (action, &entry.action) {
                    (Action::Open, _) => self.jump_to(index, entry.action.as_deref()),
                    (Action::Add, None) => {
                        return self
                            .commit(edits::add_suggestion(&self.ws, index, &entry, self.today));
                    }
                    (Action::Add, Some(_)) => self.say(
                        "already an action; a adds a suggested one to its deal",
                        Tone::Info,
                    ),
                    (Action::Done | Action::Reschedule | Action::Edit, Some(id)) => {
                        return self.apply_to_action(action, index, Some(id.clone()));
                    }
                    (Action::Done | Action::Reschedule | Action::Edit, None) => self.say(
                        "a suggestion from a red flag: a adds it as an action",
                        Tone::Info,
                    ),
                    _ => {}
                }
            }
        }
        Vec::new()
    }

    fn apply_in_review(&mut self, action: Action) -> Vec<Effect> {
        let Some(mut walk) = self.walk.take() else {
            return Vec::new();
        };
        let len = walk.order.len();
        let mut effects = Vec::new();
        let index = walk
            .current()
            .and_then(|id| self.ws.opportunities.iter().position(|o| o.id == id));
        match action {
            Action::Down => walk.at = (walk.at + 1).min(len.saturating_sub(1)),
            Action::Up => walk.at = walk.at.saturating_sub(1),
            Action::Top => walk.at = 0,
            Action::Bottom => walk.at = len.saturating_sub(1),
            Action::Open | Action::Skip if self.read_only.is_none() => {
                walk.mark(action == Action::Open);
                walk.store(&mut self.ws, self.today);
                effects.push(Effect::Save);
                self.say(format!("{} of {} reviewed", walk.done(), len), Tone::Info);
            }
            Action::Edit => {
                if let Some(i) = index {
                    let o = &self.ws.opportunities[i];
                    self.dialog = Some(Dialog::Form(
                        edits::opportunity_form(&self.ws, Some(o)),
                        FormPurpose::EditOpportunity(o.id.clone()),
                    ));
                }
            }
            Action::Add => {
                if let Some(i) = index {
                    let o = &self.ws.opportunities[i];
                    self.dialog = Some(Dialog::Form(
                        edits::action_form(o, None, self.today),
                        FormPurpose::NewAction(o.id.clone()),
                    ));
                }
            }
            Action::Finish if self.read_only.is_none() => {
                let mut reviews = self.ws.reviews.clone();
                reviews.push(crate::domain::metrics::snapshot(&self.ws, self.today));
                let mut change = Change::new(format!(
                    "review of {} recorded ({} of {} reviewed)",
                    self.today,
                    walk.reviewed.len(),
                    len
                ));
                change.patches.push(super::history::Patch::Reviews {
                    before: self.ws.reviews.clone(),
                    after: reviews,
                });
                super::review::Walk::clear(&mut self.ws);
                self.view = View::Pipeline;
                self.focus = Pane::Table;
                return self.commit(change);
            }
            Action::Open | Action::Skip | Action::Finish => {
                self.say(
                    format!(
                        "{}: nothing was changed",
                        self.read_only.clone().unwrap_or_default()
                    ),
                    Tone::Warning,
                );
            }
            _ => {}
        }
        self.walk = Some(walk);
        effects
    }

    /// View 3's list of deals that need a look: stalled, then slipping
    /// (index, why).
    pub fn funnel_deals(&self) -> Vec<(usize, String)> {
        let Some(m) = &self.metrics else {
            return Vec::new();
        };
        let mut out: Vec<(usize, String)> = m
            .stalled
            .iter()
            .map(|i| {
                let o = &self.ws.opportunities[*i];
                (
                    *i,
                    format!(
                        "stalled {} days in {}",
                        o.days_in_stage(self.today).unwrap_or(0),
                        o.stage
                    ),
                )
            })
            .collect();
        out.extend(
            m.slipping
                .iter()
                .map(|(i, n)| (*i, format!("close date moved later {n}×"))),
        );
        out
    }

    /// View 1 on the deal at `index`, its actions pane on `action`.
    fn jump_to(&mut self, index: usize, action: Option<&str>) {
        self.view = View::Pipeline;
        let id = self.ws.opportunities[index].id.clone();
        if !self.rows.contains(&index) {
            self.filter.clear();
        }
        self.refresh(Some(id));
        self.focus = Pane::Actions;
        let o = &self.ws.opportunities[index];
        let at = action.and_then(|a| edits::actions_in_order(o).iter().position(|x| x.id == a));
        self.detail[Pane::Actions.detail_slot()] = at.unwrap_or(0);
    }

    /// The person selected in the influence pane, if any.
    pub fn selected_person(&self) -> Option<usize> {
        let o = self.current_opportunity()?;
        crate::domain::influence::map_rows(&o.influences)
            .get(self.detail_selection(Pane::Influences))
            .copied()
    }

    fn apply_to_person(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let o = &self.ws.opportunities[index];
        let id = o.id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::influence_form(o, None),
                FormPurpose::NewInfluence(id),
            ));
            return Vec::new();
        }
        let Some(person) = self.selected_person() else {
            self.say("nobody selected: a adds a buying influence", Tone::Info);
            return Vec::new();
        };
        let p = &o.influences[person];
        match action {
            Action::Edit => {
                let purpose = FormPurpose::EditInfluence(id, p.id.clone());
                self.dialog = Some(Dialog::Form(edits::influence_form(o, Some(p)), purpose));
                Vec::new()
            }
            Action::Delete => {
                self.dialog = Some(Dialog::ConfirmDeleteInfluence(id, p.id.clone()));
                Vec::new()
            }
            quick => match edits::quick_edit(&self.ws, index, person, quick, self.today) {
                Some(change) => self.commit(change),
                None => Vec::new(),
            },
        }
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
            let selected = edits::actions_in_order(o)
                .get(self.detail_selection(Pane::Actions))
                .map(|a| a.id.clone());
            return self.apply_to_action(action, index, selected);
        }
        let o = &self.ws.opportunities[index];
        let id = o.id.clone();
        match action {
            Action::Edit => {
                self.dialog = Some(Dialog::Form(
                    edits::opportunity_form(&self.ws, Some(o)),
                    FormPurpose::EditOpportunity(id),
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
                        return self.commit(edits::set_stage(&self.ws, index, stage, self.today));
                    }
                    None if forward => self.say("already in close: W marks it won", Tone::Info),
                    None => self.say("already in qualify, the first stage", Tone::Info),
                }
            }
            Action::Won | Action::Lost => {
                let won = action == Action::Won;
                self.dialog = Some(Dialog::Form(
                    edits::close_form(o, won),
                    edits::close_purpose(won, id),
                ));
            }
            Action::Toggle => {
                let which = self.detail_selection(Pane::Qualification);
                return self.commit(edits::cycle_condition(&self.ws, index, which));
            }
            Action::Add => {
                self.dialog = Some(Dialog::Form(
                    edits::log_form(self.today),
                    FormPurpose::LogEntry(id),
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
        let Some(index) = self
            .ws
            .opportunities
            .iter()
            .position(|o| o.id == opportunity)
        else {
            self.say(
                "the opportunity is gone; the edited text was not kept",
                Tone::Warning,
            );
            return Vec::new();
        };
        match edits::set_long_text(&self.ws, index, field, text) {
            Some(change) => self.commit(change),
            None => {
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
