//! The same edit on many records at once (issue 16, "act on many"): one
//! [`Change`] with a patch per deal, so one undo step and one save. A deal
//! the single edit would refuse (a closed one, one already in the last
//! stage) is skipped and counted, not a reason to refuse them all.

use super::{Change, Patch, Refusal, SnoozeFields};
use crate::domain::flags::{self, Rule};
use crate::domain::{
    ActionId, Date, ForecastCategory, Opportunity, OpportunityId, Snooze, Stage, Workspace,
};
use crate::i18n::t;
use crate::text::grouped;
use crate::tf;
use std::collections::HashMap;

/// A change made on many records, and how many were left out and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Bulk {
    pub change: Change,
    /// Records changed.
    pub done: usize,
    /// Won, lost or abandoned deals: not edited until reopened.
    pub closed: usize,
    /// Records the edit would not change (no stage further, already done).
    pub unchanged: usize,
    /// Records no longer in the workspace.
    pub gone: usize,
    /// Deals without what the edit is about (a bulk snooze: the rule).
    pub without: usize,
}

impl Bulk {
    fn new() -> Bulk {
        Bulk {
            change: Change::new(""),
            done: 0,
            closed: 0,
            unchanged: 0,
            gone: 0,
            without: 0,
        }
    }

    /// What was left out, for the status line: `2 closed skipped`.
    pub fn skipped(&self) -> String {
        let mut parts = Vec::new();
        if self.closed > 0 {
            parts.push(tf!("{n} closed skipped", n = grouped(self.closed)));
        }
        if self.without > 0 {
            parts.push(tf!("{n} without it skipped", n = grouped(self.without)));
        }
        if self.unchanged > 0 {
            parts.push(tf!("{n} unchanged", n = grouped(self.unchanged)));
        }
        if self.gone > 0 {
            parts.push(tf!("{n} gone", n = grouped(self.gone)));
        }
        parts.join(t(", "))
    }

    /// The change, or a refusal when nothing would change.
    pub fn into_edit(self) -> Result<Bulk, Refusal> {
        if self.done == 0 {
            return Err(match (self.closed, self.gone) {
                (0, 0) if self.without > 0 => {
                    Refusal::Invalid(tf!("nothing changed: {skipped}", skipped = self.skipped()))
                }
                (0, 0) => Refusal::Unchanged,
                (0, _) => Refusal::Gone("opportunity"),
                _ => Refusal::Invalid(tf!(
                    "nothing changed: {skipped}; a closed deal is not edited, reopen it first",
                    skipped = self.skipped()
                )),
            });
        }
        Ok(self)
    }
}

/// Position of every deal by id: a bulk edit looks up many ids, and a scan
/// per id at 10,000 deals would cost more than the edit.
fn positions(ws: &Workspace) -> HashMap<&str, usize> {
    ws.opportunities
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect()
}

/// The positions of the open deals among `ids`, each once, in the order
/// given; the ids of deals gone and of closed deals are counted in `bulk`.
fn open_deals(ws: &Workspace, ids: &[OpportunityId], bulk: &mut Bulk) -> Vec<usize> {
    let at = positions(ws);
    let mut seen = std::collections::HashSet::new();
    let mut open = Vec::new();
    for id in ids {
        let Some(&index) = at.get(id.as_str()) else {
            bulk.gone += 1;
            continue;
        };
        if !seen.insert(index) {
            continue;
        }
        if ws.opportunities[index].is_open() {
            open.push(index);
        } else {
            bulk.closed += 1;
        }
    }
    open
}

/// "1 deal", "1,050 deals".
fn deals(n: usize) -> String {
    crate::text::count(n as i64, "deal", "deals")
}

