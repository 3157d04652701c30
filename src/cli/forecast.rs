//! `funnel forecast`: the forecast of a quarter or a month against its
//! target (spec section 8), as a table, Markdown or JSON; the weekly report
//! prints the same Markdown section and carries the same JSON object.

use super::report::md;
use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::forecast::{self, Bucket, Forecast, HEALTHY_COVERAGE};
use crate::domain::{Date, ForecastCategory, Money, Period, Workspace};
use crate::i18n::t;
use crate::store::to_json_bytes;
use serde::Serialize;
use std::borrow::Cow;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Md,
}

pub fn run(
    ctx: &Context,
    period: Option<Period>,
    owner: Option<&str>,
    format: Format,
) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let owner = owner.map(str::trim);
    if let Some(name) = owner {
        let owners = forecast::owners(ws);
        if !owners.iter().any(|o| o.trim() == name) {
            return Err(Failure::usage(unknown_owner(name, &owners)));
        }
    }
    let period = period.unwrap_or_else(|| Period::quarter_of(ctx.today));
    let f = forecast::compute(ws, period, owner, ctx.today);
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            String::from_utf8(to_json_bytes(&json(ws, &f, ctx.today))).expect("UTF-8")
        }),
        Format::Table => table(ws, &f),
        Format::Md => markdown(ws, &f, "##"),
    })
}

/// `--owner "Zhao": …; the owners are Li Wei, Wang Fang`.
pub(super) fn unknown_owner(name: &str, owners: &[String]) -> String {
    if owners.is_empty() {
        return crate::tf!(
            "--owner {name}: no deal and no target has an owner in this workspace (set settings.owner or a deal's owner)",
            name = format!("{name:?}")
        );
    }
    crate::tf!(
        "--owner {name}: no deal or target has this owner; the owners are: {owners}",
        name = format!("{name:?}"),
        owners = owners.join(t("; "))
    )
}

// The JSON of spec section 8, fields in the spec's order, then funnel's own.

#[derive(Serialize)]
pub struct Json<'a> {
    period: Period,
    from: Date,
    to: Date,
    target: Option<Money>,
    won: Money,
    commit: Money,
    best_case: Money,
    pipeline: Money,
    omitted: Money,
    weighted: Money,
    gap: Option<Money>,
    coverage: Option<f64>,
    months: Vec<MonthJson>,
    moves: MovesJson<'a>,
    owner: Option<&'a str>,
    currency: &'a str,
    today: Date,
    counts: Counts,
    deals: Vec<DealJson<'a>>,
}

#[derive(Serialize)]
struct MonthJson {
    month: Period,
    target: Option<Money>,
    won: Money,
    commit: Money,
    best_case: Money,
    pipeline: Money,
    omitted: Money,
    weighted: Money,
    gap: Option<Money>,
    coverage: Option<f64>,
    counts: Counts,
}

#[derive(Serialize)]
struct MovesJson<'a> {
    since: Option<Date>,
    pulled_in: &'a [String],
    pushed_out: &'a [String],
    category_changed: Vec<Changed<'a>>,
    /// The close dates, then and now, of the deals that came in or left.
    moved: Vec<MovedJson<'a>>,
}

#[derive(Serialize)]
struct MovedJson<'a> {
    id: &'a str,
    from: Option<Date>,
    to: Option<Date>,
}

#[derive(Serialize)]
struct Changed<'a> {
    id: &'a str,
    from: &'static str,
    to: &'static str,
}

/// How many deals are behind each figure.
#[derive(Serialize, Default)]
struct Counts {
    won: usize,
    commit: usize,
    best_case: usize,
    pipeline: usize,
    omitted: usize,
}

impl Counts {
    fn add(&mut self, bucket: Bucket) {
        *match bucket {
            Bucket::Won => &mut self.won,
            Bucket::Commit => &mut self.commit,
            Bucket::BestCase => &mut self.best_case,
            Bucket::Pipeline => &mut self.pipeline,
            Bucket::Omitted => &mut self.omitted,
        } += 1;
    }
}

#[derive(Serialize)]
struct DealJson<'a> {
    id: &'a str,
    bucket: &'static str,
    month: Period,
    value: Money,
    category_set: bool,
}

/// A ratio to four places, as the report rounds its rates.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The weighted value of the deals the forecast counts, of the period
/// (`None`) or of month `m`.
fn weighted(f: &Forecast, m: Option<usize>) -> Money {
    m.map_or(f.weighted, |m| f.months[m].weighted)
}

