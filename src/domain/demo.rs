//! The bundled demo tells its story relative to one Monday. When the demo is
//! opened on another day every date moves by the same number of days, so
//! overdue actions are still overdue and stalls are still stalls.

use super::values::Date;
use super::workspace::Workspace;

/// The "today" the bundled `data/demo.json` was written for (a Monday).
pub fn demo_today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("valid constant date")
}

/// Moves every date of the workspace so that the demo's "today" becomes
/// `today`.
pub fn move_to(ws: &mut Workspace, today: Date) {
    shift_dates(ws, demo_today().days_until(today));
}

/// Adds `days` to every date in the workspace.
pub fn shift_dates(ws: &mut Workspace, days: i64) {
    if days == 0 {
        return;
    }
    let mv = |d: &mut Date| *d = d.plus_days(days);
    let mv_opt = |d: &mut Option<Date>| {
        if let Some(d) = d {
            *d = d.plus_days(days);
        }
    };
    for o in &mut ws.opportunities {
        mv_opt(&mut o.expected_close);
        mv_opt(&mut o.created);
        if let Some(out) = &mut o.outcome {
            mv(&mut out.on);
        }
        for s in &mut o.stage_history {
            mv(&mut s.entered);
        }
        for c in &mut o.close_history {
            mv(&mut c.on);
            mv_opt(&mut c.from);
            mv_opt(&mut c.to);
        }
        for i in &mut o.influences {
            mv_opt(&mut i.last_contact);
        }
        for f in &mut o.flags {
            mv_opt(&mut f.raised);
            mv_opt(&mut f.resolved);
        }
        for s in &mut o.snoozed {
            mv(&mut s.until);
        }
        for a in &mut o.actions {
            mv_opt(&mut a.due);
            mv_opt(&mut a.done);
            mv_opt(&mut a.created);
        }
        for l in &mut o.log {
            mv(&mut l.on);
        }
    }
    for r in &mut ws.reviews {
        mv(&mut r.on);
        for o in &mut r.opportunities {
            mv_opt(&mut o.expected_close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::{Action, Opportunity, Review};

    #[test]
    fn moving_the_demo_keeps_every_interval() {
        let d = |s| Date::parse(s).unwrap();
        let mut ws = Workspace::new("", "");
        ws.opportunities.push(Opportunity {
            created: Some(d("2026-09-01")),
            expected_close: Some(d("2026-12-15")),
            actions: vec![Action {
                due: Some(d("2026-11-20")),
                ..Action::default()
            }],
            ..Opportunity::default()
        });
        ws.reviews.push(Review {
            on: d("2026-11-16"),
            ..Review::default()
        });
        move_to(&mut ws, d("2026-11-25"));
        let o = &ws.opportunities[0];
        assert_eq!(o.created, Some(d("2026-09-03")));
        assert_eq!(o.expected_close, Some(d("2026-12-17")));
        assert_eq!(o.actions[0].due, Some(d("2026-11-22")));
        assert_eq!(ws.reviews[0].on, d("2026-11-18"));
    }
}
