//! The keys and forms of view 4's account workspace (spec section 11,
//! issue 21): `e` on the profile and the plan, the credit terms (`c`), an
//! invoice's `a` `e` `x` `d`, a complaint's, a satisfaction score's and a
//! contact's, `x` on the timeline; each edit one undo and saved at once,
//! a refusal keeping the form open with what was typed; keys in the wrong
//! pane harmless; the list's keys after Tab and Esc; the help of each pane.

use crate::common::{day, press, status, today, typing};
use funnel::domain::accounts;
use funnel::domain::{
    Account, AccountId, AccountPlan, Action, ActionId, ActionKind, Complaint, Contact, Credit,
    Days, Invoice, Money, OpportunityId, Workspace,
};
use funnel::tui::app::{App, Effect, FormPurpose, Msg};
use funnel::tui::dialog::Dialog;
use funnel::tui::screens::ScreenId;
use funnel::tui::screens::accounts::AccountPane;
use ratatui::crossterm::event::KeyCode::{
    self, BackTab, Backspace, Char, End, Enter, Esc, Right, Tab,
};

/// The account the tests add, last in the file: no deals use it.
const OURS: &str = "a99";

/// The demo, a meeting tomorrow on o16 (account a10), and our own account
/// with nothing in its workspace yet.
fn workspace() -> Workspace {
    let mut ws = funnel::store::demo::workspace(today());
    let o = ws.opportunities.iter_mut().find(|o| o.id == "o16").unwrap();
    o.actions.push(Action {
        id: "t99".into(),
        text: "Pilot review with the plant director".into(),
        due: Some(day("2026-11-24")),
        kind: Some(ActionKind::Meeting),
        ..Action::default()
    });
    ws.accounts.push(Account {
        id: OURS.into(),
        name: "Temp Ltd".into(),
        ..Account::default()
    });
    ws
}

/// A store on disk holding `ws`, to read back what the workbench saves.
struct Disk {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: funnel::store::Store,
}

impl Disk {
    fn of(ws: &Workspace) -> Disk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.json");
        let store = funnel::store::Store::create(&path, ws, &dir.path().join("data")).unwrap();
        Disk {
            _dir: dir,
            path,
            store,
        }
    }

    /// What the saver writes after `effects`, read back from the file.
    fn saved(&mut self, app: &App, effects: &[Effect]) -> Workspace {
        assert_eq!(effects, [Effect::Save], "the edit is saved at once");
        self.store.save(&app.ws).unwrap();
        crate::common::read_workspace(&self.path)
    }
}

fn app_of(ws: Workspace) -> App {
    let mut app = App::new(ws, today(), "test".into(), None);
    app.update(Msg::Resized(100, 40));
    app
}

/// View 4 with account `id` selected and `pane` focused.
fn at(app: &mut App, id: &str, pane: AccountPane) {
    press(app, Char('4'));
    assert_eq!(app.screen, ScreenId::Accounts);
    while app.screens.accounts.pane != AccountPane::List {
        press(app, Esc);
    }
    press(app, Char('g'));
    for _ in 0..app.ws.accounts.len() {
        if ours(app).id == id {
            break;
        }
        press(app, KeyCode::Down);
    }
    assert_eq!(ours(app).id, id);
    while app.screens.accounts.pane != pane {
        press(app, Tab);
    }
}

/// The account selected in view 4.
fn ours(app: &App) -> &Account {
    let i = app.screens.accounts.selected(&app.ws).unwrap();
    &app.ws.accounts[i]
}

fn ours_id() -> AccountId {
    AccountId::new(OURS)
}

fn account<'a>(ws: &'a Workspace, id: &str) -> &'a Account {
    ws.accounts.iter().find(|a| a.id == id).unwrap()
}

fn purpose(app: &App) -> Option<&FormPurpose> {
    match &app.dialog {
        Some(Dialog::Form(_, p)) => Some(p),
        _ => None,
    }
}

/// Empties the focused field of a form.
fn clear_field(app: &mut App) {
    press(app, End);
    for _ in 0..60 {
        press(app, Backspace);
    }
}

/// Types `values` into the open form's fields from the first, `None`
/// leaving a field as it is, a value replacing what it held.
fn fill(app: &mut App, values: &[Option<&str>]) {
    for (n, v) in values.iter().enumerate() {
        if n > 0 {
            press(app, Tab);
        }
        if let Some(v) = v {
            clear_field(app);
            typing(app, v);
        }
    }
}

