//! A stage-history file onto the deals it names (by their source id, else
//! their title): each matched deal's `stage_history` becomes the file's
//! entries for it, in date order, ending in the deal's current stage (the
//! `stalled` flag reads the last entry). Closed deals get theirs too: the
//! win/loss analysis reads the time spent in each stage.

use super::history::{History, StageRow};
use crate::domain::{Date, Extra, Opportunity, Stage, StageEntry, Workspace};
use crate::tf;
use std::collections::{BTreeMap, HashMap};

const SOURCE_ID: &str = "source_id";
const SOURCE: &str = "source";

/// What the history did.
#[derive(Debug, Clone, Default)]
pub struct HistorySummary {
    /// Deals whose history was replaced.
    pub changed: usize,
    /// Deals whose history was already the file's.
    pub unchanged: usize,
    /// The rows that matched no deal: line, and why (naming the deal).
    pub unmatched: Vec<(u64, String)>,
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

fn text<'a>(extra: &'a Extra, key: &str) -> Option<&'a str> {
    extra.get(key).and_then(|v| v.as_str())
}

/// The deals by their source ids and folded titles, built once.
struct Index {
    ids: HashMap<String, Vec<usize>>,
    titles: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(ws: &Workspace, source: Option<&str>) -> Index {
        let mut ix = Index {
            ids: HashMap::new(),
            titles: HashMap::new(),
        };
        for (n, o) in ws.opportunities.iter().enumerate() {
            let in_source = source.is_none_or(|s| text(&o.extra, SOURCE) == Some(s));
            if let Some(id) = text(&o.extra, SOURCE_ID).filter(|_| in_source) {
                ix.ids.entry(id.to_owned()).or_default().push(n);
            }
            ix.titles.entry(fold(&o.title)).or_default().push(n);
        }
        ix
    }

    fn find(&self, row: &StageRow) -> Result<usize, String> {
        let unique = |found: &[usize], what: String| match found {
            [n] => Ok(*n),
            [] => Err(tf!("no deal with {what}", what)),
            many => Err(tf!("{n} deals with {what}", n = many.len(), what)),
        };
        let mut missed = Vec::new();
        if !row.deal_id.is_empty() {
            match self.ids.get(&row.deal_id) {
                Some(found) => {
                    return unique(found, tf!("id {id}", id = format!("{:?}", row.deal_id)));
                }
                None => missed.push(tf!(
                    "no deal with id {id}",
                    id = format!("{:?}", row.deal_id)
                )),
            }
        }
        if !row.deal_name.is_empty() {
            let found = self
                .ids
                .get(&row.deal_name)
                .or_else(|| self.titles.get(&fold(&row.deal_name)));
            match found {
                Some(found) => {
                    return unique(
                        found,
                        tf!("title {title}", title = format!("{:?}", row.deal_name)),
                    );
                }
                None => missed.push(tf!(
                    "no deal titled {title}",
                    title = format!("{:?}", row.deal_name)
                )),
            }
        }
        Err(missed.join(crate::i18n::t("; ")))
    }
}

/// The history a deal gets from its rows: in date order (a day's rows in
/// file order), repeats of one stage kept at the first, ending in the
/// deal's current stage: when the file ends elsewhere, the current stage is
/// entered on the date the deal has for it, not before the file's last date.
fn history_of(o: &Opportunity, mut rows: Vec<&StageRow>) -> Vec<StageEntry> {
    rows.sort_by_key(|r| (r.date, r.line));
    let mut entries: Vec<(Stage, Date)> = Vec::new();
    for r in rows {
        if entries.last().is_none_or(|(s, _)| *s != r.stage) {
            entries.push((r.stage, r.date));
        }
    }
    if let Some(&(last, last_date)) = entries.last()
        && last != o.stage
    {
        let had = o.stage_history.iter().rev().find(|e| e.stage == o.stage);
        let entered = had.map_or(last_date, |e| e.entered.max(last_date));
        entries.push((o.stage, entered));
    }
    entries
        .into_iter()
        .map(|(stage, entered)| {
            // an entry the deal already has keeps what else it carries
            let same = o
                .stage_history
                .iter()
                .find(|e| e.stage == stage && e.entered == entered);
            StageEntry {
                stage,
                entered,
                ..same.cloned().unwrap_or_default()
            }
        })
        .collect()
}

