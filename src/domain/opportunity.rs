//! The rules an opportunity keeps (spec section 1): its status, the
//! probability used and weighted value, and the histories kept by the
//! operations that change stage and close date.

use super::values::{Date, Money, Percent};
use super::words::{OutcomeResult, Stage};
use super::workspace::{CloseMove, Opportunity, Outcome, Settings, StageEntry};

/// Where an opportunity stands: open, or how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Open,
    Won,
    Lost,
    Abandoned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Won => "won",
            Status::Lost => "lost",
            Status::Abandoned => "abandoned",
        }
    }
}

impl Opportunity {
    pub fn status(&self) -> Status {
        match &self.outcome {
            None => Status::Open,
            Some(o) => match o.result {
                OutcomeResult::Won => Status::Won,
                OutcomeResult::Lost => Status::Lost,
                OutcomeResult::Abandoned => Status::Abandoned,
            },
        }
    }

    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    /// The opportunity's own probability if set, else its stage's. A won deal
    /// counts 100 and a lost or abandoned one 0, whatever was typed.
    pub fn probability_used(&self, settings: &Settings) -> Percent {
        match self.status() {
            Status::Open => self
                .probability
                .unwrap_or_else(|| settings.stage_probability.get(self.stage)),
            Status::Won => Percent(100),
            Status::Lost | Status::Abandoned => Percent(0),
        }
    }

    /// value × probability used / 100, to the cent.
    pub fn weighted(&self, settings: &Settings) -> Money {
        self.value.percent(self.probability_used(settings).0)
    }

    /// When the current stage was entered: its last history entry, else the
    /// creation date.
    pub fn stage_entered(&self) -> Option<Date> {
        match self.stage_history.last() {
            Some(entry) => Some(entry.entered),
            None => self.created,
        }
    }

    /// Whole days in the current stage, if we know when it was entered.
    pub fn days_in_stage(&self, today: Date) -> Option<i64> {
        self.stage_entered().map(|d| d.days_until(today))
    }

    /// Moves to `stage`, recording the move. Returns false (and changes
    /// nothing) when the deal is already there.
    pub fn set_stage(&mut self, stage: Stage, today: Date) -> bool {
        if self.stage == stage {
            return false;
        }
        self.stage = stage;
        self.stage_history.push(StageEntry {
            stage,
            entered: today,
            ..StageEntry::default()
        });
        true
    }

    /// Changes the expected close date, recording the move. Returns false
    /// when the date is unchanged.
    pub fn set_expected_close(&mut self, to: Option<Date>, today: Date) -> bool {
        if self.expected_close == to {
            return false;
        }
        self.close_history.push(CloseMove {
            on: today,
            from: self.expected_close,
            to,
            ..CloseMove::default()
        });
        self.expected_close = to;
        true
    }

    /// Closes the deal as won, lost or abandoned.
    pub fn close(&mut self, result: OutcomeResult, today: Date, reason: &str) {
        self.outcome = Some(Outcome {
            result,
            on: today,
            reason: reason.to_owned(),
            ..Outcome::default()
        });
    }

    /// Reopens a closed deal in the stage it was in: the outcome moves to
    /// `reopened` and the stage history gains an entry (the deal's time in
    /// the stage starts again). Returns false for an open deal.
    pub fn reopen(&mut self, today: Date) -> bool {
        let Some(outcome) = self.outcome.take() else {
            return false;
        };
        self.reopened.push(crate::domain::Reopening {
            on: today,
            result: outcome.result,
            reason: outcome.reason,
            reason_code: outcome.reason_code,
            closed: Some(outcome.on),
            ..Default::default()
        });
        self.stage_history.push(StageEntry {
            stage: self.stage,
            entered: today,
            ..StageEntry::default()
        });
        true
    }

    /// How many times the close date moved later (`to` after `from`).
    pub fn slips(&self) -> usize {
        self.close_history
            .iter()
            .filter(|m| matches!((m.from, m.to), (Some(f), Some(t)) if t > f))
            .count()
    }
}

