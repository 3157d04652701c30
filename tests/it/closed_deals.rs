//! View 1's closed list (spec section 7): `C` lists the won, lost and
//! abandoned deals, the deal pane reads the selected one, `o` reopens it
//! after asking, and nothing else edits a closed deal.

use crate::common::{demo_app, press, today, typing};
use funnel::domain::flags;
use funnel::tui::app::App;
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

use crate::common::screen;

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

use crate::common::selected_id as selected;

fn closed_list() -> App {
    let mut app = demo_app();
    key(&mut app, 'C');
    app
}

#[test]
fn c_lists_the_closed_deals_newest_close_first_and_back() {
    let mut app = demo_app();
    let open = app.screens.pipeline.rows.clone();
    key(&mut app, 'C');
    let p = &app.screens.pipeline;
    assert!(p.closed);
    let ws = &app.ws;
    let closed: Vec<_> = p.rows.iter().map(|i| &ws.opportunities[*i]).collect();
    assert_eq!(closed.len(), 6, "the demo's won, lost and abandoned deals");
    assert!(closed.iter().all(|o| !o.is_open()));
    let dates: Vec<_> = closed
        .iter()
        .map(|o| o.outcome.as_ref().unwrap().on)
        .collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
    assert!(app.current_opportunity().is_some_and(|o| !o.is_open()));
    assert!(screen(&app, 100, 30).contains("Closed deals · 1 of 6"));
    key(&mut app, 'C');
    assert!(!app.screens.pipeline.closed);
    assert_eq!(app.screens.pipeline.rows, open);
}

#[test]
fn the_closed_list_moves_filters_and_survives_a_trip_to_other_views() {
    let mut app = closed_list();
    let first = selected(&app);
    key(&mut app, 'j');
    let second = selected(&app);
    assert_ne!(first, second);
    key(&mut app, 'k');
    assert_eq!(selected(&app), first);
    key(&mut app, 'j');
    // Tab reads the selected closed deal's panes
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Qualification);
    assert_eq!(selected(&app), second);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::Table);
    // the filter narrows the closed list, by a Chinese title too
    key(&mut app, '/');
    typing(&mut app, "全渠道");
    assert_eq!(app.screens.pipeline.rows.len(), 1);
    assert_eq!(app.current_opportunity().unwrap().title, "全渠道中台");
    assert!(!app.current_opportunity().unwrap().is_open());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.pipeline.rows.len(), 6);
    key(&mut app, 'j');
    let here = selected(&app);
    for view in ['2', '3', '4', '5'] {
        key(&mut app, view);
        key(&mut app, '1');
        assert!(app.screens.pipeline.closed, "back from view {view}");
        assert_eq!(selected(&app), here, "back from view {view}");
    }
    // sorting does not apply: the list stays newest first
    let rows = app.screens.pipeline.rows.clone();
    key(&mut app, 's');
    assert_eq!(app.screens.pipeline.rows, rows);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("newest close first")
    );
}

/// Every editing key in every pane of a closed deal: nothing changes, no
/// form or question opens, and the status line says why.
#[test]
fn editing_keys_are_refused_on_a_closed_deal() {
    let mut app = closed_list();
    let before = app.ws.clone();
    for pane in 0..6 {
        for c in "aedxrWL<>tmciTzON ".chars() {
            key(&mut app, c);
            assert!(
                !matches!(app.dialog, Some(Dialog::Form(..) | Dialog::Confirm(..))),
                "{c:?} in pane {pane} opened {:?}",
                app.dialog
            );
            app.dialog = None;
            assert_eq!(app.ws, before, "{c:?} in pane {pane} changed the workspace");
        }
        press(&mut app, KeyCode::Enter);
        app.dialog = None;
        assert_eq!(app.ws, before, "Enter in pane {pane}");
        press(&mut app, KeyCode::Tab);
    }
    key(&mut app, '>');
    let said = &app.status.as_ref().unwrap().0;
    assert!(
        said.contains("closed deal") && said.contains("o reopens"),
        "{said}"
    );
}

