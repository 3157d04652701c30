//! Edits of the buyer-influence map.

use super::{Edit, Refusal, on_opportunity};
use crate::domain::ids::next_id;
use crate::domain::influence::would_loop;
use crate::domain::{
    Attitude, Coverage, Date, Days, DecisionRole, Focus, Influence, InfluenceId, Level, Mode,
    OpportunityId, Role, SocialStyle, Workspace,
};
use crate::i18n::t;
use crate::tf;

/// The coverage levels as the user reads them, 0 to 3.
pub const COVERAGE: [&str; 4] = [
    "0 never met",
    "1 introduction",
    "2 one-to-one",
    "3 quality time",
];

/// What the user gives for a buying influence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InfluenceFields {
    pub name: String,
    pub title: String,
    pub roles: Vec<Role>,
    pub decision_role: Option<DecisionRole>,
    pub attitude: Attitude,
    pub mode: Mode,
    pub influence: Option<Level>,
    pub coverage: Coverage,
    pub focus: Option<Focus>,
    pub social_style: Option<SocialStyle>,
    /// Another buying influence of the same deal.
    pub reports_to: Option<InfluenceId>,
    pub win: String,
    pub result: String,
    pub last_contact: Option<Date>,
    pub email: String,
    pub phone: String,
    /// Days between contacts; `None`: the settings' for their influence.
    pub cadence_days: Option<Days>,
}

/// One quick key on a person of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickEdit {
    CycleAttitude,
    CycleMode,
    CycleCoverage,
    CycleInfluence,
    /// Records a contact today.
    ContactToday,
}

pub fn add_influence(ws: &Workspace, opp: &OpportunityId, fields: InfluenceFields) -> Edit {
    on_opportunity(ws, opp, |o| {
        let id = next_id("i", o.influences.iter().map(|p| p.id.as_str()));
        let p = Influence {
            id,
            ..Influence::default()
        };
        let p = fill(&o.influences, p, fields)?;
        let label = tf!(
            "{name} added to {deal}",
            name = p.name,
            deal = super::called(&o.title)
        );
        o.influences.push(p);
        Ok(label)
    })
}

pub fn edit_influence(
    ws: &Workspace,
    opp: &OpportunityId,
    person: &InfluenceId,
    fields: InfluenceFields,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let at = o
            .influences
            .iter()
            .position(|p| person.is(p))
            .ok_or(Refusal::Gone("person"))?;
        let p = fill(&o.influences, o.influences[at].clone(), fields)?;
        let label = tf!("{name} edited", name = p.name);
        o.influences[at] = p;
        Ok(label)
    })
}

/// `p` with `fields`, refused when the boss is not in `people` or when the
/// reports-to line would close a loop.
fn fill(people: &[Influence], mut p: Influence, f: InfluenceFields) -> Result<Influence, Refusal> {
    if let Some(boss) = &f.reports_to {
        let Some(b) = people.iter().find(|x| boss.is(x)) else {
            return Err(Refusal::Gone("person"));
        };
        if would_loop(people, &p.id, &b.id) {
            return Err(Refusal::Invalid(tf!(
                "{name} cannot report to {boss}: that closes a loop in the power lines",
                name = f.name,
                boss = b.name
            )));
        }
    }
    p.name = f.name;
    p.title = f.title;
    p.roles = f.roles;
    p.decision_role = f.decision_role;
    p.attitude = f.attitude;
    p.mode = f.mode;
    p.influence = f.influence;
    p.coverage = f.coverage;
    p.focus = f.focus;
    p.social_style = f.social_style;
    p.reports_to = f.reports_to.map(|b| b.as_str().to_owned());
    p.win = f.win;
    p.result = f.result;
    p.last_contact = f.last_contact;
    p.email = f.email.trim().to_owned();
    p.phone = f.phone.trim().to_owned();
    p.cadence_days = f.cadence_days;
    Ok(p)
}

/// Removes a person; those who reported to them now report to their boss,
/// and actions linked to them keep their text but lose the link.
pub fn delete_influence(ws: &Workspace, opp: &OpportunityId, person: &InfluenceId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let at = o
            .influences
            .iter()
            .position(|p| person.is(p))
            .ok_or(Refusal::Gone("person"))?;
        let gone = o.influences.remove(at);
        for p in &mut o.influences {
            if p.reports_to.as_deref() == Some(person.as_str()) {
                p.reports_to = gone.reports_to.clone();
            }
        }
        for a in &mut o.actions {
            if a.influence.as_deref() == Some(person.as_str()) {
                a.influence = None;
            }
        }
        // a criterion they held is nobody's now, not a reference to no one
        for k in &mut o.decision_criteria {
            if k.held_by.as_deref() == Some(person.as_str()) {
                k.held_by = None;
            }
        }
        Ok(tf!("{name} removed", name = gone.name))
    })
}

/// Cycles attitude, mode, coverage or influence of a person, or records a
/// contact today (refused as unchanged when already recorded today).
pub fn quick_edit(
    ws: &Workspace,
    opp: &OpportunityId,
    person: &InfluenceId,
    edit: QuickEdit,
    today: Date,
) -> Edit {
    fn next<T: Copy + PartialEq>(all: &[T], now: T) -> T {
        let at = all.iter().position(|v| *v == now).unwrap_or(0);
        all[(at + 1) % all.len()]
    }
    on_opportunity(ws, opp, |o| {
        let p = o
            .influences
            .iter_mut()
            .find(|p| person.is(p))
            .ok_or(Refusal::Gone("person"))?;
        let what = match edit {
            QuickEdit::CycleAttitude => {
                p.attitude = next(Attitude::ALL, p.attitude);
                tf!(
                    "attitude {symbol} {attitude}",
                    symbol = p.attitude.symbol(),
                    attitude = p.attitude.shown()
                )
            }
            QuickEdit::CycleMode => {
                p.mode = next(Mode::ALL, p.mode);
                tf!("mode {mode}", mode = p.mode.shown())
            }
            QuickEdit::CycleCoverage => {
                p.coverage = Coverage((p.coverage.0 + 1) % 4);
                tf!(
                    "coverage {coverage}",
                    coverage = t(COVERAGE[p.coverage.0 as usize])
                )
            }
            QuickEdit::CycleInfluence => {
                p.influence = match p.influence {
                    None => Some(Level::High),
                    Some(Level::High) => Some(Level::Medium),
                    Some(Level::Medium) => Some(Level::Low),
                    Some(Level::Low) => None,
                };
                tf!(
                    "influence {level}",
                    level = p
                        .influence
                        .map_or_else(|| t("not assessed").to_owned(), |l| l.shown())
                )
            }
            QuickEdit::ContactToday => {
                p.last_contact = Some(today);
                t("contact recorded today").to_owned()
            }
        };
        Ok(tf!("{name}: {what}", name = p.name, what))
    })
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
