//! Finishing the weekly review.

use super::{Change, Patch};
use crate::domain::{Date, Workspace, metrics};

/// Records today's review (the pipeline as it stands) and ends the walk; the
/// walk's progress goes with the same change, so undo brings it back.
/// `reviewed` of `of` deals were looked at, for the label.
pub fn finish_review(ws: &Workspace, today: Date, reviewed: usize, of: usize) -> Change {
    let mut reviews = ws.reviews.clone();
    reviews.push(metrics::snapshot(ws, today));
    let mut change = Change::new(format!(
        "review of {today} recorded ({reviewed} of {of} reviewed)"
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
