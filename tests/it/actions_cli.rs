//! `funnel actions`: JSON exactly as spec section 2, and an iCalendar file
//! that parses and round-trips.

use crate::common::{Sandbox, stderr};

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let path = sb.path("w.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "init", "--demo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    path
}

fn run(sb: &Sandbox, path: &std::path::Path, args: &[&str]) -> String {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23", "actions"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_entries_in_priority_order_with_a_breakdown_that_adds_up() {
    let sb = Sandbox::new();
    let path = demo(&sb);
    let text = run(&sb, &path, &["--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(list.len() > 30);
    let mut last = f64::MAX;
    for e in &list {
        let score = e["score"].as_f64().unwrap();
        assert!(score <= last);
        last = score;
        let sum: f64 = e["why"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["points"].as_f64().unwrap())
            .sum();
        assert!((sum - score).abs() < 1e-6, "{e}");
        assert_eq!(e["suggested"].as_bool().unwrap(), e["action"].is_null());
    }
    assert!(
        list.iter().any(|e| e["suggested"] == true),
        "high-severity flags suggest actions"
    );
    let first = &text[text.find('{').unwrap()..text.find("\"why\"").unwrap()];
    let order = [
        "\"opportunity\"",
        "\"action\"",
        "\"text\"",
        "\"due\"",
        "\"suggested\"",
        "\"score\"",
    ];
    let at: Vec<usize> = order.iter().map(|k| first.find(k).unwrap()).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "spec field order: {first}"
    );
    let limited: Vec<serde_json::Value> =
        serde_json::from_str(&run(&sb, &path, &["--limit", "3", "--format", "json"])).unwrap();
    assert_eq!(limited, list[..3]);
}

/// A minimal RFC 5545 reader: unfold, split, unescape.
fn parse(ics: &str) -> Vec<Vec<(String, String)>> {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "bare LF");
    }
    let unfolded = ics.replace("\r\n ", "");
    let mut todos = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    let mut depth = 0;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').expect("NAME:VALUE");
        let name = name.split(';').next().unwrap().to_owned();
        let value = value
            .replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\");
        match (name.as_str(), value.as_str()) {
            ("BEGIN", "VTODO") => current = Some(Vec::new()),
            ("END", "VTODO") => todos.push(current.take().unwrap()),
            ("BEGIN", _) => depth += 1,
            ("END", _) => depth -= 1,
            _ => {
                if let Some(t) = current.as_mut() {
                    t.push((name, value));
                }
            }
        }
    }
    assert_eq!(depth, 0, "BEGIN and END balance");
    todos
}

#[test]
fn ics_is_a_valid_calendar_that_round_trips() {
    let sb = Sandbox::new();
    let path = demo(&sb);
    let ics = run(&sb, &path, &["--format", "ics"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    let todos = parse(&ics);
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&run(&sb, &path, &["--format", "json"])).unwrap();
    assert_eq!(todos.len(), list.len());
    let ws = funnel::store::read(&path).unwrap().workspace;
    let mut uids = std::collections::HashSet::new();
    for (todo, entry) in todos.iter().zip(&list) {
        let get = |k: &str| todo.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        for required in ["UID", "DTSTAMP", "SUMMARY"] {
            assert!(get(required).is_some(), "{required} missing");
        }
        assert!(uids.insert(get("UID").unwrap()), "UIDs are unique");
        let deal = ws
            .opportunity(entry["opportunity"].as_str().unwrap())
            .unwrap();
        let summary = get("SUMMARY").unwrap();
        assert_eq!(
            summary,
            format!("{} — {}", entry["text"].as_str().unwrap(), deal.title)
        );
        let due = entry["due"].as_str().map(|d| d.replace('-', ""));
        assert_eq!(get("DUE"), due);
    }
    // stable: the same workspace and day give the same calendar
    assert_eq!(run(&sb, &path, &["--format", "ics"]), ics);
}
