//! Undo and redo: the stacks of [`Change`]s the workbench committed.

use crate::domain::Workspace;
use crate::domain::change::Change;

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

/// How many changes undo reaches back.
const DEPTH: usize = 500;

impl History {
    /// Applies `change` and makes it the one to undo next.
    pub fn commit(&mut self, ws: &mut Workspace, change: Change) {
        change.apply(ws);
        self.done.push(change);
        if self.done.len() > DEPTH {
            self.done.remove(0);
        }
        self.undone.clear();
    }

    /// Reverts the last change; returns its label.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<String> {
        let change = self.done.pop()?;
        change.revert(ws);
        let label = change.label.clone();
        self.undone.push(change);
        Some(label)
    }

    /// Applies the last undone change again; returns its label.
    pub fn redo(&mut self, ws: &mut Workspace) -> Option<String> {
        let change = self.undone.pop()?;
        change.apply(ws);
        let label = change.label.clone();
        self.done.push(change);
        Some(label)
    }

    /// The change the last undo reverted.
    pub fn last_undone(&self) -> Option<&Change> {
        self.undone.last()
    }

    /// The change the last commit or redo applied.
    pub fn last_done(&self) -> Option<&Change> {
        self.done.last()
    }

    /// Forgets everything (after a reload the old changes no longer apply).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Patch;
    use crate::domain::{Account, Opportunity};

    fn opp(id: &str) -> Opportunity {
        Opportunity {
            id: id.into(),
            title: id.into(),
            ..Opportunity::default()
        }
    }

    #[test]
    fn insert_replace_remove_undo_and_redo_in_order() {
        let mut ws = Workspace::new("", "");
        ws.opportunities = vec![opp("a"), opp("b")];
        let start = ws.clone();
        let mut h = History::default();
        let mut c = Change::new("add c");
        c.patches.push(Patch::Opportunity {
            index: 1,
            before: None,
            after: Some(opp("c")),
        });
        c.patches.push(Patch::Account {
            index: 0,
            before: None,
            after: Some(Account {
                id: "x".into(),
                ..Account::default()
            }),
        });
        h.commit(&mut ws, c);
        assert_eq!(
            ws.opportunities
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "c", "b"]
        );
        let edited = Opportunity {
            title: "renamed".into(),
            ..opp("a")
        };
        let c = Change::new("rename").replace_opportunity(&ws, 0, edited);
        h.commit(&mut ws, c);
        let mut r = Change::new("remove b");
        r.patches.push(Patch::Opportunity {
            index: 2,
            before: Some(opp("b")),
            after: None,
        });
        h.commit(&mut ws, r);
        let end = ws.clone();
        assert_eq!(h.undo(&mut ws).as_deref(), Some("remove b"));
        assert_eq!(h.undo(&mut ws).as_deref(), Some("rename"));
        assert_eq!(h.undo(&mut ws).as_deref(), Some("add c"));
        assert_eq!(h.undo(&mut ws), None);
        assert_eq!(ws, start);
        for _ in 0..3 {
            h.redo(&mut ws).unwrap();
        }
        assert_eq!(ws, end);
        assert_eq!(h.redo(&mut ws), None);
    }
}
