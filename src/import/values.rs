//! Reading cell values as people write them: CRM stage names, amounts with
//! any thousands separator, and dates in ISO or local order.

use crate::domain::{Date, ForecastCategory, Money, OutcomeResult, Stage};

/// Where a deal ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Stage(Stage),
    Closed(OutcomeResult),
}

/// The usual stage names of CRMs, lower-cased, without spaces, hyphens,
/// underscores or accents (HubSpot's "Decision Maker Bought-In", Bitrix24's
/// `PREPAYMENT_INVOICE`, Salesforce in Spanish's "Negociación/Revisión").
pub(super) fn default_place(value: &str) -> Option<Place> {
    let v: String = value
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .map(super::columns::unaccented)
        .collect();
    // Bitrix24 prefixes the stages of extra pipelines: `C1:NEW`
    let v = match v.split_once(':') {
        Some((p, rest)) if p.starts_with('c') && p[1..].chars().all(|c| c.is_ascii_digit()) => {
            rest.to_owned()
        }
        _ => v,
    };
    Some(match v.as_str() {
        "prospecting"
        | "qualification"
        | "qualify"
        | "qualified"
        | "new"
        | "lead"
        | "appointmentscheduled"
        | "qualifiedtobuy"
        | "leadin"
        | "contactmade"
        | "prospeccion"
        | "calificacion"
        | "初步接洽" => Place::Stage(Stage::Qualify),
        "needsanalysis"
        | "discovery"
        | "engaging"
        | "drive"
        | "valueproposition"
        | "id.decisionmakers"
        | "perceptionanalysis"
        | "presentationscheduled"
        | "decisionmakerboughtin"
        | "preparation"
        | "develop"
        | "demoscheduled"
        | "analisisdenecesidades"
        | "propuestadevalor"
        | "analisisdepercepcion"
        | "需求确认" => Place::Stage(Stage::Drive),
        "proposal/pricequote"
        | "proposalorpricequote"
        | "proposal/quote"
        | "proposal"
        | "propose"
        | "proposition"
        | "proposalmade"
        | "prepaymentinvoice"
        | "propuesta/presupuesto"
        | "方案报价" => Place::Stage(Stage::Propose),
        "negotiation/review"
        | "negotiationorreview"
        | "negotiation"
        | "negotiate"
        | "negotiationsstarted"
        | "contractsent"
        | "executing"
        | "negociacion/revision"
        | "谈判审核" => Place::Stage(Stage::Negotiate),
        "close" | "closing" | "commit" | "verbal" | "finalinvoice" => Place::Stage(Stage::Close),
        "closedwon" | "won" | "cerradaganada" | "赢单" => Place::Closed(OutcomeResult::Won),
        // Bitrix24's APOLOGY is its "analyse the failure" stage: lost
        "closedlost"
        | "lost"
        | "lose"
        | "apology"
        | "closedlosttocompetition"
        | "cerradaperdida"
        | "输单" => Place::Closed(OutcomeResult::Lost),
        "abandoned" | "cancelled" | "canceled" | "disqualified" => {
            Place::Closed(OutcomeResult::Abandoned)
        }
        _ => return None,
    })
}

/// A forecast category as CRMs write it (spec section 8): Salesforce
/// (`Pipeline`, `Best Case`/`BestCase`, `Commit`, `Forecast`, `Closed`,
/// `Omitted`), HubSpot (`Not forecasted`, `Best case`, `Closed won`),
/// Dynamics 365 (`Committed`, `Won`, `Lost`, or the option values
/// 100000001 to 100000006 of `msdyn_forecastcategory`) and funnel's own
/// words. `Ok(None)`: a closed deal's category, or an empty cell: its
/// outcome says what the deal brings. `Err`: a value none of these know.
pub fn parse_forecast_category(s: &str) -> Result<Option<ForecastCategory>, ()> {
    use ForecastCategory::*;
    Ok(Some(match super::columns::normal(s).as_str() {
        "" | "closed" | "closedwon" | "closedlost" | "won" | "lost" | "100000005" | "100000006" => {
            return Ok(None);
        }
        "pipeline" | "100000001" | "渠道" | "管道" => Pipeline,
        "bestcase" | "100000002" | "最佳情况" => BestCase,
        // Salesforce's first forecasts called commit "Forecast"
        "commit" | "committed" | "forecast" | "100000003" | "承诺" => Commit,
        "omitted" | "notforecasted" | "100000004" | "不计入" => Omitted,
        _ => return Err(()),
    }))
}

