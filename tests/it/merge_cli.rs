//! `funnel merge BASE OURS THEIRS [PATHNAME]`, git's merge driver (spec
//! section 13), run as git runs it: three files, the result in OURS, the
//! exit status telling git whether a conflict is left.

use crate::common::{Sandbox, stderr};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The demo workspace as JSON, for editing.
pub fn demo() -> Value {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo.json")).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// The deal `id` of a workspace as JSON, to edit.
pub fn deal<'a>(ws: &'a mut Value, id: &str) -> &'a mut Value {
    ws["opportunities"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|o| o["id"] == id)
        .unwrap()
}

fn write(sb: &Sandbox, name: &str, ws: &Value) -> PathBuf {
    let path = sb.path(name);
    std::fs::write(&path, serde_json::to_vec_pretty(ws).unwrap()).unwrap();
    path
}

/// Runs `funnel merge` on the three versions: its output and the three
/// paths.
fn merge(sb: &Sandbox, base: &Value, ours: &Value, theirs: &Value) -> std::process::Output {
    let (b, o, t) = (
        write(sb, "base.json", base),
        write(sb, "ours.json", ours),
        write(sb, "theirs.json", theirs),
    );
    sb.funnel()
        .arg("merge")
        .args([&b, &o, &t])
        .output()
        .unwrap()
}

/// OURS after the merge: it must load, and be in the stable format.
fn merged(sb: &Sandbox) -> funnel::domain::Workspace {
    let path = sb.path("ours.json");
    let bytes = std::fs::read(&path).unwrap();
    let parsed = funnel::store::load::parse(&bytes, &path).expect("the merge loads");
    assert_eq!(
        String::from_utf8(funnel::store::to_json_bytes(&parsed.workspace)).unwrap(),
        String::from_utf8(bytes).unwrap(),
        "the merge is written in the stable format"
    );
    parsed.workspace
}

#[test]
fn edits_to_different_deals_and_fields_merge_cleanly_and_exit_0() {
    let sb = Sandbox::new();
    let base = demo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    deal(&mut ours, "o1")["value"] = json!(210000);
    deal(&mut theirs, "o2")["title"] = json!("门店客流分析试点（20 家门店）");
    // the same deal as ours, another field
    deal(&mut theirs, "o1")["product"] = json!("Telematics Plus");
    let out = merge(&sb, &base, &ours, &theirs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ws = merged(&sb);
    let o1 = ws.opportunity("o1").unwrap();
    assert_eq!(o1.value, funnel::domain::Money(210000 * 100));
    assert_eq!(o1.product, "Telematics Plus");
    assert_eq!(
        ws.opportunity("o2").unwrap().title,
        "门店客流分析试点（20 家门店）"
    );
    assert!(ws.conflicts.is_empty());
    assert!(
        stderr(&out).contains("merged record by record"),
        "{}",
        stderr(&out)
    );
    // and `funnel check` agrees
    let check = sb
        .funnel()
        .args(["--workspace", "ours.json", "check"])
        .current_dir(sb.dir.path())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn one_field_changed_differently_keeps_ours_records_theirs_and_exits_1() {
    let sb = Sandbox::new();
    let base = demo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    deal(&mut ours, "o1")["value"] = json!(210000);
    deal(&mut theirs, "o1")["value"] = json!(150000);
    deal(&mut theirs, "o3")["product"] = json!("MES Connect");
    let out = merge(&sb, &base, &ours, &theirs);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ws = merged(&sb);
    assert_eq!(
        ws.opportunity("o1").unwrap().value,
        funnel::domain::Money(210000 * 100)
    );
    assert_eq!(ws.opportunity("o3").unwrap().product, "MES Connect");
    assert_eq!(ws.conflicts.len(), 1, "{:?}", ws.conflicts);
    let c = &ws.conflicts[0];
    assert_eq!(c.path, "opportunities[o1].value");
    assert_eq!(
        (&c.ours, &c.theirs, &c.base),
        (&json!(210000), &json!(150000), &json!(180000))
    );
    // the summary names the field and both values
    let err = stderr(&out);
    assert!(
        err.contains("opportunities[o1].value: ours 210000, theirs 150000"),
        "{err}"
    );
    // the written file holds the conflict under its contract names
    let raw: Value = serde_json::from_slice(&std::fs::read(sb.path("ours.json")).unwrap()).unwrap();
    assert_eq!(
        raw["conflicts"],
        json!([{"path": "opportunities[o1].value", "ours": 210000, "theirs": 150000, "base": 180000}])
    );
}

#[test]
fn both_sides_adding_an_account_and_a_deal_under_the_same_ids_keeps_all_four() {
    let sb = Sandbox::new();
    let base = demo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let add = |ws: &mut Value, account: &str, title: &str| {
        ws["accounts"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "a11", "name": account}));
        ws["opportunities"].as_array_mut().unwrap().push(json!({
            "id": "o99", "title": title, "account": "a11", "stage": "qualify",
            "value": 50000
        }));
    };
    add(&mut ours, "Harbour Cold Chain", "Reefer monitoring");
    add(&mut theirs, "Sunrise Pharma", "Batch traceability");
    let out = merge(&sb, &base, &ours, &theirs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ws = merged(&sb);
    let ours_deal = ws.opportunity("o99").unwrap();
    assert_eq!(ours_deal.title, "Reefer monitoring");
    assert_eq!(
        ws.account(&ours_deal.account).unwrap().name,
        "Harbour Cold Chain"
    );
    let theirs_deal = ws
        .opportunities
        .iter()
        .find(|o| o.title == "Batch traceability")
        .expect("their new deal is kept");
    assert_ne!(theirs_deal.id, "o99", "their deal took a new id");
    assert_ne!(theirs_deal.account, "a11", "their account took a new id");
    assert_eq!(
        ws.account(&theirs_deal.account).unwrap().name,
        "Sunrise Pharma",
        "their deal still points at their account"
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "both sides added opportunities[o99]: theirs is now {}",
            theirs_deal.id
        )),
        "{err}"
    );
    assert!(err.contains("both sides added accounts[a11]"), "{err}");
}

