//! The Blue Sheet in view 1 (spec section 9, issue 19): `B` shows the
//! deal's strategy page (strategy, competition, decision criteria, close
//! plan); every field is written through its form, undone and redone, and
//! saved; the quick keys t, x, d; `e` on a red flag goes where it is fixed,
//! and fixing it there makes the flag go.

use crate::common::{CHINESE, clean_screen, day, press, selected_id, status, today, typing};
use funnel::domain::flags::{self, Rule};
use funnel::domain::{
    CompellingEvent, Competitor, Criterion, CriterionKind, Opportunity, PlanStep, Score, Side,
    Standing, TeamMember, Workspace,
};
use funnel::i18n;
use funnel::tui::app::{App, Effect, FormPurpose, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::forms::FieldId;
use funnel::tui::screens::Pane;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The deal every test works on: negotiate, 75%, close 2026-12-11.
const DEAL: &str = "o16";

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

fn app_of(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "test".into(), None);
    app.update(Msg::Resized(80, 24));
    app
}

fn demo() -> App {
    app_of(funnel::store::demo::workspace(today()))
}

fn deal(app: &App) -> &Opportunity {
    app.ws.opportunity(DEAL).unwrap()
}

/// View 1 with `id` selected in the table, the table focused.
fn select(app: &mut App, id: &str) {
    while app.focus() != Pane::Table {
        press(app, KeyCode::Tab);
    }
    press(app, KeyCode::Home);
    for _ in 0..app.screens.pipeline.rows.len() {
        if selected_id(app) == id {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{id} is not listed");
}

/// Tab until `pane` has the focus.
fn focus(app: &mut App, pane: Pane) {
    for _ in 0..Pane::ORDER.len() {
        if app.focus() == pane {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("{pane:?} never took the focus");
}

/// The demo's o16 with every field of the Blue Sheet written: a Chinese
/// competitor ahead, a heavy criterion we are behind on, and a close plan
/// with an overdue step, a done one, and one after the close date.
fn full_workspace() -> Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    let o = ws.opportunities.iter_mut().find(|o| o.id == DEAL).unwrap();
    let holder = o.influences.first().map(|p| p.id.clone());
    o.value_proposition.needs = "Two lines down an hour a week from unplanned stops".into();
    o.value_proposition.benefits =
        "OEE up 6 points in a year; scrap halved on line 2, paid back in 14 months".into();
    o.value_proposition.differentiators =
        "Our own Suzhou service team on site in 2 hours; the Kunshan plant as a reference".into();
    o.compelling_event = Some(CompellingEvent {
        text: "New line goes live in March: the MES must run before it".into(),
        on: Some(day("2027-03-01")),
        ..CompellingEvent::default()
    });
    o.decision_process =
        "Plant IT scores, the plant director recommends, group purchasing signs over 2M".into();
    o.strengths = vec![
        "Reference at Kunshan".into(),
        "Plant director is our coach".into(),
    ];
    o.team = vec![
        TeamMember {
            name: "Li Wei".into(),
            role: "account lead".into(),
            ..TeamMember::default()
        },
        TeamMember {
            name: "张工".into(),
            role: "售前".into(),
            ..TeamMember::default()
        },
    ];
    o.notes = "Met the plant director on 12 Nov.\nShe wants the pilot on line 2 first; purchasing asks for three quotes.".into();
    o.competition = vec![
        Competitor {
            id: "c1".into(),
            name: "用友网络".into(),
            position: Standing::Ahead,
            strengths: vec!["price".into(), "group-wide ERP already in place".into()],
            weaknesses: vec!["no shop-floor references".into()],
            ..Competitor::default()
        },
        Competitor {
            id: "c2".into(),
            name: "Siemens Opcenter".into(),
            position: Standing::Even,
            strengths: vec!["brand".into()],
            weaknesses: vec!["slow local support".into()],
            ..Competitor::default()
        },
        Competitor {
            id: "c3".into(),
            name: "In-house build".into(),
            position: Standing::Behind,
            ..Competitor::default()
        },
    ];
    o.decision_criteria = vec![
        Criterion {
            id: "k1".into(),
            text: "Price within the 2.8M budget".into(),
            kind: Some(CriterionKind::Commercial),
            weight: Score::new(3),
            standing: Standing::Ahead,
            ..Criterion::default()
        },
        Criterion {
            id: "k2".into(),
            text: "Runs on the existing PLCs without new hardware".into(),
            kind: Some(CriterionKind::Technical),
            weight: Score::new(5),
            held_by: holder,
            standing: Standing::Behind,
            ..Criterion::default()
        },
        Criterion {
            id: "k3".into(),
            text: "Pilot on one line first".into(),
            kind: Some(CriterionKind::Process),
            weight: None,
            standing: Standing::Unknown,
            ..Criterion::default()
        },
    ];
    o.close_plan = vec![
        PlanStep {
            id: "s1".into(),
            text: "Pilot report signed by the plant director".into(),
            side: Some(Side::Customer),
            due: Some(day("2026-11-20")),
            ..PlanStep::default()
        },
        PlanStep {
            id: "s2".into(),
            text: "Final quote".into(),
            side: Some(Side::Us),
            due: Some(day("2026-11-18")),
            done: Some(day("2026-11-18")),
            ..PlanStep::default()
        },
        PlanStep {
            id: "s3".into(),
            text: "Group purchasing approval and contract review by legal".into(),
            side: Some(Side::Customer),
            due: Some(day("2026-12-18")),
            ..PlanStep::default()
        },
        PlanStep {
            id: "s4".into(),
            text: "Kick-off workshop".into(),
            side: Some(Side::Both),
            due: None,
            ..PlanStep::default()
        },
    ];
    ws
}

fn full() -> App {
    let mut app = app_of(full_workspace());
    select(&mut app, DEAL);
    app
}

/// The Blue Sheet's pane `pane` focused on the deal, drawn at `w`×`h`.
fn sheet_screen(app: &mut App, pane: Pane, (w, h): (u16, u16)) -> String {
    app.update(Msg::Resized(w, h));
    focus(app, pane);
    clean_screen(app, w, h)
}

#[test]
fn snapshots_of_the_demo_blue_sheet_each_pane_focused() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = demo();
        select(&mut app, DEAL);
        for pane in [
            Pane::Strategy,
            Pane::Competition,
            Pane::Criteria,
            Pane::ClosePlan,
        ] {
            let shown = sheet_screen(&mut app, pane, (w, h));
            insta::assert_snapshot!(format!("demo_sheet_{pane:?}_{w}x{h}"), shown);
        }
    }
}

#[test]
fn snapshots_of_a_deal_with_every_blue_sheet_field_filled() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = full();
        for pane in [
            Pane::Strategy,
            Pane::Competition,
            Pane::Criteria,
            Pane::ClosePlan,
        ] {
            let shown = sheet_screen(&mut app, pane, (w, h));
            insta::assert_snapshot!(format!("full_sheet_{pane:?}_{w}x{h}"), shown);
        }
        // the table focused shows the page last shown
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.focus(), Pane::Table);
        let shown = clean_screen(&app, w, h);
        assert!(shown.contains("Close plan (1/4 done)"), "{shown}");
    }
    i18n::with(CHINESE, || {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = full();
            for pane in [Pane::Competition, Pane::ClosePlan] {
                let shown = sheet_screen(&mut app, pane, (w, h));
                insta::assert_snapshot!(format!("zh_full_sheet_{pane:?}_{w}x{h}"), shown);
            }
        }
    });
}

