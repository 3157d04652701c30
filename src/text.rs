//! The output boundary for plain text: user data never brings control or
//! bidi-override characters to the terminal, and columns line up with
//! Chinese (double-width) text. Shared by the CLI, the exports, the JSON
//! writer and the workbench's views, so it depends on none of them.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `1 day`, `3 days`, `1,589 deals`: a count with its noun (`one` or
/// `many`), its thousands grouped as people read them.
pub fn count(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{} {}", grouped(n), noun(n, one, many))
}

/// [`count`] without the grouping, for texts that also go out as JSON
/// values (a flag's message, a priority factor), which stay as they were.
pub fn plain_count(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", noun(n, one, many))
}

/// The noun for `n` things in the reader's language: Chinese has no
/// plural, and its counted form carries the measure word (`3 个商机`,
/// `1 个商机`), so it is always the catalogue's entry for `many`.
fn noun<'a>(n: i64, one: &'a str, many: &'a str) -> &'a str {
    match crate::i18n::lang() {
        crate::i18n::Lang::Zh => crate::i18n::t(many),
        crate::i18n::Lang::En if n.abs() == 1 => one,
        crate::i18n::Lang::En => many,
    }
}

/// `1 day`, `1,118 days`.
pub fn days(n: impl Into<i64>) -> String {
    count(n, "day", "days")
}

/// [`days`] without the grouping (see [`plain_count`]).
pub fn plain_days(n: impl Into<i64>) -> String {
    plain_count(n, "day", "days")
}

/// How a stored enum word reads for people, in forms and lists alike:
/// `decision_maker` → `decision maker`, `pre_kam` → `pre kam`,
/// `non_supporter` → `non-supporter`. The file and the JSON keep the word.
pub fn word_label(word: &str) -> String {
    match word {
        "non_supporter" => "non-supporter".into(),
        w => w.replace('_', " "),
    }
}

