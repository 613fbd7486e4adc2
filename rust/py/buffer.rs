//! Python bindings of the lock-free hard-question buffer (`relift._core.HardQuestionBuffer`).
//!
//! Each entry's data is the Python tuple `(question_id, step, payload)` itself: `push_many` keeps
//! the caller's tuple when it already has exactly that shape, and `take` hands the same tuple
//! objects back, so neither direction allocates per entry beyond the list nodes. The array path
//! (`push_arrays` / `take_arrays`) stores no Python object at all: a batch of ids (and steps) is
//! one Rust allocation, copied from the numpy array, and `take_arrays` answers with new arrays.

use std::borrow::Cow;

use numpy::{
    Element, IntoPyArray, PyArray1, PyArrayDescrMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyTuple};

use super::crossing::{cross, Gil};
use crate::buffer::{self, Columns, Config, Entry, Order, Steps};
use crate::error::{Error, Result};

/// From this many entries on, `take_arrays` hands its vectors over to numpy instead of copying.
const HANDOVER_THRESHOLD: usize = 1 << 14;

/// An entry's data: the tuple `(question_id, step, payload)` it was pushed as, or `None` for an
/// entry without payload that has no tuple yet (pushed with `push_arrays`, or restored from a
/// snapshot); `take` makes its tuple.
#[derive(Default)]
struct PyEntry(Option<Py<PyTuple>>);

impl Clone for PyEntry {
    /// A new reference to the same tuple (attaching to the interpreter, which the buffer's
    /// callers almost always are already).
    fn clone(&self) -> Self {
        match &self.0 {
            None => PyEntry(None),
            Some(t) => Python::attach(|py| PyEntry(Some(t.clone_ref(py)))),
        }
    }
}

type Core = buffer::HardQuestionBuffer<PyEntry>;

/// What `take_arrays` returns: `(question_ids, steps)`.
type IdsAndSteps<'py> = (Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<i64>>);

fn entry(
    py: Python<'_>,
    question_id: i64,
    step: i64,
    payload: Option<Bound<'_, PyBytes>>,
) -> PyResult<Entry<PyEntry>> {
    let tuple = (question_id, step, payload).into_pyobject(py)?;
    Ok(Entry {
        question_id,
        step,
        data: PyEntry(Some(tuple.unbind())),
    })
}

/// The entry's tuple: the one it was pushed as, or a new `(question_id, step, None)`.
fn tuple_of(py: Python<'_>, e: Entry<PyEntry>) -> PyResult<Bound<'_, PyTuple>> {
    match e.data.0 {
        Some(t) => Ok(t.into_bound(py)),
        None => (e.question_id, e.step, py.None()).into_pyobject(py),
    }
}

fn count(what: &str, n: i64) -> Result<usize> {
    usize::try_from(n).map_err(|_| Error::InvalidInput(format!("{what}(n={n}): n must be >= 0")))
}

/// A 1-D integer array as int64: read in place when it is one (zero-copy), else converted with
/// `numpy.asarray` (other integer dtypes, lists). `what` names the argument in errors.
fn int64_array<'py>(ob: &Bound<'py, PyAny>, what: &str) -> PyResult<PyReadonlyArray1<'py, i64>> {
    if let Ok(a) = ob.extract::<PyReadonlyArray1<'py, i64>>() {
        return Ok(a);
    }
    let py = ob.py();
    let arr = py
        .import("numpy")?
        .call_method1("asarray", (ob,))
        .map_err(|e| Error::InvalidInput(format!("{what} must be a 1-D integer array: {e}")))?;
    let arr = arr
        .cast_into::<PyUntypedArray>()
        .map_err(|_| Error::InvalidInput(format!("{what} must be a 1-D integer array")))?;
    if arr.ndim() != 1 {
        return Err(Error::InvalidInput(format!(
            "{what} must be a 1-D integer array, got a {}-D array",
            arr.ndim()
        ))
        .into());
    }
    let dtype = arr.dtype();
    let kind = dtype.kind();
    // `[]` becomes float64: an empty array of any dtype is fine.
    if kind != b'i' && kind != b'u' && !arr.is_empty() {
        return Err(
            Error::InvalidInput(format!("{what} must be integers, got dtype {dtype}")).into(),
        );
    }
    if kind == b'u' && dtype.itemsize() == 8 && !arr.is_empty() {
        let max: u64 = arr.call_method0("max")?.extract()?;
        if max > i64::MAX as u64 {
            return Err(Error::InvalidInput(format!(
                "{what} must be in the signed 64-bit range, got {max}"
            ))
            .into());
        }
    }
    arr.call_method1("astype", ("int64",))?.extract()
}

/// The array's values, borrowed when contiguous, else copied.
fn slice_of<'a, T: Element + Copy>(a: &'a PyReadonlyArray1<'_, T>) -> Cow<'a, [T]> {
    match a.as_slice() {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(a.as_array().iter().copied().collect()),
    }
}

