//! Every edit of the workbench as a [`Change`] built from the workspace and
//! what the user entered; the forms that collect it. Pure functions.

use super::app::{FormPurpose, LongText};
use super::form::{Field, Form, Kind};
use super::history::{Change, Patch};
use super::keymap::Action;
use crate::domain::ids::next_id;
use crate::domain::{
    Account, Attitude, Coverage, Date, DecisionRole, Focus, Influence, Level, LogEntry, Mode,
    Opportunity, OutcomeResult, Role, SocialStyle, Stage, StageEntry, Workspace,
};

/// The lower-cased text the filter searches in: title, account name, owner,
/// product, id and tags, kept apart by a character nobody types.
pub fn haystack(account_names: &std::collections::HashMap<&str, &str>, o: &Opportunity) -> String {
    let account = account_names.get(o.account.as_str()).copied().unwrap_or("");
    let mut text = [
        o.title.as_str(),
        account,
        o.owner.as_str(),
        o.product.as_str(),
        o.id.as_str(),
    ]
    .join("\u{1}");
    for tag in &o.tags {
        text.push('\u{1}');
        text.push_str(tag);
    }
    text.to_lowercase()
}

fn stage_names() -> Vec<String> {
    Stage::ALL.iter().map(|s| s.as_str().to_owned()).collect()
}

/// The form for a new opportunity (`None`) or for editing one.
pub fn opportunity_form(ws: &Workspace, o: Option<&Opportunity>) -> Form {
    let names: Vec<String> = ws.accounts.iter().map(|a| a.name.clone()).collect();
    let account = o
        .and_then(|o| ws.account(&o.account))
        .map_or(String::new(), |a| a.name.clone());
    let text = |f: fn(&Opportunity) -> String| o.map(f).unwrap_or_default();
    Form::new(
        if o.is_some() {
            "Edit opportunity"
        } else {
            "New opportunity"
        },
        vec![
            Field::new(
                "title",
                Kind::Text { required: true },
                text(|o| o.title.clone()),
            ),
            Field::new("account", Kind::Pick(names), account),
            Field::new(
                "value",
                Kind::Money,
                o.map_or("0".into(), |o| o.value.grouped()),
            ),
            Field::new(
                "stage",
                Kind::Choice(stage_names()),
                o.map_or(Stage::Qualify, |o| o.stage).as_str(),
            ),
            Field::new(
                "expected close",
                Kind::Date { optional: true },
                text(|o| o.expected_close.map(|d| d.to_string()).unwrap_or_default()),
            ),
            Field::new(
                "probability",
                Kind::Percent,
                text(|o| o.probability.map(|p| p.0.to_string()).unwrap_or_default()),
            ),
            Field::new(
                "owner",
                Kind::Text { required: false },
                o.map_or(ws.settings.owner.clone(), |o| o.owner.clone()),
            ),
            Field::new(
                "product",
                Kind::Text { required: false },
                text(|o| o.product.clone()),
            ),
            Field::new(
                "tags",
                Kind::Text { required: false },
                text(|o| o.tags.join(", ")),
            ),
            Field::new(
                "objective",
                Kind::Text { required: false },
                text(|o| o.objective.clone()),
            ),
        ],
    )
}

