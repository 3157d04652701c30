//! Reading CRM exports (CSV): recognising the columns of common exports,
//! mapping stages, reading amounts and dates as people write them, and
//! merging into the workspace so that importing the same file twice changes
//! nothing. Pure: bytes in, a merged workspace (or precise problems) out.

use crate::domain::ids::next_id;
use crate::domain::{
    Account, Action, Date, Money, Opportunity, OutcomeResult, Percent, Stage, StageEntry, Workspace,
};
use std::collections::{BTreeMap, HashMap};

/// What a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    SourceId,
    Title,
    Account,
    Stage,
    Status,
    Value,
    Probability,
    Close,
    Created,
    Owner,
    Product,
    Notes,
    NextStep,
    Tags,
}

impl Field {
    pub fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "id" | "source_id" => Field::SourceId,
            "title" => Field::Title,
            "account" => Field::Account,
            "stage" => Field::Stage,
            "status" | "outcome" => Field::Status,
            "value" => Field::Value,
            "probability" => Field::Probability,
            "expected_close" | "close" => Field::Close,
            "created" => Field::Created,
            "owner" => Field::Owner,
            "product" => Field::Product,
            "notes" => Field::Notes,
            "next_step" => Field::NextStep,
            "tags" | "type" => Field::Tags,
            _ => return None,
        })
    }
}

/// The headers of Salesforce, the Maven CRM data set, HubSpot and funnel's
/// own CSV export, lower-cased.
fn known(header: &str) -> Option<Field> {
    Some(match header.trim().to_lowercase().as_str() {
        "id" | "opportunity_id" | "opportunity id" | "deal id" | "record id" => Field::SourceId,
        "name" | "opportunity name" | "deal name" | "title" => Field::Title,
        "account name" | "account" | "associated company" | "company" | "company name"
        | "account_name" | "accountid" => Field::Account,
        "stagename" | "stage" | "deal_stage" | "deal stage" => Field::Stage,
        "status" => Field::Status,
        "amount" | "close_value" | "value" => Field::Value,
        "probability" => Field::Probability,
        "closedate" | "close_date" | "close date" | "expected_close" => Field::Close,
        "createddate" | "engage_date" | "create date" | "created" => Field::Created,
        "sales_agent" | "owner" | "deal owner" | "opportunity owner" => Field::Owner,
        "product" | "product__c" => Field::Product,
        "description" | "notes" => Field::Notes,
        "nextstep" | "next step" => Field::NextStep,
        "type" | "tags" => Field::Tags,
        _ => return None,
    })
}

/// Where a deal ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Stage(Stage),
    Closed(OutcomeResult),
}

/// The usual stage names of CRMs, lower-cased and without spaces.
fn default_place(value: &str) -> Option<Place> {
    let v: String = value
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(match v.as_str() {
        "prospecting"
        | "qualification"
        | "qualify"
        | "qualified"
        | "new"
        | "lead"
        | "appointmentscheduled"
        | "qualifiedtobuy" => Place::Stage(Stage::Qualify),
        "needsanalysis"
        | "discovery"
        | "engaging"
        | "drive"
        | "valueproposition"
        | "id.decisionmakers"
        | "perceptionanalysis"
        | "presentationscheduled"
        | "decisionmakerboughtin" => Place::Stage(Stage::Drive),
        "proposal/pricequote" | "proposal/quote" | "proposal" | "propose" => {
            Place::Stage(Stage::Propose)
        }
        "negotiation/review" | "negotiation" | "negotiate" | "contractsent" => {
            Place::Stage(Stage::Negotiate)
        }
        "close" | "closing" | "commit" | "verbal" => Place::Stage(Stage::Close),
        "closedwon" | "won" => Place::Closed(OutcomeResult::Won),
        "closedlost" | "lost" => Place::Closed(OutcomeResult::Lost),
        "abandoned" | "cancelled" | "canceled" | "disqualified" => {
            Place::Closed(OutcomeResult::Abandoned)
        }
        _ => return None,
    })
}

pub fn parse_place(s: &str) -> Option<Place> {
    match OutcomeResult::parse(s) {
        Some(r) => Some(Place::Closed(r)),
        None => Stage::parse(s).map(Place::Stage),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayMonth,
    MonthDay,
}

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
}

