//! View 2's filter: the words of view 1's (`stage:`, `owner:`, `tag:`,
//! `flag:`, `account:`) apply to the entry's deal; the text is searched in
//! the action's text and in its deal's title, account name and owner.

use crate::domain::priority::Entry;
use crate::domain::{Date, Workspace};
use crate::tui::filter::Query;
use std::collections::HashMap;

/// What the filter decided per deal, worked out the first time one of its
/// entries is looked at: a deal has many entries, and its flags cost far
/// more than the look-up.
#[derive(Clone, Copy, Default)]
struct Deal {
    /// Passes the key words, `flag:` included.
    keeps: bool,
    /// Its title, account name or owner holds the text.
    text: bool,
}

/// Keeps the entries of `list` that `typed` lets through.
pub fn filter(ws: &Workspace, today: Date, typed: &str, list: Vec<Entry>) -> Vec<Entry> {
    let query = Query::parse(typed);
    if query.is_empty() {
        return list;
    }
    let names: HashMap<&str, String> = ws
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.to_lowercase()))
        .collect();
    let needle = query.text.as_str();
    let mut deals: Vec<Option<Deal>> = vec![None; ws.opportunities.len()];
    list.into_iter()
        .filter(|e| {
            let Some(o) = ws.opportunities.get(e.opportunity) else {
                return false;
            };
            let deal = *deals[e.opportunity].get_or_insert_with(|| {
                let name = names.get(o.account.as_str()).map_or("", |n| n.as_str());
                // flags are computed only for a `flag:` word, and last
                let keeps = query.keeps(o, name)
                    && (query.flag.is_empty()
                        || query.keeps_flags(&crate::domain::flags::compute(
                            o,
                            &ws.settings,
                            today,
                        )));
                let text = !needle.is_empty()
                    && (o.title.to_lowercase().contains(needle)
                        || name.contains(needle)
                        || o.owner.to_lowercase().contains(needle));
                Deal { keeps, text }
            });
            deal.keeps && (needle.is_empty() || deal.text || e.text.to_lowercase().contains(needle))
        })
        .collect()
}
