//! Exact rationals and Gaussian rationals (`CRat`): budgeted arithmetic whose results stay in
//! lowest terms when the inputs are, exact roots and logarithms, and exact decimal and f64 input.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::balls::rat_to_ball;
use super::budget::{div_cost, ilimbs, limbs, mul_cost, pow_cost, Budget, NumError};
use super::complex::CBall;
use super::integers::{exact_uint_root, gcd, log2_rat, log2_uint};
use super::POW_EXACT_BITS;

/// Largest denominator tried when looking for an exact rational logarithm.
const MAX_LOG_DEN: i64 = 8;

/// Exact Gaussian rational `re + im·i`.
#[derive(Debug, Clone, PartialEq)]
pub struct CRat {
    pub re: BigRational,
    pub im: BigRational,
}

/// Bits of numerator plus denominator.
fn rat_bits(r: &BigRational) -> u64 {
    r.numer().bits() + r.denom().bits()
}

pub(super) fn rat_int(n: BigInt) -> BigRational {
    BigRational::from_integer(n)
}

/// `n / d` in lowest terms with a positive denominator; `d` must be non-zero.
fn rat_reduce(n: BigInt, d: BigInt, budget: &mut Budget) -> Result<BigRational, NumError> {
    let (n, d) = if d.is_negative() { (-n, -d) } else { (n, d) };
    if n.is_zero() {
        return Ok(BigRational::zero());
    }
    if d.is_one() {
        return Ok(rat_int(n));
    }
    let g = gcd(n.magnitude(), d.magnitude(), budget)?;
    let (n, d) = cancel(&n, &d, &g, budget)?;
    Ok(BigRational::new_raw(n, d))
}

/// `(x/g, y/g)` for a common divisor g, charged; free when g = 1.
fn cancel(
    x: &BigInt,
    y: &BigInt,
    g: &BigUint,
    budget: &mut Budget,
) -> Result<(BigInt, BigInt), NumError> {
    if g.is_one() {
        return Ok((x.clone(), y.clone()));
    }
    let gl = limbs(g);
    budget.spend(div_cost(ilimbs(x), gl) + div_cost(ilimbs(y), gl))?;
    let g = BigInt::from(g.clone());
    Ok((x / &g, y / &g))
}

/// `a/b + c/d` (Knuth 4.5.1: only the gcd of the denominators and one more gcd are needed).
pub(super) fn rat_add(
    x: &BigRational,
    y: &BigRational,
    budget: &mut Budget,
) -> Result<BigRational, NumError> {
    let (a, b, c, d) = (x.numer(), x.denom(), y.numer(), y.denom());
    if b == d {
        budget.spend(mul_cost(ilimbs(a).max(ilimbs(c)), 1))?;
        return rat_reduce(a + c, b.clone(), budget);
    }
    let g = gcd(b.magnitude(), d.magnitude(), budget)?;
    budget.spend(
        mul_cost(ilimbs(a), ilimbs(d))
            + mul_cost(ilimbs(c), ilimbs(b))
            + mul_cost(ilimbs(b), ilimbs(d)),
    )?;
    if g.is_one() {
        return Ok(BigRational::new_raw(a * d + c * b, b * d));
    }
    let (d_g, b_g) = cancel(d, b, &g, budget)?;
    let t = a * &d_g + c * &b_g;
    if t.is_zero() {
        return Ok(BigRational::zero());
    }
    let g2 = gcd(t.magnitude(), &g, budget)?;
    let (t, d_g2) = cancel(&t, d, &g2, budget)?;
    Ok(BigRational::new_raw(t, b_g * d_g2))
}

