//! What every import shares in reading its file: the options of contacts
//! and activities (`TableImport`), spreadsheets by their extension, and the
//! messages about how the file was read and what stopped it.

use super::import::{delimiter, list_problems};
use super::import_profile::pair;
use super::{Failure, TableImport};
use crate::i18n::t;
use crate::import::{self, DateOrder, Failed, Input, Problem, ReadOptions};
use std::path::Path;

/// The extensions read as a spreadsheet (case-insensitive).
const SPREADSHEETS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether `file` is a spreadsheet, by its extension.
/// `columns used: subject ← "Betreff", …`: which column fed each field.
pub(super) fn columns_used<'a>(used: impl Iterator<Item = (&'a str, &'a String)>) -> String {
    let used: Vec<String> = used.map(|(f, h)| format!("{f} ← {h:?}")).collect();
    crate::tf!("columns used: {columns}", columns = used.join(", "))
}

pub(super) fn is_spreadsheet(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SPREADSHEETS.iter().any(|s| e.eq_ignore_ascii_case(s)))
}

/// The cells of a spreadsheet's sheet (else its first), or why not.
pub(super) fn sheet_cells(
    file: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Vec<(u64, Vec<String>)>, Failure> {
    import::sheet_cells(bytes, sheet).map_err(|m| {
        Failure::usage(crate::tf!(
            "{file}: {m}\nnothing was imported",
            file = file.display(),
            m
        ))
    })
}

/// `--dates dmy|mdy`.
pub(super) fn dates(given: Option<&str>) -> Result<Option<DateOrder>, Failure> {
    match given {
        None => Ok(None),
        Some("dmy") => Ok(Some(DateOrder::DayMonth)),
        Some("mdy") => Ok(Some(DateOrder::MonthDay)),
        Some(other) => Err(Failure::usage(crate::tf!(
            "--dates {other}: expected dmy or mdy",
            other = format!("{other:?}")
        ))),
    }
}

/// Every `--map COLUMN=FIELD`, each field one of `fields`.
pub(super) fn map(given: &[String], fields: &[&str]) -> Result<Vec<(String, String)>, Failure> {
    given
        .iter()
        .map(|m| {
            let (column, field) = pair(m, "--map")?;
            match fields.contains(&field.as_str()) {
                true => Ok((column, field)),
                false => Err(Failure::usage(crate::tf!(
                    "--map {m}: unknown field {field}, expected one of {fields}",
                    m = format!("{m:?}"),
                    field = format!("{field:?}"),
                    fields = fields.join(", ")
                ))),
            }
        })
        .collect()
}

/// Why nothing was imported: every problem, and the offer of
/// `--skip-bad-rows` when rows that cannot be read are among them.
pub(super) fn failed(file: &Path, failed: &Failed) -> Failure {
    let heading = match failed.problems.len() {
        1 => String::new(),
        n => crate::tf!("{n} problems:\n", n),
    };
    let skip = match failed.bad_rows {
        0 => String::new(),
        n => crate::tf!(
            "; --skip-bad-rows leaves out the {rows} that cannot be read and imports the rest",
            rows = crate::text::count(n as i64, "row", "rows")
        ),
    };
    Failure::usage(crate::tf!(
        "{heading}{problems}\nnothing was imported{skip}",
        heading,
        problems = list_problems(file, &failed.problems),
        skip
    ))
}

/// How the file was read when it was a guess (so a wrong guess is seen),
/// and the rows `--skip-bad-rows` left out; each line ends in a newline.
pub(super) fn reading_notes(
    file: &Path,
    (encoding, delimiter, guessed): (Option<&str>, u8, bool),
    skipped: &[Problem],
) -> String {
    let mut notes = String::new();
    if encoding.is_some() || (guessed && delimiter != b',') {
        notes.push_str(&crate::tf!(
            "read {file} as {encoding}, cells separated by {delimiter}; --encoding and --delimiter read it otherwise\n",
            file = file.display(),
            encoding = encoding.unwrap_or("UTF-8"), // i18n-exempt: an encoding's name
            delimiter = match delimiter {
                b'\t' => t("tab").to_owned(),
                d => format!("{:?}", d as char),
            }
        ));
    }
    if !skipped.is_empty() {
        notes.push_str(&crate::tf!(
            "left out {n} rows that cannot be read (--skip-bad-rows):\n{problems}\n",
            n = skipped.len(),
            problems = list_problems(file, skipped)
        ));
    }
    notes
}

impl TableImport {
    /// Reads the file (a CSV, or a spreadsheet by its extension) with
    /// `read`, whose `--map` fields are `fields`.
    pub(super) fn read<T>(
        &self,
        fields: &[&str],
        dates: Option<DateOrder>,
        read: impl FnOnce(Input, &ReadOptions) -> Result<T, Failed>,
    ) -> Result<T, Failure> {
        let options = ReadOptions {
            encoding: self.encoding.clone(),
            delimiter: self.delimiter.as_deref().map(delimiter).transpose()?,
            no_header: self.no_header,
            nulls: self.null.clone(),
            skip_bad_rows: self.skip_bad_rows,
            map: map(&self.map, fields)?,
            dates,
        };
        let spreadsheet = is_spreadsheet(&self.file);
        if spreadsheet && (self.encoding.is_some() || self.delimiter.is_some()) {
            return Err(Failure::usage(crate::tf!(
                "{file}: --encoding and --delimiter do not apply to a spreadsheet (its cells are read as they are)",
                file = self.file.display()
            )));
        }
        if !spreadsheet && self.sheet.is_some() {
            return Err(Failure::usage(crate::tf!(
                "--sheet: {file} is not a spreadsheet ({extensions})",
                file = self.file.display(),
                extensions = SPREADSHEETS.map(|s| format!(".{s}")).join(", ")
            )));
        }
        let bytes = crate::store::guard::read_regular(&self.file, t("read the file to import"))?;
        let input = match spreadsheet {
            true => Input::Cells(sheet_cells(&self.file, &bytes, self.sheet.as_deref())?),
            false => Input::Text(&bytes),
        };
        read(input, &options).map_err(|f| failed(&self.file, &f))
    }

    /// [`reading_notes`] for what this import read.
    pub(super) fn notes(
        &self,
        encoding: Option<&str>,
        delimiter: u8,
        skipped: &[Problem],
    ) -> String {
        reading_notes(
            &self.file,
            (encoding, delimiter, self.delimiter.is_none()),
            skipped,
        )
    }
}
