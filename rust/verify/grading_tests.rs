//! End-to-end grading of the answer forms that the independent corpus's dev split found wrong:
//! each test states the rule and checks both the pass and the near miss it must not pass.

use super::{grade, Decision, Options, Rounding};

fn decide(response: &str, answer: &str) -> Decision {
    grade(response, answer, &Options::default())
        .unwrap()
        .decision
}

fn equal(response: &str, answer: &str) -> bool {
    decide(response, answer) == Decision::Equal
}

#[test]
fn thousands_separators_in_every_spelling() {
    for response in [
        "\\boxed{1,\\!331,\\!000}",
        "\\boxed{1{,}331{,}000}",
        "\\boxed{1 {, }331 {, }000}",
    ] {
        assert!(equal(response, "1331000"), "{response}");
    }
    assert!(equal("The answer is 12 500.", "12,\\!500"));
    assert!(equal(
        "The answer is 3,628,800 since that is 10!.",
        "3628800"
    ));
    assert!(!equal("The answer is 3,628,800.", "3628801"));
}

#[test]
fn commas_read_by_the_reference() {
    assert!(equal("\\boxed{3,75}", "3.75"));
    assert!(equal("\\boxed{0,125}", "\\frac18"));
    assert!(!equal("\\boxed{0,125}", "125"));
    assert!(!equal("\\boxed{98,765}", "98.765"));
    assert!(equal("Answer: 1,234", "1, 234"));
    assert!(equal("Soucis : 2,74 $ a payer.", "2.74"));
}

#[test]
fn default_rounding_needs_a_precise_reference() {
    assert!(equal("\\boxed{\\frac13}", "0.33"));
    assert!(equal("\\boxed{\\frac{100}{3}}", "33.3"));
    assert!(equal("\\boxed{4\\pi}", "12.57"));
    assert!(!equal("\\boxed{\\frac13}", "0.3"));
    assert!(!equal("Answer: \\sqrt{2}", "1.4"));
    let any_places = Options {
        rounding: Rounding::ReferencePrecision,
        ..Options::default()
    };
    assert!(grade("\\boxed{\\frac13}", "0.3", &any_places)
        .unwrap()
        .is_correct());
}

#[test]
fn a_chain_stands_for_its_last_side() {
    assert!(equal("\\boxed{k = 12 + 3 = 15}", "15"));
    assert!(equal("\\boxed{\\frac{6}{36} = \\frac{1}{6}}", "\\frac16"));
    assert!(equal(
        "\\boxed{P = \\frac{1}{6} \\approx 0.167}",
        "\\frac16"
    ));
    assert!(equal(
        "\\boxed{A = \\pi r^2 = 25\\pi \\approx 78.54}",
        "25\\pi"
    ));
    assert!(equal("therefore $x \\approx 11$.", "11"));
    assert!(equal("\\boxed{r \\equiv 3 \\pmod 7}", "3"));
    assert!(!equal("\\boxed{x = 3 + 4 = 8}", "7"));
    // An equation is not a chain, and a computation picked out of the reasoning is a step.
    assert!(!equal("\\boxed{2x + 3 = 7}", "7"));
    assert!(!equal(
        "so $\\sqrt{21 \\cdot 8 \\cdot 7 \\cdot 6} = \\sqrt{7056}$",
        "84"
    ));
}

#[test]
fn several_boxes_are_one_answer_when_the_reference_has_parts() {
    assert!(equal("roots are $\\boxed{2}, \\boxed{1}$.", "1, 2"));
    assert!(equal(
        "$\\boxed{(0,0)}$ and $\\boxed{(2,4)}$",
        "(0,0),(2,4)"
    ));
    assert!(!equal("$\\boxed{1}, \\boxed{3}$", "\\{1,2\\}"));
    // One reference value: boxing several different values is a hedge, not an answer.
    assert!(!equal("$\\boxed{(0,0)}$ and $\\boxed{(2,4)}$", "(2,4)"));
    assert!(!equal("either $\\boxed{3}$ or $\\boxed{4}$", "3"));
    // The same value boxed twice, and a revision after prose, still pass.
    assert!(equal(
        "$\\boxed{\\frac{6}{36}} = \\boxed{\\frac16}$",
        "\\frac16"
    ));
    assert!(equal("First \\boxed{24}. Wait, it is \\boxed{12}.", "12"));
}

