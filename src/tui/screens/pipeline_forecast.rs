//! View 1's `f` (spec section 8): the selected deal's forecast category
//! cycles from its probability → commit → best case → pipeline → omitted
//! → from its probability; with deals marked, every marked deal takes the
//! category after the selected one's, as one change (one undo step).

use super::PipelineState;
use crate::domain::edit;
use crate::domain::{ForecastCategory, OpportunityId};
use crate::tui::screens::{Cmd, Cx};

/// What `f` gives next, in words: `best case`, or `from its probability`.
fn next_words(current: Option<ForecastCategory>) -> String {
    match edit::next_category(current) {
        Some(c) => c.label(),
        None => crate::i18n::t("from its probability").to_owned(),
    }
}

/// The status line after `f`: what was done, and what `f` does next.
fn said(done: &str, now: Option<ForecastCategory>) -> Cmd {
    Cmd::say(crate::tf!(
        "{done} · f again: {next}",
        done,
        next = next_words(now)
    ))
}

impl PipelineState {
    /// `f` on the deal at `index`.
    pub(super) fn cycle_forecast(&self, cx: &Cx, index: usize) -> Vec<Cmd> {
        let o = &cx.ws.opportunities[index];
        let next = edit::next_category(o.forecast_category);
        match edit::set_forecast_category(cx.ws, &OpportunityId::of(o), next) {
            Ok(change) => {
                let label = change.label.clone();
                vec![Cmd::Commit(change), said(&label, next)]
            }
            Err(why) => Cmd::edit(Err(why)),
        }
    }

    /// `f` with deals marked: each takes the category after the selected
    /// deal's (or, with none selected, the first of the cycle).
    pub(super) fn cycle_marked_forecast(&self, cx: &Cx, ids: &[OpportunityId]) -> Vec<Cmd> {
        let current = self
            .current(cx.ws)
            .and_then(|i| cx.ws.opportunities[i].forecast_category);
        let next = edit::next_category(current);
        match edit::set_forecast_categories(cx.ws, ids, next) {
            Ok(bulk) => {
                let skipped = bulk.skipped();
                let mut done = bulk.change.label.clone();
                if !skipped.is_empty() {
                    done = format!("{done} · {skipped}");
                }
                vec![Cmd::Commit(bulk.change), said(&done, next)]
            }
            Err(why) => Cmd::edit(Err(why)),
        }
    }
}
