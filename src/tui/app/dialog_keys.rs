//! Keys while a dialog is open. The dialog's scopes come first; a key bound
//! nowhere there is typed into the dialog's text field, if it has one.

use super::*;
use crate::domain::edit::{self, Refusal};
use crate::tui::cursor::Move;
use crate::tui::dialog::Confirm;
use crate::tui::form;
use crate::tui::screens::pipeline::movement;
use crate::tui::text_input::TextInput;

impl App {
    pub(super) fn on_dialog_key(&mut self, dialog: Dialog, key: KeyEvent) -> Vec<Effect> {
        let action = keymap::lookup(&key, dialog.scopes());
        let armed = std::mem::replace(&mut self.drop_armed, false);
        if armed && action != Some(Action::Quit) {
            // taken back: the warning goes with it
            self.status = None;
        }
        if action == Some(Action::Quit) {
            // Ctrl-c quits from anywhere; a form or prompt being filled is
            // dropped, so the first Ctrl-c there asks for a second one
            if holds_typing(&dialog) && !armed {
                self.dialog = Some(dialog);
                self.drop_armed = true;
                self.say(
                    crate::i18n::t(
                        "Ctrl-c again quits and drops what is typed here; Esc closes only this",
                    ),
                    Tone::Warning,
                );
                return Vec::new();
            }
            return self.apply(Action::Quit);
        }
        if action == Some(Action::Suspend) {
            // back after `fg` to the same dialog, as it was
            self.dialog = Some(dialog);
            return vec![Effect::Suspend];
        }
        match dialog {
            // the scroll keys scroll a help longer than the screen; any
            // other key closes it
            Dialog::Help {
                title,
                scopes,
                mut scroll,
                under,
            } => {
                let Some(m) = action.and_then(movement) else {
                    self.dialog = under.map(|d| *d);
                    return Vec::new();
                };
                let (w, h) = self.size.unwrap_or((80, 24));
                let screen = ratatui::layout::Rect::new(0, 0, w, h);
                let page = crate::tui::views::help_layout(scopes, screen);
                if let Some(window) = page.window {
                    // the cursor is the first row shown: it stops where the
                    // last page begins
                    let len = page.rows().saturating_sub(window) + 1;
                    scroll.apply(m, len, window);
                }
                self.dialog = Some(Dialog::Help {
                    title,
                    scopes,
                    scroll,
                    under,
                });
                Vec::new()
            }
            Dialog::Confirm(confirm) => self.answer(action, confirm),
            Dialog::Conflicts(list) => self.conflict_key(list, action, &key),
            Dialog::PoliticalMap { .. } | Dialog::LogEntry { .. } => {
                if action == Some(Action::Cancel) {
                    return Vec::new();
                }
                self.dialog = Some(dialog);
                if let Some(m) = action.and_then(movement) {
                    self.move_in_dialog(m);
                }
                Vec::new()
            }
            Dialog::Filter(target) => self.filter_key(target, action, &key),
            Dialog::QuickAdd(typed) => self.quick_add_key(typed, action, &key),
            Dialog::Reschedule {
                opportunity,
                action: id,
                mut typed,
                more,
            } => {
                let due = match action {
                    Some(Action::Cancel) => {
                        self.say(crate::i18n::t("cancelled, nothing changed"), Tone::Info);
                        return Vec::new();
                    }
                    Some(Action::Submit) => match reschedule_date(typed.value(), self.today) {
                        Ok(d) => Some(d),
                        Err(why) => {
                            self.say(why, Tone::Error);
                            None
                        }
                    },
                    _ => {
                        typed.handle(&key, |c| !c.is_control());
                        None
                    }
                };
                match due {
                    Some(due) if !more.is_empty() => {
                        let mut items = more;
                        items.insert(0, (opportunity, id));
                        let bulk = crate::domain::edit::reschedule_actions(&self.ws, &items, due);
                        self.run(Cmd::bulk(bulk))
                    }
                    Some(due) => {
                        match crate::domain::edit::reschedule(&self.ws, &opportunity, &id, due) {
                            Ok(change) => self.commit(change),
                            Err(why) => {
                                self.say(why.to_string(), Tone::Info);
                                Vec::new()
                            }
                        }
                    }
                    None => {
                        self.dialog = Some(Dialog::Reschedule {
                            opportunity,
                            action: id,
                            typed,
                            more,
                        });
                        Vec::new()
                    }
                }
            }
            Dialog::Form(mut form, purpose) => {
                let outcome = form.handle(&key);
                if let FormPurpose::Targets(period, _) = &purpose {
                    crate::tui::forms::update_targets_hints(&mut form, *period);
                }
                crate::tui::forms::update_hints(&mut form, &purpose, &self.ws);
                self.form_outcome(form, purpose, outcome)
            }
        }
    }

