//! Chinese for the texts of `src/import`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
