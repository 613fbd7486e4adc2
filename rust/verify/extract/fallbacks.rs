//! The plain-text fallbacks for a response without a box: the last "answer is" phrase (with
//! its choice letter or math span) and the last number.

use std::ops::Range;

use super::backslashes::count_while;
use super::scan::rfind_byte;
use super::spans::MathSpans;
use super::wrappers::unwrap_answer;
use crate::verify::latex::{is_number_word, scale_of};

/// Words that start an answer phrase, each with the index of its rarest letter, which the
/// backward search looks for.
const PHRASE_WORDS: [(&[u8], usize); 3] = [(b"answer", 3), (b"option", 1), (b"choice", 0)];

/// The answer after the last answer phrase (see the `extract` module docs); none if that answer
/// is empty.
pub(super) fn answer_phrase(text: &str) -> Option<&str> {
    let start = last_phrase_answer_start(text)?;
    if starts_with_comparison(&text[start..]) {
        return None; // "the answer is larger than 19" names no answer
    }
    let answer = phrase_answer(text, start);
    (!answer.is_empty()).then_some(answer)
}

/// Where the answer of the last answer phrase starts.
fn last_phrase_answer_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    PHRASE_WORDS
        .iter()
        .filter_map(|&(word, key)| last_phrase(b, word, key))
        .chain(last_hash_marker(text))
        .chain(last_final_noun(b))
        .max()
        .map(|(_, start)| start)
}

/// Whether the text ends with an answer phrase and nothing after it ("Therefore, the final
/// answer is"): the response was cut off before it gave its answer.
pub(super) fn ends_in_open_phrase(text: &str) -> bool {
    last_phrase_answer_start(text).is_some_and(|start| {
        text[start..]
            .trim_matches(|c: char| c.is_whitespace() || c == '*' || c == ':')
            .is_empty()
    })
}

/// Nouns that name a quantity after "final" ("the final count is 30"); "the final step is"
/// names none.
const FINAL_NOUNS: &[&[u8]] = &[
    b"count", b"total", b"result", b"value", b"amount", b"number", b"price", b"cost", b"score",
    b"sum", b"tally", b"balance",
];

/// "The final count is 30", "final total: 12": "final", a quantity noun, then "is" or `:`;
/// where "final" starts and where its answer starts.
fn last_final_noun(b: &[u8]) -> Option<(usize, usize)> {
    let mut end = b.len();
    while let Some(at) = rfind_byte(&b[..end], |c| c | 0x20 == b'f') {
        end = at;
        let is_final = b
            .get(at..at + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"final "));
        if !is_final || (at > 0 && b[at - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let word_end = at + 6 + count_while(&b[at + 6..], |c| c.is_ascii_alphabetic());
        let noun = &b[at + 6..word_end];
        if !FINAL_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)) {
            continue;
        }
        let p = skip_markup(b, word_end);
        let copula = b
            .get(p..p + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"is "));
        match b.get(p) {
            Some(b':') => return Some((at, p + 1)),
            _ if copula => return Some((at, p + 2)),
            _ => {}
        }
    }
    None
}

/// GSM8K's `#### 42` line: where the marker starts and where its answer starts.
fn last_hash_marker(text: &str) -> Option<(usize, usize)> {
    let at = text.rfind("####")?;
    Some((at, at + 4))
}

/// Words after "the answer is" that compare rather than name an answer.
const COMPARISONS: &[&str] = &[
    "larger than",
    "greater than",
    "bigger than",
    "more than",
    "smaller than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "not ",
    "close to",
    "between ",
];

fn starts_with_comparison(rest: &str) -> bool {
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == ':');
    let head = rest.get(..rest.len().min(16)).unwrap_or("");
    COMPARISONS.iter().any(|c| {
        head.len() >= c.len() && head.as_bytes()[..c.len()].eq_ignore_ascii_case(c.as_bytes())
    })
}

/// The last phrase that `word` begins: where the word starts and where its answer starts.
fn last_phrase(b: &[u8], word: &[u8], key: usize) -> Option<(usize, usize)> {
    let mut end = b.len();
    loop {
        let k = rfind_byte(&b[..end], |c| c | 0x20 == word[key])?;
        end = k;
        let Some(at) = k.checked_sub(key) else {
            continue;
        };
        if b.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            if let Some(start) = phrase_answer_start(b, at, word) {
                return Some((at, start));
            }
        }
    }
}