#[test]
fn reopening_asks_then_puts_the_deal_back_in_its_stage_and_undo_closes_it_again() {
    let mut app = closed_list();
    // the renewal won last week: its close date has passed, no action open
    let at = app
        .screens
        .pipeline
        .rows
        .iter()
        .position(|i| {
            app.ws.opportunities[*i]
                .title
                .starts_with("WMS support renewal")
        })
        .unwrap();
    for _ in 0..at {
        key(&mut app, 'j');
    }
    let id = selected(&app);
    let before = app.ws.opportunity(&id).unwrap().clone();
    let outcome = before.outcome.clone().unwrap();
    assert!(flags::compute(&before, &app.ws.settings, today()).is_empty());

    key(&mut app, 'o');
    assert!(matches!(app.dialog, Some(Dialog::Confirm(..))));
    key(&mut app, 'n');
    assert_eq!(app.ws.opportunity(&id), Some(&before), "no keeps it closed");

    key(&mut app, 'o');
    key(&mut app, 'y');
    let o = app.ws.opportunity(&id).unwrap().clone();
    assert!(o.is_open());
    let last = o.reopened.last().unwrap();
    assert_eq!(
        (
            last.on,
            last.result,
            &last.reason,
            &last.reason_code,
            last.closed
        ),
        (
            today(),
            outcome.result,
            &outcome.reason,
            &outcome.reason_code,
            Some(outcome.on)
        )
    );
    assert_eq!(o.stage, before.stage);
    assert_eq!(o.stage_history.len(), before.stage_history.len() + 1);
    let entry = o.stage_history.last().unwrap();
    assert_eq!((entry.stage, entry.entered), (before.stage, today()));
    // back in the open list, in its stage, selected, its flags computed
    assert!(!app.screens.pipeline.closed);
    assert_eq!(selected(&app), id);
    let flags_now = flags::compute(&o, &app.ws.settings, today());
    assert!(!flags_now.is_empty(), "an open deal's red flags show again");
    assert_eq!(
        app.screens.pipeline.pane_len(&app.ws, today(), Pane::Flags),
        flags_now.len()
    );
    let stage_sum = app.screens.pipeline.strip[o.stage.index()];
    assert!(screen(&app, 100, 30).contains("WMS support renewal"));

    key(&mut app, 'u');
    assert_eq!(
        app.ws.opportunity(&id),
        Some(&before),
        "undo closes it again"
    );
    assert_eq!(
        app.screens.pipeline.strip[o.stage.index()].count,
        stage_sum.count - 1
    );
    assert!(
        !app.screens
            .pipeline
            .rows
            .iter()
            .any(|i| app.ws.opportunities[*i].id == id)
    );
}

#[test]
fn the_closed_list_at_80x24_and_160x48() {
    let mut app = closed_list();
    insta::assert_snapshot!("closed_list_80x24", screen(&app, 80, 24));
    key(&mut app, 'j');
    insta::assert_snapshot!("closed_list_160x48", screen(&app, 160, 48));
}

/// A deal reopened, taken into the review walk, then closed again by undo
/// stays in the walk: no key there may edit it (before, `e` in view 5
/// moved a lost deal's stage while its outcome stayed lost).
#[test]
fn a_deal_closed_again_by_undo_is_not_edited_from_the_review_walk() {
    let mut app = closed_list();
    let id = selected(&app);
    key(&mut app, 'o');
    key(&mut app, 'y');
    assert!(app.ws.opportunity(&id).unwrap().is_open());
    key(&mut app, '5');
    key(&mut app, 'u');
    let closed = app.ws.opportunity(&id).unwrap().clone();
    assert!(!closed.is_open(), "undo closed it again");
    // walk to it, whatever its place, and try every editing key there
    for _ in 0..40 {
        let walk = app.screens.review.walk.as_ref();
        if walk.and_then(|w| w.current()) == Some(id.as_str()) {
            break;
        }
        key(&mut app, 'j');
    }
    let walk = app.screens.review.walk.as_ref();
    assert_eq!(
        walk.and_then(|w| w.current()),
        Some(id.as_str()),
        "reached it"
    );
    for k in ['e', 'a'] {
        key(&mut app, k);
        // complete whatever form opened with its defaults, stage moved on
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
    }
    let walk = app.screens.review.walk.as_ref();
    assert_eq!(
        walk.and_then(|w| w.current()),
        Some(id.as_str()),
        "reached it"
    );
    let after = app.ws.opportunity(&id).unwrap();
    assert_eq!(after, &closed, "the closed deal is as it was");
}

/// The closed list takes no marks (it showed none, yet `>` then counted
/// them).
#[test]
fn the_closed_list_takes_no_marks() {
    let mut app = demo_app();
    key(&mut app, ' ');
    key(&mut app, ' ');
    assert_eq!(app.screens.pipeline.marks.len(), 2);
    key(&mut app, 'C');
    key(&mut app, ' ');
    let said = app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default();
    assert!(said.contains("marks are for the open deals"), "{said}");
    assert!(
        app.screens.pipeline.marks.is_empty(),
        "no closed deal marked"
    );
    key(&mut app, '>');
    let said = app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default();
    assert!(!said.contains("skipped"), "no marks acted on: {said}");
}
