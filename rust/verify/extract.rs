//! Final-answer extraction: pull the answer a model gave out of its full response, and strip the
//! wrappers off a reference answer.
//!
//! [`extract_answer`] works in this order:
//! 1. With `think_after`, keep only the text after the first `</think>`; a response without one
//!    has no answer.
//! 2. Undo JSON-style doubled backslashes (`\\boxed{\\frac{1}{2}}` -> `\boxed{\frac{1}{2}}`), but
//!    only in front of known LaTeX commands, so that the row separator `\\` of a matrix survives
//!    (details at `undouble_backslashes`).
//! 3. The last complete `\boxed{...}` / `\fbox{...}` (braces balanced, `\{` `\}` do not count; also
//!    `\boxed {x}` and the brace-less `\boxed 5`). "Last" means the box that starts last, so
//!    `\boxed{\boxed{3}}` gives `3` and `\boxed{1}, \boxed{2}` gives `2`. A box that never closes
//!    (a truncated response) or is empty is skipped in favour of the box before it.
//! 4. With `require_boxed`, nothing else counts.
//! 5. The fallbacks, each only when `fallback` reaches its level. They ignore the cut-off tail of
//!    a truncated response: everything from the first `{` or `\left` that never closes (with the
//!    command it belongs to, e.g. an unclosed `\boxed{`). So `Thus \boxed{3` has no answer.
//!    - `AnswerIs`: the last answer phrase: "answer", "option" or "choice" followed by "is", `:`
//!      or `=` (any case, with words and markdown around: "The final answer is", `**Answer:**`,
//!      "The correct option is"), or a "Final Answer" heading alone on its line. Its answer is the
//!      rest of the sentence (up to a line break, or a `.` followed by whitespace or the end, so
//!      `3.5` is not cut; display math may span lines), or the first math span in it. Only the
//!      last phrase counts.
//!    - `MathSpan`: the last `$...$`, `$$...$$`, `\(...\)` or `\[...\]` span (`\$` is not a
//!      delimiter; a `$...$` span does not cross a line, so stray currency signs stay local).
//!    - `LastNumber`: the last number, as written: `-1,234.5`, `3/4`, `45%`, `45\%`. When both
//!      levels are allowed and the last number comes after the last math span ("... $15^2 = 225$.
//!      The total comes to 3.5."), the number wins: it is the later, so likelier final, answer.
//!
//! Every answer is trimmed and loses what encloses all of it: `$..$`, `$$..$$`, `\(..\)`,
//! `\[..\]`, `\boxed{..}`, brace groups (`{{5}}`), a trailing line break `\\`, up to 8 such steps.
//! An answer that is empty after this counts as not found, and the candidate before it (boxes,
//! spans) or the next level is tried. An answer longer than 10,000 bytes is not returned: `text`
//! is `None`, `method` names the level that found it, `reason` is "answer longer than 10000
//! bytes", and no later level is tried (the model did answer, with something far too long to be
//! right).
//!
//! [`strip_reference`] applies the same rules to a reference answer: undouble backslashes, take the
//! last box if there is one (so "The answer is \boxed{5}" gives `5`), unwrap, trim.
//!
//! Cost: every step is linear in the length of the text, and the common case (a box near the
//! end) only looks at the end. A `{` that never closes bounds the brace matching of every earlier
//! box, so 100k unclosed boxes stay linear. Nothing recurses, and every slice is taken next to an
//! ASCII byte, so multi-byte characters anywhere are safe.

use std::borrow::Cow;
use std::ops::Range;

use super::options::ExtractFallback;

/// Answers longer than this are rejected, not returned (see the module docs).
const MAX_ANSWER_BYTES: usize = 10_000;

/// How many enclosing wrappers one answer may lose; bounds the work spent unwrapping.
const MAX_WRAPPERS: usize = 8;

const THINK_END: &str = "</think>";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Only the text after the first `</think>` counts; without one there is no answer.
    pub think_after: bool,
    /// Only a `\boxed{}` / `\fbox{}` answer counts.
    pub require_boxed: bool,
    /// How far to fall back when there is no box.
    pub fallback: ExtractFallback,
}

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
}

impl Extracted {
    fn missing(reason: &'static str) -> Self {
        Extracted {
            text: None,
            method: ExtractMethod::None,
            reason,
        }
    }

    fn found(answer: &str, method: ExtractMethod, reason: &'static str) -> Self {
        if answer.len() > MAX_ANSWER_BYTES {
            return Extracted {
                text: None,
                method,
                reason: "answer longer than 10000 bytes",
            };
        }
        Extracted {
            text: Some(answer.to_string()),
            method,
            reason,
        }
    }
}

/// The final answer of a model response; see the module docs for the rules and their order.
pub fn extract_answer(response: &str, opts: &ExtractOptions) -> Extracted {
    let region = if opts.think_after {
        match response.find(THINK_END) {
            Some(at) => &response[at + THINK_END.len()..],
            None => return Extracted::missing("no </think> in response"),
        }
    } else {
        response
    };
    let text = undouble_backslashes(region);
    if let Some(answer) = last_boxed(&text) {
        return Extracted::found(answer, ExtractMethod::Boxed, "found \\boxed{}");
    }
    if opts.require_boxed {
        return Extracted::missing("no \\boxed{} and require_boxed is set");
    }
    // Text inside a group that never closes was cut off mid-expression: no fallback uses it.
    let complete = &text[..unclosed_tail_start(text.as_bytes())];
    match fallback_answer(complete, opts.fallback) {
        Some((answer, method, reason)) => Extracted::found(answer, method, reason),
        None => Extracted::missing("no answer found"),
    }
}

/// The answer found by the fallback levels that `level` allows, with its method and reason.
fn fallback_answer(
    text: &str,
    level: ExtractFallback,
) -> Option<(&str, ExtractMethod, &'static str)> {
    if level >= ExtractFallback::AnswerIs {
        if let Some(answer) = answer_phrase(text) {
            return Some((
                answer,
                ExtractMethod::AnswerIs,
                "found an \"answer is\" phrase",
            ));
        }
    }
    let span = (level >= ExtractFallback::MathSpan)
        .then(|| last_math_span(text))
        .flatten();
    let number = (level >= ExtractFallback::LastNumber)
        .then(|| last_number(text))
        .flatten();
    let as_span = |(_, answer)| (answer, ExtractMethod::MathSpan, "found a math span");
    let as_number = |(_, answer)| (answer, ExtractMethod::LastNumber, "found the last number");
    match (span, number) {
        // A number written after the last span is the later, so likelier final, answer.
        (Some((span_end, _)), Some(number)) if number.0 >= span_end => Some(as_number(number)),
        (Some(span), _) => Some(as_span(span)),
        (None, number) => number.map(as_number),
    }
}

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
    let text = undouble_backslashes(answer);
    last_boxed(&text)
        .unwrap_or_else(|| unwrap_answer(&text))
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Doubled backslashes