/// The workbench on [`workspace`] saved to disk, our account's `pane`
/// focused and `key` pressed there (most tests start so).
fn opened(pane: AccountPane, key: char) -> (Disk, App) {
    let ws = workspace();
    let disk = Disk::of(&ws);
    let mut app = app_of(ws);
    at(&mut app, OURS, pane);
    press(&mut app, Char(key));
    (disk, app)
}

/// Our account's invoices.
fn invoices_of(ws: &Workspace) -> &[Invoice] {
    &account(ws, OURS).credit.as_ref().unwrap().invoices
}

fn money(s: &str) -> Money {
    Money::parse_typed(s).unwrap()
}

#[test]
fn nothing_bought_last_year_is_a_result_of_zero_but_a_negative_amount_is_refused() {
    let (mut disk, mut app) = opened(AccountPane::Plan, 'e');
    fill(&mut app, &[Some("-5"), Some("0")]);
    press(&mut app, Enter);
    assert!(app.dialog.is_some(), "-5 is no amount: the form stays open");
    press(&mut app, Esc);
    press(&mut app, Char('e'));
    fill(&mut app, &[Some("0"), Some("0")]);
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let plan = account(&saved, OURS).plan.clone().unwrap();
    assert_eq!(
        (plan.last_year_target, plan.last_year_result),
        (Some(Money(0)), Some(Money(0)))
    );
}

#[test]
fn the_plan_form_saves_the_plan_and_u_takes_it_back() {
    let (mut disk, mut app) = opened(AccountPane::Plan, 'e');
    assert_eq!(purpose(&app), Some(&FormPurpose::AccountPlan(ours_id())));
    fill(
        &mut app,
        &[
            Some("1,200,000"),
            Some("1,050,000"),
            Some("1.5M"),
            Some("win the second plant"),
            Some("a solution engineer two days a week"),
            Some("line 2 uptime"),
            Some("plant director proposes, group CFO signs"),
            Some("second plant signed; paid within terms"),
        ],
    );
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let want = AccountPlan {
        last_year_target: Some(money("1,200,000")),
        last_year_result: Some(money("1,050,000")),
        target: Some(money("1,500,000")),
        strategy: "win the second plant".into(),
        resources: "a solution engineer two days a week".into(),
        needs: "line 2 uptime".into(),
        decision_process: "plant director proposes, group CFO signs".into(),
        goals: vec!["second plant signed".into(), "paid within terms".into()],
        ..AccountPlan::default()
    };
    assert_eq!(account(&saved, OURS).plan.as_ref(), Some(&want));
    assert!(app.dialog.is_none());
    assert!(
        status(&app).contains("plan of Temp Ltd saved"),
        "{}",
        status(&app)
    );
    // the form opens again with what was saved
    press(&mut app, Char('e'));
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!("e opens the plan form");
    };
    assert_eq!(
        form.value(funnel::tui::forms::FieldId::Goals),
        "second plant signed; paid within terms"
    );
    press(&mut app, Esc);
    assert_eq!(press(&mut app, Char('u')), [Effect::Save]);
    assert_eq!(account(&app.ws, OURS).plan, None);
}

#[test]
fn the_profile_pane_edits_the_account() {
    let mut app = app_of(workspace());
    at(&mut app, OURS, AccountPane::Profile);
    press(&mut app, Char('e'));
    assert_eq!(purpose(&app), Some(&FormPurpose::EditAccount(ours_id())));
    press(&mut app, Tab);
    typing(&mut app, "logistics");
    assert_eq!(press(&mut app, Enter), [Effect::Save]);
    assert_eq!(account(&app.ws, OURS).industry, "logistics");
    assert_eq!(app.screens.accounts.pane, AccountPane::Profile);
}

