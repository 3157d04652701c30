//! The sales result analysis (spec section 7, seed 000's 销售结果分析): over
//! the deals closed in a date range, what was won and lost, where in the
//! process, against whom, why, and whether the right people were met.
//!
//! Abandoned deals are kept apart: they are neither won nor lost, so they
//! stay out of the win rate, the cycle days and the influence shares (as in
//! the funnel's own win rate, `metrics::compute`), and are reported in
//! their own `abandoned` figures and columns. Their reason codes come from
//! the same list as a loss's, so they do count in the loss reasons: "why
//! do we lose?" includes the deals we gave up on.

use super::words::{OutcomeResult, Role, Stage, Tier};
use super::{Date, Money, Opportunity, Workspace};

/// The days a default range covers, today included.
pub const DEFAULT_DAYS: i64 = 365;

/// The row of deals that name no competitor.
pub const NO_COMPETITOR: &str = "(none named)";
/// The row of deals with no product.
pub const NO_PRODUCT: &str = "(no product)";
/// The row of deals whose account has no tier (or is missing).
pub const NO_TIER: &str = "(no tier)";
/// The reason of an outcome without a reason code.
pub const UNSPECIFIED: &str = "unspecified";

/// How many deals and how much value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub count: usize,
    pub value: Money,
}

impl Sum {
    fn add(&mut self, value: Money) {
        self.count += 1;
        self.value += value;
    }
}

/// Won, lost and abandoned deals of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub won: Sum,
    pub lost: Sum,
    pub abandoned: Sum,
}

impl Tally {
    fn add(&mut self, result: OutcomeResult, value: Money) {
        match result {
            OutcomeResult::Won => self.won.add(value),
            OutcomeResult::Lost => self.lost.add(value),
            OutcomeResult::Abandoned => self.abandoned.add(value),
        }
    }

    /// Won ÷ (won + lost) by count; `None` with neither.
    pub fn win_rate(&self) -> Option<f64> {
        let decided = self.won.count + self.lost.count;
        (decided > 0).then(|| self.won.count as f64 / decided as f64)
    }

    pub fn count(&self) -> usize {
        self.won.count + self.lost.count + self.abandoned.count
    }
}

/// One group of a breakdown: its name and its deals.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub tally: Tally,
}

/// One reason code: how many deals ended for it and their value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub reason: String,
    pub count: usize,
    pub value: Money,
    /// Of `count`, the abandoned deals (the rest are lost, or won for win
    /// reasons).
    pub abandoned: usize,
}

/// A figure for the won deals and one for the lost deals; `None` when
/// there are none of that kind to measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split {
    pub won: Option<f64>,
    pub lost: Option<f64>,
}

/// The whole analysis of one date range.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub from: Date,
    pub to: Date,
    pub total: Tally,
    /// Every stage, in order: the furthest stage each deal reached.
    pub by_stage_reached: Vec<(Stage, Tally)>,
    /// key, regular, small, then accounts without a tier (when any).
    pub by_tier: Vec<Row>,
    /// Most deals first, then by name.
    pub by_product: Vec<Row>,
    /// Most deals first, then by name; a deal counts once under each
    /// competitor it names.
    pub by_competitor: Vec<Row>,
    /// The reasons of lost and abandoned deals, highest value first.
    pub by_reason: Vec<Reason>,
    /// The reasons of won deals, highest value first.
    pub by_win_reason: Vec<Reason>,
    /// Average days from `created` to the outcome.
    pub cycle_days: Split,
    /// Share of deals where someone in the economic role had coverage ≥ 1.
    pub economic_buyer_met: Split,
    /// Share of deals with someone in the coach role.
    pub coach: Split,
    /// The deals closed outside the range: how many, and the first and
    /// last close date among them (an imported history may lie years back,
    /// where the default range finds nothing).
    pub outside: Option<(usize, Date, Date)>,
}

impl Analysis {
    /// No deal closed in the range.
    pub fn is_empty(&self) -> bool {
        self.total.count() == 0
    }
}

/// The default range: the 365 days up to `today`, both ends included.
pub fn default_range(today: Date) -> (Date, Date) {
    (today.plus_days(1 - DEFAULT_DAYS), today)
}

/// The furthest stage a deal reached: the highest of its stage history and
/// its current stage (a deal moved back still reached the later stage).
pub fn stage_reached(o: &Opportunity) -> Stage {
    o.stage_history
        .iter()
        .map(|e| e.stage)
        .chain([o.stage])
        .max()
        .unwrap_or(o.stage)
}

/// Days from creation to the outcome; `None` without a creation date, or
/// when the dates contradict each other (created after it closed).
fn cycle_days(o: &Opportunity, closed: Date) -> Option<i64> {
    let days = o.created?.days_until(closed);
    (days >= 0).then_some(days)
}

