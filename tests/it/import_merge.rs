//! The import never loses a deal and never overwrites one by mistake: ids
//! qualified by their source, missing columns, in-file collisions, re-import
//! and failure leaving the workspace as it was; currencies and `--rate`.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use funnel::domain::{Money, Workspace};
use std::path::Path;

pub fn import(sb: &Sandbox, ws: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23", "import", "csv"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap()
}

fn ok(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

fn total(ws: &Workspace) -> Money {
    ws.opportunities
        .iter()
        .fold(Money::ZERO, |s, o| s + o.value)
}

#[test]
fn two_sources_with_equal_ids_stay_separate() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let sf = sb.path("Opportunity.csv");
    let hs = sb.path("deals.csv");
    let sf_rows = [("1", "SF one", 100), ("2", "SF two", 200)];
    let hs_rows = [("1", "HS one", 1000), ("2", "HS two", 2000)];
    let mut text = String::from("Id,Name,StageName,Amount\n");
    for (id, n, v) in sf_rows {
        text += &format!("{id},{n},Prospecting,{v}\n");
    }
    std::fs::write(&sf, text).unwrap();
    let mut text = String::from("Record ID,Deal Name,Deal Stage,Amount\n");
    for (id, n, v) in hs_rows {
        text += &format!("{id},{n},appointmentscheduled,{v}\n");
    }
    std::fs::write(&hs, text).unwrap();
    ok(&import(&sb, &ws, &sf, &[]));
    let out = ok(&import(&sb, &ws, &hs, &[]));
    assert!(
        out.contains(&format!("{} added, 0 updated", hs_rows.len())),
        "{out}"
    );
    assert!(out.contains("source: hubspot"), "{out}");
    let w = read_workspace(&ws);
    assert_eq!(w.opportunities.len(), sf_rows.len() + hs_rows.len());
    let expected: i64 = sf_rows.iter().chain(&hs_rows).map(|r| r.2 * 100).sum();
    assert_eq!(total(&w), Money(expected));
    // funnel's own exports of two workspaces: o1 from one, o1 from the other
    let a = sb.path("a.csv");
    let b = sb.path("b.csv");
    let head = "id,title,account,account_name,stage,status,value\n";
    std::fs::write(&a, format!("{head}o1,From A,a1,Acme,drive,open,5\n")).unwrap();
    std::fs::write(&b, format!("{head}o1,From B,a1,Beta,drive,open,7\n")).unwrap();
    let ws2 = sb.path("w2.json");
    ok(&import(&sb, &ws2, &a, &[]));
    ok(&import(&sb, &ws2, &b, &[]));
    let titles: Vec<String> = read_workspace(&ws2)
        .opportunities
        .iter()
        .map(|o| o.title.clone())
        .collect();
    assert_eq!(titles, ["From A", "From B"]);
}

#[test]
fn an_explicit_source_and_older_workspaces_still_match() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("x.csv");
    std::fs::write(&file, "Id,Name,StageName,Amount\n7,Seven,Prospecting,70\n").unwrap();
    ok(&import(&sb, &ws, &file, &["--source", "crm-a"]));
    let out = ok(&import(&sb, &ws, &file, &["--source", "crm-b"]));
    assert!(out.contains("1 added"), "{out}");
    // a deal imported before sources were recorded has no `source`: the
    // next import with its id claims it instead of adding a twin
    let mut w = read_workspace(&ws);
    w.opportunities.truncate(1);
    w.opportunities[0].extra.remove("source");
    std::fs::write(&ws, serde_json::to_string(&w).unwrap()).unwrap();
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(out.contains("0 added, 1 updated"), "{out}");
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(out.contains("0 added, 0 updated, 1 unchanged"), "{out}");
}

#[test]
fn rows_that_would_be_one_deal_are_kept_apart_and_reported() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("zoho.csv");
    // no id column; lines 3 and 5 repeat line 2's title and account
    let rows = [
        ("Renewal", "Acme", 100),
        ("Renewal", "Acme", 250),
        ("Upsell", "Acme", 40),
        ("Renewal", "Acme", 310),
    ];
    let mut text = String::from("Potential Name,Account Name,Stage,Amount\n");
    for (t, a, v) in rows {
        text += &format!("{t},{a},Qualification,{v}\n");
    }
    std::fs::write(&file, text).unwrap();
    let out = ok(&import(&sb, &ws, &file, &["--dry-run"]));
    assert!(out.contains("2 colliding rows"), "{out}");
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(
        out.contains("line 3 (as line 2), line 5 (as line 2)"),
        "{out}"
    );
    let w = read_workspace(&ws);
    assert_eq!(w.opportunities.len(), rows.len());
    assert_eq!(total(&w), Money(rows.iter().map(|r| r.2 * 100).sum()));
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(
        out.contains(&format!("0 added, 0 updated, {} unchanged", rows.len())),
        "{out}"
    );
}

