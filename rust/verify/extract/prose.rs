//! Reading the prose around an unboxed answer: a repetition loop at the end, the verification
//! paragraph or the explanation after the answer, a span that "is" names, bare LaTeX closing
//! the text, a sentence that names a text answer, a list of numbers that ends the text, and the
//! signs of a response cut off while it was reconsidering.

use std::ops::Range;

use super::numbers::last_number;

/// Words that take back what came before them ("Wait — the problem asks for $|x|$").
const RETRACTIONS: &[&str] = &[
    "wait",
    "actually",
    "mistake",
    "correction",
    "oops",
    "hmm",
    "edit",
    "sorry",
    "i was wrong",
    "let me double",
    "let me re",
];

/// Whether `word` occurs in `lower` (already lower case) with no letter right before it, and,
/// for a whole word, none right after it ("let me re" is a prefix of "recheck").
fn has_word(lower: &str, word: &str) -> bool {
    let b = lower.as_bytes();
    let prefix_only = word.ends_with(" re");
    lower.match_indices(word).any(|(at, _)| {
        let clear = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphabetic());
        clear(at.checked_sub(1).map(|k| &b[k])) && (prefix_only || clear(b.get(at + word.len())))
    })
}

/// Whether `text` holds a retraction word.
pub(super) fn retracts(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    RETRACTIONS.iter().any(|w| has_word(&lower, w))
}

/// What joins the items of a list in prose, longest first: "1, 3 and 5", "either B or D".
pub(super) const JOINERS: &[&str] = &[", and ", ", or ", ", ", " and ", " or ", " & ", ","];

/// Whether the words right before `at` rule out what comes there, within its clause: "not"
/// ("it's (B) 10, not (C) 12", "converges to 1/2, not 1", "it is not Wednesday"), "n't", "not
/// to", "not equal to", "rather than", "instead of". Reads at most 24 bytes back.
pub(super) fn ruled_out_before(b: &[u8], at: usize) -> bool {
    let window = &b[at.saturating_sub(24)..at];
    // A comma does not end the clause: "1/2, not 1" rules 1 out.
    let clause = window
        .rsplit(|c| matches!(c, b'.' | b';' | b'\n'))
        .next()
        .unwrap_or(window);
    let mut words = clause
        .rsplit(|c| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let (last, second, third) = (words.next(), words.next(), words.next());
    let is = |word: Option<&[u8]>, want: &str| {
        word.is_some_and(|w| w.eq_ignore_ascii_case(want.as_bytes()))
    };
    // "isn't" reads as "isn", "t".
    let contracted = is(last, "t") && second.is_some_and(|w| w.ends_with(b"n"));
    is(last, "not")
        || contracted
        || (is(last, "to") && is(second, "not"))
        || (is(last, "to") && is(second, "equal") && is(third, "not"))
        || (is(last, "than") && is(second, "rather"))
        || (is(last, "of") && is(second, "instead"))
}

/// Where the last sentence of `text` starts: after the last line break, `!`, `?` or `. `,
/// ignoring the full stop that ends the text.
fn last_sentence_start(text: &str) -> usize {
    let trimmed = text.trim_end().trim_end_matches(['.', '!']);
    trimmed
        .rfind(['\n', '!', '?'])
        .into_iter()
        .chain(trimmed.rfind(". "))
        .max()
        .map_or(0, |at| at + 1)
}

/// Whether the text after an answer candidate shows the response was cut off while taking it
/// back: a retraction, and no full stop or closing bracket at the end ("$S \equiv 1$... wait,
/// let me double").
pub(super) fn cut_off_while_retracting(tail: &str) -> bool {
    let end = tail.trim_end();
    let finished = end.is_empty() || end.ends_with(['.', '!', '?', ')', ']', '}']);
    !finished && retracts(tail)
}

/// How far back a repetition loop is looked for, and the longest period it may have.
const LOOP_WINDOW: usize = 4096;
const LOOP_MAX_PERIOD: usize = 400;

/// Where a repetition loop at the end of the text starts: the same passage (8 to 400 bytes) two
/// and a half times or more at its end, the last copy cut off anywhere after its middle ("Let me
/// recompute. 7 × 8 = 56. Let me recompute. 7 × 8 = 56. Let me recompute. 7 × 8"). What the
/// model wrote before the loop is its answer; the loop itself never finished, and rewarding the
/// number inside it would reward the loop. `None` when the text does not end in one.
pub(super) fn loop_start(text: &str) -> Option<usize> {
    let b = text.trim_end().as_bytes();
    let window_start = b.len().saturating_sub(LOOP_WINDOW);
    let t = &b[window_start..];
    (8..=LOOP_MAX_PERIOD.min(t.len() * 2 / 5)).find_map(|period| {
        // How many bytes at the end equal the byte one period before them.
        let matched = (period..t.len())
            .rev()
            .take_while(|&i| t[i] == t[i - period])
            .count();
        (2 * matched >= 3 * period).then(|| {
            // The loop may reach back past the window: follow it over the whole text (one
            // linear pass, for this period only).
            let matched = if matched + period == t.len() {
                (period..b.len())
                    .rev()
                    .take_while(|&i| b[i] == b[i - period])
                    .count()
            } else {
                matched
            };
            let start = b.len() - matched - period;
            // On a character boundary: the loop may start inside a multi-byte character.
            (0..=start)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0)
        })
    })
}

