//! Every kind of bad workspace gets one clear message naming the file, the
//! line and column and what was expected; exit status 2; the file untouched.

use crate::common;
use crate::common::{Sandbox, stderr, stdout};

/// Runs `list` and `check` on a copy of the fixture and checks the message,
/// the exit status and that the file is byte-for-byte unchanged.
fn refused(fixture: &str, expected: &str) {
    let sb = Sandbox::new();
    let path = sb.fixture(fixture);
    refused_at(&sb, &path, expected);
}

fn refused_at(sb: &Sandbox, path: &std::path::Path, expected: &str) {
    let fixture = path.file_name().unwrap().to_string_lossy();
    let before = std::fs::read(path).unwrap();
    let shown = path.display().to_string();

    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{fixture}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("funnel: {shown}:{expected}")),
        "{fixture}: got {err}"
    );
    assert_eq!(stdout(&out), "");

    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{fixture}");
    assert!(
        stdout(&out).starts_with(&format!("{shown}:{expected}")),
        "{fixture}: got {}",
        stdout(&out)
    );

    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{fixture} was modified"
    );
}

#[test]
fn truncated_json() {
    refused("truncated.json", "19:24: the file ends too early");
}

#[test]
fn wrong_type_names_the_json_path() {
    refused(
        "wrong-type.json",
        "15:16: invalid type: string \"1.2 million\", expected an amount (a non-negative number) (at opportunities[0].value)",
    );
}

#[test]
fn unknown_enum_value() {
    refused(
        "unknown-enum.json",
        "15:34: unknown stage \"qualfy\", expected one of qualify, drive, propose, negotiate, close (at opportunities[0].stage)",
    );
}

/// A workspace whose one action carries `field` (spec section 10's words
/// and times), the action on line 7.
fn with_action_field(field: &str) -> String {
    format!(
        "{{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  \"accounts\": [{{\"id\": \"a1\", \"name\": \"A\"}}],\n  \"opportunities\": [\n    {{\"id\": \"o1\", \"title\": \"T\", \"account\": \"a1\", \"stage\": \"drive\",\n      \"actions\": [{{\"id\": \"t1\", \"text\": \"call\", \"due\": \"2026-11-24\", {field}}}]}}\n  ]\n}}\n"
    )
}

#[test]
fn a_conversation_with_an_unknown_time_kind_or_commitment_is_refused() {
    for (field, expected) in [
        (
            r#""at": "9.30""#,
            r#"7:75: invalid time "9.30", expected HH:MM from 00:00 to 23:59 (at opportunities[0].actions[0].at)"#,
        ),
        (
            r#""kind": "phone""#,
            r#"7:77: unknown action kind "phone", expected one of call, meeting, visit, email, task (at opportunities[0].actions[0].kind)"#,
        ),
        (
            r#""debrief": {"commitment": "maybe"}"#,
            r#"7:95: unknown commitment "maybe", expected one of best, minimum, none (at opportunities[0].actions[0].debrief.commitment)"#,
        ),
    ] {
        let sb = Sandbox::new();
        let path = sb.path("conversation.json");
        std::fs::write(&path, with_action_field(field)).unwrap();
        refused_at(&sb, &path, expected);
    }
    // the same action with words this version knows is read
    let sb = Sandbox::new();
    let path = sb.path("conversation.json");
    std::fs::write(
        &path,
        with_action_field(r#""at": "09:30", "kind": "call", "debrief": {"commitment": "none"}"#),
    )
    .unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_cadence_of_no_days_is_refused() {
    let sb = Sandbox::new();
    let path = sb.path("cadence.json");
    std::fs::write(
        &path,
        "{\"format\":\"funnel-workspace\",\"version\":1,\"accounts\":[{\"id\":\"a1\",\"name\":\"A\"}],\n\
         \"opportunities\":[{\"id\":\"o1\",\"title\":\"T\",\"account\":\"a1\",\"stage\":\"drive\",\
         \"influences\":[{\"id\":\"i1\",\"name\":\"X\",\"cadence_days\":0}]}]}\n",
    )
    .unwrap();
    refused_at(
        &sb,
        &path,
        "2:123: 0 days is out of range, expected a whole number from 1 to 3650 (at opportunities[0].influences[0].cadence_days)",
    );
}

#[test]
fn duplicate_id() {
    refused(
        "duplicate-id.json",
        "25:13: duplicate opportunity id \"o1\", already used at opportunities[0]",
    );
}

#[test]
fn dangling_reference() {
    refused(
        "dangling-reference.json",
        "20:107: influence \"i9\" does not exist in this opportunity, expected the id of one of its influences or null",
    );
}

#[test]
fn out_of_range_value() {
    refused(
        "out-of-range.json",
        "20:125: coverage 5 is out of range, expected a whole number from 0 to 3 (at opportunities[0].influences[1].coverage)",
    );
}

#[test]
fn newer_version_that_this_program_cannot_read() {
    refused(
        "newer-version.json",
        "8:15: this workspace is format version 2, written by a newer funnel",
    );
}

#[test]
fn empty_file() {
    refused(
        "empty.json",
        "1:1: the file is empty, expected a funnel workspace",
    );
}

#[test]
fn byte_order_mark() {
    refused("bom.json", "1:1: the file starts with a byte-order mark");
}

#[test]
fn invalid_utf8() {
    refused(
        "invalid-utf8.json",
        "20:31: invalid UTF-8 (byte 0xE5), expected text in UTF-8",
    );
}

#[test]
fn check_lists_every_problem_not_just_the_first() {
    let sb = Sandbox::new();
    let path = sb.path("two.json");
    let text = std::fs::read_to_string(common::fixture_path("valid.json"))
        .unwrap()
        .replace("\"id\": \"o2\"", "\"id\": \"o1\"")
        .replace("\"reports_to\": \"i1\"", "\"reports_to\": \"i9\"");
    std::fs::write(&path, text).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.ends_with("2 problems\n"), "{text}");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("list")
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("(1 more problems; `funnel check` lists them all)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn control_and_bidi_characters_in_messages_never_reach_the_terminal() {
    let sb = Sandbox::new();
    let path = sb.path("evil.json");
    let text = std::fs::read_to_string(common::fixture_path("valid.json"))
        .unwrap()
        .replace(
            "\"stage\": \"drive\", \"outcome\"",
            "\"stage\": \"dr\\u202eive\\u001b[2J\", \"outcome\"",
        );
    std::fs::write(&path, text).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown stage \"dr"), "{err}");
    assert!(
        !err.contains('\u{202e}') && !err.contains('\u{1b}'),
        "{err:?}"
    );
}

