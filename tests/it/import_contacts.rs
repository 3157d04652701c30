//! `funnel import contacts` (spec section 14): people onto accounts and, with
//! `--to-deals`, onto the open deals of their account; counts from the files.

use crate::common::{Sandbox, read_workspace, shared_data, stderr, stdout};
use funnel::domain::Workspace;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

fn run(sb: &Sandbox, ws: &Path, args: &[&str], file: &Path) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23", "import"])
        .args(args)
        .arg(file)
        .output()
        .unwrap()
}

/// The rows of a CSV as header → cell maps (the BOM taken off the header).
fn rows(file: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(file).unwrap();
    let headers: Vec<String> = r
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_owned())
        .collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn contacts(w: &Workspace) -> usize {
    w.accounts.iter().map(|a| a.contacts.len()).sum()
}

#[test]
fn salesforce_contacts_land_on_the_accounts_the_deal_import_made_and_on_their_open_deals() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let opps = shared_data("salesforce-sample/Opportunity.csv");
    let file = shared_data("salesforce-sample/Contact.csv");
    let out = run(&sb, &ws, &["csv"], &opps);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // from the files: the account name of each id (Account.csv beside them)
    let names: HashMap<String, String> = rows(&shared_data("salesforce-sample/Account.csv"))
        .into_iter()
        .map(|r| (r["Id"].clone(), r["Name"].clone()))
        .collect();
    let name_of = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let opp_rows = rows(&opps);
    let accounts: BTreeSet<String> = opp_rows
        .iter()
        .filter(|r| !r["AccountId"].is_empty())
        .map(|r| name_of(&r["AccountId"]))
        .collect();
    let contact_rows = rows(&file);
    let matched: Vec<&HashMap<String, String>> = contact_rows
        .iter()
        .filter(|r| !r["AccountId"].is_empty() && accounts.contains(&name_of(&r["AccountId"])))
        .collect();
    assert!(!matched.is_empty() && matched.len() < contact_rows.len());
    // each matched contact on each open deal of its account, once per name
    let mut expected_influences = BTreeSet::new();
    for o in opp_rows
        .iter()
        .filter(|o| !o["StageName"].starts_with("Closed"))
    {
        for c in &matched {
            if name_of(&c["AccountId"]) == name_of(&o["AccountId"]) {
                expected_influences.insert((o["Id"].clone(), c["Name"].to_lowercase()));
            }
        }
    }
    assert!(!expected_influences.is_empty());

    let before = read_workspace(&ws);
    let influences_before: usize = before
        .opportunities
        .iter()
        .map(|o| o.influences.len())
        .sum();
    let out = run(&sb, &ws, &["contacts", "--to-deals"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{} added, 0 updated, 0 unchanged, {} matched no account",
            matched.len(),
            contact_rows.len() - matched.len()
        )),
        "{text}"
    );
    let w = read_workspace(&ws);
    assert_eq!(contacts(&w), matched.len());
    // each contact on the account its AccountId names
    for a in &w.accounts {
        for c in &a.contacts {
            let row = matched
                .iter()
                .find(|r| r["Id"] == c.extra["source_id"].as_str().unwrap())
                .expect("a contact of the file");
            assert_eq!(name_of(&row["AccountId"]), a.name);
            assert_eq!(c.name, row["Name"]);
            assert_eq!(c.email, row["Email"]);
        }
    }
    let added: Vec<_> = w
        .opportunities
        .iter()
        .flat_map(|o| o.influences.iter().map(move |p| (o, p)))
        .collect();
    assert_eq!(added.len() - influences_before, expected_influences.len());
    for (o, p) in &added {
        assert!(o.outcome.is_none(), "only open deals");
        assert!(p.roles.is_empty(), "no role: to be placed");
    }
    // a person placed on a deal keeps the contact's email and phone (view
    // 8 shows them, `/` finds them, the agenda's calendar names them)
    let with_email = added.iter().filter(|(_, p)| !p.email.is_empty()).count();
    assert!(with_email > 0, "the sample's contacts have emails");
    for (o, p) in &added {
        let account = w.accounts.iter().find(|a| a.id == o.account).unwrap();
        if let Some(c) = account.contacts.iter().find(|c| c.name == p.name) {
            assert_eq!((&p.email, &p.phone), (&c.email, &c.phone), "{}", p.name);
        }
    }

    // a re-import is a no-op, byte for byte
    let bytes = std::fs::read(&ws).unwrap();
    let out = run(&sb, &ws, &["contacts", "--to-deals"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("0 added, 0 updated, {} unchanged", matched.len())),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), bytes);
}

