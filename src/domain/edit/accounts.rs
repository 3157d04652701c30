//! Edits of accounts.

use super::{Change, Edit, Patch, Refusal};
use crate::domain::ids::next_id;
use crate::domain::{Account, AccountId, Relationship, Score, Tier, Workspace};
use crate::i18n::t;
use crate::tf;

/// What the user gives for an account; SWOT items one per entry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountFields {
    pub name: String,
    pub industry: String,
    pub tier: Option<Tier>,
    pub attractiveness: Option<Score>,
    pub advantage: Option<Score>,
    pub relationship: Option<Relationship>,
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
    pub notes: String,
}

pub fn add_account(ws: &Workspace, fields: AccountFields) -> Edit {
    let a = Account {
        id: next_id("a", ws.accounts.iter().map(|a| a.id.as_str())),
        ..Account::default()
    };
    put(ws, None, a, fields)
}

pub fn edit_account(ws: &Workspace, id: &AccountId, fields: AccountFields) -> Edit {
    let index = ws
        .accounts
        .iter()
        .position(|a| id.is(a))
        .ok_or(Refusal::Gone("account"))?;
    put(ws, Some(index), ws.accounts[index].clone(), fields)
}

/// `a` with `fields`, replacing the account at `index` or added.
fn put(ws: &Workspace, index: Option<usize>, mut a: Account, fields: AccountFields) -> Edit {
    let name = fields.name.trim();
    if name.is_empty() {
        return Err(Refusal::Invalid(t("an account needs a name").into()));
    }
    // deals pick their account by name, so two of the same name would be
    // impossible to tell apart in the form
    if ws.accounts.iter().any(|x| x.name == name && x.id != a.id) {
        return Err(Refusal::Invalid(tf!(
            "an account named {name} exists already",
            name = format!("{name:?}")
        )));
    }
    let before = a.clone();
    a.name = name.to_owned();
    a.industry = fields.industry;
    a.tier = fields.tier;
    a.attractiveness = fields.attractiveness;
    a.advantage = fields.advantage;
    a.relationship = fields.relationship;
    a.swot.strengths = fields.strengths;
    a.swot.weaknesses = fields.weaknesses;
    a.swot.opportunities = fields.opportunities;
    a.swot.threats = fields.threats;
    a.notes = fields.notes;
    let mut change = Change::new(if index.is_some() {
        tf!("account {name} edited", name = a.name)
    } else {
        tf!("account {name} added", name = a.name)
    });
    let patch = match index {
        Some(_) if a == before => return Err(Refusal::Unchanged),
        Some(i) => Patch::Account {
            index: i,
            before: Some(before),
            after: Some(a),
        },
        None => Patch::Account {
            index: ws.accounts.len(),
            before: None,
            after: Some(a),
        },
    };
    change.patches.push(patch);
    Ok(change)
}

/// Removes an account; refused while an opportunity uses it.
pub fn delete_account(ws: &Workspace, id: &AccountId) -> Edit {
    let index = ws
        .accounts
        .iter()
        .position(|a| id.is(a))
        .ok_or(Refusal::Gone("account"))?;
    let a = &ws.accounts[index];
    let using: Vec<&str> = ws
        .opportunities
        .iter()
        .filter(|o| o.account == a.id)
        .map(|o| o.id.as_str())
        .collect();
    if !using.is_empty() {
        let shown: Vec<&str> = using.iter().take(8).copied().collect();
        return Err(Refusal::Invalid(tf!(
            "{name} has {n} opportunities ({ids}{more}): move or delete them first",
            name = a.name,
            n = using.len(),
            ids = shown.join(", "),
            more = if using.len() > 8 { ", …" } else { "" }
        )));
    }
    let mut change = Change::new(tf!("account {name} deleted", name = a.name));
    change.patches.push(Patch::Account {
        index,
        before: Some(a.clone()),
        after: None,
    });
    Ok(change)
}

/// The id of the account named `name`, adding to `change` a patch that
/// creates it when there is none.
pub(super) fn account_for(ws: &Workspace, name: &str, change: &mut Change) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, ws};
    use super::*;

    fn named(name: &str) -> AccountFields {
        AccountFields {
            name: name.into(),
            ..AccountFields::default()
        }
    }

    #[test]
    fn an_account_name_is_used_once() {
        let ws = ws();
        let e = add_account(&ws, named("Acme")).unwrap_err();
        assert_eq!(e.to_string(), "an account named \"Acme\" exists already");
        let e = edit_account(&ws, &AccountId::new("a2"), named("Acme")).unwrap_err();
        assert!(matches!(e, Refusal::Invalid(_)));
        // keeping its own name is no clash
        let mut same_name = named("Acme");
        same_name.industry = "oil".into();
        let c = edit_account(&ws, &AccountId::new("a1"), same_name).unwrap();
        assert_eq!(after(&ws, &c).accounts[0].industry, "oil");
    }

    #[test]
    fn an_edit_that_changes_nothing_is_refused_as_unchanged() {
        let ws = ws();
        let mut same = named("Idle");
        same.notes = ws.accounts[1].notes.clone();
        let e = edit_account(&ws, &AccountId::new("a2"), same);
        assert_eq!(e, Err(Refusal::Unchanged));
        assert_eq!(
            edit_account(&ws, &AccountId::new("zz"), named("x")),
            Err(Refusal::Gone("account"))
        );
    }

    #[test]
    fn a_new_account_takes_the_next_id() {
        let ws = ws();
        let c = add_account(&ws, named("Nova")).unwrap();
        let ws = after(&ws, &c);
        assert_eq!(ws.accounts[2].id, "a3");
        assert_eq!(c.label, "account Nova added");
    }

    #[test]
    fn an_account_still_used_by_deals_is_not_deleted() {
        let ws = ws();
        let e = delete_account(&ws, &AccountId::new("a1")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Acme has 1 opportunities (o1): move or delete them first"
        );
        let c = delete_account(&ws, &AccountId::new("a2")).unwrap();
        assert_eq!(after(&ws, &c).accounts.len(), 1);
    }
}