/// What a submitted form asks for: `Err` with a message when it cannot be
/// done (the form stays open), `Ok(None)` when nothing changes, else the
/// change and the opportunity to select after.
pub fn from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    today: Date,
) -> Result<Option<(Change, Option<String>)>, String> {
    if let FormPurpose::NewInfluence(opp) | FormPurpose::EditInfluence(opp, _) = purpose {
        return influence_from_form(ws, form, purpose, opp)
            .map(|c| c.map(|c| (c, Some(opp.clone()))));
    }
    if let FormPurpose::NewAccount | FormPurpose::EditAccount(_) = purpose {
        return account_from_form(ws, form, purpose).map(|c| c.map(|c| (c, None)));
    }
    if let FormPurpose::NewAction(opp) | FormPurpose::EditAction(opp, _) = purpose {
        return Ok(action_from_form(ws, form, purpose, opp, today).map(|c| (c, Some(opp.clone()))));
    }
    if let FormPurpose::Snooze(..) = purpose
        && form.field("until").date().is_some_and(|d| d < today)
    {
        return Err("a snooze ends today or later; the date given is past".into());
    }
    if let FormPurpose::NewFlag(opp)
    | FormPurpose::EditFlag(opp, _)
    | FormPurpose::Snooze(opp, ..) = purpose
    {
        return Ok(flag_from_form(ws, form, purpose, opp, today).map(|c| (c, Some(opp.clone()))));
    }
    Ok(opportunity_from_form(ws, form, purpose, today))
}

fn opportunity_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    today: Date,
) -> Option<(Change, Option<String>)> {
    match purpose {
        FormPurpose::NewOpportunity => {
            // ids in review snapshots count too: a deleted deal's id is not
            // given to a new one, or the next report would mix them up
            let reviewed = ws
                .reviews
                .iter()
                .flat_map(|r| r.opportunities.iter().map(|o| o.id.as_str()));
            let id = next_id(
                "o",
                ws.opportunities
                    .iter()
                    .map(|o| o.id.as_str())
                    .chain(reviewed),
            );
            let mut change = Change::new(format!("created {id}"));
            let account = account_for(ws, form.value("account"), &mut change);
            let stage = Stage::parse(form.value("stage")).unwrap_or_default();
            let mut o = Opportunity {
                id: id.clone(),
                account,
                stage,
                created: Some(today),
                stage_history: vec![StageEntry {
                    stage,
                    entered: today,
                    ..StageEntry::default()
                }],
                ..Opportunity::default()
            };
            fill(&mut o, form, today);
            o.close_history.clear();
            o.expected_close = form.field("expected close").date();
            change.patches.push(Patch::Opportunity {
                index: ws.opportunities.len(),
                before: None,
                after: Some(o),
            });
            Some((change, Some(id)))
        }
        FormPurpose::EditOpportunity(id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let mut change = Change::new(format!("edited {id}"));
            let mut o = ws.opportunities[index].clone();
            // two accounts may share a name: an unchanged name keeps the account
            let same = ws
                .account(&o.account)
                .is_some_and(|a| a.name == form.value("account"));
            if !same {
                o.account = account_for(ws, form.value("account"), &mut change);
            }
            o.set_stage(Stage::parse(form.value("stage")).unwrap_or(o.stage), today);
            fill(&mut o, form, today);
            if o == ws.opportunities[index] && change.patches.is_empty() {
                return None;
            }
            Some((change.replace_opportunity(ws, index, o), Some(id.clone())))
        }
        FormPurpose::Close(result, id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let result = OutcomeResult::parse(
                form.fields
                    .iter()
                    .find(|f| f.label == "result")
                    .map_or(result.as_str(), |f| f.value.as_str()),
            )
            .unwrap_or(*result);
            let mut o = ws.opportunities[index].clone();
            o.close(result, today, form.value("reason"));
            Some((
                Change::new(format!("{id} marked {result}")).replace_opportunity(ws, index, o),
                None,
            ))
        }
        FormPurpose::LogEntry(id) => {
            let index = ws.opportunities.iter().position(|o| &o.id == id)?;
            let mut o = ws.opportunities[index].clone();
            let on = form.field("on").date().unwrap_or(today);
            o.log.push(LogEntry {
                on,
                text: form.value("text").to_owned(),
                ..LogEntry::default()
            });
            o.log.sort_by_key(|l| l.on);
            Some((
                Change::new(format!("logged on {id}")).replace_opportunity(ws, index, o),
                Some(id.clone()),
            ))
        }
        _ => None,
    }
}

