//! The pieces of the Markdown documents `funnel sheet` and `funnel plan`
//! print: a heading, a table, an amount with its currency, a date or a dash.
//! User text is escaped by the caller ([`super::report::md`]).

use super::report::md;
use crate::domain::{Date, Money};

/// A heading line with a blank line before and after it.
pub(super) fn heading(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
    out.push_str("\n\n");
}

/// A Markdown table: `header` is the heading row as written (`| A | B |`,
/// translated whole), `rows` its cells, already escaped.
pub(super) fn table(out: &mut String, header: &str, rows: &[Vec<String>]) {
    let columns = header.matches('|').count().saturating_sub(1);
    out.push_str(header);
    out.push('\n');
    out.push('|');
    out.push_str(&"---|".repeat(columns));
    out.push('\n');
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

/// `1,200,000 CNY`, or the amount alone without a currency.
pub(super) fn money(m: Money, currency: &str) -> String {
    match currency.trim() {
        "" => m.grouped(),
        cur => format!("{} {}", m.grouped(), md(cur)), // i18n-exempt: an amount and its currency
    }
}

pub(super) fn date_or_dash(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string()) // i18n-exempt: a dash for no date
}
