//! View 1: the opportunity table, the stage strip and the selected deal's
//! panes (qualification, influences, red flags, actions, log).

use super::deal_items;
use super::{Cmd, Cx};
use crate::domain::edit::{self, Condition};
use crate::domain::opportunity::actions_in_order;
use crate::domain::{ActionId, Money, OpportunityId, Workspace};
use crate::tui::app::{Effect, FormPurpose, LongText};
use crate::tui::cursor::{List, ListCursor, Move};
use crate::tui::dialog::{Dialog, FilterTarget};
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};
use crate::tui::text_input::TextInput;
use std::collections::HashMap;

#[path = "board.rs"]
pub mod board;
#[path = "closed_deals.rs"]
mod closed_deals;
#[path = "pipeline_forecast.rs"]
pub mod forecast;
#[path = "pipeline_marks.rs"]
mod marks;
#[path = "rows.rs"]
mod rows;
#[path = "sheet.rs"]
pub mod sheet;

/// The panes of view 1, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Table,
    Qualification,
    Influences,
    Flags,
    Actions,
    Log,
    /// The Blue Sheet's page: the strategy (value proposition, compelling
    /// event, decision process, strengths, team, notes).
    Strategy,
    Competition,
    Criteria,
    ClosePlan,
}

impl Pane {
    pub const ORDER: [Pane; 10] = [
        Pane::Table,
        Pane::Qualification,
        Pane::Influences,
        Pane::Flags,
        Pane::Actions,
        Pane::Log,
        Pane::Strategy,
        Pane::Competition,
        Pane::Criteria,
        Pane::ClosePlan,
    ];

    /// Whether the pane is on the deal side's Blue Sheet page.
    pub fn on_sheet(self) -> bool {
        matches!(
            self,
            Pane::Strategy | Pane::Competition | Pane::Criteria | Pane::ClosePlan
        )
    }

    /// Where keys are looked up when this pane has the focus, first match wins.
    pub fn scopes(self) -> &'static [Scope] {
        use Scope::*;
        match self {
            Pane::Table => &[Table, Deal, List, Global, Panes, Always],
            Pane::Qualification => &[Qualification, Deal, List, Global, Panes, Always],
            Pane::Influences => &[Influences, Deal, List, Global, Panes, Always],
            Pane::Flags => &[Flags, Deal, List, Global, Panes, Always],
            Pane::Actions => &[Actions, Deal, List, Global, Panes, Always],
            Pane::Log => &[Log, Deal, List, Global, Panes, Always],
            Pane::Strategy => &[Strategy, Deal, List, Global, Panes, Always],
            Pane::Competition => &[Competition, Deal, List, Global, Panes, Always],
            Pane::Criteria => &[Criteria, Deal, List, Global, Panes, Always],
            Pane::ClosePlan => &[ClosePlan, Deal, List, Global, Panes, Always],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Pane::Table => "opportunities", // i18n-exempt: a place's name; help::title translates the title
            Pane::Qualification => "qualification", // i18n-exempt: a place's name; help::title translates the title
            Pane::Influences => "buying influences", // i18n-exempt: a place's name; help::title translates the title
            Pane::Flags => "red flags", // i18n-exempt: a place's name; help::title translates the title
            Pane::Actions => "actions", // i18n-exempt: a place's name; help::title translates the title
            Pane::Log => "log", // i18n-exempt: a place's name; help::title translates the title
            Pane::Strategy => "strategy", // i18n-exempt: a place's name; help::title translates the title
            Pane::Competition => "competition", // i18n-exempt: a place's name; help::title translates the title
            Pane::Criteria => "decision criteria", // i18n-exempt: a place's name; help::title translates the title
            Pane::ClosePlan => "close plan", // i18n-exempt: a place's name; help::title translates the title
        }
    }

    /// The list the pane shows, for its page height.
    pub fn list(self) -> List {
        match self {
            Pane::Table => List::Deals,
            Pane::Qualification => List::Qualification,
            Pane::Influences => List::Influences,
            Pane::Flags => List::Flags,
            Pane::Actions => List::Actions,
            Pane::Log => List::Log,
            Pane::Strategy => List::Strategy,
            Pane::Competition => List::Competition,
            Pane::Criteria => List::Criteria,
            Pane::ClosePlan => List::ClosePlan,
        }
    }

    /// Index among the detail panes (qualification … close plan).
    fn slot(self) -> usize {
        Pane::ORDER
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0)
            .saturating_sub(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
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

/// Count and value of the open deals of one stage, for the strip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageSum {
    pub count: usize,
    pub value: Money,
    pub weighted: Money,
}

