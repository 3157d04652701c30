use super::*;
use crate::domain::validate;
use serde_json::{Value, json};

/// A small workspace: accounts a1, a2; deals o1 (on a1, influences i1, i2
/// reporting to i1, action t1 on i1) and o2 (on a2).
fn base() -> Workspace {
    serde_json::from_value(json!({
        "format": "funnel-workspace", "version": 1,
        "settings": {"owner": "Li", "currency": "CNY"},
        "accounts": [{"id": "a1", "name": "Acme"}, {"id": "a2", "name": "Globex"}],
        "opportunities": [
            {"id": "o1", "title": "ERP", "account": "a1", "stage": "drive", "value": 1000,
             "tags": ["erp"],
             "influences": [{"id": "i1", "name": "Wang"}, {"id": "i2", "name": "Zhao", "reports_to": "i1"}],
             "actions": [{"id": "t1", "text": "Call", "influence": "i1"}],
             "log": [{"on": "2026-11-02", "text": "met"}]},
            {"id": "o2", "title": "CRM", "account": "a2", "stage": "qualify", "value": 500}
        ]
    }))
    .unwrap()
}

fn deal<'a>(ws: &'a Workspace, id: &str) -> &'a crate::domain::Opportunity {
    ws.opportunity(id).unwrap_or_else(|| panic!("no deal {id}"))
}

fn merged(b: &Workspace, o: &Workspace, t: &Workspace) -> Merged {
    let m = merge(b, o, t);
    assert_eq!(
        validate::problems(&m.workspace),
        vec![],
        "the merge must load"
    );
    // and read back through the file's form
    let bytes = serde_json::to_vec(&m.workspace).unwrap();
    let again: Workspace = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(again, m.workspace);
    m
}

fn paths(m: &Merged) -> Vec<&str> {
    m.conflicts.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn changes_to_different_fields_and_records_are_all_kept() {
    let b = base();
    let mut o = b.clone();
    o.opportunities[0].value = crate::domain::Money::from_units(1200);
    o.settings.stage_probability.drive = crate::domain::Percent(30);
    let mut t = b.clone();
    t.opportunities[0].title = "ERP phase 1".into();
    t.opportunities[1].stage = crate::domain::Stage::Propose;
    t.settings.quiet_days = crate::domain::Days(10);
    let m = merged(&b, &o, &t);
    assert_eq!(paths(&m), Vec::<&str>::new());
    let ws = &m.workspace;
    assert_eq!(deal(ws, "o1").value, crate::domain::Money::from_units(1200));
    assert_eq!(deal(ws, "o1").title, "ERP phase 1");
    assert_eq!(deal(ws, "o2").stage, crate::domain::Stage::Propose);
    assert_eq!(
        ws.settings.stage_probability.drive,
        crate::domain::Percent(30)
    );
    assert_eq!(ws.settings.quiet_days, crate::domain::Days(10));
}

#[test]
fn the_same_field_changed_twice_keeps_ours_and_records_both() {
    let b = base();
    let mut o = b.clone();
    o.opportunities[0].value = crate::domain::Money::from_units(1200);
    o.opportunities[0].influences[0].title = "CFO".into();
    let mut t = b.clone();
    t.opportunities[0].value = crate::domain::Money::from_units(900);
    t.opportunities[0].influences[0].title = "CEO".into();
    let m = merged(&b, &o, &t);
    // a record's fields in name order (serde_json's map)
    assert_eq!(
        paths(&m),
        [
            "opportunities[o1].influences[i1].title",
            "opportunities[o1].value"
        ]
    );
    let c = &m.conflicts[1];
    assert_eq!(
        (&c.ours, &c.theirs, &c.base),
        (&json!(1200), &json!(900), &json!(1000))
    );
    assert_eq!(
        deal(&m.workspace, "o1").value,
        crate::domain::Money::from_units(1200)
    );
    assert_eq!(m.workspace.conflicts, m.conflicts);
}

#[test]
fn deals_and_accounts_both_sides_added_under_one_id_are_both_kept() {
    let b = base();
    let add = |ws: &mut Workspace, title: &str, name: &str| {
        let mut a = ws.accounts[0].clone();
        a.id = "a3".into();
        a.name = name.into();
        ws.accounts.push(a);
        let mut d = ws.opportunities[1].clone();
        d.id = "o3".into();
        d.title = title.into();
        d.account = "a3".into();
        ws.opportunities.push(d);
    };
    let mut o = b.clone();
    add(&mut o, "Ours", "Initech");
    let mut t = b.clone();
    add(&mut t, "Theirs", "Umbrella");
    t.opportunities[0].tags.push("o3".into()); // not a reference: untouched
    let m = merged(&b, &o, &t);
    assert_eq!(paths(&m), Vec::<&str>::new());
    let ws = &m.workspace;
    assert_eq!(deal(ws, "o3").title, "Ours");
    assert_eq!(deal(ws, "o3").account, "a3");
    assert_eq!(deal(ws, "o4").title, "Theirs");
    assert_eq!(deal(ws, "o4").account, "a4");
    assert_eq!(ws.account("a4").unwrap().name, "Umbrella");
    assert_eq!(deal(ws, "o1").tags, ["erp", "o3"]);
    assert_eq!(
        m.renamed,
        vec![
            Renamed {
                list: "accounts".into(),
                from: "a3".into(),
                to: "a4".into()
            },
            Renamed {
                list: "opportunities".into(),
                from: "o3".into(),
                to: "o4".into()
            },
        ]
    );
    // the same record added on both sides is kept once
    let m = merged(&b, &o, &o);
    assert_eq!(m.workspace.opportunities.len(), 3);
}

#[test]
fn influences_both_sides_added_to_one_deal_get_apart_with_their_references() {
    let b = base();
    let person = |name: &str| crate::domain::Influence {
        id: "i3".into(),
        name: name.into(),
        ..Default::default()
    };
    let mut o = b.clone();
    o.opportunities[0].influences.push(person("Sun"));
    let mut t = b.clone();
    t.opportunities[0].influences.push(person("Qian"));
    t.opportunities[0].actions[0].influence = Some("i3".into());
    let m = merged(&b, &o, &t);
    let d = deal(&m.workspace, "o1");
    let names: Vec<(&str, &str)> = d
        .influences
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("i1", "Wang"),
            ("i2", "Zhao"),
            ("i3", "Sun"),
            ("i4", "Qian")
        ]
    );
    assert_eq!(d.actions[0].influence.as_deref(), Some("i4"));
    assert_eq!(m.renamed[0].list, "opportunities[o1].influences");
}

