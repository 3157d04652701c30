//! The buyer-influence map: the pane, the political map, and every edit of
//! a person, through the app's update and its drawn screens.

use crate::common::{press, today, typing};
use funnel::domain::*;
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::Pane;
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

/// The demo with the deal `id` selected and the influence pane focused.
fn on_deal(ws: Workspace, id: &str) -> App {
    let mut app = App::new(ws, today(), "demo".into(), None);
    while app.current_opportunity().unwrap().id != id {
        press(&mut app, KeyCode::Char('j'));
    }
    while app.focus() != Pane::Influences {
        press(&mut app, KeyCode::Tab);
    }
    app
}

fn demo() -> Workspace {
    funnel::store::demo::workspace(today())
}

/// o5 of the demo with `n` made-up people covering roles, attitudes and
/// coverage, the first reporting to nobody and the rest in a hierarchy.
fn with_people(n: usize) -> App {
    let mut ws = demo();
    let o = ws.opportunity_mut("o5").unwrap();
    let names = [
        "王总",
        "刘工",
        "张敏",
        "Anna Becker",
        "陈经理",
        "Tom Walsh",
        "赵总监",
        "Priya Nair",
    ];
    o.influences = (0..n)
        .map(|k| Influence {
            id: format!("p{k}"),
            name: format!(
                "{}{}",
                names[k % names.len()],
                if k >= names.len() { "二" } else { "" }
            ),
            title: ["CFO", "IT director", "采购经理", "Plant manager"][k % 4].into(),
            roles: vec![Role::ALL[k % 4]],
            attitude: Attitude::ALL[k % 6],
            mode: Mode::ALL[k % 5],
            coverage: Coverage((k % 4) as u8),
            influence: Some(Level::ALL[k % 3]),
            reports_to: (k > 0).then(|| format!("p{}", (k - 1) / 2)),
            last_contact: Some(today().plus_days(-(k as i64) - 1)),
            ..Influence::default()
        })
        .collect();
    o.actions.retain(|a| a.influence.is_none());
    // the demo's criteria were held by the people replaced
    for k in &mut o.decision_criteria {
        k.held_by = None;
    }
    on_deal(ws, "o5")
}

#[test]
fn pane_with_no_one_shows_every_role_as_a_gap() {
    let app = with_people(0);
    let s = screen(&app, 80, 24);
    assert!(s.contains("econ  — none identified"), "{s}");
    insta::assert_snapshot!("pane_0_80x24", s);
    let wide = screen(&app, 160, 48);
    for gap in [
        "no economic buyer identified",
        "no user identified",
        "no technical buyer identified",
        "no coach identified",
    ] {
        assert!(wide.contains(gap), "{gap}: {wide}");
    }
    insta::assert_snapshot!("pane_0_160x48", wide);
}

#[test]
fn pane_with_one_person() {
    let app = with_people(1);
    insta::assert_snapshot!("pane_1_80x24", screen(&app, 80, 24));
    let wide = screen(&app, 160, 48);
    assert!(wide.contains("no coach identified"));
    insta::assert_snapshot!("pane_1_160x48", wide);
}

#[test]
fn pane_with_six_people() {
    let app = with_people(6);
    insta::assert_snapshot!("pane_6_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("pane_6_160x48", screen(&app, 160, 48));
}

#[test]
fn pane_with_fifteen_people_scrolls_to_the_selection() {
    let mut app = with_people(15);
    press(&mut app, KeyCode::Char('G'));
    insta::assert_snapshot!("pane_15_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("pane_15_160x48", screen(&app, 160, 48));
}

#[test]
fn political_map_draws_three_levels_of_power_lines() {
    let mut app = on_deal(demo(), "o9");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::PoliticalMap { .. })));
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&app, 120, 32);
    assert!(s.contains("└─") || s.contains("├─"), "{s}");
    insta::assert_snapshot!("political_map_120x32", s);
    insta::assert_snapshot!("political_map_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
}

#[test]
fn adding_a_person_with_two_roles_fills_both_slots() {
    let mut app = with_people(0);
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "周博士");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "CTO");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // economic buyer: yes
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right); // coach: yes
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let p = &app.current_opportunity().unwrap().influences[0];
    assert_eq!(
        (p.id.as_str(), p.name.as_str(), p.title.as_str()),
        ("i1", "周博士", "CTO")
    );
    assert_eq!(p.roles, [Role::Economic, Role::Coach]);
    let s = screen(&app, 160, 48);
    assert!(
        !s.contains("no economic buyer identified") && !s.contains("no coach identified"),
        "{s}"
    );
    assert!(
        s.contains("econ  ? 周博士") && s.contains("coach ? 周博士"),
        "shown in both slots:\n{s}"
    );
}