#[test]
fn the_page_shows_what_matters_at_80x24() {
    let mut app = full();
    // the strategy: the compelling event with its days left, the notes
    let shown = sheet_screen(&mut app, Pane::Strategy, (80, 24));
    assert!(shown.contains("Strategy · 1 of 8"), "{shown}");
    press(&mut app, KeyCode::Char('G'));
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Met the plant director"), "{shown}");
    let mut app = full();
    focus(&mut app, Pane::Strategy);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    let shown = clean_screen(&app, 160, 48);
    assert!(shown.contains("2027-03-01, in 98 d"), "{shown}");
    // the criteria: heaviest first, and the advice under the selected one
    // we are behind on
    let shown = sheet_screen(&mut app, Pane::Criteria, (80, 24));
    assert!(shown.contains("5 ▼ Runs on the"), "{shown}");
    assert!(shown.contains("→ Reshape it with"), "{shown}");
    press(&mut app, KeyCode::Char('j'));
    let shown = clean_screen(&app, 80, 24);
    assert!(!shown.contains("→ Reshape it with"), "{shown}");
    // the close plan: where the close date falls, and that it ends after
    let shown = sheet_screen(&mut app, Pane::ClosePlan, (160, 48));
    assert!(shown.contains("── expected close 2026-12-11 ──"), "{shown}");
    assert!(
        shown.contains("⚠ the plan ends 2026-12-18, after the expected close 2026-12-11"),
        "{shown}"
    );
    let marker = shown.find("── expected close").unwrap();
    assert!(shown.find("Final quote").unwrap() < marker);
    assert!(shown.find("Group purchasing").unwrap() > marker);
}

#[test]
fn tab_goes_on_from_the_log_to_the_blue_sheet_and_back_to_the_table_and_b_switches_pages() {
    let mut app = full();
    focus(&mut app, Pane::Log);
    let mut order = Vec::new();
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
        order.push(app.focus());
    }
    assert_eq!(
        order,
        [
            Pane::Strategy,
            Pane::Competition,
            Pane::Criteria,
            Pane::ClosePlan,
            Pane::Table
        ]
    );
    // the table shows the page last shown; Enter opens it, B the other
    assert!(app.screens.pipeline.sheet_shown());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Strategy);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.focus(), Pane::Table);
    assert!(app.screens.pipeline.sheet_shown());
    press(&mut app, KeyCode::Char('B'));
    assert_eq!(app.focus(), Pane::Qualification);
    assert!(!app.screens.pipeline.sheet_shown());
    press(&mut app, KeyCode::Char('B'));
    assert_eq!(app.focus(), Pane::Strategy);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::Log, "Shift-Tab goes back to the log");
    assert!(!app.screens.pipeline.sheet_shown());
    // each list keeps its selection
    focus(&mut app, Pane::ClosePlan);
    press(&mut app, KeyCode::Char('G'));
    focus(&mut app, Pane::Competition);
    press(&mut app, KeyCode::Char('j'));
    focus(&mut app, Pane::ClosePlan);
    assert_eq!(app.detail_selection(Pane::ClosePlan), 3);
    assert_eq!(app.detail_selection(Pane::Competition), 1);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.detail_selection(Pane::ClosePlan), 0);
}

