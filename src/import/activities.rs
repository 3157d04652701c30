//! Activities (Salesforce Task/Event, HubSpot, Zoho, Dynamics activity
//! exports) onto the deals they belong to: an open activity becomes an
//! action, a done one a log entry. Each keeps its own id in
//! `extra.source`/`extra.source_id` (like an imported deal), so importing
//! the same file again changes nothing.

use super::columns::normal;
use super::read::{BadRows, Failed, Input, Problem, ReadOptions, Record, clean, records};
use super::values::{DateOrder, DateRead, read_date};
use crate::domain::{ActionKind, Date};
use crate::tf;
use std::collections::{BTreeMap, HashSet};

/// What an activity column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    Id,
    Subject,
    Kind,
    DealId,
    DealName,
    Due,
    Completed,
    Status,
    Closed,
    Description,
    Created,
    /// The account the activity is about (Salesforce's `AccountId`).
    Account,
    /// The person it was with (Salesforce's `WhoId`).
    Who,
}

/// The fields `--map` can name, each with the column it feeds.
const NAMES: [(&str, Col); 13] = [
    ("id", Col::Id),
    ("subject", Col::Subject),
    ("kind", Col::Kind),
    ("deal_id", Col::DealId),
    ("deal", Col::DealName),
    ("due", Col::Due),
    ("completed", Col::Completed),
    ("status", Col::Status),
    ("closed", Col::Closed),
    ("description", Col::Description),
    ("created", Col::Created),
    ("account", Col::Account),
    ("who", Col::Who),
];

impl Col {
    /// The name `--map` takes, also in the import's report.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }
}

/// The fields `--map` can name.
pub const ACTIVITY_FIELDS: [&str; 13] = {
    let mut names = [""; 13];
    let mut i = 0;
    while i < NAMES.len() {
        names[i] = NAMES[i].0;
        i += 1;
    }
    names
};

fn known(header: &str) -> Option<Col> {
    Some(match normal(header).as_str() {
        "id" | "activityid" | "taskid" | "eventid" | "callid" | "recordid" | "活动编号"
        | "任务编号" => Col::Id,
        "subject" | "activitysubject" | "title" | "tasktitle" | "主题" | "标题" => Col::Subject,
        "activitytype" | "type" | "typec" | "kind" | "tasktype" | "eventtype" | "tasksubtype"
        | "eventsubtype" | "类型" | "活动类型" => Col::Kind,
        "whatid" | "dealid" | "opportunityid" | "regardingobjectid" | "associateddealids"
        | "商机编号" => Col::DealId,
        // HubSpot's `Associated Deal` holds the deal's name (its ids are
        // in `Associated Deal IDs`)
        "dealname" | "deal" | "opportunityname" | "opportunity" | "regarding" | "relatedto"
        | "potentialname" | "associateddeal" | "商机" | "商机名称" | "关联商机" => {
            Col::DealName
        }
        "activitydate" | "duedate" | "date" | "startdate" | "activitydatetime"
        | "startdatetime" | "scheduledstart" | "截止日期" | "日期" | "到期日" => Col::Due,
        "completeddatetime" | "completeddate" | "completedon" | "completiondate" | "actualend"
        | "完成日期" | "完成时间" => Col::Completed,
        "status" | "taskstatus" | "activitystatus" | "statecode" | "状态" => Col::Status,
        "isclosed" | "completed" | "done" | "已完成" => Col::Closed,
        "description" | "notes" | "body" | "comments" | "details" | "描述" | "备注" | "内容" => {
            Col::Description
        }
        "createddate" | "createdon" | "createdtime" | "createdat" | "创建日期" | "创建时间" => {
            Col::Created
        }
        "accountid"
        | "accountname"
        | "account"
        | "companyname"
        | "company"
        | "associatedcompanyids"
        | "associatedcompany"
        | "客户"
        | "客户名称"
        | "公司名称" => Col::Account,
        "whoid"
        | "contactid"
        | "contactname"
        | "contact"
        | "associatedcontactids"
        | "associatedcontact"
        | "person"
        | "personname"
        | "contactperson"
        | "联系人"
        | "联系人姓名" => Col::Who,
        _ => return None,
    })
}

