//! Reading the CSV into checked rows, or into every problem found, each with
//! its line.

use super::columns::{self, Field};
use super::values::{DateOrder, DateRead, Place, default_place, parse_amount, read_date};
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
}

/// One imported row, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub source_id: String,
    pub title: String,
    pub account: String,
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
    /// The row's currency code, upper-cased, empty when the file has none.
    pub currency: String,
    pub modified: Option<Date>,
}

/// What reading found: the rows, and which column fed each field (by its
/// header), so the import can name them and warn about the fields missing.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub rows: Vec<Row>,
    pub columns: BTreeMap<Field, String>,
}

/// One thing wrong with the file: its line and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub message: String,
}

/// Reads `bytes` (a CSV export) into rows. Every problem is collected.
pub fn read(bytes: &[u8], options: &Options) -> Result<Read, Vec<Problem>> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![Problem {
                line: 1,
                message: format!("cannot read the header: {e}"),
            }]
        })?
        .clone();
    let columns = columns::resolve(&headers, &options.map)?;
    let mut problems = Vec::new();
    let stage_map: HashMap<String, Place> = options
        .stage_map
        .iter()
        .map(|(v, p)| (v.trim().to_lowercase(), *p))
        .collect();
    let mut rows = Vec::new();
    let mut unmapped: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut ambiguous: Vec<u64> = Vec::new();
    let mut pending_dates: Vec<(usize, Field, u32, u32, i32)> = Vec::new();
    let mut order = options.dates;
    let (mut seen_byte, mut seen_lines) = (0usize, 0u64);
    let mut seen_ids: HashMap<String, u64> = HashMap::new();
    loop {
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem {
                    line,
                    message: format!("unreadable row: {e}"),
                });
                continue;
            }
        }
        // count the line from the record's byte offset: the csv crate's own
        // line numbers drift with CRLF line ends
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
        let line = seen_lines + 1;
        if record.len() != headers.len() {
            problems.push(Problem {
                line,
                message: format!(
                    "{} cells, expected {} like the header",
                    record.len(),
                    headers.len()
                ),
            });
            continue;
        }
        let cell = |f: Field| {
            columns
                .get(&f)
                .and_then(|n| record.get(*n))
                .unwrap_or("")
                .trim()
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
                problems.push(Problem { line, message: m });
                continue;
            }
        };
        let value = match parse_amount(cell(Field::Value)) {
            Ok(v) => v,
            Err(m) => {
                problems.push(Problem { line, message: m });
                continue;
            }
        };
        let mut dates = [None, None, None];
        for (k, f) in [Field::Close, Field::Created, Field::Modified]
            .into_iter()
            .enumerate()
        {
            match read_date(cell(f)) {
                Ok(None) => {}
                Ok(Some(DateRead::Sure(d))) => dates[k] = Some(d),
                Ok(Some(DateRead::Ambiguous(a, b, y))) => {
                    pending_dates.push((rows.len(), f, a, b, y))
                }
                Err(m) => problems.push(Problem { line, message: m }),
            }
        }
        // a day above 12 anywhere settles the order for the whole file
        if order.is_none() {
            let raw = [
                cell(Field::Close),
                cell(Field::Created),
                cell(Field::Modified),
            ];
            for r in raw {
                let p: Vec<u32> = r
                    .split(['/', '-'])
                    .filter_map(|x| x.trim().parse().ok())
                    .collect();
                if p.len() == 3 && p[0] <= 31 {
                    if p[0] > 12 {
                        order = Some(DateOrder::DayMonth);
                    } else if p[1] > 12 {
                        order = Some(DateOrder::MonthDay);
                    }
                }
            }
        }
        let probability = match cell(Field::Probability) {
            "" => None,
            p => p
                .trim_end_matches('%')
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(|x| Percent::new(x.round() as i64)),
        };
        let source_id = cell(Field::SourceId).to_owned();
        if !source_id.is_empty()
            && let Some(first) = seen_ids.insert(source_id.clone(), line)
        {
            seen_ids.insert(source_id.clone(), first);
            problems.push(Problem { line, message: format!("id {source_id:?} appears again (first on line {first}); one row per opportunity") });
            continue;
        }
        let account = cell(Field::Account);
        let account = options
            .account_names
            .get(account)
            .cloned()
            .unwrap_or_else(|| account.to_owned());
        let product = cell(Field::Product).to_owned();
        let title = match cell(Field::Title) {
            "" if !product.is_empty() && !account.is_empty() => format!("{product} for {account}"),
            "" if !source_id.is_empty() => format!("Opportunity {source_id}"),
            "" => format!("Opportunity from line {line}"),
            t => t.to_owned(),
        };
        rows.push(Row {
            line,
            source_id,
            title,
            account,
            place,
            stage,
            value,
            probability,
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
            currency: cell(Field::Currency).to_uppercase(),
            modified: dates[2],
        });
    }
    for (row, field, a, b, y) in pending_dates {
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
            _ => rows[row].created = date,
        }
    }
    for (value, (count, line)) in &unmapped {
        problems.push(Problem {
            line: *line,
            message: format!(
                "stage {value:?} ({count} rows) maps to no stage; add --stage-map {:?}=STAGE with one of qualify, drive, propose, negotiate, close, won, lost, abandoned",
                value
            ),
        });
    }
    if !ambiguous.is_empty() {
        let lines: Vec<String> = ambiguous.iter().take(10).map(|l| l.to_string()).collect();
        problems.push(Problem {
            line: ambiguous[0],
            message: format!(
                "{} dates could be day/month or month/day (lines {}{}); say which with --dates dmy or --dates mdy",
                ambiguous.len(),
                lines.join(", "),
                if ambiguous.len() > 10 { ", …" } else { "" }
            ),
        });
    }
    if problems.is_empty() {
        let columns = columns
            .iter()
            .map(|(f, n)| (*f, headers.get(*n).unwrap_or("").trim().to_owned()))
            .collect();
        Ok(Read { rows, columns })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}
