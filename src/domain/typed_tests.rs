use super::*;

fn amount(s: &str) -> Result<Money, String> {
    parse_amount(s, false)
}

fn cents(c: i64) -> Result<Money, String> {
    Ok(Money(c))
}

#[test]
fn amounts_take_the_units_the_screens_show() {
    assert_eq!(amount("500k"), cents(50_000_000));
    assert_eq!(amount("85K"), cents(8_500_000));
    assert_eq!(amount("1.2M"), cents(120_000_000));
    assert_eq!(amount("1.2m"), cents(120_000_000));
    assert_eq!(
        amount("1.250k"),
        cents(125_000),
        "with a unit the mark is decimal"
    );
    assert_eq!(amount("2万"), cents(2_000_000));
    assert_eq!(amount("1.5亿"), cents(15_000_000_000));
    assert_eq!(amount(" 300 k "), cents(30_000_000));
    assert_eq!(amount("1.23456M"), cents(123_456_000));
}

#[test]
fn amounts_take_any_thousands_separator() {
    assert_eq!(amount("1,200,000"), cents(120_000_000));
    assert_eq!(amount("1.200.000,50"), cents(120_000_050));
    assert_eq!(amount("1,200,000.50"), cents(120_000_050));
    assert_eq!(amount("1 200 000"), cents(120_000_000));
    assert_eq!(amount("1'200'000"), cents(120_000_000));
    assert_eq!(amount("12500.5"), cents(1_250_050));
    assert_eq!(amount("¥1,200"), cents(120_000));
    assert_eq!(amount("￥1200元"), cents(120_000));
    assert_eq!(amount("$ 95"), cents(9_500));
    assert_eq!(amount(".05"), cents(5));
    assert_eq!(amount("0"), cents(0));
    assert_eq!(
        amount("５００Ｋ"),
        cents(50_000_000),
        "full-width, as an IME types"
    );
}

#[test]
fn one_separator_before_three_digits_groups_thousands_else_it_is_decimal() {
    assert_eq!(amount("1,200"), cents(120_000));
    assert_eq!(amount("1.200"), cents(120_000));
    assert_eq!(amount("1,5"), cents(150));
    assert_eq!(amount("1,50"), cents(150));
    assert_eq!(
        amount("0.500"),
        cents(50),
        "a zero in front is never a group"
    );
    assert_eq!(
        amount("1.2345"),
        Err("\"1.2345\" has a fraction of a cent, expected at most two decimals".into())
    );
}

