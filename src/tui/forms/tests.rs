//! Every form, opened on a record and submitted untouched, reads back the
//! record's values: a field its reader asks for that the form lacks (or the
//! other way round) would show here as a change.

use super::*;
use crate::domain::{
    Account, Action, Attitude, Coverage, Level, ManualFlag, Opportunity, Role, Stage,
};
use crate::tui::form::Kind;

fn today() -> Date {
    Date::parse("2026-03-02").unwrap()
}

fn ws() -> Workspace {
    let mut ws = Workspace::new("me", "EUR");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "Acme".into(),
        industry: "oil".into(),
        tier: Some(crate::domain::Tier::ALL[0]),
        attractiveness: crate::domain::Score::new(4),
        notes: "n".into(),
        ..Account::default()
    });
    ws.accounts[0].swot.threats = vec!["a".into(), "b".into()];
    let boss = Influence {
        id: "i1".into(),
        name: "王总".into(),
        ..Influence::default()
    };
    let p = Influence {
        id: "i2".into(),
        name: "Li".into(),
        title: "CIO".into(),
        roles: vec![Role::Technical, Role::Coach],
        attitude: Attitude::ALL[1],
        influence: Some(Level::Medium),
        coverage: Coverage(2),
        reports_to: Some("i1".into()),
        last_contact: Some(today()),
        email: "li@acme.example".into(),
        phone: "+49 30 1234".into(),
        cadence_days: Some(crate::domain::Days(21)),
        ..Influence::default()
    };
    ws.opportunities.push(Opportunity {
        id: "o1".into(),
        title: "ERP".into(),
        account: "a1".into(),
        stage: Stage::Propose,
        value: crate::domain::Money::parse_typed("1200").unwrap(),
        expected_close: Some(today().plus_days(9)),
        probability: crate::domain::Percent::new(40),
        tags: vec!["x".into(), "y z".into()],
        objective: "win".into(),
        influences: vec![boss, p],
        actions: vec![Action {
            id: "t1".into(),
            text: "call".into(),
            due: Some(today()),
            influence: Some("i2".into()),
            kind: Some(crate::domain::ActionKind::Visit),
            at: crate::domain::TimeOfDay::parse("14:30"),
            owner: Some("Zhang".into()),
            plan: Some(crate::domain::CallPlan {
                objective: "pilot".into(),
                best: "order".into(),
                // an item holding `;` stays one while its line is untouched
                give: vec!["a; b".into(), "c".into()],
                ..Default::default()
            }),
            ..Action::default()
        }],
        flags: vec![ManualFlag {
            id: "f1".into(),
            text: "budget".into(),
            ..ManualFlag::default()
        }],
        ..Opportunity::default()
    });
    ws
}

#[test]
fn forms_submitted_untouched_change_nothing() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let opp = OpportunityId::of(o);
    let cases = [
        (
            opportunity_form(&ws, Some(o), today()),
            FormPurpose::EditOpportunity(opp.clone()),
        ),
        (
            influence_form(
                o,
                Some(&o.influences[1]),
                &crate::domain::Settings::default(),
                today(),
            ),
            FormPurpose::EditInfluence(opp.clone(), InfluenceId::new("i2")),
        ),
        (
            action_form(o, Some(&o.actions[0]), today()),
            FormPurpose::EditAction(opp.clone(), ActionId::new("t1")),
        ),
        (
            call_plan_form(&o.actions[0]),
            FormPurpose::CallPlan(opp.clone(), ActionId::new("t1")),
        ),
        (
            manual_flag_form(Some(&o.flags[0])),
            FormPurpose::EditFlag(opp.clone(), ManualFlagId::new("f1")),
        ),
        (
            account_form(Some(&ws.accounts[0])),
            FormPurpose::EditAccount(AccountId::new("a1")),
        ),
    ];
    for (form, purpose) in cases {
        let got = submit(&ws, &form, &purpose, today());
        assert_eq!(got, Err(Refusal::Unchanged), "{purpose:?}");
    }
}

#[test]
fn labels_stay_the_text_the_user_knows() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let labels = |f: Form| {
        f.fields
            .iter()
            .map(|f| f.label())
            .collect::<Vec<_>>()
            .join("|")
    };
    assert_eq!(
        labels(opportunity_form(&ws, None, today())),
        "title|account|value|stage|expected close|probability|forecast category|owner|product|tags|objective"
    );
    assert_eq!(
        labels(influence_form(
            o,
            None,
            &crate::domain::Settings::default(),
            today()
        )),
        "name|title|economic buyer|user|technical|coach|decision role|attitude|mode|influence|coverage|focus|social style|reports to|win|result|last contact|email|phone|contact every (days)"
    );
    assert_eq!(
        labels(action_form(o, None, today())),
        "text|due|with|kind|time|owner"
    );
    assert_eq!(
        labels(account_form(None)),
        "name|industry|tier|attractiveness|our advantage|relationship|strengths|weaknesses|opportunities|threats|notes"
    );
    assert_eq!(
        labels(close_form(&ws, o, false, today())),
        "result|on|reason code|reason"
    );
    assert_eq!(
        labels(close_form(&ws, o, true, today())),
        "on|final amount|reason code|reason"
    );
    assert_eq!(labels(log_form(today())), "on|text");
}

