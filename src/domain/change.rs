//! What an edit changed, for undo and redo. A change records the records it
//! touched, before and after, not the whole workspace: at 10,000 deals a
//! snapshot per keypress would cost more than the edit.

use super::{Account, Opportunity, ReviewProgress, Workspace};

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
        before: Vec<super::Review>,
        after: Vec<super::Review>,
    },
    /// The review walk's progress (finishing a review clears it).
    ReviewProgress {
        before: Option<ReviewProgress>,
        after: Option<ReviewProgress>,
    },
    /// The saved filters of the settings (saving one adds or replaces it).
    SavedFilters {
        before: std::collections::BTreeMap<String, String>,
        after: std::collections::BTreeMap<String, String>,
    },
    /// The language of the settings (`settings.language`, spec section 12),
    /// saved from the workbench's language switch.
    Language { before: String, after: String },
    /// The sales targets of the settings (spec section 8).
    Targets {
        before: Vec<super::Target>,
        after: Vec<super::Target>,
    },
    /// The whole settings (the settings form).
    Settings {
        before: Box<super::Settings>,
        after: Box<super::Settings>,
    },
    /// The merge's conflicts still to resolve (spec section 13).
    Conflicts {
        before: Vec<super::Conflict>,
        after: Vec<super::Conflict>,
    },
    /// The workspace's fields this version does not know (a conflict in one
    /// of them resolved).
    Extra {
        before: super::Extra,
        after: super::Extra,
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
            let (from, to) = travel(before, after, undo);
            put(&mut ws.opportunities, *index, from.is_some(), to.clone());
        }
        Patch::Account {
            index,
            before,
            after,
        } => {
            let (from, to) = travel(before, after, undo);
            put(&mut ws.accounts, *index, from.is_some(), to.clone());
        }
        Patch::Reviews { before, after } => {
            ws.reviews = if undo { before.clone() } else { after.clone() }
        }
        Patch::ReviewProgress { before, after } => {
            let to = if undo { before } else { after };
            if to.is_some() {
                // a progress the file held that could not be read is
                // replaced now, else the key would be written twice
                ws.extra.remove(super::review::PROGRESS_KEY);
            }
            ws.review_in_progress = to.clone();
        }
        Patch::SavedFilters { before, after } => {
            ws.settings.saved_filters = if undo { before.clone() } else { after.clone() }
        }
        Patch::Language { before, after } => {
            ws.settings.language = if undo { before.clone() } else { after.clone() }
        }
        Patch::Targets { before, after } => {
            ws.settings.targets = if undo { before.clone() } else { after.clone() }
        }
        Patch::Conflicts { before, after } => {
            ws.conflicts = if undo { before.clone() } else { after.clone() }
        }
        Patch::Extra { before, after } => {
            ws.extra = if undo { before.clone() } else { after.clone() }
        }
        Patch::Settings { before, after } => {
            ws.settings = if undo {
                (**before).clone()
            } else {
                (**after).clone()
            }
        }
    }
}

/// A record patch's (record there before, record there after) when the
/// patch is applied, or reverted (`undo`).
pub fn travel<'a, T>(
    before: &'a Option<T>,
    after: &'a Option<T>,
    undo: bool,
) -> (&'a Option<T>, &'a Option<T>) {
    if undo {
        (after, before)
    } else {
        (before, after)
    }
}

/// Puts `value` at `index` of a list: replaces what is there (`present`),
/// inserts it, or removes what is there (`value` is `None`). The saver keeps
/// its record bytes in step with the records through it too.
pub fn put<T>(list: &mut Vec<T>, index: usize, present: bool, value: Option<T>) {
    match (present, value) {
        (true, Some(v)) => list[index] = v,
        (true, None) => {
            list.remove(index);
        }
        (false, Some(v)) => list.insert(index.min(list.len()), v),
        (false, None) => {}
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
    fn a_change_reverted_leaves_the_workspace_as_it_was() {
        let mut ws = Workspace::new("", "");
        ws.opportunities = vec![opp("a"), opp("b")];
        let start = ws.clone();
        let mut c = Change::new("several").replace_opportunity(&ws, 0, opp("a2"));
        c.patches.push(Patch::Opportunity {
            index: 1,
            before: Some(opp("b")),
            after: None,
        });
        c.patches.push(Patch::Opportunity {
            index: 1,
            before: None,
            after: Some(opp("c")),
        });
        c.patches.push(Patch::ReviewProgress {
            before: None,
            after: Some(ReviewProgress {
                on: crate::domain::Date::parse("2026-03-02").unwrap(),
                ..ReviewProgress::default()
            }),
        });
        c.apply(&mut ws);
        let ids: Vec<&str> = ws.opportunities.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["a2", "c"]);
        assert!(ws.review_in_progress.is_some());
        c.revert(&mut ws);
        assert_eq!(ws, start);
    }
}
