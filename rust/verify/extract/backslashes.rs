//! Undoing JSON-style doubled backslashes (`\\frac` -> `\frac`) before anything else looks at
//! the text; the known-command table and its packed search keys live here.

use std::borrow::Cow;
use std::ops::Range;

use super::scan::find_byte;

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
pub(super) fn undouble_backslashes(text: &str) -> Cow<'_, str> {
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
pub(super) fn letters_end(b: &[u8], from: usize) -> usize {
    from + count_while(&b[from..], |c| c.is_ascii_alphabetic())
}

pub(super) fn count_while(b: &[u8], keep: impl Fn(u8) -> bool) -> usize {
    b.iter().take_while(|&&c| keep(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::extract::strip_reference;
    use crate::verify::extract::test_support::{boxed, some, span};

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
}
