//! Keys are read in two places only: the keymap (what a key means) and the
//! text input (typing). A `KeyCode` matched anywhere else is a key the help,
//! the hint line and the read-only rule do not know about.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_key_code_is_matched_outside_the_keymap_and_the_text_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "the sources were found");
    let allowed = ["src/tui/keymap.rs", "src/tui/text_input.rs"];
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // unit tests may build key events to feed the code under test
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.contains("KeyCode") || line.contains("KeyModifiers") {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "keys read outside the keymap:\n{}",
        found.join("\n")
    );
}
