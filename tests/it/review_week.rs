//! Closing the week (spec section 7): the walk counts reviewed and skipped
//! apart, `F` asks before it records, a mark is undone like any edit, and
//! the report after `F` still lists the week the review closed.

use crate::common::{Sandbox, press, stderr, today};
use funnel::domain::week::{self, Since};
use funnel::domain::*;
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::ScreenId;
use ratatui::crossterm::event::KeyCode;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn deal(id: &str, stage: Stage, value: i64, created: &str) -> Opportunity {
    Opportunity {
        id: id.into(),
        title: format!("Deal {id}"),
        account: "a1".into(),
        value: Money::from_units(value),
        stage,
        created: Some(d(created)),
        ..Default::default()
    }
}

fn closed(mut o: Opportunity, result: OutcomeResult, on: &str) -> Opportunity {
    o.outcome = Some(Outcome {
        result,
        on: d(on),
        ..Default::default()
    });
    o
}

fn seen(id: &str, stage: Stage, value: i64, close: Option<&str>) -> ReviewedOpportunity {
    ReviewedOpportunity {
        id: id.into(),
        stage,
        value: Money::from_units(value),
        expected_close: close.map(d),
        ..Default::default()
    }
}

/// One week of every kind of change since the review of 2026-11-16; the
/// workbench's today is Monday 2026-11-23.
fn week_of_changes() -> Workspace {
    let mut ws = Workspace::new("Li Wei", "CNY");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "A".into(),
        ..Default::default()
    });
    let mut slip = deal("slip", Stage::Propose, 300_000, "2026-09-01");
    slip.expected_close = Some(d("2026-12-20"));
    ws.opportunities = vec![
        deal("stay", Stage::Qualify, 100_000, "2026-10-01"),
        deal("adv", Stage::Drive, 200_000, "2026-10-01"),
        deal("back", Stage::Drive, 250_000, "2026-09-01"),
        slip,
        deal("val", Stage::Negotiate, 400_000, "2026-08-01"),
        closed(
            deal("won", Stage::Close, 500_000, "2026-07-01"),
            OutcomeResult::Won,
            "2026-11-19",
        ),
        closed(
            deal("lost", Stage::Propose, 600_000, "2026-07-01"),
            OutcomeResult::Lost,
            "2026-11-20",
        ),
        deal("fresh", Stage::Qualify, 70_000, "2026-11-18"),
        // born and lost inside the week
        closed(
            deal("blip", Stage::Qualify, 80_000, "2026-11-18"),
            OutcomeResult::Lost,
            "2026-11-20",
        ),
        // lost before the week: in no report of it
        closed(
            deal("old", Stage::Drive, 90_000, "2026-05-01"),
            OutcomeResult::Lost,
            "2026-10-01",
        ),
    ];
    ws.reviews.push(Review {
        on: d("2026-11-16"),
        opportunities: vec![
            seen("stay", Stage::Qualify, 100_000, None),
            seen("adv", Stage::Qualify, 200_000, None),
            seen("back", Stage::Propose, 250_000, None),
            seen("slip", Stage::Propose, 300_000, Some("2026-12-01")),
            seen("val", Stage::Negotiate, 350_000, None),
            seen("won", Stage::Close, 500_000, None),
            seen("lost", Stage::Propose, 600_000, None),
        ],
        ..Default::default()
    });
    ws
}

/// The week's lines of the Markdown report, as they must read after `F`.
const THE_WEEK: &[&str] = &[
    "- **New:** Deal fresh; Deal blip",
    "- **Advanced:** Deal adv",
    "- **Moved back:** Deal back",
    "- **Won:** Deal won",
    "- **Lost:** Deal lost; Deal blip",
    "- **Close date slipped:** Deal slip",
    "- **Value changed:** Deal val 350,000 → 400,000",
];

fn app_on(ws: Workspace) -> App {
    App::new(ws, today(), "test".into(), None)
}

/// Walks view 5: two reviewed, one skipped, then `F` and yes.
fn walk_and_finish(app: &mut App) {
    press(app, KeyCode::Char('5'));
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Char('s'));
    press(app, KeyCode::Char('F'));
    assert_eq!(press(app, KeyCode::Char('y')), vec![Effect::Save]);
}

/// Writes the workspace to a sandbox file, as the workbench saves it.
fn saved(sb: &Sandbox, ws: &Workspace) -> std::path::PathBuf {
    let path = sb.path("w.json");
    std::fs::write(&path, funnel::store::serialize::to_json_bytes(ws)).unwrap();
    path
}

