//! Exports of HubSpot, Zoho, Bitrix24 and a Chinese CRM are read without
//! `--map`; status and loss-reason columns set the outcome. Counts and sums
//! are computed from the rows each test writes.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use crate::import_merge::import;
use funnel::domain::{Money, OutcomeResult, Status, Workspace};

/// (place, count, value) per place, from the workspace.
fn tally(ws: &Workspace) -> Vec<(String, usize, Money)> {
    let mut t: Vec<(String, usize, Money)> = Vec::new();
    for o in &ws.opportunities {
        let key = match o.status() {
            Status::Open => o.stage.as_str().to_owned(),
            s => s.as_str().to_owned(),
        };
        match t.iter_mut().find(|e| e.0 == key) {
            Some(e) => {
                e.1 += 1;
                e.2 += o.value;
            }
            None => t.push((key, 1, o.value)),
        }
    }
    t.sort();
    t
}

/// Writes `header` and `rows` (cells, the place funnel should give, cents)
/// and checks the import puts each row where expected, without options.
fn check(header: &str, rows: &[(&str, &str, i64)], extra: &[&str]) -> (Workspace, String) {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("export.csv");
    let mut text = format!("{header}\n");
    for (cells, _, _) in rows {
        text += &format!("{cells}\n");
    }
    std::fs::write(&file, text).unwrap();
    let out = import(&sb, &ws, &file, extra);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    let mut expected: Vec<(String, usize, Money)> = Vec::new();
    for (_, place, cents) in rows {
        match expected.iter_mut().find(|e| e.0 == *place) {
            Some(e) => {
                e.1 += 1;
                e.2 += Money(*cents);
            }
            None => expected.push((place.to_string(), 1, Money(*cents))),
        }
    }
    expected.sort();
    assert_eq!(tally(&w), expected);
    (w, stdout(&out))
}

#[test]
fn a_hubspot_export() {
    let (w, out) = check(
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company,Create Date",
        &[
            (
                "11,Alpha,Decision Maker Bought-In,1200.50,2026-12-01,Ann,Acme,2026-10-01",
                "drive",
                120050,
            ),
            (
                "12,Beta,Appointment Scheduled,300,2026-12-02,Bo,Beta Co,2026-10-02",
                "qualify",
                30000,
            ),
            (
                "13,Gamma,Closed Won,999,2026-11-02,Bo,Beta Co,2026-09-02",
                "won",
                99900,
            ),
        ],
        &[],
    );
    assert!(out.contains("source: hubspot"), "{out}");
    assert!(out.contains("value ← \"Amount\""), "{out}");
    assert!(!out.contains("warning"), "{out}");
    assert_eq!(w.opportunities[0].owner, "Ann");
}

#[test]
fn a_zoho_export() {
    let (w, out) = check(
        "Potential Name,Potential Customer,Potential Owner,Stage,Est. revenue,Closing Date,Created On,Loss Reason",
        &[
            (
                "Deal 1,Acme,Ann,Qualification,\"1,000\",2026-12-01,2026-10-01,",
                "qualify",
                100000,
            ),
            (
                "Deal 2,Acme,Ann,Closed Lost,500,2026-11-01,2026-10-01,Price",
                "lost",
                50000,
            ),
            (
                "Deal 3,Beta,Bo,Negotiation/Review,250,2026-12-03,2026-10-01,",
                "negotiate",
                25000,
            ),
        ],
        &[],
    );
    assert!(out.contains("source: zoho"), "{out}");
    let lost = w
        .opportunities
        .iter()
        .find(|o| o.title == "Deal 2")
        .unwrap();
    assert_eq!(lost.outcome.as_ref().unwrap().reason, "Price");
    assert_eq!(lost.outcome.as_ref().unwrap().on.to_string(), "2026-11-01");
}