#[test]
fn a_reference_that_boxes_several_parts() {
    let gold = "Factoring, $(x-3)(x+1)=0$, so $x=\\boxed{3}$ or $x=\\boxed{-1}$.";
    assert!(equal("\\boxed{-1, 3}", gold));
    assert!(equal("The final answer is $x=3 \\text{ or } x=-1$.", gold));
    let named = "Thus $a = \\boxed{2}$ and $b = \\boxed{-5}$.";
    assert!(equal("\\boxed{a=2, b=-5}", named));
    assert!(equal("\\boxed{(2,-5)}", named));
    assert!(!equal("\\boxed{a=-5, b=2}", named));
}

#[test]
fn solutions_and_assignments() {
    assert!(equal("\\boxed{y=2, x=1}", "(1,2)"));
    assert!(equal("\\boxed{x = 1 \\lor x = 2}", "x_1=1, x_2=2"));
    assert!(equal(
        "\\boxed{x=2, y=3 \\text{ or } x=3, y=2}",
        "(2,3),(3,2)"
    ));
    assert!(equal("\\boxed{(p, q) = (5, 2), (7, 2)}", "p=5,q=2;p=7,q=2"));
    assert!(!equal(
        "\\boxed{(p, q) = (5, 2), (7, 3)}",
        "p=5,q=2;p=7,q=2"
    ));
}

#[test]
fn relations_sets_binomials_bases_and_matrices() {
    assert!(equal("\\boxed{x != 3}", "x \\ne 3"));
    assert!(equal(
        "\\boxed{\\{x \\in \\mathbb{R} : x \\neq 3\\}}",
        "(-\\infty,3)\\cup(3,\\infty)"
    ));
    assert!(equal("\\boxed{\\binom{n}{2}}", "\\frac{n(n-1)}{2}"));
    assert!(!equal("\\boxed{\\binom{n}{2}}", "\\frac{n(n+1)}{2}"));
    assert!(equal("The final answer is $204_5$.", "204_5"));
    assert!(equal("\\boxed{1011}", "1011_2"));
    assert!(equal("the number is $2a_{16}$.", "2A_{16}"));
    assert!(!equal("\\boxed{54}", "204_5"));
    assert!(!equal("\\boxed{1254_8}", "1254_6"));
    assert!(equal("\\boxed{1254_6}", "1254"));
    assert!(equal("\\boxed{7}", "7_{10}"));
    let half = "\\boxed{\\frac{1}{2}\\begin{pmatrix} 2 \\\\ 4 \\end{pmatrix}}";
    assert!(equal(half, "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}"));
    assert!(!equal(half, "\\begin{pmatrix} 2 \\\\ 4 \\end{pmatrix}"));
    assert!(equal(
        "is $\\left. \\frac{x^3}{3} \\right|_0^1 = \\frac{1}{3}$.",
        "\\frac13"
    ));
}

#[test]
fn answers_without_a_box() {
    let minerva = "Final Answer: The distance traveled is 300. I hope it is correct.";
    assert!(equal(minerva, "300"));
    assert!(equal(
        "Final Answer: $g(f(2))$ is 48. I hope it is correct.",
        "48"
    ));
    assert!(equal(
        "So the total is 21.\n#### 21\n\nQuestion: 2+2?\nAnswer: 4",
        "21"
    ));
    assert!(!equal(
        "So the total is 21.\n#### 21\n\nQuestion: 2+2?\nAnswer: 4",
        "4"
    ));
    let larger = "That is why the answer is larger than 19.\n\nSo it needs **20** classes.";
    assert!(equal(larger, "20"));
    assert!(!equal(larger, "19"));
    assert!(equal("The population is 1.5 million.", "1{,}500{,}000"));
    assert!(equal("The area of the square is 49 cm2.", "49"));
    assert!(!equal("The key is the string 3B, as computed.", "3"));
    assert!(!equal("the answer is AZYUK2A", "2"));
    assert!(equal("The garden has area 16 m^2.", "16"));
    assert!(equal("\\boxed{25\\pi \\text{ cm}^2}", "25\\pi"));
}

#[test]
fn choice_letters() {
    assert!(equal(
        "12, so option (B) 10 is off. Therefore I think it's B.",
        "B"
    ));
    assert!(!equal(
        "12, so option (B) 10 is off. Therefore I think it's B.",
        "C"
    ));
    assert!(equal("\\boxed{C) 12}", "C"));
    assert!(equal(
        "The answer is C, not (D), since 14 needs a side of 3.",
        "C"
    ));
    assert!(equal(
        "so the answer is $\\boxed{\\textbf{(D)}\\ 210}$.",
        "210"
    ));
    assert!(equal("$\\textbf{(B) }5$", "5"));
    // "I" and "A" in prose are not letters named as answers.
    assert!(!equal("I think so. A careful check agrees.", "A"));
}

