//! Keys on the items of a deal: its people, red flags and actions. Shared by
//! view 1's panes and view 2 (an action of the list is an action of a deal).

use super::{Cmd, Cx};
use crate::domain::edit::{self, QuickEdit};
use crate::domain::{ActionId, InfluenceId, ManualFlagId, OpportunityId};
use crate::text::clean;
use crate::tui::app::FormPurpose;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::forms;
use crate::tui::keymap::Action;
use crate::tui::text_input::TextInput;

/// The question before deleting the deal at `index`.
pub fn confirm_delete_deal(cx: &Cx, index: usize) -> Vec<Cmd> {
    let o = &cx.ws.opportunities[index];
    match edit::delete_opportunity(cx.ws, &OpportunityId::of(o)) {
        Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
            title: crate::i18n::t(" Delete "),
            question: crate::tf!(
                "Delete “{title}” and everything in it?",
                title = clean(&o.title)
            ),
            change,
            kept: crate::i18n::t("not deleted"),
        }))],
        Err(why) => Cmd::edit(Err(why)),
    }
}

/// The flag at row `row` of the deal's flag pane: visible ones first, then
/// snoozed.
pub fn flag_at(cx: &Cx, index: usize, row: usize) -> Option<crate::domain::flags::Flag> {
    let o = &cx.ws.opportunities[index];
    crate::domain::flags::flag_rows(o, &cx.ws.settings, cx.today)
        .into_iter()
        .nth(row)
        .map(|(f, _)| f)
}

pub fn flag(action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let (ws, today) = (cx.ws, cx.today);
    let o = &ws.opportunities[index];
    let id = OpportunityId::of(o);
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            forms::manual_flag_form(None),
            FormPurpose::NewFlag(id),
        ))];
    }
    let Some(flag) = flag_at(cx, index, row) else {
        return vec![Cmd::say(crate::i18n::t(
            "no flag selected: a raises one by hand",
        ))];
    };
    let manual = flag.rule == crate::domain::flags::Rule::Manual;
    match action {
        Action::Adopt => {
            if o.actions
                .iter()
                .any(|a| crate::domain::priority::addresses(a, &flag))
            {
                vec![Cmd::say(crate::i18n::t(
                    "an open action already addresses this flag",
                ))]
            } else {
                Cmd::edit(edit::action_from_flag(ws, &id, &flag, today))
            }
        }
        // `e` on a computed flag goes where it is fixed (view 1's
        // `fix_flag`); elsewhere it says so
        Action::Edit | Action::Done if !manual => vec![Cmd::say(crate::i18n::t(
            "a computed flag: e goes where it is fixed, z snoozes it",
        ))],
        Action::Edit => {
            let f = o
                .flags
                .iter()
                .find(|f| Some(&f.id) == flag.subject.as_ref());
            let flag_id = ManualFlagId::new(flag.subject.unwrap_or_default());
            vec![Cmd::Open(Dialog::Form(
                forms::manual_flag_form(f),
                FormPurpose::EditFlag(id, flag_id),
            ))]
        }
        Action::Done => {
            let flag_id = ManualFlagId::new(flag.subject.unwrap_or_default());
            Cmd::edit(edit::resolve_flag(ws, &id, &flag_id, today))
        }
        Action::Snooze if manual => vec![Cmd::say(crate::i18n::t(
            "a flag raised by hand is resolved (x), not snoozed",
        ))],
        Action::Snooze => {
            if crate::domain::flags::snoozed_by(o, &flag, today).is_some() {
                return Cmd::edit(edit::wake(ws, &id, &flag));
            }
            vec![Cmd::Open(Dialog::Form(
                forms::snooze_form(&flag, today),
                FormPurpose::Snooze(id, flag.rule, flag.subject),
            ))]
        }
        _ => Vec::new(),
    }
}

