//! `funnel import activities`: the Salesforce sample's Task.csv onto the
//! deals of its Opportunity.csv, counted from the files themselves; a
//! re-import changes nothing; a hand-written Chinese export matched by title.

use crate::common::{Sandbox, read_workspace, shared_data, stderr, stdout};
use funnel::domain::{ActionKind, Opportunity, Workspace};
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn funnel(sb: &Sandbox, ws: &Path, args: &[&str], file: &Path) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23", "import"])
        .args(args)
        .arg(file)
        .output()
        .unwrap()
}

/// The rows of a CSV (BOM dropped) as header → cell maps.
fn rows(file: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, c)| (h.to_owned(), c.to_owned()))
                .collect()
        })
        .collect()
}

/// Where a task should land, worked out from the CSVs alone: on the
/// opportunity its WhatId names; else on an open opportunity of the account
/// its AccountId or WhatId names, or (when contacts were imported) of its
/// WhoId contact's account. Accounts exist in the workspace only when an
/// opportunity names them.
#[derive(Debug, Clone, PartialEq)]
enum Lands {
    Deal(String),
    OpenDealOf(String),
}

/// Each task id → where it lands and whether it is done; and how many land
/// nowhere.
fn expected(
    tasks: &Path,
    opportunities: &Path,
    contacts: Option<&Path>,
) -> (HashMap<String, (Lands, bool)>, usize) {
    let opps = rows(opportunities);
    let ids: HashSet<String> = opps.iter().map(|r| r["Id"].clone()).collect();
    let accounts: HashSet<String> = opps.iter().map(|r| r["AccountId"].clone()).collect();
    let open: HashSet<String> = opps
        .iter()
        .filter(|r| !r["StageName"].starts_with("Closed"))
        .map(|r| r["AccountId"].clone())
        .collect();
    // a contact is kept only on an account the workspace has
    let contact_account: HashMap<String, String> = contacts
        .map(rows)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| accounts.contains(&c["AccountId"]))
        .map(|c| (c["Id"].clone(), c["AccountId"].clone()))
        .collect();
    let (mut landed, mut unmatched) = (HashMap::new(), 0);
    for t in rows(tasks) {
        let done = t["Status"] == "Completed" || t["IsClosed"].eq_ignore_ascii_case("true");
        let account = [&t["AccountId"], &t["WhatId"]]
            .into_iter()
            .find(|a| accounts.contains(*a))
            .or_else(|| contact_account.get(&t["WhoId"]));
        let lands = if ids.contains(&t["WhatId"]) {
            Some(Lands::Deal(t["WhatId"].clone()))
        } else {
            account
                .filter(|a| open.contains(*a))
                .map(|a| Lands::OpenDealOf(a.clone()))
        };
        match lands {
            Some(l) => drop(landed.insert(t["Id"].clone(), (l, done))),
            None => unmatched += 1,
        }
    }
    (landed, unmatched)
}

/// Each imported activity's source id → (the deal it is on, done?).
fn landed(w: &Workspace) -> HashMap<String, (&Opportunity, bool)> {
    let id = |e: &funnel::domain::Extra| e["source_id"].as_str().unwrap().to_owned();
    let mut out = HashMap::new();
    for o in &w.opportunities {
        for a in o
            .actions
            .iter()
            .filter(|a| a.extra.contains_key("source_id"))
        {
            out.insert(id(&a.extra), (o, false));
        }
        for l in o.log.iter().filter(|l| l.extra.contains_key("source_id")) {
            out.insert(id(&l.extra), (o, true));
        }
    }
    out
}

