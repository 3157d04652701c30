//! Forecast periods (spec section 8): a calendar quarter `2026-Q4` or a
//! month `2026-12`, as `settings.targets` and `funnel forecast --period`
//! spell them.

use super::values::Date;
use chrono::{Datelike, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar quarter or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// Year and quarter, 1 to 4.
    Quarter(i32, u32),
    /// Year and month, 1 to 12.
    Month(i32, u32),
}

impl Default for Period {
    fn default() -> Period {
        Period::Quarter(1970, 1)
    }
}

impl Period {
    /// Reads `2026-Q4` (also `2026-q4`) or `2026-12` (also `2026-1`).
    pub fn parse(s: &str) -> Option<Period> {
        let (year, rest) = s.trim().split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let number = |t: &str| -> Option<u32> {
            (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q = number(q)?;
            return (1..=4).contains(&q).then_some(Period::Quarter(year, q));
        }
        let m = number(rest)?;
        (1..=12).contains(&m).then_some(Period::Month(year, m))
    }

    /// The quarter `day` falls in.
    pub fn quarter_of(day: Date) -> Period {
        Period::Quarter(day.0.year(), (day.0.month() - 1) / 3 + 1)
    }

    /// The month `day` falls in.
    pub fn month_of(day: Date) -> Period {
        Period::Month(day.0.year(), day.0.month())
    }

    pub fn is_quarter(self) -> bool {
        matches!(self, Period::Quarter(..))
    }

    /// The first day.
    pub fn from(self) -> Date {
        let (y, m) = self.first_month();
        Date(NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default())
    }

    /// The last day.
    pub fn to(self) -> Date {
        self.next().from().plus_days(-1)
    }

    pub fn contains(self, day: Date) -> bool {
        self.from() <= day && day <= self.to()
    }

    /// The months of a quarter, or the month itself.
    pub fn months(self) -> Vec<Period> {
        match self {
            Period::Quarter(y, q) => (0..3)
                .map(|i| Period::Month(y, (q - 1) * 3 + 1 + i))
                .collect(),
            Period::Month(..) => vec![self],
        }
    }

    /// The quarter a month is in (a quarter is its own).
    pub fn quarter(self) -> Period {
        match self {
            Period::Quarter(..) => self,
            Period::Month(y, m) => Period::Quarter(y, (m - 1) / 3 + 1),
        }
    }

    /// The period after, of the same kind.
    pub fn next(self) -> Period {
        match self {
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// The period before, of the same kind.
    pub fn previous(self) -> Period {
        match self {
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
        }
    }

    fn first_month(self) -> (i32, u32) {
        match self {
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1),
            Period::Month(y, m) => (y, m),
        }
    }

    /// How a heading names it: `2026-Q4` in English, `2026年第4季度` /
    /// `2026年12月` in Chinese.
    pub fn label(self) -> String {
        match (crate::i18n::lang(), self) {
            (crate::i18n::Lang::En, _) => self.to_string(),
            (crate::i18n::Lang::Zh, Period::Quarter(y, q)) => format!("{y}年第{q}季度"), // i18n-exempt: Chinese only
            (crate::i18n::Lang::Zh, Period::Month(y, m)) => format!("{y}年{m}月"), // i18n-exempt: Chinese only
        }
    }

    /// A month's short name for a chart's axis: `Oct` / `10月`.
    pub fn short(self) -> String {
        match self {
            Period::Quarter(_, q) => format!("Q{q}"),
            Period::Month(_, m) => match crate::i18n::lang() {
                crate::i18n::Lang::Zh => format!("{m}月"), // i18n-exempt: Chinese only
                crate::i18n::Lang::En => MONTHS[(m as usize).saturating_sub(1) % 12].to_owned(),
            },
        }
    }
}

/// Month abbreviations, the same in every English-speaking CRM.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::i18n::t(
                    "a period: a quarter like 2026-Q4 or a month like 2026-12",
                ))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).ok_or_else(|| E::custom(unknown(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// `invalid period "2026-13", expected …`: for the file and `--period`.
pub fn unknown(found: &str) -> String {
    crate::tf!(
        "invalid period {found}, expected a quarter like 2026-Q4 or a month like 2026-12",
        found = format!("{found:?}")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn quarters_and_months_read_and_write_their_spelling() {
        assert_eq!(Period::parse("2026-Q4"), Some(Period::Quarter(2026, 4)));
        assert_eq!(Period::parse("2026-q1"), Some(Period::Quarter(2026, 1)));
        assert_eq!(Period::parse("2026-12"), Some(Period::Month(2026, 12)));
        assert_eq!(Period::parse("2026-3"), Some(Period::Month(2026, 3)));
        for bad in [
            "2026-Q5", "2026-Q0", "2026-13", "2026-00", "26-Q1", "2026", "2026-Q", "Q4-2026", "",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(Period::Month(2026, 3).to_string(), "2026-03");
        assert_eq!(Period::Quarter(2026, 4).to_string(), "2026-Q4");
    }

    #[test]
    fn a_period_runs_from_its_first_to_its_last_day() {
        let q4 = Period::Quarter(2026, 4);
        assert_eq!((q4.from(), q4.to()), (d("2026-10-01"), d("2026-12-31")));
        let feb = Period::Month(2028, 2);
        assert_eq!(feb.to(), d("2028-02-29"));
        assert!(q4.contains(d("2026-12-31")) && !q4.contains(d("2027-01-01")));
        assert_eq!(q4.next(), Period::Quarter(2027, 1));
        assert_eq!(Period::Quarter(2027, 1).previous(), q4);
        assert_eq!(Period::Month(2027, 1).previous(), Period::Month(2026, 12));
        assert_eq!(
            q4.months(),
            [
                Period::Month(2026, 10),
                Period::Month(2026, 11),
                Period::Month(2026, 12)
            ]
        );
        assert_eq!(Period::Month(2026, 11).quarter(), q4);
        assert_eq!(Period::quarter_of(d("2026-11-30")), q4);
    }
}
