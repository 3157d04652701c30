//! View 1's marks (issue 16): `space` marks the selected deal, `V` the
//! deals from the one marked last to the selection, `Esc` drops them; while
//! deals are marked, the table's `>`, `<`, `z` and `d` act on all of them as one
//! change (one undo step, one save).

use super::{Pane, PipelineState};
use crate::domain::edit;
use crate::domain::{OpportunityId, Workspace};
use crate::tui::cursor::Move;
use crate::tui::dialog::Dialog;
use crate::tui::keymap::Action;
use crate::tui::screens::{Cmd, Cx};

impl PipelineState {
    /// Whether the deal is marked.
    pub fn marked(&self, id: &str) -> bool {
        !self.marks.is_empty() && self.marks.contains(id)
    }

    /// Drops the marks of deals no longer in the workspace.
    pub(super) fn drop_gone_marks(&mut self, ws: &Workspace) {
        if self.marks.is_empty() {
            return;
        }
        let ids: std::collections::HashSet<&str> =
            ws.opportunities.iter().map(|o| o.id.as_str()).collect();
        self.marks.retain(|id| ids.contains(id.as_str()));
    }

    /// `space`, `V`, `Esc`.
    pub(super) fn on_mark(&mut self, action: Action, ws: &Workspace) -> Vec<Cmd> {
        if action == Action::ClearMarks {
            return vec![Cmd::say(match self.marks.clear() {
                0 => crate::i18n::t("nothing is marked").to_owned(),
                n => crate::tf!(
                    "{marks} cleared",
                    marks = crate::text::count(n as i64, "mark", "marks")
                ),
            })];
        }
        let Some(index) = self.current(ws) else {
            return vec![Cmd::say(crate::i18n::t("no deal to mark"))];
        };
        let id = ws.opportunities[index].id.clone();
        if action == Action::Mark {
            self.marks.toggle(id);
            self.table.apply(Move::Down, self.rows.len(), 1);
            self.focus = Pane::Table;
            return Vec::new();
        }
        let ids = |i: &usize| ws.opportunities[*i].id.clone();
        let at = self.table.at();
        let from = self
            .marks
            .anchor()
            .and_then(|a| self.rows.iter().position(|i| &ws.opportunities[*i].id == a))
            .unwrap_or(at);
        let (lo, hi) = (from.min(at), from.max(at));
        self.marks.mark_all(self.rows[lo..=hi].iter().map(ids));
        Vec::new()
    }

    /// `>`, `<`, `f`, `z` or `d` in the table while deals are marked: the change on
    /// them all. `None` for any other key, or when nothing is marked.
    pub(super) fn on_marked(&mut self, action: Action, cx: &Cx) -> Option<Vec<Cmd>> {
        if self.marks.is_empty() || self.focus != Pane::Table {
            return None;
        }
        let ids: Vec<OpportunityId> = self.marks.keys().cloned().map(OpportunityId::new).collect();
        Some(match action {
            Action::StageNext | Action::StagePrev => Cmd::bulk(edit::move_stages(
                cx.ws,
                &ids,
                action == Action::StageNext,
                cx.today,
            )),
            Action::Snooze => snooze_rule_form(ids, cx),
            Action::CycleForecast => self.cycle_marked_forecast(cx, &ids),
            Action::Delete => crate::tui::screens::ask_bulk_delete(
                edit::delete_opportunities(cx.ws, &ids),
                ("deal", "deals"),
                crate::i18n::t(" and everything in them"),
            ),
            _ => return None,
        })
    }
}

/// `z` in the table: the form that snoozes one rule on these deals, or
/// why there is nothing to snooze.
pub(super) fn snooze_rule_form(ids: Vec<OpportunityId>, cx: &Cx) -> Vec<Cmd> {
    let rules = edit::rules_shown(cx.ws, &ids, cx.today);
    match crate::tui::forms::bulk_snooze_form(&rules, ids.len(), cx.today) {
        Some(form) => vec![Cmd::Open(Dialog::Form(
            form,
            crate::tui::app::FormPurpose::BulkSnooze(ids),
        ))],
        None => vec![Cmd::say(match ids.len() {
            1 => crate::i18n::t("no computed red flag to snooze on this deal").to_owned(),
            n => crate::tf!(
                "no computed red flag to snooze on the {deals}",
                deals = crate::text::count(n as i64, "deal", "deals")
            ),
        })],
    }
}