/// One activity as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub line: u64,
    /// Its id in the source, else subject, date and deal.
    pub key: String,
    pub subject: String,
    pub deal_id: String,
    pub deal_name: String,
    /// The account it is about, as the file gives it (an id or a name).
    pub account: String,
    /// The person it was with, as the file gives it (an id or a name).
    pub who: String,
    pub due: Option<Date>,
    pub completed: Option<Date>,
    pub created: Option<Date>,
    pub done: bool,
    pub description: String,
    /// Call, meeting, visit, email or task, read from the type column.
    pub kind: Option<ActionKind>,
}

/// The kind a CRM's activity type names (`Call`, `Phone Call`, `Meeting`,
/// `拜访`, `Email`, `To-do`…), if it names one of ours.
pub fn kind_of(text: &str) -> Option<ActionKind> {
    let t = text.trim().to_lowercase();
    // the words of the type, so `Recall` is not a call nor `Demo prep` a
    // meeting; Chinese types are matched as written (no spaces to split)
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let has = |list: &[&str]| list.iter().any(|w| t.contains(w));
    // not a conversation at all: tracking events, preparation, minutes,
    // bookings, web visits
    if word(&[
        "opened",
        "clicked",
        "bounced",
        "prep",
        "preparation",
        "booking",
        "room",
        "website",
        "page",
        "web",
        "minutes",
        "note",
        "notes",
    ]) || has(&[
        "准备",
        "纪要",
        "已打开",
        "网站",
        "网页",
        "预订",
        "笔记",
        "备注",
    ]) {
        return None;
    }
    let email = word(&["email", "emails"]) || word(&["e"]) && word(&["mail"]) || t == "mail";
    let task = word(&["task", "tasks", "todo"]) || t.contains("to-do") || t.contains("to do");
    if word(&["visit", "visits", "onsite", "site"]) || has(&["拜访", "走访", "上门", "现场"])
    {
        Some(ActionKind::Visit)
    } else if word(&[
        "meeting",
        "meetings",
        "appointment",
        "demo",
        "presentation",
        "workshop",
        "lunch",
        "dinner",
    ]) || has(&["会议", "会面", "见面", "演示", "宴请"])
    {
        Some(ActionKind::Meeting)
    } else if word(&[
        "call",
        "calls",
        "phone",
        "voicemail",
        "callback",
        "telephone",
    ]) || has(&["电话", "通话", "回电", "来电", "去电", "致电"])
    {
        Some(ActionKind::Call)
    } else if email || has(&["邮件"]) {
        Some(ActionKind::Email)
    } else if task || has(&["任务", "待办"]) {
        Some(ActionKind::Task)
    } else {
        None
    }
}

/// The activities of a file, and which header fed what.
#[derive(Debug, Clone, Default)]
pub struct Activities {
    pub rows: Vec<Activity>,
    pub columns: BTreeMap<Col, String>,
    /// Rows left out with `--skip-bad-rows`.
    pub skipped: Vec<Problem>,
    /// How the file was read (see `read::records`).
    pub encoding: Option<String>,
    pub delimiter: u8,
}

impl Activities {
    /// The source named by the header: Salesforce's `WhatId`.
    pub fn guessed_source(&self) -> Option<&'static str> {
        match self.columns.get(&Col::DealId).map(|h| normal(h)).as_deref() {
            Some("whatid") => Some("salesforce"),
            Some("regardingobjectid") => Some("dynamics"),
            Some("associateddealids") => Some("hubspot"),
            _ => None,
        }
    }
}

fn yes(s: &str) -> bool {
    // a "Done" column may say `Done` (Pipedrive) as well as `true`
    matches!(
        normal(s).as_str(),
        "true" | "1" | "yes" | "y" | "x" | "是" | "已完成" | "完成"
    ) || done_status(s)
}

