//! Every red-flag rule of spec section 3: raised alone from an otherwise
//! healthy deal, and not raised at its boundary.

use funnel::domain::flags::{self, Severity};
use funnel::domain::*;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn days(n: i64) -> Date {
    today().plus_days(n)
}

fn person(id: &str, roles: &[Role], coverage: u8) -> Influence {
    Influence {
        id: id.into(),
        name: id.to_uppercase(),
        title: "Director".into(),
        roles: roles.to_vec(),
        attitude: Attitude::Supporter,
        mode: Mode::Growth,
        influence: Some(Level::Medium),
        coverage: Coverage(coverage),
        last_contact: Some(days(-3)),
        ..Influence::default()
    }
}

/// A deal in drive with nothing wrong: qualified, economic buyer met and
/// growing, a champion coach, recent contact, a next action, a real date,
/// and a Blue Sheet that stays clean in every stage: a competitor we lead,
/// a criterion we lead on, a compelling event, a close plan on time.
fn healthy() -> Opportunity {
    let mut coach = person("coach", &[Role::User, Role::Coach], 3);
    coach.attitude = Attitude::Champion;
    Opportunity {
        id: "o1".into(),
        title: "ERP".into(),
        account: "a1".into(),
        value: Money::from_units(1_000_000),
        stage: Stage::Drive,
        expected_close: Some(days(30)),
        created: Some(days(-40)),
        stage_history: vec![
            StageEntry {
                stage: Stage::Qualify,
                entered: days(-40),
                ..Default::default()
            },
            StageEntry {
                stage: Stage::Drive,
                entered: days(-10),
                ..Default::default()
            },
        ],
        qualification: Qualification {
            need: Some(true),
            authority: Some(true),
            budget: Some(true),
            timeline: Some(true),
            ..Default::default()
        },
        influences: vec![
            person("cfo", &[Role::Economic], 2),
            coach,
            person("it", &[Role::Technical], 1),
        ],
        actions: vec![Action {
            id: "t1".into(),
            text: "Book the CFO".into(),
            due: Some(days(5)),
            ..Default::default()
        }],
        log: vec![LogEntry {
            on: days(-2),
            text: "call".into(),
            ..Default::default()
        }],
        value_proposition: ValueProposition {
            needs: "n".into(),
            benefits: "b".into(),
            differentiators: "d".into(),
            ..Default::default()
        },
        competition: vec![Competitor {
            id: "c1".into(),
            name: "SAP partner".into(),
            position: Standing::Behind,
            ..Default::default()
        }],
        decision_criteria: vec![criterion("k1", Some(5), Standing::Ahead)],
        compelling_event: Some(CompellingEvent {
            text: "IPO audit".into(),
            on: Some(days(60)),
            ..Default::default()
        }),
        close_plan: vec![step("s1", Side::Customer, days(20), None)],
        ..Opportunity::default()
    }
}

fn criterion(id: &str, weight: Option<u8>, standing: Standing) -> Criterion {
    Criterion {
        id: id.into(),
        text: format!("criterion {id}"),
        kind: Some(CriterionKind::Commercial),
        weight: weight.map(Score),
        held_by: Some("cfo".into()),
        standing,
        ..Default::default()
    }
}

fn step(id: &str, side: Side, due: Date, done: Option<Date>) -> PlanStep {
    PlanStep {
        id: id.into(),
        text: format!("step {id}"),
        side: Some(side),
        due: Some(due),
        done,
        ..Default::default()
    }
}

/// Moved on to `stage`, entered yesterday (not stalled).
fn at(stage: Stage) -> impl Fn(&mut Opportunity) {
    move |o: &mut Opportunity| {
        o.stage = stage;
        o.stage_history.push(StageEntry {
            stage,
            entered: days(-1),
            ..Default::default()
        });
    }
}

/// Back in qualify, entered ten days ago (not stalled).
fn in_qualify(o: &mut Opportunity) {
    o.stage = Stage::Qualify;
    o.stage_history.pop();
    o.stage_history[0].entered = days(-10);
}

fn rules(o: &Opportunity) -> Vec<&'static str> {
    flags::visible(o, &Settings::default(), today())
        .iter()
        .map(|f| f.rule.as_str())
        .collect()
}

fn only(o: &Opportunity, rule: &str) -> flags::Flag {
    let all = flags::visible(o, &Settings::default(), today());
    assert_eq!(
        all.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        [rule],
        "{all:#?}"
    );
    all.into_iter().next().unwrap()
}

fn with(change: impl FnOnce(&mut Opportunity)) -> Opportunity {
    let mut o = healthy();
    change(&mut o);
    o
}

#[test]
fn a_healthy_deal_raises_nothing() {
    assert_eq!(rules(&healthy()), Vec::<&str>::new());
}

#[test]
fn unqualified() {
    let f = only(&with(|o| o.qualification.budget = None), "unqualified");
    assert!(f.message.contains("budget"));
    assert_eq!(
        rules(&with(|o| {
            o.qualification.budget = None;
            in_qualify(o);
        })),
        Vec::<&str>::new(),
        "in qualify it is the work, not a flag"
    );
}

