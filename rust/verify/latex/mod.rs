//! Text -> `Node`: a forgiving parser for the LaTeX and plain-text math that models and datasets
//! write as final answers.
//!
//! Two passes, both linear: `lex` turns the text into tokens (unicode symbols, spacing commands,
//! `\text{}` wrappers, thousands separators and scientific notation are settled here), then a
//! precedence-climbing `Parser` builds the tree. Recursion depth, input length and tokens are
//! capped, and every token spends from the item's work budget. The passes live in `lexer` (with
//! its word lists in `vocabulary`) and `parser`; this file is the entry point, `parse_answer`.

mod lexer;
mod parser;
mod vocabulary;
mod words;

use std::fmt;

use super::ast::Node;
use super::num::Budget;
use lexer::{lex, strip_thousands_commas, Tok};
use parser::parse_tokens;
pub use words::{is_number_word, scale_of, signed_value_in_words};

/// Longest answer text we parse; longer answers are rejected (real answers are far shorter).
pub const MAX_ANSWER_BYTES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(msg.into()))
}

/// `C`, `(C)`, `C)`, `\text{(C)}`, `option C`: a multiple-choice letter A-J.
fn as_choice(toks: &[Tok]) -> Option<char> {
    let letter = |t: &Tok| match t {
        Tok::Letter(l) if l.len() == 1 => {
            let c = l.chars().next()?;
            ('A'..='J').contains(&c).then_some(c)
        }
        _ => None,
    };
    let toks: Vec<&Tok> = toks
        .iter()
        .filter(|t| !matches!(t, Tok::Word(w) if w == "option" || w == "choice" || w == "answer"))
        .collect();
    match toks.as_slice() {
        [t] => letter(t),
        [Tok::Open('('), t, Tok::Close(')')] | [t, Tok::Close(')')] => letter(t),
        // `(D) 42`, `\textbf{(D)}\ \frac12`: the letter, followed by the option's text; but
        // `(A) and (C)` names two letters.
        [Tok::Open('('), t, Tok::Close(')'), rest @ ..] | [t, Tok::Close(')'), rest @ ..]
            if !rest.is_empty() =>
        {
            let another = rest
                .windows(3)
                .any(|w| matches!(w, [Tok::Open('('), l, Tok::Close(')')] if letter(l).is_some()));
            letter(t).filter(|_| !another)
        }
        // `D: a parabola` (the lexer reads `:` as a ratio), not the ratio `A:B`.
        [t, Tok::Op('/'), rest @ ..] if rest.iter().any(|r| matches!(r, Tok::Word(_))) => letter(t),
        _ => None,
    }
}

/// The interval `(-\infty, \infty)`.
fn all_reals() -> Node {
    let infinity = || Node::Const(crate::verify::ast::Const::Infinity);
    Node::Interval {
        lo: Box::new(Node::Neg(Box::new(infinity()))),
        hi: Box::new(infinity()),
        lo_closed: false,
        hi_closed: false,
    }
}

/// `204_5`, `2A_{16}`, `1011_{2}`: a numeral with its base as a subscript, kept as the text
/// `DIGITS_BASE` (letters upper case) so that another base differs; `7_{10}` is the number 7.
/// The same digits without a base are a second reading (`readings.rs`).
pub fn base_numeral(text: &str) -> Option<Node> {
    if let Some(numeral) = prefixed_numeral(text.trim()) {
        return Some(numeral);
    }
    let (digits, base) = text.trim().split_once('_')?;
    // `_5`, `_{5}`, `_{(5)}`, `_{\text{five}}`.
    let base = base
        .trim_start_matches(['{', '('])
        .trim_end_matches(['}', ')'])
        .trim_start_matches("\\text{")
        .trim_start_matches("\\mathrm{");
    let base: u32 = base
        .parse()
        .ok()
        .or_else(|| words::number_in_words(base).and_then(|b| u32::try_from(b).ok()))
        .filter(|b| (2..=36).contains(b))?;
    let valid = !digits.is_empty() && digits.chars().all(|c| c.is_digit(base));
    if !valid {
        return None;
    }
    Some(if base == 10 {
        Node::Num(digits.to_string())
    } else {
        Node::Text(format!("{}_{base}", digits.to_ascii_uppercase()))
    })
}

/// A numeral with a programming prefix: `0x2A` (base 16), `0b10001` (2), `0o17` (8).
fn prefixed_numeral(text: &str) -> Option<Node> {
    let base = match text.get(..2)? {
        "0x" | "0X" => 16,
        "0b" | "0B" => 2,
        "0o" | "0O" => 8,
        _ => return None,
    };
    let digits = &text[2..];
    let valid = !digits.is_empty() && digits.chars().all(|c| c.is_digit(base));
    valid.then(|| Node::Text(format!("{}_{base}", digits.to_ascii_uppercase())))
}

