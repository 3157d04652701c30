//! Random key sequences never panic, always leave a valid workspace, and
//! undo all the way back to where they started.

use funnel::domain::{Date, validate};
use funnel::tui::app::App;
use funnel::tui::views;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key_strategy() -> impl Strategy<Value = KeyEvent> {
    let plain = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select("jkgGnedWL<>?/s au ROy12345-.,王2026FvxrztmciTw".chars().collect::<Vec<_>>()).prop_map(plain),
        2 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace,
            KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down, KeyCode::Delete, KeyCode::Home,
        ]).prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['r', 'u', 'c']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_keys_keep_the_workspace_valid_and_undo_restores_it(
        keys in prop::collection::vec(key_strategy(), 1..80),
        (w, h) in prop::sample::select(vec![(80u16, 24u16), (120, 40), (30, 10)]),
    ) {
        let today = Date::parse("2026-11-23").unwrap();
        let start = funnel::store::demo::workspace(today);
        let mut app = App::new(start.clone(), today, "demo".into(), None);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        for key in keys {
            app.on_key(key);
            terminal.draw(|f| views::draw(&app, f)).unwrap();
            let problems = validate::problems(&app.ws);
            prop_assert!(problems.is_empty(), "{:?}", problems);
            if let Some(i) = app.current() {
                prop_assert!(app.ws.opportunities[i].is_open());
            }
        }
        app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        prop_assert!(app.dialog.is_none(), "Esc closes every dialog");
        // undo works in every view but the review walk's own keys; go to view 1
        app.on_key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE));
        for _ in 0..200 {
            app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
        }
        // the review walk's progress marks are bookkeeping, not edits: they
        // are saved as they happen and not undone
        let mut ws = app.ws.clone();
        ws.extra.remove("review_in_progress");
        prop_assert_eq!(&ws, &start);
    }
}
