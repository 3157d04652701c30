//! The arithmetic of a team's roll-up (`funnel team report|forecast`, spec
//! section 13). Each workspace's figures are computed by the single
//! commands' own functions with that workspace's settings (its stage
//! probabilities, stall days and targets), and only then summed: a merged
//! workspace would weigh every deal with one seller's settings.

use super::forecast::{Bucket, Figures, Forecast, Month, Moved, Moves};
use super::metrics::{Balance, Metrics, StageFigures, Sum};
use super::team::Qualifier;
use super::values::Money;
use super::workspace::Target;

fn add_sum(into: &mut Sum, s: &Sum) {
    into.count += s.count;
    into.value += s.value;
    into.weighted += s.weighted;
}

/// won ÷ (won + lost) by count, as [`super::metrics::compute`] has it.
pub fn win_rate(won: &Sum, lost: &Sum) -> Option<f64> {
    let decided = won.count + lost.count;
    (decided > 0).then(|| won.count as f64 / decided as f64)
}

/// The team's pipeline: the open deals, the stages (stalled ones
/// included), won, lost and the funnel's balance summed, the win rate
/// recomputed from the sums. What is a ratio of one workspace's histories
/// (conversion, days per stage, velocity) or a list of its deals' indices
/// (slipping, stalled) is left empty: it does not add up across files.
pub fn metrics(each: &[Metrics]) -> Metrics {
    let mut open = Sum::default();
    let mut won = Sum::default();
    let mut lost = Sum::default();
    let mut stages: Vec<StageFigures> = Vec::new();
    let mut balance = Balance {
        best_few: 0,
        in_funnel: 0,
        above: 0,
    };
    for m in each {
        add_sum(&mut open, &m.open);
        add_sum(&mut won, &m.won);
        add_sum(&mut lost, &m.lost);
        for s in &m.stages {
            match stages.iter_mut().find(|t| t.stage == s.stage) {
                Some(t) => {
                    add_sum(&mut t.sum, &s.sum);
                    t.stalled += s.stalled;
                }
                None => stages.push(s.clone()),
            }
        }
        balance.best_few += m.balance.best_few;
        balance.in_funnel += m.balance.in_funnel;
        balance.above += m.balance.above;
    }
    Metrics {
        open,
        stages,
        win_rate: win_rate(&won, &lost),
        won,
        lost,
        conversion: Vec::new(),
        days_per_stage: Vec::new(),
        velocity: None,
        balance,
        action_share: [0.0; 5],
        slipping: Vec::new(),
        stalled: Vec::new(),
    }
}

/// Stalled open deals of one workspace, over its stages.
pub fn stalled(m: &Metrics) -> usize {
    m.stages.iter().map(|s| s.stalled).sum()
}

fn add_figures(into: &mut Figures, f: &Figures) {
    for bucket in Bucket::ALL {
        let slot = match bucket {
            Bucket::Won => &mut into.won,
            Bucket::Commit => &mut into.commit,
            Bucket::BestCase => &mut into.best_case,
            Bucket::Pipeline => &mut into.pipeline,
            Bucket::Omitted => &mut into.omitted,
        };
        *slot += f.get(bucket);
    }
}

/// A team's target: the sum of the members' targets that are set; `None`
/// when no member has one (a member without a target adds nothing, rather
/// than making the team's unknown).
fn add_target(into: Option<Money>, t: Option<Money>) -> Option<Money> {
    match (into, t) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    }
}

