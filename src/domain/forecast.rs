//! The forecast against a target (spec section 8): for a quarter or a
//! month, what is won, what the seller commits to, what could come in
//! (best case), what else is in the pipeline, the gap to the target and how
//! well the open deals cover it; and what moved since the last review.
//!
//! Where the spec is silent:
//! - A deal's owner is its `owner`, else the workspace's `settings.owner`.
//! - The target of a period for one owner is the target entry of that
//!   period and owner. For the whole workspace (no owner asked) it is the
//!   entry without an owner, else the sum of what each owner's targets
//!   give for it (a seller's own month, or a third of their quarter), so a
//!   manager who only set each seller's number still gets the team's.
//! - A month without its own target gets a third of its quarter's (the
//!   spec, whatever the other months have), split to the cent so three
//!   such months add up to the quarter; a
//!   quarter without its own target is the sum of its months' own targets.
//! - `weighted` is the weighted value (value × probability used) of the
//!   period's open deals that the forecast counts: omitted ones are out.
//! - Moves compare with the latest review before today, else the latest:
//!   as the weekly report does (spec 7), finishing today's review does not
//!   empty them.

use super::metrics;
use super::period::Period;
use super::values::{Date, Money};
use super::words::{ForecastCategory, OutcomeResult};
use super::workspace::{Opportunity, Review, Settings, Target, Workspace};
use std::collections::HashMap;

/// The category the forecast uses for `o`: its own if set, else derived
/// from the probability used.
pub fn category(o: &Opportunity, settings: &Settings) -> ForecastCategory {
    o.forecast_category.unwrap_or_else(|| derived(o, settings))
}

/// The category `o`'s probability used gives it, whatever is set: what
/// "from its probability" means in the form, the status line and the list.
pub fn derived(o: &Opportunity, settings: &Settings) -> ForecastCategory {
    ForecastCategory::from_probability(o.probability_used(settings).0)
}

/// Whose deal it is: its owner, else the workspace's.
pub fn owner_of<'a>(o: &'a Opportunity, settings: &'a Settings) -> &'a str {
    if o.owner.trim().is_empty() {
        settings.owner.trim()
    } else {
        o.owner.trim()
    }
}

/// Every owner of a deal or of a target, sorted, without repeats: the
/// choices of the owner filter and of the targets form.
pub fn owners(ws: &Workspace) -> Vec<String> {
    let mut all: Vec<String> = ws
        .opportunities
        .iter()
        .map(|o| owner_of(o, &ws.settings))
        .chain(ws.settings.targets.iter().filter_map(Target::owner_name))
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Where a deal's value lands in a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    Won,
    Commit,
    BestCase,
    Pipeline,
    Omitted,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [
        Bucket::Won,
        Bucket::Commit,
        Bucket::BestCase,
        Bucket::Pipeline,
        Bucket::Omitted,
    ];

    /// The JSON key (`best_case`).
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Won => "won",
            Bucket::Commit => "commit",
            Bucket::BestCase => "best_case",
            Bucket::Pipeline => "pipeline",
            Bucket::Omitted => "omitted",
        }
    }

    /// How people read it (`best case`, 最佳情况).
    pub fn label(self) -> String {
        match self {
            Bucket::Won => super::words::OutcomeResult::Won.label(),
            Bucket::Commit => ForecastCategory::Commit.label(),
            Bucket::BestCase => ForecastCategory::BestCase.label(),
            Bucket::Pipeline => ForecastCategory::Pipeline.label(),
            Bucket::Omitted => ForecastCategory::Omitted.label(),
        }
    }

    fn of(category: ForecastCategory) -> Bucket {
        match category {
            ForecastCategory::Commit => Bucket::Commit,
            ForecastCategory::BestCase => Bucket::BestCase,
            ForecastCategory::Pipeline => Bucket::Pipeline,
            ForecastCategory::Omitted => Bucket::Omitted,
        }
    }
}

/// The sums of value of one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    pub won: Money,
    pub commit: Money,
    pub best_case: Money,
    pub pipeline: Money,
    pub omitted: Money,
}