/// Copies the form's plain fields into `o`; close date changes are recorded.
fn fill(o: &mut Opportunity, form: &Form, today: Date) {
    o.title = form.value("title").to_owned();
    o.value = form.field("value").money().unwrap_or(o.value);
    o.set_expected_close(form.field("expected close").date(), today);
    o.probability = form.field("probability").percent();
    o.owner = form.value("owner").to_owned();
    o.product = form.value("product").to_owned();
    o.tags = form
        .value("tags")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    o.objective = form.value("objective").to_owned();
}

/// The id of the account named `name`, adding a patch that creates it when
/// there is none.
fn account_for(ws: &Workspace, name: &str, change: &mut Change) -> String {
    if let Some(a) = ws.accounts.iter().find(|a| a.name == name) {
        return a.id.clone();
    }
    let id = next_id("a", ws.accounts.iter().map(|a| a.id.as_str()));
    change.patches.push(Patch::Account {
        index: ws.accounts.len(),
        before: None,
        after: Some(Account {
            id: id.clone(),
            name: name.to_owned(),
            ..Account::default()
        }),
    });
    id
}

pub fn delete(ws: &Workspace, id: &str) -> Change {
    let mut change = Change::new(format!("deleted {id}"));
    if let Some(index) = ws.opportunities.iter().position(|o| o.id == id) {
        change.patches.push(Patch::Opportunity {
            index,
            before: Some(ws.opportunities[index].clone()),
            after: None,
        });
    }
    change
}

pub fn set_stage(ws: &Workspace, index: usize, stage: Stage, today: Date) -> Change {
    let mut o = ws.opportunities[index].clone();
    let from = o.stage;
    o.set_stage(stage, today);
    Change::new(format!("{}: {from} → {stage}", o.id)).replace_opportunity(ws, index, o)
}

pub fn close_form(o: &Opportunity, won: bool) -> Form {
    let title = format!(
        "{} — {}",
        if won { "Won" } else { "Lost or abandoned" },
        o.title
    );
    let mut fields = Vec::new();
    if !won {
        fields.push(Field::new(
            "result",
            Kind::Choice(vec!["lost".into(), "abandoned".into()]),
            "lost",
        ));
    }
    fields.push(Field::new("reason", Kind::Text { required: !won }, ""));
    Form::new(title, fields)
}

pub fn close_purpose(won: bool, id: String) -> FormPurpose {
    FormPurpose::Close(
        if won {
            OutcomeResult::Won
        } else {
            OutcomeResult::Lost
        },
        id,
    )
}

/// unknown → confirmed → denied → unknown, for condition `which` (0..4 in
/// the order need, authority, budget, timeline).
pub fn cycle_condition(ws: &Workspace, index: usize, which: usize) -> Change {
    let mut o = ws.opportunities[index].clone();
    let q = &mut o.qualification;
    let (name, slot) = match which {
        0 => ("need", &mut q.need),
        1 => ("authority", &mut q.authority),
        2 => ("budget", &mut q.budget),
        _ => ("timeline", &mut q.timeline),
    };
    *slot = match *slot {
        None => Some(true),
        Some(true) => Some(false),
        Some(false) => None,
    };
    let now = match *slot {
        Some(true) => "confirmed",
        Some(false) => "denied",
        None => "unknown",
    };
    Change::new(format!("{name} {now}")).replace_opportunity(ws, index, o)
}

pub fn log_form(today: Date) -> Form {
    Form::new(
        "Log entry",
        vec![
            Field::new("on", Kind::Date { optional: false }, today.to_string()),
            Field::new("text", Kind::Text { required: true }, ""),
        ],
    )
}

