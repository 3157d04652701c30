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
        "in.csv:2: 2 stage values map to no stage; add a --stage-map for each",
    );
    refused(
        "Name,StageName,Amount\nA,Pondering,10\nB,Pondering,5\nC,Dreaming,1\n",
        &[],
        "  \"Pondering\" (2 rows, first on line 2): --stage-map \"Pondering=STAGE\"\n  \"Dreaming\" (1 row, first on line 4): --stage-map \"Dreaming=STAGE\"",
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

/// The columns `export csv` had first: a contract, never renamed or moved.
const OLD_EXPORT_COLUMNS: [&str; 14] = [
    "id",
    "title",
    "account",
    "account_name",
    "stage",
    "status",
    "value",
    "probability_used",
    "weighted",
    "expected_close",
    "created",
    "owner",
    "product",
    "tags",
];

fn date(s: &str) -> funnel::domain::Date {
    funnel::domain::Date::parse(s).unwrap()
}

/// A deal of `account`, closed as `result` on `on` when given.
fn deal(
    id: &str,
    title: &str,
    account: &str,
    stage: Stage,
    cents: i64,
    expected_close: Option<&str>,
    outcome: Option<(OutcomeResult, &str, Option<&str>, &str)>,
) -> funnel::domain::Opportunity {
    let mut o = funnel::domain::Opportunity {
        id: id.into(),
        title: title.into(),
        account: account.into(),
        stage,
        value: Money(cents),
        expected_close: expected_close.map(date),
        created: Some(date("2026-08-03")),
        owner: "Li Wei".into(),
        ..Default::default()
    };
    if let Some((result, on, code, reason)) = outcome {
        o.close(result, date(on), reason);
        o.outcome.as_mut().unwrap().reason_code = code.map(String::from);
    }
    o
}

/// A workspace with open, won (dated, with its final amount), lost (with a
/// reason code and text) and abandoned deals; `tag` makes the titles of two
/// such workspaces differ while their ids (o1, o2, …) are the same.
fn closed_deals_workspace(tag: &str) -> Workspace {
    let mut ws = Workspace::new("Li Wei", "CNY");
    for (id, name) in [("a1", "长城润滑油"), ("a2", "Acme Foods")] {
        ws.accounts.push(funnel::domain::Account {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        });
    }
    use OutcomeResult::{Abandoned, Lost, Won};
    ws.opportunities = vec![
        deal(
            "o1",
            &format!("ERP 一期{tag}"),
            "a1",
            Stage::Drive,
            120_000_000,
            Some("2026-12-15"),
            None,
        ),
        deal(
            "o2",
            &format!("Fleet telematics{tag}"),
            "a2",
            Stage::Negotiate,
            24_500_050,
            None,
            None,
        ),
        deal(
            "o3",
            &format!("Lubricant plant MES{tag}"),
            "a1",
            Stage::Drive,
            3_000_000,
            None,
            None,
        ),
        deal(
            "o4",
            &format!("润滑油 CRM 扩容{tag}"),
            "a1",
            Stage::Negotiate,
            8_000_000,
            Some("2026-11-30"),
            Some((Won, "2026-11-10", Some("value"), "best fit, 本地团队")),
        ),
        deal(
            "o5",
            &format!("Cold chain sensors{tag}"),
            "a2",
            Stage::Close,
            1_234_567,
            None,
            Some((Won, "2026-10-01", None, "")),
        ),
        deal(
            "o6",
            &format!("Warehouse robots{tag}"),
            "a2",
            Stage::Propose,
            50_000_000,
            Some("2026-12-01"),
            Some((
                Lost,
                "2026-10-02",
                Some("price"),
                "10% over budget, \"went\" with the SAP partner",
            )),
        ),
        deal(
            "o7",
            &format!("Data platform{tag}"),
            "a1",
            Stage::Qualify,
            900_000,
            None,
            Some((
                Abandoned,
                "2026-09-15",
                Some("no_decision"),
                "project frozen",
            )),
        ),
        // exported as '-20% …, so a spreadsheet does not run it as a formula
        deal(
            "o8",
            &format!("-20% renewal{tag}"),
            "a2",
            Stage::Qualify,
            400_000,
            None,
            None,
        ),
    ];
    ws
}

/// Count and value per (stage, status): the pipeline as the reports see it.
fn by_stage_and_outcome(ws: &Workspace) -> BTreeMap<(String, String), (usize, Money)> {
    let mut t: BTreeMap<(String, String), (usize, Money)> = BTreeMap::new();
    for o in &ws.opportunities {
        let e = t
            .entry((o.stage.as_str().into(), o.status().as_str().into()))
            .or_default();
        e.0 += 1;
        e.1 += o.value;
    }
    t
}

/// Each closed deal's outcome, by title and account name.
#[allow(clippy::type_complexity)]
fn outcomes(
    ws: &Workspace,
) -> BTreeMap<(String, String), (OutcomeResult, String, Option<String>, String)> {
    ws.opportunities
        .iter()
        .filter_map(|o| {
            let x = o.outcome.as_ref()?;
            Some((
                (
                    o.title.clone(),
                    ws.account(&o.account).unwrap().name.clone(),
                ),
                (
                    x.result,
                    x.on.to_string(),
                    x.reason_code.clone(),
                    x.reason.clone(),
                ),
            ))
        })
        .collect()
}

/// Saves `ws` at `path` and writes its `export csv` to `csv_file`.
fn save_and_export(sb: &Sandbox, ws: &Workspace, path: &Path, csv_file: &Path) {
    drop(funnel::store::Store::create(path, ws, &sb.path("data")).unwrap());
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23", "export", "csv", "-o"])
        .arg(csv_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn funnels_own_export_round_trips_with_outcomes_and_reimports_to_no_change() {
    let sb = Sandbox::new();
    let (a_path, b_path, file) = (
        sb.path("a.json"),
        sb.path("b.json"),
        sb.path("pipeline.csv"),
    );
    let a = closed_deals_workspace("");
    save_and_export(&sb, &a, &a_path, &file);
    let out = import(&sb, &b_path, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let b = read_workspace(&b_path);
    assert_eq!(b.opportunities.len(), a.opportunities.len());
    assert_eq!(by_stage_and_outcome(&b), by_stage_and_outcome(&a));
    assert_eq!(tally(&b), tally(&a));
    let (oa, ob) = (outcomes(&a), outcomes(&b));
    assert_eq!(oa.len(), 4, "two won, one lost, one abandoned");
    assert_eq!(ob, oa, "each closed deal keeps its date, code and reason");
    // the Chinese title and account survive, with the deal's figures
    let erp = |w: &Workspace| {
        w.opportunities
            .iter()
            .find(|o| o.title == "ERP 一期")
            .map(|o| {
                (
                    w.account(&o.account).unwrap().name.clone(),
                    o.stage,
                    o.value,
                    o.expected_close,
                )
            })
    };
    assert_eq!(erp(&b), erp(&a));
    assert_eq!(erp(&b).unwrap().0, "长城润滑油");
    // the apostrophe that guards a formula-like title is not part of it
    assert!(
        b.opportunities.iter().any(|o| o.title == "-20% renewal"),
        "{:?}",
        b.opportunities.iter().map(|o| &o.title).collect::<Vec<_>>()
    );
    assert!(
        !stdout(&out).contains("dated today"),
        "no closed deal is dated today: {}",
        stdout(&out)
    );
    // importing the same export again changes nothing, not even a byte
    let before = std::fs::read(&b_path).unwrap();
    let again = import(&sb, &b_path, &file, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("0 added, 0 updated"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read(&b_path).unwrap(), before);
    // and B's own export says what A's said, row for row but the ids
    let b_file = sb.path("b.csv");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&b_path)
        .args(["--today", "2026-11-23", "export", "csv", "-o"])
        .arg(&b_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = |f: &Path| {
        let mut r = csv::Reader::from_path(f).unwrap();
        let mut v: Vec<Vec<String>> = r
            .records()
            .map(|rec| {
                let rec = rec.unwrap();
                // leave out the ids (deal and account), which B makes its own
                rec.iter()
                    .enumerate()
                    .filter(|(n, _)| *n != 0 && *n != 2)
                    .map(|(_, c)| c.to_owned())
                    .collect()
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(rows(&b_file), rows(&file));
}

#[test]
fn the_export_header_keeps_the_old_columns_first_and_adds_the_outcome() {
    let sb = Sandbox::new();
    let (path, file) = (sb.path("a.json"), sb.path("out.csv"));
    save_and_export(&sb, &closed_deals_workspace(""), &path, &file);
    let text = std::fs::read_to_string(&file).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(
        header[..14],
        OLD_EXPORT_COLUMNS,
        "the contract: the old columns, in order"
    );
    assert_eq!(
        header[14..],
        [
            "closed_on",
            "reason_code",
            "reason",
            "probability",
            "forecast_category"
        ]
    );
    // an open deal's outcome cells are empty; a lost one's are filled
    let mut r = csv::Reader::from_path(&file).unwrap();
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let open = records.iter().find(|r| &r[0] == "o1").unwrap();
    assert_eq!((&open[14], &open[15], &open[16]), ("", "", ""));
    let lost = records.iter().find(|r| &r[0] == "o6").unwrap();
    assert_eq!(&lost[5], "lost");
    assert_eq!(
        (&lost[14], &lost[15], &lost[16]),
        (
            "2026-10-02",
            "price",
            "10% over budget, \"went\" with the SAP partner"
        )
    );
}

#[test]
fn two_funnel_exports_with_the_same_ids_stay_apart_by_source() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("team-a")).unwrap();
    std::fs::create_dir_all(sb.path("team-b")).unwrap();
    let (wa, wb) = (
        closed_deals_workspace(" (A)"),
        closed_deals_workspace(" (B)"),
    );
    // the same file name from two workspaces whose ids are all equal
    let (fa, fb) = (
        sb.path("team-a/pipeline.csv"),
        sb.path("team-b/pipeline.csv"),
    );
    save_and_export(&sb, &wa, &sb.path("team-a/w.json"), &fa);
    save_and_export(&sb, &wb, &sb.path("team-b/w.json"), &fb);
    let both = sb.path("both.json");
    for (file, source) in [(&fa, "team-a"), (&fb, "team-b")] {
        let out = import(&sb, &both, file, &["--source", source]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let n = wa.opportunities.len();
        assert!(
            stdout(&out).contains(&format!("{n} added, 0 updated")),
            "{}",
            stdout(&out)
        );
    }
    let w = read_workspace(&both);
    assert_eq!(
        w.opportunities.len(),
        wa.opportunities.len() + wb.opportunities.len()
    );
    let mut expected = outcomes(&wa);
    expected.extend(outcomes(&wb));
    assert_eq!(outcomes(&w), expected);
    // each source's re-import finds its own deals
    for (file, source) in [(&fa, "team-a"), (&fb, "team-b")] {
        let out = import(&sb, &both, file, &["--source", source]);
        assert!(
            stdout(&out).contains("0 added, 0 updated"),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn a_later_export_with_a_changed_outcome_updates_the_closed_deal() {
    let sb = Sandbox::new();
    let (a_path, b_path, file) = (
        sb.path("a.json"),
        sb.path("b.json"),
        sb.path("pipeline.csv"),
    );
    let mut a = closed_deals_workspace("");
    save_and_export(&sb, &a, &a_path, &file);
    assert_eq!(import(&sb, &b_path, &file, &[]).status.code(), Some(0));
    // the lost deal's date, code and reason are corrected in A, still lost
    std::fs::remove_file(&a_path).unwrap();
    let lost = a.opportunities.iter_mut().find(|o| o.id == "o6").unwrap();
    let x = lost.outcome.as_mut().unwrap();
    (x.on, x.reason_code, x.reason) = (
        date("2026-10-09"),
        Some("competitor".into()),
        "SAP partner".into(),
    );
    save_and_export(&sb, &a, &a_path, &file);
    let out = import(&sb, &b_path, &file, &[]);
    assert!(
        stdout(&out).contains("0 added, 1 updated"),
        "{}",
        stdout(&out)
    );
    assert_eq!(outcomes(&read_workspace(&b_path)), outcomes(&a));
}
