//! Chinese for the texts of `src/domain (red flags, advice, priorities, checks)`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
