//! Real balls (`Ball`, `mid ± rad`): arithmetic and library functions whose radii follow the
//! radius rule in the `num` docs, and the outward-rounding helpers that complex balls reuse.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

use super::budget::NumError;
use super::functions::Func;
use super::rationals::rat_int;
use super::LIBM_ULPS;

const EPS: f64 = f64::EPSILON;
/// The smallest positive subnormal, 2⁻¹⁰⁷⁴.
const TINY: f64 = f64::from_bits(1);
/// Below this magnitude a product or quotient may have lost bits to underflow.
const SMALL: f64 = 1e-290;

/// Real ball: the true value lies in `[mid - rad, mid + rad]`; `rad >= 0`, both finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ball {
    pub mid: f64,
    pub rad: f64,
}

/// Rounding slack of the radius arithmetic itself (see the `num` module docs).
pub(super) fn grow(r: f64) -> f64 {
    r * (1.0 + 8.0 * EPS) + 4.0 * TINY
}

/// A number at or below `x − ulp(x)`, so that `below(a ∘ b)` is a lower bound of the exact `a ∘ b`.
pub(super) fn below(x: f64) -> f64 {
    x - (x.abs() * EPS + TINY)
}

pub(super) fn above(x: f64) -> f64 {
    x + (x.abs() * EPS + TINY)
}

/// Error bound of a library result `v` trusted to `ulps` ulps.
pub(super) fn slop(v: f64, ulps: f64) -> f64 {
    v.abs() * ulps * EPS + TINY
}

fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// π: the f64 nearest π, with a radius of one ulp (the error is 1.2e-16).
pub const PI_BALL: Ball = Ball {
    mid: std::f64::consts::PI,
    rad: 2.0 * EPS,
};
/// e: the f64 nearest e, with a radius of one ulp (the error is 1.4e-16).
pub const E_BALL: Ball = Ball {
    mid: std::f64::consts::E,
    rad: 2.0 * EPS,
};

impl Ball {
    pub const ZERO: Ball = Ball { mid: 0.0, rad: 0.0 };
    pub const ONE: Ball = Ball { mid: 1.0, rad: 0.0 };

    /// A ball, or `TooLarge` / `Domain` when it is not finite.
    pub fn new(mid: f64, rad: f64) -> Result<Ball, NumError> {
        if mid.is_infinite() || rad.is_infinite() {
            return Err(NumError::TooLarge);
        }
        if mid.is_nan() || rad.is_nan() {
            return Err(NumError::Domain("arithmetic"));
        }
        Ok(Ball { mid, rad })
    }

    pub const fn exact(x: f64) -> Ball {
        Ball { mid: x, rad: 0.0 }
    }

    /// The smallest ball around `[lo, hi]` (given in any order).
    pub fn from_bounds(lo: f64, hi: f64) -> Result<Ball, NumError> {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        if lo == hi {
            return Ball::new(lo, 0.0);
        }
        let mid = 0.5 * lo + 0.5 * hi;
        Ball::new(mid, grow((hi - mid).max(mid - lo)))
    }

    pub fn is_exact_zero(self) -> bool {
        self.mid == 0.0 && self.rad == 0.0
    }

    pub fn contains_zero(self) -> bool {
        self.mid.abs() <= self.rad
    }

    /// A lower bound of every point of the ball.
    pub fn lo(self) -> f64 {
        if self.rad == 0.0 {
            self.mid
        } else {
            below(self.mid - self.rad)
        }
    }

    /// An upper bound of every point of the ball.
    pub fn hi(self) -> f64 {
        if self.rad == 0.0 {
            self.mid
        } else {
            above(self.mid + self.rad)
        }
    }

    /// An upper bound of |x| over the ball.
    pub fn mag(self) -> f64 {
        self.lo().abs().max(self.hi().abs())
    }

    /// A lower bound of |x| over the ball (0 when it contains 0).
    pub fn mig(self) -> f64 {
        let (lo, hi) = (self.lo(), self.hi());
        if lo <= 0.0 && hi >= 0.0 {
            0.0
        } else {
            lo.abs().min(hi.abs())
        }
    }

    pub fn abs(self) -> Ball {
        Ball {
            mid: self.mid.abs(),
            rad: self.rad,
        }
    }

