//! `funnel plan ACCOUNT [--format md|json]` (spec section 11): seed 003's
//! account plan. Snapshots of a hand-built account with every section
//! filled and of one with nothing filled, in English and Chinese Markdown
//! and in JSON; the demo in both languages; an unknown account; and the
//! file left as it was.
//!
//! Today is 2026-11-23 (day 327 of 365). The filled account `f1`:
//!
//! | what | data | shows |
//! |---|---|---|
//! | won | d2 2026-03-10 200,000; d3 2025-06-01 300,000; d4 2023-02-01 100,000 | one per group of the history |
//! | lost | d5 2026-09-01 | lost count 1 |
//! | target | 600,000 | expected by now 600,000 × 327/365 − 60,000 = 477,534.24; 200,000 is 33 % |
//! | invoices | i1 0.10 issued 2026-10-01, terms 30 → due 10-31, 23 days overdue; i2 0.20 due 2026-12-01; i3 paid | unpaid 0.30 (to the cent), overdue 0.10, available 99,999.70 |
//! | complaints | c1 raised 2026-11-01 (22 days) open; c2 resolved | complaint-open on c1 |
//! | satisfaction | 4 on 2026-06-01, 3 on 2026-10-01 | satisfaction-falling |
//! | d1 actions | t1 due 11-20 (overdue), t2 due 11-30, t3 done 11-18 | the timeline |
//! | d1 log | 11-21, 11-10, 2026-08-01 (114 days: left out) | the work log |

use crate::common::{Sandbox, funnel_on as funnel, run_on as run, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn workspace() -> Value {
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [
            {
                "id": "f1", "name": "长城润滑油 *Group*", "industry": "lubricants",
                "tier": "key", "attractiveness": 4, "advantage": 4, "relationship": "mid",
                "notes": "IPO in 2027 | needs clean books",
                "swot": {"strengths": ["national network"], "weaknesses": ["three ERPs"],
                         "opportunities": ["IPO readiness"], "threats": ["foreign brands"]},
                "contacts": [
                    {"id": "p1", "name": "王总", "title": "CFO | 财务", "email": "wang@gwl.cn", "phone": "+86 10 1234"},
                    {"id": "p2", "name": "张敏", "title": "Finance Manager"}
                ],
                "plan": {
                    "last_year_target": 500_000, "last_year_result": 450_000, "target": 600_000,
                    "strategy": "Land phase 1,\nthen expand to the plants",
                    "resources": "presales 2 days a week; 实施团队 in 天津",
                    "goals": ["Phase 1 signed by December", "CFO sponsor"],
                    "needs": "month-end close in 5 days",
                    "decision_process": "IT scores, the CFO approves, the board signs above 1M"
                },
                "credit": {
                    "limit": 100_000, "terms_days": 30,
                    "invoices": [
                        {"id": "i1", "number": "INV-1", "amount": 0.1, "issued": "2026-10-01"},
                        {"id": "i2", "number": "INV-2", "amount": 0.2, "due": "2026-12-01"},
                        {"id": "i3", "number": "INV-0", "amount": 5000, "due": "2026-09-01", "paid": "2026-08-30"}
                    ]
                },
                "complaints": [
                    {"id": "c1", "text": "Late delivery of the <b>report</b> module", "raised": "2026-11-01"},
                    {"id": "c2", "text": "Invoice address wrong", "raised": "2026-07-01", "resolved": "2026-07-05"}
                ],
                "satisfaction": [
                    {"on": "2026-10-01", "score": 3, "note": "delivery slipped"},
                    {"on": "2026-06-01", "score": 4}
                ]
            },
            {"id": "e1", "name": "Empty Ltd"}
        ],
        "opportunities": [
            {
                "id": "d1", "title": "ERP rollout, phase 1", "account": "f1",
                "value": 1_000_000, "stage": "negotiate", "expected_close": "2026-12-15",
                "created": "2026-09-01",
                "influences": [
                    {"id": "x1", "name": "王总", "title": "CFO", "roles": ["economic"], "attitude": "supporter"},
                    {"id": "x2", "name": "刘工", "title": "IT director", "roles": ["technical", "user"], "attitude": "neutral"},
                    {"id": "x3", "name": "张敏", "roles": ["coach"], "attitude": "champion"}
                ],
                "actions": [
                    {"id": "t2", "text": "Workshop on the MES interface", "due": "2026-11-30", "influence": "x2"},
                    {"id": "t1", "text": "Send the TCO model", "due": "2026-11-20", "influence": "x1"},
                    {"id": "t3", "text": "Call 张敏", "due": "2026-11-18", "done": "2026-11-18", "influence": "x3"}
                ],
                "log": [
                    {"on": "2026-08-01", "text": "first meeting"},
                    {"on": "2026-11-10", "text": "CFO agreed the budget owner"},
                    {"on": "2026-11-21", "text": "刘工 asked for the *MES* spec"}
                ]
            },
            {"id": "d2", "title": "WMS support renewal", "account": "f1", "value": 200_000,
             "stage": "close", "outcome": {"result": "won", "on": "2026-03-10"}},
            {"id": "d3", "title": "ERP pre-study", "account": "f1", "value": 300_000,
             "stage": "close", "outcome": {"result": "won", "on": "2025-06-01"}},
            {"id": "d4", "title": "Consulting", "account": "f1", "value": 100_000,
             "stage": "close", "outcome": {"result": "won", "on": "2023-02-01"}},
            {"id": "d5", "title": "BI dashboards", "account": "f1", "value": 80_000,
             "stage": "propose", "outcome": {"result": "lost", "on": "2026-09-01"}}
        ]
    })
}

