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
    /// A yes/no "closed" column (Salesforce `IsClosed`, Bitrix24 `CLOSED`).
    Closed,
    /// A yes/no "won" column (Salesforce `IsWon`).
    Won,
    /// A yes/no "active" column (Odoo): an archived deal that was not won
    /// was lost.
    Active,
    /// Why a deal was lost (or won): fills the outcome's `reason`.
    Reason,
    /// The outcome's reason code (funnel's `reason_code`), kept as written.
    ReasonCode,
    /// The day a closed deal was closed (funnel's `closed_on`): the
    /// outcome's date, before the expected close date.
    ClosedOn,
    Value,
    Currency,
    Probability,
    Close,
    Created,
    /// Last modified: the best date a closed deal without a close date has.
    Modified,
    Owner,
    Product,
    Notes,
    NextStep,
    Tags,
    /// The forecast category (Salesforce `ForecastCategoryName`, HubSpot
    /// and Dynamics `Forecast category`).
    ForecastCategory,
    /// The competitors' names, `;` or `,` between them (Salesforce's
    /// `MainCompetitors__c`, a `Competitor` column, 竞争对手): each becomes
    /// a competition entry (spec section 9).
    Competitors,
}

impl Field {
    pub fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "id" | "source_id" => Field::SourceId,
            "title" => Field::Title,
            "account" => Field::Account,
            "stage" => Field::Stage,
            "status" | "outcome" => Field::Status,
            "closed" => Field::Closed,
            "won" => Field::Won,
            "active" => Field::Active,
            "reason" => Field::Reason,
            "reason_code" => Field::ReasonCode,
            "closed_on" => Field::ClosedOn,
            "value" => Field::Value,
            "currency" => Field::Currency,
            "probability" => Field::Probability,
            "expected_close" | "close" => Field::Close,
            "created" => Field::Created,
            "modified" => Field::Modified,
            "owner" => Field::Owner,
            "product" => Field::Product,
            "notes" => Field::Notes,
            "next_step" => Field::NextStep,
            "tags" | "type" => Field::Tags,
            "forecast_category" => Field::ForecastCategory,
            "competitors" | "competition" => Field::Competitors,
            _ => return None,
        })
    }

    /// The name `--map` takes, used in the import's reports too.
    pub fn name(self) -> &'static str {
        match self {
            Field::SourceId => "id",
            Field::Title => "title",
            Field::Account => "account",
            Field::Stage => "stage",
            Field::Status => "status",
            Field::Closed => "closed",
            Field::Won => "won",
            Field::Active => "active",
            Field::Reason => "reason",
            Field::ReasonCode => "reason_code",
            Field::ClosedOn => "closed_on",
            Field::Value => "value",
            Field::Currency => "currency",
            Field::Probability => "probability",
            Field::Close => "expected_close",
            Field::Created => "created",
            Field::Modified => "modified",
            Field::Owner => "owner",
            Field::Product => "product",
            Field::Notes => "notes",
            Field::NextStep => "next_step",
            Field::Tags => "tags",
            Field::ForecastCategory => "forecast_category",
            Field::Competitors => "competitors",
        }
    }

    /// The fields whose absence the import warns about: the ones a seller
    /// reads every day. The rest (status, reason, …) are optional extras.
    pub const EXPECTED: [Field; 7] = [
        Field::SourceId,
        Field::Title,
        Field::Account,
        Field::Value,
        Field::Close,
        Field::Created,
        Field::Owner,
    ];
}

/// A header as compared: lower case, letters and digits only, accents
/// off, so that `Est. revenue`, `EST_REVENUE` and `est revenue` are one
/// spelling, and `Fecha de creación` is `fechadecreacion`. Chinese
/// characters are letters and survive.
pub(super) fn normal(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .collect()
}

/// The letter without its accent, for the Latin letters of European CRMs'
/// exports (Spanish, French, German, Portuguese).
pub(super) fn unaccented(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }
}

