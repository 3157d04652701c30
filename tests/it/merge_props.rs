//! The merge's promises (spec section 13), for random workspaces edited at
//! random on two sides: the result loads; every record added on either
//! side is in it (by content: ids may be renamed); a field changed on one
//! side only takes that value; a field both sides changed differently
//! keeps ours and is recorded as a conflict at its path; and there is no
//! conflict where no field or record was changed differently. Then the
//! same merges through real `git merge` (skipped without git).

use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::HashSet;

const WORDS: [&str; 3] = ["alpha", "beta", "gamma"];
const ATTITUDES: [&str; 3] = ["supporter", "neutral", "hostile"];

/// A random base: a few accounts; deals with influences and actions.
fn base() -> impl Strategy<Value = Value> {
    let deal = (
        0..4usize,
        0..6i64,
        prop::collection::vec(0..3usize, 0..3),
        prop::collection::vec(any::<bool>(), 0..3),
    );
    (1..4usize, prop::collection::vec(deal, 0..6)).prop_map(|(accounts, deals)| {
        let accounts: Vec<Value> = (1..=accounts)
            .map(|k| json!({"id": format!("a{k}"), "name": format!("account {k}")}))
            .collect();
        let n = accounts.len();
        let deals: Vec<Value> = deals
            .into_iter()
            .enumerate()
            .map(|(d, (account, value, people, actions))| {
                let d = d + 1;
                json!({
                    "id": format!("o{d}"),
                    "title": format!("deal {d}"),
                    "account": format!("a{}", account % n + 1),
                    "stage": "qualify",
                    "value": value * 10000,
                    "product": "",
                    "influences": people.iter().enumerate().map(|(i, a)| json!({
                        "id": format!("i{}", i + 1),
                        "name": format!("person {d}.{}", i + 1),
                        "attitude": ATTITUDES[*a],
                    })).collect::<Vec<_>>(),
                    "actions": actions.iter().enumerate().map(|(x, done)| json!({
                        "id": format!("x{}", x + 1),
                        "text": format!("action {d}.{}", x + 1),
                        "done": if *done { json!("2026-11-20") } else { Value::Null },
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "format": "funnel-workspace",
            "version": 1,
            "settings": {"owner": "Li Wei", "currency": "CNY"},
            "accounts": accounts,
            "opportunities": deals,
        })
    })
}

/// One edit; indices pick among the base's records (taken modulo).
#[derive(Debug, Clone)]
enum Op {
    Value(usize, i64),
    Title(usize, usize),
    Product(usize, usize),
    AccountName(usize, usize),
    PersonName(usize, usize, usize),
    Attitude(usize, usize, usize),
    ActionText(usize, usize, usize),
    ActionDone(usize, usize),
    AddDeal(usize, i64),
    AddAccountWithDeal,
    AddPerson(usize),
    AddAction(usize),
    DeleteDeal(usize),
    DeletePerson(usize, usize),
    DeleteAction(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..8usize;
    prop_oneof![
        (i(), 0..6i64).prop_map(|(d, v)| Op::Value(d, v)),
        (i(), 0..3usize).prop_map(|(d, w)| Op::Title(d, w)),
        (i(), 0..3usize).prop_map(|(d, w)| Op::Product(d, w)),
        (i(), 0..3usize).prop_map(|(a, w)| Op::AccountName(a, w)),
        (i(), i(), 0..3usize).prop_map(|(d, p, w)| Op::PersonName(d, p, w)),
        (i(), i(), 0..3usize).prop_map(|(d, p, w)| Op::Attitude(d, p, w)),
        (i(), i(), 0..3usize).prop_map(|(d, x, w)| Op::ActionText(d, x, w)),
        (i(), i()).prop_map(|(d, x)| Op::ActionDone(d, x)),
        (i(), 0..6i64).prop_map(|(a, v)| Op::AddDeal(a, v)),
        Just(Op::AddAccountWithDeal),
        i().prop_map(Op::AddPerson),
        i().prop_map(Op::AddAction),
        i().prop_map(Op::DeleteDeal),
        (i(), i()).prop_map(|(d, p)| Op::DeletePerson(d, p)),
        (i(), i()).prop_map(|(d, x)| Op::DeleteAction(d, x)),
    ]
}

/// The `k`th (modulo) record of `list` that the base had: edits aim at
/// base records, so both sides can touch the same ones.
fn pick(list: &mut Value, k: usize) -> Option<&mut Value> {
    let items: Vec<&mut Value> = list
        .as_array_mut()?
        .iter_mut()
        .filter(|r| !r["id"].as_str().unwrap_or("").starts_with('n'))
        .collect();
    let n = items.len();
    items.into_iter().nth(k.checked_rem(n)?)
}

fn remove(list: &mut Value, k: usize) {
    let Some(id) = pick(list, k).map(|r| r["id"].clone()) else {
        return;
    };
    list.as_array_mut().unwrap().retain(|r| r["id"] != id);
}

/// Applies `ops` as side `side` ("ours", "theirs"). New records take the
/// same ids on both sides (`n1`, `na1`…), so they collide, and texts that
/// say whose they are, to be found by content after a rename.
fn edit(base: &Value, ops: &[Op], side: &str) -> Value {
    let mut ws = base.clone();
    let mut k = 0;
    for op in ops {
        k += 1;
        match *op {
            Op::Value(d, v) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    o["value"] = json!(v * 10000 + 1000);
                }
            }
            Op::Title(d, w) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    o["title"] = json!(WORDS[w]);
                }
            }
            Op::Product(d, w) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    o["product"] = json!(WORDS[w]);
                }
            }
            Op::AccountName(a, w) => {
                if let Some(a) = pick(&mut ws["accounts"], a) {
                    a["name"] = json!(WORDS[w]);
                }
            }
            Op::PersonName(d, p, w) | Op::Attitude(d, p, w) => {
                let is_name = matches!(op, Op::PersonName(..));
                if let Some(person) =
                    pick(&mut ws["opportunities"], d).and_then(|o| pick(&mut o["influences"], p))
                {
                    match is_name {
                        true => person["name"] = json!(WORDS[w]),
                        false => person["attitude"] = json!(ATTITUDES[w]),
                    }
                }
            }
            Op::ActionText(d, x, w) => {
                if let Some(a) =
                    pick(&mut ws["opportunities"], d).and_then(|o| pick(&mut o["actions"], x))
                {
                    a["text"] = json!(WORDS[w]);
                }
            }
            Op::ActionDone(d, x) => {
                if let Some(a) =
                    pick(&mut ws["opportunities"], d).and_then(|o| pick(&mut o["actions"], x))
                {
                    a["done"] = match a["done"].is_null() {
                        true => json!("2026-11-22"),
                        false => Value::Null,
                    };
                }
            }
            Op::AddDeal(a, v) => {
                let account = pick(&mut ws["accounts"], a).map(|a| a["id"].clone());
                if let Some(account) = account {
                    ws["opportunities"].as_array_mut().unwrap().push(json!({
                        "id": format!("n{k}"), "title": format!("{side} new deal {k}"),
                        "account": account, "stage": "qualify", "value": v * 1000,
                    }));
                }
            }
            Op::AddAccountWithDeal => {
                ws["accounts"].as_array_mut().unwrap().push(json!({
                    "id": format!("na{k}"), "name": format!("{side} new account {k}"),
                }));
                ws["opportunities"].as_array_mut().unwrap().push(json!({
                    "id": format!("n{k}"), "title": format!("{side} new deal {k}"),
                    "account": format!("na{k}"), "stage": "qualify",
                }));
            }
            Op::AddPerson(d) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    o["influences"].as_array_mut().unwrap().push(json!({
                        "id": format!("ni{k}"), "name": format!("{side} new person {k}"),
                    }));
                }
            }
            Op::AddAction(d) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    o["actions"].as_array_mut().unwrap().push(json!({
                        "id": format!("nx{k}"), "text": format!("{side} new action {k}"),
                    }));
                }
            }
            Op::DeleteDeal(d) => remove(&mut ws["opportunities"], d),
            Op::DeletePerson(d, p) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    remove(&mut o["influences"], p);
                }
            }
            Op::DeleteAction(d, x) => {
                if let Some(o) = pick(&mut ws["opportunities"], d) {
                    remove(&mut o["actions"], x);
                }
            }
        }
    }
    ws
}

