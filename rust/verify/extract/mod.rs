//! Final-answer extraction: pull the answer a model gave out of its full response, and strip the
//! wrappers off a reference answer.
//!
//! [`extract_answer`] works in this order:
//! 1. With `think_after`, keep only the text after the first `</think>`; a response without one
//!    has no answer.
//! 2. Cut the text at the first chat-template turn marker that follows some of the model's own
//!    text (`<|im_end|>`, `<|im_start|>`, `<|eot_id|>`, `</s>`, a `### Human:` line, a `User:`
//!    line that an `Assistant:` line answers, ...): a response decoded past its end token runs
//!    on into a new turn, whose numbers are not the answer; and at a line that opens the next
//!    few-shot example (`Problem:`, `Question 5:`) after an answer (`turns.rs`).
//! 3. Undo JSON-style doubled backslashes (`\\boxed{\\frac{1}{2}}` -> `\boxed{\frac{1}{2}}`), but
//!    only in front of known LaTeX commands, so that the row separator `\\` of a matrix survives
//!    (details at `undouble_backslashes`).
//! 4. The last complete `\boxed{...}` / `\fbox{...}` (braces balanced, `\{` `\}` do not count; also
//!    `\boxed {x}` and the brace-less `\boxed 5`). "Last" means the box that starts last, so
//!    `\boxed{\boxed{3}}` gives `3` and `\boxed{1}, \boxed{2}` gives `2`. A box that never closes
//!    (a truncated response) or is empty is skipped in favour of the box before it. When the
//!    text after the last box takes it back ("wait", "actually", "mistake", ...) and then has an
//!    answer phrase, that phrase's answer is the answer instead ("$\boxed{-3}$ Wait, it asks for
//!    $|x|$. So the answer is actually $3$."), unless `require_boxed` is set.
//! 5. With `require_boxed`, nothing else counts.
//! 6. The fallbacks, each only when `fallback` reaches its level. They ignore the cut-off tail of
//!    a truncated response: everything from the first `{` or `\left` that never closes (with the
//!    command it belongs to, e.g. an unclosed `\boxed{`). So `Thus \boxed{3` has no answer.
//!    - `AnswerIs`: the last answer phrase: "answer", "option" or "choice" followed by "is", `:`
//!      or `=` (any case, with words and markdown around: "The final answer is", `**Answer:**`,
//!      "The correct option is"), a "Final Answer" heading alone on its line, a GSM8K `####`
//!      line, "final" with a quantity noun ("The final count is 30"), or a JSON key
//!      (`"answer": "-5"`, whose value is the answer). Its answer is the
//!      rest of the sentence (up to a line break, or a `.` followed by whitespace or the end, so
//!      `3.5` is not cut; display math may span lines), or the first math span in it. Only the
//!      last phrase counts. A part in markdown bold is the answer ("The car needs **7.5
//!      gallons**"), and a correction in place replaces it ("27 (edit: should be 28)"). A text
//!      that ends with a phrase and no answer ("Therefore, the final answer is") was cut off: it
//!      has no answer at any level.
//!    - Before the next two levels (`prose.rs`): a repetition loop at the end (the same passage
//!      two and a half times or more) is cut off, and what comes before it is read; a last
//!      paragraph that verifies the answer ("Check: $3(5) - 4 = 11$") and the explanation that
//!      closes the last sentence ("4, since 3·4 = 12 ≡ 1") are left out; and a candidate
//!      followed by a retraction in a text cut off mid-sentence ("$S = 1$... wait, let me
//!      double") does not count.
//!    - `MathSpan`: the last `$...$`, `$$...$$`, `\(...\)` or `\[...\]` span (`\$` is not a
//!      delimiter; a `$...$` span does not cross a line, so stray currency signs stay local).
//!    - `LastNumber`: the last number, as written (`numbers.rs`): `-1,234.5`, `3/4`, `45%`,
//!      `45\%`, `5 × 10⁻⁷`, `16π`, `11:05`, `45 cents`; a number after "not" is skipped. When
//!      both levels are allowed and the last number comes after the last math span ("...
//!      $15^2 = 225$. The total comes to 3.5."), the number wins: it is the later, so likelier
//!      final, answer. Unless the span follows "is" and the number is in the same sentence: then
//!      it qualifies the span ("The quotient is $x^2 + 1$ with remainder 2."). Bare LaTeX after
//!      the last "is" of the text ("The side is \sqrt 50 = 5\sqrt 2.") is read whole.
//!
//! Every answer is trimmed and loses what encloses all of it: `$..$`, `$$..$$`, `\(..\)`,
//! `\[..\]`, `\boxed{..}`, brace groups (`{{5}}`), a trailing line break `\\`, markdown bold
//! (`**5**`, `__5__`), up to 8 such steps.
//! An answer that is empty after this counts as not found, and the candidate before it (boxes,
//! spans) or the next level is tried. An answer longer than 10,000 bytes is not returned: `text`
//! is `None`, `method` names the level that found it, `reason` is "answer longer than 10000
//! bytes", and no later level is tried (the model did answer, with something far too long to be
//! right).
//!
//! [`strip_reference`] applies the same rules to a reference answer: undouble backslashes, take
//! the rest of a GSM8K `#### 26` line if there is one, else the last box if there is one (so "The
//! answer is \boxed{5}" gives `5`), unwrap, trim.
//!
//! Cost: every step is linear in the length of the text, and the common case (a box near the
//! end) only looks at the end. A `{` that never closes bounds the brace matching of every earlier
//! box, so 100k unclosed boxes stay linear. Nothing recurses, and every slice is taken next to an
//! ASCII byte, so multi-byte characters anywhere are safe.

