//! Unknown fields keep their numbers digit for digit. serde_json (even with
//! `arbitrary_precision`) rewrites an exponent as it parses (`1E5` becomes
//! `1e+5`), so an unknown value is taken as its raw text and turned into a
//! `Value` here, each number holding exactly the text it was written with.

use serde_json::{Map, Number, Value};

/// An unknown field's value, read from its raw JSON text.
pub struct ExactValue(pub Value);

impl<'de> serde::Deserialize<'de> for ExactValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ExactValue, D::Error> {
        let raw = <Box<serde_json::value::RawValue>>::deserialize(d)?;
        let mut p = Parser {
            b: raw.get().as_bytes(),
            i: 0,
        };
        // the parser already checked the text; a failure here is a bug, and
        // the normalising parse is the safe fallback
        match p.value() {
            Some(v) => Ok(ExactValue(v)),
            None => serde_json::from_str(raw.get())
                .map(ExactValue)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// A recursive reader for JSON text that has already parsed.
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.space();
        let found = self.b.get(self.i) == Some(&c);
        self.i += usize::from(found);
        found
    }

    fn value(&mut self) -> Option<Value> {
        self.space();
        Some(match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut map = Map::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        map.insert(key, self.value()?);
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Value::Object(map)
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Value::Array(items)
            }
            b'"' => Value::String(self.string()?),
            _ => {
                let start = self.i;
                while matches!(self.b.get(self.i), Some(c) if !b",]} \n\r\t".contains(c)) {
                    self.i += 1;
                }
                let token = std::str::from_utf8(&self.b[start..self.i]).ok()?;
                match token {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    n => Value::Number(Number::from_string_unchecked(n.to_owned())),
                }
            }
        })
    }

    /// A string token, decoded (escapes through serde_json).
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut escaped = false;
        loop {
            match *self.b.get(self.i)? {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        let token = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        if escaped {
            serde_json::from_str(token).ok()
        } else {
            Some(token[1..token.len() - 1].to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_spelling_and_the_rest_reads_as_json() {
        let text = r#"{"n": [1E5, 1.50, -0, 1e-7, 123456789012345678901234567890, 2E+3],
            "s": "a\"b\u00e9", "o": {"t": true, "f": false, "z": null, "e": {}, "a": []}}"#;
        let ExactValue(v) = serde_json::from_str(text).unwrap();
        let written = serde_json::to_string(&v["n"]).unwrap();
        assert_eq!(
            written,
            "[1E5,1.50,-0,1e-7,123456789012345678901234567890,2E+3]"
        );
        assert_eq!(v["s"], "a\"bé");
        assert_eq!(
            v["o"],
            serde_json::json!({"t": true, "f": false, "z": null, "e": {}, "a": []})
        );
    }
}
