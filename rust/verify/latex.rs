//! Text -> `Node`: a forgiving parser for the LaTeX and plain-text math that models and datasets
//! write as final answers.
//!
//! Two passes, both linear: `lex` turns the text into tokens (unicode symbols, spacing commands,
//! `\text{}` wrappers, thousands separators and scientific notation are settled here), then a
//! precedence-climbing `Parser` builds the tree. Recursion depth, input length and tokens are
//! capped, and every token spends from the item's work budget.

use std::fmt;

use super::ast::{Const, FuncName, Node, RelOp};
use super::num::Budget;

/// Longest answer text we parse; longer answers are rejected (real answers are far shorter).
pub const MAX_ANSWER_BYTES: usize = 10_000;
/// Deepest nesting of brackets / operators we follow.
const MAX_DEPTH: usize = 96;

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

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(String),
    /// A one-letter variable, or a greek letter by name.
    Letter(String),
    /// A word (lower case): units, "yes", "no solution", ...
    Word(String),
    /// A LaTeX command that matters to the parser (`frac`, `sqrt`, `pi`, `sin`, `cup`, ...).
    Cmd(String),
    Op(char),
    Open(char),
    Close(char),
    SetOpen,
    SetClose,
    Comma,
    Rel(RelOp),
    Percent,
    Degree,
    RowSep,
    Begin(String),
    End,
}

// ---------------------------------------------------------------------------------------------
// Lexer

/// Commands that only change spacing or size: dropped.
const SKIPPED: &[&str] = &[
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "Biggl",
    "Biggr",
    "displaystyle",
    "textstyle",
    "scriptstyle",
    "limits",
    "nolimits",
    "quad",
    "qquad",
    "hfill",
    "middle",
    "dots",
    "ldots",
    "cdots",
    "vdots",
    "ddots",
    "mathop",
    "approx",
    "boxed",
    "fbox",
    "underline",
    "color",
    "rm",
    "it",
    "bf",
];

/// Commands whose braced argument is kept as plain text (`\text{ cm}` -> " cm ").
const TEXT_WRAPPERS: &[&str] = &[
    "text",
    "textbf",
    "textit",
    "textrm",
    "textnormal",
    "textsf",
    "texttt",
    "mathrm",
    "mathbf",
    "mathit",
    "mathsf",
    "mathtt",
    "mathbb",
    "mathcal",
    "mbox",
    "hbox",
    "operatorname",
    "emph",
    "boldsymbol",
    "bm",
    "mathnormal",
];

/// Commands whose braced argument is dropped entirely.
const DROPPED_WITH_ARG: &[&str] = &["hspace", "vspace", "phantom", "label", "tag", "textcolor"];

const GREEK: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Sigma",
    "Phi",
    "Psi",
    "Omega",
];

/// Short letter runs that are words, not products of variables.
const SHORT_WORDS: &[&str] = &[
    "cm", "mm", "km", "kg", "mg", "ml", "hr", "hrs", "min", "sec", "ft", "yd", "lb", "lbs", "oz",
    "mph", "kph", "yes", "no", "and", "or", "odd", "all", "not", "nor", "dne", "none", "cents",
    "day", "yr", "gal", "am", "pm", "deg", "rad", "sq", "cu", "mi", "ms",
];

fn relation_for(cmd: &str) -> Option<RelOp> {
    Some(match cmd {
        "le" | "leq" | "leqslant" | "leqq" => RelOp::Le,
        "ge" | "geq" | "geqslant" | "geqq" => RelOp::Ge,
        "lt" => RelOp::Lt,
        "gt" => RelOp::Gt,
        "ne" | "neq" => RelOp::Ne,
        "in" => RelOp::In,
        "equiv" => RelOp::Eq,
        _ => return None,
    })
}

fn unicode_replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2212}' | '\u{2013}' | '\u{2014}' => "-",
        '\u{00d7}' | '\u{22c5}' | '\u{00b7}' | '\u{2219}' => "*",
        '\u{00f7}' => "/",
        '\u{221a}' => "\\sqrt",
        '\u{03c0}' => "\\pi",
        '\u{221e}' => "\\infty",
        '\u{2264}' | '\u{2a7d}' => "\\le",
        '\u{2265}' | '\u{2a7e}' => "\\ge",
        '\u{2260}' => "\\ne",
        '\u{222a}' => "\\cup",
        '\u{2208}' => "\\in",
        '\u{00b1}' => "\\pm",
        '\u{2213}' => "\\mp",
        '\u{00bd}' => "(1/2)",
        '\u{2153}' => "(1/3)",
        '\u{2154}' => "(2/3)",
        '\u{00bc}' => "(1/4)",
        '\u{00be}' => "(3/4)",
        '\u{2205}' => "\\emptyset",
        '\u{03b8}' => "\\theta",
        '\u{03b1}' => "\\alpha",
        '\u{03b2}' => "\\beta",
        '\u{2032}' => "'",
        '\u{ff08}' => "(",
        '\u{ff09}' => ")",
        '\u{ff0c}' => ",",
        _ => return None,
    })
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '~' || c == '\u{2009}' || c == '\u{202f}' || c == '\u{00a0}'
}

