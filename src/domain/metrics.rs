//! Funnel analytics (methodology section 4): where the pipeline stands, how
//! deals move, and what changed since the last weekly review.

use super::opportunity::Status;
use super::values::{Date, Money};
use super::words::Stage;
use super::workspace::{Opportunity, Review, Workspace};
use crate::i18n::t;
use crate::tf;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub count: usize,
    pub value: Money,
    pub weighted: Money,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageFigures {
    pub stage: Stage,
    pub sum: Sum,
    /// Open deals longer in this stage than its `stall_days`.
    pub stalled: usize,
}

/// The course's share of selling time by stage (seed 002): 20/30/30/10/10.
pub const TIME_SHARE: [f64; 5] = [0.20, 0.30, 0.30, 0.10, 0.10];

#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub open: Sum,
    pub stages: Vec<StageFigures>,
    pub won: Sum,
    pub lost: Sum,
    /// won ÷ (won + lost) by count.
    pub win_rate: Option<f64>,
    /// Of the deals that entered a stage, the share that entered the next
    /// (from `stage_history`); four figures, qualify→drive … negotiate→close.
    pub conversion: Vec<(Stage, Stage, Option<f64>)>,
    /// Average whole days spent in each stage, from consecutive history
    /// entries (the current, unfinished stay is not counted).
    pub days_per_stage: Vec<(Stage, Option<f64>)>,
    /// Open deals × win rate × average won value ÷ average days from
    /// creation to winning: money expected per day.
    pub velocity: Option<f64>,
    /// Best few (negotiate + close), in the funnel (drive + propose), above
    /// the funnel (qualify): counts.
    pub balance: Balance,
    /// Share of open actions per stage, to hold against [`TIME_SHARE`].
    pub action_share: [f64; 5],
    /// Open deals whose close date moved later at least once: (index, slips).
    pub slipping: Vec<(usize, usize)>,
    /// Open deals stalled in their stage: indices.
    pub stalled: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Balance {
    pub best_few: usize,
    pub in_funnel: usize,
    pub above: usize,
}

impl Balance {
    /// A funnel shape: more above than in it, more in it than about to close.
    pub fn healthy(&self) -> bool {
        self.above >= self.in_funnel && self.in_funnel >= self.best_few && self.above > 0
    }
}

fn add(sum: &mut Sum, ws: &Workspace, o: &Opportunity) {
    sum.count += 1;
    sum.value += o.value;
    sum.weighted += o.weighted(&ws.settings);
}

fn stalled(ws: &Workspace, o: &Opportunity, today: Date) -> bool {
    o.days_in_stage(today)
        .is_some_and(|d| d > ws.settings.stall_days.get(o.stage).0 as i64)
}

