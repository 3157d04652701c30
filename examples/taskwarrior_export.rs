//! Writes the open actions of the synthetic 10,000-opportunity workspace as
//! taskwarrior import JSON, for the comparison in BENCHMARKS.md.
fn main() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let ws = funnel::synth::workspace(10_000, 42, today);
    let mut out = Vec::new();
    for o in ws.opportunities.iter().filter(|o| o.is_open()) {
        for a in o.actions.iter().filter(|a| a.is_open()) {
            let mut t = serde_json::json!({
                "description": format!("{} — {}", a.text, o.title),
                "status": "pending",
                "entry": format!("{}T000000Z", a.created.unwrap_or(today).0.format("%Y%m%d")),
                "project": o.id,
            });
            if let Some(d) = a.due {
                t["due"] = format!("{}T000000Z", d.0.format("%Y%m%d")).into();
            }
            out.push(t);
        }
    }
    println!("{}", serde_json::to_string(&out).unwrap());
}
