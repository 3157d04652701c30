//! View 4: the accounts and the screening matrix.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::AccountId;
use crate::domain::edit;
use crate::text::clean;
use crate::tui::app::FormPurpose;
use crate::tui::cursor::ListCursor;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};

#[derive(Debug, Default)]
pub struct AccountsState {
    pub cursor: ListCursor,
}

impl AccountsState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::List, Scope::Global, Scope::Always]
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        if let Some(m) = movement(action) {
            self.cursor.apply(m, ws.accounts.len(), cx.page);
            return Vec::new();
        }
        if action == Action::Add {
            return vec![Cmd::Open(Dialog::Form(
                forms::account_form(None),
                FormPurpose::NewAccount,
            ))];
        }
        let Some(a) = ws.accounts.get(self.cursor.at()) else {
            return vec![Cmd::say("no account yet: a adds one")];
        };
        match action {
            Action::Edit => vec![Cmd::Open(Dialog::Form(
                forms::account_form(Some(a)),
                FormPurpose::EditAccount(AccountId::of(a)),
            ))],
            // refused, naming the deals, while deals use the account
            Action::Delete => match edit::delete_account(ws, &AccountId::of(a)) {
                Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: " Delete ",
                    question: format!("Delete the account “{}”?", clean(&a.name)),
                    change,
                    kept: "not deleted",
                }))],
                Err(why) => Cmd::edit(Err(why)),
            },
            Action::Open => vec![Cmd::AccountDeals(a.name.clone())],
            _ => Vec::new(),
        }
    }
}