/// What is typed into a field: text (replacing what was there) or the
/// next value of a choice.
#[derive(Clone, Copy)]
enum Input {
    Text(&'static str),
    Next,
}

/// Opens a form with `keys`, writes `input` into the field `field`,
/// submits: one undoable edit, saved. `u` puts the workspace back, Ctrl-r
/// makes the edit again, and what the saver writes reads back as the
/// workspace. Returns the workspace after the edit.
fn edit_field(
    app: &mut App,
    keys: &[KeyCode],
    field: FieldId,
    input: Input,
    saved: &mut funnel::store::incremental::Records,
) -> Workspace {
    let before = app.ws.clone();
    for k in keys {
        press(app, *k);
    }
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("no form: {}", status(app));
    };
    let at = form.fields.iter().position(|f| f.id == field).unwrap();
    let from = form.focus;
    let n = form.fields.len();
    for _ in 0..(at + n - from) % n {
        press(app, KeyCode::Tab);
    }
    match input {
        Input::Text(text) => {
            ctrl(app, 'u');
            typing(app, text);
        }
        Input::Next => {
            press(app, KeyCode::Right);
        }
    }
    let effects = press(app, KeyCode::Enter);
    assert_eq!(app.dialog, None, "{field:?}: {}", status(app));
    assert_eq!(effects, vec![Effect::Save], "{field:?}: {}", status(app));
    let after = app.ws.clone();
    assert_ne!(after, before, "{field:?}");
    saved.apply(app.pending.take(&app.ws));
    assert_eq!(press(app, KeyCode::Char('u')), vec![Effect::Save]);
    assert_eq!(app.ws, before, "{field:?}: u undoes it");
    assert_eq!(ctrl(app, 'r'), vec![Effect::Save]);
    assert_eq!(app.ws, after, "{field:?}: Ctrl-r redoes it");
    saved.apply(app.pending.take(&app.ws));
    // what the saver writes is the workspace
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.json");
    std::fs::write(&path, saved.bytes()).unwrap();
    assert_eq!(crate::common::read_workspace(&path), app.ws, "{field:?}");
    after
}

fn opp(ws: &Workspace) -> &Opportunity {
    ws.opportunity(DEAL).unwrap()
}

#[test]
fn every_field_of_the_strategy_form_is_written_undone_redone_and_saved() {
    let mut app = demo();
    select(&mut app, DEAL);
    let mut saved = funnel::store::incremental::Records::of(&app.ws);
    press(&mut app, KeyCode::Char('B'));
    assert_eq!(app.focus(), Pane::Strategy);
    let e = [KeyCode::Char('e')];
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Needs,
        Input::Text("停线"),
        &mut saved,
    );
    assert_eq!(opp(&ws).value_proposition.needs, "停线");
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Benefits,
        Input::Text("OEE +6"),
        &mut saved,
    );
    assert_eq!(opp(&ws).value_proposition.benefits, "OEE +6");
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Differentiators,
        Input::Text("local team"),
        &mut saved,
    );
    assert_eq!(opp(&ws).value_proposition.differentiators, "local team");
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::CompellingEvent,
        Input::Text("go-live"),
        &mut saved,
    );
    assert_eq!(opp(&ws).compelling_event.as_ref().unwrap().text, "go-live");
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::EventOn,
        Input::Text("2027-03-01"),
        &mut saved,
    );
    assert_eq!(
        opp(&ws).compelling_event.as_ref().unwrap().on,
        Some(day("2027-03-01"))
    );
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::DecisionProcess,
        Input::Text("IT scores"),
        &mut saved,
    );
    assert_eq!(opp(&ws).decision_process, "IT scores");
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Strengths,
        Input::Text("a; b；c"),
        &mut saved,
    );
    assert_eq!(opp(&ws).strengths, ["a", "b", "c"]);
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Team,
        Input::Text("Li Wei: lead; 张工：售前"),
        &mut saved,
    );
    let team: Vec<(&str, &str)> = opp(&ws)
        .team
        .iter()
        .map(|m| (m.name.as_str(), m.role.as_str()))
        .collect();
    assert_eq!(team, [("Li Wei", "lead"), ("张工", "售前")]);
    assert!(status(&app).contains("strategy of"), "{}", status(&app));
    // Enter on a row opens the form on that row's field
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    let Some(Dialog::Form(form, FormPurpose::Strategy(_))) = &app.dialog else {
        panic!("{:?}", app.dialog);
    };
    assert_eq!(form.fields[form.focus].id, FieldId::Differentiators);
    press(&mut app, KeyCode::Esc);
    // on the notes, e and Enter open them in $EDITOR
    press(&mut app, KeyCode::Char('G'));
    let effects = press(&mut app, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::EditText { .. }]),
        "{effects:?}"
    );
}

