//! A new deal typed on one line:
//! `ERP phase 2 @长城润滑油 1.2M drive close eoq #erp`.
//!
//! The line is read word by word (split at spaces); each word is one of
//! these pieces, in any order, and every word that is none of them is part
//! of the title, in the order typed:
//!
//! - `@ACCOUNT`: the account, by name (a name no account has creates it, as
//!   in the full form). The name runs from the `@` up to the next word that
//!   is a recognised piece, or to the end of the line, so `@Acme Foods 500k`
//!   is the account "Acme Foods" and `@中国 石化` is "中国 石化". Put the
//!   title before the account, or quote the name: `@"Acme Foods" ERP` (also
//!   `@“…”`). An existing account matched ignoring case keeps its spelling.
//! - an amount: anything [`parse_amount`] reads that carries a unit (`500k`,
//!   `1.2M`, `2万`, `1亿`), a currency sign (`¥80,000`, `80000元`) or
//!   thousands grouped with commas (`1,200,000`). A bare number (`phase 2`,
//!   `2027`) stays in the title.
//! - a stage: `qualify`, `drive`, `propose`, `negotiate`, `close` (any
//!   case) or their Chinese names (`确认商机`, `主导进程`, `方案论证`,
//!   `商务洽谈`, `销售成交`).
//! - the expected close: `close DATE` or `by DATE`, where DATE is one word
//!   [`parse_date`] reads (`eoq`, `fri`, `+2w`, `2027-01-15`, `下周五`).
//!   `close` followed by a word that tries to be a date and is not one
//!   (`2027-13-40`: a digit, `-` or `/`, and no other piece) is refused;
//!   followed by anything else it is the stage close. `by` followed by
//!   anything else is a title word (`Built by hand`).
//! - `#tag`, as many as wanted.
//! - a probability: `p50` or `50%` (0 to 100).
//!
//! A piece given twice is refused rather than one of them silently kept.
//! Title and account are required (as [`create_opportunity`] requires);
//! the value defaults to 0, the stage to qualify, the owner to the
//! settings' owner.
//!
//! [`create_opportunity`]: super::edit::create_opportunity

use super::edit::OpportunityFields;
use super::typed::{parse_amount, parse_date};
use super::{Date, Money, Percent, Stage, Workspace};
use crate::i18n::t;
use crate::tf;
use std::fmt;

/// What a quick-add line says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuickAdd {
    pub title: String,
    pub account: String,
    pub value: Option<Money>,
    pub stage: Option<Stage>,
    pub expected_close: Option<Date>,
    pub probability: Option<Percent>,
    pub tags: Vec<String>,
}

/// Why a line does not read: the word at fault (if one is) and what was
/// expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickAddError {
    pub token: Option<String>,
    pub expected: String,
}

impl fmt::Display for QuickAddError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.token {
            Some(token) => write!(f, "{token:?}{}{}", t(": "), self.expected),
            None => f.write_str(&self.expected),
        }
    }
}

impl std::error::Error for QuickAddError {}

fn refuse<T>(token: Option<&str>, expected: impl Into<String>) -> Result<T, QuickAddError> {
    Err(QuickAddError {
        token: token.map(str::to_owned),
        expected: expected.into(),
    })
}

/// A word of the line; `quoted` for `@"…"`, whose text is the name.
struct Word<'a> {
    text: &'a str,
    quoted: bool,
}

/// The words of `line`, `@"two words"` kept as one.
fn words(line: &str) -> Result<Vec<Word<'_>>, QuickAddError> {
    let mut out = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        let quote = ["@\"", "@“"].iter().find(|q| rest.starts_with(**q));
        if let Some(q) = quote {
            let after = &rest[q.len()..];
            let close = if *q == "@\"" { '"' } else { '”' };
            let Some(end) = after.find(close) else {
                return refuse(
                    Some(rest),
                    tf!("expected a closing {close} after the name", close),
                );
            };
            out.push(Word {
                text: &after[..end],
                quoted: true,
            });
            rest = after[end + close.len_utf8()..].trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push(Word {
            text: &rest[..end],
            quoted: false,
        });
        rest = rest[end..].trim_start();
    }
    Ok(out)
}

/// What a single word is, when it is a piece of its own.
#[derive(Debug, PartialEq)]
enum Piece {
    Amount(Money),
    Stage(Stage),
    Tag(String),
    Probability(Percent),
    /// `p150`: said when read, not taken as a title word.
    BadProbability,
    /// `close` or `by`: a date may follow.
    DateWord,
    Account,
}

