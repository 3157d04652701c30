//! The two-core parse gives exactly what the sequential one gives: the same
//! workspace, or the same errors (message, line, column, path).
use super::*;
use crate::domain::Date;
use crate::store::load::{Invalid, parse_from};
use proptest::prelude::*;
use std::path::Path;

type Outcome = Result<(Workspace, Option<u64>), Vec<Invalid>>;

fn both(bytes: &[u8]) -> (Outcome, Outcome) {
    let run = |threshold| {
        parse_from(bytes, Path::new("w.json"), threshold).map(|p| (p.workspace, p.newer_version))
    };
    (run(usize::MAX), run(0))
}

fn synthetic(n: usize, seed: u64) -> Vec<u8> {
    let today = Date::parse("2026-11-23").unwrap();
    crate::store::to_json_bytes(&crate::synth::workspace(n, seed, today))
}

/// The byte ranges of the opportunities, by the pretty writer's indent.
fn deal_starts(text: &[u8]) -> Vec<usize> {
    let start = opportunities_start(text).unwrap();
    let end = value_end(text, start).unwrap();
    (start..end)
        .filter(|&i| text[i..].starts_with(b"\n    {"))
        .map(|i| i + 5)
        .collect()
}

#[test]
fn synthetic_workspaces_parse_alike_and_split() {
    for (n, seed) in [(1, 1), (2, 2), (3, 3), (40, 42), (101, 7)] {
        let text = synthetic(n, seed);
        let (seq, par) = both(&text);
        assert!(seq.is_ok());
        assert_eq!(seq, par, "{n} deals");
        if n >= 40 {
            assert!(parse(&text).is_some(), "{n} deals took the two-core path");
            // and the guessed half-way point was an element the first half reached
            let start = opportunities_start(&text).unwrap();
            let first = skip_space(&text, start + 1);
            let guess = halfway(&text, start, first).unwrap();
            let head = elements(&text, first, Some(guess)).unwrap();
            assert!(matches!(head, Run::ReachedStop(_)), "{n} deals split");
        }
    }
}

/// A guess that falls inside a deal (a hand-laid unknown value with a line
/// like an element's start) is dropped: the first thread goes on past it,
/// reading on beyond the bytes it checked first, and the result is the same.
#[test]
fn a_guess_inside_a_deal_is_passed_over() {
    let text = String::from_utf8(synthetic(6, 9)).unwrap();
    let starts = deal_starts(text.as_bytes());
    let at = starts[2] + 1;
    // the middle of the file falls in the padding, the guess on `    {}`
    let inserted = format!(
        "\n      \"pad\": \"{}\",\n      \"x\": [\n0,\n    {{}}\n],",
        "é".repeat(text.len())
    );
    let case = format!("{}{inserted}{}", &text[..at], &text[at..]);
    let bytes = case.as_bytes();
    let start = opportunities_start(bytes).unwrap();
    let first = skip_space(bytes, start + 1);
    let guess = halfway(bytes, start, first).unwrap();
    assert!(guess > starts[2] && guess < case.find("\"x\"").unwrap() + 20);
    let (ws, _) = parse(bytes).expect("the two-core path still answers");
    assert_eq!(ws.opportunities.len(), 6);
    agree(bytes);
}

/// Whatever is typed where, both paths agree on the outcome.
fn agree(text: &[u8]) {
    let (seq, par) = both(text);
    assert_eq!(seq, par, "{}", String::from_utf8_lossy(text));
}

