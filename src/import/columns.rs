//! Recognising the columns of an export: the header names common CRMs use,
//! and the user's `--map COLUMN=FIELD`.

use super::read::Problem;
use std::collections::BTreeMap;

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

/// Which column feeds which field: the known headers, then `--map`
/// (which wins). Fails when a mapped column is missing or no stage column is
/// found, naming the columns the file has.
pub(super) fn resolve(
    headers: &csv::StringRecord,
    map: &[(String, Field)],
) -> Result<BTreeMap<Field, usize>, Vec<Problem>> {
    let mut columns: BTreeMap<Field, usize> = BTreeMap::new();
    let mut problems = Vec::new();
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
    for (column, field) in map {
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
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}