/// A whole answer of the form `1,234,567(.89)` (optionally signed, optionally followed by
/// non-digits such as units) uses commas as thousands separators. Anywhere else a comma
/// separates items (`[1,100]` is an interval, not 1100).
fn strip_thousands_commas(text: &str) -> Option<String> {
    let t = text.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let body = body
        .strip_prefix("\\$")
        .or_else(|| body.strip_prefix('$'))
        .unwrap_or(body);
    let digits_end = body
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ','))
        .map_or(body.len(), |(i, _)| i);
    let number = &body[..digits_end];
    let groups: Vec<&str> = number.split(',').collect();
    if groups.len() < 2
        || groups[0].is_empty()
        || groups[0].len() > 3
        || groups[1..].iter().any(|g| g.len() != 3)
    {
        return None;
    }
    let rest = &body[digits_end..];
    if rest.starts_with(',') || rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(t.replacen(number, &number.replace(',', ""), 1))
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    toks: Vec<Tok>,
    /// Positions of closing braces that belong to an unwrapped `\text{...}` and must be skipped.
    skip_close: Vec<usize>,
    /// Open `\begin{...}` environments: `\\` separates rows only inside one.
    env_depth: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Lexer {
            src: text.as_bytes(),
            text,
            pos: 0,
            toks: Vec::new(),
            skip_close: Vec::new(),
            env_depth: 0,
        }
    }

    fn peek_byte(&self, offset: usize) -> Option<u8> {
        self.src.get(self.pos + offset).copied()
    }

    /// Index of the `}` matching the `{` at `open`, if any.
    fn matching_brace(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = open;
        while i < self.src.len() {
            match self.src[i] {
                b'\\' => i += 1,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn skip_spaces_from(&self, mut i: usize) -> usize {
        while i < self.src.len() && self.src[i] == b' ' {
            i += 1;
        }
        i
    }

    fn run(mut self) -> Result<Vec<Tok>, ParseError> {
        while self.pos < self.src.len() {
            if self.skip_close.last() == Some(&self.pos) {
                self.skip_close.pop();
                self.pos += 1;
                continue;
            }
            let c = self.text[self.pos..].chars().next().unwrap_or(' ');
            if c.is_ascii_digit()
                || (c == '.' && self.peek_byte(1).is_some_and(|b| b.is_ascii_digit()))
            {
                self.number();
            } else if c.is_ascii_alphabetic() {
                self.letters();
            } else if c == '\\' {
                self.command()?;
            } else {
                self.pos += c.len_utf8();
                self.symbol(c)?;
            }
        }
        Ok(self.toks)
    }

    fn symbol(&mut self, c: char) -> Result<(), ParseError> {
        let tok = match c {
            '+' | '-' | '*' | '/' | '^' | '_' | '!' | '|' | '&' | '\'' => Tok::Op(c),
            ':' => Tok::Op('/'),
            '(' | '[' | '{' => Tok::Open(c),
            ')' | ']' | '}' => Tok::Close(c),
            ',' | ';' => Tok::Comma,
            '=' => Tok::Rel(RelOp::Eq),
            '<' => self.maybe_eq(RelOp::Lt, RelOp::Le),
            '>' => self.maybe_eq(RelOp::Gt, RelOp::Ge),
            '%' => Tok::Percent,
            '\u{00b0}' => Tok::Degree,
            '$' | '.' | '?' | '"' | '`' => return Ok(()),
            c if is_space(c) => return Ok(()),
            c => match unicode_replacement(c) {
                Some(rep) => {
                    let toks = lex(rep)?;
                    self.toks.extend(toks);
                    return Ok(());
                }
                None if c.is_alphabetic() => Tok::Word(c.to_lowercase().collect()),
                None => return err(format!("unexpected character {c:?}")),
            },
        };
        self.toks.push(tok);
        Ok(())
    }

    fn maybe_eq(&mut self, strict: RelOp, non_strict: RelOp) -> Tok {
        if self.peek_byte(0) == Some(b'=') {
            self.pos += 1;
            Tok::Rel(non_strict)
        } else {
            Tok::Rel(strict)
        }
    }

    /// Digits with one optional point; LaTeX thousands separators (`{,}`, `\,`, thin spaces)
    /// between groups of three digits are dropped; `8.3e9` becomes `8.3 * 10 ^ 9`.
    fn number(&mut self) {
        let mut digits = String::new();
        let mut seen_point = false;
        loop {
            match self.peek_byte(0) {
                Some(b) if b.is_ascii_digit() => {
                    digits.push(b as char);
                    self.pos += 1;
                }
                Some(b'.')
                    if !seen_point && self.peek_byte(1).is_some_and(|b| b.is_ascii_digit()) =>
                {
                    seen_point = true;
                    digits.push('.');
                    self.pos += 1;
                }
                _ => {
                    if !seen_point {
                        if let Some(len) = self.thousands_separator_len() {
                            self.pos += len;
                            continue;
                        }
                    }
                    break;
                }
            }
        }
        self.toks.push(Tok::Num(digits));
        self.scientific_exponent();
    }

    /// Length of a thousands separator at `pos` that is followed by exactly three digits.
    fn thousands_separator_len(&self) -> Option<usize> {
        let rest = &self.text[self.pos..];
        let sep_len = ["{,}", "\\,", "\u{2009}", "\u{202f}", "\\ ", "\\;"]
            .iter()
            .find(|sep| rest.starts_with(**sep))?
            .len();
        let after = &rest.as_bytes()[sep_len..];
        let three = after.len() >= 3 && after[..3].iter().all(u8::is_ascii_digit);
        let fourth_is_digit = after.get(3).is_some_and(u8::is_ascii_digit);
        (three && !fourth_is_digit).then_some(sep_len)
    }

    fn scientific_exponent(&mut self) {
        let Some(b'e' | b'E') = self.peek_byte(0) else {
            return;
        };
        let mut i = 1;
        if matches!(self.peek_byte(1), Some(b'+' | b'-')) {
            i = 2;
        }
        let start = self.pos + i;
        let mut end = start;
        while end < self.src.len() && self.src[end].is_ascii_digit() {
            end += 1;
        }
        if end == start || self.src.get(end).is_some_and(|b| b.is_ascii_alphabetic()) {
            return;
        }
        let negative = self.peek_byte(1) == Some(b'-');
        self.toks.push(Tok::Op('*'));
        self.toks.push(Tok::Num("10".into()));
        self.toks.push(Tok::Op('^'));
        if negative {
            self.toks.push(Tok::Op('-'));
        }
        self.toks.push(Tok::Num(self.text[start..end].to_string()));
        self.pos = end;
    }

    /// A run of ASCII letters: a function name, a word, or single-letter variables.
    fn letters(&mut self) {
        let start = self.pos;
        while self.peek_byte(0).is_some_and(|b| b.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        let run = &self.text[start..self.pos];
        let lower = run.to_ascii_lowercase();
        if FuncName::from_name(&lower).is_some() || matches!(lower.as_str(), "log" | "sqrt") {
            self.toks.push(Tok::Cmd(lower));
            return;
        }
        match lower.as_str() {
            "pi" => return self.toks.push(Tok::Cmd("pi".into())),
            "inf" | "infty" | "infinity" | "oo" => return self.toks.push(Tok::Cmd("infty".into())),
            _ => {}
        }
        let glued_to_math = start > 0 && self.src[start - 1].is_ascii_digit()
            || matches!(self.peek_byte(0), Some(b'^' | b'_' | b'(' | b'0'..=b'9'));
        let is_word = SHORT_WORDS.contains(&lower.as_str())
            || (run.len() > 3 && !(glued_to_math && run.len() <= 4));
        if run.len() == 1 || !is_word {
            for c in run.chars() {
                self.toks.push(Tok::Letter(c.to_string()));
            }
        } else {
            self.toks.push(Tok::Word(lower));
        }
    }

    fn command(&mut self) -> Result<(), ParseError> {
        let start = self.pos + 1;
        let mut end = start;
        while end < self.src.len() && self.src[end].is_ascii_alphabetic() {
            end += 1;
        }
        if end == start {
            // A one-character command: `\{`, `\,`, `\\`, `\%`, `\$` ...
            let c = self.text[start..].chars().next().unwrap_or(' ');
            self.pos = start + c.len_utf8();
            match c {
                '{' => self.toks.push(Tok::SetOpen),
                '}' => self.toks.push(Tok::SetClose),
                '\\' if self.env_depth > 0 => self.toks.push(Tok::RowSep),
                '%' => self.toks.push(Tok::Percent),
                '|' => self.toks.push(Tok::Op('|')),
                '(' | '[' | ')' | ']' => {} // `\(`, `\[` math delimiters
                _ => {}                     // `\,` `\;` `\!` `\ ` `\$` `\#` ...
            }
            return Ok(());
        }
        let name = &self.text[start..end];
        self.pos = end;
        if SKIPPED.contains(&name) {
            // `\left.` is an invisible delimiter.
            if matches!(name, "left" | "right") && self.peek_byte(0) == Some(b'.') {
                self.pos += 1;
            }
            if name == "color" {
                self.skip_braced_arg();
            }
            return Ok(());
        }
        if name == "mathbb" && self.text[self.pos..].trim_start().starts_with("{R}") {
            // The real numbers, as an interval.
            self.pos = self.text[self.pos..]
                .find('}')
                .map_or(self.pos, |i| self.pos + i + 1);
            self.toks.extend([
                Tok::Open('('),
                Tok::Op('-'),
                Tok::Cmd("infty".into()),
                Tok::Comma,
                Tok::Cmd("infty".into()),
                Tok::Close(')'),
            ]);
            return Ok(());
        }
        if TEXT_WRAPPERS.contains(&name) {
            let open = self.skip_spaces_from(self.pos);
            if self.src.get(open) == Some(&b'{') {
                if let Some(close) = self.matching_brace(open) {
                    if self.is_unit(&self.text[open + 1..close]) {
                        self.pos = close + 1;
                        self.skip_unit_power();
                    } else {
                        self.skip_close.push(close);
                        self.pos = open + 1;
                    }
                }
            }
            return Ok(());
        }
        if DROPPED_WITH_ARG.contains(&name) {
            self.skip_braced_arg();
            return Ok(());
        }
        if let Some(rel) = relation_for(name) {
            self.toks.push(Tok::Rel(rel));
            return Ok(());
        }
        let tok = match name {
            "dfrac" | "tfrac" | "cfrac" => Tok::Cmd("frac".into()),
            "dbinom" | "tbinom" => Tok::Cmd("binom".into()),
            "cdot" | "times" | "ast" => Tok::Op('*'),
            "div" => Tok::Op('/'),
            "lvert" | "rvert" | "vert" | "mid" => Tok::Op('|'),
            "lbrace" => Tok::SetOpen,
            "rbrace" => Tok::SetClose,
            "langle" | "lbrack" => Tok::Open(if name == "langle" { '(' } else { '[' }),
            "rangle" | "rbrack" => Tok::Close(if name == "rangle" { ')' } else { ']' }),
            "circ" | "degree" => Tok::Degree,
            "infin" | "infty" | "inf" => Tok::Cmd("infty".into()),
            "over" => Tok::Cmd("over".into()),
            "overline" => return self.repeating_decimal(),
            "varnothing" | "emptyset" => Tok::Cmd("emptyset".into()),
            "neg" | "lnot" => Tok::Word("not".into()),
            "land" | "wedge" => Tok::Word("and".into()),
            "lor" | "vee" => Tok::Word("or".into()),
            "begin" => {
                self.env_depth += 1;
                let env = self.braced_word();
                if env == "array" {
                    self.skip_braced_arg(); // column spec
                }
                Tok::Begin(env)
            }
            "end" => {
                self.env_depth = self.env_depth.saturating_sub(1);
                self.braced_word();
                Tok::End
            }
            "sqrt" | "frac" | "binom" | "pi" | "cup" | "cap" | "pm" | "mp" | "log" | "lfloor"
            | "rfloor" | "lceil" | "rceil" | "choose" | "setminus" => Tok::Cmd(name.into()),
            n if FuncName::from_name(n).is_some() => Tok::Cmd(n.into()),
            n if GREEK.contains(&n) => Tok::Letter(n.into()),
            "e" => Tok::Letter("e".into()),
            _ => return Ok(()), // Unknown commands are formatting more often than math: drop.
        };
        // `^\circ` is a degree sign, not a power.
        if tok == Tok::Degree && self.toks.last() == Some(&Tok::Op('^')) {
            self.toks.pop();
        }
        self.toks.push(tok);
        Ok(())
    }

    /// `\text{ cm}` after a value is a unit: dropped, like any power written after it
    /// (`\text{ m}^2`). `\mathrm{i}`, `\mathrm{e}` and `\text{ or }` are not units.
    fn is_unit(&self, content: &str) -> bool {
        let t = content.trim();
        let value_before = matches!(
            self.toks.last(),
            Some(Tok::Num(_) | Tok::Close(_) | Tok::Degree | Tok::Percent | Tok::Letter(_))
        );
        value_before
            && t.chars().any(|c| c.is_alphabetic())
            && t.chars()
                .all(|c| c.is_alphabetic() || " /^.-0123456789".contains(c))
            && !matches!(t, "e" | "i" | "or" | "and")
    }

    fn skip_unit_power(&mut self) {
        let rest = &self.text[self.pos..];
        for power in ["^{2}", "^{3}", "^2", "^3", "^{-1}", "^{-2}"] {
            if rest.starts_with(power) {
                self.pos += power.len();
                return;
            }
        }
    }

    /// `0.1\overline{6}`: the digits under the bar repeat forever. Rewritten as
    /// `(0.1 + 6/90)`, exactly.
    fn repeating_decimal(&mut self) -> Result<(), ParseError> {
        let open = self.skip_spaces_from(self.pos);
        let close = match (self.src.get(open), self.matching_brace(open)) {
            (Some(b'{'), Some(close)) => close,
            _ => return Ok(()),
        };
        let digits = self.text[open + 1..close].trim();
        let before_command = self.pos.checked_sub("overline".len() + 2);
        let after_point = before_command.is_some_and(|i| self.src[i] == b'.');
        let Some(Tok::Num(prefix)) = self.toks.last().cloned() else {
            return Ok(());
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 50 {
            return Ok(());
        }
        if !(prefix.contains('.') || after_point) {
            return Ok(());
        }
        self.pos = close + 1;
        let decimals = prefix.split('.').nth(1).map_or(0, str::len);
        let denominator = "9".repeat(digits.len()) + &"0".repeat(decimals);
        self.toks.pop();
        self.toks.extend([
            Tok::Open('('),
            Tok::Num(prefix),
            Tok::Op('+'),
            Tok::Num(digits.to_string()),
            Tok::Op('/'),
            Tok::Num(denominator),
            Tok::Close(')'),
        ]);
        Ok(())
    }

    fn braced_word(&mut self) -> String {
        let open = self.skip_spaces_from(self.pos);
        if self.src.get(open) != Some(&b'{') {
            return String::new();
        }
        match self.matching_brace(open) {
            Some(close) => {
                self.pos = close + 1;
                self.text[open + 1..close]
                    .trim()
                    .trim_end_matches('*')
                    .to_string()
            }
            None => String::new(),
        }
    }

    fn skip_braced_arg(&mut self) {
        let open = self.skip_spaces_from(self.pos);
        if self.src.get(open) == Some(&b'{') {
            if let Some(close) = self.matching_brace(open) {
                self.pos = close + 1;
            }
        }
    }
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '\u{2070}' => '0',
        '\u{00b9}' => '1',
        '\u{00b2}' => '2',
        '\u{00b3}' => '3',
        '\u{2074}'..='\u{2079}' => char::from(b'4' + (c as u32 - 0x2074) as u8),
        '\u{207b}' => '-',
        _ => return None,
    })
}

/// Rewrite the unicode forms that need context: runs of superscript digits (`10⁻¹²` ->
/// `10^{-12}`), full-width digits and letters, and the cube root sign.
fn normalize_unicode(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = superscript_digit(c) {
            out.push_str("^{");
            out.push(d);
            while let Some(d) = chars.peek().copied().and_then(superscript_digit) {
                out.push(d);
                chars.next();
            }
            out.push('}');
        } else if ('\u{ff10}'..='\u{ff5a}').contains(&c) {
            out.push(char::from_u32(c as u32 - 0xff10 + 0x30).unwrap_or(c));
        } else if c == '\u{221b}' {
            out.push_str("\\sqrt[3]");
        } else if c == '\u{221c}' {
            out.push_str("\\sqrt[4]");
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `{{x}}` is `{x}`: drop brace pairs that only wrap another brace pair, so that deep but
/// legal nesting costs no recursion.
fn collapse_double_braces(toks: Vec<Tok>) -> Vec<Tok> {
    let mut partner = vec![usize::MAX; toks.len()];
    let mut stack = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Open('{') => stack.push(i),
            Tok::Close('}') => {
                if let Some(open) = stack.pop() {
                    partner[open] = i;
                    partner[i] = open;
                }
            }
            _ => {}
        }
    }
    let mut drop = vec![false; toks.len()];
    for i in 0..toks.len().saturating_sub(1) {
        let j = partner[i];
        if matches!(toks[i], Tok::Open('{'))
            && j != usize::MAX
            && j > i + 1
            && partner[i + 1] == j - 1
        {
            drop[i] = true;
            drop[j] = true;
        }
    }
    toks.into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(t, _)| t)
        .collect()
}

fn lex(text: &str) -> Result<Vec<Tok>, ParseError> {
    let text = normalize_unicode(text);
    let toks = Lexer::new(&text).run()?;
    let mut toks = collapse_double_braces(toks);
    // `^{\circ}` leaves `^ { Degree }`: fold it into one degree sign.
    let mut i = 0;
    while i + 4 <= toks.len() {
        if toks[i] == Tok::Op('^')
            && toks.get(i + 1) == Some(&Tok::Open('{'))
            && toks.get(i + 2) == Some(&Tok::Degree)
            && toks.get(i + 3) == Some(&Tok::Close('}'))
        {
            toks.splice(i..i + 4, [Tok::Degree]);
        }
        i += 1;
    }
    Ok(toks)
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Parser<'b> {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    /// Inside `|...|`: a `|` closes instead of starting a new absolute value.
    abs_depth: usize,
    /// Parsing the argument of `\sin` & co.: another function starts a new factor outside it.
    in_func_arg: bool,
    budget: &'b mut Budget,
}

/// `{a \over b}` divides everything on its left by everything on its right.
const PREC_OVER: u8 = 5;
const PREC_ADD: u8 = 10;
const PREC_MUL: u8 = 20;
const PREC_NEG: u8 = 25;
const PREC_POW: u8 = 30;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.peek() == Some(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        self.budget.spend(1).map_err(|e| ParseError(e.to_string()))
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn is_separator(tok: &Tok) -> bool {
        matches!(tok, Tok::Comma) || matches!(tok, Tok::Word(w) if w == "and" || w == "or")
    }

    /// Items separated by commas (or "and"/"or") up to the end or a closing bracket.
    fn parse_items(&mut self) -> Result<Vec<Node>, ParseError> {
        let mut items = Vec::new();
        loop {
            while self.peek().is_some_and(Self::is_separator) {
                self.pos += 1;
            }
            match self.peek() {
                None | Some(Tok::Close(_) | Tok::SetClose | Tok::End | Tok::RowSep) => break,
                Some(Tok::Op('&')) => break,
                _ => {}
            }
            items.push(self.parse_relation()?);
            match self.peek() {
                Some(t) if Self::is_separator(t) => continue,
                _ => break,
            }
        }
        Ok(items)
    }

    fn parse_relation(&mut self) -> Result<Node, ParseError> {
        self.budget
            .spend(1)
            .map_err(|e| ParseError(e.to_string()))?;
        let mut operands = vec![self.parse_union()?];
        let mut ops = Vec::new();
        while let Some(Tok::Rel(op)) = self.peek().cloned() {
            self.pos += 1;
            ops.push(op);
            operands.push(self.parse_union()?);
        }
        Ok(if ops.is_empty() {
            operands.pop().unwrap_or(Node::List(vec![]))
        } else {
            Node::Relation(operands, ops)
        })
    }

    /// Set algebra, left to right: `A \cup B`, `A \cap B`, `A \setminus B`.
    fn parse_union(&mut self) -> Result<Node, ParseError> {
        let mut acc = self.parse_expr(0)?;
        loop {
            let op = match self.peek() {
                Some(Tok::Cmd(c)) if matches!(c.as_str(), "cup" | "cap" | "setminus") => c.clone(),
                _ if self.is_letter_u_union() => "cup".to_string(),
                _ => break,
            };
            self.pos += 1;
            let rhs = interval_if_pair(self.parse_expr(0)?);
            let lhs = interval_if_pair(acc);
            acc = match (op.as_str(), lhs) {
                ("cup", Node::Union(mut parts)) => {
                    parts.push(rhs);
                    Node::Union(parts)
                }
                ("cup", lhs) => Node::Union(vec![lhs, rhs]),
                ("cap", Node::Intersection(mut parts)) => {
                    parts.push(rhs);
                    Node::Intersection(parts)
                }
                ("cap", lhs) => Node::Intersection(vec![lhs, rhs]),
                (_, lhs) => Node::Difference(Box::new(lhs), Box::new(rhs)),
            };
        }
        // A union of finite sets is a finite set.
        if let Node::Union(parts) = &acc {
            if parts.iter().all(|p| matches!(p, Node::Set(_))) {
                let items = parts.iter().filter_map(|p| {
                    if let Node::Set(v) = p {
                        Some(v.clone())
                    } else {
                        None
                    }
                });
                return Ok(Node::Set(items.flatten().collect()));
            }
        }
        Ok(acc)
    }

    /// `(1,2) U (3,4)`: a capital U between two intervals written in plain text.
    fn is_letter_u_union(&self) -> bool {
        self.peek() == Some(&Tok::Letter("U".into()))
            && matches!(self.toks.get(self.pos + 1), Some(Tok::Open('(' | '[')))
            && matches!(
                self.toks.get(self.pos.wrapping_sub(1)),
                Some(Tok::Close(')' | ']'))
            )
    }

    fn parse_expr(&mut self, min_prec: u8) -> Result<Node, ParseError> {
        self.enter()?;
        let mut lhs = self.parse_prefix()?;
        while let Some(tok) = self.peek().cloned() {
            let (prec, right_assoc) = match &tok {
                Tok::Op('+' | '-') => (PREC_ADD, false),
                Tok::Cmd(c) if c == "pm" || c == "mp" => (PREC_ADD, false),
                Tok::Op('*' | '/') => (PREC_MUL, false),
                Tok::Cmd(c) if c == "choose" => (PREC_MUL, false),
                Tok::Cmd(c) if c == "over" => (PREC_OVER, false),
                Tok::Op('^') => (PREC_POW, true),
                Tok::Op('!') | Tok::Percent | Tok::Degree => {
                    self.pos += 1;
                    lhs = self.postfix(lhs, &tok);
                    continue;
                }
                _ if self.starts_primary() => {
                    if min_prec > PREC_MUL {
                        break;
                    }
                    let rhs = self.parse_expr(PREC_MUL + 1)?;
                    lhs = implicit_product(lhs, rhs);
                    continue;
                }
                _ => break,
            };
            if prec < min_prec {
                break;
            }
            self.pos += 1;
            let next_min = if right_assoc { prec } else { prec + 1 };
            let rhs = if tok == Tok::Op('^') {
                self.parse_exponent()?
            } else {
                self.parse_expr(next_min)?
            };
            lhs = match tok {
                Tok::Op('+') => append(lhs, rhs, Node::Add),
                Tok::Op('-') => append(lhs, Node::Neg(Box::new(rhs)), Node::Add),
                Tok::Cmd(c) if c == "pm" => Node::PlusMinus(Box::new(lhs), Box::new(rhs)),
                Tok::Cmd(c) if c == "mp" => {
                    Node::PlusMinus(Box::new(lhs), Box::new(Node::Neg(Box::new(rhs))))
                }
                Tok::Cmd(c) if c == "over" => Node::Div(Box::new(lhs), Box::new(rhs)),
                Tok::Cmd(_) => Node::Binom(Box::new(lhs), Box::new(rhs)),
                Tok::Op('*') => append(lhs, rhs, Node::Mul),
                Tok::Op('/') => Node::Div(Box::new(lhs), Box::new(rhs)),
                _ => Node::Pow(Box::new(lhs), Box::new(rhs)),
            };
        }
        self.leave();
        Ok(lhs)
    }

    fn parse_exponent(&mut self) -> Result<Node, ParseError> {
        if self.peek() == Some(&Tok::Degree) {
            return err("degree sign in an exponent");
        }
        self.parse_expr(PREC_POW)
    }

    fn postfix(&mut self, lhs: Node, tok: &Tok) -> Node {
        match tok {
            Tok::Op('!') => {
                if self.eat(&Tok::Op('!')) {
                    Node::DoubleFactorial(Box::new(lhs))
                } else {
                    Node::Factorial(Box::new(lhs))
                }
            }
            Tok::Percent => Node::Percent(Box::new(lhs)),
            _ => Node::Degrees(Box::new(lhs)),
        }
    }

    /// Can the next token begin a factor of an implicit product (`2x`, `3\sqrt2`, `x(x+1)`)?
    fn starts_primary(&self) -> bool {
        match self.peek() {
            Some(Tok::Word(w)) => w != "and" && w != "or",
            Some(Tok::Num(_) | Tok::Letter(_) | Tok::SetOpen | Tok::Begin(_)) => true,
            Some(Tok::Open(_)) => true,
            Some(Tok::Op('|')) => self.abs_depth == 0,
            Some(Tok::Cmd(c)) => {
                let is_func = FuncName::from_name(c).is_some() || c == "log";
                if is_func && self.in_func_arg {
                    return false;
                }
                is_func
                    || matches!(
                        c.as_str(),
                        "sqrt" | "frac" | "binom" | "pi" | "infty" | "lfloor" | "lceil"
                    )
            }
            _ => false,
        }
    }

    fn parse_prefix(&mut self) -> Result<Node, ParseError> {
        match self.peek() {
            Some(Tok::Op('-')) => {
                self.pos += 1;
                let inner = self.parse_expr(PREC_NEG)?;
                Ok(Node::Neg(Box::new(inner)))
            }
            Some(Tok::Op('+')) => {
                self.pos += 1;
                self.parse_expr(PREC_NEG)
            }
            Some(Tok::Cmd(c)) if c == "pm" => {
                self.pos += 1;
                let inner = self.parse_expr(PREC_NEG)?;
                Ok(Node::PlusMinus(
                    Box::new(Node::Num("0".into())),
                    Box::new(inner),
                ))
            }
            _ => self.parse_primary(),
        }
    }

    fn parse_primary(&mut self) -> Result<Node, ParseError> {
        let Some(tok) = self.next() else {
            return err("unexpected end of answer");
        };
        match tok {
            Tok::Num(n) => self.number_or_mixed(n),
            Tok::Letter(name) => Ok(self.variable(name)),
            Tok::Word(w) => Ok(Node::Text(w)),
            Tok::Cmd(c) => self.command(&c),
            Tok::Open(open) => self.bracketed(open),
            Tok::SetOpen => {
                let items = self.parse_items()?;
                self.expect_close(&Tok::SetClose)?;
                Ok(Node::Set(items))
            }
            Tok::Op('|') => {
                self.abs_depth += 1;
                let inner = self.parse_expr(0);
                self.abs_depth -= 1;
                let inner = inner?;
                if !self.eat(&Tok::Op('|')) {
                    return err("unclosed |...|");
                }
                Ok(Node::Func(FuncName::Abs, Box::new(inner)))
            }
            Tok::Begin(env) => self.matrix(&env),
            other => err(format!("unexpected {}", describe(&other))),
        }
    }

    fn expect_close(&mut self, close: &Tok) -> Result<(), ParseError> {
        match self.next() {
            Some(ref t) if t == close => Ok(()),
            Some(t) => err(format!(
                "expected {} but found {}",
                describe(close),
                describe(&t)
            )),
            None => err(format!("missing {}", describe(close))),
        }
    }

    /// `3\frac{1}{2}` and `3 1/2` are the mixed number 7/2, not 3/2.
    fn number_or_mixed(&mut self, n: String) -> Result<Node, ParseError> {
        let whole = Node::Num(n.clone());
        let integer = |t: Option<&Tok>| matches!(t, Some(Tok::Num(s)) if !s.contains('.'));
        if !n.contains('.')
            && integer(self.toks.get(self.pos))
            && self.toks.get(self.pos + 1) == Some(&Tok::Op('/'))
            && integer(self.toks.get(self.pos + 2))
            && !matches!(self.toks.get(self.pos + 3), Some(Tok::Op('^')))
        {
            let (Some(Tok::Num(a)), Some(Tok::Num(b))) =
                (self.next(), self.toks.get(self.pos + 1).cloned())
            else {
                return Ok(whole);
            };
            self.pos += 2;
            let frac = Node::Div(Box::new(Node::Num(a)), Box::new(Node::Num(b)));
            return Ok(Node::Add(vec![whole, frac]));
        }
        if n.contains('.') || self.peek() != Some(&Tok::Cmd("frac".into())) {
            return Ok(whole);
        }
        let save = self.pos;
        self.pos += 1;
        let frac = self.command("frac")?;
        if let Node::Div(a, b) = &frac {
            if matches!(**a, Node::Num(ref s) if !s.contains('.'))
                && matches!(**b, Node::Num(ref s) if !s.contains('.'))
            {
                return Ok(Node::Add(vec![whole, frac]));
            }
        }
        self.pos = save;
        Ok(whole)
    }

    fn variable(&mut self, name: String) -> Node {
        let mut name = name;
        match name.as_str() {
            "e" if self.peek() != Some(&Tok::Op('_')) => return Node::Const(Const::E),
            "i" if self.peek() != Some(&Tok::Op('_')) => return Node::Const(Const::I),
            _ => {}
        }
        if self.eat(&Tok::Op('_')) {
            match self.next() {
                Some(Tok::Num(n)) => name = format!("{name}_{n}"),
                Some(Tok::Letter(l)) => name = format!("{name}_{l}"),
                Some(Tok::Open('{')) => {
                    let mut sub = String::new();
                    while let Some(t) = self.next() {
                        match t {
                            Tok::Close('}') => break,
                            Tok::Num(s) | Tok::Letter(s) | Tok::Word(s) => sub.push_str(&s),
                            _ => sub.push('?'),
                        }
                    }
                    name = format!("{name}_{sub}");
                }
                _ => {}
            }
        }
        while self.eat(&Tok::Op('\'')) {
            name.push('\'');
        }
        Node::Var(name)
    }

    /// An argument of `\frac`, `\sqrt`, `\binom`: a braced group, or a single token
    /// (`\frac12` reads digit by digit).
    fn parse_arg(&mut self) -> Result<Node, ParseError> {
        match self.peek().cloned() {
            Some(Tok::Open('{')) => {
                self.pos += 1;
                let inner = self.parse_group_body()?;
                self.expect_close(&Tok::Close('}'))?;
                Ok(inner)
            }
            Some(Tok::Num(n)) if n.len() > 1 => {
                let first = n[..1].to_string();
                self.toks[self.pos] = Tok::Num(n[1..].to_string());
                Ok(Node::Num(first))
            }
            Some(Tok::Num(_) | Tok::Letter(_) | Tok::Cmd(_) | Tok::Open('(')) => {
                self.parse_primary()
            }
            Some(t) => err(format!("expected an argument but found {}", describe(&t))),
            None => err("missing argument"),
        }
    }

    fn parse_group_body(&mut self) -> Result<Node, ParseError> {
        let items = self.parse_items()?;
        Ok(match items.len() {
            0 => return err("empty group {}"),
            1 => items.into_iter().next().unwrap_or(Node::List(vec![])),
            _ => Node::List(items),
        })
    }

    fn command(&mut self, name: &str) -> Result<Node, ParseError> {
        self.enter()?;
        let node = match name {
            "frac" => {
                let num = self.parse_arg()?;
                let den = self.parse_arg()?;
                Node::Div(Box::new(num), Box::new(den))
            }
            "binom" => {
                let n = self.parse_arg()?;
                let k = self.parse_arg()?;
                Node::Binom(Box::new(n), Box::new(k))
            }
            "sqrt" => {
                let mut index = Node::Num("2".into());
                if self.eat(&Tok::Open('[')) {
                    index = self.parse_expr(0)?;
                    self.expect_close(&Tok::Close(']'))?;
                }
                let radicand = self.parse_arg()?;
                Node::Root(Box::new(index), Box::new(radicand))
            }
            "pi" => Node::Const(Const::Pi),
            "infty" => Node::Const(Const::Infinity),
            "emptyset" => Node::Set(vec![]),
            "lfloor" | "lceil" => {
                let inner = self.parse_expr(0)?;
                let close = if name == "lfloor" { "rfloor" } else { "rceil" };
                self.expect_close(&Tok::Cmd(close.into()))?;
                let f = if name == "lfloor" {
                    FuncName::Floor
                } else {
                    FuncName::Ceil
                };
                Node::Func(f, Box::new(inner))
            }
            "log" => {
                let base = if self.eat(&Tok::Op('_')) {
                    self.parse_arg()?
                } else {
                    Node::Num("10".into())
                };
                let power = self.function_power()?;
                let arg = self.function_argument()?;
                apply_power(Node::Log(Box::new(base), Box::new(arg)), power)
            }
            f => match FuncName::from_name(f) {
                Some(func) => {
                    let power = self.function_power()?;
                    let (func, power) = match (&power, func.inverse()) {
                        (Some(Node::Neg(p)), Some(inv)) if **p == Node::Num("1".into()) => {
                            (inv, None)
                        }
                        _ => (func, power),
                    };
                    let arg = self.function_argument()?;
                    apply_power(Node::Func(func, Box::new(arg)), power)
                }
                None => return err(format!("unexpected \\{f}")),
            },
        };
        self.leave();
        Ok(node)
    }

    /// `\sin^2 x`: the power written between a function name and its argument.
    fn function_power(&mut self) -> Result<Option<Node>, ParseError> {
        if self.eat(&Tok::Op('^')) {
            Ok(Some(self.parse_exponent()?))
        } else {
            Ok(None)
        }
    }

    /// `\sin(x)`, `\sin{x}`, or `\sin 2x` (a product of simple factors).
    fn function_argument(&mut self) -> Result<Node, ParseError> {
        let was = self.in_func_arg;
        self.in_func_arg = true;
        let arg = self.parse_expr(PREC_MUL);
        self.in_func_arg = was;
        arg
    }

    fn bracketed(&mut self, open: char) -> Result<Node, ParseError> {
        let items = self.parse_items()?;
        let close = match self.next() {
            Some(Tok::Close(c)) => c,
            Some(t) => {
                return err(format!(
                    "expected a closing bracket but found {}",
                    describe(&t)
                ))
            }
            None => return err(format!("unclosed '{open}'")),
        };
        let mut items = items;
        match (open, items.len(), close) {
            (_, 0, _) => err("empty brackets"),
            ('{', 1, '}') | ('(', 1, ')') | ('[', 1, ']') | ('(', 1, ']') | ('[', 1, ')') => {
                Ok(items.pop().unwrap_or(Node::List(vec![])))
            }
            ('{', _, '}') => Ok(Node::Set(items)),
            ('(', 2, ')') => Ok(Node::Tuple(items)),
            ('(' | '[', 2, ')' | ']') => {
                let hi = items.pop().unwrap_or(Node::List(vec![]));
                let lo = items.pop().unwrap_or(Node::List(vec![]));
                Ok(Node::Interval {
                    lo: Box::new(lo),
                    hi: Box::new(hi),
                    lo_closed: open == '[',
                    hi_closed: close == ']',
                })
            }
            ('(' | '[', _, ')' | ']') => Ok(Node::Tuple(items)),
            _ => err(format!("'{open}' closed by '{close}'")),
        }
    }

    fn matrix(&mut self, env: &str) -> Result<Node, ParseError> {
        if !env.ends_with("matrix") && env != "array" {
            return err(format!("unsupported environment {env}"));
        }
        let mut rows: Vec<Vec<Node>> = Vec::new();
        let mut row = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::End) => {
                    self.pos += 1;
                    break;
                }
                None => return err(format!("unclosed \\begin{{{env}}}")),
                Some(Tok::RowSep) => {
                    self.pos += 1;
                    if !row.is_empty() {
                        rows.push(std::mem::take(&mut row));
                    }
                }
                Some(Tok::Op('&')) => self.pos += 1,
                _ => row.push(self.parse_expr(0)?),
            }
        }
        if !row.is_empty() {
            rows.push(row);
        }
        let width = rows.first().map_or(0, Vec::len);
        if width == 0 || rows.iter().any(|r| r.len() != width) {
            return err("matrix rows of different lengths");
        }
        Ok(Node::Matrix(rows))
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("number {n}"),
        Tok::Letter(l) => format!("'{l}'"),
        Tok::Word(w) => format!("word '{w}'"),
        Tok::Cmd(c) => format!("\\{c}"),
        Tok::Op(c) | Tok::Open(c) | Tok::Close(c) => format!("'{c}'"),
        Tok::SetOpen => "'\\{'".into(),
        Tok::SetClose => "'\\}'".into(),
        Tok::Comma => "','".into(),
        Tok::Rel(op) => format!("'{}'", op.symbol().trim()),
        Tok::Percent => "'%'".into(),
        Tok::Degree => "degree sign".into(),
        Tok::RowSep => "'\\\\'".into(),
        Tok::Begin(e) => format!("\\begin{{{e}}}"),
        Tok::End => "\\end".into(),
    }
}

