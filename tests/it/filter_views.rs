//! Filters everywhere: view 2 takes view 1's words (about the entry's
//! deal), view 4 its own (`tier:`, `industry:`, `relationship:`), the
//! closed list of view 1 the same as the open one; saved filters in every
//! `/` prompt, one list for all views, `↑`/`↓` stepping through them.

use crate::common::{press, status, today, typing};
use funnel::domain::flags::{self, Rule};
use funnel::domain::{Stage, Tier, Workspace};
use funnel::tui::app::{App, Effect, Msg};
use ratatui::crossterm::event::KeyCode;

fn app_of(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "filters".into(), None);
    app.update(Msg::Resized(100, 30));
    app
}

fn big() -> App {
    app_of(funnel::synth::workspace(600, 16, today()))
}

/// Types `text` in the focused view's `/` prompt and keeps it (Enter).
fn filter(app: &mut App, text: &str) {
    press(app, KeyCode::Char('/'));
    typing(app, text);
    press(app, KeyCode::Enter);
}

/// Clears the focused view's filter.
fn clear(app: &mut App) {
    press(app, KeyCode::Char('/'));
    press(app, KeyCode::Esc);
}

/// The deals of view 2's entries, in list order.
fn entry_deals(app: &App) -> Vec<usize> {
    app.screens
        .actions
        .entries()
        .map(|e| e.opportunity)
        .collect()
}

#[test]
fn view_2_stage_words_keep_only_the_actions_of_deals_in_that_stage() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    let all = app.screens.actions.entries().cloned().collect::<Vec<_>>();
    let negotiate = all
        .iter()
        .filter(|e| app.ws.opportunities[e.opportunity].stage == Stage::Negotiate)
        .count();
    assert!(negotiate > 0 && negotiate < all.len());
    filter(&mut app, "stage:neg");
    let shown = entry_deals(&app);
    assert_eq!(shown.len(), negotiate);
    assert!(
        shown
            .iter()
            .all(|i| app.ws.opportunities[*i].stage == Stage::Negotiate)
    );
    // an unknown key is text: nothing has it
    clear(&mut app);
    assert_eq!(app.screens.actions.len(), all.len());
    filter(&mut app, "foo:bar");
    assert!(app.screens.actions.is_empty());
}

#[test]
fn view_2_flag_words_keep_the_actions_of_deals_with_that_rule_now() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    let ws = app.ws.clone();
    let stalled = |i: &usize| {
        flags::compute(&ws.opportunities[*i], &ws.settings, today())
            .iter()
            .any(|f| f.rule == Rule::Stalled)
    };
    let expected = entry_deals(&app).iter().filter(|i| stalled(i)).count();
    assert!(expected > 0);
    filter(&mut app, "flag:stalled");
    let shown = entry_deals(&app);
    assert_eq!(shown.len(), expected);
    assert!(shown.iter().all(stalled));
}

#[test]
fn view_2_words_and_text_combine_and_plain_text_finds_title_account_owner() {
    let mut ws = funnel::synth::workspace(600, 16, today());
    let open = ws
        .opportunities
        .iter()
        .position(|o| o.is_open() && o.stage == Stage::Drive && !o.actions.is_empty())
        .unwrap();
    ws.opportunities[open].owner = "Zhang Min".into();
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('2'));
    // the owner is text now, as the title and the action's text were
    filter(&mut app, "zhang");
    let shown = entry_deals(&app);
    assert!(!shown.is_empty() && shown.iter().all(|i| *i == open));
    clear(&mut app);
    filter(&mut app, "stage:drive zhang");
    assert_eq!(
        entry_deals(&app),
        shown,
        "the stage and the text both apply"
    );
    clear(&mut app);
    filter(&mut app, "stage:negotiate zhang");
    assert!(app.screens.actions.is_empty());
    // the account name is text too
    clear(&mut app);
    let account = app.ws.opportunities[open].account.clone();
    let name = app
        .ws
        .accounts
        .iter()
        .find(|a| a.id == account)
        .unwrap()
        .name
        .clone();
    filter(&mut app, &name.to_lowercase());
    assert!(entry_deals(&app).contains(&open));
    assert!(
        entry_deals(&app)
            .iter()
            .all(|i| app.ws.opportunities[*i].account == account)
    );
}

#[test]
fn view_2_marks_survive_a_filter_that_hides_them() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Char(' '));
    }
    let marked = app.screens.actions.marks.len();
    assert!(marked > 0);
    filter(&mut app, "stage:nothing-has-this");
    assert!(app.screens.actions.is_empty());
    assert_eq!(
        app.screens.actions.marks.len(),
        marked,
        "hidden, still marked"
    );
    clear(&mut app);
    assert_eq!(app.screens.actions.marks.len(), marked);
}