#[test]
fn every_field_of_the_competitor_form_is_written_undone_redone_and_saved() {
    let mut app = demo();
    select(&mut app, DEAL);
    let mut saved = funnel::store::incremental::Records::of(&app.ws);
    focus(&mut app, Pane::Competition);
    let ws = edit_field(
        &mut app,
        &[KeyCode::Char('a')],
        FieldId::Name,
        Input::Text("用友网络"),
        &mut saved,
    );
    let c = opp(&ws).competition.last().unwrap().clone();
    assert_eq!(
        (c.name.as_str(), c.position),
        ("用友网络", Standing::Unknown)
    );
    // the new one selected, the others' rows kept: edit it field by field
    let row = opp(&ws).competition.len() - 1;
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.detail_selection(Pane::Competition), row);
    let e = [KeyCode::Char('e')];
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Name,
        Input::Text("用友 YonBIP"),
        &mut saved,
    );
    assert_eq!(opp(&ws).competition[row].name, "用友 YonBIP");
    let ws = edit_field(&mut app, &e, FieldId::Position, Input::Next, &mut saved);
    assert_eq!(opp(&ws).competition[row].position, Standing::Ahead);
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Strengths,
        Input::Text("price; ERP"),
        &mut saved,
    );
    assert_eq!(opp(&ws).competition[row].strengths, ["price", "ERP"]);
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Weaknesses,
        Input::Text("no MES"),
        &mut saved,
    );
    assert_eq!(opp(&ws).competition[row].weaknesses, ["no MES"]);
    // the version-1 names follow
    assert!(
        opp(&ws)
            .competitor_names()
            .contains(&"用友 YonBIP".to_owned())
    );
    let shown = clean_screen(&app, 160, 48);
    assert!(shown.contains("用友 YonBIP ▲ ahead"), "{shown}");
}

#[test]
fn every_field_of_the_criterion_form_is_written_undone_redone_and_saved() {
    let mut app = demo();
    select(&mut app, DEAL);
    let mut saved = funnel::store::incremental::Records::of(&app.ws);
    focus(&mut app, Pane::Criteria);
    let ws = edit_field(
        &mut app,
        &[KeyCode::Char('a')],
        FieldId::Text,
        Input::Text("Runs on the existing PLCs"),
        &mut saved,
    );
    let id = opp(&ws).decision_criteria.last().unwrap().id.clone();
    let find = |ws: &Workspace| {
        opp(ws)
            .decision_criteria
            .iter()
            .find(|k| k.id == id)
            .unwrap()
            .clone()
    };
    // select it (heaviest first: where it is listed)
    let at = funnel::domain::strategy::criteria_in_order(opp(&ws))
        .iter()
        .position(|k| k.id == id)
        .unwrap();
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    let e = [KeyCode::Char('e')];
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Text,
        Input::Text("PLC 兼容"),
        &mut saved,
    );
    assert_eq!(find(&ws).text, "PLC 兼容");
    let before = find(&ws).kind;
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::CriterionKind,
        Input::Next,
        &mut saved,
    );
    assert_ne!(find(&ws).kind, before);
    // a weight moves the criterion: find it again before each edit
    let ws = edit_field(&mut app, &e, FieldId::Weight, Input::Next, &mut saved);
    assert_eq!(find(&ws).weight, Score::new(1));
    let at = funnel::domain::strategy::criteria_in_order(opp(&ws))
        .iter()
        .position(|k| k.id == id)
        .unwrap();
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    let ws = edit_field(&mut app, &e, FieldId::HeldBy, Input::Next, &mut saved);
    assert_eq!(
        find(&ws).held_by.as_deref(),
        opp(&ws).influences.first().map(|p| p.id.as_str())
    );
    let ws = edit_field(&mut app, &e, FieldId::Standing, Input::Next, &mut saved);
    assert_eq!(find(&ws).standing, Standing::Ahead);
}

#[test]
fn every_field_of_the_step_form_is_written_undone_redone_and_saved() {
    let mut app = demo();
    select(&mut app, DEAL);
    let mut saved = funnel::store::incremental::Records::of(&app.ws);
    focus(&mut app, Pane::ClosePlan);
    let ws = edit_field(
        &mut app,
        &[KeyCode::Char('a')],
        FieldId::Text,
        Input::Text("Legal review"),
        &mut saved,
    );
    let id = opp(&ws).close_plan.last().unwrap().id.clone();
    let find = |ws: &Workspace| {
        opp(ws)
            .close_plan
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .clone()
    };
    let s = find(&ws);
    assert_eq!(
        (s.side, s.due, s.done),
        (Some(Side::Us), Some(today().plus_days(7)), None)
    );
    let select_it = |app: &mut App| {
        let at = funnel::domain::strategy::plan_in_order(deal(app))
            .iter()
            .position(|s| s.id == id)
            .unwrap();
        press(app, KeyCode::Char('g'));
        for _ in 0..at {
            press(app, KeyCode::Char('j'));
        }
    };
    select_it(&mut app);
    let e = [KeyCode::Char('e')];
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Text,
        Input::Text("法务审核"),
        &mut saved,
    );
    assert_eq!(find(&ws).text, "法务审核");
    let ws = edit_field(&mut app, &e, FieldId::Side, Input::Next, &mut saved);
    assert_eq!(find(&ws).side, Some(Side::Both));
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Due,
        Input::Text("2026-12-20"),
        &mut saved,
    );
    assert_eq!(find(&ws).due, Some(day("2026-12-20")));
    select_it(&mut app);
    let ws = edit_field(
        &mut app,
        &e,
        FieldId::Done,
        Input::Text("2026-11-22"),
        &mut saved,
    );
    assert_eq!(find(&ws).done, Some(day("2026-11-22")));
}

