//! Reading cell values as people write them: CRM stage names, amounts with
//! any thousands separator, and dates in ISO or local order.

use crate::domain::{Date, Money, OutcomeResult, Stage};

/// Where a deal ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Stage(Stage),
    Closed(OutcomeResult),
}

/// The usual stage names of CRMs, lower-cased, without spaces, hyphens or
/// underscores (HubSpot's "Decision Maker Bought-In", Bitrix24's
/// `PREPAYMENT_INVOICE`).
pub(super) fn default_place(value: &str) -> Option<Place> {
    let v: String = value
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
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
        | "qualifiedtobuy" => Place::Stage(Stage::Qualify),
        "needsanalysis"
        | "discovery"
        | "engaging"
        | "drive"
        | "valueproposition"
        | "id.decisionmakers"
        | "perceptionanalysis"
        | "presentationscheduled"
        | "decisionmakerboughtin"
        | "preparation" => Place::Stage(Stage::Drive),
        "proposal/pricequote" | "proposal/quote" | "proposal" | "propose" | "prepaymentinvoice" => {
            Place::Stage(Stage::Propose)
        }
        "negotiation/review" | "negotiation" | "negotiate" | "contractsent" | "executing" => {
            Place::Stage(Stage::Negotiate)
        }
        "close" | "closing" | "commit" | "verbal" | "finalinvoice" => Place::Stage(Stage::Close),
        "closedwon" | "won" | "赢单" => Place::Closed(OutcomeResult::Won),
        "closedlost" | "lost" | "lose" | "closedlosttocompetition" | "输单" => {
            Place::Closed(OutcomeResult::Lost)
        }
        "abandoned" | "cancelled" | "canceled" | "disqualified" => {
            Place::Closed(OutcomeResult::Abandoned)
        }
        _ => return None,
    })
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
    Money::parse_typed(&normal).map_err(|_| format!("{s:?} is not an amount"))
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
    let head = s.get(..10).unwrap_or(s);
    if let Some(d) = Date::parse(head) {
        return Ok(Some(DateRead::Sure(d)));
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let num = |p: &str| p.trim().parse::<u32>().ok();
    if let [a, b, c] = parts.as_slice()
        && let (Some(a), Some(b), Some(c)) = (num(a), num(b), num(c))
    {
        if a > 31 {
            // yyyy/mm/dd
            return Date::from_ymd(a as i32, b, c)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date"));
        }
        let year = if c < 100 { 2000 + c as i32 } else { c as i32 };
        if s.contains('.') {
            // dd.mm.yyyy
            return Date::from_ymd(year, b, a)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date"));
        }
        return match (a > 12, b > 12) {
            (true, false) => Date::from_ymd(year, b, a)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date")),
            (false, true) => Date::from_ymd(year, a, b)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date")),
            (false, false) => Ok(Some(DateRead::Ambiguous(a, b, year))),
            (true, true) => Err(format!("{s:?} is not a date")),
        };
    }
    Err(format!(
        "{s:?} is not a date, expected YYYY-MM-DD or a local form like 25/11/2026"
    ))
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
        assert_eq!(default_place("Mystery"), None);
    }
}
