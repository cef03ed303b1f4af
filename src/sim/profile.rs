//! Optional timing of each step of the quarter, for performance work (`csm-sim bench
//! --profile`). Costs nothing unless a [`StepTimes`] resource is present.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::QuarterSystems;

/// The steps in pipeline order, as timed.
pub const STEPS: [QuarterSystems; 10] = QuarterSystems::ORDER;

/// Time spent in each step so far.
#[derive(Resource, Debug, Clone)]
pub struct StepTimes {
    mark: Instant,
    pub totals: [Duration; STEPS.len()],
}

impl Default for StepTimes {
    fn default() -> Self {
        StepTimes {
            mark: Instant::now(),
            totals: [Duration::ZERO; STEPS.len()],
        }
    }
}

fn start(mut t: ResMut<StepTimes>) {
    t.mark = Instant::now();
}

fn lap<const I: usize>(mut t: ResMut<StepTimes>) {
    let now = Instant::now();
    let since = now - t.mark;
    t.totals[I] += since;
    t.mark = now;
}

/// Adds the timing systems between the steps.
pub(super) fn add_timers(schedule: &mut Schedule) {
    let on = resource_exists::<StepTimes>;
    schedule.add_systems(start.run_if(on).before(STEPS[0]));
    macro_rules! laps {
        ($($i:literal),*) => {$(
            schedule.add_systems(
                lap::<$i>
                    .run_if(on)
                    .after(STEPS[$i])
                    .before(STEPS[($i + 1).min(STEPS.len() - 1)]),
            );
        )*};
    }
    laps!(0, 1, 2, 3, 4, 5, 6, 7, 8);
    schedule.add_systems(lap::<9>.run_if(on).after(STEPS[9]));
}