#[test]
fn credit_terms_then_invoices_due_on_the_terms_and_x_pays_one() {
    let (mut disk, mut app) = opened(AccountPane::Credit, 'c');
    assert_eq!(purpose(&app), Some(&FormPurpose::CreditTerms(ours_id())));
    fill(&mut app, &[Some("500k"), Some("60")]);
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let credit = account(&saved, OURS).credit.clone().unwrap();
    assert_eq!(credit.limit, Some(money("500,000")));
    assert_eq!(credit.terms_days, Some(Days(60)));

    // issued long ago, due by the terms: overdue
    press(&mut app, Char('a'));
    assert_eq!(purpose(&app), Some(&FormPurpose::NewInvoice(ours_id())));
    {
        let Some(Dialog::Form(form, _)) = &app.dialog else {
            panic!()
        };
        let issued = form.field(funnel::tui::forms::FieldId::Issued).unwrap();
        assert_eq!(issued.raw(), "2026-11-23", "issued today unless typed");
        let due = form.field(funnel::tui::forms::FieldId::Due).unwrap();
        assert_eq!(
            due.note().as_deref(),
            Some("empty: the issue date plus the account's payment terms")
        );
    }
    fill(
        &mut app,
        &[Some("INV-7"), Some("120,000"), Some("2026-08-01")],
    );
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let i = &account(&saved, OURS).credit.as_ref().unwrap().invoices[0];
    assert_eq!(
        (i.number.as_str(), i.amount, i.issued, i.due, i.paid),
        (
            "INV-7",
            money("120,000"),
            Some(day("2026-08-01")),
            // the empty due date is fixed on saving: issued plus 60 days
            Some(day("2026-09-30")),
            None
        )
    );
    assert!(
        status(&app).contains("invoice INV-7 added"),
        "{}",
        status(&app)
    );
    let overdue = |app: &App| {
        accounts::figures(&app.ws, account(&app.ws, OURS), today())
            .warnings
            .iter()
            .any(|w| w.rule == "payment-overdue")
    };
    assert!(overdue(&app), "due 2026-09-30 by the terms: overdue");

    // x: paid today, the warning goes; x again: unpaid, it is back
    let effects = press(&mut app, Char('x'));
    let saved = disk.saved(&app, &effects);
    let paid = account(&saved, OURS).credit.as_ref().unwrap().invoices[0].paid;
    assert_eq!(paid, Some(today()));
    assert!(!overdue(&app));
    assert!(
        status(&app).contains("invoice INV-7 paid"),
        "{}",
        status(&app)
    );
    assert_eq!(press(&mut app, Char('x')), [Effect::Save]);
    assert!(status(&app).contains("unpaid again"), "{}", status(&app));
    assert!(overdue(&app));
    // each is one undo
    press(&mut app, Char('u'));
    assert!(!overdue(&app));
    press(&mut app, Char('u'));
    press(&mut app, Char('u'));
    assert!(
        account(&app.ws, OURS)
            .credit
            .as_ref()
            .unwrap()
            .invoices
            .is_empty()
    );
    press(&mut app, Char('u'));
    assert_eq!(account(&app.ws, OURS).credit, None);
}

/// Our account with terms of 30 days and two invoices: `i1` unpaid (due
/// first, row 0) and `i2` paid (row 1).
fn with_invoices() -> Workspace {
    let mut ws = workspace();
    let a = ws.accounts.iter_mut().find(|a| a.id == OURS).unwrap();
    a.credit = Some(Credit {
        limit: None,
        terms_days: Some(Days(30)),
        invoices: vec![
            Invoice {
                id: "i1".into(),
                number: "A-1".into(),
                amount: money("80,000"),
                issued: Some(day("2026-11-01")),
                ..Invoice::default()
            },
            Invoice {
                id: "i2".into(),
                number: "A-2".into(),
                amount: money("10,000"),
                issued: Some(day("2026-10-01")),
                paid: Some(day("2026-10-20")),
                ..Invoice::default()
            },
        ],
        ..Credit::default()
    });
    ws
}

#[test]
fn e_edits_the_selected_invoice_and_d_deletes_it_after_asking() {
    let ws = with_invoices();
    let mut disk = Disk::of(&ws);
    let mut app = app_of(ws);
    at(&mut app, OURS, AccountPane::Credit);
    press(&mut app, KeyCode::Down);
    press(&mut app, Char('e'));
    assert_eq!(
        purpose(&app),
        Some(&FormPurpose::EditInvoice(ours_id(), "i2".into()))
    );
    fill(&mut app, &[None, Some("12,500")]);
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let invoices = &account(&saved, OURS).credit.as_ref().unwrap().invoices;
    assert_eq!(invoices[1].amount, money("12,500"));
    assert_eq!(invoices[1].paid, Some(day("2026-10-20")), "the rest kept");

    press(&mut app, Char('d'));
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("d asks first");
    };
    assert!(c.question.contains("A-2"), "{}", c.question);
    // n keeps it
    press(&mut app, Char('n'));
    assert_eq!(invoices_of(&app.ws).len(), 2);
    press(&mut app, Char('d'));
    let effects = press(&mut app, Char('y'));
    let saved = disk.saved(&app, &effects);
    let invoices = &account(&saved, OURS).credit.as_ref().unwrap().invoices;
    assert_eq!(
        invoices.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["i1"]
    );
    press(&mut app, Char('u'));
    assert_eq!(invoices_of(&app.ws).len(), 2);
}