#[test]
fn a_deletion_meets_a_change_ours_wins_and_theirs_is_kept_in_the_conflict() {
    let b = base();
    let mut o = b.clone();
    o.opportunities.remove(1);
    let mut t = b.clone();
    t.opportunities[1].value = crate::domain::Money::from_units(800);
    let m = merged(&b, &o, &t);
    assert!(m.workspace.opportunity("o2").is_none());
    assert_eq!(paths(&m), ["opportunities[o2]"]);
    assert_eq!(m.conflicts[0].ours, Value::Null);
    assert_eq!(m.conflicts[0].theirs["value"], json!(800));
    // the other way round: our change stays
    let m = merged(&b, &t, &o);
    assert_eq!(
        deal(&m.workspace, "o2").value,
        crate::domain::Money::from_units(800)
    );
    assert_eq!(m.conflicts[0].theirs, Value::Null);
    // deleted on one side, untouched on the other: deleted
    let m = merged(&b, &b, &o);
    assert!(m.workspace.opportunity("o2").is_none() && m.conflicts.is_empty());
}

#[test]
fn what_one_side_deleted_and_the_other_uses_is_kept() {
    let b = base();
    // ours deletes account a2 with its deal; theirs adds a deal on a2
    let mut o = b.clone();
    o.opportunities.remove(1);
    o.accounts.remove(1);
    let mut t = b.clone();
    let mut d = t.opportunities[1].clone();
    d.id = "o9".into();
    t.opportunities.push(d);
    let m = merged(&b, &o, &t);
    assert_eq!(m.workspace.account("a2").unwrap().name, "Globex");
    assert_eq!(deal(&m.workspace, "o9").account, "a2");
    assert!(paths(&m).contains(&"accounts[a2]"), "{:?}", paths(&m));
    // ours removes influence i2; theirs gives the action to i2
    let mut o = b.clone();
    o.opportunities[0].influences.remove(1);
    let mut t = b.clone();
    t.opportunities[0].actions[0].influence = Some("i2".into());
    let m = merged(&b, &o, &t);
    let d = deal(&m.workspace, "o1");
    assert!(d.influences.iter().any(|i| i.id == "i2"));
    assert_eq!(d.actions[0].influence.as_deref(), Some("i2"));
    assert_eq!(paths(&m), ["opportunities[o1].influences[i2]"]);
}

