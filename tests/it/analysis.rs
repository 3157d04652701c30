//! `funnel analysis` and view 6: the sales result analysis of spec section
//! 7 over a fixture of closed deals whose every figure was computed by hand
//! (in the comments beside them), its command line, and the screen.

use crate::common::{Sandbox, demo_app, press, stderr, stdout};
use funnel::tui::screens::ScreenId;
use ratatui::crossterm::event::KeyCode;
use serde_json::{Value, json};

/// An influence with these roles and this coverage.
fn person(id: &str, roles: &[&str], coverage: u8) -> Value {
    json!({"id": id, "name": id, "roles": roles, "coverage": coverage})
}

/// A closed deal: (id, result, outcome date, value, created, current stage,
/// stage history, account, product, competitors, influences, reason code).
#[allow(clippy::too_many_arguments)]
fn deal(
    id: &str,
    result: &str,
    on: &str,
    value: Value,
    created: Option<&str>,
    stage: &str,
    history: &[&str],
    account: &str,
    product: &str,
    competitors: &[&str],
    influences: Vec<Value>,
    reason: Option<&str>,
) -> Value {
    let history: Vec<Value> = history
        .iter()
        .map(|s| json!({"stage": s, "entered": "2025-06-01"}))
        .collect();
    json!({
        "id": id, "title": format!("deal {id}"), "account": account, "value": value,
        "stage": stage, "outcome": {"result": result, "on": on, "reason": "", "reason_code": reason},
        "created": created, "product": product, "stage_history": history,
        "competitors": competitors, "influences": influences,
    })
}

/// Eleven deals closed in 2026 (4 won, 5 lost, 2 abandoned), two closed
/// just outside the range, one open.
fn fixture() -> Value {
    let eco = |c| person("eco", &["economic"], c);
    let coach = || person("coach", &["coach"], 1);
    let deals = vec![
        // won; 59 days (Jan 10 → Mar 10); economic buyer met; coach
        deal(
            "w1",
            "won",
            "2026-03-10",
            json!(100000),
            Some("2026-01-10"),
            "close",
            &["qualify", "drive", "propose", "negotiate", "close"],
            "a1",
            "ERP",
            &["SAP"],
            vec![eco(2), coach()],
            Some("value"),
        ),
        // won; 30 days; economic buyer never met; coach; no stage history
        deal(
            "w2",
            "won",
            "2026-05-01",
            json!(200000.5),
            Some("2026-04-01"),
            "close",
            &[],
            "a2",
            "ERP",
            &[],
            vec![eco(0), coach()],
            Some("relationship"),
        ),
        // won in negotiate; no created date; SAP named twice counts once
        deal(
            "w3",
            "won",
            "2026-06-15",
            json!(50000),
            None,
            "negotiate",
            &["propose"],
            "a1",
            "WMS",
            &["SAP", "Oracle", "SAP"],
            vec![eco(1)],
            None,
        ),
        // won on the last day of the range; 30 days; a coach only
        deal(
            "w4",
            "won",
            "2026-11-30",
            json!(150000),
            Some("2026-10-31"),
            "close",
            &[],
            "a3",
            "WMS",
            &["Oracle"],
            vec![coach()],
            Some("value"),
        ),
        // lost on the first day of the range; 30 days
        deal(
            "l1",
            "lost",
            "2026-01-01",
            json!(300000),
            Some("2025-12-02"),
            "propose",
            &["qualify", "drive", "propose"],
            "a1",
            "ERP",
            &["SAP"],
            vec![eco(0), coach()],
            Some("price"),
        ),
        // lost after moving back from negotiate to drive: reached negotiate; 30 days
        deal(
            "l2",
            "lost",
            "2026-02-15",
            json!(80000),
            Some("2026-01-16"),
            "drive",
            &["qualify", "negotiate", "drive"],
            "a2",
            "WMS",
            &["Oracle"],
            vec![eco(1)],
            Some("competitor"),
        ),
        // lost; 90 days (Jan 20 → Apr 20); account without a tier; no product
        deal(
            "l3",
            "lost",
            "2026-04-20",
            json!(120000),
            Some("2026-01-20"),
            "qualify",
            &[],
            "a4",
            "",
            &[],
            vec![],
            Some("price"),
        ),
        // lost; no created date; no reason code
        deal(
            "l4",
            "lost",
            "2026-07-01",
            json!(40000),
            None,
            "drive",
            &[],
            "a4",
            "CRM",
            &["SAP"],
            vec![coach()],
            None,
        ),
        // lost; created after it closed: left out of the cycle; one person
        // both economic buyer (met) and coach
        deal(
            "l5",
            "lost",
            "2026-09-09",
            json!(500000),
            Some("2026-09-19"),
            "negotiate",
            &[],
            "a3",
            "CRM",
            &[],
            vec![person("both", &["economic", "coach"], 3)],
            Some("no_decision"),
        ),
        deal(
            "x1",
            "abandoned",
            "2026-08-01",
            json!(60000),
            Some("2026-07-01"),
            "qualify",
            &[],
            "a2",
            "ERP",
            &[],
            vec![eco(3), coach()],
            Some("no_decision"),
        ),
        deal(
            "x2",
            "abandoned",
            "2026-10-10",
            json!(700000),
            None,
            "drive",
            &[],
            "a1",
            "CRM",
            &["SAP"],
            vec![],
            Some("budget_lost"),
        ),
        // outside the range, a day either side
        deal(
            "before",
            "won",
            "2025-12-31",
            json!(999),
            None,
            "close",
            &[],
            "a1",
            "ERP",
            &[],
            vec![],
            None,
        ),
        deal(
            "after",
            "lost",
            "2026-12-01",
            json!(888),
            None,
            "close",
            &[],
            "a1",
            "ERP",
            &[],
            vec![],
            None,
        ),
        json!({"id": "open", "title": "still open", "account": "a1", "value": 5, "stage": "drive"}),
    ];
    json!({
        "format": "funnel-workspace", "version": 1,
        "settings": {"owner": "李伟", "currency": "CNY"},
        "accounts": [
            {"id": "a1", "name": "长城润滑油", "tier": "key"},
            {"id": "a2", "name": "华润万家", "tier": "regular"},
            {"id": "a3", "name": "Nordwind", "tier": "small"},
            {"id": "a4", "name": "无级别客户"},
        ],
        "opportunities": deals,
    })
}

