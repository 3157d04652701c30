//! The commands of spec section 2 as a user runs them.

use crate::common;
use crate::common::{Sandbox, stderr, stdout};
use std::os::unix::fs::PermissionsExt;

#[test]
fn init_creates_a_private_workspace_in_the_data_directory_and_never_overwrites() {
    let sb = Sandbox::new();
    let out = sb
        .funnel()
        .args(["init", "--owner", "Li Wei"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = sb.path("data/funnel/workspace.json");
    assert!(
        stdout(&out).contains(&path.display().to_string()),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,"),
        "{text}"
    );
    assert!(text.contains("\"owner\": \"Li Wei\""));

    std::fs::write(&path, text.replace("Li Wei", "edited")).unwrap();
    let out = sb.funnel().args(["init", "--demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&path).unwrap().contains("edited"));
}

#[test]
fn init_demo_tells_the_story_relative_to_today() {
    let sb = Sandbox::new();
    let ws = sb.path("deep/er/demo.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--today", "2026-11-30", "init", "--demo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let moved = funnel::store::read(&ws).unwrap().workspace;
    let original = funnel::store::load::parse(
        funnel::store::demo::JSON.as_bytes(),
        std::path::Path::new("demo"),
    )
    .unwrap()
    .workspace;
    // one week later, every date is one week later
    let (a, b) = (&original.opportunities[0], &moved.opportunities[0]);
    assert_eq!(a.created.map(|d| d.plus_days(7)), b.created);
    assert_eq!(a.expected_close.map(|d| d.plus_days(7)), b.expected_close);
    assert_eq!(moved.opportunities.len(), original.opportunities.len());
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn check_says_ok_with_counts() {
    let sb = Sandbox::new();
    let path = sb.fixture("valid.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: ok, 3 opportunities (2 open), 2 accounts, 0 reviews\n",
            path.display()
        )
    );
}

#[test]
fn list_table_shows_open_deals_with_days_in_stage() {
    let sb = Sandbox::new();
    let path = sb.fixture("valid.json");
    let out = sb
        .funnel()
        .env("FUNNEL_WORKSPACE", &path)
        .env("FUNNEL_TODAY", "2026-11-23")
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[2].starts_with("o1  ERP rollout, phase 1     长城润滑油  drive       1,200,000   25%     300,000  2026-12-15    42"), "{text}");
    assert!(lines[3].contains("245,000.50   80%  196,000.40"), "{text}");
    assert_eq!(
        lines[4],
        "2 open opportunities, value 1,445,000.50 CNY, weighted 496,000.40 CNY"
    );
    // the --today option wins over FUNNEL_TODAY
    let out = sb
        .funnel()
        .env("FUNNEL_WORKSPACE", &path)
        .args(["--today", "2026-11-24", "list"])
        .output()
        .unwrap();
    assert!(stdout(&out).lines().nth(2).unwrap().ends_with("43"));
}

#[test]
fn list_filters_by_stage_account_and_all() {
    let sb = Sandbox::new();
    let path = sb.fixture("valid.json");
    let run = |args: &[&str]| {
        let out = sb
            .funnel()
            .arg("--workspace")
            .arg(&path)
            .arg("list")
            .args(args)
            .arg("--format")
            .arg("csv")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(&[]), ["o1", "o2"]);
    assert_eq!(run(&["--all"]), ["o1", "o2", "o3"]);
    assert_eq!(run(&["--stage", "negotiate"]), ["o2"]);
    assert_eq!(run(&["--account", "a2", "--all"]), ["o2", "o3"]);
    assert_eq!(run(&["--account", "长城润滑油"]), ["o1"]);
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--account", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_csv_has_exact_amounts_and_defused_formulas() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    let text = std::fs::read_to_string(common::fixture_path("valid.json"))
        .unwrap()
        .replace("POS refresh, 120 stores", "=HYPERLINK(\\\"http://x\\\")");
    std::fs::write(&path, text).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--all", "--format", "csv"])
        .output()
        .unwrap();
    let csv = stdout(&out);
    let lines: Vec<&str> = csv.lines().collect();
    // the first fourteen columns are the original contract; the outcome's
    // date, reason code and reason were added at the end, then the deal's
    // own probability and forecast category (empty: derived)
    assert_eq!(
        lines[0],
        "id,title,account,account_name,stage,status,value,probability_used,weighted,expected_close,created,owner,product,tags,closed_on,reason_code,reason,probability,forecast_category"
    );
    assert_eq!(
        lines[1],
        "o1,\"ERP rollout, phase 1\",a1,长城润滑油,drive,open,1200000,25,300000,2026-12-15,2026-09-01,,,,,,,,"
    );
    assert_eq!(
        lines[2],
        "o2,\"'=HYPERLINK(\"\"http://x\"\")\",a2,Acme Foods,negotiate,open,245000.5,80,196000.4,,2026-08-01,,,,,,,80,"
    );
    assert_eq!(
        lines[3],
        "o3,Fleet telematics pilot,a2,Acme Foods,propose,won,80000,100,80000,,,,,,2026-11-02,,best local support,,"
    );
}

#[test]
fn list_json_is_the_workspace_records_with_probability_and_weighted_added() {
    let sb = Sandbox::new();
    let path = sb.fixture("valid.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], "o1");
    assert_eq!(items[0]["influences"][0]["name"], "王总");
    assert_eq!(items[0]["probability_used"], 25);
    // spec 8: derived from the probability used (25: pipeline; 80: best case)
    assert_eq!(items[0]["forecast_category_used"], "pipeline");
    assert_eq!(items[1]["forecast_category_used"], "best_case");
    assert_eq!(items[0]["weighted"], 300000);
    assert_eq!(items[1]["value"], 245000.5);
    assert_eq!(items[1]["weighted"], 196000.4);
    // the record reads back as an opportunity, fields in the file's order
    let text = stdout(&out);
    assert!(text.find("\"id\"").unwrap() < text.find("\"title\"").unwrap());
    let o: funnel::domain::Opportunity = serde_json::from_value(items[0].clone()).unwrap();
    assert_eq!(
        o.extra.keys().collect::<Vec<_>>(),
        ["forecast_category_used", "probability_used", "weighted"]
    );
}

#[test]
fn user_text_is_sanitised_in_tables_and_escaped_in_json() {
    let sb = Sandbox::new();
    let path = sb.fixture("bidi.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("list")
        .output()
        .unwrap();
    let table = stdout(&out);
    assert!(table.contains("Acme sdooF[31m"), "{table}");
    assert!(!table.contains('\u{202e}') && !table.contains('\u{1b}'));
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let json = stdout(&out);
    assert!(!json.contains('\u{202e}') && !json.contains('\u{1b}'));
    assert!(json.contains("POS\\u2067 refresh\\u0007"), "{json}");
}

#[test]
fn overview_without_a_command_guides_a_new_user() {
    let sb = Sandbox::new();
    let out = sb.funnel().output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("funnel init --demo"),
        "{}",
        stdout(&out)
    );
    let path = sb.fixture("valid.json");
    let out = sb.funnel().arg("--workspace").arg(&path).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("drive 主导进程"), "{text}");
    assert!(
        text.contains("open                    2  1,445,000.50"),
        "{text}"
    );
}

#[test]
fn version_and_help() {
    let sb = Sandbox::new();
    let out = sb.funnel().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("funnel {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = sb.funnel().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    for word in ["--workspace", "--today", "init", "check", "list"] {
        assert!(stdout(&out).contains(word), "{word}");
    }
}

#[test]
fn list_json_never_repeats_a_key_when_a_stored_field_has_an_added_name() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    let text = std::fs::read_to_string(common::fixture_path("valid.json"))
        .unwrap()
        .replace(
            "\"value\": 1200000,",
            "\"value\": 1200000, \"weighted\": \"mine\",",
        );
    std::fs::write(&path, text).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let json = stdout(&out);
    let first = &json[..json.find("\"id\": \"o2\"").unwrap()];
    assert_eq!(first.matches("\"weighted\"").count(), 1, "{first}");
    assert!(first.contains("\"weighted\": 300000"));
}

#[test]
fn paths_with_control_characters_are_printed_clean() {
    let sb = Sandbox::new();
    let path = sb.path("evil\u{1b}[31m\u{202e}.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("evil[31m.json"), "{text}");
}
