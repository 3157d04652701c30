//! Marked rows of a list, for acting on many at once (issue 16). A mark
//! names its record (a deal's id, an action's deal and id), not a row, so
//! it follows the record through sorting and filtering; marks of records
//! that are gone are dropped when the list is rebuilt.

use std::collections::HashSet;
use std::hash::Hash;

#[derive(Debug, Clone)]
pub struct Marks<K> {
    set: HashSet<K>,
    /// The row marked or unmarked last: `V` marks from it to the selection.
    anchor: Option<K>,
}

impl<K> Default for Marks<K> {
    fn default() -> Self {
        Marks {
            set: HashSet::new(),
            anchor: None,
        }
    }
}

impl<K: Eq + Hash + Clone> Marks<K> {
    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    pub fn contains<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.set.contains(key)
    }

    /// Marks `key`, or unmarks it when marked; it becomes the anchor.
    pub fn toggle(&mut self, key: K) {
        if !self.set.remove(&key) {
            self.set.insert(key.clone());
        }
        self.anchor = Some(key);
    }

    /// The row marked or unmarked last, while it exists.
    pub fn anchor(&self) -> Option<&K> {
        self.anchor.as_ref()
    }

    /// Marks every key of `keys`; the last becomes the anchor.
    pub fn mark_all(&mut self, keys: impl IntoIterator<Item = K>) {
        for k in keys {
            self.set.insert(k.clone());
            self.anchor = Some(k);
        }
    }

    /// Drops every mark; returns how many there were.
    pub fn clear(&mut self) -> usize {
        self.anchor = None;
        std::mem::take(&mut self.set).len()
    }

    /// Keeps only the marks `exists` accepts (the records still there).
    pub fn retain(&mut self, mut exists: impl FnMut(&K) -> bool) {
        self.set.retain(|k| exists(k));
        if self.anchor.as_ref().is_some_and(|a| !exists(a)) {
            self.anchor = None;
        }
    }

    /// The marked keys, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.set.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_range_and_dropping_the_gone() {
        let mut m = Marks::default();
        m.toggle("b");
        assert!(m.contains(&"b"));
        let rows = ["a", "b", "c", "d"];
        assert_eq!(m.anchor(), Some(&"b"));
        m.mark_all(rows[1..=3].iter().copied());
        assert_eq!(m.len(), 3);
        m.toggle("c");
        assert_eq!(m.len(), 2);
        m.retain(|k| *k != "d");
        assert_eq!(m.len(), 1);
        assert_eq!(m.clear(), 1);
        assert!(m.is_empty());
    }
}
