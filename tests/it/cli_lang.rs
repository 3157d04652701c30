//! The headless commands in Chinese (spec section 12): `--lang`, the
//! workspace's `settings.language` and the environment choose it, in that
//! order; JSON is the same bytes in both languages.

use crate::common::{Sandbox, stderr, stdout};
use std::path::PathBuf;

const TODAY: &str = "2026-11-23";

/// The demo workspace in a sandbox, its story set on [`TODAY`].
fn demo() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let ws = sb.path("ws.json");
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--today", TODAY, "init", "--demo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (sb, ws)
}

/// `funnel --workspace WS --today TODAY args…`, its standard output (the
/// command must succeed).
fn run(sb: &Sandbox, ws: &PathBuf, args: &[&str]) -> String {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_weekly_report_reads_as_chinese() {
    let (sb, ws) = demo();
    let md = run(&sb, &ws, &["--lang", "zh", "report"]);
    for want in [
        "# 销售漏斗周报，2026年11月23日",
        "**漏斗中**：",
        "**赢单率**：",
        "## 销售漏斗",
        "| 阶段 | 商机数 | 金额 | 加权 | 停滞 |",
        "| 确认商机 |",
        "| 销售成交 |",
        "最有把握的几单",
        "漏斗上方",
        "## 主要红旗信号",
        "## 本周行动",
    ] {
        assert!(md.contains(want), "{want:?} missing from:\n{md}");
    }
    // CommonMark closes `**` before a CJK colon, not after it
    assert!(!md.contains("：**"), "{md}");
    // the stage is named once, in the course's words
    assert!(!md.contains("qualify 确认商机"), "{md}");
    insta::assert_snapshot!(md);
}

#[test]
fn flags_and_actions_tables_in_chinese() {
    let (sb, ws) = demo();
    let flags = run(&sb, &ws, &["--lang", "zh", "flags"]);
    assert!(flags.starts_with("严重度"), "{flags}");
    assert!(flags.contains("个红旗，涉及"), "{flags}");
    insta::assert_snapshot!("flags_zh", flags);
    let actions = run(&sb, &ws, &["--lang", "zh", "actions"]);
    assert!(actions.starts_with("得分"), "{actions}");
    assert!(actions.contains("项行动，得分高者在前"), "{actions}");
    insta::assert_snapshot!("actions_zh", actions);
}

#[test]
fn json_is_the_same_bytes_in_both_languages() {
    let (sb, ws) = demo();
    for command in [
        "report", "flags", "actions", "list", "accounts", "analysis", "forecast",
    ] {
        let en = run(&sb, &ws, &["--lang", "en", command, "--format", "json"]);
        let zh = run(&sb, &ws, &["--lang", "zh", command, "--format", "json"]);
        assert!(en.starts_with(['[', '{']), "{command}: {en}");
        assert_eq!(en, zh, "{command} --format json differs by language");
    }
    // the machine formats of export and list too
    for args in [
        &["export", "csv"][..],
        &["export", "json"],
        &["list", "--format", "csv"],
    ] {
        let en = run(&sb, &ws, &[&["--lang", "en"][..], args].concat());
        let zh = run(&sb, &ws, &[&["--lang", "zh"][..], args].concat());
        assert_eq!(en, zh, "{args:?} differs by language");
    }
}

/// Sets `settings.language` of the workspace file.
fn set_language(ws: &PathBuf, language: &str) {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(ws).unwrap()).unwrap();
    v["settings"]["language"] = language.into();
    std::fs::write(ws, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
}

/// Whether `list`'s table is in Chinese (else it must be in English).
fn chinese(list: &str) -> bool {
    let words: Vec<&str> = list
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .collect();
    match words[..] {
        ["编号", "商机名称"] => true,
        ["ID", "TITLE"] => false,
        _ => panic!("not the list's header:\n{list}"),
    }
}

#[test]
fn the_workspace_setting_speaks_chinese_and_lang_beats_it() {
    let (sb, ws) = demo();
    assert!(!chinese(&run(&sb, &ws, &["list"])));
    set_language(&ws, "zh");
    assert!(chinese(&run(&sb, &ws, &["list"])));
    assert!(!chinese(&run(&sb, &ws, &["--lang", "en", "list"])));
    // check reads the file its own way, and speaks its language too
    let check = run(&sb, &ws, &["check"]);
    assert!(check.contains("：正常，25 个商机"), "{check}");
}

#[test]
fn the_environment_decides_when_nothing_else_does() {
    let (sb, ws) = demo();
    let list = |vars: &[(&str, &str)]| {
        let mut cmd = sb.funnel();
        cmd.arg("--workspace")
            .arg(&ws)
            .args(["--today", TODAY, "list"]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        stdout(&cmd.output().unwrap())
    };
    assert!(chinese(&list(&[("LANG", "zh_CN.UTF-8")])));
    assert!(chinese(&list(&[("LC_MESSAGES", "zh_CN.UTF-8")])));
    assert!(!chinese(&list(&[
        ("LANG", "zh_CN.UTF-8"),
        ("LC_ALL", "en_US.UTF-8")
    ])));
    assert!(!chinese(&list(&[("LANG", "C")])));
    // the workspace's setting wins over the environment
    set_language(&ws, "en");
    assert!(!chinese(&list(&[("LANG", "zh_CN.UTF-8")])));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let sb = Sandbox::new();
    let out = sb.funnel().args(["--lang", "xx", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--lang") && err.contains("en or zh"), "{err}");
}

#[test]
fn errors_speak_chinese_and_keep_option_names() {
    let (sb, ws) = demo();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--lang", "zh", "flags", "--opportunity", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("--opportunity \"nope\"：没有这个编号的商机"),
        "{err}"
    );
}

#[test]
fn the_help_lists_the_commands_in_chinese() {
    let sb = Sandbox::new();
    let help = stdout(
        &sb.funnel()
            .args(["--lang", "zh", "--help"])
            .output()
            .unwrap(),
    );
    // the column's width follows the longest command's name
    assert!(
        help.lines()
            .any(|l| l.trim_start().starts_with("report ") && l.contains("每周商机报告")),
        "{help}"
    );
    assert!(help.contains("界面、消息和报告的语言：en 或 zh"), "{help}");
    assert!(help.contains("用法：funnel"), "{help}");
    assert!(help.contains("选项") && help.contains("显示帮助"), "{help}");
    let help = stdout(
        &sb.funnel()
            .env("LANG", "zh_CN.UTF-8")
            .args(["import", "--help"])
            .output()
            .unwrap(),
    );
    assert!(help.contains("contacts    从联系人导出文件"), "{help}");
    // an option's own help too, not only the commands'
    let help = stdout(
        &sb.funnel()
            .args(["--lang", "zh", "import", "csv", "--help"])
            .output()
            .unwrap(),
    );
    assert!(help.contains("导入成功后，把本次的选项"), "{help}");
    let help = stdout(&sb.funnel().arg("--help").output().unwrap());
    assert!(help.contains("The weekly pipeline report"), "{help}");
}

#[test]
fn command_line_mistakes_are_told_in_chinese() {
    let sb = Sandbox::new();
    let run = |args: &[&str]| {
        let out = sb.funnel().args(args).output().unwrap();
        (out.status.code(), stderr(&out))
    };
    let (code, err) = run(&["--lang", "zh", "lisst"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("没有 'lisst' 这个命令（是想用 'list' 吗？）"),
        "{err}"
    );
    let (code, err) = run(&["--lang", "zh", "list", "--format", "xml"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("'xml' 不是 --format <FORMAT> 的有效值；可选：table、csv、json"),
        "{err}"
    );
    let (code, err) = run(&["--lang", "zh", "--today", "2026-13-01", "list"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("应为 YYYY-MM-DD 格式的日期，实际为 \"2026-13-01\""),
        "{err}"
    );
    // English stays clap's own
    let (code, err) = run(&["lisst"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unrecognized subcommand 'lisst'"), "{err}");
}
