//! Import profiles (spec section 14): `--save-profile NAME` stores an
//! import's options under `settings.import_profiles.NAME` with the import,
//! `--profile NAME` uses them, the command line adding to or replacing them.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use crate::import_merge::import;
use funnel::domain::{Money, Stage};
use std::path::Path;

/// A CRM's own stage labels, none of which the import recognises.
const LABELS: [(&str, &str); 4] = [
    ("Pondering", "qualify"),
    ("Haggling", "negotiate"),
    ("Inked", "won"),
    ("Walked away", "lost"),
];

/// `n` rows cycling through the labels, with both a `Total` and a `Net`
/// amount column (the import recognises neither).
fn write(file: &Path, first: usize, n: usize) {
    let mut text = String::from("Id,Name,Account,Stage,Total,Net,Close Date\n");
    for i in first..first + n {
        let (label, _) = LABELS[i % LABELS.len()];
        text += &format!(
            "{i},Deal {i},Acme {},{label},{},{},2026-10-01\n",
            i % 3,
            (i + 1) * 100,
            (i + 1) * 10
        );
    }
    std::fs::write(file, text).unwrap();
}

/// The rows of the file with the label `label`, counted from the file.
fn rows_with(file: &Path, label: &str) -> usize {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(3) == Some(label))
        .count()
}

fn rows(file: &Path) -> usize {
    std::fs::read_to_string(file).unwrap().lines().count() - 1
}

fn profile_args() -> Vec<String> {
    let mut args = vec!["--map".to_owned(), "Total=value".to_owned()];
    for (label, stage) in LABELS {
        args.push("--stage-map".to_owned());
        args.push(format!("{label}={stage}"));
    }
    args
}