fn append(lhs: Node, rhs: Node, make: fn(Vec<Node>) -> Node) -> Node {
    let same_kind = matches!(
        (&lhs, make(vec![])),
        (Node::Add(_), Node::Add(_)) | (Node::Mul(_), Node::Mul(_))
    );
    match lhs {
        Node::Add(mut v) | Node::Mul(mut v) if same_kind => {
            v.push(rhs);
            make(v)
        }
        other => make(vec![other, rhs]),
    }
}

fn implicit_product(lhs: Node, rhs: Node) -> Node {
    append(lhs, rhs, Node::Mul)
}

/// In set algebra `(a, b)` is an open interval, not a pair.
fn interval_if_pair(node: Node) -> Node {
    match node {
        Node::Tuple(mut v) if v.len() == 2 => {
            let hi = v.pop().unwrap_or(Node::List(vec![]));
            let lo = v.pop().unwrap_or(Node::List(vec![]));
            Node::Interval {
                lo: Box::new(lo),
                hi: Box::new(hi),
                lo_closed: false,
                hi_closed: false,
            }
        }
        other => other,
    }
}

fn apply_power(node: Node, power: Option<Node>) -> Node {
    match power {
        Some(p) => Node::Pow(Box::new(node), Box::new(p)),
        None => node,
    }
}

