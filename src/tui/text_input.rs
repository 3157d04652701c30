//! The one single-line text input: form fields, the filter prompt and the
//! reschedule prompt type through it. With the keymap, the only place that
//! reads raw keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextInput {
    pub fn new(value: impl Into<String>) -> TextInput {
        let value = value.into();
        let cursor = value.chars().count();
        TextInput { value, cursor }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, value: impl Into<String>) {
        *self = TextInput::new(value);
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts `text` at the cursor on one line, cleaned as everything
    /// shown is ([`crate::text::clean`]): line breaks and tabs become spaces
    /// (a pasted line break must never act as Enter), control and
    /// bidi-override characters are dropped.
    pub fn insert(&mut self, text: &str) {
        let clean = crate::text::clean(text);
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Edits the text with `key`; false when the key is not an editing key
    /// (the caller may give it another meaning). `accept` filters typed
    /// characters (a date prompt takes digits and dashes only).
    pub fn handle(&mut self, key: &KeyEvent, accept: impl Fn(char) -> bool) -> bool {
        let len = self.value.chars().count();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                // to the start of the line, as in a shell
                let at = self.byte_at(self.cursor);
                self.value.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                // the word before the cursor, and the spaces after it
                let chars: Vec<char> = self.value.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
                self.value.replace_range(from..to, "");
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = len,
            KeyCode::Char(c) if !ctrl && !alt => {
                if crate::text::is_unsafe_char(c) || !accept(c) {
                    return false;
                }
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
            }
            KeyCode::Left if self.cursor > 0 => self.cursor -= 1,
            KeyCode::Right if self.cursor < len => self.cursor += 1,
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            // at an end already: nothing to do, but still an editing key
            KeyCode::Backspace | KeyCode::Delete | KeyCode::Left | KeyCode::Right => {}
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &mut TextInput, text: &str) {
        for c in text.chars() {
            t.handle(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), |_| {
                true
            });
        }
    }

    fn code(t: &mut TextInput, code: KeyCode) {
        t.handle(&KeyEvent::new(code, KeyModifiers::NONE), |_| true);
    }

    fn ctrl(t: &mut TextInput, c: char) {
        t.handle(
            &KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            |_| true,
        );
    }

    #[test]
    fn typing_is_at_the_cursor_in_characters_not_bytes() {
        let mut t = TextInput::new("王总好");
        code(&mut t, KeyCode::Left);
        code(&mut t, KeyCode::Backspace);
        keys(&mut t, "经理");
        assert_eq!(t.value(), "王经理好");
        code(&mut t, KeyCode::Home);
        code(&mut t, KeyCode::Delete);
        assert_eq!(t.value(), "经理好");
        code(&mut t, KeyCode::Left);
        assert_eq!(t.cursor(), 0);
    }

    #[test]
    fn ctrl_w_and_ctrl_u_delete_as_in_a_shell() {
        let mut t = TextInput::new("big deal  ");
        ctrl(&mut t, 'w');
        assert_eq!(t.value(), "big ");
        ctrl(&mut t, 'w');
        assert_eq!(t.value(), "");
        let mut t = TextInput::new("abc def");
        code(&mut t, KeyCode::Left);
        ctrl(&mut t, 'u');
        assert_eq!((t.value(), t.cursor()), ("f", 0));
    }

    #[test]
    fn a_filter_refuses_characters_and_paste_stays_on_one_line() {
        let mut t = TextInput::default();
        let date = |c: char| c.is_ascii_digit() || c == '-';
        for c in "2026-x1".chars() {
            t.handle(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), date);
        }
        assert_eq!(t.value(), "2026-1");
        let mut t = TextInput::default();
        t.insert("line one\nline two\u{7}");
        assert_eq!(t.value(), "line one line two");
        t.clear();
        t.insert("a\u{202E}b\u{2028}c");
        assert_eq!(t.value(), "ab c", "bidi overrides never get into the data");
    }
}
