//! Finding the last complete `\boxed{...}` / `\fbox{...}` (also `\boxed {x}` and `\boxed 5`)
//! and its argument, with escaped braces and unclosed boxes handled in linear time.

use std::ops::Range;

use super::backslashes::{count_while, letters_end};
use super::scan::find_byte;
use super::wrappers::unwrap_answer;

/// The argument of a box command: the position of its `{`, or a brace-less token.
pub(super) enum BoxArg {
    Braced(usize),
    Bare(Range<usize>),
}

/// The unwrapped content of the last complete, non-empty box in `text`.
pub(super) fn last_boxed(text: &str) -> Option<&str> {
    complete_boxes_rev(text).next().map(|found| found.answer)
}

/// The last box's answer, and the boxes answering together with it, in text order: the last
/// box and the boxes before it that only connectors separate (`$\boxed{-3}$ and $\boxed{8}$`,
/// `\boxed{1},\boxed{2}`, `$a=\boxed{2}$, $b=\boxed{3}$`). The group holds at most [`MAX_GROUP`]
/// boxes, and is empty when no other box joins the last one; also where the last box ends. One
/// backward search finds all three.
pub(super) fn last_box_and_group(text: &str) -> Option<(&str, Vec<String>, usize)> {
    let mut boxes = complete_boxes_rev(text);
    let last = boxes.next()?;
    let answer = last.answer;
    if !box_may_end_before(text, last.start) {
        // The common case: one box, after prose; no need to look further back.
        return Some((answer, vec![], last.end));
    }
    let mut group = vec![with_assigned_name(text, &last)];
    let mut group_start = last.start;
    for found in boxes {
        if found.end > group_start || !is_connector(&text[found.end..group_start]) {
            break; // a box nested in the group, or prose before it
        }
        group.push(with_assigned_name(text, &found));
        group_start = found.start;
        if group.len() == MAX_GROUP {
            break;
        }
    }
    if group.len() < 2 {
        group.clear();
    }
    group.reverse();
    Some((answer, group, last.end))
}

/// Whether an earlier box can end in the connector-sized window before `start`: the window holds
/// a `}` (a braced box's end) or "box" (a brace-less box). A cheap test that spares a backward
/// search through the whole response.
fn box_may_end_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(MAX_GAP + 1);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..start];
    window.contains('}') || window.contains("box")
}

/// The longest text between two boxes of one group.
const MAX_GAP: usize = 48;

/// The most boxes one answer group gathers.
const MAX_GROUP: usize = 16;

/// The content of the last 17 complete, non-empty boxes in `text`, in text order, each with
/// the name it is assigned to (see [`with_assigned_name`]).
pub(super) fn all_boxes(text: &str) -> Vec<String> {
    // Callers want a handful; one more than they take tells them there were too many.
    let mut boxes: Vec<String> = complete_boxes_rev(text)
        .take(17)
        .map(|f| with_assigned_name(text, &f))
        .collect();
    boxes.reverse();
    boxes
}

/// A box's answer, with the name written right before it when the box is its value:
/// `$a = \boxed{2}$` gives `a = 2`, so that parts keep their names (`a = 2, b = -5`).
fn with_assigned_name(text: &str, found: &FoundBox) -> String {
    let before = text[..found.start].trim_end_matches([' ', '$']);
    let Some(before_eq) = before.strip_suffix('=') else {
        return found.answer.to_string();
    };
    let before_eq = before_eq.trim_end();
    // The name: a letter, optionally with a subscript (`x_2`, `x_{2}`), after a non-letter.
    let b = before_eq.as_bytes();
    let mut start = b.len();
    while start > 0 && (b[start - 1].is_ascii_alphanumeric() || b"_{}".contains(&b[start - 1])) {
        start -= 1;
    }
    let name = &before_eq[start..];
    match assignment_prefix(&format!("{name}=")) {
        Some("") if !name.is_empty() => format!("{name} = {}", found.answer),
        _ => found.answer.to_string(),
    }
}

