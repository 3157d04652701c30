//! View 1's rows kept in order after an edit without re-sorting them all:
//! at 100,000 deals re-filtering and re-sorting every deal after each edit
//! took more than a frame, and an edit touches one or two deals.

use super::{PipelineState, SortKey};
use crate::domain::flags::Rule;
use crate::domain::{Date, Opportunity, Settings, Workspace};
use crate::tui::filter::Query;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The table's order: by the sort key, ties by position in the file (what
/// a stable sort of the positions gave), so that one deal can be put back
/// by a binary search and land where a full sort would put it.
pub(super) fn order(
    sort: SortKey,
    closed: bool,
    ws: &Workspace,
    today: Date,
    a: usize,
    b: usize,
) -> Ordering {
    let (x, y) = (&ws.opportunities[a], &ws.opportunities[b]);
    let close = |o: &Opportunity| (o.expected_close.is_none(), o.expected_close);
    let by = match sort {
        _ if closed => super::closed_deals::newest_close_first(x, y),
        SortKey::Stage => (x.stage, close(x)).cmp(&(y.stage, close(y))),
        SortKey::Value => y.value.cmp(&x.value),
        SortKey::Close => close(x).cmp(&close(y)),
        SortKey::Days => y.days_in_stage(today).cmp(&x.days_in_stage(today)),
    };
    by.then(a.cmp(&b))
}

/// The lower-cased account names `account:` compares, by account id; made
/// once per refresh, and only when the filter has an `account:` word.
pub(super) fn account_names<'w>(query: &Query, ws: &'w Workspace) -> HashMap<&'w str, String> {
    if query.account.is_empty() {
        return HashMap::new();
    }
    ws.accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.to_lowercase()))
        .collect()
}

/// The rules of every deal's red flags now, in the order of the deals
/// (on every core: 10,000 deals carry some 70,000 flags).
pub(super) fn flag_rules(ws: &Workspace, today: Date) -> Vec<Vec<Rule>> {
    let settings = &ws.settings;
    crate::domain::parallel::flat_map(&ws.opportunities, |_, o| vec![rules_of(o, settings, today)])
}

fn rules_of(o: &Opportunity, settings: &Settings, today: Date) -> Vec<Rule> {
    let mut rules: Vec<Rule> = crate::domain::flags::compute(o, settings, today)
        .into_iter()
        .map(|f| f.rule)
        .collect();
    rules.dedup();
    rules
}

/// Whether the filter shows `o`, given its search text (made when the
/// filter has text) and its flags' rules (made when it has a `flag:`
/// word): the one test of both the full refresh and the rows kept after
/// an edit, so a deal edited under `stage:drive` stays or goes as a
/// refresh would decide.
pub(super) fn passes(
    query: &Query,
    (haystack, rules): (Option<&String>, Option<&Vec<Rule>>),
    o: &Opportunity,
    account_names: &HashMap<&str, String>,
) -> bool {
    let text = query.text.as_str();
    let name = account_names.get(o.account.as_str());
    (text.is_empty() || haystack.is_some_and(|h| h.contains(text)))
        && query.keeps(o, name.map_or("", |n| n.as_str()))
        && (query.flag.is_empty() || rules.is_some_and(|r| query.keeps_rules(r)))
}

/// More changed deals than this and the rows are made again in full.
const MANY: usize = 256;

