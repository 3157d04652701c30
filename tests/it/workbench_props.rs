//! Random key sequences never panic, always leave a valid workspace, keep
//! the focus on the screen on display, change only the record selected
//! there (or the one a dialog names), and undo all the way back to where
//! they started; and what the app hands the saver after each edit, spliced
//! into the saver's records, is the workspace byte for byte.

use funnel::domain::change::Patch;
use funnel::domain::{Date, Workspace, validate};
use funnel::store::incremental::Records;
use funnel::tui::app::{App, Effect, FormPurpose, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::keymap::{self, Action, Scope};
use funnel::tui::screens::ScreenId;
use funnel::tui::views;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key_strategy() -> impl Strategy<Value = KeyEvent> {
    let plain = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select("jkgGnedWL<>?/s au ROy123456-.,王2026FvxrztmciTwCobhlV".chars().collect::<Vec<_>>()).prop_map(plain),
        2 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace,
            KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down, KeyCode::Delete, KeyCode::Home,
        ]).prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['r', 'u', 'c']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

/// The records a key may change now: (opportunity ids, account ids). New
/// records are always allowed (`n`, a new account, a new account typed in
/// a deal's form).
fn may_change(app: &App) -> (Vec<String>, Vec<String>) {
    let ws = &app.ws;
    let mut opps = Vec::new();
    let mut accounts = Vec::new();
    match &app.dialog {
        Some(Dialog::Form(_, purpose)) => {
            use FormPurpose as P;
            match purpose {
                P::EditOpportunity(id)
                | P::Close(_, id)
                | P::LogEntry(id)
                | P::NewInfluence(id)
                | P::EditInfluence(id, _)
                | P::NewFlag(id)
                | P::EditFlag(id, _)
                | P::Snooze(id, ..)
                | P::NewAction(id)
                | P::EditAction(id, _)
                | P::Strategy(id)
                | P::NewCompetitor(id)
                | P::EditCompetitor(id, _)
                | P::NewCriterion(id)
                | P::EditCriterion(id, _)
                | P::NewStep(id)
                | P::EditStep(id, _)
                | P::EditLog(id, _)
                | P::CallPlan(id, _)
                | P::Debrief(id, _) => opps.push(id.as_str().to_owned()),
                P::EditAccount(id)
                | P::AccountPlan(id)
                | P::CreditTerms(id)
                | P::NewInvoice(id)
                | P::EditInvoice(id, _)
                | P::NewComplaint(id)
                | P::EditComplaint(id, _)
                | P::NewSatisfaction(id)
                | P::EditSatisfaction(id, _)
                | P::NewContact(id)
                | P::EditContact(id, _) => accounts.push(id.as_str().to_owned()),
                P::BulkSnooze(ids) => opps.extend(ids.iter().map(|id| id.as_str().to_owned())),
                // targets are settings: no deal or account changes
                P::NewOpportunity | P::NewAccount | P::Targets(..) | P::Settings => {}
            }
        }
        Some(Dialog::Confirm(c)) => {
            for p in &c.change.patches {
                match p {
                    Patch::Opportunity {
                        before: Some(o), ..
                    } => opps.push(o.id.clone()),
                    Patch::Account {
                        before: Some(a), ..
                    } => accounts.push(a.id.clone()),
                    _ => {}
                }
            }
        }
        Some(Dialog::Reschedule {
            opportunity, more, ..
        }) => {
            opps.push(opportunity.as_str().to_owned());
            opps.extend(more.iter().map(|(o, _)| o.as_str().to_owned()));
        }
        Some(_) => {}
        None => match app.screen {
            ScreenId::Pipeline => {
                opps.extend(app.current_opportunity().map(|o| o.id.clone()));
                // the table's keys act on the marked deals (issue 16)
                opps.extend(
                    ws.opportunities
                        .iter()
                        .filter(|o| app.screens.pipeline.marked(&o.id))
                        .map(|o| o.id.clone()),
                );
            }
            ScreenId::Actions => {
                opps.extend(
                    app.screens
                        .actions
                        .selected()
                        .map(|e| ws.opportunities[e.opportunity].id.clone()),
                );
                // `x` and `r` act on the marked actions (issue 16)
                opps.extend(app.screens.actions.marks.keys().map(|(o, _)| o.clone()));
            }
            ScreenId::Review => opps.extend(
                app.screens
                    .review
                    .walk
                    .as_ref()
                    .and_then(|w| w.current().map(String::from)),
            ),
            ScreenId::Accounts => {
                accounts.extend(
                    ws.accounts
                        .get(app.screens.accounts.cursor.at())
                        .map(|a| a.id.clone()),
                );
                // `x` on the timeline marks an action of one of its deals
                use funnel::tui::screens::accounts::{AccountPane, rows};
                let s = &app.screens.accounts;
                if s.pane == AccountPane::Timeline
                    && let Some(a) = s.selected(ws).map(|i| &ws.accounts[i])
                {
                    opps.extend(
                        rows::timeline(ws, a)
                            .get(s.item(AccountPane::Timeline))
                            .map(|r| ws.opportunities[r.deal].id.clone()),
                    );
                }
            }
            // `f` in the list of the deals behind a figure
            ScreenId::Forecast => opps.extend(
                app.screens
                    .forecast
                    .selected_deal(ws)
                    .map(|i| ws.opportunities[i].id.clone()),
            ),
            // `T` on the person selected
            ScreenId::People => opps.extend(
                app.screens
                    .people
                    .selected()
                    .and_then(|r| ws.opportunities.get(r.deal))
                    .map(|o| o.id.clone()),
            ),
            ScreenId::Funnel | ScreenId::Analysis => {}
        },
    }
    (opps, accounts)
}

