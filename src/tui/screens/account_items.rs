//! Keys on the panes of view 4's account workspace: the plan, the credit
//! and its invoices, complaints, satisfaction, contacts, the account's
//! deals and its timeline. Every edit goes through
//! [`crate::domain::edit::account_plan`] (one change, one undo).

use super::rows;
use super::{AccountPane, Cmd, Cx};
use crate::domain::edit::{self, Edit};
use crate::domain::{Account, AccountId, ActionId, OpportunityId};
use crate::text::clean;
use crate::tui::app::FormPurpose;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::form::Form;
use crate::tui::forms;
use crate::tui::keymap::Action;

/// `action` on row `row` of `pane`, for the account at `index` of
/// `ws.accounts`.
pub fn on_action(pane: AccountPane, action: Action, cx: &Cx, index: usize, row: usize) -> Vec<Cmd> {
    let a = &cx.ws.accounts[index];
    let id = AccountId::of(a);
    match pane {
        AccountPane::Profile if action == Action::Edit => {
            form(forms::account_form(Some(a)), FormPurpose::EditAccount(id))
        }
        AccountPane::Plan if action == Action::Edit => {
            form(forms::plan_form(a), FormPurpose::AccountPlan(id))
        }
        AccountPane::Credit => credit(action, cx, a, row),
        AccountPane::Complaints => complaint(action, cx, a, row),
        AccountPane::Satisfaction => satisfaction(action, cx, a, row),
        AccountPane::Contacts => contact(action, cx, a, row),
        AccountPane::Deals if action == Action::Open => rows::deal_order(cx.ws, a)
            .get(row)
            .map(|&opportunity| {
                vec![Cmd::Jump {
                    opportunity,
                    action: None,
                }]
            })
            .unwrap_or_default(),
        AccountPane::Timeline => timeline(action, cx, a, row),
        _ => Vec::new(),
    }
}

fn form(form: Form, purpose: FormPurpose) -> Vec<Cmd> {
    vec![Cmd::Open(Dialog::Form(form, purpose))]
}

/// The question before a delete, or the refusal said.
fn confirm(edit: Edit, question: String) -> Vec<Cmd> {
    match edit {
        Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
            title: crate::i18n::t(" Delete "),
            question,
            change,
            kept: crate::i18n::t("not deleted"),
        }))],
        Err(why) => Cmd::edit(Err(why)),
    }
}

/// The credit pane: `c` the terms, `a` an invoice; `e`, `x`, `d` on the
/// selected invoice.
fn credit(action: Action, cx: &Cx, a: &Account, row: usize) -> Vec<Cmd> {
    let (ws, today, id) = (cx.ws, cx.today, AccountId::of(a));
    match action {
        Action::CreditTerms => return form(forms::credit_form(a), FormPurpose::CreditTerms(id)),
        Action::Add => {
            return form(
                forms::invoice_form(a, None, today),
                FormPurpose::NewInvoice(id),
            );
        }
        Action::Edit | Action::Done | Action::Delete => {}
        _ => return Vec::new(),
    }
    let Some(i) = rows::invoices(a)
        .get(row)
        .and_then(|&n| a.credit.as_ref()?.invoices.get(n))
    else {
        return vec![Cmd::say(crate::i18n::t(
            "no invoice selected: a adds one, c sets the credit terms",
        ))];
    };
    match action {
        Action::Edit => form(
            forms::invoice_form(a, Some(i), today),
            FormPurpose::EditInvoice(id, i.id.clone()),
        ),
        Action::Done => Cmd::edit(edit::toggle_invoice_paid(ws, &id, &i.id, today)),
        _ => {
            let name = clean(i.label()).into_owned();
            confirm(
                edit::delete_invoice(ws, &id, &i.id),
                crate::tf!("Delete the invoice {name}?", name),
            )
        }
    }
}

fn complaint(action: Action, cx: &Cx, a: &Account, row: usize) -> Vec<Cmd> {
    let (ws, today, id) = (cx.ws, cx.today, AccountId::of(a));
    match action {
        Action::Add => {
            return form(
                forms::complaint_form(None, today),
                FormPurpose::NewComplaint(id),
            );
        }
        Action::Edit | Action::Done | Action::Delete => {}
        _ => return Vec::new(),
    }
    let Some(c) = rows::complaints(a)
        .get(row)
        .and_then(|&n| a.complaints.get(n))
    else {
        return vec![Cmd::say(crate::i18n::t(
            "no complaint selected: a records one",
        ))];
    };
    match action {
        Action::Edit => form(
            forms::complaint_form(Some(c), today),
            FormPurpose::EditComplaint(id, c.id.clone()),
        ),
        Action::Done => Cmd::edit(edit::toggle_complaint_resolved(ws, &id, &c.id, today)),
        _ => confirm(
            edit::delete_complaint(ws, &id, &c.id),
            crate::tf!(
                "Delete the complaint “{text}”?",
                text = crate::text::truncate(&clean(&c.text), 40)
            ),
        ),
    }
}