fn sandbox() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&workspace()).unwrap()).unwrap();
    (sb, path)
}

fn plan_json(sb: &Sandbox, path: &Path, id: &str) -> Value {
    serde_json::from_str(&run(sb, path, &["plan", id, "--format", "json"])).unwrap()
}

/// The text between a `## ` heading and the next one.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in\n{text}"));
    let rest = &text[start + heading.len() + 2..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn the_fixture_is_a_valid_workspace() {
    let (sb, path) = sandbox();
    let out = funnel(&sb, &path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_filled_plan_in_markdown() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["plan", "f1"]));
}

#[test]
fn the_filled_plan_in_chinese_markdown() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["--lang", "zh", "plan", "f1"]));
}

#[test]
fn the_filled_plan_in_json() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["plan", "f1", "--format", "json"]);
    // the same bytes in Chinese (spec section 12)
    assert_eq!(
        run(
            &sb,
            &path,
            &["--lang", "zh", "plan", "f1", "--format", "json"]
        ),
        text
    );
    insta::assert_snapshot!(text);
}

#[test]
fn the_empty_plan_in_markdown() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["plan", "e1"]));
}

#[test]
fn the_empty_plan_in_chinese_markdown() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["--lang", "zh", "plan", "e1"]));
}

#[test]
fn the_empty_plan_in_json() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["plan", "e1", "--format", "json"]));
}

/// Every heading is there, in the order of seed 003, even with nothing in
/// the account: the manager sees the gap.
#[test]
fn every_section_shows_in_order_even_when_empty() {
    let (sb, path) = sandbox();
    for (lang, headings) in [
        (
            "en",
            [
                "## Profile",
                "## Purchase history",
                "## Needs",
                "## Decision process",
                "## Last year against this year",
                "## Strategy",
                "## Resources",
                "## Goals",
                "## Credit",
                "## Customer feedback",
                "## Open deals",
                "## Warnings",
                "## Action timeline",
                "## Work log",
            ],
        ),
        (
            "zh",
            [
                "## 客户概况",
                "## 采购历史",
                "## 需求",
                "## 决策流程",
                "## 去年与今年",
                "## 策略",
                "## 资源",
                "## 具体目标",
                "## 信用",
                "## 客户反馈",
                "## 进行中的商机",
                "## 预警信号",
                "## 行动时间表",
                "## 工作日志",
            ],
        ),
    ] {
        for id in ["f1", "e1"] {
            let text = run(&sb, &path, &["--lang", lang, "plan", id]);
            let at: Vec<usize> = headings
                .iter()
                .map(|h| {
                    text.find(&format!("\n{h}\n"))
                        .unwrap_or_else(|| panic!("{lang} {id}: no {h} in\n{text}"))
                })
                .collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{lang} {id}: {at:?}");
        }
    }
    let empty = run(&sb, &path, &["plan", "e1"]);
    for h in ["## Needs", "## Strategy", "## Resources", "## Goals"] {
        assert_eq!(section(&empty, h).trim(), "Not set.", "{h}");
    }
    assert!(
        section(&empty, "## Last year against this year")
            .contains("- **This year's target:** not set")
    );
    assert!(section(&empty, "## Credit").contains("- **Credit limit:** not set"));
}

