//! View 7, the forecast against a target (spec section 8): the screen on
//! the demo with targets, in English and Chinese at 80×24 and 160×48; the
//! deals behind each figure one key away; the category cycled there (and
//! undone); the period, its kind and the owner switched; the targets form;
//! keys of other views doing nothing here; the figures after a change made
//! in view 1.

use crate::common::{clean_screen as screen, press, today, typing};
use funnel::domain::forecast::{self, Bucket};
use funnel::domain::{Money, Period, Target, Workspace};
use funnel::i18n::{self, Lang, Locale, Numbers};
use funnel::tui::app::{App, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::ScreenId;
use funnel::tui::screens::forecast::Row;
use ratatui::crossterm::event::KeyCode::{self, Char, Enter, Esc, Tab};

fn target(period: &str, units: i64, owner: Option<&str>) -> Target {
    Target {
        period: Period::parse(period).unwrap(),
        amount: Money::from_units(units),
        owner: owner.map(str::to_owned),
        ..Target::default()
    }
}

/// The demo (two owners, deals closing this quarter) with the team's
/// target for the quarter, one month's own, and one seller's.
fn fixture() -> Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    ws.settings.targets = vec![
        target("2026-Q4", 9_000_000, None),
        target("2026-10", 2_000_000, None),
        target("2026-Q4", 6_000_000, Some("Li Wei")),
    ];
    ws
}

fn app_with(ws: Workspace, read_only: Option<String>) -> App {
    let mut app = App::new(ws, today(), "demo".into(), read_only);
    press(&mut app, Char('7'));
    assert_eq!(app.screen, ScreenId::Forecast);
    app
}

fn forecast_app() -> App {
    app_with(fixture(), None)
}

fn keys(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        press(app, *k);
    }
}

/// The cursor on (row, column) of the table, from wherever it is.
fn to_cell(app: &mut App, row: usize, col: usize) {
    keys(app, &[Char('k'); 9]);
    keys(app, &[Char('h'); 4]);
    for _ in 0..row {
        press(app, Char('j'));
    }
    for _ in 0..col {
        press(app, Char('l'));
    }
    let s = &app.screens.forecast;
    assert_eq!((s.row, s.col), (row, col));
}

/// The ids listed by the deal list now open.
fn listed(app: &App) -> Vec<String> {
    app.screens.forecast.deals.as_ref().unwrap().ids.clone()
}

#[test]
fn view_seven_in_english_and_chinese_at_80x24_and_160x48() {
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut app = forecast_app();
        app.update(Msg::Resized(w, h));
        let shown = screen(&app, w, h);
        assert!(shown.contains("Forecast · 2026-Q4 · everyone"), "{shown}");
        assert!(shown.contains("9,000,000"), "{shown}");
        insta::assert_snapshot!(format!("forecast_view_{w}x{h}"), shown);
    }
    i18n::set(Locale {
        lang: Lang::Zh,
        numbers: Numbers::Chinese,
    });
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut app = forecast_app();
        app.update(Msg::Resized(w, h));
        let shown = screen(&app, w, h);
        assert!(shown.contains("预测 · 2026年第4季度"), "{shown}");
        assert!(shown.contains("7 预测"), "the tab fits: {shown}");
        insta::assert_snapshot!(format!("zh_forecast_view_{w}x{h}"), shown);
    }
    i18n::set(Locale {
        lang: Lang::En,
        numbers: Numbers::Western,
    });
}