/// The team's forecast of one period from each member's (`(owner,
/// forecast)`, all of the same period): targets, figures and weighted
/// values summed, period and months alike; the moves listed member after
/// member, their ids qualified by `q`, measured since the latest of the
/// members' reviews. Its `deals` is empty: a deal's index is into its own
/// workspace, so the members' forecasts keep them.
pub fn forecast(each: &[(&str, &Forecast)], q: &Qualifier) -> Forecast {
    let first = each.first().map(|(_, f)| *f);
    let period = first.map(|f| f.period).expect("a team has a member");
    let mut months: Vec<Month> = period
        .months()
        .into_iter()
        .map(|month| Month {
            month,
            target: None,
            figures: Figures::default(),
            weighted: Money::ZERO,
        })
        .collect();
    let mut target = None;
    let mut figures = Figures::default();
    let mut weighted = Money::ZERO;
    let mut moves = Moves::default();
    for (owner, f) in each {
        target = add_target(target, f.target);
        add_figures(&mut figures, &f.figures);
        weighted += f.weighted;
        for (into, m) in months.iter_mut().zip(&f.months) {
            into.target = add_target(into.target, m.target);
            add_figures(&mut into.figures, &m.figures);
            into.weighted += m.weighted;
        }
        let qualified = |id: &String| q.id(owner, id);
        moves.since = moves.since.max(f.moves.since);
        moves
            .pulled_in
            .extend(f.moves.pulled_in.iter().map(qualified));
        moves
            .pushed_out
            .extend(f.moves.pushed_out.iter().map(qualified));
        moves.category_changed.extend(
            f.moves
                .category_changed
                .iter()
                .map(|(id, from, to)| (q.id(owner, id), *from, *to)),
        );
        moves.moved.extend(f.moves.moved.iter().map(|m| Moved {
            id: q.id(owner, &m.id),
            from: m.from,
            to: m.to,
        }));
    }
    Forecast {
        period,
        owner: first.and_then(|f| f.owner.clone()),
        target,
        figures,
        weighted,
        months,
        moves,
        deals: Vec::new(),
    }
}

/// A seller's file sets its targets without naming the seller: with
/// `--owner` naming the workspace's own owner, its whole-workspace targets
/// count as that owner's where the owner has none of their own.
pub fn own_targets(f: &mut Forecast, targets: &[Target]) {
    if f.target.is_none() {
        f.target = super::forecast::target(targets, f.period, None);
    }
    for m in &mut f.months {
        if m.target.is_none() {
            m.target = super::forecast::target(targets, m.month, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Date, Period, Stage, Workspace, forecast, metrics};

    fn demo(owner: &str, seed: u64) -> Workspace {
        let mut ws = crate::synth::workspace(200, seed, Date::parse("2026-11-23").unwrap());
        ws.settings.owner = owner.into();
        ws
    }

    #[test]
    fn the_team_figures_are_the_sums_of_the_members() {
        let today = Date::parse("2026-11-23").unwrap();
        let (a, b) = (demo("Li", 3), demo("Wang", 4));
        let (ma, mb) = (metrics::compute(&a, today), metrics::compute(&b, today));
        let team = metrics(&[ma.clone(), mb.clone()]);
        assert_eq!(team.open.count, ma.open.count + mb.open.count);
        assert_eq!(team.open.weighted, ma.open.weighted + mb.open.weighted);
        for s in Stage::ALL {
            let of = |m: &Metrics| m.stages.iter().find(|x| x.stage == *s).unwrap().sum;
            assert_eq!(of(&team).value, of(&ma).value + of(&mb).value);
        }
        let decided = (team.won.count + team.lost.count) as f64;
        assert_eq!(team.win_rate, Some(team.won.count as f64 / decided));

        let q = Period::quarter_of(today);
        let (fa, fb) = (
            forecast::compute(&a, q, None, today),
            forecast::compute(&b, q, None, today),
        );
        fn ids(ws: &Workspace) -> Vec<&str> {
            ws.opportunities.iter().map(|o| o.id.as_str()).collect()
        }
        let qual = Qualifier::new([ids(&a), ids(&b)]);
        let team = forecast(&[("Li", &fa), ("Wang", &fb)], &qual);
        assert_eq!(team.figures.commit, fa.figures.commit + fb.figures.commit);
        assert_eq!(team.weighted, fa.weighted + fb.weighted);
        assert_eq!(
            team.months[1].figures.won,
            fa.months[1].figures.won + fb.months[1].figures.won
        );
        assert_eq!(team.target, add_target(fa.target, fb.target));
    }

    #[test]
    fn a_member_without_a_target_adds_nothing() {
        let m = |x| Some(Money(x));
        assert_eq!(add_target(m(5), None), m(5));
        assert_eq!(add_target(None, None), None);
        assert_eq!(add_target(m(5), m(7)), m(12));
    }
}