#[test]
fn a_missing_workspace_is_a_runtime_failure_with_a_hint() {
    let sb = Sandbox::new();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(sb.path("none.json"))
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no workspace here; create one with `funnel init`"));
}

#[test]
fn bad_usage_exits_2() {
    let sb = Sandbox::new();
    let out = sb
        .funnel()
        .args(["--today", "2026-13-01", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected a date YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = sb
        .funnel()
        .args(["list", "--stage", "qualfy"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown stage \"qualfy\""),
        "{}",
        stderr(&out)
    );
    let out = sb.funnel().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = sb
        .funnel()
        .args(["list", "--format", "x\u{1b}[2J\u{202e}y"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid value 'x"), "{err:?}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
}

#[test]
fn opening_a_bad_file_for_writing_refuses_and_leaves_it_as_it_was() {
    use funnel::store::{Store, StoreError};
    for fixture in [
        "truncated.json",
        "wrong-type.json",
        "unknown-enum.json",
        "duplicate-id.json",
        "dangling-reference.json",
        "out-of-range.json",
        "newer-version.json",
        "empty.json",
        "bom.json",
        "invalid-utf8.json",
    ] {
        let sb = Sandbox::new();
        let path = sb.fixture(fixture);
        let before = std::fs::read(&path).unwrap();
        match Store::open(&path, &sb.path("data")) {
            Err(StoreError::Invalid(problems)) => assert!(!problems.is_empty(), "{fixture}"),
            other => panic!("{fixture}: {other:?}"),
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{fixture} was modified"
        );
        assert!(
            !sb.path("data").exists(),
            "{fixture}: no backup of a file never written"
        );
    }
}

#[test]
fn a_newer_version_that_reads_is_shown_with_a_note_and_never_written() {
    let sb = Sandbox::new();
    let path = sb.path("v2.json");
    let text = std::fs::read_to_string(common::fixture_path("valid.json"))
        .unwrap()
        .replace("\"version\": 1", "\"version\": 2")
        .replace("\"reports_to\": \"i1\"", "\"reports_to\": \"someone new\"");
    std::fs::write(&path, &text).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("format version 2, written by a newer funnel"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("ERP rollout"));
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("opens read-only"), "{}", stdout(&out));
    let (mut store, ws) = funnel::store::Store::open(&path, &sb.path("data")).unwrap();
    assert!(store.save(&ws).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let sb = Sandbox::new();
    let path = sb.path("big.json");
    let ws = funnel::synth::workspace(2000, 3, funnel::domain::Date::parse("2026-11-23").unwrap());
    std::fs::write(&path, funnel::store::to_json_bytes(&ws)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_funnel"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--workspace")
        .arg(&path)
        .args(["list", "--all", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

/// A workspace whose one account carries `fields` (spec section 11), the
/// account on line 5.
fn with_account_fields(fields: &str) -> String {
    format!(
        "{{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  \"accounts\": [\n    {{\"id\": \"a1\", \"name\": \"A\", {fields}}}\n  ]\n}}\n"
    )
}

#[test]
fn bad_key_account_records_are_refused_where_they_are() {
    for (fields, expected) in [
        (
            r#""satisfaction": [{"on": "2026-11-02", "score": 6}]"#,
            "5:78: score 6 is out of range, expected a whole number from 1 to 5 (at accounts[0].satisfaction[0].score)",
        ),
        (
            r#""credit": {"invoices": [{"id": "inv1", "amount": 100, "issued": "2026-11-31"}]}"#,
            r#"5:95: invalid date "2026-11-31", expected a date YYYY-MM-DD (at accounts[0].credit.invoices[0].issued)"#,
        ),
        (
            r#""credit": {"invoices": [{"id": "inv1", "amount": 100}, {"id": "inv1", "amount": 5}]}"#,
            r#"5:93: duplicate invoice id "inv1", already used at accounts[0].credit.invoices[0]"#,
        ),
        (
            r#""credit": {"invoices": [{"id": "inv1", "amount": 100, "issued": "2026-11-02", "due": "2026-11-01"}]}"#,
            "5:116: due 2026-11-01 is before the invoice was issued (2026-11-02), expected a date on or after it",
        ),
    ] {
        let sb = Sandbox::new();
        let path = sb.path("account.json");
        std::fs::write(&path, with_account_fields(fields)).unwrap();
        refused_at(&sb, &path, expected);
    }
    // the same records within bounds are read
    let sb = Sandbox::new();
    let path = sb.path("account.json");
    std::fs::write(
        &path,
        with_account_fields(
            r#""satisfaction": [{"on": "2026-11-02", "score": 5}], "credit": {"invoices": [{"id": "inv1", "amount": 100, "issued": "2026-11-01", "due": "2026-11-01"}, {"id": "inv2", "amount": 5, "issued": "2026-11-30"}]}"#,
        ),
    )
    .unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}