/// A clock time, `11:05` or `11{:}05`: hours, then two digits of minutes. It reads as text
/// (`11:05`), since a time is neither a ratio nor a number.
fn clock_time(text: &str) -> Option<Node> {
    let text = text.trim();
    let (hours, minutes) = text.split_once("{:}").or_else(|| text.split_once(':'))?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let valid = digits(hours) && hours.len() <= 2 && digits(minutes) && minutes.len() == 2;
    let hours: u32 = hours.parse().ok()?;
    (valid && hours < 24).then(|| Node::Text(format!("{hours}:{minutes}")))
}

/// Parse an answer text into a tree.
pub fn parse_answer(text: &str, budget: &mut Budget) -> Result<Node, ParseError> {
    if text.len() > MAX_ANSWER_BYTES {
        return err(format!("answer longer than {MAX_ANSWER_BYTES} bytes"));
    }
    if let Some(numeral) = base_numeral(text) {
        return Ok(numeral);
    }
    if let Some(time) = clock_time(text) {
        return Ok(time);
    }
    if let Some((negative, numerator, denominator)) = words::signed_value_in_words(text) {
        let numerator = Node::Num(numerator.to_string());
        let value = match denominator {
            1 => numerator,
            d => Node::Div(Box::new(numerator), Box::new(Node::Num(d.to_string()))),
        };
        return Ok(if negative {
            Node::Neg(Box::new(value))
        } else {
            value
        });
    }
    if words::means_all_reals(text) {
        return Ok(all_reals());
    }
    let owned;
    let text = match strip_thousands_commas(text) {
        Some(t) => {
            owned = t;
            owned.as_str()
        }
        None => text,
    };
    let toks = lex(text)?;
    budget
        .spend(toks.len() as u64 + 1)
        .map_err(|e| ParseError(e.to_string()))?;
    if toks.is_empty() {
        return err("empty answer");
    }
    if let Some(c) = as_choice(&toks) {
        return Ok(Node::Choice(c));
    }
    parse_tokens(toks, budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        let mut b = Budget::new(1_000_000);
        match parse_answer(s, &mut b) {
            Ok(n) => n.to_string(),
            Err(e) => format!("ERR {e}"),
        }
    }

    #[test]
    fn numbers_and_separators() {
        assert_eq!(p("42"), "42");
        assert_eq!(p("3.14"), "3.14");
        assert_eq!(p("1,234,567"), "1234567");
        assert_eq!(p("1,234.5"), "1234.5");
        assert_eq!(p("1.234.567"), "1234567");
        assert_eq!(p("4.500,75"), "4500.75");
        assert_eq!(p("10,00,000"), "1000000");
        assert_eq!(p("0x2A"), "text(\"2A_16\")");
        assert_eq!(p("11{:}05"), "text(\"11:05\")");
        assert_eq!(p("3:2"), p("3/2"));
        assert_eq!(p("-12.345.678 \\text{ people}"), "-(12345678)");
        assert_eq!(p("811\\,140\\,892"), "811140892");
        assert_eq!(p("811{,}140{,}892"), "811140892");
        assert_eq!(p("811\u{2009}140"), "811140");
        assert_eq!(p("[1,100]"), "[1, 100]");
        assert_eq!(p("8.3e9"), "(8.3*(10)^(9))");
        assert_eq!(p("8.3\\times10^9"), "(8.3*(10)^(9))");
        assert_eq!(p("-5"), "-(5)");
        assert_eq!(p("204_5"), "text(\"204_5\")");
        assert_eq!(p("2a_{16}"), "text(\"2A_16\")");
        assert_eq!(p("7_{10}"), "7");
        assert_eq!(p("345_{(6)}"), "text(\"345_6\")");
        assert_eq!(p("345_{\\text{six}}"), "text(\"345_6\")");
        assert_eq!(p("thirty-six"), "36");
        assert_eq!(p("one hundred twenty"), "120");
        assert_eq!(p("all real numbers"), "(-(oo), oo)");
        assert_eq!(p("D: a parabola"), "choice(D)");
        assert_eq!(p("\u{20ac}60"), "60");
        assert_eq!(p("12,\\!345"), "12345");
        assert_eq!(p("14 {, }916"), "14916");
        assert_eq!(p("12 500"), "12500");
        assert_eq!(p("x != 3"), "x != 3");
        assert_eq!(p("\\left( \\frac12 \\right."), "(1)/(2)");
        assert_eq!(p("\\left. x^2 \\right|"), "(x)^(2)");
        assert_eq!(p("\\left( 1, 2 \\right)"), "tuple(1, 2)");
        assert_eq!(p("28 pct"), "(28)%");
        assert_eq!(p("\u{2212}5"), "-(5)");
    }

    #[test]
    fn fractions_and_mixed_numbers() {
        assert_eq!(p("\\frac{1}{2}"), "(1)/(2)");
        assert_eq!(p("\\dfrac12"), "(1)/(2)");
        assert_eq!(p("\\frac1{2}"), "(1)/(2)");
        assert_eq!(p("2\\frac{1}{2}"), "(2 + (1)/(2))");
        assert_eq!(p("3/4"), "(3)/(4)");
        assert_eq!(p("2\\frac{x}{2}"), "(2*(x)/(2))");
    }

    #[test]
    fn functions_and_powers() {
        assert_eq!(p("\\sqrt{2}"), "root[2](2)");
        assert_eq!(p("\\sqrt[3]{8}"), "root[3](8)");
        assert_eq!(p("2\\sqrt3"), "(2*root[2](3))");
        assert_eq!(p("\\sin^2 x + \\cos^2 x"), "((sin(x))^(2) + (cos(x))^(2))");
        assert_eq!(p("\\log_2 8"), "log[2](8)");
        assert_eq!(p("x^2+2x+1"), "((x)^(2) + (2*x) + 1)");
        assert_eq!(p("-x^2"), "-((x)^(2))");
        assert_eq!(p("2^{10}"), "(2)^(10)");
        assert_eq!(p("e^{i\\pi}"), "(e)^((i*pi))");
        assert_eq!(p("|x-1|"), "abs((x + -(1)))");
        assert_eq!(p("5!"), "(5)!");
        assert_eq!(p("1000!!"), "(1000)!!");
        assert_eq!(p("\\sin x \\cos x"), "(sin(x)*cos(x))");
        // What follows a bracketed argument, or a `\cdot` after a bare one, is outside it.
        assert_eq!(p("\\sin(2 x)"), "sin((2*x))");
        assert_eq!(p("\\sin(x) \\cdot 2"), "(sin(x)*2)");
        assert_eq!(p("\\sin(x)^2"), "(sin(x))^(2)");
        assert_eq!(p("\\sin(x)/2"), "(sin(x))/(2)");
        assert_eq!(p("\\ln(5)/\\ln(3)"), "(ln(5))/(ln(3))");
        assert_eq!(p("\\ln x \\cdot 2"), "(ln(x)*2)");
        assert_eq!(p("\\sin 2x"), "sin((2*x))");
        assert_eq!(p("\\sin x^2"), "sin((x)^(2))");
        assert_eq!(p("\\sin\\frac{x}{2}"), "sin((x)/(2))");
    }

    #[test]
    fn collections_and_relations() {
        assert_eq!(p("(1,2)"), "tuple(1, 2)");
        assert_eq!(p("[1,2)"), "[1, 2)");
        assert_eq!(p("\\{1,2,3\\}"), "{1, 2, 3}");
        assert_eq!(p("1, 2"), "1, 2");
        assert_eq!(p("x=3"), "x = 3");
        assert_eq!(p("1<x\\le 3"), "1 < x <= 3");
        assert_eq!(p("(-\\infty,1)\\cup(2,\\infty)"), "(-(oo), 1) U (2, oo)");
        assert_eq!(
            p("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"),
            "matrix[1, 2; 3, 4]"
        );
        assert_eq!(p("1\\pm\\sqrt{2}"), "(1 +- root[2](2))");
        assert_eq!(p("x = 1 \\text{ or } x = 2"), "x = 1, x = 2");
    }

    #[test]
    fn words_units_choices() {
        assert_eq!(p("5\\text{ cm}"), "5");
        assert_eq!(p("12 dollars"), "12");
        assert_eq!(p("\\text{Yes}"), "text(\"yes\")");
        assert_eq!(p("no solution"), "text(\"no solution\")");
        assert_eq!(p("(C)"), "choice(C)");
        assert_eq!(p("\\text{(B)}"), "choice(B)");
        assert_eq!(p("30^\\circ"), "(30)deg");
        assert_eq!(p("30^{\\circ}"), "(30)deg");
        assert_eq!(p("30\u{00b0}"), "(30)deg");
        assert_eq!(p("50\\%"), "(50)%");
    }

    #[test]
    fn bounded_on_hostile_input() {
        let deep = format!("{}1{}", "(".repeat(50_000), ")".repeat(50_000));
        assert!(p(&deep).starts_with("ERR"));
        let braces = format!("{}1{}", "{".repeat(5_000), "}".repeat(5_000));
        assert!(p(&braces).starts_with("ERR"));
        let long = "1+".repeat(4_000) + "1";
        assert!(!p(&long).starts_with("ERR"));
        assert!(p(&"9".repeat(20_000)).starts_with("ERR"));
        // Sized delimiters paired with `.` are dropped in one sorted pass, not one search each.
        // The lexer is called directly: parse_answer rejects a text this long before lexing it.
        // 50k pairs take milliseconds in one pass, and minutes with a search per token.
        let n = 50_000;
        let half_closed = format!("{}1{}", "\\left(".repeat(n), "\\right.".repeat(n));
        let limit_ms = if cfg!(debug_assertions) { 5_000 } else { 500 };
        let started = std::time::Instant::now();
        let toks = lex(&half_closed).unwrap();
        let took = started.elapsed();
        assert!(took.as_millis() < limit_ms, "{took:?}");
        assert_eq!(toks, [Tok::Num("1".into())]);
        let started = std::time::Instant::now();
        let _ = p(&half_closed);
        assert!(
            started.elapsed().as_millis() < 100,
            "{:?}",
            started.elapsed()
        );
    }
}
