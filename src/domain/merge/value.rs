//! The three-way merge of JSON values: objects field by field, lists of
//! records by their key (an id, or the fields the format keys them by),
//! other lists as collections, anything else as one value. Records both
//! sides added under the same id are told apart by giving theirs a new id,
//! and the references to it on their side follow.

use super::Renamed;
use super::path::{Path, Step};
use crate::domain::workspace::Conflict;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Lists keyed by fields other than `id` (by their field path).
const KEYED: &[(&[&str], &[&str])] = &[
    (&["settings", "targets"], &["period", "owner"]),
    (&["reviews"], &["on"]),
    (&["reviews", "opportunities"], &["id"]),
    (&["opportunities", "snoozed"], &["rule", "subject"]),
    (&["opportunities", "team"], &["name"]),
    (&["conflicts"], &["path"]),
];

/// Lists whose entries are dated, kept in date order when both sides added
/// to them (a stage history read out of order would name the wrong stage).
const DATED: &[(&[&str], &str)] = &[
    (&["opportunities", "stage_history"], "entered"),
    (&["opportunities", "close_history"], "on"),
    (&["opportunities", "log"], "on"),
    (&["accounts", "satisfaction"], "on"),
];

/// Where a record's id lists are referred to from, inside the same record:
/// (record, list) → the (list, field) pairs holding its ids.
/// (list, field) pairs: where one list's ids are referred to.
type Refs = &'static [(&'static str, &'static str)];

const REFERENCES: &[(&[&str], &str, Refs)] = &[
    (
        &["opportunities"],
        "influences",
        &[
            ("influences", "reports_to"),
            ("actions", "influence"),
            ("decision_criteria", "held_by"),
            ("snoozed", "subject"),
        ],
    ),
    (&["opportunities"], "actions", &[("snoozed", "subject")]),
];

/// Fields that make an element the record it is: changed, it is another
/// record under a reused id (`next_id` gives a deleted action's id to the
/// next new one), not an edit of the same. Both sides changing such an
/// element is one conflict on the whole element, never a mix of the two.
const IDENTITY: &[(&[&str], &[&str])] = &[
    (&["opportunities", "actions"], &["created"]),
    (&["opportunities", "influences"], &["name"]),
    (&["opportunities", "flags"], &["raised"]),
    (&["opportunities", "competition"], &["name"]),
    (&["opportunities", "decision_criteria"], &["text"]),
    (&["opportunities", "close_plan"], &["text"]),
    (&["accounts", "contacts"], &["name"]),
    (&["accounts", "credit", "invoices"], &["issued"]),
    (&["accounts", "complaints"], &["raised"]),
];

/// Whether `a` and `b`, versions of one element of the list at `pattern`,
/// differ in a field that says which record it is.
fn other_record(pattern: &[&str], a: &Value, b: &Value) -> bool {
    IDENTITY
        .iter()
        .find(|(p, _)| *p == pattern)
        .is_some_and(|(_, fields)| fields.iter().any(|f| !same(a.get(*f), b.get(*f))))
}

/// The key fields of the list at `pattern`, or `None` to merge it as a
/// collection: the table above, else `id` when every element of the three
/// versions is an object with a string id; never when a key repeats within
/// one version (the list is then not keyed by it).
pub(super) fn key_fields(
    pattern: &[&str],
    lists: [&[Value]; 3],
) -> Option<&'static [&'static str]> {
    let fields: &'static [&'static str] = match KEYED.iter().find(|(p, _)| *p == pattern) {
        Some((_, fields)) => fields,
        None => {
            let with_id = |v: &Value| v.get("id").is_some_and(Value::is_string);
            if lists.iter().all(|l| l.iter().all(with_id)) {
                &["id"]
            } else {
                return None;
            }
        }
    };
    let unique = |list: &[Value]| {
        let mut seen = HashSet::with_capacity(list.len());
        list.iter()
            .all(|v| seen.insert(key_text(&key_of(v, fields))))
    };
    lists.iter().all(|l| unique(l)).then_some(fields)
}