/// `(a/b)·(c/d)`, cancelling `gcd(a, d)` and `gcd(c, b)` first.
pub(super) fn rat_mul(
    x: &BigRational,
    y: &BigRational,
    budget: &mut Budget,
) -> Result<BigRational, NumError> {
    if x.is_zero() || y.is_zero() {
        return Ok(BigRational::zero());
    }
    let (a, b, c, d) = (x.numer(), x.denom(), y.numer(), y.denom());
    budget.spend(mul_cost(ilimbs(a), ilimbs(c)) + mul_cost(ilimbs(b), ilimbs(d)))?;
    if b.is_one() && d.is_one() {
        return Ok(rat_int(a * c));
    }
    let g1 = gcd(a.magnitude(), d.magnitude(), budget)?;
    let g2 = gcd(c.magnitude(), b.magnitude(), budget)?;
    let (a, d) = cancel(a, d, &g1, budget)?;
    let (c, b) = cancel(c, b, &g2, budget)?;
    Ok(BigRational::new_raw(a * c, b * d))
}

/// 1/x for non-zero x, keeping the denominator positive.
pub(super) fn rat_recip(x: &BigRational) -> BigRational {
    let (n, d) = (x.numer().clone(), x.denom().clone());
    if n.is_negative() {
        BigRational::new_raw(-d, -n)
    } else {
        BigRational::new_raw(d, n)
    }
}

pub(super) fn rat_div(
    x: &BigRational,
    y: &BigRational,
    budget: &mut Budget,
) -> Result<BigRational, NumError> {
    if y.is_zero() {
        return Err(NumError::DivisionByZero);
    }
    rat_mul(x, &rat_recip(y), budget)
}

/// `r^k` for r in lowest terms (the result is then in lowest terms too).
fn rat_pow(r: &BigRational, k: u32) -> BigRational {
    BigRational::new_raw(
        num_traits::pow(r.numer().clone(), k as usize),
        num_traits::pow(r.denom().clone(), k as usize),
    )
}

/// Exact equality that does not rely on lowest terms.
pub(super) fn rat_eq(x: &BigRational, y: &BigRational) -> bool {
    if x.denom() == y.denom() {
        return x.numer() == y.numer();
    }
    if x.numer().sign() != y.numer().sign() {
        return false;
    }
    let lhs_bits = x.numer().bits() + y.denom().bits();
    let rhs_bits = y.numer().bits() + x.denom().bits();
    lhs_bits.abs_diff(rhs_bits) <= 1 && x.numer() * y.denom() == y.numer() * x.denom()
}

/// Exact ordering that does not rely on lowest terms (denominators must be positive).
pub(super) fn rat_cmp(x: &BigRational, y: &BigRational) -> Ordering {
    let (sx, sy) = (x.numer().sign(), y.numer().sign());
    if sx != sy {
        return sx.cmp(&sy);
    }
    if x.denom() == y.denom() {
        return x.numer().cmp(y.numer());
    }
    (x.numer() * y.denom()).cmp(&(y.numer() * x.denom()))
}

/// `x / 2^k` as a rational.
pub(super) fn rat_pow2(x: BigInt, k: i64) -> BigRational {
    if k >= 0 {
        return rat_int(x << k as u64);
    }
    let tz = x.trailing_zeros().unwrap_or(0).min(k.unsigned_abs());
    BigRational::new_raw(x >> tz, BigInt::one() << (k.unsigned_abs() - tz))
}