#[test]
fn two_edits_that_make_a_reporting_loop_put_back_our_deal() {
    let b = base();
    let mut o = b.clone();
    o.opportunities[0].influences[1].reports_to = None;
    o.opportunities[0].influences[0].reports_to = Some("i2".into());
    o.opportunities[0].title = "ERP (ours)".into();
    let mut t = b.clone();
    t.opportunities[0].value = crate::domain::Money::from_units(7);
    // theirs keeps i2 → i1; ours made i1 → i2 and cleared i2's: merged
    // field by field, ours' clearing wins (only ours changed it)… unless
    // theirs changed it too:
    t.opportunities[0].influences[1].title = "CTO".into();
    let m = merged(&b, &o, &t);
    let d = deal(&m.workspace, "o1");
    assert_eq!(d.title, "ERP (ours)");
    assert_eq!(d.value, crate::domain::Money::from_units(7));
    // a true loop: each side points one at the other
    let mut o = b.clone();
    o.opportunities[0].influences[1].reports_to = None;
    let mut o2 = o.clone();
    o2.opportunities[0].influences[0].reports_to = Some("i2".into());
    let mut t = o.clone();
    t.opportunities[0].influences[1].reports_to = Some("i1".into());
    t.opportunities[0].value = crate::domain::Money::from_units(5);
    let m = merged(&o, &o2, &t);
    assert_eq!(paths(&m), ["opportunities[o1]"]);
    assert_eq!(deal(&m.workspace, "o1"), deal(&o2, "o1"));
}

#[test]
fn lists_of_words_and_dated_entries_gather_both_sides() {
    let b = base();
    let entry = |on: &str, text: &str| crate::domain::workspace::LogEntry {
        on: crate::domain::Date::parse(on).unwrap(),
        text: text.into(),
        extra: Default::default(),
    };
    let mut o = b.clone();
    o.opportunities[0].tags = vec!["big".into()]; // erp removed, big added
    o.opportunities[0].log.push(entry("2026-11-20", "ours"));
    let mut t = b.clone();
    t.opportunities[0].tags.push("q4".into());
    t.opportunities[0].log.push(entry("2026-11-10", "theirs"));
    let m = merged(&b, &o, &t);
    let d = deal(&m.workspace, "o1");
    assert_eq!(d.tags, ["big", "q4"]);
    let log: Vec<&str> = d.log.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(log, ["met", "theirs", "ours"]);
    assert!(m.conflicts.is_empty());
}

#[test]
fn conflicts_already_in_the_files_are_carried_and_a_new_one_replaces_its_path() {
    let b = base();
    let old = |path: &str, theirs: Value| crate::domain::workspace::Conflict {
        path: path.into(),
        ours: json!(1),
        theirs,
        base: Value::Null,
        extra: Default::default(),
    };
    let mut o = b.clone();
    o.conflicts = vec![
        old("opportunities[o1].value", json!(2)),
        old("settings.quiet_days", json!(3)),
    ];
    o.opportunities[0].value = crate::domain::Money::from_units(1);
    let mut t = b.clone();
    t.opportunities[0].value = crate::domain::Money::from_units(4);
    let m = merged(&b, &o, &t);
    let all: Vec<(&str, &Value)> = m
        .workspace
        .conflicts
        .iter()
        .map(|c| (c.path.as_str(), &c.theirs))
        .collect();
    assert_eq!(
        all,
        [
            ("settings.quiet_days", &json!(3)),
            ("opportunities[o1].value", &json!(4))
        ]
    );
}

#[test]
fn without_a_common_ancestor_both_files_are_kept_whole() {
    let empty = Workspace::new("", "");
    let o = base();
    let mut t = base();
    t.opportunities[0].title = "Other ERP".into();
    let m = merged(&empty, &o, &t);
    let titles: Vec<&str> = m
        .workspace
        .opportunities
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles, ["ERP", "CRM", "Other ERP"]);
    assert_eq!(deal(&m.workspace, "o3").title, "Other ERP");
}

#[test]
fn a_competitor_renamed_on_both_sides_stays_one_competitor() {
    let mut b = base();
    b.opportunities[0]
        .competition
        .push(crate::domain::workspace::Competitor {
            id: "c1".into(),
            name: "SAP".into(),
            ..Default::default()
        });
    let mut o = b.clone();
    o.opportunities[0].competition[0].name = "SAP partner".into();
    let mut t = b.clone();
    t.opportunities[0].competition[0].name = "SAP direct".into();
    t.opportunities[0].value = crate::domain::Money::from_units(3);
    let m = merged(&b, &o, &t);
    let names: Vec<&str> = deal(&m.workspace, "o1")
        .competition
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["SAP partner"]);
    // a name is what a competitor is: both renaming it is one conflict
    assert_eq!(paths(&m), ["opportunities[o1].competition[c1]"]);
}