/// `steps` of `push_arrays` when it is one int for all (a Python int, a numpy integer or a 0-D
/// array); `None` when it is an array or a sequence.
fn scalar_step(ob: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    if ob.is_instance_of::<PyInt>() {
        return ob.extract().map(Some); // out of range: OverflowError, as `push`
    }
    if ob.cast::<PyUntypedArray>().is_ok_and(|a| a.ndim() > 0) {
        return Ok(None);
    }
    match ob.extract::<i64>() {
        Ok(step) => Ok(Some(step)),
        Err(e) if e.is_instance_of::<PyOverflowError>(ob.py()) => Err(e),
        Err(_) => Ok(None),
    }
}

fn bad_item(i: usize, what: &str) -> PyErr {
    PyTypeError::new_err(format!("entries[{i}] {what}"))
}

/// An item of `push_many`: a `(question_id, step, payload)` tuple, kept as is when it is a plain
/// tuple of two ints and bytes/None.
fn entry_of_item(py: Python<'_>, i: usize, item: &Bound<'_, PyAny>) -> PyResult<Entry<PyEntry>> {
    let shape = "must be a (question_id: int, step: int, payload: bytes | None) tuple";
    let tuple = item.cast::<PyTuple>().map_err(|_| bad_item(i, shape))?;
    if tuple.len() != 3 {
        return Err(bad_item(i, shape));
    }
    let qid = tuple.get_borrowed_item(0)?;
    let step = tuple.get_borrowed_item(1)?;
    let payload = tuple.get_borrowed_item(2)?;
    let question_id: i64 = qid
        .extract()
        .map_err(|_| bad_item(i, "question_id must be an int in the signed 64-bit range"))?;
    let step_value: i64 = step
        .extract()
        .map_err(|_| bad_item(i, "step must be an int in the signed 64-bit range"))?;
    let payload = if payload.is_none() {
        None
    } else {
        Some(
            payload
                .cast::<PyBytes>()
                .map_err(|_| bad_item(i, "payload must be bytes or None"))?
                .to_owned(),
        )
    };
    let as_is = tuple.is_exact_instance_of::<PyTuple>()
        && qid.is_exact_instance_of::<PyInt>()
        && step.is_exact_instance_of::<PyInt>();
    if as_is {
        Ok(Entry {
            question_id,
            step: step_value,
            data: PyEntry(Some(tuple.clone().unbind())),
        })
    } else {
        entry(py, question_id, step_value, payload)
    }
}

/// A thread-safe, lock-free buffer of `(question_id, step, payload)` entries for the hardest
/// questions. `take(n)` is all or nothing and returns the n newest ('newest_first', the ReLIFT
/// reference) or the n oldest ('fifo'). With a capacity a full buffer drops its oldest entry;
/// with dedup a push of a held question_id is rejected. `push_arrays` / `take_arrays` are the
/// numpy form of `push_many` / `take` (no payload). `snapshot()` / `restore()` checkpoint it.
#[pyclass(frozen, module = "relift._core", name = "HardQuestionBuffer")]
pub struct HardQuestionBuffer {
    inner: Core,
}

#[pymethods]
impl HardQuestionBuffer {
    #[new]
    #[pyo3(signature = (capacity = None, order = "newest_first", dedup = false))]
    fn new(capacity: Option<i64>, order: &str, dedup: bool) -> PyResult<Self> {
        let capacity = match capacity {
            None => None,
            Some(c) if c >= 1 => Some(
                usize::try_from(c).map_err(|_| Error::InvalidInput("capacity too large".into()))?,
            ),
            Some(c) => {
                return Err(Error::InvalidInput(format!(
                    "capacity={c} is not valid: expected an int >= 1 or None (unbounded)"
                ))
                .into())
            }
        };
        let order = Order::parse(order)?;
        let inner = Core::new(Config {
            capacity,
            order,
            dedup,
        })?;
        Ok(HardQuestionBuffer { inner })
    }

    #[getter]
    fn capacity(&self) -> Option<usize> {
        self.inner.config().capacity
    }