/// LaTeX commands after which a doubled backslash is undone; sorted for binary search.
#[rustfmt::skip]
const KNOWN_COMMANDS: &[&str] = &[
    "Delta", "Gamma", "Lambda", "Omega", "Phi", "Pi", "Psi", "Rightarrow", "Sigma", "Theta", "Xi",
    "alpha", "angle", "approx", "arccos", "arcsin", "arctan", "bar", "begin", "beta", "binom",
    "bmod", "boxed", "cap", "cdot", "cdots", "cfrac", "chi", "circ", "cos", "cosh", "cot", "csc",
    "cup", "dbinom", "degree", "delta", "dfrac", "displaystyle", "div", "dots", "emptyset", "end",
    "epsilon", "eta", "exp", "fbox", "frac", "gamma", "gcd", "ge", "geq", "hat", "iff", "implies",
    "in", "infty", "int", "iota", "kappa", "lambda", "langle", "lceil", "ldots", "le", "left",
    "leq", "lfloor", "lim", "ln", "log", "mathbb", "mathbf", "mathcal", "mathfrak", "mathit",
    "mathrm", "max", "mid", "min", "mod", "mp", "mu", "ne", "neq", "notin", "nu", "omega",
    "omicron", "operatorname", "overline", "phi", "pi", "pm", "pmod", "prime", "prod", "psi",
    "qquad", "quad", "rangle", "rceil", "rfloor", "rho", "right", "rightarrow", "sec", "setminus",
    "sigma", "sim", "sin", "sinh", "sqrt", "subset", "subseteq", "sum", "supset", "tan", "tanh",
    "tau", "text", "textbf", "textit", "textrm", "tfrac", "theta", "times", "to", "upsilon",
    "varepsilon", "varnothing", "varphi", "vartheta", "vdots", "vec", "xi", "zeta",
];

