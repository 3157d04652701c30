//! Keys on the items of the detail panes: people, red flags, actions.

use super::*;

impl App {
    /// The flag selected in the flag pane: visible ones first, then snoozed.
    pub fn selected_flag(&self) -> Option<crate::domain::flags::Flag> {
        let o = self.current_opportunity()?;
        crate::domain::flags::flag_rows(o, &self.ws.settings, self.today)
            .into_iter()
            .nth(self.detail_selection(Pane::Flags))
            .map(|(f, _)| f)
    }

    pub(super) fn apply_to_flag(&mut self, action: Action, index: usize) -> Vec<Effect> {
        let id = OpportunityId::of(&self.ws.opportunities[index]);
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                forms::manual_flag_form(None),
                FormPurpose::NewFlag(id),
            ));
            return Vec::new();
        }
        let Some(flag) = self.selected_flag() else {
            self.say("no flag selected: a raises one by hand", Tone::Info);
            return Vec::new();
        };
        let manual = flag.rule == "manual";
        match action {
            Action::Open => {
                let o = &self.ws.opportunities[index];
                if o.actions
                    .iter()
                    .any(|a| crate::domain::priority::addresses(a, &flag))
                {
                    self.say("an open action already addresses this flag", Tone::Info);
                } else {
                    let change = edit::action_from_flag(&self.ws, &id, &flag, self.today);
                    if let Ok(change) = change {
                        return self.commit(change);
                    }
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
                    forms::manual_flag_form(f),
                    FormPurpose::EditFlag(id, ManualFlagId::new(flag.subject.unwrap_or_default())),
                ));
            }
            Action::Done => {
                let flag_id = ManualFlagId::new(flag.subject.unwrap_or_default());
                if let Ok(change) = edit::resolve_flag(&self.ws, &id, &flag_id, self.today) {
                    return self.commit(change);
                }
            }
            Action::Snooze if manual => self.say(
                "a flag raised by hand is resolved (x), not snoozed",
                Tone::Info,
            ),
            Action::Snooze => {
                let o = &self.ws.opportunities[index];
                if crate::domain::flags::snoozed_by(o, &flag, self.today).is_some()
                    && let Ok(change) = edit::wake(&self.ws, &id, &flag)
                {
                    return self.commit(change);
                }
                self.dialog = Some(Dialog::Form(
                    forms::snooze_form(&flag, self.today),
                    FormPurpose::Snooze(id, flag.rule.to_owned(), flag.subject),
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
        let opp = OpportunityId::of(o);
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                forms::action_form(o, None, self.today),
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
                    forms::action_form(o, a, self.today),
                    FormPurpose::EditAction(opp, ActionId::new(id)),
                ));
            }
            Action::Delete => {
                self.dialog = Some(Dialog::ConfirmDeleteAction(opp.as_str().to_owned(), id))
            }
            Action::Reschedule => {
                self.dialog = Some(Dialog::Reschedule {
                    opportunity: opp.as_str().to_owned(),
                    action: id,
                    typed: String::new(),
                })
            }
            Action::Done => {
                let id = ActionId::new(id);
                if let Ok(change) = edit::toggle_done(&self.ws, &opp, &id, self.today) {
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
        let id = OpportunityId::of(o);
        if action == Action::Add {
            self.dialog = Some(Dialog::Form(
                forms::influence_form(o, None),
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
                let purpose = FormPurpose::EditInfluence(id, InfluenceId::of(p));
                self.dialog = Some(Dialog::Form(forms::influence_form(o, Some(p)), purpose));
                Vec::new()
            }
            Action::Delete => {
                let (opp, person) = (id.as_str().to_owned(), p.id.clone());
                self.dialog = Some(Dialog::ConfirmDeleteInfluence(opp, person));
                Vec::new()
            }
            quick => {
                let quick = match quick {
                    Action::CycleAttitude => edit::QuickEdit::CycleAttitude,
                    Action::CycleMode => edit::QuickEdit::CycleMode,
                    Action::CycleCoverage => edit::QuickEdit::CycleCoverage,
                    Action::CycleInfluence => edit::QuickEdit::CycleInfluence,
                    Action::ContactToday => edit::QuickEdit::ContactToday,
                    _ => return Vec::new(),
                };
                let person = InfluenceId::of(p);
                match edit::quick_edit(&self.ws, &id, &person, quick, self.today) {
                    Ok(change) => self.commit(change),
                    Err(_) => Vec::new(),
                }
            }
        }
    }
}
