//! The workbench's update, action by action, and its screens: keys go in,
//! state, effects and the drawn screen come out. No terminal needed.

use crate::common::{press, today, typing};
use funnel::domain::{Date, OutcomeResult, Stage, Workspace};
use funnel::tui::app::{App, Effect, LongText, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::{Pane, SortKey};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn demo() -> App {
    App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    )
}

fn empty() -> App {
    App::new(
        Workspace::new("Li Wei", "CNY"),
        today(),
        "w.json".into(),
        None,
    )
}

fn selected_id(app: &App) -> String {
    app.current_opportunity().unwrap().id.clone()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn quit_only_asks_the_loop_to_stop() {
    let mut app = demo();
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.dialog, Some(Dialog::Help { .. })));
    assert!(screen(&app, 100, 40).contains("Keys · opportunities"));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.dialog, None);
}

#[test]
fn tab_walks_the_panes_and_back() {
    let mut app = demo();
    let mut seen = vec![app.focus()];
    for _ in 0..Pane::ORDER.len() {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus());
    }
    assert_eq!(seen, [Pane::ORDER.to_vec(), vec![Pane::Table]].concat());
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::ClosePlan);
    let mut none = empty();
    press(&mut none, KeyCode::Tab);
    assert_eq!(none.focus(), Pane::Table, "no deal: nothing to focus");
}

#[test]
fn moving_in_the_table_and_in_a_pane() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.screens.pipeline.table.at(), 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.screens.pipeline.table.at(), 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(
        app.screens.pipeline.table.at(),
        app.screens.pipeline.rows.len() - 1
    );
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.screens.pipeline.table.at(),
        app.screens.pipeline.rows.len() - 1,
        "stops at the bottom"
    );
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.screens.pipeline.table.at(), 0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Qualification);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.detail_selection(Pane::Qualification), 2);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.detail_selection(Pane::Qualification), 3);
}

#[test]
fn filter_narrows_as_you_type_and_esc_clears_it() {
    let mut app = demo();
    let all = app.screens.pipeline.rows.len();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "华润");
    assert!(app.screens.pipeline.rows.len() < all && !app.screens.pipeline.rows.is_empty());
    assert!(
        app.screens
            .pipeline
            .rows
            .iter()
            .all(|i| app.ws.opportunities[*i].account == "a2"
                || app.ws.opportunities[*i].title.contains("华润"))
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.dialog, None);
    assert_eq!(app.screens.pipeline.filter.value(), "华润");
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.pipeline.filter.value(), "");
    assert_eq!(app.screens.pipeline.rows.len(), all);
}

#[test]
fn sort_cycles_through_value_close_and_days() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screens.pipeline.sort, SortKey::Value);
    let values: Vec<_> = app
        .screens
        .pipeline
        .rows
        .iter()
        .map(|i| app.ws.opportunities[*i].value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screens.pipeline.sort, SortKey::Close);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screens.pipeline.sort, SortKey::Days);
    let days: Vec<_> = app
        .screens
        .pipeline
        .rows
        .iter()
        .map(|i| app.ws.opportunities[*i].days_in_stage(today()))
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screens.pipeline.sort, SortKey::Stage);
}

#[test]
fn a_new_opportunity_with_a_new_account_is_created_saved_and_selected() {
    let mut app = empty();
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "车队管理试点");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "上海振华重工");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Backspace);
    typing(&mut app, "1,250,000.50");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2026-12-20");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::Save]);
    let o = &app.ws.opportunities[0];
    assert_eq!(
        (o.id.as_str(), o.title.as_str(), o.stage),
        ("o1", "车队管理试点", Stage::Drive)
    );
    assert_eq!(o.value.plain(), "1250000.5");
    assert_eq!(o.owner, "Li Wei", "owner defaults to the workspace's");
    assert_eq!(o.created, Some(today()));
    assert_eq!(o.stage_history.len(), 1);
    assert_eq!(app.ws.accounts[0].name, "上海振华重工");
    assert_eq!(o.account, app.ws.accounts[0].id);
    assert_eq!(selected_id(&app), "o1");
    assert!(funnel::domain::validate::problems(&app.ws).is_empty());
}

#[test]
fn a_form_with_errors_does_not_submit_and_esc_changes_nothing() {
    let mut app = demo();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![],
        "title and account are required"
    );
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
    assert_eq!(app.ws, before);
}

