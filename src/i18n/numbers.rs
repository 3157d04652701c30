//! Amounts and dates as the reader's locale writes them.

use super::{Lang, Numbers, lang, locale};
use crate::domain::money::Money;
use crate::domain::values::Date;

/// An amount in a narrow column (six columns at most): `1.2M`, `437k`,
/// `950` in the western style; `120万`, `1.2亿`, `9500` in the Chinese one
/// (`settings.number_style`).
pub fn compact(m: Money) -> String {
    let units = m.cents() / 100;
    if units < 0 {
        return format!("-{}", compact(Money::from_units(-units)));
    }
    // rounded to the digit shown, half up, in whole numbers: `{:.1}` on a
    // float rounds 2.15 down (it is 2.1499… in binary), and a plain
    // division would cut 13.8M to 13M
    let tenths = |unit: i64| (units + unit / 20) / (unit / 10);
    let whole = |unit: i64| (units + unit / 2) / unit;
    let one_place = |n: i64, suffix: &str| format!("{}.{}{suffix}", n / 10, n % 10);
    match locale().numbers {
        Numbers::Western => match units {
            u if u >= 9_950_000 => format!("{}M", whole(1_000_000)),
            u if u >= 999_500 => one_place(tenths(1_000_000), "M"),
            u if u >= 9_950 => format!("{}k", whole(1000)),
            u if u >= 1_000 => one_place(tenths(1000), "k"),
            u => u.to_string(),
        },
        Numbers::Chinese => match units {
            u if u >= 995_000_000 => format!("{}亿", whole(100_000_000)),
            u if u >= 99_995_000 => one_place(tenths(100_000_000), "亿"),
            u if u >= 995_000 => format!("{}万", whole(10_000)),
            u if u >= 10_000 => one_place(tenths(10_000), "万"),
            u => u.to_string(),
        },
    }
}

/// A day as a heading writes it: `2026-11-30` in English, `2026年11月30日`
/// in Chinese. Tables keep the ISO form in both, which sorts and aligns.
pub fn long_date(d: Date) -> String {
    use chrono::Datelike;
    match lang() {
        Lang::En => d.to_string(),
        Lang::Zh => format!("{}年{}月{}日", d.0.year(), d.0.month(), d.0.day()),
    }
}

/// A weekday's short name: `Mon` or `周一`.
pub fn weekday(w: chrono::Weekday) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang() {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
        Lang::Zh => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, with};

    fn chinese<R>(f: impl FnOnce() -> R) -> R {
        with(
            Locale {
                lang: Lang::Zh,
                numbers: Numbers::Chinese,
            },
            f,
        )
    }

    #[test]
    fn western_amounts_fit_six_columns() {
        assert_eq!(compact(Money::from_units(1_200_000)), "1.2M");
        assert_eq!(compact(Money::from_units(437_000)), "437k");
        assert_eq!(compact(Money::from_units(950)), "950");
        assert_eq!(compact(Money::from_units(-1_200_000)), "-1.2M");
        // rounded half up to the digit shown, never cut
        assert_eq!(compact(Money::from_units(13_761_800)), "14M");
        assert_eq!(compact(Money::from_units(2_150_000)), "2.2M");
        assert_eq!(compact(Money::from_units(4_250)), "4.3k");
        assert_eq!(compact(Money::from_units(999_600)), "1.0M");
        assert_eq!(compact(Money::from_units(9_960_000)), "10M");
        assert_eq!(compact(Money::from_units(9_949)), "9.9k");
    }

    #[test]
    fn chinese_amounts_count_in_wan_and_yi() {
        chinese(|| {
            assert_eq!(compact(Money::from_units(1_200_000)), "120万");
            assert_eq!(compact(Money::from_units(12_000)), "1.2万");
            assert_eq!(compact(Money::from_units(9_500)), "9500");
            assert_eq!(compact(Money::from_units(123_456_789)), "1.2亿");
            assert_eq!(compact(Money::from_units(99_990_000)), "9999万");
            assert_eq!(compact(Money::from_units(2_500_000_000)), "25亿");
        });
    }

    #[test]
    fn dates_and_weekdays_in_chinese() {
        let d = Date::parse("2026-11-30").unwrap();
        chinese(|| {
            assert_eq!(long_date(d), "2026年11月30日");
            assert_eq!(weekday(chrono::Weekday::Mon), "周一");
        });
        assert_eq!(long_date(d), "2026-11-30");
    }
}
