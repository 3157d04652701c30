//! A form: labelled fields edited from the keyboard and validated as you
//! type. Enumerated fields cycle through their values, never free text.
//! Fields are addressed by their [`FieldId`]; the label is the id's.

pub use super::forms::FieldId;
use super::keymap::{Action, Scope, lookup};
use super::text_input::TextInput;
use crate::domain::typed;
use crate::domain::{Date, Money, Percent, TimeOfDay};
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text {
        required: bool,
    },
    /// An amount, read by [`typed::parse_amount`] (`500k`, `1.2M`, `2万`).
    Money,
    /// An amount or nothing; the text says what nothing means (`a third
    /// of the quarter: 400,000`), shown while the field is empty.
    OptionalMoney(String),
    /// An amount or nothing, where 0 is an amount too (a credit limit of
    /// 0 is cash only; last year's result may be 0); the text says what
    /// nothing means.
    OptionalAmount(String),
    /// A date, read by [`typed::parse_date`] relative to `today` (`eoq`,
    /// `+2w`, `fri`).
    Date {
        optional: bool,
        today: Date,
    },
    /// A required date on or before `latest`, the workbench's today (also
    /// what relative dates count from), read by [`typed::parse_past_date`]
    /// (`fri` is the last Friday): when a deal was won or lost cannot be in
    /// the future.
    DateUpTo(Date),
    /// [`Kind::DateUpTo`] or nothing (when an invoice was paid, a complaint
    /// resolved: not yet, or not after today).
    OptionalDateUpTo(Date),
    Percent,
    /// A whole number from `min` to `max`, required (days, a percentage
    /// the settings must have).
    Whole {
        min: u32,
        max: u32,
    },
    /// A whole number from `min` to `max`, or nothing; the text says what
    /// nothing means (`blank: 30 days, the default for high influence`),
    /// shown while the field is empty.
    OptionalWhole {
        min: u32,
        max: u32,
        empty: String,
    },
    /// A time of day or nothing, read leniently by [`TimeOfDay::typed`]
    /// (`9:30`, `930`, `9`).
    Time,
    /// One of a fixed list, cycled with ← → or space.
    Choice(Vec<String>),
    /// A name picked from `names` with ← →, or typed to create a new one.
    Pick(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: FieldId,
    pub kind: Kind,
    /// The text typed, or the value chosen.
    pub input: TextInput,
    /// What to write here, shown while the field is focused (the course's
    /// advice on a kind of SPIN question), instead of the kind's own.
    pub hint: Option<&'static str>,
}

impl Field {
    pub fn new(id: FieldId, kind: Kind, value: impl Into<String>) -> Field {
        Field {
            id,
            kind,
            input: TextInput::new(value),
            hint: None,
        }
    }

