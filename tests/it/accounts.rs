//! View 4 and `funnel accounts`: editing accounts, the refusal to delete one
//! in use, and the JSON of spec section 2.

use crate::common::{Sandbox, stderr};
use crate::common::{press, today, typing};
use funnel::domain::Tier;
use funnel::tui::app::{App, Effect};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::ScreenId;
use ratatui::crossterm::event::KeyCode;

fn accounts_view() -> App {
    let mut app = App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    );
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.screen, ScreenId::Accounts);
    app
}

#[test]
fn add_and_edit_an_account_with_scores_and_swot() {
    let mut app = accounts_view();
    let n = app.ws.accounts.len();
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "上海振华重工");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "machinery");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // tier: key
    press(&mut app, KeyCode::Tab);
    for _ in 0..4 {
        press(&mut app, KeyCode::Right); // attractiveness 4
    }
    press(&mut app, KeyCode::Tab);
    for _ in 0..2 {
        press(&mut app, KeyCode::Right); // advantage 2
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "global brand; 港口设备龙头");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::Save]);
    let a = app.ws.accounts.last().unwrap().clone();
    assert_eq!(app.ws.accounts.len(), n + 1);
    assert_eq!(
        (a.name.as_str(), a.industry.as_str(), a.tier),
        ("上海振华重工", "machinery", Some(Tier::Key))
    );
    assert_eq!(
        funnel::domain::accounts::quadrant(&a),
        Some(funnel::domain::accounts::Quadrant::Develop)
    );
    assert_eq!(a.swot.strengths, ["global brand", "港口设备龙头"]);
    // a second account of the same name is refused, the form kept open
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "上海振华重工");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.dialog, Some(Dialog::Form(..))));
    assert!(app.status.as_ref().unwrap().0.contains("exists already"));
}

#[test]
fn an_account_in_use_cannot_be_deleted_and_an_unused_one_can() {
    let mut app = accounts_view();
    let before = app.ws.clone();
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.dialog, None);
    let msg = app.status.as_ref().unwrap().0.clone();
    assert!(msg.contains("has 3 opportunities (o5, o13, o22)"), "{msg}");
    assert_eq!(app.ws, before);
    // 杭州青禾食品 has only an abandoned deal: still in use
    while app.ws.accounts[app.screens.accounts.cursor.at()].name != "杭州青禾食品" {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('d'));
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .contains("has 1 opportunities")
    );
    // a new, unused account goes after confirmation
    press(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Temp Ltd");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Save]);
    assert!(!app.ws.accounts.iter().any(|a| a.name == "Temp Ltd"));
}

#[test]
fn enter_shows_the_accounts_deals_in_view_one() {
    let mut app = accounts_view();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(app.screens.pipeline.filter.value(), "长城润滑油");
    assert!(
        app.screens
            .pipeline
            .rows
            .iter()
            .all(|i| app.ws.opportunities[*i].account == "a1")
    );
    assert_eq!(app.screens.pipeline.rows.len(), 2, "the open ones");
}

#[test]
fn view_four_at_80x24_and_wide() {
    let mut app = accounts_view();
    press(&mut app, KeyCode::Char('j'));
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| funnel::tui::views::draw(&app, f))
            .unwrap();
        insta::assert_snapshot!(
            format!("accounts_view_{w}x{h}"),
            terminal.backend().to_string()
        );
    }
}

#[test]
fn funnel_accounts_json_has_quadrant_and_open_pipeline() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    sb.funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--today", "2026-11-23", "init", "--demo"])
        .output()
        .unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--today", "2026-11-23", "accounts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 10);
    let a1 = &list[0];
    assert_eq!(
        (a1["id"].as_str(), a1["quadrant"].as_str()),
        (Some("a1"), Some("develop"))
    );
    assert_eq!(
        a1["open"]["count"], 2,
        "the won pre-study is not open pipeline"
    );
    assert_eq!(a1["open"]["value"], 1636800.35);
    let unscreened = list
        .iter()
        .find(|a| a["name"] == "Helvetia Precision AG")
        .unwrap();
    assert!(unscreened["quadrant"].is_null());
    let table = sb
        .funnel()
        .arg("--workspace")
        .arg(&ws)
        .args(["--today", "2026-11-23", "accounts"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("10 accounts"));
}

fn buffer(app: &App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// Issue 16: Chinese and emoji SWOT text wrapped by ratatui ran over the
/// boxes' right borders and the pane divider.
#[test]
fn swot_boxes_keep_their_borders_with_chinese_and_emoji_text() {
    let mut app = accounts_view();
    let a = app.screens.accounts.selected(&app.ws).unwrap();
    let swot = &mut app.ws.accounts[a].swot;
    swot.strengths = vec![
        "全国经销网络，3 个生产基地，覆盖二十多个省份".into(),
        "品牌知名度高👩‍💻".into(),
    ];
    swot.weaknesses = vec!["三家工厂系统各自为政，月结要 12 天".into()];
    swot.opportunities = vec!["IPO 准备要求财务与供应链数据规范".into()];
    swot.threats = vec![
        "外资品牌价格下探".into(),
        "新能源车减少换油需求，生鲜损耗高于行业均值".into(),
    ];
    let buf = buffer(&app, 80, 24);
    // the four boxes: columns 0 and 23, 24 and 46; the pane divider at 47
    let border = |x: u16, y: u16| buf[(x, y)].symbol().to_owned();
    for y in 13..=22 {
        for x in [0, 23, 24, 46, 47] {
            let s = border(x, y);
            assert!(
                "│┌┐└┘".contains(s.as_str()) && !s.is_empty(),
                "({x}, {y}) holds {s:?}:\n{}",
                terminal_text(&buf)
            );
        }
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| funnel::tui::views::draw(&app, f))
        .unwrap();
    insta::assert_snapshot!(terminal.backend().to_string());
}

fn terminal_text(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue 16: the industry reached the terminal without going through
/// `text::clean`.
#[test]
fn the_industry_is_cleaned_before_it_is_drawn() {
    let mut app = accounts_view();
    let a = app.screens.accounts.selected(&app.ws).unwrap();
    app.ws.accounts[a].industry = "lubri\u{2028}cants\u{2029}\u{202E}x".into();
    let buf = buffer(&app, 80, 24);
    let text = terminal_text(&buf);
    assert!(
        !text.contains(['\u{2028}', '\u{2029}', '\u{202E}']),
        "{text:?}"
    );
    assert!(text.contains("lubri cants x"), "{text}");
}

/// Issue 16: the wide header read `Won '`, the year cut off.
#[test]
fn the_won_column_names_its_year() {
    let app = accounts_view();
    let text = terminal_text(&buffer(&app, 160, 48));
    assert!(text.contains("Won '26"), "{text}");
}
