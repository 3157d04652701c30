//! A team's roll-up (spec section 13): several sellers' workspaces read as
//! one. Ids are opaque and each workspace makes its own (`o1`, `o2`, …), so
//! the same id names different deals in different files; where an id occurs
//! in more than one workspace it is written `OWNER/ID`, and elsewhere as it is
//! (a seller's own scripts keep working on the roll-up).

use std::collections::{HashMap, HashSet};

/// Which ids of one kind (opportunities, or accounts) need their owner.
#[derive(Debug, Default, Clone)]
pub struct Qualifier {
    colliding: HashSet<String>,
}

impl Qualifier {
    /// From each workspace's ids of the kind: an id found in two or more
    /// of the lists collides (twice in one list is that file's own matter).
    pub fn new<'a, L, I>(lists: L) -> Qualifier
    where
        L: IntoIterator<Item = I>,
        I: IntoIterator<Item = &'a str>,
    {
        let mut first_in: HashMap<&'a str, usize> = HashMap::new();
        let mut colliding = HashSet::new();
        for (n, list) in lists.into_iter().enumerate() {
            for id in list {
                let seen = *first_in.entry(id).or_insert(n);
                if seen != n {
                    colliding.insert(id.to_owned());
                }
            }
        }
        Qualifier { colliding }
    }

    /// `id` as the roll-up writes it for the workspace of `owner`.
    pub fn id(&self, owner: &str, id: &str) -> String {
        if self.colliding.contains(id) {
            format!("{owner}/{id}")
        } else {
            id.to_owned()
        }
    }

    /// Whether `id` is written with its owner.
    pub fn collides(&self, id: &str) -> bool {
        self.colliding.contains(id)
    }
}

/// Every deal id a workspace writes: its deals' and those its review
/// snapshots name (a deal deleted since a review is still named there, and
/// must not pass for another seller's deal of the same id).
pub fn deal_ids(ws: &super::Workspace) -> impl Iterator<Item = &str> {
    ws.opportunities.iter().map(|o| o.id.as_str()).chain(
        ws.reviews
            .iter()
            .flat_map(|r| r.opportunities.iter().map(|s| s.id.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deal_only_a_review_names_still_collides() {
        let mut li = crate::domain::Workspace::new("Li", "CNY");
        li.reviews.push(crate::domain::workspace::Review {
            opportunities: vec![crate::domain::workspace::ReviewedOpportunity {
                id: "o9".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let mut wang = crate::domain::Workspace::new("Wang", "CNY");
        wang.opportunities.push(crate::domain::Opportunity {
            id: "o9".into(),
            ..Default::default()
        });
        let q = Qualifier::new([deal_ids(&li), deal_ids(&wang)]);
        assert_eq!(q.id("Li", "o9"), "Li/o9");
    }

    #[test]
    fn only_ids_found_in_two_workspaces_are_qualified() {
        let q = Qualifier::new([vec!["o1", "o2"], vec!["o2", "o3"], vec!["o3", "o3"]]);
        assert_eq!(q.id("Li", "o1"), "o1");
        assert_eq!(q.id("Li", "o2"), "Li/o2");
        assert_eq!(q.id("Wang", "o3"), "Wang/o3");
        let single = Qualifier::new([vec!["o1", "o1"]]);
        assert!(!single.collides("o1"));
    }
}
