//! Conversations in the workbench (spec section 10, issue 20): an action's
//! kind, time and owner in its form; the call plan form (`p`, the Green
//! Sheet); `x` on an open call, meeting or visit asks for the debrief,
//! which one undo takes back; `e` on a `no-call-plan` red flag opens the
//! plan; the same keys in view 2.

use crate::common::{CHINESE, clean_screen, day, press, selected_id, status, today, typing};
use funnel::domain::flags::{self, Rule};
use funnel::domain::{Action, ActionKind, CallPlan, Commitment, Opportunity, TimeOfDay, Workspace};
use funnel::i18n;
use funnel::tui::app::{App, Effect, FormPurpose, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The deal every test works on.
const DEAL: &str = "o16";

/// The demo with o16's actions replaced by two of our own: `t1`, a
/// meeting tomorrow at 09:30 with its first person and no plan, and `t2`,
/// a task the day after.
fn workspace() -> Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    let o = ws.opportunities.iter_mut().find(|o| o.id == DEAL).unwrap();
    let person = o.influences[0].id.clone();
    o.actions = vec![
        Action {
            id: "t1".into(),
            text: "Walk the line 2 pilot with the plant director".into(),
            due: Some(day("2026-11-24")),
            influence: Some(person),
            kind: Some(ActionKind::Meeting),
            at: TimeOfDay::parse("09:30"),
            owner: Some("Zhang".into()),
            ..Action::default()
        },
        Action {
            id: "t2".into(),
            text: "Send the reference list".into(),
            due: Some(day("2026-11-25")),
            kind: Some(ActionKind::Task),
            ..Action::default()
        },
    ];
    ws
}

fn app_of(ws: Workspace, w: u16, h: u16) -> App {
    let mut app = App::new(ws, today(), "test".into(), None);
    app.update(Msg::Resized(w, h));
    app
}

fn deal(app: &App) -> &Opportunity {
    app.ws.opportunity(DEAL).unwrap()
}

fn action<'a>(app: &'a App, id: &str) -> &'a Action {
    deal(app).actions.iter().find(|a| a.id == id).unwrap()
}

