//! Maps the core's one error enum onto the Python exception hierarchy in `relift.errors`.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::Error;

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

pub fn to_py_err(err: Error) -> PyErr {
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