#[test]
fn enter_on_a_figure_lists_exactly_the_deals_the_forecast_puts_there() {
    let mut app = forecast_app();
    let f = forecast::compute(&app.ws, Period::parse("2026-Q4").unwrap(), None, today());
    let mut opened = 0;
    for (row, kind) in Row::ALL.into_iter().enumerate() {
        for col in 0..4 {
            to_cell(&mut app, row, col);
            press(&mut app, Enter);
            let Row::Bucket(bucket) = kind else {
                assert!(app.screens.forecast.deals.is_none(), "{kind:?}");
                continue;
            };
            let month = (col > 0).then(|| col - 1);
            let want: Vec<String> = f
                .deals_in(bucket, month)
                .map(|d| app.ws.opportunities[d.index].id.clone())
                .collect();
            if want.is_empty() {
                assert!(app.screens.forecast.deals.is_none(), "{bucket:?} {col}");
                let said = &app.status.as_ref().unwrap().0;
                assert!(said.starts_with("no deal behind"), "{said}");
                continue;
            }
            assert_eq!(listed(&app), want, "{bucket:?} column {col}");
            // the sum of the listed deals is the figure
            let sum = want.iter().fold(Money::ZERO, |s, id| {
                s + app.ws.opportunity(id).unwrap().value
            });
            let column = &app.screens.forecast.columns[col];
            assert_eq!(column.figures.get(bucket), sum, "{bucket:?} column {col}");
            opened += 1;
            press(&mut app, Esc);
            assert!(app.screens.forecast.deals.is_none());
        }
    }
    assert!(opened >= 6, "the demo has deals behind several figures");
}

#[test]
fn f_cycles_the_category_of_a_listed_deal_the_figures_follow_and_u_undoes() {
    let mut app = forecast_app();
    app.update(Msg::Resized(80, 24));
    // best case, the quarter
    to_cell(&mut app, 3, 0);
    press(&mut app, Enter);
    let id = listed(&app)[0].clone();
    let n = listed(&app).len();
    let title = |n: usize| format!("best case · 2026-Q4 · {n} deal");
    assert!(screen(&app, 80, 24).contains(&title(n)));
    let before = app.screens.forecast.columns[0].figures;
    let value = app.ws.opportunity(&id).unwrap().value;
    assert_eq!(app.ws.opportunity(&id).unwrap().forecast_category, None);
    press(&mut app, Char('f'));
    let o = app.ws.opportunity(&id).unwrap();
    assert_eq!(
        o.forecast_category,
        Some(funnel::domain::ForecastCategory::Commit)
    );
    let after = app.screens.forecast.columns[0].figures;
    assert_eq!(after.commit, before.commit + value);
    assert_eq!(after.best_case.0, before.best_case.0 - value.0);
    // the deal stays listed, showing its new category, set by hand
    assert_eq!(listed(&app)[0], id);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("commit · set"), "{shown}");
    // the title counts what is behind the figure now: one fewer
    assert!(shown.contains(&title(n - 1)), "{shown}");
    press(&mut app, Char('u'));
    assert_eq!(app.ws.opportunity(&id).unwrap().forecast_category, None);
    assert_eq!(app.screens.forecast.columns[0].figures, before);
    // Enter there jumps to the deal in view 1
    press(&mut app, Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(crate::common::selected_id(&app), id);
}

#[test]
fn brackets_change_the_period_and_p_switches_to_its_month_and_back() {
    let mut app = forecast_app();
    let period = |app: &App| app.screens.forecast.forecast.as_ref().unwrap().period;
    assert_eq!(period(&app).to_string(), "2026-Q4");
    press(&mut app, Char(']'));
    assert_eq!(period(&app).to_string(), "2027-Q1");
    keys(&mut app, &[Char('['), Char('[')]);
    assert_eq!(period(&app).to_string(), "2026-Q3");
    press(&mut app, Char(']'));
    // the month under the cursor: November
    to_cell(&mut app, 1, 2);
    press(&mut app, Char('p'));
    assert_eq!(period(&app).to_string(), "2026-11");
    assert_eq!(app.screens.forecast.columns.len(), 1);
    press(&mut app, Char(']'));
    assert_eq!(period(&app).to_string(), "2026-12");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Forecast · 2026-12"), "{shown}");
    press(&mut app, Char('p'));
    assert_eq!(period(&app).to_string(), "2026-Q4");
    // the cursor on the month left
    assert_eq!(app.screens.forecast.col, 3);
}

