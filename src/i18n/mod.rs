//! The product's two languages (spec section 12): English and 简体中文.
//!
//! **Why a catalogue of our own, keyed by the English text** (gettext's
//! way) rather than `rust-i18n` or Fluent:
//! - the English stays in the code where it is read, so a view still says
//!   what it shows, and English costs nothing at run time (`t` returns its
//!   argument);
//! - the language is per thread, not global: the tests run in parallel in
//!   one binary, some in Chinese and some in English, and the workbench
//!   switches language for the session; `rust-i18n`'s locale is one global;
//! - the checks the issue asks for are plain tests over the source and the
//!   table (`tests.rs`): a key used in the code and missing from the
//!   table, a key in the table no code uses, a placeholder one language
//!   lacks, and an English literal in `src/tui` or `src/cli` that never
//!   went through the catalogue;
//! - Chinese has no plurals and changes word order, which named
//!   placeholders (`{n}`, `{stage}`) handle without a message syntax.
//!
//! The Chinese lives in `zh/`, one file per part of the product, all read
//! into one table. JSON output never goes through here: its keys, enum
//! words and rule ids stay the same in both languages, and the headless
//! commands write their JSON in English (spec section 12).

mod catalogue;
pub mod numbers;
#[cfg(test)]
mod tests;
mod zh;

use std::cell::Cell;
use std::fmt::{Display, Write};

/// A language of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// `en` or `zh`, as `--lang` and `settings.language` spell it.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "zh" | "zh-cn" | "zh_cn" | "chinese" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language the environment asks for: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, the first one set and not empty
    /// deciding (as POSIX orders them); Chinese when it starts with `zh`.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| {
                if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
    }

    /// The other language (the workbench's switch key).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// How amounts are written in short form (`settings.number_style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbers {
    /// `1.2M`, `437k`.
    #[default]
    Western,
    /// `120万`, `1.2亿`.
    Chinese,
}

impl Numbers {
    pub fn parse(s: &str) -> Option<Numbers> {
        match s.trim() {
            "western" => Some(Numbers::Western),
            "chinese" => Some(Numbers::Chinese),
            _ => None,
        }
    }
}

/// The language and the number style of what this thread writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locale {
    pub lang: Lang,
    pub numbers: Numbers,
}

impl Locale {
    pub const ENGLISH: Locale = Locale {
        lang: Lang::En,
        numbers: Numbers::Western,
    };
}

thread_local! {
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::ENGLISH) };
}

/// This thread's locale.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// This thread's language.
pub fn lang() -> Lang {
    locale().lang
}

/// Sets this thread's locale (the program's start, the workbench's switch
/// key, a test). Threads that work for this one take it over explicitly
/// (see `domain::parallel`).
pub fn set(locale: Locale) {
    LOCALE.with(|l| l.set(locale));
}

/// Runs `f` in `locale`, then puts the thread's locale back (JSON output
/// is written in English whatever the user reads).
pub fn with<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    struct Restore(Locale);
    impl Drop for Restore {
        fn drop(&mut self) {
            set(self.0);
        }
    }
    let _restore = Restore(self::locale());
    set(locale);
    f()
}

/// The text `en` in this thread's language: `en` itself in English, its
/// catalogue entry in Chinese (`en` again if the catalogue lacks it, which
/// the tests forbid for every key the code uses).
pub fn t(en: &str) -> &str {
    match lang() {
        Lang::En => en,
        Lang::Zh => catalogue::zh(en).unwrap_or(en),
    }
}

/// The Chinese of a `--help` text (an about or an option's help, as the
/// doc comments of `cli::Cli` give it), for `cli::help_zh`.
pub fn zh_help(en: &str) -> Option<&'static str> {
    zh::cli_help::TEXTS
        .iter()
        .find(|(k, _)| *k == en)
        .map(|(_, z)| *z)
}

/// The label of a stored enum word (`kind` is the words' name, as
/// `words!` gives it: `stage`, `role`, `decision role`…): in English the
/// word with spaces (`decision maker`, `non-supporter`), in Chinese the
/// course's term.
pub fn word(kind: &str, word: &str) -> String {
    if lang() == Lang::Zh
        && let Some(zh) = catalogue::word(kind, word)
    {
        return zh.to_owned();
    }
    crate::text::word_label(word)
}

/// `template` with each `{name}` replaced by the value given for `name`
/// (`{{` and `}}` write a brace). The `tf!` macro calls it with the
/// template looked up in the catalogue.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let brace = rest.as_bytes()[i];
        let after = &rest[i + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.push(brace as char);
            rest = &after[1..];
            continue;
        }
        if brace == b'{'
            && let Some(end) = after.find('}')
            && let Some((_, value)) = args.iter().find(|(n, _)| *n == &after[..end])
        {
            let _ = write!(out, "{value}");
            rest = &after[end + 1..];
            continue;
        }
        out.push(brace as char);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A catalogue text with named placeholders filled in:
/// `tf!("Moved {n} deals to {stage}", n = count, stage = s.label())`, or
/// `tf!("{n} deals", n)` when the variable has the placeholder's name.
/// The English template is the catalogue's key.
#[macro_export]
macro_rules! tf {
    ($en:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::t($en),
            &[$((stringify!($name), &$crate::tf!(@value $name $(= $value)?) as &dyn ::std::fmt::Display)),*],
        )
    };
    (@value $name:ident = $value:expr) => { $value };
    (@value $name:ident) => { $name };
}

impl Locale {
    /// The locale spec section 12 picks: `--lang` (`forced`), else
    /// `settings.language`, else the environment; short amounts as
    /// `settings.number_style` says, else in 万 for Chinese readers.
    pub fn resolve(forced: Option<Lang>, language: &str, number_style: &str) -> Locale {
        let lang = forced
            .or_else(|| Lang::parse(language))
            .unwrap_or_else(Lang::from_env);
        let numbers = Numbers::parse(number_style).unwrap_or(match lang {
            Lang::En => Numbers::Western,
            Lang::Zh => Numbers::Chinese,
        });
        Locale { lang, numbers }
    }
}
