//! `funnel import activities FILE`: tasks, events and calls onto the deals
//! they belong to (actions when open, log entries when done).

use super::{Context, Failure, TableImport};
use crate::i18n::t;
use crate::import;
use crate::store::Store;

pub fn run(
    ctx: &Context,
    table: &TableImport,
    source: Option<&str>,
    dates: Option<&str>,
) -> Result<String, Failure> {
    let dates = super::import_table::dates(dates)?;
    let acts = table.read(&import::ACTIVITY_FIELDS, dates, |input, options| {
        import::read_activities(input, options)
    })?;
    let file = table.file.as_path();
    // the deals' source: the one their ids were imported from
    let given = source.map(str::trim).filter(|s| !s.is_empty());
    let deal_source = given.or(acts.guessed_source());
    let source = match deal_source {
        Some(s) => s.to_owned(),
        None => file
            .file_stem()
            .map(|s| s.to_string_lossy().trim().to_lowercase())
            .unwrap_or_default(),
    };
    let (mut store, mut ws) = if table.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        (Some(store), ws)
    };
    ctx.use_settings(&ws.settings);
    if let Some(r) = store.as_ref().and_then(|s| s.read_only()) {
        return Err(Failure::runtime(crate::tf!("{r}: nothing was imported", r)));
    }
    let names = super::import::sibling_account_names(file);
    let summary = import::merge_activities(&mut ws, &acts, &source, deal_source, &names, ctx.today);
    let mut out = vec![crate::tf!(
        "{rows} activities from {file}: {actions} actions added, {log} log entries added, {unchanged} unchanged, {unmatched} matched no deal",
        rows = acts.rows.len(),
        file = file.display(),
        actions = summary.actions,
        log = summary.log_entries,
        unchanged = summary.unchanged,
        unmatched = summary.unmatched.len()
    )];
    out.push(super::import_table::columns_used(
        acts.columns.iter().map(|(c, h)| (c.name(), h)),
    ));
    out.push(crate::tf!(
        "deals matched by {source} ids, else by title; else the open deal of the activity's account or contact",
        source = deal_source.unwrap_or(t("any source's"))
    ));
    if summary.by_account > 0 {
        out.push(crate::tf!(
            "{n} placed through their account or contact{nearest}",
            n = summary.by_account,
            nearest = match summary.nearest_of_several {
                0 => String::new(),
                n => crate::tf!(
                    " ({n} on the soonest-closing of the account's several open deals)",
                    n
                ),
            }
        ));
    }
    if !summary.unmatched.is_empty() {
        let problems: Vec<import::Problem> = summary
            .unmatched
            .iter()
            .map(|(line, subject, why)| import::Problem {
                line: *line,
                message: crate::tf!(
                    "matched no deal: {why} (activity {subject})",
                    why,
                    subject = format!("{subject:?}")
                ),
            })
            .collect();
        out.push(super::import::list_problems(file, &problems));
    }
    let notes = table.notes(acts.encoding.as_deref(), acts.delimiter, &acts.skipped);
    if table.dry_run {
        return Ok(notes
            + &crate::tf!("dry run, nothing saved: {text}", text = out.join("\n"))
            + "\n");
    }
    if let Some(store) = store
        .as_mut()
        .filter(|_| summary.actions + summary.log_entries > 0)
    {
        store.save(&ws)?;
    }
    Ok(notes + &crate::tf!("imported {text}", text = out.join("\n")) + "\n")
}
