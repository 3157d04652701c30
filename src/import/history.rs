//! Stage histories (Salesforce OpportunityHistory and
//! OpportunityFieldHistory, HubSpot, Pipedrive, Zoho, Dynamics audit and
//! Chinese exports): one row per stage a deal entered, with the date. Read
//! through the deal import's reading path; the stage names are the deal
//! import's, with `--stage-map` on top.

use super::columns::normal;
use super::read::{BadRows, Failed, Input, Problem, ReadOptions, Record, clean, records};
use super::values::{DateOrder, DateRead, Place, default_place, read_date};
use crate::domain::{Date, Stage};
use crate::tf;
use std::collections::{BTreeMap, HashMap};

/// What a history column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HistoryCol {
    DealId,
    DealName,
    Stage,
    Date,
    /// Which field changed (Salesforce's OpportunityFieldHistory): only
    /// rows about the stage are read.
    Field,
}

/// The fields `--map` can name, each with the column it feeds.
const NAMES: [(&str, HistoryCol); 5] = [
    ("deal_id", HistoryCol::DealId),
    ("deal", HistoryCol::DealName),
    ("stage", HistoryCol::Stage),
    ("date", HistoryCol::Date),
    ("field", HistoryCol::Field),
];

impl HistoryCol {
    /// The name `--map` takes, also in the import's report.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }
}

/// The fields `--map` can name.
pub const HISTORY_FIELDS: [&str; 5] = ["deal_id", "deal", "stage", "date", "field"];

/// The column a header feeds, and how sure (0 before 1): a file with both
/// `Stage` and `New Stage` means the new one; `Changed At` before `Created Date`.
fn known(header: &str) -> Option<(HistoryCol, u8)> {
    Some(match normal(header).as_str() {
        "opportunityid" | "dealid" | "potentialid" | "regardingobjectid" | "objectid"
        | "商机编号" | "商机id" => (HistoryCol::DealId, 0),
        "dealname" | "deal" | "opportunity" | "opportunityname" | "potentialname" | "dealtitle"
        | "商机名称" | "商机" => (HistoryCol::DealName, 0),
        "tostage" | "newstage" | "newvalue" | "stageentered" | "新阶段" => {
            (HistoryCol::Stage, 0)
        }
        "stage" | "dealstage" | "stagename" | "阶段" | "销售阶段" => (HistoryCol::Stage, 1),
        "changedat" | "changedate" | "changedon" | "entered" | "enteredat" | "dateentered"
        | "timestamp" | "date" | "变更时间" | "变更日期" | "日期" => {
            (HistoryCol::Date, 0)
        }
        "createddate" | "createdon" | "createdat" | "创建时间" => (HistoryCol::Date, 1),
        "field" | "fieldname" | "changedfield" | "字段" => (HistoryCol::Field, 0),
        _ => return None,
    })
}

/// Whether a Field cell names the stage (other fields' rows are ignored).
fn stage_field(s: &str) -> bool {
    matches!(
        normal(s).as_str(),
        "stagename" | "stage" | "dealstage" | "阶段" | "销售阶段"
    )
}

/// One stage a deal entered, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub line: u64,
    pub deal_id: String,
    pub deal_name: String,
    pub stage: Stage,
    pub date: Date,
}

/// The stage changes of a file, and which header fed what.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub rows: Vec<StageRow>,
    pub columns: BTreeMap<HistoryCol, String>,
    /// Rows whose stage is won, lost or abandoned: not stage entries.
    pub closed: usize,
    /// Rows about another field than the stage (a Field column).
    pub other_fields: usize,
    /// Rows marked deleted (Salesforce's `IsDeleted`).
    pub deleted: usize,
    /// Rows left out with `--skip-bad-rows`.
    pub skipped: Vec<Problem>,
    /// How the file was read (see `read::records`).
    pub encoding: Option<String>,
    pub delimiter: u8,
}

impl History {
    /// The source named by the header: Salesforce's `OpportunityId` beside
    /// `StageName` or a `Field` column.
    pub fn guessed_source(&self) -> Option<&'static str> {
        let header = |c| self.columns.get(&c).map(|h| normal(h));
        let salesforce_stage = header(HistoryCol::Stage).as_deref() == Some("stagename")
            || header(HistoryCol::Field).is_some();
        match header(HistoryCol::DealId).as_deref() {
            Some("opportunityid") if salesforce_stage => Some("salesforce"),
            Some("regardingobjectid") => Some("dynamics"),
            _ => None,
        }
    }
}

/// Reads a stage-history export (a CSV or a spreadsheet's cells) with the
/// extra stage names of `stage_map`; every problem is collected, with its line.
pub fn read_history(
    input: Input,
    options: &ReadOptions,
    stage_map: &[(String, Place)],
) -> Result<History, Failed> {
    let (read, encoding, delimiter) = records(input, options.how(), |headers, rows| {
        history_rows(headers, rows, options, stage_map)
    })?;
    Ok(History {
        encoding,
        delimiter,
        ..read
    })
}

