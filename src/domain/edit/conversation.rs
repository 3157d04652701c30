//! Edits of conversations (spec section 10): an action's call plan (the
//! Green Sheet), and marking a call, meeting or visit done with its
//! debrief, which writes the deal's log and the person's last contact.

use super::{Edit, Refusal, on_opportunity};
use crate::domain::conversation::{debrief_text, tidy_plan};
use crate::domain::ids::next_id;
use crate::domain::{
    Action, ActionId, ActionKind, CallPlan, Commitment, Date, Debrief, LogEntry, OpportunityId,
    Workspace,
};
use crate::i18n::t;
use crate::tf;

/// Sets (or, when `plan` says nothing, clears) an action's call plan.
pub fn set_call_plan(
    ws: &Workspace,
    opp: &OpportunityId,
    action: &ActionId,
    plan: CallPlan,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let a = super::actions::find(o, action)?;
        a.plan = tidy_plan(plan);
        Ok(match a.plan {
            Some(_) => tf!(
                "call plan of {action} saved",
                action = super::called(&a.text)
            ),
            None => tf!(
                "call plan of {action} cleared",
                action = super::called(&a.text)
            ),
        })
    })
}

/// What the user says when a conversation is done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DebriefFields {
    pub learned: String,
    pub commitment: Commitment,
    /// The next step agreed; written, it becomes a new action.
    pub next: String,
    /// When the next step is due.
    pub next_due: Option<Date>,
}