fn sandbox_with_fixture() -> (Sandbox, std::path::PathBuf) {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&fixture()).unwrap()).unwrap();
    (sb, path)
}

fn analysis(sb: &Sandbox, path: &std::path::Path, args: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-30", "analysis"])
        .args(args)
        .output()
        .unwrap()
}

fn analysis_json(args: &[&str]) -> Value {
    let (sb, path) = sandbox_with_fixture();
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = analysis(&sb, &path, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// `[name-or-stage, won, lost]` of every row of a breakdown.
fn won_lost(rows: &Value, key: &str) -> Vec<(String, u64, u64, u64)> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[key].as_str().unwrap().to_owned(),
                r["won"].as_u64().unwrap(),
                r["lost"].as_u64().unwrap(),
                r["abandoned"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn rows(list: &[(&str, u64, u64, u64)]) -> Vec<(String, u64, u64, u64)> {
    list.iter()
        .map(|(n, w, l, a)| (n.to_string(), *w, *l, *a))
        .collect()
}

#[test]
fn every_figure_of_the_fixture_against_hand_computed_ones() {
    let r = analysis_json(&["--from", "2026-01-01", "--to", "2026-11-30"]);
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("2026-01-01"), Some("2026-11-30"))
    );
    // 100,000 + 200,000.50 + 50,000 + 150,000; the deal of 2025-12-31 left out
    assert_eq!(r["won"], json!({"count": 4, "value": 500000.5}));
    // 300,000 + 80,000 + 120,000 + 40,000 + 500,000; the deal of 2026-12-01 left out
    assert_eq!(r["lost"], json!({"count": 5, "value": 1040000}));
    assert_eq!(r["abandoned"], json!({"count": 2, "value": 760000}));
    // 4 ÷ (4 + 5): abandoned deals are not in the win rate
    assert_eq!(r["win_rate"], json!(0.4444));
    // lost and abandoned by value: one deal of 700,000 before two of 560,000
    assert_eq!(
        r["by_reason"],
        json!([
            {"reason": "budget_lost", "count": 1, "value": 700000, "abandoned": 1},
            {"reason": "no_decision", "count": 2, "value": 560000, "abandoned": 1},
            {"reason": "price", "count": 2, "value": 420000, "abandoned": 0},
            {"reason": "competitor", "count": 1, "value": 80000, "abandoned": 0},
            {"reason": "unspecified", "count": 1, "value": 40000, "abandoned": 0},
        ])
    );
    assert_eq!(
        r["by_win_reason"],
        json!([
            {"reason": "value", "count": 2, "value": 250000, "abandoned": 0},
            {"reason": "relationship", "count": 1, "value": 200000.5, "abandoned": 0},
            {"reason": "unspecified", "count": 1, "value": 50000, "abandoned": 0},
        ])
    );
    // SAP: w1 w3 l1 l4 x2 · none: w2 l3 l5 x1 · Oracle: w3 w4 l2
    assert_eq!(
        won_lost(&r["by_competitor"], "name"),
        rows(&[
            ("SAP", 2, 2, 1),
            ("(none named)", 1, 2, 1),
            ("Oracle", 2, 1, 0)
        ])
    );
    assert_eq!(r["by_competitor"][0]["win_rate"], json!(0.5));
    assert_eq!(r["by_competitor"][0]["lost_value"], json!(340000));
    // the furthest stage: l2 moved back from negotiate still reached it
    assert_eq!(
        won_lost(&r["by_stage_reached"], "stage"),
        rows(&[
            ("qualify", 0, 1, 1),
            ("drive", 0, 1, 1),
            ("propose", 0, 1, 0),
            ("negotiate", 1, 2, 0),
            ("close", 3, 0, 0),
        ])
    );
    assert_eq!(r["by_stage_reached"][0]["win_rate"], json!(0.0));
    assert_eq!(r["by_stage_reached"][3]["win_rate"], json!(0.3333));
    // l3 and l4: their account has no tier
    assert_eq!(
        won_lost(&r["by_tier"], "name"),
        rows(&[
            ("key", 2, 1, 1),
            ("regular", 1, 1, 1),
            ("small", 1, 1, 0),
            ("(no tier)", 0, 2, 0)
        ])
    );
    // most deals first, equal counts by name
    assert_eq!(
        won_lost(&r["by_product"], "name"),
        rows(&[
            ("ERP", 2, 1, 1),
            ("CRM", 0, 2, 1),
            ("WMS", 2, 1, 0),
            ("(no product)", 0, 1, 0)
        ])
    );
    // won (59 + 30 + 30) ÷ 3, w3 has no created date; lost (30 + 30 + 90) ÷ 3,
    // l4 has no created date and l5 was created after it closed
    assert_eq!(r["cycle_days"], json!({"won": 39.7, "lost": 50.0}));
    // won: w1 w3 of 4 · lost: l2 l5 of 5 (l1's economic buyer has coverage 0)
    assert_eq!(r["economic_buyer_met"], json!({"won": 0.5, "lost": 0.4}));
    // won: w1 w2 w4 of 4 · lost: l1 l4 l5 of 5
    assert_eq!(r["coach"], json!({"won": 0.75, "lost": 0.6}));
    assert_eq!(r["currency"], "CNY");
}

#[test]
fn the_range_filters_by_outcome_date_both_ends_included() {
    // the first quarter: l1 (Jan 1), l2 (Feb 15), w1 (Mar 10)
    let r = analysis_json(&["--from", "2026-01-01", "--to", "2026-03-31"]);
    assert_eq!(r["won"], json!({"count": 1, "value": 100000}));
    assert_eq!(r["lost"], json!({"count": 2, "value": 380000}));
    assert_eq!(r["win_rate"], json!(0.3333));
    assert_eq!(r["economic_buyer_met"], json!({"won": 1.0, "lost": 0.5}));
    // one day, the range's own last day
    let r = analysis_json(&["--from", "2026-11-30", "--to", "2026-11-30"]);
    assert_eq!(r["won"], json!({"count": 1, "value": 150000}));
    assert_eq!(r["lost"]["count"], 0);
    // the lost figures have nothing to measure
    assert_eq!(r["cycle_days"], json!({"won": 30.0, "lost": null}));
    assert_eq!(r["coach"], json!({"won": 1.0, "lost": null}));
}

#[test]
fn the_default_range_is_the_365_days_up_to_today() {
    // today 2026-11-30: from 2025-12-01, so the deal of 2025-12-31 counts
    // and the one of 2026-12-01 (after today) does not
    let r = analysis_json(&[]);
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("2025-12-01"), Some("2026-11-30"))
    );
    assert_eq!(r["won"]["count"], 5);
    assert_eq!(r["lost"]["count"], 5);
    // --to alone: the 365 days up to it
    let r = analysis_json(&["--to", "2026-06-30"]);
    assert_eq!(r["from"], "2025-07-01");
}

