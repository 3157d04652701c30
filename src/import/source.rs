//! Naming the source of an import, which qualifies its ids (see merge.rs).
//!
//! `--source NAME` names it. Without it, a recognised CRM's header
//! signature names it (`salesforce`, `hubspot`, `zoho`, `bitrix24`,
//! `dynamics`, `pipedrive`, `maven`), so a re-export under another file name still
//! matches its deals; funnel's own export and anything else take the file
//! name (`funnel:pipeline`, `deals-2026`), since their ids mean something
//! only within the workspace or tool that wrote them.

use super::columns::Field;
use super::read::Read;
use crate::domain::Workspace;
use std::collections::BTreeMap;
use std::path::Path;

/// The source name for a file whose fields came from `columns`.
pub fn guess(columns: &BTreeMap<Field, String>, file: &Path) -> String {
    let header = |f: Field| columns.get(&f).map(|h| super::columns::normal(h));
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_lowercase())
        .unwrap_or_default();
    let (id, stage) = (header(Field::SourceId), header(Field::Stage));
    let is = |h: &Option<String>, v: &str| h.as_deref() == Some(v);
    if is(&stage, "stagename") {
        "salesforce".into()
    } else if is(&header(Field::Title), "potentialname")
        || is(&id, "potentialid")
        // Zoho's Deals say `Record Id` too, with a plain `Stage`
        || (is(&id, "recordid") && is(&stage, "stage"))
    {
        "zoho".into()
    } else if is(&id, "recordid") || is(&header(Field::Status), "hubspotdealstage") {
        "hubspot".into()
    } else if is(&header(Field::Title), "dealtitle") {
        "pipedrive".into()
    } else if is(&stage, "stageid") {
        "bitrix24".into()
    } else if is(&header(Field::Title), "topic") || is(&header(Field::Status), "statusreason") {
        "dynamics".into()
    } else if is(&id, "opportunityid") && is(&stage, "dealstage") {
        "maven".into()
    } else if is(&header(Field::Account), "accountname") && is(&id, "id") {
        format!("funnel:{stem}")
    } else {
        stem
    }
}

/// Checks that this import takes its ids from the column this source's
/// deals took theirs from. Ids from another column (`--map
/// External_Id__c=id` one week, the plain `Id` the next) match none of them,
/// so every deal would be added a second time: that is refused, naming the
/// options that import it right. Ok(true) when the column is to be recorded
/// (the first import of the source, or a workspace from before the record).
pub fn check_id_column(ws: &Workspace, source: &str, read: &Read) -> Result<bool, String> {
    let now = read
        .columns
        .get(&Field::SourceId)
        .map_or("", String::as_str);
    let Some(before) = ws.settings.import_id_columns.get(source) else {
        return Ok(true);
    };
    let from_source = |o: &&crate::domain::Opportunity| {
        o.extra.get("source").and_then(|v| v.as_str()) == Some(source)
    };
    if before == now || !ws.opportunities.iter().any(|o| from_source(&o)) {
        return Ok(before != now);
    }
    let named = |column: &str| match column {
        "" => crate::i18n::t("no id column (rows were matched by title and account)").to_owned(),
        c => crate::tf!("ids from column {column}", column = format!("{c:?}")),
    };
    let fix = if before.is_empty() {
        String::new()
    } else if read.headers.iter().any(|h| h == before) {
        crate::tf!("--map \"{before}=id\" to match them, or ", before)
    } else {
        crate::tf!(
            "(this file has no column {before}) ",
            before = format!("{before:?}")
        )
    };
    Err(crate::tf!(
        "the deals from {source} in this workspace were imported with {before}; this file has {now}.\n\
         No row would match them: every deal would be added a second time.\n\
         Give {fix}--source NAME to keep this file's deals apart from them.",
        source,
        before = named(before),
        now = named(now),
        fix
    ))
}
