//! Where a conflict is, as text that names records by their ids rather than
//! their positions (positions differ between the two sides):
//! `opportunities[o1].influences[i2].attitude`, `settings.targets[["2026-Q4","Li Wei"]].amount`.
//!
//! An element's key is one value (its id, or a review's date) written as it
//! is when that is unambiguous, else as a JSON string; a key of several
//! fields is a JSON array.

use serde_json::Value;
use std::fmt;

/// One step into the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A field of an object.
    Key(String),
    /// The element of a list whose key fields hold these values.
    Item(Vec<Value>),
}

/// A path from the top of the workspace.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// The field names along the path, elements left out: what decides
    /// how a list is merged (`opportunities.influences`).
    pub fn pattern(&self) -> Vec<&str> {
        self.0
            .iter()
            .filter_map(|s| match s {
                Step::Key(k) => Some(k.as_str()),
                Step::Item(_) => None,
            })
            .collect()
    }

    /// `LIST[ID]`: a whole record of a list of the workspace.
    pub fn record(list: &str, id: &str) -> Path {
        Path(vec![
            Step::Key(list.to_owned()),
            Step::Item(vec![Value::String(id.to_owned())]),
        ])
    }

    /// Whether the path is exactly `LIST[…]`, a whole record of `list`.
    pub fn is_record_of(&self, list: &str) -> bool {
        matches!(self.0.as_slice(), [Step::Key(k), Step::Item(_)] if k == list)
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.len() >= other.0.len() && self.0[..other.0.len()] == other.0[..]
    }
}

/// A key value written without quotes: no character the path syntax uses.
fn plain(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.contains(['[', ']', '.', '"', '\\'])
        && !s.chars().any(char::is_control)
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                // a map's key (a saved filter's name, an import profile's)
                // may hold what the syntax uses: then it is a JSON string
                Step::Key(k) if !plain(k) => {
                    let quoted = Value::String(k.clone());
                    if n == 0 {
                        write!(f, "{quoted}")?
                    } else {
                        write!(f, ".{quoted}")?
                    }
                }
                Step::Key(k) if n == 0 => f.write_str(k)?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Item(key) => match key.as_slice() {
                    [Value::String(s)] if plain(s) => write!(f, "[{s}]")?,
                    [one @ Value::String(_)] => write!(f, "[{one}]")?,
                    many => write!(f, "[{}]", Value::Array(many.to_vec()))?,
                },
            }
        }
        Ok(())
    }
}

impl Path {
    /// Reads a path written by [`Path`]'s `Display`; `None` when it is
    /// not one (a conflict edited by hand).
    pub fn parse(text: &str) -> Option<Path> {
        if text.is_empty() {
            return None;
        }
        let b = text.as_bytes();
        let mut steps = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'[' if !steps.is_empty() => {
                    i += 1;
                    let (key, used) = match b.get(i)? {
                        b'"' | b'[' => {
                            let mut stream =
                                serde_json::Deserializer::from_slice(&b[i..]).into_iter::<Value>();
                            let value = stream.next()?.ok()?;
                            let used = stream.byte_offset();
                            match value {
                                Value::Array(items) => (items, used),
                                one @ Value::String(_) => (vec![one], used),
                                _ => return None,
                            }
                        }
                        _ => {
                            let end = text[i..].find(']')?;
                            (vec![Value::String(text[i..i + end].to_owned())], end)
                        }
                    };
                    i += used;
                    if b.get(i) != Some(&b']') {
                        return None;
                    }
                    i += 1;
                    steps.push(Step::Item(key));
                }
                b'.' if !steps.is_empty() && b.get(i + 1) == Some(&b'"') => {
                    let (key, used) = json_string(&b[i + 1..])?;
                    steps.push(Step::Key(key));
                    i += 1 + used;
                }
                b'"' if steps.is_empty() => {
                    let (key, used) = json_string(b)?;
                    steps.push(Step::Key(key));
                    i += used;
                }
                b'.' if !steps.is_empty() => {
                    i += 1;
                    let end = text[i..].find(['.', '[']).map_or(text.len(), |e| i + e);
                    if end == i {
                        return None;
                    }
                    steps.push(Step::Key(text[i..end].to_owned()));
                    i = end;
                }
                _ if steps.is_empty() => {
                    let end = text.find(['.', '[']).unwrap_or(text.len());
                    if end == 0 {
                        return None;
                    }
                    steps.push(Step::Key(text[..end].to_owned()));
                    i = end;
                }
                _ => return None,
            }
        }
        Some(Path(steps))
    }
}

/// The JSON string at the start of `b`, and the bytes it took.
fn json_string(b: &[u8]) -> Option<(String, usize)> {
    let mut stream = serde_json::Deserializer::from_slice(b).into_iter::<Value>();
    match stream.next()?.ok()? {
        Value::String(s) => Some((s, stream.byte_offset())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(k: &str) -> Step {
        Step::Key(k.into())
    }

    #[test]
    fn paths_read_back_as_written() {
        let cases = [
            Path(vec![
                key("opportunities"),
                Step::Item(vec![json!("o1")]),
                key("influences"),
                Step::Item(vec![json!("i2")]),
                key("attitude"),
            ]),
            Path(vec![
                key("settings"),
                key("targets"),
                Step::Item(vec![json!("2026-Q4"), Value::Null]),
                key("amount"),
            ]),
            Path(vec![key("accounts"), Step::Item(vec![json!("a.b]\"c")])]),
            Path(vec![key("opportunities"), Step::Item(vec![json!(" 王 ")])]),
            Path(vec![
                key("settings"),
                key("stage_probability"),
                key("drive"),
            ]),
            Path(vec![
                key("settings"),
                key("saved_filters"),
                key("q4.big [x]"),
            ]),
            Path(vec![key("a.b"), key("c")]),
            Path(vec![key("settings"), key("")]),
        ];
        for p in cases {
            let text = p.to_string();
            assert_eq!(Path::parse(&text).as_ref(), Some(&p), "{text}");
        }
        assert_eq!(
            Path(vec![
                key("opportunities"),
                Step::Item(vec![json!("o1")]),
                key("value")
            ])
            .to_string(),
            "opportunities[o1].value"
        );
    }

    #[test]
    fn what_is_not_a_path_is_refused() {
        for bad in ["", "[o1]", "a..b", "a[o1", "a[\"x\"", "a[\"x\"]b", ".a"] {
            assert_eq!(Path::parse(bad), None, "{bad}");
        }
    }
}
