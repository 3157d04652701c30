//! The demo's key-account story (spec section 11, data/README.md): on
//! 2026-11-23 exactly one invoice is overdue (华润万家), 中石化's complaint has
//! been open for weeks and its satisfaction fell, Nordwind is behind its
//! plan's target while 长城润滑油 is on pace; in both demo files, and on
//! whatever day the demo is opened.

use crate::common::{Sandbox, stderr};
use std::path::{Path, PathBuf};

/// (account, rule, subject) of every warning of `funnel accounts --format
/// json`, and the messages by rule.
type Warnings = Vec<(String, String, Option<String>)>;

fn accounts_json(sb: &Sandbox, ws: &Path, today: &str) -> Vec<serde_json::Value> {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", today, "accounts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn warnings(list: &[serde_json::Value]) -> Warnings {
    list.iter()
        .flat_map(|a| {
            let id = a["id"].as_str().unwrap().to_owned();
            a["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |w| {
                    (
                        id.clone(),
                        w["rule"].as_str().unwrap().to_owned(),
                        w["subject"].as_str().map(str::to_owned),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn message<'a>(list: &'a [serde_json::Value], account: &str, rule: &str) -> &'a str {
    let a = list.iter().find(|a| a["id"] == account).unwrap();
    let w = a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["rule"] == rule)
        .unwrap_or_else(|| panic!("{account} has no {rule}"));
    w["message"].as_str().unwrap()
}

/// The story: one overdue invoice, one long-open complaint, one fall in
/// satisfaction, one account behind its target; nothing else.
fn story() -> Warnings {
    let w = |a: &str, rule: &str, subject: Option<&str>| {
        (a.to_owned(), rule.to_owned(), subject.map(str::to_owned))
    };
    vec![
        w("a2", "payment-overdue", Some("inv3")),
        w("a3", "complaint-open", Some("cp1")),
        w("a3", "satisfaction-falling", None),
        w("a5", "behind-target", None),
    ]
}

fn demo_file(sb: &Sandbox, name: &str) -> PathBuf {
    let path = sb.path(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn both_demo_files_tell_the_key_account_story_on_the_story_day() {
    for name in ["demo.json", "demo.zh.json"] {
        let sb = Sandbox::new();
        let ws = demo_file(&sb, name);
        let before = std::fs::read(&ws).unwrap();
        let list = accounts_json(&sb, &ws, "2026-11-23");
        assert_eq!(warnings(&list), story(), "{name}");
        assert_eq!(
            message(&list, "a2", "payment-overdue"),
            "invoice HR-2026-098 of 480,000 is 17 days overdue (due 2026-11-06)",
            "{name}"
        );
        assert!(
            message(&list, "a3", "complaint-open").starts_with("complaint unresolved for 25 days"),
            "{name}"
        );
        assert_eq!(
            message(&list, "a3", "satisfaction-falling"),
            "satisfaction fell from 4 to 3 (on 2026-11-18)",
            "{name}"
        );
        assert_eq!(
            std::fs::read(&ws).unwrap(),
            before,
            "a report writes nothing"
        );

        let ws = funnel::store::read(&ws).unwrap().workspace;
        let today = funnel::domain::Date::parse("2026-11-23").unwrap();
        let mut resolved = 0;
        for a in &ws.accounts {
            resolved += a.complaints.iter().filter(|c| c.resolved.is_some()).count();
            if a.tier != Some(funnel::domain::Tier::Key) {
                continue;
            }
            let plan = a
                .plan
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no plan", a.id));
            assert!(plan.last_year_target.is_some() && plan.last_year_result.is_some());
            assert!((2..=4).contains(&plan.goals.len()), "{}", a.id);
            for text in [
                &plan.strategy,
                &plan.resources,
                &plan.needs,
                &plan.decision_process,
            ] {
                assert!(!text.is_empty(), "{}: a plan section is empty", a.id);
            }
            assert!(!a.contacts.is_empty(), "{}: no contacts", a.id);
            assert!(
                (4..=6).contains(&a.satisfaction.len()),
                "{}: {} scores",
                a.id,
                a.satisfaction.len()
            );
            let credit = a.credit.as_ref().unwrap();
            assert!(credit.limit.is_some());
            assert!(matches!(
                credit.terms_days,
                Some(funnel::domain::Days(30 | 60))
            ));
            assert!(!credit.invoices.is_empty());
        }
        assert!(resolved >= 1, "{name}: a resolved complaint somewhere");
        // 长城润滑油 has a target and is on pace: won 245,000.35 of 250,000
        let a1 = ws.accounts.iter().find(|a| a.id == "a1").unwrap();
        let figures = funnel::domain::accounts::figures(&ws, a1, today);
        assert!(a1.plan.as_ref().unwrap().target.is_some());
        assert!(figures.won_this_year > figures.expected_by_now.unwrap());
    }
}

#[test]
fn the_demo_opened_on_another_day_keeps_its_warnings() {
    // a week on, the year's last day, and half a year on (the dates move by
    // days; see domain::demo::shift_dates for the weeks after New Year)
    for lang in ["en", "zh"] {
        for today in ["2026-11-30", "2026-12-31", "2027-06-14", "2026-09-01"] {
            let sb = Sandbox::new();
            let ws = sb.path("w.json");
            let out = sb
                .funnel()
                .arg("--workspace")
                .arg(&ws)
                .args(["--lang", lang, "--today", today, "init", "--demo"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let list = accounts_json(&sb, &ws, today);
            assert_eq!(warnings(&list), story(), "{lang} {today}");
            assert!(
                message(&list, "a2", "payment-overdue").contains("17 days overdue"),
                "{lang} {today}"
            );
            assert!(
                message(&list, "a3", "complaint-open")
                    .starts_with("complaint unresolved for 25 days"),
                "{lang} {today}"
            );
        }
    }
}