/// An amount written as one (a unit, a currency sign or comma grouping).
fn amount(word: &str) -> Option<Money> {
    let marked = word.chars().any(|c| {
        matches!(
            c,
            'k' | 'K' | 'm' | 'M' | '万' | '亿' | '¥' | '￥' | '$' | '€' | '£' | '元'
        )
    }) || (word.contains(',') && word.starts_with(|c: char| c.is_ascii_digit()));
    let starts = word.starts_with(|c: char| c.is_ascii_digit() || "¥￥$€£".contains(c));
    (marked && starts)
        .then(|| parse_amount(word, false).ok())
        .flatten()
}

fn stage(word: &str) -> Option<Stage> {
    Stage::ALL
        .iter()
        .copied()
        .find(|s| s.as_str().eq_ignore_ascii_case(word) || s.chinese() == word)
}

fn probability(word: &str) -> Option<Result<Percent, ()>> {
    let digits = word
        .strip_prefix(['p', 'P'])
        .or_else(|| word.strip_suffix(['%', '％']))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    Some(digits.parse().ok().and_then(Percent::new).ok_or(()))
}

/// What word `i` of `words` is, when it is a piece of its own.
fn piece(words: &[Word], i: usize, today: Date) -> Option<Piece> {
    let word = &words[i];
    let w = word.text;
    if word.quoted || w.starts_with('@') {
        return Some(Piece::Account);
    }
    if let Some(tag) = w.strip_prefix('#') {
        return Some(Piece::Tag(tag.to_owned()));
    }
    if w.eq_ignore_ascii_case("close") {
        return Some(Piece::DateWord);
    }
    // `成交于 季末`: the Chinese for `by`, also a piece only before a date
    if w.eq_ignore_ascii_case("by") || w == "成交于" {
        let date = words
            .get(i + 1)
            .is_some_and(|n| !n.quoted && parse_date(n.text, today).is_ok());
        return date.then_some(Piece::DateWord);
    }
    if let Some(s) = stage(w) {
        return Some(Piece::Stage(s));
    }
    if let Some(m) = amount(w) {
        return Some(Piece::Amount(m));
    }
    probability(w).map(|p| p.map_or(Piece::BadProbability, Piece::Probability))
}

/// Whether word `i`, after `close`, was meant as a date that does not read
/// (`2027-13-40`, `15/13`): it has a digit, `-` or `/` and is no piece of
/// its own (`close 500k` is the stage and an amount). Taking it as a title
/// word would create a deal in stage close with no close date, unnoticed.
fn tried_date(words: &[Word], i: usize, today: Date) -> bool {
    let w = words[i].text;
    w.chars()
        .any(|c| c.is_ascii_digit() || c == '-' || c == '/')
        && piece(words, i, today).is_none()
}

/// Sets `slot` once; a second value is refused, naming the first.
fn once<T: fmt::Debug>(
    slot: &mut Option<T>,
    value: T,
    word: &str,
    what: &str,
    shown: impl Fn(&T) -> String,
) -> Result<(), QuickAddError> {
    if let Some(first) = slot {
        return refuse(
            Some(word),
            tf!(
                "a second {what}; {first} was given already",
                what = t(what),
                first = shown(first)
            ),
        );
    }
    *slot = Some(value);
    Ok(())
}

/// Reads a quick-add line (see the module's comment), dates relative to
/// `today`.
pub fn parse(line: &str, today: Date) -> Result<QuickAdd, QuickAddError> {
    let mut out = QuickAdd::default();
    read(line, today, &mut out)?;
    Ok(out)
}

/// What [`parse`] read before its first problem (everything but the word
/// at fault and those after it), and the problem: what the full form is
/// filled with when the line does not read yet.
pub fn parse_partial(line: &str, today: Date) -> (QuickAdd, Option<QuickAddError>) {
    let mut out = QuickAdd::default();
    let problem = read(line, today, &mut out).err();
    (out, problem)
}