fn ok(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

fn with_profile(sb: &Sandbox, ws: &Path, file: &Path, name: &str) {
    let mut args = profile_args();
    args.extend(["--save-profile".to_owned(), name.to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&import(sb, ws, file, &args));
}

#[test]
fn a_saved_stage_mapping_is_not_typed_again() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let first = sb.path("first.csv");
    let second = sb.path("second.csv");
    write(&first, 0, 8);
    write(&second, 100, 13);
    with_profile(&sb, &ws, &first, "acme-crm");
    let saved = read_workspace(&ws);
    let profile = &saved.settings.import_profiles["acme-crm"];
    assert_eq!(profile.stage_map.len(), LABELS.len());
    assert_eq!(profile.map["Total"], "value");
    assert_eq!(saved.opportunities.len(), rows(&first));

    // without the profile the labels map nowhere: nothing imported
    let before = std::fs::read(&ws).unwrap();
    let out = import(&sb, &ws, &second, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("Haggling"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let out = ok(&import(&sb, &ws, &second, &["--profile", "acme-crm"]));
    assert!(
        out.contains(&format!("{} added, 0 updated", rows(&second))),
        "{out}"
    );
    let w = read_workspace(&ws);
    let from_second: Vec<_> = w
        .opportunities
        .iter()
        .filter(|o| o.title.starts_with("Deal 1"))
        .filter(|o| o.title.len() == "Deal 100".len())
        .collect();
    assert_eq!(from_second.len(), rows(&second));
    let negotiating = from_second
        .iter()
        .filter(|o| o.stage == Stage::Negotiate && o.outcome.is_none())
        .count();
    assert_eq!(negotiating, rows_with(&second, "Haggling"));
    let won = from_second
        .iter()
        .filter(|o| {
            o.outcome
                .as_ref()
                .is_some_and(|c| format!("{:?}", c.result) == "Won")
        })
        .count();
    assert_eq!(won, rows_with(&second, "Inked"));
    // the profile's map read the value from Total
    let expected: i64 = (100..113).map(|i| (i + 1) * 100 * 100).sum();
    let got = from_second.iter().fold(Money::ZERO, |s, o| s + o.value);
    assert_eq!(got, Money(expected));
}

#[test]
fn command_line_options_override_the_profile() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let first = sb.path("first.csv");
    let second = sb.path("second.csv");
    write(&first, 0, 4);
    write(&second, 50, 8);
    with_profile(&sb, &ws, &first, "p");
    let profile_before = read_workspace(&ws).settings.import_profiles["p"].clone();
    // Net replaces the profile's Total for the value; Haggling goes elsewhere
    ok(&import(
        &sb,
        &ws,
        &second,
        &[
            "--profile",
            "p",
            "--map",
            "Net=value",
            "--stage-map",
            "Haggling=propose",
        ],
    ));
    let w = read_workspace(&ws);
    let new: Vec<_> = w
        .opportunities
        .iter()
        .filter(|o| o.title.starts_with("Deal 5"))
        .collect();
    assert_eq!(new.len(), rows(&second));
    let expected: i64 = (50..58).map(|i| (i + 1) * 10 * 100).sum();
    assert_eq!(
        new.iter().fold(Money::ZERO, |s, o| s + o.value),
        Money(expected)
    );
    let proposing = new.iter().filter(|o| o.stage == Stage::Propose).count();
    assert_eq!(proposing, rows_with(&second, "Haggling"));
    assert!(new.iter().all(|o| o.stage != Stage::Negotiate));
    // using a profile does not change it
    assert_eq!(w.settings.import_profiles["p"], profile_before);
}

#[test]
fn an_unknown_profile_exits_2_and_writes_nothing() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("deals.csv");
    write(&file, 0, 4);
    with_profile(&sb, &ws, &file, "alpha");
    with_profile(&sb, &ws, &file, "beta");
    let before = std::fs::read(&ws).unwrap();
    let out = import(
        &sb,
        &ws,
        &file,
        &["--profile", "gamma", "--save-profile", "x"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("\"gamma\""), "{err}");
    assert!(err.contains("alpha, beta"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // no workspace yet: the same error, and none is created
    let none = sb.path("none.json");
    let out = import(&sb, &none, &file, &["--profile", "alpha"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("there are none"), "{}", stderr(&out));
    assert!(!none.exists());
}

#[test]
fn a_failed_import_stores_no_profile() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("deals.csv");
    write(&file, 0, 4);
    with_profile(&sb, &ws, &file, "good");
    let before = std::fs::read(&ws).unwrap();
    // one label left unmapped: the import fails, the profile is not stored
    let out = import(
        &sb,
        &ws,
        &file,
        &["--stage-map", "Pondering=qualify", "--save-profile", "bad"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // a dry run stores none either
    let mut args = profile_args();
    args.extend(["--save-profile".into(), "dry".into(), "--dry-run".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok(&import(&sb, &ws, &file, &args));
    assert!(out.contains("not saved (dry run)"), "{out}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert_eq!(
        read_workspace(&ws)
            .settings
            .import_profiles
            .keys()
            .collect::<Vec<_>>(),
        ["good"]
    );
}

#[test]
fn a_profile_round_trips_with_unknown_fields_and_is_checked() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("deals.csv");
    write(&file, 0, 4);
    with_profile(&sb, &ws, &file, "p");
    // a newer version's field in the profile, kept when the profile is
    // used and saved again, and stable to the byte
    let text = std::fs::read_to_string(&ws).unwrap();
    let text = text.replacen(
        "\"stage_map\"",
        "\"comment\": \"from Acme's CRM\", \"stage_map\"",
        1,
    );
    std::fs::write(&ws, &text).unwrap();
    let out = import(
        &sb,
        &ws,
        &file,
        &["--profile", "p", "--save-profile", "p", "--null", "n/a"],
    );
    ok(&out);
    let w = read_workspace(&ws);
    let p = &w.settings.import_profiles["p"];
    assert_eq!(p.extra["comment"], "from Acme's CRM");
    assert_eq!(p.nulls, ["n/a"]);
    let bytes = std::fs::read(&ws).unwrap();
    assert_eq!(funnel::store::to_json_bytes(&w), bytes);
    let again = funnel::store::load::parse(&bytes, &ws).unwrap().workspace;
    assert_eq!(again, w);

    // a stage the import does not know is reported by check where it is
    let text = String::from_utf8(bytes).unwrap().replacen(
        "\"Haggling\": \"negotiate\"",
        "\"Haggling\": \"haggle\"",
        1,
    );
    std::fs::write(&ws, &text).unwrap();
    let line = 1 + text.lines().position(|l| l.contains("\"haggle\"")).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .arg("check")
        .output()
        .unwrap();
    let report = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{report}");
    assert!(report.contains(&format!("w.json:{line}:")), "{report}");
    assert!(report.contains("unknown stage \"haggle\""), "{report}");
}

fn profiles(sb: &Sandbox, ws: &Path, extra: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["import", "profiles"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn profiles_are_listed_as_their_options_and_deleted_by_name() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("crm.csv");
    write(&file, 0, 8);
    let mut options: Vec<String> = vec!["--map".into(), "Total=value".into()];
    for (label, stage) in LABELS {
        options.extend(["--stage-map".into(), format!("{label}={stage}")]);
    }
    let mut save = options.clone();
    save.extend([
        "--null".into(),
        "n/a".into(),
        "--save-profile".into(),
        "crm".into(),
    ]);
    let save: Vec<&str> = save.iter().map(String::as_str).collect();
    let out = import(&sb, &ws, &file, &save);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = import(
        &sb,
        &ws,
        &file,
        &[
            "--profile",
            "crm",
            "--save-profile",
            "crm-net",
            "--map",
            "Net=value",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&profiles(&sb, &ws, &[]));
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines[0].starts_with("crm: --map \"Total=value\""),
        "{listed}"
    );
    for (label, stage) in LABELS {
        assert!(
            lines[0].contains(&format!("--stage-map \"{label}={stage}\"")),
            "{listed}"
        );
    }
    assert!(lines[0].ends_with("--null \"n/a\""), "{listed}");
    assert!(
        lines[1].starts_with("crm-net: --map \"Net=value\""),
        "{listed}"
    );
    assert!(
        !lines[1].contains("Total=value"),
        "the net profile maps Net, not Total: {listed}"
    );
    // deleting an unknown name changes nothing and names the ones there are
    let before = std::fs::read(&ws).unwrap();
    let out = profiles(&sb, &ws, &["--delete", "crm-gross"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the profiles are: crm, crm-net"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let out = profiles(&sb, &ws, &["--delete", "crm"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let left: Vec<&String> = w.settings.import_profiles.keys().collect();
    assert_eq!(left, ["crm-net"]);
    assert_eq!(w.opportunities.len(), 8, "the deals are untouched");
    let out = import(&sb, &ws, &file, &["--profile", "crm"]);
    assert_eq!(out.status.code(), Some(2), "a deleted profile is gone");
}