// The steps above, one file each (plus the byte scans they share); this file runs them in order.
mod backslashes;
mod boxes;
mod fallbacks;
mod numbers;
mod prose;
mod scan;
mod spans;
#[cfg(test)]
mod test_support;
mod turns;
mod wrappers;

// Defined in `options` (which must not depend on this module), and still named from here.
pub use super::options::ExtractOptions;

use std::ops::Range;

use super::options::ExtractFallback;
use backslashes::{letters_end, undouble_backslashes};
use boxes::{all_boxes, last_box_and_group, last_boxed};
use fallbacks::{answer_phrase, ends_in_open_phrase};
use numbers::{last_number, last_number_in_words};
use scan::find_byte;
use spans::{final_span_group, last_math_span_at};
use wrappers::unwrap_answer;

/// Answers longer than this are rejected, not returned (see the module docs).
const MAX_ANSWER_BYTES: usize = 10_000;

const THINK_END: &str = "</think>";

/// How the answer was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractMethod {
    Boxed,
    AnswerIs,
    MathSpan,
    LastNumber,
    None,
}

impl ExtractMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ExtractMethod::Boxed => "boxed",
            ExtractMethod::AnswerIs => "answer_is",
            ExtractMethod::MathSpan => "math_span",
            ExtractMethod::LastNumber => "last_number",
            ExtractMethod::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The answer, trimmed and unwrapped; `None` when there is none (or it is too long).
    pub text: Option<String>,
    pub method: ExtractMethod,
    /// A short human-readable account of what happened.
    pub reason: &'static str,
    /// The response announced this as its final answer: a box, an answer phrase, or a math span
    /// that ends the text with a full stop. A computation in it (`\binom{10}{4} = 210`) then
    /// stands for its result; a math span picked from the reasoning may be an unfinished step.
    pub announced: bool,
}

impl Extracted {
    fn missing(reason: &'static str) -> Self {
        Extracted {
            text: None,
            method: ExtractMethod::None,
            reason,
            announced: false,
        }
    }

    fn found(answer: &str, method: ExtractMethod, reason: &'static str) -> Self {
        let announced = matches!(method, ExtractMethod::Boxed | ExtractMethod::AnswerIs);
        if answer.len() > MAX_ANSWER_BYTES {
            return Extracted {
                text: None,
                method,
                reason: "answer longer than 10000 bytes",
                announced,
            };
        }
        Extracted {
            text: Some(answer.to_string()),
            method,
            reason,
            announced,
        }
    }

    fn announced(self, announced: bool) -> Self {
        Extracted {
            announced: self.announced || announced,
            ..self
        }
    }
}

