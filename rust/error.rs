//! The one error enum of the Rust core; `py/errors.rs` maps it to Python exceptions.

use std::fmt;

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
