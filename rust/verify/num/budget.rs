//! The work budget every numeric operation spends from, the errors those operations
//! return, and the cost model that prices an operation from its operand sizes before it runs.

use std::fmt;

use num_bigint::{BigInt, BigUint};

use super::tower::Num;
use super::LIMB_OPS_PER_UNIT;

/// Units for one ball operation.
pub(super) const BALL_COST: u64 = 4;
/// Units for a library function or a power.
pub(super) const FUNC_COST: u64 = 16;

/// Work units an item may spend; see the `num` module documentation for the cost rules.
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

pub(super) fn limbs(x: &BigUint) -> u64 {
    x.bits() / 64 + 1
}

pub(super) fn ilimbs(x: &BigInt) -> u64 {
    limbs(x.magnitude())
}

/// Units for multiplying an `a`-limb integer by a `b`-limb one.
/// The linear term covers allocation and the passes over both operands.
pub(super) fn mul_cost(a: u64, b: u64) -> u64 {
    let ops = a.saturating_mul(b).saturating_add(8 * (a + b));
    1 + ops / LIMB_OPS_PER_UNIT
}

/// Units for dividing an `n`-limb integer by a `d`-limb one.
pub(super) fn div_cost(n: u64, d: u64) -> u64 {
    2 * mul_cost(d, n.saturating_sub(d) + 1)
}

/// Units for one gcd step on an `n`-limb integer.
pub(super) fn gcd_step_cost(n: u64) -> u64 {
    1 + n / 2
}

/// Units for an exact power whose result has about `bits` bits (the squarings dominate).
pub(super) fn pow_cost(bits: u64) -> u64 {
    let l = bits / 64 + 1;
    2 * mul_cost(l, l)
}

/// Units for an integer k-th root of a `bits`-bit integer plus the check of the candidate.
pub(super) fn root_cost(bits: u64) -> u64 {
    let l = bits / 64 + 1;
    let newton_steps = 64 - (bits / 32 + 1).leading_zeros() as u64 + 3;
    1 + (newton_steps + 2) * mul_cost(l, l) / 2
}

/// Units for turning a string of `n` decimal digits into an integer.
pub(super) fn parse_cost(n: u64) -> u64 {
    let chunks = n / 19 + 1;
    1 + 2 * chunks * chunks / LIMB_OPS_PER_UNIT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::num::test_support::*;
    use crate::verify::num::Func;

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
}
