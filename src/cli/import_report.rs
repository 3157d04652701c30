//! The lines an import prints after its counts: the source, the column used
//! for each field, and a warning for everything that was not read as the
//! user might assume (missing columns, colliding rows, closed deals without
//! a close date), so no wrong result passes silently with exit 0.

use crate::i18n::t;
use crate::import::{Field, Read, Summary, describe_columns};

/// How many line numbers a warning lists before "…".
const SHOWN: usize = 10;

pub fn lines(read: &Read, source: &str, summary: &Summary, notes: &[String]) -> String {
    let (used, missing) = describe_columns(&read.columns);
    let mut out = vec![
        crate::tf!(
            "source: {source} (ids match only deals imported from it; name it with --source)",
            source
        ),
        crate::tf!("columns: {columns}", columns = used.join(", ")),
    ];
    out.extend(notes.iter().cloned());
    // values a field could not take (an unknown forecast category), each
    // named with its rows
    out.extend(read.warnings.iter().cloned());
    if !read.columns.contains_key(&Field::Value) {
        out.push(
            t("warning: no amount column recognised: new deals get value 0, existing values are kept; name it with --map COLUMN=value")
                .into(),
        );
    }
    if !read.columns.contains_key(&Field::Title) {
        out.push(
            t("warning: no title column recognised: titles are made from product and account, or the id (unchanged on existing deals); name it with --map COLUMN=title")
                .into(),
        );
    }
    let missing: Vec<&str> = missing
        .into_iter()
        .filter(|f| *f != "value" && *f != "title")
        .collect();
    if !missing.is_empty() {
        out.push(crate::tf!(
            "warning: no column for {fields} (left empty on new deals, unchanged on existing ones; --map COLUMN=FIELD)",
            fields = missing.join(", ")
        ));
    }
    if !summary.collisions.is_empty() {
        let shown: Vec<String> = summary
            .collisions
            .iter()
            .take(SHOWN)
            .map(|(line, first)| crate::tf!("line {line} (as line {first})", line, first))
            .collect();
        out.push(crate::tf!(
            "warning: {n} rows have the title and account of an earlier row and no id; kept as separate deals, not merged: {lines}",
            n = summary.collisions.len(),
            lines = shown.join(", ")
                + if summary.collisions.len() > SHOWN { ", …" } else { "" }
        ));
    }
    if summary.dated_by_modified > 0 {
        out.push(crate::tf!(
            "warning: {n} closed deals have no close date: closed on their last modification date",
            n = summary.dated_by_modified
        ));
    }
    if summary.dated_today > 0 {
        out.push(crate::tf!(
            "warning: {n} closed deals have no close date nor modification date: closed today",
            n = summary.dated_today
        ));
    }
    out.join("\n") + "\n"
}
