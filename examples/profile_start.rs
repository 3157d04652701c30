use std::time::Instant;
fn main() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    drop(
        funnel::store::Store::create(
            &path,
            &funnel::synth::workspace(10_000, 42, today),
            &dir.path().join("d"),
        )
        .unwrap(),
    );
    for _ in 0..3 {
        let t = Instant::now();
        let bytes = std::fs::read(&path).unwrap();
        let t1 = t.elapsed();
        let parsed = funnel::store::load::parse(&bytes, &path).unwrap();
        let t2 = t.elapsed();
        let (store, ws) = funnel::store::Store::open(&path, &dir.path().join("d")).unwrap();
        let t3 = t.elapsed();
        let app = funnel::tui::app::App::new(ws, today, "x".into(), None);
        let t4 = t.elapsed();
        drop(parsed);
        let t5 = t.elapsed();
        println!(
            "read {t1:?} parse {:?} open {:?} app {:?} drop {:?}",
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4
        );
        drop(app);
        drop(store);
    }
}