/// The object `funnel forecast --format json` prints and the report's
/// `"forecast"` carries.
pub fn json<'a>(ws: &'a Workspace, f: &'a Forecast, today: Date) -> Json<'a> {
    let mut counts = Counts::default();
    let mut by_month: Vec<Counts> = f.months.iter().map(|_| Counts::default()).collect();
    for d in &f.deals {
        counts.add(d.bucket);
        by_month[d.month].add(d.bucket);
    }
    let x = &f.figures;
    Json {
        period: f.period,
        from: f.period.from(),
        to: f.period.to(),
        target: f.target,
        won: x.won,
        commit: x.commit,
        best_case: x.best_case,
        pipeline: x.pipeline,
        omitted: x.omitted,
        weighted: f.weighted,
        gap: f.gap(),
        coverage: f.coverage().map(round),
        months: f
            .months
            .iter()
            .zip(by_month)
            .enumerate()
            .map(|(i, (m, counts))| MonthJson {
                month: m.month,
                target: m.target,
                won: m.figures.won,
                commit: m.figures.commit,
                best_case: m.figures.best_case,
                pipeline: m.figures.pipeline,
                omitted: m.figures.omitted,
                weighted: weighted(f, Some(i)),
                gap: m.gap(),
                coverage: m.coverage().map(round),
                counts,
            })
            .collect(),
        moves: MovesJson {
            since: f.moves.since,
            pulled_in: &f.moves.pulled_in,
            pushed_out: &f.moves.pushed_out,
            category_changed: f
                .moves
                .category_changed
                .iter()
                .map(|(id, from, to)| Changed {
                    id,
                    from: from.as_str(),
                    to: to.as_str(),
                })
                .collect(),
            moved: f
                .moves
                .moved
                .iter()
                .map(|m| MovedJson {
                    id: &m.id,
                    from: m.from,
                    to: m.to,
                })
                .collect(),
        },
        owner: f.owner.as_deref(),
        currency: &ws.settings.currency,
        today,
        counts,
        deals: f
            .deals
            .iter()
            .map(|d| {
                let o = &ws.opportunities[d.index];
                DealJson {
                    id: &o.id,
                    bucket: d.bucket.as_str(),
                    month: f.months[d.month].month,
                    value: o.value,
                    category_set: d.set,
                }
            })
            .collect(),
    }
}

/// The report's `"forecast"`: the current quarter's, for everyone, as
/// `funnel forecast --format json` prints it (computed in English).
pub fn report_json(ws: &Workspace, f: &Forecast, today: Date) -> serde_json::Value {
    serde_json::to_value(json(ws, f, today)).expect("a forecast is plain JSON")
}

/// The weekly report's forecast: this quarter's, its moves measured from
/// the review the report's week starts from (`--since` included), so the
/// two agree on what "since" means.
pub fn of_the_week(
    ws: &Workspace,
    week: Option<&crate::domain::week::Week>,
    today: Date,
) -> Forecast {
    let quarter = Period::quarter_of(today);
    let review = match week {
        Some(w) => ws.reviews.iter().rev().find(|r| r.on == w.changes.on),
        None => forecast::base_review(ws, today),
    };
    forecast::compute_since(ws, quarter, None, review)
}

/// `1,200,000`, `-50,000` (a gap below zero: the target is passed).
pub(super) fn amount(m: Money) -> String {
    m.grouped()
}

/// `2.1×`, or `—` with nothing to measure.
pub(super) fn ratio(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{x:.1}×")) // i18n-exempt: a number
}

/// The period, then its months, each with its heading.
fn columns(f: &Forecast) -> Vec<(String, forecast::Column)> {
    f.columns()
        .into_iter()
        .map(|c| {
            let name = match c.month {
                None => c.period.label(),
                Some(_) => c.period.short(),
            };
            (name, c)
        })
        .collect()
}

/// The rows of the table, each as its name and its cells.
fn rows(columns: &[(String, forecast::Column)]) -> Vec<(&'static str, Vec<String>)> {
    let each = |cell: &dyn Fn(&forecast::Column) -> String| -> Vec<String> {
        columns.iter().map(|(_, c)| cell(c)).collect()
    };
    let money = |m: Option<Money>| m.map_or("—".into(), amount);
    vec![
        (t("Target"), each(&|c| money(c.target))),
        (t("Won"), each(&|c| amount(c.figures.won))),
        (t("Commit"), each(&|c| amount(c.figures.commit))),
        (t("Best case"), each(&|c| amount(c.figures.best_case))),
        (t("Pipeline"), each(&|c| amount(c.figures.pipeline))),
        (t("Omitted"), each(&|c| amount(c.figures.omitted))),
        (t("Weighted"), each(&|c| amount(c.weighted))),
        (
            t("Gap"),
            each(&|c| money(forecast::gap(c.target, &c.figures))),
        ),
        (
            t("Coverage"),
            each(&|c| ratio(forecast::coverage(c.target, &c.figures))),
        ),
    ]
}