/// The key fields of the list at `pattern` when its versions are not at
/// hand (resolving a conflict): the table's, else `id`.
pub(super) fn list_key(pattern: &[&str]) -> &'static [&'static str] {
    KEYED
        .iter()
        .find(|(p, _)| *p == pattern)
        .map_or(&["id"], |(_, fields)| fields)
}

/// The key of an element: its key fields' values (null when absent).
pub(super) fn key_of(v: &Value, fields: &[&str]) -> Vec<Value> {
    fields
        .iter()
        .map(|f| v.get(*f).cloned().unwrap_or(Value::Null))
        .collect()
}

fn key_text(key: &[Value]) -> String {
    Value::Array(key.to_vec()).to_string()
}

/// Absent and `null` read alike: an optional field not set.
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    fn set(v: Option<&Value>) -> Option<&Value> {
        v.filter(|v| !v.is_null())
    }
    set(a) == set(b)
}

/// The merge's findings so far.
#[derive(Debug, Default)]
pub(super) struct Merger {
    pub conflicts: Vec<Conflict>,
    pub renamed: Vec<Renamed>,
}

impl Merger {
    /// Records that both sides changed `path` differently, and keeps ours.
    pub fn conflict(
        &mut self,
        path: &Path,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let or_null = |v: Option<&Value>| v.cloned().unwrap_or(Value::Null);
        self.conflicts.push(Conflict {
            path: path.to_string(),
            ours: or_null(ours),
            theirs: or_null(theirs),
            base: or_null(base),
            extra: Default::default(),
        });
        ours.cloned()
    }

    /// The merge of one value (`None`: absent); `path` is where it is.
    pub fn value(
        &mut self,
        path: &mut Path,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if same(ours, theirs) || same(base, theirs) {
            return ours.cloned();
        }
        if same(base, ours) {
            return theirs.cloned();
        }
        match (base, ours, theirs) {
            (Some(Value::Object(b)), Some(Value::Object(o)), Some(Value::Object(t))) => {
                Some(Value::Object(self.object(path, b, o, t)))
            }
            // Both sellers finished the Monday review: two snapshots of one
            // date are one snapshot, entry by entry (a deal each side added
            // is in it), not a choice between them.
            (None, Some(Value::Object(o)), Some(Value::Object(t)))
                if path.pattern() == ["reviews"] =>
            {
                Some(Value::Object(self.object(path, &Map::new(), o, t)))
            }
            (b, Some(Value::Array(o)), Some(Value::Array(t))) => {
                let empty = Vec::new();
                let b = match b {
                    Some(Value::Array(b)) => b,
                    _ => &empty,
                };
                Some(self.list(path, b, o, t))
            }
            _ => self.conflict(path, base, ours, theirs),
        }
    }

    /// An object field by field (fields in ours' order, then theirs' new
    /// ones), after giving their side's colliding new ids new ones.
    fn object(
        &mut self,
        path: &mut Path,
        base: &Map<String, Value>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let renamed;
        let theirs = match self.rename_collisions(path, base, ours, theirs) {
            Some(t) => {
                renamed = t;
                &renamed
            }
            None => theirs,
        };
        let mut out = Map::new();
        let keys = ours
            .keys()
            .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        // A deal's `competitors` is written from its `competition` for older
        // readers; merged on its own it would bring back, as a new
        // competitor, a name one side changed. It is left out and written
        // again from the merged `competition`.
        let derived = path.pattern() == ["opportunities"];
        for k in keys {
            if derived && k == "competitors" {
                continue;
            }
            path.0.push(Step::Key(k.clone()));
            if let Some(v) = self.value(path, base.get(k), ours.get(k), theirs.get(k)) {
                out.insert(k.clone(), v);
            }
            path.0.pop();
        }
        out
    }

