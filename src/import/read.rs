//! Reading the CSV into checked rows, or into every problem found, each with
//! its line.

use super::columns::{self, Field};
use super::decode::decode;
use super::sniff;
use super::values::{
    DateOrder, DateRead, Place, default_place, order_hint, parse_amount, read_date,
};
use crate::domain::{Date, Money, OutcomeResult, Percent, Stage};
use std::collections::{BTreeMap, HashMap};

/// What to do beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub map: Vec<(String, Field)>,
    pub stage_map: Vec<(String, Place)>,
    pub dates: Option<DateOrder>,
    /// A label for the source system, kept with each imported deal.
    pub source: String,
    /// Account id → name, from an accounts export beside the file.
    pub account_names: HashMap<String, String>,
    /// `--encoding`: else detected (see `decode`).
    pub encoding: Option<String>,
    /// `--delimiter`: else detected among `,` `;` tab `|`.
    pub delimiter: Option<u8>,
    /// `--no-header`: the first line is data; columns are named 1, 2, ….
    pub no_header: bool,
    /// `--null`: cell texts read as empty, besides `\N` and `NULL`.
    pub nulls: Vec<String>,
    /// `--skip-bad-rows`: leave unreadable rows out (listed) instead of
    /// stopping the import.
    pub skip_bad_rows: bool,
}

/// The date columns, in the order of their slots in a row's dates.
const DATE_FIELDS: [Field; 4] = [
    Field::Close,
    Field::Created,
    Field::Modified,
    Field::ClosedOn,
];

/// The texts database dumps and CRM exports write for "no value".
const DEFAULT_NULLS: [&str; 2] = ["\\N", "NULL"];

/// What reading found: the rows, which column fed each field (by its
/// header) so the import can name them and warn about the fields missing,
/// the rows left out with `--skip-bad-rows`, and how the file was read.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub rows: Vec<Row>,
    pub columns: BTreeMap<Field, String>,
    /// Every column's header, as the file (or --no-header: 1, 2, …) names it.
    pub headers: Vec<String>,
    pub skipped: Vec<Problem>,
    /// The encoding and how it was chosen, when it was not plain UTF-8
    /// (the user must be able to see a guess, and override it).
    pub encoding: Option<String>,
    pub delimiter: u8,
}

/// One imported row, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub source_id: String,
    pub title: String,
    pub account: String,
    /// The account's id in the source, when the file gave an id that an
    /// Account.csv beside it named (kept on the account it creates, so
    /// contacts and activities can find it by that id).
    pub account_id: String,
    pub place: Place,
    /// The stage the file gives, also for a closed deal (funnel's export).
    pub stage: Option<Stage>,
    pub value: Money,
    pub probability: Option<Percent>,
    pub close: Option<Date>,
    pub created: Option<Date>,
    pub owner: String,
    pub product: String,
    pub notes: String,
    pub next_step: String,
    pub tags: Vec<String>,
    /// The outcome's reason (a loss-reason column), empty when none.
    pub reason: String,
    /// The outcome's reason code (funnel's `reason_code`), empty when none.
    pub reason_code: String,
    /// The day the deal was closed (funnel's `closed_on`).
    pub closed_on: Option<Date>,
    /// The row's currency code, upper-cased, empty when the file has none.
    pub currency: String,
    pub modified: Option<Date>,
}

/// One thing wrong with the file: its line and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub message: String,
}

/// Why nothing can be imported: every problem, and how many of them are
/// rows `--skip-bad-rows` would leave out (so the message can offer it).
#[derive(Debug, Clone, Default)]
pub struct Failed {
    pub problems: Vec<Problem>,
    pub bad_rows: usize,
}

impl From<Vec<Problem>> for Failed {
    fn from(problems: Vec<Problem>) -> Failed {
        Failed {
            problems,
            bad_rows: 0,
        }
    }
}

/// Reads `bytes` (a CSV export) into rows. Every problem is collected.
pub fn read(bytes: &[u8], options: &Options) -> Result<Read, Vec<Problem>> {
    read_all(bytes, options).map_err(|f| f.problems)
}

/// Reads `bytes` into rows, with what was left out and how it was read.
pub fn read_all(bytes: &[u8], options: &Options) -> Result<Read, Failed> {
    read_input(Input::Text(bytes), options)
}

/// Reads a spreadsheet's rows (each with the row number the user sees, the
/// header row first unless `--no-header`) through the same checks as a CSV.
pub fn read_cells(cells: Vec<(u64, Vec<String>)>, options: &Options) -> Result<Read, Failed> {
    read_input(Input::Cells(cells), options)
}

