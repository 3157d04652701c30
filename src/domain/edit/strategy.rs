//! Edits of a deal's strategy, the Blue Sheet (spec section 9): the value
//! proposition, compelling event, decision process, strengths and team in
//! one form, and the competition, decision criteria and close plan one
//! entry at a time.

use super::{Edit, Refusal, called, on_opportunity};
use crate::domain::ids::next_id;
use crate::domain::strategy::name_key;
use crate::domain::{
    CompellingEvent, Competitor, CompetitorId, Criterion, CriterionId, CriterionKind, Date,
    InfluenceId, Opportunity, OpportunityId, PlanStep, Score, Side, Standing, StepId, TeamMember,
    ValueProposition, Workspace,
};
use crate::i18n::t;
use crate::tf;

/// The Blue Sheet's single fields, as the strategy form gives them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrategyFields {
    pub needs: String,
    pub benefits: String,
    pub differentiators: String,
    /// The compelling event; blank text and no date: none.
    pub event: String,
    pub event_on: Option<Date>,
    pub decision_process: String,
    pub strengths: Vec<String>,
    pub team: Vec<TeamMember>,
}

impl StrategyFields {
    /// The fields as the deal has them now.
    pub fn of(o: &Opportunity) -> StrategyFields {
        let vp = &o.value_proposition;
        let event = o.compelling_event.as_ref();
        StrategyFields {
            needs: vp.needs.clone(),
            benefits: vp.benefits.clone(),
            differentiators: vp.differentiators.clone(),
            event: event.map(|e| e.text.clone()).unwrap_or_default(),
            event_on: event.and_then(|e| e.on),
            decision_process: o.decision_process.clone(),
            strengths: o.strengths.clone(),
            team: o.team.clone(),
        }
    }
}

/// Sets the value proposition, compelling event, decision process,
/// strengths and team; fields this version does not know are kept.
pub fn set_strategy(ws: &Workspace, opp: &OpportunityId, f: StrategyFields) -> Edit {
    if f.event.trim().is_empty() && f.event_on.is_some() {
        return Err(Refusal::Invalid(
            t("a compelling event needs its words: what happens by that date").into(),
        ));
    }
    if f.team.iter().any(|m| m.name.trim().is_empty()) {
        return Err(Refusal::Invalid(
            t("a team member needs a name (Name: role)").into(),
        ));
    }
    on_opportunity(ws, opp, |o| {
        o.value_proposition = ValueProposition {
            needs: f.needs.trim().to_owned(),
            benefits: f.benefits.trim().to_owned(),
            differentiators: f.differentiators.trim().to_owned(),
            extra: std::mem::take(&mut o.value_proposition.extra),
        };
        let text = f.event.trim().to_owned();
        o.compelling_event = if text.is_empty() && f.event_on.is_none() {
            None
        } else {
            let extra = o
                .compelling_event
                .take()
                .map(|e| e.extra)
                .unwrap_or_default();
            Some(CompellingEvent {
                text,
                on: f.event_on,
                extra,
            })
        };
        o.decision_process = f.decision_process.trim().to_owned();
        o.strengths = f.strengths;
        // a member's unknown fields stay with the member of that name
        let mut before = std::mem::take(&mut o.team);
        o.team = f
            .team
            .into_iter()
            .map(|mut m| {
                if let Some(at) = before.iter().position(|b| b.name == m.name) {
                    m.extra = before.remove(at).extra;
                }
                m
            })
            .collect();
        Ok(tf!("strategy of {deal} changed", deal = called(&o.title)))
    })
}

/// A competitor as the competition form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompetitorFields {
    pub name: String,
    pub position: Standing,
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
}

/// A name no other entry of the deal has (the version-1 `competitors`
/// list is written from the names, and two of one name read as one).
fn unique_name(
    o: &Opportunity,
    name: &str,
    except: Option<&CompetitorId>,
) -> Result<String, Refusal> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::Invalid(t("a competitor needs a name").into()));
    }
    // the entry's own name, kept or respelt, is no clash (even where the
    // file already holds two entries that read as one)
    let own = except
        .and_then(|id| o.competition.iter().find(|c| id.is(c)))
        .is_some_and(|c| name_key(&c.name) == name_key(name));
    if !own && o.has_competitor(name) {
        return Err(Refusal::Invalid(tf!(
            "{name} is already in the competition",
            name = called(name)
        )));
    }
    Ok(name.to_owned())
}

