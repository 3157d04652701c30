//! The bundled demo tells its story relative to one Monday. When the demo is
//! opened on another day every date moves by the same number of days, so
//! overdue actions are still overdue and stalls are still stalls; and each
//! target moves by whole quarters (or months), so this quarter's target is
//! still this quarter's.

use super::period::Period;
use super::values::Date;
use super::workspace::Workspace;
use chrono::Datelike;

/// The "today" the bundled `data/demo.json` was written for (a Monday).
pub fn demo_today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("valid constant date")
}

/// Moves every date of the workspace so that the demo's "today" becomes
/// `today`.
pub fn move_to(ws: &mut Workspace, today: Date) {
    shift_dates(ws, demo_today().days_until(today));
}

/// Adds `days` to every date in the workspace, and moves each target by
/// as many quarters (a quarter's target) or months (a month's) as there
/// are between the demo's today and the day `days` after it: a target
/// cannot move by days, and one that moved into the next quarter with the
/// deals would no longer be the target of the quarter the story is in.
pub fn shift_dates(ws: &mut Workspace, days: i64) {
    if days == 0 {
        return;
    }
    let (from, to) = (demo_today(), demo_today().plus_days(days));
    let months = |d: Date| i64::from(d.0.year()) * 12 + i64::from(d.0.month0());
    let moved_months = months(to) - months(from);
    let moved_quarters = months(to).div_euclid(3) - months(from).div_euclid(3);
    for t in &mut ws.settings.targets {
        t.period = match t.period {
            Period::Quarter(..) => by_months(t.period, moved_quarters * 3),
            Period::Month(..) => by_months(t.period, moved_months),
        };
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
        if let Some(e) = &mut o.compelling_event {
            mv_opt(&mut e.on);
        }
        for s in &mut o.close_plan {
            mv_opt(&mut s.due);
            mv_opt(&mut s.done);
        }
    }
    for r in &mut ws.reviews {
        mv(&mut r.on);
        for o in &mut r.opportunities {
            mv_opt(&mut o.expected_close);
        }
    }
    // The accounts' records move by days like the deals, so an overdue
    // invoice stays overdue by as many days, an open complaint stays open as
    // long and the satisfaction scores keep their order. The account plan's
    // amounts carry no date: `target` is "this calendar year" of whatever
    // day it is, and they are left as written. Moving by days rather than by
    // whole years is the choice that keeps every interval; its price is near
    // a year boundary: opened between 1 January and early February the new
    // year has just begun, deals won in the story's autumn may fall in the
    // year before, and the pace rule asks for nothing until a tenth of the
    // year has gone, so `behind-target` (and won-against-last-year) can
    // read differently there. Rescaling the targets to the day would make
    // up figures the seller never set, so they stay.
    for a in &mut ws.accounts {
        if let Some(c) = &mut a.credit {
            for i in &mut c.invoices {
                mv_opt(&mut i.issued);
                mv_opt(&mut i.due);
                mv_opt(&mut i.paid);
            }
        }
        for c in &mut a.complaints {
            mv(&mut c.raised);
            mv_opt(&mut c.resolved);
        }
        for s in &mut a.satisfaction {
            mv(&mut s.on);
        }
    }
}