pub fn parse_place(s: &str) -> Option<Place> {
    match OutcomeResult::parse(s) {
        Some(r) => Some(Place::Closed(r)),
        None => Stage::parse(s).map(Place::Stage),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayMonth,
    MonthDay,
}

/// Reads an amount as CRMs write it: `1,234.56`, `1.234,56`, `1 234`, `$95`.
pub fn parse_amount(s: &str) -> Result<Money, String> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"$€£¥'".contains(*c))
        .collect();
    if t.is_empty() {
        return Ok(Money::ZERO);
    }
    let normal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(c), None) if t.len() - c - 1 <= 2 && t.matches(',').count() == 1 => {
            t.replace(',', ".")
        }
        _ => t.replace(',', ""),
    };
    // vtiger writes eight decimals (`48000.00000000`): zeros past the cents
    // (three digits stay refused: `48.000` may be forty-eight thousand)
    let normal = match normal.split_once('.') {
        Some((_, f)) if f.len() > 3 && f[2..].chars().all(|c| c == '0') => {
            normal[..normal.len() - (f.len() - 2)].to_owned()
        }
        _ => normal,
    };
    Money::parse_typed(&normal)
        .map_err(|_| crate::tf!("{value} is not an amount", value = format!("{s:?}")))
}

pub(super) enum DateRead {
    Sure(Date),
    /// a/b/yyyy with both a and b at most 12.
    Ambiguous(u32, u32, i32),
}

pub(super) fn read_date(s: &str) -> Result<Option<DateRead>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // ISO, also with a time after it (`2026-06-14T09:20:00Z`)
    let head = s.get(..10).unwrap_or(s);
    if let Some(d) = Date::parse(head) {
        return Ok(Some(DateRead::Sure(d)));
    }
    let not_a_date = || {
        crate::tf!(
            "{value} is not a date, expected YYYY-MM-DD, a local form like 25/11/2026 (a time after it is fine), 15 Apr 2021 or an Excel day number",
            value = format!("{s:?}")
        )
    };
    let sure = |d: Option<Date>| d.map(|d| Some(DateRead::Sure(d))).ok_or_else(not_a_date);
    if let Some(d) = excel_serial(s) {
        return Ok(Some(DateRead::Sure(d)));
    }
    let date = date_part(s);
    if let Some(read) = with_month_name(date) {
        return sure(read);
    }
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let num = |p: &str| p.trim().parse::<u32>().ok();
    if let [a, b, c] = parts.as_slice()
        && let (Some(a), Some(b), Some(c)) = (num(a), num(b), num(c))
    {
        if a > 31 {
            // yyyy/mm/dd
            return sure(Date::from_ymd(a as i32, b, c));
        }
        let year = if c < 100 { 2000 + c as i32 } else { c as i32 };
        if date.contains('.') {
            // dd.mm.yyyy
            return sure(Date::from_ymd(year, b, a));
        }
        return match (a > 12, b > 12) {
            (true, false) => sure(Date::from_ymd(year, b, a)),
            (false, true) => sure(Date::from_ymd(year, a, b)),
            (false, false) => Ok(Some(DateRead::Ambiguous(a, b, year))),
            (true, true) => Err(not_a_date()),
        };
    }
    Err(not_a_date())
}