#[test]
fn a_second_x_is_for_the_same_invoice_and_complaint_wherever_they_moved() {
    let mut ws = with_invoices();
    let a = ws.accounts.iter_mut().find(|a| a.id == OURS).unwrap();
    a.credit.as_mut().unwrap().invoices.push(Invoice {
        id: "i3".into(),
        number: "A-3".into(),
        amount: money("5,000"),
        issued: Some(day("2026-11-20")),
        ..Invoice::default()
    });
    for (id, raised) in [("cp1", "2026-11-01"), ("cp2", "2026-11-10")] {
        a.complaints.push(Complaint {
            id: id.into(),
            text: format!("complaint {id}"),
            raised: day(raised),
            ..Complaint::default()
        });
    }
    let mut app = app_of(ws);
    at(&mut app, OURS, AccountPane::Credit);
    let paid = |app: &App, id: &str| {
        let c = account(&app.ws, OURS).credit.as_ref().unwrap();
        c.invoices.iter().find(|i| i.id == id).unwrap().paid
    };
    // row 0 is i1 (due first); paid, it goes below i3: the selection follows
    press(&mut app, Char('x'));
    assert_eq!(paid(&app, "i1"), Some(today()));
    press(&mut app, Char('x'));
    assert_eq!(paid(&app, "i1"), None);
    assert_eq!(paid(&app, "i3"), None, "i3 untouched");
    press(&mut app, Tab);
    let resolved = |app: &App, id: &str| {
        let a = account(&app.ws, OURS);
        a.complaints.iter().find(|c| c.id == id).unwrap().resolved
    };
    press(&mut app, Char('x'));
    assert_eq!(resolved(&app, "cp1"), Some(today()));
    press(&mut app, Char('x'));
    assert_eq!(resolved(&app, "cp1"), None);
    assert_eq!(resolved(&app, "cp2"), None, "cp2 untouched");
}

#[test]
fn refused_invoices_keep_the_form_open_with_what_was_typed() {
    let ws = with_invoices();
    let mut app = app_of(ws.clone());
    at(&mut app, OURS, AccountPane::Credit);
    // an amount of 0
    press(&mut app, Char('a'));
    fill(&mut app, &[Some("Z-0"), Some("0")]);
    assert_eq!(press(&mut app, Enter), []);
    assert_eq!(purpose(&app), Some(&FormPurpose::NewInvoice(ours_id())));
    assert!(
        status(&app).contains("an invoice needs an amount above zero"),
        "{}",
        status(&app)
    );
    let Some(Dialog::Form(form, _)) = &app.dialog else {
        panic!()
    };
    assert_eq!(
        form.value(funnel::tui::forms::FieldId::InvoiceNumber),
        "Z-0"
    );
    // due before issued: the amount put right (the focus is still on
    // it), the date still wrong
    press(&mut app, BackTab);
    fill(&mut app, &[None, Some("5,000"), None, Some("2026-11-01")]);
    assert_eq!(press(&mut app, Enter), []);
    assert!(app.dialog.is_some());
    assert!(
        status(&app).contains("due 2026-11-01 is before the invoice was issued (2026-11-23)"),
        "{}",
        status(&app)
    );
    // paid after today has not happened yet: the form keeps it open
    press(&mut app, Esc);
    press(&mut app, Char('a'));
    fill(
        &mut app,
        &[Some("Z-1"), Some("5,000"), None, None, Some("+5")],
    );
    assert_eq!(press(&mut app, Enter), []);
    assert!(app.dialog.is_some(), "a paid date after today is refused");
    press(&mut app, Esc);
    assert_eq!(app.ws, ws, "nothing changed");
}

