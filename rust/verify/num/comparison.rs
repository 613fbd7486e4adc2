//! Is `a = b`, is `a < b`: comparisons of two `Num`s with three-valued answers (`Tri`), and
//! rounding to decimal places. When two balls count as equal, different or unknown is decided here.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::Signed;

use super::balls::{above, below, rat_to_ball, Ball};
use super::budget::{Budget, NumError};
use super::complex::CBall;
use super::rationals::{
    decimal_rational, f64_to_rat, rat_cmp, rat_eq, scaled_round_half_away, CRat,
};
use super::tower::Num;

/// A ball is "wide" when its radius exceeds this fraction of its magnitude ...
const WIDE_REL: f64 = 1e-6;
/// ... where magnitudes below this floor count as this floor.
const WIDE_FLOOR: f64 = 1e-6;
/// Most decimal places `round_to_places` handles.
const MAX_PLACES: u32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

/// Is a radius too wide, relative to the magnitude, to call two overlapping balls equal?
fn is_wide(rad: f64, mag: f64) -> bool {
    rad > WIDE_REL * mag.max(WIDE_FLOOR)
}

/// The real part of a ball whose imaginary part is exactly 0, or a narrow ball around 0.
pub(super) fn effectively_real(c: &CBall) -> Option<Ball> {
    let narrow = c.im.contains_zero() && !is_wide(c.im.rad, c.re.mid.abs());
    (c.is_real() || narrow).then_some(c.re)
}

fn crat_eq(x: &CRat, y: &CRat) -> bool {
    rat_eq(&x.re, &y.re) && rat_eq(&x.im, &y.im)
}

/// Lower and upper bounds of the distance between the points of two real balls.
fn gap_bounds(x: Ball, y: Ball) -> Option<(f64, f64)> {
    let d = x.minus(y).ok()?;
    Some((d.mig(), d.mag()))
}

/// Bounds of |a − b| and of max(|a|, |b|) over two complex balls.
struct Separation {
    dist_lo: f64,
    dist_hi: f64,
    mag_lo: f64,
    mag_hi: f64,
    mag_mid: f64,
    max_rad: f64,
}

fn separation(x: CBall, y: CBall) -> Option<Separation> {
    let (re_lo, re_hi) = gap_bounds(x.re, y.re)?;
    let (im_lo, im_hi) = gap_bounds(x.im, y.im)?;
    let (xl, xh) = x.abs_bounds().ok()?;
    let (yl, yh) = y.abs_bounds().ok()?;
    Some(Separation {
        dist_lo: below(re_lo.hypot(im_lo)).max(0.0),
        dist_hi: above(re_hi.hypot(im_hi)),
        mag_lo: xl.max(yl),
        mag_hi: xh.max(yh),
        mag_mid: x.re.mid.hypot(x.im.mid).max(y.re.mid.hypot(y.im.mid)),
        max_rad: x.re.rad.max(x.im.rad).max(y.re.rad).max(y.im.rad),
    })
}

/// `Some(sign)` when `n` is an exact real too large for f64.
fn huge_exact_sign(n: &Num) -> Option<Ordering> {
    let r = n.as_exact_real()?;
    matches!(rat_to_ball(r), Err(NumError::TooLarge)).then(|| r.numer().sign().cmp(&Sign::NoSign))
}

/// Does `n` convert to a ball well inside the f64 range?
fn is_moderate(n: &Num) -> bool {
    n.to_ball()
        .is_ok_and(|c| c.re.mag() < 1e300 && c.im.mag() < 1e300)
}

