//! The multi-part answer rule, and the second readings of an answer that one text can carry.
//!
//! Several boxes answering together (`$\boxed{-3}$ and $\boxed{8}$`) are one answer with several
//! parts when the reference has several parts: they are gathered into one list, which compares
//! as a set (unordered) unless the reference is an ordered tuple. When the reference has one
//! part and the boxes hold different values, the response does not pass on the strength of its
//! last box: it hedges. A reference that boxes several parts (a full solution) is read the same
//! way, as the list of its boxes.
//!
//! Some texts read two ways, and the reference decides which was meant: `1,234` is a number,
//! or the list `1, 234` when the reference is a list; `3,75` (and `0,125`) is the list `3, 75`,
//! or the decimal `3.75` when the reference is one value; `(D) 210` is the choice D, or the
//! value 210 when the reference is not a letter.
//!
//! Also here: the currency an answer names (two different currencies are not equal), and the
//! parse of an answer that does not parse as written (its decimal-comma reading, or its last
//! side). `docs/verifier.md` states every rule with its reasons.

use super::ast::{Const, Node, RelOp};
use super::compare::{compare, selected_letters, text_key};
use super::extract::{last_choice_letters, last_number_list, last_sentence_names};
use super::latex::{base_numeral, parse_answer, ParseError};
use super::num::Budget;
use super::units::number_before_plain_unit;
use super::{Decision, ExtractFallback, Options};

/// Several parts: a list, set or tuple of two or more elements.
pub(super) fn has_parts(node: &Node) -> bool {
    matches!(node, Node::List(v) | Node::Set(v) | Node::Tuple(v) if v.len() >= 2)
}

/// Whether two collections have as many elements.
pub(super) fn same_count(a: &Node, b: &Node) -> bool {
    let len = |n: &Node| match n {
        Node::List(v) | Node::Set(v) | Node::Tuple(v) => v.len(),
        _ => 1,
    };
    len(a) == len(b)
}

/// Two or more parts parsed and gathered into one list (a part that is itself a list joins its
/// elements); `None` for fewer parts, or if a part does not parse.
pub(super) fn gather(parts: &[String], budget: &mut Budget) -> Option<Node> {
    if parts.len() < 2 {
        return None;
    }
    let mut items = Vec::with_capacity(parts.len());
    for part in parts {
        match parse_answer(part, budget).ok()? {
            // `x = 1, y = 2` is one solution: it stays one part.
            Node::List(inner) if !inner.iter().all(is_assignment) => items.extend(inner),
            node => items.push(node),
        }
    }
    Some(Node::List(items))
}

/// `x = 3`: a name given a value.
fn is_assignment(node: &Node) -> bool {
    match node {
        Node::Relation(operands, ops) => ops == &[RelOp::Eq] && matches!(operands[0], Node::Var(_)),
        _ => false,
    }
}

/// Whether some part of `parts` has a value different from the last part's.
pub(super) fn parts_disagree(parts: &Node, options: &Options, budget: &mut Budget) -> bool {
    let Node::List(items) = parts else {
        return false;
    };
    let Some((last, rest)) = items.split_last() else {
        return false;
    };
    // `a = 3` and `b = 5` name two quantities, not two candidate answers.
    let name = |n: &Node| match n {
        Node::Relation(operands, _) if is_assignment(n) => Some(operands[0].clone()),
        _ => None,
    };
    rest.iter().any(|item| {
        let different_names = matches!((name(item), name(last)), (Some(a), Some(b)) if a != b);
        !different_names && compare(item, last, options, budget, true).0 == Decision::NotEqual
    })
}