#[test]
fn complaints_record_resolve_reopen_edit_and_delete() {
    let ws = workspace();
    let mut disk = Disk::of(&ws);
    let mut app = app_of(ws);
    at(&mut app, OURS, AccountPane::Complaints);
    // no text: refused by the domain, the form kept
    press(&mut app, Char('a'));
    assert_eq!(purpose(&app), Some(&FormPurpose::NewComplaint(ours_id())));
    assert_eq!(press(&mut app, Enter), []);
    assert!(
        status(&app).contains("a complaint needs its text"),
        "{}",
        status(&app)
    );
    assert!(app.dialog.is_some());
    typing(&mut app, "late delivery of the spindles");
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let c = &account(&saved, OURS).complaints[0];
    assert_eq!(
        (c.text.as_str(), c.raised, c.resolved),
        ("late delivery of the spindles", today(), None)
    );
    let open = |app: &App| {
        accounts::figures(&app.ws, account(&app.ws, OURS), today())
            .warnings
            .iter()
            .any(|w| w.rule == "complaint-open")
    };
    // x resolves it today, x again reopens it
    let effects = press(&mut app, Char('x'));
    let saved = disk.saved(&app, &effects);
    assert_eq!(account(&saved, OURS).complaints[0].resolved, Some(today()));
    assert!(status(&app).contains("resolved"), "{}", status(&app));
    assert!(!open(&app));
    press(&mut app, Char('x'));
    assert_eq!(account(&app.ws, OURS).complaints[0].resolved, None);
    assert!(status(&app).contains("reopened"), "{}", status(&app));
    // e edits it
    press(&mut app, Char('e'));
    assert!(matches!(
        purpose(&app),
        Some(FormPurpose::EditComplaint(_, id)) if id == &c.id
    ));
    fill(
        &mut app,
        &[Some("late spindles, twice"), Some("2026-11-02")],
    );
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let c = &account(&saved, OURS).complaints[0];
    assert_eq!(
        (c.text.as_str(), c.raised),
        ("late spindles, twice", day("2026-11-02"))
    );
    assert!(open(&app), "open 21 days");
    // d asks, then deletes; u brings it back
    press(&mut app, Char('d'));
    assert!(matches!(app.dialog, Some(Dialog::Confirm(_))));
    let effects = press(&mut app, Char('y'));
    assert!(
        disk.saved(&app, &effects)
            .accounts
            .iter()
            .any(|a| a.id == OURS && a.complaints.is_empty())
    );
    press(&mut app, Char('u'));
    assert_eq!(account(&app.ws, OURS).complaints.len(), 1);
}

#[test]
fn satisfaction_scores_are_picked_from_one_to_five_with_their_words() {
    let (mut disk, mut app) = opened(AccountPane::Satisfaction, 'a');
    assert_eq!(
        purpose(&app),
        Some(&FormPurpose::NewSatisfaction(ours_id()))
    );
    // no score picked: refused
    assert_eq!(press(&mut app, Enter), []);
    assert!(
        status(&app).contains("a score from 1 to 5"),
        "{}",
        status(&app)
    );
    press(&mut app, Tab);
    for _ in 0..4 {
        press(&mut app, Right);
    }
    {
        let Some(Dialog::Form(form, _)) = &app.dialog else {
            panic!()
        };
        assert_eq!(form.value(funnel::tui::forms::FieldId::Score), "4 happy");
    }
    press(&mut app, Tab);
    typing(&mut app, "pleased with the pilot");
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let s = &account(&saved, OURS).satisfaction[0];
    assert_eq!(
        (s.on, s.score.0, s.note.as_str()),
        (today(), 4, "pleased with the pilot")
    );
    // e: a 2 a week earlier
    press(&mut app, Char('e'));
    assert_eq!(
        purpose(&app),
        Some(&FormPurpose::EditSatisfaction(ours_id(), 0))
    );
    fill(&mut app, &[Some("-7")]);
    press(&mut app, Tab);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let s = &account(&saved, OURS).satisfaction[0];
    assert_eq!((s.on, s.score.0), (day("2026-11-16"), 2));
    press(&mut app, Char('d'));
    let effects = press(&mut app, Char('y'));
    assert!(
        account(&disk.saved(&app, &effects), OURS)
            .satisfaction
            .is_empty()
    );
    press(&mut app, Char('u'));
    press(&mut app, Char('u'));
    assert_eq!(account(&app.ws, OURS).satisfaction[0].score.0, 4);
}