fn satisfaction(action: Action, cx: &Cx, a: &Account, row: usize) -> Vec<Cmd> {
    let (ws, today, id) = (cx.ws, cx.today, AccountId::of(a));
    match action {
        Action::Add => {
            return form(
                forms::satisfaction_form(None, today),
                FormPurpose::NewSatisfaction(id),
            );
        }
        Action::Edit | Action::Delete => {}
        _ => return Vec::new(),
    }
    let Some((n, s)) = rows::satisfaction(a)
        .get(row)
        .and_then(|&n| Some((n, a.satisfaction.get(n)?)))
    else {
        return vec![Cmd::say(crate::i18n::t(
            "no satisfaction score selected: a records one",
        ))];
    };
    match action {
        Action::Edit => form(
            forms::satisfaction_form(Some(s), today),
            FormPurpose::EditSatisfaction(id, n),
        ),
        _ => confirm(
            edit::delete_satisfaction(ws, &id, n),
            crate::tf!(
                "Delete the satisfaction score of {on}?",
                on = s.on.to_string()
            ),
        ),
    }
}

fn contact(action: Action, cx: &Cx, a: &Account, row: usize) -> Vec<Cmd> {
    let (ws, id) = (cx.ws, AccountId::of(a));
    match action {
        Action::Add => return form(forms::contact_form(None), FormPurpose::NewContact(id)),
        Action::Edit | Action::Delete => {}
        _ => return Vec::new(),
    }
    let Some(c) = rows::contacts(a).get(row).and_then(|&n| a.contacts.get(n)) else {
        return vec![Cmd::say(crate::i18n::t("no contact selected: a adds one"))];
    };
    match action {
        Action::Edit => form(
            forms::contact_form(Some(c)),
            FormPurpose::EditContact(id, c.id.clone()),
        ),
        _ => confirm(
            edit::delete_contact(ws, &id, &c.id),
            crate::tf!("Delete the contact “{name}”?", name = clean(&c.name)),
        ),
    }
}

/// The timeline: Enter jumps to the action in its deal; `x` marks an open
/// one done (a call, meeting or visit asks for its debrief first, as in
/// views 1 and 2) or opens a done one again.
fn timeline(action: Action, cx: &Cx, a: &Account, row: usize) -> Vec<Cmd> {
    let (ws, today) = (cx.ws, cx.today);
    let Some(r) = rows::timeline(ws, a).get(row).copied() else {
        return match action {
            Action::Done => vec![Cmd::say(crate::i18n::t(
                "no action selected: a deal's actions are added in view 1",
            ))],
            _ => Vec::new(),
        };
    };
    let o = &ws.opportunities[r.deal];
    let x = &o.actions[r.action];
    match action {
        Action::Open => vec![Cmd::Jump {
            opportunity: r.deal,
            action: Some(x.id.clone()),
        }],
        Action::Done if x.done.is_none() && x.is_conversation() => form(
            forms::debrief_form(x, today),
            FormPurpose::Debrief(OpportunityId::of(o), ActionId::of(x)),
        ),
        Action::Done => Cmd::edit(edit::toggle_done(
            ws,
            &OpportunityId::of(o),
            &ActionId::of(x),
            today,
        )),
        _ => Vec::new(),
    }
}

/// The record at row `row` of `pane`, named so that it is found again
/// after an edit moved it: an invoice's or a complaint's id, an action as
/// `deal/action`.
pub fn record(
    pane: AccountPane,
    ws: &crate::domain::Workspace,
    a: &Account,
    row: usize,
) -> Option<String> {
    match pane {
        AccountPane::Credit => {
            let n = *rows::invoices(a).get(row)?;
            Some(a.credit.as_ref()?.invoices.get(n)?.id.clone())
        }
        AccountPane::Complaints => {
            let n = *rows::complaints(a).get(row)?;
            Some(a.complaints.get(n)?.id.clone())
        }
        AccountPane::Timeline => {
            let r = *rows::timeline(ws, a).get(row)?;
            let o = ws.opportunities.get(r.deal)?;
            Some(format!("{}/{}", o.id, o.actions.get(r.action)?.id))
        }
        _ => None,
    }
}

/// What goes with account `a` when it is deleted, for the question:
/// `its plan, 3 invoices, 1 complaint` (`None` when nothing does).
pub fn goes_with(a: &Account) -> Option<String> {
    use crate::text::count;
    let mut parts: Vec<String> = Vec::new();
    if a.plan.is_some() {
        parts.push(crate::i18n::t("its plan").to_owned());
    }
    let invoices = a.credit.as_ref().map_or(0, |c| c.invoices.len());
    for (n, one, many) in [
        (invoices, "invoice", "invoices"),
        (a.complaints.len(), "complaint", "complaints"),
        (
            a.satisfaction.len(),
            "satisfaction score",
            "satisfaction scores",
        ),
        (a.contacts.len(), "contact", "contacts"),
    ] {
        if n > 0 {
            parts.push(count(n as i64, one, many));
        }
    }
    (!parts.is_empty()).then(|| parts.join(crate::i18n::t(", ")))
}