impl PipelineState {
    /// After an edit that replaced the deals at these positions (given
    /// with their records before), updates the strip, the filter's search
    /// texts and the rows for those deals only; the result is what a full
    /// [`PipelineState::refresh`] gives (a test compares them).
    pub fn replaced(
        &mut self,
        ws: &Workspace,
        today: Date,
        changed: &[(usize, Opportunity)],
        keep: Option<String>,
    ) {
        let keep = keep.or_else(|| self.current(ws).map(|i| ws.opportunities[i].id.clone()));
        if self.follow_reopened(ws, keep.as_deref()) {
            return self.refresh(ws, today, keep);
        }
        if changed.len() > MANY {
            // a bulk edit: one full refresh beats thousands of inserts
            self.data_changed();
            return self.refresh(ws, today, keep);
        }
        let settings = &ws.settings;
        let query = crate::tui::filter::Query::parse(self.filter.value());
        let account_names = account_names(&query, ws);
        let names: std::collections::HashMap<&str, &str> = if self.haystacks.is_some() {
            ws.accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str()))
                .collect()
        } else {
            Default::default()
        };
        for (i, before) in changed {
            let Some(after) = ws.opportunities.get(*i) else {
                continue;
            };
            if before.is_open() {
                let s = &mut self.strip[before.stage.index()];
                s.count -= 1;
                s.value = s.value - before.value;
                s.weighted = s.weighted - before.weighted(settings);
            }
            if after.is_open() {
                let s = &mut self.strip[after.stage.index()];
                s.count += 1;
                s.value += after.value;
                s.weighted += after.weighted(settings);
            }
            if let Some(h) = self.haystacks.as_mut().and_then(|h| h.get_mut(*i)) {
                *h = crate::tui::filter::haystack(&names, after);
            }
            if let Some(r) = self.flag_rules.as_mut().and_then(|r| r.get_mut(*i)) {
                *r = rules_of(after, settings, today);
            }
        }
        // every changed deal out first: the rest are then in order under
        // the data as it is now, so each binary search below is sound
        // (taken out and put back one by one, a deal was placed among
        // others still sorted by what they were before: undoing a bulk
        // `>` left the table out of order)
        let moved: std::collections::HashSet<usize> = changed.iter().map(|(i, _)| *i).collect();
        self.rows.retain(|r| !moved.contains(r));
        for (i, _) in changed {
            let Some(after) = ws.opportunities.get(*i) else {
                continue;
            };
            let cached = (
                self.haystacks.as_ref().and_then(|h| h.get(*i)),
                self.flag_rules.as_ref().and_then(|r| r.get(*i)),
            );
            let shown = passes(&query, cached, after, &account_names);
            if self.lists(after) && shown {
                let (sort, closed) = (self.sort, self.closed);
                let at = self
                    .rows
                    .binary_search_by(|r| order(sort, closed, ws, today, *r, *i))
                    .unwrap_or_else(|at| at);
                self.rows.insert(at, *i);
            }
        }
        self.select(ws, today, keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Money, OutcomeResult, Stage};

    /// Random-ish edits, one deal at a time, under every sort and with and
    /// without a filter: the rows and the strip kept by `replaced` are
    /// those a full refresh computes.
    #[test]
    fn moving_one_row_gives_what_a_full_refresh_gives() {
        let today = Date::parse("2026-11-23").unwrap();
        let mut ws = crate::synth::workspace(300, 7, today);
        for (sort, filter, closed) in [
            (SortKey::Stage, "", false),
            (SortKey::Value, "", false),
            (SortKey::Close, "1", false),
            (SortKey::Days, "", false),
            (SortKey::Stage, "erp", false),
            // the filter words: an edit moves a deal in or out of them
            (SortKey::Stage, "stage:drive stage:neg", false),
            (SortKey::Value, "stage:prop erp", false),
            (SortKey::Close, "flag:stalled", false),
            (SortKey::Stage, "", true),
            (SortKey::Value, "1", true),
        ] {
            let mut kept = PipelineState {
                sort,
                closed,
                ..Default::default()
            };
            kept.filter.set(filter);
            kept.refresh(&ws, today, None);
            for step in 0..60usize {
                let i = (step * 37 + 11) % ws.opportunities.len();
                let before = ws.opportunities[i].clone();
                let o = &mut ws.opportunities[i];
                match step % 5 {
                    0 => o.stage = Stage::ALL[step % 5],
                    1 => o.value = Money::from_units((step as i64 * 7_919) % 500_000),
                    2 => o.expected_close = Some(today.plus_days(step as i64 - 30)),
                    // in and out of the closed list
                    3 if o.is_open() => {
                        o.close(OutcomeResult::Lost, today.plus_days(-(step as i64)), "")
                    }
                    3 => o.outcome = None,
                    _ => o.title = format!("erp {step}"),
                }
                // the selection is kept on a deal still listed: a deal that
                // leaves the closed list would take the list with it
                let keep = kept.current(&ws).map(|r| ws.opportunities[r].id.clone());
                let keep = keep.filter(|id| ws.opportunity(id).is_some_and(|o| kept.lists(o)));
                let keep = keep.or_else(|| {
                    kept.rows
                        .iter()
                        .map(|r| ws.opportunities[*r].id.clone())
                        .find(|id| ws.opportunity(id).is_some_and(|o| kept.lists(o)))
                });
                let mut changes = vec![(i, before)];
                // every third step a bulk edit: five deals at once, as
                // marks and `>` or its undo make
                if step % 3 == 0 {
                    for k in 1..5usize {
                        let j = (i + k * 53) % ws.opportunities.len();
                        if changes.iter().any(|(c, _)| *c == j) {
                            continue;
                        }
                        changes.push((j, ws.opportunities[j].clone()));
                        let o = &mut ws.opportunities[j];
                        o.stage = Stage::ALL[(o.stage.index() + k) % 5];
                        o.value = Money::from_units((step as i64 * 31 + k as i64 * 977) % 400_000);
                    }
                }
                kept.replaced(&ws, today, &changes, keep);
                assert_eq!(kept.closed, closed, "{sort:?} step {step}");
                let mut full = PipelineState {
                    sort,
                    closed,
                    ..Default::default()
                };
                full.filter.set(filter);
                full.refresh(&ws, today, None);
                assert_eq!(kept.rows, full.rows, "{sort:?} {filter:?} step {step}");
                assert_eq!(kept.strip, full.strip, "{sort:?} step {step}");
            }
        }
    }
}
