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

/// One account per side of each warning's boundary (spec section 11),
/// today 2026-11-23 unless said:
///
/// | account | data | rule raised? |
/// |---|---|---|
/// | pay-yes / pay-no | an unpaid invoice due 11-22 / due 11-23 (today) | payment-overdue from the day after due |
/// | limit-no / limit-yes | limit 0.30; unpaid 0.10 + 0.20 = 0.30 / 0.10 + 0.21 = 0.31 | credit-limit-exceeded one cent over, not at the limit |
/// | compl-no / compl-yes | raised 11-09 (14 days) / 11-08 (15 days) | complaint-open after more than 14 days |
/// | sat-no / sat-yes | 4 then 4 / 4 then 3 (the file lists the newest first) | satisfaction-falling when lower, not equal |
/// | behind-no / behind-yes | target 36,500; won 29,050.00 / 29,049.99 | behind-target: 36,500 × 327/365 − 3,650 = 32,700 − 3,650 = 29,050.00 expected |
/// | open-yes / open-no | key tier, no deal / one open deal | no-open-opportunity |
/// | below-yes / below-no | won 100 in 2025, 99.99 / 100 in 2026 | won-below-last-year |
/// | lost-yes / lost-no | won, lost, lost / lost, lost, won (by date) | lost-in-a-row |
fn boundary_workspace() -> serde_json::Value {
    use serde_json::json;
    let invoice =
        |id: &str, amount: f64, due: &str| json!({"id": id, "amount": amount, "due": due});
    let won = |id: &str, account: &str, value: f64, on: &str| {
        json!({"id": id, "title": id, "account": account, "value": value, "stage": "close",
               "outcome": {"result": "won", "on": on}})
    };
    let lost = |id: &str, account: &str, on: &str| {
        json!({"id": id, "title": id, "account": account, "stage": "propose",
               "outcome": {"result": "lost", "on": on}})
    };
    json!({
        "format": "funnel-workspace",
        "version": 1,
        "settings": {"currency": "CNY"},
        "accounts": [
            {"id": "pay-yes", "name": "pay-yes", "credit": {"invoices": [invoice("i1", 100.0, "2026-11-22")]}},
            {"id": "pay-no", "name": "pay-no", "credit": {"invoices": [invoice("i2", 100.0, "2026-11-23")]}},
            {"id": "limit-no", "name": "limit-no", "credit": {"limit": 0.3, "invoices": [
                invoice("i3", 0.1, "2026-12-31"), invoice("i4", 0.2, "2026-12-31")]}},
            {"id": "limit-yes", "name": "limit-yes", "credit": {"limit": 0.3, "invoices": [
                invoice("i5", 0.1, "2026-12-31"), invoice("i6", 0.21, "2026-12-31")]}},
            {"id": "compl-no", "name": "compl-no", "complaints": [{"id": "c1", "text": "late", "raised": "2026-11-09"}]},
            {"id": "compl-yes", "name": "compl-yes", "complaints": [{"id": "c2", "text": "late", "raised": "2026-11-08"}]},
            {"id": "sat-no", "name": "sat-no", "satisfaction": [
                {"on": "2026-10-01", "score": 4}, {"on": "2026-06-01", "score": 4}]},
            {"id": "sat-yes", "name": "sat-yes", "satisfaction": [
                {"on": "2026-10-01", "score": 3}, {"on": "2026-06-01", "score": 4}]},
            {"id": "behind-no", "name": "behind-no", "plan": {"target": 36_500}},
            {"id": "behind-yes", "name": "behind-yes", "plan": {"target": 36_500}},
            {"id": "open-yes", "name": "open-yes", "tier": "key"},
            {"id": "open-no", "name": "open-no", "tier": "key"},
            {"id": "below-yes", "name": "below-yes"},
            {"id": "below-no", "name": "below-no"},
            {"id": "lost-yes", "name": "lost-yes"},
            {"id": "lost-no", "name": "lost-no"}
        ],
        "opportunities": [
            won("w1", "behind-no", 29_050.00, "2026-05-01"),
            won("w2", "behind-yes", 29_049.99, "2026-05-01"),
            {"id": "o1", "title": "o1", "account": "open-no", "stage": "qualify"},
            won("w3", "below-yes", 100.0, "2025-05-01"),
            won("w4", "below-yes", 99.99, "2026-05-01"),
            won("w5", "below-no", 100.0, "2025-05-01"),
            won("w6", "below-no", 100.0, "2026-05-01"),
            won("w7", "lost-yes", 1.0, "2026-01-01"),
            lost("l1", "lost-yes", "2026-02-01"),
            lost("l2", "lost-yes", "2026-03-01"),
            lost("l3", "lost-no", "2026-01-01"),
            lost("l4", "lost-no", "2026-02-01"),
            won("w8", "lost-no", 1.0, "2026-03-01")
        ]
    })
}

