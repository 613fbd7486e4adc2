//! The only place that touches PyO3: argument conversion, GIL release, error mapping.

mod advantages;
mod buffer;
mod crossing;
mod verify;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    verify::register(m)?;
    advantages::register(m)?;
    buffer::register(m)?;
    Ok(())
}
