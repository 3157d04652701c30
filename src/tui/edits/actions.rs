//! Edits of a deal's actions.

use super::*;

/// Open actions by due date (undated last), then done ones, newest first:
/// the order of the actions pane.
pub fn actions_in_order(o: &Opportunity) -> Vec<&crate::domain::Action> {
    let mut list: Vec<_> = o.actions.iter().collect();
    list.sort_by_key(|a| match a.done {
        None => (0, a.due.is_none(), a.due, std::cmp::Reverse(None)),
        Some(d) => (1, false, None, std::cmp::Reverse(Some(d))),
    });
    list
}

/// The form for a new action (`None`) or for editing one; the person it is
/// about is picked from the deal's influences.
pub fn action_form(o: &Opportunity, a: Option<&crate::domain::Action>, today: Date) -> Form {
    let people: Vec<String> = std::iter::once(NONE.to_owned())
        .chain(o.influences.iter().map(person_label))
        .collect();
    let who = a
        .and_then(|a| a.influence.as_deref())
        .and_then(|id| o.influences.iter().find(|p| p.id == id))
        .map_or(NONE.to_owned(), person_label);
    Form::new(
        if a.is_some() {
            "Edit action"
        } else {
            "New action"
        },
        vec![
            Field::new(
                "text",
                Kind::Text { required: true },
                a.map_or(String::new(), |a| a.text.clone()),
            ),
            Field::new(
                "due",
                Kind::Date { optional: true },
                a.map_or(Some(today.plus_days(1)), |a| a.due)
                    .map_or(String::new(), |d| d.to_string()),
            ),
            Field::new("with", Kind::Choice(people), who),
        ],
    )
}

pub(super) fn action_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    opp: &str,
    today: Date,
) -> Option<Change> {
    let index = ws.opportunities.iter().position(|o| o.id == opp)?;
    let mut o = ws.opportunities[index].clone();
    let who = form.value("with");
    let influence = o
        .influences
        .iter()
        .find(|p| person_label(p) == who)
        .map(|p| p.id.clone());
    let label = match purpose {
        FormPurpose::EditAction(_, id) => {
            let a = o.actions.iter_mut().find(|a| &a.id == id)?;
            let before = a.clone();
            a.text = form.value("text").to_owned();
            a.due = form.field("due").date();
            a.influence = influence;
            if *a == before {
                return None;
            }
            format!("action {id} edited")
        }
        _ => {
            let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
            o.actions.push(crate::domain::Action {
                id: id.clone(),
                text: form.value("text").to_owned(),
                due: form.field("due").date(),
                influence,
                created: Some(today),
                ..Default::default()
            });
            format!("action {id} added")
        }
    };
    Some(Change::new(label).replace_opportunity(ws, index, o))
}

/// Marks an action done today, or open again when it was done.
pub fn toggle_done(ws: &Workspace, index: usize, action: &str, today: Date) -> Option<Change> {
    let mut o = ws.opportunities[index].clone();
    let a = o.actions.iter_mut().find(|a| a.id == action)?;
    a.done = match a.done {
        None => Some(today),
        Some(_) => None,
    };
    let what = if a.done.is_some() {
        "done"
    } else {
        "open again"
    };
    Some(Change::new(format!("{}: {what}", a.text)).replace_opportunity(ws, index, o))
}

pub fn delete_action(ws: &Workspace, opp: &str, action: &str) -> Option<Change> {
    let index = ws.opportunities.iter().position(|o| o.id == opp)?;
    let mut o = ws.opportunities[index].clone();
    let at = o.actions.iter().position(|a| a.id == action)?;
    let gone = o.actions.remove(at);
    Some(Change::new(format!("action {} deleted", gone.id)).replace_opportunity(ws, index, o))
}

pub fn reschedule(ws: &Workspace, opp: &str, action: &str, due: Date) -> Option<Change> {
    let index = ws.opportunities.iter().position(|o| o.id == opp)?;
    let mut o = ws.opportunities[index].clone();
    let a = o.actions.iter_mut().find(|a| a.id == action)?;
    if a.due == Some(due) {
        return None;
    }
    a.due = Some(due);
    Some(Change::new(format!("{} due {due}", a.text)).replace_opportunity(ws, index, o))
}

/// A suggestion of the action list (from a red flag) made an action on its
/// deal, due tomorrow.
pub fn add_suggestion(
    ws: &Workspace,
    index: usize,
    entry: &crate::domain::priority::Entry,
    today: Date,
) -> Change {
    let mut o = ws.opportunities[index].clone();
    let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
    let subject = entry.flag.as_ref().and_then(|(_, s)| s.clone());
    let influence = subject.filter(|s| o.influences.iter().any(|p| &p.id == s));
    o.actions.push(crate::domain::Action {
        id: id.clone(),
        text: entry.text.clone(),
        due: Some(today.plus_days(1)),
        influence,
        created: Some(today),
        ..Default::default()
    });
    Change::new(format!("action {id} added to {}", o.id)).replace_opportunity(ws, index, o)
}
