//! Issue 21 after review: view 4 counts one thing as one ("1 day
//! overdue", "due today", "1 open complaint", "1 weakness"), and
//! `funnel plan` gives no negative age to a complaint raised after today,
//! says "no target" for a target of 0, and keeps a goal that starts with a
//! list marker as text.

use crate::common::{CHINESE, Sandbox, clean_screen, day, press, run_on as run, today};
use funnel::domain::*;
use funnel::i18n;
use funnel::tui::app::App;
use funnel::tui::screens::accounts::AccountPane;
use ratatui::crossterm::event::KeyCode::{Char, Tab};
use serde_json::{Value, json};

fn invoice(n: usize, due: &str) -> Invoice {
    Invoice {
        id: format!("i{n}"),
        number: format!("INV-{n}"),
        amount: Money::from_units(100),
        due: Some(day(due)),
        ..Default::default()
    }
}

/// One of everything, a day apart from today (2026-11-23).
fn one_of_each() -> Workspace {
    let mut ws = Workspace::new("", "CNY");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "Single Co".into(),
        // long enough that the profile at 80×24 counts the SWOT in a line
        notes: "notes ".repeat(80),
        swot: Swot {
            strengths: vec!["one".into()],
            weaknesses: vec!["one".into()],
            opportunities: vec!["one".into()],
            threats: vec!["one".into()],
            ..Default::default()
        },
        contacts: vec![Contact {
            id: "c1".into(),
            name: "Ann".into(),
            ..Default::default()
        }],
        credit: Some(Credit {
            invoices: vec![
                invoice(1, "2026-11-22"),
                invoice(2, "2026-11-23"),
                invoice(3, "2026-11-24"),
            ],
            ..Default::default()
        }),
        complaints: vec![Complaint {
            id: "k1".into(),
            text: "late".into(),
            raised: day("2026-11-22"),
            resolved: None,
            ..Default::default()
        }],
        satisfaction: vec![Satisfaction {
            on: day("2026-11-01"),
            score: Score::new(4).unwrap(),
            note: String::new(),
            ..Default::default()
        }],
        ..Default::default()
    });
    ws
}

/// The screen at 160×48 with `pane` focused, on one line of words.
fn shown(pane: AccountPane) -> String {
    shown_at(pane, 160, 48)
}

fn shown_at(pane: AccountPane, w: u16, h: u16) -> String {
    let mut app = App::new(one_of_each(), today(), "demo".into(), None);
    press(&mut app, Char('4'));
    while app.screens.accounts.pane != pane {
        press(&mut app, Tab);
    }
    let text = clean_screen(&app, w, h).replace('│', " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn view_4_counts_one_as_one_in_english() {
    let list = shown(AccountPane::List);
    assert!(list.contains("1 open complaint · 1 contact"), "{list}");
    // the SWOT in one line where its boxes do not fit
    let profile = shown_at(AccountPane::Profile, 80, 24);
    assert!(
        profile.contains("SWOT: 1 strength, 1 weakness, 1 opportunity, 1 threat"),
        "{profile}"
    );
    let credit = shown(AccountPane::Credit);
    // (the grid's narrow credit pane leaves the due date out)
    assert!(credit.contains("INV-1 100 1 day overdue"), "{credit}");
    assert!(credit.contains("INV-2 100 due today"), "{credit}");
    assert!(credit.contains("INV-3 100 due in 1 day"), "{credit}");
    let complaints = shown(AccountPane::Complaints);
    assert!(complaints.contains("open 1 day"), "{complaints}");
    let scores = shown(AccountPane::Satisfaction);
    assert!(scores.contains("1 score, oldest left"), "{scores}");
}

#[test]
fn view_4_counts_in_chinese_with_measure_words() {
    i18n::set(CHINESE);
    let list = shown(AccountPane::List);
    assert!(list.contains("1 件未解决投诉 · 1 位联系人"), "{list}");
    // the SWOT in one line where its boxes do not fit
    let profile = shown_at(AccountPane::Profile, 80, 24);
    assert!(
        profile.contains("SWOT：1 条优势，1 条劣势，1 个机会，1 个威胁"),
        "{profile}"
    );
    let credit = shown(AccountPane::Credit);
    assert!(credit.contains("逾期 1 天"), "{credit}");
    assert!(credit.contains("今天到期"), "{credit}");
    assert!(credit.contains("1 天后到期"), "{credit}");
}

fn plan_workspace(target: i64, raised: &str, goals: &[&str]) -> Value {
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [{
            "id": "a1", "name": "Plan Co",
            "plan": {"target": target, "goals": goals},
            "complaints": [{"id": "k1", "text": "typed ahead", "raised": raised}]
        }]
    })
}

/// `funnel plan a1` in Markdown and JSON on this workspace.
fn plan(ws: Value) -> (String, Value) {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&ws).unwrap()).unwrap();
    let md = run(&sb, &path, &["plan", "a1"]);
    let js = serde_json::from_str(&run(&sb, &path, &["plan", "a1", "--format", "json"])).unwrap();
    (md, js)
}

#[test]
fn a_complaint_raised_after_today_is_open_0_days_not_a_negative_age() {
    let (md, js) = plan(plan_workspace(1000, "2027-05-11", &[]));
    assert!(
        md.contains("- 2027-05-11 · open 0 days: typed ahead"),
        "{md}"
    );
    assert!(!md.contains("open -"), "{md}");
    let open = &js["feedback"]["open_complaints"][0];
    assert_eq!(open["days_open"], json!(0), "{js}");
    // one raised yesterday is open 1 day, in both formats
    let (md, js) = plan(plan_workspace(1000, "2026-11-22", &[]));
    assert!(md.contains("open 1 day: typed ahead"), "{md}");
    assert_eq!(js["feedback"]["open_complaints"][0]["days_open"], json!(1));
}

#[test]
fn the_share_of_a_target_of_0_says_no_target() {
    let (md, js) = plan(plan_workspace(0, "2026-11-22", &[]));
    assert!(md.contains("- **This year's target:** 0 CNY"), "{md}");
    assert!(md.contains("- **Share of target won:** no target"), "{md}");
    assert!(!md.contains("won:** not set"), "{md}");
    assert_eq!(js["year"]["share_of_target"], Value::Null, "{js}");
    let (md, _) = plan(plan_workspace(1000, "2026-11-22", &[]));
    assert!(md.contains("- **Share of target won:** 0%"), "{md}");
    let (md, _) = plan(json!({
        "format": "funnel-workspace", "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [{"id": "a1", "name": "Plan Co"}]
    }));
    assert!(md.contains("- **This year's target:** not set"), "{md}");
    assert!(md.contains("- **Share of target won:** not set"), "{md}");
}

#[test]
fn a_goal_starting_with_a_list_marker_stays_one_item() {
    let (md, js) = plan(plan_workspace(
        1000,
        "2026-11-22",
        &[
            "- sign phase 1",
            "1. CFO sponsor",
            "2) pilot",
            "+ plants",
            "-5% churn",
        ],
    ));
    for line in [
        "1. \\- sign phase 1\n",
        "2. 1\\. CFO sponsor\n",
        "3. 2\\) pilot\n",
        "4. \\+ plants\n",
        // no space after the sign: not a marker, left as typed
        "5. -5% churn\n",
    ] {
        assert!(md.contains(line), "{line:?} in\n{md}");
    }
    // JSON keeps the goals as typed
    assert_eq!(js["goals"][0], json!("- sign phase 1"), "{js}");
}
