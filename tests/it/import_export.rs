//! Importing the real CRM exports in shared/data, every malformed-CSV case,
//! and exports that round-trip.

use crate::common::{Sandbox, read_workspace, shared_data, stderr, stdout};
use funnel::domain::{Money, OutcomeResult, Stage, Status, Workspace};
use std::collections::BTreeMap;
use std::path::Path;

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

/// (count, value) per place ("won", "lost", or a stage name), from the workspace.
fn tally(ws: &Workspace) -> BTreeMap<String, (usize, Money)> {
    let mut t: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    for o in &ws.opportunities {
        let key = match o.status() {
            Status::Open => o.stage.as_str().to_owned(),
            s => s.as_str().to_owned(),
        };
        let e = t.entry(key).or_default();
        e.0 += 1;
        e.1 += o.value;
    }
    t
}

/// The same tally computed straight from the CSV, with the stage names the
/// importer is documented to map.
fn tally_csv(
    file: &Path,
    stage_col: &str,
    value_col: &str,
    map: &[(&str, &str)],
) -> BTreeMap<String, (usize, Money)> {
    let bytes = std::fs::read(file).unwrap();
    let bytes = bytes
        .strip_prefix(&[0xEF, 0xBB, 0xBF])
        .unwrap_or(&bytes)
        .to_vec();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let h = r.headers().unwrap().clone();
    let (s, v) = (
        h.iter().position(|x| x == stage_col).unwrap(),
        h.iter().position(|x| x == value_col).unwrap(),
    );
    let mut t: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let key = map
            .iter()
            .find(|(from, _)| *from == &rec[s])
            .unwrap()
            .1
            .to_owned();
        let cents = match rec[v].trim() {
            "" => 0,
            x => (x.parse::<f64>().unwrap() * 100.0).round() as i64,
        };
        let e = t.entry(key).or_default();
        e.0 += 1;
        e.1 += Money(cents);
    }
    t
}

#[test]
fn the_maven_crm_data_set_imports_exactly_and_reimports_to_no_change() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = shared_data("maven-crm/sales_pipeline.csv");
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("8800 added"), "{}", stdout(&out));
    let expected = tally_csv(
        &file,
        "deal_stage",
        "close_value",
        &[
            ("Won", "won"),
            ("Lost", "lost"),
            ("Prospecting", "qualify"),
            ("Engaging", "drive"),
        ],
    );
    let first = read_workspace(&ws);
    assert_eq!(tally(&first), expected);
    assert_eq!(first.opportunities.len(), 8800);
    assert!(first.accounts.iter().any(|a| a.name == "Cancity"));
    let o = first
        .opportunities
        .iter()
        .find(|o| o.extra.get("source_id").and_then(|v| v.as_str()) == Some("1C1I7A6R"))
        .unwrap();
    assert_eq!(
        (o.owner.as_str(), o.product.as_str()),
        ("Moses Frase", "GTX Plus Basic")
    );
    assert_eq!(o.outcome.as_ref().unwrap().result, OutcomeResult::Won);
    let out = import(&sb, &ws, &file, &[]);
    assert!(
        stdout(&out).contains("0 added, 0 updated, 8800 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(read_workspace(&ws), first);
}

#[test]
fn the_salesforce_sample_imports_with_account_names_and_cents() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = shared_data("salesforce-sample/Opportunity.csv");
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = tally_csv(
        &file,
        "StageName",
        "Amount",
        &[
            ("Closed Won", "won"),
            ("Closed Lost", "lost"),
            ("Qualification", "qualify"),
            ("Discovery", "drive"),
            ("Proposal/Quote", "propose"),
            ("Negotiation", "negotiate"),
        ],
    );
    let w = read_workspace(&ws);
    assert_eq!(tally(&w), expected);
    assert!(
        w.accounts.iter().all(|a| !a.name.starts_with("001")),
        "names from Account.csv beside it"
    );
    assert!(
        w.opportunities.iter().any(|o| o.value.cents() % 100 != 0),
        "cents kept"
    );
    assert_eq!(
        import(&sb, &ws, &file, &["--dry-run"]).status.code(),
        Some(0)
    );
}

fn refused(csv: &str, extra: &[&str], expected: &str) {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    drop(
        funnel::store::Store::create(
            &ws,
            &funnel::store::demo::workspace(funnel::domain::Date::parse("2026-11-23").unwrap()),
            &sb.path("data"),
        )
        .unwrap(),
    );
    let before = std::fs::read(&ws).unwrap();
    let file = sb.path("in.csv");
    std::fs::write(&file, csv).unwrap();
    let out = import(&sb, &ws, &file, extra);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains(expected), "{err}");
    assert!(
        err.contains("nothing was imported") || err.contains("expected"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "the workspace is untouched"
    );
}

#[test]
fn ragged_rows_are_reported_with_their_lines() {
    refused(
        "Name,StageName,Amount\r\nA,Qualification,10\r\nB,Qualification\r\n",
        &[],
        "in.csv:3: 2 cells, expected 3",
    );
}

#[test]
fn unknown_stages_are_listed_with_the_option_to_add() {
    refused(
        "Name,StageName,Amount\nA,Pondering,10\nB,Pondering,5\nC,Dreaming,1\n",
        &[],
        "stage \"Pondering\" (2 rows) maps to no stage; add --stage-map \"Pondering\"=STAGE",
    );
}

