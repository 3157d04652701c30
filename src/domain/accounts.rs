//! Key accounts (methodology section 5): the screening quadrant, the open
//! pipeline per account, and the warning signs the data can show.

use super::account_warnings::{AccountWarning, new_warnings};
use super::credit::{CreditStatus, credit_status};
use super::opportunity::Status;
use super::values::{Date, Money};
use super::words::{OutcomeResult, Tier};
use super::workspace::{Account, Opportunity, Workspace};
use chrono::Datelike;
use std::collections::HashMap;

/// The screening matrix (客户筛选矩阵): attractiveness against our advantage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    /// High and high: key account.
    Key,
    /// Attractive, weak position: develop.
    Develop,
    /// Strong position, less attractive: maintain.
    Maintain,
    /// Neither: opportunistic.
    Opportunistic,
}

impl Quadrant {
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::Key => "key",
            Quadrant::Develop => "develop",
            Quadrant::Maintain => "maintain",
            Quadrant::Opportunistic => "opportunistic",
        }
    }

    /// How the quadrant reads for people: `develop` in English, the
    /// course's 重点开发 in Chinese.
    pub fn label(self) -> &'static str {
        match crate::i18n::lang() {
            crate::i18n::Lang::En => self.as_str(),
            crate::i18n::Lang::Zh => self.chinese(),
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Quadrant::Key => "大客户",
            Quadrant::Develop => "重点开发",
            Quadrant::Maintain => "维持关系",
            Quadrant::Opportunistic => "机会主义",
        }
    }
}

