//! The one table of keys: dispatch, the `?` overlay and the hint line are
//! all read from it, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for, before the app decides what it means here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// Ctrl-z: give the terminal back to the shell until `fg`.
    Suspend,
    Help,
    /// View 1, the pipeline.
    ViewPipeline,
    /// View 2, the prioritised action list.
    ViewActions,
    /// View 5, the weekly review.
    ViewReview,
    /// View 3, the funnel.
    ViewFunnel,
    /// View 4, the accounts.
    ViewAccounts,
    /// View 6, the sales result analysis.
    ViewAnalysis,
    /// View 7, the forecast against the target.
    ViewForecast,
    /// View 8, every buying influence across the open pipeline.
    ViewPeople,
    /// View 7: the previous / next period.
    PeriodPrev,
    PeriodNext,
    /// View 7: the quarter ⇄ one of its months.
    PeriodKind,
    /// View 7: everyone, then each owner in turn.
    CycleOwner,
    /// View 7: the targets form of the period and owner shown.
    Targets,
    /// Review: skip the deal for now.
    Skip,
    /// Review: finish and record the snapshot.
    Finish,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    Top,
    Bottom,
    Open,
    Filter,
    Sort,
    NewOpportunity,
    /// View 1's table: a new deal typed on one line.
    QuickAdd,
    /// The quick-add prompt: the full form, pre-filled with what was typed.
    FullForm,
    Add,
    Edit,
    Delete,
    StageNext,
    StagePrev,
    Won,
    Lost,
    /// View 1: list the closed deals instead of the open ones, and back.
    ClosedDeals,
    /// View 1's closed list: reopen the deal (asks first).
    Reopen,
    /// View 1: the board (a column per stage) instead of the table, and back.
    Board,
    /// The board: the previous / next stage's column.
    ColumnPrev,
    ColumnNext,
    Toggle,
    EditObjective,
    EditNotes,
    Done,
    Snooze,
    Reschedule,
    CycleAttitude,
    CycleMode,
    CycleCoverage,
    CycleInfluence,
    ContactToday,
    Undo,
    Redo,
    Reload,
    /// Chinese ⇄ English for the session (spec section 12).
    Language,
    /// The settings form: owner, currency, stage probabilities, stall and
    /// quiet days, reason codes.
    Settings,
    PageDown,
    PageUp,
    /// Half a page down / up (Ctrl-d / Ctrl-u, as in vi and less).
    HalfPageDown,
    HalfPageUp,
    /// View 3: draw by value or by count.
    ByValue,
    /// View 5: the deal is reviewed; on to the next.
    Reviewed,
    /// The flag pane: the flag's suggestion becomes an action.
    Adopt,
    /// Dialogs: close without changing anything.
    Cancel,
    /// A question: yes, make the change.
    Yes,
    /// A form, the filter, the reschedule prompt: done.
    Submit,
    NextField,
    PrevField,
    /// A field with a fixed list of values: the next / previous one.
    ChoiceNext,
    ChoicePrev,
    /// A list: mark or unmark the selected row, then move down.
    Mark,
    /// A list: mark from the row marked last to the selection.
    MarkRange,
    /// A list: drop every mark.
    ClearMarks,
    /// View 1 and view 7's deal list: the deal's forecast category, the
    /// next one (in view 1, every marked deal's, if any).
    CycleForecast,
    /// View 1: the deal side's other page (the deal ⇄ its Blue Sheet).
    Sheet,
    /// The competition and the decision criteria: where we stand, the
    /// next one (unknown → ahead → even → behind).
    CycleStanding,
    /// An action: its call plan (the Green Sheet).
    CallPlan,
    /// View 4's credit pane: the account's credit limit and payment terms.
    CreditTerms,
    /// The list of the merge's conflicts (spec section 13).
    Conflicts,
    /// A merge conflict: the value in this workspace stays.
    KeepOurs,
    /// A merge conflict: the other side's value replaces ours.
    TakeTheirs,
}

