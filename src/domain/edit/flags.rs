//! Edits of red flags: raised by hand, resolved, snoozed, turned into
//! actions.

use super::{Edit, Refusal, on_opportunity};
use crate::domain::flags::{Flag, Rule};
use crate::domain::ids::next_id;
use crate::domain::{Date, ManualFlag, ManualFlagId, OpportunityId, Snooze, Workspace};
use crate::i18n::t;
use crate::tf;

/// What the user gives for a red flag raised by hand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ManualFlagFields {
    pub text: String,
}

/// How long a computed flag is hidden, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnoozeFields {
    pub until: Date,
    pub reason: String,
}

pub fn raise_flag(
    ws: &Workspace,
    opp: &OpportunityId,
    fields: ManualFlagFields,
    today: Date,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let id = next_id("f", o.flags.iter().map(|f| f.id.as_str()));
        o.flags.push(ManualFlag {
            id: id.clone(),
            text: fields.text,
            raised: Some(today),
            ..Default::default()
        });
        Ok(tf!(
            "red flag {flag} raised",
            flag = super::called(&o.flags[o.flags.len() - 1].text)
        ))
    })
}

pub fn edit_flag(
    ws: &Workspace,
    opp: &OpportunityId,
    flag: &ManualFlagId,
    fields: ManualFlagFields,
) -> Edit {
    on_opportunity(ws, opp, |o| {
        let f = find(o, flag)?;
        f.text = fields.text;
        Ok(tf!("red flag {flag} edited", flag = super::called(&f.text)))
    })
}

fn find<'a>(
    o: &'a mut crate::domain::Opportunity,
    id: &ManualFlagId,
) -> Result<&'a mut ManualFlag, Refusal> {
    o.flags
        .iter_mut()
        .find(|f| id.is(f))
        .ok_or(Refusal::Gone("red flag"))
}

pub fn resolve_flag(ws: &Workspace, opp: &OpportunityId, flag: &ManualFlagId, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let f = find(o, flag)?;
        f.resolved = Some(today);
        Ok(tf!(
            "red flag {flag} resolved",
            flag = super::called(&f.text)
        ))
    })
}

/// Hides the computed flag `rule` (about `subject`) until a day, replacing
/// an earlier snooze of it; a snooze ending in the past is refused.
pub fn snooze(
    ws: &Workspace,
    opp: &OpportunityId,
    rule: Rule,
    subject: Option<&str>,
    fields: SnoozeFields,
    today: Date,
) -> Edit {
    if fields.until < today {
        return Err(Refusal::Invalid(
            t("a snooze ends today or later; the date given is past").into(),
        ));
    }
    on_opportunity(ws, opp, |o| {
        o.snoozed
            .retain(|s| !(s.rule == rule.as_str() && s.subject.as_deref() == subject));
        o.snoozed.push(Snooze {
            rule: rule.as_str().to_owned(),
            subject: subject.map(String::from),
            until: fields.until,
            reason: fields.reason,
            ..Default::default()
        });
        Ok(tf!(
            "{rule} snoozed until {until}",
            rule = rule.label(),
            until = fields.until
        ))
    })
}

/// Ends the snooze of a flag now.
pub fn wake(ws: &Workspace, opp: &OpportunityId, flag: &Flag) -> Edit {
    on_opportunity(ws, opp, |o| {
        o.snoozed
            .retain(|s| !(s.rule == flag.rule.as_str() && s.subject == flag.subject));
        Ok(tf!("{rule} no longer snoozed", rule = flag.rule.label()))
    })
}

/// The flag's suggestion as an open action due tomorrow, linked to the
/// person the flag is about.
pub fn action_from_flag(ws: &Workspace, opp: &OpportunityId, flag: &Flag, today: Date) -> Edit {
    on_opportunity(ws, opp, |o| {
        let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
        // only these rules are about a person; other subjects are action or flag ids
        let about_a_person = !matches!(flag.rule, Rule::OverdueAction | Rule::Manual);
        let influence = flag
            .subject
            .clone()
            .filter(|s| about_a_person && o.influences.iter().any(|p| &p.id == s));
        o.actions.push(crate::domain::Action {
            id: id.clone(),
            text: flag.suggestion.to_string(),
            due: Some(today.plus_days(1)),
            influence,
            created: Some(today),
            ..Default::default()
        });
        Ok(tf!(
            "action {action} added, due tomorrow",
            action = super::called(&flag.suggestion)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, today, ws};
    use super::*;

    fn until(days: i64) -> SnoozeFields {
        SnoozeFields {
            until: today().plus_days(days),
            reason: "holidays".into(),
        }
    }

    #[test]
    fn a_snooze_ending_in_the_past_is_refused() {
        let ws = ws();
        let o = OpportunityId::new("o1");
        let e = snooze(&ws, &o, Rule::Quiet, None, until(-1), today()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a snooze ends today or later; the date given is past"
        );
        assert!(snooze(&ws, &o, Rule::Quiet, None, until(0), today()).is_ok());
    }

    #[test]
    fn snoozing_again_replaces_the_earlier_snooze() {
        let ws = ws();
        let o = OpportunityId::new("o1");
        let c = snooze(&ws, &o, Rule::NoCoach, None, until(3), today()).unwrap();
        let ws = after(&ws, &c);
        let c = snooze(&ws, &o, Rule::NoCoach, None, until(9), today()).unwrap();
        assert_eq!(
            c.label,
            format!("no-coach snoozed until {}", today().plus_days(9))
        );
        let s = &after(&ws, &c).opportunities[0].snoozed;
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].until, today().plus_days(9));
    }

    #[test]
    fn a_raised_flag_is_edited_then_resolved() {
        let ws = ws();
        let o = OpportunityId::new("o1");
        let text = |t: &str| ManualFlagFields { text: t.into() };
        let c = raise_flag(&ws, &o, text("budget frozen"), today()).unwrap();
        let ws = after(&ws, &c);
        let f = ManualFlagId::new("f1");
        assert_eq!(
            edit_flag(&ws, &o, &f, text("budget frozen")),
            Err(Refusal::Unchanged)
        );
        let c = resolve_flag(&ws, &o, &f, today()).unwrap();
        assert_eq!(
            after(&ws, &c).opportunities[0].flags[0].resolved,
            Some(today())
        );
        let gone = ManualFlagId::new("f7");
        assert_eq!(
            resolve_flag(&ws, &o, &gone, today()),
            Err(Refusal::Gone("red flag"))
        );
    }
}
