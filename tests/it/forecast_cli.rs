//! `funnel forecast` (spec section 8) against a hand-computed fixture across
//! two quarters, 2026-Q4 and 2027-Q1: every figure of the JSON, the `null`
//! gap and coverage, the moves since the review, `commit-at-risk`, the
//! Chinese table, and the weekly report's forecast.
//!
//! Today is Monday 2026-11-23; the stage defaults are qualify 10, drive 25,
//! propose 50, negotiate 75, close 90 (commit ≥ 90, best case ≥ 60,
//! pipeline > 0, omitted 0).
//!
//! | deal | owner | close (now) | p | category | value | at the review of 11-16 |
//! |---|---|---|---|---|---|---|
//! | d01 | Li | 2026-09-30 | 90 | commit | 1,000 | 2026-10-30, commit: pushed out of Q4 |
//! | d02 | Li | 2026-10-01 | 90 | commit | 10,000 | no date, commit: pulled into Q4 |
//! | d03 | Li | 2026-10-15 | 89 | best case | 20,000 | same |
//! | d04 | Li | 2026-11-30 | 60 | best case | 30,000 | commit: category changed |
//! | d05 | Li | 2026-11-10 | 59 | pipeline | 40,000.50 | same |
//! | d06 | Li | 2026-12-31 | 10 | pipeline | 50,000 | 2027-01-10: pulled into Q4, out of Q1 |
//! | d07 | Li | 2026-12-15 | 0 | omitted | 60,000 | same |
//! | d08 | Li | 2026-12-20 | close 90 | commit | 70,000 | 2026-11-28: out of November |
//! | d09 | Li | 2026-11-05 | negotiate 75 | best case | 80,000 | 2026-12-10, no category: into November |
//! | d10 | Li | 2026-10-20 | propose 50 | commit (set) | 90,000 | best case: changed |
//! | d11 | Li | 2026-12-05 | close 90 | pipeline (set) | 15,000 | same |
//! | d12 | Li | 2026-11-12 | 95 | omitted (set) | 25,000 | same |
//! | d13 | Li | 2026-10-10 | 20 | best case (set) | 35,000 | not in the review |
//! | w0 | Li | won 2026-09-30 (close 2026-10-05) | | won, Q3 | 200,000 | |
//! | w1 | Li | won 2026-11-02 (close 2027-01-15) | | won, Q4 | 100,000 | |
//! | l1 | Li | lost 2026-11-03 | | never | 300,000 | |
//! | n1 | Li | no close date | 90 | never | 400,000 | |
//! | e01 | Li | 2027-01-01 | 90 | commit | 11,000 | 2026-12-28, best case: out of Q4, into Q1, changed |
//! | e02 | Li | 2027-02-14 | drive 25 | pipeline | 22,000 | same |
//! | e03 | Li | 2027-03-31 | qualify 10 | best case (set) | 33,000 | pipeline: changed |
//! | e04 | Li | 2027-03-01 | 0 | omitted | 44,000 | same |
//! | v1 | Wang | 2026-11-25 | 90 | commit | 5,000 | same |
//! | v2 | Wang | won 2026-10-30 | | won | 7,000 | |
//! | v3 | Wang | 2027-01-20 | 60 | best case | 8,000 | same |
//!
//! Targets: 2026-Q4 600,000 and 2026-11 250,000 (October and December a
//! third of the quarter: 200,000); 2027-Q1 300,001 (a third to the cent:
//! 100,000.34, 100,000.33, 100,000.33); Wang Fang 2026-Q4 6,000 (the
//! workspace's own entry wins over the sum of the owners'). An older review
//! of 2026-11-09 would pull d03 in if it were the one compared with.