#[test]
fn view_4_tier_words_narrow_and_text_still_works() {
    let mut app = big();
    press(&mut app, KeyCode::Char('4'));
    let all = app.screens.accounts.rows.len();
    let key = app
        .ws
        .accounts
        .iter()
        .filter(|a| a.tier == Some(Tier::Key))
        .count();
    assert!(key > 0 && key < all);
    filter(&mut app, "tier:key");
    let rows = app.screens.accounts.rows.clone();
    assert_eq!(rows.len(), key);
    assert!(
        rows.iter()
            .all(|i| app.ws.accounts[*i].tier == Some(Tier::Key))
    );
    clear(&mut app);
    filter(&mut app, "tier:key retail");
    let both = app.screens.accounts.rows.clone();
    assert!(both.len() <= key);
    assert!(both.iter().all(|i| {
        let a = &app.ws.accounts[*i];
        let text = a.industry == "retail" || a.name.to_lowercase().contains("retail");
        a.tier == Some(Tier::Key) && text
    }));
    assert!(!both.is_empty());
    clear(&mut app);
    filter(&mut app, "industry:retail");
    let retail = app.screens.accounts.rows.clone();
    assert!(!retail.is_empty());
    assert!(
        retail
            .iter()
            .all(|i| app.ws.accounts[*i].industry == "retail")
    );
    // plain text as before: name or industry
    clear(&mut app);
    let name = app.ws.accounts[3].name.clone();
    filter(&mut app, &name);
    assert!(app.screens.accounts.rows.contains(&3));
}

#[test]
fn the_closed_list_takes_the_words_and_saved_filters_too() {
    let mut ws = funnel::synth::workspace(600, 16, today());
    let closed: Vec<usize> = (0..ws.opportunities.len())
        .filter(|i| !ws.opportunities[*i].is_open())
        .collect();
    assert!(closed.len() > 3);
    ws.opportunities[closed[1]].owner = "Wang Fang".into();
    ws.opportunities[closed[2]].owner = "Wang Fang".into();
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('C'));
    assert!(app.screens.pipeline.closed);
    filter(&mut app, "owner:wang :save wang");
    let mut rows = app.screens.pipeline.rows.clone();
    rows.sort();
    assert_eq!(rows, [closed[1], closed[2]]);
    clear(&mut app);
    assert_eq!(app.screens.pipeline.rows.len(), closed.len());
    filter(&mut app, ":wang");
    assert_eq!(app.screens.pipeline.rows.len(), 2);
    assert!(app.screens.pipeline.closed, "still the closed list");
}

#[test]
fn a_filter_saved_in_view_2_applies_in_view_1_and_delete_and_undo_work() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        {
            press(&mut app, KeyCode::Char('/'));
            typing(&mut app, "stage:neg :save neg");
            press(&mut app, KeyCode::Enter)
        },
        vec![Effect::Save]
    );
    assert_eq!(app.screens.actions.filter.value(), "stage:neg");
    assert_eq!(
        app.ws.settings.saved_filters.get("neg").map(String::as_str),
        Some("stage:neg")
    );
    // view 1: the same words, the same deals
    press(&mut app, KeyCode::Char('1'));
    filter(&mut app, ":neg");
    assert_eq!(app.screens.pipeline.filter.value(), "stage:neg");
    let rows = app.screens.pipeline.rows.clone();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|i| app.ws.opportunities[*i].stage == Stage::Negotiate)
    );
    // :delete of an unknown name says which there are
    clear(&mut app);
    filter(&mut app, ":delete cold");
    assert!(status(&app).contains("saved: neg"), "{}", status(&app));
    // :del removes it, one undo step
    clear(&mut app);
    assert_eq!(
        {
            press(&mut app, KeyCode::Char('/'));
            typing(&mut app, ":del neg");
            press(&mut app, KeyCode::Enter)
        },
        vec![Effect::Save]
    );
    assert!(app.ws.settings.saved_filters.is_empty());
    assert!(status(&app).contains("deleted saved filter \"neg\""));
    press(&mut app, KeyCode::Char('u'));
    assert!(app.ws.settings.saved_filters.contains_key("neg"), "undone");
    // and the save itself is one undo step
    press(&mut app, KeyCode::Char('u'));
    assert!(app.ws.settings.saved_filters.is_empty(), "save undone");
}

