//! The red-flag pane and `funnel flags`: computed flags most severe first,
//! flags raised by hand, snoozes, and a flag turned into an action.

use crate::common::{Sandbox, stderr, stdout};
use crate::common::{press, today, typing};
use funnel::domain::flags;
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The demo on deal `id` with the flag pane focused.
fn on_flags(id: &str) -> App {
    let mut app = App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    );
    while app.current_opportunity().unwrap().id != id {
        press(&mut app, KeyCode::Char('j'));
    }
    while app.focus() != Pane::Flags {
        press(&mut app, KeyCode::Tab);
    }
    app
}

fn visible(app: &App) -> Vec<flags::Flag> {
    flags::visible(
        app.current_opportunity().unwrap(),
        &app.ws.settings,
        today(),
    )
}

#[test]
fn enter_turns_the_suggestion_into_an_action_due_tomorrow() {
    let mut app = on_flags("o5");
    let flag = app.selected_flag().unwrap();
    let before = app.current_opportunity().unwrap().actions.len();
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let o = app.current_opportunity().unwrap();
    assert_eq!(o.actions.len(), before + 1);
    let a = o.actions.last().unwrap();
    assert_eq!(
        (a.text.as_str(), a.due, a.created),
        (
            flag.suggestion.as_ref(),
            Some(today().plus_days(1)),
            Some(today())
        )
    );
}

#[test]
fn a_flag_raised_by_hand_is_edited_and_resolved() {
    let mut app = on_flags("o4");
    let n = visible(&app).len();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "采购换人了");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(visible(&app).len(), n + 1);
    // select it (manual flags are medium; walk to it)
    while app.selected_flag().map(|f| f.message) != Some("采购换人了".into()) {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('e'));
    typing(&mut app, "!");
    press(&mut app, KeyCode::Enter);
    assert!(visible(&app).iter().any(|f| f.message == "采购换人了!"));
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![Effect::Save]);
    assert_eq!(visible(&app).len(), n);
    let raised = app
        .current_opportunity()
        .unwrap()
        .flags
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (raised.raised, raised.resolved),
        (Some(today()), Some(today()))
    );
}

#[test]
fn a_computed_flag_cannot_be_resolved_but_can_be_snoozed_and_woken() {
    let mut app = on_flags("o6");
    let n = visible(&app).len();
    let flag = app.selected_flag().unwrap();
    assert_ne!(flag.rule.as_str(), "manual");
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![]);
    assert!(app.status.as_ref().unwrap().0.contains("z snoozes it"));
    press(&mut app, KeyCode::Char('z'));
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "steering committee on 2 Dec");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(visible(&app).len(), n - 1);
    let s = app
        .current_opportunity()
        .unwrap()
        .snoozed
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (s.rule.as_str(), s.until, s.reason.as_str()),
        (
            flag.rule.as_str(),
            today().plus_days(7),
            "steering committee on 2 Dec"
        )
    );
    // the snoozed flag is listed last, dimmed; z on it wakes it
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected_flag().unwrap().rule, flag.rule);
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(visible(&app).len(), n);
}

#[test]
fn the_table_counts_the_flags_that_show() {
    let app = on_flags("o5");
    let shown = visible(&app).len();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
    terminal
        .draw(|f| funnel::tui::views::draw(&app, f))
        .unwrap();
    let screen = terminal.backend().to_string();
    let row = screen
        .lines()
        .find(|l| l.starts_with("\"ERP rollout, phase 1"))
        .unwrap();
    assert!(row.contains(&format!(" {shown} │")), "{row}");
    assert!(
        screen.contains("z until 2026-12-01 (customer closed for"),
        "the snoozed stall is listed: {screen}"
    );
}

#[test]
fn funnel_flags_lists_most_severe_first_without_snoozed_ones() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    sb.funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "init", "--demo"])
        .output()
        .unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "flags", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let rank = |s: &str| match s {
        "high" => 2,
        "medium" => 1,
        _ => 0,
    };
    let sev: Vec<i32> = list
        .iter()
        .map(|f| rank(f["severity"].as_str().unwrap()))
        .collect();
    assert!(sev.windows(2).all(|w| w[0] >= w[1]), "{sev:?}");
    for f in &list {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "message",
                "opportunity",
                "rule",
                "severity",
                "subject",
                "suggestion"
            ]
        );
        assert!(funnel::domain::RULE_IDS.contains(&f["rule"].as_str().unwrap()));
    }
    // o5's stall is snoozed in the demo; won and lost deals have none
    assert!(
        !list
            .iter()
            .any(|f| f["opportunity"] == "o5" && f["rule"] == "stalled")
    );
    assert!(
        !list
            .iter()
            .any(|f| f["opportunity"] == "o20" || f["opportunity"] == "o21")
    );
    let text = stdout(&out);
    assert!(
        text.find("\"opportunity\"").unwrap() < text.find("\"rule\"").unwrap(),
        "spec field order"
    );

    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "flags", "--opportunity", "o12"])
        .output()
        .unwrap();
    assert!(stdout(&out).starts_with("SEVERITY"));
    assert!(
        stdout(&out).contains("0 flags on 0 open opportunities"),
        "{}",
        stdout(&out)
    );
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["flags", "--opportunity", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn enter_twice_does_not_duplicate_and_a_past_snooze_is_refused() {
    let mut app = on_flags("o6");
    let n = app.current_opportunity().unwrap().actions.len();
    press(&mut app, KeyCode::Enter);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(app.status.as_ref().unwrap().0.contains("already addresses"));
    assert_eq!(app.current_opportunity().unwrap().actions.len(), n + 1);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('z'));
    app.update(funnel::tui::app::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typing(&mut app, "2026-01-01");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "old");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    assert!(app.status.as_ref().unwrap().0.contains("today or later"));
}

#[test]
fn enter_on_a_flag_raised_by_hand_names_it_in_the_action() {
    let mut app = on_flags("o5");
    while app.selected_flag().unwrap().rule.as_str() != "manual" {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    let a = app
        .current_opportunity()
        .unwrap()
        .actions
        .last()
        .unwrap()
        .clone();
    assert!(
        a.text.contains("IT director replaced last week"),
        "{}",
        a.text
    );
    assert_eq!(a.influence, None, "a flag id is not a person");
}