/// Words multiplied onto a value are units (`5 cm`, `12 dollars`): drop them. A product of
/// words only is a text answer.
fn settle_words(node: Node) -> Node {
    match node {
        Node::Mul(factors) => {
            let (words, values): (Vec<Node>, Vec<Node>) = factors
                .into_iter()
                .map(settle_words)
                .partition(|f| matches!(f, Node::Text(_)));
            if values.is_empty() {
                let text: Vec<String> = words
                    .into_iter()
                    .filter_map(|w| if let Node::Text(t) = w { Some(t) } else { None })
                    .collect();
                Node::Text(text.join(" "))
            } else if values.len() == 1 {
                values.into_iter().next().unwrap_or(Node::List(vec![]))
            } else {
                Node::Mul(values)
            }
        }
        Node::List(items) => Node::List(items.into_iter().map(settle_words).collect()),
        Node::Set(items) => Node::Set(items.into_iter().map(settle_words).collect()),
        Node::Tuple(items) => Node::Tuple(items.into_iter().map(settle_words).collect()),
        Node::Relation(items, ops) => {
            Node::Relation(items.into_iter().map(settle_words).collect(), ops)
        }
        Node::Percent(a) => Node::Percent(Box::new(settle_words(*a))),
        Node::Degrees(a) => Node::Degrees(Box::new(settle_words(*a))),
        Node::Neg(a) => Node::Neg(Box::new(settle_words(*a))),
        other => other,
    }
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
        // `(D) 42`, `\textbf{(D)}\ \frac12`: the letter, followed by the option's text.
        [Tok::Open('('), t, Tok::Close(')'), _, ..] => letter(t),
        _ => None,
    }
}

