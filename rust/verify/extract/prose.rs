//! Reading the prose around an unboxed answer: the verification paragraph after it, a sentence
//! that names a text answer, a list of numbers that ends the text, and the signs of a response
//! cut off while it was reconsidering.

use super::fallbacks::last_number;

/// Words that take back what came before them ("Wait — the problem asks for $|x|$").
pub(super) const RETRACTIONS: &[&str] = &[
    "wait",
    "actually",
    "mistake",
    "correction",
    "oops",
    "hmm",
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

/// Whether the text ends in a repetition loop: the same passage (8 to 400 bytes) two and a half
/// times or more at its end, the last copy cut off anywhere after its middle ("Let me recompute. 7 × 8 = 56. Let me
/// recompute. 7 × 8 = 56. Let me recompute. 7 × 8"). A response that degenerates like this never
/// finished; rewarding the number inside its loop would reward the loop.
pub(super) fn ends_in_loop(text: &str) -> bool {
    let b = text.trim_end().as_bytes();
    let t = &b[b.len().saturating_sub(LOOP_WINDOW)..];
    (8..=LOOP_MAX_PERIOD.min(t.len() * 2 / 5)).any(|period| {
        // How many bytes at the end equal the byte one period before them.
        let matched = (period..t.len())
            .rev()
            .take_while(|&i| t[i] == t[i - period])
            .take(2 * period)
            .count();
        2 * matched >= 3 * period
    })
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
        let joined = [", and ", ", or ", ", ", " and ", " or ", ","]
            .iter()
            .find_map(|j| before.strip_suffix(j));
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
    let start = trimmed.rfind(['.', '!', '?', '\n']).map_or(0, |at| at + 1);
    let sentence = trimmed[start..]
        .to_ascii_lowercase()
        .replace(['\n', '\t'], " ");
    let mut phrases = phrases_for(key);
    if is_words(words) && !phrases.iter().any(|p| p == words) {
        phrases.push(words.to_string());
    }
    phrases.iter().any(|phrase| {
        sentence.match_indices(phrase.as_str()).any(|(at, _)| {
            let b = sentence.as_bytes();
            let clear = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            let before = sentence[..at].trim_end();
            let negated = before.ends_with(" not") || before.ends_with("n't") || before == "not";
            clear(at.checked_sub(1).map(|k| &b[k])) && clear(b.get(at + phrase.len())) && !negated
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
    }
}