#[test]
fn a_new_deal_is_selected_and_a_closed_one_is_not() {
    let ws = ws();
    let mut form = opportunity_form(&ws, None, today());
    form.fields[0].input.set("CRM");
    form.fields[1].input.set("Nova");
    let (change, keep) = submit(&ws, &form, &FormPurpose::NewOpportunity, today()).unwrap();
    assert_eq!(keep, Some(OpportunityId::new("o2")));
    assert_eq!(change.patches.len(), 2, "the account Nova is created too");
    let o = &ws.opportunities[0];
    let mut form = close_form(&ws, o, false, today());
    form.fields[0].input.set("abandoned");
    form.fields[3].input.set("no budget");
    let purpose = close_purpose(false, OpportunityId::of(o));
    let (change, keep) = submit(&ws, &form, &purpose, today()).unwrap();
    assert_eq!(
        (change.label.as_str(), keep),
        ("\"ERP\" marked abandoned", None)
    );
}

#[test]
fn the_log_and_snooze_forms_submit_what_they_show() {
    let ws = ws();
    let o = OpportunityId::new("o1");
    let mut form = log_form(today());
    form.fields[1].input.set("met the CIO");
    let purpose = FormPurpose::LogEntry(o.clone());
    let (change, keep) = submit(&ws, &form, &purpose, today()).unwrap();
    assert_eq!(
        (change.label.as_str(), keep),
        ("logged on \"ERP\"", Some(o.clone()))
    );
    // `fri` is the coming Friday: what happened is logged, not what is planned
    let mut ahead = form.clone();
    ahead.fields[0].input.set("fri");
    let why = submit(&ws, &ahead, &purpose, today()).unwrap_err();
    assert!(
        why.to_string()
            .starts_with("a log entry records what happened"),
        "{why}"
    );
    let flag = crate::domain::flags::compute(&ws.opportunities[0], &ws.settings, today())
        .into_iter()
        .next()
        .expect("the fixture deal has a flag");
    let mut form = snooze_form(&flag, today());
    form.fields[1].input.set("waiting for budget");
    let purpose = FormPurpose::Snooze(o, flag.rule, flag.subject.clone());
    let (change, _) = submit(&ws, &form, &purpose, today()).unwrap();
    let until = today().plus_days(7);
    assert_eq!(change.label, format!("{} snoozed until {until}", flag.rule));
    form.fields[0].input.set(today().plus_days(-1).to_string());
    let refused = submit(&ws, &form, &purpose, today()).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "a snooze ends today or later; the date given is past"
    );
}

/// The Won form's date, final amount and reason code reach the outcome;
/// the codes offered are the settings' win reasons, "not set" first.
#[test]
fn the_won_form_records_date_amount_and_code() {
    let mut ws = ws();
    ws.settings.win_reasons = vec!["value".into(), "关系".into()];
    let o = &ws.opportunities[0];
    let mut form = close_form(&ws, o, true, today());
    assert_eq!(
        form.field(FieldId::ReasonCode).map(|f| f.kind.clone()),
        Some(Kind::Choice(vec![
            NONE.into(),
            "value".into(),
            "关系".into()
        ]))
    );
    assert_eq!(form.value(FieldId::On), "2026-03-02");
    assert_eq!(form.value(FieldId::FinalAmount), o.value.grouped());
    form.fields[0].input.set("2026-02-27");
    form.fields[1].input.set("1,150");
    form.fields[2].input.set("关系");
    let purpose = close_purpose(true, OpportunityId::of(o));
    let (change, _) = submit(&ws, &form, &purpose, today()).unwrap();
    change.apply(&mut ws);
    let o = &ws.opportunities[0];
    let outcome = o.outcome.as_ref().unwrap();
    assert_eq!(outcome.on, Date::parse("2026-02-27").unwrap());
    assert_eq!(outcome.reason_code.as_deref(), Some("关系"));
    assert_eq!(o.value, crate::domain::Money::parse_typed("1150").unwrap());
}

#[test]
fn a_close_date_after_today_is_refused_in_the_form() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let mut form = close_form(&ws, o, false, today());
    form.fields[1].input.set("2026-03-03");
    form.fields[3].input.set("price");
    assert!(form.fields[1].error().unwrap().contains("after today"));
    assert_eq!(form.submit(), crate::tui::form::Outcome::Continue);
    assert_eq!(form.focus, 1, "focus goes to the date");
    form.fields[1].input.set("2026-03-02");
    assert_eq!(form.submit(), crate::tui::form::Outcome::Submit);
}

