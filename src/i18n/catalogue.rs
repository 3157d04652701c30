//! The one table of Chinese texts, read from `zh/` on first use.

use super::zh;
use std::collections::HashMap;
use std::sync::OnceLock;

fn texts() -> &'static HashMap<&'static str, &'static str> {
    static TEXTS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        zh::ALL
            .iter()
            .flat_map(|part| part.iter().copied())
            .collect()
    })
}

fn words() -> &'static HashMap<(&'static str, &'static str), &'static str> {
    static WORDS: OnceLock<HashMap<(&'static str, &'static str), &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        zh::words::WORDS
            .iter()
            .map(|(k, w, z)| ((*k, *w), *z))
            .collect()
    })
}

/// The Chinese of the English text `en`, if the catalogue has it.
pub(super) fn zh(en: &str) -> Option<&'static str> {
    texts().get(en).copied()
}

/// The Chinese label of the enum word `word` of the list `kind`.
pub(super) fn word(kind: &str, word: &str) -> Option<&'static str> {
    words().get(&(kind, word)).copied()
}
