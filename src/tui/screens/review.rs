//! View 5: the weekly review walk.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::OpportunityId;
use crate::tui::app::FormPurpose;
use crate::tui::dialog::Dialog;
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};
use crate::tui::review::Walk;

#[derive(Debug, Default)]
pub struct ReviewState {
    /// The walk, once view 5 was shown.
    pub walk: Option<Walk>,
}

impl ReviewState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::Review, Scope::List, Scope::Global, Scope::Always]
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let Some(walk) = self.walk.as_mut() else {
            return Vec::new();
        };
        let len = walk.order.len();
        if let Some(m) = movement(action) {
            let mut cursor = crate::tui::cursor::ListCursor::default();
            cursor.set(walk.at, len);
            cursor.apply(m, len, cx.page);
            walk.at = cursor.at();
            return Vec::new();
        }
        let index = walk
            .current()
            .and_then(|id| cx.ws.opportunities.iter().position(|o| o.id == id));
        match (action, index) {
            (Action::Reviewed | Action::Skip, _) => {
                walk.mark(action == Action::Reviewed);
                vec![
                    Cmd::StoreProgress,
                    Cmd::say(format!("{} of {} reviewed", walk.done(), len)),
                ]
            }
            (Action::Edit, Some(i)) => {
                let o = &cx.ws.opportunities[i];
                vec![Cmd::Open(Dialog::Form(
                    forms::opportunity_form(cx.ws, Some(o)),
                    FormPurpose::EditOpportunity(OpportunityId::of(o)),
                ))]
            }
            (Action::Add, Some(i)) => {
                let o = &cx.ws.opportunities[i];
                vec![Cmd::Open(Dialog::Form(
                    forms::action_form(o, None, cx.today),
                    FormPurpose::NewAction(OpportunityId::of(o)),
                ))]
            }
            (Action::Finish, _) => vec![Cmd::FinishReview],
            _ => Vec::new(),
        }
    }
}