#[test]
fn o_cycles_everyone_then_each_owner_and_says_why_with_one_owner() {
    let mut app = forecast_app();
    let owner = |app: &App| app.screens.forecast.owner.clone();
    assert_eq!(owner(&app), None);
    app.update(Msg::Resized(160, 48));
    let shown = screen(&app, 160, 48);
    assert!(shown.contains("o owner"), "offered: {shown}");
    press(&mut app, Char('o'));
    assert_eq!(owner(&app).as_deref(), Some("Li Wei"));
    let f = app.screens.forecast.forecast.as_ref().unwrap();
    assert_eq!(f.target, Some(Money::from_units(6_000_000)));
    let mine = forecast::compute(&app.ws, f.period, Some("Li Wei"), today());
    assert_eq!(f, &mine);
    assert!(screen(&app, 80, 24).contains("Forecast · 2026-Q4 · Li Wei"));
    press(&mut app, Char('o'));
    assert_eq!(owner(&app).as_deref(), Some("Zhao Lei"));
    press(&mut app, Char('o'));
    assert_eq!(owner(&app), None);
    // one owner only: nothing to switch, and the status line says why
    let mut ws = fixture();
    for o in &mut ws.opportunities {
        o.owner = "Li Wei".into();
    }
    let mut app = app_with(ws, None);
    app.update(Msg::Resized(160, 48));
    let hint = |app: &App| screen(app, 160, 48).lines().nth(47).unwrap().to_owned();
    assert!(
        !hint(&app).contains("o owner"),
        "not offered: {}",
        hint(&app)
    );
    press(&mut app, Char('o'));
    assert_eq!(owner(&app), None);
    let said = &app.status.as_ref().unwrap().0;
    assert!(said.contains("no other owner"), "{said}");
}

#[test]
fn t_saves_the_targets_of_the_period_shown_and_u_undoes_them() {
    let mut app = forecast_app();
    press(&mut app, Char(']'));
    press(&mut app, Char('T'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("the targets form");
    };
    assert!(form.title.contains("2027-Q1"), "{}", form.title);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Jan: no target of its own"), "{shown}");
    typing(&mut app, "1.2M");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Jan: a third of the quarter: 400,000"),
        "{shown}"
    );
    press(&mut app, Tab);
    typing(&mut app, "500k");
    press(&mut app, Enter);
    assert!(app.dialog.is_none(), "{:?}", app.status);
    let q1 = Period::parse("2027-Q1").unwrap();
    let jan = Period::parse("2027-01").unwrap();
    let own = |ws: &Workspace, p: Period| {
        ws.settings
            .targets
            .iter()
            .find(|t| t.period == p && t.owner.is_none())
            .map(|t| t.amount)
    };
    assert_eq!(own(&app.ws, q1), Some(Money::from_units(1_200_000)));
    assert_eq!(own(&app.ws, jan), Some(Money::from_units(500_000)));
    let f = app.screens.forecast.forecast.as_ref().unwrap();
    assert_eq!(f.target, Some(Money::from_units(1_200_000)));
    assert_eq!(f.months[0].target, Some(Money::from_units(500_000)));
    // the other targets are kept
    assert_eq!(app.ws.settings.targets.len(), 5);
    press(&mut app, Char('u'));
    assert_eq!(own(&app.ws, q1), None);
    assert_eq!(app.screens.forecast.forecast.as_ref().unwrap().target, None);
    assert!(screen(&app, 80, 24).contains("no target: T sets one"));
    // read-only: refused, like every edit
    let mut app = app_with(fixture(), Some("read-only".into()));
    press(&mut app, Char('T'));
    assert!(app.dialog.is_none());
}