#[test]
fn the_figures_add_up_to_the_cent() {
    let (sb, path) = sandbox();
    let p = plan_json(&sb, &path, "f1");
    let c = &p["credit_status"];
    // 0.1 + 0.2 unpaid: 0.30 exactly, not 0.30000000000000004
    assert_eq!(c["unpaid"], json!(0.3));
    assert_eq!(c["unpaid_count"], json!(2));
    assert_eq!(c["overdue"], json!(0.1));
    assert_eq!(c["overdue_count"], json!(1));
    // due 2026-10-31 (issued 10-01 + 30 days terms) to 11-23
    assert_eq!(c["days_overdue"], json!(23));
    assert_eq!(c["available"], json!(99_999.7));
    let ids: Vec<&str> = c["unpaid_invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["i1", "i2"],
        "the paid one is left out, oldest due first"
    );
    let y = &p["year"];
    // 600,000 × 327 / 365 − 60,000 = 477,534.2465… → 477,534.25 (rounded
    // up: the least won that is on pace)
    assert_eq!(y["expected_by_now"], json!(477_534.25));
    assert_eq!(y["won_this_year"], json!(200_000));
    assert_eq!(y["share_of_target"], json!(33.33));
    let h = &p["purchase_history"];
    assert_eq!(
        (
            &h["won_this_year"],
            &h["won_last_year"],
            &h["won_earlier"],
            &h["lost_count"]
        ),
        (&json!(200_000), &json!(300_000), &json!(100_000), &json!(1))
    );
    let rules: Vec<&str> = p["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "payment-overdue",
            "complaint-open",
            "satisfaction-falling",
            "behind-target",
            "won-below-last-year"
        ]
    );
    // the timeline: open by due date, the overdue one marked, then done
    let open: Vec<(&str, bool)> = p["timeline"]["open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["action"].as_str().unwrap(),
                s["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(open, [("t1", true), ("t2", false)]);
    assert_eq!(p["timeline"]["done"][0]["person"], json!("张敏"));
    // the log: the last 90 days, newest first
    let log: Vec<&str> = p["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["on"].as_str().unwrap())
        .collect();
    assert_eq!(log, ["2026-11-21", "2026-11-10"]);
}

#[test]
fn user_text_is_escaped_in_markdown() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["plan", "f1"]);
    assert!(
        text.starts_with("# Account plan: 长城润滑油 \\*Group\\*\n"),
        "{text}"
    );
    assert!(text.contains("| 王总 | CFO \\| 财务 |"), "{text}");
    assert!(text.contains("\\<b\\>report\\</b\\>"), "{text}");
    assert!(text.contains("刘工 asked for the \\*MES\\* spec"), "{text}");
}

#[test]
fn an_account_is_found_by_id_or_name() {
    let (sb, path) = sandbox();
    let by_id = run(&sb, &path, &["plan", "e1"]);
    assert_eq!(run(&sb, &path, &["plan", "Empty Ltd"]), by_id);
    assert_eq!(run(&sb, &path, &["plan", "empty ltd"]), by_id);
    // two names equal but for case: only the exact one is found
    let mut ws = workspace();
    ws["accounts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "e2", "name": "EMPTY LTD"}));
    std::fs::write(&path, serde_json::to_vec_pretty(&ws).unwrap()).unwrap();
    assert!(run(&sb, &path, &["plan", "EMPTY LTD"]).contains("e2 · as of"));
    let out = funnel(&sb, &path, &["plan", "empty ltd"]);
    assert_eq!(out.status.code(), Some(2), "ambiguous: {}", stdout(&out));
    assert!(
        stderr(&out).contains("(e1, e2); give the id"),
        "{}",
        stderr(&out)
    );
    // two accounts of exactly one name (a hand-edited file): neither is
    // guessed
    ws["accounts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "e3", "name": "EMPTY LTD"}));
    std::fs::write(&path, serde_json::to_vec_pretty(&ws).unwrap()).unwrap();
    let out = funnel(&sb, &path, &["plan", "EMPTY LTD"]);
    assert_eq!(out.status.code(), Some(2), "ambiguous: {}", stdout(&out));
    assert!(
        stderr(&out).contains("(e1, e2, e3); give the id"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_account_exits_2_naming_it_and_writes_nothing() {
    let (sb, path) = sandbox();
    let before = std::fs::read(&path).unwrap();
    let out = funnel(&sb, &path, &["plan", "a99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("\"a99\""), "{err}");
    assert!(err.contains("funnel accounts"), "{err}");
    let out = funnel(&sb, &path, &["--lang", "zh", "plan", "a99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"a99\"：没有客户"),
        "{}",
        stderr(&out)
    );
    let out = funnel(&sb, &path, &["plan", "a99", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// `plan` reads only: after `accounts` and a clean `check`, and after
/// itself, the file's bytes are as they were.
#[test]
fn plan_writes_nothing() {
    let (sb, path) = sandbox();
    let before = std::fs::read(&path).unwrap();
    run(&sb, &path, &["accounts"]);
    run(&sb, &path, &["accounts", "--format", "json"]);
    for format in ["md", "json"] {
        run(&sb, &path, &["plan", "f1", "--format", format]);
    }
    run(&sb, &path, &["check"]);
    for lang in ["en", "zh"] {
        run(&sb, &path, &["--lang", lang, "plan", "e1"]);
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_demo_plans_in_both_languages() {
    let sb = Sandbox::new();
    let path = sb.path("demo.json");
    run(&sb, &path, &["init", "--demo"]);
    let before = std::fs::read(&path).unwrap();
    let accounts: Vec<Value> =
        serde_json::from_str(&run(&sb, &path, &["accounts", "--format", "json"])).unwrap();
    assert!(!accounts.is_empty());
    for a in &accounts {
        let id = a["id"].as_str().unwrap();
        let en = run(&sb, &path, &["plan", id]);
        assert!(en.starts_with("# Account plan: "), "{en}");
        let zh = run(&sb, &path, &["--lang", "zh", "plan", id]);
        assert!(zh.starts_with("# 客户计划："), "{zh}");
        assert!(zh.contains("## 行动时间表"), "{zh}");
        let json: Value =
            serde_json::from_str(&run(&sb, &path, &["plan", id, "--format", "json"])).unwrap();
        assert_eq!(json["id"], a["id"]);
        assert_eq!(json["warnings"], a["warnings"]);
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
