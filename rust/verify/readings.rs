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

use super::ast::Node;
use super::compare::compare;
use super::latex::{base_numeral, parse_answer, ParseError};
use super::num::Budget;
use super::{Decision, Options};

/// Several parts: a list, set or tuple of two or more elements.
pub(super) fn has_parts(node: &Node) -> bool {
    matches!(node, Node::List(v) | Node::Set(v) | Node::Tuple(v) if v.len() >= 2)
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
            Node::List(inner) => items.extend(inner),
            node => items.push(node),
        }
    }
    Some(Node::List(items))
}

/// Whether some part of `parts` has a value different from the last part's.
pub(super) fn parts_disagree(parts: &Node, options: &Options, budget: &mut Budget) -> bool {
    let Node::List(items) = parts else {
        return false;
    };
    let Some((last, rest)) = items.split_last() else {
        return false;
    };
    rest.iter()
        .any(|item| compare(item, last, options, budget, true).0 == Decision::NotEqual)
}

/// Parse `text`; when it does not parse and holds an `=`, the side after the last one
/// (`\left. \frac{x^3}{3} \right|_0^1 = \frac{1}{3}` is 1/3).
pub(super) fn parse_or_last_side(text: &str, budget: &mut Budget) -> Result<Node, ParseError> {
    let error = match parse_answer(text, budget) {
        Ok(node) => return Ok(node),
        Err(error) => error,
    };
    match text.rsplit_once('=') {
        Some((_, side)) if !side.trim().is_empty() => parse_answer(side, budget).map_err(|_| error),
        _ => Err(error),
    }
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
    if groups.len() >= 2 && all_digits {
        if has_parts(gold) {
            readings.push(t.replace(',', ", "));
        } else if groups.len() == 2 && !thousands(&groups) && !matches!(gold, Node::Choice(_)) {
            readings.push(t.replace(',', "."));
        }
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
    readings
}

/// `98,765`: a first group of one to three digits (not starting with 0), then groups of three.
fn thousands(groups: &[&str]) -> bool {
    (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The option's text after its letter: `(D) 210` -> `210`, `\textbf{(B) }5` -> `5`,
/// `C) 12` -> `12`.
fn choice_option_text(text: &str) -> Option<&str> {
    let close = text.get(..text.len().min(16))?.find(')')?;
    let rest = text[close + 1..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '}' | '\\' | '~' | ',' | ':' | '.')
    });
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
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
