//! Library functions (`Func`), logarithms, factorials and binomials on `Num`: exact where
//! trivially exact, balls otherwise. Apart from `tower` so the arithmetic core stays short.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::balls::{ball_real_fn, rat_to_ball, Ball};
use super::budget::{div_cost, ilimbs, limbs, Budget, NumError, NumResult, BALL_COST, FUNC_COST};
use super::complex::{cexp, cln, CBall};
use super::integers::{product_range, product_tree};
use super::rationals::{exact_log, exact_rat_root, f64_to_rat, rat_add, rat_int, rat_mul, CRat};
use super::tower::Num;
use super::{DOUBLE_FACTORIAL_MAX, FACTORIAL_MAX, MAX_EXACT_BITS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Cot,
    Sec,
    Csc,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Ln,
    Log10,
    Log2,
    Exp,
    Abs,
    Floor,
    Ceil,
}

impl Func {
    /// The name used in `Domain` errors.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Cot => "cot",
            Func::Sec => "sec",
            Func::Csc => "csc",
            Func::Asin => "asin",
            Func::Acos => "acos",
            Func::Atan => "atan",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Ln => "ln",
            Func::Log10 => "log10",
            Func::Log2 => "log2",
            Func::Exp => "exp",
            Func::Abs => "abs",
            Func::Floor => "floor",
            Func::Ceil => "ceil",
        }
    }
}

impl Num {
    /// A library function; exact where trivially exact, balls otherwise.
    pub fn apply(&self, f: Func, b: &mut Budget) -> NumResult {
        b.spend(FUNC_COST)?;
        if let Num::Exact(z) = self {
            if let Some(v) = exact_apply(z, f, b)? {
                return Ok(v);
            }
        }
        let z = self.to_ball()?;
        match f {
            Func::Abs => Ok(Num::Approx(CBall::real(z.abs()?))),
            Func::Exp => Ok(Num::Approx(cexp(z)?)),
            Func::Ln => Ok(Num::Approx(cln(z)?)),
            Func::Log2 | Func::Log10 if !z.is_real() || z.re.hi() < 0.0 => {
                let base = if f == Func::Log2 { 2.0 } else { 10.0 };
                Ok(Num::Approx(cln(z)?.over(CBall::real(ball_real_fn(
                    Ball::exact(base),
                    Func::Ln,
                )?))?))
            }
            Func::Floor | Func::Ceil if z.is_real() => ball_floor_ceil(z.re, f == Func::Floor),
            _ if z.is_real() => Ok(Num::Approx(CBall::real(ball_real_fn(z.re, f)?))),
            _ => Err(NumError::Domain(f.name())),
        }
    }

    /// `log_base(self)`: exact when `base^k = self` for a rational k with a small denominator
    /// (`log_2 8 = 3`, `log_4 2 = 1/2`), else `ln(self)/ln(base)` as a ball.
    pub fn log_base(&self, base: &Num, b: &mut Budget) -> NumResult {
        b.spend(FUNC_COST)?;
        if let (Some(x), Some(bs)) = (self.as_exact_real(), base.as_exact_real()) {
            if bs.is_one() || !bs.is_positive() || x.is_zero() {
                return Err(NumError::Domain("log"));
            }
            if x.is_positive() {
                if let Some(k) = exact_log(x, bs, b)? {
                    return Ok(Num::Exact(CRat::real(k)));
                }
            }
        }
        let num = self.apply(Func::Ln, b)?;
        let den = base.apply(Func::Ln, b)?;
        num.div(&den, b)
    }

    /// `n!` for an exact integer 0 ≤ n ≤ 5000; larger is `TooLarge`, anything else `Domain`.
    pub fn factorial(&self, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        let n = self.exact_integer("factorial")?;
        if n.is_negative() {
            return Err(NumError::Domain("factorial"));
        }
        let n = n
            .to_u64()
            .filter(|&n| n <= FACTORIAL_MAX)
            .ok_or(NumError::TooLarge)?;
        Ok(Num::from_bigint(BigInt::from(product_range(2, n, 1, b)?)))
    }

    /// `n!!` for an exact integer -1 ≤ n ≤ 10000; larger is `TooLarge`, anything else `Domain`.
    pub fn double_factorial(&self, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        let n = self.exact_integer("double factorial")?;
        if n < &BigInt::from(-1) {
            return Err(NumError::Domain("double factorial"));
        }
        if n.is_negative() {
            return Ok(Num::one());
        }
        let n = n
            .to_u64()
            .filter(|&n| n <= DOUBLE_FACTORIAL_MAX)
            .ok_or(NumError::TooLarge)?;
        let start = if n % 2 == 0 { 2 } else { 1 };
        Ok(Num::from_bigint(BigInt::from(product_range(
            start, n, 2, b,
        )?)))
    }