fn report(sb: &Sandbox, path: &std::path::Path, args: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23", "report"])
        .args(args)
        .output()
        .unwrap()
}

/// The report's section of the week: from its heading to the next one.
fn week_section(text: &str) -> String {
    let start = text
        .find("\n## Since")
        .or_else(|| text.find("\n## The week"))
        .unwrap_or_else(|| panic!("no week section in:\n{text}"));
    let rest = &text[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |n| n + 3);
    rest[..end].trim_end().to_owned()
}

fn ok(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_report_after_finishing_still_lists_every_kind_of_change() {
    let mut app = app_on(week_of_changes());
    walk_and_finish(&mut app);
    assert_eq!(app.ws.reviews.len(), 2);
    let sb = Sandbox::new();
    let path = saved(&sb, &app.ws);
    let section = week_section(&ok(&report(&sb, &path, &[])));
    let mut want = vec![
        "## The week to the review of 2026-11-23 (since the review of 2026-11-16)",
        "",
    ];
    want.extend(THE_WEEK);
    assert_eq!(section, want.join("\n"));

    let json: serde_json::Value =
        serde_json::from_str(&ok(&report(&sb, &path, &["--format", "json"]))).unwrap();
    let s = &json["since_review"];
    assert_eq!(
        (s["on"].as_str(), s["closed_by"].as_str()),
        (Some("2026-11-16"), Some("2026-11-23"))
    );
    assert_eq!(s["new"], serde_json::json!(["fresh", "blip"]));
    assert_eq!(s["advanced"], serde_json::json!(["adv"]));
    assert_eq!(s["regressed"], serde_json::json!(["back"]));
    assert_eq!(s["won"], serde_json::json!(["won"]));
    assert_eq!(s["lost"], serde_json::json!(["lost", "blip"]));
    assert_eq!(s["slipped"], serde_json::json!(["slip"]));
    assert_eq!(
        s["value_changed"],
        serde_json::json!([{"id": "val", "from": 350000, "to": 400000}])
    );
}

#[test]
fn since_a_date_or_previous_compares_with_that_review() {
    let mut app = app_on(week_of_changes());
    walk_and_finish(&mut app);
    let sb = Sandbox::new();
    let path = saved(&sb, &app.ws);
    let mut want = vec!["## Since the review of 2026-11-16", ""];
    want.extend(THE_WEEK);
    for since in ["2026-11-16", "2026-11-22", "previous"] {
        let section = week_section(&ok(&report(&sb, &path, &["--since", since])));
        assert_eq!(section, want.join("\n"), "--since {since}");
    }
    // today's review itself: nothing has moved since it
    let section = week_section(&ok(&report(&sb, &path, &["--since", "2026-11-23"])));
    assert_eq!(
        section,
        "## Since the review of 2026-11-23\n\nNothing moved."
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&report(
        &sb,
        &path,
        &["--since", "previous", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json["since_review"]["on"], "2026-11-16");
    assert_eq!(json["since_review"]["closed_by"], serde_json::Value::Null);
    assert_eq!(
        json["since_review"]["lost"],
        serde_json::json!(["lost", "blip"])
    );
}

#[test]
fn a_bad_since_is_refused_with_exit_2_and_nothing_written() {
    let sb = Sandbox::new();
    let path = saved(&sb, &week_of_changes());
    let bytes = std::fs::read(&path).unwrap();
    for (since, says) in [
        ("soon", "expected a date YYYY-MM-DD or `previous`"),
        ("2026-13-01", "expected a date YYYY-MM-DD or `previous`"),
        ("2026-11-15", "no review on or before 2026-11-15"),
        // one review only: there is none before it
        ("previous", "no review before the latest one"),
    ] {
        let out = report(&sb, &path, &["--since", since]);
        assert_eq!(out.status.code(), Some(2), "--since {since}");
        assert!(
            stderr(&out).contains(says),
            "--since {since}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "--since {since}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn what_the_review_recorded_stays_when_undone_after_it() {
    let mut app = app_on(week_of_changes());
    walk_and_finish(&mut app);
    let mut ws = app.ws.clone();
    // after the review: "adv" goes back to qualify, "stay" is lost today
    ws.opportunities[1].stage = Stage::Qualify;
    ws.opportunities[0] = closed(
        ws.opportunities[0].clone(),
        OutcomeResult::Lost,
        "2026-11-23",
    );
    let w = week::week(&ws, today(), Since::Latest).unwrap().unwrap();
    assert_eq!(w.closed_by, Some(today()));
    assert_eq!(w.changes.advanced, ["adv"], "what the review saw is kept");
    assert_eq!(
        w.changes.lost,
        ["stay", "lost", "blip"],
        "what came after is added"
    );
}

#[test]
fn skip_and_reviewed_are_counted_apart() {
    let mut app = app_on(week_of_changes());
    press(&mut app, KeyCode::Char('5'));
    let status = |app: &App| app.status.as_ref().unwrap().0.clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "1 reviewed, 0 skipped, 5 to go");
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(status(&app), "1 reviewed, 2 skipped, 3 to go");
    let p = app.ws.review_in_progress.clone().unwrap();
    assert_eq!((p.reviewed.len(), p.skipped.len()), (1, 2));
    // back to a skipped deal: reviewing it moves it from skipped to reviewed
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "2 reviewed, 1 skipped, 3 to go");
}

#[test]
fn finish_asks_what_it_records_and_esc_records_nothing() {
    let mut app = app_on(week_of_changes());
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    let before = app.ws.clone();
    assert_eq!(press(&mut app, KeyCode::Char('F')), vec![]);
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("F asks first: {:?}", app.dialog);
    };
    assert_eq!(
        c.question,
        "Record the review of 2026-11-23: 1 reviewed, 1 skipped, 4 not seen?"
    );
    for no in [KeyCode::Esc, KeyCode::Char('n')] {
        assert_eq!(press(&mut app, no), vec![]);
        assert_eq!(app.ws, before, "nothing recorded");
        assert!(app.dialog.is_none());
        assert_eq!(app.screen, ScreenId::Review);
        press(&mut app, KeyCode::Char('F'));
    }
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.ws.reviews.len(), 2);
    assert_eq!(
        app.status.as_ref().unwrap().0,
        "review of 2026-11-23 recorded: 1 reviewed, 1 skipped, 4 not seen"
    );
    // view 5 now shows the week it closed, not an empty walk
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Weekly review · done today"), "{screen}");
    assert!(
        screen.contains("The week to the review of 2026-11-23"),
        "{screen}"
    );
    assert!(screen.contains("Lost: Deal lost; Deal blip"), "{screen}");
    assert!(!screen.contains("to go"), "{screen}");
    // a mark now records nothing: the day's review is done
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.ws.review_in_progress, None);
}

#[test]
fn a_mark_is_undone_and_redone_like_any_edit() {
    let mut app = app_on(week_of_changes());
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    let both = app.ws.review_in_progress.clone().unwrap();
    let skipped = both.skipped[0].clone();
    assert_eq!(press(&mut app, KeyCode::Char('u')), vec![Effect::Save]);
    let walk = app.screens.review.walk.as_ref().unwrap();
    assert_eq!(walk.current(), Some(skipped.as_str()), "back on the deal");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .starts_with("undone: skipped: Deal ")
    );
    let p = app.ws.review_in_progress.clone().unwrap();
    assert_eq!((p.reviewed.len(), p.skipped.len()), (1, 0));
    assert_eq!(app.screens.review.walk.as_ref().unwrap().tally().skipped, 0);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ws.review_in_progress, None, "the first mark undone too");
    let walk = app.screens.review.walk.as_ref().unwrap();
    assert_eq!((walk.done(), walk.at), (0, 0));
    app.update(funnel::tui::app::Msg::Key(
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('r'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ),
    ));
    // redone: the first mark is back, and the cursor is past its deal
    let p = app.ws.review_in_progress.clone().unwrap();
    assert_eq!(
        (p.reviewed.clone(), p.skipped.len()),
        (both.reviewed.clone(), 0)
    );
    let walk = app.screens.review.walk.as_ref().unwrap();
    assert_eq!((walk.tally().reviewed, walk.tally().skipped), (1, 0));
    assert_eq!(
        walk.current(),
        Some(skipped.as_str()),
        "on to the next deal"
    );
}

#[test]
fn review_done_today_at_80x24() {
    let mut app = crate::common::demo_app();
    walk_and_finish(&mut app);
    insta::assert_snapshot!("review_done_today_80x24", draw(&app, 80, 24));
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}