/// Parse `text`; when it does not parse, its decimal-comma reading (`12{,}5\,\%`) if the
/// reference is one value, or when it holds an `=`, the side after the last one
/// (`\left. \frac{x^3}{3} \right|_0^1 = \frac{1}{3}` is 1/3).
pub(super) fn parse_or_last_side(
    text: &str,
    gold: &Node,
    budget: &mut Budget,
) -> Result<Node, ParseError> {
    let error = match parse_answer(text, budget) {
        Ok(node) => return Ok(node),
        Err(error) => error,
    };
    if !has_parts(gold) {
        if let Some(Ok(node)) = decimal_comma_reading(text).map(|t| parse_answer(&t, budget)) {
            return Ok(node);
        }
    }
    match text.rsplit_once('=') {
        Some((_, side)) if !side.trim().is_empty() => parse_answer(side, budget).map_err(|_| error),
        _ => Err(error),
    }
}

/// The currency an answer names: `\$` (or `\text{\$}`, `USD`, "dollars"), `€` ("euros"), `£`,
/// `¥`, or cents (`¢`, "cents"). A bare `$` is a math delimiter, not a dollar.
pub(super) fn currency_of(text: &str) -> Option<char> {
    // The word or its plural ("cent", "cents"), in any case.
    let word = |w: &str| {
        text.split(|c: char| !c.is_ascii_alphabetic()).any(|t| {
            let singular = t.strip_suffix(['s', 'S']).unwrap_or(t);
            t.eq_ignore_ascii_case(w) || singular.eq_ignore_ascii_case(w)
        })
    };
    if text.contains('\u{a2}') || word("cent") {
        return Some('\u{a2}'); // 45 cents is not $45
    }
    if word("dollar") {
        return Some('$');
    }
    if text.contains('\u{20ac}') || text.contains("EUR") || word("euro") {
        Some('\u{20ac}')
    } else if text.contains('\u{a3}') || text.contains("GBP") {
        Some('\u{a3}')
    } else if text.contains('\u{a5}') {
        Some('\u{a5}')
    } else if text.contains("\\$") || text.contains("USD") {
        Some('$')
    } else {
        None
    }
}

/// What the prose of an unboxed response says when the answer taken from it does not match: the
/// list of numbers that ends it, for a reference with several parts ("the values that work are
/// 1, 3, 5."), or the words of a text reference in its last sentence ("so it's Wednesday.",
/// "there is no solution" for the empty set). The reason, when one matches.
pub(super) fn unboxed_prose_answer(
    response: &str,
    gold: &Node,
    options: &Options,
    budget: &mut Budget,
) -> Option<String> {
    let opts = options.extract_options();
    if opts.require_boxed || opts.fallback == ExtractFallback::BoxedOnly {
        return None; // only boxes count
    }
    // "... Therefore I think it's B.": the last choice letter named, unless others close the
    // response with it ("I would go with either B or D" hedges).
    if let Node::Choice(letter) = gold {
        let mut closing = last_choice_letters(response, &opts);
        closing.dedup();
        return (closing == [*letter]).then(|| "the last choice letter named".to_string());
    }
    if opts.fallback < ExtractFallback::LastNumber {
        return None; // the rest of the prose is read only when every fallback is allowed
    }
    if has_parts(gold) {
        let list = last_number_list(response, &opts)?;
        let node = parse_answer(&list, budget).ok()?;
        let (decision, why) = compare(&node, gold, options, budget, false);
        return (decision == Decision::Equal).then(|| format!("the closing list {list}: {why}"));
    }
    // A multiple-select reference (`ABD`): the letters that close the text.
    if let Some(letters) = selected_letters(gold).filter(|l| l.len() >= 2) {
        let named = last_choice_letters(response, &opts);
        let mut sorted = named.clone();
        sorted.sort_unstable();
        sorted.dedup();
        return (sorted == letters).then(|| format!("the closing letters {named:?}"));
    }
    let (words, key) = match gold {
        Node::Text(words) => (words.as_str(), text_key(words)),
        Node::Set(items) if items.is_empty() => ("", "nosolution".to_string()),
        _ if is_all_reals(gold) => ("", "allreals".to_string()),
        _ => return None,
    };
    last_sentence_names(response, &opts, words, &key)
        .then(|| "the last sentence names the text answer".to_string())
}

