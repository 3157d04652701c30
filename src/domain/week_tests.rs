//! Which review a report is measured from, rule by rule.

use super::*;
use crate::domain::{Opportunity, Outcome, OutcomeResult, ReviewedOpportunity, Stage};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn review(on: &str, ids: &[&str]) -> Review {
    Review {
        on: d(on),
        opportunities: ids
            .iter()
            .map(|id| ReviewedOpportunity {
                id: (*id).into(),
                stage: Stage::Qualify,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn open(id: &str) -> Opportunity {
    Opportunity {
        id: id.into(),
        ..Default::default()
    }
}

fn lost(id: &str, on: &str) -> Opportunity {
    Opportunity {
        outcome: Some(Outcome {
            result: OutcomeResult::Lost,
            on: d(on),
            ..Default::default()
        }),
        ..open(id)
    }
}

fn ws(reviews: Vec<Review>, deals: Vec<Opportunity>) -> Workspace {
    let mut ws = Workspace::new("", "");
    ws.reviews = reviews;
    ws.opportunities = deals;
    ws
}

#[test]
fn since_a_date_takes_the_latest_review_on_or_before_it_and_the_last_of_equal_dates() {
    // file order is not date order; two reviews share 2026-11-16
    let w = ws(
        vec![
            review("2026-11-16", &[]),
            review("2026-11-09", &[]),
            review("2026-11-16", &["a"]),
        ],
        vec![open("a"), open("b")],
    );
    let got = week(&w, d("2026-11-30"), Since::Date(d("2026-11-20")))
        .unwrap()
        .unwrap();
    assert_eq!(
        (got.changes.on, got.changes.new),
        (d("2026-11-16"), vec!["b".into()])
    );
    let got = week(&w, d("2026-11-30"), Since::Date(d("2026-11-15")))
        .unwrap()
        .unwrap();
    assert_eq!(got.changes.on, d("2026-11-09"));
    assert_eq!(
        week(&w, d("2026-11-30"), Since::Date(d("2026-11-08"))),
        Err(NoWeek::NoReviewBy(d("2026-11-08")))
    );
    // previous: the one before the latest by date (the first 11-16)
    let got = week(&w, d("2026-11-30"), Since::Previous).unwrap().unwrap();
    assert_eq!(
        (got.changes.on, got.changes.new.len()),
        (d("2026-11-16"), 2)
    );
}

#[test]
fn a_latest_review_of_another_day_is_compared_with_as_it_is() {
    let w = ws(
        vec![review("2026-11-09", &[]), review("2026-11-16", &["a"])],
        vec![open("a"), open("b")],
    );
    let got = week(&w, d("2026-11-23"), Since::Latest).unwrap().unwrap();
    assert_eq!((got.changes.on, got.closed_by), (d("2026-11-16"), None));
    assert_eq!(got.heading(), "Since the review of 2026-11-16");
}

#[test]
fn two_reviews_today_report_the_week_from_the_last_earlier_day() {
    // say two workspaces were merged, each with today's review
    let w = ws(
        vec![
            review("2026-11-16", &["a"]),
            review("2026-11-23", &["a", "b"]),
            review("2026-11-23", &["a", "b"]),
        ],
        vec![open("a"), open("b")],
    );
    let got = week(&w, d("2026-11-23"), Since::Latest).unwrap().unwrap();
    assert_eq!(
        (got.changes.on, got.closed_by),
        (d("2026-11-16"), Some(d("2026-11-23")))
    );
    assert_eq!(got.changes.new, vec!["b".to_owned()], "b came in the week");
}

#[test]
fn a_lone_review_dated_today_is_compared_with_and_no_review_is_no_week() {
    let w = ws(vec![review("2026-11-23", &["a"])], vec![open("a")]);
    let got = week(&w, d("2026-11-23"), Since::Latest).unwrap().unwrap();
    assert_eq!((got.changes.on, got.closed_by), (d("2026-11-23"), None));
    assert_eq!(
        week(&w, d("2026-11-23"), Since::Previous),
        Err(NoWeek::NoPreviousReview)
    );
    assert_eq!(
        week(&ws(vec![], vec![]), d("2026-11-23"), Since::Latest),
        Ok(None)
    );
}

#[test]
fn a_deal_born_and_lost_after_the_review_is_new_and_lost_and_one_lost_on_its_day_is_not() {
    let w = ws(
        vec![review("2026-11-16", &[])],
        vec![lost("after", "2026-11-17"), lost("same_day", "2026-11-16")],
    );
    let got = week(&w, d("2026-11-23"), Since::Latest).unwrap().unwrap();
    assert_eq!(got.changes.new, ["after"]);
    assert_eq!(got.changes.lost, ["after"]);
}
