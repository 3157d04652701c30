//! Properties of the workspace file: what is saved loads back equal, saving
//! is stable to the byte, unknown fields survive, and no input makes the
//! loader panic.

use funnel::domain::{Date, Workspace};
use funnel::store::{load, to_json_bytes};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::Path;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn parse(bytes: &[u8]) -> Result<Workspace, Vec<load::Invalid>> {
    load::parse(bytes, Path::new("w.json")).map(|p| p.workspace)
}

/// Puts `value` under a new key in some object of the document, picked by
/// `choice`, as a newer program or a user's own tool might.
fn add_unknown_field(doc: &mut Value, choice: usize, value: Value) {
    fn objects(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(m) => {
                // a map from names (import profiles, a profile's maps) is
                // not a record: a key added there is an entry, not unknown
                let n = here.len();
                let named = here.last().is_some_and(|k| {
                    ["import_profiles", "import_id_columns", "saved_filters"].contains(&k.as_str())
                }) || (n >= 3
                    && here[n - 3] == "import_profiles"
                    && ["map", "stage_map", "rates"].contains(&here[n - 1].as_str()));
                if !named {
                    out.push(here.clone());
                }
                for (k, child) in m {
                    let mut path = here.clone();
                    path.push(k.clone());
                    objects(child, path, out);
                }
            }
            Value::Array(items) => {
                for (n, child) in items.iter().enumerate() {
                    let mut path = here.clone();
                    path.push(n.to_string());
                    objects(child, path, out);
                }
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    objects(doc, Vec::new(), &mut paths);
    let path = &paths[choice % paths.len()];
    let mut at = doc;
    for step in path {
        at = match at {
            Value::Object(m) => m.get_mut(step).unwrap(),
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            _ => unreachable!("paths lead through objects and arrays"),
        };
    }
    at.as_object_mut()
        .unwrap()
        .insert(format!("zz_unknown_{choice}"), value);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn load_of_save_is_the_same_workspace(seed in any::<u64>(), n in 0usize..12) {
        let ws = funnel::synth::workspace(n, seed, today());
        let bytes = to_json_bytes(&ws);
        let back = parse(&bytes).unwrap();
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(to_json_bytes(&back), bytes, "saving is stable to the byte");
    }

    #[test]
    fn unknown_fields_at_any_level_survive_a_save(seed in any::<u64>(), choices in prop::collection::vec(any::<usize>(), 1..6)) {
        let ws = funnel::synth::workspace(3, seed, today());
        let mut doc = serde_json::to_value(&ws).unwrap();
        for (k, c) in choices.iter().enumerate() {
            add_unknown_field(&mut doc, *c, json!({"kept": k, "list": [1.5, "文本", null]}));
        }
        let text = serde_json::to_vec(&doc).unwrap();
        let loaded = parse(&text).unwrap();
        let saved: Value = serde_json::from_slice(&to_json_bytes(&loaded)).unwrap();
        prop_assert_eq!(saved, doc);
    }

    #[test]
    fn any_amount_to_the_cent_survives_a_save(cents in 0i64..=funnel::domain::money::MONEY_MAX_CENTS) {
        let mut ws = funnel::synth::workspace(1, 1, today());
        ws.opportunities[0].value = funnel::domain::Money(cents);
        let back = parse(&to_json_bytes(&ws)).unwrap();
        prop_assert_eq!(back.opportunities[0].value, funnel::domain::Money(cents));
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn the_loader_never_panics_on_a_damaged_workspace(
        seed in any::<u64>(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    ) {
        let mut bytes = to_json_bytes(&funnel::synth::workspace(2, seed, today()));
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        if let Err(problems) = parse(&bytes) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.line >= 1 && p.column >= 1, "{}", p);
                prop_assert!(!p.message.is_empty());
            }
        }
    }
}

/// The two bundled demos, as the program compiles them in, by file.
const DEMOS: [(&str, &str); 2] = [
    ("data/demo.json", funnel::store::demo::JSON),
    ("data/demo.zh.json", funnel::store::demo::JSON_ZH),
];

#[test]
fn the_demo_workspace_is_valid_and_saves_to_itself() {
    for (file, text) in DEMOS {
        let on_disk =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        assert_eq!(on_disk, text, "{file} is not the one compiled in");
        let ws = parse(text.as_bytes()).unwrap_or_else(|e| panic!("{file}: {}", e[0]));
        assert_eq!(
            String::from_utf8(to_json_bytes(&ws)).unwrap(),
            text,
            "{file} is not in the program's stable form; rewrite it with the store"
        );
    }
}

/// Fields whose text is typed by the seller even where the English demo's
/// happens to be one lowercase word (`"industry": "retail"`).
const FREE_TEXT_KEYS: &[&str] = &["industry"];

/// Fields that name the same thing in both demos though they are not
/// words: the seller (`settings.owner` is who "mine" is) and the currency.
const SAME_TEXT_KEYS: &[&str] = &["owner", "currency"];

/// A string the program reads as a word rather than as text: an id, a
/// stage, an enum word, a tag, a rule id, a reason code, a date.
fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b))
}