/// View 1 with the deal selected and `pane` focused.
fn at_pane(app: &mut App, pane: Pane) {
    while app.focus() != Pane::Table {
        press(app, KeyCode::Tab);
    }
    press(app, KeyCode::Home);
    for _ in 0..app.screens.pipeline.rows.len() {
        if selected_id(app) == DEAL {
            break;
        }
        press(app, KeyCode::Down);
    }
    assert_eq!(selected_id(app), DEAL);
    for _ in 0..Pane::ORDER.len() {
        if app.focus() == pane {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("{pane:?} never took the focus");
}

/// The deal's Actions pane with `t1` (its first row) selected.
fn at_meeting(w: u16, h: u16) -> App {
    let mut app = app_of(workspace(), w, h);
    at_pane(&mut app, Pane::Actions);
    app
}

fn purpose(app: &App) -> Option<&FormPurpose> {
    match &app.dialog {
        Some(Dialog::Form(_, p)) => Some(p),
        _ => None,
    }
}

fn is_plan_form(app: &App, id: &str) -> bool {
    matches!(purpose(app), Some(FormPurpose::CallPlan(o, a)) if o.as_str() == DEAL && a.as_str() == id)
}

fn is_debrief_form(app: &App, id: &str) -> bool {
    matches!(purpose(app), Some(FormPurpose::Debrief(o, a)) if o.as_str() == DEAL && a.as_str() == id)
}

/// Empties the focused field of a form.
fn clear_field(app: &mut App) {
    press(app, KeyCode::End);
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
}

/// A store on disk holding `ws`, to read back what the workbench saves.
fn store_of(ws: &Workspace) -> (tempfile::TempDir, std::path::PathBuf, funnel::store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    let store = funnel::store::Store::create(&path, ws, &dir.path().join("data")).unwrap();
    (dir, path, store)
}

/// Types the whole plan of `t1` into the open plan form.
fn fill_plan(app: &mut App) {
    let fields = [
        "Agree the pilot scope",
        "Their March line start needs the MES",
        "Pilot order signed by 15 Dec",
        "Date for the purchasing meeting",
        "How many stops a week?",
        "What does an hour down cost?; Who feels it first?",
        "What happens to the March start if line 2 stops?",
        "What would an hour back a week be worth?",
        "Kunshan reference visit",
    ];
    for (n, text) in fields.iter().enumerate() {
        if n > 0 {
            press(app, KeyCode::Tab);
        }
        typing(app, text);
    }
}

#[test]
fn the_plan_form_fills_and_saves_and_a_blank_one_clears_the_plan() {
    let mut app = at_meeting(80, 24);
    let (_dir, path, mut store) = store_of(&app.ws);
    assert_eq!(press(&mut app, KeyCode::Char('p')), vec![]);
    assert!(is_plan_form(&app, "t1"), "{:?}", app.dialog);
    fill_plan(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    assert!(status(&app).starts_with("call plan of"), "{}", status(&app));
    store.save(&app.ws).unwrap();
    let saved = crate::common::read_workspace(&path);
    let plan = saved.opportunity(DEAL).unwrap().actions[0]
        .plan
        .clone()
        .expect("the plan is saved");
    assert_eq!(plan.objective, "Agree the pilot scope");
    assert_eq!(plan.reason, "Their March line start needs the MES");
    assert_eq!(plan.best, "Pilot order signed by 15 Dec");
    assert_eq!(plan.minimum, "Date for the purchasing meeting");
    assert_eq!(plan.questions.situation, ["How many stops a week?"]);
    assert_eq!(
        plan.questions.problem,
        ["What does an hour down cost?", "Who feels it first?"]
    );
    assert_eq!(
        plan.questions.implication,
        ["What happens to the March start if line 2 stops?"]
    );
    assert_eq!(
        plan.questions.need_payoff,
        ["What would an hour back a week be worth?"]
    );
    assert_eq!(plan.give, ["Kunshan reference visit"]);
    // the pane's line under the action says what the plan aims for (a
    // tall screen has room for it)
    let mut tall = app_of(app.ws.clone(), 160, 48);
    at_pane(&mut tall, Pane::Actions);
    let shown = clean_screen(&tall, 160, 48);
    assert!(
        shown.contains("Plan: Agree the pilot scope · best: Pilot order signed"),
        "{shown}"
    );
    // opened again it shows the plan; emptied, it clears it
    press(&mut app, KeyCode::Char('p'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form");
    };
    assert_eq!(
        form.value(funnel::tui::forms::FieldId::Problem),
        "What does an hour down cost?; Who feels it first?"
    );
    for n in 0..9 {
        if n > 0 {
            press(&mut app, KeyCode::Tab);
        }
        clear_field(&mut app);
    }
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(status(&app).starts_with("call plan of"), "{}", status(&app));
    assert!(status(&app).ends_with("cleared"), "{}", status(&app));
    store.save(&app.ws).unwrap();
    let saved = crate::common::read_workspace(&path);
    assert_eq!(saved.opportunity(DEAL).unwrap().actions[0].plan, None);
}

#[test]
fn each_spin_field_shows_the_course_prompt_while_focused() {
    let mut app = at_meeting(80, 24);
    press(&mut app, KeyCode::Char('p'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Facts and background"), "{shown}");
    assert!(!shown.contains("Their difficulties"), "{shown}");
    press(&mut app, KeyCode::Tab);
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Their difficulties"), "{shown}");
    assert!(!shown.contains("Facts and background"), "{shown}");
}

#[test]
fn x_on_a_meeting_asks_for_the_debrief_which_writes_everything_and_one_undo_takes_it_back() {
    let mut app = at_meeting(80, 24);
    let before = app.ws.clone();
    let person = deal(&app).influences[0].clone();
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![]);
    assert!(is_debrief_form(&app, "t1"), "{:?}", app.dialog);
    assert_eq!(action(&app, "t1").done, None, "nothing is done yet");
    typing(&mut app, "Line 2 stops twice a week");
    press(&mut app, KeyCode::Tab);
    // none → best
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Send the pilot proposal");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "+7");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    let a = action(&app, "t1");
    assert_eq!(a.done, Some(today()));
    let d = a.debrief.clone().expect("the debrief is kept");
    assert_eq!(d.learned, "Line 2 stops twice a week");
    assert_eq!(d.commitment, Commitment::Best);
    assert_eq!(d.next, "Send the pilot proposal");
    let o = deal(&app);
    assert_eq!(o.log.len(), before.opportunity(DEAL).unwrap().log.len() + 1);
    let entry = o.log.last().unwrap();
    assert_eq!(entry.on, today());
    assert!(
        entry.text.contains("Line 2 stops twice a week"),
        "{}",
        entry.text
    );
    let p = o.influences.iter().find(|p| p.id == person.id).unwrap();
    assert_eq!(p.last_contact, Some(today()));
    let next = o
        .actions
        .iter()
        .find(|a| a.text == "Send the pilot proposal")
        .expect("the next step is an action");
    assert_eq!(next.due, Some(today().plus_days(7)));
    assert_eq!(next.influence.as_deref(), Some(person.id.as_str()));
    assert_eq!(next.done, None);
    // one undo: open again, no log entry, the old last contact, no new action
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(app.ws, before);
}

#[test]
fn esc_on_the_debrief_changes_nothing() {
    let mut app = at_meeting(80, 24);
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('x'));
    typing(&mut app, "half typed");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert!(app.dialog.is_none());
    assert_eq!(app.ws, before);
    assert_eq!(status(&app), "cancelled, nothing changed");
}

#[test]
fn x_on_a_task_marks_it_done_at_once_and_x_on_a_done_meeting_reopens_it() {
    let mut app = at_meeting(80, 24);
    press(&mut app, KeyCode::Down);
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    assert_eq!(action(&app, "t2").done, Some(today()));
    // a meeting done already: x opens it again, no form
    let mut ws = workspace();
    ws.opportunities
        .iter_mut()
        .find(|o| o.id == DEAL)
        .unwrap()
        .actions[0]
        .done = Some(day("2026-11-20"));
    let mut app = app_of(ws, 80, 24);
    at_pane(&mut app, Pane::Actions);
    let row = funnel::domain::opportunity::actions_in_order(deal(&app))
        .iter()
        .position(|a| a.id == "t1")
        .unwrap();
    for _ in 0..row {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    assert_eq!(action(&app, "t1").done, None);
}

#[test]
fn the_action_form_keeps_kind_time_owner_and_plan_on_edit_and_changes_them() {
    let mut ws = workspace();
    let plan = CallPlan {
        objective: "Agree the pilot scope".into(),
        best: "Pilot order".into(),
        ..CallPlan::default()
    };
    ws.opportunities
        .iter_mut()
        .find(|o| o.id == DEAL)
        .unwrap()
        .actions[0]
        .plan = Some(plan.clone());
    let mut app = app_of(ws, 80, 24);
    at_pane(&mut app, Pane::Actions);
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("11-24 09:30 [meeting] Wa"), "{shown}");
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(purpose(&app), Some(FormPurpose::EditAction(..))));
    typing(&mut app, " again");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let a = action(&app, "t1");
    assert_eq!(
        a.text,
        "Walk the line 2 pilot with the plant director again"
    );
    assert_eq!(a.kind, Some(ActionKind::Meeting));
    assert_eq!(a.at, TimeOfDay::parse("09:30"));
    assert_eq!(a.owner.as_deref(), Some("Zhang"));
    assert_eq!(a.plan.as_ref(), Some(&plan));
    // the kind cycles (meeting → visit), the time is typed leniently, a
    // blank owner is the deal's
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typing(&mut app, "1415");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let a = action(&app, "t1");
    assert_eq!(a.kind, Some(ActionKind::Visit));
    assert_eq!(a.at, TimeOfDay::parse("14:15"));
    assert_eq!(a.owner, None);
    assert_eq!(a.plan.as_ref(), Some(&plan));
}

#[test]
fn a_bad_time_is_refused_with_a_message_naming_the_field() {
    let mut app = at_meeting(80, 24);
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    typing(&mut app, "25:70");
    // Enter goes to the field and keeps the form open
    press(&mut app, KeyCode::Tab);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(purpose(&app), Some(FormPurpose::EditAction(..))));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form");
    };
    assert_eq!(form.fields[form.focus].id, funnel::tui::forms::FieldId::At);
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("time: expected a time like 9:30"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, before);
}

#[test]
fn e_on_the_no_call_plan_flag_opens_the_plan_of_that_action() {
    let mut app = at_meeting(80, 24);
    at_pane(&mut app, Pane::Flags);
    let rows = flags::flag_rows(deal(&app), &app.ws.settings, today());
    let row = rows
        .iter()
        .position(|(f, _)| f.rule == Rule::NoCallPlan && f.subject.as_deref() == Some("t1"))
        .expect("t1 has no plan: the flag is raised");
    for _ in 0..row {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('e'));
    assert!(is_plan_form(&app, "t1"), "{:?}", app.dialog);
    assert_eq!(app.focus(), Pane::Actions);
    fill_plan(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let rows = flags::flag_rows(deal(&app), &app.ws.settings, today());
    assert!(
        !rows.iter().any(|(f, _)| f.rule == Rule::NoCallPlan),
        "the plan written, the flag goes"
    );
}

/// View 2 with the entry of `id` selected.
fn in_view_2(app: &mut App, id: &str) {
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Home);
    let index = app.ws.opportunities.iter().position(|o| o.id == DEAL);
    for _ in 0..app.screens.actions.len() {
        let e = app.screens.actions.selected().unwrap();
        if e.action.as_deref() == Some(id) && Some(e.opportunity) == index {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{id} is not in view 2");
}

#[test]
fn view_2_has_the_plan_and_the_debrief_and_marked_actions_are_done_in_bulk() {
    let mut app = app_of(workspace(), 80, 24);
    in_view_2(&mut app, "t1");
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("09:30 ! [meeting] Walk"), "{shown}");
    assert!(shown.contains("! no call plan yet: p writes it"), "{shown}");
    press(&mut app, KeyCode::Char('p'));
    assert!(is_plan_form(&app, "t1"), "{:?}", app.dialog);
    fill_plan(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(action(&app, "t1").plan.is_some());
    in_view_2(&mut app, "t1");
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Plan: Agree the pilot scope"), "{shown}");
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('x'));
    assert!(is_debrief_form(&app, "t1"), "{:?}", app.dialog);
    // the commitments the plan aims for are the choices
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("‹ none ›"), "{shown}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    let shown = clean_screen(&app, 80, 24);
    assert!(
        shown.contains("‹ best: Pilot order signed by 15 Dec ›"),
        "{shown}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, before);
    // marked, a meeting and a task are done at once, no debrief
    in_view_2(&mut app, "t1");
    press(&mut app, KeyCode::Char(' '));
    in_view_2(&mut app, "t2");
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert!(app.dialog.is_none());
    assert_eq!(action(&app, "t1").done, Some(today()));
    assert_eq!(action(&app, "t2").done, Some(today()));
}

#[test]
fn the_help_lists_p_and_the_debrief() {
    let mut app = at_meeting(160, 48);
    press(&mut app, KeyCode::Char('?'));
    let shown = clean_screen(&app, 160, 48);
    assert!(shown.contains("call plan (Green Sheet)"), "{shown}");
    assert!(shown.contains("or visit asks for its"), "{shown}");
}

#[test]
fn snapshots_of_the_plan_and_the_debrief_forms() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = at_meeting(w, h);
        press(&mut app, KeyCode::Char('p'));
        fill_plan(&mut app);
        // from the last field round to the first SPIN field: its prompt
        // under it
        for _ in 0..5 {
            press(&mut app, KeyCode::Tab);
        }
        insta::assert_snapshot!(format!("plan_form_{w}x{h}"), clean_screen(&app, w, h));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('x'));
        typing(&mut app, "Line 2 stops twice a week");
        press(&mut app, KeyCode::Tab);
        insta::assert_snapshot!(format!("debrief_form_{w}x{h}"), clean_screen(&app, w, h));
    }
    i18n::with(CHINESE, || {
        let mut app = at_meeting(80, 24);
        press(&mut app, KeyCode::Char('p'));
        typing(&mut app, "确定试点范围");
        for _ in 0..5 {
            press(&mut app, KeyCode::Tab);
        }
        insta::assert_snapshot!("zh_plan_form_80x24", clean_screen(&app, 80, 24));
    });
}