fn economic_buyer_met(o: &Opportunity) -> bool {
    o.influences
        .iter()
        .any(|i| i.has_role(Role::Economic) && i.coverage.0 >= 1)
}

fn has_coach(o: &Opportunity) -> bool {
    o.influences.iter().any(|i| i.has_role(Role::Coach))
}

/// Counts of deals meeting a condition among the won and the lost.
#[derive(Default)]
struct Share {
    won: (usize, usize),
    lost: (usize, usize),
}

impl Share {
    fn add(&mut self, result: OutcomeResult, yes: bool) {
        let slot = match result {
            OutcomeResult::Won => &mut self.won,
            OutcomeResult::Lost => &mut self.lost,
            OutcomeResult::Abandoned => return,
        };
        slot.0 += usize::from(yes);
        slot.1 += 1;
    }

    fn split(&self) -> Split {
        let f = |(yes, all): (usize, usize)| (all > 0).then(|| yes as f64 / all as f64);
        Split {
            won: f(self.won),
            lost: f(self.lost),
        }
    }
}

/// Sums of day counts among the won and the lost.
#[derive(Default)]
struct Average {
    won: (i64, usize),
    lost: (i64, usize),
}

impl Average {
    fn add(&mut self, result: OutcomeResult, days: Option<i64>) {
        let (Some(days), slot) = (
            days,
            match result {
                OutcomeResult::Won => &mut self.won,
                OutcomeResult::Lost => &mut self.lost,
                OutcomeResult::Abandoned => return,
            },
        ) else {
            return;
        };
        slot.0 += days;
        slot.1 += 1;
    }

    fn split(&self) -> Split {
        let f = |(sum, n): (i64, usize)| (n > 0).then(|| sum as f64 / n as f64);
        Split {
            won: f(self.won),
            lost: f(self.lost),
        }
    }
}

/// Groups by name, keeping first-seen order until sorted.
#[derive(Default)]
struct Groups(Vec<Row>);

impl Groups {
    fn add(&mut self, name: &str, result: OutcomeResult, value: Money) {
        let at = match self.0.iter().position(|r| r.name == name) {
            Some(at) => at,
            None => {
                self.0.push(Row {
                    name: name.to_owned(),
                    tally: Tally::default(),
                });
                self.0.len() - 1
            }
        };
        self.0[at].tally.add(result, value);
    }

    /// Most deals first, then by name, so equal groups keep a fixed order.
    fn ranked(mut self) -> Vec<Row> {
        self.0.sort_by(|a, b| {
            b.tally
                .count()
                .cmp(&a.tally.count())
                .then_with(|| a.name.cmp(&b.name))
        });
        self.0
    }
}

#[derive(Default)]
struct Reasons(Vec<Reason>);

impl Reasons {
    fn add(&mut self, code: Option<&str>, result: OutcomeResult, value: Money) {
        let name = match code.map(str::trim) {
            Some(c) if !c.is_empty() => c,
            _ => UNSPECIFIED,
        };
        let at = match self.0.iter().position(|r| r.reason == name) {
            Some(at) => at,
            None => {
                self.0.push(Reason {
                    reason: name.to_owned(),
                    count: 0,
                    value: Money::ZERO,
                    abandoned: 0,
                });
                self.0.len() - 1
            }
        };
        let r = &mut self.0[at];
        r.count += 1;
        r.value += value;
        r.abandoned += usize::from(result == OutcomeResult::Abandoned);
    }

    /// Highest value first, then most deals, then by name.
    fn ranked(mut self) -> Vec<Reason> {
        self.0.sort_by(|a, b| {
            b.value
                .cmp(&a.value)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.reason.cmp(&b.reason))
        });
        self.0
    }
}

