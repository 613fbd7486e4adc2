//! Complex balls (`CBall`): arithmetic, `exp`, `ln` and powers built on real balls. The branch
//! rules (principal branch, refusing a ball on the cut) all live here.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive};

use super::balls::{
    above, ball_cos, ball_real_fn, ball_sin, grow, pos_pow, pow_upper, rat_to_ball, real_pow_int,
    slop, Ball, PI_BALL,
};
use super::budget::NumError;
use super::functions::Func;
use super::rationals::rat_int;
use super::LIBM_ULPS;

/// Largest |n| for which a complex ball is raised to the n-th power by repeated squaring.
const COMPLEX_SQUARING_MAX_BITS: u64 = 20;

/// Complex ball: one real ball per component.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CBall {
    pub re: Ball,
    pub im: Ball,
}

impl CBall {
    pub const ZERO: CBall = CBall {
        re: Ball::ZERO,
        im: Ball::ZERO,
    };
    pub const ONE: CBall = CBall {
        re: Ball::ONE,
        im: Ball::ZERO,
    };

    pub fn real(re: Ball) -> CBall {
        CBall { re, im: Ball::ZERO }
    }

    /// Real when the imaginary part is exactly 0.
    pub fn is_real(&self) -> bool {
        self.im.is_exact_zero()
    }

    pub fn plus(self, o: CBall) -> Result<CBall, NumError> {
        Ok(CBall {
            re: self.re.plus(o.re)?,
            im: self.im.plus(o.im)?,
        })
    }

    pub fn minus(self, o: CBall) -> Result<CBall, NumError> {
        self.plus(-o)
    }

    pub fn times(self, o: CBall) -> Result<CBall, NumError> {
        if self.is_real() && o.is_real() {
            return Ok(CBall::real(self.re.times(o.re)?));
        }
        let re = self.re.times(o.re)?.minus(self.im.times(o.im)?)?;
        let im = self.re.times(o.im)?.plus(self.im.times(o.re)?)?;
        Ok(CBall { re, im })
    }

    pub fn over(self, o: CBall) -> Result<CBall, NumError> {
        if o.is_real() {
            return Ok(CBall {
                re: self.re.over(o.re)?,
                im: self.im.over(o.re)?,
            });
        }
        let norm = o.re.times(o.re)?.plus(o.im.times(o.im)?)?;
        if norm.lo() <= 0.0 {
            return Err(NumError::DivisionByZero);
        }
        let p = self.times(CBall {
            re: o.re,
            im: -o.im,
        })?;
        Ok(CBall {
            re: p.re.over(norm)?,
            im: p.im.over(norm)?,
        })
    }

    /// |z| as a real ball.
    pub fn abs(self) -> Result<Ball, NumError> {
        if self.is_real() {
            return Ok(self.re.abs());
        }
        if self.re.is_exact_zero() {
            return Ok(self.im.abs());
        }
        let m = self.re.mid.hypot(self.im.mid);
        Ball::new(m, grow(self.re.rad + self.im.rad + slop(m, 1.0)))
    }

    /// Lower and upper bounds of |z| over the ball.
    pub(super) fn abs_bounds(self) -> Result<(f64, f64), NumError> {
        let a = self.abs()?;
        Ok((a.lo().max(0.0), a.hi()))
    }
}

impl std::ops::Neg for CBall {
    type Output = CBall;

    fn neg(self) -> CBall {
        CBall {
            re: -self.re,
            im: -self.im,
        }
    }
}

pub(super) fn cexp(z: CBall) -> Result<CBall, NumError> {
    let m = ball_real_fn(z.re, Func::Exp)?;
    if z.is_real() {
        return Ok(CBall::real(m));
    }
    Ok(CBall {
        re: m.times(ball_cos(z.im)?)?,
        im: m.times(ball_sin(z.im)?)?,
    })
}

/// Principal argument; refused when the ball touches the branch cut (the negative real axis)
/// unless it lies exactly on it.
fn carg(z: CBall) -> Result<Ball, NumError> {
    if z.is_real() {
        if z.re.lo() > 0.0 {
            return Ok(Ball::ZERO);
        }
        if z.re.hi() < 0.0 {
            return Ok(PI_BALL);
        }
        return Err(NumError::Domain("ln"));
    }
    if z.im.contains_zero() && z.re.lo() < 0.0 {
        return Err(NumError::Domain("ln"));
    }
    let (floor, _) = z.abs_bounds()?;
    if floor <= 0.0 {
        return Err(NumError::Domain("ln"));
    }
    let v = z.im.mid.atan2(z.re.mid);
    Ball::new(v, grow((z.re.rad + z.im.rad) / floor + slop(v, LIBM_ULPS)))
}

pub(super) fn cln(z: CBall) -> Result<CBall, NumError> {
    let arg = carg(z)?;
    let modulus = ball_real_fn(z.abs()?, Func::Ln)?;
    Ok(CBall {
        re: modulus,
        im: arg,
    })
}

/// Principal `z^w = exp(w·ln z)`.
pub(super) fn cpow(z: CBall, w: CBall) -> Result<CBall, NumError> {
    if z.is_real() && w.is_real() && z.re.lo() > 0.0 {
        return Ok(CBall::real(pos_pow(z.re, w.re)?));
    }
    cexp(w.times(cln(z)?)?)
}

