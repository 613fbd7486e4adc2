//! The plain-text fallback for a response without a box: the last "answer is" phrase (with its
//! choice letter or math span). The last number is in `numbers.rs`.

use super::backslashes::count_while;
use super::prose::{retracts, JOINERS};
use super::scan::rfind_byte;
use super::spans::MathSpans;
use super::wrappers::unwrap_answer;

/// Words that start an answer phrase, each with the index of its rarest letter, which the
/// backward search looks for.
const PHRASE_WORDS: [(&[u8], usize); 5] = [
    (b"answer", 3),
    (b"option", 1),
    (b"choice", 0),
    (b"options", 6),
    (b"choices", 6),
];

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
        // "The correct options are C and A."
        Some(b'a') if word.ends_with(b"s") && b[p..].starts_with(b"are") && !is_word(p + 3) => {
            Some(p + 3)
        }
        None | Some(b'\n' | b'\r') if word == b"answer" && after_final(b, at) => Some(p),
        _ => None,
    }
}

/// Past spaces, tabs, markdown emphasis and the quote that closes a JSON key (`"answer": `).
fn skip_markup(b: &[u8], from: usize) -> usize {
    from + count_while(&b[from..], |c| {
        matches!(c, b' ' | b'\t' | b'*' | b'"' | b'\'')
    })
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
    if let Some(value) = json_value(text, start) {
        return value; // JSON: {"answer": "-5", ...} or {"answer": 40}
    }
    let whole_sentence = &text[start..sentence_end(b, start)];
    if let Some(corrected) = corrected_in_place(whole_sentence) {
        return corrected; // "27 (edit: should be 28, I missed the last term)"
    }
    let sentence = before_explanation(whole_sentence);
    // "The car needs **7.5 gallons**": the bold part is the answer.
    if let Some(bold) = bold_part(sentence) {
        return unwrap_answer(bold);
    }
    let sentence = ["the letter ", "letter "]
        .iter()
        .find_map(|w| sentence.strip_prefix(w))
        .unwrap_or(sentence);
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

/// The value of a JSON key, when the phrase is one (`"answer": ` ends right before `start`):
/// what its quotes hold (`"-5"`), or the bare value up to the next `,` or `}` (`40`).
fn json_value(text: &str, start: usize) -> Option<&str> {
    let key_end = text[..start].trim_end().strip_suffix(':')?.trim_end();
    if !key_end.ends_with(['"', '\'']) {
        return None;
    }
    let rest = &text[start..];
    let value = match rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        Some(quote) => {
            let inner = &rest[1..];
            &inner[..inner.find(quote)?]
        }
        None => &rest[..rest.find([',', '}', '\n']).unwrap_or(rest.len())],
    };
    let value = value.trim();
    (!value.is_empty() && !value.contains('\n')).then_some(value)
}

/// "27 (edit: should be 28, ...)": the value after "should be" when the sentence also takes its
/// first answer back.
fn corrected_in_place(sentence: &str) -> Option<&str> {
    let at = sentence.to_ascii_lowercase().find("should be ")?;
    if !retracts(&sentence[..at]) {
        return None;
    }
    let value = &sentence[at + "should be ".len()..];
    let end = value.find([',', ';', ')']).unwrap_or(value.len());
    let value = unwrap_answer(value[..end].trim_end_matches(['.', ' ']));
    (!value.is_empty()).then_some(value)
}

/// The part of `sentence` in markdown bold (`**7.5 gallons**`), when there is exactly one.
fn bold_part(sentence: &str) -> Option<&str> {
    let open = sentence.find("**")?;
    let rest = &sentence[open + 2..];
    let close = rest.find("**")?;
    let inner = rest[..close].trim();
    let another = rest[close + 2..].contains("**");
    (!inner.is_empty() && !another && inner.bytes().any(|c| c.is_ascii_digit())).then_some(inner)
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
    ", but ",
    " but ",
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
    let another = JOINERS.iter().any(|joiner| {
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

#[cfg(test)]
mod tests {
    use crate::verify::extract::test_support::{ex, opts, some};
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
}