fn read_input(input: Input, options: &Options) -> Result<Read, Failed> {
    let how = How {
        encoding: options.encoding.as_deref(),
        delimiter: options.delimiter,
        no_header: options.no_header,
    };
    let (read, encoding, delimiter) = records(input, how, |headers, rows| {
        read_records(headers, rows, options)
    })?;
    Ok(Read {
        encoding,
        delimiter,
        ..read
    })
}

/// What an import reads: the bytes of a CSV, or a spreadsheet's cells
/// (`sheet_cells`: each row with the row number the spreadsheet shows).
pub enum Input<'a> {
    Text(&'a [u8]),
    Cells(Vec<(u64, Vec<String>)>),
}

/// How to turn an [`Input`] into records (a spreadsheet needs none of it but
/// `no_header`).
#[derive(Debug, Clone, Copy, Default)]
pub struct How<'a> {
    pub encoding: Option<&'a str>,
    pub delimiter: Option<u8>,
    pub no_header: bool,
}

/// One row of the input with its line (or a row that could not be read).
pub(super) type Record = Result<(u64, csv::StringRecord), Problem>;

/// Turns `input` into its header (named 1, 2, … with `no_header`) and
/// records, and gives them to `read`: one path for every import (deals,
/// contacts, activities; CSV and spreadsheet). Also returns the encoding
/// (when worth saying) and the delimiter used (`,` for a spreadsheet).
pub(super) fn records<T>(
    input: Input,
    how: How,
    read: impl FnOnce(&csv::StringRecord, &mut dyn Iterator<Item = Record>) -> Result<T, Failed>,
) -> Result<(T, Option<String>, u8), Failed> {
    let bytes = match input {
        Input::Text(bytes) => bytes,
        Input::Cells(cells) => {
            let mut cells = cells.into_iter().peekable();
            let headers: csv::StringRecord = if how.no_header {
                let width = cells.peek().map_or(0, |(_, r)| r.len());
                (1..=width).map(|n| n.to_string()).collect()
            } else {
                cells
                    .next()
                    .map(|(_, r)| csv::StringRecord::from(r))
                    .unwrap_or_default()
            };
            let mut rows = cells.map(|(line, r)| Ok((line, csv::StringRecord::from(r))));
            // a spreadsheet has no separator; ',' is the one the CLI does not mention
            return Ok((read(&headers, &mut rows)?, None, b','));
        }
    };
    let decoded = decode(bytes, how.encoding).map_err(|p| vec![p])?;
    let encoding = decoded
        .worth_saying()
        .then(|| format!("{} ({})", decoded.encoding, decoded.how));
    let text = decoded.text;
    let bytes = text.as_bytes();
    let delimiter = how.delimiter.unwrap_or_else(|| sniff::delimiter(&text));
    let builder = || {
        let mut b = csv::ReaderBuilder::new();
        b.flexible(true)
            .delimiter(delimiter)
            .has_headers(!how.no_header);
        b
    };
    let mut reader = builder().from_reader(bytes);
    let headers = if how.no_header {
        // the first row's width names the columns 1, 2, … for --map
        let mut first = csv::StringRecord::new();
        let width = match builder().from_reader(bytes).read_record(&mut first) {
            Ok(_) => first.len(),
            Err(_) => 0,
        };
        (1..=width).map(|n| n.to_string()).collect()
    } else {
        reader
            .headers()
            .map_err(|e| {
                vec![Problem {
                    line: 1,
                    message: format!("cannot read the header: {e}"),
                }]
            })?
            .clone()
    };
    let (mut seen_byte, mut seen_lines) = (0usize, 0u64);
    let mut rows = std::iter::from_fn(|| {
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(false) => None,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                Some(Err(Problem {
                    line,
                    message: format!("unreadable row: {e}"),
                }))
            }
            Ok(true) => {
                // count the line from the record's byte offset: the csv
                // crate's own line numbers drift with CRLF line ends
                let mut byte = record
                    .position()
                    .map_or(0, |p| p.byte() as usize)
                    .min(bytes.len());
                // after a CRLF the offset points at its LF
                if bytes.get(byte) == Some(&b'\n') {
                    byte += 1;
                }
                seen_lines += bytes[seen_byte..byte]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count() as u64;
                seen_byte = byte;
                Some(Ok((seen_lines + 1, record)))
            }
        }
    });
    Ok((read(&headers, &mut rows)?, encoding, delimiter))
}