#[test]
fn a_bitrix24_export() {
    let (w, out) = check(
        "ID,TITLE,STAGE_ID,OPPORTUNITY,CURRENCY_ID,ASSIGNED_BY_ID,DATE_CREATE,CLOSEDATE,CLOSED",
        &[
            (
                "1,Pumps,NEW,1500,RUB,7,2026-10-01,2026-12-01,N",
                "qualify",
                150000,
            ),
            (
                "2,Valves,PREPAYMENT_INVOICE,700,RUB,7,2026-10-01,2026-12-01,N",
                "propose",
                70000,
            ),
            (
                "3,Hoses,C1:WON,300,RUB,8,2026-09-01,2026-11-01,Y",
                "won",
                30000,
            ),
            (
                "4,Seals,LOSE,90,RUB,8,2026-09-01,2026-11-01,Y",
                "lost",
                9000,
            ),
        ],
        &[],
    );
    assert!(out.contains("source: bitrix24"), "{out}");
    assert_eq!(w.settings.currency, "RUB");
    assert_eq!(w.opportunities[0].owner, "7");
}

#[test]
fn a_chinese_export() {
    let (w, out) = check(
        "商机名称,客户名称,金额,预计成交日期,阶段,负责人",
        &[
            (
                "华东项目,甲公司,120000,2026-12-31,Qualification,李伟",
                "qualify",
                12000000,
            ),
            (
                "华南项目,乙公司,80000,2027-01-15,Proposal,王芳",
                "propose",
                8000000,
            ),
        ],
        &[],
    );
    assert!(out.contains("title ← \"商机名称\""), "{out}");
    assert!(out.contains("warning: no column for id, created"), "{out}");
    assert_eq!(w.opportunities[1].owner, "王芳");
    assert_eq!(
        w.opportunities[0].expected_close.unwrap().to_string(),
        "2026-12-31"
    );
}

#[test]
fn status_columns_set_the_outcome_and_closed_deals_are_dated_by_what_the_row_has() {
    // Salesforce: IsClosed/IsWon say how the deal ended even when the stage
    // is a custom one; a closed deal with no close date takes its last
    // modification; with no date at all it is dated today, with a warning
    let (w, out) = check(
        "Id,Name,StageName,Amount,IsClosed,IsWon,CloseDate,LastModifiedDate,Closed Lost Reason",
        &[
            ("1,a,Prospecting,10,,,2026-12-01,,", "qualify", 1000),
            ("2,b,Contract Signed,20,1,1,2026-11-01,,", "won", 2000),
            ("3,c,Gone Quiet,30,1,0,,2026-10-15,No budget", "lost", 3000),
            ("4,d,Gone Quiet,40,1,,,,Competitor", "lost", 4000),
        ],
        &[
            "--stage-map",
            "Contract Signed=close",
            "--stage-map",
            "Gone Quiet=negotiate",
        ],
    );
    let o = |id: &str| {
        w.opportunities
            .iter()
            .find(|o| o.extra["source_id"] == id)
            .unwrap()
    };
    let lost = o("3").outcome.clone().unwrap();
    assert_eq!(
        (lost.result, lost.reason.as_str(), lost.on.to_string()),
        (OutcomeResult::Lost, "No budget", "2026-10-15".into())
    );
    assert_eq!(
        o("4").outcome.as_ref().unwrap().on.to_string(),
        "2026-11-23"
    );
    assert!(
        out.contains("1 closed deals have no close date: closed on their last modification"),
        "{out}"
    );
    assert!(
        out.contains("1 closed deals have no close date nor modification date: closed today"),
        "{out}"
    );
    // Dynamics: Status Reason
    check(
        "Topic,Potential Customer,Sales Stage,Est. revenue,Status Reason",
        &[
            ("x,Acme,Develop,5,Out-Sold", "lost", 500),
            ("y,Acme,Develop,6,Won", "won", 600),
            ("z,Acme,Develop,7,In Progress", "drive", 700),
            ("v,Acme,Develop,8,Canceled", "abandoned", 800),
        ],
        &["--stage-map", "Develop=drive"],
    );
}

#[test]
fn a_closed_deal_that_is_neither_won_nor_lost_is_refused() {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path("in.csv");
    std::fs::write(&file, "ID,TITLE,STAGE_ID,OPPORTUNITY,CLOSED\n1,a,NEW,1,Y\n").unwrap();
    let out = import(&sb, &ws, &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("in.csv:2: closed, but the stage"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.exists());
}
