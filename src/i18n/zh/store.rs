//! Chinese for the texts of `src/store`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
