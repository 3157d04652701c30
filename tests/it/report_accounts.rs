//! The weekly report's accounts at risk (spec section 11): the Markdown
//! section and the JSON list, most urgent kind first, capped in Markdown.

use crate::common::{Sandbox, run_on};
use funnel::domain::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Account `n` owing one invoice of 100 due on `due`.
fn owing(n: usize, name: &str, due: &str) -> Account {
    Account {
        id: format!("a{n}"),
        name: name.into(),
        credit: Some(Credit {
            invoices: vec![Invoice {
                id: "inv1".into(),
                number: format!("N-{n}"),
                amount: Money::from_units(100),
                due: Some(d(due)),
                ..Invoice::default()
            }],
            ..Credit::default()
        }),
        ..Account::default()
    }
}

fn write(sb: &Sandbox, ws: &Workspace) -> std::path::PathBuf {
    let path = sb.path("ws.json");
    std::fs::write(&path, funnel::store::to_json_bytes(ws)).unwrap();
    path
}

#[test]
fn the_report_names_each_account_at_risk_most_urgent_kind_first() {
    let sb = Sandbox::new();
    let mut ws = Workspace::new("me", "CNY");
    // a complaint open 20 days on the first account, an overdue invoice on
    // the second: the invoice comes first (spec 11's order), whatever the
    // file's order
    let mut first = owing(1, "*Acme*", "2027-01-01");
    first.complaints.push(Complaint {
        id: "cp1".into(),
        text: "late delivery".into(),
        raised: d("2026-11-03"),
        ..Complaint::default()
    });
    ws.accounts.push(first);
    ws.accounts.push(owing(2, "长城润滑油", "2026-11-20"));
    let path = write(&sb, &ws);
    let before = std::fs::read(&path).unwrap();
    let md = run_on(&sb, &path, &["report"]);
    let section = md
        .split("## Accounts at risk\n\n")
        .nth(1)
        .expect("the section")
        .split("\n\n")
        .next()
        .unwrap()
        .trim_end();
    assert_eq!(
        section,
        "- **长城润滑油:** invoice N-2 of 100 is 3 days overdue (due 2026-11-20) (`payment-overdue`)\n\
         - **\\*Acme\\*:** complaint unresolved for 20 days: late delivery (`complaint-open`)"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run_on(&sb, &path, &["report", "--format", "json"])).unwrap();
    assert_eq!(
        json["account_warnings"],
        serde_json::json!([
            {"account": "a2", "rule": "payment-overdue", "message": "invoice N-2 of 100 is 3 days overdue (due 2026-11-20)", "subject": "inv1"},
            {"account": "a1", "rule": "complaint-open", "message": "complaint unresolved for 20 days: late delivery", "subject": "cp1"},
        ])
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a report writes nothing"
    );
}

#[test]
fn a_long_list_is_cut_at_ten_and_counted_and_a_quiet_book_has_no_section() {
    let sb = Sandbox::new();
    let mut ws = Workspace::new("me", "CNY");
    for n in 1..=13 {
        ws.accounts
            .push(owing(n, &format!("Account {n}"), "2026-11-01"));
    }
    let path = write(&sb, &ws);
    let md = run_on(&sb, &path, &["report"]);
    assert_eq!(md.matches("(`payment-overdue`)").count(), 10);
    assert!(
        md.contains("- …and 3 more: `funnel accounts` lists them all.\n"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run_on(&sb, &path, &["report", "--format", "json"])).unwrap();
    assert_eq!(json["account_warnings"].as_array().unwrap().len(), 13);

    let quiet = Workspace::new("me", "CNY");
    let path = write(&sb, &quiet);
    assert!(!run_on(&sb, &path, &["report"]).contains("Accounts at risk"));
}