/// Where the explanation of the last sentence's answer starts: "The inverse of 3 mod 11 is 4,
/// since 3·4 = 12 ≡ 1." The numbers of the explanation are not the answer.
const CLOSING_EXPLANATIONS: &[&str] = &[", since ", ", because ", " because ", ", as "];

/// `text` without the explanation that ends its last sentence, when a number comes before the
/// explanation in that sentence; else all of `text`.
pub(super) fn before_closing_explanation(text: &str) -> &str {
    let sentence_start = last_sentence_start(text);
    let sentence = &text.trim_end()[sentence_start..];
    let lower = sentence.to_ascii_lowercase();
    let Some(at) = CLOSING_EXPLANATIONS
        .iter()
        .filter_map(|e| lower.find(e))
        .min()
    else {
        return text;
    };
    if sentence[..at].bytes().any(|c| c.is_ascii_digit()) {
        &text[..sentence_start + at]
    } else {
        text
    }
}

/// Words that say what something is, right before the value that answers it.
const COPULAS: &[&str] = &["is", "are", "was", "were", "equals", "be", "becomes"];

/// Whether `before` (a text) ends with a copula word.
fn ends_with_copula(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let word = before[word_start..].to_ascii_lowercase();
    COPULAS.contains(&word.as_str()) || before.ends_with('=')
}

/// Whether a number after the last math span only qualifies it: the span comes right after a
/// copula ("The quotient is $x^2 + x + 1$ with remainder 2.", "there are $1.2 \times 10^4$
/// bacteria after 3 hours", "is $5\sqrt{2}$ (about 7.07)") and the number is in the same
/// sentence.
pub(super) fn qualifies_the_span(text: &str, span: &Range<usize>, number_start: usize) -> bool {
    let between = &text[span.end..number_start];
    let same_sentence = !between.contains(['\n', '!', '?']) && !between.contains(". ");
    same_sentence && ends_with_copula(text[..span.start].trim_end())
}

/// Bare LaTeX after the last "is" of the closing sentence, with no `$` around it ("The side
/// length is \sqrt 50 = 5\sqrt 2."), when it holds the last number (which starts at
/// `number_start`): the whole expression, not its last number, is the answer.
pub(super) fn bare_latex_after_copula(text: &str, number_start: usize) -> Option<&str> {
    let trimmed = text.trim_end().trim_end_matches('.');
    let sentence_start = last_sentence_start(text);
    let sentence = &trimmed[sentence_start..];
    if sentence.contains('$') || !sentence.contains('\\') {
        return None;
    }
    let (at, copula) = [" is ", " are ", " equals "]
        .iter()
        .filter_map(|c| sentence.rfind(c).map(|at| (at, c.len())))
        .max()?;
    let answer_start = sentence_start + at + copula;
    let answer = trimmed[answer_start..].trim();
    let has_command = answer.contains('\\');
    (has_command && answer_start <= number_start && !answer.is_empty()).then_some(answer)
}

/// Words that open a verification of an answer already given ("Check: $2(9) + 3 = 21$ ✓").
const CHECK_WORDS: &[&str] = &[
    "check",
    "checking",
    "verification",
    "verify",
    "to check",
    "to verify",
    "sanity check",
];

/// `text` up to its last line that opens a verification, when the text before that line holds
/// a digit (an answer to verify); else all of `text`.
pub(super) fn before_verification(text: &str) -> &str {
    let mut line_start = text.len();
    while let Some(newline) = text[..line_start].rfind('\n') {
        let line = text[newline + 1..].trim_start_matches(['#', '*', ' ', '>']);
        let lower = line
            .get(..line.len().min(16))
            .unwrap_or(line)
            .to_ascii_lowercase();
        let opens = CHECK_WORDS.iter().any(|w| {
            lower.starts_with(w)
                && lower[w.len()..].starts_with([':', ' ', ',', '*'])
                && !lower[w.len()..]
                    .trim_start_matches(['*', ' '])
                    .starts_with("the answer")
        });
        if opens {
            let before = &text[..newline];
            return if before.bytes().any(|c| c.is_ascii_digit()) {
                before
            } else {
                text
            };
        }
        line_start = newline;
    }
    text
}