#[test]
fn a_missing_column_never_overwrites() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let full = sb.path("full.csv");
    let thin = sb.path("thin.csv");
    std::fs::write(
        &full,
        "Id,Name,Account Name,StageName,Amount,CloseDate\nD1,Big deal,Acme,Prospecting,5000,2026-12-20\nD2,Small,Beta,Prospecting,300,2027-01-10\n",
    )
    .unwrap();
    // the same deals re-exported without amount, account, name or close date
    std::fs::write(&thin, "Id,StageName\nD1,Negotiation\nD2,Prospecting\n").unwrap();
    ok(&import(&sb, &ws, &full, &["--source", "crm"]));
    let before = read_workspace(&ws);
    let out = ok(&import(&sb, &ws, &thin, &["--source", "crm"]));
    assert!(
        out.contains("warning: no amount column recognised"),
        "{out}"
    );
    assert!(out.contains("no title column recognised"), "{out}");
    assert!(out.contains("no column for account"), "{out}");
    let after = read_workspace(&ws);
    assert_eq!(total(&after), total(&before));
    for (b, a) in before.opportunities.iter().zip(&after.opportunities) {
        assert_eq!(
            (&a.title, &a.account, a.value, a.expected_close),
            (&b.title, &b.account, b.value, b.expected_close)
        );
    }
    assert_eq!(after.opportunities[0].stage.as_str(), "negotiate");
}

#[test]
fn a_reimport_is_a_no_op_and_a_failed_import_leaves_the_file_as_it_was() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    std::fs::write(
        &file,
        "Id,Name,StageName,Amount,Currency\nA,a,Prospecting,10,EUR\nB,b,Closed Lost,20,EUR\n",
    )
    .unwrap();
    ok(&import(&sb, &ws, &file, &[]));
    let bytes = std::fs::read(&ws).unwrap();
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(out.contains("0 added, 0 updated, 2 unchanged"), "{out}");
    assert_eq!(std::fs::read(&ws).unwrap(), bytes);
    // a bad amount, an unknown stage, a currency without a rate: each fails
    for bad in [
        "Id,Name,StageName,Amount\nC,c,Prospecting,lots\n",
        "Id,Name,StageName,Amount\nC,c,Mystery,1\n",
        "Id,Name,StageName,Amount,Currency\nC,c,Prospecting,1,RUB\n",
    ] {
        std::fs::write(&file, bad).unwrap();
        let out = import(&sb, &ws, &file, &[]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("nothing was imported"),
            "{}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&ws).unwrap(), bytes, "{bad}");
    }
}

#[test]
fn a_new_workspace_takes_the_files_currency_and_rates_convert_the_rest() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    let rows = [("A", 100, "EUR"), ("B", 250, "EUR")];
    let mut text = String::from("Id,Name,StageName,Amount,Currency\n");
    for (id, v, c) in rows {
        text += &format!("{id},{id},Prospecting,{v},{c}\n");
    }
    std::fs::write(&file, text).unwrap();
    let out = ok(&import(&sb, &ws, &file, &[]));
    assert!(out.contains("workspace currency: EUR"), "{out}");
    assert_eq!(read_workspace(&ws).settings.currency, "EUR");
    // a second file in roubles and dollars: refused, naming both, until rated
    let other = sb.path("other.csv");
    let more = [
        ("C", 1000, "RUB", 0.01),
        ("D", 10, "USD", 0.9),
        ("E", 5, "EUR", 1.0),
    ];
    let mut text = String::from("Id,Name,StageName,Amount,Currency\n");
    for (id, v, c, _) in more {
        text += &format!("{id},{id},Prospecting,{v},{c}\n");
    }
    std::fs::write(&other, text).unwrap();
    let out = import(&sb, &ws, &other, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("RUB (1 rows, first on line 2)") && err.contains("USD (1 rows"),
        "{err}"
    );
    ok(&import(
        &sb,
        &ws,
        &other,
        &["--rate", "RUB=0.01", "--rate", "usd=0.9"],
    ));
    let expected: f64 = rows.iter().map(|r| r.1 as f64).sum::<f64>()
        + more.iter().map(|r| r.1 as f64 * r.3).sum::<f64>();
    assert_eq!(
        total(&read_workspace(&ws)),
        Money((expected * 100.0).round() as i64)
    );
    // no currency anywhere: the default, said in the summary
    let ws2 = sb.path("w2.json");
    let plain = sb.path("plain.csv");
    std::fs::write(&plain, "Name,StageName,Amount\nx,Prospecting,1\n").unwrap();
    let out = ok(&import(&sb, &ws2, &plain, &[]));
    assert!(
        out.contains("workspace currency: CNY (the default"),
        "{out}"
    );
    let ws3 = sb.path("w3.json");
    ok(&import(&sb, &ws3, &plain, &["--currency", "usd"]));
    assert_eq!(read_workspace(&ws3).settings.currency, "USD");
}

