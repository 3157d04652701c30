//! View 2's filter: the words of view 1's (`stage:`, `owner:`, `tag:`,
//! `flag:`, `account:`) apply to the entry's deal; the text is searched in
//! the action's text, the person it is with and its owner, and in its
//! deal's title, account name and owner.

use crate::domain::flags::Rule;
use crate::domain::priority::Entry;
use crate::domain::{Date, Workspace};
use crate::tui::filter::Query;
use std::collections::HashMap;

/// What the filter decided per deal, worked out the first time one of its
/// entries is looked at: a deal has many entries.
#[derive(Clone, Copy, Default)]
struct Deal {
    /// Passes the key words, `flag:` included.
    keeps: bool,
    /// Its title, account name or owner holds the text.
    text: bool,
}

/// What the filter reads, made the first time a filter needs it and kept
/// until the data changes: typing a letter then lower-cases nothing and
/// computes no flag (10,000 deals have 46,000 entries and 70,000 flags).
#[derive(Debug, Default)]
pub struct Cache {
    /// Every deal's red-flag rules, by position, for `flag:` words.
    flag_rules: Option<Vec<Vec<Rule>>>,
    /// Each entry's text, lower-cased, by position in the ranked list.
    entry_texts: Option<Vec<String>>,
    /// Each deal's title, account name and owner, lower-cased, apart.
    deal_texts: Option<Vec<String>>,
}

/// The positions in `list` of the entries `typed` lets through.
pub fn filter(
    ws: &Workspace,
    today: Date,
    typed: &str,
    cache: &mut Cache,
    list: &[Entry],
) -> Vec<usize> {
    let query = Query::parse(typed);
    if query.is_empty() {
        return (0..list.len()).collect();
    }
    let names: HashMap<&str, String> = ws
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.to_lowercase()))
        .collect();
    if !query.flag.is_empty() && cache.flag_rules.is_none() {
        cache.flag_rules = Some(rules_of_every_deal(ws, today));
    }
    let needle = query.text.as_str();
    if !needle.is_empty() && cache.entry_texts.is_none() {
        // on every core: the first letter of a filter waits for them
        // the action's words, and the person it is with and its owner:
        // `/` finds people everywhere (spec section 10)
        let lower = |_, e: &Entry| {
            let o = ws.opportunities.get(e.opportunity);
            let a = o.and_then(|o| e.action_on(o).map(|a| (o, a)));
            let (person, owner) = a.map_or(("", ""), |(o, a)| {
                let person = o.person_of(a).map_or("", |p| p.name.as_str());
                (person, a.owner.as_deref().unwrap_or(""))
            });
            vec![format!("{}\u{1}{person}\u{1}{owner}", e.text).to_lowercase()]
        };
        cache.entry_texts = Some(crate::domain::parallel::flat_map(list, lower));
        cache.deal_texts = Some(crate::domain::parallel::flat_map(
            &ws.opportunities,
            |_, o| {
                let name = names.get(o.account.as_str()).map_or("", |n| n.as_str());
                // kept apart by a character nobody types
                vec![format!("{}\u{1}{name}\u{1}{}", o.title, o.owner).to_lowercase()]
            },
        ));
    }
    let rules = cache.flag_rules.as_deref().unwrap_or_default();
    let entry_texts = cache.entry_texts.as_deref().unwrap_or_default();
    let deal_texts = cache.deal_texts.as_deref().unwrap_or_default();
    let mut deals: Vec<Option<Deal>> = vec![None; ws.opportunities.len()];
    (0..list.len())
        .filter(|n| {
            let e = &list[*n];
            let Some(o) = ws.opportunities.get(e.opportunity) else {
                return false;
            };
            let deal = *deals[e.opportunity].get_or_insert_with(|| {
                let name = names.get(o.account.as_str()).map_or("", |n| n.as_str());
                let keeps = query.keeps(o, name)
                    && (query.flag.is_empty()
                        || rules
                            .get(e.opportunity)
                            .is_some_and(|r| query.keeps_rules(r)));
                let text = !needle.is_empty()
                    && deal_texts
                        .get(e.opportunity)
                        .is_some_and(|t| t.contains(needle));
                Deal { keeps, text }
            });
            deal.keeps
                && (needle.is_empty()
                    || deal.text
                    || entry_texts.get(*n).is_some_and(|t| t.contains(needle)))
        })
        .collect()
}

/// The rules of every deal's red flags now (snoozed ones included, as
/// view 1's `flag:` reads them), in the order of the deals, on every core.
fn rules_of_every_deal(ws: &Workspace, today: Date) -> Vec<Vec<Rule>> {
    crate::domain::parallel::flat_map(&ws.opportunities, |_, o| {
        let mut rules: Vec<Rule> = crate::domain::flags::compute(o, &ws.settings, today)
            .into_iter()
            .map(|f| f.rule)
            .collect();
        rules.dedup();
        vec![rules]
    })
}