    pub fn plus(self, o: Ball) -> Result<Ball, NumError> {
        let (s, err) = two_sum(self.mid, o.mid);
        let r = self.rad + o.rad + err.abs();
        Ball::new(s, if r == 0.0 { 0.0 } else { grow(r) })
    }

    pub fn minus(self, o: Ball) -> Result<Ball, NumError> {
        self.plus(-o)
    }

    pub fn times(self, o: Ball) -> Result<Ball, NumError> {
        if self.is_exact_zero() || o.is_exact_zero() {
            return Ok(Ball::ZERO);
        }
        let p = self.mid * o.mid;
        let err = self.mid.mul_add(o.mid, -p).abs();
        let round = if p.abs() < SMALL { err + TINY } else { err };
        let prop = self.mid.abs() * o.rad + self.rad * o.mid.abs() + self.rad * o.rad;
        let exact = round == 0.0 && self.rad == 0.0 && o.rad == 0.0;
        Ball::new(p, if exact { 0.0 } else { grow(prop + round) })
    }

    /// Quotient; `DivisionByZero` when the divisor contains 0.
    pub fn over(self, o: Ball) -> Result<Ball, NumError> {
        let om = o.mid.abs();
        if o.contains_zero() {
            return Err(NumError::DivisionByZero);
        }
        let q = self.mid / o.mid;
        let residual = (-q).mul_add(o.mid, self.mid);
        let round = if residual == 0.0 && (q.abs() >= SMALL || self.mid == 0.0) {
            0.0
        } else {
            q.abs() * EPS + TINY
        };
        let prop = if self.rad == 0.0 && o.rad == 0.0 {
            0.0
        } else {
            (self.mid.abs() * o.rad + self.rad * om) / (om * (om - o.rad))
        };
        let r = prop + round;
        Ball::new(q, if r == 0.0 { 0.0 } else { grow(r) })
    }

    /// Square root of a ball whose points are all ≥ 0 (points below 0 are clipped).
    pub fn sqrt(self) -> Result<Ball, NumError> {
        if self.hi() < 0.0 {
            return Err(NumError::Domain("sqrt"));
        }
        if self.rad == 0.0 {
            let s = self.mid.sqrt();
            let exact = s.mul_add(s, -self.mid) == 0.0 && (s >= SMALL || s == 0.0);
            return Ball::new(s, if exact { 0.0 } else { grow(slop(s, 1.0)) });
        }
        let (lo, hi) = (self.lo().max(0.0).sqrt(), self.hi().sqrt());
        widened(lo, hi, 1.0, "sqrt")
    }
}

impl std::ops::Neg for Ball {
    type Output = Ball;

    fn neg(self) -> Ball {
        Ball {
            mid: -self.mid,
            rad: self.rad,
        }
    }
}

/// Applies a monotone library function to the (clipped) endpoints of the ball.
fn monotone(
    x: Ball,
    f: fn(f64) -> f64,
    increasing: bool,
    domain: (f64, f64),
    name: &'static str,
) -> Result<Ball, NumError> {
    let (lo, hi) = (x.lo().max(domain.0), x.hi().min(domain.1));
    if lo > hi || lo.is_nan() || hi.is_nan() {
        return Err(NumError::Domain(name));
    }
    let (a, b) = if increasing {
        (f(lo), f(hi))
    } else {
        (f(hi), f(lo))
    };
    widened(a, b, LIBM_ULPS, name)
}

/// The ball around `[a, b]` widened by the library error of both ends.
fn widened(a: f64, b: f64, ulps: f64, name: &'static str) -> Result<Ball, NumError> {
    if a.is_nan() || b.is_nan() {
        return Err(NumError::Domain(name));
    }
    if a.is_infinite() || b.is_infinite() {
        return Err(NumError::TooLarge);
    }
    Ball::from_bounds(a - slop(a, ulps), b + slop(b, ulps))
}

/// `v ± (L·rad + ulps)`: a library value at the midpoint plus a Lipschitz bound over the ball.
fn lipschitz(v: f64, deriv: f64, x: Ball, ulps: f64) -> Result<Ball, NumError> {
    if v.is_nan() {
        return Err(NumError::Domain("arithmetic"));
    }
    let spread = if x.rad == 0.0 { 0.0 } else { deriv * x.rad };
    Ball::new(v, grow(spread + slop(v, ulps)))
}

