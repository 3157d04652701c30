//! Spreadsheets (xlsx, xls, xlsb, ods) into the rows of text a CSV gives,
//! so that everything after reading is the CSV path (`read::read_cells`).

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::io::Cursor;

/// The rows of `sheet` (else the first sheet), each with the row number the
/// spreadsheet shows. Wholly empty rows are left out, as the CSV reader
/// leaves out blank lines. The error says what the user can do about it.
pub fn cells(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<(u64, Vec<String>)>, String> {
    // calamine parses untrusted bytes: a panic in it must become an error
    // about the file, never a crash that looks like funnel's own
    std::panic::catch_unwind(|| read(bytes, sheet))
        .unwrap_or_else(|_| Err("cannot read it as a spreadsheet".to_owned()))
}

fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<(u64, Vec<String>)>, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        "not a spreadsheet funnel can read (xlsx, xls, xlsb or ods); for a CSV use `funnel import csv`"
            .to_owned()
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| format!("no sheet {s:?}; the sheets are {}", quoted(&names)))?,
        None => names
            .first()
            .ok_or_else(|| "the workbook has no sheets".to_owned())?,
    }
    .clone();
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("cannot read sheet {name:?}: {e}"))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    Ok(range
        .rows()
        .enumerate()
        .filter(|(_, row)| row.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(k, row)| {
            (
                u64::from(first_row) + k as u64 + 1,
                row.iter().map(text).collect(),
            )
        })
        .collect())
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell as the CSV export of the same sheet would write it, in forms the
/// importer reads: numbers plainly (amounts), dates as YYYY-MM-DD.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        // Display never uses an exponent, so amounts stay readable
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            // the calendar date (1900 or 1904 system alike); deals have no time
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        // as Excel shows it: an amount like "#DIV/0!" is then a bad row, not 0
        Data::Error(e) => e.to_string(),
    }
}