/// Undo JSON-style doubling of backslashes.
///
/// A run of backslashes in front of a known command name or `%` must be odd in real LaTeX (the
/// last one starts the command), so an even run there is halved until it is odd: `\\frac` ->
/// `\frac`, `\\\\frac` (doubled twice) -> `\frac`, while `\\\frac` (row separator, then `\frac`)
/// is kept. When the text shows such doubling at least once, it is taken to be doubled
/// throughout, and even runs before `{ } ( ) [ ] $ , ; !` (`\\{` -> `\{`) and even runs of four or
/// more (`\\\\` -> `\\`) are halved once too. A `\\` before anything else is a row separator and
/// stays.
fn undouble_backslashes(text: &str) -> Cow<'_, str> {
    if !text.contains("\\\\") {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let doubled =
        backslash_runs(b).any(|run| run.len() % 2 == 0 && starts_known_command(b, run.end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for run in backslash_runs(b) {
        let keep = kept_backslashes(b, run.clone(), doubled);
        if keep < run.len() {
            out.push_str(&text[copied..run.start]);
            out.extend(std::iter::repeat_n('\\', keep));
            copied = run.end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// How many of the backslashes in `run` survive undoubling.
fn kept_backslashes(b: &[u8], run: Range<usize>, doubled: bool) -> usize {
    let mut n = run.len();
    if n % 2 == 1 {
        return n;
    }
    let next = b.get(run.end).copied();
    if next == Some(b'%') || starts_known_command(b, run.end) {
        while n % 2 == 0 {
            n /= 2;
        }
        return n;
    }
    let escapes_symbol = matches!(
        next,
        Some(b'{' | b'}' | b'(' | b')' | b'[' | b']' | b'$' | b',' | b';' | b'!')
    );
    if doubled && (n >= 4 || escapes_symbol) {
        n / 2
    } else {
        n
    }
}

/// Maximal runs of consecutive backslashes, in order.
fn backslash_runs(b: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + find_byte(b.get(pos..)?, |c| c == b'\\')?;
        let end = start + count_while(&b[start..], |c| c == b'\\');
        pos = end;
        Some(start..end)
    })
}

/// Whether the letters at `at` spell a command from [`KNOWN_COMMANDS`].
fn starts_known_command(b: &[u8], at: usize) -> bool {
    let name = &b[at..letters_end(b, at)];
    (1..=16).contains(&name.len()) && KNOWN_KEYS.binary_search(&command_key(name)).is_ok()
}

/// A command name of up to 16 bytes packed into an integer that sorts like the name; searching
/// these is several times faster than comparing strings, which matters in doubled text.
const fn command_key(name: &[u8]) -> u128 {
    let mut key = 0;
    let mut i = 0;
    while i < 16 {
        key <<= 8;
        if i < name.len() {
            key |= name[i] as u128;
        }
        i += 1;
    }
    key
}

/// [`KNOWN_COMMANDS`] as [`command_key`]s, in the same (sorted) order.
const KNOWN_KEYS: [u128; KNOWN_COMMANDS.len()] = {
    let mut keys = [0; KNOWN_COMMANDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = command_key(KNOWN_COMMANDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// The end of the run of ASCII letters starting at `from` (`from <= b.len()`).
fn letters_end(b: &[u8], from: usize) -> usize {
    from + count_while(&b[from..], |c| c.is_ascii_alphabetic())
}

fn count_while(b: &[u8], keep: impl Fn(u8) -> bool) -> usize {
    b.iter().take_while(|&&c| keep(c)).count()
}

// ---------------------------------------------------------------------------------------------
// Boxes

/// The argument of a box command: the position of its `{`, or a brace-less token.
enum BoxArg {
    Braced(usize),
    Bare(Range<usize>),
}

/// The unwrapped content of the last complete, non-empty box in `text`.
fn last_boxed(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    // A `{` that never closes also keeps every earlier `{` from closing after it, so the brace
    // matching of earlier boxes can stop there; this keeps 100k unclosed boxes linear.
    let mut limit = b.len();
    for at in box_commands_rev(text) {
        let content = match box_argument(b, at) {
            Some(BoxArg::Braced(open)) => match matching_brace(b, open, limit) {
                Some(close) => &text[open + 1..close],
                None => {
                    limit = limit.min(open);
                    continue;
                }
            },
            Some(BoxArg::Bare(token)) => &text[token],
            None => continue,
        };
        let answer = unwrap_answer(content);
        if !answer.is_empty() {
            return Some(answer);
        }
    }
    None
}

/// Positions of the backslash of `\boxed` and `\fbox`, last first (the name may still run on, as
/// in `\fboxsep`). One reverse search for their common "box" stops at the last box.
fn box_commands_rev(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    text.rmatch_indices("box")
        .filter_map(move |(i, _)| match b[..i] {
            [.., b'\\'] => Some(i - 1),
            [.., b'\\', b'f'] => Some(i - 2),
            _ => None,
        })
}

/// The argument of the box command whose backslash is at `at`, if it is a real box command.
fn box_argument(b: &[u8], at: usize) -> Option<BoxArg> {
    let name_end = letters_end(b, at + 1);
    let name = &b[at + 1..name_end];
    if (name != b"boxed" && name != b"fbox") || is_escaped(b, at) {
        return None;
    }
    let arg = name_end + count_while(&b[name_end..], |c| c.is_ascii_whitespace());
    match b.get(arg)? {
        b'{' => Some(BoxArg::Braced(arg)),
        _ => bare_token(b, arg).map(BoxArg::Bare),
    }
}

/// Whether the backslash at `at` is itself escaped (preceded by an odd run of backslashes).
fn is_escaped(b: &[u8], at: usize) -> bool {
    b[..at].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

/// The argument of a brace-less box (`\boxed 5.` -> `5`): up to whitespace, `$`, an unmatched
/// `}` or a closing `\)` / `\]`, without trailing punctuation. A plain word of two or more letters
/// is prose ("in \boxed form"), not an argument.
fn bare_token(b: &[u8], start: usize) -> Option<Range<usize>> {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' if matches!(b.get(i + 1), Some(b')' | b']')) => break,
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' if depth == 0 => break,
            b'}' => depth -= 1,
            b'$' => break,
            c if c.is_ascii_whitespace() => break,
            _ => {}
        }
        i += 1;
    }
    let mut end = i.min(b.len());
    while end > start && matches!(b[end - 1], b'.' | b',' | b';' | b':') {
        end -= 1;
    }
    let token = &b[start..end];
    let prose = token.len() >= 2 && token.iter().all(u8::is_ascii_alphabetic);
    (!token.is_empty() && !prose).then_some(start..end)
}

/// The `}` that closes the `{` at `open`, looking no further than `limit`. `\{` and `\}` are
/// escaped and do not count.
fn matching_brace(b: &[u8], open: usize, limit: usize) -> Option<usize> {
    let b = &b[..limit.min(b.len())];
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        i += find_byte(&b[i..], |c| matches!(c, b'\\' | b'{' | b'}'))?;
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Wrappers

/// `s` trimmed, without what encloses all of it: `$..$`, `$$..$$`, `\(..\)`, `\[..\]`,
/// `\boxed{..}`, `\fbox{..}`, brace groups and a trailing `\\`, in at most [`MAX_WRAPPERS`] steps.
fn unwrap_answer(s: &str) -> &str {
    let mut s = s.trim();
    for _ in 0..MAX_WRAPPERS {
        let inner = strip_wrapper(s)
            .or_else(|| strip_brace_layers(s))
            .or_else(|| strip_line_break(s));
        match inner {
            Some(inner) => s = inner.trim(),
            None => break,
        }
    }
    s
}

/// `s` without the brace groups that enclose all of it (`{{5}}` -> `5`), any number of them in
/// one linear pass.
fn strip_brace_layers(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let leading = count_while(b, |c| c == b'{');
    if leading == 0 || !s.ends_with('}') {
        return None;
    }
    // Where each of the leading `{` closes: the first time the depth falls back below it.
    let mut closes = vec![None; leading];
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' if depth > 0 => {
                depth -= 1;
                if let Some(close @ None) = closes.get_mut(depth) {
                    *close = Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    let layers = (0..leading)
        .take_while(|&k| closes[k] == Some(b.len() - 1 - k))
        .count();
    (layers > 0).then(|| &s[layers..s.len() - layers])
}

/// `s` without a trailing LaTeX line break `\\` (`7 \\` -> `7`); only a lone one, so that this
/// stays O(1) on a long run of backslashes.
fn strip_line_break(s: &str) -> Option<&str> {
    let rest = s.strip_suffix("\\\\")?;
    (!rest.ends_with('\\')).then_some(rest)
}

/// The inside of `s` when one math span or one box spans all of it.
fn strip_wrapper(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.first() == Some(&b'$') || b.starts_with(b"\\(") || b.starts_with(b"\\[") {
        let span = MathSpans::new(s).next()?;
        return (span.outer == (0..s.len())).then(|| &s[span.inner]);
    }
    if b.first() != Some(&b'\\') {
        return None;
    }
    let (inner, end) = match box_argument(b, 0)? {
        BoxArg::Braced(open) => {
            let close = matching_brace(b, open, b.len())?;
            (open + 1..close, close + 1)
        }
        BoxArg::Bare(token) => (token.clone(), token.end),
    };
    (end == s.len()).then(|| &s[inner])
}

// ---------------------------------------------------------------------------------------------
// Math spans

/// One math span: `outer` includes the delimiters, `inner` is the content.
struct Span {
    outer: Range<usize>,
    inner: Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Delim {
    Inline,
    Display,
    Paren,
    Bracket,
}

impl Delim {
    fn open_len(self) -> usize {
        if self == Delim::Inline {
            1
        } else {
            2
        }
    }

    fn close(self) -> &'static [u8] {
        match self {
            Delim::Inline => b"$",
            Delim::Display => b"$$",
            Delim::Paren => b"\\)",
            Delim::Bracket => b"\\]",
        }
    }
}

enum Close {
    At(usize),
    /// A `$...$` span ran into a line break at this position.
    Newline(usize),
    Never,
}

/// The complete math spans of a text, left to right. Delimiters pair from the left; `\x` is an
/// escape, so `\$` is no delimiter. An opener that never closes is ignored, and so is every later
/// opener of its kind (none of them can close either), which keeps the scan linear.
struct MathSpans<'a> {
    b: &'a [u8],
    pos: usize,
    unclosed: [bool; 4],
}

impl<'a> MathSpans<'a> {
    fn new(text: &'a str) -> Self {
        MathSpans {
            b: text.as_bytes(),
            pos: 0,
            unclosed: [false; 4],
        }
    }

    /// The delimiter that opens at `at` (a `$` or `\`), or `None` for another escape.
    fn opener(&self, at: usize) -> Option<Delim> {
        match (self.b[at], self.b.get(at + 1)) {
            (b'$', Some(b'$')) => Some(Delim::Display),
            (b'$', _) => Some(Delim::Inline),
            (_, Some(b'(')) => Some(Delim::Paren),
            (_, Some(b'[')) => Some(Delim::Bracket),
            _ => None,
        }
    }
}

impl Iterator for MathSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let b = self.b;
        while self.pos < b.len() {
            let start = self.pos + find_byte(&b[self.pos..], |c| c == b'$' || c == b'\\')?;
            let Some(delim) = self.opener(start) else {
                self.pos = start + 2;
                continue;
            };
            let content = start + delim.open_len();
            self.pos = content;
            if self.unclosed[delim as usize] {
                continue;
            }
            match find_close(b, content, delim) {
                Close::At(close) => {
                    self.pos = close + delim.close().len();
                    return Some(Span {
                        outer: start..self.pos,
                        inner: content..close,
                    });
                }
                Close::Newline(at) => self.pos = at,
                Close::Never => self.unclosed[delim as usize] = true,
            }
        }
        None
    }
}

/// Where the span of kind `delim` whose content starts at `from` closes.
fn find_close(b: &[u8], from: usize, delim: Delim) -> Close {
    let close = delim.close();
    let mut i = from;
    while i < b.len() {
        let Some(skip) = find_byte(&b[i..], |c| matches!(c, b'$' | b'\\' | b'\n')) else {
            break;
        };
        i += skip;
        if b[i..].starts_with(close) {
            return Close::At(i);
        }
        match b[i] {
            b'\\' => i += 2,
            b'\n' if delim == Delim::Inline => return Close::Newline(i),
            _ => i += 1,
        }
    }
    Close::Never
}

/// The unwrapped content of the last non-empty math span, after where that span ends.
fn last_math_span(text: &str) -> Option<(usize, &str)> {
    MathSpans::new(text)
        .map(|span| (span.outer.end, unwrap_answer(&text[span.inner])))
        .filter(|(_, answer)| !answer.is_empty())
        .last()
}

// ---------------------------------------------------------------------------------------------
// "The answer is X"

/// Words that start an answer phrase, each with the index of its rarest letter, which the
/// backward search looks for.
const PHRASE_WORDS: [(&[u8], usize); 3] = [(b"answer", 3), (b"option", 1), (b"choice", 0)];

/// The answer after the last answer phrase (see the module docs); if that answer is empty, none.
fn answer_phrase(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let (_, start) = PHRASE_WORDS
        .iter()
        .filter_map(|&(word, key)| last_phrase(b, word, key))
        .max()?;
    let answer = phrase_answer(text, start);
    (!answer.is_empty()).then_some(answer)
}

/// The last phrase that `word` begins: where the word starts and where its answer starts.
fn last_phrase(b: &[u8], word: &[u8], key: usize) -> Option<(usize, usize)> {
    let mut end = b.len();
    loop {
        let k = rfind_byte(&b[..end], |c| c | 0x20 == word[key])?;
        end = k;
        let Some(at) = k.checked_sub(key) else {
            continue;
        };
        if b.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            if let Some(start) = phrase_answer_start(b, at, word) {
                return Some((at, start));
            }
        }
    }
}

/// Where the answer starts if `word` at `at` begins an answer phrase: the word is followed by
/// `:`, `=` or "is", or it is a "final answer" heading alone on its line.
fn phrase_answer_start(b: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    let word_end = at + word.len();
    let is_word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    if (at > 0 && is_word(at - 1)) || is_word(word_end) {
        return None;
    }
    let p = skip_markup(b, word_end);
    match b.get(p) {
        Some(b':' | b'=') => Some(p + 1),
        Some(b'i' | b'I') if b.get(p + 1).is_some_and(|c| c | 0x20 == b's') && !is_word(p + 2) => {
            let q = skip_markup(b, p + 2);
            Some(if b.get(q) == Some(&b':') {
                q + 1
            } else {
                p + 2
            })
        }
        None | Some(b'\n' | b'\r') if word == b"answer" && after_final(b, at) => Some(p),
        _ => None,
    }
}

/// Past spaces, tabs and markdown emphasis.
fn skip_markup(b: &[u8], from: usize) -> usize {
    from + count_while(&b[from..], |c| matches!(c, b' ' | b'\t' | b'*'))
}

/// Whether "final" and at least one space come right before `at`.
fn after_final(b: &[u8], at: usize) -> bool {
    let word_end = at - b[..at].iter().rev().take_while(|&&c| c == b' ').count();
    word_end < at && word_end >= 5 && b[word_end - 5..word_end].eq_ignore_ascii_case(b"final")
}

/// The answer that starts at `start`: the rest of its sentence, reduced to its first math span if
/// it has one, without markdown bold and trailing punctuation.
fn phrase_answer(text: &str, start: usize) -> &str {
    let b = text.as_bytes();
    let start = start + count_while(&b[start..], |c| c.is_ascii_whitespace() || c == b'*');
    let sentence = &text[start..sentence_end(b, start)];
    if let Some(letter) = leading_choice(sentence) {
        return letter;
    }
    let first_span = MathSpans::new(sentence)
        .map(|span| unwrap_answer(&sentence[span.inner]))
        .find(|a| !a.is_empty());
    first_span.unwrap_or_else(|| {
        let trimmed =
            sentence.trim_end_matches(|c: char| c.is_whitespace() || ".,;:?*".contains(c));
        unwrap_answer(strip_stray_dollars(trimmed))
    })
}

/// "(B) because ..." names choice B; the explanation after it is not the answer.
fn leading_choice(sentence: &str) -> Option<&str> {
    let b = sentence.as_bytes();
    let is_choice = b.len() >= 3 && b[0] == b'(' && (b'A'..=b'J').contains(&b[1]) && b[2] == b')';
    let ends_there = b.get(3).is_none_or(|c| !c.is_ascii_alphanumeric());
    (is_choice && ends_there).then(|| &sentence[..3])
}

/// `s` without a `$` that opens or closes nothing at either end (`$\frac{1}{2}` -> `\frac{1}{2}`).
fn strip_stray_dollars(s: &str) -> &str {
    let s = s.trim_start_matches('$');
    match s.strip_suffix('$') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => s,
    }
}

