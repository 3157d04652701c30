//! The warning signs of losing an account (spec section 11; seeds 000, 001,
//! 004): what the data shows before the customer says a word.

use super::credit::{CreditStatus, satisfaction_order};
use super::values::{Date, Money};
use super::workspace::Account;
use chrono::Datelike;

/// A complaint left unresolved longer than this many days is a warning.
pub const COMPLAINT_OPEN_DAYS: i64 = 14;

/// Every account warning's rule id, in the order they are shown.
pub const RULE_IDS: [&str; 8] = [
    "payment-overdue",
    "credit-limit-exceeded",
    "complaint-open",
    "satisfaction-falling",
    "behind-target",
    "no-open-opportunity",
    "won-below-last-year",
    "lost-in-a-row",
];

/// One warning: its rule id (a contract), what it says, and the invoice or
/// complaint it is about (`None` for the account as a whole).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AccountWarning {
    pub rule: &'static str,
    pub message: String,
    pub subject: Option<String>,
}

impl AccountWarning {
    fn new(rule: &'static str, message: String) -> AccountWarning {
        debug_assert!(RULE_IDS.contains(&rule));
        AccountWarning {
            rule,
            message,
            subject: None,
        }
    }

    fn about(mut self, subject: &str) -> AccountWarning {
        self.subject = Some(subject.to_owned());
        self
    }
}

/// The share of the year gone by on `today` as (days gone, days in the
/// year): 1 January counts one day gone, 31 December the whole year.
pub fn year_gone(today: Date) -> (i64, i64) {
    let days = if today.0.leap_year() { 366 } else { 365 };
    (i64::from(today.0.ordinal()), days)
}

/// What should be won by `today` to be on the plan's pace: the share of the
/// year gone by × target − 10 % of target (spec section 11), rounded up to
/// the cent and never below 0, so that `behind-target` is raised exactly
/// when won this year is below it; `None` without a target.
pub fn expected_by_now(a: &Account, today: Date) -> Option<Money> {
    let target = a.plan.as_ref()?.target?;
    let (gone, days) = year_gone(today);
    let t = i128::from(target.0);
    // t × gone / days − t / 10, as one fraction over 10 × days
    let num = t * i128::from(gone) * 10 - t * i128::from(days);
    let den = 10 * i128::from(days);
    let up = -(-num).div_euclid(den);
    // at most the target (≤ 1e15 cents by the file's rules) and at least 0
    Some(Money(up.clamp(0, i128::from(i64::MAX)) as i64))
}

/// Whether `won` is behind the pace of the plan: exact, comparing the
/// fractions rather than a rounded amount.
pub fn behind_target(a: &Account, won: Money, today: Date) -> bool {
    let Some(target) = a.plan.as_ref().and_then(|p| p.target) else {
        return false;
    };
    let (gone, days) = year_gone(today);
    let t = i128::from(target.0);
    i128::from(won.0) * 10 * i128::from(days) < t * i128::from(gone) * 10 - t * i128::from(days)
}

