//! `funnel accounts`: accounts with tier, screening quadrant, open pipeline
//! and warnings (spec section 2).

use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::Augmented;
use crate::domain::accounts::{self, Quadrant};
use crate::store::to_json_bytes;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

pub fn run(ctx: &Context, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let figures = accounts::all_figures(ws, ctx.today);
    let rows: Vec<_> = ws
        .accounts
        .iter()
        .zip(figures)
        .map(|(a, f)| (a, accounts::quadrant(a), f))
        .collect();
    Ok(match format {
        Format::Json => {
            const ADDED: [&str; 3] = ["quadrant", "open", "warnings"];
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
                    ],
                })
                .collect();
            String::from_utf8(to_json_bytes(&items)).expect("UTF-8")
        }
        Format::Table => {
            let mut t = Table::new(vec![
                ("ID", Align::Left, 8),
                ("NAME", Align::Left, 28),
                ("TIER", Align::Left, 7),
                ("QUADRANT", Align::Left, 13),
                ("RELATIONSHIP", Align::Left, 12),
                ("OPEN", Align::Right, 4),
                ("VALUE", Align::Right, 14),
                ("WEIGHTED", Align::Right, 14),
                ("WON THIS YEAR", Align::Right, 14),
                ("WARNINGS", Align::Left, 50),
            ]);
            for (a, q, f) in &rows {
                t.row(vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.tier.map_or(String::new(), |x| x.as_str().into()),
                    q.map_or("—".into(), |q| q.as_str().into()),
                    a.relationship
                        .map_or(String::new(), |r| crate::text::word_label(r.as_str())),
                    crate::text::grouped(f.open_count),
                    f.open_value.grouped(),
                    f.open_weighted.grouped(),
                    f.won_this_year.grouped(),
                    f.warnings.join("; "),
                ]);
            }
            format!(
                "{}{}\n",
                t.render(),
                crate::text::count(rows.len() as i64, "account", "accounts")
            )
        }
    })
}