#[test]
fn an_empty_base_is_an_empty_workspace_both_sides_added() {
    let sb = Sandbox::new();
    let ours = demo();
    let mut theirs = demo();
    deal(&mut theirs, "o4")["value"] = json!(99000);
    let (b, o, t) = (
        sb.path("base.json"),
        write(&sb, "ours.json", &ours),
        write(&sb, "theirs.json", &theirs),
    );
    std::fs::write(&b, "").unwrap();
    let out = sb
        .funnel()
        .arg("merge")
        .args([&b, &o, &t])
        .output()
        .unwrap();
    let ws = merged(&sb);
    // with no ancestor the two o4 are two deals both sides added: both
    // kept; every other deal, the same on both sides, once
    let deals = demo()["opportunities"].as_array().unwrap().len();
    assert_eq!(ws.opportunities.len(), deals + 1);
    assert_eq!(
        ws.opportunity("o4").unwrap().value,
        funnel::domain::Money(85000 * 100)
    );
    assert!(
        ws.opportunities
            .iter()
            .any(|o| o.id != "o4" && o.value == funnel::domain::Money(99000 * 100)),
        "their o4 is kept under a new id"
    );
    // git learns of a conflict exactly when the file records one
    let code = if ws.conflicts.is_empty() { 0 } else { 1 };
    assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
}

/// A refused merge: exit 2, the message, and OURS byte for byte as it was.
fn refused(sb: &Sandbox, files: [&Path; 3], pathname: Option<&str>) -> String {
    let before = std::fs::read(files[1]).ok();
    let out = sb
        .funnel()
        .arg("merge")
        .args(files)
        .args(pathname)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(files[1]).ok(), before, "OURS is untouched");
    stderr(&out)
}

#[test]
fn a_missing_file_is_refused_and_ours_is_untouched() {
    let sb = Sandbox::new();
    let ws = demo();
    let (b, o) = (write(&sb, "base.json", &ws), write(&sb, "ours.json", &ws));
    let missing = sb.path("gone.json");
    let err = refused(&sb, [&b, &o, &missing], None);
    assert!(err.contains("gone.json: no such file"), "{err}");
    assert!(err.contains("their version (THEIRS)"), "{err}");
}