#[test]
fn t_x_and_d_on_the_lists_with_undo() {
    let mut app = full();
    let start = app.ws.clone();
    // t: their position, unknown → ahead → even → behind
    focus(&mut app, Pane::Competition);
    assert_eq!(press(&mut app, KeyCode::Char('t')), vec![Effect::Save]);
    assert_eq!(deal(&app).competition[0].position, Standing::Even);
    assert!(status(&app).contains("用友网络"), "{}", status(&app));
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(deal(&app).competition[0].position, Standing::Unknown);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(app.ws, start);
    // d asks; y removes; u puts it back
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, start, "Esc keeps it");
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert_eq!(deal(&app).competition.len(), 2);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, start);
    // t on a criterion: the heaviest is the one we are behind on
    focus(&mut app, Pane::Criteria);
    press(&mut app, KeyCode::Char('t'));
    let k2 = |app: &App| {
        deal(app)
            .decision_criteria
            .iter()
            .find(|k| k.id == "k2")
            .unwrap()
            .standing
    };
    assert_eq!(k2(&app), Standing::Unknown);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(deal(&app).decision_criteria.len(), 2);
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, start);
    // x on a step: done today, x again: open
    focus(&mut app, Pane::ClosePlan);
    press(&mut app, KeyCode::Char('g'));
    let first = funnel::domain::strategy::plan_in_order(deal(&app))[0]
        .id
        .clone();
    assert_eq!(first, "s2", "by due date");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    let s1 = |app: &App| deal(app).close_plan[0].done;
    assert_eq!(s1(&app), Some(today()));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(s1(&app), None);
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(deal(&app).close_plan.len(), 3);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws, start);
}

/// The flags of the deal that show now.
fn rules(app: &App) -> Vec<Rule> {
    flags::visible(deal(app), &app.ws.settings, today())
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

/// The flag pane focused on the flag of `rule`, then `e`.
fn fix(app: &mut App, rule: Rule) {
    select(app, DEAL);
    focus(app, Pane::Flags);
    press(app, KeyCode::Char('g'));
    for _ in 0..30 {
        if app.selected_flag().map(|f| f.rule) == Some(rule) {
            press(app, KeyCode::Char('e'));
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no {rule:?} flag: {:?}", rules(app));
}

fn purpose(app: &App) -> Option<FormPurpose> {
    match &app.dialog {
        Some(Dialog::Form(_, p)) => Some(p.clone()),
        _ => None,
    }
}

fn focused_field(app: &App) -> Option<FieldId> {
    match &app.dialog {
        Some(Dialog::Form(form, _)) => Some(form.fields[form.focus].id),
        _ => None,
    }
}

/// A workspace where o16 has `change` made.
fn with(change: impl FnOnce(&mut Opportunity)) -> App {
    let mut ws = full_workspace();
    change(ws.opportunities.iter_mut().find(|o| o.id == DEAL).unwrap());
    app_of(ws)
}

#[test]
fn e_on_each_new_flag_goes_where_it_is_fixed_and_fixing_it_there_clears_it() {
    // no decision criteria: the new-criterion form
    let mut app = with(|o| o.decision_criteria.clear());
    fix(&mut app, Rule::NoDecisionCriteria);
    assert!(matches!(purpose(&app), Some(FormPurpose::NewCriterion(_))));
    assert_eq!(app.focus(), Pane::Criteria);
    typing(&mut app, "Pilot on one line");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoDecisionCriteria));

    // behind on a heavy criterion: the criteria pane on it, its advice
    let mut app = full();
    fix(&mut app, Rule::BehindOnCriterion);
    assert_eq!(app.dialog, None);
    assert_eq!(app.focus(), Pane::Criteria);
    assert!(clean_screen(&app, 80, 24).contains("→ Reshape it with"));
    press(&mut app, KeyCode::Char('t'));
    assert!(!rules(&app).contains(&Rule::BehindOnCriterion));

    // a competitor ahead: its form, on their position
    let mut app = full();
    fix(&mut app, Rule::CompetitorAhead);
    assert!(
        matches!(purpose(&app), Some(FormPurpose::EditCompetitor(_, ref id)) if id.as_str() == "c1")
    );
    assert_eq!(focused_field(&app), Some(FieldId::Position));
    assert_eq!(app.focus(), Pane::Competition);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::CompetitorAhead));

    // no compelling event: the strategy form on it
    let mut app = with(|o| o.compelling_event = None);
    fix(&mut app, Rule::NoCompellingEvent);
    assert!(matches!(purpose(&app), Some(FormPurpose::Strategy(_))));
    assert_eq!(focused_field(&app), Some(FieldId::CompellingEvent));
    typing(&mut app, "budget year ends 31 Dec");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoCompellingEvent));

    // no close plan: the new-step form
    let mut app = with(|o| o.close_plan.clear());
    fix(&mut app, Rule::NoClosePlan);
    assert!(matches!(purpose(&app), Some(FormPurpose::NewStep(_))));
    typing(&mut app, "Purchasing approval");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoClosePlan));
    assert_eq!(app.focus(), Pane::ClosePlan);

    // an overdue step: the close plan on it; x marks it done
    let mut app = full();
    fix(&mut app, Rule::ClosePlanOverdue);
    assert_eq!(app.dialog, None);
    assert_eq!(app.focus(), Pane::ClosePlan);
    assert_eq!(
        funnel::domain::strategy::plan_in_order(deal(&app))[app.detail_selection(Pane::ClosePlan)]
            .id,
        "s1"
    );
    press(&mut app, KeyCode::Char('x'));
    assert!(!rules(&app).contains(&Rule::ClosePlanOverdue));
}