#[test]
fn up_and_down_step_through_the_saved_filters_and_apply_them() {
    let mut ws = funnel::synth::workspace(600, 16, today());
    for (name, value) in [
        ("a-drive", "stage:drive"),
        ("b-neg", "stage:neg"),
        ("c-same", "stage:neg"),
    ] {
        ws.settings.saved_filters.insert(name.into(), value.into());
    }
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.screens.pipeline.filter.value(), "stage:drive");
    assert!(
        status(&app).contains("\"a-drive\" (1/3)"),
        "{}",
        status(&app)
    );
    let drive = app.screens.pipeline.rows.clone();
    assert!(
        drive
            .iter()
            .all(|i| app.ws.opportunities[*i].stage == Stage::Drive),
        "applied live"
    );
    press(&mut app, KeyCode::Down);
    assert_eq!(app.screens.pipeline.filter.value(), "stage:neg");
    // two names with the same filter: the step goes on from the one shown
    press(&mut app, KeyCode::Down);
    assert!(
        status(&app).contains("\"c-same\" (3/3)"),
        "{}",
        status(&app)
    );
    press(&mut app, KeyCode::Down);
    assert_eq!(app.screens.pipeline.filter.value(), "stage:drive", "round");
    press(&mut app, KeyCode::Up);
    assert!(status(&app).contains("\"c-same\""), "{}", status(&app));
    // still in the prompt: Enter keeps it
    assert!(app.dialog.is_some());
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.screens.pipeline.filter.value(), "stage:neg");
    // view 4 steps through the same list
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.screens.accounts.filter.value(), "stage:neg");
}

#[test]
fn read_only_refuses_to_save_or_delete_a_filter() {
    let mut ws = funnel::synth::workspace(300, 16, today());
    ws.settings
        .saved_filters
        .insert("hot".into(), "stage:drive".into());
    let before = ws.clone();
    let mut app = App::new(ws, today(), "w".into(), Some("read-only: test".into()));
    app.update(Msg::Resized(100, 30));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "stage:neg :save neg");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(status(&app).contains("not saved"), "{}", status(&app));
    clear(&mut app);
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, ":delete hot");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(status(&app).contains("not deleted"), "{}", status(&app));
    assert_eq!(app.ws, before);
    // applying one still works: it changes nothing in the file
    clear(&mut app);
    filter(&mut app, ":hot");
    assert_eq!(app.screens.actions.filter.value(), "stage:drive");
}

#[test]
fn view_2_flag_words_follow_an_edit_that_clears_the_flag() {
    let mut app = big();
    press(&mut app, KeyCode::Char('2'));
    filter(&mut app, "flag:stalled");
    let first = app.screens.actions.entry(0).unwrap().opportunity;
    let id = app.ws.opportunities[first].id.clone();
    // Enter jumps to the deal in view 1; `>` (or `<`) moves it to another
    // stage today: no longer stalled
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_opportunity().unwrap().id, id);
    press(&mut app, KeyCode::BackTab);
    while app.focus() != funnel::tui::screens::pipeline::Pane::Table {
        press(&mut app, KeyCode::BackTab);
    }
    let step = match app.ws.opportunities[first].stage {
        Stage::Close => '<',
        _ => '>',
    };
    assert_eq!(
        press(&mut app, KeyCode::Char(step)),
        vec![Effect::Save],
        "{}",
        status(&app)
    );
    press(&mut app, KeyCode::Char('2'));
    assert!(
        !entry_deals(&app).contains(&first),
        "the deal's actions left the flag:stalled list"
    );
    press(&mut app, KeyCode::Char('u'));
    assert!(entry_deals(&app).contains(&first), "undo: back");
}

#[test]
fn view_2_text_finds_the_person_an_action_is_with_and_its_owner() {
    let mut ws = funnel::synth::workspace(600, 16, today());
    let open = ws
        .opportunities
        .iter()
        .position(|o| o.is_open() && o.actions.iter().filter(|a| a.is_open()).count() >= 2)
        .unwrap();
    let o = &mut ws.opportunities[open];
    o.influences.push(funnel::domain::Influence {
        id: "qz".into(),
        name: "Quentin Zwanzig".into(),
        ..Default::default()
    });
    let (with, owned) = {
        let mut open_actions = o.actions.iter_mut().filter(|a| a.is_open());
        let first = open_actions.next().unwrap();
        first.influence = Some("qz".into());
        let with = first.id.clone();
        let second = open_actions.next().unwrap();
        second.owner = Some("Xiaoyu Presales".into());
        (with, second.id.clone())
    };
    let mut app = app_of(ws);
    press(&mut app, KeyCode::Char('2'));
    let shown_ids = |app: &App| -> Vec<Option<String>> {
        app.screens
            .actions
            .entries()
            .map(|e| e.action.clone())
            .collect()
    };
    filter(&mut app, "zwanzig");
    assert_eq!(shown_ids(&app), [Some(with)], "{}", status(&app));
    clear(&mut app);
    filter(&mut app, "xiaoyu");
    assert_eq!(shown_ids(&app), [Some(owned)]);
}