#[test]
fn contacts_are_added_edited_and_deleted() {
    let (mut disk, mut app) = opened(AccountPane::Contacts, 'a');
    assert_eq!(purpose(&app), Some(&FormPurpose::NewContact(ours_id())));
    fill(
        &mut app,
        &[
            Some("王芳"),
            Some("采购经理"),
            Some("wang@temp.example"),
            Some("+86 512 0000 0000"),
        ],
    );
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let c: &Contact = &account(&saved, OURS).contacts[0];
    assert_eq!(
        (c.name.as_str(), c.title.as_str(), c.email.as_str()),
        ("王芳", "采购经理", "wang@temp.example")
    );
    press(&mut app, Char('e'));
    fill(&mut app, &[None, Some("采购总监")]);
    assert_eq!(press(&mut app, Enter), [Effect::Save]);
    assert_eq!(account(&app.ws, OURS).contacts[0].title, "采购总监");
    // a contact without a name is refused, the form kept
    press(&mut app, Char('e'));
    fill(&mut app, &[Some("")]);
    assert_eq!(press(&mut app, Enter), []);
    assert!(app.dialog.is_some());
    assert!(
        status(&app).contains("a contact needs a name"),
        "{}",
        status(&app)
    );
    press(&mut app, Esc);
    press(&mut app, Char('d'));
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("d asks first");
    };
    assert!(c.question.contains("王芳"));
    press(&mut app, Char('y'));
    assert!(account(&app.ws, OURS).contacts.is_empty());
    press(&mut app, Char('u'));
    assert_eq!(account(&app.ws, OURS).contacts.len(), 1);
}

#[test]
fn keys_in_the_wrong_pane_change_nothing() {
    let ws = workspace();
    let mut app = app_of(ws.clone());
    at(&mut app, OURS, AccountPane::Plan);
    for key in ['x', 'd', 'a', 'c'] {
        assert_eq!(press(&mut app, Char(key)), [], "{key} on the plan");
        assert!(app.dialog.is_none(), "{key} on the plan");
    }
    press(&mut app, Tab);
    assert_eq!(app.screens.accounts.pane, AccountPane::Credit);
    for key in ['d', 'x', 'e'] {
        assert_eq!(press(&mut app, Char(key)), []);
        assert!(app.dialog.is_none());
        assert!(
            status(&app).contains("no invoice selected"),
            "{key}: {}",
            status(&app)
        );
    }
    for pane in [
        AccountPane::Complaints,
        AccountPane::Satisfaction,
        AccountPane::Contacts,
    ] {
        press(&mut app, Tab);
        assert_eq!(app.screens.accounts.pane, pane);
        assert_eq!(press(&mut app, Char('d')), []);
        assert!(status(&app).contains("selected"), "{}", status(&app));
    }
    // the deals and the timeline (none here) take no a, e, d
    for _ in 0..2 {
        press(&mut app, Tab);
        for key in ['a', 'e', 'd', 'x', 'c'] {
            assert_eq!(press(&mut app, Char(key)), []);
            assert!(app.dialog.is_none());
        }
    }
    assert_eq!(app.ws, ws);
}

#[test]
fn the_lists_keys_still_work_after_tab_and_esc() {
    let mut ws = with_invoices();
    let a = ws.accounts.iter_mut().find(|a| a.id == OURS).unwrap();
    a.plan = Some(AccountPlan {
        strategy: "grow".into(),
        ..AccountPlan::default()
    });
    a.complaints.push(Complaint {
        id: "cp1".into(),
        text: "late".into(),
        raised: day("2026-11-01"),
        ..Complaint::default()
    });
    let mut app = app_of(ws);
    at(&mut app, OURS, AccountPane::Satisfaction);
    press(&mut app, Esc);
    assert_eq!(app.screens.accounts.pane, AccountPane::List);
    press(&mut app, Char('a'));
    assert_eq!(purpose(&app), Some(&FormPurpose::NewAccount));
    press(&mut app, Esc);
    // Tab round every pane back to the list
    for _ in 0..AccountPane::ORDER.len() {
        press(&mut app, Tab);
    }
    assert_eq!(app.screens.accounts.pane, AccountPane::List);
    press(&mut app, Char('e'));
    assert_eq!(purpose(&app), Some(&FormPurpose::EditAccount(ours_id())));
    press(&mut app, Esc);
    // d says what goes with the account
    press(&mut app, Char('d'));
    let Some(Dialog::Confirm(c)) = &app.dialog else {
        panic!("d asks first");
    };
    assert_eq!(
        c.question,
        "Delete the account “Temp Ltd” and its plan, 2 invoices, 1 complaint?"
    );
    press(&mut app, Char('y'));
    assert!(!app.ws.accounts.iter().any(|a| a.id == OURS));
    press(&mut app, Char('u'));
    assert_eq!(invoices_of(&app.ws).len(), 2);
}

