//! Carrying out what the screens ask for: edits through the undo history,
//! screen switches, jumps, and keeping every screen's derived lists fresh.

use super::*;
use crate::domain::OpportunityId;
use crate::domain::edit::{Change, Refusal};
use crate::tui::dialog::FilterTarget;
use crate::tui::text_input::TextInput;

impl App {
    pub(super) fn run(&mut self, cmds: Vec<Cmd>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for cmd in cmds {
            match cmd {
                Cmd::Commit(change) => {
                    // an edit made in the deal's own panes keeps the deal
                    // in view, as a form's does
                    let p = &self.screens.pipeline;
                    let at = (self.screen == ScreenId::Pipeline
                        && p.focus != crate::tui::screens::Pane::Table)
                        .then(|| (p.focus, p.detail(p.focus)));
                    let keep = self.current_opportunity().map(|o| o.id.clone());
                    effects.extend(self.commit(change));
                    if at.is_some() {
                        self.keep_in_view_at(keep, at);
                    }
                }
                Cmd::Open(dialog) => self.dialog = Some(dialog),
                Cmd::Say(text, tone) => self.say(text, tone),
                Cmd::Jump {
                    opportunity,
                    action,
                } => self.jump_to(|p, ws, today| p.jump(ws, today, opportunity, action.as_deref())),
                Cmd::Person {
                    opportunity,
                    person,
                } => self.jump_to(|p, ws, today| p.jump_to_person(ws, today, opportunity, &person)),
                Cmd::AccountDeals(name) => {
                    self.screen = ScreenId::Pipeline;
                    self.screens
                        .pipeline
                        .show_account(&self.ws, self.today, &name);
                }
                Cmd::Effect(e) => effects.push(e),
            }
        }
        effects
    }

    /// View 1, moved by `jump` to a deal; a jump to a deal view 1's filter
    /// hid clears the filter: the status line says so, or the seller would
    /// wonder where their list went.
    fn jump_to(
        &mut self,
        jump: impl FnOnce(
            &mut crate::tui::screens::PipelineState,
            &crate::domain::Workspace,
            crate::domain::Date,
        ),
    ) {
        self.screen = ScreenId::Pipeline;
        let filtered = !self.screens.pipeline.filter.is_empty();
        jump(&mut self.screens.pipeline, &self.ws, self.today);
        if filtered && self.screens.pipeline.filter.is_empty() {
            self.say(
                crate::i18n::t("view 1's filter cleared to show the deal").to_owned(),
                Tone::Info,
            );
        }
    }

    /// Shows a screen, bringing its lists up to date.
    pub(super) fn show(&mut self, screen: ScreenId) -> Vec<Effect> {
        self.screen = screen;
        let (ws, today) = (&self.ws, self.today);
        match screen {
            ScreenId::Pipeline => {}
            ScreenId::Actions => self.screens.actions.refresh(ws, today),
            ScreenId::Funnel => self.screens.funnel.refresh(ws, today),
            ScreenId::Accounts => self.screens.accounts.refresh(ws),
            ScreenId::Analysis => self.screens.analysis.refresh(ws, today),
            ScreenId::Forecast => self.screens.forecast.refresh(ws, today),
            ScreenId::People => self.screens.people.refresh(ws, today),
            ScreenId::Review => {
                let walk = crate::tui::review::Walk::start(ws, today);
                if walk.done() > 0 && !crate::tui::review::recorded_today(ws, today) {
                    let text =
                        crate::tf!("review resumed: {tally}", tally = walk.tally().walking());
                    self.say(text, Tone::Info);
                }
                self.screens.review.walk = Some(walk);
                self.screens.review.refresh(&self.ws, self.today);
            }
        }
        Vec::new()
    }

    /// Brings the derived lists up to date after the data changed: view 1
    /// always (it holds the selected deal), the others when shown.
    pub(super) fn refresh(&mut self, keep: Option<String>) {
        let (ws, today) = (&self.ws, self.today);
        self.screens.pipeline.refresh(ws, today, keep);
        self.refresh_shown();
    }

    /// The lists of the screen on display, when it is not view 1.
    fn refresh_shown(&mut self) {
        let (ws, today) = (&self.ws, self.today);
        let s = &mut self.screens;
        match self.screen {
            ScreenId::Actions => s.actions.refresh(ws, today),
            ScreenId::Funnel => s.funnel.refresh(ws, today),
            ScreenId::Accounts => s.accounts.refresh(ws),
            ScreenId::Analysis => s.analysis.refresh(ws, today),
            ScreenId::Forecast => s.forecast.refresh(ws, today),
            ScreenId::People => s.people.refresh(ws, today),
            ScreenId::Review => s.review.refresh(ws, today),
            ScreenId::Pipeline => {}
        }
    }

    /// The text typed in a filter prompt.
    pub(super) fn filter_input(&mut self, target: FilterTarget) -> &mut TextInput {
        match target {
            FilterTarget::Pipeline => &mut self.screens.pipeline.filter,
            FilterTarget::Actions => &mut self.screens.actions.filter,
            FilterTarget::Accounts => &mut self.screens.accounts.filter,
            FilterTarget::People => &mut self.screens.people.filter,
        }
    }

    pub(super) fn commit(&mut self, change: Change) -> Vec<Effect> {
        self.commit_keeping(change, None)
    }

