//! Amounts in several currencies: a workspace holds one, so rows in another
//! are converted at a rate the user gives (`--rate RUB=0.011`), or the
//! import stops naming the currencies found; a guess would be a wrong total
//! shown with confidence.

use super::read::Row;
use crate::domain::Money;
use std::collections::BTreeMap;

/// The file's currency when every row that names one names the same.
pub fn single(rows: &[Row]) -> Option<String> {
    let mut found = rows.iter().map(|r| &r.currency).filter(|c| !c.is_empty());
    let first = found.next()?;
    found.all(|c| c == first).then(|| first.clone())
}

/// The currency most rows name, the first of them on a tie: the one to
/// offer as a new workspace's when the file has several.
pub fn most(rows: &[Row]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in rows.iter().filter(|r| !r.currency.is_empty()) {
        match counts.iter_mut().find(|(c, _)| *c == r.currency) {
            Some(e) => e.1 += 1,
            None => counts.push((&r.currency, 1)),
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .iter()
        .find(|(_, n)| *n == most)
        .map(|(c, _)| c.to_string())
}

/// Converts the rows in another currency than `to` at `rates` (1 unit of
/// the key is worth the value in `to`). Rows naming no currency are in `to`.
/// Fails, changing nothing, when a currency has no rate.
pub fn convert(rows: &mut [Row], to: &str, rates: &[(String, f64)]) -> Result<(), String> {
    let rate = |c: &str| {
        rates
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(c))
            .map(|r| r.1)
    };
    let mut unknown: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for r in rows.iter() {
        if !r.currency.is_empty()
            && !r.currency.eq_ignore_ascii_case(to)
            && rate(&r.currency).is_none()
        {
            unknown.entry(r.currency.as_str()).or_insert((0, r.line)).0 += 1;
        }
    }
    if !unknown.is_empty() {
        let found: Vec<String> = unknown
            .iter()
            .map(|(c, (n, line))| crate::tf!("{c} ({n} rows, first on line {line})", c, n, line))
            .collect();
        let first = unknown.keys().next().copied().unwrap_or("XXX");
        return Err(crate::tf!(
            "rows in {found} but the workspace is in {to}; give a rate for each with --rate {first}=N (1 {first} = N {to})",
            found = found.join(crate::i18n::t(", ")),
            to,
            first
        ));
    }
    for r in rows.iter_mut() {
        if r.currency.is_empty() || r.currency.eq_ignore_ascii_case(to) {
            continue;
        }
        if let Some(k) = rate(&r.currency) {
            r.value = Money((r.value.cents() as f64 * k).round() as i64);
            r.currency = to.to_owned();
        }
    }
    Ok(())
}