    /// The quick-add prompt: Enter creates the deal the line reads as,
    /// Tab opens the full form with it, Esc drops it, other keys type.
    fn quick_add_key(
        &mut self,
        mut typed: TextInput,
        action: Option<Action>,
        key: &KeyEvent,
    ) -> Vec<Effect> {
        use crate::domain::quick_add;
        match action {
            Some(Action::Cancel) => {
                self.say(crate::i18n::t("cancelled, nothing changed"), Tone::Info);
                Vec::new()
            }
            Some(Action::FullForm) => {
                let (read, _) = quick_add::parse_partial(typed.value(), self.today);
                let form = crate::tui::forms::prefilled_opportunity_form(
                    &self.ws,
                    &read.fields(&self.ws),
                    self.today,
                );
                self.dialog = Some(Dialog::Form(form, FormPurpose::NewOpportunity));
                Vec::new()
            }
            Some(Action::Submit) => {
                let created = quick_add::parse(typed.value(), self.today)
                    .map_err(|e| e.to_string())
                    .and_then(|q| {
                        edit::create_opportunity(&self.ws, q.fields(&self.ws), self.today)
                            .map_err(|e| e.to_string())
                    });
                match created {
                    Ok((change, id)) => {
                        // the new deal is open: list the open deals to show it
                        let pipeline = &mut self.screens.pipeline;
                        if pipeline.closed {
                            pipeline.closed = false;
                            pipeline.table = Default::default();
                            pipeline.rows.clear();
                        }
                        let keep = Some(id.as_str().to_owned());
                        self.submitted(change, keep, &FormPurpose::NewOpportunity)
                    }
                    Err(why) => {
                        // the prompt stays open with what was typed
                        self.dialog = Some(Dialog::QuickAdd(typed));
                        self.say(why, Tone::Error);
                        Vec::new()
                    }
                }
            }
            _ => {
                typed.handle(key, |c| !c.is_control());
                self.dialog = Some(Dialog::QuickAdd(typed));
                Vec::new()
            }
        }
    }

    /// Moves the selection of the political map, or the first line shown
    /// of a log entry in full, as `j`, `k`, PgDn… do: the keys and the
    /// mouse's wheel both come here.
    pub(super) fn move_in_dialog(&mut self, m: crate::tui::cursor::Move) {
        let page = |list| self.cx().page(list);
        let (map_page, entry_page) = (
            page(crate::tui::cursor::List::Map),
            page(crate::tui::cursor::List::Entry),
        );
        let entry_lines = self.pages.rows(crate::tui::cursor::List::Entry);
        let (conflicts, conflicts_page) = (
            self.ws.conflicts.len(),
            page(crate::tui::cursor::List::Conflicts),
        );
        match &mut self.dialog {
            Some(Dialog::PoliticalMap {
                opportunity,
                cursor,
            }) => {
                let len = self
                    .ws
                    .opportunity(opportunity.as_str())
                    .map_or(0, |o| o.influences.len());
                cursor.apply(m, len, map_page);
            }
            Some(Dialog::LogEntry { text, scroll, .. }) => {
                // the cursor is the first line shown: it stops where the
                // last page of the text begins
                let len = crate::tui::views::entry_lines(text).len();
                let len = len.saturating_sub(entry_lines.unwrap_or(len)) + 1;
                scroll.apply(m, len, entry_page);
            }
            Some(Dialog::Conflicts(list)) => list.cursor.apply(m, conflicts, conflicts_page),
            _ => {}
        }
    }