#[test]
fn calculator_decimals_for_exact_references() {
    assert!(equal("so \\boxed{0.333333}", "\\frac13"));
    assert!(equal("\\boxed{4.123106}", "\\sqrt{17}"));
    assert!(!equal("\\boxed{0.333334}", "\\frac13"));
    assert!(!equal("\\boxed{3.14}", "\\pi"));
    assert!(!equal("\\boxed{3.14159}", "\\pi"));
    assert!(equal("\\boxed{3.141593}", "\\pi"));
    let exact = Options {
        rounding: Rounding::Exact,
        ..Options::default()
    };
    assert!(!grade("\\boxed{0.333333}", "\\frac13", &exact)
        .unwrap()
        .is_correct());
}

#[test]
fn half_closed_delimiters_and_percent_words() {
    assert!(equal("\\boxed{\\left( \\frac12 \\right.}", "\\frac12"));
    assert!(equal("The answer is 28 pct.", "28\\%"));
    assert!(equal("The answer is 28 pct.", "0.28"));
}

#[test]
fn round_two_forms() {
    // Numbers in words, with no digit to fall back on.
    assert!(equal(
        "Each molecule has 3 atoms, so the answer is three.",
        "3"
    ));
    assert!(equal("So there are seven such integers.", "7"));
    assert!(equal("The total comes to one hundred twenty.", "120"));
    // Spans joined by "or": one answer with two parts, or a hedge against one value.
    let two_roots = "we get $x = 4$ or $x = -\\frac{1}{2}$.";
    assert!(equal(two_roots, "x=-\\frac{1}{2} \\text{ or } x=4"));
    assert!(!equal(two_roots, "-\\frac12"));
    // Two named quantities are not a hedge.
    assert!(equal("so $a = 3$ and $b = 5$.", "5"));
    // Parts boxed apart, as many as the reference has.
    assert!(equal(
        "(a) The mean is $\\boxed{3}$.\n(b) The median is $\\boxed{7}$.",
        "3, 7"
    ));
    assert!(equal("$$\\boxed{(2, 3), (-2, 3)}$$", "(\\pm 2, 3)"));
    assert!(equal(
        "The answer is (-inf, 0) U (4, inf).",
        "(-\\infty,0)\\cup(4,\\infty)"
    ));
    assert!(equal("Der Anteil betr\u{e4}gt $12{,}5\\,\\%$.", "12.5\\%"));
    assert!(equal(
        "Therefore, the final answer is $\\boxed{\\frac{1}{2}}$.",
        "0,5"
    ));
    assert!(equal(
        "so its area is $\\boxed{12}$.",
        "area $\\boxed{\\textbf{(C)}\\ 12}$."
    ));
    assert!(equal(
        "So the lottery has 1 000 000 possible tickets.",
        "10^6"
    ));
    assert!(equal("The recipe needs 2 1/2 cups of flour.", "\\frac52"));
    assert!(equal(
        "The determinant is $4 \\cdot 6 - 3 \\cdot 2 = 18$.",
        "18"
    ));
    assert!(equal("**Answer:** \u{20ac}60", "60"));
    assert!(!equal("Her weekly pay is $\\boxed{\u{a3}480}$.", "\\$480"));
    assert!(equal("The answer is option D: a parabola.", "D"));
    assert!(equal(
        "so the answer is 13 boxes, each completely full.",
        "13"
    ));
    assert!(!equal("The batting average is .325.", "325"));
    // A condition and its result, and a revision of a tuple, are not parts.
    assert!(equal("Since $n > 0$, $n = 7$.", "7"));
    let revised = "First: $\\boxed{(-1, 3)}$. Wrong.\n\nThe final answer is $\\boxed{(3, -1)}$.";
    assert!(equal(revised, "(3,-1)"));
}

// --- Forms the third corpus round's dev split found ------------------------------------------

#[test]
fn a_gsm8k_solution_is_read_from_its_marker_line() {
    let gold = "4 bags of 6 = <<4*6=24>>24 apples; 24 - 5 = <<24-5=19>>19.\n#### 19";
    assert!(equal("4 × 6 = 24, minus 5 leaves 19.\n\n#### 19", gold));
    assert!(equal("So 19 apples remain.\n#### 19 apples", gold));
    assert!(!equal("#### 24", gold));
}

#[test]
fn a_correction_after_the_box_replaces_it() {
    let corrected = "$\\boxed{7}$\n\nWait, I dropped the sign: the answer is actually $-7$.";
    assert!(equal(corrected, "-7"));
    assert!(!equal(corrected, "7"));
    // Restating the box without taking it back changes nothing.
    assert!(equal("$\\boxed{7}$. So the answer is 7.", "7"));
}

