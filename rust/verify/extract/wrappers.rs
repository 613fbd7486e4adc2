//! Unwrapping an answer: trimming and removing what encloses all of it (math delimiters,
//! boxes, brace groups, a trailing `\\`), in a bounded number of steps.

use super::backslashes::count_while;
use super::boxes::{box_argument, matching_brace, BoxArg};
use super::spans::MathSpans;

/// How many enclosing wrappers one answer may lose; bounds the work spent unwrapping.
const MAX_WRAPPERS: usize = 8;

/// `s` trimmed, without what encloses all of it: `$..$`, `$$..$$`, `\(..\)`, `\[..\]`,
/// `\boxed{..}`, `\fbox{..}`, brace groups, a trailing `\\` and markdown bold, in at most
/// [`MAX_WRAPPERS`] steps.
pub(super) fn unwrap_answer(s: &str) -> &str {
    let mut s = s.trim();
    for _ in 0..MAX_WRAPPERS {
        let inner = strip_wrapper(s)
            .or_else(|| strip_brace_layers(s))
            .or_else(|| strip_line_break(s))
            .or_else(|| strip_bold(s));
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

/// `s` without markdown bold around all of it (`**120**`, `__120__`).
fn strip_bold(s: &str) -> Option<&str> {
    ["**", "__"].iter().find_map(|m| {
        let inner = s.strip_prefix(m)?.strip_suffix(m)?;
        (!inner.trim().is_empty() && !inner.contains(m)).then_some(inner)
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::extract::strip_reference;
    use crate::verify::extract::test_support::{boxed, some};

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
    fn markdown_bold_is_unwrapped() {
        assert_eq!(unwrap_answer("__120__"), "120");
        assert_eq!(unwrap_answer("**$x=2$**"), "x=2");
        assert_eq!(unwrap_answer("____"), "____");
        assert_eq!(unwrap_answer("__init__ x"), "__init__ x");
        assert_eq!(unwrap_answer("__a__ + __b__"), "__a__ + __b__");
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
}