#[test]
fn an_id_reused_for_a_new_record_is_one_conflict_not_a_mix_of_two() {
    let mut b = base();
    b.opportunities[0].actions[0].created = crate::domain::Date::parse("2026-11-01");
    // ours marks t1 done; theirs deleted t1 and its next new action took t1
    let mut o = b.clone();
    o.opportunities[0].actions[0].done = crate::domain::Date::parse("2026-11-20");
    let mut t = b.clone();
    t.opportunities[0].actions[0] = crate::domain::Action {
        id: "t1".into(),
        text: "Send proposal".into(),
        created: crate::domain::Date::parse("2026-11-21"),
        ..Default::default()
    };
    let m = merged(&b, &o, &t);
    assert_eq!(paths(&m), ["opportunities[o1].actions[t1]"]);
    let a = &deal(&m.workspace, "o1").actions[0];
    assert_eq!(
        (a.text.as_str(), a.done.is_some()),
        ("Call", true),
        "ours whole"
    );
    assert_eq!(m.conflicts[0].theirs["text"], json!("Send proposal"));
}

#[test]
fn two_snapshots_of_one_review_day_are_one_snapshot() {
    let b = base();
    let snapshot = |ids: &[&str]| crate::domain::workspace::Review {
        on: crate::domain::Date::parse("2026-11-23").unwrap(),
        opportunities: ids
            .iter()
            .map(|id| crate::domain::workspace::ReviewedOpportunity {
                id: (*id).into(),
                stage: crate::domain::Stage::Drive,
                ..Default::default()
            })
            .collect(),
        extra: Default::default(),
    };
    let mut o = b.clone();
    o.reviews.push(snapshot(&["o1", "o2"]));
    let mut t = b.clone();
    t.reviews.push(snapshot(&["o1", "o2", "o5"]));
    let m = merged(&b, &o, &t);
    assert!(m.conflicts.is_empty(), "{:?}", paths(&m));
    let ids: Vec<&str> = m.workspace.reviews[0]
        .opportunities
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["o1", "o2", "o5"]);
}

#[test]
fn a_stage_kept_in_a_conflict_keeps_its_own_history() {
    let b = base();
    let entry = |stage, on: &str| crate::domain::workspace::StageEntry {
        stage,
        entered: crate::domain::Date::parse(on).unwrap(),
        extra: Default::default(),
    };
    let mut o = b.clone();
    o.opportunities[0].stage = crate::domain::Stage::Propose;
    o.opportunities[0]
        .stage_history
        .push(entry(crate::domain::Stage::Propose, "2026-11-20"));
    let mut t = b.clone();
    t.opportunities[0].stage = crate::domain::Stage::Qualify;
    t.opportunities[0]
        .stage_history
        .push(entry(crate::domain::Stage::Qualify, "2026-11-21"));
    t.opportunities[0].title = "theirs".into();
    let m = merged(&b, &o, &t);
    assert_eq!(paths(&m), ["opportunities[o1].stage"]);
    let d = deal(&m.workspace, "o1");
    assert_eq!(d.stage, crate::domain::Stage::Propose);
    assert_eq!(d.stage_history, o.opportunities[0].stage_history);
    assert_eq!(d.title, "theirs");
}

mod resolving {
    use super::*;
    use crate::domain::merge::resolve::{Pick, parse_edit, resolve};
    use crate::domain::{Date, Money, Stage};

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    /// A merge whose conflicts are o1's value (1200 ours, 900 theirs) and
    /// o1's stage (propose ours, negotiate theirs), and o2 deleted by ours
    /// and changed by theirs.
    fn conflicted() -> Workspace {
        let b = base();
        let mut o = b.clone();
        o.opportunities[0].value = Money::from_units(1200);
        o.opportunities[0].stage = Stage::Propose;
        o.opportunities.remove(1);
        let mut t = b.clone();
        t.opportunities[0].value = Money::from_units(900);
        t.opportunities[0].stage = Stage::Negotiate;
        t.opportunities[1].value = Money::from_units(1);
        merged(&b, &o, &t).workspace
    }

