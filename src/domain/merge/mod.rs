//! `funnel merge BASE OURS THEIRS` (spec section 13): a three-way merge of
//! one workspace, record by record (by id) and field by field, for git's
//! merge driver. Git's line merge of two edits to one JSON file leaves
//! conflict markers and a file that no longer loads; this merge always
//! gives a workspace that loads, keeping OURS where both sides changed a
//! field differently and recording the other values in `conflicts`.

pub mod resolve;

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
    let _ = (base, ours, theirs);
    todo!("being written")
}