/// Walks the English and the Chinese demo together and lists where they
/// differ in anything but free text: the shape, a key, a number, a `null`,
/// a boolean, a word (see [`is_word`]), an empty text against a filled one.
/// Returns how many words were compared.
fn differences(en: &Value, zh: &Value, at: &str, key: &str, out: &mut Vec<String>) -> usize {
    match (en, zh) {
        (Value::Object(a), Value::Object(b)) => {
            let (ka, kb): (Vec<_>, Vec<_>) = (a.keys().collect(), b.keys().collect());
            if ka != kb {
                out.push(format!("{at}: keys {ka:?} and {kb:?}"));
                return 0;
            }
            a.iter()
                .map(|(k, v)| differences(v, &b[k], &format!("{at}.{k}"), k, out))
                .sum()
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{at}: {} and {} items", a.len(), b.len()));
                return 0;
            }
            a.iter()
                .zip(b)
                .enumerate()
                .map(|(i, (x, y))| differences(x, y, &format!("{at}[{i}]"), key, out))
                .sum()
        }
        (Value::String(a), Value::String(b)) => {
            let word = is_word(a) && !FREE_TEXT_KEYS.contains(&key);
            let same = word || SAME_TEXT_KEYS.contains(&key) || a.is_empty() || b.is_empty();
            if same && a != b {
                out.push(format!("{at}: {a:?} and {b:?}"));
            }
            usize::from(word)
        }
        _ => {
            if en != zh {
                out.push(format!("{at}: {en} and {zh}"));
            }
            0
        }
    }
}

#[test]
fn the_chinese_demo_is_the_english_one_with_its_texts_translated() {
    let en: Value = serde_json::from_str(funnel::store::demo::JSON).unwrap();
    let zh: Value = serde_json::from_str(funnel::store::demo::JSON_ZH).unwrap();
    assert_eq!(en["settings"], zh["settings"], "the settings differ");
    let mut diffs = Vec::new();
    let words = differences(&en, &zh, "", "", &mut diffs);
    assert!(
        diffs.is_empty(),
        "the demos differ in more than their texts:\n{}",
        diffs.join("\n")
    );
    // ids, stages, dates, tags, flags...: the walk did compare them
    assert!(words > 1000, "only {words} words compared");
}

/// Latin words a Chinese seller writes as they are even three in a row
/// (none yet: brands and people are at most two words, as in `SAP EWM`
/// or `Stefan Krüger`).
const LATIN_NAMES: &[&str] = &[];

/// Whether `s` has three Latin words in a row: English left in a text.
/// A word is a run without spaces of Latin letters, digits and ASCII
/// punctuation, with a letter in it (`AS2`, `v2`, `Krüger`, `(about`).
fn has_english(s: &str) -> bool {
    let mut s = s.to_owned();
    for name in LATIN_NAMES {
        s = s.replace(name, " ");
    }
    let latin = |c: char| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c);
    let mut run = 0;
    for token in s.split_whitespace() {
        let word = token.chars().any(latin)
            && token
                .chars()
                .all(|c| latin(c) || c.is_ascii_digit() || c.is_ascii_punctuation());
        run = if word { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

fn texts<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        Value::Object(m) => m.values().for_each(|x| texts(x, out)),
        _ => {}
    }
}

