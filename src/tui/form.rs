//! A form: labelled fields edited from the keyboard and validated as you
//! type. Enumerated fields cycle through their values, never free text.
//! Fields are addressed by their [`FieldId`]; the label is the id's.

pub use super::forms::FieldId;
use crate::domain::{Date, Money, Percent};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text {
        required: bool,
    },
    Money,
    Date {
        optional: bool,
    },
    Percent,
    /// One of a fixed list, cycled with ← → or space.
    Choice(Vec<String>),
    /// A name picked from `names` with ← →, or typed to create a new one.
    Pick(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: FieldId,
    pub kind: Kind,
    pub value: String,
    /// Cursor position in characters (text-like fields).
    pub cursor: usize,
}

impl Field {
    pub fn new(id: FieldId, kind: Kind, value: impl Into<String>) -> Field {
        let value = value.into();
        let cursor = value.chars().count();
        Field {
            id,
            kind,
            value,
            cursor,
        }
    }

    pub fn label(&self) -> &'static str {
        self.id.label()
    }

    /// What is wrong with the value as typed, if anything.
    pub fn error(&self) -> Option<String> {
        let v = self.value.trim();
        match &self.kind {
            Kind::Text { required: true } | Kind::Pick(_) if v.is_empty() => {
                Some("required".into())
            }
            Kind::Money => Money::parse_typed(v).err(),
            Kind::Date { optional } => {
                if v.is_empty() {
                    (!optional).then(|| "required".into())
                } else {
                    Date::parse(v)
                        .is_none()
                        .then(|| "expected a date YYYY-MM-DD".into())
                }
            }
            Kind::Percent => (!v.is_empty() && self.percent().is_none())
                .then(|| "expected 0 to 100, or empty for the stage's".into()),
            _ => None,
        }
    }

    /// A hint beside a valid value (a picked name that is new, say).
    pub fn note(&self) -> Option<&'static str> {
        match &self.kind {
            Kind::Pick(names) if !self.value.trim().is_empty() => {
                Some(if names.iter().any(|n| n == self.value.trim()) {
                    "existing · ← → to pick"
                } else {
                    "new: will be created · ← → to pick"
                })
            }
            Kind::Choice(_) => Some("← → to change"),
            _ => None,
        }
    }

    pub fn money(&self) -> Option<Money> {
        Money::parse_typed(self.value.trim()).ok()
    }

    pub fn date(&self) -> Option<Date> {
        Date::parse(self.value.trim())
    }

    pub fn percent(&self) -> Option<Percent> {
        self.value.trim().parse::<i64>().ok().and_then(Percent::new)
    }

    fn is_text(&self) -> bool {
        !matches!(self.kind, Kind::Choice(_))
    }

    fn cycle(&mut self, forward: bool) {
        let options = match &self.kind {
            Kind::Choice(o) => o.clone(),
            Kind::Pick(names) => {
                // cycle among the names that contain what was typed, or all
                let typed = self.value.trim().to_lowercase();
                let matching: Vec<String> = names
                    .iter()
                    .filter(|n| n.to_lowercase().contains(&typed))
                    .cloned()
                    .collect();
                if matching.is_empty() || matching.iter().any(|n| n.to_lowercase() == typed) {
                    names.clone()
                } else {
                    matching
                }
            }
            _ => return,
        };
        if options.is_empty() {
            return;
        }
        let at = options.iter().position(|o| *o == self.value);
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => options.len() - 1,
            (Some(i), true) => (i + 1) % options.len(),
            (Some(i), false) => (i + options.len() - 1) % options.len(),
        };
        self.value = options[next].clone();
        self.cursor = self.value.chars().count();
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn edit(&mut self, key: &KeyEvent) -> bool {
        let len = self.value.chars().count();
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.clear();
                self.cursor = 0;
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                if c.is_control() {
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
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => return false,
        }
        true
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Submit,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
        }
    }

    /// The field `id`, when this form has it.
    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The trimmed value of field `id`; empty when the form has no such
    /// field (each form's tests check it has the fields its reader asks for).
    pub fn value(&self, id: FieldId) -> &str {
        self.field(id).map_or("", |f| f.value.trim())
    }

    /// Field `id` as a date, when it holds one.
    pub fn date(&self, id: FieldId) -> Option<Date> {
        self.field(id).and_then(Field::date)
    }

    /// Pasted text goes into the focused field at the cursor, on one line:
    /// a line break in a paste must never act as Enter.
    pub fn paste(&mut self, text: &str) {
        let f = &mut self.fields[self.focus];
        if !f.is_text() {
            return;
        }
        let clean: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        let at = f.byte_at(f.cursor);
        f.value.insert_str(at, clean.trim_end());
        f.cursor += clean.trim_end().chars().count();
    }

    pub fn first_error(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.error().is_some())
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let n = self.fields.len();
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Enter => match self.first_error() {
                None => return Outcome::Submit,
                Some(i) => self.focus = i,
            },
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                let f = &mut self.fields[self.focus];
                match key.code {
                    KeyCode::Left | KeyCode::Right
                        if !f.is_text() || matches!(f.kind, Kind::Pick(_)) =>
                    {
                        f.cycle(key.code == KeyCode::Right)
                    }
                    KeyCode::Char(' ') if !f.is_text() => f.cycle(true),
                    KeyCode::Left if f.cursor > 0 => f.cursor -= 1,
                    KeyCode::Right if f.cursor < f.value.chars().count() => f.cursor += 1,
                    _ if f.is_text() => {
                        f.edit(key);
                    }
                    _ => {}
                }
            }
        }
        Outcome::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(form: &mut Form, keys: &str) -> Outcome {
        let mut last = Outcome::Continue;
        for c in keys.chars() {
            last = form.handle(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        last
    }

    fn key(form: &mut Form, code: KeyCode) -> Outcome {
        form.handle(&KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn sample() -> Form {
        Form::new(
            "t",
            vec![
                Field::new(FieldId::Title, Kind::Text { required: true }, ""),
                Field::new(FieldId::Value, Kind::Money, "0"),
                Field::new(FieldId::ExpectedClose, Kind::Date { optional: true }, ""),
                Field::new(
                    FieldId::Stage,
                    Kind::Choice(vec!["qualify".into(), "drive".into()]),
                    "qualify",
                ),
                Field::new(
                    FieldId::Account,
                    Kind::Pick(vec!["长城润滑油".into(), "Acme".into()]),
                    "",
                ),
                Field::new(FieldId::Probability, Kind::Percent, ""),
            ],
        )
    }

    #[test]
    fn fields_validate_as_you_type() {
        let mut f = sample();
        assert_eq!(f.fields[0].error().as_deref(), Some("required"));
        press(&mut f, "ERP 项目");
        assert_eq!(f.value(FieldId::Title), "ERP 项目");
        assert_eq!(f.fields[0].error(), None);
        key(&mut f, KeyCode::Tab);
        key(&mut f, KeyCode::Backspace);
        press(&mut f, "1,200,000.5");
        assert_eq!(f.fields[1].money(), Some(Money(120000050)));
        key(&mut f, KeyCode::Tab);
        press(&mut f, "2026-13");
        assert!(f.fields[2].error().unwrap().contains("YYYY-MM-DD"));
        key(&mut f, KeyCode::Char('u'));
        f.handle(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        press(&mut f, "2026-12-15");
        assert_eq!(f.fields[2].error(), None);
    }

    #[test]
    fn enter_submits_only_a_valid_form_and_esc_cancels() {
        let mut f = sample();
        assert_eq!(key(&mut f, KeyCode::Enter), Outcome::Continue);
        assert_eq!(f.focus, 0, "focus goes to the first problem");
        press(&mut f, "x");
        f.focus = 4;
        key(&mut f, KeyCode::Right);
        assert_eq!(f.value(FieldId::Account), "长城润滑油");
        assert_eq!(key(&mut f, KeyCode::Enter), Outcome::Submit);
        assert_eq!(key(&mut f, KeyCode::Esc), Outcome::Cancel);
    }

    #[test]
    fn choices_cycle_and_never_take_text() {
        let mut f = sample();
        f.focus = 3;
        press(&mut f, "zz");
        assert_eq!(f.value(FieldId::Stage), "qualify");
        key(&mut f, KeyCode::Right);
        assert_eq!(f.value(FieldId::Stage), "drive");
        key(&mut f, KeyCode::Right);
        assert_eq!(f.value(FieldId::Stage), "qualify");
        key(&mut f, KeyCode::Left);
        assert_eq!(f.value(FieldId::Stage), "drive");
    }

    #[test]
    fn text_is_edited_at_the_cursor() {
        let mut f = sample();
        press(&mut f, "王总好");
        key(&mut f, KeyCode::Left);
        key(&mut f, KeyCode::Backspace);
        press(&mut f, "经理");
        assert_eq!(f.value(FieldId::Title), "王经理好");
        f.focus = 5;
        press(&mut f, "101");
        assert!(f.fields[5].error().is_some());
        key(&mut f, KeyCode::Backspace);
        assert_eq!(f.fields[5].percent(), Some(Percent(10)));
    }
}