/// Open actions by due date (undated last), then done ones, newest first:
/// the order of the actions pane.
pub fn actions_in_order(o: &Opportunity) -> Vec<&crate::domain::Action> {
    let mut list: Vec<_> = o.actions.iter().collect();
    list.sort_by_key(|a| match a.done {
        None => (0, a.due.is_none(), a.due, std::cmp::Reverse(None)),
        Some(d) => (1, false, None, std::cmp::Reverse(Some(d))),
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn deal() -> Opportunity {
        Opportunity {
            id: "o1".into(),
            title: "ERP".into(),
            account: "a1".into(),
            value: Money::from_units(1_200_000),
            stage: Stage::Drive,
            created: Some(day("2026-09-01")),
            ..Opportunity::default()
        }
    }

    #[test]
    fn probability_used_is_the_override_else_the_stage_default() {
        let settings = Settings::default();
        let mut o = deal();
        assert_eq!(o.probability_used(&settings), Percent(25));
        o.probability = Some(Percent(40));
        assert_eq!(o.probability_used(&settings), Percent(40));
    }

    #[test]
    fn weighted_value_is_value_times_probability() {
        let settings = Settings::default();
        let o = deal();
        assert_eq!(o.weighted(&settings), Money::from_units(300_000));
    }

    #[test]
    fn closed_deals_weigh_all_or_nothing() {
        let settings = Settings::default();
        let mut o = deal();
        o.close(OutcomeResult::Won, day("2026-11-01"), "");
        assert_eq!(o.status(), Status::Won);
        assert_eq!(o.weighted(&settings), o.value);
        o.close(
            OutcomeResult::Abandoned,
            day("2026-11-01"),
            "project cancelled",
        );
        assert_eq!(o.status(), Status::Abandoned);
        assert_eq!(o.weighted(&settings), Money::ZERO);
        assert!(o.reopen(day("2026-11-20")));
        assert!(o.is_open());
        let back = &o.reopened[0];
        assert_eq!(
            (back.result, back.closed, back.reason.as_str(), back.on),
            (
                OutcomeResult::Abandoned,
                Some(day("2026-11-01")),
                "project cancelled",
                day("2026-11-20")
            )
        );
        let last = o.stage_history.last().unwrap();
        assert_eq!((last.stage, last.entered), (o.stage, day("2026-11-20")));
        assert!(
            !o.reopen(day("2026-11-21")),
            "an open deal has nothing to reopen"
        );
    }

    #[test]
    fn stage_changes_are_recorded_in_stage_history() {
        let mut o = deal();
        assert!(o.set_stage(Stage::Propose, day("2026-11-20")));
        assert!(!o.set_stage(Stage::Propose, day("2026-11-21")));
        assert_eq!(o.stage_history.len(), 1);
        assert_eq!(o.stage_history[0].stage, Stage::Propose);
        assert_eq!(o.stage_entered(), Some(day("2026-11-20")));
        assert_eq!(o.days_in_stage(day("2026-11-25")), Some(5));
    }

    #[test]
    fn days_in_stage_falls_back_to_created() {
        let o = deal();
        assert_eq!(o.days_in_stage(day("2026-09-11")), Some(10));
    }

    #[test]
    fn close_date_changes_are_recorded_in_close_history() {
        let mut o = deal();
        assert!(o.set_expected_close(Some(day("2026-11-30")), day("2026-10-01")));
        assert!(o.set_expected_close(Some(day("2026-12-15")), day("2026-10-20")));
        assert!(!o.set_expected_close(Some(day("2026-12-15")), day("2026-10-21")));
        assert!(o.set_expected_close(Some(day("2026-12-01")), day("2026-10-22")));
        assert_eq!(o.close_history.len(), 3);
        assert_eq!(o.close_history[0].from, None);
        assert_eq!(o.close_history[1].from, Some(day("2026-11-30")));
        // the first date is not a slip, the second move is, the pull-in is not
        assert_eq!(o.slips(), 1);
    }
}
