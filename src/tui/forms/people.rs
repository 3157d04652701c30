//! The form of a buying influence.

use super::{FieldId as F, NONE, choice_of, person_label, picked_person};
use crate::domain::edit::{COVERAGE, InfluenceFields};
use crate::domain::{
    Attitude, Coverage, Date, Days, DecisionRole, Focus, Influence, Level, Mode, Opportunity, Role,
    Settings, SocialStyle,
};
use crate::tui::form::{Field, Form, Kind};

/// The four roles as yes/no fields.
const ROLES: [(F, Role); 4] = [
    (F::EconomicBuyer, Role::Economic),
    (F::User, Role::User),
    (F::Technical, Role::Technical),
    (F::Coach, Role::Coach),
];

/// Days a person's cadence may hold: up to ten years.
const MOST_CADENCE_DAYS: u32 = 3650;

/// What an empty cadence means for a person of influence `level`: the
/// settings' days for it.
fn cadence_hint(settings: &Settings, level: Option<Level>) -> String {
    crate::tf!(
        "empty: every {days} days (the settings' default for {influence} influence)",
        days = settings.cadence_days.for_level(level).0,
        influence = level.map_or_else(|| crate::i18n::t("unknown").to_owned(), |l| l.label())
    )
}

/// The cadence field's hint, after the influence field changed.
pub fn update_cadence_hint(form: &mut Form, settings: &Settings) {
    let level = Level::parse(form.value(F::Influence));
    if let Some(f) = form.fields.iter_mut().find(|f| f.id == F::Cadence) {
        f.kind = Kind::OptionalWhole {
            min: 1,
            max: MOST_CADENCE_DAYS,
            empty: cadence_hint(settings, level),
        };
    }
}

/// The form for a new buying influence (`None`) or for editing one. Roles
/// are four yes/no toggles; every enumerated field cycles. The cadence's
/// hint says the default of `settings` for the person's influence (and
/// follows the influence as it is changed: [`update_cadence_hint`]).
pub fn influence_form(
    o: &Opportunity,
    p: Option<&Influence>,
    settings: &Settings,
    today: Date,
) -> Form {
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
                .map(|x| person_label(&o.influences, x)),
        )
        .collect();
    let boss = p
        .and_then(|p| p.reports_to.as_deref())
        .and_then(|b| o.influences.iter().find(|x| x.id == b))
        .map_or(NONE.to_owned(), |b| person_label(&o.influences, b));
    let text = |f: fn(&Influence) -> &String| p.map_or(String::new(), |p| f(p).clone());
    let mut fields = vec![
        Field::new(F::Name, Kind::Text { required: true }, text(|p| &p.name)),
        Field::new(
            F::JobTitle,
            Kind::Text { required: false },
            text(|p| &p.title),
        ),
    ];
    fields.extend(ROLES.map(|(id, r)| Field::new(id, yes_no(), role(r))));
    fields.extend([
        Field::new(
            F::DecisionRole,
            Kind::Choice(choice_of(DecisionRole::ALL, DecisionRole::as_str, true)),
            opt(p.and_then(|p| p.decision_role).map(DecisionRole::as_str)),
        ),
        Field::new(
            F::Attitude,
            Kind::Choice(choice_of(Attitude::ALL, Attitude::as_str, false)),
            p.map_or(Attitude::Unknown, |p| p.attitude).as_str(),
        ),
        Field::new(
            F::Mode,
            Kind::Choice(choice_of(Mode::ALL, Mode::as_str, false)),
            p.map_or(Mode::Unknown, |p| p.mode).as_str(),
        ),
        Field::new(
            F::Influence,
            Kind::Choice(choice_of(Level::ALL, Level::as_str, true)),
            opt(p.and_then(|p| p.influence).map(Level::as_str)),
        ),
        Field::new(
            F::Coverage,
            Kind::Choice(COVERAGE.iter().map(|c| c.to_string()).collect()),
            COVERAGE[p.map_or(0, |p| p.coverage.0 as usize).min(3)],
        ),
        Field::new(
            F::Focus,
            Kind::Choice(choice_of(Focus::ALL, Focus::as_str, true)),
            opt(p.and_then(|p| p.focus).map(Focus::as_str)),
        ),
        Field::new(
            F::SocialStyle,
            Kind::Choice(choice_of(SocialStyle::ALL, SocialStyle::as_str, true)),
            opt(p.and_then(|p| p.social_style).map(SocialStyle::as_str)),
        ),
        Field::new(F::ReportsTo, Kind::Choice(others), boss),
        Field::new(F::Win, Kind::Text { required: false }, text(|p| &p.win)),
        Field::new(
            F::PersonalResult,
            Kind::Text { required: false },
            text(|p| &p.result),
        ),
        Field::new(
            F::LastContact,
            Kind::Date {
                optional: true,
                today,
            },
            p.and_then(|p| p.last_contact)
                .map_or(String::new(), |d| d.to_string()),
        ),
        Field::new(F::Email, Kind::Text { required: false }, text(|p| &p.email)),
        Field::new(F::Phone, Kind::Text { required: false }, text(|p| &p.phone)),
        Field::new(
            F::Cadence,
            Kind::OptionalWhole {
                min: 1,
                max: MOST_CADENCE_DAYS,
                empty: cadence_hint(settings, p.and_then(|p| p.influence)),
            },
            p.and_then(|p| p.cadence_days)
                .map_or(String::new(), |d| d.0.to_string()),
        ),
    ]);
    Form::new(
        if p.is_some() {
            crate::i18n::t("Edit buying influence")
        } else {
            crate::i18n::t("New buying influence")
        },
        fields,
    )
}

/// The form's values; "reports to" is picked among `people`, the deal's.
pub(super) fn fields(form: &Form, people: &[Influence]) -> InfluenceFields {
    InfluenceFields {
        name: form.value(F::Name).to_owned(),
        title: form.value(F::JobTitle).to_owned(),
        roles: ROLES
            .into_iter()
            .filter(|(id, _)| form.value(*id) == "yes")
            .map(|(_, r)| r)
            .collect(),
        decision_role: DecisionRole::parse(form.value(F::DecisionRole)),
        attitude: Attitude::parse(form.value(F::Attitude)).unwrap_or_default(),
        mode: Mode::parse(form.value(F::Mode)).unwrap_or_default(),
        influence: Level::parse(form.value(F::Influence)),
        coverage: Coverage(
            COVERAGE
                .iter()
                .position(|c| *c == form.value(F::Coverage))
                .unwrap_or(0) as u8,
        ),
        focus: Focus::parse(form.value(F::Focus)),
        social_style: SocialStyle::parse(form.value(F::SocialStyle)),
        reports_to: picked_person(people, form.value(F::ReportsTo)),
        win: form.value(F::Win).to_owned(),
        result: form.value(F::PersonalResult).to_owned(),
        last_contact: form.date(F::LastContact),
        email: form.value(F::Email).to_owned(),
        phone: form.value(F::Phone).to_owned(),
        cadence_days: form.field(F::Cadence).and_then(|f| f.whole()).map(Days),
    }
}
