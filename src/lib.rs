//! csm-sim: an exam-aligned training and simulation engine for Customer Success Managers.
//!
//! [`sim`] is the Bevy simulation of a CSM's portfolio; [`scenario`] reads the RON files
//! that drive it; [`playbook`] scripts a CSM for batch runs; [`session`] saves and replays
//! played sessions; [`cli`] is the command-line program.

pub mod cli;
pub mod playbook;
pub mod scenario;
pub mod session;
pub mod sim;