/// Where the sentence starting at `start` ends: a line break, or a `.` followed by whitespace or
/// the end of the text, outside `$$...$$` and `\[...\]`.
fn sentence_end(b: &[u8], start: usize) -> usize {
    let mut display: Option<&[u8]> = None;
    let mut i = start;
    while i < b.len() {
        if let Some(close) = display {
            if b[i..].starts_with(close) {
                display = None;
                i += close.len();
                continue;
            }
        } else {
            let opens = match b[i..] {
                [b'\n', ..] => return i,
                [b'.'] | [b'.', b' ' | b'\t' | b'\r' | b'\n', ..] => return i,
                [b'$', b'$', ..] => Some(&b"$$"[..]),
                [b'\\', b'[', ..] => Some(&b"\\]"[..]),
                _ => None,
            };
            if opens.is_some() {
                display = opens;
                i += 2;
                continue;
            }
        }
        // An escape is two bytes long.
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    b.len()
}

// ---------------------------------------------------------------------------------------------
// Last number

/// The last number in `text`, as written: optional `-`, digits (with `,` thousands groups), an
/// optional decimal part, an optional `/denominator`, an optional `%` or `\%`; and where it
/// starts.
fn last_number(text: &str) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let last_digit = rfind_byte(b, |c| c.is_ascii_digit())?;
    // A number holds no byte outside this set before its final `%`, so scanning forward from the
    // start of the run around the last digit finds the same tokens as a scan of the whole text.
    let is_number_byte = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'/' | b'-');
    let run_start = rfind_byte(&b[..last_digit], |c| !is_number_byte(c)).map_or(0, |i| i + 1);
    let mut i = run_start;
    let mut last = None;
    while i <= last_digit {
        if b[i].is_ascii_digit() {
            let number = number_at(b, i);
            i = number.end;
            last = Some(number);
        } else {
            i += 1;
        }
    }
    last.map(|number| (number.start, &text[number]))
}

