//! The forms of an account's workspace (spec section 11): its plan, its
//! credit terms, an invoice, a complaint, a satisfaction score and a
//! contact. The edits and their rules are in
//! [`crate::domain::edit::account_plan`].

use super::{FieldId as F, NONE, items};
use crate::domain::edit::{
    ComplaintFields, ContactFields, CreditFields, InvoiceFields, PlanFields, SatisfactionFields,
};
use crate::domain::{Account, Complaint, Contact, Date, Days, Invoice, Money, Satisfaction, Score};
use crate::i18n::t;
use crate::tui::form::{Field, Form, Kind};

const FREE: Kind = Kind::Text { required: false };

fn money_text(m: Option<Money>) -> String {
    m.map_or(String::new(), Money::grouped)
}

fn date_text(d: Option<Date>) -> String {
    d.map_or(String::new(), |d| d.to_string())
}

fn optional_date(today: Date) -> Kind {
    Kind::Date {
        optional: true,
        today,
    }
}

fn money_of(form: &Form, id: F) -> Option<Money> {
    form.field(id).and_then(Field::money)
}

/// The plan of account `a` (seed 003): last year's target and result,
/// this year's target, then the strategy, the resources it takes, the
/// customer's needs and decision process, and the goals, `;` between them.
pub fn plan_form(a: &Account) -> Form {
    let p = PlanFields::of(a);
    let amount = |id: F, m: Option<Money>, empty: &str| {
        Field::new(id, Kind::OptionalAmount(empty.to_owned()), money_text(m))
    };
    Form::new(
        crate::tf!(
            "Account plan: {name}",
            name = crate::text::truncate(&crate::text::clean(&a.name), 40)
        ),
        vec![
            amount(F::LastYearTarget, p.last_year_target, t("empty: not known")),
            amount(F::LastYearResult, p.last_year_result, t("empty: not known")),
            amount(F::YearTarget, p.target, t("empty: no target yet")),
            Field::new(F::PlanStrategy, FREE, p.strategy),
            Field::new(F::Resources, FREE, p.resources),
            Field::new(F::Needs, FREE, p.needs),
            Field::new(F::DecisionProcess, FREE, p.decision_process),
            Field::new(F::Goals, FREE, p.goals.join("; ")).with_hint(t("; between goals")),
        ],
    )
}

/// The plan the form says.
/// The plan the form says; `before` is the account as it was, whose goals
/// are kept as they are while their field is as it was shown (a goal
/// holding a `;` would otherwise come back as two). Goals are separated
/// by `;` or the Chinese `；`.
pub(super) fn plan_fields(form: &Form, before: Option<&Account>) -> PlanFields {
    let typed = form.value(F::Goals);
    let old = before.map(|a| PlanFields::of(a).goals).unwrap_or_default();
    let goals = if typed == old.join("; ") {
        old
    } else {
        items(&typed.replace('；', ";"), ';')
    };
    PlanFields {
        last_year_target: money_of(form, F::LastYearTarget),
        last_year_result: money_of(form, F::LastYearResult),
        target: money_of(form, F::YearTarget),
        strategy: form.value(F::PlanStrategy).to_owned(),
        resources: form.value(F::Resources).to_owned(),
        goals,
        needs: form.value(F::Needs).to_owned(),
        decision_process: form.value(F::DecisionProcess).to_owned(),
    }
}

/// The credit line of account `a`: its limit and payment terms.
pub fn credit_form(a: &Account) -> Form {
    let c = a.credit.clone().unwrap_or_default();
    Form::new(
        crate::tf!(
            "Credit terms: {name}",
            name = crate::text::truncate(&crate::text::clean(&a.name), 40)
        ),
        vec![
            Field::new(
                F::CreditLimit,
                Kind::OptionalAmount(t("empty: no credit limit").to_owned()),
                money_text(c.limit),
            ),
            Field::new(
                F::TermsDays,
                // what the file can hold (`Days`): 1 to 3650
                Kind::OptionalWhole {
                    min: 1,
                    max: 3650,
                    empty: t("empty: no payment terms agreed").to_owned(),
                },
                c.terms_days.map_or(String::new(), |d| d.0.to_string()),
            ),
        ],
    )
}

pub(super) fn credit_fields(form: &Form) -> CreditFields {
    CreditFields {
        limit: money_of(form, F::CreditLimit),
        terms_days: form.field(F::TermsDays).and_then(Field::whole).map(Days),
    }
}