    /// The field with `hint` shown while it is focused.
    pub fn with_hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn label(&self) -> &'static str {
        self.id.label()
    }

    /// The value as typed or chosen, untrimmed.
    pub fn raw(&self) -> &str {
        self.input.value()
    }

    /// What is wrong with the value as typed, if anything.
    pub fn error(&self) -> Option<String> {
        let v = self.raw().trim();
        match &self.kind {
            Kind::Text { required: true } | Kind::Pick(_) if v.is_empty() => {
                Some(crate::i18n::t("required").into())
            }
            Kind::Money => typed::parse_amount(v, false).err(),
            Kind::OptionalMoney(_) | Kind::OptionalAmount(_) if v.is_empty() => None,
            Kind::OptionalAmount(_) => typed::parse_amount(v, false).err(),
            // a target (the one use): more than 0, or empty for none
            Kind::OptionalMoney(_) => match typed::parse_amount(v, true) {
                Ok(m) if m.0 > 0 => None,
                Ok(_) => Some(
                    crate::i18n::t("a target is more than 0: leave the field empty for none")
                        .into(),
                ),
                Err(e) => Some(e),
            },
            Kind::Date { optional, today } => {
                if v.is_empty() {
                    (!optional).then(|| crate::i18n::t("required").into())
                } else {
                    typed::parse_date(v, *today).err()
                }
            }
            Kind::OptionalDateUpTo(_) if v.is_empty() => None,
            Kind::DateUpTo(latest) | Kind::OptionalDateUpTo(latest) => {
                match typed::parse_past_date(v, *latest) {
                    _ if v.is_empty() => Some(crate::i18n::t("required").into()),
                    Err(e) => Some(e),
                    Ok(d) if d > *latest => Some(crate::tf!(
                        "{date} is after today ({latest})",
                        date = typed::describe(d),
                        latest
                    )),
                    Ok(_) => None,
                }
            }
            Kind::Whole { min, max } => self.whole().is_none().then(|| {
                crate::tf!(
                    "expected a whole number from {min} to {max}",
                    min = *min,
                    max = *max
                )
            }),
            Kind::OptionalWhole { .. } if v.is_empty() => None,
            Kind::OptionalWhole { min, max, .. } => self.whole().is_none().then(|| {
                crate::tf!(
                    "expected a whole number from {min} to {max}, or empty for the default",
                    min = *min,
                    max = *max
                )
            }),
            Kind::Time if v.is_empty() || self.time().is_some() => None,
            Kind::Time => Some(crate::tf!(
                "{field}: expected a time like 9:30, 0930 or 14 (00:00 to 23:59), or empty for none",
                field = self.label()
            )),
            Kind::Percent => (!v.is_empty() && self.percent().is_none())
                .then(|| crate::i18n::t("expected 0 to 100, or empty for the stage's").into()),
            _ => None,
        }
    }

    /// A hint beside a valid value (a picked name that is new, say).
    pub fn note(&self) -> Option<String> {
        if let Some(hint) = self.hint {
            return Some(hint.to_owned());
        }
        let note = match &self.kind {
            // what an empty field means, while it is empty
            Kind::OptionalWhole { empty, .. } if self.raw().trim().is_empty() => {
                return Some(empty.clone());
            }
            Kind::Pick(names) if !self.raw().trim().is_empty() => {
                Some(if names.iter().any(|n| n == self.raw().trim()) {
                    "existing · ← → to pick"
                } else {
                    "new: will be created · ← → to pick"
                })
            }
            Kind::Choice(_) => Some("← → to change"),
            Kind::Money | Kind::OptionalMoney(_) | Kind::OptionalAmount(_) => {
                Some("or 500k, 1.2M, 2万")
            }
            Kind::Date { .. } => Some("or today, +3, +2w, fri, eom, eoq"),
            Kind::DateUpTo(_) | Kind::OptionalDateUpTo(_) => {
                Some("or yesterday, -3, -1w, fri (the last)")
            }
            Kind::Time => Some("like 9:30, 0930 or 14; empty for none"),
            _ => None,
        };
        note.map(|n| crate::i18n::t(n).to_owned())
    }

    /// How `value`, one of a choice's values, is shown: an enum word by
    /// its label in the thread's language (`决策人`), while the form keeps,
    /// and saves, the word itself (`decision_maker`).
    pub fn shown_choice(&self, value: &str) -> String {
        use crate::i18n::{Lang, t, word};
        // `best: sign the pilot order`: the commitment, then what the
        // plan says it is
        if self.id == FieldId::Commitment {
            let (head, what) = value.split_once(": ").unwrap_or((value, ""));
            let head = word("commitment", head);
            return match (what, crate::i18n::lang()) {
                ("", _) => head,
                (w, Lang::En) => format!("{head}: {w}"),
                (w, _) => format!("{head}：{w}"),
            };
        }
        if crate::i18n::lang() == Lang::En {
            return crate::text::word_label(value);
        }
        let kind = match self.id {
            FieldId::Stage => "stage",
            FieldId::CloseResult => "outcome",
            FieldId::ReasonCode => "reason",
            FieldId::DecisionRole => "decision role",
            FieldId::Attitude => "attitude",
            FieldId::Mode => "mode",
            FieldId::Influence => "influence level", // i18n-exempt: a words list's name
            FieldId::Focus => "focus",
            FieldId::SocialStyle => "social style",
            FieldId::Tier => "tier",
            FieldId::Position | FieldId::Standing => "standing",
            FieldId::CriterionKind => "criterion kind", // i18n-exempt: a words list's name
            FieldId::Side => "side",
            FieldId::ActionKind => "action kind", // i18n-exempt: a words list's name
            FieldId::Relationship => "relationship stage", // i18n-exempt: a words list's name
            FieldId::EconomicBuyer | FieldId::User | FieldId::Technical | FieldId::Coach => {
                return t(value).to_owned();
            }
            FieldId::Coverage => return t(value).to_owned(),
            FieldId::NumberStyle => {
                return match value {
                    "western" => t("western (1.2M, 437k)").to_owned(),
                    "chinese" => t("chinese (120万, 1.2亿)").to_owned(),
                    other => other.to_owned(),
                };
            }
            // "from probability (best case)" is written in the thread's
            // language when the form is made
            FieldId::ForecastCategory
                if crate::domain::ForecastCategory::parse(value).is_none() =>
            {
                return value.to_owned();
            }
            FieldId::ForecastCategory => "forecast category", // i18n-exempt: a words list's name
            // `stalled_deal (3 deals)`: the rule, then how many deals show it
            FieldId::Rule => {
                let rules = "red-flag rule"; // i18n-exempt: a words list's name
                return match value.split_once(" (") {
                    Some((rule, rest)) => {
                        let rest = rest.trim_end_matches(')');
                        format!("{}（{rest}）", word(rules, rule))
                    }
                    None => word(rules, value),
                };
            }
            _ => return crate::text::word_label(value),
        };
        word(kind, value)
    }

    /// What a valid amount or date typed in a shorthand means, so that
    /// the user sees it before saving: `→ 2026-12-31 (Thu)`, `→ 500,000`.
    /// Nothing when the text already says it plainly.
    pub fn meaning(&self) -> Option<String> {
        let v = self.raw().trim();
        match &self.kind {
            Kind::Money => self.money().map(Money::grouped).filter(|m| m != v),
            Kind::OptionalMoney(empty) | Kind::OptionalAmount(empty) if v.is_empty() => {
                Some(empty.clone())
            }
            Kind::OptionalMoney(_) | Kind::OptionalAmount(_) => {
                self.money().map(Money::grouped).filter(|m| m != v)
            }
            Kind::Time => self.time().map(|t| t.to_string()).filter(|t| t != v),
            Kind::Date { .. } | Kind::DateUpTo(_) | Kind::OptionalDateUpTo(_) if !v.is_empty() => {
                self.date()
                    .filter(|d| d.to_string() != v)
                    .map(typed::describe)
            }
            _ => None,
        }
        .map(|m| format!("→ {m}"))
    }

    pub fn money(&self) -> Option<Money> {
        typed::parse_amount(self.raw().trim(), false).ok()
    }

    pub fn date(&self) -> Option<Date> {
        let v = self.raw().trim();
        match self.kind {
            Kind::Date { today, .. } => typed::parse_date(v, today).ok(),
            Kind::DateUpTo(today) | Kind::OptionalDateUpTo(today) => {
                typed::parse_past_date(v, today).ok()
            }
            _ => None,
        }
    }

    /// The time a [`Kind::Time`] field holds, when it holds one.
    pub fn time(&self) -> Option<TimeOfDay> {
        match self.kind {
            Kind::Time => TimeOfDay::typed(self.raw()),
            _ => None,
        }
    }

    /// The number a [`Kind::Whole`] (or [`Kind::OptionalWhole`]) field
    /// holds, when in its range.
    pub fn whole(&self) -> Option<u32> {
        let (min, max) = match self.kind {
            Kind::Whole { min, max } | Kind::OptionalWhole { min, max, .. } => (min, max),
            _ => return None,
        };
        self.raw()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (min..=max).contains(n))
    }

    pub fn percent(&self) -> Option<Percent> {
        self.raw().trim().parse::<i64>().ok().and_then(Percent::new)
    }

    fn is_text(&self) -> bool {
        !matches!(self.kind, Kind::Choice(_))
    }

    fn cycle(&mut self, forward: bool) {
        let options = match &self.kind {
            Kind::Choice(o) => o.clone(),
            Kind::Pick(names) => {
                // cycle among the names that contain what was typed, or all
                let typed = self.raw().trim().to_lowercase();
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
        let at = options.iter().position(|o| o == self.raw());
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => options.len() - 1,
            (Some(i), true) => (i + 1) % options.len(),
            (Some(i), false) => (i + options.len() - 1) % options.len(),
        };
        self.input.set(options[next].clone());
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
        self.field(id).map_or("", |f| f.raw().trim())
    }

    /// Field `id` as a date, when it holds one.
    pub fn date(&self, id: FieldId) -> Option<Date> {
        self.field(id).and_then(Field::date)
    }

    /// Pasted text goes into the focused field at the cursor, on one line:
    /// a line break in a paste must never act as Enter.
    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus).filter(|f| f.is_text()) {
            f.input.insert(text.trim_end());
        }
    }

    pub fn first_error(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.error().is_some())
    }

    /// Where the form's keys are looked up: the focused field decides
    /// whether ← → choose a value or move the cursor.
    pub fn scopes(&self) -> &'static [Scope] {
        match self.fields.get(self.focus).map(|f| &f.kind) {
            Some(Kind::Choice(_)) => &[Scope::Always, Scope::Form, Scope::Choice],
            Some(Kind::Pick(_)) => &[Scope::Always, Scope::Form, Scope::Pick],
            _ => &[Scope::Always, Scope::Form],
        }
    }

    /// A key, through the keymap under the form's scopes; what no scope
    /// binds is typed into the focused field.
    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        match lookup(key, self.scopes()) {
            Some(Action::Cancel) => Outcome::Cancel,
            Some(Action::Submit) => self.submit(),
            Some(Action::NextField) => self.step(true),
            Some(Action::PrevField) => self.step(false),
            Some(Action::ChoiceNext) => self.cycle(true),
            Some(Action::ChoicePrev) => self.cycle(false),
            _ => self.type_key(key),
        }
    }

    /// Enter: submit when every field is valid, else go to the first
    /// problem.
    pub fn submit(&mut self) -> Outcome {
        match self.first_error() {
            None => Outcome::Submit,
            Some(i) => {
                self.focus = i;
                Outcome::Continue
            }
        }
    }

    /// The next or previous field, round the end.
    pub fn step(&mut self, forward: bool) -> Outcome {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        Outcome::Continue
    }

    /// The next or previous value of a choice or pick field.
    pub fn cycle(&mut self, forward: bool) -> Outcome {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.cycle(forward);
        }
        Outcome::Continue
    }

    /// A key the form's scopes do not bind: typed into a text field.
    pub fn type_key(&mut self, key: &KeyEvent) -> Outcome {
        if let Some(f) = self.fields.get_mut(self.focus).filter(|f| f.is_text()) {
            f.input.handle(key, |_| true);
        }
        Outcome::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
                Field::new(
                    FieldId::ExpectedClose,
                    Kind::Date {
                        optional: true,
                        today: Date::parse("2026-11-30").unwrap(),
                    },
                    "",
                ),
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
        assert!(f.fields[2].error().unwrap().contains("2027-01-15"));
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