/// Where the answer starts if `word` at `at` begins an answer phrase: the word is followed by
/// `:`, `=` or "is", or it is a "final answer" heading alone on its line.
fn phrase_answer_start(b: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    let word_end = at + word.len();
    let is_word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    if (at > 0 && is_word(at - 1)) || is_word(word_end) {
        return None;
    }
    let p = skip_markup(b, word_end);
    match b.get(p) {
        Some(b':' | b'=') => Some(p + 1),
        Some(b'i' | b'I') if b.get(p + 1).is_some_and(|c| c | 0x20 == b's') && !is_word(p + 2) => {
            let q = skip_markup(b, p + 2);
            Some(if b.get(q) == Some(&b':') {
                q + 1
            } else {
                p + 2
            })
        }
        None | Some(b'\n' | b'\r') if word == b"answer" && after_final(b, at) => Some(p),
        _ => None,
    }
}

/// Past spaces, tabs and markdown emphasis.
fn skip_markup(b: &[u8], from: usize) -> usize {
    from + count_while(&b[from..], |c| matches!(c, b' ' | b'\t' | b'*'))
}

/// Whether "final" and at least one space come right before `at`.
fn after_final(b: &[u8], at: usize) -> bool {
    let word_end = at - b[..at].iter().rev().take_while(|&&c| c == b' ').count();
    word_end < at && word_end >= 5 && b[word_end - 5..word_end].eq_ignore_ascii_case(b"final")
}

/// The answer that starts at `start`: the rest of its sentence, reduced to its first math span if
/// it has one, without markdown bold and trailing punctuation.
fn phrase_answer(text: &str, start: usize) -> &str {
    let b = text.as_bytes();
    let start = start + count_while(&b[start..], |c| c.is_ascii_whitespace() || c == b'*');
    let sentence = before_explanation(&text[start..sentence_end(b, start)]);
    if let Some(letter) = leading_choice(sentence) {
        return letter;
    }
    let sentence = after_last_copula(sentence);
    // "the answer is actually 3", "... is really $5$"
    let sentence = ["actually ", "really ", "indeed "]
        .iter()
        .find_map(|w| sentence.strip_prefix(w))
        .unwrap_or(sentence);
    let first_span = MathSpans::new(sentence)
        .map(|span| unwrap_answer(&sentence[span.inner]))
        .find(|a| !a.is_empty());
    first_span.unwrap_or_else(|| {
        let trimmed =
            sentence.trim_end_matches(|c: char| c.is_whitespace() || ".,;:?*".contains(c));
        unwrap_answer(strip_stray_dollars(trimmed))
    })
}

/// Where an answer's explanation starts: "3,628,800 since that is 10!", "C, not (D), since".
const EXPLANATIONS: &[&str] = &[
    ", not ",
    ", since ",
    " since ",
    ", because ",
    " because ",
    ", which ",
    " which ",
    ", as ",
    ", so ",
    " so that ",
    "; that ",
    "; this ",
    "; it ",
    "; which ",
    "; so ",
    ", i.e.",
    " (since ",
    " (because ",
];

/// The sentence up to the explanation that follows its answer, if any (outside math spans,
/// which the phrase's first math span takes care of).
fn before_explanation(sentence: &str) -> &str {
    if sentence.contains('$') || sentence.contains("\\(") || sentence.contains("\\[") {
        return sentence;
    }
    // Also ", each ...", ", all ...": a comma then a lower-case word of three letters or more
    // (a list of answers continues with values or capital letters instead).
    let comma_word = sentence.match_indices(", ").map(|(at, _)| at).find(|&at| {
        let word: String = sentence[at + 2..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let math = matches!(word.as_str(), "inf" | "infty" | "infinity" | "and" | "sqrt");
        word.len() >= 3 && word.chars().all(|c| c.is_ascii_lowercase()) && !math
    });
    let end = EXPLANATIONS
        .iter()
        .filter_map(|e| sentence.find(e))
        .chain(comma_word)
        .min()
        .unwrap_or(sentence.len());
    &sentence[..end]
}

/// "The distance traveled is 300", "$g(f(2))$ is 48" (Minerva's "Final Answer: The X is Y"): the
/// part after the last " is " when the sentence reads as prose naming its answer, or when that
/// part is math.
fn after_last_copula(sentence: &str) -> &str {
    let starts_as_prose = sentence
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_alphabetic()));
    for copula in [" is ", " are ", " equals ", " was "] {
        if let Some(at) = sentence.rfind(copula) {
            let rest = sentence[at + copula.len()..].trim();
            let math = rest
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'$' | b'-' | b'\\'));
            if !rest.is_empty() && (starts_as_prose || math) {
                return rest;
            }
        }
    }
    sentence
}