/// Gives the deals of `history` their stage histories. `deal_source`
/// names the source of the deals' ids (None: any).
pub fn merge_history(
    ws: &mut Workspace,
    history: &History,
    deal_source: Option<&str>,
) -> HistorySummary {
    let mut summary = HistorySummary::default();
    let ix = Index::new(ws, deal_source);
    let mut by_deal: BTreeMap<usize, Vec<&StageRow>> = BTreeMap::new();
    for row in &history.rows {
        match ix.find(row) {
            Ok(n) => by_deal.entry(n).or_default().push(row),
            Err(why) => summary.unmatched.push((row.line, why)),
        }
    }
    for (n, rows) in by_deal {
        let o = &mut ws.opportunities[n];
        let entries = history_of(o, rows);
        if entries == o.stage_history {
            summary.unchanged += 1;
        } else {
            o.stage_history = entries;
            summary.changed += 1;
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn row(line: u64, id: &str, stage: Stage, date: &str) -> StageRow {
        StageRow {
            line,
            deal_id: id.into(),
            deal_name: String::new(),
            stage,
            date: day(date),
        }
    }

    fn deal(id: &str, stage: Stage, entered: &str) -> Opportunity {
        let mut o = Opportunity {
            id: format!("o-{id}"),
            title: format!("Deal {id}"),
            stage,
            stage_history: vec![StageEntry {
                stage,
                entered: day(entered),
                ..StageEntry::default()
            }],
            ..Opportunity::default()
        };
        o.extra.insert(SOURCE.into(), "salesforce".into());
        o.extra.insert(SOURCE_ID.into(), id.into());
        o
    }

    fn pairs(o: &Opportunity) -> Vec<(Stage, Date)> {
        o.stage_history
            .iter()
            .map(|e| (e.stage, e.entered))
            .collect()
    }

    #[test]
    fn sorted_repeats_collapsed_and_ending_in_the_current_stage() {
        let mut ws = Workspace::new("", "");
        ws.opportunities
            .push(deal("A", Stage::Propose, "2024-01-22"));
        ws.opportunities
            .push(deal("B", Stage::Negotiate, "2024-01-22"));
        let history = History {
            rows: vec![
                row(2, "A", Stage::Drive, "2024-03-01"),
                row(3, "A", Stage::Qualify, "2024-02-01"),
                row(4, "A", Stage::Qualify, "2024-02-15"),
                row(5, "B", Stage::Drive, "2023-12-01"),
                row(6, "C", Stage::Drive, "2023-12-01"),
            ],
            ..History::default()
        };
        let s = merge_history(&mut ws, &history, Some("salesforce"));
        assert_eq!((s.changed, s.unchanged, s.unmatched.len()), (2, 0, 1));
        // A ends in drive in the file: propose is entered at its own date,
        // not before the file's last
        assert_eq!(
            pairs(&ws.opportunities[0]),
            vec![
                (Stage::Qualify, day("2024-02-01")),
                (Stage::Drive, day("2024-03-01")),
                (Stage::Propose, day("2024-03-01")),
            ]
        );
        assert_eq!(
            pairs(&ws.opportunities[1]),
            vec![
                (Stage::Drive, day("2023-12-01")),
                (Stage::Negotiate, day("2024-01-22")),
            ]
        );
        let again = merge_history(&mut ws, &history, Some("salesforce"));
        assert_eq!((again.changed, again.unchanged), (0, 2));
        // ids of another source are not the file's
        let other = merge_history(&mut ws, &history, Some("hubspot"));
        assert_eq!(other.unmatched.len(), 5);
    }
}
