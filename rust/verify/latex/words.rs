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

/// Fraction words, singular and plural, with their denominators ("one half", "two thirds").
/// "second" is left out: it names an order or a time far more often than a half.
const DENOMINATORS: &[(&str, &str, u64)] = &[
    ("half", "halves", 2),
    ("third", "thirds", 3),
    ("quarter", "quarters", 4),
    ("fourth", "fourths", 4),
    ("fifth", "fifths", 5),
    ("sixth", "sixths", 6),
    ("seventh", "sevenths", 7),
    ("eighth", "eighths", 8),
    ("ninth", "ninths", 9),
    ("tenth", "tenths", 10),
];

fn denominator_of(word: &str) -> Option<u64> {
    DENOMINATORS
        .iter()
        .find(|(one, many, _)| word.eq_ignore_ascii_case(one) || word.eq_ignore_ascii_case(many))
        .map(|&(_, _, d)| d)
}

/// One number word (`seven`, `twenty`, `hundred`, `million`, `half`, `thirds`), in any case;
/// also each part of a hyphenated one (`thirty-six`, `two-thirds`). The last-number fallback
/// looks for these.
pub fn is_number_word(word: &str) -> bool {
    let known = |part: &str| {
        UNITS
            .iter()
            .chain(TENS.iter().filter(|t| !t.is_empty()))
            .chain(&["hundred"])
            .any(|w| part.eq_ignore_ascii_case(w))
            || SCALES.iter().any(|(w, _)| part.eq_ignore_ascii_case(w))
            || denominator_of(part).is_some()
    };
    !word.is_empty() && word.split('-').all(known)
}

/// The value of a whole answer in words, signed and possibly a fraction: `negative eight` is
/// -8, `one half` and `a half` are 1/2, `two-thirds` is 2/3 (see `number_in_words`).
pub fn signed_value_in_words(text: &str) -> Option<(bool, u64, u64)> {
    let text = text.trim().trim_end_matches(['.', '!', ',']);
    // Words only: settled before any allocation, as every answer parsed passes here.
    let wordy = |c: u8| c.is_ascii_alphabetic() || b" -".contains(&c);
    if text.is_empty() || text.len() > 80 || !text.bytes().all(wordy) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (negative, rest) = match ["negative ", "minus "]
        .iter()
        .find_map(|sign| lower.strip_prefix(sign))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, lower.as_str()),
    };
    // "two and a half": a whole number and a fraction word.
    let mixed = rest.split_once(" and ").and_then(|(whole, fraction)| {
        let whole = number_in_words(whole)?;
        let (false, numerator, denominator @ 2..) = signed_value_in_words(fraction)? else {
            return None;
        };
        Some((
            whole.checked_mul(denominator)?.checked_add(numerator)?,
            denominator,
        ))
    });
    if let Some((numerator, denominator)) = mixed {
        return Some((negative, numerator, denominator));
    }
    let (numerator_words, last) = match rest.rfind([' ', '-']) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => ("", rest),
    };
    if let Some(denominator) = denominator_of(last) {
        let numerator = match numerator_words.trim() {
            "a" | "an" => 1,
            words => number_in_words(words)?,
        };
        return Some((negative, numerator, denominator));
    }
    number_in_words(rest).map(|n| (negative, n, 1))
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
    fn signed_numbers_and_fractions_in_words() {
        assert_eq!(signed_value_in_words("negative eight"), Some((true, 8, 1)));
        assert_eq!(signed_value_in_words("one half."), Some((false, 1, 2)));
        assert_eq!(signed_value_in_words("a half"), Some((false, 1, 2)));
        assert_eq!(signed_value_in_words("two-thirds"), Some((false, 2, 3)));
        assert_eq!(
            signed_value_in_words("Minus three quarters"),
            Some((true, 3, 4))
        );
        assert_eq!(signed_value_in_words("twelve"), Some((false, 12, 1)));
        assert_eq!(signed_value_in_words("half"), None);
        assert_eq!(signed_value_in_words("Two and a half"), Some((false, 5, 2)));
        assert_eq!(
            signed_value_in_words("one hundred and five"),
            Some((false, 105, 1))
        );
        assert_eq!(signed_value_in_words("the second"), None);
        assert!(is_number_word("halves") && is_number_word("two-thirds"));
    }

    #[test]
    fn the_real_line() {
        assert!(means_all_reals("all real numbers"));
        assert!(means_all_reals("\\text{All real numbers}"));
        assert!(!means_all_reals("all integers"));
    }
}
