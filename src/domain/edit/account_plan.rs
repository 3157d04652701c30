//! Edits of an account's plan, credit, invoices, complaints, satisfaction
//! scores and contacts (spec section 11). Each edit replaces the whole
//! account in one patch, so one undo takes it back.

use super::{Change, Edit, Patch, Refusal};
use crate::domain::ids::next_id;
use crate::domain::{
    Account, AccountId, AccountPlan, Complaint, Contact, Credit, Date, Days, Invoice, Money,
    Satisfaction, Score, Workspace,
};
use crate::i18n::t;
use crate::tf;

/// The account plan as the user gives it; goals one per entry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanFields {
    pub last_year_target: Option<Money>,
    pub last_year_result: Option<Money>,
    pub target: Option<Money>,
    pub strategy: String,
    pub resources: String,
    pub goals: Vec<String>,
    pub needs: String,
    pub decision_process: String,
}

impl PlanFields {
    pub fn of(a: &Account) -> PlanFields {
        let p = a.plan.clone().unwrap_or_default();
        PlanFields {
            last_year_target: p.last_year_target,
            last_year_result: p.last_year_result,
            target: p.target,
            strategy: p.strategy,
            resources: p.resources,
            goals: p.goals,
            needs: p.needs,
            decision_process: p.decision_process,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreditFields {
    pub limit: Option<Money>,
    pub terms_days: Option<Days>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InvoiceFields {
    pub number: String,
    pub amount: Money,
    pub issued: Option<Date>,
    /// Empty: issued plus the account's terms, when both are known.
    pub due: Option<Date>,
    pub paid: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintFields {
    pub text: String,
    pub raised: Option<Date>,
    pub resolved: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SatisfactionFields {
    pub on: Option<Date>,
    pub score: Option<Score>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactFields {
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

/// The change that replaces account `id` with what `f` makes of a copy of
/// it; refused when `f` refuses or changes nothing.
fn on_account(
    ws: &Workspace,
    id: &AccountId,
    f: impl FnOnce(&mut Account) -> Result<String, Refusal>,
) -> Edit {
    let index = ws
        .accounts
        .iter()
        .position(|a| id.is(a))
        .ok_or(Refusal::Gone("account"))?;
    let before = &ws.accounts[index];
    let mut a = before.clone();
    let label = f(&mut a)?;
    if a == *before {
        return Err(Refusal::Unchanged);
    }
    let mut change = Change::new(label);
    change.patches.push(Patch::Account {
        index,
        before: Some(before.clone()),
        after: Some(a),
    });
    Ok(change)
}

fn invalid(why: String) -> Refusal {
    Refusal::Invalid(why)
}

fn trimmed(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Sets the account plan; a plan with nothing in it is removed.
pub fn set_plan(ws: &Workspace, id: &AccountId, fields: PlanFields) -> Edit {
    on_account(ws, id, |a| {
        let mut plan = a.plan.clone().unwrap_or_default();
        plan.last_year_target = fields.last_year_target;
        plan.last_year_result = fields.last_year_result;
        plan.target = fields.target;
        plan.strategy = fields.strategy.trim().to_owned();
        plan.resources = fields.resources.trim().to_owned();
        plan.goals = trimmed(fields.goals);
        plan.needs = fields.needs.trim().to_owned();
        plan.decision_process = fields.decision_process.trim().to_owned();
        a.plan = (plan != AccountPlan::default()).then_some(plan);
        Ok(tf!("plan of {name} saved", name = a.name))
    })
}

/// Sets the credit limit and payment terms, keeping the invoices.
pub fn set_credit_terms(ws: &Workspace, id: &AccountId, fields: CreditFields) -> Edit {
    if let Some(d) = fields.terms_days.filter(|d| !(1..=3650).contains(&d.0)) {
        return Err(invalid(tf!(
            "payment terms of {n} days are out of range, expected 1 to 3650",
            n = d.0
        )));
    }
    on_account(ws, id, |a| {
        let mut credit = a.credit.clone().unwrap_or_default();
        credit.limit = fields.limit;
        credit.terms_days = fields.terms_days;
        a.credit = (credit != Credit::default()).then_some(credit);
        Ok(tf!("credit terms of {name} saved", name = a.name))
    })
}

/// The invoice from `fields`, checked: an amount above zero, an issue
/// date, and no due or paid date before it. An empty due date becomes the
/// issue date plus the account's `terms` now, so later terms do not move
/// the due date of an invoice already issued.
fn invoice_from(
    mut i: Invoice,
    mut fields: InvoiceFields,
    terms: Option<Days>,
) -> Result<Invoice, Refusal> {
    if fields.amount <= Money(0) {
        return Err(invalid(t("an invoice needs an amount above zero").into()));
    }
    let Some(issued) = fields.issued else {
        return Err(invalid(t("an invoice needs the date it was issued").into()));
    };
    if fields.due.is_none() {
        fields.due = terms.map(|d| issued.plus_days(i64::from(d.0)));
    }
    for (date, what) in [(fields.due, "due"), (fields.paid, "paid")] {
        if let Some(date) = date.filter(|d| *d < issued) {
            return Err(invalid(tf!(
                "{what} {date} is before the invoice was issued ({issued})",
                what = t(what),
                date,
                issued
            )));
        }
    }
    i.number = fields.number.trim().to_owned();
    i.amount = fields.amount;
    i.issued = fields.issued;
    i.due = fields.due;
    i.paid = fields.paid;
    Ok(i)
}

fn invoice_name(i: &Invoice) -> String {
    i.label().to_owned()
}

pub fn add_invoice(ws: &Workspace, id: &AccountId, fields: InvoiceFields) -> Edit {
    on_account(ws, id, |a| {
        let credit = a.credit.get_or_insert_with(Credit::default);
        let new = Invoice {
            id: next_id("inv", credit.invoices.iter().map(|i| i.id.as_str())),
            ..Invoice::default()
        };
        let i = invoice_from(new, fields, credit.terms_days)?;
        let label = tf!("invoice {number} added", number = invoice_name(&i));
        credit.invoices.push(i);
        Ok(label)
    })
}

fn invoice_mut<'a>(a: &'a mut Account, invoice: &str) -> Result<&'a mut Invoice, Refusal> {
    a.credit
        .as_mut()
        .and_then(|c| c.invoices.iter_mut().find(|i| i.id == invoice))
        .ok_or(Refusal::Gone("invoice"))
}

pub fn edit_invoice(ws: &Workspace, id: &AccountId, invoice: &str, fields: InvoiceFields) -> Edit {
    on_account(ws, id, |a| {
        let terms = a.credit.as_ref().and_then(|c| c.terms_days);
        let i = invoice_mut(a, invoice)?;
        *i = invoice_from(i.clone(), fields, terms)?;
        Ok(tf!("invoice {number} edited", number = invoice_name(i)))
    })
}

/// Marks an unpaid invoice paid on `on`, or a paid one unpaid again.
pub fn toggle_invoice_paid(ws: &Workspace, id: &AccountId, invoice: &str, on: Date) -> Edit {
    on_account(ws, id, |a| {
        let i = invoice_mut(a, invoice)?;
        if i.paid.take().is_some() {
            return Ok(tf!(
                "invoice {number} unpaid again",
                number = invoice_name(i)
            ));
        }
        if i.issued.is_some_and(|d| on < d) {
            return Err(invalid(tf!(
                "paid {date} is before the invoice was issued ({issued})",
                date = on,
                issued = i.issued.unwrap_or(on)
            )));
        }
        i.paid = Some(on);
        Ok(tf!("invoice {number} paid", number = invoice_name(i)))
    })
}

pub fn delete_invoice(ws: &Workspace, id: &AccountId, invoice: &str) -> Edit {
    on_account(ws, id, |a| {
        let c = a.credit.as_mut().ok_or(Refusal::Gone("invoice"))?;
        let n = c
            .invoices
            .iter()
            .position(|i| i.id == invoice)
            .ok_or(Refusal::Gone("invoice"))?;
        let gone = c.invoices.remove(n);
        Ok(tf!(
            "invoice {number} deleted",
            number = invoice_name(&gone)
        ))
    })
}

fn complaint_from(mut c: Complaint, fields: ComplaintFields) -> Result<Complaint, Refusal> {
    let text = fields.text.trim();
    if text.is_empty() {
        return Err(invalid(t("a complaint needs its text").into()));
    }
    let raised = fields
        .raised
        .ok_or_else(|| invalid(t("a complaint needs the date it was raised").into()))?;
    if let Some(resolved) = fields.resolved.filter(|d| *d < raised) {
        return Err(invalid(tf!(
            "resolved {resolved} is before the complaint was raised ({raised})",
            resolved,
            raised
        )));
    }
    c.text = text.to_owned();
    c.raised = raised;
    c.resolved = fields.resolved;
    Ok(c)
}

fn complaint_mut<'a>(a: &'a mut Account, complaint: &str) -> Result<&'a mut Complaint, Refusal> {
    a.complaints
        .iter_mut()
        .find(|c| c.id == complaint)
        .ok_or(Refusal::Gone("complaint"))
}

pub fn add_complaint(ws: &Workspace, id: &AccountId, fields: ComplaintFields) -> Edit {
    on_account(ws, id, |a| {
        let new = Complaint {
            id: next_id("cp", a.complaints.iter().map(|c| c.id.as_str())),
            ..Complaint::default()
        };
        let c = complaint_from(new, fields)?;
        let label = tf!("complaint {text} recorded", text = super::called(&c.text));
        a.complaints.push(c);
        Ok(label)
    })
}

pub fn edit_complaint(
    ws: &Workspace,
    id: &AccountId,
    complaint: &str,
    fields: ComplaintFields,
) -> Edit {
    on_account(ws, id, |a| {
        let c = complaint_mut(a, complaint)?;
        *c = complaint_from(c.clone(), fields)?;
        Ok(tf!(
            "complaint {text} edited",
            text = super::called(&c.text)
        ))
    })
}

/// Resolves an open complaint on `on`, or reopens a resolved one.
pub fn toggle_complaint_resolved(
    ws: &Workspace,
    id: &AccountId,
    complaint: &str,
    on: Date,
) -> Edit {
    on_account(ws, id, |a| {
        let c = complaint_mut(a, complaint)?;
        if c.resolved.take().is_some() {
            return Ok(tf!(
                "complaint {text} reopened",
                text = super::called(&c.text)
            ));
        }
        if on < c.raised {
            return Err(invalid(tf!(
                "resolved {resolved} is before the complaint was raised ({raised})",
                resolved = on,
                raised = c.raised
            )));
        }
        c.resolved = Some(on);
        Ok(tf!(
            "complaint {text} resolved",
            text = super::called(&c.text)
        ))
    })
}

pub fn delete_complaint(ws: &Workspace, id: &AccountId, complaint: &str) -> Edit {
    on_account(ws, id, |a| {
        let n = a
            .complaints
            .iter()
            .position(|c| c.id == complaint)
            .ok_or(Refusal::Gone("complaint"))?;
        let gone = a.complaints.remove(n);
        Ok(tf!(
            "complaint {text} deleted",
            text = super::called(&gone.text)
        ))
    })
}

fn satisfaction_from(fields: SatisfactionFields) -> Result<Satisfaction, Refusal> {
    Ok(Satisfaction {
        on: fields
            .on
            .ok_or_else(|| invalid(t("a satisfaction score needs its date").into()))?,
        score: fields
            .score
            .ok_or_else(|| invalid(t("a satisfaction score needs a score from 1 to 5").into()))?,
        note: fields.note.trim().to_owned(),
        extra: Default::default(),
    })
}

/// Records a satisfaction score.
pub fn add_satisfaction(ws: &Workspace, id: &AccountId, fields: SatisfactionFields) -> Edit {
    on_account(ws, id, |a| {
        let s = satisfaction_from(fields)?;
        let label = tf!(
            "satisfaction {score} of {on} recorded",
            score = s.score.0,
            on = s.on
        );
        a.satisfaction.push(s);
        Ok(label)
    })
}

/// Replaces the score at `index` of `satisfaction` (scores have no id),
/// keeping what the file had beyond the known fields.
pub fn edit_satisfaction(
    ws: &Workspace,
    id: &AccountId,
    index: usize,
    fields: SatisfactionFields,
) -> Edit {
    on_account(ws, id, |a| {
        let slot = a
            .satisfaction
            .get_mut(index)
            .ok_or(Refusal::Gone("satisfaction score"))?;
        let extra = std::mem::take(&mut slot.extra);
        *slot = Satisfaction {
            extra,
            ..satisfaction_from(fields)?
        };
        Ok(tf!("satisfaction of {on} edited", on = slot.on))
    })
}

pub fn delete_satisfaction(ws: &Workspace, id: &AccountId, index: usize) -> Edit {
    on_account(ws, id, |a| {
        if index >= a.satisfaction.len() {
            return Err(Refusal::Gone("satisfaction score"));
        }
        let gone = a.satisfaction.remove(index);
        Ok(tf!("satisfaction of {on} deleted", on = gone.on))
    })
}

fn contact_from(mut c: Contact, fields: ContactFields) -> Result<Contact, Refusal> {
    let name = fields.name.trim();
    if name.is_empty() {
        return Err(invalid(t("a contact needs a name").into()));
    }
    c.name = name.to_owned();
    c.title = fields.title.trim().to_owned();
    c.email = fields.email.trim().to_owned();
    c.phone = fields.phone.trim().to_owned();
    Ok(c)
}

/// Adds a contact; its id is new across every account's contacts, as the
/// contact import makes them.
pub fn add_contact(ws: &Workspace, id: &AccountId, fields: ContactFields) -> Edit {
    let new = Contact {
        id: next_id(
            "p",
            ws.accounts
                .iter()
                .flat_map(|a| a.contacts.iter().map(|c| c.id.as_str())),
        ),
        ..Contact::default()
    };
    on_account(ws, id, |a| {
        let c = contact_from(new, fields)?;
        let label = tf!("contact {name} added", name = c.name);
        a.contacts.push(c);
        Ok(label)
    })
}

pub fn edit_contact(ws: &Workspace, id: &AccountId, contact: &str, fields: ContactFields) -> Edit {
    on_account(ws, id, |a| {
        let c = a
            .contacts
            .iter_mut()
            .find(|c| c.id == contact)
            .ok_or(Refusal::Gone("contact"))?;
        *c = contact_from(c.clone(), fields)?;
        Ok(tf!("contact {name} edited", name = c.name))
    })
}

pub fn delete_contact(ws: &Workspace, id: &AccountId, contact: &str) -> Edit {
    on_account(ws, id, |a| {
        let n = a
            .contacts
            .iter()
            .position(|c| c.id == contact)
            .ok_or(Refusal::Gone("contact"))?;
        let gone = a.contacts.remove(n);
        Ok(tf!("contact {name} deleted", name = gone.name))
    })
}

#[cfg(test)]
#[path = "account_plan_tests.rs"]
mod tests;
