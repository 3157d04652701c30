//! `funnel agenda [--days N] [--format table|json|ics]` (spec section 10):
//! the coming days' open actions by day and time, with deal, person and
//! call plan. A hand-built workspace; today is Monday 2026-11-23:
//!
//! | deal | action | due | what it shows |
//! |---|---|---|---|
//! | d1 | x1 meeting with 王总, a full plan | Tue 14:00 | timed, after d2's 09:30 |
//! | d1 | x2 email | Tue | untimed: after the timed ones |
//! | d1 | x3 | Tue, done | left out |
//! | d1 | x4 | no date | left out |
//! | d1 | x5 call, no plan | Fri 11-20 | overdue: first in table/json, not in ics |
//! | d1 | x6 call with 王总, no plan | today 09:00 | first of the window |
//! | d2 | y1 visit, owner Wang Fang, text with `, ; \` | Tue 09:30 | escaping, owner |
//! | d2 | y2 | 12-05 | outside seven days |
//! | d2 | y3 meeting, long Chinese text and plan | Wed | folding |
//! | d3 lost | z1 | Tue | left out |

use crate::common::{Sandbox, funnel_on as funnel, run_on as run, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const LONG: &str =
    "与长城润滑油信息中心全体成员一起评审二期实施方案并确认三家工厂的上线顺序和验收标准";

fn workspace() -> Value {
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {"owner": "Li Wei", "currency": "CNY"},
        "accounts": [
            {"id": "a1", "name": "长城润滑油"},
            {"id": "a2", "name": "Acme Foods"}
        ],
        "opportunities": [
            {
                "id": "d1", "title": "ERP rollout", "account": "a1", "value": 1_000_000,
                "stage": "propose", "created": "2026-09-01",
                "influences": [
                    {"id": "i1", "name": "王总", "title": "CFO", "roles": ["economic"],
                     "email": "wang@example.cn", "phone": "+86 10 8888 0000",
                     "influence": "high", "last_contact": "2026-11-20"}
                ],
                "actions": [
                    {"id": "x1", "text": "Present the pilot results", "due": "2026-11-24",
                     "at": "14:00", "kind": "meeting", "influence": "i1",
                     "plan": {
                         "objective": "Agree the phase-1 scope",
                         "reason": "the board meets on 1 December",
                         "best": "CFO books the contract review",
                         "minimum": "CFO names who reviews the TCO",
                         "questions": {
                             "situation": ["Who signs above 1M?"],
                             "problem": ["Where does month-end close stall?"],
                             "implication": ["What does a late close cost the audit?"],
                             "need_payoff": ["What would a 5-day close be worth?"]
                         },
                         "give": ["the 天津 reference visit"]
                     }},
                    {"id": "x2", "text": "Send the quote", "due": "2026-11-24", "kind": "email"},
                    {"id": "x3", "text": "Done already", "due": "2026-11-24", "done": "2026-11-22"},
                    {"id": "x4", "text": "Some day"},
                    {"id": "x5", "text": "Call back the buyer", "due": "2026-11-20", "kind": "call"},
                    {"id": "x6", "text": "Call 王总 about the budget", "due": "2026-11-23",
                     "at": "09:00", "kind": "call", "influence": "i1"}
                ]
            },
            {
                "id": "d2", "title": "Supplier portal", "account": "a2", "value": 300_000,
                "stage": "drive", "created": "2026-10-01", "owner": "Zhao Lei",
                "actions": [
                    {"id": "y1", "text": "Kickoff, agenda; see C:\\plans", "due": "2026-11-24",
                     "at": "09:30", "kind": "visit", "owner": "Wang Fang",
                     "plan": {"objective": "Meet the team"}},
                    {"id": "y2", "text": "Far away", "due": "2026-12-05"},
                    {"id": "y3", "text": LONG, "due": "2026-11-25", "kind": "meeting",
                     "plan": {"objective": LONG, "best": "签署二期意向书", "minimum": "确认上线顺序"}}
                ]
            },
            {
                "id": "d3", "title": "Lost deal", "account": "a1", "value": 10_000,
                "stage": "propose", "created": "2026-09-01",
                "outcome": {"result": "lost", "on": "2026-11-10", "reason": "price"},
                "actions": [{"id": "z1", "text": "Never", "due": "2026-11-24"}]
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

fn agenda_json(sb: &Sandbox, path: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["agenda", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&run(sb, path, &args)).unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}.{}",
                e["opportunity"].as_str().unwrap(),
                e["action"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_fixture_is_a_valid_workspace() {
    let (sb, path) = sandbox();
    let out = funnel(&sb, &path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn entries_go_by_day_then_time_across_deals_the_overdue_first() {
    let (sb, path) = sandbox();
    let v = agenda_json(&sb, &path, &[]);
    assert_eq!(
        ids(&v),
        ["d1.x5", "d1.x6", "d2.y1", "d1.x1", "d1.x2", "d2.y3"],
        "done, undated, far and lost-deal actions are left out"
    );
    let overdue: Vec<bool> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["overdue"].as_bool().unwrap())
        .collect();
    assert_eq!(overdue, [true, false, false, false, false, false]);
    // thirteen days reach 5 December
    assert_eq!(
        ids(&agenda_json(&sb, &path, &["--days", "13"]))
            .last()
            .unwrap(),
        "d2.y2"
    );
}

#[test]
fn one_day_is_today_alone() {
    let (sb, path) = sandbox();
    let v = agenda_json(&sb, &path, &["--days", "1"]);
    assert_eq!(ids(&v), ["d1.x5", "d1.x6"]);
    let ics = run(&sb, &path, &["agenda", "--days", "1", "--format", "ics"]);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
    assert!(ics.contains("UID:d1.x6.event@funnel"), "{ics}");
}

#[test]
fn days_outside_one_to_366_are_refused_with_the_file_untouched() {
    let (sb, path) = sandbox();
    let before = std::fs::read(&path).unwrap();
    for bad in ["0", "x", "367", "-1"] {
        let out = funnel(&sb, &path, &["agenda", &format!("--days={bad}")]);
        assert_eq!(out.status.code(), Some(2), "--days {bad}");
        let err = stderr(&out);
        assert!(
            err.contains("--days") && err.contains("from 1 to 366"),
            "--days {bad}: {err}"
        );
        assert!(stdout(&out).is_empty());
    }
    run(&sb, &path, &["agenda", "--days", "366"]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn json_carries_deal_person_owner_and_the_plan_record() {
    let (sb, path) = sandbox();
    let v = agenda_json(&sb, &path, &[]);
    assert_eq!(v["today"], "2026-11-23");
    assert_eq!(v["days"], 7);
    let entries = v["entries"].as_array().unwrap();
    for e in entries {
        for key in [
            "opportunity",
            "title",
            "account",
            "action",
            "text",
            "kind",
            "due",
            "at",
            "owner",
            "overdue",
            "person",
            "plan",
        ] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }
    let x1 = &entries[3];
    assert_eq!(x1["action"], "x1");
    assert_eq!(x1["title"], "ERP rollout");
    assert_eq!(x1["account"], "a1");
    assert_eq!(x1["kind"], "meeting");
    assert_eq!(x1["at"], "14:00");
    assert_eq!(x1["due"], "2026-11-24");
    assert_eq!(x1["owner"], "Li Wei");
    assert_eq!(
        x1["person"],
        json!({"id": "i1", "name": "王总", "title": "CFO",
               "email": "wang@example.cn", "phone": "+86 10 8888 0000"})
    );
    // the plan as the workspace writes it
    assert_eq!(
        x1["plan"],
        workspace()["opportunities"][0]["actions"][0]["plan"]
    );
    let y1 = &entries[2];
    assert_eq!(y1["owner"], "Wang Fang", "the action's owner wins");
    assert_eq!(y1["person"], Value::Null);
    let x2 = &entries[4];
    assert_eq!(x2["at"], Value::Null);
    assert_eq!(x2["plan"], Value::Null);
    assert_eq!(x2["person"], Value::Null);
}

/// The content lines of a calendar, unfolded.
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The unfolded lines of the event with this UID.
fn event(ics: &str, uid: &str) -> Vec<String> {
    let lines = unfolded(ics);
    let at = lines
        .iter()
        .position(|l| l == &format!("UID:{uid}"))
        .unwrap_or_else(|| panic!("no {uid} in {ics}"));
    let start = lines[..at]
        .iter()
        .rposition(|l| l == "BEGIN:VEVENT")
        .unwrap();
    let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
    lines[start..=end].to_vec()
}

fn field(lines: &[String], name: &str) -> String {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {lines:?}"))
        .to_owned()
}

#[test]
fn the_calendar_is_valid_rfc_5545() {
    let (sb, path) = sandbox();
    let ics = run(&sb, &path, &["agenda", "--format", "ics"]);
    // CRLF only, every physical line at most 75 octets
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n']),
        "a bare CR or LF"
    );
    for l in ics.split("\r\n") {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
    }
    // folded, never inside a character (the output is valid UTF-8 and the
    // long Chinese text is whole once unfolded)
    let y3 = event(&ics, "d2.y3.event@funnel");
    assert_eq!(field(&y3, "SUMMARY"), format!("{LONG} — Supplier portal"));
    assert!(ics.contains("\r\n "), "the long lines are folded");
    // BEGIN and END balanced
    let lines = unfolded(&ics);
    for what in ["VCALENDAR", "VEVENT"] {
        let begin = lines
            .iter()
            .filter(|l| **l == format!("BEGIN:{what}"))
            .count();
        let end = lines
            .iter()
            .filter(|l| **l == format!("END:{what}"))
            .count();
        assert_eq!(begin, end, "{what}");
    }
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    // the window only: five events, no overdue one
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 5);
    assert!(!ics.contains("d1.x5.event@funnel"), "no overdue event");
    // reproducible
    assert_eq!(ics, run(&sb, &path, &["agenda", "--format", "ics"]));
}

#[test]
fn calendar_text_is_escaped_and_start_times_take_both_forms() {
    let (sb, path) = sandbox();
    let ics = run(&sb, &path, &["agenda", "--format", "ics"]);
    let y1 = event(&ics, "d2.y1.event@funnel");
    assert_eq!(
        field(&y1, "SUMMARY"),
        "Kickoff\\, agenda\\; see C:\\\\plans — Supplier portal"
    );
    assert_eq!(
        field(&y1, "DTSTART"),
        "20261124T093000",
        "floating local time"
    );
    assert_eq!(field(&y1, "DURATION"), "PT1H", "a visit takes an hour");
    assert_eq!(field(&y1, "CATEGORIES"), "visit");
    assert_eq!(field(&y1, "DTSTAMP"), "20261123T000000Z");
    assert!(field(&y1, "DESCRIPTION").contains("Owner: Wang Fang"));
    let x6 = event(&ics, "d1.x6.event@funnel");
    assert_eq!(field(&x6, "DTSTART"), "20261123T090000");
    assert_eq!(field(&x6, "DURATION"), "PT30M", "a call takes half an hour");
    let x2 = event(&ics, "d1.x2.event@funnel");
    assert_eq!(field(&x2, "DTSTART;VALUE=DATE"), "20261124");
    assert_eq!(field(&x2, "DTEND;VALUE=DATE"), "20261125");
    assert!(!x2.iter().any(|l| l.starts_with("DURATION")));
    // a timed conversation makes the seller busy; a day's to-do does not
    assert_eq!(field(&y1, "TRANSP"), "OPAQUE");
    assert_eq!(field(&x2, "TRANSP"), "TRANSPARENT");
    // not the action list's to-do ids: one calendar can hold both
    let todos = run(&sb, &path, &["actions", "--format", "ics"]);
    assert!(!todos.contains(".event@funnel") && todos.contains("UID:d1.x6@funnel"));
}

#[test]
fn the_plan_is_in_the_event_description() {
    let (sb, path) = sandbox();
    let ics = run(&sb, &path, &["agenda", "--format", "ics"]);
    let x1 = event(&ics, "d1.x1.event@funnel");
    let description = field(&x1, "DESCRIPTION");
    let lines: Vec<&str> = description.split("\\n").collect();
    assert_eq!(
        lines,
        [
            "Deal: ERP rollout (长城润滑油)",
            "With: 王总 (CFO) · +86 10 8888 0000 · wang@example.cn",
            "",
            "Call plan",
            "Objective: Agree the phase-1 scope",
            "Reason: the board meets on 1 December",
            "Best commitment: CFO books the contract review",
            "Minimum commitment: CFO names who reviews the TCO",
            "Situation questions:",
            "- Who signs above 1M?",
            "Problem questions:",
            "- Where does month-end close stall?",
            "Implication questions:",
            "- What does a late close cost the audit?",
            "Need-payoff questions:",
            "- What would a 5-day close be worth?",
            "What we give:",
            "- the 天津 reference visit",
        ]
    );
    let x6 = event(&ics, "d1.x6.event@funnel");
    assert!(field(&x6, "DESCRIPTION").ends_with("\\nNo call plan yet."));
}

#[test]
fn the_table_in_english() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["--lang", "en", "agenda"]));
}

#[test]
fn the_table_in_chinese() {
    let (sb, path) = sandbox();
    insta::assert_snapshot!(run(&sb, &path, &["--lang", "zh", "agenda"]));
}

#[test]
fn an_empty_agenda_says_so_in_one_line() {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    run(&sb, &path, &["init"]);
    let text = run(&sb, &path, &["--lang", "en", "agenda", "--days", "3"]);
    assert_eq!(
        text,
        "Agenda: 3 days from 2026-11-23\nNothing due: no open action in the next 3 days, none overdue.\n"
    );
}

#[test]
fn imported_activities_are_on_the_agenda_with_their_kind() {
    let sb = Sandbox::new();
    let path = sb.path("ws.json");
    let deals = sb.path("deals.csv");
    std::fs::write(
        &deals,
        "Name,Account,Amount,Close Date,Stage\nPortal,Acme,1000,2026-12-20,propose\n",
    )
    .unwrap();
    run(&sb, &path, &["import", "csv", deals.to_str().unwrap()]);
    let acts = sb.path("acts.csv");
    std::fs::write(
        &acts,
        "Subject,Activity Type,Deal,Due Date,Status\n\
         Visit the plant,Visit,Portal,2026-11-25,Not Started\n\
         Old call,Call,Portal,2026-11-20,Completed\n",
    )
    .unwrap();
    run(
        &sb,
        &path,
        &["import", "activities", acts.to_str().unwrap()],
    );
    let v = agenda_json(&sb, &path, &[]);
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{v}");
    assert_eq!(entries[0]["text"], "Visit the plant");
    assert_eq!(entries[0]["kind"], "visit");
    let table = run(&sb, &path, &["--lang", "en", "agenda"]);
    assert!(table.contains("⚠ no call plan"), "{table}");
}

#[test]
fn a_plan_written_in_the_file_shows_in_table_and_calendar() {
    let (sb, path) = sandbox();
    let mut w = workspace();
    w["opportunities"][0]["actions"][5]["plan"] =
        json!({"objective": "Budget owner named", "best": "budget confirmed"});
    std::fs::write(&path, serde_json::to_vec_pretty(&w).unwrap()).unwrap();
    let table = run(&sb, &path, &["--lang", "en", "agenda"]);
    let x6 = table
        .lines()
        .position(|l| l.contains("Call 王总 about the budget"))
        .unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(!lines[x6].contains("no call plan"), "{table}");
    assert!(
        lines[x6 + 1]
            .trim_start()
            .starts_with("Objective: Budget owner named")
    );
    assert!(
        lines[x6 + 2]
            .trim_start()
            .starts_with("Best: budget confirmed")
    );
    let ics = run(&sb, &path, &["agenda", "--format", "ics"]);
    let description = field(&event(&ics, "d1.x6.event@funnel"), "DESCRIPTION");
    assert!(
        description.contains("Objective: Budget owner named"),
        "{description}"
    );
    assert!(
        description.contains("Best commitment: budget confirmed"),
        "{description}"
    );
}

#[test]
fn the_sheet_shows_kind_time_and_a_missing_call_plan() {
    let (sb, path) = sandbox();
    let text = run(&sb, &path, &["--lang", "en", "sheet", "d1"]);
    let actions = &text[text.find("## Best actions").unwrap()..];
    let line = |needle: &str| {
        actions
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle} in {actions}"))
    };
    let x1 = line("Present the pilot results");
    assert!(x1.contains("· meeting 11-24 14:00"), "{x1}");
    assert!(!x1.contains("no call plan"), "{x1}");
    assert!(line("Call 王总 about the budget").contains("call 11-23 09:00 · **⚠ no call plan**"));
    let x2 = line("Send the quote");
    assert!(
        x2.contains("· email") && !x2.contains("no call plan"),
        "{x2}"
    );
    let zh = run(&sb, &path, &["--lang", "zh", "sheet", "d1"]);
    assert!(zh.contains("会议 11-24 14:00"), "{zh}");
    assert!(zh.contains("⚠ 无拜访计划"), "{zh}");
}