/// Imports Opportunity.csv (and Contact.csv when given), then `tasks`;
/// checks what landed against the CSVs, and that importing the tasks again
/// leaves the file byte-identical. Returns (open, done) landed.
fn tasks_land_as_counted(sb: &Sandbox, tasks: &Path, contacts: bool) -> (usize, usize) {
    let ws = sb.path("w.json");
    let opps = shared_data("salesforce-sample/Opportunity.csv");
    let out = funnel(sb, &ws, &["csv"], &opps);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let contact_file = shared_data("salesforce-sample/Contact.csv");
    if contacts {
        let out = funnel(sb, &ws, &["contacts", "--to-deals"], &contact_file);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let (want, unmatched) = expected(tasks, &opps, contacts.then_some(contact_file.as_path()));
    let done = want.values().filter(|(_, d)| *d).count();
    let open = want.len() - done;
    let out = funnel(sb, &ws, &["activities"], tasks);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{open} actions added, {done} log entries added, 0 unchanged, {unmatched} matched no deal"
        )),
        "{text}"
    );
    let w = read_workspace(&ws);
    let account_id = |o: &Opportunity| {
        let a = w.accounts.iter().find(|a| a.id == o.account).unwrap();
        a.extra["source_id"].as_str().unwrap().to_owned()
    };
    let got = landed(&w);
    assert_eq!(got.len(), want.len(), "{text}");
    let task_rows = rows(tasks);
    for (task, (lands, is_done)) in &want {
        let (o, was_done) = got[task];
        assert_eq!(was_done, *is_done, "task {task}");
        match lands {
            Lands::Deal(id) => assert_eq!(o.extra["source_id"].as_str(), Some(id.as_str())),
            Lands::OpenDealOf(account) => {
                assert_eq!(&account_id(o), account, "task {task} on {}", o.id);
                assert!(o.outcome.is_none(), "task {task} on a closed deal");
            }
        }
        let row = task_rows.iter().find(|t| &t["Id"] == task).unwrap();
        if !is_done {
            let a = o
                .actions
                .iter()
                .find(|a| a.extra["source_id"] == **task)
                .unwrap();
            assert_eq!(a.text, row["Subject"]);
            assert_eq!(
                a.due.map(|d| d.to_string()),
                Some(row["ActivityDate"].clone())
            );
        }
    }
    let before = std::fs::read(&ws).unwrap();
    let again = funnel(sb, &ws, &["activities"], tasks);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).contains(&format!(
            "0 actions added, 0 log entries added, {} unchanged",
            want.len()
        )),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "a re-import is a no-op"
    );
    (open, done)
}

#[test]
fn the_salesforce_sample_tasks_land_on_their_accounts_open_deals() {
    // the sample's tasks name accounts (001…) in WhatId and AccountId, or
    // only a contact in WhoId: they land on the account's open deal
    let sb = Sandbox::new();
    let (open, _) = tasks_land_as_counted(&sb, &shared_data("salesforce-sample/Task.csv"), false);
    assert!(open > 0, "some tasks land");
}

#[test]
fn with_the_contacts_imported_tasks_on_a_person_land_too_and_name_them() {
    let sb = Sandbox::new();
    let task_file = shared_data("salesforce-sample/Task.csv");
    let (without, _) = tasks_land_as_counted(&Sandbox::new(), &task_file, false);
    let (with, _) = tasks_land_as_counted(&sb, &task_file, true);
    assert!(
        with >= without,
        "{with} with the contacts, {without} without"
    );
    // an action on a person placed on the deal (--to-deals) names them
    let w = read_workspace(&sb.path("w.json"));
    let linked = w
        .opportunities
        .iter()
        .flat_map(|o| o.actions.iter().map(move |a| (o, a)))
        .filter(|(_, a)| a.extra.contains_key("source_id"))
        .filter(|(o, a)| {
            a.influence
                .as_ref()
                .is_some_and(|i| o.influences.iter().any(|p| &p.id == i))
        })
        .count();
    assert!(
        linked > 0,
        "actions with a contact are linked to the influence"
    );
}