    /// A list: by key when its elements have one, else as a collection.
    fn list(&mut self, path: &mut Path, base: &[Value], ours: &[Value], theirs: &[Value]) -> Value {
        let pattern = path.pattern();
        let dated = DATED.iter().find(|(p, _)| *p == pattern).map(|(_, f)| *f);
        let merged = match key_fields(&pattern, [base, ours, theirs]) {
            Some(fields) => self.keyed(path, fields, base, ours, theirs),
            None => collection(base, ours, theirs),
        };
        let mut merged = merged;
        if let Some(field) = dated
            && merged != ours
        {
            merged.sort_by(|a, b| {
                let at = |v: &Value| v.get(field).and_then(Value::as_str).map(str::to_owned);
                at(a).cmp(&at(b))
            });
        }
        Value::Array(merged)
    }

    fn keyed(
        &mut self,
        path: &mut Path,
        fields: &[&str],
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let index = |list: &[Value]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(i, v)| (key_text(&key_of(v, fields)), i))
                .collect()
        };
        let (kb, ko, kt) = (index(base), index(ours), index(theirs));
        let owned: Vec<String> = path.pattern().iter().map(|k| (*k).to_owned()).collect();
        let pattern: Vec<&str> = owned.iter().map(String::as_str).collect();
        let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
        for o in ours {
            let key = key_of(o, fields);
            let text = key_text(&key);
            let b = kb.get(&text).map(|&i| &base[i]);
            path.0.push(Step::Item(key));
            match (b, kt.get(&text).map(|&i| &theirs[i])) {
                (Some(b), Some(t))
                    if !same(Some(b), Some(o))
                        && !same(Some(b), Some(t))
                        && !same(Some(o), Some(t))
                        && (other_record(&pattern, b, o) || other_record(&pattern, b, t)) =>
                {
                    out.extend(self.conflict(path, Some(b), Some(o), Some(t)));
                }
                (b, Some(t)) => out.extend(self.value(path, b, Some(o), Some(t))),
                // they removed it: gone, unless we changed it
                (Some(b), None) if same(Some(b), Some(o)) => {}
                (Some(b), None) => out.extend(self.conflict(path, Some(b), Some(o), None)),
                (None, None) => out.push(o.clone()),
            }
            path.0.pop();
        }
        for t in theirs {
            let key = key_of(t, fields);
            let text = key_text(&key);
            if ko.contains_key(&text) {
                continue;
            }
            match kb.get(&text).map(|&i| &base[i]) {
                None => out.push(t.clone()),
                // we removed it: it stays removed, and a change of theirs
                // to it is a conflict
                Some(b) if same(Some(b), Some(t)) => {}
                Some(b) => {
                    path.0.push(Step::Item(key));
                    self.conflict(path, Some(b), None, Some(t));
                    path.0.pop();
                }
            }
        }
        out
    }

    /// Their side's copy of the record at `path`, with each element both
    /// sides added to one of its id lists under the same id (and made
    /// differently) given a new id, and that id's references within the
    /// record rewritten; `None` when nothing collides.
    fn rename_collisions(
        &mut self,
        path: &Path,
        base: &Map<String, Value>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Option<Map<String, Value>> {
        let pattern = path.pattern();
        let mut out: Option<Map<String, Value>> = None;
        for (name, t_list) in theirs {
            let (Some(Value::Array(t_list)), Some(Value::Array(o_list))) =
                (Some(t_list), ours.get(name))
            else {
                continue;
            };
            let empty = Vec::new();
            let b_list = match base.get(name) {
                Some(Value::Array(b)) => b,
                _ => &empty,
            };
            let mut list_pattern = pattern.clone();
            list_pattern.push(name);
            if key_fields(&list_pattern, [b_list, o_list, t_list]) != Some(&["id"][..]) {
                continue;
            }
            let ids = |l: &[Value]| -> HashMap<String, usize> {
                l.iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((v.get("id")?.as_str()?.to_owned(), i)))
                    .collect()
            };
            let (ib, io, it) = (ids(b_list), ids(o_list), ids(t_list));
            let mut taken: HashSet<String> = ib
                .keys()
                .chain(io.keys())
                .chain(it.keys())
                .cloned()
                .collect();
            let mut renames = Vec::new();
            for t in t_list {
                let Some(id) = t.get("id").and_then(Value::as_str) else {
                    continue;
                };
                if ib.contains_key(id) {
                    continue;
                }
                if let Some(&i) = io.get(id)
                    && o_list[i] != *t
                {
                    let to = fresh_id(id, &taken);
                    taken.insert(to.clone());
                    renames.push((id.to_owned(), to));
                }
            }
            if renames.is_empty() {
                continue;
            }
            let record = out.get_or_insert_with(|| theirs.clone());
            let refs = REFERENCES
                .iter()
                .find(|(p, list, _)| *p == pattern && *list == name)
                .map_or(&[][..], |(_, _, refs)| *refs);
            for (from, to) in renames {
                rename_in(record, name, refs, &from, &to);
                let mut list_path = path.clone();
                list_path.0.push(Step::Key(name.clone()));
                self.renamed.push(Renamed {
                    list: list_path.to_string(),
                    from,
                    to,
                });
            }
        }
        out
    }
}