/// The number whose first digit is at `i`.
fn number_at(b: &[u8], i: usize) -> Range<usize> {
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let digits_end = |k: usize| k + count_while(&b[k..], |c| c.is_ascii_digit());
    // A minus sign, unless it is a binary minus after a value (`5-3`, `x-3`, `(a)-3`).
    let after_value = |k: usize| b[k].is_ascii_alphanumeric() || matches!(b[k], b')' | b']' | b'}');
    let negative = i > 0 && b[i - 1] == b'-' && !(i >= 2 && after_value(i - 2));
    let start = if negative { i - 1 } else { i };
    let mut end = digits_end(i);
    if end - i <= 3 {
        let group_at = |k: usize| b.get(k) == Some(&b',') && (1..=3).all(|d| digit_at(k + d));
        while group_at(end) && !digit_at(end + 4) {
            end += 4;
        }
    }
    for sep in [b'.', b'/'] {
        if b.get(end) == Some(&sep) && digit_at(end + 1) {
            end = digits_end(end + 1);
        }
    }
    if b.get(end) == Some(&b'%') {
        end += 1;
    } else if b[end..].starts_with(b"\\%") {
        end += 2;
    }
    start..end
}

// ---------------------------------------------------------------------------------------------
// Byte scans

/// Bytes tested per block, without branches, before looking inside a block that has a hit: the
/// compiler turns the block test into SIMD, which makes the scans several times faster.
const BLOCK: usize = 16;

/// Index of the first byte for which `hit` holds.
fn find_byte(b: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    // Hits are often close: try the first block byte by byte before switching to whole blocks.
    let head = b.len().min(BLOCK);
    if let Some(i) = b[..head].iter().position(|&c| hit(c)) {
        return Some(i);
    }
    let mut start = head;
    for block in b[head..].chunks_exact(BLOCK) {
        if block.iter().fold(false, |any, &c| any | hit(c)) {
            break;
        }
        start += BLOCK;
    }
    b[start..].iter().position(|&c| hit(c)).map(|i| start + i)
}