#[test]
fn editing_records_stage_and_close_date_history() {
    let mut app = demo();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('u'));
    typing(&mut app, "!");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typing(&mut app, "2027-06-30");
    let before = app.ws.opportunity(&id).unwrap().clone();
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let after = app.ws.opportunity(&id).unwrap();
    assert!(after.title.ends_with("u!"), "{}", after.title);
    assert_eq!(after.stage, Stage::Drive);
    assert_eq!(after.stage_history.len(), before.stage_history.len() + 1);
    assert_eq!(after.close_history.len(), before.close_history.len() + 1);
    assert_eq!(
        after.close_history.last().unwrap().from,
        before.expected_close
    );
}

#[test]
fn delete_asks_first() {
    let mut app = demo();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('d'));
    assert!(screen(&app, 80, 24).contains("Delete"));
    press(&mut app, KeyCode::Char('n'));
    assert!(app.ws.opportunity(&id).is_some());
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert!(app.ws.opportunity(&id).is_none());
}

#[test]
fn stage_moves_record_history_and_stop_at_the_ends() {
    let mut app = demo();
    let id = selected_id(&app);
    assert_eq!(app.ws.opportunity(&id).unwrap().stage, Stage::Qualify);
    assert_eq!(press(&mut app, KeyCode::Char('<')), vec![]);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("already in qualify")
    );
    assert_eq!(press(&mut app, KeyCode::Char('>')), vec![Effect::Save]);
    let o = app.ws.opportunity(&id).unwrap();
    assert_eq!(o.stage, Stage::Drive);
    assert_eq!(o.stage_history.last().unwrap().entered, today());
    assert_eq!(selected_id(&app), id, "the selection follows the deal");
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('>'));
    }
    assert_eq!(press(&mut app, KeyCode::Char('>')), vec![]);
    assert!(app.status.as_ref().unwrap().0.contains("W marks it won"));
    press(&mut app, KeyCode::Char('<'));
    assert_eq!(app.ws.opportunity(&id).unwrap().stage, Stage::Negotiate);
}

fn ctrl(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Spec 7: Won asks the date, the final amount and a win reason code
/// (beside the reason's words); all of them reach the outcome.
#[test]
fn won_records_the_date_the_final_amount_and_the_reason_code() {
    let mut app = demo();
    let open = app.screens.pipeline.rows.len();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('W'));
    ctrl(&mut app, 'u');
    typing(&mut app, "2026-11-20");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    typing(&mut app, "80,000");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "best local team");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none(), "{:?}", app.status);
    let deal = app.ws.opportunity(&id).unwrap();
    let o = deal.outcome.clone().unwrap();
    assert_eq!(
        (o.result, o.on, o.reason.as_str()),
        (
            OutcomeResult::Won,
            Date::parse("2026-11-20").unwrap(),
            "best local team"
        )
    );
    assert_eq!(o.reason_code, Some(app.ws.settings.win_reasons[0].clone()));
    assert_eq!(deal.value, funnel::domain::Money::from_units(80_000));
    assert_eq!(app.screens.pipeline.rows.len(), open - 1);
}

#[test]
fn a_close_date_after_today_is_refused_in_the_form() {
    let mut app = demo();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('W'));
    ctrl(&mut app, 'u');
    typing(&mut app, "2026-11-24");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    match &app.dialog {
        Some(Dialog::Form(form, _)) => {
            assert_eq!(form.focus, 0, "back on the date");
            assert!(form.fields[0].error().unwrap().contains("after today"));
        }
        other => panic!("the form should stay open: {other:?}"),
    }
    assert!(app.ws.opportunity(&id).unwrap().is_open());
}

#[test]
fn lost_asks_the_result_the_date_a_loss_code_and_a_reason() {
    let mut app = demo();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![],
        "a loss needs a reason"
    );
    typing(&mut app, "customer froze all IT projects");
    press(&mut app, KeyCode::Enter);
    let o = app.ws.opportunity(&id).unwrap().outcome.clone().unwrap();
    assert_eq!((o.result, o.on), (OutcomeResult::Abandoned, today()));
    assert_eq!(o.reason_code.as_ref(), app.ws.settings.loss_reasons.last());
    assert_eq!(o.reason, "customer froze all IT projects");
}