/// Is a == b? Exact vs exact: exact comparison. Otherwise balls: overlapping narrow balls are
/// equal (within rigorous float error bounds); separated balls are equal when `|a − b| ≤ rel_tol ·
/// max(|a|, |b|)` certainly holds and different when it certainly fails. `Unknown` when a ball is
/// too wide (radius above 1e-6 of the magnitude, or above 1e-12 for magnitudes under 1e-6) or a
/// value cannot be converted.
pub fn approx_eq(a: &Num, b: &Num, rel_tol: f64) -> Tri {
    if let (Num::Exact(x), Num::Exact(y)) = (a, b) {
        return if crat_eq(x, y) { Tri::True } else { Tri::False };
    }
    let (x, y) = match (a.to_ball(), b.to_ball()) {
        (Ok(x), Ok(y)) => (x, y),
        _ if huge_exact_sign(a).is_some() && is_moderate(b) => return Tri::False,
        _ if huge_exact_sign(b).is_some() && is_moderate(a) => return Tri::False,
        _ => return Tri::Unknown,
    };
    let Some(s) = separation(x, y) else {
        return Tri::Unknown;
    };
    if s.dist_lo == 0.0 {
        return if is_wide(s.max_rad, s.mag_mid) {
            Tri::Unknown
        } else {
            Tri::True
        };
    }
    let tol = rel_tol.max(0.0);
    if s.dist_hi <= tol * s.mag_lo {
        Tri::True
    } else if s.dist_lo > tol * s.mag_hi {
        Tri::False
    } else {
        Tri::Unknown
    }
}

/// Real ordering (for interval endpoints); `None` if not real or undecidable. Overlapping narrow
/// balls compare `Equal`, as in [`approx_eq`].
pub fn cmp_real(a: &Num, b: &Num) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (a.as_exact_real(), b.as_exact_real()) {
        return Some(rat_cmp(x, y));
    }
    let real = |n: &Num| n.to_ball().ok().and_then(|c| effectively_real(&c));
    match (real(a), real(b)) {
        (Some(x), Some(y)) => cmp_balls(x, y),
        (None, Some(_)) if is_moderate(b) => huge_exact_sign(a),
        (Some(_), None) if is_moderate(a) => huge_exact_sign(b).map(Ordering::reverse),
        _ => None,
    }
}

fn cmp_balls(x: Ball, y: Ball) -> Option<Ordering> {
    if x.hi() < y.lo() {
        return Some(Ordering::Less);
    }
    if x.lo() > y.hi() {
        return Some(Ordering::Greater);
    }
    let mag = x.mid.abs().max(y.mid.abs());
    (!is_wide(x.rad, mag) && !is_wide(y.rad, mag)).then_some(Ordering::Equal)
}

/// Rounds a real value to `places` decimals (half away from zero), as an exact rational. `None`
/// if not real, if a ball straddles a rounding boundary, or for more than 10000 places.
pub fn round_to_places(a: &Num, places: u32) -> Option<BigRational> {
    if places > MAX_PLACES {
        return None;
    }
    let scale = num_traits::pow(BigInt::from(10), places as usize);
    let round = |r: &BigRational| scaled_round_half_away(r, &scale);
    let n = match a {
        Num::Exact(z) if z.is_real() => round(&z.re),
        Num::Exact(_) => return None,
        Num::Approx(c) => {
            let x = effectively_real(c)?;
            let (lo, hi) = (round(&f64_to_rat(x.lo())), round(&f64_to_rat(x.hi())));
            if lo != hi {
                return None;
            }
            lo
        }
    };
    let mut budget = Budget::new(u64::MAX);
    let r = decimal_rational(n.magnitude().clone(), places.into(), &mut budget).ok()?;
    Some(if n.is_negative() { -r } else { r })
}

