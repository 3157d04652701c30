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
    /// The entries the filter lets through, as positions in `ranked`: a
    /// filter letter over 46,000 entries then copies none of them.
    shown: Vec<usize>,
    pub cursor: ListCursor,
    pub filter: TextInput,
    /// The marked actions, by (deal id, action id): `x` and `r` act on
    /// them all.
    pub marks: crate::tui::marks::Marks<(String, String)>,
    /// What the filter reads (flag rules, lower-cased texts), kept until
    /// the data changes.
    filter_cache: super::action_filter::Cache,
    /// The whole prioritised list before the filter, as of the last
    /// change: typing a filter letter filters it again, without ranking
    /// 46,000 entries of 10,000 deals anew at every key.
    ranked: Vec<Entry>,
    /// `ranked` is out of date: the data changed since it was made.
    stale: bool,
}

/// What marks an entry: its deal's id and its action's (a suggestion from
/// a red flag has none, and is not marked).
pub fn mark_key(ws: &Workspace, e: &Entry) -> Option<(String, String)> {
    let o = ws.opportunities.get(e.opportunity)?;
    Some((o.id.clone(), e.action.clone()?))
}

impl ActionsState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::ActionList, Scope::List, Scope::Global, Scope::Always]
    }

    /// Forgets the ranked list and what the filter read (the data changed).
    pub fn data_changed(&mut self) {
        self.filter_cache = Default::default();
        self.stale = true;
    }

    /// How many entries the list shows (the filter applied).
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// The `n`th entry the list shows.
    pub fn entry(&self, n: usize) -> Option<&Entry> {
        self.shown.get(n).and_then(|i| self.ranked.get(*i))
    }

    /// The entries the list shows, highest score first.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + '_ {
        self.shown.iter().map(|i| &self.ranked[*i])
    }

    pub fn selected(&self) -> Option<&Entry> {
        self.entry(self.cursor.at())
    }

    /// Rebuilds the list, keeping the selection on the same entry.
    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        // the selected entry by what stays when the list is ranked anew:
        // its deal's id, its action's id and its text
        let kept = self.selected().map(|e| {
            (
                ws.opportunities.get(e.opportunity).map(|o| o.id.clone()),
                e.action.clone(),
                e.text.clone(),
            )
        });
        if self.stale || self.ranked.is_empty() {
            self.ranked = crate::domain::priority::list(ws, today);
            self.stale = false;
        }
        let typed = self.filter.value();
        self.shown =
            super::action_filter::filter(ws, today, typed, &mut self.filter_cache, &self.ranked);
        if !self.marks.is_empty() {
            // a mark is dropped when its action is done, gone or its deal
            // closed: the list no longer has it, filtered or not
            let open: std::collections::HashSet<(&str, &str)> = ws
                .opportunities
                .iter()
                .filter(|o| o.is_open())
                .flat_map(|o| {
                    o.actions
                        .iter()
                        .filter(|a| a.done.is_none())
                        .map(move |a| (o.id.as_str(), a.id.as_str()))
                })
                .collect();
            self.marks
                .retain(|(o, a)| open.contains(&(o.as_str(), a.as_str())));
        }
        // compared in place: cloning the key of each of 46,000 entries
        // took most of a filter letter's time
        let found = kept.and_then(|(id, action, text)| {
            self.entries().position(|e| {
                e.text == text
                    && e.action == action
                    && ws.opportunities.get(e.opportunity).map(|o| &o.id) == id.as_ref()
            })
        });
        self.cursor
            .set(found.unwrap_or(self.cursor.at()), self.len());
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        if let Some(m) = movement(action) {
            self.cursor.apply(m, self.len(), cx.page(List::ActionList));
            return Vec::new();
        }
        if action == Action::Filter {
            return vec![Cmd::Open(Dialog::Filter(FilterTarget::Actions))];
        }
        if let Some(cmds) = self.on_mark(action, cx) {
            return cmds;
        }
        let Some(entry) = self.selected() else {
            return vec![Cmd::say(crate::i18n::t("the list is empty"))];
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
            (Action::Add, Some(_)) => vec![Cmd::say(crate::i18n::t(
                "already an action; a adds a suggested one to its deal",
            ))],
            (
                Action::Done
                | Action::Reschedule
                | Action::Edit
                | Action::Delete
                | Action::CallPlan,
                Some(id),
            ) => deal_items::action(action, cx, index, Some(ActionId::new(id.clone()))),
            (
                Action::Done
                | Action::Reschedule
                | Action::Edit
                | Action::Delete
                | Action::CallPlan,
                None,
            ) => {
                vec![Cmd::say(crate::i18n::t(
                    "a suggestion from a red flag, not an action: a adds it as an action",
                ))]
            }
            _ => Vec::new(),
        }
    }
}

