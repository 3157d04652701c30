//! The four ordering properties of spec section 4, the breakdown, and the
//! suggestions from red flags.

use funnel::domain::priority::{self, Entry};
use funnel::domain::*;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn deal(id: &str, stage: Stage, value: i64) -> Opportunity {
    Opportunity {
        id: id.into(),
        title: id.to_uppercase(),
        account: "a1".into(),
        value: Money::from_units(value),
        stage,
        created: Some(today().plus_days(-5)),
        expected_close: Some(today().plus_days(30)),
        actions: vec![Action {
            id: "t1".into(),
            text: "Call the CFO".into(),
            due: Some(today().plus_days(3)),
            created: Some(today().plus_days(-2)),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn ws(deals: Vec<Opportunity>) -> Workspace {
    let mut ws = Workspace::new("", "CNY");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "A".into(),
        ..Default::default()
    });
    ws.opportunities = deals;
    ws
}

fn action_entry<'a>(list: &'a [Entry], ws: &Workspace, deal: &str) -> (usize, &'a Entry) {
    list.iter()
        .enumerate()
        .find(|(_, e)| !e.suggested() && ws.opportunities[e.opportunity].id == deal)
        .unwrap()
}

#[test]
fn an_overdue_action_outranks_the_same_action_due_in_ten_days() {
    let mut late = deal("late", Stage::Drive, 500_000);
    late.actions[0].due = Some(today().plus_days(-1));
    let mut soon = deal("soon", Stage::Drive, 500_000);
    soon.actions[0].due = Some(today().plus_days(10));
    let w = ws(vec![soon, late]);
    let list = priority::list(&w, today());
    assert!(action_entry(&list, &w, "late").0 < action_entry(&list, &w, "soon").0);
}

#[test]
fn the_best_few_outrank_the_middle() {
    for stage in [Stage::Negotiate, Stage::Close] {
        let w = ws(vec![
            deal("drive", Stage::Drive, 500_000),
            deal("best", stage, 500_000),
        ]);
        let list = priority::list(&w, today());
        assert!(
            action_entry(&list, &w, "best").0 < action_entry(&list, &w, "drive").0,
            "{stage}"
        );
    }
}

#[test]
fn a_deal_of_higher_weighted_value_outranks_a_lower_one() {
    let w = ws(vec![
        deal("small", Stage::Propose, 100_000),
        deal("big", Stage::Propose, 2_000_000),
    ]);
    let list = priority::list(&w, today());
    assert!(action_entry(&list, &w, "big").0 < action_entry(&list, &w, "small").0);
    // damped: ten times the value is not ten times the points
    let points = |e: &Entry| {
        e.why
            .iter()
            .find(|w| w.factor.starts_with("weighted value"))
            .unwrap()
            .points
    };
    let (big, small) = (
        points(action_entry(&list, &w, "big").1),
        points(action_entry(&list, &w, "small").1),
    );
    assert!(big < 3.0 * small, "{big} vs {small}");
}

#[test]
fn done_actions_and_closed_deals_never_appear() {
    let mut done = deal("done", Stage::Close, 900_000);
    done.actions[0].done = Some(today());
    done.actions.push(Action {
        id: "t2".into(),
        text: "next".into(),
        ..Default::default()
    });
    let mut won = deal("won", Stage::Close, 900_000);
    won.close(OutcomeResult::Won, today(), "");
    let mut lost = deal("lost", Stage::Close, 900_000);
    lost.close(OutcomeResult::Lost, today(), "price");
    let w = ws(vec![done, won, lost]);
    let list = priority::list(&w, today());
    assert!(
        list.iter()
            .all(|e| w.opportunities[e.opportunity].id == "done")
    );
    assert!(list.iter().all(|e| e.action.as_deref() != Some("t1")));
}

#[test]
fn every_breakdown_adds_up_to_its_score() {
    let w = funnel::synth::workspace(300, 9, today());
    let list = priority::list(&w, today());
    assert!(list.len() > 300);
    for e in &list {
        let sum: f64 = e.why.iter().map(|w| w.points).sum();
        assert!((sum - e.score).abs() < 1e-9, "{e:?}");
    }
    assert!(list.windows(2).all(|p| p[0].score >= p[1].score));
}

#[test]
fn a_high_severity_flag_suggests_an_action_until_an_open_action_addresses_it() {
    let mut o = deal("o1", Stage::Propose, 800_000);
    o.influences.push(Influence {
        id: "cfo".into(),
        name: "王总".into(),
        roles: vec![Role::Economic],
        mode: Mode::Growth,
        ..Default::default()
    });
    let mut w = ws(vec![o]);
    let suggested = |w: &Workspace| -> Vec<String> {
        priority::list(w, today())
            .into_iter()
            .filter(|e| e.suggested())
            .map(|e| e.flag.unwrap().0.as_str().to_owned())
            .collect()
    };
    let before = suggested(&w);
    assert!(
        before.contains(&"economic-buyer-not-met".to_owned()),
        "{before:?}"
    );
    // an open action linked to the economic buyer addresses it
    w.opportunities[0].actions.push(Action {
        id: "t2".into(),
        text: "Lunch with 王总".into(),
        influence: Some("cfo".into()),
        ..Default::default()
    });
    assert!(!suggested(&w).contains(&"economic-buyer-not-met".to_owned()));
    // done, it no longer does
    w.opportunities[0].actions[1].done = Some(today());
    assert!(suggested(&w).contains(&"economic-buyer-not-met".to_owned()));
    // the flag's own suggestion as an open action addresses it too
    let flag = flags::visible(&w.opportunities[0], &w.settings, today())
        .into_iter()
        .find(|f| f.rule.as_str() == "single-threaded")
        .unwrap();
    assert!(suggested(&w).contains(&"single-threaded".to_owned()));
    w.opportunities[0].actions.push(Action {
        id: "t3".into(),
        text: flag.suggestion.to_string(),
        ..Default::default()
    });
    assert!(!suggested(&w).contains(&"single-threaded".to_owned()));
}

/// The ranking computes only the high-severity flags (the others' words
/// are never written): the same flags, and the same list, as from every
/// flag, on a synthetic pipeline with every rule firing somewhere.
#[test]
fn ranking_on_high_flags_alone_gives_the_same_list() {
    use funnel::domain::flags::{self, Severity};
    let ws = funnel::synth::workspace(600, 11, today());
    let all = flags::all_visible(&ws, today());
    let high = priority::ranking_flags(&ws, today());
    for (every, only) in all.iter().zip(&high) {
        let expected: Vec<_> = every
            .iter()
            .filter(|f| f.severity == Severity::High)
            .cloned()
            .collect();
        assert_eq!(&expected, only);
    }
    assert!(high.iter().flatten().count() > 100, "high flags to rank by");
    for n in [1, 50, usize::MAX] {
        assert_eq!(
            priority::ranked(&ws, &all, today(), n),
            priority::ranked(&ws, &high, today(), n),
            "first {n}"
        );
    }
}