pub fn compute(ws: &Workspace, today: Date) -> Metrics {
    let mut open = Sum::default();
    let mut won = Sum::default();
    let mut lost = Sum::default();
    let mut stages: Vec<StageFigures> = Stage::ALL
        .iter()
        .map(|s| StageFigures {
            stage: *s,
            sum: Sum::default(),
            stalled: 0,
        })
        .collect();
    let mut slipping = Vec::new();
    let mut stalled_deals = Vec::new();
    let mut actions = [0usize; 5];
    for (n, o) in ws.opportunities.iter().enumerate() {
        match o.status() {
            Status::Open => {
                add(&mut open, ws, o);
                let s = &mut stages[o.stage.index()];
                add(&mut s.sum, ws, o);
                if stalled(ws, o, today) {
                    s.stalled += 1;
                    stalled_deals.push(n);
                }
                if o.slips() > 0 {
                    slipping.push((n, o.slips()));
                }
                actions[o.stage.index()] += o.actions.iter().filter(|a| a.is_open()).count();
            }
            Status::Won => add(&mut won, ws, o),
            Status::Lost => add(&mut lost, ws, o),
            Status::Abandoned => {}
        }
    }
    let decided = won.count + lost.count;
    let win_rate = (decided > 0).then(|| won.count as f64 / decided as f64);

    // conversion and days per stage from the histories
    let mut entered = [0usize; 5];
    let mut moved_on = [0usize; 5];
    let mut days: [Vec<i64>; 5] = Default::default();
    for o in &ws.opportunities {
        let seen: Vec<Stage> = o.stage_history.iter().map(|e| e.stage).collect();
        for s in Stage::ALL {
            if seen.contains(s) {
                entered[s.index()] += 1;
                if let Some(next) = s.next()
                    && seen.contains(&next)
                {
                    moved_on[s.index()] += 1;
                }
            }
        }
        for pair in o.stage_history.windows(2) {
            days[pair[0].stage.index()].push(pair[0].entered.days_until(pair[1].entered).max(0));
        }
    }
    let conversion = Stage::ALL[..4]
        .iter()
        .map(|s| {
            let n = entered[s.index()];
            (
                *s,
                s.next().unwrap_or(*s),
                (n > 0).then(|| moved_on[s.index()] as f64 / n as f64),
            )
        })
        .collect();
    let days_per_stage = Stage::ALL
        .iter()
        .map(|s| {
            let d = &days[s.index()];
            (
                *s,
                (!d.is_empty()).then(|| d.iter().sum::<i64>() as f64 / d.len() as f64),
            )
        })
        .collect();

    let cycles: Vec<i64> = ws
        .opportunities
        .iter()
        .filter(|o| o.status() == Status::Won)
        .filter_map(|o| Some(o.created?.days_until(o.outcome.as_ref()?.on).max(1)))
        .collect();
    let velocity = match (win_rate, won.count, cycles.is_empty()) {
        (Some(rate), n, false) if n > 0 => {
            let average_won = won.value.cents() as f64 / 100.0 / n as f64;
            let average_cycle = cycles.iter().sum::<i64>() as f64 / cycles.len() as f64;
            Some(open.count as f64 * rate * average_won / average_cycle)
        }
        _ => None,
    };
    let count = |s: &[Stage]| s.iter().map(|s| stages[s.index()].sum.count).sum();
    let balance = Balance {
        best_few: count(&[Stage::Negotiate, Stage::Close]),
        in_funnel: count(&[Stage::Drive, Stage::Propose]),
        above: count(&[Stage::Qualify]),
    };
    let total_actions: usize = actions.iter().sum();
    let mut action_share = [0.0; 5];
    if total_actions > 0 {
        for (share, n) in action_share.iter_mut().zip(actions) {
            *share = n as f64 / total_actions as f64;
        }
    }
    Metrics {
        open,
        stages,
        won,
        lost,
        win_rate,
        conversion,
        days_per_stage,
        velocity,
        balance,
        action_share,
        slipping,
        stalled: stalled_deals,
    }
}

/// What changed since a review (spec section 2, `since_review`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SinceReview {
    pub on: Date,
    pub new: Vec<String>,
    pub advanced: Vec<String>,
    pub regressed: Vec<String>,
    pub won: Vec<String>,
    pub lost: Vec<String>,
    pub slipped: Vec<String>,
    /// (id, from, to)
    pub value_changed: Vec<(String, Money, Money)>,
}

/// The latest review by date (the last of equal dates).
pub fn latest_review(ws: &Workspace) -> Option<&Review> {
    ws.reviews
        .iter()
        .enumerate()
        .max_by_key(|(n, r)| (r.on, *n))
        .map(|(_, r)| r)
}

/// The changes since `review`, in the order of the workspace.
pub fn since(ws: &Workspace, review: &Review) -> SinceReview {
    let then: HashMap<&str, &super::workspace::ReviewedOpportunity> = review
        .opportunities
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let mut out = SinceReview {
        on: review.on,
        ..Default::default()
    };
    for o in &ws.opportunities {
        let Some(before) = then.get(o.id.as_str()) else {
            // a deal born after the review is new, and if it was already
            // won or lost, that too (closed on the review's day or before,
            // it belongs to an earlier week)
            let closed_since = o.outcome.as_ref().is_some_and(|x| x.on > review.on);
            match o.status() {
                Status::Open => out.new.push(o.id.clone()),
                Status::Won if closed_since => {
                    out.new.push(o.id.clone());
                    out.won.push(o.id.clone());
                }
                Status::Lost if closed_since => {
                    out.new.push(o.id.clone());
                    out.lost.push(o.id.clone());
                }
                _ => {}
            }
            continue;
        };
        match o.status() {
            Status::Won => out.won.push(o.id.clone()),
            Status::Lost => out.lost.push(o.id.clone()),
            Status::Abandoned => {}
            Status::Open => {
                if o.stage > before.stage {
                    out.advanced.push(o.id.clone());
                } else if o.stage < before.stage {
                    out.regressed.push(o.id.clone());
                }
                if let (Some(now), Some(was)) = (o.expected_close, before.expected_close)
                    && now > was
                {
                    out.slipped.push(o.id.clone());
                }
                if o.value != before.value {
                    out.value_changed
                        .push((o.id.clone(), before.value, o.value));
                }
            }
        }
    }
    out
}

