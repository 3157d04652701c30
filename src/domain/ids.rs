//! Ids of records: short ids for new records (existing ids are opaque and
//! kept as they are), and one newtype per kind of record so that an edit
//! taking an opportunity id and an influence id cannot be called with the
//! two swapped. The records keep plain `String` ids: the file format is
//! unchanged; a newtype is made from a record (`OpportunityId::of(&o)`) or
//! from a string the user interface kept.

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

/// Declares an id newtype for the records of type `$record`.
macro_rules! id {
    ($(#[$meta:meta])* $name:ident for $record:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            /// The id of `record`.
            pub fn of(record: &super::$record) -> $name {
                $name(record.id.clone())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether `record` is the one this id names.
            pub fn is(&self, record: &super::$record) -> bool {
                record.id == self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id!(
    /// An opportunity's id.
    OpportunityId for Opportunity
);
id!(
    /// A buying influence's id, unique within its opportunity.
    InfluenceId for Influence
);
id!(
    /// An action's id, unique within its opportunity.
    ActionId for Action
);
id!(
    /// An account's id.
    AccountId for Account
);
id!(
    /// The id of a red flag raised by hand, unique within its opportunity.
    ManualFlagId for ManualFlag
);
id!(
    /// A competition entry's id, unique within its opportunity.
    CompetitorId for Competitor
);
id!(
    /// A decision criterion's id, unique within its opportunity.
    CriterionId for Criterion
);
id!(
    /// A close-plan step's id, unique within its opportunity.
    StepId for PlanStep
);

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