/// A new invoice of account `a` (`None`: issued today) or one to edit; an
/// empty due date is the issue date plus the account's terms.
pub fn invoice_form(a: &Account, i: Option<&Invoice>, today: Date) -> Form {
    let terms = a.credit.as_ref().and_then(|c| c.terms_days);
    let due_hint = if terms.is_some() {
        t("empty: the issue date plus the account's payment terms")
    } else {
        t("empty: no due date (the account has no payment terms)")
    };
    Form::new(
        if i.is_some() {
            t("Edit invoice")
        } else {
            t("New invoice")
        },
        vec![
            Field::new(
                F::InvoiceNumber,
                FREE,
                i.map_or(String::new(), |i| i.number.clone()),
            ),
            Field::new(
                F::Amount,
                Kind::Money,
                i.map_or(String::new(), |i| i.amount.grouped()),
            ),
            Field::new(
                F::Issued,
                optional_date(today),
                date_text(i.map_or(Some(today), |i| i.issued)),
            ),
            Field::new(
                F::Due,
                optional_date(today),
                date_text(i.and_then(|i| i.due)),
            )
            .with_hint(due_hint),
            Field::new(
                F::Paid,
                // paid or resolved after today has not happened yet
                Kind::OptionalDateUpTo(today),
                date_text(i.and_then(|i| i.paid)),
            ),
        ],
    )
}

pub(super) fn invoice_fields(form: &Form) -> InvoiceFields {
    InvoiceFields {
        number: form.value(F::InvoiceNumber).to_owned(),
        amount: money_of(form, F::Amount).unwrap_or_default(),
        issued: form.date(F::Issued),
        due: form.date(F::Due),
        paid: form.date(F::Paid),
    }
}

/// A new complaint (`None`: raised today) or one to edit.
pub fn complaint_form(c: Option<&Complaint>, today: Date) -> Form {
    Form::new(
        if c.is_some() {
            t("Edit complaint")
        } else {
            t("New complaint")
        },
        vec![
            // the domain says what an empty text lacks
            Field::new(F::Text, FREE, c.map_or(String::new(), |c| c.text.clone())),
            Field::new(
                F::Raised,
                // not after today: a score or complaint still to come is
                // not one yet (the rules count them from today)
                Kind::DateUpTo(today),
                c.map_or(today, |c| c.raised).to_string(),
            ),
            Field::new(
                F::Resolved,
                Kind::OptionalDateUpTo(today),
                date_text(c.and_then(|c| c.resolved)),
            )
            .with_hint(t("empty: still open")),
        ],
    )
}

pub(super) fn complaint_fields(form: &Form) -> ComplaintFields {
    ComplaintFields {
        text: form.value(F::Text).to_owned(),
        raised: form.date(F::Raised),
        resolved: form.date(F::Resolved),
    }
}

/// How the choice shows score `n`: `4 happy`.
fn score_choice(n: i64) -> String {
    let word = match n {
        1 => t("very unhappy"),
        2 => t("unhappy"),
        3 => t("neutral"),
        4 => t("happy"),
        _ => t("delighted"),
    };
    format!("{n} {word}")
}

/// A new satisfaction score (`None`: today, no score picked yet) or one to
/// edit.
pub fn satisfaction_form(s: Option<&Satisfaction>, today: Date) -> Form {
    let choices: Vec<String> = std::iter::once(NONE.to_owned())
        .chain((1..=5).map(score_choice))
        .collect();
    Form::new(
        if s.is_some() {
            t("Edit satisfaction score")
        } else {
            t("New satisfaction score")
        },
        vec![
            Field::new(
                F::ScoredOn,
                // not after today: a score or complaint still to come is
                // not one yet (the rules count them from today)
                Kind::DateUpTo(today),
                s.map_or(today, |s| s.on).to_string(),
            ),
            Field::new(
                F::Score,
                Kind::Choice(choices),
                s.map_or(NONE.to_owned(), |s| score_choice(i64::from(s.score.0))),
            ),
            Field::new(F::Notes, FREE, s.map_or(String::new(), |s| s.note.clone())),
        ],
    )
}

pub(super) fn satisfaction_fields(form: &Form) -> SatisfactionFields {
    let score = form
        .value(F::Score)
        .split_whitespace()
        .next()
        .and_then(|n| n.parse::<i64>().ok())
        .and_then(Score::new);
    SatisfactionFields {
        on: form.date(F::ScoredOn),
        score,
        note: form.value(F::Notes).to_owned(),
    }
}

/// A new contact of the account (`None`) or one to edit.
pub fn contact_form(c: Option<&Contact>) -> Form {
    let text = |f: fn(&Contact) -> &String| c.map_or(String::new(), |c| f(c).clone());
    Form::new(
        if c.is_some() {
            t("Edit contact")
        } else {
            t("New contact")
        },
        vec![
            Field::new(F::Name, FREE, text(|c| &c.name)),
            Field::new(F::JobTitle, FREE, text(|c| &c.title)),
            Field::new(F::Email, FREE, text(|c| &c.email)),
            Field::new(F::Phone, FREE, text(|c| &c.phone)),
        ],
    )
}

pub(super) fn contact_fields(form: &Form) -> ContactFields {
    ContactFields {
        name: form.value(F::Name).to_owned(),
        title: form.value(F::JobTitle).to_owned(),
        email: form.value(F::Email).to_owned(),
        phone: form.value(F::Phone).to_owned(),
    }
}
