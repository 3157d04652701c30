//! The mouse: a left click on a list's row selects it and focuses the
//! list, the wheel moves the selection of the list under the pointer by
//! [`WHEEL_ROWS`], a click on a tab shows its view. Where things are comes
//! from what the last frame recorded ([`crate::tui::hits`]). Of the dialogs
//! only the two that are read, not filled, take the mouse: the wheel
//! scrolls the political map and a log entry shown in full, a click picks
//! a person on the map; any other dialog is finished with its keys.

use super::{App, Effect};
use crate::tui::cursor::{List, Move};
use crate::tui::dialog::Dialog;
use crate::tui::hits::Hit;
use crate::tui::keymap::Action;
use crate::tui::screens::{Pane, ScreenId};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// Rows one notch of the wheel moves.
pub const WHEEL_ROWS: usize = 3;

impl App {
    pub(super) fn on_mouse(&mut self, m: MouseEvent) -> Vec<Effect> {
        if self.too_small() {
            return Vec::new();
        }
        if self.dialog.is_some() {
            return self.on_dialog_mouse(m);
        }
        let Some(hit) = self.hits.at(m.column, m.row) else {
            return Vec::new();
        };
        match (m.kind, hit) {
            (MouseEventKind::Down(MouseButton::Left), Hit::Tab(n)) => match ScreenId::ALL.get(n) {
                Some(screen) => self.apply(view_action(*screen)),
                None => Vec::new(),
            },
            (MouseEventKind::Down(MouseButton::Left), Hit::Row(list, item)) => {
                if self.focus_list(list) {
                    self.status = None;
                    self.quit_armed = false;
                    if let Some(at) = item {
                        self.select(list, at);
                    }
                }
                Vec::new()
            }
            (MouseEventKind::ScrollDown | MouseEventKind::ScrollUp, Hit::Row(list, _)) => {
                if !self.focus_list(list) {
                    return Vec::new();
                }
                if let (List::Board, Some(c)) = (list, self.hits.column_at(m.column, m.row)) {
                    self.status = None;
                    let down = m.kind == MouseEventKind::ScrollDown;
                    let pipeline = &mut self.screens.pipeline;
                    pipeline.wheel(&self.ws, c, down, WHEEL_ROWS);
                    return Vec::new();
                }
                let step = if m.kind == MouseEventKind::ScrollDown {
                    Action::Down
                } else {
                    Action::Up
                };
                let mut effects = Vec::new();
                for _ in 0..WHEEL_ROWS {
                    effects.extend(self.apply(step));
                }
                effects
            }
            _ => Vec::new(),
        }
    }

    /// The wheel over a map, a log entry or the merge conflicts moves it as
    /// `j`/`k` would (the dialog's own keys, so it stops where they stop);
    /// a click on a person of the map selects them.
    fn on_dialog_mouse(&mut self, m: MouseEvent) -> Vec<Effect> {
        let readable = matches!(
            self.dialog,
            Some(Dialog::PoliticalMap { .. } | Dialog::LogEntry { .. } | Dialog::Conflicts(_))
        );
        if !readable {
            return Vec::new();
        }
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let step = if m.kind == MouseEventKind::ScrollDown {
                    Move::Down
                } else {
                    Move::Up
                };
                for _ in 0..WHEEL_ROWS {
                    self.move_in_dialog(step);
                }
                Vec::new()
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let (
                    Some(Hit::Row(List::Map, Some(at))),
                    Some(Dialog::PoliticalMap { cursor, .. }),
                ) = (self.hits.at(m.column, m.row), self.dialog.as_mut())
                {
                    // a row the map drew, so a person on it
                    cursor.set(at, at + 1);
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Gives the focus to `list` when it is on the screen on display and
    /// can take it (a deal's panes only while a deal is selected).
    fn focus_list(&mut self, list: List) -> bool {
        match (self.screen, list) {
            (ScreenId::Pipeline, _) => match pane_of(list) {
                Some(pane) => self.screens.pipeline.focus_pane(&self.ws, pane),
                None => false,
            },
            // a row of the account's focused pane (the only one that
            // records where it drew)
            (ScreenId::Accounts, List::AccountItems) => {
                self.screens.accounts.pane != crate::tui::screens::accounts::AccountPane::List
            }
            (ScreenId::Actions, List::ActionList)
            | (ScreenId::Accounts, List::Accounts)
            | (ScreenId::Funnel, List::Funnel)
            | (ScreenId::People, List::People) => true,
            (ScreenId::Review, List::Review) => self.screens.review.walk.is_some(),
            _ => false,
        }
    }

    /// Puts the selection of the focused `list` on item `at`.
    fn select(&mut self, list: List, at: usize) {
        let (ws, today) = (&self.ws, self.today);
        match list {
            List::ActionList => {
                let len = self.screens.actions.len();
                self.screens.actions.cursor.set(at, len);
            }
            List::Accounts => {
                let len = self.screens.accounts.rows.len();
                self.screens.accounts.cursor.set(at, len);
                self.screens.accounts.fit_items(ws);
            }
            List::AccountItems => self.screens.accounts.select_item(ws, at),
            List::People => {
                let len = self.screens.people.rows.len();
                self.screens.people.cursor.set(at, len);
            }
            List::Funnel => {
                let len = self.screens.funnel.deals(ws, today).len();
                self.screens.funnel.cursor.set(at, len);
            }
            List::Review => {
                if let Some(walk) = self.screens.review.walk.as_mut() {
                    walk.at = at.min(walk.order.len().saturating_sub(1));
                }
            }
            _ => {
                if let Some(pane) = pane_of(list) {
                    self.screens.pipeline.select_in(ws, today, pane, at);
                }
            }
        }
    }
}

fn pane_of(list: List) -> Option<Pane> {
    if list == List::Board {
        // the board is the table's other layout: a card is a row of it
        return Some(Pane::Table);
    }
    Pane::ORDER.into_iter().find(|p| p.list() == list)
}

fn view_action(screen: ScreenId) -> Action {
    match screen {
        ScreenId::Pipeline => Action::ViewPipeline,
        ScreenId::Actions => Action::ViewActions,
        ScreenId::Funnel => Action::ViewFunnel,
        ScreenId::Accounts => Action::ViewAccounts,
        ScreenId::Review => Action::ViewReview,
        ScreenId::Analysis => Action::ViewAnalysis,
        ScreenId::Forecast => Action::ViewForecast,
        ScreenId::People => Action::ViewPeople,
    }
}