/// `period` moved by `n` months (a quarter by whole quarters: `n` is a
/// multiple of 3 for one).
fn by_months(period: Period, n: i64) -> Period {
    let index = |y: i32, m: u32| i64::from(y) * 12 + i64::from(m) - 1 + n;
    let year_month = |i: i64| (i.div_euclid(12) as i32, i.rem_euclid(12) as u32 + 1);
    match period {
        Period::Month(y, m) => {
            let (y, m) = year_month(index(y, m));
            Period::Month(y, m)
        }
        Period::Quarter(y, q) => {
            let (y, m) = year_month(index(y, (q - 1) * 3 + 1));
            Period::Quarter(y, (m - 1) / 3 + 1)
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

    #[test]
    fn the_compelling_event_and_the_close_plan_move_with_the_deal() {
        use crate::domain::workspace::{CompellingEvent, PlanStep};
        let d = |s: &str| Date::parse(s).unwrap();
        let step = |due: &str, done: Option<&str>| PlanStep {
            id: "s1".into(),
            text: "Order signed".into(),
            due: Some(d(due)),
            done: done.map(d),
            ..PlanStep::default()
        };
        let mut ws = Workspace::new("", "");
        ws.opportunities.push(Opportunity {
            expected_close: Some(d("2026-12-18")),
            compelling_event: Some(CompellingEvent {
                text: "Lunar New Year peak".into(),
                on: Some(d("2027-01-18")),
                ..CompellingEvent::default()
            }),
            close_plan: vec![
                step("2026-11-20", Some("2026-11-19")),
                step("2026-12-18", None),
            ],
            ..Opportunity::default()
        });
        // an event with no date stays without one
        ws.opportunities.push(Opportunity {
            compelling_event: Some(CompellingEvent {
                text: "someday".into(),
                on: None,
                ..CompellingEvent::default()
            }),
            ..Opportunity::default()
        });
        move_to(&mut ws, d("2026-11-30"));
        let o = &ws.opportunities[0];
        assert_eq!(o.expected_close, Some(d("2026-12-25")));
        assert_eq!(
            o.compelling_event.as_ref().unwrap().on,
            Some(d("2027-01-25"))
        );
        assert_eq!(o.close_plan[0].due, Some(d("2026-11-27")));
        assert_eq!(o.close_plan[0].done, Some(d("2026-11-26")));
        assert_eq!(o.close_plan[1].due, Some(d("2026-12-25")));
        assert_eq!(o.close_plan[1].done, None);
        assert_eq!(
            ws.opportunities[1].compelling_event.as_ref().unwrap().on,
            None
        );
    }

    #[test]
    fn invoices_complaints_and_satisfaction_move_with_the_story() {
        use crate::domain::workspace::{Account, Complaint, Credit, Invoice, Satisfaction};
        use crate::domain::{AccountPlan, Money, Score};
        let d = |s: &str| Date::parse(s).unwrap();
        let invoice =
            |id: &str, issued: Option<&str>, due: Option<&str>, paid: Option<&str>| Invoice {
                id: id.into(),
                amount: Money::from_units(1000),
                issued: issued.map(d),
                due: due.map(d),
                paid: paid.map(d),
                ..Invoice::default()
            };
        let plan = AccountPlan {
            last_year_target: Some(Money::from_units(100)),
            last_year_result: Some(Money::from_units(90)),
            target: Some(Money::from_units(120)),
            ..AccountPlan::default()
        };
        let mut ws = Workspace::new("", "");
        ws.accounts.push(Account {
            id: "a1".into(),
            plan: Some(plan.clone()),
            credit: Some(Credit {
                terms_days: Some(crate::domain::Days(30)),
                invoices: vec![
                    invoice("inv1", Some("2026-09-07"), Some("2026-11-06"), None),
                    invoice("inv2", Some("2026-10-30"), None, Some("2026-11-20")),
                    invoice("inv3", None, None, None),
                ],
                ..Credit::default()
            }),
            complaints: vec![
                Complaint {
                    id: "cp1".into(),
                    raised: d("2026-10-29"),
                    resolved: None,
                    ..Complaint::default()
                },
                Complaint {
                    id: "cp2".into(),
                    raised: d("2026-09-15"),
                    resolved: Some(d("2026-09-25")),
                    ..Complaint::default()
                },
            ],
            satisfaction: vec![Satisfaction {
                on: d("2026-11-18"),
                score: Score(3),
                ..Satisfaction::default()
            }],
            ..Account::default()
        });
        // 40 days on: across the year's end
        move_to(&mut ws, d("2027-01-02"));
        let a = &ws.accounts[0];
        let c = a.credit.as_ref().unwrap();
        let dates = |i: &Invoice| (i.issued, i.due, i.paid);
        assert_eq!(
            dates(&c.invoices[0]),
            (Some(d("2026-10-17")), Some(d("2026-12-16")), None)
        );
        assert_eq!(
            dates(&c.invoices[1]),
            (Some(d("2026-12-09")), None, Some(d("2026-12-30")))
        );
        // an invoice with no dates keeps none
        assert_eq!(dates(&c.invoices[2]), (None, None, None));
        assert_eq!(c.terms_days, Some(crate::domain::Days(30)));
        assert_eq!(a.complaints[0].raised, d("2026-12-08"));
        assert_eq!(a.complaints[0].resolved, None);
        assert_eq!(a.complaints[1].raised, d("2026-10-25"));
        assert_eq!(a.complaints[1].resolved, Some(d("2026-11-04")));
        assert_eq!(a.satisfaction[0].on, d("2026-12-28"));
        // the plan's yearly amounts have no date and stay as the seller set them
        assert_eq!(a.plan, Some(plan));
    }

    #[test]
    fn targets_move_by_whole_quarters_and_months_so_this_quarter_keeps_its_own() {
        let d = |s| Date::parse(s).unwrap();
        let p = |s| Period::parse(s).unwrap();
        let targets = |ws: &Workspace| -> Vec<Period> {
            ws.settings.targets.iter().map(|t| t.period).collect()
        };
        let demo = || {
            let mut ws = Workspace::new("", "");
            for period in ["2026-Q4", "2026-11", "2027-Q1"] {
                ws.settings.targets.push(crate::domain::Target {
                    period: p(period),
                    ..Default::default()
                });
            }
            ws
        };
        // a week later is still Q4 and November: nothing moves
        let mut ws = demo();
        move_to(&mut ws, d("2026-11-30"));
        assert_eq!(targets(&ws), [p("2026-Q4"), p("2026-11"), p("2027-Q1")]);
        // into December: the month target follows the month, the quarter stays
        let mut ws = demo();
        move_to(&mut ws, d("2026-12-07"));
        assert_eq!(targets(&ws), [p("2026-Q4"), p("2026-12"), p("2027-Q1")]);
        // five months on, across a year: today's quarter and month are targeted
        for today in ["2027-04-26", "2027-05-03", "2025-08-15", "2026-01-01"] {
            let today = d(today);
            let mut ws = demo();
            move_to(&mut ws, today);
            let t = targets(&ws);
            assert_eq!(t[0], Period::quarter_of(today), "{today}");
            assert_eq!(t[1], Period::month_of(today), "{today}");
            assert_eq!(t[2], Period::quarter_of(today).next(), "{today}");
        }
    }
}
