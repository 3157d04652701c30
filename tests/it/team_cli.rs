//! `funnel team report|forecast|flags|actions PATH...` (spec section 13):
//! the roll-up of two sellers' workspaces built from the demo. Li Wei's is
//! the demo as it is; Wang Fang's keeps eight of its deals (o2 renamed w2,
//! so it is Wang's alone), other stage probabilities, stall days and a
//! target of its own, and lives in a subfolder as `workspace.json` beside a
//! JSON file that is no workspace and a `.git` folder holding a copy.

use crate::common::{Sandbox, funnel_on, run_on, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

struct Team {
    sb: Sandbox,
    li: PathBuf,
    wang: PathBuf,
    /// The folder holding both, with the noise a repository has.
    root: PathBuf,
}

fn demo(sb: &Sandbox, path: &Path) -> Value {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    run_on(sb, path, &["init", "--demo"]);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Writes `ws` with its format tag first, where a folder search looks
/// for it (serde_json sorts the keys).
fn write(path: &Path, ws: &Value) {
    let mut rest = ws.clone();
    let format = rest.as_object_mut().unwrap().remove("format").unwrap();
    let text = serde_json::to_string_pretty(&rest).unwrap();
    std::fs::write(path, format!("{{\n  \"format\": {format},{}", &text[1..])).unwrap();
}

fn team() -> Team {
    let sb = Sandbox::new();
    let root = sb.path("team");
    let li = root.join("li.json");
    demo(&sb, &li);
    let wang = root.join("sellers/wang/workspace.json");
    let mut ws = demo(&sb, &wang);
    ws["settings"]["owner"] = json!("Wang Fang");
    ws["settings"]["stage_probability"] =
        json!({"qualify": 20, "drive": 40, "propose": 60, "negotiate": 80, "close": 95});
    ws["settings"]["stall_days"] =
        json!({"qualify": 7, "drive": 10, "propose": 10, "negotiate": 7, "close": 5});
    ws["settings"]["targets"] = json!([{"period": "2026-Q4", "amount": 1_000_000, "owner": null}]);
    let deals = ws["opportunities"].as_array_mut().unwrap();
    deals.truncate(8);
    for o in deals.iter_mut() {
        o["owner"] = json!("Wang Fang");
    }
    deals[1]["id"] = json!("w2");
    write(&wang, &ws);
    // what a folder search must skip
    std::fs::write(root.join("sellers/notes.json"), r#"{"format": "other"}"#).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::copy(&li, root.join(".git/copy.json")).unwrap();
    Team { sb, li, wang, root }
}

impl Team {
    /// `funnel --today … ARGS…` (no --workspace: the PATHs are the team).
    fn run(&self, args: &[&str]) -> std::process::Output {
        self.sb
            .funnel()
            .args(["--today", TODAY])
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn single(&self, path: &Path, args: &[&str]) -> Value {
        serde_json::from_str(&run_on(&self.sb, path, args)).unwrap()
    }

    fn both(&self) -> [&str; 2] {
        [self.li.to_str().unwrap(), self.wang.to_str().unwrap()]
    }
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("a number, got {v}"))
}

fn sum(a: &Value, b: &Value) -> f64 {
    num(a) + num(b)
}

/// Money to the cent, as the JSON writes it.
fn cents(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

#[test]
fn the_team_report_is_the_sum_of_each_workspaces_report() {
    let t = team();
    let [li, wang] = t.both();
    let a = t.single(&t.li, &["report", "--format", "json"]);
    let b = t.single(&t.wang, &["report", "--format", "json"]);
    let team = t.json(&["team", "report", "--format", "json", li, wang]);
    for part in ["open", "won", "lost"] {
        for field in ["count", "value", "weighted"] {
            if a[part].get(field).is_none() {
                continue;
            }
            assert_eq!(
                cents(num(&team[part][field])),
                cents(sum(&a[part][field], &b[part][field])),
                "{part}.{field}"
            );
        }
    }
    // Wang's own probabilities weigh Wang's deals: not Li's settings
    assert_ne!(
        cents(num(&b["open"]["weighted"])),
        cents(num(&a["open"]["weighted"]) * 8.0 / 25.0)
    );
    for (n, stage) in team["stages"].as_array().unwrap().iter().enumerate() {
        assert_eq!(stage["stage"], a["stages"][n]["stage"]);
        for field in ["count", "value", "weighted", "stalled"] {
            assert_eq!(
                cents(num(&stage[field])),
                cents(sum(&a["stages"][n][field], &b["stages"][n][field])),
                "{}.{field}",
                stage["stage"]
            );
        }
    }
    let (won, lost) = (num(&team["won"]["count"]), num(&team["lost"]["count"]));
    let rate = num(&team["win_rate"]);
    assert!((rate - won / (won + lost)).abs() < 0.0001, "{rate}");
    // one row per owner, each its own report's figures
    let owners = team["owners"].as_array().unwrap();
    assert_eq!(owners.len(), 2);
    for (row, single, name) in [(&owners[0], &a, "Li Wei"), (&owners[1], &b, "Wang Fang")] {
        assert_eq!(row["owner"], name);
        assert_eq!(row["open"], single["open"]);
        assert_eq!(row["won"], single["won"]);
        assert_eq!(row["win_rate"], single["win_rate"]);
    }
    // each week against its own latest review, the lists concatenated
    for kind in ["new", "advanced", "won", "slipped"] {
        assert_eq!(
            team["since_review"][kind].as_array().unwrap().len(),
            a["since_review"][kind].as_array().unwrap().len()
                + b["since_review"][kind].as_array().unwrap().len(),
            "{kind}"
        );
    }
}

#[test]
fn the_team_forecast_is_the_sum_of_each_workspaces_forecast() {
    let t = team();
    let [li, wang] = t.both();
    for period in ["2026-Q4", "2026-12", "2027-Q1"] {
        let args = ["forecast", "--format", "json", "--period", period];
        let a = t.single(&t.li, &args);
        let b = t.single(&t.wang, &args);
        let team = t.json(&[
            "team", "forecast", "--format", "json", "--period", period, li, wang,
        ]);
        // a member without a target adds nothing; none at all, none for the team
        let target = |v: &Value| v.as_f64().unwrap_or(0.0);
        assert_eq!(
            team["target"].is_null(),
            a["target"].is_null() && b["target"].is_null()
        );
        assert_eq!(
            cents(target(&team["target"])),
            cents(target(&a["target"]) + target(&b["target"])),
            "{period} target"
        );
        let fields = [
            "won",
            "commit",
            "best_case",
            "pipeline",
            "omitted",
            "weighted",
        ];
        for field in fields {
            assert_eq!(
                cents(num(&team[field])),
                cents(sum(&a[field], &b[field])),
                "{period} {field}"
            );
        }
        for (n, month) in team["months"].as_array().unwrap().iter().enumerate() {
            for field in fields {
                assert_eq!(
                    cents(num(&month[field])),
                    cents(sum(&a["months"][n][field], &b["months"][n][field])),
                    "{period} month {n} {field}"
                );
            }
            assert_eq!(
                num(&month["counts"]["commit"]),
                sum(
                    &a["months"][n]["counts"]["commit"],
                    &b["months"][n]["counts"]["commit"]
                )
            );
        }
        for bucket in ["won", "commit", "best_case", "pipeline", "omitted"] {
            assert_eq!(
                num(&team["counts"][bucket]),
                sum(&a["counts"][bucket], &b["counts"][bucket])
            );
        }
        if !team["target"].is_null() {
            let gap = num(&team["target"]) - num(&team["won"]);
            assert_eq!(cents(num(&team["gap"])), cents(gap), "{period} gap");
        }
        let deals = team["deals"].as_array().unwrap();
        assert_eq!(
            deals.len(),
            a["deals"].as_array().unwrap().len() + b["deals"].as_array().unwrap().len()
        );
        assert!(deals.iter().all(|d| d["owner"].is_string()), "{period}");
        let owners = team["owners"].as_array().unwrap();
        assert_eq!(owners[1]["owner"], "Wang Fang");
        assert_eq!(owners[1]["target"], b["target"]);
        assert_eq!(owners[0]["commit"], a["commit"]);
    }
}

#[test]
fn one_owner_of_the_team_with_the_target_of_their_own_workspace() {
    let t = team();
    let root = t.root.to_str().unwrap();
    let wang = t.json(&[
        "team",
        "forecast",
        "--format",
        "json",
        "--owner",
        "Wang Fang",
        root,
    ]);
    let owners = wang["owners"].as_array().unwrap();
    assert_eq!(owners.len(), 1);
    assert_eq!(owners[0]["owner"], "Wang Fang");
    // Wang's file sets its target without naming Wang: it is Wang's
    assert_eq!(num(&wang["target"]), 1_000_000.0);
    let all = t.single(&t.wang, &["forecast", "--format", "json"]);
    assert_eq!(wang["pipeline"], all["pipeline"]);
    let out = t.run(&["team", "forecast", "--owner", "Zhao", root]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Li Wei") && err.contains("Wang Fang"), "{err}");
}

#[test]
fn a_folder_is_searched_for_workspaces_skipping_hidden_folders_and_other_json() {
    let t = team();
    let report = t.json(&[
        "team",
        "report",
        "--format",
        "json",
        t.root.to_str().unwrap(),
    ]);
    let owners: Vec<&str> = report["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["owner"].as_str().unwrap())
        .collect();
    assert_eq!(owners, ["Li Wei", "Wang Fang"]);
    // an empty folder names itself
    std::fs::create_dir_all(t.sb.path("empty")).unwrap();
    let out = t.run(&["team", "flags", t.sb.path("empty").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no funnel workspace in this folder"));
}

#[test]
fn ids_found_in_both_workspaces_are_written_with_their_owner() {
    let t = team();
    let root = t.root.to_str().unwrap();
    let flags = t.json(&["team", "flags", "--format", "json", root]);
    let ids: Vec<(&str, &str)> = flags
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["owner"].as_str().unwrap(),
                f["opportunity"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(ids.contains(&("Li Wei", "Li Wei/o1")));
    assert!(ids.contains(&("Wang Fang", "Wang Fang/o1")));
    assert!(ids.contains(&("Wang Fang", "w2")), "w2 is Wang's alone");
    assert!(
        ids.iter()
            .any(|(owner, id)| *owner == "Li Wei" && *id == "o2")
    );
    assert!(!ids.iter().any(|(_, id)| *id == "o1" || id.ends_with("/o2")));
    // sorted as `funnel flags` sorts: most severe first across the team
    let rank = |s: &str| ["high", "medium", "low"].iter().position(|x| *x == s);
    let severities: Vec<_> = flags
        .as_array()
        .unwrap()
        .iter()
        .map(|f| rank(f["severity"].as_str().unwrap()))
        .collect();
    assert!(severities.is_sorted());
    // one deal of one owner
    let one = t.json(&[
        "team",
        "flags",
        "--format",
        "json",
        "--opportunity",
        "Wang Fang/o1",
        root,
    ]);
    assert!(!one.as_array().unwrap().is_empty());
    assert!(
        one.as_array()
            .unwrap()
            .iter()
            .all(|f| f["opportunity"] == "Wang Fang/o1")
    );
    let out = t.run(&["team", "flags", "--opportunity", "Zhao/o1", root]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Zhao/o1"));

    let actions = t.json(&["team", "actions", "--format", "json", root]);
    let list = actions.as_array().unwrap();
    assert!(list.iter().all(|e| e["owner"].is_string()));
    assert!(list.iter().any(|e| e["opportunity"] == "Wang Fang/o1"));
    let scores: Vec<f64> = list.iter().map(|e| num(&e["score"])).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "highest score first"
    );
    let li = t.single(&t.li, &["actions", "--format", "json"]);
    let wang = t.single(&t.wang, &["actions", "--format", "json"]);
    assert_eq!(
        list.len(),
        li.as_array().unwrap().len() + wang.as_array().unwrap().len()
    );
    // a calendar's ids carry the owner: two sellers' o1.t1 stay two to-dos
    let ics = t.ok(&["team", "actions", "--format", "ics", root]);
    assert_eq!(ics.matches("BEGIN:VTODO").count(), list.len());
    assert!(ics.contains("UID:Wang Fang/o1."), "{ics}");
    assert!(ics.contains("UID:Li Wei/o1."), "{ics}");
    // --limit applies to the whole list
    let three = t.json(&["team", "actions", "--format", "json", "--limit", "3", root]);
    assert_eq!(three.as_array().unwrap()[..], list[..3]);

    let report = t.json(&["team", "report", "--format", "json", root]);
    for w in report["account_warnings"].as_array().unwrap() {
        assert!(w["owner"].is_string() && w["account"].as_str().unwrap().contains('/'));
    }
    for v in report["since_review"]["value_changed"].as_array().unwrap() {
        assert!(v["owner"].is_string(), "{v}");
    }
}

#[test]
fn workspaces_in_different_currencies_are_refused_naming_each() {
    let t = team();
    let mut ws: Value = serde_json::from_str(&std::fs::read_to_string(&t.wang).unwrap()).unwrap();
    ws["settings"]["currency"] = json!("EUR");
    write(&t.wang, &ws);
    let before = std::fs::read(&t.wang).unwrap();
    for what in ["report", "forecast", "flags", "actions"] {
        let out = t.run(&["team", what, t.root.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{what}");
        let err = stderr(&out);
        assert!(err.contains("different currencies"), "{err}");
        assert!(err.contains(&format!("{} CNY", t.li.display())), "{err}");
        assert!(err.contains(&format!("{} EUR", t.wang.display())), "{err}");
        assert!(stdout(&out).is_empty());
    }
    assert_eq!(std::fs::read(&t.wang).unwrap(), before);
}

#[test]
fn an_invalid_workspace_is_named_with_its_line_and_column() {
    let t = team();
    let bad = t.root.join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  oops\n}\n",
    )
    .unwrap();
    let out = t.run(&["team", "report", t.root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:4:", bad.display())), "{err}");
    // a missing file: the store's message and status, as `funnel forecast` has them
    let nowhere = t.sb.path("nowhere.json");
    let missing = t.run(&["team", "forecast", nowhere.to_str().unwrap()]);
    let single = funnel_on(&t.sb, &nowhere, &["forecast"]);
    assert_eq!(missing.status.code(), single.status.code());
    assert_eq!(stderr(&missing), stderr(&single));
}

#[test]
fn a_workspace_from_a_newer_funnel_is_rolled_up_with_the_note() {
    let t = team();
    let mut ws: Value = serde_json::from_str(&std::fs::read_to_string(&t.wang).unwrap()).unwrap();
    ws["version"] = json!(99);
    write(&t.wang, &ws);
    let out = t.run(&["team", "flags", t.root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("written by a newer funnel"));
    assert!(stdout(&out).contains("Wang Fang"));
}

#[test]
fn unresolved_merge_conflicts_and_an_owner_taken_twice_are_noted() {
    let t = team();
    let mut ws: Value = serde_json::from_str(&std::fs::read_to_string(&t.wang).unwrap()).unwrap();
    ws["settings"]["owner"] = json!("Li Wei");
    ws["conflicts"] =
        json!([{"path": "opportunities[o1].value", "ours": 1, "theirs": 2, "base": 0}]);
    write(&t.wang, &ws);
    let out = t.run(&[
        "team",
        "report",
        "--format",
        "json",
        t.root.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stderr(&out);
    let wang = t.wang.display().to_string();
    assert!(
        said.contains(&format!("{wang} has 1 merge conflict not yet resolved")),
        "{said}"
    );
    assert!(
        said.contains(&format!("{wang} has the owner \"Li Wei\" of another workspace here, so it is shown as \"Li Wei (2)\"")),
        "{said}"
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let owners: Vec<&str> = report["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["owner"].as_str().unwrap())
        .collect();
    assert_eq!(owners, ["Li Wei", "Li Wei (2)"]);
    // nothing to say of a clean team
    let clean = team();
    assert_eq!(
        stderr(&clean.run(&["team", "report", clean.root.to_str().unwrap()])),
        ""
    );
}

#[test]
fn a_team_in_funnel_workspace_does_not_stop_funnel_team() {
    let t = team();
    let root = t.root.to_str().unwrap();
    let out =
        t.sb.funnel()
            .env("FUNNEL_WORKSPACE", root)
            .args(["--today", TODAY, "team", "report", "--format", "json", root])
            .output()
            .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let both = t.both();
    let out = t.run(&[
        "--workspace",
        both[0],
        "--workspace",
        both[1],
        "team",
        "flags",
        root,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_team_commands_speak_chinese() {
    let t = team();
    let root = t.root.to_str().unwrap();
    let report = t.ok(&["--lang", "zh", "team", "report", root]);
    assert!(report.contains("# 团队商机报告"), "{report}");
    assert!(report.contains("## 按负责人"));
    let forecast = t.ok(&["--lang", "zh", "team", "forecast", root]);
    assert!(
        forecast.contains("按负责人") && forecast.contains("目标"),
        "{forecast}"
    );
    let flags = t.ok(&["--lang", "zh", "team", "flags", root]);
    assert!(flags.lines().next().unwrap().contains("负责人"), "{flags}");
    let actions = t.ok(&["--lang", "zh", "team", "actions", "--limit", "5", root]);
    assert!(
        actions.lines().next().unwrap().contains("负责人"),
        "{actions}"
    );
    let help = t.ok(&["--lang", "zh", "team", "--help"]);
    assert!(help.contains("团队的每周商机报告"), "{help}");
    // JSON stays English
    let zh = t.ok(&["--lang", "zh", "team", "flags", "--format", "json", root]);
    assert_eq!(zh, t.ok(&["team", "flags", "--format", "json", root]));
}

#[test]
fn snapshots_of_each_text_format() {
    let t = team();
    let root = t.root.to_str().unwrap();
    for (name, args) in [
        ("team_report_md", vec!["team", "report", root]),
        ("team_forecast_table", vec!["team", "forecast", root]),
        (
            "team_forecast_md",
            vec!["team", "forecast", "--format", "md", root],
        ),
        ("team_flags_table", vec!["team", "flags", root]),
        (
            "team_actions_table",
            vec!["team", "actions", "--limit", "12", root],
        ),
    ] {
        insta::assert_snapshot!(name, t.ok(&args));
    }
}