    /// `C(n, k)` for exact integers (negative n by `C(n, k) = (-1)^k C(k - n - 1, k)`); `TooLarge`
    /// when the result would exceed the exact size cap.
    pub fn binomial(n: &Num, k: &Num, b: &mut Budget) -> NumResult {
        b.spend(BALL_COST)?;
        let k_int = k.exact_integer("binomial")?;
        if n.exact_integer("binomial").is_err() {
            return falling_binomial(n, k_int, b);
        }
        let (n, k) = (n.exact_integer("binomial")?, k_int);
        if k.is_negative() || (!n.is_negative() && k > n) {
            return Ok(Num::zero());
        }
        if n.is_negative() {
            let v = binomial_nonneg(&(k - n - 1), k, b)?;
            return Ok(Num::from_bigint(if k.is_odd() { -v } else { v }));
        }
        Ok(Num::from_bigint(binomial_nonneg(n, k, b)?))
    }
}

/// Trivially exact values of library functions at exact arguments; `None` means "use balls".
fn exact_apply(z: &CRat, f: Func, b: &mut Budget) -> Result<Option<Num>, NumError> {
    match f {
        Func::Abs => return exact_abs(z, b),
        Func::Floor | Func::Ceil if !z.is_real() => return Err(NumError::Domain(f.name())),
        Func::Floor | Func::Ceil => {
            b.spend(div_cost(ilimbs(z.re.numer()), ilimbs(z.re.denom())))?;
            let v = if f == Func::Floor {
                z.re.floor()
            } else {
                z.re.ceil()
            };
            return Ok(Some(Num::Exact(CRat::real(v))));
        }
        _ => {}
    }
    if !z.is_real() {
        return Ok(None);
    }
    let r = &z.re;
    if r.is_zero() {
        return exact_at_zero(f);
    }
    if r.is_one() && matches!(f, Func::Ln | Func::Log2 | Func::Log10 | Func::Acos) {
        return Ok(Some(Num::zero()));
    }
    let base = match f {
        Func::Log2 => 2,
        Func::Log10 => 10,
        _ => return Ok(None),
    };
    if !r.is_positive() {
        return Ok(None);
    }
    Ok(exact_log(r, &rat_int(BigInt::from(base)), b)?.map(|k| Num::Exact(CRat::real(k))))
}

fn exact_at_zero(f: Func) -> Result<Option<Num>, NumError> {
    match f {
        Func::Sin | Func::Tan | Func::Asin | Func::Atan | Func::Sinh | Func::Tanh => {
            Ok(Some(Num::zero()))
        }
        Func::Cos | Func::Cosh | Func::Sec | Func::Exp => Ok(Some(Num::one())),
        Func::Cot | Func::Csc | Func::Ln | Func::Log2 | Func::Log10 => {
            Err(NumError::Domain(f.name()))
        }
        _ => Ok(None),
    }
}

/// |z| exactly when it is rational (`|3 + 4i| = 5`), else a ball.
fn exact_abs(z: &CRat, b: &mut Budget) -> Result<Option<Num>, NumError> {
    if z.is_real() {
        return Ok(Some(Num::Exact(CRat::real(z.re.abs()))));
    }
    if z.bits() * 2 + 4 > MAX_EXACT_BITS {
        return Ok(None);
    }
    let norm = rat_add(&rat_mul(&z.re, &z.re, b)?, &rat_mul(&z.im, &z.im, b)?, b)?;
    if let Some(m) = exact_rat_root(&norm, 2, b) {
        return Ok(Some(Num::Exact(CRat::real(m))));
    }
    Ok(Some(Num::Approx(CBall::real(rat_to_ball(&norm)?.sqrt()?))))
}

/// floor/ceil of a real ball: exact when the ball does not straddle an integer, else a ball
/// covering every possible integer.
fn ball_floor_ceil(x: Ball, floor: bool) -> NumResult {
    let round = |t: f64| if floor { t.floor() } else { t.ceil() };
    let (a, c) = (round(x.lo()), round(x.hi()));
    if a == c {
        return Ok(Num::Exact(CRat::real(f64_to_rat(a))));
    }
    Ok(Num::Approx(CBall::real(Ball::from_bounds(a, c)?)))
}

