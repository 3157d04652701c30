//! `funnel analysis`: the sales result analysis of spec section 7 over the
//! deals closed in a date range, as a table, Markdown or JSON.

use super::report::md;
use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::analysis::{self, Analysis, Reason, Row, Split, Sum, Tally};
use crate::domain::{Date, Money};
use crate::i18n::{Lang, t};
use crate::store::to_json_bytes;
use crate::text::grouped;
use serde::Serialize;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Md,
}

pub fn run(
    ctx: &Context,
    from: Option<Date>,
    to: Option<Date>,
    format: Format,
) -> Result<String, Failure> {
    let (from, to) = range(from, to, ctx.today)?;
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let currency = &ws.settings.currency;
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            let a = analysis::analyse(ws, from, to);
            String::from_utf8(to_json_bytes(&json(&a, currency))).expect("UTF-8")
        }),
        _ => write(&analysis::analyse(ws, from, to), currency, format),
    })
}

fn write(a: &Analysis, currency: &str, format: Format) -> String {
    match format {
        Format::Json => unreachable!("written in English by `run`"),
        Format::Table => table(a, currency),
        Format::Md => markdown(a, currency),
    }
}

/// The range asked for: a missing end is today, a missing start the 365
/// days up to the end.
pub fn range(from: Option<Date>, to: Option<Date>, today: Date) -> Result<(Date, Date), Failure> {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| analysis::default_range(to).0);
    if from > to {
        return Err(Failure::usage(crate::tf!(
            "--from {from} is after --to {to}: the range would hold no day",
            from,
            to
        )));
    }
    Ok((from, to))
}

// The JSON of spec section 7, fields in the spec's order, then funnel's own.

#[derive(Serialize)]
struct Json<'a> {
    from: Date,
    to: Date,
    won: Count,
    lost: Count,
    win_rate: Option<f64>,
    by_reason: Vec<ReasonJson<'a>>,
    by_competitor: Vec<RowJson<'a>>,
    by_stage_reached: Vec<RowJson<'a>>,
    cycle_days: SplitJson,
    economic_buyer_met: SplitJson,
    coach: SplitJson,
    currency: &'a str,
    abandoned: Count,
    by_tier: Vec<RowJson<'a>>,
    by_product: Vec<RowJson<'a>>,
    by_win_reason: Vec<ReasonJson<'a>>,
}

#[derive(Serialize)]
struct Count {
    count: usize,
    value: Money,
}

#[derive(Serialize)]
struct ReasonJson<'a> {
    reason: &'a str,
    count: usize,
    value: Money,
    abandoned: usize,
}

/// A breakdown row: `name` for groups, `stage` for stages (as the spec
/// names them), counts as the spec has them, then values and the rate.
#[derive(Serialize)]
struct RowJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<&'a str>,
    won: usize,
    lost: usize,
    abandoned: usize,
    won_value: Money,
    lost_value: Money,
    abandoned_value: Money,
    win_rate: Option<f64>,
}

#[derive(Serialize)]
struct SplitJson {
    won: Option<f64>,
    lost: Option<f64>,
}

fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

fn count(s: Sum) -> Count {
    Count {
        count: s.count,
        value: s.value,
    }
}

fn tally_json<'a>(name: Option<&'a str>, stage: Option<&'a str>, t: &Tally) -> RowJson<'a> {
    RowJson {
        name,
        stage,
        won: t.won.count,
        lost: t.lost.count,
        abandoned: t.abandoned.count,
        won_value: t.won.value,
        lost_value: t.lost.value,
        abandoned_value: t.abandoned.value,
        win_rate: t.win_rate().map(|r| round(r, 4)),
    }
}

fn rows_json(rows: &[Row]) -> Vec<RowJson<'_>> {
    rows.iter()
        .map(|r| tally_json(Some(&r.name), None, &r.tally))
        .collect()
}

fn reasons_json(reasons: &[Reason]) -> Vec<ReasonJson<'_>> {
    reasons
        .iter()
        .map(|r| ReasonJson {
            reason: &r.reason,
            count: r.count,
            value: r.value,
            abandoned: r.abandoned,
        })
        .collect()
}

fn split_json(s: Split, places: i32) -> SplitJson {
    SplitJson {
        won: s.won.map(|x| round(x, places)),
        lost: s.lost.map(|x| round(x, places)),
    }
}

