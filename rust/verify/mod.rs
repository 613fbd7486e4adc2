//! Math-answer verification: is the final answer of a model `response` equal to the reference
//! `answer`?
//!
//! Pipeline: `extract` pulls the final answer out of the response (and strips the wrappers off
//! the reference), `latex` parses both into an `ast::Node`, `compare` decides equal / not equal /
//! unknown with exact rationals where possible and ball arithmetic (`num`) otherwise. Every step
//! runs under a `num::Budget`, so each item costs a bounded amount of work whatever the input.

pub mod ast;
pub mod compare;
pub mod eval;
pub mod extract;
#[cfg(test)]
mod grading_tests;
pub mod intervals;
pub mod latex;
pub mod num;
mod options;
mod readings;
mod units;

use std::collections::HashMap;

use rayon::prelude::*;

pub use options::{
    ExtractFallback, Options, Percent, Rounding, Think, MIN_APPROXIMATION_PLACES,
    MIN_ROUNDED_DIGITS, MIN_ROUNDED_PLACES,
};

use crate::error::{catch_panics, Error, Result};

/// The outcome of comparing two parsed answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Equal,
    NotEqual,
    /// Could not be decided within the work budget, or one side could not be parsed.
    Unknown,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Equal => "equal",
            Decision::NotEqual => "not_equal",
            Decision::Unknown => "unknown",
        }
    }
}

/// Everything `grade` found out, for debugging a reward.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The final answer taken out of the response, if any.
    pub extracted: Option<String>,
    /// How it was found: "boxed", "answer_is", "math_span", "last_number", or "none".
    pub extract_method: &'static str,
    /// The parsed forms, printed; `None` when that side did not parse.
    pub predicted: Option<String>,
    pub gold: Option<String>,
    pub decision: Decision,
    /// A short human-readable reason for the decision.
    pub reason: String,
}

impl Verdict {
    pub fn is_correct(&self) -> bool {
        self.decision == Decision::Equal
    }
}

/// A reference answer parsed once and reused for every response graded against it.
pub struct Gold {
    parsed: std::result::Result<ast::Node, String>,
    /// The currency the reference names, if any (see [`readings::currency_of`]).
    currency: Option<char>,
    /// The unit the reference names, if any (see [`units`]).
    unit: units::NamedUnit,
    /// The reference read a second way, tried when the first reading is not equal: a decimal
    /// comma (`0,5`), or the value of a choice that carries one (`\textbf{(C)}\ 12` is 12).
    second: Option<ast::Node>,
}

impl Gold {
    pub fn new(answer: &str, options: &Options) -> Gold {
        let mut budget = num::Budget::new(options.work_budget);
        let (stripped, parts) = extract::reference_answer(answer);
        let currency = readings::currency_of(answer);
        let unit = units::NamedUnit::of(&stripped);
        if let Some(gathered) = readings::gather(&parts, &mut budget) {
            return Gold {
                parsed: Ok(gathered),
                currency,
                unit,
                second: None,
            };
        }
        let parsed = latex::parse_answer(&stripped, &mut budget).map_err(|e| e.to_string());
        let second = readings::reference_second_reading(&stripped, parsed.as_ref().ok())
            .and_then(|text| latex::parse_answer(&text, &mut budget).ok());
        Gold {
            parsed,
            currency,
            unit,
            second,
        }
    }
}

