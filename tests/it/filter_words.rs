//! Issue 16, filters: `stage:`, `owner:`, `tag:`, `flag:` and `account:`
//! words in view 1's `/` filter, with the text; saved filters.

use crate::common::{press, today, typing};
use funnel::domain::{Opportunity, Stage, Workspace};
use funnel::tui::app::{App, Msg};
use ratatui::crossterm::event::KeyCode;

fn app_of(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "filters".into(), None);
    app.update(Msg::Resized(100, 30));
    app
}

fn big() -> App {
    app_of(funnel::synth::workspace(2400, 16, today()))
}

/// Types `filter` in view 1's `/` prompt and keeps it.
fn filter(app: &mut App, text: &str) {
    press(app, KeyCode::Char('/'));
    typing(app, text);
    press(app, KeyCode::Enter);
}

fn shown(app: &App) -> Vec<&Opportunity> {
    app.screens
        .pipeline
        .rows
        .iter()
        .map(|i| &app.ws.opportunities[*i])
        .collect()
}

fn account_name<'a>(ws: &'a Workspace, o: &Opportunity) -> &'a str {
    ws.accounts
        .iter()
        .find(|a| a.id == o.account)
        .map_or("", |a| a.name.as_str())
}

#[test]
fn stage_words_keep_only_that_stage_and_several_are_either() {
    let mut app = big();
    let drive = app
        .ws
        .opportunities
        .iter()
        .filter(|o| o.is_open() && o.stage == Stage::Drive)
        .count();
    assert!(drive > 0);
    filter(&mut app, "stage:drive");
    assert_eq!(shown(&app).len(), drive);
    assert!(shown(&app).iter().all(|o| o.stage == Stage::Drive));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    filter(&mut app, "Stage:DRI stage:prop");
    let both = shown(&app);
    assert!(
        both.iter()
            .all(|o| matches!(o.stage, Stage::Drive | Stage::Propose))
    );
    assert!(both.iter().any(|o| o.stage == Stage::Propose));
    assert_eq!(
        both.iter().filter(|o| o.stage == Stage::Drive).count(),
        drive
    );
}

#[test]
fn stage_and_text_both_apply_and_the_title_shows_the_filter() {
    let mut app = big();
    let ws = &app.ws;
    let o = ws
        .opportunities
        .iter()
        .find(|o| o.is_open() && o.stage == Stage::Drive)
        .unwrap();
    let word = account_name(ws, o)
        .split_whitespace()
        .next()
        .unwrap()
        .to_lowercase();
    let expected = ws
        .opportunities
        .iter()
        .filter(|x| x.is_open() && x.stage == Stage::Drive)
        .filter(|x| {
            let name = account_name(ws, x).to_lowercase();
            name.contains(&word) || x.title.to_lowercase().contains(&word)
        })
        .count();
    filter(&mut app, &format!("stage:drive {word}"));
    let rows = shown(&app);
    assert!(
        !rows.is_empty() && rows.len() <= expected,
        "{} {expected}",
        rows.len()
    );
    assert!(rows.iter().all(|x| x.stage == Stage::Drive));
    let text_only = {
        let mut other = big();
        filter(&mut other, &word);
        other.screens.pipeline.rows.len()
    };
    assert!(rows.len() < text_only, "the stage narrows the text's rows");
    // an unknown key is text: nothing has it
    let mut unknown = big();
    filter(&mut unknown, "foo:bar");
    assert!(unknown.screens.pipeline.rows.is_empty());
    // the title says the filter as typed
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    terminal
        .draw(|f| funnel::tui::views::draw(&app, f))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains(&format!("(filter \"stage:drive {word}\")")),
        "{screen}"
    );
}

#[test]
fn flag_words_keep_the_deals_with_that_flag_now() {
    let mut app = big();
    let settings = app.ws.settings.clone();
    let expected: Vec<String> = app
        .ws
        .opportunities
        .iter()
        .filter(|o| o.is_open())
        .filter(|o| {
            funnel::domain::flags::compute(o, &settings, today())
                .iter()
                .any(|f| f.rule == funnel::domain::flags::Rule::Stalled)
        })
        .map(|o| o.id.clone())
        .collect();
    assert!(!expected.is_empty());
    filter(&mut app, "flag:stalled");
    let mut got: Vec<String> = shown(&app).iter().map(|o| o.id.clone()).collect();
    let mut expected = expected;
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
}