/// What a date with day and month as numbers shows about their order: a
/// first part above 12 can only be a day. Decided per column by the caller.
pub(super) fn order_hint(s: &str) -> Option<DateOrder> {
    let p: Vec<u32> = date_part(s.trim())
        .split(['/', '-', '.'])
        .filter_map(|x| x.trim().parse().ok())
        .collect();
    match p.as_slice() {
        [a, _, _] if *a > 31 => None,
        [a, b, _] if *a > 12 && *b <= 12 => Some(DateOrder::DayMonth),
        [a, b, _] if *a <= 12 && *b > 12 => Some(DateOrder::MonthDay),
        _ => None,
    }
}

/// The date without a time after it (`9/10/2025 4:37`, `1/2/2026 4:37 PM`,
/// `15 Apr, 2021 00:03:00`): CRMs export timestamps where a day is meant.
fn date_part(s: &str) -> &str {
    let mut end = s.len();
    for token in s.rsplit(' ').filter(|t| !t.is_empty()) {
        let is_time = token.contains(':')
            && token
                .chars()
                .all(|c| c.is_ascii_digit() || ":.Z+-".contains(c))
            || ["am", "pm", "utc", "z"].contains(&token.to_lowercase().as_str());
        if !is_time {
            break;
        }
        end = s[..end].trim_end().len() - token.len();
    }
    s[..end].trim_end()
}

