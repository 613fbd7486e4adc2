//! Math spans (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`): the `MathSpan` fallback, and the
//! span scanner that unwrapping and answer phrases share.

use std::ops::Range;

use super::boxes::is_connector;
use super::scan::find_byte;
use super::wrappers::unwrap_answer;

/// One math span: `outer` includes the delimiters, `inner` is the content.
pub(super) struct Span {
    pub(super) outer: Range<usize>,
    pub(super) inner: Range<usize>,
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
pub(super) struct MathSpans<'a> {
    b: &'a [u8],
    pos: usize,
    unclosed: [bool; 4],
}

impl<'a> MathSpans<'a> {
    pub(super) fn new(text: &'a str) -> Self {
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
/// Math spans answering together, in order: the last span and the spans before it that only
/// connectors with an "or" or "and" separate (`we get $x = 4$ or $x = -\frac12$`); at most 16.
pub(super) fn final_span_group(text: &str) -> Vec<String> {
    let spans: Vec<Span> = MathSpans::new(text).collect();
    let mut group: Vec<String> = Vec::new();
    let mut next_start = usize::MAX;
    for span in spans.iter().rev() {
        // In prose a comma alone joins a condition to a result ("Since $n > 0$, $n = 7$"):
        // spans answer together only when "or" / "and" joins them.
        let gap = &text[span.outer.end..next_start.min(text.len())];
        let worded = gap.contains(" or ") || gap.contains(" and ");
        if next_start != usize::MAX && !(is_connector(gap) && worded) {
            break;
        }
        let answer = unwrap_answer(&text[span.inner.clone()]);
        if answer.is_empty() || group.len() == 16 {
            break;
        }
        group.push(answer.to_string());
        next_start = span.outer.start;
    }
    group.reverse();
    group
}

/// The last non-empty math span: its byte range (delimiters included) and its unwrapped content.
pub(super) fn last_math_span_at(text: &str) -> Option<(std::ops::Range<usize>, &str)> {
    MathSpans::new(text)
        .map(|span| (span.outer.clone(), unwrap_answer(&text[span.inner])))
        .filter(|(_, answer)| !answer.is_empty())
        .last()
}

#[cfg(test)]
mod tests {
    use crate::verify::extract::test_support::{ex, some, span};

    // --- math spans ------------------------------------------------------------------------

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
}
