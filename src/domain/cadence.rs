//! Keeping in touch (spec section 10): every buying influence across the
//! open pipeline, how long since we last heard from them, against how
//! often we should.

use super::values::{Date, Days};
use super::workspace::Workspace;

/// One person of the people list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRow {
    /// The deal's index in the workspace.
    pub deal: usize,
    /// The person's index in the deal's influences.
    pub person: usize,
    /// Whole days since their `last_contact`; `None`: never recorded.
    pub days: Option<i64>,
    /// Days from the date contact is counted from (their last contact,
    /// else the deal's creation, as `person-quiet` counts) to today.
    pub quiet: Option<i64>,
    /// Days between contacts expected for them.
    pub cadence: Days,
}

impl PersonRow {
    /// Days past their cadence (negative: days left before it is due);
    /// `None` when nothing dates them.
    pub fn overdue_by(&self) -> Option<i64> {
        self.quiet.map(|q| q - i64::from(self.cadence.0))
    }

    /// Past their cadence: `person-quiet` holds for a high-influence one.
    pub fn is_due(&self) -> bool {
        self.overdue_by().is_some_and(|d| d > 0)
    }
}

/// Everyone in the open deals, the longest past their cadence first (those
/// nothing dates last), then as the file lists them.
pub fn people(ws: &Workspace, today: Date) -> Vec<PersonRow> {
    let mut out = Vec::new();
    for (deal, o) in ws.opportunities.iter().enumerate() {
        if !o.is_open() {
            continue;
        }
        for (person, p) in o.influences.iter().enumerate() {
            out.push(PersonRow {
                deal,
                person,
                days: p.last_contact.map(|d| d.days_until(today)),
                quiet: p.days_quiet(o.created, today),
                cadence: p.cadence(&ws.settings),
            });
        }
    }
    out.sort_by_key(|r| (r.overdue_by().is_none(), std::cmp::Reverse(r.overdue_by())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Influence, Level, Opportunity, OutcomeResult};

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn person(name: &str, level: Option<Level>, last: Option<&str>) -> Influence {
        Influence {
            id: name.into(),
            name: name.into(),
            influence: level,
            last_contact: last.map(day),
            ..Influence::default()
        }
    }

    #[test]
    fn the_longest_past_their_cadence_come_first() {
        let mut ws = Workspace::new("Li", "CNY");
        let mut o = Opportunity {
            id: "o1".into(),
            created: Some(day("2026-10-01")),
            ..Opportunity::default()
        };
        o.influences = vec![
            person("recent", Some(Level::High), Some("2026-11-20")),
            // 40 days, high: cadence 30, 10 over
            person("cfo", Some(Level::High), Some("2026-10-20")),
            // never: counted from the deal's creation, 60 days, low: cadence 60
            person("clerk", None, None),
            Influence {
                cadence_days: Some(Days(7)),
                ..person("weekly", Some(Level::Low), Some("2026-11-10"))
            },
        ];
        let mut closed = o.clone();
        closed.id = "o2".into();
        closed.close(OutcomeResult::Won, day("2026-11-01"), "");
        let undated = Opportunity {
            id: "o3".into(),
            influences: vec![person("nobody-knows", None, None)],
            ..Opportunity::default()
        };
        ws.opportunities = vec![o, closed, undated];
        let rows = people(&ws, day("2026-11-30"));
        let names: Vec<&str> = rows
            .iter()
            .map(|r| ws.opportunities[r.deal].influences[r.person].name.as_str())
            .collect();
        assert_eq!(names, ["weekly", "cfo", "clerk", "recent", "nobody-knows"]);
        assert_eq!(rows[0].overdue_by(), Some(13));
        assert_eq!((rows[1].days, rows[1].cadence), (Some(41), Days(30)));
        assert_eq!((rows[2].days, rows[2].quiet), (None, Some(60)));
        assert!(
            !rows[2].is_due(),
            "60 days on a 60-day cadence is not past it"
        );
        assert_eq!(rows[4].overdue_by(), None);
    }
}