#[test]
fn several_choice_letters_are_one_selection() {
    assert!(equal("Answer: B, D", "BD"));
    assert!(!equal("Answer: (B) and (D)", "B"));
    assert!(!equal("Answer: B, D", "BCD"));
    // A letter ruled out is not the one chosen.
    assert!(!equal("I'd go with (A) 4, not (E) 9.", "E"));
    assert!(equal("I'd go with (A) 4, not (E) 9.", "A"));
}

#[test]
fn the_same_number_in_another_unit_is_wrong() {
    assert!(!equal("$\\boxed{12 \\text{ m}}$", "12 \\text{ cm}"));
    assert!(!equal("$\\boxed{45 \\text{ radians}}$", "45^\\circ"));
    assert!(equal(
        "$\\boxed{12 \\text{ centimeters}}$",
        "12 \\text{ cm}"
    ));
    assert!(equal("$\\boxed{\\frac{\\pi}{4}}$", "45^\\circ"));
    assert!(equal("Answer: 3.2 km/h²", "3.2 \\text{ km/h}^2"));
}

#[test]
fn numbers_in_words_with_signs_and_fractions() {
    assert!(equal("The answer is minus twelve.", "-12"));
    assert!(equal("So exactly three quarters of them are blue.", "0.75"));
    assert!(!equal(
        "So exactly three quarters of them are blue.",
        "\\frac34 + 1"
    ));
}

#[test]
fn dots_group_thousands_when_there_are_two() {
    assert!(equal("Ergebnis: 2.500.000", "2500000"));
    assert!(!equal("Ergebnis: 2.500", "2500"));
}

#[test]
fn prose_that_names_a_list_or_a_text_answer() {
    assert!(equal(
        "Trying each case, the primes that work are 2, 5 and 11.",
        "\\{2, 5, 11\\}"
    ));
    assert!(!equal(
        "Trying each case, the primes that work are 2, 5 and 13.",
        "\\{2, 5, 11\\}"
    ));
    assert!(equal(
        "Counting forward 10 days lands on Friday.",
        "\\text{Friday}"
    ));
    assert!(!equal(
        "Counting forward 10 days, it is not Friday.",
        "\\text{Friday}"
    ));
    assert!(equal(
        "Squares are never negative, so there is no solution.",
        "\\varnothing"
    ));
}

#[test]
fn a_verification_after_the_answer_is_not_the_answer() {
    let checked = "From $3x - 4 = 11$ we get $x = 5$.\n\nCheck: $3(5) - 4 = 11$ ✓";
    assert!(equal(checked, "5"));
    assert!(!equal(checked, "11"));
    assert!(equal(
        "The final total is 42 marbles; that is 6 per bag.",
        "42"
    ));
}

#[test]
fn inequalities_joined_by_or_are_one_set() {
    let union = "(-\\infty, 2) \\cup (5, \\infty)";
    assert!(equal("It holds when $x < 2$ or $x > 5$.", union));
    assert!(!equal("It holds when $x < 2$ or $x > 6$.", union));
}

#[test]
fn unit_vectors_against_a_column_vector() {
    let gold = "\\begin{pmatrix} 2 \\\\ -1 \\\\ 5 \\end{pmatrix}";
    assert!(equal(
        "$\\boxed{2\\mathbf{i} - \\mathbf{j} + 5\\mathbf{k}}$",
        gold
    ));
    assert!(!equal(
        "$\\boxed{2\\mathbf{i} + \\mathbf{j} + 5\\mathbf{k}}$",
        gold
    ));
}

#[test]
fn a_response_cut_off_or_looping_gives_no_answer() {
    assert!(!equal(
        "So $a_5 = 31$. Therefore, the final answer is",
        "31"
    ));
    assert!(!equal("so the remainder is $4$... hmm, let me re", "4"));
    let looped = "Let me verify $k = 3$: yes. ".repeat(4) + "Let me verify $k";
    assert!(!equal(&looped, "3"));
    // An answer given before the loop still counts.
    let after_answer = format!("So $k = 4$. {looped}");
    assert!(equal(&after_answer, "4"));
    assert!(!equal(&after_answer, "3"));
}

#[test]
fn a_plain_text_turn_and_markdown_bold() {
    assert!(equal(
        "The LCM is 36.\n\n### Human: and the GCD?\n### Assistant: 6",
        "36"
    ));
    assert!(equal("> **Answer:** the number of ways is __15__.", "15"));
}

// --- Forms the fourth corpus round's dev split found -----------------------------------------