#[test]
fn no_economic_buyer() {
    only(
        &with(|o| o.influences[0].roles = vec![Role::Technical]),
        "no-economic-buyer",
    );
    assert_eq!(
        rules(&with(
            |o| o.influences[0].roles = vec![Role::Technical, Role::Economic]
        )),
        Vec::<&str>::new()
    );
}

#[test]
fn economic_buyer_not_met() {
    let f = only(
        &with(|o| o.influences[0].coverage = Coverage(0)),
        "economic-buyer-not-met",
    );
    assert_eq!(f.subject.as_deref(), Some("cfo"));
    assert!(
        f.suggestion.contains("CFO") && f.suggestion.contains("never met"),
        "{}",
        f.suggestion
    );
    assert_eq!(f.severity, Severity::High, "past qualify");
    assert_eq!(
        rules(&with(|o| o.influences[0].coverage = Coverage(1))),
        Vec::<&str>::new()
    );
}

#[test]
fn no_coach() {
    only(
        &with(|o| o.influences[1].roles = vec![Role::User]),
        "no-coach",
    );
    assert_eq!(
        rules(&with(|o| {
            o.influences[1].roles = vec![Role::User];
            o.influences[0].roles.push(Role::Coach);
        })),
        Vec::<&str>::new()
    );
}

#[test]
fn influence_not_met_once_per_person() {
    let o = with(|o| {
        o.influences[2].coverage = Coverage(0);
        let mut other = person("ops", &[Role::User], 0);
        other.last_contact = None;
        o.influences.push(other);
    });
    let subjects: Vec<_> = flags::visible(&o, &Settings::default(), today())
        .into_iter()
        .map(|f| (f.rule.as_str(), f.subject))
        .collect();
    assert_eq!(
        subjects,
        [
            ("influence-not-met", Some("it".into())),
            ("influence-not-met", Some("ops".into()))
        ]
    );
    assert_eq!(
        rules(&with(|o| o.influences[2].coverage = Coverage(1))),
        Vec::<&str>::new()
    );
}

#[test]
fn unknown_mode() {
    let f = only(
        &with(|o| o.influences[2].mode = Mode::Unknown),
        "unknown-mode",
    );
    assert_eq!(f.subject.as_deref(), Some("it"));
    assert_eq!(
        rules(&with(|o| o.influences[2].mode = Mode::Trouble)),
        Vec::<&str>::new(),
        "any known mode"
    );
}

#[test]
fn a_done_action_counts_as_contact_for_quiet() {
    let o = with(|o| {
        o.log[0].on = days(-30);
        o.influences
            .iter_mut()
            .for_each(|p| p.last_contact = Some(days(-30)));
        o.actions.push(Action {
            id: "t0".into(),
            text: "visit".into(),
            done: Some(days(-2)),
            ..Default::default()
        });
    });
    assert_eq!(rules(&o), Vec::<&str>::new());
}

#[test]
fn a_snooze_of_another_rule_for_the_same_subject_hides_nothing() {
    let o = with(|o| {
        o.influences[2].coverage = Coverage(0);
        o.snoozed.push(Snooze {
            rule: "unknown-mode".into(),
            subject: Some("it".into()),
            until: days(9),
            ..Default::default()
        });
    });
    assert_eq!(rules(&o), ["influence-not-met"]);
}

#[test]
fn a_snooze_of_a_rule_this_version_does_not_know_is_kept_and_hides_nothing() {
    // a workspace written by a newer funnel may snooze a rule added later
    let o = with(|o| {
        o.influences[2].coverage = Coverage(0);
        o.snoozed.push(Snooze {
            rule: "a-rule-from-a-newer-funnel".into(),
            subject: Some("it".into()),
            until: days(9),
            ..Default::default()
        });
    });
    assert_eq!(rules(&o), ["influence-not-met"]);
    // and it survives a save and a load untouched
    let mut ws = funnel::store::demo::workspace(today());
    ws.opportunities[0].snoozed = o.snoozed;
    let bytes = funnel::store::to_json_bytes(&ws);
    let back = funnel::store::load::parse(&bytes, std::path::Path::new("w.json"))
        .unwrap()
        .workspace;
    assert_eq!(
        back.opportunities[0].snoozed[0].rule,
        "a-rule-from-a-newer-funnel"
    );
    assert_eq!(funnel::store::to_json_bytes(&back), bytes);
}

#[test]
fn no_discrepancy() {
    let f = only(
        &with(|o| o.influences[0].mode = Mode::EvenKeel),
        "no-discrepancy",
    );
    assert_eq!(f.subject.as_deref(), Some("cfo"));
    only(
        &with(|o| o.influences[1].mode = Mode::Overconfident),
        "no-discrepancy",
    );
    assert_eq!(
        rules(&with(|o| o.influences[2].mode = Mode::EvenKeel)),
        Vec::<&str>::new(),
        "a technical buyer only screens"
    );
}