/// "(B) because ..." names choice B; the explanation after it is not the answer. "(A) and (C)"
/// names two choices, and is read whole.
fn leading_choice(sentence: &str) -> Option<&str> {
    let b = sentence.as_bytes();
    let is_choice =
        |b: &[u8]| b.len() >= 3 && b[0] == b'(' && (b'A'..=b'J').contains(&b[1]) && b[2] == b')';
    let ends_there = b.get(3).is_none_or(|c| !c.is_ascii_alphanumeric());
    let rest = sentence.get(3..).unwrap_or("");
    let another = [" and ", ", ", " & ", ", and "].iter().any(|joiner| {
        rest.strip_prefix(joiner)
            .is_some_and(|r| is_choice(r.as_bytes()))
    });
    (is_choice(b) && ends_there && !another).then(|| &sentence[..3])
}

/// `s` without a `$` that opens or closes nothing at either end (`$\frac{1}{2}` -> `\frac{1}{2}`).
fn strip_stray_dollars(s: &str) -> &str {
    let s = s.trim_start_matches('$');
    match s.strip_suffix('$') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => s,
    }
}

/// Where the sentence starting at `start` ends: a line break, or a `.` followed by whitespace or
/// the end of the text, outside `$$...$$` and `\[...\]`.
fn sentence_end(b: &[u8], start: usize) -> usize {
    let mut display: Option<&[u8]> = None;
    let mut i = start;
    while i < b.len() {
        if let Some(close) = display {
            if b[i..].starts_with(close) {
                display = None;
                i += close.len();
                continue;
            }
        } else {
            let opens = match b[i..] {
                [b'\n', ..] => return i,
                [b'.'] | [b'.', b' ' | b'\t' | b'\r' | b'\n', ..] => return i,
                [b'$', b'$', ..] => Some(&b"$$"[..]),
                [b'\\', b'[', ..] => Some(&b"\\]"[..]),
                _ => None,
            };
            if opens.is_some() {
                display = opens;
                i += 2;
                continue;
            }
        }
        // An escape is two bytes long.
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    b.len()
}

// ---------------------------------------------------------------------------------------------
// Last number

/// The last number in `text`, as written: optional `-`, digits (with `,` thousands groups), an
/// optional decimal part, an optional `/denominator`, an optional `%` or `\%`; and where it
/// starts.
pub(super) fn last_number(text: &str) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut end = b.len();
    loop {
        let number = last_number_token(&b[..end])?;
        if !glued_to_a_word(b, &number) {
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
        if is_number_word(word) {
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

/// The last number token in `b`, as written (see [`last_number`]).
fn last_number_token(b: &[u8]) -> Option<Range<usize>> {
    let last_digit = rfind_byte(b, |c| c.is_ascii_digit())?;
    // A number holds no byte outside this set before its final `%`, so scanning forward from the
    // start of the run around the last digit finds the same tokens as a scan of the whole text.
    let is_number_byte = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'/' | b'-');
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

/// `1.5 million`: the number's end, past a scale word that follows it.
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
    if scale_of(word).is_some() {
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
            end = digits_end(end + 1);
        }
    }
    if b.get(end) == Some(&b'%') {
        end += 1;
    } else if b[end..].starts_with(b"\\%") {
        end += 2;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use crate::verify::extract::test_support::{all, ex, opts, some};
    use crate::verify::extract::{extract_answer, ExtractMethod};
    use crate::verify::options::ExtractFallback;

    // --- "answer is" -----------------------------------------------------------------------

    fn answer_is(text: &str) -> Option<String> {
        let e = extract_answer(text, &opts(ExtractFallback::AnswerIs));
        if e.text.is_some() {
            assert_eq!(e.method, ExtractMethod::AnswerIs);
        }
        e.text
    }

    #[test]
    fn answer_phrases() {
        assert_eq!(answer_is("Thus the answer is 12."), some("12"));
        assert_eq!(
            answer_is("The final answer is $\\frac{1}{2}$. I hope"),
            some("\\frac{1}{2}")
        );
        assert_eq!(answer_is("Final answer: 3.5"), some("3.5"));
        assert_eq!(answer_is("ANSWER: -4\nmore text"), some("-4"));
        assert_eq!(answer_is("**Answer:** 17"), some("17"));
        assert_eq!(answer_is("**Answer**: **17**."), some("17"));
        assert_eq!(answer_is("The answer is: (B)"), some("(B)"));
        assert_eq!(answer_is("answer = 6"), some("6"));
        assert_eq!(answer_is("the answer is \\(x=3\\). Done."), some("x=3"));
        assert_eq!(answer_is("the answer is 5!."), some("5!"));
    }

    #[test]
    fn last_answer_phrase_wins() {
        assert_eq!(
            answer_is("The answer is 1. Wait, no. The answer is 2."),
            some("2")
        );
        // Words containing "answer" are not phrases, and do not hide an earlier one.
        assert_eq!(
            answer_is("The answer is 4. Answered! answers are nice"),
            some("4")
        );
        assert_eq!(answer_is("I answer quickly: no"), None);
    }

    #[test]
    fn minerva_style_answer() {
        let text = "Final Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct.";
        assert_eq!(answer_is(text), some("-\\frac{2}{3}"));
    }

    #[test]
    fn answer_on_following_lines() {
        assert_eq!(answer_is("**Final Answer**\n\n$42$\n"), some("42"));
        assert_eq!(answer_is("## Final Answer\n7 apples"), some("7 apples"));
        assert_eq!(
            answer_is("The final answer is:\n$$\n\\frac{3}{4}\n$$\nThanks."),
            some("\\frac{3}{4}")
        );
        assert_eq!(answer_is("Answer:\n\n  9"), some("9"));
        // A heading needs "final"; an empty last phrase means no answer at this level.
        assert_eq!(answer_is("Answer\n9"), None);
        assert_eq!(answer_is("The answer is 3. The answer is."), None);
    }

    #[test]
    fn answer_is_choice_letter_before_its_explanation() {
        let r = "The answer is (B) because the area is $\\frac{5 \\cdot 12}{2} = 30$.";
        assert_eq!(ex(r).0.as_deref(), Some("(B)"));
    }

    #[test]
    fn answer_decimal_point_is_not_sentence_end() {
        assert_eq!(answer_is("the answer is 3.14159."), some("3.14159"));
        assert_eq!(answer_is("the answer is 0.5. Next"), some("0.5"));
        assert_eq!(answer_is("the answer is x.\nnext"), some("x"));
    }

    #[test]
    fn option_and_choice_phrases() {
        assert_eq!(
            answer_is("It matches choice (B). The correct option is (B)."),
            some("(B)")
        );
        assert_eq!(answer_is("So the correct choice is: C"), some("C"));
        assert_eq!(
            answer_is("The answer is C. Each option is fine"),
            some("fine")
        );
        assert_eq!(answer_is("which matches choice (D); done"), None);
    }

    #[test]
    fn stray_dollars_in_phrase_answer() {
        assert_eq!(
            answer_is("The answer is $\\frac{1}{2}."),
            some("\\frac{1}{2}")
        );
        assert_eq!(answer_is("The answer is 5$."), some("5"));
        assert_eq!(answer_is("The answer is 5\\$."), some("5\\$"));
    }

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
        assert_eq!(number("it is 1.234 now"), some("1.234"));
        assert_eq!(number("1234,567"), some("567"));
        assert_eq!(number("v1.2.3"), some("3"));
        assert_eq!(number("value 10."), some("10"));
        assert_eq!(number("(-3)"), some("-3"));
        assert_eq!(number("٣ arabic digits are not ASCII 2 ٣"), some("2"));
    }
}