#[test]
fn an_empty_range_has_null_rates_and_shares() {
    let r = analysis_json(&["--from", "2020-01-01", "--to", "2020-12-31"]);
    assert_eq!(r["won"], json!({"count": 0, "value": 0}));
    assert_eq!(r["lost"], json!({"count": 0, "value": 0}));
    assert_eq!(r["win_rate"], Value::Null);
    assert_eq!(r["by_reason"], json!([]));
    assert_eq!(r["by_competitor"], json!([]));
    assert_eq!(r["by_stage_reached"].as_array().unwrap().len(), 5);
    for key in ["cycle_days", "economic_buyer_met", "coach"] {
        assert_eq!(r[key], json!({"won": null, "lost": null}), "{key}");
    }
}

#[test]
fn table_and_markdown_read_for_a_seller() {
    let (sb, path) = sandbox_with_fixture();
    let args = ["--from", "2026-01-01", "--to", "2026-11-30"];
    let out = analysis(&sb, &path, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table.starts_with("Sales result analysis, deals closed 2026-01-01 to 2026-11-30\n"),
        "{table}"
    );
    assert!(
        table.contains("Won 4 (500,000.50 CNY) · lost 5 (1,040,000 CNY) · win rate 44%"),
        "{table}"
    );
    assert!(
        table.contains("Economic buyer met: won 50% · lost 40%    Coach: won 75% · lost 60%"),
        "{table}"
    );
    // the reasons in the order of their value
    let at = |s: &str| table.find(s).unwrap_or_else(|| panic!("{s} in {table}"));
    assert!(at("budget lost") < at("no decision") && at("no decision") < at("price"));
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "md"]);
    let out = analysis(&sb, &path, &md_args);
    let md = stdout(&out);
    assert!(
        md.starts_with("# Sales result analysis, 2026-01-01 to 2026-11-30\n"),
        "{md}"
    );
    assert!(md.contains("| budget lost | 1 | 1 | 700,000 |"), "{md}");
    assert!(
        md.contains("| negotiate 商务洽谈 | 1 | 2 | 0 | 33% | 50,000 | 580,000 |"),
        "{md}"
    );
}

