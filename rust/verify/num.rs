//! Numbers for the answer verifier: exact Gaussian rationals, rigorous floating-point balls, and
//! a work budget that bounds what any single item may cost.
//!
//! # The numeric tower
//!
//! A [`Num`] is one of two things.
//!
//! - `Exact(CRat)`: a Gaussian rational `re + im·i` whose parts are `BigRational`s in lowest
//!   terms. Integers, decimals, fractions and `i`, and everything built from them with `+ − × ÷`,
//!   integer powers and roots of perfect powers (`8^(2/3) = 4`, `√-4 = 2i`), stay exact, so
//!   `1/2^99` and `1/2^98` are never confused.
//! - `Approx(CBall)`: a complex ball, one real [`Ball`] per component. The ball `mid ± rad`
//!   promises that the true value lies in `[mid − rad, mid + rad]`. π, e, irrational roots,
//!   transcendental functions, and exact values that would grow past the size caps end up here.
//!
//! Two exact operands give an exact result while the result stays under the size caps
//! ([`MAX_EXACT_BITS`], [`POW_EXACT_BITS`]); otherwise, and whenever one operand is a ball, both
//! sides are turned into balls. A ball never turns back into an exact value (`√2·√2` is a ball
//! around 2), with one rigorous exception: `floor`/`ceil` of a ball that does not straddle an
//! integer is that integer, exactly.
//!
//! Branches: `x^(p/q)` with `q` odd and `x < 0` is the real root (`(-8)^(1/3) = -2`); with `q`
//! even it is the principal complex value (`(-4)^(1/2) = 2i`). `ln` and complex powers use the
//! principal branch and refuse (`Domain`) a ball that straddles the branch cut. `0^0 = 1`.
//!
//! # The radius rule
//!
//! Every ball operation returns a radius that covers the propagated input radii *and* every
//! rounding error made on the way:
//!
//! - `+ −`: the rounding error of the midpoint is computed exactly (two-sum); `×`: exactly with a
//!   fused multiply-add; `÷`, `√`: bounded by one ulp of the result. Operations that happen to be
//!   exact keep radius 0 (so a real number's imaginary part stays exactly 0).
//! - propagation: `|x|·ry + rx·|y| + rx·ry` for products, `(|x|·ry + rx·|y|) / (|y|·(|y| − ry))`
//!   for quotients.
//! - library functions (`sin`, `exp`, `ln`, `pow`, ...) are trusted to [`LIBM_ULPS`] ulps.
//!   Monotone functions are evaluated at the outward-rounded endpoints of the ball;
//!   `sin`/`cos`/`tan`/`sec`/... use a bound on `|f'|` over the whole ball (a ball that contains
//!   a pole is a `Domain` error, never a wrong finite answer).
//! - the radius arithmetic is itself rounded upwards: a computed radius `r` becomes
//!   `r·(1 + 8ε) + 4·2⁻¹⁰⁷⁴`, which also covers underflow.
//!
//! An infinite or NaN midpoint is never a ball: it is [`NumError::TooLarge`] or
//! [`NumError::Domain`].
//!
//! # The budget
//!
//! Every public operation takes a [`Budget`] and spends work units before doing the work, so an
//! item fails fast with [`NumError::Budget`] instead of running long: the budget, not a clock,
//! bounds the time of a call. One unit is about [`LIMB_OPS_PER_UNIT`] 64-bit limb
//! multiplications, roughly 10–25 ns on a current core, so the verifier's default of 200 000
//! units is a few milliseconds. Costs are estimated from operand sizes before the work starts:
//!
//! - a product of `a`- and `b`-limb integers: `1 + (a·b + 8·(a + b))/32`; a division: twice that
//!   on the divisor and quotient lengths; one step of the (Lehmer) gcd that keeps rationals in
//!   lowest terms: `1 + limbs/2`, charged step by step;
//! - an exact power: two squarings of the result size; an exact root: its Newton steps;
//!   parsing `n` digits: `1 + (n/19)²/16`; a product tree (`n!`): each of its multiplications;
//! - a ball operation: 4; a library function or a power: 16.
//!
//! Optional exact attempts (exact powers and roots) run only when the budget can afford them
//! and otherwise fall back to balls. Independently of the budget, exact values are capped in
//! size, checked before any large allocation: a power is computed exactly only when its result
//! is estimated at no more than [`POW_EXACT_BITS`] bits, any other exact result at no more than
//! [`MAX_EXACT_BITS`]; `n!` only for `n ≤ 5000` and `n!!` for `n ≤ 10000`. So `10^(10^10)` is a
//! ball, which overflows: `TooLarge`, in microseconds.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A power is computed exactly only when its result is estimated at no more bits than this.
pub const POW_EXACT_BITS: u64 = 20_000;
/// Any exact result estimated larger than this (numerators plus denominators) becomes a ball.
pub const MAX_EXACT_BITS: u64 = 131_072;
/// Largest `n` for which `n!` is computed.
pub const FACTORIAL_MAX: u64 = 5_000;
/// Largest `n` for which `n!!` is computed.
pub const DOUBLE_FACTORIAL_MAX: u64 = 10_000;
/// Ulps of error allowed to each libm call (`sin`, `exp`, `pow`, ...).
pub const LIBM_ULPS: f64 = 4.0;
/// Limb multiplications per work unit.
pub const LIMB_OPS_PER_UNIT: u64 = 32;

