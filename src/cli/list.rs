//! `funnel list`: the opportunities as a table, CSV or JSON.

use super::csv_out::{self, Cell};
use super::table::{Align, Table};
use super::{Context, Failure, ListFormat};
use crate::domain::{Augmented, Money, Opportunity, Stage, Status, Workspace};
use crate::i18n::t;
use crate::store::to_json_bytes;

pub struct Filter {
    pub stage: Option<Stage>,
    pub account: Option<String>,
    pub all: bool,
}

pub fn run(ctx: &Context, filter: &Filter, format: ListFormat) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let chosen = select(ws, filter)?;
    Ok(match format {
        ListFormat::Table => table(ws, &chosen, ctx, filter.all),
        // machine formats: the same bytes in every language
        ListFormat::Csv => super::english_if(true, || csv(ws, &chosen)),
        ListFormat::Json => super::english_if(true, || json(ws, &chosen)),
    })
}

/// The opportunities the filter keeps: open ones first, left to right
/// through the stages, then by expected close (undated last).
pub fn select<'a>(ws: &'a Workspace, filter: &Filter) -> Result<Vec<&'a Opportunity>, Failure> {
    let account = match &filter.account {
        None => None,
        Some(wanted) => Some(
            ws.accounts
                .iter()
                .find(|a| &a.id == wanted)
                .or_else(|| ws.accounts.iter().find(|a| a.name.eq_ignore_ascii_case(wanted)))
                .ok_or_else(|| {
                    Failure::usage(crate::tf!(
                        "--account {wanted}: no account has this id or name (`funnel list --all --format csv` shows the account of each deal)",
                        wanted = format!("{wanted:?}")
                    ))
                })?
                .id
                .as_str(),
        ),
    };
    let mut chosen: Vec<&Opportunity> = ws
        .opportunities
        .iter()
        .filter(|o| filter.all || o.is_open())
        .filter(|o| filter.stage.is_none_or(|s| o.stage == s))
        .filter(|o| account.is_none_or(|a| o.account == a))
        .collect();
    chosen.sort_by(|a, b| {
        (
            a.status(),
            a.stage,
            a.expected_close.is_none(),
            a.expected_close,
            &a.id,
        )
            .cmp(&(
                b.status(),
                b.stage,
                b.expected_close.is_none(),
                b.expected_close,
                &b.id,
            ))
    });
    Ok(chosen)
}

fn account_name<'a>(ws: &'a Workspace, o: &'a Opportunity) -> &'a str {
    ws.account(&o.account)
        .map_or(o.account.as_str(), |a| a.name.as_str())
}

fn table(ws: &Workspace, chosen: &[&Opportunity], ctx: &Context, all: bool) -> String {
    let s = &ws.settings;
    let mut t = Table::new(vec![
        (t("ID"), Align::Left, 14),
        (t("TITLE"), Align::Left, 36),
        (t("ACCOUNT"), Align::Left, 20),
        (t("STAGE"), Align::Left, 10),
        (t("VALUE"), Align::Right, 16),
        (t("PROB"), Align::Right, 4),
        (t("WEIGHTED"), Align::Right, 16),
        (t("CLOSE"), Align::Left, 10),
        (t("DAYS"), Align::Right, 5),
    ]);
    for o in chosen {
        let stage = match o.status() {
            Status::Open => o.stage.shown(),
            closed => super::flags::shown(closed.as_str(), || {
                crate::i18n::word("outcome", closed.as_str())
            }),
        };
        let days = match o.status() {
            Status::Open => o
                .days_in_stage(ctx.today)
                .map_or(String::new(), |d| d.to_string()),
            _ => String::new(),
        };
        t.row(vec![
            o.id.clone(),
            o.title.clone(),
            account_name(ws, o).to_owned(),
            stage,
            o.value.grouped(),
            format!("{}%", o.probability_used(s).0),
            o.weighted(s).grouped(),
            o.expected_close.map_or(String::new(), |d| d.to_string()),
            days,
        ]);
    }
    let value: Money = chosen.iter().map(|o| o.value).sum();
    let weighted: Money = chosen.iter().map(|o| o.weighted(s)).sum();
    let (one, many) = if all {
        ("opportunity", "opportunities")
    } else {
        ("open opportunity", "open opportunities")
    };
    let currency = crate::text::clean(&s.currency).into_owned();
    format!(
        "{}{}\n",
        t.render(),
        crate::tf!(
            "{deals}, value {value} {currency}, weighted {weighted} {currency}",
            deals = crate::text::count(chosen.len() as i64, one, many),
            value = value.grouped(),
            weighted = weighted.grouped(),
            currency
        )
    )
}