/// The numbers that end with the last one, when commas, "and" or "or" join them: "the values
/// that work are 1, 3, 5." gives `1, 3, 5`; `None` for fewer than two. At most 16 are read.
pub(super) fn last_number_list(text: &str) -> Option<String> {
    let (mut start, last) = last_number(text)?;
    let mut numbers = vec![last];
    while numbers.len() < 16 {
        let before = &text[..start];
        let joined = JOINERS.iter().find_map(|j| before.strip_suffix(j));
        let Some(before) = joined else { break };
        match last_number(before) {
            Some((at, number)) if at + number.len() == before.len() => {
                numbers.push(number);
                start = at;
            }
            _ => break,
        }
    }
    (numbers.len() >= 2).then(|| {
        numbers.reverse();
        numbers.join(", ")
    })
}

/// Phrases in prose that say what a text reference says, by its key (see
/// `compare::text_key`): "there is no solution" for the empty set, "is undefined" for DNE.
fn phrases_for(key: &str) -> Vec<String> {
    match key {
        "nosolution" => [
            "no solution",
            "no solutions",
            "no real solution",
            "no real solutions",
        ]
        .map(String::from)
        .to_vec(),
        "dne" => ["does not exist", "doesn't exist", "undefined"]
            .map(String::from)
            .to_vec(),
        "infinite" => vec!["infinitely many".to_string()],
        "allreals" => [
            "all real numbers",
            "all reals",
            "every real number",
            "any real number",
        ]
        .map(String::from)
        .to_vec(),
        // Short words ("yes", "no", "none") are in too much prose to count.
        other if is_words(other) => vec![other.to_string()],
        _ => vec![],
    }
}

/// Words of five letters or more in all, and nothing else: a text answer that prose can name
/// (not `1011_2`, whose key holds digits).
fn is_words(text: &str) -> bool {
    text.len() >= 5 && text.bytes().all(|c| c.is_ascii_alphabetic() || c == b' ')
}