/// The final answer of a model response; see the module docs for the rules and their order.
pub fn extract_answer(response: &str, opts: &ExtractOptions) -> Extracted {
    extract_answer_parts(response, opts).0
}

/// [`extract_answer`], and when the answer is a box that other boxes join (`$\boxed{-3}$ and
/// $\boxed{8}$`), the contents of all of them in order; else no parts.
pub fn extract_answer_parts(response: &str, opts: &ExtractOptions) -> (Extracted, Vec<String>) {
    let Some(region) = answer_region(response, opts) else {
        return (Extracted::missing("no </think> in response"), vec![]);
    };
    let text = undouble_backslashes(region);
    if let Some((answer, group, box_end)) = last_box_and_group(&text) {
        let corrected = correction_after_box(&text[box_end..]).filter(|_| !opts.require_boxed);
        if let Some(corrected) = corrected {
            let reason = "an answer phrase after the box corrects it";
            return (
                Extracted::found(corrected, ExtractMethod::AnswerIs, reason),
                vec![],
            );
        }
        let found = Extracted::found(answer, ExtractMethod::Boxed, "found \\boxed{}");
        let parts = if found.text.is_some() { group } else { vec![] };
        return (found, parts);
    }
    if opts.require_boxed {
        return (
            Extracted::missing("no \\boxed{} and require_boxed is set"),
            vec![],
        );
    }
    // Text inside a group that never closes was cut off mid-expression: no fallback uses it.
    let complete = &text[..unclosed_tail_start(text.as_bytes())];
    let found = match fallback_answer(complete, opts.fallback) {
        Some((answer, method, reason, announced)) => {
            Extracted::found(answer, method, reason).announced(announced)
        }
        None => Extracted::missing("no answer found"),
    };
    let parts = if found.method == ExtractMethod::MathSpan && found.text.is_some() {
        Some(final_span_group(complete)).filter(|group| group.len() >= 2)
    } else {
        None
    };
    (found, parts.unwrap_or_default())
}

/// The answer of an answer phrase in `after` (the text after the last box), when a retraction
/// comes there too: "$\boxed{-3}$ Wait, the problem asks for $|x|$. So the answer is actually
/// $3$." A phrase after the box without a retraction restates the box and is not read.
fn correction_after_box(after: &str) -> Option<&str> {
    prose::retracts(after)
        .then(|| answer_phrase(after))
        .flatten()
}

/// The part of a response that holds its answer: after the first `</think>` with `think_after`
/// (`None` when there is none), and before the next turn (`turns.rs`).
fn answer_region<'a>(response: &'a str, opts: &ExtractOptions) -> Option<&'a str> {
    let region = if opts.think_after {
        &response[response.find(THINK_END)? + THINK_END.len()..]
    } else {
        response
    };
    Some(turns::before_next_turn(region))
}

/// Every box of a response (at most 16, in order), for a reference with several parts when the
/// response boxes them apart: "(a) The mean is $\boxed{3}$. (b) The median is $\boxed{7}$."
pub fn every_box(response: &str, opts: &ExtractOptions) -> Vec<String> {
    let Some(region) = answer_region(response, opts) else {
        return vec![];
    };
    let boxes = all_boxes(&undouble_backslashes(region));
    if boxes.len() > MAX_REFERENCE_PARTS {
        return vec![];
    }
    boxes
}

/// The text the plain-text fallbacks read: the answer region without its cut-off tail.
fn prose_region(response: &str, opts: &ExtractOptions) -> Option<String> {
    let text = undouble_backslashes(answer_region(response, opts)?);
    Some(text[..unclosed_tail_start(text.as_bytes())].to_string())
}

/// For a reference with several parts, the list of numbers that ends an unboxed response ("the
/// values that work are 1, 3, 5."), as `1, 3, 5`.
pub fn last_number_list(response: &str, opts: &ExtractOptions) -> Option<String> {
    let text = prose_region(response, opts)?;
    prose::last_number_list(prose::before_verification(&text))
}

