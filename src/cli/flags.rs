//! `funnel flags`: the red flags of the open opportunities, most severe
//! first; snoozed flags are left out.

use super::table::{Align, Table};
use super::{Context, Failure, Output};
use crate::domain::flags::{self, Flag};
use crate::domain::{Opportunity, Workspace};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// Most severe first, then the deals closest to signing.
type SortKey = std::cmp::Reverse<(flags::Severity, crate::domain::Stage)>;

/// The visible flags of every open opportunity (or of one), most severe
/// first, then the deals closest to signing, then file order.
pub fn collect<'a>(
    ws: &'a Workspace,
    only: Option<&str>,
    today: crate::domain::Date,
) -> Vec<(&'a Opportunity, Flag)> {
    let all: Vec<(usize, Flag)> = crate::domain::parallel::flat_map(&ws.opportunities, |n, o| {
        if only.is_some_and(|id| o.id != id) {
            return Vec::new();
        }
        flags::visible(o, &ws.settings, today)
            .into_iter()
            .map(|f| (n, f))
            .collect()
    });
    // Sorted by small keys, the flags moved once: the position in `all` (file
    // order, then each deal's own order) settles every tie as the stable
    // sort of the flags themselves did.
    let mut order: Vec<(SortKey, usize, usize)> = all
        .iter()
        .enumerate()
        .map(|(k, (n, f))| {
            let stage = ws.opportunities[*n].stage;
            (std::cmp::Reverse((f.severity, stage)), *n, k)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<(usize, Flag)>> = all.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|(_, _, k)| {
            let (n, f) = slots[k].take().expect("each flag once");
            (&ws.opportunities[n], f)
        })
        .collect()
}

pub fn run(ctx: &Context, opportunity: Option<&str>, format: Format) -> Result<Output, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    if let Some(id) = opportunity
        && ws.opportunity(id).is_none()
    {
        return Err(Failure::usage(format!(
            "--opportunity {id:?}: no opportunity has this id (`funnel list --all` shows them)"
        )));
    }
    let found = collect(ws, opportunity, ctx.today);
    let out = match format {
        Format::Json => {
            // fields in the order of spec section 2
            let escaped = super::json_out::objects(&found, |(o, f)| {
                [
                    ("opportunity", Some(o.id.as_str())),
                    ("rule", Some(f.rule.as_str())),
                    ("severity", Some(f.severity.as_str())),
                    ("message", Some(&*f.message)),
                    ("suggestion", Some(&*f.suggestion)),
                    ("subject", f.subject.as_deref()),
                ]
            });
            Output {
                escaped,
                ..Output::from(String::new())
            }
        }
        Format::Table => {
            let mut t = Table::new(vec![
                ("SEVERITY", Align::Left, 8),
                ("DEAL", Align::Left, 10),
                ("TITLE", Align::Left, 28),
                ("RULE", Align::Left, 22),
                ("WHAT", Align::Left, 60),
            ]);
            for (o, f) in &found {
                t.row(vec![
                    f.severity.as_str().into(),
                    o.id.clone(),
                    o.title.clone(),
                    f.rule.as_str().into(),
                    f.message.to_string(),
                ]);
            }
            let count = |s| found.iter().filter(|(_, f)| f.severity == s).count();
            let deals = found
                .iter()
                .map(|(o, _)| o.id.as_str())
                .collect::<std::collections::HashSet<_>>()
                .len();
            Output::from(format!(
                "{}{} flags on {deals} open opportunities: {} high, {} medium, {} low (snoozed flags are not listed)\n",
                t.render(),
                found.len(),
                count(flags::Severity::High),
                count(flags::Severity::Medium),
                count(flags::Severity::Low)
            ))
        }
    };
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(found);
    Ok(out)
}
