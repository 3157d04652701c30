//! Where the last frame drew what a mouse can point at: the lists (and
//! which item each of their lines shows) and the tabs of the title bar.
//! The views record it while drawing, as they record page heights in
//! [`super::cursor::Pages`]; a click is then looked up here, with no
//! layout computed twice.

use super::cursor::List;
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;

/// What is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The tab of the screen at this index of `ScreenId::ALL`.
    Tab(usize),
    /// A list, on the item at this index when the line shows one (not on
    /// its title, header or `+N more`).
    Row(List, Option<usize>),
}

#[derive(Debug, Clone)]
struct Placed {
    list: List,
    area: Rect,
    /// The row of the first item line.
    top: u16,
    /// The item each line from `top` shows, if any.
    items: Vec<Option<usize>>,
    /// Items side by side on a line: (columns each, items per line).
    cells: Option<(u16, usize)>,
}

/// The frame's targets; cleared when a frame starts.
#[derive(Debug, Default)]
pub struct Hits {
    lists: RefCell<Vec<Placed>>,
    tabs: RefCell<Vec<(Rect, usize)>>,
    /// View 1's board: each column drawn, by stage index, for the wheel
    /// (which scrolls the column under it, header and gaps included).
    columns: RefCell<Vec<(Rect, usize)>>,
}

impl Hits {
    /// A new frame: what the last one drew is gone.
    pub fn clear(&self) {
        self.lists.borrow_mut().clear();
        self.tabs.borrow_mut().clear();
        self.columns.borrow_mut().clear();
    }

    /// The board's column of stage `c` was drawn in `area`.
    pub fn column(&self, area: Rect, c: usize) {
        self.columns.borrow_mut().push((area, c));
    }

    /// The board's column the last frame drew at `column`, `row`.
    pub fn column_at(&self, column: u16, row: u16) -> Option<usize> {
        let p = Position::new(column, row);
        let columns = self.columns.borrow();
        columns.iter().find(|(a, _)| a.contains(p)).map(|(_, c)| *c)
    }

    /// `list` was drawn in `area`, its line `top + k` showing `items[k]`.
    pub fn list(&self, list: List, area: Rect, top: u16, items: Vec<Option<usize>>) {
        self.lists.borrow_mut().push(Placed {
            list,
            area,
            top,
            items,
            cells: None,
        });
    }

    /// As [`Hits::list`], with `per_line` items of `width` columns on each
    /// line, the first at `items[k]`.
    pub fn grid(
        &self,
        list: List,
        area: Rect,
        top: u16,
        items: Vec<Option<usize>>,
        (width, per_line): (u16, usize),
    ) {
        self.lists.borrow_mut().push(Placed {
            list,
            area,
            top,
            items,
            cells: Some((width.max(1), per_line)),
        });
    }

    /// The tab of screen `index` was drawn in `area`.
    pub fn tab(&self, area: Rect, index: usize) {
        self.tabs.borrow_mut().push((area, index));
    }

    /// What the last frame drew at `column`, `row`.
    pub fn at(&self, column: u16, row: u16) -> Option<Hit> {
        let p = Position::new(column, row);
        if let Some((_, n)) = self.tabs.borrow().iter().find(|(a, _)| a.contains(p)) {
            return Some(Hit::Tab(*n));
        }
        let lists = self.lists.borrow();
        // drawn last is on top: a dialog's list over the screen's
        let placed = lists.iter().rev().find(|l| l.area.contains(p))?;
        let item = row
            .checked_sub(placed.top)
            .and_then(|line| placed.items.get(usize::from(line)).copied().flatten())
            .map(|first| match placed.cells {
                Some((width, per_line)) => {
                    let cell = usize::from((column - placed.area.x) / width);
                    first + cell.min(per_line.saturating_sub(1))
                }
                None => first,
            });
        Some(Hit::Row(placed.list, item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_finds_the_tab_or_the_item_drawn_there() {
        let hits = Hits::default();
        hits.tab(Rect::new(10, 0, 10, 1), 1);
        hits.list(
            List::Deals,
            Rect::new(0, 2, 40, 10),
            4,
            vec![Some(7), Some(8)],
        );
        hits.grid(
            List::Qualification,
            Rect::new(40, 2, 40, 3),
            3,
            vec![Some(0), Some(2)],
            (14, 2),
        );
        assert_eq!(hits.at(12, 0), Some(Hit::Tab(1)));
        assert_eq!(hits.at(25, 0), None);
        assert_eq!(hits.at(5, 2), Some(Hit::Row(List::Deals, None)), "title");
        assert_eq!(hits.at(5, 5), Some(Hit::Row(List::Deals, Some(8))));
        assert_eq!(
            hits.at(5, 6),
            Some(Hit::Row(List::Deals, None)),
            "past the end"
        );
        assert_eq!(hits.at(41, 4), Some(Hit::Row(List::Qualification, Some(2))));
        assert_eq!(hits.at(56, 3), Some(Hit::Row(List::Qualification, Some(1))));
        assert_eq!(hits.at(79, 3), Some(Hit::Row(List::Qualification, Some(1))));
        hits.clear();
        assert_eq!(hits.at(12, 0), None);
    }
}
