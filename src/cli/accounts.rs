//! `funnel accounts`: accounts with tier, screening quadrant, open pipeline
//! and warnings (spec section 2).

use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::Augmented;
use crate::domain::account_warnings::AccountWarning;
use crate::domain::accounts::{self, Quadrant};
use crate::i18n::t;
use crate::store::to_json_bytes;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

pub fn run(ctx: &Context, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    // the warnings are written in English for JSON (spec section 12)
    Ok(super::english_if(format == Format::Json, || {
        write(ctx, &parsed.workspace, format)
    }))
}

fn write(ctx: &Context, ws: &crate::domain::Workspace, format: Format) -> String {
    let figures = accounts::all_figures(ws, ctx.today);
    let rows: Vec<_> = ws
        .accounts
        .iter()
        .zip(figures)
        .map(|(a, f)| (a, accounts::quadrant(a), f))
        .collect();
    match format {
        Format::Json => {
            const ADDED: [&str; 6] = [
                "quadrant",
                "open",
                "warnings",
                "won_this_year",
                "expected_by_now",
                "credit_status",
            ];
            let owned: Vec<_> = rows
                .iter()
                .map(|(a, _, _)| {
                    let mut a = (*a).clone();
                    a.extra.retain(|k, _| !ADDED.contains(&k.as_str()));
                    a
                })
                .collect();
            let items: Vec<Augmented<crate::domain::Account>> = rows
                .iter()
                .zip(&owned)
                .map(|((_, q, f), a)| Augmented {
                    record: a,
                    more: vec![
                        ("quadrant", q.map(Quadrant::as_str).into()),
                        ("open", serde_json::json!({"count": f.open_count, "value": f.open_value, "weighted": f.open_weighted})),
                        ("warnings", serde_json::json!(f.warnings)),
                        ("won_this_year", serde_json::json!(f.won_this_year)),
                        ("expected_by_now", serde_json::json!(f.expected_by_now)),
                        ("credit_status", serde_json::json!({
                            "unpaid": f.credit.unpaid,
                            "overdue": f.credit.overdue,
                            "overdue_count": f.credit.overdue_count,
                            "days_overdue": f.credit.days_overdue,
                            "available": f.credit.available(),
                        })),
                    ],
                })
                .collect();
            String::from_utf8(to_json_bytes(&items)).expect("UTF-8")
        }
        Format::Table => {
            let mut t = Table::new(vec![
                (t("ID"), Align::Left, 8),
                (t("NAME"), Align::Left, 28),
                (t("TIER"), Align::Left, 8),
                (t("QUADRANT"), Align::Left, 13),
                (t("RELATIONSHIP"), Align::Left, 12),
                (t("OPEN"), Align::Right, 4),
                (t("VALUE"), Align::Right, 14),
                (t("WEIGHTED"), Align::Right, 14),
                (t("WON THIS YEAR"), Align::Right, 14),
                (t("WARNINGS"), Align::Left, 50),
            ]);
            for (a, q, f) in &rows {
                t.row(vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.tier.map_or(String::new(), |x| x.shown()),
                    q.map_or("—".into(), |q| q.label().to_owned()),
                    a.relationship.map_or(String::new(), |r| r.label()),
                    crate::text::grouped(f.open_count),
                    f.open_value.grouped(),
                    f.open_weighted.grouped(),
                    f.won_this_year.grouped(),
                    warnings_cell(&f.warnings),
                ]);
            }
            format!(
                "{}{}\n",
                t.render(),
                crate::text::count(rows.len() as i64, "account", "accounts")
            )
        }
    }
}

/// The warnings of one account in the table: none, the one, or how many
/// and the first (the JSON and view 4 have them all).
fn warnings_cell(warnings: &[AccountWarning]) -> String {
    match warnings {
        [] => String::new(),
        [one] => one.message.clone(),
        [first, ..] => crate::tf!(
            "{count}: {first}; …",
            count = crate::text::count(warnings.len() as i64, "warning", "warnings"),
            first = first.message
        ),
    }
}
