//! `Num`, the numeric tower: construction, decimal parsing, arithmetic, powers and roots that
//! stay exact while they can and fall back to balls (see the `num` docs for the rules).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::balls::{rat_to_ball, E_BALL, PI_BALL};
use super::budget::{parse_cost, pow_cost, Budget, NumError, NumResult, BALL_COST, FUNC_COST};
use super::comparison::effectively_real;
use super::complex::{ball_pow_frac, cball_pow_int, cpow, CBall};
use super::rationals::{
    decimal_rational, exact_gauss_sqrt, exact_rat_root, rat_int, rat_recip, CRat,
};
use super::{MAX_EXACT_BITS, POW_EXACT_BITS};

#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    Exact(CRat),
    Approx(CBall),
}

impl Num {
    pub fn int(i: i64) -> Num {
        Num::from_bigint(BigInt::from(i))
    }

    pub fn from_bigint(i: BigInt) -> Num {
        Num::Exact(CRat::real(rat_int(i)))
    }

    /// Takes a rational as `BigRational::new` makes it (lowest terms); a negative denominator
    /// is normalised.
    pub fn from_rational(r: BigRational) -> Num {
        let r = if r.denom().is_negative() {
            BigRational::new_raw(-r.numer(), -r.denom())
        } else {
            r
        };
        Num::Exact(CRat::real(r))
    }

    /// `"123"`, `"12.50"`, `".5"`, `"007"`, `"5."` → exact; `None` for anything else (signs and
    /// exponents are the caller's).
    pub fn parse_decimal(digits: &str, budget: &mut Budget) -> Result<Option<Num>, NumError> {
        let Some((int_part, frac_part)) = split_decimal(digits) else {
            return Ok(None);
        };
        let frac_part = frac_part.trim_end_matches('0');
        let all = format!("{int_part}{frac_part}");
        budget.spend(parse_cost(all.len() as u64))?;
        let n = if all.is_empty() {
            BigUint::zero()
        } else {
            BigUint::parse_bytes(all.as_bytes(), 10).unwrap_or_default()
        };
        let r = decimal_rational(n, frac_part.len() as u64, budget)?;
        Ok(Some(Num::Exact(CRat::real(r))))
    }

    pub fn pi() -> Num {
        Num::Approx(CBall::real(PI_BALL))
    }

    pub fn e() -> Num {
        Num::Approx(CBall::real(E_BALL))
    }

    pub fn i() -> Num {
        Num::Exact(CRat {
            re: BigRational::zero(),
            im: BigRational::one(),
        })
    }

    pub fn zero() -> Num {
        Num::int(0)
    }

    pub fn one() -> Num {
        Num::int(1)
    }

    pub fn is_exact(&self) -> bool {
        matches!(self, Num::Exact(_))
    }

    pub fn is_zero_exact(&self) -> bool {
        matches!(self, Num::Exact(z) if z.is_zero())
    }

    /// `Some(&r)` when exact and real.
    pub fn as_exact_real(&self) -> Option<&BigRational> {
        match self {
            Num::Exact(z) if z.is_real() => Some(&z.re),
            _ => None,
        }
    }

    /// The exact integer value, or `Domain(name)`.
    pub(super) fn exact_integer(&self, name: &'static str) -> Result<&BigInt, NumError> {
        match self.as_exact_real() {
            Some(r) if r.is_integer() => Ok(r.numer()),
            _ => Err(NumError::Domain(name)),
        }
    }

