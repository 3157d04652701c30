//! View 8, People (spec section 10): every buying influence of the open
//! deals, the longest past their cadence first; `s` cycles the order, `/`
//! filters, Enter opens the person in their deal (view 1's Influences pane,
//! a filter hiding the deal cleared), `T` records a contact today and `u`
//! undoes it; a closed deal's people are left out; view 1's `/` finds a
//! deal by a person's email. The screen on the demo at 80×24 and 160×48,
//! and in Chinese.

use crate::common::{clean_screen as screen, day, demo_app, press, selected_id, today, typing};
use funnel::domain::{Influence, Level, Opportunity, OutcomeResult, Workspace};
use funnel::i18n::{self, Lang, Locale, Numbers};
use funnel::tui::app::{App, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::people::PeopleSort;
use funnel::tui::screens::{Pane, ScreenId};
use ratatui::crossterm::event::KeyCode::{Char, Enter, Esc};

fn person(id: &str, name: &str, level: Level, last: Option<&str>) -> Influence {
    Influence {
        id: id.into(),
        name: name.into(),
        influence: Some(level),
        last_contact: last.map(day),
        ..Influence::default()
    }
}

/// Two open deals and a closed one, with known last contacts as of
/// 2026-11-23. Past their cadence: Bob 53 days on 30 (+23), Cid never
/// contacted, 74 days since the deal was created on 60 (+14), Eve 40 on
/// 30 (+10); within it: Dee 54 on 60 (−6), Ann 3 on 30 (−27).
fn fixture() -> Workspace {
    let mut ws = Workspace::new("Li", "CNY");
    let alpha = Opportunity {
        id: "o1".into(),
        title: "Alpha deal".into(),
        created: Some(day("2026-09-10")),
        influences: vec![
            person("i1", "Ann", Level::High, Some("2026-11-20")),
            Influence {
                email: "bob@beta.example".into(),
                ..person("i2", "Bob", Level::High, Some("2026-10-01"))
            },
            person("i3", "Cid", Level::Low, None),
        ],
        ..Opportunity::default()
    };
    let beta = Opportunity {
        id: "o2".into(),
        title: "Beta deal".into(),
        stage: funnel::domain::Stage::Drive,
        created: Some(day("2026-11-01")),
        influences: vec![
            person("j1", "Dee", Level::Medium, Some("2026-09-30")),
            Influence {
                title: "CFO".into(),
                email: "eve@gamma.example".into(),
                phone: "+86 138 0000 1111".into(),
                ..person("j2", "Eve", Level::High, Some("2026-10-14"))
            },
        ],
        ..Opportunity::default()
    };
    let mut gone = Opportunity {
        id: "o3".into(),
        title: "Gone deal".into(),
        created: Some(day("2026-01-01")),
        influences: vec![person("k1", "Zed", Level::High, Some("2026-02-01"))],
        ..Opportunity::default()
    };
    gone.close(OutcomeResult::Lost, day("2026-06-01"), "");
    ws.opportunities = vec![alpha, beta, gone];
    ws
}

fn people_app(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "demo".into(), None);
    press(&mut app, Char('8'));
    assert_eq!(app.screen, ScreenId::People);
    app
}

/// The names listed, in order.
fn names(app: &App) -> Vec<String> {
    app.screens
        .people
        .rows
        .iter()
        .map(|r| {
            app.ws.opportunities[r.deal].influences[r.person]
                .name
                .clone()
        })
        .collect()
}

fn selected_name(app: &App) -> String {
    let r = app.screens.people.selected().expect("a person selected");
    app.ws.opportunities[r.deal].influences[r.person]
        .name
        .clone()
}

#[test]
fn people_are_listed_longest_past_their_cadence_first_without_closed_deals() {
    let app = people_app(fixture());
    assert_eq!(names(&app), ["Bob", "Cid", "Eve", "Dee", "Ann"]);
    let shown = screen(&app, 100, 24);
    assert!(!shown.contains("Zed"), "a closed deal's people: {shown}");
    assert!(shown.contains("53d / 30d"), "{shown}");
    assert!(shown.contains("never / 60d"), "{shown}");
    assert!(shown.contains("3d / 30d"), "{shown}");
    // Bob (high influence, past his cadence) is flagged, Ann is not
    let line = |name: &str| {
        shown
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in {shown}"))
            .to_owned()
    };
    assert!(line("Bob").starts_with('!'), "{shown}");
    assert!(!line("Ann").starts_with('!'), "{shown}");
    // Cid is past his cadence but of low influence: not person-quiet
    assert!(!line("Cid").starts_with('!'), "{shown}");
}

