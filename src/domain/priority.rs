//! The prioritised action list (spec section 4, methodology section 4):
//! every open action of every open deal, plus one suggested action for each
//! high-severity red flag that no open action addresses, ranked by a score
//! whose breakdown says why. Taskwarrior documents its urgency the same way.
//!
//! | factor | points |
//! |---|---|
//! | funnel place: best few first, then feed the funnel, then the middle | close 12, negotiate 10, qualify 6, drive 4, propose 4 |
//! | weighted value, damped so one giant deal does not bury the rest | 2 × ln(1 + weighted ÷ 10,000), at most 10 |
//! | risk: the deal's high-severity red flags | 2 each, at most 6 |
//! | due date | overdue: 12 + 0.5 a day late (at most 20); due today 12; due in d days: 12 × (14 − d) ÷ 14, nothing from 14 days; no date 2 |
//! | age of the action | 0.1 a day since it was created, at most 3 |
//! | a suggestion from a high-severity flag | 6 (in place of a due date) |
//!
//! An open action addresses a flag when the flag is about a person the
//! action is linked to, when the flag is about that very action (an overdue
//! one), or when its text is the flag's suggestion (as `Enter` on a flag
//! writes it).

use super::flags::{self, Flag, Rule, Severity};
use super::values::Date;
use super::words::Stage;
use super::workspace::{Action, Opportunity, Workspace};
use crate::i18n::t;
use crate::tf;

/// One line of a breakdown: a factor and its points (rounded to 0.01).
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub factor: String,
    pub points: f64,
}

/// One entry of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Index of the opportunity in the workspace.
    pub opportunity: usize,
    /// The action's id; `None` for a suggestion from a red flag.
    pub action: Option<String>,
    pub text: String,
    pub due: Option<Date>,
    /// For a suggestion: the flag it comes from.
    pub flag: Option<(Rule, Option<String>)>,
    pub score: f64,
    pub why: Vec<Why>,
}

impl Entry {
    pub fn suggested(&self) -> bool {
        self.action.is_none()
    }

    /// The action the entry is, on its deal `o` (a suggestion is none).
    pub fn action_on<'a>(&self, o: &'a Opportunity) -> Option<&'a Action> {
        let id = self.action.as_deref()?;
        o.actions.iter().find(|a| a.id == id)
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn funnel_place(stage: Stage) -> (f64, &'static str) {
    match stage {
        Stage::Close => (12.0, t("best few: close")),
        Stage::Negotiate => (10.0, t("best few: negotiate")),
        Stage::Qualify => (6.0, t("above the funnel: qualify (keep it fed)")),
        Stage::Drive => (4.0, t("in the funnel: drive")),
        Stage::Propose => (4.0, t("in the funnel: propose")),
    }
}

fn urgency(due: Option<Date>, today: Date) -> f64 {
    match due {
        None => 2.0,
        Some(d) => {
            let days = today.days_until(d);
            if days < 0 {
                (12.0 + 0.5 * -days as f64).min(20.0)
            } else if days == 0 {
                12.0
            } else if days < 14 {
                12.0 * (14 - days) as f64 / 14.0
            } else {
                0.0
            }
        }
    }
}

fn urgency_label(due: Option<Date>, today: Date) -> String {
    match due.map(|d| today.days_until(d)) {
        None => t("no due date").into(),
        Some(days) if days < 0 => tf!("overdue by {days}", days = crate::text::plain_days(-days)),
        Some(0) => t("due today").into(),
        Some(days) => tf!("due in {days}", days = crate::text::plain_days(days)),
    }
}

fn age(a: &Action, today: Date) -> i64 {
    a.created.map_or(0, |c| c.days_until(today).max(0))
}

/// The points every entry of a deal shares: its place in the funnel, its
/// weighted value and its risk (rounded, in breakdown order).
fn deal_points(ws: &Workspace, o: &Opportunity, high_flags: usize) -> [f64; 3] {
    let weighted = o.weighted(&ws.settings).cents() as f64 / 100.0;
    let value = (2.0 * (1.0 + weighted / 10_000.0).ln()).min(10.0);
    let risk = (2.0 * high_flags as f64).min(6.0);
    [round(funnel_place(o.stage).0), round(value), round(risk)]
}

fn deal_why(ws: &Workspace, o: &Opportunity, high_flags: usize) -> Vec<Why> {
    let [place, value, risk] = deal_points(ws, o, high_flags);
    vec![
        Why {
            factor: funnel_place(o.stage).1.to_owned(),
            points: place,
        },
        Why {
            factor: tf!(
                "weighted value {value}",
                value = o.weighted(&ws.settings).grouped()
            ),
            points: value,
        },
        Why {
            factor: tf!(
                "risk: {flags}",
                flags = crate::text::plain_count(
                    high_flags as i64,
                    "high-severity red flag",
                    "high-severity red flags"
                )
            ),
            points: risk,
        },
    ]
}

/// The score of a breakdown: the same sum, in the same order, whether the
/// breakdown's words are written yet or not.
fn score(points: impl Iterator<Item = f64>) -> f64 {
    round(points.filter(|p| *p != 0.0).sum())
}