/// Clips a ball to [-1, 1] (for sin and cos).
fn clamp_unit(b: Ball) -> Result<Ball, NumError> {
    if b.lo() >= -1.0 && b.hi() <= 1.0 {
        return Ok(b);
    }
    Ball::from_bounds(b.lo().max(-1.0), b.hi().min(1.0))
}

/// A lower bound of |cos| (or |sin|) over the ball, given the value at the midpoint.
fn trig_floor(at_mid: f64, x: Ball) -> f64 {
    below(at_mid.abs() - (x.rad + LIBM_ULPS * EPS))
}

pub(super) fn ball_sin(x: Ball) -> Result<Ball, NumError> {
    let deriv = (x.mid.cos().abs() + LIBM_ULPS * EPS + x.rad).min(1.0);
    clamp_unit(lipschitz(x.mid.sin(), deriv, x, LIBM_ULPS)?)
}

pub(super) fn ball_cos(x: Ball) -> Result<Ball, NumError> {
    let deriv = (x.mid.sin().abs() + LIBM_ULPS * EPS + x.rad).min(1.0);
    clamp_unit(lipschitz(x.mid.cos(), deriv, x, LIBM_ULPS)?)
}

/// tan, cot, sec, csc: refused when the ball may contain a pole; otherwise the derivative is
/// bounded by 1/m² where m is the lower bound of |cos| (tan, sec) or |sin| (cot, csc).
fn ball_trig_ratio(x: Ball, f: Func) -> Result<Ball, NumError> {
    let (s, c) = x.mid.sin_cos();
    let (floor, v) = match f {
        Func::Tan => (trig_floor(c, x), x.mid.tan()),
        Func::Sec => (trig_floor(c, x), 1.0 / c),
        Func::Cot => (trig_floor(s, x), c / s),
        _ => (trig_floor(s, x), 1.0 / s),
    };
    if floor <= 0.0 || !floor.is_finite() {
        return Err(NumError::Domain(f.name()));
    }
    lipschitz(v, 1.0 / (floor * floor), x, 2.0 * LIBM_ULPS + 1.0)
}

fn ball_cosh(x: Ball) -> Result<Ball, NumError> {
    if x.lo() >= 0.0 {
        return monotone(
            x,
            f64::cosh,
            true,
            (f64::NEG_INFINITY, f64::INFINITY),
            "cosh",
        );
    }
    if x.hi() <= 0.0 {
        return monotone(
            x,
            f64::cosh,
            false,
            (f64::NEG_INFINITY, f64::INFINITY),
            "cosh",
        );
    }
    let top = x.lo().cosh().max(x.hi().cosh());
    widened(1.0, top, LIBM_ULPS, "cosh")
}

/// ln, log2, log10 of a real ball: its points must all be positive.
fn ball_log(x: Ball, f: fn(f64) -> f64, name: &'static str) -> Result<Ball, NumError> {
    if x.lo() <= 0.0 {
        return Err(NumError::Domain(name));
    }
    monotone(x, f, true, (0.0, f64::INFINITY), name)
}

/// A real library function of a real ball (not Abs/Floor/Ceil, which `Num::apply` handles).
pub(super) fn ball_real_fn(x: Ball, f: Func) -> Result<Ball, NumError> {
    const ALL: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);
    const UNIT: (f64, f64) = (-1.0, 1.0);
    let name = f.name();
    match f {
        Func::Sin => ball_sin(x),
        Func::Cos => ball_cos(x),
        Func::Tan | Func::Cot | Func::Sec | Func::Csc => ball_trig_ratio(x, f),
        Func::Asin => monotone(x, f64::asin, true, UNIT, name),
        Func::Acos => monotone(x, f64::acos, false, UNIT, name),
        Func::Atan => monotone(x, f64::atan, true, ALL, name),
        Func::Sinh => monotone(x, f64::sinh, true, ALL, name),
        Func::Cosh => ball_cosh(x),
        Func::Tanh => monotone(x, f64::tanh, true, ALL, name),
        Func::Exp => monotone(x, f64::exp, true, ALL, name),
        Func::Ln => ball_log(x, f64::ln, name),
        Func::Log2 => ball_log(x, f64::log2, name),
        Func::Log10 => ball_log(x, f64::log10, name),
        Func::Abs => Ok(x.abs()),
        Func::Floor | Func::Ceil => Err(NumError::Domain(name)),
    }
}

