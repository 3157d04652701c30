//! The orders an account's records are listed in: view 4's panes (the
//! drawing and the keys both read the rows from here, so row N on screen is
//! row N the keys act on) and `funnel plan`, which shows the same deals and
//! timeline in the same order.

use crate::domain::credit::{complaint_order, invoice_order, satisfaction_order};
use crate::domain::{Account, Date, Workspace};

/// The account's invoices: unpaid first, oldest due first, then paid ones,
/// latest paid first (indices into `credit.invoices`).
pub fn invoices(a: &Account) -> Vec<usize> {
    invoice_order(a)
}

/// Open complaints first, oldest first; then resolved ones, latest first
/// (indices into `complaints`).
pub fn complaints(a: &Account) -> Vec<usize> {
    complaint_order(&a.complaints)
}

/// The satisfaction scores, newest first (indices into `satisfaction`);
/// the sparkline reads them the other way round.
pub fn satisfaction(a: &Account) -> Vec<usize> {
    let mut order = satisfaction_order(&a.satisfaction);
    order.reverse();
    order
}

/// The contacts in the file's order (indices into `contacts`).
pub fn contacts(a: &Account) -> Vec<usize> {
    (0..a.contacts.len()).collect()
}

/// The account's deals: open ones first, latest stage first and then by
/// expected close; then closed ones, latest outcome first (indices into
/// `ws.opportunities`).
pub fn deal_order(ws: &Workspace, a: &Account) -> Vec<usize> {
    let mut order: Vec<usize> = ws
        .opportunities
        .iter()
        .enumerate()
        .filter(|(_, o)| o.account == a.id)
        .map(|(n, _)| n)
        .collect();
    order.sort_by_key(|&n| {
        let o = &ws.opportunities[n];
        match &o.outcome {
            None => (
                0,
                std::cmp::Reverse(o.stage as u8),
                o.expected_close.map_or(i64::MAX, days),
            ),
            Some(out) => (1, std::cmp::Reverse(0), -days(out.on)),
        }
    });
    order
}

/// One entry of the account's timeline: an action of one of its deals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineRow {
    /// Index into `ws.opportunities`.
    pub deal: usize,
    /// Index into that deal's `actions`.
    pub action: usize,
}

/// The actions of the account's deals as a timeline: the open ones by due
/// date (undated last), then the done ones, latest done first. Actions of
/// closed deals show only when done (what was done for the account).
pub fn timeline(ws: &Workspace, a: &Account) -> Vec<TimelineRow> {
    let mut open = Vec::new();
    let mut done = Vec::new();
    for (deal, o) in ws
        .opportunities
        .iter()
        .enumerate()
        .filter(|(_, o)| o.account == a.id)
    {
        for (action, x) in o.actions.iter().enumerate() {
            let row = TimelineRow { deal, action };
            match x.done {
                Some(on) => done.push((days(on), row)),
                None if o.is_open() => open.push((x.due.map_or(i64::MAX, days), row)),
                None => {}
            }
        }
    }
    open.sort_by_key(|(due, _)| *due);
    done.sort_by_key(|(on, _)| -on);
    open.into_iter().chain(done).map(|(_, r)| r).collect()
}

/// A date as a number that sorts like it.
fn days(d: Date) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d.0))
}