#[test]
fn e_on_older_flags_goes_where_they_are_fixed_too() {
    // no value proposition: the strategy form on what is missing
    let mut app = with(|o| o.value_proposition.benefits.clear());
    fix(&mut app, Rule::NoValueProposition);
    assert_eq!(focused_field(&app), Some(FieldId::Benefits));
    typing(&mut app, "OEE up 6 points");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoValueProposition));

    // no next action: the new-action form
    let mut app = with(|o| o.actions.clear());
    fix(&mut app, Rule::NoNextAction);
    assert!(matches!(purpose(&app), Some(FormPurpose::NewAction(_))));
    typing(&mut app, "Call the plant director");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoNextAction));
    assert_eq!(app.focus(), Pane::Actions);

    // a close date passed: the deal's form on the close date
    let mut app = with(|o| o.expected_close = Some(day("2026-11-01")));
    fix(&mut app, Rule::CloseDatePassed);
    assert!(matches!(
        purpose(&app),
        Some(FormPurpose::EditOpportunity(_))
    ));
    assert_eq!(focused_field(&app), Some(FieldId::ExpectedClose));
    ctrl(&mut app, 'u');
    typing(&mut app, "2026-12-20");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::CloseDatePassed));

    // unqualified: the qualification pane on the first open condition
    let mut app = with(|o| o.qualification = Default::default());
    fix(&mut app, Rule::Unqualified);
    assert_eq!(app.focus(), Pane::Qualification);
    for n in 0..4 {
        assert_eq!(app.detail_selection(Pane::Qualification), n);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('j'));
    }
    assert!(!rules(&app).contains(&Rule::Unqualified));

    // no coach: the new-person form with the coach role ticked; a name
    // is all it takes
    let mut app = with(|o| {
        for p in &mut o.influences {
            p.roles.retain(|r| *r != funnel::domain::Role::Coach);
        }
    });
    fix(&mut app, Rule::NoCoach);
    assert!(matches!(purpose(&app), Some(FormPurpose::NewInfluence(_))));
    match &app.dialog {
        Some(Dialog::Form(form, _)) => assert_eq!(form.value(FieldId::Coach), "yes"),
        other => panic!("{other:?}"),
    }
    typing(&mut app, "李工");
    press(&mut app, KeyCode::Enter);
    assert!(!rules(&app).contains(&Rule::NoCoach), "{:?}", rules(&app));

    // a flag raised by hand: its own form, as before
    let mut app = full();
    focus(&mut app, Pane::Flags);
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "采购换人了");
    press(&mut app, KeyCode::Enter);
    fix(&mut app, Rule::Manual);
    assert!(matches!(purpose(&app), Some(FormPurpose::EditFlag(..))));

    // x on a computed flag says where it is fixed
    let mut app = full();
    focus(&mut app, Pane::Flags);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![]);
    let said = status(&app);
    assert!(said.contains("e goes where it is fixed"), "{said}");
    assert!(said.contains("z snoozes it"), "{said}");
}

