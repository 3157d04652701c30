//! Actions on a deal (add, edit, done, delete, reschedule) and view 2, the
//! prioritised action list, through the app's update.

use crate::common::{press, today, typing};
use funnel::domain::Date;
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::{Pane, ScreenId};
use ratatui::crossterm::event::KeyCode;

fn demo() -> App {
    App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    )
}

fn on_actions_pane(id: &str) -> App {
    let mut app = demo();
    while app.current_opportunity().unwrap().id != id {
        press(&mut app, KeyCode::Char('j'));
    }
    while app.focus() != Pane::Actions {
        press(&mut app, KeyCode::Tab);
    }
    app
}

fn actions(app: &App) -> Vec<funnel::domain::Action> {
    app.current_opportunity().unwrap().actions.clone()
}

#[test]
fn add_an_action_linked_to_a_person() {
    let mut app = on_actions_pane("o5");
    let n = actions(&app).len();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Lunch with 王总");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // the first person
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let a = actions(&app).last().unwrap().clone();
    assert_eq!(actions(&app).len(), n + 1);
    assert_eq!(
        (a.text.as_str(), a.due, a.created),
        ("Lunch with 王总", Some(today().plus_days(1)), Some(today()))
    );
    assert_eq!(
        a.influence.as_deref(),
        Some(app.current_opportunity().unwrap().influences[0].id.as_str())
    );
}

#[test]
fn edit_done_again_and_delete() {
    let mut app = on_actions_pane("o5");
    let first = funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())
        [0]
    .clone();
    press(&mut app, KeyCode::Char('e'));
    typing(&mut app, " (with agenda)");
    press(&mut app, KeyCode::Enter);
    let find = |app: &App| actions(app).into_iter().find(|a| a.id == first.id);
    assert_eq!(
        find(&app).unwrap().text,
        format!("{} (with agenda)", first.text)
    );
    // the demo's first action of o5 is a call: x asks for the debrief
    // first, and Enter with nothing written marks it done
    assert!(first.is_conversation(), "the test expects a call");
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![]);
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(find(&app).unwrap().done, Some(today()));
    // the done action moves down the pane; find it and open it again
    while funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())
        [app.detail_selection(Pane::Actions)]
    .id != first.id
    {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(find(&app).unwrap().done, None);
    // open again, it moved up among the open ones: the selection follows
    assert_eq!(
        funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())
            [app.detail_selection(Pane::Actions)]
        .id,
        first.id
    );
    press(&mut app, KeyCode::Char('g'));
    let top = funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())[0]
        .id
        .clone();
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert!(actions(&app).iter().all(|a| a.id != top));
}

#[test]
fn reschedule_with_quick_picks_or_a_typed_date() {
    let mut app = on_actions_pane("o5");
    let id = funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())[0]
        .id
        .clone();
    let due = |app: &App| actions(app).into_iter().find(|a| a.id == id).unwrap().due;
    for (key, expected) in [
        ('t', today()),
        ('m', today().plus_days(1)),
        ('w', today().plus_days(7)),
    ] {
        press(&mut app, KeyCode::Char('r'));
        press(&mut app, KeyCode::Char(key));
        press(&mut app, KeyCode::Enter);
        assert_eq!(due(&app), Some(expected), "{key}");
        // keep the same action selected (its place may change)
        while funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())
            [app.detail_selection(Pane::Actions)]
        .id != id
        {
            press(&mut app, KeyCode::Char('j'));
        }
    }
    press(&mut app, KeyCode::Char('r'));
    typing(&mut app, "2026-13-01");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("not a day of the calendar")
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "2027-1-5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(due(&app), Date::parse("2027-01-05"));
    // every form a date field takes: `thu` is no longer `t` for today
    while funnel::domain::opportunity::actions_in_order(app.current_opportunity().unwrap())
        [app.detail_selection(Pane::Actions)]
    .id != id
    {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('r'));
    typing(&mut app, "thu");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        due(&app),
        Some(today().plus_days(3)),
        "the Thursday after Monday"
    );
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(due(&app), Some(today().plus_days(3)));
}

#[test]
fn view_two_lists_by_score_and_acts_in_place() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.screen, ScreenId::Actions);
    let scores: Vec<f64> = app.screens.actions.entries().map(|e| e.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    let first = app.screens.actions.entry(0).unwrap().clone();
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert!(
        !app.screens
            .actions
            .entries()
            .any(|e| e.action == first.action && e.opportunity == first.opportunity),
        "done leaves the list"
    );
    press(&mut app, KeyCode::Char('u'));
    assert!(
        app.screens
            .actions
            .entries()
            .any(|e| e.action == first.action && e.opportunity == first.opportunity)
    );
}

#[test]
fn a_suggestion_becomes_an_action_and_leaves_the_suggestions() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('2'));
    while !app
        .screens
        .actions
        .entry(app.screens.actions.cursor.at())
        .unwrap()
        .suggested()
    {
        press(&mut app, KeyCode::Char('j'));
    }
    let s = app
        .screens
        .actions
        .entry(app.screens.actions.cursor.at())
        .unwrap()
        .clone();
    assert_eq!(
        press(&mut app, KeyCode::Char('x')),
        vec![],
        "a suggestion is not an action yet"
    );
    assert_eq!(press(&mut app, KeyCode::Char('a')), vec![Effect::Save]);
    assert!(
        !app.screens
            .actions
            .entries()
            .any(|e| e.suggested() && e.opportunity == s.opportunity && e.flag == s.flag)
    );
    assert!(
        app.ws.opportunities[s.opportunity]
            .actions
            .iter()
            .any(|a| a.text == s.text && a.is_open())
    );
}

#[test]
fn enter_jumps_to_the_deal_and_filter_narrows() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "ERP rollout");
    press(&mut app, KeyCode::Enter);
    assert!(!app.screens.actions.is_empty());
    assert!(app.screens.actions.entries().all(|e| {
        app.ws.opportunities[e.opportunity]
            .title
            .contains("ERP rollout")
            || e.text.contains("ERP rollout")
    }));
    let e = app.screens.actions.entry(0).unwrap().clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.focus(), Pane::Actions);
    assert_eq!(app.current(), Some(e.opportunity));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        app.screens.actions.filter.value(),
        "ERP rollout",
        "each view keeps its own filter"
    );
}

#[test]
fn view_two_at_80x24_and_wide() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| funnel::tui::views::draw(&app, f))
            .unwrap();
        insta::assert_snapshot!(
            format!("actions_view_{w}x{h}"),
            terminal.backend().to_string()
        );
    }
}

/// Issue 16: the figures of "Why is it here?" were not aligned (a wrapping
/// paragraph trimmed their padding): they end in one column.
#[test]
fn the_why_figures_are_right_aligned_in_one_column() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('2'));
    for _ in 0..5 {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| funnel::tui::views::draw(&app, f))
            .unwrap();
        let screen = terminal.backend().to_string();
        let lines: Vec<&str> = screen.lines().collect();
        let why = lines
            .iter()
            .position(|l| l.contains("Why is it here?"))
            .unwrap();
        // the figure rows: a number, two spaces, the factor; each ends at
        // the same column
        let ends: Vec<usize> = lines[why + 3..]
            .iter()
            .filter_map(|l| {
                let l = l.trim_start_matches('"');
                let end = l.find("  ")?;
                let figure = l[..end].trim_start();
                figure.parse::<f64>().ok().map(|_| end)
            })
            .collect();
        assert!(ends.len() >= 2, "{screen}");
        assert!(ends.iter().all(|e| *e == ends[0]), "{ends:?}\n{screen}");
        press(&mut app, KeyCode::Char('j'));
    }
}