/// Gives element `from` of `record[list]` the id `to`, and rewrites the
/// `refs` fields that held `from`.
fn rename_in(
    record: &mut Map<String, Value>,
    list: &str,
    refs: &[(&str, &str)],
    from: &str,
    to: &str,
) {
    if let Some(Value::Array(items)) = record.get_mut(list) {
        for item in items.iter_mut() {
            if item.get("id").and_then(Value::as_str) == Some(from) {
                item["id"] = Value::String(to.to_owned());
            }
        }
    }
    for (ref_list, field) in refs {
        if let Some(Value::Array(items)) = record.get_mut(*ref_list) {
            for item in items.iter_mut() {
                if let Some(v) = item.get_mut(*field)
                    && v.as_str() == Some(from)
                {
                    *v = Value::String(to.to_owned());
                }
            }
        }
    }
}

/// A new id in the style of `id` taken by nothing in `taken`: `o13` becomes
/// the next number after the highest `o…`; an id without a number gets `-2`,
/// `-3`, ….
pub(super) fn fresh_id(id: &str, taken: &HashSet<String>) -> String {
    let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit());
    if prefix.len() < id.len() {
        let next = crate::domain::ids::next_id(prefix, taken.iter().map(String::as_str));
        if !taken.contains(&next) {
            return next;
        }
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_default()
}

/// A list of plain values (or records without a key) merged as a
/// collection: an entry removed on one side is removed, an entry added on
/// one side is added (once, when both added it), in ours' order with theirs'
/// additions after.
fn collection(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let count = |list: &[Value]| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for v in list {
            *m.entry(v.to_string()).or_default() += 1;
        }
        m
    };
    let (cb, co, ct) = (count(base), count(ours), count(theirs));
    let get = |m: &HashMap<String, i64>, k: &str| m.get(k).copied().unwrap_or(0);
    let wanted = |k: &str| -> i64 {
        let b = get(&cb, k);
        let (d_o, d_t) = (get(&co, k) - b, get(&ct, k) - b);
        let delta = if d_o.signum() == d_t.signum() {
            // both added (or both removed) the same: once, not twice
            if d_o >= 0 { d_o.max(d_t) } else { d_o.min(d_t) }
        } else {
            d_o + d_t
        };
        (b + delta).max(0)
    };
    let mut left: HashMap<String, i64> = HashMap::new();
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    for v in ours.iter().chain(theirs) {
        let k = v.to_string();
        let n = left.entry(k.clone()).or_insert_with(|| wanted(&k));
        if *n > 0 {
            *n -= 1;
            out.push(v.clone());
        }
    }
    out
}
