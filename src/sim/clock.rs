//! The simulation clock: which quarter is being played and whether the scenario has ended.

use bevy::prelude::*;

/// The quarter the trainee is playing (1-based) and the scenario's length.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub quarter: u16,
    pub quarters: u16,
}

impl Clock {
    /// Whether every quarter of the scenario has been played.
    pub fn finished(&self) -> bool {
        self.quarter > self.quarters
    }

    /// The quarter as the signed number contracts use.
    pub fn q(&self) -> i16 {
        self.quarter as i16
    }
}
