use super::super::fixture::{after, today, ws};
use super::*;

fn o1() -> OpportunityId {
    OpportunityId::new("o1")
}

fn named(name: &str, boss: Option<&str>) -> InfluenceFields {
    InfluenceFields {
        name: name.into(),
        reports_to: boss.map(InfluenceId::new),
        ..InfluenceFields::default()
    }
}

#[test]
fn a_reports_to_line_that_closes_a_loop_is_refused() {
    let ws = ws();
    // i1 is i3's boss's boss: i1 reporting to i3 closes i1 ← i2 ← i3 ← i1
    let e = edit_influence(
        &ws,
        &o1(),
        &InfluenceId::new("i1"),
        named("Wang", Some("i3")),
    );
    assert_eq!(
        e.unwrap_err().to_string(),
        "Wang cannot report to name i3: that closes a loop in the power lines"
    );
    let e = edit_influence(
        &ws,
        &o1(),
        &InfluenceId::new("i1"),
        named("Wang", Some("i1")),
    );
    assert!(
        matches!(e, Err(Refusal::Invalid(_))),
        "nobody reports to themselves"
    );
    let e = add_influence(&ws, &o1(), named("Li", Some("i9")));
    assert_eq!(e, Err(Refusal::Gone("person")));
}

#[test]
fn a_new_person_takes_the_next_id() {
    let ws = ws();
    let c = add_influence(&ws, &o1(), named("Li", Some("i3"))).unwrap();
    assert_eq!(c.label, "Li added to \"ERP\"");
    let p = after(&ws, &c).opportunities[0].influences[3].clone();
    assert_eq!((p.id.as_str(), p.reports_to.as_deref()), ("i4", Some("i3")));
}

#[test]
fn a_deleted_persons_reports_move_up_and_their_actions_lose_the_link() {
    let ws = ws();
    let c = delete_influence(&ws, &o1(), &InfluenceId::new("i2")).unwrap();
    assert_eq!(c.label, "name i2 removed");
    let o = after(&ws, &c).opportunities[0].clone();
    let i3 = o.influences.iter().find(|p| p.id == "i3").unwrap();
    assert_eq!(i3.reports_to.as_deref(), Some("i1"));
    assert_eq!(o.actions[0].influence, None);
    assert_eq!(o.actions[0].text, "call");
}

#[test]
fn quick_edits_cycle_and_contact_today_is_recorded_once() {
    let ws = ws();
    let i2 = InfluenceId::new("i2");
    let c = quick_edit(&ws, &o1(), &i2, QuickEdit::CycleCoverage, today()).unwrap();
    assert_eq!(c.label, "name i2: coverage 1 introduction");
    let c = quick_edit(&ws, &o1(), &i2, QuickEdit::CycleInfluence, today()).unwrap();
    assert_eq!(c.label, "name i2: influence high");
    let c = quick_edit(&ws, &o1(), &i2, QuickEdit::ContactToday, today()).unwrap();
    let ws = after(&ws, &c);
    assert_eq!(
        ws.opportunities[0].influences[1].last_contact,
        Some(today())
    );
    assert_eq!(
        quick_edit(&ws, &o1(), &i2, QuickEdit::ContactToday, today()),
        Err(Refusal::Unchanged)
    );
}

#[test]
fn removing_a_person_leaves_no_criterion_held_by_no_one() {
    let mut ws = ws();
    ws.opportunities[0]
        .decision_criteria
        .push(crate::domain::Criterion {
            id: "k1".into(),
            text: "uptime".into(),
            held_by: Some("i2".into()),
            ..Default::default()
        });
    let c = delete_influence(&ws, &o1(), &InfluenceId::new("i2")).unwrap();
    let after = after(&ws, &c);
    assert_eq!(after.opportunities[0].decision_criteria[0].held_by, None);
    assert_eq!(crate::domain::validate::problems(&after), vec![]);
}
