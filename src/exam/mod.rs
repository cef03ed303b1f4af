//! Exam alignment: the 820-605 blueprint, and what each scenario exercises of it.

pub mod blueprint;
pub mod checks;
pub mod class;
pub mod coverage;
pub mod debrief;
pub mod judge;
pub mod mechanics;
pub mod practice;
pub mod questions;
pub mod score;
pub mod study;

pub use blueprint::Blueprint;
