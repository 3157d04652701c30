//! `funnel import xlsx`: a spreadsheet lands exactly as the CSV of the same
//! cells would. Workbooks are written by each test with rust_xlsxwriter:
//! text, numbers, date cells, a Chinese name, two sheets.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use funnel::domain::{Date, Money, Workspace};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

const HEADER: [&str; 6] = [
    "Id",
    "Name",
    "StageName",
    "Amount",
    "CloseDate",
    "Account Name",
];

/// One deal as the test writes it: the amount as a number cell (or a text
/// cell when `text_amount`), the close date as a date cell.
struct Deal {
    id: &'static str,
    name: &'static str,
    stage: &'static str,
    amount: f64,
    text_amount: Option<&'static str>,
    close: (u16, u8, u8),
    account: &'static str,
}

const DEALS: [Deal; 3] = [
    Deal {
        id: "X-1",
        name: "Cloud rollout",
        stage: "Prospecting",
        amount: 12500.5,
        text_amount: None,
        close: (2026, 3, 15),
        account: "Acme",
    },
    Deal {
        id: "X-2",
        name: "网络升级",
        stage: "Closed Won",
        amount: 8000.0,
        text_amount: None,
        close: (2025, 12, 31),
        account: "华为技术",
    },
    Deal {
        id: "X-3",
        name: "Support renewal",
        stage: "Negotiation/Review",
        amount: 1234.56,
        text_amount: Some("1,234.56"),
        close: (2026, 4, 1),
        account: "Acme",
    },
];

const LATER: Deal = Deal {
    id: "Y-1",
    name: "Second sheet deal",
    stage: "Qualification",
    amount: 42.0,
    text_amount: None,
    close: (2026, 6, 1),
    account: "Globex",
};

fn write_sheet(sheet: &mut rust_xlsxwriter::Worksheet, deals: &[&Deal]) {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (k, d) in deals.iter().enumerate() {
        let r = k as u32 + 1;
        sheet.write_string(r, 0, d.id).unwrap();
        sheet.write_string(r, 1, d.name).unwrap();
        sheet.write_string(r, 2, d.stage).unwrap();
        match d.text_amount {
            Some(t) => sheet.write_string(r, 3, t).unwrap(),
            None => sheet.write_number(r, 3, d.amount).unwrap(),
        };
        let (y, m, day) = d.close;
        let when = ExcelDateTime::from_ymd(y, m, day).unwrap();
        sheet
            .write_datetime_with_format(r, 4, &when, &date)
            .unwrap();
        sheet.write_string(r, 5, d.account).unwrap();
    }
}

/// Sheet "Deals" (first) with `DEALS`, sheet "Later" with `LATER`.
fn workbook(path: &Path) {
    let mut book = Workbook::new();
    let first = book.add_worksheet();
    first.set_name("Deals").unwrap();
    write_sheet(first, &DEALS.iter().collect::<Vec<_>>());
    let second = book.add_worksheet();
    second.set_name("Later").unwrap();
    write_sheet(second, &[&LATER]);
    book.save(path).unwrap();
}

/// The same deals as a CSV export would write them.
fn csv(deals: &[&Deal]) -> String {
    let mut out = HEADER.join(",") + "\n";
    for d in deals {
        let (y, m, day) = d.close;
        let amount = match d.text_amount {
            Some(t) => format!("\"{t}\""),
            None => d.amount.to_string(),
        };
        out.push_str(&format!(
            "{},{},{},{amount},{y:04}-{m:02}-{day:02},{}\n",
            d.id, d.name, d.stage, d.account
        ));
    }
    out
}

fn import(
    sb: &Sandbox,
    ws: &Path,
    kind: &str,
    file: &Path,
    extra: &[&str],
) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23", "import", kind])
        .arg(file)
        .args(["--source", "crm"])
        .args(extra)
        .output()
        .unwrap()
}

