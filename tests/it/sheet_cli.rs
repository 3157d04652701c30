//! `funnel sheet ID [--format md|json]` (spec section 9): the deal's Blue
//! Sheet for a deal review. Snapshots of the demo (English and Chinese
//! Markdown, JSON), and a hand-built workspace with every section filled:
//!
//! | deal | what it shows |
//! |---|---|
//! | d1 | negotiate, close 2026-12-15, no coach; Rival A ahead, Rival B behind; a weight-5 commercial criterion we are behind on, a technical one ahead, an unweighted one; a close plan whose last dated step (2026-12-20) is after the close date; a snoozed flag; an open action |
//! | d2 | won on 2026-11-02 |
//! | d3 | a bare qualify deal: every section empty |
//!
//! Today is 2026-11-23.

use crate::common::{Sandbox, funnel_on as funnel, run_on as run, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn demo(sb: &Sandbox, lang: &str) -> PathBuf {
    let path = sb.path("demo.json");
    run(sb, &path, &["--lang", lang, "init", "--demo"]);
    path
}

#[test]
fn the_demo_sheet_in_markdown() {
    let sb = Sandbox::new();
    let path = demo(&sb, "en");
    insta::assert_snapshot!(run(&sb, &path, &["sheet", "o5"]));
}

#[test]
fn the_demo_sheet_in_json() {
    let sb = Sandbox::new();
    let path = demo(&sb, "en");
    insta::assert_snapshot!(run(&sb, &path, &["sheet", "o5", "--format", "json"]));
}

#[test]
fn the_demo_sheet_in_chinese_markdown() {
    let sb = Sandbox::new();
    let path = demo(&sb, "zh");
    insta::assert_snapshot!(run(&sb, &path, &["--lang", "zh", "sheet", "o5"]));
}

fn workspace() -> Value {
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [{"id": "a1", "name": "长城润滑油"}],
        "opportunities": [
            {
                "id": "d1", "title": "ERP rollout, phase 1", "account": "a1",
                "value": 1_000_000, "stage": "negotiate", "expected_close": "2026-12-15",
                "created": "2026-09-01", "owner": "Wang Fang",
                "stage_history": [{"stage": "negotiate", "entered": "2026-11-13"}],
                "objective": "Signed phase-1 order for 3 plants by 15 December",
                "qualification": {"need": true, "authority": true, "budget": true, "timeline": true},
                "influences": [
                    {"id": "i1", "name": "王总", "title": "CFO", "roles": ["economic"],
                     "attitude": "supporter", "mode": "growth", "influence": "high",
                     "coverage": 2, "last_contact": "2026-11-20"},
                    {"id": "i2", "name": "刘工", "title": "IT director", "roles": ["technical", "user"],
                     "attitude": "neutral", "mode": "even_keel", "influence": "medium",
                     "coverage": 1, "last_contact": "2026-11-18"}
                ],
                "snoozed": [{"rule": "no-coach", "until": "2026-12-01", "reason": "asking 张敏"}],
                "strengths": ["local implementation team in 天津"],
                "actions": [
                    {"id": "t1", "text": "Walk the CFO through the TCO model", "due": "2026-11-25",
                     "influence": "i1", "created": "2026-11-20"}
                ],
                "competition": [
                    {"id": "c1", "name": "Rival A", "position": "ahead",
                     "strengths": ["price", "incumbent at HQ"], "weaknesses": ["no local team"]},
                    {"id": "c2", "name": "Rival B", "position": "behind"}
                ],
                "value_proposition": {
                    "needs": "month-end close takes 12 days",
                    "benefits": "close in 5 days; 2 FTE saved",
                    "differentiators": "local team; finance templates"
                },
                "decision_criteria": [
                    {"id": "k3", "text": "References in lubricants", "standing": "unknown"},
                    {"id": "k2", "text": "Integration with the MES", "kind": "technical",
                     "weight": 3, "held_by": "i2", "standing": "ahead"},
                    {"id": "k1", "text": "Total cost over five years", "kind": "commercial",
                     "weight": 5, "held_by": "i1", "standing": "behind"}
                ],
                "decision_process": "IT scores, the CFO approves, the board signs above 1M",
                "compelling_event": {"text": "new plant opens in March", "on": "2027-03-01"},
                "close_plan": [
                    {"id": "s3", "text": "Kick-off workshop", "side": "both"},
                    {"id": "s2", "text": "Board approval", "side": "customer", "due": "2026-12-20"},
                    {"id": "s1", "text": "Final proposal", "side": "us", "due": "2026-11-20",
                     "done": "2026-11-19"}
                ],
                "team": [{"name": "Li Wei", "role": "account lead"}, {"name": "Zhang Gong", "role": "presales"}]
            },
            {
                "id": "d2", "title": "WMS support renewal", "account": "a1", "value": 200_000,
                "stage": "close", "expected_close": "2026-11-01", "created": "2026-08-01",
                "outcome": {"result": "won", "on": "2026-11-02", "reason": "renewed on time"}
            },
            {
                "id": "d3", "title": "Warehouse study", "account": "a1", "value": 50_000,
                "stage": "qualify", "created": "2026-11-20"
            }
        ]
    })
}