/// Whether the last sentence of an unboxed response names a text reference: `words` is the
/// reference normalised, `key` its synonym class (see `prose::last_sentence_names`).
pub fn last_sentence_names(response: &str, opts: &ExtractOptions, words: &str, key: &str) -> bool {
    prose_region(response, opts).is_some_and(|text| prose::last_sentence_names(&text, words, key))
}

/// The letters that end an unboxed response together ("All of them: A, B, C, D.", "either B or
/// D"), in order: the last letter the text chooses, and those joined to it by commas, "and" or
/// "or". A letter is chosen when it stands in parentheses (`(B)`), alone before punctuation or
/// the end ("I think it's B."), so that the pronoun "I" and the article "A" in prose do not
/// count, or named as an option ("Option B is correct", "only statement B holds"); a letter
/// after "not" is ruled out.
pub fn last_choice_letters(response: &str, opts: &ExtractOptions) -> Vec<char> {
    let Some(region) = answer_region(response, opts) else {
        return vec![];
    };
    let text = region.as_bytes();
    let Some(mut at) = (0..text.len()).rev().find(|&i| chosen_letter_at(text, i)) else {
        return vec![];
    };
    let mut letters = vec![text[at] as char];
    while letters.len() < 10 {
        let start = if at > 0 && text[at - 1] == b'(' {
            at - 1
        } else {
            at
        };
        let before = &region[..start];
        let joined = prose::JOINERS.iter().find_map(|j| before.strip_suffix(j));
        let Some(before) = joined else { break };
        let end = before.len();
        let previous = if before.ends_with(')') {
            end.checked_sub(2)
        } else {
            end.checked_sub(1)
        };
        // A letter joined to the next one stands alone on its left: "either B or D".
        let joined_letter = |i: usize| {
            (b'A'..=b'J').contains(&text[i])
                && !i
                    .checked_sub(1)
                    .is_some_and(|k| text[k].is_ascii_alphanumeric() || text[k] == b'\\')
        };
        match previous.filter(|&i| joined_letter(i)) {
            Some(i) => {
                letters.push(text[i] as char);
                at = i;
            }
            None => break,
        }
    }
    letters.reverse();
    letters
}

/// Whether the byte at `i` is a choice letter the text chooses (see [`last_choice_letters`]).
fn chosen_letter_at(text: &[u8], i: usize) -> bool {
    if !(b'A'..=b'J').contains(&text[i]) {
        return false;
    }
    let before = i.checked_sub(1).map(|k| text[k]);
    let after = text.get(i + 1).copied();
    let parenthesized = before == Some(b'(') && after == Some(b')');
    let bare = !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'\\')
        && after.is_none_or(|c| b".,;:!?)$}\n".contains(&c));
    let lead = &text[..i];
    let named = after.is_none_or(|c| !c.is_ascii_alphanumeric())
        && [&b"option "[..], b"choice ", b"statement ", b"answer "]
            .iter()
            .any(|w| lead.len() >= w.len() && lead[lead.len() - w.len()..].eq_ignore_ascii_case(w));
    // "it's (B) 10, not (C) 12": a letter ruled out is not the one chosen.
    let ruled_out = prose::ruled_out_before(text, i - usize::from(before == Some(b'(')));
    (parenthesized || bare || named) && !ruled_out
}

