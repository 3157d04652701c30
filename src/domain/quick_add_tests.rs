use super::*;
use crate::domain::Account;

fn today() -> Date {
    // a Monday
    Date::parse("2026-11-23").unwrap()
}

fn read(line: &str) -> QuickAdd {
    parse(line, today()).unwrap_or_else(|e| panic!("{line}: {e}"))
}

fn problem(line: &str) -> QuickAddError {
    parse(line, today()).expect_err(line)
}

fn d(s: &str) -> Option<Date> {
    Date::parse(s)
}

#[test]
fn the_issue_example_reads_every_piece() {
    let q = read("ERP phase 2 @长城润滑油 1.2M drive close eoq");
    assert_eq!(
        q,
        QuickAdd {
            title: "ERP phase 2".into(),
            account: "长城润滑油".into(),
            value: Some(Money::from_units(1_200_000)),
            stage: Some(Stage::Drive),
            expected_close: d("2026-12-31"),
            probability: None,
            tags: vec![],
        }
    );
}

#[test]
fn an_account_runs_until_the_next_piece() {
    let q = read("Oil supply @Acme Foods 500k");
    assert_eq!(q.account, "Acme Foods");
    assert_eq!(q.title, "Oil supply");
    let q = read("润滑油年度框架 @中国 石化 2万 商务洽谈");
    assert_eq!(q.account, "中国 石化");
    assert_eq!(q.value, Some(Money::from_units(20_000)));
    assert_eq!(q.stage, Some(Stage::Negotiate));
    let q = read("Fleet @Acme Foods");
    assert_eq!(q.account, "Acme Foods", "to the end of the line");
}

#[test]
fn a_quoted_account_lets_the_title_follow() {
    let q = read("@\"Acme Foods\" ERP rollout 500k");
    assert_eq!(q.account, "Acme Foods");
    assert_eq!(q.title, "ERP rollout");
    let q = read("@“长城 润滑油” 年度 框架");
    assert_eq!(q.account, "长城 润滑油");
    assert_eq!(q.title, "年度 框架");
    assert_eq!(
        problem("x @\"Acme").expected,
        "expected a closing \" after the name"
    );
}

#[test]
fn pieces_come_in_any_order() {
    let a = read("by fri propose 500k ERP @Acme #erp p40");
    let b = read("ERP p40 #erp 500k @Acme by fri propose");
    assert_eq!(a, b);
    assert_eq!(a.title, "ERP");
    assert_eq!(a.stage, Some(Stage::Propose));
    assert_eq!(a.expected_close, d("2026-11-27"));
    assert_eq!(a.probability, Some(Percent(40)));
    assert_eq!(a.tags, ["erp"]);
}

#[test]
fn tags_repeat_and_probability_takes_a_percent_sign() {
    let q = read("Pumps @Acme #oil #renewal #oil 60%");
    assert_eq!(q.tags, ["oil", "renewal"]);
    assert_eq!(q.probability, Some(Percent(60)));
}

#[test]
fn close_is_the_stage_unless_a_date_follows() {
    let q = read("Pumps @Acme close");
    assert_eq!(q.stage, Some(Stage::Close));
    assert_eq!(q.expected_close, None);
    let q = read("Pumps close 2027-01-15 @Acme");
    assert_eq!(q.stage, None);
    assert_eq!(q.expected_close, d("2027-01-15"));
    let q = read("Pumps close close +2w @Acme");
    assert_eq!(q.stage, Some(Stage::Close));
    assert_eq!(q.expected_close, d("2026-12-07"));
    let q = read("Pumps @Acme 销售成交 close 下周五");
    assert_eq!(q.stage, Some(Stage::Close));
    assert_eq!(q.expected_close, d("2026-12-04"));
}

#[test]
fn by_before_anything_but_a_date_is_a_title_word() {
    let q = read("Built by hand @Acme by eom");
    assert_eq!(q.title, "Built by hand");
    assert_eq!(q.expected_close, d("2026-11-30"));
    let q = read("Pumps @Acme Foods by someday");
    assert_eq!(q.account, "Acme Foods by someday", "the preview shows it");
    assert_eq!(read("Pumps by @Acme").title, "Pumps by");
}

