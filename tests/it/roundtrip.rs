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

#[test]
fn the_demo_workspace_is_valid_and_saves_to_itself() {
    let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo.json")).unwrap();
    let ws = parse(&text).unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(
        String::from_utf8(to_json_bytes(&ws)).unwrap(),
        String::from_utf8(text).unwrap(),
        "data/demo.json is not in the program's stable form; rewrite it with the store"
    );
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
