//! `cargo bench --bench merge`: `funnel merge BASE OURS THEIRS` on two
//! edits of the synthetic 10,000-deal workspace, timed as git runs it,
//! from spawning the release binary to its exit, median of 7 rounds
//! (`FUNNEL_BENCH_ROUNDS`). Issue 22's budget is 2 s.
//!
//! The edits are a week of a team's work: each side changes about 1 % of
//! the deals (value, close date, an influence's win, an action done), 30
//! of them the same deals, changed in the same field to other values
//! (conflicts; 20 of them also in a field of each side's own), and adds 50
//! deals under the same ids as the other side (renamed). Beside it: `check` on OURS (reading one version: the
//! merge reads three and writes one) and `domain::merge::merge` alone, in
//! this process.

use funnel::domain::{Date, Money, Stage, Workspace};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEALS: usize = 10_000;

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let rounds: usize = std::env::var("FUNNEL_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let today = Date::parse("2026-11-23").unwrap();
    let base = funnel::synth::workspace(DEALS, 42, today);
    let (ours, theirs) = (edit(&base, 0, today), edit(&base, 1, today));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, ws: &Workspace| {
        let path = dir.path().join(name);
        std::fs::write(&path, funnel::store::to_json_bytes(ws)).expect("write");
        path
    };
    let (b, o, t) = (
        write("base.json", &base),
        write("ours.json", &ours),
        write("theirs.json", &theirs),
    );
    let ours_bytes = std::fs::read(&o).unwrap();
    let bin = env!("CARGO_BIN_EXE_funnel");

    let (mut command, mut check, mut alone) = (Vec::new(), Vec::new(), Vec::new());
    // the command's steps, in this process: read the three, merge,
    // check, serialise, write
    let mut steps: Vec<Vec<Duration>> = vec![Vec::new(); 5];
    let mut code = None;
    for _ in 0..rounds {
        // git hands over a fresh OURS each time; the merge replaces it
        std::fs::write(&o, &ours_bytes).unwrap();
        let start = Instant::now();
        let status = Command::new(bin)
            .args([
                "merge".as_ref(),
                b.as_os_str(),
                o.as_os_str(),
                t.as_os_str(),
            ])
            .arg("workspace.json")
            .env("LANG", "C")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("funnel runs");
        command.push(start.elapsed());
        assert!(matches!(status.code(), Some(0 | 1)), "merge: {status}");
        code = status.code();
        let start = Instant::now();
        let status = Command::new(bin)
            .args(["--workspace".as_ref(), b.as_os_str(), "check".as_ref()])
            .stdout(Stdio::null())
            .status()
            .expect("funnel runs");
        check.push(start.elapsed());
        assert!(status.success());
        let start = Instant::now();
        let merged = funnel::domain::merge::merge(&base, &ours, &theirs);
        alone.push(start.elapsed());
        std::mem::forget(merged);
        steps_once(&mut steps, [&b, &o, &t], &dir.path().join("out.json"));
    }
    let merged = funnel::domain::merge::merge(&base, &ours, &theirs);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "synthetic {DEALS} deals ({}), each side changing ~1 % and adding 50, median of {rounds}",
        size(&b)
    );
    println!(
        "the merge: {} conflicts, {} records of theirs renamed, exit {}",
        merged.conflicts.len(),
        merged.renamed.len(),
        code.unwrap_or(-1)
    );
    println!();
    println!("| what | time |");
    println!("|---|---|");
    println!(
        "| `funnel merge BASE OURS THEIRS` (start to exit) | {:.0} ms |",
        ms(median(&mut command))
    );
    println!(
        "| `funnel check` on one version (start to exit) | {:.0} ms |",
        ms(median(&mut check))
    );
    println!(
        "| `domain::merge::merge` alone, in process | {:.0} ms |",
        ms(median(&mut alone))
    );
    println!();
    println!("the command's steps, in this process:");
    println!();
    println!("| step | time |");
    println!("|---|---|");
    let names = [
        "read the three versions (`store::read` each)",
        "merge",
        "check the result (`validate::problems`)",
        "serialise (`to_json_bytes`)",
        "write atomically (`store::write_file`)",
    ];
    for (name, runs) in names.iter().zip(&mut steps) {
        println!("| {name} | {:.0} ms |", ms(median(runs)));
    }
}

/// Times each step `funnel merge` takes, once.
fn steps_once(steps: &mut [Vec<Duration>], files: [&Path; 3], out: &Path) {
    let start = Instant::now();
    let [b, o, t] = files.map(|f| funnel::store::read(f).expect("loads").workspace);
    steps[0].push(start.elapsed());
    let start = Instant::now();
    let merged = funnel::domain::merge::merge(&b, &o, &t);
    steps[1].push(start.elapsed());
    let start = Instant::now();
    assert!(funnel::domain::validate::problems(&merged.workspace).is_empty());
    steps[2].push(start.elapsed());
    let start = Instant::now();
    let bytes = funnel::store::to_json_bytes(&merged.workspace);
    steps[3].push(start.elapsed());
    let start = Instant::now();
    funnel::store::write_file(out, &bytes).expect("write");
    steps[4].push(start.elapsed());
    std::mem::forget((b, o, t, merged, bytes));
}

/// One side's week: `side` 0 is ours, 1 theirs. Deal k is changed by
/// ours when k % 100 == 3, by theirs when k % 100 == 7, and by both when
/// k % 1000 is 5, 15 or 25.
fn edit(base: &Workspace, side: usize, today: Date) -> Workspace {
    let mut ws = base.clone();
    for (k, o) in ws.opportunities.iter_mut().enumerate() {
        let mine = k % 100 == [3, 7][side];
        let shared = k % 1000 < 30 && k % 10 == 5;
        if !(mine || shared) {
            continue;
        }
        match (k / 100) % 4 {
            0 => o.value = Money(o.value.0 + 100 * 100 * (side as i64 + 1)),
            1 => o.expected_close = Some(today.plus_days(30 + side as i64 * 7)),
            2 => {
                if let Some(i) = o.influences.first_mut() {
                    i.win = format!("side {side}'s view of the win");
                } else {
                    o.product = format!("product {side}");
                }
            }
            _ => {
                if let Some(a) = o.actions.iter_mut().find(|a| a.done.is_none()) {
                    a.done = Some(today);
                } else {
                    o.objective = format!("objective {side}");
                }
            }
        }
        // a shared deal: a field of this side's own, besides
        if shared && k % 3 != 0 {
            match side {
                0 => o.tags.push("ours".into()),
                _ => o.objective = "theirs".into(),
            }
        }
    }
    // 50 new deals a side, under the same next ids on both
    let account = ws.accounts[0].id.clone();
    for n in 0..50 {
        ws.opportunities
            .push(funnel::domain::workspace::Opportunity {
                id: format!("o{}", DEALS + 1 + n),
                title: format!("side {side}'s new deal {n}"),
                account: account.clone(),
                stage: Stage::Qualify,
                value: Money(50_000 * 100),
                created: Some(today),
                ..Default::default()
            });
    }
    ws
}

fn median(runs: &mut [Duration]) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn size(file: &Path) -> String {
    let len = std::fs::metadata(file).map_or(0, |m| m.len());
    format!("{:.0} MB", len as f64 / 1e6)
}