/// An action key on the action `id` of the deal at `index` (`None`: no
/// action selected; only adding works then).
pub fn action(action: Action, cx: &Cx, index: usize, id: Option<ActionId>) -> Vec<Cmd> {
    let (ws, today) = (cx.ws, cx.today);
    let o = &ws.opportunities[index];
    let opp = OpportunityId::of(o);
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            forms::action_form(o, None, today),
            FormPurpose::NewAction(opp),
        ))];
    }
    let Some(id) = id else {
        return vec![Cmd::say(crate::i18n::t("no action selected: a adds one"))];
    };
    let record = o.actions.iter().find(|a| id.is(a));
    match action {
        Action::Edit => vec![Cmd::Open(Dialog::Form(
            forms::action_form(o, record, today),
            FormPurpose::EditAction(opp, id),
        ))],
        Action::Delete => match edit::delete_action(ws, &opp, &id) {
            Ok(change) => {
                let text = record.map_or(id.as_str(), |a| a.text.as_str());
                vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: crate::i18n::t(" Delete "),
                    question: crate::tf!("Delete the action “{text}”?", text = clean(text)),
                    change,
                    kept: crate::i18n::t("not deleted"),
                }))]
            }
            Err(why) => Cmd::edit(Err(why)),
        },
        Action::Reschedule => vec![Cmd::Open(Dialog::Reschedule {
            opportunity: opp,
            action: id,
            typed: TextInput::default(),
            more: Vec::new(),
        })],
        // an open call, meeting or visit: its debrief first (spec 10)
        Action::Done => match record {
            Some(a) if a.done.is_none() && a.is_conversation() => {
                vec![Cmd::Open(Dialog::Form(
                    forms::debrief_form(a, today),
                    FormPurpose::Debrief(opp, id),
                ))]
            }
            // opened again, it moves up among the open ones: the selection
            // follows it, so a second x is for it and not for its neighbour
            Some(a) if a.done.is_some() => {
                let mut cmds = Cmd::edit(edit::toggle_done(ws, &opp, &id, today));
                if matches!(cmds.first(), Some(Cmd::Commit(_))) {
                    cmds.push(Cmd::Jump {
                        opportunity: index,
                        action: Some(id.as_str().to_owned()),
                    });
                }
                cmds
            }
            _ => Cmd::edit(edit::toggle_done(ws, &opp, &id, today)),
        },
        Action::CallPlan => match record {
            Some(a) => call_plan(opp, a),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The call plan form of action `a` of deal `opp`.
pub fn call_plan(opp: OpportunityId, a: &crate::domain::Action) -> Vec<Cmd> {
    vec![Cmd::Open(Dialog::Form(
        forms::call_plan_form(a),
        FormPurpose::CallPlan(opp, ActionId::of(a)),
    ))]
}

/// The person at row `row` of the deal's influence pane, as an index into
/// its influences.
pub fn person_at(o: &crate::domain::Opportunity, row: usize) -> Option<usize> {
    crate::domain::influence::map_rows(&o.influences)
        .get(row)
        .copied()
}

/// The quick edit a key makes on a person.
fn quick(action: Action) -> Option<QuickEdit> {
    Some(match action {
        Action::CycleAttitude => QuickEdit::CycleAttitude,
        Action::CycleMode => QuickEdit::CycleMode,
        Action::CycleCoverage => QuickEdit::CycleCoverage,
        Action::CycleInfluence => QuickEdit::CycleInfluence,
        Action::ContactToday => QuickEdit::ContactToday,
        _ => return None,
    })
}

pub fn person(action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let ws = cx.ws;
    let o = &ws.opportunities[index];
    let id = OpportunityId::of(o);
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            forms::influence_form(o, None, &cx.ws.settings, cx.today),
            FormPurpose::NewInfluence(id),
        ))];
    }
    let Some(person) = person_at(o, row) else {
        return vec![Cmd::say(crate::i18n::t(
            "nobody selected: a adds a buying influence",
        ))];
    };
    let p = &o.influences[person];
    let pid = InfluenceId::of(p);
    match action {
        Action::Edit => vec![Cmd::Open(Dialog::Form(
            forms::influence_form(o, Some(p), &cx.ws.settings, cx.today),
            FormPurpose::EditInfluence(id, pid),
        ))],
        Action::Delete => match edit::delete_influence(ws, &id, &pid) {
            Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                title: crate::i18n::t(" Remove "),
                question: crate::tf!(
                    "Remove {name} from the buyer-influence map?",
                    name = clean(&p.name)
                ),
                change,
                kept: crate::i18n::t("not removed"),
            }))],
            Err(why) => Cmd::edit(Err(why)),
        },
        other => match quick(other) {
            Some(q) => Cmd::edit(edit::quick_edit(ws, &id, &pid, q, cx.today)),
            None => Vec::new(),
        },
    }
}
