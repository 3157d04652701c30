//! Issue 16, "act on many": `space` and `V` mark rows of view 1 and view 2,
//! `Esc` drops the marks; `>`, `<`, `d` (view 1) and `x`, `r`, `d` (view 2) act
//! on every marked row as one change: one undo step, one save.

use crate::common::{press, status, today, typing};
use funnel::domain::{OutcomeResult, Stage, Workspace};
use funnel::tui::app::{App, Effect, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::ScreenId;
use funnel::tui::views;
use ratatui::crossterm::event::KeyCode;
use ratatui::{Terminal, backend::TestBackend};
use std::collections::BTreeMap;

fn app_on(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "bulk".into(), None);
    app.update(Msg::Resized(100, 30));
    app
}

fn big() -> App {
    app_on(funnel::synth::workspace(600, 3, today()))
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

fn marked_ids(app: &App) -> Vec<String> {
    let p = &app.screens.pipeline;
    let mut ids: Vec<String> = app
        .ws
        .opportunities
        .iter()
        .filter(|o| p.marked(&o.id))
        .map(|o| o.id.clone())
        .collect();
    ids.sort();
    ids
}

fn stages(ws: &Workspace, ids: &[String]) -> BTreeMap<String, Stage> {
    ids.iter()
        .map(|id| (id.clone(), ws.opportunity(id).unwrap().stage))
        .collect()
}

#[test]
fn space_marks_and_moves_down_v_marks_a_range_esc_clears() {
    let mut app = big();
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '));
    }
    assert_eq!(app.screens.pipeline.table.at(), 3, "space moves down");
    assert_eq!(app.screens.pipeline.marks.len(), 3);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.screens.pipeline.marks.len(), 3, "space again unmarks");
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    // from the row unmarked last (row 3) to the selection (row 9), and
    // rows 0 to 2 marked before
    press(&mut app, KeyCode::Char('V'));
    assert_eq!(app.screens.pipeline.marks.len(), 10);
    let screen = draw(&app);
    assert!(screen.contains("10 marked"), "{screen}");
    assert!(screen.contains("●"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.pipeline.marks.len(), 0);
    assert!(status(&app).contains("10 marks cleared"));
    assert_eq!(app.screen, ScreenId::Pipeline, "Esc stays in the view");
    press(&mut app, KeyCode::Esc);
    assert_eq!(status(&app), "nothing is marked");
}

#[test]
fn fifty_deals_move_one_stage_in_one_save_and_one_undo_restores_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let ws = funnel::synth::workspace(600, 3, today());
    let mut store = funnel::store::Store::create(&path, &ws, &dir.path().join("data")).unwrap();
    let mut app = app_on(ws.clone());
    for _ in 0..50 {
        press(&mut app, KeyCode::Char(' '));
    }
    let ids = marked_ids(&app);
    assert_eq!(ids.len(), 50);
    let before = stages(&app.ws, &ids);
    assert_eq!(press(&mut app, KeyCode::Char('>')), vec![Effect::Save]);
    assert!(
        status(&app).starts_with("moved 50 deals"),
        "{}",
        status(&app)
    );
    store.save(&app.ws).unwrap();
    let on_disk = crate::common::read_workspace(&path);
    for (id, stage) in stages(&on_disk, &ids) {
        assert_eq!(Some(stage), before[&id].next(), "{id}");
    }
    assert_eq!(marked_ids(&app), ids, "the marks follow the deals");
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert!(status(&app).starts_with("undone: moved 50 deals"));
    store.save(&app.ws).unwrap();
    assert_eq!(crate::common::read_workspace(&path), ws, "one undo step");
    // the first rows are in the first stage: none can go back
    press(&mut app, KeyCode::Char('<'));
    assert!(status(&app).contains("already in"), "{}", status(&app));
}

#[test]
fn closed_deals_are_skipped_and_counted() {
    let mut app = big();
    for _ in 0..4 {
        press(&mut app, KeyCode::Char(' '));
    }
    let ids = marked_ids(&app);
    let i = app
        .ws
        .opportunities
        .iter()
        .position(|o| o.id == ids[0])
        .unwrap();
    app.ws.opportunities[i].close(OutcomeResult::Lost, today(), "");
    press(&mut app, KeyCode::Char('>'));
    let said = status(&app);
    assert!(said.contains("moved 3 deals"), "{said}");
    assert!(said.contains("1 closed skipped"), "{said}");
}

