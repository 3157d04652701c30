//! Keys on the items of a deal: its people, red flags and actions. Shared by
//! view 1's panes and view 2 (an action of the list is an action of a deal).

use super::{Cmd, Cx};
use crate::cli::text::clean;
use crate::tui::app::FormPurpose;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::edits;
use crate::tui::keymap::Action;
use crate::tui::text_input::TextInput;

/// The question before deleting the deal at `index`.
pub fn confirm_delete_deal(ws: &crate::domain::Workspace, index: usize) -> Dialog {
    let o = &ws.opportunities[index];
    Dialog::Confirm(Confirm {
        title: " Delete ",
        question: format!("Delete “{}” and everything in it?", clean(&o.title)),
        change: edits::delete(ws, &o.id),
        kept: "not deleted",
    })
}

/// The flag at row `row` of the deal's flag pane: visible ones first, then
/// snoozed.
pub fn flag_at(cx: &Cx, index: usize, row: usize) -> Option<crate::domain::flags::Flag> {
    let o = &cx.ws.opportunities[index];
    edits::flag_rows(o, &cx.ws.settings, cx.today)
        .into_iter()
        .nth(row)
        .map(|(f, _)| f)
}

pub fn flag(action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let (ws, today) = (cx.ws, cx.today);
    let o = &ws.opportunities[index];
    let id = o.id.clone();
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            edits::manual_flag_form(None),
            FormPurpose::NewFlag(id),
        ))];
    }
    let Some(flag) = flag_at(cx, index, row) else {
        return vec![Cmd::say("no flag selected: a raises one by hand")];
    };
    let manual = flag.rule == "manual";
    match action {
        Action::Adopt => {
            if o.actions
                .iter()
                .any(|a| crate::domain::priority::addresses(a, &flag))
            {
                vec![Cmd::say("an open action already addresses this flag")]
            } else {
                vec![Cmd::Commit(edits::action_from_flag(
                    ws, index, &flag, today,
                ))]
            }
        }
        Action::Edit | Action::Done if !manual => vec![Cmd::say(
            "a computed flag goes away when its cause does; z snoozes it",
        )],
        Action::Edit => {
            let f = o
                .flags
                .iter()
                .find(|f| Some(&f.id) == flag.subject.as_ref());
            vec![Cmd::Open(Dialog::Form(
                edits::manual_flag_form(f),
                FormPurpose::EditFlag(id, flag.subject.unwrap_or_default()),
            ))]
        }
        Action::Done => {
            let flag_id = flag.subject.unwrap_or_default();
            vec![Cmd::Commit(edits::resolve_flag(ws, index, &flag_id, today))]
        }
        Action::Snooze if manual => vec![Cmd::say(
            "a flag raised by hand is resolved (x), not snoozed",
        )],
        Action::Snooze => {
            if crate::domain::flags::snoozed_by(o, &flag, today).is_some() {
                return vec![Cmd::Commit(edits::wake(ws, index, &flag))];
            }
            vec![Cmd::Open(Dialog::Form(
                edits::snooze_form(&flag, today),
                FormPurpose::Snooze(id, flag.rule.to_owned(), flag.subject),
            ))]
        }
        _ => Vec::new(),
    }
}

/// An action key on the action `id` of the deal at `index` (`None`: no
/// action selected; only adding works then).
pub fn action(action: Action, cx: &Cx, index: usize, id: Option<String>) -> Vec<Cmd> {
    let (ws, today) = (cx.ws, cx.today);
    let o = &ws.opportunities[index];
    let opp = o.id.clone();
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            edits::action_form(o, None, today),
            FormPurpose::NewAction(opp),
        ))];
    }
    let Some(id) = id else {
        return vec![Cmd::say("no action selected: a adds one")];
    };
    match action {
        Action::Edit => {
            let a = o.actions.iter().find(|a| a.id == id);
            vec![Cmd::Open(Dialog::Form(
                edits::action_form(o, a, today),
                FormPurpose::EditAction(opp, id),
            ))]
        }
        Action::Delete => match edits::delete_action(ws, &opp, &id) {
            Some(change) => {
                let text = o
                    .actions
                    .iter()
                    .find(|a| a.id == id)
                    .map_or(id.as_str(), |a| a.text.as_str());
                vec![Cmd::Open(Dialog::Confirm(Confirm {
                    title: " Delete ",
                    question: format!("Delete the action “{}”?", clean(text)),
                    change,
                    kept: "not deleted",
                }))]
            }
            None => Vec::new(),
        },
        Action::Reschedule => vec![Cmd::Open(Dialog::Reschedule {
            opportunity: opp,
            action: id,
            typed: TextInput::default(),
        })],
        Action::Done => edits::toggle_done(ws, index, &id, today)
            .map(Cmd::Commit)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The person at row `row` of the deal's influence pane, as an index into
/// its influences.
pub fn person_at(o: &crate::domain::Opportunity, row: usize) -> Option<usize> {
    crate::domain::influence::map_rows(&o.influences)
        .get(row)
        .copied()
}

pub fn person(action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let ws = cx.ws;
    let o = &ws.opportunities[index];
    let id = o.id.clone();
    if action == Action::Add {
        return vec![Cmd::Open(Dialog::Form(
            edits::influence_form(o, None),
            FormPurpose::NewInfluence(id),
        ))];
    }
    let Some(person) = person_at(o, row) else {
        return vec![Cmd::say("nobody selected: a adds a buying influence")];
    };
    let p = &o.influences[person];
    match action {
        Action::Edit => {
            let purpose = FormPurpose::EditInfluence(id, p.id.clone());
            vec![Cmd::Open(Dialog::Form(
                edits::influence_form(o, Some(p)),
                purpose,
            ))]
        }
        Action::Delete => match edits::delete_influence(ws, &id, &p.id) {
            Some(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
                title: " Remove ",
                question: format!("Remove {} from the buyer-influence map?", clean(&p.name)),
                change,
                kept: "not removed",
            }))],
            None => Vec::new(),
        },
        quick => edits::quick_edit(ws, index, person, quick, cx.today)
            .map(Cmd::Commit)
            .into_iter()
            .collect(),
    }
}