#[test]
fn amounts_that_do_not_read_are_refused_with_the_forms_that_do() {
    for bad in [
        "1.2.3", "abc", "", "k", "1,20,000", "12kk", "1e5", "1..2", "1,2.3,4", "--5", "5-",
    ] {
        let e = amount(bad).unwrap_err();
        assert!(e.contains("500k"), "{bad:?}: {e}");
    }
    assert!(amount("-5").unwrap_err().contains("negative"));
    assert!(amount("-5k").unwrap_err().contains("negative"));
    assert_eq!(parse_amount("-5k", true), cents(-500_000));
    assert_eq!(parse_amount("¥-5", true), cents(-500));
    assert!(amount("0.001").unwrap_err().contains("fraction of a cent"));
    assert!(
        amount("99999999999999999999")
            .unwrap_err()
            .contains("too large")
    );
    assert!(amount("100001亿").unwrap_err().contains("too large"));
    assert_eq!(amount("10000000000000"), cents(MONEY_MAX_CENTS));
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A Monday.
fn monday() -> Date {
    d("2026-11-30")
}

fn date(s: &str, today: Date) -> Date {
    parse_date(s, today).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[test]
fn dates_take_the_calendar_with_or_without_leading_zeros() {
    let t = monday();
    assert_eq!(date("2027-01-05", t), d("2027-01-05"));
    assert_eq!(date("2027-1-5", t), d("2027-01-05"));
    assert_eq!(date("2027/1/15", t), d("2027-01-15"));
    assert_eq!(date("2027年1月5日", t), d("2027-01-05"));
    assert_eq!(date(" 2028-2-29 ", t), d("2028-02-29"));
    for bad in ["2027-02-29", "2027-13-01", "2027-1-32"] {
        assert!(
            parse_date(bad, t).unwrap_err().contains("not a day"),
            "{bad}"
        );
    }
    for bad in [
        "27-1-5",
        "2027-1",
        "2027-001-05",
        "x",
        "",
        "+",
        "+3x",
        "next",
        "mo",
        "2027-1-5-1",
    ] {
        assert!(parse_date(bad, t).is_err(), "{bad}");
    }
}

#[test]
fn words_and_offsets_count_from_the_workbench_today() {
    let t = monday();
    assert_eq!(date("today", t), t);
    assert_eq!(date("Tomorrow", t), d("2026-12-01"));
    assert_eq!(date("yesterday", t), d("2026-11-29"));
    assert_eq!(date("+3", t), d("2026-12-03"));
    assert_eq!(date("+3d", t), d("2026-12-03"));
    assert_eq!(date("+30", t), d("2026-12-30"));
    assert_eq!(date("-2d", t), d("2026-11-28"));
    assert_eq!(date("+2w", t), d("2026-12-14"));
    assert_eq!(date("+1m", t), d("2026-12-30"));
    assert_eq!(date("+1y", t), d("2027-11-30"));
    assert_eq!(date("＋３", t), d("2026-12-03"));
    assert_eq!(date("今天", t), t);
    assert_eq!(date("明天", t), d("2026-12-01"));
}

#[test]
fn a_month_on_from_a_long_month_lands_on_the_last_day() {
    assert_eq!(date("+1m", d("2027-01-31")), d("2027-02-28"));
    assert_eq!(date("+1m", d("2028-01-31")), d("2028-02-29"), "leap year");
    assert_eq!(date("-1m", d("2027-03-31")), d("2027-02-28"));
    assert_eq!(date("+1y", d("2028-02-29")), d("2029-02-28"));
}

#[test]
fn a_weekday_is_the_next_one_never_today() {
    let t = monday();
    assert_eq!(date("fri", t), d("2026-12-04"));
    assert_eq!(date("friday", t), d("2026-12-04"));
    assert_eq!(date("Thurs", t), d("2026-12-03"));
    assert_eq!(date("tue", t), d("2026-12-01"));
    assert_eq!(date("sun", t), d("2026-12-06"));
    assert_eq!(
        date("mon", t),
        d("2026-12-07"),
        "today is a Monday: next week's"
    );
    assert_eq!(date("周五", t), d("2026-12-04"));
    assert_eq!(date("星期一", t), d("2026-12-07"));
    assert_eq!(date("周日", t), d("2026-12-06"));
    let friday = d("2026-12-04");
    assert_eq!(date("fri", friday), d("2026-12-11"));
    assert_eq!(date("下周五", t), d("2026-12-11"), "Friday of next week");
    assert_eq!(
        date("下周一", d("2026-12-06")),
        d("2026-12-07"),
        "from a Sunday"
    );
}

#[test]
fn a_past_weekday_is_the_last_one_never_today() {
    let t = monday();
    assert_eq!(parse_past_date("fri", t), Ok(d("2026-11-27")));
    assert_eq!(parse_past_date("mon", t), Ok(d("2026-11-23")));
    assert_eq!(parse_past_date("周日", t), Ok(d("2026-11-29")));
    assert_eq!(parse_past_date("yesterday", t), Ok(d("2026-11-29")));
    assert_eq!(
        parse_past_date("下周五", t),
        Ok(d("2026-12-11")),
        "still next week's"
    );
    assert_eq!(parse_past_date("2026-11-2", t), Ok(d("2026-11-02")));
}

#[test]
fn ends_of_week_month_quarter_and_year() {
    let t = monday();
    assert_eq!(date("eow", t), d("2026-12-04"));
    assert_eq!(
        date("eow", d("2026-12-04")),
        d("2026-12-04"),
        "a Friday: today"
    );
    assert_eq!(
        date("eow", d("2026-12-05")),
        d("2026-12-11"),
        "a Saturday: next week's"
    );
    assert_eq!(date("eom", t), d("2026-11-30"), "the last day is today");
    assert_eq!(date("eom", d("2028-02-03")), d("2028-02-29"));
    assert_eq!(date("eom", d("2027-02-03")), d("2027-02-28"));
    assert_eq!(date("eom", d("2026-12-15")), d("2026-12-31"));
    assert_eq!(date("eoq", t), d("2026-12-31"));
    assert_eq!(date("eoq", d("2027-01-01")), d("2027-03-31"));
    assert_eq!(date("eoq", d("2027-05-10")), d("2027-06-30"));
    assert_eq!(date("eoq", d("2027-09-30")), d("2027-09-30"));
    assert_eq!(date("EOY", t), d("2026-12-31"));
    assert_eq!(date("月底", t), d("2026-11-30"));
}

#[test]
fn a_date_is_shown_back_with_its_weekday() {
    assert_eq!(describe(d("2026-12-31")), "2026-12-31 (Thu)");
    assert_eq!(describe(monday()), "2026-11-30 (Mon)");
}

#[test]
fn refusals_name_the_forms_that_work() {
    let e = parse_date("someday", monday()).unwrap_err();
    assert!(
        e.contains("eoq") && e.contains("+2w") && e.contains("someday"),
        "{e}"
    );
}

/// A form opens on `Money::grouped`; untouched, it must read back the same.
#[test]
fn every_amount_the_forms_show_reads_back_as_itself() {
    for c in [
        0,
        5,
        50,
        120_000,
        120_050,
        123_456_789,
        100_000_000_001,
        MONEY_MAX_CENTS,
    ] {
        let m = Money(c);
        assert_eq!(amount(&m.grouped()), Ok(m), "{}", m.grouped());
        assert_eq!(amount(&m.plain()), Ok(m), "{}", m.plain());
    }
}

#[test]
fn in_chinese_refusals_and_weekdays_read_in_chinese() {
    let zh = crate::i18n::Locale {
        lang: crate::i18n::Lang::Zh,
        numbers: crate::i18n::Numbers::Chinese,
    };
    crate::i18n::with(zh, || {
        assert_eq!(describe(monday()), "2026-11-30（周一）");
        let e = parse_date("2027-02-30", monday()).unwrap_err();
        assert_eq!(e, "\"2027-02-30\" 不是日历上的日子");
        let e = amount("12x").unwrap_err();
        assert!(e.starts_with("\"12x\" 不是金额：应为金额，例如 2万"), "{e}");
    });
}
