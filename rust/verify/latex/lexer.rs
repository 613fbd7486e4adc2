//! The first pass: answer text to tokens. Unicode, spacing commands, `\text{}` wrappers,
//! thousands separators and scientific notation are settled here, so the parser never sees them.

use super::vocabulary::{
    is_space, normalize_unicode, relation_for, unicode_replacement, DROPPED_WITH_ARG, GREEK,
    SHORT_WORDS, SKIPPED, TEXT_WRAPPERS,
};
use super::words::scale_of;
use super::{err, ParseError};
use crate::verify::ast::{FuncName, RelOp};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
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
    /// `;`: separates items like a comma, and at the top level whole solutions.
    Semicolon,
    Rel(RelOp),
    Percent,
    Degree,
    RowSep,
    Begin(String),
    End,
}

/// A whole answer of the form `1,234,567(.89)` (optionally signed, optionally followed by
/// non-digits such as units) uses commas as thousands separators. Anywhere else a comma
/// separates items (`[1,100]` is an interval, not 1100).
pub(super) fn strip_thousands_commas(text: &str) -> Option<String> {
    let t = text.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let body = body
        .strip_prefix("\\$")
        .or_else(|| body.strip_prefix('$'))
        .unwrap_or(body);
    if let Some(plain) = european_or_lakh(t, body) {
        return Some(plain);
    }
    // `,` groups (`12,345`), or `.` groups when there are two dots or more (`1.234.567`, the
    // European form; one dot is a decimal point).
    [(',', 2), ('.', 3)].iter().find_map(|&(sep, min_groups)| {
        let digits_end = body
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == sep))
            .map_or(body.len(), |(i, _)| i);
        let number = &body[..digits_end];
        let groups: Vec<&str> = number.split(sep).collect();
        if groups.len() < min_groups
            || groups[0].is_empty()
            || (groups[0].starts_with('0'))
            || groups[0].len() > 3
            || groups[1..].iter().any(|g| g.len() != 3)
        {
            return None;
        }
        let rest = &body[digits_end..];
        let decimal_comma_after_dots = sep == '.' && rest.starts_with(',');
        if rest.starts_with(sep)
            || decimal_comma_after_dots
            || rest.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        Some(t.replacen(number, &number.replace(sep, ""), 1))
    })
}

