//! Grading options shared by every entry point (Python keyword arguments map onto these).

/// Which part of the response holds the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Think {
    /// The whole response.
    Ignore,
    /// Only the text after the first `</think>`; a response without one is wrong (ReLIFT reference).
    After,
}

/// How far extraction falls back when the response has no `\boxed{}`; each level includes the
/// ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExtractFallback {
    /// Only `\boxed{...}` / `\fbox{...}`.
    BoxedOnly,
    /// ... then "the answer is X".
    AnswerIs,
    /// ... then the last `$...$` / `\(...\)` / `\[...\]` span.
    MathSpan,
    /// ... then the last number in the text.
    LastNumber,
}

/// When the reference is a decimal literal such as `0.33` and the response is an exact value
/// that is not a terminating decimal of its own (`1/3`, `\pi/4`), may the response be rounded?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Never: values must agree within `float_tolerance`.
    Exact,
    /// Round the response to the reference's number of decimal places, whatever they are (so
    /// `0.3` accepts `\frac13`).
    ReferencePrecision,
    /// Round as `ReferencePrecision`, but only when the reference is precise: at least
    /// [`MIN_ROUNDED_PLACES`] decimal places or [`MIN_ROUNDED_DIGITS`] significant digits.
    /// `0.33`, `12.57` and `33.3` are deliberate roundings that accept `\frac13`, `4\pi` and
    /// `\frac{100}{3}`; `0.3` and `1.4` are too coarse to tell an exact answer from a near miss
    /// (one chance in ten), so they reject `\frac13` and `\sqrt2`. The default: what a careful
    /// grader signs.
    Precise,
}

/// A decimal reference with this many places is precise enough to round to (see
/// [`Rounding::Precise`]).
pub const MIN_ROUNDED_PLACES: u32 = 2;

/// ... and so is one with this many significant digits.
pub const MIN_ROUNDED_DIGITS: usize = 3;

/// The fewest decimal places a decimal response needs to stand for an exact reference it rounds
/// (`0.333333` for `\frac13`, `4.123106` for `\sqrt{17}`; not `3.14159` for `\pi`), under every
/// rounding policy but `Exact`: a calculator's six places, not a hand-rounded estimate.
pub const MIN_APPROXIMATION_PLACES: u32 = 6;

/// How a trailing percent sign is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// `50\%` equals `50` and `0.5`.
    Either,
    /// `50\%` equals only `0.5` (and `50\%`).
    Strict,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub think: Think,
    pub require_boxed: bool,
    pub extract_fallback: ExtractFallback,
    /// Relative tolerance for values that are not both exact; 0 means "equal within the error
    /// bounds of ball arithmetic".
    pub float_tolerance: f64,
    pub rounding: Rounding,
    pub percent: Percent,
    /// Work units one item may spend (parsing, arithmetic, comparisons) before it is `Unknown`.
    pub work_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            think: Think::Ignore,
            require_boxed: false,
            extract_fallback: ExtractFallback::LastNumber,
            float_tolerance: 1e-9,
            rounding: Rounding::Precise,
            percent: Percent::Either,
            work_budget: 200_000,
        }
    }
}

/// What `extract::extract_answer` reads from [`Options`]. It lives here, with the option types it
/// is made of, so that `options` depends on nothing and `extract` depends on `options`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Only the text after the first `</think>` counts; without one there is no answer.
    pub think_after: bool,
    /// Only a `\boxed{}` / `\fbox{}` answer counts.
    pub require_boxed: bool,
    /// How far to fall back when there is no box.
    pub fallback: ExtractFallback,
}

impl Options {
    pub fn extract_options(&self) -> ExtractOptions {
        ExtractOptions {
            think_after: self.think == Think::After,
            require_boxed: self.require_boxed,
            fallback: self.extract_fallback,
        }
    }
}
