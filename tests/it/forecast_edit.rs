//! Spec section 8 in the workbench: `f` sets a deal's forecast category in
//! view 1 (every marked deal at once), the opportunity form has the field,
//! the deal pane and the review walk say which category counts and why;
//! and the demo tells a true forecast story that moves with its today.

use crate::common::{CHINESE, demo_app, press, screen, selected_id, status, today};
use funnel::domain::{ForecastCategory, Period, flags, forecast};
use funnel::i18n;
use funnel::tui::app::{App, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::forms::FieldId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use ForecastCategory::{BestCase, Commit, Omitted, Pipeline};

fn category(app: &App, id: &str) -> Option<ForecastCategory> {
    app.ws.opportunity(id).unwrap().forecast_category
}

/// View 1 with `id` selected in the table, the table focused.
fn select(app: &mut App, id: &str) {
    press(app, KeyCode::Home);
    for _ in 0..app.screens.pipeline.rows.len() {
        if selected_id(app) == id {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{id} is not listed");
}

fn ctrl_r(app: &mut App) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn f_cycles_the_category_through_every_value_one_undo_step_each() {
    let mut app = demo_app();
    // o16: negotiate at 75%, its category derived (best case)
    select(&mut app, "o16");
    assert_eq!(category(&app, "o16"), None);
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('f'));
        seen.push(category(&app, "o16"));
    }
    assert_eq!(
        seen,
        [
            Some(Commit),
            Some(BestCase),
            Some(Pipeline),
            Some(Omitted),
            None
        ]
    );
    assert!(
        status(&app).contains(
            "\"MES rollout, Suzhou plant (2 lines)\": forecast from probability (best case)"
        ),
        "{}",
        status(&app)
    );
    assert!(status(&app).contains("f again: commit"), "{}", status(&app));
    // each press is one step back
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(category(&app, "o16"), Some(Omitted));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(category(&app, "o16"), Some(Pipeline));
    ctrl_r(&mut app);
    assert_eq!(category(&app, "o16"), Some(Omitted));
}

#[test]
fn f_says_the_new_category_and_what_f_does_next_and_works_from_the_deal_panes_and_the_board() {
    let mut app = demo_app();
    select(&mut app, "o16");
    press(&mut app, KeyCode::Char('f'));
    let said = status(&app);
    assert!(said.contains("forecast commit"), "{said}");
    assert!(said.contains("f again: best case"), "{said}");
    // from the actions pane of the deal
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(category(&app, "o16"), Some(BestCase));
    // on the board, the selected card
    let mut app = demo_app();
    select(&mut app, "o16");
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(selected_id(&app), "o16");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(category(&app, "o16"), Some(Commit));
}

#[test]
fn f_on_marked_deals_gives_them_all_the_next_category_of_the_selected_one_in_one_step() {
    let mut app = demo_app();
    let before = app.ws.clone();
    // mark o16 and the deal below it, then go back to o16 (derived: None)
    select(&mut app, "o16");
    press(&mut app, KeyCode::Char(' '));
    let second = selected_id(&app);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_id(&app), "o16");
    assert_eq!(app.screens.pipeline.marks.len(), 2);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(category(&app, "o16"), Some(Commit));
    assert_eq!(category(&app, &second), Some(Commit));
    let said = status(&app);
    assert!(said.contains("2 deals: forecast commit"), "{said}");
    assert!(said.contains("f again: best case"), "{said}");
    // o16 is commit now: f again moves both to best case
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(category(&app, &second), Some(BestCase));
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, before, "one undo step per f, for all marked deals");
}

#[test]
fn f_is_refused_on_a_closed_deal() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    let id = selected_id(&app);
    assert!(!app.ws.opportunity(&id).unwrap().is_open());
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.ws, before);
    assert!(
        status(&app).contains("a closed deal is not edited"),
        "{}",
        status(&app)
    );
}

/// The opportunity form of the selected deal, its focus on the forecast
/// category.
fn form_on_category(app: &mut App) {
    press(app, KeyCode::Char('e'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form");
    };
    let at = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::ForecastCategory)
        .expect("the form has the field");
    for _ in 0..at {
        press(app, KeyCode::Tab);
    }
}

#[test]
fn the_form_sets_the_category_and_names_the_derived_one_first() {
    let mut app = demo_app();
    select(&mut app, "o16");
    form_on_category(&mut app);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("from probability (best case)"),
        "the first value names the derived category:\n{text}"
    );
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none(), "saved");
    assert_eq!(category(&app, "o16"), Some(Commit));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(category(&app, "o16"), None);
    ctrl_r(&mut app);
    assert_eq!(category(&app, "o16"), Some(Commit));
    // back to the probability's: the first value again
    form_on_category(&mut app);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    assert_eq!(category(&app, "o16"), None);
    // a deal set by hand opens on its category
    select(&mut app, "o17");
    form_on_category(&mut app);
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form");
    };
    assert_eq!(form.value(FieldId::ForecastCategory), "commit");
}

