//! Funnel metrics against a hand-computed fixture, the since-review diff for
//! every kind of change, and the weekly report in Markdown and JSON.

use crate::common::{Sandbox, stderr};
use funnel::domain::metrics::{self, SinceReview};
use funnel::domain::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn today() -> Date {
    d("2026-11-23")
}

fn deal(id: &str, stage: Stage, value: i64, history: &[(Stage, &str)]) -> Opportunity {
    Opportunity {
        id: id.into(),
        title: format!("Deal {id}"),
        account: "a1".into(),
        value: Money::from_units(value),
        stage,
        created: history.first().map(|(_, on)| d(on)),
        stage_history: history
            .iter()
            .map(|(s, on)| StageEntry {
                stage: *s,
                entered: d(on),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Five deals whose figures are worked out by hand in the test below.
fn fixture() -> Workspace {
    let mut ws = Workspace::new("Li Wei", "CNY");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "A".into(),
        ..Default::default()
    });
    let q = deal(
        "q",
        Stage::Qualify,
        100_000,
        &[(Stage::Qualify, "2026-11-10")],
    );
    let mut dr = deal(
        "dr",
        Stage::Drive,
        200_000,
        &[(Stage::Qualify, "2026-09-01"), (Stage::Drive, "2026-09-11")],
    );
    dr.close_history.push(CloseMove {
        on: d("2026-11-01"),
        from: Some(d("2026-12-01")),
        to: Some(d("2026-12-20")),
        ..Default::default()
    });
    dr.actions.push(Action {
        id: "t1".into(),
        text: "x".into(),
        ..Default::default()
    });
    let n = deal(
        "n",
        Stage::Negotiate,
        400_000,
        &[
            (Stage::Qualify, "2026-10-01"),
            (Stage::Drive, "2026-10-05"),
            (Stage::Propose, "2026-10-25"),
            (Stage::Negotiate, "2026-11-20"),
        ],
    );
    let mut won = deal(
        "w",
        Stage::Close,
        300_000,
        &[
            (Stage::Qualify, "2026-08-01"),
            (Stage::Drive, "2026-08-11"),
            (Stage::Propose, "2026-09-10"),
            (Stage::Negotiate, "2026-09-20"),
            (Stage::Close, "2026-10-01"),
        ],
    );
    won.close(OutcomeResult::Won, d("2026-10-31"), "");
    let mut lost = deal(
        "l",
        Stage::Drive,
        50_000,
        &[(Stage::Qualify, "2026-08-01"), (Stage::Drive, "2026-08-21")],
    );
    lost.close(OutcomeResult::Lost, d("2026-09-01"), "price");
    ws.opportunities = vec![q, dr, n, won, lost];
    ws
}

#[test]
fn every_metric_against_hand_computed_figures() {
    let m = metrics::compute(&fixture(), today());
    // open: q 100k (10% = 10k), dr 200k (25% = 50k), n 400k (75% = 300k)
    assert_eq!(
        (m.open.count, m.open.value, m.open.weighted),
        (3, Money::from_units(700_000), Money::from_units(360_000))
    );
    let by = |s: Stage| &m.stages[s.index()];
    assert_eq!(by(Stage::Drive).sum.count, 1);
    assert_eq!(by(Stage::Drive).stalled, 1, "dr: 73 days in drive > 30");
    assert_eq!(by(Stage::Negotiate).stalled, 0, "n: 3 days");
    assert_eq!(
        (m.won.count, m.won.value, m.lost.count, m.lost.value),
        (1, Money::from_units(300_000), 1, Money::from_units(50_000))
    );
    assert_eq!(m.win_rate, Some(0.5));
    // entered qualify 5, of them drive 4 (not q) → 0.8; entered drive 4,
    // propose 2 (n, w) → 0.5; propose 2, negotiate 2 → 1.0; negotiate 2,
    // close 1 (w) → 0.5
    let rates: Vec<Option<f64>> = m.conversion.iter().map(|c| c.2).collect();
    assert_eq!(rates, [Some(0.8), Some(0.5), Some(1.0), Some(0.5)]);
    // qualify stays: dr 10, n 4, w 10, l 20 → 11; drive: n 20, w 30 → 25;
    // propose: n 26, w 10 → 18; negotiate: w 11; close: none finished
    let days: Vec<Option<f64>> = m.days_per_stage.iter().map(|x| x.1).collect();
    assert_eq!(days, [Some(11.0), Some(25.0), Some(18.0), Some(11.0), None]);
    // 3 open × 0.5 × 300,000 ÷ 91 days (2026-08-01 → 2026-10-31)
    let v = m.velocity.unwrap();
    assert!((v - 3.0 * 0.5 * 300_000.0 / 91.0).abs() < 1e-6, "{v}");
    assert_eq!(
        (m.balance.best_few, m.balance.in_funnel, m.balance.above),
        (1, 1, 1)
    );
    assert!(m.balance.healthy());
    assert_eq!(m.action_share, [0.0, 1.0, 0.0, 0.0, 0.0]);
    assert_eq!(m.slipping, [(1, 1)]);
    assert_eq!(m.stalled, [1]);
}

#[test]
fn since_review_reports_every_kind_of_change() {
    let mut ws = fixture();
    let snap = |id: &str, stage: Stage, value: i64, close: Option<&str>| ReviewedOpportunity {
        id: id.into(),
        stage,
        value: Money::from_units(value),
        expected_close: close.map(d),
        ..Default::default()
    };
    ws.opportunities[1].expected_close = Some(d("2026-12-20"));
    ws.opportunities[2].expected_close = Some(d("2026-12-01"));
    ws.reviews.push(Review {
        on: d("2026-11-09"),
        ..Default::default()
    });
    ws.reviews.push(Review {
        on: d("2026-11-16"),
        opportunities: vec![
            snap("dr", Stage::Propose, 200_000, Some("2026-12-01")), // regressed, slipped
            snap("n", Stage::Propose, 350_000, Some("2026-12-01")),  // advanced, value changed
            snap("w", Stage::Close, 300_000, None),                  // won
            snap("l", Stage::Drive, 50_000, None),                   // lost
        ],
        ..Default::default()
    });
    let s = metrics::since(&ws, metrics::latest_review(&ws).unwrap());
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        s,
        SinceReview {
            on: d("2026-11-16"),
            new: ids(&["q"]),
            advanced: ids(&["n"]),
            regressed: ids(&["dr"]),
            won: ids(&["w"]),
            lost: ids(&["l"]),
            slipped: ids(&["dr"]),
            value_changed: vec![(
                "n".into(),
                Money::from_units(350_000),
                Money::from_units(400_000)
            )],
        }
    );
}

fn run(sb: &Sandbox, path: &std::path::Path, args: &[&str]) -> String {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_demo_report_in_markdown() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    run(&sb, &path, &["init", "--demo"]);
    insta::assert_snapshot!(run(&sb, &path, &["report"]));
}

#[test]
fn the_json_report_has_the_spec_shape() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    run(&sb, &path, &["init", "--demo"]);
    let r: serde_json::Value =
        serde_json::from_str(&run(&sb, &path, &["report", "--format", "json"])).unwrap();
    assert_eq!(r["today"], "2026-11-23");
    assert_eq!(r["currency"], "CNY");
    assert_eq!(r["open"]["count"], 19);
    let stages: Vec<&str> = r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["qualify", "drive", "propose", "negotiate", "close"]
    );
    for s in r["stages"].as_array().unwrap() {
        for k in ["count", "value", "weighted", "stalled"] {
            assert!(s[k].is_number(), "{k}");
        }
    }
    assert_eq!(
        (r["won"]["count"].as_u64(), r["lost"]["count"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(r["win_rate"], 0.6);
    let since = &r["since_review"];
    assert_eq!(since["on"], "2026-11-16");
    assert_eq!(since["new"], serde_json::json!(["o1", "o2"]));
    assert_eq!(since["advanced"], serde_json::json!(["o10", "o18"]));
    assert_eq!(since["regressed"], serde_json::json!(["o7"]));
    assert_eq!(since["won"], serde_json::json!(["o20"]));
    assert_eq!(since["lost"], serde_json::json!(["o21"]));
    assert_eq!(since["slipped"], serde_json::json!(["o6", "o15"]));
    assert_eq!(
        since["value_changed"][0],
        serde_json::json!({"id": "o13", "from": 480000, "to": 436800.35})
    );
}

#[test]
fn user_text_in_markdown_is_escaped() {
    assert_eq!(
        funnel::cli::report::md("*big* deal_[1] <b>#x|y"),
        "\\*big\\* deal\\_\\[1\\] \\<b\\>\\#x\\|y"
    );
}