impl Figures {
    pub fn get(&self, bucket: Bucket) -> Money {
        match bucket {
            Bucket::Won => self.won,
            Bucket::Commit => self.commit,
            Bucket::BestCase => self.best_case,
            Bucket::Pipeline => self.pipeline,
            Bucket::Omitted => self.omitted,
        }
    }

    fn add(&mut self, bucket: Bucket, value: Money) {
        let slot = match bucket {
            Bucket::Won => &mut self.won,
            Bucket::Commit => &mut self.commit,
            Bucket::BestCase => &mut self.best_case,
            Bucket::Pipeline => &mut self.pipeline,
            Bucket::Omitted => &mut self.omitted,
        };
        *slot += value;
    }

    /// Commit, best case and pipeline: the open deals the forecast counts.
    pub fn open(&self) -> Money {
        self.commit + self.best_case + self.pipeline
    }
}

/// One month of a forecast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    pub month: Period,
    pub target: Option<Money>,
    pub figures: Figures,
    /// The weighted value of its open deals the forecast counts.
    pub weighted: Money,
}

impl Month {
    pub fn gap(&self) -> Option<Money> {
        gap(self.target, &self.figures)
    }

    pub fn coverage(&self) -> Option<f64> {
        coverage(self.target, &self.figures)
    }
}

/// Target − won; `None` without a target.
pub fn gap(target: Option<Money>, figures: &Figures) -> Option<Money> {
    target.map(|t| Money(t.0.saturating_sub(figures.won.0)))
}

/// (commit + best case + pipeline) ÷ gap; `None` without a target or when
/// the gap is closed (nothing left to cover).
pub fn coverage(target: Option<Money>, figures: &Figures) -> Option<f64> {
    let gap = gap(target, figures)?;
    (gap.0 > 0).then(|| figures.open().0 as f64 / gap.0 as f64)
}

/// Whether a coverage is healthy, judged on the one decimal every screen
/// and report shows it with (3.0× reads healthy, never "3.0×: thin").
pub fn healthy(coverage: f64) -> bool {
    (coverage * 10.0).round() / 10.0 >= HEALTHY_COVERAGE
}

/// A deal behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deal {
    /// Its index in `ws.opportunities`.
    pub index: usize,
    pub bucket: Bucket,
    /// The index of its month in [`Forecast::months`].
    pub month: usize,
    /// The category was set by the seller (not derived).
    pub set: bool,
}

/// What moved since a review.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Moves {
    /// The review compared with; `None`: there is none.
    pub since: Option<Date>,
    /// Open deals whose close date entered the period.
    pub pulled_in: Vec<String>,
    /// Open deals whose close date left the period.
    pub pushed_out: Vec<String>,
    /// Deals of the period (then or now) whose category changed.
    pub category_changed: Vec<(String, ForecastCategory, ForecastCategory)>,
    /// The close dates of the deals that came in or left, then and now,
    /// so that a reader sees which way each moved.
    pub moved: Vec<Moved>,
}

/// A deal's close date at the review and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub id: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Moves {
    /// The close dates of deal `id`, then and now, if it came in or left.
    pub fn dates(&self, id: &str) -> Option<&Moved> {
        self.moved.iter().find(|m| m.id == id)
    }
}

impl Moves {
    pub fn is_empty(&self) -> bool {
        self.pulled_in.is_empty() && self.pushed_out.is_empty() && self.category_changed.is_empty()
    }
}

/// The forecast of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub period: Period,
    /// The one owner it is about; `None`: the whole workspace.
    pub owner: Option<String>,
    pub target: Option<Money>,
    pub figures: Figures,
    pub weighted: Money,
    pub months: Vec<Month>,
    pub moves: Moves,
    /// The deals behind the figures, in workspace order.
    pub deals: Vec<Deal>,
}

impl Forecast {
    /// Target − won; `None` without a target.
    pub fn gap(&self) -> Option<Money> {
        gap(self.target, &self.figures)
    }

