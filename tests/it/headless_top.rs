//! The headless commands pick their first entries without building the
//! rest: what they show must be exactly the head of the full lists.

use crate::common::{Sandbox, stderr};

fn funnel(sb: &Sandbox, path: &std::path::Path, args: &[&str]) -> String {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let path = sb.path("w.json");
    funnel(sb, &path, &["init", "--demo"]);
    path
}

fn json(text: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_limited_action_list_is_the_head_of_the_whole_one() {
    let sb = Sandbox::new();
    let path = demo(&sb);
    let all = json(&funnel(&sb, &path, &["actions", "--format", "json"]));
    for n in [0, 1, 7, 20, all.len(), all.len() + 5] {
        let limit = n.to_string();
        let head = json(&funnel(
            &sb,
            &path,
            &["actions", "--limit", &limit, "--format", "json"],
        ));
        assert_eq!(head, all[..n.min(all.len())], "--limit {n}");
    }
}

#[test]
fn the_report_shows_the_first_ten_flags_and_actions() {
    let sb = Sandbox::new();
    let path = demo(&sb);
    let report = funnel(&sb, &path, &["report", "--format", "md"]);
    let section = |title: &str| -> Vec<String> {
        let start = report.find(title).expect(title) + title.len();
        report[start..]
            .lines()
            .skip(2)
            .take_while(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let high: Vec<serde_json::Value> = json(&funnel(&sb, &path, &["flags", "--format", "json"]))
        .into_iter()
        .filter(|f| f["severity"] == "high")
        .take(10)
        .collect();
    let shown = section("## Top red flags");
    assert_eq!(shown.len(), high.len().min(10));
    for (line, flag) in shown.iter().zip(&high) {
        let message = flag["message"].as_str().unwrap();
        // the Markdown escapes a few characters; compare the plain words
        let first_words: String = message
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        assert!(line.contains(first_words.trim()), "{line} / {message}");
    }
    let actions: Vec<serde_json::Value> =
        json(&funnel(&sb, &path, &["actions", "--format", "json"]))
            .into_iter()
            .take(10)
            .collect();
    let shown = section("## This week's actions");
    assert_eq!(shown.len(), actions.len());
    for (n, (line, e)) in shown.iter().zip(&actions).enumerate() {
        let due = e["due"].as_str().unwrap_or("suggested");
        assert!(
            line.starts_with(&format!("{}. {due} · **", n + 1)),
            "{line}"
        );
        let text: String = e["text"]
            .as_str()
            .unwrap()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        assert!(line.contains(text.trim()), "{line} / {text}");
    }
}

/// `funnel flags` lists most severe first, then the deals closest to
/// signing, then in file order (each deal's own order within it): what a
/// stable sort of every deal's flags in file order gives.
#[test]
fn flags_are_ordered_as_a_stable_sort_by_severity_then_stage() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let ws = funnel::synth::workspace(3_000, 5, today);
    let all = funnel::cli::flags::collect(&ws, None, today);
    let got: Vec<(&str, &funnel::domain::flags::Flag)> = funnel::cli::flags::order(&ws, &all)
        .into_iter()
        .map(|(o, f)| (o.id.as_str(), f))
        .collect();
    let mut expected: Vec<(&funnel::domain::Opportunity, funnel::domain::flags::Flag)> = ws
        .opportunities
        .iter()
        .flat_map(|o| {
            funnel::domain::flags::visible(o, &ws.settings, today)
                .into_iter()
                .map(move |f| (o, f))
        })
        .collect();
    expected.sort_by_key(|(o, f)| std::cmp::Reverse((f.severity, o.stage)));
    assert!(expected.len() > 10_000, "{} flags", expected.len());
    assert_eq!(got.len(), expected.len());
    for (n, ((id, f), (o, e))) in got.iter().zip(&expected).enumerate() {
        assert_eq!((*id, *f), (o.id.as_str(), e), "flag {n}");
    }
}
