//! Which week a report covers (spec section 7): the week the latest review
//! closed, or the time since a review the user names. Finishing the Monday
//! review must not empty the report the manager is about to receive, so a
//! review dated today is reported against the review before it.

use super::metrics::{self, SinceReview};
use super::values::Date;
use super::workspace::{Review, Workspace};
use crate::i18n::numbers::long_date;
use crate::i18n::t;
use std::collections::{HashMap, HashSet};

/// What the report compares the current state with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// The week of the latest review.
    Latest,
    /// The latest review on or before this date.
    Date(Date),
    /// The review before the latest.
    Previous,
}

/// The week a report covers: the changes from the review `base` to now.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// The changes; `changes.on` is the date of the review compared with.
    pub changes: SinceReview,
    /// The review dated today that closed the week, when the report is of
    /// that week rather than of the days since the latest review.
    pub closed_by: Option<Date>,
}

/// Why a week cannot be reported, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoWeek {
    NoReviewBy(Date),
    NoPreviousReview,
}

impl std::fmt::Display for NoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            NoWeek::NoReviewBy(d) => {
                f.write_str(&crate::tf!("no review on or before {d} to compare with", d))
            }
            NoWeek::NoPreviousReview => f.write_str(crate::i18n::t(
                "no review before the latest one to compare with",
            )),
        }
    }
}

/// The reviews oldest first (file order among equal dates), as `latest_review` ranks them.
fn by_date(ws: &Workspace) -> Vec<&Review> {
    let mut all: Vec<(usize, &Review)> = ws.reviews.iter().enumerate().collect();
    all.sort_by_key(|(n, r)| (r.on, *n));
    all.into_iter().map(|(_, r)| r).collect()
}

/// The week to report; `Ok(None)` when there is no review at all and none
/// was asked for.
pub fn week(ws: &Workspace, today: Date, since: Since) -> Result<Option<Week>, NoWeek> {
    let reviews = by_date(ws);
    let plain = |r: &Review| {
        Some(Week {
            changes: metrics::since(ws, r),
            closed_by: None,
        })
    };
    match since {
        Since::Date(d) => match reviews.iter().rev().find(|r| r.on <= d) {
            Some(r) => Ok(plain(r)),
            None => Err(NoWeek::NoReviewBy(d)),
        },
        Since::Previous => match reviews.len() {
            n if n >= 2 => Ok(plain(reviews[n - 2])),
            _ => Err(NoWeek::NoPreviousReview),
        },
        Since::Latest => {
            // the week a review dated today closed starts at the latest
            // review of an earlier day (two reviews today, say after a
            // merge of two workspaces, still report the week)
            let before = reviews.iter().rev().find(|r| r.on < today);
            Ok(match (reviews.last(), before) {
                (Some(latest), Some(before)) if latest.on == today => {
                    // what the review recorded, and anything done after it today
                    let mut changes = metrics::since(ws, before);
                    merge(&mut changes, between(ws, before, latest), ws);
                    Some(Week {
                        changes,
                        closed_by: Some(latest.on),
                    })
                }
                (Some(latest), _) => plain(latest),
                (None, _) => None,
            })
        }
    }
}

/// The changes from one review's snapshot to a later one's. Deals in the
/// earlier snapshot only were closed in between: won or lost as the
/// workspace says now.
fn between(ws: &Workspace, before: &Review, after: &Review) -> SinceReview {
    let then: HashMap<&str, _> = before
        .opportunities
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let later: HashSet<&str> = after.opportunities.iter().map(|o| o.id.as_str()).collect();
    let mut out = SinceReview {
        on: before.on,
        ..Default::default()
    };
    for now in &after.opportunities {
        let id = now.id.clone();
        let Some(was) = then.get(now.id.as_str()) else {
            out.new.push(id);
            continue;
        };
        if now.stage > was.stage {
            out.advanced.push(id.clone());
        } else if now.stage < was.stage {
            out.regressed.push(id.clone());
        }
        if let (Some(n), Some(w)) = (now.expected_close, was.expected_close)
            && n > w
        {
            out.slipped.push(id.clone());
        }
        if now.value != was.value {
            out.value_changed.push((id, was.value, now.value));
        }
    }
    for gone in before
        .opportunities
        .iter()
        .filter(|o| !later.contains(o.id.as_str()))
    {
        match ws.opportunity(&gone.id).map(|o| o.status()) {
            Some(super::Status::Won) => out.won.push(gone.id.clone()),
            Some(super::Status::Lost) => out.lost.push(gone.id.clone()),
            _ => {}
        }
    }
    out
}

