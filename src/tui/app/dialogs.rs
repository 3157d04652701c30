//! Keys while a dialog is open: forms, questions, the filter, the map.

use super::*;

impl App {
    pub(super) fn on_dialog_key(&mut self, dialog: Dialog, key: KeyEvent) -> Vec<Effect> {
        match dialog {
            Dialog::Help => Vec::new(),
            Dialog::PoliticalMap { selected } => {
                let len = self.current_opportunity().map_or(0, |o| o.influences.len());
                let last = len.saturating_sub(1);
                let selected = match key.code {
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => return Vec::new(),
                    KeyCode::Char('j') | KeyCode::Down => (selected + 1).min(last),
                    KeyCode::Char('k') | KeyCode::Up => selected.saturating_sub(1),
                    KeyCode::Char('g') | KeyCode::Home => 0,
                    KeyCode::Char('G') | KeyCode::End => last,
                    _ => selected,
                };
                self.dialog = Some(Dialog::PoliticalMap { selected });
                Vec::new()
            }
            Dialog::ConfirmDeleteAccount(id) => {
                let change = edit::delete_account(&self.ws, &AccountId::new(id)).ok();
                self.answer(&key, change, "not deleted")
            }
            Dialog::ConfirmDeleteAction(opp, action) => {
                let (opp, action) = (OpportunityId::new(opp), ActionId::new(action));
                let change = edit::delete_action(&self.ws, &opp, &action).ok();
                self.answer(&key, change, "not deleted")
            }
            Dialog::Reschedule {
                opportunity,
                action,
                mut typed,
            } => {
                let pick = match key.code {
                    KeyCode::Esc => {
                        self.say("cancelled, nothing changed", Tone::Info);
                        return Vec::new();
                    }
                    KeyCode::Char('t') => Some(self.today),
                    KeyCode::Char('m') => Some(self.today.plus_days(1)),
                    KeyCode::Char('w') => Some(self.today.plus_days(7)),
                    KeyCode::Enter => {
                        match Date::parse(typed.trim()) {
                            Some(d) => Some(d),
                            None => {
                                self.say("expected a date YYYY-MM-DD, or t today, m tomorrow, w next week", Tone::Error);
                                None
                            }
                        }
                    }
                    KeyCode::Backspace => {
                        typed.pop();
                        None
                    }
                    KeyCode::Char(c) if c.is_ascii_digit() || c == '-' => {
                        typed.push(c);
                        None
                    }
                    _ => None,
                };
                match pick {
                    Some(due) => match edit::reschedule(
                        &self.ws,
                        &OpportunityId::new(opportunity),
                        &ActionId::new(action),
                        due,
                    ) {
                        Ok(change) => self.commit(change),
                        Err(_) => {
                            self.say("unchanged", Tone::Info);
                            Vec::new()
                        }
                    },
                    None => {
                        self.dialog = Some(Dialog::Reschedule {
                            opportunity,
                            action,
                            typed,
                        });
                        Vec::new()
                    }
                }
            }
            Dialog::ConfirmDeleteInfluence(opp, person) => {
                let (opp, person) = (OpportunityId::new(opp), InfluenceId::new(person));
                let change = edit::delete_influence(&self.ws, &opp, &person).ok();
                self.answer(&key, change, "not removed")
            }
            Dialog::ConfirmDelete(id) => {
                let change = edit::delete_opportunity(&self.ws, &OpportunityId::new(id)).ok();
                self.answer(&key, change, "not deleted")
            }
            Dialog::Filter => {
                let filter = match self.view {
                    View::Pipeline | View::Review | View::Funnel | View::Accounts => {
                        &mut self.filter
                    }
                    View::Actions => &mut self.action_filter,
                };
                match key.code {
                    KeyCode::Esc => filter.clear(),
                    KeyCode::Enter => return Vec::new(),
                    KeyCode::Backspace => {
                        filter.pop();
                    }
                    KeyCode::Char(c) if !c.is_control() => filter.push(c),
                    _ => {}
                }
                if key.code != KeyCode::Esc {
                    self.dialog = Some(Dialog::Filter);
                }
                self.selected = 0;
                self.action_selected = 0;
                self.refresh(None);
                Vec::new()
            }
            Dialog::Form(mut form, purpose) => match form.handle(&key) {
                form::Outcome::Continue => {
                    self.dialog = Some(Dialog::Form(form, purpose));
                    Vec::new()
                }
                form::Outcome::Cancel => {
                    self.say("cancelled, nothing changed", Tone::Info);
                    Vec::new()
                }
                form::Outcome::Submit => {
                    match forms::submit(&self.ws, &form, &purpose, self.today) {
                        Err(edit::Refusal::Unchanged) => {
                            self.say("unchanged", Tone::Info);
                            Vec::new()
                        }
                        Err(why) => {
                            // the form stays open with what was typed
                            self.dialog = Some(Dialog::Form(form, purpose));
                            self.say(why.to_string(), Tone::Error);
                            Vec::new()
                        }
                        Ok((change, keep)) => {
                            let keep = keep.map(|id| id.as_str().to_owned());
                            let effects = self.commit(change);
                            self.refresh(keep.clone());
                            if purpose == FormPurpose::NewAccount {
                                self.account_selected = self.ws.accounts.len().saturating_sub(1);
                            }
                            // an edit that takes the deal out of the filter would
                            // make it vanish and move the selection to another
                            let hidden = keep.as_ref().is_some_and(|id| {
                                self.current_opportunity().is_none_or(|o| &o.id != id)
                            });
                            let open = keep.as_ref().is_some_and(|id| {
                                self.ws.opportunity(id).is_some_and(|o| o.is_open())
                            });
                            if hidden && open && !self.filter.is_empty() {
                                self.filter.clear();
                                self.refresh(keep);
                                let label =
                                    self.status.as_ref().map_or(String::new(), |s| s.0.clone());
                                self.say(
                                    format!("{label} (filter cleared to keep it in view)"),
                                    Tone::Info,
                                );
                            }
                            effects
                        }
                    }
                }
            },
        }
    }

    /// The answer to a "delete …?" question: `y` commits the change, any
    /// other key keeps everything and says so.
    fn answer(&mut self, key: &KeyEvent, change: Option<Change>, kept: &str) -> Vec<Effect> {
        match (key.code, change) {
            (KeyCode::Char('y') | KeyCode::Char('Y'), Some(change)) => self.commit(change),
            (KeyCode::Char('y') | KeyCode::Char('Y'), None) => Vec::new(),
            _ => {
                self.say(kept, Tone::Info);
                Vec::new()
            }
        }
    }
}
