//! Helpers shared by the unit tests of the `num` submodules: number literals, enclosure
//! assertions, a timer and a small deterministic generator.

use std::cmp::Ordering;
use std::time::{Duration, Instant};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

use super::balls::Ball;
use super::budget::{Budget, NumResult};
use super::comparison::{approx_eq, Tri};
use super::complex::CBall;
use super::rationals::{f64_to_rat, rat_cmp, CRat};
use super::tower::Num;

pub(super) const DEFAULT_BUDGET: u64 = 200_000;

pub(super) fn bud() -> Budget {
    Budget::new(DEFAULT_BUDGET)
}

/// "-12.5", "3/4", "-7" as an exact number.
pub(super) fn q(s: &str) -> Num {
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |t| (true, t));
    let v = match s.split_once('/') {
        Some((a, b)) => {
            Num::from_rational(BigRational::new(a.parse().unwrap(), b.parse().unwrap()))
        }
        None => Num::parse_decimal(s, &mut bud()).unwrap().unwrap(),
    };
    if neg {
        v.neg()
    } else {
        v
    }
}

pub(super) fn rat(s: &str) -> BigRational {
    q(s).as_exact_real().unwrap().clone()
}

pub(super) fn c(re: &str, im: &str) -> Num {
    Num::Exact(CRat {
        re: rat(re),
        im: rat(im),
    })
}

pub(super) fn ball(mid: f64, rad: f64) -> Num {
    Num::Approx(CBall::real(Ball { mid, rad }))
}

pub(super) fn assert_exact(got: NumResult, want: &Num) {
    let got = got.unwrap();
    assert!(got.is_exact(), "expected exact {want:?}, got {got:?}");
    assert_eq!(
        approx_eq(&got, want, 0.0),
        Tri::True,
        "got {got:?}, want {want:?}"
    );
}

pub(super) fn assert_approx(got: NumResult, want: &Num) {
    let got = got.unwrap();
    assert!(!got.is_exact(), "expected a ball, got {got:?}");
    assert_eq!(
        approx_eq(&got, want, 0.0),
        Tri::True,
        "got {got:?}, want {want:?}"
    );
}

/// Does the ball contain the exact rational?
pub(super) fn holds(b: Ball, r: &BigRational) -> bool {
    rat_cmp(&f64_to_rat(b.lo()), r) != Ordering::Greater
        && rat_cmp(r, &f64_to_rat(b.hi())) != Ordering::Greater
}

/// The ball is real, tight, and contains the decimal reference (40 digits).
pub(super) fn assert_encloses(got: NumResult, reference: &str) {
    let got = got.unwrap();
    let c = got.to_ball().unwrap();
    let r = rat(reference);
    assert!(holds(c.re, &r), "{got:?} does not contain {reference}");
    assert!(c.im.contains_zero(), "{got:?} is not real");
    let scale = c.re.mid.abs().max(1.0);
    assert!(c.re.rad <= 1e-14 * scale, "{got:?} is too wide");
}

pub(super) fn int_pow(base: i64, exp: i64) -> NumResult {
    Num::int(base).pow(&Num::int(exp), &mut bud())
}

/// Runs `f`, asserting it finishes within `ms` (scaled up for unoptimised builds).
pub(super) fn timed<T>(ms: u64, f: impl FnOnce() -> T) -> T {
    let limit = Duration::from_millis(if cfg!(debug_assertions) { ms * 20 } else { ms });
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}, limit {limit:?}");
    out
}

/// A small deterministic generator for property tests.
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }

    pub(super) fn big(&mut self, max_limbs: u64) -> BigInt {
        let n = self.next() % max_limbs + 1;
        let mut x = BigInt::zero();
        for _ in 0..n {
            x = (x << 53) + BigInt::from(self.next());
        }
        x >> (self.next() % 53)
    }

    pub(super) fn rat(&mut self, max_limbs: u64) -> BigRational {
        let n = self.big(max_limbs);
        let n = if self.next() % 2 == 0 { -n } else { n };
        BigRational::new(n, self.big(max_limbs) + 1)
    }
}
