//! The team view (spec section 13, issue 22): the workbench over several
//! sellers' workspaces combined into one ([`crate::domain::team_workspace`]),
//! read-only, with the owner column in the deal lists.

use super::app::App;
use crate::domain::Date;
use crate::domain::team_workspace::Combined;
use crate::store::ReadOnly;
use std::collections::HashMap;

/// What the screens know of the team beyond the combined workspace.
#[derive(Debug, Default)]
pub struct Team {
    /// How many workspaces are combined.
    pub workspaces: usize,
    /// A deal's own owner (by its combined id) where it is not its
    /// member's, shown beside the member's in the owner column.
    pub deal_owners: HashMap<String, String>,
    /// Members' files with merge conflicts still to resolve, and how many:
    /// the team view shows each file as it stands (ours of each conflict).
    pub unresolved: Vec<(String, usize)>,
    /// The widest member owner, in columns (view 2's owner column).
    pub owner_width: usize,
}

impl Team {
    /// The team of a combined workspace (its deals' own owners taken).
    pub fn of(combined: &Combined) -> Team {
        Team {
            workspaces: combined.owners.len(),
            deal_owners: combined.deal_owners.clone(),
            unresolved: combined.unresolved.clone(),
            owner_width: combined
                .owners
                .iter()
                .map(|o| crate::text::width(o))
                .max()
                .unwrap_or(0),
        }
    }

    /// Why nothing can be changed here.
    pub fn read_only(&self) -> ReadOnly {
        ReadOnly::Team {
            workspaces: self.workspaces,
        }
    }

    /// The owner column's text for a deal: its member's owner, then its
    /// own owner where that differs (`Li Wei · Zhao Lei`).
    pub fn owner_shown(&self, id: &str, member: &str) -> String {
        match self.deal_owners.get(id) {
            Some(own) => format!("{member} · {own}"),
            None => member.to_owned(),
        }
    }
}

impl App {
    /// The workbench over a team: read-only, titled as the team view.
    pub fn for_team(combined: Combined, today: Date) -> App {
        let team = Team::of(&combined);
        let mut app = App::new(
            combined.workspace,
            today,
            location(team.workspaces),
            Some(team.read_only().to_string()),
        );
        app.team = Some(team);
        app
    }
}

/// The title line's place: which view this is, where a path would be.
pub fn location(workspaces: usize) -> String {
    crate::tf!("team view of {workspaces} workspaces", workspaces)
}

/// The banner of a team view whose members have merge conflicts, and the
/// answer of `M` there: which files, and that each is resolved alone.
pub fn unresolved_banner(files: &[(String, usize)]) -> Option<String> {
    let each = listed(files)?;
    Some(crate::tf!(
        "merge conflicts in {each}: open a file alone (--workspace FILE) and press M",
        each
    ))
}

/// `a.json (3), b.json (1)`; `None` for no file.
fn listed(files: &[(String, usize)]) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    let each: Vec<String> = files
        .iter()
        .map(|(file, n)| crate::tf!("{file} ({n})", file, n))
        .collect();
    Some(each.join(", "))
}

/// The first message of a team view whose members have merge conflicts to
/// resolve: each file is shown as it stands, its side of each conflict
/// (`None`: none has).
pub fn unresolved(files: &[(String, usize)]) -> Option<String> {
    let each = listed(files)?;
    Some(crate::tf!(
        "merge conflicts to resolve in {each}: the team view shows each file as it stands; open a file alone to resolve them",
        each
    ))
}