    /// The real value (midpoint) when the number is real: exact with a zero imaginary part, or a
    /// ball whose imaginary part is a narrow ball around 0. `None` if it overflows f64.
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Num::Exact(z) if z.is_real() => rat_to_ball(&z.re).ok().map(|b| b.mid),
            Num::Exact(_) => None,
            Num::Approx(c) => effectively_real(c).map(|b| b.mid),
        }
    }

    /// A ball around the value; `TooLarge` when it does not fit in f64.
    pub fn to_ball(&self) -> Result<CBall, NumError> {
        match self {
            Num::Exact(z) => z.to_ball(),
            Num::Approx(c) => Ok(*c),
        }
    }

    pub fn neg(&self) -> Num {
        match self {
            Num::Exact(z) => Num::Exact(z.neg()),
            Num::Approx(c) => Num::Approx(-*c),
        }
    }

    /// Both operands exact and the result estimated under the size cap.
    fn exact_pair<'a>(&'a self, o: &'a Num, extra_bits: u64) -> Option<(&'a CRat, &'a CRat)> {
        match (self, o) {
            (Num::Exact(x), Num::Exact(y))
                if x.bits() + y.bits() + extra_bits <= MAX_EXACT_BITS =>
            {
                Some((x, y))
            }
            _ => None,
        }
    }

    pub fn add(&self, o: &Num, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        if let Some((x, y)) = self.exact_pair(o, 2) {
            return Ok(Num::Exact(x.add(y, b)?));
        }
        Ok(Num::Approx(self.to_ball()?.plus(o.to_ball()?)?))
    }

    pub fn sub(&self, o: &Num, b: &mut Budget) -> NumResult {
        self.add(&o.neg(), b)
    }

    pub fn mul(&self, o: &Num, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        if let Some((x, y)) = self.exact_pair(o, 2) {
            return Ok(Num::Exact(x.mul(y, b)?));
        }
        Ok(Num::Approx(self.to_ball()?.times(o.to_ball()?)?))
    }

    /// `DivisionByZero` for an exact 0 or a ball containing 0.
    pub fn div(&self, o: &Num, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        if o.is_zero_exact() {
            return Err(NumError::DivisionByZero);
        }
        let extra = match o {
            Num::Exact(y) if !y.is_real() => 2 * y.bits() + 4,
            Num::Exact(_) => 2,
            Num::Approx(_) => 0,
        };
        if let Some((x, y)) = self.exact_pair(o, extra) {
            return Ok(Num::Exact(x.div(y, b)?));
        }
        Ok(Num::Approx(self.to_ball()?.over(o.to_ball()?)?))
    }

    /// `self^exp`; see the `num` module docs for exactness and branches.
    pub fn pow(&self, exp: &Num, b: &mut Budget) -> NumResult {
        b.spend(FUNC_COST)?;
        match exp.as_exact_real() {
            Some(r) if r.is_integer() => self.pow_int(r.numer(), b),
            Some(r) => self.pow_frac(r.numer(), r.denom(), b),
            None => self.pow_general(exp, b),
        }
    }

    fn pow_int(&self, n: &BigInt, b: &mut Budget) -> NumResult {
        if n.is_zero() {
            return Ok(Num::one());
        }
        match self {
            Num::Exact(z) => exact_pow_int(z, n, b),
            Num::Approx(c) => {
                b.spend(2 * BALL_COST * n.bits().min(64))?;
                Ok(Num::Approx(cball_pow_int(*c, n)?))
            }
        }
    }

    /// `self^(p/q)` with q ≥ 2 and p/q in lowest terms.
    fn pow_frac(&self, p: &BigInt, q: &BigInt, b: &mut Budget) -> NumResult {
        match self {
            Num::Exact(z) if z.is_real() => exact_real_pow_frac(&z.re, p, q, b),
            Num::Exact(z) => {
                if q == &BigInt::from(2) {
                    if let Some(s) = exact_gauss_sqrt(z, b)? {
                        return exact_pow_int(&s, p, b);
                    }
                }
                let w = CBall::real(rat_to_ball(&BigRational::new_raw(p.clone(), q.clone()))?);
                Ok(Num::Approx(cpow(z.to_ball()?, w)?))
            }
            Num::Approx(c) if c.is_real() => Ok(Num::Approx(ball_pow_frac(c.re, p, q)?)),
            Num::Approx(c) => {
                let w = CBall::real(rat_to_ball(&BigRational::new_raw(p.clone(), q.clone()))?);
                Ok(Num::Approx(cpow(*c, w)?))
            }
        }
    }

    /// `self^exp` for an exponent that is a ball or a non-real exact number.
    fn pow_general(&self, exp: &Num, b: &mut Budget) -> NumResult {
        b.spend(FUNC_COST)?;
        let w = exp.to_ball()?;
        if self.is_zero_exact() {
            return if w.re.lo() > 0.0 {
                Ok(Num::zero())
            } else if w.re.hi() < 0.0 {
                Err(NumError::DivisionByZero)
            } else {
                Err(NumError::Domain("pow"))
            };
        }
        Ok(Num::Approx(cpow(self.to_ball()?, w)?))
    }

    /// Square root: exact for perfect squares (`√(9/4) = 3/2`, `√-4 = 2i`), else a ball.
    pub fn sqrt(&self, b: &mut Budget) -> NumResult {
        b.spend(FUNC_COST)?;
        self.pow_frac(&BigInt::one(), &BigInt::from(2), b)
    }

    /// `\sqrt[n]{x}`: odd roots of negative reals are real (`\sqrt[3]{-8} = -2`).
    pub fn nth_root(&self, n: &Num, b: &mut Budget) -> NumResult {
        if n.is_zero_exact() {
            return Err(NumError::Domain("root"));
        }
        let inv = Num::one().div(n, b)?;
        self.pow(&inv, b)
    }
}

