use super::super::fixture::{after, ws};
use super::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn acme() -> AccountId {
    AccountId::new("a1")
}

fn invoice(amount: i64, issued: &str, due: Option<&str>) -> InvoiceFields {
    InvoiceFields {
        number: "INV-1".into(),
        amount: Money::from_units(amount),
        issued: Some(d(issued)),
        due: due.map(d),
        paid: None,
    }
}

#[test]
fn a_plan_with_nothing_in_it_is_no_plan() {
    let ws = ws();
    let c = set_plan(
        &ws,
        &acme(),
        PlanFields {
            target: Some(Money::from_units(1_000_000)),
            goals: vec![" grow share ".into(), "  ".into()],
            ..PlanFields::default()
        },
    )
    .unwrap();
    let ws = after(&ws, &c);
    let plan = ws.accounts[0].plan.as_ref().unwrap();
    assert_eq!(plan.goals, ["grow share"]);
    assert_eq!(PlanFields::of(&ws.accounts[0]).target, plan.target);
    let c = set_plan(&ws, &acme(), PlanFields::default()).unwrap();
    assert_eq!(after(&ws, &c).accounts[0].plan, None);
    assert_eq!(
        set_plan(&ws, &acme(), PlanFields::of(&ws.accounts[0])),
        Err(Refusal::Unchanged)
    );
}

#[test]
fn invoices_are_checked_added_paid_and_deleted_in_one_patch_each() {
    let ws = ws();
    assert!(matches!(
        add_invoice(&ws, &acme(), invoice(0, "2026-11-01", None)),
        Err(Refusal::Invalid(_))
    ));
    let e = add_invoice(&ws, &acme(), invoice(5, "2026-11-01", Some("2026-10-31"))).unwrap_err();
    assert_eq!(
        e.to_string(),
        "due 2026-10-31 is before the invoice was issued (2026-11-01)"
    );
    let c = add_invoice(&ws, &acme(), invoice(5, "2026-11-01", None)).unwrap();
    assert_eq!(c.patches.len(), 1);
    assert_eq!(c.label, "invoice INV-1 added");
    let ws = after(&ws, &c);
    let id = ws.accounts[0].credit.as_ref().unwrap().invoices[0]
        .id
        .clone();
    assert_eq!(id, "inv1");
    let c = toggle_invoice_paid(&ws, &acme(), &id, d("2026-11-20")).unwrap();
    let paid = after(&ws, &c);
    assert_eq!(
        paid.accounts[0].credit.as_ref().unwrap().invoices[0].paid,
        Some(d("2026-11-20"))
    );
    let c = toggle_invoice_paid(&paid, &acme(), &id, d("2026-11-21")).unwrap();
    assert_eq!(c.label, "invoice INV-1 unpaid again");
    assert!(
        toggle_invoice_paid(&ws, &acme(), &id, d("2026-10-01")).is_err(),
        "paid before issued"
    );
    let c = delete_invoice(&ws, &acme(), &id).unwrap();
    assert!(
        after(&ws, &c).accounts[0]
            .credit
            .as_ref()
            .unwrap()
            .invoices
            .is_empty()
    );
    assert_eq!(
        delete_invoice(&ws, &acme(), "nope"),
        Err(Refusal::Gone("invoice"))
    );
}

#[test]
fn complaints_need_text_and_resolve_after_raised() {
    let ws = ws();
    let fields = |text: &str, resolved: Option<&str>| ComplaintFields {
        text: text.into(),
        raised: Some(d("2026-11-10")),
        resolved: resolved.map(d),
    };
    assert!(add_complaint(&ws, &acme(), fields(" ", None)).is_err());
    assert!(add_complaint(&ws, &acme(), fields("late", Some("2026-11-09"))).is_err());
    let c = add_complaint(&ws, &acme(), fields("late delivery", None)).unwrap();
    let ws = after(&ws, &c);
    let id = ws.accounts[0].complaints[0].id.clone();
    let c = toggle_complaint_resolved(&ws, &acme(), &id, d("2026-11-12")).unwrap();
    let done = after(&ws, &c);
    assert_eq!(
        done.accounts[0].complaints[0].resolved,
        Some(d("2026-11-12"))
    );
    let c = toggle_complaint_resolved(&done, &acme(), &id, d("2026-11-13")).unwrap();
    assert_eq!(after(&done, &c).accounts[0].complaints[0].resolved, None);
}

#[test]
fn satisfaction_and_contacts() {
    let ws = ws();
    assert!(add_satisfaction(&ws, &acme(), SatisfactionFields::default()).is_err());
    let c = add_satisfaction(
        &ws,
        &acme(),
        SatisfactionFields {
            on: Some(d("2026-11-01")),
            score: Score::new(4),
            note: "ok".into(),
        },
    )
    .unwrap();
    let ws = after(&ws, &c);
    assert_eq!(ws.accounts[0].satisfaction[0].score, Score(4));
    let c = delete_satisfaction(&ws, &acme(), 0).unwrap();
    assert!(after(&ws, &c).accounts[0].satisfaction.is_empty());
    assert_eq!(
        delete_satisfaction(&ws, &acme(), 3),
        Err(Refusal::Gone("satisfaction score"))
    );
    let c = add_contact(
        &ws,
        &acme(),
        ContactFields {
            name: "王总".into(),
            ..ContactFields::default()
        },
    )
    .unwrap();
    let ws = after(&ws, &c);
    assert_eq!(ws.accounts[0].contacts[0].id, "p1");
    assert!(add_contact(&ws, &acme(), ContactFields::default()).is_err());
}

#[test]
fn an_invoice_needs_its_issue_date_and_its_due_date_is_fixed_when_issued() {
    let ws = ws();
    let mut no_date = invoice(5, "2026-11-01", None);
    no_date.issued = None;
    assert_eq!(
        add_invoice(&ws, &acme(), no_date).unwrap_err().to_string(),
        "an invoice needs the date it was issued"
    );
    let c = set_credit_terms(
        &ws,
        &acme(),
        CreditFields {
            terms_days: Some(Days(30)),
            ..CreditFields::default()
        },
    )
    .unwrap();
    let ws = after(&ws, &c);
    let c = add_invoice(&ws, &acme(), invoice(5, "2026-11-01", None)).unwrap();
    let ws = after(&ws, &c);
    assert_eq!(
        ws.accounts[0].credit.as_ref().unwrap().invoices[0].due,
        Some(d("2026-12-01")),
        "issued plus the terms of the day"
    );
    // new terms leave the invoice's due date where it was
    let c = set_credit_terms(
        &ws,
        &acme(),
        CreditFields {
            terms_days: Some(Days(60)),
            ..CreditFields::default()
        },
    )
    .unwrap();
    let ws = after(&ws, &c);
    assert_eq!(
        ws.accounts[0].credit.as_ref().unwrap().invoices[0].due,
        Some(d("2026-12-01"))
    );
    // terms the file cannot hold are refused
    for bad in [0, 3651] {
        assert!(matches!(
            set_credit_terms(
                &ws,
                &acme(),
                CreditFields {
                    terms_days: Some(Days(bad)),
                    ..CreditFields::default()
                },
            ),
            Err(Refusal::Invalid(_))
        ));
    }
}
