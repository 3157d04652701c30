//! Edits of accounts.

use super::*;

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

pub(super) fn account_from_form(
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