fn split_decimal(s: &str) -> Option<(&str, &str)> {
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty()) || !digits(int_part) || !digits(frac_part) {
        return None;
    }
    Some((int_part, frac_part))
}

/// `z^n` for an exact z: exact under the size cap and budget, otherwise a ball.
fn exact_pow_int(z: &CRat, n: &BigInt, b: &mut Budget) -> NumResult {
    if n.is_zero() {
        return Ok(Num::one());
    }
    if z.is_zero() {
        return if n.is_positive() {
            Ok(Num::zero())
        } else {
            Err(NumError::DivisionByZero)
        };
    }
    if let Some(u) = z.unit_pow(n) {
        return Ok(Num::Exact(u));
    }
    let k = n.magnitude().to_u32().filter(|&k| {
        let bits = z.pow_bits(k.into());
        bits <= POW_EXACT_BITS && b.try_spend(pow_cost(bits))
    });
    let Some(k) = k else {
        b.spend(2 * BALL_COST * n.bits().min(64))?;
        let ball = cball_pow_int(z.to_ball()?, n)?;
        // z is not 0, so neither is z^n: a ball reaching 0 has underflowed and would compare
        // equal to 0, which is false (10^{-10^{10}} is not 0).
        if ball.re.contains_zero() && ball.im.contains_zero() {
            return Err(NumError::TooLarge);
        }
        return Ok(Num::Approx(ball));
    };
    let p = z.pow_u32(k, b)?;
    if !n.is_negative() {
        return Ok(Num::Exact(p));
    }
    if p.is_real() {
        return Ok(Num::Exact(CRat::real(rat_recip(&p.re))));
    }
    Ok(Num::Exact(CRat::real(BigRational::one()).div(&p, b)?))
}

