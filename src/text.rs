//! The output boundary for plain text: user data never brings control or
//! bidi-override characters to the terminal, and columns line up with
//! Chinese (double-width) text. Shared by the CLI, the exports, the JSON
//! writer and the workbench's views, so it depends on none of them.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// `s` with line breaks and tabs turned into spaces and every other control
/// or bidi-override character removed.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if is_unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Like [`clean`] but keeps line breaks (LF, and CRLF as iCalendar needs).
pub fn clean_lines(s: &str) -> String {
    s.split('\n')
        .map(|line| match line.strip_suffix('\r') {
            Some(body) => format!("{}\r", clean(body)),
            None => clean(line).into_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Whether `c` could fool a terminal: escaped in JSON output (see
/// `store::serialize`) and dropped from plain text.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_never_pass() {
        assert_eq!(
            clean("王总\u{202E}gnp.exe\u{1b}[31m\nnext"),
            "王总gnp.exe[31m next"
        );
        assert!(matches!(clean("plain 文本"), Cow::Borrowed(_)));
    }
}
