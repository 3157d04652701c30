//! Chinese for the texts of `src/cli`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
