//! `funnel import history`: a Salesforce OpportunityHistory.csv (and an
//! OpportunityFieldHistory.csv) written from the sample's Opportunity.csv
//! gives each deal the history the test computes from the rows it wrote;
//! the `stalled` flag follows; a re-import changes nothing; a Chinese file
//! matched by title; an unknown stage stops the import.

use crate::common::{Sandbox, day, read_workspace, shared_data, stderr, stdout};
use funnel::domain::{Date, Stage, Workspace};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const TODAY: &str = "2026-11-23";

fn funnel(sb: &Sandbox, ws: &Path, args: &[&str], file: &Path) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", TODAY, "import"])
        .args(args)
        .arg(file)
        .output()
        .unwrap()
}

/// The rows of a CSV (BOM dropped) as header → cell maps.
fn rows(file: &Path) -> Vec<HashMap<String, String>> {
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

/// The sample's stage names, as the test reads them (None: closed).
fn stage(name: &str) -> Option<Stage> {
    match name {
        "Prospecting" | "Qualification" => Some(Stage::Qualify),
        "Discovery" | "Needs Analysis" => Some(Stage::Drive),
        "Proposal/Quote" => Some(Stage::Propose),
        "Negotiation" => Some(Stage::Negotiate),
        "Closed Won" | "Closed Lost" => None,
        other => panic!("a stage the test does not know: {other}"),
    }
}

/// One stage row the test writes: opportunity id, stage name, date.
type Written = (String, String, Date);

/// The ladder a deal climbed to reach `current`: 2 to 4 stage names.
fn ladder(current: &str) -> Vec<&'static str> {
    let all = [
        "Prospecting",
        "Qualification",
        "Discovery",
        "Proposal/Quote",
        "Negotiation",
    ];
    match current {
        "Closed Won" => vec!["Prospecting", "Negotiation", "Closed Won"],
        "Closed Lost" => vec!["Qualification", "Discovery", "Closed Lost"],
        _ => {
            let at = all.iter().position(|s| *s == current).unwrap();
            let from = at.saturating_sub(3);
            let mut l: Vec<&str> = all[from..=at].to_vec();
            if l.len() < 2 {
                l.insert(0, "Prospecting");
            }
            l
        }
    }
}

/// The stage rows for some of the sample's opportunities: open ones and
/// one won, one lost; the first deal's last change is recent (not
/// stalled), the others' are months old. Rows are written newest first.
fn history_rows(opportunities: &Path) -> Vec<Written> {
    let opps = rows(opportunities);
    let open = opps.iter().filter(|r| stage(&r["StageName"]).is_some());
    let won = opps.iter().find(|r| r["StageName"] == "Closed Won");
    let lost = opps.iter().find(|r| r["StageName"] == "Closed Lost");
    let mut chosen: Vec<&HashMap<String, String>> = open.take(8).chain(won).chain(lost).collect();
    // the recent one first: one whose last row is a stage of its own (the
    // Prospecting → Qualification of a qualifying deal is one stage entered
    // at the first row)
    let recent = chosen
        .iter()
        .position(|r| r["StageName"] != "Qualification")
        .unwrap();
    chosen.swap(0, recent);
    let mut written = Vec::new();
    for (k, o) in chosen.iter().enumerate() {
        let steps = ladder(&o["StageName"]);
        // the last change: 3 days ago for the first deal, else in the summer
        let last = match k {
            0 => day(TODAY).plus_days(-3),
            _ => day("2026-07-01").plus_days(k as i64),
        };
        let n = steps.len() as i64;
        for (i, s) in steps.iter().enumerate().rev() {
            let date = last.plus_days(-25 * (n - 1 - i as i64));
            written.push((o["Id"].clone(), (*s).to_owned(), date));
        }
    }
    written
}

/// What the test expects: each deal's rows by date, a stage entered again
/// kept at its first entry, closed stages left out, ending in the deal's
/// current stage (dated at the deal's entry for it, not before the file's
/// last date).
fn expected(written: &[Written], before: &Workspace) -> BTreeMap<String, Vec<(Stage, Date)>> {
    let mut by_deal: BTreeMap<String, Vec<(Date, Stage)>> = BTreeMap::new();
    for (id, name, date) in written {
        if let Some(s) = stage(name) {
            by_deal.entry(id.clone()).or_default().push((*date, s));
        }
    }
    let mut out = BTreeMap::new();
    for (id, mut rows) in by_deal {
        rows.sort_by_key(|(d, _)| *d);
        let mut entries: Vec<(Stage, Date)> = Vec::new();
        for (d, s) in rows {
            if entries.last().is_none_or(|(was, _)| *was != s) {
                entries.push((s, d));
            }
        }
        let o = before
            .opportunities
            .iter()
            .find(|o| o.extra.get("source_id").and_then(|v| v.as_str()) == Some(id.as_str()))
            .unwrap();
        let (last, last_date) = *entries.last().unwrap();
        if last != o.stage {
            let had = o.stage_history.iter().rev().find(|e| e.stage == o.stage);
            entries.push((o.stage, had.map_or(last_date, |e| e.entered.max(last_date))));
        }
        out.insert(id, entries);
    }
    out
}

