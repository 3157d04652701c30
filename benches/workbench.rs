//! `cargo bench --bench workbench`: keypress to updated frame and start to
//! first frame at 1,000 and 10,000 opportunities (`FUNNEL_BENCH_100K=1`
//! adds 100,000), drawn into a 120×40 TestBackend. An edit's frame includes
//! what the loop does on the UI thread for its save: taking the delta and
//! handing it to the saver thread, which writes behind (benches/store.rs
//! times the write).

use funnel::domain::Date;
use funnel::store::Store;
use funnel::store::saver::Saver;
use funnel::tui::app::{App, Effect, Msg};
use funnel::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

static SAVING: Mutex<()> = Mutex::new(());
static UNWRITTEN: AtomicUsize = AtomicUsize::new(0);

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let today = Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().unwrap();
    // `FUNNEL_BENCH_ONLY=accounts`: view 4's table alone (issue 21)
    let accounts_only = std::env::var("FUNNEL_BENCH_ONLY").is_ok_and(|w| w == "accounts");
    if accounts_only {
        accounts_table(&[1_000, 10_000], today, dir.path());
        return;
    }
    // `FUNNEL_BENCH_ONLY=team`: the team view's first frame (issue 22)
    if std::env::var("FUNNEL_BENCH_ONLY").is_ok_and(|w| w == "team") {
        team_first_frame(20, 1_000, today, dir.path());
        return;
    }
    println!(
        "| workspace | start to first frame | j (move) | > then < (stage move + re-sort) | / filter, one letter | Tab (focus) |"
    );
    println!("|---|---|---|---|---|---|");
    let mut sizes = vec![1_000usize, 10_000];
    if std::env::var_os("FUNNEL_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    let language_sizes = sizes.clone();
    let forecast_sizes = sizes.clone();
    let sheet_sizes = sizes.clone();
    let people_sizes = sizes.clone();
    let talk_sizes = sizes.clone();
    let mut breakdown = Vec::new();
    let mut bulk = Vec::new();
    let mut boards = Vec::new();
    let mut finding = Vec::new();
    for n in sizes {
        let runs = if n > 10_000 { 1 } else { 5 };
        let path = dir.path().join(format!("w{n}.json"));
        drop(
            Store::create(
                &path,
                &funnel::synth::workspace(n, 42, today),
                &dir.path().join("data"),
            )
            .unwrap(),
        );

        let starts: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let (store, ws) = Store::open(&path, &dir.path().join("data")).unwrap();
                let app = App::new(ws, today, "bench".into(), None);
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                terminal.draw(|f| views::draw(&app, f)).unwrap();
                let took = start.elapsed();
                drop(store);
                took
            })
            .collect();

        let t = Instant::now();
        let bytes = funnel::store::guard::read_regular(&path, "read").unwrap();
        let read = t.elapsed();
        let t = Instant::now();
        // as store::read parses: on two cores when the file is large
        // (then the deals' own lists are already checked, during the parse)
        let (parsed, flagged): (funnel::domain::Workspace, _) =
            if bytes.len() >= funnel::store::split::THRESHOLD {
                let (ws, flagged) = funnel::store::split::parse(&bytes).unwrap();
                (ws, Some(flagged))
            } else {
                (serde_json::from_slice(&bytes).unwrap(), None)
            };
        let parse = t.elapsed();
        let t = Instant::now();
        let problems = match &flagged {
            Some(flagged) => funnel::domain::validate::problems_after_parse(&parsed, flagged),
            None => funnel::domain::validate::problems(&parsed),
        };
        let validate = t.elapsed();
        assert!(problems.is_empty());
        let t = Instant::now();
        let app = App::new(parsed, today, "bench".into(), None);
        let new_app = t.elapsed();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let t = Instant::now();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let first = t.elapsed();
        breakdown.push(format!(
            "| synthetic {n} | {} | {} | {} | {} | {} |",
            ms(read),
            ms(parse),
            ms(validate),
            ms(new_app),
            ms(first)
        ));
        drop((app, bytes));

        let (store, ws) = Store::open(&path, &dir.path().join("data")).unwrap();
        let mut saver = Saver::spawn(store, &SAVING, &UNWRITTEN);
        let mut app = App::new(ws, today, "bench".into(), None);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut step = |app: &mut App, k: KeyEvent| {
            let start = Instant::now();
            let effects = app.update(Msg::Key(k));
            // what run.rs does with a save: hand the delta over, go on
            if effects.contains(&Effect::Save) {
                saver.save(app.pending.take(&app.ws));
                app.update(Msg::SaveStarted);
            }
            saver.poll();
            terminal.draw(|f| views::draw(app, f)).unwrap();
            start.elapsed()
        };
        let moves: Vec<Duration> = (0..300)
            .map(|i| step(&mut app, key(if i % 100 < 50 { 'j' } else { 'k' })))
            .collect();
        let stages: Vec<Duration> = (0..if n > 10_000 { 20 } else { 60 })
            .map(|i| step(&mut app, key(if i % 2 == 0 { '>' } else { '<' })))
            .collect();
        step(&mut app, key('/'));
        let filters: Vec<Duration> = (0..40)
            .map(|i| {
                step(
                    &mut app,
                    if i % 2 == 0 {
                        key('a')
                    } else {
                        KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)
                    },
                )
            })
            .collect();
        step(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        let tabs: Vec<Duration> = (0..60)
            .map(|_| step(&mut app, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)))
            .collect();
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        step(&mut app, esc);
        // the board: moves in a column, across columns, a page, a stage
        // move (the card changes column), each with its frame; measured
        // before the bulk change below, whose save of every deal would
        // still be taking a core from the first keys
        step(&mut app, key('b'));
        let board_keys = ['j', 'j', 'k', 'l', 'h', 'G', 'g', '>', '<'];
        let mut in_board: Vec<(Duration, char)> = (0..90)
            .map(|i| {
                let k = board_keys[i % board_keys.len()];
                (step(&mut app, key(k)), k)
            })
            .collect();
        let pgdn = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
        in_board.extend((0..20).map(|_| (step(&mut app, pgdn), 'P')));
        let (board_max, slowest) = in_board.iter().max().copied().unwrap_or_default();
        boards.push(format!(
            "| synthetic {n} | {} | {} (`{slowest}`) |",
            ms(median(in_board.into_iter().map(|(d, _)| d).collect())),
            ms(board_max)
        ));
        step(&mut app, key('b'));
        // issue 16: every deal marked (g, space, G, V), then > and u on
        // them all: one change, one save, one full refresh
        step(&mut app, esc);
        step(&mut app, key('g'));
        let mark = step(&mut app, key(' '));
        step(&mut app, key('G'));
        let range = step(&mut app, key('V'));
        let marked = app.screens.pipeline.marks.len();
        let bulk_move = step(&mut app, key('>'));
        let bulk_undo = step(&mut app, key('u'));
        step(&mut app, esc);
        // issue 16: paging, and the filter words typed a letter at a time
        // (each letter refilters every deal; `flag:` computes the flags)
        let pages: Vec<Duration> = (0..40)
            .map(|i| {
                let code = if i % 20 < 10 {
                    KeyCode::PageDown
                } else {
                    KeyCode::PageUp
                };
                step(&mut app, KeyEvent::new(code, KeyModifiers::NONE))
            })
            .collect();
        // `/`, the text a letter at a time, Esc; the view first (1 or 2)
        let mut typed = |app: &mut App, view: char, text: &str| -> Vec<Duration> {
            step(app, key(view));
            step(app, key('/'));
            let times = text.chars().map(|c| step(app, key(c))).collect();
            step(app, esc);
            times
        };
        let stage_words = typed(&mut app, '1', "stage:drive owner:a");
        let flag_words = typed(&mut app, '1', "flag:stalled");
        let action_words = typed(&mut app, '2', "stage:negotiate call");
        typed(&mut app, '1', "");
        // the median, and the slowest key: the letter that first needs
        // the flags (`flag:`'s colon) waits for them once
        let both = |d: Vec<Duration>| {
            let slowest = d.iter().max().copied().unwrap_or_default();
            format!("{} / {}", ms(median(d)), ms(slowest))
        };
        finding.push(format!(
            "| synthetic {n} | {} | {} | {} | {} |",
            both(pages),
            both(stage_words),
            both(flag_words),
            both(action_words),
        ));
        bulk.push(format!(
            "| synthetic {n} | {marked} | {} | {} | {} | {} |",
            ms(mark),
            ms(range),
            ms(bulk_move),
            ms(bulk_undo)
        ));
        println!(
            "| synthetic {n} | {} | {} | {} | {} | {} |",
            ms(median(starts)),
            ms(median(moves)),
            ms(median(stages)),
            ms(median(filters)),
            ms(median(tabs))
        );
    }
    println!();
    println!("| start-up | read | parse | validate | App::new | first frame |");
    println!("|---|---|---|---|---|---|");
    for line in breakdown {
        println!("{line}");
    }
    println!();
    println!("| act on many | marked | space (mark) | V (mark the range) | > on all marked | u |");
    println!("|---|---|---|---|---|---|");
    for line in bulk {
        println!("{line}");
    }
    println!();
    println!(
        "| find (median / slowest) | PgDn/PgUp | `/stage:drive owner:a`, a letter | `/flag:stalled`, a letter | view 2 `/stage:negotiate call`, a letter |"
    );
    println!("|---|---|---|---|---|");
    for line in finding {
        println!("{line}");
    }
    println!();
    println!("| board (b): j k l h G g > < and PgDn (`P`) | median | slowest (key) |");
    println!("|---|---|---|");
    for line in boards {
        println!("{line}");
    }
    println!();
    println!(
        "| 简体中文 (spec 12) | App::new + first frame, zh | Ctrl-l to frame (everything recomputed) | j in zh | > then < in zh |"
    );
    println!("|---|---|---|---|---|");
    for n in language_sizes {
        println!("{}", language(n, today));
    }
    println!();
    println!(
        "| forecast (spec 8), keypress to frame | 7 (view 7 from view 1) | ] then [ (next, previous period) | p (quarter ⇄ month) | Enter (the deals behind commit) | f in that list (edit + save + figures) | f in view 1 (edit + save) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in forecast_sizes {
        println!("{}", forecast(n, today, dir.path()));
    }
    println!();
    println!(
        "| Blue Sheet (spec 9), keypress to frame | B (the page, from the table) | Tab (the next pane) | t on a competitor (edit + save) | x on a close-plan step (edit + save) | u (undo + save) |"
    );
    println!("|---|---|---|---|---|---|");
    for n in sheet_sizes {
        println!("{}", blue_sheet(n, today, dir.path()));
    }
    println!();
    println!(
        "| people (spec 10), keypress to frame | 8 (view 8 from view 1) | j (move) | s (the next order) | T on a person (edit + save + list) | u (undo + save) |"
    );
    println!("|---|---|---|---|---|---|");
    for n in people_sizes {
        println!("{}", people(n, today, dir.path()));
    }
    println!();
    println!(
        "| conversations (spec 10), keypress to frame | p (the call plan form) | Enter on the plan (save) | x (the debrief form) | Enter on the debrief (done, log, contact: save) | u (undo + save) |"
    );
    println!("|---|---|---|---|---|---|");
    for n in talk_sizes {
        println!("{}", conversations(n, today, dir.path()));
    }
    accounts_table(&[1_000, 10_000], today, dir.path());
}

