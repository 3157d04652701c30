//! What the pipeline's filter searches in.

use crate::domain::Opportunity;
use std::collections::HashMap;

/// The lower-cased text the filter searches in: title, account name, owner,
/// product, id and tags, kept apart by a character nobody types.
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
    for tag in &o.tags {
        text.push('\u{1}');
        text.push_str(tag);
    }
    text.to_lowercase()
}