#[test]
fn the_chinese_demo_has_no_english_sentence_left() {
    let english = |json: &str| {
        let v: Value = serde_json::from_str(json).unwrap();
        let mut all = Vec::new();
        texts(&v, &mut all);
        all.into_iter()
            .filter(|s| has_english(s))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // the check finds the English demo's sentences...
    assert!(english(funnel::store::demo::JSON).len() > 100);
    // ...and none in the Chinese one
    let left = english(funnel::store::demo::JSON_ZH);
    assert!(
        left.is_empty(),
        "English in data/demo.zh.json:\n{}",
        left.join("\n")
    );
}

#[test]
fn the_demo_opens_in_the_language_of_the_thread() {
    use funnel::i18n::{self, Lang, Locale, Numbers};
    let title = |lang| {
        i18n::set(Locale {
            lang,
            numbers: Numbers::Western,
        });
        let ws = funnel::store::demo::workspace(today());
        i18n::set(Locale::ENGLISH);
        ws.opportunities[0].title.clone()
    };
    assert_eq!(title(Lang::En), "Fleet telematics pilot, 40 trucks");
    assert_eq!(title(Lang::Zh), "车队远程监控试点（40 辆卡车）");
}

#[test]
fn unknown_numbers_and_text_are_written_back_exactly() {
    let text = r#"{"format": "funnel-workspace", "version": 1,
        "big": 123456789012345678901234567890, "precise": 0.1000000000000000055511151231257827,
        "float": 1.0, "exp": 1e400, "neg": -0, "s": "a\u0000b\u202e"}"#;
    let ws = parse(text.as_bytes()).unwrap();
    let saved = String::from_utf8(to_json_bytes(&ws)).unwrap();
    for kept in [
        "\"big\": 123456789012345678901234567890",
        "\"precise\": 0.1000000000000000055511151231257827",
        "\"float\": 1.0",
        // spelled as written, not as serde_json would (1e+400)
        "\"exp\": 1e400",
        "\"neg\": -0",
        "\"s\": \"a\\u0000b\\u202e\"",
    ] {
        assert!(saved.contains(kept), "{kept} not in {saved}");
    }
}

#[test]
fn unknown_fields_of_the_key_account_records_survive_a_save() {
    let text = r#"{"format": "funnel-workspace", "version": 1, "accounts": [{"id": "a1", "name": "A",
        "plan": {"target": 100, "goals": ["g"], "zz_owner_note": {"by": "张经理"}},
        "credit": {"limit": 50, "zz_insurer": "Sinosure", "invoices": [
            {"id": "inv1", "amount": 10.05, "issued": "2026-11-02", "zz_po": "PO-7", "zz_lines": [1, 2.5]}]},
        "complaints": [{"id": "cp1", "text": "late", "raised": "2026-11-01", "zz_channel": "hotline"}],
        "satisfaction": [{"on": "2026-11-03", "score": 4, "zz_survey": {"nps": 40}}],
        "contacts": [{"id": "p1", "name": "王总", "zz_wechat": "wang"}]}]}"#;
    let doc: Value = serde_json::from_str(text).unwrap();
    let ws = parse(text.as_bytes()).unwrap();
    let saved = to_json_bytes(&ws);
    let back: Value = serde_json::from_slice(&saved).unwrap();
    let a = &back["accounts"][0];
    assert_eq!(a["plan"]["zz_owner_note"], json!({"by": "张经理"}));
    assert_eq!(a["credit"]["zz_insurer"], "Sinosure");
    assert_eq!(a["credit"]["invoices"][0]["zz_po"], "PO-7");
    assert_eq!(a["credit"]["invoices"][0]["zz_lines"], json!([1, 2.5]));
    assert_eq!(a["complaints"][0]["zz_channel"], "hotline");
    assert_eq!(a["satisfaction"][0]["zz_survey"], json!({"nps": 40}));
    assert_eq!(a["contacts"][0]["zz_wechat"], "wang");
    // and what the program knows is read, not only carried
    assert_eq!(
        a["credit"]["invoices"][0]["amount"],
        doc["accounts"][0]["credit"]["invoices"][0]["amount"]
    );
    assert_eq!(ws.accounts[0].satisfaction[0].score.0, 4);
    // a second save is the same to the byte
    assert_eq!(to_json_bytes(&parse(&saved).unwrap()), saved);
}
