//! Amounts and dates as a person types them into the workbench: `500k`,
//! `1.2M`, `2万`, `eoq`, `+2w`, `fri`. One reader for each, used by every
//! field and prompt, so that what works in one place works in all.
//!
//! The importer keeps its own readers (`crate::import::values`): exports
//! are read by other rules (no `k` suffix, month-name dates, Excel days).

use super::money::MONEY_MAX_CENTS;
use super::values::{Date, Money};
use crate::i18n::t;
use crate::tf;
use chrono::{Datelike, Months, NaiveDate};

/// What an amount field takes, said in every refusal.
const AMOUNT_FORMS: &str = "expected an amount like 500k, 1.2M, 2万, 1,200,000.50";

/// Reads an amount as typed: digits with thousands separators (`,` `.`
/// space `'` `_`), a decimal part, an optional currency sign in front (`¥`
/// `￥` `$` `€` `£`) or `元` behind, and an optional unit: `k` (thousand),
/// `m` (million, either case), `万` (10,000) or `亿` (100,000,000).
/// Negative amounts are refused unless `allow_negative`.
///
/// `,` and `.` are read thus:
/// - both present: the last one is the decimal mark (`1,200.50`,
///   `1.200.000,50`), the other groups thousands;
/// - one of them several times: it groups thousands (`1.200.000`);
/// - one of them once, followed by exactly three digits and no unit: it
///   groups thousands (`1,200` and `1.200` are both 1200), because amounts
///   of deals are whole far more often than they carry a third decimal;
/// - otherwise it is the decimal mark (`1,5` is 1.5, `12500.5`, `1.250k`).
///
/// Groups after the first must have three digits (`1,20,000` is refused
/// rather than guessed), and the result must be whole cents.
pub fn parse_amount(text: &str, allow_negative: bool) -> Result<Money, String> {
    let bad = || {
        tf!(
            "{text} is not an amount: {forms}",
            text = format!("{:?}", text.trim()),
            forms = t(AMOUNT_FORMS)
        )
    };
    let halfwidth = ascii_forms(text);
    let mut s = halfwidth.trim();
    let negative = if let Some(rest) = s.strip_prefix('-') {
        s = rest.trim_start();
        true
    } else {
        false
    };
    for sign in ['¥', '￥', '$', '€', '£'] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = rest.trim_start();
        }
    }
    if !negative && let Some(rest) = s.strip_prefix('-') {
        // `¥-5`
        return parse_amount(&format!("-{rest}"), allow_negative).map_err(|_| bad());
    }
    s = s.strip_suffix('元').unwrap_or(s).trim_end();
    let (number, unit): (&str, i128) = match s.chars().last() {
        Some('k' | 'K') => (&s[..s.len() - 1], 1_000),
        Some('m' | 'M') => (&s[..s.len() - 1], 1_000_000),
        Some('万') => (&s[..s.len() - '万'.len_utf8()], 10_000),
        Some('亿') => (&s[..s.len() - '亿'.len_utf8()], 100_000_000),
        _ => (s, 1),
    };
    let number = number.trim_end();
    if number.is_empty() {
        return Err(t(AMOUNT_FORMS).to_owned());
    }
    let (whole, fraction) = split_number(number, unit != 1).ok_or_else(bad)?;
    if whole.is_empty() && fraction.is_empty() {
        return Err(bad());
    }
    let too_large = || tf!("{text} is too large", text = format!("{:?}", text.trim()));
    let digits_value = |d: &str| -> Option<i128> {
        d.bytes().try_fold(0i128, |n, b| {
            n.checked_mul(10)?.checked_add(i128::from(b - b'0'))
        })
    };
    let whole_v = digits_value(&whole).ok_or_else(too_large)?;
    let frac_v = digits_value(&fraction).ok_or_else(too_large)?;
    let scale = 10i128.checked_pow(fraction.len() as u32).ok_or_else(bad)?;
    // cents = (whole + frac / scale) × unit × 100, exactly
    let numerator = frac_v * unit * 100;
    if numerator % scale != 0 {
        return Err(tf!(
            "{text} has a fraction of a cent, expected at most two decimals",
            text = format!("{:?}", text.trim())
        ));
    }
    let cents = whole_v
        .checked_mul(unit * 100)
        .and_then(|w| w.checked_add(numerator / scale))
        .filter(|c| *c <= MONEY_MAX_CENTS as i128)
        .ok_or_else(too_large)?;
    if negative && cents != 0 {
        if !allow_negative {
            return Err(tf!(
                "{text} is negative, expected an amount of 0 or more",
                text = format!("{:?}", text.trim())
            ));
        }
        return Ok(Money(-(cents as i64)));
    }
    Ok(Money(cents as i64))
}

