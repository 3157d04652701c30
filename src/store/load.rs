//! Reading a workspace from bytes: every way a file can be wrong gets one
//! message naming the line, the column and what was expected.

use super::{locate, split};
use crate::domain::validate::{self, JsonPath, Seg};
use crate::domain::workspace::{VERSION, Workspace};
use crate::i18n::t;
use crate::tf;
use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with a workspace file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A workspace read from a file that parsed and passed validation.
#[derive(Debug)]
pub struct Parsed {
    pub workspace: Workspace,
    /// Set when the file's version is newer than this program's: it may hold
    /// things this program would drop, so it must not be written.
    pub newer_version: Option<u64>,
}

/// Parses and validates `bytes`, the contents of `file`. On failure returns
/// every problem found (parse errors stop at the first).
pub fn parse(bytes: &[u8], file: &Path) -> Result<Parsed, Vec<Invalid>> {
    parse_from(bytes, file, split::THRESHOLD)
}

/// [`parse`], on two cores from `threshold` bytes on (tests compare both
/// paths on the same small files).
pub(crate) fn parse_from(
    bytes: &[u8],
    file: &Path,
    threshold: usize,
) -> Result<Parsed, Vec<Invalid>> {
    let invalid = |line, column, message: String| {
        vec![Invalid {
            file: file.to_owned(),
            line,
            column,
            message,
        }]
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid(
            1,
            1,
            t("the file is empty, expected a funnel workspace (a JSON object); `funnel init` creates one")
                .into(),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(invalid(
            1,
            1,
            t("the file starts with a byte-order mark, expected JSON text in UTF-8 without one (remove the first 3 bytes)")
                .into(),
        ));
    }
    // A large file is parsed on two cores; that path proves the bytes UTF-8
    // as it goes and leaves every error to the sequential path below.
    let fast = (bytes.len() >= threshold)
        .then(|| split::parse(bytes))
        .flatten();
    let (workspace, flagged) = match fast {
        Some((ws, flagged)) => (ws, Some(flagged)),
        None => {
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let good = e.valid_up_to();
                    // the valid prefix is text, so positions can be counted in it
                    let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
                    let (line, column) = locate::line_column(prefix, good);
                    return Err(invalid(
                        line,
                        column,
                        tf!(
                            "invalid UTF-8 (byte {byte}), expected text in UTF-8",
                            byte = format!("0x{:02X}", bytes[good])
                        ),
                    ));
                }
            };
            match serde_json::from_str::<Workspace>(text) {
                Ok(ws) => (ws, None),
                Err(e) => return Err(vec![describe_parse_error(text, file, e)]),
            }
        }
    };
    let newer_version = (workspace.version > VERSION).then_some(workspace.version);
    // A newer format may mean things this version would call problems; such
    // a file is only ever read, so it is shown as far as it is understood.
    let problems = match newer_version {
        Some(_) => Vec::new(),
        None => match flagged {
            Some(flagged) => validate::problems_after_parse(&workspace, &flagged),
            None => validate::problems(&workspace),
        },
    };
    if !problems.is_empty() {
        // parsed, so UTF-8; only looked at when there is something to report
        let text = String::from_utf8_lossy(bytes);
        return Err(problems
            .into_iter()
            .map(|p| {
                let (line, column) = position_of(&text, &p.path);
                Invalid {
                    file: file.to_owned(),
                    line,
                    column,
                    message: p.message,
                }
            })
            .collect());
    }
    Ok(Parsed {
        workspace,
        newer_version,
    })
}

fn position_of(text: &str, path: &JsonPath) -> (usize, usize) {
    // the value may be absent (a missing field); fall back to its parent
    (0..=path.0.len())
        .rev()
        .find_map(|n| locate::offset_of(text, &path.0[..n]))
        .map_or((1, 1), |offset| locate::line_column(text, offset))
}

/// Turns a serde_json error into our message. Parsing again through
/// serde_path_to_error (only on this failure path, so loading stays fast)
/// names the JSON path of a wrong value.
/// The line of the first git conflict marker (`<<<<<<< ` at a line's
/// start; the `=======` and `>>>>>>>` lines come with it), if any.
fn conflict_marker_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.starts_with("<<<<<<< ") || l == "<<<<<<<")
        .map(|n| n + 1)
}