use crate::common::{Sandbox, funnel_on as funnel, run_on as run, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

/// An open deal of Li Wei's (the workspace owner): `p` its probability
/// (None: the stage's), `cat` its category if set.
fn open(
    id: &str,
    close: Option<&str>,
    stage: &str,
    p: Option<u8>,
    cat: Option<&str>,
    value: f64,
) -> Value {
    json!({
        "id": id, "title": format!("Deal {id}"), "account": "a1", "value": value,
        "stage": stage, "expected_close": close, "probability": p,
        "forecast_category": cat, "created": "2026-06-01",
    })
}

fn closed(id: &str, result: &str, on: &str, close: &str, value: f64) -> Value {
    json!({
        "id": id, "title": format!("Deal {id}"), "account": "a1", "value": value,
        "stage": "close", "expected_close": close, "created": "2026-06-01",
        "outcome": {"result": result, "on": on},
    })
}

fn owned(mut deal: Value, owner: &str) -> Value {
    deal["owner"] = owner.into();
    deal
}

/// A deal as a review recorded it.
fn seen(id: &str, close: Option<&str>, cat: Option<&str>) -> Value {
    json!({"id": id, "stage": "propose", "value": 1, "expected_close": close, "forecast_category": cat})
}

fn workspace() -> Value {
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {
            "owner": "Li Wei",
            "currency": "CNY",
            "targets": [
                {"period": "2026-Q4", "amount": 600000, "owner": null},
                {"period": "2026-11", "amount": 250000, "owner": null},
                {"period": "2027-Q1", "amount": 300001, "owner": null},
                {"period": "2026-Q4", "amount": 6000, "owner": "Wang Fang"},
            ],
        },
        "accounts": [{"id": "a1", "name": "Acme"}],
        "opportunities": [
            open("d01", Some("2026-09-30"), "propose", Some(90), None, 1000.0),
            open("d02", Some("2026-10-01"), "propose", Some(90), None, 10000.0),
            open("d03", Some("2026-10-15"), "propose", Some(89), None, 20000.0),
            open("d04", Some("2026-11-30"), "propose", Some(60), None, 30000.0),
            open("d05", Some("2026-11-10"), "propose", Some(59), None, 40000.5),
            open("d06", Some("2026-12-31"), "propose", Some(10), None, 50000.0),
            open("d07", Some("2026-12-15"), "propose", Some(0), None, 60000.0),
            open("d08", Some("2026-12-20"), "close", None, None, 70000.0),
            open("d09", Some("2026-11-05"), "negotiate", None, None, 80000.0),
            open("d10", Some("2026-10-20"), "propose", None, Some("commit"), 90000.0),
            open("d11", Some("2026-12-05"), "close", None, Some("pipeline"), 15000.0),
            open("d12", Some("2026-11-12"), "propose", Some(95), Some("omitted"), 25000.0),
            open("d13", Some("2026-10-10"), "propose", Some(20), Some("best_case"), 35000.0),
            closed("w0", "won", "2026-09-30", "2026-10-05", 200000.0),
            closed("w1", "won", "2026-11-02", "2027-01-15", 100000.0),
            closed("l1", "lost", "2026-11-03", "2026-11-20", 300000.0),
            open("n1", None, "close", Some(90), None, 400000.0),
            open("e01", Some("2027-01-01"), "propose", Some(90), None, 11000.0),
            open("e02", Some("2027-02-14"), "drive", None, None, 22000.0),
            open("e03", Some("2027-03-31"), "qualify", None, Some("best_case"), 33000.0),
            open("e04", Some("2027-03-01"), "propose", Some(0), None, 44000.0),
            owned(open("v1", Some("2026-11-25"), "propose", Some(90), None, 5000.0), "Wang Fang"),
            owned(closed("v2", "won", "2026-10-30", "2026-10-30", 7000.0), "Wang Fang"),
            owned(open("v3", Some("2027-01-20"), "propose", Some(60), None, 8000.0), "Wang Fang"),
        ],
        "reviews": [
            {"on": "2026-11-16", "opportunities": [
                seen("d01", Some("2026-10-30"), Some("commit")),
                seen("d02", None, Some("commit")),
                seen("d03", Some("2026-10-15"), Some("best_case")),
                seen("d04", Some("2026-11-30"), Some("commit")),
                seen("d05", Some("2026-11-10"), Some("pipeline")),
                seen("d06", Some("2027-01-10"), Some("pipeline")),
                seen("d07", Some("2026-12-15"), Some("omitted")),
                seen("d08", Some("2026-11-28"), Some("commit")),
                seen("d09", Some("2026-12-10"), None),
                seen("d10", Some("2026-10-20"), Some("best_case")),
                seen("d11", Some("2026-12-05"), Some("pipeline")),
                seen("d12", Some("2026-11-12"), Some("omitted")),
                seen("e01", Some("2026-12-28"), Some("best_case")),
                seen("e02", Some("2027-02-14"), Some("pipeline")),
                seen("e03", Some("2027-03-31"), Some("pipeline")),
                seen("e04", Some("2027-03-01"), Some("omitted")),
                seen("v1", Some("2026-11-25"), Some("commit")),
                seen("v3", Some("2027-01-20"), Some("best_case")),
            ]},
            {"on": "2026-11-09", "opportunities": [
                seen("d03", Some("2027-02-01"), Some("pipeline")),
            ]},
        ],
    })
}

fn sandbox(ws: &Value) -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    std::fs::write(&path, serde_json::to_vec_pretty(ws).unwrap()).unwrap();
    (sb, path)
}

fn forecast_json(sb: &Sandbox, path: &Path, args: &[&str]) -> Value {
    let text = run(
        sb,
        path,
        &[&["forecast", "--format", "json"][..], args].concat(),
    );
    serde_json::from_str(&text).unwrap()
}