const EDITS: [&[u8]; 14] = [
    b"",
    b"\"",
    b",",
    b"}",
    b"]",
    b"{",
    b"[",
    b":",
    b"x",
    b"\\",
    b"\xFF",
    b"1E5",
    b"\"qualfy\"",
    b"\"lots\"",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// An error injected at a random place of a random opportunity.
    #[test]
    fn corrupted_copies_fail_alike(
        seed in 0u64..4,
        deal in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..3,
        edit in 0usize..EDITS.len(),
    ) {
        let mut text = synthetic(12, seed);
        let starts = deal_starts(&text);
        let d = deal.index(starts.len());
        let end = starts.get(d + 1).copied().unwrap_or(text.len());
        let i = starts[d] + at.index(end - starts[d]);
        let cut = cut.min(text.len() - i);
        text.splice(i..i + cut, EDITS[edit].iter().copied());
        agree(&text);
    }

    /// A value made wrong in type or meaning, or a duplicate id.
    #[test]
    fn wrong_values_fail_alike(seed in 0u64..4, deal in any::<prop::sample::Index>(), how in 0usize..8) {
        let text = String::from_utf8(synthetic(12, seed)).unwrap();
        let starts = deal_starts(text.as_bytes());
        let d = deal.index(starts.len());
        let (head, tail) = text.split_at(starts[d]);
        let tail = match how {
            0 => tail.replacen("\"stage\": \"", "\"stage\": \"x", 1),
            1 => tail.replacen("\"value\": ", "\"value\": \"lots\", \"v\": ", 1),
            2 => tail.replacen("\"id\": \"", "\"id\": \"o1", 1),
            3 => tail.replacen("\"account\": \"", "\"account\": \"ghost", 1),
            4 => tail.replacen("\"title\": ", "\"title\": 1, \"title\": ", 1),
            // a deal's own lists: a dangling reference, a duplicate id
            5 => tail.replacen("\"reports_to\": \"", "\"reports_to\": \"x", 1),
            6 => tail.replacen("\"influence\": \"", "\"influence\": \"x", 1),
            _ => tail.replacen("\"actions\": [", "\"actions\": [{\"id\": \"a\", \"text\": \"\"}, {\"id\": \"a\", \"text\": \"\"}, ", 1),
        };
        agree(format!("{head}{tail}").as_bytes());
    }
}

#[test]
fn unusual_shapes_parse_alike() {
    let text = String::from_utf8(synthetic(6, 9)).unwrap();
    let compact = serde_json::to_vec(&crate::synth::workspace(
        6,
        9,
        Date::parse("2026-11-23").unwrap(),
    ))
    .unwrap();
    let cases = [
        compact,
        text.replacen("\"opportunities\"", "\"opportunit\\u0069es\"", 1)
            .into(),
        text.replacen(
            "\"opportunities\": [",
            "\"x\": 1E5, \"opportunities\": [",
            1,
        )
        .into(),
        text.replacen("{", "{\"opportunities\": [], ", 1).into(),
        text.replacen("\"accounts\"", "\"opportunities\": null, \"accounts\"", 1)
            .into(),
        text.replacen("\n  ]", ",\n  ]", 1).into(),
        text.replacen("\"version\": 1", "\"version\": 9", 1).into(),
        format!("{text} x").into(),
        text[..text.len() / 2].into(),
    ];
    for case in cases {
        agree(&case);
    }
}

/// Each element is parsed from a fresh deserializer, which could allow
/// deeper nesting than inside the whole file: unknown values nest freely
/// on both paths, so the outcome must still agree around serde_json's
/// limit of 128.
#[test]
fn deep_unknown_values_agree() {
    let text = String::from_utf8(synthetic(4, 5)).unwrap();
    for depth in [120, 126, 127, 128, 129, 140] {
        let deep = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let case = text.replacen("\"title\": ", &format!("\"deep\": {deep}, \"title\": "), 3);
        agree(case.as_bytes());
    }
}

/// Deals checked on several threads, or flagged during the parse and
/// looked at again, report in document order, as one thread would.
#[test]
fn deal_problems_report_in_order() {
    use crate::domain::validate::{deal_own_problems, problems, problems_after_parse};
    let today = Date::parse("2026-11-23").unwrap();
    let mut ws = crate::synth::workspace(3000, 7, today);
    for (n, o) in ws.opportunities.iter_mut().enumerate() {
        match n % 97 {
            0 => o.account = "ghost".into(),
            1 => o.id = String::new(),
            2 | 3 => o
                .actions
                .push(o.actions.first().cloned().unwrap_or_default()),
            _ => {}
        }
    }
    let one_thread: Vec<_> = (ws.opportunities.iter().enumerate())
        .flat_map(|(n, o)| deal_own_problems(n, o))
        .collect();
    let all = problems(&ws);
    assert!(one_thread.len() >= 60, "{}", one_thread.len());
    let mut own = all.iter().filter(|p| !p.message.starts_with("account "));
    assert!(one_thread.iter().all(|p| own.any(|q| q == p)), "in order");
    let flagged: Vec<usize> = (ws.opportunities.iter().enumerate())
        .filter(|(n, o)| !deal_own_problems(*n, o).is_empty())
        .map(|(n, _)| n)
        .collect();
    assert_eq!(problems_after_parse(&ws, &flagged), all);
}