#[test]
fn account_owner_and_tag_words_match_prefixes_chinese_too() {
    let mut ws = funnel::synth::workspace(300, 16, today());
    let open = ws.opportunities.iter().position(|o| o.is_open()).unwrap();
    let acc = ws
        .accounts
        .iter()
        .position(|a| a.id == ws.opportunities[open].account)
        .unwrap();
    ws.accounts[acc].name = "华润医药集团".into();
    ws.opportunities[open].owner = "Li Wei".into();
    ws.opportunities[open].tags = vec!["Pilot-2027".into()];
    let id = ws.opportunities[open].id.clone();
    let account_id = ws.accounts[acc].id.clone();
    let mut app = app_of(ws);
    filter(&mut app, "account:华润");
    let rows = shown(&app);
    assert!(rows.iter().any(|o| o.id == id));
    assert!(
        rows.iter()
            .all(|o| account_name(&app.ws, o).starts_with("华润"))
    );
    assert!(rows.iter().any(|o| o.account == account_id));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    filter(&mut app, "owner:li tag:pilot account:华润医");
    assert!(shown(&app).iter().any(|o| o.id == id));
    assert!(
        shown(&app)
            .iter()
            .all(|o| o.owner.to_lowercase().starts_with("li"))
    );
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    filter(&mut app, "account:润");
    assert!(
        !shown(&app).iter().any(|o| o.id == id),
        "a prefix, not inside"
    );
}

#[test]
fn a_saved_filter_survives_a_restart_and_applies_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let data = dir.path().join("data");
    let ws = funnel::synth::workspace(300, 16, today());
    let mut store = funnel::store::Store::create(&path, &ws, &data).unwrap();
    let mut app = app_of(ws);
    filter(&mut app, "stage:drive :save hot");
    assert_eq!(app.screens.pipeline.filter.value(), "stage:drive");
    assert_eq!(
        app.ws.settings.saved_filters.get("hot").map(String::as_str),
        Some("stage:drive")
    );
    let drive = app.screens.pipeline.rows.clone();
    // one undo step
    press(&mut app, KeyCode::Char('u'));
    assert!(app.ws.settings.saved_filters.is_empty(), "undone");
    app.update(Msg::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('r'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    )));
    assert!(app.ws.settings.saved_filters.contains_key("hot"), "redone");
    store.save(&app.ws).unwrap();
    drop(store);
    // a restart: the file read again
    let (_store, again) = funnel::store::Store::open(&path, &data).unwrap();
    let mut app = app_of(again);
    filter(&mut app, ":hot");
    assert_eq!(app.screens.pipeline.filter.value(), "stage:drive");
    assert_eq!(app.screens.pipeline.rows, drive);
    // an unknown name says which there are
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    filter(&mut app, ":cold");
    assert!(
        format!("{:?}", app.status).contains("hot"),
        "{:?}",
        app.status
    );
}

/// An edit under a filter with words keeps the deal where a fresh filter
/// would put it (the rows kept after an edit once tested the whole typed
/// text as plain text, so every edited deal vanished under `stage:`).
#[test]
fn a_deal_edited_under_stage_words_stays_or_leaves_as_the_words_say() {
    let mut app = big();
    filter(&mut app, "stage:drive stage:propose");
    let before = shown(&app).len();
    let first = app.screens.pipeline.rows[0];
    assert_eq!(app.ws.opportunities[first].stage, Stage::Drive);
    let id = app.ws.opportunities[first].id.clone();
    press(&mut app, KeyCode::Char('>'));
    let o = app.ws.opportunity(&id).unwrap();
    assert_eq!(o.stage, Stage::Propose);
    assert_eq!(shown(&app).len(), before, "still drive or propose: kept");
    assert!(shown(&app).iter().any(|o| o.id == id));
    press(&mut app, KeyCode::Char('>'));
    assert_eq!(shown(&app).len(), before - 1, "negotiate: out of the list");
    assert!(!shown(&app).iter().any(|o| o.id == id));
    assert!(
        shown(&app)
            .iter()
            .all(|o| matches!(o.stage, Stage::Drive | Stage::Propose))
    );
    press(&mut app, KeyCode::Char('u'));
    assert!(
        shown(&app).iter().any(|o| o.id == id),
        "undo brings it back"
    );
}

/// `/` then Esc with nothing typed leaves the place in a long list; Esc
/// after a filter shows the whole list with the deal found still selected.
#[test]
fn esc_in_the_filter_prompt_keeps_the_place_in_the_list() {
    let mut app = big();
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown);
    }
    let at = app.screens.pipeline.table.at();
    assert!(at > 10);
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.pipeline.table.at(), at, "nothing typed");
    // view 2 and view 4 alike
    for view in ['2', '4'] {
        press(&mut app, KeyCode::Char(view));
        for _ in 0..5 {
            press(&mut app, KeyCode::Char('j'));
        }
        let at = |app: &App| match view {
            '2' => app.screens.actions.cursor.at(),
            _ => app.screens.accounts.cursor.at(),
        };
        let before = at(&app);
        press(&mut app, KeyCode::Char('/'));
        press(&mut app, KeyCode::Esc);
        assert_eq!(at(&app), before, "view {view}");
    }
    press(&mut app, KeyCode::Char('1'));
    filter(&mut app, "stage:negotiate");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let found = app.current_opportunity().unwrap().id.clone();
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.pipeline.filter.is_empty());
    assert_eq!(app.current_opportunity().unwrap().id, found);
    assert!(shown(&app).len() > 100, "the whole list again");
}