#[test]
fn qualification_conditions_toggle_in_place() {
    let mut app = demo();
    let id = selected_id(&app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    let before = app.ws.opportunity(&id).unwrap().qualification.authority;
    let mut seen = vec![before];
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '));
        seen.push(app.ws.opportunity(&id).unwrap().qualification.authority);
    }
    assert_eq!(seen[3], before, "three presses come back round");
    let mut cycle = seen[..3].to_vec();
    cycle.sort();
    assert_eq!(cycle, [None, Some(false), Some(true)]);
}

#[test]
fn a_log_entry_is_added_from_the_log_pane() {
    let mut app = demo();
    let id = selected_id(&app);
    let n = app.ws.opportunity(&id).unwrap().log.len();
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "和王总通了电话");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let log = &app.ws.opportunity(&id).unwrap().log;
    assert_eq!(log.len(), n + 1);
    assert!(
        log.iter()
            .any(|l| l.on == today() && l.text == "和王总通了电话")
    );
}

#[test]
fn objective_and_notes_go_through_the_editor() {
    let mut app = demo();
    let id = selected_id(&app);
    let effects = press(&mut app, KeyCode::Char('O'));
    let old = app.ws.opportunity(&id).unwrap().objective.clone();
    assert_eq!(
        effects,
        vec![Effect::EditText {
            field: LongText::Objective,
            opportunity: id.clone(),
            text: old.clone()
        }]
    );
    assert_eq!(
        app.update(Msg::TextEdited {
            field: LongText::Objective,
            opportunity: id.clone(),
            text: format!("{old}\n"),
        }),
        vec![],
        "unchanged text is no change"
    );
    assert_eq!(
        app.update(Msg::TextEdited {
            field: LongText::Notes,
            opportunity: id.clone(),
            text: "line one\nline two\n".into(),
        }),
        vec![Effect::Save]
    );
    assert_eq!(app.ws.opportunity(&id).unwrap().notes, "line one\nline two");
    assert!(matches!(
        press(&mut app, KeyCode::Char('N')).as_slice(),
        [Effect::EditText {
            field: LongText::Notes,
            ..
        }]
    ));
}

#[test]
fn undo_and_redo_every_change() {
    let mut app = demo();
    let start = app.ws.clone();
    press(&mut app, KeyCode::Char('>'));
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let end = app.ws.clone();
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(app.ws, start);
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![]);
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.ws, end);
}

#[test]
fn reload_is_offered_only_after_the_file_changed() {
    let mut app = demo();
    assert_eq!(press(&mut app, KeyCode::Char('R')), vec![]);
    app.update(Msg::DiskChanged);
    assert!(screen(&app, 100, 30).contains("File changed on disk: R reloads it"));
    assert_eq!(press(&mut app, KeyCode::Char('R')), vec![Effect::Reload]);
    app.update(Msg::Reloaded(Box::new(Workspace::new("", ""))));
    assert!(app.screens.pipeline.rows.is_empty());
    assert!(!app.disk_changed);
}

#[test]
fn a_read_only_workspace_refuses_edits_and_says_why() {
    let ws = funnel::store::demo::workspace(today());
    let mut app = App::new(
        ws.clone(),
        today(),
        "w".into(),
        Some("read-only: another funnel has it open".into()),
    );
    for key in ['n', 'e', 'd', '>', '<', 'W', 'L', 'u', 'O'] {
        assert_eq!(press(&mut app, KeyCode::Char(key)), vec![], "{key}");
        assert_eq!(app.dialog, None, "{key}");
    }
    assert_eq!(app.ws, ws);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("nothing was changed")
    );
    assert!(screen(&app, 100, 30).contains("read-only: another funnel has it open"));
}

#[test]
fn a_failed_save_is_shown_plainly() {
    let mut app = demo();
    app.update(Msg::SaveFailed("disk full".into()));
    assert!(screen(&app, 80, 24).contains("NOT SAVED: disk full"));
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_panic() {
    let app = demo();
    for (w, h) in [(1, 1), (10, 3), (79, 24), (80, 23)] {
        let s = screen(&app, w, h);
        if w >= 79 {
            assert!(
                s.contains("funnel needs a terminal of at least 80×24"),
                "{w}x{h}: {s}"
            );
        }
    }
    assert!(!screen(&app, 80, 24).contains("needs a terminal"));
}

#[test]
fn pipeline_at_80x24() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('j'));
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn pipeline_at_160x48() {
    let mut app = demo();
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn new_opportunity_form_at_80x24() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "冷链项目");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "华润");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2026-02-30");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn ctrl_c_quits_at_once_from_the_filter_prompt() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "slot");
    assert_eq!(
        app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL
        ))),
        vec![Effect::Quit]
    );
    // (a form asks for a second Ctrl-c: ctrl_c_in_a_form_asks_for_a_second_one)
}

