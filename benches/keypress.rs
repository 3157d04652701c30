//! `cargo bench --bench keypress`: keypress to frame for an edit in the
//! real binary, in tmux. The workbench runs on a synthetic workspace
//! (10,000 deals; `FUNNEL_BENCH_100K=1` adds 100,000), `>` and `<` are
//! sent in turn, and `tmux capture-pane` is polled until the status line
//! shows the new stage move; then a filter typed a letter at a time and
//! the board's `l`/`h`, each until the title shows what the key asked
//! for. Each figure includes one capture's latency
//! (a few ms: the "capture only" column). `FUNNEL_BIN` times another build
//! (the one before the saver thread, for BENCHMARKS.md).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The status line's edit label, without "· saving…" / "· saved".
fn status(session: &str) -> String {
    let pane = tmux(&["capture-pane", "-p", "-t", session]);
    let last = pane
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    last.split(" · ").next().unwrap_or("").trim().to_owned()
}

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d[d.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn measure(bin: &str, file: &Path, n: usize, presses: usize) -> Figures {
    let session = format!("funnel-bench-{}-{n}", std::process::id());
    let command = format!("{bin} --workspace {}", file.display());
    let start = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        &session,
        &command,
    ]);
    // the first frame shows the pipeline's title
    while !tmux(&["capture-pane", "-p", "-t", &session]).contains(" Deals · ") {
        assert!(start.elapsed() < Duration::from_secs(120), "no first frame");
        std::thread::sleep(Duration::from_millis(2));
    }
    let first_frame = start.elapsed();
    let captures: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            status(&session);
            t.elapsed()
        })
        .collect();
    let mut times = Vec::new();
    let mut before = status(&session);
    // the first edit lands while the saver still reads its own copy of the
    // file; then wait for that save, so the rest measure the steady state
    let mut first_edit = Duration::ZERO;
    for i in 0..=presses {
        if i == 1 {
            let t = Instant::now();
            while tmux(&["capture-pane", "-p", "-t", &session]).contains("saving…") {
                assert!(t.elapsed() < Duration::from_secs(300), "never saved");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let key = if i % 2 == 0 { ">" } else { "<" };
        let t = Instant::now();
        tmux(&["send-keys", "-t", &session, key]);
        loop {
            let now = status(&session);
            if now.contains('→') && now != before {
                before = now;
                break;
            }
            assert!(t.elapsed() < Duration::from_secs(120), "no frame for {key}");
        }
        if i == 0 {
            first_edit = t.elapsed();
        } else {
            times.push(t.elapsed());
        }
        // a typing pace, not a flood: the saves run behind
        std::thread::sleep(Duration::from_millis(150));
    }
    let filter = filter_letters(&session);
    let board = board_moves(&session);
    tmux(&["send-keys", "-t", &session, "q"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux(&["kill-session", "-t", &session]);
    Figures {
        first_frame,
        first_edit,
        edit: median(times),
        capture: median(captures),
        filter,
        board,
    }
}

struct Figures {
    first_frame: Duration,
    first_edit: Duration,
    edit: Duration,
    capture: Duration,
    filter: Duration,
    board: Duration,
}

/// Sends `key` and polls the screen until `done` says the frame shows
/// what the key asked for.
fn until(session: &str, key: &str, done: impl Fn(&str) -> bool) -> Duration {
    let t = Instant::now();
    tmux(&["send-keys", "-t", session, "-l", key]);
    while !done(&tmux(&["capture-pane", "-p", "-t", session])) {
        assert!(t.elapsed() < Duration::from_secs(60), "no frame for {key}");
    }
    t.elapsed()
}

/// `/stage:drive acme` typed a letter at a time (every letter refilters
/// the 10,000 deals): the median of the letters, each until the list's
/// title shows the filter typed so far.
fn filter_letters(session: &str) -> Duration {
    let typed = "stage:drive acme";
    until(session, "/", |s| {
        s.contains("Filter") || s.contains("filter")
    });
    let times = typed
        .char_indices()
        .map(|(i, c)| {
            let shown = format!("(filter \"{}\")", &typed[..i + c.len_utf8()]);
            let t = until(session, &c.to_string(), |s| s.contains(&shown));
            std::thread::sleep(Duration::from_millis(60));
            t
        })
        .collect();
    tmux(&["send-keys", "-t", session, "Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    median(times)
}

/// The board (`b`), then `l` and `h` in turn: the median of the moves,
/// each until the board's title shows the new position.
fn board_moves(session: &str) -> Duration {
    let position = |s: &str| {
        s.lines()
            .find_map(|l| l.split(" Board · ").nth(1))
            .map(|rest| rest.split(" · ").next().unwrap_or("").to_owned())
    };
    until(session, "b", |s| position(s).is_some());
    let mut before = position(&tmux(&["capture-pane", "-p", "-t", session]));
    let times = (0..20)
        .map(|i| {
            let key = if i % 2 == 0 { "l" } else { "h" };
            let t = until(session, key, |s| {
                let now = position(s);
                now.is_some() && now != before
            });
            before = position(&tmux(&["capture-pane", "-p", "-t", session]));
            std::thread::sleep(Duration::from_millis(60));
            t
        })
        .collect();
    tmux(&["send-keys", "-t", session, "b"]);
    median(times)
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("tmux is not installed: skipped");
        return;
    }
    let bin = std::env::var("FUNNEL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_funnel").into());
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut sizes = vec![(10_000, 21)];
    if std::env::var_os("FUNNEL_BENCH_100K").is_some() {
        sizes.push((100_000, 7));
    }
    println!("binary: {bin}");
    println!(
        "| workspace | start to first frame | first edit to frame | `>`/`<` to frame (median, after the first save) | `/stage:drive acme`, a letter to frame (median) | board `l`/`h` to frame (median) | capture only |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (n, presses) in sizes {
        let file = dir.path().join(format!("w{n}.json"));
        let ws = funnel::synth::workspace(n, 42, today);
        std::fs::write(&file, funnel::store::to_json_bytes(&ws)).unwrap();
        drop(ws);
        let f = measure(&bin, &file, n, presses);
        println!(
            "| synthetic {n} | {} | {} | {} | {} | {} | {} |",
            ms(f.first_frame),
            ms(f.first_edit),
            ms(f.edit),
            ms(f.filter),
            ms(f.board),
            ms(f.capture)
        );
    }
}