#[test]
fn x_on_the_timeline_marks_the_action_done_a_meeting_with_its_debrief() {
    let ws = workspace();
    let mut disk = Disk::of(&ws);
    let mut app = app_of(ws);
    at(&mut app, "a10", AccountPane::Timeline);
    // row 0: the meeting tomorrow; its debrief first
    press(&mut app, Char('x'));
    assert_eq!(
        purpose(&app),
        Some(&FormPurpose::Debrief(
            OpportunityId::new("o16"),
            ActionId::new("t99")
        ))
    );
    typing(&mut app, "they want the second line by March");
    let effects = press(&mut app, Enter);
    let saved = disk.saved(&app, &effects);
    let o = saved.opportunity("o16").unwrap();
    let t99 = o.actions.iter().find(|a| a.id == "t99").unwrap();
    assert_eq!(t99.done, Some(today()));
    assert_eq!(
        t99.debrief.as_ref().unwrap().learned,
        "they want the second line by March"
    );
    assert_eq!(app.screen, ScreenId::Accounts, "view 4 stays");
    // the selection followed the meeting among the done ones; row 0 now
    // is the email, not a conversation: x marks it done at once
    let s = &app.screens.accounts;
    let a10 = &app.ws.accounts[s.selected(&app.ws).unwrap()];
    let row =
        funnel::tui::screens::accounts::rows::timeline(&app.ws, a10)[s.item(AccountPane::Timeline)];
    assert_eq!(app.ws.opportunities[row.deal].actions[row.action].id, "t99");
    press(&mut app, Char('g'));
    press(&mut app, Char('x'));
    let t30 = |app: &App| {
        app.ws
            .opportunity("o16")
            .unwrap()
            .actions
            .iter()
            .find(|a| a.id == "t30")
            .unwrap()
            .done
    };
    assert_eq!(t30(&app), Some(today()));
    press(&mut app, Char('u'));
    assert_eq!(t30(&app), None);
    press(&mut app, Char('u'));
    let o = app.ws.opportunity("o16").unwrap();
    assert_eq!(o.actions.iter().find(|a| a.id == "t99").unwrap().done, None);
}

#[test]
fn the_help_of_each_pane_lists_its_keys() {
    use funnel::tui::keymap::{Scope, bindings_for};
    let panes = [
        (AccountPane::Profile, Scope::AccountProfile),
        (AccountPane::Plan, Scope::AccountPlan),
        (AccountPane::Credit, Scope::AccountCredit),
        (AccountPane::Complaints, Scope::AccountComplaints),
        (AccountPane::Satisfaction, Scope::AccountSatisfaction),
        (AccountPane::Contacts, Scope::AccountContacts),
        (AccountPane::Deals, Scope::AccountDeals),
        (AccountPane::Timeline, Scope::AccountTimeline),
    ];
    for (pane, scope) in panes {
        let mut app = app_of(workspace());
        app.update(Msg::Resized(120, 60));
        at(&mut app, OURS, pane);
        press(&mut app, Char('?'));
        let screen = crate::common::clean_screen(&app, 120, 60);
        let own: Vec<_> = bindings_for(&[scope]).collect();
        assert!(!own.is_empty(), "{pane:?} has keys");
        for b in own.into_iter().chain(bindings_for(&[Scope::AccountDetail])) {
            let first: String = b
                .help
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                screen.contains(&first),
                "{pane:?}: {:?} {first:?} missing:\n{screen}",
                b.label
            );
        }
    }
}