impl Action {
    /// Whether the action changes the workspace (or may, through the dialog
    /// it opens): refused while the workspace is read-only.
    pub fn edits(self) -> bool {
        use Action::*;
        matches!(
            self,
            NewOpportunity
                | QuickAdd
                | FullForm
                | Add
                | Edit
                | Delete
                | StageNext
                | StagePrev
                | Won
                | Lost
                | Reopen
                | Toggle
                | EditObjective
                | EditNotes
                | Done
                | Snooze
                | Reschedule
                | Finish
                | Skip
                | Reviewed
                | Adopt
                | CycleAttitude
                | CycleMode
                | CycleCoverage
                | CycleInfluence
                | ContactToday
                | CycleForecast
                | CycleStanding
                | CallPlan
                | CreditTerms
                | KeepOurs
                | TakeTheirs
                | Undo
                | Redo
                | Yes
                | Targets
                | Settings
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere in the workbench.
    Global,
    /// The opportunity table.
    Table,
    /// View 1's board (a column per stage), looked up before `Table` while
    /// it is shown.
    Board,
    /// Any pane of the pipeline view: acts on the selected opportunity.
    Deal,
    /// Any pane of the pipeline view while it lists the closed deals.
    Closed,
    /// A list pane (table or detail lists): moving the selection.
    List,
    /// The qualification pane.
    Qualification,
    /// The log pane.
    Log,
    /// The buyer-influence pane.
    Influences,
    /// The red-flag pane.
    Flags,
    /// The actions pane of a deal.
    Actions,
    /// The Blue Sheet's strategy pane (value proposition, compelling
    /// event, decision process, strengths, team, notes).
    Strategy,
    /// The Blue Sheet's competition pane.
    Competition,
    /// The Blue Sheet's decision-criteria pane.
    Criteria,
    /// The Blue Sheet's close-plan pane.
    ClosePlan,
    /// View 2, the prioritised action list.
    ActionList,
    /// View 5, the weekly review walk.
    Review,
    /// View 3, the funnel.
    Funnel,
    /// View 4, the accounts.
    Accounts,
    /// Any pane of view 4's account workspace (not the list of accounts).
    AccountDetail,
    /// View 4's account profile pane (industry, tier, SWOT, notes).
    AccountProfile,
    /// View 4's account plan pane.
    AccountPlan,
    /// View 4's credit pane: the limit, the terms and the invoices.
    AccountCredit,
    /// View 4's complaints pane.
    AccountComplaints,
    /// View 4's satisfaction pane.
    AccountSatisfaction,
    /// View 4's contacts pane.
    AccountContacts,
    /// View 4's pane of the account's deals.
    AccountDeals,
    /// View 4's pane of the account's actions by date.
    AccountTimeline,
    /// View 6, the sales result analysis (read-only).
    Analysis,
    /// View 7, the forecast: its table of figures.
    Forecast,
    /// View 7 while there are two owners or more: `o` is offered in the
    /// hint line (looked up before `Forecast`).
    ForecastOwners,
    /// View 7's list of the deals behind a figure.
    ForecastDeals,
    /// View 8, the people list.
    People,
    /// Moving between the panes of a screen that has several.
    Panes,
    /// Checked before everything else, in dialogs too.
    Always,
    /// An open form.
    Form,
    /// A form field with a fixed list of values.
    Choice,
    /// A form field that picks an existing name or takes a new one.
    Pick,
    /// A yes/no question.
    Confirm,
    /// The filter prompt.
    Filter,
    /// The reschedule prompt.
    Reschedule,
    /// The quick-add prompt of view 1.
    QuickAdd,
    /// The political map over the deal.
    PoliticalMap,
    /// A log entry shown in full.
    LogEntry,
    /// The help overlay.
    Help,
    /// The list of merge conflicts.
    Conflicts,
    /// The value typed for a merge conflict.
    ConflictEdit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are shown in help, e.g. `j ↓`.
    pub label: &'static str,
    pub action: Action,
    pub scope: Scope,
    pub help: &'static str,
    /// Shown in the hint line when its scope is focused.
    pub hint: bool,
}

impl Binding {
    /// The help text in the thread's language, as the `?` overlay shows it
    /// (the table keeps the English: it is the catalogue's key).
    pub fn text(&self) -> &'static str {
        crate::i18n::t(self.help)
    }

    /// The first words of [`Binding::text`], for hint lines.
    pub fn short(&self) -> &'static str {
        short_help(self.text())
    }
}

use Key::{Char, Code, Ctrl};

const fn b(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    scope: Scope,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        scope,
        help,
        hint,
    }
}

/// Key names, shown as they are in both languages (spec section 12).
const K_ENTER: &str = "Enter"; // i18n-exempt: a key's name
const K_G_HOME: &str = "g Home"; // i18n-exempt: a key's name
const K_G_END: &str = "G End"; // i18n-exempt: a key's name
const K_PGDN: &str = "PgDn"; // i18n-exempt: a key's name
const K_PGUP: &str = "PgUp"; // i18n-exempt: a key's name
const K_CTRL_D: &str = "Ctrl-d"; // i18n-exempt: a key's name
const K_CTRL_U: &str = "Ctrl-u"; // i18n-exempt: a key's name
const K_SPACE: &str = "space"; // i18n-exempt: a key's name
const K_ESC: &str = "Esc"; // i18n-exempt: a key's name
const K_TAB: &str = "Tab"; // i18n-exempt: a key's name
const K_SHIFT_TAB: &str = "Shift-Tab"; // i18n-exempt: a key's name
const K_ENTER_SPACE: &str = "Enter space"; // i18n-exempt: a key's name
const K_CTRL_R: &str = "Ctrl-r"; // i18n-exempt: a key's name
const K_CTRL_L: &str = "Ctrl-l"; // i18n-exempt: a key's name
const K_CTRL_C: &str = "Ctrl-c"; // i18n-exempt: a key's name
const K_CTRL_Z: &str = "Ctrl-z"; // i18n-exempt: a key's name
const K_TAB_DOWN: &str = "Tab ↓"; // i18n-exempt: a key's name
const K_SHIFT_TAB_UP: &str = "Shift-Tab ↑"; // i18n-exempt: a key's name
const K_RIGHT_SPACE: &str = "→ space"; // i18n-exempt: a key's name
const K_ESC_N: &str = "Esc n"; // i18n-exempt: a key's name
const K_ESC_ENTER_Q: &str = "Esc Enter q"; // i18n-exempt: a key's name
const K_E_ENTER: &str = "e Enter"; // i18n-exempt: a key's name
const K_ESC_Q: &str = "Esc q"; // i18n-exempt: a key's name

