//! What the pipeline's filter searches in.

use crate::domain::Opportunity;
use std::collections::HashMap;

/// The lower-cased text the filter searches in: title, account name, owner,
/// product, id, tags and the deal's people: their names, titles, emails
/// and phones (`/陈建国` or his email finds the deals he is a buying
/// influence in), kept apart by a character nobody types.
pub fn haystack(account_names: &HashMap<&str, &str>, o: &Opportunity) -> String {
    let account = account_names.get(o.account.as_str()).copied().unwrap_or("");
    let mut text = [
        o.title.as_str(),
        account,
        o.owner.as_str(),
        o.product.as_str(),
        o.id.as_str(),
    ]
    .join("\u{1}");
    let people = o
        .influences
        .iter()
        .flat_map(|p| [&p.name, &p.title, &p.email, &p.phone]);
    for word in o.tags.iter().chain(people) {
        text.push('\u{1}');
        text.push_str(word);
    }
    text.to_lowercase()
}

/// The keys a filter word may start with (`stage:drive`); any other
/// `word:value` is text.
pub const KEYS: [&str; 5] = ["stage", "owner", "tag", "flag", "account"];

/// A filter as typed, taken apart: `key:value` words narrow the list (the
/// values of one key are alternatives, different keys all apply) and the
/// rest is text searched in the haystack. Everything lower-cased; values
/// match as prefixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub stage: Vec<String>,
    pub owner: Vec<String>,
    pub tag: Vec<String>,
    pub flag: Vec<String>,
    pub account: Vec<String>,
    /// The remaining text (words joined by one space), or the whole filter
    /// when it has no `key:value` word.
    pub text: String,
}

/// The prompt's text apart: the filter, and the command from the first
/// word that starts with `:` to the end (`stage:drive :save hot` →
/// `("stage:drive ", Some(":save hot"))`), which does not filter.
pub fn split_command(text: &str) -> (&str, Option<&str>) {
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if c == ':' && prev_space {
            return (&text[..i], Some(text[i..].trim()));
        }
        prev_space = c.is_whitespace();
    }
    (text, None)
}

impl Query {
    pub fn parse(typed: &str) -> Query {
        let lower = split_command(typed).0.to_lowercase();
        let mut q = Query::default();
        let mut rest = Vec::new();
        for word in lower.split_whitespace() {
            // a Chinese keyboard types the full-width colon (`stage：主导`)
            let slot = word.split_once([':', '：']).and_then(|(key, value)| {
                let list = match key {
                    "stage" => &mut q.stage,
                    "owner" => &mut q.owner,
                    "tag" => &mut q.tag,
                    "flag" => &mut q.flag,
                    "account" => &mut q.account,
                    _ => return None,
                };
                Some((list, value))
            });
            match slot {
                Some((list, value)) => list.push(value.to_string()),
                None => rest.push(word),
            }
        }
        q.text = if q.has_keys() { rest.join(" ") } else { lower };
        q
    }

    /// Whether any `key:value` word is there.
    pub fn has_keys(&self) -> bool {
        !(self.stage.is_empty()
            && self.owner.is_empty()
            && self.tag.is_empty()
            && self.flag.is_empty()
            && self.account.is_empty())
    }

    /// Whether the filter keeps every deal.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && !self.has_keys()
    }

    /// Whether `o` passes the `key:value` words other than `flag:`
    /// (`account_name` lower-cased: the deal's account's name).
    pub fn keeps(&self, o: &Opportunity, account_name: &str) -> bool {
        // a stage by its word or by the course's name (`stage:主导`)
        (self.stage.is_empty()
            || self.stage.iter().any(|v| {
                o.stage.as_str().starts_with(v.as_str())
                    || o.stage.chinese().starts_with(v.as_str())
            }))
            && (self.owner.is_empty() || any_prefix(&self.owner, &o.owner.to_lowercase()))
            && (self.tag.is_empty()
                || o.tags
                    .iter()
                    .any(|t| any_prefix(&self.tag, &t.to_lowercase())))
            && (self.account.is_empty()
                || any_prefix(&self.account, account_name)
                || any_prefix(&self.account, &o.account.to_lowercase()))
    }

    /// Whether a deal with these flags passes the `flag:` words (rule ids,
    /// as prefixes).
    pub fn keeps_flags(&self, flags: &[crate::domain::flags::Flag]) -> bool {
        self.flag.is_empty()
            || flags
                .iter()
                .any(|f| any_prefix(&self.flag, f.rule.as_str()))
    }

    /// As [`Query::keeps_flags`], given the rules of the deal's flags.
    pub fn keeps_rules(&self, rules: &[crate::domain::flags::Rule]) -> bool {
        self.flag.is_empty() || rules.iter().any(|r| any_prefix(&self.flag, r.as_str()))
    }
}

/// Whether `values` is empty or one of them starts `text`.
fn any_prefix(values: &[String], text: &str) -> bool {
    values.is_empty() || values.iter().any(|v| text.starts_with(v.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_words_are_taken_apart_from_the_text() {
        let q = Query::parse("Stage:Drive acme stage:prop foo:bar Account:华润");
        assert_eq!(q.stage, ["drive", "prop"]);
        assert_eq!(q.account, ["华润"]);
        assert_eq!(q.text, "acme foo:bar");
        let plain = Query::parse("big deal ");
        assert!(!plain.has_keys());
        assert_eq!(plain.text, "big deal ");
        assert!(Query::parse("").is_empty());
        assert_eq!(
            split_command("stage:drive :save hot"),
            ("stage:drive ", Some(":save hot"))
        );
        assert_eq!(split_command(":hot"), ("", Some(":hot")));
        assert_eq!(split_command("a:b"), ("a:b", None));
        assert!(Query::parse("acme :save x").text == "acme ");
        // the course's stage names, and the full-width colon
        let q = Query::parse("stage：主导 stage:方案论证");
        assert_eq!(q.stage, ["主导", "方案论证"]);
        let mut o = Opportunity {
            stage: crate::domain::Stage::Drive,
            ..Default::default()
        };
        assert!(q.keeps(&o, ""));
        o.stage = crate::domain::Stage::Negotiate;
        assert!(!q.keeps(&o, ""));
    }
}
