//! The weekly report's accounts at risk (spec section 11): the warning
//! signs of every account, so the manager reading the Monday report sees
//! an overdue invoice or a falling satisfaction score next to the deals.

use super::report::md;
use crate::domain::Workspace;
use crate::domain::account_warnings::{AccountWarning, RULE_IDS};
use crate::domain::accounts::all_figures;
use crate::i18n::t;
use serde_json::{Value, json};

/// How many warnings the Markdown report lists before it counts the rest.
const SHOWN: usize = 10;

/// Every account's warnings as (account index, warning), the most urgent
/// kind first (the order of spec 11's table), then in file order.
fn at_risk(ws: &Workspace, today: crate::domain::Date) -> Vec<(usize, AccountWarning)> {
    let mut all: Vec<(usize, AccountWarning)> = all_figures(ws, today)
        .into_iter()
        .enumerate()
        .flat_map(|(n, f)| f.warnings.into_iter().map(move |w| (n, w)))
        .collect();
    let rank = |w: &AccountWarning| RULE_IDS.iter().position(|r| *r == w.rule);
    // stable: within a rule, accounts keep the file's order
    all.sort_by_key(|(_, w)| rank(w));
    all
}

/// `"account_warnings": [{"account", "rule", "message", "subject"}]`.
pub fn json(ws: &Workspace, today: crate::domain::Date) -> Value {
    Value::Array(
        at_risk(ws, today)
            .into_iter()
            .map(|(n, w)| {
                json!({"account": ws.accounts[n].id, "rule": w.rule, "message": w.message, "subject": w.subject})
            })
            .collect(),
    )
}

/// The `## Accounts at risk` section, or nothing when no account warns.
pub fn markdown(ws: &Workspace, today: crate::domain::Date) -> String {
    let all = at_risk(ws, today);
    if all.is_empty() {
        return String::new();
    }
    let mut out = t("\n## Accounts at risk\n\n").to_owned();
    for (n, w) in all.iter().take(SHOWN) {
        out.push_str(&crate::tf!(
            "- **{account}:** {message} (`{rule}`)\n",
            account = md(&ws.accounts[*n].name),
            message = md(&w.message),
            rule = w.rule
        ));
    }
    if all.len() > SHOWN {
        out.push_str(&crate::tf!(
            "- …and {n} more: `funnel accounts` lists them all.\n",
            n = all.len() - SHOWN
        ));
    }
    out
}