fn histories(ws: &Workspace) -> BTreeMap<String, Vec<(Stage, Date)>> {
    ws.opportunities
        .iter()
        .map(|o| {
            let id = o
                .extra
                .get("source_id")
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let h = o
                .stage_history
                .iter()
                .map(|e| (e.stage, e.entered))
                .collect();
            (id.to_owned(), h)
        })
        .collect()
}

fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

fn stamp(d: Date) -> String {
    format!("{d}T16:14:25.000+0000")
}

/// A workspace from the sample's Opportunity.csv: the sandbox's copy of it.
fn deals(sb: &Sandbox) -> std::path::PathBuf {
    let ws = sb.path("w.json");
    let out = funnel(
        sb,
        &ws,
        &["csv"],
        &shared_data("salesforce-sample/Opportunity.csv"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    ws
}

/// Which of `ids` `funnel flags --format json` says are stalled.
fn stalled(sb: &Sandbox, ws: &Path, ids: &HashMap<String, String>) -> BTreeMap<String, bool> {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", TODAY, "flags", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let flags: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let flags = flags.as_array().unwrap();
    ids.iter()
        .map(|(source_id, id)| {
            let is = flags
                .iter()
                .any(|f| f["opportunity"].as_str() == Some(id.as_str()) && f["rule"] == "stalled");
            (source_id.clone(), is)
        })
        .collect()
}

#[test]
fn opportunity_history_becomes_the_deals_stage_history() {
    let sb = Sandbox::new();
    let ws = deals(&sb);
    let before = read_workspace(&ws);
    let opportunities = shared_data("salesforce-sample/Opportunity.csv");
    let written = history_rows(&opportunities);
    let file = sb.path("OpportunityHistory.csv");
    let mut lines: Vec<Vec<String>> = written
        .iter()
        .enumerate()
        .map(|(n, (id, s, d))| {
            let row = [
                &format!("008Ec0000{n:09}"),
                id,
                s,
                "1000.00",
                "100.00",
                "2026-12-31",
                "10",
                "Pipeline",
                &stamp(*d),
                "005Ec000004oBPNIA2",
                "false",
                &stamp(*d),
            ];
            row.map(|c| c.to_owned()).to_vec()
        })
        .collect();
    // a row of a deal the workspace does not have
    lines.push(
        [
            "008Ec0000999999999",
            "006Ec00000NOSUCHIAZ",
            "Discovery",
            "1",
            "1",
            "2026-12-31",
            "10",
            "Pipeline",
            "2026-05-01T10:00:00.000+0000",
            "005Ec000004oBPNIA2",
            "false",
            "2026-05-01T10:00:00.000+0000",
        ]
        .map(|c| c.to_owned())
        .to_vec(),
    );
    let header = [
        "Id",
        "OpportunityId",
        "StageName",
        "Amount",
        "ExpectedRevenue",
        "CloseDate",
        "Probability",
        "ForecastCategory",
        "CreatedDate",
        "CreatedById",
        "IsDeleted",
        "SystemModstamp",
    ];
    write_csv(&file, &header, &lines);
    let ids: HashMap<String, String> = before
        .opportunities
        .iter()
        .filter(|o| {
            written
                .iter()
                .any(|(id, _, _)| o.extra.get("source_id").and_then(|v| v.as_str()) == Some(id))
        })
        .map(|o| {
            (
                o.extra["source_id"].as_str().unwrap().to_owned(),
                o.id.clone(),
            )
        })
        .collect();
    let stalled_before = stalled(&sb, &ws, &ids);
    let want = expected(&written, &before);

    // a dry run says what would change and saves nothing
    let bytes = std::fs::read(&ws).unwrap();
    let out = funnel(&sb, &ws, &["history", "--dry-run"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("dry run, nothing saved"), "{text}");
    assert!(
        text.contains(&format!("{} deals given a history", want.len())),
        "{text}"
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        bytes,
        "a dry run saves nothing"
    );

    let out = funnel(&sb, &ws, &["history"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let closed_rows = written
        .iter()
        .filter(|(_, s, _)| stage(s).is_none())
        .count();
    assert!(
        text.contains(&format!(
            "{} stage rows from {}: {} deals given a history, 0 unchanged, 1 rows matched no deal, {closed_rows} closed-stage rows skipped",
            written.len() - closed_rows + 1,
            file.display(),
            want.len()
        )),
        "{text}"
    );
    assert!(text.contains("deals matched by salesforce ids"), "{text}");
    assert!(
        text.contains("no deal with id \"006Ec00000NOSUCHIAZ\""),
        "{text}"
    );
    let after = read_workspace(&ws);
    let got = histories(&after);
    for (id, entries) in &want {
        assert_eq!(&got[id], entries, "the history of {id}");
    }
    // the others are as they were
    let was = histories(&before);
    for (id, h) in &got {
        if !want.contains_key(id) {
            assert_eq!(h, &was[id], "{id} untouched");
        }
    }
    // stalled: the days since the last entry exceed the stage's stall_days
    let stalled_after = stalled(&sb, &ws, &ids);
    let today = day(TODAY);
    for (id, entries) in &want {
        let o = after
            .opportunities
            .iter()
            .find(|o| o.id == ids[id])
            .unwrap();
        if o.outcome.is_some() {
            continue;
        }
        let (stage, entered) = *entries.last().unwrap();
        let limit = after.settings.stall_days.get(stage).0 as i64;
        let days = entered.days_until(today);
        assert_eq!(
            stalled_after[id],
            days > limit,
            "{id}: {days} days in {stage}"
        );
    }
    // the deal moved 3 days ago was stalled at its import date, not now
    let recent = &written[0].0;
    assert!(stalled_before[recent], "stalled since its creation in 2024");
    assert!(!stalled_after[recent], "entered its stage 3 days ago");

    // again: nothing changes, nothing is saved
    let bytes = std::fs::read(&ws).unwrap();
    let out = funnel(&sb, &ws, &["history"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "0 deals given a history, {} unchanged",
            want.len()
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), bytes, "byte-identical");
}

#[test]
fn field_history_reads_only_the_stage_rows() {
    let sb = Sandbox::new();
    let ws = deals(&sb);
    let before = read_workspace(&ws);
    let written = history_rows(&shared_data("salesforce-sample/Opportunity.csv"));
    let mut lines = Vec::new();
    for (n, (id, s, d)) in written.iter().enumerate() {
        lines.push(vec![
            format!("017Ec0000{n:09}"),
            id.clone(),
            "StageName".into(),
            "Picklist".into(),
            String::new(),
            s.clone(),
            stamp(*d),
        ]);
        // other fields' changes, whose values are no stages
        lines.push(vec![
            format!("017Ec1000{n:09}"),
            id.clone(),
            "Amount".into(),
            "Currency".into(),
            "1000".into(),
            "2500".into(),
            stamp(*d),
        ]);
    }
    lines.push(vec![
        "017Ec2000000000000".into(),
        written[0].0.clone(),
        "created".into(),
        "Text".into(),
        String::new(),
        String::new(),
        stamp(day("2024-01-22")),
    ]);
    let file = sb.path("OpportunityFieldHistory.csv");
    let header = [
        "Id",
        "OpportunityId",
        "Field",
        "DataType",
        "OldValue",
        "NewValue",
        "CreatedDate",
    ];
    write_csv(&file, &header, &lines);
    let out = funnel(&sb, &ws, &["history"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{} rows about other fields than the stage ignored",
            written.len() + 1
        )),
        "{text}"
    );
    let want = expected(&written, &before);
    let got = histories(&read_workspace(&ws));
    for (id, entries) in &want {
        assert_eq!(&got[id], entries, "the history of {id}");
    }
}

#[test]
fn a_chinese_history_is_matched_by_deal_title() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(
        &deals,
        "商机名称,客户名称,金额,预计成交日期,阶段,创建日期\n\
         华东扩容项目,华东电力,500000,2026-12-20,方案,2026-03-01\n\
         西南改造项目,西南电网,300000,2027-01-20,谈判,2026-04-01\n",
    )
    .unwrap();
    let out = funnel(
        &sb,
        &ws,
        &[
            "csv",
            "--map",
            "阶段=stage",
            "--stage-map",
            "方案=propose",
            "--stage-map",
            "谈判=negotiate",
        ],
        &deals,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = sb.path("阶段变更.csv");
    std::fs::write(
        &file,
        "商机名称,旧阶段,新阶段,变更时间\n\
         华东扩容项目,,初步接洽,2026-03-01 09:00\n\
         华东扩容项目,初步接洽,需求确认,2026-04-10 10:30\n\
         华东扩容项目,需求确认,方案,2026-06-15 14:00\n\
         不存在的商机,,方案,2026-06-15 14:00\n",
    )
    .unwrap();
    let maps = [
        "history",
        "--stage-map",
        "初步接洽=qualify",
        "--stage-map",
        "需求确认=drive",
        "--stage-map",
        "方案=propose",
    ];
    let out = funnel(&sb, &ws, &maps, &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("4 stage rows from")
            && text.contains("1 deals given a history, 0 unchanged, 1 rows matched no deal"),
        "{text}"
    );
    assert!(text.contains("stage ← \"新阶段\""), "{text}");
    assert!(
        text.contains(":5: matched no deal: no deal titled \"不存在的商机\""),
        "{text}"
    );
    let w = read_workspace(&ws);
    let o = w
        .opportunities
        .iter()
        .find(|o| o.title == "华东扩容项目")
        .unwrap();
    let h: Vec<(Stage, Date)> = o
        .stage_history
        .iter()
        .map(|e| (e.stage, e.entered))
        .collect();
    assert_eq!(
        h,
        vec![
            (Stage::Qualify, day("2026-03-01")),
            (Stage::Drive, day("2026-04-10")),
            (Stage::Propose, day("2026-06-15")),
        ]
    );
    let other = w
        .opportunities
        .iter()
        .find(|o| o.title == "西南改造项目")
        .unwrap();
    assert_eq!(other.stage_history.len(), 1, "untouched");
}

#[test]
fn an_unknown_stage_stops_the_import_naming_the_stage_map() {
    let sb = Sandbox::new();
    let ws = deals(&sb);
    let bytes = std::fs::read(&ws).unwrap();
    let id = rows(&shared_data("salesforce-sample/Opportunity.csv"))[0]["Id"].clone();
    let file = sb.path("OpportunityHistory.csv");
    std::fs::write(
        &file,
        format!(
            "Id,OpportunityId,StageName,CreatedDate\n\
             h1,{id},Prospecting,2026-01-05T10:00:00.000+0000\n\
             h2,{id},Technical Validation,2026-02-05T10:00:00.000+0000\n\
             h3,{id},Technical Validation,2026-02-06T10:00:00.000+0000\n\
             h4,{id},Legal Review,2026-03-05T10:00:00.000+0000\n"
        ),
    )
    .unwrap();
    let out = funnel(&sb, &ws, &["history"], &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--stage-map \"Technical Validation=STAGE\""),
        "{err}"
    );
    assert!(err.contains("\"Technical Validation\" (2 rows)"), "{err}");
    assert!(err.contains("--stage-map \"Legal Review=STAGE\""), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), bytes, "workspace untouched");
}

const DEALS: &str = "Deal Name,Account Name,Deal Stage,Amount\n\
Big rollout,Acme Corp,Qualified To Buy,1000\n\
Renewal,Globex,Contract Sent,500\n";

fn pairs(w: &Workspace, title: &str) -> Vec<(Stage, Date)> {
    let o = w.opportunities.iter().find(|o| o.title == title).unwrap();
    o.stage_history
        .iter()
        .map(|e| (e.stage, e.entered))
        .collect()
}

#[test]
fn a_spreadsheet_and_a_headerless_file_with_map_and_bad_rows() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let deals = sb.path("deals.csv");
    std::fs::write(&deals, DEALS).unwrap();
    let out = funnel(&sb, &ws, &["csv"], &deals);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let book = sb.path("history.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["Deal Name", "Deal Stage", "Entered"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let cells = [
        ("Qualified To Buy", (2026, 9, 1)),
        ("Contract Sent", (2026, 10, 15)),
    ];
    for (r, (stage, (y, m, d))) in cells.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "Renewal").unwrap();
        sheet.write_string(r, 1, *stage).unwrap();
        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        sheet.write_datetime_with_format(r, 2, when, &date).unwrap();
    }
    wb.save(&book).unwrap();
    let out = funnel(&sb, &ws, &["history"], &book);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        pairs(&read_workspace(&ws), "Renewal"),
        vec![
            (Stage::Qualify, day("2026-09-01")),
            (Stage::Negotiate, day("2026-10-15")),
        ]
    );

    // no header: deal, stage, date; a date that is none stops the import
    let file = sb.path("history.csv");
    std::fs::write(
        &file,
        "Big rollout,appointmentscheduled,2026-08-01\nBig rollout,qualifiedtobuy,2026-13-45\n",
    )
    .unwrap();
    let before = std::fs::read(&ws).unwrap();
    let mut args = vec![
        "history",
        "--no-header",
        "--map",
        "1=deal",
        "--map",
        "2=stage",
        "--map",
        "3=date",
    ];
    let out = funnel(&sb, &ws, &args, &file);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("history.csv:2:") && err.contains("--skip-bad-rows"),
        "{err}"
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before, "untouched");
    args.push("--skip-bad-rows");
    let out = funnel(&sb, &ws, &args, &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("left out 1 rows"), "{}", stdout(&out));
    assert_eq!(
        pairs(&read_workspace(&ws), "Big rollout"),
        vec![(Stage::Qualify, day("2026-08-01"))]
    );
}
