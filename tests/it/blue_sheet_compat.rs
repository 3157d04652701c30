//! The Blue Sheet in the file (spec section 9): a version-1 `competitors`
//! list of names is read into `competition` and written back from it, so
//! an older funnel still sees the names; what this version does not know
//! inside the new entries survives a save; `funnel check` and the loader
//! name what is wrong in them; the sales analysis counts by their names.

use crate::common::{Sandbox, stderr, stdout};
use funnel::domain::{Standing, Workspace};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// A workspace of one open deal `o1` with the given extra fields.
fn workspace(deal: Value) -> Value {
    let mut o = json!({
        "id": "o1", "title": "ERP rollout", "account": "a1", "value": 1200000,
        "stage": "propose", "expected_close": "2027-01-29",
        "influences": [{"id": "i1", "name": "王总", "roles": ["economic"]}],
    });
    o.as_object_mut()
        .unwrap()
        .extend(deal.as_object().unwrap().clone());
    json!({
        "format": "funnel-workspace", "version": 1,
        "accounts": [{"id": "a1", "name": "长城润滑油"}],
        "opportunities": [o],
    })
}

fn write(sb: &Sandbox, ws: &Value) -> PathBuf {
    let path = sb.path("w.json");
    std::fs::write(&path, serde_json::to_vec_pretty(ws).unwrap()).unwrap();
    path
}

fn run(sb: &Sandbox, path: &Path, args: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap()
}

/// `funnel list --all --format json`, the first deal.
fn listed(sb: &Sandbox, path: &Path) -> Value {
    let out = run(sb, path, &["list", "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    list[0].clone()
}

/// Opens the file with the store, as the workbench does, and saves `ws`
/// (the file's own workspace, perhaps edited) over it.
fn save(sb: &Sandbox, path: &Path, edit: impl FnOnce(&mut Workspace)) {
    let (mut store, mut ws) = funnel::store::Store::open(path, &sb.path("data")).unwrap();
    edit(&mut ws);
    store.save(&ws).unwrap();
}

/// The 1-based line and column of the `nth` (from 0) occurrence of
/// `needle` in `text`.
fn line_col(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    text.lines()
        .enumerate()
        .flat_map(|(i, l)| l.match_indices(needle).map(move |(c, _)| (i + 1, c + 1)))
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in the file"))
}

fn on_disk(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// `(id, name, position)` of every competition entry.
fn entries(competition: &Value) -> Vec<(String, String, String)> {
    competition
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_owned();
            (s("id"), s("name"), s("position"))
        })
        .collect()
}

fn triples(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn a_version_1_list_of_names_loads_as_competition_entries() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({"competitors": ["SAP partner", "用友"]})),
    );
    let before = std::fs::read(&path).unwrap();
    let unknown = || triples(&[("c1", "SAP partner", "unknown"), ("c2", "用友", "unknown")]);
    // the command line reads them as entries, and reading writes nothing
    let deal = listed(&sb, &path);
    assert_eq!(entries(&deal["competition"]), unknown(), "{deal:#}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // so does the library, with the same ids on every read
    for _ in 0..2 {
        let ws = funnel::store::read(&path).unwrap().workspace;
        let o = &ws.opportunities[0];
        let got: Vec<_> = o
            .competition
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str(), c.position))
            .collect();
        assert_eq!(
            got,
            [
                ("c1", "SAP partner", Standing::Unknown),
                ("c2", "用友", Standing::Unknown)
            ]
        );
        assert!(o.competitors.is_empty(), "folded into competition");
    }
}

#[test]
fn saving_writes_the_names_of_competition_as_competitors() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({"competitors": ["SAP partner", "用友"]})),
    );
    save(&sb, &path, |ws| {
        let o = &mut ws.opportunities[0];
        o.competition[1].position = Standing::Ahead;
        o.competition.push(funnel::domain::Competitor {
            id: "c3".into(),
            name: "金蝶".into(),
            position: Standing::Even,
            ..Default::default()
        });
    });
    let o = &on_disk(&path)["opportunities"][0];
    // an older funnel, which knows only `competitors`, sees every name
    assert_eq!(o["competitors"], json!(["SAP partner", "用友", "金蝶"]));
    assert_eq!(
        entries(&o["competition"]),
        triples(&[
            ("c1", "SAP partner", "unknown"),
            ("c2", "用友", "ahead"),
            ("c3", "金蝶", "even")
        ])
    );
    // and it reads back as it was written, names not doubled
    let deal = listed(&sb, &path);
    assert_eq!(deal["competition"].as_array().unwrap().len(), 3);

    // a competitor deleted is gone from both
    save(&sb, &path, |ws| {
        ws.opportunities[0].competition.remove(0);
    });
    let o = &on_disk(&path)["opportunities"][0];
    assert_eq!(o["competitors"], json!(["用友", "金蝶"]));
    assert_eq!(entries(&o["competition"]).len(), 2);
}