/// Grade one response against a pre-parsed reference answer.
pub fn grade_with_gold(response: &str, gold: &Gold, options: &Options) -> Verdict {
    let (extracted, parts) = extract::extract_answer_parts(response, &options.extract_options());
    let method = extracted.method.as_str();
    let Some(text) = extracted.text else {
        // No answer found in prose that names a text reference ("... has infinitely many").
        let named = match (&gold.parsed, extracted.method) {
            (Ok(g), extract::ExtractMethod::None) => {
                let mut budget = num::Budget::new(options.work_budget);
                readings::unboxed_prose_answer(response, g, options, &mut budget)
            }
            _ => None,
        };
        return Verdict {
            extracted: None,
            extract_method: method,
            predicted: None,
            gold: gold.parsed.as_ref().ok().map(|g| g.to_string()),
            decision: if named.is_some() {
                Decision::Equal
            } else {
                Decision::NotEqual
            },
            reason: named.unwrap_or_else(|| extracted.reason.to_string()),
        };
    };
    let gold_parsed = match &gold.parsed {
        Ok(g) => g,
        Err(e) => {
            return Verdict {
                extracted: Some(text),
                extract_method: method,
                predicted: None,
                gold: None,
                decision: Decision::Unknown,
                reason: format!("reference answer did not parse: {e}"),
            }
        }
    };
    let mut budget = num::Budget::new(options.work_budget);
    let mut gathered = readings::gather(&parts, &mut budget);
    let list_gold = matches!(gold_parsed, ast::Node::List(_) | ast::Node::Set(_));
    if gathered.is_none() && list_gold && readings::has_parts(gold_parsed) {
        // Parts boxed apart ("(a) ... \boxed{3}. (b) ... \boxed{7}."), as many as the reference's.
        let boxes = extract::every_box(response, &options.extract_options());
        gathered = readings::gather(&boxes, &mut budget)
            .filter(|all| readings::same_count(all, gold_parsed));
    }
    // Parts that answer together against a one-part reference: one answer when they describe
    // it whole (`$x < -1$ or $x > 3$` against `(-\infty, -1) \cup (3, \infty)`), else a hedge.
    let mut parts_are_one_answer = false;
    if let Some(boxes) = &gathered {
        if !readings::has_parts(gold_parsed)
            && readings::parts_disagree(boxes, options, &mut budget)
        {
            let (whole, _) = compare::compare(boxes, gold_parsed, options, &mut budget, true);
            if whole != Decision::Equal {
                return Verdict {
                    extracted: Some(text),
                    extract_method: method,
                    predicted: Some(boxes.to_string()),
                    gold: Some(gold_parsed.to_string()),
                    decision: Decision::NotEqual,
                    reason: "the response boxes several different values".into(),
                };
            }
            parts_are_one_answer = true;
        }
    }
    let parsed = match gathered {
        Some(boxes) if readings::has_parts(gold_parsed) || parts_are_one_answer => Ok(boxes),
        _ => readings::parse_or_last_side(&text, gold_parsed, &mut budget),
    };
    // Parts labelled (a), (b), ... answer the reference's parts in order.
    let (parsed, gold_parsed) = match (parsed, gold_parsed) {
        (Ok(ast::Node::List(ours)), ast::Node::List(theirs))
            if ours.len() == theirs.len() && readings::labels_its_parts(response) =>
        {
            let ordered = ast::Node::Tuple(theirs.clone());
            (Ok(ast::Node::Tuple(ours)), std::borrow::Cow::Owned(ordered))
        }
        (parsed, gold) => (parsed, std::borrow::Cow::Borrowed(gold)),
    };
    let gold_parsed: &ast::Node = &gold_parsed;
    let predicted = match parsed {
        Ok(p) => p,
        Err(e) => {
            return Verdict {
                extracted: Some(text),
                extract_method: method,
                predicted: None,
                gold: Some(gold_parsed.to_string()),
                decision: Decision::NotEqual,
                reason: format!("extracted answer did not parse: {e}"),
            }
        }
    };
    let announced = extracted.announced;
    let (mut decision, mut reason) =
        compare::compare(&predicted, gold_parsed, options, &mut budget, announced);
    if decision != Decision::Equal {
        for reading in readings::second_readings(&text, &predicted, gold_parsed) {
            let Ok(node) = latex::parse_answer(&reading, &mut budget) else {
                continue;
            };
            let (second, why) =
                compare::compare(&node, gold_parsed, options, &mut budget, announced);
            if second == Decision::Equal {
                (decision, reason) = (second, format!("read as {reading}: {why}"));
                break;
            }
        }
    }
    if let (true, Some(second)) = (decision != Decision::Equal, &gold.second) {
        let (again, why) = compare::compare(&predicted, second, options, &mut budget, announced);
        if again == Decision::Equal {
            (decision, reason) = (
                again,
                format!("against the reference's second reading: {why}"),
            );
        }
    }
    if decision == Decision::Equal {
        // The response's currency and unit are read only when the reference names one: most
        // references do not, and this runs on every right answer of a batch.
        if let Some(theirs) = gold.currency {
            if readings::currency_of(&text).is_some_and(|ours| ours != theirs) {
                (decision, reason) = (Decision::NotEqual, "a different currency".into());
            }
        }
        if gold.unit.names_one() && units::units_clash(units::NamedUnit::of(&text), gold.unit) {
            (decision, reason) = (Decision::NotEqual, "a different unit".into());
        }
        // `(B) 8` against `(B) 7`: the same letter with a different option value.
        if let (ast::Node::Choice(_), Some(theirs)) = (&predicted, &gold.second) {
            let ours = readings::choice_option_text(&text)
                .and_then(|t| latex::parse_answer(t, &mut budget).ok());
            if let Some(ours) = ours {
                let (same, _) = compare::compare(&ours, theirs, options, &mut budget, true);
                if same == Decision::NotEqual {
                    (decision, reason) = (Decision::NotEqual, "a different option value".into());
                }
            }
        }
    }
    if decision != Decision::Equal && !announced {
        if let Some(why) =
            readings::unboxed_prose_answer(response, gold_parsed, options, &mut budget)
        {
            (decision, reason) = (Decision::Equal, why);
        }
    }
    Verdict {
        extracted: Some(text),
        extract_method: method,
        predicted: Some(predicted.to_string()),
        gold: Some(gold_parsed.to_string()),
        decision,
        reason,
    }
}