/// Who the forecast is about and in what money: `Li Wei · CNY`.
fn whose(currency: &str, f: &Forecast) -> String {
    let who = f
        .owner
        .clone()
        .unwrap_or_else(|| t("all owners").to_owned());
    match currency {
        "" => who,
        cur => format!("{who} · {cur}"), // i18n-exempt: a name and a currency code
    }
}

/// The coverage read plainly, against the rule of thumb.
pub fn reading(f: &Forecast) -> String {
    let healthy = format!("{HEALTHY_COVERAGE:.0}"); // i18n-exempt: a number
    match (f.target, f.gap(), f.coverage()) {
        (None, ..) => crate::tf!(
            "No target for {period} (settings.targets): no gap and no coverage to measure.",
            period = f.period.label()
        ),
        (Some(target), Some(gap), None) if gap.0 <= 0 => crate::tf!(
            "Target reached: {won} won against a target of {target}, nothing left to cover.",
            won = amount(f.figures.won),
            target = amount(target)
        ),
        (_, _, Some(c)) if forecast::healthy(c) => crate::tf!(
            "Coverage {ratio} of the gap: healthy ({healthy}× or more, since about one open deal in three is won).",
            ratio = ratio(Some(c)),
            healthy
        ),
        (_, _, c) => crate::tf!(
            "Coverage {ratio} of the gap: thin (healthy at {healthy}× or more: about one open deal in three is won).",
            ratio = ratio(c),
            healthy
        ),
    }
}

/// The titles of the deals `f`'s moves name, looked up once: a big
/// pipeline may have thousands of moves.
fn titles<'a>(ws: &'a Workspace, f: &Forecast) -> std::collections::HashMap<&'a str, &'a str> {
    let wanted = moved_ids(f);
    ws.opportunities
        .iter()
        .filter(|o| wanted.contains(o.id.as_str()))
        .map(|o| (o.id.as_str(), o.title.as_str()))
        .collect()
}

/// The ids of the deals `f`'s moves name.
pub(super) fn moved_ids(f: &Forecast) -> std::collections::HashSet<&str> {
    let m = &f.moves;
    m.pulled_in
        .iter()
        .chain(&m.pushed_out)
        .map(String::as_str)
        .chain(m.category_changed.iter().map(|(id, ..)| id.as_str()))
        .collect()
}

/// Each move as (what moved, the deal, its title, what changed): for both
/// formats. A deal that came into the period or left it shows its close
/// date then and now, so the reader sees which way it went.
fn moves(
    f: &Forecast,
    title: &dyn Fn(&str) -> String,
) -> Vec<(&'static str, String, String, String)> {
    let m = &f.moves;
    let dates = |id: &str| {
        m.dates(id).map_or(String::new(), |d| {
            let day = |d: Option<crate::domain::Date>| {
                d.map_or_else(|| "—".to_owned(), |d| d.to_string())
            }; // i18n-exempt: a dash for no date
            format!("{} → {}", day(d.from), day(d.to)) // i18n-exempt: two dates and an arrow
        })
    };
    let mut out = Vec::new();
    for id in &m.pulled_in {
        out.push((t("into the period"), id.clone(), title(id), dates(id)));
    }
    for id in &m.pushed_out {
        out.push((t("out of the period"), id.clone(), title(id), dates(id)));
    }
    for (id, from, to) in &m.category_changed {
        out.push((
            t("category changed"),
            id.clone(),
            title(id),
            arrow(*from, *to),
        ));
    }
    out
}

/// `best case → commit`.
fn arrow(from: ForecastCategory, to: ForecastCategory) -> String {
    format!("{} → {}", from.label(), to.label()) // i18n-exempt: two words and an arrow
}

/// What the moves are measured from, as a heading says it.
fn moves_heading(f: &Forecast) -> String {
    match f.moves.since {
        Some(on) => crate::tf!(
            "Moves since the review of {on}",
            on = crate::i18n::numbers::long_date(on)
        ),
        None => t("Moves").to_owned(),
    }
}

/// Why there is nothing under the moves' heading.
fn no_moves(f: &Forecast) -> &'static str {
    match f.moves.since {
        Some(_) => t("Nothing moved in or out of the period, and no category changed."),
        None => t("No review yet: the moves are measured from the latest review before today."),
    }
}

pub fn table(ws: &Workspace, f: &Forecast) -> String {
    let titles = titles(ws, f);
    let title = |id: &str| titles.get(id).map_or(String::new(), |t| (*t).to_owned());
    table_of(&ws.settings.currency, f, &title, "")
}