const EPS: f64 = f64::EPSILON;
/// The smallest positive subnormal, 2⁻¹⁰⁷⁴.
const TINY: f64 = f64::from_bits(1);
/// Below this magnitude a product or quotient may have lost bits to underflow.
const SMALL: f64 = 1e-290;
/// A ball is "wide" when its radius exceeds this fraction of its magnitude ...
const WIDE_REL: f64 = 1e-6;
/// ... where magnitudes below this floor count as this floor.
const WIDE_FLOOR: f64 = 1e-6;
const BALL_COST: u64 = 4;
const FUNC_COST: u64 = 16;
/// Largest denominator tried when looking for an exact rational logarithm.
const MAX_LOG_DEN: i64 = 8;
/// Most decimal places `round_to_places` handles.
const MAX_PLACES: u32 = 10_000;
/// Largest |n| for which a complex ball is raised to the n-th power by repeated squaring.
const COMPLEX_SQUARING_MAX_BITS: u64 = 20;

// ---------------------------------------------------------------------------------------------
// Budget and errors
// ---------------------------------------------------------------------------------------------

/// Work units an item may spend; see the module documentation for the cost rules.
#[derive(Debug, Clone)]
pub struct Budget {
    remaining: u64,
}

impl Budget {
    pub fn new(units: u64) -> Budget {
        Budget { remaining: units }
    }

    /// Spends `units`; when fewer remain, the budget is exhausted (set to 0) and this fails.
    pub fn spend(&mut self, units: u64) -> Result<(), NumError> {
        if units > self.remaining {
            self.remaining = 0;
            return Err(NumError::Budget);
        }
        self.remaining -= units;
        Ok(())
    }

    /// Spends `units` only if they are all available; otherwise leaves the budget untouched.
    /// For optional work (an exact attempt with a ball fallback).
    pub fn try_spend(&mut self, units: u64) -> bool {
        if units > self.remaining {
            return false;
        }
        self.remaining -= units;
        true
    }

    pub fn remaining(&self) -> u64 {
        self.remaining
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    Budget,
    DivisionByZero,
    Domain(&'static str),
    TooLarge,
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumError::Budget => f.write_str("work budget exhausted"),
            NumError::DivisionByZero => f.write_str("division by zero"),
            NumError::Domain(name) => write!(f, "outside the domain of {name}"),
            NumError::TooLarge => f.write_str("value too large"),
        }
    }
}

impl std::error::Error for NumError {}

pub type NumResult = Result<Num, NumError>;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// Exact Gaussian rational `re + im·i`.
#[derive(Debug, Clone, PartialEq)]
pub struct CRat {
    pub re: BigRational,
    pub im: BigRational,
}

/// Real ball: the true value lies in `[mid - rad, mid + rad]`; `rad >= 0`, both finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ball {
    pub mid: f64,
    pub rad: f64,
}

/// Complex ball: one real ball per component.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CBall {
    pub re: Ball,
    pub im: Ball,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    Exact(CRat),
    Approx(CBall),
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

// ---------------------------------------------------------------------------------------------
// Cost model and integer helpers
// ---------------------------------------------------------------------------------------------

fn limbs(x: &BigUint) -> u64 {
    x.bits() / 64 + 1
}

fn ilimbs(x: &BigInt) -> u64 {
    limbs(x.magnitude())
}

/// Units for multiplying an `a`-limb integer by a `b`-limb one.
/// The linear term covers allocation and the passes over both operands.
fn mul_cost(a: u64, b: u64) -> u64 {
    let ops = a.saturating_mul(b).saturating_add(8 * (a + b));
    1 + ops / LIMB_OPS_PER_UNIT
}

/// Units for dividing an `n`-limb integer by a `d`-limb one.
fn div_cost(n: u64, d: u64) -> u64 {
    2 * mul_cost(d, n.saturating_sub(d) + 1)
}

/// Units for one gcd step on an `n`-limb integer.
fn gcd_step_cost(n: u64) -> u64 {
    1 + n / 2
}