const DEALS: &str = "Deal Name,Company Name,Deal Stage,Amount\n\
Big rollout,Acme Corp,Qualified To Buy,1000\n\
Renewal,Globex,Contract Sent,500\n\
Old one,Acme Corp,Closed Lost,100\n";

const HUBSPOT: &str = "Record ID,First Name,Last Name,Email,Job Title,Phone Number,Company Name\n\
101,Ann,Lee,ann@acme.test,CFO,+1 555 0101,Acme Corp\n\
102,Bo,Chan,bo@globex.test,,,globex\n\
103,Cy,Dee,cy@initech.test,CTO,,Initech\n";

#[test]
fn hubspot_contacts_match_accounts_by_company_name_and_update_in_place() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    let out = run(&sb, &ws, &["csv"], &deals);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = sb.path("contacts.csv");
    std::fs::write(&file, HUBSPOT).unwrap();
    let out = run(&sb, &ws, &["contacts", "--to-deals"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2 added, 0 updated, 0 unchanged, 1 matched no account"),
        "{text}"
    );
    assert!(
        text.contains("Cy Dee") && text.contains("Initech"),
        "{text}"
    );
    let w = read_workspace(&ws);
    let acme = w.accounts.iter().find(|a| a.name == "Acme Corp").unwrap();
    assert_eq!(acme.contacts.len(), 1);
    let ann = &acme.contacts[0];
    assert_eq!(
        (
            ann.name.as_str(),
            ann.title.as_str(),
            ann.email.as_str(),
            ann.phone.as_str()
        ),
        ("Ann Lee", "CFO", "ann@acme.test", "+1 555 0101")
    );
    assert_eq!(ann.extra["source"], "hubspot");
    let globex = w.accounts.iter().find(|a| a.name == "Globex").unwrap();
    assert_eq!(globex.contacts[0].name, "Bo Chan");
    // the open Acme deal has Ann, the lost one nobody
    let people = |title: &str| -> Vec<String> {
        let o = w.opportunities.iter().find(|o| o.title == title).unwrap();
        o.influences.iter().map(|p| p.name.clone()).collect()
    };
    assert_eq!(people("Big rollout"), ["Ann Lee"]);
    assert_eq!(people("Renewal"), ["Bo Chan"]);
    assert!(people("Old one").is_empty());

    // a changed title updates the contact, not a second one
    std::fs::write(&file, HUBSPOT.replace(",CFO,", ",Finance Director,")).unwrap();
    let out = run(&sb, &ws, &["contacts"], &file);
    assert!(
        stdout(&out).contains("0 added, 1 updated, 1 unchanged"),
        "{}",
        stdout(&out)
    );
    let w = read_workspace(&ws);
    assert_eq!(contacts(&w), 2);
    let acme = w.accounts.iter().find(|a| a.name == "Acme Corp").unwrap();
    assert_eq!(acme.contacts[0].title, "Finance Director");
}

#[test]
fn chinese_headers_and_semicolons_are_read_and_a_failed_import_changes_nothing() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    assert_eq!(run(&sb, &ws, &["csv"], &deals).status.code(), Some(0));
    let file = sb.path("联系人.csv");
    std::fs::write(
        &file,
        "姓名;职务;邮箱;电话;客户名称\n王伟;采购经理;wang@acme.test;138 0000 0000;Acme Corp\n",
    )
    .unwrap();
    let out = run(&sb, &ws, &["contacts", "--dry-run"], &file);
    assert!(stdout(&out).contains("1 added"), "{}", stdout(&out));
    assert_eq!(contacts(&read_workspace(&ws)), 0, "a dry run saves nothing");
    let out = run(&sb, &ws, &["contacts"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let acme = w.accounts.iter().find(|a| a.name == "Acme Corp").unwrap();
    assert_eq!(acme.contacts[0].title, "采购经理");
    assert_eq!(acme.contacts[0].phone, "138 0000 0000");

    // no account column: exit 2, the workspace byte-identical
    let bytes = std::fs::read(&ws).unwrap();
    let bad = sb.path("bad.csv");
    std::fs::write(&bad, "First Name,Last Name,Email\nAnn,Lee,ann@acme.test\n").unwrap();
    let out = run(&sb, &ws, &["contacts", "--to-deals"], &bad);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("no account column"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), bytes);
}

