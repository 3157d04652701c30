//! Issue 16, "Quick add": a new deal typed on one line in view 1, with a
//! preview of what it creates, Enter to create it, Tab for the full form.

use crate::common::{demo_app, press, today, typing};
use funnel::domain::{Date, Money, Stage, Workspace};
use funnel::tui::app::{App, Effect, FormPurpose};
use funnel::tui::dialog::Dialog;
use funnel::tui::forms::FieldId;
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

const EXAMPLE: &str = "ERP phase 2 @长城润滑油 1.2M drive close eoq";

fn empty() -> App {
    App::new(
        Workspace::new("Li Wei", "CNY"),
        today(),
        "w.json".into(),
        None,
    )
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

/// The workspace as saved and read back.
fn saved(app: &App) -> Workspace {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.json");
    std::fs::write(&path, funnel::store::to_json_bytes(&app.ws)).unwrap();
    funnel::store::read(&path).unwrap().workspace
}

#[test]
fn the_example_line_creates_the_deal_and_its_account_in_one_undo_step() {
    let mut app = empty();
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.dialog, Some(Dialog::QuickAdd(_))));
    typing(&mut app, EXAMPLE);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(app.dialog, None);
    let ws = saved(&app);
    assert_eq!(ws.opportunities.len(), 1);
    let o = &ws.opportunities[0];
    assert_eq!(o.title, "ERP phase 2");
    assert_eq!(ws.account(&o.account).unwrap().name, "长城润滑油");
    assert_eq!(o.value, Money::from_units(1_200_000));
    assert_eq!(o.stage, Stage::Drive);
    assert_eq!(o.expected_close, Date::parse("2026-12-31"));
    assert_eq!(o.owner, "Li Wei");
    assert_eq!(o.created, Some(today()));
    assert_eq!(app.current_opportunity().unwrap().id, o.id, "selected");
    press(&mut app, KeyCode::Char('u'));
    assert!(app.ws.opportunities.is_empty() && app.ws.accounts.is_empty());
}

#[test]
fn in_the_demo_the_deal_joins_the_existing_account_and_is_selected() {
    let mut app = demo_app();
    let accounts = app.ws.accounts.len();
    press(&mut app, KeyCode::Char('a'));
    typing(
        &mut app,
        "Spare pumps @acme foods 80k propose by fri #pumps p40",
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let o = app.current_opportunity().unwrap().clone();
    assert_eq!(o.title, "Spare pumps");
    assert_eq!(app.ws.account(&o.account).unwrap().name, "Acme Foods");
    assert_eq!(app.ws.accounts.len(), accounts);
    assert_eq!(o.stage, Stage::Propose);
    assert_eq!(o.expected_close, Date::parse("2026-11-27"));
    assert_eq!(o.tags, ["pumps"]);
    assert_eq!(o.probability.map(|p| p.0), Some(40));
    assert_eq!(saved(&app).opportunity(&o.id).unwrap().title, "Spare pumps");
}

#[test]
fn the_preview_fits_80_columns_and_shows_the_problem() {
    let mut app = empty();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, EXAMPLE);
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("quick_add_80x24", shown);
    assert!(shown.contains("→ ERP phase 2 · 长城润滑油 (new account) · 1.2M CNY · drive"));
    assert!(shown.contains("Enter create the deal"), "{shown}");
    let wide = screen(&app, 120, 30);
    assert!(
        wide.contains(
            "→ ERP phase 2 · 长城润滑油 (new account) · 1.2M CNY · drive · close 2026-12-31 (Thu)"
        ),
        "{wide}"
    );
    typing(&mut app, " 2M");
    assert!(screen(&app, 80, 24).contains("\"2M\": a second amount; 1,200,000 was given"));
}

#[test]
fn a_line_that_does_not_read_keeps_the_prompt_open_and_says_why() {
    let mut app = demo_app();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "ERP phase 2 1.2M");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.dialog, Some(Dialog::QuickAdd(_))));
    assert!(app.status.as_ref().unwrap().0.contains("needs an account"));
    assert_eq!(app.ws, before);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
    assert_eq!(app.ws, before);
}

#[test]
fn tab_opens_the_full_form_filled_with_what_was_typed() {
    let mut app = empty();
    press(&mut app, KeyCode::Char('a'));
    typing(
        &mut app,
        "ERP phase 2 @长城润滑油 1.2M drive close eoq #erp p50",
    );
    press(&mut app, KeyCode::Tab);
    let Some(Dialog::Form(form, FormPurpose::NewOpportunity)) = &app.dialog else {
        panic!("the full form: {:?}", app.dialog);
    };
    assert_eq!(form.value(FieldId::Title), "ERP phase 2");
    assert_eq!(form.value(FieldId::Account), "长城润滑油");
    assert_eq!(form.value(FieldId::Value), "1,200,000");
    assert_eq!(form.value(FieldId::Stage), "drive");
    assert_eq!(form.value(FieldId::ExpectedClose), "2026-12-31");
    assert_eq!(form.value(FieldId::Probability), "50");
    assert_eq!(form.value(FieldId::Tags), "erp");
    assert_eq!(form.value(FieldId::Owner), "Li Wei");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let o = &app.ws.opportunities[0];
    assert_eq!((o.title.as_str(), o.stage), ("ERP phase 2", Stage::Drive));
}

#[test]
fn tab_without_an_account_opens_the_form_on_the_account() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Spare pumps 80k");
    press(&mut app, KeyCode::Tab);
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("the full form");
    };
    assert_eq!(form.value(FieldId::Title), "Spare pumps");
    assert_eq!(form.value(FieldId::Value), "80,000");
    assert_eq!(form.fields[form.focus].id, FieldId::Account);
}

#[test]
fn n_still_opens_the_empty_full_form_and_read_only_refuses_quick_add() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('n'));
    let Some(Dialog::Form(form, FormPurpose::NewOpportunity)) = &app.dialog else {
        panic!("n opens the full form");
    };
    assert_eq!(form.value(FieldId::Title), "");
    let mut ro = App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        Some("read-only".into()),
    );
    press(&mut ro, KeyCode::Char('a'));
    assert_eq!(ro.dialog, None);
}

#[test]
fn a_deal_added_while_the_closed_deals_are_listed_is_shown_among_the_open() {
    let mut app = demo_app();
    press(&mut app, KeyCode::Char('C'));
    assert!(app.screens.pipeline.closed);
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Renewal @Acme Foods 50k");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert!(!app.screens.pipeline.closed);
    assert_eq!(app.current_opportunity().unwrap().title, "Renewal");
}
