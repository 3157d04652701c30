//! A CRM's competitor column (Salesforce `MainCompetitors__c`, a
//! `Competitor` column, 竞争对手) becomes the deal's competition (spec
//! section 9); a re-import adds the names it did not have and never resets
//! what the seller set on the ones it had.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use crate::import_merge::import;
use funnel::domain::Standing;

#[test]
fn competitor_columns_become_competition_entries_and_a_reimport_keeps_positions() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("Opportunity.csv");
    std::fs::write(
        &file,
        "Id,Name,Account Name,StageName,Amount,MainCompetitors__c\n\
         006A,ERP rollout,Acme,Prospecting,1000,\"SAP partner; 用友\"\n\
         006B,WMS,Acme,Prospecting,2000,\n",
    )
    .unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("competitors"), "{}", stdout(&out));
    let mut w = read_workspace(&ws);
    let erp = w
        .opportunities
        .iter_mut()
        .find(|o| o.title == "ERP rollout")
        .unwrap();
    let names: Vec<&str> = erp.competition.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["SAP partner", "用友"]);
    assert!(
        erp.competition
            .iter()
            .all(|c| c.position == Standing::Unknown)
    );
    // the seller sets where we stand, then the CRM is imported again with
    // one more competitor named
    erp.competition[0].position = Standing::Ahead;
    erp.competition[0].weaknesses = vec!["no local team".into()];
    std::fs::write(&ws, funnel::store::to_json_bytes(&w)).unwrap();
    std::fs::write(
        &file,
        "Id,Name,Account Name,StageName,Amount,MainCompetitors__c\n\
         006A,ERP rollout,Acme,Prospecting,1000,\"SAP partner, 用友, Oracle\"\n\
         006B,WMS,Acme,Prospecting,2000,\n",
    )
    .unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let erp = w
        .opportunities
        .iter()
        .find(|o| o.title == "ERP rollout")
        .unwrap();
    let names: Vec<&str> = erp.competition.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["SAP partner", "用友", "Oracle"]);
    assert_eq!(erp.competition[0].position, Standing::Ahead);
    assert_eq!(erp.competition[0].weaknesses, ["no local team"]);
    let ids: Vec<&str> = erp.competition.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);
    let wms = w.opportunities.iter().find(|o| o.title == "WMS").unwrap();
    assert!(wms.competition.is_empty());
    // the v1 list an older funnel reads carries the names
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let erp_raw = raw["opportunities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["title"] == "ERP rollout")
        .unwrap();
    assert_eq!(
        erp_raw["competitors"],
        serde_json::json!(["SAP partner", "用友", "Oracle"])
    );
}

#[test]
fn a_cell_with_semicolons_keeps_commas_inside_names() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("deals.csv");
    std::fs::write(
        &file,
        "Id,Name,Account Name,StageName,Amount,Competitor\n\
         1,ERP,Acme,Prospecting,1000,\"Acme, Inc.; SAP SE\"\n\
         2,WMS,Acme,Prospecting,1000,\"Oracle, Infor\"\n\
         3,CRM,Acme,Prospecting,1000,\"Globex, LLC, Initech, Inc.\"\n",
    )
    .unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let names = |title: &str| -> Vec<String> {
        let o = w.opportunities.iter().find(|o| o.title == title).unwrap();
        o.competition.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names("ERP"), ["Acme, Inc.", "SAP SE"]);
    assert_eq!(names("WMS"), ["Oracle", "Infor"]);
    // a legal form after a comma belongs to the name before it
    assert_eq!(names("CRM"), ["Globex, LLC", "Initech, Inc."]);
}