/// `C(n, k)` for 0 ≤ k ≤ n.
/// `C(n, k) = n (n - 1) ... (n - k + 1) / k!` for any `n` and an integer `k` (the polynomial in
/// `n` that `\binom{n}{2}` stands for when `n` is a variable, sampled at rational points).
fn falling_binomial(n: &Num, k: &BigInt, b: &mut Budget) -> NumResult {
    if k.is_negative() {
        return Ok(Num::zero());
    }
    // Answers write small k; a large one would only spend the budget term by term.
    let k = k
        .to_u64()
        .filter(|k| *k <= 1_000)
        .ok_or(NumError::TooLarge)?;
    let mut value = Num::one();
    for j in 0..k {
        let term = n.sub(&Num::int(j as i64), b)?;
        value = value.mul(&term, b)?.div(&Num::int(j as i64 + 1), b)?;
    }
    Ok(value)
}

fn binomial_nonneg(n: &BigInt, k: &BigInt, b: &mut Budget) -> Result<BigInt, NumError> {
    let k = k.min(&(n - k)).clone();
    let k = k.to_u64().ok_or(NumError::TooLarge)?;
    let n = n.magnitude();
    if k.saturating_mul(n.bits()) > MAX_EXACT_BITS {
        return Err(NumError::TooLarge);
    }
    b.spend(k + 1)?;
    let terms: Vec<BigUint> = (0..k).map(|j| n - BigUint::from(j)).collect();
    let top = product_tree(terms, b)?;
    let bottom = product_range(2, k, 1, b)?;
    b.spend(div_cost(limbs(&top), limbs(&bottom)))?;
    Ok(BigInt::from(top / bottom))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::{approx_eq, Tri};

    // ----- library functions -----

    #[test]
    fn trivially_exact_function_values() {
        let mut b = bud();
        let zero = Num::zero();
        for f in [
            Func::Sin,
            Func::Tan,
            Func::Asin,
            Func::Atan,
            Func::Sinh,
            Func::Tanh,
        ] {
            assert_exact(zero.apply(f, &mut b), &zero);
        }
        for f in [Func::Cos, Func::Cosh, Func::Sec, Func::Exp] {
            assert_exact(zero.apply(f, &mut b), &Num::one());
        }
        for f in [Func::Ln, Func::Log2, Func::Log10, Func::Acos] {
            assert_exact(Num::one().apply(f, &mut b), &zero);
        }
        assert_eq!(zero.apply(Func::Ln, &mut b), Err(NumError::Domain("ln")));
        assert_eq!(zero.apply(Func::Cot, &mut b), Err(NumError::Domain("cot")));
        assert_exact(Num::int(8).apply(Func::Log2, &mut b), &Num::int(3));
        assert_exact(q("0.01").apply(Func::Log10, &mut b), &Num::int(-2));
        assert_exact(q("-3/4").apply(Func::Abs, &mut b), &q("3/4"));
        assert_exact(c("3", "4").apply(Func::Abs, &mut b), &Num::int(5));
        assert_exact(q("-7/2").apply(Func::Floor, &mut b), &Num::int(-4));
        assert_exact(q("7/2").apply(Func::Ceil, &mut b), &Num::int(4));
        assert_exact(Num::int(5).apply(Func::Floor, &mut b), &Num::int(5));
        assert_eq!(
            Num::i().apply(Func::Floor, &mut b),
            Err(NumError::Domain("floor"))
        );
        assert_approx(
            c("1", "1").apply(Func::Abs, &mut b),
            &Num::int(2).sqrt(&mut b).unwrap(),
        );
    }

    #[test]
    fn library_functions_enclose_reference_values() {
        let mut b = bud();
        let one = Num::one();
        let cases = [
            (Func::Sin, "1", "0.8414709848078965066525023216302989996226"),
            (Func::Cos, "1", "0.5403023058681397174009366074429766037323"),
            (Func::Tan, "1", "1.557407724654902230506974807458360173087"),
            (Func::Cot, "1", "0.6420926159343307030064199865942656202303"),
            (Func::Sec, "1", "1.850815717680925617911753241398650193470"),
            (Func::Csc, "1", "1.188395105778121216261599452374551003528"),
            (
                Func::Asin,
                "1/2",
                "0.5235987755982988730771072305465838140329",
            ),
            (
                Func::Acos,
                "1/3",
                "1.230959417340774682134929178247987375710",
            ),
            (Func::Atan, "2", "1.107148717794090503017065460178537040070"),
            (Func::Sinh, "1", "1.175201193643801456882381850595600815156"),
            (
                Func::Cosh,
                "-2",
                "3.762195691083631459562213477773746108294",
            ),
            (
                Func::Tanh,
                "1/2",
                "0.4621171572600097585023184836436725487303",
            ),
            (Func::Ln, "2", "0.6931471805599453094172321214581765680755"),
            (Func::Ln, "10", "2.302585092994045684017991454684364207601"),
            (
                Func::Log10,
                "2",
                "0.3010299956639811952137388947244930267682",
            ),
            (Func::Log2, "3", "1.584962500721156181453738943947816508760"),
            (Func::Exp, "1", "2.718281828459045235360287471352662497757"),
            (
                Func::Exp,
                "-3/2",
                "0.2231301601484298289332804707640125213422",
            ),
            (
                Func::Sin,
                "100",
                "-0.5063656411097587936565576104597854320650",
            ),
            (
                Func::Cos,
                "1000000",
                "0.9367521275331447869385325350749187757081",
            ),
            (
                Func::Sin,
                "22",
                "-0.008851309290403875921690256815772332463289",
            ),
        ];
        for (f, x, want) in cases {
            assert_encloses(q(x).apply(f, &mut b), want);
        }
        assert_encloses(Num::e().apply(Func::Ln, &mut b), "1");
        assert_encloses(
            one.apply(Func::Atan, &mut b)
                .unwrap()
                .mul(&Num::int(4), &mut b),
            "3.141592653589793238462643383279502884197",
        );
        assert_encloses(Num::pi().apply(Func::Cos, &mut b), "-1");
    }

    #[test]
    fn identities_hold_within_error_bounds() {
        let mut b = bud();
        let x = q("0.7");
        let s = x.apply(Func::Sin, &mut b).unwrap();
        let co = x.apply(Func::Cos, &mut b).unwrap();
        let pyth = s
            .mul(&s, &mut b)
            .unwrap()
            .add(&co.mul(&co, &mut b).unwrap(), &mut b)
            .unwrap();
        assert_eq!(approx_eq(&pyth, &Num::one(), 0.0), Tri::True);
        let round_trip = Num::int(2)
            .apply(Func::Ln, &mut b)
            .unwrap()
            .apply(Func::Exp, &mut b)
            .unwrap();
        assert_eq!(approx_eq(&round_trip, &Num::int(2), 0.0), Tri::True);
        let inv = x
            .apply(Func::Asin, &mut b)
            .unwrap()
            .apply(Func::Sin, &mut b)
            .unwrap();
        assert_eq!(approx_eq(&inv, &x, 0.0), Tri::True);
        let ch = x.apply(Func::Cosh, &mut b).unwrap();
        let sh = x.apply(Func::Sinh, &mut b).unwrap();
        let hyp = ch
            .mul(&ch, &mut b)
            .unwrap()
            .sub(&sh.mul(&sh, &mut b).unwrap(), &mut b)
            .unwrap();
        assert_eq!(approx_eq(&hyp, &Num::one(), 0.0), Tri::True);
    }

    #[test]
    fn function_domains() {
        let mut b = bud();
        assert_eq!(
            Num::int(2).apply(Func::Asin, &mut b),
            Err(NumError::Domain("asin"))
        );
        assert_eq!(
            Num::int(-2).apply(Func::Acos, &mut b),
            Err(NumError::Domain("acos"))
        );
        assert_eq!(
            Num::i().apply(Func::Sin, &mut b),
            Err(NumError::Domain("sin"))
        );
        assert_eq!(
            ball(0.0, 1e-9).apply(Func::Ln, &mut b),
            Err(NumError::Domain("ln"))
        );
        assert_eq!(
            Num::int(1000).apply(Func::Exp, &mut b),
            Err(NumError::TooLarge)
        );
        // asin of a ball that pokes just past 1 is clipped to the domain.
        let top = ball(1.0, 1e-16).apply(Func::Asin, &mut b).unwrap();
        assert_eq!(
            approx_eq(&top, &Num::pi().div(&Num::int(2), &mut b).unwrap(), 0.0),
            Tri::True
        );
    }

    #[test]
    fn floor_and_ceil_of_balls() {
        let mut b = bud();
        assert_exact(Num::pi().apply(Func::Floor, &mut b), &Num::int(3));
        assert_exact(Num::pi().neg().apply(Func::Ceil, &mut b), &Num::int(-3));
        let s = Num::int(2).sqrt(&mut b).unwrap();
        let two = s.mul(&s, &mut b).unwrap();
        let fl = two.apply(Func::Floor, &mut b).unwrap();
        assert!(
            !fl.is_exact(),
            "a ball straddling 2 has an uncertain floor: {fl:?}"
        );
        let fb = fl.to_ball().unwrap().re;
        assert!(fb.lo() <= 1.0 && fb.hi() >= 2.0);
    }

    #[test]
    fn logarithms_in_a_base() {
        let mut b = bud();
        assert_exact(Num::int(8).log_base(&Num::int(2), &mut b), &Num::int(3));
        assert_exact(Num::int(2).log_base(&Num::int(4), &mut b), &q("1/2"));
        assert_exact(Num::int(4).log_base(&Num::int(8), &mut b), &q("2/3"));
        assert_exact(Num::int(8).log_base(&q("1/2"), &mut b), &Num::int(-3));
        assert_exact(q("1/8").log_base(&Num::int(2), &mut b), &Num::int(-3));
        assert_exact(Num::int(1000).log_base(&Num::int(10), &mut b), &Num::int(3));
        assert_exact(Num::one().log_base(&Num::int(7), &mut b), &Num::zero());
        assert_encloses(
            Num::int(3).log_base(&Num::int(2), &mut b),
            "1.584962500721156181453738943947816508760",
        );
        assert_encloses(Num::e().log_base(&Num::e(), &mut b), "1");
        assert_eq!(
            Num::int(5).log_base(&Num::one(), &mut b),
            Err(NumError::Domain("log"))
        );
        assert_eq!(
            Num::zero().log_base(&Num::int(2), &mut b),
            Err(NumError::Domain("log"))
        );
        let big = int_pow(3, 12_000).unwrap();
        assert_exact(
            timed(50, || big.log_base(&Num::int(3), &mut b)),
            &Num::int(12_000),
        );
    }

    // ----- factorials and binomials -----

    #[test]
    fn factorials() {
        let mut b = bud();
        assert_exact(Num::int(0).factorial(&mut b), &Num::one());
        assert_exact(Num::int(5).factorial(&mut b), &Num::int(120));
        assert_exact(
            Num::int(20).factorial(&mut b),
            &Num::int(2_432_902_008_176_640_000),
        );
        assert_eq!(
            Num::int(-1).factorial(&mut b),
            Err(NumError::Domain("factorial"))
        );
        assert_eq!(
            q("5/2").factorial(&mut b),
            Err(NumError::Domain("factorial"))
        );
        assert_eq!(
            Num::pi().factorial(&mut b),
            Err(NumError::Domain("factorial"))
        );
        assert_eq!(Num::int(5001).factorial(&mut b), Err(NumError::TooLarge));
        assert_exact(Num::int(7).double_factorial(&mut b), &Num::int(105));
        assert_exact(Num::int(8).double_factorial(&mut b), &Num::int(384));
        assert_exact(Num::int(0).double_factorial(&mut b), &Num::one());
        assert_exact(Num::int(-1).double_factorial(&mut b), &Num::one());
        assert_eq!(
            Num::int(-3).double_factorial(&mut b),
            Err(NumError::Domain("double factorial"))
        );
        assert_eq!(
            Num::int(10_001).double_factorial(&mut b),
            Err(NumError::TooLarge)
        );
    }

    #[test]
    fn binomials() {
        let mut b = bud();
        let bin = |n: i64, k: i64, b: &mut Budget| Num::binomial(&Num::int(n), &Num::int(k), b);
        assert_exact(bin(5, 2, &mut b), &Num::int(10));
        assert_exact(bin(5, 0, &mut b), &Num::one());
        assert_exact(bin(5, 5, &mut b), &Num::one());
        assert_exact(bin(5, 7, &mut b), &Num::zero());
        assert_exact(bin(5, -1, &mut b), &Num::zero());
        assert_exact(bin(-3, 2, &mut b), &Num::int(6));
        assert_exact(bin(-3, 3, &mut b), &Num::int(-10));
        assert_exact(bin(100, 50, &mut b), &q("100891344545564193334812497256"));
        let n = int_pow(10, 20).unwrap();
        let want = q("4999999999999999999950000000000000000000");
        assert_exact(Num::binomial(&n, &Num::int(2), &mut b), &want);
        assert_eq!(bin(1_000_000, 500_000, &mut b), Err(NumError::TooLarge));
        // A non-integer top is the polynomial n (n - 1) ... / k!, as `\binom{n}{2}` at a point.
        assert_exact(Num::binomial(&q("5/2"), &Num::int(2), &mut b), &q("15/8"));
        assert_exact(Num::binomial(&q("1/3"), &Num::int(0), &mut b), &Num::one());
        assert_eq!(
            Num::binomial(&q("5/2"), &q("1/2"), &mut b),
            Err(NumError::Domain("binomial"))
        );
    }
}