/// Grade one response; a panic inside is turned into `Error::Internal`, never propagated.
pub fn grade(response: &str, answer: &str, options: &Options) -> Result<Verdict> {
    catch_panics(|| {
        let gold = Gold::new(answer, options);
        grade_with_gold(response, &gold, options)
    })
}

/// The final answer of a response and how it was found (see [`extract`]), without grading it.
pub fn extract_one(response: &str, options: &Options) -> Result<(Option<String>, &'static str)> {
    catch_panics(|| {
        let found = extract::extract_answer(response, &options.extract_options());
        (found.text, found.method.as_str())
    })
}

pub fn verify_one(response: &str, answer: &str, options: &Options) -> Result<bool> {
    grade(response, answer, options).map(|v| v.is_correct())
}

/// Verify a batch in parallel, parsing each distinct reference answer once.
/// `threads = None` uses rayon's global pool (all cores).
pub fn verify_many<S: AsRef<str> + Sync>(
    responses: &[S],
    answers: &[S],
    options: &Options,
    threads: Option<usize>,
) -> Result<Vec<bool>> {
    if responses.len() != answers.len() {
        return Err(Error::InvalidInput(format!(
            "responses and answers must have the same length, got {} and {}",
            responses.len(),
            answers.len()
        )));
    }
    let run = || -> Result<Vec<bool>> {
        let mut distinct: HashMap<&str, usize> = HashMap::new();
        let mut gold_index = Vec::with_capacity(answers.len());
        for a in answers {
            let next = distinct.len();
            gold_index.push(*distinct.entry(a.as_ref()).or_insert(next));
        }
        let mut gold_texts: Vec<&str> = vec![""; distinct.len()];
        for (text, i) in &distinct {
            gold_texts[*i] = text;
        }
        let golds: Vec<Gold> = gold_texts
            .par_iter()
            .map(|a| Gold::new(a, options))
            .collect();
        Ok(responses
            .par_iter()
            .zip(gold_index.par_iter())
            .map(|(r, &g)| grade_with_gold(r.as_ref(), &golds[g], options).is_correct())
            .collect())
    };
    let guarded_run = || catch_panics(run)?;
    match threads {
        None => guarded_run(),
        Some(0) => Err(Error::InvalidInput(
            "threads must be a positive integer or None".into(),
        )),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| Error::Internal(format!("could not start {n} threads: {e}")))?
            .install(guarded_run),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_lengths_must_match() {
        let err = verify_many(&["1"], &["1", "2"], &Options::default(), None).unwrap_err();
        assert!(matches!(err, Error::InvalidInput(msg) if msg.contains("same length")));
    }
}
