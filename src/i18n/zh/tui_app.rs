//! Chinese for the texts of `src/tui/app, forms, screens and dialogs`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
