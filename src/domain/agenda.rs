//! The agenda (spec section 10): the open actions of open deals due in the
//! coming days, by day and time, each with its deal, person and plan; and
//! those already overdue, which the agenda shows first.

use super::values::{Date, TimeOfDay};
use super::workspace::{Action, Influence, Opportunity, Workspace};

/// One entry of the agenda.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The deal's index in the workspace.
    pub deal: usize,
    pub opportunity: &'a Opportunity,
    pub action: &'a Action,
    /// The buying influence the action is with, if it names one of the
    /// deal's.
    pub person: Option<&'a Influence>,
    /// Its due date is before today.
    pub overdue: bool,
}

impl Entry<'_> {
    pub fn due(&self) -> Date {
        self.action.due.unwrap_or_default()
    }

    pub fn at(&self) -> Option<TimeOfDay> {
        self.action.at
    }
}

/// The open actions of open deals due from today through `days - 1` days
/// later (`days` 1: today alone), with the overdue ones when `overdue`;
/// by day, then timed ones by time before the untimed, then by deal and
/// action as the file lists them.
pub fn agenda(ws: &Workspace, today: Date, days: u32, overdue: bool) -> Vec<Entry<'_>> {
    let last = today.plus_days(i64::from(days) - 1);
    let mut out: Vec<Entry> = Vec::new();
    for (deal, o) in ws.opportunities.iter().enumerate() {
        if !o.is_open() {
            continue;
        }
        for a in o.actions.iter().filter(|a| a.is_open()) {
            let Some(due) = a.due else { continue };
            let late = due < today;
            if due > last || (late && !overdue) {
                continue;
            }
            out.push(Entry {
                deal,
                opportunity: o,
                action: a,
                person: o.person_of(a),
                overdue: late,
            });
        }
    }
    // stable: deals and actions keep the file's order within a time
    out.sort_by_key(|e| (e.due(), e.at().is_none(), e.at()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::OutcomeResult;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn action(id: &str, due: &str, at: Option<&str>) -> Action {
        Action {
            id: id.into(),
            text: id.into(),
            due: Some(day(due)),
            at: at.map(|t| TimeOfDay::parse(t).unwrap()),
            ..Action::default()
        }
    }

    fn ws() -> Workspace {
        let mut ws = Workspace::new("Li", "CNY");
        let mut o1 = Opportunity {
            id: "o1".into(),
            ..Opportunity::default()
        };
        o1.actions = vec![
            action("late", "2026-11-20", None),
            action("tue-untimed", "2026-11-24", None),
            action("tue-14", "2026-11-24", Some("14:00")),
            action("far", "2026-12-01", None),
            Action {
                done: Some(day("2026-11-23")),
                ..action("done", "2026-11-24", None)
            },
            Action {
                due: None,
                ..action("undated", "2026-11-24", None)
            },
        ];
        let mut o2 = Opportunity {
            id: "o2".into(),
            ..Opportunity::default()
        };
        o2.actions = vec![
            action("tue-09", "2026-11-24", Some("09:30")),
            action("mon", "2026-11-23", None),
        ];
        let mut lost = o2.clone();
        lost.id = "o3".into();
        lost.close(OutcomeResult::Lost, day("2026-11-01"), "");
        ws.opportunities = vec![o1, o2, lost];
        ws
    }

    fn ids<'a>(list: &[Entry<'a>]) -> Vec<&'a str> {
        list.iter().map(|e| e.action.id.as_str()).collect()
    }

    #[test]
    fn by_day_then_time_with_the_untimed_last_and_the_window_kept() {
        let ws = ws();
        let today = day("2026-11-23");
        assert_eq!(
            ids(&agenda(&ws, today, 7, false)),
            ["mon", "tue-09", "tue-14", "tue-untimed"]
        );
        let with_late = agenda(&ws, today, 7, true);
        assert_eq!(ids(&with_late)[0], "late");
        assert!(with_late[0].overdue && !with_late[1].overdue);
        // nine days reach 1 December; one day is today alone
        assert_eq!(ids(&agenda(&ws, today, 9, false)).last(), Some(&"far"));
        assert_eq!(ids(&agenda(&ws, today, 1, false)), ["mon"]);
    }
}