/// `15 Apr, 2021`, `Apr 15, 2021`, `15-Apr-21`, `April 15 2021`; None when
/// no part is a month name (English, the language of CRM exports).
fn with_month_name(s: &str) -> Option<Option<Date>> {
    let parts: Vec<&str> = s
        .split([' ', ',', '-', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let m = parts.iter().position(|p| month(p).is_some())?;
    let month = month(parts[m])?;
    let nums: Vec<(&str, u32)> = parts
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != m)
        .map(|(_, p)| p.parse::<u32>().ok().map(|n| (*p, n)))
        .collect::<Option<_>>()?;
    let [(da, a), (db, b)] = nums.as_slice() else {
        return Some(None);
    };
    // the year is the part written with four digits, else the last
    let (day, year) = if da.len() == 4 {
        (*b, *a as i32)
    } else if db.len() == 4 || *a <= 31 {
        (
            *a,
            if *b < 100 {
                2000 + *b as i32
            } else {
                *b as i32
            },
        )
    } else {
        return Some(None);
    };
    Some(Date::from_ymd(year, month, day))
}

fn month(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let s = s.to_lowercase();
    if s.len() < 3 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = NAMES.iter().position(|m| s.starts_with(m))?;
    // `Sept` and full names are fine; `Mayday` is not a month
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (full[n].starts_with(&s) || s == "sept").then_some(n as u32 + 1)
}

/// A plain number in a date column is an Excel day (days since 1899-12-30).
/// Only 10000..=100000 (1927 to 2173) counts: a year like `2026` alone is
/// refused rather than read as 1905.
fn excel_serial(s: &str) -> Option<Date> {
    if !s.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let n: f64 = s.parse().ok()?;
    if !(10_000.0..=100_000.0).contains(&n) {
        return None;
    }
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(n.trunc() as u64))
        .map(Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_crms_write_them() {
        assert_eq!(parse_amount("1,234.56"), Ok(Money(123456)));
        assert_eq!(parse_amount("1.234,56"), Ok(Money(123456)));
        assert_eq!(parse_amount("1 234"), Ok(Money(123400)));
        assert_eq!(parse_amount("$95"), Ok(Money(9500)));
        assert_eq!(parse_amount("1124741.15"), Ok(Money(112474115)));
        assert_eq!(parse_amount("12,5"), Ok(Money(1250)));
        assert_eq!(parse_amount("1,250,000"), Ok(Money(125000000)));
        assert_eq!(parse_amount("125500.50000000"), Ok(Money(12550050)));
        assert_eq!(parse_amount("12.500,50"), Ok(Money(1250050)));
        assert!(parse_amount("1.2345").is_err());
        assert!(parse_amount("48.000").is_err());
        assert_eq!(parse_amount(""), Ok(Money::ZERO));
        assert!(parse_amount("lots").is_err());
    }

    #[test]
    fn stage_names_of_common_crms() {
        assert_eq!(
            default_place("Proposal/Price Quote"),
            Some(Place::Stage(Stage::Propose))
        );
        assert_eq!(
            default_place("Closed Won"),
            Some(Place::Closed(OutcomeResult::Won))
        );
        assert_eq!(default_place("Engaging"), Some(Place::Stage(Stage::Drive)));
        assert_eq!(
            default_place("Negotiation/Review"),
            Some(Place::Stage(Stage::Negotiate))
        );
        assert_eq!(
            default_place("Decision Maker Bought-In"),
            Some(Place::Stage(Stage::Drive))
        );
        assert_eq!(
            default_place("C2:LOSE"),
            Some(Place::Closed(OutcomeResult::Lost))
        );
        for (name, stage) in [
            ("Develop", Stage::Drive),
            ("Proposition", Stage::Propose),
            ("Proposal or Price Quote", Stage::Propose),
            ("Negotiation or Review", Stage::Negotiate),
            ("Contact Made", Stage::Qualify),
            ("Demo Scheduled", Stage::Drive),
            ("Proposal Made", Stage::Propose),
            ("Negotiations Started", Stage::Negotiate),
            ("Calificación", Stage::Qualify),
            ("Negociación/Revisión", Stage::Negotiate),
            ("初步接洽", Stage::Qualify),
            ("谈判审核", Stage::Negotiate),
        ] {
            assert_eq!(default_place(name), Some(Place::Stage(stage)), "{name}");
        }
        assert_eq!(
            default_place("APOLOGY"),
            Some(Place::Closed(OutcomeResult::Lost))
        );
        assert_eq!(
            default_place("Cerrada ganada"),
            Some(Place::Closed(OutcomeResult::Won))
        );
        assert_eq!(default_place("Mystery"), None);
    }

    fn sure(s: &str) -> String {
        match read_date(s) {
            Ok(Some(DateRead::Sure(d))) => d.to_string(),
            Ok(Some(DateRead::Ambiguous(a, b, y))) => format!("{a}|{b}|{y}"),
            Ok(None) => "none".into(),
            Err(e) => e,
        }
    }

    #[test]
    fn dates_with_times_month_names_and_excel_days() {
        assert_eq!(sure("2026-06-14T09:20:00Z"), "2026-06-14");
        assert_eq!(sure("14.06.2026 09:20"), "2026-06-14");
        assert_eq!(sure("9/10/2025 4:37"), "9|10|2025");
        assert_eq!(sure("13/10/2025 4:37 PM"), "2025-10-13");
        assert_eq!(sure("15 Apr, 2021"), "2021-04-15");
        assert_eq!(sure("Apr 15, 2021"), "2021-04-15");
        assert_eq!(sure("15 Apr, 2021 00:03:00"), "2021-04-15");
        assert_eq!(sure("15-Sep-21"), "2021-09-15");
        assert_eq!(sure("April 15 2021"), "2021-04-15");
        // Excel shows 45292 as 2024-01-01
        assert_eq!(sure("45292"), "2024-01-01");
        assert_eq!(sure("45321"), "2024-01-30");
        assert!(sure("2026").contains("is not a date"));
        assert!(sure("Mayday 3 2021").contains("is not a date"));
        assert!(sure("31 Feb 2021").contains("is not a date"));
        assert_eq!(order_hint("13/10/2025 4:37"), Some(DateOrder::DayMonth));
        assert_eq!(order_hint("10/13/2025"), Some(DateOrder::MonthDay));
        assert_eq!(order_hint("2025/10/13"), None);
    }
}