#[test]
fn s_cycles_name_deal_last_contact_and_back_keeping_the_selection() {
    let mut app = people_app(fixture());
    press(&mut app, Char('j'));
    assert_eq!(selected_name(&app), "Cid");
    press(&mut app, Char('s'));
    assert_eq!(app.screens.people.sort, PeopleSort::Name);
    assert_eq!(names(&app), ["Ann", "Bob", "Cid", "Dee", "Eve"]);
    assert_eq!(
        selected_name(&app),
        "Cid",
        "the selection follows the person"
    );
    press(&mut app, Char('s'));
    assert_eq!(app.screens.people.sort, PeopleSort::Deal);
    // by deal title, each deal's people in cadence order
    assert_eq!(names(&app), ["Bob", "Cid", "Ann", "Eve", "Dee"]);
    press(&mut app, Char('s'));
    assert_eq!(app.screens.people.sort, PeopleSort::Contact);
    // never contacted first, then the longest ago
    assert_eq!(names(&app), ["Cid", "Dee", "Bob", "Eve", "Ann"]);
    assert!(screen(&app, 100, 24).contains("sort: last contact"));
    press(&mut app, Char('s'));
    assert_eq!(app.screens.people.sort, PeopleSort::Due);
    assert_eq!(names(&app), ["Bob", "Cid", "Eve", "Dee", "Ann"]);
}

#[test]
fn slash_filters_by_name_title_email_phone_deal_and_esc_clears() {
    let mut app = people_app(fixture());
    for (typed, expected) in [
        ("ann", vec!["Ann"]),
        ("cfo", vec!["Eve"]),
        ("gamma.example", vec!["Eve"]),
        ("138 0000", vec!["Eve"]),
        ("beta deal", vec!["Eve", "Dee"]),
        // Bob's email names the other deal: his own row, not Beta's people
        ("bob@", vec!["Bob"]),
        ("nobody-here", vec![]),
        // the words of the other views' filters apply to the person's deal
        ("stage:drive", vec!["Eve", "Dee"]),
        ("stage:drive cfo", vec!["Eve"]),
        ("stage:qualify cfo", vec![]),
    ] {
        press(&mut app, Char('/'));
        typing(&mut app, typed);
        assert!(matches!(app.dialog, Some(Dialog::Filter(_))));
        assert_eq!(names(&app), expected, "filter {typed:?}");
        press(&mut app, Enter);
        assert!(app.dialog.is_none());
        assert_eq!(names(&app), expected, "kept after Enter: {typed:?}");
        if expected.is_empty() {
            let shown = screen(&app, 80, 24);
            assert!(shown.contains("Nobody matches the filter"), "{shown}");
        }
        press(&mut app, Char('/'));
        press(&mut app, Esc);
        assert_eq!(names(&app).len(), 5, "Esc shows everyone again");
        press(&mut app, Esc);
    }
}

#[test]
fn enter_opens_the_person_in_their_deal_even_behind_a_view_one_filter() {
    let mut app = App::new(fixture(), today(), "demo".into(), None);
    // view 1 filtered to Beta (not "beta": Bob of Alpha has a beta email)
    press(&mut app, Char('/'));
    typing(&mut app, "Beta deal");
    press(&mut app, Enter);
    assert_eq!(app.screens.pipeline.rows, [1]);
    press(&mut app, Char('8'));
    assert_eq!(selected_name(&app), "Bob");
    press(&mut app, Enter);
    assert_eq!(app.screen, ScreenId::Pipeline);
    assert_eq!(selected_id(&app), "o1");
    assert!(
        app.screens.pipeline.filter.is_empty(),
        "the hiding filter is cleared"
    );
    let said = app.status.as_ref().map_or("", |s| s.0.as_str());
    assert_eq!(
        said, "view 1's filter cleared to show the deal",
        "and says so"
    );
    assert_eq!(app.focus(), Pane::Influences);
    assert_eq!(app.selected_person(), Some(1), "Bob is the second of Alpha");
    // and one whose deal is listed: the filter stays
    let mut app = App::new(fixture(), today(), "demo".into(), None);
    press(&mut app, Char('/'));
    typing(&mut app, "Beta deal");
    press(&mut app, Enter);
    press(&mut app, Char('8'));
    press(&mut app, Char('G'));
    press(&mut app, Char('k'));
    assert_eq!(selected_name(&app), "Dee");
    press(&mut app, Enter);
    assert_eq!(selected_id(&app), "o2");
    assert_eq!(app.screens.pipeline.filter.value(), "Beta deal");
    assert!(
        app.status
            .as_ref()
            .is_none_or(|s| !s.0.contains("filter cleared")),
        "nothing cleared, nothing said"
    );
    assert_eq!(app.focus(), Pane::Influences);
    assert_eq!(app.selected_person(), Some(0));
}