/// Index of the last byte for which `hit` holds.
fn rfind_byte(b: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut end = b.len();
    for block in b.rchunks_exact(BLOCK) {
        if block.iter().fold(false, |any, &c| any | hit(c)) {
            break;
        }
        end -= BLOCK;
    }
    b[..end].iter().rposition(|&c| hit(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn opts(fallback: ExtractFallback) -> ExtractOptions {
        ExtractOptions {
            think_after: false,
            require_boxed: false,
            fallback,
        }
    }

    fn all() -> ExtractOptions {
        opts(ExtractFallback::LastNumber)
    }

    /// The extracted text and method under the most permissive options.
    fn ex(response: &str) -> (Option<String>, &'static str) {
        let e = extract_answer(response, &all());
        (e.text, e.method.as_str())
    }

    fn boxed(response: &str) -> Option<String> {
        let e = extract_answer(response, &all());
        assert_eq!(e.method, ExtractMethod::Boxed, "{response:?} -> {e:?}");
        e.text
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    /// Runs `f` under a time limit that only a super-linear algorithm can miss. The inputs here
    /// take at most ~10 ms in a release build and ~0.5 s in an unoptimised one (which runs these
    /// byte loops 50-100x slower) on an idle core; a quadratic pass over them would take minutes.
    /// The limits leave room for a loaded shared machine.
    fn assert_fast<T>(what: &str, f: impl FnOnce() -> T) -> T {
        let limit = Duration::from_millis(if cfg!(debug_assertions) { 3000 } else { 100 });
        let t = Instant::now();
        let out = f();
        let took = t.elapsed();
        assert!(took < limit, "{what} took {took:?}, limit {limit:?}");
        out
    }

    #[test]
    fn known_commands_are_sorted_and_unique() {
        assert!(KNOWN_COMMANDS.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_COMMANDS.iter().all(|c| c.len() <= 16));
        assert!(KNOWN_COMMANDS
            .iter()
            .all(|c| starts_known_command(c.as_bytes(), 0)));
        assert!(!starts_known_command(b"fracx", 0) && !starts_known_command(b"", 0));
    }

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

    // --- boxes -----------------------------------------------------------------------------

    #[test]
    fn simple_box() {
        let e = extract_answer("So the result is \\boxed{42}.", &all());
        assert_eq!(e.text, some("42"));
        assert_eq!(e.method, ExtractMethod::Boxed);
        assert_eq!(e.reason, "found \\boxed{}");
    }

    #[test]
    fn nested_braces_in_box() {
        assert_eq!(boxed("\\boxed{\\frac{1}{2}}"), some("\\frac{1}{2}"));
        assert_eq!(
            boxed("x \\boxed{ \\sqrt{\\frac{a}{b^{2}}} } y"),
            some("\\sqrt{\\frac{a}{b^{2}}}")
        );
    }

    #[test]
    fn escaped_braces_do_not_count() {
        assert_eq!(boxed("\\boxed{\\{1, 2\\}}"), some("\\{1, 2\\}"));
        assert_eq!(boxed("\\boxed{\\}}"), some("\\}"));
        assert_eq!(boxed("\\boxed{\\{}"), some("\\{"));
    }

    #[test]
    fn last_box_wins() {
        assert_eq!(boxed("\\boxed{1} then \\boxed{2}"), some("2"));
        assert_eq!(boxed("\\boxed{1}, \\boxed{2}"), some("2"));
        assert_eq!(boxed("\\fbox{1} then \\boxed{2} then \\fbox{3}"), some("3"));
    }

    #[test]
    fn fbox_and_spacing() {
        assert_eq!(boxed("\\fbox{7}"), some("7"));
        assert_eq!(boxed("\\boxed {7}"), some("7"));
        assert_eq!(boxed("\\boxed\n{7}"), some("7"));
        assert_eq!(boxed("\\boxed{  7  }"), some("7"));
    }

    #[test]
    fn brace_less_box() {
        assert_eq!(boxed("so \\boxed 5."), some("5"));
        assert_eq!(boxed("\\boxed -3/4, done"), some("-3/4"));
        assert_eq!(boxed("$\\boxed 5$"), some("5"));
        assert_eq!(boxed("\\(\\boxed x\\)"), some("x"));
        assert_eq!(boxed("\\boxed \\frac{1}{2}"), some("\\frac{1}{2}"));
        assert_eq!(boxed("\\boxed5"), some("5"));
    }

    #[test]
    fn brace_less_prose_is_not_a_box() {
        assert_eq!(
            ex("write it in \\boxed format: 12"),
            (some("12"), "last_number")
        );
        let e = extract_answer("I use \\boxed notation", &opts(ExtractFallback::BoxedOnly));
        assert_eq!(e.text, None);
    }

    #[test]
    fn other_commands_are_not_boxes() {
        assert_eq!(ex("\\fboxsep{3} and \\boxedx{4}").1, "last_number");
        // A row separator followed by the word "boxed".
        let e = extract_answer("a \\\\ boxed{3}", &opts(ExtractFallback::BoxedOnly));
        assert_eq!(e.text, None);
        // An escaped backslash before `\boxed` does not hide it.
        assert_eq!(boxed("a \\\\\\boxed{3}"), some("3"));
    }

    #[test]
    fn nested_boxes_give_the_inner_content() {
        assert_eq!(boxed("\\boxed{\\boxed{3}}"), some("3"));
        assert_eq!(boxed("\\boxed{\\fbox{ $3$ }}"), some("3"));
    }

    #[test]
    fn dollars_inside_box_are_removed() {
        assert_eq!(boxed("\\boxed{$\\frac{1}{2}$}"), some("\\frac{1}{2}"));
        assert_eq!(boxed("\\boxed{$$x$$}"), some("x"));
        assert_eq!(boxed("\\boxed{\\(x\\)}"), some("x"));
        assert_eq!(boxed("\\boxed{$1$ or $2$}"), some("$1$ or $2$"));
    }

    #[test]
    fn box_inside_math() {
        assert_eq!(boxed("$$\\boxed{x = 2}$$"), some("x = 2"));
        assert_eq!(
            boxed("\\[ \\boxed{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}} \\]"),
            some("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}")
        );
    }

    #[test]
    fn unbalanced_last_box_falls_back_to_previous() {
        assert_eq!(
            boxed("\\boxed{5} and finally \\boxed{\\frac{1}{2"),
            some("5")
        );
        assert_eq!(boxed("\\boxed{5} \\boxed{\\boxed{6} \\frac{"), some("6"));
        // No complete box at all, and the fallbacks ignore the cut-off tail.
        assert_eq!(ex("\\boxed{\\frac{1}{2"), (None, "none"));
        assert_eq!(ex("so $x=3$ and \\boxed{4"), (some("x=3"), "math_span"));
        let e = extract_answer("\\boxed{12", &opts(ExtractFallback::BoxedOnly));
        assert_eq!(
            (e.text, e.method, e.reason),
            (None, ExtractMethod::None, "no answer found")
        );
    }

    #[test]
    fn stray_closing_brace_before_box() {
        assert_eq!(boxed("} } \\boxed{4} }"), some("4"));
        assert_eq!(boxed("{ { \\boxed{4}"), some("4"));
    }

    #[test]
    fn empty_box_is_skipped() {
        assert_eq!(boxed("\\boxed{8}. Put the answer in \\boxed{}"), some("8"));
        assert_eq!(boxed("\\boxed{8} \\boxed{ $ $ }"), some("8"));
        assert_eq!(ex("\\boxed{} and 3"), (some("3"), "last_number"));
    }

    #[test]
    fn unicode_next_to_boxes() {
        assert_eq!(boxed("答案是\\boxed{５}。"), some("５"));
        assert_eq!(boxed("é\\boxed{é}é"), some("é"));
        assert_eq!(boxed("∴ \\boxed{π/2}∎"), some("π/2"));
        assert_eq!(boxed("\\boxed{\\text{日本}}"), some("\\text{日本}"));
        assert_eq!(boxed("\\boxed ü"), some("ü"));
        assert_eq!(boxed("\\boxed{1} \\boxed{日本"), some("1"));
        assert_eq!(ex("\\\\é\\\\日 $\\(é"), (None, "none"));
        // Multi-byte characters right after every kind of backslash escape.
        for s in [
            "\\é",
            "\\\\é",
            "\\boxedé",
            "\\boxed é",
            "$\\é$",
            "\\(\\é\\)",
            "\\[é",
            "answer: é",
            "5\\é",
        ] {
            let _ = extract_answer(s, &all());
            let _ = strip_reference(s);
        }
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
                reason: "no </think> in response"
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
                reason: "no answer found"
            }
        );
        assert_eq!(extract_answer("", &all()).text, None);
        assert_eq!(extract_answer("   \n ", &all()).text, None);
    }

    // --- "answer is" -----------------------------------------------------------------------

    fn answer_is(text: &str) -> Option<String> {
        let e = extract_answer(text, &opts(ExtractFallback::AnswerIs));
        if e.text.is_some() {
            assert_eq!(e.method, ExtractMethod::AnswerIs);
        }
        e.text
    }

    #[test]
    fn answer_phrases() {
        assert_eq!(answer_is("Thus the answer is 12."), some("12"));
        assert_eq!(
            answer_is("The final answer is $\\frac{1}{2}$. I hope"),
            some("\\frac{1}{2}")
        );
        assert_eq!(answer_is("Final answer: 3.5"), some("3.5"));
        assert_eq!(answer_is("ANSWER: -4\nmore text"), some("-4"));
        assert_eq!(answer_is("**Answer:** 17"), some("17"));
        assert_eq!(answer_is("**Answer**: **17**."), some("17"));
        assert_eq!(answer_is("The answer is: (B)"), some("(B)"));
        assert_eq!(answer_is("answer = 6"), some("6"));
        assert_eq!(answer_is("the answer is \\(x=3\\). Done."), some("x=3"));
        assert_eq!(answer_is("the answer is 5!."), some("5!"));
    }

    #[test]
    fn last_answer_phrase_wins() {
        assert_eq!(
            answer_is("The answer is 1. Wait, no. The answer is 2."),
            some("2")
        );
        // Words containing "answer" are not phrases, and do not hide an earlier one.
        assert_eq!(
            answer_is("The answer is 4. Answered! answers are nice"),
            some("4")
        );
        assert_eq!(answer_is("I answer quickly: no"), None);
    }

    #[test]
    fn minerva_style_answer() {
        let text = "Final Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct.";
        assert_eq!(answer_is(text), some("-\\frac{2}{3}"));
    }

    #[test]
    fn answer_on_following_lines() {
        assert_eq!(answer_is("**Final Answer**\n\n$42$\n"), some("42"));
        assert_eq!(answer_is("## Final Answer\n7 apples"), some("7 apples"));
        assert_eq!(
            answer_is("The final answer is:\n$$\n\\frac{3}{4}\n$$\nThanks."),
            some("\\frac{3}{4}")
        );
        assert_eq!(answer_is("Answer:\n\n  9"), some("9"));
        // A heading needs "final"; an empty last phrase means no answer at this level.
        assert_eq!(answer_is("Answer\n9"), None);
        assert_eq!(answer_is("The answer is 3. The answer is."), None);
    }

    #[test]
    fn answer_is_choice_letter_before_its_explanation() {
        let r = "The answer is (B) because the area is $\\frac{5 \\cdot 12}{2} = 30$.";
        assert_eq!(ex(r).0.as_deref(), Some("(B)"));
    }

    #[test]
    fn answer_decimal_point_is_not_sentence_end() {
        assert_eq!(answer_is("the answer is 3.14159."), some("3.14159"));
        assert_eq!(answer_is("the answer is 0.5. Next"), some("0.5"));
        assert_eq!(answer_is("the answer is x.\nnext"), some("x"));
    }

    #[test]
    fn option_and_choice_phrases() {
        assert_eq!(
            answer_is("It matches choice (B). The correct option is (B)."),
            some("(B)")
        );
        assert_eq!(answer_is("So the correct choice is: C"), some("C"));
        assert_eq!(
            answer_is("The answer is C. Each option is fine"),
            some("fine")
        );
        assert_eq!(answer_is("which matches choice (D); done"), None);
    }

    #[test]
    fn stray_dollars_in_phrase_answer() {
        assert_eq!(
            answer_is("The answer is $\\frac{1}{2}."),
            some("\\frac{1}{2}")
        );
        assert_eq!(answer_is("The answer is 5$."), some("5"));
        assert_eq!(answer_is("The answer is 5\\$."), some("5\\$"));
    }

    // --- math spans ------------------------------------------------------------------------

    fn span(text: &str) -> Option<String> {
        let e = extract_answer(text, &opts(ExtractFallback::MathSpan));
        if e.text.is_some() {
            assert_eq!(e.method, ExtractMethod::MathSpan, "{text:?}");
        }
        e.text
    }

    #[test]
    fn math_span_kinds() {
        assert_eq!(span("so $x = 1$ and $y$"), some("y"));
        assert_eq!(span("so $$ \\frac{1}{2} $$ done"), some("\\frac{1}{2}"));
        assert_eq!(span("so \\(a\\) then \\[ b \\] end"), some("b"));
        assert_eq!(span("so \\[\n a \\\\ b\n\\]"), some("a \\\\ b"));
    }

    #[test]
    fn math_span_escapes_and_strays() {
        assert_eq!(span("costs \\$5, so $x$"), some("x"));
        assert_eq!(span("$a \\$ b$"), some("a \\$ b"));
        // A `$` whose span would cross a line is literal.
        assert_eq!(span("$3\nthen $z$ and $4"), some("z"));
        assert_eq!(span("\\( unclosed $w$"), some("w"));
        assert_eq!(span("$$ unclosed $w$"), some("w"));
        assert_eq!(span("$x$ then $ $"), some("x"));
        assert_eq!(span("$$$$"), None);
    }

    #[test]
    fn a_number_after_the_last_span_wins() {
        let text = "Note $\\sqrt{361} = 19$. Adding up, the total comes to -3.";
        assert_eq!(ex(text), (some("-3"), "last_number"));
        assert_eq!(span(text), some("\\sqrt{361} = 19"));
        assert_eq!(
            ex("we get $\\frac{5}{12}$."),
            (some("\\frac{5}{12}"), "math_span")
        );
        assert_eq!(ex("first 3, then $x+1$"), (some("x+1"), "math_span"));
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

    // --- last number -----------------------------------------------------------------------

    fn number(text: &str) -> Option<String> {
        let e = extract_answer(text, &all());
        if e.text.is_some() {
            assert_eq!(e.method, ExtractMethod::LastNumber, "{text:?}");
        }
        e.text
    }

    #[test]
    fn last_number_forms() {
        assert_eq!(number("we have 3 cats and 4 dogs"), some("4"));
        assert_eq!(number("total -1,234.5 units"), some("-1,234.5"));
        assert_eq!(number("about 3/4 of it"), some("3/4"));
        assert_eq!(number("rate 45% now"), some("45%"));
        assert_eq!(number("rate 45\\% now"), some("45\\%"));
        assert_eq!(number("x = -7."), some("-7"));
        assert_eq!(number("5-3"), some("3"));
        assert_eq!(number("x-3"), some("3"));
        assert_eq!(number("1,2,3"), some("3"));
        assert_eq!(number("12,345,678 people"), some("12,345,678"));
        assert_eq!(number("1234,567"), some("567"));
        assert_eq!(number("v1.2.3"), some("3"));
        assert_eq!(number("value 10."), some("10"));
        assert_eq!(number("(-3)"), some("-3"));
        assert_eq!(number("٣ arabic digits are not ASCII 2 ٣"), some("2"));
    }

    // --- doubled backslashes ---------------------------------------------------------------

    #[test]
    fn doubled_backslashes_are_undone_before_commands() {
        assert_eq!(boxed("\\\\boxed{\\\\frac{1}{2}}"), some("\\frac{1}{2}"));
        assert_eq!(
            boxed("\\\\boxed{\\\\sqrt{2} \\\\cdot \\\\pi}"),
            some("\\sqrt{2} \\cdot \\pi")
        );
        assert_eq!(boxed("\\\\boxed{50\\\\%}"), some("50\\%"));
        assert_eq!(boxed("\\\\fbox{\\\\alpha}"), some("\\alpha"));
        assert_eq!(span("\\\\( \\\\frac{1}{3} \\\\)"), some("\\frac{1}{3}"));
        assert_eq!(boxed("\\\\boxed{\\\\{1, 2\\\\}}"), some("\\{1, 2\\}"));
    }

    #[test]
    fn row_separators_survive() {
        let m = "\\boxed{\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}}";
        assert_eq!(
            boxed(m),
            some("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}")
        );
        // Row separator directly followed by a command: three backslashes stay three.
        let m = "\\boxed{\\begin{matrix} a \\\\\\frac{1}{2} \\end{matrix}}";
        assert_eq!(
            boxed(m),
            some("\\begin{matrix} a \\\\\\frac{1}{2} \\end{matrix}")
        );
        // Undoubled text: `\\{` and `\\(` after a row separator are left alone.
        assert_eq!(
            strip_reference("\\begin{cases} a \\\\{b} \\end{cases}"),
            "\\begin{cases} a \\\\{b} \\end{cases}"
        );
    }

    #[test]
    fn undoubling_unit() {
        assert_eq!(undouble_backslashes("\\frac{1}{2}"), "\\frac{1}{2}");
        assert!(matches!(undouble_backslashes("a \\\\ b"), Cow::Borrowed(_)));
        assert_eq!(undouble_backslashes("\\\\frac"), "\\frac");
        assert_eq!(undouble_backslashes("\\\\\\\\frac"), "\\frac");
        assert_eq!(undouble_backslashes("\\\\\\frac"), "\\\\\\frac");
        assert_eq!(undouble_backslashes("\\\\int \\\\infty"), "\\int \\infty");
        assert_eq!(undouble_backslashes("\\\\interesting"), "\\\\interesting");
        // Evidently doubled text: escaped symbols and doubled row separators too.
        assert_eq!(
            undouble_backslashes("\\\\pi \\\\{ \\\\\\\\ \\\\$"),
            "\\pi \\{ \\\\ \\$"
        );
        // Not evidently doubled: those stay.
        assert_eq!(undouble_backslashes("a \\\\{ \\\\\\\\"), "a \\\\{ \\\\\\\\");
        assert_eq!(undouble_backslashes("日\\\\pi日"), "日\\pi日");
        assert_eq!(undouble_backslashes("\\\\"), "\\\\");
    }

    // --- strip_reference -------------------------------------------------------------------

    #[test]
    fn strip_reference_wrappers() {
        assert_eq!(strip_reference("\\frac{1}{2}"), "\\frac{1}{2}");
        assert_eq!(strip_reference("  $\\frac{1}{2}$ "), "\\frac{1}{2}");
        assert_eq!(strip_reference("$$3$$"), "3");
        assert_eq!(strip_reference("\\(3\\)"), "3");
        assert_eq!(strip_reference("\\[ 3 \\]"), "3");
        assert_eq!(strip_reference("\\boxed{3}"), "3");
        assert_eq!(strip_reference("$\\boxed{\\(x^2\\)}$"), "x^2");
        assert_eq!(
            strip_reference("\\[\\boxed{ $$ \\{1,2\\} $$ }\\]"),
            "\\{1,2\\}"
        );
        assert_eq!(strip_reference("The answer is \\boxed{5}."), "5");
        assert_eq!(
            strip_reference("\\\\boxed{\\\\frac{\\\\pi}{2}}"),
            "\\frac{\\pi}{2}"
        );
        assert_eq!(strip_reference("$1$ and $2$"), "$1$ and $2$");
        assert_eq!(
            strip_reference("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}"),
            "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}"
        );
        assert_eq!(strip_reference("\\boxed{}"), "");
        assert_eq!(strip_reference(""), "");
        assert_eq!(strip_reference("\\boxed{3"), "\\boxed{3");
        assert_eq!(strip_reference("$é$"), "é");
    }

    #[test]
    fn brace_groups_and_line_breaks_are_unwrapped() {
        assert_eq!(unwrap_answer("{{5}}"), "5");
        assert_eq!(unwrap_answer("{ {\\{1\\}} }"), "\\{1\\}");
        assert_eq!(unwrap_answer("{a}{b}"), "{a}{b}");
        assert_eq!(unwrap_answer("{{a}+{b}}"), "{a}+{b}");
        assert_eq!(unwrap_answer("{\\}"), "{\\}");
        assert_eq!(unwrap_answer("7 \\\\"), "7");
        assert_eq!(unwrap_answer("7 \\\\ \\\\"), "7");
        assert_eq!(unwrap_answer("7\\\\\\"), "7\\\\\\");
        assert_eq!(unwrap_answer("7\\\\\\\\"), "7\\\\\\\\");
        assert_eq!(boxed("\\[ \\boxed{ 7 \\\\ } \\]"), some("7"));
        assert_eq!(boxed("\\boxed{{(1,2)}}"), some("(1,2)"));
    }

    #[test]
    fn unwrapping_is_bounded() {
        let nest = |n: usize| format!("{}7{}", "\\fbox{".repeat(n), "}".repeat(n));
        assert_eq!(unwrap_answer(&nest(20)), nest(20 - MAX_WRAPPERS));
        assert_eq!(unwrap_answer("$\\(\\[ 7 \\]\\)$"), "7");
        assert_eq!(unwrap_answer("\\boxed 5"), "5");
        assert_eq!(unwrap_answer("\\boxed 5}"), "\\boxed 5}");
        assert_eq!(unwrap_answer("\\boxed{5}}"), "\\boxed{5}}");
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
                reason: "answer longer than 10000 bytes"
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
        assert!(e.text.is_some());
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