/// Number of decimal places of a decimal literal: `"0.330"` → 3, `"12"` → 0.
pub fn decimal_places(lit: &str) -> u32 {
    let Some((_, frac)) = lit.split_once('.') else {
        return 0;
    };
    frac.bytes().take_while(u8::is_ascii_digit).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::Func;

    #[test]
    fn decimal_places_counts_fraction_digits() {
        assert_eq!(decimal_places("0.330"), 3);
        assert_eq!(decimal_places("12"), 0);
        assert_eq!(decimal_places("12."), 0);
        assert_eq!(decimal_places(".5"), 1);
        assert_eq!(decimal_places("1.25e3"), 2);
    }

    // ----- the comparisons named in the design -----

    #[test]
    fn sqrt8_equals_2sqrt2() {
        let mut b = bud();
        let a = Num::int(8).sqrt(&mut b).unwrap();
        let s = Num::int(2)
            .sqrt(&mut b)
            .unwrap()
            .mul(&Num::int(2), &mut b)
            .unwrap();
        assert!(!a.is_exact() && !s.is_exact());
        assert_eq!(approx_eq(&a, &s, 0.0), Tri::True);
        assert_eq!(approx_eq(&a, &q("2.8284271247461"), 0.0), Tri::False);
    }

    #[test]
    fn sin_pi_equals_zero() {
        let v = Num::pi().apply(Func::Sin, &mut bud()).unwrap();
        assert_eq!(approx_eq(&v, &Num::zero(), 0.0), Tri::True);
        assert_eq!(approx_eq(&v, &q("0.000001"), 0.0), Tri::False);
    }

    #[test]
    fn pi_is_not_a_truncation_of_pi() {
        let t = q("3.14159265358979");
        assert_eq!(approx_eq(&Num::pi(), &t, 0.0), Tri::False);
        assert_eq!(approx_eq(&Num::pi(), &t, 1e-9), Tri::True);
        assert_eq!(
            approx_eq(&Num::pi(), &q("3.141592653589793238462643383"), 0.0),
            Tri::True
        );
    }

    #[test]
    fn neighbouring_powers_of_two_differ() {
        let (a, b) = (int_pow(2, -99).unwrap(), int_pow(2, -98).unwrap());
        assert!(a.is_exact() && b.is_exact());
        assert_eq!(approx_eq(&a, &b, 1e-9), Tri::False);
        let (ba, bb) = (
            Num::Approx(a.to_ball().unwrap()),
            Num::Approx(b.to_ball().unwrap()),
        );
        assert_eq!(approx_eq(&ba, &bb, 0.0), Tri::False);
    }

    #[test]
    fn tiny_balls_are_compared_relatively() {
        let a = Num::Approx(int_pow(10, -30).unwrap().to_ball().unwrap());
        let b = Num::Approx(
            q("10000001")
                .div(&int_pow(10, 37).unwrap(), &mut bud())
                .unwrap()
                .to_ball()
                .unwrap(),
        );
        assert_eq!(approx_eq(&a, &b, 0.0), Tri::False);
        assert_eq!(approx_eq(&a, &b, 1e-9), Tri::False);
        assert_eq!(approx_eq(&a, &b, 1e-6), Tri::True);
        assert_eq!(approx_eq(&a, &Num::zero(), 0.0), Tri::False);
    }

    #[test]
    fn tan_near_a_pole_is_refused_or_unknown() {
        let mut b = bud();
        let half_pi = Num::pi().div(&Num::int(2), &mut b).unwrap();
        assert_eq!(
            half_pi.apply(Func::Tan, &mut b),
            Err(NumError::Domain("tan"))
        );
        assert_eq!(
            half_pi.apply(Func::Sec, &mut b),
            Err(NumError::Domain("sec"))
        );
        let near = half_pi
            .sub(&q("0.0000000001"), &mut b)
            .unwrap()
            .apply(Func::Tan, &mut b)
            .unwrap();
        // The true value is 1e10 − 3.3e-11: too close to call, but never "different".
        assert_eq!(approx_eq(&near, &q("10000000000"), 0.0), Tri::Unknown);
        assert_eq!(approx_eq(&near, &q("10001000000"), 0.0), Tri::False);
        assert_eq!(
            Num::pi().apply(Func::Cot, &mut b),
            Err(NumError::Domain("cot"))
        );
    }

    #[test]
    fn wide_balls_are_unknown() {
        assert_eq!(approx_eq(&ball(1.0, 1e-3), &Num::one(), 0.0), Tri::Unknown);
        assert_eq!(approx_eq(&ball(1.0, 1e-3), &Num::int(2), 0.0), Tri::False);
        assert_eq!(
            approx_eq(&ball(1e-13, 1e-3), &Num::zero(), 0.0),
            Tri::Unknown
        );
        assert_eq!(approx_eq(&ball(1e-13, 1e-13), &Num::zero(), 0.0), Tri::True);
        assert_eq!(
            approx_eq(&ball(1.0, 1e-9), &q("1.000000000001"), 0.0),
            Tri::True
        );
    }

    #[test]
    fn tolerance_decides_separated_balls() {
        let x = ball(100.0, 1e-12);
        assert_eq!(approx_eq(&x, &q("100.001"), 1e-4), Tri::True);
        assert_eq!(approx_eq(&x, &q("100.1"), 1e-4), Tri::False);
        assert_eq!(approx_eq(&x, &q("100.01"), 1e-4), Tri::True);
        assert_eq!(
            approx_eq(&ball(100.0, 0.005), &q("100.011"), 1e-4),
            Tri::Unknown
        );
    }

    #[test]
    fn huge_exact_values_compare_against_balls() {
        let mut b = bud();
        let f = Num::int(1000).factorial(&mut b).unwrap();
        assert_eq!(f.to_ball(), Err(NumError::TooLarge));
        assert_eq!(approx_eq(&f, &Num::pi(), 1e-9), Tri::False);
        assert_eq!(cmp_real(&f, &Num::pi()), Some(Ordering::Greater));
        assert_eq!(cmp_real(&Num::pi(), &f), Some(Ordering::Less));
        assert_eq!(cmp_real(&f.neg(), &Num::pi()), Some(Ordering::Less));
        assert_eq!(f.to_f64(), None);
    }

    #[test]
    fn cmp_real_orders_exact_and_balls() {
        let mut b = bud();
        assert_eq!(cmp_real(&q("1/3"), &q("1/2")), Some(Ordering::Less));
        assert_eq!(cmp_real(&q("-1/3"), &q("-1/2")), Some(Ordering::Greater));
        assert_eq!(cmp_real(&Num::pi(), &Num::int(3)), Some(Ordering::Greater));
        assert_eq!(cmp_real(&Num::pi(), &q("22/7")), Some(Ordering::Less));
        let s = Num::int(2).sqrt(&mut b).unwrap();
        let two = s.mul(&s, &mut b).unwrap();
        assert_eq!(cmp_real(&two, &Num::int(2)), Some(Ordering::Equal));
        assert_eq!(cmp_real(&Num::i(), &Num::one()), None);
        assert_eq!(cmp_real(&ball(1.0, 0.5), &Num::one()), None);
    }

    // ----- rounding -----

    #[test]
    fn rounding_to_places() {
        let r = |n: &Num, p: u32| round_to_places(n, p);
        assert_eq!(r(&q("1/3"), 2), Some(rat("0.33")));
        assert_eq!(r(&q("2/3"), 2), Some(rat("0.67")));
        assert_eq!(r(&q("1/8"), 2), Some(rat("0.13")));
        assert_eq!(r(&q("-1/8"), 2), Some(rat("-0.13")));
        assert_eq!(r(&q("5/2"), 0), Some(rat("3")));
        assert_eq!(r(&q("-5/2"), 0), Some(rat("-3")));
        assert_eq!(r(&Num::pi(), 4), Some(rat("3.1416")));
        assert_eq!(
            r(&Num::int(2).sqrt(&mut bud()).unwrap(), 10),
            Some(rat("1.4142135624"))
        );
        assert_eq!(r(&ball(0.125, 1e-10), 2), None);
        assert_eq!(r(&Num::i(), 2), None);
        assert_eq!(r(&q("1/3"), 20_000), None);
        assert_eq!(
            r(&q("1/3"), 1000).unwrap().denom(),
            &num_traits::pow(BigInt::from(10), 1000)
        );
    }
}