/// A workspace as JSON read as funnel reads it, and back as JSON in the
/// stable format's terms (defaults written), so sides compare like the
/// merge compares them.
fn typed(ws: &Value) -> funnel::domain::Workspace {
    let bytes = serde_json::to_vec(ws).unwrap();
    funnel::store::load::parse(&bytes, std::path::Path::new("side.json"))
        .expect("a generated side is valid")
        .workspace
}

fn as_json(ws: &funnel::domain::Workspace) -> Value {
    serde_json::from_slice(&funnel::store::to_json_bytes(ws)).unwrap()
}

/// A list's records by id.
fn by_id(list: &Value) -> Vec<(String, &Value)> {
    list.as_array()
        .map(|l| {
            l.iter()
                .map(|r| (r["id"].as_str().unwrap_or("").to_owned(), r))
                .collect()
        })
        .unwrap_or_default()
}

fn find<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|r| r["id"] == id)
}

/// A list of records and what to check in it: its fields, the field that
/// finds an added record by content, and its lists of records.
struct Shape {
    list: &'static str,
    fields: &'static [&'static str],
    content: &'static str,
    /// Fields that say which record it is: changed on one side while the
    /// other changed the record too, it is another record under a reused
    /// id, and the whole record is one conflict (ours kept).
    identity: &'static [&'static str],
    nested: &'static [Shape],
}