/// Whether an open action already deals with `flag`.
pub fn addresses(action: &Action, flag: &Flag) -> bool {
    action.is_open()
        && (flag.subject.is_some()
            && (flag.subject == action.influence
                || flag.subject.as_deref() == Some(action.id.as_str()))
            || action.text == flag.suggestion)
}

/// An entry before its words are written: enough to rank it.
struct Candidate<'a> {
    opportunity: usize,
    /// The open action, or else the red flag it suggests acting on.
    item: Result<&'a Action, &'a Flag>,
    high_flags: usize,
    score: f64,
    due: Option<Date>,
}

fn candidates<'a>(ws: &'a Workspace, flags: &'a [Vec<Flag>], today: Date) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    for (n, o) in ws.opportunities.iter().enumerate() {
        if !o.is_open() {
            continue;
        }
        let high: Vec<&Flag> = flags[n]
            .iter()
            .filter(|f| f.severity == Severity::High)
            .collect();
        let shared = deal_points(ws, o, high.len());
        for a in o.actions.iter().filter(|a| a.is_open()) {
            let own = [
                round(urgency(a.due, today)),
                round((0.1 * age(a, today) as f64).min(3.0)),
            ];
            out.push(Candidate {
                opportunity: n,
                item: Ok(a),
                high_flags: high.len(),
                score: score(shared.iter().chain(&own).copied()),
                due: a.due,
            });
        }
        for f in high
            .iter()
            .filter(|f| !o.actions.iter().any(|a| addresses(a, f)))
        {
            out.push(Candidate {
                opportunity: n,
                item: Err(f),
                high_flags: high.len(),
                score: score(shared.iter().chain(&[SUGGESTION]).copied()),
                due: None,
            });
        }
    }
    out
}

/// The points of a suggestion from a high-severity flag.
const SUGGESTION: f64 = 6.0;

fn build(ws: &Workspace, c: &Candidate, today: Date) -> Entry {
    let o = &ws.opportunities[c.opportunity];
    let mut why = deal_why(ws, o, c.high_flags);
    let (action, text, flag) = match c.item {
        Ok(a) => {
            let days = age(a, today);
            why.push(Why {
                factor: urgency_label(a.due, today),
                points: round(urgency(a.due, today)),
            });
            why.push(Why {
                factor: tf!("age: {days}", days = crate::text::plain_days(days)),
                points: round((0.1 * days as f64).min(3.0)),
            });
            (Some(a.id.clone()), a.text.clone(), None)
        }
        Err(f) => {
            why.push(Why {
                factor: tf!("suggested by the red flag {rule}", rule = f.rule.label()),
                points: SUGGESTION,
            });
            (
                None,
                f.suggestion.to_string(),
                Some((f.rule, f.subject.clone())),
            )
        }
    };
    why.retain(|w| w.points != 0.0);
    let score = score(why.iter().map(|w| w.points));
    debug_assert_eq!(score.to_bits(), c.score.to_bits());
    Entry {
        opportunity: c.opportunity,
        action,
        due: c.due,
        text,
        flag,
        score,
        why,
    }
}

/// The whole list, highest score first (ties: earlier due, then file order).
pub fn list(ws: &Workspace, today: Date) -> Vec<Entry> {
    top(ws, today, usize::MAX)
}

/// The first `n` entries of [`list`], the others never written out.
pub fn top(ws: &Workspace, today: Date, n: usize) -> Vec<Entry> {
    ranked(ws, &ranking_flags(ws, today), today, n)
}

/// What [`ranked`] needs of every deal's visible red flags: the
/// high-severity ones (the others' words are never written).
pub fn ranking_flags(ws: &Workspace, today: Date) -> Vec<Vec<Flag>> {
    flags::all_visible_where(ws, today, &|s| s == Severity::High)
}

/// [`top`] with every deal's visible red flags already computed (as
/// [`flags::all_visible`] or, only the high-severity ones,
/// [`ranking_flags`] gives them), for a command that needs them for more
/// than the ranking.
pub fn ranked(ws: &Workspace, flags: &[Vec<Flag>], today: Date, n: usize) -> Vec<Entry> {
    let mut all = candidates(ws, flags, today);
    // File order is the last tie-break; with it the order is total, so
    // selecting the first n and sorting them gives what a stable sort of
    // the whole list gives.
    let order = |a: &(usize, Candidate), b: &(usize, Candidate)| {
        let (a, b) = ((a.0, &a.1), (b.0, &b.1));
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.1.due.is_none().cmp(&b.1.due.is_none()))
            .then(a.1.due.cmp(&b.1.due))
            .then(a.1.opportunity.cmp(&b.1.opportunity))
            .then(a.0.cmp(&b.0))
    };
    let mut all: Vec<(usize, Candidate)> = all.drain(..).enumerate().collect();
    if n < all.len() {
        if n > 0 {
            all.select_nth_unstable_by(n - 1, order);
        }
        all.truncate(n);
    }
    all.sort_unstable_by(order);
    all.iter().map(|(_, c)| build(ws, c, today)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_red_flag_is_one_flag() {
        let ws = Workspace::new("me", "EUR");
        let o = Opportunity::default();
        let risk = |n| deal_why(&ws, &o, n)[2].factor.clone();
        assert_eq!(risk(1), "risk: 1 high-severity red flag");
        assert_eq!(risk(3), "risk: 3 high-severity red flags");
    }
}