    fn at(ws: &Workspace, path: &str) -> usize {
        ws.conflicts
            .iter()
            .position(|c| c.path == path)
            .unwrap_or_else(|| panic!("no conflict {path}"))
    }

    #[test]
    fn each_pick_sets_the_value_and_drops_the_conflict_and_undo_brings_it_back() {
        let mut ws = conflicted();
        assert_eq!(ws.conflicts.len(), 3);
        let before = ws.clone();
        let n = at(&ws, "opportunities[o1].value");
        let change = resolve(&mut ws, n, Pick::Theirs, today()).unwrap();
        assert_eq!(ws, before, "resolve leaves the workspace to the change");
        change.apply(&mut ws);
        assert_eq!(deal(&ws, "o1").value, Money::from_units(900));
        assert_eq!(ws.conflicts.len(), 2);
        change.revert(&mut ws);
        assert_eq!(ws, before);
        let change = resolve(&mut ws, n, Pick::Ours, today()).unwrap();
        change.apply(&mut ws);
        assert_eq!(deal(&ws, "o1").value, Money::from_units(1200));
        let mut ws = before.clone();
        let change = resolve(&mut ws, n, Pick::Value(json!(1000.5)), today()).unwrap();
        change.apply(&mut ws);
        assert_eq!(deal(&ws, "o1").value, Money::from_f64(1000.5).unwrap());
    }

    #[test]
    fn taking_their_stage_keeps_one_history_entry_for_it() {
        let mut ws = conflicted();
        let n = at(&ws, "opportunities[o1].stage");
        resolve(&mut ws, n, Pick::Theirs, today())
            .unwrap()
            .apply(&mut ws);
        let d = deal(&ws, "o1");
        assert_eq!(d.stage, Stage::Negotiate);
        assert_eq!(
            d.stage_history.last().map(|e| e.stage),
            Some(Stage::Negotiate)
        );
        // a stage typed by hand that no side had gains its entry today
        let mut ws = conflicted();
        let n = at(&ws, "opportunities[o1].stage");
        resolve(&mut ws, n, Pick::Value(json!("close")), today())
            .unwrap()
            .apply(&mut ws);
        let last = deal(&ws, "o1").stage_history.last().cloned().unwrap();
        assert_eq!((last.stage, last.entered), (Stage::Close, today()));
    }