#[test]
fn loss_codes_come_from_the_settings_and_none_stays_null() {
    let mut ws = ws();
    ws.settings.loss_reasons = vec!["price".into(), "timing".into()];
    let o = &ws.opportunities[0];
    let form = close_form(&ws, o, false, today());
    assert_eq!(
        form.field(FieldId::ReasonCode).map(|f| f.kind.clone()),
        Some(Kind::Choice(vec![
            NONE.into(),
            "price".into(),
            "timing".into()
        ]))
    );
    let mut form = form;
    form.fields[3].input.set("lost to a rival");
    let purpose = close_purpose(false, OpportunityId::of(o));
    let (change, _) = submit(&ws, &form, &purpose, today()).unwrap();
    change.apply(&mut ws);
    let o = &ws.opportunities[0];
    assert_eq!(o.outcome.as_ref().unwrap().reason_code, None);
    assert_eq!(o.value, crate::domain::Money::parse_typed("1200").unwrap());
}

/// Every amount and date field reads shorthand, counting from the
/// workbench's today, and shows what it means.
#[test]
fn amount_and_date_fields_read_shorthand() {
    let ws = ws();
    let mut form = opportunity_form(&ws, None, today());
    form.fields[0].input.set("CRM");
    form.fields[1].input.set("Acme");
    let value = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::Value)
        .unwrap();
    let close = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::ExpectedClose)
        .unwrap();
    form.fields[value].input.set("500k");
    form.fields[close].input.set("eoq");
    assert_eq!(form.fields[value].meaning().as_deref(), Some("→ 500,000"));
    assert_eq!(
        form.fields[close].meaning().as_deref(),
        Some("→ 2026-03-31 (Tue)")
    );
    let f = opportunity::fields(&form);
    assert_eq!(f.value, crate::domain::Money::from_units(500_000));
    assert_eq!(f.expected_close, Date::parse("2026-03-31"));
    form.fields[value].input.set("1.2.3");
    assert!(form.fields[value].error().unwrap().contains("500k"));
    form.fields[value].input.set("-5");
    assert!(form.fields[value].error().unwrap().contains("negative"));
    let o = &ws.opportunities[0];
    let mut won = close_form(&ws, o, true, today());
    won.fields[0].input.set("yesterday");
    won.fields[1].input.set("1.5万");
    let c = opportunity::close_fields(&won, Some(o), crate::domain::OutcomeResult::Won, today());
    assert_eq!(c.on, today().plus_days(-1));
    assert_eq!(c.value, Some(crate::domain::Money::from_units(15_000)));
    won.fields[0].input.set("fri");
    assert_eq!(
        won.date(FieldId::On),
        Date::parse("2026-02-27"),
        "the last Friday"
    );
    won.fields[0].input.set("tomorrow");
    assert!(won.fields[0].error().unwrap().contains("after today"));
    let mut action = action_form(o, None, today());
    action.fields[1].input.set("fri");
    assert_eq!(action.date(FieldId::Due), Date::parse("2026-03-06"));
}

#[test]
fn the_log_form_opens_on_the_note_dated_today() {
    let form = log_form(today());
    assert_eq!(form.fields[form.focus].id, FieldId::Text);
    assert_eq!(form.date(FieldId::On), Some(today()));
}

#[test]
fn people_are_picked_by_name_and_title_never_by_id() {
    let person = |id: &str, name: &str, title: &str| Influence {
        id: id.into(),
        name: name.into(),
        title: title.into(),
        ..Influence::default()
    };
    let people = vec![
        person("i1", "Li", "CIO"),
        person("i8", "王总", "CFO"),
        person("i9", "王总", "CEO"),
        person("i10", "Zhao", ""),
        person("i11", "Zhao", ""),
    ];
    let labels: Vec<String> = people.iter().map(|p| person_label(&people, p)).collect();
    assert_eq!(
        labels,
        ["Li", "王总 (CFO)", "王总 (CEO)", "Zhao 1", "Zhao 2"]
    );
    for (p, label) in people.iter().zip(&labels) {
        assert_eq!(picked_person(&people, label), Some(InfluenceId::of(p)));
    }
    // the action form shows the label and saves the id
    let mut o = ws().opportunities[0].clone();
    o.influences = people.clone();
    o.actions[0].influence = Some("i9".into());
    let form = actions::action_form(&o, Some(&o.actions[0]), today());
    assert_eq!(form.value(FieldId::With), "王总 (CEO)");
    let read = actions::fields(&form, &people);
    assert_eq!(read.with, Some(InfluenceId::new("i9")));
}

