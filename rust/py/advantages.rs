//! Python bindings of group advantages: `group_advantages`, `group_stats` and `GroupStats`.

use std::borrow::Cow;

use numpy::{Element, IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::crossing::{cross, Gil};
use crate::advantages::{self, Baseline, Groups, Options, Reward, Scale};
use crate::error::{Error, Result};

/// `numpy.asarray(ob, **kwargs)`, requiring a 1-D result; `what` names the argument.
fn asarray_1d<'py>(
    ob: &Bound<'py, PyAny>,
    dtype: Option<&str>,
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let py = ob.py();
    let kwargs = PyDict::new(py);
    if let Some(dtype) = dtype {
        kwargs.set_item("dtype", dtype)?;
    }
    let arr = py
        .import("numpy")?
        .call_method("asarray", (ob,), Some(&kwargs))
        .map_err(|e| Error::InvalidInput(format!("{what} must be a 1-D array of numbers: {e}")))?;
    let ndim: usize = arr.getattr("ndim")?.extract()?;
    if ndim != 1 {
        return Err(
            Error::InvalidInput(format!("{what} must be 1-D, got a {ndim}-D array")).into(),
        );
    }
    Ok(arr)
}

/// The rewards as given (float32 / float64 arrays, zero-copy) or converted to float64.
enum Rewards<'py> {
    F32(PyReadonlyArray1<'py, f32>),
    F64(PyReadonlyArray1<'py, f64>),
}

fn rewards_of<'py>(ob: &Bound<'py, PyAny>) -> PyResult<Rewards<'py>> {
    if let Ok(a) = ob.extract::<PyReadonlyArray1<'py, f64>>() {
        return Ok(Rewards::F64(a));
    }
    if let Ok(a) = ob.extract::<PyReadonlyArray1<'py, f32>>() {
        return Ok(Rewards::F32(a));
    }
    // bool arrays from verify_batch, ints, lists, other float widths: a float64 copy.
    Ok(Rewards::F64(
        asarray_1d(ob, Some("float64"), "rewards")?.extract()?,
    ))
}

fn slice_of<'a, T: Element + Copy>(a: &'a PyReadonlyArray1<'_, T>) -> Cow<'a, [T]> {
    match a.as_slice() {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(a.as_array().iter().copied().collect()), // strided view: copy
    }
}

/// Integer group ids as an i64 array (zero-copy when they already are one).
fn group_ids_of<'py>(ob: &Bound<'py, PyAny>) -> PyResult<PyReadonlyArray1<'py, i64>> {
    if let Ok(a) = ob.extract::<PyReadonlyArray1<'py, i64>>() {
        return Ok(a);
    }
    let arr = asarray_1d(ob, None, "group_ids")?;
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    let empty = arr.getattr("size")?.extract::<usize>()? == 0; // `[]` becomes float64
    if kind != "i" && kind != "u" && !empty {
        let dtype = arr.getattr("dtype")?.str()?.to_string();
        return Err(
            Error::InvalidInput(format!("group_ids must be integers, got dtype {dtype}")).into(),
        );
    }
    arr.call_method1("astype", ("int64",))?.extract()
}

/// Holds the group ids alive while `Groups` borrows them.
enum GroupArg<'py> {
    Size(usize),
    Ids(PyReadonlyArray1<'py, i64>),
}

fn group_arg<'py>(
    group_size: Option<i64>,
    group_ids: Option<&Bound<'py, PyAny>>,
) -> PyResult<GroupArg<'py>> {
    match (group_size, group_ids) {
        (Some(_), Some(_)) => {
            Err(Error::InvalidInput("pass either group_size or group_ids, not both".into()).into())
        }
        (None, None) => Err(Error::InvalidInput(
            "pass group_size (contiguous groups) or group_ids".into(),
        )
        .into()),
        (Some(size), None) if size < 1 => Err(Error::InvalidInput(format!(
            "group_size={size} is not valid: expected an int >= 1"
        ))
        .into()),
        (Some(size), None) => Ok(GroupArg::Size(size as usize)),
        (None, Some(ids)) => Ok(GroupArg::Ids(group_ids_of(ids)?)),
    }
}

/// Call `f` on the rewards and their groups through the crossing (the GIL released when the
/// input is large).
fn on_groups<T, R>(
    py: Python<'_>,
    rewards: &PyReadonlyArray1<'_, T>,
    groups: &GroupArg<'_>,
    f: impl FnOnce(&[T], Groups<'_>) -> Result<R> + Send,
) -> PyResult<R>
where
    T: Reward + Element + Copy + Sync,
    R: Send,
{
    let r = slice_of(rewards);
    let ids;
    let groups = match groups {
        GroupArg::Size(size) => Groups::Contiguous(*size),
        GroupArg::Ids(a) => {
            ids = slice_of(a);
            Groups::Ids(&ids)
        }
    };
    cross(py, Gil::release_for(r.len()), || f(&r, groups))
}

fn run<'py, T: Reward + Element + Copy + Sync>(
    py: Python<'py>,
    rewards: &PyReadonlyArray1<'py, T>,
    groups: &GroupArg<'py>,
    opts: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let out = on_groups(py, rewards, groups, |r, g| {
        advantages::group_advantages(r, g, opts)
    })?;
    Ok(out.into_pyarray(py).into_any())
}

