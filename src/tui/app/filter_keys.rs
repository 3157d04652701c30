//! Keys in the `/` prompt of views 1, 2, 4 and 8: typing filters live; Enter
//! keeps the filter or runs the command after it (`:save NAME`, `:NAME`,
//! `:delete NAME`); `↑`/`↓` step through the saved filters.
//!
//! The saved filters are one map for all views (`settings.saved_filters`):
//! the words are one language, and a word a view does not know is text
//! there, so a filter saved in view 2 means the same deals in view 1.

use super::*;
use crate::domain::change::{Change, Patch};
use crate::tui::dialog::FilterTarget;
use std::collections::BTreeMap;

impl App {
    pub(super) fn filter_key(
        &mut self,
        target: FilterTarget,
        action: Option<Action>,
        key: &KeyEvent,
    ) -> Vec<Effect> {
        match action {
            Some(Action::Submit) => {
                let typed = self.filter_input(target).value().to_string();
                let (filter, command) = crate::tui::filter::split_command(&typed);
                let Some(command) = command else {
                    return Vec::new();
                };
                return self.filter_command(target, filter.trim_end().to_string(), command);
            }
            Some(Action::Up | Action::Down) => {
                self.dialog = Some(Dialog::Filter(target));
                if !self.step_saved(target, action == Some(Action::Down)) {
                    return Vec::new();
                }
            }
            Some(Action::Cancel) => {
                // Esc: the whole list again, the selection where it was
                // (on the deal found, or where the list was left when
                // nothing was typed)
                if self.filter_input(target).is_empty() {
                    return Vec::new();
                }
                self.filter_input(target).clear();
                self.refilter(target);
                return Vec::new();
            }
            _ => {
                let changed = self.filter_input(target).handle(key, |_| true);
                self.dialog = Some(Dialog::Filter(target));
                if !changed {
                    return Vec::new();
                }
            }
        }
        self.filter_changed(target);
        Vec::new()
    }

    /// A new filter: the list starts at its top. Only the filtered list is
    /// made again (view 1's rows do not depend on view 2's filter; sorting
    /// 10,000 deals again took half of a view 2 filter letter).
    fn filter_changed(&mut self, target: FilterTarget) {
        match target {
            FilterTarget::Pipeline => self.screens.pipeline.table = Default::default(),
            FilterTarget::Actions => self.screens.actions.cursor = Default::default(),
            FilterTarget::Accounts => self.screens.accounts.cursor = Default::default(),
            FilterTarget::People => self.screens.people.cursor = Default::default(),
        }
        self.refilter(target);
    }

    /// Makes the filtered list again, its selection kept on the same item
    /// when it is still listed.
    fn refilter(&mut self, target: FilterTarget) {
        match target {
            FilterTarget::Pipeline => self.refresh(None),
            FilterTarget::Actions => self.screens.actions.refresh(&self.ws, self.today),
            FilterTarget::Accounts => self.screens.accounts.refresh(&self.ws),
            FilterTarget::People => self.screens.people.refresh(&self.ws, self.today),
        }
    }

    /// `↑`/`↓`: the previous or next saved filter (by name) in the prompt,
    /// applied. Returns whether the prompt changed.
    fn step_saved(&mut self, target: FilterTarget, forward: bool) -> bool {
        let saved: Vec<(String, String)> = self
            .ws
            .settings
            .saved_filters
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if saved.is_empty() {
            self.say(
                crate::i18n::t("no saved filter yet: type one, then :save NAME and Enter"),
                Tone::Info,
            );
            return false;
        }
        let typed = self.filter_input(target).value().trim().to_string();
        // where the prompt is now: the filter stepped to last, if the
        // prompt still holds it, else the first with the same text
        let at = self
            .saved_step
            .as_ref()
            .and_then(|name| saved.iter().position(|(k, v)| k == name && *v == typed))
            .or_else(|| saved.iter().position(|(_, v)| *v == typed));
        let n = saved.len();
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let (name, value) = &saved[next];
        self.filter_input(target).set(value.as_str());
        self.saved_step = Some(name.clone());
        self.say(
            crate::tf!(
                "filter \"{name}\" ({i}/{n}): {value}",
                name,
                i = next + 1,
                n,
                value
            ),
            Tone::Info,
        );
        true
    }

    /// `:save NAME` (saves the filter typed before it under NAME), `:NAME`
    /// (puts the filter saved as NAME in place) or `:delete NAME` / `:del
    /// NAME` (removes it), typed in a `/` prompt, on Enter.
    fn filter_command(
        &mut self,
        target: FilterTarget,
        filter: String,
        command: &str,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        let words: Vec<&str> = command.trim_start_matches(':').split_whitespace().collect();
        let saved = self.ws.settings.saved_filters.clone();
        let shown = match words.as_slice() {
            ["save", name] => {
                if let Some(why) = &self.read_only {
                    let text = crate::tf!("{why}: the filter was not saved", why);
                    self.say(text, Tone::Warning);
                } else if filter.is_empty() {
                    self.say(
                        crate::i18n::t("type a filter before :save NAME"),
                        Tone::Error,
                    );
                } else if saved.get(*name) == Some(&filter) {
                    self.say(
                        crate::tf!("filter \"{name}\" is saved already", name),
                        Tone::Info,
                    );
                } else {
                    let mut after = saved.clone();
                    after.insert((*name).to_string(), filter.clone());
                    let label = crate::tf!("saved filter \"{name}\"", name);
                    effects = self.commit_filters(label, saved, after);
                }
                filter
            }
            ["delete" | "del", name] => {
                if let Some(why) = &self.read_only {
                    let text = crate::tf!("{why}: the filter was not deleted", why);
                    self.say(text, Tone::Warning);
                } else if !saved.contains_key(*name) {
                    self.say(unknown(name, &saved), Tone::Error);
                } else {
                    let mut after = saved.clone();
                    after.remove(*name);
                    let label = crate::tf!("deleted saved filter \"{name}\"", name);
                    effects = self.commit_filters(label, saved, after);
                }
                filter
            }
            [name] => match saved.get(*name) {
                Some(value) => {
                    self.say(
                        crate::tf!("filter \"{name}\": {value}", name, value),
                        Tone::Info,
                    );
                    value.clone()
                }
                None => {
                    self.say(unknown(name, &saved), Tone::Error);
                    filter
                }
            },
            _ => {
                self.say(
                    crate::i18n::t("after the filter: :save NAME, :NAME or :delete NAME"),
                    Tone::Error,
                );
                filter
            }
        };
        self.filter_input(target).set(shown);
        self.filter_changed(target);
        effects
    }

    /// The saved filters changed as one undo step.
    fn commit_filters(
        &mut self,
        label: String,
        before: BTreeMap<String, String>,
        after: BTreeMap<String, String>,
    ) -> Vec<Effect> {
        let mut change = Change::new(label);
        change.patches.push(Patch::SavedFilters { before, after });
        self.commit(change)
    }
}

/// A name not saved: which are.
fn unknown(name: &str, saved: &BTreeMap<String, String>) -> String {
    if saved.is_empty() {
        return crate::tf!(
            "no saved filter \"{name}\"; none saved yet (:save NAME)",
            name
        );
    }
    let names: Vec<&str> = saved.keys().map(String::as_str).collect();
    crate::tf!(
        "no saved filter \"{name}\"; saved: {names}",
        name,
        names = names.join(", ")
    )
}