const DEALS: Shape = Shape {
    list: "opportunities",
    fields: &["title", "value", "product", "account"],
    content: "title",
    identity: &[],
    nested: &[
        Shape {
            list: "influences",
            fields: &["name", "attitude"],
            content: "name",
            identity: &["name"],
            nested: &[],
        },
        Shape {
            list: "actions",
            fields: &["text", "done"],
            content: "text",
            identity: &["created"],
            nested: &[],
        },
    ],
};

const ACCOUNTS: Shape = Shape {
    list: "accounts",
    fields: &["name"],
    content: "name",
    identity: &[],
    nested: &[],
};

/// What the merge must hold, compared with what it holds: problems as
/// sentences, and the conflict paths it may have.
struct Oracle<'a> {
    merged: &'a Value,
    problems: Vec<String>,
    allowed: HashSet<String>,
}

impl<'a> Oracle<'a> {
    fn conflict(&self, path: &str) -> Option<&'a Value> {
        let merged: &'a Value = self.merged;
        merged["conflicts"]
            .as_array()?
            .iter()
            .find(|c| c["path"] == path)
    }

    /// Checks one list of records present in base, ours, theirs and the
    /// merge (`m`), at `prefix` (`opportunities[o1].influences`).
    fn records(&mut self, shape: &Shape, prefix: &str, b: &Value, o: &Value, t: &Value, m: &Value) {
        let (bl, ol, tl, ml) = (
            &b[shape.list],
            &o[shape.list],
            &t[shape.list],
            &m[shape.list],
        );
        for (id, br) in by_id(bl) {
            let path = format!("{prefix}[{id}]");
            let (or, tr, mr) = (find(ol, &id), find(tl, &id), find(ml, &id));
            match (or, tr) {
                (None, None) => self.expect(mr.is_none(), || {
                    format!("{path}: deleted on both sides, still there")
                }),
                (Some(or), None) | (None, Some(or)) if or == br => self
                    .expect(mr.is_none(), || {
                        format!("{path}: deleted on one side, unchanged on the other, still there")
                    }),
                (Some(_), None) | (None, Some(_)) => {
                    // changed on one side, deleted on the other
                    self.allowed.insert(path.clone());
                    self.expect(self.conflict(&path).is_some(), || {
                        format!("{path}: deleted and changed, no conflict")
                    });
                    self.expect(mr.is_some() == or.is_some(), || {
                        format!("{path}: not as ours has it")
                    });
                }
                (Some(or), Some(tr)) => {
                    let Some(mr) = mr else {
                        self.problems
                            .push(format!("{path}: on both sides, not in the merge"));
                        continue;
                    };
                    let other = |r: &Value| shape.identity.iter().any(|f| r[*f] != br[*f]);
                    if or != br && tr != br && or != tr && (other(or) || other(tr)) {
                        self.allowed.insert(path.clone());
                        let c = self.conflict(&path);
                        self.expect(
                            c.is_some_and(|c| &c["ours"] == or && &c["theirs"] == tr),
                            || format!("{path}: another record under its id, conflict {c:?}"),
                        );
                        self.expect(mr == or, || format!("{path}: {mr}, expected ours {or}"));
                        continue;
                    }
                    for f in shape.fields {
                        let fpath = format!("{path}.{f}");
                        let (bv, ov, tv, mv) = (&br[*f], &or[*f], &tr[*f], &mr[*f]);
                        let want = match (ov != bv, tv != bv) {
                            (_, false) => ov,
                            (false, true) => tv,
                            (true, true) if ov == tv => ov,
                            (true, true) => {
                                self.allowed.insert(fpath.clone());
                                let c = self.conflict(&fpath);
                                self.expect(
                                    c.is_some_and(|c| &c["ours"] == ov && &c["theirs"] == tv),
                                    || {
                                        format!(
                                            "{fpath}: {ov} against {tv}, conflict recorded as {c:?}"
                                        )
                                    },
                                );
                                ov
                            }
                        };
                        // a reference may follow a record of theirs renamed
                        if *f != "account" || tv == bv {
                            self.expect(mv == want, || format!("{fpath}: {mv}, expected {want}"));
                        }
                    }
                    for n in shape.nested {
                        self.records(n, &format!("{path}.{}", n.list), br, or, tr, mr);
                    }
                }
            }
        }
        // every record added on a side, where its parent is in the merge
        for side in [ol, tl] {
            for (id, r) in by_id(side) {
                if find(bl, &id).is_some() {
                    continue;
                }
                let found = ml
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|x| x[shape.content] == r[shape.content]);
                self.expect(found, || {
                    format!("{prefix}: added {} is missing", r[shape.content])
                });
            }
        }
    }

    fn expect(&mut self, ok: bool, why: impl FnOnce() -> String) {
        if !ok {
            self.problems.push(why());
        }
    }
}

