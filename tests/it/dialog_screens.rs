//! Every dialog and form, and the help overlay of every view and pane, as
//! drawn at 80×24: the keys they show come from the keymap.

use funnel::tui::app::{App, Msg};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn demo() -> App {
    crate::common::demo_app()
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

/// Plays `keys`: `\t` is Tab, every other character is typed.
fn play(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = if c == '\t' {
            KeyCode::Tab
        } else {
            KeyCode::Char(c)
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn shows(keys: &str) -> String {
    let mut app = demo();
    play(&mut app, keys);
    assert!(app.dialog.is_some(), "{keys:?} opens a dialog");
    screen(&app)
}

#[test]
fn help_in_every_view_and_pane() {
    let places = [
        ("help_1_opportunities", ""),
        ("help_1_qualification", "\t"),
        ("help_1_influences", "\t\t"),
        ("help_1_flags", "\t\t\t"),
        ("help_1_actions", "\t\t\t\t"),
        ("help_1_log", "\t\t\t\t\t"),
        ("help_2_action_list", "2"),
        ("help_3_funnel", "3"),
        ("help_4_accounts", "4"),
        ("help_4_account_profile", "4\t"),
        ("help_4_account_plan", "4\t\t"),
        ("help_4_account_credit", "4\t\t\t"),
        ("help_4_account_complaints", "4\t\t\t\t"),
        ("help_4_account_satisfaction", "4\t\t\t\t\t"),
        ("help_4_account_contacts", "4\t\t\t\t\t\t"),
        ("help_4_account_deals", "4\t\t\t\t\t\t\t"),
        ("help_4_account_timeline", "4\t\t\t\t\t\t\t\t"),
        ("help_5_review", "5"),
        ("help_6_analysis", "6"),
    ];
    for (name, keys) in places {
        insta::assert_snapshot!(name, shows(&format!("{keys}?")));
    }
}

#[test]
fn every_form_at_80x24() {
    let forms = [
        ("form_new_opportunity", "n"),
        ("form_edit_opportunity", "e"),
        ("form_won", "W"),
        ("form_lost", "L"),
        ("form_log_entry", "\t\t\t\t\ta"),
        ("form_new_influence", "\t\ta"),
        ("form_edit_influence", "\t\te"),
        ("form_new_flag", "\t\t\ta"),
        ("form_snooze", "\t\t\tz"),
        ("form_new_action", "\t\t\t\ta"),
        ("form_edit_action", "\t\t\t\te"),
        ("form_new_account", "4a"),
        ("form_edit_account", "4e"),
    ];
    for (name, keys) in forms {
        insta::assert_snapshot!(name, shows(keys));
    }
}

#[test]
fn every_question_and_prompt_at_80x24() {
    let dialogs = [
        ("confirm_delete_deal", "d"),
        ("confirm_remove_person", "\t\td"),
        ("confirm_delete_action", "\t\t\t\td"),
        ("reschedule_prompt", "\t\t\t\tr2026-12"),
        ("filter_pipeline", "/erp"),
        ("filter_action_list", "2/call"),
        ("political_map", "\t\t\n"),
    ];
    for (name, keys) in dialogs {
        let keys = keys.replace('\n', "");
        let mut app = demo();
        play(&mut app, &keys);
        if name == "political_map" {
            app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        }
        assert!(app.dialog.is_some(), "{name} is open");
        insta::assert_snapshot!(name, screen(&app));
    }
    // an account nobody uses can be deleted: make one, then ask
    let mut app = demo();
    play(&mut app, "4aNew Co");
    app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    play(&mut app, "d");
    insta::assert_snapshot!("confirm_delete_account", screen(&app));
}

/// Issue 16: forms showed the enum words (`decision_maker`); they show the
/// labels, and saving keeps the word.
#[test]
fn forms_show_labels_and_save_the_words() {
    let mut app = demo();
    play(&mut app, "\t\te");
    let screen = screen(&app);
    assert!(screen.contains("‹ decision maker ›"), "{screen}");
    assert!(!screen.contains("decision_maker"), "{screen}");
    let o = app.current_opportunity().unwrap().id.clone();
    let before = app.ws.opportunity(&o).unwrap().influences.clone();
    app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(app.dialog.is_none());
    assert_eq!(app.ws.opportunity(&o).unwrap().influences, before);
    assert!(
        serde_json::to_string(&app.ws)
            .unwrap()
            .contains("\"decision_maker\""),
        "the saved word"
    );
}

#[test]
fn help_at_80x24_leaves_no_key_out_and_scrolls_to_every_one() {
    // the deal table has the most keys of any pane: each one's label must be
    // on a screen of the help, at the start of its line, with its whole text
    for keys in ["", "\t", "2", "4", "4\t\t\t", "4\t\t\t\t\t\t\t\t", "5", "b"] {
        let mut app = demo();
        app.update(Msg::Resized(80, 24));
        play(&mut app, &format!("{keys}?"));
        let Some(funnel::tui::dialog::Dialog::Help { scopes, .. }) = app.dialog.clone() else {
            panic!("{keys:?}? opens the help");
        };
        // PgDn until the footer says the last line shows
        let mut seen = String::new();
        for _ in 0..20 {
            let text = screen(&app);
            seen.push_str(&text);
            let last = text.contains("any key closes")
                || text.lines().any(|l| {
                    l.split("lines ")
                        .nth(1)
                        .and_then(|r| r.split(" · ").next())
                        .and_then(|r| r.split_once(" of "))
                        .is_some_and(|(range, total)| range.ends_with(&format!("–{total}")))
                });
            if last {
                break;
            }
            app.update(Msg::Key(KeyEvent::new(
                KeyCode::PageDown,
                KeyModifiers::NONE,
            )));
            assert!(app.dialog.is_some(), "PgDn scrolls, it does not close");
        }
        let wanted = funnel::tui::keymap::bindings_in_effect(scopes)
            .into_iter()
            .chain(funnel::tui::keymap::bindings_for(&[
                funnel::tui::keymap::Scope::Help,
            ]));
        for b in wanted {
            assert!(
                seen.contains(&format!("│ {} ", b.label)),
                "{:?} is missing from the help after {keys:?}:\n{seen}",
                b.label
            );
            // the first words of its text, uncut, beside it
            let first: String = b
                .help
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(seen.contains(&first), "{:?}: {first:?} not shown", b.label);
        }
        // any other key closes it
        play(&mut app, "x");
        assert!(app.dialog.is_none());
    }
}

/// The merge conflicts' list and its help (`?` in the list), from the
/// one keymap like every dialog's.
#[test]
fn the_merge_conflicts_list_and_its_help() {
    let mut app = App::new(
        crate::conflicts_tui::conflicted(),
        crate::common::today(),
        "demo".into(),
        None,
    );
    play(&mut app, "M");
    insta::assert_snapshot!("merge_conflicts", screen(&app));
    play(&mut app, "?");
    insta::assert_snapshot!("help_merge_conflicts", screen(&app));
}