    /// Commits `change` and selects the deal `keep` afterwards (else the
    /// one selected before).
    pub(super) fn commit_keeping(&mut self, change: Change, keep: Option<String>) -> Vec<Effect> {
        let label = change.label.clone();
        let keep = keep.or_else(|| self.current_opportunity().map(|o| o.id.clone()));
        self.pending.record(&change, false);
        let replaced = replaced_deals(&change, false);
        let settings = touches_settings(&change);
        self.history.commit(&mut self.ws, change);
        if settings {
            self.numbers_follow_settings();
        }
        self.after_change(replaced, keep);
        self.say(label, Tone::Info);
        vec![Effect::Save]
    }

    /// Brings the screens up to date after the data changed: only the rows
    /// of deals replaced in place (the common edit), else everything.
    fn after_change(
        &mut self,
        replaced: Option<Vec<(usize, crate::domain::Opportunity)>>,
        keep: Option<String>,
    ) {
        // view 2 keeps its ranked list and the deals' flag rules
        self.screens.actions.data_changed();
        match replaced {
            Some(changed) => {
                let (ws, today) = (&self.ws, self.today);
                self.screens.pipeline.replaced(ws, today, &changed, keep);
                self.refresh_shown();
            }
            None => {
                self.screens.pipeline.data_changed();
                self.refresh(keep);
            }
        }
    }

    pub(super) fn undo_redo(&mut self, undo: bool) -> Vec<Effect> {
        let keep = self.current_opportunity().map(|o| o.id.clone());
        let done = if undo {
            self.history.undo(&mut self.ws)
        } else {
            self.history.redo(&mut self.ws)
        };
        let changed = match (done.is_some(), undo) {
            (false, _) => None,
            (true, true) => self.history.last_undone(),
            (true, false) => self.history.last_done(),
        };
        let replaced = changed.and_then(|c| replaced_deals(c, undo));
        let settings = changed.is_some_and(touches_settings);
        if let Some(change) = changed {
            self.pending.record(change, undo);
        }
        if settings {
            self.numbers_follow_settings();
        }
        self.after_change(replaced, keep);
        match done {
            Some(label) => {
                let text = if undo {
                    crate::tf!("undone: {label}", label)
                } else {
                    crate::tf!("redone: {label}", label)
                };
                self.say(text, Tone::Info);
                vec![Effect::Save]
            }
            None => {
                let text = if undo {
                    crate::i18n::t("nothing to undo")
                } else {
                    crate::i18n::t("nothing to redo")
                };
                self.say(text, Tone::Info);
                Vec::new()
            }
        }
    }

    pub(super) fn text_edited(
        &mut self,
        field: LongText,
        opportunity: &str,
        text: String,
    ) -> Vec<Effect> {
        let Some(index) = self
            .ws
            .opportunities
            .iter()
            .position(|o| o.id == opportunity)
        else {
            self.say(
                crate::i18n::t("the opportunity is gone; the edited text was not kept"),
                Tone::Warning,
            );
            return Vec::new();
        };
        let id = OpportunityId::of(&self.ws.opportunities[index]);
        match crate::domain::edit::set_long_text(&self.ws, &id, field, &text) {
            Ok(change) => self.commit(change),
            Err(Refusal::Unchanged) => {
                self.say(crate::i18n::t("unchanged"), Tone::Info);
                Vec::new()
            }
            Err(why) => {
                self.say(why.to_string(), Tone::Warning);
                Vec::new()
            }
        }
    }

    pub(super) fn reloaded(&mut self, ws: Workspace) {
        let keep = self.current_opportunity().map(|o| o.id.clone());
        self.ws = ws;
        // the saver read the same file: nothing is pending against it
        self.pending = Default::default();
        self.screens.pipeline.data_changed();
        self.screens.actions.data_changed();
        self.screens.pipeline.rows.clear();
        self.history.clear();
        self.disk_changed = false;
        self.refresh(keep);
        if self.screen == ScreenId::Review {
            self.show(ScreenId::Review);
        }
        self.say(
            crate::i18n::t("reloaded from disk (undo history cleared)"),
            Tone::Info,
        );
    }
}

/// Past this many patches a change refreshes every list.
const MANY: usize = 64;

/// The deals a change replaces in place, with their records before it was
/// applied (`undone`: before it was undone); `None` when it also adds,
/// removes or touches anything else (a full refresh then).
fn replaced_deals(
    change: &Change,
    undone: bool,
) -> Option<Vec<(usize, crate::domain::Opportunity)>> {
    // many deals at once (a bulk edit): a full refresh costs less than
    // putting each back in its place, and their copies are not needed
    if change.patches.len() > MANY {
        return None;
    }
    let mut out: Vec<(usize, crate::domain::Opportunity)> = Vec::new();
    let patches: Box<dyn Iterator<Item = _>> = if undone {
        Box::new(change.patches.iter().rev())
    } else {
        Box::new(change.patches.iter())
    };
    for p in patches {
        match p {
            crate::domain::change::Patch::Opportunity {
                index,
                before: Some(before),
                after: Some(after),
            } => {
                // a deal patched twice: its state before is the one the
                // first patch applied (in the direction of travel) found
                if !out.iter().any(|(i, _)| i == index) {
                    let was = if undone { after } else { before };
                    out.push((*index, was.clone()));
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Whether `change` replaced the whole settings (the settings form).
fn touches_settings(change: &Change) -> bool {
    change
        .patches
        .iter()
        .any(|p| matches!(p, crate::domain::edit::Patch::Settings { .. }))
}

impl App {
    /// Short amounts as the settings now say (`number_style`), in the
    /// language on screen: the settings form, or its undo, changed them.
    fn numbers_follow_settings(&mut self) {
        let lang = crate::i18n::lang();
        crate::i18n::set(crate::i18n::Locale::resolve(
            Some(lang),
            "",
            &self.ws.settings.number_style,
        ));
    }
}
