//! The weekly review walk's marks, and finishing the review. Both go through
//! the undo history: a mark pressed by mistake is taken back with `u` like
//! any edit.

use super::{Change, Patch};
use crate::domain::review::Tally;
use crate::domain::{Date, ReviewProgress, Workspace, metrics};

/// Sets the walk's progress (a deal marked reviewed or skipped); `label`
/// names the mark for the status line and for undo.
pub fn set_review_progress(ws: &Workspace, progress: ReviewProgress, label: String) -> Change {
    let mut change = Change::new(label);
    change.patches.push(Patch::ReviewProgress {
        before: ws.review_in_progress.clone(),
        after: Some(progress),
    });
    change
}

/// Records today's review (the pipeline as it stands) and ends the walk; the
/// walk's progress goes with the same change, so undo brings it back.
/// `tally` is how far the walk got, for the label.
pub fn finish_review(ws: &Workspace, today: Date, tally: Tally) -> Change {
    let mut reviews = ws.reviews.clone();
    reviews.push(metrics::snapshot(ws, today));
    let mut change = Change::new(crate::tf!(
        "review of {today} recorded: {tally}",
        today,
        tally = tally.as_recorded()
    ));
    change.patches.push(Patch::Reviews {
        before: ws.reviews.clone(),
        after: reviews,
    });
    change.patches.push(Patch::ReviewProgress {
        before: ws.review_in_progress.clone(),
        after: None,
    });
    change
}