/// `(-\infty, \infty)`, the whole real line.
fn is_all_reals(node: &Node) -> bool {
    let infinite = |n: &Node| matches!(n, Node::Const(Const::Infinity));
    matches!(node, Node::Interval { lo, hi, .. }
        if matches!(lo.as_ref(), Node::Neg(inner) if infinite(inner)) && infinite(hi))
}

/// Whether a response labels the parts of its answer: "(a) ... (b) ...".
pub(super) fn labels_its_parts(response: &str) -> bool {
    ["(a)", "(b)"].iter().all(|label| response.contains(label))
}

/// The other readings of the answer `text` worth trying against `gold`, as texts to parse.
pub(super) fn second_readings(text: &str, predicted: &Node, gold: &Node) -> Vec<String> {
    let mut readings = Vec::new();
    let t = text.trim().trim_matches('$').trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let groups: Vec<&str> = digits.split(',').collect();
    let all_digits = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit()));
    if groups.len() >= 2 && all_digits && has_parts(gold) {
        readings.push(t.replace(',', ", "));
    }
    if !has_parts(gold) && !matches!(gold, Node::Choice(_)) {
        readings.extend(decimal_comma_reading(t));
    }
    // `1011` against `1011_2`, and `1011_2` against `1011`: the digits, with or without a base.
    match (predicted, gold) {
        (Node::Num(_), Node::Text(g)) => {
            if let Some((_, base)) = g.rsplit_once('_').filter(|_| base_numeral(g).is_some()) {
                readings.push(format!("{t}_{{{base}}}"));
            }
        }
        (Node::Text(_), Node::Num(_)) if base_numeral(t).is_some() => {
            readings.extend(t.split_once('_').map(|(digits, _)| digits.to_string()));
        }
        _ => {}
    }
    if matches!(predicted, Node::Choice(_)) && !matches!(gold, Node::Choice(_)) {
        if let Some(option_text) = choice_option_text(t) {
            readings.push(option_text.to_string());
        }
    }
    if matches!(gold, Node::Matrix(_) | Node::Tuple(_)) {
        readings.extend(unit_vector_reading(t));
    }
    // `f(3) = 10`, `f^{-1}(x) = \frac{x+1}{3}`: a function's value, against the value.
    if !matches!(gold, Node::Relation(..)) {
        readings.extend(function_value(t).map(str::to_string));
    }
    // `XIV` against 14.
    if matches!(gold, Node::Num(_)) {
        readings.extend(roman_value(t).map(|n| n.to_string()));
    }
    // `9.8 m/s²`: a unit in plain text, which parses as variables.
    if !matches!(gold, Node::Text(_)) {
        readings.extend(number_before_plain_unit(t).map(str::to_string));
    }
    readings
}

/// How the unit vectors are written: `\mathbf{i}`, `\hat{i}`, `\vec{\imath}`, ...
fn unit_vector_axis(term: &str) -> Option<(usize, &str)> {
    for (axis, letters) in [["i", "\\imath"], ["j", "\\jmath"], ["k", "k"]]
        .iter()
        .enumerate()
    {
        for command in ["\\mathbf", "\\hat", "\\vec", "\\boldsymbol", "\\bm"] {
            for letter in letters {
                for form in [
                    format!("{command}{{{letter}}}"),
                    format!("{command} {letter}"),
                ] {
                    if let Some(coefficient) = term.strip_suffix(form.as_str()) {
                        return Some((axis, coefficient));
                    }
                }
            }
        }
    }
    None
}