/// The exact value of a finite f64.
pub(super) fn f64_to_rat(x: f64) -> BigRational {
    if x == 0.0 || !x.is_finite() {
        return BigRational::zero();
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let m = BigInt::from(mant);
    rat_pow2(if x < 0.0 { -m } else { m }, e)
}

/// `r · scale` rounded half away from zero, in integer arithmetic (no gcd).
pub(super) fn scaled_round_half_away(r: &BigRational, scale: &BigInt) -> BigInt {
    let (n, d) = (r.numer(), r.denom());
    let t: BigInt = (n.abs() * scale * 2u32 + d) / (d * 2u32);
    if n.is_negative() {
        -t
    } else {
        t
    }
}

/// `n / 10^k` in lowest terms, without a general gcd: only factors 2 and 5 can cancel.
pub(super) fn decimal_rational(
    n: BigUint,
    k: u64,
    budget: &mut Budget,
) -> Result<BigRational, NumError> {
    if n.is_zero() {
        return Ok(BigRational::zero());
    }
    let twos = n.trailing_zeros().unwrap_or(0).min(k);
    let mut n = n >> twos;
    let mut fives = 0u64;
    // Cancel 5^27 (the largest power of 5 in a u64) at a time, then single fives.
    for chunk in [27u64, 1] {
        let divisor = BigUint::from(5u64.pow(chunk as u32));
        while k - fives >= chunk {
            budget.spend(div_cost(limbs(&n), 1))?;
            let (q, r) = n.div_rem(&divisor);
            if !r.is_zero() {
                break;
            }
            n = q;
            fives += chunk;
        }
    }
    let den_bits = (k - twos) + (k - fives) * 7 / 3 + 1;
    budget.spend(pow_cost(den_bits))?;
    let den =
        (BigUint::one() << (k - twos)) * num_traits::pow(BigUint::from(5u32), (k - fives) as usize);
    Ok(BigRational::new_raw(BigInt::from(n), BigInt::from(den)))
}

impl CRat {
    pub fn real(re: BigRational) -> CRat {
        CRat {
            re,
            im: BigRational::zero(),
        }
    }

    pub fn is_real(&self) -> bool {
        self.im.is_zero()
    }

    pub fn is_zero(&self) -> bool {
        self.re.is_zero() && self.im.is_zero()
    }

    /// Bits of all numerators and denominators together (the size caps apply to this).
    pub(super) fn bits(&self) -> u64 {
        rat_bits(&self.re) + rat_bits(&self.im)
    }

    pub(super) fn neg(&self) -> CRat {
        CRat {
            re: -&self.re,
            im: -&self.im,
        }
    }

    pub(super) fn add(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
        Ok(CRat {
            re: rat_add(&self.re, &o.re, b)?,
            im: rat_add(&self.im, &o.im, b)?,
        })
    }

    pub(super) fn mul(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
        if self.is_real() && o.is_real() {
            return Ok(CRat::real(rat_mul(&self.re, &o.re, b)?));
        }
        let ac = rat_mul(&self.re, &o.re, b)?;
        let bd = rat_mul(&self.im, &o.im, b)?;
        let ad = rat_mul(&self.re, &o.im, b)?;
        let bc = rat_mul(&self.im, &o.re, b)?;
        Ok(CRat {
            re: rat_add(&ac, &-bd, b)?,
            im: rat_add(&ad, &bc, b)?,
        })
    }

    pub(super) fn div(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
        if o.is_zero() {
            return Err(NumError::DivisionByZero);
        }
        if o.is_real() {
            return Ok(CRat {
                re: rat_div(&self.re, &o.re, b)?,
                im: rat_div(&self.im, &o.re, b)?,
            });
        }
        let norm = rat_add(&rat_mul(&o.re, &o.re, b)?, &rat_mul(&o.im, &o.im, b)?, b)?;
        let conj = CRat {
            re: o.re.clone(),
            im: -&o.im,
        };
        let p = self.mul(&conj, b)?;
        Ok(CRat {
            re: rat_div(&p.re, &norm, b)?,
            im: rat_div(&p.im, &norm, b)?,
        })
    }

    /// Estimated bits of `self^k` (an upper bound).
    pub(super) fn pow_bits(&self, k: u64) -> u64 {
        if self.is_real() {
            let l =
                log2_uint(self.re.numer().magnitude()).max(log2_uint(self.re.denom().magnitude()));
            return (l * k as f64).ceil() as u64;
        }
        // self = (P + Qi)/D with D = product of the denominators.
        let (rd, id) = (self.re.denom().bits(), self.im.denom().bits());
        let p = self.re.numer().bits() + id;
        let q = self.im.numer().bits() + rd;
        k.saturating_mul(p.max(q).max(rd + id) + 1)
    }

    /// `self^k` by repeated squaring (complex case), budgeted per multiplication.
    pub(super) fn pow_u32(&self, k: u32, b: &mut Budget) -> Result<CRat, NumError> {
        if self.is_real() {
            return Ok(CRat::real(rat_pow(&self.re, k)));
        }
        let mut result = CRat::real(BigRational::one());
        let mut base = self.clone();
        let mut k = k;
        while k > 0 {
            if k & 1 == 1 {
                result = result.mul(&base, b)?;
            }
            k >>= 1;
            if k > 0 {
                base = base.mul(&base, b)?;
            }
        }
        Ok(result)
    }

    /// `self^n` when self is 1, -1, i or -i (any n, however large).
    pub(super) fn unit_pow(&self, n: &BigInt) -> Option<CRat> {
        // self = i^k for k in 0..4, and then self^n = i^(k·n).
        let (re, im) = (&self.re, &self.im);
        let unit = |x: &BigRational| x.is_integer() && x.numer().magnitude().is_one();
        let k: i64 = match (re.is_zero(), im.is_zero()) {
            (false, true) if unit(re) => 2 * i64::from(re.is_negative()),
            (true, false) if unit(im) => 1 + 2 * i64::from(im.is_negative()),
            _ => return None,
        };
        let n_mod4 = n.mod_floor(&BigInt::from(4)).to_i64().unwrap_or(0);
        let (re, im) = [(1, 0), (0, 1), (-1, 0), (0, -1)][(k * n_mod4).rem_euclid(4) as usize];
        Some(CRat {
            re: rat_int(BigInt::from(re)),
            im: rat_int(BigInt::from(im)),
        })
    }

    pub(super) fn to_ball(&self) -> Result<CBall, NumError> {
        Ok(CBall {
            re: rat_to_ball(&self.re)?,
            im: rat_to_ball(&self.im)?,
        })
    }
}

/// The exact k-th root of a non-negative rational, if both parts are perfect k-th powers.
pub(super) fn exact_rat_root(r: &BigRational, k: u32, budget: &mut Budget) -> Option<BigRational> {
    let n = exact_uint_root(r.numer().magnitude(), k, budget)?;
    let d = exact_uint_root(r.denom().magnitude(), k, budget)?;
    Some(BigRational::new_raw(BigInt::from(n), BigInt::from(d)))
}

/// The exact principal square root of a Gaussian rational, if there is one.
pub(super) fn exact_gauss_sqrt(z: &CRat, b: &mut Budget) -> Result<Option<CRat>, NumError> {
    let norm = rat_add(&rat_mul(&z.re, &z.re, b)?, &rat_mul(&z.im, &z.im, b)?, b)?;
    let Some(m) = exact_rat_root(&norm, 2, b) else {
        return Ok(None);
    };
    let half = BigRational::new_raw(BigInt::one(), BigInt::from(2));
    let re2 = rat_mul(&rat_add(&m, &z.re, b)?, &half, b)?;
    let im2 = rat_mul(&rat_add(&m, &-&z.re, b)?, &half, b)?;
    let (Some(re), Some(im)) = (exact_rat_root(&re2, 2, b), exact_rat_root(&im2, 2, b)) else {
        return Ok(None);
    };
    let im = if z.im.is_negative() { -im } else { im };
    Ok(Some(CRat { re, im }))
}

/// The rational k with `base^k = x` (denominator at most 8), if there is one.
pub(super) fn exact_log(
    x: &BigRational,
    base: &BigRational,
    b: &mut Budget,
) -> Result<Option<BigRational>, NumError> {
    if x.is_one() {
        return Ok(Some(BigRational::zero()));
    }
    let l = log2_rat(x) / log2_rat(base);
    if !l.is_finite() {
        return Ok(None);
    }
    for q in 1..=MAX_LOG_DEN {
        let t = l * q as f64;
        let p = t.round();
        if p == 0.0 || (t - p).abs() > 1e-9 * t.abs().max(1.0) {
            continue;
        }
        if log_candidate_holds(x, base, q as u32, p as i64, b)? {
            return Ok(Some(BigRational::new_raw(
                BigInt::from(p as i64),
                BigInt::from(q),
            )));
        }
    }
    Ok(None)
}

/// Does `x^q == base^p` hold exactly? False when too large to check.
fn log_candidate_holds(
    x: &BigRational,
    base: &BigRational,
    q: u32,
    p: i64,
    b: &mut Budget,
) -> Result<bool, NumError> {
    let base = if p < 0 { rat_recip(base) } else { base.clone() };
    let Ok(p) = u32::try_from(p.unsigned_abs()) else {
        return Ok(false);
    };
    let (xb, bb) = (
        CRat::real(x.clone()).pow_bits(q.into()),
        CRat::real(base.clone()).pow_bits(p.into()),
    );
    if xb.max(bb) > POW_EXACT_BITS || !b.try_spend(pow_cost(xb) + pow_cost(bb)) {
        return Ok(false);
    }
    Ok(rat_eq(&rat_pow(x, q), &rat_pow(&base, p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::{approx_eq, cmp_real, Num, Tri};

    // ----- exact arithmetic -----

    #[test]
    fn exact_rational_arithmetic() {
        let mut b = bud();
        assert_exact(q("1/3").add(&q("1/6"), &mut b), &q("1/2"));
        assert_exact(q("1/3").sub(&q("1/3"), &mut b), &Num::zero());
        assert_exact(q("2/3").mul(&q("9/4"), &mut b), &q("3/2"));
        assert_exact(q("2/3").div(&q("-4/9"), &mut b), &q("-3/2"));
        assert_exact(q("0.1").add(&q("0.2"), &mut b), &q("0.3"));
        let sum = q("1/6").add(&q("1/10"), &mut b).unwrap();
        assert_eq!(
            sum.as_exact_real().unwrap(),
            &BigRational::new(4.into(), 15.into())
        );
        assert_eq!(
            q("1").div(&Num::zero(), &mut b),
            Err(NumError::DivisionByZero)
        );
    }

    #[test]
    fn exact_complex_arithmetic() {
        let mut b = bud();
        let z = c("2", "3").mul(&c("4", "-1"), &mut b).unwrap();
        assert_eq!(z, c("11", "10"));
        assert_exact(z.div(&c("4", "-1"), &mut b), &c("2", "3"));
        assert_exact(Num::i().mul(&Num::i(), &mut b), &Num::int(-1));
        assert_exact(Num::one().div(&Num::i(), &mut b), &c("0", "-1"));
        assert_exact(c("1/2", "1/3").add(&c("1/2", "-1/3"), &mut b), &Num::one());
        assert_eq!(
            c("1", "1").div(&c("0", "0"), &mut b),
            Err(NumError::DivisionByZero)
        );
    }

    #[test]
    fn exact_results_are_equal_whatever_the_path() {
        let mut b = bud();
        let x = q("7/12").mul(&q("12/7"), &mut b).unwrap();
        assert_eq!(x, Num::one());
        assert_eq!(approx_eq(&x, &Num::one(), 0.0), Tri::True);
        // Non-canonical input still compares correctly.
        let raw = Num::Exact(CRat::real(BigRational::new_raw(2.into(), 4.into())));
        assert_eq!(approx_eq(&raw, &q("1/2"), 0.0), Tri::True);
        assert_eq!(cmp_real(&raw, &q("1/2")), Some(Ordering::Equal));
    }

    #[test]
    fn rational_ops_match_num_rational() {
        let mut rng = Lcg(11);
        let mut b = Budget::new(u64::MAX);
        for _ in 0..300 {
            let (x, y) = (rng.rat(6), rng.rat(6));
            if y.is_zero() {
                continue;
            }
            assert_eq!(rat_add(&x, &y, &mut b).unwrap(), &x + &y);
            assert_eq!(rat_mul(&x, &y, &mut b).unwrap(), &x * &y);
            assert_eq!(rat_div(&x, &y, &mut b).unwrap(), &x / &y);
            assert_eq!(rat_cmp(&x, &y), x.cmp(&y));
        }
    }
}