#[test]
fn in_chinese_every_label_note_and_word_choice_is_chinese_and_the_word_is_saved() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let zh = crate::i18n::Locale {
        lang: crate::i18n::Lang::Zh,
        numbers: crate::i18n::Numbers::Chinese,
    };
    let chinese = |s: &str| !s.is_ascii();
    crate::i18n::with(zh, || {
        let forms = [
            opportunity_form(&ws, Some(o), today()),
            influence_form(
                o,
                o.influences.get(1),
                &crate::domain::Settings::default(),
                today(),
            ),
            action_form(o, None, today()),
            account_form(ws.accounts.first()),
            close_form(&ws, o, false, today()),
            close_form(&ws, o, true, today()),
            log_form(today()),
            manual_flag_form(None),
            call_plan_form(&o.actions[0]),
            debrief_form(&o.actions[0], today()),
        ];
        for form in &forms {
            assert!(chinese(&form.title), "{}", form.title);
            // the label column is as wide as the widest label
            for f in &form.fields {
                assert!(chinese(f.label()), "{:?}", f.id);
                assert!(crate::text::width(f.label()) <= 12, "{}", f.label());
                if let Some(note) = f.note() {
                    assert!(chinese(&note), "{note}");
                }
                if let Kind::Choice(values) = &f.kind {
                    for v in values.iter().filter(|v| v.as_str() != NONE) {
                        let shown = f.shown_choice(v);
                        let names = [
                            FieldId::ReportsTo,
                            FieldId::With,
                            FieldId::Attractiveness,
                            FieldId::Advantage,
                        ];
                        if !names.contains(&f.id) {
                            assert!(chinese(&shown), "{:?} {v} → {shown}", f.id);
                        }
                    }
                }
            }
        }
        // the stage shows as the course's term, and the word is what is saved
        let mut form = opportunity_form(&ws, Some(o), today());
        let stage = form
            .fields
            .iter_mut()
            .find(|f| f.id == FieldId::Stage)
            .unwrap();
        assert_eq!(stage.shown_choice("drive"), "主导进程");
        stage.input.set("drive");
        assert_eq!(form.value(FieldId::Stage), "drive");
    });
}

#[test]
fn a_target_field_takes_an_amount_over_0_or_nothing() {
    let period = crate::domain::Period::parse("2026-Q4").unwrap();
    let mut form = targets_form(&ws(), period, None);
    let field = &mut form.fields[0];
    for (typed, ok) in [
        ("", true),
        ("1.2M", true),
        ("2万", true),
        ("0", false),
        ("-5", false),
        ("abc", false),
    ] {
        field.input = crate::tui::text_input::TextInput::new(typed);
        assert_eq!(
            field.error().is_none(),
            ok,
            "{typed:?}: {:?}",
            field.error()
        );
    }
    field.input = crate::tui::text_input::TextInput::new("-5");
    assert!(
        field.error().unwrap().contains("more than 0"),
        "{:?}",
        field.error()
    );
}

#[test]
fn a_time_is_typed_leniently_and_a_bad_one_names_the_field() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let mut form = action_form(o, Some(&o.actions[0]), today());
    let at = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::At)
        .unwrap();
    assert_eq!(form.fields[at].raw(), "14:30");
    form.fields[at].input.set("930");
    assert_eq!(form.fields[at].meaning().as_deref(), Some("→ 09:30"));
    let f = actions::fields(&form, &o.influences);
    assert_eq!(f.at, crate::domain::TimeOfDay::parse("09:30"));
    assert_eq!(f.kind, Some(crate::domain::ActionKind::Visit));
    assert_eq!(f.owner, "Zhang");
    form.fields[at].input.set("9:75");
    let e = form.fields[at].error().unwrap();
    assert!(e.starts_with("time: "), "{e}");
    assert_eq!(form.first_error(), Some(at));
    form.fields[at].input.set("");
    assert_eq!(form.fields[at].error(), None, "empty: no time");
}

#[test]
fn the_debrief_reads_the_commitment_picked_with_the_plans_words() {
    let ws = ws();
    let o = &ws.opportunities[0];
    let mut form = debrief_form(&o.actions[0], today());
    let at = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::Commitment)
        .unwrap();
    let Kind::Choice(values) = &form.fields[at].kind else {
        panic!("a choice");
    };
    assert_eq!(values, &["best: order", "minimum", "none"]);
    assert_eq!(
        actions::debrief_fields(&form).commitment,
        crate::domain::Commitment::Nothing
    );
    form.focus = at;
    form.cycle(true);
    assert_eq!(
        actions::debrief_fields(&form).commitment,
        crate::domain::Commitment::Best
    );
    assert_eq!(
        form.fields[at].shown_choice(form.fields[at].raw()),
        "best: order"
    );
}
