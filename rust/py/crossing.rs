//! The one crossing between Python and the Rust core: `cross` runs the core's work (GIL released
//! for large inputs, panics caught), and `From<Error> for PyErr` is the only error mapping.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::{catch_panics, Error, Result};

/// From this many items on, `Gil::release_for` releases the GIL around the work; below it,
/// releasing and re-taking the GIL costs more than other threads would gain.
const DETACH_THRESHOLD: usize = 1 << 14;

/// Whether `cross` releases the GIL while the work runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gil {
    Release,
    /// Kept: the work is small, or it makes or clones Python references (which need the GIL).
    Hold,
}

impl Gil {
    /// Release the GIL for work over at least `DETACH_THRESHOLD` items.
    pub fn release_for(items: usize) -> Gil {
        if items >= DETACH_THRESHOLD {
            Gil::Release
        } else {
            Gil::Hold
        }
    }
}

/// Run `work` on inputs already taken out of Python: without the GIL when `gil` is `Release`,
/// with a panic turned into `Error::Internal` (it must never unwind into Python), and with an
/// error raised as its `relift.errors` exception.
pub fn cross<T, F>(py: Python<'_>, gil: Gil, work: F) -> PyResult<T>
where
    F: FnOnce() -> Result<T> + Send,
    T: Send,
{
    let guarded = || catch_panics(work).and_then(|result| result);
    let result = match gil {
        Gil::Release => py.detach(guarded),
        Gil::Hold => guarded(),
    };
    Ok(result?)
}

/// Look up `relift.errors.<name>`, falling back to a builtin if the Python package is not
/// importable (e.g. the extension loaded on its own in a test).
fn relift_exception(py: Python<'_>, name: &str) -> Option<Py<PyType>> {
    let module = py.import("relift.errors").ok()?;
    module
        .getattr(name)
        .ok()?
        .cast_into::<PyType>()
        .ok()
        .map(|t| t.unbind())
}

static INVALID_INPUT: PyOnceLock<Option<Py<PyType>>> = PyOnceLock::new();
static INTERNAL: PyOnceLock<Option<Py<PyType>>> = PyOnceLock::new();

/// `InvalidInput` raises `relift.errors.InvalidInputError` (else `ValueError`), `Internal`
/// raises `relift.errors.InternalError` (else `RuntimeError`); the message is the error's text.
impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        Python::attach(|py| {
            let msg = err.to_string();
            let (cell, name) = match err {
                Error::InvalidInput(_) => (&INVALID_INPUT, "InvalidInputError"),
                Error::Internal(_) => (&INTERNAL, "InternalError"),
            };
            match cell.get_or_init(py, || relift_exception(py, name)) {
                Some(ty) => PyErr::from_type(ty.bind(py).clone(), msg),
                None => match err {
                    Error::InvalidInput(_) => PyValueError::new_err(msg),
                    Error::Internal(_) => PyRuntimeError::new_err(msg),
                },
            }
        })
    }
}
