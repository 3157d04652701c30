//! `cargo bench --bench flags`: every red flag of the 1,000 and 10,000
//! opportunity workspaces (what `funnel flags` computes), the action list
//! and the forecast of the quarter (`funnel forecast`), load excluded.

use funnel::domain::Date;
use std::time::{Duration, Instant};

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let today = Date::parse("2026-11-23").unwrap();
    println!("| workspace | what | median | found |");
    println!("|---|---|---|---|");
    for n in [1_000usize, 10_000] {
        let ws = funnel::synth::workspace(n, 42, today);
        let mut runs: Vec<Duration> = Vec::new();
        let mut found = 0;
        for _ in 0..15 {
            let start = Instant::now();
            let all = funnel::cli::flags::collect(&ws, None, today);
            let ordered = funnel::cli::flags::order(&ws, &all);
            runs.push(start.elapsed());
            found = std::hint::black_box(ordered).len();
        }
        runs.sort();
        let mut list_runs: Vec<Duration> = Vec::new();
        let mut entries = 0;
        for _ in 0..15 {
            let start = Instant::now();
            let list = funnel::domain::priority::list(&ws, today);
            list_runs.push(start.elapsed());
            entries = std::hint::black_box(list).len();
        }
        list_runs.sort();
        let actions: usize = ws.opportunities.iter().map(|o| o.actions.len()).sum();
        println!(
            "| synthetic {n} | action list | {:.1} ms | {entries} entries from {actions} actions |",
            list_runs[list_runs.len() / 2].as_secs_f64() * 1000.0
        );
        println!(
            "| synthetic {n} | all red flags | {:.1} ms | {found} flags |",
            runs[runs.len() / 2].as_secs_f64() * 1000.0
        );
        let quarter = funnel::domain::Period::quarter_of(today);
        let mut forecast_runs: Vec<Duration> = Vec::new();
        let mut behind = 0;
        for _ in 0..15 {
            let start = Instant::now();
            let f = funnel::domain::forecast::compute(&ws, quarter, None, today);
            forecast_runs.push(start.elapsed());
            behind = std::hint::black_box(f).deals.len();
        }
        forecast_runs.sort();
        println!(
            "| synthetic {n} | forecast of {quarter} | {:.2} ms | {behind} deals behind its figures |",
            forecast_runs[forecast_runs.len() / 2].as_secs_f64() * 1000.0
        );
    }
}
