//! The catalogue's promises, checked over the table and the source:
//! every key the code uses has its Chinese, every key in the table is
//! used, both languages have the same placeholders, and no English text
//! for people is left in `src/tui` or `src/cli` outside the catalogue.

use super::zh;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A string literal of the source, with where it is.
struct Literal {
    file: PathBuf,
    line: usize,
    text: String,
    /// The code just before the literal on its line (`tf!(`, `t(`…).
    before: String,
    /// The whole line, and the one before it (for `i18n-exempt`).
    context: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Files that are tests through and through.
fn is_test_file(p: &Path) -> bool {
    let name = p.file_name().unwrap().to_string_lossy();
    name == "tests.rs" || name.ends_with("_tests.rs")
}

/// The string literals of a file up to its `#[cfg(test)]` module
/// (comments skipped; raw strings and escapes read).
fn literals(file: &Path) -> Vec<Literal> {
    let src = std::fs::read_to_string(file).unwrap();
    let src = match src.find("\n#[cfg(test)]\nmod ") {
        Some(i) => &src[..i],
        None => &src[..],
    };
    let lines: Vec<&str> = src.lines().collect();
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line: usize = 1;
    let mut line_start = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' => {
                // a char literal ('"', '\'', 'x') or a lifetime ('a)
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    // a multi-byte char literal, or a lifetime
                    let rest = &src[i + 1..];
                    let ch = rest.chars().next().map_or(1, char::len_utf8);
                    if rest.as_bytes().get(ch) == Some(&b'\'') {
                        i += 2 + ch;
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' | b'r'
                if b[i] == b'"'
                    || (matches!(b.get(i + 1), Some(b'"' | b'#'))
                        && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))) =>
            {
                let start_line = line;
                let before = src[line_start..i].to_owned();
                let (text, end) = if b[i] == b'r' {
                    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                    let open = i + 1 + hashes;
                    if b.get(open) != Some(&b'"') {
                        i += 1;
                        continue;
                    }
                    let close = format!("\"{}", "#".repeat(hashes));
                    let end = src[open + 1..].find(&close).unwrap() + open + 1;
                    (src[open + 1..end].to_owned(), end + close.len())
                } else {
                    let mut j = i + 1;
                    let mut text = String::new();
                    while b[j] != b'"' {
                        if b[j] == b'\\' {
                            let c = b[j + 1];
                            match c {
                                b'n' => text.push('\n'),
                                b't' => text.push('\t'),
                                b'\\' => text.push('\\'),
                                b'"' => text.push('"'),
                                b'\'' => text.push('\''),
                                b'0' => text.push('\0'),
                                b'\n' => {
                                    // a continued line: the next line's
                                    // leading blanks are not in the text
                                    j += 2;
                                    while b[j] == b' ' || b[j] == b'\n' {
                                        j += 1;
                                    }
                                    continue;
                                }
                                _ => {
                                    // \u{..} and \x..: kept as written
                                    text.push('\\');
                                    text.push(c as char);
                                }
                            }
                            j += 2;
                        } else {
                            let ch = src[j..].chars().next().unwrap();
                            text.push(ch);
                            j += ch.len_utf8();
                        }
                    }
                    (text, j + 1)
                };
                for c in &b[i..end] {
                    if *c == b'\n' {
                        line += 1;
                    }
                }
                if let Some(nl) = src[..end].rfind('\n')
                    && nl >= i
                {
                    line_start = nl + 1;
                }
                let context = format!(
                    "{}\n{}",
                    lines.get(start_line.wrapping_sub(2)).unwrap_or(&""),
                    lines.get(start_line - 1).unwrap_or(&"")
                );
                out.push(Literal {
                    file: file.to_owned(),
                    line: start_line,
                    text,
                    before,
                    context,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

fn source_literals(under: &str) -> Vec<Literal> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(under);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .iter()
        .filter(|f| !is_test_file(f) && !f.starts_with(root.join("i18n")))
        .flat_map(|f| literals(f))
        .collect()
}

fn catalogue() -> BTreeMap<&'static str, &'static str> {
    zh::ALL.iter().flat_map(|p| p.iter().copied()).collect()
}

/// The keys the code passes to `t(` or `tf!(`.
fn used_keys(lits: &[Literal]) -> Vec<&Literal> {
    lits.iter()
        .filter(|l| {
            let b = l.before.trim_end();
            let called = |name: &str| {
                b.strip_suffix(name).is_some_and(|rest| {
                    !rest
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            };
            called("tf!(") || called("t(")
        })
        .collect()
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s.replace("{{", "").replace("}}", "");
    while let Some(i) = rest.find('{') {
        let Some(end) = rest[i..].find('}') else {
            break;
        };
        out.insert(rest[i + 1..i + end].to_owned());
        rest = rest[i + end + 1..].to_owned();
    }
    out
}

#[test]
fn no_key_appears_twice() {
    let mut seen = BTreeSet::new();
    let twice: Vec<_> = zh::ALL
        .iter()
        .flat_map(|p| p.iter())
        .filter(|(en, _)| !seen.insert(*en))
        .collect();
    assert!(twice.is_empty(), "keys in the catalogue twice: {twice:?}");
}

#[test]
fn every_key_has_its_chinese_with_the_same_placeholders() {
    let bad: Vec<String> = catalogue()
        .iter()
        .filter(|(en, zh)| zh.trim().is_empty() || placeholders(en) != placeholders(zh))
        .map(|(en, zh)| format!("{en:?} → {zh:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "entries without Chinese or with other placeholders:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let cat = catalogue();
    let lits = source_literals("");
    let missing: Vec<String> = used_keys(&lits)
        .into_iter()
        .filter(|l| !cat.contains_key(l.text.as_str()))
        .map(|l| format!("{}:{}: {:?}", l.file.display(), l.line, l.text))
        .collect();
    assert!(
        missing.is_empty(),
        "texts passed to t()/tf!() without a Chinese entry in src/i18n/zh:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_key_in_the_catalogue_is_used() {
    let lits = source_literals("");
    let written: BTreeSet<&str> = lits.iter().map(|l| l.text.as_str()).collect();
    let unused: Vec<&str> = catalogue()
        .keys()
        .copied()
        .filter(|k| !written.contains(k))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue keys no code writes (remove them, or the code lost its t()):\n{}",
        unused.join("\n")
    );
}

#[test]
fn every_enum_word_has_its_chinese() {
    use crate::domain::flags::Rule;
    use crate::domain::*;
    fn all<W: Copy>(
        kind: &'static str,
        ws: &[W],
        s: fn(W) -> &'static str,
    ) -> Vec<(&'static str, &'static str)> {
        ws.iter().map(|w| (kind, s(*w))).collect()
    }
    let mut want = Vec::new();
    want.extend(all("stage", Stage::ALL, Stage::as_str));
    want.extend(all("outcome", OutcomeResult::ALL, OutcomeResult::as_str));
    want.extend(all("tier", Tier::ALL, Tier::as_str));
    want.extend(all(
        "relationship stage",
        Relationship::ALL,
        Relationship::as_str,
    ));
    want.extend(all("role", Role::ALL, Role::as_str));
    want.extend(all(
        "decision role",
        DecisionRole::ALL,
        DecisionRole::as_str,
    ));
    want.extend(all("attitude", Attitude::ALL, Attitude::as_str));
    want.extend(all("mode", Mode::ALL, Mode::as_str));
    want.extend(all("influence level", Level::ALL, Level::as_str));
    want.extend(all("focus", Focus::ALL, Focus::as_str));
    want.extend(all("social style", SocialStyle::ALL, SocialStyle::as_str));
    want.extend(all("red-flag rule", Rule::ALL, Rule::as_str));
    want.extend(all(
        "forecast category",
        ForecastCategory::ALL,
        ForecastCategory::as_str,
    ));
    want.extend(all("standing", Standing::ALL, Standing::as_str));
    want.extend(all(
        "criterion kind",
        CriterionKind::ALL,
        CriterionKind::as_str,
    ));
    want.extend(all("side", Side::ALL, Side::as_str));
    want.extend(all("action kind", ActionKind::ALL, ActionKind::as_str));
    want.extend(all("commitment", Commitment::ALL, Commitment::as_str));
    want.push(("reason", analysis::UNSPECIFIED));
    for r in workspace::LOSS_REASONS
        .iter()
        .chain(&workspace::WIN_REASONS)
    {
        want.push(("reason", r));
    }
    for s in ["high", "medium", "low"] {
        want.push(("severity", s));
    }
    // the stages' Chinese is the course's, as `Stage::chinese` has it
    for st in Stage::ALL {
        let zh = zh::words::WORDS
            .iter()
            .find(|(k, w, _)| *k == "stage" && *w == st.as_str());
        assert_eq!(zh.map(|(_, _, z)| *z), Some(st.chinese()));
    }
    let have: BTreeSet<(&str, &str)> = zh::words::WORDS.iter().map(|(k, w, _)| (*k, *w)).collect();
    let missing: Vec<_> = want.iter().filter(|w| !have.contains(w)).collect();
    assert!(
        missing.is_empty(),
        "enum words without Chinese: {missing:?}"
    );
    let wanted: BTreeSet<_> = want.iter().copied().collect();
    let extra: Vec<_> = have.iter().filter(|w| !wanted.contains(w)).collect();
    assert!(extra.is_empty(), "Chinese for words no list has: {extra:?}");
}

/// Does this literal read as English meant for people? Identifiers, JSON
/// keys, enum words, key names and format-only strings do not.
fn reads_as_english(s: &str) -> bool {
    // placeholders are names in the code, not words for people
    let mut text = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let s = text.as_str();
    let letters = s.chars().filter(char::is_ascii_alphabetic).count();
    if letters < 2 {
        return false;
    }
    // `snake_case`, `kebab-case`, `a.b`, `key:`: machine words
    let machine = s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.:/".contains(c));
    if machine {
        return false;
    }
    // a word of three letters or more with a capital or a space beside it
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3 || (w.len() >= 2 && s.contains(' ')))
}

#[test]
fn no_english_for_people_outside_the_catalogue_in_the_workbench_and_the_cli() {
    let cat = catalogue();
    let mut bad = Vec::new();
    for dir in ["tui", "cli"] {
        for l in source_literals(dir) {
            let exempt = l.context.contains("i18n-exempt")
                || ALLOWED.contains(&l.text.as_str())
                || EXEMPT_LINES
                    .iter()
                    .any(|p| l.context.lines().last().unwrap_or("").contains(p));
            // FUNNEL_I18N_ONLY=src/tui/views narrows the report to one part
            let wanted = std::env::var("FUNNEL_I18N_ONLY")
                .map_or(true, |p| l.file.to_string_lossy().contains(&p));
            if wanted && !exempt && reads_as_english(&l.text) && !cat.contains_key(l.text.as_str())
            {
                bad.push(format!("{}:{}: {:?}", l.file.display(), l.line, l.text));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} English literals in src/tui or src/cli are not in the catalogue \
         (wrap them in t()/tf!() and add their Chinese to src/i18n/zh, or mark \
         the line `// i18n-exempt: why`):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Literals that read as English but are not for people: JSON field names
/// in capitals, key names, terminal sequences.
const ALLOWED: &[&str] = &[];

/// Lines whose literals are not shown to people.
const EXEMPT_LINES: &[&str] = &[
    ".expect(",
    "unreachable!(",
    "debug_assert",
    "assert!(",
    "assert_eq!(",
    "#[arg(",
    "#[command(",
    "#[serde(",
    "#[error(",
];

#[test]
fn the_scanner_reads_literals_as_written() {
    let dir = std::env::temp_dir().join(format!("funnel-i18n-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.rs");
    std::fs::write(
        &f,
        "let a = t(\"Saved\"); // \"comment\"\nlet c = '\"';\nlet b = tf!(\"{n} deals\\n\", n);\nlet r = r#\"raw \"x\"\"#;\nfn f<'a>(x: &'a str) { \"after\" }\n",
    )
    .unwrap();
    let lits = literals(&f);
    let texts: Vec<(&str, usize)> = lits.iter().map(|l| (l.text.as_str(), l.line)).collect();
    assert_eq!(
        texts,
        vec![
            ("Saved", 1),
            ("{n} deals\n", 3),
            ("raw \"x\"", 4),
            ("after", 5)
        ]
    );
    assert_eq!(used_keys(&lits).len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fill_puts_values_in_any_order() {
    let n = 3;
    assert_eq!(
        super::fill("{stage}: {n} {{x}}", &[("n", &n), ("stage", &"drive")]),
        "drive: 3 {x}"
    );
    assert_eq!(crate::tf!("{n} deals", n), "3 deals");
    super::with(
        super::Locale {
            lang: super::Lang::Zh,
            numbers: super::Numbers::Western,
        },
        || assert_eq!(super::t("deals"), "个商机"),
    );
}

#[test]
fn the_environment_picks_chinese_by_posix_order() {
    use super::Lang;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(
        Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_vars(env(&[("LC_ALL", ""), ("LANG", "zh_TW")])),
        Lang::Zh
    );
    assert_eq!(Lang::from_vars(env(&[])), Lang::En);
}

#[test]
fn cli_help_is_complete() {
    // clap's own checks of the Chinese tree (they panic in debug builds)
    crate::cli::help_zh::command(super::Lang::Zh).debug_assert();
    let texts = crate::cli::help_zh::help_texts();
    let missing: Vec<&String> = texts
        .iter()
        .filter(|t| super::zh_help(t).is_none())
        .collect();
    let extra: Vec<&str> = zh::cli_help::TEXTS
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !texts.iter().any(|t| t == k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "--help texts without Chinese:\n{}\nChinese for texts no option has:\n{}",
        missing
            .iter()
            .map(|t| format!("{t:?}"))
            .collect::<Vec<_>>()
            .join("\n"),
        extra.join("\n")
    );
}