    /// (commit + best case + pipeline) ÷ gap; `None` without a target or
    /// when the gap is closed (nothing left to cover).
    pub fn coverage(&self) -> Option<f64> {
        coverage(self.target, &self.figures)
    }

    /// The deals behind one bucket, of one month or (`None`) of the period.
    pub fn deals_in(&self, bucket: Bucket, month: Option<usize>) -> impl Iterator<Item = &Deal> {
        self.deals
            .iter()
            .filter(move |d| d.bucket == bucket && month.is_none_or(|m| d.month == m))
    }
}

/// The figures of one column of a forecast's table: the period itself, or
/// one of its months.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub period: Period,
    /// Its index in [`Forecast::months`]; `None`: the whole period.
    pub month: Option<usize>,
    pub target: Option<Money>,
    pub figures: Figures,
    pub weighted: Money,
}

impl Column {
    pub fn gap(&self) -> Option<Money> {
        gap(self.target, &self.figures)
    }

    pub fn coverage(&self) -> Option<f64> {
        coverage(self.target, &self.figures)
    }
}

impl Forecast {
    /// The period, then (for a quarter) each of its months: the columns
    /// the workbench and `funnel forecast` show.
    pub fn columns(&self) -> Vec<Column> {
        let mut out = vec![Column {
            period: self.period,
            month: None,
            target: self.target,
            figures: self.figures,
            weighted: self.weighted,
        }];
        if self.period.is_quarter() {
            out.extend(self.months.iter().enumerate().map(|(i, m)| Column {
                period: m.month,
                month: Some(i),
                target: m.target,
                figures: m.figures,
                weighted: m.weighted,
            }));
        }
        out
    }
}

/// The rule of thumb the forecast screen reads coverage against: sales
/// managers ask for pipeline of about three times what is still to win
/// (the "3× pipeline coverage" of the forecasting literature, because about
/// one open deal in three is won).
pub const HEALTHY_COVERAGE: f64 = 3.0;

/// The target of `period` for `owner` (`None`: the whole workspace).
pub fn target(targets: &[Target], period: Period, owner: Option<&str>) -> Option<Money> {
    if owner.is_some() {
        return resolved(targets, period, owner);
    }
    // the workspace's own targets first; without any for this period, the
    // sum of what each owner's resolve to (an owner with only a quarter
    // target still counts in each of its months)
    resolved(targets, period, None).or_else(|| {
        let mut owners: Vec<&str> = targets.iter().filter_map(Target::owner_name).collect();
        owners.sort_unstable();
        owners.dedup();
        owners
            .into_iter()
            .filter_map(|o| resolved(targets, period, Some(o)))
            .reduce(|a, b| a + b)
    })
}

/// The target of `period` for exactly `owner` (`None`: the entries
/// without an owner): its own entry; a month without one, a third of its
/// quarter's; a quarter without one, the sum of its months' own.
fn resolved(targets: &[Target], period: Period, owner: Option<&str>) -> Option<Money> {
    if let Some(own) = own_target(targets, period, owner) {
        return Some(own);
    }
    match period {
        Period::Month(..) => {
            let quarter = period.quarter();
            let whole = own_target(targets, quarter, owner)?;
            // a third to the cent, the first months taking the odd cents,
            // so that three months without their own add up to the quarter
            let share = whole.0 / 3;
            let odd = whole.0 - share * 3;
            let rank = quarter.months().iter().position(|m| *m == period)? as i64;
            Some(Money(share + i64::from(rank < odd)))
        }
        Period::Quarter(..) => period
            .months()
            .into_iter()
            .filter_map(|m| own_target(targets, m, owner))
            .reduce(|a, b| a + b),
    }
}

/// The entry of exactly this period and owner (`None`: without an owner).
fn own_target(targets: &[Target], period: Period, owner: Option<&str>) -> Option<Money> {
    targets
        .iter()
        .filter(|t| t.period == period && t.owner_name() == owner)
        .map(|t| t.amount)
        .reduce(|a, b| a + b)
}