#[test]
fn german_headers_fail_naming_map_and_import_with_it() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    assert_eq!(run(&sb, &ws, &["csv"], &deals).status.code(), Some(0));
    let file = sb.path("kontakte.csv");
    let people = [
        ("Ann", "Lee", "Acme Corp", "ann@acme.test"),
        ("Bo", "Chan", "Globex", "bo@globex.test"),
    ];
    let mut text = "Vorname,Nachname,Firma,E-Mail\n".to_owned();
    for (first, last, firm, mail) in people {
        text.push_str(&format!("{first},{last},{firm},{mail}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let before = std::fs::read(&ws).unwrap();
    let out = run(&sb, &ws, &["contacts"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("--map") && err.contains("=account"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    // an unknown field names the fields there are
    let out = run(&sb, &ws, &["contacts", "--map", "Firma=company"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("account") && err.contains("first"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let maps = [
        "--map",
        "Vorname=first",
        "--map",
        "Nachname=last",
        "--map",
        "Firma=account",
        "--map",
        "E-Mail=email",
    ];
    let out = run(&sb, &ws, &[&["contacts"][..], &maps].concat(), &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} added", people.len())),
        "{}",
        stdout(&out)
    );
    let w = read_workspace(&ws);
    for (first, last, firm, mail) in people {
        let account = w.accounts.iter().find(|a| a.name == firm).unwrap();
        let c = &account.contacts[0];
        assert_eq!(
            (c.name.as_str(), c.email.as_str()),
            (format!("{first} {last}").as_str(), mail)
        );
    }
}

#[test]
fn bad_rows_stop_the_import_unless_skipped_and_null_cells_read_empty() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    assert_eq!(run(&sb, &ws, &["csv"], &deals).status.code(), Some(0));
    // no header; rows 4 and 8 have a cell too many; titles \N, NULL or "-"
    let file = sb.path("people.csv");
    let titles = ["CFO", "\\N", "-", "NULL", "CTO"];
    let mut bad_lines = Vec::new();
    let mut good = Vec::new();
    let mut text = String::new();
    for n in 1..=10u64 {
        let title = titles[n as usize % titles.len()];
        let name = format!("Person {n}");
        if n == 4 || n == 8 {
            text.push_str(&format!("{name},{title},Acme Corp,extra\n"));
            bad_lines.push(n);
        } else {
            text.push_str(&format!("{name},{title},Acme Corp\n"));
            good.push((name, title));
        }
    }
    std::fs::write(&file, text).unwrap();
    let before = std::fs::read(&ws).unwrap();
    let args = [
        "contacts",
        "--no-header",
        "--map",
        "1=name",
        "--map",
        "2=title",
        "--map",
        "3=account",
        "--null",
        "-",
    ];
    let out = run(&sb, &ws, &args, &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    for l in &bad_lines {
        assert!(err.contains(&format!("people.csv:{l}:")), "{err}");
    }
    assert!(err.contains("--skip-bad-rows"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let out = run(&sb, &ws, &[&args[..], &["--skip-bad-rows"]].concat(), &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("{} added", good.len())), "{text}");
    assert!(
        text.contains(&format!("left out {} rows", bad_lines.len())),
        "{text}"
    );
    for l in &bad_lines {
        assert!(text.contains(&format!("people.csv:{l}:")), "{text}");
    }
    let w = read_workspace(&ws);
    let acme = w.accounts.iter().find(|a| a.name == "Acme Corp").unwrap();
    assert_eq!(acme.contacts.len(), good.len());
    for (name, title) in good {
        let c = acme.contacts.iter().find(|c| c.name == name).unwrap();
        let expected = if ["\\N", "NULL", "-"].contains(&title) {
            ""
        } else {
            title
        };
        assert_eq!(c.title, expected, "{name}");
    }
}

#[test]
fn a_contacts_spreadsheet_imports() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    assert_eq!(run(&sb, &ws, &["csv"], &deals).status.code(), Some(0));
    let people = [
        ("Ann Lee", "ann@acme.test", "Acme Corp"),
        ("Bo Chan", "bo@globex.test", "Globex"),
    ];
    let book = sb.path("Contacts.XLSX");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["Name", "Email", "Company"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, mail, firm)) in people.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *mail).unwrap();
        sheet.write_string(r, 2, *firm).unwrap();
    }
    wb.save(&book).unwrap();
    let out = run(&sb, &ws, &["contacts"], &book);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} added", people.len())),
        "{}",
        stdout(&out)
    );
    let w = read_workspace(&ws);
    for (name, mail, firm) in people {
        let account = w.accounts.iter().find(|a| a.name == firm).unwrap();
        assert_eq!(account.contacts[0].name, name);
        assert_eq!(account.contacts[0].email, mail);
    }
    // a spreadsheet has no encoding or delimiter
    let out = run(&sb, &ws, &["contacts", "--delimiter", ";"], &book);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("--delimiter"), "{}", stderr(&out));
}