fn done_status(s: &str) -> bool {
    matches!(
        normal(s).as_str(),
        "completed"
            | "complete"
            | "done"
            | "closed"
            | "finished"
            | "held"
            | "已完成"
            | "完成"
            | "已关闭"
    )
}

/// Reads an activities export (a CSV or a spreadsheet's cells); every
/// problem is collected, with its line.
pub fn read_activities(input: Input, options: &ReadOptions) -> Result<Activities, Failed> {
    let (read, encoding, delimiter) = records(input, options.how(), |headers, rows| {
        activity_rows(headers, rows, options)
    })?;
    Ok(Activities {
        encoding,
        delimiter,
        ..read
    })
}

fn activity_rows(
    headers: &csv::StringRecord,
    records: &mut dyn Iterator<Item = Record>,
    options: &ReadOptions,
) -> Result<Activities, Failed> {
    let mut at: BTreeMap<Col, usize> = BTreeMap::new();
    // --map wins: its columns feed their fields, and nothing else
    let mapped = options.mapped(headers)?;
    for (n, field) in &mapped {
        if let Some((_, c)) = NAMES.iter().find(|(name, _)| name == field) {
            at.insert(*c, *n);
        }
    }
    for (n, h) in headers.iter().enumerate() {
        if let Some(c) = known(h.trim_start_matches('\u{feff}'))
            && !mapped.iter().any(|(m, _)| *m == n)
        {
            at.entry(c).or_insert(n);
        }
    }
    // a CRM's own activity type (Salesforce's `Type`) says more than the
    // record's subtype (`TaskSubtype` is `Task` on every task)
    let subtype = |n: usize| super::columns::normal(&headers[n]).ends_with("subtype");
    // the subtype column, read on a row whose type is empty
    let mut kind_fallback = None;
    if let Some(n) = at.get(&Col::Kind).copied()
        && subtype(n)
        && !mapped.iter().any(|(m, _)| *m == n)
        && let Some(better) = (0..headers.len()).find(|&m| {
            known(headers[m].trim_start_matches('\u{feff}')) == Some(Col::Kind)
                && !subtype(m)
                && !mapped.iter().any(|(k, _)| *k == m)
        })
    {
        at.insert(Col::Kind, better);
        kind_fallback = Some(n);
    }
    let columns: BTreeMap<Col, String> = at
        .iter()
        .map(|(c, n)| (*c, headers[*n].to_owned()))
        .collect();
    let all = headers.iter().collect::<Vec<_>>().join(", ");
    let mut problems = Vec::new();
    if !at.contains_key(&Col::Subject) {
        problems.push(Problem {
            line: 1,
            message: tf!(
                "no subject column recognised (Subject, 主题, …); the columns are {all}; name it with --map COLUMN=subject, e.g. --map \"Betreff=subject\"",
                all
            ),
        });
    }
    if ![Col::DealId, Col::DealName, Col::Account, Col::Who]
        .iter()
        .any(|c| at.contains_key(c))
    {
        problems.push(Problem {
            line: 1,
            message: tf!(
                "no deal, account or contact column recognised (WhatId, Deal Name, Regarding, Related To, 商机, AccountId, Company, 客户名称, WhoId, Contact Name, 联系人, …); name one with --map COLUMN=FIELD, e.g. --map \"Verkaufschance=deal\" (fields: {fields})",
                fields = ACTIVITY_FIELDS.join(", ")
            ),
        });
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let mut bad = BadRows::new(options.skip_bad_rows);
    let mut rows = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for record in records {
        let Some((line, record)) = bad.row(record, headers, options.no_header) else {
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Col| {
            at.get(&c)
                .and_then(|i| record.get(*i))
                .map(|v| clean(v, &options.nulls))
                .unwrap_or("")
                .to_owned()
        };
        // a date that cannot be read makes the row bad; one that could be
        // day/month or month/day needs --dates, whatever the other rows
        let mut unreadable = Vec::new();
        let mut date = |c: Col| -> Option<Date> {
            let s = cell(c);
            match read_date(&s) {
                Ok(None) => None,
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
                                value = format!("{s:?}"),
                                column = columns[&c]
                            ),
                        });
                    }
                    d
                }
                Err(m) => {
                    unreadable.push(tf!(
                        "{problem} in {column}",
                        problem = m,
                        column = columns[&c]
                    ));
                    None
                }
            }
        };
        let (due, completed, created) = (date(Col::Due), date(Col::Completed), date(Col::Created));
        if !unreadable.is_empty() {
            bad.refuse(Problem {
                line,
                message: unreadable.join(crate::i18n::t("; ")),
            });
            continue;
        }
        let mut subject = cell(Col::Subject);
        if subject.is_empty() {
            subject = match cell(Col::Kind) {
                k if k.is_empty() => "(no subject)".into(),
                k => k,
            };
        }
        let done = if at.contains_key(&Col::Closed) && !cell(Col::Closed).is_empty() {
            yes(&cell(Col::Closed))
        } else if !cell(Col::Status).is_empty() {
            done_status(&cell(Col::Status))
        } else {
            completed.is_some()
        };
        let (deal_id, deal_name) = (cell(Col::DealId), cell(Col::DealName));
        let (account, who) = (cell(Col::Account), cell(Col::Who));
        let key = match cell(Col::Id) {
            id if !id.is_empty() => id,
            _ => {
                let due = due.map(|d| d.to_string()).unwrap_or_default();
                match format!("{deal_id}{deal_name}") {
                    deal if deal.is_empty() => format!("{subject}|{due}|@{account}|{who}"),
                    deal => format!("{subject}|{due}|{deal}"),
                }
            }
        };
        if !seen.insert(key.clone()) {
            bad.problems.push(Problem {
                line,
                message: tf!(
                    "the activity {key} is in the file twice",
                    key = format!("{key:?}")
                ),
            });
            continue;
        }
        rows.push(Activity {
            line,
            key,
            subject,
            deal_id,
            deal_name,
            account,
            who,
            due,
            completed,
            created,
            done,
            description: cell(Col::Description),
            kind: kind_of(&cell(Col::Kind)).or_else(|| {
                let n = kind_fallback?;
                kind_of(clean(record.get(n)?, &options.nulls))
            }),
        });
    }
    Ok(Activities {
        rows,
        columns,
        skipped: bad.finish()?,
        encoding: None,
        delimiter: b',',
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_types_read_as_kinds_without_false_friends() {
        use ActionKind::*;
        for (typed, kind) in [
            ("Call", Some(Call)),
            ("Phone Call", Some(Call)),
            ("Voicemail", Some(Call)),
            ("Callback", Some(Call)),
            ("Recall", None),
            ("回电", Some(Call)),
            ("电话", Some(Call)),
            ("Meeting", Some(Meeting)),
            ("Demo", Some(Meeting)),
            ("Lunch", Some(Meeting)),
            ("Demo prep", None),
            ("Meeting room booking", None),
            ("会议纪要", None),
            ("演示", Some(Meeting)),
            ("Site visit", Some(Visit)),
            ("On-site", Some(Visit)),
            ("Website visit", None),
            ("Page visit", None),
            ("拜访", Some(Visit)),
            ("拜访准备", None),
            ("Email", Some(Email)),
            ("E-mail", Some(Email)),
            ("Email opened", None),
            ("邮件已打开", None),
            ("Direct mail", None),
            ("Mailing", None),
            ("To-do", Some(Task)),
            ("Task", Some(Task)),
            ("待办", Some(Task)),
            ("Prep", None),
            ("Other", None),
            ("", None),
        ] {
            assert_eq!(kind_of(typed), kind, "{typed}");
        }
    }
}