#[test]
fn opponent() {
    let f = only(
        &with(|o| o.influences[2].attitude = Attitude::Hostile),
        "opponent",
    );
    assert_eq!(f.severity, Severity::High);
    only(
        &with(|o| {
            o.influences[2].attitude = Attitude::NonSupporter;
            o.influences[2].influence = Some(Level::High);
        }),
        "opponent",
    );
    assert_eq!(
        rules(&with(|o| o.influences[2].attitude = Attitude::NonSupporter)),
        Vec::<&str>::new(),
        "medium influence"
    );
}

#[test]
fn single_threaded() {
    let one = |o: &mut Opportunity| {
        o.influences.truncate(1);
        o.influences[0].roles = vec![Role::Economic, Role::User, Role::Coach];
    };
    only(&with(one), "single-threaded");
    assert_eq!(
        rules(&with(|o| {
            one(o);
            in_qualify(o);
        })),
        Vec::<&str>::new()
    );
    assert_eq!(
        rules(&with(|o| o.influences.truncate(2))),
        Vec::<&str>::new(),
        "two is enough"
    );
}

#[test]
fn stalled_after_more_than_stall_days() {
    let f = only(&with(|o| o.stage_history[1].entered = days(-31)), "stalled");
    assert!(f.message.contains("31 days in drive"));
    assert_eq!(
        rules(&with(|o| o.stage_history[1].entered = days(-30))),
        Vec::<&str>::new(),
        "exactly stall_days is not stalled"
    );
    only(
        &with(|o| {
            o.stage_history.clear();
            o.created = Some(days(-31));
        }),
        "stalled",
    );
    let exactly = with(|o| {
        o.stage_history.clear();
        o.created = Some(days(-30));
    });
    assert_eq!(
        rules(&exactly),
        Vec::<&str>::new(),
        "counted from created: exactly stall_days is not stalled"
    );
}

#[test]
fn close_date_passed_and_missing() {
    let f = only(
        &with(|o| o.expected_close = Some(days(-1))),
        "close-date-passed",
    );
    assert!(f.message.contains("2026-11-22"));
    assert_eq!(
        rules(&with(|o| o.expected_close = Some(today()))),
        Vec::<&str>::new()
    );
    only(&with(|o| o.expected_close = None), "no-close-date");
}

#[test]
fn close_date_slipped_twice_is_a_pattern_once_is_not() {
    let slip = |from: i64, to: i64| CloseMove {
        on: days(-5),
        from: Some(days(from)),
        to: Some(days(to)),
        ..Default::default()
    };
    only(
        &with(|o| o.close_history = vec![slip(10, 20), slip(20, 30)]),
        "close-date-slipped",
    );
    assert_eq!(
        rules(&with(|o| o.close_history = vec![slip(10, 40), slip(40, 30)])),
        Vec::<&str>::new()
    );
    assert_eq!(
        rules(&with(|o| o.close_history = vec![
            CloseMove {
                on: days(-5),
                from: None,
                to: Some(days(10)),
                ..Default::default()
            },
            slip(10, 30)
        ])),
        Vec::<&str>::new()
    );
}

#[test]
fn no_next_action() {
    only(
        &with(|o| o.actions[0].done = Some(days(-1))),
        "no-next-action",
    );
    assert_eq!(
        rules(&with(|o| o.actions[0].due = None)),
        Vec::<&str>::new(),
        "an undated open action is a next action"
    );
}

#[test]
fn overdue_action_per_action() {
    let f = only(
        &with(|o| o.actions[0].due = Some(days(-1))),
        "overdue-action",
    );
    assert_eq!(f.subject.as_deref(), Some("t1"));
    assert!(f.message.contains("Book the CFO") && f.message.contains("2026-11-22"));
    assert_eq!(
        rules(&with(|o| o.actions[0].due = Some(today()))),
        Vec::<&str>::new()
    );
}

#[test]
fn quiet_after_more_than_quiet_days() {
    let silence = |n: i64| {
        move |o: &mut Opportunity| {
            o.log[0].on = days(-n);
            for p in &mut o.influences {
                p.last_contact = Some(days(-n));
            }
        }
    };
    let f = only(&with(silence(15)), "quiet");
    assert!(f.message.contains("15 days"));
    assert_eq!(rules(&with(silence(14))), Vec::<&str>::new());
    let none = with(|o| {
        o.log.clear();
        o.influences.iter_mut().for_each(|p| p.last_contact = None);
        o.created = Some(days(-20));
        o.stage_history[1].entered = days(-10);
    });
    assert_eq!(
        rules(&none),
        ["quiet"],
        "no contact at all: counted from created"
    );
}

#[test]
fn no_value_proposition_from_propose() {
    let propose = |o: &mut Opportunity| {
        o.stage = Stage::Propose;
        o.stage_history.push(StageEntry {
            stage: Stage::Propose,
            entered: days(-1),
            ..Default::default()
        });
    };
    only(
        &with(|o| {
            propose(o);
            o.value_proposition.differentiators.clear();
        }),
        "no-value-proposition",
    );
    assert_eq!(rules(&with(propose)), Vec::<&str>::new());
    assert_eq!(
        rules(&with(|o| o.value_proposition.benefits.clear())),
        Vec::<&str>::new(),
        "not yet in drive"
    );
}