/// `x^y` for a ball x whose points are all positive: x^y is monotone in each argument, so the
/// extremes lie at the corners.
pub(super) fn pos_pow(x: Ball, y: Ball) -> Result<Ball, NumError> {
    let (xl, xh, yl, yh) = (x.lo(), x.hi(), y.lo(), y.hi());
    if xl <= 0.0 {
        return Err(NumError::Domain("pow"));
    }
    let corners = [xl.powf(yl), xl.powf(yh), xh.powf(yl), xh.powf(yh)];
    let lo = corners.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    widened(lo, hi, LIBM_ULPS, "pow")
}

/// An upper bound of `t^e` for `t ≥ 0` and a positive exponent ball.
pub(super) fn pow_upper(t: f64, e: Ball) -> Result<f64, NumError> {
    if t == 0.0 {
        return Ok(0.0);
    }
    Ok(pos_pow(Ball::exact(t), e)?.hi())
}

/// `x^n` for a real ball and an integer n.
pub(super) fn real_pow_int(x: Ball, n: &BigInt) -> Result<Ball, NumError> {
    if n.is_zero() {
        return Ok(Ball::ONE);
    }
    if x.is_exact_zero() {
        return if n.is_positive() {
            Ok(Ball::ZERO)
        } else {
            Err(NumError::DivisionByZero)
        };
    }
    let e = rat_to_ball(&rat_int(n.clone()))?;
    if x.lo() > 0.0 {
        return pos_pow(x, e);
    }
    if x.hi() < 0.0 {
        let v = pos_pow(-x, e)?;
        return Ok(if n.is_odd() { -v } else { v });
    }
    if n.is_negative() {
        return Err(NumError::DivisionByZero);
    }
    let (down, up) = (pow_upper(-x.lo(), e)?, pow_upper(x.hi(), e)?);
    if n.is_odd() {
        Ball::from_bounds(-down, up)
    } else {
        Ball::from_bounds(0.0, down.max(up))
    }
}

/// An exact rational as a ball whose radius covers the conversion error.
pub(super) fn rat_to_ball(r: &BigRational) -> Result<Ball, NumError> {
    if r.is_zero() {
        return Ok(Ball::ZERO);
    }
    let (n, d) = (r.numer().magnitude(), r.denom().magnitude());
    let e = n.bits() as i64 - d.bits() as i64; // 2^(e-1) < |r| < 2^(e+1)
    if e > 1025 {
        return Err(NumError::TooLarge);
    }
    if e < -1078 {
        return Ok(Ball {
            mid: 0.0,
            rad: TINY,
        });
    }
    // q = floor(|r| · 2^s) has 65 or 66 bits.
    let s = 65 - e;
    let (q, exact) = if s >= 0 {
        let (q, rem) = (n << s as u64).div_rem(d);
        (q, rem.is_zero())
    } else {
        let shift = s.unsigned_abs();
        let (q, rem) = (n >> shift).div_rem(d);
        (q, rem.is_zero() && n.trailing_zeros().unwrap_or(0) >= shift)
    };
    let q = q.to_u128().unwrap_or(u128::MAX);
    let m = q as f64;
    let mid = ldexp(m, -s);
    // Truncating to q loses less than 2^-64 relative, rounding q to m at most 2^-53, and a
    // subnormal result at most 2^-1075; the last one is also detected by scaling back.
    let exact = exact && m as u128 == q && ldexp(mid, s) == m;
    let rad = if exact {
        0.0
    } else {
        grow(mid.abs() * (0.5 * EPS + pow2(-62)) + TINY)
    };
    Ball::new(if r.is_negative() { -mid } else { mid }, rad)
}

