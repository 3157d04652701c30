//! Closed status columns: a status text (Dynamics' `Status Reason`), and
//! yes/no `closed` and `won` columns (Salesforce `IsClosed`/`IsWon`,
//! Bitrix24 `CLOSED`), which say how a deal ended when the stage does not;
//! an `active` column saying no (Odoo archives the deals it loses) closes
//! an open stage as lost.

use super::values::Place;
use crate::domain::OutcomeResult;

/// A yes/no cell: `None` when empty or unreadable, so an empty cell never
/// closes or reopens a deal.
fn yes(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "t" | "是" => Some(true),
        "0" | "false" | "no" | "n" | "f" | "否" => Some(false),
        _ => None,
    }
}

/// Status texts beyond funnel's own won/lost/abandoned.
fn status_result(status: &str) -> Option<OutcomeResult> {
    let s: String = status.chars().filter(|c| c.is_alphanumeric()).collect();
    Some(match s.to_lowercase().as_str() {
        "won" | "closedwon" | "赢单" => OutcomeResult::Won,
        "lost" | "closedlost" | "outsold" | "输单" => OutcomeResult::Lost,
        "abandoned" | "canceled" | "cancelled" => OutcomeResult::Abandoned,
        _ => return None,
    })
}

/// Where a row ends up once its status columns are read. `closed` and `won`
/// are the cells of those columns when the file has them. A closed deal
/// whose stage is open and with no won column cannot be placed: an error
/// rather than a guess at won or lost.
pub(super) fn closed_place(
    place: Place,
    status: &str,
    closed: Option<&str>,
    won: Option<&str>,
    active: Option<&str>,
) -> Result<Place, String> {
    let place = closed_place_of(place, status, closed, won)?;
    Ok(match (place, active.and_then(yes)) {
        (Place::Stage(_), Some(false)) => Place::Closed(OutcomeResult::Lost),
        _ => place,
    })
}

fn closed_place_of(
    place: Place,
    status: &str,
    closed: Option<&str>,
    won: Option<&str>,
) -> Result<Place, String> {
    if let (Place::Stage(_), Some(r)) = (place, status_result(status)) {
        return Ok(Place::Closed(r));
    }
    let won_cell = won.and_then(yes);
    match (closed.and_then(yes), place) {
        (Some(true), _) if won.is_some() => Ok(Place::Closed(if won_cell == Some(true) {
            OutcomeResult::Won
        } else {
            match place {
                // a stage that says abandoned is more precise than "not won"
                Place::Closed(OutcomeResult::Abandoned) => OutcomeResult::Abandoned,
                _ => OutcomeResult::Lost,
            }
        })),
        (Some(true), Place::Stage(s)) => Err(crate::tf!(
            "closed, but the stage {stage} and the columns say neither won nor lost; add a won column with --map COLUMN=won or --stage-map",
            stage = format!("{:?}", s.as_str())
        )),
        (None, Place::Stage(_)) if won_cell == Some(true) => Ok(Place::Closed(OutcomeResult::Won)),
        _ => Ok(place),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;

    #[test]
    fn salesforce_flags_and_dynamics_status() {
        let open = Place::Stage(Stage::Drive);
        let won = Place::Closed(OutcomeResult::Won);
        let lost = Place::Closed(OutcomeResult::Lost);
        assert_eq!(closed_place(open, "", Some("1"), Some("1"), None), Ok(won));
        assert_eq!(closed_place(open, "", Some("1"), Some(""), None), Ok(lost));
        assert_eq!(closed_place(open, "", Some(""), Some(""), None), Ok(open));
        assert_eq!(closed_place(open, "Out-Sold", None, None, None), Ok(lost));
        assert_eq!(
            closed_place(open, "In Progress", None, None, None),
            Ok(open)
        );
        assert!(closed_place(open, "", Some("Y"), None, None).is_err());
        assert_eq!(closed_place(won, "", Some("Y"), None, None), Ok(won));
        // Odoo: lost deals are archived where they were
        assert_eq!(closed_place(open, "", None, None, Some("False")), Ok(lost));
        assert_eq!(closed_place(won, "", None, None, Some("False")), Ok(won));
        assert_eq!(closed_place(open, "", None, None, Some("True")), Ok(open));
    }
}