/// The CSV columns. A contract: columns are only ever added at the end
/// (the first fourteen are the original export). `closed_on`, `reason_code`
/// and `reason` are a closed deal's outcome (empty while open), so that
/// `funnel import csv` of this file keeps how each deal ended;
/// `probability` and `forecast_category` are the deal's own (empty: the
/// stage's, derived), so that the import keeps the forecast too.
// i18n-exempt: read back by `funnel import csv`
const CSV_HEADER: &str = "id,title,account,account_name,stage,status,value,probability_used,weighted,expected_close,created,owner,product,tags,closed_on,reason_code,reason,probability,forecast_category\n";

fn csv(ws: &Workspace, chosen: &[&Opportunity]) -> String {
    let s = &ws.settings;
    let mut out = String::from(CSV_HEADER);
    let date =
        |d: Option<crate::domain::Date>| Cell::Number(d.map_or(String::new(), |d| d.to_string()));
    for o in chosen {
        out.push_str(&csv_out::line(&[
            Cell::Text(o.id.clone()),
            Cell::Text(o.title.clone()),
            Cell::Text(o.account.clone()),
            Cell::Text(account_name(ws, o).to_owned()),
            Cell::Number(o.stage.as_str().to_owned()),
            Cell::Number(o.status().as_str().to_owned()),
            Cell::Number(o.value.plain()),
            Cell::Number(o.probability_used(s).0.to_string()),
            Cell::Number(o.weighted(s).plain()),
            date(o.expected_close),
            date(o.created),
            Cell::Text(o.owner.clone()),
            Cell::Text(o.product.clone()),
            Cell::Text(o.tags.join(";")),
            date(o.outcome.as_ref().map(|x| x.on)),
            Cell::Text(
                o.outcome
                    .as_ref()
                    .and_then(|x| x.reason_code.clone())
                    .unwrap_or_default(),
            ),
            Cell::Text(
                o.outcome
                    .as_ref()
                    .map_or(String::new(), |x| x.reason.clone()),
            ),
            Cell::Number(o.probability.map_or(String::new(), |p| p.0.to_string())),
            Cell::Number(
                o.forecast_category
                    .map_or(String::new(), |c| c.as_str().to_owned()),
            ),
        ]));
    }
    out
}

fn json(ws: &Workspace, chosen: &[&Opportunity]) -> String {
    let s = &ws.settings;
    const ADDED: [&str; 3] = ["probability_used", "forecast_category_used", "weighted"];
    // A stored field of the same name as an added one gives way, so that no
    // object carries a key twice.
    let owned: Vec<Option<Opportunity>> = chosen
        .iter()
        .map(|o| {
            ADDED.iter().any(|k| o.extra.contains_key(*k)).then(|| {
                let mut o = (*o).clone();
                o.extra.retain(|k, _| !ADDED.contains(&k.as_str()));
                o
            })
        })
        .collect();
    let items: Vec<Augmented<Opportunity>> = chosen
        .iter()
        .zip(&owned)
        .map(|(o, own)| Augmented {
            record: own.as_ref().unwrap_or(o),
            more: vec![
                ("probability_used", o.probability_used(s).0.into()),
                (
                    "forecast_category_used",
                    // a closed deal is in no forecast category: won is
                    // counted as won, lost and abandoned not at all
                    match o.is_open() {
                        true => crate::domain::forecast::category(o, s).as_str().into(),
                        false => serde_json::Value::Null,
                    },
                ),
                ("weighted", serde_json::json!(o.weighted(s))),
            ],
        })
        .collect();
    String::from_utf8(to_json_bytes(&items)).expect("serde_json writes UTF-8")
}
