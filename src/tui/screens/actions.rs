//! View 2: the prioritised action list across the pipeline.

use super::pipeline::movement;
use super::{Cmd, Cx, deal_items};
use crate::domain::edit;
use crate::domain::priority::Entry;
use crate::domain::{ActionId, OpportunityId};
use crate::domain::{Date, Workspace};
use crate::tui::cursor::{List, ListCursor};
use crate::tui::dialog::{Dialog, FilterTarget};
use crate::tui::keymap::{Action, Scope};
use crate::tui::text_input::TextInput;

#[derive(Debug, Default)]
pub struct ActionsState {
    /// The prioritised list, as of the last change.
    pub list: Vec<Entry>,
    pub cursor: ListCursor,
    pub filter: TextInput,
}

impl ActionsState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::ActionList, Scope::List, Scope::Global, Scope::Always]
    }

    pub fn selected(&self) -> Option<&Entry> {
        self.list.get(self.cursor.at())
    }

    /// Rebuilds the list, keeping the selection on the same entry.
    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        let key = |e: &Entry| {
            (
                ws.opportunities.get(e.opportunity).map(|o| o.id.clone()),
                e.action.clone(),
                e.text.clone(),
            )
        };
        let kept = self.selected().map(key);
        let needle = self.filter.value().to_lowercase();
        self.list = crate::domain::priority::list(ws, today)
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
        let found = kept.and_then(|k| self.list.iter().position(|e| key(e) == k));
        self.cursor
            .set(found.unwrap_or(self.cursor.at()), self.list.len());
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        if let Some(m) = movement(action) {
            self.cursor
                .apply(m, self.list.len(), cx.page(List::ActionList));
            return Vec::new();
        }
        if action == Action::Filter {
            return vec![Cmd::Open(Dialog::Filter(FilterTarget::Actions))];
        }
        let Some(entry) = self.selected() else {
            return vec![Cmd::say("the list is empty")];
        };
        let index = entry.opportunity;
        match (action, &entry.action) {
            (Action::Open, _) => vec![Cmd::Jump {
                opportunity: index,
                action: entry.action.clone(),
            }],
            (Action::Add, None) => {
                let id = OpportunityId::of(&cx.ws.opportunities[index]);
                Cmd::edit(edit::add_suggestion(cx.ws, &id, entry, cx.today))
            }
            (Action::Add, Some(_)) => vec![Cmd::say(
                "already an action; a adds a suggested one to its deal",
            )],
            (Action::Done | Action::Reschedule | Action::Edit, Some(id)) => {
                deal_items::action(action, cx, index, Some(ActionId::new(id.clone())))
            }
            (Action::Done | Action::Reschedule | Action::Edit, None) => vec![Cmd::say(
                "a suggestion from a red flag: a adds it as an action",
            )],
            _ => Vec::new(),
        }
    }
}
