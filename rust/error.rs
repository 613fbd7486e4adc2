//! The one error enum of the Rust core; `py/crossing.rs` maps it to Python exceptions.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A caller passed something unusable (mismatched lengths, a bad option value).
    InvalidInput(String),
    /// A Rust panic was caught at the boundary; this is a bug in relift.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput(msg) => write!(f, "{msg}"),
            Error::Internal(msg) => write!(
                f,
                "internal error in relift's Rust core (please report): {msg}"
            ),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Run `f`, turning a panic into `Error::Internal` (with the panic's message) so that it never
/// unwinds into Python.
pub(crate) fn catch_panics<T>(f: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Error::Internal(msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_internal_errors() {
        let err = catch_panics(|| -> u8 { panic!("boom {}", 7) }).unwrap_err();
        assert_eq!(err, Error::Internal("boom 7".into()));
        let err = catch_panics(|| -> u8 { panic!("static") }).unwrap_err();
        assert_eq!(err, Error::Internal("static".into()));
        assert_eq!(catch_panics(|| 3), Ok(3));
    }
}
