//! `cargo bench --bench workbench`: keypress to updated frame and start to
//! first frame at 10,000 opportunities, drawn into a 120×40 TestBackend.
//! Saving is measured apart (benches/store.rs): the loop carries it out
//! after the frame's update.

use funnel::domain::Date;
use funnel::store::Store;
use funnel::tui::app::{App, Msg};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let today = Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().unwrap();
    println!(
        "| workspace | start to first frame | j (move) | > then < (stage move + re-sort) | / filter, one letter | Tab (focus) |"
    );
    println!("|---|---|---|---|---|---|");
    for n in [1_000usize, 10_000] {
        let path = dir.path().join(format!("w{n}.json"));
        drop(
            Store::create(
                &path,
                &funnel::synth::workspace(n, 42, today),
                &dir.path().join("data"),
            )
            .unwrap(),
        );

        let starts: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let (store, ws) = Store::open(&path, &dir.path().join("data")).unwrap();
                let app = App::new(ws, today, "bench".into(), None);
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                terminal.draw(|f| views::draw(&app, f)).unwrap();
                let took = start.elapsed();
                drop(store);
                took
            })
            .collect();

        let (_store, ws) = Store::open(&path, &dir.path().join("data")).unwrap();
        let mut app = App::new(ws, today, "bench".into(), None);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut step = |app: &mut App, k: KeyEvent| {
            let start = Instant::now();
            std::hint::black_box(app.update(Msg::Key(k)));
            terminal.draw(|f| views::draw(app, f)).unwrap();
            start.elapsed()
        };
        let moves: Vec<Duration> = (0..300)
            .map(|i| step(&mut app, key(if i % 100 < 50 { 'j' } else { 'k' })))
            .collect();
        let stages: Vec<Duration> = (0..60)
            .map(|i| step(&mut app, key(if i % 2 == 0 { '>' } else { '<' })))
            .collect();
        step(&mut app, key('/'));
        let filters: Vec<Duration> = (0..40)
            .map(|i| {
                step(
                    &mut app,
                    if i % 2 == 0 {
                        key('a')
                    } else {
                        KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)
                    },
                )
            })
            .collect();
        step(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        let tabs: Vec<Duration> = (0..60)
            .map(|_| step(&mut app, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)))
            .collect();
        println!(
            "| synthetic {n} | {} | {} | {} | {} | {} |",
            ms(median(starts)),
            ms(median(moves)),
            ms(median(stages)),
            ms(median(filters)),
            ms(median(tabs))
        );
    }
}