/// The review moves are measured from: the latest before `today`, else the
/// latest.
pub fn base_review(ws: &Workspace, today: Date) -> Option<&Review> {
    ws.reviews
        .iter()
        .filter(|r| r.on < today)
        .max_by_key(|r| r.on)
        .or_else(|| metrics::latest_review(ws))
}

/// The forecast of `period` for `owner` (`None`: every deal), its moves
/// measured from [`base_review`].
pub fn compute(ws: &Workspace, period: Period, owner: Option<&str>, today: Date) -> Forecast {
    compute_since(ws, period, owner, base_review(ws, today))
}

/// [`compute`], its moves measured from `review` (`None`: no moves), as
/// the weekly report does with the review its week starts from.
pub fn compute_since(
    ws: &Workspace,
    period: Period,
    owner: Option<&str>,
    review: Option<&Review>,
) -> Forecast {
    let settings = &ws.settings;
    let months = period.months();
    let mut figures = Figures::default();
    let mut by_month: Vec<Figures> = vec![Figures::default(); months.len()];
    let mut weighted_by_month: Vec<Money> = vec![Money::ZERO; months.len()];
    let mut weighted = Money::ZERO;
    let mut deals = Vec::new();
    let (from, to) = (period.from(), period.to());
    let month_of = |day: Date| months.iter().position(|m| m.contains(day));
    for (index, o) in ws.opportunities.iter().enumerate() {
        if owner.is_some_and(|name| owner_of(o, settings) != name) {
            continue;
        }
        let (day, bucket, set) = match &o.outcome {
            None => {
                let Some(day) = o.expected_close else {
                    continue;
                };
                (
                    day,
                    Bucket::of(category(o, settings)),
                    o.forecast_category.is_some(),
                )
            }
            Some(out) if out.result == OutcomeResult::Won => (out.on, Bucket::Won, false),
            Some(_) => continue,
        };
        if day < from || day > to {
            continue;
        }
        let Some(month) = month_of(day) else { continue };
        figures.add(bucket, o.value);
        by_month[month].add(bucket, o.value);
        if o.is_open() && bucket != Bucket::Omitted {
            let w = o.weighted(settings);
            weighted += w;
            weighted_by_month[month] += w;
        }
        deals.push(Deal {
            index,
            bucket,
            month,
            set,
        });
    }
    let targets = &settings.targets;
    Forecast {
        period,
        owner: owner.map(str::to_owned),
        target: target(targets, period, owner),
        figures,
        weighted,
        months: months
            .iter()
            .zip(by_month)
            .zip(weighted_by_month)
            .map(|((m, figures), weighted)| Month {
                month: *m,
                target: target(targets, *m, owner),
                figures,
                weighted,
            })
            .collect(),
        moves: review.map_or_else(Moves::default, |r| moves(ws, period, owner, r)),
        deals,
    }
}