#[derive(Debug, Default)]
pub struct PipelineState {
    pub focus: Pane,
    /// The table lists the closed deals (won, lost, abandoned), not the
    /// open ones.
    pub closed: bool,
    /// Indices into `ws.opportunities` of the deals shown, in order.
    pub rows: Vec<usize>,
    /// Position in `rows`.
    pub table: ListCursor,
    /// Selection in each detail pane (qualification … close plan).
    detail: [ListCursor; 9],
    /// The deal side shows its Blue Sheet page (the page last shown while
    /// the table has the focus).
    sheet: bool,
    pub sort: SortKey,
    pub filter: TextInput,
    pub strip: [StageSum; 5],
    /// What the filter searches, per opportunity; built on the first
    /// filtered refresh after the data changed, so typing a filter over
    /// 10,000 deals does not lower-case them all at every key.
    haystacks: Option<Vec<String>>,
    /// The red-flag rules each opportunity has, per opportunity; built on
    /// the first refresh with a `flag:` word after the data changed, so
    /// typing `flag:stalled` does not compute 70,000 flags at every key.
    flag_rules: Option<Vec<Vec<crate::domain::flags::Rule>>>,
    /// The marked deals, by id: `>`, `<` and `d` act on them all.
    pub marks: crate::tui::marks::Marks<String>,
    /// The board layout (`b`) and its cards grouped by stage.
    pub board: board::Board,
}

/// Action → cursor move, for every list.
pub fn movement(action: Action) -> Option<Move> {
    Some(match action {
        Action::Down => Move::Down,
        Action::Up => Move::Up,
        Action::Top => Move::Top,
        Action::Bottom => Move::Bottom,
        Action::PageDown => Move::PageDown,
        Action::PageUp => Move::PageUp,
        Action::HalfPageDown => Move::HalfPageDown,
        Action::HalfPageUp => Move::HalfPageUp,
        _ => return None,
    })
}