/// Reads an amount as CRMs write it: `1,234.56`, `1.234,56`, `1 234`, `$95`.
pub fn parse_amount(s: &str) -> Result<Money, String> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"$€£¥'".contains(*c))
        .collect();
    if t.is_empty() {
        return Ok(Money::ZERO);
    }
    let normal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(c), None) if t.len() - c - 1 <= 2 && t.matches(',').count() == 1 => {
            t.replace(',', ".")
        }
        _ => t.replace(',', ""),
    };
    Money::parse_typed(&normal).map_err(|_| format!("{s:?} is not an amount"))
}

enum DateRead {
    Sure(Date),
    /// a/b/yyyy with both a and b at most 12.
    Ambiguous(u32, u32, i32),
}

fn read_date(s: &str) -> Result<Option<DateRead>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let head = s.get(..10).unwrap_or(s);
    if let Some(d) = Date::parse(head) {
        return Ok(Some(DateRead::Sure(d)));
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let num = |p: &str| p.trim().parse::<u32>().ok();
    if let [a, b, c] = parts.as_slice()
        && let (Some(a), Some(b), Some(c)) = (num(a), num(b), num(c))
    {
        if a > 31 {
            // yyyy/mm/dd
            return Date::from_ymd(a as i32, b, c)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date"));
        }
        let year = if c < 100 { 2000 + c as i32 } else { c as i32 };
        if s.contains('.') {
            // dd.mm.yyyy
            return Date::from_ymd(year, b, a)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date"));
        }
        return match (a > 12, b > 12) {
            (true, false) => Date::from_ymd(year, b, a)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date")),
            (false, true) => Date::from_ymd(year, a, b)
                .map(|d| Some(DateRead::Sure(d)))
                .ok_or(format!("{s:?} is not a date")),
            (false, false) => Ok(Some(DateRead::Ambiguous(a, b, year))),
            (true, true) => Err(format!("{s:?} is not a date")),
        };
    }
    Err(format!(
        "{s:?} is not a date, expected YYYY-MM-DD or a local form like 25/11/2026"
    ))
}

/// One thing wrong with the file: its line and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub message: String,
}

