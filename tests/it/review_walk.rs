//! View 5, the weekly review walk: best few first, reviewed or skipped,
//! resumed the same day, and a snapshot recorded at the end.

use crate::common::{press, today};
use funnel::domain::Stage;
use funnel::tui::app::{App, Effect};
use funnel::tui::screens::ScreenId;
use ratatui::crossterm::event::KeyCode;

fn demo() -> App {
    App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    )
}

#[test]
fn the_walk_goes_best_few_first_and_records_progress() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.screen, ScreenId::Review);
    let walk = app.screens.review.walk.clone().unwrap();
    let stages: Vec<Stage> = walk
        .order
        .iter()
        .map(|id| app.ws.opportunity(id).unwrap().stage)
        .collect();
    assert!(stages.windows(2).all(|w| w[0] >= w[1]), "{stages:?}");
    assert_eq!(stages[0], Stage::Close);
    let first = walk.order[0].clone();
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(press(&mut app, KeyCode::Char('s')), vec![Effect::Save]);
    let walk = app.screens.review.walk.clone().unwrap();
    assert_eq!(
        (
            walk.reviewed.clone(),
            walk.skipped.len(),
            walk.at,
            walk.done()
        ),
        (vec![first], 1, 2, 2)
    );
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("1 reviewed, 1 skipped, 17 to go")
    );
    // the progress is in the workspace, so a new session the same day resumes
    let mut again = App::new(app.ws.clone(), today(), "demo".into(), None);
    press(&mut again, KeyCode::Char('5'));
    assert_eq!(again.screens.review.walk.as_ref().unwrap().done(), 2);
    assert_eq!(again.screens.review.walk.as_ref().unwrap().at, 2);
    // but not the next day
    let mut later = App::new(app.ws.clone(), today().plus_days(1), "demo".into(), None);
    press(&mut later, KeyCode::Char('5'));
    assert_eq!(later.screens.review.walk.as_ref().unwrap().done(), 0);
}

#[test]
fn progress_saved_in_the_file_resumes_and_an_unreadable_one_is_kept_until_replaced() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    // the same JSON key as before the progress had a type, so files from
    // either version resume the walk
    let text = String::from_utf8(funnel::store::serialize::to_json_bytes(&app.ws)).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["review_in_progress"]["on"], today().to_string());
    assert_eq!(
        saved["review_in_progress"]["reviewed"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let read: funnel::domain::Workspace = serde_json::from_str(&text).unwrap();
    assert_eq!(read, app.ws);
    // a progress another tool wrote wrongly loads, is kept as it was, and a
    // fresh walk starts; the first mark replaces it
    let mut broken = saved.clone();
    broken["review_in_progress"]["reviewed"] = serde_json::json!([1, 2]);
    let ws: funnel::domain::Workspace = serde_json::from_value(broken.clone()).unwrap();
    assert_eq!(ws.review_in_progress, None);
    assert_eq!(ws.extra["review_in_progress"], broken["review_in_progress"]);
    let mut app = App::new(ws, today(), "demo".into(), None);
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.screens.review.walk.as_ref().unwrap().done(), 0);
    press(&mut app, KeyCode::Enter);
    assert!(!app.ws.extra.contains_key("review_in_progress"));
    assert_eq!(
        app.ws.review_in_progress.as_ref().unwrap().reviewed.len(),
        1
    );
}

#[test]
fn finishing_records_the_snapshot_and_undo_takes_it_back() {
    let mut app = demo();
    let reviews = app.ws.reviews.len();
    press(&mut app, KeyCode::Char('5'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    // F asks first; y records, and view 5 stays to show the week
    assert_eq!(press(&mut app, KeyCode::Char('F')), vec![]);
    assert_eq!(app.ws.reviews.len(), reviews);
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(app.screen, ScreenId::Review);
    assert_eq!(app.ws.reviews.len(), reviews + 1);
    let r = app.ws.reviews.last().unwrap();
    assert_eq!(r.on, today());
    let open = app.ws.opportunities.iter().filter(|o| o.is_open()).count();
    assert_eq!(r.opportunities.len(), open);
    let o5 = r.opportunities.iter().find(|o| o.id == "o5").unwrap();
    assert!(
        o5.flags.contains(&"manual".to_owned()),
        "flags that show are recorded: {:?}",
        o5.flags
    );
    assert_eq!(app.ws.review_in_progress, None);
    assert!(!app.ws.extra.contains_key("review_in_progress"));
    // since the new review nothing has changed
    let since = funnel::domain::metrics::since(
        &app.ws,
        funnel::domain::metrics::latest_review(&app.ws).unwrap(),
    );
    assert!(since.new.is_empty() && since.advanced.is_empty() && since.value_changed.is_empty());
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws.reviews.len(), reviews);
    // undo brings the walk's progress back with it, and the place in it
    let walk = app.screens.review.walk.as_ref().unwrap();
    assert_eq!((walk.done(), walk.at), (3, 3));
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.screens.review.walk.as_ref().unwrap().done(), 3);
}

#[test]
fn fixing_in_place_during_the_review() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('5'));
    let id = app
        .screens
        .review
        .walk
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .to_owned();
    let n = app.ws.opportunity(&id).unwrap().actions.len();
    press(&mut app, KeyCode::Char('a'));
    for c in "Call legal about the seal".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(app.ws.opportunity(&id).unwrap().actions.len(), n + 1);
    assert_eq!(app.screen, ScreenId::Review, "still reviewing");
    assert_eq!(
        app.screens.review.walk.as_ref().unwrap().current(),
        Some(id.as_str())
    );
}

#[test]
fn view_three_draws_the_funnel_and_jumps_to_a_stalled_deal() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.screen, ScreenId::Funnel);
    assert!(app.screens.funnel.by_value);
    press(&mut app, KeyCode::Char('v'));
    assert!(!app.screens.funnel.by_value);
    let deals = app.screens.funnel.deals(&app.ws, app.today);
    assert!(deals.iter().any(|(_, why)| why.starts_with("stalled")));
    assert!(deals.iter().any(|(_, why)| why.contains("moved later")));
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| funnel::tui::views::draw(&app, f))
            .unwrap();
        insta::assert_snapshot!(
            format!("funnel_view_{w}x{h}"),
            terminal.backend().to_string()
        );
    }
    press(&mut app, KeyCode::Char('j'));
    let (index, _) = deals[1].clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.current(), Some(index));
}

#[test]
fn review_view_at_80x24_and_wide() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| funnel::tui::views::draw(&app, f))
            .unwrap();
        insta::assert_snapshot!(
            format!("review_view_{w}x{h}"),
            terminal.backend().to_string()
        );
    }
}

/// Issue 16: view 3's sales velocity had no currency.
#[test]
fn the_sales_velocity_names_its_currency() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('3'));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    terminal
        .draw(|f| funnel::tui::views::draw(&app, f))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("sales velocity 34,829.23 CNY a day"),
        "{screen}"
    );
}
