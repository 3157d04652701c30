//! Views 2 to 5: the action list, the funnel, the accounts and the review walk.

use super::*;

impl App {
    /// Rebuilds view 2's list, keeping the selection on the same entry.
    pub fn refresh_actions(&mut self) {
        let key = |ws: &Workspace, e: &crate::domain::priority::Entry| {
            (
                ws.opportunities.get(e.opportunity).map(|o| o.id.clone()),
                e.action.clone(),
                e.text.clone(),
            )
        };
        let kept = self
            .action_list
            .get(self.action_selected)
            .map(|e| key(&self.ws, e));
        let needle = self.action_filter.to_lowercase();
        let ws = &self.ws;
        self.action_list = crate::domain::priority::list(ws, self.today)
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
        let found = kept.and_then(|k| self.action_list.iter().position(|e| key(&self.ws, e) == k));
        self.action_selected = found
            .unwrap_or(self.action_selected)
            .min(self.action_list.len().saturating_sub(1));
    }

    pub(super) fn apply_in_action_list(&mut self, action: Action) -> Vec<Effect> {
        let len = self.action_list.len();
        let step = |at: usize, by: isize| {
            (at as isize + by).clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match action {
            Action::Down => self.action_selected = step(self.action_selected, 1),
            Action::Up => self.action_selected = step(self.action_selected, -1),
            Action::Top => self.action_selected = 0,
            Action::Bottom => self.action_selected = len.saturating_sub(1),
            _ => {
                let Some(entry) = self.action_list.get(self.action_selected).cloned() else {
                    self.say("the list is empty", Tone::Info);
                    return Vec::new();
                };
                let index = entry.opportunity;
                match (action, &entry.action) {
                    (Action::Open, _) => self.jump_to(index, entry.action.as_deref()),
                    (Action::Add, None) => {
                        let opp = OpportunityId::of(&self.ws.opportunities[index]);
                        let change = edit::add_suggestion(&self.ws, &opp, &entry, self.today);
                        if let Ok(change) = change {
                            return self.commit(change);
                        }
                    }
                    (Action::Add, Some(_)) => self.say(
                        "already an action; a adds a suggested one to its deal",
                        Tone::Info,
                    ),
                    (Action::Done | Action::Reschedule | Action::Edit, Some(id)) => {
                        return self.apply_to_action(action, index, Some(id.clone()));
                    }
                    (Action::Done | Action::Reschedule | Action::Edit, None) => self.say(
                        "a suggestion from a red flag: a adds it as an action",
                        Tone::Info,
                    ),
                    _ => {}
                }
            }
        }
        Vec::new()
    }

    pub(super) fn apply_in_review(&mut self, action: Action) -> Vec<Effect> {
        let Some(mut walk) = self.walk.take() else {
            return Vec::new();
        };
        let len = walk.order.len();
        let mut effects = Vec::new();
        let index = walk
            .current()
            .and_then(|id| self.ws.opportunities.iter().position(|o| o.id == id));
        match action {
            Action::Down => walk.at = (walk.at + 1).min(len.saturating_sub(1)),
            Action::Up => walk.at = walk.at.saturating_sub(1),
            Action::Top => walk.at = 0,
            Action::Bottom => walk.at = len.saturating_sub(1),
            Action::Open | Action::Skip if self.read_only.is_none() => {
                walk.mark(action == Action::Open);
                walk.store(&mut self.ws, self.today);
                effects.push(Effect::Save);
                self.say(format!("{} of {} reviewed", walk.done(), len), Tone::Info);
            }
            Action::Edit => {
                if let Some(i) = index {
                    let o = &self.ws.opportunities[i];
                    self.dialog = Some(Dialog::Form(
                        forms::opportunity_form(&self.ws, Some(o)),
                        FormPurpose::EditOpportunity(OpportunityId::of(o)),
                    ));
                }
            }
            Action::Add => {
                if let Some(i) = index {
                    let o = &self.ws.opportunities[i];
                    self.dialog = Some(Dialog::Form(
                        forms::action_form(o, None, self.today),
                        FormPurpose::NewAction(OpportunityId::of(o)),
                    ));
                }
            }
            Action::Finish if self.read_only.is_none() => {
                let change = edit::finish_review(&self.ws, self.today, walk.reviewed.len(), len);
                self.view = View::Pipeline;
                self.focus = Pane::Table;
                return self.commit(change);
            }
            Action::Open | Action::Skip | Action::Finish => {
                self.say(
                    format!(
                        "{}: nothing was changed",
                        self.read_only.clone().unwrap_or_default()
                    ),
                    Tone::Warning,
                );
            }
            _ => {}
        }
        self.walk = Some(walk);
        effects
    }

    /// View 3's list of deals that need a look: stalled, then slipping
    /// (index, why).
    pub fn funnel_deals(&self) -> Vec<(usize, String)> {
        let Some(m) = &self.metrics else {
            return Vec::new();
        };
        let mut out: Vec<(usize, String)> = m
            .stalled
            .iter()
            .map(|i| {
                let o = &self.ws.opportunities[*i];
                (
                    *i,
                    format!(
                        "stalled {} days in {}",
                        o.days_in_stage(self.today).unwrap_or(0),
                        o.stage
                    ),
                )
            })
            .collect();
        out.extend(
            m.slipping
                .iter()
                .map(|(i, n)| (*i, format!("close date moved later {n}×"))),
        );
        out
    }

    /// View 1 on the deal at `index`, its actions pane on `action`.
    pub(super) fn jump_to(&mut self, index: usize, action: Option<&str>) {
        self.view = View::Pipeline;
        let id = self.ws.opportunities[index].id.clone();
        if !self.rows.contains(&index) {
            self.filter.clear();
        }
        self.refresh(Some(id));
        self.focus = Pane::Actions;
        let o = &self.ws.opportunities[index];
        let at = action.and_then(|a| {
            crate::domain::opportunity::actions_in_order(o)
                .iter()
                .position(|x| x.id == a)
        });
        self.detail[Pane::Actions.detail_slot()] = at.unwrap_or(0);
    }

    /// View 3: moving in the stalled and slipping deals, `v`, `Enter`.
    pub(super) fn apply_in_funnel(&mut self, action: Action) -> Vec<Effect> {
        let len = self.funnel_deals().len();
        match action {
            Action::Down => {
                self.funnel_selected = (self.funnel_selected + 1).min(len.saturating_sub(1))
            }
            Action::Up => self.funnel_selected = self.funnel_selected.saturating_sub(1),
            Action::Top => self.funnel_selected = 0,
            Action::Bottom => self.funnel_selected = len.saturating_sub(1),
            Action::Toggle => self.funnel_by_value = !self.funnel_by_value,
            _ => match self.funnel_deals().get(self.funnel_selected) {
                Some((index, _)) => self.jump_to(*index, None),
                None => self.say("no stalled or slipping deal", Tone::Info),
            },
        }
        Vec::new()
    }

    /// View 4: moving in the accounts, adding, editing, deleting, `Enter`.
    pub(super) fn apply_in_accounts(&mut self, action: Action) -> Vec<Effect> {
        let len = self.ws.accounts.len();
        match action {
            Action::Down => {
                self.account_selected = (self.account_selected + 1).min(len.saturating_sub(1))
            }
            Action::Up => self.account_selected = self.account_selected.saturating_sub(1),
            Action::Top => self.account_selected = 0,
            Action::Bottom => self.account_selected = len.saturating_sub(1),
            Action::Add => {
                self.dialog = Some(Dialog::Form(
                    forms::account_form(None),
                    FormPurpose::NewAccount,
                ))
            }
            _ => {
                let Some(a) = self.ws.accounts.get(self.account_selected) else {
                    self.say("no account yet: a adds one", Tone::Info);
                    return Vec::new();
                };
                match action {
                    Action::Edit => {
                        self.dialog = Some(Dialog::Form(
                            forms::account_form(Some(a)),
                            FormPurpose::EditAccount(AccountId::of(a)),
                        ))
                    }
                    Action::Delete => {
                        let using: Vec<&str> = self
                            .ws
                            .opportunities
                            .iter()
                            .filter(|o| o.account == a.id)
                            .map(|o| o.id.as_str())
                            .collect();
                        if using.is_empty() {
                            self.dialog = Some(Dialog::ConfirmDeleteAccount(a.id.clone()));
                        } else {
                            let shown: Vec<&str> = using.iter().take(8).copied().collect();
                            self.say(
                                format!(
                                    "{} has {} opportunities ({}{}): move or delete them first",
                                    a.name,
                                    using.len(),
                                    shown.join(", "),
                                    if using.len() > 8 { ", …" } else { "" }
                                ),
                                Tone::Warning,
                            );
                        }
                    }
                    _ => {
                        // Enter: the account's deals in view 1
                        self.filter = a.name.clone();
                        self.view = View::Pipeline;
                        self.focus = Pane::Table;
                        self.selected = 0;
                        self.refresh(None);
                    }
                }
            }
        }
        Vec::new()
    }
}
