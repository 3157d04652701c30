//! What a field-by-field merge can break, mended so the result loads: each
//! side is valid alone, but one side may delete what the other starts to
//! use. A record deleted on one side and referred to on the other is kept
//! (deleting loses to using; the deletion is noted as a conflict); any other
//! rule the merged record breaks (a reporting loop made of two edits, an
//! invoice now paid before it was issued) puts back ours' whole record, the
//! record of theirs noted as a conflict.

use super::path::{Path, Step};
use super::value::Merger;
use crate::domain::validate::{self, Seg};
use crate::domain::workspace::{Account, Influence, Opportunity, Workspace};
use serde::Serialize;
use serde_json::Value;

/// Rounds of mending before giving up on the merge (each round mends every
/// problem found; a second is needed only when a mend uncovers another).
const ROUNDS: usize = 6;

pub(super) fn repair(
    ws: &mut Workspace,
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
    m: &mut Merger,
) {
    for _ in 0..ROUNDS {
        let problems = validate::problems(ws);
        if problems.is_empty() {
            return;
        }
        for p in problems {
            mend(ws, &p.path.0, [base, ours, theirs], m);
        }
    }
    if validate::problems(ws).is_empty() {
        return;
    }
    // Not reached by any merge known; ours alone is valid, and theirs is
    // kept whole in one conflict so that nothing is lost.
    let kept = std::mem::take(&mut m.conflicts);
    *ws = ours.clone();
    m.conflicts = kept
        .into_iter()
        .filter(|c| ours.conflicts.iter().all(|o| o.path != c.path))
        .collect();
    m.conflicts.push(crate::domain::workspace::Conflict {
        path: String::new(),
        ours: Value::Null,
        theirs: json(theirs),
        base: Value::Null,
        extra: Default::default(),
    });
}

fn json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn key(k: &str) -> Step {
    Step::Key(k.to_owned())
}

fn item(id: &str) -> Step {
    Step::Item(vec![Value::String(id.to_owned())])
}

/// Mends the problem at `at` (a path by positions into `ws`).
fn mend(ws: &mut Workspace, at: &[Seg], sides: [&Workspace; 3], m: &mut Merger) {
    use Seg::{Index, Key};
    match at {
        [Key(k), Index(n), Key(f)] if k == "opportunities" && f == "account" => {
            let Some(deal) = ws.opportunities.get(*n) else {
                return;
            };
            let id = deal.account.clone();
            if ws.account(&id).is_some() {
                return;
            }
            let find = |w: &Workspace| w.account(&id).cloned();
            match restore(sides.map(find)) {
                Some((account, [b, o, t])) => {
                    note(m, Path::record("accounts", &id), b, o, t);
                    ws.accounts.push(account);
                }
                None => whole_deal(ws, *n, sides, m),
            }
        }
        [Key(k), Index(n), Key(list), Index(_), Key(f)]
            if k == "opportunities"
                && matches!(
                    (list.as_ref(), f.as_ref()),
                    ("influences", "reports_to")
                        | ("actions", "influence")
                        | ("decision_criteria", "held_by")
                ) =>
        {
            let Some(deal) = ws.opportunities.get(*n) else {
                return;
            };
            let Some(who) = referred(deal, list, at) else {
                return whole_deal(ws, *n, sides, m);
            };
            if deal.influences.iter().any(|i| i.id == who) {
                // the reference points somewhere: a loop, not a removal
                return whole_deal(ws, *n, sides, m);
            }
            let deal_id = deal.id.clone();
            let find = |w: &Workspace| -> Option<Influence> {
                w.opportunity(&deal_id)?
                    .influences
                    .iter()
                    .find(|i| i.id == who)
                    .cloned()
            };
            match restore(sides.map(find)) {
                Some((person, [b, o, t])) => {
                    let path = Path(vec![
                        key("opportunities"),
                        item(&deal_id),
                        key("influences"),
                        item(&who),
                    ]);
                    note(m, path, b, o, t);
                    ws.opportunities[*n].influences.push(person);
                }
                None => whole_deal(ws, *n, sides, m),
            }
        }
        [Key(k), Index(n), ..] if k == "opportunities" => whole_deal(ws, *n, sides, m),
        [Key(k), Index(n), ..] if k == "accounts" => whole_account(ws, *n, sides, m),
        [Key(k), ..] if k == "settings" => {
            let [b, o, t] = sides.map(|w| json(&w.settings));
            ws.settings = sides[1].settings.clone();
            note(m, Path(vec![key("settings")]), Some(b), Some(o), Some(t));
        }
        _ => {}
    }
}

/// The id at `at`'s reference field in `deal`.
fn referred(deal: &Opportunity, list: &str, at: &[Seg]) -> Option<String> {
    let Seg::Index(k) = at[3] else { return None };
    match list {
        "influences" => deal.influences.get(k)?.reports_to.clone(),
        "actions" => deal.actions.get(k)?.influence.clone(),
        _ => deal.decision_criteria.get(k)?.held_by.clone(),
    }
}

/// The record to bring back (ours' version, else theirs', else base's),
/// and the three versions as JSON for the conflict.
fn restore<T: Serialize + Clone>(found: [Option<T>; 3]) -> Option<(T, [Option<Value>; 3])> {
    let [b, o, t] = &found;
    let record = o.clone().or_else(|| t.clone()).or_else(|| b.clone())?;
    Some((record, found.each_ref().map(|v| v.as_ref().map(json))))
}

/// Records the conflict at `path`, replacing the ones recorded inside it.
fn note(m: &mut Merger, path: Path, b: Option<Value>, o: Option<Value>, t: Option<Value>) {
    m.conflicts
        .retain(|c| Path::parse(&c.path).is_none_or(|p| !p.starts_with(&path)));
    m.conflict(&path, b.as_ref(), o.as_ref(), t.as_ref());
}

/// Puts ours' deal `n` back whole (theirs' when we do not have it).
fn whole_deal(ws: &mut Workspace, n: usize, sides: [&Workspace; 3], m: &mut Merger) {
    let id = ws.opportunities[n].id.clone();
    let found = sides.map(|w| w.opportunity(&id).cloned());
    whole(&mut ws.opportunities, n, "opportunities", &id, found, m);
}

fn whole_account(ws: &mut Workspace, n: usize, sides: [&Workspace; 3], m: &mut Merger) {
    let id = ws.accounts[n].id.clone();
    let found = sides.map(|w| w.account(&id).cloned());
    whole::<Account>(&mut ws.accounts, n, "accounts", &id, found, m);
}

fn whole<T: Serialize + Clone>(
    list: &mut Vec<T>,
    n: usize,
    name: &str,
    id: &str,
    found: [Option<T>; 3],
    m: &mut Merger,
) {
    let json_of = found.each_ref().map(|v| v.as_ref().map(json));
    let [_, o, t] = found;
    match o.or(t) {
        Some(record) => list[n] = record,
        None => {
            list.remove(n);
        }
    }
    let [b, o, t] = json_of;
    note(m, Path::record(name, id), b, o, t);
}