/// Reads `bytes` (a CSV export) into rows. Every problem is collected.
pub fn read(bytes: &[u8], options: &Options) -> Result<Vec<Row>, Vec<Problem>> {
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
    let mut columns: BTreeMap<Field, usize> = BTreeMap::new();
    for (n, h) in headers.iter().enumerate() {
        if let Some(f) = known(h) {
            columns.entry(f).or_insert(n);
        }
    }
    // funnel's own export has both the account id and its name: take the name
    if let Some(n) = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("account_name"))
    {
        columns.insert(Field::Account, n);
    }
    let mut problems = Vec::new();
    for (column, field) in &options.map {
        match headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
        {
            Some(n) => {
                columns.insert(*field, n);
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
    for needed in [Field::Stage] {
        if !columns.contains_key(&needed) {
            problems.push(Problem {
                line: 1,
                message: format!(
                    "no stage column recognised among {}; name it with --map COLUMN=stage",
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
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
        let value = match parse_amount(cell(Field::Value)) {
            Ok(v) => v,
            Err(m) => {
                problems.push(Problem { line, message: m });
                continue;
            }
        };
        let mut dates = [None, None];
        for (k, f) in [Field::Close, Field::Created].into_iter().enumerate() {
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
            let raw = [cell(Field::Close), cell(Field::Created)];
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
        Ok(rows)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub accounts_added: usize,
}

const SOURCE_ID: &str = "source_id";
const NO_ACCOUNT: &str = "(no account in the import)";

/// Merges `rows` into `ws`: a deal whose `source_id` (kept as a field of its
/// own) is already there is updated, the others are added; accounts are
/// matched by name and created when missing.
pub fn merge(ws: &mut Workspace, rows: &[Row], today: Date) -> Summary {
    let mut summary = Summary::default();
    let mut by_source: HashMap<String, usize> = HashMap::new();
    for (n, o) in ws.opportunities.iter().enumerate() {
        if let Some(id) = o.extra.get(SOURCE_ID).and_then(|v| v.as_str()) {
            by_source.insert(id.to_owned(), n);
        }
    }
    let mut accounts: HashMap<String, String> = ws
        .accounts
        .iter()
        .map(|a| (a.name.clone(), a.id.clone()))
        .collect();
    let mut next_opp = ws
        .opportunities
        .iter()
        .filter_map(|o| o.id.strip_prefix('o')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    for row in rows {
        let name = if row.account.is_empty() {
            NO_ACCOUNT
        } else {
            row.account.as_str()
        };
        let account = match accounts.get(name) {
            Some(id) => id.clone(),
            None => {
                let id = next_id("a", ws.accounts.iter().map(|a| a.id.as_str()));
                ws.accounts.push(Account {
                    id: id.clone(),
                    name: name.to_owned(),
                    ..Default::default()
                });
                accounts.insert(name.to_owned(), id.clone());
                summary.accounts_added += 1;
                id
            }
        };
        // an export without ids: the title and account stand in for one, so
        // importing it again updates instead of duplicating
        let key = if row.source_id.is_empty() {
            format!("title+account:{}@{}", row.title, name)
        } else {
            row.source_id.clone()
        };
        let existing = by_source.get(&key).copied();
        let mut o = match existing {
            Some(n) => ws.opportunities[n].clone(),
            None => {
                next_opp += 1;
                let stage = match row.place {
                    Place::Stage(s) => s,
                    Place::Closed(_) => row.stage.unwrap_or(Stage::Close),
                };
                let created = row.created.unwrap_or(today);
                let mut o = Opportunity {
                    id: format!("o{next_opp}"),
                    stage,
                    created: Some(created),
                    stage_history: vec![StageEntry {
                        stage,
                        entered: created,
                        ..Default::default()
                    }],
                    expected_close: row.close,
                    ..Default::default()
                };
                o.extra.insert(SOURCE_ID.into(), key.clone().into());
                if !row.next_step.is_empty() {
                    o.actions.push(Action {
                        id: "t1".into(),
                        text: row.next_step.clone(),
                        created: Some(today),
                        ..Default::default()
                    });
                }
                o
            }
        };
        let before = o.clone();
        o.title = row.title.clone();
        o.account = account;
        o.value = row.value;
        o.probability = row.probability.or(o.probability);
        if !row.owner.is_empty() {
            o.owner = row.owner.clone();
        }
        if !row.product.is_empty() {
            o.product = row.product.clone();
        }
        if !row.notes.is_empty() {
            o.notes = row.notes.clone();
        }
        if !row.tags.is_empty() {
            o.tags = row.tags.clone();
        }
        match row.place {
            Place::Stage(s) => {
                o.set_stage(s, today);
                o.reopen();
            }
            Place::Closed(result) => {
                if o.outcome.as_ref().is_none_or(|x| x.result != result) {
                    o.close(result, row.close.unwrap_or(today), "");
                }
            }
        }
        if existing.is_some() {
            o.set_expected_close(row.close, today);
        }
        match existing {
            Some(n) if o == before => {
                let _ = n;
                summary.unchanged += 1;
            }
            Some(n) => {
                ws.opportunities[n] = o;
                summary.updated += 1;
            }
            None => {
                by_source.insert(key, ws.opportunities.len());
                ws.opportunities.push(o);
                summary.added += 1;
            }
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_crms_write_them() {
        assert_eq!(parse_amount("1,234.56"), Ok(Money(123456)));
        assert_eq!(parse_amount("1.234,56"), Ok(Money(123456)));
        assert_eq!(parse_amount("1 234"), Ok(Money(123400)));
        assert_eq!(parse_amount("$95"), Ok(Money(9500)));
        assert_eq!(parse_amount("1124741.15"), Ok(Money(112474115)));
        assert_eq!(parse_amount("12,5"), Ok(Money(1250)));
        assert_eq!(parse_amount("1,250,000"), Ok(Money(125000000)));
        assert_eq!(parse_amount(""), Ok(Money::ZERO));
        assert!(parse_amount("lots").is_err());
    }

    #[test]
    fn stage_names_of_common_crms() {
        assert_eq!(
            default_place("Proposal/Price Quote"),
            Some(Place::Stage(Stage::Propose))
        );
        assert_eq!(
            default_place("Closed Won"),
            Some(Place::Closed(OutcomeResult::Won))
        );
        assert_eq!(default_place("Engaging"), Some(Place::Stage(Stage::Drive)));
        assert_eq!(
            default_place("Negotiation/Review"),
            Some(Place::Stage(Stage::Negotiate))
        );
        assert_eq!(default_place("Mystery"), None);
    }
}