#[test]
fn sample_tasks_pointed_at_opportunities_become_actions_and_log_entries() {
    // the real Task.csv with some WhatIds set to real opportunity ids and
    // some of those completed, written where no Account.csv is beside it
    // (accounts are then found by the id the deal import kept)
    let sb = Sandbox::new();
    let opp_ids: Vec<String> = rows(&shared_data("salesforce-sample/Opportunity.csv"))
        .into_iter()
        .map(|r| r["Id"].clone())
        .collect();
    let text = std::fs::read_to_string(shared_data("salesforce-sample/Task.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let what = headers.iter().position(|h| h == "WhatId").unwrap();
    let status = headers.iter().position(|h| h == "Status").unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for (n, rec) in reader.records().enumerate() {
        let mut cells: Vec<String> = rec.unwrap().iter().map(str::to_owned).collect();
        if n % 3 == 0 {
            cells[what] = opp_ids[n % opp_ids.len()].clone();
            if n % 2 == 0 {
                cells[status] = "Completed".into();
            }
        }
        writer.write_record(&cells).unwrap();
    }
    let tasks = sb.path("Task.csv");
    std::fs::write(&tasks, writer.into_inner().unwrap()).unwrap();
    let (open, done) = tasks_land_as_counted(&sb, &tasks, false);
    assert!(
        open > 0 && done > 0,
        "both kinds exercised: {open} open, {done} done"
    );
}

#[test]
fn a_chinese_export_is_matched_by_deal_title() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(
        &deals,
        "商机名称,客户名称,金额,预计成交日期,阶段\n华东扩容项目,华东电力,500000,2026-12-20,方案\n",
    )
    .unwrap();
    let out = funnel(
        &sb,
        &ws,
        &["csv", "--map", "阶段=stage", "--stage-map", "方案=propose"],
        &deals,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let acts = sb.path("活动.csv");
    std::fs::write(
        &acts,
        "主题,商机,截止日期,状态,描述\n\
         拜访采购总监,华东扩容项目,2026-12-01,未开始,\n\
         电话确认预算,华东扩容项目,2026-11-20,已完成,预算已批准\n\
         寄送样品,不存在的商机,2026-11-25,未开始,\n",
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["activities"], &acts);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("1 actions added, 1 log entries added, 0 unchanged, 1 matched no deal"),
        "{text}"
    );
    assert!(
        text.contains(
            ":4: matched no deal: no deal titled \"不存在的商机\" (activity \"寄送样品\")"
        ),
        "{text}"
    );
    let w = read_workspace(&ws);
    let o = &w.opportunities[0];
    assert_eq!(o.actions.len(), 1);
    assert_eq!(o.actions[0].text, "拜访采购总监");
    assert_eq!(
        o.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(o.log.len(), 1);
    assert_eq!(o.log[0].on.to_string(), "2026-11-20");
    assert_eq!(o.log[0].text, "电话确认预算: 预算已批准");
    let before = std::fs::read(&ws).unwrap();
    let again = funnel(&sb, &ws, &["activities"], &acts);
    assert!(stdout(&again).contains("2 unchanged"), "{}", stdout(&again));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn a_file_without_a_subject_fails_with_the_workspace_untouched() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let out = funnel(
        &sb,
        &ws,
        &["csv"],
        &shared_data("salesforce-sample/Opportunity.csv"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = std::fs::read(&ws).unwrap();
    let bad = sb.path("bad.csv");
    std::fs::write(&bad, "Deal Name,Due Date\nX,2026-13-45\n").unwrap();
    let out = funnel(&sb, &ws, &["activities"], &bad);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no subject column"),
        "{}",
        stderr(&out)
    );
    let dated = sb.path("dated.csv");
    std::fs::write(&dated, "Subject,Deal Name,Due Date\nX,Y,2026-13-45\n").unwrap();
    let out = funnel(&sb, &ws, &["activities"], &dated);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("dated.csv:2:"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn ids_match_only_in_their_source_and_a_dry_run_saves_nothing() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let opps = shared_data("salesforce-sample/Opportunity.csv");
    let out = funnel(&sb, &ws, &["csv"], &opps);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = rows(&opps)[0]["Id"].clone();
    let tasks = sb.path("tasks.csv");
    std::fs::write(
        &tasks,
        format!("Id,WhatId,Subject,ActivityDate,Status\nT1,{first},Send proposal,2026-12-02,Not Started\n"),
    )
    .unwrap();
    let before = std::fs::read(&ws).unwrap();
    let other = funnel(&sb, &ws, &["activities", "--source", "hubspot"], &tasks);
    assert_eq!(other.status.code(), Some(0), "{}", stderr(&other));
    assert!(
        stdout(&other)
            .contains("0 actions added, 0 log entries added, 0 unchanged, 1 matched no deal"),
        "{}",
        stdout(&other)
    );
    let dry = funnel(&sb, &ws, &["activities", "--dry-run"], &tasks);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("dry run, nothing saved: 1 activities"),
        "{}",
        stdout(&dry)
    );
    assert!(stdout(&dry).contains("1 actions added"), "{}", stdout(&dry));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let real = funnel(&sb, &ws, &["activities", "--source", "salesforce"], &tasks);
    assert!(
        stdout(&real).contains("1 actions added"),
        "{}",
        stdout(&real)
    );
    assert_ne!(std::fs::read(&ws).unwrap(), before);
}

const DEALS: &str = "Deal Name,Company Name,Deal Stage,Amount\n\
Big rollout,Acme Corp,Qualified To Buy,1000\n\
Renewal,Globex,Contract Sent,500\n";

/// A workspace with `DEALS`, and its bytes.
fn with_deals(sb: &Sandbox) -> (std::path::PathBuf, Vec<u8>) {
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    let out = funnel(sb, &ws, &["csv"], &deals);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&ws).unwrap();
    (ws, bytes)
}

fn deal<'w>(w: &'w Workspace, title: &str) -> &'w Opportunity {
    w.opportunities.iter().find(|o| o.title == title).unwrap()
}