pub fn add_competitor(ws: &Workspace, opp: &OpportunityId, f: CompetitorFields) -> Edit {
    on_opportunity(ws, opp, |o| {
        let name = unique_name(o, &f.name, None)?;
        let id = next_id("c", o.competition.iter().map(|c| c.id.as_str()));
        let label = tf!("competitor {name} added", name = called(&name));
        o.competition.push(Competitor {
            id,
            name,
            position: f.position,
            strengths: f.strengths,
            weaknesses: f.weaknesses,
            ..Competitor::default()
        });
        Ok(label)
    })
}

fn competitor<'a>(
    o: &'a mut Opportunity,
    id: &CompetitorId,
) -> Result<&'a mut Competitor, Refusal> {
    o.competition
        .iter_mut()
        .find(|c| id.is(c))
        .ok_or(Refusal::Gone("competitor"))
}

pub fn edit_competitor(
    ws: &Workspace,
    opp: &OpportunityId,
    id: &CompetitorId,
    f: CompetitorFields,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let name = unique_name(o, &f.name, Some(id))?;
        let c = competitor(o, id)?;
        c.name = name;
        c.position = f.position;
        c.strengths = f.strengths;
        c.weaknesses = f.weaknesses;
        Ok(tf!("competitor {name} edited", name = called(&c.name)))
    })
}

/// The competitor's position against us (ahead: they lead, and
/// `competitor-ahead` is raised), the next one: unknown → ahead → even →
/// behind → unknown.
pub fn cycle_position(ws: &Workspace, opp: &OpportunityId, id: &CompetitorId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let c = competitor(o, id)?;
        c.position = next_standing(c.position);
        Ok(tf!(
            "{name}'s position: {position}",
            name = called(&c.name),
            position = c.position.label()
        ))
    })
}

fn next_standing(s: Standing) -> Standing {
    match s {
        Standing::Unknown => Standing::Ahead,
        Standing::Ahead => Standing::Even,
        Standing::Even => Standing::Behind,
        Standing::Behind => Standing::Unknown,
    }
}

pub fn delete_competitor(ws: &Workspace, opp: &OpportunityId, id: &CompetitorId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let gone = take(&mut o.competition, |c| id.is(c), "competitor")?;
        Ok(tf!("competitor {name} removed", name = called(&gone.name)))
    })
}

/// Removes and returns the entry of `list` that `is` picks; refused as
/// gone (`what`) when there is none.
fn take<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool, what: &'static str) -> Result<T, Refusal> {
    let at = list.iter().position(is).ok_or(Refusal::Gone(what))?;
    Ok(list.remove(at))
}

/// A decision criterion as its form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CriterionFields {
    pub text: String,
    pub kind: Option<CriterionKind>,
    pub weight: Option<Score>,
    pub held_by: Option<InfluenceId>,
    pub standing: Standing,
}

fn holder(o: &Opportunity, who: Option<InfluenceId>) -> Result<Option<String>, Refusal> {
    match who {
        None => Ok(None),
        Some(id) if o.influences.iter().any(|p| id.is(p)) => Ok(Some(id.as_str().to_owned())),
        Some(_) => Err(Refusal::Gone("person")),
    }
}

fn required_text(text: &str, what: &'static str) -> Result<String, Refusal> {
    match text.trim() {
        "" => Err(Refusal::Invalid(t(what).into())),
        text => Ok(text.to_owned()),
    }
}

pub fn add_criterion(ws: &Workspace, opp: &OpportunityId, f: CriterionFields) -> Edit {
    on_opportunity(ws, opp, |o| {
        let text = required_text(&f.text, "a criterion needs its words")?;
        let held_by = holder(o, f.held_by)?;
        let id = next_id("k", o.decision_criteria.iter().map(|c| c.id.as_str()));
        let label = tf!("criterion {text} added", text = called(&text));
        o.decision_criteria.push(Criterion {
            id,
            text,
            kind: f.kind,
            weight: f.weight,
            held_by,
            standing: f.standing,
            ..Criterion::default()
        });
        Ok(label)
    })
}

