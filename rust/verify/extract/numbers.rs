//! The last number of a text, as written: signs, thousands groups in several locales, decimals,
//! fractions, mixed numbers, percentages, powers of ten, clock times, scale and currency words;
//! and the last number written in words.

use std::ops::Range;

use super::backslashes::count_while;
use super::prose::ruled_out_before;
use super::scan::rfind_byte;
use crate::verify::latex::{is_number_word, scale_of, signed_value_in_words};

/// The last number in `text`, as written: optional `-`, digits (with `,` thousands groups), an
/// optional decimal part, an optional `/denominator`, an optional `%` or `\%`; and where it
/// starts.
pub(super) fn last_number(text: &str) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut end = b.len();
    loop {
        let number = last_number_token(&b[..end])?;
        let number = with_mantissa(b, &number).unwrap_or(number);
        if !glued_to_a_word(b, &number) && !ruled_out_before(b, number.start) {
            let start = with_leading_groups(b, number.clone());
            let end = with_scale_word(text, number.end);
            return Some((start, &text[start..end]));
        }
        end = number.start;
    }
}

/// The start of the number that ends with the token `number`, when space-separated pieces before
/// it belong to it: thousands groups (`1 000 000`, the token being the last `000`) or the whole
/// part of a mixed number (`2 1/2`, the token being `1/2`).
fn with_leading_groups(b: &[u8], number: Range<usize>) -> usize {
    let token = &b[number.clone()];
    let digit_run_before = |at: usize| {
        let run = b[..at]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let clean = at - run == 0 || !matches!(b[at - run - 1], b'.' | b',' | b'-' | b'/');
        (run, clean)
    };
    let space_before = |at: usize| at >= 2 && b[at - 1] == b' ' && b[at - 2].is_ascii_digit();
    if token.contains(&b'/') {
        let (run, clean) = digit_run_before(number.start.saturating_sub(1));
        let fraction_only = token.iter().all(|c| c.is_ascii_digit() || *c == b'/');
        if space_before(number.start) && fraction_only && (1..=3).contains(&run) && clean {
            return number.start - 1 - run;
        }
        return number.start;
    }
    let mut start = number.start;
    if token.len() != 3 || !token.iter().all(u8::is_ascii_digit) {
        return start;
    }
    while space_before(start) {
        let (run, clean) = digit_run_before(start - 1);
        match run {
            3 if clean => start -= 1 + run, // a group of three: a leading group may come next
            1..=3 if clean => return start - 1 - run,
            _ => return number.start,
        }
    }
    // Only groups of three and no leading group of one to three digits: separate numbers.
    number.start
}