/// `3\mathbf{i} + 4\mathbf{j}` as the tuple `(3, 4)` (three parts when `k` is used), for a
/// vector reference; `None` unless every term is a multiple of a unit vector.
fn unit_vector_reading(text: &str) -> Option<String> {
    let mut parts = [None, None, None];
    let (mut depth, mut term_start) = (0i32, 0);
    let mut terms = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '{' | '(' => depth += 1,
            '}' | ')' => depth -= 1,
            '+' | '-' if depth == 0 && i > term_start => {
                terms.push(&text[term_start..i]);
                term_start = i;
            }
            _ => {}
        }
    }
    terms.push(&text[term_start..]);
    for term in terms {
        let term = term.trim().trim_end_matches(['\\', ',']).trim();
        let (axis, coefficient) = unit_vector_axis(term)?;
        let coefficient = coefficient.trim().trim_end_matches("\\cdot").trim();
        let (sign, magnitude) = match coefficient.strip_prefix('-') {
            Some(rest) => ("-", rest.trim()),
            None => (
                "",
                coefficient.strip_prefix('+').unwrap_or(coefficient).trim(),
            ),
        };
        let coefficient = format!(
            "{sign}{}",
            if magnitude.is_empty() { "1" } else { magnitude }
        );
        if parts[axis].replace(coefficient).is_some() {
            return None;
        }
    }
    let dimensions = if parts[2].is_some() { 3 } else { 2 };
    let items: Vec<String> = parts[..dimensions]
        .iter()
        .map(|p| p.clone().unwrap_or_else(|| "0".to_string()))
        .collect();
    Some(format!("({})", items.join(", ")))
}

/// The right side of `f(3) = 10` or `f^{-1}(x) = ...`: a one-letter function applied to its
/// argument, then `=`.
fn function_value(text: &str) -> Option<&str> {
    let (lhs, rhs) = text.split_once('=')?;
    let lhs = lhs.trim();
    let name_end = lhs.find('(')?;
    let name = lhs[..name_end].trim();
    let name = name.strip_suffix("^{-1}").unwrap_or(name);
    let is_function = name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic();
    let rhs = rhs.trim();
    (is_function && lhs.ends_with(')') && !rhs.is_empty() && !rhs.contains('=')).then_some(rhs)
}