/// Each deal one stage forward (or back), today; the label names the stage
/// when all went to the same one.
pub fn move_stages(
    ws: &Workspace,
    ids: &[OpportunityId],
    forward: bool,
    today: Date,
) -> Result<Bulk, Refusal> {
    let mut bulk = Bulk::new();
    let mut targets: Vec<Stage> = Vec::new();
    for index in open_deals(ws, ids, &mut bulk) {
        let o = &ws.opportunities[index];
        let to = if forward {
            o.stage.next()
        } else {
            o.stage.previous()
        };
        let Some(to) = to else {
            bulk.unchanged += 1;
            continue;
        };
        let mut after = o.clone();
        after.set_stage(to, today);
        bulk.change = bulk.change.replace_opportunity(ws, index, after);
        bulk.done += 1;
        if !targets.contains(&to) {
            targets.push(to);
        }
    }
    if bulk.done == 0 && bulk.closed == 0 && bulk.unchanged > 0 {
        let end = if forward {
            Stage::Close
        } else {
            Stage::Qualify
        };
        return Err(Refusal::Invalid(tf!(
            "none moved: {deals} already in {end}",
            deals = deals(bulk.unchanged),
            end = end.label()
        )));
    }
    bulk.change.label = match targets.as_slice() {
        [one] => tf!(
            "moved {deals} to {stage}",
            deals = deals(bulk.done),
            stage = one.label()
        ),
        _ if forward => tf!("moved {deals} one stage forward", deals = deals(bulk.done)),
        _ => tf!("moved {deals} one stage back", deals = deals(bulk.done)),
    };
    bulk.into_edit()
}

/// Deletes the open deals; a closed one is skipped, as the workbench does
/// not delete one from its closed list either (it is the sale's record).
pub fn delete_opportunities(ws: &Workspace, ids: &[OpportunityId]) -> Result<Bulk, Refusal> {
    let at = positions(ws);
    let mut bulk = Bulk::new();
    let mut indices: Vec<usize> = Vec::new();
    for id in ids {
        match at.get(id.as_str()) {
            Some(&i) if ws.opportunities[i].is_open() => indices.push(i),
            Some(_) => bulk.closed += 1,
            None => bulk.gone += 1,
        }
    }
    indices.sort_unstable();
    indices.dedup();
    // the last first: each removal leaves the positions before it as they
    // were, and undo puts them back first to last
    for &index in indices.iter().rev() {
        bulk.change.patches.push(Patch::Opportunity {
            index,
            before: Some(ws.opportunities[index].clone()),
            after: None,
        });
    }
    bulk.done = indices.len();
    bulk.change.label = tf!("deleted {deals}", deals = deals(bulk.done));
    bulk.into_edit()
}

/// Applies `edit` to each named action, one patch per deal however many of
/// its actions are named; `edit` says whether it changed the action.
fn on_actions(
    ws: &Workspace,
    items: &[(OpportunityId, ActionId)],
    mut edit: impl FnMut(&mut crate::domain::Action) -> bool,
    mut finish: impl FnMut(&Opportunity, &mut Opportunity),
) -> Bulk {
    let at = positions(ws);
    let mut bulk = Bulk::new();
    let mut copies: Vec<(usize, Opportunity)> = Vec::new();
    let mut slots: HashMap<usize, usize> = HashMap::new();
    for (opp, action) in items {
        let Some(&index) = at.get(opp.as_str()) else {
            bulk.gone += 1;
            continue;
        };
        if !ws.opportunities[index].is_open() {
            bulk.closed += 1;
            continue;
        }
        let slot = *slots.entry(index).or_insert_with(|| {
            copies.push((index, ws.opportunities[index].clone()));
            copies.len() - 1
        });
        match copies[slot].1.actions.iter_mut().find(|a| action.is(a)) {
            None => bulk.gone += 1,
            Some(a) => {
                if edit(a) {
                    bulk.done += 1;
                } else {
                    bulk.unchanged += 1;
                }
            }
        }
    }
    for (index, mut after) in copies {
        finish(&ws.opportunities[index], &mut after);
        if after != ws.opportunities[index] {
            bulk.change = bulk.change.replace_opportunity(ws, index, after);
        }
    }
    bulk
}