#[test]
fn a_reporting_loop_is_refused_and_the_form_stays_open() {
    let mut app = with_people(3); // p1 and p2 report to p0
    let before = app.ws.clone();
    // select p0 (economic slot, first row) and make it report to p1
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.selected_person(), Some(0));
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..13 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(
        matches!(app.dialog, Some(Dialog::Form(..))),
        "the form stays open"
    );
    assert!(
        app.status.as_ref().unwrap().0.contains("closes a loop"),
        "{:?}",
        app.status
    );
    assert_eq!(app.ws, before);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, before);
}

#[test]
fn editing_a_person_changes_only_them() {
    let mut app = with_people(3);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typing(&mut app, "Chief Financial Officer");
    for _ in 0..13 {
        press(&mut app, KeyCode::Tab);
    }
    typing(&mut app, "promotion to group CFO");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let people = &app.current_opportunity().unwrap().influences;
    assert_eq!(people[0].title, "Chief Financial Officer");
    assert_eq!(people[0].win, "promotion to group CFO");
    assert_eq!(people[1].title, "IT director");
    assert!(validate::problems(&app.ws).is_empty());
}

#[test]
fn removing_a_person_reattaches_their_reports_and_unlinks_actions() {
    let mut ws = demo();
    let o = ws.opportunity_mut("o9").unwrap();
    let middle = o
        .influences
        .iter()
        .find(|p| {
            p.reports_to.is_some()
                && o.influences
                    .iter()
                    .any(|q| q.reports_to.as_ref() == Some(&p.id))
        })
        .unwrap()
        .clone();
    o.actions.push(Action {
        id: "tx".into(),
        text: "call".into(),
        influence: Some(middle.id.clone()),
        ..Action::default()
    });
    let mut app = on_deal(ws, "o9");
    while app
        .selected_person()
        .map(|i| app.current_opportunity().unwrap().influences[i].id.clone())
        != Some(middle.id.clone())
    {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('d'));
    assert!(screen(&app, 100, 30).contains("Remove"));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    let o = app.current_opportunity().unwrap();
    assert!(o.influences.iter().all(|p| p.id != middle.id));
    assert!(
        o.influences
            .iter()
            .any(|p| p.reports_to == middle.reports_to && p.reports_to.is_some())
    );
    assert_eq!(
        o.actions.iter().find(|a| a.id == "tx").unwrap().influence,
        None
    );
    assert!(validate::problems(&app.ws).is_empty());
    press(&mut app, KeyCode::Char('u'));
    assert!(
        app.current_opportunity()
            .unwrap()
            .influences
            .iter()
            .any(|p| p.id == middle.id)
    );
}

#[test]
fn quick_keys_cycle_attitude_mode_coverage_influence_and_record_a_contact() {
    let mut app = with_people(1);
    let get = |app: &App| app.current_opportunity().unwrap().influences[0].clone();
    let start = get(&app);
    press(&mut app, KeyCode::Char('t'));
    assert_ne!(get(&app).attitude, start.attitude);
    press(&mut app, KeyCode::Char('m'));
    assert_ne!(get(&app).mode, start.mode);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(get(&app).coverage, Coverage((start.coverage.0 + 1) % 4));
    press(&mut app, KeyCode::Char('i'));
    assert_ne!(get(&app).influence, start.influence);
    assert_eq!(press(&mut app, KeyCode::Char('T')), vec![Effect::Save]);
    assert_eq!(get(&app).last_contact, Some(today()));
    assert_eq!(press(&mut app, KeyCode::Char('T')), vec![], "already today");
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(get(&app), start);
    // six presses of t come back round
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('t'));
    }
    assert_eq!(get(&app).attitude, start.attitude);
}

#[test]
fn the_map_gives_the_methods_advice_for_the_selected_person() {
    let mut app = on_deal(demo(), "o9");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, 160, 48);
    let first = &app.current_opportunity().unwrap().influences;
    let root = first
        .iter()
        .find(|p| p.reports_to.is_none() && p.influence == Some(Level::High))
        .unwrap();
    assert!(s.contains(&advice::attitude(root.attitude)[..20]), "{s}");
}

#[test]
fn read_only_refuses_person_edits() {
    let ws = demo();
    let mut app = App::new(
        ws.clone(),
        today(),
        "w".into(),
        Some("read-only: test".into()),
    );
    while app.focus() != Pane::Influences {
        press(&mut app, KeyCode::Tab);
    }
    for k in ['a', 'e', 'd', 't', 'm', 'c', 'i', 'T'] {
        assert_eq!(press(&mut app, KeyCode::Char(k)), vec![], "{k}");
        assert_eq!(app.dialog, None, "{k}");
    }
    assert_eq!(app.ws, ws);
}