/// The table of `f` in `currency`, the moves' deals named by `title`, and
/// `between` (the team's owners) printed after the reading of the coverage.
pub(super) fn table_of(
    currency: &str,
    f: &Forecast,
    title: &dyn Fn(&str) -> String,
    between: &str,
) -> String {
    let mut out = crate::tf!(
        "Forecast {period}, {from} to {to} · {whose}\n\n",
        period = f.period.label(),
        from = f.period.from(),
        to = f.period.to(),
        whose = whose(currency, f)
    );
    let cols = columns(f);
    let mut headers: Vec<(Cow<'static, str>, Align, usize)> =
        vec![(Cow::Borrowed(""), Align::Left, 12)];
    headers.extend(
        cols.iter()
            .map(|(name, _)| (Cow::Owned(name.clone()), Align::Right, 20)),
    );
    let mut tab = Table::headed(headers);
    for (name, cells) in rows(&cols) {
        let mut row = vec![name.to_owned()];
        row.extend(cells);
        tab.row(row);
    }
    out.push_str(&tab.render());
    out.push('\n');
    out.push_str(&reading(f));
    out.push_str("\n\n");
    out.push_str(between);
    out.push_str(&moves_heading(f));
    out.push('\n');
    let list = moves(f, title);
    if list.is_empty() {
        out.push_str(no_moves(f));
        out.push('\n');
        return out;
    }
    let mut tab = Table::new(vec![
        (t("MOVE"), Align::Left, 18),
        (t("ID"), Align::Left, 10),
        (t("TITLE"), Align::Left, 36),
        (t("CHANGE"), Align::Left, 30),
    ]);
    for (what, id, title, change) in list {
        tab.row(vec![what.to_owned(), id, title, change]);
    }
    out.push_str(&tab.render());
    out
}

/// The forecast as a Markdown section (`level`: its heading's `#`s), ready
/// to paste; the weekly report prints it as it is.
pub fn markdown(ws: &Workspace, f: &Forecast, level: &str) -> String {
    let titles = titles(ws, f);
    let title = |id: &str| titles.get(id).map_or(String::new(), |t| (*t).to_owned());
    markdown_of(&ws.settings.currency, f, level, &title, "")
}

/// [`markdown`] in `currency`, the moves' deals named by `title`, and
/// `between` (the team's owners) printed after the reading of the coverage.
pub(super) fn markdown_of(
    currency: &str,
    f: &Forecast,
    level: &str,
    title: &dyn Fn(&str) -> String,
    between: &str,
) -> String {
    let mut out = crate::tf!(
        "{level} Forecast, {period}\n\n",
        level,
        period = f.period.label()
    );
    out.push_str(&crate::tf!(
        "{from} to {to} · {whose}\n\n",
        from = crate::i18n::numbers::long_date(f.period.from()),
        to = crate::i18n::numbers::long_date(f.period.to()),
        whose = md(&whose(currency, f))
    ));
    let cols = columns(f);
    out.push('|');
    for (name, _) in &cols {
        out.push_str(&format!(" | {}", md(name)));
    }
    out.push_str(" |\n|---|");
    out.push_str(&"---:|".repeat(cols.len()));
    out.push('\n');
    for (name, cells) in rows(&cols) {
        out.push_str(&format!("| {name} | {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out.push_str(&reading(f));
    out.push_str("\n\n");
    out.push_str(between);
    out.push_str(&format!("{level}# {}\n\n", moves_heading(f)));
    let list = moves(f, title);
    if list.is_empty() {
        out.push_str(no_moves(f));
        out.push('\n');
        return out;
    }
    let mut kinds: Vec<(&str, Vec<String>, usize)> = Vec::new();
    for (what, id, title, change) in list {
        let title = if title.is_empty() {
            md(&id)
        } else {
            md(&title)
        };
        let one = match change.as_str() {
            "" => title,
            change => crate::tf!("{title} ({change})", title, change),
        };
        match kinds.last_mut() {
            Some((kind, names, _)) if *kind == what => names.push(one),
            _ => kinds.push((what, vec![one], 0)),
        }
    }
    for (name, names, _) in &mut kinds {
        // an email stays readable: the first few of each kind, then a count
        let more = names.len().saturating_sub(MOVES_IN_MARKDOWN);
        names.truncate(MOVES_IN_MARKDOWN);
        let mut names = names.join(t("; "));
        if more > 0 {
            names.push_str(&crate::tf!(
                "; and {more} more (funnel forecast --format json lists every one)",
                more
            ));
        }
        out.push_str(&crate::tf!(
            "- **{name}:** {names}\n",
            name = capitalised(name),
            names
        ));
    }
    out
}

/// How many deals of each kind of move the Markdown names.
const MOVES_IN_MARKDOWN: usize = 20;

/// `Pulled in` for a list item; Chinese has no capitals.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(c).collect()
    })
}