#[test]
fn a_person_flag_opens_that_persons_form() {
    let mut app = demo();
    select(&mut app, DEAL);
    let person = flags::visible(deal(&app), &app.ws.settings, today())
        .into_iter()
        .find(|f| {
            funnel::domain::strategy::remedy(f.rule) == funnel::domain::strategy::Remedy::Person
        });
    let Some(flag) = person else {
        return;
    };
    fix(&mut app, flag.rule);
    assert_eq!(app.focus(), Pane::Influences);
    match purpose(&app) {
        Some(FormPurpose::EditInfluence(_, id)) => {
            assert_eq!(Some(id.as_str()), flag.subject.as_deref())
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        app.selected_person()
            .map(|i| deal(&app).influences[i].id.clone()),
        flag.subject
    );
}

#[test]
fn keys_where_they_do_nothing_say_so_and_nothing_changes() {
    // the keys of one page's panes in the other's
    let mut app = full();
    let start = app.ws.clone();
    focus(&mut app, Pane::Strategy);
    for k in ['t', 'x', 'a', 'd', 'r', 'z'] {
        press(&mut app, KeyCode::Char(k));
        assert_eq!(app.dialog, None, "{k}");
    }
    assert_eq!(app.ws, start);
    press(&mut app, KeyCode::Char('x'));
    assert!(status(&app).contains("no such key"), "{}", status(&app));
    focus(&mut app, Pane::Competition);
    press(&mut app, KeyCode::Char('x'));
    assert!(status(&app).contains("no such key"), "{}", status(&app));
    assert_eq!(app.ws, start);

    // empty lists: what to do instead
    let mut app = with(|o| {
        o.competition.clear();
        o.decision_criteria.clear();
        o.close_plan.clear();
    });
    select(&mut app, DEAL);
    let start = app.ws.clone();
    for (pane, said) in [
        (Pane::Competition, "no competitor yet: a adds one"),
        (Pane::Criteria, "no decision criterion yet: a adds one"),
        (Pane::ClosePlan, "no close plan step yet: a adds one"),
    ] {
        focus(&mut app, pane);
        for k in ['e', 't', 'x', 'd', 'j', 'G'] {
            press(&mut app, KeyCode::Char(k));
            assert_eq!(app.dialog, None);
        }
        press(&mut app, KeyCode::Char('e'));
        assert_eq!(status(&app), said);
        press(&mut app, KeyCode::Char('a'));
        assert!(matches!(app.dialog, Some(Dialog::Form(..))));
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.ws, start);
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("— (a adds one)"), "{shown}");

    // no deal selected: B and the sheet's keys say so
    let mut app = full();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "no such deal anywhere");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current(), None);
    press(&mut app, KeyCode::Char('B'));
    assert_eq!(app.focus(), Pane::Table);
    assert!(
        status(&app).contains("no opportunity selected"),
        "{}",
        status(&app)
    );
    clean_screen(&app, 80, 24);

    // a closed deal: the Blue Sheet is read, not edited
    let mut app = full();
    press(&mut app, KeyCode::Char('C'));
    let start = app.ws.clone();
    press(&mut app, KeyCode::Char('B'));
    assert_eq!(app.focus(), Pane::Strategy);
    let shown = clean_screen(&app, 80, 24);
    assert!(shown.contains("Strategy"), "{shown}");
    for pane in [
        Pane::Strategy,
        Pane::Competition,
        Pane::Criteria,
        Pane::ClosePlan,
    ] {
        focus(&mut app, pane);
        for k in ['e', 'a', 't', 'x', 'd'] {
            press(&mut app, KeyCode::Char(k));
            assert_eq!(app.dialog, None, "{pane:?} {k}");
        }
        press(&mut app, KeyCode::Char('e'));
        assert!(
            status(&app).contains("a closed deal is not edited"),
            "{}",
            status(&app)
        );
        clean_screen(&app, 160, 48);
    }
    assert_eq!(app.ws, start);

    // read-only: refused, and why
    let ws = full_workspace();
    let mut app = App::new(
        ws.clone(),
        today(),
        "w".into(),
        Some("read-only: another funnel has it open".into()),
    );
    select(&mut app, DEAL);
    press(&mut app, KeyCode::Char('B'));
    for pane in [
        Pane::Strategy,
        Pane::Competition,
        Pane::Criteria,
        Pane::ClosePlan,
    ] {
        focus(&mut app, pane);
        for k in ['e', 'a', 't', 'x', 'd'] {
            assert_eq!(press(&mut app, KeyCode::Char(k)), vec![], "{pane:?} {k}");
            assert_eq!(app.dialog, None, "{pane:?} {k}");
        }
        press(&mut app, KeyCode::Char('e'));
        assert!(
            status(&app).contains("nothing was changed"),
            "{}",
            status(&app)
        );
    }
    focus(&mut app, Pane::Flags);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.dialog, None);
    assert_eq!(app.ws, ws);
}

#[test]
fn the_help_lists_each_new_panes_keys() {
    let mut app = full();
    for (pane, title, keys) in [
        (
            Pane::Strategy,
            "Keys · strategy",
            &["edit the strategy"][..],
        ),
        (
            Pane::Competition,
            "Keys · competition",
            &[
                "add a competitor",
                "their position against us",
                "remove the competitor",
            ][..],
        ),
        (
            Pane::Criteria,
            "Keys · decision criteria",
            &[
                "add a decision criterion",
                "where we stand on it",
                "remove the criterion",
            ][..],
        ),
        (
            Pane::ClosePlan,
            "Keys · close plan",
            &[
                "add a step to the close plan",
                "mark the step done",
                "remove the step",
            ][..],
        ),
    ] {
        focus(&mut app, pane);
        // the hint line names the pane's keys and B
        let shown = clean_screen(&app, 160, 48);
        let hint = shown.lines().nth(47).unwrap();
        assert!(hint.contains("B Blue Sheet"), "{hint}");
        press(&mut app, KeyCode::Char('?'));
        let shown = clean_screen(&app, 160, 48);
        assert!(shown.contains(title), "{shown}");
        for k in keys {
            assert!(shown.contains(k), "{k}: {shown}");
        }
        assert!(shown.contains("Blue Sheet ⇄ deal"), "{shown}");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('?'));
        insta::assert_snapshot!(format!("help_{pane:?}_80x24"), clean_screen(&app, 80, 24));
        press(&mut app, KeyCode::Esc);
    }
    focus(&mut app, Pane::Flags);
    press(&mut app, KeyCode::Char('?'));
    assert!(clean_screen(&app, 160, 48).contains("go where the flag is fixed"));
}