fn sandbox() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&workspace()).unwrap()).unwrap();
    (sb, path)
}

fn sheet_json(sb: &Sandbox, path: &Path, id: &str) -> Value {
    serde_json::from_str(&run(sb, path, &["sheet", id, "--format", "json"])).unwrap()
}

#[test]
fn the_fixture_is_a_valid_workspace() {
    let (sb, path) = sandbox();
    let out = funnel(&sb, &path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// The text between a `## ` heading and the next one.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading:?} in:\n{text}"));
    let rest = &text[start + heading.len() + 2..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn every_section_is_filled_in_markdown() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["sheet", "d1"]);
    assert!(
        text.starts_with(
            "# Blue Sheet: ERP rollout, phase 1\n\n长城润滑油 · d1 · as of 2026-11-23\n"
        ),
        "{text}"
    );
    let position = section(&text, "## Position");
    for line in [
        "- **Stage:** negotiate 商务洽谈, 10 days in this stage",
        "- **Value:** 1,000,000 CNY · probability used 75% · weighted 750,000 CNY",
        "- **Forecast category:** best case (from its probability)",
        "- **Expected close:** 2026-12-15",
        "- **Owner:** Wang Fang",
        "- **Single sales objective:** Signed phase-1 order for 3 plants by 15 December",
    ] {
        assert!(position.contains(line), "{line:?} in {position}");
    }
    let vp = section(&text, "## Value proposition");
    assert!(
        vp.contains("- **Benefits:** close in 5 days; 2 FTE saved"),
        "{vp}"
    );
    assert!(
        section(&text, "## Compelling event").contains("new plant opens in March (by 2027-03-01)")
    );
    assert!(section(&text, "## Decision process").contains("the board signs above 1M"));
    assert!(section(&text, "## Our team").contains("- Zhang Gong: presales"));

    // the influences with their modes and coverage; the missing coach
    let people = section(&text, "## Buying influences");
    assert!(
        people.contains(
            "| 王总 | CFO | economic | + supporter | growth | high | 2 one-to-one | 2026-11-20 |"
        ),
        "{people}"
    );
    assert!(
        people.contains("| 刘工 | IT director | technical, user | = neutral | even keel | medium | 1 introduction | 2026-11-18 |"),
        "{people}"
    );
    assert!(
        people.contains("**Roles nobody holds:** coach."),
        "{people}"
    );

    // the competitor ahead raises its flag; the snoozed one is counted
    let flags = section(&text, "## Red flags");
    assert!(flags.contains("- **high** · Rival A is ahead\n"), "{flags}");
    assert!(
        flags.contains("- **high** · behind on “Total cost over five years” (weight 5)"),
        "{flags}"
    );
    // the snoozed one is listed apart, with its date and reason
    let (shown, snoozed) = flags
        .split_once("Snoozed (hidden until the day after the date):")
        .expect("a snoozed list");
    assert!(!shown.contains("no coach"), "no-coach is snoozed: {flags}");
    assert!(
        snoozed.contains("- no coach (内线) to guide the sale · until 2026-12-01: asking 张敏"),
        "{flags}"
    );
    let strengths = section(&text, "## Strengths");
    assert!(strengths.contains("- local implementation team in 天津"));
    assert!(strengths.contains("- all four qualification conditions confirmed"));

    let competition = section(&text, "## Competition");
    assert!(
        competition.contains("| Rival A | ▲ ahead | price; incumbent at HQ | no local team |"),
        "{competition}"
    );
    assert!(
        competition.contains("| Rival B | ▼ behind | — | — |"),
        "{competition}"
    );

    // heaviest first, who holds each by name, the advice where we are behind
    let criteria = section(&text, "## Decision criteria");
    let rows: Vec<&str> = criteria.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(
        rows,
        [
            "| Weight | Criterion | Kind | Held by | Where we stand |",
            "| 5 | Total cost over five years | commercial | 王总 | ▼ behind |",
            "| 3 | Integration with the MES | technical | 刘工 | ▲ ahead |",
            "| — | References in lubricants | — | — | ? unknown |",
        ]
    );
    assert!(
        criteria.contains(
            "- **Total cost over five years:** Change the terms of the comparison: the total cost"
        ),
        "{criteria}"
    );
    assert!(
        !criteria.contains("Integration with the MES:**"),
        "{criteria}"
    );

    // in order of due date, undated last; the line to the close date
    let plan = section(&text, "## Close plan");
    let rows: Vec<&str> = plan.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(
        rows,
        [
            "| Due | Step | Side | Done |",
            "| 2026-11-20 | Final proposal | us | 2026-11-19 |",
            "| 2026-12-20 | Board approval | customer | not yet |",
            "| — | Kick-off workshop | both | not yet |",
        ]
    );
    assert!(
        plan.contains(
            "**The plan ends 2026-12-20, after the expected close 2026-12-15: the date is not real.** 1 of 3 steps done."
        ),
        "{plan}"
    );

    let actions = section(&text, "## Best actions");
    assert!(
        actions.contains("| 1 | 2026-11-25 | Walk the CFO through the TCO model |"),
        "{actions}"
    );
}

#[test]
fn a_plan_in_time_says_so_and_empty_sections_say_none_yet() {
    let (sb, path) = sandbox();
    let mut ws = workspace();
    ws["opportunities"][0]["close_plan"][1]["due"] = "2026-12-15".into();
    // a table cell stays one cell, whatever the text holds
    ws["opportunities"][0]["competition"][1]["name"] = "Rival | B\nGmbH".into();
    ws["opportunities"][0]["competition"][1]["strengths"] = json!(["*cheap*", "fast"]);
    std::fs::write(&path, serde_json::to_vec(&ws).unwrap()).unwrap();
    let text = run(&sb, &path, &["sheet", "d1"]);
    assert!(
        text.contains(
            "The plan ends 2026-12-15, by the expected close 2026-12-15. 1 of 3 steps done."
        ),
        "{text}"
    );
    assert!(!text.contains("not real"));
    assert!(
        text.contains("| Rival \\| B GmbH | ▼ behind | \\*cheap\\*; fast | — |"),
        "{text}"
    );

    let text = run(&sb, &path, &["sheet", "d3"]);
    for heading in [
        "## Value proposition",
        "## Compelling event",
        "## Decision process",
        "## Our team",
        "## Buying influences",
        "## Strengths",
        "## Competition",
        "## Decision criteria",
        "## Close plan",
    ] {
        let s = section(&text, heading);
        assert!(
            s.contains("None yet.") || s.contains("none yet"),
            "{heading}: {s}"
        );
    }
    assert!(text.contains("- **Single sales objective:** none yet\n"));
    assert!(
        text.contains("**Roles nobody holds:** economic, user, technical, coach."),
        "{text}"
    );
    // its flags, and the suggestion of its high one as its best action
    assert!(
        section(&text, "## Red flags").contains("- **high** · no open action\n"),
        "{text}"
    );
    assert!(
        section(&text, "## Best actions")
            .contains("| 1 | suggested | Decide the next step with the customer"),
        "{text}"
    );
}

#[test]
fn an_unknown_id_exits_2_naming_it_and_writes_nothing() {
    let (sb, path) = sandbox();
    let before = std::fs::read(&path).unwrap();
    let out = funnel(&sb, &path, &["sheet", "d9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("\"d9\""), "{err}");
    assert!(err.contains("funnel list --all"), "{err}");
    // and in Chinese
    let out = funnel(&sb, &path, &["--lang", "zh", "sheet", "d9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"d9\"：没有商机"),
        "{}",
        stderr(&out)
    );
    // a missing id is clap's usage error
    assert_eq!(funnel(&sb, &path, &["sheet"]).status.code(), Some(2));
    for format in ["md", "json"] {
        run(&sb, &path, &["sheet", "d1", "--format", format]);
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "sheet is read-only");
}

#[test]
fn a_closed_deal_has_its_sheet() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["sheet", "d2"]);
    assert!(
        text.contains("- **Outcome:** won on 2026-11-02 · renewed on time\n"),
        "{text}"
    );
    assert!(!text.contains("Forecast category"), "{text}");
    assert!(text.contains("None: a closed deal carries no red flags."));
    assert!(section(&text, "## Best actions").contains("None: the deal is closed."));
    let v = sheet_json(&sb, &path, "d2");
    assert_eq!(v["status"], "won");
    assert_eq!(v["closed_on"], "2026-11-02");
    assert_eq!(v["probability_used"], 100);
    assert_eq!(v["weighted"], 200_000);
    assert_eq!(v["forecast_category_used"], Value::Null);
    assert_eq!(v["days_in_stage"], Value::Null);
    assert_eq!(v["flags"], json!([]));
    assert_eq!(v["actions"], json!([]));
}

