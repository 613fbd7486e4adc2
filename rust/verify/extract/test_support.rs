//! Helpers shared by the unit tests of the `extract` submodules: option presets, extraction
//! shorthands, and a time limit that only a super-linear algorithm can miss.

use std::time::{Duration, Instant};

use super::{extract_answer, ExtractMethod};
use crate::verify::options::{ExtractFallback, ExtractOptions};

pub(super) fn opts(fallback: ExtractFallback) -> ExtractOptions {
    ExtractOptions {
        think_after: false,
        require_boxed: false,
        fallback,
    }
}

pub(super) fn all() -> ExtractOptions {
    opts(ExtractFallback::LastNumber)
}

/// The extracted text and method under the most permissive options.
pub(super) fn ex(response: &str) -> (Option<String>, &'static str) {
    let e = extract_answer(response, &all());
    (e.text, e.method.as_str())
}

pub(super) fn boxed(response: &str) -> Option<String> {
    let e = extract_answer(response, &all());
    assert_eq!(e.method, ExtractMethod::Boxed, "{response:?} -> {e:?}");
    e.text
}

pub(super) fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// Runs `f` under a time limit that only a super-linear algorithm can miss. The inputs here
/// take at most ~10 ms in a release build and ~0.5 s in an unoptimised one (which runs these
/// byte loops 50-100x slower) on an idle core; a quadratic pass over them would take minutes.
/// The limits leave room for a loaded shared machine.
pub(super) fn assert_fast<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let limit = Duration::from_millis(if cfg!(debug_assertions) { 3000 } else { 100 });
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    assert!(took < limit, "{what} took {took:?}, limit {limit:?}");
    out
}

pub(super) fn span(text: &str) -> Option<String> {
    let e = extract_answer(text, &opts(ExtractFallback::MathSpan));
    if e.text.is_some() {
        assert_eq!(e.method, ExtractMethod::MathSpan, "{text:?}");
    }
    e.text
}
