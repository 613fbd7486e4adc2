//! relift's Rust core: fast batched math-answer verification, group advantages and the lock-free
//! hard-question buffer. Algorithms are plain Rust; only `py/` touches PyO3, so
//! `cargo test --no-default-features` runs without Python.

pub mod advantages;
pub mod buffer;
pub mod error;
pub mod verify;

#[cfg(feature = "python")]
mod py;
