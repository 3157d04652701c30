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

/// The status line after `f`, short enough for 80 columns: whose category
/// is now what, and what `f` gives next
/// (`"ERP": forecast commit · f again: best case`).
fn said(who: &str, now: String, next: Option<ForecastCategory>, skipped: &str) -> Cmd {
    let mut text = crate::tf!(
        "{deal}: forecast {category} · f again: {next}",
        deal = who,
        category = now,
        next = next_words(next)
    );
    if !skipped.is_empty() {
        text = format!("{text} · {skipped}");
    }
    Cmd::say(text)
}

impl PipelineState {
    /// `f` on the deal at `index`.
    pub(super) fn cycle_forecast(&self, cx: &Cx, index: usize) -> Vec<Cmd> {
        let o = &cx.ws.opportunities[index];
        let next = edit::next_category(o.forecast_category);
        match edit::set_forecast_category(cx.ws, &OpportunityId::of(o), next) {
            Ok(change) => {
                let now = match next {
                    Some(c) => c.label(),
                    None => crate::tf!(
                        "from probability ({category})",
                        category = crate::domain::forecast::derived(o, &cx.ws.settings).label()
                    ),
                };
                let who = edit::called(&crate::text::clean(&o.title));
                vec![Cmd::Commit(change), said(&who, now, next, "")]
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
                let who = crate::text::count(bulk.done as i64, "deal", "deals");
                let now = match next {
                    Some(c) => c.label(),
                    None => crate::i18n::t("from each one's probability").to_owned(),
                };
                let skipped = bulk.skipped();
                vec![Cmd::Commit(bulk.change), said(&who, now, next, &skipped)]
            }
            Err(why) => Cmd::edit(Err(why)),
        }
    }
}