fn read(line: &str, today: Date, out: &mut QuickAdd) -> Result<(), QuickAddError> {
    let words = words(line)?;
    let mut account: Option<String> = None;
    let mut title: Vec<&str> = Vec::new();
    let result = pieces(&words, today, out, &mut account, &mut title);
    out.title = title.join(" ");
    out.account = account.unwrap_or_default();
    result?;
    if out.title.is_empty() {
        return refuse(
            None,
            t("a deal needs a title: type it, then @account, amount, stage…"),
        );
    }
    if out.account.is_empty() {
        return refuse(
            None,
            t("a deal needs an account: add @name (@\"two words\" or @Acme Foods at the end)"),
        );
    }
    Ok(())
}

/// Reads `words` into `out`, the account and the title words.
fn pieces<'a>(
    words: &[Word<'a>],
    today: Date,
    out: &mut QuickAdd,
    account: &mut Option<String>,
    title: &mut Vec<&'a str>,
) -> Result<(), QuickAddError> {
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let w = word.text;
        let what = piece(words, i, today);
        i += 1;
        match what {
            None => title.push(w),
            Some(Piece::Account) => {
                let mut name = if word.quoted {
                    w.trim().to_owned()
                } else {
                    w[1..].to_owned()
                };
                if !word.quoted {
                    while i < words.len() && piece(words, i, today).is_none() {
                        name.push(' ');
                        name.push_str(words[i].text);
                        i += 1;
                    }
                }
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return refuse(Some(w), t("expected an account name after @"));
                }
                once(account, name, w, "account", |a| format!("@{a}"))?;
            }
            Some(Piece::Tag(tag)) => {
                if tag.is_empty() {
                    return refuse(Some(w), t("expected a tag name after #"));
                }
                if !out.tags.contains(&tag) {
                    out.tags.push(tag);
                }
            }
            Some(Piece::Amount(m)) => {
                once(&mut out.value, m, w, "amount", |m| m.grouped())?;
            }
            Some(Piece::Stage(s)) => {
                once(&mut out.stage, s, w, "stage", |s| s.label())?;
            }
            Some(Piece::BadProbability) => {
                return refuse(Some(w), t("expected a probability from 0 to 100"));
            }
            Some(Piece::Probability(p)) => {
                once(&mut out.probability, p, w, "probability", |p| {
                    format!("{}%", p.0)
                })?;
            }
            Some(Piece::DateWord) => {
                let next = words.get(i).filter(|n| !n.quoted).map(|n| n.text);
                match next.map(|n| parse_date(n, today)) {
                    Some(Ok(d)) => {
                        i += 1;
                        let shown = format!("{w} {}", next.unwrap_or(""));
                        once(&mut out.expected_close, d, &shown, "close date", |d| {
                            d.to_string()
                        })?;
                    }
                    Some(Err(_))
                        if w.eq_ignore_ascii_case("close") && tried_date(words, i, today) =>
                    {
                        return refuse(
                            next,
                            t("is not a date: a close date looks like 2027-01-15, +2w, fri or eoq"),
                        );
                    }
                    _ if w.eq_ignore_ascii_case("close") => {
                        once(&mut out.stage, Stage::Close, w, "stage", |s| s.label())?;
                    }
                    // `by` is a piece only before a date
                    _ => title.push(w),
                }
            }
        }
    }
    Ok(())
}

impl QuickAdd {
    /// The account's name as the workspace spells it, when one matches
    /// (ignoring case); `None` when the deal would create the account.
    pub fn existing_account<'w>(&self, ws: &'w Workspace) -> Option<&'w str> {
        let name = self.account.trim();
        ws.accounts
            .iter()
            .find(|a| a.name == name)
            .or_else(|| {
                let lower = name.to_lowercase();
                ws.accounts.iter().find(|a| a.name.to_lowercase() == lower)
            })
            .map(|a| a.name.as_str())
    }

    /// The fields of the new opportunity (or of the full form pre-filled).
    pub fn fields(&self, ws: &Workspace) -> OpportunityFields {
        OpportunityFields {
            title: self.title.clone(),
            account_name: self
                .existing_account(ws)
                .map_or_else(|| self.account.clone(), str::to_owned),
            value: self.value.unwrap_or_default(),
            stage: self.stage.unwrap_or_default(),
            expected_close: self.expected_close,
            probability: self.probability,
            owner: ws.settings.owner.clone(),
            product: String::new(),
            tags: self.tags.clone(),
            objective: String::new(),
            forecast_category: None,
            created: None,
        }
    }
}

#[cfg(test)]
#[path = "quick_add_tests.rs"]
mod tests;