/// Parse an answer text into a tree.
pub fn parse_answer(text: &str, budget: &mut Budget) -> Result<Node, ParseError> {
    if text.len() > MAX_ANSWER_BYTES {
        return err(format!("answer longer than {MAX_ANSWER_BYTES} bytes"));
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
    let mut parser = Parser {
        toks,
        pos: 0,
        depth: 0,
        abs_depth: 0,
        in_func_arg: false,
        budget,
    };
    let items = parser.parse_items()?;
    if let Some(t) = parser.peek() {
        return err(format!("unexpected {} after the answer", describe(t)));
    }
    let node = match items.len() {
        0 => return err("empty answer"),
        1 => items.into_iter().next().unwrap_or(Node::List(vec![])),
        _ => Node::List(items),
    };
    Ok(settle_words(node))
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
        assert_eq!(p("811\\,140\\,892"), "811140892");
        assert_eq!(p("811{,}140{,}892"), "811140892");
        assert_eq!(p("811\u{2009}140"), "811140");
        assert_eq!(p("[1,100]"), "[1, 100]");
        assert_eq!(p("8.3e9"), "(8.3*(10)^(9))");
        assert_eq!(p("8.3\\times10^9"), "(8.3*(10)^(9))");
        assert_eq!(p("-5"), "-(5)");
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
    }
}
