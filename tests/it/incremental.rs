//! Incremental serialisation writes exactly what a full serialisation
//! writes, whatever edits (replace, insert, remove, undo, reviews, progress)
//! came before and however they were grouped into saves.

use funnel::domain::change::{Change, Patch};
use funnel::domain::{
    Account, Date, Opportunity, Review, ReviewProgress, ReviewedOpportunity, Stage,
};
use funnel::store::incremental::{Delta, Records};
use funnel::store::to_json_bytes;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    EditDeal(usize, String),
    AddDeal(usize, String),
    DropDeal(usize),
    EditAccount(usize, String),
    AddAccount(usize),
    DropAccount(usize),
    Review,
    Progress,
    Undo,
    Save,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z ]{0,12}",
        Just("王总\u{202E}evil\u{85}\n\"q\"".to_owned()),
        Just(String::new()),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<usize>(), text()).prop_map(|(i, t)| Op::EditDeal(i, t)),
        2 => (any::<usize>(), text()).prop_map(|(i, t)| Op::AddDeal(i, t)),
        2 => any::<usize>().prop_map(Op::DropDeal),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Op::EditAccount(i, t)),
        1 => any::<usize>().prop_map(Op::AddAccount),
        1 => any::<usize>().prop_map(Op::DropAccount),
        1 => Just(Op::Review),
        1 => Just(Op::Progress),
        2 => Just(Op::Undo),
        3 => Just(Op::Save),
    ]
}

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// The change `op` makes to `ws`, if it makes one.
fn change_for(ws: &funnel::domain::Workspace, op: &Op) -> Option<Change> {
    let mut c = Change::new("test");
    let n = ws.opportunities.len();
    let m = ws.accounts.len();
    match op {
        Op::EditDeal(i, t) if n > 0 => {
            let mut o = ws.opportunities[i % n].clone();
            o.notes = t.clone();
            o.stage = Stage::Negotiate;
            return Some(c.replace_opportunity(ws, i % n, o));
        }
        Op::AddDeal(i, t) => c.patches.push(Patch::Opportunity {
            index: i % (n + 1),
            before: None,
            after: Some(Opportunity {
                id: format!("new{i}"),
                title: t.clone(),
                ..Opportunity::default()
            }),
        }),
        Op::DropDeal(i) if n > 0 => c.patches.push(Patch::Opportunity {
            index: i % n,
            before: Some(ws.opportunities[i % n].clone()),
            after: None,
        }),
        Op::EditAccount(i, t) if m > 0 => {
            let mut a = ws.accounts[i % m].clone();
            a.notes = t.clone();
            c.patches.push(Patch::Account {
                index: i % m,
                before: Some(ws.accounts[i % m].clone()),
                after: Some(a),
            });
        }
        Op::AddAccount(i) => c.patches.push(Patch::Account {
            index: i % (m + 1),
            before: None,
            after: Some(Account {
                id: format!("a-new{i}"),
                name: "New".into(),
                ..Account::default()
            }),
        }),
        Op::DropAccount(i) if m > 0 => c.patches.push(Patch::Account {
            index: i % m,
            before: Some(ws.accounts[i % m].clone()),
            after: None,
        }),
        Op::Review => {
            let mut after = ws.reviews.clone();
            // a snapshot of the deals, as finishing a review takes one
            after.push(Review {
                on: today(),
                opportunities: ws
                    .opportunities
                    .iter()
                    .map(|o| ReviewedOpportunity {
                        id: o.id.clone(),
                        stage: o.stage,
                        value: o.value,
                        ..ReviewedOpportunity::default()
                    })
                    .collect(),
                ..Review::default()
            });
            // every other one rewrites an earlier review too: the reviews
            // are spliced from the first that differs, not only appended
            if after.len() % 2 == 1 && after.len() > 1 {
                after[0].on = Date::parse("2026-01-05").unwrap();
                after[0].opportunities.clear();
            }
            c.patches.push(Patch::Reviews {
                before: ws.reviews.clone(),
                after,
            });
        }
        _ => return None,
    }
    Some(c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn spliced_bytes_equal_a_full_serialisation(
        n in 0usize..6,
        accounts_kept in 0usize..3,
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let mut ws = funnel::synth::workspace(n, 7, today());
        ws.accounts.truncate(accounts_kept);
        let mut records = Records::of(&ws);
        prop_assert_eq!(records.bytes(), to_json_bytes(&ws));
        let mut delta = Delta::default();
        let mut done: Vec<Change> = Vec::new();
        for op in &ops {
            match op {
                Op::Save => {
                    records.apply(delta.take(&ws));
                    prop_assert_eq!(
                        String::from_utf8(records.bytes()).unwrap(),
                        String::from_utf8(to_json_bytes(&ws)).unwrap()
                    );
                }
                Op::Undo => {
                    if let Some(c) = done.pop() {
                        c.revert(&mut ws);
                        delta.record(&c, true);
                    }
                }
                Op::Progress => {
                    ws.review_in_progress = Some(ReviewProgress { on: today(), ..ReviewProgress::default() });
                    ws.extra.insert("zz_unknown".into(), serde_json::json!({"kept": [1, "x"]}));
                    delta.touch_shell();
                }
                _ => {
                    if let Some(c) = change_for(&ws, op) {
                        c.apply(&mut ws);
                        delta.record(&c, false);
                        done.push(c);
                    }
                }
            }
        }
        records.apply(delta.take(&ws));
        prop_assert_eq!(records.bytes(), to_json_bytes(&ws));
        prop_assert_eq!(records.pieces().concat(), to_json_bytes(&ws));
    }
}