fn history_rows(
    headers: &csv::StringRecord,
    records: &mut dyn Iterator<Item = Record>,
    options: &ReadOptions,
    stage_map: &[(String, Place)],
) -> Result<History, Failed> {
    let mut at: BTreeMap<HistoryCol, usize> = BTreeMap::new();
    // --map wins: its columns feed their fields, and nothing else
    let mapped = options.mapped(headers)?;
    for (n, field) in &mapped {
        if let Some((_, c)) = NAMES.iter().find(|(name, _)| name == field) {
            at.insert(*c, *n);
        }
    }
    let mut rank: BTreeMap<HistoryCol, u8> = BTreeMap::new();
    for (n, h) in headers.iter().enumerate() {
        let Some((c, r)) = known(h.trim_start_matches('\u{feff}')) else {
            continue;
        };
        if mapped.iter().any(|(m, _)| *m == n) || mapped.iter().any(|(_, f)| *f == c.name()) {
            continue;
        }
        if rank.get(&c).is_none_or(|was| r < *was) {
            rank.insert(c, r);
            at.insert(c, n);
        }
    }
    let columns: BTreeMap<HistoryCol, String> = at
        .iter()
        .map(|(c, n)| (*c, headers[*n].to_owned()))
        .collect();
    let all = headers.iter().collect::<Vec<_>>().join(", ");
    let mut problems = Vec::new();
    let missing = [
        (
            HistoryCol::Stage,
            "stage",
            "StageName, Deal Stage, To Stage, New Stage, NewValue, 阶段, 新阶段",
            "Phase",
        ),
        (
            HistoryCol::Date,
            "date",
            "CreatedDate, Date, Changed At, Change Date, Entered, Timestamp, 变更时间, 日期",
            "Geändert am",
        ),
    ];
    for (c, name, examples, example) in missing {
        if !at.contains_key(&c) {
            problems.push(Problem {
                line: 1,
                message: tf!(
                    "no {name} column recognised ({examples}, …); the columns are {all}; name it with --map COLUMN={name}, e.g. --map \"{example}={name}\"",
                    name,
                    examples,
                    all,
                    example
                ),
            });
        }
    }
    if !at.contains_key(&HistoryCol::DealId) && !at.contains_key(&HistoryCol::DealName) {
        problems.push(Problem {
            line: 1,
            message: tf!(
                "no deal column recognised (OpportunityId, Deal ID, Deal Name, Opportunity, 商机编号, 商机名称, …); the columns are {all}; name one with --map COLUMN=deal_id or --map COLUMN=deal",
                all
            ),
        });
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    // Salesforce exports the history rows of deleted records too
    let deleted_at = headers
        .iter()
        .position(|h| normal(h.trim_start_matches('\u{feff}')) == "isdeleted");
    let stage_map: HashMap<String, Place> = stage_map
        .iter()
        .map(|(v, p)| (v.trim().to_lowercase(), *p))
        .collect();
    let mut bad = BadRows::new(options.skip_bad_rows);
    let mut history = History {
        columns,
        delimiter: b',',
        ..History::default()
    };
    // value → (rows, first line)
    let mut unmapped: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for record in records {
        let Some((line, record)) = bad.row(record, headers, options.no_header) else {
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: HistoryCol| {
            at.get(&c)
                .and_then(|i| record.get(*i))
                .map(|v| clean(v, &options.nulls))
                .unwrap_or("")
                .to_owned()
        };
        let deleted = deleted_at
            .and_then(|i| record.get(i))
            .map(|v| clean(v, &options.nulls));
        if deleted.is_some_and(|v| matches!(normal(v).as_str(), "true" | "1" | "yes")) {
            history.deleted += 1;
            continue;
        }
        if at.contains_key(&HistoryCol::Field) && !stage_field(&cell(HistoryCol::Field)) {
            history.other_fields += 1;
            continue;
        }
        let (deal_id, deal_name) = (cell(HistoryCol::DealId), cell(HistoryCol::DealName));
        let value = cell(HistoryCol::Stage);
        let date_text = cell(HistoryCol::Date);
        let mut why = Vec::new();
        if deal_id.is_empty() && deal_name.is_empty() {
            why.push(crate::i18n::t("no deal id or name").to_owned());
        }
        if value.is_empty() {
            why.push(tf!(
                "no stage in {column}",
                column = history.columns[&HistoryCol::Stage]
            ));
        }
        let date = match read_date(&date_text) {
            Ok(None) => {
                why.push(tf!(
                    "no date in {column}",
                    column = history.columns[&HistoryCol::Date]
                ));
                None
            }
            Ok(Some(DateRead::Sure(d))) => Some(d),
            Ok(Some(DateRead::Ambiguous(a, b, y))) => {
                let d = match options.dates {
                    Some(DateOrder::DayMonth) => Date::from_ymd(y, b, a),
                    Some(DateOrder::MonthDay) => Date::from_ymd(y, a, b),
                    None => None,
                };
                if d.is_none() {
                    bad.problems.push(Problem {
                        line,
                        message: tf!(
                            "{value} in {column}: day or month first? say --dates dmy or --dates mdy",
                            value = format!("{date_text:?}"),
                            column = history.columns[&HistoryCol::Date]
                        ),
                    });
                    continue;
                }
                d
            }
            Err(m) => {
                why.push(tf!(
                    "{problem} in {column}",
                    problem = m,
                    column = history.columns[&HistoryCol::Date]
                ));
                None
            }
        };
        if !why.is_empty() {
            bad.refuse(Problem {
                line,
                message: why.join(crate::i18n::t("; ")),
            });
            continue;
        }
        let Some(date) = date else { continue };
        let place = stage_map
            .get(&value.to_lowercase())
            .copied()
            .or_else(|| default_place(&value));
        match place {
            None => {
                let entry = unmapped.entry(value).or_insert((0, line));
                entry.0 += 1;
            }
            Some(Place::Closed(_)) => history.closed += 1,
            Some(Place::Stage(stage)) => history.rows.push(StageRow {
                line,
                deal_id,
                deal_name,
                stage,
                date,
            }),
        }
    }
    if let Some((_, (_, first))) = unmapped.iter().min_by_key(|(_, (_, line))| *line) {
        // one problem naming every value, so none is cut from the list
        let each: Vec<String> = unmapped
            .iter()
            .map(|(value, (count, _))| {
                let map = format!("{value}=STAGE");
                tf!(
                    "  {value} ({rows}): add --stage-map {map}",
                    value = format!("{value:?}"),
                    rows = crate::text::plain_count(*count as i64, "row", "rows"),
                    map = format!("{map:?}")
                )
            })
            .collect();
        bad.problems.push(Problem {
            line: *first,
            message: tf!(
                "{n} stage values map to no stage; add a --stage-map for each, STAGE one of qualify, drive, propose, negotiate, close, won, lost, abandoned:\n{each}",
                n = unmapped.len(),
                each = each.join("\n")
            ),
        });
    }
    history.skipped = bad.finish()?;
    Ok(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, map: &[(String, Place)]) -> Result<History, Failed> {
        read_history(Input::Text(text.as_bytes()), &ReadOptions::default(), map)
    }

    #[test]
    fn salesforce_history_reads_stages_and_skips_closed_ones() {
        let h = read(
            "Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate,IsDeleted\n\
             h1,006A,Prospecting,10,2024-12-01,2024-01-22T16:14:25.000+0000,false\n\
             h2,006A,Closed Won,10,2024-12-01,2024-03-01T10:00:00.000+0000,\n\
             h3,006A,Negotiation,10,2024-12-01,2024-02-01T10:00:00.000+0000,true\n",
            &[],
        )
        .unwrap();
        assert_eq!(h.rows.len(), 1);
        assert_eq!(h.rows[0].stage, Stage::Qualify);
        assert_eq!(h.rows[0].date, Date::parse("2024-01-22").unwrap());
        assert_eq!(h.closed, 1);
        assert_eq!(h.deleted, 1);
        assert_eq!(h.guessed_source(), Some("salesforce"));
        assert_eq!(h.columns[&HistoryCol::Date], "CreatedDate");
    }

    #[test]
    fn field_history_reads_only_stage_rows() {
        let h = read(
            "Id,OpportunityId,Field,DataType,OldValue,NewValue,CreatedDate\n\
             f1,006A,Amount,Currency,1,2,2024-02-01\n\
             f2,006A,StageName,Picklist,Prospecting,Negotiation/Review,2024-02-02\n",
            &[],
        )
        .unwrap();
        assert_eq!(h.other_fields, 1);
        assert_eq!(h.rows.len(), 1);
        assert_eq!(h.rows[0].stage, Stage::Negotiate);
    }

    #[test]
    fn unmapped_values_are_all_named_with_the_option_to_add() {
        let text =
            "Deal Name,To Stage,Changed At\nA,Foo,2024-01-01\nB,Foo,2024-01-02\nC,Bar,2024-01-03\n";
        let f = read(text, &[]).unwrap_err();
        let m = &f.problems[0].message;
        assert!(m.contains(r#"--stage-map "Foo=STAGE""#), "{m}");
        assert!(m.contains(r#""Foo" (2 rows)"#), "{m}");
        assert!(m.contains(r#"--stage-map "Bar=STAGE""#), "{m}");
        let mapped = [
            ("foo".to_owned(), Place::Stage(Stage::Drive)),
            ("Bar".to_owned(), Place::Stage(Stage::Close)),
        ];
        let h = read(text, &mapped).unwrap();
        assert_eq!(h.rows[2].stage, Stage::Close);
    }
}