#[test]
fn a_file_with_both_keeps_the_entries_and_adds_only_the_missing_names() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({
            // an older funnel added 用友 to the names; SAP is already an entry
            // (the new entry takes the id after the highest: c3)
            "competitors": ["SAP partner", "用友", " SAP partner "],
            "competition": [
                {"id": "c2", "name": "SAP partner", "position": "behind",
                 "strengths": ["brand"], "weaknesses": ["no local team"]},
            ],
        })),
    );
    let want = triples(&[("c2", "SAP partner", "behind"), ("c3", "用友", "unknown")]);
    assert_eq!(entries(&listed(&sb, &path)["competition"]), want);
    save(&sb, &path, |_| {});
    let o = &on_disk(&path)["opportunities"][0];
    assert_eq!(entries(&o["competition"]), want);
    assert_eq!(o["competition"][0]["strengths"], json!(["brand"]));
    assert_eq!(o["competition"][0]["weaknesses"], json!(["no local team"]));
    assert_eq!(o["competitors"], json!(["SAP partner", "用友"]));
}

#[test]
fn an_older_reader_still_finds_the_names_in_a_file_this_version_wrote() {
    let sb = Sandbox::new();
    // written from scratch by this version: only `competition` was set
    let path = write(&sb, &workspace(json!({})));
    save(&sb, &path, |ws| {
        ws.opportunities[0].competition = vec![
            funnel::domain::Competitor {
                id: "c1".into(),
                name: "Manhattan Associates partner".into(),
                position: Standing::Even,
                ..Default::default()
            },
            funnel::domain::Competitor {
                id: "c2".into(),
                name: "SAP EWM".into(),
                position: Standing::Ahead,
                ..Default::default()
            },
        ];
    });
    // an older reader knows `competitors` as a list of strings and nothing
    // of `competition`
    let text = std::fs::read_to_string(&path).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = old["opportunities"][0]["competitors"]
        .as_array()
        .expect("competitors is a list")
        .iter()
        .map(|n| n.as_str().expect("of names"))
        .collect();
    assert_eq!(names, ["Manhattan Associates partner", "SAP EWM"]);
    // and no deal without competitors grows a list of names
    let path = write(&sb, &workspace(json!({})));
    save(&sb, &path, |_| {});
    assert_eq!(on_disk(&path)["opportunities"][0]["competitors"], json!([]));
}

#[test]
fn unknown_fields_inside_the_new_entries_survive_a_save() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({
            "competition": [{"id": "c1", "name": "SAP", "position": "ahead",
                             "win_themes": ["brand"], "crm_id": 77}],
            "decision_criteria": [{"id": "k1", "text": "TCO", "kind": "commercial",
                                   "weight": 5, "held_by": "i1", "standing": "behind",
                                   "source": "RFP §4.2"}],
            "compelling_event": {"text": "IPO audit", "on": "2027-04-01", "confirmed_by": "i1"},
            "close_plan": [{"id": "s1", "text": "Board approval", "side": "customer",
                            "due": "2027-01-15", "done": null, "owner": {"name": "孙总"}}],
            "team": [{"name": "Zhang Hao", "role": "solution consultant", "hours": 40}],
        })),
    );
    save(&sb, &path, |ws| {
        // an edit elsewhere in each entry: the unknown fields stay beside it
        let o = &mut ws.opportunities[0];
        o.competition[0].name = "SAP partner".into();
        o.decision_criteria[0].standing = Standing::Even;
        o.close_plan[0].text = "Board approves".into();
    });
    let o = &on_disk(&path)["opportunities"][0];
    assert_eq!(o["competition"][0]["win_themes"], json!(["brand"]));
    assert_eq!(o["competition"][0]["crm_id"], json!(77));
    assert_eq!(o["competition"][0]["name"], json!("SAP partner"));
    assert_eq!(o["decision_criteria"][0]["source"], json!("RFP §4.2"));
    assert_eq!(o["decision_criteria"][0]["standing"], json!("even"));
    assert_eq!(o["compelling_event"]["confirmed_by"], json!("i1"));
    assert_eq!(o["close_plan"][0]["owner"], json!({"name": "孙总"}));
    assert_eq!(o["close_plan"][0]["text"], json!("Board approves"));
    assert_eq!(o["team"][0]["hours"], json!(40));
}

