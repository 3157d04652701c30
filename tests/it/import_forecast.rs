//! Spec sections 8 and 14: a forecast-category column of a CRM export
//! feeds each deal's `forecast_category`; a closed deal's category (Closed,
//! Won, Lost) sets none, a value funnel does not know is warned about and
//! left unset, and a file without the column never erases a category.

use crate::common::{Sandbox, read_workspace, shared_data, stderr};
use funnel::domain::{ForecastCategory, Workspace};
use funnel::import::{Options, read_all};
use std::collections::HashMap;
use std::path::Path;

use ForecastCategory::{BestCase, Commit, Omitted, Pipeline};

fn import(sb: &Sandbox, ws: &Path, file: &Path) {
    let out = sb
        .funnel()
        .arg("--workspace")
        .arg(ws)
        .args([
            "--today",
            "2026-11-23",
            "import",
            "csv",
            "--source",
            "salesforce",
        ])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Each imported deal's category, by its Salesforce id.
fn categories(ws: &Workspace) -> HashMap<String, Option<ForecastCategory>> {
    ws.opportunities
        .iter()
        .map(|o| {
            let id = o.extra["source_id"].as_str().unwrap().to_owned();
            (id, o.forecast_category)
        })
        .collect()
}

/// Salesforce's rows: Id → its ForecastCategoryName.
fn column(file: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = r.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, category) = (at("Id"), at("ForecastCategoryName"));
    r.records()
        .map(|row| {
            let row = row.unwrap();
            (row[id].to_owned(), row[category].to_owned())
        })
        .collect()
}

#[test]
fn a_salesforce_export_sets_the_categories_of_its_column_and_a_file_without_it_keeps_them() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = shared_data("salesforce-sample/Opportunity.csv");
    import(&sb, &ws, &file);
    let got = categories(&read_workspace(&ws));
    let rows = column(&file);
    assert_eq!(got.len(), rows.len());
    let mut seen = std::collections::BTreeSet::new();
    for (id, name) in &rows {
        let want = match name.as_str() {
            "Pipeline" => Some(Pipeline),
            "Best Case" => Some(BestCase),
            "Commit" => Some(Commit),
            "Omitted" => Some(Omitted),
            // a closed deal: its outcome says what it brings
            "Closed" => None,
            other => panic!("a value the sample was not known to have: {other}"),
        };
        assert_eq!(got[id], want, "{id} ({name})");
        seen.insert(name.as_str());
    }
    assert!(
        seen.len() >= 4,
        "the sample has several categories: {seen:?}"
    );

    // the same deals from a report without the column: categories stay
    let text = std::fs::read_to_string(&file).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = r.headers().unwrap().clone();
    let keep: Vec<usize> = [
        "Id",
        "Name",
        "StageName",
        "Amount",
        "CloseDate",
        "IsClosed",
        "IsWon",
    ]
    .iter()
    .map(|h| headers.iter().position(|x| x == *h).unwrap())
    .collect();
    let mut w = csv::Writer::from_path(sb.path("without.csv")).unwrap();
    w.write_record(keep.iter().map(|n| &headers[*n])).unwrap();
    for row in r.records() {
        let row = row.unwrap();
        w.write_record(keep.iter().map(|n| &row[*n])).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    import(&sb, &ws, &sb.path("without.csv"));
    assert_eq!(categories(&read_workspace(&ws)), got);
}

fn read(csv: &str) -> funnel::import::Read {
    read_all(csv.as_bytes(), &Options::default()).unwrap()
}

#[test]
fn hubspot_and_dynamics_words_map_and_closed_ones_set_none() {
    let hubspot = read(
        "Deal Name,Deal Stage,Amount,Forecast category\n\
         A,Appointment Scheduled,10,Not forecasted\n\
         B,Qualified To Buy,10,Pipeline\n\
         C,Presentation Scheduled,10,Best case\n\
         D,Contract Sent,10,Commit\n\
         E,Closed Won,10,Closed won\n",
    );
    let got: Vec<_> = hubspot.rows.iter().map(|r| r.forecast_category).collect();
    assert_eq!(
        got,
        [
            Some(Omitted),
            Some(Pipeline),
            Some(BestCase),
            Some(Commit),
            None
        ]
    );
    assert!(hubspot.warnings.is_empty(), "{:?}", hubspot.warnings);
    let dynamics = read(
        "Topic,Sales Stage,Est. Revenue,Forecast Category\n\
         A,Qualify,10,Committed\n\
         B,Develop,10,Omitted\n\
         C,Close,10,Won\n\
         D,Close,10,Lost\n",
    );
    let got: Vec<_> = dynamics.rows.iter().map(|r| r.forecast_category).collect();
    assert_eq!(got, [Some(Commit), Some(Omitted), None, None]);
}

#[test]
fn an_unknown_category_is_warned_about_by_name_and_left_unset() {
    let read = read(
        "Name,StageName,Amount,ForecastCategoryName\n\
         A,Prospecting,10,Upside\n\
         B,Prospecting,10,Upside\n\
         C,Prospecting,10,Forecast\n",
    );
    let got: Vec<_> = read.rows.iter().map(|r| r.forecast_category).collect();
    assert_eq!(got, [None, None, Some(Commit)]);
    assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
    let warning = &read.warnings[0];
    assert!(
        warning.contains("\"Upside\" (2 rows, first on line 2)"),
        "{warning}"
    );
    assert!(warning.contains("ForecastCategoryName"), "{warning}");
}

/// `export csv` then `import csv` into another workspace: each deal keeps
/// its own probability and forecast category, so the forecast is the same.
#[test]
fn an_export_imported_elsewhere_keeps_the_forecast() {
    let sb = Sandbox::new();
    let (from, to, file) = (sb.path("a.json"), sb.path("b.json"), sb.path("out.csv"));
    let run = |ws: &Path, args: &[&str]| {
        let out = sb
            .funnel()
            .arg("--workspace")
            .arg(ws)
            .args(["--today", "2026-11-23"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&from, &["init", "--demo"]);
    let mut ws = read_workspace(&from);
    ws.opportunities[0].forecast_category = Some(Omitted);
    ws.opportunities[1].probability = Some(funnel::domain::Percent(95));
    ws.opportunities[2].forecast_category = Some(Commit);
    std::fs::write(&from, funnel::store::to_json_bytes(&ws)).unwrap();
    run(&from, &["export", "csv", "-o", file.to_str().unwrap()]);
    run(&to, &["import", "csv", file.to_str().unwrap()]);
    let back = read_workspace(&to);
    for o in ws.opportunities.iter().filter(|o| o.is_open()) {
        let b = back
            .opportunities
            .iter()
            .find(|b| b.extra.get("source_id").and_then(|v| v.as_str()) == Some(o.id.as_str()))
            .unwrap_or_else(|| panic!("{} not imported", o.id));
        assert_eq!(
            (b.forecast_category, b.probability),
            (o.forecast_category, o.probability),
            "{}",
            o.id
        );
    }
    let forecast = |ws: &Path| {
        let json: serde_json::Value =
            serde_json::from_str(&run(ws, &["forecast", "--format", "json"])).unwrap();
        ["commit", "best_case", "pipeline", "omitted"].map(|k| json[k].clone())
    };
    assert_eq!(forecast(&to), forecast(&from));
}