fn json<'a>(a: &'a Analysis, currency: &'a str) -> Json<'a> {
    Json {
        from: a.from,
        to: a.to,
        won: count(a.total.won),
        lost: count(a.total.lost),
        win_rate: a.total.win_rate().map(|r| round(r, 4)),
        by_reason: reasons_json(&a.by_reason),
        by_competitor: rows_json(&a.by_competitor),
        by_stage_reached: a
            .by_stage_reached
            .iter()
            .map(|(s, t)| tally_json(None, Some(s.as_str()), t))
            .collect(),
        // days to a tenth; the shares to four places, like the report's rates
        cycle_days: split_json(a.cycle_days, 1),
        economic_buyer_met: split_json(a.economic_buyer_met, 4),
        coach: split_json(a.coach, 4),
        currency,
        abandoned: count(a.total.abandoned),
        by_tier: rows_json(&a.by_tier),
        by_product: rows_json(&a.by_product),
        by_win_reason: reasons_json(&a.by_win_reason),
    }
}

/// `57%`, or `—` with nothing to measure.
pub fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{:.0}%", x * 100.0))
}

/// `45 days`, or `—`.
pub fn days(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| {
        crate::tf!("{n} days", n = format!("{x:.0}"))
    })
}

/// The lines above the tables: totals, cycle, influences.
fn summary(a: &Analysis, currency: &str) -> Vec<String> {
    let t = &a.total;
    let money = |v: Money| {
        if currency.is_empty() {
            v.grouped()
        } else {
            format!("{} {currency}", v.grouped())
        }
    };
    let mut lines = Vec::new();
    if let (true, Some(hint)) = (a.is_empty(), analysis_hint(a)) {
        lines.push(hint);
    }
    lines.extend([
        crate::tf!(
            "Won {won} ({won_value}) · lost {lost} ({lost_value}) · win rate {rate} · abandoned {abandoned} ({abandoned_value}, not in the win rate)",
            won = grouped(t.won.count),
            won_value = money(t.won.value),
            lost = grouped(t.lost.count),
            lost_value = money(t.lost.value),
            rate = pct(t.win_rate()),
            abandoned = grouped(t.abandoned.count),
            abandoned_value = money(t.abandoned.value),
        ),
        crate::tf!(
            "Average cycle, created to closed: won {won} · lost {lost}",
            won = days(a.cycle_days.won),
            lost = days(a.cycle_days.lost)
        ),
        crate::tf!(
            "Economic buyer met: won {eb_won} · lost {eb_lost}    Coach: won {coach_won} · lost {coach_lost}",
            eb_won = pct(a.economic_buyer_met.won),
            eb_lost = pct(a.economic_buyer_met.lost),
            coach_won = pct(a.coach.won),
            coach_lost = pct(a.coach.lost)
        ),
    ]);
    lines
}

/// What to try when nothing closed in the range but deals closed outside
/// it: an imported history often lies years back.
pub fn analysis_hint(a: &Analysis) -> Option<String> {
    let (n, first, last) = a.outside?;
    Some(crate::tf!(
        "No deal closed in this range; {n} closed from {first} to {last}: funnel analysis --from {first} --to {last}",
        n,
        first,
        last
    ))
}

/// A reason code as people read it (`product fit`, 产品匹配度).
fn reason(code: &str) -> String {
    crate::i18n::word("reason", code)
}

const LOSE: &str = "Why we lose (lost and abandoned, by value)";
const WIN: &str = "Why we win (by value)";

