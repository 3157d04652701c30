//! Keys on the items of the detail panes: people, red flags, actions.

use super::*;

impl App {
    /// The flag selected in the flag pane: visible ones first, then snoozed.
    pub fn selected_flag(&self) -> Option<crate::domain::flags::Flag> {
        let o = self.current_opportunity()?;
        edits::flag_rows(o, &self.ws.settings, self.today)
            .into_iter()
            .nth(self.detail_selection(Pane::Flags))
            .map(|(f, _)| f)
    }

    pub(super) fn apply_to_flag(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let id = self.ws.opportunities[index].id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::manual_flag_form(None),
                FormPurpose::NewFlag(id),
            ));
            return Vec::new();
        }
        let Some(flag) = self.selected_flag() else {
            self.say("no flag selected: a raises one by hand", Tone::Info);
            return Vec::new();
        };
        let manual = flag.rule == crate::domain::flags::Rule::Manual;
        match action {
            Action::Open => {
                let o = &self.ws.opportunities[index];
                if o.actions
                    .iter()
                    .any(|a| crate::domain::priority::addresses(a, &flag))
                {
                    self.say("an open action already addresses this flag", Tone::Info);
                } else {
                    return self
                        .commit(edits::action_from_flag(&self.ws, index, &flag, self.today));
                }
            }
            Action::Edit | Action::Done if !manual => self.say(
                "a computed flag goes away when its cause does; z snoozes it",
                Tone::Info,
            ),
            Action::Edit => {
                let o = &self.ws.opportunities[index];
                let f = o
                    .flags
                    .iter()
                    .find(|f| Some(&f.id) == flag.subject.as_ref());
                self.dialog = Some(Dialog::Form(
                    edits::manual_flag_form(f),
                    FormPurpose::EditFlag(id, flag.subject.unwrap_or_default()),
                ));
            }
            Action::Done => {
                let flag_id = flag.subject.unwrap_or_default();
                return self.commit(edits::resolve_flag(&self.ws, index, &flag_id, self.today));
            }
            Action::Snooze if manual => self.say(
                "a flag raised by hand is resolved (x), not snoozed",
                Tone::Info,
            ),
            Action::Snooze => {
                let o = &self.ws.opportunities[index];
                if crate::domain::flags::snoozed_by(o, &flag, self.today).is_some() {
                    return self.commit(edits::wake(&self.ws, index, &flag));
                }
                self.dialog = Some(Dialog::Form(
                    edits::snooze_form(&flag, self.today),
                    FormPurpose::Snooze(id, flag.rule.as_str().to_owned(), flag.subject),
                ));
            }
            _ => {}
        }
        Vec::new()
    }

    /// An action key on the action `id` of the deal at `index` (`None`: no
    /// action selected; only adding works then).
    pub fn apply_to_action(
        &mut self,
        action: Action,
        index: usize,
        id: Option<String>,
    ) -> Vec<Effect> {
        let o = &self.ws.opportunities[index];
        let opp = o.id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::action_form(o, None, self.today),
                FormPurpose::NewAction(opp),
            ));
            return Vec::new();
        }
        let Some(id) = id else {
            self.say("no action selected: a adds one", Tone::Info);
            return Vec::new();
        };
        match action {
            Action::Edit => {
                let a = o.actions.iter().find(|a| a.id == id);
                self.dialog = Some(Dialog::Form(
                    edits::action_form(o, a, self.today),
                    FormPurpose::EditAction(opp, id),
                ));
            }
            Action::Delete => self.dialog = Some(Dialog::ConfirmDeleteAction(opp, id)),
            Action::Reschedule => {
                self.dialog = Some(Dialog::Reschedule {
                    opportunity: opp,
                    action: id,
                    typed: String::new(),
                })
            }
            Action::Done => {
                if let Some(change) = edits::toggle_done(&self.ws, index, &id, self.today) {
                    return self.commit(change);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// The person selected in the influence pane, if any.
    pub fn selected_person(&self) -> Option<usize> {
        let o = self.current_opportunity()?;
        crate::domain::influence::map_rows(&o.influences)
            .get(self.detail_selection(Pane::Influences))
            .copied()
    }

    pub(super) fn apply_to_person(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let o = &self.ws.opportunities[index];
        let id = o.id.clone();
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                edits::influence_form(o, None),
                FormPurpose::NewInfluence(id),
            ));
            return Vec::new();
        }
        let Some(person) = self.selected_person() else {
            self.say("nobody selected: a adds a buying influence", Tone::Info);
            return Vec::new();
        };
        let p = &o.influences[person];
        match action {
            Action::Edit => {
                let purpose = FormPurpose::EditInfluence(id, p.id.clone());
                self.dialog = Some(Dialog::Form(edits::influence_form(o, Some(p)), purpose));
                Vec::new()
            }
            Action::Delete => {
                self.dialog = Some(Dialog::ConfirmDeleteInfluence(id, p.id.clone()));
                Vec::new()
            }
            quick => match edits::quick_edit(&self.ws, index, person, quick, self.today) {
                Some(change) => self.commit(change),
                None => Vec::new(),
            },
        }
    }
}
