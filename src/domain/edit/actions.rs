//! Edits of a deal's actions.

use super::{Edit, Refusal, on_opportunity};
use crate::domain::ids::next_id;
use crate::domain::priority::Entry;
use crate::domain::{
    Action, ActionId, ActionKind, Date, InfluenceId, Opportunity, OpportunityId, TimeOfDay,
    Workspace,
};
use crate::tf;

/// What the user gives for an action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionFields {
    pub text: String,
    pub due: Option<Date>,
    /// The buying influence of the same deal it is about, if any.
    pub with: Option<InfluenceId>,
    pub kind: Option<ActionKind>,
    /// The time on its due date.
    pub at: Option<TimeOfDay>,
    /// Who on our side does it; blank: the deal's owner.
    pub owner: String,
}

impl ActionFields {
    /// Writes the fields into `a` (the person already checked).
    fn fill(self, a: &mut Action, influence: Option<String>) -> Result<(), Refusal> {
        if self.at.is_some() && self.due.is_none() {
            return Err(Refusal::Invalid(
                crate::i18n::t("a time needs a date: give the action a due date too").into(),
            ));
        }
        a.text = self.text;
        a.due = self.due;
        a.influence = influence;
        a.kind = self.kind;
        a.at = self.at;
        let owner = self.owner.trim();
        a.owner = (!owner.is_empty()).then(|| owner.to_owned());
        Ok(())
    }
}

/// The id of the person `with` names in `o`; refused when they are gone.
fn person(o: &Opportunity, with: Option<InfluenceId>) -> Result<Option<String>, Refusal> {
    match with {
        None => Ok(None),
        Some(id) if o.influences.iter().any(|p| id.is(p)) => Ok(Some(id.as_str().to_owned())),
        Some(_) => Err(Refusal::Gone("person")),
    }
}

pub fn add_action(ws: &Workspace, opp: &OpportunityId, fields: ActionFields, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let influence = person(o, fields.with.clone())?;
        let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
        let mut a = Action {
            id,
            created: Some(today),
            ..Default::default()
        };
        fields.fill(&mut a, influence)?;
        o.actions.push(a);
        Ok(tf!(
            "action {action} added",
            action = super::called(&o.actions[o.actions.len() - 1].text)
        ))
    })
}

pub fn edit_action(
    ws: &Workspace,
    opp: &OpportunityId,
    action: &ActionId,
    fields: ActionFields,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let influence = person(o, fields.with.clone())?;
        let a = find(o, action)?;
        fields.fill(a, influence)?;
        Ok(tf!(
            "action {action} edited",
            action = super::called(&a.text)
        ))
    })
}

pub(super) fn find<'a>(o: &'a mut Opportunity, id: &ActionId) -> Result<&'a mut Action, Refusal> {
    o.actions
        .iter_mut()
        .find(|a| id.is(a))
        .ok_or(Refusal::Gone("action"))
}

/// Marks an action done today, or open again when it was done.
pub fn toggle_done(ws: &Workspace, opp: &OpportunityId, action: &ActionId, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let a = find(o, action)?;
        a.done = match a.done {
            None => Some(today),
            Some(_) => None,
        };
        Ok(if a.done.is_some() {
            tf!("{action}: done", action = a.text)
        } else {
            tf!("{action}: open again", action = a.text)
        })
    })
}

pub fn delete_action(ws: &Workspace, opp: &OpportunityId, action: &ActionId) -> Edit {
    on_opportunity(ws, opp, |o| {
        let at = o
            .actions
            .iter()
            .position(|a| action.is(a))
            .ok_or(Refusal::Gone("action"))?;
        let gone = o.actions.remove(at);
        Ok(tf!(
            "action {action} deleted",
            action = super::called(&gone.text)
        ))
    })
}

/// Moves an action to `due`.
pub fn reschedule(ws: &Workspace, opp: &OpportunityId, action: &ActionId, due: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let a = find(o, action)?;
        a.due = Some(due);
        Ok(tf!("{action} due {due}", action = a.text, due))
    })
}

/// A suggestion of the action list (from a red flag) made an action on its
/// deal `opp`, due tomorrow.
pub fn add_suggestion(ws: &Workspace, opp: &OpportunityId, entry: &Entry, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
        let subject = entry.flag.as_ref().and_then(|(_, s)| s.clone());
        let influence = subject.filter(|s| o.influences.iter().any(|p| &p.id == s));
        o.actions.push(Action {
            id: id.clone(),
            text: entry.text.clone(),
            due: Some(today.plus_days(1)),
            influence,
            created: Some(today),
            ..Default::default()
        });
        Ok(tf!(
            "action {action} added to {deal}",
            action = super::called(&entry.text),
            deal = super::called(&o.title)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, today, ws};
    use super::*;

    fn ids() -> (OpportunityId, ActionId) {
        (OpportunityId::new("o1"), ActionId::new("t1"))
    }

    #[test]
    fn done_toggles_between_today_and_open() {
        let ws = ws();
        let (o, t) = ids();
        let c = toggle_done(&ws, &o, &t, today()).unwrap();
        assert_eq!(c.label, "call: done");
        let done = after(&ws, &c);
        assert_eq!(done.opportunities[0].actions[0].done, Some(today()));
        let c = toggle_done(&done, &o, &t, today()).unwrap();
        assert_eq!(c.label, "call: open again");
        assert_eq!(after(&done, &c), ws);
    }

    #[test]
    fn reschedule_to_the_same_day_changes_nothing() {
        let ws = ws();
        let (o, t) = ids();
        let due = today().plus_days(3);
        let c = reschedule(&ws, &o, &t, due).unwrap();
        assert_eq!(c.label, format!("call due {due}"));
        let moved = after(&ws, &c);
        assert_eq!(moved.opportunities[0].actions[0].due, Some(due));
        assert_eq!(reschedule(&moved, &o, &t, due), Err(Refusal::Unchanged));
        let gone = ActionId::new("t9");
        assert_eq!(
            reschedule(&ws, &o, &gone, due),
            Err(Refusal::Gone("action"))
        );
    }

    #[test]
    fn an_action_is_only_about_a_person_of_its_deal() {
        let ws = ws();
        let (o, _) = ids();
        let fields = |with: &str| ActionFields {
            text: "demo".into(),
            due: None,
            with: Some(InfluenceId::new(with)),
            ..ActionFields::default()
        };
        assert_eq!(
            add_action(&ws, &o, fields("i9"), today()),
            Err(Refusal::Gone("person"))
        );
        let c = add_action(&ws, &o, fields("i3"), today()).unwrap();
        assert_eq!(c.label, "action \"demo\" added");
        let a = &after(&ws, &c).opportunities[0].actions[1];
        assert_eq!(
            (a.influence.as_deref(), a.created),
            (Some("i3"), Some(today()))
        );
    }
}