fn criterion<'a>(o: &'a mut Opportunity, id: &CriterionId) -> Result<&'a mut Criterion, Refusal> {
    o.decision_criteria
        .iter_mut()
        .find(|c| id.is(c))
        .ok_or(Refusal::Gone("criterion"))
}

pub fn edit_criterion(
    ws: &Workspace,
    opp: &OpportunityId,
    id: &CriterionId,
    f: CriterionFields,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let text = required_text(&f.text, "a criterion needs its words")?;
        let held_by = holder(o, f.held_by)?;
        let c = criterion(o, id)?;
        c.text = text;
        c.kind = f.kind;
        c.weight = f.weight;
        c.held_by = held_by;
        c.standing = f.standing;
        Ok(tf!("criterion {text} edited", text = called(&c.text)))
    })
}

/// Where we stand on the criterion, the next one (as for a competitor).
pub fn cycle_standing(ws: &Workspace, opp: &OpportunityId, id: &CriterionId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let c = criterion(o, id)?;
        c.standing = next_standing(c.standing);
        Ok(tf!(
            "on {text}: {standing}",
            text = called(&c.text),
            standing = c.standing.label()
        ))
    })
}

pub fn delete_criterion(ws: &Workspace, opp: &OpportunityId, id: &CriterionId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let gone = take(&mut o.decision_criteria, |c| id.is(c), "criterion")?;
        Ok(tf!("criterion {text} removed", text = called(&gone.text)))
    })
}

/// A close-plan step as its form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepFields {
    pub text: String,
    pub side: Option<Side>,
    pub due: Option<Date>,
    pub done: Option<Date>,
}

/// A step is done on a day that has come: today or before.
fn done_by(f: &StepFields, today: Date) -> Result<(), Refusal> {
    match f.done {
        Some(d) if d > today => Err(Refusal::Invalid(tf!(
            "a step is done today or before, not on {date}: leave done empty until it is",
            date = d
        ))),
        _ => Ok(()),
    }
}

pub fn add_step(ws: &Workspace, opp: &OpportunityId, f: StepFields, today: Date) -> Edit {
    done_by(&f, today)?;
    on_opportunity(ws, opp, |o| {
        let text = required_text(&f.text, "a step needs its words")?;
        let id = next_id("s", o.close_plan.iter().map(|s| s.id.as_str()));
        let label = tf!("close plan step {text} added", text = called(&text));
        o.close_plan.push(PlanStep {
            id,
            text,
            side: f.side,
            due: f.due,
            done: f.done,
            ..PlanStep::default()
        });
        Ok(label)
    })
}

fn step<'a>(o: &'a mut Opportunity, id: &StepId) -> Result<&'a mut PlanStep, Refusal> {
    o.close_plan
        .iter_mut()
        .find(|s| id.is(s))
        .ok_or(Refusal::Gone("close plan step"))
}

pub fn edit_step(
    ws: &Workspace,
    opp: &OpportunityId,
    id: &StepId,
    f: StepFields,
    today: Date,
) -> Edit {
    done_by(&f, today)?;
    on_opportunity(ws, opp, |o| {
        let text = required_text(&f.text, "a step needs its words")?;
        let s = step(o, id)?;
        s.text = text;
        s.side = f.side;
        s.due = f.due;
        s.done = f.done;
        Ok(tf!("close plan step {text} edited", text = called(&s.text)))
    })
}

/// Marks the step done today, or open again when it was done.
pub fn toggle_step(ws: &Workspace, opp: &OpportunityId, id: &StepId, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let s = step(o, id)?;
        s.done = match s.done {
            None => Some(today),
            Some(_) => None,
        };
        Ok(if s.done.is_some() {
            tf!("{step}: done", step = s.text)
        } else {
            tf!("{step}: open again", step = s.text)
        })
    })
}

pub fn delete_step(ws: &Workspace, opp: &OpportunityId, id: &StepId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let gone = take(&mut o.close_plan, |s| id.is(s), "close plan step")?;
        Ok(tf!(
            "close plan step {text} removed",
            text = called(&gone.text)
        ))
    })
}
