//! Python bindings of the verifier: `verify`, `verify_batch`, `grade`, `extract_answer` and the
//! `Verdict` class.

use numpy::{PyArray1, ToPyArray};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::crossing::{cross, Gil};
use crate::error::Error;
use crate::verify::{self as core, ExtractFallback, Options, Percent, Rounding, Think};

const OPTION_NAMES: &str =
    "think, require_boxed, extract_fallback, float_tolerance, rounding, percent, work_budget";

/// Build `Options` from keyword arguments, naming the offending option and its allowed values.
fn options_from_kwargs(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut opts = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(opts);
    };
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        let bad = |allowed: &str| -> PyErr {
            Error::InvalidInput(format!(
                "option {key}={value} is not valid: expected {allowed}"
            ))
            .into()
        };
        match key.as_str() {
            "think" => {
                opts.think = match value.extract::<Option<String>>()?.as_deref() {
                    None | Some("ignore") => Think::Ignore,
                    Some("after") => Think::After,
                    _ => return Err(bad("'after', 'ignore' or None")),
                }
            }
            "require_boxed" => opts.require_boxed = value.extract().map_err(|_| bad("a bool"))?,
            "extract_fallback" => {
                opts.extract_fallback = match value.extract::<String>().as_deref() {
                    Ok("boxed") => ExtractFallback::BoxedOnly,
                    Ok("answer_is") => ExtractFallback::AnswerIs,
                    Ok("math_span") => ExtractFallback::MathSpan,
                    Ok("last_number") => ExtractFallback::LastNumber,
                    _ => return Err(bad("'boxed', 'answer_is', 'math_span' or 'last_number'")),
                }
            }
            "float_tolerance" => {
                let tol: f64 = value.extract().map_err(|_| bad("a float"))?;
                if !(0.0..1.0).contains(&tol) {
                    return Err(bad("a relative tolerance in [0, 1)"));
                }
                opts.float_tolerance = tol;
            }
            "rounding" => {
                opts.rounding = match value.extract::<String>().as_deref() {
                    Ok("precise") => Rounding::Precise,
                    Ok("reference") => Rounding::ReferencePrecision,
                    Ok("exact") => Rounding::Exact,
                    _ => return Err(bad("'precise', 'reference' or 'exact'")),
                }
            }
            "percent" => {
                opts.percent = match value.extract::<String>().as_deref() {
                    Ok("either") => Percent::Either,
                    Ok("strict") => Percent::Strict,
                    _ => return Err(bad("'either' or 'strict'")),
                }
            }
            "work_budget" => {
                let units: u64 = value.extract().map_err(|_| bad("a positive int"))?;
                if units == 0 {
                    return Err(bad("a positive int"));
                }
                opts.work_budget = units;
            }
            _ => {
                return Err(Error::InvalidInput(format!(
                    "unknown option {key:?}; valid options are: {OPTION_NAMES}"
                ))
                .into())
            }
        }
    }
    Ok(opts)
}

/// Copy a sequence of str into owned Rust strings, naming the argument and index on a bad item.
fn extract_strings(seq: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if seq.is_instance_of::<PyString>() {
        return Err(Error::InvalidInput(format!(
            "{what} must be a sequence of str, not a single str"
        ))
        .into());
    }
    let mut out = Vec::with_capacity(seq.len().unwrap_or(0));
    for (i, item) in seq.try_iter()?.enumerate() {
        let item = item?;
        let s: String = item.extract().map_err(|_| {
            Error::InvalidInput(format!(
                "{what}[{i}] must be str, got {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        out.push(s);
    }
    Ok(out)
}

/// The result of `grade`: what was extracted, how both sides parsed, and the decision.
#[pyclass(frozen, module = "relift._core", get_all)]
pub struct Verdict {
    correct: bool,
    decision: &'static str,
    extracted: Option<String>,
    extract_method: &'static str,
    predicted: Option<String>,
    gold: Option<String>,
    reason: String,
}

#[pymethods]
impl Verdict {
    fn __repr__(&self) -> String {
        format!(
            "Verdict(correct={}, decision={}, extracted={}, extract_method={}, predicted={}, gold={}, reason={})",
            if self.correct { "True" } else { "False" },
            py_str(Some(self.decision)),
            py_str(self.extracted.as_deref()),
            py_str(Some(self.extract_method)),
            py_str(self.predicted.as_deref()),
            py_str(self.gold.as_deref()),
            py_str(Some(&self.reason)),
        )
    }

    fn __bool__(&self) -> bool {
        self.correct
    }
}

/// A Python-looking literal for an optional string (close enough to `repr` for debugging).
fn py_str(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        None => "None".to_string(),
    }
}

impl From<core::Verdict> for Verdict {
    fn from(v: core::Verdict) -> Self {
        Verdict {
            correct: v.is_correct(),
            decision: v.decision.as_str(),
            extracted: v.extracted,
            extract_method: v.extract_method,
            predicted: v.predicted,
            gold: v.gold,
            reason: v.reason,
        }
    }
}

#[pyfunction]
#[pyo3(signature = (response, answer, **options))]
fn verify(
    py: Python<'_>,
    response: String,
    answer: String,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<bool> {
    let opts = options_from_kwargs(options)?;
    cross(py, Gil::Release, || {
        core::verify_one(&response, &answer, &opts)
    })
}

#[pyfunction]
#[pyo3(signature = (response, answer, **options))]
fn grade(
    py: Python<'_>,
    response: String,
    answer: String,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Verdict> {
    let opts = options_from_kwargs(options)?;
    let verdict = cross(py, Gil::Release, || core::grade(&response, &answer, &opts))?;
    Ok(verdict.into())
}

#[pyfunction]
#[pyo3(signature = (response, **options))]
fn extract_answer(
    py: Python<'_>,
    response: String,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<(Option<String>, &'static str)> {
    let opts = options_from_kwargs(options)?;
    cross(py, Gil::Release, || core::extract_one(&response, &opts))
}

#[pyfunction]
#[pyo3(signature = (responses, answers, *, threads = None, **options))]
fn verify_batch<'py>(
    py: Python<'py>,
    responses: &Bound<'py, PyAny>,
    answers: &Bound<'py, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyArray1<bool>>> {
    let opts = options_from_kwargs(options)?;
    let responses = extract_strings(responses, "responses")?;
    let answers = extract_strings(answers, "answers")?;
    let results = cross(py, Gil::Release, || {
        core::verify_many(&responses, &answers, &opts, threads)
    })?;
    Ok(results.to_pyarray(py))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Verdict>()?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(grade, m)?)?;
    m.add_function(wrap_pyfunction!(verify_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract_answer, m)?)?;
    // The rounding rule's thresholds, so that the sympy worker applies the same rule.
    m.add("MIN_ROUNDED_PLACES", core::MIN_ROUNDED_PLACES)?;
    m.add("MIN_ROUNDED_DIGITS", core::MIN_ROUNDED_DIGITS)?;
    m.add("MIN_APPROXIMATION_PLACES", core::MIN_APPROXIMATION_PLACES)?;
    Ok(())
}
