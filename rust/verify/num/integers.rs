//! Budgeted big-integer helpers under the rationals: Lehmer gcd, product trees, exact integer
//! roots and log2 estimates; apart from `rationals` so that file reads as rational arithmetic.

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

use super::budget::{div_cost, gcd_step_cost, limbs, mul_cost, root_cost, Budget, NumError};
use super::POW_EXACT_BITS;

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Greatest common divisor: Lehmer's algorithm on raw 64-bit limbs, with a division step
/// whenever the operands differ much in size; budgeted per step.
pub(super) fn gcd(a: &BigUint, b: &BigUint, budget: &mut Budget) -> Result<BigUint, NumError> {
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
pub(super) fn log2_uint(x: &BigUint) -> f64 {
    let bits = x.bits();
    if bits <= 64 {
        return x.to_f64().unwrap_or(0.0).log2();
    }
    let top = (x >> (bits - 64)).to_f64().unwrap_or(1.0);
    top.log2() + (bits - 64) as f64
}

/// log2 |r| for a non-zero rational, to about f64 precision.
pub(super) fn log2_rat(r: &BigRational) -> f64 {
    log2_uint(r.numer().magnitude()) - log2_uint(r.denom().magnitude())
}

/// Product of a list of integers as a balanced tree, budgeted per multiplication.
pub(super) fn product_tree(
    mut terms: Vec<BigUint>,
    budget: &mut Budget,
) -> Result<BigUint, NumError> {
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
pub(super) fn product_range(
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
pub(super) fn exact_uint_root(x: &BigUint, k: u32, budget: &mut Budget) -> Option<BigUint> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use num_integer::Integer;

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
}