/// Two whole-number forms: the European `4.500,75` (dot groups, then a decimal comma) and the
/// Indian `10,00,000` (groups of two, then a last group of three). `t` is the trimmed text and
/// `body` the number in it; `None` when the number is in neither form.
fn european_or_lakh(t: &str, body: &str) -> Option<String> {
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let number = &body[..end];
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let plain = if let Some((whole, decimals)) = number.split_once(',') {
        let groups: Vec<&str> = whole.split('.').collect();
        let european = groups.len() >= 2
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| all_digits(g))
            && all_digits(decimals)
            && decimals.len() <= 2;
        let lakh_groups: Vec<&str> = number.split(',').collect();
        let lakh = !number.contains('.')
            && lakh_groups.len() >= 3
            && (1..=2).contains(&lakh_groups[0].len())
            && lakh_groups[1..lakh_groups.len() - 1]
                .iter()
                .all(|g| g.len() == 2)
            && lakh_groups.last().is_some_and(|g| g.len() == 3)
            && lakh_groups.iter().all(|g| all_digits(g))
            && !lakh_groups[0].starts_with('0');
        if european {
            format!("{}.{decimals}", groups.concat())
        } else if lakh {
            lakh_groups.concat()
        } else {
            return None;
        }
    } else {
        return None;
    };
    Some(t.replacen(number, &plain, 1))
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
    /// Open `\left` delimiters: the index of each one's token, or None for `\left.`.
    open_sized: Vec<Option<usize>>,
    /// Indices of tokens to drop: sized delimiters whose partner is `.`.
    dropped: Vec<usize>,
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
            open_sized: Vec::new(),
            dropped: Vec::new(),
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
        if !self.dropped.is_empty() {
            let mut dropped = std::mem::take(&mut self.dropped);
            dropped.sort_unstable();
            let (mut index, mut next) = (0, 0);
            self.toks.retain(|_| {
                let keep = dropped.get(next) != Some(&index);
                next += usize::from(!keep);
                index += 1;
                keep
            });
        }
        Ok(self.toks)
    }

    fn symbol(&mut self, c: char) -> Result<(), ParseError> {
        // `x != 3` is "not equal"; `5!=120` stays a factorial.
        if c == '!'
            && self.peek_byte(0) == Some(b'=')
            && !matches!(self.toks.last(), Some(Tok::Num(_)))
        {
            self.pos += 1;
            self.toks.push(Tok::Rel(RelOp::Ne));
            return Ok(());
        }
        let tok = match c {
            '+' | '-' | '*' | '/' | '^' | '_' | '!' | '|' | '&' | '\'' => Tok::Op(c),
            ':' => Tok::Op('/'),
            '(' | '[' | '{' => Tok::Open(c),
            ')' | ']' | '}' => Tok::Close(c),
            ',' => Tok::Comma,
            ';' => Tok::Semicolon,
            '=' => Tok::Rel(RelOp::Eq),
            '<' => self.maybe_eq(RelOp::Lt, RelOp::Le),
            '>' => self.maybe_eq(RelOp::Gt, RelOp::Ge),
            '%' => Tok::Percent,
            '\u{00b0}' => Tok::Degree,
            // Currency signs and sentence punctuation carry no value.
            '$' | '.' | '?' | '"' | '`' | '\u{20ac}' | '\u{a3}' | '\u{a5}' => return Ok(()),
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

    /// Digits with one optional point; LaTeX thousands separators (`{,}`, `,\!`, `\,`, thin
    /// spaces, a plain space) between groups of three digits are dropped; `8.3e9` becomes
    /// `8.3 * 10 ^ 9`.
    fn number(&mut self) {
        let mut digits = String::new();
        let mut seen_point = false;
        // Digits since the start or the last separator: a plain space separates thousands only
        // after a group of one to three digits (`12 500`), never inside `2 1000`.
        let mut group = 0;
        loop {
            match self.peek_byte(0) {
                Some(b) if b.is_ascii_digit() => {
                    digits.push(b as char);
                    group += 1;
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
                        if let Some(len) = self.thousands_separator_len(group) {
                            self.pos += len;
                            group = 0;
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

    /// Length of a thousands separator at `pos` that is followed by exactly three digits;
    /// `group` is the number of digits just before it.
    fn thousands_separator_len(&self, group: usize) -> Option<usize> {
        let rest = &self.text[self.pos..];
        let sep_len = [
            ",\\!", "{,}\\!", "{,}", "{, }", " {,}", " {, }", "\\,", "\\!", "\u{2009}", "\u{202f}",
            "\\ ", "\\;",
        ]
        .iter()
        .find(|sep| rest.starts_with(**sep))
        .map(|sep| sep.len())
        .or_else(|| (rest.starts_with(' ') && (1..=3).contains(&group)).then_some(1))?;
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
        if matches!(lower.as_str(), "pct" | "percent")
            && matches!(self.toks.last(), Some(Tok::Num(_)))
        {
            return self.toks.push(Tok::Percent); // `28 pct`
        }
        if let (Some(scale), Some(Tok::Num(_))) = (scale_of(&lower), self.toks.last()) {
            // `1.5 million` is 1500000.
            self.toks
                .extend([Tok::Op('*'), Tok::Num(scale.to_string())]);
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
            if matches!(name, "left" | "right") {
                self.sized_delimiter(name == "left");
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
        if matches!(name, "pmod" | "mod") {
            // `r \equiv 3 \pmod{7}`: the modulus qualifies the relation; the answer is 3.
            self.skip_modulus();
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
        ) || self.toks.last() == Some(&Tok::Cmd("pi".into()));
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

    /// After `\left` / `\right`: pair them, so that a delimiter whose partner is the invisible
    /// `.` is dropped (`\left( \frac12 \right.` is `\frac12`, `\left. x \right|` is `x`).
    fn sized_delimiter(&mut self, left: bool) {
        let invisible = self.peek_byte(0) == Some(b'.');
        if invisible {
            self.pos += 1;
        }
        // The index the delimiter's token will take, or None for `.`.
        let delimiter = (!invisible).then_some(self.toks.len());
        if left {
            self.open_sized.push(delimiter);
            return;
        }
        match (self.open_sized.pop(), delimiter) {
            (Some(Some(open)), None) => self.dropped.push(open),
            (Some(None), Some(close)) => self.dropped.push(close),
            _ => {}
        }
    }

    /// The argument of `\pmod`: a braced group, or a run of digits or letters.
    fn skip_modulus(&mut self) {
        let start = self.skip_spaces_from(self.pos);
        if self.src.get(start) == Some(&b'{') {
            return self.skip_braced_arg();
        }
        let mut end = start;
        while end < self.src.len() && self.src[end].is_ascii_alphanumeric() {
            end += 1;
        }
        self.pos = end;
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

pub(super) fn lex(text: &str) -> Result<Vec<Tok>, ParseError> {
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