/// The object with the spec's fields only (funnel's own additions left
/// out), to compare whole.
fn spec_fields(v: &Value) -> Value {
    let keep = |v: &Value, keys: &[&str]| -> Value {
        Value::Object(
            keys.iter()
                .map(|k| ((*k).to_owned(), v[*k].clone()))
                .collect(),
        )
    };
    let mut top = keep(
        v,
        &[
            "period",
            "from",
            "to",
            "target",
            "won",
            "commit",
            "best_case",
            "pipeline",
            "omitted",
            "weighted",
            "gap",
            "coverage",
            "moves",
        ],
    );
    top["months"] = Value::Array(
        v["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                keep(
                    m,
                    &["month", "target", "won", "commit", "best_case", "pipeline"],
                )
            })
            .collect(),
    );
    top
}

#[test]
fn the_fixture_is_a_valid_workspace() {
    let (sb, path) = sandbox(&workspace());
    let out = funnel(&sb, &path, &["check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn every_figure_of_the_current_quarter() {
    let (sb, path) = sandbox(&workspace());
    // no --period: the quarter of today
    let v = forecast_json(&sb, &path, &[]);
    assert_eq!(v, forecast_json(&sb, &path, &["--period", "2026-Q4"]));
    assert_eq!(
        spec_fields(&v),
        json!({
            "period": "2026-Q4", "from": "2026-10-01", "to": "2026-12-31",
            "target": 600000,
            // w1 100,000 + v2 7,000; not w0 (won in Q3 though due in Q4)
            "won": 107000,
            // d02 10,000 + d08 70,000 + d10 90,000 (set) + v1 5,000
            "commit": 175000,
            // d03 20,000 + d04 30,000 + d09 80,000 + d13 35,000 (set)
            "best_case": 165000,
            // d05 40,000.50 + d06 50,000 + d11 15,000 (set)
            "pipeline": 105000.5,
            // d07 60,000 + d12 25,000 (set)
            "omitted": 85000,
            // 9,000 + 17,800 + 18,000 + 23,600.30 + 5,000 + 63,000 + 60,000
            // + 45,000 + 13,500 + 7,000 + 4,500
            "weighted": 266400.3,
            "gap": 493000,
            // 445,000.50 / 493,000 = 0.902638…
            "coverage": 0.9026,
            "months": [
                {"month": "2026-10", "target": 200000, "won": 7000, "commit": 100000, "best_case": 55000, "pipeline": 0},
                {"month": "2026-11", "target": 250000, "won": 100000, "commit": 5000, "best_case": 110000, "pipeline": 40000.5},
                {"month": "2026-12", "target": 200000, "won": 0, "commit": 70000, "best_case": 0, "pipeline": 65000},
            ],
            "moves": {
                "since": "2026-11-16",
                "pulled_in": ["d02", "d06"],
                "pushed_out": ["d01", "e01"],
                "category_changed": [
                    {"id": "d04", "from": "commit", "to": "best_case"},
                    {"id": "d10", "from": "best_case", "to": "commit"},
                    {"id": "e01", "from": "best_case", "to": "commit"},
                ],
                // which way each went: d01 earlier, out of Q4; e01 later
                "moved": [
                    {"id": "d01", "from": "2026-10-30", "to": "2026-09-30"},
                    {"id": "d02", "from": null, "to": "2026-10-01"},
                    {"id": "d06", "from": "2027-01-10", "to": "2026-12-31"},
                    {"id": "e01", "from": "2026-12-28", "to": "2027-01-01"},
                ],
            },
        })
    );
    // funnel's additions
    assert_eq!(v["owner"], Value::Null);
    assert_eq!(v["currency"], "CNY");
    assert_eq!(v["today"], TODAY);
    assert_eq!(
        v["counts"],
        json!({"won": 2, "commit": 4, "best_case": 4, "pipeline": 3, "omitted": 2})
    );
    let months = v["months"].as_array().unwrap();
    assert_eq!(
        [
            &months[0]["omitted"],
            &months[1]["omitted"],
            &months[2]["omitted"]
        ],
        [&json!(0), &json!(25000), &json!(60000)]
    );
    // October: 9,000 + 17,800 + 45,000 + 7,000; November 18,000 +
    // 23,600.30 + 60,000 + 4,500; December 5,000 + 63,000 + 13,500
    assert_eq!(
        [
            &months[0]["weighted"],
            &months[1]["weighted"],
            &months[2]["weighted"]
        ],
        [&json!(78800), &json!(106100.3), &json!(81500)]
    );
    // November: 155,000.50 / 150,000
    assert_eq!(months[1]["gap"], 150000);
    assert_eq!(months[1]["coverage"], 1.0333);
    let deals: Vec<(&str, &str, &str, bool)> = v["deals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["bucket"].as_str().unwrap(),
                d["month"].as_str().unwrap(),
                d["category_set"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        deals,
        [
            ("d02", "commit", "2026-10", false),
            ("d03", "best_case", "2026-10", false),
            ("d04", "best_case", "2026-11", false),
            ("d05", "pipeline", "2026-11", false),
            ("d06", "pipeline", "2026-12", false),
            ("d07", "omitted", "2026-12", false),
            ("d08", "commit", "2026-12", false),
            ("d09", "best_case", "2026-11", false),
            ("d10", "commit", "2026-10", true),
            ("d11", "pipeline", "2026-12", true),
            ("d12", "omitted", "2026-11", true),
            ("d13", "best_case", "2026-10", true),
            ("w1", "won", "2026-11", false),
            ("v1", "commit", "2026-11", false),
            ("v2", "won", "2026-10", false),
        ]
    );
}

#[test]
fn every_figure_of_the_next_quarter() {
    let (sb, path) = sandbox(&workspace());
    let v = forecast_json(&sb, &path, &["--period", "2027-Q1"]);
    assert_eq!(
        spec_fields(&v),
        json!({
            "period": "2027-Q1", "from": "2027-01-01", "to": "2027-03-31",
            "target": 300001,
            "won": 0,
            "commit": 11000,
            // e03 33,000 (set over qualify's 10) + v3 8,000
            "best_case": 41000,
            "pipeline": 22000,
            "omitted": 44000,
            // 9,900 + 5,500 + 3,300 + 4,800
            "weighted": 23500,
            "gap": 300001,
            // 74,000 / 300,001
            "coverage": 0.2467,
            "months": [
                {"month": "2027-01", "target": 100000.34, "won": 0, "commit": 11000, "best_case": 8000, "pipeline": 0},
                {"month": "2027-02", "target": 100000.33, "won": 0, "commit": 0, "best_case": 0, "pipeline": 22000},
                {"month": "2027-03", "target": 100000.33, "won": 0, "commit": 0, "best_case": 33000, "pipeline": 0},
            ],
            "moves": {
                "since": "2026-11-16",
                "pulled_in": ["e01"],
                "pushed_out": ["d06"],
                "category_changed": [
                    {"id": "e01", "from": "best_case", "to": "commit"},
                    {"id": "e03", "from": "pipeline", "to": "best_case"},
                ],
                "moved": [
                    {"id": "d06", "from": "2027-01-10", "to": "2026-12-31"},
                    {"id": "e01", "from": "2026-12-28", "to": "2027-01-01"},
                ],
            },
        })
    );
}

#[test]
fn every_figure_of_one_month() {
    let (sb, path) = sandbox(&workspace());
    let v = forecast_json(&sb, &path, &["--period", "2026-11"]);
    assert_eq!(
        spec_fields(&v),
        json!({
            "period": "2026-11", "from": "2026-11-01", "to": "2026-11-30",
            // its own, not a third of the quarter
            "target": 250000,
            "won": 100000,
            "commit": 5000,
            "best_case": 110000,
            "pipeline": 40000.5,
            "omitted": 25000,
            "weighted": 106100.3,
            "gap": 150000,
            "coverage": 1.0333,
            "months": [
                {"month": "2026-11", "target": 250000, "won": 100000, "commit": 5000, "best_case": 110000, "pipeline": 40000.5},
            ],
            // moves inside the quarter count for the month
            "moves": {
                "since": "2026-11-16",
                "pulled_in": ["d09"],
                "pushed_out": ["d08"],
                "category_changed": [{"id": "d04", "from": "commit", "to": "best_case"}],
                "moved": [
                    {"id": "d08", "from": "2026-11-28", "to": "2026-12-20"},
                    {"id": "d09", "from": "2026-12-10", "to": "2026-11-05"},
                ],
            },
        })
    );
}

#[test]
fn one_owner_and_the_null_gap_and_coverage() {
    let (sb, path) = sandbox(&workspace());
    // Wang Fang has won more than the target: the gap is below zero, the
    // coverage null
    let v = forecast_json(&sb, &path, &["--owner", "Wang Fang"]);
    assert_eq!(
        spec_fields(&v),
        json!({
            "period": "2026-Q4", "from": "2026-10-01", "to": "2026-12-31",
            "target": 6000, "won": 7000, "commit": 5000, "best_case": 0,
            "pipeline": 0, "omitted": 0, "weighted": 4500,
            "gap": -1000, "coverage": null,
            "months": [
                {"month": "2026-10", "target": 2000, "won": 7000, "commit": 0, "best_case": 0, "pipeline": 0},
                {"month": "2026-11", "target": 2000, "won": 0, "commit": 5000, "best_case": 0, "pipeline": 0},
                {"month": "2026-12", "target": 2000, "won": 0, "commit": 0, "best_case": 0, "pipeline": 0},
            ],
            "moves": {"since": "2026-11-16", "pulled_in": [], "pushed_out": [], "category_changed": [], "moved": []},
        })
    );
    assert_eq!(v["owner"], "Wang Fang");
    // the gap exactly closed: null coverage, gap 0
    let mut ws = workspace();
    ws["settings"]["targets"][3]["amount"] = 7000.into();
    let (sb2, path2) = sandbox(&ws);
    let v = forecast_json(&sb2, &path2, &["--owner", "Wang Fang"]);
    assert_eq!((&v["gap"], &v["coverage"]), (&json!(0), &Value::Null));
    // Li Wei (the workspace owner: the deals without one) has no target
    let v = forecast_json(&sb, &path, &["--owner", "Li Wei"]);
    assert_eq!(
        spec_fields(&v),
        json!({
            "period": "2026-Q4", "from": "2026-10-01", "to": "2026-12-31",
            "target": null, "won": 100000, "commit": 170000, "best_case": 165000,
            "pipeline": 105000.5, "omitted": 85000, "weighted": 261900.3,
            "gap": null, "coverage": null,
            "months": [
                {"month": "2026-10", "target": null, "won": 0, "commit": 100000, "best_case": 55000, "pipeline": 0},
                {"month": "2026-11", "target": null, "won": 100000, "commit": 0, "best_case": 110000, "pipeline": 40000.5},
                {"month": "2026-12", "target": null, "won": 0, "commit": 70000, "best_case": 0, "pipeline": 65000},
            ],
            "moves": {
                "since": "2026-11-16",
                "pulled_in": ["d02", "d06"],
                "pushed_out": ["d01", "e01"],
                "category_changed": [
                    {"id": "d04", "from": "commit", "to": "best_case"},
                    {"id": "d10", "from": "best_case", "to": "commit"},
                    {"id": "e01", "from": "best_case", "to": "commit"},
                ],
                // which way each went: d01 earlier, out of Q4; e01 later
                "moved": [
                    {"id": "d01", "from": "2026-10-30", "to": "2026-09-30"},
                    {"id": "d02", "from": null, "to": "2026-10-01"},
                    {"id": "d06", "from": "2027-01-10", "to": "2026-12-31"},
                    {"id": "e01", "from": "2026-12-28", "to": "2027-01-01"},
                ],
            },
        })
    );
    // a quarter without any target: null, and the table says why
    let v = forecast_json(&sb, &path, &["--period", "2027-Q2"]);
    assert_eq!(
        (&v["target"], &v["gap"], &v["coverage"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );
    let table = run(&sb, &path, &["forecast", "--period", "2027-Q2"]);
    assert!(
        table.contains("No target for 2027-Q2 (settings.targets)"),
        "{table}"
    );
}

#[test]
fn an_owner_nobody_has_is_refused_naming_the_owners() {
    let (sb, path) = sandbox(&workspace());
    let before = std::fs::read(&path).unwrap();
    let out = funnel(&sb, &path, &["forecast", "--owner", "Zhao"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--owner \"Zhao\""), "{err}");
    assert!(err.contains("Li Wei; Wang Fang"), "{err}");
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_bad_period_exits_2_naming_the_option_and_leaves_the_file() {
    let (sb, path) = sandbox(&workspace());
    let before = std::fs::read(&path).unwrap();
    for bad in ["2026-13", "2026-Q5", "Q4", "2026"] {
        let out = funnel(&sb, &path, &["forecast", "--period", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr(&out);
        assert!(err.contains("--period"), "{err}");
        assert!(
            err.contains(&format!(
                "invalid period {bad:?}, expected a quarter like 2026-Q4 or a month like 2026-12"
            )),
            "{err}"
        );
        assert!(stdout(&out).is_empty());
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_table_and_the_markdown_read_every_figure_and_the_moves() {
    let (sb, path) = sandbox(&workspace());
    let table = run(&sb, &path, &["forecast"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "Forecast 2026-Q4, 2026-10-01 to 2026-12-31 · all owners · CNY"
    );
    let row = |name: &str| -> Vec<&str> {
        let line = lines
            .iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} row in\n{table}"));
        line[name.len()..].split_whitespace().collect()
    };
    assert_eq!(
        lines[2].split_whitespace().collect::<Vec<_>>(),
        ["2026-Q4", "Oct", "Nov", "Dec"]
    );
    assert_eq!(row("Target"), ["600,000", "200,000", "250,000", "200,000"]);
    assert_eq!(row("Won"), ["107,000", "7,000", "100,000", "0"]);
    assert_eq!(row("Commit"), ["175,000", "100,000", "5,000", "70,000"]);
    assert_eq!(row("Best case"), ["165,000", "55,000", "110,000", "0"]);
    assert_eq!(row("Pipeline"), ["105,000.50", "0", "40,000.50", "65,000"]);
    assert_eq!(row("Omitted"), ["85,000", "0", "25,000", "60,000"]);
    assert_eq!(
        row("Weighted"),
        ["266,400.30", "78,800", "106,100.30", "81,500"]
    );
    assert_eq!(row("Gap"), ["493,000", "193,000", "150,000", "200,000"]);
    // October 155,000 / 193,000; December 135,000 / 200,000
    assert_eq!(row("Coverage"), ["0.9×", "0.8×", "1.0×", "0.7×"]);
    assert!(
        table.contains(
            "Coverage 0.9× of the gap: thin (healthy at 3× or more: about one open deal in three is won)."
        ),
        "{table}"
    );
    assert!(
        table.contains("Moves since the review of 2026-11-16"),
        "{table}"
    );
    // the moves, one a line: what, the id, the title, the change
    let moves: Vec<Vec<&str>> = lines
        .iter()
        .skip_while(|l| !l.starts_with("MOVE"))
        .skip(2)
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        moves,
        [
            vec!["into the period", "d02", "Deal d02", "— → 2026-10-01"],
            vec![
                "into the period",
                "d06",
                "Deal d06",
                "2027-01-10 → 2026-12-31"
            ],
            vec![
                "out of the period",
                "d01",
                "Deal d01",
                "2026-10-30 → 2026-09-30"
            ],
            vec![
                "out of the period",
                "e01",
                "Deal e01",
                "2026-12-28 → 2027-01-01"
            ],
            vec!["category changed", "d04", "Deal d04", "commit → best case"],
            vec!["category changed", "d10", "Deal d10", "best case → commit"],
            vec!["category changed", "e01", "Deal e01", "best case → commit"],
        ]
    );
    let md = run(&sb, &path, &["forecast", "--format", "md"]);
    for want in [
        "## Forecast, 2026-Q4\n",
        "| | 2026-Q4 | Oct | Nov | Dec |\n|---|---:|---:|---:|---:|\n",
        "| Target | 600,000 | 200,000 | 250,000 | 200,000 |\n",
        "| Gap | 493,000 | 193,000 | 150,000 | 200,000 |\n",
        "| Coverage | 0.9× | 0.8× | 1.0× | 0.7× |\n",
        "### Moves since the review of 2026-11-16\n",
        "- **Into the period:** Deal d02 (— → 2026-10-01); Deal d06 (2027-01-10 → 2026-12-31)\n",
        "- **Out of the period:** Deal d01 (2026-10-30 → 2026-09-30); Deal e01 (2026-12-28 → 2027-01-01)\n",
        "- **Category changed:** Deal d04 (commit → best case); Deal d10 (best case → commit); Deal e01 (best case → commit)\n",
    ] {
        assert!(md.contains(want), "{want:?} missing from\n{md}");
    }
    // past the target: the gap below zero, no coverage, said plainly
    let wang = run(&sb, &path, &["forecast", "--owner", "Wang Fang"]);
    assert!(
        wang.starts_with("Forecast 2026-Q4, 2026-10-01 to 2026-12-31 · Wang Fang · CNY\n"),
        "{wang}"
    );
    let gap = wang.lines().find(|l| l.starts_with("Gap")).unwrap();
    assert_eq!(
        gap.split_whitespace().collect::<Vec<_>>(),
        ["Gap", "-1,000", "-5,000", "2,000", "2,000"]
    );
    assert!(
        wang.contains(
            "Target reached: 7,000 won against a target of 6,000, nothing left to cover."
        ),
        "{wang}"
    );
}

#[test]
fn healthy_coverage_is_read_as_healthy() {
    let mut ws = workspace();
    // 2027-Q1: open 74,000 against a target of 20,000: 3.7×
    ws["settings"]["targets"][2]["amount"] = 20000.into();
    let (sb, path) = sandbox(&ws);
    let table = run(&sb, &path, &["forecast", "--period", "2027-Q1"]);
    assert!(
        table.contains(
            "Coverage 3.7× of the gap: healthy (3× or more, since about one open deal in three is won)."
        ),
        "{table}"
    );
}

#[test]
fn the_chinese_table_has_chinese_headings_and_the_json_is_the_same_bytes() {
    let (sb, path) = sandbox(&workspace());
    let zh = run(&sb, &path, &["--lang", "zh", "forecast"]);
    for want in [
        "预测：2026年第4季度",
        "全部负责人",
        "2026年第4季度",
        "10月",
        "目标",
        "赢单",
        "承诺",
        "最佳情况",
        "管道",
        "不计入",
        "差距",
        "覆盖率",
        "回顾以来的变动",
        "移入本期",
        "承诺 → 最佳情况",
    ] {
        assert!(zh.contains(want), "{want:?} missing from\n{zh}");
    }
    let md = run(&sb, &path, &["--lang", "zh", "forecast", "--format", "md"]);
    assert!(md.starts_with("## 预测：2026年第4季度\n"), "{md}");
    assert!(
        md.contains(
            "- **移入本期**：Deal d02（— → 2026-10-01）；Deal d06（2027-01-10 → 2026-12-31）\n"
        ),
        "{md}"
    );
    for period in ["2026-Q4", "2027-Q1", "2026-11"] {
        let en = run(
            &sb,
            &path,
            &["forecast", "--format", "json", "--period", period],
        );
        let zh = run(
            &sb,
            &path,
            &[
                "--lang", "zh", "forecast", "--format", "json", "--period", period,
            ],
        );
        assert_eq!(en, zh, "{period}");
    }
}

#[test]
fn the_weekly_report_carries_the_forecast_of_the_quarter() {
    let (sb, path) = sandbox(&workspace());
    let report: Value =
        serde_json::from_str(&run(&sb, &path, &["report", "--format", "json"])).unwrap();
    assert_eq!(report["forecast"], forecast_json(&sb, &path, &[]));
    let md = run(&sb, &path, &["report"]);
    let section = run(&sb, &path, &["forecast", "--format", "md"]);
    assert!(md.contains(&section), "{md}");
    // the section holds the figures the brief names
    for want in [
        "| Target |",
        "| Won |",
        "| Commit |",
        "| Best case |",
        "| Pipeline |",
        "| Gap |",
        "| Coverage |",
        "### Moves since the review",
    ] {
        assert!(section.contains(want), "{want}");
    }
}

/// Finishing today's review (the snapshot the workbench records) right
/// before `forecast` does not empty the moves: they are measured from the
/// latest review before today; the next day, from today's.
#[test]
fn a_review_finished_today_keeps_the_moves_until_tomorrow() {
    let (sb, path) = sandbox(&workspace());
    let before = forecast_json(&sb, &path, &[]);
    let mut ws = funnel::store::read(&path).unwrap().workspace;
    let today = funnel::domain::Date::parse(TODAY).unwrap();
    let snapshot = funnel::domain::metrics::snapshot(&ws, today);
    ws.reviews.push(snapshot);
    std::fs::write(&path, funnel::store::to_json_bytes(&ws)).unwrap();
    let after = forecast_json(&sb, &path, &[]);
    assert_eq!(after["moves"], before["moves"]);
    assert_eq!(after["moves"]["since"], "2026-11-16");
    // the day after, today's review is the one before
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-24", "forecast", "--format", "json"])
        .output()
        .unwrap();
    let next: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        next["moves"],
        json!({"since": TODAY, "pulled_in": [], "pushed_out": [], "category_changed": [], "moved": []})
    );
}

#[test]
fn list_json_carries_the_category_used() {
    let (sb, path) = sandbox(&workspace());
    let items: Value =
        serde_json::from_str(&run(&sb, &path, &["list", "--format", "json"])).unwrap();
    let used = |id: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .map(|o| o["forecast_category_used"].clone())
            .unwrap()
    };
    assert_eq!(used("d02"), "commit");
    assert_eq!(used("d03"), "best_case");
    assert_eq!(used("d05"), "pipeline");
    assert_eq!(used("d07"), "omitted");
    // set wins over the probability; the stored field stays as it is
    assert_eq!(used("d11"), "pipeline");
    assert_eq!(used("e03"), "best_case");
    // a closed deal is in no category: won counts as won, lost not at all
    let all: Value =
        serde_json::from_str(&run(&sb, &path, &["list", "--all", "--format", "json"])).unwrap();
    for id in ["w1", "l1"] {
        let o = all
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap();
        assert_eq!(o["forecast_category_used"], Value::Null, "{id}");
    }
}

/// `report --since`: the forecast's moves are measured from the same review
/// as the week, so one report never says "since" two different days.
#[test]
fn the_report_measures_the_forecast_moves_from_its_own_review() {
    let (sb, path) = sandbox(&workspace());
    let report = |args: &[&str]| -> Value {
        let mut all = vec!["report", "--format", "json"];
        all.extend(args);
        serde_json::from_str(&run(&sb, &path, &all)).unwrap()
    };
    let latest = report(&[]);
    assert_eq!(latest["since_review"]["on"], "2026-11-16");
    assert_eq!(latest["forecast"]["moves"]["since"], "2026-11-16");
    let older = report(&["--since", "2026-11-10"]);
    assert_eq!(older["since_review"]["on"], "2026-11-09");
    assert_eq!(older["forecast"]["moves"]["since"], "2026-11-09");
    // at the older review d03 closed in 2027-02: it came into Q4 since then
    assert_eq!(older["forecast"]["moves"]["pulled_in"], json!(["d03"]));
    let md = run(&sb, &path, &["report", "--since", "2026-11-10"]);
    assert!(
        md.contains("### Moves since the review of 2026-11-09\n"),
        "{md}"
    );
}

/// A pipeline with many moves: the Markdown (an email) names twenty of
/// each kind and counts the rest; the JSON lists every one.
#[test]
fn many_moves_are_counted_not_pasted_in_full() {
    let mut ws = workspace();
    let (mut deals, mut seen) = (Vec::new(), Vec::new());
    for k in 0..30 {
        let id = format!("m{k:02}");
        deals.push(
            json!({"id": id, "title": format!("Moved {k}"), "account": "a1",
            "value": 1000, "stage": "drive", "expected_close": "2026-12-01"}),
        );
        seen.push(
            json!({"id": id, "stage": "drive", "value": 1000, "expected_close": "2027-02-01"}),
        );
    }
    ws["opportunities"].as_array_mut().unwrap().extend(deals);
    ws["reviews"][0]["opportunities"]
        .as_array_mut()
        .unwrap()
        .extend(seen);
    let (sb, path) = sandbox(&ws);
    let md = run(&sb, &path, &["forecast", "--format", "md"]);
    let line = md
        .lines()
        .find(|l| l.starts_with("- **Into the period:**"))
        .unwrap();
    // d02 and d06 come first, then 18 of the 30
    assert_eq!(line.matches("Moved ").count(), 18, "{line}");
    assert!(
        line.ends_with("; and 12 more (funnel forecast --format json lists every one)"),
        "{line}"
    );
    let v = forecast_json(&sb, &path, &[]);
    assert_eq!(v["moves"]["pulled_in"].as_array().unwrap().len(), 32);
}

// commit-at-risk through `funnel flags`.

fn risky(id: &str, stage: &str, p: Option<u8>, cat: Option<&str>, close: &str) -> Value {
    json!({
        "id": id, "title": format!("Deal {id}"), "account": "a1", "value": 10000,
        "stage": stage, "probability": p, "forecast_category": cat,
        "expected_close": close, "created": "2026-06-01",
        "qualification": {"need": true, "authority": true, "budget": true, "timeline": true},
        "influences": [{"id": "i1", "name": "Boss", "roles": ["economic"], "coverage": 2}],
    })
}

fn commit_at_risk(sb: &Sandbox, path: &Path, id: &str) -> Option<String> {
    let v: Value = serde_json::from_str(&run(
        sb,
        path,
        &["flags", "--opportunity", id, "--format", "json"],
    ))
    .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "commit-at-risk")
        .map(|f| {
            assert_eq!(f["severity"], "high");
            f["message"].as_str().unwrap().to_owned()
        })
}

#[test]
fn commit_at_risk_is_raised_for_each_cause_and_only_on_commit() {
    let fine = "2026-12-15";
    let passed = risky("passed", "close", Some(95), None, "2026-11-20");
    let mut no_eb = risky("no-eb", "close", None, None, fine);
    no_eb["influences"] = json!([]);
    let mut not_met = risky("not-met", "propose", None, Some("commit"), fine);
    not_met["influences"][0]["coverage"] = 0.into();
    let mut unqualified = risky("unqualified", "propose", Some(90), None, fine);
    unqualified["qualification"]["budget"] = Value::Null;
    let ok = risky("ok", "close", None, None, fine);
    // best case (negotiate 75) with every cause: not raised
    let mut best = risky("best", "negotiate", None, None, "2026-11-01");
    best["influences"] = json!([]);
    best["qualification"] = json!({});
    // set to best case over a probability of 95: not raised
    let mut set_best = risky(
        "set-best",
        "close",
        Some(95),
        Some("best_case"),
        "2026-11-01",
    );
    set_best["influences"] = json!([]);
    let ws = json!({
        "format": "funnel-workspace", "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [{"id": "a1", "name": "Acme"}],
        "opportunities": [passed, no_eb, not_met, unqualified, ok, best, set_best],
    });
    let (sb, path) = sandbox(&ws);
    let cases = [
        (
            "passed",
            Some("committed in the forecast, but: its close date has passed"),
        ),
        (
            "no-eb",
            Some("committed in the forecast, but: no economic buyer"),
        ),
        (
            "not-met",
            Some("committed in the forecast, but: the economic buyer never met"),
        ),
        (
            "unqualified",
            Some("committed in the forecast, but: not fully qualified"),
        ),
        ("ok", None),
        ("best", None),
        ("set-best", None),
    ];
    for (id, want) in cases {
        assert_eq!(commit_at_risk(&sb, &path, id).as_deref(), want, "{id}");
    }
}