/// The value of a Roman numeral of two letters or more (`XIV` is 14), written in its standard
/// form; `None` for anything else (a lone `I` or `V` is as likely a name).
pub(super) fn roman_value(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.len() < 2 || text.len() > 15 {
        return None;
    }
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let values = text.bytes().map(digit).collect::<Option<Vec<u32>>>()?;
    let total = values.iter().enumerate().fold(0i64, |sum, (i, &v)| {
        let subtract = values.get(i + 1).is_some_and(|&next| next > v);
        if subtract {
            sum - i64::from(v)
        } else {
            sum + i64::from(v)
        }
    });
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    // Only the standard spelling counts (`IIII` and `IC` do not).
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The text with its one decimal comma made a point, when it has exactly one comma (or `{,}`)
/// between digits and that comma cannot be a thousands separator: `3,75`, `0,125`,
/// `x = 2,75`, `12{,}5\,\%`. `None` otherwise (`98,765`, `1,2,3`).
pub(super) fn decimal_comma_reading(text: &str) -> Option<String> {
    let t = text.replace("{,}", ",");
    let b = t.as_bytes();
    // `\,` is a thin space, not a comma.
    let mut commas = b
        .iter()
        .enumerate()
        .filter(|&(i, c)| *c == b',' && (i == 0 || b[i - 1] != b'\\'));
    let (at, _) = commas.next()?;
    if commas.next().is_some() {
        return None;
    }
    let before: Vec<u8> = b[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .copied()
        .collect();
    let after = b[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if before.is_empty() || after == 0 {
        return None;
    }
    let leading_zero = before.last() == Some(&b'0');
    let thousands_shape = after == 3 && before.len() <= 3 && !leading_zero;
    (!thousands_shape).then(|| format!("{}.{}", &t[..at], &t[at + 1..]))
}

/// The reference's second reading, as a text to parse: its decimal comma made a point when it
/// reads as a list of two (`0,5`), or the option value of a choice letter (`(C) 12`).
pub(super) fn reference_second_reading(text: &str, parsed: Option<&Node>) -> Option<String> {
    if let Some(value) = roman_value(text) {
        return Some(value.to_string()); // `XIV` against 14
    }
    match parsed? {
        Node::List(items) if items.len() == 2 => decimal_comma_reading(text),
        Node::Choice(_) => choice_option_text(text).map(str::to_string),
        _ => None,
    }
}

/// The option's text after its letter: `(D) 210` -> `210`, `\textbf{(B) }5` -> `5`,
/// `C) 12` -> `12`.
pub(super) fn choice_option_text(text: &str) -> Option<&str> {
    let close = text.get(..text.len().min(16))?.find(')')?;
    let rest = text[close + 1..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '}' | '\\' | '~' | ',' | ':' | '.')
    });
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    #[test]
    fn roman_numerals_and_function_values() {
        use super::{function_value, roman_value};
        assert_eq!(roman_value("MCMXCIV"), Some(1994));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("I"), None);
        assert_eq!(roman_value("CD"), Some(400));
        assert_eq!(roman_value("AB"), None);
        assert_eq!(function_value("f(3) = 10"), Some("10"));
        assert_eq!(
            function_value("f^{-1}(x) = \\frac{x+1}{3}"),
            Some("\\frac{x+1}{3}")
        );
        assert_eq!(function_value("2(x) = 4"), None);
        assert_eq!(function_value("x = 4"), None);
    }

    #[test]
    fn unit_vectors_as_tuples() {
        use super::unit_vector_reading as read;
        assert_eq!(read("3\\mathbf{i}+4\\mathbf{j}"), Some("(3, 4)".into()));
        assert_eq!(read("-\\hat{i} + 2\\hat{k}"), Some("(-1, 0, 2)".into()));
        assert_eq!(
            read("\\frac{1}{2}\\mathbf{j} - 3\\mathbf{i}"),
            Some("(-3, \\frac{1}{2})".into())
        );
        assert_eq!(read("3\\mathbf{i}+4"), None);
        assert_eq!(read("\\mathbf{i}+\\mathbf{i}"), None);
    }

    use super::*;

    fn node(text: &str) -> Node {
        parse_answer(text, &mut Budget::new(100_000)).unwrap()
    }

    #[test]
    fn comma_numbers_read_by_the_reference() {
        let list = node("1, 234");
        assert_eq!(second_readings("1,234", &node("1,234"), &list), ["1, 234"]);
        assert_eq!(
            second_readings("3,75", &node("3,75"), &node("3.75")),
            ["3.75"]
        );
        assert!(second_readings("3,75", &node("3,75"), &node("C")).is_empty());
        assert!(second_readings("98,765", &node("98,765"), &node("98.765")).is_empty());
        assert_eq!(
            second_readings("0,125", &node("0,125"), &node("1/8")),
            ["0.125"]
        );
        assert!(second_readings("x,y", &node("x,y"), &node("2")).is_empty());
    }

    #[test]
    fn choice_with_its_option_text() {
        for (text, want) in [
            ("(D) 210", "210"),
            ("\\textbf{(B) }5", "5"),
            ("C) 12", "12"),
        ] {
            assert_eq!(choice_option_text(text), Some(want), "{text}");
        }
        assert_eq!(choice_option_text("(D)"), None);
    }

    #[test]
    fn parts_gather_and_disagree() {
        let mut budget = Budget::new(100_000);
        let parts = ["2".to_string(), "1, 5".to_string()];
        let gathered = gather(&parts, &mut budget).unwrap();
        assert_eq!(gathered.to_string(), "2, 1, 5");
        let options = Options::default();
        assert!(parts_disagree(&gathered, &options, &mut budget));
        let same = gather(&["\\frac{6}{36}".into(), "\\frac16".into()], &mut budget).unwrap();
        assert!(!parts_disagree(&same, &options, &mut budget));
        assert!(gather(&["\\frac{".into(), "1".into()], &mut budget).is_none());
    }
}
