//! The merge conflicts' list (spec section 13): keep ours, take theirs or
//! type a value, one conflict at a time. Each choice is one edit through
//! the undo history, saved at once like any other.

use super::*;
use crate::domain::merge::resolve::{self, Pick};
use crate::tui::cursor::List;
use crate::tui::dialog::ConflictList;
use crate::tui::screens::pipeline::movement;
use crate::tui::text_input::TextInput;

impl App {
    /// `M`: the list, or why there is none.
    pub(super) fn open_conflicts(&mut self) -> Vec<Effect> {
        if let Some(text) = self
            .team
            .as_ref()
            .and_then(|team| crate::tui::team::unresolved_banner(&team.unresolved))
        {
            self.say(text, Tone::Warning);
            return Vec::new();
        }
        if self.ws.conflicts.is_empty() {
            self.say(
                crate::i18n::t("no merge conflicts: the workspace is clean"),
                Tone::Info,
            );
        } else {
            self.dialog = Some(Dialog::Conflicts(ConflictList::default()));
        }
        Vec::new()
    }

    pub(super) fn conflict_key(
        &mut self,
        mut list: ConflictList,
        action: Option<Action>,
        key: &KeyEvent,
    ) -> Vec<Effect> {
        let len = self.ws.conflicts.len();
        list.cursor.clamp(len);
        if let Some(mut typed) = list.edit.take() {
            return match action {
                Some(Action::Cancel) => self.reopen(list),
                Some(Action::Submit) => {
                    let Some(conflict) = self.ws.conflicts.get(list.cursor.at()) else {
                        return self.reopen(list);
                    };
                    match resolve::parse_edit(conflict, typed.value(), self.today) {
                        Ok(value) => {
                            // a value refused stays typed, to be corrected
                            list.edit = Some(typed);
                            self.choose(list, Pick::Value(value))
                        }
                        Err(why) => {
                            // the value typed stays, to be corrected
                            list.edit = Some(typed);
                            self.dialog = Some(Dialog::Conflicts(list));
                            self.say(why, Tone::Error);
                            Vec::new()
                        }
                    }
                }
                _ => {
                    typed.handle(key, |c| !c.is_control());
                    list.edit = Some(typed);
                    self.reopen(list)
                }
            };
        }
        match action {
            Some(Action::Cancel) => Vec::new(),
            Some(Action::KeepOurs) => self.choose(list, Pick::Ours),
            Some(Action::TakeTheirs) => self.choose(list, Pick::Theirs),
            Some(Action::Edit) => {
                if self.refused() {
                    return self.reopen(list);
                }
                if let Some(c) = self.ws.conflicts.get(list.cursor.at()) {
                    list.edit = Some(TextInput::new(typed_form(&c.ours)));
                }
                self.reopen(list)
            }
            Some(Action::Undo) => {
                if self.refused() {
                    return self.reopen(list);
                }
                let before: Vec<String> =
                    self.ws.conflicts.iter().map(|c| c.path.clone()).collect();
                let effects = self.undo_redo(true);
                let conflicts = &self.ws.conflicts;
                if !conflicts.is_empty() {
                    // the conflict the undo brought back is the one selected
                    match conflicts.iter().position(|c| !before.contains(&c.path)) {
                        Some(back) => list.cursor.set(back, conflicts.len()),
                        None => list.cursor.clamp(conflicts.len()),
                    }
                    self.dialog = Some(Dialog::Conflicts(list));
                }
                effects
            }
            Some(Action::Help) => {
                self.dialog = Some(Dialog::Help {
                    title: "merge conflicts", // i18n-exempt: a place's name; help::title translates the title
                    scopes: list.scopes(),
                    scroll: Default::default(),
                    under: Some(Box::new(Dialog::Conflicts(list))),
                });
                Vec::new()
            }
            Some(a) => {
                if let Some(m) = movement(a) {
                    let page = self.cx().page(List::Conflicts);
                    list.cursor.apply(m, len, page);
                }
                self.reopen(list)
            }
            None => self.reopen(list),
        }
    }

    fn reopen(&mut self, list: ConflictList) -> Vec<Effect> {
        self.dialog = Some(Dialog::Conflicts(list));
        Vec::new()
    }

    /// Whether edits are refused (another funnel has the file, a newer
    /// version): says so, as every other edit does.
    fn refused(&mut self) -> bool {
        if let Some(why) = &self.read_only {
            let text = crate::tf!("{why}: nothing was changed", why);
            self.say(text, Tone::Warning);
            return true;
        }
        false
    }

    /// Resolves the selected conflict with `pick`: the change goes through
    /// the history and is saved; a refusal changes nothing and says why.
    /// A value typed (`list.edit`) stays open when it is refused.
    fn choose(&mut self, mut list: ConflictList, pick: Pick) -> Vec<Effect> {
        if self.refused() {
            return self.reopen(list);
        }
        let at = list.cursor.at();
        if at >= self.ws.conflicts.len() {
            return self.reopen(list);
        }
        match resolve::resolve(&mut self.ws, at, pick, self.today) {
            Ok(change) => {
                let effects = self.commit(change);
                list.edit = None;
                if self.ws.conflicts.is_empty() {
                    // what to do next, rather than which one was last: it
                    // fits 80 columns with " · saved" after it
                    self.say(
                        crate::i18n::t(
                            "All merge conflicts resolved: git add the file and commit the merge",
                        ),
                        Tone::Info,
                    );
                } else {
                    list.cursor.clamp(self.ws.conflicts.len());
                    self.dialog = Some(Dialog::Conflicts(list));
                }
                effects
            }
            Err(why) => {
                self.say(why, Tone::Warning);
                self.reopen(list)
            }
        }
    }
}

/// The text the value input starts from: ours as `parse_edit` reads it
/// back (a string as it is, anything else as JSON).
fn typed_form(ours: &serde_json::Value) -> String {
    match ours {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
