//! Property-based fuzzing of the verifier (proptest): whatever the input, grading never panics,
//! stays within its time bound, and is reflexive on well-formed numbers.
//! Longer runs: `PROPTEST_CASES=200000 cargo test --release --no-default-features --test fuzz_verify`.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use relift::verify::{grade, Options};

/// Pieces models and adversaries put into answers, glued together at random.
fn latexish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "\\frac",
        "\\dfrac",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "\\{",
        "\\}",
        "^",
        "_",
        "\\sqrt",
        "\\pi",
        "1",
        "2",
        "9",
        "0.5",
        "x",
        "y",
        "i",
        "e",
        "+",
        "-",
        "*",
        "/",
        "=",
        "<",
        "\\le",
        ",",
        "!",
        "\\boxed{",
        "\\text{",
        " cm",
        "%",
        "^\\circ",
        "\\cup",
        "\\infty",
        "\\pm",
        "|",
        "&",
        "\\\\",
        "\\begin{pmatrix}",
        "\\end{pmatrix}",
        "\\sin",
        "\\log_",
        "\\ln",
        "10^{",
        "$",
        "\\,",
        "</think>",
        "The answer is ",
        "\\\\frac",
        "√",
        "π",
        "−",
        "°",
        "½",
        " ",
        "×",
        "²",
        "⁻",
        "\n",
        ". ",
        " is ",
        " and ",
        ", since ",
        " not ",
        "Wait, ",
        "\nCheck: ",
        "**",
        "__",
        "\"answer\": \"",
        "\nProblem 2. ",
        "\nUser: ",
        "\nAssistant: ",
        "\n### Human: ",
        "#### ",
        "XIV",
        "0x2A",
        ":",
        "11:05",
        "4.500,75",
        "(C)",
        "Option B",
        "should be ",
        "\\mathbf{i}",
        " radians",
        "\\text{ m}",
        "one half",
        "negative ",
        "Let me check ",
    ]);
    prop::collection::vec(atoms, 0..64).prop_map(|parts| parts.concat())
}

fn bounded_grade(response: &str, answer: &str) {
    let start = Instant::now();
    let verdict = grade(response, answer, &Options::default()).expect("grade must not fail");
    let elapsed = start.elapsed();
    // Generous for unoptimised builds on a loaded 2-core machine; release builds are ~100x faster.
    assert!(
        elapsed < Duration::from_millis(250),
        "{elapsed:?} for {response:?} vs {answer:?}"
    );
    let _ = verdict.reason;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_latexish_text(response in latexish(), answer in latexish()) {
        bounded_grade(&response, &answer);
        bounded_grade(&format!("so \\boxed{{{response}}}"), &answer);
    }

    #[test]
    fn never_panics_on_arbitrary_unicode(response in "\\PC{0,200}", answer in "\\PC{0,40}") {
        bounded_grade(&response, &answer);
    }

    #[test]
    fn integers_equal_themselves(n in any::<i64>()) {
        let verdict = grade(&format!("\\boxed{{{n}}}"), &n.to_string(), &Options::default()).unwrap();
        prop_assert!(verdict.is_correct(), "{n}: {verdict:?}");
    }

    #[test]
    fn fractions_equal_their_decimal_value(num in 1i64..10_000, pow in 0u32..6) {
        let den = 2i64.pow(pow) * 5i64.pow(pow % 3);
        let decimal = format!("{}", num as f64 / den as f64);
        let verdict = grade(&format!("\\boxed{{\\frac{{{num}}}{{{den}}}}}"), &decimal, &Options::default()).unwrap();
        prop_assert!(verdict.is_correct(), "{num}/{den} vs {decimal}: {verdict:?}");
    }

    #[test]
    fn distinct_integers_differ(a in any::<i32>(), b in any::<i32>()) {
        prop_assume!(a != b);
        let verdict = grade(&format!("\\boxed{{{a}}}"), &b.to_string(), &Options::default()).unwrap();
        prop_assert!(!verdict.is_correct(), "{a} vs {b}: {verdict:?}");
    }
}
