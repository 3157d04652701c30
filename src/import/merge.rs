//! Merging read rows into the workspace, so that importing the same file
//! twice changes nothing.

use super::read::Row;
use super::values::Place;
use crate::domain::ids::next_id;
use crate::domain::{Account, Action, Date, Opportunity, Stage, StageEntry, Workspace};
use std::collections::HashMap;

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub accounts_added: usize,
}

const SOURCE_ID: &str = "source_id";
const NO_ACCOUNT: &str = "(no account in the import)";

/// Merges `rows` into `ws`: a deal whose `source_id` (kept as a field of its
/// own) is already there is updated, the others are added; accounts are
/// matched by name and created when missing.
pub fn merge(ws: &mut Workspace, rows: &[Row], today: Date) -> Summary {
    let mut summary = Summary::default();
    let mut by_source: HashMap<String, usize> = HashMap::new();
    for (n, o) in ws.opportunities.iter().enumerate() {
        if let Some(id) = o.extra.get(SOURCE_ID).and_then(|v| v.as_str()) {
            by_source.insert(id.to_owned(), n);
        }
    }
    let mut accounts: HashMap<String, String> = ws
        .accounts
        .iter()
        .map(|a| (a.name.clone(), a.id.clone()))
        .collect();
    let mut next_opp = ws
        .opportunities
        .iter()
        .filter_map(|o| o.id.strip_prefix('o')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    for row in rows {
        let name = if row.account.is_empty() {
            NO_ACCOUNT
        } else {
            row.account.as_str()
        };
        let account = match accounts.get(name) {
            Some(id) => id.clone(),
            None => {
                let id = next_id("a", ws.accounts.iter().map(|a| a.id.as_str()));
                ws.accounts.push(Account {
                    id: id.clone(),
                    name: name.to_owned(),
                    ..Default::default()
                });
                accounts.insert(name.to_owned(), id.clone());
                summary.accounts_added += 1;
                id
            }
        };
        // an export without ids: the title and account stand in for one, so
        // importing it again updates instead of duplicating
        let key = if row.source_id.is_empty() {
            format!("title+account:{}@{}", row.title, name)
        } else {
            row.source_id.clone()
        };
        let existing = by_source.get(&key).copied();
        let mut o = match existing {
            Some(n) => ws.opportunities[n].clone(),
            None => {
                next_opp += 1;
                let stage = match row.place {
                    Place::Stage(s) => s,
                    Place::Closed(_) => row.stage.unwrap_or(Stage::Close),
                };
                let created = row.created.unwrap_or(today);
                let mut o = Opportunity {
                    id: format!("o{next_opp}"),
                    stage,
                    created: Some(created),
                    stage_history: vec![StageEntry {
                        stage,
                        entered: created,
                        ..Default::default()
                    }],
                    expected_close: row.close,
                    ..Default::default()
                };
                o.extra.insert(SOURCE_ID.into(), key.clone().into());
                if !row.next_step.is_empty() {
                    o.actions.push(Action {
                        id: "t1".into(),
                        text: row.next_step.clone(),
                        created: Some(today),
                        ..Default::default()
                    });
                }
                o
            }
        };
        let before = o.clone();
        o.title = row.title.clone();
        o.account = account;
        o.value = row.value;
        o.probability = row.probability.or(o.probability);
        if !row.owner.is_empty() {
            o.owner = row.owner.clone();
        }
        if !row.product.is_empty() {
            o.product = row.product.clone();
        }
        if !row.notes.is_empty() {
            o.notes = row.notes.clone();
        }
        if !row.tags.is_empty() {
            o.tags = row.tags.clone();
        }
        match row.place {
            Place::Stage(s) => {
                o.reopen(today);
                o.set_stage(s, today);
            }
            Place::Closed(result) => {
                if o.outcome.as_ref().is_none_or(|x| x.result != result) {
                    o.close(result, row.close.unwrap_or(today), "");
                }
            }
        }
        if existing.is_some() {
            o.set_expected_close(row.close, today);
        }
        match existing {
            Some(n) if o == before => {
                let _ = n;
                summary.unchanged += 1;
            }
            Some(n) => {
                ws.opportunities[n] = o;
                summary.updated += 1;
            }
            None => {
                by_source.insert(key, ws.opportunities.len());
                ws.opportunities.push(o);
                summary.added += 1;
            }
        }
    }
    summary
}
