//! csm-sim: an exam-aligned training and simulation engine for Customer Success Managers.
//!
//! [`sim`] is the Bevy simulation of a CSM's portfolio; [`scenario`] reads the RON files
//! that drive it; [`playbook`] scripts a CSM for batch runs; [`session`] saves and replays
//! played sessions; [`exam`] ties everything to the exam blueprint; [`cli`] is the
//! command-line program.

// First, so that its `tr!` macro is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod class;
pub mod cli;
pub mod exam;
#[cfg(feature = "gui")]
pub mod gui;
pub mod playbook;
pub mod scenario;
pub mod session;
pub mod settings;
pub mod sim;