    #[getter]
    fn order(&self) -> &'static str {
        self.inner.config().order.as_str()
    }

    #[getter]
    fn dedup(&self) -> bool {
        self.inner.config().dedup
    }

    #[pyo3(signature = (question_id, step, payload = None))]
    fn push(
        &self,
        py: Python<'_>,
        question_id: i64,
        step: i64,
        payload: Option<Bound<'_, PyBytes>>,
    ) -> PyResult<bool> {
        let entry = entry(py, question_id, step, payload)?;
        cross(py, Gil::Hold, || Ok(self.inner.push(entry)))
    }

    fn push_many(&self, py: Python<'_>, entries: &Bound<'_, PyAny>) -> PyResult<usize> {
        let mut batch = Vec::with_capacity(entries.len().unwrap_or(0));
        if let Ok(list) = entries.cast::<PyList>() {
            for (i, item) in list.iter().enumerate() {
                batch.push(entry_of_item(py, i, &item)?);
            }
        } else {
            for (i, item) in entries.try_iter()?.enumerate() {
                batch.push(entry_of_item(py, i, &item?)?);
            }
        }
        cross(py, Gil::Hold, || Ok(self.inner.push_many(batch)))
    }

    /// The array path of `push_many`: `question_ids` (int64 read in place; other integer arrays
    /// are converted) with `steps`, one int for all or an array of the same length; every
    /// payload is None. Copies the ids into one allocation; releases the GIL for large inputs.
    fn push_arrays(
        &self,
        py: Python<'_>,
        question_ids: &Bound<'_, PyAny>,
        steps: &Bound<'_, PyAny>,
    ) -> PyResult<usize> {
        let ids_array = int64_array(question_ids, "question_ids")?;
        let ids = slice_of(&ids_array);
        let steps_array;
        let steps_slice;
        let steps = match scalar_step(steps)? {
            Some(step) => Steps::Same(step),
            None => {
                steps_array = int64_array(steps, "steps (an int or a 1-D integer array)")?;
                steps_slice = slice_of(&steps_array);
                Steps::Each(&steps_slice)
            }
        };
        // The ids are copied out of the arrays before the GIL is released.
        let columns = Columns::new(&ids, steps)?;
        cross(py, Gil::release_for(columns.len()), || {
            Ok(self.inner.push_columns(columns))
        })
    }

    fn take<'py>(&self, py: Python<'py>, n: i64) -> PyResult<Bound<'py, PyList>> {
        let n = count("take", n)?;
        match cross(py, Gil::Hold, || Ok(self.inner.take(n)))? {
            None => Ok(PyList::empty(py)),
            Some(entries) => {
                let tuples = entries.into_iter().map(|e| tuple_of(py, e));
                PyList::new(py, tuples.collect::<PyResult<Vec<_>>>()?)
            }
        }
    }

    /// The array path of `take`: `(question_ids, steps)` as two new int64 arrays, or None.
    fn take_arrays<'py>(&self, py: Python<'py>, n: i64) -> PyResult<Option<IdsAndSteps<'py>>> {
        let n = count("take_arrays", n)?;
        let taken = cross(py, Gil::release_for(n), || Ok(self.inner.take_columns(n)))?;
        // Small: a copy into numpy's own memory is cheaper than handing over the Vec (which
        // needs an owner object per array); large: the Vec is handed over, not copied.
        let array = |v: Vec<i64>| {
            if v.len() >= HANDOVER_THRESHOLD {
                v.into_pyarray(py)
            } else {
                PyArray1::from_slice(py, &v)
            }
        };
        Ok(taken.map(|(ids, steps)| (array(ids), array(steps))))
    }

    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let entries = cross(py, Gil::Hold, || Ok(self.inner.entries()))?;
        let tuples = entries.into_iter().map(|e| tuple_of(py, e));
        PyList::new(py, tuples.collect::<PyResult<Vec<_>>>()?)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        // One consistent state: counters and length come from the same root.
        let s = self.inner.stats();
        let d = PyDict::new(py);
        d.set_item("pushed", s.pushed)?;
        d.set_item("taken", s.taken)?;
        d.set_item("dropped", s.dropped)?;
        d.set_item("rejected", s.rejected)?;
        d.set_item("held", s.pushed - s.taken - s.dropped)?;
        Ok(d)
    }

    fn snapshot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        // The payloads are read out of the entries' tuples, so the GIL stays held; attaching
        // inside only fetches the token that `cross`'s `Send` work cannot capture.
        let bytes = cross(py, Gil::Hold, || {
            Ok(Python::attach(|py| {
                self.inner.snapshot_with(|e| {
                    let payload = e.0.as_ref()?.bind(py).get_borrowed_item(2).ok()?;
                    Some(payload.cast::<PyBytes>().ok()?.as_bytes().to_vec())
                })
            }))
        })?;
        Ok(PyBytes::new(py, &bytes))
    }

    #[staticmethod]
    fn restore(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        // Payloads become `bytes` objects, so the GIL stays held (as in `snapshot`).
        let inner = cross(py, Gil::Hold, || {
            Python::attach(|py| {
                Core::restore_with(data, |question_id, step, payload| match payload {
                    None => Ok(PyEntry(None)), // its tuple is made when it is taken
                    Some(p) => entry(py, question_id, step, Some(PyBytes::new(py, p)))
                        .map(|e| e.data)
                        .map_err(|e| Error::Internal(e.to_string())),
                })
            })
        })?;
        Ok(HardQuestionBuffer { inner })
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let restore = py.get_type::<HardQuestionBuffer>().getattr("restore")?;
        Ok((restore, (self.snapshot(py)?,)))
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        let capacity = c.capacity.map_or("None".to_string(), |c| c.to_string());
        format!(
            "HardQuestionBuffer(len={}, capacity={capacity}, order='{}', dedup={})",
            self.inner.len(),
            c.order.as_str(),
            if c.dedup { "True" } else { "False" }
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<HardQuestionBuffer>()?;
    Ok(())
}