#[test]
fn keys_of_other_views_do_nothing_here() {
    let mut app = forecast_app();
    let before = app.ws.clone();
    for c in [
        'a', 'e', 'd', 'x', 'r', '>', '<', 'W', 'L', 'C', 'b', 's', 'v', 'F', 'f', 'z', 't', '/',
        ' ',
    ] {
        press(&mut app, Char(c));
        assert!(app.dialog.is_none(), "{c} opened {:?}", app.dialog);
        assert_eq!(app.screen, ScreenId::Forecast, "{c}");
    }
    assert_eq!(app.ws, before);
    assert!(app.history.last_done().is_none());
}

#[test]
fn view_seven_shows_a_change_made_in_view_1() {
    let mut app = forecast_app();
    let q4 = Period::parse("2026-Q4").unwrap();
    let before = app.screens.forecast.forecast.clone().unwrap();
    // a deal of the quarter's best case, to view 1 (Enter on it) and a
    // stage back there: its probability, so its category, goes down
    to_cell(&mut app, 3, 0);
    press(&mut app, Enter);
    let id = listed(&app)[0].clone();
    press(&mut app, Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(crate::common::selected_id(&app), id);
    keys(&mut app, &[Char('<'), Char('<')]);
    assert!(app.history.last_done().is_some(), "{:?}", app.status);
    press(&mut app, Char('7'));
    let now = app.screens.forecast.forecast.as_ref().unwrap();
    assert_eq!(now, &forecast::compute(&app.ws, q4, None, today()));
    assert_ne!(now.figures, before.figures);
    let _ = Bucket::Won;
}

#[test]
fn a_target_met_reads_as_met_and_its_gap_keeps_its_sign() {
    let mut ws = fixture();
    // October's own target under what October won (245,000.35)
    ws.settings.targets[1].amount = Money::from_units(100_000);
    let mut app = app_with(ws, None);
    to_cell(&mut app, 7, 1);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("-145,000.35"), "{shown}");
    assert!(
        shown.contains("2026-10: target met: won 245,000.35 of 100,000"),
        "{shown}"
    );
    // the quarter's gap is still open, read against the rule of thumb
    to_cell(&mut app, 7, 0);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("coverage 0.8× of the gap: thin"), "{shown}");
}

/// A month already over is read as missed, not as thin coverage; the
/// months of the quarter still ahead keep their coverage reading.
#[test]
fn a_month_that_is_over_reads_as_missed() {
    let mut app = forecast_app();
    // column 1 is October, over on 2026-11-23
    to_cell(&mut app, 0, 1);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("2026-10 is over: missed by 1,754,999.65"),
        "{shown}"
    );
    assert!(!shown.contains("coverage 0.0×"), "{shown}");
    to_cell(&mut app, 0, 3);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("2026-12: gap"), "{shown}");
    assert!(shown.contains("coverage"), "{shown}");
}

/// At 80×24 the moves that do not fit are counted on a last line, never
/// dropped silently; at 160×48 they all show.
#[test]
fn moves_that_do_not_fit_are_counted() {
    let app = forecast_app();
    let small = screen(&app, 80, 24);
    assert!(
        small.contains("more lines: funnel forecast lists them all"),
        "{small}"
    );
    let big = screen(&app, 160, 48);
    assert!(!big.contains("more lines"), "{big}");
    for title in ["财务共享中心 ERP 迁移", "Cold-chain visibility platform"] {
        assert!(big.contains(title), "{title} missing:\n{big}");
    }
}

/// With a banner taking a row at 80×24, the moves get two lines: a move
/// and the count of the rest, rather than the heading and the count.
#[test]
fn two_lines_of_moves_show_a_move_not_just_the_count() {
    let app = app_with(
        fixture(),
        Some("read-only: another funnel has it open".into()),
    );
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("more lines: funnel forecast lists them all"),
        "{shown}"
    );
    assert!(shown.contains("out of the period: "), "{shown}");
    assert!(
        !shown.contains("Moves since"),
        "two lines only here: {shown}"
    );
}
