//! Keys on the panes of view 4's account workspace: the plan, the credit
//! and its invoices, complaints, satisfaction, contacts, the account's
//! deals and its timeline.

use super::rows;
use super::{AccountPane, Cmd, Cx};
use crate::tui::keymap::Action;

/// `action` on row `row` of `pane`, for the account at `index` of
/// `ws.accounts`.
pub fn on_action(pane: AccountPane, action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let a = &cx.ws.accounts[index];
    match (pane, action) {
        (AccountPane::Deals, Action::Open) => rows::deals(cx.ws, a)
            .get(row)
            .map(|&opportunity| {
                vec![Cmd::Jump {
                    opportunity,
                    action: None,
                }]
            })
            .unwrap_or_default(),
        (AccountPane::Timeline, Action::Open) => rows::timeline(cx.ws, a)
            .get(row)
            .map(|r| {
                vec![Cmd::Jump {
                    opportunity: r.deal,
                    action: Some(cx.ws.opportunities[r.deal].actions[r.action].id.clone()),
                }]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}
