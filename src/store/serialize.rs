//! The one JSON writer: pretty, 2-space indent, trailing newline, and
//! characters that could fool a terminal (C1 controls, bidi overrides, line
//! separators) written as `\uXXXX` escapes, so `cat workspace.json` and
//! `funnel list --format json` are safe to print and the data is unchanged.

use crate::text::is_unsafe_char;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Serialises `value` the stable way.
pub fn to_json_bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    write_at_depth(&mut out, value, 0);
    out.push(b'\n');
    out
}

/// Appends `value` as it would appear nested `depth` arrays or objects
/// deep in a [`to_json_bytes`] output (no leading indent, no newline), so a
/// record serialised alone can be spliced into the whole file unchanged.
pub fn write_at_depth<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) {
    let mut ser = serde_json::Serializer::with_formatter(out, SafePretty::at_depth(depth));
    value
        .serialize(&mut ser)
        .expect("serialising to memory cannot fail: every key is a string");
}

#[derive(Default)]
struct SafePretty {
    inner: PrettyFormatter<'static>,
}

impl SafePretty {
    /// A formatter that indents as if `depth` containers were open: the
    /// pretty formatter keeps its depth private, and opening containers
    /// into a sink is the one way to set it.
    fn at_depth(depth: usize) -> SafePretty {
        let mut f = SafePretty::default();
        for _ in 0..depth {
            let _ = f.inner.begin_array(&mut io::sink());
        }
        f
    }
}

impl Formatter for SafePretty {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if fragment.bytes().all(|b| b.is_ascii() && b != 0x7F) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe_char(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_pretty_with_a_trailing_newline() {
        let v = serde_json::json!({"a": [1, 2], "b": {}});
        assert_eq!(
            String::from_utf8(to_json_bytes(&v)).unwrap(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}\n"
        );
    }

    #[test]
    fn bidi_overrides_are_escaped_and_read_back_unchanged() {
        let s = "王总\u{202E}evil\u{85}ok\n";
        let out = String::from_utf8(to_json_bytes(&s)).unwrap();
        assert_eq!(out, "\"王总\\u202eevil\\u0085ok\\n\"\n");
        let del = String::from_utf8(to_json_bytes(&"a\u{7f}b")).unwrap();
        assert_eq!(del, "\"a\\u007fb\"\n");
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s);
    }
}