fn accounts_json(sb: &Sandbox, path: &std::path::Path, today: &str) -> Vec<serde_json::Value> {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", today, "accounts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rules_of<'a>(list: &'a [serde_json::Value], id: &str) -> Vec<&'a str> {
    let a = list.iter().find(|a| a["id"] == id).unwrap();
    a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn each_account_warning_at_its_boundary() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(&boundary_workspace()).unwrap(),
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let list = accounts_json(&sb, &path, "2026-11-23");
    let none: [&str; 0] = [];
    for (id, expected) in [
        ("pay-yes", &["payment-overdue"][..]),
        ("pay-no", &none),
        ("limit-no", &none),
        ("limit-yes", &["credit-limit-exceeded"]),
        ("compl-no", &none),
        ("compl-yes", &["complaint-open"]),
        ("sat-no", &none),
        ("sat-yes", &["satisfaction-falling"]),
        ("behind-no", &none),
        ("behind-yes", &["behind-target"]),
        ("open-yes", &["no-open-opportunity"]),
        ("open-no", &none),
        ("below-yes", &["won-below-last-year"]),
        ("below-no", &none),
        ("lost-yes", &["lost-in-a-row"]),
        ("lost-no", &none),
    ] {
        assert_eq!(rules_of(&list, id), expected, "{id}");
    }
    // each warning is {"rule", "message", "subject"}; the subject names
    // the invoice or the complaint
    let find = |id: &str| list.iter().find(|a| a["id"] == id).unwrap();
    let pay = &find("pay-yes")["warnings"][0];
    assert_eq!(
        pay,
        &serde_json::json!({"rule": "payment-overdue",
            "message": "invoice i1 of 100 is 1 day overdue (due 2026-11-22)", "subject": "i1"})
    );
    assert_eq!(find("compl-yes")["warnings"][0]["subject"], "c2");
    assert!(find("limit-yes")["warnings"][0]["subject"].is_null());
    // the figures beside them, to the cent
    let behind = find("behind-no");
    assert_eq!(behind["won_this_year"], 29_050.0);
    assert_eq!(behind["expected_by_now"], 29_050.0);
    assert_eq!(find("behind-yes")["won_this_year"], 29_049.99);
    assert!(find("pay-no")["expected_by_now"].is_null(), "no target");
    let credit = &find("limit-no")["credit_status"];
    assert_eq!(
        credit["unpaid"], 0.3,
        "0.1 + 0.2 is 0.30, not 0.30000000000000004"
    );
    assert_eq!(credit["available"], 0.0);
    assert_eq!(credit["overdue_count"], 0);
    assert_eq!(find("limit-yes")["credit_status"]["available"], -0.01);
    let pay = &find("pay-yes")["credit_status"];
    assert_eq!(
        (&pay["overdue"], &pay["overdue_count"], &pay["days_overdue"]),
        (
            &serde_json::json!(100),
            &serde_json::json!(1),
            &serde_json::json!(1)
        )
    );
    assert!(
        find("open-yes")["credit_status"]["available"].is_null(),
        "no limit"
    );
    // a day later the invoice due today is overdue, and the complaint of 14
    // days has been open 15
    let list = accounts_json(&sb, &path, "2026-11-24");
    assert_eq!(rules_of(&list, "pay-no"), ["payment-overdue"]);
    assert_eq!(rules_of(&list, "compl-no"), ["complaint-open"]);
    // the accounts' own fields keep their names: `credit` is the file's
    assert_eq!(list[2]["credit"]["limit"], 0.3);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "accounts writes nothing"
    );
}

#[test]
fn the_accounts_table_shows_one_warning_or_a_count_and_the_first() {
    let sb = Sandbox::new();
    let path = sb.path("w.json");
    let mut ws = boundary_workspace();
    // a second warning on pay-yes: a complaint open for 30 days
    ws["accounts"][0]["complaints"] =
        serde_json::json!([{"id": "c9", "text": "slow support", "raised": "2026-10-24"}]);
    std::fs::write(&path, serde_json::to_vec_pretty(&ws).unwrap()).unwrap();
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(&path)
        .args(["--today", "2026-11-23", "accounts"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |id: &str| {
        text.lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("{id} in\n{text}"))
            .to_owned()
    };
    assert!(
        // the column is cut at 50 characters: the count comes first
        line("pay-yes").contains("2 warnings: invoice i1 of 100 is 1 day overdue"),
        "{text}"
    );
    assert!(
        line("limit-yes").contains("unpaid 0.31 is over the credit limit of 0.30"),
        "{text}"
    );
    assert!(!line("limit-yes").contains("warnings:"), "{text}");
    assert!(
        line("limit-no").trim_end().ends_with('0'),
        "no warning: {text}"
    );
}