/// Marks the actions done today (an action already done stays as it is).
pub fn done_actions(
    ws: &Workspace,
    items: &[(OpportunityId, ActionId)],
    today: Date,
) -> Result<Bulk, Refusal> {
    // the people the calls, meetings, visits and emails marked done were
    // with were heard from today, as a debrief would say (spec section 10)
    let mut bulk = on_actions(
        ws,
        items,
        |a| {
            a.done.is_none() && {
                a.done = Some(today);
                true
            }
        },
        |before, after| {
            let talked = after
                .actions
                .iter()
                .filter(|a| {
                    a.kind.is_some_and(crate::domain::ActionKind::is_contact)
                        && before.actions.iter().any(|b| b.id == a.id && b.is_open())
                        && a.done.is_some()
                })
                .filter_map(|a| a.influence.clone())
                .collect::<Vec<String>>();
            for p in after
                .influences
                .iter_mut()
                .filter(|p| talked.contains(&p.id))
            {
                p.heard_from(today);
            }
        },
    );
    bulk.change.label = tf!(
        "{actions} done",
        actions = crate::text::count(bulk.done as i64, "action", "actions")
    );
    bulk.into_edit()
}

/// Deletes the actions, in one change (one undo step). Actions of closed
/// deals are skipped, as the single delete refuses them.
pub fn delete_actions(
    ws: &Workspace,
    items: &[(OpportunityId, ActionId)],
) -> Result<Bulk, Refusal> {
    let at = positions(ws);
    let mut bulk = Bulk::new();
    // the ids to delete, per deal, in the order the deals were first named
    let mut doomed: Vec<(usize, Vec<&ActionId>)> = Vec::new();
    for (opp, action) in items {
        let Some(&index) = at.get(opp.as_str()) else {
            bulk.gone += 1;
            continue;
        };
        let o = &ws.opportunities[index];
        if !o.is_open() {
            bulk.closed += 1;
        } else if !o.actions.iter().any(|a| action.is(a)) {
            bulk.gone += 1;
        } else {
            match doomed.iter_mut().find(|(i, _)| *i == index) {
                Some((_, ids)) => ids.push(action),
                None => doomed.push((index, vec![action])),
            }
        }
    }
    for (index, ids) in doomed {
        let mut after = ws.opportunities[index].clone();
        let before = after.actions.len();
        after.actions.retain(|a| !ids.iter().any(|id| id.is(a)));
        bulk.done += before - after.actions.len();
        bulk.change = bulk.change.replace_opportunity(ws, index, after);
    }
    bulk.change.label = tf!(
        "{actions} deleted",
        actions = crate::text::count(bulk.done as i64, "action", "actions")
    );
    bulk.into_edit()
}

/// Moves the actions to `due`.
pub fn reschedule_actions(
    ws: &Workspace,
    items: &[(OpportunityId, ActionId)],
    due: Date,
) -> Result<Bulk, Refusal> {
    let mut bulk = on_actions(
        ws,
        items,
        |a| {
            a.due != Some(due) && {
                a.due = Some(due);
                true
            }
        },
        |_, _| {},
    );
    bulk.change.label = tf!(
        "{actions} due {due}",
        actions = crate::text::count(bulk.done as i64, "action", "actions"),
        due
    );
    bulk.into_edit()
}

/// The computed rules the deals show now (not snoozed, not raised by
/// hand), each with how many of the deals show it, most deals first (ties
/// in rule order): what a bulk snooze offers.
pub fn rules_shown(ws: &Workspace, ids: &[OpportunityId], today: Date) -> Vec<(Rule, usize)> {
    let at = positions(ws);
    let mut counts: Vec<(Rule, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for index in ids.iter().filter_map(|id| at.get(id.as_str())) {
        if !seen.insert(*index) {
            continue;
        }
        let o = &ws.opportunities[*index];
        let mut rules: Vec<Rule> = flags::visible(o, &ws.settings, today)
            .into_iter()
            .map(|f| f.rule)
            .filter(|r| *r != Rule::Manual)
            .collect();
        rules.sort_unstable_by_key(|r| r.as_str());
        rules.dedup();
        for rule in rules {
            match counts.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, n)) => *n += 1,
                None => counts.push((rule, 1)),
            }
        }
    }
    let order = |r: &Rule| Rule::ALL.iter().position(|x| x == r);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(order(&a.0).cmp(&order(&b.0))));
    counts
}

