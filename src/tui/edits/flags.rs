//! Edits of red flags: raised by hand, snoozed, turned into actions.

use super::*;

/// The flag pane's rows: the flags that show, most severe first, then the
/// snoozed ones with their snooze.
pub fn flag_rows<'a>(
    o: &'a Opportunity,
    settings: &crate::domain::Settings,
    today: Date,
) -> Vec<(
    crate::domain::flags::Flag,
    Option<&'a crate::domain::Snooze>,
)> {
    let (shown, snoozed): (Vec<_>, Vec<_>) = crate::domain::flags::compute(o, settings, today)
        .into_iter()
        .map(|f| {
            let s = crate::domain::flags::snoozed_by(o, &f, today);
            (f, s)
        })
        .partition(|(_, s)| s.is_none());
    shown.into_iter().chain(snoozed).collect()
}

/// The flag's suggestion as an open action due tomorrow.
pub fn action_from_flag(
    ws: &Workspace,
    index: usize,
    flag: &crate::domain::flags::Flag,
    today: Date,
) -> Change {
    let mut o = ws.opportunities[index].clone();
    let id = next_id("t", o.actions.iter().map(|a| a.id.as_str()));
    // only these rules are about a person; other subjects are action or flag ids
    let about_a_person = !matches!(
        flag.rule,
        crate::domain::flags::Rule::OverdueAction | crate::domain::flags::Rule::Manual
    );
    let influence = flag
        .subject
        .clone()
        .filter(|s| about_a_person && o.influences.iter().any(|p| &p.id == s));
    o.actions.push(crate::domain::Action {
        id: id.clone(),
        text: flag.suggestion.clone(),
        due: Some(today.plus_days(1)),
        influence,
        created: Some(today),
        ..Default::default()
    });
    Change::new(format!("action {id} added from the flag {}", flag.rule))
        .replace_opportunity(ws, index, o)
}

pub fn manual_flag_form(f: Option<&crate::domain::ManualFlag>) -> Form {
    Form::new(
        if f.is_some() {
            "Edit red flag"
        } else {
            "Raise a red flag"
        },
        vec![Field::new(
            "what",
            Kind::Text { required: true },
            f.map_or(String::new(), |f| f.text.clone()),
        )],
    )
}

pub fn snooze_form(flag: &crate::domain::flags::Flag, today: Date) -> Form {
    Form::new(
        format!("Snooze: {}", flag.message),
        vec![
            Field::new(
                "until",
                Kind::Date { optional: false },
                today.plus_days(7).to_string(),
            ),
            Field::new("reason", Kind::Text { required: true }, ""),
        ],
    )
}

pub(super) fn flag_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    opp: &str,
    today: Date,
) -> Option<Change> {
    let index = ws.opportunities.iter().position(|o| o.id == opp)?;
    let mut o = ws.opportunities[index].clone();
    let label = match purpose {
        FormPurpose::NewFlag(_) => {
            let id = next_id("f", o.flags.iter().map(|f| f.id.as_str()));
            o.flags.push(crate::domain::ManualFlag {
                id: id.clone(),
                text: form.value("what").to_owned(),
                raised: Some(today),
                ..Default::default()
            });
            format!("flag {id} raised")
        }
        FormPurpose::EditFlag(_, id) => {
            let f = o.flags.iter_mut().find(|f| &f.id == id)?;
            if f.text == form.value("what") {
                return None;
            }
            f.text = form.value("what").to_owned();
            format!("flag {id} edited")
        }
        FormPurpose::Snooze(_, rule, subject) => {
            let until = form.field("until").date()?;
            o.snoozed
                .retain(|s| !(&s.rule == rule && &s.subject == subject));
            o.snoozed.push(crate::domain::Snooze {
                rule: rule.clone(),
                subject: subject.clone(),
                until,
                reason: form.value("reason").to_owned(),
                ..Default::default()
            });
            format!("{rule} snoozed until {until}")
        }
        _ => return None,
    };
    Some(Change::new(label).replace_opportunity(ws, index, o))
}

pub fn resolve_flag(ws: &Workspace, index: usize, flag_id: &str, today: Date) -> Change {
    let mut o = ws.opportunities[index].clone();
    if let Some(f) = o.flags.iter_mut().find(|f| f.id == flag_id) {
        f.resolved = Some(today);
    }
    Change::new(format!("flag {flag_id} resolved")).replace_opportunity(ws, index, o)
}

/// Ends the snooze of a flag now.
pub fn wake(ws: &Workspace, index: usize, flag: &crate::domain::flags::Flag) -> Change {
    let mut o = ws.opportunities[index].clone();
    o.snoozed
        .retain(|s| !(s.rule == flag.rule.as_str() && s.subject == flag.subject));
    Change::new(format!("{} no longer snoozed", flag.rule)).replace_opportunity(ws, index, o)
}