/// The whole and fractional digits of `number` (digits and separators
/// only), by the rules of [`parse_amount`]; `None` when it does not read.
fn split_number(number: &str, has_unit: bool) -> Option<(String, String)> {
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\'' | '_' | '\u{a0}'))
    {
        return None;
    }
    let commas = number.matches(',').count();
    let dots = number.matches('.').count();
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let count = commas.max(dots);
            let after = number.rsplit(mark).next().unwrap_or("");
            let grouping = count > 1
                || (!has_unit
                    && after.len() == 3
                    && after.bytes().all(|b| b.is_ascii_digit())
                    && !matches!(number.split(mark).next(), Some("" | "0")));
            (!grouping).then_some(mark)
        }
        _ => {
            let last_comma = number.rfind(',');
            let last_dot = number.rfind('.');
            Some(if last_comma > last_dot { ',' } else { '.' })
        }
    };
    let (whole, fraction) = match decimal {
        Some(mark) => {
            let (w, f) = number.rsplit_once(mark)?;
            if w.contains(mark) {
                return None;
            }
            (w, f)
        }
        None => (number, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // the whole part: groups of three after the first, or no separators
    let groups: Vec<&str> = whole.split([',', '.', ' ', '\'', '_', '\u{a0}']).collect();
    if groups.len() > 1 {
        let first = groups[0];
        if first.is_empty() || first.len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let whole: String = groups.concat();
    Some((whole, fraction.to_owned()))
}

/// What a date field takes, said in every refusal.
const DATE_FORMS: &str =
    "expected a date like 2027-01-15, today, tomorrow, +30, +2w, -1m, fri, eow, eom, eoq or eoy";

/// Reads a date as typed, relative to `today` (the workbench's, never the
/// clock's):
/// - `2027-01-15`, `2027-1-5`, `2027/1/5`, `2027年1月5日`;
/// - `today`, `tomorrow`, `yesterday` (`今天`, `明天`, `后天`, `昨天`);
/// - `+3` or `+3d` days, `+2w` weeks, `+1m` months, `+1y` years, and the
///   same with `-` for the past; a month later than the 31st is the
///   month's last day (`+1m` from Jan 31 is Feb 28 or 29);
/// - a weekday, `fri` or `friday` (any three letters or more of its name,
///   `周五`, `星期五`): the next such day, never today, so that `fri` typed
///   on a Friday means a week later; `下周五` is the Friday of next week
///   (weeks start on Monday);
/// - `eow`, the end of the working week: the coming Friday, today on a
///   Friday, next week's on a weekend; `eom`, `eoq`, `eoy`: the last day of
///   this month, quarter or year (`月底`, `季末`, `年底`).
pub fn parse_date(text: &str, today: Date) -> Result<Date, String> {
    let s = ascii_forms(text).trim().to_lowercase();
    let bad = || {
        tf!(
            "{text} is not a date: {forms}",
            text = format!("{:?}", text.trim()),
            forms = t(DATE_FORMS)
        )
    };
    if s.is_empty() {
        return Err(t(DATE_FORMS).to_owned());
    }
    if let Some(d) = calendar(&s) {
        return d.ok_or_else(|| {
            tf!(
                "{text} is not a day of the calendar",
                text = format!("{:?}", text.trim())
            )
        });
    }
    let t = today.0;
    let day = |n: i64| Some(today.plus_days(n));
    let found = match s.as_str() {
        "today" | "tod" | "今天" | "今日" => day(0),
        "tomorrow" | "tmr" | "tom" | "明天" | "明日" => day(1),
        "后天" => day(2),
        "yesterday" | "昨天" => day(-1),
        "eow" => {
            let ahead = (4 - t.weekday().num_days_from_monday() as i64).rem_euclid(7);
            day(ahead)
        }
        "eom" | "月底" | "月末" => end_of_month(t.year(), t.month()),
        "eoq" | "季末" | "季度末" => end_of_month(t.year(), (t.month() - 1) / 3 * 3 + 3),
        "eoy" | "年底" | "年末" => Date::from_ymd(t.year(), 12, 31),
        _ => relative(&s, today).or_else(|| weekday_word(&s, today, Toward::Future)),
    };
    found.ok_or_else(bad)
}

/// Full-width digits and signs, as a Chinese input method types them
/// (`５００Ｋ`, `＋３`), as their ASCII forms.
fn ascii_forms(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// [`parse_date`] for a date that has passed (when a deal was won or
/// lost): a weekday is the last such day before today, so `fri` typed on a
/// Monday is three days ago.
pub fn parse_past_date(text: &str, today: Date) -> Result<Date, String> {
    let s = ascii_forms(text).trim().to_lowercase();
    match weekday_word(&s, today, Toward::Past) {
        Some(d) if !s.starts_with('下') => Ok(d),
        _ => parse_date(text, today),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Toward {
    Future,
    Past,
}

/// A date shown back with its weekday: `2026-12-31 (Thu)`.
pub fn describe(d: Date) -> String {
    tf!(
        "{date} ({weekday})",
        date = d,
        weekday = crate::i18n::numbers::weekday(d.0.weekday())
    )
}

/// `y-m-d` with `-`, `/` or `.`, or `2027年1月5日`: `Some(None)` when it has
/// the shape of a date but names no day (`2027-02-30`).
fn calendar(s: &str) -> Option<Option<Date>> {
    let s = s.replace(['年', '月'], "-");
    let s = s.strip_suffix(['日', '号']).unwrap_or(&s);
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, max: usize| {
        (!p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    if y.len() != 4 {
        return None;
    }
    let (y, m, d) = (digits(y, 4)?, digits(m, 2)?, digits(d, 2)?);
    Some(Date::from_ymd(y as i32, m, d))
}

fn end_of_month(year: i32, month: u32) -> Option<Date> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    Some(Date(next.pred_opt()?))
}

/// `+3`, `+3d`, `-2w`, `+1m`, `+1y`.
fn relative(s: &str, today: Date) -> Option<Date> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1i64, &s[1..]),
        b'-' => (-1i64, &s[1..]),
        _ => return None,
    };
    let rest = rest.trim();
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (n, unit) = rest.split_at(split);
    if n.is_empty() || n.len() > 5 {
        return None;
    }
    let n: i64 = n.parse().ok()?;
    let months = |k: i64| {
        let m = Months::new(u32::try_from(k).ok()?);
        let moved = if sign > 0 {
            today.0.checked_add_months(m)
        } else {
            today.0.checked_sub_months(m)
        };
        moved.map(Date)
    };
    match unit.trim() {
        "" | "d" | "day" | "days" | "天" => Some(today.plus_days(sign * n)),
        "w" | "wk" | "week" | "weeks" | "周" => Some(today.plus_days(sign * n * 7)),
        "m" | "mo" | "month" | "months" | "个月" | "月" => months(n),
        "y" | "year" | "years" | "年" => months(n * 12),
        _ => None,
    }
}

/// `fri`, `friday`, `周五`, `星期五`: the next such day; `下周五`: the
/// Friday of next week.
fn weekday_word(s: &str, today: Date, toward: Toward) -> Option<Date> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const CHINESE: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    let from_monday = today.0.weekday().num_days_from_monday() as i64;
    let chinese = |rest: &str| {
        let rest = rest
            .strip_prefix("星期")
            .or_else(|| rest.strip_prefix("周"))?;
        let rest = if rest == "天" { "日" } else { rest };
        CHINESE.iter().position(|c| *c == rest)
    };
    if let Some(rest) = s.strip_prefix('下')
        && let Some(target) = chinese(rest)
    {
        // Monday of next week, then the day
        return Some(today.plus_days(7 - from_monday + target as i64));
    }
    let target = chinese(s).or_else(|| {
        (s.len() >= 3)
            .then(|| NAMES.iter().position(|n| n.starts_with(s)))
            .flatten()
    })? as i64;
    if toward == Toward::Past {
        let back = (from_monday - target).rem_euclid(7);
        return Some(today.plus_days(-if back == 0 { 7 } else { back }));
    }
    let ahead = (target - from_monday).rem_euclid(7);
    Some(today.plus_days(if ahead == 0 { 7 } else { ahead }))
}

#[cfg(test)]
#[path = "typed_tests.rs"]
mod tests;