fn moves(ws: &Workspace, period: Period, owner: Option<&str>, review: &Review) -> Moves {
    let before: HashMap<&str, _> = review
        .opportunities
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let settings = &ws.settings;
    let inside = |d: Option<Date>| d.is_some_and(|d| period.contains(d));
    let mut out = Moves {
        since: Some(review.on),
        ..Moves::default()
    };
    for o in ws.opportunities.iter().filter(|o| o.is_open()) {
        if owner.is_some_and(|name| owner_of(o, settings) != name) {
            continue;
        }
        let Some(then) = before.get(o.id.as_str()) else {
            continue;
        };
        let (was, is) = (inside(then.expected_close), inside(o.expected_close));
        if is != was {
            if is {
                out.pulled_in.push(o.id.clone());
            } else {
                out.pushed_out.push(o.id.clone());
            }
            out.moved.push(Moved {
                id: o.id.clone(),
                from: then.expected_close,
                to: o.expected_close,
            });
        }
        let now = category(o, settings);
        if let Some(old) = then.forecast_category
            && (was || is)
            && old != now
        {
            out.category_changed.push((o.id.clone(), old, now));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(period: &str, amount: i64, owner: Option<&str>) -> Target {
        Target {
            period: Period::parse(period).unwrap(),
            amount: Money::from_units(amount),
            owner: owner.map(str::to_owned),
            ..Target::default()
        }
    }

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn a_month_without_its_own_target_takes_a_third_of_its_quarter_to_the_cent() {
        let targets = [t("2026-Q4", 100, None)];
        let months: Vec<Money> = p("2026-Q4")
            .months()
            .iter()
            .map(|m| target(&targets, *m, None).unwrap())
            .collect();
        assert_eq!(months, [Money(3334), Money(3333), Money(3333)]);
        assert_eq!(
            months.iter().copied().sum::<Money>(),
            Money::from_units(100)
        );
        // a month with its own target keeps it; the others share a third each
        let targets = [t("2026-Q4", 900, None), t("2026-11", 500, None)];
        assert_eq!(
            target(&targets, p("2026-11"), None),
            Some(Money::from_units(500))
        );
        assert_eq!(
            target(&targets, p("2026-10"), None),
            Some(Money::from_units(300))
        );
        assert_eq!(
            target(&targets, p("2026-12"), None),
            Some(Money::from_units(300))
        );
    }

    #[test]
    fn the_workspace_target_is_its_own_else_the_sum_of_the_owners() {
        let targets = [
            t("2026-Q4", 300, Some("Li")),
            t("2026-Q4", 200, Some("Wang")),
        ];
        assert_eq!(
            target(&targets, p("2026-Q4"), None),
            Some(Money::from_units(500))
        );
        assert_eq!(
            target(&targets, p("2026-Q4"), Some("Li")),
            Some(Money::from_units(300))
        );
        assert_eq!(target(&targets, p("2026-Q4"), Some("Zhao")), None);
        let with_team = [targets[0].clone(), t("2026-Q4", 1000, None)];
        assert_eq!(
            target(&with_team, p("2026-Q4"), None),
            Some(Money::from_units(1000))
        );
        // the team's month: each seller's own month, or a third of their quarter
        let mixed = [
            t("2026-Q4", 300, Some("A")),
            t("2026-Q4", 600, Some("B")),
            t("2026-11", 50, Some("B")),
        ];
        assert_eq!(
            target(&mixed, p("2026-11"), None),
            Some(Money::from_units(150))
        );
        assert_eq!(
            target(&mixed, p("2026-10"), None),
            Some(Money::from_units(300))
        );
        let month_only = [t("2026-Q4", 300, Some("A")), t("2026-11", 50, Some("B"))];
        assert_eq!(
            target(&month_only, p("2026-Q4"), None),
            Some(Money::from_units(350))
        );
        // a quarter with no entry of its own is the sum of its months'
        let months = [t("2027-01", 10, None), t("2027-03", 30, None)];
        assert_eq!(
            target(&months, p("2027-Q1"), None),
            Some(Money::from_units(40))
        );
        assert_eq!(target(&months, p("2027-Q2"), None), None);
    }

    #[test]
    fn coverage_is_healthy_as_it_is_shown() {
        // 2.96 shows as 3.0×: it must not read "3.0×: thin"
        assert!(healthy(2.96) && healthy(3.0) && healthy(7.2));
        assert!(!healthy(2.94) && !healthy(0.0));
    }

    #[test]
    fn the_category_is_derived_from_the_probability_used_unless_set() {
        use ForecastCategory::*;
        let at = |p: u8| ForecastCategory::from_probability(p);
        assert_eq!(
            [at(100), at(90), at(89), at(60), at(59), at(1), at(0)],
            [
                Commit, Commit, BestCase, BestCase, Pipeline, Pipeline, Omitted
            ]
        );
        let settings = Settings::default();
        let mut o = Opportunity {
            stage: super::super::words::Stage::Negotiate,
            ..Opportunity::default()
        };
        assert_eq!(
            category(&o, &settings),
            BestCase,
            "negotiate is 75% by default"
        );
        o.forecast_category = Some(Commit);
        assert_eq!(category(&o, &settings), Commit);
    }
}