#[test]
fn bad_dates_and_an_empty_range_are_refused_with_exit_2() {
    let (sb, path) = sandbox_with_fixture();
    for (args, says) in [
        (
            &["--from", "2026-12-01", "--to", "2026-11-01"][..],
            "--from 2026-12-01 is after --to 2026-11-01",
        ),
        (&["--from", "2026-02-30"][..], "expected a date YYYY-MM-DD"),
        (&["--to", "30.11.2026"][..], "expected a date YYYY-MM-DD"),
        // --from alone later than today: the range would end before it starts
        (&["--from", "2027-01-01"][..], "is after --to 2026-11-30"),
        (&["--format", "xml"][..], "invalid value"),
    ] {
        let out = analysis(&sb, &path, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    // no workspace: the store's own message and status
    let out = analysis(&sb, &sb.path("missing.json"), &[]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!stderr(&out).is_empty());
}

#[test]
fn the_demo_analysis_shows_its_closed_deals() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    sb.funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "init", "--demo"])
        .output()
        .unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "analysis", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let closed = r["won"]["count"].as_u64().unwrap()
        + r["lost"]["count"].as_u64().unwrap()
        + r["abandoned"]["count"].as_u64().unwrap();
    assert_eq!(closed, 6);
    assert!(
        r["by_reason"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["reason"] != "unspecified")
    );
}

fn analysis_view() -> funnel::tui::app::App {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(app.screen, ScreenId::Analysis);
    app
}

fn screen(app: &funnel::tui::app::App, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn view_six_at_80x24_and_wide() {
    let mut app = analysis_view();
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        app.update(funnel::tui::app::Msg::Resized(w, h));
        insta::assert_snapshot!(format!("analysis_view_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn view_six_scrolls_to_its_last_line_and_back() {
    let mut app = analysis_view();
    app.update(funnel::tui::app::Msg::Resized(80, 24));
    let top = screen(&app, 80, 24);
    assert!(top.contains("Results"));
    press(&mut app, KeyCode::Char('G'));
    let bottom = screen(&app, 80, 24);
    assert!(
        !bottom.contains("Results") && bottom.contains("By product"),
        "{bottom}"
    );
    // the last product row is on screen, and one k moves at once
    assert!(bottom.contains("YMS"), "{bottom}");
    let at = app.screens.analysis.scroll.at();
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.screens.analysis.scroll.at(), at - 1);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(screen(&app, 80, 24), top);
    // everything fits at 160×48: nothing to scroll
    app.update(funnel::tui::app::Msg::Resized(160, 48));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.screens.analysis.scroll.at(), 0);
    // read-only: editing keys do nothing here
    let before = app.ws.clone();
    for c in ['e', 'd', 'a', 'W', 'L', '>'] {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.ws, before);
}

/// An imported history can lie years back, where the default range finds
/// nothing: the table then says where the closed deals are and how to ask
/// for them; a range that holds deals says nothing of the kind.
#[test]
fn an_empty_range_says_where_the_closed_deals_are() {
    let (sb, path) = sandbox_with_fixture();
    let closed: Vec<String> = fixture()["opportunities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["outcome"]["on"].as_str().map(String::from))
        .collect();
    let (first, last) = (closed.iter().min().unwrap(), closed.iter().max().unwrap());
    let out = analysis(&sb, &path, &["--from", "2020-01-01", "--to", "2020-12-31"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hint = format!(
        "No deal closed in this range; {} closed from {first} to {last}: funnel analysis --from {first} --to {last}",
        closed.len()
    );
    assert!(stdout(&out).contains(&hint), "{}", stdout(&out));
    let full = analysis(&sb, &path, &["--from", first, "--to", last]);
    assert!(
        !stdout(&full).contains("No deal closed"),
        "{}",
        stdout(&full)
    );
}