/// The order of the weekly review: the best few first (latest stage first),
/// then by weighted value; open deals only. Indices into the workspace.
pub fn review_order(ws: &Workspace) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ws.opportunities.len())
        .filter(|i| ws.opportunities[*i].is_open())
        .collect();
    order.sort_by_key(|i| {
        let o = &ws.opportunities[*i];
        (
            std::cmp::Reverse(o.stage),
            std::cmp::Reverse(o.weighted(&ws.settings)),
        )
    });
    order
}

/// The snapshot a finished review records: every open deal as it stands,
/// with the rules of the flags that show.
pub fn snapshot(ws: &Workspace, today: Date) -> Review {
    Review {
        on: today,
        opportunities: ws
            .opportunities
            .iter()
            .filter(|o| o.is_open())
            .map(|o| super::workspace::ReviewedOpportunity {
                id: o.id.clone(),
                stage: o.stage,
                value: o.value,
                expected_close: o.expected_close,
                flags: super::flags::visible(o, &ws.settings, today)
                    .iter()
                    .map(|f| f.rule.as_str().to_owned())
                    .collect(),
                forecast_category: Some(super::forecast::category(o, &ws.settings)),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// What changed on one deal since a review, in words, for the review walk.
pub fn changes_since(ws: &Workspace, o: &Opportunity, review: &Review, today: Date) -> Vec<String> {
    let Some(before) = review.opportunities.iter().find(|r| r.id == o.id) else {
        return vec![tf!("new since the review of {on}", on = review.on)];
    };
    let mut out = Vec::new();
    if o.stage != before.stage {
        out.push(tf!(
            "stage {from} → {to}",
            from = before.stage.label(),
            to = o.stage.label()
        ));
    }
    if o.value != before.value {
        out.push(tf!(
            "value {from} → {to}",
            from = before.value.grouped(),
            to = o.value.grouped()
        ));
    }
    if o.expected_close != before.expected_close {
        let show = |d: Option<Date>| d.map_or(t("none").to_owned(), |d| d.to_string());
        out.push(tf!(
            "close date {from} → {to}",
            from = show(before.expected_close),
            to = show(o.expected_close)
        ));
    }
    // snapshots before spec section 8 recorded no category: no change
    let category = super::forecast::category(o, &ws.settings);
    if let Some(was) = before.forecast_category
        && was != category
    {
        out.push(tf!(
            "category changed: {from} → {to}",
            from = was.label(),
            to = category.label()
        ));
    }
    let now: Vec<String> = super::flags::visible(o, &ws.settings, today)
        .iter()
        .map(|f| f.rule.as_str().to_owned())
        .collect();
    let raised: Vec<&String> = now.iter().filter(|r| !before.flags.contains(r)).collect();
    let cleared: Vec<&String> = before.flags.iter().filter(|r| !now.contains(r)).collect();
    if !raised.is_empty() {
        out.push(tf!("flags raised: {rules}", rules = rules(&raised)));
    }
    if !cleared.is_empty() {
        out.push(tf!("flags cleared: {rules}", rules = rules(&cleared)));
    }
    let done: Vec<&str> = o
        .actions
        .iter()
        .filter(|a| a.done.is_some_and(|d| d > review.on))
        .map(|a| a.text.as_str())
        .collect();
    if !done.is_empty() {
        out.push(tf!("done: {actions}", actions = done.join(t("; "))));
    }
    if out.is_empty() {
        out.push(t("nothing changed").into());
    }
    out
}

/// Red-flag rule ids as people read them: `stalled, quiet` in English (the
/// ids), 停滞、久无联系 in Chinese (a rule this version does not know keeps
/// its id).
fn rules(ids: &[&String]) -> String {
    match crate::i18n::lang() {
        crate::i18n::Lang::En => ids
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        crate::i18n::Lang::Zh => ids
            .iter()
            .map(|s| super::flags::Rule::parse(s).map_or_else(|| s.to_string(), |r| r.label()))
            .collect::<Vec<_>>()
            .join("、"),
    }
}
