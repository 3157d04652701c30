//! The workspace's own lists merged as typed records: a record equal on two
//! sides needs no more than a comparison; one both sides changed goes to
//! the field-by-field merge as JSON and is read back as a record.

use super::Renamed;
use super::path::{Path, Step};
use super::value::{Merger, fresh_id};
use crate::domain::workspace::{Account, Opportunity, Review, Workspace};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// THEIRS with each account and deal it added under an id ours also added
/// (for another record) given a new id, and the references on their side
/// rewritten: their deals' `account`, their reviews' deal ids.
pub(super) fn rename_collisions<'a>(
    base: &Workspace,
    ours: &Workspace,
    theirs: &'a Workspace,
    renamed: &mut Vec<Renamed>,
) -> Cow<'a, Workspace> {
    let accounts = collisions(&base.accounts, &ours.accounts, &theirs.accounts, |a| &a.id);
    let deals = collisions(
        &base.opportunities,
        &ours.opportunities,
        &theirs.opportunities,
        |o| &o.id,
    );
    if accounts.is_empty() && deals.is_empty() {
        return Cow::Borrowed(theirs);
    }
    let mut ws = theirs.clone();
    for a in &mut ws.accounts {
        if let Some(to) = accounts.get(&a.id) {
            a.id = to.clone();
        }
    }
    for o in &mut ws.opportunities {
        if let Some(to) = deals.get(&o.id) {
            o.id = to.clone();
        }
        if let Some(to) = accounts.get(&o.account) {
            o.account = to.clone();
        }
    }
    for r in &mut ws.reviews {
        for seen in &mut r.opportunities {
            if let Some(to) = deals.get(&seen.id) {
                seen.id = to.clone();
            }
        }
    }
    if let Some(p) = &mut ws.review_in_progress {
        for id in p.reviewed.iter_mut().chain(p.skipped.iter_mut()) {
            if let Some(to) = deals.get(id) {
                *id = to.clone();
            }
        }
    }
    let mut note = |list: &str, map: HashMap<String, String>| {
        let mut pairs: Vec<_> = map.into_iter().collect();
        pairs.sort();
        renamed.extend(pairs.into_iter().map(|(from, to)| Renamed {
            list: list.to_owned(),
            from,
            to,
        }));
    };
    note("accounts", accounts);
    note("opportunities", deals);
    Cow::Owned(ws)
}

/// Ids both sides added (not in base) for records that differ: theirs →
/// a new id taken by nothing on any side.
fn collisions<T: PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &String,
) -> HashMap<String, String> {
    let in_base: HashSet<&String> = base.iter().map(&id).collect();
    let by_ours: HashMap<&String, &T> = ours.iter().map(|r| (id(r), r)).collect();
    let mut taken: Option<HashSet<String>> = None;
    let mut out = HashMap::new();
    for t in theirs {
        let key = id(t);
        if in_base.contains(key) || out.contains_key(key) {
            continue;
        }
        if let Some(o) = by_ours.get(key)
            && *o != t
        {
            let taken = taken.get_or_insert_with(|| {
                base.iter()
                    .chain(ours)
                    .chain(theirs)
                    .map(|r| id(r).clone())
                    .collect()
            });
            let to = fresh_id(key, taken);
            taken.insert(to.clone());
            out.insert(key.clone(), to);
        }
    }
    out
}

