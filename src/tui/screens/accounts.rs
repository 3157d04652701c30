//! View 4: the accounts and the screening matrix.

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
}

impl AccountsState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::List, Scope::Global, Scope::Always]
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
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        if let Some(m) = movement(action) {
            self.cursor
                .apply(m, self.rows.len(), cx.page(List::Accounts));
            return Vec::new();
        }
        if action == Action::Filter {
            return vec![Cmd::Open(Dialog::Filter(FilterTarget::Accounts))];
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
                    question: crate::tf!("Delete the account “{name}”?", name = clean(&a.name)),
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
