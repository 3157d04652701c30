//! JSON written straight into the output for the largest listing (`flags
//! --format json`: 74,000 objects at 10,000 deals), byte for byte as
//! `store::to_json_bytes` writes it (two-space indent, terminal-unsafe
//! characters escaped), without a serde pass and a second copy.

/// Appends `s` as a JSON string: what serde_json escapes (quote, backslash,
/// control characters, with its short forms), plus every character that
/// could fool a terminal as `\uXXXX`, as the workspace writer does.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes
            .get(i..i + 8)
            .is_some_and(|chunk| crate::text::plain8(chunk, b"\"\\"))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let c = if b < 0x80 {
            i += 1;
            if (0x20..0x7F).contains(&b) && b != b'"' && b != b'\\' {
                continue;
            }
            b as char
        } else if !matches!(b, 0xC2 | 0xD8 | 0xE2) {
            // no unsafe character starts with this byte (see `text`)
            i += crate::text::utf8_len(b);
            continue;
        } else {
            let c = s[i..].chars().next().expect("on a character boundary");
            i += c.len_utf8();
            if !crate::text::is_unsafe_char(c) {
                continue;
            }
            c
        };
        out.extend_from_slice(&bytes[start..i - c.len_utf8()]);
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\u{c}' => out.extend_from_slice(b"\\f"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Writes an array of flat objects (string or null values) in the pretty
/// layout, ending with a newline: `fields` gives each object's pairs (keys
/// are plain identifiers, written as they are). The array comes in pieces
/// to be written one after the other, one piece per core, built at once.
pub fn objects<T: Sync, const N: usize>(
    items: &[T],
    fields: impl Fn(&T) -> [(&'static str, Option<&str>); N] + Sync,
) -> Vec<Vec<u8>> {
    if items.is_empty() {
        return vec![b"[]\n".to_vec()];
    }
    let mut pieces = crate::domain::parallel::chunks(items, 4096, |start, part| {
        let mut out = Vec::with_capacity(part.len() * 320);
        if start == 0 {
            out.extend_from_slice(b"[\n");
        }
        for (n, item) in part.iter().enumerate() {
            out.extend_from_slice(if start + n == 0 {
                b"  {\n"
            } else {
                b",\n  {\n"
            });
            for (k, (key, value)) in fields(item).iter().enumerate() {
                debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
                out.extend_from_slice(if k == 0 { b"    \"" } else { b",\n    \"" });
                out.extend_from_slice(key.as_bytes());
                out.extend_from_slice(b"\": ");
                match value {
                    Some(v) => string(&mut out, v),
                    None => out.extend_from_slice(b"null"),
                }
            }
            out.extend_from_slice(b"\n  }");
        }
        out
    });
    pieces.push(b"\n]\n".to_vec());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_json_bytes;

    #[test]
    fn strings_are_escaped_as_the_workspace_writer_escapes_them() {
        let mut cases: Vec<String> = (0u32..0x300)
            .chain(0x600..0x700)
            .chain(0x2000..0x2100)
            .chain([0xFEFF, 0x1F600, 0x10FFFF])
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    format!("a{c}b{c}"),
                    format!("eight or more plain bytes{c}, and more {c}{c} after"),
                ]
            })
            .collect();
        cases.extend(["", "\"", "\\", "王总\u{202E}evil\u{85}ok\n", "\u{7f}"].map(String::from));
        for case in cases {
            let mut out = Vec::new();
            string(&mut out, &case);
            out.push(b'\n');
            assert_eq!(out, to_json_bytes(&case), "{case:?}");
        }
    }

    #[test]
    fn objects_are_laid_out_as_the_workspace_writer_lays_them_out() {
        let items = [("o1", Some("x\u{202e}")), ("o2", None)];
        type Item = (&'static str, Option<&'static str>);
        fn fields(&(a, b): &Item) -> [(&'static str, Option<&str>); 6] {
            [
                ("opportunity", Some(a)),
                ("rule", Some("r")),
                ("severity", Some("high")),
                ("message", Some("m \"q\"")),
                ("suggestion", Some("")),
                ("subject", b),
            ]
        }
        #[derive(serde::Serialize)]
        struct F<'a> {
            opportunity: &'a str,
            rule: &'a str,
            severity: &'a str,
            message: &'a str,
            suggestion: &'a str,
            subject: Option<&'a str>,
        }
        let structs: Vec<F> = items
            .iter()
            .map(|&(a, b)| F {
                opportunity: a,
                rule: "r",
                severity: "high",
                message: "m \"q\"",
                suggestion: "",
                subject: b,
            })
            .collect();
        assert_eq!(objects(&items, fields).concat(), to_json_bytes(&structs));
        assert_eq!(
            objects(&items[..0], fields).concat(),
            to_json_bytes(&structs[..0])
        );
        // in pieces built on several cores, the same bytes as in one
        let many: Vec<Item> = (0..10_000)
            .map(|n| (if n % 2 == 0 { "o1" } else { "o2" }, None))
            .collect();
        let pieces = objects(&many, fields);
        let structs: Vec<F> = many
            .iter()
            .map(|&(a, b)| F {
                opportunity: a,
                rule: "r",
                severity: "high",
                message: "m \"q\"",
                suggestion: "",
                subject: b,
            })
            .collect();
        assert_eq!(pieces.concat(), to_json_bytes(&structs));
    }
}
