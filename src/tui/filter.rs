//! What the pipeline's filter searches in.

use crate::domain::Opportunity;
use std::collections::HashMap;

/// The lower-cased text the filter searches in: title, account name, owner,
/// product, id, tags and the names of the deal's people (`/陈建国` finds
/// the deals he is a buying influence in), kept apart by a character
/// nobody types.
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
    for word in o.tags.iter().chain(o.influences.iter().map(|p| &p.name)) {
        text.push('\u{1}');
        text.push_str(word);
    }
    text.to_lowercase()
}