/// A complete, non-empty box: its unwrapped answer and the byte range of the whole command.
struct FoundBox<'a> {
    answer: &'a str,
    start: usize,
    end: usize,
}

/// The complete, non-empty boxes of `text`, the one that starts last first.
fn complete_boxes_rev(text: &str) -> impl Iterator<Item = FoundBox<'_>> + '_ {
    let b = text.as_bytes();
    // A `{` that never closes also keeps every earlier `{` from closing after it, so the brace
    // matching of earlier boxes can stop there; this keeps 100k unclosed boxes linear.
    let mut limit = b.len();
    box_commands_rev(text).filter_map(move |at| {
        let (content, end) = match box_argument(b, at)? {
            BoxArg::Braced(open) => match matching_brace(b, open, limit) {
                Some(close) => (&text[open + 1..close], close + 1),
                None => {
                    limit = limit.min(open);
                    return None;
                }
            },
            BoxArg::Bare(token) => (&text[token.clone()], token.end),
        };
        let answer = unwrap_answer(content);
        (!answer.is_empty()).then_some(FoundBox {
            answer,
            start: at,
            end,
        })
    })
}

/// Whether `gap`, the text between two boxes, only joins them: white space, math delimiters,
/// `,` `;` `&`, "and" / "or" (bare or in `\text{}`), spacing commands, and a short assignment
/// such as `b =` or `x_2 =` in front of the next box.
pub(super) fn is_connector(gap: &str) -> bool {
    const JOINERS: &[&str] = &[
        "$",
        "\\(",
        "\\)",
        "\\[",
        "\\]",
        ",",
        ";",
        "&",
        "\\quad",
        "\\qquad",
        "\\,",
        "\\;",
        "\\text{",
        "\\mbox{",
        "\\textrm{",
        "}",
        "and",
        "or",
        "\\text",
        "\\\\",
    ];
    if gap.len() > MAX_GAP {
        return false;
    }
    let mut rest = gap.trim_start();
    while !rest.is_empty() {
        if let Some(joiner) = JOINERS.iter().find(|j| starts_with_word(rest, j)) {
            rest = rest[joiner.len()..].trim_start();
        } else if let Some(after) = assignment_prefix(rest) {
            rest = after.trim_start();
        } else {
            return false;
        }
    }
    true
}

/// `rest` starts with `joiner`, and a word joiner ("and") is not the start of a longer word.
fn starts_with_word(rest: &str, joiner: &str) -> bool {
    let b = rest.as_bytes();
    let is_word = joiner.bytes().all(|c| c.is_ascii_alphabetic());
    b.len() >= joiner.len()
        && b[..joiner.len()].eq_ignore_ascii_case(joiner.as_bytes())
        && !(is_word && b.get(joiner.len()).is_some_and(u8::is_ascii_alphanumeric))
}

/// `x =`, `b=`, `x_2 =`, `x_{2} =` at the start of `rest`: what follows it.
fn assignment_prefix(rest: &str) -> Option<&str> {
    let b = rest.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = 1;
    if b.get(i) == Some(&b'_') {
        i += 1;
        let braced = b.get(i) == Some(&b'{');
        i += usize::from(braced);
        i += count_while(&b[i..], |c| c.is_ascii_alphanumeric());
        if braced {
            (b.get(i) == Some(&b'}')).then_some(())?;
            i += 1;
        }
    }
    i += count_while(&b[i..], |c| c == b' ');
    (b.get(i) == Some(&b'=')).then(|| &rest[i + 1..])
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
pub(super) fn box_argument(b: &[u8], at: usize) -> Option<BoxArg> {
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
pub(super) fn matching_brace(b: &[u8], open: usize, limit: usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use crate::verify::extract::test_support::{all, boxed, ex, opts, some};
    use crate::verify::extract::{extract_answer, strip_reference, ExtractMethod};
    use crate::verify::options::ExtractFallback;

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
}
