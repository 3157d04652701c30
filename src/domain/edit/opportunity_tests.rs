use super::super::fixture::{after, today, ws};
use super::*;

fn fields(ws: &Workspace, id: &str) -> OpportunityFields {
    let o = ws.opportunity(id).unwrap();
    OpportunityFields {
        title: o.title.clone(),
        account_name: ws.account(&o.account).unwrap().name.clone(),
        value: o.value,
        stage: o.stage,
        expected_close: o.expected_close,
        probability: o.probability,
        owner: o.owner.clone(),
        product: o.product.clone(),
        tags: o.tags.clone(),
        objective: o.objective.clone(),
        forecast_category: o.forecast_category,
        created: o.created,
    }
}

fn o1() -> OpportunityId {
    OpportunityId::new("o1")
}

#[test]
fn a_new_deal_on_an_unknown_account_name_creates_the_account() {
    let ws = ws();
    let f = OpportunityFields {
        title: "CRM".into(),
        account_name: "Nova".into(),
        stage: Stage::Propose,
        expected_close: Some(today().plus_days(30)),
        ..OpportunityFields::default()
    };
    let (c, id) = create_opportunity(&ws, f, today()).unwrap();
    assert_eq!((id.as_str(), c.label.as_str()), ("o2", "created \"CRM\""));
    let ws = after(&ws, &c);
    assert_eq!(ws.accounts[2].name, "Nova");
    let o = ws.opportunity("o2").unwrap();
    assert_eq!(o.account, ws.accounts[2].id);
    assert_eq!(o.created, Some(today()));
    assert_eq!(o.stage_history.len(), 1);
    assert_eq!(o.stage_history[0].entered, today());
    assert!(o.close_history.is_empty(), "a first close date is no move");
}