#[test]
fn t_records_a_contact_today_the_row_moves_and_u_undoes() {
    let mut app = people_app(fixture());
    assert_eq!(selected_name(&app), "Bob");
    let effects = press(&mut app, Char('T'));
    assert!(!effects.is_empty(), "the change is saved");
    assert_eq!(
        app.ws.opportunities[0].influences[1].last_contact,
        Some(today())
    );
    // 0 days on a 30-day cadence: now the furthest from due
    assert_eq!(names(&app), ["Cid", "Eve", "Dee", "Ann", "Bob"]);
    assert_eq!(selected_name(&app), "Bob", "the selection follows him");
    assert!(screen(&app, 100, 24).contains("0d / 30d"));
    press(&mut app, Char('u'));
    assert_eq!(
        app.ws.opportunities[0].influences[1].last_contact,
        Some(day("2026-10-01"))
    );
    assert_eq!(names(&app), ["Bob", "Cid", "Eve", "Dee", "Ann"]);
}

#[test]
fn e_opens_the_persons_form_and_an_empty_workspace_says_how_to_add_people() {
    let mut app = people_app(fixture());
    press(&mut app, Char('e'));
    assert!(
        matches!(app.dialog, Some(Dialog::Form(..))),
        "e edits the person"
    );
    let mut empty = people_app(Workspace::new("Li", "CNY"));
    let shown = screen(&empty, 80, 24);
    assert!(shown.contains("Nobody yet"), "{shown}");
    assert!(shown.contains("Influences pane"), "{shown}");
    press(&mut empty, Char('T'));
    assert!(empty.history.last_done().is_none(), "nothing to record");
}

#[test]
fn slash_in_view_one_finds_a_deal_by_a_persons_email_title_or_phone() {
    let mut app = App::new(fixture(), today(), "demo".into(), None);
    for typed in ["eve@gamma", "cfo", "+86 138"] {
        press(&mut app, Char('/'));
        typing(&mut app, typed);
        press(&mut app, Enter);
        assert_eq!(app.screens.pipeline.rows, [1], "{typed}");
        assert_eq!(selected_id(&app), "o2");
        press(&mut app, Char('/'));
        press(&mut app, Esc);
        press(&mut app, Esc);
    }
    // and on the demo, a person given an email
    let mut ws = funnel::store::demo::workspace(today());
    let at = ws
        .opportunities
        .iter()
        .rposition(|o| o.is_open() && !o.influences.is_empty())
        .unwrap();
    ws.opportunities[at].influences[0].email = "someone@unique-mail.example".into();
    let id = ws.opportunities[at].id.clone();
    let mut app = App::new(ws, today(), "demo".into(), None);
    press(&mut app, Char('/'));
    typing(&mut app, "unique-mail");
    press(&mut app, Enter);
    assert_eq!(app.screens.pipeline.rows.len(), 1);
    assert_eq!(selected_id(&app), id);
}

#[test]
fn view_eight_on_the_demo_at_80x24_and_160x48_and_in_chinese() {
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut app = demo_app();
        app.update(Msg::Resized(w, h));
        press(&mut app, Char('8'));
        let shown = screen(&app, w, h);
        assert!(shown.contains("People · 1 of"), "{shown}");
        assert!(shown.contains("sort: past cadence"), "{shown}");
        insta::assert_snapshot!(format!("people_view_{w}x{h}"), shown);
    }
    i18n::set(Locale {
        lang: Lang::Zh,
        numbers: Numbers::Chinese,
    });
    let mut app = demo_app();
    app.update(Msg::Resized(80, 24));
    press(&mut app, Char('8'));
    let shown = screen(&app, 80, 24);
    i18n::set(Locale {
        lang: Lang::En,
        numbers: Numbers::Western,
    });
    assert!(shown.contains("8 人员"), "{shown}");
    // every line fits the terminal: Chinese names aligned by width
    for line in shown.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    insta::assert_snapshot!("zh_people_view_80x24", shown);
}

#[test]
fn a_long_cadence_still_reads_whole_at_80_columns() {
    let mut ws = fixture();
    ws.opportunities[0].influences[2].cadence_days = Some(funnel::domain::Days(3650));
    let app = people_app(ws);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("never / 3650d"), "{shown}");
}