fn accounts_table(sizes: &[usize], today: Date, dir: &std::path::Path) {
    println!();
    println!(
        "| key accounts (spec 11), keypress to frame | 4 (view 4 from view 1) | j (the next account) | Tab into the credit pane (from the plan) | j in the credit pane (the next invoice) | Esc (back to the list) |"
    );
    println!("|---|---|---|---|---|---|");
    for &n in sizes {
        println!("{}", accounts(n, today, dir));
    }
}

/// View 4 at `n` deals (an account per ten, with plans, credit, complaints
/// and scores): showing it, moving in the list, Tab into the credit pane
/// and moving there, and Esc back to the list, each with its frame.
fn accounts(n: usize, today: Date, dir: &std::path::Path) -> String {
    use funnel::tui::screens::accounts::AccountPane;
    let (mut app, mut step) = saving_app(n, today, dir, "accounts");
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let mut shows = Vec::new();
    for _ in 0..10 {
        shows.push(step(&mut app, key('4')));
        step(&mut app, key('1'));
    }
    step(&mut app, key('4'));
    let moves: Vec<Duration> = (0..100)
        .map(|i| step(&mut app, key(if i % 50 < 25 { 'j' } else { 'k' })))
        .collect();
    // an account with invoices to move through
    while app.screens.accounts.selected(&app.ws).is_none_or(|i| {
        let a = &app.ws.accounts[i];
        a.credit.as_ref().is_none_or(|c| c.invoices.len() < 3)
    }) {
        app.update(Msg::Key(key('j')));
    }
    let (mut tabs, mut invoices, mut escs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..20 {
        while app.screens.accounts.pane != AccountPane::Plan {
            step(&mut app, tab);
        }
        tabs.push(step(&mut app, tab));
        assert_eq!(app.screens.accounts.pane, AccountPane::Credit);
        invoices.push(step(&mut app, key('j')));
        escs.push(step(&mut app, esc));
    }
    format!(
        "| synthetic {n} | {} | {} | {} | {} | {} |",
        ms(median(shows)),
        ms(median(moves)),
        ms(median(tabs)),
        ms(median(invoices)),
        ms(median(escs))
    )
}

/// A call, meeting or visit at `n` deals, in the deal's actions pane: the
/// plan form and its save, the debrief form and its save (the action
/// done, the log written, the person dated), then the undo.
fn conversations(n: usize, today: Date, dir: &std::path::Path) -> String {
    use funnel::tui::screens::Pane;
    let (mut app, mut step) = saving_app(n, today, dir, "talk");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    // the first deal whose first action in the pane is an open conversation
    let first_talk = |app: &App| {
        app.current_opportunity().is_some_and(|o| {
            funnel::domain::opportunity::actions_in_order(o)
                .first()
                .is_some_and(|a| a.is_open() && a.is_conversation())
        })
    };
    while !first_talk(&app) {
        app.update(Msg::Key(key('j')));
    }
    while app.focus() != Pane::Actions {
        step(&mut app, tab);
    }
    let (mut plans, mut saves, mut debriefs, mut dones, mut undos) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..10 {
        plans.push(step(&mut app, key('p')));
        step(&mut app, key('z'));
        saves.push(step(&mut app, enter));
        step(&mut app, key('u'));
        debriefs.push(step(&mut app, key('x')));
        dones.push(step(&mut app, enter));
        undos.push(step(&mut app, key('u')));
        step(&mut app, esc);
    }
    format!(
        "| synthetic {n} | {} | {} | {} | {} | {} |",
        ms(median(plans)),
        ms(median(saves)),
        ms(median(debriefs)),
        ms(median(dones)),
        ms(median(undos))
    )
}

/// View 8 at `n` deals: showing it (every person of the open deals, in
/// cadence order), moving, sorting, and `T` on a person with its frame and
/// the hand-over of its save.
fn people(n: usize, today: Date, dir: &std::path::Path) -> String {
    let (mut app, mut step) = saving_app(n, today, dir, "people");
    let mut shows = Vec::new();
    for _ in 0..10 {
        shows.push(step(&mut app, key('8')));
        step(&mut app, key('1'));
    }
    step(&mut app, key('8'));
    assert!(!app.screens.people.rows.is_empty(), "people to list");
    let moves: Vec<Duration> = (0..200)
        .map(|i| step(&mut app, key(if i % 100 < 50 { 'j' } else { 'k' })))
        .collect();
    let sorts: Vec<Duration> = (0..8).map(|_| step(&mut app, key('s'))).collect();
    let contacts: Vec<Duration> = (0..20)
        .map(|_| {
            // the top person each time: the one just contacted moved down
            step(&mut app, key('g'));
            step(&mut app, key('T'))
        })
        .collect();
    let undos: Vec<Duration> = (0..20).map(|_| step(&mut app, key('u'))).collect();
    format!(
        "| synthetic {n} | {} | {} | {} | {} | {} |",
        ms(median(shows)),
        ms(median(moves)),
        ms(median(sorts)),
        ms(median(contacts)),
        ms(median(undos))
    )
}

/// View 1's Blue Sheet page at `n` deals, on a deal in negotiate (every
/// pane filled): showing the page, moving between its panes, and the quick
/// edits with their frame and the hand-over of their save.
fn blue_sheet(n: usize, today: Date, dir: &std::path::Path) -> String {
    use funnel::tui::screens::Pane;
    let (mut app, mut step) = saving_app(n, today, dir, "sheet");
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE);
    // the first deal in negotiate: the table is sorted by stage
    while app
        .current_opportunity()
        .is_some_and(|o| o.stage != funnel::domain::Stage::Negotiate)
    {
        app.update(Msg::Key(key('j')));
    }
    let pages: Vec<Duration> = (0..20).map(|_| step(&mut app, key('B'))).collect();
    while app.focus() != Pane::Strategy {
        step(&mut app, tab);
    }
    let tabs: Vec<Duration> = (0..20)
        .map(|i| step(&mut app, if i % 2 == 0 { tab } else { back }))
        .collect();
    while app.focus() != Pane::Competition {
        step(&mut app, tab);
    }
    let cycles: Vec<Duration> = (0..20).map(|_| step(&mut app, key('t'))).collect();
    while app.focus() != Pane::ClosePlan {
        step(&mut app, tab);
    }
    let dones: Vec<Duration> = (0..20).map(|_| step(&mut app, key('x'))).collect();
    let undos: Vec<Duration> = (0..20).map(|_| step(&mut app, key('u'))).collect();
    format!(
        "| synthetic {n} | {} | {} | {} | {} | {} |",
        ms(median(pages)),
        ms(median(tabs)),
        ms(median(cycles)),
        ms(median(dones)),
        ms(median(undos))
    )
}

