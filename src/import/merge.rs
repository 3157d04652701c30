//! Merging read rows into the workspace, so that importing the same file
//! twice changes nothing, and so that no deal is ever lost or overwritten by
//! mistake.
//!
//! Ids are qualified by their source. An imported deal keeps the id the
//! other system gave it in `extra.source_id` (unchanged since the first
//! importer, so existing workspaces and scripts keep reading it) and the
//! name of that system in `extra.source` (`--source NAME`, else guessed, see
//! `source.rs`). A row matches a deal only when both are equal: Salesforce's
//! `1` and HubSpot's `1` are two deals. Deals imported before sources were
//! recorded have a `source_id` and no `source`: the first import whose id
//! equals theirs claims them (and writes its source into them), so
//! re-importing the file they came from still updates instead of
//! duplicating.

use super::columns::Field;
use super::read::{Read, Row};
use super::values::Place;
use crate::domain::ids::next_id;
use crate::domain::{Account, Action, Date, Opportunity, Stage, StageEntry, Workspace};
use std::collections::{BTreeMap, HashMap};

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub accounts_added: usize,
    /// Rows that would have become the same deal as an earlier row of the
    /// file (its line, the earlier line): each is kept as a deal of its own.
    pub collisions: Vec<(u64, u64)>,
    /// Closed deals without a close date, dated by their last modification.
    pub dated_by_modified: usize,
    /// Closed deals with no date at all, dated today.
    pub dated_today: usize,
}

const SOURCE_ID: &str = "source_id";
const SOURCE: &str = "source";
const NO_ACCOUNT: &str = "(no account in the import)";

/// The id of a row in its source: its id column, or for an export without
/// ids the title and account, numbered from the second row that shares them
/// (`…#2`), so such rows stay separate deals and a re-import matches each
/// to the deal it made.
fn row_keys(rows: &[Row], summary: &mut Summary) -> Vec<String> {
    let mut first: HashMap<String, (u64, usize)> = HashMap::new();
    rows.iter()
        .map(|row| {
            if !row.source_id.is_empty() {
                // the reader refuses an id twice in one file
                return row.source_id.clone();
            }
            let account = if row.account.is_empty() {
                NO_ACCOUNT
            } else {
                &row.account
            };
            let key = format!("title+account:{}@{}", row.title, account);
            let seen = first.entry(key.clone()).or_insert((row.line, 0));
            seen.1 += 1;
            if seen.1 == 1 {
                key
            } else {
                summary.collisions.push((row.line, seen.0));
                format!("{key}#{}", seen.1)
            }
        })
        .collect()
}

