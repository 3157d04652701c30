//! Value types of the workspace: dates, amounts of money, bounded scores.

pub use super::money::Money;
use chrono::NaiveDate;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD`. (The default, 1970-01-01, only
/// fills records built in code before their dates are set.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Parses `YYYY-MM-DD` exactly (no other forms, no surrounding space).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        // Every date of a workspace comes through here (10,000 deals hold
        // about a million), and chrono's general format parser cost more
        // than the JSON around them: eight digits are read directly.
        let digits = [0, 1, 2, 3, 5, 6, 8, 9];
        if digits.iter().all(|&i| b[i].is_ascii_digit()) {
            let n = |r: std::ops::Range<usize>| {
                b[r].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
            };
            return NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10)).map(Date);
        }
        // Anything else keeps exactly the answer it always had.
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Date)
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The date `days` days later (earlier when negative); saturates at the
    /// calendar's ends instead of failing.
    pub fn plus_days(self, days: i64) -> Date {
        let delta = chrono::Duration::try_days(days).unwrap_or(chrono::Duration::zero());
        Date(self.0.checked_add_signed(delta).unwrap_or(self.0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        use chrono::Datelike;
        // Written directly for the same reason dates are read directly;
        // chrono keeps the years that need a sign (before 0, after 9999).
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        if (0..=9999).contains(&y) {
            write!(f, "{y:04}-{m:02}-{d:02}")
        } else {
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::i18n::t("a date YYYY-MM-DD"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).ok_or_else(|| {
                    E::custom(crate::tf!(
                        "invalid date {v}, expected a date YYYY-MM-DD",
                        v = format!("{v:?}")
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// Declares a small whole number with a fixed range and a name for messages.
macro_rules! bounded {
    ($(#[$meta:meta])* $name:ident, $min:literal ..= $max:literal, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u8);

        impl $name {
            pub const MIN: u8 = $min;
            pub const MAX: u8 = $max;

            pub fn new(v: i64) -> Option<$name> {
                (($min as i64)..=($max as i64)).contains(&v).then_some($name(v as u8))
            }

            fn out_of_range(v: impl fmt::Display) -> String {
                crate::tf!(
                    "{what} {v} is out of range, expected a whole number from {min} to {max}",
                    what = crate::i18n::t($what),
                    v,
                    min = $min,
                    max = $max
                )
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u8(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(&crate::tf!(
                            "{what} (a whole number from {min} to {max})",
                            what = crate::i18n::t($what),
                            min = $min,
                            max = $max
                        ))
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        i64::try_from(v).ok().and_then($name::new).ok_or_else(|| E::custom($name::out_of_range(v)))
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$name, E> {
                        $name::new(v).ok_or_else(|| E::custom($name::out_of_range(v)))
                    }
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$name, E> {
                        if v.fract() == 0.0 {
                            if let Some(ok) = $name::new(v as i64) {
                                return Ok(ok);
                            }
                        }
                        Err(E::custom($name::out_of_range(format!("{v:?}"))))
                    }
                }
                d.deserialize_f64(V)
            }
        }
    };
}

bounded!(
    /// How much time we have had with a buying influence: 0 never met,
    /// 1 introduction, 2 one-to-one, 3 quality time.
    Coverage, 0..=3, "coverage"
);
bounded!(
    /// A 1 to 5 rating (account attractiveness, our advantage).
    Score, 1..=5, "score"
);
bounded!(
    /// A probability in whole percent.
    Percent, 0..=100, "probability"
);

/// A positive number of days (stall and quiet thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Days(pub u32);

impl Serialize for Days {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

fn days_out_of_range(v: impl fmt::Display) -> String {
    crate::tf!(
        "{v} days is out of range, expected a whole number from 1 to 3650",
        v
    )
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Days;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::i18n::t(
                    "a number of days (a whole number from 1 to 3650)",
                ))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Days, E> {
                if (1..=3650).contains(&v) {
                    Ok(Days(v as u32))
                } else {
                    Err(E::custom(days_out_of_range(v)))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Days, E> {
                Err(E::custom(days_out_of_range(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Days, E> {
                if v.fract() == 0.0 && (1.0..=3650.0).contains(&v) {
                    Ok(Days(v as u32))
                } else {
                    Err(E::custom(days_out_of_range(format!("{v:?}"))))
                }
            }
        }
        d.deserialize_f64(V)
    }
}

/// A time of day, written `HH:MM` (24-hour clock): when a call or a
/// meeting is (spec section 10). Kept as minutes since midnight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    /// Reads `HH:MM` exactly, as the file writes it.
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' {
            return None;
        }
        TimeOfDay::typed(s)
    }

    /// Reads a time as a person types it: `9:30`, `09:30`, `930`, `0930`
    /// or `9` (whole hours); `：` counts as a colon, and the Chinese
    /// `9点`, `9点30`, `9点半` read as 09:00, 09:30, 09:30.
    pub fn typed(s: &str) -> Option<TimeOfDay> {
        let mut s = s.trim().replace('：', ":").replace("点半", ":30");
        if let Some(hour) = s.strip_suffix('点') {
            s = hour.to_owned();
        }
        let s = s.replace('点', ":");
        // what is left is digits and a colon, or it is no time; checked
        // before any split, which counts bytes
        if !s.is_ascii() {
            return None;
        }
        let (h, m) = match s.split_once(':') {
            Some((h, m)) if !h.is_empty() && h.len() <= 2 && m.len() == 2 => (h, m),
            Some(_) => return None,
            None if (1..=2).contains(&s.len()) => (s.as_str(), "00"),
            None if (3..=4).contains(&s.len()) => s.split_at(s.len() - 2),
            None => return None,
        };
        if !(h.bytes().all(|c| c.is_ascii_digit()) && m.bytes().all(|c| c.is_ascii_digit())) {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(TimeOfDay(h * 60 + m))
    }

    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    pub fn minute(self) -> u16 {
        self.0 % 60
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TimeOfDay;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::i18n::t(
                    "a time of day as \"HH:MM\" (00:00 to 23:59)",
                ))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TimeOfDay, E> {
                TimeOfDay::parse(v).ok_or_else(|| {
                    E::custom(crate::tf!(
                        "invalid time {v}, expected HH:MM from 00:00 to 23:59",
                        v = format!("{v:?}")
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(json: &str) -> Result<Money, String> {
        serde_json::from_str::<Money>(json).map_err(|e| e.to_string())
    }

    #[test]
    fn times_read_as_typed_and_write_as_hh_mm() {
        for (typed, shown) in [
            ("9:30", "09:30"),
            ("09:30", "09:30"),
            ("930", "09:30"),
            ("1405", "14:05"),
            ("9", "09:00"),
            ("23:59", "23:59"),
            ("0：15", "00:15"),
            ("9点", "09:00"),
            ("14点30", "14:30"),
            ("9点半", "09:30"),
        ] {
            let t = TimeOfDay::typed(typed).unwrap_or_else(|| panic!("{typed}"));
            assert_eq!(t.to_string(), shown);
        }
        for bad in [
            "24:00", "12:60", "12:5", "", "ab:cd", "12345", ":30", "-1:00",
        ] {
            assert_eq!(TimeOfDay::typed(bad), None, "{bad}");
        }
        assert_eq!(TimeOfDay::parse("9:30"), None, "the file writes two digits");
        assert_eq!(
            serde_json::from_str::<TimeOfDay>("\"07:05\"").unwrap(),
            TimeOfDay(425)
        );
        let e = serde_json::from_str::<TimeOfDay>("\"7.05\"")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("invalid time \"7.05\", expected HH:MM"),
            "{e}"
        );
    }

    #[test]
    fn amounts_with_cents_sum_exactly() {
        let parts = ["0.1", "0.2", "1234.55", "0.15"];
        let total: Money = parts.iter().map(|p| money(p).unwrap()).sum();
        assert_eq!(total, Money(123500));
        assert_eq!(total.plain(), "1235");
    }

    #[test]
    fn amounts_write_back_as_they_were_read() {
        for text in ["0", "1200000", "1234.5", "0.05", "99999999.99", "12.34"] {
            let m = money(text).unwrap();
            assert_eq!(serde_json::to_string(&m).unwrap(), text);
            assert_eq!(m.plain(), text);
        }
    }

    #[test]
    fn negative_and_sub_cent_amounts_are_refused() {
        assert!(money("-5").unwrap_err().contains("negative amount -5"));
        assert!(money("-0.5").unwrap_err().contains("negative amount"));
        assert!(money("1.005").unwrap_err().contains("fraction of a cent"));
        assert!(
            money("1000000.001")
                .unwrap_err()
                .contains("fraction of a cent")
        );
        assert!(
            money("123456789.999")
                .unwrap_err()
                .contains("fraction of a cent")
        );
        assert!(money("10000000000001").unwrap_err().contains("too large"));
        assert_eq!(money("9999999999999.99"), Ok(Money(999_999_999_999_999)));
        assert!(money("\"12\"").unwrap_err().contains("expected an amount"));
    }

    #[test]
    fn typed_amounts_accept_grouping_and_refuse_the_rest() {
        assert_eq!(
            Money::parse_typed("1,200,000"),
            Ok(Money::from_units(1_200_000))
        );
        assert_eq!(Money::parse_typed("1 234.5"), Ok(Money(123450)));
        assert_eq!(Money::parse_typed(".05"), Ok(Money(5)));
        assert!(Money::parse_typed("-5").is_err());
        assert!(Money::parse_typed("1.005").is_err());
        assert!(Money::parse_typed("12k").is_err());
        assert!(Money::parse_typed("").is_err());
        assert!(Money::parse_typed("99999999999999999999").is_err());
    }

    #[test]
    fn grouped_amounts_read_well() {
        assert_eq!(Money::from_units(1_200_000).grouped(), "1,200,000");
        assert_eq!(Money(123450).grouped(), "1,234.50");
        assert_eq!(Money(5).grouped(), "0.05");
        // a negative gap: one sign, before the digits
        assert_eq!(Money::from_units(-555_000).grouped(), "-555,000");
        assert_eq!(Money(-5_500_035).grouped(), "-55,000.35");
        assert_eq!(Money(-5).grouped(), "-0.05");
    }

    #[test]
    fn percent_rounds_half_up_to_the_cent() {
        assert_eq!(
            Money::from_units(1_200_000).percent(25),
            Money::from_units(300_000)
        );
        assert_eq!(Money(1).percent(50), Money(1));
        assert_eq!(Money(333).percent(10), Money(33));
    }

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!(Date::parse("2026-11-25"), Date::from_ymd(2026, 11, 25));
        for bad in [
            "2026-11-31",
            "2026-1-5",
            "25/11/2026",
            " 2026-11-25",
            "20261125",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        let e = serde_json::from_str::<Date>("\"2026-13-01\"").unwrap_err();
        assert!(e.to_string().contains("expected a date YYYY-MM-DD"));
        let e = serde_json::from_str::<Date>("\"2026-02-30\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid date \"2026-02-30\", expected a date YYYY-MM-DD at line 1 column 12"
        );
        assert!(serde_json::from_str::<Date>("\"2026/11/25\"").is_err());
        assert_eq!(
            serde_json::from_str::<Date>("\"2024-02-29\"").unwrap(),
            Date::from_ymd(2024, 2, 29).unwrap()
        );
    }

    /// The parse before the digits were read directly, kept to compare.
    fn parse_through_chrono(s: &str) -> Option<Date> {
        if s.len() != 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
            return None;
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Date)
    }

    #[test]
    fn dates_write_as_chrono_wrote_them() {
        for (y, m, d) in [
            (2026, 11, 5),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
            (33, 7, 9),
        ] {
            let date = Date::from_ymd(y, m, d).unwrap();
            assert_eq!(date.to_string(), date.0.format("%Y-%m-%d").to_string());
        }
        assert_eq!(
            format!("{:>12}", Date::from_ymd(2026, 1, 2).unwrap()),
            "2026-01-02"
        );
    }

    #[test]
    fn reading_digits_directly_agrees_with_chrono() {
        let mut cases: Vec<String> = Vec::new();
        for y in [
            0, 1, 99, 100, 400, 1582, 1900, 1970, 2000, 2023, 2024, 2026, 2100, 9999,
        ] {
            for m in 0..=19 {
                for d in 0..=39 {
                    cases.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        // every position of a few dates replaced by characters that are not
        // digits, including the spellings chrono's parser lets through
        let odd = [
            '+', '-', ' ', '\t', 'a', '/', '0', '9', ':', '\u{3000}', '٣',
        ];
        for base in ["2026-11-25", "2024-02-29", "0001-01-01", "2026-02-30"] {
            for i in 0..10 {
                for c in odd {
                    for j in [None, Some(0), Some(5), Some(8)] {
                        let mut chars: Vec<char> = base.chars().collect();
                        chars[i] = c;
                        if let Some(j) = j {
                            chars[j] = ' ';
                        }
                        cases.push(chars.into_iter().collect());
                    }
                }
            }
        }
        cases.extend(
            [
                "",
                "2026-11-2",
                "2026-11-255",
                "+202-11-25",
                " 202-11-25",
                "-202-01-01",
            ]
            .map(String::from),
        );
        for case in &cases {
            assert_eq!(Date::parse(case), parse_through_chrono(case), "{case:?}");
        }
    }

    #[test]
    fn bounded_scores_refuse_out_of_range() {
        assert_eq!(serde_json::from_str::<Coverage>("3").unwrap(), Coverage(3));
        let e = serde_json::from_str::<Coverage>("4")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("coverage 4 is out of range, expected a whole number from 0 to 3"),
            "{e}"
        );
        assert!(serde_json::from_str::<Score>("0").is_err());
        assert!(serde_json::from_str::<Percent>("101").is_err());
        assert!(serde_json::from_str::<Percent>("-1").is_err());
        assert_eq!(
            serde_json::from_str::<Percent>("50.0").unwrap(),
            Percent(50)
        );
        assert!(serde_json::from_str::<Days>("0").is_err());
        assert_eq!(serde_json::from_str::<Days>("30.0").unwrap(), Days(30));
        let e = serde_json::from_str::<Coverage>("1e300")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("coverage 1e300 is out of range"), "{e}");
    }
}