/// View 7 at `n` deals: showing it, changing the period, listing the deals
/// behind a figure and changing a category there and in view 1, each with
/// its frame (and the hand-over of its save).
/// The workbench on a synthetic workspace of `n` deals saved at `path`,
/// with its saver, and a step that times a key to its frame (and the
/// hand-over of its save, as the run loop does).
fn saving_app(
    n: usize,
    today: Date,
    dir: &std::path::Path,
    name: &str,
) -> (App, impl FnMut(&mut App, KeyEvent) -> Duration) {
    let path = dir.join(format!("{name}{n}.json"));
    drop(
        Store::create(
            &path,
            &funnel::synth::workspace(n, 42, today),
            &dir.join("data"),
        )
        .unwrap(),
    );
    let (store, ws) = Store::open(&path, &dir.join("data")).unwrap();
    let mut saver = Saver::spawn(store, &SAVING, &UNWRITTEN);
    let app = App::new(ws, today, "bench".into(), None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let step = move |app: &mut App, k: KeyEvent| {
        let start = Instant::now();
        let effects = app.update(Msg::Key(k));
        if effects.contains(&Effect::Save) {
            saver.save(app.pending.take(&app.ws));
            app.update(Msg::SaveStarted);
        }
        saver.poll();
        terminal.draw(|f| views::draw(app, f)).unwrap();
        start.elapsed()
    };
    (app, step)
}

fn forecast(n: usize, today: Date, dir: &std::path::Path) -> String {
    let (mut app, mut step) = saving_app(n, today, dir, "forecast");
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let mut shows = Vec::new();
    for _ in 0..10 {
        shows.push(step(&mut app, key('7')));
        step(&mut app, key('1'));
    }
    step(&mut app, key('7'));
    let periods: Vec<Duration> = (0..40)
        .map(|i| step(&mut app, key(if i % 2 == 0 { ']' } else { '[' })))
        .collect();
    let kinds: Vec<Duration> = (0..20).map(|_| step(&mut app, key('p'))).collect();
    // the cursor starts on won: one row down is commit
    step(&mut app, key('j'));
    let mut lists = Vec::new();
    for _ in 0..10 {
        lists.push(step(&mut app, enter));
        step(&mut app, esc);
    }
    step(&mut app, enter);
    let in_list: Vec<Duration> = (0..20).map(|_| step(&mut app, key('f'))).collect();
    step(&mut app, esc);
    step(&mut app, key('1'));
    let in_view_1: Vec<Duration> = (0..20).map(|_| step(&mut app, key('f'))).collect();
    format!(
        "| synthetic {n} | {} | {} | {} | {} | {} | {} |",
        ms(median(shows)),
        ms(median(periods)),
        ms(median(kinds)),
        ms(median(lists)),
        ms(median(in_list)),
        ms(median(in_view_1))
    )
}

/// The language switch and keys in Chinese: what the catalogue costs.
fn language(n: usize, today: Date) -> String {
    use funnel::i18n::{self, Lang, Locale, Numbers};
    let zh = Locale {
        lang: Lang::Zh,
        numbers: Numbers::Chinese,
    };
    let ws = funnel::synth::workspace(n, 42, today);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    i18n::set(zh);
    let t = Instant::now();
    let mut app = App::new(ws, today, "bench".into(), None);
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let first = t.elapsed();
    let mut step = |app: &mut App, k: KeyEvent| {
        let start = Instant::now();
        app.update(Msg::Key(k));
        terminal.draw(|f| views::draw(app, f)).unwrap();
        start.elapsed()
    };
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    // each switch asks whether to save: Esc keeps it for the session
    let switches: Vec<Duration> = (0..6)
        .map(|_| {
            let took = step(&mut app, ctrl_l);
            step(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            took
        })
        .collect();
    assert_eq!(i18n::lang(), Lang::Zh);
    let moves: Vec<Duration> = (0..200)
        .map(|i| step(&mut app, key(if i % 100 < 50 { 'j' } else { 'k' })))
        .collect();
    let stages: Vec<Duration> = (0..40)
        .map(|i| step(&mut app, key(if i % 2 == 0 { '>' } else { '<' })))
        .collect();
    i18n::set(Locale::ENGLISH);
    format!(
        "| synthetic {n} | {} | {} | {} | {} |",
        ms(first),
        ms(median(switches)),
        ms(median(moves)),
        ms(median(stages))
    )
}

/// The team view over `members` workspaces of `n` deals each, in one
/// folder (as `funnel --workspace FOLDER`): start to first frame, and its
/// parts: reading the files (on every core), combining them, the app's
/// first computations, the first frame.
fn team_first_frame(members: usize, n: usize, today: Date, dir: &std::path::Path) {
    let team = dir.join("team");
    std::fs::create_dir_all(&team).unwrap();
    for m in 0..members {
        let mut ws = funnel::synth::workspace(n, 42 + m as u64, today);
        ws.settings.owner = format!("Seller {m:02}");
        let bytes = funnel::store::to_json_bytes(&ws);
        std::fs::write(team.join(format!("s{m:02}.json")), bytes).unwrap();
    }
    let paths = [team];
    let mut parts = Vec::new();
    let starts: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let members = funnel::store::team::read(&paths).unwrap();
            let read = start.elapsed();
            let t = Instant::now();
            let combined = funnel::domain::team_workspace::combine(
                members
                    .into_iter()
                    .map(|m| funnel::domain::team_workspace::Part {
                        owner: m.owner,
                        file: m.path.display().to_string(),
                        workspace: m.workspace,
                    })
                    .collect(),
            )
            .unwrap();
            let combine = t.elapsed();
            let t = Instant::now();
            let app = App::for_team(combined, today);
            let new_app = t.elapsed();
            let t = Instant::now();
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|f| views::draw(&app, f)).unwrap();
            let frame = t.elapsed();
            let took = start.elapsed();
            parts.push([read, combine, new_app, frame]);
            took
        })
        .collect();
    parts.sort_by_key(|p| p.iter().sum::<Duration>());
    let [read, combine, new_app, frame] = parts[parts.len() / 2];
    // for scale on a loaded machine: one member read alone, as `funnel
    // --workspace FILE` reads it
    let one = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                drop(funnel::store::read(&paths[0].join("s00.json")).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "| team view | start to first frame | read {members} files | combine | App::for_team | first frame | one file read alone |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| {members} × {n} deals | {} | {} | {} | {} | {} | {} |",
        ms(median(starts)),
        ms(read),
        ms(combine),
        ms(new_app),
        ms(frame),
        ms(one)
    );
}