/// The five warnings of spec section 11 for `a`: overdue invoices (one per
/// invoice), the credit limit, complaints open too long (one per
/// complaint), falling satisfaction and falling behind the plan's target.
pub fn new_warnings(
    a: &Account,
    credit: &CreditStatus,
    won_this_year: Money,
    today: Date,
) -> Vec<AccountWarning> {
    let mut out = Vec::new();
    if let Some(c) = &a.credit {
        for n in super::credit::invoice_order(a) {
            let i = &c.invoices[n];
            let late = i.days_overdue(c.terms_days, today);
            if i.paid.is_none() && i.due_on(c.terms_days).is_some_and(|d| d < today) {
                out.push(
                    AccountWarning::new(
                        "payment-overdue",
                        crate::tf!(
                            "invoice {number} of {amount} is {days} overdue (due {due})",
                            number = i.label(),
                            amount = i.amount.grouped(),
                            days = crate::text::plain_days(late),
                            due = i
                                .due_on(c.terms_days)
                                .map(|d| d.to_string())
                                .unwrap_or_default()
                        ),
                    )
                    .about(&i.id),
                );
            }
        }
    }
    if credit.over_limit() {
        out.push(AccountWarning::new(
            "credit-limit-exceeded",
            crate::tf!(
                "unpaid {unpaid} is over the credit limit of {limit}",
                unpaid = credit.unpaid.grouped(),
                limit = credit.limit.unwrap_or_default().grouped()
            ),
        ));
    }
    for n in super::credit::complaint_order(&a.complaints) {
        let c = &a.complaints[n];
        let open_for = c.raised.days_until(today);
        if c.resolved.is_none() && open_for > COMPLAINT_OPEN_DAYS {
            out.push(
                AccountWarning::new(
                    "complaint-open",
                    crate::tf!(
                        "complaint unresolved for {days}: {text}",
                        days = crate::text::plain_days(open_for),
                        text = c.text.lines().next().unwrap_or_default()
                    ),
                )
                .about(&c.id),
            );
        }
    }
    // scores dated after today are not known yet on today (reports are
    // reproducible with --today)
    let order: Vec<usize> = satisfaction_order(&a.satisfaction)
        .into_iter()
        .filter(|&n| a.satisfaction[n].on <= today)
        .collect();
    if let [.., before, latest] = order[..] {
        let (before, latest) = (&a.satisfaction[before], &a.satisfaction[latest]);
        if latest.score < before.score {
            out.push(AccountWarning::new(
                "satisfaction-falling",
                crate::tf!(
                    "satisfaction fell from {before} to {latest} (on {on})",
                    before = before.score.0,
                    latest = latest.score.0,
                    on = latest.on
                ),
            ));
        }
    }
    if behind_target(a, won_this_year, today) {
        let (gone, days) = year_gone(today);
        out.push(AccountWarning::new(
            "behind-target",
            crate::tf!(
                "won {won} this year, behind the {expected} expected by now ({share}% of the year gone, target {target})",
                won = won_this_year.grouped(),
                expected = expected_by_now(a, today).unwrap_or_default().grouped(),
                share = gone * 100 / days,
                target = a.plan.as_ref().and_then(|p| p.target).unwrap_or_default().grouped()
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::credit::credit_status;
    use crate::domain::values::Score;
    use crate::domain::workspace::{AccountPlan, Complaint, Credit, Invoice, Satisfaction};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn rules(a: &Account, won: Money, today: &str) -> Vec<&'static str> {
        let today = d(today);
        new_warnings(a, &credit_status(a, today), won, today)
            .into_iter()
            .map(|w| w.rule)
            .collect()
    }

    fn with_invoice(due: &str, paid: Option<&str>, limit: Option<i64>) -> Account {
        Account {
            credit: Some(Credit {
                limit: limit.map(Money::from_units),
                invoices: vec![Invoice {
                    id: "i1".into(),
                    number: "INV-7".into(),
                    amount: Money::from_units(100),
                    due: Some(d(due)),
                    paid: paid.map(d),
                    ..Invoice::default()
                }],
                ..Credit::default()
            }),
            ..Account::default()
        }
    }

    #[test]
    fn payment_overdue_from_the_day_after_due() {
        let a = with_invoice("2026-11-22", None, None);
        assert_eq!(rules(&a, Money(0), "2026-11-22"), Vec::<&str>::new());
        let today = d("2026-11-23");
        let w = new_warnings(&a, &credit_status(&a, today), Money(0), today);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].rule, "payment-overdue");
        assert_eq!(w[0].subject.as_deref(), Some("i1"));
        assert_eq!(
            w[0].message,
            "invoice INV-7 of 100 is 1 day overdue (due 2026-11-22)"
        );
        let paid = with_invoice("2026-01-01", Some("2026-11-01"), None);
        assert!(
            rules(&paid, Money(0), "2026-11-23").is_empty(),
            "paid late is paid"
        );
    }

    #[test]
    fn credit_limit_exceeded_only_above_the_limit() {
        let at = with_invoice("2027-01-01", None, Some(100));
        assert!(rules(&at, Money(0), "2026-11-23").is_empty());
        let mut over = with_invoice("2027-01-01", None, Some(100));
        over.credit.as_mut().unwrap().limit = Some(Money(10_000 - 1));
        assert_eq!(
            rules(&over, Money(0), "2026-11-23"),
            ["credit-limit-exceeded"]
        );
        let paid = with_invoice("2027-01-01", Some("2026-11-01"), Some(1));
        assert!(
            rules(&paid, Money(0), "2026-11-23").is_empty(),
            "paid is not owed"
        );
    }

    #[test]
    fn a_complaint_warns_after_fourteen_days_open() {
        let mut a = Account::default();
        a.complaints.push(Complaint {
            id: "c1".into(),
            text: "late delivery\nsecond line".into(),
            raised: d("2026-11-01"),
            resolved: None,
            ..Complaint::default()
        });
        assert!(
            rules(&a, Money(0), "2026-11-15").is_empty(),
            "14 days is not more than 14"
        );
        let today = d("2026-11-16");
        let w = new_warnings(&a, &credit_status(&a, today), Money(0), today);
        assert_eq!(w[0].rule, "complaint-open");
        assert_eq!(w[0].subject.as_deref(), Some("c1"));
        assert_eq!(
            w[0].message,
            "complaint unresolved for 15 days: late delivery"
        );
        a.complaints[0].resolved = Some(d("2026-11-10"));
        assert!(rules(&a, Money(0), "2026-12-30").is_empty());
    }

    #[test]
    fn satisfaction_falling_compares_the_latest_two_by_date() {
        let score = |on: &str, s: u8| Satisfaction {
            on: d(on),
            score: Score(s),
            ..Satisfaction::default()
        };
        let mut a = Account {
            satisfaction: vec![score("2026-09-01", 4)],
            ..Account::default()
        };
        assert!(rules(&a, Money(0), "2026-11-23").is_empty(), "one score");
        a.satisfaction.push(score("2026-11-01", 4));
        assert!(
            rules(&a, Money(0), "2026-11-23").is_empty(),
            "equal is not falling"
        );
        // recorded out of order: the latest by date is the 3
        a.satisfaction.insert(0, score("2026-11-20", 3));
        assert_eq!(rules(&a, Money(0), "2026-11-23"), ["satisfaction-falling"]);
        a.satisfaction.push(score("2026-11-22", 5));
        assert!(rules(&a, Money(0), "2026-11-23").is_empty(), "risen again");
        // a score dated after today does not count yet
        a.satisfaction.push(score("2026-11-30", 1));
        assert!(
            rules(&a, Money(0), "2026-11-23").is_empty(),
            "not known yet"
        );
        assert_eq!(rules(&a, Money(0), "2026-11-30"), ["satisfaction-falling"]);
    }

    #[test]
    fn behind_target_at_its_boundary() {
        let a = Account {
            plan: Some(AccountPlan {
                target: Some(Money::from_units(3_650_000)),
                ..AccountPlan::default()
            }),
            ..Account::default()
        };
        // 2026-07-02 is day 183 of 365: 3,650,000 × 183 / 365 − 365,000
        // = 1,830,000 − 365,000 = 1,465,000 expected by now
        let today = "2026-07-02";
        assert_eq!(
            expected_by_now(&a, d(today)),
            Some(Money::from_units(1_465_000))
        );
        assert!(rules(&a, Money::from_units(1_465_000), today).is_empty());
        assert_eq!(
            rules(&a, Money::from_units(1_465_000) - Money(1), today),
            ["behind-target"]
        );
        // early in the year the 10 % margin covers a slow start
        assert!(rules(&a, Money(0), "2026-01-31").is_empty());
        assert_eq!(rules(&a, Money(0), "2026-02-07"), ["behind-target"]);
        // no target, no warning
        assert!(rules(&Account::default(), Money(0), "2026-12-31").is_empty());
    }
}