/// The analysis of the deals whose outcome is dated from `from` to `to`,
/// both included.
pub fn analyse(ws: &Workspace, from: Date, to: Date) -> Analysis {
    let mut total = Tally::default();
    let mut stages = [Tally::default(); 5];
    let mut tiers = [Tally::default(); 4];
    let mut products = Groups::default();
    let mut competitors = Groups::default();
    // each competitor's name key → the spelling shown, the first seen
    let mut spelling: std::collections::HashMap<String, String> = Default::default();
    let mut reasons = Reasons::default();
    let mut win_reasons = Reasons::default();
    let mut cycle = Average::default();
    let mut economic = Share::default();
    let mut coach = Share::default();
    // accounts by id, looked up once per deal: 8,800 deals × a linear scan
    // of the accounts would be the slowest part of the whole analysis
    let accounts: std::collections::HashMap<&str, Option<Tier>> = ws
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.tier))
        .collect();

    let mut outside: Option<(usize, Date, Date)> = None;
    for o in &ws.opportunities {
        let Some(outcome) = &o.outcome else { continue };
        if outcome.on < from || outcome.on > to {
            let on = outcome.on;
            outside = Some(outside.map_or((1, on, on), |(n, a, b)| (n + 1, a.min(on), b.max(on))));
            continue;
        }
        let (result, value) = (outcome.result, o.value);
        total.add(result, value);
        stages[stage_reached(o).index()].add(result, value);
        let tier = accounts.get(o.account.as_str()).copied().flatten();
        tiers[tier.map_or(3, |t| t as usize)].add(result, value);
        let product = o.product.trim();
        products.add(
            if product.is_empty() {
                NO_PRODUCT
            } else {
                product
            },
            result,
            value,
        );
        // a name written twice on one deal (or in another case, or with
        // more spaces) is still one competitor, shown as first spelt
        let mut named: Vec<String> = Vec::new();
        for c in &o.competition {
            let key = crate::domain::strategy::name_key(&c.name);
            if key.is_empty() {
                continue;
            }
            let shown = spelling
                .entry(key)
                .or_insert_with(|| c.name.trim().to_owned());
            if !named.contains(shown) {
                named.push(shown.clone());
            }
        }
        if named.is_empty() {
            competitors.add(NO_COMPETITOR, result, value);
        }
        for name in &named {
            competitors.add(name, result, value);
        }
        let code = outcome.reason_code.as_deref();
        match result {
            OutcomeResult::Won => win_reasons.add(code, result, value),
            OutcomeResult::Lost | OutcomeResult::Abandoned => reasons.add(code, result, value),
        }
        cycle.add(result, cycle_days(o, outcome.on));
        economic.add(result, economic_buyer_met(o));
        coach.add(result, has_coach(o));
    }

    let mut by_tier: Vec<Row> = Tier::ALL
        .iter()
        .map(|t| Row {
            name: t.as_str().to_owned(),
            tally: tiers[*t as usize],
        })
        .collect();
    if tiers[3].count() > 0 {
        by_tier.push(Row {
            name: NO_TIER.to_owned(),
            tally: tiers[3],
        });
    }
    Analysis {
        from,
        to,
        total,
        by_stage_reached: Stage::ALL.iter().map(|s| (*s, stages[s.index()])).collect(),
        by_tier,
        by_product: products.ranked(),
        by_competitor: competitors.ranked(),
        by_reason: reasons.ranked(),
        by_win_reason: win_reasons.ranked(),
        cycle_days: cycle.split(),
        economic_buyer_met: economic.split(),
        coach: coach.split(),
        outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Outcome, StageEntry};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn closed(result: OutcomeResult, on: &str, value: i64) -> Opportunity {
        Opportunity {
            id: on.into(),
            stage: Stage::Drive,
            value: Money::from_units(value),
            outcome: Some(Outcome {
                result,
                on: d(on),
                ..Outcome::default()
            }),
            ..Opportunity::default()
        }
    }

    #[test]
    fn the_default_range_is_the_365_days_up_to_today() {
        let (from, to) = default_range(d("2026-11-30"));
        assert_eq!((from, to), (d("2025-12-01"), d("2026-11-30")));
        assert_eq!(from.days_until(to) + 1, DEFAULT_DAYS);
    }

    #[test]
    fn the_stage_reached_is_the_furthest_even_after_moving_back() {
        let mut o = closed(OutcomeResult::Lost, "2026-11-01", 1);
        o.stage_history = vec![
            StageEntry {
                stage: Stage::Negotiate,
                entered: d("2026-10-01"),
                ..StageEntry::default()
            },
            StageEntry {
                stage: Stage::Drive,
                entered: d("2026-10-10"),
                ..StageEntry::default()
            },
        ];
        assert_eq!(stage_reached(&o), Stage::Negotiate);
    }

    #[test]
    fn abandoned_deals_stay_out_of_the_win_rate_but_count_among_loss_reasons() {
        let ws = Workspace {
            opportunities: vec![
                closed(OutcomeResult::Won, "2026-11-01", 10),
                closed(OutcomeResult::Lost, "2026-11-02", 20),
                closed(OutcomeResult::Abandoned, "2026-11-03", 30),
            ],
            ..Workspace::default()
        };
        let a = analyse(&ws, d("2026-01-01"), d("2026-12-31"));
        assert_eq!(a.total.win_rate(), Some(0.5));
        assert_eq!(a.total.abandoned.count, 1);
        assert_eq!(a.by_reason.len(), 1);
        assert_eq!(
            (a.by_reason[0].reason.as_str(), a.by_reason[0].count),
            (UNSPECIFIED, 2)
        );
        assert_eq!(a.by_reason[0].abandoned, 1);
    }

    #[test]
    fn shares_are_none_when_there_is_nothing_to_measure() {
        let a = analyse(&Workspace::default(), d("2026-01-01"), d("2026-12-31"));
        assert_eq!(a.economic_buyer_met, Split::default());
        assert_eq!(a.coach, Split::default());
        assert_eq!(a.cycle_days, Split::default());
        assert_eq!(a.total.win_rate(), None);
    }
}