/// For a text with no digit at all: its last number written in words ("So there are seven such
/// integers.", "one hundred twenty"), a run of number words other than a lone "one" (a pronoun
/// as often as a number).
pub(super) fn last_number_in_words(text: &str) -> Option<&str> {
    if text.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Words are runs of ASCII letters and `-`, read from the end; every other byte (UTF-8
    // included) separates them, so every slice is taken next to an ASCII byte.
    let b = text.as_bytes();
    let is_word_byte = |c: u8| c.is_ascii_alphabetic() || c == b'-';
    let mut run: Option<(usize, usize)> = None;
    let mut end = b.len();
    while end > 0 {
        if !is_word_byte(b[end - 1]) {
            end -= 1;
            continue;
        }
        let start = end
            - b[..end]
                .iter()
                .rev()
                .take_while(|&&c| is_word_byte(c))
                .count();
        let word = &text[start..end];
        // "a" before a fraction word belongs to the number: "two and a half".
        let article = ["a", "an"].iter().any(|a| word.eq_ignore_ascii_case(a))
            && run.is_some_and(|(run_start, _)| is_denominator(&text[run_start..]));
        if is_number_word(word) || article {
            run = Some((start, run.map_or(end, |(_, run_end)| run_end)));
        } else if run.is_some() && !word.eq_ignore_ascii_case("and") {
            break; // the run ends; "and" inside it ("one hundred and five") does not end it
        }
        end = start;
    }
    let (start, end) = run?;
    let phrase = &text[start..end];
    (!phrase.eq_ignore_ascii_case("one")).then_some(phrase)
}

/// Superscript digits and minus, as models write exponents in plain text (`10⁻⁷`).
const SUPERSCRIPTS: [&str; 11] = ["⁻", "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

/// Where a power of ten that multiplies the number ending at `end` ends: `× 10⁻⁷`, `x 10^5`,
/// `\times 10^{-3}`, `*10^4`; `None` when none follows.
fn scientific_tail(b: &[u8], end: usize) -> Option<usize> {
    let spaces = |k: usize| k + count_while(&b[k..], |c| c == b' ');
    let mut k = spaces(end);
    let times = ["×".as_bytes(), b"\\times", b"x", b"*", b"\\cdot"]
        .into_iter()
        .find(|t| b[k..].starts_with(t))?;
    k = spaces(k + times.len());
    if !b[k..].starts_with(b"10") || b.get(k + 2).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    k += 2;
    if b.get(k) == Some(&b'^') {
        let braced = b.get(k + 1) == Some(&b'{');
        let mut e = k + 1 + usize::from(braced);
        e += usize::from(b.get(e) == Some(&b'-'));
        let digits = count_while(&b[e..], |c| c.is_ascii_digit());
        if digits == 0 || (braced && b.get(e + digits) != Some(&b'}')) {
            return None;
        }
        return Some(e + digits + usize::from(braced));
    }
    let mut e = k;
    while let Some(sup) = SUPERSCRIPTS
        .iter()
        .find(|s| b[e..].starts_with(s.as_bytes()))
    {
        e += sup.len();
    }
    (e > k).then_some(e)
}

/// When the token `number` is the `10` of a power of ten (`5 × 10⁻⁷`), the whole number from
/// its mantissa on.
fn with_mantissa(b: &[u8], number: &Range<usize>) -> Option<Range<usize>> {
    if !b[number.start..].starts_with(b"10") {
        return None;
    }
    let before = b[..number.start].trim_ascii_end();
    let times = ["×".as_bytes(), b"\\times", b"x", b"*", b"\\cdot"]
        .into_iter()
        .find(|t| before.ends_with(t))?;
    let mantissa_end = before[..before.len() - times.len()].trim_ascii_end().len();
    let mantissa = last_number_token(&b[..mantissa_end])?;
    let tail = scientific_tail(b, mantissa.end)?;
    (mantissa.end == mantissa_end && tail >= number.end).then_some(mantissa.start..tail)
}

/// Whether `words` starts with a fraction word ("half", "thirds").
fn is_denominator(words: &str) -> bool {
    let first = words.split([' ', '-']).next().unwrap_or("");
    is_number_word(first) && signed_value_in_words(&format!("one {first}")).is_some_and(|v| v.2 > 1)
}

/// The last number token in `b`, as written (see [`last_number`]).
fn last_number_token(b: &[u8]) -> Option<Range<usize>> {
    let last_digit = rfind_byte(b, |c| c.is_ascii_digit())?;
    // A number holds no byte outside this set before its final `%`, so scanning forward from the
    // start of the run around the last digit finds the same tokens as a scan of the whole text.
    let is_number_byte =
        |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'/' | b'-' | b':');
    let run_start = rfind_byte(&b[..last_digit], |c| !is_number_byte(c)).map_or(0, |i| i + 1);
    let mut i = run_start;
    let mut last = None;
    while i <= last_digit {
        if b[i].is_ascii_digit() {
            let number = number_at(b, i);
            i = number.end;
            last = Some(number);
        } else {
            i += 1;
        }
    }
    last
}

/// Digits inside a word or code (`AZYUK2A`, `3B`, `7K`, `cm2`), or an exponent or subscript
/// (`m^2`, `x_1`): not a number anyone answers with.
fn glued_to_a_word(b: &[u8], number: &Range<usize>) -> bool {
    let before = number.start.checked_sub(1).map(|i| b[i]);
    let after = b.get(number.end).copied();
    before.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'^' | b'_'))
        || after.is_some_and(|c| c.is_ascii_uppercase())
}