#[test]
fn the_deal_pane_says_which_category_counts_and_whether_it_was_set() {
    let mut app = demo_app();
    select(&mut app, "o16");
    let wide = screen(&app, 160, 48);
    assert!(wide.contains("forecast: best case (from 75%)"), "{wide}");
    let narrow = screen(&app, 80, 24);
    assert!(narrow.contains("· 75% · w 2.1M · best case\""), "{narrow}");
    select(&mut app, "o17");
    let wide = screen(&app, 160, 48);
    assert!(wide.contains("forecast: commit (set)"), "{wide}");
    let narrow = screen(&app, 80, 24);
    assert!(narrow.contains("· commit*"), "{narrow}");
    i18n::with(CHINESE, || {
        let mut app = demo_app();
        select(&mut app, "o17");
        let wide = screen(&app, 160, 48);
        assert!(wide.contains("预测：承诺（手动设定）"), "{wide}");
        select(&mut app, "o16");
        let wide = screen(&app, 160, 48);
        assert!(wide.contains("预测：最佳情况（按赢率 75%）"), "{wide}");
    });
}

#[test]
fn the_review_walk_shows_the_category_and_its_change_since_the_last_review() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('5'));
    // the walk starts on o18: negotiate → close since the review of 11-16
    let walk = app.screens.review.walk.clone().unwrap();
    assert_eq!(walk.order[0], "o18");
    let text = screen(&app, 160, 48);
    assert!(text.contains("forecast: commit (from 90%)"), "{text}");
    assert!(
        text.contains("category changed: best case → commit"),
        "{text}"
    );
    i18n::with(CHINESE, || {
        let mut app = demo_app();
        press(&mut app, KeyCode::Char('5'));
        let text = screen(&app, 160, 48);
        assert!(text.contains("预测类别变化：最佳情况 → 承诺"), "{text}");
    });
    // finishing records the category each deal counts in
    press(&mut app, KeyCode::Char('F'));
    press(&mut app, KeyCode::Char('y'));
    let review = app.ws.reviews.last().unwrap();
    assert_eq!(review.on, today());
    let recorded = |id: &str| {
        review
            .opportunities
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .forecast_category
    };
    assert_eq!(
        (recorded("o17"), recorded("o3"), recorded("o16")),
        (Some(Commit), Some(Omitted), Some(BestCase))
    );
}

#[test]
fn the_demo_forecast_tells_a_true_story_for_this_quarter_and_next() {
    let ws = funnel::store::demo::workspace(today());
    let q4 = forecast::compute(&ws, Period::parse("2026-Q4").unwrap(), None, today());
    let gap = q4.gap().expect("Q4 has a target");
    assert!(gap.0 > 0, "Q4 is not made yet");
    assert!(
        q4.figures.commit < gap,
        "too little commit to close the gap"
    );
    // one commit at risk: o17's close date has passed
    let o17 = ws.opportunity("o17").unwrap();
    assert!(
        flags::compute(o17, &ws.settings, today())
            .iter()
            .any(|f| f.rule.as_str() == "commit-at-risk")
    );
    // November has its own target; October a third of the quarter's
    let november = &q4.months[1];
    assert!(
        ws.settings
            .targets
            .iter()
            .any(|t| t.period == november.month)
    );
    assert_ne!(november.target, q4.months[0].target);
    // the deal o18 moved to commit since the review: a category change
    assert!(
        q4.moves
            .category_changed
            .iter()
            .any(|(id, from, to)| id == "o18" && *from == BestCase && *to == Commit),
        "{:?}",
        q4.moves
    );
    // next quarter: covered about twice by the open deals
    let q1 = forecast::compute(&ws, Period::parse("2027-Q1").unwrap(), None, today());
    let coverage = q1.coverage().expect("Q1 has a target");
    assert!((1.5..2.5).contains(&coverage), "{coverage}");
    assert!(q1.figures.omitted.0 > 0, "a deal left out of the forecast");
}

#[test]
fn the_demo_opened_on_another_day_keeps_this_quarter_targeted() {
    let story = funnel::store::demo::workspace(today());
    let target_of =
        |ws: &funnel::domain::Workspace, p: Period| forecast::target(&ws.settings.targets, p, None);
    let this = target_of(&story, Period::quarter_of(today()));
    let next = target_of(&story, Period::quarter_of(today()).next());
    for day in ["2026-12-28", "2027-02-10", "2027-05-17", "2026-08-03"] {
        let day = funnel::domain::Date::parse(day).unwrap();
        let ws = funnel::store::demo::workspace(day);
        let q = Period::quarter_of(day);
        assert_eq!(target_of(&ws, q), this, "{day}");
        assert_eq!(target_of(&ws, q.next()), next, "{day}");
        let f = forecast::compute(&ws, q, None, day);
        assert!(f.gap().is_some_and(|g| g.0 > 0), "{day}");
    }
}
