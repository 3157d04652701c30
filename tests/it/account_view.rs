//! View 4's account workspace (spec section 11, issue 21): the overview
//! beside the SWOT, the panes Tab walks (profile, plan with its gauge,
//! credit and invoices, complaints, satisfaction with its sparkline,
//! contacts, deals, timeline), at 80×24 and 160×48, in English and Chinese,
//! on a workspace built here (not the demo, which changes).

use crate::common::{CHINESE, clean_screen, day, press, today, typing};
use funnel::domain::*;
use funnel::i18n;
use funnel::tui::app::App;
use funnel::tui::screens::accounts::AccountPane;
use ratatui::crossterm::event::KeyCode::{self, BackTab, Char, Enter, Esc, Tab};
use ratatui::style::{Color, Modifier};

fn money(units: i64) -> Money {
    Money::from_units(units)
}

fn invoice(n: usize, amount: i64, due: &str, paid: Option<&str>) -> Invoice {
    Invoice {
        id: format!("i{n}"),
        number: format!("INV-{n:03}"),
        amount: money(amount),
        issued: None,
        due: Some(day(due)),
        paid: paid.map(day),
        ..Default::default()
    }
}

fn deal(id: &str, account: &str, title: &str, stage: Stage, value: i64) -> Opportunity {
    Opportunity {
        id: id.into(),
        title: title.into(),
        account: account.into(),
        value: money(value),
        stage,
        created: Some(day("2026-09-01")),
        expected_close: Some(day("2026-12-20")),
        ..Default::default()
    }
}

fn action(id: &str, text: &str, due: &str, done: Option<&str>) -> Action {
    Action {
        id: id.into(),
        text: text.into(),
        due: Some(day(due)),
        done: done.map(day),
        created: Some(day("2026-09-01")),
        ..Default::default()
    }
}