/// The breakdowns after the reasons, titled, as both formats print them.
fn breakdowns(a: &Analysis) -> [(&'static str, Vec<Row>); 4] {
    let zh = crate::i18n::lang() == Lang::Zh;
    let stages = a
        .by_stage_reached
        .iter()
        .map(|(s, t)| Row {
            name: s.name(),
            tally: *t,
        })
        .collect();
    // in Chinese the rows without a name, and the tiers, read as the course says
    let named = |rows: &[Row], kind: &str| -> Vec<Row> {
        rows.iter()
            .map(|r| Row {
                name: match (zh, r.name.as_str()) {
                    (false, _) => r.name.clone(),
                    (
                        true,
                        n @ (analysis::NO_COMPETITOR | analysis::NO_PRODUCT | analysis::NO_TIER),
                    ) => t(n).to_owned(),
                    (true, n) if kind == "tier" => crate::i18n::word("tier", n),
                    (true, n) => n.to_owned(),
                },
                tally: r.tally,
            })
            .collect()
    };
    [
        (t("By stage reached"), stages),
        (t("By competitor"), named(&a.by_competitor, "competitor")),
        (t("By account tier"), named(&a.by_tier, "tier")),
        (t("By product"), named(&a.by_product, "product")),
    ]
}

fn table(a: &Analysis, currency: &str) -> String {
    let mut out = crate::tf!(
        "Sales result analysis, deals closed {from} to {to}\n\n",
        from = a.from,
        to = a.to
    );
    for line in summary(a, currency) {
        out.push_str(&line);
        out.push('\n');
    }
    // won deals are never abandoned: their table has no such column
    let reasons = |title: &str, list: &[Reason], losses: bool, out: &mut String| {
        out.push_str(&format!("\n{title}\n"));
        let mut columns = vec![
            (t("REASON"), Align::Left, 24),
            (t("DEALS"), Align::Right, 6),
        ];
        if losses {
            columns.push((t("ABANDONED"), Align::Right, 9));
        }
        columns.push((t("VALUE"), Align::Right, 18));
        let mut tab = Table::new(columns);
        for r in list {
            let mut cells = vec![reason(&r.reason), grouped(r.count)];
            if losses {
                cells.push(grouped(r.abandoned));
            }
            cells.push(r.value.grouped());
            tab.row(cells);
        }
        out.push_str(&if list.is_empty() {
            t("none\n").into()
        } else {
            tab.render()
        });
    };
    reasons(t(LOSE), &a.by_reason, true, &mut out);
    reasons(t(WIN), &a.by_win_reason, false, &mut out);
    for (title, rows) in &breakdowns(a) {
        out.push_str(&format!("\n{title}\n"));
        let mut tab = Table::new(vec![
            ("", Align::Left, 28),
            (t("WON"), Align::Right, 6),
            (t("LOST"), Align::Right, 6),
            (t("ABANDONED"), Align::Right, 9),
            (t("WIN RATE"), Align::Right, 8),
            (t("WON VALUE"), Align::Right, 18),
            (t("LOST VALUE"), Align::Right, 18),
        ]);
        for r in rows.iter() {
            let x = &r.tally;
            tab.row(vec![
                r.name.clone(),
                x.won.count.to_string(),
                x.lost.count.to_string(),
                x.abandoned.count.to_string(),
                pct(x.win_rate()),
                x.won.value.grouped(),
                x.lost.value.grouped(),
            ]);
        }
        out.push_str(&if rows.is_empty() {
            t("none\n").into()
        } else {
            tab.render()
        });
    }
    out
}

fn markdown(a: &Analysis, currency: &str) -> String {
    let currency = md(currency);
    let mut out = crate::tf!(
        "# Sales result analysis, {from} to {to}\n\n",
        from = crate::i18n::numbers::long_date(a.from),
        to = crate::i18n::numbers::long_date(a.to)
    );
    for line in summary(a, &currency) {
        out.push_str(&format!("- {line}\n"));
    }
    let reasons = |title: &str, list: &[Reason], losses: bool, out: &mut String| {
        out.push_str(&format!("\n## {title}\n\n"));
        if list.is_empty() {
            out.push_str(t("None.\n"));
            return;
        }
        out.push_str(if losses {
            t("| Reason | Deals | Abandoned | Value |\n|---|---:|---:|---:|\n")
        } else {
            t("| Reason | Deals | Value |\n|---|---:|---:|\n")
        });
        for r in list {
            let abandoned = if losses {
                format!(" {} |", grouped(r.abandoned))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "| {} | {} |{abandoned} {} |\n",
                md(&reason(&r.reason)),
                grouped(r.count),
                r.value.grouped()
            ));
        }
    };
    reasons(t(LOSE), &a.by_reason, true, &mut out);
    reasons(t(WIN), &a.by_win_reason, false, &mut out);
    for (title, rows) in &breakdowns(a) {
        out.push_str(&format!("\n## {title}\n\n"));
        if rows.is_empty() {
            out.push_str(t("None.\n"));
            continue;
        }
        out.push_str(t("| | Won | Lost | Abandoned | Win rate | Won value | Lost value |\n|---|---:|---:|---:|---:|---:|---:|\n"));
        for r in rows.iter() {
            let x = &r.tally;
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                md(&r.name),
                x.won.count,
                x.lost.count,
                x.abandoned.count,
                pct(x.win_rate()),
                x.won.value.grouped(),
                x.lost.value.grouped()
            ));
        }
    }
    out
}