#[test]
fn marks_survive_sorting_and_a_filter_and_deleting_asks_once() {
    let mut app = big();
    for _ in 0..5 {
        press(&mut app, KeyCode::Char(' '));
    }
    let ids = marked_ids(&app);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(marked_ids(&app), ids, "sorted");
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "zzz no such deal");
    press(&mut app, KeyCode::Enter);
    assert!(app.screens.pipeline.rows.is_empty());
    assert_eq!(marked_ids(&app), ids, "filtered out, still marked");
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    let n = app.ws.opportunities.len();
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![]);
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("no question: {:?}", app.dialog)
    };
    assert!(c.question.contains("5 deals marked"), "{}", c.question);
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(app.ws.opportunities.len(), n - 5);
    assert!(
        app.screens.pipeline.marks.is_empty(),
        "gone deals, gone marks"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws.opportunities.len(), n);
    assert!(ids.iter().all(|id| app.ws.opportunity(id).is_some()));
}

/// View 2's marked actions, as (deal, action) ids.
fn marked_actions(app: &App) -> Vec<(String, String)> {
    let mut v: Vec<_> = app.screens.actions.marks.keys().cloned().collect();
    v.sort();
    v
}

fn action<'a>(ws: &'a Workspace, key: &(String, String)) -> &'a funnel::domain::Action {
    let o = ws.opportunity(&key.0).unwrap();
    o.actions.iter().find(|a| a.id == key.1).unwrap()
}

#[test]
fn view_2_marks_actions_and_marks_them_done_or_reschedules_them_at_once() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    for _ in 0..12 {
        press(&mut app, KeyCode::Char(' '));
    }
    let marked = marked_actions(&app);
    assert!(marked.len() >= 4, "{marked:?}");
    assert!(draw(&app).contains(&format!("{} marked", marked.len())));
    // reschedule: the prompt once, applied to all
    press(&mut app, KeyCode::Char('r'));
    assert!(
        matches!(&app.dialog, Some(Dialog::Reschedule { more, .. }) if more.len() + 1 == marked.len())
    );
    typing(&mut app, "w");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let due = today().plus_days(7);
    assert!(marked.iter().all(|k| action(&app.ws, k).due == Some(due)));
    assert_eq!(marked_actions(&app), marked, "still marked");
    // done: one change; the done actions leave the list and their marks go
    let before = app.ws.clone();
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert!(status(&app).contains(&format!("{} actions done", marked.len())));
    assert!(
        marked
            .iter()
            .all(|k| action(&app.ws, k).done == Some(today()))
    );
    assert!(app.screens.actions.marks.is_empty());
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, before, "one undo");
}

fn action_count(ws: &Workspace) -> usize {
    ws.opportunities.iter().map(|o| o.actions.len()).sum()
}

#[test]
fn view_2_d_deletes_the_selected_action_or_every_marked_one_after_asking() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    let n = action_count(&app.ws);
    // the selected action: asked, then gone
    let first = app.screens.actions.selected().unwrap().action.clone();
    assert!(first.is_some(), "the top entry is an action");
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![]);
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("no question: {:?}", app.dialog)
    };
    assert!(
        c.question.starts_with("Delete the action"),
        "{}",
        c.question
    );
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(action_count(&app.ws), n - 1);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(action_count(&app.ws), n);
    // every marked one: one question, one change, one undo
    for _ in 0..12 {
        press(&mut app, KeyCode::Char(' '));
    }
    let marked = marked_actions(&app);
    assert!(marked.len() >= 4, "{marked:?}");
    let before = app.ws.clone();
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![]);
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("no question: {:?}", app.dialog)
    };
    let asked = format!("Delete the {} actions marked?", marked.len());
    assert_eq!(c.question, asked);
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(action_count(&app.ws), n - marked.len());
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, before, "one undo");
    // a suggestion is not an action
    press(&mut app, KeyCode::Esc);
    let at = app
        .screens
        .actions
        .entries()
        .position(|e| e.action.is_none())
        .expect("the synthetic pipeline has a suggestion");
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![]);
    assert!(app.dialog.is_none());
    assert!(status(&app).contains("not an action"), "{}", status(&app));
    assert_eq!(app.ws, before);
}

#[test]
fn the_help_lists_the_marking_keys() {
    let mut app = big();
    press(&mut app, KeyCode::Char('?'));
    let screen = draw(&app);
    assert!(screen.contains("mark or unmark the deal"), "{screen}");
}

/// The deals of the table's first rows sorted by value (an order a close
/// date does not change).
fn top_by_value(ws: &Workspace, n: usize) -> Vec<String> {
    let mut app = app_on(ws.clone());
    press(&mut app, KeyCode::Char('s'));
    app.screens.pipeline.rows[..n]
        .iter()
        .map(|i| app.ws.opportunities[*i].id.clone())
        .collect()
}