/// Every key of the workbench (spec section 5, a contract, plus a few
/// of funnel's own: `s`, space, `V`, `O`, `N`, `R`).
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // the views first, in their order: the help lists them 1 to 8
    b(&[Char('1')], "1", Action::ViewPipeline, Scope::Global, "view 1: the pipeline", false),
    b(&[Char('2')], "2", Action::ViewActions, Scope::Global, "view 2: the prioritised action list", false),
    b(&[Char('3')], "3", Action::ViewFunnel, Scope::Global, "view 3: the funnel and its figures", false),
    b(&[Char('4')], "4", Action::ViewAccounts, Scope::Global, "view 4: the accounts and the screening matrix", false),
    b(&[Char('5')], "5", Action::ViewReview, Scope::Global, "view 5: the weekly review", false),
    b(&[Char('6')], "6", Action::ViewAnalysis, Scope::Global, "view 6: the sales result analysis of the last 365 days", false),
    b(&[Char('7')], "7", Action::ViewForecast, Scope::Global, "view 7: the forecast against the target", false),
    b(&[Char('8')], "8", Action::ViewPeople, Scope::Global, "view 8: every buying influence across the open deals, by contact", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Forecast, "the deals behind the figure (won, commit, best case, pipeline, omitted)", true),
    b(&[Char('[')], "[", Action::PeriodPrev, Scope::Forecast, "the previous period", true),
    b(&[Char(']')], "]", Action::PeriodNext, Scope::Forecast, "the next period", true),
    b(&[Char('p')], "p", Action::PeriodKind, Scope::Forecast, "quarter ⇄ month: the same time as a quarter or as one month", true),
    b(&[Char('o')], "o", Action::CycleOwner, Scope::ForecastOwners, "owner: everyone, then each owner in turn", true),
    b(&[Char('o')], "o", Action::CycleOwner, Scope::Forecast, "owner: everyone, then each owner in turn (once there are two owners)", false),
    b(&[Char('T')], "T", Action::Targets, Scope::Forecast, "targets of the period and owner shown (and of its months)", true),
    b(&[Char('j'), Code(KeyCode::Down)], "j ↓", Action::Down, Scope::Forecast, "the figure below", false),
    b(&[Char('k'), Code(KeyCode::Up)], "k ↑", Action::Up, Scope::Forecast, "the figure above", false),
    b(&[Char('h'), Code(KeyCode::Left)], "h ←", Action::ColumnPrev, Scope::Forecast, "the column to the left", false),
    b(&[Char('l'), Code(KeyCode::Right)], "l →", Action::ColumnNext, Scope::Forecast, "the column to the right", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::ForecastDeals, "jump to the deal in view 1", true),
    b(&[Char('f')], "f", Action::CycleForecast, Scope::ForecastDeals, "forecast category: commit → best case → pipeline → omitted → from its probability (u undoes)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::ForecastDeals, "close the list of deals", true),
    b(&[Char('j'), Code(KeyCode::Down)], "j ↓", Action::Down, Scope::ForecastDeals, "move down", false),
    b(&[Char('k'), Code(KeyCode::Up)], "k ↑", Action::Up, Scope::ForecastDeals, "move up", false),
    b(&[Char('g'), Code(KeyCode::Home)], K_G_HOME, Action::Top, Scope::ForecastDeals, "top", false),
    b(&[Char('G'), Code(KeyCode::End)], K_G_END, Action::Bottom, Scope::ForecastDeals, "bottom", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::People, "open the person in their deal (view 1, Influences pane)", true),
    b(&[Char('T')], "T", Action::ContactToday, Scope::People, "record a contact today", true),
    b(&[Char('e')], "e", Action::Edit, Scope::People, "edit the person (roles, reports to, win, result…)", true),
    b(&[Char('s')], "s", Action::Sort, Scope::People, "sort: past cadence, name, deal, last contact", true),
    b(&[Char('/')], "/", Action::Filter, Scope::People, "filter by text (name, title, email, phone, deal, account)", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Accounts, "the account's deals in view 1", true),
    b(&[Char('a')], "a", Action::Add, Scope::Accounts, "add an account", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Accounts, "edit: tier, scores, relationship, SWOT, industry, notes", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Accounts, "delete the account (refused while deals use it)", true),
    b(&[Char('/')], "/", Action::Filter, Scope::Accounts, "filter by name or industry (and words tier:, industry:, relationship:)", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::AccountDeals, "jump to the deal in view 1", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::AccountTimeline, "jump to the action in its deal (view 1)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::AccountDetail, "back to the list of accounts", true),
    b(&[Char('/')], "/", Action::Filter, Scope::AccountDetail, "filter the accounts (the list above; the pane keeps the focus)", false),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountProfile, "edit the account: tier, scores, relationship, SWOT, industry, notes", true),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountPlan, "edit the plan: last year, this year's target, strategy, resources, needs, decision process, goals", true),
    b(&[Char('c')], "c", Action::CreditTerms, Scope::AccountCredit, "credit terms: the credit limit and payment terms in days", true),
    b(&[Char('a')], "a", Action::Add, Scope::AccountCredit, "add an invoice (issued today; due: the terms unless typed)", true),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountCredit, "edit the invoice", true),
    b(&[Char('x')], "x", Action::Done, Scope::AccountCredit, "mark the invoice paid today (x again: unpaid again)", true),
    b(&[Char('d')], "d", Action::Delete, Scope::AccountCredit, "delete the invoice (asks first)", true),
    b(&[Char('a')], "a", Action::Add, Scope::AccountComplaints, "record a complaint (raised today)", true),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountComplaints, "edit the complaint", true),
    b(&[Char('x')], "x", Action::Done, Scope::AccountComplaints, "resolve the complaint today (x again: open it again)", true),
    b(&[Char('d')], "d", Action::Delete, Scope::AccountComplaints, "delete the complaint (asks first)", true),
    b(&[Char('a')], "a", Action::Add, Scope::AccountSatisfaction, "record a satisfaction score, 1 very unhappy … 5 delighted", true),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountSatisfaction, "edit the score", true),
    b(&[Char('d')], "d", Action::Delete, Scope::AccountSatisfaction, "delete the score (asks first)", true),
    b(&[Char('a')], "a", Action::Add, Scope::AccountContacts, "add a contact", true),
    b(&[Char('e')], "e", Action::Edit, Scope::AccountContacts, "edit the contact", true),
    b(&[Char('d')], "d", Action::Delete, Scope::AccountContacts, "delete the contact (asks first)", true),
    b(&[Char('x')], "x", Action::Done, Scope::AccountTimeline, "mark the action done: a call, meeting or visit asks for its debrief first (x again: open it again)", true),
    b(&[Char('v')], "v", Action::ByValue, Scope::Funnel, "draw the funnel by value or by count", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Funnel, "jump to the stalled or slipping deal", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Reviewed, Scope::Review, "reviewed: mark the deal and go to the next", true),
    b(&[Char('s')], "s", Action::Skip, Scope::Review, "skip the deal for now: counted apart, not as reviewed", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Review, "fix the deal: stage, close date, value…", true),
    b(&[Char('a')], "a", Action::Add, Scope::Review, "add the next action", true),
    b(&[Char('F')], "F", Action::Finish, Scope::Review, "finish: asks, then records the review's snapshot", true),
    b(&[Char('j'), Code(KeyCode::Down)], "j ↓", Action::Down, Scope::Analysis, "scroll down", true),
    b(&[Char('k'), Code(KeyCode::Up)], "k ↑", Action::Up, Scope::Analysis, "scroll up", true),
    b(&[Char('g'), Code(KeyCode::Home)], K_G_HOME, Action::Top, Scope::Analysis, "to the top", false),
    b(&[Char('G'), Code(KeyCode::End)], K_G_END, Action::Bottom, Scope::Analysis, "to the end", false),
    b(&[Code(KeyCode::PageDown)], K_PGDN, Action::PageDown, Scope::Analysis, "a page down (as many rows as the list shows)", false),
    b(&[Code(KeyCode::PageUp)], K_PGUP, Action::PageUp, Scope::Analysis, "a page up", false),
    b(&[Ctrl('d')], K_CTRL_D, Action::HalfPageDown, Scope::Analysis, "half a page down", false),
    b(&[Ctrl('u')], K_CTRL_U, Action::HalfPageUp, Scope::Analysis, "half a page up", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::ActionList, "jump to the deal", true),
    b(&[Char('x')], "x", Action::Done, Scope::ActionList, "mark the action done: a call, meeting or visit asks for its debrief first (every marked one, if any, done at once)", true),
    b(&[Char('p')], "p", Action::CallPlan, Scope::ActionList, "call plan (Green Sheet): objective, commitments, SPIN questions", true),
    b(&[Char('r')], "r", Action::Reschedule, Scope::ActionList, "reschedule: t today, m tomorrow, w next week, or a date (every marked one, if any)", true),
    b(&[Char(' ')], K_SPACE, Action::Mark, Scope::ActionList, "mark or unmark the action and move down: x, r and d then act on every marked one", false),
    b(&[Char('V')], "V", Action::MarkRange, Scope::ActionList, "mark every action from the one marked last to this one", false),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::ClearMarks, Scope::ActionList, "clear the marks", false),
    b(&[Char('e')], "e", Action::Edit, Scope::ActionList, "edit the action", true),
    b(&[Char('d')], "d", Action::Delete, Scope::ActionList, "delete the action, after asking (every marked one, if any, in one undo step)", false),
    b(&[Char('a')], "a", Action::Add, Scope::ActionList, "add a suggestion from a red flag as an action", true),
    b(&[Char('/')], "/", Action::Filter, Scope::ActionList, "filter by text or deal (the action, the person it is with, its owner, its deal's title, account, owner; words stage:, owner:, tag:, flag:, account: of its deal)", true),
    b(&[Char('?')], "?", Action::Help, Scope::Global, "help: every key of this view", true),
    b(&[Char('q')], "q", Action::Quit, Scope::Global, "quit (everything is already saved)", true),
    b(&[Code(KeyCode::Tab)], K_TAB, Action::FocusNext, Scope::Panes, "next pane", true),
    b(&[Code(KeyCode::BackTab)], K_SHIFT_TAB, Action::FocusPrev, Scope::Panes, "previous pane", false),
    b(&[Char('j'), Code(KeyCode::Down)], "j ↓", Action::Down, Scope::List, "move down", false),
    b(&[Char('k'), Code(KeyCode::Up)], "k ↑", Action::Up, Scope::List, "move up", false),
    b(&[Char('g'), Code(KeyCode::Home)], K_G_HOME, Action::Top, Scope::List, "top", false),
    b(&[Char('G'), Code(KeyCode::End)], K_G_END, Action::Bottom, Scope::List, "bottom", false),
    b(&[Code(KeyCode::PageDown)], K_PGDN, Action::PageDown, Scope::List, "a page down (as many rows as the list shows)", false),
    b(&[Code(KeyCode::PageUp)], K_PGUP, Action::PageUp, Scope::List, "a page up", false),
    b(&[Ctrl('d')], K_CTRL_D, Action::HalfPageDown, Scope::List, "half a page down", false),
    b(&[Ctrl('u')], K_CTRL_U, Action::HalfPageUp, Scope::List, "half a page up", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Table, "open the deal (focus its details)", false),
    b(&[Char('/')], "/", Action::Filter, Scope::Table, "filter by text (title, account, owner, product, tags, people) and words stage:, owner:, tag:, flag:, account:", true),
    b(&[Char('s')], "s", Action::Sort, Scope::Table, "sort: stage, value, close date, days in stage", true),
    b(&[Char(' ')], K_SPACE, Action::Mark, Scope::Table, "mark or unmark the deal and move down: > < d then act on every marked one", false),
    b(&[Char('V')], "V", Action::MarkRange, Scope::Table, "mark every deal from the one marked last to this one", false),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::ClearMarks, Scope::Table, "clear the marks", false),
    b(&[Char('z')], "z", Action::Snooze, Scope::Table, "snooze one red-flag rule on the marked deals (or this one) until a date, with a reason", false),
    b(&[Char('b')], "b", Action::Board, Scope::Table, "board ⇄ list: a column per stage, cards with value, close date and flags", true),
    b(&[Char('h'), Code(KeyCode::Left)], "h ←", Action::ColumnPrev, Scope::Board, "previous column: the stage before, at the same height (empty columns are skipped)", true),
    b(&[Char('l'), Code(KeyCode::Right)], "l →", Action::ColumnNext, Scope::Board, "next column: the stage after, at the same height (empty columns are skipped)", true),
    b(&[Char('j'), Code(KeyCode::Down)], "j ↓", Action::Down, Scope::Board, "the card below", false),
    b(&[Char('k'), Code(KeyCode::Up)], "k ↑", Action::Up, Scope::Board, "the card above", false),
    b(&[Char('g'), Code(KeyCode::Home)], K_G_HOME, Action::Top, Scope::Board, "the column's first card", false),
    b(&[Char('G'), Code(KeyCode::End)], K_G_END, Action::Bottom, Scope::Board, "the column's last card", false),
    b(&[Code(KeyCode::PageDown)], K_PGDN, Action::PageDown, Scope::Board, "a page down the column (as many cards as it shows)", false),
    b(&[Code(KeyCode::PageUp)], K_PGUP, Action::PageUp, Scope::Board, "a page up the column", false),
    b(&[Ctrl('d')], K_CTRL_D, Action::HalfPageDown, Scope::Board, "half a page down the column", false),
    b(&[Ctrl('u')], K_CTRL_U, Action::HalfPageUp, Scope::Board, "half a page up the column", false),
    b(&[Char(' ')], K_SPACE, Action::Mark, Scope::Board, "mark or unmark the card and move down the column: > < d then act on every marked one", false),
    b(&[Char('V')], "V", Action::MarkRange, Scope::Board, "mark every card of the column from the one marked last to this one", false),
    b(&[Char('C')], "C", Action::ClosedDeals, Scope::Table, "closed ⇄ open deals: list the won, lost and abandoned deals, or the open ones", true),
    b(&[Char('b')], "b", Action::Board, Scope::Closed, "board: shows the open deals (C lists them first)", false),
    b(&[Char('o')], "o", Action::Reopen, Scope::Closed, "reopen the closed deal in its stage (asks first)", true),
    b(&[Char('n')], "n", Action::NewOpportunity, Scope::Global, "new opportunity", true),
    b(&[Char('a')], "a", Action::QuickAdd, Scope::Table, "quick add: a new deal on one line (ERP @Acme 500k drive close eoq #tag p50)", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Table, "edit the opportunity", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Table, "delete the opportunity, or every marked one (asks first)", false),
    b(&[Char('>')], ">", Action::StageNext, Scope::Deal, "move to the next stage", true),
    b(&[Char('<')], "<", Action::StagePrev, Scope::Deal, "move to the previous stage", false),
    b(&[Char('W')], "W", Action::Won, Scope::Deal, "mark won (asks the date, final amount, reason)", false),
    b(&[Char('L')], "L", Action::Lost, Scope::Deal, "mark lost or abandoned (asks the date, reason)", false),
    b(&[Char('f')], "f", Action::CycleForecast, Scope::Deal, "forecast category: from its probability → commit → best case → pipeline → omitted (every marked deal, if any)", false),
    b(&[Char('B')], "B", Action::Sheet, Scope::Deal, "Blue Sheet ⇄ deal: the deal's strategy, competition, criteria and close plan", true),
    b(&[Char('O')], "O", Action::EditObjective, Scope::Deal, "edit the objective in $EDITOR", false),
    b(&[Char('N')], "N", Action::EditNotes, Scope::Deal, "edit the notes in $EDITOR", false),
    b(&[Code(KeyCode::Enter), Char(' ')], K_ENTER_SPACE, Action::Toggle, Scope::Qualification, "cycle: unknown → confirmed → denied", true),
    b(&[Char('a')], "a", Action::Add, Scope::Log, "add a log entry", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Log, "edit the log entry: its date and words", false),
    b(&[Char('d')], "d", Action::Delete, Scope::Log, "delete the log entry (asks first)", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Log, "the entry in full, wrapped (long ones scroll)", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Open, Scope::Influences, "the political map: power lines, core circle, coverage, advice", true),
    b(&[Char('a')], "a", Action::Add, Scope::Influences, "add a buying influence", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Influences, "edit the person (roles, reports to, win, result…)", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Influences, "remove the person (asks first)", false),
    b(&[Char('t')], "t", Action::CycleAttitude, Scope::Influences, "attitude: * + = - X ?", true),
    b(&[Char('m')], "m", Action::CycleMode, Scope::Influences, "response mode: growth, trouble, even keel, overconfident, unknown", false),
    b(&[Char('c')], "c", Action::CycleCoverage, Scope::Influences, "coverage: 0 never met … 3 quality time", false),
    b(&[Char('i')], "i", Action::CycleInfluence, Scope::Influences, "influence: high, medium, low, not assessed", false),
    b(&[Char('T')], "T", Action::ContactToday, Scope::Influences, "record a contact today", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Adopt, Scope::Flags, "turn the flag's suggestion into an action on the deal", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Flags, "fix: go where the flag is fixed (its pane, its form); a flag raised by hand: edit it", true),
    b(&[Char('a')], "a", Action::Add, Scope::Flags, "raise a flag by hand", true),
    b(&[Char('x')], "x", Action::Done, Scope::Flags, "resolve a flag raised by hand", true),
    b(&[Char('a')], "a", Action::Add, Scope::Actions, "add an action (text, kind, due date and time, the person it is with, owner)", true),
    b(&[Char('e')], "e", Action::Edit, Scope::Actions, "edit the action", true),
    b(&[Char('x')], "x", Action::Done, Scope::Actions, "mark the action done: a call, meeting or visit asks for its debrief first (x again: open it again)", true),
    b(&[Char('p')], "p", Action::CallPlan, Scope::Actions, "call plan (Green Sheet): objective, commitments, SPIN questions", true),
    b(&[Char('r')], "r", Action::Reschedule, Scope::Actions, "reschedule: t today, m tomorrow, w next week, or a date", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Actions, "delete the action (asks first)", false),
    b(&[Char('e'), Code(KeyCode::Enter)], K_E_ENTER, Action::Edit, Scope::Strategy, "edit the strategy: value proposition, compelling event, decision process, strengths, team (on the notes: in $EDITOR)", true),
    b(&[Char('a')], "a", Action::Add, Scope::Competition, "add a competitor", true),
    b(&[Char('e'), Code(KeyCode::Enter)], K_E_ENTER, Action::Edit, Scope::Competition, "edit the competitor: name, their position, their strengths and weaknesses", true),
    b(&[Char('t')], "t", Action::CycleStanding, Scope::Competition, "their position against us: unknown → ahead → even → behind", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Competition, "remove the competitor (asks first)", false),
    b(&[Char('a')], "a", Action::Add, Scope::Criteria, "add a decision criterion", true),
    b(&[Char('e'), Code(KeyCode::Enter)], K_E_ENTER, Action::Edit, Scope::Criteria, "edit the criterion: text, kind, weight, who holds it, where we stand", true),
    b(&[Char('t')], "t", Action::CycleStanding, Scope::Criteria, "where we stand on it: unknown → ahead → even → behind", true),
    b(&[Char('d')], "d", Action::Delete, Scope::Criteria, "remove the criterion (asks first)", false),
    b(&[Char('a')], "a", Action::Add, Scope::ClosePlan, "add a step to the close plan (text, side, due date)", true),
    b(&[Char('e'), Code(KeyCode::Enter)], K_E_ENTER, Action::Edit, Scope::ClosePlan, "edit the step", true),
    b(&[Char('x')], "x", Action::Done, Scope::ClosePlan, "mark the step done today (x again: open it again)", true),
    b(&[Char('d')], "d", Action::Delete, Scope::ClosePlan, "remove the step (asks first)", false),
    b(&[Char('z')], "z", Action::Snooze, Scope::Flags, "snooze a computed flag until a date, with a reason (z again: wake it)", true),
    b(&[Char('u')], "u", Action::Undo, Scope::Global, "undo", true),
    b(&[Ctrl('r')], K_CTRL_R, Action::Redo, Scope::Global, "redo", false),
    b(&[Char('R')], "R", Action::Reload, Scope::Global, "reload the file after it changed on disk", false),
    b(&[Char('S')], "S", Action::Settings, Scope::Global, "settings: owner, currency, each stage's probability and stall days, quiet days, win and loss reasons", false),
    b(&[Char('M')], "M", Action::Conflicts, Scope::Global, "merge conflicts: the list to resolve one by one (keep ours, take theirs, edit)", false),
    b(&[Ctrl('l')], K_CTRL_L, Action::Language, Scope::Global, "language: 中文 ⇄ English for this session, then asks whether to keep it in the settings", false),
    // Anywhere, a dialog included: what was typed in it was not saved yet,
    // and was not meant to be.
    b(&[Ctrl('c')], K_CTRL_C, Action::Quit, Scope::Always, "quit (in a form or a prompt with text: press it twice, what is typed is dropped)", false),
    b(&[Ctrl('z')], K_CTRL_Z, Action::Suspend, Scope::Always, "suspend (fg resumes; a dialog stays open)", false),
    // Dialogs. Keys not bound here are typed into the dialog's text field.
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Submit, Scope::Form, "save (once every field is valid)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::Form, "cancel (nothing changes)", true),
    b(&[Code(KeyCode::Tab), Code(KeyCode::Down)], K_TAB_DOWN, Action::NextField, Scope::Form, "next field", true),
    b(&[Code(KeyCode::BackTab), Code(KeyCode::Up)], K_SHIFT_TAB_UP, Action::PrevField, Scope::Form, "previous field", false),
    b(&[Code(KeyCode::Right), Char(' ')], K_RIGHT_SPACE, Action::ChoiceNext, Scope::Choice, "next value", true),
    b(&[Code(KeyCode::Left)], "←", Action::ChoicePrev, Scope::Choice, "previous value", false),
    b(&[Code(KeyCode::Right)], "→", Action::ChoiceNext, Scope::Pick, "next existing name (or type a new one)", true),
    b(&[Code(KeyCode::Left)], "←", Action::ChoicePrev, Scope::Pick, "previous existing name", false),
    b(&[Char('y'), Char('Y')], "y", Action::Yes, Scope::Confirm, "yes, make the change; u undoes it", true),
    b(&[Code(KeyCode::Esc), Char('n')], K_ESC_N, Action::Cancel, Scope::Confirm, "no, keep everything; so does any other key", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Submit, Scope::Filter, "keep the filter (`:save NAME` after it saves it, `:NAME` applies a saved one, `:delete NAME` removes one; one list for views 1, 2 and 4)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::Filter, "clear the filter", true),
    b(&[Code(KeyCode::Down)], "↓", Action::Down, Scope::Filter, "the next saved filter (put in the prompt and applied)", true),
    b(&[Code(KeyCode::Up)], "↑", Action::Up, Scope::Filter, "the previous saved filter (put in the prompt and applied)", false),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Submit, Scope::Reschedule, "due on the date typed: t today, m tomorrow, w in a week, fri, +3, eom, 2027-1-15", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::Reschedule, "cancel (nothing changes)", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Submit, Scope::QuickAdd, "create the deal shown below the line (u undoes it)", true),
    b(&[Code(KeyCode::Tab)], K_TAB, Action::FullForm, Scope::QuickAdd, "full form: the new-deal form, filled with what was typed", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::QuickAdd, "cancel (nothing changes)", true),
    b(&[Code(KeyCode::Esc), Code(KeyCode::Enter), Char('q')], K_ESC_ENTER_Q, Action::Cancel, Scope::PoliticalMap, "close the map", true),
    b(&[Code(KeyCode::Esc), Code(KeyCode::Enter), Char('q')], K_ESC_ENTER_Q, Action::Cancel, Scope::LogEntry, "close the entry (j k PgDn PgUp scroll a long one)", true),
    b(&[Char('o')], "o", Action::KeepOurs, Scope::Conflicts, "keep ours: the value in this workspace stays (u undoes)", true),
    b(&[Char('t')], "t", Action::TakeTheirs, Scope::Conflicts, "take theirs: their value replaces ours (u undoes)", true),
    b(&[Char('e'), Code(KeyCode::Enter)], K_E_ENTER, Action::Edit, Scope::Conflicts, "edit: type the value, starting from ours", true),
    b(&[Char('u')], "u", Action::Undo, Scope::Conflicts, "undo the last choice (the conflict comes back)", false),
    b(&[Char('?')], "?", Action::Help, Scope::Conflicts, "help: every key of this list", false),
    b(&[Code(KeyCode::Esc), Char('q')], K_ESC_Q, Action::Cancel, Scope::Conflicts, "close the list (what is not resolved stays, M opens it again)", true),
    b(&[Code(KeyCode::Enter)], K_ENTER, Action::Submit, Scope::ConflictEdit, "save the value typed (u undoes)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::ConflictEdit, "back to the list (nothing changes)", true),
    b(&[Code(KeyCode::Esc)], K_ESC, Action::Cancel, Scope::Help, "close this help (any key but the scroll keys j k PgDn PgUp does)", true),
];

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        match self {
            Char(c) => {
                ev.code == KeyCode::Char(c)
                    && !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
            // with Shift or Caps Lock some terminals send Ctrl-D as `D`
            Ctrl(c) => {
                matches!(ev.code, KeyCode::Char(k) if k.eq_ignore_ascii_case(&c))
                    && ev.modifiers.contains(KeyModifiers::CONTROL)
            }
            Code(code) => {
                ev.code == code
                    && !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
        }
    }
}