/// Spec section 8: a deal counted as commit while one of four causes holds.
#[test]
fn commit_at_risk_with_each_of_its_four_causes_only_on_commit() {
    let commit = |o: &mut Opportunity| o.forecast_category = Some(ForecastCategory::Commit);
    assert_eq!(rules(&with(commit)), Vec::<&str>::new(), "a healthy commit");
    type Make = fn(&mut Opportunity);
    let causes: [(&str, Make); 4] = [
        ("close-date-passed", |o| o.expected_close = Some(days(-1))),
        ("no-economic-buyer", |o| {
            o.influences.retain(|p| p.id != "cfo")
        }),
        ("economic-buyer-not-met", |o| {
            o.influences[0].coverage = Coverage(0)
        }),
        ("unqualified", |o| o.qualification.budget = None),
    ];
    for (cause, make) in causes {
        let at_risk = with(|o| {
            commit(o);
            make(o);
        });
        let all = flags::visible(&at_risk, &Settings::default(), today());
        let f = all
            .iter()
            .find(|f| f.rule.as_str() == "commit-at-risk")
            .unwrap_or_else(|| panic!("{cause}: {all:#?}"));
        assert_eq!(f.severity, Severity::High, "{cause}");
        assert!(rules(&at_risk).contains(&cause), "{cause}");
        // the same deal counted as best case: its cause, no commit-at-risk
        let best = with(|o| {
            make(o);
            o.forecast_category = Some(ForecastCategory::BestCase);
        });
        assert!(!rules(&best).contains(&"commit-at-risk"), "{cause}");
    }
    // the boundary of the date: due today has not passed
    let today_close = with(|o| {
        commit(o);
        o.expected_close = Some(days(0));
    });
    assert!(!rules(&today_close).contains(&"commit-at-risk"));
}

#[test]
fn commit_at_risk_follows_the_derived_category_and_ignores_snoozes() {
    // a close-stage deal is 90% by default: commit without being set
    let late = |o: &mut Opportunity| {
        o.stage = Stage::Close;
        o.stage_history.push(StageEntry {
            stage: Stage::Close,
            entered: days(-1),
            ..Default::default()
        });
        o.value_proposition.differentiators = "d".into();
        o.expected_close = Some(days(-2));
    };
    assert!(rules(&with(late)).contains(&"commit-at-risk"));
    // its own 80% makes it best case
    assert!(
        !rules(&with(|o| {
            late(o);
            o.probability = Some(Percent(80));
        }))
        .contains(&"commit-at-risk")
    );
    // the passed date snoozed: the manager's number still rests on it
    let snoozed = with(|o| {
        late(o);
        o.snoozed.push(Snooze {
            rule: "close-date-passed".into(),
            until: days(10),
            ..Default::default()
        });
    });
    let shown = rules(&snoozed);
    assert!(
        !shown.contains(&"close-date-passed") && shown.contains(&"commit-at-risk"),
        "{shown:?}"
    );
}

#[test]
fn manual_flags_until_resolved() {
    let raised = ManualFlag {
        id: "f1".into(),
        text: "IT director replaced".into(),
        ..Default::default()
    };
    let f = only(&with(|o| o.flags.push(raised.clone())), "manual");
    assert_eq!(
        (f.subject.as_deref(), f.message.as_ref()),
        (Some("f1"), "IT director replaced")
    );
    assert_eq!(
        rules(&with(|o| o.flags.push(ManualFlag {
            resolved: Some(today()),
            ..raised
        }))),
        Vec::<&str>::new()
    );
}

#[test]
fn closed_deals_carry_no_flags() {
    for result in OutcomeResult::ALL {
        let mut o = with(|o| {
            o.influences.clear();
            o.actions.clear();
            o.expected_close = None;
        });
        o.close(*result, today(), "");
        assert!(
            flags::compute(&o, &Settings::default(), today()).is_empty(),
            "{result}"
        );
    }
}

#[test]
fn a_snooze_hides_through_until_and_not_a_day_longer() {
    let o = with(|o| {
        o.stage_history[1].entered = days(-40);
        o.snoozed.push(Snooze {
            rule: "stalled".into(),
            subject: None,
            until: days(2),
            reason: "customer audit".into(),
            ..Default::default()
        });
    });
    let s = Settings::default();
    assert!(flags::visible(&o, &s, today()).is_empty());
    assert!(flags::visible(&o, &s, days(2)).is_empty(), "through until");
    assert_eq!(
        flags::visible(&o, &s, days(3))
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>(),
        ["stalled"],
        "back the day after"
    );
    let other = with(|o| {
        o.influences[2].coverage = Coverage(0);
        o.snoozed.push(Snooze {
            rule: "influence-not-met".into(),
            subject: Some("someone-else".into()),
            until: days(9),
            ..Default::default()
        });
    });
    assert_eq!(
        rules(&other),
        ["influence-not-met"],
        "a snooze is for its subject only"
    );
}