#[test]
fn quitting_after_a_failed_save_asks_twice() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('>'));
    app.update(Msg::SaveFailed("disk full".into()));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![]);
    assert!(app.status.as_ref().unwrap().0.contains("NOT saved"));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    let mut app = demo();
    app.update(Msg::SaveFailed("disk full".into()));
    app.update(Msg::Saved);
    assert_eq!(
        press(&mut app, KeyCode::Char('q')),
        vec![Effect::Quit],
        "a later save cleared it"
    );
}

#[test]
fn an_edit_that_leaves_the_filter_clears_it_instead_of_hiding_the_deal() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "slotting");
    press(&mut app, KeyCode::Enter);
    let id = selected_id(&app);
    press(&mut app, KeyCode::Char('e'));
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typing(&mut app, "DC layout study");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screens.pipeline.filter.value(), "");
    assert_eq!(selected_id(&app), id);
    assert!(app.status.as_ref().unwrap().0.contains("filter cleared"));
}

#[test]
fn editing_keeps_the_account_when_two_share_a_name() {
    let mut ws = funnel::store::demo::workspace(today());
    let mut twin = ws.accounts[0].clone();
    twin.id = "a99".into();
    ws.accounts.insert(0, twin);
    let mut app = App::new(ws, today(), "demo".into(), None);
    let id = selected_id(&app);
    let account = app.ws.opportunity(&id).unwrap().account.clone();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.ws.opportunity(&id).unwrap().account, account);
}

#[test]
fn a_deleted_deal_that_a_review_remembers_does_not_lend_its_id() {
    let mut app = demo();
    let highest = app
        .ws
        .opportunities
        .iter()
        .filter_map(|o| o.id[1..].parse::<u32>().ok())
        .max()
        .unwrap();
    app.ws.reviews[0]
        .opportunities
        .push(funnel::domain::ReviewedOpportunity {
            id: format!("o{}", highest + 1),
            ..Default::default()
        });
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Acme Foods");
    press(&mut app, KeyCode::Enter);
    assert!(app.ws.opportunity(&format!("o{}", highest + 2)).is_some());
}

#[test]
fn an_unbound_key_says_so() {
    let mut app = demo();
    // (`z` and `b` are bound in the table since issue 16: many deals
    // snoozed, the board)
    press(&mut app, KeyCode::Char('y'));
    assert!(app.status.as_ref().unwrap().0.contains("no such key"));
}

#[test]
fn an_unbound_space_is_named() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char(' '));
    let status = &app.status.as_ref().unwrap().0;
    assert!(status.starts_with("space: no such key"), "{status:?}");
}

#[test]
fn a_paste_fills_the_field_and_its_line_breaks_are_not_enter() {
    let mut app = demo();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('n'));
    app.update(Msg::Paste("line one\nN n W\nthird\n".into()));
    assert!(
        matches!(app.dialog, Some(Dialog::Form(..))),
        "still in the form"
    );
    assert_eq!(app.ws, before);
    if let Some(Dialog::Form(form, _)) = &app.dialog {
        assert_eq!(
            form.value(funnel::tui::form::FieldId::Title),
            "line one N n W third"
        );
    }
    press(&mut app, KeyCode::Esc);
    app.update(Msg::Paste("q".into()));
    assert!(app.status.as_ref().unwrap().0.contains("paste goes into"));
}

#[test]
fn a_long_field_scrolls_so_the_cursor_stays_in_view() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, &"长城润滑油年度框架协议".repeat(8));
    typing(&mut app, " END");
    let s = screen(&app, 80, 24);
    assert!(s.contains("END"), "{s}");
    assert!(s.contains("title …"), "{s}");
}

