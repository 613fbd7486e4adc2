//! Python bindings of the lock-free hard-question buffer (`relift._core.HardQuestionBuffer`).
//!
//! Each entry's data is the Python tuple `(question_id, step, payload)` itself: `push_many` keeps
//! the caller's tuple when it already has exactly that shape, and `take` hands the same tuple
//! objects back, so neither direction allocates per entry beyond the list nodes.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyTuple};

use super::errors::to_py_err;
use crate::buffer::{self, Config, Entry, Order};
use crate::error::Error;

/// An entry's tuple; cloning it takes a new reference (attaching to the interpreter, which the
/// buffer's callers already are).
struct PyEntry(Py<PyTuple>);

impl Clone for PyEntry {
    fn clone(&self) -> Self {
        Python::attach(|py| PyEntry(self.0.clone_ref(py)))
    }
}

type Core = buffer::HardQuestionBuffer<PyEntry>;

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
        data: PyEntry(tuple.unbind()),
    })
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
            data: PyEntry(tuple.clone().unbind()),
        })
    } else {
        entry(py, question_id, step_value, payload)
    }
}

/// A thread-safe, lock-free buffer of `(question_id, step, payload)` entries for the hardest
/// questions. `take(n)` is all or nothing and returns the n newest ('newest_first', the ReLIFT
/// reference) or the n oldest ('fifo'). With a capacity a full buffer drops its oldest entry;
/// with dedup a push of a held question_id is rejected. `snapshot()` / `restore()` checkpoint it.
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
                usize::try_from(c)
                    .map_err(|_| to_py_err(Error::InvalidInput("capacity too large".into())))?,
            ),
            Some(c) => {
                return Err(to_py_err(Error::InvalidInput(format!(
                    "capacity={c} is not valid: expected an int >= 1 or None (unbounded)"
                ))))
            }
        };
        let order = Order::parse(order).map_err(to_py_err)?;
        let inner = Core::new(Config {
            capacity,
            order,
            dedup,
        })
        .map_err(to_py_err)?;
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
        Ok(self.inner.push(entry(py, question_id, step, payload)?))
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
        Ok(self.inner.push_many(batch))
    }

    fn take<'py>(&self, py: Python<'py>, n: i64) -> PyResult<Bound<'py, PyList>> {
        if n < 0 {
            return Err(to_py_err(Error::InvalidInput(format!(
                "take(n={n}): n must be >= 0"
            ))));
        }
        match self.inner.take(n as usize) {
            None => Ok(PyList::empty(py)),
            Some(entries) => PyList::new(py, entries.into_iter().map(|e| e.data.0)),
        }
    }

    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.entries().into_iter().map(|e| e.data.0))
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

    fn snapshot<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let bytes = self.inner.snapshot_with(|e| {
            let payload = e.0.bind(py).get_borrowed_item(2).ok()?;
            Some(payload.cast::<PyBytes>().ok()?.as_bytes().to_vec())
        });
        PyBytes::new(py, &bytes)
    }

    #[staticmethod]
    fn restore(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = Core::restore_with(data, |question_id, step, payload| {
            let payload = payload.map(|p| PyBytes::new(py, p));
            entry(py, question_id, step, payload)
                .map(|e| e.data)
                .map_err(|e| Error::Internal(e.to_string()))
        })
        .map_err(to_py_err)?;
        Ok(HardQuestionBuffer { inner })
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let restore = py.get_type::<HardQuestionBuffer>().getattr("restore")?;
        Ok((restore, (self.snapshot(py),)))
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