fn ok(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

/// A workspace that exists before a failing import, and its bytes.
fn existing(sb: &Sandbox) -> (std::path::PathBuf, Vec<u8>) {
    let ws = sb.path("w.json");
    let demo = funnel::store::demo::workspace(Date::parse("2026-11-23").unwrap());
    drop(funnel::store::Store::create(&ws, &demo, &sb.path("data")).unwrap());
    let before = std::fs::read(&ws).unwrap();
    (ws, before)
}

fn check(w: &Workspace, deals: &[&Deal]) {
    assert_eq!(w.opportunities.len(), deals.len());
    for d in deals {
        let o = w
            .opportunities
            .iter()
            .find(|o| o.title == d.name)
            .unwrap_or_else(|| panic!("no deal {:?}", d.name));
        assert_eq!(o.value, Money::from_f64(d.amount).unwrap(), "{}", d.name);
        let account = w.accounts.iter().find(|a| a.id == o.account).unwrap();
        assert_eq!(account.name, d.account);
        let (y, m, day) = d.close;
        let close = Date::from_ymd(y as i32, m as u32, day as u32).unwrap();
        match &o.outcome {
            Some(out) => assert_eq!(out.on, close, "{}", d.name),
            None => assert_eq!(o.expected_close, Some(close), "{}", d.name),
        }
    }
}

#[test]
fn an_xlsx_lands_as_the_csv_of_the_same_cells() {
    let sb = Sandbox::new();
    let (book, text) = (sb.path("deals.xlsx"), sb.path("deals.csv"));
    workbook(&book);
    std::fs::write(&text, csv(&DEALS.iter().collect::<Vec<_>>())).unwrap();

    // a dry run reports and saves nothing
    let dry = sb.path("dry.json");
    let out = ok(&import(&sb, &dry, "xlsx", &book, &["--dry-run"]));
    assert!(out.contains("3 to add"), "{out}");
    assert!(!dry.exists());

    let (from_xlsx, from_csv) = (sb.path("x.json"), sb.path("c.json"));
    let out_x = ok(&import(&sb, &from_xlsx, "xlsx", &book, &[]));
    let out_c = ok(&import(&sb, &from_csv, "csv", &text, &[]));
    assert!(out_x.contains("3 added"), "{out_x}");
    let (x, c) = (read_workspace(&from_xlsx), read_workspace(&from_csv));
    check(&x, &DEALS.iter().collect::<Vec<_>>());
    assert_eq!(x.opportunities, c.opportunities);
    assert_eq!(x.accounts, c.accounts);
    // the same report after the first line (which names the file)
    let tail = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(tail(&out_x), tail(&out_c));

    // importing it again changes nothing
    let again = ok(&import(&sb, &from_xlsx, "xlsx", &book, &[]));
    assert!(again.contains("0 added, 0 updated, 3 unchanged"), "{again}");
}

#[test]
fn sheet_picks_the_second_sheet() {
    let sb = Sandbox::new();
    let (ws, book) = (sb.path("w.json"), sb.path("deals.xlsx"));
    workbook(&book);
    ok(&import(&sb, &ws, "xlsx", &book, &["--sheet", "Later"]));
    check(&read_workspace(&ws), &[&LATER]);
}

#[test]
fn a_missing_sheet_names_the_sheets_and_leaves_the_workspace_alone() {
    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    let book = sb.path("deals.xlsx");
    workbook(&book);
    let out = import(&sb, &ws, "xlsx", &book, &["--sheet", "Nope"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("\"Nope\""), "{err}");
    assert!(err.contains("\"Deals\", \"Later\""), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    for (name, bytes) in [
        ("deals.xlsx", csv(&[&LATER]).into_bytes()),
        ("junk.xlsx", b"PK\x03\x04 not really a zip".to_vec()),
        ("empty.xlsx", Vec::new()),
    ] {
        let file = sb.path(name);
        std::fs::write(&file, bytes).unwrap();
        let out = import(&sb, &ws, "xlsx", &file, &[]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("not a spreadsheet"),
            "{name}: {}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{name}");
    }
}

#[test]
fn encoding_and_delimiter_do_not_apply_to_a_spreadsheet() {
    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    let book = sb.path("deals.xlsx");
    workbook(&book);
    for extra in [["--encoding", "gbk"], ["--delimiter", ";"]] {
        let out = import(&sb, &ws, "xlsx", &book, &extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(stderr(&out).contains(extra[0]), "{}", stderr(&out));
        assert_eq!(std::fs::read(&ws).unwrap(), before);
    }
}

#[test]
fn a_bad_cell_is_reported_by_its_row_number_and_skip_bad_rows_leaves_it_out() {
    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    let book = sb.path("bad.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    write_sheet(sheet, &[&DEALS[0], &DEALS[2]]);
    // an empty row is skipped like a blank CSV line, but rows keep their numbers
    sheet.write_string(4, 0, "X-9").unwrap();
    sheet.write_string(4, 1, "Broken").unwrap();
    sheet.write_string(4, 2, "Prospecting").unwrap();
    sheet.write_string(4, 3, "n/a").unwrap();
    wb.save(&book).unwrap();

    let out = import(&sb, &ws, "xlsx", &book, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:5:", book.display())), "{err}");
    assert!(err.contains("--skip-bad-rows"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let fresh = sb.path("fresh.json");
    let out = ok(&import(&sb, &fresh, "xlsx", &book, &["--skip-bad-rows"]));
    assert!(out.contains("left out 1 rows"), "{out}");
    check(&read_workspace(&fresh), &[&DEALS[0], &DEALS[2]]);
}

/// A profile saved by a CSV import serves the spreadsheet of the same
/// CRM: its stage map is what lets the xlsx in at all.
#[test]
fn a_profile_saved_from_a_csv_import_serves_an_xlsx() {
    const ODD: Deal = Deal {
        id: "Z-1",
        name: "Odd stage deal",
        stage: "Sniffing around",
        amount: 900.0,
        text_amount: None,
        close: (2026, 5, 4),
        account: "Initech",
    };
    let sb = Sandbox::new();
    let (ws, book, text) = (sb.path("w.json"), sb.path("odd.xlsx"), sb.path("d.csv"));
    let mut wb = Workbook::new();
    write_sheet(wb.add_worksheet(), &[&ODD]);
    wb.save(&book).unwrap();
    std::fs::write(
        &text,
        csv(&[&DEALS[0]]).replace("Prospecting", "Sniffing around"),
    )
    .unwrap();
    // neither file gets in without a map for the label
    assert_eq!(import(&sb, &ws, "csv", &text, &[]).status.code(), Some(2));
    assert_eq!(import(&sb, &ws, "xlsx", &book, &[]).status.code(), Some(2));
    assert!(!ws.exists(), "nothing written");
    ok(&import(
        &sb,
        &ws,
        "csv",
        &text,
        &[
            "--stage-map",
            "Sniffing around=drive",
            "--save-profile",
            "crm",
        ],
    ));
    ok(&import(&sb, &ws, "xlsx", &book, &["--profile", "crm"]));
    let w = read_workspace(&ws);
    let odd = w
        .opportunities
        .iter()
        .find(|o| o.title == ODD.name)
        .unwrap();
    assert_eq!(odd.stage, funnel::domain::Stage::Drive);
    assert_eq!(w.opportunities.len(), 2);
}

#[test]
fn probabilities_as_percent_cells_fractions_or_percentages_all_read_as_percent() {
    let sb = Sandbox::new();
    // a spreadsheet whose Probability cells are formatted as percentages:
    // the cell holds 0.25 and shows 25%
    let book = sb.path("percent.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let percent = Format::new().set_num_format("0%");
    let cells: [(&str, f64); 4] = [("P-1", 0.25), ("P-2", 0.9), ("P-3", 1.0), ("P-4", 0.0)];
    for (c, h) in ["Id", "Name", "StageName", "Amount", "Probability"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, p)) in cells.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, format!("Deal {id}")).unwrap();
        sheet.write_string(r, 2, "Prospecting").unwrap();
        sheet.write_number(r, 3, 1000.0).unwrap();
        sheet.write_number_with_format(r, 4, *p, &percent).unwrap();
    }
    wb.save(&book).unwrap();
    let ws = sb.path("w.json");
    let out = import(&sb, &ws, "xlsx", &book, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = |w: &Workspace, id: &str| {
        let o = w
            .opportunities
            .iter()
            .find(|o| o.title == format!("Deal {id}"))
            .unwrap();
        o.probability.map(|p| p.0 as i64)
    };
    let w = read_workspace(&ws);
    for (id, p) in cells {
        assert_eq!(got(&w, id), Some((p * 100.0).round() as i64), "{id}");
    }
    // a CSV of percentages (with and without the sign) is read as it is,
    // and a word there is a bad row that names the column
    let file = sb.path("pct.csv");
    std::fs::write(&file, "Id,Name,Stage,Amount,Probability\nQ-1,Deal Q-1,Prospecting,10,25 %\nQ-2,Deal Q-2,Prospecting,10,60\nQ-3,Deal Q-3,Prospecting,10,1\n").unwrap();
    let ws2 = sb.path("w2.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws2)
        .args(["import", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws2);
    assert_eq!(
        [got(&w, "Q-1"), got(&w, "Q-2"), got(&w, "Q-3")],
        [Some(25), Some(60), Some(1)]
    );
    std::fs::write(&file, "Id,Name,Stage,Amount,Probability\nR-1,Deal R-1,Prospecting,10,high\nR-2,Deal R-2,Prospecting,10,40\n").unwrap();
    let before = std::fs::read(&ws2).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws2)
        .args(["import", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("pct.csv:2: probability \"high\" (column \"Probability\")"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--skip-bad-rows"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&ws2).unwrap(), before);
}