/// Adds to `into` what `more` says about deals `into` is silent on, kind by
/// kind (the current state wins where both speak), in workspace order.
fn merge(into: &mut SinceReview, more: SinceReview, ws: &Workspace) {
    // looked up once: a scan per comparison was most of the report's time
    // on 8,800 deals
    let places: HashMap<&str, usize> = ws
        .opportunities
        .iter()
        .enumerate()
        .map(|(n, o)| (o.id.as_str(), n))
        .collect();
    let position = |id: &str| places.get(id).copied().unwrap_or(usize::MAX);
    let add = |lists: [&mut Vec<String>; 2], extra: [Vec<String>; 2]| {
        let known: HashSet<String> = lists.iter().flat_map(|l| l.iter().cloned()).collect();
        for (list, extra) in lists.into_iter().zip(extra) {
            list.extend(extra.into_iter().filter(|id| !known.contains(id)));
            list.sort_by_key(|id| position(id));
        }
    };
    add([&mut into.new, &mut Vec::new()], [more.new, Vec::new()]);
    add(
        [&mut into.advanced, &mut into.regressed],
        [more.advanced, more.regressed],
    );
    add([&mut into.won, &mut into.lost], [more.won, more.lost]);
    add(
        [&mut into.slipped, &mut Vec::new()],
        [more.slipped, Vec::new()],
    );
    let known: HashSet<String> = into.value_changed.iter().map(|c| c.0.clone()).collect();
    into.value_changed.extend(
        more.value_changed
            .into_iter()
            .filter(|c| !known.contains(&c.0)),
    );
    into.value_changed.sort_by_key(|c| position(&c.0));
}

/// One entry of a kind of change: the deal, and for a changed value the
/// value before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub id: &'a str,
    pub values: Option<(super::Money, super::Money)>,
}

impl Week {
    /// The heading of the week's changes: which review they are measured from.
    pub fn heading(&self) -> String {
        match self.closed_by {
            Some(closed) => crate::tf!(
                "The week to the review of {closed} (since the review of {since})",
                closed = long_date(closed),
                since = long_date(self.changes.on)
            ),
            None => crate::tf!(
                "Since the review of {since}",
                since = long_date(self.changes.on)
            ),
        }
    }

    /// The kinds of change that happened, each with its name, in the
    /// report's order; the report and view 5 both list these.
    pub fn kinds(&self) -> Vec<(&'static str, Vec<Item<'_>>)> {
        let s = &self.changes;
        fn ids(v: &[String]) -> Vec<Item<'_>> {
            v.iter().map(|id| Item { id, values: None }).collect()
        }
        let values = s
            .value_changed
            .iter()
            .map(|(id, from, to)| Item {
                id,
                values: Some((*from, *to)),
            })
            .collect();
        [
            (t("New"), ids(&s.new)),
            (t("Advanced"), ids(&s.advanced)),
            (t("Moved back"), ids(&s.regressed)),
            (t("Won"), ids(&s.won)),
            (t("Lost"), ids(&s.lost)),
            (t("Close date slipped"), ids(&s.slipped)),
            (t("Value changed"), values),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .collect()
    }

    /// [`Week::kinds`] with each deal written as `title` names it, a value
    /// change with its two amounts.
    pub fn named(&self, title: impl Fn(&str) -> String) -> Vec<(&'static str, Vec<String>)> {
        self.kinds()
            .into_iter()
            .map(|(name, items)| {
                let names = items
                    .iter()
                    .map(|i| match i.values {
                        Some((from, to)) => {
                            format!("{} {} → {}", title(i.id), from.grouped(), to.grouped())
                        }
                        None => title(i.id),
                    })
                    .collect();
                (name, names)
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "week_tests.rs"]
mod tests;