/// 华润万家 has it all: a plan, credit with an overdue invoice, complaints,
/// five satisfaction scores falling at the end, contacts, deals and
/// actions; Acme Foods has nothing but its name; 深圳迈瑞医疗 a deal.
fn workspace() -> Workspace {
    let mut ws = Workspace::new("", "CNY");
    ws.accounts.push(Account {
        id: "crv".into(),
        name: "华润万家".into(),
        industry: "零售 retail".into(),
        tier: Some(Tier::Key),
        attractiveness: Score::new(4),
        advantage: Score::new(4),
        relationship: Some(Relationship::Mid),
        notes: "三条产品线都在谈。财务共享中心项目是今年最大的单子。".into(),
        swot: Swot {
            strengths: vec!["华南门店密度高".into(), "自有冷链车队".into()],
            weaknesses: vec!["生鲜损耗高于行业均值".into()],
            opportunities: vec!["会员与门店数字化".into()],
            threats: vec!["社区团购与即时零售分流客流".into()],
            ..Default::default()
        },
        contacts: vec![
            Contact {
                id: "c1".into(),
                name: "王建国".into(),
                title: "CFO 财务总监".into(),
                email: "wang.jg@crv.example".into(),
                phone: "+86 755 8888 0001".into(),
                ..Default::default()
            },
            Contact {
                id: "c2".into(),
                name: "李娜".into(),
                title: "IT 经理".into(),
                email: "li.na@crv.example".into(),
                phone: "+86 755 8888 0002".into(),
                ..Default::default()
            },
        ],
        plan: Some(AccountPlan {
            last_year_target: Some(money(5_000_000)),
            last_year_result: Some(money(4_200_000)),
            target: Some(money(6_000_000)),
            strategy: "以财务共享中心为突破口，带动门店数字化。".into(),
            resources: "售前 2 人，实施顾问 4 人".into(),
            goals: vec!["签下财务共享中心".into(), "门店试点扩大到 50 家".into()],
            needs: "降低生鲜损耗，月结提速".into(),
            decision_process: "CFO 拍板，IT 评估，采购比价".into(),
            ..Default::default()
        }),
        credit: Some(Credit {
            limit: Some(money(1_000_000)),
            terms_days: Some(Days(30)),
            invoices: vec![
                invoice(1, 300_000, "2026-10-01", None),
                invoice(2, 200_000, "2026-12-15", None),
                invoice(3, 150_000, "2026-09-01", Some("2026-09-20")),
            ],
            ..Default::default()
        }),
        complaints: vec![
            Complaint {
                id: "k1".into(),
                text: "冷链温控数据延迟，门店投诉".into(),
                raised: day("2026-10-20"),
                resolved: None,
                ..Default::default()
            },
            Complaint {
                id: "k2".into(),
                text: "发票抬头开错".into(),
                raised: day("2026-08-01"),
                resolved: Some(day("2026-08-05")),
                ..Default::default()
            },
        ],
        satisfaction: [
            ("2025-12-01", 5, "上线顺利"),
            ("2026-03-01", 4, ""),
            ("2026-06-01", 4, "响应慢"),
            ("2026-09-01", 3, ""),
            ("2026-11-01", 2, "温控问题"),
        ]
        .iter()
        .map(|(on, score, note)| Satisfaction {
            on: day(on),
            score: Score::new(*score).unwrap(),
            note: (*note).into(),
            ..Default::default()
        })
        .collect(),
        ..Default::default()
    });
    ws.accounts.push(Account {
        id: "acme".into(),
        name: "Acme Foods".into(),
        ..Default::default()
    });
    ws.accounts.push(Account {
        id: "mindray".into(),
        name: "深圳迈瑞医疗".into(),
        tier: Some(Tier::Regular),
        ..Default::default()
    });
    let mut d1 = deal("o1", "crv", "财务共享中心", Stage::Negotiate, 3_000_000);
    d1.actions = vec![
        action("t1", "与 CFO 确认预算", "2026-11-18", None),
        action("t2", "提交实施方案", "2026-11-30", None),
        action("t3", "首次拜访", "2026-09-10", Some("2026-09-10")),
    ];
    let d2 = deal("o2", "crv", "门店客流分析试点", Stage::Qualify, 260_000);
    let mut won = deal("o3", "crv", "冷链温控监测", Stage::Close, 2_400_000);
    won.outcome = Some(Outcome {
        result: OutcomeResult::Won,
        on: day("2026-06-30"),
        reason: String::new(),
        reason_code: None,
        ..Default::default()
    });
    let d4 = deal("o4", "mindray", "设备管理系统", Stage::Drive, 800_000);
    ws.opportunities = vec![d1, d2, won, d4];
    ws
}

fn app_on(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "demo".into(), None);
    press(&mut app, Char('4'));
    app
}

fn app() -> App {
    app_on(workspace())
}

/// Tab until `pane` has the focus.
fn focus(app: &mut App, pane: AccountPane) {
    while app.screens.accounts.pane != pane {
        press(app, Tab);
    }
}

/// The screen drawn, and its buffer for styles.
fn buffer(app: &App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    t.backend().buffer().clone()
}

/// The rows of the buffer as text (wide characters once).
fn lines(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < area.width {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += (sym.width() as u16).max(1);
            }
            s
        })
        .collect()
}