/// The answer found by the fallback levels that `level` allows: its text, method, reason, and
/// whether it concludes the text (see [`Extracted::announced`]).
fn fallback_answer<'a>(text: &'a str, level: ExtractFallback) -> Option<Fallback<'a>> {
    if level >= ExtractFallback::AnswerIs {
        if let Some(answer) = answer_phrase(text) {
            let reason = "found an \"answer is\" phrase";
            return Some((answer, ExtractMethod::AnswerIs, reason, false));
        }
        if ends_in_open_phrase(text) {
            return None; // "Therefore, the final answer is": cut off before the answer
        }
    }
    // What a model wrote before a repetition loop is its answer; the loop never finished.
    let text = match prose::loop_start(text) {
        Some(start) => &text[..start],
        None => text,
    };
    // The numbers of a verification after the answer ("Check: $2(9) + 3 = 21$") and of the
    // explanation that closes it ("4, since 3·4 = 12 ≡ 1") are not it.
    let text = prose::before_closing_explanation(prose::before_verification(text));
    let span = (level >= ExtractFallback::MathSpan)
        .then(|| last_math_span_at(text))
        .flatten();
    let number = (level >= ExtractFallback::LastNumber)
        .then(|| last_number(text))
        .flatten();
    let as_span = |(outer, answer): (Range<usize>, &'a str)| {
        // A span that ends the text's last sentence (`... is $\frac{6}{15} = 0.4$.`) concludes;
        // without the full stop the text may have been cut off mid-computation.
        let rest = text[outer.end..].trim();
        if rest == "." || rest.starts_with(".\n") {
            (
                answer,
                ExtractMethod::MathSpan,
                "found a math span ending the text",
                true,
            )
        } else {
            (answer, ExtractMethod::MathSpan, "found a math span", false)
        }
    };
    let as_number = |(_, answer)| {
        (
            answer,
            ExtractMethod::LastNumber,
            "found the last number",
            false,
        )
    };
    // A candidate followed by a retraction at a cut-off end was being taken back.
    let retracted = |end: usize| prose::cut_off_while_retracting(&text[end..]);
    let span = span.filter(|(outer, _)| !retracted(outer.end));
    let number = number.filter(|&(start, answer)| !retracted(start + answer.len()));
    match (span, number) {
        // A number written after the last span is the later, so likelier final, answer; unless
        // the span is what its sentence says the answer is and the number only qualifies it
        // ("The quotient is $x^2 + x + 1$ with remainder 2.", "is $5\sqrt2$ (about 7.07)").
        (Some(span), Some(number))
            if number.0 >= span.0.end && !prose::qualifies_the_span(text, &span.0, number.0) =>
        {
            Some(as_number(number))
        }
        (Some(span), _) => Some(as_span(span)),
        (None, Some(number)) => Some(
            prose::bare_latex_after_copula(text, number.0)
                .map(|answer| {
                    let reason = "found LaTeX after \"is\" ending the text";
                    (answer, ExtractMethod::MathSpan, reason, true)
                })
                .unwrap_or_else(|| as_number(number)),
        ),
        (None, None) if level >= ExtractFallback::LastNumber => {
            let reason = "found a number in words";
            last_number_in_words(text)
                .map(|answer| (answer, ExtractMethod::LastNumber, reason, false))
        }
        (None, None) => None,
    }
}

/// What a fallback level found: the answer, its method, the reason, and whether it concludes
/// the text.
type Fallback<'a> = (&'a str, ExtractMethod, &'static str, bool);