/// Issue 16: an emoji made of several code points joined by ZWJ is one
/// grapheme of two columns; measured code point by code point it made rows
/// wider than the screen. Every row keeps the screen's width and the table's
/// right border stays in its column.
#[test]
fn zwj_emoji_in_a_title_keeps_every_row_its_width() {
    let mut app = demo();
    for n in 0..3 {
        let i = app.screens.pipeline.rows[n];
        app.ws.opportunities[i].title = [
            "👩‍💻 Dev 👨‍👩‍👧 team ERP rollout 二期",
            "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧",
            "a👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻",
        ][n]
            .into();
    }
    for (w, h) in [(80u16, 24u16), (200, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let buf = terminal.backend().buffer();
        // the table's top right corner, under the stage strip
        let (border, top) = (2..4)
            .find_map(|y| {
                (0..w)
                    .find(|&x| buf[(x, y)].symbol() == "┐")
                    .map(|x| (x, y))
            })
            .expect("the table's top right corner");
        for y in top + 1..h - 1 {
            let mut used = 0;
            let mut x = 0;
            while x < w {
                let cw = funnel::text::width(buf[(x, y)].symbol()).max(1);
                used += cw;
                x += cw as u16;
            }
            assert_eq!(used, usize::from(w), "row {y} at {w}×{h}");
            assert_eq!(buf[(border, y)].symbol(), "│", "row {y} at {w}×{h}");
        }
    }
}

/// Issue 16: at 180 columns the stage strip ran together (`6.0Mclose 销售成交`).
/// At every width from 80 to 300, a stage's name follows a space and no
/// figure touches the next one.
#[test]
fn the_stage_strip_keeps_a_space_between_its_segments() {
    let app = demo();
    for w in 80..=300u16 {
        let mut terminal = Terminal::new(TestBackend::new(w, 30)).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let buf = terminal.backend().buffer();
        for y in 1..=2u16 {
            let row: Vec<&str> = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            let text = row.concat();
            for x in 1..row.len() {
                let rest = row[x..].concat();
                if ["qualify", "drive", "propose", "negotiate", "close"]
                    .iter()
                    .any(|name| rest.starts_with(name))
                {
                    assert_eq!(row[x - 1], " ", "{w}: {text}");
                }
            }
            for token in text.split_whitespace() {
                let figure = token.trim_end_matches(['k', 'M', 'B', '…']);
                assert!(
                    token == "·"
                        || token == "w"
                        || figure.chars().all(|c| c.is_ascii_digit() || c == '.')
                        || !token.chars().next().unwrap().is_ascii_digit(),
                    "{w}: {token:?} in {text}"
                );
            }
        }
    }
}

/// Issue 16: at 80×24 the deal pane listed two of `Red flags (3)` without
/// saying so. A section that cannot show all its rows ends with `+N more`,
/// and what it shows plus N is all it has.
#[test]
fn a_deal_section_too_short_for_its_rows_says_how_many_more() {
    let mut app = demo();
    let mut cut = 0;
    for _ in 0..app.screens.pipeline.rows.len() {
        let o = app.current_opportunity().unwrap().clone();
        let total = funnel::domain::flags::flag_rows(&o, &app.ws.settings, app.today).len()
            + funnel::domain::flags::strengths(&o).len();
        let screen = screen(&app, 80, 24);
        let lines: Vec<&str> = screen.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.contains("Red flags ("))
            .unwrap();
        let end = lines
            .iter()
            .position(|l| l.contains("Actions ("))
            .unwrap_or(lines.len() - 1);
        let section = &lines[start + 1..end];
        let shown = section.len();
        let more = section.last().and_then(|l| {
            let at = l.find(" more")?;
            let n = l[..at].rsplit('+').next()?;
            n.parse::<usize>().ok()
        });
        match more {
            Some(n) => {
                cut += 1;
                assert_eq!(shown - 1 + n, total, "{screen}");
            }
            None => assert!(
                shown >= total.max(1),
                "{total} rows, {shown} shown:\n{screen}"
            ),
        }
        press(&mut app, KeyCode::Char('j'));
    }
    assert!(cut > 0, "some deal's flags do not fit 80×24");
}