fn shows(ws: &Workspace, id: &str, rule: funnel::domain::flags::Rule) -> bool {
    let o = ws.opportunity(id).unwrap();
    funnel::domain::flags::visible(o, &ws.settings, today())
        .iter()
        .any(|f| f.rule == rule)
}

#[test]
fn z_snoozes_one_rule_on_the_marked_deals_and_one_undo_wakes_them() {
    use funnel::domain::flags::Rule;
    let mut ws = funnel::synth::workspace(600, 3, today());
    let top = top_by_value(&ws, 3);
    // two of the three have no close date; the third has one
    for (k, id) in top.iter().enumerate() {
        let o = ws.opportunities.iter_mut().find(|o| &o.id == id).unwrap();
        o.expected_close = (k == 2).then(|| today().plus_days(30));
    }
    let mut app = app_on(ws);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '));
    }
    let mut sorted = top.clone();
    sorted.sort();
    assert_eq!(marked_ids(&app), sorted);
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('z'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form: {}", status(&app));
    };
    assert!(form.title.contains("3 deals"), "{}", form.title);
    // the rule: cycled to no-close-date, which says how many deals have it
    for _ in 0..20 {
        let Some(Dialog::Form(form, _)) = &app.dialog else {
            panic!("the form closed");
        };
        if form.fields[0].input.value().starts_with("no-close-date") {
            break;
        }
        press(&mut app, KeyCode::Right);
    }
    let screen = draw(&app);
    assert!(screen.contains("no-close-date (2 deals)"), "{screen}");
    // the date shows what it means before saving
    let until = today().plus_days(14);
    assert!(screen.contains(&until.to_string()), "{screen}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "waiting for the budget round");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(app.dialog, None);
    assert_eq!(
        status(&app),
        format!("snoozed \"no-close-date\" on 2 deals until {until} · 1 without it skipped")
    );
    for id in &top[..2] {
        assert!(shows(&before, id, Rule::NoCloseDate));
        assert!(!shows(&app.ws, id, Rule::NoCloseDate), "{id} snoozed");
    }
    assert_eq!(
        app.ws.opportunity(&top[2]),
        before.opportunity(&top[2]),
        "without it: untouched"
    );
    // one undo brings them all back
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, before);
    assert!(
        top[..2]
            .iter()
            .all(|id| shows(&app.ws, id, Rule::NoCloseDate))
    );
}

#[test]
fn z_without_marks_snoozes_on_the_selected_deal_and_refuses_read_only() {
    let ws = funnel::synth::workspace(600, 3, today());
    let mut app = app_on(ws.clone());
    press(&mut app, KeyCode::Char('z'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form: {}", status(&app));
    };
    assert!(form.title.contains("1 deal"), "{}", form.title);
    assert!(
        form.fields[0].input.value().ends_with("(1 deal)"),
        "{}",
        form.fields[0].input.value()
    );
    let mut app = App::new(
        ws.clone(),
        today(),
        "bulk".into(),
        Some("read-only: test".into()),
    );
    app.update(Msg::Resized(100, 30));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(press(&mut app, KeyCode::Char('z')), vec![]);
    assert_eq!(app.dialog, None);
    assert_eq!(app.ws, ws);
}

/// The table after a bulk edit and its undo is in the order a fresh sort
/// gives (undoing `>` on five marked deals once left it out of order).
#[test]
fn the_table_stays_sorted_after_a_bulk_move_and_its_undo() {
    let mut app = crate::common::demo_app();
    app.update(Msg::Resized(80, 24));
    let sorted = |app: &App| {
        let rows = &app.screens.pipeline.rows;
        let key = |i: &usize| {
            let o = &app.ws.opportunities[*i];
            (o.stage, o.expected_close.is_none(), o.expected_close, *i)
        };
        rows.windows(2).all(|w| key(&w[0]) <= key(&w[1]))
    };
    assert!(sorted(&app));
    for keys in ["g     >", "g     >>", "G  <"] {
        for c in keys.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        assert!(sorted(&app), "after {keys:?}");
        press(&mut app, KeyCode::Char('u'));
        assert!(sorted(&app), "after {keys:?} and u");
        press(&mut app, KeyCode::Esc);
    }
}

#[test]
fn one_mark_cleared_is_one_mark() {
    let mut app = big();
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Esc);
    assert!(status(&app).contains("1 mark cleared"), "{}", status(&app));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Esc);
    assert!(status(&app).contains("1 mark cleared"), "{}", status(&app));
}
