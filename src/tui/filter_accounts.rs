//! View 4's filter words: what an account has (`tier:key`,
//! `industry:pharma`, `relationship:mid`), with the text searched in its
//! name and industry. A word view 4 does not know (`stage:drive`, from a
//! filter saved in view 1) is text there, as an unknown word is in view 1.

use crate::domain::Account;

/// The keys view 4's filter words may start with.
pub const KEYS: [&str; 3] = ["tier", "industry", "relationship"];

/// View 4's filter, taken apart as [`super::filter::Query`] takes view 1's:
/// the values of one key are alternatives, different keys all apply,
/// values match as prefixes, everything lower-cased.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountQuery {
    pub tier: Vec<String>,
    pub industry: Vec<String>,
    pub relationship: Vec<String>,
    /// The remaining text, or the whole filter without a key word.
    pub text: String,
}

impl AccountQuery {
    pub fn parse(typed: &str) -> AccountQuery {
        let lower = super::filter::split_command(typed).0.to_lowercase();
        let mut q = AccountQuery::default();
        let mut rest = Vec::new();
        for word in lower.split_whitespace() {
            let slot = word.split_once(':').and_then(|(key, value)| {
                let list = match key {
                    "tier" => &mut q.tier,
                    "industry" => &mut q.industry,
                    "relationship" => &mut q.relationship,
                    _ => return None,
                };
                Some((list, value))
            });
            match slot {
                Some((list, value)) => list.push(value.to_string()),
                None => rest.push(word),
            }
        }
        let keyed = !(q.tier.is_empty() && q.industry.is_empty() && q.relationship.is_empty());
        q.text = if keyed { rest.join(" ") } else { lower };
        q
    }

    /// Whether the account passes the words and the text.
    pub fn keeps(&self, a: &Account) -> bool {
        let tier = a.tier.map_or("", |t| t.as_str());
        let relationship = a.relationship.map_or("", |r| r.as_str());
        let industry = a.industry.to_lowercase();
        any_prefix(&self.tier, tier)
            && any_prefix(&self.industry, &industry)
            && any_prefix(&self.relationship, relationship)
            && (self.text.is_empty()
                || a.name.to_lowercase().contains(&self.text)
                || industry.contains(&self.text))
    }
}

/// Whether `values` is empty or one of them starts `text` (an unset field
/// is "", which only the empty value starts).
fn any_prefix(values: &[String], text: &str) -> bool {
    values.is_empty() || values.iter().any(|v| text.starts_with(v.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Tier;

    fn account(name: &str, industry: &str, tier: Option<Tier>) -> Account {
        Account {
            id: "a1".into(),
            name: name.into(),
            industry: industry.into(),
            tier,
            ..Default::default()
        }
    }

    #[test]
    fn tier_and_industry_words_narrow_and_the_rest_is_text() {
        let key = account("Acme Pharma", "Pharma", Some(Tier::Key));
        let small = account("Beta", "Retail", Some(Tier::Small));
        let unset = account("Gamma", "", None);
        let q = AccountQuery::parse("tier:key");
        assert!(q.keeps(&key) && !q.keeps(&small) && !q.keeps(&unset));
        let q = AccountQuery::parse("tier:k tier:s industry:ret");
        assert!(!q.keeps(&key) && q.keeps(&small));
        let q = AccountQuery::parse("Tier:Key acme");
        assert_eq!(q.text, "acme");
        assert!(q.keeps(&key));
        // plain text keeps its spaces and searches name and industry
        assert!(AccountQuery::parse("retail").keeps(&small));
        // a word view 4 does not know is text: no account has it
        let q = AccountQuery::parse("stage:drive");
        assert_eq!(q.text, "stage:drive");
        assert!(!q.keeps(&key));
        assert!(AccountQuery::parse("acme :save x").keeps(&key));
    }
}