fn describe_parse_error(text: &str, file: &Path, first: serde_json::Error) -> Invalid {
    let mut de = serde_json::Deserializer::from_str(text);
    let (err, path) = match serde_path_to_error::deserialize::<_, Workspace>(&mut de) {
        Err(e) => {
            let path = e.path().clone();
            (e.into_inner(), Some(path))
        }
        Ok(_) => (first, None),
    };
    let raw = err.to_string();
    let is_data = err.classify() == serde_json::error::Category::Data;
    // serde_json points just past the token it read; a wrong value is easier
    // to find by its start, which the path gives (a duplicate key is the
    // exception: the path leads to the first one).
    let value_start = path
        .as_ref()
        .filter(|_| is_data && !raw.starts_with("duplicate field"))
        .and_then(|p| locate::offset_of(text, &segments(p)));
    let (line, column) = match value_start {
        Some(offset) => locate::line_column(text, offset),
        None => {
            let line = err.line().max(1);
            (line, locate::char_column(text, line, err.column()))
        }
    };
    let bare = raw
        .rfind(" at line ")
        .map_or(raw.as_str(), |n| &raw[..n])
        .to_owned();
    let mut message = match err.classify() {
        serde_json::error::Category::Eof => tf!(
            "the file ends too early ({bare}), expected the rest of the workspace; was it cut short?",
            bare = parser_words(&bare)
        ),
        serde_json::error::Category::Syntax => {
            tf!("invalid JSON: {hint}", hint = syntax_hint(&bare))
        }
        _ => parser_words(&bare),
    };
    if let Some(path) = path
        .map(|p| p.to_string())
        .filter(|p| p != "." && !p.is_empty())
        && is_data
    {
        message.push_str(&tf!(" (at {path})", path));
    }
    // Git's line merge leaves markers that no JSON parser reads; the
    // parser's words would send the user hunting for a comma.
    if let Some(at) = conflict_marker_line(text) {
        return Invalid {
            file: file.to_owned(),
            line: at,
            column: 1,
            message: t("git conflict markers (<<<<<<<, =======, >>>>>>>) from a line-by-line merge, expected JSON; take one side back with `git checkout --ours FILE` (or --theirs), or `git merge --abort`, then run `funnel git-setup` so that git merges the workspace with funnel merge, record by record").into(),
        };
    }
    if let Some(found) = newer_version_in(text) {
        message = tf!(
            "this workspace is format version {found}, written by a newer funnel (this one knows up to {version}); upgrade funnel to open it. The parser said: {message}",
            found,
            version = VERSION,
            message
        );
    }
    Invalid {
        file: file.to_owned(),
        line,
        column,
        message,
    }
}

fn segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    path.iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone().into())),
            _ => None,
        })
        .collect()
}

fn syntax_hint(bare: &str) -> String {
    match bare {
        "expected value" => {
            t("expected a value (a string, number, object, array, true, false or null)").into()
        }
        "trailing comma" => {
            t("a comma before a closing bracket, expected another value or no comma").into()
        }
        "trailing characters" => {
            t("more text after the workspace object, expected the end of the file").into()
        }
        "key must be a string" => t("expected a field name in double quotes").into(),
        other => parser_words(other),
    }
}

/// The parser's own sentence (`invalid type: string "x", expected …`) in
/// the reader's language: in Chinese its frame is translated (what it
/// expected already is, by the types' `expecting`); English keeps it as the
/// parser wrote it.
fn parser_words(bare: &str) -> String {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return bare.to_owned();
    }
    let framed = |rest: &str| {
        rest.split_once(", expected ")
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
    };
    if let Some((found, what)) = bare.strip_prefix("invalid type: ").and_then(framed) {
        return tf!("invalid type: {found}, expected {what}", found, what);
    }
    if let Some((found, what)) = bare.strip_prefix("invalid value: ").and_then(framed) {
        return tf!("invalid value: {found}, expected {what}", found, what);
    }
    if let Some((found, what)) = bare.strip_prefix("invalid length ").and_then(framed) {
        return tf!("invalid length {found}, expected {what}", found, what);
    }
    if let Some(field) = bare.strip_prefix("missing field ") {
        return tf!("missing field {field}", field);
    }
    if let Some(field) = bare.strip_prefix("duplicate field ") {
        return tf!("duplicate field {field}", field);
    }
    match bare {
        "EOF while parsing a value" => t("EOF while parsing a value").into(),
        "EOF while parsing a list" => t("EOF while parsing a list").into(),
        "EOF while parsing an object" => t("EOF while parsing an object").into(),
        "EOF while parsing a string" => t("EOF while parsing a string").into(),
        other => other.to_owned(),
    }
}