#[test]
fn check_names_duplicate_ids_and_a_criterion_held_by_no_one() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({
            "decision_criteria": [
                {"id": "k1", "text": "TCO", "held_by": "i1"},
                {"id": "k2", "text": "Fit", "held_by": "i9"},
                {"id": "k1", "text": "Service"},
            ],
            "close_plan": [
                {"id": "s1", "text": "Legal review"},
                {"id": "s1", "text": "Signature"},
            ],
        })),
    );
    let before = std::fs::read(&path).unwrap();
    let out = run(&sb, &path, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stdout(&out);
    let shown = path.display().to_string();
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(&format!("{shown}:")))
        .collect();
    let has = |what: &[&str]| {
        assert!(
            problems.iter().any(|p| what.iter().all(|w| p.contains(w))),
            "no problem with {what:?} in:\n{text}"
        );
    };
    // each at the line and column of the offending value (found from its
    // path, opportunities[0].decision_criteria[1].held_by for i9); a
    // duplicate names where the id was first used
    let written = String::from_utf8(before.clone()).unwrap();
    let at = |needle: &str, nth: usize| {
        let (line, col) = line_col(&written, needle, nth);
        format!("{shown}:{line}:{col}: ")
    };
    has(&[
        &at("\"k1\"", 1),
        "duplicate criterion id \"k1\"",
        "already used at opportunities[0].decision_criteria[0]",
    ]);
    has(&[
        &at("\"s1\"", 1),
        "duplicate close plan step id \"s1\"",
        "already used at opportunities[0].close_plan[0]",
    ]);
    has(&[&at("\"i9\"", 0), "influence \"i9\" does not exist"]);
    // the criterion held by an influence of the deal is no problem
    assert!(
        !text.contains("decision_criteria[0].held_by"),
        "k1 held by i1 is fine:\n{text}"
    );
    assert_eq!(problems.len(), 3, "{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // and the commands refuse the file the same way
    let out = run(&sb, &path, &["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&at("\"k1\"", 1)) || err.contains(&at("\"i9\"", 0)),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_position_that_is_not_a_word_of_the_format_is_refused_on_load() {
    let sb = Sandbox::new();
    let path = write(
        &sb,
        &workspace(json!({
            "competition": [{"id": "c1", "name": "SAP", "position": "winning"}],
        })),
    );
    let before = std::fs::read(&path).unwrap();
    let text = String::from_utf8(before.clone()).unwrap();
    // where "winning" is in the file: its line, and the column of its quote
    let (line, col) = line_col(&text, "\"winning\"", 0);
    let shown = path.display().to_string();
    for cmd in [&["list"][..], &["check"], &["flags"]] {
        let out = run(&sb, &path, cmd);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        let msg = if cmd == ["check"] {
            stdout(&out)
        } else {
            stderr(&out)
        };
        assert!(
            msg.contains(&format!("{shown}:{line}:{col}:")),
            "{cmd:?}: expected {line}:{col} in {msg}"
        );
        assert!(msg.contains("\"winning\""), "{msg}");
        for word in ["ahead", "even", "behind", "unknown"] {
            assert!(msg.contains(word), "{cmd:?}: {word} not in {msg}");
        }
        assert!(msg.contains("competition[0].position"), "{msg}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{cmd:?} wrote");
    }
    // the library refuses it too
    assert!(funnel::store::read(&path).is_err());
}

/// A deal lost on 2026-11-10, naming its competitors one way or the other.
fn lost(id: &str, value: u64, names: Value) -> Value {
    let mut o = json!({
        "id": id, "title": id, "account": "a1", "value": value, "stage": "propose",
        "outcome": {"result": "lost", "on": "2026-11-10", "reason": ""},
    });
    o.as_object_mut()
        .unwrap()
        .extend(names.as_object().unwrap().clone());
    o
}

#[test]
fn the_sales_analysis_counts_deals_under_the_names_of_their_competition() {
    let sb = Sandbox::new();
    let mut ws = workspace(json!({}));
    ws["opportunities"] = json!([
        lost(
            "n1",
            100000,
            json!({"competition": [
                {"id": "c1", "name": "金蝶", "position": "ahead"},
                {"id": "c2", "name": "SAP", "position": "behind"},
            ]})
        ),
        // version 1: names only
        lost("n2", 50000, json!({"competitors": ["金蝶"]})),
        // both, the names repeating the entries: counted once
        lost(
            "n3",
            20000,
            json!({
                "competitors": ["SAP"],
                "competition": [{"id": "c1", "name": "SAP", "position": "ahead"}],
            })
        ),
        lost("n4", 5000, json!({})),
    ]);
    let path = write(&sb, &ws);
    let out = run(
        &sb,
        &path,
        &[
            "analysis",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rows: Vec<(String, u64, f64)> = r["by_competitor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["name"].as_str().unwrap().to_owned(),
                row["lost"].as_u64().unwrap(),
                row["lost_value"].as_f64().unwrap(),
            )
        })
        .collect();
    let find = |name: &str| {
        rows.iter()
            .find(|(n, ..)| n == name)
            .unwrap_or_else(|| panic!("{name} not in {rows:?}"))
            .clone()
    };
    // 金蝶: n1 (an entry) and n2 (a version-1 name)
    assert_eq!(find("金蝶"), ("金蝶".into(), 2, 150000.0));
    // SAP: n1 and n3
    assert_eq!(find("SAP"), ("SAP".into(), 2, 120000.0));
    assert_eq!(find("(none named)").1, 1);
    assert_eq!(rows.len(), 3, "{rows:?}");
}
