//! View 5: the weekly review walk.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::OpportunityId;
use crate::tui::app::FormPurpose;
use crate::tui::cursor::List;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};
use crate::tui::review::Walk;

#[derive(Debug, Default)]
pub struct ReviewState {
    /// The walk, once view 5 was shown.
    pub walk: Option<Walk>,
    /// Once today's review is recorded: the pipeline and the week it
    /// closed, computed when the data changes, not on every frame (the
    /// week compares two snapshots of every open deal).
    pub done: Option<(
        crate::domain::metrics::Metrics,
        Option<crate::domain::week::Week>,
    )>,
}

impl ReviewState {
    /// Brings the walk and the done-today summary up to date.
    pub fn refresh(&mut self, ws: &crate::domain::Workspace, today: crate::domain::Date) {
        if let Some(walk) = self.walk.as_mut() {
            walk.sync(ws, today);
        }
        self.done = crate::tui::review::recorded_today(ws, today).then(|| {
            let week = crate::domain::week::week(ws, today, crate::domain::week::Since::Latest);
            (
                crate::domain::metrics::compute(ws, today),
                week.ok().flatten(),
            )
        });
    }

    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::Review, Scope::List, Scope::Global, Scope::Always]
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let Some(walk) = self.walk.as_mut() else {
            return Vec::new();
        };
        if crate::tui::review::recorded_today(cx.ws, cx.today) {
            // the view shows the week's summary: no deal to act on
            return match action {
                Action::Reviewed | Action::Skip | Action::Finish | Action::Edit | Action::Add => {
                    vec![Cmd::say(crate::i18n::t(
                        "today's review is recorded; u undoes it, tomorrow a new walk starts",
                    ))]
                }
                _ => Vec::new(),
            };
        }
        let len = walk.order.len();
        if let Some(m) = movement(action) {
            let mut cursor = crate::tui::cursor::ListCursor::default();
            cursor.set(walk.at, len);
            cursor.apply(m, len, cx.page(List::Review));
            walk.at = cursor.at();
            return Vec::new();
        }
        let index = walk
            .current()
            .and_then(|id| cx.ws.opportunities.iter().position(|o| o.id == id));
        match (action, index) {
            (Action::Reviewed | Action::Skip, _) => {
                let reviewed = action == Action::Reviewed;
                let Some((progress, id)) = walk.mark(reviewed, cx.today) else {
                    return Vec::new();
                };
                let title = cx
                    .ws
                    .opportunity(&id)
                    .map_or(id.clone(), |o| o.title.clone());
                let title = crate::text::clean(&title);
                let label = if reviewed {
                    crate::tf!("reviewed: {title}", title)
                } else {
                    crate::tf!("skipped: {title}", title)
                };
                let change = crate::domain::edit::set_review_progress(cx.ws, progress, label);
                // the counts, not the label, are what the user wants to see
                vec![Cmd::Commit(change), Cmd::say(walk.tally().walking())]
            }
            (Action::Edit, Some(i)) => {
                let o = &cx.ws.opportunities[i];
                vec![Cmd::Open(Dialog::Form(
                    forms::opportunity_form(cx.ws, Some(o), cx.today),
                    FormPurpose::EditOpportunity(OpportunityId::of(o)),
                ))]
            }
            (Action::Add, Some(i)) => {
                let o = &cx.ws.opportunities[i];
                vec![Cmd::Open(Dialog::Form(
                    forms::action_form(o, None, cx.today),
                    FormPurpose::NewAction(OpportunityId::of(o)),
                ))]
            }
            (Action::Finish, _) => {
                let tally = walk.tally();
                let change = crate::domain::edit::finish_review(cx.ws, cx.today, tally);
                vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: crate::i18n::t(" Finish the review "),
                    question: crate::tf!(
                        "Record the review of {date}: {tally}?",
                        date = cx.today,
                        tally = tally.as_recorded()
                    ),
                    change,
                    kept: crate::i18n::t("not recorded; the walk goes on"),
                }))]
            }
            _ => Vec::new(),
        }
    }
}