    /// The answer to a question: yes commits the change it carries, any
    /// other key keeps everything and says so.
    fn answer(&mut self, action: Option<Action>, confirm: Confirm) -> Vec<Effect> {
        if action != Some(Action::Yes) {
            self.say(crate::i18n::t(confirm.kept), Tone::Info);
            return Vec::new();
        }
        if let Some(why) = &self.read_only {
            let text = crate::tf!("{why}: nothing was changed", why);
            self.say(text, Tone::Warning);
            return Vec::new();
        }
        self.commit(confirm.change)
    }

    fn form_outcome(
        &mut self,
        form: form::Form,
        purpose: FormPurpose,
        outcome: form::Outcome,
    ) -> Vec<Effect> {
        match outcome {
            form::Outcome::Continue => {
                self.dialog = Some(Dialog::Form(form, purpose));
                Vec::new()
            }
            form::Outcome::Cancel => {
                self.say(crate::i18n::t("cancelled, nothing changed"), Tone::Info);
                Vec::new()
            }
            form::Outcome::Submit if matches!(purpose, FormPurpose::BulkSnooze(_)) => {
                let FormPurpose::BulkSnooze(ids) = &purpose else {
                    return Vec::new();
                };
                match crate::tui::forms::bulk_snooze(&self.ws, &form, ids, self.today) {
                    Ok(bulk) => self.run(Cmd::bulk(Ok(bulk))),
                    Err(Refusal::Unchanged) => {
                        self.say(
                            crate::i18n::t("unchanged: the rule is snoozed already there"),
                            Tone::Info,
                        );
                        Vec::new()
                    }
                    Err(why) => {
                        // the form stays open with what was typed
                        self.dialog = Some(Dialog::Form(form, purpose));
                        self.say(why.to_string(), Tone::Error);
                        Vec::new()
                    }
                }
            }
            form::Outcome::Submit => {
                match crate::tui::forms::submit(&self.ws, &form, &purpose, self.today) {
                    Err(Refusal::Unchanged) => {
                        self.say(crate::i18n::t("unchanged"), Tone::Info);
                        Vec::new()
                    }
                    Err(why) => {
                        // the form stays open with what was typed
                        self.dialog = Some(Dialog::Form(form, purpose));
                        self.say(why.to_string(), Tone::Error);
                        Vec::new()
                    }
                    Ok((change, keep)) => {
                        self.submitted(change, keep.map(|id| id.as_str().to_owned()), &purpose)
                    }
                }
            }
        }
    }

    fn submitted(
        &mut self,
        change: crate::domain::edit::Change,
        keep: Option<String>,
        purpose: &FormPurpose,
    ) -> Vec<Effect> {
        let effects = self.commit_keeping(change, keep.clone());
        if *purpose == FormPurpose::NewAccount {
            // the new account, last in the file, shown even if the filter
            // would hide it
            let accounts = &mut self.screens.accounts;
            accounts.filter.clear();
            accounts.refresh(&self.ws);
            let n = accounts.rows.len();
            accounts.cursor.apply(Move::Bottom, n, 1);
        }
        self.select_added(purpose);
        self.keep_in_view(keep);
        effects
    }

    /// An edit that takes the deal `keep` out of view 1's filter would make
    /// it vanish and move the selection to another: the filter goes, and
    /// the status line says so.
    pub(super) fn keep_in_view(&mut self, keep: Option<String>) {
        self.keep_in_view_at(keep, None);
    }