/// Snoozes the computed flag `rule` on each deal that shows it now (every
/// flag of the rule, whatever person or action it is about) until
/// `fields.until`; a deal without it is counted, not refused. One change:
/// one undo wakes them all.
pub fn snooze_rule(
    ws: &Workspace,
    ids: &[OpportunityId],
    rule: Rule,
    fields: SnoozeFields,
    today: Date,
) -> Result<Bulk, Refusal> {
    if fields.until < today {
        return Err(Refusal::Invalid(
            t("a snooze ends today or later; the date given is past").into(),
        ));
    }
    if rule == Rule::Manual {
        return Err(Refusal::Invalid(
            t("a flag raised by hand is resolved (x), not snoozed").into(),
        ));
    }
    let mut bulk = Bulk::new();
    for index in open_deals(ws, ids, &mut bulk) {
        let o = &ws.opportunities[index];
        let all = flags::compute(o, &ws.settings, today);
        let of_rule: Vec<&flags::Flag> = all.iter().filter(|f| f.rule == rule).collect();
        let shown: Vec<&flags::Flag> = of_rule
            .iter()
            .copied()
            .filter(|f| flags::snoozed_by(o, f, today).is_none())
            .collect();
        if of_rule.is_empty() {
            bulk.without += 1;
            continue;
        }
        if shown.is_empty() {
            // snoozed already: a longer snooze is one flag at a time
            bulk.unchanged += 1;
            continue;
        }
        let mut after = o.clone();
        for f in shown {
            after
                .snoozed
                .retain(|s| !(s.rule == rule.as_str() && s.subject == f.subject));
            after.snoozed.push(Snooze {
                rule: rule.as_str().to_owned(),
                subject: f.subject.clone(),
                until: fields.until,
                reason: fields.reason.clone(),
                ..Default::default()
            });
        }
        bulk.change = bulk.change.replace_opportunity(ws, index, after);
        bulk.done += 1;
    }
    bulk.change.label = tf!(
        "snoozed {rule} on {deals} until {until}",
        rule = super::called(&rule.shown()),
        deals = deals(bulk.done),
        until = fields.until
    );
    bulk.into_edit()
}

