//! A team's workspaces as one workspace, for the workbench's team view
//! (spec section 13, issue 22): every screen works on one [`Workspace`], so
//! the members are combined into one rather than taught to every screen.
//!
//! What makes the combined workspace honest:
//! - ids that occur in two members are written `OWNER/ID` (separately for
//!   accounts and for opportunities), and every reference follows: a deal's
//!   account, the deals of a review;
//! - each deal's `owner` is its member's owner, so the owner column, the
//!   `owner:` filter and the forecast by owner all speak of whose pipeline it
//!   is; the deal's own owner, where it differs, is kept in
//!   [`Combined::deal_owners`];
//! - the combined settings are the first member's, so a deal whose stage
//!   probability differs there gets its member's as its own: every weighted
//!   value is the one its member shows;
//! - a whole-workspace target becomes its member's, and the team's target is
//!   their sum; a seller's target stays that seller's;
//! - one currency: money in two currencies is never added.

use super::team::Qualifier;
use super::{Money, Period, Review, Target, Workspace};
use crate::tf;
use std::collections::{BTreeMap, HashMap};

/// One member's workspace, with what names it.
#[derive(Debug)]
pub struct Part {
    /// The member's owner, unique in the team.
    pub owner: String,
    /// The file it was read from, for messages.
    pub file: String,
    pub workspace: Workspace,
}

/// The team as one workspace.
#[derive(Debug)]
pub struct Combined {
    pub workspace: Workspace,
    /// The members' owners, in the order given.
    pub owners: Vec<String>,
    /// A deal's own `owner` (by its combined id), where it is not blank and
    /// differs from its member's owner: the deal is shown as the member's.
    pub deal_owners: HashMap<String, String>,
    /// Members with merge conflicts still to resolve: their file and how
    /// many (the team view, read-only, shows their side and says so).
    pub unresolved: Vec<(String, usize)>,
}

/// Combines the members into one workspace (see the module's comment).
/// Refuses members in different currencies, naming each file and its
/// currency. `parts` must not be empty.
pub fn combine(parts: Vec<Part>) -> Result<Combined, String> {
    check_currency(&parts)?;
    let accounts = Qualifier::new(
        parts
            .iter()
            .map(|p| p.workspace.accounts.iter().map(|a| a.id.as_str())),
    );
    let deals = Qualifier::new(
        parts
            .iter()
            .map(|p| crate::domain::team::deal_ids(&p.workspace)),
    );
    let mut parts = parts.into_iter();
    let first = parts
        .next()
        .ok_or_else(|| crate::i18n::t("no workspace to combine").to_owned())?;
    let mut out = Workspace {
        settings: first.workspace.settings.clone(),
        ..Workspace::new("", &first.workspace.settings.currency)
    };
    // every deal carries its member's owner: no default is needed
    out.settings.owner = String::new();
    out.settings.targets = Vec::new();
    let mut team_targets: BTreeMap<Period, Money> = BTreeMap::new();
    let mut reviews: BTreeMap<super::Date, Review> = BTreeMap::new();
    let mut owners = Vec::new();
    let mut deal_owners = HashMap::new();
    let mut unresolved = Vec::new();
    for part in std::iter::once(first).chain(parts) {
        let Part {
            owner,
            workspace: ws,
            file,
        } = part;
        if !ws.conflicts.is_empty() {
            unresolved.push((file, ws.conflicts.len()));
        }
        for mut a in ws.accounts {
            a.id = accounts.id(&owner, &a.id);
            out.accounts.push(a);
        }
        for mut o in ws.opportunities {
            o.id = deals.id(&owner, &o.id);
            o.account = accounts.id(&owner, &o.account);
            let own = ws.settings.stage_probability.get(o.stage);
            if o.probability.is_none() && own != out.settings.stage_probability.get(o.stage) {
                o.probability = Some(own);
            }
            let own_owner = std::mem::replace(&mut o.owner, owner.clone());
            if !own_owner.trim().is_empty() && own_owner.trim() != owner {
                deal_owners.insert(o.id.clone(), own_owner);
            }
            out.opportunities.push(o);
        }
        for t in ws.settings.targets {
            if t.owner_name().is_none() {
                *team_targets.entry(t.period).or_insert(Money::ZERO) += t.amount;
            }
            out.settings.targets.push(Target {
                owner: Some(t.owner_name().unwrap_or(&owner).to_owned()),
                ..t
            });
        }
        // reviews of one day are one review of the team's deals that day
        for mut r in ws.reviews {
            for seen in &mut r.opportunities {
                seen.id = deals.id(&owner, &seen.id);
            }
            match reviews.get_mut(&r.on) {
                Some(same_day) => same_day.opportunities.append(&mut r.opportunities),
                None => {
                    reviews.insert(r.on, r);
                }
            }
        }
        owners.push(owner);
    }
    out.settings
        .targets
        .extend(team_targets.into_iter().map(|(period, amount)| Target {
            period,
            amount,
            owner: None,
            extra: Default::default(),
        }));
    out.reviews = reviews.into_values().collect();
    Ok(Combined {
        workspace: out,
        owners,
        deal_owners,
        unresolved,
    })
}