/// Marks an open action done today with its debrief: the debrief (unless
/// blank) is kept on the action and written to the deal's log; the person
/// a call, meeting, visit or email was with was heard from today; a next
/// step typed becomes a new action with the same person and owner. One
/// change: one undo takes it all back.
pub fn complete_conversation(
    ws: &Workspace,
    opp: &OpportunityId,
    action: &ActionId,
    f: DebriefFields,
    today: Date,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let at = o
            .actions
            .iter()
            .position(|a| action.is(a))
            .ok_or(Refusal::Gone("action"))?;
        if o.actions[at].done.is_some() {
            return Err(Refusal::Invalid(tf!(
                "{action} is already done",
                action = super::called(&o.actions[at].text)
            )));
        }
        let next = f.next.trim().to_owned();
        if next.is_empty() && f.next_due.is_some() {
            return Err(Refusal::Invalid(
                t("a next step's date needs the step: say what is to be done").into(),
            ));
        }
        if f.next_due.is_some_and(|d| d < today) {
            return Err(Refusal::Invalid(
                t("the next step cannot be due in the past: give today or a later date").into(),
            ));
        }
        // an action reopened and done again keeps what its first debrief
        // said, unless this one says otherwise (a blank form loses nothing)
        let before = o.actions[at].debrief.clone();
        let old = before.clone().unwrap_or_default();
        let learned = f.learned.trim();
        let debrief = Debrief {
            learned: if learned.is_empty() {
                old.learned.clone()
            } else {
                learned.to_owned()
            },
            commitment: match f.commitment {
                Commitment::Nothing => old.commitment,
                said => said,
            },
            next: if next.is_empty() {
                old.next.clone()
            } else {
                next.clone()
            },
            extra: old.extra.clone(),
        };
        let a = &mut o.actions[at];
        a.done = Some(today);
        a.debrief = (!debrief.is_blank()).then_some(debrief);
        let a = o.actions[at].clone();
        // the log hears of it when something new was said
        let news = a.debrief.is_some() && a.debrief != before;
        let person = a
            .influence
            .as_deref()
            .and_then(|id| o.influences.iter().position(|p| p.id == id));
        let contact = a.kind.is_some_and(ActionKind::is_contact);
        if let (Some(i), true) = (person, contact) {
            o.influences[i].heard_from(today);
        }
        if let Some(d) = a.debrief.as_ref().filter(|_| news) {
            let text = debrief_text(&a, person.map(|i| &o.influences[i]), d);
            o.log.push(LogEntry {
                on: today,
                text,
                ..LogEntry::default()
            });
        }
        if !next.is_empty() {
            let id = next_id("t", o.actions.iter().map(|x| x.id.as_str()));
            o.actions.push(Action {
                id,
                text: next,
                due: f.next_due,
                influence: a.influence.clone(),
                owner: a.owner.clone(),
                created: Some(today),
                ..Action::default()
            });
        }
        Ok(match &a.debrief {
            Some(_) => tf!(
                "{action}: done and debriefed",
                action = super::called(&a.text)
            ),
            None => tf!("{action}: done", action = a.text),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, today, ws};
    use super::*;

    fn ids() -> (OpportunityId, ActionId) {
        (OpportunityId::new("o1"), ActionId::new("t1"))
    }

    fn meeting(ws: &mut Workspace) {
        let a = &mut ws.opportunities[0].actions[0];
        a.kind = Some(ActionKind::Meeting);
        a.owner = Some("Zhang".into());
    }

    #[test]
    fn a_debrief_logs_the_talk_dates_the_person_and_adds_the_next_step() {
        let mut ws = ws();
        meeting(&mut ws);
        ws.opportunities[0].influences[1].last_contact = Some(today().plus_days(-40));
        let (o, a) = ids();
        let f = DebriefFields {
            learned: " Budget approved ".into(),
            commitment: Commitment::Minimum,
            next: "Send the pilot order".into(),
            next_due: Some(today().plus_days(3)),
        };
        let c = complete_conversation(&ws, &o, &a, f, today()).unwrap();
        assert_eq!(c.label, "\"call\": done and debriefed");
        let new = after(&ws, &c);
        let deal = &new.opportunities[0];
        let done = &deal.actions[0];
        assert_eq!(done.done, Some(today()));
        let d = done.debrief.as_ref().unwrap();
        assert_eq!(
            (d.learned.as_str(), d.commitment, d.next.as_str()),
            (
                "Budget approved",
                Commitment::Minimum,
                "Send the pilot order"
            )
        );
        assert_eq!(deal.influences[1].last_contact, Some(today()));
        let log = deal.log.last().unwrap();
        assert_eq!(log.on, today());
        assert_eq!(
            log.text,
            "Meeting with name i2: Budget approved; commitment: minimum; next: Send the pilot order"
        );
        let follow = &deal.actions[1];
        assert_eq!(
            (
                follow.text.as_str(),
                follow.due,
                follow.influence.as_deref(),
                follow.owner.as_deref(),
                follow.done
            ),
            (
                "Send the pilot order",
                Some(today().plus_days(3)),
                Some("i2"),
                Some("Zhang"),
                None
            )
        );
        // one undo takes it all back
        let mut back = new.clone();
        c.revert(&mut back);
        assert_eq!(back, ws);
        // and it cannot be done twice
        assert!(matches!(
            complete_conversation(&new, &o, &a, DebriefFields::default(), today()),
            Err(Refusal::Invalid(_))
        ));
    }

    #[test]
    fn done_without_words_dates_the_person_and_writes_no_log() {
        let mut ws = ws();
        meeting(&mut ws);
        let later = today().plus_days(5);
        ws.opportunities[0].influences[1].last_contact = Some(later);
        let (o, a) = ids();
        let c = complete_conversation(&ws, &o, &a, DebriefFields::default(), today()).unwrap();
        let new = after(&ws, &c);
        let deal = &new.opportunities[0];
        assert_eq!(deal.actions[0].debrief, None);
        assert!(deal.log.is_empty());
        assert_eq!(
            deal.influences[1].last_contact,
            Some(later),
            "a later contact already recorded stays"
        );
        assert_eq!(deal.actions.len(), 1);
    }

    #[test]
    fn done_again_after_reopening_keeps_the_first_debrief_and_logs_only_news() {
        let mut ws = ws();
        meeting(&mut ws);
        let (o, a) = ids();
        let first = DebriefFields {
            learned: "Budget approved".into(),
            commitment: Commitment::Best,
            ..DebriefFields::default()
        };
        let c = complete_conversation(&ws, &o, &a, first, today()).unwrap();
        let mut ws = after(&ws, &c);
        // reopened by mistake (x on a done action)
        let c = super::super::toggle_done(&ws, &o, &a, today()).unwrap();
        ws = after(&ws, &c);
        let kept = ws.opportunities[0].actions[0].debrief.clone();
        assert!(kept.is_some());
        // done again with the form left blank: nothing is lost, no new log line
        let c = complete_conversation(&ws, &o, &a, DebriefFields::default(), today()).unwrap();
        let again = after(&ws, &c);
        assert_eq!(again.opportunities[0].actions[0].debrief, kept);
        assert_eq!(again.opportunities[0].log.len(), 1);
        // a new word replaces that part only, and is logged
        let more = DebriefFields {
            next: "Send the order form".into(),
            ..DebriefFields::default()
        };
        let c = complete_conversation(&ws, &o, &a, more, today()).unwrap();
        let again = after(&ws, &c);
        let d = again.opportunities[0].actions[0].debrief.as_ref().unwrap();
        assert_eq!(
            (d.learned.as_str(), d.commitment, d.next.as_str()),
            ("Budget approved", Commitment::Best, "Send the order form")
        );
        assert_eq!(again.opportunities[0].log.len(), 2);
    }

    #[test]
    fn a_task_done_is_no_contact_and_a_next_step_needs_words_and_a_future() {
        let mut ws = ws();
        ws.opportunities[0].actions[0].kind = Some(ActionKind::Task);
        let (o, a) = ids();
        let c = complete_conversation(&ws, &o, &a, DebriefFields::default(), today()).unwrap();
        assert_eq!(
            after(&ws, &c).opportunities[0].influences[1].last_contact,
            None
        );
        let dated = DebriefFields {
            next_due: Some(today()),
            ..DebriefFields::default()
        };
        assert!(complete_conversation(&ws, &o, &a, dated, today()).is_err());
        let past = DebriefFields {
            next: "x".into(),
            next_due: Some(today().plus_days(-1)),
            ..DebriefFields::default()
        };
        assert!(complete_conversation(&ws, &o, &a, past, today()).is_err());
    }

    #[test]
    fn a_blank_plan_is_cleared_not_kept() {
        let ws = ws();
        let (o, a) = ids();
        let plan = CallPlan {
            objective: "Agree the pilot scope".into(),
            ..CallPlan::default()
        };
        let c = set_call_plan(&ws, &o, &a, plan).unwrap();
        assert_eq!(c.label, "call plan of \"call\" saved");
        let new = after(&ws, &c);
        assert!(new.opportunities[0].actions[0].plan.is_some());
        let c = set_call_plan(&new, &o, &a, CallPlan::default()).unwrap();
        assert_eq!(c.label, "call plan of \"call\" cleared");
        assert_eq!(after(&new, &c), ws);
        assert_eq!(
            set_call_plan(&ws, &o, &a, CallPlan::default()),
            Err(Refusal::Unchanged)
        );
    }
}