#[test]
fn ambiguous_dates_are_reported() {
    refused(
        "Name,StageName,CloseDate\nA,Qualification,03/04/2026\nB,Qualification,05/06/2026\n",
        &[],
        "could be day/month or month/day (lines 2, 3)",
    );
}

#[test]
fn bad_amounts_and_bad_options_are_reported() {
    refused(
        "Name,StageName,Amount\nA,Qualification,lots\n",
        &[],
        "in.csv:2: \"lots\" is not an amount",
    );
    refused(
        "Name,StageName\nA,Qualification\n",
        &["--map", "Nope=title"],
        "--map Nope: no such column",
    );
    refused(
        "Name,StageName\nA,Qualification\n",
        &["--stage-map", "x=later"],
        "unknown stage \"later\"",
    );
}

#[test]
fn bom_crlf_quoted_newlines_separators_and_local_dates_are_read() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    let text = "\u{feff}Deal Name,Deal Stage,Amount,Close Date,Associated Company,Description\r\n\"Big, \"\"quoted\"\" deal\",Closed Won,\"1,250,000.50\",25/11/2026,Acme,\"two\r\nlines\"\r\nSmall,Pondering,\"1.234,56\",03/12/2026,Acme,\r\n";
    std::fs::write(&file, text).unwrap();
    let out = import(&sb, &ws, &file, &["--stage-map", "Pondering=drive"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let big = &w.opportunities[0];
    assert_eq!(big.title, "Big, \"quoted\" deal");
    assert_eq!(big.value, Money(125_000_050));
    assert_eq!(big.outcome.as_ref().unwrap().on.to_string(), "2026-11-25");
    assert_eq!(big.notes, "two\r\nlines");
    let small = &w.opportunities[1];
    assert_eq!((small.stage, small.value), (Stage::Drive, Money(123_456)));
    assert_eq!(
        small.expected_close.unwrap().to_string(),
        "2026-12-03",
        "25/11 showed the file is day/month"
    );
    assert_eq!(w.accounts.len(), 1);
}

#[test]
fn exports_round_trip() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let today = ["--today", "2026-11-23"];
    sb.funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(today)
        .args(["init", "--demo"])
        .output()
        .unwrap();
    let csv_file = sb.path("out.csv");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(today)
        .args(["export", "csv", "-o"])
        .arg(&csv_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copy = sb.path("copy.json");
    let out = import(&sb, &copy, &csv_file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (a, b) = (read_workspace(&ws), read_workspace(&copy));
    let key = |w: &Workspace| {
        let mut v: Vec<(String, String, String, String, Money)> = w
            .opportunities
            .iter()
            .map(|o| {
                (
                    o.title.clone(),
                    w.account(&o.account).unwrap().name.clone(),
                    o.stage.as_str().into(),
                    o.status().as_str().into(),
                    o.value,
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&a), key(&b), "the same pipeline");
    // JSON export is the workspace; Markdown and ics read as they should
    let json = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(today)
        .args(["export", "json"])
        .output()
        .unwrap();
    assert_eq!(json.stdout, std::fs::read(&ws).unwrap());
    let md = stdout(
        &sb.funnel()
            .arg("--workspace")
            .arg(&ws)
            .args(today)
            .args(["export", "md"])
            .output()
            .unwrap(),
    );
    assert!(
        md.starts_with("# Pipeline, 2026-11-23") && md.contains("## negotiate 商务洽谈 (3)"),
        "{md}"
    );
    let ics = stdout(
        &sb.funnel()
            .arg("--workspace")
            .arg(&ws)
            .args(today)
            .args(["export", "ics"])
            .output()
            .unwrap(),
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.matches("BEGIN:VTODO").count() > 20);
}

#[test]
fn rows_without_ids_are_matched_by_title_and_account_on_reimport() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    std::fs::write(
        &file,
        "Name,StageName,Amount,Account Name\nNo id deal,Prospecting,100,Acme\n",
    )
    .unwrap();
    assert!(stdout(&import(&sb, &ws, &file, &[])).contains("1 added"));
    let out = import(&sb, &ws, &file, &[]);
    assert!(
        stdout(&out).contains("0 added, 0 updated, 1 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(read_workspace(&ws).opportunities.len(), 1);
}

#[test]
fn an_id_twice_in_one_file_is_refused() {
    refused(
        "Id,Name,StageName\nD1,first,Prospecting\nD1,second,Negotiation\n",
        &[],
        "in.csv:3: id \"D1\" appears again (first on line 2)",
    );
}

#[test]
fn a_dry_run_never_creates_the_workspace() {
    let sb = Sandbox::new();
    let ws = sb.path("new.json");
    let file = sb.path("in.csv");
    std::fs::write(&file, "Name,StageName\nA,Prospecting\n").unwrap();
    let out = import(&sb, &ws, &file, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("dry run, nothing saved: 1 rows"));
    assert!(!ws.exists());
}

#[test]
fn a_day_above_twelve_with_dashes_settles_the_order() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    std::fs::write(
        &file,
        "Name,StageName,CloseDate\nA,Prospecting,05/03/2026\nB,Prospecting,25-11-2026\n",
    )
    .unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read_workspace(&ws).opportunities[0]
            .expected_close
            .unwrap()
            .to_string(),
        "2026-03-05"
    );
}
