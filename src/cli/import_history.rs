//! `funnel import history FILE`: the stages a CRM says each deal went
//! through, with the dates, as the deals' stage histories.

use super::import_profile::pair;
use super::{Context, Failure, TableImport};
use crate::i18n::t;
use crate::import;
use crate::store::Store;

pub fn run(
    ctx: &Context,
    table: &TableImport,
    stage_map: &[String],
    source: Option<&str>,
    dates: Option<&str>,
) -> Result<String, Failure> {
    let dates = super::import_table::dates(dates)?;
    let stage_map = stage_map
        .iter()
        .map(|m| {
            let (value, target) = pair(m, "--stage-map")?;
            super::import::stage_place(&value, &target)
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let history = table.read(&import::HISTORY_FIELDS, dates, |input, options| {
        import::read_history(input, options, &stage_map)
    })?;
    let file = table.file.as_path();
    // the deals' source: the one their ids were imported from
    let given = source.map(str::trim).filter(|s| !s.is_empty());
    let deal_source = given.or(history.guessed_source());
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
    let summary = import::merge_history(&mut ws, &history, deal_source);
    let mut out = vec![crate::tf!(
        "{rows} stage rows from {file}: {changed} deals given a history, {unchanged} unchanged, {unmatched} rows matched no deal, {closed} closed-stage rows skipped",
        rows = history.rows.len(),
        file = file.display(),
        changed = summary.changed,
        unchanged = summary.unchanged,
        unmatched = summary.unmatched.len(),
        closed = history.closed
    )];
    if history.other_fields > 0 {
        out.push(crate::tf!(
            "{n} rows about other fields than the stage ignored",
            n = history.other_fields
        ));
    }
    if history.deleted > 0 {
        out.push(crate::tf!(
            "{n} rows marked deleted (IsDeleted) ignored",
            n = history.deleted
        ));
    }
    out.push(super::import_table::columns_used(
        history.columns.iter().map(|(c, h)| (c.name(), h)),
    ));
    out.push(crate::tf!(
        "deals matched by {source} ids, else by title",
        source = deal_source.unwrap_or(t("any source's"))
    ));
    if !summary.unmatched.is_empty() {
        let problems: Vec<import::Problem> = summary
            .unmatched
            .iter()
            .map(|(line, why)| import::Problem {
                line: *line,
                message: crate::tf!("matched no deal: {why}", why),
            })
            .collect();
        out.push(super::import::list_problems(file, &problems));
    }
    let notes = table.notes(
        history.encoding.as_deref(),
        history.delimiter,
        &history.skipped,
    );
    if table.dry_run {
        return Ok(notes
            + &crate::tf!("dry run, nothing saved: {text}", text = out.join("\n"))
            + "\n");
    }
    if let Some(store) = store.as_mut().filter(|_| summary.changed > 0) {
        store.save(&ws)?;
    }
    Ok(notes + &crate::tf!("imported {text}", text = out.join("\n")) + "\n")
}
