//! `funnel flags`: the red flags of the open opportunities, most severe
//! first; snoozed flags are left out.

use super::table::{Align, Table};
use super::{Context, Failure, Output};
use crate::domain::flags::{self, Flag};
use crate::domain::{Opportunity, Workspace};
use crate::i18n::{Lang, t};

/// The line under the flags table: how many flags on how many deals, by
/// severity (the single and the team command say it alike).
pub(super) fn summary(severities: &[flags::Severity], deals: usize) -> String {
    let count = |s| severities.iter().filter(|f| **f == s).count() as i64;
    crate::tf!(
        "{flags} on {deals}: {high} high, {medium} medium, {low} low (snoozed flags are not listed)",
        flags = crate::text::count(severities.len() as i64, "flag", "flags"),
        deals = crate::text::count(deals as i64, "open opportunity", "open opportunities"),
        high = crate::text::grouped(count(flags::Severity::High)),
        medium = crate::text::grouped(count(flags::Severity::Medium)),
        low = crate::text::grouped(count(flags::Severity::Low))
    )
}

/// A stored word as a table shows it: as stored in English (a word the
/// user types to filter), the course's term in Chinese.
pub(super) fn shown(stored: &str, label: impl FnOnce() -> String) -> String {
    match crate::i18n::lang() {
        Lang::En => stored.to_owned(),
        Lang::Zh => label(),
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// Most severe first, then the deals closest to signing.
type SortKey = std::cmp::Reverse<(flags::Severity, crate::domain::Stage)>;

/// The visible flags of every open opportunity (or of one), by the deal's
/// index, computed on every core: what [`order`] ranks.
pub fn collect(ws: &Workspace, only: Option<&str>, today: crate::domain::Date) -> Vec<Vec<Flag>> {
    match only {
        None => flags::all_visible(ws, today),
        Some(id) => ws
            .opportunities
            .iter()
            .map(|o| match o.id == id {
                true => flags::visible(o, &ws.settings, today),
                false => Vec::new(),
            })
            .collect(),
    }
}

/// The flags of [`collect`] most severe first, then the deals closest to
/// signing, then in file order (each deal's own order within it): sorted
/// by small keys and lent, not moved (74,000 flags at 10,000 deals).
pub fn order<'a>(ws: &'a Workspace, all: &'a [Vec<Flag>]) -> Vec<(&'a Opportunity, &'a Flag)> {
    let mut order: Vec<(SortKey, u32, u32)> = Vec::with_capacity(all.iter().map(Vec::len).sum());
    for (n, (o, flags)) in ws.opportunities.iter().zip(all).enumerate() {
        for (k, f) in flags.iter().enumerate() {
            order.push((std::cmp::Reverse((f.severity, o.stage)), n as u32, k as u32));
        }
    }
    // the deal's index and the flag's place in it settle every tie as a
    // stable sort of the flags in file order would
    order.sort_unstable();
    order
        .into_iter()
        .map(|(_, n, k)| (&ws.opportunities[n as usize], &all[n as usize][k as usize]))
        .collect()
}

pub fn run(ctx: &Context, opportunity: Option<&str>, format: Format) -> Result<Output, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    if let Some(id) = opportunity
        && ws.opportunity(id).is_none()
    {
        return Err(Failure::usage(crate::tf!(
            "--opportunity {id}: no opportunity has this id (`funnel list --all` shows them)",
            id = format!("{id:?}")
        )));
    }
    // the messages are written in English for JSON (spec section 12)
    super::english_if(format == Format::Json, || {
        table_or_json(ctx, ws, opportunity, format)
    })
}

fn table_or_json(
    ctx: &Context,
    ws: &Workspace,
    opportunity: Option<&str>,
    format: Format,
) -> Result<Output, Failure> {
    let all = collect(ws, opportunity, ctx.today);
    let found = order(ws, &all);
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
                (t("SEVERITY"), Align::Left, 8),
                (t("DEAL"), Align::Left, 10),
                (t("TITLE"), Align::Left, 28),
                (t("RULE"), Align::Left, 22),
                (t("WHAT"), Align::Left, 60),
            ]);
            for (o, f) in &found {
                t.row(vec![
                    shown(f.severity.as_str(), || {
                        crate::i18n::word("severity", f.severity.as_str())
                    }),
                    o.id.clone(),
                    o.title.clone(),
                    f.rule.shown(),
                    f.message.to_string(),
                ]);
            }
            let severities: Vec<flags::Severity> = found.iter().map(|(_, f)| f.severity).collect();
            let deals = found
                .iter()
                .map(|(o, _)| o.id.as_str())
                .collect::<std::collections::HashSet<_>>()
                .len();
            Output::from(format!("{}{}\n", t.render(), summary(&severities, deals)))
        }
    };
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(found);
    std::mem::forget(all);
    Ok(out)
}
