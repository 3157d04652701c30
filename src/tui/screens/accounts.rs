//! View 4: the accounts and the screening matrix.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::tui::app::{FormPurpose, Tone};
use crate::tui::cursor::ListCursor;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::edits;
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
                edits::account_form(None),
                FormPurpose::NewAccount,
            ))];
        }
        let Some(a) = ws.accounts.get(self.cursor.at()) else {
            return vec![Cmd::say("no account yet: a adds one")];
        };
        match action {
            Action::Edit => vec![Cmd::Open(Dialog::Form(
                edits::account_form(Some(a)),
                FormPurpose::EditAccount(a.id.clone()),
            ))],
            Action::Delete => {
                let using: Vec<&str> = ws
                    .opportunities
                    .iter()
                    .filter(|o| o.account == a.id)
                    .map(|o| o.id.as_str())
                    .collect();
                if !using.is_empty() {
                    let shown: Vec<&str> = using.iter().take(8).copied().collect();
                    let more = if using.len() > 8 { ", …" } else { "" };
                    let text = format!(
                        "{} has {} opportunities ({}{more}): move or delete them first",
                        a.name,
                        using.len(),
                        shown.join(", "),
                    );
                    return vec![Cmd::Say(text, Tone::Warning)];
                }
                match edits::delete_account(ws, &a.id) {
                    Some(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                        title: " Delete ",
                        question: format!(
                            "Delete the account “{}”?",
                            crate::cli::text::clean(&a.name)
                        ),
                        change,
                        kept: "not deleted",
                    }))],
                    None => Vec::new(),
                }
            }
            Action::Open => vec![Cmd::AccountDeals(a.name.clone())],
            _ => Vec::new(),
        }
    }
}