/// How a contact or activity export is read: the deal import's reading
/// options, and `--map` with the field names of that import.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: Option<String>,
    pub delimiter: Option<u8>,
    pub no_header: bool,
    /// `--null`: cell texts read as empty, besides `\N` and `NULL`.
    pub nulls: Vec<String>,
    pub skip_bad_rows: bool,
    /// `--map`: a column (its header, or 1, 2, … with `no_header`) and the
    /// field it feeds (a name the caller checked against the reader's fields).
    pub map: Vec<(String, String)>,
    pub dates: Option<DateOrder>,
}

impl ReadOptions {
    pub(super) fn how(&self) -> How<'_> {
        How {
            encoding: self.encoding.as_deref(),
            delimiter: self.delimiter,
            no_header: self.no_header,
        }
    }

    /// The columns `--map` names, each with its field, a later map of a
    /// field winning; fails naming the columns when one is not in the file.
    pub(super) fn mapped(&self, headers: &csv::StringRecord) -> Result<Vec<(usize, &str)>, Failed> {
        let mut found: Vec<(usize, &str)> = Vec::new();
        let mut problems = Vec::new();
        for (column, field) in &self.map {
            match headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
            {
                Some(n) => {
                    found.retain(|(c, f)| *c != n && f != field);
                    found.push((n, field.as_str()));
                }
                None => problems.push(Problem {
                    line: 1,
                    message: format!(
                        "--map {column}: no such column; the columns are {}",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                }),
            }
        }
        match problems.is_empty() {
            true => Ok(found),
            false => Err(problems.into()),
        }
    }
}

/// Rows that cannot be read: refused (the import stops, offering
/// `--skip-bad-rows`) or, with `skip`, left out and listed.
#[derive(Debug, Default)]
pub(super) struct BadRows {
    pub skip: bool,
    pub problems: Vec<Problem>,
    pub skipped: Vec<Problem>,
    pub refused: usize,
}

impl BadRows {
    pub fn new(skip: bool) -> BadRows {
        BadRows {
            skip,
            ..BadRows::default()
        }
    }

    /// A row that cannot be read.
    pub fn refuse(&mut self, problem: Problem) {
        if self.skip {
            self.skipped.push(problem);
        } else {
            self.refused += 1;
            self.problems.push(problem);
        }
    }

    /// A record that is no row (unreadable, or its cells out of place as
    /// the header shows): refused, else the row.
    pub fn row(
        &mut self,
        record: Record,
        headers: &csv::StringRecord,
        no_header: bool,
    ) -> Option<(u64, csv::StringRecord)> {
        match record {
            Err(p) => {
                self.refuse(p);
                None
            }
            Ok((line, r)) if r.len() != headers.len() => {
                // its cells are out of place: nothing else in it can be trusted
                self.refuse(Problem {
                    line,
                    message: format!(
                        "{} cells, expected {} like the {}",
                        r.len(),
                        headers.len(),
                        if no_header { "first row" } else { "header" }
                    ),
                });
                None
            }
            Ok(row) => Some(row),
        }
    }

    /// The rows left out, or every problem when one stops the import.
    pub fn finish(mut self) -> Result<Vec<Problem>, Failed> {
        if self.problems.is_empty() {
            Ok(self.skipped)
        } else {
            self.problems.sort_by_key(|p| p.line);
            Err(Failed {
                problems: self.problems,
                bad_rows: self.refused,
            })
        }
    }
}

/// A cell as read: trimmed, a null text (`\N`, `NULL`, `--null`) empty,
/// the formula guard taken off.
pub(super) fn clean<'c>(cell: &'c str, nulls: &[String]) -> &'c str {
    let v = cell.trim();
    if DEFAULT_NULLS.contains(&v) || nulls.iter().any(|n| n == v) {
        ""
    } else {
        unguard(v)
    }
}

