//! Short ids for new records. Existing ids are opaque and kept as they are.

/// `prefix` followed by one more than the largest number already used after
/// that prefix: `o1`, `o2`, … (ids of other shapes are ignored).
pub fn next_id<'a>(prefix: &str, existing: impl IntoIterator<Item = &'a str>) -> String {
    let highest = existing
        .into_iter()
        .filter_map(|id| id.strip_prefix(prefix))
        .filter_map(|rest| rest.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_follow_the_highest_existing_one() {
        assert_eq!(next_id("o", []), "o1");
        assert_eq!(next_id("o", ["o1", "o7", "x9", "o-3", "opp"]), "o8");
        assert_eq!(next_id("t", ["0061U00000abc"]), "t1");
    }
}