/// `z^n` for a complex ball and an integer n.
pub(super) fn cball_pow_int(z: CBall, n: &BigInt) -> Result<CBall, NumError> {
    if z.is_real() {
        return Ok(CBall::real(real_pow_int(z.re, n)?));
    }
    let Some(k) = n
        .magnitude()
        .to_u64()
        .filter(|k| 64 - k.leading_zeros() as u64 <= COMPLEX_SQUARING_MAX_BITS)
    else {
        return cpow(z, CBall::real(rat_to_ball(&rat_int(n.clone()))?));
    };
    let mut result = CBall::ONE;
    let mut base = z;
    let mut k = k;
    while k > 0 {
        if k & 1 == 1 {
            result = result.times(base)?;
        }
        k >>= 1;
        if k > 0 {
            base = base.times(base)?;
        }
    }
    if n.is_negative() {
        CBall::ONE.over(result)
    } else {
        Ok(result)
    }
}

/// `m · e^(iπ·p/q)` for a magnitude ball m: the value of a negative base to the power p/q.
fn polar_of_negative(m: Ball, p: &BigInt, q: &BigInt) -> Result<CBall, NumError> {
    if q == &BigInt::from(2) {
        // e^(iπp/2) = i^p exactly.
        let sign = if p.mod_floor(&BigInt::from(4)) == BigInt::one() {
            1.0
        } else {
            -1.0
        };
        return Ok(CBall {
            re: Ball::ZERO,
            im: Ball {
                mid: sign * m.mid,
                rad: m.rad,
            },
        });
    }
    let theta = PI_BALL.times(rat_to_ball(&BigRational::new_raw(p.clone(), q.clone()))?)?;
    Ok(CBall {
        re: m.times(ball_cos(theta)?)?,
        im: m.times(ball_sin(theta)?)?,
    })
}

/// `x^(p/q)` for a real ball x (q ≥ 2, p/q in lowest terms): real root for odd q, principal
/// value for even q.
pub(super) fn ball_pow_frac(x: Ball, p: &BigInt, q: &BigInt) -> Result<CBall, NumError> {
    let e = rat_to_ball(&BigRational::new_raw(p.clone(), q.clone()))?;
    if x.lo() > 0.0 {
        return Ok(CBall::real(pos_pow(x, e)?));
    }
    if x.hi() < 0.0 {
        let m = pos_pow(-x, e)?;
        if q.is_odd() {
            return Ok(CBall::real(if p.is_odd() { -m } else { m }));
        }
        return polar_of_negative(m, p, q);
    }
    if p.is_negative() {
        return Err(NumError::DivisionByZero);
    }
    if q.is_odd() {
        let (down, up) = (pow_upper(-x.lo(), e)?, pow_upper(x.hi(), e)?);
        let b = if p.is_odd() {
            Ball::from_bounds(-down, up)?
        } else {
            Ball::from_bounds(0.0, down.max(up))?
        };
        return Ok(CBall::real(b));
    }
    if q == &BigInt::from(2) {
        // √x for x in [lo, hi] ∋ 0 is real in [0, √hi] or imaginary in [0, √-lo]·i.
        let re = Ball::from_bounds(0.0, above(x.hi().max(0.0).sqrt()))?;
        let im = Ball::from_bounds(0.0, above((-x.lo()).max(0.0).sqrt()))?;
        return cball_pow_int(CBall { re, im }, p);
    }
    Err(NumError::Domain("pow"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::{approx_eq, Budget, CRat, Num, Tri};

    #[test]
    fn complex_ball_arithmetic_encloses_exact_results() {
        let mut rng = Lcg(13);
        let mut b = Budget::new(u64::MAX);
        for _ in 0..200 {
            let x = CRat {
                re: rng.rat(2),
                im: rng.rat(2),
            };
            let y = CRat {
                re: rng.rat(2),
                im: rng.rat(2),
            };
            if y.is_zero() {
                continue;
            }
            let (bx, by) = (x.to_ball().unwrap(), y.to_ball().unwrap());
            let contains = |c: CBall, z: &CRat| holds(c.re, &z.re) && holds(c.im, &z.im);
            assert!(contains(bx.times(by).unwrap(), &x.mul(&y, &mut b).unwrap()));
            assert!(contains(bx.plus(by).unwrap(), &x.add(&y, &mut b).unwrap()));
            if let Ok(q) = bx.over(by) {
                assert!(contains(q, &x.div(&y, &mut b).unwrap()));
            }
        }
    }

    #[test]
    fn complex_exp_and_ln() {
        let mut b = bud();
        let ln_m1 = Num::int(-1).apply(Func::Ln, &mut b).unwrap();
        let i_pi = Num::i().mul(&Num::pi(), &mut b).unwrap();
        assert_eq!(approx_eq(&ln_m1, &i_pi, 0.0), Tri::True);
        let e_i_pi = i_pi.apply(Func::Exp, &mut b).unwrap();
        assert_eq!(approx_eq(&e_i_pi, &Num::int(-1), 0.0), Tri::True);
        let ln_i = Num::i().apply(Func::Ln, &mut b).unwrap().to_ball().unwrap();
        assert!(ln_i.re.contains_zero());
        assert!(holds(
            ln_i.im,
            &rat("1.570796326794896619231321691639751442099")
        ));
        let log2_m8 = Num::int(-8)
            .apply(Func::Log2, &mut b)
            .unwrap()
            .to_ball()
            .unwrap();
        assert!(holds(log2_m8.re, &rat("3")));
        assert!(holds(
            log2_m8.im,
            &rat("4.532360141827193809627682945716666810172")
        ));
        // A ball on the branch cut is refused rather than guessed.
        let cut = Num::Approx(CBall {
            re: Ball::exact(-1.0),
            im: Ball {
                mid: 0.0,
                rad: 1e-20,
            },
        });
        assert_eq!(cut.apply(Func::Ln, &mut b), Err(NumError::Domain("ln")));
    }
}