/// The objective or notes replaced by `text` (trailing newline from the
/// editor dropped); `None` when nothing changed.
pub fn set_long_text(
    ws: &Workspace,
    index: usize,
    field: LongText,
    text: String,
) -> Option<Change> {
    let mut o = ws.opportunities[index].clone();
    let text = text.trim_end_matches(['\n', '\r']).to_owned();
    let (slot, name) = match field {
        LongText::Objective => (&mut o.objective, "objective"),
        LongText::Notes => (&mut o.notes, "notes"),
    };
    if *slot == text {
        return None;
    }
    *slot = text;
    Some(Change::new(format!("{name} of {} edited", o.id)).replace_opportunity(ws, index, o))
}

const NONE: &str = "—";

fn choice_of<T: Copy>(all: &[T], name: fn(T) -> &'static str, with_none: bool) -> Vec<String> {
    let mut out: Vec<String> = if with_none {
        vec![NONE.to_owned()]
    } else {
        Vec::new()
    };
    out.extend(all.iter().map(|v| name(*v).to_owned()));
    out
}

const COVERAGE: [&str; 4] = [
    "0 never met",
    "1 introduction",
    "2 one-to-one",
    "3 quality time",
];

/// The form for a new buying influence (`None`) or for editing one. Roles
/// are four yes/no toggles; every enumerated field cycles.
pub fn influence_form(o: &Opportunity, p: Option<&Influence>) -> Form {
    let yes_no = || Kind::Choice(vec!["no".into(), "yes".into()]);
    let role = |r: Role| {
        if p.is_some_and(|p| p.has_role(r)) {
            "yes"
        } else {
            "no"
        }
    };
    let opt = |v: Option<&'static str>| v.unwrap_or(NONE).to_owned();
    let others: Vec<String> = std::iter::once(NONE.to_owned())
        .chain(
            o.influences
                .iter()
                .filter(|x| p.is_none_or(|p| p.id != x.id))
                .map(person_label),
        )
        .collect();
    let boss = p
        .and_then(|p| p.reports_to.as_deref())
        .and_then(|b| o.influences.iter().find(|x| x.id == b))
        .map_or(NONE.to_owned(), person_label);
    Form::new(
        if p.is_some() {
            "Edit buying influence"
        } else {
            "New buying influence"
        },
        vec![
            Field::new(
                "name",
                Kind::Text { required: true },
                p.map_or(String::new(), |p| p.name.clone()),
            ),
            Field::new(
                "title",
                Kind::Text { required: false },
                p.map_or(String::new(), |p| p.title.clone()),
            ),
            Field::new("economic buyer", yes_no(), role(Role::Economic)),
            Field::new("user", yes_no(), role(Role::User)),
            Field::new("technical", yes_no(), role(Role::Technical)),
            Field::new("coach", yes_no(), role(Role::Coach)),
            Field::new(
                "decision role",
                Kind::Choice(choice_of(DecisionRole::ALL, DecisionRole::as_str, true)),
                opt(p.and_then(|p| p.decision_role).map(DecisionRole::as_str)),
            ),
            Field::new(
                "attitude",
                Kind::Choice(choice_of(Attitude::ALL, Attitude::as_str, false)),
                p.map_or(Attitude::Unknown, |p| p.attitude).as_str(),
            ),
            Field::new(
                "mode",
                Kind::Choice(choice_of(Mode::ALL, Mode::as_str, false)),
                p.map_or(Mode::Unknown, |p| p.mode).as_str(),
            ),
            Field::new(
                "influence",
                Kind::Choice(choice_of(Level::ALL, Level::as_str, true)),
                opt(p.and_then(|p| p.influence).map(Level::as_str)),
            ),
            Field::new(
                "coverage",
                Kind::Choice(COVERAGE.iter().map(|c| c.to_string()).collect()),
                COVERAGE[p.map_or(0, |p| p.coverage.0 as usize).min(3)],
            ),
            Field::new(
                "focus",
                Kind::Choice(choice_of(Focus::ALL, Focus::as_str, true)),
                opt(p.and_then(|p| p.focus).map(Focus::as_str)),
            ),
            Field::new(
                "social style",
                Kind::Choice(choice_of(SocialStyle::ALL, SocialStyle::as_str, true)),
                opt(p.and_then(|p| p.social_style).map(SocialStyle::as_str)),
            ),
            Field::new("reports to", Kind::Choice(others), boss),
            Field::new(
                "win",
                Kind::Text { required: false },
                p.map_or(String::new(), |p| p.win.clone()),
            ),
            Field::new(
                "result",
                Kind::Text { required: false },
                p.map_or(String::new(), |p| p.result.clone()),
            ),
            Field::new(
                "last contact",
                Kind::Date { optional: true },
                p.and_then(|p| p.last_contact)
                    .map_or(String::new(), |d| d.to_string()),
            ),
        ],
    )
}