/// The character a key types, if it types one (no Ctrl or Alt held).
pub fn typed_char(ev: &KeyEvent) -> Option<char> {
    match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// The action bound to `ev` in any of `scopes` (earlier scopes win).
pub fn lookup(ev: &KeyEvent, scopes: &[Scope]) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.action)
    })
}

/// The bindings that apply in `scopes`, the focused pane's own first (so
/// the hint line, cut at the screen's edge, shows what is special here).
pub fn bindings_for(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    scopes
        .iter()
        .flat_map(|s| BINDINGS.iter().filter(move |b| b.scope == *s))
}

/// As [`bindings_for`], without the bindings an earlier scope shadows
/// (every key of theirs taken by a binding listed before): what the help
/// overlay lists, so a key shows once, with what it does here.
pub fn bindings_in_effect(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut shown: Vec<&'static Binding> = Vec::new();
    for b in bindings_for(scopes) {
        let taken = |k: &Key| shown.iter().any(|s| s.keys.contains(k));
        if !b.keys.iter().all(taken) {
            shown.push(b);
        }
    }
    shown
}

/// The hinted keys of `scopes` on one line, `Enter save · Esc cancel`:
/// what a dialog shows under its fields.
pub fn hint_text(scopes: &[Scope]) -> String {
    bindings_for(scopes)
        .filter(|b| b.hint)
        .map(|b| format!("{} {}", b.label, b.short()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The first words of a help text, for hint lines: up to its first colon
/// or parenthesis (full-width ones in Chinese).
pub fn short_help(help: &str) -> &str {
    help.split([':', '(', '：', '（'])
        .next()
        .unwrap_or(help)
        .trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn shifted_characters_and_control_keys_are_told_apart() {
        let all = [
            Scope::Global,
            Scope::Table,
            Scope::Deal,
            Scope::List,
            Scope::Always,
        ];
        assert_eq!(
            lookup(&key(KeyCode::Char('W'), KeyModifiers::SHIFT), &all),
            Some(Action::Won)
        );
        assert_eq!(
            lookup(&key(KeyCode::Char('>'), KeyModifiers::SHIFT), &all),
            Some(Action::StageNext)
        );
        assert_eq!(
            lookup(&key(KeyCode::Char('r'), KeyModifiers::CONTROL), &all),
            Some(Action::Redo)
        );
        assert_eq!(
            lookup(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), &all),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&key(KeyCode::Char('r'), KeyModifiers::NONE), &all),
            None
        );
        let shifted = KeyModifiers::CONTROL | KeyModifiers::SHIFT;
        assert_eq!(
            lookup(&key(KeyCode::Char('D'), shifted), &all),
            Some(Action::HalfPageDown),
            "Ctrl-D with Shift or Caps Lock"
        );
    }

    #[test]
    fn a_key_means_what_its_focused_scope_says() {
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            lookup(&enter, &[Scope::Table, Scope::Global]),
            Some(Action::Open)
        );
        assert_eq!(
            lookup(&enter, &[Scope::Qualification, Scope::Global]),
            Some(Action::Toggle)
        );
        let a = key(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&a, &[Scope::Table, Scope::Global]),
            Some(Action::QuickAdd)
        );
        assert_eq!(lookup(&a, &[Scope::Log, Scope::Global]), Some(Action::Add));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, x) in BINDINGS.iter().enumerate() {
            for y in &BINDINGS[i + 1..] {
                if x.scope == y.scope {
                    assert!(
                        !x.keys.iter().any(|k| y.keys.contains(k)),
                        "{} and {}",
                        x.label,
                        y.label
                    );
                }
            }
        }
    }

    #[test]
    fn every_help_text_has_its_chinese() {
        let zh = crate::i18n::Locale {
            lang: crate::i18n::Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        crate::i18n::with(zh, || {
            for b in BINDINGS {
                assert_ne!(b.text(), b.help, "no Chinese for {:?}", b.help);
                assert!(!b.short().is_empty(), "{:?}", b.help);
            }
        });
    }

    #[test]
    fn the_help_lists_the_views_in_their_order() {
        let views: Vec<&str> = bindings_for(&[Scope::Global])
            .filter(|b| b.help.starts_with("view "))
            .map(|b| b.label)
            .collect();
        assert_eq!(views, ["1", "2", "3", "4", "5", "6", "7", "8"]);
    }
}
