//! Edits of the buyer-influence map.

use super::*;

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

pub(super) fn influence_from_form(
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
