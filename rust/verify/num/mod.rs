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

// One file per part described above (budget and costs, integers, rationals, real and complex balls,
// `Num` and its functions, comparison); this file keeps the size caps and re-exports what the rest
// of `verify` uses.
mod balls;
mod budget;
mod comparison;
mod complex;
mod functions;
mod integers;
mod rationals;
#[cfg(test)]
mod test_support;
mod tower;

pub use balls::{Ball, E_BALL, PI_BALL};
pub use budget::{Budget, NumError, NumResult};
pub use comparison::{approx_eq, cmp_real, decimal_places, round_to_places, Tri};
pub use complex::CBall;
pub use functions::Func;
pub use rationals::CRat;
pub use tower::Num;

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