/// Merges `read.rows` from `source` into `ws`: a deal with the same source
/// and id is updated, the others are added; accounts are matched by name
/// and created when missing. A field the file has no column for is never
/// written over an existing deal's value.
pub fn merge(ws: &mut Workspace, read: &Read, source: &str, today: Date) -> Summary {
    let mut summary = Summary::default();
    let has = |f: Field| read.columns.contains_key(&f);
    let keys = row_keys(&read.rows, &mut summary);
    let mut by_source: HashMap<(String, String), usize> = HashMap::new();
    let mut legacy: HashMap<String, usize> = HashMap::new();
    for (n, o) in ws.opportunities.iter().enumerate() {
        let Some(id) = o.extra.get(SOURCE_ID).and_then(|v| v.as_str()) else {
            continue;
        };
        match o.extra.get(SOURCE).and_then(|v| v.as_str()) {
            Some(s) => by_source.insert((s.to_owned(), id.to_owned()), n),
            None => legacy.insert(id.to_owned(), n),
        };
    }
    let mut accounts: HashMap<String, String> = ws
        .accounts
        .iter()
        .map(|a| (a.name.clone(), a.id.clone()))
        .collect();
    // accounts an earlier import named from an Account.csv, by the id
    // the source gave them: the same export imported again without its
    // Account.csv names its accounts by that id, and they are these
    let by_account_id: HashMap<String, String> = ws
        .accounts
        .iter()
        .filter(|a| a.extra.get(SOURCE).and_then(|v| v.as_str()) == Some(source))
        .filter_map(|a| {
            let id = a.extra.get(SOURCE_ID)?.as_str()?;
            Some((id.to_owned(), a.id.clone()))
        })
        .collect();
    let mut next_opp = ws
        .opportunities
        .iter()
        .filter_map(|o| o.id.strip_prefix('o')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    for (row, key) in read.rows.iter().zip(keys) {
        let name = if row.account.is_empty() {
            NO_ACCOUNT
        } else {
            row.account.as_str()
        };
        let qualified = (source.to_owned(), key.clone());
        let existing = match by_source.get(&qualified) {
            Some(n) => Some(*n),
            None => legacy.remove(&key),
        };
        // a deal's account changes only when the file has an account column
        let account = if existing.is_some() && !has(Field::Account) {
            None
        } else {
            let known_id = (row.account_id.is_empty())
                .then(|| by_account_id.get(name))
                .flatten();
            Some(match known_id.or_else(|| accounts.get(name)) {
                Some(id) => id.clone(),
                None => {
                    let id = next_id("a", ws.accounts.iter().map(|a| a.id.as_str()));
                    let mut account = Account {
                        id: id.clone(),
                        name: name.to_owned(),
                        ..Default::default()
                    };
                    if !row.account_id.is_empty() {
                        account.extra.insert(SOURCE.into(), source.into());
                        account
                            .extra
                            .insert(SOURCE_ID.into(), row.account_id.clone().into());
                    }
                    ws.accounts.push(account);
                    accounts.insert(name.to_owned(), id.clone());
                    summary.accounts_added += 1;
                    id
                }
            })
        };
        let mut o = match existing {
            Some(n) => ws.opportunities[n].clone(),
            None => {
                next_opp += 1;
                new_deal(row, format!("o{next_opp}"), &key, today)
            }
        };
        // only an existing deal can be unchanged: a new one is not copied
        let before = existing.map(|_| o.clone());
        o.extra.insert(SOURCE.into(), source.into());
        apply(&mut o, row, existing.is_none(), &has, today, &mut summary);
        if let Some(account) = account {
            o.account = account;
        }
        match existing {
            Some(_) if before.as_ref() == Some(&o) => summary.unchanged += 1,
            Some(n) => {
                ws.opportunities[n] = o;
                summary.updated += 1;
            }
            None => {
                ws.opportunities.push(o);
                summary.added += 1;
            }
        }
        by_source.insert(qualified, existing.unwrap_or(ws.opportunities.len() - 1));
    }
    summary
}

fn new_deal(row: &Row, id: String, key: &str, today: Date) -> Opportunity {
    let stage = match row.place {
        Place::Stage(s) => s,
        Place::Closed(_) => row.stage.unwrap_or(Stage::Close),
    };
    let created = row.created.unwrap_or(today);
    let mut o = Opportunity {
        id,
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
    o.extra.insert(SOURCE_ID.into(), key.into());
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

/// Writes the row's values into the deal: every field of a new deal, but
/// only the fields the file has a column for into an existing one.
fn apply(
    o: &mut Opportunity,
    row: &Row,
    new: bool,
    has: &dyn Fn(Field) -> bool,
    today: Date,
    summary: &mut Summary,
) {
    let write = |f: Field| new || has(f);
    if write(Field::Title) {
        o.title = row.title.clone();
    }
    if write(Field::Value) {
        o.value = row.value;
    }
    o.probability = row.probability.or(o.probability);
    // an empty cell (or no column) keeps the category set before
    o.forecast_category = row.forecast_category.or(o.forecast_category);
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
    // a competitor the file names joins the competition; the ones there
    // keep their position and notes (a re-import never resets them)
    for name in &row.competitors {
        if !o.has_competitor(name) {
            let id = crate::domain::ids::next_id("c", o.competition.iter().map(|c| c.id.as_str()));
            o.competition.push(crate::domain::Competitor {
                id,
                name: name.clone(),
                ..Default::default()
            });
        }
    }
    match row.place {
        Place::Stage(s) => {
            o.reopen(today);
            o.set_stage(s, today);
        }
        Place::Closed(result) => {
            let code = (!row.reason_code.is_empty()).then(|| row.reason_code.clone());
            if o.outcome.as_ref().is_none_or(|x| x.result != result) {
                // the day it was closed, else its close date; never date a
                // closed deal today without saying so
                let on = match (row.closed_on.or(row.close), row.modified) {
                    (Some(d), _) => d,
                    (None, Some(d)) => {
                        summary.dated_by_modified += 1;
                        d
                    }
                    (None, None) => {
                        summary.dated_today += 1;
                        today
                    }
                };
                o.close(result, on, &row.reason);
                if let Some(outcome) = o.outcome.as_mut() {
                    outcome.reason_code = code;
                }
            } else if let Some(outcome) = o.outcome.as_mut() {
                if has(Field::Reason) {
                    outcome.reason = row.reason.clone();
                }
                if has(Field::ReasonCode) {
                    outcome.reason_code = code;
                }
                // an empty cell leaves the date: an outcome always has one
                if let Some(d) = row.closed_on {
                    outcome.on = d;
                }
            }
        }
    }
    if !new && has(Field::Close) {
        o.set_expected_close(row.close, today);
    }
}

/// The plan's column lines: which column fed each field, and the fields a
/// seller expects that the file has no column for.
pub fn describe_columns(columns: &BTreeMap<Field, String>) -> (Vec<String>, Vec<&'static str>) {
    let used = columns
        .iter()
        .map(|(f, h)| format!("{} ← {h:?}", f.name()))
        .collect();
    let missing = Field::EXPECTED
        .iter()
        .filter(|f| !columns.contains_key(f))
        .map(|f| f.name())
        .collect();
    (used, missing)
}