/// Group-relative advantages of a 1-D reward array (GRPO, Dr.GRPO, RLOO, REINFORCE++ baselines).
///
/// Groups: `group_size` (consecutive groups) or `group_ids` (an integer id per reward).
/// `baseline`: 'mean' (r - group mean) or 'loo' (r - mean of the others). `scale`: 'none'
/// (Dr.GRPO, the ReLIFT reference), 'group' (divide by the group's sample std + eps) or 'batch'
/// (divide by the batch's sample std of the centred rewards + eps). NaN rewards are left out of
/// baselines and get 0; groups with fewer than two valid or all-equal rewards get exactly 0.
/// Returns a new array in the input's float dtype (float64 for non-float inputs).
#[pyfunction]
#[pyo3(signature = (rewards, group_size = None, *, group_ids = None, baseline = "mean", scale = "none", eps = 1e-6))]
fn group_advantages<'py>(
    py: Python<'py>,
    rewards: &Bound<'py, PyAny>,
    group_size: Option<i64>,
    group_ids: Option<&Bound<'py, PyAny>>,
    baseline: &str,
    scale: &str,
    eps: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let baseline = match baseline {
        "mean" => Baseline::Mean,
        "loo" => Baseline::LeaveOneOut,
        _ => {
            return Err(Error::InvalidInput(format!(
                "baseline={baseline:?} is not valid: expected 'mean' or 'loo'"
            ))
            .into())
        }
    };
    let scale = match scale {
        "none" => Scale::None,
        "group" => Scale::Group,
        "batch" => Scale::Batch,
        _ => {
            return Err(Error::InvalidInput(format!(
                "scale={scale:?} is not valid: expected 'none', 'group' or 'batch'"
            ))
            .into())
        }
    };
    let opts = Options {
        baseline,
        scale,
        eps,
    };
    let groups = group_arg(group_size, group_ids)?;
    match rewards_of(rewards)? {
        Rewards::F32(a) => run(py, &a, &groups, &opts),
        Rewards::F64(a) => run(py, &a, &groups, &opts),
    }
}

/// Per-group statistics from `group_stats`: read-only arrays `group_ids`, `mean`, `std`, `count`,
/// `solve_none`, `solve_all` (groups in order of first appearance) and the two rates.
#[pyclass(frozen, module = "relift._core")]
pub struct GroupStats {
    #[pyo3(get)]
    group_ids: Py<PyArray1<i64>>,
    #[pyo3(get)]
    mean: Py<PyArray1<f64>>,
    #[pyo3(get)]
    std: Py<PyArray1<f64>>,
    #[pyo3(get)]
    count: Py<PyArray1<i64>>,
    #[pyo3(get)]
    solve_none: Py<PyArray1<bool>>,
    #[pyo3(get)]
    solve_all: Py<PyArray1<bool>>,
    n_groups: usize,
    n_valid_groups: usize,
    n_solve_none: usize,
    n_solve_all: usize,
}

fn rate(k: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        k as f64 / n as f64
    }
}

#[pymethods]
impl GroupStats {
    /// Fraction of the groups with a valid reward in which no response scored above 0.
    #[getter]
    fn solve_none_rate(&self) -> f64 {
        rate(self.n_solve_none, self.n_valid_groups)
    }

    /// Fraction of the groups with a valid reward in which every response scored at least 1.
    #[getter]
    fn solve_all_rate(&self) -> f64 {
        rate(self.n_solve_all, self.n_valid_groups)
    }

    fn __len__(&self) -> usize {
        self.n_groups
    }

    fn __repr__(&self) -> String {
        format!(
            "GroupStats(groups={}, solve_none_rate={:.4}, solve_all_rate={:.4})",
            self.n_groups,
            self.solve_none_rate(),
            self.solve_all_rate()
        )
    }
}

fn frozen_array<'py, T: Element>(py: Python<'py>, v: Vec<T>) -> PyResult<Py<PyArray1<T>>> {
    let arr = v.into_pyarray(py);
    arr.call_method1("setflags", (false,))?;
    Ok(arr.unbind())
}

/// Per-group mean, std (sample), count, solve_none (all valid rewards <= 0: ReLIFT's hardest) and
/// solve_all (all >= 1) of a reward array, grouped by `group_size` or `group_ids` as in
/// `group_advantages`.
#[pyfunction]
#[pyo3(signature = (rewards, group_size = None, *, group_ids = None))]
fn group_stats<'py>(
    py: Python<'py>,
    rewards: &Bound<'py, PyAny>,
    group_size: Option<i64>,
    group_ids: Option<&Bound<'py, PyAny>>,
) -> PyResult<GroupStats> {
    let groups = group_arg(group_size, group_ids)?;
    fn stats_of<T: Reward + Element + Copy + Sync>(
        py: Python<'_>,
        rewards: &PyReadonlyArray1<'_, T>,
        groups: &GroupArg<'_>,
    ) -> PyResult<advantages::GroupStats> {
        on_groups(py, rewards, groups, |r, g| advantages::group_stats(r, g))
    }
    let s = match rewards_of(rewards)? {
        Rewards::F32(a) => stats_of(py, &a, &groups)?,
        Rewards::F64(a) => stats_of(py, &a, &groups)?,
    };
    let count = |v: &[bool]| v.iter().filter(|&&b| b).count();
    Ok(GroupStats {
        n_groups: s.group_ids.len(),
        n_valid_groups: s.count.iter().filter(|&&c| c > 0).count(),
        n_solve_none: count(&s.solve_none),
        n_solve_all: count(&s.solve_all),
        group_ids: frozen_array(py, s.group_ids)?,
        mean: frozen_array(py, s.mean)?,
        std: frozen_array(py, s.std)?,
        count: frozen_array(py, s.count)?,
        solve_none: frozen_array(py, s.solve_none)?,
        solve_all: frozen_array(py, s.solve_all)?,
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<GroupStats>()?;
    m.add_function(wrap_pyfunction!(group_advantages, m)?)?;
    m.add_function(wrap_pyfunction!(group_stats, m)?)?;
    Ok(())
}