/// `1.5 million`, `45 cents`: the number's end, past a scale or currency word that follows it.
fn with_scale_word(text: &str, end: usize) -> usize {
    let b = text.as_bytes();
    if b.get(end) != Some(&b' ') {
        return end;
    }
    let word_len = b[end + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &text[end + 1..end + 1 + word_len];
    // A currency word names what the number counts: "45 cents" is not $45.
    let currency = ["cent", "cents", "dollar", "dollars", "euro", "euros"]
        .iter()
        .any(|c| word.eq_ignore_ascii_case(c));
    if scale_of(word).is_some() || currency {
        end + 1 + word_len
    } else {
        end
    }
}

/// The number whose first digit is at `i`.
fn number_at(b: &[u8], i: usize) -> Range<usize> {
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let digits_end = |k: usize| k + count_while(&b[k..], |c| c.is_ascii_digit());
    // A minus sign, unless it is a binary minus after a value (`5-3`, `x-3`, `(a)-3`).
    let after_value = |k: usize| b[k].is_ascii_alphanumeric() || matches!(b[k], b')' | b']' | b'}');
    let negative = i > 0 && b[i - 1] == b'-' && !(i >= 2 && after_value(i - 2));
    // `.325` after a space or at the start: a leading-dot decimal.
    let leading_dot = i > 0 && b[i - 1] == b'.' && (i == 1 || b[i - 2].is_ascii_whitespace());
    let start = if negative || leading_dot { i - 1 } else { i };
    let mut end = digits_end(i);
    if end - i <= 3 && !leading_dot {
        // Thousands groups: `1,234,567` and `1 000 000`, one separator kind throughout; `.` only
        // when there are two groups or more (`1.234.567`), as one is a decimal point.
        for (sep, min_groups) in [(b',', 1), (b' ', 1), (b'.', 2)] {
            let group_at = |k: usize| {
                b.get(k) == Some(&sep) && (1..=3).all(|d| digit_at(k + d)) && !digit_at(k + 4)
            };
            let groups = (0..).take_while(|g| group_at(end + 4 * g)).count();
            if groups >= min_groups {
                end += 4 * groups;
            }
        }
    }
    // `2 1/2`: a mixed number.
    let fraction_after_space = b.get(end) == Some(&b' ') && {
        let num_end = digits_end(end + 1);
        num_end > end + 1 && b.get(num_end) == Some(&b'/') && digit_at(num_end + 1)
    };
    if fraction_after_space && end - start <= 3 {
        end = digits_end(end + 1);
    }
    // A decimal comma (`2,74 $`): one or two digits after it, and not an item of a list.
    let comma_decimals = (1..=2).find(|&d| {
        (1..=d).all(|k| digit_at(end + k))
            && !digit_at(end + d + 1)
            && b.get(end + d + 1) != Some(&b',')
    });
    let in_list = i > 0 && b[i - 1] == b',';
    if let (Some(d), Some(b','), false) = (comma_decimals, b.get(end), in_list) {
        end += d + 1;
    }
    for sep in [b'.', b'/'] {
        if b.get(end) == Some(&sep) && digit_at(end + 1) {
            let part_start = end + 1;
            end = digits_end(end + 1);
            // `4.500,75`: a dot group of three, then a decimal comma (the European form).
            let european = sep == b'.' && end - part_start == 3 && b.get(end) == Some(&b',');
            if european && digit_at(end + 1) && !digit_at(end + 3) {
                end = digits_end(end + 1);
            }
        }
    }
    if let Some(exponent_end) = scientific_tail(b, end) {
        return start..exponent_end; // `5 × 10⁻⁷`
    }
    // `11:05`: a clock time (two digits after the colon, not a ratio like `3:2`).
    let minutes = b.get(end) == Some(&b':') && digit_at(end + 1) && digit_at(end + 2);
    if minutes && !digit_at(end + 3) && end - start <= 2 {
        end += 3;
    }
    if b.get(end) == Some(&b'%') {
        end += 1;
    } else if b[end..].starts_with(b"\\%") {
        end += 2;
    } else if b[end..].starts_with("π".as_bytes()) {
        end += "π".len(); // `16π`
    }
    start..end
}

#[cfg(test)]
mod tests {
    use crate::verify::extract::test_support::{all, some};
    use crate::verify::extract::{extract_answer, ExtractMethod};

    // --- last number -----------------------------------------------------------------------

    fn number(text: &str) -> Option<String> {
        let e = extract_answer(text, &all());
        if e.text.is_some() {
            assert_eq!(e.method, ExtractMethod::LastNumber, "{text:?}");
        }
        e.text
    }

    #[test]
    fn last_number_forms() {
        assert_eq!(number("we have 3 cats and 4 dogs"), some("4"));
        assert_eq!(number("total -1,234.5 units"), some("-1,234.5"));
        assert_eq!(number("about 3/4 of it"), some("3/4"));
        assert_eq!(number("rate 45% now"), some("45%"));
        assert_eq!(number("rate 45\\% now"), some("45\\%"));
        assert_eq!(number("x = -7."), some("-7"));
        assert_eq!(number("5-3"), some("3"));
        assert_eq!(number("x-3"), some("3"));
        assert_eq!(number("1,2,3"), some("3"));
        assert_eq!(number("12,345,678 people"), some("12,345,678"));
        assert_eq!(number("Antwort: 1.234.567"), some("1.234.567"));
        assert_eq!(number("It is 5 × 10⁻⁷ m."), some("5 × 10⁻⁷"));
        assert_eq!(number("about 3.2 x 10^5 cells"), some("3.2 x 10^5"));
        assert_eq!(number("it ends at 11:05."), some("11:05"));
        assert_eq!(number("The area is 16π."), some("16π"));
        assert_eq!(number("so 3 x 4 = 12"), some("12"));
        assert_eq!(number("it converges to 1/2, not to 1"), some("1/2"));
        assert_eq!(number("x is 4, not equal to 5"), some("4"));
        assert_eq!(number("Two and a half hours."), some("Two and a half"));
        assert_eq!(number("it is 1.234 now"), some("1.234"));
        assert_eq!(number("1234,567"), some("567"));
        assert_eq!(number("v1.2.3"), some("3"));
        assert_eq!(number("value 10."), some("10"));
        assert_eq!(number("(-3)"), some("-3"));
        assert_eq!(number("٣ arabic digits are not ASCII 2 ٣"), some("2"));
    }
}