    #[test]
    fn a_deal_taken_back_brings_back_the_account_ours_deleted_with_it() {
        let b = base();
        let mut o = b.clone();
        o.opportunities.remove(1);
        o.accounts.remove(1);
        let mut t = b.clone();
        t.opportunities[1].value = Money::from_units(7);
        let mut ws = merged(&b, &o, &t).workspace;
        let paths: Vec<&str> = ws.conflicts.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["opportunities[o2]", "accounts[a2]"]);
        let before = ws.clone();
        let change = resolve(&mut ws, 0, Pick::Theirs, today()).unwrap();
        change.apply(&mut ws);
        assert_eq!(deal(&ws, "o2").value, Money::from_units(7));
        assert_eq!(ws.account("a2").unwrap().name, "Globex");
        assert!(ws.conflicts.is_empty());
        change.revert(&mut ws);
        assert_eq!(ws, before);
    }

    #[test]
    fn a_deleted_record_comes_back_when_theirs_is_taken_and_goes_when_ours_is() {
        let mut ws = conflicted();
        let n = at(&ws, "opportunities[o2]");
        resolve(&mut ws, n, Pick::Theirs, today())
            .unwrap()
            .apply(&mut ws);
        assert_eq!(deal(&ws, "o2").value, Money::from_units(1));
        // the other way: theirs deleted what we changed
        let b = base();
        let mut o = b.clone();
        o.opportunities[1].value = Money::from_units(2);
        let mut t = b.clone();
        t.opportunities.remove(1);
        let mut ws = merged(&b, &o, &t).workspace;
        resolve(&mut ws, 0, Pick::Theirs, today())
            .unwrap()
            .apply(&mut ws);
        assert!(ws.opportunity("o2").is_none() && ws.conflicts.is_empty());
    }

    #[test]
    fn a_value_that_does_not_fit_or_a_record_gone_is_refused_and_nothing_changes() {
        let mut ws = conflicted();
        let before = ws.clone();
        let n = at(&ws, "opportunities[o1].value");
        let err = resolve(&mut ws, n, Pick::Value(json!("lots")), today()).unwrap_err();
        assert!(err.starts_with("opportunities[o1].value: "), "{err}");
        assert!(err.contains("amount"), "{err}");
        assert_eq!(ws, before);
        // the deal deleted since the merge
        ws.opportunities.retain(|o| o.id != "o1");
        let err = resolve(&mut ws, n, Pick::Theirs, today()).unwrap_err();
        assert!(err.contains("no longer"), "{err}");
        // words a record is known by are not emptied by hand
        let mut ws2 = before.clone();
        ws2.conflicts[0].path = "opportunities[o1].title".into();
        let err = resolve(&mut ws2, 0, Pick::Value(json!("  ")), today()).unwrap_err();
        assert!(err.contains("cannot be empty"), "{err}");
        // keeping ours always works
        assert!(resolve(&mut ws, n, Pick::Ours, today()).is_ok());
        // a value that breaks a rule of the file: an account that is not there
        let b = base();
        let mut o = b.clone();
        o.opportunities[1].account = "a1".into();
        let mut t = b.clone();
        t.opportunities[1].account = "a1".into();
        t.opportunities[1].account = "a2".into();
        let mut ws = merged(&b, &o, &t).workspace;
        ws.conflicts.push(crate::domain::workspace::Conflict {
            path: "opportunities[o2].account".into(),
            ours: json!("a1"),
            theirs: json!("a9"),
            base: json!("a2"),
            extra: Default::default(),
        });
        let err = resolve(&mut ws, 0, Pick::Theirs, today()).unwrap_err();
        assert!(
            err.contains("a9") && err.contains("nothing was changed"),
            "{err}"
        );
    }

    #[test]
    fn settings_and_unknown_fields_resolve_too() {
        let b = base();
        let mut o = b.clone();
        o.settings.stage_probability.drive = crate::domain::Percent(30);
        o.extra.insert("team_note".into(), json!("ours"));
        let mut t = b.clone();
        t.settings.stage_probability.drive = crate::domain::Percent(40);
        t.extra.insert("team_note".into(), json!("theirs"));
        let mut ws = merged(&b, &o, &t).workspace;
        assert_eq!(ws.conflicts.len(), 2);
        resolve(&mut ws, 0, Pick::Theirs, today())
            .unwrap()
            .apply(&mut ws);
        resolve(&mut ws, 0, Pick::Theirs, today())
            .unwrap()
            .apply(&mut ws);
        assert_eq!(
            ws.settings.stage_probability.drive,
            crate::domain::Percent(40)
        );
        assert_eq!(ws.extra["team_note"], json!("theirs"));
        assert!(ws.conflicts.is_empty());
    }

    #[test]
    fn typed_values_read_as_text_for_text_fields_and_as_json_otherwise() {
        let c = |ours: Value, theirs: Value| crate::domain::workspace::Conflict {
            path: "x".into(),
            ours,
            theirs,
            base: Value::Null,
            extra: Default::default(),
        };
        let text = c(json!("CFO"), json!("CEO"));
        assert_eq!(parse_edit(&text, "COO", today()).unwrap(), json!("COO"));
        assert_eq!(parse_edit(&text, "12", today()).unwrap(), json!("12"));
        assert_eq!(
            parse_edit(&c(json!("2026-12-01"), Value::Null), " ", today()).unwrap(),
            Value::Null
        );
        let number = c(json!(1200), json!(900));
        assert_eq!(parse_edit(&number, " 1000 ", today()).unwrap(), json!(1000));
        let err = parse_edit(&number, "lots", today()).unwrap_err();
        assert!(err.contains("lots"), "{err}");
        // amounts and dates as their forms read them
        let value = |ours: Value, theirs: Value, path: &str| crate::domain::workspace::Conflict {
            path: path.into(),
            ..c(ours, theirs)
        };
        let amount = value(json!(1200), json!(900), "opportunities[o1].value");
        assert_eq!(parse_edit(&amount, "200k", today()).unwrap(), json!(200000));
        assert_eq!(parse_edit(&amount, "2万", today()).unwrap(), json!(20000));
        assert!(parse_edit(&amount, "-5", today()).is_err());
        let close = value(
            json!("2026-12-15"),
            json!("2027-01-10"),
            "opportunities[o1].expected_close",
        );
        assert_eq!(
            parse_edit(&close, "2026-12-20", today()).unwrap(),
            json!("2026-12-20")
        );
        assert_eq!(
            parse_edit(&close, "eoq", today()).unwrap(),
            json!("2026-12-31")
        );
        assert!(parse_edit(&close, "someday", today()).is_err());
    }
}