/// The merge of everything but the repairs.
pub(super) fn merge(
    m: &mut Merger,
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> Workspace {
    let accounts = records(
        m,
        "accounts",
        &base.accounts,
        &ours.accounts,
        &theirs.accounts,
        |a: &Account| Value::String(a.id.clone()),
    );
    let opportunities = records(
        m,
        "opportunities",
        &base.opportunities,
        &ours.opportunities,
        &theirs.opportunities,
        |o: &Opportunity| Value::String(o.id.clone()),
    );
    let mut reviews = records(
        m,
        "reviews",
        &base.reviews,
        &ours.reviews,
        &theirs.reviews,
        |r: &Review| Value::String(r.on.to_string()),
    );
    if reviews != ours.reviews {
        reviews.sort_by_key(|r| r.on);
    }
    let settings = one(
        m,
        "settings",
        &base.settings,
        &ours.settings,
        &theirs.settings,
    );
    let review_in_progress = one(
        m,
        "review_in_progress",
        &base.review_in_progress,
        &ours.review_in_progress,
        &theirs.review_in_progress,
    );
    let conflicts = one(
        m,
        "conflicts",
        &base.conflicts,
        &ours.conflicts,
        &theirs.conflicts,
    );
    // the workspace's unknown fields, each at its own path
    let mut extra = crate::domain::Extra::new();
    let keys: std::collections::BTreeSet<&String> = base
        .extra
        .keys()
        .chain(ours.extra.keys())
        .chain(theirs.extra.keys())
        .collect();
    for k in keys {
        let mut path = Path(vec![Step::Key(k.clone())]);
        if let Some(v) = m.value(
            &mut path,
            base.extra.get(k),
            ours.extra.get(k),
            theirs.extra.get(k),
        ) {
            extra.insert(k.clone(), v);
        }
    }
    Workspace {
        format: ours.format,
        version: ours.version.max(theirs.version),
        settings,
        accounts,
        opportunities,
        reviews,
        review_in_progress,
        conflicts,
        extra,
    }
}

/// A value merged as JSON at the top-level field `name`, read back as its
/// type (ours, with the whole recorded as a conflict, in the unlikely case
/// that the merged JSON is not one).
fn one<T: Serialize + DeserializeOwned + Clone + PartialEq>(
    m: &mut Merger,
    name: &str,
    base: &T,
    ours: &T,
    theirs: &T,
) -> T {
    if ours == theirs || base == theirs {
        return ours.clone();
    }
    if base == ours {
        return theirs.clone();
    }
    let mut path = Path(vec![Step::Key(name.to_owned())]);
    as_json(m, &mut path, Some(base), ours, theirs)
}

/// `ours` and `theirs` (and `base`) merged as JSON at `path`.
fn as_json<T: Serialize + DeserializeOwned + Clone>(
    m: &mut Merger,
    path: &mut Path,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
) -> T {
    let json = |v: &T| serde_json::to_value(v).unwrap_or(Value::Null);
    let (b, o, t) = (base.map(json), json(ours), json(theirs));
    let before = m.conflicts.len();
    let merged = m.value(path, b.as_ref(), Some(&o), Some(&t));
    // read back through text: unknown fields keep their exact numbers so
    let back = merged
        .and_then(|v| serde_json::to_vec(&v).ok())
        .and_then(|bytes| serde_json::from_slice::<T>(&bytes).ok());
    match back {
        Some(v) => v,
        None => {
            m.conflicts.truncate(before);
            m.conflict(path, b.as_ref(), Some(&o), Some(&t));
            ours.clone()
        }
    }
}

/// A top-level list of records keyed by `key`: ours' order, theirs'
/// additions after. A list with a key twice in one version (which `check`
/// allows for reviews) is merged as JSON, as a collection.
fn records<T: Serialize + DeserializeOwned + Clone + PartialEq>(
    m: &mut Merger,
    name: &str,
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> Value,
) -> Vec<T> {
    if ours == theirs || base == theirs {
        return ours.to_vec();
    }
    if base == ours {
        return theirs.to_vec();
    }
    let text = |v: Value| match v {
        Value::String(s) => s,
        other => other.to_string(),
    };
    let index = |list: &[T]| -> Option<HashMap<String, usize>> {
        let mut map = HashMap::with_capacity(list.len());
        for (i, r) in list.iter().enumerate() {
            if map.insert(text(key(r)), i).is_some() {
                return None;
            }
        }
        Some(map)
    };
    let (Some(kb), Some(ko), Some(kt)) = (index(base), index(ours), index(theirs)) else {
        let mut path = Path(vec![Step::Key(name.to_owned())]);
        return as_json(
            m,
            &mut path,
            Some(&base.to_vec()),
            &ours.to_vec(),
            &theirs.to_vec(),
        );
    };
    let json = |v: &T| serde_json::to_value(v).unwrap_or(Value::Null);
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    for o in ours {
        let k = key(o);
        let name_k = text(k.clone());
        let b = kb.get(&name_k).map(|&i| &base[i]);
        let t = kt.get(&name_k).map(|&i| &theirs[i]);
        let mut path = Path(vec![Step::Key(name.to_owned()), Step::Item(vec![k])]);
        match (b, t) {
            (_, Some(t)) if t == o => out.push(o.clone()),
            (Some(b), Some(t)) if b == t => out.push(o.clone()),
            (Some(b), Some(t)) if b == o => out.push(t.clone()),
            (b, Some(t)) => out.push(as_json(m, &mut path, b, o, t)),
            (Some(b), None) if b == o => {} // they removed it
            (Some(b), None) => {
                // we changed what they removed: ours stays, theirs noted
                m.conflict(&path, Some(&json(b)), Some(&json(o)), None);
                out.push(o.clone());
            }
            (None, None) => out.push(o.clone()),
        }
    }
    for t in theirs {
        let k = key(t);
        let name_k = text(k.clone());
        if ko.contains_key(&name_k) {
            continue;
        }
        match kb.get(&name_k).map(|&i| &base[i]) {
            None => out.push(t.clone()),
            Some(b) if b == t => {} // we removed it
            Some(b) => {
                let path = Path(vec![Step::Key(name.to_owned()), Step::Item(vec![k])]);
                m.conflict(&path, Some(&json(b)), None, Some(&json(t)));
            }
        }
    }
    out
}
