//! `funnel import contacts`: people from a CRM's contact export, matched to
//! accounts and kept in `Account.contacts` (spec sections 11 and 14).
//!
//! The file (a CSV, or a spreadsheet's cells) is read like any import
//! (`read::records`: encoding, delimiter, header, nulls, bad rows); columns
//! are recognised by their normalised header, or named by `--map`. A contact keeps its source and
//! id in `extra` (`source`, `source_id`), so a re-import updates it in place
//! and importing the same file twice changes nothing.

use super::columns::normal;
use super::read::{BadRows, Failed, Input, Problem, ReadOptions, Record, clean, records};
use crate::domain::ids::next_id;
use crate::domain::{Contact, Influence, Workspace};
use std::collections::HashMap;

const SOURCE: &str = "source";
const SOURCE_ID: &str = "source_id";

/// A contact field and the normalised headers that feed it, best first.
const COLUMNS: [(&str, &[&str]); 8] = [
    ("id", &["id", "contactid", "recordid", "联系人编号", "编号"]),
    (
        "name",
        &[
            "name",
            "fullname",
            "contactname",
            "姓名",
            "联系人",
            "联系人姓名",
        ],
    ),
    ("first", &["firstname", "givenname", "名"]),
    ("last", &["lastname", "surname", "familyname", "姓"]),
    (
        "title",
        &["title", "jobtitle", "position", "职务", "职位", "头衔"],
    ),
    (
        "email",
        &[
            "email",
            "emailaddress",
            "primaryemail",
            "emailaddress1",
            "邮箱",
            "电子邮件",
            "电子邮箱",
        ],
    ),
    (
        "phone",
        &[
            "phone",
            "phonenumber",
            "businessphone",
            "workphone",
            "telephone1",
            "mobilephone",
            "mobile",
            "mobilephone1",
            "电话",
            "手机",
            "联系电话",
        ],
    ),
    (
        "account",
        &[
            "accountid",
            "accountname",
            "account",
            "companyname",
            "company",
            "associatedcompany",
            "parentcustomerid",
            "organization",
            "客户名称",
            "公司名称",
            "客户",
            "公司",
        ],
    ),
];

/// One contact row of the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactRow {
    pub line: u64,
    pub source_id: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    /// The account as the file gives it: an id (Salesforce) or a name.
    pub account: String,
}

/// The fields `--map` can name, in the order of [`COLUMNS`].
pub const CONTACT_FIELDS: [&str; 8] = [
    "id", "name", "first", "last", "title", "email", "phone", "account",
];

