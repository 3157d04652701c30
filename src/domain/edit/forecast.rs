//! Edits of the forecast (spec section 8): a deal's category, and the
//! targets of a period.

use super::{Change, Edit, Patch, Refusal, on_opportunity};
use crate::domain::forecast;
use crate::domain::{ForecastCategory, Money, OpportunityId, Period, Target, Workspace};
use crate::tf;

/// Sets the deal's forecast category; `None` goes back to the one its
/// probability gives.
pub fn set_forecast_category(
    ws: &Workspace,
    id: &OpportunityId,
    category: Option<ForecastCategory>,
) -> Edit {
    let settings = &ws.settings;
    on_opportunity(ws, id, |o| {
        if o.forecast_category == category {
            return Err(Refusal::Unchanged);
        }
        o.forecast_category = category;
        Ok(match category {
            Some(c) => tf!(
                "{deal}: forecast category {category}",
                deal = super::called(&o.title),
                category = c.label()
            ),
            None => tf!(
                "{deal}: forecast category from its probability ({category})",
                deal = super::called(&o.title),
                category = forecast::category(o, settings).label()
            ),
        })
    })
}

/// The category after `current` when the seller cycles with one key:
/// from its probability → commit → best case → pipeline → omitted → from
/// its probability.
pub fn next_category(current: Option<ForecastCategory>) -> Option<ForecastCategory> {
    let all = ForecastCategory::ALL;
    match current {
        None => Some(all[0]),
        Some(c) => all.get(c as usize + 1).copied(),
    }
}

/// The targets of one period for one owner (`None`: the whole workspace):
/// `amount` for the period itself and, for a quarter, `months` for each of
/// its three months (`None`: no target of its own; a month then takes a
/// third of the quarter's). Other periods' and owners' targets are kept.
pub fn set_targets(
    ws: &Workspace,
    period: Period,
    owner: Option<&str>,
    amount: Option<Money>,
    months: &[Option<Money>],
) -> Edit {
    let owner = owner.map(str::trim).filter(|o| !o.is_empty());
    if amount
        .into_iter()
        .chain(months.iter().flatten().copied())
        .any(|a| a.0 <= 0)
    {
        return Err(Refusal::Invalid(
            crate::i18n::t("a target is more than 0: leave the field empty for none").to_owned(),
        ));
    }
    let mut periods = vec![(period, amount)];
    if period.is_quarter() {
        periods.extend(period.months().into_iter().zip(months.iter().copied()));
    }
    let before = ws.settings.targets.clone();
    let mut after = before.clone();
    for (p, amount) in &periods {
        let same = |t: &Target| t.period == *p && t.owner_name() == owner;
        match (after.iter().position(same), amount) {
            (Some(i), Some(a)) => after[i].amount = *a,
            (Some(i), None) => {
                after.remove(i);
            }
            (None, Some(a)) => after.push(Target {
                period: *p,
                amount: *a,
                owner: owner.map(str::to_owned),
                ..Target::default()
            }),
            (None, None) => {}
        }
    }
    // kept in period order, then owner, so the file reads as a plan
    after.sort_by(|a, b| (a.period, &a.owner).cmp(&(b.period, &b.owner)));
    if after == before {
        return Err(Refusal::Unchanged);
    }
    let who = owner.map_or_else(
        || crate::i18n::t("the whole workspace").to_owned(),
        str::to_owned,
    );
    let mut change = Change::new(tf!(
        "targets of {period} for {who}",
        period = period.label(),
        who
    ));
    change.patches.push(Patch::Targets { before, after });
    Ok(change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Opportunity, Stage};

    fn ws() -> Workspace {
        let mut ws = Workspace::new("Li", "CNY");
        ws.opportunities.push(Opportunity {
            id: "o1".into(),
            title: "ERP".into(),
            account: "a".into(),
            stage: Stage::Negotiate,
            ..Opportunity::default()
        });
        ws
    }

    #[test]
    fn the_category_cycles_through_every_value_and_back_to_derived() {
        let mut seen = vec![None];
        let mut c = next_category(None);
        while c.is_some() {
            seen.push(c);
            c = next_category(c);
        }
        assert_eq!(seen.len(), 5);
        let ws = ws();
        let id = OpportunityId::new("o1");
        let mut copy = ws.clone();
        let change = set_forecast_category(&ws, &id, Some(ForecastCategory::Commit)).unwrap();
        change.apply(&mut copy);
        assert_eq!(
            copy.opportunities[0].forecast_category,
            Some(ForecastCategory::Commit)
        );
        change.revert(&mut copy);
        assert_eq!(copy, ws);
        assert_eq!(
            set_forecast_category(&ws, &id, None),
            Err(Refusal::Unchanged)
        );
    }

    #[test]
    fn targets_of_a_quarter_and_its_months_replace_only_their_own() {
        let mut ws = ws();
        let q = Period::parse("2026-Q4").unwrap();
        let other = Target {
            period: q,
            amount: Money::from_units(7),
            owner: Some("Wang".into()),
            ..Target::default()
        };
        ws.settings.targets.push(other.clone());
        let m = |n| Some(Money::from_units(n));
        let change = set_targets(&ws, q, None, m(900), &[None, m(500), None]).unwrap();
        let mut after = ws.clone();
        change.apply(&mut after);
        let t = &after.settings.targets;
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t.contains(&other));
        assert_eq!(
            forecast::target(t, Period::parse("2026-12").unwrap(), None),
            m(300)
        );
        // clearing the quarter's amount removes its entry, the month stays
        let change = set_targets(&after, q, None, None, &[None, m(500), None]).unwrap();
        change.apply(&mut after);
        assert_eq!(after.settings.targets.len(), 2);
        change.revert(&mut after);
        assert_eq!(after.settings.targets.len(), 3);
        // a target of 0 would read "target met: won 0 of 0"
        assert!(matches!(
            set_targets(&after, q, None, Some(Money::ZERO), &[None, None, None]),
            Err(Refusal::Invalid(_))
        ));
    }
}
