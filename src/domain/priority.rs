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
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn funnel_place(stage: Stage) -> (f64, &'static str) {
    match stage {
        Stage::Close => (12.0, "best few: close"),
        Stage::Negotiate => (10.0, "best few: negotiate"),
        Stage::Qualify => (6.0, "above the funnel: qualify (keep it fed)"),
        Stage::Drive => (4.0, "in the funnel: drive"),
        Stage::Propose => (4.0, "in the funnel: propose"),
    }
}

fn urgency(due: Option<Date>, today: Date) -> (f64, String) {
    match due {
        None => (2.0, "no due date".into()),
        Some(d) => {
            let days = today.days_until(d);
            if days < 0 {
                let late = -days;
                (
                    (12.0 + 0.5 * late as f64).min(20.0),
                    format!("overdue by {late} days"),
                )
            } else if days == 0 {
                (12.0, "due today".into())
            } else if days < 14 {
                (
                    12.0 * (14 - days) as f64 / 14.0,
                    format!("due in {days} days"),
                )
            } else {
                (0.0, format!("due in {days} days"))
            }
        }
    }
}

/// The points every entry of a deal shares: its place in the funnel, its
/// weighted value and its risk.
fn deal_points(ws: &Workspace, o: &Opportunity, high_flags: usize) -> Vec<Why> {
    let (place, label) = funnel_place(o.stage);
    let weighted = o.weighted(&ws.settings).cents() as f64 / 100.0;
    let value = (2.0 * (1.0 + weighted / 10_000.0).ln()).min(10.0);
    let risk = (2.0 * high_flags as f64).min(6.0);
    vec![
        Why {
            factor: label.to_owned(),
            points: round(place),
        },
        Why {
            factor: format!("weighted value {}", o.weighted(&ws.settings).grouped()),
            points: round(value),
        },
        Why {
            factor: format!("risk: {high_flags} high-severity red flags"),
            points: round(risk),
        },
    ]
}

/// Whether an open action already deals with `flag`.
pub fn addresses(action: &Action, flag: &Flag) -> bool {
    action.is_open()
        && (flag.subject.is_some()
            && (flag.subject == action.influence
                || flag.subject.as_deref() == Some(action.id.as_str()))
            || action.text == flag.suggestion)
}

fn entry(
    opportunity: usize,
    shared: &[Why],
    own: Vec<Why>,
    action: Option<&Action>,
    text: String,
    flag: Option<&Flag>,
) -> Entry {
    let why: Vec<Why> = shared
        .iter()
        .cloned()
        .chain(own)
        .filter(|w| w.points != 0.0)
        .collect();
    let score = round(why.iter().map(|w| w.points).sum());
    Entry {
        opportunity,
        action: action.map(|a| a.id.clone()),
        due: action.and_then(|a| a.due),
        text,
        flag: flag.map(|f| (f.rule, f.subject.clone())),
        score,
        why,
    }
}

/// The whole list, highest score first (ties: earlier due, then file order).
pub fn list(ws: &Workspace, today: Date) -> Vec<Entry> {
    let mut out = super::parallel::flat_map(&ws.opportunities, |n, o| {
        let mut out = Vec::new();
        if !o.is_open() {
            return out;
        }
        let high: Vec<Flag> = flags::visible(o, &ws.settings, today)
            .into_iter()
            .filter(|f| f.severity == Severity::High)
            .collect();
        let shared = deal_points(ws, o, high.len());
        for a in o.actions.iter().filter(|a| a.is_open()) {
            let (points, label) = urgency(a.due, today);
            let age = a.created.map_or(0, |c| c.days_until(today).max(0));
            let own = vec![
                Why {
                    factor: label,
                    points: round(points),
                },
                Why {
                    factor: format!("age: {age} days"),
                    points: round((0.1 * age as f64).min(3.0)),
                },
            ];
            out.push(entry(n, &shared, own, Some(a), a.text.clone(), None));
        }
        for f in high
            .iter()
            .filter(|f| !o.actions.iter().any(|a| addresses(a, f)))
        {
            let own = vec![Why {
                factor: format!("suggested by the red flag {}", f.rule),
                points: 6.0,
            }];
            out.push(entry(n, &shared, own, None, f.suggestion.clone(), Some(f)));
        }
        out
    });
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.due.is_none().cmp(&b.due.is_none()))
            .then(a.due.cmp(&b.due))
            .then(a.opportunity.cmp(&b.opportunity))
    });
    out
}