/// Everything after the bytes became records: one path for CSV and
/// spreadsheets, so both recognise, check and report rows alike.
fn read_records(
    headers: &csv::StringRecord,
    records: impl Iterator<Item = Record>,
    options: &Options,
) -> Result<Read, Failed> {
    let columns = columns::resolve(headers, &options.map).map_err(Failed::from)?;
    let column_name = |f: Field| {
        columns
            .get(&f)
            .and_then(|n| headers.get(*n))
            .unwrap_or("")
            .to_owned()
    };
    let mut bad_rows = BadRows::new(options.skip_bad_rows);
    let stage_map: HashMap<String, Place> = options
        .stage_map
        .iter()
        .map(|(v, p)| (v.trim().to_lowercase(), *p))
        .collect();
    let mut rows = Vec::new();
    let mut unmapped: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut probabilities: Vec<(usize, f64)> = Vec::new();
    let mut ambiguous: Vec<u64> = Vec::new();
    let mut pending_dates: Vec<(usize, Field, u32, u32, i32)> = Vec::new();
    // the day/month order, per date column (a column shows its own order)
    let mut orders: BTreeMap<Field, DateOrder> = BTreeMap::new();
    let mut seen_ids: HashMap<String, u64> = HashMap::new();
    for record in records {
        let Some((line, record)) = bad_rows.row(record, headers, options.no_header) else {
            continue;
        };
        // what makes this row unreadable; with --skip-bad-rows it is left out
        let mut bad: Vec<String> = Vec::new();
        let mut refuse = |line: u64, message: String| bad_rows.refuse(Problem { line, message });
        let cell = |f: Field| {
            columns
                .get(&f)
                .and_then(|n| record.get(*n))
                .map(|v| clean(v, &options.nulls))
                .unwrap_or("")
        };
        let stage_text = cell(Field::Stage);
        let status = cell(Field::Status).to_lowercase();
        let place = match stage_map
            .get(&stage_text.to_lowercase())
            .copied()
            .or_else(|| default_place(stage_text))
        {
            Some(p) => p,
            None => {
                let entry = unmapped.entry(stage_text.to_owned()).or_insert((0, line));
                entry.0 += 1;
                continue;
            }
        };
        let stage = match place {
            Place::Stage(s) => Some(s),
            Place::Closed(_) => None,
        };
        // funnel's own export: status says won/lost/abandoned, stage where it was
        let place = match (place, OutcomeResult::parse(&status)) {
            (Place::Stage(_), Some(r)) => Place::Closed(r),
            (p, _) => p,
        };
        let place = match super::status::closed_place(
            place,
            &status,
            columns.get(&Field::Closed).map(|_| cell(Field::Closed)),
            columns.get(&Field::Won).map(|_| cell(Field::Won)),
        ) {
            Ok(p) => p,
            Err(m) => {
                refuse(line, m);
                continue;
            }
        };
        let value = parse_amount(cell(Field::Value)).unwrap_or_else(|m| {
            bad.push(format!(
                "{m} (column {:?}), expected a number like 1,234.56",
                column_name(Field::Value)
            ));
            Money::ZERO
        });
        let mut dates = [None, None, None, None];
        let mut undecided = Vec::new();
        for (k, f) in DATE_FIELDS.into_iter().enumerate() {
            match read_date(cell(f)) {
                Ok(None) => {}
                Ok(Some(DateRead::Sure(d))) => dates[k] = Some(d),
                Ok(Some(DateRead::Ambiguous(a, b, y))) => undecided.push((f, a, b, y)),
                Err(m) => bad.push(format!("{m} (column {:?})", column_name(f))),
            }
        }
        // a probability is 0–100 (`25`, `25 %`) or, in HubSpot and
        // spreadsheet percent cells, 0–1: the column decides, after the loop
        let probability = match cell(Field::Probability).trim_end_matches('%').trim() {
            "" => None,
            p => match p.replace(',', ".").parse::<f64>() {
                Ok(x) if (0.0..=100.0).contains(&x) => Some(x),
                _ => {
                    bad.push(format!(
                        "probability {p:?} (column {:?}), expected a percentage from 0 to 100",
                        column_name(Field::Probability)
                    ));
                    None
                }
            },
        };
        if !bad.is_empty() {
            refuse(line, bad.join("; "));
            continue;
        }
        // a day above 12 in a column settles that column's order
        for f in DATE_FIELDS {
            if !orders.contains_key(&f)
                && let Some(o) = order_hint(cell(f))
            {
                orders.insert(f, o);
            }
        }
        let source_id = cell(Field::SourceId).to_owned();
        if !source_id.is_empty()
            && let Some(first) = seen_ids.insert(source_id.clone(), line)
        {
            seen_ids.insert(source_id.clone(), first);
            bad_rows.problems.push(Problem { line, message: format!("id {source_id:?} appears again (first on line {first}); one row per opportunity") });
            continue;
        }
        let given = cell(Field::Account);
        let (account, account_id) = match options.account_names.get(given) {
            Some(name) => (name.clone(), given.to_owned()),
            None => (given.to_owned(), String::new()),
        };
        let product = cell(Field::Product).to_owned();
        let title = match cell(Field::Title) {
            "" if !product.is_empty() && !account.is_empty() => format!("{product} for {account}"),
            "" if !source_id.is_empty() => format!("Opportunity {source_id}"),
            "" => format!("Opportunity from line {line}"),
            t => t.to_owned(),
        };
        for (f, a, b, y) in undecided {
            pending_dates.push((rows.len(), f, a, b, y));
        }
        if let Some(p) = probability {
            probabilities.push((rows.len(), p));
        }
        rows.push(Row {
            line,
            source_id,
            title,
            account,
            account_id,
            place,
            stage,
            value,
            probability: None,
            close: dates[0],
            created: dates[1],
            owner: cell(Field::Owner).to_owned(),
            product,
            notes: cell(Field::Notes).to_owned(),
            next_step: cell(Field::NextStep).to_owned(),
            tags: cell(Field::Tags)
                .split([';', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            reason: cell(Field::Reason).to_owned(),
            reason_code: cell(Field::ReasonCode).to_owned(),
            closed_on: dates[3],
            currency: cell(Field::Currency).to_uppercase(),
            modified: dates[2],
        });
    }
    // a column of fractions only (0.25, 1) is a column of 0–1 probabilities
    let fractions = probabilities.iter().all(|(_, p)| *p <= 1.0)
        && probabilities.iter().any(|(_, p)| *p > 0.0 && *p < 1.0);
    let scale = if fractions { 100.0 } else { 1.0 };
    for (row, p) in probabilities {
        rows[row].probability = Percent::new((p * scale).round() as i64);
    }
    // a column that shows no order of its own takes the order another date
    // column shows: one system wrote both
    let any_order = orders.values().next().copied();
    for (row, field, a, b, y) in pending_dates {
        let order = options
            .dates
            .or_else(|| orders.get(&field).copied())
            .or(any_order);
        let date = match order {
            Some(DateOrder::DayMonth) => Date::from_ymd(y, b, a),
            Some(DateOrder::MonthDay) => Date::from_ymd(y, a, b),
            None => {
                ambiguous.push(rows[row].line);
                continue;
            }
        };
        match field {
            Field::Close => rows[row].close = date,
            Field::Modified => rows[row].modified = date,
            Field::ClosedOn => rows[row].closed_on = date,
            _ => rows[row].created = date,
        }
    }
    // one problem naming every value: a CRM with 33 stage labels must not
    // take 11 rounds of "… and 30 more like it"
    if let Some(first) = unmapped.values().map(|(_, line)| *line).min() {
        let mut in_order: Vec<_> = unmapped.iter().collect();
        in_order.sort_by_key(|(_, (_, line))| *line);
        let values: Vec<String> = in_order
            .into_iter()
            .map(|(value, (count, line))| {
                let rows = if *count == 1 { "row" } else { "rows" };
                format!("  {value:?} ({count} {rows}, first on line {line}): --stage-map \"{value}=STAGE\"")
            })
            .collect();
        bad_rows.problems.push(Problem {
            line: first,
            message: format!(
                "{} stage values map to no stage; add a --stage-map for each, STAGE one of qualify, drive, propose, negotiate, close, won, lost, abandoned (--save-profile NAME keeps them for the next import):\n{}",
                unmapped.len(),
                values.join("\n")
            ),
        });
    }
    if !ambiguous.is_empty() {
        let lines: Vec<String> = ambiguous.iter().take(10).map(|l| l.to_string()).collect();
        bad_rows.problems.push(Problem {
            line: ambiguous[0],
            message: format!(
                "{} dates could be day/month or month/day (lines {}{}); say which with --dates dmy or --dates mdy",
                ambiguous.len(),
                lines.join(", "),
                if ambiguous.len() > 10 { ", …" } else { "" }
            ),
        });
    }
    let skipped = bad_rows.finish()?;
    let columns = columns
        .iter()
        .map(|(f, n)| (*f, headers.get(*n).unwrap_or("").trim().to_owned()))
        .collect();
    Ok(Read {
        rows,
        columns,
        headers: headers.iter().map(|h| h.trim().to_owned()).collect(),
        skipped,
        encoding: None,
        delimiter: b',',
    })
}

/// A cell without the apostrophe a CSV export (funnel's own among them) puts
/// before text starting with `=`, `+`, `-` or `@` so that a spreadsheet does
/// not run it as a formula: the text is what the seller typed.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}