#[test]
fn invalid_json_is_refused_naming_the_file_line_and_column() {
    let sb = Sandbox::new();
    let ws = demo();
    let (b, o) = (write(&sb, "base.json", &ws), write(&sb, "ours.json", &ws));
    let t = sb.path("theirs.json");
    std::fs::write(
        &t,
        "{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  \"accounts\": [,]\n}\n",
    )
    .unwrap();
    let err = refused(&sb, [&b, &o, &t], None);
    assert!(err.contains("theirs.json:4:16: invalid JSON"), "{err}");
    // git's own file names are temporary: PATHNAME names the file instead
    let err = refused(&sb, [&b, &o, &t], Some("sellers/li.json"));
    assert!(err.contains("sellers/li.json:4:16: invalid JSON"), "{err}");
    assert!(err.contains("theirs.json"), "which version it was: {err}");
}

#[test]
fn conflict_markers_left_by_git_are_named_at_their_line() {
    let sb = Sandbox::new();
    let ws = demo();
    let (b, t) = (write(&sb, "base.json", &ws), write(&sb, "theirs.json", &ws));
    let text = String::from_utf8(serde_json::to_vec_pretty(&ws).unwrap()).unwrap();
    // what git's line merge leaves: both sides' lines between markers
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("\"value\": 180000"))
        .unwrap();
    let line = at + 1;
    lines.splice(
        at..at + 1,
        [
            "<<<<<<< HEAD",
            lines[at],
            "=======",
            "      \"value\": 210000,",
            ">>>>>>> theirs",
        ],
    );
    let marked = lines.join("\n");
    let o = sb.path("ours.json");
    std::fs::write(&o, &marked).unwrap();
    let err = refused(&sb, [&b, &o, &t], None);
    assert!(
        err.contains(&format!("ours.json:{line}:1: git conflict markers")),
        "{err}"
    );
    assert!(err.contains("our version (OURS)"), "{err}");
}

#[test]
fn a_workspace_of_a_newer_format_is_refused() {
    let sb = Sandbox::new();
    let ws = demo();
    let mut newer = ws.clone();
    newer["version"] = json!(99);
    let (b, o, t) = (
        write(&sb, "base.json", &ws),
        write(&sb, "ours.json", &ws),
        write(&sb, "theirs.json", &newer),
    );
    let err = refused(&sb, [&b, &o, &t], None);
    assert!(err.contains("theirs.json: format version 99"), "{err}");
}

#[test]
fn the_merge_keeps_the_mode_of_ours() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let base = demo();
    let mut theirs = base.clone();
    deal(&mut theirs, "o1")["product"] = json!("Telematics Plus");
    let o = write(&sb, "ours.json", &base);
    std::fs::set_permissions(&o, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (b, t) = (
        write(&sb, "base.json", &base),
        write(&sb, "theirs.json", &theirs),
    );
    let out = sb
        .funnel()
        .arg("merge")
        .args([&b, &o, &t])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = std::fs::metadata(&o).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    assert_eq!(
        merged(&sb).opportunity("o1").unwrap().product,
        "Telematics Plus"
    );
}

#[test]
fn conflicts_left_from_an_earlier_merge_stay_and_are_counted_apart() {
    let sb = Sandbox::new();
    let mut base = demo();
    base["conflicts"] = json!([{"path": "opportunities[o2].value", "ours": 260000, "theirs": 300000, "base": 200000}]);
    let (ours, mut theirs) = (base.clone(), base.clone());
    deal(&mut theirs, "o3")["product"] = json!("MES Connect");
    let out = merge(&sb, &base, &ours, &theirs);
    // nothing new for git to report
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ws = merged(&sb);
    assert_eq!(ws.conflicts.len(), 1);
    assert_eq!(ws.conflicts[0].path, "opportunities[o2].value");
    assert_eq!(ws.opportunity("o3").unwrap().product, "MES Connect");
    assert!(
        stderr(&out).contains("(1 conflict from earlier merges still unresolved)"),
        "{}",
        stderr(&out)
    );
}
