//! Chinese for the texts of `src/tui/views`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
