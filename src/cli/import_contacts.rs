//! `funnel import contacts FILE`: people from a CRM's contact export onto
//! their accounts and, with `--to-deals`, onto the open deals of those
//! accounts as influences without a role (spec section 14).

use super::import::{list_problems, sibling_account_names};
use super::{Context, Failure, TableImport};
use crate::i18n::t;
use crate::import;
use crate::store::Store;

/// How many unmatched rows are listed in full.
const LISTED: usize = 10;

pub fn run(
    ctx: &Context,
    table: &TableImport,
    to_deals: bool,
    source: Option<&str>,
) -> Result<String, Failure> {
    let read = table.read(&import::CONTACT_FIELDS, None, |input, options| {
        import::read_contacts(input, options)
    })?;
    let file = table.file.as_path();
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .unwrap_or_default();
    let source = match source {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => import::contact_source(&read, &stem),
    };
    // contacts go onto accounts: the workspace must exist
    let (mut store, mut ws) = if table.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        if let Some(r) = store.read_only() {
            return Err(Failure::runtime(crate::tf!("{r}: nothing was imported", r)));
        }
        (Some(store), ws)
    };
    ctx.use_settings(&ws.settings);
    let names = sibling_account_names(file);
    let summary = import::merge_contacts(&mut ws, &read, &source, &names, to_deals);
    let mut out = Vec::new();
    let notes = table.notes(read.encoding.as_deref(), read.delimiter, &read.skipped);
    if !notes.is_empty() {
        out.push(notes.trim_end().to_owned());
    }
    let columns: Vec<String> = read
        .columns
        .iter()
        .map(|(f, c)| format!("{f} ← {c:?}"))
        .collect();
    out.push(crate::tf!(
        "columns: {columns}",
        columns = columns.join(", ")
    ));
    let counts = crate::tf!(
        "{rows} contacts from {file} (source {source}): {added} added, {updated} updated, {unchanged} unchanged, {unmatched} matched no account{nameless}{influences}",
        rows = read.rows.len(),
        file = file.display(),
        source,
        added = summary.added,
        updated = summary.updated,
        unchanged = summary.unchanged,
        unmatched = summary.unmatched.len(),
        nameless = match summary.nameless.len() {
            0 => String::new(),
            n => crate::tf!(", {n} without a name left out", n),
        },
        influences = if to_deals {
            crate::tf!(
                "; {n} influences added to open deals (no role: to be placed)",
                n = summary.influences_added
            )
        } else {
            String::new()
        }
    );
    out.push(if table.dry_run {
        crate::tf!("dry run, nothing saved: {text}", text = counts)
    } else {
        crate::tf!("imported {text}", text = counts)
    });
    if !summary.unmatched.is_empty() {
        out.push(
            t("matched no account (by account id through an Account.csv beside the file or a deal import, or by account name):").to_owned(),
        );
        let problems: Vec<import::Problem> = summary
            .unmatched
            .iter()
            .map(|row| import::Problem {
                line: row.line,
                message: match row.account.as_str() {
                    "" => crate::tf!("{name} has no account", name = format!("{:?}", row.name)),
                    a => crate::tf!(
                        "{name}: no account {account}",
                        name = format!("{:?}", row.name),
                        account = format!("{a:?}")
                    ),
                },
            })
            .collect();
        out.push(list_problems(file, &problems));
    }
    if !summary.nameless.is_empty() {
        let lines: Vec<String> = summary
            .nameless
            .iter()
            .take(LISTED)
            .map(|l| l.to_string())
            .collect();
        out.push(crate::tf!(
            "without a name or e-mail, on lines {lines}",
            lines = lines.join(", ")
        ));
    }
    if let Some(store) = store.as_mut()
        && summary.added + summary.updated + summary.influences_added > 0
    {
        store.save(&ws)?;
    }
    Ok(out.join("\n") + "\n")
}
