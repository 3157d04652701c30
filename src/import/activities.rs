//! Activities (Salesforce Task/Event, HubSpot, Zoho, Dynamics activity
//! exports) onto the deals they belong to: an open activity becomes an
//! action, a done one a log entry. Each keeps its own id in
//! `extra.source`/`extra.source_id` (like an imported deal), so importing
//! the same file again changes nothing.

use super::columns::normal;
use super::decode::decode;
use super::read::Problem;
use super::sniff;
use super::values::{DateOrder, DateRead, read_date};
use crate::domain::Date;
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

fn known(header: &str) -> Option<Col> {
    Some(match normal(header).as_str() {
        "id" | "activityid" | "taskid" | "eventid" | "callid" | "recordid" | "活动编号"
        | "任务编号" => Col::Id,
        "subject" | "activitysubject" | "title" | "tasktitle" | "主题" | "标题" => Col::Subject,
        "activitytype" | "tasksubtype" | "eventsubtype" | "类型" | "活动类型" => Col::Kind,
        "whatid" | "dealid" | "opportunityid" | "regardingobjectid" | "associateddealids"
        | "associateddeal" | "商机编号" => Col::DealId,
        "dealname" | "deal" | "opportunityname" | "opportunity" | "regarding" | "relatedto"
        | "potentialname" | "商机" | "商机名称" | "关联商机" => Col::DealName,
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
        | "联系人"
        | "联系人姓名" => Col::Who,
        _ => return None,
    })
}

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct ActivityOptions {
    pub encoding: Option<String>,
    pub delimiter: Option<u8>,
    pub dates: Option<DateOrder>,
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
}

/// The activities of a file, and which header fed what.
#[derive(Debug, Clone, Default)]
pub struct Activities {
    pub rows: Vec<Activity>,
    pub columns: BTreeMap<Col, String>,
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
    matches!(
        normal(s).as_str(),
        "true" | "1" | "yes" | "y" | "x" | "是" | "已完成" | "完成"
    )
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

/// Reads an activities export; every problem is collected, with its line.
pub fn read_activities(
    bytes: &[u8],
    options: &ActivityOptions,
) -> Result<Activities, Vec<Problem>> {
    let decoded = decode(bytes, options.encoding.as_deref()).map_err(|p| vec![p])?;
    let text = decoded.text;
    let delimiter = options.delimiter.unwrap_or_else(|| sniff::delimiter(&text));
    let (mut reader, headers) = sniff::open(&text, delimiter)?;
    let mut at: BTreeMap<Col, usize> = BTreeMap::new();
    let mut columns = BTreeMap::new();
    for (n, h) in headers.iter().enumerate() {
        if let Some(c) = known(h.trim_start_matches('\u{feff}'))
            && let std::collections::btree_map::Entry::Vacant(v) = at.entry(c)
        {
            v.insert(n);
            columns.insert(c, h.to_owned());
        }
    }
    let mut problems = Vec::new();
    if !at.contains_key(&Col::Subject) {
        problems.push(Problem {
            line: 1,
            message: format!(
                "no subject column recognised (Subject, 主题, …); the columns are {}",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
        });
    }
    if ![Col::DealId, Col::DealName, Col::Account, Col::Who]
        .iter()
        .any(|c| at.contains_key(c))
    {
        problems.push(Problem {
            line: 1,
            message:
                "no deal, account or contact column recognised (WhatId, Deal Name, Regarding, Related To, 商机, AccountId, Company, 客户名称, WhoId, Contact Name, 联系人, …)"
                    .into(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                problems.push(Problem {
                    line,
                    message: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Col| {
            at.get(&c)
                .and_then(|i| record.get(*i))
                .map(|s| s.trim())
                .filter(|s| !matches!(*s, "\\N" | "NULL"))
                .unwrap_or("")
                .to_owned()
        };
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
                        problems.push(Problem {
                            line,
                            message: format!(
                                "{:?} in {}: day or month first? say --dates dmy or --dates mdy",
                                s, columns[&c]
                            ),
                        });
                    }
                    d
                }
                Err(m) => {
                    problems.push(Problem {
                        line,
                        message: format!("{} in {}", m, columns[&c]),
                    });
                    None
                }
            }
        };
        let (due, completed, created) = (date(Col::Due), date(Col::Completed), date(Col::Created));
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
            problems.push(Problem {
                line,
                message: format!("the activity {key:?} is in the file twice"),
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
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Activities { rows, columns })
}