/// Merges and checks every promise; the problems found.
fn check(
    base: &Value,
    ours: &Value,
    theirs: &Value,
) -> Result<funnel::domain::merge::Merged, Vec<String>> {
    let (b, o, t) = (typed(base), typed(ours), typed(theirs));
    let merged = funnel::domain::merge::merge(&b, &o, &t);
    let bytes = funnel::store::to_json_bytes(&merged.workspace);
    if let Err(e) = funnel::store::load::parse(&bytes, std::path::Path::new("merged.json")) {
        return Err(vec![format!("the merge does not load: {}", e[0])]);
    }
    let m = as_json(&merged.workspace);
    let (b, o, t) = (as_json(&b), as_json(&o), as_json(&t));
    let mut oracle = Oracle {
        merged: &m,
        problems: Vec::new(),
        allowed: HashSet::new(),
    };
    oracle.records(&ACCOUNTS, "accounts", &b, &o, &t, &m);
    oracle.records(&DEALS, "opportunities", &b, &o, &t, &m);
    // an added deal keeps its account, by content, through renames
    for side in [&o, &t] {
        for (id, deal) in by_id(&side["opportunities"]) {
            if find(&b["opportunities"], &id).is_some() {
                continue;
            }
            let name = |ws: &Value, account: &Value| {
                find(&ws["accounts"], account.as_str().unwrap_or("")).map(|a| a["name"].clone())
            };
            let there = m["opportunities"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["title"] == deal["title"]);
            if let Some(there) = there {
                let (want, got) = (name(side, &deal["account"]), name(&m, &there["account"]));
                // the account's name may itself have been changed by the other side
                if find(&b["accounts"], deal["account"].as_str().unwrap()).is_none() {
                    oracle.expect(want == got, || {
                        format!(
                            "added deal {}: account {want:?}, merged {got:?}",
                            deal["title"]
                        )
                    });
                }
            }
        }
    }
    for c in m["conflicts"].as_array().into_iter().flatten() {
        let path = c["path"].as_str().unwrap_or("");
        if !oracle.allowed.contains(path) {
            oracle
                .problems
                .push(format!("conflict where none was expected: {c}"));
        }
    }
    match oracle.problems.is_empty() {
        true => Ok(merged),
        false => Err(oracle.problems),
    }
}

fn sides() -> impl Strategy<Value = (Value, Vec<Op>, Vec<Op>)> {
    (
        base(),
        prop::collection::vec(op(), 0..7),
        prop::collection::vec(op(), 0..7),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_merge_loads_keeps_every_addition_and_every_one_sided_change_and_records_each_conflict(
        (base, ours, theirs) in sides()
    ) {
        let (o, t) = (edit(&base, &ours, "ours"), edit(&base, &theirs, "theirs"));
        if let Err(problems) = check(&base, &o, &t) {
            prop_assert!(false, "{}", problems.join("\n"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// The same merges through git: the file git leaves is the merge's,
    /// and git reports a conflict exactly when the merge recorded one.
    #[test]
    fn git_merge_through_the_driver_gives_the_same_file(
        (base, ours, theirs) in sides()
    ) {
        if !crate::merge_git::have_git() {
            return Ok(());
        }
        let (o, t) = (edit(&base, &ours, "ours"), edit(&base, &theirs, "theirs"));
        let merged = funnel::domain::merge::merge(&typed(&base), &typed(&o), &typed(&t));
        let repo = crate::merge_git::Repo::new();
        let stable = |ws: &Value| funnel::store::to_json_bytes(&typed(ws));
        std::fs::write(repo.file(), stable(&base)).unwrap();
        let out = repo.funnel(&["git-setup"]);
        prop_assert!(out.status.success());
        repo.git_ok(&["add", "-A"]);
        repo.git_ok(&["commit", "-qm", "base"]);
        repo.git_ok(&["checkout", "-qb", "theirs"]);
        std::fs::write(repo.file(), stable(&t)).unwrap();
        repo.git_ok(&["commit", "-qam", "theirs", "--allow-empty"]);
        repo.git_ok(&["checkout", "-q", "main"]);
        std::fs::write(repo.file(), stable(&o)).unwrap();
        repo.git_ok(&["commit", "-qam", "ours", "--allow-empty"]);
        let out = repo.git(&["merge", "--no-edit", "theirs"]);
        prop_assert_eq!(out.status.success(), merged.conflicts.is_empty(), "{}", crate::common::stderr(&out));
        let file = std::fs::read(repo.file()).unwrap();
        let want = funnel::store::to_json_bytes(&merged.workspace);
        prop_assert!(file == want, "git's result differs from the merge's");
    }
}