#[test]
fn pipeline_at_200x50_widens_the_deal_pane_and_wraps_its_texts() {
    fn draw(app: &App) -> (ratatui::buffer::Buffer, String) {
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        terminal.draw(|f| views::draw(app, f)).unwrap();
        let text = terminal.backend().to_string();
        (terminal.backend().buffer().clone(), text)
    }
    // the first deal: its objective and log entries are longer than a line
    let mut app = demo();
    let (buf, text) = draw(&app);
    // the pane takes 45% of the width: the list's corner is at 110
    let corner = (0..200).find(|x| buf[(*x, 2)].symbol() == "┐");
    assert_eq!(corner, Some(109), "{text}");
    // the objective and the log end on the screen: wrapped, not cut
    let o = app.current_opportunity().unwrap();
    for text_end in [&o.objective, &o.log[0].text, &o.log[1].text] {
        let last_word = text_end.split_whitespace().last().unwrap();
        assert!(text.contains(last_word), "{last_word}:\n{text}");
    }
    // nothing in the deal pane is cut (the table cuts its long titles
    // with `…`)
    let pane: String = (3..49)
        .flat_map(|y| (111..200).map(move |x| (x, y)))
        .map(|p| buf[p].symbol().to_owned())
        .collect();
    assert!(!pane.contains('…'), "{text}");
    insta::assert_snapshot!(text);
    // the fullest demo deal: every row of every section shows, none left
    // out, and the notes fill the room under the lists
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('j'));
    }
    let (buf, text) = draw(&app);
    let pane: String = (3..49)
        .flat_map(|y| (111..200).map(move |x| (x, y)))
        .map(|p| buf[p].symbol().to_owned())
        .collect();
    // no `+N more` (a flag may say `more than 30`: it shows whole now)
    let left_out = pane.split('+').skip(1).any(|rest| {
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        after.len() < rest.len() && after.starts_with(" more")
    });
    assert!(!left_out, "{text}");
    assert!(text.contains("Notes"), "{text}");
}

#[test]
fn enter_in_the_log_shows_the_whole_entry_and_esc_closes_it() {
    let mut app = demo();
    let id = selected_id(&app);
    let words: Vec<String> = (1..=250).map(|n| format!("word{n}")).collect();
    let long = words.join(" ");
    while app.focus() != Pane::Log {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, &long);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(
        app.ws.opportunity(&id).unwrap().log.last().unwrap().text,
        long
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::LogEntry { .. })));
    insta::assert_snapshot!("log_entry_in_full_80x24", screen(&app, 80, 24));
    // at 80x24 the first lines show, and the rest by scrolling down
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&app, 80, 24));
        press(&mut app, KeyCode::Char('j'));
    }
    for w in &words {
        assert!(
            seen.split(|c: char| !c.is_alphanumeric()).any(|s| s == w),
            "{w} never shown"
        );
    }
    // on a tall screen every word shows at once, wrapped
    press(&mut app, KeyCode::Char('g'));
    let tall = screen(&app, 100, 50);
    for w in &words {
        assert!(
            tall.split(|c: char| !c.is_alphanumeric()).any(|s| s == w),
            "{w} not shown at 100x50:\n{tall}"
        );
    }
    press(&mut app, KeyCode::Esc);
    assert!(app.dialog.is_none());
}

/// Ctrl-c in a form being filled asks for a second Ctrl-c before it quits
/// and drops the form; any other key takes the first one back. Outside a
/// dialog it quits at once.
#[test]
fn ctrl_c_in_a_form_asks_for_a_second_one() {
    let ctrl_c = || KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut app = demo();
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "ERP phase 3");
    assert_eq!(app.update(funnel::tui::app::Msg::Key(ctrl_c())), vec![]);
    assert!(
        matches!(app.dialog, Some(Dialog::Form(..))),
        "the form stays"
    );
    let said = app.status.as_ref().unwrap().0.clone();
    assert!(said.contains("Ctrl-c again"), "{said}");
    // a key typed in between: the warning goes, the next Ctrl-c asks again
    typing(&mut app, "!");
    assert!(app.status.is_none(), "{:?}", app.status);
    assert_eq!(app.update(funnel::tui::app::Msg::Key(ctrl_c())), vec![]);
    assert_eq!(
        app.update(funnel::tui::app::Msg::Key(ctrl_c())),
        vec![Effect::Quit]
    );
    // no dialog: at once
    let mut app = demo();
    assert_eq!(
        app.update(funnel::tui::app::Msg::Key(ctrl_c())),
        vec![Effect::Quit]
    );
}

/// A field longer than its line scrolls to keep the cursor in view, the
/// hidden start marked `…`, wide characters included.
#[test]
fn a_long_field_shows_its_end_with_the_cursor() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('n'));
    let long = format!("{}长城END", "报价澄清x".repeat(600));
    app.update(Msg::Paste(long));
    let text = screen(&app, 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("长城END"))
        .unwrap_or_else(|| panic!("the end shows:\n{text}"));
    assert!(line.contains('…'), "{line}");
    press(&mut app, KeyCode::Home);
    let text = screen(&app, 80, 24);
    assert!(!text.contains("长城END"), "back at the start:\n{text}");
    assert!(text.contains("报价澄清x报价"), "{text}");
}
