//! View 1's board (`b`): the open deals in a column per stage, as a
//! Pipedrive or HubSpot board shows them. The board is another layout of
//! the same list: its cards are the table's `rows` (filter and sort
//! included) grouped by stage, and its selection is the table's, so `b`
//! back to the list finds the same deal selected.
//!
//! Moving left or right skips empty columns: a selection on an empty
//! column would select no deal, and every deal pane and key (`>`, `e`,
//! `Enter`) would have nothing to act on.

use super::{Pane, PipelineState, movement};
use crate::domain::{Money, Workspace};
use crate::tui::cursor::{List, ListCursor, Move};
use crate::tui::keymap::Action;
use crate::tui::screens::{Cmd, Cx};
use std::cell::Cell;

/// One stage's cards: positions in `rows`, ascending, so in the table's
/// order; and what they add up to, for the column's header.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Column {
    pub cards: Vec<usize>,
    pub value: Money,
}

#[derive(Debug, Default)]
pub struct Board {
    /// View 1 shows the board rather than the table (open deals only).
    pub on: bool,
    /// The cards per stage, grouped once per refresh, not per frame: at
    /// 10,000 deals a frame has no time to group them.
    pub columns: [Column; 5],
    /// The first column drawn when not all five fit; the view keeps the
    /// selected column in sight and remembers where it scrolled to, so
    /// moving back a column does not scroll the board needlessly.
    pub first: Cell<usize>,
}

impl PipelineState {
    /// Whether the board is on screen (the closed list has no board).
    pub fn board_shown(&self) -> bool {
        self.board.on && !self.closed
    }

    /// Groups the rows by stage for the board (only while it is shown).
    pub(super) fn group(&mut self, ws: &Workspace) {
        let mut columns: [Column; 5] = Default::default();
        if self.board_shown() {
            for (at, &i) in self.rows.iter().enumerate() {
                let Some(o) = ws.opportunities.get(i) else {
                    continue;
                };
                let c = &mut columns[o.stage.index()];
                c.cards.push(at);
                c.value += o.value;
            }
        }
        self.board.columns = columns;
    }

    /// The selected card: its column (stage index) and place in it.
    pub fn card(&self, ws: &Workspace) -> Option<(usize, usize)> {
        let at = self.table.at();
        let i = self.current(ws)?;
        let c = ws.opportunities[i].stage.index();
        let place = self.board.columns[c].cards.binary_search(&at).ok()?;
        Some((c, place))
    }

    /// `b`: the board, or the list again; the same deal stays selected.
    pub(super) fn toggle_board(&mut self, ws: &Workspace) -> Vec<Cmd> {
        if self.closed {
            return vec![Cmd::say(crate::i18n::t(
                "the board shows the open deals: C lists them, then b",
            ))];
        }
        self.board.on = !self.board.on;
        self.group(ws);
        vec![Cmd::say(if self.board.on {
            crate::i18n::t("board: a column per stage · h l move between columns · b: the list")
        } else {
            crate::i18n::t("list · b: the board")
        })]
    }

    /// A key of the board (the table focused, the board shown); `None`
    /// for what the list handles the same way.
    pub(super) fn on_board(&mut self, action: Action, cx: &Cx) -> Option<Vec<Cmd>> {
        let ws = cx.ws;
        if let Some(m) = movement(action) {
            self.move_in_column(ws, m, cx.page(List::Board));
            return Some(Vec::new());
        }
        match action {
            Action::ColumnPrev | Action::ColumnNext => {
                Some(self.next_column(ws, action == Action::ColumnNext))
            }
            Action::Mark => {
                let (c, place) = self.card(ws)?;
                let id = ws.opportunities[self.rows[self.board.columns[c].cards[place]]]
                    .id
                    .clone();
                self.marks.toggle(id);
                self.move_in_column(ws, Move::Down, 1);
                Some(Vec::new())
            }
            Action::MarkRange => {
                let (c, place) = self.card(ws)?;
                let cards = &self.board.columns[c].cards;
                let id_at = |p: usize| {
                    let i = cards.get(p).and_then(|at| self.rows.get(*at));
                    i.and_then(|i| ws.opportunities.get(*i))
                        .map_or_else(String::new, |o| o.id.clone())
                };
                // from the card marked last when it is in this column, else
                // this card alone: a range across columns has no order a
                // user could see
                let from = self
                    .marks
                    .anchor()
                    .and_then(|a| (0..cards.len()).find(|p| &id_at(*p) == a))
                    .unwrap_or(place);
                let (lo, hi) = (from.min(place), from.max(place));
                let ids: Vec<String> = (lo..=hi).map(id_at).filter(|id| !id.is_empty()).collect();
                self.marks.mark_all(ids);
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// Moves the selection within its column.
    fn move_in_column(&mut self, ws: &Workspace, m: Move, page: usize) {
        let Some((c, place)) = self.card(ws) else {
            return;
        };
        let cards = &self.board.columns[c].cards;
        let mut cursor = ListCursor::default();
        cursor.set(place, cards.len());
        cursor.apply(m, cards.len(), page);
        if let Some(&at) = cards.get(cursor.at()) {
            self.select_row(at);
        }
    }

    /// `h` / `l`: the nearest column with cards that way, at the same
    /// place down the column (or its last card).
    fn next_column(&mut self, ws: &Workspace, forward: bool) -> Vec<Cmd> {
        let Some((c, place)) = self.card(ws) else {
            return vec![Cmd::say(crate::i18n::t("no card on the board"))];
        };
        let mut others: Vec<usize> = if forward {
            (c + 1..5).collect()
        } else {
            (0..c).rev().collect()
        };
        others.retain(|o| !self.board.columns[*o].cards.is_empty());
        let Some(&to) = others.first() else {
            return vec![Cmd::say(if forward {
                crate::i18n::t("no cards further right")
            } else {
                crate::i18n::t("no cards further left")
            })];
        };
        let cards = &self.board.columns[to].cards;
        let at = cards[place.min(cards.len() - 1)];
        self.select_row(at);
        Vec::new()
    }

    /// The mouse wheel over column `c`: that column's selection moves
    /// `rows` cards down (or up), starting from the same place down the
    /// column when the selection was in another.
    pub fn wheel(&mut self, ws: &Workspace, c: usize, down: bool, rows: usize) {
        let Some(cards) = self.board.columns.get(c).filter(|k| !k.cards.is_empty()) else {
            return;
        };
        match self.card(ws) {
            Some((now, _)) if now == c => {}
            Some((_, place)) => {
                let at = cards.cards[place.min(cards.cards.len() - 1)];
                self.select_row(at);
            }
            None => return,
        }
        let m = if down { Move::Down } else { Move::Up };
        for _ in 0..rows {
            self.move_in_column(ws, m, 1);
        }
    }

    /// Selects the row at `at`; another deal's panes start at the top, as
    /// moving in the list does.
    fn select_row(&mut self, at: usize) {
        if at != self.table.at() {
            self.table.set(at, self.rows.len());
            self.detail = Default::default();
        }
        self.focus = Pane::Table;
    }
}
