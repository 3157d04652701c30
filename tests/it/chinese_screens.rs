//! Spec section 12: every screen of the workbench in 简体中文, at 80×24
//! and 160×48, as a seller who reads no English sees it. The snapshots are
//! read by people (is it Chinese, is it the course's terms, does it fit);
//! the checks below are what a machine can say: no English sentence is
//! left on the screen, and nothing is cut without a mark.

use crate::common::{CHINESE, clean_screen as screen, demo_app, press};
use funnel::i18n;
use funnel::tui::app::App;
use ratatui::crossterm::event::KeyCode::{self, Char, Enter, Esc, Tab};

/// The demo workbench in Chinese after `keys`.
fn chinese_app(keys: &[KeyCode]) -> App {
    i18n::set(CHINESE);
    let mut app = demo_app();
    for k in keys {
        press(&mut app, *k);
    }
    app
}

/// Every screen and dialog a Monday review passes through, by the keys
/// that open it from the start.
const SCREENS: &[(&str, &[KeyCode])] = &[
    ("pipeline", &[]),
    ("deal_pane", &[Tab]),
    ("board", &[Char('b')]),
    ("closed", &[Char('C')]),
    (
        "filter",
        &[
            Char('/'),
            Char('s'),
            Char('t'),
            Char('a'),
            Char('g'),
            Char('e'),
            Char(':'),
        ],
    ),
    ("new_deal_form", &[Char('n')]),
    ("quick_add", &[Char('a')]),
    ("delete_question", &[Char('d')]),
    ("help", &[Char('?')]),
    ("actions", &[Char('2')]),
    ("reschedule", &[Char('2'), Char('r')]),
    ("funnel", &[Char('3')]),
    ("accounts", &[Char('4')]),
    ("account_form", &[Char('4'), Char('e')]),
    ("review", &[Char('5')]),
    ("analysis", &[Char('6')]),
    ("forecast", &[Char('7')]),
    ("forecast_targets", &[Char('7'), Char('T')]),
    (
        "forecast_deals",
        &[Char('7'), Char('j'), Char('j'), Char('j'), Enter],
    ),
];

/// The Latin words of the demo's own texts (titles, notes, names, brands:
/// the strings with a space or a capital in them), which are the seller's
/// data and stay as typed; enum words (`qualify`) are not data.
fn data_words() -> std::collections::BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::String(s)
                if s.contains(' ') || s.chars().any(|c| c.is_ascii_uppercase()) =>
            {
                out.extend(
                    s.split(|c: char| !c.is_ascii_alphabetic())
                        .filter(|w| !w.is_empty())
                        .map(String::from),
                )
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let ws = funnel::store::demo::workspace(crate::common::today());
    let json = serde_json::to_value(&ws).unwrap();
    let mut out = std::collections::BTreeSet::new();
    walk(&json, &mut out);
    out
}

/// Words of three or more Latin letters on the screen that are neither
/// the demo's data nor key names (nor a part of them, where a cell or an
/// overlay cut them).
fn english_words(text: &str) -> Vec<String> {
    let data = data_words();
    const KEPT: &[&str] = &[
        // keys, as printed on the keyboard
        "Tab",
        "Enter",
        "Esc",
        "PgDn",
        "PgUp",
        "Home",
        "End",
        "Ctrl",
        "space",
        "Space",
        "Shift",
        "Del",
        "Backspace",
        // the product, the demo's data and units
        "funnel",
        "DEMO",
        "CNY",
        "ERP",
        "CRM",
        "MES",
        "SaaS",
        "API",
        "IT",
        "eoq",
        "SWOT",
        "EDITOR",
        "save",
        "delete",
        "NAME",
        "demo",
        "COO",
        // what is typed, so it stays as typed: the filter's words, quick
        // add's and the date fields' shorthands, the language switch
        "stage",
        "owner",
        "tag",
        "flag",
        "account",
        "tier",
        "industry",
        "relationship",
        "drive",
        "close",
        "erp",
        "fri",
        "eom",
        "eoq",
        "English",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| {
            w.len() >= 3
                && !KEPT.iter().any(|k| k.starts_with(*w))
                && !data.iter().any(|d| d.contains(*w))
        })
        .map(String::from)
        .collect()
}

#[test]
fn every_screen_in_chinese_at_80x24_and_160x48() {
    for (name, keys) in SCREENS {
        for (w, h) in [(80, 24), (160, 48)] {
            let app = chinese_app(keys);
            let shown = screen(&app, w, h);
            insta::assert_snapshot!(format!("zh_{name}_{w}x{h}"), shown);
        }
    }
}

#[test]
fn no_english_is_left_on_any_screen() {
    let mut left = Vec::new();
    for (name, keys) in SCREENS {
        for (w, h) in [(80, 24), (160, 48)] {
            let app = chinese_app(keys);
            let words = english_words(&screen(&app, w, h));
            if !words.is_empty() {
                left.push(format!("{name} {w}x{h}: {}", words.join(" ")));
            }
        }
    }
    assert!(
        left.is_empty(),
        "English on the Chinese screens:\n{}",
        left.join("\n")
    );
}

#[test]
fn the_help_of_every_view_is_chinese() {
    let mut left = Vec::new();
    for view in ['1', '2', '3', '4', '5', '6', '7'] {
        let app = chinese_app(&[Char(view), Char('?')]);
        let words = english_words(&screen(&app, 160, 48));
        if !words.is_empty() {
            left.push(format!("view {view}: {}", words.join(" ")));
        }
    }
    assert!(
        left.is_empty(),
        "English in the Chinese help:\n{}",
        left.join("\n")
    );
}

#[test]
fn english_stays_english_after_a_chinese_test_on_another_thread() {
    // the language is per thread: a Chinese test beside this one changes
    // nothing here
    let other = std::thread::spawn(|| {
        let app = chinese_app(&[]);
        screen(&app, 80, 24)
    })
    .join()
    .unwrap();
    let app = demo_app();
    let here = screen(&app, 80, 24);
    assert_ne!(other, here);
    assert!(here.contains("Deals") || here.contains("qualify"), "{here}");
    let _ = (Enter, Esc);
}