/// `王总 (i1)`: names repeat, ids do not.
fn person_label(p: &Influence) -> String {
    format!("{} ({})", p.name, p.id)
}

fn influence_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
    opp: &str,
) -> Result<Option<Change>, String> {
    let index = ws
        .opportunities
        .iter()
        .position(|o| o.id == opp)
        .ok_or("the opportunity is gone")?;
    let mut o = ws.opportunities[index].clone();
    let (mut p, at) = match purpose {
        FormPurpose::EditInfluence(_, person) => {
            let at = o
                .influences
                .iter()
                .position(|p| &p.id == person)
                .ok_or("the person is gone")?;
            (o.influences[at].clone(), Some(at))
        }
        _ => {
            let id = next_id("i", o.influences.iter().map(|p| p.id.as_str()));
            (
                Influence {
                    id,
                    ..Influence::default()
                },
                None,
            )
        }
    };
    p.name = form.value("name").to_owned();
    p.title = form.value("title").to_owned();
    p.roles = [
        ("economic buyer", Role::Economic),
        ("user", Role::User),
        ("technical", Role::Technical),
        ("coach", Role::Coach),
    ]
    .into_iter()
    .filter(|(label, _)| form.value(label) == "yes")
    .map(|(_, r)| r)
    .collect();
    p.decision_role = DecisionRole::parse(form.value("decision role"));
    p.attitude = Attitude::parse(form.value("attitude")).unwrap_or_default();
    p.mode = Mode::parse(form.value("mode")).unwrap_or_default();
    p.influence = Level::parse(form.value("influence"));
    p.coverage = Coverage(
        COVERAGE
            .iter()
            .position(|c| *c == form.value("coverage"))
            .unwrap_or(0) as u8,
    );
    p.focus = Focus::parse(form.value("focus"));
    p.social_style = SocialStyle::parse(form.value("social style"));
    let boss = form.value("reports to");
    p.reports_to = o
        .influences
        .iter()
        .find(|x| person_label(x) == boss)
        .map(|x| x.id.clone());
    if let Some(b) = &p.reports_to
        && crate::domain::influence::would_loop(&o.influences, &p.id, b)
    {
        let name = o
            .influences
            .iter()
            .find(|x| &x.id == b)
            .map_or(b.as_str(), |x| x.name.as_str());
        return Err(format!(
            "{} cannot report to {name}: that closes a loop in the power lines",
            p.name
        ));
    }
    p.win = form.value("win").to_owned();
    p.result = form.value("result").to_owned();
    p.last_contact = form.field("last contact").date();
    let label = match at {
        Some(at) => {
            if o.influences[at] == p {
                return Ok(None);
            }
            o.influences[at] = p.clone();
            format!("{} edited", p.name)
        }
        None => {
            o.influences.push(p.clone());
            format!("{} added to {}", p.name, o.id)
        }
    };
    Ok(Some(Change::new(label).replace_opportunity(ws, index, o)))
}

