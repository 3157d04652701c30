//! Reading any CSV export without hand-editing it: encodings, delimiters,
//! no header, nulls, more date forms, bad rows left out, every problem
//! listed. Fixtures are written by each test in the encoding it is about.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use funnel::domain::{Money, Status, Workspace};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn import(sb: &Sandbox, ws: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-23", "import", "csv"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap()
}

/// Writes `bytes` as in.csv and imports it into a new workspace.
fn imported(bytes: &[u8], extra: &[&str]) -> (Workspace, String) {
    let sb = Sandbox::new();
    let (ws, file) = (sb.path("w.json"), sb.path("in.csv"));
    std::fs::write(&file, bytes).unwrap();
    let out = import(&sb, &ws, &file, extra);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (read_workspace(&ws), stdout(&out))
}

/// A workspace that exists before a failing import, and its bytes.
fn existing(sb: &Sandbox) -> (PathBuf, Vec<u8>) {
    let ws = sb.path("w.json");
    let demo = funnel::store::demo::workspace(funnel::domain::Date::parse("2026-11-23").unwrap());
    drop(funnel::store::Store::create(&ws, &demo, &sb.path("data")).unwrap());
    let before = std::fs::read(&ws).unwrap();
    (ws, before)
}

fn titles(w: &Workspace) -> Vec<&str> {
    w.opportunities.iter().map(|o| o.title.as_str()).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn a_latin1_file_is_read_and_says_so_and_utf8_forced_on_it_is_refused_with_a_hint() {
    let text = "Name,StageName,Amount,Account Name\nCafé crème,Prospecting,10,Société Générale\nÉté,Closed Won,5,Société Générale\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Latin-1"
    );
    let (w, out) = imported(&bytes, &[]);
    assert_eq!(titles(&w), ["Café crème", "Été"]);
    assert_eq!(w.accounts[0].name, "Société Générale");
    assert!(out.contains("windows-1252 (detected)"), "{out}");

    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    let file = sb.path("in.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = import(&sb, &ws, &file, &["--encoding", "utf-8"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("in.csv:2: invalid UTF-8"), "{err}");
    assert!(err.contains("try --encoding windows-1252"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before, "byte-identical");
}

#[test]
fn a_gbk_file_with_chinese_names_is_read() {
    let names = [
        ("华为云迁移项目", "上海电气集团"),
        ("财务系统升级", "北京银行股份有限公司"),
        ("智能工厂二期", "广州汽车集团"),
    ];
    let mut text = String::from("Name,StageName,Amount,Account Name\n");
    for (t, a) in names {
        text.push_str(&format!("{t},Prospecting,100,{a}\n"));
    }
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let (w, out) = imported(&bytes, &[]);
    let expected: Vec<&str> = names.iter().map(|(t, _)| *t).collect();
    assert_eq!(titles(&w), expected);
    assert!(out.contains("GBK (detected)"), "{out}");
    // named: also GB18030, which GBK is part of
    let (w, _) = imported(&bytes, &["--encoding", "gb18030"]);
    assert_eq!(titles(&w), expected);
}

#[test]
fn utf16_files_with_a_bom_are_read_in_either_byte_order() {
    let text = "Name,StageName,Amount\r\nÜberweisung 张,Prospecting,12.5\r\n";
    for big in [false, true] {
        let (w, out) = imported(&utf16(text, big), &[]);
        assert_eq!(titles(&w), ["Überweisung 张"]);
        assert_eq!(w.opportunities[0].value, Money(1250));
        assert!(out.contains("(BOM)"), "{out}");
    }
}

#[test]
fn semicolon_tab_and_pipe_files_are_detected_or_named() {
    let semi = "Name;StageName;Amount\n\"Big; quoted\";Prospecting;1.234,56\nB;Closed Won;7\n";
    let (w, out) = imported(semi.as_bytes(), &[]);
    assert_eq!(titles(&w), ["Big; quoted", "B"]);
    assert_eq!(w.opportunities[0].value, Money(123_456));
    assert!(out.contains("separated by ';'"), "{out}");

    let tab = "Name\tStageName\tAmount\nA, with comma\tProspecting\t1,5\n";
    let (w, out) = imported(tab.as_bytes(), &[]);
    assert_eq!(titles(&w), ["A, with comma"]);
    assert_eq!(w.opportunities[0].value, Money(150));
    assert!(out.contains("separated by tab"), "{out}");

    let pipe = "Name|StageName\nA|Prospecting\n";
    let (w, out) = imported(pipe.as_bytes(), &["--delimiter", "|"]);
    assert_eq!(titles(&w), ["A"]);
    assert!(!out.contains("separated by"), "named, not guessed: {out}");
}

#[test]
fn a_file_without_header_is_described_by_column_numbers() {
    let text = "X1;Alpha deal;Prospecting;100\nX2;Beta deal;Closed Won;250\n";
    let (w, _) = imported(
        text.as_bytes(),
        &[
            "--no-header",
            "--map",
            "1=id",
            "--map",
            "2=title",
            "--map",
            "3=stage",
            "--map",
            "4=value",
        ],
    );
    assert_eq!(
        titles(&w),
        ["Alpha deal", "Beta deal"],
        "no row taken as header"
    );
    assert_eq!(w.opportunities[1].value, Money(25_000));
    assert_eq!(w.opportunities[1].status(), Status::Won);
}

#[test]
fn null_markers_are_empty_cells() {
    let text = "Name,StageName,Amount,CloseDate,Description\nA,Prospecting,\\N,NULL,n/a\nB,Prospecting,NULL,\\N,kept\n";
    let (w, _) = imported(text.as_bytes(), &["--null", "n/a"]);
    for o in &w.opportunities {
        assert_eq!((o.value, o.expected_close), (Money::ZERO, None));
    }
    assert_eq!(w.opportunities[0].notes, "");
    assert_eq!(w.opportunities[1].notes, "kept");
}

#[test]
fn dates_with_times_month_names_and_excel_days_are_read_per_column() {
    // CloseDate shows day-first (13/10), CreatedDate month-first (10/13):
    // each column keeps its own order
    let text = "Name,StageName,CloseDate,CreatedDate\n\
A,Prospecting,9/10/2025 4:37,10/13/2025\n\
B,Prospecting,13/10/2025 16:05,3/4/2025 08:00\n\
C,Prospecting,14.06.2026 09:20,2026-06-14T09:20:00Z\n\
D,Prospecting,\"15 Apr, 2021 00:03:00\",\"Apr 15, 2021\"\n\
E,Prospecting,45292,\"15 Apr, 2021\"\n";
    let (w, _) = imported(text.as_bytes(), &[]);
    let got: Vec<(String, String)> = w
        .opportunities
        .iter()
        .map(|o| {
            let d = |d: Option<funnel::domain::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            (d(o.expected_close), d(o.created))
        })
        .collect();
    let want = [
        ("2025-10-09", "2025-10-13"),
        ("2025-10-13", "2025-03-04"),
        ("2026-06-14", "2026-06-14"),
        ("2021-04-15", "2021-04-15"),
        ("2024-01-01", "2021-04-15"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// 120 rows where every 7th has a bad amount, every 11th a missing cell and
/// every 13th a date that is none: the expected counts come from the same
/// rule that writes the file.
fn rows_with_bad_ones() -> (String, usize, BTreeMap<&'static str, Vec<u64>>) {
    let mut text = String::from("Name,StageName,Amount,CloseDate\n");
    let mut bad: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    let mut good = 0;
    for i in 0..120u64 {
        let line = i + 2;
        if i % 11 == 5 {
            text.push_str(&format!("D{i},Prospecting,5\n"));
            bad.entry("cells").or_default().push(line);
        } else if i % 7 == 3 {
            text.push_str(&format!("D{i},Prospecting,lots,2026-01-01\n"));
            bad.entry("amount").or_default().push(line);
        } else if i % 13 == 4 {
            text.push_str(&format!("D{i},Prospecting,5,someday\n"));
            bad.entry("date").or_default().push(line);
        } else {
            text.push_str(&format!("D{i},Prospecting,5,2026-01-01\n"));
            good += 1;
        }
    }
    (text, good, bad)
}

#[test]
fn every_bad_row_is_listed_grouped_and_the_workspace_stays_byte_identical() {
    let (text, _, bad) = rows_with_bad_ones();
    let sb = Sandbox::new();
    let (ws, before) = existing(&sb);
    let file = sb.path("in.csv");
    std::fs::write(&file, &text).unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let total: usize = bad.values().map(Vec::len).sum();
    assert!(total > 20, "more than the old limit of 20: {total}");
    assert!(err.contains(&format!("{total} problems")), "{err}");
    for lines in bad.values() {
        assert!(
            err.contains(&format!("{} rows with this problem", lines.len())),
            "{err}"
        );
        assert!(err.contains(&format!("in.csv:{}: ", lines[0])), "{err}");
        if lines.len() > 3 {
            assert!(
                err.contains(&format!(
                    "… and {} more like it, on lines {}",
                    lines.len() - 3,
                    lines[3]
                )),
                "{err}"
            );
        }
    }
    assert!(err.contains("(column \"Amount\")"), "{err}");
    assert!(
        err.contains(&format!("--skip-bad-rows leaves out the {total} rows")),
        "{err}"
    );
    assert!(err.contains("(column \"CloseDate\")"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before, "byte-identical");
}

#[test]
fn skip_bad_rows_imports_the_rest_and_lists_what_it_left_out() {
    let (text, good, bad) = rows_with_bad_ones();
    let (w, out) = imported(text.as_bytes(), &["--skip-bad-rows"]);
    assert_eq!(w.opportunities.len(), good);
    let left: usize = bad.values().map(Vec::len).sum();
    assert!(out.contains(&format!("left out {left} rows")), "{out}");
    assert!(out.contains(&format!("{good} rows from")), "{out}");
    assert!(
        !titles(&w).contains(&"D3"),
        "the bad amount is not imported as 0"
    );
}

#[test]
fn the_maven_file_as_semicolon_utf16_imports_like_the_original() {
    let original =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/maven-crm/sales_pipeline.csv");
    let mut reader = csv::Reader::from_path(&original).unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(vec![]);
    w.write_record(reader.headers().unwrap()).unwrap();
    for r in reader.records() {
        w.write_record(&r.unwrap()).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let sb = Sandbox::new();
    let dir = sb.path("converted");
    std::fs::create_dir_all(&dir).unwrap();
    // the same file name: the source label is the same
    let converted = dir.join("sales_pipeline.csv");
    std::fs::write(&converted, utf16(&text, false)).unwrap();
    let (a, b) = (sb.path("a.json"), sb.path("b.json"));
    let out = import(&sb, &a, &original, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = import(&sb, &b, &converted, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("UTF-16LE (BOM), cells separated by ';'"));
    let summary = |w: &Workspace| -> Vec<(String, String, Money, Status)> {
        w.opportunities
            .iter()
            .map(|o| (o.title.clone(), o.owner.clone(), o.value, o.status()))
            .collect()
    };
    let (a, b) = (read_workspace(&a), read_workspace(&b));
    assert_eq!(a.opportunities.len(), 8800);
    assert_eq!(summary(&a), summary(&b));
}

/// Bytes a CSV export can hold, from the alphabet that trips readers up:
/// quotes, every delimiter, line ends, BOM and non-UTF-8 bytes, date and
/// amount pieces.
fn csvish() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let pieces: Vec<&'static [u8]> = vec![
        b",",
        b";",
        b"\t",
        b"|",
        b"\"",
        b"\n",
        b"\r\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xE9",
        b"\xD6\xD0",
        b"\x00",
        b"StageName",
        b"Amount",
        b"CloseDate",
        b"Name",
        b"Won",
        b"Prospecting",
        b"12/13/2026 4:37 PM",
        b"15 Apr, 2021",
        b"45292",
        b"\\N",
        b"NULL",
        b"1.234,56",
        b" ",
        b"99999999999",
        b"Sept",
        b":",
        b"-",
        b"Subject",
        b"WhatId",
        b"AccountId",
        b"WhoId",
        b"Email",
        b"OpportunityId",
        b"Field",
        b"NewValue",
        b"CreatedDate",
        b"Probability",
        b"0.5",
        b"o3",
        b"a1",
        b"\xE5\x95\x86\xE6\x9C\xBA\xE5\x90\x8D\xE7\xA7\xB0",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..60).prop_map(|v| v.concat())
}

/// Rows of seven quoted cells (as many as each header above has), each a value some column reads, so that
/// rows are read and merged (random bytes mostly stop at the reading).
fn rows_of_cells() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let values = vec![
        "",
        "o3",
        "a1",
        "o1",
        "Won",
        "Closed Lost",
        "Prospecting",
        "Negotiation",
        "12/13/2026 4:37 PM",
        "15 Apr, 2021",
        "2026-12-01",
        "45292",
        "\\N",
        "1.234,56",
        "0.5",
        "250k",
        "Completed",
        "Not Started",
        "true",
        "商机名称",
        "陈建国",
        "x@example.com",
        "-1",
        "99999999999999999999",
    ];
    let row = prop::collection::vec(prop::sample::select(values), 7).prop_map(|cells| {
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        quoted.join(",") + "\n"
    });
    prop::collection::vec(row, 0..8).prop_map(|rows| rows.concat().into_bytes())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn reading_never_panics_on_any_bytes_and_options(
        bytes in csvish(),
        no_header in proptest::bool::ANY,
        skip in proptest::bool::ANY,
        encoding in proptest::sample::select(vec![None, Some("utf-8"), Some("gbk"), Some("utf-16le"), Some("latin1")]),
    ) {
        let options = funnel::import::Options {
            no_header,
            skip_bad_rows: skip,
            encoding: encoding.map(String::from),
            map: if no_header { vec![("1".into(), funnel::import::Field::Stage)] } else { vec![] },
            ..Default::default()
        };
        let _ = funnel::import::read_all(&bytes, &options);
    }

    /// Every import, read and merged into a real pipeline, never panics:
    /// what cannot be read is refused, what can is merged.
    #[test]
    fn every_import_reads_and_merges_any_bytes_without_panicking(
        header in proptest::sample::select(vec![
            "",
            "Id,Name,StageName,Amount,CloseDate,Probability,AccountId\n",
            "Name,Email,AccountId,Title,Phone,Id,Note\n",
            "Subject,WhatId,AccountId,WhoId,ActivityDate,Status,Id\n",
            "OpportunityId,StageName,CreatedDate,Id,A,B,C\n",
            "OpportunityId,Field,NewValue,CreatedDate,Id,A,B\n",
        ]),
        body in proptest::prop_oneof![csvish(), rows_of_cells()],
        no_header in proptest::bool::ANY,
        skip in proptest::bool::ANY,
    ) {
        let bytes = [header.as_bytes(), &body].concat();
        let today = funnel::domain::Date::parse("2026-11-30").unwrap();
        let ws = funnel::synth::workspace(12, 7, today);
        let options = funnel::import::ReadOptions {
            no_header,
            skip_bad_rows: skip,
            ..Default::default()
        };
        let text = || funnel::import::Input::Text(&bytes);
        let names = std::collections::HashMap::new();
        if let Ok(read) = funnel::import::read_all(&bytes, &funnel::import::Options { no_header, skip_bad_rows: skip, ..Default::default() }) {
            let _ = funnel::import::check_id_column(&ws, "crm", &read);
            funnel::import::merge(&mut ws.clone(), &read, "crm", today);
        }
        if let Ok(read) = funnel::import::read_contacts(text(), &options) {
            funnel::import::merge_contacts(&mut ws.clone(), &read, "crm", &names, true);
        }
        if let Ok(read) = funnel::import::read_activities(text(), &options) {
            funnel::import::merge_activities(&mut ws.clone(), &read, "crm", None, &names, today);
        }
        if let Ok(read) = funnel::import::read_history(text(), &options, &[]) {
            funnel::import::merge_history(&mut ws.clone(), &read, None);
        }
    }
}