#[test]
fn in_chinese_the_forms_and_the_question_speak_chinese() {
    funnel::i18n::with(crate::common::CHINESE, || {
        let mut app = app_of(with_invoices());
        at(&mut app, OURS, AccountPane::Plan);
        press(&mut app, Char('e'));
        let screen = crate::common::clean_screen(&app, 100, 40);
        for label in [
            "去年目标",
            "去年实际",
            "今年目标",
            "策略",
            "资源",
            "需求",
            "决策流程",
        ] {
            assert!(screen.contains(label), "{label}:\n{screen}");
        }
        press(&mut app, Esc);
        press(&mut app, Tab);
        press(&mut app, Tab);
        press(&mut app, Tab);
        assert_eq!(app.screens.accounts.pane, AccountPane::Satisfaction);
        press(&mut app, Char('a'));
        press(&mut app, Tab);
        for _ in 0..4 {
            press(&mut app, Right);
        }
        let screen = crate::common::clean_screen(&app, 100, 40);
        assert!(screen.contains("4 满意"), "{screen}");
        press(&mut app, Esc);
        press(&mut app, Esc);
        press(&mut app, Char('d'));
        let Some(Dialog::Confirm(c)) = &app.dialog else {
            panic!("d asks first");
        };
        assert_eq!(c.question, "删除客户“Temp Ltd”及2 张发票？");
    });
}

#[test]
fn every_form_shows_all_its_fields_at_80x24() {
    let forms = [
        (AccountPane::Plan, 'e'),
        (AccountPane::Credit, 'c'),
        (AccountPane::Credit, 'a'),
        (AccountPane::Credit, 'e'),
        (AccountPane::Complaints, 'a'),
        (AccountPane::Satisfaction, 'a'),
        (AccountPane::Contacts, 'a'),
    ];
    for (pane, key) in forms {
        let mut app = app_of(with_invoices());
        app.update(Msg::Resized(80, 24));
        at(&mut app, OURS, pane);
        press(&mut app, Char(key));
        let Some(Dialog::Form(form, _)) = &app.dialog else {
            panic!("{key} on {pane:?} opens a form");
        };
        let screen = crate::common::clean_screen(&app, 80, 24);
        for f in &form.fields {
            assert!(
                screen.contains(f.label()),
                "{pane:?} {key}: {:?} missing:\n{screen}",
                f.label()
            );
        }
    }
}

#[test]
fn a_form_opened_and_saved_untouched_changes_nothing() {
    let mut ws = with_invoices();
    let a = ws.accounts.iter_mut().find(|a| a.id == OURS).unwrap();
    a.plan = Some(AccountPlan {
        last_year_target: Some(money("1,234,567.89")),
        target: Some(money("2,000,000")),
        strategy: "grow".into(),
        goals: vec!["one".into(), "two".into()],
        ..AccountPlan::default()
    });
    a.credit.as_mut().unwrap().limit = Some(money("300,000"));
    a.credit.as_mut().unwrap().invoices[0].due = Some(day("2026-12-15"));
    a.complaints.push(Complaint {
        id: "cp1".into(),
        text: "late".into(),
        raised: day("2026-11-01"),
        resolved: Some(day("2026-11-05")),
        ..Complaint::default()
    });
    a.satisfaction.push(funnel::domain::Satisfaction {
        on: day("2026-10-01"),
        score: funnel::domain::Score::new(3).unwrap(),
        note: "ok".into(),
        ..Default::default()
    });
    a.contacts.push(Contact {
        id: "p1".into(),
        name: "王芳".into(),
        title: "CFO".into(),
        ..Contact::default()
    });
    let mut app = app_of(ws.clone());
    for (pane, key) in [
        (AccountPane::Profile, 'e'),
        (AccountPane::Plan, 'e'),
        (AccountPane::Credit, 'c'),
        (AccountPane::Credit, 'e'),
        (AccountPane::Complaints, 'e'),
        (AccountPane::Satisfaction, 'e'),
        (AccountPane::Contacts, 'e'),
    ] {
        at(&mut app, OURS, pane);
        press(&mut app, Char(key));
        assert!(purpose(&app).is_some(), "{key} on {pane:?} opens a form");
        assert_eq!(press(&mut app, Enter), [], "{key} on {pane:?}");
        assert!(app.dialog.is_none(), "{pane:?}: {}", status(&app));
        assert_eq!(status(&app), "unchanged", "{key} on {pane:?}");
    }
    assert_eq!(app.ws, ws);
}