#[test]
fn most_severe_first_and_strengths_beside_them() {
    let o = with(|o| {
        o.actions[0].done = Some(days(-1)); // high
        o.influences[2].mode = Mode::Unknown; // low
        o.close_history = vec![
            CloseMove {
                on: days(-5),
                from: Some(days(1)),
                to: Some(days(2)),
                ..Default::default()
            },
            CloseMove {
                on: days(-4),
                from: Some(days(2)),
                to: Some(days(3)),
                ..Default::default()
            },
        ]; // medium
    });
    let sev: Vec<Severity> = flags::visible(&o, &Settings::default(), today())
        .iter()
        .map(|f| f.severity)
        .collect();
    assert_eq!(sev, [Severity::High, Severity::Medium, Severity::Low]);
    let strengths = flags::strengths(&healthy());
    assert!(
        strengths
            .iter()
            .any(|s| s.contains("COACH is our coach and a champion")),
        "{strengths:?}"
    );
    assert!(
        strengths
            .iter()
            .any(|s| s.contains("all four qualification conditions"))
    );
    assert!(
        strengths
            .iter()
            .any(|s| s.contains("economic buyer CFO is in growth mode"))
    );
}

#[test]
fn every_rule_id_is_in_the_contract_list() {
    // raise them all at once on a deal with everything wrong
    let o = Opportunity {
        id: "x".into(),
        stage: Stage::Propose,
        created: Some(days(-100)),
        influences: vec![Influence {
            id: "h".into(),
            name: "H".into(),
            attitude: Attitude::Hostile,
            mode: Mode::EvenKeel,
            roles: vec![Role::User],
            ..Default::default()
        }],
        actions: vec![Action {
            id: "a".into(),
            text: "t".into(),
            due: Some(days(-3)),
            ..Default::default()
        }],
        flags: vec![ManualFlag {
            id: "f".into(),
            text: "m".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    for f in flags::compute(&o, &Settings::default(), today()) {
        assert!(RULE_IDS.contains(&f.rule.as_str()), "{}", f.rule);
    }
}

// The Blue Sheet's rules (spec section 9).

#[test]
fn the_healthy_deal_stays_clean_in_every_stage() {
    for stage in Stage::ALL.iter().copied().filter(|s| *s > Stage::Drive) {
        assert_eq!(rules(&with(at(stage))), Vec::<&str>::new(), "{stage}");
    }
}

#[test]
fn no_decision_criteria_from_propose() {
    let none = |o: &mut Opportunity| o.decision_criteria.clear();
    assert_eq!(
        rules(&with(none)),
        Vec::<&str>::new(),
        "in drive it is the work"
    );
    for (stage, severity) in [
        (Stage::Propose, Severity::Medium),
        (Stage::Negotiate, Severity::High),
        (Stage::Close, Severity::High),
    ] {
        let f = only(
            &with(|o| {
                at(stage)(o);
                none(o);
            }),
            "no-decision-criteria",
        );
        assert_eq!((f.severity, f.subject), (severity, None), "{stage}");
    }
}

#[test]
fn behind_on_criterion_only_when_it_weighs_four_or_five() {
    let behind = |weight: Option<u8>| {
        with(|o| {
            at(Stage::Propose)(o);
            o.decision_criteria
                .push(criterion("k2", weight, Standing::Behind));
        })
    };
    let f = only(&behind(Some(5)), "behind-on-criterion");
    assert_eq!(f.subject.as_deref(), Some("k2"));
    assert_eq!(f.severity, Severity::High, "weight 5 is the worse case");
    assert!(f.message.contains("criterion k2"), "{}", f.message);
    let f = only(&behind(Some(4)), "behind-on-criterion");
    assert_eq!(
        (f.subject.as_deref(), f.severity),
        (Some("k2"), Severity::Medium)
    );
    assert_eq!(rules(&behind(Some(3))), Vec::<&str>::new(), "weight 3");
    assert_eq!(rules(&behind(None)), Vec::<&str>::new(), "no weight");
    // a heavy criterion we are even on or do not know is no flag
    for standing in [Standing::Even, Standing::Unknown, Standing::Ahead] {
        let o = with(|o| o.decision_criteria = vec![criterion("k1", Some(5), standing)]);
        assert_eq!(rules(&o), Vec::<&str>::new(), "{standing}");
    }
    // in drive too: a criterion lost is lost in any stage
    let drive = with(|o| o.decision_criteria[0].standing = Standing::Behind);
    assert_eq!(rules(&drive), ["behind-on-criterion"]);
}

#[test]
fn competitor_ahead_once_per_entry_ahead() {
    let o = with(|o| {
        o.competition[0].position = Standing::Ahead;
        for (id, position) in [
            ("c2", Standing::Even),
            ("c3", Standing::Ahead),
            ("c4", Standing::Unknown),
        ] {
            o.competition.push(Competitor {
                id: id.into(),
                name: format!("rival {id}"),
                position,
                ..Default::default()
            });
        }
    });
    let all = flags::visible(&o, &Settings::default(), today());
    assert_eq!(
        all.iter()
            .map(|f| (f.rule.as_str(), f.subject.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("competitor-ahead", Some("c1")),
            ("competitor-ahead", Some("c3"))
        ]
    );
    assert!(all[0].message.contains("SAP partner"), "{}", all[0].message);
    assert_eq!(all[0].severity, Severity::Medium, "in drive");
    let late = with(|o| {
        at(Stage::Negotiate)(o);
        o.competition[0].position = Standing::Ahead;
    });
    assert_eq!(only(&late, "competitor-ahead").severity, Severity::High);
    // even is not ahead
    let even = with(|o| o.competition[0].position = Standing::Even);
    assert_eq!(rules(&even), Vec::<&str>::new());
}

#[test]
fn no_compelling_event_from_propose() {
    let none = |o: &mut Opportunity| o.compelling_event = None;
    assert_eq!(rules(&with(none)), Vec::<&str>::new(), "not yet in drive");
    for (stage, severity) in [
        (Stage::Propose, Severity::Low),
        (Stage::Negotiate, Severity::Medium),
        (Stage::Close, Severity::Medium),
    ] {
        let f = only(
            &with(|o| {
                at(stage)(o);
                none(o);
            }),
            "no-compelling-event",
        );
        assert_eq!(f.severity, severity, "{stage}");
    }
    // an event written without a date is still an event
    let undated = with(|o| {
        at(Stage::Propose)(o);
        o.compelling_event.as_mut().unwrap().on = None;
    });
    assert_eq!(rules(&undated), Vec::<&str>::new());
}

#[test]
fn no_close_plan_in_negotiate_and_close_only() {
    let none = |o: &mut Opportunity| o.close_plan.clear();
    for stage in [Stage::Drive, Stage::Propose] {
        let o = with(|o| {
            at(stage)(o);
            none(o);
        });
        assert_eq!(rules(&o), Vec::<&str>::new(), "{stage}");
    }
    for (stage, severity) in [
        (Stage::Negotiate, Severity::Medium),
        (Stage::Close, Severity::High),
    ] {
        let f = only(
            &with(|o| {
                at(stage)(o);
                none(o);
            }),
            "no-close-plan",
        );
        assert_eq!((f.severity, f.subject), (severity, None), "{stage}");
    }
    // a plan whose every step is done is still a plan
    let done = with(|o| {
        at(Stage::Close)(o);
        o.close_plan[0].done = Some(days(-1));
    });
    assert_eq!(rules(&done), Vec::<&str>::new());
}

#[test]
fn close_plan_overdue_per_open_step_due_before_today() {
    let plan = |steps: Vec<PlanStep>| {
        with(|o| {
            at(Stage::Negotiate)(o);
            o.close_plan = steps;
        })
    };
    // due yesterday: raised, subject the step; ours is medium, theirs high
    let f = only(
        &plan(vec![step("s1", Side::Us, days(-1), None)]),
        "close-plan-overdue",
    );
    assert_eq!(
        (f.subject.as_deref(), f.severity),
        (Some("s1"), Severity::Medium)
    );
    assert!(f.message.contains("step s1"), "{}", f.message);
    let f = only(
        &plan(vec![step("s2", Side::Customer, days(-1), None)]),
        "close-plan-overdue",
    );
    assert_eq!(
        (f.subject.as_deref(), f.severity),
        (Some("s2"), Severity::High)
    );
    let f = only(
        &plan(vec![step("s3", Side::Both, days(-9), None)]),
        "close-plan-overdue",
    );
    assert_eq!(
        f.severity,
        Severity::Medium,
        "a shared step is not only theirs"
    );
    // due today, done late, or undated: nothing
    for (what, s) in [
        ("due today", step("s1", Side::Customer, days(0), None)),
        ("done", step("s1", Side::Customer, days(-5), Some(days(-1)))),
        (
            "no due date",
            PlanStep {
                due: None,
                ..step("s1", Side::Customer, days(-5), None)
            },
        ),
    ] {
        assert_eq!(rules(&plan(vec![s])), Vec::<&str>::new(), "{what}");
    }
    // one flag per late step, in a drive deal's plan as well
    let two = with(|o| {
        o.close_plan = vec![
            step("s1", Side::Us, days(-2), None),
            step("s2", Side::Customer, days(1), None),
            step("s3", Side::Customer, days(-3), None),
        ];
    });
    let mut subjects: Vec<_> = flags::visible(&two, &Settings::default(), today())
        .into_iter()
        .map(|f| (f.rule.as_str(), f.subject))
        .collect();
    subjects.sort();
    assert_eq!(
        subjects,
        [
            ("close-plan-overdue", Some("s1".to_owned())),
            ("close-plan-overdue", Some("s3".to_owned()))
        ]
    );
}

/// The healthy deal with its CFO of high influence, last heard from
/// `last` days ago.
fn cfo_heard(last: Option<i64>) -> impl Fn(&mut Opportunity) {
    move |o: &mut Opportunity| {
        o.influences[0].influence = Some(Level::High);
        o.influences[0].last_contact = last.map(days);
    }
}

fn rules_with(o: &Opportunity, settings: &Settings) -> Vec<&'static str> {
    flags::visible(o, settings, today())
        .iter()
        .map(|f| f.rule.as_str())
        .collect()
}

#[test]
fn person_quiet_past_the_cadence_of_a_high_influence() {
    // exactly the 30 days of the default cadence: still fine
    assert_eq!(rules(&with(cfo_heard(Some(-30)))), Vec::<&str>::new());
    let f = only(&with(cfo_heard(Some(-31))), "person-quiet");
    assert_eq!(f.subject.as_deref(), Some("cfo"));
    assert_eq!(f.severity, Severity::Medium, "in drive");
    assert!(f.message.contains("CFO"), "{}", f.message);
    assert!(f.message.contains(&days(-31).to_string()), "{}", f.message);
    // medium and low influence are never flagged, however long the silence
    for level in [Level::Medium, Level::Low] {
        let o = with(|o| {
            cfo_heard(Some(-300))(o);
            o.influences[0].influence = Some(level);
        });
        assert_eq!(rules(&o), Vec::<&str>::new(), "{level:?}");
    }
}

#[test]
fn person_quiet_uses_the_persons_own_cadence_first() {
    let weekly = |last| {
        with(move |o| {
            cfo_heard(Some(last))(o);
            o.influences[0].cadence_days = Some(Days(7));
        })
    };
    assert_eq!(rules(&weekly(-7)), Vec::<&str>::new());
    only(&weekly(-8), "person-quiet");
    // a longer own cadence than the settings' lets a quiet month pass
    let o = with(|o| {
        cfo_heard(Some(-45))(o);
        o.influences[0].cadence_days = Some(Days(60));
    });
    assert_eq!(rules(&o), Vec::<&str>::new());
}

#[test]
fn person_quiet_follows_the_cadence_the_file_sets() {
    // settings.cadence_days.high written as 10 in the workspace file
    let mut ws = Workspace::new("", "");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "Acme".into(),
        ..Default::default()
    });
    ws.opportunities.push(with(cfo_heard(Some(-11))));
    let mut json: serde_json::Value =
        serde_json::from_slice(&funnel::store::to_json_bytes(&ws)).unwrap();
    json["settings"]["cadence_days"] = serde_json::json!({"high": 10, "medium": 60, "low": 60});
    let bytes = serde_json::to_vec(&json).unwrap();
    let loaded = funnel::store::load::parse(&bytes, std::path::Path::new("w.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .workspace;
    assert_eq!(loaded.settings.cadence_days.high, Days(10));
    let o = &loaded.opportunities[0];
    assert_eq!(rules_with(o, &loaded.settings), ["person-quiet"]);
    assert_eq!(
        rules(o),
        Vec::<&str>::new(),
        "11 days is fine by the default 30"
    );
    let mut settings = loaded.settings.clone();
    settings.cadence_days.high = Days(11);
    assert_eq!(rules_with(o, &settings), Vec::<&str>::new());
}

#[test]
fn person_quiet_counts_from_the_deals_start_without_a_contact() {
    // created 40 days ago (healthy): past the 30 days
    let f = only(&with(cfo_heard(None)), "person-quiet");
    assert_eq!(f.subject.as_deref(), Some("cfo"));
    assert!(f.message.contains("40"), "{}", f.message);
    let recent = with(|o| {
        cfo_heard(None)(o);
        o.created = Some(days(-30));
    });
    assert_eq!(rules(&recent), Vec::<&str>::new());
    // no start and no contact: nothing to count from
    let unknown = with(|o| {
        cfo_heard(None)(o);
        o.created = None;
    });
    assert!(
        !rules(&unknown).contains(&"person-quiet"),
        "{:?}",
        rules(&unknown)
    );
}

#[test]
fn person_quiet_is_high_for_the_economic_buyer_from_propose() {
    let o = with(|o| {
        cfo_heard(Some(-31))(o);
        at(Stage::Propose)(o);
    });
    assert_eq!(only(&o, "person-quiet").severity, Severity::High);
    // another high influence in propose stays medium
    let o = with(|o| {
        at(Stage::Propose)(o);
        o.influences[2].influence = Some(Level::High);
        o.influences[2].last_contact = Some(days(-31));
    });
    let f = only(&o, "person-quiet");
    assert_eq!(
        (f.subject.as_deref(), f.severity),
        (Some("it"), Severity::Medium)
    );
}

/// The healthy deal's action as a conversation of `kind` due in `due` days.
fn conversation(kind: Option<ActionKind>, due: i64) -> impl Fn(&mut Opportunity) {
    move |o: &mut Opportunity| {
        let a = &mut o.actions[0];
        a.kind = kind;
        a.due = Some(days(due));
        a.text = "Budget meeting with the CFO".into();
    }
}

#[test]
fn no_call_plan_for_a_conversation_within_two_days() {
    for kind in [ActionKind::Call, ActionKind::Meeting, ActionKind::Visit] {
        let f = only(&with(conversation(Some(kind), 2)), "no-call-plan");
        assert_eq!(f.subject.as_deref(), Some("t1"), "{kind:?}");
        assert_eq!(f.severity, Severity::Medium, "{kind:?}");
        assert!(
            f.message.contains("Budget meeting with the CFO"),
            "{}",
            f.message
        );
        assert_eq!(
            rules(&with(conversation(Some(kind), 3))),
            Vec::<&str>::new(),
            "{kind:?} in three days"
        );
    }
    // due today or overdue: high
    assert_eq!(
        only(
            &with(conversation(Some(ActionKind::Call), 0)),
            "no-call-plan"
        )
        .severity,
        Severity::High
    );
    let overdue = with(conversation(Some(ActionKind::Visit), -2));
    let overdue_flags = flags::visible(&overdue, &Settings::default(), today());
    let f = overdue_flags
        .iter()
        .find(|f| f.rule.as_str() == "no-call-plan")
        .expect("an overdue visit without a plan");
    assert_eq!(f.severity, Severity::High);
}

#[test]
fn no_call_plan_only_for_open_conversations_without_a_written_plan() {
    for (what, kind) in [
        ("email", Some(ActionKind::Email)),
        ("task", Some(ActionKind::Task)),
        ("no kind", None),
    ] {
        assert_eq!(
            rules(&with(conversation(kind, 1))),
            Vec::<&str>::new(),
            "{what}"
        );
    }
    let done = with(|o| {
        conversation(Some(ActionKind::Meeting), -1)(o);
        o.actions[0].done = Some(days(-1));
        o.actions.push(Action {
            id: "t2".into(),
            text: "Next".into(),
            due: Some(days(5)),
            ..Default::default()
        });
    });
    assert_eq!(rules(&done), Vec::<&str>::new(), "done");
    // a plan of blanks is no plan
    let blank = with(|o| {
        conversation(Some(ActionKind::Meeting), 1)(o);
        o.actions[0].plan = Some(CallPlan {
            objective: "  ".into(),
            give: vec!["".into()],
            ..Default::default()
        });
    });
    only(&blank, "no-call-plan");
    let planned = with(|o| {
        conversation(Some(ActionKind::Meeting), 1)(o);
        o.actions[0].plan = Some(CallPlan {
            objective: "Agree the budget line".into(),
            ..Default::default()
        });
    });
    assert_eq!(rules(&planned), Vec::<&str>::new(), "planned");
    // a snooze hides it until the day after
    let snoozed = with(|o| {
        conversation(Some(ActionKind::Meeting), 1)(o);
        o.snoozed.push(Snooze {
            rule: "no-call-plan".into(),
            subject: Some("t1".into()),
            until: days(1),
            ..Default::default()
        });
    });
    assert_eq!(rules(&snoozed), Vec::<&str>::new(), "snoozed");
}

#[test]
fn the_conversation_flags_speak_chinese() {
    let zh = funnel::i18n::Locale {
        lang: funnel::i18n::Lang::Zh,
        numbers: funnel::i18n::Numbers::Western,
    };
    let quiet = with(cfo_heard(Some(-31)));
    let f = funnel::i18n::with(zh, || only(&quiet, "person-quiet"));
    assert!(f.message.contains("未联系"), "{}", f.message);
    let coming = with(conversation(Some(ActionKind::Visit), 1));
    let f = funnel::i18n::with(zh, || only(&coming, "no-call-plan"));
    assert!(
        f.message.contains("拜访计划") && f.message.contains("Budget meeting with the CFO"),
        "{}",
        f.message
    );
}

/// The demo's people and conversations on its own Monday and opened on
/// another day: the same quiet key people and the same unplanned call.
#[test]
fn the_demo_shows_its_quiet_people_and_its_unplanned_call_on_any_day() {
    let conversation_flags = |today: Date| {
        let ws = funnel::store::demo::workspace(today);
        let mut found: Vec<(String, String, Option<String>)> = ws
            .opportunities
            .iter()
            .filter(|o| o.is_open())
            .flat_map(|o| {
                flags::visible(o, &ws.settings, today)
                    .into_iter()
                    .map(move |f| (f.rule.as_str().to_owned(), o.id.clone(), f.subject))
            })
            .filter(|(rule, ..)| rule == "person-quiet" || rule == "no-call-plan")
            .collect();
        found.sort();
        found
    };
    let story = conversation_flags(today());
    assert_eq!(
        story,
        [
            ("no-call-plan".into(), "o19".into(), Some("t36".into())),
            ("person-quiet".into(), "o10".into(), Some("i22".into())),
            ("person-quiet".into(), "o3".into(), Some("i5".into())),
        ]
    );
    assert_eq!(
        conversation_flags(Date::parse("2027-03-10").unwrap()),
        story
    );
}