/// The file read: its rows, the column used for each field, how it was read.
#[derive(Debug, Default)]
pub struct ContactRead {
    pub rows: Vec<ContactRow>,
    pub columns: Vec<(&'static str, String)>,
    /// Rows left out with `--skip-bad-rows`.
    pub skipped: Vec<Problem>,
    pub encoding: Option<String>,
    pub delimiter: u8,
    /// The normalised headers, to name the source.
    pub headers: Vec<String>,
}

/// Reads a contact export (a CSV or a spreadsheet's cells). Fails when no
/// name, e-mail or account column is recognised or mapped, or (without
/// `--skip-bad-rows`) a row cannot be read.
pub fn read_contacts(input: Input, options: &ReadOptions) -> Result<ContactRead, Failed> {
    let (read, encoding, delimiter) = records(input, options.how(), |headers, rows| {
        contact_rows(headers, rows, options)
    })?;
    Ok(ContactRead {
        encoding,
        delimiter,
        ..read
    })
}

fn contact_rows(
    headers: &csv::StringRecord,
    records: &mut dyn Iterator<Item = Record>,
    options: &ReadOptions,
) -> Result<ContactRead, Failed> {
    let normals: Vec<String> = headers.iter().map(normal).collect();
    // --map wins: its columns feed their fields, and nothing else
    let mapped = options.mapped(headers)?;
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut columns = Vec::new();
    for (field, names) in COLUMNS {
        let given = mapped.iter().find(|(_, f)| *f == field).map(|(i, _)| *i);
        let found = given.or_else(|| {
            names.iter().find_map(|n| {
                (0..normals.len())
                    .find(|i| normals[*i] == *n && !mapped.iter().any(|(m, _)| m == i))
            })
        });
        if let Some(i) = found {
            at.insert(field, i);
            columns.push((field, headers[i].to_owned()));
        }
    }
    let has_name = at.contains_key("name") || at.contains_key("first") || at.contains_key("last");
    let mut problems = Vec::new();
    let fields = CONTACT_FIELDS.join(", ");
    let all = headers.iter().collect::<Vec<_>>().join(", ");
    if !has_name && !at.contains_key("email") {
        problems.push(Problem {
            line: 1,
            message: crate::tf!(
                "no name or e-mail column recognised; the columns are {all}; name them with --map COLUMN=FIELD, e.g. --map \"Vorname=first\" --map \"Nachname=last\" (fields: {fields})",
                all,
                fields
            ),
        });
    }
    if !at.contains_key("account") {
        problems.push(Problem {
            line: 1,
            message: crate::tf!(
                "no account column recognised (AccountId, Account Name, Company Name, 客户名称, …); the columns are {all}; name it with --map COLUMN=account, e.g. --map \"Firma=account\"",
                all
            ),
        });
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let mut bad = BadRows::new(options.skip_bad_rows);
    let mut rows = Vec::new();
    for record in records {
        let Some((line, record)) = bad.row(record, headers, options.no_header) else {
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |f: &str| -> String {
            at.get(f)
                .and_then(|i| record.get(*i))
                .map(|v| clean(v, &options.nulls))
                .unwrap_or("")
                .to_owned()
        };
        let name = match cell("name") {
            n if !n.is_empty() => n,
            _ => {
                let joined = format!("{} {}", cell("first"), cell("last"));
                match joined.trim() {
                    "" => cell("email"),
                    j => j.to_owned(),
                }
            }
        };
        rows.push(ContactRow {
            line,
            source_id: cell("id"),
            name,
            title: cell("title"),
            email: cell("email"),
            phone: cell("phone"),
            account: cell("account"),
        });
    }
    Ok(ContactRead {
        rows,
        columns,
        skipped: bad.finish()?,
        encoding: None,
        delimiter: b',',
        headers: normals,
    })
}

/// The source a contact file comes from: `--source`, else the CRM its header
/// shows, else the file name (as for deals, see source.rs).
pub fn contact_source(read: &ContactRead, stem: &str) -> String {
    let has = |h: &str| read.headers.iter().any(|x| x == h);
    if has("accountid") && has("firstname") && has("lastname") {
        "salesforce".into()
    } else if has("recordid") {
        "hubspot".into()
    } else if has("contactid") || has("contactowner") {
        "zoho".into()
    } else if has("emailaddress1") || has("parentcustomerid") {
        "dynamics".into()
    } else {
        stem.to_lowercase()
    }
}

/// What an import of contacts did.
#[derive(Debug, Default, PartialEq)]
pub struct ContactSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows whose account matched no account of the workspace.
    pub unmatched: Vec<ContactRow>,
    /// Rows without a name or e-mail, left out.
    pub nameless: Vec<u64>,
    /// Influences added to open deals (`--to-deals`).
    pub influences_added: usize,
}

/// Merges the contacts into their accounts. `account_names` turns the file's
/// account ids into names (Salesforce's Account.csv beside the file), since
/// the deal import names accounts the same way. With `to_deals`, each
/// contact is added to the open deals of its account as an influence
/// without a role, unless one of that name is there.
pub fn merge_contacts(
    ws: &mut Workspace,
    read: &ContactRead,
    source: &str,
    account_names: &HashMap<String, String>,
    to_deals: bool,
) -> ContactSummary {
    let mut summary = ContactSummary::default();
    let fold = |s: &str| s.trim().to_lowercase();
    let by_name: HashMap<String, usize> = ws
        .accounts
        .iter()
        .enumerate()
        .rev()
        .map(|(n, a)| (fold(&a.name), n))
        .collect();
    // accounts a deal import created keep the id their source gave them
    let by_id: HashMap<String, usize> = ws
        .accounts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.extra.get(SOURCE).and_then(|v| v.as_str()) == Some(source))
        .filter_map(|(n, a)| Some((a.extra.get(SOURCE_ID)?.as_str()?.to_owned(), n)))
        .collect();
    for row in &read.rows {
        if row.name.is_empty() {
            summary.nameless.push(row.line);
            continue;
        }
        let account = by_id
            .get(row.account.as_str())
            .or_else(|| {
                let name = account_names.get(&row.account)?;
                by_name.get(&fold(name))
            })
            .or_else(|| by_name.get(&fold(&row.account)))
            .filter(|_| !row.account.is_empty());
        let Some(&account) = account else {
            summary.unmatched.push(row.clone());
            continue;
        };
        let key = match (&row.source_id, &row.email) {
            (id, _) if !id.is_empty() => id.clone(),
            (_, email) if !email.is_empty() => format!("email:{}", fold(email)),
            _ => format!("name:{}", fold(&row.name)),
        };
        let is_it = |c: &Contact| {
            c.extra.get(SOURCE).and_then(|v| v.as_str()) == Some(source)
                && c.extra.get(SOURCE_ID).and_then(|v| v.as_str()) == Some(key.as_str())
        };
        // the contact where it is, should its account have changed since
        let found = ws
            .accounts
            .iter()
            .enumerate()
            .find_map(|(a, acc)| acc.contacts.iter().position(is_it).map(|c| (a, c)));
        let (name, title) = match found {
            Some((a, c)) => {
                let contact = &mut ws.accounts[a].contacts[c];
                let before = contact.clone();
                // a value the file leaves empty never clears one that is there
                for (field, value) in [
                    (&mut contact.name, &row.name),
                    (&mut contact.title, &row.title),
                    (&mut contact.email, &row.email),
                    (&mut contact.phone, &row.phone),
                ] {
                    if !value.is_empty() {
                        value.clone_into(field);
                    }
                }
                if *contact == before {
                    summary.unchanged += 1;
                } else {
                    summary.updated += 1;
                }
                (contact.name.clone(), contact.title.clone())
            }
            None => {
                let id = next_id(
                    "p",
                    ws.accounts
                        .iter()
                        .flat_map(|a| a.contacts.iter().map(|c| c.id.as_str())),
                );
                let mut contact = Contact {
                    id,
                    name: row.name.clone(),
                    title: row.title.clone(),
                    email: row.email.clone(),
                    phone: row.phone.clone(),
                    ..Contact::default()
                };
                contact.extra.insert(SOURCE.into(), source.into());
                contact.extra.insert(SOURCE_ID.into(), key.clone().into());
                ws.accounts[account].contacts.push(contact);
                summary.added += 1;
                (row.name.clone(), row.title.clone())
            }
        };
        if to_deals {
            let account_id = ws.accounts[account].id.clone();
            for o in ws
                .opportunities
                .iter_mut()
                .filter(|o| o.account == account_id && o.outcome.is_none())
            {
                // the person already there gains the email and phone they
                // lack (what the seller typed is kept)
                if let Some(p) = o
                    .influences
                    .iter_mut()
                    .find(|p| fold(&p.name) == fold(&name))
                {
                    if p.email.trim().is_empty() && !row.email.trim().is_empty() {
                        p.email = row.email.trim().to_owned();
                    }
                    if p.phone.trim().is_empty() && !row.phone.trim().is_empty() {
                        p.phone = row.phone.trim().to_owned();
                    }
                    continue;
                }
                let id = next_id("i", o.influences.iter().map(|p| p.id.as_str()));
                o.influences.push(Influence {
                    id,
                    name: name.clone(),
                    title: title.clone(),
                    email: row.email.trim().to_owned(),
                    phone: row.phone.trim().to_owned(),
                    ..Influence::default()
                });
                summary.influences_added += 1;
            }
        }
    }
    summary
}