fn check_currency(parts: &[Part]) -> Result<(), String> {
    let currency = |p: &Part| p.workspace.settings.currency.trim().to_uppercase();
    let Some(first) = parts.first().map(currency) else {
        return Ok(());
    };
    if parts.iter().all(|p| currency(p) == first) {
        return Ok(());
    }
    let each: Vec<String> = parts
        .iter()
        .map(|p| format!("{} ({})", p.file, p.workspace.settings.currency))
        .collect();
    Err(tf!(
        "these workspaces are in different currencies: {each}; a team view adds their money, so it needs one currency",
        each = each.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Date, Percent, ReviewedOpportunity, Stage};

    fn deal(id: &str, account: &str, stage: Stage, value: i64) -> crate::domain::Opportunity {
        crate::domain::Opportunity {
            id: id.into(),
            title: id.into(),
            account: account.into(),
            stage,
            value: Money::from_units(value),
            ..Default::default()
        }
    }

    fn member(owner: &str, ids: &[(&str, &str)]) -> Part {
        let mut ws = Workspace::new(owner, "CNY");
        for (deal_id, account) in ids {
            if ws.accounts.iter().all(|a| a.id != *account) {
                ws.accounts.push(crate::domain::Account {
                    id: account.to_string(),
                    name: format!("{owner} {account}"),
                    ..Default::default()
                });
            }
            ws.opportunities
                .push(deal(deal_id, account, Stage::Drive, 1000));
        }
        Part {
            owner: owner.into(),
            file: format!("{owner}.json"),
            workspace: ws,
        }
    }

    #[test]
    fn colliding_ids_are_qualified_and_references_follow() {
        let mut li = member("Li", &[("o1", "a1"), ("o2", "a2")]);
        let wang = member("Wang", &[("o1", "a1"), ("o3", "a3")]);
        li.workspace.reviews.push(Review {
            on: Date::parse("2026-11-16").unwrap(),
            opportunities: vec![ReviewedOpportunity {
                id: "o1".into(),
                stage: Stage::Drive,
                ..Default::default()
            }],
            ..Default::default()
        });
        let c = combine(vec![li, wang]).unwrap();
        let ids: Vec<(&str, &str)> = c
            .workspace
            .opportunities
            .iter()
            .map(|o| (o.id.as_str(), o.account.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("Li/o1", "Li/a1"),
                ("o2", "a2"),
                ("Wang/o1", "Wang/a1"),
                ("o3", "a3")
            ]
        );
        // every deal's account is found under its new id
        for o in &c.workspace.opportunities {
            assert!(c.workspace.account(&o.account).is_some(), "{}", o.account);
        }
        assert_eq!(c.workspace.reviews[0].opportunities[0].id, "Li/o1");
        assert_eq!(c.owners, ["Li", "Wang"]);
        assert!(c.unresolved.is_empty());
    }

    #[test]
    fn members_with_conflicts_to_resolve_are_named() {
        let li = member("Li", &[("o1", "a1")]);
        let mut wang = member("Wang", &[("o2", "a2")]);
        wang.workspace.conflicts.push(crate::domain::Conflict {
            path: "opportunities[o2].stage".into(),
            ..Default::default()
        });
        let c = combine(vec![li, wang]).unwrap();
        assert_eq!(c.unresolved, [("Wang.json".to_owned(), 1)]);
        assert!(c.workspace.conflicts.is_empty());
    }

    #[test]
    fn each_deal_is_its_members_and_its_own_owner_is_kept_aside() {
        let mut li = member("Li", &[("o1", "a1"), ("o2", "a1")]);
        li.workspace.opportunities[1].owner = "Zhao".into();
        let wang = member("Wang", &[("o3", "a3")]);
        let c = combine(vec![li, wang]).unwrap();
        let owners: Vec<&str> = c
            .workspace
            .opportunities
            .iter()
            .map(|o| o.owner.as_str())
            .collect();
        assert_eq!(owners, ["Li", "Li", "Wang"]);
        assert_eq!(c.deal_owners.get("o2").map(String::as_str), Some("Zhao"));
        assert_eq!(c.deal_owners.len(), 1);
    }

    #[test]
    fn weighted_values_are_the_members_whatever_their_stage_probabilities() {
        let li = member("Li", &[("o1", "a1")]);
        let mut wang = member("Wang", &[("o2", "a2"), ("o3", "a2")]);
        wang.workspace.settings.stage_probability.drive = Percent(55);
        // a probability of its own stays
        wang.workspace.opportunities[1].probability = Some(Percent(10));
        let weighted = |ws: &Workspace| -> Money {
            ws.opportunities
                .iter()
                .map(|o| o.weighted(&ws.settings))
                .fold(Money::ZERO, |a, b| a + b)
        };
        let sum = weighted(&li.workspace) + weighted(&wang.workspace);
        let c = combine(vec![li, wang]).unwrap();
        assert_eq!(weighted(&c.workspace), sum);
        assert_eq!(c.workspace.opportunities[0].probability, None);
        assert_eq!(c.workspace.opportunities[1].probability, Some(Percent(55)));
        assert_eq!(c.workspace.opportunities[2].probability, Some(Percent(10)));
    }

    #[test]
    fn targets_go_with_their_owner_and_the_team_target_is_their_sum() {
        let q4 = Period::parse("2026-Q4").unwrap();
        let target = |amount, owner: Option<&str>| Target {
            period: q4,
            amount: Money::from_units(amount),
            owner: owner.map(Into::into),
            extra: Default::default(),
        };
        let mut li = member("Li", &[("o1", "a1")]);
        li.workspace.settings.targets = vec![target(100, None), target(30, Some("Zhao"))];
        let mut wang = member("Wang", &[("o2", "a2")]);
        wang.workspace.settings.targets = vec![target(50, None)];
        let c = combine(vec![li, wang]).unwrap();
        let got: Vec<(i64, Option<&str>)> = c
            .workspace
            .settings
            .targets
            .iter()
            .map(|t| (t.amount.0 / 100, t.owner_name()))
            .collect();
        assert_eq!(
            got,
            [
                (100, Some("Li")),
                (30, Some("Zhao")),
                (50, Some("Wang")),
                (150, None)
            ]
        );
    }

    #[test]
    fn mixed_currencies_are_refused_naming_each_file() {
        let li = member("Li", &[("o1", "a1")]);
        let mut wang = member("Wang", &[("o2", "a2")]);
        wang.workspace.settings.currency = "EUR".into();
        let e = combine(vec![li, wang]).unwrap_err();
        assert!(
            e.contains("Li.json (CNY)") && e.contains("Wang.json (EUR)"),
            "{e}"
        );
    }

    #[test]
    fn reviews_of_one_day_become_one() {
        let on = Date::parse("2026-11-16").unwrap();
        let review = |id: &str| Review {
            on,
            opportunities: vec![ReviewedOpportunity {
                id: id.into(),
                stage: Stage::Drive,
                ..Default::default()
            }],
            ..Default::default()
        };
        let mut li = member("Li", &[("o1", "a1")]);
        li.workspace.reviews.push(review("o1"));
        let mut wang = member("Wang", &[("o2", "a2")]);
        wang.workspace.reviews.push(review("o2"));
        let c = combine(vec![li, wang]).unwrap();
        assert_eq!(c.workspace.reviews.len(), 1);
        let ids: Vec<&str> = c.workspace.reviews[0]
            .opportunities
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["o1", "o2"]);
    }
}
