//! View 5: the weekly review walk (spec section 6). Its progress is kept in
//! the workspace ([`ReviewProgress`]), which is what lets a review left
//! half-way be resumed the same day.

use crate::domain::metrics;
use crate::domain::{Date, ReviewProgress, Workspace};

/// The workspace field that holds the walk's progress.
pub const PROGRESS: &str = "review_in_progress";

/// Where the walk stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// Opportunity ids in walk order: the best few first.
    pub order: Vec<String>,
    pub at: usize,
    pub reviewed: Vec<String>,
    pub skipped: Vec<String>,
}

impl Walk {
    /// Resumes today's walk, or starts one.
    pub fn start(ws: &Workspace, today: Date) -> Walk {
        let order: Vec<String> = metrics::review_order(ws)
            .into_iter()
            .map(|i| ws.opportunities[i].id.clone())
            .collect();
        // another day's walk is over: start afresh
        let (reviewed, skipped) = match &ws.review_in_progress {
            Some(p) if p.on == today => (p.reviewed.clone(), p.skipped.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        let at = order
            .iter()
            .position(|id| !reviewed.contains(id) && !skipped.contains(id))
            .unwrap_or(0);
        Walk {
            order,
            at,
            reviewed,
            skipped,
        }
    }

    pub fn current(&self) -> Option<&str> {
        self.order.get(self.at).map(String::as_str)
    }

    pub fn done(&self) -> usize {
        self.order
            .iter()
            .filter(|id| self.reviewed.contains(id) || self.skipped.contains(id))
            .count()
    }

    /// Marks the current deal reviewed (or skipped) and moves to the next
    /// one not yet dealt with.
    pub fn mark(&mut self, reviewed: bool) {
        let Some(id) = self.current().map(String::from) else {
            return;
        };
        self.reviewed.retain(|x| *x != id);
        self.skipped.retain(|x| *x != id);
        if reviewed {
            self.reviewed.push(id)
        } else {
            self.skipped.push(id)
        }
        let n = self.order.len();
        if let Some(next) = (1..=n).map(|k| (self.at + k) % n).find(|i| {
            let id = &self.order[*i];
            !self.reviewed.contains(id) && !self.skipped.contains(id)
        }) {
            self.at = next;
        }
    }

    /// Writes the progress into the workspace (saved with it). A progress
    /// the file held that could not be read is replaced now.
    pub fn store(&self, ws: &mut Workspace, today: Date) {
        ws.extra.remove(PROGRESS);
        ws.review_in_progress = Some(ReviewProgress {
            on: today,
            reviewed: self.reviewed.clone(),
            skipped: self.skipped.clone(),
            ..ReviewProgress::default()
        });
    }

    pub fn clear(ws: &mut Workspace) {
        ws.review_in_progress = None;
    }
}