/// Removes a person; those who reported to them now report to their boss,
/// and actions linked to them keep their text but lose the link.
pub fn delete_influence(ws: &Workspace, opp: &str, person: &str) -> Option<Change> {
    let index = ws.opportunities.iter().position(|o| o.id == opp)?;
    let mut o = ws.opportunities[index].clone();
    let at = o.influences.iter().position(|p| p.id == person)?;
    let gone = o.influences.remove(at);
    for p in &mut o.influences {
        if p.reports_to.as_deref() == Some(person) {
            p.reports_to = gone.reports_to.clone();
        }
    }
    for a in &mut o.actions {
        if a.influence.as_deref() == Some(person) {
            a.influence = None;
        }
    }
    Some(Change::new(format!("{} removed", gone.name)).replace_opportunity(ws, index, o))
}

/// One quick key on the selected person: cycle attitude, mode, coverage or
/// influence, or record a contact today.
pub fn quick_edit(
    ws: &Workspace,
    index: usize,
    person: usize,
    action: Action,
    today: Date,
) -> Option<Change> {
    fn next<T: Copy + PartialEq>(all: &[T], now: T) -> T {
        let at = all.iter().position(|v| *v == now).unwrap_or(0);
        all[(at + 1) % all.len()]
    }
    let mut o = ws.opportunities[index].clone();
    let p = &mut o.influences[person];
    let what = match action {
        Action::CycleAttitude => {
            p.attitude = next(Attitude::ALL, p.attitude);
            format!("attitude {} {}", p.attitude.symbol(), p.attitude)
        }
        Action::CycleMode => {
            p.mode = next(Mode::ALL, p.mode);
            format!("mode {}", p.mode)
        }
        Action::CycleCoverage => {
            p.coverage = Coverage((p.coverage.0 + 1) % 4);
            format!("coverage {}", COVERAGE[p.coverage.0 as usize])
        }
        Action::CycleInfluence => {
            p.influence = match p.influence {
                None => Some(Level::High),
                Some(Level::High) => Some(Level::Medium),
                Some(Level::Medium) => Some(Level::Low),
                Some(Level::Low) => None,
            };
            format!(
                "influence {}",
                p.influence.map_or("not assessed", Level::as_str)
            )
        }
        Action::ContactToday => {
            if p.last_contact == Some(today) {
                return None;
            }
            p.last_contact = Some(today);
            format!("contact with {} recorded today", p.name)
        }
        _ => return None,
    };
    let label = format!("{}: {what}", o.influences[person].name);
    Some(Change::new(label).replace_opportunity(ws, index, o))
}

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
    let about_a_person = !matches!(flag.rule, "overdue-action" | "manual");
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

fn flag_from_form(
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
        .retain(|s| !(s.rule == flag.rule && s.subject == flag.subject));
    Change::new(format!("{} no longer snoozed", flag.rule)).replace_opportunity(ws, index, o)
}

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