#[test]
fn no_header_with_map_and_null_cells() {
    let sb = Sandbox::new();
    let (ws, before) = with_deals(&sb);
    let file = sb.path("tasks.csv");
    // German headers first: the error names --map with an example
    std::fs::write(&file, "Betreff,Verkaufschance\nCall CFO,Big rollout\n").unwrap();
    let out = funnel(&sb, &ws, &["activities"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("--map") && err.contains("=subject"), "{err}");
    let out = funnel(&sb, &ws, &["activities", "--map", "Betreff=title"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("subject, kind"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    // no header: subject, deal, due, status, description; \N and "-" are empty
    std::fs::write(
        &file,
        "Call CFO,Big rollout,2026-12-03,\\N,-\nSend deck,Renewal,2026-11-20,Completed,\\N\n",
    )
    .unwrap();
    let args = [
        "activities",
        "--no-header",
        "--map",
        "1=subject",
        "--map",
        "2=deal",
        "--map",
        "3=due",
        "--map",
        "4=status",
        "--map",
        "5=description",
        "--null",
        "-",
    ];
    let out = funnel(&sb, &ws, &args, &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 actions added, 1 log entries added"),
        "{}",
        stdout(&out)
    );
    let w = read_workspace(&ws);
    let big = deal(&w, "Big rollout");
    assert_eq!(big.actions.len(), 1);
    assert_eq!(big.actions[0].text, "Call CFO");
    assert_eq!(
        big.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
    let renewal = deal(&w, "Renewal");
    assert_eq!(renewal.log.len(), 1);
    assert_eq!(renewal.log[0].text, "Send deck");
}

#[test]
fn two_bad_rows_of_ten_stop_the_import_unless_skipped() {
    let sb = Sandbox::new();
    let (ws, before) = with_deals(&sb);
    let file = sb.path("bad.csv");
    let mut text = "Subject,Deal Name,Due Date\n".to_owned();
    let mut bad_lines = Vec::new();
    for n in 1..=10u64 {
        let line = n + 1;
        let due = if n == 3 || n == 7 {
            bad_lines.push(line);
            "2026-13-45".to_owned()
        } else {
            format!("2026-12-{n:02}")
        };
        text.push_str(&format!("Task {n},Big rollout,{due}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let out = funnel(&sb, &ws, &["activities"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    for l in &bad_lines {
        assert!(err.contains(&format!("bad.csv:{l}:")), "{err}");
    }
    assert!(err.contains("--skip-bad-rows"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let out = funnel(&sb, &ws, &["activities", "--skip-bad-rows"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let imported = 10 - bad_lines.len();
    assert!(
        text.contains(&format!("{imported} actions added")),
        "{text}"
    );
    assert!(
        text.contains(&format!("left out {} rows", bad_lines.len())),
        "{text}"
    );
    for l in &bad_lines {
        assert!(text.contains(&format!("bad.csv:{l}:")), "{text}");
    }
    assert_eq!(
        deal(&read_workspace(&ws), "Big rollout").actions.len(),
        imported
    );
}

#[test]
fn an_activities_spreadsheet_with_a_date_cell_lands_on_its_deal() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let sb = Sandbox::new();
    let (ws, _) = with_deals(&sb);
    let book = sb.path("tasks.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["Subject", "Deal Name", "Due Date"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Workshop").unwrap();
    sheet.write_string(1, 1, "Renewal").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2026, 12, 4).unwrap(), &date)
        .unwrap();
    wb.save(&book).unwrap();
    let out = funnel(&sb, &ws, &["activities"], &book);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 actions added"), "{}", stdout(&out));
    let w = read_workspace(&ws);
    let renewal = deal(&w, "Renewal");
    assert_eq!(renewal.actions.len(), 1);
    assert_eq!(renewal.actions[0].text, "Workshop");
    assert_eq!(
        renewal.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
}

/// A deal with two people, each also a contact of the account.
const PEOPLE_WS: &str = r#"{"format":"funnel-workspace","version":1,
"accounts":[{"id":"a1","name":"Acme","contacts":[
  {"id":"c1","name":"Wang Min","email":"wang.min@acme.example"},
  {"id":"c2","name":"Li Na"}]}],
"opportunities":[{"id":"o1","title":"Pilot","account":"a1","stage":"drive",
  "influences":[
    {"id":"i1","name":"Wang Min","influence":"high","last_contact":"2026-10-01"},
    {"id":"i2","name":"Li Na","influence":"medium","last_contact":"2026-10-02"}]}]}"#;

#[test]
fn activity_types_become_kinds_and_a_done_conversation_dates_the_person() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    std::fs::write(&ws, PEOPLE_WS).unwrap();
    let acts = sb.path("activities.csv");
    std::fs::write(
        &acts,
        "Subject,Type,Opportunity,Contact,Due Date,Status\n\
         Budget call,Call,Pilot,wang.min@acme.example,2026-11-20,Completed\n\
         Order the samples,To-do,Pilot,Li Na,2026-11-22,Completed\n\
         Steering meeting,Meeting,Pilot,Li Na,2026-12-02,Not Started\n\
         Send the pilot scope,Email,Pilot,Wang Min,2026-11-25,Not Started\n\
         Plant tour,拜访,Pilot,,2026-11-30,Not Started\n\
         Prepare the deck,To-do,Pilot,,2026-11-26,Not Started\n",
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["activities"], &acts);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("4 actions added, 2 log entries added"),
        "{}",
        stdout(&out)
    );
    let w = read_workspace(&ws);
    let o = &w.opportunities[0];
    let person = |id: &str| o.influences.iter().find(|p| p.id == id).unwrap();
    // the done call with a known contact dates the person; the done task does not
    assert_eq!(
        person("i1").last_contact.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    assert_eq!(
        person("i2").last_contact.map(|d| d.to_string()).as_deref(),
        Some("2026-10-02")
    );
    let kinds: Vec<_> = o
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.kind, a.influence.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Steering meeting", Some(ActionKind::Meeting), Some("i2")),
            ("Send the pilot scope", Some(ActionKind::Email), Some("i1")),
            ("Plant tour", Some(ActionKind::Visit), None),
            ("Prepare the deck", Some(ActionKind::Task), None),
        ]
    );
    // an earlier contact never moves the date back
    let older = sb.path("older.csv");
    std::fs::write(
        &older,
        "Subject,Type,Opportunity,Contact,Due Date,Status\n\
         First call,Call,Pilot,Wang Min,2026-11-02,Completed\n",
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["activities"], &older);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    assert_eq!(
        w.opportunities[0].influences[0]
            .last_contact
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-20")
    );
}

#[test]
fn the_salesforce_sample_tasks_take_their_type_not_their_subtype() {
    // Task.csv: TaskSubtype is "Task" on every row; Type__c says Call, Email…
    let sb = Sandbox::new();
    tasks_land_as_counted(&sb, &shared_data("salesforce-sample/Task.csv"), false);
    let w = read_workspace(&sb.path("w.json"));
    let kinds: HashSet<_> = w
        .opportunities
        .iter()
        .flat_map(|o| &o.actions)
        .filter(|a| a.extra.contains_key("source_id"))
        .map(|a| a.kind)
        .collect();
    for kind in [ActionKind::Call, ActionKind::Email, ActionKind::Meeting] {
        assert!(kinds.contains(&Some(kind)), "{kind:?} in {kinds:?}");
    }
}

/// A deal whose buying influences are not contacts of its account (typed
/// in the workbench, not imported).
const DEAL_PEOPLE_WS: &str = r#"{"format":"funnel-workspace","version":1,
"accounts":[{"id":"a1","name":"Acme"}],
"opportunities":[{"id":"o1","title":"Alpha deal","account":"a1","stage":"drive",
  "influences":[
    {"id":"i1","name":"王总","influence":"high","last_contact":"2026-11-01"},
    {"id":"i2","name":"Li Na","influence":"medium"}]}]}"#;

#[test]
fn pipedrive_and_hubspot_exports_date_the_deals_people_and_link_the_actions() {
    let sb = Sandbox::new();
    // Pipedrive: `Deal`, `Person`, a `Done` column saying Done
    let ws = sb.path("pd.json");
    std::fs::write(&ws, DEAL_PEOPLE_WS).unwrap();
    let pd = sb.path("pipedrive.csv");
    std::fs::write(
        &pd,
        "Type,Subject,Due date,Deal,Person,Done\n\
         Call,Budget call,2026-11-20,Alpha deal,王总,Done\n\
         Meeting,Steering meeting,2026-12-02,Alpha deal,Li Na,Not done\n\
         Call,Call from the future,2026-11-30,Alpha deal,Li Na,Done\n\
         Other,Filed the notes,2026-11-22,Alpha deal,王总,Done\n",
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["activities"], &pd);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let o = &w.opportunities[0];
    let last = |id: &str| {
        o.influences
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .last_contact
            .map(|d| d.to_string())
    };
    // the done call dates 王总; the "Other" row is no proof of contact; a
    // call dated after today counts as today
    assert_eq!(last("i1").as_deref(), Some("2026-11-20"));
    assert_eq!(last("i2").as_deref(), Some("2026-11-23"));
    let meeting = o
        .actions
        .iter()
        .find(|a| a.text == "Steering meeting")
        .unwrap();
    assert_eq!(
        (meeting.kind, meeting.influence.as_deref(), meeting.done),
        (Some(ActionKind::Meeting), Some("i2"), None)
    );
    assert_eq!(o.log.len(), 3, "three done activities are history");
    // HubSpot: `Associated Deal` holds the deal's name
    let ws = sb.path("hs.json");
    std::fs::write(&ws, DEAL_PEOPLE_WS).unwrap();
    let hs = sb.path("hubspot.csv");
    std::fs::write(
        &hs,
        "Activity type,Subject,Due date,Associated Deal,Associated Contact,Status\n\
         MEETING,Pilot review,2026-11-25,Alpha deal,王总,Not started\n",
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["activities"], &hs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let a = &w.opportunities[0].actions[0];
    assert_eq!(
        (a.text.as_str(), a.kind, a.influence.as_deref()),
        ("Pilot review", Some(ActionKind::Meeting), Some("i1"))
    );
}
