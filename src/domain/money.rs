//! Amounts of money, exact to the cent.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// An amount of money in the workspace currency, held in cents so that sums
/// are exact. The file holds plain JSON numbers (`1200000`, `1234.5`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Money(pub i64);

/// The largest amount accepted, 10^13 (ten trillion) in the workspace
/// currency: up to there a JSON number carries every cent exactly (the
/// spacing of doubles stays well under half a cent).
pub const MONEY_MAX_CENTS: i64 = 1_000_000_000_000_000;

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_units(units: i64) -> Money {
        Money(units.saturating_mul(100))
    }

    pub fn cents(self) -> i64 {
        self.0
    }

    /// Reads a JSON number, refusing negatives and fractions of a cent.
    pub fn from_f64(v: f64) -> Result<Money, String> {
        if !v.is_finite() {
            return Err(crate::i18n::t("expected an amount (a non-negative number)").into());
        }
        if v < 0.0 {
            return Err(crate::tf!(
                "negative amount {v}, expected a non-negative number",
                v
            ));
        }
        let cents = v * 100.0;
        let rounded = cents.round();
        // A decimal with at most two places lands within a few units of
        // rounding error of a whole number of cents; anything further off
        // has a third decimal.
        if (cents - rounded).abs() > 8.0 * f64::EPSILON * rounded.abs().max(1.0) {
            return Err(crate::tf!(
                "amount {v} has a fraction of a cent, expected at most two decimals",
                v
            ));
        }
        if rounded > MONEY_MAX_CENTS as f64 {
            return Err(crate::tf!("amount {v} is too large", v));
        }
        Ok(Money(rounded as i64))
    }

    /// Reads an amount as a person types it: `1200000`, `1,200,000`,
    /// `1 200 000.50`. At most two decimals, never negative.
    pub fn parse_typed(s: &str) -> Result<Money, String> {
        let plain: String = s
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_' | '\''))
            .collect();
        if plain.is_empty() {
            return Err(crate::i18n::t("expected an amount").into());
        }
        let (units, cents) = match plain.split_once('.') {
            Some((u, c)) => (u, c),
            None => (plain.as_str(), ""),
        };
        let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
        if !digits(units) || !digits(cents) || (units.is_empty() && cents.is_empty()) {
            return Err(crate::tf!(
                "{s} is not an amount, expected digits like 1,200,000.50",
                s = format!("{s:?}")
            ));
        }
        if cents.len() > 2 {
            return Err(crate::i18n::t("expected at most two decimals").into());
        }
        let units: i64 = if units.is_empty() {
            0
        } else {
            units
                .parse()
                .map_err(|_| crate::i18n::t("amount too large").to_string())?
        };
        let cents: i64 = format!("{cents:0<2}").parse().unwrap_or(0);
        let total = units.checked_mul(100).and_then(|u| u.checked_add(cents));
        match total {
            Some(t) if t <= MONEY_MAX_CENTS => Ok(Money(t)),
            _ => Err(crate::i18n::t("amount too large").into()),
        }
    }

    /// Value × percent / 100, rounded half away from zero to the cent.
    pub fn percent(self, percent: u8) -> Money {
        let scaled = self.0 as i128 * percent as i128;
        Money(((scaled + 50) / 100) as i64)
    }

    /// Plain decimal text without grouping: `1200000`, `1234.5`, `0.05`.
    pub fn plain(self) -> String {
        let (units, cents) = (self.0 / 100, self.0 % 100);
        match cents {
            0 => units.to_string(),
            c if c % 10 == 0 => format!("{units}.{}", c / 10),
            c => format!("{units}.{c:02}"),
        }
    }

    /// Text for people: thousands grouped with commas, cents only when there
    /// are any (`1,200,000`, `1,234.50`).
    pub fn grouped(self) -> String {
        // a gap can be negative (won more than the target): the sign goes
        // before the digits, once
        let (units, cents) = (self.0.unsigned_abs() / 100, self.0.unsigned_abs() % 100);
        let digits = units.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
        if self.0 < 0 {
            out.push('-');
        }
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if cents != 0 {
            out.push_str(&format!(".{cents:02}"));
        }
        out
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        *self = *self + o;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            // cents / 100 is the double nearest the decimal, and serde_json
            // prints the shortest text that reads back as it: "1234.5".
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::i18n::t("an amount (a non-negative number)"))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                if v > (MONEY_MAX_CENTS / 100) as u64 {
                    return Err(E::custom(crate::tf!("amount {v} is too large", v)));
                }
                Ok(Money(v as i64 * 100))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Err(E::custom(crate::tf!(
                    "negative amount {v}, expected a non-negative number",
                    v
                )))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Money::from_f64(v).map_err(E::custom)
            }
        }
        d.deserialize_f64(V)
    }
}
