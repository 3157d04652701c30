//! Turning the bytes of an export into text: the encoding the user names,
//! else the one a BOM announces, else UTF-8 when the bytes are valid UTF-8,
//! else the statistical guess of `chardetng` (GBK, Windows-1252, …). A
//! decoding error is never replaced by U+FFFD: a mangled name would be
//! imported silently, so the file is refused with the encoding tried.

use super::read::Problem;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// The text of the file and how it was read.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// Borrowed when the file is UTF-8 already: no copy of a big file.
    pub text: Cow<'a, str>,
    /// The WHATWG name of the encoding used, e.g. `windows-1252`.
    pub encoding: &'static str,
    /// How the encoding was chosen, for the user: `named`, `BOM`, `detected`.
    pub how: &'static str,
}

impl Decoded<'_> {
    /// Plain UTF-8 without a BOM is what everything expects: not worth a line.
    pub fn worth_saying(&self) -> bool {
        !(self.encoding == "UTF-8" && self.how == "detected")
    }
}

/// Decodes `bytes`, with `named` (an `--encoding` label) when given.
pub fn decode<'a>(bytes: &'a [u8], named: Option<&str>) -> Result<Decoded<'a>, Problem> {
    if let Some(label) = named {
        let enc = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Problem {
            line: 1,
            message: crate::tf!(
                "--encoding {label}: unknown encoding, expected a name like utf-8, utf-16le, gbk, gb18030, windows-1252, latin1",
                label = format!("{label:?}")
            ),
        })?;
        // a BOM of the named encoding is not part of the first header
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        return strict(body, enc, "named");
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return strict(&bytes[len..], enc, "BOM");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
            how: "detected",
        });
    }
    strict(bytes, guess(bytes), "detected")
}

/// The guess for bytes that are not UTF-8. chardetng never answers UTF-16
/// without a BOM, which is how spreadsheet programs write it anyway.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn strict<'a>(
    bytes: &'a [u8],
    enc: &'static Encoding,
    how: &'static str,
) -> Result<Decoded<'a>, Problem> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text,
            encoding: enc.name(),
            how,
        }),
        None => {
            let (at, line) = first_error(bytes, enc);
            let other = guess(bytes);
            let hint = if other != enc && other != UTF_8 {
                crate::tf!("try --encoding {name}", name = other.name())
            } else {
                crate::i18n::t(
                    "name the encoding with --encoding NAME (e.g. windows-1252, gbk, utf-16le)",
                )
                .to_owned()
            };
            Err(Problem {
                line,
                message: crate::tf!(
                    "invalid {name} at byte {at} (read as {name}, {how}); {hint}",
                    name = enc.name(),
                    at,
                    how = match how {
                        "named" => crate::i18n::t("named"),
                        "detected" => crate::i18n::t("detected"),
                        other => other,
                    },
                    hint
                ),
            })
        }
    }
}

/// The byte offset and line of the first byte `enc` cannot decode.
fn first_error(bytes: &[u8], enc: &'static Encoding) -> (usize, u64) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    let at = match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => read.saturating_sub(bad as usize),
        _ => read,
    };
    let line = out.matches('\n').count() as u64 + 1;
    (at, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_guessed_and_said() {
        let latin1 = b"Name,Stage\nCaf\xe9 cr\xe8me,Won\n";
        let d = decode(latin1, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Café crème"));
        assert!(d.worth_saying());
    }

    #[test]
    fn a_named_encoding_that_does_not_fit_is_refused_with_a_hint() {
        let latin1 = b"Name,Stage\nCaf\xe9 cr\xe8me tr\xe8s bien,Won\n";
        let e = decode(latin1, Some("utf-8")).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("invalid UTF-8"), "{}", e.message);
        assert!(e.message.contains("--encoding"), "{}", e.message);
        assert!(decode(latin1, Some("klingon")).is_err());
    }

    #[test]
    fn boms_choose_the_encoding() {
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        for u in "Name,Stage\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let d = decode(&utf16, None).unwrap();
        assert_eq!((&*d.text, d.encoding), ("Name,Stage\n", "UTF-16LE"));
        let d = decode(b"\xEF\xBB\xBFa,b", None).unwrap();
        assert_eq!(d.text, "a,b");
    }
}
