//! Chinese for the texts of `src/tui/keymap.rs and the help`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[];
