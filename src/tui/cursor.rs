//! The one list cursor: every list of the workbench (the deal table, the
//! detail panes, the action list, the funnel's deals, the accounts, the
//! review walk, the political map) moves and clamps through it; the tables
//! draw their visible window through a ratatui `TableState`.

use ratatui::widgets::TableState;

/// How a key moves a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    /// Ctrl-d / Ctrl-u: half a page.
    HalfPageDown,
    HalfPageUp,
}

/// The lists of the workbench, for the heights they were last drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Deals,
    Qualification,
    Influences,
    Flags,
    Actions,
    Log,
    ActionList,
    Funnel,
    Accounts,
    Review,
    Map,
    /// The lines of a log entry shown in full.
    Entry,
    /// View 1's board: the cards the selected column shows.
    Board,
    /// The Blue Sheet's panes of view 1.
    Strategy,
    Competition,
    Criteria,
    ClosePlan,
    /// View 8, the people.
    People,
    /// The focused list pane of view 4's account workspace.
    AccountItems,
    /// How far the focused text pane of view 4 (the profile, the plan)
    /// scrolls, plus one.
    AccountText,
    /// The merge conflicts' list.
    Conflicts,
}

/// How many rows each list showed when it was last drawn: a page moves by
/// what the user saw, whatever the terminal and layout. The views record
/// it while drawing (through `&App`, hence the cells); the screens read it.
#[derive(Debug, Default)]
pub struct Pages([std::cell::Cell<usize>; 21]);

impl Pages {
    /// `list` was drawn showing `rows` items.
    pub fn drawn(&self, list: List, rows: usize) {
        self.0[list as usize].set(rows);
    }

    /// The rows `list` showed last, if it was drawn.
    pub fn rows(&self, list: List) -> Option<usize> {
        Some(self.0[list as usize].get()).filter(|n| *n > 0)
    }
}

/// A position in a list whose length is given at each move: the list is
/// derived data, rebuilt after edits, and the cursor only remembers where it
/// was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    at: usize,
}

impl ListCursor {
    pub fn at(self) -> usize {
        self.at
    }

    /// Moves within a list of `len` items; `page` items make a page. An
    /// empty list leaves the cursor at 0.
    pub fn apply(&mut self, m: Move, len: usize, page: usize) {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        self.at = match m {
            Move::Down => self.at.saturating_add(1),
            Move::Up => self.at.saturating_sub(1),
            Move::Top => 0,
            Move::Bottom => last,
            Move::PageDown => self.at.saturating_add(page),
            Move::PageUp => self.at.saturating_sub(page),
            Move::HalfPageDown => self.at.saturating_add((page / 2).max(1)),
            Move::HalfPageUp => self.at.saturating_sub((page / 2).max(1)),
        }
        .min(last);
    }

    /// Puts the cursor on `at`, within a list of `len`.
    pub fn set(&mut self, at: usize, len: usize) {
        self.at = at.min(len.saturating_sub(1));
    }

    /// Keeps the cursor inside a list that is now `len` long.
    pub fn clamp(&mut self, len: usize) {
        self.set(self.at, len);
    }

    /// The first of `rows` visible items that keeps the cursor in view.
    /// Views draw only the visible window: at 10,000 deals building every
    /// row each frame would cost more than the frame.
    pub fn offset(self, rows: usize) -> usize {
        self.at.saturating_sub(rows.saturating_sub(1))
    }

    /// The state for a table that is given only the visible window of
    /// `rows` rows: the selection within it.
    pub fn window_state(self, rows: usize) -> TableState {
        TableState::default().with_selected(Some(self.at - self.offset(rows)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_list() {
        let mut c = ListCursor::default();
        c.apply(Move::Up, 5, 2);
        assert_eq!(c.at(), 0);
        c.apply(Move::PageDown, 5, 2);
        assert_eq!(c.at(), 2);
        c.apply(Move::PageDown, 5, 10);
        assert_eq!(c.at(), 4);
        c.apply(Move::Down, 5, 1);
        assert_eq!(c.at(), 4, "stops at the bottom");
        c.apply(Move::Top, 5, 1);
        assert_eq!(c.at(), 0);
        c.apply(Move::Bottom, 5, 1);
        c.clamp(3);
        assert_eq!(c.at(), 2, "a shorter list pulls the cursor in");
        c.apply(Move::Bottom, 0, 1);
        assert_eq!(c.at(), 0, "an empty list keeps it at 0");
        c.set(9, 4);
        assert_eq!(c.at(), 3);
        assert_eq!(c.offset(2), 2);
        assert_eq!(c.window_state(2).selected(), Some(1));
        assert_eq!(c.offset(10), 0);
        c.set(0, 100);
        c.apply(Move::HalfPageDown, 100, 21);
        assert_eq!(c.at(), 10, "half of 21 rows");
        c.apply(Move::HalfPageUp, 100, 1);
        assert_eq!(c.at(), 9, "at least one row");
    }
}