#[test]
fn explanations_and_ruled_out_values_are_not_the_answer() {
    assert!(equal(
        "The least such n is 2024, because 2024 = 8 * 11 * 23.",
        "2024"
    ));
    assert!(!equal(
        "The least such n is 2024, because 2024 = 8 * 11 * 23.",
        "23"
    ));
    assert!(equal(
        "So the limit is 2/3, not 1 as it first seems.",
        "\\frac23"
    ));
    assert!(!equal("So the limit is 2/3, not 1 as it first seems.", "1"));
    assert!(equal(
        "I think the answer is 81 but I am not certain.",
        "81"
    ));
}

#[test]
fn a_span_named_by_is_keeps_its_qualifier_apart() {
    assert!(equal("The remainder is $x + 4$ with quotient 3.", "x+4"));
    assert!(equal(
        "The height is $4\\sqrt{3}$ (about 6.93).",
        "4\\sqrt3"
    ));
    // A number in a later sentence, or after "using", is still the later answer.
    assert!(equal("Using $a^2 + b^2 = c^2$ we get 13.", "13"));
}

#[test]
fn structured_and_marked_up_answers() {
    assert!(equal("{\"steps\": 3, \"answer\": \"-12\"}", "-12"));
    assert!(equal(
        "{\"reasoning\": \"4 rows of 6\", \"answer\": 24}",
        "24"
    ));
    assert!(equal("**Answer:** It takes **3.5 hours**.", "3.5"));
    assert!(equal(
        "Answer: 41 (edit: should be 42, I dropped a term)",
        "42"
    ));
    assert!(equal("The answer is the letter D.", "D"));
}

#[test]
fn few_shot_and_dialogue_run_ons() {
    assert!(equal("Answer: 9\n\nProblem 3. Find 2^5.\nAnswer: 32", "9"));
    assert!(!equal(
        "Answer: 9\n\nProblem 3. Find 2^5.\nAnswer: 32",
        "32"
    ));
    assert!(equal(
        "So the mode is 4.\n\nUser: and the range?\nAssistant: It is 10.",
        "4"
    ));
}

#[test]
fn an_answer_before_a_repetition_loop_counts() {
    let looped = format!("The sum is 21.\n\n{}", "1, 2, 3, 4, 5, 6\n".repeat(4));
    assert!(equal(&looped, "21"));
}

#[test]
fn more_number_spellings() {
    assert!(equal("The answer is 12,34,567.", "1234567"));
    assert!(equal("Total: 7.250,50", "7250.5"));
    assert!(equal("The mass is 6 × 10⁻³ kg.", "6\\times10^{-3}"));
    assert!(equal("It took three and a half hours.", "3.5"));
    assert!(equal("The area is 9π.", "9\\pi"));
    assert!(equal("$\\boxed{0x1F}$", "1F_{16}"));
    assert!(equal("$\\boxed{XLII}$", "42"));
    assert!(equal("The answer is 42.", "XLII"));
    assert!(equal("The train leaves at 09:45.", "9{:}45"));
    assert!(!equal("The train leaves at 09:45.", "9{:}54"));
}

#[test]
fn choice_letters_named_in_prose() {
    assert!(equal("Option A fails. Option D is correct.", "D"));
    assert!(equal("Only statement C holds.", "C"));
    assert!(!equal("I would go with either B or C.", "C"));
    assert!(!equal("The area is 12. Answer: (B) or (D)", "B"));
    assert!(equal("All of them hold: A, B and D.", "ABD"));
    assert!(!equal("Only A and B hold.", "ABD"));
    assert!(!equal("$\\boxed{\\textbf{(C)}\\ 9}$", "\\textbf{(C) }10"));
}

#[test]
fn function_values_and_set_conditions() {
    assert!(equal("The maximum is $g(2) = 7$.", "7"));
    assert!(equal("$\\boxed{h^{-1}(x) = 2x - 1}$", "2x-1"));
    assert!(!equal(
        "$\\boxed{x < 0 \\text{ and } x > 2}$",
        "(-\\infty,0)\\cup(2,\\infty)"
    ));
    assert!(equal("$\\boxed{x > 0 \\text{ and } x < 2}$", "(0,2)"));
    assert!(equal("So the function is even.", "\\text{even}"));
    assert!(equal(
        "Every real number works: all real numbers.",
        "\\mathbb{R}"
    ));
}

#[test]
fn cents_are_not_dollars_and_labelled_parts_keep_their_order() {
    assert!(!equal("The stamp costs 60 cents.", "\\$60"));
    assert!(equal("The stamp costs 60 cents.", "60"));
    let parts = "(a) $\\boxed{2}$ (b) $\\boxed{5}$";
    assert!(equal(parts, "2, 5"));
    assert!(!equal(parts, "5, 2"));
}