#[test]
fn bare_numbers_stay_in_the_title() {
    let q = read("Phase 2 of 2027 @Acme 1,200,000");
    assert_eq!(q.title, "Phase 2 of 2027");
    assert_eq!(q.value, Some(Money::from_units(1_200_000)));
    let q = read("Spares ¥80,000 @Acme");
    assert_eq!(q.value, Some(Money::from_units(80_000)));
}

#[test]
fn a_missing_account_or_title_is_said() {
    let e = problem("ERP phase 2 1.2M drive");
    assert_eq!(e.token, None);
    assert!(e.expected.contains("needs an account"), "{e}");
    let e = problem("@Acme 500k");
    assert!(e.expected.contains("needs a title"), "{e}");
    assert!(problem("").expected.contains("needs a title"));
}

#[test]
fn errors_name_the_word_and_what_was_expected() {
    let e = problem("ERP @ 500k");
    assert_eq!(e.to_string(), "\"@\": expected an account name after @");
    assert_eq!(
        read("ERP @ Acme").account,
        "Acme",
        "the name may follow a space"
    );
    let e = problem("ERP @Acme 500k 1.2M");
    assert_eq!(
        e.to_string(),
        "\"1.2M\": a second amount; 500,000 was given already"
    );
    let e = problem("ERP @Acme drive propose");
    assert_eq!(e.token.as_deref(), Some("propose"));
    let e = problem("ERP @Acme @Beta");
    assert_eq!(e.token.as_deref(), Some("@Beta"));
    let e = problem("ERP @Acme p150");
    assert_eq!(
        e.to_string(),
        "\"p150\": expected a probability from 0 to 100"
    );
    let e = problem("ERP @Acme #");
    assert_eq!(e.token.as_deref(), Some("#"));
}

#[test]
fn an_existing_account_keeps_its_spelling() {
    let mut ws = Workspace::new("Li Wei", "CNY");
    ws.accounts.push(Account {
        id: "a1".into(),
        name: "Acme Foods".into(),
        ..Account::default()
    });
    let q = read("ERP @acme foods");
    assert_eq!(q.existing_account(&ws), Some("Acme Foods"));
    let f = q.fields(&ws);
    assert_eq!(f.account_name, "Acme Foods");
    assert_eq!(f.owner, "Li Wei");
    assert_eq!(f.stage, Stage::Qualify);
    assert_eq!(f.value, Money::ZERO);
    assert_eq!(read("ERP @Acme").existing_account(&ws), None);
}

#[test]
fn a_close_date_that_does_not_read_is_refused_naming_the_word() {
    for (line, word) in [
        ("deal @Acme Foods close 2027-13-40", "2027-13-40"),
        ("deal close 31/02 @Acme", "31/02"),
    ] {
        let e = problem(line);
        assert_eq!(e.token.as_deref(), Some(word), "{line}");
        assert_eq!(
            e.to_string(),
            format!(
                "\"{word}\": is not a date: a close date looks like 2027-01-15, +2w, fri or eoq"
            )
        );
    }
    // still the stage close when no date was tried
    let q = read("deal @Acme close 500k");
    assert_eq!(q.stage, Some(Stage::Close));
    assert!(q.value.is_some(), "500k is the amount");
    let q = read("deal close @Acme");
    assert_eq!(q.stage, Some(Stage::Close));
    assert_eq!(q.expected_close, None);
    assert!(read("deal @Acme close fri").expected_close.is_some());
}

#[test]
fn the_chinese_example_reads_every_piece() {
    // what the Chinese workbench shows as its example
    let q = read("ERP 二期 @长城润滑油 120万 主导进程 成交于 季末 #erp p50");
    assert_eq!(
        q,
        QuickAdd {
            title: "ERP 二期".into(),
            account: "长城润滑油".into(),
            value: Some(Money::from_units(1_200_000)),
            stage: Some(Stage::Drive),
            expected_close: d("2026-12-31"),
            probability: Some(crate::domain::Percent(50)),
            tags: vec!["erp".into()],
        }
    );
    // without a date after it, 成交于 is a word of the title
    assert_eq!(read("成交于 准备 @甲").title, "成交于 准备");
}
