//! The rational points at which expressions with free variables are compared.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::super::num::Num;

/// Generic rational values: positive (so roots and logs stay real), far from special values.
const SAMPLE_VALUES: &[(i64, i64)] = &[
    (7, 5),
    (2, 3),
    (11, 13),
    (13, 7),
    (5, 11),
    (17, 10),
    (3, 8),
    (19, 6),
    (9, 17),
    (23, 9),
    (4, 19),
    (29, 12),
];

pub(super) fn sample_point(vars: &[String], k: usize) -> Vec<(String, Num)> {
    vars.iter()
        .enumerate()
        .map(|(j, v)| {
            let (n, d) = SAMPLE_VALUES[(k * 5 + j * 7) % SAMPLE_VALUES.len()];
            (
                v.clone(),
                Num::from_rational(BigRational::new(BigInt::from(n), BigInt::from(d))),
            )
        })
        .collect()
}

pub(super) fn describe_point(vars: &[String], k: usize) -> String {
    let parts: Vec<String> = vars
        .iter()
        .enumerate()
        .map(|(j, v)| {
            let (n, d) = SAMPLE_VALUES[(k * 5 + j * 7) % SAMPLE_VALUES.len()];
            format!("{v}={n}/{d}")
        })
        .collect();
    parts.join(", ")
}