/// The keys of the objects `depth` levels deep in pretty JSON, in the
/// order written.
fn keys_at(text: &str, depth: usize) -> Vec<&str> {
    let indent = " ".repeat(2 * depth);
    text.lines()
        .filter_map(|l| l.strip_prefix(&indent))
        .filter(|l| l.starts_with('"'))
        .filter_map(|l| l[1..].split_once("\": ").map(|(k, _)| k))
        .collect()
}

#[test]
fn json_keys_are_stable_and_the_same_bytes_in_chinese() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["sheet", "d1", "--format", "json"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        keys_at(&text, 1),
        [
            "id",
            "title",
            "account",
            "account_name",
            "stage",
            "status",
            "closed_on",
            "days_in_stage",
            "value",
            "currency",
            "probability_used",
            "weighted",
            "forecast_category_used",
            "expected_close",
            "owner",
            "objective",
            "today",
            "value_proposition",
            "compelling_event",
            "decision_process",
            "team",
            "influences",
            "roles_missing",
            "flags",
            "snoozed",
            "strengths",
            "competition",
            "decision_criteria",
            "close_plan",
            "actions",
        ]
    );
    assert_eq!(
        (&v["id"], &v["account"], &v["account_name"]),
        (&json!("d1"), &json!("a1"), &json!("长城润滑油"))
    );
    assert_eq!(v["stage"], "negotiate");
    assert_eq!(v["days_in_stage"], 10);
    assert_eq!(v["value"], 1_000_000);
    assert_eq!(v["weighted"], 750_000);
    assert_eq!(v["forecast_category_used"], "best_case");
    assert_eq!(v["owner"], "Wang Fang");
    assert_eq!(
        v["compelling_event"],
        json!({"text": "new plant opens in March", "on": "2027-03-01"})
    );
    assert_eq!(
        v["influences"][1],
        json!({"id": "i2", "name": "刘工", "title": "IT director", "roles": ["technical", "user"],
               "attitude": "neutral", "mode": "even_keel", "influence": "medium",
               "coverage": 1, "last_contact": "2026-11-18"})
    );
    assert_eq!(v["roles_missing"], json!(["coach"]));
    assert_eq!(
        v["snoozed"],
        json!([{"rule": "no-coach", "severity": "high", "subject": null,
                "message": "no coach (内线) to guide the sale", "until": "2026-12-01",
                "reason": "asking 张敏"}])
    );
    let rules: Vec<&str> = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"competitor-ahead"), "{rules:?}");
    assert!(!rules.contains(&"no-coach"), "snoozed: {rules:?}");
    let ahead = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "competitor-ahead")
        .unwrap();
    assert_eq!(ahead["subject"], "c1");
    assert_eq!(ahead["severity"], "high");
    assert_eq!(
        v["competition"][0],
        json!({"id": "c1", "name": "Rival A", "position": "ahead",
               "strengths": ["price", "incumbent at HQ"], "weaknesses": ["no local team"]})
    );
    let criteria = v["decision_criteria"].as_array().unwrap();
    let ids: Vec<&str> = criteria.iter().map(|k| k["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["k1", "k2", "k3"]);
    assert_eq!(criteria[0]["held_by"], "i1");
    assert_eq!(criteria[0]["held_by_name"], "王总");
    assert_eq!(criteria[0]["kind"], "commercial");
    assert_eq!(criteria[0]["weight"], 5);
    assert!(
        criteria[0]["advice"]
            .as_str()
            .unwrap()
            .starts_with("Change the terms of the comparison")
    );
    assert_eq!(criteria[1]["advice"], Value::Null);
    assert_eq!(criteria[2]["weight"], Value::Null);
    let plan = &v["close_plan"];
    let inner =
        &text[text.find("\"close_plan\": {").unwrap()..text.find("\"actions\": [").unwrap()];
    assert_eq!(
        keys_at(inner, 2),
        ["steps", "ends", "ends_after_close", "open", "done"]
    );
    assert_eq!(plan["ends"], "2026-12-20");
    assert_eq!(plan["ends_after_close"], true);
    assert_eq!((&plan["open"], &plan["done"]), (&json!(2), &json!(1)));
    assert_eq!(
        plan["steps"][0],
        json!({"id": "s1", "text": "Final proposal", "side": "us",
               "due": "2026-11-20", "done": "2026-11-19"})
    );
    assert_eq!(plan["steps"][2]["id"], "s3");
    assert_eq!(
        v["team"][0],
        json!({"name": "Li Wei", "role": "account lead"})
    );

    // the deal's entries of `funnel actions`, in the same order and words
    let all: Vec<Value> =
        serde_json::from_str(&run(&sb, &path, &["actions", "--format", "json"])).unwrap();
    let mine: Vec<Value> = all
        .into_iter()
        .filter(|e| e["opportunity"] == "d1")
        .take(5)
        .map(|mut e| {
            e.as_object_mut().unwrap().remove("opportunity");
            e
        })
        .collect();
    assert!(!mine.is_empty());
    assert_eq!(v["actions"], Value::Array(mine));

    // the same bytes in every language
    let zh = run(
        &sb,
        &path,
        &["--lang", "zh", "sheet", "d1", "--format", "json"],
    );
    assert_eq!(zh, text);
    let mut cmd = sb.funnel();
    cmd.env("LANG", "zh_CN.UTF-8")
        .arg("--workspace")
        .arg(&path)
        .args(["--today", TODAY, "sheet", "d1", "--format", "json"]);
    assert_eq!(stdout(&cmd.output().unwrap()), text);
}

#[test]
fn the_chinese_sheet_uses_the_course_terms() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["--lang", "zh", "sheet", "d1"]);
    assert!(
        text.starts_with("# 蓝表（策略单页）：ERP rollout, phase 1\n"),
        "{text}"
    );
    for part in [
        "## 价值主张",
        "## 紧迫事件",
        "## 买方影响力",
        "## 红旗信号",
        "## 竞争对手",
        "## 决策标准",
        "## 成交计划",
        "- **单一销售目标：**",
        "- **阶段：**商务洽谈，已在本阶段 10 天",
        "| Rival A | ▲ 领先 |",
        "| 5 | Total cost over five years | 商务 | 王总 | ▼ 落后 |",
        "**无人担任的角色：**教练。",
        "**计划于 2026-12-20 结束，晚于预计成交日期 2026-12-15：这个日期不现实。**",
        "| 2026-12-20 | Board approval | 客户 | 未完成 |",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }
    // no English heading is left
    for line in text.lines().filter(|l| l.starts_with("## ")) {
        assert!(!line.chars().any(|c| c.is_ascii_alphabetic()), "{line}");
    }
}
