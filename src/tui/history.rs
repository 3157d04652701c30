//! Undo and redo. A change records the records it touched, before and
//! after, not the whole workspace: at 10,000 deals a snapshot per keypress
//! would cost more than the edit.

use crate::domain::{Account, Opportunity, Workspace};

/// One record replaced, inserted (`before` is None) or removed (`after` is None).
// The variants differ in size (an opportunity is bigger than an account);
// patches live only in the undo stacks, a few hundred at most.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Patch {
    Opportunity {
        index: usize,
        before: Option<Opportunity>,
        after: Option<Opportunity>,
    },
    Account {
        index: usize,
        before: Option<Account>,
        after: Option<Account>,
    },
    /// The whole list of finished reviews (finishing a review adds one).
    Reviews {
        before: Vec<crate::domain::Review>,
        after: Vec<crate::domain::Review>,
    },
    /// A workspace-level field the format does not define (the review walk's
    /// progress).
    Extra {
        key: String,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    },
}

/// What one user action changed, with a label for the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub label: String,
    pub patches: Vec<Patch>,
}

impl Change {
    pub fn new(label: impl Into<String>) -> Change {
        Change {
            label: label.into(),
            patches: Vec::new(),
        }
    }

    /// Replaces the opportunity at `index`.
    pub fn replace_opportunity(
        mut self,
        ws: &Workspace,
        index: usize,
        after: Opportunity,
    ) -> Change {
        let before = ws.opportunities[index].clone();
        self.patches.push(Patch::Opportunity {
            index,
            before: Some(before),
            after: Some(after),
        });
        self
    }

    pub fn apply(&self, ws: &mut Workspace) {
        for p in &self.patches {
            set(ws, p, false);
        }
    }

    pub fn revert(&self, ws: &mut Workspace) {
        for p in self.patches.iter().rev() {
            set(ws, p, true);
        }
    }
}

fn set(ws: &mut Workspace, patch: &Patch, undo: bool) {
    match patch {
        Patch::Opportunity {
            index,
            before,
            after,
        } => {
            let (from, to) = if undo {
                (after, before)
            } else {
                (before, after)
            };
            put(&mut ws.opportunities, *index, from.is_some(), to.clone());
        }
        Patch::Account {
            index,
            before,
            after,
        } => {
            let (from, to) = if undo {
                (after, before)
            } else {
                (before, after)
            };
            put(&mut ws.accounts, *index, from.is_some(), to.clone());
        }
        Patch::Reviews { before, after } => {
            ws.reviews = if undo { before.clone() } else { after.clone() }
        }
        Patch::Extra { key, before, after } => match if undo { before } else { after } {
            Some(v) => {
                ws.extra.insert(key.clone(), v.clone());
            }
            None => {
                ws.extra.remove(key);
            }
        },
    }
}

fn put<T>(list: &mut Vec<T>, index: usize, present: bool, value: Option<T>) {
    match (present, value) {
        (true, Some(v)) => list[index] = v,
        (true, None) => {
            list.remove(index);
        }
        (false, Some(v)) => list.insert(index.min(list.len()), v),
        (false, None) => {}
    }
}

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

    /// Forgets everything (after a reload the old changes no longer apply).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