#[test]
fn ctrl_c_in_the_debrief_asks_before_dropping_it() {
    let mut app = at_meeting(80, 24);
    press(&mut app, KeyCode::Char('x'));
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(is_debrief_form(&app, "t1"), "the form stays open");
}

/// Moves to `id` in the open form and types `text` over its value.
fn retype(app: &mut App, id: funnel::tui::forms::FieldId, text: &str) {
    for _ in 0..40 {
        if let Some(Dialog::Form(form, _)) = &app.dialog
            && form.fields[form.focus].id == id
        {
            clear_field(app);
            typing(app, text);
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no field {id:?}");
}

#[test]
fn a_persons_email_phone_and_cadence_are_edited_and_an_empty_cadence_says_its_default() {
    use funnel::tui::forms::FieldId;
    let mut app = app_of(workspace(), 80, 24);
    at_pane(&mut app, Pane::Influences);
    let row = funnel::domain::influence::map_rows(&deal(&app).influences)[0];
    let id = deal(&app).influences[row].id.clone();
    let level = deal(&app).influences[row].influence;
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(
        purpose(&app),
        Some(FormPurpose::EditInfluence(..))
    ));
    retype(&mut app, FieldId::Email, "gu@example.cn");
    retype(&mut app, FieldId::Phone, "+86 512 6666 0000");
    retype(&mut app, FieldId::Cadence, "");
    // the form scrolls: the focused field, its hint and the keys in view
    let days = app.ws.settings.cadence_days.for_level(level).0;
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("contact every (days)"), "{shown}");
    assert!(
        shown.contains(&format!("empty: every {days} days")),
        "{shown}"
    );
    assert!(shown.contains("Enter save"), "{shown}");
    typing(&mut app, "0");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![], "0 days is refused");
    clear_field(&mut app);
    typing(&mut app, "14");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let p = deal(&app).influences.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p.email, "gu@example.cn");
    assert_eq!(p.phone, "+86 512 6666 0000");
    assert_eq!(p.cadence_days.map(|d| d.0), Some(14));
    // emptied, the cadence is the settings' again
    press(&mut app, KeyCode::Char('e'));
    retype(&mut app, FieldId::Cadence, "");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let p = deal(&app).influences.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p.cadence_days, None);
    assert_eq!(p.email, "gu@example.cn", "kept");
}

#[test]
fn the_settings_form_edits_the_cadence_of_each_influence() {
    use funnel::tui::forms::FieldId;
    let mut app = app_of(workspace(), 80, 24);
    press(&mut app, KeyCode::Char('S'));
    retype(&mut app, FieldId::CadenceHigh, "21");
    retype(&mut app, FieldId::CadenceMedium, "45");
    retype(&mut app, FieldId::CadenceLow, "90");
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Enter save"), "{shown}");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let c = &app.ws.settings.cadence_days;
    assert_eq!((c.high.0, c.medium.0, c.low.0), (21, 45, 90));
}