#[test]
fn ids_from_another_column_than_last_time_are_refused_not_added_twice() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = crate::common::shared_data("salesforce-sample/Opportunity.csv");
    let rows = csv::Reader::from_path(&file).unwrap().records().count();
    let first = ok(&import(&sb, &ws, &file, &["--map", "External_id__c=id"]));
    assert!(first.contains(&format!("{rows} added")), "{first}");
    let before = std::fs::read(&ws).unwrap();
    // the same file without the map: its ids come from "Id" this time
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("every deal would be added a second time"),
        "{err}"
    );
    assert!(err.contains("--map \"External_id__c=id\""), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before, "untouched");
    // a dry run says the same, and the map the message names works
    let dry = import(&sb, &ws, &file, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(2), "{}", stdout(&dry));
    let again = ok(&import(&sb, &ws, &file, &["--map", "External_id__c=id"]));
    assert!(
        again.contains(&format!("0 added, 0 updated, {rows} unchanged")),
        "{again}"
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "a re-import is a no-op"
    );
    // as another source, the deals are kept apart on purpose
    let apart = ok(&import(&sb, &ws, &file, &["--source", "sf-copy"]));
    assert!(apart.contains(&format!("{rows} added")), "{apart}");
    assert_eq!(read_workspace(&ws).opportunities.len(), 2 * rows);
}

#[test]
fn a_source_first_imported_without_ids_refuses_a_file_with_ids() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("pipeline.csv");
    std::fs::write(&file, "Deal,Company,Stage,Amount\nERP 一期,长城润滑油,Proposal,1000\nFleet,Acme,Qualification,200\n").unwrap();
    ok(&import(&sb, &ws, &file, &[]));
    let before = std::fs::read(&ws).unwrap();
    std::fs::write(&file, "Deal ID,Deal,Company,Stage,Amount\nD-1,ERP 一期,长城润滑油,Proposal,1000\nD-2,Fleet,Acme,Qualification,200\n").unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("no id column (rows were matched by title and account)"),
        "{err}"
    );
    assert!(err.contains("ids from column \"Deal ID\""), "{err}");
    assert!(err.contains("--source NAME"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

/// Salesforce's Opportunity.csv names accounts by id; imported beside its
/// Account.csv the accounts take their names. The same export imported
/// again on its own (copied elsewhere, a weekly refresh) finds them by that
/// id instead of creating an account per raw id and moving every deal.
#[test]
fn a_salesforce_reimport_without_account_csv_keeps_the_named_accounts() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let original = crate::common::shared_data("salesforce-sample/Opportunity.csv");
    ok(&import(&sb, &ws, &original, &[]));
    let first = read_workspace(&ws);
    let alone = sb.path("Opportunity.csv");
    std::fs::copy(&original, &alone).unwrap();
    let out = ok(&import(&sb, &ws, &alone, &[]));
    assert!(out.contains("0 accounts created"), "{out}");
    let again = read_workspace(&ws);
    assert_eq!(again.accounts, first.accounts);
    let accounts = |w: &Workspace| -> Vec<String> {
        w.opportunities.iter().map(|o| o.account.clone()).collect()
    };
    assert_eq!(accounts(&again), accounts(&first));
}
