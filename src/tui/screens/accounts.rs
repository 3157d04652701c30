//! View 4: the accounts, the screening matrix, and the selected account's
//! workspace (spec section 11): its profile, plan, credit, complaints,
//! satisfaction, contacts, deals and timeline, each a pane Tab reaches.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::AccountId;
use crate::domain::Workspace;
use crate::domain::edit;
use crate::text::clean;
use crate::tui::app::FormPurpose;
use crate::tui::cursor::{List, ListCursor};
use crate::tui::dialog::{Confirm, Dialog, FilterTarget};
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};
use crate::tui::text_input::TextInput;

#[path = "account_items.rs"]
pub mod items;
/// What each pane lists, in its order (shared with `funnel plan`).
pub use crate::domain::account_rows as rows;

/// The panes of view 4, in Tab order: the list of accounts, then the
/// selected account's workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AccountPane {
    #[default]
    List,
    /// Industry, tier, quadrant, relationship, notes and the SWOT.
    Profile,
    /// The account plan (seed 003): last year, this year, target, strategy.
    Plan,
    /// The credit line and its invoices.
    Credit,
    Complaints,
    Satisfaction,
    Contacts,
    /// The account's deals and their red flags.
    Deals,
    /// The actions of the account's deals, by date.
    Timeline,
}

impl AccountPane {
    pub const ORDER: [AccountPane; 9] = [
        AccountPane::List,
        AccountPane::Profile,
        AccountPane::Plan,
        AccountPane::Credit,
        AccountPane::Complaints,
        AccountPane::Satisfaction,
        AccountPane::Contacts,
        AccountPane::Deals,
        AccountPane::Timeline,
    ];

    /// Where keys are looked up when this pane has the focus, first match wins.
    pub fn scopes(self) -> &'static [Scope] {
        use Scope::*;
        match self {
            AccountPane::List => &[Accounts, List, Global, Panes, Always],
            AccountPane::Profile => &[AccountProfile, AccountDetail, List, Global, Panes, Always],
            AccountPane::Plan => &[AccountPlan, AccountDetail, List, Global, Panes, Always],
            AccountPane::Credit => &[AccountCredit, AccountDetail, List, Global, Panes, Always],
            AccountPane::Complaints => &[
                AccountComplaints,
                AccountDetail,
                List,
                Global,
                Panes,
                Always,
            ],
            AccountPane::Satisfaction => &[
                AccountSatisfaction,
                AccountDetail,
                List,
                Global,
                Panes,
                Always,
            ],
            AccountPane::Contacts => &[AccountContacts, AccountDetail, List, Global, Panes, Always],
            AccountPane::Deals => &[AccountDeals, AccountDetail, List, Global, Panes, Always],
            AccountPane::Timeline => &[AccountTimeline, AccountDetail, List, Global, Panes, Always],
        }
    }

    /// The pane's name in the help overlay's title and the hint line.
    pub fn name(self) -> &'static str {
        match self {
            AccountPane::List => "accounts", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Profile => "account profile", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Plan => "account plan", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Credit => "credit", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Complaints => "complaints", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Satisfaction => "satisfaction", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Contacts => "contacts", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Deals => "account deals", // i18n-exempt: a place's name; help::title translates the title
            AccountPane::Timeline => "account timeline", // i18n-exempt: a place's name; help::title translates the title
        }
    }

    /// How many rows the pane lists for account `a` (0 for the panes that
    /// are not lists: profile and plan).
    pub fn len(self, ws: &Workspace, a: &crate::domain::Account) -> usize {
        match self {
            AccountPane::List | AccountPane::Profile | AccountPane::Plan => 0,
            AccountPane::Credit => rows::invoices(a).len(),
            AccountPane::Complaints => a.complaints.len(),
            AccountPane::Satisfaction => a.satisfaction.len(),
            AccountPane::Contacts => a.contacts.len(),
            AccountPane::Deals => rows::deal_order(ws, a).len(),
            AccountPane::Timeline => rows::timeline(ws, a).len(),
        }
    }

    fn slot(self) -> usize {
        AccountPane::ORDER
            .iter()
            .position(|p| *p == self)
            .unwrap_or_default()
    }
}

#[derive(Debug, Default)]
pub struct AccountsState {
    /// Position in `rows`.
    pub cursor: ListCursor,
    /// Indices into `ws.accounts` of the accounts shown (those the filter
    /// lets through), in file order.
    pub rows: Vec<usize>,
    /// `/`: by name or industry, and `tier:`, `industry:`,
    /// `relationship:` words.
    pub filter: TextInput,
    /// The pane with the focus.
    pub pane: AccountPane,
    /// The selected row of each pane's list, by [`AccountPane::ORDER`]
    /// (the list's own is `cursor`); they start at the top again when
    /// another account is selected.
    pub items: [ListCursor; 9],
    /// The id of the account the item cursors belong to.
    item_account: Option<String>,
    /// The record the selection of a pane follows after the edit a key
    /// asked for: `x` moves an invoice among the paid ones, a complaint
    /// among the resolved ones, an action among the done ones; a second
    /// `x` is for the same record, not for the one that took its row.
    follow: Option<(AccountPane, String)>,
}