/// The runs of cells drawn with `modifier`, as text, row by row.
fn runs_with(buf: &ratatui::buffer::Buffer, modifier: Modifier) -> Vec<String> {
    let mut runs = Vec::new();
    for y in 0..buf.area.height {
        let mut run = String::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.modifier.contains(modifier) {
                run.push_str(c.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snapshots(lang: &str) {
    for (w, h) in SIZES {
        for (name, pane) in [
            ("list", AccountPane::List),
            ("credit", AccountPane::Credit),
            ("satisfaction", AccountPane::Satisfaction),
        ] {
            let mut app = app();
            focus(&mut app, pane);
            insta::assert_snapshot!(
                format!("account_view_{lang}_{name}_{w}x{h}"),
                clean_screen(&app, w, h)
            );
        }
    }
}

#[test]
fn account_workspace_snapshots_in_english() {
    snapshots("en");
}

#[test]
fn account_workspace_snapshots_in_chinese() {
    i18n::set(CHINESE);
    snapshots("zh");
}

#[test]
fn the_plan_gauge_shows_won_against_target_and_the_pace() {
    let mut app = app();
    // the overview: the share of the target won by the line gauge
    let screen = clean_screen(&app, 80, 24);
    assert!(screen.contains("Plan 40%"), "{screen}");
    assert!(
        screen.contains("won 2.4M of 6.0M · by now 4.8M"),
        "{screen}"
    );
    focus(&mut app, AccountPane::Plan);
    // 2,400,000 won of 6,000,000; by 23 November (day 327 of 365) the pace
    // asks 6,000,000 × 327 / 365 − 600,000 = 4,775,342.4657…, rounded up
    let screen = clean_screen(&app, 80, 24);
    assert!(
        screen.contains("won 2,400,000 of 6,000,000 (40%) · expected by now 4,775,342.47"),
        "{screen}"
    );
    assert!(
        screen.contains("Last year: target 5,000,000, result 4,200,000"),
        "{screen}"
    );
    // the grid's narrower pane: the figures wrapped above the bar
    let screen = clean_screen(&app, 160, 48);
    for part in ["won 2,400,000 of 6,000,000", "(40%)", "4,775,342.47"] {
        assert!(screen.contains(part), "{part}\n{screen}");
    }
    // the gauge is drawn filled to 40 % (a full block in the row of the label)
    let buf = buffer(&app, 80, 24);
    let row = lines(&buf)
        .into_iter()
        .find(|l| l.contains("expected by now"))
        .unwrap();
    // the bar starts filled and ends empty (40 %)
    let inside = row.trim_start_matches('│').trim_end_matches('│');
    assert!(inside.starts_with('█'), "{row}");
    assert!(!inside.ends_with('█'), "{row}");
}

#[test]
fn an_overdue_invoice_shows_its_days_overdue_in_the_warning_style() {
    let mut app = app();
    focus(&mut app, AccountPane::Credit);
    for (w, h) in SIZES {
        let buf = buffer(&app, w, h);
        let text = lines(&buf);
        // due 1 October, unpaid on 23 November: 53 days
        let y = text
            .iter()
            .position(|l| l.contains("INV-001") && l.contains("53 days overdue"))
            .unwrap_or_else(|| panic!("{w}x{h}\n{}", text.join("\n")));
        let x = text[y].find("53 days").unwrap() as u16;
        // a selected row is reversed; this is the first, so move off it
        let c = &buf[(x, y as u16)];
        assert!(c.modifier.contains(Modifier::BOLD), "{c:?}");
        let paid = text.iter().find(|l| l.contains("INV-003")).unwrap();
        assert!(
            paid.contains("paid 09-20") || paid.contains("paid 2026-09-20"),
            "{paid}"
        );
        let later = text.iter().find(|l| l.contains("INV-002")).unwrap();
        assert!(later.contains("due in 22 days"), "{later}");
        // the figures above the list (wrapped in the grid's narrower pane)
        let all = text.join(" ").replace("│", " ");
        let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(all.contains("Limit 1,000,000 · terms 30 days ·"), "{all}");
        assert!(all.contains("unpaid 500,000 (2 invoices)"), "{all}");
        assert!(all.contains("Overdue 300,000 (1 invoice, the"), "{all}");
        assert!(all.contains("53 days) · available 500,000"), "{all}");
    }
    // off the selection, the overdue row's style is the warning's (yellow)
    press(&mut app, Char('j'));
    let buf = buffer(&app, 80, 24);
    let text = lines(&buf);
    let y = text
        .iter()
        .position(|l| l.contains("53 days overdue"))
        .unwrap();
    let x = text[y].find("INV-001").unwrap() as u16;
    assert_eq!(buf[(x, y as u16)].fg, Color::Yellow);
    assert!(!buf[(x, y as u16)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn warnings_of_the_account_show_near_the_top_of_the_workspace() {
    let mut app = app();
    let messages: Vec<String> =
        funnel::domain::accounts::figures(&app.ws, &app.ws.accounts[0], today())
            .warnings
            .into_iter()
            .map(|w| w.message)
            .collect();
    assert!(messages.len() >= 3, "{messages:?}");
    focus(&mut app, AccountPane::Contacts);
    let buf = buffer(&app, 160, 48);
    let text = lines(&buf);
    // under the list and the strip: every warning, each in the warning style
    for m in &messages {
        let y = text
            .iter()
            .position(|l| l.contains(&format!("! {}", m.chars().take(20).collect::<String>())))
            .unwrap_or_else(|| panic!("{m}\n{}", text.join("\n")));
        assert!(y < 14, "{y}: {m}");
        assert_eq!(buf[(1, y as u16)].fg, Color::Yellow);
    }
    // the profile pane says them whole
    focus(&mut app, AccountPane::Profile);
    let screen = clean_screen(&app, 160, 48);
    for m in &messages {
        assert!(screen.contains(m.as_str()), "{m}\n{screen}");
    }
}

#[test]
fn the_profile_and_the_plan_scroll_so_every_warning_and_the_whole_plan_can_be_read() {
    // six more overdue invoices: ten warnings, more than 80×24 shows
    let mut ws = workspace();
    let credit = ws.accounts[0].credit.as_mut().unwrap();
    for n in 10..16 {
        credit.invoices.push(invoice(n, 1_000, "2026-10-15", None));
    }
    let mut app = app_on(ws);
    let messages: Vec<String> =
        funnel::domain::accounts::figures(&app.ws, &app.ws.accounts[0], today())
            .warnings
            .into_iter()
            .map(|w| w.message)
            .collect();
    let last = messages
        .last()
        .unwrap()
        .chars()
        .take(30)
        .collect::<String>();
    focus(&mut app, AccountPane::Profile);
    // at 80×24 the profile cannot show every warning at once
    let first = clean_screen(&app, 80, 24);
    assert!(first.contains("more lines"), "{first}");
    assert!(!first.contains(&last), "{first}");
    // j scrolls until the last one is in sight, and no further
    let mut seen = false;
    for _ in 0..40 {
        press(&mut app, Char('j'));
        let screen = clean_screen(&app, 80, 24);
        if screen.contains(&last) {
            seen = true;
            break;
        }
    }
    assert!(seen, "{}", clean_screen(&app, 80, 24));
    let at = app.screens.accounts.item(AccountPane::Profile);
    for _ in 0..5 {
        press(&mut app, Char('j'));
        let _ = clean_screen(&app, 80, 24);
    }
    assert!(
        app.screens.accounts.item(AccountPane::Profile) <= at + 1,
        "the text stops at its end"
    );
    // g goes back to the top
    press(&mut app, Char('g'));
    assert!(clean_screen(&app, 80, 24).contains("Industry:"));
    // the plan reads to its decision process the same way
    focus(&mut app, AccountPane::Plan);
    let mut seen = false;
    for _ in 0..40 {
        if clean_screen(&app, 80, 24).contains("Decision process:") {
            seen = true;
            break;
        }
        press(&mut app, Char('j'));
    }
    assert!(seen, "{}", clean_screen(&app, 80, 24));
}

#[test]
fn slash_in_a_pane_filters_the_accounts_and_what_is_typed_goes_to_the_filter() {
    let mut app = app();
    focus(&mut app, AccountPane::Plan);
    let before = app.ws.clone();
    press(&mut app, Char('/'));
    typing(&mut app, "tier:regular");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.ws, before, "typing opened no form and changed nothing");
    let s = &app.screens.accounts;
    assert_eq!(s.pane, AccountPane::Plan, "the pane keeps the focus");
    let shown: Vec<&str> = s
        .rows
        .iter()
        .map(|&i| app.ws.accounts[i].name.as_str())
        .collect();
    assert_eq!(shown, ["深圳迈瑞医疗"]);
}

#[test]
fn tab_walks_every_pane_in_order_and_lights_the_focused_title() {
    let mut app = app();
    assert_eq!(app.screens.accounts.pane, AccountPane::List);
    let names = [
        "Accounts",
        "Profile",
        "Plan",
        "Credit",
        "Complaints",
        "Satisfaction",
        "Contacts",
        "Deals",
        "Timeline",
    ];
    for (n, pane) in AccountPane::ORDER.iter().enumerate().skip(1) {
        press(&mut app, Tab);
        assert_eq!(app.screens.accounts.pane, *pane);
        for (w, h) in SIZES {
            // what is underlined (the focused heading) names this pane and
            // no other
            let lit = runs_with(&buffer(&app, w, h), Modifier::UNDERLINED);
            assert!(!lit.is_empty(), "{pane:?} {w}x{h}");
            assert!(
                lit.iter().any(|r| r.contains(names[n])),
                "{pane:?} {w}x{h}: {lit:?}"
            );
            for (m, other) in names.iter().enumerate() {
                if m != n && !names[n].contains(other) {
                    assert!(
                        lit.iter().all(|r| !r.contains(other)),
                        "{pane:?} {w}x{h}: {other} lit too: {lit:?}"
                    );
                }
            }
        }
    }
    // and round to the list, its title lit again; Shift-Tab goes back
    press(&mut app, Tab);
    assert_eq!(app.screens.accounts.pane, AccountPane::List);
    let lit = runs_with(&buffer(&app, 80, 24), Modifier::UNDERLINED);
    assert!(lit.iter().any(|r| r.contains("Accounts")), "{lit:?}");
    press(&mut app, BackTab);
    assert_eq!(app.screens.accounts.pane, AccountPane::Timeline);
    press(&mut app, Esc);
    assert_eq!(app.screens.accounts.pane, AccountPane::List);
}

#[test]
fn a_pane_selection_moves_with_j_and_k_and_stays_in_view_in_a_long_list() {
    let mut ws = workspace();
    let credit = ws.accounts[0].credit.as_mut().unwrap();
    credit.invoices = (1..=30)
        .map(|n| {
            invoice(
                n,
                1_000 * n as i64,
                &format!("2026-{:02}-10", 1 + n % 12),
                None,
            )
        })
        .collect();
    let mut app = app_on(ws);
    focus(&mut app, AccountPane::Credit);
    let order = funnel::tui::screens::accounts::rows::invoices(&app.ws.accounts[0]);
    let number = |app: &App, row: usize| {
        app.ws.accounts[0].credit.as_ref().unwrap().invoices[order[row]]
            .number
            .clone()
    };
    for (w, h) in SIZES {
        let mut app = app_on(app.ws.clone());
        focus(&mut app, AccountPane::Credit);
        for _ in 0..25 {
            press(&mut app, Char('j'));
        }
        assert_eq!(app.screens.accounts.item(AccountPane::Credit), 25);
        let buf = buffer(&app, w, h);
        let selected = runs_with(&buf, Modifier::REVERSED);
        assert!(
            selected.iter().any(|r| r.contains(&number(&app, 25))),
            "{w}x{h}: {selected:?}\n{}",
            lines(&buf).join("\n")
        );
        // the title says where the selection is
        assert!(lines(&buf).join("\n").contains("26 of 30"));
        press(&mut app, Char('k'));
        assert_eq!(app.screens.accounts.item(AccountPane::Credit), 24);
        let selected = runs_with(&buffer(&app, w, h), Modifier::REVERSED);
        assert!(selected.iter().any(|r| r.contains(&number(&app, 24))));
        // PgDn pages by the rows drawn: from the top, one page lands on the
        // first row below what was seen
        press(&mut app, Char('g'));
        let _ = buffer(&app, w, h);
        let seen = app
            .pages
            .rows(funnel::tui::cursor::List::AccountItems)
            .unwrap();
        press(&mut app, KeyCode::PageDown);
        assert_eq!(app.screens.accounts.item(AccountPane::Credit), seen.min(29));
        let selected = runs_with(&buffer(&app, w, h), Modifier::REVERSED);
        assert!(
            selected
                .iter()
                .any(|r| r.contains(&number(&app, seen.min(29))))
        );
    }
}

#[test]
fn an_account_with_nothing_says_what_is_not_set() {
    let mut app = app();
    press(&mut app, Char('j'));
    assert_eq!(app.ws.accounts[1].name, "Acme Foods");
    let screen = clean_screen(&app, 80, 24);
    assert!(screen.contains("Plan: not set"), "{screen}");
    assert!(screen.contains("Credit: not set"), "{screen}");
    assert!(screen.contains("Satisfaction no scores yet"), "{screen}");
    let expect = [
        (AccountPane::Profile, "Industry: not set"),
        (AccountPane::Plan, "No account plan yet."),
        (AccountPane::Credit, "No credit line set"),
        (AccountPane::Complaints, "No complaints recorded."),
        (AccountPane::Satisfaction, "No satisfaction scores yet."),
        (AccountPane::Contacts, "No contacts yet."),
        (AccountPane::Deals, "No deals with this account."),
        (AccountPane::Timeline, "No actions on this account's deals."),
    ];
    for (pane, text) in expect {
        focus(&mut app, pane);
        for (w, h) in SIZES {
            let screen = clean_screen(&app, w, h);
            assert!(screen.contains(text), "{pane:?} {w}x{h}\n{screen}");
        }
    }
}

#[test]
fn no_accounts_and_a_filter_matching_none_still_draw() {
    let mut empty = app_on(Workspace::new("", "CNY"));
    for (w, h) in SIZES {
        assert!(clean_screen(&empty, w, h).contains("No accounts yet: a adds one."));
    }
    // Tab with no account: the workspace has nothing to show, the list stays
    press(&mut empty, Tab);
    for (w, h) in SIZES {
        assert!(clean_screen(&empty, w, h).contains("No accounts yet"));
    }
    let mut app = app();
    focus(&mut app, AccountPane::Credit);
    press(&mut app, Esc);
    press(&mut app, Char('/'));
    typing(&mut app, "zzz-nothing");
    press(&mut app, Enter);
    assert!(app.screens.accounts.rows.is_empty());
    for (w, h) in SIZES {
        let screen = clean_screen(&app, w, h);
        assert!(
            screen.contains("No account matches the filter"),
            "{w}x{h}\n{screen}"
        );
    }
}

/// A frame of view 4 on 10,000 deals, the account with the most deals
/// selected and given a plan, 30 invoices and scores: well under 50 ms.
/// Timing means something only in release:
/// `cargo test --release --test it account_view::frame_time -- --ignored --nocapture`.
#[test]
#[ignore]
fn frame_time_at_ten_thousand_deals() {
    let mut ws = funnel::synth::workspace(10_000, 42, today());
    // the account with the most deals: its deals and timeline panes are longest
    let mut count = std::collections::HashMap::new();
    for o in &ws.opportunities {
        *count.entry(o.account.clone()).or_insert(0usize) += 1;
    }
    let busiest = ws
        .accounts
        .iter()
        .position(|a| count.get(&a.id) == count.values().max())
        .unwrap();
    let rich = workspace().accounts.remove(0);
    let a = &mut ws.accounts[busiest];
    a.plan = rich.plan;
    a.credit = rich.credit;
    a.credit.as_mut().unwrap().invoices = (1..=30)
        .map(|n| invoice(n, 1_000, "2026-10-01", None))
        .collect();
    a.complaints = rich.complaints;
    a.satisfaction = rich.satisfaction;
    a.contacts = rich.contacts;
    let mut app = app_on(ws);
    while app.screens.accounts.selected(&app.ws) != Some(busiest) {
        press(&mut app, Char('j'));
    }
    println!(
        "account with {} of {} deals",
        count.values().max().unwrap(),
        app.ws.opportunities.len()
    );
    for (w, h) in SIZES {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        for pane in AccountPane::ORDER {
            focus(&mut app, pane);
            let mut runs: Vec<std::time::Duration> = (0..7)
                .map(|_| {
                    let start = std::time::Instant::now();
                    terminal
                        .draw(|f| funnel::tui::views::draw(&app, f))
                        .unwrap();
                    start.elapsed()
                })
                .collect();
            runs.sort();
            let median = runs[runs.len() / 2];
            println!("{w}x{h} {pane:?}: {:.2} ms", median.as_secs_f64() * 1000.0);
            if !cfg!(debug_assertions) {
                assert!(median.as_millis() < 50, "{pane:?} {w}x{h}: {median:?}");
            }
        }
    }
}
