//! Answers written in words: numbers ("thirty-six", "one hundred twenty") and the real line
//! ("all real numbers").

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Scale words, with the multiple each stands for.
const SCALES: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

/// The multiple a scale word stands for (`million` is 1,000,000), in any case.
pub fn scale_of(word: &str) -> Option<u64> {
    SCALES
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, scale)| scale)
}

/// One number word (`seven`, `twenty`, `hundred`, `million`), in any case; also each part of a
/// hyphenated one (`thirty-six`). The last-number fallback looks for these.
pub fn is_number_word(word: &str) -> bool {
    let known = |part: &str| {
        UNITS
            .iter()
            .chain(TENS.iter().filter(|t| !t.is_empty()))
            .chain(&["hundred"])
            .any(|w| part.eq_ignore_ascii_case(w))
            || SCALES.iter().any(|(w, _)| part.eq_ignore_ascii_case(w))
    };
    !word.is_empty() && word.split('-').all(known)
}

/// The value of a whole answer written as a number in English words (`three`, `Thirty-six`,
/// `one hundred and twenty`, `two thousand five`), up to trailing punctuation; `None` for
/// anything else, including a single "one" inside prose.
pub(super) fn number_in_words(text: &str) -> Option<u64> {
    let text = text.trim().trim_end_matches(['.', '!', ',']);
    if text.is_empty()
        || text.len() > 80
        || !text
            .bytes()
            .all(|c| c.is_ascii_alphabetic() || b" -".contains(&c))
    {
        return None;
    }
    let (mut total, mut group) = (0u64, 0u64);
    let mut any = false;
    for word in text.split([' ', '-']).filter(|w| !w.is_empty()) {
        let word = word.to_ascii_lowercase();
        if let Some(n) = UNITS.iter().position(|u| *u == word) {
            group += n as u64;
        } else if let Some(n) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
            group += 10 * n as u64;
        } else if word == "hundred" {
            group = group.max(1) * 100;
        } else if let Some(scale) = scale_of(&word) {
            total += group.max(1) * scale;
            group = 0;
        } else if word == "and" && any {
            continue;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + group)
}

/// "all real numbers", "all reals", "any real number", `\mathbb{R}`: the whole real line.
pub(super) fn means_all_reals(text: &str) -> bool {
    let key: String = text
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    matches!(
        key.as_str(),
        "allrealnumbers"
            | "allreals"
            | "anyrealnumber"
            | "everyrealnumber"
            | "allrealx"
            | "textallrealnumbers"
            | "mathbbr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_in_words("three"), Some(3));
        assert_eq!(number_in_words("Thirty-six."), Some(36));
        assert_eq!(number_in_words("one hundred and twenty"), Some(120));
        assert_eq!(number_in_words("two thousand five"), Some(2005));
        assert_eq!(number_in_words("twenty-one"), Some(21));
        assert_eq!(number_in_words("no one"), None);
        assert_eq!(number_in_words("and"), None);
        assert_eq!(number_in_words("3"), None);
        assert!(is_number_word("Thirty-six") && is_number_word("million"));
        assert!(!is_number_word("thirty-") && !is_number_word("and"));
    }

    #[test]
    fn the_real_line() {
        assert!(means_all_reals("all real numbers"));
        assert!(means_all_reals("\\text{All real numbers}"));
        assert!(!means_all_reals("all integers"));
    }
}