fn action_from_form(
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

/// The form for a new account (`None`) or for editing one; SWOT items are
/// written one after another, separated by `;`.
pub fn account_form(a: Option<&Account>) -> Form {
    let score = |s: Option<crate::domain::Score>| s.map_or(NONE.to_owned(), |s| s.0.to_string());
    let scores = || {
        Kind::Choice(
            std::iter::once(NONE.to_owned())
                .chain((1..=5).map(|n| n.to_string()))
                .collect(),
        )
    };
    let list = |f: fn(&Account) -> &Vec<String>| a.map_or(String::new(), |a| f(a).join("; "));
    Form::new(
        if a.is_some() {
            "Edit account"
        } else {
            "New account"
        },
        vec![
            Field::new(
                "name",
                Kind::Text { required: true },
                a.map_or(String::new(), |a| a.name.clone()),
            ),
            Field::new(
                "industry",
                Kind::Text { required: false },
                a.map_or(String::new(), |a| a.industry.clone()),
            ),
            Field::new(
                "tier",
                Kind::Choice(choice_of(
                    crate::domain::Tier::ALL,
                    crate::domain::Tier::as_str,
                    true,
                )),
                a.and_then(|a| a.tier).map_or(NONE, |t| t.as_str()),
            ),
            Field::new(
                "attractiveness",
                scores(),
                score(a.and_then(|a| a.attractiveness)),
            ),
            Field::new(
                "our advantage",
                scores(),
                score(a.and_then(|a| a.advantage)),
            ),
            Field::new(
                "relationship",
                Kind::Choice(choice_of(
                    crate::domain::Relationship::ALL,
                    crate::domain::Relationship::as_str,
                    true,
                )),
                a.and_then(|a| a.relationship).map_or(NONE, |r| r.as_str()),
            ),
            Field::new(
                "strengths",
                Kind::Text { required: false },
                list(|a| &a.swot.strengths),
            ),
            Field::new(
                "weaknesses",
                Kind::Text { required: false },
                list(|a| &a.swot.weaknesses),
            ),
            Field::new(
                "opportunities",
                Kind::Text { required: false },
                list(|a| &a.swot.opportunities),
            ),
            Field::new(
                "threats",
                Kind::Text { required: false },
                list(|a| &a.swot.threats),
            ),
            Field::new(
                "notes",
                Kind::Text { required: false },
                a.map_or(String::new(), |a| a.notes.clone()),
            ),
        ],
    )
}

fn account_from_form(
    ws: &Workspace,
    form: &Form,
    purpose: &FormPurpose,
) -> Result<Option<Change>, String> {
    let name = form.value("name");
    let clash = ws.accounts.iter().find(|a| {
        a.name == name && !matches!(purpose, FormPurpose::EditAccount(id) if *id == a.id)
    });
    if clash.is_some() {
        return Err(format!("an account named {name:?} exists already"));
    }
    let (index, mut a) = match purpose {
        FormPurpose::EditAccount(id) => {
            let i = ws
                .accounts
                .iter()
                .position(|a| &a.id == id)
                .ok_or("the account is gone")?;
            (Some(i), ws.accounts[i].clone())
        }
        _ => (
            None,
            Account {
                id: next_id("a", ws.accounts.iter().map(|a| a.id.as_str())),
                ..Default::default()
            },
        ),
    };
    let items = |label: &str| -> Vec<String> {
        form.value(label)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let before = a.clone();
    a.name = name.to_owned();
    a.industry = form.value("industry").to_owned();
    a.tier = crate::domain::Tier::parse(form.value("tier"));
    a.attractiveness = form
        .value("attractiveness")
        .parse::<i64>()
        .ok()
        .and_then(crate::domain::Score::new);
    a.advantage = form
        .value("our advantage")
        .parse::<i64>()
        .ok()
        .and_then(crate::domain::Score::new);
    a.relationship = crate::domain::Relationship::parse(form.value("relationship"));
    a.swot.strengths = items("strengths");
    a.swot.weaknesses = items("weaknesses");
    a.swot.opportunities = items("opportunities");
    a.swot.threats = items("threats");
    a.notes = form.value("notes").to_owned();
    let mut change = Change::new(format!(
        "account {} {}",
        a.name,
        if index.is_some() { "edited" } else { "added" }
    ));
    match index {
        Some(_) if a == before => return Ok(None),
        Some(i) => change.patches.push(Patch::Account {
            index: i,
            before: Some(before),
            after: Some(a),
        }),
        None => change.patches.push(Patch::Account {
            index: ws.accounts.len(),
            before: None,
            after: Some(a),
        }),
    }
    Ok(Some(change))
}

/// Removes an account no opportunity uses (the caller checks).
pub fn delete_account(ws: &Workspace, id: &str) -> Option<Change> {
    let index = ws.accounts.iter().position(|a| a.id == id)?;
    if ws.opportunities.iter().any(|o| o.account == id) {
        return None;
    }
    let mut change = Change::new(format!("account {} deleted", ws.accounts[index].name));
    change.patches.push(Patch::Account {
        index,
        before: Some(ws.accounts[index].clone()),
        after: None,
    });
    Some(change)
}
