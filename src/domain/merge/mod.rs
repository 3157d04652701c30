//! `funnel merge BASE OURS THEIRS` (spec section 13): a three-way merge of
//! one workspace, record by record (by id) and field by field, for git's
//! merge driver. Git's line merge of two edits to one JSON file leaves
//! conflict markers and a file that no longer loads; this merge always
//! gives a workspace that loads, keeping OURS where both sides changed a
//! field differently and recording the other values in `conflicts`.
//!
//! The three versions are typed workspaces. A record the same on two sides
//! is settled by comparing records, so merging two 10,000-deal versions
//! costs little beyond reading them; only a record both sides changed is
//! merged field by field, as JSON ([`value`]). The result is then checked
//! like a file being loaded, and what the field merge broke (a deal on an
//! account the other side deleted, an action on a removed influence) is
//! mended ([`repair`]).

pub mod path;
mod repair;
pub mod resolve;
mod top;
mod value;

use super::workspace::{Conflict, Workspace};

/// What a merge gives.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged workspace; its `conflicts` hold those of both sides not
    /// yet resolved and the new ones.
    pub workspace: Workspace,
    /// The conflicts this merge found (also in `workspace.conflicts`).
    pub conflicts: Vec<Conflict>,
    /// Records both sides added under the same id: theirs took a new one.
    pub renamed: Vec<Renamed>,
}

/// A record of THEIRS given a new id, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The list, as a conflict path names it: `opportunities`,
    /// `opportunities[o3].influences`.
    pub list: String,
    pub from: String,
    pub to: String,
}

/// Merges OURS and THEIRS, two edits of BASE (an empty workspace when they
/// have no common ancestor).
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merged {
    let mut merger = value::Merger::default();
    let theirs = top::rename_collisions(base, ours, theirs, &mut merger.renamed);
    let theirs = theirs.as_ref();
    let mut ws = top::merge(&mut merger, base, ours, theirs);
    keep_histories(&mut ws, ours, &merger.conflicts);
    repair::repair(&mut ws, base, ours, theirs, &mut merger);
    note_accounts_of_deleted_deals(&ws, base, theirs, &mut merger.conflicts);
    let value::Merger {
        mut conflicts,
        renamed,
    } = merger;
    // one conflict a path: a later finding (a mend) replaces an earlier
    let mut seen = std::collections::HashSet::new();
    conflicts.reverse();
    conflicts.retain(|c| seen.insert(c.path.clone()));
    conflicts.reverse();
    // a conflict found again replaces the one the sides already had
    let mut all: Vec<Conflict> = std::mem::take(&mut ws.conflicts)
        .into_iter()
        .filter(|c| !conflicts.iter().any(|n| n.path == c.path))
        .collect();
    all.extend(conflicts.iter().cloned());
    ws.conflicts = all;
    Merged {
        workspace: ws,
        conflicts,
        renamed,
    }
}

/// A deal whose stage (or close date) kept ours in a conflict keeps ours'
/// stage history (or close history) too: merged, it would end with their
/// entry, and the days in stage and the stalled flag read the last one.
/// Taking theirs later adds theirs' entry (`resolve`).
fn keep_histories(ws: &mut Workspace, ours: &Workspace, conflicts: &[Conflict]) {
    use path::{Path, Step};
    for c in conflicts {
        let Some(Path(steps)) = Path::parse(&c.path) else {
            continue;
        };
        let [Step::Key(list), Step::Item(key), Step::Key(field)] = steps.as_slice() else {
            continue;
        };
        let (Some(id), true) = (
            key.first().and_then(|k| k.as_str()),
            list == "opportunities",
        ) else {
            continue;
        };
        let (Some(deal), Some(mine)) = (ws.opportunity_mut(id), ours.opportunity(id)) else {
            continue;
        };
        match field.as_str() {
            "stage" => deal.stage_history = mine.stage_history.clone(),
            "expected_close" => deal.close_history = mine.close_history.clone(),
            _ => {}
        }
    }
}

/// A deal ours deleted and theirs changed is a conflict whose "take
/// theirs" brings it back; when ours deleted its account too, that account
/// is recorded beside it (ours `null`), so that taking the deal can bring
/// its account back with it (`resolve`).
fn note_accounts_of_deleted_deals(
    ws: &Workspace,
    base: &Workspace,
    theirs: &Workspace,
    conflicts: &mut Vec<Conflict>,
) {
    use path::Path;
    let mut more = Vec::new();
    for c in conflicts.iter() {
        let deal = Path::parse(&c.path).is_some_and(|p| p.is_record_of("opportunities"));
        let Some(account) = c.theirs.get("account").and_then(|a| a.as_str()) else {
            continue;
        };
        if !deal || !c.ours.is_null() || ws.account(account).is_some() {
            continue;
        }
        let path = Path::record("accounts", account).to_string();
        if conflicts
            .iter()
            .chain(&more)
            .any(|c: &Conflict| c.path == path)
        {
            continue;
        }
        let json = |a: Option<&crate::domain::Account>| {
            a.and_then(|a| serde_json::to_value(a).ok())
                .unwrap_or(serde_json::Value::Null)
        };
        let theirs_one = json(theirs.account(account).or_else(|| base.account(account)));
        if theirs_one.is_null() {
            continue;
        }
        more.push(Conflict {
            path,
            ours: serde_json::Value::Null,
            theirs: theirs_one,
            base: json(base.account(account)),
            extra: Default::default(),
        });
    }
    conflicts.extend(more);
}

#[cfg(test)]
mod tests;
