//! Naming the source of an import, which qualifies its ids (see merge.rs).
//!
//! `--source NAME` names it. Without it, a recognised CRM's header
//! signature names it (`salesforce`, `hubspot`, `zoho`, `bitrix24`,
//! `dynamics`, `maven`), so a re-export under another file name still
//! matches its deals; funnel's own export and anything else take the file
//! name (`funnel:pipeline`, `deals-2026`), since their ids mean something
//! only within the workspace or tool that wrote them.

use super::columns::Field;
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
    } else if is(&id, "recordid") || is(&header(Field::Status), "hubspotdealstage") {
        "hubspot".into()
    } else if is(&header(Field::Title), "potentialname") || is(&id, "potentialid") {
        "zoho".into()
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