#[test]
fn a_click_on_a_row_of_the_blue_sheet_selects_it() {
    let mut app = full();
    focus(&mut app, Pane::Strategy);
    let shown = clean_screen(&app, 160, 48);
    let (y, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Siemens Opcenter"))
        .unwrap();
    let x = line[..line.find("Siemens").unwrap()].chars().count();
    app.update(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x as u16,
        row: y as u16,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.focus(), Pane::Competition);
    assert_eq!(app.detail_selection(Pane::Competition), 1);
}

/// What the acceptance pass found between the promises: a flag from the
/// deal's history, a person seeing no gap, an added entry and the next
/// key, a step done in the future, an event without words, a team member
/// without a name.
#[test]
fn the_acceptance_pass_cases_land_where_they_should() {
    use funnel::domain::CloseMove;
    // close-date-slipped cannot be edited away: e offers the snooze form
    let mut app = with(|o| {
        o.close_history = vec![
            CloseMove {
                on: day("2026-09-01"),
                from: Some(day("2026-10-01")),
                to: Some(day("2026-11-01")),
                ..Default::default()
            },
            CloseMove {
                on: day("2026-10-20"),
                from: Some(day("2026-11-01")),
                to: Some(day("2026-12-11")),
                ..Default::default()
            },
        ]
    });
    fix(&mut app, Rule::CloseDateSlipped);
    assert!(
        matches!(
            purpose(&app),
            Some(FormPurpose::Snooze(_, Rule::CloseDateSlipped, _))
        ),
        "{:?}",
        purpose(&app)
    );
    assert!(status(&app).contains("history"), "{}", status(&app));

    // no-discrepancy: the person's form on the mode
    let mut app = with(|o| {
        let p = o
            .influences
            .iter_mut()
            .find(|p| p.roles.contains(&funnel::domain::Role::Economic))
            .unwrap();
        p.mode = funnel::domain::Mode::EvenKeel;
    });
    fix(&mut app, Rule::NoDiscrepancy);
    assert_eq!(focused_field(&app), Some(FieldId::Mode));

    // a competitor added is the one selected: t then changes it, not the first
    let mut app = full();
    focus(&mut app, Pane::Competition);
    let first = deal(&app).competition[0].clone();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Kingdee 金蝶");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('t'));
    let added = deal(&app).competition.last().unwrap();
    assert_eq!(
        (added.name.as_str(), added.position),
        ("Kingdee 金蝶", Standing::Ahead)
    );
    assert_eq!(deal(&app).competition[0], first);

    // a new criterion always has a kind (spec 9 gives it no null)
    focus(&mut app, Pane::Criteria);
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Go-live before peak season");
    press(&mut app, KeyCode::Enter);
    let k = deal(&app).decision_criteria.last().unwrap();
    assert_eq!(k.text, "Go-live before peak season");
    assert!(k.kind.is_some());

    // a step done on a day that has not come is refused, the form open
    focus(&mut app, Pane::ClosePlan);
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Steering committee sign-off");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2026-12-01");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(purpose(&app), Some(FormPurpose::NewStep(_))));
    assert!(status(&app).contains("today or before"), "{}", status(&app));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ws, before);

    // the strategy form: a date without words, a role without a name
    let ws = app.ws.clone();
    let id = funnel::domain::OpportunityId::new(DEAL);
    let mut f = funnel::domain::edit::StrategyFields::of(deal(&app));
    f.event = String::new();
    f.event_on = Some(day("2027-01-15"));
    assert!(funnel::domain::edit::set_strategy(&ws, &id, f).is_err());
    let mut f = funnel::domain::edit::StrategyFields::of(deal(&app));
    f.team = funnel::domain::strategy::split_team(": 售前; 王五: PM");
    assert!(funnel::domain::edit::set_strategy(&ws, &id, f).is_err());
}

/// A quick edit in the deal's panes that takes it out of the filter keeps
/// it in view, as a form's edit does: the filter goes and the status says so.
#[test]
fn an_edit_in_the_blue_sheet_under_a_filter_keeps_the_deal_in_view() {
    let mut app = demo();
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "flag:competitor-ahead");
    press(&mut app, KeyCode::Enter);
    let current = |app: &App| app.current_opportunity().unwrap().clone();
    let id = current(&app).id;
    let ahead = current(&app)
        .competition
        .iter()
        .position(|c| c.position == Standing::Ahead)
        .expect("a competitor ahead");
    focus(&mut app, Pane::Competition);
    for _ in 0..ahead {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(current(&app).id, id, "the same deal stays selected");
    assert_ne!(current(&app).competition[ahead].position, Standing::Ahead);
    assert!(status(&app).contains("filter cleared"), "{}", status(&app));
    assert_eq!(app.focus(), Pane::Competition);
}

/// The hint line offers only keys the workbench takes here: no editing
/// keys on a closed deal's Blue Sheet (reopening and undo stay), none at
/// all while read-only.
#[test]
fn the_hint_line_does_not_offer_refused_keys() {
    let last = |app: &App| {
        crate::common::screen(app, 160, 48)
            .lines()
            .last()
            .unwrap()
            .to_owned()
    };
    let mut app = demo();
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Char('B'));
    focus(&mut app, Pane::Competition);
    let hints = last(&app);
    assert!(!hints.contains("a add"), "{hints}");
    assert!(!hints.contains("t their position"), "{hints}");
    assert!(hints.contains("o reopen"), "{hints}");
    let mut read_only = App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "test".into(),
        Some("another funnel has it open".into()),
    );
    read_only.update(Msg::Resized(160, 48));
    focus(&mut read_only, Pane::Actions);
    let hints = last(&read_only);
    assert!(!hints.contains("a add"), "{hints}");
    assert!(!hints.contains("x mark"), "{hints}");
    assert!(hints.contains("? help"), "{hints}");
}
