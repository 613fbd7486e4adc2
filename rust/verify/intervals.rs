//! Subsets of the real line as sorted, disjoint lists of intervals with numeric endpoints, so
//! that `(0,1] \cup [1,2)`, `(0,2) \setminus \{1\}` and `x<1 \text{ or } x>2` compare by the set
//! they describe rather than by how they are written.

use std::cmp::Ordering;

use super::num::{approx_eq, cmp_real, Num, Tri};

/// One interval; `None` is an infinite end.
#[derive(Debug, Clone)]
pub struct Span {
    pub lo: Option<Num>,
    pub hi: Option<Num>,
    pub lo_closed: bool,
    pub hi_closed: bool,
}

/// `None` when two endpoints cannot be ordered (complex, or too close to tell).
type Maybe<T> = Option<T>;

fn cmp(a: &Num, b: &Num) -> Maybe<Ordering> {
    match approx_eq(a, b, 0.0) {
        Tri::True => Some(Ordering::Equal),
        _ => cmp_real(a, b),
    }
}

/// Lower ends: -inf first; at the same value a closed end starts earlier.
fn cmp_lo(a: &Span, b: &Span) -> Maybe<Ordering> {
    match (&a.lo, &b.lo) {
        (None, None) => Some(Ordering::Equal),
        (None, Some(_)) => Some(Ordering::Less),
        (Some(_), None) => Some(Ordering::Greater),
        (Some(x), Some(y)) => Some(cmp(x, y)?.then(b.lo_closed.cmp(&a.lo_closed))),
    }
}

/// Upper ends: +inf last; at the same value a closed end finishes later.
fn cmp_hi(a: &Span, b: &Span) -> Maybe<Ordering> {
    match (&a.hi, &b.hi) {
        (None, None) => Some(Ordering::Equal),
        (None, Some(_)) => Some(Ordering::Greater),
        (Some(_), None) => Some(Ordering::Less),
        (Some(x), Some(y)) => Some(cmp(x, y)?.then(a.hi_closed.cmp(&b.hi_closed))),
    }
}

fn is_empty(s: &Span) -> Maybe<bool> {
    match (&s.lo, &s.hi) {
        (Some(lo), Some(hi)) => Some(match cmp(lo, hi)? {
            Ordering::Less => false,
            Ordering::Equal => !(s.lo_closed && s.hi_closed),
            Ordering::Greater => true,
        }),
        _ => Some(false),
    }
}

/// Does `a` (ending first) overlap or touch `b` so that their union is one interval?
fn joins(a: &Span, b: &Span) -> Maybe<bool> {
    match (&a.hi, &b.lo) {
        (None, _) | (_, None) => Some(true),
        (Some(hi), Some(lo)) => Some(match cmp(lo, hi)? {
            Ordering::Less => true,
            Ordering::Equal => a.hi_closed || b.lo_closed,
            Ordering::Greater => false,
        }),
    }
}

/// Sort and merge into disjoint intervals.
pub fn normalize(mut spans: Vec<Span>) -> Maybe<Vec<Span>> {
    let mut keep = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if !is_empty(&s)? {
            keep.push(s);
        }
    }
    let mut failed = false;
    keep.sort_by(|a, b| {
        cmp_lo(a, b).unwrap_or_else(|| {
            failed = true;
            Ordering::Equal
        })
    });
    if failed {
        return None;
    }
    let mut out: Vec<Span> = Vec::with_capacity(keep.len());
    for s in keep {
        match out.last_mut() {
            Some(last) if joins(last, &s)? => {
                if cmp_hi(&s, last)? == Ordering::Greater {
                    last.hi = s.hi;
                    last.hi_closed = s.hi_closed;
                }
            }
            _ => out.push(s),
        }
    }
    Some(out)
}

fn intersect_pair(a: &Span, b: &Span) -> Maybe<Span> {
    let lo_from = if cmp_lo(a, b)? == Ordering::Less {
        b
    } else {
        a
    };
    let hi_from = if cmp_hi(a, b)? == Ordering::Greater {
        b
    } else {
        a
    };
    Some(Span {
        lo: lo_from.lo.clone(),
        hi: hi_from.hi.clone(),
        lo_closed: lo_from.lo_closed,
        hi_closed: hi_from.hi_closed,
    })
}

pub fn intersect(a: &[Span], b: &[Span]) -> Maybe<Vec<Span>> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            out.push(intersect_pair(x, y)?);
        }
    }
    normalize(out)
}

/// The real line minus a normalized set.
pub fn complement(a: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut lo: Option<Num> = None;
    let mut lo_closed = false;
    let mut starts_at_minus_infinity = true;
    for s in a {
        if s.lo.is_some() || !starts_at_minus_infinity {
            out.push(Span {
                lo: lo.clone(),
                hi: s.lo.clone(),
                lo_closed,
                hi_closed: !s.lo_closed,
            });
        }
        starts_at_minus_infinity = false;
        lo = s.hi.clone();
        lo_closed = !s.hi_closed;
        if s.hi.is_none() {
            return out;
        }
    }
    out.push(Span {
        lo,
        hi: None,
        lo_closed,
        hi_closed: false,
    });
    out
}

pub fn difference(a: &[Span], b: &[Span]) -> Maybe<Vec<Span>> {
    intersect(a, &complement(b))
}

/// Same set? Both must be normalized.
pub fn same(a: &[Span], b: &[Span], tolerance: f64) -> Tri {
    if a.len() != b.len() {
        return Tri::False;
    }
    let end = |x: &Option<Num>, y: &Option<Num>| match (x, y) {
        (None, None) => Tri::True,
        (Some(x), Some(y)) => approx_eq(x, y, tolerance),
        _ => Tri::False,
    };
    let mut result = Tri::True;
    for (x, y) in a.iter().zip(b) {
        for t in [end(&x.lo, &y.lo), end(&x.hi, &y.hi)] {
            match t {
                Tri::False => return Tri::False,
                Tri::Unknown => result = Tri::Unknown,
                Tri::True => {}
            }
        }
        let closed_ends_differ = (x.lo.is_some() && x.lo_closed != y.lo_closed)
            || (x.hi.is_some() && x.hi_closed != y.hi_closed);
        if closed_ends_differ {
            return Tri::False;
        }
    }
    result
}