/// Sets the forecast category of the open deals to `category` (`None`:
/// back to the one each deal's probability gives), as one change.
pub fn set_forecast_categories(
    ws: &Workspace,
    ids: &[OpportunityId],
    category: Option<ForecastCategory>,
) -> Result<Bulk, Refusal> {
    let mut bulk = Bulk::new();
    for index in open_deals(ws, ids, &mut bulk) {
        let o = &ws.opportunities[index];
        if o.forecast_category == category {
            bulk.unchanged += 1;
            continue;
        }
        let mut after = o.clone();
        after.forecast_category = category;
        bulk.change = bulk.change.replace_opportunity(ws, index, after);
        bulk.done += 1;
    }
    let who = deals(bulk.done);
    bulk.change.label = match category {
        Some(c) => tf!(
            "{deal}: forecast category {category}",
            deal = who,
            category = c.label()
        ),
        None => tf!(
            "{deals}: forecast category from each one's probability",
            deals = who
        ),
    };
    bulk.into_edit()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, today, ws};
    use super::*;
    use crate::domain::{OutcomeResult, Workspace};

    #[test]
    fn calls_marked_done_together_date_their_people_in_their_own_deal_only() {
        let mut w = three();
        // o1's t1 is a call with i2; o2's t1 is a task with i2
        w.opportunities[0].actions[0].kind = Some(crate::domain::ActionKind::Call);
        w.opportunities[1].actions[0].kind = Some(crate::domain::ActionKind::Task);
        let items = [
            (OpportunityId::new("o1"), ActionId::new("t1")),
            (OpportunityId::new("o2"), ActionId::new("t1")),
        ];
        let bulk = done_actions(&w, &items, today()).unwrap();
        let new = after(&w, &bulk.change);
        let last = |o: usize| new.opportunities[o].influences[1].last_contact;
        assert_eq!(last(0), Some(today()), "the call's person was heard from");
        assert_eq!(last(1), None, "a task is no contact");
        assert_eq!(last(2), None, "nor is a deal not named");
        let mut back = new.clone();
        bulk.change.revert(&mut back);
        assert_eq!(back, w);
    }

    fn three() -> Workspace {
        let mut w = ws();
        for n in 2..=3 {
            let mut o = w.opportunities[0].clone();
            o.id = format!("o{n}");
            o.stage = Stage::ALL[n - 1];
            w.opportunities.push(o);
        }
        w
    }

    fn ids(list: &[&str]) -> Vec<OpportunityId> {
        list.iter().map(|s| OpportunityId::new(*s)).collect()
    }

    #[test]
    fn many_deals_move_one_stage_in_one_change_and_closed_ones_are_skipped() {
        let mut w = three();
        w.opportunities[2].close(OutcomeResult::Lost, today(), "");
        let bulk = move_stages(&w, &ids(&["o1", "o2", "o3", "o9"]), true, today()).unwrap();
        assert_eq!((bulk.done, bulk.closed, bulk.gone), (2, 1, 1));
        assert_eq!(bulk.change.patches.len(), 2);
        let moved = after(&w, &bulk.change);
        assert_eq!(moved.opportunities[0].stage, Stage::Propose);
        assert_eq!(moved.opportunities[1].stage, Stage::Propose);
        assert_eq!(bulk.change.label, "moved 2 deals to propose");
        let mut back = moved.clone();
        bulk.change.revert(&mut back);
        assert_eq!(back, w, "one undo restores them all");
    }

    #[test]
    fn only_closed_deals_is_a_refusal_that_says_so() {
        let mut w = three();
        w.opportunities[0].close(OutcomeResult::Won, today(), "");
        let why = move_stages(&w, &ids(&["o1"]), true, today()).unwrap_err();
        assert!(why.to_string().contains("1 closed skipped"), "{why}");
    }

    #[test]
    fn deleting_many_removes_the_last_first_and_undo_puts_all_back() {
        let w = three();
        let bulk = delete_opportunities(&w, &ids(&["o1", "o3"])).unwrap();
        let gone = after(&w, &bulk.change);
        let left: Vec<&str> = gone.opportunities.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(left, ["o2"]);
        let mut back = gone.clone();
        bulk.change.revert(&mut back);
        assert_eq!(back, w);
    }

    #[test]
    fn actions_of_one_deal_are_one_patch() {
        let mut w = ws();
        let mut second = w.opportunities[0].actions[0].clone();
        second.id = "t2".into();
        w.opportunities[0].actions.push(second);
        let items: Vec<_> = ["t1", "t2"]
            .iter()
            .map(|a| (OpportunityId::new("o1"), ActionId::new(*a)))
            .collect();
        let bulk = done_actions(&w, &items, today()).unwrap();
        assert_eq!((bulk.done, bulk.change.patches.len()), (2, 1));
        let due = today().plus_days(7);
        let bulk = reschedule_actions(&w, &items, due).unwrap();
        let moved = after(&w, &bulk.change);
        assert!(
            moved.opportunities[0]
                .actions
                .iter()
                .all(|a| a.due == Some(due))
        );
        assert_eq!(bulk.change.label, format!("2 actions due {due}"));
    }

    #[test]
    fn many_actions_are_deleted_in_one_undo_step() {
        let mut w = ws();
        let mut second = w.opportunities[0].actions[0].clone();
        second.id = "t2".into();
        w.opportunities[0].actions.push(second);
        let items: Vec<_> = ["t1", "t2", "t9"]
            .iter()
            .map(|a| (OpportunityId::new("o1"), ActionId::new(*a)))
            .collect();
        let bulk = delete_actions(&w, &items).unwrap();
        assert_eq!((bulk.done, bulk.gone, bulk.change.patches.len()), (2, 1, 1));
        assert_eq!(bulk.change.label, "2 actions deleted");
        let gone = after(&w, &bulk.change);
        assert!(gone.opportunities[0].actions.is_empty());
        let mut back = gone.clone();
        bulk.change.revert(&mut back);
        assert_eq!(back, w, "one undo puts them all back");
        let one = delete_actions(&w, &items[..1]).unwrap();
        assert_eq!(one.change.label, "1 action deleted");
    }
    fn snooze_for(days: i64) -> SnoozeFields {
        SnoozeFields {
            until: today().plus_days(days),
            reason: "budget freeze".into(),
        }
    }

    #[test]
    fn a_rule_is_snoozed_on_every_deal_that_has_it_as_one_change() {
        let mut w = three();
        // o2 has a close date: no no-close-date flag there
        w.opportunities[1].expected_close = Some(today().plus_days(30));
        let shown = rules_shown(&w, &ids(&["o1", "o2", "o3"]), today());
        let count = |rule| shown.iter().find(|(r, _)| *r == rule).map(|(_, n)| *n);
        assert_eq!(count(Rule::NoCloseDate), Some(2));
        let bulk = snooze_rule(
            &w,
            &ids(&["o1", "o2", "o3", "o9"]),
            Rule::NoCloseDate,
            snooze_for(14),
            today(),
        )
        .unwrap();
        assert_eq!((bulk.done, bulk.without, bulk.gone), (2, 1, 1));
        assert_eq!(bulk.change.patches.len(), 2, "one change, a patch per deal");
        let until = today().plus_days(14);
        assert_eq!(
            bulk.change.label,
            format!("snoozed \"no-close-date\" on 2 deals until {until}")
        );
        assert_eq!(bulk.skipped(), "1 without it skipped, 1 gone");
        let snoozed = after(&w, &bulk.change);
        for o in [&snoozed.opportunities[0], &snoozed.opportunities[2]] {
            let visible = flags::visible(o, &snoozed.settings, today());
            assert!(!visible.iter().any(|f| f.rule == Rule::NoCloseDate));
            assert_eq!(o.snoozed[0].reason, "budget freeze");
        }
        assert_eq!(snoozed.opportunities[1], w.opportunities[1], "without it");
        // gone from the offer once snoozed
        let again = rules_shown(&snoozed, &ids(&["o1", "o3"]), today());
        assert!(!again.iter().any(|(r, _)| *r == Rule::NoCloseDate));
        let mut back = snoozed.clone();
        bulk.change.revert(&mut back);
        assert_eq!(back, w, "one undo wakes them all");
    }

    #[test]
    fn a_bulk_snooze_refuses_the_past_and_deals_that_all_lack_the_rule() {
        let mut w = three();
        for o in &mut w.opportunities {
            o.expected_close = Some(today().plus_days(30));
        }
        let why = snooze_rule(
            &w,
            &ids(&["o1"]),
            Rule::NoCloseDate,
            snooze_for(-1),
            today(),
        )
        .unwrap_err();
        assert!(why.to_string().contains("past"), "{why}");
        let why = snooze_rule(
            &w,
            &ids(&["o1", "o2"]),
            Rule::NoCloseDate,
            snooze_for(3),
            today(),
        )
        .unwrap_err();
        assert_eq!(why.to_string(), "nothing changed: 2 without it skipped");
        w.opportunities[0].close(OutcomeResult::Won, today(), "");
        w.opportunities[1].expected_close = None;
        let bulk = snooze_rule(
            &w,
            &ids(&["o1", "o2"]),
            Rule::NoCloseDate,
            snooze_for(3),
            today(),
        )
        .unwrap();
        assert_eq!((bulk.done, bulk.closed), (1, 1));
    }

    #[test]
    fn marked_deals_take_one_forecast_category_in_one_change() {
        let mut w = three();
        w.opportunities[2].close(OutcomeResult::Won, today(), "");
        w.opportunities[1].forecast_category = Some(ForecastCategory::Commit);
        let bulk = set_forecast_categories(
            &w,
            &ids(&["o1", "o2", "o3"]),
            Some(ForecastCategory::Commit),
        )
        .unwrap();
        assert_eq!((bulk.done, bulk.unchanged, bulk.closed), (1, 1, 1));
        assert_eq!(bulk.change.label, "1 deal: forecast category commit");
        let set = after(&w, &bulk.change);
        assert_eq!(
            set.opportunities[0].forecast_category,
            Some(ForecastCategory::Commit)
        );
        let back = set_forecast_categories(&set, &ids(&["o1", "o2"]), None).unwrap();
        let derived = after(&set, &back.change);
        assert!(
            derived.opportunities[..2]
                .iter()
                .all(|o| o.forecast_category.is_none())
        );
        let mut undone = derived.clone();
        back.change.revert(&mut undone);
        assert_eq!(undone, set, "one undo puts both back");
    }
}