/// `r^(p/q)` for an exact real r (q ≥ 2, p/q in lowest terms).
fn exact_real_pow_frac(r: &BigRational, p: &BigInt, q: &BigInt, b: &mut Budget) -> NumResult {
    if r.is_zero() {
        return if p.is_positive() {
            Ok(Num::zero())
        } else {
            Err(NumError::DivisionByZero)
        };
    }
    let root = q.to_u32().and_then(|k| exact_rat_root(&r.abs(), k, b));
    match root {
        Some(s) if r.is_positive() => exact_pow_int(&CRat::real(s), p, b),
        Some(s) if q.is_odd() => exact_pow_int(&CRat::real(-s), p, b),
        Some(s) if q == &BigInt::from(2) => exact_pow_int(
            &CRat {
                re: BigRational::zero(),
                im: s,
            },
            p,
            b,
        ),
        _ => {
            b.spend(FUNC_COST)?;
            Ok(Num::Approx(ball_pow_frac(rat_to_ball(r)?, p, q)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::{approx_eq, Func, Tri};

    // ----- parsing -----

    #[test]
    fn parse_decimal_forms() {
        let p = |s: &str| Num::parse_decimal(s, &mut bud()).unwrap();
        assert_eq!(p("123"), Some(Num::int(123)));
        assert_eq!(p("007"), Some(Num::int(7)));
        assert_eq!(p("5."), Some(Num::int(5)));
        assert_eq!(p("0.000"), Some(Num::int(0)));
        assert_eq!(
            p("12.50").unwrap().as_exact_real(),
            Some(&BigRational::new(25.into(), 2.into()))
        );
        assert_eq!(
            p(".5").unwrap().as_exact_real(),
            Some(&BigRational::new(1.into(), 2.into()))
        );
        assert_eq!(
            p("0.0625").unwrap().as_exact_real(),
            Some(&BigRational::new(1.into(), 16.into()))
        );
        assert_eq!(
            p("3.14").unwrap().as_exact_real(),
            Some(&BigRational::new(157.into(), 50.into()))
        );
        for bad in [
            "", ".", "1e5", "-1", "+1", "1.2.3", " 1", "1,5", "١٢", "0x10",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_decimal_keeps_lowest_terms() {
        // 5^30 / 10^30 = 1 / 2^30 and 2^20 / 10^20 = 1 / 5^20.
        let five30 = num_traits::pow(BigInt::from(5), 30).to_string();
        let s = format!("0.{five30:0>30}");
        let v = Num::parse_decimal(&s, &mut bud()).unwrap().unwrap();
        assert_eq!(
            v.as_exact_real().unwrap(),
            &BigRational::new(1.into(), BigInt::one() << 30)
        );
        let v = Num::parse_decimal("0.00000000000001048576", &mut bud())
            .unwrap()
            .unwrap();
        assert_eq!(
            v.as_exact_real().unwrap().denom(),
            &num_traits::pow(BigInt::from(5), 20)
        );
        assert_eq!(v.as_exact_real().unwrap().numer(), &BigInt::one());
    }

    #[test]
    fn parse_long_decimals_spend_budget_and_stay_fast() {
        let digits: String = (0..10_000)
            .map(|i| char::from(b'1' + (i % 9) as u8))
            .collect();
        let mut b = bud();
        let v = timed(20, || Num::parse_decimal(&digits, &mut b))
            .unwrap()
            .unwrap();
        assert!(v.is_exact());
        assert!(b.remaining() < DEFAULT_BUDGET);
        let frac = format!("0.{digits}");
        timed(20, || Num::parse_decimal(&frac, &mut bud()))
            .unwrap()
            .unwrap();
        let mut small = Budget::new(100);
        assert_eq!(
            Num::parse_decimal(&digits, &mut small),
            Err(NumError::Budget)
        );
    }

    #[test]
    fn mixed_exact_and_ball_gives_ball() {
        let mut b = bud();
        let v = q("1/3").add(&Num::pi(), &mut b).unwrap();
        assert!(!v.is_exact());
        let sq = Num::int(2).sqrt(&mut b).unwrap();
        let two = sq.mul(&sq, &mut b).unwrap();
        assert!(!two.is_exact(), "balls never turn back into exact values");
        assert_eq!(approx_eq(&two, &Num::int(2), 0.0), Tri::True);
        assert_eq!(
            Num::one().div(&Num::pi().sub(&Num::pi(), &mut b).unwrap(), &mut b),
            Err(NumError::DivisionByZero)
        );
    }

    #[test]
    fn to_f64_of_real_values() {
        let mut b = bud();
        assert_eq!(q("1/4").to_f64(), Some(0.25));
        assert_eq!(Num::i().to_f64(), None);
        assert_eq!(Num::pi().to_f64(), Some(std::f64::consts::PI));
        // e^(iπ) is real within its error bounds.
        let z = Num::i()
            .mul(&Num::pi(), &mut b)
            .unwrap()
            .apply(Func::Exp, &mut b)
            .unwrap();
        assert!((z.to_f64().unwrap() + 1.0).abs() < 1e-15);
    }

    // ----- powers and roots -----

    #[test]
    fn exact_integer_powers() {
        assert_exact(int_pow(2, 10), &Num::int(1024));
        assert_exact(int_pow(2, -3), &q("1/8"));
        assert_exact(int_pow(-3, 3), &Num::int(-27));
        assert_exact(q("2/3").pow(&Num::int(-2), &mut bud()), &q("9/4"));
        assert_exact(int_pow(0, 0), &Num::one());
        assert_exact(int_pow(0, 5), &Num::zero());
        assert_eq!(int_pow(0, -1), Err(NumError::DivisionByZero));
        let p = int_pow(2, 20_000).unwrap();
        assert_eq!(p.as_exact_real().unwrap().numer().bits(), 20_001);
    }

    #[test]
    fn powers_of_units_are_exact_for_any_exponent() {
        let mut b = bud();
        let huge = int_pow(10, 30).unwrap();
        assert_exact(Num::int(-1).pow(&huge, &mut b), &Num::one());
        let odd = huge.add(&Num::one(), &mut b).unwrap();
        assert_exact(Num::int(-1).pow(&odd, &mut b), &Num::int(-1));
        assert_exact(Num::i().pow(&odd, &mut b), &Num::i());
        assert_exact(Num::i().pow(&Num::int(2), &mut b), &Num::int(-1));
        assert_exact(Num::i().pow(&Num::int(-1), &mut b), &c("0", "-1"));
        assert_exact(c("0", "-1").pow(&Num::int(3), &mut b), &Num::i());
        assert_exact(Num::one().pow(&huge, &mut b), &Num::one());
    }

    #[test]
    fn exact_complex_powers() {
        let mut b = bud();
        assert_exact(c("1", "1").pow(&Num::int(2), &mut b), &c("0", "2"));
        assert_exact(c("1", "1").pow(&Num::int(-2), &mut b), &c("0", "-1/2"));
        assert_exact(c("1", "2").pow(&Num::int(3), &mut b), &c("-11", "-2"));
        let big = c("1", "2").pow(&Num::int(1000), &mut b).unwrap();
        assert!(big.is_exact());
    }

    #[test]
    fn exact_roots_of_perfect_powers() {
        let mut b = bud();
        let frac = |s: &str| q(s);
        assert_exact(Num::int(4).pow(&frac("1/2"), &mut b), &Num::int(2));
        assert_exact(Num::int(8).pow(&frac("2/3"), &mut b), &Num::int(4));
        assert_exact(q("9/4").pow(&frac("-1/2"), &mut b), &q("2/3"));
        assert_exact(Num::int(-8).pow(&frac("1/3"), &mut b), &Num::int(-2));
        assert_exact(Num::int(-8).pow(&frac("2/3"), &mut b), &Num::int(4));
        assert_exact(Num::int(-4).pow(&frac("1/2"), &mut b), &c("0", "2"));
        assert_exact(Num::int(-4).pow(&frac("3/2"), &mut b), &c("0", "-8"));
        assert_exact(Num::int(-4).sqrt(&mut b), &c("0", "2"));
        assert_exact(q("0.25").sqrt(&mut b), &q("1/2"));
        assert_exact(Num::int(1024).pow(&frac("0.7"), &mut b), &Num::int(128));
        assert_exact(Num::int(0).pow(&frac("1/2"), &mut b), &Num::zero());
        assert_eq!(
            Num::int(0).pow(&frac("-1/2"), &mut b),
            Err(NumError::DivisionByZero)
        );
        let big = int_pow(3, 9000).unwrap();
        assert_exact(big.pow(&frac("1/9"), &mut b), &int_pow(3, 1000).unwrap());
    }

    #[test]
    fn nth_roots() {
        let mut b = bud();
        assert_exact(Num::int(-8).nth_root(&Num::int(3), &mut b), &Num::int(-2));
        assert_exact(Num::int(16).nth_root(&Num::int(4), &mut b), &Num::int(2));
        assert_exact(q("1/8").nth_root(&Num::int(-3), &mut b), &Num::int(2));
        assert_encloses(
            Num::int(2).nth_root(&Num::int(3), &mut b),
            "1.259921049894873164767210607278228350570",
        );
        assert_encloses(
            Num::int(-2).nth_root(&Num::int(3), &mut b),
            "-1.259921049894873164767210607278228350570",
        );
        assert_eq!(
            Num::int(2).nth_root(&Num::zero(), &mut b),
            Err(NumError::Domain("root"))
        );
    }

    #[test]
    fn exact_gaussian_square_roots() {
        let mut b = bud();
        assert_exact(c("0", "2").sqrt(&mut b), &c("1", "1"));
        assert_exact(c("0", "-2").sqrt(&mut b), &c("1", "-1"));
        assert_exact(c("3", "4").sqrt(&mut b), &c("2", "1"));
        assert_exact(c("-3", "4").sqrt(&mut b), &c("1", "2"));
        let r = Num::i().sqrt(&mut b).unwrap();
        let h = "0.7071067811865475244008443621048490392848";
        assert!(!r.is_exact());
        let c = r.to_ball().unwrap();
        assert!(holds(c.re, &rat(h)) && holds(c.im, &rat(h)));
    }

    #[test]
    fn irrational_powers_are_tight_balls() {
        let mut b = bud();
        assert_encloses(
            Num::int(2).sqrt(&mut b),
            "1.414213562373095048801688724209698078570",
        );
        assert_encloses(
            Num::int(2).pow(&q("1/4"), &mut b),
            "1.189207115002721066717499970560475915293",
        );
        assert_encloses(
            Num::int(3).pow(&q("2/5"), &mut b),
            "1.551845573915359674273345135516699323262",
        );
        assert_encloses(
            Num::e().pow(&Num::pi(), &mut b),
            "23.14069263277926900572908636794854738027",
        );
        assert_encloses(
            Num::pi().pow(&Num::e(), &mut b),
            "22.45915771836104547342715220454373502759",
        );
        assert_encloses(
            Num::pi().pow(&Num::int(-2), &mut b),
            "0.1013211836423377714438794632097276389044",
        );
    }

    #[test]
    fn negative_bases_with_fractional_exponents() {
        let mut b = bud();
        // (-2)^(1/4) = 2^(-1/4)·(1 + i)
        let z = Num::int(-2)
            .pow(&q("1/4"), &mut b)
            .unwrap()
            .to_ball()
            .unwrap();
        let h = rat("0.8408964152537145430311254762332148950400");
        assert!(holds(z.re, &h) && holds(z.im, &h), "{z:?}");
        // (-2)^(3/2) = -2√2·i, with an exactly zero real part.
        let z = Num::int(-2)
            .pow(&q("3/2"), &mut b)
            .unwrap()
            .to_ball()
            .unwrap();
        assert!(z.re.is_exact_zero());
        assert!(holds(
            z.im,
            &rat("-2.828427124746190097603377448419396157139")
        ));
        // A ball base: (-π)^(1/3) is the real cube root.
        assert_encloses(
            Num::pi().neg().pow(&q("1/3"), &mut b),
            "-1.464591887561523263020142527263790391739",
        );
        // A ball that straddles 0: the square root covers both the real and imaginary cases.
        let s = ball(0.0, 1e-20).sqrt(&mut b).unwrap().to_ball().unwrap();
        assert!(s.re.hi() >= 1e-10 && s.im.hi() >= 1e-10 && s.re.lo() <= 0.0);
    }

    #[test]
    fn complex_and_ball_exponents() {
        let mut b = bud();
        // i^i = e^(-π/2)
        assert_encloses(
            Num::i().pow(&Num::i(), &mut b),
            "0.2078795763507619085469556198349787700339",
        );
        // 2^(i) = cos(ln 2) + i sin(ln 2)
        let z = Num::int(2)
            .pow(&Num::i(), &mut b)
            .unwrap()
            .to_ball()
            .unwrap();
        assert!(holds(
            z.re,
            &rat("0.7692389013639721265783299936612707014409")
        ));
        assert!(holds(
            z.im,
            &rat("0.6389612763136348011500329114647017842572")
        ));
        assert_exact(Num::zero().pow(&Num::pi(), &mut b), &Num::zero());
        assert_eq!(
            Num::zero().pow(&Num::pi().neg(), &mut b),
            Err(NumError::DivisionByZero)
        );
        // A negative base to a ball power is the principal complex value.
        let z = Num::int(-1)
            .pow(&ball(0.5, 0.0), &mut b)
            .unwrap()
            .to_ball()
            .unwrap();
        assert!(z.re.contains_zero() && holds(z.im, &rat("1")));
    }
}