impl PipelineState {
    pub fn scopes(&self) -> &'static [Scope] {
        use Scope::*;
        if self.focus == Pane::Table && self.board_shown() {
            return &[Board, Table, Deal, List, Global, Panes, Always];
        }
        if self.closed {
            self.focus.closed_scopes()
        } else {
            self.focus.scopes()
        }
    }

    /// What the help overlay and the hint line call the focused pane.
    pub fn place(&self) -> &'static str {
        match (self.closed, self.focus) {
            (true, Pane::Table) => "closed deals", // i18n-exempt: a place's name; help::title translates the title
            (false, Pane::Table) if self.board.on => "board", // i18n-exempt: a place's name; help::title translates the title
            (_, pane) => pane.name(),
        }
    }

    /// Index in `ws.opportunities` of the selected deal.
    pub fn current(&self, ws: &Workspace) -> Option<usize> {
        self.rows
            .get(self.table.at())
            .copied()
            .filter(|i| *i < ws.opportunities.len())
    }

    /// The selection in a detail pane.
    pub fn detail(&self, pane: Pane) -> usize {
        self.detail[pane.slot()].at()
    }

    /// Forgets the filter's search texts (the data changed).
    pub fn data_changed(&mut self) {
        self.haystacks = None;
        self.flag_rules = None;
    }

    /// Recomputes the rows and the strip after data, filter or sort change,
    /// keeping the selection on `keep` (an opportunity id) when it is shown,
    /// else on the deal selected before.
    pub fn refresh(&mut self, ws: &Workspace, today: crate::domain::Date, keep: Option<String>) {
        let keep = keep.or_else(|| self.current(ws).map(|i| ws.opportunities[i].id.clone()));
        self.drop_gone_marks(ws);
        let switched = self.follow_reopened(ws, keep.as_deref());
        let settings = &ws.settings;
        let mut strip = [StageSum::default(); 5];
        for o in ws.opportunities.iter().filter(|o| o.is_open()) {
            let s = &mut strip[o.stage.index()];
            s.count += 1;
            s.value += o.value;
            s.weighted += o.weighted(settings);
        }
        self.strip = strip;
        let query = crate::tui::filter::Query::parse(self.filter.value());
        let needle = query.text.as_str();
        if !needle.is_empty() && self.haystacks.is_none() {
            let names: HashMap<&str, &str> = ws
                .accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str()))
                .collect();
            // on every core: the first letter of a filter waits for it
            self.haystacks = Some(crate::domain::parallel::flat_map(
                &ws.opportunities,
                |_, o| vec![crate::tui::filter::haystack(&names, o)],
            ));
        }
        if !query.flag.is_empty() && self.flag_rules.is_none() {
            self.flag_rules = Some(rows::flag_rules(ws, today));
        }
        let account_names = rows::account_names(&query, ws);
        let haystacks = self.haystacks.as_deref().unwrap_or_default();
        let flag_rules = self.flag_rules.as_deref().unwrap_or_default();
        let mut rows: Vec<usize> = ws
            .opportunities
            .iter()
            .enumerate()
            .filter(|(_, o)| self.lists(o))
            .filter(|(i, o)| {
                let cached = (haystacks.get(*i), flag_rules.get(*i));
                rows::passes(&query, cached, o, &account_names)
            })
            .map(|(i, _)| i)
            .collect();
        let (sort, closed) = (self.sort, self.closed);
        rows.sort_unstable_by(|a, b| rows::order(sort, closed, ws, today, *a, *b));
        self.rows = rows;
        // a reopened deal the filter hides: the filter goes, the deal shows
        let hidden = keep
            .as_ref()
            .is_some_and(|id| !self.rows.iter().any(|i| &ws.opportunities[*i].id == id));
        if switched && hidden && !self.filter.is_empty() {
            self.filter.clear();
            return self.refresh(ws, today, keep);
        }
        self.select(ws, today, keep);
    }

    /// Puts the selection on `keep` when it is shown (else where it was) and
    /// keeps every pane's place inside its list.
    fn select(&mut self, ws: &Workspace, today: crate::domain::Date, keep: Option<String>) {
        let found = keep.as_ref().and_then(|id| {
            self.rows
                .iter()
                .position(|i| &ws.opportunities[*i].id == id)
        });
        self.table
            .set(found.unwrap_or(self.table.at()), self.rows.len());
        // another deal selected: its lists start at the top; the same deal:
        // keep each list's place, within its new length
        if found.is_none() {
            self.detail = Default::default();
        }
        for pane in &Pane::ORDER[1..] {
            let len = self.pane_len(ws, today, *pane);
            self.detail[pane.slot()].clamp(len);
        }
        if self.rows.is_empty() {
            self.focus = Pane::Table;
        }
        self.group(ws);
    }

    /// Length of a pane's list.
    pub fn pane_len(&self, ws: &Workspace, today: crate::domain::Date, pane: Pane) -> usize {
        // no deal selected means no rows: every list is empty
        let Some(o) = self.current(ws).map(|i| &ws.opportunities[i]) else {
            return 0;
        };
        match pane {
            Pane::Table => self.rows.len(),
            Pane::Qualification => 4,
            Pane::Influences => crate::domain::influence::map_rows(&o.influences).len(),
            Pane::Flags => crate::domain::flags::compute(o, &ws.settings, today).len(),
            Pane::Actions => o.actions.len(),
            Pane::Log => o.log.len(),
            Pane::Strategy => sheet::STRATEGY_ROWS,
            Pane::Competition => o.competition.len(),
            Pane::Criteria => o.decision_criteria.len(),
            Pane::ClosePlan => o.close_plan.len(),
        }
    }

    /// Selects the deal at `index` (clearing a filter that hides it), its
    /// actions pane on `action` when given.
    pub fn jump(
        &mut self,
        ws: &Workspace,
        today: crate::domain::Date,
        index: usize,
        action: Option<&str>,
    ) {
        // a jump goes to a deal as it is now: the open list for an open one
        let closed = !ws.opportunities[index].is_open();
        if closed != self.closed {
            self.closed = closed;
            self.rows.clear();
            self.refresh(ws, today, None);
        }
        if !self.rows.contains(&index) {
            self.filter.clear();
        }
        self.refresh(ws, today, Some(ws.opportunities[index].id.clone()));
        self.focus = Pane::Actions;
        self.note_page();
        let o = &ws.opportunities[index];
        let at = action.and_then(|a| actions_in_order(o).iter().position(|x| x.id == a));
        let len = self.pane_len(ws, today, Pane::Actions);
        self.detail[Pane::Actions.slot()].set(at.unwrap_or(0), len);
    }

    /// View 1 on the deal at `index`, as [`PipelineState::jump`] goes
    /// there, the influences pane focused on the person with id `person`.
    pub fn jump_to_person(
        &mut self,
        ws: &Workspace,
        today: crate::domain::Date,
        index: usize,
        person: &str,
    ) {
        self.jump(ws, today, index, None);
        self.focus = Pane::Influences;
        self.note_page();
        let o = &ws.opportunities[index];
        let at = crate::domain::influence::map_rows(&o.influences)
            .iter()
            .position(|&i| o.influences[i].id == person);
        let len = self.pane_len(ws, today, Pane::Influences);
        self.detail[Pane::Influences.slot()].set(at.unwrap_or(0), len);
    }

    /// Only the account's deals: the filter set to its name, the first row.
    pub fn show_account(&mut self, ws: &Workspace, today: crate::domain::Date, name: &str) {
        self.filter.set(name);
        self.closed = false;
        self.focus = Pane::Table;
        self.table = ListCursor::default();
        self.refresh(ws, today, None);
    }

    /// Focuses `pane` (a click on it); a deal's panes only while a deal
    /// is selected. Returns whether the focus is there.
    pub fn focus_pane(&mut self, ws: &Workspace, pane: Pane) -> bool {
        if pane != Pane::Table && self.current(ws).is_none() {
            return false;
        }
        self.focus = pane;
        self.note_page();
        true
    }

    /// Selects item `at` of `pane` (a click on its row); another deal
    /// selected starts its panes at the top, as moving there by key does.
    pub fn select_in(&mut self, ws: &Workspace, today: crate::domain::Date, pane: Pane, at: usize) {
        let len = self.pane_len(ws, today, pane);
        match pane {
            Pane::Table if at != self.table.at() => {
                self.table.set(at, len);
                self.detail = Default::default();
            }
            Pane::Table => {}
            pane => self.detail[pane.slot()].set(at, len),
        }
    }

    fn move_focus(&mut self, ws: &Workspace, forward: bool) {
        if self.current(ws).is_none() {
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

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let cmds = self.act(action, cx);
        self.note_page();
        cmds
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        if self.focus == Pane::Table
            && self.board_shown()
            && let Some(cmds) = self.on_board(action, cx)
        {
            return cmds;
        }
        if let Some(m) = movement(action) {
            let len = self.pane_len(ws, cx.today, self.focus);
            let page = cx.page(self.focus.list());
            match self.focus {
                Pane::Table => {
                    self.table.apply(m, len, page);
                    self.detail = Default::default();
                }
                pane => self.detail[pane.slot()].apply(m, len, page),
            }
            return Vec::new();
        }
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.move_focus(ws, action == Action::FocusNext);
                return Vec::new();
            }
            Action::Filter => return vec![Cmd::Open(Dialog::Filter(FilterTarget::Pipeline))],
            Action::QuickAdd => return vec![Cmd::Open(Dialog::QuickAdd(TextInput::default()))],
            Action::ClosedDeals => return self.toggle_closed(ws, cx.today),
            Action::Board => return self.toggle_board(ws),
            Action::Sort if self.closed => {
                return vec![Cmd::say(crate::i18n::t(
                    "the closed deals are listed newest close first",
                ))];
            }
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh(ws, cx.today, None);
                return vec![Cmd::say(crate::tf!(
                    "sorted by {key}",
                    key = crate::i18n::t(self.sort.name())
                ))];
            }
            // marks are for acting on open deals: the closed list neither
            // shows nor takes them
            Action::Mark | Action::MarkRange if self.closed => {
                return vec![Cmd::say(crate::i18n::t(
                    "marks are for the open deals: C lists them",
                ))];
            }
            Action::Mark | Action::MarkRange | Action::ClearMarks => {
                return self.on_mark(action, ws);
            }
            _ => {}
        }
        if !self.closed
            && let Some(cmds) = self.on_marked(action, cx)
        {
            return cmds;
        }
        let Some(index) = self.current(ws) else {
            return vec![Cmd::say(if self.closed {
                crate::i18n::t("no closed deal selected: C lists the open ones")
            } else {
                crate::i18n::t("no opportunity selected: press n to create one")
            })];
        };
        if let Some(cmds) = self.on_closed(action, cx, index) {
            return cmds;
        }
        let o = &ws.opportunities[index];
        let id = OpportunityId::of(o);
        let item = |pane: Pane| self.detail(pane);
        match (self.focus, action) {
            (Pane::Log, Action::Open) => {
                let at = item(Pane::Log);
                match o.log.iter().rev().nth(at) {
                    Some(entry) => vec![Cmd::Open(Dialog::LogEntry {
                        title: crate::tf!(" Log · {on} · {title} ", on = entry.on, title = o.title),
                        text: entry.text.clone(),
                        scroll: ListCursor::default(),
                    })],
                    None => vec![Cmd::say(crate::i18n::t("no log entry yet: a adds one"))],
                }
            }
            (Pane::Log, Action::Edit | Action::Delete) => {
                // the pane lists the newest first
                let at = o.log.len().checked_sub(item(Pane::Log) + 1);
                let Some(entry) = at.and_then(|at| edit::LogRef::of(o, at)) else {
                    return vec![Cmd::say(crate::i18n::t("no log entry yet: a adds one"))];
                };
                if action == Action::Edit {
                    let form = forms::log_entry_form(o.log.get(entry.index), cx.today);
                    return vec![Cmd::Open(Dialog::Form(
                        form,
                        FormPurpose::EditLog(id, entry),
                    ))];
                }
                match edit::delete_log_entry(ws, &id, &entry) {
                    Ok(change) => vec![Cmd::Open(Dialog::Confirm(crate::tui::dialog::Confirm {
                        title: crate::i18n::t(" Delete "),
                        question: crate::tf!(
                            "Delete the log entry of {on}, “{text}”?",
                            on = entry.on,
                            text = crate::text::truncate(&crate::text::clean(&entry.text), 40)
                        ),
                        change,
                        kept: crate::i18n::t("not deleted"),
                    }))],
                    Err(why) => Cmd::edit(Err(why)),
                }
            }
            (Pane::Influences, Action::Open) => vec![Cmd::Open(Dialog::PoliticalMap {
                opportunity: id,
                cursor: ListCursor::default(),
            })],
            (
                Pane::Influences,
                Action::Add
                | Action::Edit
                | Action::Delete
                | Action::CycleAttitude
                | Action::CycleMode
                | Action::CycleCoverage
                | Action::CycleInfluence
                | Action::ContactToday,
            ) => deal_items::person(action, cx, index, item(Pane::Influences)),
            (Pane::Flags, Action::Edit) => self.fix_flag(cx, index),
            (Pane::Flags, Action::Adopt | Action::Add | Action::Done | Action::Snooze) => {
                deal_items::flag(action, cx, index, item(Pane::Flags))
            }
            (
                pane,
                Action::Add | Action::Edit | Action::Delete | Action::CycleStanding | Action::Done,
            ) if pane.on_sheet() => self.on_sheet_key(action, cx, index),
            (_, Action::Sheet) => self.switch_page(),
            (
                Pane::Actions,
                Action::Add
                | Action::Edit
                | Action::Done
                | Action::Delete
                | Action::Reschedule
                | Action::CallPlan,
            ) => {
                let selected = actions_in_order(o)
                    .get(item(Pane::Actions))
                    .map(|a| ActionId::of(a));
                deal_items::action(action, cx, index, selected)
            }
            (Pane::Table, Action::Snooze) => marks::snooze_rule_form(vec![id], cx),
            // the first pane of the page the deal side shows
            (Pane::Table, Action::Open) => {
                self.focus = if self.sheet {
                    Pane::Strategy
                } else {
                    Pane::Qualification
                };
                Vec::new()
            }
            (_, Action::Edit) => vec![Cmd::Open(Dialog::Form(
                forms::opportunity_form(ws, Some(o), cx.today),
                FormPurpose::EditOpportunity(id),
            ))],
            (_, Action::Delete) => deal_items::confirm_delete_deal(cx, index),
            (_, Action::CycleForecast) => self.cycle_forecast(cx, index),
            (_, Action::StageNext | Action::StagePrev) => {
                let forward = action == Action::StageNext;
                match if forward {
                    o.stage.next()
                } else {
                    o.stage.previous()
                } {
                    Some(stage) => Cmd::edit(edit::set_stage(ws, &id, stage, cx.today)),
                    None if forward => {
                        vec![Cmd::say(crate::i18n::t("already in close: W marks it won"))]
                    }
                    None => vec![Cmd::say(crate::i18n::t(
                        "already in qualify, the first stage",
                    ))],
                }
            }
            (_, Action::Won | Action::Lost) => {
                let won = action == Action::Won;
                vec![Cmd::Open(Dialog::Form(
                    forms::close_form(ws, o, won, cx.today),
                    forms::close_purpose(won, id),
                ))]
            }
            (Pane::Qualification, Action::Toggle) => Cmd::edit(edit::cycle_condition(
                ws,
                &id,
                Condition::at(item(Pane::Qualification)),
            )),
            (Pane::Log, Action::Add) => vec![Cmd::Open(Dialog::Form(
                forms::log_form(cx.today),
                FormPurpose::LogEntry(id),
            ))],
            (_, Action::EditObjective | Action::EditNotes) => {
                let (field, text) = if action == Action::EditObjective {
                    (LongText::Objective, o.objective.clone())
                } else {
                    (LongText::Notes, o.notes.clone())
                };
                vec![Cmd::Effect(Effect::EditText {
                    field,
                    opportunity: o.id.clone(),
                    text,
                })]
            }
            _ => Vec::new(),
        }
    }
}