    /// [`App::keep_in_view`], then the focus back on `at` (a pane and its
    /// row) when the edit was made there.
    pub(super) fn keep_in_view_at(&mut self, keep: Option<String>, at: Option<(Pane, usize)>) {
        let hidden = keep
            .as_ref()
            .is_some_and(|id| self.current_opportunity().is_none_or(|o| &o.id != id));
        let open = keep
            .as_ref()
            .is_some_and(|id| self.ws.opportunity(id).is_some_and(|o| o.is_open()));
        if hidden && open && !self.screens.pipeline.filter.is_empty() {
            self.screens.pipeline.filter.clear();
            self.refresh(keep);
            if let Some((pane, row)) = at {
                let (ws, today) = (&self.ws, self.today);
                let p = &mut self.screens.pipeline;
                if p.focus_pane(ws, pane) {
                    p.select_in(ws, today, pane, row);
                }
            }
            let label = self.status.as_ref().map_or(String::new(), |s| s.0.clone());
            self.say(
                crate::tf!("{label} (filter cleared to keep it in view)", label),
                Tone::Info,
            );
        }
    }
}

impl App {
    /// After adding to one of a deal's lists, the new entry is selected
    /// (the next `t`, `x` or `e` is for it, not for the first row): it is
    /// the last of its list in the file, wherever its pane sorts it.
    fn select_added(&mut self, purpose: &FormPurpose) {
        use crate::domain::influence::map_rows;
        use crate::domain::opportunity::actions_in_order;
        use crate::domain::strategy::{criteria_in_order, plan_in_order};
        let Some(o) = self.current_opportunity() else {
            return;
        };
        let last = |ids: Vec<&str>, id: Option<&str>| ids.iter().position(|x| Some(*x) == id);
        let (pane, row) = match purpose {
            FormPurpose::NewCompetitor(_) => {
                (Pane::Competition, o.competition.len().checked_sub(1))
            }
            FormPurpose::NewCriterion(_) => (
                Pane::Criteria,
                last(
                    criteria_in_order(o).iter().map(|k| k.id.as_str()).collect(),
                    o.decision_criteria.last().map(|k| k.id.as_str()),
                ),
            ),
            FormPurpose::NewStep(_) => (
                Pane::ClosePlan,
                last(
                    plan_in_order(o).iter().map(|s| s.id.as_str()).collect(),
                    o.close_plan.last().map(|s| s.id.as_str()),
                ),
            ),
            FormPurpose::NewAction(_) => (
                Pane::Actions,
                last(
                    actions_in_order(o).iter().map(|a| a.id.as_str()).collect(),
                    o.actions.last().map(|a| a.id.as_str()),
                ),
            ),
            FormPurpose::NewInfluence(_) => (
                Pane::Influences,
                map_rows(&o.influences)
                    .iter()
                    .position(|i| *i + 1 == o.influences.len()),
            ),
            _ => return,
        };
        if let Some(row) = row
            && self.screen == super::ScreenId::Pipeline
        {
            let today = self.today;
            self.screens.pipeline.select_in(&self.ws, today, pane, row);
        }
    }
}

/// The reschedule prompt's date: its quick picks `t` (today), `m`
/// (tomorrow) and `w` (in a week), else whatever a date field takes.
pub(crate) fn reschedule_date(typed: &str, today: Date) -> Result<Date, String> {
    match typed.trim() {
        "t" => Ok(today),
        "m" => Ok(today.plus_days(1)),
        "w" => Ok(today.plus_days(7)),
        other => crate::domain::typed::parse_date(other, today),
    }
}

/// Whether the dialog holds something typed that quitting would drop: a
/// form (its fields may have been changed) or a prompt with text in it.
fn holds_typing(dialog: &Dialog) -> bool {
    match dialog {
        Dialog::Form(..) => true,
        Dialog::QuickAdd(typed) | Dialog::Reschedule { typed, .. } => !typed.is_empty(),
        Dialog::Conflicts(list) => list.edit.is_some(),
        _ => false,
    }
}
