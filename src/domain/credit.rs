//! An account's credit (spec section 11, seed 001 信用额度): what is owed,
//! what is overdue, and how much room the limit leaves. Sums are in cents,
//! so they are exact to the cent.

use super::values::{Date, Days, Money};
use super::workspace::{Account, Complaint, Invoice, Satisfaction};

impl Invoice {
    /// What people call the invoice: its number, else its id.
    pub fn label(&self) -> &str {
        if self.number.is_empty() {
            &self.id
        } else {
            &self.number
        }
    }

    /// When it falls due: `due`, else `issued` plus the account's terms.
    pub fn due_on(&self, terms: Option<Days>) -> Option<Date> {
        self.due
            .or_else(|| Some(self.issued?.plus_days(i64::from(terms?.0))))
    }

    /// Days past due on `today` (0 when not yet due, paid or undated).
    pub fn days_overdue(&self, terms: Option<Days>, today: Date) -> i64 {
        match (self.paid, self.due_on(terms)) {
            (None, Some(due)) => due.days_until(today).max(0),
            _ => 0,
        }
    }
}

/// The credit figures of an account on a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreditStatus {
    pub limit: Option<Money>,
    pub terms_days: Option<Days>,
    /// Invoices not paid, summed.
    pub unpaid: Money,
    pub unpaid_count: usize,
    /// Unpaid invoices past their due date, summed.
    pub overdue: Money,
    pub overdue_count: usize,
    /// Days past due of the oldest overdue invoice (0 when none).
    pub days_overdue: i64,
}

impl CreditStatus {
    /// What the limit still allows (negative when it is exceeded).
    pub fn available(&self) -> Option<Money> {
        self.limit.map(|l| Money(l.0 - self.unpaid.0))
    }

    /// Whether the unpaid invoices add up to more than the limit.
    pub fn over_limit(&self) -> bool {
        self.limit.is_some_and(|l| self.unpaid > l)
    }
}

/// The credit figures of `a` on `today`.
pub fn credit_status(a: &Account, today: Date) -> CreditStatus {
    let Some(c) = &a.credit else {
        return CreditStatus::default();
    };
    let mut s = CreditStatus {
        limit: c.limit,
        terms_days: c.terms_days,
        ..CreditStatus::default()
    };
    for i in c.invoices.iter().filter(|i| i.paid.is_none()) {
        s.unpaid += i.amount;
        s.unpaid_count += 1;
        if i.due_on(c.terms_days).is_some_and(|d| d < today) {
            s.overdue += i.amount;
            s.overdue_count += 1;
            s.days_overdue = s.days_overdue.max(i.days_overdue(c.terms_days, today));
        }
    }
    s
}

/// The account's invoices in the order a credit controller reads them:
/// the unpaid ones first, oldest due date first (undated last), then the
/// paid ones, latest paid first; indices into `credit.invoices`.
pub fn invoice_order(a: &Account) -> Vec<usize> {
    let Some(c) = &a.credit else {
        return Vec::new();
    };
    let mut order: Vec<usize> = (0..c.invoices.len()).collect();
    order.sort_by_key(|&n| {
        let i = &c.invoices[n];
        match i.paid {
            None => (
                0,
                i.due_on(c.terms_days)
                    .map_or(i64::MAX, |d| Date(chrono::NaiveDate::MIN).days_until(d)),
            ),
            Some(p) => (1, -Date(chrono::NaiveDate::MIN).days_until(p)),
        }
    });
    order
}

/// Open complaints first (oldest raised first), then resolved ones, latest
/// resolved first; indices into `complaints`.
pub fn complaint_order(complaints: &[Complaint]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..complaints.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&complaints[x], &complaints[y]);
        match (a.resolved, b.resolved) {
            (None, None) => a.raised.cmp(&b.raised),
            (None, Some(_)) => std::cmp::Ordering::Less,
            (Some(_), None) => std::cmp::Ordering::Greater,
            (Some(p), Some(q)) => q.cmp(&p),
        }
    });
    order
}

/// The satisfaction scores by date, oldest first (scores of one day keep
/// the order they were recorded in); indices into `satisfaction`.
pub fn satisfaction_order(scores: &[Satisfaction]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by_key(|&n| scores[n].on);
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::Credit;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn invoice(id: &str, amount: &str, due: &str, paid: Option<&str>) -> Invoice {
        Invoice {
            id: id.into(),
            amount: Money::parse_typed(amount).unwrap(),
            due: Some(d(due)),
            paid: paid.map(d),
            ..Invoice::default()
        }
    }

    fn account(limit: Option<&str>, invoices: Vec<Invoice>) -> Account {
        Account {
            id: "a".into(),
            name: "A".into(),
            credit: Some(Credit {
                limit: limit.map(|l| Money::parse_typed(l).unwrap()),
                invoices,
                ..Credit::default()
            }),
            ..Account::default()
        }
    }

    #[test]
    fn credit_sums_to_the_cent() {
        let a = account(
            Some("1000"),
            vec![
                invoice("i1", "333.33", "2026-11-01", None),
                invoice("i2", "333.33", "2026-12-01", None),
                invoice("i3", "333.34", "2026-10-01", None),
                invoice("i4", "0.01", "2026-10-01", Some("2026-10-02")),
            ],
        );
        let s = credit_status(&a, d("2026-11-23"));
        assert_eq!(s.unpaid, Money::parse_typed("1000.00").unwrap());
        assert_eq!(s.unpaid_count, 3);
        assert_eq!(s.overdue, Money::parse_typed("666.67").unwrap());
        assert_eq!(s.overdue_count, 2);
        assert_eq!(s.days_overdue, 53, "2026-10-01 to 2026-11-23");
        assert_eq!(s.available(), Some(Money(0)));
        assert!(!s.over_limit(), "exactly at the limit is not over it");
    }

    #[test]
    fn an_invoice_without_due_falls_due_after_the_terms() {
        let mut a = account(None, vec![]);
        let c = a.credit.as_mut().unwrap();
        c.terms_days = Some(Days(30));
        c.invoices.push(Invoice {
            id: "i".into(),
            amount: Money::from_units(5),
            issued: Some(d("2026-10-01")),
            ..Invoice::default()
        });
        let i = &c.invoices[0];
        assert_eq!(i.due_on(c.terms_days), Some(d("2026-10-31")));
        assert_eq!(i.days_overdue(c.terms_days, d("2026-10-31")), 0);
        assert_eq!(i.days_overdue(c.terms_days, d("2026-11-02")), 2);
        assert_eq!(credit_status(&a, d("2026-11-01")).overdue_count, 1);
        assert_eq!(credit_status(&a, d("2026-10-31")).overdue_count, 0);
        // no due, no terms: never overdue
        let undated = Invoice {
            issued: Some(d("2020-01-01")),
            ..Invoice::default()
        };
        assert_eq!(undated.due_on(None), None);
    }

    #[test]
    fn unpaid_invoices_come_first_oldest_due_first() {
        let a = account(
            None,
            vec![
                invoice("paid-early", "1", "2026-01-01", Some("2026-01-05")),
                invoice("late", "1", "2026-12-01", None),
                invoice("paid-late", "1", "2026-02-01", Some("2026-03-01")),
                invoice("early", "1", "2026-10-01", None),
            ],
        );
        let ids: Vec<&str> = invoice_order(&a)
            .into_iter()
            .map(|n| a.credit.as_ref().unwrap().invoices[n].id.as_str())
            .collect();
        assert_eq!(ids, ["early", "late", "paid-late", "paid-early"]);
    }
}