/// Whether the last sentence of `text` names the text answer `words` (already normalised: lower
/// case, single spaces) with the key `key`, and not after "not" ("it is not Wednesday").
pub(super) fn last_sentence_names(text: &str, words: &str, key: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['.', '!']);
    let sentence = trimmed[last_sentence_start(text)..]
        .to_ascii_lowercase()
        .replace(['\n', '\t'], " ");
    let mut phrases = phrases_for(key);
    if is_words(words) && !phrases.iter().any(|p| p == words) {
        phrases.push(words.to_string());
    }
    // A short word closes the sentence after "is": "so the function is odd."
    let closes_sentence = words.len() >= 2
        && words.bytes().all(|c| c.is_ascii_alphabetic() || c == b' ')
        && [" is ", " are "].iter().any(|copula| {
            sentence
                .trim_end_matches(['.', '!', ' '])
                .strip_suffix(words)
                .is_some_and(|before| before.ends_with(copula))
        });
    closes_sentence
        || phrases.iter().any(|phrase| {
            sentence.match_indices(phrase.as_str()).any(|(at, _)| {
                let b = sentence.as_bytes();
                let clear = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
                clear(at.checked_sub(1).map(|k| &b[k]))
                    && clear(b.get(at + phrase.len()))
                    && !ruled_out_before(b, at)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retractions_at_a_cut_off_end() {
        assert!(cut_off_while_retracting("... wait, let me double"));
        assert!(!cut_off_while_retracting("... wait, that is right."));
        assert!(!cut_off_while_retracting(" and we are done"));
        assert!(!cut_off_while_retracting(""));
        assert!(retracts("Hmm, let me recheck"));
        assert!(!retracts("await the result"));
    }

    #[test]
    fn repetition_loops() {
        let looped =
            "So $n = 6$. ".to_string() + &"Let me check $n = 7$: no. ".repeat(4) + "Let me";
        assert!(ends_in_loop(&looped));
        assert!(ends_in_loop(&"Let me recompute. 7 × 8 = 56. ".repeat(3)));
        assert!(!ends_in_loop(
            "Let me recompute. 7 × 8 = 56. Let me recompute. 7 × 8 = 56."
        ));
        assert!(!ends_in_loop(
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17"
        ));
        assert!(!ends_in_loop("short"));
        let huge = "ab".repeat(1 << 20);
        assert!(ends_in_loop(&huge));
        // What comes before the loop is kept.
        let after_answer = format!("The tenth one is 55.\n\n{}", "1, 1, 2, 3, 5, 8\n".repeat(4));
        let start = loop_start(&after_answer).unwrap();
        assert!(after_answer[..start].starts_with("The tenth one is 55."));
        assert!(!after_answer[..start].contains("1, 1"));
    }

    fn ends_in_loop(text: &str) -> bool {
        loop_start(text).is_some()
    }

    #[test]
    fn verification_paragraphs() {
        let text = "Solve: $x = 9$.\n\nCheck: $2(9) + 3 = 21$ ✓";
        assert_eq!(before_verification(text), "Solve: $x = 9$.\n");
        let bold = "So x = 4.\n**Verification:** 4 + 4 = 8";
        assert_eq!(before_verification(bold), "So x = 4.");
        // Nothing to verify before it, or a line that only mentions checking.
        assert_eq!(before_verification("Intro\nCheck: 3"), "Intro\nCheck: 3");
        assert_eq!(before_verification("x = 2\nchecked 5"), "x = 2\nchecked 5");
        let answer = "x = 2\nCheck the answer: 5";
        assert_eq!(before_verification(answer), answer);
    }

    #[test]
    fn number_lists() {
        let list = |t: &str| last_number_list(t);
        assert_eq!(list("the values are 1, 3, 5."), Some("1, 3, 5".into()));
        assert_eq!(list("they are 2, 4 and 8"), Some("2, 4, 8".into()));
        assert_eq!(list("n can be 1, 3 or 9."), Some("1, 3, 9".into()));
        assert_eq!(list("roots -1, 2"), Some("-1, 2".into()));
        assert_eq!(list("only 7 here"), None);
        assert_eq!(list("from 1 to 5"), None);
    }

    #[test]
    fn a_number_that_qualifies_the_span() {
        let text = "The quotient is $x^2 + x + 1$ with remainder 2.";
        let span = 16..29;
        assert_eq!(&text[span.clone()], "$x^2 + x + 1$");
        assert!(qualifies_the_span(text, &span, 45));
        let using = "Using $a^2 + b^2$ we get 13.";
        assert!(!qualifies_the_span(using, &(6..17), 25));
        let later = "It is $x$. Then 13.";
        assert!(!qualifies_the_span(later, &(6..9), 16));
        let product = "40 units × $40: $1.6 billion.";
        assert!(!qualifies_the_span(product, &(12..18), 18));
    }

    #[test]
    fn bare_latex_closing_the_text() {
        let text = "The side length is \\sqrt 50 = 5\\sqrt 2.";
        assert_eq!(
            bare_latex_after_copula(text, text.len() - 2),
            Some("\\sqrt 50 = 5\\sqrt 2")
        );
        assert_eq!(bare_latex_after_copula("The total is 12.", 13), None);
        let earlier = "It is \\tfrac23 = 1250. Total rent: 1250 dollars.";
        assert_eq!(bare_latex_after_copula(earlier, 37), None);
    }

    #[test]
    fn closing_explanations() {
        let since = "The inverse of 3 mod 11 is 4, since 3·4 = 12 ≡ 1.";
        assert_eq!(
            before_closing_explanation(since),
            "The inverse of 3 mod 11 is 4"
        );
        let because = "First 5.\nThe least is 1001, because 1001 = 7 * 11 * 13.";
        assert_eq!(
            before_closing_explanation(because),
            "First 5.\nThe least is 1001"
        );
        // No number before it: nothing to keep apart.
        let text = "It works because 2 + 2 = 4.";
        assert_eq!(before_closing_explanation(text), text);
    }

    #[test]
    fn text_answers_in_the_last_sentence() {
        let names = |t: &str, w: &str, k: &str| last_sentence_names(t, w, k);
        assert!(names("so it's Wednesday.", "wednesday", "wednesday"));
        assert!(!names("it is not Wednesday.", "wednesday", "wednesday"));
        assert!(!names("Wednesday. Then 5.", "wednesday", "wednesday"));
        assert!(names("So there is no solution.", "", "nosolution"));
        assert!(names("The value $0/0$ is undefined.", "undefined", "dne"));
        assert!(names(
            "It has infinitely many solutions",
            "infinitely many",
            "infinite"
        ));
        assert!(!names("no, it is 5", "no", "no"));
        assert!(!names("in binary: 10112.", "1011_2", "10112"));
        assert!(names("So the function is odd.", "odd", "odd"));
        assert!(!names("So the function is not odd.", "odd", "odd"));
        assert!(!names("Odd functions are rare.", "odd", "odd"));
        assert!(names("All real numbers.", "", "allreals"));
    }
}