/// Existing records that differ afterwards (changed or removed).
fn changed(before: &Workspace, after: &Workspace) -> (Vec<String>, Vec<String>) {
    let opps = before
        .opportunities
        .iter()
        .filter(|o| after.opportunity(&o.id) != Some(*o))
        .map(|o| o.id.clone())
        .collect();
    let accounts = before
        .accounts
        .iter()
        .filter(|a| after.accounts.iter().find(|x| x.id == a.id) != Some(*a))
        .map(|a| a.id.clone())
        .collect();
    (opps, accounts)
}

/// Scopes that belong to view 1's panes: never in force on another screen.
const PIPELINE_ONLY: [Scope; 7] = [
    Scope::Table,
    Scope::Deal,
    Scope::Qualification,
    Scope::Influences,
    Scope::Flags,
    Scope::Actions,
    Scope::Log,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_keys_keep_the_workspace_valid_and_undo_restores_it(
        keys in prop::collection::vec(key_strategy(), 1..80),
        (w, h) in prop::sample::select(vec![(80u16, 24u16), (120, 40), (30, 10)]),
    ) {
        let today = Date::parse("2026-11-23").unwrap();
        let start = funnel::store::demo::workspace(today);
        let mut app = App::new(start.clone(), today, "demo".into(), None);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        app.update(Msg::Resized(w, h));
        let tiny = w < views::MIN_WIDTH || h < views::MIN_HEIGHT;
        let mut saved = Records::of(&start);
        let mut hand_over = |app: &mut App, effects: Vec<Effect>| -> Result<(), TestCaseError> {
            if effects.contains(&Effect::Save) {
                saved.apply(app.pending.take(&app.ws));
                // compared whole: a diff of two files' bytes helps no one
                let same = saved.bytes() == funnel::store::to_json_bytes(&app.ws);
                prop_assert!(same, "the saver's copy drifted from the workspace");
            }
            Ok(())
        };
        for key in keys {
            let before = app.ws.clone();
            let (opps, accounts) = may_change(&app);
            let undoing = app.dialog.is_none()
                && matches!(keymap::lookup(&key, app.scopes()), Some(Action::Undo | Action::Redo));
            let effects = app.update(Msg::Key(key));
            hand_over(&mut app, effects)?;
            if tiny {
                prop_assert_eq!(&app.ws, &before, "a screen too small to show anything takes no edit");
            }
            if !undoing {
                let (o, a) = changed(&before, &app.ws);
                for id in &o {
                    prop_assert!(opps.contains(id), "{:?} changed {}; allowed {:?}", key, id, opps);
                }
                for id in &a {
                    prop_assert!(accounts.contains(id), "{:?} changed account {}; allowed {:?}", key, id, accounts);
                }
            }
            // the rows kept up to date edit by edit are those a full
            // refresh computes
            let mut full = funnel::tui::screens::PipelineState::default();
            full.sort = app.screens.pipeline.sort;
            full.closed = app.screens.pipeline.closed;
            full.filter = app.screens.pipeline.filter.clone();
            full.board.on = app.screens.pipeline.board.on;
            full.refresh(&app.ws, today, None);
            prop_assert_eq!(&full.rows, &app.screens.pipeline.rows);
            // and so are the board's columns
            prop_assert_eq!(&full.board.columns, &app.screens.pipeline.board.columns);
            prop_assert_eq!(full.strip, app.screens.pipeline.strip);
            if app.dialog.is_none() {
                let scopes = app.scopes();
                if app.screen == ScreenId::Pipeline {
                    prop_assert_eq!(scopes, app.screens.pipeline.scopes());
                } else {
                    prop_assert!(!scopes.iter().any(|s| PIPELINE_ONLY.contains(s)), "{:?} on {:?}", scopes, app.screen);
                }
            }
            terminal.draw(|f| views::draw(&app, f)).unwrap();
            let problems = validate::problems(&app.ws);
            prop_assert!(problems.is_empty(), "{:?}", problems);
            // the open list selects open deals, the closed list closed ones
            if let Some(i) = app.current() {
                prop_assert_eq!(app.ws.opportunities[i].is_open(), !app.screens.pipeline.closed);
            }
        }
        app.update(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        prop_assert!(app.dialog.is_none(), "Esc closes every dialog");
        // undo works in every view but the review walk's own keys; go to view 1
        app.update(Msg::Key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE)));
        for _ in 0..200 {
            let effects = app.update(Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)));
            hand_over(&mut app, effects)?;
        }
        // the review walk's progress marks are bookkeeping, not edits: they
        // are saved as they happen and not undone
        let mut ws = app.ws.clone();
        ws.review_in_progress = None;
        prop_assert_eq!(&ws, &start);
    }
}