#[test]
fn a_deleted_deals_id_is_not_given_again() {
    let mut ws = ws();
    ws.reviews.push(crate::domain::Review {
        on: today(),
        opportunities: vec![crate::domain::ReviewedOpportunity {
            id: "o5".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    let f = OpportunityFields {
        title: "x".into(),
        account_name: "Acme".into(),
        ..OpportunityFields::default()
    };
    let (c, id) = create_opportunity(&ws, f, today()).unwrap();
    assert_eq!(id.as_str(), "o6");
    assert_eq!(c.patches.len(), 1, "Acme exists: no account created");
}

#[test]
fn an_edit_records_the_new_stage_and_the_moved_close_date() {
    let ws = ws();
    let mut f = fields(&ws, "o1");
    assert_eq!(
        edit_opportunity(&ws, &o1(), f.clone(), today()),
        Err(Refusal::Unchanged)
    );
    f.stage = Stage::Negotiate;
    f.expected_close = Some(today().plus_days(10));
    let c = edit_opportunity(&ws, &o1(), f, today()).unwrap();
    assert_eq!(c.label, "edited \"ERP\"");
    let o = after(&ws, &c).opportunities[0].clone();
    assert_eq!(o.stage, Stage::Negotiate);
    assert_eq!(o.stage_history.last().unwrap().entered, today());
    assert_eq!(o.close_history.len(), 1);
    assert_eq!(o.close_history[0].to, Some(today().plus_days(10)));
}

#[test]
fn an_edit_needs_a_title_and_an_account() {
    let ws = ws();
    let mut f = fields(&ws, "o1");
    f.title = " ".into();
    let e = edit_opportunity(&ws, &o1(), f, today()).unwrap_err();
    assert_eq!(e.to_string(), "an opportunity needs a title");
    let gone = OpportunityId::new("o9");
    let e = edit_opportunity(&ws, &gone, fields(&ws, "o1"), today()).unwrap_err();
    assert_eq!(e.to_string(), "the opportunity is gone");
}

#[test]
fn a_stage_move_is_labelled_from_and_to() {
    let ws = ws();
    let c = set_stage(&ws, &o1(), Stage::Propose, today()).unwrap();
    assert_eq!(c.label, "\"ERP\": drive → propose");
    assert_eq!(
        set_stage(&ws, &o1(), Stage::Drive, today()),
        Err(Refusal::Unchanged)
    );
}

#[test]
fn in_chinese_a_stage_move_and_a_refusal_read_in_the_course_terms() {
    let zh = crate::i18n::Locale {
        lang: crate::i18n::Lang::Zh,
        numbers: crate::i18n::Numbers::Chinese,
    };
    crate::i18n::with(zh, || {
        let ws = ws();
        let c = set_stage(&ws, &o1(), Stage::Propose, today()).unwrap();
        assert_eq!(c.label, "“ERP”：主导进程 → 方案论证");
        let c = cycle_condition(&ws, &o1(), Condition::at(1)).unwrap();
        assert_eq!(c.label, "决策权已确认");
        let gone = OpportunityId::new("o9");
        let refused = set_stage(&ws, &gone, Stage::Propose, today()).unwrap_err();
        assert_eq!(refused.to_string(), "该商机已不存在");
    });
}

#[test]
fn a_condition_cycles_unknown_confirmed_denied() {
    let mut ws = ws();
    let mut labels = Vec::new();
    for _ in 0..3 {
        let c = cycle_condition(&ws, &o1(), Condition::at(1)).unwrap();
        labels.push(c.label.clone());
        ws = after(&ws, &c);
    }
    assert_eq!(
        labels,
        [
            "authority confirmed",
            "authority denied",
            "authority unknown"
        ]
    );
    assert_eq!(Condition::at(7), Condition::Timeline);
}

#[test]
fn the_log_stays_in_date_order() {
    let mut ws = ws();
    for (days, text) in [(0, "today"), (-5, "earlier")] {
        let f = LogFields {
            on: today().plus_days(days),
            text: text.into(),
        };
        ws = after(&ws, &add_log_entry(&ws, &o1(), f, today()).unwrap());
    }
    let texts: Vec<&str> = ws.opportunities[0]
        .log
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(texts, ["earlier", "today"]);
}

#[test]
fn a_log_entry_in_the_future_is_refused() {
    let f = LogFields {
        on: today().plus_days(4),
        text: "met the CFO".into(),
    };
    let why = add_log_entry(&ws(), &o1(), f, today()).unwrap_err();
    assert_eq!(
        why.to_string(),
        "a log entry records what happened: today or before (a plan is an action: a in the actions pane)"
    );
}

#[test]
fn long_text_from_the_editor_loses_its_last_newline_only() {
    let ws = ws();
    let c = set_long_text(&ws, &o1(), LongText::Notes, "a\nb\n").unwrap();
    assert_eq!(c.label, "notes of \"ERP\" edited");
    let ws = after(&ws, &c);
    assert_eq!(ws.opportunities[0].notes, "a\nb");
    assert_eq!(
        set_long_text(&ws, &o1(), LongText::Notes, "a\nb\r\n"),
        Err(Refusal::Unchanged)
    );
}

#[test]
fn closing_and_deleting() {
    let ws = ws();
    let lost = CloseFields {
        result: OutcomeResult::Abandoned,
        on: today(),
        reason: "budget".into(),
        reason_code: Some("budget_lost".into()),
        value: None,
    };
    let c = close(&ws, &o1(), lost.clone(), today()).unwrap();
    assert_eq!(c.label, "\"ERP\" marked abandoned");
    let closed = after(&ws, &c);
    assert!(!closed.opportunities[0].is_open());
    let outcome = closed.opportunities[0].outcome.clone().unwrap();
    assert_eq!(outcome.reason_code.as_deref(), Some("budget_lost"));
    // a win reason is no loss reason; a close date in the future is refused
    let wrong = CloseFields {
        reason_code: Some("incumbent".into()),
        ..lost.clone()
    };
    assert!(matches!(
        close(&ws, &o1(), wrong, today()),
        Err(Refusal::Invalid(_))
    ));
    let later = CloseFields {
        on: Date::parse("2026-03-03").unwrap(),
        ..lost
    };
    assert!(matches!(
        close(&ws, &o1(), later, today()),
        Err(Refusal::Invalid(_))
    ));
    // won on a given day for the final amount
    let won = CloseFields {
        result: OutcomeResult::Won,
        on: Date::parse("2026-02-27").unwrap(),
        reason: String::new(),
        reason_code: Some("value".into()),
        value: Some(Money::from_units(900)),
    };
    let c = close(&ws, &o1(), won, today()).unwrap();
    let o = &after(&ws, &c).opportunities[0];
    assert_eq!(o.value, Money::from_units(900));
    assert_eq!(
        o.outcome.as_ref().unwrap().on,
        Date::parse("2026-02-27").unwrap()
    );
    // reopened: the outcome moves to `reopened`, the stage starts again
    let reopened = reopen(&closed, &o1(), today()).unwrap();
    let o = &after(&closed, &reopened).opportunities[0];
    assert!(o.is_open());
    assert_eq!(o.reopened.len(), 1);
    assert_eq!(o.reopened[0].reason_code.as_deref(), Some("budget_lost"));
    assert_eq!(o.stage_history.last().unwrap().entered, today());
    assert!(matches!(
        reopen(&ws, &o1(), today()),
        Err(Refusal::Invalid(_))
    ));
    // a closed deal is not edited, whatever the edit, until reopened
    let refused = |e: Edit| matches!(e, Err(Refusal::Invalid(why)) if why.contains("closed deal"));
    assert!(refused(set_stage(&closed, &o1(), Stage::Propose, today())));
    assert!(refused(cycle_condition(&closed, &o1(), Condition::at(1))));
    assert!(refused(set_long_text(&closed, &o1(), LongText::Notes, "x")));
    let again = CloseFields {
        result: OutcomeResult::Lost,
        on: today(),
        reason: "again".into(),
        reason_code: None,
        value: None,
    };
    assert!(refused(close(&closed, &o1(), again, today())));
    // named by its title, not by an id that means nothing to a seller
    let why = set_stage(&closed, &o1(), Stage::Propose, today()).unwrap_err();
    assert!(why.to_string().starts_with('"'), "{why}");
    assert!(!why.to_string().contains("o1"), "{why}");
    let c = delete_opportunity(&ws, &o1()).unwrap();
    assert!(after(&ws, &c).opportunities.is_empty());
    assert_eq!(
        delete_opportunity(&after(&ws, &c), &o1()),
        Err(Refusal::Gone("opportunity"))
    );
}

#[test]
fn a_log_entry_is_edited_kept_in_date_order_and_deleted() {
    let ws = ws();
    let id = OpportunityId::new("o1");
    let day = |n| today().plus_days(n);
    let mut ws = after(
        &ws,
        &add_log_entry(
            &ws,
            &id,
            LogFields {
                on: day(-5),
                text: "met".into(),
            },
            today(),
        )
        .unwrap(),
    );
    ws = after(
        &ws,
        &add_log_entry(
            &ws,
            &id,
            LogFields {
                on: day(-1),
                text: "call".into(),
            },
            today(),
        )
        .unwrap(),
    );
    let first = LogRef::of(&ws.opportunities[0], 0).unwrap();
    let moved = LogFields {
        on: day(0),
        text: "met the CFO".into(),
    };
    let c = edit_log_entry(&ws, &id, &first, moved.clone(), today()).unwrap();
    let edited = after(&ws, &c);
    let log: Vec<&str> = edited.opportunities[0]
        .log
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(log, ["call", "met the CFO"]);
    // the same reference no longer names an entry: refused, not misapplied
    assert_eq!(
        edit_log_entry(&edited, &id, &first, moved, today()),
        Err(Refusal::Gone("log entry"))
    );
    let future = LogFields {
        on: day(1),
        text: "x".into(),
    };
    assert!(matches!(
        edit_log_entry(&ws, &id, &first, future, today()),
        Err(Refusal::Invalid(_))
    ));
    let c = delete_log_entry(&ws, &id, &first).unwrap();
    assert_eq!(after(&ws, &c).opportunities[0].log.len(), 1);
}