/// The headers of Salesforce, HubSpot, Zoho, Dynamics 365, Bitrix24, Odoo,
/// the Maven CRM data set, Chinese CRMs and funnel's own CSV export,
/// normalised by [`normal`].
fn known(header: &str) -> Option<Field> {
    // Pipedrive names every column after its object: `Deal - Title`
    if let Some((object, rest)) = header.split_once(" - ")
        && normal(object) == "deal"
    {
        return known(rest).or(match normal(rest).as_str() {
            "organization" => Some(Field::Account),
            "currencyofvalue" => Some(Field::Currency),
            "dealcreated" => Some(Field::Created),
            "updatetime" => Some(Field::Modified),
            "dealclosedon" => Some(Field::ClosedOn),
            _ => None,
        });
    }
    Some(match normal(header).as_str() {
        "id" | "opportunityid" | "dealid" | "recordid" | "potentialid"
        // Dynamics 365's Excel export: the record's GUID, in a hidden column
        | "donotmodifyopportunity" | "opportunityno"
        | "opportunitynumber" | "商机编号" | "商机id" => {
            Field::SourceId
        }
        "name" | "opportunityname" | "dealname" | "title" | "potentialname" | "topic"
        | "nombredelaoportunidad" | "商机名称" | "商机" => Field::Title,
        "accountname" | "account" | "associatedcompany" | "company" | "companyname"
        | "accountid" | "potentialcustomer" | "customer" | "customername" | "organizationname" | "cuenta" | "nombredelacuenta" | "cliente" | "客户名称" | "客户" => {
            Field::Account
        }
        "stagename" | "stage" | "dealstage" | "stageid" | "salesstage" | "pipelinestage"
        | "etapa" | "阶段" | "销售阶段" | "商机阶段" => Field::Stage,
        "status" | "statusreason" | "outcome" => Field::Status,
        "isclosed" | "closed" => Field::Closed,
        "iswon" => Field::Won,
        "active" => Field::Active,
        "closedlostreason" | "losereason" | "lossreason" | "lostreason" | "reasonlost"
        | "winlossreason" | "reason" | "reasonforloss" | "motivodeperdida" | "输单原因" => {
            Field::Reason
        }
        "reasoncode" => Field::ReasonCode,
        "closedon" | "actualclosedate" => Field::ClosedOn,
        "amount" | "closevalue" | "value" | "opportunity" | "estrevenue" | "estimatedrevenue"
        | "amountusd" | "revenueamount" | "plannedrevenue" | "dealamount" | "dealvalue"
        | "opportunityamount" | "importe" | "金额" | "商机金额" | "预计金额" => Field::Value,
        "currency" | "currencyisocode" | "currencyid" | "currencycode" | "dealcurrencycode"
        | "币种" | "货币" => Field::Currency,
        "probability" | "probabilitypercent" | "dealprobability" | "probabilidad" | "赢率" => Field::Probability,
        "closedate" | "expectedclose" | "closingdate" | "estclosedate" | "estimatedclosedate"
        | "expectedclosedate" | "expectedclosing" | "fechadecierre" | "预计成交日期" | "成交日期" => Field::Close,
        "createddate" | "engagedate" | "createdate" | "created" | "datecreate" | "createdon"
        | "createdtime" | "fechadecreacion" | "创建时间" | "创建日期" => Field::Created,
        "lastmodifieddate" | "modified" | "modifiedon" | "modifiedtime" | "datemodify"
        | "lastmodified" | "修改时间" => Field::Modified,
        "salesagent" | "owner" | "dealowner" | "opportunityowner" | "potentialowner"
        | "assignedbyid" | "assignedto" | "salesperson" | "propietario"
        | "propietariodelaoportunidad" | "负责人" => Field::Owner,
        "product" | "productc" => Field::Product,
        "description" | "notes" => Field::Notes,
        "nextstep" => Field::NextStep,
        "type" | "tags" => Field::Tags,
        "forecastcategory" | "forecastcategoryname" | "msdynforecastcategory" | "预测类别" => {
            Field::ForecastCategory
        }
        "competitor" | "competitors" | "maincompetitor" | "maincompetitors" | "maincompetitorsc"
        | "competition" | "竞争对手" => Field::Competitors,
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
    // `OPPORTUNITY` is Bitrix24's amount beside its `TITLE`; without a title
    // column it is the deal's name (Odoo's `Opportunity`)
    if !columns.contains_key(&Field::Title)
        && let Some(n) = columns.get(&Field::Value).copied()
        && headers.get(n).map(normal).as_deref() == Some("opportunity")
    {
        columns.remove(&Field::Value);
        columns.insert(Field::Title, n);
    }
    // `Expected Revenue` is amount × probability beside an amount
    // (Salesforce, Zoho) but the amount itself where it is the only one (Odoo)
    if !columns.contains_key(&Field::Value)
        && let Some(n) = headers.iter().position(|h| normal(h) == "expectedrevenue")
    {
        columns.insert(Field::Value, n);
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
                message: crate::tf!(
                    "--map {column}: no such column; the columns are {all}",
                    column,
                    all = headers.iter().collect::<Vec<_>>().join(", ")
                ),
            }),
        }
    }
    for needed in [Field::Stage] {
        if !columns.contains_key(&needed) {
            problems.push(Problem {
                line: 1,
                message: crate::tf!(
                    "no stage column recognised among {all}; name it with --map COLUMN=stage",
                    all = headers.iter().collect::<Vec<_>>().join(", ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_many_crms() {
        for (h, f) in [
            ("OPPORTUNITY", Field::Value),
            ("Est. revenue", Field::Value),
            ("amount_usd", Field::Value),
            ("revenue_amount", Field::Value),
            ("planned_revenue", Field::Value),
            ("Potential Name", Field::Title),
            ("Topic", Field::Title),
            ("opportunity_name", Field::Title),
            ("Closing Date", Field::Close),
            ("Est. close date", Field::Close),
            ("Potential Customer", Field::Account),
            ("company_name", Field::Account),
            ("Potential Owner", Field::Owner),
            ("ASSIGNED_BY_ID", Field::Owner),
            ("DATE_CREATE", Field::Created),
            ("Created On", Field::Created),
            ("STAGE_ID", Field::Stage),
            ("Sales Stage", Field::Stage),
            ("Deal Stage", Field::Stage),
            ("商机名称", Field::Title),
            ("客户名称", Field::Account),
            ("金额", Field::Value),
            ("预计成交日期", Field::Close),
            ("阶段", Field::Stage),
            ("负责人", Field::Owner),
            ("IsClosed", Field::Closed),
            ("IsWon", Field::Won),
            ("Status Reason", Field::Status),
            ("CLOSED", Field::Closed),
            ("Closed Lost Reason", Field::Reason),
            ("lose_reason", Field::Reason),
            ("Loss Reason", Field::Reason),
            ("(Do Not Modify) Opportunity", Field::SourceId),
            ("Reason For Loss", Field::Reason),
            ("Organization Name", Field::Account),
            ("Opportunity No", Field::SourceId),
            ("Expected Closing", Field::Close),
            ("Active", Field::Active),
            ("Deal - Title", Field::Title),
            ("Deal - Organization", Field::Account),
            ("Deal - Currency of Value", Field::Currency),
            ("Deal - Deal created", Field::Created),
            ("Nombre de la oportunidad", Field::Title),
            ("Etapa", Field::Stage),
            ("Importe", Field::Value),
            ("Fecha de creación", Field::Created),
            ("Motivo de pérdida", Field::Reason),
            // funnel's own export (list.rs): the outcome columns
            ("closed_on", Field::ClosedOn),
            ("reason_code", Field::ReasonCode),
            ("reason", Field::Reason),
            ("ForecastCategoryName", Field::ForecastCategory),
            ("ForecastCategory", Field::ForecastCategory),
            ("Forecast category", Field::ForecastCategory),
            ("msdyn_forecastcategory", Field::ForecastCategory),
            ("forecast_category", Field::ForecastCategory),
            ("MainCompetitors__c", Field::Competitors),
            ("Main Competitor(s)", Field::Competitors),
            ("Competitor", Field::Competitors),
            ("竞争对手", Field::Competitors),
        ] {
            assert_eq!(known(h), Some(f), "{h}");
        }
        // Salesforce's ExpectedRevenue is amount × probability, not the amount
        assert_eq!(known("ExpectedRevenue"), None);
        // another object's column of a Pipedrive export is not the deal's
        assert_eq!(known("Person - Name"), None);
        assert_eq!(known("Organization - Name"), Some(Field::Account));
    }

    fn resolved(headers: &[&str]) -> BTreeMap<Field, usize> {
        resolve(&csv::StringRecord::from(headers.to_vec()), &[]).unwrap()
    }

    #[test]
    fn opportunity_and_expected_revenue_depend_on_their_neighbours() {
        // Bitrix24: OPPORTUNITY is the amount beside TITLE
        let b = resolved(&["TITLE", "STAGE_ID", "OPPORTUNITY"]);
        assert_eq!((b[&Field::Title], b[&Field::Value]), (0, 2));
        // Odoo: Opportunity is the name, Expected Revenue the only amount
        let o = resolved(&["Opportunity", "Stage", "Expected Revenue"]);
        assert_eq!((o[&Field::Title], o[&Field::Value]), (0, 2));
        // Salesforce: Expected Revenue is weighted, Amount is the amount
        let s = resolved(&["Name", "StageName", "ExpectedRevenue", "Amount"]);
        assert_eq!(s[&Field::Value], 3);
    }
}