impl AccountsState {
    pub fn scopes(&self) -> &'static [Scope] {
        self.pane.scopes()
    }

    /// Selects row `at` of the focused pane's list (a click on it).
    pub fn select_item(&mut self, ws: &Workspace, at: usize) {
        let Some(a) = self.selected(ws).map(|i| &ws.accounts[i]) else {
            return;
        };
        let len = self.pane.len(ws, a);
        self.items[self.pane.slot()].set(at, len);
    }

    /// The selected row of `pane`'s list.
    pub fn item(&self, pane: AccountPane) -> usize {
        self.items[pane.slot()].at()
    }

    /// Index in `ws.accounts` of the selected account.
    pub fn selected(&self, ws: &Workspace) -> Option<usize> {
        self.rows
            .get(self.cursor.at())
            .copied()
            .filter(|i| *i < ws.accounts.len())
    }

    /// Rebuilds the rows after the data or the filter changed, keeping the
    /// selection on the same account when it is still shown.
    pub fn refresh(&mut self, ws: &Workspace) {
        let kept = self
            .rows
            .get(self.cursor.at())
            .and_then(|i| ws.accounts.get(*i))
            .map(|a| a.id.clone());
        let query = crate::tui::filter_accounts::AccountQuery::parse(self.filter.value());
        let all = query == Default::default();
        self.rows = ws
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| all || query.keeps(a))
            .map(|(i, _)| i)
            .collect();
        let found = kept.and_then(|id| self.rows.iter().position(|i| ws.accounts[*i].id == id));
        self.cursor
            .set(found.unwrap_or(self.cursor.at()), self.rows.len());
        self.fit_items(ws);
    }

    /// Item cursors back at the top when another account is selected, and
    /// within their lists after an edit: called whenever the selection
    /// moves, so that an edit in a pane keeps that pane's row.
    pub fn fit_items(&mut self, ws: &Workspace) {
        let a = self.selected(ws).map(|i| &ws.accounts[i]);
        let id = a.map(|a| a.id.clone());
        if id != self.item_account {
            self.items = Default::default();
            self.item_account = id;
            // a record of the account left is not one of this account's
            self.follow = None;
        }
        for pane in AccountPane::ORDER {
            let len = a.map_or(0, |a| pane.len(ws, a));
            self.items[pane.slot()].clamp(len);
        }
        if let (Some((pane, key)), Some(a)) = (self.follow.take(), a) {
            let at = (0..pane.len(ws, a))
                .position(|row| items::record(pane, ws, a, row) == Some(key.clone()));
            if let Some(at) = at {
                self.items[pane.slot()].set(at, pane.len(ws, a));
            }
        }
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        let order = AccountPane::ORDER;
        let step = |by: usize| order[(self.pane.slot() + by) % order.len()];
        match action {
            Action::FocusNext => {
                self.pane = step(1);
                return Vec::new();
            }
            Action::FocusPrev => {
                self.pane = step(order.len() - 1);
                return Vec::new();
            }
            Action::Cancel if self.pane != AccountPane::List => {
                self.pane = AccountPane::List;
                return Vec::new();
            }
            _ => {}
        }
        if action == Action::Filter {
            return vec![Cmd::Open(Dialog::Filter(FilterTarget::Accounts))];
        }
        if self.pane != AccountPane::List {
            let Some(index) = self.selected(ws) else {
                self.pane = AccountPane::List;
                return vec![Cmd::say(crate::i18n::t("no account yet: a adds one"))];
            };
            let a = &ws.accounts[index];
            if let Some(m) = movement(action) {
                // the profile and the plan scroll their text, as far as
                // the view last drew it
                let len = match self.pane {
                    AccountPane::Profile | AccountPane::Plan => {
                        cx.pages.rows(List::AccountText).unwrap_or(1)
                    }
                    pane => pane.len(ws, a),
                };
                self.items[self.pane.slot()].apply(m, len, cx.page(List::AccountItems));
                return Vec::new();
            }
            let row = self.item(self.pane);
            self.follow = (action == Action::Done)
                .then(|| items::record(self.pane, ws, a, row))
                .flatten()
                .map(|key| (self.pane, key));
            return items::on_action(self.pane, action, cx, index, row);
        }
        if let Some(m) = movement(action) {
            self.cursor
                .apply(m, self.rows.len(), cx.page(List::Accounts));
            self.fit_items(ws);
            return Vec::new();
        }
        if action == Action::Add {
            return vec![Cmd::Open(Dialog::Form(
                forms::account_form(None),
                FormPurpose::NewAccount,
            ))];
        }
        let Some(a) = self.selected(ws).map(|i| &ws.accounts[i]) else {
            return vec![Cmd::say(if self.filter.is_empty() {
                crate::i18n::t("no account yet: a adds one")
            } else {
                crate::i18n::t("no account matches the filter: / then Esc clears it")
            })];
        };
        match action {
            Action::Edit => vec![Cmd::Open(Dialog::Form(
                forms::account_form(Some(a)),
                FormPurpose::EditAccount(AccountId::of(a)),
            ))],
            // refused, naming the deals, while deals use the account
            Action::Delete => match edit::delete_account(ws, &AccountId::of(a)) {
                Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: crate::i18n::t(" Delete "),
                    question: match items::goes_with(a) {
                        None => crate::tf!("Delete the account “{name}”?", name = clean(&a.name)),
                        Some(with) => crate::tf!(
                            "Delete the account “{name}” and {with}?",
                            name = clean(&a.name),
                            with
                        ),
                    },
                    change,
                    kept: crate::i18n::t("not deleted"),
                }))],
                Err(why) => Cmd::edit(Err(why)),
            },
            Action::Open => vec![Cmd::AccountDeals(a.name.clone())],
            _ => Vec::new(),
        }
    }
}
