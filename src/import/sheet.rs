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
        .unwrap_or_else(|_| Err(crate::i18n::t("cannot read it as a spreadsheet").to_owned()))
}

fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<(u64, Vec<String>)>, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        crate::i18n::t(
            "not a spreadsheet funnel can read (xlsx, xls, xlsb or ods); for a CSV use `funnel import csv`",
        )
        .to_owned()
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).ok_or_else(|| {
            crate::tf!(
                "no sheet {sheet}; the sheets are {sheets}",
                sheet = format!("{s:?}"),
                sheets = quoted(&names)
            )
        })?,
        None => names
            .first()
            .ok_or_else(|| crate::i18n::t("the workbook has no sheets").to_owned())?,
    }
    .clone();
    let range = book.worksheet_range(&name).map_err(|e| {
        crate::tf!(
            "cannot read sheet {sheet}: {e}",
            sheet = format!("{name:?}"),
            e
        )
    })?;
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
        Data::Float(x) => float(*x),
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

/// A number as its cell shows it. A formula's result carries binary noise
/// (`1358.0000000000002` for a cell showing 1,358.00) that the amount reader
/// would refuse as a fraction of a cent, so a value within noise of whole
/// cents is written with them; a real third decimal is kept (and refused as
/// an amount, as in a CSV). Display never uses an exponent.
fn float(x: f64) -> String {
    let cents = (x * 100.0).round();
    if x.is_finite() && (x * 100.0 - cents).abs() <= 1e-6 * cents.abs().max(1.0) {
        (cents / 100.0).to_string()
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_become_the_text_a_csv_would_hold() {
        assert_eq!(text(&Data::Empty), "");
        assert_eq!(text(&Data::Int(7)), "7");
        assert_eq!(text(&Data::Float(1234.56)), "1234.56");
        assert_eq!(text(&Data::Float(12500.0)), "12500");
        assert_eq!(text(&Data::Float(1358.0000000000002)), "1358");
        assert_eq!(text(&Data::Float(0.1 + 0.2)), "0.3");
        assert_eq!(text(&Data::Float(12.345)), "12.345");
        assert_eq!(text(&Data::Float(1e20)), "100000000000000000000");
        assert_eq!(text(&Data::Bool(true)), "true");
        assert_eq!(text(&Data::Error(CellErrorType::Div0)), "#DIV/0!");
        // 46096 is 2026-03-15 in the 1900 system; the 1904 system counts
        // 1462 days fewer; a time of day is dropped
        let day = |v: f64, is_1904| {
            text(&Data::DateTime(ExcelDateTime::new(
                v,
                ExcelDateTimeType::DateTime,
                is_1904,
            )))
        };
        assert_eq!(day(46096.0, false), "2026-03-15");
        assert_eq!(day(46096.75, false), "2026-03-15");
        assert_eq!(day(46096.0 - 1462.0, true), "2026-03-15");
    }

    #[test]
    fn bytes_that_are_no_workbook_are_an_error_not_a_panic() {
        for bytes in [
            &b""[..],
            b"PK\x03\x04",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 junk",
            b"a,b\n1,2\n",
        ] {
            assert!(cells(bytes, None).is_err());
        }
    }
}