/// The `version` of a file that did not parse, if it is newer than ours.
fn newer_version_in(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Header {
        version: Option<u64>,
    }
    let header: Header = serde_json::from_str(text).ok()?;
    let v = header.version?;
    (v > VERSION).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &[u8]) -> String {
        parse(text, Path::new("ws.json")).unwrap_err()[0].to_string()
    }

    #[test]
    fn in_chinese_a_problem_keeps_its_file_line_column_and_path() {
        let zh = crate::i18n::Locale {
            lang: crate::i18n::Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        let text = "{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  \"accounts\": [{\"id\": \"a\", \"name\": \"A\"}],\n  \"opportunities\": [\n    {\"id\": \"o\", \"title\": \"T\", \"account\": \"a\", \"stage\": \"qualfy\"}\n  ]\n}\n";
        assert_eq!(
            crate::i18n::with(zh, || err(text.as_bytes())),
            "ws.json:6:56: 未知的阶段 \"qualfy\"，应为以下之一：qualify, drive, propose, negotiate, close（位于 opportunities[0].stage）"
        );
        let text = r#"{"format": "funnel-workspace", "version": 1, "accounts": [{"id": "a", "name": "A"}],
"opportunities": [{"id": "o", "title": "T", "account": "a", "stage": "drive", "value": "lots"}]}"#;
        assert_eq!(
            crate::i18n::with(zh, || err(text.as_bytes())),
            "ws.json:2:88: 类型不对：string \"lots\"，应为金额（不小于 0 的数）（位于 opportunities[0].value）"
        );
    }

    #[test]
    fn unknown_stage_names_line_column_and_choices() {
        let text = "{\n  \"format\": \"funnel-workspace\",\n  \"version\": 1,\n  \"accounts\": [{\"id\": \"a\", \"name\": \"A\"}],\n  \"opportunities\": [\n    {\"id\": \"o\", \"title\": \"T\", \"account\": \"a\", \"stage\": \"qualfy\"}\n  ]\n}\n";
        assert_eq!(
            err(text.as_bytes()),
            "ws.json:6:56: unknown stage \"qualfy\", expected one of qualify, drive, propose, negotiate, close (at opportunities[0].stage)"
        );
    }

    #[test]
    fn wrong_type_names_the_json_path() {
        let text = r#"{"format": "funnel-workspace", "version": 1, "accounts": [{"id": "a", "name": "A"}],
"opportunities": [{"id": "o", "title": "T", "account": "a", "stage": "drive", "value": "lots"}]}"#;
        let e = err(text.as_bytes());
        assert!(e.starts_with("ws.json:2:"), "{e}");
        assert!(e.contains("expected an amount"), "{e}");
        assert!(e.ends_with("(at opportunities[0].value)"), "{e}");
    }

    #[test]
    fn truncated_empty_bom_and_bad_utf8_are_named() {
        assert!(
            err(b"{\"format\": \"funnel-workspace\", \"vers").contains("the file ends too early")
        );
        assert!(err(b"  \n").starts_with("ws.json:1:1: the file is empty"));
        assert!(err(b"\xEF\xBB\xBF{}").contains("byte-order mark"));
        assert_eq!(
            err(b"{\n \"x\": \"ab\xFF\"}"),
            "ws.json:2:10: invalid UTF-8 (byte 0xFF), expected text in UTF-8"
        );
    }

    #[test]
    fn semantic_problems_point_at_the_offending_value() {
        let text = "{\"format\": \"funnel-workspace\", \"version\": 1,\n\"accounts\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}";
        assert_eq!(
            err(text.as_bytes()),
            "ws.json:2:47: duplicate account id \"a\", already used at accounts[0]"
        );
    }

    #[test]
    fn a_newer_version_loads_but_is_marked() {
        let parsed = parse(
            br#"{"format":"funnel-workspace","version":7}"#,
            Path::new("w"),
        )
        .unwrap();
        assert_eq!(parsed.newer_version, Some(7));
        let e =
            err(br#"{"format":"funnel-workspace","version":2,"opportunities":{"new":"shape"}}"#);
        assert!(e.contains("written by a newer funnel"), "{e}");
    }
}