/// 2^k for -1022 ≤ k ≤ 1023.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `x · 2^e` with a single final rounding in the subnormal range.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::rationals::{f64_to_rat, rat_add, rat_div, rat_mul, rat_pow2};
    use crate::verify::num::test_support::*;
    use crate::verify::num::Budget;
    use num_traits::One;

    // ----- conversion to balls -----

    #[test]
    fn exact_to_ball_is_rigorous() {
        let mut rng = Lcg(3);
        for _ in 0..500 {
            let r = rng.rat(15);
            let b = rat_to_ball(&r).unwrap();
            assert!(holds(b, &r), "{r} not in {b:?}");
            assert!(b.rad <= 4.0 * EPS * b.mid.abs() + 8.0 * TINY);
        }
        for k in [
            -1100i64, -1080, -1075, -1074, -1070, -1030, -1022, -1000, 0, 1000, 1022,
        ] {
            let r = rat_pow2(BigInt::from(3), k);
            let b = rat_to_ball(&r).unwrap();
            assert!(holds(b, &r), "3·2^{k} not in {b:?}");
        }
        assert_eq!(
            rat_to_ball(&rat_pow2(BigInt::one(), 1024)),
            Err(NumError::TooLarge)
        );
        assert_eq!(rat_to_ball(&rat("7")).unwrap(), Ball::exact(7.0));
        assert_eq!(rat_to_ball(&rat("-3/8")).unwrap(), Ball::exact(-0.375));
    }

    #[test]
    fn f64_round_trip() {
        for x in [
            0.0,
            1.0,
            -0.1,
            1e-310,
            f64::MAX,
            f64::MIN_POSITIVE,
            TINY,
            123456.789,
        ] {
            assert_eq!(rat_to_ball(&f64_to_rat(x)).unwrap(), Ball::exact(x), "{x}");
        }
    }

    // ----- ball arithmetic -----

    #[test]
    fn ball_arithmetic_encloses_exact_results() {
        let mut rng = Lcg(5);
        let mut b = Budget::new(u64::MAX);
        for _ in 0..400 {
            let (x, y, z) = (rng.rat(3), rng.rat(3), rng.rat(3));
            if y.is_zero() {
                continue;
            }
            let (bx, by, bz) = (
                rat_to_ball(&x).unwrap(),
                rat_to_ball(&y).unwrap(),
                rat_to_ball(&z).unwrap(),
            );
            let sum = rat_add(&x, &y, &mut b).unwrap();
            assert!(holds(bx.plus(by).unwrap(), &sum));
            let diff = rat_add(&x, &-&y, &mut b).unwrap();
            assert!(holds(bx.minus(by).unwrap(), &diff));
            let prod = rat_mul(&x, &y, &mut b).unwrap();
            assert!(holds(bx.times(by).unwrap(), &prod));
            let quot = rat_div(&x, &y, &mut b).unwrap();
            assert!(holds(bx.over(by).unwrap(), &quot));
            // A chain: (x + y)·z / (y − z) when defined.
            let den = rat_add(&y, &-&z, &mut b).unwrap();
            if let Ok(chain_ball) = bx
                .plus(by)
                .and_then(|s| s.times(bz))
                .and_then(|p| p.over(by.minus(bz)?))
            {
                let chain = rat_div(&rat_mul(&sum, &z, &mut b).unwrap(), &den, &mut b).unwrap();
                assert!(holds(chain_ball, &chain));
            }
        }
    }

    #[test]
    fn ball_functions_enclose_every_point_of_the_ball() {
        // The library value at any point of the input ball must lie in the output ball (up to
        // that value's own rounding), whatever the function's shape on the ball.
        let mut rng = Lcg(17);
        let funcs = [
            Func::Sin,
            Func::Cos,
            Func::Tan,
            Func::Cot,
            Func::Sec,
            Func::Csc,
            Func::Asin,
            Func::Acos,
            Func::Atan,
            Func::Sinh,
            Func::Cosh,
            Func::Tanh,
            Func::Ln,
            Func::Log10,
            Func::Log2,
            Func::Exp,
        ];
        let eval = |f: Func, t: f64| match f {
            Func::Sin => t.sin(),
            Func::Cos => t.cos(),
            Func::Tan => t.tan(),
            Func::Cot => 1.0 / t.tan(),
            Func::Sec => 1.0 / t.cos(),
            Func::Csc => 1.0 / t.sin(),
            Func::Asin => t.asin(),
            Func::Acos => t.acos(),
            Func::Atan => t.atan(),
            Func::Sinh => t.sinh(),
            Func::Cosh => t.cosh(),
            Func::Tanh => t.tanh(),
            Func::Ln => t.ln(),
            Func::Log10 => t.log10(),
            Func::Log2 => t.log2(),
            _ => t.exp(),
        };
        for i in 0..2000 {
            let mid = (rng.next() as f64 / (1u64 << 53) as f64 - 0.5) * 8.0;
            let rad = [0.0, 1e-12, 1e-6, 0.3][i % 4];
            let f = funcs[i % funcs.len()];
            let Ok(out) = ball_real_fn(Ball { mid, rad }, f) else {
                continue;
            };
            for k in 0..=8 {
                let t = mid - rad + rad * f64::from(k) / 4.0;
                let v = eval(f, t);
                // (t − mid is exact here, so this keeps exactly the points inside the ball.)
                if v.is_finite() && (t - mid).abs() <= rad {
                    let ulp = 2.0 * EPS * v.abs();
                    assert!(
                        out.lo() - ulp <= v && v <= out.hi() + ulp,
                        "{f:?}({t}) = {v} not in {out:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ball_powers_enclose_every_point_of_the_ball() {
        let mut rng = Lcg(19);
        for i in 0..500 {
            let x = Ball {
                mid: rng.next() as f64 / (1u64 << 53) as f64 * 4.0 + 0.1,
                rad: [0.0, 1e-9, 0.05][i % 3],
            };
            let y = Ball {
                mid: (rng.next() as f64 / (1u64 << 53) as f64 - 0.5) * 6.0,
                rad: [0.0, 1e-9, 0.2][i % 3],
            };
            let out = pos_pow(x, y).unwrap();
            for (j, k) in [
                (0.0, 0.0),
                (0.0, 1.0),
                (1.0, 0.0),
                (1.0, 1.0),
                (0.5, 0.3),
                (0.2, 0.9),
            ] {
                let (s, t) = (
                    x.mid - x.rad + 2.0 * x.rad * j,
                    y.mid - y.rad + 2.0 * y.rad * k,
                );
                if (s - x.mid).abs() > x.rad || (t - y.mid).abs() > y.rad {
                    continue;
                }
                let v = s.powf(t);
                let ulp = 2.0 * EPS * v.abs();
                assert!(
                    out.lo() - ulp <= v && v <= out.hi() + ulp,
                    "{s}^{t} = {v} not in {out:?}"
                );
            }
            let n = BigInt::from(i as i64 % 7 - 3);
            let xn = Ball {
                mid: -x.mid,
                rad: x.rad,
            };
            let v = (-x.mid).powi(i as i32 % 7 - 3);
            let out = real_pow_int(xn, &n).unwrap();
            assert!(out.lo() - 2.0 * EPS * v.abs() <= v && v <= out.hi() + 2.0 * EPS * v.abs());
        }
    }

    #[test]
    fn ball_operations_that_are_exact_keep_radius_zero() {
        let x = Ball::exact(0.5);
        assert_eq!(x.plus(Ball::exact(0.25)).unwrap(), Ball::exact(0.75));
        assert_eq!(x.times(Ball::exact(6.0)).unwrap(), Ball::exact(3.0));
        assert_eq!(
            Ball::exact(3.0).over(Ball::exact(4.0)).unwrap(),
            Ball::exact(0.75)
        );
        assert_eq!(Ball::exact(9.0).sqrt().unwrap(), Ball::exact(3.0));
        assert!(Ball::exact(0.1).plus(Ball::exact(0.2)).unwrap().rad > 0.0);
        assert!(Ball::exact(1.0).over(Ball::exact(3.0)).unwrap().rad > 0.0);
        assert!(Ball::exact(2.0).sqrt().unwrap().rad > 0.0);
    }

    #[test]
    fn ball_overflow_and_division_by_zero() {
        let big = Ball::exact(1e300);
        assert_eq!(big.times(big), Err(NumError::TooLarge));
        assert_eq!(
            Ball::exact(1.0).over(Ball {
                mid: 1e-20,
                rad: 1e-19
            }),
            Err(NumError::DivisionByZero)
        );
        assert_eq!(
            Ball::new(f64::NAN, 0.0),
            Err(NumError::Domain("arithmetic"))
        );
        let tiny = Ball::exact(1e-200);
        let p = tiny.times(tiny).unwrap();
        assert!(p.contains_zero() && p.rad > 0.0, "{p:?}");
    }
}
