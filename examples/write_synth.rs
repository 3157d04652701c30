//! Writes the synthetic workspace of N opportunities (default 10,000) to a
//! file, for timing the real binary: `cargo run --release --example
//! write_synth -- 10000 /tmp/w.json`.
fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let path = args.next().unwrap_or_else(|| "synthetic.json".into());
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let ws = funnel::synth::workspace(n, 42, today);
    std::fs::write(&path, funnel::store::to_json_bytes(&ws)).expect("write the workspace");
}