/// Asks before deleting the marked actions, all in one change.
fn delete_marked(items: &[(OpportunityId, ActionId)], cx: &Cx) -> Vec<Cmd> {
    let bulk = edit::delete_actions(cx.ws, items);
    super::ask_bulk_delete(bulk, ("action", "actions"), "")
}

impl ActionsState {
    /// The marked actions, as (deal id, action id).
    fn marked_items(&self) -> Vec<(OpportunityId, ActionId)> {
        self.marks
            .keys()
            .map(|(o, a)| (OpportunityId::new(o.clone()), ActionId::new(a.clone())))
            .collect()
    }

    /// Whether the entry is marked.
    pub fn marked(&self, ws: &Workspace, e: &Entry) -> bool {
        !self.marks.is_empty() && mark_key(ws, e).is_some_and(|k| self.marks.contains(&k))
    }

    /// `space`, `V`, `Esc`, and `x`, `r` or `d` while actions are marked.
    fn on_mark(&mut self, action: Action, cx: &Cx) -> Option<Vec<Cmd>> {
        let ws = cx.ws;
        match action {
            Action::ClearMarks => Some(vec![Cmd::say(match self.marks.clear() {
                0 => crate::i18n::t("nothing is marked").to_owned(),
                n => crate::tf!(
                    "{marks} cleared",
                    marks = crate::text::count(n as i64, "mark", "marks")
                ),
            })]),
            Action::Mark => {
                let key = self.selected().map(|e| mark_key(ws, e));
                let len = self.len();
                self.cursor.apply(crate::tui::cursor::Move::Down, len, 1);
                Some(match key {
                    None => vec![Cmd::say(crate::i18n::t("the list is empty"))],
                    Some(None) => {
                        vec![Cmd::say(crate::i18n::t(
                            "a suggestion is not marked: a adds it as an action",
                        ))]
                    }
                    Some(Some(k)) => {
                        self.marks.toggle(k);
                        Vec::new()
                    }
                })
            }
            Action::MarkRange if self.is_empty() => {
                Some(vec![Cmd::say(crate::i18n::t("the list is empty"))])
            }
            Action::MarkRange => {
                let at = self.cursor.at();
                let from = self
                    .marks
                    .anchor()
                    .and_then(|(o, a)| {
                        self.entries().position(|e| {
                            e.action.as_ref() == Some(a)
                                && ws
                                    .opportunities
                                    .get(e.opportunity)
                                    .is_some_and(|x| &x.id == o)
                        })
                    })
                    .unwrap_or(at);
                let (lo, hi) = (from.min(at), from.max(at));
                let range: Vec<_> = self
                    .entries()
                    .skip(lo)
                    .take(hi - lo + 1)
                    .filter_map(|e| mark_key(ws, e))
                    .collect();
                self.marks.mark_all(range);
                Some(Vec::new())
            }
            Action::Delete if !self.marks.is_empty() => {
                Some(delete_marked(&self.marked_items(), cx))
            }
            Action::Done | Action::Reschedule if !self.marks.is_empty() => {
                let items = self.marked_items();
                Some(if action == Action::Done {
                    Cmd::bulk(edit::done_actions(ws, &items, cx.today))
                } else {
                    let mut items = items.into_iter();
                    let (opportunity, first) = items.next()?;
                    vec![Cmd::Open(Dialog::Reschedule {
                        opportunity,
                        action: first,
                        typed: TextInput::default(),
                        more: items.collect(),
                    })]
                })
            }
            _ => None,
        }
    }
}
