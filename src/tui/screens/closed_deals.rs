//! View 1's closed list (spec section 7): `C` shows the won, lost and
//! abandoned deals instead of the open ones, newest close first; the deal
//! pane reads the selected one; `o` reopens it after asking. A closed deal
//! is read, not edited: its stage, value or people changed after the fact
//! would rewrite the history the win/loss analysis counts, so every other
//! editing key is refused until it is reopened.

use super::{Pane, PipelineState};
use crate::domain::edit;
use crate::domain::{Date, Opportunity, OpportunityId, Workspace};
use crate::text::clean;
use crate::tui::app::Tone;
use crate::tui::cursor::ListCursor;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::keymap::{Action, Scope};
use crate::tui::screens::{Cmd, Cx};
use std::cmp::Ordering;

impl Pane {
    /// The pane's scopes while the closed deals are listed: reopening first.
    pub fn closed_scopes(self) -> &'static [Scope] {
        use Scope::*;
        match self {
            Pane::Table => &[Closed, Table, Deal, List, Global, Panes, Always],
            Pane::Qualification => &[Closed, Qualification, Deal, List, Global, Panes, Always],
            Pane::Influences => &[Closed, Influences, Deal, List, Global, Panes, Always],
            Pane::Flags => &[Closed, Flags, Deal, List, Global, Panes, Always],
            Pane::Actions => &[Closed, Actions, Deal, List, Global, Panes, Always],
            Pane::Log => &[Closed, Log, Deal, List, Global, Panes, Always],
            Pane::Strategy => &[Closed, Strategy, Deal, List, Global, Panes, Always],
            Pane::Competition => &[Closed, Competition, Deal, List, Global, Panes, Always],
            Pane::Criteria => &[Closed, Criteria, Deal, List, Global, Panes, Always],
            Pane::ClosePlan => &[Closed, ClosePlan, Deal, List, Global, Panes, Always],
        }
    }
}

/// The closed list's order: the newest close first, ties by position in
/// the file (as the open list's, so one row can be put back by a binary
/// search).
pub(super) fn newest_close_first(x: &Opportunity, y: &Opportunity) -> Ordering {
    let on = |o: &Opportunity| o.outcome.as_ref().map(|c| c.on);
    on(y).cmp(&on(x))
}

impl PipelineState {
    /// Whether the deal belongs in the list now shown.
    pub(super) fn lists(&self, o: &Opportunity) -> bool {
        o.is_open() != self.closed
    }

    /// `C`: the other list, from its top, the table focused.
    pub(super) fn toggle_closed(&mut self, ws: &Workspace, today: Date) -> Vec<Cmd> {
        self.closed = !self.closed;
        self.focus = Pane::Table;
        // the marks were made in the other list
        self.marks.clear();
        self.table = ListCursor::default();
        // nothing to keep: the other list's selection is not in this one
        self.rows.clear();
        self.refresh(ws, today, None);
        let n = self.rows.len();
        vec![Cmd::say(if self.closed {
            crate::tf!(
                "{deals}, newest first · o reopens one · C: the open ones",
                deals = crate::text::count(n as i64, "closed deal", "closed deals")
            )
        } else {
            crate::tf!(
                "{deals} · C: the closed ones",
                deals = crate::text::count(n as i64, "open deal", "open deals")
            )
        })]
    }

    /// When the deal to keep selected in the closed list is open again
    /// (reopened, or its close undone), the list follows it to the open
    /// deals: staying would select some other deal in its place. Returns
    /// whether it did.
    pub(super) fn follow_reopened(&mut self, ws: &Workspace, keep: Option<&str>) -> bool {
        let reopened = keep
            .and_then(|id| ws.opportunity(id))
            .is_some_and(Opportunity::is_open);
        if !(self.closed && reopened) {
            return false;
        }
        self.closed = false;
        self.focus = Pane::Table;
        true
    }

    /// An action on the closed deal at `index`: reopen it (after asking),
    /// read it, or a refusal for what would edit it.
    pub(super) fn on_closed(&mut self, action: Action, cx: &Cx, index: usize) -> Option<Vec<Cmd>> {
        let o = &cx.ws.opportunities[index];
        let outcome = o.outcome.as_ref()?;
        if action == Action::Reopen {
            let id = OpportunityId::of(o);
            return Some(match edit::reopen(cx.ws, &id, cx.today) {
                Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: crate::i18n::t(" Reopen "),
                    question: crate::tf!(
                        "Reopen “{title}”, {result} on {on}, in {stage}? The outcome is kept in its history.",
                        title = clean(&o.title),
                        result = outcome.result.label(),
                        on = outcome.on,
                        stage = o.stage.label()
                    ),
                    change,
                    kept: crate::i18n::t("still closed, nothing changed"),
                }))],
                Err(why) => Cmd::edit(Err(why)),
            });
        }
        action.edits().then(|| {
            vec![Cmd::Say(
                crate::tf!(
                    "{deal} is {result}: a closed deal is not edited; o reopens it",
                    deal = crate::domain::edit::called(&crate::text::clean(&o.title)),
                    result = outcome.result.label()
                ),
                Tone::Warning,
            )]
        })
    }
}