/// `1,589`, `-2,089`: an integer with its thousands grouped by commas.
/// Takes any integer (a `usize` length too); one past `i64` shows as its
/// largest, which no count of things reaches.
pub fn grouped(n: impl TryInto<i64>) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `s` with line breaks, tabs and the other line and format controls (VT,
/// FF, NEL) turned into spaces, so the words they separated stay apart, and
/// every other control or bidi-override character removed.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                c if is_separator(c) => Some(' '),
                c if is_unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Like [`clean`] but keeps line breaks (LF, and CRLF as iCalendar needs).
pub fn clean_lines(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    write_clean_lines(&mut out, s).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("only whole characters are dropped or replaced")
}

/// Writes `s` cleaned as [`clean_lines`] would, without building it first:
/// the runs of bytes that need nothing (nearly all of a command's output, and
/// all of the already-escaped JSON) go to `w` as they are, so at 10,000 deals
/// the boundary costs a scan instead of a copy per line.
pub fn write_clean_lines<W: std::io::Write + ?Sized>(w: &mut W, s: &str) -> std::io::Result<()> {
    let bytes = s.as_bytes();
    let mut start = 0; // the first byte not yet written
    let mut i = 0;
    while i < bytes.len() {
        // eight printable ASCII bytes at a time: none is below 0x20, none
        // has the top bit, none is DEL
        if bytes.get(i..i + 8).is_some_and(|chunk| plain8(chunk, &[])) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        // printable ASCII and LF need nothing; non-ASCII characters are
        // decoded only when their first byte could start an unsafe one
        // (U+0080..U+009F, U+061C, U+200E..U+2069 begin C2, D8, E2)
        if (0x20..0x7F).contains(&b) || b == b'\n' {
            i += 1;
            continue;
        }
        if b >= 0x80 && !matches!(b, 0xC2 | 0xD8 | 0xE2) {
            i += utf8_len(b);
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a character boundary");
        let len = c.len_utf8();
        if !is_unsafe_char(c) {
            i += len;
            continue;
        }
        w.write_all(&bytes[start..i])?;
        // a CR ending a line (or the text) is kept: iCalendar lines end CRLF
        let keep_cr = c == '\r' && matches!(bytes.get(i + 1), None | Some(b'\n'));
        if keep_cr {
            w.write_all(b"\r")?;
        } else if c == '\r' || is_separator(c) {
            w.write_all(b" ")?;
        }
        i += len;
        start = i;
    }
    w.write_all(&bytes[start..])
}

/// Whether the eight bytes of `chunk` are all printable ASCII (none below
/// 0x20, none DEL, none with the top bit) and none is one of `also`: a
/// word-at-a-time test, exact (no byte that needs care passes).
pub(crate) fn plain8(chunk: &[u8], also: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
    let has_zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
    let mut bad = x.wrapping_sub(ONES * 0x20) & !x & HIGH | has_zero(x ^ (ONES * 0x7F)) | x & HIGH;
    for &b in also {
        bad |= has_zero(x ^ (ONES * u64::from(b)));
    }
    bad == 0
}

/// The length of the UTF-8 sequence that `lead` starts.
pub(crate) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Display width in terminal columns, counted per grapheme cluster as the
/// terminal buffer does: `👩‍💻` is one emoji of two columns, not four.
pub fn width(s: &str) -> usize {
    // Most text (English, Chinese, their punctuation) is characters that
    // never join into clusters: their widths add up without segmenting,
    // which costs a tenth (a table of 74,000 flags spent 40% of its time
    // in the segmenter). Anything else takes the cluster path.
    let mut sum = 0;
    for c in s.chars() {
        match c {
            ' '..='~' => sum += 1,
            '\u{A1}'..='\u{2FF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{3000}'..='\u{9FFF}'
            | '\u{FF00}'..='\u{FFEF}' => {
                sum += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
            }
            _ => return s.graphemes(true).map(grapheme_width).sum(),
        }
    }
    sum
}

fn grapheme_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

/// Cuts `s` to at most `max` columns, ending with `…` when cut; never
/// splits a grapheme cluster.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// Cuts `s` to at most `max` columns from its start, beginning with `…`
/// when cut (a path keeps its file name: `…/sales/ws.json`); never splits
/// a grapheme cluster.
pub fn truncate_start(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Owned(String::new());
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let w = grapheme_width(g);
        if used + w + 1 > max {
            break;
        }
        kept.push(g);
        used += w;
    }
    kept.push("…");
    Cow::Owned(kept.into_iter().rev().collect())
}

/// `s` broken into lines of at most `max` columns: at spaces where a line
/// has one, anywhere between grapheme clusters otherwise (Chinese text has
/// no spaces). Leading spaces of a continuation line are dropped.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max {
            let rest = match last_break(&line, g) {
                Some((keep, from)) => {
                    let rest = line[from..].to_owned();
                    line.truncate(keep);
                    rest
                }
                None => String::new(),
            };
            lines.push(line.trim_end().to_owned());
            line = rest;
            used = width(&line);
        }
        if line.is_empty() && g == " " && !lines.is_empty() {
            continue;
        }
        // a single cluster wider than the line (an emoji in one column)
        if w > max {
            continue;
        }
        line.push_str(g);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Where a full line may break before `next` is added, as (the end of
/// what stays, the start of what goes down): the last space (dropped), or
/// the last place beside a wide (Chinese) character, which breaks without
/// a space, but never before closing punctuation (，。）), which takes
/// the character before it down with it. `None`: break right before
/// `next` (a word longer than the line is cut).
fn last_break(line: &str, next: &str) -> Option<(usize, usize)> {
    if next == " " {
        return None;
    }
    let gs: Vec<(usize, &str)> = line.grapheme_indices(true).collect();
    let wide = |g: &str| grapheme_width(g) > 1;
    for i in (1..=gs.len()).rev() {
        let (_, before) = gs[i - 1];
        let (at, after) = gs.get(i).copied().unwrap_or((line.len(), next));
        if before == " " {
            let space = gs[i - 1].0;
            if space > 0 {
                return Some((space, at));
            }
            continue;
        }
        if (wide(before) || wide(after))
            && !NO_LINE_START.contains(after)
            && !NO_LINE_END.contains(before)
            && after != " "
        {
            return Some((at, at));
        }
    }
    None
}

/// Punctuation a Chinese line never starts with.
const NO_LINE_START: &str = "，。、：；！？）》」』”’…";

/// What a line never ends with: an opening bracket or quote, and the
/// no-break space that ties a mark to its word (`✓\u{a0}预算`).
const NO_LINE_END: &str = "（《「『“‘\u{a0}";

/// Whether `c` separates words or lines (LF, CR, tab, VT, FF, NEL, the
/// Unicode line and paragraph separators): replaced by a space, not dropped.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
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
    fn counts_say_one_thing_or_many_things() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-1), "-1 day");
        assert_eq!(days(0), "0 days");
        assert_eq!(days(1118), "1,118 days");
        assert_eq!(count(1, "open deal", "open deals"), "1 open deal");
        assert_eq!(count(2, "open deal", "open deals"), "2 open deals");
        assert_eq!(plain_days(1118), "1118 days");
        assert_eq!(plain_count(1, "flag", "flags"), "1 flag");
    }

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(count(1589, "deal", "deals"), "1,589 deals");
        assert_eq!(count(2_089_000, "deal", "deals"), "2,089,000 deals");
        assert_eq!(count(999, "deal", "deals"), "999 deals");
        assert_eq!(grouped(-1234), "-1,234");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn enum_words_read_as_labels() {
        assert_eq!(word_label("pre_kam"), "pre kam");
        assert_eq!(word_label("budget_lost"), "budget lost");
        assert_eq!(word_label("non_supporter"), "non-supporter");
        assert_eq!(word_label("price"), "price");
    }

    #[test]
    fn line_and_format_controls_become_one_space() {
        assert_eq!(clean("line two\u{85}nel\u{0b}vt"), "line two nel vt");
        assert_eq!(clean("a\u{0c}b\u{2028}c"), "a b c");
        assert_eq!(clean_lines("a\u{85}b\u{0b}c\nd"), "a b c\nd");
    }

    #[test]
    fn control_and_bidi_characters_never_pass() {
        assert_eq!(
            clean("王总\u{202E}gnp.exe\u{1b}[31m\nnext"),
            "王总gnp.exe[31m next"
        );
        assert!(matches!(clean("plain 文本"), Cow::Borrowed(_)));
    }

    #[test]
    fn emoji_sequences_are_measured_and_cut_whole() {
        // a ZWJ sequence is one emoji of two columns, as the terminal buffer counts it
        assert_eq!(width("👩‍💻"), 2);
        assert_eq!(width("👨‍👩‍👧 team"), 7);
        assert_eq!(width("é"), 1); // e and a combining accent
        let cut = truncate("👩‍💻👨‍👩‍👧👩‍💻 dev", 6);
        assert_eq!(cut, "👩‍💻👨‍👩‍👧…");
        assert!(width(&cut) <= 6);
        assert_eq!(truncate("王总王总", 4), "王…");
        assert_eq!(width(&truncate("王总王总", 4)), 3);
    }

    proptest::proptest! {
        #[test]
        fn the_quick_width_is_the_cluster_width(
            s in "[a-zA-Z0-9 ,.é\u{301}\u{200D}\u{FE0F}👩💻中文商机，。（）…—“”\u{3000}\u{FF01}\u{1100}\u{1161}]{0,24}"
        ) {
            let clusters: usize = s.graphemes(true).map(grapheme_width).sum();
            proptest::prop_assert_eq!(width(&s), clusters);
        }
    }

    #[test]
    fn chinese_breaks_between_characters_not_at_a_far_space() {
        // the space after "1" is not the only place to break
        assert_eq!(
            wrap("1 月签下三家工厂的合同", 10),
            ["1 月签下三", "家工厂的合", "同"]
        );
        // an English word beside Chinese goes down whole
        assert_eq!(wrap("先上线SAP EWM", 10), ["先上线SAP", "EWM"]);
    }

    #[test]
    fn a_path_is_cut_from_its_start() {
        assert_eq!(truncate_start("/tmp/qa2/ws.json", 11), "…a2/ws.json");
        assert_eq!(truncate_start("/tmp/ws.json", 20), "/tmp/ws.json");
        assert_eq!(truncate_start("/销售/工作区.json", 10), "…作区.json");
        assert!(width(&truncate_start("/销售/工作区.json", 9)) <= 9);
    }

    #[test]
    fn a_line_never_ends_with_an_opening_bracket_or_a_tied_mark() {
        assert_eq!(
            wrap("合同已在法务（2026-11-27）", 14),
            ["合同已在法务", "（2026-11-27）"]
        );
        assert_eq!(wrap("✓ 需求  ✓\u{a0}预算", 10), ["✓ 需求", "✓\u{a0}预算"]);
    }

    #[test]
    fn chinese_lines_never_start_with_closing_punctuation() {
        // 10 columns hold five characters: the comma would start line 2
        let lines = wrap("销售成交前，先确认再签约", 10);
        assert_eq!(lines, ["销售成交", "前，先确认", "再签约"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn wrapping_keeps_every_line_within_its_width() {
        assert_eq!(
            wrap("三家工厂系统各自为政，月结要 12 天", 10),
            ["三家工厂系", "统各自为", "政，月结要", "12 天"]
        );
        assert_eq!(
            wrap("global brand and more", 12),
            ["global brand", "and more"]
        );
        assert_eq!(wrap("", 5), [""]);
        for s in [
            "· 生鲜损耗高于行业均值",
            "👩‍💻👨‍👩‍👧 x 王总 abcdefghijklmnop",
            "a 王",
        ] {
            for max in 1..30 {
                for line in wrap(s, max) {
                    assert!(width(&line) <= max, "{s:?} at {max}: {line:?}");
                }
            }
        }
    }

    /// The line-by-line cleaning this file did before it wrote as it went:
    /// the streaming writer must give the very same bytes.
    fn clean_lines_by_line(s: &str) -> String {
        s.split('\n')
            .map(|line| match line.strip_suffix('\r') {
                Some(body) => format!("{}\r", clean(body)),
                None => clean(line).into_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn writing_as_it_goes_cleans_like_line_by_line() {
        let pieces = [
            "a", "\n", "\r", "\r\n", "\t", "\u{1b}", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}", "é",
            "王", "\u{61c}", "\u{200e}", "\u{2028}", "\u{2029}", "\u{202e}", "\u{2066}",
            "\u{2069}", "\u{206a}", "\u{2027}", "€", "😀", "\u{0}", " ",
        ];
        // every string of up to three pieces, then longer mixes
        let mut cases: Vec<String> = vec![String::new()];
        for a in pieces {
            cases.push(a.into());
            for b in pieces {
                for c in pieces {
                    cases.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut mix = String::new();
        for (n, p) in pieces.iter().cycle().take(500).enumerate() {
            mix.push_str(p);
            if n % 7 == 0 {
                mix.push_str("text ");
            }
        }
        cases.push(mix);
        for case in &cases {
            assert_eq!(clean_lines(case), clean_lines_by_line(case), "{case:?}");
        }
    }
}
