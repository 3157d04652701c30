//! View 5: the weekly review walk (spec sections 6 and 7). Its progress is
//! kept in the workspace ([`ReviewProgress`]), which is what lets a review
//! left half-way be resumed the same day; the walk holds only its order and
//! cursor, and reads the marks back after every edit, undo and redo.

use crate::domain::metrics;
use crate::domain::review::Tally;
use crate::domain::{Date, ReviewProgress, Workspace};

/// The workspace field that holds the walk's progress.
pub const PROGRESS: &str = crate::domain::review::PROGRESS_KEY;

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
        let mut walk = Walk {
            order,
            at: 0,
            reviewed: Vec::new(),
            skipped: Vec::new(),
        };
        walk.sync(ws, today);
        walk.at = walk.next_unmarked(0).unwrap_or(0);
        walk
    }

    /// Reads the marks from the workspace (another day's walk is over).
    /// The cursor follows an undo or redo: back to the deal whose mark went,
    /// where the user is about to mark it again, or on past a mark that came
    /// back. Edits that leave the marks alone leave the cursor alone.
    pub fn sync(&mut self, ws: &Workspace, today: Date) {
        let was: Vec<String> = self.reviewed.iter().chain(&self.skipped).cloned().collect();
        (self.reviewed, self.skipped) = match &ws.review_in_progress {
            Some(p) if p.on == today => (p.reviewed.clone(), p.skipped.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        if recorded_today(ws, today) {
            // the walk was recorded: keep the place for an undo
            return;
        }
        let went = self
            .order
            .iter()
            .position(|id| was.contains(id) && !self.marked(id));
        let came = self
            .order
            .iter()
            .any(|id| !was.contains(id) && self.marked(id));
        if let Some(at) = went {
            self.at = at;
        } else if came && self.current().is_some_and(|id| self.marked(id)) {
            self.at = self.next_unmarked(self.at).unwrap_or(self.at);
        }
    }

    pub fn current(&self) -> Option<&str> {
        self.order.get(self.at).map(String::as_str)
    }

    fn marked(&self, id: &str) -> bool {
        self.reviewed.iter().chain(&self.skipped).any(|x| x == id)
    }

    pub fn done(&self) -> usize {
        self.order.iter().filter(|id| self.marked(id)).count()
    }

    /// Reviewed, skipped and still to go, of the deals in the walk.
    pub fn tally(&self) -> Tally {
        let count = |list: &[String]| self.order.iter().filter(|id| list.contains(id)).count();
        let (reviewed, skipped) = (count(&self.reviewed), count(&self.skipped));
        Tally {
            reviewed,
            skipped,
            to_go: self.order.len().saturating_sub(reviewed + skipped),
        }
    }

    /// The first deal from `from` on (wrapping) not yet reviewed or skipped.
    fn next_unmarked(&self, from: usize) -> Option<usize> {
        let n = self.order.len();
        (0..n)
            .map(|k| (from + k) % n)
            .find(|i| !self.marked(&self.order[*i]))
    }

    /// Marks the current deal reviewed (or skipped), moves to the next one
    /// not yet dealt with, and returns the progress to store and the id
    /// marked.
    pub fn mark(&mut self, reviewed: bool, today: Date) -> Option<(ReviewProgress, String)> {
        let id = self.current()?.to_owned();
        self.reviewed.retain(|x| *x != id);
        self.skipped.retain(|x| *x != id);
        if reviewed {
            self.reviewed.push(id.clone())
        } else {
            self.skipped.push(id.clone())
        }
        if let Some(next) = self.next_unmarked(self.at + 1) {
            self.at = next;
        }
        let progress = ReviewProgress {
            on: today,
            reviewed: self.reviewed.clone(),
            skipped: self.skipped.clone(),
            ..ReviewProgress::default()
        };
        Some((progress, id))
    }
}

/// Today's review is recorded and no new walk has begun: view 5 shows the
/// week it closed instead of an empty walk.
pub fn recorded_today(ws: &Workspace, today: Date) -> bool {
    let walking = ws
        .review_in_progress
        .as_ref()
        .is_some_and(|p| p.on == today);
    !walking && metrics::latest_review(ws).is_some_and(|r| r.on == today)
}