/// Scores of 3 or more count as high; a missing score gives no quadrant.
pub fn quadrant(a: &Account) -> Option<Quadrant> {
    let (attr, adv) = (a.attractiveness?.0 >= 3, a.advantage?.0 >= 3);
    Some(match (attr, adv) {
        (true, true) => Quadrant::Key,
        (true, false) => Quadrant::Develop,
        (false, true) => Quadrant::Maintain,
        (false, false) => Quadrant::Opportunistic,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountFigures {
    pub open_count: usize,
    pub open_value: Money,
    pub open_weighted: Money,
    pub won_this_year: Money,
    pub won_last_year: Money,
    pub credit: CreditStatus,
    /// What the plan's pace asks to be won by today (spec section 11).
    pub expected_by_now: Option<Money>,
    /// Every warning sign, the five of spec section 11 first.
    pub warnings: Vec<AccountWarning>,
}

/// The figures and warnings of account `a` on `today`.
pub fn figures(ws: &Workspace, a: &Account, today: Date) -> AccountFigures {
    let deals: Vec<&Opportunity> = ws
        .opportunities
        .iter()
        .filter(|o| o.account == a.id)
        .collect();
    tally(ws, a, &deals, today)
}

/// The figures of every account, in the workspace's order, from one pass
/// over the opportunities (a screen of accounts would otherwise scan all
/// deals once per account, at every frame).
pub fn all_figures(ws: &Workspace, today: Date) -> Vec<AccountFigures> {
    let mut by_account: HashMap<&str, Vec<&Opportunity>> = HashMap::new();
    for o in &ws.opportunities {
        by_account.entry(o.account.as_str()).or_default().push(o);
    }
    ws.accounts
        .iter()
        .map(|a| {
            tally(
                ws,
                a,
                by_account
                    .get(a.id.as_str())
                    .map_or(&[][..], |d| d.as_slice()),
                today,
            )
        })
        .collect()
}

fn tally(ws: &Workspace, a: &Account, deals: &[&Opportunity], today: Date) -> AccountFigures {
    let mut f = AccountFigures::default();
    let year = today.0.year();
    let mut closed: Vec<(Date, OutcomeResult)> = Vec::new();
    for o in deals {
        match (o.status(), &o.outcome) {
            (Status::Open, _) => {
                f.open_count += 1;
                f.open_value += o.value;
                f.open_weighted += o.weighted(&ws.settings);
            }
            (_, Some(out)) => {
                closed.push((out.on, out.result));
                if out.result == OutcomeResult::Won {
                    if out.on.0.year() == year {
                        f.won_this_year += o.value;
                    } else if out.on.0.year() == year - 1 {
                        f.won_last_year += o.value;
                    }
                }
            }
            _ => {}
        }
    }
    f.credit = credit_status(a, today);
    f.expected_by_now = super::account_warnings::expected_by_now(a, today);
    f.warnings = new_warnings(a, &f.credit, f.won_this_year, today);
    let mut old = |rule: &'static str, message: String| {
        f.warnings.push(AccountWarning {
            rule,
            message,
            subject: None,
        })
    };
    if a.tier == Some(Tier::Key) && f.open_count == 0 {
        old(
            "no-open-opportunity",
            crate::i18n::t("key account with no open opportunity").into(),
        );
    }
    if f.won_this_year < f.won_last_year {
        old(
            "won-below-last-year",
            crate::tf!(
                "won this year {this} is below last year's {last}",
                this = f.won_this_year.grouped(),
                last = f.won_last_year.grouped()
            ),
        );
    }
    closed.sort_by_key(|c| c.0);
    let lost_in_a_row = closed
        .iter()
        .rev()
        .take_while(|c| c.1 == OutcomeResult::Lost)
        .count();
    if lost_in_a_row >= 2 {
        old(
            "lost-in-a-row",
            crate::tf!(
                "the last {lost_in_a_row} closed deals were lost",
                lost_in_a_row
            ),
        );
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Opportunity, Score, Stage};

    fn account(attr: Option<u8>, adv: Option<u8>) -> Account {
        Account {
            id: "a".into(),
            name: "A".into(),
            attractiveness: attr.map(Score),
            advantage: adv.map(Score),
            ..Default::default()
        }
    }

    #[test]
    fn the_quadrant_at_every_boundary() {
        assert_eq!(quadrant(&account(Some(3), Some(3))), Some(Quadrant::Key));
        assert_eq!(
            quadrant(&account(Some(3), Some(2))),
            Some(Quadrant::Develop)
        );
        assert_eq!(
            quadrant(&account(Some(2), Some(3))),
            Some(Quadrant::Maintain)
        );
        assert_eq!(
            quadrant(&account(Some(2), Some(2))),
            Some(Quadrant::Opportunistic)
        );
        assert_eq!(
            quadrant(&account(Some(5), Some(1))),
            Some(Quadrant::Develop)
        );
        assert_eq!(quadrant(&account(None, Some(5))), None);
        assert_eq!(quadrant(&account(Some(5), None)), None);
    }

    fn ws_with(deals: Vec<Opportunity>, tier: Option<Tier>) -> (Workspace, Account) {
        let mut ws = Workspace::new("", "");
        let a = Account {
            tier,
            ..account(Some(4), Some(4))
        };
        ws.accounts.push(a.clone());
        ws.opportunities = deals;
        (ws, a)
    }

    fn deal(id: &str, value: i64, outcome: Option<(OutcomeResult, &str)>) -> Opportunity {
        let mut o = Opportunity {
            id: id.into(),
            account: "a".into(),
            value: Money::from_units(value),
            stage: Stage::Drive,
            ..Default::default()
        };
        if let Some((r, on)) = outcome {
            o.close(r, Date::parse(on).unwrap(), "");
        }
        o
    }

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    #[test]
    fn open_pipeline_ignores_closed_deals() {
        let (ws, a) = ws_with(
            vec![
                deal("o", 100, None),
                deal("w", 900, Some((OutcomeResult::Won, "2026-05-01"))),
                deal("l", 50, Some((OutcomeResult::Lost, "2026-06-01"))),
            ],
            None,
        );
        let f = figures(&ws, &a, today());
        assert_eq!(
            (f.open_count, f.open_value, f.open_weighted),
            (1, Money::from_units(100), Money::from_units(25))
        );
        assert_eq!(f.won_this_year, Money::from_units(900));
    }

    #[test]
    fn a_key_account_with_no_open_opportunity_warns() {
        let (ws, a) = ws_with(
            vec![deal("w", 900, Some((OutcomeResult::Won, "2026-05-01")))],
            Some(Tier::Key),
        );
        assert!(
            figures(&ws, &a, today())
                .warnings
                .iter()
                .any(|w| w.message.contains("no open opportunity"))
        );
        let (ws, a) = ws_with(vec![deal("o", 1, None)], Some(Tier::Key));
        assert!(figures(&ws, &a, today()).warnings.is_empty());
        let (ws, a) = ws_with(vec![], Some(Tier::Regular));
        assert!(
            figures(&ws, &a, today()).warnings.is_empty(),
            "only key accounts"
        );
    }

    #[test]
    fn won_this_year_below_last_year_warns() {
        let (ws, a) = ws_with(
            vec![
                deal("o", 1, None),
                deal("w1", 500, Some((OutcomeResult::Won, "2025-03-01"))),
                deal("w2", 400, Some((OutcomeResult::Won, "2026-03-01"))),
            ],
            None,
        );
        assert!(
            figures(&ws, &a, today())
                .warnings
                .iter()
                .any(|w| w.message.contains("below last year's 500"))
        );
        let (ws, a) = ws_with(
            vec![
                deal("w1", 500, Some((OutcomeResult::Won, "2025-03-01"))),
                deal("w2", 500, Some((OutcomeResult::Won, "2026-03-01"))),
            ],
            None,
        );
        assert!(
            figures(&ws, &a, today()).warnings.is_empty(),
            "equal is not below"
        );
    }

    #[test]
    fn two_lost_in_a_row_warns_but_a_win_between_does_not() {
        let lost = |id: &str, on: &str| deal(id, 10, Some((OutcomeResult::Lost, on)));
        let (ws, a) = ws_with(
            vec![
                deal("w", 10, Some((OutcomeResult::Won, "2026-01-01"))),
                lost("l1", "2026-02-01"),
                lost("l2", "2026-03-01"),
            ],
            None,
        );
        assert!(
            figures(&ws, &a, today())
                .warnings
                .iter()
                .any(|w| w.message.contains("last 2 closed deals were lost"))
        );
        let (ws, a) = ws_with(
            vec![
                lost("l1", "2026-02-01"),
                deal("w", 10, Some((OutcomeResult::Won, "2026-02-15"))),
                lost("l2", "2026-03-01"),
            ],
            None,
        );
        assert!(figures(&ws, &a, today()).warnings.is_empty());
    }
}