/// Where the text stops being complete: at the first `{` or `\left` that is never closed (by `}`
/// or `\right`), else at its end. A response cut off by a length limit ends like this.
fn unclosed_tail_start(b: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut outermost_open = 0;
    let mut i = 0;
    while let Some(skip) = find_byte(&b[i..], |c| matches!(c, b'{' | b'}' | b'\\')) {
        let at = i + skip;
        i = at + 1;
        let opens = match b[at] {
            b'{' => true,
            b'}' => false,
            _ => {
                let name_end = letters_end(b, at + 1);
                i = name_end.max(at + 2).min(b.len());
                match &b[at + 1..name_end] {
                    b"left" => true,
                    b"right" => false,
                    _ => continue,
                }
            }
        };
        if opens {
            if depth == 0 {
                outermost_open = at;
            }
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    if depth == 0 {
        return b.len();
    }
    // A command taking the unclosed group as its argument (`\boxed{`, `\frac {`) goes with it.
    let before_space = outermost_open
        - b[..outermost_open]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    let name = b[..before_space]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    match before_space.checked_sub(name + 1) {
        Some(command) if name > 0 && b[command] == b'\\' => command,
        _ => outermost_open,
    }
}

/// The reference answer without its wrappers: doubled backslashes fixed, the content of the last
/// box if there is one, then unwrapped and trimmed like every answer (see the module docs).
pub fn strip_reference(answer: &str) -> String {
    reference_answer(answer).0
}

/// [`strip_reference`], and the contents of every box when the reference boxes several parts (a
/// full solution: "so $x=\boxed{3}$ or $x=\boxed{-1}$"), in order; no parts for one box, none,
/// or very many.
pub fn reference_answer(answer: &str) -> (String, Vec<String>) {
    let text = undouble_backslashes(answer);
    if let Some(line) = gsm8k_answer_line(&text) {
        return (unwrap_answer(line).to_string(), vec![]);
    }
    let stripped = last_boxed(&text).unwrap_or_else(|| unwrap_answer(&text));
    let boxes = all_boxes(&text);
    let parts = if (2..=MAX_REFERENCE_PARTS).contains(&boxes.len()) {
        boxes
    } else {
        vec![]
    };
    (stripped.to_string(), parts)
}

/// A GSM8K solution as the reference (`... = <<3*12=36>>36 cookies.\n#### 26`): the rest of the
/// line after its last `####`, when that is not empty.
fn gsm8k_answer_line(text: &str) -> Option<&str> {
    let after = &text[text.rfind("####")? + 4..];
    let line = after.split('\n').next().unwrap_or("").trim();
    (!line.is_empty()).then_some(line)
}

/// More boxes than this in a reference are not read as the parts of one answer.
const MAX_REFERENCE_PARTS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::extract::test_support::{all, assert_fast, boxed, ex, opts, some};

    #[test]
    fn method_names() {
        let names: Vec<_> = [
            ExtractMethod::Boxed,
            ExtractMethod::AnswerIs,
            ExtractMethod::MathSpan,
            ExtractMethod::LastNumber,
            ExtractMethod::None,
        ]
        .iter()
        .map(|m| m.as_str())
        .collect();
        assert_eq!(
            names,
            ["boxed", "answer_is", "math_span", "last_number", "none"]
        );
    }

    // --- think -----------------------------------------------------------------------------

    #[test]
    fn think_after_uses_text_after_first_close() {
        let o = ExtractOptions {
            think_after: true,
            ..all()
        };
        let e = extract_answer("<think>\\boxed{1}</think>so \\boxed{2}</think>x", &o);
        assert_eq!(e.text, some("2"));
        let e = extract_answer("<think>maybe \\boxed{1}</think>The answer is 3.", &o);
        assert_eq!((e.text, e.method), (some("3"), ExtractMethod::AnswerIs));
        let e = extract_answer("<think>\\boxed{1}</think>", &o);
        assert_eq!(e.text, None);
    }

    #[test]
    fn think_after_without_close() {
        let o = ExtractOptions {
            think_after: true,
            ..all()
        };
        let e = extract_answer("<think>long thoughts \\boxed{1}", &o);
        assert_eq!(
            e,
            Extracted {
                text: None,
                method: ExtractMethod::None,
                reason: "no </think> in response",
                announced: false
            }
        );
        // Without think_after the tag is just text.
        assert_eq!(boxed("<think>\\boxed{1}"), some("1"));
    }

    // --- require_boxed and fallback levels ---------------------------------------------------

    #[test]
    fn require_boxed() {
        let o = ExtractOptions {
            require_boxed: true,
            ..all()
        };
        let e = extract_answer("The answer is 5.", &o);
        assert_eq!(e.text, None);
        assert_eq!(e.method, ExtractMethod::None);
        assert!(e.reason.contains("require_boxed"));
        assert_eq!(extract_answer("\\boxed{5}", &o).text, some("5"));
        assert_eq!(extract_answer("\\boxed{5", &o).text, None);
    }

    #[test]
    fn fallback_levels_are_cumulative() {
        let text = "The answer is 7. Also $x$ and 9";
        let get = |f| {
            let e = extract_answer(text, &opts(f));
            (e.text, e.method)
        };
        assert_eq!(get(ExtractFallback::BoxedOnly), (None, ExtractMethod::None));
        assert_eq!(
            get(ExtractFallback::AnswerIs),
            (some("7"), ExtractMethod::AnswerIs)
        );
        let text2 = "We get $x+1$ and then 9";
        let e = extract_answer(text2, &opts(ExtractFallback::AnswerIs));
        assert_eq!(e.text, None);
        let e = extract_answer(text2, &opts(ExtractFallback::MathSpan));
        assert_eq!((e.text, e.method), (some("x+1"), ExtractMethod::MathSpan));
        let text3 = "so we get 12 apples";
        assert_eq!(
            extract_answer(text3, &opts(ExtractFallback::MathSpan)).text,
            None
        );
        let e = extract_answer(text3, &opts(ExtractFallback::LastNumber));
        assert_eq!(
            (e.text, e.method, e.reason),
            (
                some("12"),
                ExtractMethod::LastNumber,
                "found the last number"
            )
        );
    }

    #[test]
    fn nothing_found() {
        let e = extract_answer("no idea", &all());
        assert_eq!(
            e,
            Extracted {
                text: None,
                method: ExtractMethod::None,
                reason: "no answer found",
                announced: false
            }
        );
        assert_eq!(extract_answer("", &all()).text, None);
        assert_eq!(extract_answer("   \n ", &all()).text, None);
    }

    #[test]
    fn fallbacks_ignore_an_unclosed_tail() {
        assert_eq!(unclosed_tail_start(b"a {b} c"), 7);
        assert_eq!(unclosed_tail_start(b"a { b {c} 9"), 2);
        assert_eq!(unclosed_tail_start(b"} a { b } 9"), 11);
        assert_eq!(unclosed_tail_start(b"x \\left( 1 \\right) 2"), 20);
        assert_eq!(unclosed_tail_start(b"x \\left( 1 \\leftarrow 2"), 2);
        assert_eq!(unclosed_tail_start(b"\\{ 1"), 4);
        assert_eq!(unclosed_tail_start(b"x \\boxed {1"), 2);
        assert_eq!(unclosed_tail_start(b"x boxed {1"), 8);
        assert_eq!(
            ex("The total is 7. Then \\frac{3"),
            (some("7"), "last_number")
        );
        assert_eq!(ex("The answer is \\boxed{\\frac{1}{2}."), (None, "none"));
    }

    #[test]
    fn a_gsm8k_solution_as_reference() {
        let gold =
            "She has 3*12 = <<3*12=36>>36 cookies.\nShe gives 10: 36-10 = <<36-10=26>>26.\n#### 26";
        assert_eq!(strip_reference(gold), "26");
        assert_eq!(strip_reference("#### 1,200\n"), "1,200");
        // An empty marker line is not an answer: the text is read as usual.
        assert_eq!(strip_reference("\\boxed{4} ####"), "4");
    }

    // --- length cap ------------------------------------------------------------------------

    #[test]
    fn long_answers_are_rejected() {
        let long = "1".repeat(MAX_ANSWER_BYTES + 1);
        let e = extract_answer(&format!("\\boxed{{{long}}}"), &all());
        assert_eq!(
            e,
            Extracted {
                text: None,
                method: ExtractMethod::Boxed,
                reason: "answer longer than 10000 bytes",
                announced: true
            }
        );
        let e = extract_answer(&format!("answer is {long}"), &all());
        assert_eq!((e.text, e.method), (None, ExtractMethod::AnswerIs));
        let ok = "1".repeat(MAX_ANSWER_BYTES);
        assert_eq!(
            extract_answer(&format!("\\boxed{{{ok}}}"), &all()).text,
            Some(ok)
        );
    }

    // --- cost on huge inputs ---------------------------------------------------------------

    const MB: usize = 1 << 20;

    #[test]
    fn huge_plain_text() {
        let text = "lorem ipsum dolor sit amet, ".repeat(MB / 28);
        let e = assert_fast("1 MB of prose", || extract_answer(&text, &all()));
        assert_eq!(e.text, None);
        let text = format!("{text} so \\boxed{{9}}");
        assert_eq!(
            assert_fast("1 MB then a box", || extract_answer(&text, &all())).text,
            some("9")
        );
    }

    #[test]
    fn huge_latex_text() {
        let text = "$\\frac{1}{2} + \\sqrt{x}$ and \\\\pi \\{ ".repeat(MB / 38);
        let e = assert_fast("1 MB of latex", || extract_answer(&text, &all()));
        // One passage repeated to the end: a repetition loop, which gives no answer.
        assert_eq!(e.text, None);
        let _ = assert_fast("1 MB reference", || strip_reference(&text));
    }

    #[test]
    fn huge_nested_braces() {
        let n = 100_000;
        let unclosed = format!("\\boxed{{{}5", "{".repeat(n));
        let e = assert_fast("100k unclosed braces", || extract_answer(&unclosed, &all()));
        assert_eq!((e.text, e.method), (None, ExtractMethod::None));
        let closed = format!("\\boxed{{{}5{}}}", "{".repeat(n), "}".repeat(n));
        assert_eq!(
            assert_fast("100k closed braces", || boxed(&closed)),
            some("5")
        );
        let pairs = format!("\\boxed{{{}}}", "{5}".repeat(n));
        let e = assert_fast("100k brace pairs", || extract_answer(&pairs, &all()));
        assert_eq!(e.reason, "answer longer than 10000 bytes");
        let left = format!("{}1", "\\left(".repeat(n));
        assert_eq!(
            assert_fast("100k unclosed \\left(", || ex(&left)),
            (None, "none")
        );
    }

    #[test]
    fn huge_box_repetitions() {
        let n = 100_000;
        let unclosed = "\\boxed{".repeat(n);
        let e = assert_fast("100k unclosed boxes", || extract_answer(&unclosed, &all()));
        assert_eq!(e.text, None);
        let nested = format!("{}3{}", "\\boxed{".repeat(n), "}".repeat(n));
        assert_eq!(
            assert_fast("100k nested boxes", || boxed(&nested)),
            some("3")
        );
        let empty_nested = format!("{}{}", "\\boxed{ ".repeat(n), "}".repeat(n));
        // Empty boxes are skipped and unwrapping stops after MAX_WRAPPERS levels, so the answer is
        // the box nested MAX_WRAPPERS + 2 deep, with one empty box left inside.
        let e = assert_fast("100k nested empty boxes", || {
            extract_answer(&empty_nested, &all())
        });
        assert_eq!(e.text, some("\\boxed{ }"));
        let closed = "\\boxed{1} ".repeat(n);
        assert_eq!(assert_fast("100k boxes", || boxed(&closed)), some("1"));
        let empties = format!("\\boxed{{2}}{}", "\\boxed{} ".repeat(n));
        assert_eq!(
            assert_fast("100k empty boxes", || boxed(&empties)),
            some("2")
        );
        let bare = "\\boxed ab".repeat(n);
        let _ = assert_fast("100k prose boxes", || extract_answer(&bare, &all()));
        let doubled = "\\\\boxed{".repeat(n);
        let _ = assert_fast("100k doubled boxes", || extract_answer(&doubled, &all()));
        let _ = assert_fast("100k boxes as reference", || strip_reference(&nested));
    }

    #[test]
    fn huge_fallback_inputs() {
        let n = 100_000;
        let cases = [
            "$".repeat(MB),
            "$$ ".repeat(n),
            "\\(".repeat(n),
            "\\[".repeat(n),
            "$a\n".repeat(n),
            "answer ".repeat(n),
            "answer: **".repeat(n),
            "c choice option ".repeat(n),
            "{{}".repeat(n),
            "\\left(\\right".repeat(n),
            "The final answer is $$".repeat(n),
            "1,".repeat(n),
            "-".repeat(MB) + "1",
            "1".repeat(MB),
            "\\".repeat(MB),
            "\\\\pi".repeat(n),
            "é".repeat(MB / 2),
            "\nQ:".repeat(n) + "answer",
            "answer\nQ:".repeat(n),
            "A1".repeat(n) + "\\boxed{1}" + &" and \\boxed{2}".repeat(n),
            "\\boxed{1}, ".repeat(n),
            "$x=\\boxed{1}$ and ".repeat(n),
            "{".repeat(MB),
            "}".repeat(MB),
        ];
        for text in &cases {
            let head: String = text.chars().take(12).collect();
            let _ = assert_fast(&format!("{head:?}..."), || extract_answer(text, &all()));
            let _ = assert_fast(&format!("reference {head:?}..."), || strip_reference(text));
        }
    }
}