/// Units for an exact power whose result has about `bits` bits (the squarings dominate).
fn pow_cost(bits: u64) -> u64 {
    let l = bits / 64 + 1;
    2 * mul_cost(l, l)
}

/// Units for an integer k-th root of a `bits`-bit integer plus the check of the candidate.
fn root_cost(bits: u64) -> u64 {
    let l = bits / 64 + 1;
    let newton_steps = 64 - (bits / 32 + 1).leading_zeros() as u64 + 3;
    1 + (newton_steps + 2) * mul_cost(l, l) / 2
}

/// Units for turning a string of `n` decimal digits into an integer.
fn parse_cost(n: u64) -> u64 {
    let chunks = n / 19 + 1;
    1 + 2 * chunks * chunks / LIMB_OPS_PER_UNIT
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Greatest common divisor: Lehmer's algorithm on raw 64-bit limbs, with a division step
/// whenever the operands differ much in size; budgeted per step.
fn gcd(a: &BigUint, b: &BigUint, budget: &mut Budget) -> Result<BigUint, NumError> {
    if a.is_one() || b.is_one() {
        return Ok(BigUint::one());
    }
    let (a, b) = if a >= b { (a, b) } else { (b, a) };
    let (mut x, mut y) = (a.to_u64_digits(), b.to_u64_digits());
    loop {
        match y.as_slice() {
            [] => return Ok(from_limbs(&x)),
            [m] => {
                budget.spend(div_cost(x.len() as u64, 1))?;
                return Ok(BigUint::from(gcd_u64(*m, rem_u64(&x, *m))));
            }
            _ => {}
        }
        budget.spend(gcd_step_cost(x.len() as u64))?;
        let step = if bit_len(&x) - bit_len(&y) < 32 {
            lehmer_step(&x, &y)
        } else {
            None
        };
        (x, y) = match step {
            Some(next) => next,
            None => {
                budget.spend(div_cost(x.len() as u64, y.len() as u64))?;
                let r = from_limbs(&x) % from_limbs(&y);
                (y, r.to_u64_digits())
            }
        };
    }
}

fn from_limbs(x: &[u64]) -> BigUint {
    BigUint::new(
        x.iter()
            .flat_map(|&l| [l as u32, (l >> 32) as u32])
            .collect(),
    )
}

fn rem_u64(x: &[u64], m: u64) -> u64 {
    let m = u128::from(m);
    x.iter()
        .rev()
        .fold(0u128, |r, &l| ((r << 64) | u128::from(l)) % m) as u64
}

/// Bit length of a normalised (no leading zero limb) non-zero limb vector.
fn bit_len(x: &[u64]) -> u64 {
    let top = x.last().copied().unwrap_or(0);
    x.len() as u64 * 64 - u64::from(top.leading_zeros())
}

/// The 64 bits of `x` starting at bit `shift`.
fn bits_at(x: &[u64], shift: u64) -> u64 {
    let (w, s) = ((shift / 64) as usize, shift % 64);
    let lo = x.get(w).copied().unwrap_or(0) >> s;
    let hi = if s == 0 {
        0
    } else {
        x.get(w + 1).copied().unwrap_or(0) << (64 - s)
    };
    lo | hi
}

fn cmp_limbs(x: &[u64], y: &[u64]) -> Ordering {
    x.len()
        .cmp(&y.len())
        .then_with(|| x.iter().rev().cmp(y.iter().rev()))
}

/// One Lehmer step on `x >= y` (both at least two limbs): simulates Euclid on the leading 64
/// bits, then applies the accumulated cofactors to the full numbers. `None` when no quotient
/// could be certified (the caller then takes a division step).
fn lehmer_step(x: &[u64], y: &[u64]) -> Option<(Vec<u64>, Vec<u64>)> {
    let shift = bit_len(x) - 64;
    let [a, b, c, d] = lehmer_cofactors(bits_at(x, shift), bits_at(y, shift));
    if b == 0 {
        return None;
    }
    let u = lin_comb(a, x, b, y)?;
    let v = lin_comb(c, x, d, y)?;
    let (u, v) = if cmp_limbs(&u, &v) == Ordering::Less {
        (v, u)
    } else {
        (u, v)
    };
    // The cofactor matrix has determinant ±1, so gcd(u, v) = gcd(x, y); insist on progress.
    (cmp_limbs(&u, x) == Ordering::Less).then_some((u, v))
}

/// `a·x + b·y` for cofactors of opposite signs, `None` if it is negative or out of range.
fn lin_comb(a: i128, x: &[u64], b: i128, y: &[u64]) -> Option<Vec<u64>> {
    let small = |t: i128| u64::try_from(t.unsigned_abs()).ok();
    if a >= 0 && b <= 0 {
        sub_mul(small(a)?, x, small(b)?, y)
    } else if a <= 0 && b >= 0 {
        sub_mul(small(b)?, y, small(a)?, x)
    } else {
        None
    }
}

/// `p·x − q·y` over limbs, `None` if negative.
fn sub_mul(p: u64, x: &[u64], q: u64, y: &[u64]) -> Option<Vec<u64>> {
    let n = x.len().max(y.len());
    let mut out = Vec::with_capacity(n + 1);
    let (mut cp, mut cq, mut borrow) = (0u128, 0u128, false);
    for i in 0..n {
        let tp = u128::from(p) * u128::from(x.get(i).copied().unwrap_or(0)) + cp;
        let tq = u128::from(q) * u128::from(y.get(i).copied().unwrap_or(0)) + cq;
        (cp, cq) = (tp >> 64, tq >> 64);
        let (d1, o1) = (tp as u64).overflowing_sub(tq as u64);
        let (d2, o2) = d1.overflowing_sub(u64::from(borrow));
        out.push(d2);
        borrow = o1 || o2;
    }
    let top = cp as i128 - cq as i128 - i128::from(borrow);
    out.push(u64::try_from(top).ok()?);
    while out.last() == Some(&0) {
        out.pop();
    }
    Some(out)
}

/// Knuth's Algorithm L inner loop: cofactors `[a, b, c, d]` valid for the full numbers.
fn lehmer_cofactors(xh: u64, yh: u64) -> [i128; 4] {
    let (mut xh, mut yh) = (i128::from(xh), i128::from(yh));
    let (mut a, mut b, mut c, mut d) = (1i128, 0i128, 0i128, 1i128);
    loop {
        let (den1, den2) = (yh + c, yh + d);
        let (num1, num2) = (xh + a, xh + b);
        if den1 <= 0 || den2 <= 0 || num1 < 0 || num2 < 0 {
            break;
        }
        let q = num1 / den1;
        if q != num2 / den2 {
            break;
        }
        let next = (
            q.checked_mul(c).and_then(|t| a.checked_sub(t)),
            q.checked_mul(d).and_then(|t| b.checked_sub(t)),
            q.checked_mul(yh).and_then(|t| xh.checked_sub(t)),
        );
        let (Some(nc), Some(nd), Some(ny)) = next else {
            break;
        };
        (a, b, c, d) = (c, d, nc, nd);
        (xh, yh) = (yh, ny);
    }
    [a, b, c, d]
}

/// log2 of a positive integer, to about f64 precision.
fn log2_uint(x: &BigUint) -> f64 {
    let bits = x.bits();
    if bits <= 64 {
        return x.to_f64().unwrap_or(0.0).log2();
    }
    let top = (x >> (bits - 64)).to_f64().unwrap_or(1.0);
    top.log2() + (bits - 64) as f64
}

/// log2 |r| for a non-zero rational, to about f64 precision.
fn log2_rat(r: &BigRational) -> f64 {
    log2_uint(r.numer().magnitude()) - log2_uint(r.denom().magnitude())
}

/// Product of a list of integers as a balanced tree, budgeted per multiplication.
fn product_tree(mut terms: Vec<BigUint>, budget: &mut Budget) -> Result<BigUint, NumError> {
    while terms.len() > 1 {
        let mut next = Vec::with_capacity(terms.len() / 2 + 1);
        let mut it = terms.into_iter();
        while let Some(a) = it.next() {
            match it.next() {
                Some(b) => {
                    budget.spend(mul_cost(limbs(&a), limbs(&b)))?;
                    next.push(a * b);
                }
                None => next.push(a),
            }
        }
        terms = next;
    }
    Ok(terms.pop().unwrap_or_else(BigUint::one))
}

/// `start · (start+step) · ...` up to and including `end` (all below 2^32), packed into u64
/// words before the product tree.
fn product_range(
    start: u64,
    end: u64,
    step: u64,
    budget: &mut Budget,
) -> Result<BigUint, NumError> {
    let mut words = Vec::new();
    let mut acc: u64 = 1;
    let mut k = start;
    while k <= end {
        match acc.checked_mul(k) {
            Some(p) => acc = p,
            None => {
                words.push(BigUint::from(acc));
                acc = k;
            }
        }
        k += step;
    }
    words.push(BigUint::from(acc));
    budget.spend(words.len() as u64)?;
    product_tree(words, budget)
}

/// The exact k-th root of `x`, if `x` is a perfect k-th power (and small enough to try).
fn exact_uint_root(x: &BigUint, k: u32, budget: &mut Budget) -> Option<BigUint> {
    if x.is_zero() || x.is_one() || k == 1 {
        return Some(x.clone());
    }
    let bits = x.bits();
    if u64::from(k) >= bits || bits > POW_EXACT_BITS || !budget.try_spend(root_cost(bits)) {
        return None;
    }
    let r = x.nth_root(k);
    (r.pow(k) == *x).then_some(r)
}

// ---------------------------------------------------------------------------------------------
// Exact rationals (budgeted; results in lowest terms when the inputs are)
// ---------------------------------------------------------------------------------------------

/// Bits of numerator plus denominator.
fn rat_bits(r: &BigRational) -> u64 {
    r.numer().bits() + r.denom().bits()
}

fn rat_int(n: BigInt) -> BigRational {
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
fn rat_add(x: &BigRational, y: &BigRational, budget: &mut Budget) -> Result<BigRational, NumError> {
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
fn rat_mul(x: &BigRational, y: &BigRational, budget: &mut Budget) -> Result<BigRational, NumError> {
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
fn rat_recip(x: &BigRational) -> BigRational {
    let (n, d) = (x.numer().clone(), x.denom().clone());
    if n.is_negative() {
        BigRational::new_raw(-d, -n)
    } else {
        BigRational::new_raw(d, n)
    }
}

fn rat_div(x: &BigRational, y: &BigRational, budget: &mut Budget) -> Result<BigRational, NumError> {
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
fn rat_eq(x: &BigRational, y: &BigRational) -> bool {
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
fn rat_cmp(x: &BigRational, y: &BigRational) -> Ordering {
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
fn rat_pow2(x: BigInt, k: i64) -> BigRational {
    if k >= 0 {
        return rat_int(x << k as u64);
    }
    let tz = x.trailing_zeros().unwrap_or(0).min(k.unsigned_abs());
    BigRational::new_raw(x >> tz, BigInt::one() << (k.unsigned_abs() - tz))
}

/// The exact value of a finite f64.
fn f64_to_rat(x: f64) -> BigRational {
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
fn scaled_round_half_away(r: &BigRational, scale: &BigInt) -> BigInt {
    let (n, d) = (r.numer(), r.denom());
    let t: BigInt = (n.abs() * scale * 2u32 + d) / (d * 2u32);
    if n.is_negative() {
        -t
    } else {
        t
    }
}

/// `n / 10^k` in lowest terms, without a general gcd: only factors 2 and 5 can cancel.
fn decimal_rational(n: BigUint, k: u64, budget: &mut Budget) -> Result<BigRational, NumError> {
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

// ---------------------------------------------------------------------------------------------
// Exact Gaussian rationals
// ---------------------------------------------------------------------------------------------

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
    fn bits(&self) -> u64 {
        rat_bits(&self.re) + rat_bits(&self.im)
    }

    fn neg(&self) -> CRat {
        CRat {
            re: -&self.re,
            im: -&self.im,
        }
    }

    fn add(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
        Ok(CRat {
            re: rat_add(&self.re, &o.re, b)?,
            im: rat_add(&self.im, &o.im, b)?,
        })
    }

    fn mul(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
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

    fn div(&self, o: &CRat, b: &mut Budget) -> Result<CRat, NumError> {
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
    fn pow_bits(&self, k: u64) -> u64 {
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
    fn pow_u32(&self, k: u32, b: &mut Budget) -> Result<CRat, NumError> {
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
    fn unit_pow(&self, n: &BigInt) -> Option<CRat> {
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

    fn to_ball(&self) -> Result<CBall, NumError> {
        Ok(CBall {
            re: rat_to_ball(&self.re)?,
            im: rat_to_ball(&self.im)?,
        })
    }
}

/// The exact k-th root of a non-negative rational, if both parts are perfect k-th powers.
fn exact_rat_root(r: &BigRational, k: u32, budget: &mut Budget) -> Option<BigRational> {
    let n = exact_uint_root(r.numer().magnitude(), k, budget)?;
    let d = exact_uint_root(r.denom().magnitude(), k, budget)?;
    Some(BigRational::new_raw(BigInt::from(n), BigInt::from(d)))
}

/// The exact principal square root of a Gaussian rational, if there is one.
fn exact_gauss_sqrt(z: &CRat, b: &mut Budget) -> Result<Option<CRat>, NumError> {
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
fn exact_log(
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

// ---------------------------------------------------------------------------------------------
// Real balls
// ---------------------------------------------------------------------------------------------

/// Rounding slack of the radius arithmetic itself (see the module docs).
fn grow(r: f64) -> f64 {
    r * (1.0 + 8.0 * EPS) + 4.0 * TINY
}

/// A number at or below `x − ulp(x)`, so that `below(a ∘ b)` is a lower bound of the exact `a ∘ b`.
fn below(x: f64) -> f64 {
    x - (x.abs() * EPS + TINY)
}

fn above(x: f64) -> f64 {
    x + (x.abs() * EPS + TINY)
}

/// Error bound of a library result `v` trusted to `ulps` ulps.
fn slop(v: f64, ulps: f64) -> f64 {
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

impl std::ops::Neg for CBall {
    type Output = CBall;

    fn neg(self) -> CBall {
        CBall {
            re: -self.re,
            im: -self.im,
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

fn ball_sin(x: Ball) -> Result<Ball, NumError> {
    let deriv = (x.mid.cos().abs() + LIBM_ULPS * EPS + x.rad).min(1.0);
    clamp_unit(lipschitz(x.mid.sin(), deriv, x, LIBM_ULPS)?)
}

fn ball_cos(x: Ball) -> Result<Ball, NumError> {
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
fn ball_real_fn(x: Ball, f: Func) -> Result<Ball, NumError> {
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
fn pos_pow(x: Ball, y: Ball) -> Result<Ball, NumError> {
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
fn pow_upper(t: f64, e: Ball) -> Result<f64, NumError> {
    if t == 0.0 {
        return Ok(0.0);
    }
    Ok(pos_pow(Ball::exact(t), e)?.hi())
}

/// `x^n` for a real ball and an integer n.
fn real_pow_int(x: Ball, n: &BigInt) -> Result<Ball, NumError> {
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
fn rat_to_ball(r: &BigRational) -> Result<Ball, NumError> {
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

// ---------------------------------------------------------------------------------------------
// Complex balls
// ---------------------------------------------------------------------------------------------

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
    fn abs_bounds(self) -> Result<(f64, f64), NumError> {
        let a = self.abs()?;
        Ok((a.lo().max(0.0), a.hi()))
    }
}

fn cexp(z: CBall) -> Result<CBall, NumError> {
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

fn cln(z: CBall) -> Result<CBall, NumError> {
    let arg = carg(z)?;
    let modulus = ball_real_fn(z.abs()?, Func::Ln)?;
    Ok(CBall {
        re: modulus,
        im: arg,
    })
}

/// Principal `z^w = exp(w·ln z)`.
fn cpow(z: CBall, w: CBall) -> Result<CBall, NumError> {
    if z.is_real() && w.is_real() && z.re.lo() > 0.0 {
        return Ok(CBall::real(pos_pow(z.re, w.re)?));
    }
    cexp(w.times(cln(z)?)?)
}

/// `z^n` for a complex ball and an integer n.
fn cball_pow_int(z: CBall, n: &BigInt) -> Result<CBall, NumError> {
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
fn ball_pow_frac(x: Ball, p: &BigInt, q: &BigInt) -> Result<CBall, NumError> {
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

// ---------------------------------------------------------------------------------------------
// Num
// ---------------------------------------------------------------------------------------------

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
    fn exact_integer(&self, name: &'static str) -> Result<&BigInt, NumError> {
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

    /// `self^exp`; see the module docs for exactness and branches.
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
        let (n, k) = (n.exact_integer("binomial")?, k.exact_integer("binomial")?);
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

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/// Is a radius too wide, relative to the magnitude, to call two overlapping balls equal?
fn is_wide(rad: f64, mag: f64) -> bool {
    rad > WIDE_REL * mag.max(WIDE_FLOOR)
}

/// The real part of a ball whose imaginary part is exactly 0, or a narrow ball around 0.
fn effectively_real(c: &CBall) -> Option<Ball> {
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
    use std::time::{Duration, Instant};

    const DEFAULT_BUDGET: u64 = 200_000;

    fn bud() -> Budget {
        Budget::new(DEFAULT_BUDGET)
    }

    /// "-12.5", "3/4", "-7" as an exact number.
    fn q(s: &str) -> Num {
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

    fn rat(s: &str) -> BigRational {
        q(s).as_exact_real().unwrap().clone()
    }

    fn c(re: &str, im: &str) -> Num {
        Num::Exact(CRat {
            re: rat(re),
            im: rat(im),
        })
    }

    fn ball(mid: f64, rad: f64) -> Num {
        Num::Approx(CBall::real(Ball { mid, rad }))
    }

    fn assert_exact(got: NumResult, want: &Num) {
        let got = got.unwrap();
        assert!(got.is_exact(), "expected exact {want:?}, got {got:?}");
        assert_eq!(
            approx_eq(&got, want, 0.0),
            Tri::True,
            "got {got:?}, want {want:?}"
        );
    }

    fn assert_approx(got: NumResult, want: &Num) {
        let got = got.unwrap();
        assert!(!got.is_exact(), "expected a ball, got {got:?}");
        assert_eq!(
            approx_eq(&got, want, 0.0),
            Tri::True,
            "got {got:?}, want {want:?}"
        );
    }

    /// Does the ball contain the exact rational?
    fn holds(b: Ball, r: &BigRational) -> bool {
        rat_cmp(&f64_to_rat(b.lo()), r) != Ordering::Greater
            && rat_cmp(r, &f64_to_rat(b.hi())) != Ordering::Greater
    }

    /// The ball is real, tight, and contains the decimal reference (40 digits).
    fn assert_encloses(got: NumResult, reference: &str) {
        let got = got.unwrap();
        let c = got.to_ball().unwrap();
        let r = rat(reference);
        assert!(holds(c.re, &r), "{got:?} does not contain {reference}");
        assert!(c.im.contains_zero(), "{got:?} is not real");
        let scale = c.re.mid.abs().max(1.0);
        assert!(c.re.rad <= 1e-14 * scale, "{got:?} is too wide");
    }

    fn int_pow(base: i64, exp: i64) -> NumResult {
        Num::int(base).pow(&Num::int(exp), &mut bud())
    }

    /// Runs `f`, asserting it finishes within `ms` (scaled up for unoptimised builds).
    fn timed<T>(ms: u64, f: impl FnOnce() -> T) -> T {
        let limit = Duration::from_millis(if cfg!(debug_assertions) { ms * 20 } else { ms });
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        assert!(took < limit, "took {took:?}, limit {limit:?}");
        out
    }

    /// A small deterministic generator for property tests.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 11
        }

        fn big(&mut self, max_limbs: u64) -> BigInt {
            let n = self.next() % max_limbs + 1;
            let mut x = BigInt::zero();
            for _ in 0..n {
                x = (x << 53) + BigInt::from(self.next());
            }
            x >> (self.next() % 53)
        }

        fn rat(&mut self, max_limbs: u64) -> BigRational {
            let n = self.big(max_limbs);
            let n = if self.next() % 2 == 0 { -n } else { n };
            BigRational::new(n, self.big(max_limbs) + 1)
        }
    }

    // ----- budget and errors -----

    #[test]
    fn budget_spends_and_exhausts() {
        let mut b = Budget::new(10);
        assert!(b.spend(4).is_ok());
        assert_eq!(b.remaining(), 6);
        assert!(!b.try_spend(7));
        assert_eq!(b.remaining(), 6);
        assert_eq!(b.spend(7), Err(NumError::Budget));
        assert_eq!(b.remaining(), 0);
    }

    #[test]
    fn errors_display_short_text() {
        assert_eq!(NumError::Budget.to_string(), "work budget exhausted");
        assert_eq!(NumError::DivisionByZero.to_string(), "division by zero");
        assert_eq!(
            NumError::Domain("ln").to_string(),
            "outside the domain of ln"
        );
        assert_eq!(NumError::TooLarge.to_string(), "value too large");
    }

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
    fn decimal_places_counts_fraction_digits() {
        assert_eq!(decimal_places("0.330"), 3);
        assert_eq!(decimal_places("12"), 0);
        assert_eq!(decimal_places("12."), 0);
        assert_eq!(decimal_places(".5"), 1);
        assert_eq!(decimal_places("1.25e3"), 2);
    }

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
    fn gcd_agrees_with_num_integer() {
        let mut rng = Lcg(7);
        for i in 0..300 {
            let a = rng.big(40).magnitude().clone() + 1u32;
            let mut b = rng.big(40).magnitude().clone() + 1u32;
            if i % 3 == 0 {
                // A large common factor exercises the long Lehmer runs.
                let g = rng.big(20).magnitude().clone() + 1u32;
                b = &a * &g;
            }
            let want = Integer::gcd(&a, &b);
            assert_eq!(gcd(&a, &b, &mut Budget::new(u64::MAX)).unwrap(), want);
            assert_eq!(gcd(&b, &a, &mut Budget::new(u64::MAX)).unwrap(), want);
        }
        let fib = |n: usize| {
            let (mut x, mut y) = (BigUint::one(), BigUint::one());
            for _ in 0..n {
                (x, y) = (y.clone(), x + y);
            }
            (x, y)
        };
        let (x, y) = fib(3000); // consecutive Fibonacci numbers: the worst case for Euclid
        assert!(gcd(&x, &y, &mut Budget::new(u64::MAX)).unwrap().is_one());
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
        assert_eq!(
            Num::binomial(&q("5/2"), &Num::int(1), &mut b),
            Err(NumError::Domain("binomial"))
        );
    }

    // ----- caps and the work budget -----

    #[test]
    fn tower_of_nines_fails_fast() {
        let mut b = bud();
        let out = timed(50, || {
            let nine = Num::int(9);
            let top = nine.pow(&nine, &mut b)?; // 9^9, exact
            let mid = nine.pow(&top, &mut b)?; // 9^387420489: far too large
            nine.pow(&mid, &mut b)
        });
        assert_eq!(out, Err(NumError::TooLarge));
        assert!(b.remaining() > DEFAULT_BUDGET / 2);
    }

    #[test]
    fn huge_powers_fail_fast() {
        let mut b = bud();
        assert_eq!(timed(50, || int_pow(10, 100_000)), Err(NumError::TooLarge));
        let ten10 = int_pow(10, 10).unwrap();
        assert_eq!(
            timed(50, || Num::int(10).pow(&ten10, &mut b)),
            Err(NumError::TooLarge)
        );
        assert_eq!(
            timed(50, || ten10.factorial(&mut b)),
            Err(NumError::TooLarge)
        );
        assert_eq!(int_pow(2, 20_001), Err(NumError::TooLarge));
        // Too big to be exact, but representable: falls back to a tight ball.
        let v = timed(50, || q("1.0000001").pow(&Num::int(1_000_000), &mut b)).unwrap();
        assert!(!v.is_exact());
        let c = v.to_ball().unwrap();
        assert!(
            holds(c.re, &rat("1.105170912549793416638382709346716159349")),
            "{c:?}"
        );
        // The input's own rounding (1e-16 relative) is magnified 10^6 times, no more.
        assert!(c.re.rad < 1e-9, "{c:?}");
        // Tiny nonzero results that underflow are refused, never a ball around 0.
        assert_eq!(q("1/2").pow(&ten10, &mut b), Err(NumError::TooLarge));
    }

    #[test]
    fn big_factorials_fit_the_budget() {
        let mut b = bud();
        let f = timed(50, || Num::int(5000).factorial(&mut b)).unwrap();
        let n = f.as_exact_real().unwrap().numer().clone();
        assert_eq!(n.to_string().len(), 16_326);
        assert_eq!(n.to_string().trim_end_matches('0').len(), 16_326 - 1249);
        let mut b = bud();
        let d = timed(50, || Num::int(1000).double_factorial(&mut b)).unwrap();
        let half = Num::int(500).factorial(&mut b).unwrap();
        let want = int_pow(2, 500).unwrap().mul(&half, &mut b).unwrap();
        assert_eq!(d, want);
        let f = timed(50, || Num::int(10_000).double_factorial(&mut bud())).unwrap();
        assert!(f.is_exact());
        assert_eq!(
            Num::int(5000).factorial(&mut Budget::new(1000)),
            Err(NumError::Budget)
        );
    }

    #[test]
    fn exact_values_near_the_caps() {
        let mut b = bud();
        let f = Num::int(5000).factorial(&mut b).unwrap();
        let g = Num::int(4999).factorial(&mut b).unwrap();
        assert_exact(timed(50, || f.div(&g, &mut b)), &Num::int(5000));
        let sq = timed(50, || f.mul(&f, &mut b)).unwrap();
        assert!(sq.is_exact());
        // Past the cap the exact result is given up for a ball, which overflows.
        assert_eq!(sq.mul(&f, &mut b), Err(NumError::TooLarge));
    }

    #[test]
    fn expensive_gcds_run_out_of_budget_fast() {
        // (3^12000 + 1) / (5^8100 + 13): coprime 19000-bit integers need a long gcd.
        let mut b = Budget::new(u64::MAX);
        let x = int_pow(3, 12_000)
            .unwrap()
            .add(&Num::one(), &mut b)
            .unwrap();
        let y = int_pow(5, 8_100)
            .unwrap()
            .add(&Num::int(13), &mut b)
            .unwrap();
        let mut small = Budget::new(5_000);
        assert_eq!(timed(50, || x.div(&y, &mut small)), Err(NumError::Budget));
        let mut b = bud();
        let r = timed(100, || x.div(&y, &mut b)).unwrap();
        let back = r.mul(&y, &mut b).unwrap();
        assert_eq!(back, x);
    }

    #[test]
    fn every_capped_case_stays_cheap() {
        // A mixed bag run under one default budget: each either finishes or errors, quickly.
        let mut b = bud();
        timed(100, || {
            let _ = Num::int(9).pow(&int_pow(9, 9).unwrap(), &mut b);
            let _ = Num::int(1000)
                .factorial(&mut b)
                .and_then(|f| f.factorial(&mut b));
            let _ = int_pow(7, 5000).and_then(|x| x.sqrt(&mut b));
            let _ = int_pow(7, 5000).and_then(|x| x.pow(&q("1/7"), &mut b));
            let _ = int_pow(2, 10_000).and_then(|x| x.apply(Func::Log2, &mut b));
            let _ = Num::binomial(&Num::int(5000), &Num::int(2500), &mut b);
        });
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
